"""Issue 18, the rest of item 3 and the loose ends: rows linked by quasi-identifiers (the "anonymous"
survey), the audit reference and the vault generation of an erasure, and exports under the estate lock.

Everything runs on real copies of the sample estate (and a real SQLite database), with real second
processes for the lock.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd

from privacy_audit import auditlog, services
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import plan_erasure, vault_key_for
from privacy_audit.io import JOURNAL_DIR
from privacy_audit.linkage import quasi_links
from privacy_audit.report.erasure import build_erasure_report
from privacy_audit.subjects import resolve_subject

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data_samples"
RICH = "u_5e40321e94419582"
_USERS = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str).set_index("user_token")


def copy_estate(dest: Path) -> Path:
    shutil.copytree(SAMPLES, dest, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl*", "generate.py"))
    return dest


def cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "privacy_audit", *args], capture_output=True, text=True,
                          env=full, timeout=timeout, cwd=REPO)  # fmt: skip


def survey_rows_of(root: Path, token: str) -> pd.DataFrame:
    """The survey answers carrying the postal code and birth date of ``token``'s identity record."""
    me = _USERS.loc[token]
    survey = pd.read_csv(root / "analytics" / "survey_responses.csv", dtype=str)
    return survey[(survey["postal_code"] == me["postal_code"]) & (survey["date_of_birth"] == me["date_of_birth"])]


# ------------------------------------------------------------------ item 3: linked by quasi-identifiers


def test_a_survey_answer_the_subjects_quasi_identifiers_single_out_is_erased_and_reported(tmp_path):
    root = copy_estate(tmp_path / "e")
    assert len(survey_rows_of(root, RICH)) == 1  # k = 1 on postal code + birth date
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    subject = resolve_subject(dm, "token", RICH, vault_key=key)
    plan = plan_erasure(dm, subject, vault_key=key)
    survey = next(d for d in plan.datasets if d.name == "survey")
    assert [(r.action, r.matched_by) for r in survey.rows] == [("delete_row", ("quasi_identifiers",))]
    assert survey.linked == ("linked by quasi-identifiers (postal code, date of birth; k=1)",)
    result = services.erase(dm, plan, vault_key=key, scanner=False)
    assert result.verification.ok
    assert survey_rows_of(root, RICH).empty
    assert len(pd.read_csv(root / "analytics" / "survey_responses.csv")) == survey.rows_total - 1
    report = build_erasure_report(result)
    row = next(d for d in report["datasets"] if d["dataset"] == "survey")
    assert row["deleted"] == 1 and row["linked"] == list(survey.linked)
    assert "k=1" in row["note"] and _USERS.loc[RICH, "postal_code"] not in json.dumps(report)


def test_an_answer_shared_by_several_people_is_listed_as_linked_but_kept(tmp_path):
    root = copy_estate(tmp_path / "e")
    path = root / "analytics" / "survey_responses.csv"
    survey = pd.read_csv(path, dtype=str, keep_default_na=False)
    mine = survey_rows_of(root, RICH)
    twin = mine.assign(gender="female" if mine.iloc[0]["gender"] != "female" else "male", satisfaction="5")
    pd.concat([survey, twin]).to_csv(path, index=False)  # two answers now share the subject's values: k = 2
    before = path.read_bytes()
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    plan = plan_erasure(dm, resolve_subject(dm, "token", RICH, vault_key=key), vault_key=key)
    plan_survey = next(d for d in plan.datasets if d.name == "survey")
    reason = "linked by quasi-identifiers (postal code, date of birth) but kept: cannot be attributed to one person: k=2"
    assert plan_survey.kept_reasons == {reason: 2} and plan_survey.count("delete_row") == 0
    services.erase(dm, plan, vault_key=key, scanner=False)
    assert path.read_bytes() == before  # nothing of it changed
    assert reason in json.dumps(build_erasure_report(plan))


def test_export_returns_the_answer_erasure_would_erase(tmp_path):
    root = copy_estate(tmp_path / "e")
    ctx = services.open_subject(root / "datamap.yaml", [("token", RICH)])
    data = services.find_data(ctx)
    survey = data.dataset("survey")
    assert survey is not None and survey.matched_by == ("quasi_identifiers",)
    assert survey.rows["postal_code"].astype(str).tolist() == [_USERS.loc[RICH, "postal_code"]]
    assert survey.row_reasons == ("linked by quasi-identifiers (postal code, date of birth; k=1)",)


def test_no_link_when_the_dataset_meets_its_k(tmp_path):
    """A dataset the risk check does not call re-identifying is not searched: its rows cannot be attributed."""
    root = copy_estate(tmp_path / "e")
    text = (root / "datamap.yaml").read_text()
    (root / "datamap.yaml").write_text(text.replace("  - name: survey\n",
                                                    "  - name: survey\n    risk: {quasi_identifiers: [gender]}\n"))
    dm = load_datamap(root / "datamap.yaml")
    assert quasi_links(dm, {"tokens": [RICH]}, vault_key=vault_key_for(dm)) == ()


def test_quasi_identifier_link_on_sqlite(tmp_path):
    """The same survey in a SQLite table: counted by GROUP BY, the row found by parameterised queries,
    erased in the database's transaction."""
    from conftest_pg import sql_estate

    from privacy_audit import sources

    url = f"sqlite:///{tmp_path}/survey.db"
    dm = load_datamap(sql_estate(tmp_path / "e", url, ("survey",)))
    key = vault_key_for(dm)
    links = quasi_links(dm, {"tokens": [RICH]}, vault_key=key)
    assert [(link.dataset, link.k, len(link.rows)) for link in links] == [("survey", 1, 1)]
    before = sources.read_sql(url, "survey")
    assert before.iloc[links[0].rows[0]]["postal_code"] == _USERS.loc[RICH, "postal_code"]
    plan = plan_erasure(dm, resolve_subject(dm, "token", RICH, vault_key=key), vault_key=key)
    survey = next(d for d in plan.datasets if d.name == "survey")
    assert [(r.action, r.matched_by) for r in survey.rows] == [("delete_row", ("quasi_identifiers",))]
    services.erase(dm, plan, vault_key=key, scanner=False)
    after = sources.read_sql(url, "survey")
    assert len(after) == len(before) - 1
    assert not ((after["postal_code"] == _USERS.loc[RICH, "postal_code"])
                & (after["date_of_birth"] == _USERS.loc[RICH, "date_of_birth"])).any()  # fmt: skip


# ----------------------------------------------------------------------------- loose ends of item 14


def test_the_subjects_audit_reference_survives_vault_rotation(tmp_path):
    root = copy_estate(tmp_path / "e")
    dm = load_datamap(root / "datamap.yaml")
    before = resolve_subject(dm, "token", RICH, vault_key=vault_key_for(dm)).ref
    new_key = tmp_path / "new.key"
    assert cli("vault", "keygen", str(new_key)).returncode == 0
    run = cli("vault", "rotate", str(root / "identity" / "identity.vault"), "--key-file",
              str(root / "keys" / "vault.key"), "--new-key-file", str(new_key))  # fmt: skip
    assert run.returncode == 0, run.stderr
    shutil.copy(new_key, root / "keys" / "vault.key")
    dm = load_datamap(root / "datamap.yaml")
    after = resolve_subject(dm, "token", RICH, vault_key=vault_key_for(dm)).ref
    assert after == before and after.startswith("sref_")


def test_an_erasure_entry_names_the_vault_generation_so_a_restored_vault_is_refused(tmp_path):
    root = copy_estate(tmp_path / "e")
    vault = root / "identity" / "identity.vault"
    old = vault.read_bytes()
    run = cli("erase", str(root / "datamap.yaml"), "--subject", f"token={RICH}", "--apply", "--yes", "--no-scanner")
    assert run.returncode == 0, run.stderr
    entry = next(e for e in auditlog.read(root / "audit_log.jsonl") if e["action"] == "erasure")
    assert len(entry["details"]["vault_id"]) == 32 and entry["details"]["vault_generation"] >= 1
    assert json.loads(vault.read_bytes().split(b"\n")[1])["generation"] == entry["details"]["vault_generation"]
    vault.write_bytes(old)  # the vault from before the erasure put back: the shredded record would return
    again = cli("export", str(root / "datamap.yaml"), "--subject", "token=u_1b7c27669f666472", "--out",
                str(tmp_path / "b.zip"), "--no-audit-log")  # fmt: skip
    assert again.returncode == 2 and "older copy of the vault" in again.stderr, again.stderr
    assert not (tmp_path / "b.zip").exists()


# Holds the estate lock until the test writes the release file (at most 300 s), whatever the machine's load.
_HOLDER = """
import sys, time
from pathlib import Path
from privacy_audit.io import estate_lock
with estate_lock(sys.argv[1]):
    Path(sys.argv[2]).write_text("held")
    deadline = time.monotonic() + 300
    while not Path(sys.argv[3]).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
"""


def test_export_waits_for_a_change_in_progress_and_refuses_a_half_done_one(tmp_path):
    root = copy_estate(tmp_path / "e")
    marker, release = tmp_path / "held", tmp_path / "release"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(root), str(marker), str(release)], env=env)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert time.monotonic() < deadline and holder.poll() is None, "the lock holder never took the lock"
            time.sleep(0.05)
        args = ["export", str(root / "datamap.yaml"), "--subject", f"token={RICH}", "--out", str(tmp_path / "b.zip"),
                "--no-audit-log"]  # fmt: skip
        busy = cli(*args, env={"PRIVACY_AUDIT_LOCK_TIMEOUT": "1"})
        assert busy.returncode == 2 and "locked by another privacy-audit process" in busy.stderr, busy.stderr
        assert not (tmp_path / "b.zip").exists()
        threading.Timer(3, release.write_text, ("done",)).start()  # the change ends while the export waits
        waited = cli(*args)  # waits for the holder (a change in progress) to finish, then exports
        assert waited.returncode == 0, waited.stderr
        assert holder.poll() is not None  # it could only run once the change had let go
    finally:
        release.write_text("done")
        holder.wait(timeout=60)
    (tmp_path / "b.zip").unlink()
    # a change stopped half way (its journal left behind): the export refuses rather than read it
    stopped = cli("erase", str(root / "datamap.yaml"), "--subject", f"token={RICH}", "--apply", "--yes",
                  "--no-scanner", env={"PRIVACY_AUDIT_FAULT_AT": "rename:3"})  # fmt: skip
    assert stopped.returncode < 0 and list((root / JOURNAL_DIR).glob("*.json"))
    refused = cli(*args)
    assert refused.returncode == 4 and "privacy-audit recover" in refused.stderr, refused.stderr
    assert not (tmp_path / "b.zip").exists()
    assert cli("recover", str(root / "datamap.yaml"), "--no-scanner").returncode == 0
    served = cli(*args)  # runs now; the finished erasure left nothing of the person: exit 1, "we hold nothing"
    assert served.returncode == 1 and "no data subject matches" in served.stderr, served.stderr
    assert (tmp_path / "b.zip").is_file()


# --------------------------------------------------------------- done-when gaps: items 4 and 6, low list


def test_after_rotation_erasure_still_finds_and_removes_keyed_pseudonyms(tmp_path):
    """Item 4: after `vault rotate`, `erase` said "verified" while the subject's hmac-keyed row stayed."""
    from test_security import _HMAC_MAP, _small_vault

    from privacy_audit.vault import Vault, load_key

    path, key_file, key = _small_vault(tmp_path)
    (tmp_path / "datamap.yaml").write_text(_HMAC_MAP)
    v = Vault.open(path, key)
    rows = [(v.pseudonym("ann@example.org"), "/a"), (v.pseudonym("bob@example.org"), "/b")]
    pd.DataFrame(rows, columns=["user_hash", "page"]).to_csv(tmp_path / "sessions.csv", index=False)
    new_key = tmp_path / "new.key"
    assert cli("vault", "keygen", str(new_key)).returncode == 0
    assert cli("vault", "rotate", str(path), "--key-file", str(key_file), "--new-key-file", str(new_key)).returncode == 0
    run = cli("erase", str(tmp_path / "datamap.yaml"), "--subject", "email=ann@example.org", "--vault-key-file",
              str(new_key), "--apply", "--yes", "--no-scanner")  # fmt: skip
    assert run.returncode == 0 and "verified" in run.stdout, run.stderr
    left = pd.read_csv(tmp_path / "sessions.csv")
    assert left["user_hash"].tolist() == [rows[1][0]]  # Ann's keyed row is gone, Bob's stays
    after = Vault.open(path, load_key(new_key))
    assert all(after.get(r).get("email") != "ann@example.org" for r in after.ids())


def test_export_with_a_stale_audit_lock_folder_writes_no_bundle(tmp_path):
    """Item 6 (export): the entry failed after the bundle was written; the log is now checked first."""
    root = copy_estate(tmp_path / "e")
    (root / "audit_log.jsonl.lock").mkdir()
    run = cli("export", str(root / "datamap.yaml"), "--subject", f"token={RICH}", "--out", str(tmp_path / "b.zip"))
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert run.returncode == 2 and len(lines) == 1 and "audit_log.jsonl.lock is a folder" in lines[0], run.stderr
    assert not (tmp_path / "b.zip").exists()


def test_a_vault_body_is_never_parsed_before_it_is_authenticated(tmp_path):
    """Low list: a vault whose body is hostile (nesting deep enough to crash a JSON parser) and whose MAC does
    not match is refused as altered, exit 2, one line; its body is never parsed."""
    root = copy_estate(tmp_path / "e")
    vault = root / "identity" / "identity.vault"
    header, _body, mac = vault.read_bytes().split(b"\n", 2)
    vault.write_bytes(header + b"\n" + b"[" * 200_000 + b"]" * 200_000 + b"\n" + mac)
    run = cli("vault", "stats", str(vault), "--key-file", str(root / "keys" / "vault.key"))
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert run.returncode == 2 and len(lines) == 1 and "altered" in lines[0], run.stderr
