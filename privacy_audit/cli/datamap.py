"""``privacy-audit datamap``: draft a data map from a scan, validate it, diff it, export the RoPA."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import click

from ..datamap import draft_datamap, load_datamap, ropa
from ..errors import InputError
from ..services import datamap_diff
from ._common import check_not_estate_file, check_writable_file

__all__ = ["datamap_group"]


def _check_out(path: str, force: bool = True) -> None:
    """Refuse --out before any work: it exists (without --force), or cannot be written."""
    out = Path(path)
    if out.exists() and not force:
        raise InputError(f"{out} exists: give --force to overwrite it")
    check_writable_file(out, "--out")


def _write(path: str, text: str, force: bool = True) -> None:
    from ..sources import atomic_write_bytes

    _check_out(path, force)
    atomic_write_bytes(Path(path), text.encode("utf-8"))


@click.group("datamap")
def datamap_group() -> None:
    """Draft, validate, diff and export the data map."""


@datamap_group.command("validate")
@click.argument("datamap", type=click.Path(dir_okay=False, path_type=str))
def validate_cmd(datamap: str) -> None:
    """Validate DATAMAP; print a one-line summary (exit 0) or one error line (exit 2)."""
    dm = load_datamap(datamap)
    zones = {z: sum(d.zone == z for d in dm.datasets) for z in ("identified", "pseudonymous", "anonymous")}
    click.echo(
        f"ok: {datamap}: {len(dm.datasets)} datasets ("
        + ", ".join(f"{n} {z}" for z, n in zones.items())
        + f"), {len(dm.registers)} registers, {len(dm.roles)} roles; sha256 {dm.sha256[:16]}"
    )


@datamap_group.command("init")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=str))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the draft here (default: stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option(
    "--organization", default="", help="Organisation name for the draft (default: the folder name)."
)
def init_cmd(folder: str, out: str | None, force: bool, organization: str) -> None:
    """Draft a data map from a scan of FOLDER (zone guessed; columns from the scan).

    Any direct identifier (e-mail, phone, name, ...) makes a dataset `identified`, else
    `pseudonymous`. Purposes, legal basis, retention, location, sharing and access are left for a
    person to fill in.
    """
    from ..scan import scan

    if out:
        _check_out(out, force)  # before the scan, not after it
    result = scan(folder)
    for dataset, message in getattr(result, "errors", ()):
        click.echo(f"warning: {dataset}: {message}", err=True)
    out_dir = Path(out).resolve().parent if out else Path(folder)  # stdout: paths relative to FOLDER
    text = draft_datamap(result.to_frame(), folder=folder, out_dir=out_dir, organization=organization)
    if out:
        _write(out, text, force=force)
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@datamap_group.command("diff")
@click.argument("datamap", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--dataset", "only", multiple=True, help="Compare only this dataset (repeatable).")
@click.pass_context
def diff_cmd(ctx: click.Context, datamap: str, fmt: str, only: tuple[str, ...]) -> None:
    """List columns where the scan and the declared categories disagree (undeclared PII first).

    Exit 1 when there is drift, 0 when scan and data map agree, 2 on bad input.
    """
    outcome = datamap_diff(datamap, only=only)
    for name, why in outcome.skipped:
        click.echo(f"warning: {name}: {why}", err=True)
    scans = outcome.scanned
    drift = outcome.drift
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in drift.rows], indent=2))
    elif not drift:
        click.echo(f"no drift: {len(scans)} datasets agree with their scans")
    else:
        click.echo(drift.to_frame().fillna("-").to_string(index=False))
    ctx.exit(1 if drift else 0)


@datamap_group.command("ropa")
@click.argument("datamap", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["csv", "md"]), default="md", show_default=True)
@click.option(
    "--out", "out", type=click.Path(dir_okay=False, path_type=str), help="Write here (default: stdout)."
)
def ropa_cmd(datamap: str, fmt: str, out: str | None) -> None:
    """Export DATAMAP as a Record of Processing Activities (CSV or Markdown)."""
    from ..checks import CheckContext, load_controls

    if out:
        _check_out(out)
    dm = load_datamap(datamap)
    if out:
        check_not_estate_file(out, dm, "--out")
    sharing = CheckContext(dm, as_of=_dt.date.today(), controls=load_controls()).register("sharing")
    record = ropa(dm, sharing)
    text = record.to_csv() if fmt == "csv" else record.to_markdown()
    if out:
        _write(out, text)
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)
