"""The fix for a re-identification risk, proposed and measured: generalisation plus record suppression.

Pure functions over DataFrames; the source is never changed (:func:`apply_plan` returns a new frame).

* :class:`Hierarchy`: how one quasi-identifier is generalised, level by level (level 0 = as is,
  the last level = ``*``):

  - ``date`` (birth dates and other dates): day -> month -> year -> 5-year band -> 10-year band ->
    20-year band -> ``*``. With a reference date the bands are age bands (``age 40-44``), else
    bands of birth years (``1960-1964``).
  - ``postal``: trailing characters dropped one at a time (``92684`` -> ``9268*`` -> ``926**`` ...) -> ``*``.
  - ``number``: bands of a width that doubles per level (``40-44`` -> ``40-49`` -> ...) -> ``*``.
  - ``category``: the levels the data map declares (a list of mappings value -> group, applied one
    after the other), then ``*``; undeclared categories only have ``value`` -> ``*``.

* :func:`propose`: the least-loss transformation (one level per quasi-identifier, the same for every
  row, as ARX's full-domain generalisation) that reaches the target class size with at most
  ``max_suppression`` of the records suppressed (records of classes still below the target are
  removed, as ARX's record suppression). It evaluates every node of the generalisation lattice
  (on the distinct combinations, weighted by their rows) when the lattice has at most
  ``max_nodes`` nodes, else it climbs greedily from the bottom.
* Information loss is the normalised non-uniform entropy (Gionis and Tassa; ARX's "non-uniform
  entropy"): per quasi-identifier, ``sum over records of -log2 P(value | generalised value)`` divided
  by the same sum with everything suppressed (``-log2 P(value)``), i.e. the share of the column's
  information removed; suppressed records lose all of it. The reported loss is the mean over the
  quasi-identifiers (0 = nothing lost, 1 = everything). The generalisation height (levels climbed
  over levels available) is reported beside it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .entities import generalisation
from .errors import ConfigError, InputError
from .risk import RiskProfile, column_codes, combine_codes, risk_profile

__all__ = [
    "HIERARCHY_TYPES",
    "Hierarchy",
    "hierarchy_for",
    "build_hierarchies",
    "Plan",
    "propose",
    "apply_plan",
    "Anonymization",
    "anonymize",
]

HIERARCHY_TYPES = ("date", "postal", "number", "category")
_STAR = "*"
_DATE_TOKENS = {"date", "dob", "birth", "birthday", "born"}
_POSTAL_TOKENS = {"zip", "zipcode", "postal", "postcode", "plz"}


def _tokens(name: str) -> set[str]:
    return set(re.split(r"[^a-z0-9]+", name.lower())) - {""}


def _text(values: pd.Series) -> pd.Series:
    return values.map(lambda v: None if pd.isna(v) else str(v)).astype(object)


# ----------------------------------------------------------------------------------- hierarchies


@dataclass(frozen=True)
class Hierarchy:
    """The generalisation levels of one column; ``levels[i]`` names level ``i`` (0 = the value)."""

    column: str
    kind: str
    levels: tuple[str, ...]
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def height(self) -> int:
        return len(self.levels) - 1

    def generalise(self, values: pd.Series, level: int) -> pd.Series:
        """``values`` at ``level`` as strings (nulls stay null below the top level)."""
        if not 0 <= level <= self.height:
            raise InputError(f"{self.column}: no generalisation level {level} (0..{self.height})")
        if level == self.height:
            return pd.Series([_STAR] * len(values), index=values.index, dtype=object)
        # generalise each distinct value once, then spread the results over the rows
        codes, uniques = pd.factorize(values, use_na_sentinel=False, sort=False)
        distinct = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
        out = _text(distinct) if level == 0 else _GENERALISERS[self.kind](self, distinct, level)
        return pd.Series(out.to_numpy(dtype=object)[codes], index=values.index, dtype=object)

    def to_dict(self) -> dict[str, Any]:
        return {"column": self.column, "type": self.kind, "levels": list(self.levels)}


def _gen_date(h: Hierarchy, values: pd.Series, level: int) -> pd.Series:
    p = dict(h.params)
    d = pd.to_datetime(values, errors="coerce", format="mixed")
    name = h.levels[level]
    if name == "month":
        out = d.dt.strftime("%Y-%m")
    elif name == "year":
        out = d.dt.year.astype("Int64").astype(str)
    else:
        width = int(name.split()[-1])
        ref = p.get("reference")
        if ref is not None:
            ref_ts = pd.Timestamp(ref)
            later = (d.dt.month > ref_ts.month) | ((d.dt.month == ref_ts.month) & (d.dt.day > ref_ts.day))
            age = ref_ts.year - d.dt.year - later.astype("Int64")
            lo = (age // width) * width
            out = "age " + lo.astype("Int64").astype(str) + "-" + (lo + width - 1).astype("Int64").astype(str)
        else:
            lo = (d.dt.year // width) * width
            out = lo.astype("Int64").astype(str) + "-" + (lo + width - 1).astype("Int64").astype(str)
    out = out.astype(object)
    out[d.isna()] = None
    bad = d.isna() & values.notna()
    if bad.any():  # unparsable values generalise like nulls: to themselves' top
        out[bad] = _STAR
    return out


def _gen_postal(h: Hierarchy, values: pd.Series, level: int) -> pd.Series:
    width = dict(h.params).get("width", 5)

    def cut(v: object) -> object:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        s = str(v)
        if isinstance(v, int | np.integer):
            s = s.zfill(width)
        keep = max(len(s) - level, 0)
        return s[:keep] + _STAR * (len(s) - keep)

    return values.astype(object).map(cut)


def _gen_number(h: Hierarchy, values: pd.Series, level: int) -> pd.Series:
    base = float(dict(h.params)["width"])
    width = base * 2 ** (level - 1)
    x = pd.to_numeric(values, errors="coerce")
    lo = np.floor(x / width) * width
    integral = float(width).is_integer() and (x.dropna() % 1 == 0).all()

    def label(a: float, w: float) -> str:
        if integral:
            return f"{int(a)}-{int(a + w - 1)}"
        return f"[{a:g}, {a + w:g})"

    out = pd.Series([None if pd.isna(a) else label(a, width) for a in lo], index=values.index, dtype=object)
    bad = x.isna() & values.notna()
    out[bad] = _STAR
    return out


def _gen_category(h: Hierarchy, values: pd.Series, level: int) -> pd.Series:
    maps: tuple[Mapping[str, str], ...] = dict(h.params).get("maps", ())
    out = _text(values)
    for m in maps[:level]:
        out = out.map(lambda v, m=m: None if v is None else m.get(v, v))
    return out


_GENERALISERS: dict[str, Callable[[Hierarchy, pd.Series, int], pd.Series]] = {
    "date": _gen_date,
    "postal": _gen_postal,
    "number": _gen_number,
    "category": _gen_category,
}


def _looks_like_dates(values: pd.Series) -> bool:
    sample = values.dropna().astype(str).head(200)
    if sample.empty or not sample.str.match(r"^\d{4}-\d{2}-\d{2}").mean() >= 0.9:
        return False
    return pd.to_datetime(sample, errors="coerce", format="mixed").notna().mean() >= 0.9


def _nice_width(span: float) -> float:
    raw = max(span / 32, 1e-9)
    exp = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * exp >= raw:
            return m * exp
    return 10 * exp  # pragma: no cover


def hierarchy_for(
    column: str,
    values: pd.Series,
    *,
    entity: str | None = None,
    spec: Mapping[str, Any] | None = None,
    reference: Any = None,
    sniff: pd.Series | None = None,
) -> Hierarchy:
    """The hierarchy of ``column``: from ``spec`` (the data map's ``hierarchies:`` entry) or guessed
    from the entity, the column name and the values (dates, postal codes, numbers, else categories).
    ``sniff``: the column's first values in row order, when ``values`` are its distinct values only
    (whether they look like dates is judged on the first 200 of them)."""
    spec = dict(spec or {})
    first = values if sniff is None else sniff
    kind = spec.get("type")
    if kind is not None and kind not in HIERARCHY_TYPES:
        raise ConfigError(f"risk.hierarchies.{column}.type: expected one of {', '.join(HIERARCHY_TYPES)}, got {kind!r}")
    toks = _tokens(column)
    if kind is None:
        if generalisation(entity) == "postal" or toks & _POSTAL_TOKENS:
            kind = "postal"
        elif generalisation(entity) == "date" or (toks & _DATE_TOKENS and _looks_like_dates(first)):
            kind = "date"
        elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            kind = "number"
        elif _looks_like_dates(first):
            kind = "date"
        else:
            kind = "category"
    if kind == "date":
        bands = [int(b) for b in spec.get("bands", [5, 10, 20])]
        prefix = "age band" if reference is not None else "birth-year band"
        levels = ("day", "month", "year", *(f"{prefix} {b}" for b in bands), _STAR)
        return Hierarchy(column, kind, levels, (("reference", reference),))
    if kind == "postal":
        s = values.dropna().astype(str)
        width = int(s.str.len().max()) if not s.empty else 5
        if pd.api.types.is_integer_dtype(values):
            width = max(width, 5)
        levels = ("value", *(f"last {i} dropped" for i in range(1, width)), _STAR)
        return Hierarchy(column, kind, levels, (("width", width),))
    if kind == "number":
        x = pd.to_numeric(values, errors="coerce").dropna()
        span = float(x.max() - x.min()) if not x.empty else 1.0
        width = float(spec.get("width") or _nice_width(span))
        steps, w = [], width
        while True:
            steps.append(w)
            if w >= span or len(steps) >= 8:
                break
            w *= 2
        levels = ("value", *(f"bands of {w:g}" for w in steps), _STAR)
        return Hierarchy(column, kind, levels, (("width", width),))
    raw_levels = spec.get("levels", [])
    if not isinstance(raw_levels, list) or not all(isinstance(m, Mapping) for m in raw_levels):
        raise ConfigError(f"risk.hierarchies.{column}.levels: expected a list of mappings value -> group")
    maps = tuple({str(a): str(b) for a, b in m.items()} for m in raw_levels)
    levels = ("value", *(f"level {i + 1}" for i in range(len(maps))), _STAR)
    return Hierarchy(column, "category", levels, (("maps", maps),))


def build_hierarchies(
    frame: pd.DataFrame,
    columns: Sequence[str],
    *,
    entities: Mapping[str, str | None] | None = None,
    specs: Mapping[str, Any] | None = None,
    reference: Any = None,
    sniff: Mapping[str, pd.Series] | None = None,
) -> dict[str, Hierarchy]:
    """One hierarchy per quasi-identifier (see :func:`hierarchy_for`; ``sniff``: column -> its first
    values in row order, when ``frame`` holds distinct rows)."""
    entities = entities or {}
    specs = specs or {}
    out = {}
    for c in columns:
        if c not in frame.columns:
            raise InputError(f"quasi-identifier column {c!r} not in the data")
        spec = specs.get(c)
        if spec is not None and not isinstance(spec, Mapping):
            raise ConfigError(f"risk.hierarchies.{c}: expected a mapping such as {{type: date}}")
        out[c] = hierarchy_for(c, frame[c], entity=entities.get(c), spec=spec, reference=reference,
                               sniff=(sniff or {}).get(c))  # fmt: skip
    return out


# ---------------------------------------------------------------------------------------- search


@dataclass(frozen=True)
class Plan:
    """A proposed transformation: one generalisation level per quasi-identifier plus suppression."""

    quasi_identifiers: tuple[str, ...]
    levels: tuple[int, ...]
    level_names: tuple[str, ...]
    target_k: int
    max_suppression: float
    reached: bool
    k_after: int
    suppressed: int
    records: int
    loss: float  # normalised non-uniform entropy, mean over the quasi-identifiers
    loss_per_column: tuple[float, ...]
    height: float  # levels climbed / levels available
    nodes_evaluated: int
    search: str  # "exhaustive" or "greedy"
    hierarchies: tuple[Hierarchy, ...] = ()

    @property
    def suppressed_share(self) -> float:
        return self.suppressed / self.records if self.records else 0.0

    def describe(self) -> str:
        """E.g. ``date_of_birth -> year, postal_code -> 2 digits; 3 records suppressed``."""
        steps = [f"{c} -> {name}" for c, lvl, name in zip(self.quasi_identifiers, self.levels, self.level_names,
                                                          strict=True) if lvl > 0]  # fmt: skip
        text = ", ".join(steps) or "no generalisation"
        return f"{text}; {self.suppressed} of {self.records} records suppressed ({100 * self.suppressed_share:.1f}%)"

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {"column": self.quasi_identifiers, "level": self.levels, "generalised_to": self.level_names,
             "loss": self.loss_per_column}  # fmt: skip
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "quasi_identifiers": list(self.quasi_identifiers),
            "levels": dict(zip(self.quasi_identifiers, self.level_names, strict=True)),
            "target_k": self.target_k,
            "max_suppression": self.max_suppression,
            "reached": self.reached,
            "k_after": self.k_after,
            "suppressed": self.suppressed,
            "suppressed_share": self.suppressed_share,
            "records": self.records,
            "loss": self.loss,
            "loss_per_column": dict(zip(self.quasi_identifiers, self.loss_per_column, strict=True)),
            "height": self.height,
            "nodes_evaluated": self.nodes_evaluated,
            "search": self.search,
            "description": self.describe(),
        }


class _Lattice:
    """The distinct quasi-identifier combinations, with every column's codes at every level."""

    def __init__(self, frame: pd.DataFrame, hierarchies: Sequence[Hierarchy], weights: np.ndarray | None = None) -> None:
        cols = [h.column for h in hierarchies]
        rows = len(frame)
        rc, nc = combine_codes([column_codes(frame[c]) for c in cols], rows)
        first = np.unique(rc, return_index=True)[1] if rows else np.zeros(0, dtype=np.int64)
        distinct = frame.iloc[first].reset_index(drop=True) if rows else frame.head(0)
        self.weights = np.bincount(rc, weights=weights, minlength=nc).astype(float) if rows else np.zeros(0)
        self.n = int(round(self.weights.sum()))
        self.codes: list[list[tuple[np.ndarray, int]]] = []
        self.terms: list[list[np.ndarray]] = []
        self.base: list[np.ndarray] = []
        total = self.weights.sum()
        for h in hierarchies:
            col = distinct[h.column]
            c0, uniques = pd.factorize(col, use_na_sentinel=False, sort=False)
            c0, card0 = c0.astype(np.int64), max(len(uniques), 1)
            uniq = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
            px = np.bincount(c0, weights=self.weights, minlength=card0) if len(c0) else np.zeros(0)
            b = -np.log2(px[c0] / total) if len(c0) else np.zeros(0)
            per_level, terms = [], []
            for lvl in range(h.height + 1):
                gu, card = column_codes(h.generalise(uniq, lvl))  # on the distinct values only
                gc = gu[c0] if len(c0) else c0
                per_level.append((gc, card))
                pg = np.bincount(gc, weights=self.weights, minlength=card) if len(gc) else np.zeros(0)
                terms.append(-np.log2(px[c0] / pg[gc]) if len(gc) else np.zeros(0))
            self.codes.append(per_level)
            self.terms.append(terms)
            self.base.append(b)
        self.heights = [h.height for h in hierarchies]

    def evaluate(self, node: tuple[int, ...], k: int) -> tuple[int, float, int, tuple[float, ...]]:
        """``(suppressed records, loss, k after suppression, loss per column)`` of one node."""
        d = len(self.weights)
        if d == 0:
            return 0, 0.0, 0, tuple(0.0 for _ in node)
        rc, nc = combine_codes([self.codes[i][lvl] for i, lvl in enumerate(node)], d)
        size = np.bincount(rc, weights=self.weights, minlength=nc)
        row_size = size[rc]
        supp = row_size < k
        suppressed = int(self.weights[supp].sum())
        kept = size[size >= k]
        k_after = int(kept.min()) if kept.size else 0
        losses = []
        for i, lvl in enumerate(node):
            denom = float((self.weights * self.base[i]).sum())
            num = float((self.weights * np.where(supp, self.base[i], self.terms[i][lvl])).sum())
            losses.append(num / denom if denom > 0 else 0.0)  # a constant column holds no information
        return suppressed, float(np.mean(losses)) if losses else 0.0, k_after, tuple(losses)


def propose(
    frame: pd.DataFrame,
    hierarchies: Mapping[str, Hierarchy] | Sequence[Hierarchy],
    *,
    k: int = 5,
    max_suppression: float = 0.05,
    max_nodes: int = 20_000,
    weights: pd.Series | Sequence[float] | np.ndarray | None = None,
) -> Plan:
    """The least-loss generalisation (plus suppression of at most ``max_suppression``) reaching ``k``.

    ``weights``: how many records each row stands for (e.g. the counts of a SQL ``GROUP BY``).
    Ties are broken by fewer suppressed records, then by the lower generalisation height. When no
    node reaches the target within the suppression limit (e.g. fewer than ``k`` records), the plan
    is the top of the lattice with ``reached = False``.
    """
    hs = list(hierarchies.values()) if isinstance(hierarchies, Mapping) else list(hierarchies)
    if k < 1:
        raise ConfigError(f"target k: expected a whole number of at least 1, got {k!r}")
    if not 0 <= max_suppression <= 1:
        raise ConfigError(f"max suppression: expected a share in [0, 1], got {max_suppression!r}")
    w = None if weights is None else np.asarray(pd.Series(weights).reset_index(drop=True), dtype=float)
    if w is not None and (w.size != len(frame) or np.isnan(w).any() or (w < 0).any()):
        raise InputError(f"record weights: expected {len(frame)} counts of zero or more")
    lat = _Lattice(frame.reset_index(drop=True), hs, w)
    n = lat.n
    allowed = math.floor(max_suppression * n + 1e-9)
    heights = lat.heights
    total_nodes = math.prod(h + 1 for h in heights)
    best: tuple[tuple[float, int, int], tuple[int, ...], tuple] | None = None
    evaluated = 0

    def consider(node: tuple[int, ...]) -> tuple:
        nonlocal best, evaluated
        evaluated += 1
        res = lat.evaluate(node, k)
        suppressed, loss = res[0], res[1]
        if suppressed <= allowed and (n >= k):
            key = (round(loss, 12), suppressed, sum(node))
            if best is None or key < best[0]:
                best = (key, node, res)
        return res

    if total_nodes <= max_nodes:
        search = "exhaustive"
        for node in itertools.product(*(range(h + 1) for h in heights)):
            consider(node)
    else:
        search = "greedy"
        node = tuple(0 for _ in heights)
        res = consider(node)
        while res[0] > allowed and any(lvl < h for lvl, h in zip(node, heights, strict=True)):
            options = []
            for i, (lvl, h) in enumerate(zip(node, heights, strict=True)):
                if lvl < h:
                    cand = node[:i] + (lvl + 1,) + node[i + 1 :]
                    r = consider(cand)
                    options.append(((r[0], r[1]), cand, r))
            _, node, res = min(options, key=lambda o: o[0])
    if best is None:
        top = tuple(heights)
        res = lat.evaluate(top, k)
        node, reached = top, False
        if n < k:
            res = (n, 1.0, 0, tuple(1.0 for _ in heights))
    else:
        _, node, res = best
        reached = True
    suppressed, loss, k_after, per_col = res
    return Plan(
        quasi_identifiers=tuple(h.column for h in hs),
        levels=tuple(node),
        level_names=tuple(h.levels[lvl] for h, lvl in zip(hs, node, strict=True)),
        target_k=k,
        max_suppression=max_suppression,
        reached=reached,
        k_after=k_after,
        suppressed=suppressed,
        records=n,
        loss=loss,
        loss_per_column=per_col,
        height=(sum(node) / sum(heights)) if sum(heights) else 0.0,
        nodes_evaluated=evaluated,
        search=search,
        hierarchies=tuple(hs),
    )


def apply_plan(
    frame: pd.DataFrame, plan: Plan, *, weights: pd.Series | Sequence[float] | np.ndarray | None = None
) -> pd.DataFrame:
    """A new frame with the plan's generalisation applied and the suppressed records removed.

    ``weights``: how many records each row stands for (class sizes count them).
    """
    out = frame.copy()
    for h, lvl in zip(plan.hierarchies, plan.levels, strict=True):
        out[h.column] = h.generalise(frame[h.column], lvl).to_numpy()
    if len(out) and plan.quasi_identifiers:
        w = None if weights is None else np.asarray(pd.Series(weights).reset_index(drop=True), dtype=float)
        rc, nc = combine_codes([column_codes(out[c]) for c in plan.quasi_identifiers], len(out))
        size = np.bincount(rc, weights=w, minlength=nc)[rc]
        out = out[size >= plan.target_k]
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class Anonymization:
    """A plan with the risk profile before and after it (and the transformed frame, not persisted)."""

    plan: Plan
    before: RiskProfile
    after: RiskProfile
    frame: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The before/after table: one row per measure."""
        b, a, p = self.before, self.after, self.plan

        def row(name: str, x: Any, y: Any) -> dict[str, Any]:
            return {"measure": name, "before": x, "after": y}

        rows = [
            row("records", b.records, a.records),
            row("k (smallest class)", b.k, a.k),
            row("equivalence classes", b.classes, a.classes),
            row("prosecutor risk, highest", b.prosecutor.highest, a.prosecutor.highest),
            row("prosecutor risk, average", b.prosecutor.average, a.prosecutor.average),
            row(f"records above {b.threshold:.0%} risk", b.prosecutor.records_at_risk, a.prosecutor.records_at_risk),
            row("journalist risk, highest", b.journalist.highest, a.journalist.highest),
            row("marketer risk", b.marketer.average, a.marketer.average),
            row("expected re-identifications", b.prosecutor.expected_reidentifications,
                a.prosecutor.expected_reidentifications),
            row("sample uniqueness", b.sample_uniqueness, a.sample_uniqueness),
            row("information loss (non-uniform entropy)", 0.0, p.loss),
            row("generalisation height", 0.0, p.height),
            row("records suppressed", 0, p.suppressed),
        ]  # fmt: skip
        for sb, sa in zip(b.sensitive, a.sensitive, strict=True):
            rows.append(row(f"{sb.attribute}: distinct l", sb.distinct_l, sa.distinct_l))
            rows.append(row(f"{sb.attribute}: t-closeness", sb.t, sa.t))
        return pd.DataFrame(rows, columns=["measure", "before", "after"])

    def to_dict(self) -> dict[str, Any]:
        return {"plan": self.plan.to_dict(), "before": self.before.to_dict(), "after": self.after.to_dict()}


def anonymize(
    frame: pd.DataFrame,
    quasi_identifiers: Sequence[str],
    *,
    k: int = 5,
    max_suppression: float = 0.05,
    hierarchies: Mapping[str, Hierarchy] | None = None,
    sensitive: Sequence[str] = (),
    threshold: float = 0.2,
    dataset: str | None = None,
    weights: pd.Series | Sequence[float] | np.ndarray | None = None,
) -> Anonymization:
    """Propose the least-loss transformation reaching ``k``, apply it to a copy and measure both sides.

    ``weights``: how many records each row stands for (e.g. a SQL ``GROUP BY``'s counts); the
    transformed frame then keeps them in a ``__records`` column.
    """
    qis = list(quasi_identifiers)
    hs = hierarchies if hierarchies is not None else build_hierarchies(frame, qis)
    plan = propose(frame, [hs[c] for c in qis], k=k, max_suppression=max_suppression, weights=weights)
    if weights is None:
        after_frame = apply_plan(frame, plan)
        w_after = None
    else:
        w = np.asarray(pd.Series(weights).reset_index(drop=True), dtype=float)
        after_frame = apply_plan(frame.reset_index(drop=True).assign(__records=w), plan, weights=w)
        w_after = after_frame["__records"].to_numpy()
    before = risk_profile(frame, qis, sensitive=sensitive, threshold=threshold, contribution_k=k, dataset=dataset,
                          weights=weights)  # fmt: skip
    after = risk_profile(after_frame, qis, sensitive=sensitive, threshold=threshold, contribution_k=None,
                         dataset=dataset, weights=w_after)  # fmt: skip
    return Anonymization(plan, before, after, after_frame)
