"""Per-column summaries of a dataset, built chunk by chunk and merged: what checks read instead of rows.

A :class:`ColumnSummary` holds, for one column over the whole dataset, its distinct non-null texts
(:func:`privacy_audit.identifiers.cell_texts`) as **keyed 64-bit hashes** (:func:`hash_texts`) in
order of first appearance with their row counts, and for each value *who* holds it: the one subject
holding it, or nobody in particular when several do (rows without a subject id count as their own
subject, identified by their row number). Only the first :data:`TEXTS_KEPT` distinct texts are kept
as text (:attr:`ColumnSummary.texts`: what prose, address and free-text analysis and the one example
shown need); a caller needing a later text reads it again from the column
(:meth:`privacy_audit.checks.CheckContext.distinct_texts`). Its size grows with the distinct values
and subjects, never with the rows, so a dataset is summarised one chunk at a time
(:func:`summarize_chunk` per chunk, then :func:`merge_summaries` in row order) and the chunks are
dropped. Summaries are mergeable by construction (counts add, holders compare), so the per-chunk
step can run on any partitioning (in process or on Dask) with the same answer.

**Hashes.** Values that are only compared (join overlaps, linkable-key digests, distinct counts,
holders) are compared by SipHash-2-4 (``pandas.util.hash_array``) keyed with a random key drawn once
per process (:func:`run_hash_key`; Dask workers are handed the caller's key), so nothing about the
hashes persists or can be precomputed by anyone. Two different texts sharing a hash would be taken
for one value: a join path or a linkable key could be reported for one extra value, a distinct count
could be one lower, and two subjects sharing a holder hash would be taken for one. With ``n`` distinct
values in a comparison the chance that any pair collides is about ``n**2 / 2**65``: for the 100x
sample estate's largest comparison (2 million event ids against 1.4 million identifier digests,
``n**2`` counted as the product) about 1 in 6 million per run; the hash is keyed per run, so no input
can be crafted to collide, and a collision in one run does not repeat in the next.

Pure: no I/O. :meth:`privacy_audit.checks.CheckContext.summaries` feeds it the chunks.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..identifiers import cell_texts, lookup_key

__all__ = [
    "ColumnSummary",
    "summarize_chunk",
    "merge_summaries",
    "hash_texts",
    "run_hash_key",
    "TEXTS_KEPT",
    "SUBJECT_HOLDER",
    "ROW_HOLDER",
    "MANY_HOLDERS",
    "ROWS",
    "SUBJECT",
    "group_chunk",
    "merge_groups",
]

TEXTS_KEPT = 50_000  # distinct texts of a column kept as text, in order of first appearance
SUBJECT_HOLDER, ROW_HOLDER, MANY_HOLDERS = 0, 1, 2  # who holds a value: one subject, one row without id, several
_RUN_KEY = secrets.token_hex(8)  # 16 characters: SipHash's 128-bit key, drawn once per process
_HEX_ONLY = r"^[0-9A-Fa-f]+$"


def run_hash_key() -> str:
    """This process's hash key (random, never stored): hand it to workers that summarise partitions."""
    return _RUN_KEY


def hash_texts(texts: Iterable[str] | np.ndarray, key: str | None = None) -> np.ndarray:
    """Keyed 64-bit hashes (uint64) of ``texts`` (strings, no nulls), vectorised; ``key``: 16 characters
    (default :func:`run_hash_key`)."""
    arr = texts if isinstance(texts, np.ndarray) and texts.dtype == object else np.asarray(list(texts), dtype=object)
    if not len(arr):
        return np.empty(0, dtype=np.uint64)
    return pd.util.hash_array(arr, hash_key=key or _RUN_KEY, categorize=False)


def _lookup_texts(uniques: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``uniques`` whose :func:`~privacy_audit.identifiers.lookup_key` differs from the text
    and those keys (ASCII values tested in Arrow compute, the others one by one)."""
    if not len(uniques):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=object)
    arr = pa.array(uniques, type=pa.large_string())
    ascii_ = pc.string_is_ascii(arr)
    # an ASCII text changes under lookup_key when it holds "@" or is all hex digits, and has a capital letter
    maybe = pc.and_(
        pc.or_(pc.match_substring(arr, "@"), pc.match_substring_regex(arr, _HEX_ONLY)),
        pc.match_substring_regex(arr, "[A-Z]"),
    )
    candidates = np.flatnonzero(
        pc.or_(pc.and_(ascii_, maybe), pc.invert(ascii_)).to_numpy(zero_copy_only=False)
    )
    keys = [lookup_key(v) for v in uniques[candidates]]
    changed = np.fromiter((k != v for k, v in zip(keys, uniques[candidates], strict=True)), dtype=bool,
                          count=len(keys))  # fmt: skip
    return candidates[changed], np.asarray(keys, dtype=object)[changed]


def _int_range(values: pd.Series) -> tuple[int, int] | None:
    if values.dtype.kind not in "iu":
        return None
    present = values.dropna()
    return (int(present.min()), int(present.max())) if len(present) else None


@dataclass(frozen=True, eq=False)
class ColumnSummary:
    """One column of a dataset: distinct values (hashed), their row counts and holders (see module doc).

    Arrays are aligned with :attr:`keys` (one entry per distinct value, in order of first appearance);
    ``holders[i]`` is the hash of the one subject id holding value ``i`` (``states[i] == SUBJECT_HOLDER``),
    the row number of the one row without a subject id holding it (``ROW_HOLDER``), or 0 when several hold it
    (``MANY_HOLDERS``)."""

    column: str
    dtype_kind: str  # numpy dtype kind of the column as read (``"O"`` when chunks disagree)
    rows: int  # rows seen, nulls included
    keys: np.ndarray  # uint64: keyed hash of each distinct non-null text
    counts: np.ndarray  # int64: rows holding each value
    holders: np.ndarray  # uint64: subject-id hash or row number, per value (see states)
    states: np.ndarray  # int8: SUBJECT_HOLDER, ROW_HOLDER or MANY_HOLDERS, per value
    subjects: np.ndarray  # uint64, sorted: hashes of the subject ids with a value in this column
    anonymous_rows: int  # rows without a subject id that have a value (each its own subject)
    texts: tuple[str, ...]  # the texts of the first values (a prefix of keys, at most TEXTS_KEPT)
    lookup: np.ndarray | None  # uint64: hash of lookup_key(text) per value; None when it is always the text
    int_range: tuple[int, int] | None  # smallest and largest value of a column of whole numbers
    key: str  # the hash key (summaries merge only under the same key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ColumnSummary):
            return NotImplemented
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
                if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.array_equal(a, b)):
                    return False
            elif a != b:
                return False
        return True

    __hash__ = None  # type: ignore[assignment]

    @property
    def distinct(self) -> int:
        """Distinct non-null values."""
        return len(self.keys)

    @property
    def present(self) -> int:
        """Rows with a value."""
        return int(self.counts.sum())

    @property
    def subject_count(self) -> int:
        """Subjects with a value (rows without a subject id count as their own subject)."""
        return len(self.subjects) + self.anonymous_rows

    def single(self) -> np.ndarray:
        """Per value: whether one subject (or one row without a subject id) holds it."""
        return self.states != MANY_HOLDERS

    def lookup_keys(self) -> np.ndarray:
        """Per value: the hash of its :func:`~privacy_audit.identifiers.lookup_key`."""
        return self.keys if self.lookup is None else self.lookup

    def unique_subjects(self, mask: np.ndarray | None = None) -> int:
        """Subjects (or rows without a subject id) holding at least one value that is theirs alone
        (among the values of ``mask`` when given)."""
        sel = self.single() if mask is None else (self.single() & mask)
        return len(np.unique(self.holders[sel & (self.states == SUBJECT_HOLDER)])) + len(
            np.unique(self.holders[sel & (self.states == ROW_HOLDER)])
        )

    def id_holders(self, mask: np.ndarray) -> int:
        """Distinct subject ids holding the values of ``mask`` that one subject holds."""
        return len(np.unique(self.holders[mask & (self.states == SUBJECT_HOLDER)]))

    def subjects_of(self, mask: np.ndarray) -> int | None:
        """Subjects with an id among the rows holding the values of ``mask``, when every such value is held
        by one subject (else ``None``: the summary cannot tell, the rows must be read)."""
        if (self.states[mask] == MANY_HOLDERS).any():
            return None
        return self.id_holders(mask)

    def positions(self, keys: Iterable[int] | np.ndarray) -> np.ndarray:
        """Per value: whether its hash is among ``keys``."""
        wanted = np.fromiter(keys, dtype=np.uint64) if not isinstance(keys, np.ndarray) else keys
        return np.isin(self.keys, wanted)

    def row_counter(self) -> bool:
        """A column of consecutive whole numbers (line numbers, row ids): no information about anyone."""
        if self.dtype_kind not in "iu" or not self.rows or self.present != self.rows or self.int_range is None:
            return False
        if (self.counts != 1).any():
            return False
        lo, hi = self.int_range
        return hi - lo == self.rows - 1

    def merge(self, later: ColumnSummary) -> ColumnSummary:
        """This summary followed by ``later`` (the next rows of the same column)."""
        return merge_summaries([{self.column: self}, {self.column: later}])[self.column]


def summarize_chunk(
    chunk: pd.DataFrame,
    subjects: pd.Series | None = None,
    *,
    offset: int = 0,
    texts: Mapping[str, pd.Series] | None = None,
    key: str | None = None,
) -> dict[str, ColumnSummary]:
    """Every column of ``chunk`` summarised. ``subjects``: the subject id of each row (strings, ``None``
    where unknown) or ``None`` when the dataset has none; ``offset``: the row number of the chunk's
    first row in the dataset (rows without a subject id are told apart by it); ``texts``: columns
    already turned into :func:`~privacy_audit.identifiers.cell_texts` (name -> texts), reused;
    ``key``: the hash key (default :func:`run_hash_key`)."""
    key = key or _RUN_KEY
    n = len(chunk)
    if subjects is None:
        sub_codes, sub_hash = np.full(n, -1, dtype=np.int64), np.empty(0, dtype=np.uint64)
    else:
        sub_codes, sub_ids = pd.factorize(subjects.reset_index(drop=True), use_na_sentinel=True)
        sub_hash = hash_texts(np.asarray(sub_ids, dtype=object), key)
    known = sub_codes >= 0
    k = len(sub_hash)
    # who holds each row: a subject (code < k) or, without an id, the row itself (k + its row in the chunk)
    who = np.where(known, sub_codes, k + np.arange(n)).astype(np.int64)
    out: dict[str, ColumnSummary] = {}
    for col in chunk.columns:
        done = texts.get(str(col)) if texts else None
        column_texts = done if done is not None else cell_texts(chunk[col])
        codes, uniques = pd.factorize(column_texts.reset_index(drop=True), use_na_sentinel=True)
        uniques = np.asarray(uniques, dtype=object)
        present = codes >= 0
        cp, wp = codes[present].astype(np.int64), who[present]
        counts = np.bincount(cp, minlength=len(uniques)).astype(np.int64)
        # one holder per value when the smallest and the largest holder of its rows are the same
        holder_of = np.full(len(uniques), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(holder_of, cp, wp)
        last = np.full(len(uniques), -1, dtype=np.int64)
        np.maximum.at(last, cp, wp)
        one = holder_of == last
        by_subject = holder_of < k
        states = np.where(one, np.where(by_subject, SUBJECT_HOLDER, ROW_HOLDER), MANY_HOLDERS)
        holders = np.zeros(len(uniques), dtype=np.uint64)
        subj = one & by_subject
        holders[subj] = sub_hash[holder_of[subj]]
        row = one & ~by_subject
        holders[row] = (offset + holder_of[row] - k).astype(np.uint64)
        held = np.flatnonzero(np.bincount(wp[wp < k], minlength=k))  # subjects with a value here
        kind = chunk[col].dtype.kind
        lookup = None
        if kind not in "biufcmM":
            at, lk = _lookup_texts(uniques)
            if len(at):
                keys = hash_texts(uniques, key)
                lookup = keys.copy()
                lookup[at] = hash_texts(lk, key)
        out[str(col)] = ColumnSummary(
            column=str(col),
            dtype_kind=kind,
            rows=n,
            keys=keys if lookup is not None else hash_texts(uniques, key),
            counts=counts,
            holders=holders,
            states=states.astype(np.int8),
            subjects=np.unique(sub_hash[held]),
            anonymous_rows=int((present & ~known).sum()),
            texts=tuple(uniques[:TEXTS_KEPT].tolist()),
            lookup=lookup,
            int_range=_int_range(chunk[col]),
            key=key,
        )
    return out


class _Merge:
    """One column's running merge (mutable; frozen into a :class:`ColumnSummary` at the end).

    Parts wait in a list and are folded in by one factorisation of their hashes (C) whenever they hold as
    many entries as the folded values, so each value is folded a bounded number of times."""

    def __init__(self, first: ColumnSummary) -> None:
        self.column, self.kind, self.rows, self.key = first.column, first.dtype_kind, 0, first.key
        self.done: ColumnSummary | None = None  # what is folded so far (a summary without texts)
        self.waiting: list[ColumnSummary] = []
        self.waiting_size = 0
        self.texts: dict[str, None] = {}  # the first distinct texts, in order (at most TEXTS_KEPT)
        self.texts_open = True  # False once a part lacked a text the prefix needed: the prefix stops there
        self.int_range: tuple[int, int] | None = None
        self.ints = True  # every part so far a column of whole numbers (or empty)
        self.anonymous = 0

    def add(self, part: ColumnSummary) -> None:
        if part.key != self.key:
            raise ValueError("column summaries hashed under different keys cannot be merged")
        if self.rows and part.rows and part.dtype_kind != self.kind:
            self.kind = "O"
        elif not self.rows:
            self.kind = part.dtype_kind
        self.rows += part.rows
        if part.int_range is not None and self.ints:
            lo, hi = part.int_range
            self.int_range = (lo, hi) if self.int_range is None else (min(lo, self.int_range[0]), max(hi, self.int_range[1]))
        elif part.present:
            self.ints, self.int_range = False, None
        if self.texts_open and len(self.texts) < TEXTS_KEPT:
            # the texts stay a prefix of the values: this part's new texts, in order, while it has them
            for text in part.texts:
                if text not in self.texts:
                    self.texts[text] = None
                    if len(self.texts) == TEXTS_KEPT:
                        break
            else:
                if len(part.texts) < part.distinct:
                    self.texts_open = False
        self.anonymous += part.anonymous_rows
        self.waiting.append(part)
        self.waiting_size += part.distinct
        if self.waiting_size >= max(self.done.distinct if self.done is not None else 0, 1 << 16):
            self._fold()

    def _fold(self) -> None:
        parts = ([self.done] if self.done is not None else []) + self.waiting
        self.waiting, self.waiting_size = [], 0
        if not parts:
            return
        keys = np.concatenate([p.keys for p in parts])
        codes, uniques = pd.factorize(keys)  # codes in order of first appearance: the merged order
        n = len(uniques)
        seen_before = np.maximum.accumulate(np.concatenate([[-1], codes[:-1]])) if len(codes) else codes
        first = np.flatnonzero(codes > seen_before)  # each value's first entry (code order)
        states = np.concatenate([p.states for p in parts])
        holders = np.concatenate([p.holders for p in parts])
        # a value is held by several when any entry says so or two entries name different holders
        differ = (states == MANY_HOLDERS) | (states != states[first][codes]) | (holders != holders[first][codes])
        many = np.zeros(n, dtype=bool)
        many[codes[differ]] = True
        merged_states, merged_holders = states[first], holders[first]
        merged_states[many], merged_holders[many] = MANY_HOLDERS, 0
        weights = np.concatenate([p.counts for p in parts])
        counts = np.bincount(codes, weights=weights, minlength=n).astype(np.int64)  # exact below 2**53 rows
        lookup = None
        if any(p.lookup is not None for p in parts):
            lookup = np.concatenate([p.lookup_keys() for p in parts])[first]
        subjects = np.unique(np.concatenate([p.subjects for p in parts]))
        self.done = ColumnSummary(self.column, self.kind, 0, np.asarray(uniques, dtype=np.uint64), counts,
                                  merged_holders, merged_states, subjects, 0, (), lookup, None, self.key)  # fmt: skip

    def result(self) -> ColumnSummary:
        self._fold()
        d = self.done
        assert d is not None
        return ColumnSummary(self.column, self.kind, self.rows, d.keys, d.counts, d.holders, d.states, d.subjects,
                             self.anonymous, tuple(self.texts), d.lookup, self.int_range if self.ints else None,
                             self.key)  # fmt: skip


def merge_summaries(parts: Iterable[Mapping[str, ColumnSummary]]) -> dict[str, ColumnSummary]:
    """Per-chunk summaries (in row order) merged into one per column (columns in first-seen order).
    ``parts`` may be a generator: one part is held at a time, and each value is merged once."""
    acc: dict[str, _Merge] = {}
    for part in parts:
        for name, summary in part.items():
            if name not in acc:
                acc[name] = _Merge(summary)
            acc[name].add(summary)
    return {name: m.result() for name, m in acc.items()}


# ------------------------------------------------------------------- equivalence-class counts

ROWS = "__rows__"  # column of a group frame: how many rows of the dataset each distinct row stands for
SUBJECT = "__subject__"  # column of a group frame: the subject id (None when the row has none)
_ROW = "__row__"  # keeps rows without a subject id apart (each is a subject of its own)


def group_chunk(
    chunk: pd.DataFrame, columns: list[str], subjects: pd.Series | None = None, *, offset: int = 0
) -> pd.DataFrame:
    """The distinct rows of ``chunk`` over ``columns`` (nulls are a value) -- with the subject id in
    :data:`SUBJECT` when ``subjects`` is given -- in order of first appearance, and how many rows each
    stands for (:data:`ROWS`). A row without a subject id stays a row of its own (it is a subject of its
    own: equivalence classes count it once). Its size grows with the distinct combinations, not the rows;
    per-chunk frames merge (:func:`merge_groups`: counts add) into the frame of the whole dataset, whose
    equivalence classes, weighted by :data:`ROWS`, are the whole frame's."""
    part = chunk[list(columns)].reset_index(drop=True)
    keys = list(columns)
    if subjects is not None:
        ids = subjects.reset_index(drop=True).astype(object)
        part[SUBJECT] = ids
        part[_ROW] = np.where(ids.isna().to_numpy(), offset + np.arange(len(part)), -1)
        keys += [SUBJECT, _ROW]
    return part.groupby(keys, sort=False, dropna=False, observed=True).size().reset_index(name=ROWS)


def merge_groups(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Per-chunk group frames (:func:`group_chunk`, in row order) merged: the counts of equal rows add,
    first appearance order is kept. ``parts`` may be a generator: one part is held at a time."""
    acc: pd.DataFrame | None = None
    for part in parts:
        if acc is None:
            acc = part
            continue
        keys = [c for c in part.columns if c != ROWS]
        both = pd.concat([acc, part], ignore_index=True)
        acc = both.groupby(keys, sort=False, dropna=False, observed=True)[ROWS].sum().reset_index()
    if acc is None:
        return pd.DataFrame({ROWS: pd.Series([], dtype="int64")})
    return acc.drop(columns=[_ROW], errors="ignore")
