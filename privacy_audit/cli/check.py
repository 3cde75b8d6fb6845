"""``privacy-audit check``: run the policy controls against a data map and print the findings."""

from __future__ import annotations

import json

import click

from ..checks import SEVERITIES, CheckResult, run_checks
from ..datamap import load_datamap
from ._common import as_of_date

__all__ = ["check_cmd", "render_table"]


def render_table(result: CheckResult) -> str:
    """Findings as a fixed-width text table plus a one-line summary."""
    if not result.findings:
        return f"no findings ({len(result.checks_run)} checks run)"
    headers = ("severity", "clause", "check", "dataset", "column", "subjects", "message")
    rows = [
        (
            f.severity,
            f.clause,
            f.check,
            f.dataset or "-",
            f.column or "-",
            "-" if f.subjects_affected is None else str(f.subjects_affected),
            f.message,
        )
        for f in result.findings
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers[:-1])]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers[:-1], widths, strict=True)) + "  " + headers[-1]]
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1])
    counts = {s: sum(f.severity == s for f in result.findings) for s in SEVERITIES}
    lines.append("")
    lines.append(
        f"{len(result.findings)} findings ("
        + ", ".join(f"{s}: {n}" for s, n in counts.items())
        + f") from {len(result.checks_run)} checks"
    )
    return "\n".join(lines)


@click.command("check")
@click.argument("datamap", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(list(SEVERITIES)),
    default="high",
    show_default=True,
    help="Exit 1 when a finding at or above this severity exists.",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Measure ages from DATE (default: the data map's as_of, else today).",
)
@click.option(
    "--only", "only", multiple=True, metavar="CHECK", help="Run only this check id or area (repeatable)."
)
@click.option("--engine", type=click.Choice(["pandas", "dask"]), default="pandas", show_default=True,
              help="Execution engine; dask reads partitioned datasets on a Dask cluster.")  # fmt: skip
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to join (default: a local cluster of 2 workers).")  # fmt: skip
@click.pass_context
def check_cmd(
    ctx: click.Context, datamap: str, fmt: str, fail_on: str, as_of: str | None, only: tuple[str, ...],
    engine: str, scheduler: str | None,
) -> None:
    """Run the policy controls against DATAMAP and print every finding.

    JSON output is one array of objects with the keys check, clause, severity, dataset, column,
    subjects_affected, message, evidence. Exit 1 when a finding at or above --fail-on exists,
    otherwise 2 when a check could not run (listed on stderr), 0 when clean; 2 on bad input.
    """
    dm = load_datamap(datamap)
    if engine == "pandas" and scheduler is None:
        result = run_checks(dm, as_of=as_of_date(as_of), only=list(only) or None)
    else:
        from ..engine import run_checks as run_on_engine

        result = run_on_engine(dm, engine=engine, scheduler=scheduler, as_of=as_of_date(as_of), only=list(only) or None)
    if fmt == "json":
        click.echo(json.dumps([f.to_dict() for f in result.findings], indent=2, ensure_ascii=False))
    else:
        click.echo(render_table(result))
    for check, message in result.errors:
        click.echo(f"warning: {check}: {message}", err=True)
    if result.at_or_above(fail_on):
        ctx.exit(1)
    ctx.exit(2 if result.errors else 0)
