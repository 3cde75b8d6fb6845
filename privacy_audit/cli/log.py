"""``privacy-audit log``: inspect and verify the hash-chained audit log."""

from __future__ import annotations

import json

import click

from ..auditlog import read, verify

__all__ = ["log_group"]


@click.group("log")
def log_group() -> None:
    """Inspect and verify the hash-chained audit log."""


@log_group.command("verify")
@click.argument("path", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def verify_cmd(ctx: click.Context, path: str, as_json: bool) -> None:
    """Verify the hash chain of the audit log at PATH.

    Exits 0 when intact, 1 naming the first broken entry (changed, removed, reordered or truncated
    line), 2 when PATH cannot be read.
    """
    result = verify(path)
    if as_json:
        click.echo(json.dumps({"path": path, **result.to_dict()}))
    elif result.ok:
        head = f", head {result.head}" if result.head else ""
        click.echo(f"ok: {path}: {result.reason}{head}")
    else:
        click.echo(f"broken: {path}: {result.reason} ({result.entries} entries verified before it)")
    ctx.exit(0 if result.ok else 1)


@log_group.command("show")
@click.argument("path", type=click.Path(dir_okay=True, path_type=str))
@click.option("--last", type=click.IntRange(min=1), default=None, help="Show only the last N entries.")
def show_cmd(path: str, last: int | None) -> None:
    """List the entries of the audit log at PATH (seq, time, action, subject reference, outcome)."""
    entries = read(path)
    if last is not None:
        entries = entries[-last:]
    for e in entries:
        click.echo(f"{e.get('seq')}\t{e.get('ts')}\t{e.get('action')}\t{e.get('subject_ref') or '-'}\t{e.get('outcome')}")
