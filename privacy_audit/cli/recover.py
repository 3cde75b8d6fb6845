"""``privacy-audit recover``: finish the changes of the estate that a stopped process left half done.

Exit codes: 0 nothing pending, or every interrupted change finished (and, for an erasure,
verified); 1 an erasure was finished but verification still finds the subject; 2 a journal cannot
be recovered (it is kept; the message names it).
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["recover_cmd", "echo_recovery"]


def echo_recovery(result) -> None:
    """Print one line per recovered change (no personal values: journal ids, counts, outcomes)."""
    for c in result.changes:
        seq = f"audit log entry #{c.audit_seq}" if c.audit_seq is not None else "no audit entry (nothing changed)"
        click.echo(f"recovered the interrupted {c.action} {c.journal} (stopped at {c.state}): {c.note}; {seq}")
        if c.finished_seq is not None:
            click.echo(f"  the rest of the erasure was applied: audit log entry #{c.finished_seq}")
        if c.residual is not None:
            click.echo("  verified: no residual match" if c.residual == 0
                       else f"  verification found {c.residual} residual match(es)")  # fmt: skip


@click.command("recover")
@click.argument("datamap", type=click.Path(path_type=Path))
@click.option("--vault-key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Vault key file (default: the data map's vault.key_file / vault.key_env).")  # fmt: skip
@click.option("--no-scanner", is_flag=True, help="Verify a finished erasure without the PII scanner (faster).")
@click.pass_context
def recover_cmd(ctx: click.Context, datamap: Path, vault_key_file: Path | None, no_scanner: bool) -> None:
    """Finish (or roll back) every interrupted change of DATAMAP's estate, from its journal."""
    from ..datamap import load_datamap
    from ..erasure import vault_key_for
    from ..recovery import pending_changes, recover_estate

    dm = load_datamap(datamap)
    if not pending_changes(dm):
        click.echo("nothing to recover: no interrupted change is pending")
        ctx.exit(0)
    result = recover_estate(dm, vault_key=vault_key_for(dm, vault_key_file), scanner=not no_scanner)
    echo_recovery(result)
    ctx.exit(0 if result.ok else 1)
