"""Re-identification risk of pseudonymous and anonymous data, measured as ARX and sdcMicro measure it.

Pure functions over DataFrames; every result is a frozen dataclass with ``to_dict()`` / ``to_frame()``.

* :func:`equivalence_classes`: the rows grouped by their quasi-identifier values in one pass
  (each column factorised once, the codes combined into one key, the key factorised and counted).
  Nulls are a value like any other. With ``subjects``, a class's size counts distinct subjects.
* :func:`risk_profile`: k-anonymity with the distribution of class sizes; the three attacker models
  of ARX (El Emam and Dankar's definitions):

  - *prosecutor* (the attacker knows the person is in the data): a record's risk is ``1 / f``,
    ``f`` the size of its class. Highest = ``1 / k``; average = classes / records.
  - *journalist* (the attacker knows the person is in a population the data is a sample of): a
    record's risk is ``1 / F``, ``F`` the number of people in the population table with the same
    quasi-identifier values (never fewer than in the sample). Without a population table the sample
    is its own population and journalist risk equals prosecutor risk.
  - *marketer* (the attacker links every record at once): the expected share of records
    re-identified, ``(1/n) * sum(f_j / F_j)`` = classes / records without a population. It is an
    average over all records, so it has no "highest" figure.

  For each model: the highest record risk, the average, the share of records whose risk exceeds
  ``threshold``, and the expected number of re-identifications (the sum of record risks, as
  sdcMicro's ``measure_risk`` reports it without sampling weights). Sample uniqueness is the share
  of records alone in their class; with a population, population uniqueness (``F = 1``) and k-map
  (the smallest ``F``, as Google's Sensitive Data Protection estimates it).
* Distinct, entropy and recursive (c, l) l-diversity and t-closeness (earth mover's distance:
  equal ground distance for categorical attributes, ordered distance over the sorted distinct
  values for numeric ones, as ARX and pycanon define them) for declared sensitive attributes.
* :func:`attribute_contribution`: which quasi-identifier combinations single people out, the share
  of unique rows per combination, and what the full combination gives "without X".
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import ConfigError, InputError

__all__ = [
    "SIZE_BUCKETS",
    "EquivalenceClasses",
    "equivalence_classes",
    "column_codes",
    "combine_codes",
    "RiskMeasure",
    "SensitiveMeasure",
    "SubsetRisk",
    "Contribution",
    "RiskProfile",
    "risk_profile",
    "sensitive_measures",
    "attribute_contribution",
    "RiskSettings",
    "risk_settings",
]

# Class-size buckets of the distribution chart (lower bounds; the last is open-ended).
SIZE_BUCKETS: tuple[int, ...] = (1, 2, 3, 5, 10, 20, 50, 100)
_MAX_QI = 12  # quasi-identifiers considered at most (attribute contribution looks at subsets of 8)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%" if x >= 0.01 or x == 0 else f"{100 * x:.1f}%"


# ------------------------------------------------------------------------- equivalence classes


def column_codes(series: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of a column's values (nulls are one value of their own) and how many there are."""
    codes, uniques = pd.factorize(series, use_na_sentinel=False, sort=False)
    return codes.astype(np.int64, copy=False), max(len(uniques), 1)


def combine_codes(parts: Sequence[tuple[np.ndarray, int]], n: int) -> tuple[np.ndarray, int]:
    """One dense class code per row from per-column codes: ``(codes, number of classes)``."""
    key = np.zeros(n, dtype=np.int64)
    card = 1
    for codes, c in parts:
        if card * c >= 2**62:  # re-densify before the product overflows
            key, uniq = pd.factorize(key, sort=False)
            key, card = key.astype(np.int64), max(len(uniq), 1)
        key = key * c + codes if card > 1 else codes.copy()
        card *= c
    if not parts:
        return np.zeros(n, dtype=np.int64), (1 if n else 0)
    if card <= max(4 * n, 1024):  # small key space: densify by counting, no hash table
        present = np.bincount(key, minlength=card) > 0
        remap = np.cumsum(present) - 1
        return remap[key].astype(np.int64), int(present.sum())
    dense, uniq = pd.factorize(key, sort=False)
    return dense.astype(np.int64), len(uniq)


@dataclass(frozen=True, eq=False)
class EquivalenceClasses:
    """Rows grouped by their quasi-identifier values.

    ``row_class``: the class of each row (0..classes-1); ``sizes``: each class's size, in rows or,
    when subject ids were given, in distinct subjects (``unit``); ``rows``: rows per class.
    """

    quasi_identifiers: tuple[str, ...]
    row_class: np.ndarray
    sizes: np.ndarray
    rows_per_class: np.ndarray
    unit: str = "rows"

    @property
    def n_rows(self) -> int:
        """Records in all classes (rows, or the sum of the rows' weights)."""
        return int(self.rows_per_class.sum())

    @property
    def n_classes(self) -> int:
        return int(self.sizes.size)

    @property
    def k(self) -> int:
        """The size of the smallest class (0 for no records)."""
        sizes = self.sizes[self.sizes > 0]
        return int(sizes.min()) if sizes.size else 0

    def row_sizes(self) -> np.ndarray:
        """The size of each row's class."""
        return self.sizes[self.row_class]

    def below(self, k: int) -> np.ndarray:
        """Boolean mask of the rows whose class is smaller than ``k``."""
        return self.row_sizes() < k

    def distribution(self) -> pd.DataFrame:
        """Class sizes and how many classes and rows have each size (ascending)."""
        if not self.sizes.size:
            return pd.DataFrame({"size": [], "classes": [], "rows": []}, dtype="int64")
        df = pd.DataFrame({"size": self.sizes, "rows": self.rows_per_class})
        df = df[df["size"] > 0]
        out = df.groupby("size").agg(classes=("rows", "size"), rows=("rows", "sum")).reset_index()
        return out.astype("int64")

    def to_frame(self) -> pd.DataFrame:
        return self.distribution()

    def to_dict(self) -> dict[str, Any]:
        return {
            "quasi_identifiers": list(self.quasi_identifiers),
            "rows": self.n_rows,
            "classes": self.n_classes,
            "k": self.k,
            "unit": self.unit,
            "distribution": self.distribution().to_dict(orient="records"),
        }


def _subject_codes(subjects: pd.Series | Sequence[Any], n: int) -> np.ndarray:
    s = pd.Series(subjects).reset_index(drop=True)
    if len(s) != n:
        raise InputError(f"subject ids: expected {n} values, got {len(s)}")
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    missing = codes < 0  # a row without a subject id is a subject of its own
    codes = codes.astype(np.int64)
    codes[missing] = len(uniques) + np.arange(int(missing.sum()))
    return codes


def _weights(weights: pd.Series | Sequence[float] | np.ndarray | None, n: int) -> np.ndarray | None:
    if weights is None:
        return None
    w = np.asarray(pd.Series(weights).reset_index(drop=True), dtype=float)
    if w.size != n or np.isnan(w).any() or (w < 0).any():
        raise InputError(f"record weights: expected {n} counts of zero or more")
    return w


def equivalence_classes(
    frame: pd.DataFrame,
    columns: Sequence[str],
    subjects: pd.Series | Sequence[Any] | None = None,
    *,
    weights: pd.Series | Sequence[float] | np.ndarray | None = None,
) -> EquivalenceClasses:
    """The equivalence classes of ``frame`` over ``columns`` (nulls are a value), in one pass.

    With ``subjects`` (a subject id per row), a class's size counts distinct subjects; rows without
    an id count as subjects of their own. ``weights``: how many records each row stands for (e.g.
    the counts of a SQL ``GROUP BY``). No columns: every row is in one class.
    """
    cols = list(columns)
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise InputError(f"quasi-identifier column {missing[0]!r} not in the data")
    n = len(frame)
    row_class, n_classes = combine_codes([column_codes(frame[c]) for c in cols], n)
    w = _weights(weights, n)
    rows = np.rint(np.bincount(row_class, weights=w, minlength=n_classes)).astype(np.int64)
    if subjects is None:
        sizes, unit = rows, "rows"
    else:
        subj = _subject_codes(subjects, n)
        pairs, _ = combine_codes([(row_class, n_classes), (subj, int(subj.max()) + 1 if n else 1)], n)
        first = np.unique(pairs, return_index=True)[1]
        sizes = np.bincount(row_class[first], minlength=n_classes).astype(np.int64)
        unit = "subjects"
    return EquivalenceClasses(tuple(cols), row_class, sizes, rows, unit)


# ------------------------------------------------------------------------------------ measures


@dataclass(frozen=True)
class RiskMeasure:
    """One attacker model's figures. ``highest`` is ``None`` for the marketer model (an average)."""

    model: str
    highest: float | None
    average: float
    records_at_risk: float  # share of records whose risk exceeds the threshold
    expected_reidentifications: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "highest": self.highest,
            "average": self.average,
            "records_at_risk": self.records_at_risk,
            "expected_reidentifications": self.expected_reidentifications,
        }


def _measure(
    model: str, record_risk: np.ndarray, threshold: float, w: np.ndarray, *, highest: bool = True
) -> RiskMeasure:
    total = float(w.sum())
    if not record_risk.size or total == 0:
        return RiskMeasure(model, 0.0 if highest else None, 0.0, 0.0, 0.0)
    return RiskMeasure(
        model,
        float(record_risk[w > 0].max()) if highest else None,
        float((w * record_risk).sum() / total),
        float(w[record_risk > threshold].sum() / total),
        float((w * record_risk).sum()),
    )


@dataclass(frozen=True)
class SensitiveMeasure:
    """l-diversity and t-closeness of one sensitive attribute over the equivalence classes."""

    attribute: str
    kind: str  # "numeric" (ordered distance) or "categorical" (equal distance)
    distinct_l: int
    entropy_l: float  # exp of the smallest class entropy (natural log), as ARX and pycanon
    recursive_c: int | None  # smallest c for recursive (c, distinct_l)-diversity; None when l = 1
    t: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "kind": self.kind,
            "distinct_l": self.distinct_l,
            "entropy_l": self.entropy_l,
            "recursive_c": self.recursive_c,
            "t": self.t,
        }


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def sensitive_measures(
    frame: pd.DataFrame,
    classes: EquivalenceClasses,
    attribute: str,
    *,
    weights: pd.Series | Sequence[float] | np.ndarray | None = None,
) -> SensitiveMeasure:
    """Distinct / entropy / recursive l-diversity and t-closeness of ``attribute`` (nulls are a value).

    ``weights``: how many records each row stands for (as given to :func:`equivalence_classes`).
    """
    if attribute not in frame.columns:
        raise InputError(f"sensitive attribute {attribute!r} not in the data")
    series = frame[attribute].reset_index(drop=True)
    numeric = _is_numeric(series)
    codes, uniques = pd.factorize(series, use_na_sentinel=False, sort=numeric)
    m = max(len(uniques), 1)
    nc = classes.n_classes
    w = _weights(weights, len(series))
    n = float(w.sum()) if w is not None else len(series)
    if n == 0:
        return SensitiveMeasure(attribute, "numeric" if numeric else "categorical", 0, 0.0, None, 0.0)
    cls = classes.row_class
    pair = cls * m + codes
    upair, inverse = np.unique(pair, return_inverse=True)
    counts = np.bincount(inverse.ravel(), weights=w, minlength=upair.size)
    if w is not None:  # (class, value) pairs that stand for no record are not there
        upair, counts = upair[counts > 0], counts[counts > 0]
    pc, pv = upair // m, upair % m
    class_rows = np.bincount(cls, weights=w, minlength=nc)
    present = class_rows > 0
    distinct = np.bincount(pc, minlength=nc)
    q = counts / class_rows[pc]
    ent = np.bincount(pc, weights=-q * np.log(q), minlength=nc)
    distinct_l = int(distinct[present].min())
    entropy_l = float(math.exp(float(ent[present].min())))
    recursive_c = None
    if distinct_l > 1:
        # per class: counts sorted descending r1 >= r2 >= ...; c = floor(r1 / (r_l + ... + r_m) + 1)
        order = np.lexsort((-counts, pc))
        sc, spc = counts[order], pc[order]
        starts = np.r_[0, np.flatnonzero(np.diff(spc)) + 1]
        rank = np.arange(sc.size) - np.repeat(starts, np.diff(np.r_[starts, sc.size]))
        tail = np.bincount(spc, weights=np.where(rank >= distinct_l - 1, sc, 0), minlength=nc)
        recursive_c = int(np.floor(sc[starts] / tail[spc[starts]] + 1).max())
    p = np.bincount(codes, weights=w, minlength=m) / n
    if numeric and m > 1:
        t = 0.0
        chunk = max(1, 5_000_000 // m)
        for lo in range(0, nc, chunk):
            hi = min(nc, lo + chunk)
            sel = (pc >= lo) & (pc < hi)
            dense = np.zeros((hi - lo, m))
            dense[pc[sel] - lo, pv[sel]] = q[sel]
            emd = np.abs(np.cumsum(dense - p, axis=1)).sum(axis=1) / (m - 1)
            t = max(t, float(emd.max()))
    else:
        # 0.5 * sum_v |q_v - p_v| = 0.5 * (1 + sum over values present in the class of (|q - p| - p))
        part = np.bincount(pc, weights=np.abs(q - p[pv]) - p[pv], minlength=nc)
        t = float((0.5 * (1.0 + part))[present].max())
    return SensitiveMeasure(
        attribute, "numeric" if numeric else "categorical", distinct_l, entropy_l, recursive_c, max(t, 0.0)
    )


# ------------------------------------------------------------------------ attribute contribution


@dataclass(frozen=True)
class SubsetRisk:
    """How well one combination of quasi-identifiers singles people out."""

    columns: tuple[str, ...]
    k: int
    unique_share: float  # share of rows alone in their class

    def to_dict(self) -> dict[str, Any]:
        return {"columns": list(self.columns), "k": self.k, "unique_share": self.unique_share}


@dataclass(frozen=True)
class Contribution:
    """Which quasi-identifier combinations drive the risk.

    ``minimal``: the smallest combinations whose smallest class is below ``k`` (no proper subset is);
    ``without``: the full combination with one column left out, per column, most protective first.
    """

    k: int
    full: SubsetRisk
    minimal: tuple[SubsetRisk, ...] = ()
    without: tuple[tuple[str, SubsetRisk], ...] = ()
    subsets: tuple[SubsetRisk, ...] = ()

    def summary(self) -> str:
        """E.g. ``postal_code + date_of_birth: 97% of rows unique; without date_of_birth: 3%``."""
        head = f"{' + '.join(self.full.columns) or '(none)'}: {_pct(self.full.unique_share)} of rows unique"
        tail = [f"without {c}: {_pct(s.unique_share)}" for c, s in self.without]
        return "; ".join([head, *tail])

    def to_frame(self) -> pd.DataFrame:
        rows = [
            {"columns": " + ".join(s.columns), "width": len(s.columns), "k": s.k,
             "unique_share": s.unique_share, "minimal": s in self.minimal}
            for s in self.subsets
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=["columns", "width", "k", "unique_share", "minimal"])

    def to_dict(self) -> dict[str, Any]:
        return {
            "k": self.k,
            "full": self.full.to_dict(),
            "minimal": [s.to_dict() for s in self.minimal],
            "without": [{"column": c, **s.to_dict()} for c, s in self.without],
            "summary": self.summary(),
        }


def attribute_contribution(
    frame: pd.DataFrame,
    columns: Sequence[str],
    *,
    k: int = 5,
    max_width: int = 4,
    max_columns: int = 8,
    weights: pd.Series | Sequence[float] | np.ndarray | None = None,
) -> Contribution:
    """The share of unique records for every combination of up to ``max_width`` of ``columns``.

    Each column is factorised once; each combination only combines integer codes. ``weights``: how
    many records each row stands for.
    """
    cols = list(columns)[:max_columns]
    rows = len(frame)
    w = _weights(weights, rows)
    n = float(w.sum()) if w is not None else rows
    codes = {c: column_codes(frame[c]) for c in cols}

    def one(combo: tuple[str, ...]) -> SubsetRisk:
        rc, nc = combine_codes([codes[c] for c in combo], rows)
        sizes = np.rint(np.bincount(rc, weights=w, minlength=nc))
        sizes = sizes[sizes > 0]
        return SubsetRisk(
            combo,
            int(sizes.min()) if sizes.size else 0,
            float(sizes[sizes == 1].sum() / n) if n else 0.0,
        )

    seen: dict[tuple[str, ...], SubsetRisk] = {}
    minimal: list[SubsetRisk] = []
    for width in range(1, min(len(cols), max_width) + 1):
        for combo in itertools.combinations(cols, width):
            s = seen[combo] = one(combo)
            if s.k < k and not any(set(m.columns) <= set(combo) for m in minimal):
                minimal.append(s)
    full_key = tuple(cols)
    full = seen.get(full_key) or one(full_key)
    without: list[tuple[str, SubsetRisk]] = []
    if len(cols) >= 2:
        for c in cols:
            rest = tuple(x for x in cols if x != c)
            without.append((c, seen.get(rest) or one(rest)))
        without.sort(key=lambda cs: cs[1].unique_share)
    minimal.sort(key=lambda s: (len(s.columns), -s.unique_share))
    return Contribution(k, full, tuple(minimal), tuple(without), tuple(seen.values()))


# ---------------------------------------------------------------------------------- the profile


@dataclass(frozen=True)
class RiskProfile:
    """The re-identification risk of one dataset over its quasi-identifiers."""

    dataset: str | None
    quasi_identifiers: tuple[str, ...]
    records: int
    classes: int
    k: int
    distribution: tuple[tuple[int, int, int], ...]  # (class size, classes, records)
    threshold: float
    prosecutor: RiskMeasure
    journalist: RiskMeasure
    marketer: RiskMeasure
    sample_uniqueness: float
    population_uniqueness: float | None = None
    k_map: int | None = None
    population_size: int | None = None
    sensitive: tuple[SensitiveMeasure, ...] = ()
    contribution: Contribution | None = None
    unit: str = "rows"

    @property
    def models(self) -> tuple[RiskMeasure, ...]:
        return (self.prosecutor, self.journalist, self.marketer)

    def buckets(self) -> pd.DataFrame:
        """Records per class-size bucket (1, 2, 3-4, 5-9, ... 100+), for the distribution chart."""
        labels = []
        for i, lo in enumerate(SIZE_BUCKETS):
            hi = SIZE_BUCKETS[i + 1] - 1 if i + 1 < len(SIZE_BUCKETS) else None
            labels.append(str(lo) if hi == lo else (f"{lo}-{hi}" if hi else f"{lo}+"))
        records = [0] * len(SIZE_BUCKETS)
        classes = [0] * len(SIZE_BUCKETS)
        for size, ncls, nrec in self.distribution:
            i = int(np.searchsorted(SIZE_BUCKETS, size, side="right")) - 1
            records[i] += nrec
            classes[i] += ncls
        return pd.DataFrame({"class_size": labels, "classes": classes, "records": records})

    def to_frame(self) -> pd.DataFrame:
        """One row per attacker model: highest, average, share at risk, expected re-identifications."""
        return pd.DataFrame([m.to_dict() for m in self.models],
                            columns=["model", "highest", "average", "records_at_risk",
                                     "expected_reidentifications"])  # fmt: skip

    def summary(self) -> str:
        """One line: k, the three risks and sample uniqueness (no values of the data)."""
        parts = [
            f"k = {self.k} over {' + '.join(self.quasi_identifiers) or '(none)'}",
            f"prosecutor risk highest {_pct(self.prosecutor.highest or 0)}, "
            f"average {_pct(self.prosecutor.average)}",
            f"{_pct(self.prosecutor.records_at_risk)} of records above {_pct(self.threshold)}",
            f"{_pct(self.sample_uniqueness)} of records unique",
            f"expected re-identifications {self.prosecutor.expected_reidentifications:.0f} "
            f"of {self.records}",
        ]
        if self.k_map is not None:
            parts.append(f"k-map {self.k_map}, journalist risk highest {_pct(self.journalist.highest or 0)}")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "quasi_identifiers": list(self.quasi_identifiers),
            "records": self.records,
            "classes": self.classes,
            "k": self.k,
            "unit": self.unit,
            "distribution": [{"size": s, "classes": c, "records": r} for s, c, r in self.distribution],
            "threshold": self.threshold,
            "prosecutor": self.prosecutor.to_dict(),
            "journalist": self.journalist.to_dict(),
            "marketer": self.marketer.to_dict(),
            "sample_uniqueness": self.sample_uniqueness,
            "population_uniqueness": self.population_uniqueness,
            "k_map": self.k_map,
            "population_size": self.population_size,
            "sensitive": [s.to_dict() for s in self.sensitive],
            "contribution": self.contribution.to_dict() if self.contribution else None,
            "summary": self.summary(),
        }


def _population_counts(
    frame: pd.DataFrame, columns: list[str], population: pd.DataFrame, count_column: str | None
) -> np.ndarray:
    """The population count ``F`` of each sample row's quasi-identifier values."""
    missing = [c for c in columns if c not in population.columns]
    if missing:
        raise InputError(f"population table has no column {missing[0]!r}")
    if count_column is not None and count_column not in population.columns:
        raise InputError(f"population table has no count column {count_column!r}")
    n = len(frame)
    both = pd.concat([frame[columns].reset_index(drop=True), population[columns].reset_index(drop=True)],
                     ignore_index=True)  # fmt: skip
    # compare as text: a population read from CSV may type a column differently from the sample
    both = both.apply(lambda s: s.map(lambda v: None if pd.isna(v) else str(v)).astype(object))
    codes, nc = combine_codes([column_codes(both[c]) for c in columns], len(both))
    if count_column is None:
        weights = np.ones(len(population))
    else:
        weights = pd.to_numeric(population[count_column], errors="coerce").to_numpy(dtype=float)
        if np.isnan(weights).any() or (weights < 0).any():
            raise InputError(f"population count column {count_column!r}: expected counts of zero or more")
    big_f = np.bincount(codes[n:], weights=weights, minlength=nc)
    return big_f[codes[:n]]


def risk_profile(
    frame: pd.DataFrame,
    quasi_identifiers: Sequence[str],
    *,
    sensitive: Sequence[str] = (),
    threshold: float = 0.2,
    population: pd.DataFrame | None = None,
    population_count: str | None = None,
    subjects: pd.Series | Sequence[Any] | None = None,
    weights: pd.Series | Sequence[float] | np.ndarray | None = None,
    contribution_k: int | None = 5,
    dataset: str | None = None,
) -> RiskProfile:
    """The risk profile of ``frame`` over ``quasi_identifiers`` (see the module docstring).

    ``population``: rows of the population (or one row per combination with ``population_count``);
    ``subjects``: a subject id per row, in which case records are the distinct (subject, class)
    pairs, so a person with ten identical rows counts once; ``weights``: how many records each row
    stands for (the counts of a SQL ``GROUP BY`` over the quasi-identifiers and sensitive attributes;
    ignored with ``subjects``); ``contribution_k``: compute the attribute contribution against this
    k (``None``: skip it).
    """
    qis = list(quasi_identifiers)[:_MAX_QI]
    if not 0 < threshold <= 1:
        raise ConfigError(f"risk threshold: expected a share in (0, 1], got {threshold!r}")
    data = frame.reset_index(drop=True)
    if subjects is not None:
        ids = pd.Series(subjects).reset_index(drop=True)
        classes0 = equivalence_classes(data, qis)
        keep = ~pd.DataFrame({"c": classes0.row_class, "s": ids}).duplicated().to_numpy()
        data = data[keep | ids.isna().to_numpy()].reset_index(drop=True)
        weights = None
    w = _weights(weights, len(data))
    classes = equivalence_classes(data, qis, weights=w)
    if w is None:
        w = np.ones(len(data))
    n = classes.n_rows
    f = classes.row_sizes().astype(float)
    prosecutor_risk = 1.0 / np.maximum(f, 1) if n else np.zeros(0)
    big_f = None
    if population is not None:
        big_f = np.maximum(_population_counts(data, qis, population, population_count), f)
        journalist_risk = 1.0 / np.maximum(big_f, 1) if n else np.zeros(0)
    else:
        journalist_risk = prosecutor_risk
    dist = classes.distribution()
    sens = tuple(sensitive_measures(data, classes, s, weights=w) for s in sensitive)
    contrib = (
        attribute_contribution(data, qis, k=contribution_k, weights=w)
        if contribution_k is not None and qis else None
    )  # fmt: skip
    return RiskProfile(
        dataset=dataset,
        quasi_identifiers=tuple(qis),
        records=n,
        classes=classes.n_classes,
        k=classes.k,
        distribution=tuple((int(a), int(b), int(c)) for a, b, c in dist.itertuples(index=False)),
        threshold=threshold,
        prosecutor=_measure("prosecutor", prosecutor_risk, threshold, w),
        journalist=_measure("journalist", journalist_risk, threshold, w),
        marketer=_measure("marketer", journalist_risk, threshold, w, highest=False),
        sample_uniqueness=float(w[f == 1].sum() / n) if n else 0.0,
        population_uniqueness=float(w[big_f == 1].sum() / n) if big_f is not None and n else None,
        k_map=int(big_f[w > 0].min()) if big_f is not None and n else None,
        population_size=(
            None if population is None
            else int(population[population_count].sum()) if population_count else len(population)
        ),  # fmt: skip
        sensitive=sens,
        contribution=contrib,
        unit="subjects" if subjects is not None else "rows",
    )


# ------------------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class RiskSettings:
    """The ``risk:`` settings of the data map (top level, overlaid by a dataset's own ``risk:``).

    ``quasi_identifiers`` / ``sensitive``: columns, overriding what the scan and the data map's
    categories name; ``k``: the target class size; ``max_risk``: the highest prosecutor risk allowed
    (default ``1/k``); ``max_average_risk``: the average (marketer) risk allowed (default none);
    ``threshold``: the record risk above which a record counts as at risk (default ``max_risk``);
    ``max_suppression``: the share of records a proposed transformation may suppress; ``l`` / ``t``:
    the l-diversity and t-closeness required of the sensitive attributes; ``population``: a CSV
    (path relative to the data map) with the population's quasi-identifier columns and, optionally,
    a ``population_count`` column; ``hierarchies``: per column, ``{type: date|postal|number|category,
    levels: [...]}`` (see :mod:`privacy_audit.anonymize`).
    """

    k: int = 5
    max_risk: float | None = None
    max_average_risk: float | None = None
    threshold: float | None = None
    max_suppression: float = 0.05
    l: int | None = None  # noqa: E741
    t: float | None = None
    quasi_identifiers: tuple[str, ...] | None = None
    sensitive: tuple[str, ...] = ()
    population: str | None = None
    population_count: str | None = None
    hierarchies: Mapping[str, Any] = field(default_factory=dict)

    @property
    def target_k(self) -> int:
        """The class size that meets both ``k`` and ``max_risk`` (prosecutor risk = 1 / class size)."""
        by_risk = math.ceil(1 / self.max_risk - 1e-9) if self.max_risk else 1
        return max(self.k, by_risk)

    @property
    def record_threshold(self) -> float:
        return self.threshold if self.threshold is not None else (self.max_risk or 1 / self.k)

    def to_dict(self) -> dict[str, Any]:
        return {
            "k": self.k, "max_risk": self.max_risk, "max_average_risk": self.max_average_risk,
            "threshold": self.record_threshold, "max_suppression": self.max_suppression, "l": self.l,
            "t": self.t, "quasi_identifiers": list(self.quasi_identifiers or []),
            "sensitive": list(self.sensitive), "population": self.population,
        }  # fmt: skip


_SETTING_KEYS = {
    "k", "max_risk", "max_average_risk", "threshold", "max_suppression", "l", "t", "quasi_identifiers",
    "sensitive", "population", "population_count", "hierarchies",
}  # fmt: skip


def _share(name: str, value: Any, *, allow_zero: bool = False) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if not ok or not (0 <= value <= 1 if allow_zero else 0 < value <= 1):
        rng = "[0, 1]" if allow_zero else "(0, 1]"
        raise ConfigError(f"risk.{name}: expected a share in {rng}, got {value!r}")
    return float(value)


def _names(name: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(c, str) and c for c in value):
        raise ConfigError(f"risk.{name}: expected a list of column names")
    return tuple(value)


def risk_settings(
    top: Mapping[str, Any] | None,
    dataset: Mapping[str, Any] | None = None,
    *,
    separation: Mapping[str, Any] | None = None,
) -> RiskSettings:
    """Validate and merge the ``risk:`` mappings (top level, then the dataset's); one-line errors.

    ``k`` and ``quasi_identifiers`` default to the ``separation:`` settings, so one declaration
    serves both the k-anonymity control and the risk measures.
    """
    merged: dict[str, Any] = {}
    for key in ("k", "quasi_identifiers"):
        if isinstance(separation, Mapping) and key in separation:
            merged[key] = separation[key]
    for part, where in ((top, "risk"), (dataset, "datasets[].risk")):
        if part is None:
            continue
        if not isinstance(part, Mapping):
            raise ConfigError(f"{where}: expected a mapping such as {{k: 5, max_risk: 0.2}}")
        unknown = sorted(set(part) - _SETTING_KEYS)
        if unknown:
            raise ConfigError(f"{where}.{unknown[0]}: unknown setting (known: {', '.join(sorted(_SETTING_KEYS))})")
        merged.update(part)
    k = merged.get("k", 5)
    if isinstance(k, bool) or not isinstance(k, int) or k < 2:
        raise ConfigError(f"risk.k: expected a whole number of at least 2, got {k!r}")
    lval = merged.get("l")
    if lval is not None and (isinstance(lval, bool) or not isinstance(lval, int) or lval < 1):
        raise ConfigError(f"risk.l: expected a whole number of at least 1, got {lval!r}")
    hier = merged.get("hierarchies") or {}
    if not isinstance(hier, Mapping):
        raise ConfigError("risk.hierarchies: expected a mapping of column -> {type: ..., levels: [...]}")
    pop = merged.get("population")
    if pop is not None and not isinstance(pop, str):
        raise ConfigError(f"risk.population: expected a path to a CSV file, got {pop!r}")
    pop_count = merged.get("population_count")
    if pop_count is not None and not isinstance(pop_count, str):
        raise ConfigError(f"risk.population_count: expected a column name, got {pop_count!r}")
    opt = {
        name: (_share(name, merged[name]) if merged.get(name) is not None else None)
        for name in ("max_risk", "max_average_risk", "threshold", "t")
    }
    qi = merged.get("quasi_identifiers")
    return RiskSettings(
        k=int(k),
        max_suppression=_share("max_suppression", merged.get("max_suppression", 0.05), allow_zero=True),
        l=lval,
        quasi_identifiers=_names("quasi_identifiers", qi) if qi is not None else None,
        sensitive=_names("sensitive", merged.get("sensitive") or []),
        population=pop,
        population_count=pop_count,
        hierarchies=dict(hier),
        **opt,
    )

