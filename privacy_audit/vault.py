"""Encrypted identity vault, keyed pseudonyms, key rotation and crypto-shredding.

The vault holds the personal data that the policy keeps apart from the pseudonymous estate: one
record per data subject, keyed by an opaque record id (a random token or a keyed pseudonym) that
the pseudonymous datasets carry instead of the person's identifiers.

Cryptography (all from ``cryptography``)
----------------------------------------
* The 32-byte master key never encrypts data directly. HKDF-SHA256 derives one sub-key per
  purpose from it: ``wrap`` (wraps record data keys), ``mac`` (the file authenticator), ``key-id``
  (a public fingerprint that tells a wrong key from a tampered file) and ``pseudonym`` (for
  :func:`pseudonym`).
* Each record has its own random 32-byte data key. The record's fields (JSON) are encrypted with
  AES-256-GCM under that data key, with a fresh random 96-bit nonce and associated data binding the
  vault id and the record id (a ciphertext moved to another record or vault fails to decrypt).
  The data key is itself encrypted ("wrapped") with AES-256-GCM under the ``wrap`` sub-key, again
  with a random nonce and the same binding.
* Crypto-shredding deletes the record's wrapped data key and ciphertext and adds a tombstone
  (record id + UTC time, no data), so an audit can show that the subject was shredded.
* Rotation decrypts every record and re-encrypts it under fresh data keys wrapped by the new master
  key: nothing made with the old key remains valid in the new file.
* A file-level HMAC-SHA256 (``mac`` sub-key) over the exact bytes of the header and body detects
  any changed, removed, reordered or truncated byte before anything is parsed.

File format (UTF-8 text, version 1)
-----------------------------------
::

    PRIVACY-AUDIT-VAULT 1\\n
    {"cipher": "AES-256-GCM", "created": ..., "format": "privacy-audit-vault", "kdf": "HKDF-SHA256",
     "key_id": "<16 hex>", "records": [{"id": ..., "key": b64(nonce|wrapped key),
     "data": b64(nonce|ciphertext)}, ...], "shredded": [{"id": ..., "at": ...}], "updated": ...,
     "vault_id": "<32 hex>", "version": 1}\\n
    mac <64 lowercase hex>\\n

The body is one line of compact, key-sorted JSON. Opening checks the header, then the MAC over
``header line + body line`` (exact bytes), then the JSON. Writes go to a temporary file in the same
folder, are fsynced and replace the vault with ``os.replace``; a vault is never partially written.

Keys come from a key file or an environment variable holding base64 or hex text (never from code):
:func:`load_key`. Field values are never printed, logged or put in error messages.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import auditlog
from .errors import AuditLogError, ConfigError, InputError, VaultError
from .identifiers import nfkc
from .sources import atomic_write_bytes

__all__ = [
    "DEFAULT_KEY_ENV",
    "FORMAT_VERSION",
    "Vault",
    "VaultStats",
    "generate_key",
    "load_key",
    "key_for_datamap",
    "encode_key",
    "key_id",
    "pseudonym",
    "pseudonym_key",
    "audit_key",
    "reference_key",
    "audit_key_for_datamap",
    "logged_generation",
    "crypto_shred",
    "random_token",
    "normalize_value",
    "SplitResult",
    "split_identities",
]

logger = logging.getLogger(__name__)

DEFAULT_KEY_ENV = "PRIVACY_AUDIT_VAULT_KEY"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
KEY_BYTES = 32
_HEADER = f"PRIVACY-AUDIT-VAULT {FORMAT_VERSION}\n".encode()
_HEADERS = {f"PRIVACY-AUDIT-VAULT {v}\n".encode(): v for v in READABLE_VERSIONS}
_KEY_ID_RE = re.compile(rb'"key_id":"([0-9a-f]{16})"')
_MAC_PREFIX = b"mac "
_NONCE = 12
_HKDF_SALT = b"privacy-audit/vault/v1"
_SECRET_PURPOSES = ("pseudonym", "audit-log")


# ----------------------------------------------------------------------------------------- keys


def generate_key() -> bytes:
    """Return a new random 32-byte master key."""
    return secrets.token_bytes(KEY_BYTES)


def encode_key(key: bytes) -> str:
    """Return ``key`` as the base64 text a key file or environment variable holds."""
    return base64.b64encode(key).decode("ascii")


def _decode_key_text(text: str, where: str) -> bytes:
    text = text.strip()
    if not text:
        raise ConfigError(f"the vault key in {where} is empty")
    raw: bytes | None = None
    if len(text) == 2 * KEY_BYTES and all(c in "0123456789abcdefABCDEF" for c in text):
        raw = bytes.fromhex(text)
    else:
        for altchars in (None, b"-_"):
            try:
                raw = base64.b64decode(text.encode("ascii"), altchars=altchars, validate=True)
                break
            except (binascii.Error, ValueError, UnicodeEncodeError):
                continue
    if raw is None:
        raise ConfigError(f"the vault key in {where} is neither base64 nor hex text")
    if len(raw) != KEY_BYTES:
        raise ConfigError(f"the vault key in {where} is {len(raw)} bytes; it must be {KEY_BYTES}")
    return raw


def load_key(path: str | Path | None = None, env: str | None = None) -> bytes:
    """Load a 32-byte master key from a key file, or else from an environment variable.

    The file or variable holds base64 (as written by ``privacy-audit vault keygen``) or hex text.
    With neither argument the variable ``PRIVACY_AUDIT_VAULT_KEY`` is read. Raises
    :class:`ConfigError` when the key is missing or malformed (the message never shows the key).
    """
    if path is not None:
        p = Path(path)
        try:
            text = p.read_text(encoding="ascii")
        except FileNotFoundError:
            raise ConfigError(f"vault key file not found: {p}") from None
        except IsADirectoryError:
            raise ConfigError(f"vault key file is a folder: {p}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"the vault key in {p} is neither base64 nor hex text") from None
        except OSError as exc:
            raise ConfigError(f"cannot read vault key file {p}: {exc.strerror}") from None
        return _decode_key_text(text, str(p))
    name = env or DEFAULT_KEY_ENV
    value = os.environ.get(name)
    if value is None:
        hint = " or give --key-file" if env is None else ""
        raise ConfigError(f"no vault key: set the environment variable {name}{hint}")
    return _decode_key_text(value, f"${name}")


def key_for_datamap(datamap, key_file: str | Path | None = None, *, required: bool = False) -> bytes | None:
    """The vault key for a data map's estate, looked up the one way every command does it.

    In order: ``key_file`` (e.g. ``--vault-key-file``), the data map's ``vault.key_file`` (relative
    to the data map) when that file exists, the variable named by ``vault.key_env`` (default
    ``PRIVACY_AUDIT_VAULT_KEY``) when it is set. With none of them: ``None``, or a ConfigError
    saying how to give one when ``required``. Once the key is known, the estate's audit log is keyed
    for the rest of the process (:func:`privacy_audit.auditlog.use_key` with :func:`audit_key`), and
    a vault older than the audit log records (a replayed copy) is refused with a VaultError.
    """
    cfg = dict(getattr(datamap, "vault", None) or {})
    configured = cfg.get("key_file")
    env = cfg.get("key_env") or DEFAULT_KEY_ENV
    if key_file is not None:
        key = load_key(Path(key_file))
    elif configured and datamap.resolve(configured).is_file():
        key = load_key(datamap.resolve(configured))
    elif os.environ.get(env) is not None or required:
        key = load_key(env=env)
    else:
        return None
    _register_audit_key(datamap, key)
    return key


def _register_audit_key(datamap: Any, key: bytes) -> None:
    """Key the estate's audit log for this process: every later append to it carries a MAC."""
    log = getattr(datamap, "audit_log_path", None)
    if log is None:
        return
    rel = (getattr(datamap, "vault", None) or {}).get("path")
    path = datamap.resolve(rel) if rel else None
    if path is None or not path.is_file():
        auditlog.use_key(log, _derive(_check_key(key), "audit-log"))
        return
    try:
        vault = Vault.open(path, key, audit_log=log)
    except VaultError as exc:
        if exc.reason == "replayed":  # an older vault put back: no command may use it
            raise
        return  # a wrong key or a damaged vault: the command that needs the vault says so itself
    auditlog.use_key(log, vault.audit_key())


def _check_key(key: bytes) -> bytes:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ConfigError(f"a vault key must be {KEY_BYTES} bytes (use generate_key() or load_key())")
    return bytes(key)


def _derive(key: bytes, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=_HKDF_SALT, info=f"privacy-audit vault {purpose}".encode()
    ).derive(key)


def key_id(key: bytes) -> str:
    """Return a public 16-hex-digit fingerprint of ``key`` (HKDF-derived; reveals nothing of it)."""
    return _derive(_check_key(key), "key-id")[:8].hex()


# ----------------------------------------------------------------------------------- pseudonyms


def normalize_value(value: str) -> str:
    """Normalise an identifier before keyed hashing: NFKC, trimmed, inner whitespace collapsed, casefolded."""
    return nfkc(value).casefold()


def _estate_secret(key: bytes, vault: Any, purpose: str) -> bytes:
    if isinstance(vault, Vault):
        return vault._secrets[purpose]
    if vault is not None and Path(vault).is_file():
        # A request asks for these keys several times: the file is authenticated and parsed once
        # (:func:`_open_parsed`), and read again only when it changed.
        path = Path(vault)
        try:
            state = _open_parsed(path, _check_key(key))
        except OSError:
            return Vault.open(path, key)._secrets[purpose]  # says why in one line
        return Vault(path, key, _state=state)._secrets[purpose]
    return _derive(_check_key(key), purpose)


def pseudonym_key(key: bytes, vault: Vault | str | Path | None = None) -> bytes:
    """The HMAC key of keyed (hmac) pseudonyms: the same before and after ``vault rotate``.

    ``key`` is the vault's current master key; ``vault`` the vault (object or path) whose frozen
    pseudonym key to use. The pseudonym key is derived (HKDF, purpose ``pseudonym``) from the master
    key the vault had when it was created -- or, for a vault written before format 2, from the key it
    had when first re-saved -- and then kept inside the vault, wrapped by the current master key,
    so rotation never changes a pseudonym. Without a vault file it is derived from ``key`` itself
    (the same value a new vault made with ``key`` will keep).
    """
    return _estate_secret(key, vault, "pseudonym")


def audit_key(key: bytes, vault: Vault | str | Path | None = None) -> bytes:
    """The MAC key of the audit log's keyed hash chain (purpose ``audit-log``), kept like :func:`pseudonym_key`."""
    return _estate_secret(key, vault, "audit-log")


def reference_key(key: bytes, vault: Vault | str | Path | None = None, purpose: str = "subject-ref") -> bytes:
    """The HMAC key of the keyed references logs and reports show (``subject-ref``: a data subject's,
    ``requester-ref``: a requester's contact): the same before and after ``vault rotate`` and ``vault shred``.

    Derived (HKDF, one-way, its own ``purpose``) from the vault's frozen pseudonym key
    (:func:`pseudonym_key`), never from the master key that rotation replaces, so a subject's audit
    reference stays the one their earlier entries and requests carry.
    """
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_HKDF_SALT,
                info=f"privacy-audit reference {purpose}".encode()).derive(pseudonym_key(key, vault))  # fmt: skip


def audit_key_for_datamap(
    datamap: Any, key_file: str | Path | None = None, *, key: bytes | None = None
) -> bytes | None:
    """The audit-log key of a data map's estate, or ``None`` when no vault key is configured.

    ``key`` (the vault key already loaded) or else the key looked up as :func:`key_for_datamap`
    does; the audit key comes through the data map's vault (``vault.path``).
    """
    if key is None:
        key = key_for_datamap(datamap, key_file)
    if key is None:
        return None
    path = (getattr(datamap, "vault", None) or {}).get("path")
    return audit_key(key, datamap.resolve(path) if path else None)


def pseudonym(
    value: str, key: bytes, *, normalize: bool = True, prefix: str = "p_", vault: Vault | str | Path | None = None,
    derived: bool = False,
) -> str:
    """Return the keyed pseudonym of ``value``: ``prefix`` + base32 of HMAC-SHA256 (first 160 bits).

    The HMAC key is :func:`pseudonym_key` of ``key`` and ``vault`` (``derived=True``: ``key`` already
    is that pseudonym key), so the same key and value always give the same pseudonym, a different
    key an unrelated one, and rotating the vault's key changes nothing. With ``normalize``
    (default) ``" Jane@Example.com"`` and ``"jane@example.com"`` give the same pseudonym.
    """
    if not isinstance(value, str):
        raise InputError("pseudonym() takes a string value")
    if not isinstance(key, bytes | bytearray) or len(key) < 16:
        raise ConfigError("a pseudonym key must be at least 16 bytes")
    if derived:
        pkey = bytes(key)
    elif vault is None:
        pkey = _derive(bytes(key), "pseudonym")
    else:
        pkey = pseudonym_key(bytes(key), vault)
    text = normalize_value(value) if normalize else value
    digest = hmac.new(pkey, text.encode("utf-8"), hashlib.sha256).digest()
    return prefix + base64.b32encode(digest[:20]).decode("ascii").lower()


def random_token(prefix: str = "u_") -> str:
    """Return a random token pseudonym: ``prefix`` + base32 of 128 random bits."""
    return prefix + base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=").lower()


# ---------------------------------------------------------------------------------------- vault


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(vault_id: str, record_id: str, part: str) -> bytes:
    # the binding label stays "1" in every format version: format-1 records still decrypt
    return f"privacy-audit-vault/1|{part}|{vault_id}|{record_id}".encode()


def _check_fields(record_id: object, fields: object) -> dict[str, str | None]:
    if not isinstance(record_id, str) or not record_id or record_id != record_id.strip():
        raise InputError("a vault record id must be a non-empty string without surrounding spaces")
    if not isinstance(fields, Mapping):
        raise InputError(f"vault record {record_id}: fields must be a mapping of names to strings")
    out: dict[str, str | None] = {}
    for name, value in fields.items():
        if not isinstance(name, str) or not name:
            raise InputError(f"vault record {record_id}: field names must be non-empty strings")
        if name == "record_id":
            raise InputError(f"vault record {record_id}: 'record_id' is reserved and cannot be a field")
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"vault record {record_id}: field {name!r} must be a string or None, not {type(value).__name__}"
            )
        out[name] = value
    return out


@dataclass(slots=True)
class _Record:
    fields: dict[str, str | None] | None = None  # plaintext, when changed in memory or decrypted
    sealed: tuple[str, str] | None = None  # (key, data) as stored in the file


@dataclass(frozen=True, slots=True)
class VaultStats:
    """Counts and metadata of a vault; holds no personal values."""

    path: str
    version: int
    key_id: str
    records: int
    shredded: int
    fields: tuple[str, ...]
    created: str
    updated: str

    def to_dict(self) -> dict[str, Any]:
        """Return the stats as a plain dict."""
        return {
            "path": self.path,
            "version": self.version,
            "key_id": self.key_id,
            "records": self.records,
            "shredded": self.shredded,
            "fields": list(self.fields),
            "created": self.created,
            "updated": self.updated,
        }

    def to_frame(self) -> pd.DataFrame:
        """Return the stats as a one-row DataFrame."""
        row = self.to_dict()
        row["fields"] = ", ".join(self.fields)
        return pd.DataFrame([row])


class Vault:
    """An encrypted identity vault file. Nothing is written until :meth:`save`.

    Use :meth:`create` for a new vault and :meth:`open` for an existing one.
    """

    def __init__(self, path: str | Path, key: bytes, *, _state: dict[str, Any] | None = None) -> None:
        self.path = Path(path)
        self._key = _check_key(key)
        self._wrap = AESGCM(_derive(self._key, "wrap"))
        self._mac_key = _derive(self._key, "mac")
        state = _state or {}
        self.vault_id: str = state.get("vault_id") or secrets.token_hex(16)
        self.created: str = state.get("created") or _now()
        self.updated: str = state.get("updated") or self.created
        self._records: dict[str, _Record] = state.get("records", {})
        self._shredded: dict[str, str] = state.get("shredded", {})
        #: how many times this vault was written; a copy with a smaller number is older (replay check)
        self.generation: int = int(state.get("generation", 0))
        # key material that outlives rotation: frozen at creation (or on the first format-2 write)
        self._secrets: dict[str, bytes] = dict(state.get("secrets") or {
            purpose: _derive(self._key, purpose) for purpose in _SECRET_PURPOSES
        })

    def __repr__(self) -> str:  # never shows field values
        return f"Vault({str(self.path)!r}, records={len(self._records)}, shredded={len(self._shredded)})"

    # ------------------------------------------------------------------ construction

    @classmethod
    def create(cls, path: str | Path, key: bytes) -> Vault:
        """Return a new, empty vault for ``path`` (written by :meth:`save`); refuses an existing file."""
        p = Path(path)
        if p.exists():
            raise VaultError(f"a file already exists at {p}; open it instead of creating a vault there")
        return cls(p, key)

    @classmethod
    def open(cls, path: str | Path, key: bytes, *, audit_log: str | Path | None = None) -> Vault:
        """Open and authenticate the vault at ``path``; VaultError on wrong key, tampering or truncation.

        With ``audit_log``, a vault older than the newest generation the log recorded for it (an old
        copy put back) is refused too.
        """
        p = Path(path)
        key = _check_key(key)
        try:
            state = _open_parsed(p, key)
        except FileNotFoundError:
            raise VaultError(f"no vault at {p}") from None
        except IsADirectoryError:
            raise VaultError(f"{p} is a folder, not a vault file") from None
        except OSError as exc:
            raise VaultError(f"cannot read vault {p}: {exc.strerror}") from None
        vault = cls(p, key, _state=state)
        if audit_log is not None:
            logged = logged_generation(audit_log, vault.vault_id)
            if vault.generation < logged:
                raise VaultError(
                    f"{p} is an older copy of the vault (generation {vault.generation}; the audit log recorded "
                    f"generation {logged}): a replaced or restored vault is refused",
                    reason="replayed",
                )
        return vault

    # ------------------------------------------------------------------ records

    def put(self, record_id: str, fields: dict[str, str | None]) -> None:
        """Store (or replace) the fields of one record."""
        clean = _check_fields(record_id, fields)
        if record_id in self._shredded:
            raise VaultError(f"record {record_id} was shredded; its id cannot be reused")
        self._records[record_id] = _Record(fields=clean)

    def get(self, record_id: str) -> dict[str, str | None]:
        """Return a copy of one record's fields; VaultError if unknown or shredded."""
        rec = self._records.get(record_id)
        if rec is None:
            if record_id in self._shredded:
                raise VaultError(f"record {record_id} was shredded on {self._shredded[record_id]}")
            raise VaultError(f"no record {record_id} in the vault")
        if rec.fields is None:  # a new record, never the parsed one: that may be shared (see _parse_cached)
            rec = self._records[record_id] = _Record(fields=self._unseal(record_id, rec.sealed), sealed=rec.sealed)
        return dict(rec.fields)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._records

    def __len__(self) -> int:
        return len(self._records)

    def ids(self) -> list[str]:
        """Return the ids of the live records, in insertion order."""
        return list(self._records)

    def shredded(self) -> dict[str, str]:
        """Return the tombstones: shredded record id -> UTC time of shredding."""
        return dict(self._shredded)

    def delete(self, record_id: str) -> None:
        """Remove one record (no tombstone); VaultError if unknown."""
        if self._records.pop(record_id, None) is None:
            raise VaultError(f"no record {record_id} in the vault")

    def shred(self, record_id: str) -> None:
        """Crypto-shred one record: destroy its data key and ciphertext, keep a tombstone."""
        if record_id in self._shredded and record_id not in self._records:
            return  # already shredded: idempotent
        if self._records.pop(record_id, None) is None:
            raise VaultError(f"no record {record_id} in the vault")
        self._shredded[record_id] = _now()

    def to_frame(self) -> pd.DataFrame:
        """Return the live records as a DataFrame: ``record_id`` then the fields, first-seen order.

        Records are decrypted for the frame only (not kept decrypted in the vault object as well)."""
        cols: dict[str, list] = {"record_id": []}  # built column by column: no per-record row kept
        for n, (rid, rec) in enumerate(self._records.items()):
            fields = rec.fields if rec.fields is not None else self._unseal(rid, rec.sealed)
            cols["record_id"].append(rid)
            for k, v in fields.items():
                col = cols.get(k)
                if col is None:
                    col = cols[k] = [None] * n
                col.append(v)
            for col in cols.values():  # a field absent from a record is None, like a field stored as None
                if len(col) <= n:
                    col.append(None)
        return pd.DataFrame(cols, columns=list(cols), dtype=object)

    def stats(self) -> VaultStats:
        """Return counts and metadata (no values)."""
        fields: list[str] = []
        for rid in self._records:
            fields.extend(k for k in self.get(rid) if k not in fields)
        return VaultStats(
            path=str(self.path),
            version=FORMAT_VERSION,
            key_id=key_id(self._key),
            records=len(self._records),
            shredded=len(self._shredded),
            fields=tuple(fields),
            created=self.created,
            updated=self.updated,
        )

    # ------------------------------------------------------------------ keys

    @property
    def key_id(self) -> str:
        """Public fingerprint of this vault's master key."""
        return key_id(self._key)

    def pseudonym(self, value: str, *, normalize: bool = True) -> str:
        """Keyed pseudonym of ``value`` under this vault's pseudonym key (see :func:`pseudonym`)."""
        return pseudonym(value, self._secrets["pseudonym"], normalize=normalize, derived=True)

    def pseudonym_key(self) -> bytes:
        """This vault's pseudonym key (see :func:`pseudonym_key`); unchanged by rotation."""
        return self._secrets["pseudonym"]

    def audit_key(self) -> bytes:
        """This vault's audit-log key (see :func:`audit_key`); unchanged by rotation."""
        return self._secrets["audit-log"]

    def rotate(self, new_key: bytes) -> Vault:
        """Return this vault re-encrypted under ``new_key`` (fresh data keys, same records and tombstones).

        Nothing is written: call ``.save()`` on the result. The old object stays usable.
        """
        new_key = _check_key(new_key)
        records = {rid: _Record(fields=self.get(rid)) for rid in self._records}
        state = {
            "vault_id": self.vault_id,
            "created": self.created,
            "updated": self.updated,
            "records": records,
            "shredded": dict(self._shredded),
            "generation": self.generation,
            "secrets": dict(self._secrets),
        }
        return Vault(self.path, new_key, _state=state)

    # ------------------------------------------------------------------ persistence

    def _seal(self, record_id: str, fields: dict[str, str | None]) -> tuple[str, str]:
        data_key = AESGCM.generate_key(bit_length=256)
        n1, n2 = os.urandom(_NONCE), os.urandom(_NONCE)
        plain = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        data = AESGCM(data_key).encrypt(n1, plain, _aad(self.vault_id, record_id, "data"))
        wrapped = self._wrap.encrypt(n2, data_key, _aad(self.vault_id, record_id, "key"))
        return _b64(n2 + wrapped), _b64(n1 + data)

    def _unseal(self, record_id: str, sealed: tuple[str, str] | None) -> dict[str, str | None]:
        try:
            assert sealed is not None
            wk, data = _unb64(sealed[0]), _unb64(sealed[1])
            data_key = self._wrap.decrypt(wk[:_NONCE], wk[_NONCE:], _aad(self.vault_id, record_id, "key"))
            plain = AESGCM(data_key).decrypt(data[:_NONCE], data[_NONCE:], _aad(self.vault_id, record_id, "data"))
            fields = json.loads(plain.decode("utf-8"))
            return _check_fields(record_id, fields)
        except (InvalidTag, ValueError, AssertionError, UnicodeDecodeError, InputError):
            raise VaultError(f"record {record_id} in {self.path} cannot be decrypted: it was altered") from None

    def to_bytes(self) -> bytes:
        """Return the authenticated file content for the vault's current state."""
        records = []
        for rid, rec in self._records.items():
            if rec.sealed is None:
                assert rec.fields is not None
                rec.sealed = self._seal(rid, rec.fields)
            records.append({"id": rid, "key": rec.sealed[0], "data": rec.sealed[1]})
        secrets_plain = json.dumps({k: _b64(v) for k, v in sorted(self._secrets.items())}).encode("ascii")
        nonce = os.urandom(_NONCE)
        sealed_secrets = nonce + self._wrap.encrypt(nonce, secrets_plain, _aad(self.vault_id, "", "secrets"))
        body = {
            "format": "privacy-audit-vault",
            "version": FORMAT_VERSION,
            "cipher": "AES-256-GCM",
            "kdf": "HKDF-SHA256",
            "key_id": key_id(self._key),
            "vault_id": self.vault_id,
            "created": self.created,
            "updated": self.updated,
            "generation": self.generation + 1,
            "secrets": _b64(sealed_secrets),
            "records": records,
            "shredded": [{"id": rid, "at": at} for rid, at in self._shredded.items()],
        }
        body_bytes = json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode("ascii")
        signed = _HEADER + body_bytes + b"\n"
        tag = hmac.new(self._mac_key, signed, hashlib.sha256).hexdigest().encode("ascii")
        return signed + _MAC_PREFIX + tag + b"\n"

    def save(self) -> None:
        """Write the vault atomically (temp file in the same folder, fsync, ``os.replace``).

        Every write carries the next :attr:`generation` (``to_bytes`` writes ``generation + 1``).
        """
        self.updated = _now()
        data = self.to_bytes()
        _atomic_write(self.path, data)
        self.generation += 1
        logger.info("vault saved: %s (%d records, %d shredded)", self.path, len(self._records), len(self._shredded))


def logged_generation(audit_log: str | Path, vault_id: str) -> int:
    """The newest vault generation the audit log recorded for ``vault_id`` (0 when none or no log).

    Every vault change the workbench makes is logged with ``details.vault_id`` and
    ``details.vault_generation``; a vault file whose own generation is smaller is an older copy.
    """
    p = Path(audit_log)
    if not p.exists():
        return 0
    try:
        entries = auditlog.read(p)
    except AuditLogError as exc:
        raise VaultError(f"cannot check the vault against the audit log: {exc}") from None
    newest = 0
    for entry in entries:
        details = entry.get("details")
        if entry.get("outcome") == "rolled-back":  # a change undone by recovery: the vault kept its old generation
            continue
        if isinstance(details, dict) and details.get("vault_id") == vault_id:
            gen = details.get("vault_generation")
            if isinstance(gen, int) and not isinstance(gen, bool):
                newest = max(newest, gen)
    return newest


def crypto_shred(vault: Vault, record_ids: Iterable[str], new_key: bytes) -> Vault:
    """Shred ``record_ids`` and re-key the vault under ``new_key``; returns the new (unsaved) vault.

    Deleting a record's wrapped data key is not enough: an earlier copy of the vault file (a backup,
    a snapshot) still holds it, wrapped under the same master key. Re-keying wraps every surviving
    record under fresh data keys and a new master key, so once the old key is destroyed no copy made
    before the shred can be decrypted with any key that still exists. Pseudonym and audit-log keys
    are carried over (rotation never changes them). Nothing is written: save the vault, then
    replace the key (see ``privacy-audit vault shred``).
    """
    new_key = _check_key(new_key)
    if new_key == vault._key:
        raise InputError("crypto-shredding needs a new key, not the current one")
    for rid in record_ids:
        vault.shred(rid)
    return vault.rotate(new_key)


@dataclass(frozen=True, slots=True)
class SplitResult:
    """A mixed dataset split into vault records and a pseudonymous dataset (see :func:`split_identities`).

    ``data`` holds the non-PII columns plus ``token_column``; ``records`` maps each record id to the
    PII fields it stands for. ``to_dict()`` / ``to_frame()`` give counts and names only, no values.
    """

    data: pd.DataFrame
    records: Mapping[str, Mapping[str, str | None]]
    pii_columns: tuple[str, ...]
    token_column: str
    kind: str
    rows: int
    rows_without_identity: int

    def to_dict(self) -> dict[str, Any]:
        """Return a summary without values."""
        return {
            "kind": self.kind,
            "token_column": self.token_column,
            "pii_columns": list(self.pii_columns),
            "kept_columns": [c for c in self.data.columns if c != self.token_column],
            "rows": self.rows,
            "subjects": len(self.records),
            "rows_without_identity": self.rows_without_identity,
        }

    def to_frame(self) -> pd.DataFrame:
        """Return one row per input column: where it went (``vault`` or ``output``)."""
        rows = [{"column": c, "destination": "vault"} for c in self.pii_columns]
        rows += [{"column": c, "destination": "output"} for c in self.data.columns]
        return pd.DataFrame(rows, columns=["column", "destination"])


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp | datetime):
        return value.isoformat()
    return str(value)


def split_identities(
    df: pd.DataFrame,
    pii_columns: Iterable[str],
    *,
    kind: str = "token",
    key: bytes | None = None,
    token_column: str = "subject_token",
    subject_column: str | None = None,
    existing: Mapping[str, Mapping[str, str | None]] | None = None,
    vault: Vault | None = None,
) -> SplitResult:
    """Split ``df`` into vault records (the ``pii_columns``) and a pseudonymous frame.

    Rows with the same PII values (or the same ``subject_column`` value) are one subject and get
    one record id: a new random token (``kind="token"``) or the keyed pseudonym of the subject's
    value(s) under ``key`` (``kind="hmac"``; with ``vault``, its :func:`pseudonym_key`). Rows whose PII cells are all empty get no id. Records
    already in ``existing`` (id -> fields) are reused when identical; a conflict is an InputError.
    The output keeps the other columns, with ``token_column`` first. Nothing is written.
    """
    columns = list(dict.fromkeys(pii_columns))
    if not columns:
        raise InputError("no PII columns to move into the vault (give --columns or scan found none)")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(f"column(s) not in the input: {', '.join(map(str, missing))}")
    if token_column in df.columns:
        raise InputError(f"the input already has a column named {token_column!r}; choose another --token-column")
    if subject_column is not None and subject_column not in columns:
        raise InputError(f"--subject-column {subject_column!r} must be one of the PII columns moved to the vault")
    if kind not in {"token", "hmac"}:
        raise InputError(f"pseudonym kind must be 'token' or 'hmac', not {kind!r}")
    if kind == "hmac":
        if key is None:
            raise ConfigError("keyed (hmac) pseudonyms need the vault key")
        _check_key(key)
    existing = existing or {}

    records: dict[str, dict[str, str | None]] = {}
    by_group: dict[Any, str] = {}
    ids: list[str | None] = []
    conflicts = 0
    empty_rows = 0
    pii = df[columns]
    for values in pii.itertuples(index=False, name=None):
        fields = {str(c): _cell(v) for c, v in zip(columns, values, strict=True)}
        if all(v is None or v == "" for v in fields.values()):
            ids.append(None)
            empty_rows += 1
            continue
        group: Any = fields[subject_column] if subject_column is not None else tuple(fields.values())
        if subject_column is not None and group in (None, ""):
            group = ("__row__", len(ids))  # no subject value: its own subject
        rid = by_group.get(group)
        if rid is None:
            if kind == "hmac":
                text = group if isinstance(group, str) else json.dumps(list(fields.values()), ensure_ascii=False)
                rid = pseudonym(text, key, vault=vault)  # type: ignore[arg-type]
            else:
                rid = random_token()
                while rid in records or rid in existing:
                    rid = random_token()
            by_group[group] = rid
        if rid in records:
            if records[rid] != fields:
                conflicts += 1
        else:
            if rid in existing and dict(existing[rid]) != fields:
                conflicts += 1
            records[rid] = fields
        ids.append(rid)
    if conflicts:
        raise InputError(
            f"{conflicts} row(s) map to a subject whose vault record holds different PII values; "
            "choose a --subject-column that identifies one person, or use --pseudonym token"
        )
    kept = [c for c in df.columns if c not in columns]
    out = df[kept].copy()
    out.insert(0, token_column, pd.array(ids, dtype=object))
    return SplitResult(
        data=out,
        records=records,
        pii_columns=tuple(str(c) for c in columns),
        token_column=token_column,
        kind=kind,
        rows=len(df),
        rows_without_identity=empty_rows,
    )


_PARSED: dict[tuple[str, str], dict[str, Any]] = {}  # (sha256 of the vault bytes, of the key) -> parsed state
_SEEN: dict[tuple[Any, ...], tuple[str, str]] = {}  # (the file's identity, sha256 of the key) -> its _PARSED key


def _open_parsed(path: Path, key: bytes) -> dict[str, Any]:
    """The state of the vault file at ``path`` under ``key`` (see :func:`_parse_cached`); OSError when it
    cannot be read. A file whose identity (device, inode, size, modification and change times, from
    the open file) is the one parsed last in this process is not read again: its state is the one
    authenticated then (a write replaces the file or moves its times; the change time cannot be set
    back), so a request that opens the vault several times reads and hashes a large vault once. Only a
    file last changed a while before it was read is known by identity (as git's "racy" index entries: a
    write in the same clock tick could keep the times), a newer one is read and hashed each time."""
    key_digest = hashlib.sha256(key).hexdigest()
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        ident = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, key_digest)
        known = _SEEN.get(ident)
        if known is not None and known in _PARSED:
            return _state_copy(_PARSED[known])
        buf = [fh.read()]  # handed over: the parse lets the bytes go once it has decoded them
    state = _parse_cached(buf, key, path)
    _SEEN.clear()
    if max(st.st_ctime_ns, st.st_mtime_ns) < time.time_ns() - _SETTLED_NS:
        _SEEN[ident] = next(iter(_PARSED))
    return state


_SETTLED_NS = 2_000_000_000  # a file unchanged this long before it was read is known by its identity


def _parse_cached(buf: list[bytes], key: bytes, path: Path) -> dict[str, Any]:
    """:func:`_parse`, authenticated and parsed once per vault content and key in this process (the last
    vault only): one request opens the vault several times (key registration, estate secrets, each
    subject-index view, the erasure plan), and hashing the bytes costs a fraction of parsing them. Each
    caller gets its own records and tombstones (its own dicts of the cached, never changed ``_Record``
    objects: a Vault replaces a record it decrypts or changes, it never writes into one): what one Vault
    puts, deletes, shreds or decrypts stays its own, and the cache holds only what the file holds (sealed
    records). Copying the dict, not each record, keeps a repeated open cheap for a large vault.

    ``buf``: a one-item list holding the file's bytes, handed over (see :func:`_parse`)."""
    cache_key = (hashlib.sha256(buf[0]).hexdigest(), hashlib.sha256(_check_key(key)).hexdigest())
    state = _PARSED.get(cache_key)
    if state is None:
        state = _parse(buf, key, path)
        _PARSED.clear()
        _PARSED[cache_key] = state
    return _state_copy(state)


def _state_copy(state: dict[str, Any]) -> dict[str, Any]:
    """A caller's own copy of a cached parsed state (its own dicts of the shared, never changed records)."""
    out = {**state, "records": dict(state["records"]), "shredded": dict(state["shredded"])}
    if "secrets" in state:
        out["secrets"] = dict(state["secrets"])
    return out


def _parse(buf: list[bytes], key: bytes, path: Path) -> dict[str, Any]:
    """Authenticate and decode vault file bytes into constructor state.

    ``buf``: a one-item list holding the bytes, handed over by a caller that keeps no other reference:
    once authenticated and decoded to text they are let go (the list emptied), so a large vault's
    bytes, its text and its parsed records are never all held at once (peak memory)."""
    raw = buf[0]
    if not raw:
        raise VaultError(f"{path} is empty: not a vault (or truncated to nothing)")
    header = next((h for h in _HEADERS if raw.startswith(h)), None)
    if header is None:
        if raw.startswith(b"PRIVACY-AUDIT-VAULT "):
            raise VaultError(f"{path}: unsupported vault format version, or the header was altered")
        raise VaultError(f"{path} is not a privacy-audit vault (header missing or altered)")
    version = _HEADERS[header]
    mac_start = raw.rfind(b"\n" + _MAC_PREFIX)
    tail_ok = (
        mac_start >= len(header) - 1
        and raw.endswith(b"\n")
        and len(raw) - (mac_start + 1 + len(_MAC_PREFIX)) == 65
    )
    if not tail_ok:
        raise VaultError(f"{path} is truncated or damaged: its authenticator is missing")
    # a view, not a copy: a large vault is not held two or three times over while it is parsed
    signed, tag = memoryview(raw)[: mac_start + 1], raw[mac_start + 1 + len(_MAC_PREFIX) : -1]
    expected = hmac.new(_derive(key, "mac"), signed, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(tag, expected):
        # Tell a wrong key from a changed file when the (unauthenticated) key id allows it: a bounded
        # pattern search, never a parse of content that failed authentication.
        found = _KEY_ID_RE.search(bytes(signed[: 64 * 1024 * 1024]))
        stored_id = found.group(1).decode("ascii") if found else None
        if stored_id is not None and stored_id != key_id(key):
            raise VaultError(f"wrong key for the vault {path} (the key fingerprint does not match)")
        raise VaultError(f"{path} was altered or truncated: its authenticator does not match")
    try:
        text = str(signed[len(header) : -1], "ascii")
    except UnicodeDecodeError:
        raise VaultError(f"{path} is authenticated but its content is not a valid vault") from None
    signed.release()
    del raw, signed
    buf.clear()
    try:
        body = json.loads(text)
        del text
        if body.get("format") != "privacy-audit-vault" or body.get("version") != version:
            raise ValueError("format")
        records: dict[str, _Record] = {}
        for item in body["records"]:
            rid, wk, data = item["id"], item["key"], item["data"]
            if not isinstance(rid, str) or not isinstance(wk, str) or not isinstance(data, str) or rid in records:
                raise ValueError("record")
            records[rid] = _Record(sealed=(wk, data))
        shredded = {}
        for item in body["shredded"]:
            if not isinstance(item["id"], str) or not isinstance(item["at"], str):
                raise ValueError("tombstone")
            shredded[item["id"]] = item["at"]
        state = {
            "vault_id": str(body["vault_id"]),
            "created": str(body["created"]),
            "updated": str(body["updated"]),
            "records": records,
            "shredded": shredded,
        }
        if version >= 2:
            generation = body["generation"]
            if not isinstance(generation, int) or generation < 0:
                raise ValueError("generation")
            state["generation"] = generation
            sealed = _unb64(body["secrets"])
            wrap = AESGCM(_derive(key, "wrap"))
            plain = wrap.decrypt(sealed[:_NONCE], sealed[_NONCE:], _aad(state["vault_id"], "", "secrets"))
            secrets_map = json.loads(plain.decode("ascii"))
            state["secrets"] = {p: _unb64(secrets_map[p]) for p in _SECRET_PURPOSES}
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, InvalidTag):
        raise VaultError(f"{path} is authenticated but its content is not a valid vault") from None
    return state


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` atomically through :func:`privacy_audit.sources.atomic_write_bytes` (mode 0600)."""
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise VaultError(f"cannot write the vault {path}: {exc.strerror or exc}; the old file is unchanged") from None
