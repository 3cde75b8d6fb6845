"""`privacy-audit vault ...`, `privacy-audit pseudonymize` and `privacy-audit log verify` through the
real CLI entry point (exit codes 0/1/2, one-line errors, no tracebacks, no values printed)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit import auditlog
from privacy_audit.cli import run_guarded
from privacy_audit.vault import Vault, load_key, pseudonym

ROWS = [
    # email, full_name, phone, plan, country, visits
    ("jane.doe@example.com", "Jane Doe", "+1 555 010 2034", "pro", "US", 12),
    ("li.wei@example.org", "Li Wei", "+86 10 5555 0101", "free", "CN", 3),
    ("jane.doe@example.com", "Jane Doe", "+1 555 010 2034", "pro", "US", 7),
    ("o.brien@example.net", "Orla O'Brien", "+353 1 555 0199", "team", "IE", 40),
    ("m.garcia@example.com", "Marta Garcia", "+34 91 555 0100", "free", "ES", 1),
]
PII = ["email", "full_name", "phone"]


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    monkeypatch.delenv("PRIVACY_AUDIT_VAULT_KEY", raising=False)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = run_guarded([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.fixture
def estate(tmp_path: Path, capsys) -> dict[str, Path]:
    key_file = tmp_path / "keys" / "vault.key"
    key_file.parent.mkdir()
    code, out, err = run(capsys, "vault", "keygen", key_file)
    assert code == 0, err
    data = tmp_path / "customers.csv"
    pd.DataFrame(ROWS, columns=PII + ["plan", "country", "visits"]).to_csv(data, index=False)
    return {"key": key_file, "data": data, "vault": tmp_path / "identity.vault", "out": tmp_path / "customers_p.csv",
            "dir": tmp_path}


def test_keygen_writes_private_key_and_never_overwrites(estate, capsys):
    key_file = estate["key"]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(load_key(key_file)) == 32
    before = key_file.read_bytes()
    code, _, err = run(capsys, "vault", "keygen", key_file)
    assert code == 2 and "already exists" in err
    assert_one_line_error(err)
    assert key_file.read_bytes() == before


def test_init_and_stats(estate, capsys):
    code, out, err = run(capsys, "vault", "init", estate["vault"], "--key-file", estate["key"])
    assert code == 0, err
    assert "created an empty vault" in out
    code, out, _ = run(capsys, "vault", "stats", estate["vault"], "--key-file", estate["key"], "--json")
    assert code == 0
    stats = json.loads(out)
    assert stats["records"] == 0 and stats["shredded"] == 0
    code, _, err = run(capsys, "vault", "init", estate["vault"], "--key-file", estate["key"])
    assert code == 2 and "already exists" in err


def test_key_from_environment(estate, capsys, monkeypatch):
    monkeypatch.setenv("PRIVACY_AUDIT_VAULT_KEY", estate["key"].read_text().strip())
    code, _, err = run(capsys, "vault", "init", estate["vault"])
    assert code == 0, err
    assert Vault.open(estate["vault"], load_key(estate["key"])).ids() == []


def test_missing_key_is_one_line_error(estate, capsys):
    code, _, err = run(capsys, "vault", "init", estate["vault"])
    assert code == 2 and "PRIVACY_AUDIT_VAULT_KEY" in err
    assert_one_line_error(err)
    code, _, err = run(capsys, "vault", "init", estate["vault"], "--key-file", estate["dir"] / "nope.key")
    assert code == 2 and "not found" in err
    assert_one_line_error(err)
    assert not estate["vault"].exists()


def _pseudonymize(capsys, estate, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "pseudonymize", estate["data"], "--vault", estate["vault"], "--out", estate["out"],
               "--key-file", estate["key"], *extra)


def test_pseudonymize_split_is_lossless_and_output_holds_no_pii(estate, capsys):
    code, out, err = _pseudonymize(capsys, estate, "--columns", "email,full_name", "--columns", "phone")
    assert code == 0, err
    for row in ROWS:
        for value in row[:3]:
            assert value not in out and value not in err
    original = pd.read_csv(estate["data"])
    pseudo = pd.read_csv(estate["out"])
    assert list(pseudo.columns) == ["subject_token", "plan", "country", "visits"]
    text = estate["out"].read_text()
    for row in ROWS:
        for value in row[:3]:
            assert value not in text
    v = Vault.open(estate["vault"], load_key(estate["key"]))
    distinct = original[PII].drop_duplicates()
    assert len(v.ids()) == len(distinct)
    # same person, same token; different people, different tokens
    assert pseudo.loc[0, "subject_token"] == pseudo.loc[2, "subject_token"]
    assert pseudo["subject_token"].nunique() == len(distinct)
    # joining back gives the original dataset exactly
    joined = pseudo.merge(v.to_frame(), left_on="subject_token", right_on="record_id", how="left")
    rebuilt = joined[list(original.columns)]
    pd.testing.assert_frame_equal(rebuilt.astype(str), original.astype(str))


def test_pseudonymize_hmac_uses_keyed_pseudonym_of_subject_column(estate, capsys):
    code, _, err = _pseudonymize(capsys, estate, "--columns", "email,full_name,phone", "--pseudonym", "hmac",
                                 "--subject-column", "email", "--token-column", "user_token")
    assert code == 0, err
    key = load_key(estate["key"])
    pseudo = pd.read_csv(estate["out"])
    assert pseudo["user_token"].tolist() == [pseudonym(row[0], key) for row in ROWS]
    # running again into the same vault is idempotent for keyed pseudonyms
    estate["out"].unlink()
    code, _, err = _pseudonymize(capsys, estate, "--columns", "email,full_name,phone", "--pseudonym", "hmac",
                                 "--subject-column", "email", "--token-column", "user_token")
    assert code == 0, err
    assert len(Vault.open(estate["vault"], key).ids()) == 4


def test_pseudonymize_conflicting_subject_is_refused(estate, capsys):
    df = pd.read_csv(estate["data"])
    df.loc[2, "full_name"] = "Janet Doe"  # same e-mail, different name
    df.to_csv(estate["data"], index=False)
    code, _, err = _pseudonymize(capsys, estate, "--columns", "email,full_name", "--subject-column", "email")
    assert code == 2 and "different PII values" in err and "Janet" not in err
    assert_one_line_error(err)
    assert not estate["vault"].exists() and not estate["out"].exists()


def test_pseudonymize_is_all_or_nothing(estate, capsys, monkeypatch):
    key = load_key(estate["key"])
    code, _, err = _pseudonymize(capsys, estate, "--columns", "email")
    assert code == 0, err
    vault_before, out_before = estate["vault"].read_bytes(), estate["out"].read_bytes()

    import privacy_audit.cli.vault as cli_vault

    def failing_write(df, path, **kwargs):  # fault injection: the output write fails after the vault save
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli_vault, "write_table_atomic", failing_write)
    code, _, err = _pseudonymize(capsys, estate, "--columns", "email,full_name")
    assert code == 2 and "left unchanged" in err
    assert_one_line_error(err)
    assert estate["vault"].read_bytes() == vault_before
    assert estate["out"].read_bytes() == out_before
    assert len(Vault.open(estate["vault"], key).ids()) == 4

    # a first run that fails leaves no vault behind at all
    fresh = estate["dir"] / "fresh.vault"
    code, _, err = run(capsys, "pseudonymize", estate["data"], "--vault", fresh, "--out", estate["dir"] / "o.csv",
                       "--key-file", estate["key"], "--columns", "email")
    assert code == 2
    assert not fresh.exists() and not (estate["dir"] / "o.csv").exists()
    assert not [p for p in estate["dir"].iterdir() if p.name.endswith(".tmp")]


def test_pseudonymize_bad_input(estate, capsys):
    code, _, err = _pseudonymize(capsys, estate, "--columns", "email,no_such_column")
    assert code == 2 and "no_such_column" in err
    assert_one_line_error(err)
    code, _, err = run(capsys, "pseudonymize", estate["dir"] / "missing.csv", "--vault", estate["vault"],
                       "--out", estate["out"], "--key-file", estate["key"], "--columns", "email")
    assert code == 2
    assert_one_line_error(err)
    assert not estate["vault"].exists() and not estate["out"].exists()


def test_pseudonymize_into_tampered_vault_fails_cleanly(estate, capsys):
    assert _pseudonymize(capsys, estate, "--columns", "email")[0] == 0
    raw = bytearray(estate["vault"].read_bytes())
    raw[len(raw) // 2] ^= 0x20
    estate["vault"].write_bytes(bytes(raw))
    estate["out"].unlink()
    code, _, err = _pseudonymize(capsys, estate, "--columns", "email")
    assert code == 2 and ("altered" in err or "wrong key" in err)
    assert_one_line_error(err)
    assert not estate["out"].exists()


def test_pseudonymize_auto_selects_columns_with_scanner(estate, capsys):
    pytest.importorskip("privacy_audit.scan", reason="the scanner module is not in the tree yet")
    code, out, err = _pseudonymize(capsys, estate)
    assert code == 0, err
    pseudo = pd.read_csv(estate["out"])
    assert "email" not in pseudo.columns and "phone" not in pseudo.columns
    assert "plan" in pseudo.columns and "visits" in pseudo.columns


def test_rotate_shred_and_audit_log(estate, capsys):
    assert _pseudonymize(capsys, estate, "--columns", "email,full_name,phone")[0] == 0
    log = estate["dir"] / "audit_log.jsonl"
    new_key = estate["dir"] / "keys" / "new.key"
    assert run(capsys, "vault", "keygen", new_key)[0] == 0
    code, out, err = run(capsys, "vault", "rotate", estate["vault"], "--key-file", estate["key"],
                         "--new-key-file", new_key, "--audit-log", log)
    assert code == 0, err
    assert "4 records" in out
    code, _, err = run(capsys, "vault", "stats", estate["vault"], "--key-file", estate["key"])
    assert code == 2 and "wrong key" in err
    assert_one_line_error(err)

    token = pd.read_csv(estate["out"]).loc[0, "subject_token"]
    code, out, err = run(capsys, "vault", "shred", estate["vault"], token, "--key-file", new_key, "--audit-log", log)
    assert code == 0, err
    code, out, _ = run(capsys, "vault", "stats", estate["vault"], "--key-file", new_key, "--json")
    stats = json.loads(out)
    assert stats["records"] == 3 and stats["shredded"] == 1
    code, out, _ = run(capsys, "vault", "stats", estate["vault"], "--key-file", new_key)
    assert code == 0 and "shredded: 1" in out and "jane" not in out.lower()
    code, _, err = run(capsys, "vault", "shred", estate["vault"], "u_nobody", "--key-file", new_key)
    assert code == 2 and "no record" in err

    entries = auditlog.read(log)
    assert [e["action"] for e in entries] == ["rotation", "shred"]
    assert entries[1]["subject_ref"].startswith("sref_") and token not in json.dumps(entries)  # no raw record id
    code, out, _ = run(capsys, "log", "verify", log)
    assert code == 0 and out.startswith("ok:") and "2 entries" in out


def test_rotate_to_same_key_refused(estate, capsys):
    run(capsys, "vault", "init", estate["vault"], "--key-file", estate["key"])
    code, _, err = run(capsys, "vault", "rotate", estate["vault"], "--key-file", estate["key"],
                       "--new-key-file", estate["key"])
    assert code == 2 and "same as the current key" in err


def _log_with(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "audit_log.jsonl"
    for i in range(n):
        auditlog.append(path, "export", subject_ref=f"s_{i}", details={"i": i}, outcome="ok")
    return path


def test_log_verify_exit_codes(tmp_path: Path, capsys):
    path = _log_with(tmp_path, 5)
    code, out, _ = run(capsys, "log", "verify", path)
    assert code == 0 and "5 entries" in out
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:2] + [lines[2].replace(b'"i":2', b'"i":9')] + lines[3:]))
    code, out, _ = run(capsys, "log", "verify", path)
    assert code == 1 and "entry 3" in out and out.startswith("broken:")
    code, out, _ = run(capsys, "log", "verify", path, "--json")
    assert code == 1 and json.loads(out)["first_broken"] == 3
    path.write_bytes(b"".join(lines[:1] + lines[2:]))  # line 2 removed
    code, out, _ = run(capsys, "log", "verify", path)
    assert code == 1 and "entry 2" in out
    path.write_bytes(b"".join([lines[0], lines[3], lines[2], lines[1], lines[4]]))  # reordered
    code, out, _ = run(capsys, "log", "verify", path)
    assert code == 1 and "entry 2" in out
    code, _, err = run(capsys, "log", "verify", tmp_path / "missing.jsonl")
    assert code == 2
    assert_one_line_error(err)


def test_log_show(tmp_path: Path, capsys):
    path = _log_with(tmp_path, 3)
    code, out, _ = run(capsys, "log", "show", path, "--last", "2")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["2", "3"]


def test_pseudonymize_refuses_an_unknown_output_suffix_before_any_work(tmp_path):
    from privacy_audit.cli import run_guarded

    src = tmp_path / "mixed.csv"
    src.write_text("email,plan\nann@example.org,pro\n")
    key = tmp_path / "k.key"
    assert run_guarded(["vault", "keygen", str(key)]) == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    code = run_guarded(["pseudonymize", str(src), "--vault", str(tmp_path / "v.vault"), "--key-file", str(key),
                        "--columns", "email", "--out", str(tmp_path / "p.xyz")])  # fmt: skip
    assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no vault, no output written
