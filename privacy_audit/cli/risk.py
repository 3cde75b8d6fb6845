"""``privacy-audit risk`` and ``privacy-audit anonymize``: re-identification risk and its fix."""

from __future__ import annotations

import json

import click

from ..checks.risk import DatasetRisk, RiskAssessment, anonymize_dataset, assess_estate
from ..datamap import load_datamap
from ..errors import InputError
from ._common import as_of_date, check_writable_file

__all__ = ["risk_cmd", "anonymize_cmd", "render_assessment"]


def _p(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _render_one(d: DatasetRisk) -> list[str]:
    p = d.profile
    lines = [f"== {d.dataset} ({d.zone}), {p.records} records"]
    if not p.quasi_identifiers:
        return [*lines, "   no quasi-identifiers: nothing singles people out by combination", ""]
    lines.append(f"   quasi-identifiers: {' + '.join(p.quasi_identifiers)}; {p.classes} classes; k = {p.k} "
                 f"(target {d.target_k})")  # fmt: skip
    lines.append(f"   model        highest   average   above {_p(p.threshold):<5} expected re-identifications")
    for m in p.models:
        lines.append(f"   {m.model:<12} {_p(m.highest):>7}   {_p(m.average):>7}   {_p(m.records_at_risk):>11}   "
                     f"{m.expected_reidentifications:.1f}")  # fmt: skip
    lines.append(f"   sample uniqueness {_p(p.sample_uniqueness)}"
                 + (f"; population uniqueness {_p(p.population_uniqueness)}; k-map {p.k_map}"
                    if p.k_map is not None else ""))  # fmt: skip
    b = p.buckets()
    lines.append("   class sizes: " + ", ".join(f"{r.class_size}: {r.records}" for r in b.itertuples() if r.records))
    for m in p.sensitive:
        c = "-" if m.recursive_c is None else m.recursive_c
        lines.append(f"   sensitive {m.attribute}: distinct l = {m.distinct_l}, entropy l = {m.entropy_l:.2f}, "
                     f"recursive c = {c}, t = {m.t:.3f} ({m.kind})")  # fmt: skip
    if p.contribution is not None:
        lines.append(f"   attribute contribution: {p.contribution.summary()}")
        if p.contribution.minimal:
            lines.append("   smallest combinations below k: " + "; ".join(
                f"{' + '.join(s.columns)} (k = {s.k}, {_p(s.unique_share)} unique)" for s in p.contribution.minimal[:5]))  # fmt: skip
    breaches = d.breaches()
    lines.append("   thresholds: " + ("; ".join(breaches) if breaches else "all met"))
    if d.fix is not None:
        lines.append(f"   proposed fix: {d.proposal()}")
        table = d.fix.to_frame()
        for r in table.itertuples():
            lines.append(f"     {r.measure:<42} {_fmt(r.before):>10} -> {_fmt(r.after)}")
    lines.append("")
    return lines


def _fmt(x: object) -> str:
    if isinstance(x, float) and not float(x).is_integer():
        return f"{x:.3f}"
    return "-" if x is None else str(int(x)) if isinstance(x, float) else str(x)


def render_assessment(result: RiskAssessment) -> str:
    """The assessment as plain text (figures and column names only, no values of the data)."""
    lines: list[str] = []
    for d in result.datasets:
        lines.extend(_render_one(d))
    if not result.datasets:
        lines.append("no pseudonymous or anonymous dataset to measure")
    return "\n".join(lines).rstrip()


@click.command("risk")
@click.argument("datamap", type=click.Path(dir_okay=False, path_type=str))
@click.option("--dataset", "dataset", metavar="NAME", help="Measure only this dataset (any zone).")
@click.option("--qi", "qis", multiple=True, metavar="COLUMN",
              help="Quasi-identifier column (repeatable); overrides the data map and the scan.")  # fmt: skip
@click.option("--k", "k", type=int, default=None, help="Target class size (default: the data map's, else 5).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--as-of", "as_of", metavar="DATE", help="Reference date for age bands (default: the data map's as_of).")
def risk_cmd(datamap: str, dataset: str | None, qis: tuple[str, ...], k: int | None, fmt: str,
             as_of: str | None) -> None:  # fmt: skip
    """Measure the re-identification risk of the pseudonymous and anonymous datasets of DATAMAP.

    Per dataset: k-anonymity and the class-size distribution, prosecutor / journalist / marketer
    risk, sample uniqueness (k-map and population uniqueness with a population table), l-diversity
    and t-closeness of declared sensitive attributes, the quasi-identifier combinations that single
    people out, and -- when k is not met -- the least-loss transformation reaching it, before and after.
    """
    if k is not None and k < 2:
        raise InputError(f"--k: expected a whole number of at least 2, got {k}")
    if qis and not dataset:
        raise InputError("--qi needs --dataset: quasi-identifiers are columns of one dataset")
    dm = load_datamap(datamap)
    result = assess_estate(dm, dataset=dataset, as_of=as_of_date(as_of), quasi_identifiers=list(qis) or None, k=k)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(render_assessment(result))
    for name, message in result.problems:
        click.echo(f"warning: {name}: {message}", err=True)


def _targets(values: tuple[str, ...]) -> tuple[int | None, float | None]:
    k = risk = None
    for v in values:
        name, sep, raw = v.partition("=")
        name = name.strip().lower()
        try:
            if not sep:
                raise ValueError
            if name == "k":
                k = int(raw)
                if k < 2:
                    raise ValueError
            elif name in {"risk", "r", "max_risk"}:
                risk = float(raw)
                if not 0 < risk <= 1:
                    raise ValueError
            else:
                raise ValueError
        except ValueError:
            raise InputError(f"--target {v!r}: expected k=N (N >= 2) or risk=R (0 < R <= 1)") from None
    return k, risk


@click.command("anonymize")
@click.argument("datamap", type=click.Path(dir_okay=False, path_type=str))
@click.argument("dataset")
@click.option("--target", "targets", multiple=True, metavar="k=N|risk=R",
              help="Target: smallest class k=N and/or highest prosecutor risk risk=R (repeatable; "
                   "default: the data map's).")  # fmt: skip
@click.option("--max-suppression", "max_suppression", type=float, default=None,
              help="Share of records that may be suppressed (default: the data map's, else 0.05).")  # fmt: skip
@click.option("--qi", "qis", multiple=True, metavar="COLUMN", help="Quasi-identifier column (repeatable).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="New file for the transformed copy (.csv, .parquet, .jsonl); never an existing file.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--as-of", "as_of", metavar="DATE", help="Reference date for age bands (default: the data map's as_of).")
def anonymize_cmd(datamap: str, dataset: str, targets: tuple[str, ...], max_suppression: float | None,
                  qis: tuple[str, ...], out: str, fmt: str, as_of: str | None) -> None:  # fmt: skip
    """Write a copy of DATASET generalised and suppressed to reach the target, to a new file --out.

    The source is never changed and an existing file is never overwritten; when no transformation
    reaches the target within the suppression limit, nothing is written (exit 2).
    """
    k, max_risk = _targets(targets)
    if max_suppression is not None and not 0 <= max_suppression <= 1:
        raise InputError(f"--max-suppression: expected a share in [0, 1], got {max_suppression}")
    check_writable_file(out, "--out")
    dm = load_datamap(datamap)
    outcome = anonymize_dataset(dm, dataset, out, k=k, max_risk=max_risk, max_suppression=max_suppression,
                                quasi_identifiers=list(qis) or None, as_of=as_of_date(as_of))  # fmt: skip
    if fmt == "json":
        click.echo(json.dumps(outcome.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    res = outcome.result
    click.echo(f"wrote {outcome.out} ({len(res.frame)} records): {res.plan.describe()}")
    for r in res.to_frame().itertuples():
        click.echo(f"  {r.measure:<42} {_fmt(r.before):>10} -> {_fmt(r.after)}")
