"""Rows linked to a data subject by quasi-identifiers (policy 3.2.2, 5.1.1, 5.1.4).

A dataset kept without any identifier (the "anonymous" survey) is still the subject's personal data
when its quasi-identifiers single them out: the policy promises that separated data "cannot be
attributed to an identified or identifiable natural person" (3.2.2), and the re-identification
risk check says when that promise fails. :func:`quasi_links` joins the two:

* the subject's quasi-identifier values come from their identity records (every ``identified``
  dataset with a subject key; the vault included), one value per taxonomy entity (``entities``:
  role ``quasi``; postal codes of any name compared as postal codes, dates as dates);
* the datasets searched are the separated ones (pseudonymous, anonymous) that the risk check
  (:func:`privacy_audit.checks.risk.assess_dataset`, the same settings, the same quasi-identifier
  columns) calls re-identifying: smallest equivalence class below its target k;
* in each, the rows holding every value of the subject that the dataset also records form the
  subject's equivalence class (:func:`privacy_audit.risk.equivalence_classes` over those columns).

A class of one row (k = 1) whose values no other person on record shares is the subject's: erasure
erases it and export returns it ("linked by quasi-identifiers (postal code, date of birth; k=1)").
A larger class, or values shared by several people on record, cannot be attributed to one person:
erasure keeps those rows and says so ("cannot be attributed to one person: k=N"); export leaves them out.
Rows carrying another subject's key are never linked. Nothing here writes or prints a raw value.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from . import entities
from .checks import CheckContext, load_controls
from .checks.risk import SEPARATED_ZONES, assess_dataset
from .datamap import DataMap, Dataset
from .detect.headers import header_hints
from .errors import PrivacyAuditError
from .identifiers import cell_text, map_distinct, nfkc, normalize
from .risk import equivalence_classes
from .sources import read_dataset, sql_columns, sql_group_counts, sql_row_positions, sql_rows_at
from .subjects import DatasetMatch, SubjectData

__all__ = ["QuasiLink", "quasi_links", "subject_quasi_values", "with_linked_rows"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class QuasiLink:
    """Rows of one separated dataset that carry the subject's quasi-identifier values."""

    dataset: str
    columns: tuple[str, ...]  # the dataset's columns compared (quasi-identifiers the identity records also hold)
    entities: tuple[str, ...]  # their entities, in the same order
    rows: tuple[int, ...]  # positions in the dataset as read (row ids for SQL)
    k: int  # the size of the subject's equivalence class over ``columns`` (rows, or subjects with a key)
    people: int  # people on record (identity records) sharing the subject's values

    @property
    def attributable(self) -> bool:
        """True when the rows are the subject's: a class of one, values no one else on record shares."""
        return self.k == 1 and self.people <= 1

    def describe(self) -> str:
        """The columns compared, in words (``postal code, date of birth``)."""
        words = []
        for e, c in zip(self.entities, self.columns, strict=True):
            ent = entities.describe(e)
            label = getattr(ent, "label", None) or c.replace("_", " ")
            words.append(label.removeprefix("a ").removeprefix("an "))
        return ", ".join(dict.fromkeys(words))

    def reason(self) -> str:
        """Why the rows are erased (attributable) or kept (not), one phrase with no values."""
        if self.attributable:
            return f"linked by quasi-identifiers ({self.describe()}; k=1)"
        why = f"k={self.k}" if self.k > 1 else f"{self.people} people on record share these values"
        return f"linked by quasi-identifiers ({self.describe()}) but kept: cannot be attributed to one person: {why}"

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "columns": list(self.columns), "rows": len(self.rows), "k": self.k,
                "people": self.people, "attributable": self.attributable, "reason": self.reason()}  # fmt: skip


def _key(entity: str) -> str:
    """What a quasi-identifier is compared as: postal codes of any entity name alike, else the entity."""
    return "postal" if entities.generalisation(entity) == "postal" else entity


def _quasi_entity(column: str, declared: str | None) -> str | None:
    """The quasi-identifier entity of a column: its declared category, else the header vocabulary's."""
    if entities.is_quasi(declared):
        return declared
    if declared:
        return None
    hint = header_hints(str(column))
    return next((e for e in hint.entities if entities.is_quasi(e)), None) if hint is not None else None


def _norm(entity: str, value: Any) -> str | None:
    """One comparable form of a quasi-identifier value (dates as ISO dates, postal codes compacted)."""
    text = cell_text(value)
    if text is None:
        return None
    kind = entities.generalisation(entity)
    if kind == "date":
        return next(iter(normalize("dob", text)), None)
    if kind == "postal":
        compact = "".join(ch for ch in nfkc(text) if ch.isalnum()).upper()
        return compact or None
    if kind == "number":
        try:
            return format(float(text), "g")
        except ValueError:
            return None
    return nfkc(text).casefold() or None


def _tokens(subject: Any) -> set[str]:
    ids = getattr(subject, "identifiers", subject)
    if not isinstance(ids, Mapping):
        return set()
    return {str(v) for k in ("tokens", "pseudonyms") for v in ids.get(k, ())}


def _identity_frames(datamap: DataMap, vault_key: bytes | None) -> list[tuple[Dataset, pd.DataFrame, dict[str, str]]]:
    """Every identified dataset with a subject key: (dataset, frame, column -> quasi entity key)."""
    out = []
    for ds in datamap.datasets:
        if ds.zone != "identified" or not ds.subject_key:
            continue
        try:
            frame = read_dataset(ds, vault_key=vault_key)
        except PrivacyAuditError as exc:
            logger.info("quasi-identifier linkage: %s not read (%s)", ds.name, exc)
            continue
        if ds.subject_key not in frame.columns:
            continue
        cols = {}
        for c in frame.columns:
            e = _quasi_entity(str(c), ds.columns.get(str(c)))
            if e is not None and str(c) != ds.subject_key:
                cols[str(c)] = e
        if cols:  # only the columns compared are kept: the rest of each identity table is let go now
            keep = [c for c in frame.columns if str(c) == ds.subject_key or str(c) in cols]
            out.append((ds, frame.loc[:, keep], cols))
    return out


def subject_quasi_values(
    identity: Iterable[tuple[Dataset, pd.DataFrame, dict[str, str]]], tokens: set[str]
) -> dict[str, str]:
    """The subject's value per quasi-identifier (entity key -> normalised value) from their identity
    rows; a quasi-identifier with two different values on record is left out (which one is meant?)."""
    seen: dict[str, set[str]] = {}
    for ds, frame, cols in identity:
        mine = frame[frame[ds.subject_key].map(lambda v: cell_text(v) in tokens)]
        for c, e in cols.items():
            for v in mine[c]:
                n = _norm(e, v)
                if n is not None:
                    seen.setdefault(_key(e), set()).add(n)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _people(identity: list[tuple[Dataset, pd.DataFrame, dict[str, str]]], keys: dict[str, str]) -> int:
    """How many people on record (distinct subject keys of the identity records) hold all ``keys``' values."""
    people: set[str] = set()
    for ds, frame, cols in identity:
        by_key = {_key(e): c for c, e in cols.items()}
        if not set(keys) <= set(by_key):
            continue
        hit = np.logical_and.reduce([map_distinct(frame[by_key[k]], lambda x, e=cols[by_key[k]]: _norm(e, x)).to_numpy() == v
                                     for k, v in keys.items()])  # fmt: skip
        people |= {str(cell_text(s)) for s in frame.loc[hit, ds.subject_key]}
    return len(people)


def quasi_links(
    datamap: DataMap,
    subject: Any,
    *,
    vault_key: bytes | None = None,
    as_of: _dt.date | None = None,
) -> tuple[QuasiLink, ...]:
    """The rows of every re-identifying separated dataset linked to ``subject`` by quasi-identifiers
    (see the module docstring). ``subject``: a :class:`privacy_audit.subjects.Subject` or a mapping of
    identifiers (``tokens``: the subject keys of their identity records). Reads, never writes."""
    tokens = _tokens(subject)
    targets = [d for d in datamap.datasets if d.zone in SEPARATED_ZONES]
    if not tokens or not targets:
        return ()
    identity = _identity_frames(datamap, vault_key)
    values = subject_quasi_values(identity, tokens)
    if not values:
        return ()
    ctx = CheckContext(datamap, as_of=as_of or datamap.as_of or _dt.date.today(), controls=load_controls(datamap.controls))
    out: list[QuasiLink] = []
    for ds in targets:
        if not _may_link(ds, values):  # no column it could be linked by: not read, not scanned
            continue
        try:
            link = _link(ctx, ds, values, tokens, identity)
        except PrivacyAuditError as exc:  # a dataset the risk check cannot measure is not linked
            logger.info("quasi-identifier linkage: %s skipped (%s)", ds.name, exc)
            continue
        if link is not None:
            out.append(link)
    return tuple(out)


def _may_link(ds: Dataset, values: Mapping[str, str]) -> bool:
    """Whether ``ds`` names (declared category or header) a quasi-identifier the subject has a value for;
    only such columns are compared, so a dataset without one is skipped before it is read."""
    names = list(ds.columns)
    try:  # the header too: a quasi-identifier column the data map does not declare still counts
        names += sql_columns(ds.url, ds.table) if ds.is_sql else [str(c) for c in read_dataset(ds, nrows=0).columns]
    except PrivacyAuditError:
        return True  # let the risk check say why it cannot be read
    return any((e := _quasi_entity(c, ds.columns.get(c))) is not None and _key(e) in values for c in names)


def _link(ctx: CheckContext, ds: Dataset, values: dict[str, str], tokens: set[str],
          identity: list[tuple[Dataset, pd.DataFrame, dict[str, str]]]) -> QuasiLink | None:  # fmt: skip
    risk = assess_dataset(ctx, ds, propose_fix=False)  # THE risk check: same settings, same columns
    qis = list(risk.profile.quasi_identifiers)
    if not qis or not risk.profile.records or risk.profile.k >= risk.target_k:
        return None  # not re-identifying: the rows cannot be attributed to anyone
    cols: list[str] = []
    ents: list[str] = []
    for c in qis:
        e = _quasi_entity(c, ds.columns.get(c))
        if e is not None and _key(e) in values and _key(e) not in {_key(x) for x in ents}:
            cols.append(c)
            ents.append(e)
    if not cols:
        return None  # the identity records hold none of the dataset's quasi-identifiers
    wanted = {c: values[_key(e)] for c, e in zip(cols, ents, strict=True)}
    people = _people(identity, {_key(e): values[_key(e)] for e in ents})
    if ds.is_sql:
        groups = sql_group_counts(ds.url, ds.table, cols)
        counts = groups.pop("__records")
        norm = pd.DataFrame({c: groups[c].map(lambda v, e=e: _norm(e, v)) for c, e in zip(cols, ents, strict=True)})
        classes = equivalence_classes(norm, cols, weights=counts)
        hit = np.flatnonzero(np.logical_and.reduce([norm[c].to_numpy() == v for c, v in wanted.items()]))
        if not hit.size:
            return None
        k = int(classes.row_sizes()[hit[0]])
        rows: set[int] | None = None
        for c in cols:  # the rows holding every value: one parameterised search per column, intersected
            raw = sorted({str(groups[c].iloc[i]) for i in hit})
            found = set(sql_row_positions(ds.url, ds.table, {c: raw}))
            rows = found if rows is None else rows & found
        return QuasiLink(ds.name, tuple(cols), tuple(ents), tuple(sorted(rows or ())), k, people)
    frame = ctx.frame(ds)
    subjects = ctx.subject_values(ds)
    norm = pd.DataFrame({c: map_distinct(frame[c], lambda v, e=e: _norm(e, v)) for c, e in zip(cols, ents, strict=True)})
    classes = equivalence_classes(norm, cols, subjects)
    match = np.logical_and.reduce([norm[c].to_numpy() == v for c, v in wanted.items()])
    if subjects is not None:  # a row keyed to another subject is theirs, never this subject's
        keyed = subjects.reset_index(drop=True).map(lambda s: s is not None and not pd.isna(s))
        mine = subjects.reset_index(drop=True).map(lambda s: str(s) in tokens)
        match &= (~keyed | mine).to_numpy()
    hit = np.flatnonzero(match)
    if not hit.size:
        return None
    return QuasiLink(ds.name, tuple(cols), tuple(ents), tuple(int(i) for i in hit), int(classes.row_sizes()[hit[0]]),
                     people)  # fmt: skip


def with_linked_rows(
    datamap: DataMap, data: SubjectData, *, vault_key: bytes | None = None, as_of: _dt.date | None = None
) -> SubjectData:
    """``data`` (the subject search's result) plus the rows attributable to the subject by
    quasi-identifiers (k = 1, see :func:`quasi_links`), matched by ``quasi_identifiers``: a
    subject-access export returns what an erasure would erase. Rows that cannot be attributed to one
    person are not the subject's to receive and are left out."""
    if not getattr(data.subject, "found", False):
        return data
    links = [link for link in quasi_links(datamap, data.subject, vault_key=vault_key, as_of=as_of) if link.attributable]
    if not links:
        return data
    matches = list(data.datasets)
    for link in links:
        ds = datamap.dataset(link.dataset)
        i = next((n for n, m in enumerate(matches) if m.name == link.dataset), None)
        old = matches[i] if i is not None else None
        new_ids = [r for r in link.rows if old is None or r not in old.row_ids]
        if not new_ids:
            continue
        frame = sql_rows_at(ds.url, ds.table, new_ids) if ds.is_sql else read_dataset(ds, vault_key=vault_key).iloc[new_ids]
        reason = link.reason()
        if old is None:
            match = DatasetMatch(ds.name, ds.zone, frame, tuple(new_ids), ("quasi_identifiers",),
                                 row_reasons=tuple(reason for _ in new_ids))  # fmt: skip
            matches.append(match)
        else:
            rows = pd.concat([old.rows, frame])
            reasons = (*(old.row_reasons or ("",) * len(old.row_ids)), *(reason for _ in new_ids))
            matches[i] = DatasetMatch(old.name, old.zone, rows, (*old.row_ids, *new_ids),
                                      tuple(dict.fromkeys([*old.matched_by, "quasi_identifiers"])), old.log_lines,
                                      reasons, old.mention_row_ids, old.kind)  # fmt: skip
    return replace(data, datasets=tuple(matches))
