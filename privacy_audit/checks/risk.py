"""Clause 3.2.2, re-identification risk of the pseudonymous and anonymous datasets, with the fix proposed.

* :func:`assess_dataset` / :func:`assess_estate`: the risk profile (:mod:`privacy_audit.risk`) of each
  separated dataset over its quasi-identifiers, and the least-loss transformation
  (:mod:`privacy_audit.anonymize`) that reaches the data map's target, measured before and after.
  Quasi-identifiers: the data map's ``risk: {quasi_identifiers: [...]}`` (or
  ``separation: {quasi_identifiers: [...]}``) when given, else the columns whose category (the
  scan's verdict, else the declared one) the entity taxonomy calls a quasi-identifier
  (:func:`privacy_audit.entities.is_quasi`), plus the columns the separation audit recognises by
  name (gender, age...). The subject key is never a quasi-identifier.
* ``risk.reidentification`` (the control): a dataset that meets k (a smaller class is
  ``separation.quasi_identifier``'s finding, which carries this module's profile and proposal in its
  evidence) but whose risk still exceeds a threshold of the data map's ``risk:`` settings: highest
  prosecutor or journalist risk above ``max_risk``, average (marketer) risk above
  ``max_average_risk``, l-diversity below ``l`` or t-closeness above ``t`` for a sensitive attribute.
  The evidence is the measured risk; the proposed transformation is the remedy.
* :func:`anonymize_dataset`: writes the transformed copy of one dataset to a new file (never the
  source, never an existing file).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from .. import entities
from ..anonymize import Anonymization, anonymize, build_hierarchies
from ..datamap import DataMap, Dataset
from ..errors import ConfigError, InputError, PrivacyAuditError
from ..risk import RiskProfile, RiskSettings, risk_profile, risk_settings
from ..sources import sql_columns, sql_group_counts, write_table_atomic
from . import CheckContext, Finding, find_column, load_controls
from .separation import quasi_identifier_columns

__all__ = [
    "CHECKS",
    "CONTROLS",
    "SEPARATED_ZONES",
    "settings_for",
    "quasi_identifiers_for",
    "DatasetRisk",
    "RiskAssessment",
    "assess_dataset",
    "assess_estate",
    "AnonymizeOutcome",
    "anonymize_dataset",
]

SEPARATED_ZONES = ("pseudonymous", "anonymous")
CONTROLS = {"risk.reidentification": {"clause": "3.2.2", "severity": "high"}}


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def settings_for(datamap: DataMap, ds: Dataset) -> RiskSettings:
    """The dataset's risk settings: the data map's ``risk:`` overlaid by the dataset's own."""
    return risk_settings(
        datamap.extra.get("risk"),
        ds.extra.get("risk"),
        separation={**(datamap.extra.get("separation") or {}), **(ds.extra.get("separation") or {})},
    )


def _categories(ctx: CheckContext, ds: Dataset) -> dict[str, str | None]:
    cats: dict[str, str | None] = dict(ds.columns)
    for c in ctx.scan(ds).columns:
        if c.entity:
            cats[c.column] = c.entity
    return cats


def quasi_identifiers_for(
    ctx: CheckContext, ds: Dataset, settings: RiskSettings, frame: pd.DataFrame, *, scan: bool = True
) -> tuple[list[str], dict[str, str | None]]:
    """The quasi-identifier columns of ``ds`` (see the module docstring) and the column categories.

    ``scan=False``: only the declared categories and the column names (a SQL table measured in the
    database is not read, so it is not scanned).
    """
    if settings.quasi_identifiers is not None:
        cols = []
        for q in settings.quasi_identifiers:
            c = find_column(frame, q)
            if c is None:
                raise InputError(f"quasi-identifier column {q!r} (risk settings) not in the data")
            cols.append(c)
        return cols, dict(ds.columns)
    cats = _categories(ctx, ds) if scan else dict(ds.columns)
    key = {ds.subject_key.lower()} if ds.subject_key else set()
    by_name = set(quasi_identifier_columns(frame, cats, exclude=key))
    cols = [str(c) for c in frame.columns
            if str(c).lower() not in key and (entities.is_quasi(cats.get(str(c))) or str(c) in by_name)]  # fmt: skip
    cols = [c for c in cols if not (cats.get(c) == "LOCATION" and c not in by_name)]
    return cols, cats


@dataclass(frozen=True)
class DatasetRisk:
    """One separated dataset's risk profile and the proposed fix (``None`` when k is already met)."""

    dataset: str
    zone: str
    settings: RiskSettings
    profile: RiskProfile
    fix: Anonymization | None = None

    @property
    def target_k(self) -> int:
        return self.settings.target_k

    def breaches(self) -> list[str]:
        """Every threshold of the settings the measured risk exceeds, as short phrases."""
        p, s, out = self.profile, self.settings, []
        if p.records and p.k < s.target_k:
            out.append(f"k = {p.k} < {s.target_k}")
        if s.max_risk is not None and (p.prosecutor.highest or 0) > s.max_risk:
            out.append(f"prosecutor risk {_pct(p.prosecutor.highest)} > {_pct(s.max_risk)}")
        if s.max_risk is not None and p.k_map is not None and (p.journalist.highest or 0) > s.max_risk:
            out.append(f"journalist risk {_pct(p.journalist.highest)} > {_pct(s.max_risk)} (k-map {p.k_map})")
        if s.max_average_risk is not None and p.marketer.average > s.max_average_risk:
            out.append(f"average (marketer) risk {_pct(p.marketer.average)} > {_pct(s.max_average_risk)}")
        for m in p.sensitive:
            if s.l is not None and m.distinct_l < s.l:
                out.append(f"{m.attribute}: l = {m.distinct_l} < {s.l}")
            if s.t is not None and m.t > s.t:
                out.append(f"{m.attribute}: t = {m.t:.2f} > {s.t:.2f}")
        return out

    def proposal(self) -> str:
        """The proposed transformation and its effect, one sentence (no values of the data)."""
        if self.fix is None:
            return "no transformation needed"
        pl, b, a = self.fix.plan, self.fix.before, self.fix.after
        verdict = "reaches" if pl.reached else "cannot reach"
        return (
            f"{pl.describe()}: {verdict} k >= {pl.target_k} (k {b.k} -> {a.k}, highest prosecutor risk "
            f"{_pct(b.prosecutor.highest)} -> {_pct(a.prosecutor.highest)}, unique records "
            f"{_pct(b.sample_uniqueness)} -> {_pct(a.sample_uniqueness)}); information loss {_pct(pl.loss)} "
            f"(non-uniform entropy), generalisation height {_pct(pl.height)}"
        )

    def section(self) -> dict[str, Any]:
        """What the compliance report shows for this dataset (figures and column names only)."""
        p = self.profile
        return {
            "dataset": self.dataset,
            "zone": self.zone,
            "quasi_identifiers": list(p.quasi_identifiers),
            "records": p.records,
            "classes": p.classes,
            "k": p.k,
            "target_k": self.target_k,
            "summary": p.summary(),
            "contribution": p.contribution.summary() if p.contribution else "",
            "models": [m.to_dict() for m in p.models],
            "buckets": p.buckets().to_dict(orient="records"),
            "breaches": self.breaches(),
            "proposal": self.proposal() if self.fix is not None else "",
            "before_after": self.fix.to_frame().to_dict(orient="records") if self.fix is not None else [],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "zone": self.zone,
            "settings": self.settings.to_dict(),
            "profile": self.profile.to_dict(),
            "breaches": self.breaches(),
            "proposal": self.proposal(),
            "fix": self.fix.to_dict() if self.fix else None,
        }


@dataclass(frozen=True)
class RiskAssessment:
    """The risk of every separated dataset of an estate, and the datasets that could not be measured."""

    datasets: tuple[DatasetRisk, ...] = ()
    problems: tuple[tuple[str, str], ...] = ()  # (dataset, one-line message)

    def to_frame(self) -> pd.DataFrame:
        cols = ["dataset", "zone", "quasi_identifiers", "records", "k", "target_k", "prosecutor_highest",
                "prosecutor_average", "records_at_risk", "sample_uniqueness", "k_map", "proposal"]  # fmt: skip
        rows = [
            {"dataset": d.dataset, "zone": d.zone, "quasi_identifiers": " + ".join(d.profile.quasi_identifiers),
             "records": d.profile.records, "k": d.profile.k, "target_k": d.target_k,
             "prosecutor_highest": d.profile.prosecutor.highest, "prosecutor_average": d.profile.prosecutor.average,
             "records_at_risk": d.profile.prosecutor.records_at_risk,
             "sample_uniqueness": d.profile.sample_uniqueness, "k_map": d.profile.k_map, "proposal": d.proposal()}
            for d in self.datasets
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=cols)

    def to_dict(self) -> dict[str, Any]:
        return {
            "datasets": [d.to_dict() for d in self.datasets],
            "problems": [{"dataset": n, "message": m} for n, m in self.problems],
        }


def _population(datamap: DataMap, settings: RiskSettings) -> pd.DataFrame | None:
    if settings.population is None:
        return None
    path = Path(settings.population)
    path = path if path.is_absolute() else datamap.root / path
    if not path.is_file():
        raise ConfigError(f"risk.population: {path} not found")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=True)
    except (ValueError, OSError, pd.errors.ParserError) as exc:
        raise ConfigError(f"risk.population: {path}: not a readable CSV table ({str(exc)[:120]})") from None


def assess_dataset(
    ctx: CheckContext,
    ds: Dataset,
    *,
    quasi_identifiers: Sequence[str] | None = None,
    k: int | None = None,
    max_suppression: float | None = None,
    propose_fix: bool = True,
) -> DatasetRisk:
    """Measure one dataset's risk and, when k is not met, propose and measure the fix.

    ``quasi_identifiers`` / ``k`` / ``max_suppression`` override the data map's settings (the
    widgets and ``privacy-audit risk`` options use them).
    """
    settings = settings_for(ctx.datamap, ds)
    if k is not None or max_suppression is not None:
        risk_settings({"k": k or settings.k, "max_suppression": settings.max_suppression
                       if max_suppression is None else max_suppression})  # validates, one-line errors  # fmt: skip
        settings = replace(settings, k=k or settings.k,
                           max_suppression=settings.max_suppression if max_suppression is None else max_suppression)  # fmt: skip
    if quasi_identifiers is not None:
        settings = replace(settings, quasi_identifiers=tuple(quasi_identifiers))
    in_sql = ds.format == "sql" and bool(ds.url) and bool(ds.table)
    if in_sql:  # pushed down: the database computes GROUP BY counts, no row leaves it
        frame = pd.DataFrame(columns=sql_columns(ds.url, ds.table))
        qis, cats = quasi_identifiers_for(ctx, ds, settings, frame, scan=False)
    else:  # the columns first; then only the quasi-identifiers and sensitive attributes are read
        frame = ctx.columns(ds)
        qis, cats = quasi_identifiers_for(ctx, ds, settings, frame)
    sensitive = []
    for s in settings.sensitive:
        c = find_column(frame, s)
        if c is None:
            raise InputError(f"sensitive attribute {s!r} (risk settings) not in the data")
        sensitive.append(c)
    weights = fix_weights = sniff = None
    if in_sql:
        key = find_column(frame, ds.subject_key) if ds.subject_key else None
        data = sql_group_counts(ds.url, ds.table, list(dict.fromkeys([*qis, *sensitive, *([key] if key else [])])))
        counts = data.pop("__records")
        subjects = data[key].map(lambda v: None if pd.isna(v) else str(v)) if key else None
        weights = fix_weights = None if key else counts
    elif qis:  # counts per distinct combination, built chunk by chunk (the rows are never held)
        data, counts, subjects = ctx.groups(ds, [*qis, *sensitive])
        weights = None if subjects is not None else counts  # with subject ids, records are (class, subject)
        fix_weights = counts  # the fix is measured over every row
        sniff = ctx.head_values(ds, qis)
    else:  # one class: risk_profile keeps each subject's first row (and every row without an id)
        data, subjects = ctx.projection(ds, sensitive, first_per_subject=True)
    profile = risk_profile(
        data, qis, sensitive=sensitive, threshold=settings.record_threshold,
        population=_population(ctx.datamap, settings), population_count=settings.population_count,
        subjects=subjects, weights=weights, contribution_k=settings.target_k, dataset=ds.name,
    )  # fmt: skip
    fix = None
    if propose_fix and qis and profile.records and profile.k < settings.target_k:
        hs = build_hierarchies(data, qis, entities=cats, specs=settings.hierarchies, reference=ctx.as_of,
                               sniff=sniff)  # fmt: skip
        fix = anonymize(data, qis, k=settings.target_k, max_suppression=settings.max_suppression, hierarchies=hs,
                        sensitive=sensitive, threshold=settings.record_threshold, dataset=ds.name,
                        weights=fix_weights)  # fmt: skip
    return DatasetRisk(ds.name, ds.zone, settings, profile, fix)


def _context(datamap: DataMap, as_of: _dt.date | None) -> CheckContext:
    when = as_of or datamap.as_of or _dt.date.today()
    return CheckContext(datamap, as_of=when, controls=load_controls(datamap.controls))


def assess_estate(
    datamap: DataMap,
    *,
    dataset: str | None = None,
    as_of: _dt.date | None = None,
    quasi_identifiers: Sequence[str] | None = None,
    k: int | None = None,
    max_suppression: float | None = None,
    frames: Mapping[str, pd.DataFrame] | None = None,
    scans: Mapping[str, Any] | None = None,
) -> RiskAssessment:
    """The risk of every pseudonymous and anonymous dataset (or of ``dataset`` alone, whatever its zone).

    ``frames`` / ``scans``: datasets already read and scanned (name -> frame / ScanResult), as
    :func:`~privacy_audit.checks.run_checks` takes them, e.g. from the compliance report.
    """
    ctx = _context(datamap, as_of)
    ctx._frames.update(frames or {})
    ctx._scans.update(scans or {})
    targets = [datamap.dataset(dataset)] if dataset else [d for d in datamap.datasets if d.zone in SEPARATED_ZONES]
    out, problems = [], []
    for ds in targets:
        try:
            out.append(assess_dataset(ctx, ds, quasi_identifiers=quasi_identifiers, k=k,
                                      max_suppression=max_suppression))
        except PrivacyAuditError as exc:
            if dataset:
                raise
            problems.append((ds.name, " ".join(str(exc).split())))
    return RiskAssessment(tuple(out), tuple(problems))


@dataclass(frozen=True)
class AnonymizeOutcome:
    """What ``privacy-audit anonymize`` wrote: the plan, before/after, and the output file."""

    dataset: str
    out: Path
    result: Anonymization

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "out": str(self.out), **self.result.to_dict()}


def anonymize_dataset(
    datamap: DataMap,
    dataset: str,
    out: str | Path,
    *,
    k: int | None = None,
    max_risk: float | None = None,
    max_suppression: float | None = None,
    quasi_identifiers: Sequence[str] | None = None,
    as_of: _dt.date | None = None,
) -> AnonymizeOutcome:
    """Apply the least-loss transformation reaching the target to a copy of ``dataset``, written to ``out``.

    ``out`` must be a new file: never a dataset of the data map, never an existing file. The write
    is atomic; when the target cannot be reached nothing is written.
    """
    ds = datamap.dataset(dataset)
    target = Path(out).resolve()
    estate = {d.path.resolve() for d in datamap.datasets if d.path is not None}
    if target in estate or target == datamap.path.resolve():
        raise InputError(f"{out}: is a file of the estate; anonymize never overwrites it (choose a new file)")
    if target.exists():
        raise InputError(f"{out}: already exists; choose a new file (anonymize never overwrites)")
    ctx = _context(datamap, as_of)
    settings = settings_for(datamap, ds)
    kk = k if k is not None else settings.target_k
    if max_risk is not None:
        kk = max(kk, risk_settings({"k": max(kk, 2), "max_risk": max_risk}).target_k)
    if kk < 2:
        raise InputError(f"--target k={kk}: expected a whole number of at least 2")
    frame = ctx.frame(ds)
    if quasi_identifiers is not None:
        settings = replace(settings, quasi_identifiers=tuple(quasi_identifiers))
    qis, cats = quasi_identifiers_for(ctx, ds, settings, frame)
    if not qis:
        raise InputError(f"dataset {ds.name}: no quasi-identifier columns (name them with --qi)")
    hs = build_hierarchies(frame, qis, entities=cats, specs=settings.hierarchies,
                            reference=ctx.as_of)
    result = anonymize(frame, qis, k=kk, hierarchies=hs, dataset=ds.name,
                       max_suppression=settings.max_suppression if max_suppression is None else max_suppression)  # fmt: skip
    if not result.plan.reached:
        raise InputError(
            f"dataset {ds.name}: no transformation reaches k >= {kk} within "
            f"{100 * result.plan.max_suppression:.0f}% suppression; nothing written"
        )
    write_table_atomic(result.frame, target)
    return AnonymizeOutcome(ds.name, target, result)


# ----------------------------------------------------------------------------------- the control


def reidentification(ctx: CheckContext) -> Iterator[Finding]:
    """Separated datasets that meet k but exceed another risk threshold of the data map."""
    cid = "risk.reidentification"
    for ds in (d for d in ctx.datamap.datasets if d.zone in SEPARATED_ZONES):
        try:
            settings = settings_for(ctx.datamap, ds)
            dr = assess_dataset(ctx, ds, propose_fix=False)
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        if not dr.profile.records or not dr.profile.quasi_identifiers or dr.profile.k < settings.k:
            continue  # no quasi-identifiers, or k itself fails: separation.quasi_identifier reports it
        breaches = dr.breaches()
        if not breaches:
            continue
        p = dr.profile
        contrib = f"; {p.contribution.summary()}" if p.contribution else ""
        yield ctx.finding(
            cid,
            dataset=ds.name,
            column=None,
            subjects_affected=None,
            message=f"{ds.zone} dataset {ds.name} can be re-identified above the data map's thresholds: "
            + "; ".join(breaches),
            evidence=f"{p.summary()}{contrib}",
        )


CHECKS = {"risk.reidentification": reidentification}
