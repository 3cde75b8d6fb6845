"""The encrypted identity vault: round trip, rotation, wrong key, tampering, truncation, crash
safety, crypto-shredding, key loading, and keyed pseudonyms."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from privacy_audit import vault as vault_mod
from privacy_audit.errors import ConfigError, InputError, VaultError
from privacy_audit.vault import Vault, generate_key, load_key, pseudonym, random_token

RECORDS = {
    "u_alpha": {"email": "jane.doe@example.com", "name": "Jane Doe", "phone": "+1 555 010 2034"},
    "u_beta": {"email": "li.wei@example.org", "name": "Li Wei", "phone": None},
    "u_gamma": {"email": "o.brien@example.net", "name": "Órla Ó Briain", "phone": "+353 1 555 0199"},
}


def _make(path: Path, key: bytes) -> Vault:
    v = Vault.create(path, key)
    for rid, fields in RECORDS.items():
        v.put(rid, fields)
    v.save()
    return v


@pytest.fixture
def key() -> bytes:
    return generate_key()


@pytest.fixture
def vault_path(tmp_path: Path, key: bytes) -> Path:
    path = tmp_path / "identity.vault"
    _make(path, key)
    return path


def test_round_trip(vault_path: Path, key: bytes):
    v = Vault.open(vault_path, key)
    assert v.ids() == list(RECORDS)
    for rid, fields in RECORDS.items():
        assert v.get(rid) == fields
    df = v.to_frame()
    assert list(df.columns) == ["record_id", "email", "name", "phone"]
    assert df.to_dict("records") == [{"record_id": rid, **f} for rid, f in RECORDS.items()]


def test_file_holds_no_plaintext_and_is_private(vault_path: Path):
    raw = vault_path.read_bytes()
    for fields in RECORDS.values():
        for value in fields.values():
            if value:
                assert value.encode() not in raw
                assert value.encode("utf-8") not in raw
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert not [p for p in vault_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_same_content_saved_twice_gives_different_ciphertext(vault_path: Path, key: bytes):
    first = vault_path.read_bytes()
    v = Vault.open(vault_path, key)
    for rid in v.ids():
        v.put(rid, v.get(rid))
    v.save()
    assert vault_path.read_bytes() != first  # fresh nonces and data keys on every write
    assert [Vault.open(vault_path, key).get(r) for r in RECORDS] == list(RECORDS.values())


def test_update_and_delete(vault_path: Path, key: bytes):
    v = Vault.open(vault_path, key)
    v.put("u_beta", {"email": "wei.li@example.org", "name": "Wei Li", "phone": None})
    v.delete("u_alpha")
    v.save()
    w = Vault.open(vault_path, key)
    assert w.ids() == ["u_beta", "u_gamma"]
    assert w.get("u_beta")["email"] == "wei.li@example.org"
    assert w.shredded() == {}  # delete leaves no tombstone
    with pytest.raises(VaultError, match="no record u_alpha"):
        w.get("u_alpha")


def test_wrong_key_is_a_clear_error(vault_path: Path):
    with pytest.raises(VaultError, match="wrong key"):
        Vault.open(vault_path, generate_key())


def test_every_flipped_byte_is_detected(vault_path: Path, key: bytes):
    raw = vault_path.read_bytes()
    bad = vault_path.with_name("bad.vault")
    for i in range(len(raw)):
        flipped = bytearray(raw)
        flipped[i] ^= 0x01
        bad.write_bytes(bytes(flipped))
        with pytest.raises(VaultError) as info:
            Vault.open(bad, key)
        message = str(info.value)
        assert "\n" not in message
        for fields in RECORDS.values():
            assert all(v not in message for v in fields.values() if v)


def test_every_truncation_is_detected(vault_path: Path, key: bytes):
    raw = vault_path.read_bytes()
    bad = vault_path.with_name("short.vault")
    for n in range(len(raw)):
        bad.write_bytes(raw[:n])
        with pytest.raises(VaultError):
            Vault.open(bad, key)


def test_removed_or_reordered_record_is_detected(vault_path: Path, key: bytes):
    raw = vault_path.read_bytes()
    header, body, mac = raw.split(b"\n", 2)
    import json

    doc = json.loads(body)
    for mutate in (lambda r: r[1:], lambda r: list(reversed(r))):
        changed = dict(doc, records=mutate(doc["records"]))
        new_body = json.dumps(changed, sort_keys=True, separators=(",", ":")).encode()
        vault_path.with_name("x.vault").write_bytes(header + b"\n" + new_body + b"\n" + mac)
        with pytest.raises(VaultError, match="altered"):
            Vault.open(vault_path.with_name("x.vault"), key)


def test_record_swapped_between_ids_fails_to_decrypt(tmp_path: Path, key: bytes):
    # A forger who holds the key can re-MAC the file, but cannot move one subject's ciphertext to
    # another record id: the id is bound as associated data.
    path = tmp_path / "v.vault"
    v = _make(path, key)
    a, b = v._records["u_alpha"], v._records["u_beta"]
    a.sealed, b.sealed = b.sealed, a.sealed
    a.fields = b.fields = None
    path.write_bytes(v.to_bytes())
    w = Vault.open(path, key)
    with pytest.raises(VaultError, match="cannot be decrypted"):
        w.get("u_alpha")
    assert w.get("u_gamma") == RECORDS["u_gamma"]


def test_not_a_vault_and_missing(tmp_path: Path, key: bytes):
    (tmp_path / "plain.csv").write_text("email\njane@example.com\n")
    with pytest.raises(VaultError, match="not a privacy-audit vault"):
        Vault.open(tmp_path / "plain.csv", key)
    with pytest.raises(VaultError, match="no vault at"):
        Vault.open(tmp_path / "missing.vault", key)
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(tmp_path / "plain.csv", key)


def test_rotation(vault_path: Path, key: bytes):
    old = Vault.open(vault_path, key)
    old.shred("u_gamma")
    old.save()
    new_key = generate_key()
    rotated = Vault.open(vault_path, key).rotate(new_key)
    rotated.save()
    v = Vault.open(vault_path, new_key)
    assert v.ids() == ["u_alpha", "u_beta"]
    assert [v.get(r) for r in v.ids()] == [RECORDS["u_alpha"], RECORDS["u_beta"]]
    assert set(v.shredded()) == {"u_gamma"}
    assert v.key_id != old.key_id
    with pytest.raises(VaultError, match="wrong key"):
        Vault.open(vault_path, key)


def test_rotation_data_keys_are_fresh(vault_path: Path, key: bytes):
    v = Vault.open(vault_path, key)
    before = {rid: rec.sealed for rid, rec in v._records.items()}
    r = v.rotate(generate_key())
    r.save()
    after = {rid: rec.sealed for rid, rec in r._records.items()}
    assert all(before[rid][0] != after[rid][0] and before[rid][1] != after[rid][1] for rid in before)


def test_shredding(vault_path: Path, key: bytes):
    v = Vault.open(vault_path, key)
    wrapped = v._records["u_alpha"].sealed
    v.shred("u_alpha")
    v.save()
    w = Vault.open(vault_path, key)
    assert "u_alpha" not in w.ids()
    assert list(w.shredded()) == ["u_alpha"]
    assert w.get("u_beta") == RECORDS["u_beta"] and w.get("u_gamma") == RECORDS["u_gamma"]
    raw = vault_path.read_bytes()
    assert wrapped[0].encode() not in raw and wrapped[1].encode() not in raw  # key material gone
    with pytest.raises(VaultError, match="shredded"):
        w.get("u_alpha")
    with pytest.raises(VaultError, match="cannot be reused"):
        w.put("u_alpha", {"email": "again@example.com"})
    w.shred("u_alpha")  # idempotent
    with pytest.raises(VaultError, match="no record"):
        w.shred("u_nobody")
    assert "u_alpha" not in w.to_frame()["record_id"].tolist()


def test_interrupted_replace_leaves_old_vault(vault_path: Path, key: bytes, monkeypatch):
    before = vault_path.read_bytes()
    v = Vault.open(vault_path, key)
    v.put("u_delta", {"email": "new@example.com"})
    v.shred("u_alpha")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(VaultError, match="old file is unchanged"):
        v.save()
    monkeypatch.undo()
    assert vault_path.read_bytes() == before
    assert Vault.open(vault_path, key).ids() == list(RECORDS)
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["identity.vault"]


def test_interrupted_fsync_leaves_old_vault(vault_path: Path, key: bytes, monkeypatch):
    before = vault_path.read_bytes()
    v = Vault.open(vault_path, key)
    v.delete("u_beta")

    def boom(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(VaultError):
        v.save()
    monkeypatch.undo()
    assert vault_path.read_bytes() == before
    assert Vault.open(vault_path, key).get("u_beta") == RECORDS["u_beta"]
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["identity.vault"]


def test_bad_fields_are_refused(tmp_path: Path, key: bytes):
    v = Vault.create(tmp_path / "v.vault", key)
    with pytest.raises(InputError):
        v.put("", {"email": "a@example.com"})
    with pytest.raises(InputError):
        v.put("u_1", {"age": 42})
    with pytest.raises(InputError):
        v.put("u_1", {"record_id": "x"})


def test_repr_hides_values(vault_path: Path, key: bytes):
    v = Vault.open(vault_path, key)
    text = repr(v) + repr(v.stats()) + str(v.stats().to_dict())
    assert "jane" not in text.lower() and "3" in repr(v)
    assert v.stats().records == 3 and v.stats().fields == ("email", "name", "phone")


# ------------------------------------------------------------------------------------ key loading


def test_load_key_from_file_base64_and_hex(tmp_path: Path):
    k = generate_key()
    (tmp_path / "b64.key").write_text(base64.b64encode(k).decode() + "\n")
    (tmp_path / "hex.key").write_text(k.hex().upper())
    (tmp_path / "url.key").write_text(base64.urlsafe_b64encode(k).decode())
    assert load_key(tmp_path / "b64.key") == k
    assert load_key(tmp_path / "hex.key") == k
    assert load_key(tmp_path / "url.key") == k


def test_load_key_from_env(monkeypatch):
    k = generate_key()
    monkeypatch.setenv("PRIVACY_AUDIT_VAULT_KEY", base64.b64encode(k).decode())
    assert load_key() == k
    monkeypatch.setenv("OTHER_KEY", k.hex())
    assert load_key(env="OTHER_KEY") == k


def test_load_key_errors(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("PRIVACY_AUDIT_VAULT_KEY", raising=False)
    with pytest.raises(ConfigError, match="not found"):
        load_key(tmp_path / "missing.key")
    with pytest.raises(ConfigError, match="PRIVACY_AUDIT_VAULT_KEY"):
        load_key()
    (tmp_path / "short.key").write_text(base64.b64encode(b"x" * 16).decode())
    with pytest.raises(ConfigError, match="16 bytes"):
        load_key(tmp_path / "short.key")
    secret = "not a key at all!!"
    (tmp_path / "junk.key").write_text(secret)
    with pytest.raises(ConfigError) as info:
        load_key(tmp_path / "junk.key")
    assert secret not in str(info.value)
    (tmp_path / "empty.key").write_text("\n")
    with pytest.raises(ConfigError, match="empty"):
        load_key(tmp_path / "empty.key")


# ------------------------------------------------------------------------------------ pseudonyms


def test_pseudonyms_stable_per_key_and_differ_across_keys():
    k1, k2 = generate_key(), generate_key()
    values = ["jane.doe@example.com", "li.wei@example.org", "+1 555 010 2034"]
    p1 = [pseudonym(v, k1) for v in values]
    assert p1 == [pseudonym(v, k1) for v in values]
    assert len(set(p1)) == len(values)
    p2 = [pseudonym(v, k2) for v in values]
    assert not set(p1) & set(p2)
    assert all(p.startswith("p_") and len(p) == 34 for p in p1 + p2)
    for v, p in zip(values, p1, strict=True):
        assert v not in p


def test_pseudonym_normalisation():
    k = generate_key()
    assert pseudonym("  Jane.Doe@Example.COM ", k) == pseudonym("jane.doe@example.com", k)
    assert pseudonym("Jane  Doe", k) == pseudonym("jane doe", k)
    assert pseudonym("Jane.Doe@Example.COM", k, normalize=False) != pseudonym("jane.doe@example.com", k, normalize=False)


def test_pseudonym_is_not_an_unkeyed_hash():
    import hashlib

    k = generate_key()
    value = "jane.doe@example.com"
    p = pseudonym(value, k)
    raw_hashes = {getattr(hashlib, a)(value.encode()).hexdigest() for a in ("md5", "sha1", "sha256")}
    assert not any(h[:16] in p for h in raw_hashes)


def test_random_tokens_unique():
    tokens = {random_token() for _ in range(2000)}
    assert len(tokens) == 2000
    assert all(t.startswith("u_") and len(t) == 28 for t in tokens)
    assert random_token("s_").startswith("s_")


def test_module_exports():
    for name in vault_mod.__all__:
        assert hasattr(vault_mod, name)


# ------------------------------------------------------------------------------ split_identities


def test_split_identities_groups_subjects_and_keeps_other_columns():
    import pandas as pd

    from privacy_audit.vault import split_identities

    df = pd.DataFrame(
        {
            "email": ["a@example.com", "b@example.com", "a@example.com", None],
            "name": ["Ann", "Bob", "Ann", None],
            "score": [1, 2, 3, 4],
        }
    )
    result = split_identities(df, ["email", "name"])
    assert list(result.data.columns) == ["subject_token", "score"]
    tokens = result.data["subject_token"].tolist()
    assert tokens[0] == tokens[2] and tokens[0] != tokens[1] and pd.isna(tokens[3])
    assert result.rows_without_identity == 1 and len(result.records) == 2
    assert dict(result.records[tokens[1]]) == {"email": "b@example.com", "name": "Bob"}
    assert result.to_dict()["subjects"] == 2 and "a@example.com" not in str(result.to_dict())
    assert result.to_frame()["destination"].tolist() == ["vault", "vault", "output", "output"]


def test_split_identities_conflicts_with_existing_record():
    import pandas as pd

    from privacy_audit.vault import split_identities

    k = generate_key()
    df = pd.DataFrame({"email": ["a@example.com"], "name": ["Ann"]})
    rid = pseudonym("a@example.com", k)
    same = split_identities(df, ["email", "name"], kind="hmac", key=k, subject_column="email",
                            existing={rid: {"email": "a@example.com", "name": "Ann"}})
    assert list(same.records) == [rid]
    with pytest.raises(InputError, match="different PII values"):
        split_identities(df, ["email", "name"], kind="hmac", key=k, subject_column="email",
                         existing={rid: {"email": "a@example.com", "name": "Anne"}})
    with pytest.raises(InputError, match="already has a column"):
        split_identities(df, ["email"], token_column="name")


def test_estate_secrets_follow_the_vault_file_not_a_cache(tmp_path: Path, key: bytes) -> None:
    """The estate secrets (pseudonym, audit-log) are parsed once per vault content: another vault put at
    the same path gives its own secrets, a changed byte is refused, and the key must still open it."""
    path = tmp_path / "v.vault"
    _make(path, key)
    first = (vault_mod.pseudonym_key(key, path), vault_mod.audit_key(key, path))
    assert first == (Vault.open(path, key).pseudonym_key(), Vault.open(path, key).audit_key())
    assert vault_mod.pseudonym_key(key, path) == first[0]  # asked again: the same
    other, key2 = tmp_path / "other.vault", generate_key()
    _make(other, key2)  # another estate's vault put at the same path
    path.write_bytes(other.read_bytes())
    with pytest.raises(VaultError):
        vault_mod.pseudonym_key(key, path)  # the old key does not open it, cached secrets or not
    second = (vault_mod.pseudonym_key(key2, path), vault_mod.audit_key(key2, path))
    assert second == (Vault.open(other, key2).pseudonym_key(), Vault.open(other, key2).audit_key())
    assert second != first
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(VaultError):
        vault_mod.pseudonym_key(key2, path)


def test_opening_the_same_file_twice_gives_independent_vaults(vault_path: Path, key: bytes):
    """The parsed file is kept once per content and key (a request opens it several times): each open
    still gets its own records, a change made by one is not seen by the other, none is decrypted in
    the cache, and a changed file or another key is parsed (and authenticated) again."""
    a = Vault.open(vault_path, key)
    a.get("u_alpha")  # decrypted in a only
    a.put("u_delta", {"email": "d@example.com"})
    a.shred("u_beta")
    b = Vault.open(vault_path, key)
    assert b.ids() == list(RECORDS) and b.get("u_beta") == RECORDS["u_beta"]
    assert all(r.fields is None for r in next(iter(vault_mod._PARSED.values()))["records"].values())
    a.save()  # the file changes: the next open reads the new content
    c = Vault.open(vault_path, key)
    assert "u_delta" in c.ids() and "u_beta" not in c.ids()
    with pytest.raises(VaultError):
        Vault.open(vault_path, generate_key())
    data = bytearray(vault_path.read_bytes())
    data[len(data) // 2] ^= 0x01
    vault_path.write_bytes(bytes(data))
    with pytest.raises(VaultError):
        Vault.open(vault_path, key)


def _tamper_in_place(path: Path) -> None:
    """Flip one byte in the middle of the file, in place (same inode, same size), its mtime put back."""
    st = path.stat()
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 1
    with open(path, "r+b") as fh:
        fh.write(bytes(raw))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_settled_vault_is_read_once_and_a_changed_one_again(vault_path: Path, key: bytes, monkeypatch):
    """A vault file unchanged since a while before it was read is known by its identity: opened again
    it is not read, hashed nor parsed again. Written (replaced) or changed in place (its change time
    moves, even with its mtime put back), it is read and authenticated again."""
    import time

    monkeypatch.setattr(vault_mod, "_SETTLED_NS", 0)  # the fresh test file counts as settled
    reads: list[int] = []
    real = vault_mod._parse_cached
    monkeypatch.setattr(vault_mod, "_parse_cached", lambda buf, k, p: reads.append(len(buf[0])) or real(buf, k, p))
    a = Vault.open(vault_path, key)
    b = Vault.open(vault_path, key)
    assert len(reads) == 1 and b.ids() == a.ids() == list(RECORDS)
    a.put("u_delta", {"email": "d@example.com"})
    a.save()
    c = Vault.open(vault_path, key)
    assert len(reads) == 2 and "u_delta" in c.ids()
    time.sleep(0.05)  # past the file system's clock tick: the change below gets another change time
    _tamper_in_place(vault_path)
    with pytest.raises(VaultError):
        Vault.open(vault_path, key)


def test_a_vault_changed_just_after_it_was_read_is_not_known_by_identity(vault_path: Path, key: bytes):
    """A file changed within the settling time may keep its times (same clock tick): it is read and
    authenticated again, so a change in place right after a read is never missed."""
    Vault.open(vault_path, key)
    _tamper_in_place(vault_path)
    with pytest.raises(VaultError):
        Vault.open(vault_path, key)
