"""The requests desk core (privacy_audit/requests.py): deadlines, state changes, replay from the real audit
log, the data map's `requests:` rules, Ed25519 receipts (a tampered one fails), the rights.* controls on
the sample estate, and no raw identifier of a requester or subject in the ledger, the log or the report.

Everything runs on real files: a copy of the sample estate, its real audit log, real Ed25519 keys."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from generator_fixture import gen  # noqa: F401  (the fixture)

from privacy_audit import auditlog
from privacy_audit import requests as desk
from privacy_audit.checks import run_checks
from privacy_audit.compliance import compliance_report
from privacy_audit.datamap import RequestRules, load_datamap
from privacy_audit.errors import DataMapError, InputError
from privacy_audit.report.render import write_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
AS_OF = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def truth(gen):  # noqa: F811 (the gen fixture)
    return gen.build().truth


@pytest.fixture()
def estate(tmp_path) -> Path:
    dst = tmp_path / "estate"
    shutil.copytree(SAMPLES, dst, ignore=shutil.ignore_patterns("*.lock", "generate.py"))
    return dst


@pytest.fixture()
def dm(estate):
    return load_datamap(estate / "datamap.yaml")


def _token(estate: Path, row: int = 3) -> str:
    return (estate / "exports" / "users_backup.csv").read_text(encoding="utf-8").splitlines()[row].split(",")[0]


# ------------------------------------------------------------------------------------------ deadlines
@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        ("2026-01-31", (1, "months"), "2026-02-28"),  # no 31 February: the month's last day
        ("2028-01-31", (1, "months"), "2028-02-29"),
        ("2026-11-15", (2, "months"), "2027-01-15"),
        ("2026-12-31", (1, "months"), "2027-01-31"),
        ("2026-10-01", (30, "days"), "2026-10-31"),
    ],
)
def test_add_period(start, period, expected):
    assert desk.add_period(dt.date.fromisoformat(start), period) == dt.date.fromisoformat(expected)


def test_due_date_follows_the_data_map_rules():
    assert desk.due_date(dt.date(2026, 9, 8)) == dt.date(2026, 10, 8)
    assert desk.due_date(dt.date(2026, 9, 8), RequestRules(answer_within=(20, "days"))) == dt.date(2026, 9, 28)


def _write_map(estate: Path, section) -> Path:
    doc = yaml.safe_load((estate / "datamap.yaml").read_text(encoding="utf-8"))
    doc["requests"] = section
    path = estate / "datamap.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"answer_within": "soon"}, "requests.answer_within: expected a period"),
        ({"answer_within": "0 days"}, "requests.answer_within: expected a period"),
        ({"extension_max": 3}, "requests.extension_max: expected a period"),
        ({"processor_keys": {"mailsend": "keys/processors/nope.pub"}}, "requests.processor_keys.mailsend: file does not exist"),
        ({"deadline": "1 month"}, "requests.deadline: unknown field"),
        ("1 month", "requests: expected a mapping"),
    ],
)
def test_bad_request_rules_are_one_line_errors_at_load(estate, section, message):
    path = _write_map(estate, section)
    with pytest.raises(DataMapError) as err:
        load_datamap(path)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert str(err.value).startswith("datamap.yaml:")


def test_rules_are_configurable(estate):
    dm = load_datamap(_write_map(estate, {"answer_within": "30 days", "extension_max": "2 weeks"}))
    assert dm.requests.answer_within == (30, "days") and dm.requests.extension_max == (14, "days")
    r = desk.open_request(dm, "access", subject=[f"token={_token(estate)}"], received="2026-11-02")
    assert r.due == dt.date(2026, 12, 2)
    with pytest.raises(desk.RequestError, match="at most 14 days"):
        desk.extend_request(dm, r.id, by="1 month", reason="two vendors hold records", on="2026-11-03")
    r = desk.extend_request(dm, r.id, by="14 days", reason="two vendors hold records", on="2026-11-03")
    assert r.due == dt.date(2026, 12, 16) and r.status == "extended"


# ------------------------------------------------------------------------------------------ life of a request
def test_a_request_s_whole_life_in_the_library(dm, estate):
    before = len(auditlog.read(estate / "audit_log.jsonl"))
    r = desk.open_request(dm, "rectification", subject=[f"token={_token(estate)}"], requester="A Customer Ltd",
                          requester_role="customer", channel="letter", received="2026-11-10")  # fmt: skip
    assert (r.id, r.status, r.due) == ("REQ-0008", "received", dt.date(2026, 12, 10))
    assert r.subject_ref and r.subject_ref.startswith("sref_") and r.requester_ref.startswith("rref_")
    r = desk.verify_request(dm, r.id, method="id-document", outcome="failed", on="2026-11-11")
    assert r.status == "received" and not r.verified
    r = desk.verify_request(dm, r.id, method="email-code", on="2026-11-12")
    assert r.status == "verified" and r.verified
    r = desk.progress_request(dm, r.id, note="corrected value confirmed with the customer", on="2026-11-13")
    assert r.status == "in_progress"
    r = desk.extend_request(dm, r.id, by="2 months", reason="records held by two vendors", on="2026-11-20")
    assert r.due == dt.date(2027, 2, 10) and r.extension_reason == "records held by two vendors"
    letter = estate / "letter.txt"
    letter.write_text("Your record was corrected.\n", encoding="utf-8")
    r = desk.close_request(dm, r.id, links=[letter], recipients=["pushgate"], on="2026-11-25")
    assert r.status == "answered" and r.days_to_answer == 15 and r.links[0].path == "letter.txt"
    assert r.unnotified() == ("pushgate",)
    r = desk.notify_processor(dm, r.id, "pushgate", on="2026-11-25")
    assert r.unnotified() == () and r.notifications[0].asked == "rectify"
    # every step is one chained entry of the audit log, and the state is their replay
    entries = auditlog.read(estate / "audit_log.jsonl")
    assert len(entries) == before + 7 and auditlog.verify(estate / "audit_log.jsonl").ok
    assert [e["action"] for e in entries[before:]] == [
        "request-new", "request-verify", "request-verify", "request-progress", "request-extend",
        "request-close", "request-notify"]  # fmt: skip
    assert desk.replay(entries, dm.requests).get(r.id) == r


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda dm: desk.verify_request(dm, "REQ-0001", method="email-code"), "already answered"),
        (lambda dm: desk.verify_request(dm, "REQ-0099", method="email-code"), "no request 'REQ-0099'"),
        (lambda dm: desk.verify_request(dm, "REQ-0006", method="email-code", on="2026-10-01"), "before the request was received"),
        (lambda dm: desk.verify_request(dm, "REQ-0006", method="email-code", on="2999-01-01"), "in the future"),
        (lambda dm: desk.verify_request(dm, "REQ-0006", method="email-code", on="01/11/2026"), "expected a date"),
        (lambda dm: desk.verify_request(dm, "REQ-0006", method="Passport No 123"), "never the evidence itself"),
        (lambda dm: desk.extend_request(dm, "REQ-0007", by="1 month", reason="again"), "already extended"),
        (lambda dm: desk.extend_request(dm, "REQ-0002", by="1 month", reason="late"), "already overdue"),
        (lambda dm: desk.extend_request(dm, "REQ-0006", by="3 months", reason="x", on="2026-10-28"), "at most 2 months"),
        (lambda dm: desk.extend_request(dm, "REQ-0006", by="1 month", reason="call jane@x.example", on="2026-10-28"),
         "e-mail address or phone number"),
        (lambda dm: desk.close_request(dm, "REQ-0006", outcome="refused"), "needs a reason"),
        (lambda dm: desk.close_request(dm, "REQ-0006", links=["no/such/file.pdf"]), "no such file"),
        (lambda dm: desk.notify_processor(dm, "REQ-0005", "nobody-co"), "receives no data"),
        (lambda dm: desk.open_request(dm, "complaint", subject=["token=u_0000000000000000"]), "unknown request kind"),
        (lambda dm: desk.open_request(dm, "access", subject=["token=u_0000000000000000"], request_id="REQ-0001"),
         "already exists"),
        (lambda dm: desk.check_servable(dm, "REQ-0006", "erase"), "is a rectification request"),
    ],
)
def test_bad_request_commands_are_refused_and_write_nothing(dm, estate, call, message):
    log = estate / "audit_log.jsonl"
    before = log.read_bytes()
    with pytest.raises(InputError) as err:
        call(dm)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert log.read_bytes() == before


def test_replay_reports_entries_that_do_not_apply():
    entries = [
        {"seq": 1, "action": "request-verify", "details": {"request": "REQ-0001", "on": "2026-10-01"}},
        {"seq": 2, "action": "erasure", "details": {}},  # other actions are not the ledger's
        {"seq": 3, "action": "request-new", "details": {"request": "REQ-0002", "on": "2026-10-01", "kind": "access"}},
        {"seq": 4, "action": "request-new", "details": {"request": "REQ-0002", "on": "2026-10-02", "kind": "access"}},
        {"seq": 5, "action": "request-close", "details": {"request": "REQ-0002"}},
    ]
    ledger = desk.replay(entries)
    assert [r.id for r in ledger.requests] == ["REQ-0002"]
    assert ledger.requests[0].due == dt.date(2026, 11, 1)
    assert len(ledger.problems) == 3 and "entry 1" in ledger.problems[0] and "opened twice" in ledger.problems[1]


# ------------------------------------------------------------------------------------------ the sample ledger
def test_sample_ledger_and_queue():
    dm = load_datamap(SAMPLES / "datamap.yaml")
    ledger = desk.load_ledger(dm)
    assert [r.id for r in ledger.requests] == [f"REQ-000{i}" for i in range(1, 8)] and ledger.problems == ()
    frame = ledger.to_frame(AS_OF)
    assert list(frame.columns) == list(desk.QUEUE_COLUMNS)
    assert list(frame["id"][:3]) == ["REQ-0002", "REQ-0006", "REQ-0007"]  # open, fewest days left first
    assert list(frame["days_left"][:3]) == [-24, 25, 70]
    s = ledger.summary(AS_OF)
    assert s.overdue == ("REQ-0002",) and s.open == 3 and s.answered == 4
    closed = [r.days_to_answer for r in ledger.requests if r.closed_on]
    assert sorted(closed) == [4, 8, 8, 22] and s.median_days_to_answer == 8.0
    assert (s.worst_days_to_answer, s.worst_request) == (22, "REQ-0004")
    assert ledger.get("REQ-0001").links[0].path == "exports/sar_2026-10-02.zip"


def test_rights_controls_find_exactly_the_planted_requests():
    result = run_checks(load_datamap(SAMPLES / "datamap.yaml"), as_of=AS_OF, only="rights")
    assert result.errors == ()
    got = {(f.check, f.dataset, f.column, f.clause) for f in result.findings}
    assert got == {
        ("rights.overdue", "audit_log.jsonl", "REQ-0002", "5.2"),
        ("rights.unverified_answer", "audit_log.jsonl", "REQ-0003", "5.2"),
        ("rights.processors_not_notified", "audit_log.jsonl", "REQ-0005", "5.1.1"),
    }
    overdue = next(f for f in result.findings if f.check == "rights.overdue")
    assert "24 day(s) past its due date 2026-10-08" in overdue.message
    # an earlier audit date: REQ-0002 is not late yet, and the later requests did not exist
    early = run_checks(load_datamap(SAMPLES / "datamap.yaml"), as_of=dt.date(2026, 10, 1), only="rights.overdue")
    assert early.findings == ()


def test_fixing_the_planted_cases_clears_the_controls(dm, estate):
    desk.notify_processor(dm, "REQ-0005", "adpixel", on="2026-10-25")
    r = desk.close_request(dm, "REQ-0002", on="2026-11-01", links=[estate / "exports" / "users_backup.csv"])
    # no recipients given: the data map's recipients of subject data are the ones to tell
    assert r.unnotified() == ("adpixel", "deskhub", "mailsend", "pushgate")
    for processor in r.unnotified():
        desk.notify_processor(dm, "REQ-0002", processor, on="2026-11-01")
    result = run_checks(dm, as_of=AS_OF, only=["rights.overdue", "rights.processors_not_notified"])
    # REQ-0002 is now answered, but late: still a finding, saying so
    assert [(f.check, f.column) for f in result.findings] == [("rights.overdue", "REQ-0002")]
    assert "after its due date" in result.findings[0].message


# ------------------------------------------------------------------------------------------ receipts
def test_sample_receipts_verify_offline():
    dm = load_datamap(SAMPLES / "datamap.yaml")
    receipts = sorted((SAMPLES / "rights" / "receipts").glob("*.json"))
    assert [p.name for p in receipts] == ["REQ-0004-deskhub.json", "REQ-0004-pushgate.json", "REQ-0005-mailsend.json"]
    for p in receipts:
        check = desk.verify_receipt(p, dm)
        assert check.ok, (p.name, check.reason)
    n = {x.processor: x for x in desk.load_ledger(dm).get("REQ-0004").notifications}
    assert n["deskhub"].receipt_status == "completed" and n["deskhub"].receipt_on == dt.date(2026, 10, 8)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["receipt"].update(status="rejected"), "signature does not match"),
        (lambda d: d["receipt"].update(completed_on="2026-10-07"), "signature does not match"),
        (lambda d: d["receipt"].update(request="REQ-0005"), "signature does not match"),
        (lambda d: d["signature"].update(value=d["signature"]["value"][:-4] + "AAA="), "signature does not match"),
        (lambda d: d.update(signature={**d["signature"], "processor": "mailsend"}), "another processor"),
        (lambda d: d["receipt"].update(processor="adpixel") or d["signature"].update(processor="adpixel"),
         "no public key for processor 'adpixel'"),
        (lambda d: d.pop("signature"), "not a receipt"),
    ],
)
def test_a_tampered_receipt_fails(tmp_path, change, reason):
    dm = load_datamap(SAMPLES / "datamap.yaml")
    doc = json.loads((SAMPLES / "rights" / "receipts" / "REQ-0004-deskhub.json").read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    check = desk.verify_receipt(path, dm)
    assert not check.ok and reason in check.reason


def test_a_receipt_signed_with_another_key_fails_and_is_not_recorded(dm, estate, gen):  # noqa: F811 (the gen fixture)
    request = desk.load_ledger(dm).get("REQ-0005")
    body = desk.receipt_body(request, "mailsend", controller=dm.organization, completed_on="2026-10-23")
    forged = desk.sign_receipt(body, Ed25519PrivateKey.generate())
    path = estate / "forged.json"
    path.write_text(json.dumps(forged), encoding="utf-8")
    assert not desk.verify_receipt(path, dm).ok
    before = (estate / "audit_log.jsonl").read_bytes()
    with pytest.raises(desk.RequestError, match="receipt not recorded"):
        desk.record_receipt(dm, path)
    assert (estate / "audit_log.jsonl").read_bytes() == before
    # the real processor key signs the same body: valid; recording needs a notification first
    genuine = desk.sign_receipt(body, gen.processor_key("mailsend"))
    assert desk.verify_receipt(genuine, dm).ok
    deskhub = desk.sign_receipt(desk.receipt_body(request, "deskhub", controller=dm.organization,
                                                  completed_on="2026-10-23"), gen.processor_key("deskhub"))  # fmt: skip
    path.write_text(json.dumps(deskhub), encoding="utf-8")
    with pytest.raises(desk.RequestError, match="deskhub was not notified"):
        desk.record_receipt(dm, path)


# ------------------------------------------------------------------------------------------ no raw identifiers
def _raw_values(truth) -> set[str]:
    values = set()
    for req in truth["requests"]:
        values.add(req["requester"])
        for arg in req["subject"]:
            values.add(arg.split("=", 1)[1])
    return {v for v in values if len(v) >= 6}


def test_no_raw_identifier_of_a_requester_in_the_ledger_the_log_or_the_report(truth, tmp_path):
    raw = _raw_values(truth)
    emails = {v for v in raw if "@" in v}
    assert len(emails) >= 5 and any(v.startswith("+") or v[0].isdigit() for v in raw)  # e-mails and a phone
    dm = load_datamap(SAMPLES / "datamap.yaml")
    ledger_json = json.dumps(desk.load_ledger(dm).to_dict(AS_OF), ensure_ascii=False)
    log_text = (SAMPLES / "audit_log.jsonl").read_text(encoding="utf-8")
    files = write_report(compliance_report(dm, scan=False), tmp_path / "report", pdf=False)
    html = files.html.read_text(encoding="utf-8")
    report_json = files.json.read_text(encoding="utf-8")
    assert "REQ-0002" in html and "request_desk" in report_json  # the section is there
    for name, text in {"ledger": ledger_json, "audit log": log_text, "HTML report": html, "JSON report": report_json}.items():
        leaked = sorted(v for v in raw if v in text or v.lower() in text.lower())
        assert leaked == [], f"raw identifier in the {name}"
