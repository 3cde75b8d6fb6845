"""``privacy-audit log``: inspect and verify the hash-chained audit log."""

from __future__ import annotations

import json
import re

import click

from ..auditlog import read, verify
from ..datamap import load_datamap
from ..errors import InputError
from ..vault import audit_key_for_datamap

__all__ = ["log_group"]


@click.group("log")
def log_group() -> None:
    """Inspect and verify the hash-chained audit log."""


@log_group.command("verify")
@click.argument("path", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--datamap", type=click.Path(dir_okay=False, path_type=str),
              help="The estate's data map: check every entry's MAC with the estate's key (vault key needed).")
@click.option("--expect-head", metavar="SHA256",
              help="A head recorded earlier (in a report or bundle): the log must still hold that entry.")
@click.option("--require-keyed", is_flag=True, help="With --datamap: every entry must carry a MAC.")
@click.pass_context
def verify_cmd(ctx: click.Context, path: str, as_json: bool, datamap: str | None = None,
               expect_head: str | None = None, require_keyed: bool = False) -> None:
    """Verify the hash chain of the audit log at PATH.

    Exits 0 when intact, 1 naming the first broken entry (changed, removed, reordered or truncated
    line; a wrong or stripped MAC with --datamap; a recorded head no longer there), 2 when PATH
    cannot be read.
    """
    key = None
    if datamap is not None:
        key = audit_key_for_datamap(load_datamap(datamap))
        if key is None:
            raise InputError("--datamap: no vault key for this estate, so the entries' MACs cannot be checked")
    elif require_keyed:
        raise InputError("--require-keyed needs --datamap (the key that checks the MACs)")
    if expect_head is not None and not re.fullmatch(r"[0-9a-f]{64}", expect_head):
        raise InputError("--expect-head takes the 64 hex digits of a head printed by a report or bundle")
    result = verify(path, key=key, expect_head=expect_head, require_keyed=require_keyed)
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
