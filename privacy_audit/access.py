"""Subject-access bundles: the subject's data as a verifiable, optionally encrypted zip (right 5.1.4).

:func:`build_bundle` turns a :class:`~privacy_audit.subjects.SubjectData` into a zip holding

* ``manifest.json`` -- ``format``, ``generated_at``, ``subject`` (the identifier *kinds* used, found,
  an opaque ref; never values), ``datamap`` (SHA-256 of the data map YAML), ``datasets`` (per
  dataset/log/register: ``name``, ``kind``, ``records``, ``files``, ``sha256`` per file,
  ``redactions`` and ``redactions_by_entity``, ``matched_by``), ``files`` (SHA-256 of every other
  file in the zip), ``restricted`` and ``notes``;
* ``<name>.json`` and ``<name>.csv`` per dataset (the subject's rows), ``<name>.log.txt`` for server
  logs, ``registers/<name>.json|csv`` for governance registers keyed by the subject (consents,
  opt-outs, restrictions, legal holds);
* ``index.html`` -- a self-contained plain-language summary (what is held, purposes, legal basis,
  retention, recipients, storage location, source) rendered by :mod:`privacy_audit.report.bundle`.

Other people's personal data inside the subject's free text (a relative's name or phone in a support
ticket) is replaced with ``[REDACTED <ENTITY>]`` (Presidio spans that are not the subject's own
identifiers) and counted per dataset. Bundles are deterministic: fixed zip timestamps and
permissions, sorted entries, key-sorted JSON; only ``generated_at`` changes between two builds.

Protection (the whole zip is encrypted, so names of files leak nothing either)::

    PRIVACY-AUDIT-BUNDLE 1\\n
    {header JSON, compact, key-sorted}\\n
    AES-256-GCM ciphertext of the zip (associated data = the two lines above)

* password: ``{"mode": "password", "kdf": "scrypt", "n", "r", "p", "salt", "nonce", "key_check"}``;
  scrypt derives 64 bytes: an AES-256-GCM key and a key-check key (``key_check`` tells a wrong
  password, exit 2, from a tampered file, exit 1);
* recipient: ``{"mode": "recipient", "kex": "X25519", "epk", "recipient", "nonce", "key_check"}``;
  an ephemeral X25519 key agreement with the recipient's public key, HKDF-SHA256 -> the same two keys.

:func:`verify_bundle` decrypts (when needed) and checks every hash in the manifest; it returns a
:class:`BundleVerification` (``ok`` false names each tampered, missing or unlisted file) and raises
:class:`~privacy_audit.errors.BundleError` when the bundle cannot be read at all (not a bundle, wrong
password or identity). Every export is recorded in the audit log (``action="export"``, the subject's
opaque ref, dataset counts and the bundle's SHA-256; no identifier values).
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import hashlib
import hmac
import io
import json
import logging
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import auditlog
from .entities import kind_of, redacted_entities
from .errors import BundleError, ConfigError, InputError, PrivacyAuditError
from .identifiers import column_kind, normalize
from .subjects import DatasetMatch, SubjectData
from .vault import audit_key_for_datamap

__all__ = [
    "BUNDLE_MAGIC",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "MIN_PASSWORD_LENGTH",
    "MANIFEST_MAC",
    "manifest_mac",
    "check_new_password",
    "neutralise_cell",
    "REDACT_ENTITIES",
    "RELATION_WORDS",
    "BundleResult",
    "BundleVerification",
    "build_bundle",
    "bundle_bytes",
    "redact_rows",
    "encrypt_with_password",
    "encrypt_for_recipient",
    "decrypt_bundle",
    "verify_bundle",
    "OpenedBundle",
    "open_bundle",
    "load_recipient_key",
    "load_identity_key",
]

logger = logging.getLogger(__name__)

BUNDLE_MAGIC = b"PRIVACY-AUDIT-BUNDLE 1\n"
FORMAT = "privacy-audit-subject-access-bundle"
REDACT_ENTITIES = redacted_entities()
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_SCRYPT = {"n": 2**17, "r": 8, "p": 1}
#: scrypt parameters accepted when reading a bundle: at most 256 MiB of memory and about twice the
#: work of the defaults, checked before anything is derived (a hostile header cannot ask for more).
_SCRYPT_MAX_MEMORY = 256 * 1024 * 1024
_SCRYPT_MAX_WORK = 2**18 * 8
#: the shortest password that may encrypt a new bundle (reading an older bundle takes any password)
MIN_PASSWORD_LENGTH = 10
_HKDF_INFO = b"privacy-audit bundle v1"
_MAX_HEADER = 4096
_CHECK_MSG = b"privacy-audit bundle key check"


# ------------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class BundleResult:
    """What :func:`build_bundle` wrote: path, SHA-256 of the file, protection, per-dataset counts."""

    path: Path
    sha256: str
    encryption: str  # none | password | recipient
    records: Mapping[str, int]
    redactions: Mapping[str, int]
    total_records: int
    found: bool
    manifest: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "sha256": self.sha256,
            "encryption": self.encryption,
            "found": self.found,
            "total_records": self.total_records,
            "records": dict(self.records),
            "redactions": dict(self.redactions),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per dataset: dataset, records, redactions."""
        return pd.DataFrame(
            [{"dataset": k, "records": v, "redactions": self.redactions.get(k, 0)} for k, v in self.records.items()],
            columns=["dataset", "records", "redactions"],
        )


@dataclass(frozen=True)
class BundleVerification:
    """Outcome of :func:`verify_bundle`. ``problems``: ``(file, reason)`` pairs; empty when ``ok``."""

    ok: bool
    encryption: str
    files_checked: int
    problems: tuple[tuple[str, str], ...]
    manifest: Mapping[str, Any] = field(default_factory=dict)
    #: True: the manifest's MAC was checked with the estate key; None: not checked (no key given)
    authenticated: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "encryption": self.encryption,
            "files_checked": self.files_checked,
            "problems": [list(p) for p in self.problems],
            "authenticated": self.authenticated,
        }

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.problems), columns=["file", "problem"])


# ---------------------------------------------------------------------------------- redaction


def _text_columns(match: DatasetMatch, ds: Any | None) -> list[str]:
    """Free-text columns of a match: declared ``free_text`` plus undeclared multi-word text columns."""
    rows = match.rows
    declared = list((getattr(ds, "extra", None) or {}).get("free_text", []) or []) if ds is not None else []
    columns = dict(getattr(ds, "columns", {}) or {}) if ds is not None else {}
    key = getattr(ds, "subject_key", None) if ds is not None else None
    out = [c for c in declared if c in rows.columns]
    for col in rows.columns:
        if col in out or col == key or columns.get(col) or column_kind(col, None, match.rows[col].dropna().head(200)):
            continue
        s = rows[col]
        if not (pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype)):
            continue
        words = s.dropna().astype(str).str.split().str.len()
        if len(words) and int(words.max()) >= 4:
            out.append(col)
    return out


def _own(subject: Any, entity: str, text: str) -> bool:
    """Is the span ``text`` one of the subject's own identifiers?"""
    kind = kind_of(entity)
    if kind is not None and kind != "name":
        mine = {k for v in subject.ids(kind) for k in normalize(kind, v)}
        return bool(normalize(kind, text) & mine)
    if entity == "PERSON":
        words = {w.casefold() for n in subject.ids("names") for w in re.findall(r"\w+", n)}
        span_words = [w.casefold() for w in re.findall(r"\w+", text)]
        return bool(span_words) and all(w in words for w in span_words)
    return False


def _phone_spans(text: str) -> list[Any]:
    """Phone numbers in ``text`` found by libphonenumber, which Presidio's context scoring can miss."""
    if not text or sum(ch.isdigit() for ch in text) < 7:
        return []
    import phonenumbers

    from .detect.text import Span

    # international format (+CC...) is signal enough; national formats must be valid numbers
    return [
        Span("PHONE_NUMBER", m.start, m.end, 1.0, "libphonenumber")
        for m in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.POSSIBLE)
        if m.raw_string.startswith("+") or phonenumbers.is_valid_number(m.number)
    ]


#: Words for the people around a requester; a capitalised name right after "my <word>" (or our/his/
#: her/their) is a third person even when NER does not know the name (uncommon or foreign names).
RELATION_WORDS = (
    "mother", "father", "mom", "mum", "dad", "parent", "parents", "son", "daughter", "child", "kid", "baby",
    "wife", "husband", "spouse", "partner", "fiance", "fiancé", "fiancee", "fiancée", "girlfriend", "boyfriend",
    "brother", "sister", "sibling", "cousin", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather",
    "grandma", "grandpa", "grandson", "granddaughter", "stepson", "stepdaughter", "stepmother", "stepfather",
    "friend", "colleague", "coworker", "co-worker", "boss", "manager", "assistant", "employee", "neighbour",
    "neighbor", "flatmate", "roommate", "housemate", "landlord", "landlady", "tenant", "lawyer", "doctor",
    "carer", "caregiver", "nanny", "teacher", "student", "client", "customer", "guest", "relative", "in-law",
)  # fmt: skip
_RELATION_RE = re.compile(
    r"(?i:\b(?:my|our|his|her|their)\s+(?:" + "|".join(re.escape(w) for w in RELATION_WORDS) + r")(?:'s|’s)?)"
    r",?\s+(?:(?i:named|called)\s+)?(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3})"
)


def _relation_spans(text: str) -> list[Any]:
    """Names introduced by a relation word (``my colleague Ann Lee``), as PERSON spans."""
    from .detect.text import Span

    spans = []
    for m in _RELATION_RE.finditer(text or ""):
        start, end = m.start("name"), m.start("name")
        for word in re.finditer(r"\S+", m.group("name")):
            token = word.group().rstrip(".,;:!?")
            if not token or not token[0].isupper() or token in {"I", "I'm", "I’m"}:
                break
            end = m.start("name") + word.start() + len(token)
            if token != word.group():  # punctuation ends the name ("... Aldescu. Regards")
                break
        if end > start:
            spans.append(Span("PERSON", start, end, 0.9, "relation"))
    return spans


def redact_rows(rows: pd.DataFrame, columns: list[str], subject: Any) -> tuple[pd.DataFrame, dict[str, int]]:
    """Replace other people's PII in ``columns`` of ``rows`` with ``[REDACTED <ENTITY>]``.

    Spans come from Presidio (:func:`privacy_audit.detect.text.analyze_texts`) plus valid phone
    numbers found by libphonenumber and names introduced by a relation word (``my daughter Ann``,
    which NER misses for names it does not know); spans that are the
    subject's own email, phone, IP or name (or part of it) are kept. Returns the redacted copy and
    the number of redactions per entity.
    """
    counts: dict[str, int] = {}
    if rows.empty or not columns:
        return rows, counts
    from .detect.text import analyze_texts

    out = rows.copy()
    for col in columns:
        values = out[col].tolist()
        texts = [v if isinstance(v, str) else "" for v in values]
        found_all = analyze_texts(texts, entities=list(REDACT_ENTITIES))
        spans = [found + _phone_spans(text) + _relation_spans(text) for text, found in zip(texts, found_all, strict=True)]
        new = []
        for value, text, found in zip(values, texts, spans, strict=True):
            if not found:
                new.append(value)
                continue
            pieces, pos = [], 0
            for sp in sorted(found, key=lambda s: (s.start, -s.end)):
                if sp.start < pos or _own(subject, sp.entity, text[sp.start : sp.end]):
                    continue
                pieces.append(text[pos : sp.start])
                pieces.append(f"[REDACTED {sp.entity}]")
                counts[sp.entity] = counts.get(sp.entity, 0) + 1
                pos = sp.end
            pieces.append(text[pos:])
            new.append("".join(pieces))
        out[col] = pd.Series(new, index=out.index, dtype=object)
    return out, counts


# ------------------------------------------------------------------------------- zip content


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def _records(rows: pd.DataFrame) -> list[dict[str, Any]]:
    if rows.empty:
        return []
    return json.loads(rows.to_json(orient="records", date_format="iso", date_unit="s", force_ascii=False))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-][0-9 .,()/-]*")


def neutralise_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, prefixed with ``'`` (CSV injection).

    Cells starting with ``= + - @``, a tab or a carriage return are formulas to Excel, LibreOffice
    and Google Sheets (``=HYPERLINK(...)``, ``=cmd|...``). Numbers written with a sign (``-12.5``,
    ``+1 415 555 0100``) cannot call anything and are kept as they are.
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def _csv_bytes(rows: pd.DataFrame) -> bytes:
    safe = rows.copy()
    for col in safe.columns:
        if pd.api.types.is_object_dtype(safe[col].dtype) or pd.api.types.is_string_dtype(safe[col].dtype):
            safe[col] = safe[col].map(neutralise_cell, na_action="ignore")
    safe.columns = [neutralise_cell(str(c)) for c in safe.columns]
    return safe.to_csv(index=False, lineterminator="\n").encode("utf-8")


_RESERVED = {"manifest", "index", "registers"}


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._-")[:80] or "dataset"


def _member_bases(matches: Any) -> list[str]:
    """One member base name per match: sanitised, never a reserved name, never the same twice.

    ``events`` and ``events!`` both sanitise to ``events``; the second becomes ``events-2``. Names
    are compared case-insensitively (a zip unpacked on macOS or Windows must not merge them either).
    """
    used: set[str] = set()
    out = []
    for match in matches:
        base = _safe_name(match.name)
        prefix = "registers/" if match.kind == "register" else ""
        if not prefix and base.casefold() in _RESERVED:
            base = f"{base}-dataset"
        candidate, n = base, 1
        while (prefix + candidate).casefold() in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add((prefix + candidate).casefold())
        out.append(prefix + candidate)
    return out


def _zip(files: Mapping[str, bytes]) -> bytes:
    """A deterministic zip: sorted entries, fixed timestamps, permissions and compression."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, files[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


def _iso(ts: _dt.datetime) -> str:
    return ts.astimezone(_dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _dataset_info(ds: Any | None) -> dict[str, Any]:
    if ds is None:
        return {}
    loc = dict(ds.location or {})
    return {
        "description": ds.description,
        "purposes": list(ds.purposes),
        "legal_basis": ds.legal_basis,
        "retention_days": ds.retention_days,
        "shared_with": list(ds.shared_with),
        "location": {k: loc[k] for k in sorted(loc)},
        "source": ds.source,
        "zone": ds.zone,
    }


def bundle_bytes(
    datamap: Any,
    subject_data: SubjectData,
    *,
    generated_at: _dt.datetime | None = None,
    redact: bool = True,
    audit_head: Mapping[str, Any] | None = None,
    mac_key: bytes | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """The plain (unencrypted) bundle zip and its manifest, built in memory; nothing is written.

    ``audit_head`` (:func:`privacy_audit.auditlog.head` before this export) goes into the manifest
    as ``audit_log``; with ``mac_key`` (the estate's audit-log key) the zip also holds
    ``manifest.mac``, an HMAC of the manifest's exact bytes that only the estate's key can make.
    """
    from .report.bundle import data_table, render_bundle_index

    subject = subject_data.subject
    generated = _iso(generated_at or _dt.datetime.now(_dt.UTC))
    by_name = {d.name: d for d in datamap.datasets}
    files: dict[str, bytes] = {}
    entries: list[dict[str, Any]] = []
    tables: dict[str, dict[str, Any]] = {}
    matches = (*subject_data.datasets, *subject_data.registers)
    for match, base in zip(matches, _member_bases(matches), strict=True):
        ds = by_name.get(match.name) if match.kind != "register" else None
        names: list[str] = []
        red_counts: dict[str, int] = {}
        if match.kind == "log":
            names.append(f"{base}.log.txt")
            files[names[-1]] = "".join(line.rstrip("\r\n") + "\n" for line in match.log_lines).encode("utf-8")
            tables[f"{match.kind}:{match.name}"] = data_table(lines=[line.rstrip("\r\n") for line in match.log_lines])
        else:
            rows = match.rows
            if redact and match.kind == "dataset":
                rows, red_counts = redact_rows(rows, _text_columns(match, ds), subject)
            names += [f"{base}.json", f"{base}.csv"]
            records = _records(rows)
            tables[f"{match.kind}:{match.name}"] = data_table(records)
            files[names[0]] = _json_bytes(records)
            files[names[1]] = _csv_bytes(rows)
        entry = {
            "name": match.name,
            "kind": match.kind,
            "zone": match.zone,
            "records": match.records,
            "files": names,
            "sha256": {n: _sha256(files[n]) for n in names},
            "redactions": sum(red_counts.values()),
            "redactions_by_entity": dict(sorted(red_counts.items())),
            "matched_by": list(match.matched_by),
        }
        entry.update(_dataset_info(ds))
        entries.append(entry)
    reg = {m.name: m for m in subject_data.registers}
    restricted = bool(reg.get("restrictions") and reg["restrictions"].records)
    held = bool(reg.get("legal_holds") and reg["legal_holds"].records)
    notes = []
    if subject_data.empty:
        notes.append("No data about this person was found in any mapped dataset: this bundle is empty.")
    if restricted:
        notes.append("Processing of this person's data is restricted (see registers/restrictions).")
    if held:
        notes.append("Some of this person's data is under a legal hold (see registers/legal_holds).")
    for name, err in subject_data.errors:
        notes.append(f"Dataset {name} could not be read: {err}")
    manifest = {
        "format": FORMAT,
        "version": 1,
        "generated_at": generated,
        "organization": datamap.organization,
        "contacts": {party: dict(fields) for party, fields in getattr(datamap, "contacts", {}).items()},
        "subject": {
            "kinds": list(subject.kinds_used),
            "found": subject.found,
            "ref": subject.ref,
            "records": subject_data.total_records,
            "empty": subject_data.empty,
        },
        "datamap": {"file": Path(datamap.path).name, "sha256": datamap.sha256},
        "datasets": entries,
        "restricted": restricted,
        "legal_hold": held,
        "notes": notes,
    }
    if audit_head is not None:
        manifest["audit_log"] = {"entries": audit_head.get("entries"), "head": audit_head.get("head")}
    files["index.html"] = render_bundle_index(manifest, tables).encode("utf-8")
    manifest["files"] = {n: _sha256(b) for n, b in sorted(files.items())}
    files["manifest.json"] = _json_bytes(manifest)
    if mac_key is not None:
        files[MANIFEST_MAC] = _json_bytes({"alg": "HMAC-SHA256", "key": "estate audit-log key",
                                           "mac": manifest_mac(files["manifest.json"], mac_key)})
    return _zip(files), manifest


MANIFEST_MAC = "manifest.mac"
_MANIFEST_DOMAIN = b"privacy-audit bundle manifest v1\n"


def manifest_mac(manifest_bytes: bytes, key: bytes) -> str:
    """HMAC-SHA256 (hex) of a bundle's ``manifest.json`` bytes under the estate's audit-log key."""
    return hmac.new(bytes(key), _MANIFEST_DOMAIN + manifest_bytes, hashlib.sha256).hexdigest()


# --------------------------------------------------------------------------------- encryption


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text).encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise BundleError(f"bundle header: {what} is not base64") from None


def _password_bytes(password: str | bytes, *, new: bool = False) -> bytes:
    pw = password.encode("utf-8") if isinstance(password, str) else bytes(password)
    pw = pw.rstrip(b"\r\n")
    if not pw:
        raise InputError("the bundle password is empty")
    if new and len(pw.decode("utf-8", "replace")) < MIN_PASSWORD_LENGTH:
        raise InputError(f"the bundle password is too short: use at least {MIN_PASSWORD_LENGTH} characters")
    return pw


def check_new_password(password: str | bytes) -> None:
    """InputError unless ``password`` may encrypt a new bundle (not empty, long enough)."""
    _password_bytes(password, new=True)


def _check_scrypt(n: int, r: int, p: int) -> None:
    """BundleError unless the scrypt parameters of a header are sane and affordable."""
    if not (2 <= n and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise BundleError("encrypted bundle header has out-of-range scrypt parameters")
    if 128 * n * r > _SCRYPT_MAX_MEMORY or n * r * p > _SCRYPT_MAX_WORK:
        raise BundleError("encrypted bundle header asks for more scrypt memory or work than allowed (refused)")


def _scrypt(password: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(password)


def _key_check(check_key: bytes) -> str:
    return _b64(hmac.new(check_key, _CHECK_MSG, hashlib.sha256).digest()[:16])


def _seal(header: dict[str, Any], okm: bytes, plaintext: bytes, nonce: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = {**header, "cipher": "AES-256-GCM", "nonce": _b64(nonce), "key_check": _key_check(okm[32:])}
    head = BUNDLE_MAGIC + json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii") + b"\n"
    return head + AESGCM(okm[:32]).encrypt(nonce, plaintext, head)


def encrypt_with_password(data: bytes, password: str | bytes) -> bytes:
    """Encrypt ``data`` with a password: scrypt (n=2^17, r=8, p=1, random salt) -> AES-256-GCM.

    The password must have at least :data:`MIN_PASSWORD_LENGTH` characters (InputError otherwise).
    """
    import os

    salt, nonce = os.urandom(16), os.urandom(12)
    okm = _scrypt(_password_bytes(password, new=True), salt, **_SCRYPT)
    return _seal({"mode": "password", "kdf": "scrypt", **_SCRYPT, "salt": _b64(salt)}, okm, data, nonce)


def _raw_key_text(raw: bytes) -> bytes | None:
    """32 key bytes from hex text, base64 text, or the raw bytes themselves; ``None`` otherwise."""
    text = raw.strip()
    if len(text) == 64 and all(c in b"0123456789abcdefABCDEF" for c in text):
        return bytes.fromhex(text.decode("ascii"))
    try:
        dec = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        dec = b""
    if len(dec) == 32:
        return dec
    return raw if len(raw) == 32 else None


def _read_key_source(source: Any, what: str) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    p = Path(str(source))
    if p.is_file():
        try:
            return p.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read {what} {p}: {exc.strerror}") from None
    return str(source).encode("utf-8")


def load_recipient_key(source: Any):
    """An X25519 public key from a PEM file/bytes, raw 32 bytes, or base64/hex text (file or value)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    if isinstance(source, X25519PublicKey):
        return source
    raw = _read_key_source(source, "recipient key")
    if b"-----BEGIN" in raw:
        try:
            key = serialization.load_pem_public_key(raw)
        except ValueError:
            raise ConfigError("the recipient key is not a valid PEM public key") from None
        if not isinstance(key, X25519PublicKey):
            raise ConfigError("the recipient key is not an X25519 public key")
        return key
    b = _raw_key_text(raw)
    if b is None:
        raise ConfigError("the recipient key is neither PEM nor a raw 32-byte X25519 key (base64/hex)")
    return X25519PublicKey.from_public_bytes(b)


def load_identity_key(source: Any):
    """An X25519 private key (the recipient's identity) from PEM, raw 32 bytes, or base64/hex text."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    if isinstance(source, X25519PrivateKey):
        return source
    raw = _read_key_source(source, "identity key")
    if b"-----BEGIN" in raw:
        try:
            key = serialization.load_pem_private_key(raw, password=None)
        except (ValueError, TypeError):
            raise BundleError("the identity key is not a valid unencrypted PEM private key") from None
        if not isinstance(key, X25519PrivateKey):
            raise BundleError("the identity key is not an X25519 private key")
        return key
    b = _raw_key_text(raw)
    if b is None:
        raise BundleError("the identity key is neither PEM nor a raw 32-byte X25519 key (base64/hex)")
    return X25519PrivateKey.from_private_bytes(b)


def _hkdf(shared: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=64, salt=salt, info=_HKDF_INFO).derive(shared)


def _raw_public(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def encrypt_for_recipient(data: bytes, recipient: Any) -> bytes:
    """Encrypt ``data`` for an X25519 public key: ephemeral ECDH + HKDF-SHA256 -> AES-256-GCM."""
    import os

    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    pub = load_recipient_key(recipient)
    eph = X25519PrivateKey.generate()
    epk, rpk = _raw_public(eph.public_key()), _raw_public(pub)
    try:
        shared = eph.exchange(pub)
    except ValueError:  # an all-zero or other low-order point: no shared secret
        raise ConfigError("the recipient key is not a usable X25519 public key") from None
    okm = _hkdf(shared, epk + rpk)
    header = {"mode": "recipient", "kex": "X25519", "kdf": "HKDF-SHA256", "epk": _b64(epk), "recipient": _b64(rpk)}
    return _seal(header, okm, data, os.urandom(12))


class _Tampered(Exception):
    pass


def _parse_header(blob: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    if not blob.startswith(BUNDLE_MAGIC):
        raise BundleError("not an encrypted privacy-audit bundle")
    end = blob.find(b"\n", len(BUNDLE_MAGIC), len(BUNDLE_MAGIC) + _MAX_HEADER)
    if end < 0:
        raise BundleError("encrypted bundle is truncated or its header is too long")
    head = blob[: end + 1]
    try:  # the header is authenticated (as AES-GCM associated data) once the key is known
        header = json.loads(blob[len(BUNDLE_MAGIC) : end].decode("ascii"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BundleError("encrypted bundle header is unreadable (corrupted)") from None
    if not isinstance(header, dict):
        raise BundleError("encrypted bundle header is unreadable (corrupted)")
    return header, head, blob[end + 1 :]


def decrypt_bundle(blob: bytes, *, password: str | bytes | None = None, identity: Any = None) -> bytes:
    """Decrypt an encrypted bundle to its zip bytes.

    Raises :class:`BundleError` for an unreadable header or a wrong password/identity (reason
    ``bundle``), and :class:`BundleError` with reason ``tampered`` when the key is right but the
    ciphertext or header was changed.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, head, body = _parse_header(blob)
    mode = header.get("mode")
    try:
        if mode == "password":
            if password is None:
                raise BundleError("this bundle is password-protected: give the password")
            n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
            _check_scrypt(n, r, p)
            okm = _scrypt(_password_bytes(password), _unb64(header["salt"], "salt"), n, r, p)
            wrong = "wrong password (or a corrupted header)"
        elif mode == "recipient":
            if identity is None:
                raise BundleError("this bundle is encrypted for a recipient key: give --identity")
            priv = load_identity_key(identity)
            epk = _unb64(header["epk"], "epk")
            rpk = _raw_public(priv.public_key())
            if _unb64(header.get("recipient", ""), "recipient") != rpk:
                raise BundleError("this bundle was encrypted for another recipient key")
            from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

            okm = _hkdf(priv.exchange(X25519PublicKey.from_public_bytes(epk)), epk + rpk)
            wrong = "wrong identity key (or a corrupted header)"
        else:
            raise BundleError("encrypted bundle header names no known protection mode")
        nonce = _unb64(header["nonce"], "nonce")
        check = str(header.get("key_check", ""))
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, PrivacyAuditError):
            raise
        raise BundleError("encrypted bundle header is incomplete or malformed") from None
    if not hmac.compare_digest(_key_check(okm[32:]), check):
        raise BundleError(wrong)
    try:
        return AESGCM(okm[:32]).decrypt(nonce, body, head)
    except (InvalidTag, ValueError):
        raise BundleError(
            "encrypted payload fails authentication: the bundle was changed or corrupted", reason="tampered"
        ) from None


# -------------------------------------------------------------------------------------- build


def build_bundle(
    datamap: Any,
    subject_data: SubjectData,
    out_path: str | Path,
    *,
    password: str | bytes | None = None,
    recipient: Any = None,
    generated_at: _dt.datetime | None = None,
    audit: bool = True,
    vault_key: bytes | None = None,
) -> BundleResult:
    """Build the subject-access bundle for ``subject_data`` and write it atomically to ``out_path``.

    With ``password`` (scrypt -> AES-256-GCM) or ``recipient`` (an X25519 public key: object, PEM,
    raw bytes, base64/hex text or a file holding one) the whole zip is encrypted; not both. The
    export is appended to the data map's audit log (``audit=False`` skips it, e.g. for previews).
    The manifest carries the log's head before the export and, when the estate has a vault key
    (``vault_key`` or the data map's), a ``manifest.mac`` under the estate's audit-log key.
    """
    from . import sources

    if password is not None and recipient is not None:
        raise InputError("give either a password or a recipient key, not both")
    out_path = Path(out_path)
    if out_path.is_dir():
        raise InputError(f"{out_path}: is a folder; give the bundle's file name")
    if not out_path.parent.exists():
        raise InputError(f"{out_path.parent}: no such folder")
    if password is not None:
        check_new_password(password)
    if audit:  # an export that could not be logged is not written
        from .auditlog import check_appendable

        check_appendable(datamap.audit_log_path)
    mac_key = audit_key_for_datamap(datamap, key=vault_key)
    head = auditlog.head(datamap.audit_log_path)
    data, manifest = bundle_bytes(datamap, subject_data, generated_at=generated_at, audit_head=head, mac_key=mac_key)
    if password is not None:
        data, mode = encrypt_with_password(data, password), "password"
    elif recipient is not None:
        data, mode = encrypt_for_recipient(data, recipient), "recipient"
    else:
        mode = "none"
    sources.atomic_write_bytes(out_path, data)
    digest = _sha256(data)
    records = {e["name"]: e["records"] for e in manifest["datasets"]}
    redactions = {e["name"]: e["redactions"] for e in manifest["datasets"]}
    if audit:
        auditlog.append(
            datamap.audit_log_path,
            "export",
            subject_ref=subject_data.subject.ref,
            details={
                "datasets": records,
                "records": subject_data.total_records,
                "bundle_sha256": digest,
                "encryption": mode,
                "kinds": list(subject_data.subject.kinds_used),
                "found": subject_data.subject.found,
            },
            outcome="ok",
            key=mac_key,
        )
    logger.info("export %s: %d records, bundle %s", subject_data.subject.ref, subject_data.total_records, digest[:12])
    return BundleResult(
        path=out_path,
        sha256=digest,
        encryption=mode,
        records=records,
        redactions=redactions,
        total_records=subject_data.total_records,
        found=subject_data.subject.found,
        manifest=manifest,
    )


# ------------------------------------------------------------------------------------- verify


def verify_bundle(
    path: str | Path, *, password: str | bytes | None = None, identity: Any = None, key: bytes | None = None
) -> BundleVerification:
    """Check every file of a bundle against its manifest (decrypting first when encrypted).

    With ``key`` (the estate's audit-log key) the manifest must carry a valid ``manifest.mac``,
    checked before the manifest is parsed: a manifest rewritten and re-hashed by someone without
    the key fails. Without it only the hashes are checked (``authenticated`` is None).

    Returns ``ok=False`` with the problems (tampered payload, changed, missing or unlisted files).
    Raises :class:`BundleError` when the bundle cannot be read (missing, not a bundle, wrong password
    or identity, or encrypted and no secret given).
    """
    path = Path(path)
    mode, blob, tampered = _open_blob(path, password=password, identity=identity)
    if tampered is not None:
        return tampered
    return _verify_zip(blob, path, mode, key)[0]


def _open_blob(
    path: Path, *, password: str | bytes | None, identity: Any
) -> tuple[str, bytes, BundleVerification | None]:
    """Read a bundle file and decrypt it: (protection mode, zip bytes, a failed verification or None)."""
    try:
        if path.stat().st_size > MAX_TOTAL_BYTES:
            raise BundleError(f"{path}: refused: larger than {MAX_TOTAL_BYTES} bytes")
        blob = path.read_bytes()
    except FileNotFoundError:
        raise BundleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BundleError(f"{path}: is a folder, not a bundle file") from None
    except OSError as exc:
        raise BundleError(f"{path}: cannot read ({exc.strerror})") from None
    mode = "none"
    if blob.startswith(BUNDLE_MAGIC):
        header, _, _ = _parse_header(blob)
        mode = str(header.get("mode", "unknown"))
        try:
            blob = decrypt_bundle(blob, password=password, identity=identity)
        except BundleError as exc:
            if exc.reason == "tampered":
                return mode, b"", BundleVerification(False, mode, 0, (("<encrypted payload>", str(exc)),))
            raise
    return mode, blob, None


def _verify_zip(
    blob: bytes, path: Path, mode: str, key: bytes | None, *, extract: Path | None = None
) -> tuple[BundleVerification, list[str]]:
    """Check a bundle's zip bytes against its manifest; with ``extract``, write its members there when intact.

    Returns the verification and the member names written (none unless it is ok).
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise BundleError(f"{path}: not a bundle (neither an encrypted bundle nor a zip)") from None
    problems: list[tuple[str, str]] = []
    with zf:
        _check_zip_limits(zf, path)
        names = set(zf.namelist())
        if "manifest.json" not in names:
            raise BundleError(f"{path}: not a bundle (no manifest.json)")
        authenticated = None
        try:
            manifest_raw = _read_member(zf, "manifest.json", MAX_MANIFEST_BYTES)
            if key is not None:
                authenticated = _manifest_authentic(zf, names, manifest_raw, key)
                if not authenticated:
                    return BundleVerification(False, mode, 0, (("manifest.json", "its MAC does not match the "
                                              "estate key (rewritten, or not made by this estate)"),), {}, False), []  # fmt: skip
            manifest = json.loads(manifest_raw.decode("utf-8"))
            listed = _listed_files(manifest)
        except (KeyError, TypeError, ValueError, UnicodeDecodeError, RecursionError, zipfile.BadZipFile):
            return BundleVerification(False, mode, 0, (("manifest.json", "unreadable or incomplete manifest"),)), []
        except Exception as exc:  # zlib/CRC errors from a damaged archive
            return BundleVerification(False, mode, 0, (("manifest.json", f"unreadable: {type(exc).__name__}"),)), []
        # per-dataset hashes must agree with the file table
        datasets = manifest.get("datasets", [])
        for entry in datasets if isinstance(datasets, list) else [None]:
            hashes = entry.get("sha256", {}) if isinstance(entry, dict) else None
            if not isinstance(hashes, dict):
                problems.append(("manifest.json", "a dataset entry of the manifest is malformed"))
                continue
            for fname, digest in hashes.items():
                if listed.get(fname) != digest:
                    problems.append((fname, "dataset hash in the manifest disagrees with the file table"))
        checked = 0
        for fname in sorted(listed):
            if fname not in names:
                problems.append((fname, "missing from the bundle"))
                continue
            try:
                digest = _member_sha256(zf, fname)
            except Exception as exc:  # CRC mismatch / damaged member
                problems.append((fname, f"unreadable ({type(exc).__name__})"))
                continue
            checked += 1
            if not hmac.compare_digest(digest, str(listed[fname])):
                problems.append((fname, "sha256 does not match the manifest (changed)"))
        for extra in sorted(names - set(listed) - {"manifest.json", MANIFEST_MAC}):
            problems.append((extra, "not listed in the manifest (added)"))
        result = BundleVerification(not problems, mode, checked, tuple(problems), manifest, authenticated)
        written: list[str] = []
        if extract is not None and result.ok:
            for name in sorted(names):
                target = _member_target(extract, name, path)
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(name) as src, open(target, "xb") as dst:
                    while chunk := src.read(1024 * 1024):
                        dst.write(chunk)
                written.append(name)
    return result, written


def _member_target(folder: Path, name: str, path: Path) -> Path:
    """Where member ``name`` goes inside ``folder``; BundleError for a name that would leave it."""
    parts = name.split("/")
    if (not name or name.startswith("/") or "\\" in name or any(p in ("", ".", "..") for p in parts)
            or any(not ch.isprintable() for ch in name) or ":" in name):
        raise BundleError(f"{path}: refused: a member name is not a plain relative file name")
    return folder.joinpath(*parts)


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle checked and unpacked by :func:`open_bundle`: the folder, its files and the check."""

    folder: Path
    files: tuple[str, ...]
    verification: BundleVerification

    @property
    def index(self) -> Path:
        """The page to open first (``index.html``)."""
        return self.folder / "index.html"

    def to_dict(self) -> dict[str, Any]:
        return {"folder": str(self.folder), "files": list(self.files), "index": str(self.index),
                "verification": self.verification.to_dict()}  # fmt: skip

    def to_frame(self) -> pd.DataFrame:
        """One row per file written."""
        return pd.DataFrame({"file": list(self.files)}, columns=["file"])


def open_bundle(
    path: str | Path,
    out_dir: str | Path,
    *,
    password: str | bytes | None = None,
    identity: Any = None,
    key: bytes | None = None,
) -> OpenedBundle:
    """Authenticate a bundle, check every file against its manifest, then unpack it into ``out_dir``.

    All or nothing: the files are written to a hidden folder beside ``out_dir`` and renamed into
    place only when every one is written; a bundle that fails its check (changed, missing or added
    file, tampered ciphertext) is refused with :class:`BundleError` (reason ``tampered``) and nothing
    is left. ``out_dir`` must not exist or be an empty folder (an existing folder with files in it is
    refused: nothing is overwritten). The hostile-file limits of :func:`verify_bundle` apply.
    """
    import os
    import shutil
    import tempfile

    path, out = Path(path), Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        raise InputError(f"{out}: the folder is not empty; give a new or empty folder (nothing is overwritten)")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent}: no such folder")
    mode, blob, tampered = _open_blob(path, password=password, identity=identity)
    if tampered is not None:
        raise BundleError(f"{path}: {tampered.problems[0][1]}; nothing was unpacked", reason="tampered")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    except OSError as exc:
        raise InputError(f"{out.parent}: cannot create a folder there ({exc.strerror})") from None
    try:
        result, written = _verify_zip(blob, path, mode, key, extract=tmp)
        if not result.ok:
            what = "; ".join(f"{_printable(f)}: {why}" for f, why in result.problems[:3])
            raise BundleError(f"{path}: fails its check, nothing was unpacked ({what})", reason="tampered")
        os.chmod(tmp, 0o700)
        if out.is_dir():
            out.rmdir()  # empty (checked above); a file put there meanwhile makes rmdir fail: refused
        os.rename(tmp, out)
    except OSError as exc:
        raise InputError(f"{out}: cannot unpack there ({exc.strerror})") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    logger.info("bundle opened into %s: %d files", out, len(written))
    return OpenedBundle(out, tuple(written), result)


def _printable(text: str) -> str:
    """A member name with control characters escaped, for messages."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(text))


def _manifest_authentic(zf: zipfile.ZipFile, names: set[str], manifest_raw: bytes, key: bytes) -> bool:
    if MANIFEST_MAC not in names:
        return False
    try:
        doc = json.loads(_read_member(zf, MANIFEST_MAC, 4096).decode("utf-8"))
        mac = str(doc["mac"])
    except (KeyError, TypeError, ValueError, UnicodeDecodeError, RecursionError):
        return False
    return hmac.compare_digest(mac, manifest_mac(manifest_raw, key))


#: Limits on a bundle read by :func:`verify_bundle`, checked on the zip's directory before any
#: member is decompressed, and again while reading (a member cannot inflate past its declared size).
MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


def _check_zip_limits(zf: zipfile.ZipFile, path: Path) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BundleError(f"{path}: refused: the zip holds {len(infos)} members (at most {MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise BundleError(f"{path}: refused: the zip would expand to {total} bytes (at most {MAX_TOTAL_BYTES})")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BundleError(f"{path}: refused: a zip member expands more than {MAX_RATIO} times (a zip bomb?)")
    if len({i.filename for i in infos}) != len(infos):
        raise BundleError(f"{path}: refused: the zip holds two members with the same name")


def _read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise ValueError("member too large")
    with zf.open(info) as fh:  # zipfile stops at the declared size and checks the CRC
        return fh.read(limit + 1)[:limit]


def _member_sha256(zf: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with zf.open(name) as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _listed_files(manifest: Any) -> dict[str, str]:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise ValueError("no file table")
    listed = manifest["files"]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in listed.items()):
        raise ValueError("file table")
    return dict(listed)
