"""The erase / rectify / restrict commands on a copy of the sample estate: dry runs change nothing,
--apply asks first, exit codes 0 / 1 (residue) / 2 (bad input), output and reports stay masked."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit import auditlog
from privacy_audit.cli import run_guarded

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
RICH = "u_5e40321e94419582"


@pytest.fixture
def estate(tmp_path):
    root = tmp_path / "estate"
    shutil.copytree(SAMPLES, root, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl*", "generate.py"))
    users = pd.read_csv(root / "exports/users_backup.csv", dtype=str).set_index("user_token")
    return root, users.loc[RICH, "email"], users.loc[RICH, "phone"]


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


def test_erase_dry_run_changes_nothing_and_prints_masked(estate, capsys):
    root, email, phone = estate
    before = snapshot(root)
    assert run_guarded(["erase", str(root / "datamap.yaml"), "--subject", f"email={email}"]) == 0
    out = capsys.readouterr().out
    assert "dry run" in out and "tickets" in out and "crypto_shred" in out
    assert email not in out and phone not in out and RICH not in out
    assert snapshot(root) == before


def test_erase_apply_asks_first(estate, capsys, monkeypatch):
    root, email, _ = estate
    before = snapshot(root)
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    assert run_guarded(["erase", str(root / "datamap.yaml"), "--subject", f"email={email}", "--apply"]) == 2
    assert "aborted" in capsys.readouterr().err
    assert snapshot(root) == before


def test_erase_apply_with_report(estate, capsys):
    root, email, phone = estate
    rep = root / "out" / "erasure"
    args = ["erase", str(root / "datamap.yaml"), "--subject", f"email={email}", "--apply", "--yes",
            "--report", str(rep)]  # fmt: skip
    assert run_guarded(args) == 0
    out = capsys.readouterr().out
    assert "verified" in out and email not in out
    data = json.loads((root / "out/erasure.json").read_text())
    html = (root / "out/erasure.html").read_text()
    assert data["mode"] == "applied" and data["verification"]["ok"] is True
    tickets = pd.read_csv(SAMPLES / "support/tickets.csv", dtype=str)
    row = next(d for d in data["datasets"] if d["dataset"] == "tickets")
    assert row["deleted"] == int((tickets["user_token"] == RICH).sum()) and row["rows_after"] == len(tickets) - row["deleted"]
    for text in (json.dumps(data), html):
        assert email not in text and phone not in text and RICH not in text
    log = root / "audit_log.jsonl"
    assert [e["action"] for e in auditlog.read(log)] == ["erasure", "verification"]
    assert run_guarded(["log", "verify", str(log)]) == 0
    # a second erasure of the same person finds nobody left: nothing to erase, exit 1 (as for a typo)
    capsys.readouterr()
    assert run_guarded(["erase", str(root / "datamap.yaml"), "--subject", f"token={RICH}"]) == 1
    assert "nothing is held for this identifier" in capsys.readouterr().out


def test_erase_exits_1_when_verification_finds_residue(estate, capsys, monkeypatch):
    """Fault injection: a rewriter that silently skips the tickets file must be caught by verify."""
    root, email, _ = estate
    from privacy_audit import erasure

    real = erasure._changes_for

    def skip_tickets(table, plan):
        delete, cells, shred = real(table, plan)
        return (set(), {}, set()) if table.name == "tickets" else (delete, cells, shred)

    monkeypatch.setattr(erasure, "_changes_for", skip_tickets)
    code = run_guarded(["erase", str(root / "datamap.yaml"), "--subject", f"email={email}", "--apply", "--yes",
                        "--no-scanner"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "residual" in err and "tickets" in err and email not in err
    assert auditlog.read(root / "audit_log.jsonl")[-1]["outcome"] == "residue"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--subject", "mail"], "KIND=VALUE"),
        (["--subject", "shoe=42"], "KIND=VALUE"),
        (["--subject", "phone=+1-555-0100", "--vault-key-file", "/nonexistent/key"], "key file not found"),
    ],
)
def test_erase_bad_input_exits_2_with_one_line(estate, capsys, args, message):
    root, _, _ = estate
    assert run_guarded(["erase", str(root / "datamap.yaml"), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_rectify_preview_and_apply(estate, capsys):
    root, email, _ = estate
    dm = str(root / "datamap.yaml")
    before = snapshot(root)
    assert run_guarded(["rectify", dm, "--subject", f"token={RICH}", "--set", "city=Springfield"]) == 0
    out = capsys.readouterr().out
    assert "->" in out and "Springfield" not in out and "dry run" in out
    assert snapshot(root) == before
    assert run_guarded(["rectify", dm, "--subject", f"token={RICH}", "--set", "city=Springfield",
                        "--dataset", "users_backup", "--apply", "--yes"]) == 0  # fmt: skip
    assert "verified" in capsys.readouterr().out
    users = pd.read_csv(root / "exports/users_backup.csv", dtype=str).set_index("user_token")
    assert users.loc[RICH, "city"] == "Springfield"
    assert run_guarded(["rectify", dm, "--subject", f"token={RICH}", "--set", "nope=1"]) == 2
    assert run_guarded(["rectify", dm, "--subject", f"token={RICH}", "--set", "broken"]) == 2


def test_restrict_and_lift(estate, capsys):
    root, email, _ = estate
    dm = str(root / "datamap.yaml")
    reg = root / "rights/restrictions.csv"
    original = reg.read_bytes()
    assert run_guarded(["restrict", dm, "--subject", f"email={email}", "--scope", "email_marketing"]) == 0
    assert reg.read_bytes() == original
    assert run_guarded(["restrict", dm, "--subject", f"email={email}", "--scope", "email_marketing",
                        "--apply", "--yes"]) == 0  # fmt: skip
    assert (pd.read_csv(reg, dtype=str)["user_token"] == RICH).sum() == 1
    assert run_guarded(["restrict", dm, "--subject", f"email={email}", "--lift", "--apply", "--yes"]) == 0
    assert reg.read_bytes() == original
    out = capsys.readouterr().out
    assert email not in out and RICH not in out
    assert [e["action"] for e in auditlog.read(root / "audit_log.jsonl")] == ["restriction", "unrestriction"]
