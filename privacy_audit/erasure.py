"""Erasure of one data subject across the mapped estate: plan, apply (all or nothing), verify.

* :func:`plan_erasure` searches every dataset and register of the data map for the subject's rows and
  log lines (by subject key, log cookie, identifiers and pseudonyms, and the rows that
  :func:`privacy_audit.subjects.find_subject_data` returns) and decides, row by row, what happens:
  ``delete_row`` (the subject's own rows and log lines), ``mask_columns`` (datasets that declare
  ``erasure: mask_columns``), ``crypto_shred`` (the subject's vault record), ``redact_spans`` (the
  subject's identifiers inside someone else's free text or log line), ``remove_file`` (an export or
  archive in the data map's ``exports_dir`` that no dataset maps and that holds the subject: the
  whole file goes; verification reports any copy left there) or ``keep`` with the reason: a
  legal hold from the ``legal_holds`` register, a retention duty declared on the dataset
  (``legal_retention_days: N`` with ``time_column``, or ``erasure: keep``), or a rights register that
  must keep its record (restrictions, opt-outs, consents, holds).
* :func:`apply_erasure` rewrites every affected file into a temporary file next to it, then renames
  them all under the estate lock, with a write-ahead journal (:func:`privacy_audit.changes.commit_change`);
  a failure leaves every file as it was and raises :class:`~privacy_audit.errors.ErasureError`; a
  process stopped mid-commit leaves a journal that :mod:`privacy_audit.recovery` finishes. Rows that are not changed keep their exact bytes
  (CSV, JSON Lines and logs are edited record by record; Parquet keeps its schema, types and
  compression; the vault is re-sealed by :class:`privacy_audit.vault.Vault`).
* :func:`verify_erasure` searches the whole estate again with the subject's identifiers and
  pseudonyms, the subject search, and Presidio on free text; any match outside a hold is a residue.

Cost: with a current subject index (:mod:`privacy_audit.subject_index`), the plan reads only the
rows of each CSV, log and Parquet dataset whose search units (:func:`identifiers.search_units`: the
text units an identifier can occur in, digested by the index for every cell) hold one of the
subject's probes (:meth:`Needles.probes`), the rows the subject search lists, and the first rows that
decide a table's column roles; a dataset with no such row is planned without reading its data (its
row count and file hashes come from the index). Every row the matcher can find the subject in is
among the rows read (``tests/test_search_units.py``), so the plan is the one a full pass makes
(``tests/test_subject_index.py``). Read whole, and named in :attr:`ErasurePlan.search_notes`:
datasets the index is not current for, the vault and JSON Lines, and every dataset when the subject
has an identifier without a probe (a token with no six-character word run, an IPv6 address). The
commit reads and checks every file it changes. Within a table read whole, each column is screened
in one pass (:meth:`Needles.candidates`) and only the rows it keeps, the rows the subject search
lists and the subject's own rows go through :meth:`Needles.find`. SQL tables are read sparsely by
the SQL eraser.

Identifiers shared with another subject (a family's phone, a namesake's name) are never used to
change that other subject's rows: they are reported as shared instead.

Nothing here prints or persists a raw identifier: plans and results carry counts, row numbers,
kinds and masked values; the identifiers stay in memory on the plan for verification.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, Protocol

import numpy as np
import pandas as pd

from . import identifiers as idm
from .auditlog import mask_emails
from .changes import AuditEntry, commit_change, estate_change, precheck
from .datamap import DataMap, Dataset
from .entities import entity_for_kind, kind_of, text_entities
from .errors import ConfigError, ErasureError, PrivacyAuditError
from .identifiers import column_kind
from .linkage import QuasiLink, quasi_links
from .masking import mask
from .sources import sniff_csv
from .subjects import (
    Subject,
    close_search_index,
    find_subject_data,
    open_search_index,
    register_key,
    search_index_session,
)
from .vault import Vault, key_for_datamap

__all__ = [
    "ACTIONS",
    "REDACTED",
    "KEEP_REGISTERS",
    "Needles",
    "Hit",
    "RowAction",
    "DatasetPlan",
    "ErasurePlan",
    "DatasetOutcome",
    "ErasureResult",
    "Residue",
    "DatasetCheck",
    "Verification",
    "SqlEraser",
    "register_sql_eraser",
    "sql_eraser",
    "sql_estate_table",
    "sql_changes",
    "plan_erasure",
    "apply_erasure",
    "verify_erasure",
    "record_verification",
    "load_estate_table",
    "rewrite_table",
    "vault_change_details",
    "vault_key_for",
]

logger = logging.getLogger(__name__)

ACTIONS = ("delete_row", "mask_columns", "crypto_shred", "redact_spans", "remove_file", "keep")
REDACTED = "[REDACTED]"
#: Registers whose rows about the subject are kept (the record is what lets the request be honoured).
KEEP_REGISTERS: dict[str, str] = {
    "legal_holds": "legal-hold register: the hold itself must be kept",
    "restrictions": "restriction register: kept so the restriction stays honoured",
    "opt_outs": "opt-out register: suppression record, so the subject is not contacted again",
    "consents": "consent register: proof of consent kept (GDPR Art. 7(1))",
}

# --------------------------------------------------------------------------------------------
# needles: the subject's identifiers, compiled for search


@dataclass(frozen=True)
class Hit:
    """One occurrence of an identifier of the subject: ``text[start:end]`` in ``column``."""

    column: str
    start: int
    end: int
    kind: str  # token | email | phone | name | ip
    key: str  # normalised identifier (in memory only; never persisted)


_WORD = r"A-Za-z0-9_"
_NOT_DIGIT = bytes(b for b in range(256) if not (48 <= b <= 57 or b == 0))  # bytes.translate deletes these


def _alternation(values: Iterable[str], *, flags: int = 0, left: str, right: str) -> re.Pattern | None:
    vals = sorted({v for v in values if v}, key=len, reverse=True)
    if not vals:
        return None
    return re.compile(left + "(?:" + "|".join(re.escape(v) for v in vals) + ")" + right, flags)


@dataclass(frozen=True)
class Needles:
    """A subject's identifiers grouped by how they are searched (in memory only)."""

    tokens: frozenset[str] = frozenset()  # user tokens, pseudonyms, hashes, device ids, cookie values: exact
    emails: frozenset[str] = frozenset()  # casefolded
    phones: frozenset[str] = frozenset()  # phone keys (identifiers.phone_keys: e164:..., nsn:...)
    names: frozenset[str] = frozenset()  # casefolded full names (two words or more)
    ips: frozenset[str] = frozenset()
    regions: tuple[str | None, ...] = (None,)  # where national phone numbers in text are read

    @classmethod
    def from_identifiers(cls, identifiers: Mapping[str, Iterable[str]], *, region: str | None = None) -> Needles:
        """Build needles from ``Subject.identifiers`` (emails, phones, names, tokens, ips, pseudonyms, cookies).

        Phones are read in the regions of the subject's international numbers and in ``region``
        (the data map's :attr:`~privacy_audit.datamap.DataMap.phone_region`).
        """
        get = lambda *keys: [str(v).strip() for k in keys for v in (identifiers.get(k) or ()) if v and str(v).strip()]  # noqa: E731
        tokens = set(get("tokens", "pseudonyms", "device_ids"))
        for cookie in get("cookies"):
            tokens.add(cookie.split("=", 1)[1] if "=" in cookie else cookie)
        # a raw e-mail or phone among the pseudonym forms is searched as an e-mail or phone, not as a token
        raw_forms = {v for p in get("phones") for v in idm.variants("phone", p).values()}
        tokens = {t for t in tokens if "@" not in t and t not in raw_forms}
        regions = tuple(dict.fromkeys((*idm.phone_regions(get("phones")), region)))
        phones = {k for p in get("phones") for r in regions for k in idm.phone_keys(p, r)}
        names = {idm.canonical("name", n) for n in get("names") if len(n.split()) >= 2}
        return cls(
            tokens=frozenset(t for t in tokens if len(t) >= 6),
            emails=frozenset(idm.canonical("email", e) for e in get("emails") if "@" in e),
            phones=frozenset(k for k in phones if len(re.sub(r"\D", "", k)) >= 7),
            names=frozenset(names),
            ips=frozenset(get("ips")),
            regions=regions,
        )

    def __bool__(self) -> bool:
        return bool(self.tokens or self.emails or self.phones or self.names or self.ips)

    KINDS: ClassVar[tuple[str, ...]] = ("token", "email", "phone", "name", "ip")

    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k in self.KINDS if getattr(self, k + "s"))

    # compiled patterns (cached per instance)
    def _patterns(self) -> dict[str, re.Pattern | None]:
        cache = self.__dict__.get("_compiled")
        if cache is None:
            emails = set(self.emails) | {e.replace("@", "%40") for e in self.emails}
            cache = {
                "token": _alternation(self.tokens, left=f"(?<![{_WORD}])", right=f"(?![{_WORD}])"),
                "email": _alternation(
                    emails, flags=re.IGNORECASE, left=r"(?<![\w.+%-])", right=r"(?![\w-]|\.\w)"
                ),
                "name": re.compile(
                    r"(?<!\w)(?:"
                    + "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in sorted(self.names, key=len, reverse=True))
                    + r")(?!\w)",
                    re.IGNORECASE,
                )
                if self.names
                else None,
                "ip": _alternation(self.ips, left=r"(?<![\d.])", right=r"(?!\.?\d)"),
            }
            object.__setattr__(self, "_compiled", cache)
        return cache

    def _phone_tails(self) -> tuple[str, ...]:
        """Digits that every phone-number candidate holding one of the subject's phone keys contains,
        in order (separators between them allowed): the last six digits of each key's national
        significant number (fewer when it is shorter). Like the subject index (which keys phones by
        their last six digits), this relies on :func:`identifiers.phone_keys` keeping a number's
        trailing digits: only the prefix changes between a number's written forms."""
        tails: set[str] = set()
        for k in self.phones:
            digits = re.sub(r"\D", "", k)
            if k.startswith("nsn:"):
                tails.add(digits[-6:])
                continue
            nsn = [x[4:] for x in idm.phone_keys(k[5:] if k.startswith("e164:") else k) if x.startswith("nsn:")]
            # a country code has at most three digits and a key at least seven: the last four are national
            tails |= {n[-6:] for n in nsn} if nsn else {digits[-4:]}
        return tuple(sorted(t for t in tails if t))

    def _screen(self) -> re.Pattern | None:
        """One pattern that every text holding a needle matches (a superset of :meth:`find`'s
        matches, searched in one C pass): texts it does not match hold nothing of the subject, so
        :meth:`find` returns at once without parsing phone-number candidates. Phones: the tail
        digits of a key (:meth:`_phone_tails`) with anything but digits between them, or any
        non-ASCII digit (normalised before parsing)."""
        cache = self.__dict__.get("_screened")
        if cache is None:
            parts = [f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
                     for p in self._patterns().values() if p is not None]  # fmt: skip
            if self.phones:
                parts.append(r"(?![0-9])\d")
                parts += [r"\D*".join(t) for t in self._phone_tails()]
            cache = (re.compile("|".join(parts)) if parts else None,)
            object.__setattr__(self, "_screened", cache)
        return cache[0]

    def may_hold(self, text: str | None) -> bool:
        """False when ``text`` certainly holds none of the subject's identifiers (a cheap screen)."""
        if not text or not self:
            return False
        screen = self._screen()
        return screen is not None and screen.search(text) is not None

    def probes(self) -> frozenset[str] | None:
        """The search units (:func:`identifiers.search_units`) of the subject's identifiers, one per
        identifier (:func:`identifiers.search_probes`): every text :meth:`find` matches has one of
        them. ``None`` when an identifier has none (it is searched by a full pass)."""
        cache = self.__dict__.get("_probes")
        if cache is None:
            cache = (idm.search_probes(tokens=self.tokens, emails=self.emails, phones=self.phones,
                                       names=self.names, ips=self.ips),)  # fmt: skip
            object.__setattr__(self, "_probes", cache)
        return cache[0]

    def candidates(self, values: Sequence[str | None]) -> set[int]:
        """Indices of ``values`` (one column) that may hold one of the subject's identifiers: every
        value :meth:`find` matches is among them (a superset; :meth:`find` decides). The column is
        searched as one string: literal needles (tokens, e-mails, IP addresses, the longest word of
        each name) by ``str.find`` on its lower-cased text, phones by their tail digits
        (:meth:`_phone_tails`) on its digits; values with any non-ASCII character are always kept.
        The values kept are then those whose search units hold one of :meth:`probes` (the units the
        subject index digests): a dataset where the index finds no probe has no candidate."""
        rows = self._screened_rows(values)
        probes = self.probes()
        if probes is None or not rows:
            return rows
        return {i for i in rows if not probes.isdisjoint(idm.search_units(values[i]))}

    def _screened_rows(self, values: Sequence[str | None]) -> set[int]:
        if not self:
            return set()
        folded = {*self.emails, *self.names}
        if not all(v.isascii() for v in folded):  # Unicode case folding: let find() decide every value
            return {i for i, v in enumerate(values) if v}
        index = [i for i, v in enumerate(values) if v]
        texts = [values[i] for i in index]
        if not texts:
            return set()
        low = "\x00".join(texts)
        out: set[int] = set()
        if not low.isascii() or low.count("\x00") != len(texts) - 1:  # rare: sort the values out one by one
            keep = [k for k, v in enumerate(texts) if v.isascii() and "\x00" not in v]
            out = {index[k] for k, v in enumerate(texts) if not (v.isascii() and "\x00" not in v)}
            index, texts = [index[k] for k in keep], [texts[k] for k in keep]
            if not texts:
                return out
            low = "\x00".join(texts)
        low = low.lower()

        def hits(big: str, lits: Iterable[str], lengths: Iterable[int]) -> None:
            begins = np.concatenate(([0], np.cumsum(np.fromiter(lengths, dtype=np.int64, count=len(index)) + 1)))
            for lit in lits:
                at = big.find(lit)
                while at >= 0:
                    k = int(np.searchsorted(begins, at, side="right")) - 1
                    out.add(index[k])
                    at = big.find(lit, int(begins[k + 1]))

        lits = {*self.tokens, *self.emails, *(e.replace("@", "%40") for e in self.emails), *self.ips}
        lits |= {max(n.split(), key=len) for n in self.names}
        hits(low, sorted({x.lower() for x in lits if x}), map(len, texts))
        if self.phones:
            digits = low.encode("ascii").translate(None, _NOT_DIGIT).decode("ascii")
            hits(digits, self._phone_tails(), map(len, digits.split("\x00")))
        return out

    def phone_key(self, candidate: str) -> str | None:
        """The key of the subject phone that ``candidate`` writes (:func:`identifiers.phone_keys`), else None."""
        if not self.phones:
            return None
        keys = {k for r in self.regions for k in idm.phone_keys(candidate, r)} & self.phones
        return min(keys) if keys else None

    def find(self, text: str, column: str = "") -> list[Hit]:
        """Every non-overlapping occurrence of the subject's identifiers in ``text``."""
        if not self.may_hold(text):
            return []
        found: list[Hit] = []
        for kind, pat in self._patterns().items():
            if pat is None:
                continue
            for m in pat.finditer(text):
                value = m.group(0)
                key = value
                if kind == "email":
                    key = idm.canonical("email", value.replace("%40", "@"))
                elif kind == "name":
                    key = idm.canonical("name", value)
                found.append(Hit(column, m.start(), m.end(), kind, key))
        if self.phones:
            for m in idm.phone_candidates(text):
                key = self.phone_key(m.group(0))
                if key is not None:
                    found.append(Hit(column, m.start(), m.end(), "phone", key))
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        for h in found:
            if out and h.start < out[-1].end:
                continue
            out.append(h)
        return out

    def matches_value(self, entity: str, value: str) -> str | None:
        """The key of the subject identifier a detected ``entity`` value (from Presidio) equals, or None."""
        v = value.strip()
        kind = kind_of(entity)
        if kind in ("email", "name") and idm.canonical(kind, v) in getattr(self, kind + "s"):
            return idm.canonical(kind, v)
        if kind == "phone":
            return self.phone_key(v)
        if kind == "ip" and v in self.ips:
            return v
        return None


def _identifier_columns(declared: Mapping[str, str | None]) -> dict[str, str]:
    """Declared columns whose every cell is one identifier the needles search whole (e-mail, phone, IP)."""
    return {c: e for c, e in declared.items() if kind_of(e) in Needles.KINDS and kind_of(e) not in ("name", "token")}


def identifiers_of(subject: Any) -> dict[str, frozenset[str]]:
    """The identifiers of a Subject (or a mapping of kinds to values), as frozensets of text."""
    ids = getattr(subject, "identifiers", subject)
    if not isinstance(ids, Mapping):
        raise ErasureError("the subject has no identifiers to search with")
    return {str(k): frozenset(str(v) for v in (vals or ())) for k, vals in ids.items()}


# --------------------------------------------------------------------------------------------
# reading the estate: one table per dataset or register, rows as strings, exact bytes kept


class _Fingerprints(Sequence):
    """Row fingerprints, each computed when first asked for (a plan asks for the few rows it holds)."""

    def __init__(self, n: int, fn: Any) -> None:
        self._n, self._fn, self._done = n, fn, {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        i = int(i) + (self._n if int(i) < 0 else 0)
        if not 0 <= i < self._n:
            raise IndexError(i)
        if i not in self._done:
            self._done[i] = self._fn(i)
        return self._done[i]


_arrow_cells = idm.arrow_cell_strings  # the cell texts the matcher reads (shared with the subject index)


@dataclass
class _File:
    path: Path
    data: bytes
    sha256: str


@dataclass
class EstateTable:
    """A dataset or register as erasure sees it: string cells per row and the files' exact bytes."""

    name: str
    kind: str  # dataset | register
    format: str  # csv | jsonl | parquet | log | vault
    relpath: str
    dataset: Dataset | None
    columns: list[str]
    rows: list[list[str | None]]
    fingerprints: Sequence[str]
    files: list[_File]
    row_file: list[tuple[int, int]]  # (file index, record index inside that file)
    owner_col: str | None = None
    text_columns: tuple[str, ...] = ()
    id_columns: dict[str, str] = field(default_factory=dict)  # column -> declared category
    info: dict[str, Any] = field(default_factory=dict)  # csv: encoding/delimiter; log: owner cookie
    # SQL tables are read sparsely: only candidate rows; ``positions[i]`` is the row id of ``rows[i]``
    positions: list[int] | None = None
    total: int | None = None
    _screens: dict[tuple[int, int], set[int]] = field(default_factory=dict, repr=False, compare=False)
    _screens_cols: dict[str, list[tuple[str | None, ...]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_rows(self) -> int:
        """Rows of the whole dataset (a SQL table's count, not only the rows read)."""
        return self.total if self.total is not None else len(self.rows)

    def row_id(self, i: int) -> int:
        """The dataset row id of ``rows[i]``."""
        return self.positions[i] if self.positions is not None else i

    def local_rows(self, row_ids: Iterable[int]) -> set[int]:
        """Indices into ``rows`` of the given dataset row ids (ids not read are dropped)."""
        if self.positions is None:
            return {int(r) for r in row_ids}
        where = {p: i for i, p in enumerate(self.positions)}
        return {where[int(r)] for r in row_ids if int(r) in where}

    def candidate_rows(self, needles: Needles, columns: Iterable[int]) -> set[int]:
        """Rows whose cell in one of ``columns`` (indices) may hold one of ``needles``
        (:meth:`Needles.candidates`, per column, kept for the table's life)."""
        out: set[int] = set()
        for j in columns:
            key = (id(needles), j)
            if key not in self._screens:
                if "columns" not in self._screens_cols:
                    self._screens_cols["columns"] = list(zip(*self.rows, strict=True)) if self.rows else []
                cols = self._screens_cols["columns"]
                self._screens[key] = needles.candidates(cols[j] if j < len(cols) else [])
            out |= self._screens[key]
        return out

    def owner(self, i: int) -> str | None:
        if self.format == "log":
            return self.info["owners"][i]
        if self.owner_col is None:
            return None
        v = self.rows[i][self.columns.index(self.owner_col)]
        return v if v not in (None, "") else None

    def time_values(self, column: str | None) -> list[str | None] | None:
        if column is None:
            return None
        if self.format == "log" and column == "ts":
            return self.info.get("ts")
        if column not in self.columns:
            return None
        j = self.columns.index(column)
        return [r[j] for r in self.rows]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from .sources import sniff_csv

        enc = sniff_csv(path)[0]
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            raise ErasureError(f"{path.name}: cannot decode the file as {enc}") from None


def _lines(text: str) -> list[str]:
    """Physical lines with their endings, split like ``open(newline="")`` does."""
    return list(io.StringIO(text, newline=""))


def _csv_records(text: str, delimiter: str) -> tuple[list[str], list[str], list[tuple[int, int, list[str]]]]:
    """(lines, header, records as (first line, end line, fields)); blank lines are not records."""
    lines = _lines(text)
    reader = csv.reader(iter(lines), delimiter=delimiter)
    header: list[str] | None = None
    records: list[tuple[int, int, list[str]]] = []
    prev = 0
    try:
        for fields in reader:
            end = reader.line_num
            if header is None:
                header = fields
            elif fields and any(f.strip() for f in fields) or (fields and len(fields) > 1):
                records.append((prev, end, fields))
            prev = end
    except csv.Error as exc:
        raise ErasureError(f"not a readable CSV table ({exc})") from None
    return lines, header or [], records


def _log_owner(line: str, cookie: str | None) -> tuple[str, str | None]:
    ip = line.split(" ", 1)[0]
    owner = None
    if cookie:
        m = re.search(r"(?:^|[;\s\"])" + re.escape(cookie) + r"=([^;\"\s]+)", line)
        owner = m.group(1) if m else None
    return ip, owner


_LOG_TS = re.compile(r"\[([^\]]+)\]")


def _text_columns(columns: list[str], rows: list[list[str | None]], declared: Iterable[str]) -> tuple[str, ...]:
    declared = set(declared)
    out = []
    for j, c in enumerate(columns):
        if c in declared:
            out.append(c)
            continue
        sample = [r[j] for r in rows[:2000] if r[j]]
        if sample and max(len(s.split()) for s in sample) >= 4:
            out.append(c)
    return tuple(out)


_cell = idm.cell_string


def load_estate_table(
    datamap: DataMap,
    name: str,
    *,
    kind: str = "dataset",
    vault_key: bytes | None = None,
) -> EstateTable:
    """Read one dataset (or register, ``kind="register"``) of ``datamap`` for erasure or rectification."""
    from .sources import read_bytes, sniff_csv

    ds: Dataset | None = None
    if kind == "register":
        reg = datamap.registers[name]
        path, fmt, relpath = reg.path, (reg.format or "csv"), str(reg.path.relative_to(datamap.root)) if reg.path.is_relative_to(datamap.root) else str(reg.path)
    else:
        ds = datamap.dataset(name)
        if ds.is_sql or ds.path is None:
            raise ErasureError(f"dataset {name}: SQL sources need a registered SQL eraser")
        path, fmt, relpath = ds.path, (ds.format or "csv"), ds.relpath or str(ds.path)
    fmt = {"tsv": "csv", "json": "jsonl"}.get(fmt, fmt)
    declared = dict(ds.columns) if ds else {}
    free_text = tuple(ds.extra.get("free_text") or ()) if ds else ()
    id_columns = _identifier_columns(declared)
    owner_col = ds.subject_key if ds else None

    def table(columns, rows, fps, files, row_file, **info) -> EstateTable:
        oc = owner_col
        if oc is None and kind == "register":
            oc = register_key(datamap)
        if oc is not None and oc not in columns and fmt != "log":
            oc = None
        return EstateTable(
            name=name, kind=kind, format=fmt, relpath=relpath, dataset=ds, columns=list(columns), rows=rows,
            fingerprints=fps, files=files, row_file=row_file, owner_col=oc,
            text_columns=_text_columns(list(columns), rows, free_text) if fmt != "log" else ("raw",),
            id_columns=id_columns, info=info,
        )  # fmt: skip

    try:
        if fmt == "vault":
            if vault_key is None:
                raise ConfigError(
                    f"dataset {name} is the encrypted vault: give its key (--vault-key-file, the data map's "
                    "vault.key_file or the environment variable)"
                )
            data = read_bytes(path)
            vault = Vault.open(path, vault_key)
            frame = vault.to_frame()
            columns = list(frame.columns)
            rows = [[_cell(v) for v in rec] for rec in frame.itertuples(index=False, name=None)]
            fps = ["vault:" + str(r[0]) for r in rows]
            return table(columns, rows, fps, [_File(path, data, _sha(data))], [(0, i) for i in range(len(rows))])
        if fmt == "csv":
            data = read_bytes(path)
            text, enc = _decode(data, path)
            delimiter = sniff_csv(path)[1]
            lines, header, recs = _csv_records(text, delimiter)
            rows = []
            width = len(header)
            for _, _, fields in recs:
                if len(fields) < width:
                    fields = fields + [""] * (width - len(fields))
                rows.append([f if f != "" else None for f in fields[:width]])
            # the fingerprints keep each record's line span (two integers), not every parsed field list
            spans = np.fromiter((x for a, b, _ in recs for x in (a, b)), dtype=np.int64, count=2 * len(recs)).reshape(-1, 2)
            del recs
            fps = _Fingerprints(len(spans), lambda i: _sha("".join(lines[int(spans[i, 0]):int(spans[i, 1])]).rstrip("\r\n").encode("utf-8")))
            return table(header, rows, fps, [_File(path, data, _sha(data))], [(0, i) for i in range(len(rows))],
                         encoding=enc, delimiter=delimiter)  # fmt: skip
        if fmt == "jsonl":
            data = read_bytes(path)
            text, enc = _decode(data, path)
            objs, kept = [], []
            for line in _lines(text):
                if not line.strip():
                    continue
                try:
                    objs.append(json.loads(line))
                except ValueError:
                    raise ErasureError(f"{relpath}: a line is not valid JSON") from None
                kept.append(line)
            fps = _Fingerprints(len(kept), lambda i: _sha(kept[i].rstrip("\r\n").encode("utf-8")))
            columns: list[str] = []
            for o in objs:
                columns.extend(k for k in o if k not in columns)
            rows = [[_cell(o.get(c)) if not isinstance(o.get(c), dict | list) else json.dumps(o.get(c)) for c in columns] for o in objs]
            return table(columns, rows, fps, [_File(path, data, _sha(data))], [(0, i) for i in range(len(rows))],
                         encoding=enc)  # fmt: skip
        if fmt == "log":
            data = read_bytes(path)
            text, enc = _decode(data, path)
            cookie = ds.extra.get("subject_cookie") if ds else None
            rows, owners, ts = [], [], []
            for line in _lines(text):
                raw = line.rstrip("\r\n")
                if not raw.strip():
                    continue
                ip, owner = _log_owner(raw, cookie)
                rows.append([ip, raw])
                owners.append(owner)
                m = _LOG_TS.search(raw)
                ts.append(m.group(1) if m else None)
            fps = _Fingerprints(len(rows), lambda i: _sha(rows[i][1].encode("utf-8")))
            return table(["ip", "raw"], rows, fps, [_File(path, data, _sha(data))], [(0, i) for i in range(len(rows))],
                         encoding=enc, owners=owners, ts=ts)  # fmt: skip
        if fmt == "parquet":
            import pyarrow.parquet as pq

            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".parquet", ".pq")
                           and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)) \
                if path.is_dir() else [path]  # fmt: skip
            columns, rows, fobjs, row_file, file_names = [], [], [], [], []
            for fi, fp in enumerate(files):
                data = read_bytes(fp)
                tbl = pq.read_table(io.BytesIO(data))
                names = tbl.column_names
                for c in names:
                    if c not in columns:
                        columns.append(c)
                cols = [_arrow_cells(tbl.column(c)) for c in names]
                if names == columns:
                    rows.extend(map(list, zip(*cols, strict=True)))
                else:
                    where = [columns.index(c) for c in names]
                    for vals in zip(*cols, strict=True):
                        row = [None] * len(columns)
                        for j, v in zip(where, vals, strict=True):
                            row[j] = v
                        rows.append(row)
                row_file.extend((fi, k) for k in range(tbl.num_rows))
                fobjs.append(_File(fp, data, _sha(data)))
                file_names.append(names)
            rows = [r + [None] * (len(columns) - len(r)) if len(r) < len(columns) else r for r in rows]
            at = {c: j for j, c in enumerate(columns)}

            def parquet_fp(i: int) -> str:
                fi, k = row_file[i]
                cells = [rows[i][at[c]] for c in file_names[fi]]
                return _sha(json.dumps([files[fi].name, k, cells]).encode())

            return table(columns, rows, _Fingerprints(len(rows), parquet_fp), fobjs, row_file)
    except PrivacyAuditError:
        raise
    except (OSError, ValueError) as exc:
        raise ErasureError(f"{relpath}: cannot read for erasure ({type(exc).__name__})") from None
    raise ErasureError(f"{relpath}: erasure does not support the format {fmt!r} yet")



_HEAD_ROWS = 2000  # rows a table's column roles are read from (_text_columns; _identifying_columns reads 500)


def _sparse_estate_table(datamap: DataMap, ds: Dataset, src: Mapping[str, Any], row_ids: Iterable[int],
                         vault_key: bytes | None = None) -> EstateTable | None:  # fmt: skip
    """The rows ``row_ids`` of a CSV, log, Parquet or vault dataset (plus its first rows, which decide its
    column roles as for a whole read), as :func:`load_estate_table` reads them, with their row ids in
    ``positions``; ``src`` is the subject index's description of the dataset
    (:meth:`privacy_audit.subject_index.IndexView.plan_source`). Cells, fingerprints, owners and
    times are those of a whole read; the files are described by their indexed hashes, not read
    (the commit reads and checks every file it changes; a vault is opened, only the records read are
    unsealed). ``None`` for other formats (read whole)."""
    fmt = {"tsv": "csv", "json": "jsonl"}.get(ds.format or "csv", ds.format or "csv")
    total = int(src["rows"])
    wanted = sorted(set(range(min(_HEAD_ROWS, total))) | {int(r) for r in row_ids if 0 <= int(r) < total})
    relpath = ds.relpath or str(ds.path)
    files = [_File(Path(path), b"", sha) for path, sha in src["files"]
             if fmt != "parquet" or not Path(ds.path).is_dir() or Path(path).suffix.lower() in (".parquet", ".pq")]
    declared = dict(ds.columns)
    free_text = tuple(ds.extra.get("free_text") or ())
    owner_col = ds.subject_key
    info: dict[str, Any] = {}
    if fmt in ("csv", "log") and src.get("spans") is not None and len(files) == 1 and fmt == src["format"]:
        header, spans = src["spans"]
        if len(spans) != total:
            return None
        with open(files[0].path, "rb") as fh:
            def piece(a: int, b: int) -> bytes:
                fh.seek(a)
                return fh.read(b - a)

            head = piece(*header) if header else b""
            raw = [piece(int(spans[r][0]), int(spans[r][1])) for r in wanted]
        enc = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") or (fmt == "log" and raw and raw[0].startswith(b"\xef\xbb\xbf")) else "utf-8"
        try:
            texts = [b.decode("utf-8") for b in raw]
            head_text = head.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        if fmt == "log":
            if texts and wanted[0] == 0:
                texts[0] = texts[0].removeprefix("\ufeff")
            cookie = ds.extra.get("subject_cookie")
            rows, owners, ts = [], [], []
            for text in texts:
                line = text.rstrip("\r\n")
                ip, owner = _log_owner(line, cookie)
                rows.append([ip, line])
                owners.append(owner)
                m = _LOG_TS.search(line)
                ts.append(m.group(1) if m else None)
            columns = ["ip", "raw"]
            fps = [_sha(r[1].encode("utf-8")) for r in rows]
            info = {"encoding": enc, "owners": owners, "ts": ts}
            text_columns: tuple[str, ...] = ("raw",)
        else:
            delimiter = sniff_csv(files[0].path)[1]
            header_fields = next(csv.reader(io.StringIO(head_text, newline=""), delimiter=delimiter), [])
            width = len(header_fields)
            rows = []
            for text in texts:
                fields = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
                if len(fields) < width:
                    fields = fields + [""] * (width - len(fields))
                rows.append([f if f != "" else None for f in fields[:width]])
            columns = header_fields
            fps = [_sha(t.rstrip("\r\n").encode("utf-8")) for t in texts]
            info = {"encoding": enc, "delimiter": delimiter}
            text_columns = ()
    elif fmt == "vault" and src["format"] == "vault" and vault_key is not None and len(files) == 1:
        vault = Vault.open(files[0].path, vault_key)
        ids = vault.ids()
        if len(ids) != total or not src.get("columns"):
            return None
        columns = list(src["columns"])
        rows = []
        for r in wanted:
            rec = {columns[0]: ids[r], **vault.get(ids[r])}
            rows.append([_cell(rec.get(c)) for c in columns])
        fps = ["vault:" + str(row[0]) for row in rows]
        text_columns = ()
    elif fmt == "parquet" and src["format"] == "parquet" and src.get("parts"):
        import pyarrow.parquet as pq

        parquet_files = [f for f in files if f.path.suffix.lower() in (".parquet", ".pq")]
        names_of = {str(f.path): pq.read_schema(f.path).names for f in parquet_files}
        columns = []
        for f in parquet_files:
            columns.extend(c for c in names_of[str(f.path)] if c not in columns)
        at = {c: j for j, c in enumerate(columns)}
        first_row = {}
        for source, _, offset, _ in src["parts"]:
            first_row[str(source)] = min(first_row.get(str(source), offset), offset)
        rows, fps = [], []
        by_part: dict[int, list[int]] = {}
        parts = src["parts"]
        starts = np.asarray([p[2] for p in parts], dtype=np.int64)
        for r in wanted:
            by_part.setdefault(int(np.searchsorted(starts, r, side="right")) - 1, []).append(r)
        cells: dict[int, list[str | None]] = {}
        fp_of: dict[int, str] = {}
        for k, rs in by_part.items():
            source, row_group, offset, _ = parts[k]
            tbl = pq.ParquetFile(source).read_row_group(row_group).take([r - offset for r in rs])
            names = tbl.column_names
            cols = [_arrow_cells(tbl.column(c)) for c in names]
            for n, r in enumerate(rs):
                row = [None] * len(columns)
                for c, vals in zip(names, cols, strict=True):
                    row[at[c]] = vals[n]
                cells[r] = row
                fp_of[r] = _sha(json.dumps([Path(source).name, r - first_row[str(source)], [row[at[c]] for c in names]]).encode())
        rows = [cells[r] for r in wanted]
        fps = [fp_of[r] for r in wanted]
        text_columns = ()
    else:
        return None
    if owner_col is not None and owner_col not in columns and fmt != "log":
        owner_col = None
    return EstateTable(
        name=ds.name, kind="dataset", format=fmt, relpath=relpath, dataset=ds, columns=list(columns), rows=rows,
        fingerprints=fps, files=files, row_file=[], owner_col=owner_col,
        text_columns=text_columns or _text_columns(list(columns), rows, free_text),
        id_columns=_identifier_columns(declared), info=info, positions=wanted, total=total,
    )  # fmt: skip


def _sql_cell(v: Any) -> str | None:
    if v is None or (pd.api.types.is_scalar(v) and not isinstance(v, str | bytes) and pd.isna(v)):
        return None
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
    return _cell(v)


def sql_estate_table(dataset: Dataset, frame: pd.DataFrame, total: int, *, where: str) -> EstateTable:
    """A SQL dataset as erasure sees it, from the candidate rows ``frame`` (indexed by row id, as
    :func:`privacy_audit.sources.sql_rows_at` returns them) and the table's row count ``total``.
    Cells become strings; a row's fingerprint is the hash of its cells (so held rows are recognised
    after other rows were deleted and row ids shifted)."""
    columns = [str(c) for c in frame.columns]
    rows = [[_sql_cell(v) for v in rec] for rec in frame.itertuples(index=False, name=None)]
    fps = ["sql:" + _sha(json.dumps(r, ensure_ascii=False).encode("utf-8")) for r in rows]
    declared = dict(dataset.columns)
    owner_col = dataset.subject_key if dataset.subject_key in columns else None
    return EstateTable(
        name=dataset.name, kind="dataset", format="sql", relpath=where, dataset=dataset, columns=columns,
        rows=rows, fingerprints=fps, files=[], row_file=[], owner_col=owner_col,
        text_columns=_text_columns(columns, rows, tuple(dataset.extra.get("free_text") or ())),
        id_columns=_identifier_columns(declared),
        positions=[int(x) for x in frame.index], total=int(total),
    )  # fmt: skip


def _rows_digest(t: EstateTable, local: Iterable[int]) -> str:
    """Hash of (row id, fingerprint) of the given rows: what a SQL plan expects to find when applied."""
    return _sha(json.dumps(sorted([t.row_id(i), t.fingerprints[i]] for i in local)).encode())


# --------------------------------------------------------------------------------------------
# rewriting one table: exact bytes for untouched records


def _apply_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(REDACTED)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _ending(raw: str) -> str:
    for end in ("\r\n", "\n", "\r"):
        if raw.endswith(end):
            return end
    return ""


def rewrite_table(
    table: EstateTable,
    *,
    delete: Iterable[int] = (),
    cells: Mapping[int, Mapping[str, str | None]] | None = None,
    vault_key: bytes | None = None,
    shred: Iterable[int] = (),
) -> dict[Path, bytes]:
    """New bytes for each file of ``table`` that changes: rows in ``delete`` removed, ``cells``
    (row -> column -> new value, ``None`` for empty) replaced, vault rows in ``shred`` crypto-shredded.
    Files without changes are not returned; unchanged records keep their exact bytes."""
    delete = set(delete)
    shred = set(shred)
    cells = {i: dict(c) for i, c in (cells or {}).items() if c}
    out: dict[Path, bytes] = {}
    if not (delete or cells or shred):
        return out
    by_file: dict[int, tuple[set[int], dict[int, dict[str, str | None]]]] = {}
    for i in delete | shred:
        fi, k = table.row_file[i]
        by_file.setdefault(fi, (set(), {}))[0].add(k)
    for i, c in cells.items():
        fi, k = table.row_file[i]
        by_file.setdefault(fi, (set(), {}))[1][k] = c
    for fi, (dels, reps) in by_file.items():
        f = table.files[fi]
        if table.format == "csv":
            out[f.path] = _rewrite_csv(table, f, dels, reps)
        elif table.format in ("jsonl", "log"):
            out[f.path] = _rewrite_lines(table, f, dels, reps)
        elif table.format == "parquet":
            out[f.path] = _rewrite_parquet(f, dels, reps)
        elif table.format == "vault":
            out[f.path] = _rewrite_vault(table, f, dels, reps, vault_key)
        else:
            raise ErasureError(f"{table.relpath}: cannot rewrite the format {table.format!r}")
    return out


def _rewrite_csv(table: EstateTable, f: _File, dels: set[int], reps: dict[int, dict[str, str | None]]) -> bytes:
    text, enc = _decode(f.data, f.path)
    delimiter = table.info["delimiter"]
    lines, header, recs = _csv_records(text, delimiter)
    for k in dels:
        start, end, _ = recs[k]
        for n in range(start, end):
            lines[n] = ""
    for k, changes in reps.items():
        if k in dels:
            continue
        start, end, fields = recs[k]
        fields = list(fields) + [""] * (len(header) - len(fields))
        for col, value in changes.items():
            fields[header.index(col)] = "" if value is None else str(value)
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator=_ending(lines[end - 1])).writerow(fields)
        lines[start] = buf.getvalue()
        for n in range(start + 1, end):
            lines[n] = ""
    return "".join(lines).encode(enc)


def _rewrite_lines(table: EstateTable, f: _File, dels: set[int], reps: dict[int, dict[str, str | None]]) -> bytes:
    text, enc = _decode(f.data, f.path)
    lines = _lines(text)
    record_line = [n for n, line in enumerate(lines) if line.strip()]
    for k in dels:
        lines[record_line[k]] = ""
    for k, changes in reps.items():
        if k in dels:
            continue
        n = record_line[k]
        end = _ending(lines[n])
        if table.format == "log":
            lines[n] = str(changes["raw"]) + end
        else:
            obj = json.loads(lines[n])
            obj.update(changes)
            lines[n] = json.dumps(obj, ensure_ascii=False) + end
    return "".join(lines).encode(enc)


def _rewrite_parquet(f: _File, dels: set[int], reps: dict[int, dict[str, str | None]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(io.BytesIO(f.data))
    tbl = pf.read()
    meta = pf.metadata
    compression = "zstd"
    row_group_size = None
    if meta.num_row_groups and meta.num_columns:
        compression = str(meta.row_group(0).column(0).compression).lower()
        row_group_size = max(meta.row_group(0).num_rows, 1)
    for col in {c for ch in reps.values() for c in ch}:
        j = tbl.schema.get_field_index(col)
        values = tbl.column(col).to_pylist()
        for k, changes in reps.items():
            if col in changes:
                values[k] = changes[col]
        fld = tbl.schema.field(j)
        try:
            if not (pa.types.is_string(fld.type) or pa.types.is_large_string(fld.type)):
                changed = {k for k, ch in reps.items() if col in ch and isinstance(ch[col], str)}
                for k in changed:  # text given for a typed column (a rectification): cast it
                    values[k] = pa.scalar(values[k], pa.string()).cast(fld.type).as_py()
            tbl = tbl.set_column(j, fld, pa.array(values, type=fld.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError):
            raise ErasureError(f"{f.path.name}: column {col} cannot hold the new value (type {fld.type})") from None
    if dels:
        keep = [k for k in range(tbl.num_rows) if k not in dels]
        tbl = tbl.take(pa.array(keep, type=pa.int64()))
    buf = io.BytesIO()
    pq.write_table(tbl, buf, compression=None if compression == "uncompressed" else compression,
                   row_group_size=row_group_size)  # fmt: skip
    return buf.getvalue()


def vault_change_details(table: EstateTable, vault_key: bytes | None) -> dict[str, Any]:
    """For a change that rewrites the vault ``table``: the ``vault_id`` and the ``vault_generation`` the
    new file carries, for its audit entry (so a vault put back from before the change is refused,
    :meth:`privacy_audit.vault.Vault.open` with ``audit_log``). Empty for any other table."""
    if table.format != "vault" or vault_key is None or not table.files:
        return {}
    v = Vault.open(table.files[0].path, vault_key)
    return {"vault_id": v.vault_id, "vault_generation": v.generation + 1}  # to_bytes writes generation + 1


def _rewrite_vault(
    table: EstateTable, f: _File, dels: set[int], reps: dict[int, dict[str, str | None]], key: bytes | None
) -> bytes:
    if key is None:
        raise ConfigError("the vault key is needed to change the vault")
    vault = Vault.open(f.path, key)
    if _sha(f.data) != f.sha256:
        raise ErasureError(f"{table.relpath} changed while being read")
    ids = [r[0] for r in table.rows]
    for k, changes in reps.items():
        if k in dels:
            continue
        rid = ids[k]
        fields = vault.get(rid)
        fields.update({c: (None if v is None else str(v)) for c, v in changes.items() if c != "record_id"})
        vault.put(rid, fields)
    for k in dels:
        vault.shred(ids[k])
    vault.updated = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return vault.to_bytes()


# --------------------------------------------------------------------------------------------
# plan


@dataclass(frozen=True)
class RowAction:
    """What happens to one row (or log line / vault record) of a dataset."""

    row: int
    action: str  # one of ACTIONS
    columns: tuple[str, ...] = ()  # mask_columns: the columns emptied
    spans: tuple[tuple[str, int, int, str], ...] = ()  # redact_spans: (column, start, end, kind)
    reason: str = ""  # keep: why
    matched_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class DatasetPlan:
    """The plan for one dataset or register."""

    name: str
    kind: str  # dataset | register
    format: str
    zone: str | None
    path: str
    rows_total: int
    rows: tuple[RowAction, ...] = ()
    note: str = ""
    files: tuple[tuple[str, str], ...] = ()  # (absolute path, sha256 at plan time)
    held_fingerprints: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    shared_rows: int = 0  # rows that hold only identifiers shared with another subject (left alone)
    linked: tuple[str, ...] = ()  # rows linked by quasi-identifiers: erased (k=1) or kept, and why

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def subject_rows(self) -> int:
        return len(self.rows)

    @property
    def action(self) -> str:
        """The main action: the most frequent change, else ``keep``, else ``none``."""
        changes = [a for a in ACTIONS if a != "keep" and self.count(a)]
        if changes:
            return max(changes, key=self.count)
        return "keep" if self.rows else "none"

    @property
    def kept_reasons(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            if r.action == "keep":
                out[r.reason] = out.get(r.reason, 0) + 1
        return out

    @property
    def matched_by(self) -> tuple[str, ...]:
        seen: list[str] = []
        for r in self.rows:
            seen.extend(m for m in r.matched_by if m not in seen)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.name,
            "kind": self.kind,
            "format": self.format,
            "zone": self.zone,
            "path": self.path,
            "action": self.action,
            "rows_total": self.rows_total,
            "subject_rows": self.subject_rows,
            "delete_row": self.count("delete_row"),
            "mask_columns": self.count("mask_columns"),
            "redact_spans": self.count("redact_spans"),
            "crypto_shred": self.count("crypto_shred"),
            "kept": self.count("keep"),
            "kept_reasons": self.kept_reasons,
            "shared_rows": self.shared_rows,
            "matched_by": list(self.matched_by),
            "linked": list(self.linked),
            "note": self.note,
        }


_PLAN_COLUMNS = ("dataset", "kind", "format", "action", "rows_total", "subject_rows", "delete_row", "mask_columns",
                 "redact_spans", "crypto_shred", "kept", "kept_reasons", "shared_rows", "matched_by", "note")  # fmt: skip


@dataclass(frozen=True)
class ErasurePlan:
    """Everything an erasure would do, per dataset; holds the identifiers in memory only."""

    datamap_path: str
    datamap_sha256: str
    subject_ref: str
    kinds_used: tuple[str, ...]
    found: bool
    as_of: _dt.date
    created_at: str
    datasets: tuple[DatasetPlan, ...]
    identifiers: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    shared: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # shared identifier kinds:keys
    #: how the datasets were read: ``index`` (sparsely, through a current subject index), ``partial``
    #: (some read whole: ``search_notes`` says which and why) or ``full`` (no index)
    search: str = field(default="full", compare=False)
    search_notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def has_changes(self) -> bool:
        return any(r.action != "keep" for d in self.datasets for r in d.rows)

    def totals(self) -> dict[str, int]:
        out = {a: sum(d.count(a) for d in self.datasets) for a in ACTIONS}
        out["subject_rows"] = sum(d.subject_rows for d in self.datasets)
        return out

    @property
    def shared_kinds(self) -> tuple[str, ...]:
        return tuple(sorted({s.split(":", 1)[0] for s in self.shared}))

    def to_frame(self) -> pd.DataFrame:
        rows = []
        for d in self.datasets:
            row = d.to_dict()
            row["kept_reasons"] = "; ".join(f"{k} ({v})" for k, v in row["kept_reasons"].items())
            row["matched_by"] = ", ".join(row["matched_by"])
            rows.append({c: row[c] for c in _PLAN_COLUMNS})
        return pd.DataFrame(rows, columns=list(_PLAN_COLUMNS))

    def to_dict(self) -> dict[str, Any]:
        return {
            "request": {"subject_ref": self.subject_ref, "kinds": list(self.kinds_used), "found": self.found},
            "datamap": {"path": self.datamap_path, "sha256": self.datamap_sha256},
            "as_of": self.as_of.isoformat(),
            "created_at": self.created_at,
            "totals": self.totals(),
            "shared_identifier_kinds": list(self.shared_kinds),
            "search": {"mode": self.search, "notes": list(self.search_notes)},
            "datasets": [d.to_dict() for d in self.datasets],
        }


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _to_date(value: Any) -> _dt.date | None:
    if value in (None, ""):
        return None
    try:
        ts = pd.to_datetime(str(value), utc=True, errors="coerce", format="mixed")
    except (ValueError, TypeError):
        ts = pd.NaT
    if pd.isna(ts):
        try:
            ts = pd.to_datetime(str(value), utc=True, format="%d/%b/%Y:%H:%M:%S %z")
        except (ValueError, TypeError):
            return None
    return ts.date()


def active_holds(datamap: DataMap, needles: Needles, as_of: _dt.date) -> list[tuple[set[str] | None, str]]:
    """Active legal holds on the subject: (dataset names or None for all, reason)."""
    reg = datamap.register("legal_holds")
    if reg is None:
        return []
    from .sources import read_table

    frame = read_table(reg.path).astype(object)
    cols = {c.lower(): c for c in frame.columns}
    owner = register_key(datamap)
    key = cols.get(owner.lower()) if owner else None
    if key is None:
        raise ErasureError(
            f"{reg.path.name}: the legal-hold register has no subject column ({owner or 'no dataset declares a subject_key'})"
        )
    out = []
    for rec in frame.to_dict("records"):
        if str(rec.get(key) or "") not in needles.tokens:
            continue
        until = _to_date(rec.get(cols.get("until", ""), None)) if "until" in cols else None
        if until is not None and until < as_of:
            continue
        raw = str(rec.get(cols.get("datasets", ""), "*") or "*") if "datasets" in cols else "*"
        names = {n.strip() for n in re.split(r"[;,|]", raw) if n.strip()}
        reason = str(rec.get(cols["reason"]) or "legal hold") if "reason" in cols else "legal hold"
        text = f"legal hold: {reason}" + (f" (until {until.isoformat()})" if until else "")
        out.append((None if "*" in names or not names else names, text))
    return out


def _erasure_config(ds: Dataset | None) -> dict[str, Any]:
    if ds is None:
        return {}
    conf = ds.extra.get("erasure")
    out: dict[str, Any] = {}
    if isinstance(conf, str):
        out["action"] = conf
    elif isinstance(conf, Mapping):
        out.update(conf)
    for key in ("legal_retention_days", "retention_reason"):
        if key in ds.extra and key not in out:
            out[key] = ds.extra[key]
    action = out.get("action", "delete_row")
    out["action"] = {"delete": "delete_row", "mask": "mask_columns"}.get(action, action)
    if out["action"] not in ("delete_row", "mask_columns", "keep"):
        raise ConfigError(f"dataset {ds.name}: erasure action {action!r} is not delete_row, mask_columns or keep")
    return out


def _estate_tables(
    datamap: DataMap,
    vault_key: bytes | None,
    needles: Needles | None = None,
    sql_rows: Mapping[str, Iterable[int]] | None = None,
    view: Any = None,
    whole: list[str] | None = None,
) -> tuple[list[EstateTable], list[DatasetPlan]]:
    """Every dataset and register as an :class:`EstateTable`. SQL datasets are read through the SQL
    eraser: only the rows its parameterised search finds for ``needles`` plus ``sql_rows[name]``
    (the rows the subject search attributes to, or finds mentioning, the subject). With a subject
    index ``view``, a CSV, log or Parquet dataset it is current for is read sparsely: the rows whose
    search units hold one of the needles' probes (:meth:`Needles.probes`; every row the matcher can
    find the subject in), plus ``sql_rows[name]`` and its first rows; the others are read whole and
    named in ``whole`` with the reason."""
    tables, skipped = [], []
    probes = needles.probes() if needles is not None and view is not None else None
    for ds in datamap.datasets:
        if not ds.is_sql and view is not None:
            src = view.plan_source(ds) if probes is not None else None
            rows = view.unit_rows(ds, probes) if src is not None else None
            t = _sparse_estate_table(datamap, ds, src, {*rows, *(sql_rows or {}).get(ds.name, ())}, vault_key) \
                if rows is not None else None  # fmt: skip
            if t is not None:
                tables.append(t)
                continue
            if whole is not None:
                whole.append(f"{ds.name}: " + ("the subject has an identifier the index cannot look up" if probes is None
                             else "not current in the subject index, or of a format read whole" if src is None
                             else "a value of the subject is too common to list" if rows is None
                             else "of a format read whole"))  # fmt: skip
        if ds.is_sql:
            eraser = sql_eraser()
            if eraser is None:
                from .sources import safe_url

                skipped.append(DatasetPlan(ds.name, "dataset", "sql", ds.zone, f"{safe_url(ds.url)} {ds.table}", 0,
                                           note="SQL source: no SQL eraser registered; not searched"))  # fmt: skip
                continue
            tables.append(eraser.load(datamap, ds, needles or Needles(), tuple((sql_rows or {}).get(ds.name, ()))))
            continue
        tables.append(load_estate_table(datamap, ds.name, vault_key=vault_key))
    for name in datamap.registers:
        tables.append(load_estate_table(datamap, name, kind="register"))
    return tables, skipped


def _subject_rows(
    datamap: DataMap, subject: Any, vault_key: bytes | None
) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Row ids the subject search attributes to the subject, and rows of others that mention them,
    per dataset (empty when the subject search is unavailable)."""
    if not isinstance(subject, Subject) or not subject.found:
        return {}, {}
    data = find_subject_data(datamap, subject, vault_key=vault_key)
    return (
        {m.name: set(m.row_ids) for m in data.datasets},
        {m.name: set(getattr(m, "mention_row_ids", ())) for m in data.datasets},
    )


def _shared_from_subject(subject: Any, needles: Needles) -> set[str]:
    """Identifiers the subject search found to be shared with another subject (not exclusive)."""
    exclusive = getattr(subject, "exclusive", None)
    ids = getattr(subject, "identifiers", None)
    if not isinstance(exclusive, Mapping) or not isinstance(ids, Mapping) or not exclusive:
        return set()
    out: set[str] = set()
    for plural, kind in (("emails", "email"), ("phones", "phone"), ("names", "name"), ("ips", "ip")):
        for v in set(ids.get(plural, ())) - set(exclusive.get(plural, ())):
            v = str(v).strip()
            key = needles.phone_key(v) or v if kind == "phone" else idm.canonical(kind, v) or v
            out.add(f"{kind}:{key}")
    return out


def _shared_keys(tables: list[EstateTable], needles: Needles) -> set[str]:
    """Identifiers of the subject that also identify someone else: a whole structured cell (or a log
    line's client address) in a row owned by another subject."""
    shared: set[str] = set()
    for t in tables:
        if t.owner_col is None and t.format != "log":
            continue
        cols = [j for j, c in enumerate(t.columns) if c not in t.text_columns and c != t.owner_col]
        for i in sorted(t.candidate_rows(needles, cols)):
            row = t.rows[i]
            owner = t.owner(i)
            if owner is None or owner in needles.tokens:
                continue
            for j in cols:
                v = row[j]
                if not v:
                    continue
                for h in needles.find(v, t.columns[j]):
                    if h.kind != "token" and h.start == 0 and h.end >= len(v.rstrip()):
                        shared.add(f"{h.kind}:{h.key}")
    return shared


def _identifying_columns(t: EstateTable) -> tuple[str, ...]:
    """Columns masked by ``mask_columns``: declared personal categories and identifier-named columns."""
    declared = dict(t.dataset.columns) if t.dataset else {}
    return tuple(
        c for j, c in enumerate(t.columns)
        if declared.get(c) or column_kind(c, None, [r[j] for r in t.rows[:500]], keys=True)
    )  # fmt: skip


def _rows_to_plan(t: EstateTable, needles: Needles, subject_rows: set[int]) -> list[int]:
    """The rows :func:`_plan_table` must look at, in order: those with a cell that may hold a needle
    (:meth:`EstateTable.candidate_rows`), those the subject search lists, those the subject owns
    (subject key or log cookie) and log lines from the subject's address. Every other row has no hit,
    no owner of the subject's and no listing: the plan does nothing with it."""
    cols = [j for j, c in enumerate(t.columns) if not (t.format == "log" and c == "ip")]
    rows = t.candidate_rows(needles, cols) | {i for i in subject_rows if 0 <= i < len(t.rows)}
    if t.format == "log":
        rows |= {i for i, o in enumerate(t.info["owners"]) if o is not None and o in needles.tokens}
        rows |= {i for i, r in enumerate(t.rows) if r[0] in needles.ips}
    elif t.owner_col is not None:
        j = t.columns.index(t.owner_col)
        rows |= {i for i, r in enumerate(t.rows) if r[j] in needles.tokens}
    return sorted(rows)


def _row_hits(t: EstateTable, i: int, needles: Needles) -> list[Hit]:
    hits: list[Hit] = []
    for j, c in enumerate(t.columns):
        v = t.rows[i][j]
        if v:
            if t.format == "log" and c == "ip":
                continue  # the client address is inside the raw line too
            hits.extend(needles.find(v, c))
    return hits


def _plan_table(
    t: EstateTable,
    needles: Needles,
    shared: set[str],
    holds: list[tuple[set[str] | None, str]],
    subject_rows: set[int],
    as_of: _dt.date,
) -> DatasetPlan:
    ds = t.dataset
    conf = _erasure_config(ds)
    keep_reg = KEEP_REGISTERS.get(t.name) if t.kind == "register" else None
    hold_reason = next((r for names, r in holds if names is None or t.name in names), None)
    times = None
    retention_days = conf.get("legal_retention_days")
    if retention_days is not None and ds is not None:
        times = t.time_values(ds.time_column)
        if times is None:
            raise ConfigError(f"dataset {t.name}: legal_retention_days needs a time_column")
    actions: list[RowAction] = []
    held: set[str] = set()
    shared_rows = 0
    mask_cols = tuple(conf.get("columns") or _identifying_columns(t))
    for i in _rows_to_plan(t, needles, subject_rows):
        owner = t.owner(i)
        hits = _row_hits(t, i, needles)
        own = owner is not None and owner in needles.tokens
        other = owner is not None and not own
        mine = [h for h in hits if h.kind == "token" or f"{h.kind}:{h.key}" not in shared]
        if t.format == "log" and owner is None and t.rows[i][0] in needles.ips and f"ip:{t.rows[i][0]}" not in shared:
            own = True
        if not own and not other:
            # no owner column: a whole identifier cell (e.g. the e-mail of an audience row) makes it theirs
            for h in mine:
                v = t.rows[i][t.columns.index(h.column)] or ""
                if h.column in t.id_columns and h.start == 0 and h.end >= len(v.rstrip()):
                    own = True
        listed = i in subject_rows
        if not (own or mine or listed):
            if hits:
                shared_rows += 1
            continue
        if listed and not other:
            own = True  # the subject search ties it to them (pseudonym, session cookie, ...) and nobody else
        if not own and not mine:
            shared_rows += 1
            continue
        matched = tuple(dict.fromkeys((["subject_key"] if own and owner else []) + [h.kind for h in mine]
                                      + (["subject_search"] if listed else [])))  # fmt: skip
        reason = keep_reg or hold_reason
        if reason is None and conf.get("action") == "keep":
            reason = f"retention duty: {conf.get('retention_reason') or 'kept by law'} (erasure: keep)"
        if reason is None and times is not None:
            when = _to_date(times[i])
            if when is not None and (as_of - when).days < int(retention_days):
                why = conf.get("retention_reason") or (ds.legal_basis if ds else None) or "legal obligation"
                reason = f"retention duty: {why} ({retention_days} days from {ds.time_column})"
        if reason is not None:
            actions.append(RowAction(i, "keep", reason=reason, matched_by=matched))
            held.add(t.fingerprints[i])
        elif own:
            if t.format == "vault":
                actions.append(RowAction(i, "crypto_shred", matched_by=matched))
            elif conf.get("action") == "mask_columns" and t.format != "log":
                cols = tuple(c for c in (*mask_cols, t.owner_col) if c and c in t.columns)
                actions.append(RowAction(i, "mask_columns", columns=tuple(dict.fromkeys(cols)), matched_by=matched))
            else:
                actions.append(RowAction(i, "delete_row", matched_by=matched))
        else:
            spans = tuple((h.column, h.start, h.end, h.kind) for h in mine)
            actions.append(RowAction(i, "redact_spans", spans=spans, matched_by=matched))
    return DatasetPlan(
        name=t.name, kind=t.kind, format=t.format, zone=ds.zone if ds else None, path=t.relpath,
        rows_total=t.n_rows, rows=tuple(actions), files=tuple((str(f.path), f.sha256) for f in t.files),
        held_fingerprints=frozenset(held), shared_rows=shared_rows,
    )  # fmt: skip


def _with_link(p: DatasetPlan, link: QuasiLink, searched: set[int]) -> DatasetPlan:
    """``p`` with the rows ``link`` ties to the subject by quasi-identifiers: an attributable row (k=1;
    planned like the subject's own rows) says it was matched by them; others are kept, with why."""
    rows = list(p.rows)
    linked = set(link.rows)
    if link.attributable:
        rows = [replace(r, matched_by=tuple(dict.fromkeys(["quasi_identifiers", *(m for m in r.matched_by
                if m != "subject_search")]))) if r.row in linked and r.row not in searched else r
                for r in rows]  # fmt: skip
    else:
        acted = {r.row for r in rows}
        rows += [RowAction(i, "keep", reason=link.reason(), matched_by=("quasi_identifiers",))
                 for i in sorted(linked - acted)]  # fmt: skip
    note = "; ".join(x for x in (p.note, f"{len(linked)} row(s) {link.reason()}") if x)
    return replace(p, rows=tuple(sorted(rows, key=lambda r: r.row)), linked=(*p.linked, link.reason()), note=note)


def plan_sql_table(
    t: EstateTable,
    needles: Needles,
    *,
    as_of: _dt.date,
    holds: list[tuple[set[str] | None, str]] = (),
    shared: Iterable[str] = (),
    subject_rows: Iterable[int] = (),
) -> DatasetPlan:
    """The plan for a SQL table read by :func:`sql_estate_table`: the same decisions as for files
    (holds, retention duties, ``mask_columns``, redaction of mentions in other people's text, shared
    identifiers), with rows numbered by row id. ``files`` carries the digest of the rows to change,
    which :func:`sql_changes` checks when the plan is applied."""
    p = _plan_table(t, needles, set(shared), list(holds), t.local_rows(subject_rows), as_of)
    acted = [r.row for r in p.rows if r.action != "keep"]
    return replace(
        p, rows=tuple(replace(r, row=t.row_id(r.row)) for r in p.rows), rows_total=t.n_rows,
        files=((t.relpath, _rows_digest(t, acted)),),
    )  # fmt: skip


def sql_changes(t: EstateTable, plan: DatasetPlan) -> tuple[list[int], dict[int, dict[str, str | None]]]:
    """What applying ``plan`` does to the SQL table ``t`` (its rows to change, re-read inside the
    transaction): row ids to delete, and row id -> column -> new value (``None`` = NULL) for masked
    columns and redacted text. Raises ErasureError when those rows are not the ones planned."""
    acted = [r for r in plan.rows if r.action != "keep"]
    where = {t.row_id(i): i for i in range(len(t.rows))}
    planned = dict(plan.files).get(plan.path)
    if any(r.row not in where for r in acted) or _rows_digest(t, [where[r.row] for r in acted]) != planned:
        raise ErasureError(f"dataset {plan.name}: the table changed since it was read (the rows to erase differ); plan again")
    delete: list[int] = []
    cells: dict[int, dict[str, str | None]] = {}
    for r in acted:
        i = where[r.row]
        if r.action == "delete_row":
            delete.append(r.row)
        elif r.action == "mask_columns":
            cells[r.row] = dict.fromkeys(r.columns)
        elif r.action == "redact_spans":
            by_col: dict[str, list[tuple[int, int]]] = {}
            for col, start, end, _ in r.spans:
                by_col.setdefault(col, []).append((start, end))
            cells[r.row] = {c: _apply_spans(t.rows[i][t.columns.index(c)] or "", sp) for c, sp in by_col.items()}
        else:
            raise ErasureError(f"dataset {plan.name}: action {r.action} is not possible on a SQL table")
    return delete, cells


# --------------------------------------------------------------------------------------------
# exports and archives in the estate's export areas (``exports_dir``) that no dataset maps

_EXPORT_MAX_BYTES = 64 * 1024 * 1024  # per file or zip member read
_EXPORT_MAX_MEMBERS = 10_000


@dataclass(frozen=True)
class _ExportHit:
    path: Path
    relpath: str
    sha256: str
    kinds: tuple[str, ...]
    masked: str
    note: str = ""


def _export_files(datamap: DataMap) -> list[Path]:
    """Files under the data map's export areas that are not a dataset or register (those are
    erased row by row); hidden files skipped."""
    mapped: set[Path] = set()
    for ds in datamap.datasets:
        if ds.path is not None:
            mapped.add(Path(ds.path).resolve())
            if Path(ds.path).is_dir():
                mapped.update(p.resolve() for p in Path(ds.path).rglob("*"))
    mapped.update(Path(r.path).resolve() for r in datamap.registers.values())
    out: list[Path] = []
    for root in datamap.exports_dirs:
        root = Path(root)
        files = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for f in files:
            if f.is_file() and not any(part.startswith(".") for part in f.relative_to(root.parent).parts) \
                    and f.resolve() not in mapped:
                out.append(f)
    return out


def _export_texts(data: bytes) -> tuple[list[str], str]:
    """The texts inside an export (a zip's members, or the file itself) and a note on what could not be read."""
    import zipfile

    if data[:4] == b"PK\x03\x04":
        texts, skipped = [], 0
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for n, info in enumerate(zf.infolist()):
                    if n >= _EXPORT_MAX_MEMBERS or info.is_dir() or info.flag_bits & 0x1 or info.file_size > _EXPORT_MAX_BYTES:
                        skipped += not info.is_dir()
                        continue
                    with zf.open(info) as fh:
                        texts.append(fh.read(_EXPORT_MAX_BYTES + 1)[:_EXPORT_MAX_BYTES].decode("utf-8", "replace"))
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError):
            return [], "an archive that cannot be read (damaged or encrypted)"
        return texts, f"{skipped} member(s) not read (encrypted or too large)" if skipped else ""
    return [data[:_EXPORT_MAX_BYTES].decode("utf-8", "replace")], ""


def _export_hits(datamap: DataMap, needles: Needles, shared: Iterable[str] = ()) -> list[_ExportHit]:
    """Export files that still hold one of the subject's identifiers (shared identifiers ignored)."""
    if not needles:
        return []
    shared = set(shared)
    out: list[_ExportHit] = []
    for f in _export_files(datamap):
        try:
            data = f.read_bytes()
        except OSError:
            continue
        texts, note = _export_texts(data)
        kinds: list[str] = []
        masked = ""
        for text in texts:
            for h in needles.find(text):
                if h.kind != "token" and f"{h.kind}:{h.key}" in shared:
                    continue
                if h.kind not in kinds:
                    kinds.append(h.kind)
                masked = masked or mask(text[h.start:h.end], entity_for_kind(h.kind))
        if kinds:
            out.append(_ExportHit(f, _rel(datamap, f), _sha(data), tuple(kinds), masked, note))
    return out


def vault_key_for(datamap: DataMap, key_file: str | Path | None = None) -> bytes | None:
    """The vault key: ``key_file``, else the data map's ``vault.key_file``/``key_env``; None if none given."""
    return key_for_datamap(datamap, key_file)


def plan_erasure(
    datamap: DataMap,
    subject: Any,
    *,
    as_of: _dt.date | None = None,
    vault_key: bytes | None = None,
) -> ErasurePlan:
    """Plan the erasure of ``subject`` (a :class:`privacy_audit.subjects.Subject`, or a mapping of
    identifiers) across every dataset and register of ``datamap``. Reads, never writes; the subject
    search, the linkage and the plan share one opened subject index (:func:`search_index_session`)."""
    with search_index_session(datamap, vault_key):
        return _plan_erasure(datamap, subject, as_of, vault_key)


def _plan_erasure(datamap: DataMap, subject: Any, as_of: _dt.date | None, vault_key: bytes | None) -> ErasurePlan:
    identifiers = identifiers_of(subject)
    needles = Needles.from_identifiers(identifiers, region=datamap.phone_region)
    as_of = as_of or datamap.as_of or _dt.date.today()
    found = bool(getattr(subject, "found", True)) and bool(needles)
    listed, mentions = _subject_rows(datamap, subject, vault_key) if found else ({}, {})
    links = {link.dataset: link for link in quasi_links(datamap, subject, vault_key=vault_key, as_of=as_of)} \
        if found else {}  # rows that the subject's quasi-identifiers single out (k=1) are theirs
    searched = {n: set(r) for n, r in listed.items()}
    for link in links.values():
        if link.attributable:
            listed.setdefault(link.dataset, set()).update(link.rows)
    sql_rows = {n: listed.get(n, set()) | mentions.get(n, set()) for n in set(listed) | set(mentions)}
    view = open_search_index(datamap, vault_key) if found else None
    whole: list[str] = []
    try:
        tables, skipped = _estate_tables(datamap, vault_key, needles if found else None, sql_rows, view, whole)
    finally:
        close_search_index(view)
    search = "full" if view is None else "partial" if whole else "index"
    notes = tuple(whole) if view is not None else ("no current subject index: every dataset read whole",) if found else ()
    plans: list[DatasetPlan] = []
    shared: set[str] = set()
    if found:
        holds = active_holds(datamap, needles, as_of)
        shared = _shared_keys(tables, needles) | _shared_from_subject(subject, needles)
        for t in tables:
            rows = listed.get(t.name, set()) if t.kind == "dataset" else set()
            if len(rows) and max(rows) >= t.n_rows:
                raise ErasureError(f"dataset {t.name}: the subject search and erasure read different row counts")
            if t.format == "sql":
                plans.append(sql_eraser().plan(datamap, t.dataset, needles, as_of, holds=holds, shared=shared,
                                               subject_rows=rows, table=t))  # fmt: skip
            elif t.positions is not None:  # read sparsely through the subject index: rows by row id
                p = _plan_table(t, needles, shared, holds, t.local_rows(rows), as_of)
                plans.append(replace(p, rows=tuple(replace(r, row=t.row_id(r.row)) for r in p.rows)))
            else:
                plans.append(_plan_table(t, needles, shared, holds, rows, as_of))
            if t.name in links and t.kind == "dataset":
                plans[-1] = _with_link(plans[-1], links[t.name], searched.get(t.name, set()))
    else:
        plans = [DatasetPlan(t.name, t.kind, t.format, t.dataset.zone if t.dataset else None, t.relpath, t.n_rows,
                             files=tuple((str(f.path), f.sha256) for f in t.files)) for t in tables]  # fmt: skip
    plans.extend(skipped)
    if found:  # copies of the subject's data in the export areas: the whole file goes
        for hit in _export_hits(datamap, needles, shared):
            plans.append(DatasetPlan(
                hit.relpath, "export", hit.path.suffix.lstrip(".").lower() or "file", None, hit.relpath, 1,
                rows=(RowAction(0, "remove_file", matched_by=hit.kinds),),
                note="export in the exports area holding the subject: removed" + (f"; {hit.note}" if hit.note else ""),
                files=((str(hit.path), hit.sha256),),
            ))  # fmt: skip
    return ErasurePlan(
        datamap_path=str(datamap.path),
        datamap_sha256=datamap.sha256,
        subject_ref=str(getattr(subject, "ref", "") or "s_" + hashlib.sha256(
            json.dumps({k: sorted(v) for k, v in identifiers.items()}, sort_keys=True).encode()).hexdigest()[:16]),
        kinds_used=tuple(getattr(subject, "kinds_used", ()) or ()),
        found=found,
        as_of=as_of,
        created_at=_now(),
        datasets=tuple(plans),
        identifiers=identifiers,
        shared=frozenset(shared),
        search=search,
        search_notes=notes,
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# SQL hook (the scale work plugs SQL sources in here)


class SqlEraser(Protocol):
    """What a SQL back end provides so that erasure covers ``url:`` + ``table:`` datasets.

    ``load`` reads the table's candidate rows (its own search for ``needles`` plus the given row
    ids) as an :class:`EstateTable` (:func:`sql_estate_table`); ``plan`` plans one table (the
    ``table`` already loaded, the active ``holds``, the ``shared`` identifiers and the rows the
    subject search attributes to the subject); ``transaction`` returns a context manager that
    performs the plans' changes inside one database transaction per database and commits on a clean
    exit (it is entered before the files are renamed, so a failed file commit rolls the database
    back); ``residue`` counts the rows its own search still finds. The default is
    :class:`privacy_audit.engine.SqlEraser`."""

    def load(self, datamap: DataMap, dataset: Dataset, needles: Needles, rows: Iterable[int] = ()) -> EstateTable: ...

    def plan(self, datamap: DataMap, dataset: Dataset, needles: Needles, as_of: _dt.date | None, *,
             holds: list | None = None, shared: Iterable[str] = (), subject_rows: Iterable[int] = (),
             table: EstateTable | None = None) -> DatasetPlan: ...  # fmt: skip

    def transaction(self, datamap: DataMap, plans: list[DatasetPlan]) -> contextlib.AbstractContextManager: ...

    def residue(self, datamap: DataMap, dataset: Dataset, needles: Needles) -> int: ...


_DEFAULT = object()
_SQL_ERASER: Any = _DEFAULT  # resolved on first use, so importing erasure imports no SQL or Dask code


def register_sql_eraser(eraser: SqlEraser | None) -> SqlEraser | None:
    """Install the SQL back end used for SQL datasets (``None``: none, SQL datasets are then noted
    as not searched and refused at apply). Returns the previous one, to put back."""
    global _SQL_ERASER
    previous = sql_eraser()
    _SQL_ERASER = eraser
    return previous


def sql_eraser() -> SqlEraser | None:
    """The SQL back end in use: the registered one, by default :class:`privacy_audit.engine.SqlEraser`."""
    global _SQL_ERASER
    if _SQL_ERASER is _DEFAULT:
        from .engine import SqlEraser as _Default

        _SQL_ERASER = _Default()
    return _SQL_ERASER


# --------------------------------------------------------------------------------------------
# apply


@dataclass(frozen=True)
class DatasetOutcome:
    """Counts for one dataset after an erasure was applied."""

    name: str
    rows_before: int
    deleted: int
    masked: int
    redacted: int
    shredded: int
    kept: int
    rows_after: int
    files: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class ErasureResult:
    """An applied erasure: the plan, the counts per dataset, and (after verify) the verification."""

    plan: ErasurePlan
    applied_at: str
    outcomes: tuple[DatasetOutcome, ...]
    files_written: tuple[str, ...]
    verification: Verification | None = None
    audit_seq: int | None = None
    tables_written: tuple[str, ...] = ()  # SQL tables changed (database URL without password, table)
    files_removed: tuple[str, ...] = ()  # exports in the export areas that held the subject, removed

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([o.to_dict() for o in self.outcomes], columns=list(DatasetOutcome.__dataclass_fields__))

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan.to_dict(),
            "applied_at": self.applied_at,
            "outcomes": [o.to_dict() for o in self.outcomes],
            "files_written": list(self.files_written),
            "tables_written": list(self.tables_written),
            "files_removed": list(self.files_removed),
            "verification": self.verification.to_dict() if self.verification else None,
            "audit_seq": self.audit_seq,
        }


def _changes_for(t: EstateTable, p: DatasetPlan) -> tuple[set[int], dict[int, dict[str, str | None]], set[int]]:
    delete, shred, cells = set(), set(), {}
    for r in p.rows:
        if r.action == "delete_row":
            delete.add(r.row)
        elif r.action == "crypto_shred":
            shred.add(r.row)
        elif r.action == "mask_columns":
            cells[r.row] = dict.fromkeys(r.columns)
        elif r.action == "redact_spans":
            by_col: dict[str, list[tuple[int, int]]] = {}
            for col, start, end, _ in r.spans:
                by_col.setdefault(col, []).append((start, end))
            cells[r.row] = {
                c: _apply_spans(t.rows[r.row][t.columns.index(c)] or "", spans) for c, spans in by_col.items()
            }
    return delete, cells, shred


def apply_erasure(
    datamap: DataMap,
    plan: ErasurePlan,
    *,
    vault_key: bytes | None = None,
    audit: bool = True,
) -> ErasureResult:
    """Carry out ``plan``: all files rewritten and renamed together and every SQL table changed in one
    transaction per database, or nothing (ErasureError says what failed). The SQL statements run
    first; the files are renamed inside the open transactions, which commit only after the renames
    succeed (and the files are put back if a commit still fails). Refuses when a file or a planned
    SQL row changed since the plan was made. Appends an ``erasure`` entry to the audit log (subject
    reference and counts only) unless ``audit=False``."""
    with estate_change(datamap):  # one change of the estate at a time, from the checks to the audit entry
        return _apply_erasure_locked(datamap, plan, vault_key=vault_key, audit=audit)


def _apply_erasure_locked(datamap: DataMap, plan: ErasurePlan, *, vault_key: bytes | None, audit: bool) -> ErasureResult:
    if plan.datamap_sha256 != datamap.sha256:
        raise ErasureError("the data map changed since the plan was made; plan again")
    if audit:  # an erasure that could not be logged must not happen at all
        precheck(datamap, AuditEntry("erasure", plan.subject_ref, {"kinds": list(plan.kinds_used)}))
    outcomes: list[DatasetOutcome] = []
    sql_plans: list[DatasetPlan] = []
    staged: dict[Path, tuple[bytes | None, str]] = {}
    vault_details: dict[str, Any] = {}
    for p in plan.datasets:
        if p.kind == "export":
            if p.count("remove_file"):
                path, sha = p.files[0]
                now = _sha(Path(path).read_bytes()) if Path(path).is_file() else None
                if now != sha:
                    raise ErasureError(f"{p.path} changed since the plan was made; plan again (nothing was changed)")
                staged[Path(path)] = (None, sha)
                outcomes.append(DatasetOutcome(p.name, 1, 1, 0, 0, 0, 0, 0, (p.path,)))
            continue
        if p.format == "sql":
            if p.note and sql_eraser() is None:
                raise ErasureError(f"dataset {p.name}: SQL source cannot be erased (no SQL eraser registered); nothing was changed")
            changed = any(r.action != "keep" for r in p.rows)
            if changed:
                sql_plans.append(p)
            deleted = p.count("delete_row")
            outcomes.append(DatasetOutcome(
                p.name, p.rows_total, deleted, p.count("mask_columns"), p.count("redact_spans"), 0, p.count("keep"),
                p.rows_total - deleted, (p.path,) if changed else (),
            ))  # fmt: skip
            continue
        if not any(r.action != "keep" for r in p.rows):
            outcomes.append(DatasetOutcome(p.name, p.rows_total, 0, 0, 0, 0, p.count("keep"), p.rows_total))
            continue
        t = load_estate_table(datamap, p.name, kind=p.kind, vault_key=vault_key)
        now = {str(f.path): f.sha256 for f in t.files}
        for path, sha in p.files:
            if now.get(path) != sha:
                raise ErasureError(f"{p.path} changed since the plan was made; plan again (nothing was changed)")
        delete, cells, shred = _changes_for(t, p)
        try:
            new = rewrite_table(t, delete=delete, cells=cells, shred=shred, vault_key=vault_key)
        except PrivacyAuditError as exc:
            raise ErasureError(f"{p.path}: {exc} (nothing was changed)") from None
        except Exception as exc:  # a library failure while re-encoding one file
            raise ErasureError(f"{p.path}: cannot rewrite ({type(exc).__name__}: {' '.join(str(exc).split())[:120]}); nothing was changed") from None
        for path, data in new.items():
            staged[path] = (data, next(f.sha256 for f in t.files if f.path == path))
        vault_details.update(vault_change_details(t, vault_key))
        removed = len(delete) + (len(shred))
        outcomes.append(DatasetOutcome(
            p.name, p.rows_total, p.count("delete_row"), p.count("mask_columns"), p.count("redact_spans"),
            p.count("crypto_shred"), p.count("keep"), p.rows_total - removed,
            tuple(sorted(_rel(datamap, x) for x in new)),
        ))  # fmt: skip
    files_written = tuple(sorted(_rel(datamap, p) for p, (data, _) in staged.items() if data is not None))
    files_removed = tuple(sorted(_rel(datamap, p) for p, (data, _) in staged.items() if data is None))
    entry = AuditEntry("erasure", plan.subject_ref, {
        "kinds": list(plan.kinds_used), "datamap_sha256": plan.datamap_sha256, "totals": plan.totals(),
        "files": [mask_emails(f) for f in files_written],
        "removed": [mask_emails(f) for f in files_removed],
        "tables": [mask_emails(p.path) for p in sql_plans], **vault_details,
    }) if audit else None  # fmt: skip
    sql = None
    if sql_plans:
        eraser = sql_eraser()
        if eraser is None:
            raise ErasureError("SQL datasets in the plan but no SQL eraser registered")

        def sql():
            return eraser.transaction(datamap, sql_plans)

    payload = {  # every key of the subject needed to finish the erasure from the journal alone
        "subject_ref": plan.subject_ref, "kinds": list(plan.kinds_used), "as_of": plan.as_of.isoformat(),
        "identifiers": {k: sorted(v) for k, v in plan.identifiers.items()}, "shared": sorted(plan.shared),
        "datamap_sha256": plan.datamap_sha256, "sql_datasets": [p.name for p in sql_plans],
    }  # fmt: skip
    _, seq = commit_change(datamap, "erasure", staged, entry, payload=payload, sql=sql, what="erasure")
    return ErasureResult(plan, _now(), tuple(outcomes), files_written, audit_seq=seq,
                         tables_written=tuple(p.path for p in sql_plans), files_removed=files_removed)  # fmt: skip


def _rel(datamap: DataMap, path: Path | str) -> str:
    p = Path(path)
    try:
        return p.relative_to(datamap.root).as_posix()
    except ValueError:
        return str(p)


def record_verification(datamap: DataMap, plan: ErasurePlan, verification: Verification) -> int | None:
    """Append the verification of an applied erasure to the audit log (counts only, no values)."""
    return _audit(datamap, "verification", plan.subject_ref, {
        "of": "erasure", "residual": verification.residual, "held": verification.held,
        "scanner": verification.scanner,
    }, "ok" if verification.ok else "residue")  # fmt: skip


def _audit(datamap: DataMap, action: str, subject_ref: str, details: dict, outcome: str) -> int | None:
    from . import auditlog

    entry = auditlog.append(datamap.audit_log_path, action, subject_ref=subject_ref, details=details, outcome=outcome)
    return int(entry["seq"])


# --------------------------------------------------------------------------------------------
# verify


@dataclass(frozen=True)
class Residue:
    """One place where the subject is still found after erasure (masked; row numbers as read now)."""

    dataset: str
    row: int
    column: str
    kind: str
    found_by: str  # literal | subject_search | scanner
    masked: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class DatasetCheck:
    """Verification counts for one dataset: rows still matching, held (expected), residual."""

    name: str
    rows: int
    matches: int
    held: int
    shared: int
    residual: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Verification:
    """The result of searching the estate again for an erased subject."""

    checked_at: str
    datasets: tuple[DatasetCheck, ...]
    residues: tuple[Residue, ...]
    scanner: bool
    subject_search: bool
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.residues and all(d.residual == 0 for d in self.datasets)

    @property
    def residual(self) -> int:
        return sum(d.residual for d in self.datasets)

    @property
    def held(self) -> int:
        return sum(d.held for d in self.datasets)

    def check(self) -> Verification:
        """Return self when clean; raise ErasureError naming the residue otherwise."""
        if not self.ok:
            where = sorted({r.dataset for r in self.residues} | {d.name for d in self.datasets if d.residual})
            raise ErasureError(
                f"verification failed: {self.residual} residual match(es) of the subject remain in {', '.join(where)}"
            )
        return self

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([r.to_dict() for r in self.residues], columns=list(Residue.__dataclass_fields__))

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked_at": self.checked_at,
            "residual": self.residual,
            "held": self.held,
            "scanner": self.scanner,
            "subject_search": self.subject_search,
            "datasets": [d.to_dict() for d in self.datasets],
            "residues": [r.to_dict() for r in self.residues],
            "notes": list(self.notes),
        }


#: entities Presidio looks for in free text during verification: the text-searched ones that name a needle kind
_SCAN_ENTITIES = tuple(e for e in text_entities() if kind_of(e) in Needles.KINDS)


def verify_erasure(
    datamap: DataMap,
    subject_identifiers: Any,
    *,
    held: Mapping[str, Iterable[str]] | None = None,
    shared: Iterable[str] | None = None,
    vault_key: bytes | None = None,
    scanner: bool = True,
    subject_search: bool = True,
    strict: bool = False,
) -> Verification:
    """Search the whole estate again for the subject.

    ``subject_identifiers``: an :class:`ErasurePlan` (its in-memory identifiers, held rows and shared
    identifiers are used), a ``Subject``, or a mapping of identifier kinds to values. Every row or
    line that still matches an identifier, pseudonym or cookie (literal search), that the subject
    search returns, or where Presidio finds one of the subject's e-mails, phones, names or addresses
    in free text, is a residue unless it was kept under a hold. SQL tables are checked on the rows
    the SQL eraser's parameterised search still finds and the rows the subject search returns or
    finds mentioning the subject (the same literal search and scanner run on those rows); residue
    rows are numbered by row id. ``strict`` raises ErasureError on residue; otherwise check ``.ok``.
    """
    plan = subject_identifiers if isinstance(subject_identifiers, ErasurePlan) else None
    if plan is not None:
        identifiers = dict(plan.identifiers)
        held = held or {d.name: d.held_fingerprints for d in plan.datasets}
        shared = set(shared or ()) | set(plan.shared)
    else:
        identifiers = identifiers_of(subject_identifiers)
    needles = Needles.from_identifiers(identifiers, region=datamap.phone_region)
    held_fp = {k: set(v) for k, v in (held or {}).items()}
    shared = set(shared or ())
    notes: list[str] = []
    listed: dict[str, set[int]] = {}
    mentions: dict[str, set[int]] = {}
    searched = False
    if subject_search:
        try:
            subj = subject_identifiers if isinstance(subject_identifiers, Subject) else _make_subject(identifiers, plan)
            found_data = find_subject_data(datamap, subj).datasets
            listed = {m.name: set(m.row_ids) for m in found_data}
            mentions = {m.name: set(getattr(m, "mention_row_ids", ())) for m in found_data}
            searched = True
        except PrivacyAuditError as exc:
            notes.append(f"subject search not run: {type(exc).__name__}")
    sql_rows = {n: listed.get(n, set()) | mentions.get(n, set()) for n in set(listed) | set(mentions)}
    tables, skipped = _estate_tables(datamap, vault_key, needles, sql_rows)
    for s in skipped:
        notes.append(f"{s.name}: {s.note}")
    residues: list[Residue] = []
    checks: list[DatasetCheck] = []
    scan_cells: list[tuple[EstateTable, int, str, str]] = []
    for t in tables:
        fps = held_fp.get(t.name, set())
        rows_hit: dict[int, list[tuple[str, str, str, str]]] = {}
        shared_rows: set[int] = set()
        for i in range(len(t.rows)):
            owner = t.owner(i)
            own = owner is not None and owner in needles.tokens
            for h in _row_hits(t, i, needles):
                if h.kind != "token" and f"{h.kind}:{h.key}" in shared:
                    shared_rows.add(i)
                    continue
                text = t.rows[i][t.columns.index(h.column)] or ""
                rows_hit.setdefault(i, []).append((h.column, h.kind, "literal", mask(text[h.start:h.end], entity_for_kind(h.kind))))
            if own and i not in rows_hit:
                rows_hit[i] = [(t.owner_col or "cookie", "token", "literal", mask(owner))]
            if t.format == "log" and owner is None and t.rows[i][0] in needles.ips and f"ip:{t.rows[i][0]}" not in shared:
                rows_hit.setdefault(i, []).append(("ip", "ip", "literal", mask(t.rows[i][0], "IP_ADDRESS")))
        for i in t.local_rows(listed.get(t.name, set())) if t.kind == "dataset" else ():
            if i < len(t.rows) and i not in rows_hit and i not in shared_rows:
                owner = t.owner(i)
                if owner is None or owner in needles.tokens:
                    rows_hit[i] = [("*", "subject", "subject_search", "")]
        if scanner and t.format not in ("vault", "log"):
            for c in t.text_columns:
                j = t.columns.index(c)
                for i, row in enumerate(t.rows):
                    v = row[j]
                    if v and len(v.split()) >= 3 and i not in rows_hit:
                        scan_cells.append((t, i, c, v))
        held_n = sum(1 for i in rows_hit if t.fingerprints[i] in fps)
        checks.append(DatasetCheck(t.name, t.n_rows, len(rows_hit), held_n, len(shared_rows - set(rows_hit)), 0))
        for i, found in sorted(rows_hit.items()):
            if t.fingerprints[i] in fps:
                continue
            col, kind, by, masked = found[0]
            residues.append(Residue(t.name, t.row_id(i), col, kind, by, masked))
    if scanner and scan_cells and (needles.emails or needles.phones or needles.names or needles.ips):
        from .detect.text import analyze_texts

        spans = analyze_texts([c[3] for c in scan_cells], entities=_SCAN_ENTITIES)
        for (t, i, c, v), found in zip(scan_cells, spans, strict=True):
            for s in found:
                key = needles.matches_value(s.entity, v[s.start : s.end])
                if key is None or f"{kind_of(s.entity)}:{key}" in shared:
                    continue
                if t.fingerprints[i] in held_fp.get(t.name, set()):
                    continue
                residues.append(Residue(t.name, t.row_id(i), c, kind_of(s.entity) or s.entity, "scanner",
                                        mask(v[s.start:s.end], s.entity)))  # fmt: skip
                break
    for hit in _export_hits(datamap, needles, shared):  # a copy left in the export areas is a residue too
        checks.append(DatasetCheck(hit.relpath, 1, 1, 0, 0, 0))
        residues.append(Residue(hit.relpath, 0, "*", hit.kinds[0], "export", hit.masked))
    by_ds: dict[str, int] = {}
    for r in residues:
        by_ds[r.dataset] = by_ds.get(r.dataset, 0) + 1
    # scanner residues are rows the literal search did not match: count them as matches too
    checks = [
        replace(c, residual=by_ds.get(c.name, 0), matches=max(c.matches, c.held + by_ds.get(c.name, 0)))
        for c in checks
    ]
    if shared:
        notes.append(
            "identifiers also used by another subject were not treated as the subject's: "
            + ", ".join(sorted({s.split(':', 1)[0] for s in shared}))
        )
    result = Verification(_now(), tuple(checks), tuple(residues), bool(scanner), searched, tuple(notes))
    if not result.ok:
        logger.warning("erasure verification: %d residual match(es)", result.residual)
    return result.check() if strict else result




def _make_subject(identifiers: dict[str, frozenset[str]], plan: ErasurePlan | None) -> Subject:
    """A Subject carrying only the in-memory identifiers (the vault record may be gone)."""
    return Subject(
        subject_id=None, found=True, kinds_used=plan.kinds_used if plan else (), identifiers=identifiers,
        ref=plan.subject_ref if plan else "",
    )  # fmt: skip
