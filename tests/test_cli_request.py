"""`privacy-audit request ...` and `--request ID` on export / erase / rectify / restrict: a request's whole life
driven from the command line on a copy of the sample estate (real files, real audit log, real keys)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from generator_fixture import gen  # noqa: F401  (the fixture)

from privacy_audit import auditlog
from privacy_audit import requests as desk
from privacy_audit.cli import run_guarded
from privacy_audit.datamap import load_datamap

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"


@pytest.fixture()
def estate(tmp_path) -> Path:
    dst = tmp_path / "estate"
    shutil.copytree(SAMPLES, dst, ignore=shutil.ignore_patterns("*.lock", "generate.py"))
    return dst


def _user(estate: Path, row: int) -> dict[str, str]:
    lines = (estate / "exports" / "users_backup.csv").read_text(encoding="utf-8").splitlines()
    return dict(zip(lines[0].split(","), lines[row].split(","), strict=False))


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_guarded([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_request_s_whole_life_from_the_cli(estate, capsys, gen):  # noqa: F811 (the gen fixture)
    dmap = estate / "datamap.yaml"
    user = _user(estate, 5)
    email, token = user["email"], user["user_token"]
    requester = "privacy-officer@customer-corp.example"
    code, out, _ = run(capsys, "request", "new", dmap, "--kind", "erasure", "--subject", f"email={email}",
                       "--requester", requester, "--role", "customer", "--channel", "email", "--received", "2026-11-20")  # fmt: skip
    assert code == 0 and out.startswith("REQ-0008: received 2026-11-20") and "due 2026-12-20" in out
    code, out, _ = run(capsys, "request", "verify", dmap, "REQ-0008", "--method", "customer-attested", "--on", "2026-11-21")
    assert code == 0 and "verified" in out
    code, out, _ = run(capsys, "request", "extend", dmap, "REQ-0008", "--by", "1 month",
                       "--reason", "the vendor export takes time", "--on", "2026-11-22")  # fmt: skip
    assert code == 0 and "due 2027-01-20" in out
    # the erasure itself: a dry run marks the request in progress, the applied and verified one answers it
    code, out, _ = run(capsys, "erase", dmap, "--subject", f"token={token}", "--request", "REQ-0008")
    assert code == 0 and "request REQ-0008: in progress" in out
    # the recipients of this subject's data, read independently: the shared datasets that hold the token
    shared = {"support/tickets.csv": {"deskhub"}, "marketing/audience_export.csv": {"mailsend", "adpixel"},
              "analytics/devices.csv": {"pushgate"}}  # fmt: skip
    expected = sorted(set().union(*(who for rel, who in shared.items() if token in (estate / rel).read_text())))
    assert expected
    code, out, _ = run(capsys, "erase", dmap, "--subject", f"token={token}", "--request", "REQ-0008", "--apply",
                       "--yes", "--no-scanner", "--report", estate / "reports" / "erasure")  # fmt: skip
    assert code == 0 and f"request REQ-0008: answered; to notify: {', '.join(expected)}" in out
    dm = load_datamap(dmap)
    r = desk.load_ledger(dm).get("REQ-0008")
    assert r.links[0].path == "reports/erasure.json" and list(r.recipients) == expected
    for processor in r.recipients:
        code, out, _ = run(capsys, "request", "notify", dmap, "REQ-0008", "--processor", processor)
        assert code == 0
    assert "still to notify" not in out
    # a processor signs a receipt (processor side), the controller verifies it offline and records it
    proc = next(p for p in r.recipients if p != "adpixel")  # adpixel is unregistered: no key
    key = estate / "processor.pem"
    key.write_bytes(gen.processor_key(proc).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))  # fmt: skip
    receipt = estate / "receipt.json"
    code, out, _ = run(capsys, "request", "receipt", "sign", dmap, "REQ-0008", "--processor", proc,
                       "--key", key, "--out", receipt)  # fmt: skip
    assert code == 0 and receipt.is_file()
    code, out, _ = run(capsys, "request", "receipt", "verify", dmap, receipt)
    assert code == 0 and out.startswith("ok:")
    tampered = estate / "tampered.json"
    doc = json.loads(receipt.read_text(encoding="utf-8"))
    doc["receipt"]["status"] = "rejected"
    tampered.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = run(capsys, "request", "receipt", "verify", dmap, tampered)
    assert code == 1 and out.startswith("INVALID:") and "signature does not match" in out
    code, out, _ = run(capsys, "request", "receipt", "record", dmap, receipt)
    assert code == 0 and "receipt recorded" in out
    # list and show: masked, and the request is answered with its receipt
    code, out, err = run(capsys, "request", "show", dmap, "REQ-0008")
    shown = json.loads(out)
    assert shown["status"] == "answered" and shown["verified"] is True
    assert {n["processor"]: n["receipt_status"] for n in shown["notifications"]}[proc] == "completed"
    code, listing, err = run(capsys, "request", "list", dmap, "--as-of", "2026-11-01")
    assert code == 1 and "overdue on 2026-11-01: REQ-0002" in err  # the planted overdue request
    code, open_json, _ = run(capsys, "request", "list", dmap, "--open", "--format", "json", "--as-of", "2026-11-01")
    assert [x["id"] for x in json.loads(open_json)] == ["REQ-0002", "REQ-0006", "REQ-0007"]
    log = (estate / "audit_log.jsonl").read_text(encoding="utf-8")
    assert auditlog.verify(estate / "audit_log.jsonl").ok
    for raw in (email, requester, token):
        assert raw not in log and raw not in listing and raw not in json.dumps(shown)


def test_export_rectify_restrict_answer_their_requests(estate, capsys):
    dmap = estate / "datamap.yaml"
    a, b, c = _user(estate, 7), _user(estate, 8), _user(estate, 9)
    for kind, user in (("access", a), ("rectification", b), ("opt-out", c)):
        code, _, err = run(capsys, "request", "new", dmap, "--kind", kind, "--subject", f"token={user['user_token']}",
                           "--received", "2026-11-20")  # fmt: skip
        assert code == 0, err
        run(capsys, "request", "verify", dmap, desk.load_ledger(load_datamap(dmap)).requests[-1].id, "--method", "email-code")
    code, out, err = run(capsys, "export", dmap, "--subject", f"token={a['user_token']}", "--out", estate / "b.zip.enc",
                         "--password-file", _pw(estate), "--request", "REQ-0008")  # fmt: skip
    assert code == 0, err
    assert "request REQ-0008: answered" in out
    code, out, err = run(capsys, "rectify", dmap, "--subject", f"token={b['user_token']}", "--set", "city=Lyon",
                         "--apply", "--yes", "--request", "REQ-0009")  # fmt: skip
    assert code == 0 and "request REQ-0009: answered" in out, err
    code, out, err = run(capsys, "restrict", dmap, "--subject", f"token={c['user_token']}", "--scope", "email_marketing",
                         "--apply", "--yes", "--request", "REQ-0010")  # fmt: skip
    assert code == 0 and "request REQ-0010: answered" in out, err
    ledger = desk.load_ledger(load_datamap(dmap))
    assert ledger.get("REQ-0008").links[0].path == "b.zip.enc"
    assert [ledger.get(i).status for i in ("REQ-0008", "REQ-0009", "REQ-0010")] == ["answered"] * 3


def _pw(estate: Path) -> Path:
    p = estate / "pw"
    p.write_text("correct horse battery staple\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["request", "new", "{dm}", "--kind", "complaint", "--subject", "token=u_0000000000000000"], "unknown request kind"),
        (["request", "new", "{dm}", "--kind", "access", "--subject", "email=nope"], "not an e-mail address"),
        (["request", "new", "{dm}", "--kind", "access", "--subject", "token=u_0000000000000000", "--received", "2999-01-01"],
         "in the future"),
        (["request", "verify", "{dm}", "REQ-0001", "--method", "email-code"], "already answered"),
        (["request", "verify", "{dm}", "REQ-0042", "--method", "email-code"], "no request 'REQ-0042'"),
        (["request", "extend", "{dm}", "REQ-0006", "--by", "soon", "--reason", "x", "--on", "2026-10-28"], "expected a period"),
        (["request", "close", "{dm}", "REQ-0006", "--outcome", "refused"], "needs a reason"),
        (["request", "notify", "{dm}", "REQ-0005", "--processor", "nobody"], "receives no data"),
        (["request", "receipt", "verify", "{dm}", "{dm}"], "not JSON"),
        (["request", "receipt", "record", "{dm}", "missing.json"], "receipt file not found"),
        (["request", "show", "{dm}", "REQ-0100"], "no request 'REQ-0100'"),
        (["erase", "{dm}", "--subject", "token=u_0000000000000000", "--request", "REQ-0006"], "is a rectification request"),
        (["erase", "{dm}", "--subject", "token=u_0000000000000000", "--request", "REQ-0002"], "about another data subject"),
        (["export", "{dm}", "--subject", "token=u_0000000000000000", "--out", "{tmp}/x.zip", "--request", "REQ-0001"],
         "already answered"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(estate, capsys, args, message):
    dmap = estate / "datamap.yaml"
    log = estate / "audit_log.jsonl"
    before = log.read_bytes()
    args = [a.replace("{dm}", str(dmap)).replace("{tmp}", str(estate)) for a in args]
    code, out, err = run(capsys, *args)
    assert code == 2, (out, err)
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert log.read_bytes() == before
    assert not (estate / "x.zip").exists()
