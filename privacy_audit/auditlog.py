"""Append-only, hash-chained audit log (JSON Lines) and Ed25519 signatures of reports.

Every line is one entry, written as compact key-sorted JSON (UTF-8) followed by ``\\n``::

    {"action":"erasure","details":{...},"hash":"<64 hex>","outcome":"applied",
     "prev":"<64 hex>","seq":1,"subject_ref":"s_...","ts":"2026-11-29T16:00:00.000000Z"}

* ``seq`` counts from 1 with no gap;
* ``prev`` is the SHA-256 (hex) of the previous line's exact bytes without its ``\\n``
  (``"0" * 64`` for the first entry);
* ``hash`` is the SHA-256 (hex) of the entry's canonical JSON without the ``hash`` key.

:func:`verify` reports the first entry that breaks the chain: a changed line (its ``hash`` or its
canonical form no longer match, or the next line's ``prev`` does not), a removed or reordered line
(``seq`` or ``prev`` out of step), or a truncated last line (no newline, not JSON). Removing whole
lines from the end leaves a valid shorter chain; to detect that, keep :attr:`VerifyResult.head`
(the hash of the last line) somewhere else: every bundle's manifest and every compliance report
carry it (:func:`head`), and ``verify(expect_head=...)`` checks the log still holds it.

Keyed chain: an entry written with the estate's audit-log key (derived from the vault's key
material and kept across key rotation, :func:`privacy_audit.vault.audit_key`) also carries
``"mac"``, an HMAC-SHA256 over the entry without ``hash``/``mac`` (so over ``seq`` and ``prev``).
Without the key nobody can remove an entry and recompute the chain, or change one, unnoticed by
``verify(key=...)``; ``hash`` covers the ``mac`` too.

Appends are safe for concurrent writers: an exclusive ``fcntl`` lock on ``<log>.lock`` (waited for at
most ``$PRIVACY_AUDIT_LOCK_TIMEOUT`` seconds, as the estate lock, then one line), then one
``write`` on a descriptor opened with ``O_APPEND``, then ``fsync``. Callers pass ``subject_ref`` (an
opaque or keyed reference) and ``details`` without raw personal data; e-mail addresses in either
are refused.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import AuditLogError, ConfigError, InputError
from .io.lock import flock_within, lock_timeout
from .masking import mask

__all__ = [
    "GENESIS",
    "ACTIONS",
    "VerifyResult",
    "append",
    "use_key",
    "head",
    "entry_mac",
    "check_appendable",
    "check_entry",
    "mask_emails",
    "read",
    "verify",
    "canonical_json",
    "entry_hash",
    "generate_signing_key",
    "load_private_key",
    "load_public_key",
    "sign_report",
    "verify_report_signature",
]

logger = logging.getLogger(__name__)

GENESIS = "0" * 64
#: Actions the workbench writes; others matching ``[a-z][a-z0-9_-]*`` are accepted too.
ACTIONS = ("export", "erasure", "rectification", "restriction", "unrestriction", "shred", "rotation",
           "pseudonymize", "verification")
_ACTION_RE = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_KEYS = ("action", "details", "hash", "outcome", "prev", "seq", "subject_ref", "ts")
_KEYED = frozenset(_KEYS) | {"mac"}
_MAC_DOMAIN = b"privacy-audit audit-log entry v1\n"
_REGISTERED: dict[str, bytes] = {}


def _log_id(path: str | Path) -> str:
    return os.path.realpath(os.fspath(path))


def use_key(path: str | Path, key: bytes | None) -> None:
    """Key every later :func:`append` to the log at ``path`` in this process with ``key`` (None: stop).

    The estate's key lookup (:func:`privacy_audit.vault.key_for_datamap`) registers the estate's
    audit-log key here, so every command that knows the vault key writes keyed entries.
    """
    if key is None:
        _REGISTERED.pop(_log_id(path), None)
    else:
        _REGISTERED[_log_id(path)] = bytes(key)


def entry_mac(entry: Mapping[str, Any], key: bytes) -> str:
    """HMAC-SHA256 (hex) of ``entry``'s canonical JSON without ``hash`` and ``mac``, under ``key``.

    It covers ``seq`` and ``prev``: an entry removed from the middle and the chain recomputed
    without the key leaves every later MAC wrong.
    """
    body = canonical_json({k: v for k, v in entry.items() if k not in ("hash", "mac")})
    return hmac.new(bytes(key), _MAC_DOMAIN + body, hashlib.sha256).hexdigest()


def canonical_json(obj: Any) -> bytes:
    """Return the canonical serialisation used for hashing: sorted keys, compact, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
        "utf-8"
    )


def entry_hash(entry: Mapping[str, Any]) -> str:
    """Return the SHA-256 hex of ``entry``'s canonical JSON without its ``hash`` key."""
    return hashlib.sha256(canonical_json({k: v for k, v in entry.items() if k != "hash"})).hexdigest()


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """Outcome of :func:`verify`; ``first_broken`` is the 1-based line number of the first bad entry."""

    ok: bool
    entries: int
    first_broken: int | None
    reason: str
    head: str | None = None  # SHA-256 of the last good line (anchor it elsewhere to detect tail cuts)
    keyed: int = 0  # entries whose MAC was checked with the key
    unkeyed: int = 0  # entries without a MAC (written without the key, or before keying)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as a plain dict."""
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_broken": self.first_broken,
            "reason": self.reason,
            "head": self.head,
            "keyed": self.keyed,
            "unkeyed": self.unkeyed,
        }


# ------------------------------------------------------------------------------------- reading


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise AuditLogError(f"no audit log at {path}") from None
    except IsADirectoryError:
        raise AuditLogError(f"{path} is a folder, not an audit log") from None
    except OSError as exc:
        raise AuditLogError(f"cannot read the audit log {path}: {exc.strerror}") from None


def _lines(raw: bytes) -> Iterator[tuple[bytes, bool]]:
    """Yield (line without newline, had_newline)."""
    pos = 0
    while pos < len(raw):
        end = raw.find(b"\n", pos)
        if end < 0:
            yield raw[pos:], False
            return
        yield raw[pos:end], True
        pos = end + 1


def _check_line(line: bytes, had_newline: bool, seq: int, prev: str) -> tuple[dict[str, Any] | None, str]:
    """Return (entry, "") when line ``seq`` is sound after a line hashing to ``prev``, else (None, why)."""
    if not had_newline:
        return None, "the last line is incomplete (truncated write or cut file)"
    try:
        entry = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, "the line is not valid JSON (changed or truncated)"
    if not isinstance(entry, dict) or set(entry) not in (set(_KEYS), set(_KEYED)):
        return None, "the entry does not have the audit-log fields (changed)"
    if entry["seq"] != seq:
        return None, f"sequence number {entry['seq']!r} where {seq} was expected (an entry was removed or reordered)"
    if entry["prev"] != prev:
        return None, "its link to the previous entry does not match (the previous entry was changed, removed or reordered)"
    if entry["hash"] != entry_hash(entry):
        return None, "its content does not match its hash (the entry was changed)"
    if canonical_json(entry) != line:
        return None, "the line is not in canonical form (the entry was edited)"
    return entry, ""


def read(path: str | Path) -> list[dict[str, Any]]:
    """Return every entry of the log, oldest first; AuditLogError if unreadable or not JSON Lines."""
    p = Path(path)
    out = []
    for n, (line, _) in enumerate(_lines(_read_bytes(p)), start=1):
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise AuditLogError(f"{p}: line {n} is not valid JSON; run `privacy-audit log verify`") from None
        if not isinstance(entry, dict):
            raise AuditLogError(f"{p}: line {n} is not an audit-log entry")
        out.append(entry)
    return out


def verify(
    path: str | Path, *, key: bytes | None = None, expect_head: str | None = None, require_keyed: bool = False
) -> VerifyResult:
    """Check the whole hash chain; name the first broken entry. AuditLogError if unreadable.

    With ``key`` (the estate's audit-log key, :func:`privacy_audit.vault.audit_key`) every entry's
    MAC is checked too: an entry changed, removed or re-chained by someone without the key breaks
    it. Entries without a MAC are counted (``unkeyed``); one after a keyed entry (a MAC stripped)
    or, with ``require_keyed``, any at all, breaks the log. ``expect_head`` is a head recorded
    earlier (in a report, a bundle, a ticket): the log must still contain that line, or it was cut
    or rebuilt.
    """
    p = Path(path)
    raw = _read_bytes(p)
    prev, count, keyed, unkeyed = GENESIS, 0, 0, 0
    seen_head = expect_head is None
    for n, (line, had_newline) in enumerate(_lines(raw), start=1):
        entry, why = _check_line(line, had_newline, n, prev)
        if entry is not None and key is not None:
            if "mac" in entry:
                if not hmac.compare_digest(str(entry["mac"]), entry_mac(entry, key)):
                    entry, why = None, "its MAC does not match (changed, or the chain was rebuilt without the key)"
                else:
                    keyed += 1
            elif keyed or require_keyed:
                entry, why = None, "it carries no MAC where one is required (a MAC was stripped, or written without the key)"
            else:
                unkeyed += 1
        elif entry is not None and "mac" not in entry:
            unkeyed += 1
        if entry is None:
            return VerifyResult(False, count, n, f"entry {n}: {why}", prev if count else None, keyed, unkeyed)
        prev = hashlib.sha256(line).hexdigest()
        count = n
        seen_head = seen_head or hmac.compare_digest(prev, str(expect_head))
    if not seen_head:
        return VerifyResult(False, count, None, "the log no longer holds the head recorded earlier: entries were "
                            "cut from its end or the chain was rebuilt", prev if count else None, keyed, unkeyed)  # fmt: skip
    if count == 0:
        return VerifyResult(True, 0, None, "the log is empty", None)
    if key is None:
        how = "hash chain intact (MACs not checked: no key)"
    elif unkeyed:
        how = f"hash chain and {keyed} MACs intact; the first {unkeyed} entries carry no MAC (written before keying)"
    else:
        how = "hash chain and every MAC intact"
    return VerifyResult(True, count, None, f"{count} entries, {how}", prev, keyed, unkeyed)


def head(path: str | Path) -> dict[str, Any]:
    """The current head of the log, to carry into a report or bundle: ``{"entries", "head"}``.

    ``head`` is the SHA-256 of the last line (``None`` for a missing or empty log). Later, ``log
    verify --expect-head`` tells whether the log still holds that line. The chain is not verified
    here (see :func:`verify`); a log whose last line is incomplete gives its last complete line.
    """
    p = Path(path)
    if not p.is_file():
        return {"entries": 0, "head": None}
    lines = [line for line, had_newline in _lines(_read_bytes(p)) if had_newline]
    return {"entries": len(lines), "head": hashlib.sha256(lines[-1]).hexdigest() if lines else None}


# ------------------------------------------------------------------------------------- writing


def _check_no_email(value: Any, what: str) -> None:
    text = value if isinstance(value, str) else canonical_json(value).decode("utf-8")
    if _EMAIL_RE.search(text):
        raise InputError(f"audit-log {what} holds an e-mail address; log an opaque subject reference instead")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        what = "it is a folder; remove it" if lock_path.is_dir() else exc.strerror
        raise AuditLogError(f"cannot lock the audit log {path}: {lock_path.name}: {what}") from None
    try:
        timeout = lock_timeout()
        try:
            taken = flock_within(fd, fcntl.LOCK_EX, timeout)
        except OSError as exc:
            raise AuditLogError(f"cannot lock the audit log {path}: {exc.strerror or exc}") from None
        if not taken:
            raise AuditLogError(
                f"the audit log {path} is locked by another process that is writing to it; gave up after "
                f"{timeout:g} s (nothing was appended)"
            )
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _last_line(fd: int, size: int) -> bytes | None:
    """Return the last line of the open file (without its newline), or None if the file is empty."""
    if size == 0:
        return None
    block, data = 4096, b""
    pos = size
    while pos > 0:
        step = min(block, pos)
        pos -= step
        data = os.pread(fd, step, pos) + data
        # data ends with "\n" when the file is sound; look for the newline before the last line
        if data.rfind(b"\n", 0, len(data) - 1) >= 0:
            break
    if not data.endswith(b"\n"):
        raise AuditLogError("the audit log's last line is incomplete; run `privacy-audit log verify` before appending")
    body = data[:-1]
    return body[body.rfind(b"\n") + 1 :]


def _parse_last(last: bytes, p: Path) -> int:
    try:
        last_seq = json.loads(last.decode("utf-8"))["seq"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        last_seq = None
    if not isinstance(last_seq, int):
        raise AuditLogError(f"the last entry of {p} is damaged; run `privacy-audit log verify` before appending")
    return last_seq


def check_appendable(path: str | Path) -> None:
    """Raise AuditLogError now if :func:`append` to ``path`` would fail later.

    Callers that change data and then log it (erasure, rectification, restriction, export) call
    this first, so an unwritable or damaged log stops them before anything changes.
    """
    p = Path(path)
    if not p.parent.is_dir():
        raise AuditLogError(f"cannot write the audit log: folder {p.parent} does not exist")
    if p.exists():
        if not p.is_file():
            raise AuditLogError(f"the audit log {p} is not a file")
        if not os.access(p, os.R_OK | os.W_OK):
            raise AuditLogError(f"the audit log {p} is not writable")
        try:
            fd = os.open(p, os.O_RDONLY)
        except OSError as exc:
            raise AuditLogError(f"cannot open the audit log {p}: {exc.strerror}") from None
        try:
            last = _last_line(fd, os.fstat(fd).st_size)
        finally:
            os.close(fd)
        if last is not None:
            _parse_last(last, p)
    elif not os.access(p.parent, os.W_OK | os.X_OK):
        raise AuditLogError(f"cannot write the audit log: folder {p.parent} is not writable")
    lock_path = p.with_name(p.name + ".lock")  # the lock taken by append must be usable too
    if lock_path.is_dir():
        raise AuditLogError(f"cannot lock the audit log {p}: {lock_path.name} is a folder (a stale lock?); remove it")
    if lock_path.exists() or lock_path.is_symlink():
        try:
            os.close(os.open(lock_path, os.O_RDWR))
        except OSError as exc:
            raise AuditLogError(f"cannot lock the audit log {p}: {lock_path.name}: {exc.strerror}") from None


def check_entry(
    action: str, *, subject_ref: str | None, details: Mapping[str, Any] | None = None, outcome: str = "ok"
) -> None:
    """Raise InputError now if :func:`append` would refuse this entry (bad action or outcome, details
    that are not JSON, an e-mail address in the reference or details). Callers that change data
    check the entry they will log before changing anything."""
    if not isinstance(action, str) or not _ACTION_RE.match(action):
        raise InputError(f"audit-log action must be a short lower-case word, not {action!r}")
    if subject_ref is not None and not isinstance(subject_ref, str):
        raise InputError("audit-log subject_ref must be a string or None")
    if not isinstance(outcome, str) or not outcome:
        raise InputError("audit-log outcome must be a non-empty string")
    try:
        canonical_json(dict(details or {}))
    except (TypeError, ValueError):
        raise InputError("audit-log details must be JSON-serialisable (strings, numbers, lists, dicts)") from None
    if subject_ref:
        _check_no_email(subject_ref, "subject_ref")
    _check_no_email(dict(details or {}), "details")


def mask_emails(text: str) -> str:
    """``text`` with every e-mail-shaped part masked (a file named after a person's address can be
    named in a log entry this way, never raw)."""
    return _EMAIL_RE.sub(lambda m: mask(m.group(0), "EMAIL_ADDRESS"), str(text))


def append(
    path: str | Path,
    action: str,
    *,
    subject_ref: str | None,
    details: Mapping[str, Any] | None = None,
    outcome: str = "ok",
    key: bytes | None = None,
) -> dict[str, Any]:
    """Append one entry to the log (created if missing) and return it.

    ``subject_ref`` must be an opaque or keyed reference, never a raw identifier; ``details`` a
    JSON-serialisable mapping without raw personal values. With ``key`` (or a key registered for
    this log by :func:`use_key`) the entry carries a ``mac`` (:func:`entry_mac`).
    """
    if key is None:
        key = _REGISTERED.get(_log_id(path))
    p = Path(path)
    details = dict(details or {})
    check_entry(action, subject_ref=subject_ref, details=details, outcome=outcome)
    if not p.parent.is_dir():
        raise AuditLogError(f"cannot write the audit log: folder {p.parent} does not exist")

    with _locked(p):
        try:
            fd = os.open(p, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as exc:
            raise AuditLogError(f"cannot open the audit log {p}: {exc.strerror}") from None
        try:
            size = os.fstat(fd).st_size
            last = _last_line(fd, size)
            if last is None:
                seq, prev = 1, GENESIS
            else:
                seq, prev = _parse_last(last, p) + 1, hashlib.sha256(last).hexdigest()
            entry: dict[str, Any] = {
                "seq": seq,
                "ts": datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z"),
                "action": action,
                "subject_ref": subject_ref,
                "details": details,
                "outcome": outcome,
                "prev": prev,
            }
            if key is not None:
                entry["mac"] = entry_mac(entry, key)
            entry["hash"] = entry_hash(entry)
            line = canonical_json(entry) + b"\n"
            written = os.write(fd, line)
            if written != len(line):
                raise AuditLogError(f"short write to the audit log {p}")
            os.fsync(fd)
        except OSError as exc:
            raise AuditLogError(f"cannot append to the audit log {p}: {exc.strerror}") from None
        finally:
            os.close(fd)
    logger.info("audit log %s: entry %d (%s, %s)", p, seq, action, outcome)
    return entry


# ------------------------------------------------------------------------------------ signatures


def generate_signing_key() -> tuple[bytes, bytes]:
    """Return a new Ed25519 key pair as ``(private PEM, public PEM)``."""
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem


def _pem(source: str | Path | bytes, what: str) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the {what} key file {source}: {exc.strerror}") from None


def load_private_key(source: str | Path | bytes) -> Ed25519PrivateKey:
    """Load an Ed25519 private key from a PEM file path or PEM bytes."""
    try:
        key = serialization.load_pem_private_key(_pem(source, "private"), password=None)
    except (ValueError, TypeError):
        raise ConfigError("the signing key is not an unencrypted PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError("the signing key is not an Ed25519 key")
    return key


def load_public_key(source: str | Path | bytes) -> Ed25519PublicKey:
    """Load an Ed25519 public key from a PEM file path or PEM bytes."""
    try:
        key = serialization.load_pem_public_key(_pem(source, "public"))
    except (ValueError, TypeError):
        raise ConfigError("the verification key is not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigError("the verification key is not an Ed25519 key")
    return key


def sign_report(data: bytes, private_key: Ed25519PrivateKey | str | Path | bytes) -> bytes:
    """Return the 64-byte Ed25519 signature of ``data`` (key object, PEM path or PEM bytes)."""
    key = private_key if isinstance(private_key, Ed25519PrivateKey) else load_private_key(private_key)
    return key.sign(bytes(data))


def verify_report_signature(
    data: bytes, signature: bytes, public_key: Ed25519PublicKey | str | Path | bytes
) -> bool:
    """Return True when ``signature`` is a valid Ed25519 signature of ``data`` by ``public_key``."""
    key = public_key if isinstance(public_key, Ed25519PublicKey) else load_public_key(public_key)
    try:
        key.verify(bytes(signature), bytes(data))
    except InvalidSignature:
        return False
    return True
