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

With a current subject index (:mod:`privacy_audit.subject_index`) the same answers come from what the
index build recorded (:func:`quasi_index`): per separated dataset the risk check's verdict (re-identifying
or not, its quasi-identifier columns: the verdict depends on the whole dataset, so it is part of that
dataset's indexed state and goes stale with it), and keyed digests of each normalised quasi-identifier
value -> rows, for the separated and the identity datasets. A request then reads the subject's identity
rows, the rows holding all their values (in the identity datasets: the people sharing them; in each
re-identifying dataset: the subject's class) and confirms every value on the rows themselves; it loads no
text analyser and reads no dataset whole. A separated dataset that changed since the build (or whose risk
settings did) is measured whole as without an index; an index not current for every identity dataset, or
one failing its checks, is not used at all.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from . import entities
from .checks import CheckContext, load_controls, subject_ids
from .checks.risk import SEPARATED_ZONES, assess_dataset, settings_for
from .datamap import DataMap, Dataset
from .detect.headers import header_hints
from .errors import IndexIntegrityError, PrivacyAuditError
from .identifiers import cell_text, map_distinct, nfkc, normalize
from .risk import equivalence_classes
from .sources import read_dataset, sql_columns, sql_group_counts, sql_row_positions, sql_rows_at
from .subjects import DatasetMatch, SubjectData, close_search_index, open_search_index

__all__ = ["QuasiLink", "quasi_entries", "quasi_index", "quasi_links", "quasi_state", "subject_quasi_values",
           "with_linked_rows"]

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


def _identity_columns(ds: Dataset, columns: Iterable[Any]) -> dict[str, str]:
    """The quasi-identifier columns of an identity dataset (column -> entity), its subject key left out."""
    out = {}
    for c in columns:
        e = _quasi_entity(str(c), ds.columns.get(str(c)))
        if e is not None and str(c) != ds.subject_key:
            out[str(c)] = e
    return out


def _is_identity(ds: Dataset) -> bool:
    return ds.zone == "identified" and bool(ds.subject_key)


def _identity_frames(datamap: DataMap, vault_key: bytes | None) -> list[tuple[Dataset, pd.DataFrame, dict[str, str]]]:
    """Every identified dataset with a subject key: (dataset, frame, column -> quasi entity key)."""
    out = []
    for ds in datamap.datasets:
        if not _is_identity(ds):
            continue
        try:
            frame = read_dataset(ds, vault_key=vault_key)
        except PrivacyAuditError as exc:
            logger.info("quasi-identifier linkage: %s not read (%s)", ds.name, exc)
            continue
        if ds.subject_key not in frame.columns:
            continue
        cols = _identity_columns(ds, frame.columns)
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
        if set(keys) <= {_key(e) for e in cols.values()}:
            people |= _holders(ds, frame, cols, keys)
    return len(people)


def _holders(ds: Dataset, frame: pd.DataFrame, cols: Mapping[str, str], keys: Mapping[str, str]) -> set[str]:
    """The subject keys of the rows of ``frame`` (identity dataset ``ds``, quasi-identifier columns
    ``cols``) that hold every value of ``keys`` (entity key -> normalised value, each one a column of ``cols``)."""
    by_key = {_key(e): c for c, e in cols.items()}
    hit = _confirmed(frame, {by_key[k]: (cols[by_key[k]], v) for k, v in keys.items()})
    return {str(cell_text(s)) for s in frame[ds.subject_key].iloc[np.flatnonzero(hit)]}


def quasi_links(
    datamap: DataMap,
    subject: Any,
    *,
    vault_key: bytes | None = None,
    as_of: _dt.date | None = None,
) -> tuple[QuasiLink, ...]:
    """The rows of every re-identifying separated dataset linked to ``subject`` by quasi-identifiers
    (see the module docstring). ``subject``: a :class:`privacy_audit.subjects.Subject` or a mapping of
    identifiers (``tokens``: the subject keys of their identity records). Reads, never writes. With a
    current subject index the answer comes from it (the same answer)."""
    tokens = _tokens(subject)
    if not tokens or not any(d.zone in SEPARATED_ZONES for d in datamap.datasets):
        return ()
    view = open_search_index(datamap, vault_key)
    try:
        return _links(datamap, tokens, view, vault_key, as_of)
    finally:
        close_search_index(view)


def _links(datamap: DataMap, tokens: set[str], view: Any, vault_key: bytes | None,
           as_of: _dt.date | None) -> tuple[QuasiLink, ...]:  # fmt: skip
    """:func:`quasi_links` through ``view`` (an open subject index, or ``None``)."""
    if view is not None:
        try:
            got = _indexed_links(datamap, tokens, view, as_of)
        except PrivacyAuditError as exc:  # a failed check (never trusted again) or rows it cannot read
            logger.info("quasi-identifier linkage: the subject index could not answer (%s); measured whole", exc)
            got = None
        if got is not None:
            return got
    return _full_links(datamap, tokens, vault_key, as_of)


def _context(datamap: DataMap, as_of: _dt.date | None) -> CheckContext:
    return CheckContext(datamap, as_of=as_of or datamap.as_of or _dt.date.today(), controls=load_controls(datamap.controls))


def _full_links(datamap: DataMap, tokens: set[str], vault_key: bytes | None,
                as_of: _dt.date | None) -> tuple[QuasiLink, ...]:  # fmt: skip
    """The links without an index: every identity table read whole, every candidate dataset measured."""
    targets = [d for d in datamap.datasets if d.zone in SEPARATED_ZONES]
    identity = _identity_frames(datamap, vault_key)
    values = subject_quasi_values(identity, tokens)
    if not values:
        return ()
    ctx = _context(datamap, as_of)
    out: list[QuasiLink] = []
    for ds in targets:
        if not _may_link(ds, values):  # no column it could be linked by: not read, not scanned
            continue
        try:
            link = _link(ctx, ds, values, tokens, lambda keys: _people(identity, keys))
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
    return bool(_quasi_keys(ds, names) & set(values))


def _quasi_keys(ds: Dataset, names: Iterable[str]) -> set[str]:
    """What the columns ``names`` of ``ds`` can link by (entity keys of their quasi-identifier entities)."""
    return {_key(e) for c in names if (e := _quasi_entity(c, ds.columns.get(c))) is not None}


def _link_columns(ds: Dataset, qis: Iterable[str], values: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The columns of ``qis`` compared (one per entity key the subject has a value for) and their entities."""
    cols: list[str] = []
    ents: list[str] = []
    for c in qis:
        e = _quasi_entity(c, ds.columns.get(c))
        if e is not None and _key(e) in values and _key(e) not in {_key(x) for x in ents}:
            cols.append(c)
            ents.append(e)
    return cols, ents


def _link(ctx: CheckContext, ds: Dataset, values: dict[str, str], tokens: set[str],
          people_of: Callable[[dict[str, str]], int]) -> QuasiLink | None:  # fmt: skip
    risk = assess_dataset(ctx, ds, propose_fix=False)  # THE risk check: same settings, same columns
    qis = list(risk.profile.quasi_identifiers)
    if not qis or not risk.profile.records or risk.profile.k >= risk.target_k:
        return None  # not re-identifying: the rows cannot be attributed to anyone
    cols, ents = _link_columns(ds, qis, values)
    if not cols:
        return None  # the identity records hold none of the dataset's quasi-identifiers
    wanted = {c: values[_key(e)] for c, e in zip(cols, ents, strict=True)}
    people = people_of({_key(e): values[_key(e)] for e in ents})
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
    return _class_link(ds, frame, np.arange(len(frame)), cols, ents, wanted, ctx.subject_values(ds), tokens, people)


def _class_link(ds: Dataset, frame: pd.DataFrame, row_ids: np.ndarray, cols: list[str], ents: list[str],
                wanted: dict[str, str], subjects: pd.Series | None, tokens: set[str], people: int) -> QuasiLink | None:  # fmt: skip
    """The link of a (file) dataset from ``frame`` (rows ``row_ids`` of the dataset, every row of the
    subject's class among them) and each row's subject id (``None``: the dataset has no subject key)."""
    norm = pd.DataFrame({c: map_distinct(frame[c], lambda v, e=e: _norm(e, v)) for c, e in zip(cols, ents, strict=True)})
    norm = norm.reset_index(drop=True)
    classes = equivalence_classes(norm, cols, subjects)
    match = np.logical_and.reduce([norm[c].to_numpy() == v for c, v in wanted.items()])
    if subjects is not None:  # a row keyed to another subject is theirs, never this subject's
        keyed = subjects.reset_index(drop=True).map(lambda s: s is not None and not pd.isna(s))
        mine = subjects.reset_index(drop=True).map(lambda s: str(s) in tokens)
        match &= (~keyed | mine).to_numpy()
    hit = np.flatnonzero(match)
    if not hit.size:
        return None
    return QuasiLink(ds.name, tuple(cols), tuple(ents), tuple(int(row_ids[i]) for i in hit),
                     int(classes.row_sizes()[hit[0]]), people)  # fmt: skip


# ------------------------------------------------------------------------- through the subject index

_Q = "q"  # the namespace of quasi-identifier value digests in the subject index


def _qtext(column: str, value: str) -> str:
    """The text the index digests for one normalised quasi-identifier value of one column."""
    return f"{_Q}\x1f{column}\x1f{value}"


def _settings_digest(datamap: DataMap, ds: Dataset) -> str:
    """A digest of the risk settings the verdict was reached under (the data map's and the dataset's)."""
    settings = dataclasses.asdict(settings_for(datamap, ds))
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


def _value_entries(values: pd.Series, column: str, entity: str,
                   many: Callable[[list[str]], np.ndarray]) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """``(digests, positions)`` of one column's normalised values (each distinct value digested once)."""
    norm = map_distinct(values, lambda v: _norm(entity, v))
    codes, uniques = pd.factorize(norm.reset_index(drop=True), use_na_sentinel=True)
    if not len(uniques):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    digests = np.asarray(many([_qtext(column, str(u)) for u in uniques]), dtype=np.int64)
    pos = np.flatnonzero(codes >= 0)
    return digests[codes[pos]], pos.astype(np.int64)


def quasi_index(
    datamap: DataMap, ds: Dataset, frame: pd.DataFrame, many: Callable[[list[str]], np.ndarray]
) -> tuple[dict[str, Any] | None, list[tuple[np.ndarray, np.ndarray]]]:
    """What the subject index keeps of ``ds`` (read whole as ``frame``) for the linkage: ``(state,
    [(digests, row positions), ...])``, ``(None, [])`` for a dataset the linkage never reads.

    ``state`` (JSON, no value of the data): for an identity dataset its quasi-identifier columns; for a
    separated one the entity keys it could be linked by, a digest of its risk settings and the risk
    check's verdict (:func:`~privacy_audit.checks.risk.assess_dataset`: its quasi-identifiers, whether
    it is re-identifying; ``error`` when it cannot be measured). The entries: ``many`` (the index's keyed
    digest of texts) of each normalised quasi-identifier value, per column, -> the rows holding it (a
    separated dataset's only when it is re-identifying). The same as :func:`quasi_state` then
    :func:`quasi_entries` of the whole frame."""
    state, cols = quasi_state(datamap, ds, [str(c) for c in frame.columns])
    return state, quasi_entries(frame, cols, many)


def quasi_state(datamap: DataMap, ds: Dataset, columns: Iterable[str]) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The linkage's state of ``ds`` (as :func:`quasi_index` gives it) from its column names alone, and
    the columns whose values are indexed (column -> entity): what a build that reads ``ds`` in chunks
    decides once, before :func:`quasi_entries` of each chunk (the risk check reads the dataset itself)."""
    columns = list(columns)
    if _is_identity(ds):
        keyed = ds.subject_key in columns
        cols = _identity_columns(ds, columns) if keyed else {}
        return {"role": "identity", "keyed": keyed, "columns": cols}, cols
    if ds.zone not in SEPARATED_ZONES:
        return None, {}
    keys = _quasi_keys(ds, [*ds.columns, *columns])
    state: dict[str, Any] = {"role": "separated", "keys": sorted(keys), "settings": None}
    if not keys:
        return state, {}  # no column it could be linked by: never measured for a link
    try:
        state["settings"] = _settings_digest(datamap, ds)
        risk = assess_dataset(_context(datamap, None), ds, propose_fix=False)
    except PrivacyAuditError as exc:
        state["error"] = type(exc).__name__  # the message may quote the data: its class only
        return state, {}
    qis = [str(c) for c in risk.profile.quasi_identifiers]
    state["qis"] = qis
    state["reidentifying"] = bool(qis and risk.profile.records and risk.profile.k < risk.target_k)
    if not state["reidentifying"]:
        return state, {}
    return state, {c: e for c in qis if (e := _quasi_entity(c, ds.columns.get(c))) is not None and c in columns}


def quasi_entries(frame: pd.DataFrame, cols: Mapping[str, str],
                  many: Callable[[list[str]], np.ndarray]) -> list[tuple[np.ndarray, np.ndarray]]:  # fmt: skip
    """The linkage's ``(digests, positions in frame)`` of ``frame`` (the whole dataset or one chunk of
    it) for the columns :func:`quasi_state` named."""
    return [_value_entries(frame[c], c, e, many) for c, e in cols.items()]


def _confirmed(frame: pd.DataFrame, norms: Mapping[str, tuple[str, str]]) -> np.ndarray:
    """Which rows of ``frame`` hold every value (column -> (entity, normalised value)): the index's
    digests may collide, so each value is confirmed on the row itself."""
    return np.logical_and.reduce([map_distinct(frame[c], lambda x, e=e: _norm(e, x)).to_numpy() == v
                                  for c, (e, v) in norms.items()] or [np.ones(len(frame), dtype=bool)])  # fmt: skip


def _rows_holding(view: Any, ds: Dataset, wanted: Mapping[str, str]) -> list[int]:
    """Row ids of ``ds`` the index lists under every value of ``wanted`` (column -> normalised value)."""
    rows: set[int] | None = None
    for c, v in wanted.items():
        found = set(view.text_rows(ds, [_qtext(c, v)]))
        rows = found if rows is None else rows & found
        if not rows:
            return []
    return sorted(rows or ())


def _indexed_identity(datamap: DataMap, view: Any) -> list[tuple[Dataset, dict[str, str]]] | None:
    """The identity datasets with quasi-identifier columns (dataset, column -> entity), as the index
    recorded them; ``None`` when the index is not current for every identity dataset."""
    out = []
    for ds in datamap.datasets:
        if not _is_identity(ds):
            continue
        state = view.quasi_state(ds)
        if not state or state.get("role") != "identity":
            return None
        if state["keyed"] and state["columns"]:
            out.append((ds, dict(state["columns"])))
    return out


def _indexed_people(view: Any, identity: list[tuple[Dataset, dict[str, str]]], keys: dict[str, str]) -> int:
    """:func:`_people` through the index: the rows holding every value, then their subject keys."""
    people: set[str] = set()
    for ds, cols in identity:
        by_key = {_key(e): c for c, e in cols.items()}
        if not set(keys) <= set(by_key):
            continue
        rows = _rows_holding(view, ds, {by_key[k]: v for k, v in keys.items()})
        if rows:
            people |= _holders(ds, view.read_rows(ds, rows), cols, keys)
    return len(people)


def _indexed_links(datamap: DataMap, tokens: set[str], view: Any, as_of: _dt.date | None) -> tuple[QuasiLink, ...] | None:
    """:func:`quasi_links` through the index; ``None`` when it cannot answer (an identity dataset not current)."""
    identity = _indexed_identity(datamap, view)
    if identity is None:
        return None
    frames = []
    for ds, cols in identity:
        rows = view.token_rows(ds, tokens)
        if rows is None:
            return None
        frames.append((ds, view.read_rows(ds, rows), cols))
    values = subject_quasi_values(frames, tokens)
    if not values:
        return ()

    def people_of(keys: dict[str, str]) -> int:
        return _indexed_people(view, identity, keys)

    ctx: CheckContext | None = None
    out: list[QuasiLink] = []
    for ds in (d for d in datamap.datasets if d.zone in SEPARATED_ZONES):
        state = view.quasi_state(ds)
        if state is not None and state.get("role") != "separated":
            state = None
        if state is not None and not set(state["keys"]) & set(values):
            continue  # no column it could be linked by (the columns are part of the dataset's fingerprint)
        try:
            if state is None or state.get("settings") != _settings_digest(datamap, ds):
                # changed since the build (or its risk settings did): measured whole, as without an index
                if not _may_link(ds, values):
                    continue
                ctx = ctx or _context(datamap, as_of)
                link = _link(ctx, ds, values, tokens, people_of)
            elif "error" in state:
                logger.info("quasi-identifier linkage: %s skipped (the risk check could not measure it: %s)",
                            ds.name, state["error"])  # fmt: skip
                continue
            else:
                link = _indexed_link(view, ds, state, values, tokens, people_of)
        except IndexIntegrityError:
            raise
        except PrivacyAuditError as exc:  # a dataset the risk check cannot measure is not linked
            logger.info("quasi-identifier linkage: %s skipped (%s)", ds.name, exc)
            continue
        if link is not None:
            out.append(link)
    return tuple(out)


def _indexed_link(view: Any, ds: Dataset, state: Mapping[str, Any], values: dict[str, str], tokens: set[str],
                  people_of: Callable[[dict[str, str]], int]) -> QuasiLink | None:  # fmt: skip
    """:func:`_link` from the verdict the index recorded and the rows it lists under the subject's values."""
    if not state.get("reidentifying"):
        return None
    cols, ents = _link_columns(ds, state["qis"], values)
    if not cols:
        return None
    wanted = {c: values[_key(e)] for c, e in zip(cols, ents, strict=True)}
    rows = _rows_holding(view, ds, wanted)
    if not rows:
        return None
    frame = view.read_rows(ds, rows)
    hit = _confirmed(frame, {c: (e, wanted[c]) for c, e in zip(cols, ents, strict=True)})
    if not hit.any():
        return None
    people = people_of({_key(e): values[_key(e)] for e in ents})
    ids = np.asarray(rows, dtype=np.int64)[hit]
    if ds.is_sql:  # measured by GROUP BY without subjects: the class is its rows
        return QuasiLink(ds.name, tuple(cols), tuple(ents), tuple(int(i) for i in ids), len(ids), people)
    frame = frame.iloc[np.flatnonzero(hit)].reset_index(drop=True)
    keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
    return _class_link(ds, frame, ids, cols, ents, wanted, subject_ids(ds, frame) if keyed else None, tokens, people)


def with_linked_rows(
    datamap: DataMap, data: SubjectData, *, vault_key: bytes | None = None, as_of: _dt.date | None = None
) -> SubjectData:
    """``data`` (the subject search's result) plus the rows attributable to the subject by
    quasi-identifiers (k = 1, see :func:`quasi_links`), matched by ``quasi_identifiers``: a
    subject-access export returns what an erasure would erase. Rows that cannot be attributed to one
    person are not the subject's to receive and are left out."""
    if not getattr(data.subject, "found", False):
        return data
    tokens = _tokens(data.subject)
    if not tokens or not any(d.zone in SEPARATED_ZONES for d in datamap.datasets):
        return data
    view = open_search_index(datamap, vault_key)
    try:
        links = [link for link in _links(datamap, tokens, view, vault_key, as_of) if link.attributable]
        return _with_links(datamap, data, links, view, vault_key) if links else data
    finally:
        close_search_index(view)


def _linked_frame(datamap: DataMap, ds: Dataset, ids: list[int], view: Any, vault_key: bytes | None) -> pd.DataFrame:
    """The rows ``ids`` of ``ds`` (indexed by their row ids): through the index when it is current for
    ``ds``, else from a whole read."""
    if ds.is_sql:
        return sql_rows_at(ds.url, ds.table, ids)
    if view is not None and view.quasi_state(ds) is not None:
        try:
            frame = view.read_rows(ds, ids)
            frame.index = pd.Index(sorted(ids))
            return frame.loc[ids]
        except PrivacyAuditError:
            pass  # read whole below
    return read_dataset(ds, vault_key=vault_key).iloc[ids]


def _with_links(datamap: DataMap, data: SubjectData, links: list[QuasiLink], view: Any,
                vault_key: bytes | None) -> SubjectData:  # fmt: skip
    matches = list(data.datasets)
    for link in links:
        ds = datamap.dataset(link.dataset)
        i = next((n for n, m in enumerate(matches) if m.name == link.dataset), None)
        old = matches[i] if i is not None else None
        new_ids = [r for r in link.rows if old is None or r not in old.row_ids]
        if not new_ids:
            continue
        frame = _linked_frame(datamap, ds, new_ids, view, vault_key)
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
