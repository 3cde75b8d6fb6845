"""``privacy-audit export`` and ``verify-bundle`` through the real CLI entry (run_guarded)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from privacy_audit.cli import run_guarded
from privacy_audit.cli.subject import PASSWORD_ENV

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
RICH = "u_5e40321e94419582"
# click's hidden prompt falls back to plain stdin under pytest: expected, not a problem
pytestmark = pytest.mark.filterwarnings("ignore::getpass.GetPassWarning")


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli") / "data_samples"
    shutil.copytree(SAMPLES, root, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl"))
    return root


@pytest.fixture(scope="module")
def rich_row():
    users = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)
    return users[users.user_token == RICH].iloc[0]


def _run(args, capsys, monkeypatch=None, stdin: str | None = None):
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run_guarded([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_plain_prints_counts_not_values(estate, tmp_path, capsys, rich_row):
    out = tmp_path / "b.zip"
    code, stdout, err = _run(["export", estate / "datamap.yaml", "--subject", f"email={rich_row.email}", "--out", out], capsys)
    assert code == 0, err
    assert "NOT encrypted" in stdout and "events" in stdout and "total:" in stdout
    with zipfile.ZipFile(out) as zf:  # the total adds up what the bundle holds, registers apart
        entries = json.loads(zf.read("manifest.json"))["datasets"]
    held = sum(e["records"] for e in entries if e["kind"] != "register")  # datasets and logs
    registers = sum(e["records"] for e in entries if e["kind"] == "register")
    total = next(line for line in stdout.splitlines() if line.startswith("total:"))
    assert total.startswith(f"total: {held} records in ")
    assert (f"and {registers} in the registers" in total) == bool(registers)
    for raw in (rich_row.email, rich_row.phone, rich_row["name"], RICH):
        assert raw not in stdout + err
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["subject"]["kinds"] == ["email"] and manifest["subject"]["found"]
    code, stdout, _ = _run(["verify-bundle", out], capsys)
    assert code == 0 and stdout.startswith("ok:")


def test_export_with_password_file_and_verify(estate, tmp_path, capsys, monkeypatch, rich_row):
    pw = tmp_path / "pw.txt"
    pw.write_text("s3cret passphrase\n")
    out = tmp_path / "b.enc"
    code, stdout, err = _run(
        ["export", estate / "datamap.yaml", "--subject", f"token={RICH}", "--out", out, "--password-file", pw], capsys
    )
    assert code == 0, err
    assert "encrypted with a password (password file)" in stdout
    assert "s3cret" not in stdout + err
    assert _run(["verify-bundle", out, "--password-file", pw], capsys)[0] == 0
    monkeypatch.setenv(PASSWORD_ENV, "s3cret passphrase")
    assert _run(["verify-bundle", out], capsys)[0] == 0
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    code, _, err = _run(["verify-bundle", out], capsys)
    assert code == 2 and err.startswith("error: ") and "wrong password" in err and "Traceback" not in err
    monkeypatch.delenv(PASSWORD_ENV)
    # prompt (hidden input) when no password is given
    assert _run(["verify-bundle", out], capsys, monkeypatch, stdin="s3cret passphrase\n")[0] == 0
    blob = bytearray(out.read_bytes())
    blob[-40] ^= 0x10
    out.write_bytes(bytes(blob))
    code, stdout, _ = _run(["verify-bundle", out, "--password-file", pw], capsys)
    assert code == 1 and "TAMPERED" in stdout and "<encrypted payload>" in stdout


def test_export_prompted_password(estate, tmp_path, capsys, monkeypatch):
    out = tmp_path / "b.enc"
    code, stdout, err = _run(
        ["export", estate / "datamap.yaml", "--subject", f"token={RICH}", "--out", out, "--ask-password"],
        capsys, monkeypatch, stdin="pass phrase\npass phrase\n",
    )  # fmt: skip
    assert code == 0, err
    assert _run(["verify-bundle", out, "--password"], capsys, monkeypatch, stdin="pass phrase\n")[0] == 0


def test_export_for_recipient(estate, tmp_path, capsys):
    priv = X25519PrivateKey.generate()
    pub = tmp_path / "r.pub.pem"
    pub.write_bytes(priv.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    ident = tmp_path / "r.pem"
    ident.write_bytes(priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    out = tmp_path / "b.enc"
    code, stdout, err = _run(["export", estate / "datamap.yaml", "--subject", f"token={RICH}", "--out", out, "--recipient", pub], capsys)
    assert code == 0, err
    assert "encrypted for the recipient key" in stdout
    assert _run(["verify-bundle", out, "--identity", ident], capsys)[0] == 0
    code, _, err = _run(["verify-bundle", out], capsys)
    assert code == 2 and "--identity" in err


def test_plain_bundle_with_a_changed_file_exits_1(estate, tmp_path, capsys):
    out = tmp_path / "b.zip"
    assert _run(["export", estate / "datamap.yaml", "--subject", f"token={RICH}", "--out", out], capsys)[0] == 0
    with zipfile.ZipFile(out) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    files["tickets.json"] = files["tickets.json"].replace(b"a", b"b", 1)
    with zipfile.ZipFile(out, "w") as zf:
        for n, b in files.items():
            zf.writestr(n, b)
    code, stdout, _ = _run(["verify-bundle", out], capsys)
    assert code == 1 and "tickets.json" in stdout


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--subject", "shoe=42"], "KIND=VALUE"),
        (["--subject", "phone={phone}"], "matches 2 data subjects"),
        (["--subject", "name=Andrew Stafford"], "matches 2 data subjects"),
    ],
)
def test_bad_input_is_one_line_exit_2(estate, tmp_path, capsys, args, needle):
    users = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)
    phone = users.loc[users.user_token == "u_088a30e5e46e398c", "phone"].iloc[0]
    args = [a.format(phone=phone) for a in args]
    out = tmp_path / "x.zip"
    code, stdout, err = _run(["export", estate / "datamap.yaml", *args, "--out", out], capsys)
    assert code == 2 and needle in err and err.count("\n") == 1 and err.startswith("error: ")
    assert phone not in err and not out.exists()


def test_missing_datamap_and_unreadable_bundle(tmp_path, capsys):
    code, _, err = _run(["export", tmp_path / "nope.yaml", "--subject", "email=a@b.c", "--out", tmp_path / "o.zip"], capsys)
    assert code == 2 and err.startswith("error: ") and "Traceback" not in err
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a bundle at all")
    code, _, err = _run(["verify-bundle", junk], capsys)
    assert code == 2 and "not a bundle" in err
    assert _run(["verify-bundle", tmp_path / "missing.zip"], capsys)[0] == 2


def test_unknown_subject_exports_an_empty_bundle(estate, tmp_path, capsys):
    out = tmp_path / "e.zip"
    code, _, err = _run(["export", estate / "datamap.yaml", "--subject", "email=nobody@example.invalid", "--out", out], capsys)
    # the "we hold nothing" bundle is written, but a typo must not pass in a script: exit 1, said on stderr
    assert code == 1 and "no data subject matches" in err
    assert _run(["verify-bundle", out], capsys)[0] == 0
