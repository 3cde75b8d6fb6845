"""Erasure on a copy of the sample estate: plan, all-or-nothing apply, verify, report, audit log.

Counts are computed here independently with pandas / plain file reads, never taken from the plan.
Fault injection: the tests run as root, where a read-only folder does not stop writes, so failures
are injected by patching ``os.replace`` (fails on the 3rd file renamed) and ``os.fsync`` (fails
while staging the 2nd file) -- both real failure points of the multi-file commit.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit import auditlog
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import apply_erasure, plan_erasure, vault_key_for, verify_erasure
from privacy_audit.errors import ErasureError
from privacy_audit.report.erasure import build_erasure_report, write_erasure_report
from privacy_audit.subjects import resolve_subject
from privacy_audit.vault import Vault

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
RICH = "u_5e40321e94419582"  # data_samples/README.md: many traces
HOLD_ALL = "u_125bfd455c719e72"  # legal hold on every dataset
FAMILY_A, FAMILY_B = "u_088a30e5e46e398c", "u_4c5d3085cebc2de9"  # share a phone line
CSV_KEYED = {"users_backup": "exports/users_backup.csv", "tickets": "support/tickets.csv",
             "audience": "marketing/audience_export.csv", "devices": "analytics/devices.csv"}  # fmt: skip


def copy_estate(dst: Path) -> Path:
    shutil.copytree(SAMPLES, dst, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl*", "generate.py"))
    return dst


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith("audit_log.jsonl")
    }


def users(root: Path) -> pd.DataFrame:
    return pd.read_csv(root / "exports/users_backup.csv", dtype=str, keep_default_na=False)


def identifiers_of(root: Path, token: str) -> dict[str, str]:
    row = users(root).set_index("user_token").loc[token]
    return {k: row[k] for k in ("name", "email", "phone", "signup_ip")} | {"token": token}


def csv_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def erase(root: Path, token: str, **kw):
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    subject = resolve_subject(dm, "token", token, vault_key=key)
    plan = plan_erasure(dm, subject, vault_key=key)
    return dm, key, plan


# ----------------------------------------------------------------------------- one full erasure


@pytest.fixture(scope="module")
def erased(tmp_path_factory):
    root = copy_estate(tmp_path_factory.mktemp("erase") / "estate")
    before = {rel: csv_lines(root / rel) for rel in CSV_KEYED.values()}
    before_log = csv_lines(root / "logs/access.log")
    before_events = pd.read_parquet(root / "events")
    before_sessions = pd.read_parquet(root / "analytics/sessions.parquet")
    ident = identifiers_of(root, RICH)
    dm, key, plan = erase(root, RICH)
    vault_before = Vault.open(root / "identity/identity.vault", key)
    others_before = {rid: vault_before.get(rid) for rid in vault_before.ids() if rid != RICH}
    result = apply_erasure(dm, plan, vault_key=key)
    ver = verify_erasure(dm, plan, vault_key=key)
    from dataclasses import replace

    result = replace(result, verification=ver)
    report = build_erasure_report(result, dm)
    jpath, hpath = write_erasure_report(report, root / "reports" / "erasure")
    return {
        "root": root, "dm": dm, "key": key, "plan": plan, "result": result, "ver": ver, "ident": ident,
        "before": before, "before_log": before_log, "before_events": before_events,
        "before_sessions": before_sessions, "others_vault": others_before, "json": jpath, "html": hpath,
    }  # fmt: skip


def test_every_row_and_log_line_of_the_subject_is_gone(erased):
    root, ident = erased["root"], erased["ident"]
    for rel in CSV_KEYED.values():
        frame = pd.read_csv(root / rel, dtype=str, keep_default_na=False)
        assert RICH not in set(frame["user_token"]), rel
        text = (root / rel).read_text(encoding="utf-8")
        assert ident["email"] not in text and ident["phone"] not in text, rel
    log = (root / "logs/access.log").read_text()
    assert f"bcn_uid={RICH}" not in log and RICH not in log
    assert not any(line.startswith(ident["signup_ip"] + " ") for line in log.splitlines())
    assert RICH not in set(pd.read_parquet(root / "events")["user_token"])
    email_hash = hashlib.sha256(ident["email"].strip().lower().encode()).hexdigest()
    assert email_hash not in set(pd.read_parquet(root / "analytics/sessions.parquet")["user_hash"])
    vault = Vault.open(root / "identity/identity.vault", erased["key"])
    assert RICH not in vault.ids() and RICH in vault.shredded()


def test_other_subjects_data_is_unchanged(erased):
    root = erased["root"]
    for rel, lines in erased["before"].items():
        # every line that is not the subject's keeps its exact bytes, in order
        kept = [ln for ln in lines if RICH not in ln]
        assert csv_lines(root / rel) == kept, rel
    # log: the subject's lines are those with their token cookie, or with no token cookie but an IP
    # or session cookie seen only with their token; every other line is byte-identical, in order
    log = erased["before_log"]
    uid = [re.search(r"bcn_uid=(u_[0-9a-f]+)", ln) for ln in log]
    sess = [re.search(r"bcn_session=([0-9a-f]+)", ln) for ln in log]
    ip = [ln.split(" ", 1)[0] for ln in log]
    theirs_ip = {ip[i] for i, m in enumerate(uid) if m and m.group(1) == RICH} | {erased["ident"]["signup_ip"]}
    others_ip = {ip[i] for i, m in enumerate(uid) if m and m.group(1) != RICH}
    theirs_sess = {s.group(1) for s, m in zip(sess, uid, strict=True) if s and m and m.group(1) == RICH}
    gone = {
        i for i in range(len(log))
        if (uid[i] and uid[i].group(1) == RICH)
        or (not uid[i] and ((ip[i] in theirs_ip - others_ip) or (sess[i] and sess[i].group(1) in theirs_sess)))
    }  # fmt: skip
    assert csv_lines(root / "logs/access.log") == [ln for i, ln in enumerate(log) if i not in gone]
    ev_before, ev_after = erased["before_events"], pd.read_parquet(root / "events")
    expected = ev_before[ev_before["user_token"] != RICH].reset_index(drop=True)
    pd.testing.assert_frame_equal(ev_after.reset_index(drop=True), expected)  # values and dtypes
    vault = Vault.open(root / "identity/identity.vault", erased["key"])
    assert {rid: vault.get(rid) for rid in vault.ids()} == erased["others_vault"]
    # the survey loses only the answer the subject's postal code + birth date single out (k = 1): every
    # other line keeps its bytes; unrelated files are untouched
    ident = users(SAMPLES).set_index("user_token").loc[RICH]
    survey = csv_lines(SAMPLES / "analytics/survey_responses.csv")
    theirs = [ln for ln in survey if ln.startswith(f"{ident['postal_code']},{ident['date_of_birth']},")]
    assert len(theirs) == 1
    assert csv_lines(root / "analytics/survey_responses.csv") == [ln for ln in survey if ln not in theirs]
    for rel in ("consent/consents.csv", "rights/legal_holds.csv"):
        assert (root / rel).read_bytes() == (SAMPLES / rel).read_bytes()


def test_report_counts_equal_independent_counts(erased):
    root = erased["root"]
    report = json.loads(erased["json"].read_text())
    rows = {d["dataset"]: d for d in report["datasets"]}
    for name, rel in CSV_KEYED.items():
        orig = pd.read_csv(SAMPLES / rel, dtype=str, keep_default_na=False)
        n = int((orig["user_token"] == RICH).sum())
        assert rows[name]["deleted"] == n and rows[name]["rows_before"] == len(orig), name
        assert rows[name]["rows_after"] == len(orig) - n == len(pd.read_csv(root / rel)), name
    ev = pd.read_parquet(SAMPLES / "events")
    assert rows["events"]["deleted"] == int((ev["user_token"] == RICH).sum())
    email_hash = hashlib.sha256(erased["ident"]["email"].strip().lower().encode()).hexdigest()
    sess = pd.read_parquet(SAMPLES / "analytics/sessions.parquet")
    assert rows["sessions"]["deleted"] == int((sess["user_hash"] == email_hash).sum()) > 0
    n_log = len(erased["before_log"]) - len(csv_lines(root / "logs/access.log"))
    assert rows["logs"]["deleted"] == n_log >= sum(f"bcn_uid={RICH}" in ln for ln in erased["before_log"]) > 0
    assert rows["identity"]["shredded"] == 1
    consents = pd.read_csv(SAMPLES / "consent/consents.csv", dtype=str)
    assert rows["consents"]["kept"] == int((consents["user_token"] == RICH).sum())
    assert report["verification"]["ok"] is True and report["verification"]["residual"] == 0
    assert report["datamap"]["sha256"] == hashlib.sha256((SAMPLES / "datamap.yaml").read_bytes()).hexdigest()
    assert report["request"]["kinds"] == ["token"]


def test_report_holds_no_raw_identifier_and_is_self_contained(erased):
    texts = [erased["json"].read_text(), erased["html"].read_text()]
    for text in texts:
        for value in erased["ident"].values():
            assert value not in text
    html = texts[1]
    assert "<script" not in html and "src=" not in html and "<link" not in html
    # written for the person: the company's name, a plain sentence, no jargon
    assert "Beaconly Inc." in html and "You asked Beaconly Inc. to erase your personal data" in html
    assert "nothing of your data remains" in html
    assert "key that decrypted your record" in html  # not "crypto_shred"
    for jargon in ("crypto_shred", "Residual", "delete_row", "mask_columns", "redact_spans"):
        assert jargon not in html, jargon
    # the recipients to tell (GDPR Art. 19): the subject was in the audience handed to mailsend
    json_report = json.loads(texts[0])
    assert "mailsend" in json_report["recipients"]
    assert "mailsend" in html.split("Who else is told", 1)[1].split("</ul>", 1)[0]


def test_verification_and_audit_log(erased):
    root = erased["root"]
    assert erased["ver"].ok and erased["ver"].scanner and erased["ver"].subject_search
    log = root / "audit_log.jsonl"
    entries = auditlog.read(log)
    assert [e["action"] for e in entries] == ["erasure"]
    assert entries[0]["subject_ref"] == erased["plan"].subject_ref
    assert all(v not in log.read_text() for v in erased["ident"].values())
    assert auditlog.verify(log).ok
    broken = root / "audit_copy.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    broken.write_bytes(lines[0].replace(b'"applied"', b'"planned"'))
    res = auditlog.verify(broken)
    assert not res.ok and res.first_broken == 1


def test_verification_finds_residue_and_fails_loudly(erased, tmp_path):
    root = copy_estate(tmp_path / "estate")
    for rel in ["exports/users_backup.csv", "support/tickets.csv", "identity/identity.vault"]:
        shutil.copyfile(erased["root"] / rel, root / rel)
    dm = load_datamap(root / "datamap.yaml")
    # plant the erased subject's email (lower-cased, inside free text) in another subject's ticket
    tickets = root / "support/tickets.csv"
    with tickets.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            ["T-999999", FAMILY_B, "2026-10-30T10:00:00Z", "email", "Hello",
             f"Please forward this to {erased['ident']['email'].upper()} thanks a lot"])  # fmt: skip
    ver = verify_erasure(dm, erased["plan"], vault_key=erased["key"])
    assert not ver.ok
    assert [(r.dataset, r.kind) for r in ver.residues if r.dataset == "tickets"] == [("tickets", "email")]
    assert all(erased["ident"]["email"] not in r.masked for r in ver.residues)
    with pytest.raises(ErasureError, match="residual"):
        verify_erasure(dm, erased["plan"], vault_key=erased["key"], strict=True, scanner=False)


# ------------------------------------------------------------------------------- holds, sharing


def test_subject_under_legal_hold_keeps_everything_with_reason(tmp_path):
    root = copy_estate(tmp_path / "estate")
    before = snapshot(root)
    dm, key, plan = erase(root, HOLD_ALL)
    assert not plan.has_changes and plan.totals()["keep"] > 0
    for d in plan.datasets:
        for r in d.rows:
            assert r.action == "keep"
            if d.kind == "dataset":
                assert r.reason.startswith("legal hold: litigation hold") and "until 2027-06-30" in r.reason
    tickets = pd.read_csv(SAMPLES / "support/tickets.csv", dtype=str)
    assert next(d for d in plan.datasets if d.name == "tickets").count("keep") == int((tickets["user_token"] == HOLD_ALL).sum())
    apply_erasure(dm, plan, vault_key=key, audit=False)
    assert snapshot(root) == before
    ver = verify_erasure(dm, plan, vault_key=key, scanner=False)
    assert ver.ok and ver.held > 0
    report = build_erasure_report(plan)
    kept = {d["dataset"]: d["kept_reasons"] for d in report["datasets"] if d["kept"]}
    assert "litigation hold" in kept["tickets"][0]["reason"]


def test_partial_hold_keeps_only_the_named_datasets(tmp_path):
    root = copy_estate(tmp_path / "estate")
    holds = pd.read_csv(root / "rights/legal_holds.csv", dtype=str)
    token = holds.loc[holds["datasets"] == "tickets;identity", "user_token"].iloc[0]
    dm, key, plan = erase(root, token)
    by = {d.name: d for d in plan.datasets}
    assert by["identity"].count("keep") == 1 and by["identity"].count("crypto_shred") == 0
    assert by["users_backup"].count("delete_row") == 1
    result = apply_erasure(dm, plan, vault_key=key, audit=False)
    assert token in Vault.open(root / "identity/identity.vault", key).ids()
    assert token not in set(pd.read_csv(root / "exports/users_backup.csv", dtype=str)["user_token"])
    assert verify_erasure(dm, plan, vault_key=key, scanner=False).ok
    assert result.outcomes


def test_shared_phone_line_never_touches_the_other_family_member(tmp_path):
    root = copy_estate(tmp_path / "estate")
    b = identifiers_of(root, FAMILY_B)
    lines_b = [ln for ln in csv_lines(root / "exports/users_backup.csv") if FAMILY_B in ln]
    dm, key, plan = erase(root, FAMILY_A)
    assert "phone" in plan.shared_kinds
    vault = Vault.open(root / "identity/identity.vault", key)
    record_b = vault.get(FAMILY_B)
    apply_erasure(dm, plan, vault_key=key, audit=False)
    assert [ln for ln in csv_lines(root / "exports/users_backup.csv") if FAMILY_B in ln] == lines_b
    assert Vault.open(root / "identity/identity.vault", key).get(FAMILY_B) == record_b
    assert b["phone"] in (root / "exports/users_backup.csv").read_text()
    assert verify_erasure(dm, plan, vault_key=key, scanner=False).ok


def test_declared_retention_duty_and_mask_columns(tmp_path):
    root = copy_estate(tmp_path / "estate")
    text = (root / "datamap.yaml").read_text()
    text = text.replace("    free_text: [body]\n", "    free_text: [body]\n    legal_retention_days: 3650\n"
                        "    retention_reason: commercial law keeps support correspondence\n")  # fmt: skip
    text = text.replace("    shared_with: [pushgate]\n", "    shared_with: [pushgate]\n    erasure: mask_columns\n")
    (root / "datamap.yaml").write_text(text)
    dm, key, plan = erase(root, RICH)
    by = {d.name: d for d in plan.datasets}
    tickets = pd.read_csv(root / "support/tickets.csv", dtype=str)
    assert by["tickets"].count("keep") == int((tickets["user_token"] == RICH).sum()) == 4
    assert all("commercial law" in r for r in by["tickets"].kept_reasons)
    assert by["devices"].count("mask_columns") == 2
    apply_erasure(dm, plan, vault_key=key, audit=False)
    devices = pd.read_csv(root / "analytics/devices.csv", dtype=str, keep_default_na=False)
    orig = pd.read_csv(SAMPLES / "analytics/devices.csv", dtype=str, keep_default_na=False)
    assert len(devices) == len(orig)
    masked = orig.index[orig["user_token"] == RICH]
    assert (devices.loc[masked, "user_token"] == "").all() and (devices.loc[masked, "push_token"] == "").all()
    assert (devices.loc[masked, "device_os"] == orig.loc[masked, "device_os"]).all()
    assert RICH in set(pd.read_csv(root / "support/tickets.csv", dtype=str)["user_token"])
    ver = verify_erasure(dm, plan, vault_key=key, scanner=False)
    assert ver.ok and ver.held >= 4


# -------------------------------------------------------------------------------- all or nothing


def test_failure_on_the_third_rename_leaves_every_file_as_it_was(tmp_path, monkeypatch):
    root = copy_estate(tmp_path / "estate")
    before = snapshot(root)
    dm, key, plan = erase(root, RICH)
    real, calls = os.replace, []

    def failing_replace(src, dst, *a, **kw):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(ErasureError, match="nothing was changed") as exc:
        apply_erasure(dm, plan, vault_key=key)
    assert len(calls) == 3 and "\n" not in str(exc.value)
    monkeypatch.undo()
    assert snapshot(root) == before
    assert not [p for p in root.rglob(".*") if p.suffix in (".tmp", ".bak")]
    assert not (root / "audit_log.jsonl").exists()


def test_failure_while_staging_leaves_every_file_as_it_was(tmp_path, monkeypatch):
    root = copy_estate(tmp_path / "estate")
    before = snapshot(root)
    dm, key, plan = erase(root, RICH)
    real, calls = os.fsync, []

    def failing_fsync(fd):  # the second staged dataset file fails to reach the disk
        name = os.readlink(f"/proc/self/fd/{fd}")
        if name.endswith(".tmp") and ".privacy-audit-journal" not in name:
            calls.append(fd)
            if len(calls) == 2:
                raise OSError(5, "Input/output error")
        return real(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ErasureError, match="nothing was changed"):
        apply_erasure(dm, plan, vault_key=key)
    assert len(calls) == 2
    monkeypatch.undo()
    assert snapshot(root) == before
    assert not [p for p in root.rglob(".*") if p.suffix in (".tmp", ".bak")]


def test_a_file_changed_after_planning_is_refused(tmp_path):
    root = copy_estate(tmp_path / "estate")
    dm, key, plan = erase(root, RICH)
    with (root / "support/tickets.csv").open("a") as fh:
        fh.write("T-1,u_x,2026-01-01T00:00:00Z,email,x,late ticket\n")
    before = snapshot(root)
    with pytest.raises(ErasureError, match="changed since the plan"):
        apply_erasure(dm, plan, vault_key=key)
    assert snapshot(root) == before


def test_unknown_subject_plans_nothing(tmp_path):
    root = copy_estate(tmp_path / "estate")
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    subject = resolve_subject(dm, "email", "nobody.here@example.org", vault_key=key)
    plan = plan_erasure(dm, subject, vault_key=key)
    assert not plan.found and not plan.has_changes and plan.totals()["subject_rows"] == 0
    assert "nobody" not in json.dumps(plan.to_dict())


def test_sql_eraser_is_the_default_and_loaded_lazily():
    """Importing erasure (and planning a files-only estate) loads no SQL or Dask code; the default SQL
    back end is engine.SqlEraser, resolved on first use."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path\n"
        "from privacy_audit import erasure\n"
        "from privacy_audit.datamap import load_datamap\n"
        f"dm = load_datamap(Path({str(SAMPLES / 'datamap.yaml')!r}))\n"
        "erasure.plan_erasure(dm, {'tokens': ['u_nobody_000000']}, vault_key=erasure.vault_key_for(dm))\n"
        "assert not [m for m in ('privacy_audit.engine', 'dask', 'distributed') if m in sys.modules]\n"
        "from privacy_audit.engine import SqlEraser\n"
        "assert isinstance(erasure.sql_eraser(), SqlEraser)\n"
        "assert 'dask' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
