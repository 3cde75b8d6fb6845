"""Clause 3.2.2, pseudonymisation: PII kept apart from the pseudonymous and anonymous data.

Every check looks at the datasets of the ``pseudonymous`` and ``anonymous`` zones (called *the
separated datasets* below) and compares them with the identified side: every ``identified``
dataset of the data map plus the identity vault named under ``vault:``.

* ``separation.direct_identifier``: a column the scanner classifies as a direct identifier
  (direct in :mod:`privacy_audit.entities`; LOCATION only when the values are street addresses), and identifiers
  inside free text (every distinct text of the column is analysed, not a sample). The declared
  subject key is left to ``linkable_key``. One finding per column; rows and subjects are counted.
* ``separation.linkable_key``: a key-like column (the subject key, or any column) whose values are
  raw e-mail addresses / phone numbers, or unkeyed hashes of the identifiers held on the
  identified side (md5/sha1/sha256/sha512 in hex, base64 and base64url, of the value as stored,
  stripped, lower-cased, or for phones reduced to digits / E.164). Reports the algorithm, encoding
  and normalisation found and the match rate.
* ``separation.quasi_identifier``: combinations of quasi-identifier columns (postal code, birth
  date/year, gender, age, city, ...) whose smallest equivalence class has fewer than ``k``
  subjects; ``k`` comes from the data map's ``separation: {k: 5}`` (default 5; a dataset may
  override it, and may list ``separation: {quasi_identifiers: [...]}`` itself).
* ``separation.mixed_file``: identified data in the same file or table as separated data (two
  datasets of different zones sharing a file or SQL table), or a separated dataset whose declared
  columns include direct identifiers. Plaintext identified data is ``encryption.plaintext_identified``.
* ``separation.join_path``: a column of a separated dataset (not its declared subject key) whose
  values also appear in an identified dataset, where they single out one subject, for at least
  ``join_min_share`` (default 5%) of the separated rows. Columns shared with the identified side
  whose values are common to many subjects (country, OS, app version) are not join paths.

The core (:func:`identifier_digests`, :func:`match_identifiers`, :func:`smallest_class`,
:func:`join_overlap`) is pure over values and DataFrames; the check functions only gather frames
through :class:`~privacy_audit.checks.CheckContext`. Evidence shows masked values only.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import entities
from ..anonymize import anonymize, build_hierarchies
from ..datamap import Dataset
from ..detect.columns import value_features
from ..detect.headers import header_hints
from ..detect.text import analyze_texts
from ..errors import ConfigError, PrivacyAuditError
from ..identifiers import (
    NORMALISATIONS,
    PseudonymForm,
    cell_texts,
    column_kind,
    email_shaped,
    lookup_key,
    pseudonym_forms,
)
from ..masking import mask, mask_text_spans
from ..risk import equivalence_classes, risk_settings
from ..vault import Vault
from . import CheckContext, Finding, find_column
from .summary import TEXTS_KEPT, ColumnSummary, hash_texts, run_hash_key, summarize_chunk

__all__ = [
    "CHECKS",
    "CONTROLS",
    "SeparationConfig",
    "separation_config",
    "identifier_digests",
    "KeyMatch",
    "match_identifiers",
    "quasi_identifier_columns",
    "smallest_class",
    "subjects_below_k",
    "JoinOverlap",
    "join_overlap",
]

# Column-name tokens of quasi-identifiers the scanner names no entity for (it emits personal data only;
# a gender or an age is a quasi-identifier without being an identifier). To move into the detect lexicon.
_QUASI_TOKENS = {
    "gender", "sex", "age", "yob", "birthyear", "ethnicity", "race", "marital", "nationality", "occupation",
    "profession",
}  # fmt: skip
_KEY_TOKENS = {"id", "key", "token", "hash", "uid", "pseudonym", "subject", "user", "customer", "account", "digest"}
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_TEXT_BATCH_LIMIT = TEXTS_KEPT  # distinct texts analysed per column at most (the texts a summary keeps)

CONTROLS = {
    "separation.direct_identifier": {"clause": "3.2.2", "severity": "high"},
    "separation.linkable_key": {"clause": "3.2.2", "severity": "high"},
    "separation.quasi_identifier": {"clause": "3.2.2", "severity": "high"},
    "separation.mixed_file": {"clause": "3.2.2", "severity": "high"},
    "separation.join_path": {"clause": "3.2.2", "severity": "high"},
}


# ------------------------------------------------------------------------------------ config


@dataclass(frozen=True)
class SeparationConfig:
    """Settings of the separation audit (``separation:`` in the data map, per dataset overridable)."""

    k: int = 5
    join_min_share: float = 0.05
    phone_region: str = "US"
    quasi_identifiers: tuple[str, ...] | None = None
    max_combination: int = 4


def separation_config(
    top: Mapping[str, Any] | None, dataset: Mapping[str, Any] | None = None
) -> SeparationConfig:
    """The settings from the data map's top-level ``separation:`` mapping, overlaid by a dataset's own."""
    merged: dict[str, Any] = {}
    for part, where in ((top, "separation"), (dataset, "datasets[].separation")):
        if part is None:
            continue
        if not isinstance(part, Mapping):
            raise ConfigError(f"{where}: expected a mapping such as {{k: 5}}")
        merged.update(part)
    k = merged.get("k", 5)
    if isinstance(k, bool) or not isinstance(k, int) or k < 2:
        raise ConfigError(f"separation.k: expected a whole number of at least 2, got {k!r}")
    share = merged.get("join_min_share", 0.05)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1:
        raise ConfigError(f"separation.join_min_share: expected a share in (0, 1], got {share!r}")
    qi = merged.get("quasi_identifiers")
    if qi is not None and (not isinstance(qi, list) or not all(isinstance(c, str) for c in qi)):
        raise ConfigError("separation.quasi_identifiers: expected a list of column names")
    width = merged.get("max_combination", 4)
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise ConfigError(f"separation.max_combination: expected a positive whole number, got {width!r}")
    region = merged.get("phone_region", "US")
    if not isinstance(region, str) or len(region) != 2:
        raise ConfigError(f"separation.phone_region: expected a two-letter region code, got {region!r}")
    return SeparationConfig(
        int(k), float(share), region.upper(), tuple(qi) if qi is not None else None, width
    )


def _config(ctx: CheckContext, ds: Dataset | None = None) -> SeparationConfig:
    return separation_config(ctx.datamap.extra.get("separation"), ds.extra.get("separation") if ds else None)


# ------------------------------------------------------------------------------ pure helpers


def _strings(series: pd.Series) -> pd.Series:
    return cell_texts(series)


def _tokens(name: str) -> set[str]:
    return {t for t in re.split(r"[^a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1_\2", str(name)).lower()) if t}


def identifier_digests(
    emails: Iterable[str], phones: Iterable[str], *, region: str = "US"
) -> dict[str, PseudonymForm]:
    """Every unkeyed form of the identifiers (:func:`identifiers.pseudonym_forms`): stored text -> form.

    The same enumeration the subject search and erasure use, so what this audit calls linkable is
    what they find.
    """
    return pseudonym_forms({"email": emails, "phone": phones}, region=region)


@dataclass(frozen=True)
class KeyMatch:
    """How a column's values match the identifiers: the best (kind, algorithm, encoding, normalisation)."""

    kind: str
    algorithm: str
    encoding: str
    normalisation: str
    matched_values: int
    distinct_values: int
    matched_rows: int
    rows: int
    matched_mask: tuple[bool, ...]

    @property
    def rate(self) -> float:
        return self.matched_values / self.distinct_values if self.distinct_values else 0.0

    @property
    def description(self) -> str:
        return PseudonymForm(self.kind, self.algorithm, self.encoding, self.normalisation).description

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "algorithm": self.algorithm,
            "encoding": self.encoding,
            "normalisation": self.normalisation,
            "matched_values": self.matched_values,
            "distinct_values": self.distinct_values,
            "matched_rows": self.matched_rows,
            "rows": self.rows,
            "rate": round(self.rate, 4),
        }


def match_identifiers(
    series: pd.Series, digests: Mapping[str, PseudonymForm], *, raw: bool = True
) -> KeyMatch | None:
    """Match a column's values against :func:`identifier_digests`; ``None`` when nothing matches.

    ``raw=False`` ignores raw (unhashed) identifiers and reports hashes only.
    """
    return _match_texts(_strings(series), digests, raw=raw)


def _best_form(
    distinct: Iterable[str], digests: Mapping[str, PseudonymForm], *, raw: bool
) -> tuple[PseudonymForm, frozenset[str]] | None:
    """The pseudonym form most of ``distinct`` values match (``raw`` copies only when asked) and those values."""
    hits: dict[str, PseudonymForm] = {}
    for v in distinct:
        form = digests.get(lookup_key(v))
        if form is not None and (raw or form.algorithm != "raw"):
            hits[v] = form
    if not hits:
        return None
    best, _ = Counter(hits.values()).most_common(1)[0]
    return best, frozenset(v for v, lab in hits.items() if lab == best)


def _match_texts(values: pd.Series, digests: Mapping[str, PseudonymForm], *, raw: bool) -> KeyMatch | None:
    present = values.dropna()
    if present.empty or not digests:
        return None
    distinct = pd.unique(present.to_numpy(dtype=object))
    found = _best_form(distinct, digests, raw=raw)
    if found is None:
        return None
    best, chosen = found
    matched = values.isin(chosen)
    return KeyMatch(
        kind=best.kind,
        algorithm=best.algorithm,
        encoding=best.encoding,
        normalisation=best.normalisation,
        matched_values=len(chosen),
        distinct_values=len(distinct),
        matched_rows=int(matched.sum()),
        rows=int(len(present)),
        matched_mask=tuple(matched.tolist()),
    )


_DIGEST_BATCH = 4_096  # identifiers enumerated at a time into their pseudonym forms (_Digests.of_identifiers)


class _Digests:
    """:func:`identifier_digests` with the texts replaced by their keyed hashes (:func:`summary.hash_texts`):
    what a column summary's lookup hashes are matched against."""

    def __init__(self, digests: Mapping[str, PseudonymForm], key: str) -> None:
        forms: dict[PseudonymForm, int] = {}
        ids = np.fromiter((forms.setdefault(f, len(forms)) for f in digests.values()), dtype=np.int64,
                          count=len(digests))  # fmt: skip
        self._settle(hash_texts(np.asarray(list(digests), dtype=object), key), ids, list(forms))

    def _settle(self, keys: np.ndarray, ids: np.ndarray, forms: list[PseudonymForm]) -> None:
        _, first = np.unique(keys, return_index=True)  # distinct texts (almost surely distinct hashes): first wins
        first.sort()
        self.index = pd.Index(keys[first])
        self.form_ids = ids[first]
        self.forms = forms
        self.raw = np.array([f.algorithm == "raw" for f in self.forms], dtype=bool)

    @classmethod
    def of_identifiers(
        cls, emails: Iterable[str], phones: Iterable[str], *, region: str, key: str, batch: int = _DIGEST_BATCH
    ) -> _Digests:
        """``_Digests(identifier_digests(emails, phones, region=region), key)``, built ``batch`` identifiers at
        a time so the texts of every form (36 and more per identifier) are never held at once: each batch's
        forms are hashed and dropped. The same entries: :func:`~privacy_audit.identifiers.pseudonym_forms`
        enumerates kinds in order and each kind's values sorted, and the first form of a text wins; batches
        of the sorted values, concatenated in order, keep every text's first form first."""
        self = cls.__new__(cls)
        forms: dict[PseudonymForm, int] = {}
        keys: list[np.ndarray] = []
        ids: list[np.ndarray] = []
        given = {"email": emails, "phone": phones}
        for kind in NORMALISATIONS:
            values = sorted({str(v) for v in given.get(kind, ()) if v is not None})
            for start in range(0, len(values), batch):
                part = pseudonym_forms({kind: values[start : start + batch]}, region=region)
                keys.append(hash_texts(np.asarray(list(part), dtype=object), key))
                ids.append(np.fromiter((forms.setdefault(f, len(forms)) for f in part.values()), dtype=np.int64,
                                       count=len(part)))  # fmt: skip
        self._settle(np.concatenate(keys) if keys else np.empty(0, dtype=np.uint64),
                     np.concatenate(ids) if ids else np.empty(0, dtype=np.int64), list(forms))  # fmt: skip
        return self

    def __len__(self) -> int:
        return len(self.index)


def _match_summary(summary: ColumnSummary, digests: _Digests, *, raw: bool) -> tuple[KeyMatch, np.ndarray] | None:
    """:func:`_match_texts` over a column summary: the match (without a row mask) and which of the
    summary's values were chosen (a mask aligned with its values)."""
    if not summary.distinct or not len(digests):
        return None
    at = digests.index.get_indexer(summary.lookup_keys())
    form = np.where(at >= 0, digests.form_ids[np.maximum(at, 0)], -1)
    if not raw:
        form[(form >= 0) & digests.raw[np.maximum(form, 0)]] = -1
    hit = np.flatnonzero(form >= 0)
    if not len(hit):
        return None
    # the form most values match; a tie goes to the form matched first (Counter.most_common's order)
    ids, first, counts = np.unique(form[hit], return_index=True, return_counts=True)
    best_of = np.lexsort((first, -counts))[0]
    best = digests.forms[int(ids[best_of])]
    chosen = form == ids[best_of]
    match = KeyMatch(
        kind=best.kind,
        algorithm=best.algorithm,
        encoding=best.encoding,
        normalisation=best.normalisation,
        matched_values=int(chosen.sum()),
        distinct_values=summary.distinct,
        matched_rows=int(summary.counts[chosen].sum()),
        rows=summary.present,
        matched_mask=(),
    )
    return match, chosen


def quasi_identifier_columns(
    frame: pd.DataFrame, categories: Mapping[str, str | None], *, exclude: Iterable[str] = ()
) -> list[str]:
    """Columns of ``frame`` that are quasi-identifiers, by category (scan or declared) or by name."""
    skip = {str(c).lower() for c in exclude}
    out = []
    for col in frame.columns:
        name = str(col)
        if name.lower() in skip:
            continue
        cat = categories.get(name)
        hint = header_hints(name) if cat is None else None
        if cat is None and hint is not None:
            cat = next((e for e in hint.entities if entities.is_quasi(e)), None)
        if cat == "LOCATION" and (hint or header_hints(name)).coarse_geo:
            continue  # a country, state or region: too coarse to single anyone out
        if entities.is_quasi(cat) or _tokens(name) & _QUASI_TOKENS:
            out.append(name)
    return out


def _subject_ids(subjects: pd.Series | None, n: int) -> pd.Series:
    """Subject id per row; rows without one (or without a subject key) count as their own subject."""
    fallback = "\0row" + pd.Series(np.arange(n).astype(str), dtype=object)
    if subjects is None:
        return fallback
    ids = subjects.reset_index(drop=True).astype(object)
    return ids.where(ids.notna(), fallback)


@dataclass(frozen=True)
class JoinOverlap:
    """How well one separated column joins to one identified column."""

    shared_values: int  # distinct values present on both sides
    distinct_values: int  # distinct values in the separated column
    linking_values: int  # shared values that single out one subject on both sides
    rows: int  # non-null rows in the separated column
    reidentified_rows: int  # separated rows whose value singles out one subject on both sides
    identified_subjects: int  # subjects on the identified side with a value
    identified_unique: int  # identified subjects whose value is theirs alone
    linking: np.ndarray | None = None  # per distinct separated value (its summary's order): whether it links

    @property
    def share(self) -> float:
        return self.reidentified_rows / self.rows if self.rows else 0.0


def _overlap(left: ColumnSummary, right: ColumnSummary, right_index: pd.Index | None = None) -> JoinOverlap:
    """How ``left`` joins to ``right``, by the values' hashes (``right_index``: ``pd.Index(right.keys)``)."""
    at = (right_index if right_index is not None else pd.Index(right.keys)).get_indexer(left.keys)
    shared = at >= 0
    linking = shared & left.single() & np.append(right.single(), False)[at]
    return JoinOverlap(
        shared_values=int(shared.sum()),
        distinct_values=left.distinct,
        linking_values=int(linking.sum()),
        rows=left.present,
        reidentified_rows=int(left.counts[linking].sum()),
        identified_subjects=right.subject_count,
        identified_unique=right.unique_subjects(),
        linking=linking,
    )


def _column_summary(values: pd.Series, subjects: pd.Series | None) -> ColumnSummary:
    frame = pd.DataFrame({"v": values.reset_index(drop=True)})
    return summarize_chunk(frame, None if subjects is None else subjects.reset_index(drop=True))["v"]


def join_overlap(
    separated: pd.Series,
    identified: pd.Series,
    identified_subjects: pd.Series | None = None,
    separated_subjects: pd.Series | None = None,
) -> JoinOverlap:
    """Overlap of a separated column with an identified column.

    A value *links* when it belongs to exactly one subject on the identified side and to exactly
    one subject on the separated side (rows count as subjects where a side has no subject ids):
    merging on it attributes those separated rows to one identified person.
    """
    return _overlap(
        _column_summary(separated, separated_subjects), _column_summary(identified, identified_subjects)
    )


def smallest_class(
    frame: pd.DataFrame,
    columns: list[str],
    subjects: pd.Series | None = None,
    *,
    weights: np.ndarray | None = None,
) -> tuple[int, int]:
    """The smallest equivalence class over ``columns``.

    Returns ``(k, n)``: the size of the smallest class and how many subjects sit in classes of that
    size. Class size counts distinct ``subjects`` (rows where there is no subject id); nulls are a value.
    ``weights`` (without ``subjects``): the rows each row of ``frame`` stands for (a group frame,
    :meth:`~privacy_audit.checks.CheckContext.groups`).
    """
    if frame.empty:
        return 0, 0
    if subjects is None and weights is not None:
        ec = equivalence_classes(frame, columns, weights=weights)
        return ec.k, int(np.asarray(weights)[ec.row_sizes() == ec.k].sum())
    ids = _subject_ids(subjects, len(frame))
    ec = equivalence_classes(frame, columns, ids)
    return ec.k, int(ids[ec.row_sizes() == ec.k].nunique())


def subjects_below_k(
    frame: pd.DataFrame,
    columns: list[str],
    k: int,
    subjects: pd.Series | None = None,
    *,
    weights: np.ndarray | None = None,
) -> int:
    """How many subjects (rows where there is no subject id) sit in classes smaller than ``k``
    (``weights``: as :func:`smallest_class`)."""
    if frame.empty:
        return 0
    if subjects is None and weights is not None:
        ec = equivalence_classes(frame, columns, weights=weights)
        return int(np.asarray(weights)[ec.below(k)].sum())
    ids = _subject_ids(subjects, len(frame))
    ec = equivalence_classes(frame, columns, ids)
    return int(ids[ec.below(k)].nunique())


# ------------------------------------------------------------------------------ estate views


def _separated(ctx: CheckContext) -> list[Dataset]:
    return [d for d in ctx.datamap.datasets if d.zone in {"pseudonymous", "anonymous"}]


@dataclass(frozen=True)
class _Identified:
    name: str
    summaries: Mapping[str, ColumnSummary]  # column -> summary (CheckContext.summaries)
    categories: Mapping[str, str | None]
    key_columns: frozenset[str]
    texts: Callable[[str], list[str]]  # column -> every distinct text, in the order of its summary


def _identified(ctx: CheckContext, cid: str) -> list[_Identified]:
    """Every readable identified dataset, plus the ``vault:`` store when no dataset declares it."""
    cache = getattr(ctx, "_separation_identified", None)
    if cache is not None:
        return cache
    out: list[_Identified] = []
    seen_paths: set[Path] = set()
    for ds in ctx.datamap.datasets:
        if ds.zone != "identified":
            continue
        try:
            summaries = ctx.summaries(ds)
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        if ds.path is not None:
            seen_paths.add(ds.path.resolve())
        keys = {c for c in (ds.subject_key, "record_id" if ds.format == "vault" else None) if c}
        texts = functools.partial(ctx.distinct_texts, ds)
        out.append(_Identified(ds.name, summaries, dict(ds.columns), frozenset(keys), texts))
    vpath = ctx.datamap.vault.get("path") if ctx.datamap.vault else None
    if vpath and ctx.datamap.resolve(vpath).resolve() not in seen_paths:
        try:
            frame = Vault.open(ctx.datamap.resolve(vpath), ctx.vault_key()).to_frame()
            summaries = summarize_chunk(frame, frame["record_id"].astype(str))
            out.append(_Identified("vault", summaries, {}, frozenset({"record_id"}), functools.partial(_frame_texts, frame)))
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"vault {vpath}: {exc}")
    ctx._separation_identified = out  # type: ignore[attr-defined]
    return out


def _frame_texts(frame: pd.DataFrame, column: str) -> list[str]:
    """Every distinct text of a column of a frame in hand, in order of first appearance."""
    return pd.unique(cell_texts(frame[column]).dropna().to_numpy(dtype=object)).tolist()


def _identifier_values(ident: list[_Identified]) -> tuple[set[str], set[str]]:
    """E-mail addresses and phone numbers held on the identified side."""
    emails: set[str] = set()
    phones: set[str] = set()
    for src in ident:
        for name, summary in src.summaries.items():
            if name in src.key_columns:
                continue
            if not summary.distinct:
                continue
            values = src.texts(name)
            kind = column_kind(name, src.categories.get(name))
            shaped = [v for v in values if email_shaped(v)]
            if kind == "email" or len(shaped) >= 0.5 * len(values):
                emails.update(shaped)
            elif kind == "phone":
                phones.update(v for v in values if sum(ch.isdigit() for ch in v) >= 6)
    return emails, phones


def _digests(ctx: CheckContext, cid: str) -> _Digests:
    cache = getattr(ctx, "_separation_digests", None)
    if cache is None:
        emails, phones = _identifier_values(_identified(ctx, cid))
        cache = _Digests.of_identifiers(emails, phones, region=ctx.datamap.phone_region, key=run_hash_key())
        ctx._separation_digests = cache  # type: ignore[attr-defined]
    return cache


def _text_at(ctx: CheckContext, ds: Dataset, column: str, summary: ColumnSummary, i: int) -> str:
    """The text of a summary's ``i``-th distinct value (kept in the summary, else read again)."""
    if i < len(summary.texts):
        return summary.texts[i]
    return ctx.distinct_texts(ds, column, i + 1)[i]


def _shown(value: object, entity: str | None = None) -> str:
    """A masked value for evidence, long runs of stars shortened."""
    return re.sub(r"\*{9,}", "********", mask(value, entity))


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%" if x < 0.995 else "100%"


def _categories(ctx: CheckContext, ds: Dataset) -> dict[str, str | None]:
    """Column -> category: the scan's verdict, else the declared category."""
    cats: dict[str, str | None] = {c: e for c, e in ds.columns.items()}
    for c in ctx.scan(ds).columns:
        if c.entity:
            cats[c.column] = c.entity
    return cats


# ------------------------------------------------------------------------- direct identifiers


def _address_like(values: list[str]) -> bool:
    if not values:
        return False
    return sum("address" in value_features(v) for v in values[:500]) / min(len(values), 500) >= 0.5


def _prose_like(values: list[str]) -> bool:
    if not values:
        return False
    sample = values[:500]
    return sum(len(_WORD_RE.findall(v)) >= 2 and len(v.split()) >= 3 for v in sample) / len(sample) >= 0.3


def _span_counts(span, text: str, verdict: str | None) -> bool:
    if span.entity in entities.precise_text_entities() or span.entity == verdict:
        return span.entity != "LOCATION" or bool(re.search(r"\d", text[span.start : span.end]))
    if span.entity == "PHONE_NUMBER" and span.score >= 0.6:
        return True
    if span.entity == "LOCATION" and entities.is_direct(verdict):
        piece = text[span.start : span.end]
        return bool(re.search(r"\d", piece) and re.search(r"[^\W\d_]{3}", piece))
    return False


def direct_identifier(ctx: CheckContext) -> Iterator[Finding]:
    """Direct identifiers (by scan) in columns and free text of the separated datasets."""
    cid = "separation.direct_identifier"
    for ds in _separated(ctx):
        try:
            result = ctx.scan(ds)
            summaries = ctx.summaries(ds)
            keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        for col in result.columns:
            if ds.subject_key and col.column.lower() == ds.subject_key.lower():
                continue  # the subject key is judged by separation.linkable_key
            real = {name.lower(): name for name in summaries}.get(col.column.lower())  # as find_column
            if real is None or summaries[real].dtype_kind in "bmM":
                continue
            summary = summaries[real]
            distinct = ctx.distinct_texts(ds, real, _TEXT_BATCH_LIMIT)  # the first texts, in order
            rows_total = summary.rows
            entity = col.entity
            free_text = col.evidence.startswith("free text") or (
                _prose_like(distinct) and entity not in {"LOCATION", "PERSON"}
            )
            if entity == "LOCATION" and not free_text and not _address_like(distinct):
                continue  # a city or region: a quasi-identifier, not a direct one
            if free_text:
                texts = distinct[:_TEXT_BATCH_LIMIT]
                wanted = (set(entities.text_entities()) & entities.direct_identifiers()) | {"LOCATION"}
                spans = analyze_texts(texts, entities=sorted(wanted), cache=ctx.text_cache)
                hit: dict[str, Counter] = {}
                for text, sp in zip(texts, spans, strict=True):
                    kinds = Counter(s.entity for s in sp if _span_counts(s, text, entity))
                    if kinds:
                        hit[text] = kinds
                if not hit:
                    continue
                holders = set(hit)
                kinds: Counter = Counter()
                for c in hit.values():
                    kinds.update(dict.fromkeys(c, 1))
                example = next(iter(sorted(hit)))
                ex_spans = [s for s in spans[texts.index(example)] if _span_counts(s, example, entity)]
                shown = mask_text_spans(example, [(s.start, s.end, s.entity) for s in ex_spans])
                what = ", ".join(f"{k}" for k, _ in kinds.most_common())
                held = np.zeros(summary.distinct, dtype=bool)
                held[[i for i, t in enumerate(texts) if t in holders]] = True
                n = int(summary.counts[held].sum())
                yield ctx.finding(
                    cid,
                    dataset=ds.name,
                    column=col.column,
                    subjects_affected=ctx.subjects_holding(ds, real, held) if keyed else None,
                    message=f"{n} rows of {ds.zone} dataset {ds.name} carry direct identifiers ({what}) "
                    f"in the free text of column {col.column}",
                    evidence=f"{n} of {rows_total} rows ({_pct(n / max(rows_total, 1))}); "
                    f'{len(hit)} of {summary.distinct} distinct texts hold {what}; e.g. "{shown[:160]}"',
                )
                continue
            if not entities.is_direct(entity) and entity != "LOCATION":
                continue
            n = summary.present
            if not n:
                continue
            yield ctx.finding(
                cid,
                dataset=ds.name,
                column=col.column,
                subjects_affected=len(summary.subjects) if keyed else None,
                message=f"column {col.column} of {ds.zone} dataset {ds.name} holds direct identifiers "
                f"({'street addresses' if entity == 'LOCATION' else entity})",
                evidence=f"{n} of {rows_total} rows; scan: {col.evidence} (score {col.score})",
            )


# ------------------------------------------------------------------------------ linkable keys


def _key_like(name: str, ds: Dataset) -> bool:
    return (ds.subject_key is not None and name.lower() == ds.subject_key.lower()) or bool(
        _tokens(name) & _KEY_TOKENS
    )


def linkable_key(ctx: CheckContext) -> Iterator[Finding]:
    """Subject keys (and key-like columns) that are raw identifiers or unkeyed hashes of them."""
    cid = "separation.linkable_key"
    targets = _separated(ctx)
    if not targets:
        return
    digests = _digests(ctx, cid)
    for ds in targets:
        try:
            summaries = ctx.summaries(ds)
            keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
            scanned = {c.column: c.entity for c in ctx.scan(ds).columns}
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        claimed = str(ds.pseudonym.get("kind", "")) if ds.pseudonym else ""
        for name, summary in summaries.items():
            if summary.dtype_kind in "biufcmM":
                continue
            keyish = _key_like(name, ds)
            found = _match_summary(summary, digests, raw=keyish)
            raw_by_scan = keyish and entities.is_direct(scanned.get(name))
            if found is None and not raw_by_scan:
                continue
            role = (
                "subject key"
                if ds.subject_key and name.lower() == ds.subject_key.lower()
                else "key-like column"
            )
            claim = (
                f"; the data map claims pseudonym kind {claimed!r}"
                if claimed and role == "subject key"
                else ""
            )
            if found is not None:
                match, chosen = found
                # the value of the first matched row: chosen values in order of first appearance
                example = _text_at(ctx, ds, name, summary, int(np.flatnonzero(chosen)[0]))
                yield ctx.finding(
                    cid,
                    dataset=ds.name,
                    column=name,
                    subjects_affected=ctx.subjects_holding(ds, name, chosen) if keyed else None,
                    message=f"{role} {name} of {ds.name} is {'an' if match.algorithm != 'raw' else 'a'} {match.description}: it links back to "
                    "identities without any key",
                    evidence=f"{match.algorithm} / {match.encoding} / normalisation {match.normalisation}: "
                    f"{match.matched_values} of {match.distinct_values} distinct values "
                    f"({_pct(match.rate)}), {match.matched_rows} of {match.rows} rows match identifiers held "
                    f"in the identified datasets and vault; e.g. {_shown(example)}{claim}",
                )
            else:
                entity = scanned[name]
                yield ctx.finding(
                    cid,
                    dataset=ds.name,
                    column=name,
                    subjects_affected=len(summary.subjects) if keyed else None,
                    message=f"{role} {name} of {ds.name} is a raw identifier ({entity})",
                    evidence=f"{summary.present} rows; e.g. {_shown(_text_at(ctx, ds, name, summary, 0), entity)}{claim}",
                )


# -------------------------------------------------------------------------- quasi-identifiers


def quasi_identifier(ctx: CheckContext) -> Iterator[Finding]:
    """Combinations of quasi-identifiers with an equivalence class smaller than k."""
    cid = "separation.quasi_identifier"
    for ds in _separated(ctx):
        try:
            cfg = _config(ctx, ds)
            head = ctx.columns(ds)
            if cfg.quasi_identifiers is not None:
                qis = [c for c in (find_column(head, q) for q in cfg.quasi_identifiers) if c is not None]
            else:
                exclude = [ds.subject_key] if ds.subject_key else []
                qis = quasi_identifier_columns(head, _categories(ctx, ds), exclude=exclude)
            qis = qis[:8]
            # only the quasi-identifiers are read, chunk by chunk, into counts per distinct combination
            frame, weights, subjects = ctx.groups(ds, qis) if qis else (head, None, None)
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        if not qis or frame.empty:
            continue
        rows = None if subjects is not None else weights  # without subject ids, classes count rows
        k_all, _ = smallest_class(frame, qis, subjects, weights=rows)
        if k_all >= cfg.k:
            continue
        # minimal failing combinations (no failing proper subset), narrowest first
        failing: list[tuple[tuple[str, ...], int]] = []
        for width in range(1, min(len(qis), cfg.max_combination) + 1):
            for combo in itertools.combinations(qis, width):
                if any(set(f) <= set(combo) for f, _ in failing):
                    continue
                k, _ = smallest_class(frame, list(combo), subjects, weights=rows)
                if k < cfg.k:
                    failing.append((combo, k))
        affected = subjects_below_k(frame, qis, cfg.k, subjects, weights=rows)
        try:  # the measured risk and the least-loss fix (privacy_audit.risk / .anonymize), over every row
            rs = risk_settings(ctx.datamap.extra.get("risk"), ds.extra.get("risk"))
            hs = build_hierarchies(frame, qis, entities=_categories(ctx, ds), specs=rs.hierarchies, reference=ctx.as_of,
                                   sniff=ctx.head_values(ds, qis))  # fmt: skip
            fix = anonymize(frame, qis, k=cfg.k, max_suppression=rs.max_suppression, hierarchies=hs, weights=weights)
            pl = fix.plan
            risk_note = (f"; {fix.before.summary()}; proposed fix: {pl.describe()} -> k = {fix.after.k}"
                         f"{'' if pl.reached else ' (target not reached)'}, information loss {_pct(pl.loss)}")
        except PrivacyAuditError as exc:
            risk_note = f"; no fix proposed ({exc})"
        unit = "subjects" if subjects is not None else "rows"
        minimal = (
            "; ".join(f"{' + '.join(c)} (k = {k})" for c, k in failing[:5]) or "only the full combination"
        )
        yield ctx.finding(
            cid,
            dataset=ds.name,
            column=None,
            subjects_affected=affected if subjects is not None else None,
            message=f"quasi-identifiers {' + '.join(qis)} of {ds.zone} dataset {ds.name} single people out: "
            f"smallest group k = {k_all} < {cfg.k}",
            evidence=f"combination {' + '.join(qis)}: smallest equivalence class {k_all} {unit}; "
            f"{affected} {unit} in classes below k = {cfg.k}; smallest failing combinations: {minimal}{risk_note}",
        )


# -------------------------------------------------------------------------------- mixed files


def _files(ds: Dataset) -> set[Path]:
    if ds.path is None:
        return set()
    p = ds.path.resolve()
    if p.is_dir():
        return {f.resolve() for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")}
    return {p}


def _sql_target(ds: Dataset) -> tuple[str, str] | None:
    return (ds.url, str(ds.table).lower()) if ds.url and ds.table else None


def mixed_file(ctx: CheckContext) -> Iterator[Finding]:
    """Identified data in the same file/table as separated data; direct identifiers declared separated."""
    cid = "separation.mixed_file"
    dm = ctx.datamap
    identified = [d for d in dm.datasets if d.zone == "identified"]
    vault_path = dm.resolve(dm.vault["path"]).resolve() if dm.vault and dm.vault.get("path") else None
    for ds in _separated(ctx):
        mine = _files(ds)
        for other in identified:
            shared = mine & _files(other)
            same_table = _sql_target(ds) is not None and _sql_target(ds) == _sql_target(other)
            if not shared and not same_table:
                continue
            where = (
                f"table {ds.table}" if same_table else ", ".join(sorted(_rel(f, dm.root) for f in shared)[:3])
            )
            yield ctx.finding(
                cid,
                dataset=ds.name,
                column=None,
                message=f"{ds.zone} dataset {ds.name} is stored in the same place as identified dataset "
                f"{other.name}",
                evidence=f"shared storage: {where}; zones {ds.zone} and identified in one file/table",
            )
        if vault_path is not None and vault_path in mine:
            yield ctx.finding(
                cid,
                dataset=ds.name,
                column=None,
                message=f"{ds.zone} dataset {ds.name} is stored in the identity vault file",
                evidence=f"shared storage: {_rel(vault_path, dm.root)} (vault)",
            )
        for col, cat in ds.columns.items():
            if cat is None:
                continue
            direct = entities.is_direct(cat) or (
                cat == "LOCATION" and bool(_tokens(col) & {"address", "street", "addr", "strasse"})
            )
            if direct:
                yield ctx.finding(
                    cid,
                    dataset=ds.name,
                    column=col,
                    message=f"{ds.zone} dataset {ds.name} declares column {col} as {cat}: identified data "
                    "kept in a pseudonymous file",
                    evidence=f"data map: datasets[{ds.name}].columns.{col}: {cat}; zone {ds.zone}",
                )


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------------- join paths


def _pseudonym_columns(ctx: CheckContext) -> set[str]:
    """Column names that are a declared subject key anywhere in the data map (pseudonym columns)."""
    return {d.subject_key.lower() for d in ctx.datamap.datasets if d.subject_key}


def join_path(ctx: CheckContext) -> Iterator[Finding]:
    """Columns that a merge with an identified dataset turns back into identities."""
    cid = "separation.join_path"
    targets = _separated(ctx)
    if not targets:
        return
    ident = _identified(ctx, cid)
    pseudonyms = _pseudonym_columns(ctx)
    right_cols: list[tuple[_Identified, str, ColumnSummary]] = []
    for src in ident:
        for name, summary in src.summaries.items():
            if name in src.key_columns or name.lower() in pseudonyms or summary.row_counter():
                continue
            right_cols.append((src, name, summary))
    # every value of the identified side once: a separated column sharing none of them joins nowhere
    anywhere = pd.Index(np.unique(np.concatenate([r.keys for _, _, r in right_cols] or [np.empty(0, np.uint64)])))
    indexes: dict[int, pd.Index] = {}
    for ds in targets:
        try:
            cfg = _config(ctx, ds)
            summaries = ctx.summaries(ds)
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
        for name, side in summaries.items():
            if name.lower() in pseudonyms or (ds.subject_key and name.lower() == ds.subject_key.lower()):
                continue
            if not side.distinct or not (anywhere.get_indexer(side.keys) >= 0).any():
                continue
            results: list[tuple[float, str, str, JoinOverlap]] = []
            for i, (src, rname, right) in enumerate(right_cols):
                if i not in indexes:
                    indexes[i] = pd.Index(right.keys)
                ov = _overlap(side, right, indexes[i])
                if not ov.shared_values:
                    continue
                if ov.reidentified_rows >= 3 and ov.share >= cfg.join_min_share:
                    results.append((ov.share, src.name, rname, ov))
            if not results:
                continue
            results.sort(key=lambda r: (-r[0], r[1], r[2]))
            share, src_name, rname, ov = results[0]
            also = ", ".join(f"{s}.{c} ({_pct(sh)})" for sh, s, c, _ in results[1:4])
            # the value of the first matched row: linking values in order of first appearance
            example = _text_at(ctx, ds, name, side, int(np.flatnonzero(ov.linking)[0]))
            # each linking value is held by one subject here: those with an id are the subjects affected
            yield ctx.finding(
                cid,
                dataset=ds.name,
                column=name,
                subjects_affected=side.id_holders(ov.linking) if keyed else None,
                message=f"column {name} of {ds.zone} dataset {ds.name} joins to identified dataset "
                f"{src_name} ({rname}): a merge re-identifies {_pct(share)} of its rows",
                evidence=f"{ov.reidentified_rows} of {ov.rows} rows ({_pct(share)}) hold a value that "
                f"belongs to exactly one subject here and in {src_name}.{rname}; {ov.shared_values} of "
                f"{ov.distinct_values} distinct values shared; in {src_name} the value is unique for "
                f"{ov.identified_unique} of {ov.identified_subjects} subjects; e.g. {_shown(example)}"
                + (f"; also joins {also}" if also else ""),
            )


CHECKS = {
    "separation.direct_identifier": direct_identifier,
    "separation.linkable_key": linkable_key,
    "separation.quasi_identifier": quasi_identifier,
    "separation.mixed_file": mixed_file,
    "separation.join_path": join_path,
}
