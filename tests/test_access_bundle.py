"""Subject-access bundles built from the sample estate (copied to tmp_path: exports write the audit log)."""

from __future__ import annotations

import datetime as dt
import html as html_mod
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from privacy_audit import auditlog
from privacy_audit.access import BUNDLE_MAGIC, build_bundle, bundle_bytes, decrypt_bundle, verify_bundle
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import BundleError
from privacy_audit.subjects import find_subject_data, resolve_subject

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_subjects import RICH, SAMPLES, expected_counts, expected_log_lines  # noqa: E402

T1 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
T2 = dt.datetime(2026, 11, 3, 17, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    root = tmp_path_factory.mktemp("estate") / "data_samples"
    shutil.copytree(SAMPLES, root, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl"))
    return root


@pytest.fixture(scope="module")
def dm(estate):
    return load_datamap(estate / "datamap.yaml")


@pytest.fixture(scope="module")
def users():
    return pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)


@pytest.fixture(scope="module")
def rich(dm):
    return find_subject_data(dm, resolve_subject(dm, "token", RICH))


@pytest.fixture(scope="module")
def plain_bundle(dm, rich, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "rich.zip"
    result = build_bundle(dm, rich, out, generated_at=T1)
    return out, result


def _zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_bundle_holds_exactly_the_subjects_rows(plain_bundle, users):
    out, result = plain_bundle
    files = _zip(out.read_bytes())
    manifest = json.loads(files["manifest.json"])
    expected = expected_counts(RICH, users)
    by_name = {d["name"]: d for d in manifest["datasets"]}
    for name, n in expected.items():
        entry = by_name[name]
        assert entry["records"] == n, name
        if entry["kind"] == "log":
            lines = files[f"{name}.log.txt"].decode().splitlines()
            assert lines == expected_log_lines(RICH, users)
        else:
            records = json.loads(files[f"{name}.json"])
            frame = pd.read_csv(io.BytesIO(files[f"{name}.csv"]), dtype=str)
            assert len(records) == len(frame) == n, name
            if "user_token" in frame.columns:
                assert set(frame["user_token"]) <= {RICH}, name
    assert manifest["subject"] == {
        "kinds": ["token"], "found": True, "ref": result.manifest["subject"]["ref"],
        "records": sum(d["records"] for d in manifest["datasets"] if d["kind"] != "register"), "empty": False,
    }  # fmt: skip
    assert manifest["datamap"]["sha256"] and manifest["generated_at"] == "2026-11-02T09:00:00Z"
    # every file is listed with its hash; the registers keyed by the subject are there too
    assert set(manifest["files"]) == set(files) - {"manifest.json", "manifest.mac"}
    assert "registers/consents.json" in files
    html = files["index.html"].decode()
    assert "email marketing" in html and "legitimate interests" in html and "120 days" in html
    # self-contained: no script, nothing loaded from elsewhere (links to the authority are fine)
    assert "<script" not in html and 'src="http' not in html and "<link" not in html
    # it is the person's own copy: their own values are shown (HTML-escaped) ...
    row = users[users.user_token == RICH].iloc[0]
    for raw in (row.email, row["name"], RICH):
        assert html_mod.escape(raw) in html, "the subject's own value is missing from index.html"
    # ... with their rights, whom to contact and how to complain, and no command line
    for section in ('id="rights"', 'id="contact"', 'id="complain"', "Erase", "Correct", "Restrict", "Object",
                    "portability", "dpo@beaconly.example", "supervisory authority"):
        assert section in html, section
    assert "privacy-audit" not in html.lower()


def test_plain_bundle_verifies_and_a_changed_file_is_named(plain_bundle, tmp_path):
    out, _ = plain_bundle
    assert verify_bundle(out).ok
    files = _zip(out.read_bytes())
    files["events.csv"] = files["events.csv"].replace(b"push", b"PUSH", 1)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(tampered, "w") as zf:
        for n, b in files.items():
            zf.writestr(n, b)
    res = verify_bundle(tampered)
    assert not res.ok and [p[0] for p in res.problems] == ["events.csv"]


def test_determinism(dm, rich, plain_bundle):
    from privacy_audit.vault import audit_key_for_datamap

    head, key = plain_bundle[1].manifest["audit_log"], audit_key_for_datamap(dm)
    a, manifest_a = bundle_bytes(dm, rich, generated_at=T1, audit_head=head, mac_key=key)
    b, manifest_b = bundle_bytes(dm, rich, generated_at=T2, audit_head=head, mac_key=key)
    assert a == plain_bundle[0].read_bytes()  # same inputs, same bytes
    fa, fb = _zip(a), _zip(b)
    assert list(fa) == sorted(fa) and set(fa) == set(fb)
    differ = {n for n in fa if fa[n] != fb[n]}
    assert differ == {"manifest.json", "manifest.mac", "index.html"}
    ma, mb = json.loads(fa["manifest.json"]), json.loads(fb["manifest.json"])
    for m in (ma, mb):
        m.pop("generated_at")
        m["files"].pop("index.html")
    assert ma == mb
    assert fa["index.html"].decode().replace("2026-11-02T09:00:00Z", "T") == fb["index.html"].decode().replace(
        "2026-11-03T17:30:00Z", "T"
    )


def test_third_party_pii_in_tickets_is_redacted(dm):
    sys.path.insert(0, str(SAMPLES))
    import generate  # the sample generator's own ground truth: ticket id -> the third person's data

    truth = generate.build().truth["tickets_with_third_party"]
    tickets = pd.read_csv(SAMPLES / "support" / "tickets.csv", dtype=str).set_index("ticket_id")
    picked = {}
    for tid, third in truth.items():  # the first ticket of each kind: name, email, phone
        picked.setdefault(next(iter(third)), (tid, third))
    assert set(picked) == {"name", "email", "phone"}
    for kind, (tid, third) in picked.items():
        token = tickets.loc[tid, "user_token"]
        data = find_subject_data(dm, resolve_subject(dm, "token", token))
        files = _zip(bundle_bytes(dm, data, generated_at=T1)[0])
        manifest = json.loads(files["manifest.json"])
        entry = next(d for d in manifest["datasets"] if d["name"] == "tickets")
        body = next(r["body"] for r in json.loads(files["tickets.json"]) if r["ticket_id"] == tid)
        for value in third.values():
            assert value not in body and value.encode() not in files["tickets.csv"], kind
        assert "[REDACTED " in body and entry["redactions"] >= 1
        # the subject's own e-mail stays readable when they wrote it
        own = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str).set_index("user_token").loc[token, "email"]
        if own in tickets.loc[tid, "body"]:
            assert own in body


def test_password_bundle(dm, rich, tmp_path):
    out = tmp_path / "p.bin"
    res = build_bundle(dm, rich, out, password="correct horse battery", generated_at=T1)
    blob = out.read_bytes()
    assert res.encryption == "password" and blob.startswith(BUNDLE_MAGIC) and b"PK\x03\x04" not in blob[:200]
    assert verify_bundle(out, password="correct horse battery").ok
    from privacy_audit.vault import audit_key_for_datamap

    same = bundle_bytes(dm, rich, generated_at=T1, audit_head=res.manifest["audit_log"], mac_key=audit_key_for_datamap(dm))
    assert _zip(decrypt_bundle(blob, password="correct horse battery")) == _zip(same[0])
    with pytest.raises(BundleError, match="wrong password"):
        verify_bundle(out, password="wrong")
    with pytest.raises(BundleError):
        verify_bundle(out)
    flipped = bytearray(blob)
    flipped[len(blob) // 2] ^= 0x01
    bad = tmp_path / "flipped.bin"
    bad.write_bytes(bytes(flipped))
    v = verify_bundle(bad, password="correct horse battery")
    assert not v.ok and v.problems[0][0] == "<encrypted payload>"


def test_recipient_bundle(dm, rich, tmp_path):
    priv = X25519PrivateKey.generate()
    pub_pem = tmp_path / "id.pub.pem"
    pub_pem.write_bytes(priv.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    id_pem = tmp_path / "id.pem"
    id_pem.write_bytes(priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    out = tmp_path / "r.bin"
    assert build_bundle(dm, rich, out, recipient=pub_pem, generated_at=T1).encryption == "recipient"
    assert verify_bundle(out, identity=id_pem).ok
    with pytest.raises(BundleError, match="another recipient"):
        verify_bundle(out, identity=X25519PrivateKey.generate())
    blob = bytearray(out.read_bytes())
    blob[-5] ^= 0x80
    out.write_bytes(bytes(blob))
    assert not verify_bundle(out, identity=id_pem).ok


def test_unknown_subject_gives_an_empty_valid_bundle(dm, tmp_path):
    data = find_subject_data(dm, resolve_subject(dm, "email", "nobody.at.all@example.invalid"))
    out = tmp_path / "empty.zip"
    build_bundle(dm, data, out)
    assert verify_bundle(out).ok
    files = _zip(out.read_bytes())
    manifest = json.loads(files["manifest.json"])
    assert manifest["subject"]["found"] is False and manifest["subject"]["empty"] is True
    assert all(d["records"] == 0 for d in manifest["datasets"])
    assert "no data about this person" in " ".join(manifest["notes"]).lower()
    assert "We found no data about you" in files["index.html"].decode()


def test_restricted_subject_is_noted(dm, tmp_path):
    data = find_subject_data(dm, resolve_subject(dm, "token", "u_5900b6177c33dc33"))
    files = _zip(bundle_bytes(dm, data, generated_at=T1)[0])
    manifest = json.loads(files["manifest.json"])
    assert manifest["restricted"] is True
    assert "Processing restricted" in files["index.html"].decode()


def test_exports_are_in_the_audit_log_without_raw_identifiers(dm, plain_bundle, users):
    out, result = plain_bundle
    entries = auditlog.read(dm.audit_log_path)
    mine = [e for e in entries if e["action"] == "export" and e["details"]["bundle_sha256"] == result.sha256]
    assert len(mine) == 1 and mine[0]["subject_ref"] == result.manifest["subject"]["ref"]
    assert mine[0]["details"]["datasets"]["events"] == result.records["events"]
    assert auditlog.verify(dm.audit_log_path).ok
    text = Path(dm.audit_log_path).read_text()
    row = users[users.user_token == RICH].iloc[0]
    for raw in (RICH, row.email, row.email.lower(), row.phone, row["name"], row.signup_ip):
        assert raw not in text
