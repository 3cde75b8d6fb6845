"""Every command given wrong input, the way a new user gives it: exit 2, one line, no traceback,
no raw personal value, and not one byte written or changed.

Each case runs in a fresh copy of the sample estate (``data_samples/``) beside a few bad inputs
(an empty file, a binary file, malformed YAML, a data map naming a missing file, a data map whose
audit log sits under a regular FILE, which even root cannot write, a valid but wrong vault key).
The whole work folder is hashed before and after the command.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.cli import run_guarded
from privacy_audit.vault import encode_key, generate_key

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
EXE = Path(sys.executable).with_name("privacy-audit")

_USERS = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)
_PERSON = _USERS.iloc[0]
TOKEN, EMAIL = _PERSON["user_token"], _PERSON["email"]
# every raw identity value of the sample estate: none may appear in any output of a failed command
RAW_VALUES = {
    v for col in ("name", "email", "phone", "street_address", "signup_ip") for v in _USERS[col].dropna() if len(v) >= 6
}
_ENV = ("PRIVACY_AUDIT_VAULT_KEY", "PRIVACY_AUDIT_BUNDLE_PASSWORD")


def _workspace(root: Path) -> None:
    """The estate copy ``e/`` and the bad inputs beside it."""
    shutil.copytree(SAMPLES, root / "e", ignore=shutil.ignore_patterns("generate.py", "__pycache__"))
    (root / "empty.yaml").write_text("")
    (root / "empty.csv").write_text("")
    (root / "bin.dat").write_bytes(bytes(range(256)) * 16)
    (root / "file").write_text("a regular file: nothing can be created under it\n")
    (root / "bad.yaml").write_text("datasets: [\n  - name: x\n   path: : :\n")
    (root / "list.yaml").write_text("- a\n- b\n")
    (root / "pw").write_text("correct horse battery\n")
    (root / "wrong.key").write_text(encode_key(generate_key()) + "\n")
    text = (root / "e" / "datamap.yaml").read_text()
    assert "support/tickets.csv" in text
    (root / "e" / "missing.yaml").write_text(text.replace("support/tickets.csv", "support/no_such_file.csv"))
    lines = [ln for ln in text.splitlines() if not ln.startswith("audit_log:")]
    (root / "e" / "badlog.yaml").write_text("\n".join(lines) + "\naudit_log: ../file/audit_log.jsonl\n")


def _snapshot(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file (and "dir" for every folder) under ``root``."""
    return {
        str(p.relative_to(root)): "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
    }


def _check_refusal(code: int, out: str, err: str, expected: str) -> None:
    assert code == 2, f"exit {code}, stderr: {err!r}"
    assert "Traceback" not in err + out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {err!r}"  # usage errors too
    assert lines[0].startswith("error: "), err
    assert expected.lower() in err.lower(), f"{expected!r} not in {err!r}"
    assert not out.strip(), f"a refused command printed a result as well: {out[:200]!r}"
    leaked = [v for v in RAW_VALUES if v in out or v in err]
    assert not leaked, f"raw personal values in the output: {len(leaked)}"


@pytest.fixture
def work(tmp_path, monkeypatch):
    _workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal, nothing typed
    return tmp_path


def _corrupt_sessions(root: Path) -> None:
    (root / "e" / "analytics" / "sessions.parquet").write_bytes(b"PAR1" + bytes(range(200)))


def _truncate_vault(root: Path) -> None:
    v = root / "e" / "identity" / "identity.vault"
    v.write_bytes(v.read_bytes()[:120])


V, DM = "e/identity/identity.vault", "e/datamap.yaml"
KEY = "e/keys/vault.key"
PSEUDO = ["pseudonymize", "e/exports/users_backup.csv", "--vault", "new.vault", "--key-file", KEY, "--out", "p.csv"]
EXPORT = ["export", DM, "--subject", f"email={EMAIL}", "--out", "b.zip.enc", "--password-file", "pw"]
SUBJ = ["--subject", f"token={TOKEN}"]

# (id, command line, expected substring of stderr, optional setup on the work folder)
CASES = [
    # click usage errors
    ("scan-no-args", ["scan"], "Missing argument", None),
    ("check-folder", ["check", "e"], "is a directory", None),
    ("validate-extra-arg", ["datamap", "validate", DM, "extra"], "unexpected extra argument", None),
    ("erase-no-subject", ["erase", DM], "Missing option '--subject'", None),
    ("scan-sample-0", ["scan", "e/support/tickets.csv", "--sample", "0"], "--sample", None),
    ("report-bad-date", ["report", DM, "--as-of", "yesterday"], "YYYY-MM-DD", None),
    ("scan-recognizers-folder", ["scan", "e/support/tickets.csv", "--recognizers", "e"], "is a directory", None),
    # data maps
    ("validate-missing", ["datamap", "validate", "nope.yaml"], "not found", None),
    ("check-empty", ["check", "empty.yaml"], "empty data map", None),
    ("check-binary", ["check", "bin.dat"], "not UTF-8", None),
    ("check-bad-yaml", ["check", "bad.yaml"], "YAML syntax error", None),
    ("validate-list", ["datamap", "validate", "list.yaml"], "mapping", None),
    ("check-names-missing-file", ["check", "e/missing.yaml"], "path does not exist", None),
    ("check-bad-as-of", ["check", DM, "--as-of", "2026-13-01"], "--as-of", None),
    ("check-unknown-check", ["check", DM, "--only", "no_such_check"], "unknown check", None),
    ("diff-unknown-dataset", ["datamap", "diff", DM, "--dataset", "nosuch"], "no dataset named", None),
    ("ropa-out-under-file", ["datamap", "ropa", DM, "--out", "file/ropa.md"], "not a folder", None),
    ("init-out-under-file", ["datamap", "init", "e", "--out", "file/draft.yaml"], "not a folder", None),
    ("init-out-exists", ["datamap", "init", "e", "--out", DM], "--force", None),
    ("report-missing", ["report", "nope.yaml"], "not found", None),
    ("report-out-under-file", ["report", DM, "--out", "file/reports"], "not a folder", None),
    # scan inputs
    ("scan-missing", ["scan", "nope.csv"], "no such file", None),
    ("scan-empty", ["scan", "empty.csv"], "empty file", None),
    ("scan-binary", ["scan", "bin.dat"], "binary file", None),
    ("scan-recognizers-missing", ["scan", "e/support/tickets.csv", "--recognizers", "nope.yaml"], "not found", None),
    ("scan-recognizers-bad-yaml", ["scan", "e/support/tickets.csv", "--recognizers", "bad.yaml"], "YAML", None),
    # audit log
    ("log-verify-missing", ["log", "verify", "nope.jsonl"], "no audit log", None),
    ("log-show-folder", ["log", "show", "e"], "folder", None),
    ("log-show-not-a-log", ["log", "show", DM], "not valid JSON", None),
    # vault
    ("keygen-under-file", ["vault", "keygen", "file/k.key"], "not a folder", None),
    ("keygen-exists", ["vault", "keygen", KEY], "never overwritten", None),
    ("vault-init-no-key", ["vault", "init", "new.vault"], "no vault key", None),
    ("vault-init-key-missing", ["vault", "init", "new.vault", "--key-file", "nope.key"], "not found", None),
    ("vault-init-key-binary", ["vault", "init", "new.vault", "--key-file", "bin.dat"], "neither base64 nor hex", None),
    ("vault-init-key-empty", ["vault", "init", "new.vault", "--key-file", "empty.csv"], "empty", None),
    ("vault-init-over-file", ["vault", "init", V, "--key-file", KEY], "already exists", None),
    ("vault-init-under-file", ["vault", "init", "file/new.vault", "--key-file", KEY], "not a folder", None),
    ("vault-stats-wrong-key", ["vault", "stats", V, "--key-file", "wrong.key"], "wrong key", None),
    ("vault-stats-not-a-vault", ["vault", "stats", "bin.dat", "--key-file", KEY], "not a privacy-audit vault", None),
    ("vault-stats-truncated", ["vault", "stats", V, "--key-file", KEY], "truncated", _truncate_vault),
    ("rotate-wrong-key", ["vault", "rotate", V, "--key-file", "wrong.key", "--new-key-file", KEY], "wrong key", None),
    ("rotate-same-key", ["vault", "rotate", V, "--key-file", KEY, "--new-key-file", KEY], "same as the current", None),
    ("rotate-log-under-file", ["vault", "rotate", V, "--key-file", KEY, "--new-key-file", "wrong.key",
                               "--audit-log", "file/log.jsonl"], "not a folder", None),  # fmt: skip
    ("shred-unknown-record", ["vault", "shred", V, "nosuchrecord", "--key-file", KEY], "no record", None),
    ("shred-log-under-file", ["vault", "shred", V, TOKEN, "--key-file", KEY, "--audit-log", "file/x"], "not a folder",
     None),  # fmt: skip
    ("pseudo-input-missing", ["pseudonymize", "nope.csv", *PSEUDO[2:], "--columns", "email"], "no such file", None),
    ("pseudo-input-binary", ["pseudonymize", "bin.dat", *PSEUDO[2:], "--columns", "email"], "binary file", None),
    ("pseudo-unknown-column", [*PSEUDO, "--columns", "nosuchcol"], "not in the input", None),
    ("pseudo-out-under-file", [*PSEUDO[:-1], "file/p.csv", "--columns", "email"], "not a folder", None),
    ("pseudo-log-under-file", [*PSEUDO, "--columns", "email", "--audit-log", "file/x"], "not a folder", None),
    ("pseudo-wrong-vault-key", ["pseudonymize", "e/exports/users_backup.csv", "--vault", V, "--key-file", "wrong.key",
                                "--out", "p.csv", "--columns", "email"], "wrong key", None),  # fmt: skip
    # subjects: KIND=VALUE, unknown subjects, keys, passwords, output locations
    ("subject-bad-kind", [*EXPORT[:2], "--subject", f"emial={EMAIL}", *EXPORT[4:]], "bad --subject", None),
    ("subject-no-kind", [*EXPORT[:2], "--subject", EMAIL, *EXPORT[4:]], "bad --subject", None),
    ("subject-empty-value", [*EXPORT[:2], "--subject", "email=", *EXPORT[4:]], "bad --subject", None),
    ("subject-not-an-email", [*EXPORT[:2], "--subject", f"email={EMAIL.split('@')[0]}", *EXPORT[4:]],
     "not an e-mail address", None),  # fmt: skip
    ("subject-bad-ip", ["erase", DM, "--subject", "ip=999.1.1.1"], "not an IPv4", None),
    ("subject-bad-phone", ["erase", DM, "--subject", "phone=call me"], "at least 5 digits", None),
    ("subject-mismatch", [*EXPORT, "--subject", "token=u_0000000000000000"], "do not all belong", None),
    ("rectify-unknown-subject", ["rectify", DM, "--subject", "token=u_0000000000000000", "--set", "city=Lyon",
                                 "--apply", "--yes"], "no data subject matches", None),  # fmt: skip
    ("restrict-unknown-subject", ["restrict", DM, "--subject", "token=u_0000000000000000", "--apply", "--yes"],
     "no data subject matches", None),  # fmt: skip
    ("export-wrong-vault-key", [*EXPORT, "--vault-key-file", "wrong.key"], "wrong key", None),
    ("erase-wrong-vault-key", ["erase", DM, *SUBJ, "--vault-key-file", "wrong.key"], "wrong key", None),
    ("export-out-under-file", [*EXPORT[:4], "--out", "file/b.zip.enc", *EXPORT[6:]], "not a folder", None),
    ("export-out-no-folder", [*EXPORT[:4], "--out", "nodir/b.zip.enc", *EXPORT[6:]], "does not exist", None),
    ("export-password-missing", [*EXPORT[:-1], "nope"], "password file not found", None),
    ("export-password-empty", [*EXPORT[:-1], "empty.csv"], "empty", None),
    ("export-password-binary", [*EXPORT[:-1], "bin.dat"], "UTF-8", None),
    ("export-password-and-recipient", [*EXPORT, "--recipient", "xyz"], "only one of", None),
    ("export-ask-password-no-stdin", [*EXPORT[:-2], "--ask-password"], "no password given", None),
    ("export-audit-log-under-file", ["export", "e/badlog.yaml", *EXPORT[2:]], "the audit log", None),
    ("erase-audit-log-under-file", ["erase", "e/badlog.yaml", *SUBJ, "--apply", "--yes"], "the audit log", None),
    ("rectify-audit-log-under-file", ["rectify", "e/badlog.yaml", *SUBJ, "--set", "city=Lyon", "--apply", "--yes"],
     "the audit log", None),  # fmt: skip
    ("restrict-audit-log-under-file", ["restrict", "e/badlog.yaml", *SUBJ, "--apply", "--yes"], "the audit log", None),
    ("erase-report-under-file", ["erase", DM, *SUBJ, "--report", "file/erasure"], "not a folder", None),
    ("erase-apply-not-confirmed", ["erase", DM, *SUBJ, "--apply"], "aborted", None),
    ("erase-unreadable-dataset", ["erase", DM, *SUBJ, "--apply", "--yes"], "sessions.parquet", _corrupt_sessions),
    ("erase-truncated-vault", ["erase", DM, *SUBJ], "truncated", _truncate_vault),
    ("rectify-bad-set", ["rectify", DM, *SUBJ, "--set", "city"], "expected column=value", None),
    ("rectify-unknown-column", ["rectify", DM, *SUBJ, "--set", "no_such_column=x"], "not found", None),
    ("restrict-reason-with-email", ["restrict", DM, *SUBJ, "--reason", f"asked by {EMAIL}", "--apply", "--yes"],
     "--reason", None),  # fmt: skip
    ("restrict-bad-scope", ["restrict", DM, *SUBJ, "--scope", "two words,x", "--apply", "--yes"], "--scope", None),
    # bundles
    ("verify-missing", ["verify-bundle", "nope.zip"], "no such file", None),
    ("verify-folder", ["verify-bundle", "e"], "folder", None),
    ("verify-binary", ["verify-bundle", "bin.dat"], "not a bundle", None),
    ("verify-empty", ["verify-bundle", "empty.csv"], "not a bundle", None),
    ("verify-zip-not-bundle", ["verify-bundle", "e/exports/sar_2026-10-02.zip"], "not a bundle", None),
]


@pytest.mark.parametrize(("args", "expected", "setup"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(work, capsys, args, expected, setup):
    if setup is not None:
        setup(work)
    before = _snapshot(work)
    code = run_guarded(list(args))
    out, err = capsys.readouterr()
    _check_refusal(code, out, err, expected)
    assert _snapshot(work) == before, "a refused command wrote or changed a file"


@pytest.fixture(scope="module")
def _bundle_bytes(tmp_path_factory) -> bytes:
    """A password-protected bundle of the sample subject, built once by the CLI (not part of the check)."""
    root = tmp_path_factory.mktemp("bundle")
    _workspace(root)
    out = root / "b.zip.enc"
    code = run_guarded(["export", str(root / DM), "--subject", f"email={EMAIL}", "--out", str(out),
                        "--password-file", str(root / "pw"), "--no-audit-log"])  # fmt: skip
    assert code == 0
    return out.read_bytes()


@pytest.fixture
def bundle(work, _bundle_bytes):
    (work / "b.zip.enc").write_bytes(_bundle_bytes)
    return work / "b.zip.enc"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--password-file", "wrong.key"], "wrong password"),
        ([], "no password given"),  # password-protected, no terminal, nothing on stdin
        (["--identity", "bin.dat"], "password-protected"),
    ],
    ids=["wrong-password", "no-password-no-terminal", "identity-for-a-password-bundle"],
)
def test_verify_bundle_refusals(bundle, work, capsys, extra, expected):
    before = _snapshot(work)
    code = run_guarded(["verify-bundle", "b.zip.enc", *extra])
    out, err = capsys.readouterr()
    _check_refusal(code, out, err, expected)
    assert _snapshot(work) == before


def test_export_with_an_unreadable_dataset_says_so_and_exits_1(work, capsys):
    """A bundle missing a dataset is not a complete answer: stderr names it and the exit code is 1."""
    _corrupt_sessions(work)
    code = run_guarded([*EXPORT, "--no-audit-log"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "Traceback" not in err
    assert "warning: sessions: could not be read" in err and "incomplete: 1 dataset(s)" in err
    assert (work / "b.zip.enc").is_file()
    assert not [v for v in RAW_VALUES if v in out or v in err]


def test_json_output_is_valid_json_even_when_empty(work, capsys):
    assert run_guarded(["scan", "empty.csv", "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and err.startswith("error: empty.csv")
    (work / "empty.jsonl").write_text("")
    assert run_guarded(["log", "verify", "empty.jsonl", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is True and result["entries"] == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["datamap", "ropa", DM, "--out", "file/ropa.md"], "not a folder"),
        ([*EXPORT[:4], "--out", "file/b.zip.enc", *EXPORT[6:]], "not a folder"),
        (["erase", "e/badlog.yaml", *SUBJ, "--apply", "--yes"], "the audit log"),
    ],
    ids=["ropa", "export", "erase"],
)
def test_console_script_refusals(work, args, expected):
    """The installed console script, as a shell runs it: real stderr, real exit code, no stdin."""
    before = _snapshot(work)
    env = {k: v for k, v in os.environ.items() if k not in _ENV}
    proc = subprocess.run([str(EXE), *args], cwd=work, capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=300)  # fmt: skip
    _check_refusal(proc.returncode, proc.stdout, proc.stderr, expected)
    assert _snapshot(work) == before


def test_every_command_has_help_that_says_what_it_does(capsys):
    groups = {"datamap": ["init", "validate", "diff", "ropa"], "vault": ["keygen", "init", "rotate", "shred", "stats"],
              "log": ["verify", "show"]}  # fmt: skip
    singles = ["scan", "check", "pseudonymize", "export", "verify-bundle", "erase", "rectify", "restrict", "report"]
    lines = [[c] for c in singles] + [[g, s] for g, subs in groups.items() for s in subs] + [[g] for g in groups]
    for cmd in lines:
        assert run_guarded([*cmd, "--help"]) == 0, cmd
        out = capsys.readouterr().out
        assert out.startswith("Usage: privacy-audit " + " ".join(cmd)), out[:80]
        description = out.split("\n\n", 2)[1].strip()
        assert len(description.split()) >= 5, f"{cmd}: help says too little: {description!r}"
