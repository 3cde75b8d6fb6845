"""Find one data subject across the mapped estate: resolve an identifier, then collect their rows.

Two steps, both exact and explainable:

1. :func:`resolve_subject` turns an identifier a person gives (``email``, ``phone``, ``token``,
   ``name`` -- ``"Full Name|YYYY-MM-DD"`` or the name alone -- or ``ip``) into a :class:`Subject`.
   It builds an identity index from the vault (``Vault.open(...).to_frame()``) and every
   identified-zone dataset with a ``subject_key``, plus the server logs (token cookie -> IPs and
   other cookie values seen with it). The subject's keys (``user_token``), identifiers (emails,
   phones, names, IPs, push tokens, dates of birth), cookie values and pseudonyms used elsewhere
   (keyed HMAC pseudonyms when a dataset declares ``pseudonym: {kind: hmac}``; unkeyed sha256 /
   sha1 / md5 hashes of their email or phone, the way ``analytics/sessions.user_hash`` is made)
   come with it. An identifier shared by two subjects (a family phone line, a common name) raises
   :class:`~privacy_audit.errors.AmbiguousSubjectError` with masked candidates; an unknown one
   gives ``Subject(found=False)``, an empty but valid search.
2. :func:`find_subject_data` reads each dataset of the data map (and the registers keyed by the
   subject key) and returns the subject's rows with the reason each matched (``matched_by``):
   ``subject_key:<col>``, ``pseudonym:<how>``, ``column:<col>`` (an identifier column equal to one
   of theirs), ``text:<col>`` (one of their identifiers inside free text), and for server logs
   ``log:token`` (their token in the cookie), ``log:cookie`` (a cookie value seen with their token)
   and ``log:ip`` (their sign-up IP or an IP seen with their token).

Attribution rules (why the export never holds another person's rows): only identifiers that belong
to this subject alone are used to find rows (a shared phone, name, IP or cookie value is never
evidence); a row whose subject key names someone else, or a log line whose token cookie is someone
else's, is never attributed to this subject, even when it mentions one of their identifiers --
such rows are listed in ``DatasetMatch.mention_row_ids`` (for redaction by the erasure feature) but
not in ``row_ids``.

Row ids are 0-based positions in the dataset as read (CSV/Parquet via
:func:`privacy_audit.sources.read_table`, logs via :func:`~privacy_audit.sources.read_log`, vault
datasets via :meth:`Vault.to_frame`, SQL via ``sources.read_dataset``), so erasure can act on them.
The per-frame matchers :func:`match_frame` and :func:`match_log_frame` are pure and chunk-safe
(``offset`` shifts row ids), for engines that process a dataset in partitions.

:attr:`Subject.ref` is an opaque reference for logs and reports: an HMAC-SHA256 of the subject id
under the estate's reference key (:func:`privacy_audit.vault.reference_key`, derived from the vault's
frozen pseudonym key, so rotation does not change it), or a plain SHA-256 when there is no key. It is
never a raw identifier.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as _dt
import hashlib
import hmac
import ipaddress
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import identifiers as idm
from .entities import entity_for_kind
from .errors import AmbiguousSubjectError, ConfigError, IndexIntegrityError, InputError, SubjectError
from .masking import mask
from .vault import Vault, key_for_datamap, pseudonym, pseudonym_key, reference_key

__all__ = [
    "SUBJECT_KINDS",
    "Subject",
    "DatasetMatch",
    "SubjectData",
    "FrameMatch",
    "FrameLayout",
    "INDEX_COLUMNS",
    "frame_layout",
    "wanted_keys",
    "text_needles",
    "identity_kinds",
    "identity_rows",
    "identity_regions",
    "identity_cell",
    "log_identity_rows",
    "cookie_pairs",
    "register_search_index",
    "dataset_match",
    "search_registers",
    "open_search_index",
    "close_search_index",
    "search_index_session",
    "parse_subject_arg",
    "resolve_subject",
    "resolve_subjects",
    "find_subject_data",
    "match_frame",
    "match_log_frame",
    "subject_ref",
    "read_estate_frame",
    "dataset_format",
    "vault_key_of",
    "register_key",
]

logger = logging.getLogger(__name__)

SUBJECT_KINDS = ("email", "phone", "token", "name", "ip")
_KIND_ALIASES = {
    "email": "email", "e-mail": "email", "mail": "email",
    "phone": "phone", "tel": "phone", "mobile": "phone",
    "token": "token", "user_token": "token", "id": "token", "user": "token",
    "name": "name",
    "ip": "ip", "ip_address": "ip",
}  # fmt: skip


# ------------------------------------------------------------------------------------ models


@dataclass(frozen=True)
class Subject:
    """A resolved data subject (or an unknown one: ``found=False``).

    ``identifiers`` maps ``emails, phones, names, tokens, ips, device_ids, dates_of_birth, cookies,
    pseudonyms`` to the values held for the subject (raw: keep it in memory, never persist it).
    ``exclusive`` holds the same kinds restricted to values no other known subject shares: only
    these are used to find rows. ``pseudonym_sources`` says how each pseudonym was made.
    ``token_cookies`` names the log cookies that carry a subject token (names, not values).
    """

    subject_id: str | None
    found: bool
    kinds_used: tuple[str, ...]
    identifiers: Mapping[str, frozenset[str]]
    ref: str
    exclusive: Mapping[str, frozenset[str]] = field(default_factory=dict)
    pseudonym_sources: Mapping[str, str] = field(default_factory=dict)
    token_cookies: frozenset[str] = frozenset()

    def ids(self, kind: str, *, exclusive: bool = False) -> frozenset[str]:
        """The subject's values of one kind (``"emails"`` or ``"email"``)."""
        key = idm.plural(kind)
        src = self.exclusive if exclusive else self.identifiers
        return src.get(key, frozenset())

    @property
    def keys(self) -> frozenset[str]:
        """Values that tie a row to the subject through a key column: tokens and pseudonyms."""
        return self.ids("tokens") | self.ids("pseudonyms")

    def to_dict(self) -> dict[str, Any]:
        """Plain data with every identifier masked (safe to log or show)."""
        return {
            "ref": self.ref,
            "found": self.found,
            "kinds_used": list(self.kinds_used),
            "identifiers": {
                k: sorted(mask(v, entity_for_kind(idm.singular(k))) for v in vals)
                for k, vals in sorted(self.identifiers.items())
            },
        }

    def __repr__(self) -> str:  # never shows raw identifiers
        counts = {k: len(v) for k, v in sorted(self.identifiers.items()) if v}
        return f"Subject(ref={self.ref!r}, found={self.found}, kinds_used={self.kinds_used}, identifiers={counts})"


@dataclass(frozen=True, eq=False)
class DatasetMatch:
    """The subject's rows in one dataset (or log lines, or register rows).

    ``row_ids`` are positions in the dataset as read; ``row_reasons`` gives, per row, the reasons it
    matched (``;``-joined); ``matched_by`` the distinct reasons; ``log_lines`` the raw lines of a log
    dataset; ``mention_row_ids`` rows of *other* subjects that mention one of this subject's
    identifiers (not theirs to export, but relevant to erasure); ``kind`` is dataset | log | register.
    """

    name: str
    zone: str
    rows: pd.DataFrame
    row_ids: tuple[int, ...]
    matched_by: tuple[str, ...]
    log_lines: tuple[str, ...] = ()
    row_reasons: tuple[str, ...] = ()
    mention_row_ids: tuple[int, ...] = ()
    kind: str = "dataset"

    @property
    def records(self) -> int:
        """Rows (or log lines) held for the subject."""
        return len(self.row_ids)


@dataclass(frozen=True, eq=False)
class SubjectData:
    """Everything found for one subject: per dataset (and per register) matches."""

    subject: Subject
    datasets: tuple[DatasetMatch, ...]
    registers: tuple[DatasetMatch, ...] = ()
    errors: tuple[tuple[str, str], ...] = ()
    #: how the rows were found: ``index`` (only the rows the subject index points to were read),
    #: ``full`` (every dataset read) or ``partial`` (the index was stale for some datasets)
    search: str = "full"
    notes: tuple[str, ...] = ()

    @property
    def total_records(self) -> int:
        return sum(m.records for m in self.datasets)

    @property
    def empty(self) -> bool:
        return self.total_records == 0

    def dataset(self, name: str) -> DatasetMatch | None:
        """The match for dataset ``name`` (``None`` when the data map has no such dataset)."""
        return next((m for m in (*self.datasets, *self.registers) if m.name == name), None)

    def to_frame(self) -> pd.DataFrame:
        """One row per dataset/register: name, kind, zone, records, matched_by (counts, no values)."""
        rows = [
            {"dataset": m.name, "kind": m.kind, "zone": m.zone, "records": m.records, "matched_by": ";".join(m.matched_by)}
            for m in (*self.datasets, *self.registers)
        ]
        return pd.DataFrame(rows, columns=["dataset", "kind", "zone", "records", "matched_by"])

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject.to_dict(),
            "total_records": self.total_records,
            "datasets": self.to_frame().to_dict(orient="records"),
            "errors": [list(e) for e in self.errors],
            "search": self.search,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class FrameMatch:
    """Result of matching one frame (or chunk): row ids, their reasons, and mentions of the subject."""

    row_ids: tuple[int, ...]
    row_reasons: tuple[str, ...]
    mention_row_ids: tuple[int, ...] = ()

    @property
    def matched_by(self) -> tuple[str, ...]:
        return tuple(sorted({r for rs in self.row_reasons for r in rs.split(";") if r}))


# ---------------------------------------------------------------------------- normalization


def _norm_keys(kind: str, raw: str, region: str | None = None) -> frozenset[str]:
    """Comparison keys of an identifier (:func:`identifiers.normalize`); cookies compare as written."""
    if kind == "cookie":
        return frozenset({raw})
    return idm.normalize(kind, raw, region=region) or frozenset({raw})


def parse_subject_arg(arg: str) -> tuple[str, str]:
    """Parse ``KIND=VALUE`` (as given to ``--subject``); InputError when malformed."""
    kind, sep, value = str(arg).partition("=")
    kind = _KIND_ALIASES.get(kind.strip().lower(), "")
    if not sep or not kind or not value.strip():
        raise InputError(
            f"bad --subject {mask(arg)!r}: expected KIND=VALUE with KIND one of {', '.join(SUBJECT_KINDS)}"
        )
    value = value.strip()
    why = _shape_problem(kind, value)
    if why:  # a mistyped identifier would otherwise just be "not found" (and "nothing to erase")
        raise InputError(f"bad --subject {kind}={mask(value, entity_for_kind(kind))!r}: {why}")
    return kind, value


def _shape_problem(kind: str, value: str) -> str | None:
    """Why ``value`` cannot be an identifier of ``kind`` (None when it can)."""
    if kind == "email":
        local, at, domain = value.rpartition("@")
        if not at or not local or not domain:
            return "not an e-mail address"
    elif kind == "phone":
        if sum(c.isdigit() for c in value) < 5:
            return "a phone number needs at least 5 digits"
    elif kind == "ip":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return "not an IPv4 or IPv6 address"
    elif kind == "name" and "|" in value:
        dob = value.partition("|")[2].strip()
        if not any(_valid_date(dob, f) for f in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y")):
            return "the date of birth after '|' is not a valid date (YYYY-MM-DD)"
    return None


def _valid_date(text: str, fmt: str) -> bool:
    try:
        _dt.datetime.strptime(text, fmt)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------------- reading


def dataset_format(ds: Any) -> str:
    """The format of a data map dataset (its ``format:``, else by file suffix for vaults and logs)."""
    fmt = (ds.format or "").lower()
    if not fmt and ds.path is not None:
        fmt = {".vault": "vault", ".log": "log"}.get(Path(ds.path).suffix.lower(), "")
    return fmt


def read_estate_frame(datamap: Any, ds: Any, *, vault_key: bytes | None = None) -> pd.DataFrame:
    """Read one data map dataset as a DataFrame (positions = row ids). Vault datasets need the key."""
    from . import sources

    return sources.read_dataset(ds, vault_key=vault_key)


def _read_register(reg: Any) -> pd.DataFrame:
    from . import sources

    fmt = {"tsv": "csv", "json": "jsonl", None: None, "": None}.get(reg.format, reg.format)
    return sources.read_table(reg.path, format=fmt)


def vault_key_of(datamap: Any, vault_key: bytes | None) -> bytes | None:
    """The vault key given, else loaded from the data map's ``vault.key_file`` / ``vault.key_env``."""
    if vault_key is not None:
        return vault_key
    vcfg = dict(getattr(datamap, "vault", None) or {})
    if not vcfg.get("path") and not any(dataset_format(d) == "vault" for d in datamap.datasets):
        return None
    return key_for_datamap(datamap, required=True)


def _is_stringy(s: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype)


def _str(s: pd.Series) -> pd.Series:
    return s.astype("string")


# ------------------------------------------------------------------------- identity index


def _identifier_columns(frame: pd.DataFrame, key_col: str, columns: Mapping[str, str | None]) -> dict[str, str]:
    """Column -> identifier kind for an identity frame: by entity or header (:func:`identifiers.column_kind`),
    plus id-like columns whose values each belong to one subject (device and push tokens): ``device_id``."""
    kinds: dict[str, str] = {}
    for c in frame.columns:
        if c == key_col:
            continue
        kind = idm.column_kind(c, columns.get(c), frame[c].dropna().head(500), keys=_is_stringy(frame[c]))
        if kind == "device_id":  # an opaque key identifies its holder only when no two subjects share a value
            pairs = frame[[key_col, c]].dropna()
            per_value = pairs.groupby(c)[key_col].nunique()
            if not (len(per_value) and (per_value == 1).all() and pairs[c].astype(str).str.len().min() >= 8):
                kind = None
        if kind:
            kinds[c] = kind
    return kinds


def identity_kinds(frame: pd.DataFrame, key_col: str, columns: Mapping[str, str | None]) -> dict[str, str]:
    """Column -> identifier kind of a whole identity table (what subject resolution reads in it)."""
    return _identifier_columns(frame, key_col, columns) if key_col in frame.columns else {}


def identity_rows(
    frame: pd.DataFrame,
    key_col: str,
    columns: Mapping[str, str | None],
    source: str,
    region: str | None = None,
    kinds: Mapping[str, str] | None = None,
    with_pos: bool = False,
) -> list[tuple]:
    """(subject_id, kind, key, raw, source) for every identifier cell of an identity frame (``kinds``:
    the whole table's :func:`identity_kinds` when ``frame`` holds only some of its rows;
    ``with_pos``: each tuple ends with the row's position in ``frame``)."""
    out: list[tuple] = []
    if key_col not in frame.columns:
        return out
    kinds = dict(kinds) if kinds is not None else _identifier_columns(frame, key_col, columns)
    ids = frame[key_col].tolist()
    regions = identity_regions(frame, region)
    cells = {col: frame[col].tolist() for col in kinds}
    for pos in range(len(frame)):
        sid = idm.cell_text(ids[pos])
        if sid is None:
            continue
        out.append((sid, "token", sid, sid, source, pos) if with_pos else (sid, "token", sid, sid, source))
        for col, kind in kinds.items():
            raw_s, keys = identity_cell(kind, cells[col][pos], regions[pos])
            for key in keys:
                out.append((sid, kind, key, raw_s, source, pos) if with_pos else (sid, kind, key, raw_s, source))
    return out


def identity_regions(frame: pd.DataFrame, region: str | None) -> list[str | None]:
    """The phone region of each row of an identity frame: its two-letter ``country`` (or ``country_code``)
    cell, upper-cased, else ``region``."""
    region_col = next((c for c in ("country", "country_code") if c in frame.columns), None)
    if region_col is None:
        return [region] * len(frame)
    return [str(r).upper() if isinstance(r, str) and len(r) == 2 else region for r in frame[region_col].tolist()]


def identity_cell(kind: str, raw: Any, region: str | None) -> tuple[str | None, frozenset[str]]:
    """``(text, keys)`` of one identifier cell of an identity frame as subject resolution reads it
    (``(None, frozenset())`` for an empty cell)."""
    raw_s = raw.isoformat()[:10] if kind == "dob" and hasattr(raw, "isoformat") else idm.cell_text(raw)
    if raw_s is None:
        return None, frozenset()
    return raw_s, idm.normalize(kind, raw_s, region=region)


def _cookie_pairs(cookie: Any) -> list[tuple[str, str]]:
    if not isinstance(cookie, str) or not cookie or cookie == "-":
        return []
    pairs = []
    for part in cookie.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and value:
            pairs.append((name.strip(), value.strip()))
    return pairs


def _build_index(datamap: Any, key: bytes | None) -> tuple[pd.DataFrame, set[str]]:
    """The identity index (one row per subject identifier) and the names of token-carrying cookies."""
    rows: list[tuple] = []
    vcfg = dict(getattr(datamap, "vault", None) or {})
    vault_ds = [d for d in datamap.datasets if dataset_format(d) == "vault"]
    vault_path = datamap.resolve(vcfg["path"]) if vcfg.get("path") else None
    if vault_path is not None and not any(Path(d.path) == vault_path for d in vault_ds) and key is not None:
        frame = Vault.open(vault_path, key).to_frame()
        rows += identity_rows(frame, "record_id", {}, "vault", datamap.phone_region)
    for ds in datamap.datasets:
        fmt = dataset_format(ds)
        if ds.zone != "identified" or not ds.subject_key or fmt == "log":
            continue
        if fmt == "vault" and key is None:
            continue
        frame = read_estate_frame(datamap, ds, vault_key=key)
        rows += identity_rows(frame, ds.subject_key, ds.columns, ds.name, datamap.phone_region)
    index = pd.DataFrame(rows, columns=list(INDEX_COLUMNS))
    tokens = set(index.loc[index["kind"] == "token", "subject_id"])
    # server logs: cookies that carry a known subject token tie the line's IP and other cookies to them
    cookie_names: set[str] = set()
    log_rows: list[tuple] = []
    for ds in datamap.datasets:
        if dataset_format(ds) != "log":
            continue
        log = read_estate_frame(datamap, ds)
        declared = (ds.extra or {}).get("subject_cookie")
        if declared:
            cookie_names.add(str(declared))
        found, names = log_identity_rows(log, tokens, ds.name)
        log_rows += found
        cookie_names |= names
    if log_rows:
        index = pd.concat([index, pd.DataFrame(log_rows, columns=index.columns)], ignore_index=True)
    return index.drop_duplicates(ignore_index=True), cookie_names


#: the columns of the identity index subject resolution works on
INDEX_COLUMNS = ("subject_id", "kind", "key", "raw", "source")


def log_identity_rows(log: pd.DataFrame, tokens: Any, source: str) -> tuple[list[tuple], set[str]]:
    """Identity rows from server log lines: the IP and other cookies of a line whose cookies carry
    exactly one known subject token (``tokens``: anything answering ``in``), and the names of the
    cookies that carry tokens."""
    out: list[tuple] = []
    names: set[str] = set()
    if "cookie" not in log.columns:
        return out, names
    for ip, cookie in zip(log["ip"], log["cookie"], strict=False):
        pairs = _cookie_pairs(cookie)
        owners = {v for _, v in pairs if v in tokens}
        names |= {n for n, v in pairs if v in tokens}
        if len(owners) != 1:
            continue
        sid = next(iter(owners))
        if isinstance(ip, str) and ip not in {"", "-"}:
            for k in idm.normalize("ip", ip):
                out.append((sid, "ip", k, ip, source))
        for name, value in pairs:
            if value not in tokens:
                out.append((sid, "cookie", f"{name}={value}", f"{name}={value}", source))
    return out, names


def cookie_pairs(cookie: Any) -> list[tuple[str, str]]:
    """``(name, value)`` of each cookie in a log line's cookie field."""
    return _cookie_pairs(cookie)


def _query_keys(pairs: Iterable[tuple[str, str]], region: str | None) -> set[tuple[str, str]]:
    """The (kind, key) pairs whose identity rows settle who ``pairs`` name."""
    out: set[tuple[str, str]] = set()
    for kind, value in pairs:
        if kind == "name" and "|" in value:
            name, _, dob = value.partition("|")
            out |= {("name", k) for k in idm.normalize("name", name)}
            out |= {("dob", k) for k in idm.normalize("dob", dob.strip())}
        else:
            out |= {(kind, k) for k in idm.normalize(kind, value, region=region)}
    return out


def _candidates(index: pd.DataFrame, kind: str, value: str, region: str | None = None) -> set[str]:
    if kind == "name" and "|" in value:
        name, _, dob = value.partition("|")
        by_name = _candidates(index, "name", name)
        dob_keys = idm.normalize("dob", dob.strip())
        if not dob_keys:
            raise InputError("bad name subject: expected 'Full Name|YYYY-MM-DD'")
        dob_hits = set(index.loc[(index["kind"] == "dob") & index["key"].isin(dob_keys), "subject_id"])
        return by_name & dob_hits
    keys = idm.normalize(kind, value, region=region)
    if not keys:
        return set()
    return set(index.loc[(index["kind"] == kind) & index["key"].isin(keys), "subject_id"])


def _describe(index: pd.DataFrame, sid: str) -> str:
    """A masked description of one candidate (for ambiguity errors)."""
    sub = index[index["subject_id"] == sid]
    parts = []
    for kind in ("name", "email", "phone"):
        vals = sorted(set(sub.loc[sub["kind"] == kind, "raw"]))
        if vals:
            parts.append(f"{kind} {mask(vals[0], entity_for_kind(kind))}")
    return ", ".join(parts) or "a subject with no identifiers on record"


def _vault_file(datamap: Any) -> Path | None:
    """The data map's vault file (``vault.path``), if it names one."""
    vpath = (getattr(datamap, "vault", None) or {}).get("path")
    return datamap.resolve(vpath) if vpath else None


def subject_ref(subject_id: str, vault_key: bytes | None = None, *, vault: Any = None) -> str:
    """Opaque reference for logs: HMAC-SHA256 of ``subject_id`` under the estate's reference key.

    The key is :func:`privacy_audit.vault.reference_key` of ``vault_key`` and ``vault`` (the vault
    object or file whose frozen pseudonym key it derives from), so a subject's reference does not
    change when the vault key is rotated. Without a key, a token is hashed (SHA-256), but a basis
    built from identifier values (``kind:value``, an unknown subject's e-mail) gets a random
    reference: an unkeyed hash of an e-mail address is reversed by hashing candidate addresses.
    """
    rk = reference_key(vault_key, vault if vault is None or isinstance(vault, Vault) or Path(vault).is_file()
                       else None) if vault_key is not None else None  # fmt: skip
    data = subject_id.encode("utf-8")
    if rk is None and ":" in subject_id:
        return "sref_" + secrets.token_hex(16)
    digest = hmac.new(rk, data, hashlib.sha256).hexdigest() if rk else hashlib.sha256(data).hexdigest()
    return "sref_" + digest[:32]


def _pseudonyms(datamap: Any, identifiers: Mapping[str, set[str]], key: bytes | None) -> dict[str, str]:
    """The subject's pseudonyms (stored form -> how it was made): every unkeyed form of their exclusive
    e-mails and phones (:func:`identifiers.pseudonym_forms`, the same forms the separation audit
    recognises) and the keyed HMAC pseudonyms of the datasets that declare ``pseudonym: {kind: hmac}``."""
    forms = idm.pseudonym_forms(identifiers, region=datamap.phone_region)
    out = {text: form.label for text, form in forms.items()}
    hmac_ds = [d for d in datamap.datasets if str((d.pseudonym or {}).get("kind", "")).lower() == "hmac"]
    if hmac_ds and key is not None:
        pkey = pseudonym_key(key, _vault_file(datamap))  # the same after a rotation
        for ds in hmac_ds:
            prefix = str((ds.pseudonym or {}).get("prefix", "p_"))
            of = (ds.pseudonym or {}).get("of")
            kinds = [str(of)] if of else ["email", "phone", "token", "name"]
            for kind in kinds:
                kind = _KIND_ALIASES.get(kind, idm.column_kind(kind) or kind)
                for raw in sorted(identifiers.get(kind, ())):
                    out.setdefault(pseudonym(raw, pkey, prefix=prefix, derived=True), f"hmac({kind})")
    return out


def resolve_subjects(
    datamap: Any, pairs: Iterable[tuple[str, str]], *, vault_key: bytes | None = None, use_index: bool = True
) -> Subject:
    """Resolve a subject from one or more ``(kind, value)`` identifiers that must all point at them.

    Each identifier narrows the candidates (so ``phone`` + ``email`` settles a shared phone line).
    Raises :class:`AmbiguousSubjectError` when more than one subject remains, :class:`SubjectError`
    when the identifiers point at different subjects; gives ``found=False`` when none is known.
    With a current subject index (:mod:`privacy_audit.subject_index`; ``use_index=False`` forces a
    full pass) only the rows holding the subject's identifiers are read; when a part of the index
    fails its check on the way, the subject is resolved again by a full pass.
    """
    pairs = list(pairs)
    try:
        return _resolve(datamap, pairs, vault_key, use_index)
    except IndexIntegrityError:  # logged where it was found; the index is not trusted again
        return _resolve(datamap, pairs, vault_key, False)


def _resolve(datamap: Any, pairs: list[tuple[str, str]], vault_key: bytes | None, use_index: bool) -> Subject:
    pairs = [(_KIND_ALIASES.get(str(k).strip().lower(), ""), str(v).strip()) for k, v in pairs]
    if not pairs:
        raise InputError("give at least one subject identifier (KIND=VALUE)")
    for kind, value in pairs:
        if kind not in SUBJECT_KINDS or not value:
            raise InputError(f"unknown subject kind or empty value (kinds: {', '.join(SUBJECT_KINDS)})")
    key = vault_key_of(datamap, vault_key)
    view = open_search_index(datamap, key) if use_index else None
    if view is not None and view.identity_current:
        lookup, cookie_names = view.identity_index, set(view.cookie_names)
    else:
        full, cookie_names = _build_index(datamap, key)

        def lookup(_keys: Any) -> pd.DataFrame:
            return full

    kinds_used = tuple(dict.fromkeys(k for k, _ in pairs))
    index = lookup(_query_keys(pairs, datamap.phone_region))
    sets = [_candidates(index, k, v, datamap.phone_region) for k, v in pairs]
    nonempty = [s for s in sets if s]
    if not nonempty:
        tokens = {v for k, v in pairs if k == "token"}
        sid = sorted(tokens)[0] if len(tokens) == 1 else None
        ident = {"tokens": frozenset(tokens)} if tokens else {}
        ref_basis = sid or "|".join(f"{k}:{sorted(idm.normalize(k, v) or {v})[0]}" for k, v in pairs)
        return Subject(
            subject_id=sid,
            found=False,
            kinds_used=kinds_used,
            identifiers=ident,
            ref=subject_ref(ref_basis, key, vault=_vault_file(datamap)),
            exclusive=dict(ident),
        )
    common = set.intersection(*sets)
    if len(nonempty) < len(sets) or not common:
        raise SubjectError("the identifiers given do not all belong to one data subject; nothing exported")
    if len(common) > 1:
        index = lookup({("token", sid) for sid in common})
        desc = tuple(f"candidate {i}: {_describe(index, sid)}" for i, sid in enumerate(sorted(common), 1))
        what = " + ".join(f"{k} {mask(v.split('|')[0], entity_for_kind(k))}" for k, v in pairs)
        raise AmbiguousSubjectError(
            f"{what} matches {len(common)} data subjects ({'; '.join(desc)}); "
            "add another identifier (e.g. email, or name|date of birth)",
            candidates=desc,
        )
    sid = next(iter(common))
    index = lookup({("token", sid)})
    mine = index[index["subject_id"] == sid]
    index = lookup(set(zip(mine["kind"], mine["key"], strict=True)) | {("token", sid)})
    # a key held by another subject too is shared: never used to find rows
    owners = index.groupby(["kind", "key"])["subject_id"].nunique()
    identifiers: dict[str, set[str]] = {}
    exclusive: dict[str, set[str]] = {}
    for kind, key_, raw in zip(mine["kind"], mine["key"], mine["raw"], strict=True):
        identifiers.setdefault(kind, set()).add(raw)
        if owners.get((kind, key_), 0) == 1:
            exclusive.setdefault(kind, set()).add(raw)
    # a raw value is exclusive only when none of its keys is shared
    for kind, raws in list(exclusive.items()):
        exclusive[kind] = {
            r for r in raws if all(owners.get((kind, k), 0) <= 1 for k in _norm_keys(kind, r, datamap.phone_region))
        }
    pseudo = _pseudonyms(datamap, exclusive, key)
    plural = {idm.plural(k): frozenset(v) for k, v in identifiers.items()}
    plural_ex = {idm.plural(k): frozenset(v) for k, v in exclusive.items()}
    plural["pseudonyms"] = frozenset(pseudo)
    plural_ex["pseudonyms"] = frozenset(pseudo)
    return Subject(
        subject_id=sid,
        found=True,
        kinds_used=kinds_used,
        identifiers=plural,
        ref=subject_ref(sid, key, vault=_vault_file(datamap)),
        exclusive=plural_ex,
        pseudonym_sources=pseudo,
        token_cookies=frozenset(cookie_names),
    )


def resolve_subject(datamap: Any, kind: str, value: str, *, vault_key: bytes | None = None) -> Subject:
    """Resolve the data subject an identifier names (see the module docstring).

    ``kind``: email | phone | token | name (``"Full Name|YYYY-MM-DD"`` or the name alone) | ip.
    ``vault_key``: the vault master key; by default loaded from the data map's ``vault.key_file``
    or ``vault.key_env``.
    """
    return resolve_subjects(datamap, [(kind, value)], vault_key=vault_key)


# ------------------------------------------------------------------------------- matching


def _phones_in(text: str, regions: tuple[str | None, ...]) -> set[str]:
    """Keys of the phone numbers written in ``text``, each read in every one of ``regions``."""
    keys: set[str] = set()
    for m in idm.phone_candidates(text):
        for region in regions:
            keys |= idm.phone_keys(m.group(0), region)
    return keys


def _text_patterns(subject: Subject) -> tuple[list[str], list[re.Pattern]]:
    emails, full = text_needles(subject)
    names = [re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, n.split())) + r"(?!\w)", re.IGNORECASE) for n in full]
    return emails, names


#: kinds compared column by column (exact keys); names are compared inside text as well
_COLUMN_KINDS = ("email", "phone", "ip", "device_id", "national_id", "username", "name")


@dataclass(frozen=True)
class FrameLayout:
    """How :func:`match_frame` reads a table's columns: identifier columns (column -> kind) and the
    free-text columns searched for mentions. Computed once on the whole table (:func:`frame_layout`),
    so matching a few of its rows gives the same answer as matching all of them."""

    id_cols: Mapping[str, str]
    text_cols: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id_cols": dict(self.id_cols), "text_cols": list(self.text_cols)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FrameLayout:
        return cls(dict(data.get("id_cols") or {}), tuple(data.get("text_cols") or ()))


def frame_layout(
    df: pd.DataFrame, *, subject_key: str | None = None, columns: Mapping[str, str | None] | None = None
) -> FrameLayout:
    """The :class:`FrameLayout` of a whole table (its string columns; kinds from the first 500 values)."""
    columns = columns or {}
    id_cols: dict[str, str] = {}
    text: list[str] = []
    for c in df.columns:
        if c == subject_key or not _is_stringy(df[c]):
            continue
        kind = idm.column_kind(c, columns.get(c), df[c].dropna().head(500), keys=True)
        if kind:
            id_cols[c] = kind
        else:
            text.append(c)
    return FrameLayout(id_cols, tuple(text))


def wanted_keys(subject: Subject, region: str | None = None) -> dict[str, frozenset[str]]:
    """Per identifier kind, the keys an identifier column must hold to be the subject's (exclusive
    identifiers read in every region of their phones and ``region``; device ids include tokens)."""
    regions = tuple(dict.fromkeys((*idm.phone_regions(subject.ids("phones", exclusive=True)), region)))
    out: dict[str, frozenset[str]] = {}
    for kind in _COLUMN_KINDS:
        values = subject.ids(kind, exclusive=True)
        if kind == "device_id":
            values = values | subject.ids("tokens")
        keys: set[str] = set()
        for v in values:
            for r in regions:
                keys |= _norm_keys(kind, v, r)
        if keys:
            out[kind] = frozenset(keys)
    return out


def text_needles(subject: Subject) -> tuple[list[str], list[str]]:
    """What :func:`match_frame` looks for inside free text: the subject's exclusive e-mails (canonical)
    and full names (two words or more, as written)."""
    emails = sorted({idm.canonical("email", e) for e in subject.ids("emails", exclusive=True)} - {None})
    return emails, [n for n in sorted(subject.ids("names", exclusive=True)) if len(n.split()) >= 2]


def match_frame(
    df: pd.DataFrame,
    subject: Subject,
    *,
    subject_key: str | None = None,
    columns: Mapping[str, str | None] | None = None,
    offset: int = 0,
    region: str | None = None,
    layout: FrameLayout | None = None,
) -> FrameMatch:
    """Match the subject's rows in one frame (or chunk; ``offset`` = position of its first row).

    A row is the subject's when its ``subject_key`` value is one of their tokens or pseudonyms (in any
    form :func:`identifiers.pseudonym_forms` knows), or -- when the key is empty or the frame has none --
    when an identifier column equals one of their exclusive identifiers, an id-like column holds one of
    their tokens or device ids, or a text column contains one. Rows keyed to someone else that mention
    the subject go to ``mention_row_ids``. ``region``: where national phone numbers were recorded.
    ``layout``: the whole table's :class:`FrameLayout` when ``df`` holds only some of its rows.
    """
    columns = columns or {}
    n = len(df)
    reasons: list[list[str]] = [[] for _ in range(n)]
    owned_by_other = pd.Series(False, index=df.index)
    tokens, pseudos = subject.ids("tokens"), subject.ids("pseudonyms")
    if subject_key and subject_key in df.columns:
        raw_keys = idm.cell_texts(df[subject_key])
        keyvals = raw_keys.map(lambda v: idm.lookup_key(v) if isinstance(v, str) else None)
        hit_tok = raw_keys.isin(tokens).to_numpy()
        hit_ps = keyvals.isin(pseudos).to_numpy() & ~hit_tok
        for i in hit_tok.nonzero()[0]:
            reasons[i].append(f"subject_key:{subject_key}")
        for i in hit_ps.nonzero()[0]:
            reasons[i].append(f"pseudonym:{subject.pseudonym_sources.get(str(keyvals.iat[i]), 'hash')}")
        owned_by_other = pd.Series(raw_keys.notna().to_numpy() & ~hit_tok & ~hit_ps, index=df.index)
    other = owned_by_other.to_numpy()

    layout = layout or frame_layout(df, subject_key=subject_key, columns=columns)
    id_cols = {c: k for c, k in layout.id_cols.items() if c in df.columns}
    regions = tuple(dict.fromkeys((*idm.phone_regions(subject.ids("phones", exclusive=True)), region)))
    wanted = wanted_keys(subject, region)
    mentions: set[int] = set()
    for col, kind in id_cols.items():
        wanted_k = wanted.get(kind)
        if not wanted_k:
            continue
        texts = idm.cell_texts(df[col])
        hits = [
            i for i, v in enumerate(texts)
            if v is not None and any(idm.normalize(kind, v, region=r) & wanted_k for r in regions)
        ]  # fmt: skip
        for i in hits:
            (mentions.add(i) if other[i] else reasons[i].append(f"column:{col}"))

    emails, name_res = _text_patterns(subject)
    phone_keys = wanted.get("phone", frozenset())
    last4 = {re.sub(r"\D", "", k)[-4:] for k in phone_keys}
    for col in layout.text_cols:
        if col not in df.columns:
            continue
        s = _str(df[col])
        folded = s.str.casefold()
        cand = pd.Series(False, index=df.index)
        for e in emails:
            cand |= folded.str.contains(e, regex=False, na=False)
        for rx in name_res:
            cand |= s.str.contains(rx, na=False)
        for d4 in last4:
            cand |= s.str.replace(r"\D", "", regex=True).str.contains(d4, regex=False, na=False)
        for i in cand.to_numpy().nonzero()[0]:
            text = s.iat[i]
            low = text.casefold()
            hit = any(e in low for e in emails) or any(rx.search(text) for rx in name_res)
            if not hit and phone_keys:
                hit = bool(_phones_in(text, regions) & phone_keys)
            if hit:
                (mentions.add(i) if other[i] else reasons[i].append(f"text:{col}"))

    ids = [i for i in range(n) if reasons[i]]
    return FrameMatch(
        row_ids=tuple(offset + i for i in ids),
        row_reasons=tuple(";".join(dict.fromkeys(reasons[i])) for i in ids),
        mention_row_ids=tuple(offset + i for i in sorted(mentions) if not reasons[i]),
    )


def match_log_frame(df: pd.DataFrame, subject: Subject, *, offset: int = 0) -> FrameMatch:
    """Match the subject's server log lines (a :func:`sources.read_log` frame or chunk).

    A line is theirs when its cookie carries their token (``log:token``); or, when it carries no
    other subject's token, when a cookie equals one seen with their token (``log:cookie``) or its
    IP is their sign-up IP or one seen with their token and nobody else's (``log:ip``).
    """
    tokens = subject.ids("tokens")
    cookies = subject.ids("cookies", exclusive=True)
    ips = set().union(*(idm.normalize("ip", v) for v in subject.ids("ips", exclusive=True)))
    ids, why, mentions = [], [], []
    cookie_col = df["cookie"] if "cookie" in df.columns else pd.Series([None] * len(df))
    ip_col = df["ip"] if "ip" in df.columns else pd.Series([None] * len(df))
    for i, (ip, cookie) in enumerate(zip(ip_col, cookie_col, strict=True)):
        pairs = _cookie_pairs(cookie)
        reasons = []
        if any(v in tokens for _, v in pairs):
            reasons.append("log:token")
        else:
            foreign = any(n in subject.token_cookies for n, _ in pairs)
            own = any(f"{n}={v}" in cookies for n, v in pairs) or (
                isinstance(ip, str) and bool(idm.normalize("ip", ip) & ips)
            )
            if foreign:
                if own:
                    mentions.append(offset + i)
                continue
            if any(f"{n}={v}" in cookies for n, v in pairs):
                reasons.append("log:cookie")
            if isinstance(ip, str) and idm.normalize("ip", ip) & ips:
                reasons.append("log:ip")
        if reasons:
            ids.append(offset + i)
            why.append(";".join(reasons))
    return FrameMatch(tuple(ids), tuple(why), tuple(mentions))


_INDEX_OPENER: list[Callable[[Any, bytes | None], Any]] = []


def register_search_index(opener: Callable[[Any, bytes | None], Any] | None) -> None:
    """Install (or with ``None`` remove) the subject index the searches use: ``opener(datamap,
    vault_key)`` gives a verified index view, or ``None`` (no index, no key, not trustworthy).
    :mod:`privacy_audit.subject_index` installs itself when imported."""
    _INDEX_OPENER.clear()
    if opener is not None:
        _INDEX_OPENER.append(opener)


#: the view shared by every search of the current request: (datamap, vault key, view), see search_index_session
_SESSION: contextvars.ContextVar[tuple[Any, bytes | None, Any] | None] = contextvars.ContextVar(
    "privacy_audit_index_session", default=None
)


def _session_view(datamap: Any, vault_key: bytes | None) -> tuple[bool, Any]:
    cur = _SESSION.get()
    if cur is not None and cur[0] is datamap and cur[1] == vault_key:
        return True, cur[2]
    return False, None


def open_search_index(datamap: Any, vault_key: bytes | None) -> Any:
    """The installed subject index's view of ``datamap`` (``None`` when there is none to trust); inside
    :func:`search_index_session` for the same data map and key, the request's one shared view."""
    shared, view = _session_view(datamap, vault_key)
    if shared:
        return view
    return _INDEX_OPENER[0](datamap, vault_key) if _INDEX_OPENER else None


def close_search_index(view: Any) -> None:
    """Close a view from :func:`open_search_index`, unless it is the request's shared view (closed by
    its :func:`search_index_session`)."""
    cur = _SESSION.get()
    if view is not None and (cur is None or cur[2] is not view):
        view.close()


@contextlib.contextmanager
def search_index_session(datamap: Any, vault_key: bytes | None) -> Iterator[Any]:
    """One request: every subject search inside the block (resolution, find, linkage, erasure plan) that
    asks for the index of ``datamap`` with ``vault_key`` gets the same view, opened (verified, the vault
    read) once and closed at the end. Only for blocks that change nothing: a view says which datasets
    were current when it was opened. Nested sessions on the same estate reuse the outer one."""
    shared, view = _session_view(datamap, vault_key)
    if shared:
        yield view
        return
    view = _INDEX_OPENER[0](datamap, vault_key) if _INDEX_OPENER else None
    token = _SESSION.set((datamap, vault_key, view))
    try:
        yield view
    finally:
        _SESSION.reset(token)
        if view is not None:
            view.close()


def register_key(datamap: Any) -> str | None:
    """The column registers key their rows by: the subject key most identified datasets use."""
    keys = [d.subject_key for d in datamap.datasets if d.zone == "identified" and d.subject_key]
    return max(sorted(set(keys)), key=keys.count) if keys else None


def dataset_match(ds: Any, fmt: str, rows: pd.DataFrame, fm: FrameMatch) -> DatasetMatch:
    """The :class:`DatasetMatch` of one dataset from its matched ``rows`` and their :class:`FrameMatch`."""
    lines = tuple(str(x) for x in rows["raw"]) if fmt == "log" and "raw" in rows.columns else ()
    return DatasetMatch(name=ds.name, zone=ds.zone, rows=rows, row_ids=fm.row_ids, matched_by=fm.matched_by,
                        log_lines=lines, row_reasons=fm.row_reasons, mention_row_ids=fm.mention_row_ids,
                        kind="log" if fmt == "log" else "dataset")  # fmt: skip


def search_registers(datamap: Any, subject: Subject, errors: list[tuple[str, str]]) -> tuple[DatasetMatch, ...]:
    """The subject's rows in the data map's registers (keyed by :func:`register_key`); unreadable
    registers are appended to ``errors``."""
    has_ids = bool(subject.keys or any(subject.exclusive.values()))
    registers: list[DatasetMatch] = []
    rkey = register_key(datamap)
    for name, reg in sorted((getattr(datamap, "registers", None) or {}).items()):
        try:
            frame = _read_register(reg)
        except InputError as exc:
            errors.append((f"register:{name}", str(exc)))
            continue
        if rkey is None or rkey not in frame.columns:
            continue
        fm = match_frame(frame[[rkey]], subject, subject_key=rkey) if has_ids else FrameMatch((), ())
        rows = frame.iloc[list(fm.row_ids)].reset_index(drop=True)
        registers.append(
            DatasetMatch(name, "register", rows, fm.row_ids, fm.matched_by, (), fm.row_reasons, (), "register")
        )
    return tuple(registers)


def find_subject_data(
    datamap: Any, subject: Subject, *, engine: str = "pandas", vault_key: bytes | None = None, use_index: bool = True
) -> SubjectData:
    """Collect the subject's rows in every dataset of the data map, their log lines, and register rows.

    ``engine``: ``"pandas"`` (in memory). Other engines plug in through ``privacy_audit.engine``
    (a ``subject_search(datamap, subject, engine=, vault_key=, match_frame=, match_log_frame=)``);
    an unknown engine is a ConfigError. Vault datasets are read with ``vault_key``, by default the
    key named by the data map. With a current subject index (``use_index=False`` forces a full pass)
    only the rows it points to are read, then matched here as in a full pass; ``SubjectData.search``
    and ``notes`` say which was done.
    """
    if engine != "pandas":
        try:
            from . import engine as _engine
        except ImportError:
            _engine = None
        hook = getattr(_engine, "subject_search", None) if _engine else None
        if hook is None:
            raise ConfigError(f"engine {engine!r} is not available for subject search (use pandas)")
        return hook(
            datamap, subject, engine=engine, vault_key=vault_key, match_frame=match_frame, match_log_frame=match_log_frame
        )
    key = vault_key
    if key is None and any(dataset_format(d) == "vault" for d in datamap.datasets):
        key = vault_key_of(datamap, None)
    matches: list[DatasetMatch] = []
    errors: list[tuple[str, str]] = []
    has_ids = bool(subject.keys or any(subject.exclusive.values()))
    view = open_search_index(datamap, key) if use_index else None
    notes = list(getattr(view, "notes", ())) if view is not None else []
    if view is None and use_index:
        notes.append("no current subject index: every dataset was read (privacy-audit index build)")
    indexed = 0
    for ds in datamap.datasets:
        fmt = dataset_format(ds)
        part = view.dataset_rows(ds, subject) if view is not None and has_ids else None
        if part is not None:
            indexed += 1
            frame, positions, layout = part
            if frame.empty:
                fm = FrameMatch((), ())
            elif fmt == "log":
                fm = match_log_frame(frame, subject)
            else:
                fm = match_frame(frame, subject, subject_key=ds.subject_key, columns=ds.columns,
                                 region=datamap.phone_region, layout=layout)  # fmt: skip
            local = list(fm.row_ids)
            fm = FrameMatch(tuple(positions[i] for i in local), fm.row_reasons,
                            tuple(positions[i] for i in fm.mention_row_ids))  # fmt: skip
            rows = frame.iloc[local].reset_index(drop=True) if local else frame.iloc[0:0]
        else:
            try:
                frame = read_estate_frame(datamap, ds, vault_key=key)
            except (InputError, ConfigError) as exc:
                errors.append((ds.name, str(exc)))
                frame = pd.DataFrame()
            if not has_ids or frame.empty:
                fm = FrameMatch((), ())
            elif fmt == "log":
                fm = match_log_frame(frame, subject)
            else:
                fm = match_frame(frame, subject, subject_key=ds.subject_key, columns=ds.columns,
                                 region=datamap.phone_region)  # fmt: skip
            rows = frame.iloc[list(fm.row_ids)].reset_index(drop=True) if fm.row_ids else frame.iloc[0:0]
        matches.append(dataset_match(ds, fmt, rows, fm))
    close_search_index(view)
    registers = search_registers(datamap, subject, errors)
    search = "index" if view is not None and indexed == len(datamap.datasets) else "partial" if indexed else "full"
    if view is not None and search != "index" and has_ids:
        notes.append(f"subject index not current for {len(datamap.datasets) - indexed} dataset(s): those were read whole")
    return SubjectData(subject=subject, datasets=tuple(matches), registers=tuple(registers), errors=tuple(errors),
                       search=search, notes=tuple(notes))  # fmt: skip
