"""``privacy-audit index build|status``: the subject index that lets subject requests read only the
subject's rows (see :mod:`privacy_audit.subject_index`).

Exit codes: 0 done (``status``: the index is current), 1 ``status`` found it missing, stale or not
trusted (requests then read the stale datasets whole), 2 bad input (one line).
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["index_group"]

_KEY = click.option("--vault-key-file", type=click.Path(dir_okay=False, path_type=Path),
                    help="Vault key file (default: the data map's vault.key_file / vault.key_env).")  # fmt: skip


@click.group("index")
def index_group() -> None:
    """Build and check the subject index (keyed digests of identifiers -> rows; no raw identifier)."""


@index_group.command("build")
@click.argument("datamap", type=click.Path(path_type=Path))
@_KEY
@click.option("--fresh", is_flag=True, help="Rebuild every dataset, not only those that changed.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.pass_context
def build_cmd(ctx: click.Context, datamap: Path, vault_key_file: Path | None, fresh: bool, progress: bool | None) -> None:
    """Build DATAMAP's subject index, or bring it up to date (changed datasets only)."""
    from ..datamap import load_datamap
    from ..subject_index import build_index
    from ..vault import key_for_datamap

    dm = load_datamap(datamap)
    result = build_index(dm, vault_key=key_for_datamap(dm, vault_key_file, required=True), progress=progress,
                         fresh=fresh)  # fmt: skip
    if result.note:
        click.echo(result.note)
    click.echo(f"subject index {result.path}: {len(result.rebuilt)} dataset(s) indexed, {len(result.kept)} kept "
               f"(unchanged), {result.entries} entries, {result.seconds:.1f} s")  # fmt: skip
    for name, why in result.errors:
        click.echo(f"  {name}: not indexed ({why}); requests read it whole", err=True)
    ctx.exit(0)


@index_group.command("status")
@click.argument("datamap", type=click.Path(path_type=Path))
@_KEY
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.pass_context
def status_cmd(ctx: click.Context, datamap: Path, vault_key_file: Path | None, as_json: bool) -> None:
    """Say whether DATAMAP's subject index exists, verifies (MAC) and is current for each dataset."""
    import json

    from ..datamap import load_datamap
    from ..subject_index import index_status
    from ..vault import key_for_datamap

    dm = load_datamap(datamap)
    status = index_status(dm, vault_key=key_for_datamap(dm, vault_key_file, required=True))
    if as_json:
        click.echo(json.dumps(status.to_dict(), indent=2))
    else:
        click.echo(f"subject index {status.path}: " + ("current" if status.current else status.note or "not current"))
        for d in status.datasets:
            click.echo(f"  {d.name}: {d.state}" + (f", {d.rows} rows, {d.entries} entries" if d.rows else "")
                       + (f" ({d.note})" if d.note else ""))  # fmt: skip
    ctx.exit(0 if status.current else 1)
