"""Per-column summaries of a dataset, built chunk by chunk and merged: what checks read instead of rows.

A :class:`ColumnSummary` holds, for one column over the whole dataset, its distinct non-null texts
(:func:`privacy_audit.identifiers.cell_texts`) in order of first appearance with their row counts,
and for each value *who* holds it: the one subject holding it, or ``None`` when several do (rows
without a subject id count as their own subject, identified by their row number). Its size grows
with the distinct values and subjects, never with the rows, so a dataset is summarised one chunk
at a time (:func:`summarize_chunk` per chunk, then :meth:`ColumnSummary.merge` in row order) and
the chunks are dropped. Summaries are mergeable by construction (counts add, holder sets union),
so the per-chunk step can run on any partitioning (in process or on Dask) with the same answer.

Pure: no I/O. :meth:`privacy_audit.checks.CheckContext.summaries` feeds it the chunks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..identifiers import cell_texts

__all__ = ["ColumnSummary", "summarize_chunk", "merge_summaries", "ROWS", "SUBJECT", "group_chunk", "merge_groups"]

_MANY = None  # holder of a value held by more than one subject


@dataclass(frozen=True)
class ColumnSummary:
    """One column of a dataset: distinct texts, their row counts and their holders (see module doc)."""

    column: str
    dtype_kind: str  # numpy dtype kind of the column as read (``"O"`` when chunks disagree)
    rows: int  # rows seen, nulls included
    values: tuple[str, ...]  # distinct non-null texts, in order of first appearance
    counts: tuple[int, ...]  # rows holding each value
    holders: tuple[str | int | None, ...]  # the one subject id (str) or row number (int) per value, or None
    subjects: frozenset[str]  # subject ids with a value in this column
    anonymous_rows: int  # rows without a subject id that have a value (each its own subject)

    @property
    def present(self) -> int:
        """Rows with a value."""
        return int(sum(self.counts))

    @property
    def subject_count(self) -> int:
        """Subjects with a value (rows without a subject id count as their own subject)."""
        return len(self.subjects) + self.anonymous_rows

    def one_subject(self) -> frozenset[str]:
        """Values held by exactly one subject."""
        return frozenset(v for v, h in zip(self.values, self.holders, strict=True) if h is not _MANY)

    def unique_subjects(self) -> int:
        """Subjects (or rows without a subject id) holding at least one value that is theirs alone."""
        return len({h for h in self.holders if h is not _MANY})

    def subjects_of(self, values: Iterable[str]) -> int | None:
        """Subjects with an id among the rows holding one of ``values``, when every such value is held
        by one subject (else ``None``: the summary cannot tell, the rows must be read)."""
        wanted = set(values)
        found: set[str] = set()
        for v, h in zip(self.values, self.holders, strict=True):
            if v in wanted:
                if h is _MANY:
                    return None
                if isinstance(h, str):
                    found.add(h)
        return len(found)

    def row_counter(self) -> bool:
        """A column of consecutive whole numbers (line numbers, row ids): no information about anyone."""
        if self.dtype_kind not in "iu" or not self.rows or self.present != self.rows:
            return False
        if any(c != 1 for c in self.counts):
            return False
        ints = [int(v) for v in self.values]
        return max(ints) - min(ints) == self.rows - 1

    def merge(self, later: ColumnSummary) -> ColumnSummary:
        """This summary followed by ``later`` (the next rows of the same column)."""
        return merge_summaries([{self.column: self}, {self.column: later}])[self.column]


def summarize_chunk(
    chunk: pd.DataFrame,
    subjects: pd.Series | None = None,
    *,
    offset: int = 0,
    texts: Mapping[str, pd.Series] | None = None,
) -> dict[str, ColumnSummary]:
    """Every column of ``chunk`` summarised. ``subjects``: the subject id of each row (strings, ``None``
    where unknown) or ``None`` when the dataset has none; ``offset``: the row number of the chunk's
    first row in the dataset (rows without a subject id are told apart by it); ``texts``: columns
    already turned into :func:`~privacy_audit.identifiers.cell_texts` (name -> texts), reused."""
    n = len(chunk)
    if subjects is None:
        sub_codes, sub_ids = np.full(n, -1, dtype=np.int64), np.empty(0, dtype=object)
    else:
        sub_codes, sub_ids = pd.factorize(subjects.reset_index(drop=True), use_na_sentinel=True)
        sub_ids = np.asarray(sub_ids, dtype=object)
    known = sub_codes >= 0
    k = len(sub_ids)
    # who holds each row: a subject (code < k) or, without an id, the row itself (k + its row in the chunk)
    who = np.where(known, sub_codes, k + np.arange(n)).astype(np.int64)
    width = k + n + 1
    out: dict[str, ColumnSummary] = {}
    for col in chunk.columns:
        done = texts.get(str(col)) if texts else None
        column_texts = done if done is not None else cell_texts(chunk[col])
        codes, uniques = pd.factorize(column_texts.reset_index(drop=True), use_na_sentinel=True)
        present = codes >= 0
        counts = np.bincount(codes[present], minlength=len(uniques))
        pairs = np.unique(codes[present].astype(np.int64) * width + who[present])
        pv, ps = pairs // width, pairs % width
        holders_n = np.bincount(pv, minlength=len(uniques))
        holder_of = np.zeros(len(uniques), dtype=np.int64)
        holder_of[pv] = ps
        one = holders_n == 1
        single = holder_of[one]
        by_subject = single < k
        who_one = np.empty(len(single), dtype=object)
        who_one[by_subject] = sub_ids[single[by_subject]]
        who_one[~by_subject] = (offset + single[~by_subject] - k).tolist()
        holders = np.full(len(uniques), _MANY, dtype=object)
        holders[one] = who_one
        held = np.unique(ps[ps < k])
        out[str(col)] = ColumnSummary(
            column=str(col),
            dtype_kind=chunk[col].dtype.kind,
            rows=n,
            values=tuple(np.asarray(uniques, dtype=object).tolist()),
            counts=tuple(counts.tolist()),
            holders=tuple(holders.tolist()),
            subjects=frozenset(sub_ids[held].tolist()),
            anonymous_rows=int((present & ~known).sum()),
        )
    return out


class _Merge:
    """One column's running merge (mutable; frozen into a :class:`ColumnSummary` at the end)."""

    def __init__(self, first: ColumnSummary) -> None:
        self.column, self.kind, self.rows = first.column, first.dtype_kind, 0
        self.index: dict[str, int] = {}
        self.values: list[str] = []
        self.counts: list[int] = []
        self.holders: list[str | int | None] = []
        self.subjects: set[str] = set()
        self.anonymous = 0

    def add(self, part: ColumnSummary) -> None:
        if self.rows and part.rows and part.dtype_kind != self.kind:
            self.kind = "O"
        elif not self.rows:
            self.kind = part.dtype_kind
        self.rows += part.rows
        index, values, counts, holders = self.index, self.values, self.counts, self.holders
        for v, c, h in zip(part.values, part.counts, part.holders, strict=True):
            i = index.get(v)
            if i is None:
                index[v] = len(values)
                values.append(v)
                counts.append(c)
                holders.append(h)
            else:
                counts[i] += c
                if holders[i] is not _MANY and holders[i] != h:
                    holders[i] = _MANY
        self.subjects |= part.subjects
        self.anonymous += part.anonymous_rows

    def result(self) -> ColumnSummary:
        return ColumnSummary(self.column, self.kind, self.rows, tuple(self.values), tuple(self.counts),
                             tuple(self.holders), frozenset(self.subjects), self.anonymous)  # fmt: skip


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
