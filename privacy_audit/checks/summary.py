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

__all__ = ["ColumnSummary", "summarize_chunk", "merge_summaries"]

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
        index = {v: i for i, v in enumerate(self.values)}
        values, counts, holders = list(self.values), list(self.counts), list(self.holders)
        for v, c, h in zip(later.values, later.counts, later.holders, strict=True):
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
        if not self.rows or not later.rows:
            kind = self.dtype_kind if self.rows else later.dtype_kind
        else:
            kind = self.dtype_kind if self.dtype_kind == later.dtype_kind else "O"
        return ColumnSummary(
            column=self.column,
            dtype_kind=kind,
            rows=self.rows + later.rows,
            values=tuple(values),
            counts=tuple(counts),
            holders=tuple(holders),
            subjects=self.subjects | later.subjects,
            anonymous_rows=self.anonymous_rows + later.anonymous_rows,
        )


def summarize_chunk(
    chunk: pd.DataFrame, subjects: pd.Series | None = None, *, offset: int = 0
) -> dict[str, ColumnSummary]:
    """Every column of ``chunk`` summarised. ``subjects``: the subject id of each row (strings, ``None``
    where unknown) or ``None`` when the dataset has none; ``offset``: the row number of the chunk's
    first row in the dataset (rows without a subject id are told apart by it)."""
    n = len(chunk)
    if subjects is None:
        ids = np.full(n, None, dtype=object)
    else:
        ids = subjects.reset_index(drop=True).to_numpy(dtype=object)
    known = pd.notna(ids)
    who = np.where(known, ids, np.arange(offset, offset + n)).astype(object)
    out: dict[str, ColumnSummary] = {}
    for col in chunk.columns:
        texts = cell_texts(chunk[col])
        codes, uniques = pd.factorize(texts.reset_index(drop=True), use_na_sentinel=True)
        present = codes >= 0
        counts = np.bincount(codes[present], minlength=len(uniques))
        pairs = pd.DataFrame({"v": codes[present], "s": who[present]}).drop_duplicates()
        first = pairs.drop_duplicates("v")
        holders_arr = np.full(len(uniques), _MANY, dtype=object)
        holders_arr[first["v"].to_numpy()] = first["s"].to_numpy(dtype=object)
        holders_arr[np.bincount(pairs["v"].to_numpy(), minlength=len(uniques)) != 1] = _MANY
        out[str(col)] = ColumnSummary(
            column=str(col),
            dtype_kind=chunk[col].dtype.kind,
            rows=n,
            values=tuple(np.asarray(uniques, dtype=object).tolist()),
            counts=tuple(int(c) for c in counts),
            holders=tuple(holders_arr.tolist()),
            subjects=frozenset(ids[present & known].tolist()),
            anonymous_rows=int((present & ~known).sum()),
        )
    return out


def merge_summaries(parts: Iterable[Mapping[str, ColumnSummary]]) -> dict[str, ColumnSummary]:
    """Per-chunk summaries (in row order) merged into one per column (columns in first-seen order)."""
    out: dict[str, ColumnSummary] = {}
    for part in parts:
        for name, summary in part.items():
            out[name] = out[name].merge(summary) if name in out else summary
    return out
