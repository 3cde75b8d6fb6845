"""``privacy-audit erase``, ``rectify`` and ``restrict``: the subject's rights to erasure,
rectification and restriction (policy 5.1.1-5.1.3).

All three are dry runs by default: they print what would change (counts, actions, masked values)
and change nothing. ``--apply`` asks for confirmation (``--yes`` skips it), writes every file or
none, verifies, and appends to the audit log. Exit codes: 0 done (or planned), 1 verification found
residue, 2 bad input.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from .. import services
from ..errors import InputError
from ..requests import check_servable, served
from ._common import check_writable_file
from .recover import echo_recovery

__all__ = ["erase_cmd", "rectify_cmd", "restrict_cmd"]

def _subject_options(f):
    f = click.option("--request", "request_id", metavar="ID",
                     help="The request this serves (privacy-audit request): applied and verified closes it as "
                          "answered, a dry run marks it in progress.")(f)  # fmt: skip
    f = click.option("--vault-key-file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Vault key file (default: the data map's vault.key_file / vault.key_env).")(f)  # fmt: skip
    f = click.option("--subject", "subjects", multiple=True, required=True, metavar="KIND=VALUE",
                     help="Identifier of the data subject: email=, phone=, token=, name= ('Name|YYYY-MM-DD') "
                          "or ip=. Repeat to narrow down (all must point at the same person).")(f)  # fmt: skip
    return click.argument("datamap", type=click.Path(path_type=Path))(f)


def _load(datamap: Path, vault_key_file: Path | None):
    from ..datamap import load_datamap
    from ..erasure import vault_key_for

    dm = load_datamap(datamap)
    return dm, vault_key_for(dm, vault_key_file)


def _resolve(dm, subjects: tuple[str, ...], key: bytes | None):
    from ..subjects import parse_subject_arg, resolve_subjects

    pairs = [parse_subject_arg(s) for s in subjects]
    return resolve_subjects(dm, pairs, vault_key=key)


@contextlib.contextmanager
def _estate(dm, key: bytes | None, *, scanner: bool = True) -> Iterator[Any]:
    """Hold the estate lock for the whole command (plan, confirm, apply, verify, log); first finish
    any change a stopped process left half done (yields that :class:`RecoveryResult`, or ``None``)."""
    from ..io.lock import estate_lock
    from ..recovery import pending_changes, recover_estate

    def waiting() -> None:
        click.echo("waiting for another privacy-audit process to finish changing this estate ...", err=True)

    with estate_lock(dm.root, on_wait=waiting):
        recovered = None
        if pending_changes(dm):
            click.echo("an interrupted change of this estate is pending: finishing it first", err=True)
            recovered = recover_estate(dm, vault_key=key, scanner=scanner)
            echo_recovery(recovered)
        yield recovered


def _check_audit_log(dm) -> None:
    """Applying changes data and then appends to the audit log: make sure the log can be written first."""
    check_writable_file(dm.audit_log_path, "the audit log")


def _check_report(report: Path | None) -> None:
    if report is not None:
        base = report.with_suffix("") if report.suffix.lower() in (".json", ".html", ".htm") else report
        for suffix in (".json", ".html"):
            check_writable_file(base.with_name(base.name + suffix), "--report", create_folders=True)


def _check_can_confirm(do_apply: bool, yes: bool) -> None:
    """--apply without --yes asks first; with no terminal to ask on (a pipe, CI) refuse at once."""
    if do_apply and not yes and not sys.stdin.isatty():
        raise InputError("aborted: --apply asks for confirmation and there is no terminal to ask on; add --yes")


def _confirm(yes: bool, what: str) -> None:
    if not yes:
        click.confirm(what, abort=True, err=True)


@click.command("erase")
@_subject_options
@click.option("--apply", "do_apply", is_flag=True, help="Carry out the erasure (default: print the plan only).")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation before applying.")
@click.option("--report", "report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the erasure report to PATH.json and PATH.html.")
@click.option("--no-scanner", is_flag=True, help="Verify without the PII scanner on free text (faster).")
@click.pass_context
def erase_cmd(ctx: click.Context, datamap: Path, subjects: tuple[str, ...], vault_key_file: Path | None,
              do_apply: bool, yes: bool, report: Path | None, no_scanner: bool, request_id: str | None = None) -> None:
    """Plan (default) or apply the erasure of one data subject of DATAMAP, then verify it."""
    _check_can_confirm(do_apply, yes)
    _check_report(report)
    dm, key = _load(datamap, vault_key_file)
    with _estate(dm, key, scanner=not no_scanner) as recovered:
        finished = recovered is not None and any(
            c.action == "erasure" and c.files != "back" and c.residual in (None, 0) for c in recovered.changes)
        _erase(ctx, dm, key, subjects, do_apply, yes, report, no_scanner, request_id, finished)


def _erase(ctx: click.Context, dm, key: bytes | None, subjects: tuple[str, ...], do_apply: bool, yes: bool,
           report: Path | None, no_scanner: bool, request_id: str | None,
           finished_erasure: bool = False) -> None:  # fmt: skip
    from ..erasure import plan_erasure
    from ..report.erasure import build_erasure_report, write_erasure_report

    subject = _resolve(dm, subjects, key)
    if request_id:
        check_servable(dm, request_id, "erase", subject_ref=subject.ref)
    if do_apply:
        _check_audit_log(dm)
    plan = plan_erasure(dm, subject, vault_key=key)
    click.echo(f"subject: {plan.subject_ref} ({'found' if plan.found else 'not found'}; "
               f"identified by {', '.join(plan.kinds_used)})")  # fmt: skip
    if not plan.found:
        click.echo("nothing is held for this identifier; nothing to erase"
                   + ("" if not finished_erasure else " (the interrupted erasure finished above left nothing)"))
    _print_plan(plan)
    held = [d.name for d in plan.datasets if d.subject_rows]
    if not do_apply or not plan.has_changes:
        j = h = None
        if report:
            j, h = write_erasure_report(build_erasure_report(plan, dm), report)
            click.echo(f"report: {j} and {h}")
        if request_id:
            _served(dm, request_id, "erase", subject.ref, do_apply, [j] if j else [], held)
        if not do_apply:
            click.echo("dry run: nothing was changed (use --apply to erase)")
        else:
            click.echo("nothing to change: every row found is kept (see reasons above)")
        # no data subject matches: exit 1, so a typo does not pass -- unless this run has just finished an
        # interrupted erasure (re-running the erasure is how a crashed one is finished, and it succeeded)
        ctx.exit(0 if plan.found or finished_erasure else 1)
    totals = plan.totals()
    _confirm(yes, f"Erase this subject: delete {totals['delete_row']}, mask {totals['mask_columns']}, redact "
                  f"{totals['redact_spans']}, shred {totals['crypto_shred']}, remove {totals['remove_file']} "
                  f"export file(s) (keep {totals['keep']})?")  # fmt: skip
    result = services.erase(dm, plan, vault_key=key, scanner=not no_scanner)  # apply, verify, record
    ver = result.verification
    removed = f", {len(result.files_removed)} export file(s) removed" if result.files_removed else ""
    click.echo(f"applied: {len(result.files_written)} file(s) rewritten{removed}; audit log entry #{result.audit_seq}")
    j = None
    if report:
        j, h = write_erasure_report(build_erasure_report(result, dm), report)
        click.echo(f"report: {j} and {h}")
    if request_id:
        _served(dm, request_id, "erase", subject.ref, ver.ok, [j] if j else [], held,
                note="erasure applied; verification found residue")  # fmt: skip
    if ver.ok:
        click.echo(f"verified: no residual match outside the {ver.held} kept row(s)")
        ctx.exit(0)
    click.echo(f"error: verification found {ver.residual} residual match(es) of the subject:", err=True)
    for r in ver.residues[:20]:
        click.echo(f"  {r.dataset} row {r.row} {r.column}: {r.kind} {r.masked} ({r.found_by})", err=True)
    ctx.exit(1)


def _served(dm, request_id: str, command: str, ref: str, done: bool, links: list, datasets, note: str | None = None):
    """Move the request along (closed as answered when ``done``) and say so."""
    r = served(dm, request_id, command=command, subject_ref=ref, done=done, links=links, datasets=datasets, note=note)
    click.echo(f"request {r.id}: {r.status.replace('_', ' ')}"
               + (f"; to notify: {', '.join(r.unnotified())}" if r.unnotified() else ""))  # fmt: skip


def _print_plan(plan) -> None:
    width = max((len(d.name) for d in plan.datasets), default=8)
    click.echo(f"{'dataset'.ljust(width)}  {'action':13} {'rows':>6} {'delete':>6} {'mask':>5} {'redact':>6} "
               f"{'shred':>5} {'kept':>5}")  # fmt: skip
    for d in plan.datasets:
        if not d.rows and not d.note:
            continue
        click.echo(f"{d.name.ljust(width)}  {d.action:13} {d.subject_rows:>6} {d.count('delete_row'):>6} "
                   f"{d.count('mask_columns'):>5} {d.count('redact_spans'):>6} {d.count('crypto_shred'):>5} "
                   f"{d.count('keep'):>5}")  # fmt: skip
        for reason, n in d.kept_reasons.items():
            click.echo(f"{''.ljust(width)}    kept {n}: {reason}")
        if d.note:
            click.echo(f"{''.ljust(width)}    note: {d.note}")
    if plan.shared_kinds:
        click.echo(f"shared with another subject (left alone): {', '.join(plan.shared_kinds)}")
    if plan.found:
        click.echo("search: " + {"index": "subject index (only the rows that may hold the subject were read)",
                                 "partial": "subject index; some datasets read whole",
                                 "full": "every dataset read"}.get(plan.search, plan.search))  # fmt: skip
        for note in plan.search_notes:
            click.echo(f"  {note}")


def _parse_sets(sets: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in sets:
        col, sep, value = item.partition("=")
        if not sep or not col.strip():
            raise InputError(f"bad --set {col.strip() or '?'}=...: expected column=value")
        if col.strip() in out:
            raise InputError(f"--set {col.strip()} given twice")
        out[col.strip()] = value
    return out


@click.command("rectify")
@_subject_options
@click.option("--set", "sets", multiple=True, required=True, metavar="COLUMN=VALUE",
              help="The corrected value of a column (repeat for several columns).")
@click.option("--dataset", help="Only correct this dataset (default: every dataset holding the column).")
@click.option("--apply", "do_apply", is_flag=True, help="Write the corrections (default: show the diff only).")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation before applying.")
@click.pass_context
def rectify_cmd(ctx: click.Context, datamap: Path, subjects: tuple[str, ...], vault_key_file: Path | None,
                sets: tuple[str, ...], dataset: str | None, do_apply: bool, yes: bool,
                request_id: str | None = None) -> None:
    """Preview (default) or apply a correction to one data subject's data in DATAMAP."""
    _check_can_confirm(do_apply, yes)
    changes = _parse_sets(sets)
    dm, key = _load(datamap, vault_key_file)
    with _estate(dm, key):
        _rectify(ctx, dm, key, subjects, changes, dataset, do_apply, yes, request_id)


def _rectify(ctx: click.Context, dm, key: bytes | None, subjects: tuple[str, ...], changes: dict[str, str],
             dataset: str | None, do_apply: bool, yes: bool, request_id: str | None) -> None:  # fmt: skip
    from ..rights import plan_rectification

    subject = _resolve(dm, subjects, key)
    if request_id:
        check_servable(dm, request_id, "rectify", subject_ref=subject.ref)
    if do_apply:
        _check_audit_log(dm)
    plan = plan_rectification(dm, subject, changes, dataset=dataset, vault_key=key)
    click.echo(f"subject: {plan.subject_ref} (identified by {', '.join(plan.kinds_used)})")
    for c in plan.changes:
        click.echo(f"  {c.dataset} row {c.row} {c.column}: {c.old} -> {c.new}")
    click.echo(f"{len(plan.changes)} cell(s) to change, {plan.unchanged} already correct")
    touched = sorted({c.dataset for c in plan.changes})
    if not do_apply or not plan.changes:
        if request_id:
            _served(dm, request_id, "rectify", subject.ref, do_apply, [], touched)
        if not do_apply:
            click.echo("dry run: nothing was changed (use --apply to write)")
        ctx.exit(0)
    _confirm(yes, f"Write {len(plan.changes)} correction(s)?")
    outcome = services.rectify(dm, plan, vault_key=key)  # apply, then check every cell
    done, check = outcome.applied, outcome.check
    tables = f", {len(done.tables_written)} SQL table(s) updated" if done.tables_written else ""
    click.echo(f"applied: {len(done.files_written)} file(s) rewritten{tables}; audit log entry #{done.audit_seq}")
    if request_id:
        _served(dm, request_id, "rectify", subject.ref, check.ok, [], touched,
                note="rectification applied; verification failed")  # fmt: skip
    if check.ok:
        click.echo(f"verified: {check.checked} cell(s) hold their new value")
        ctx.exit(0)
    click.echo(f"error: verification failed: {len(check.mismatches)} cell(s) do not hold the new value", err=True)
    ctx.exit(1)


@click.command("restrict")
@_subject_options
@click.option("--scope", default="all", show_default=True,
              help="What processing is restricted: all, email_marketing, push, ...")
@click.option("--lift", is_flag=True, help="Lift the restriction instead of recording it.")
@click.option("--reason", help="Reason recorded in the register (no personal data).")
@click.option("--apply", "do_apply", is_flag=True, help="Write the register (default: show the change only).")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation before applying.")
@click.pass_context
def restrict_cmd(ctx: click.Context, datamap: Path, subjects: tuple[str, ...], vault_key_file: Path | None,
                 scope: str, lift: bool, reason: str | None, do_apply: bool, yes: bool,
                 request_id: str | None = None) -> None:
    """Record (or lift) a restriction of processing for one data subject in DATAMAP's register."""
    _check_can_confirm(do_apply, yes)
    from ..rights import check_reason

    check_reason(reason, what="--reason")  # before the estate is read: a bad reason is bad input
    dm, key = _load(datamap, vault_key_file)
    with _estate(dm, key):
        _restrict(ctx, dm, key, subjects, scope, lift, reason, do_apply, yes, request_id)


def _restrict(ctx: click.Context, dm, key: bytes | None, subjects: tuple[str, ...], scope: str, lift: bool,
              reason: str | None, do_apply: bool, yes: bool, request_id: str | None) -> None:  # fmt: skip
    from ..rights import plan_restriction

    subject = _resolve(dm, subjects, key)
    if request_id:
        check_servable(dm, request_id, "restrict", subject_ref=subject.ref)
    if do_apply:
        _check_audit_log(dm)
    change = plan_restriction(dm, subject, scope=scope, lift=lift, reason=reason)
    click.echo(f"subject: {change.subject_ref} (identified by {', '.join(change.kinds_used)})")
    click.echo(f"restrictions now: {', '.join(change.existing_scopes) or 'none'}")
    what = {"add": f"record a restriction of scope {change.scope} in {change.register}",
            "lift": f"lift {change.rows_removed} restriction row(s) ({change.scope}) in {change.register}",
            "none": "nothing to change"}[change.action]  # fmt: skip
    click.echo(f"plan: {what}")
    if not do_apply or change.action == "none":
        if request_id:
            _served(dm, request_id, "restrict", subject.ref, do_apply, [], None)
        if not do_apply:
            click.echo("dry run: nothing was changed (use --apply to write)")
        ctx.exit(0)
    _confirm(yes, f"{what[0].upper()}{what[1:]}?")
    done = services.restrict(dm, change)
    click.echo(f"applied: {done.register} updated; audit log entry #{done.audit_seq}")
    if request_id:
        _served(dm, request_id, "restrict", subject.ref, True, [], None)
    ctx.exit(0)
