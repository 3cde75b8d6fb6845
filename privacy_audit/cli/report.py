"""``privacy-audit report``: write the compliance report (HTML, JSON and PDF) for a data map."""

from __future__ import annotations

import datetime as _dt

import click

from ..scan import SCAN_SAMPLE

__all__ = ["report_cmd"]


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date YYYY-MM-DD, got {value!r}") from None


@click.command("report")
@click.argument("datamap", type=click.Path(dir_okay=False, path_type=str))
@click.option("--out", "out_dir", default="reports", show_default=True, type=click.Path(file_okay=False, path_type=str),
              help="Folder to write compliance_report.html/.json/.pdf into.")  # fmt: skip
@click.option("--as-of", "as_of", callback=_date, metavar="DATE",
              help="Date ages are measured from (default: the data map's as_of, else today).")  # fmt: skip
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Do not print the PDF with headless Chromium.")
@click.option("--sample", type=click.IntRange(min=1), default=SCAN_SAMPLE, show_default=True,
              help="Rows per column the PII scan examines.")  # fmt: skip
@click.option("--full", is_flag=True, help="Scan every row (slow on large datasets).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the scan's row sample.")
@click.pass_context
def report_cmd(
    ctx: click.Context, datamap: str, out_dir: str, as_of: _dt.date | None, no_pdf: bool, sample: int, full: bool,
    seed: int,
) -> None:  # fmt: skip
    """Write the compliance report for DATAMAP: compliance_report.html (self-contained, opens offline),
    compliance_report.json (the same content as data) and, when /usr/bin/chromium exists,
    compliance_report.pdf. Every personal value in them is masked.

    Exits 0 when written, 2 on bad input (nothing is written then).
    """
    from ..report.render import write_report
    from ..services import compliance_report
    from ._common import check_writable_folder

    check_writable_folder(out_dir, "--out")  # before the scan and checks, not after them
    report = compliance_report(datamap, as_of=as_of, sample=sample, full=full, seed=seed)
    files = write_report(report, out_dir, pdf=not no_pdf)
    s = report.summary
    sev = s["findings_by_severity"]
    st = s["clauses_by_status"]
    click.echo(
        f"{s['findings']} finding(s): {sev['high']} high, {sev['medium']} medium, {sev['low']} low; "
        f"clauses: {st['fails']} fail, {st['holds']} hold, {st['needs_manual_evidence']} need manual evidence, "
        f"{st['not_testable']} not testable"
    )
    click.echo(f"wrote {files.html}")
    click.echo(f"wrote {files.json}")
    for table in (files.findings_csv, files.findings_xlsx):
        if table:
            click.echo(f"wrote {table}")
    if files.pdf:
        click.echo(f"wrote {files.pdf}")
    elif files.note and not no_pdf:
        click.echo(f"note: {files.note}")
    ctx.exit(0)
