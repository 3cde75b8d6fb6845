"""Durable, exclusive changes (issue 18, items 1, 2, 5, 6): real copies of the sample estate, real
processes, real SIGKILL / SIGINT at each step of the commit (injected with the test-only
``PRIVACY_AUDIT_FAULT_AT`` hook of ``privacy_audit.io.journal``), two processes at once."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit import auditlog
from privacy_audit.cli import run_guarded
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import apply_erasure, plan_erasure, vault_key_for, verify_erasure
from privacy_audit.io import JOURNAL_DIR, estate_lock
from privacy_audit.io.journal import ChangePendingError
from privacy_audit.subjects import resolve_subject

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data_samples"
RICH = "u_5e40321e94419582"  # rows in 13 files of the sample estate
OTHER = "u_1b7c27669f666472"


def copy_estate(dest: Path) -> Path:
    shutil.copytree(SAMPLES, dest, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl*", "generate.py"))
    return dest


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.name.startswith("audit_log")}  # fmt: skip


def leftovers(root: Path) -> list[str]:
    """Temporary files, backups and journals: none may outlive a change."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.endswith((".tmp", ".bak")) or JOURNAL_DIR in p.parts)  # fmt: skip


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child, before exec: SIGINT back to its default. A test run started in the background by a
    non-interactive shell (``cmd &``, as some CI runners do) inherits SIGINT *ignored*, and Python then
    installs no KeyboardInterrupt handler, so the injected Ctrl-C would be lost and the change finish."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "privacy_audit", *args], capture_output=True, text=True,
                          env=full, timeout=timeout, cwd=REPO, preexec_fn=_ctrl_c_as_in_a_terminal)  # fmt: skip


def erase_args(root: Path, token: str = RICH) -> list[str]:
    return ["erase", str(root / "datamap.yaml"), "--subject", f"token={token}", "--apply", "--yes", "--no-scanner"]


def erasure_entries(root: Path) -> list[dict]:
    log = root / "audit_log.jsonl"
    return [e for e in auditlog.read(log) if e["action"] == "erasure"] if log.exists() else []


def residual(root: Path, token: str) -> int:
    """Rows and lines that still carry the subject's token (the identity row may already be gone)."""
    dm = load_datamap(root / "datamap.yaml")
    plan = plan_erasure(dm, {"tokens": [token]}, vault_key=vault_key_for(dm))
    return sum(1 for d in plan.datasets for r in d.rows if r.action != "keep")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The estate before and after an uninterrupted erasure of RICH."""
    root = copy_estate(tmp_path_factory.mktemp("ref") / "estate")
    before = snapshot(root)
    done = cli(*erase_args(root))
    assert done.returncode == 0, done.stderr
    return before, snapshot(root)


# The erasure of RICH rewrites 14 files (13 holding their identifiers, and the survey answer their quasi-identifiers
# single out); it is killed after each step of its commit in turn (SQL commits: tests/test_sql.py).
FILES = 14
STEPS = ["staged", "prepared", "backed-up", *[f"rename:{n}" for n in range(1, FILES + 1)], "renamed", "committed",
         "logged"]  # fmt: skip


def test_the_crash_test_stops_at_every_fault_point_of_the_commit():
    """Every step the commit path announces (``fault_point`` in changes and io.journal) is one the crash test
    kills at; a new step without a kill fails here."""
    import re

    named = set()
    for path in (REPO / "privacy_audit" / "changes.py", REPO / "privacy_audit" / "io" / "journal.py"):
        named |= set(re.findall(r'fault_point\(f?"([a-z:-]+)(?:\{n\})?"\)', path.read_text()))
    assert named == {"staged", "prepared", "backed-up", "rename:", "renamed", "sql-committed", "committed", "logged"}
    covered = {s.rstrip("0123456789") for s in STEPS} | {"sql-committed"}  # SQL: test_sql's kill tests
    assert covered == named


@pytest.mark.slow
def test_kill_9_at_every_step_of_the_commit_leaves_all_old_or_all_new_finishable_and_logged(reference, tmp_path):
    before, after = reference
    changed = {k for k in before if before[k] != after.get(k)}
    assert len(changed) == FILES and "identity/identity.vault" in changed and "analytics/survey_responses.csv" in changed
    for n, step in enumerate(STEPS):
        root = copy_estate(tmp_path / f"estate-{n}")
        run = cli(*erase_args(root), env={"PRIVACY_AUDIT_FAULT_AT": step})
        assert run.returncode == -signal.SIGKILL, (step, run.returncode, run.stderr)
        # the next command finishes it: `recover`, or (every other step) simply the next erase
        if n % 2:
            fin = cli("recover", str(root / "datamap.yaml"), "--no-scanner")
            assert fin.returncode == 0, (step, fin.stderr)
            assert "recovered the interrupted erasure" in fin.stdout
        else:
            fin = cli("erase", str(root / "datamap.yaml"), "--subject", f"token={RICH}", "--no-scanner")
            assert fin.returncode == 0, (step, fin.stderr)
            assert "finishing it first" in fin.stderr
        now = snapshot(root)
        assert leftovers(root) == [], step
        entries = erasure_entries(root)
        if step == "staged":  # stopped before anything was changed: all old, nothing logged
            assert now == before, step
            assert entries == []
            continue
        # all new: every file the erasure changes holds its new content (the vault is re-sealed with a
        # fresh nonce, so it is compared by what it holds), every other file untouched
        for name in before:
            if name == "identity/identity.vault":
                assert now[name] != before[name], step
            else:
                assert now[name] == after[name], (step, name)
        assert residual(root, RICH) == 0, step
        assert len(entries) == 1 and entries[0]["outcome"] == "applied", step  # logged exactly once
        assert auditlog.verify(root / "audit_log.jsonl").ok
        if step != "logged":
            assert entries[0]["details"].get("recovered") is True, step


def test_ctrl_c_during_the_commit_is_not_reported_as_nothing_written(tmp_path, reference):
    before, after = reference
    root = copy_estate(tmp_path / "estate")
    run = cli(*erase_args(root), env={"PRIVACY_AUDIT_FAULT_AT": "rename:4", "PRIVACY_AUDIT_FAULT_SIGNAL": "INT"})
    assert run.returncode == 4, run.stderr
    err = run.stderr.strip().splitlines()
    assert len(err) == 1 and "interrupted while committing the erasure" in err[0] and "recover" in err[0]
    assert "aborted" not in run.stderr and "nothing was changed" not in run.stderr
    assert (root / JOURNAL_DIR).is_dir()  # the same state as after a crash
    fin = cli("recover", str(root / "datamap.yaml"), "--no-scanner")
    assert fin.returncode == 0 and "finished: every file has its new content" in fin.stdout
    assert leftovers(root) == [] and residual(root, RICH) == 0
    assert [e["outcome"] for e in erasure_entries(root)] == ["applied"]


def test_a_change_is_refused_while_an_interrupted_one_is_pending(tmp_path):
    root = copy_estate(tmp_path / "estate")
    run = cli(*erase_args(root), env={"PRIVACY_AUDIT_FAULT_AT": "rename:2"})
    assert run.returncode == -signal.SIGKILL
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    plan = plan_erasure(dm, resolve_subject(dm, "token", OTHER, vault_key=key), vault_key=key)
    with pytest.raises(ChangePendingError, match="recover"):
        apply_erasure(dm, plan, vault_key=key)


def test_two_erasures_at_once_both_hold(tmp_path):
    """Item 2: two processes erase two subjects of the same estate at the same time; both succeed and
    neither brings back the other's rows (the lock covers plan, check, write, rename and log)."""
    root = copy_estate(tmp_path / "estate")
    full = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-m", "privacy_audit", *erase_args(root, token)], env=full,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
             for token in (RICH, OTHER)]  # fmt: skip
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    assert residual(root, RICH) == 0 and residual(root, OTHER) == 0
    assert len(erasure_entries(root)) == 2 and leftovers(root) == []


def test_a_second_process_waits_for_the_lock_then_gives_up_with_one_line(tmp_path):
    root = copy_estate(tmp_path / "estate")
    before = snapshot(root)
    with estate_lock(root):  # this process holds the estate
        run = cli(*erase_args(root), env={"PRIVACY_AUDIT_LOCK_TIMEOUT": "1"})
    assert run.returncode == 2
    err = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(err) == 1 and "locked by another privacy-audit process" in err[0] and "nothing was changed" in err[0]
    assert snapshot(root) == before


def test_the_lock_of_a_killed_process_is_taken_over(tmp_path):
    root = copy_estate(tmp_path / "estate")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom privacy_audit.io import estate_lock\n"
                               "with estate_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(600)\n",
                               str(root)], env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
                              text=True)  # fmt: skip
    assert holder.stdout.readline().strip() == "held"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    run = cli(*erase_args(root), env={"PRIVACY_AUDIT_LOCK_TIMEOUT": "30"})
    assert run.returncode == 0, run.stderr
    assert "waiting" not in run.stderr  # the dead holder's lock was free at once: no wait was announced


def test_symlinked_dataset_file_is_erased_at_its_target(tmp_path):
    """Item 5: the link stays a link; the real file no longer holds the subject's lines."""
    root = copy_estate(tmp_path / "estate")
    real = tmp_path / "elsewhere" / "access.log"
    real.parent.mkdir()
    shutil.move(root / "logs/access.log", real)
    (root / "logs/access.log").symlink_to(real)
    before = real.read_text()
    assert RICH in before
    assert run_guarded(erase_args(root)) == 0
    assert (root / "logs/access.log").is_symlink() and (root / "logs/access.log").resolve() == real
    after = real.read_text()
    assert RICH not in after and len(after.splitlines()) == len(before.splitlines()) - 115
    assert residual(root, RICH) == 0


def test_stale_audit_lock_folder_stops_the_erasure_before_any_change(tmp_path, capsys):
    """Item 6: a folder where the audit log's lock file goes made the entry fail after the data changed."""
    root = copy_estate(tmp_path / "estate")
    (root / "audit_log.jsonl.lock").mkdir()
    before = snapshot(root)
    assert run_guarded(erase_args(root)) == 2
    assert snapshot(root) == before and leftovers(root) == []  # refused before any change
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "audit_log.jsonl.lock is a folder" in err[0]


def test_email_shaped_dataset_path_is_logged_masked(tmp_path, capsys):
    """Item 6: a file named after an e-mail address made the audit entry fail after the erasure."""
    root = copy_estate(tmp_path / "estate")
    users = pd.read_csv(root / "exports/users_backup.csv", dtype=str).set_index("user_token")
    email = users.loc[RICH, "email"]
    shutil.move(root / "marketing/audience_export.csv", root / f"marketing/{email}.csv")
    dm_text = (root / "datamap.yaml").read_text()
    assert "marketing/audience_export.csv" in dm_text
    (root / "datamap.yaml").write_text(dm_text.replace("marketing/audience_export.csv", f"marketing/{email}.csv"))
    assert run_guarded(erase_args(root)) == 0
    log = (root / "audit_log.jsonl").read_text()
    assert email not in log
    files = erasure_entries(root)[0]["details"]["files"]
    assert any(f.startswith("marketing/") and "@" in f and "*" in f for f in files)
    assert residual(root, RICH) == 0


def test_failure_to_log_after_applying_says_applied_and_recover_logs_it(tmp_path, monkeypatch):
    """Item 6: the data changed but the entry could not be written -> not "nothing was changed"; the
    journal keeps the entry and recover appends it. (The append is made to fail by replacing it: a
    disk failure between the precheck and the append cannot be produced on demand.)"""
    root = copy_estate(tmp_path / "estate")
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    plan = plan_erasure(dm, resolve_subject(dm, "token", RICH, vault_key=key), vault_key=key)
    real_append = auditlog.append

    def failing(*a, **k):
        raise auditlog.AuditLogError("cannot append to the audit log: Input/output error")

    monkeypatch.setattr(auditlog, "append", failing)
    with pytest.raises(ChangePendingError) as exc:
        apply_erasure(dm, plan, vault_key=key)
    assert "was applied" in str(exc.value) and "nothing was changed" not in str(exc.value)
    assert erasure_entries(root) == []
    monkeypatch.setattr(auditlog, "append", real_append)
    assert run_guarded(["recover", str(root / "datamap.yaml"), "--no-scanner"]) == 0
    entries = erasure_entries(root)
    assert len(entries) == 1 and entries[0]["details"]["recovered"] is True
    assert leftovers(root) == [] and residual(root, RICH) == 0
    ver = verify_erasure(dm, plan, vault_key=key, scanner=False)
    assert ver.ok


def test_journal_holds_the_keys_to_finish_and_is_private(tmp_path):
    root = copy_estate(tmp_path / "estate")
    run = cli(*erase_args(root), env={"PRIVACY_AUDIT_FAULT_AT": "rename:13"})
    assert run.returncode == -signal.SIGKILL
    (journal,) = (root / JOURNAL_DIR).glob("*.json")
    assert oct(journal.stat().st_mode & 0o777) == "0o600" and oct((root / JOURNAL_DIR).stat().st_mode & 0o777) == "0o700"
    data = json.loads(journal.read_text())
    assert data["state"] == "prepared" and RICH in data["payload"]["identifiers"]["tokens"]
    assert len(data["files"]) == FILES and all(f["before"] and f["after"] and f["staged"] for f in data["files"])
    # the identity rows are gone already; the journal alone finishes the erasure
    assert run_guarded(["recover", str(root / "datamap.yaml"), "--no-scanner"]) == 0
    assert residual(root, RICH) == 0 and leftovers(root) == []


SAR_SUBJECT = "u_f3f4d465bfeb8948"  # the subject of exports/sar_2026-10-02.zip (data_samples/README.md)


def test_stray_export_holding_the_subject_is_removed_said_and_logged(tmp_path, capsys):
    """Item 3: erasure said "verified" while a subject-access export in the exports area still held
    the person's data; the export is now planned for removal, removed in the same commit, logged."""
    root = copy_estate(tmp_path / "estate")
    sar = root / "exports/sar_2026-10-02.zip"
    assert sar.is_file()
    assert run_guarded(erase_args(root, SAR_SUBJECT)) == 0
    out = capsys.readouterr().out
    assert "exports/sar_2026-10-02.zip  remove_file" in out and "1 export file(s) removed" in out
    assert "verified: no residual match" in out
    assert not sar.exists() and (root / "exports/users_backup.csv").exists() and leftovers(root) == []
    assert erasure_entries(root)[0]["details"]["removed"] == ["exports/sar_2026-10-02.zip"]


def test_removal_of_an_export_is_finished_after_a_kill(tmp_path):
    root = copy_estate(tmp_path / "estate")
    run = cli(*erase_args(root, SAR_SUBJECT), env={"PRIVACY_AUDIT_FAULT_AT": "renamed"})
    assert run.returncode == -signal.SIGKILL
    assert not (root / "exports/sar_2026-10-02.zip").exists()  # removed, its backup still beside it
    assert any(p.name.endswith(".bak") for p in (root / "exports").iterdir())
    assert run_guarded(["recover", str(root / "datamap.yaml"), "--no-scanner"]) == 0
    assert leftovers(root) == [] and not (root / "exports/sar_2026-10-02.zip").exists()
    assert erasure_entries(root)[0]["details"]["removed"] == ["exports/sar_2026-10-02.zip"]


def test_verification_finds_a_copy_left_in_the_exports_area(tmp_path):
    root = copy_estate(tmp_path / "estate")
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    email = pd.read_csv(root / "exports/users_backup.csv", dtype=str).set_index("user_token").loc[RICH, "email"]
    plan = plan_erasure(dm, resolve_subject(dm, "token", RICH, vault_key=key), vault_key=key)
    apply_erasure(dm, plan, vault_key=key)
    (root / "exports/handover.csv").write_text(f"note,contact\ncall back,{email}\n")  # written after the plan
    ver = verify_erasure(dm, plan, vault_key=key, scanner=False)
    assert not ver.ok
    (res,) = [r for r in ver.residues if r.found_by == "export"]
    assert res.dataset == "exports/handover.csv" and res.kind == "email" and email not in res.masked
