"""``privacy-audit request``: the requests desk (receive, verify, extend, close, list, show, notify, receipts,
letters to the person).

Each command is one call into :mod:`privacy_audit.requests`; the ledger is the data map's audit log.
Output shows masked values and keyed references only. Bad input (unknown request, wrong state, a
date in the future, a reason holding an e-mail address) is one line on stderr and exit 2, with
nothing written.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import click

from .. import requests as desk
from ..auditlog import load_private_key
from ..datamap import load_datamap
from ..errors import InputError
from ..report.letters import LETTER_KINDS, letter_kind, render_letter
from ..sources import atomic_write_bytes
from ._common import check_not_estate_file, check_writable_file

__all__ = ["request_group"]

_DATAMAP = click.argument("datamap", type=click.Path(dir_okay=False, path_type=Path))
_ID = click.argument("request_id", metavar="ID")
_ON = click.option("--on", "on", metavar="DATE", help="Date of the event, YYYY-MM-DD (default: today).")


def _as_of(value: str | None, dm) -> _dt.date:
    if value is None:
        return dm.as_of or _dt.date.today()
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--as-of: expected a date YYYY-MM-DD, got {value!r}") from None


def _say(r: desk.Request, what: str) -> None:
    click.echo(f"{r.id}: {what} ({r.kind}, {r.status.replace('_', ' ')}, due {r.due.isoformat()})")


@click.group("request")
def request_group() -> None:
    """Track subject requests from receipt to answer: deadlines, identity checks, processor receipts."""


@request_group.command("new")
@_DATAMAP
@click.option("--kind", required=True, help=f"One of {', '.join(desk.KINDS)} (opt-out = objection).")
@click.option("--subject", "subjects", multiple=True, metavar="KIND=VALUE",
              help="Who the request is about: email=, phone=, token=, name= or ip= (repeat to narrow down).")
@click.option("--requester", metavar="CONTACT",
              help="Who sent it (an address or a description); kept masked and as a keyed reference.")
@click.option("--role", "role", default="subject", show_default=True,
              help="The requester's role: subject, customer (on behalf of an end user), agent, ...")
@click.option("--channel", default="email", show_default=True, help="How it arrived: email, letter, web-form, ...")
@click.option("--received", metavar="DATE", help="Date received, YYYY-MM-DD (default: today).")
@click.option("--id", "request_id", metavar="ID", help="Request id (default: the next REQ-NNNN).")
def new_cmd(datamap: Path, kind: str, subjects: tuple[str, ...], requester: str | None, role: str, channel: str,
            received: str | None, request_id: str | None) -> None:  # fmt: skip
    """Record a request received for DATAMAP's estate; prints its id and due date."""
    r = desk.open_request(load_datamap(datamap), kind, subject=subjects, requester=requester, requester_role=role,
                          channel=channel, received=received, request_id=request_id)  # fmt: skip
    _say(r, f"received {r.received.isoformat()} from {r.requester or '-'} ({r.requester_role})")


@request_group.command("verify")
@_DATAMAP
@_ID
@click.option("--method", required=True, type=click.Choice(desk.METHODS),
              help="How identity was checked (never the evidence itself).")
@click.option("--outcome", type=click.Choice(["passed", "failed"]), default="passed", show_default=True)
@_ON
def verify_cmd(datamap: Path, request_id: str, method: str, outcome: str, on: str | None) -> None:
    """Record an identity check of the requester of request ID."""
    r = desk.verify_request(load_datamap(datamap), request_id, method=method, outcome=outcome, on=on)
    _say(r, f"identity check {outcome} ({method})")


@request_group.command("progress")
@_DATAMAP
@_ID
@click.option("--note", default="work started", show_default=True, help="What was done (no personal data).")
@click.option("--link", "links", multiple=True, type=click.Path(dir_okay=False), help="A file of the work (repeatable).")
@_ON
def progress_cmd(datamap: Path, request_id: str, note: str, links: tuple[str, ...], on: str | None) -> None:
    """Mark request ID in progress."""
    r = desk.progress_request(load_datamap(datamap), request_id, note=note, links=links, on=on)
    _say(r, "in progress")


@request_group.command("extend")
@_DATAMAP
@_ID
@click.option("--by", "by", required=True, metavar="PERIOD", help="How much longer: '1 month', '2 months', '30 days'.")
@click.option("--reason", required=True, help="Why (told to the requester; no personal data).")
@_ON
def extend_cmd(datamap: Path, request_id: str, by: str, reason: str, on: str | None) -> None:
    """Extend the deadline of request ID (at most the data map's requests.extension_max), with a reason."""
    r = desk.extend_request(load_datamap(datamap), request_id, by=by, reason=reason, on=on)
    _say(r, f"extended by {by}")


@request_group.command("close")
@_DATAMAP
@_ID
@click.option("--outcome", type=click.Choice(["answered", "refused"]), default="answered", show_default=True)
@click.option("--link", "links", multiple=True, type=click.Path(dir_okay=False),
              help="The bundle, erasure report or letter that answered it (repeatable; its SHA-256 is recorded).")
@click.option("--recipient", "recipients", multiple=True, metavar="PROCESSOR",
              help="A processor the subject's data went to (repeatable; default: the data map's recipients).")
@click.option("--reason", help="Why it was refused (required with --outcome refused).")
@_ON
def close_cmd(datamap: Path, request_id: str, outcome: str, links: tuple[str, ...], recipients: tuple[str, ...],
              reason: str | None, on: str | None) -> None:  # fmt: skip
    """Close request ID as answered (linking what answered it) or refused."""
    r = desk.close_request(load_datamap(datamap), request_id, outcome=outcome, links=links,
                           recipients=recipients or None, reason=reason, on=on)  # fmt: skip
    _say(r, f"{outcome} on {r.closed_on.isoformat()} after {r.days_to_answer} day(s)")
    if r.unnotified():
        click.echo(f"to notify: {', '.join(r.unnotified())} (privacy-audit request notify)")


@request_group.command("notify")
@_DATAMAP
@_ID
@click.option("--processor", required=True, help="The processor told of the request (a recipient in the data map).")
@_ON
def notify_cmd(datamap: Path, request_id: str, processor: str, on: str | None) -> None:
    """Record that a processor was told of request ID (to erase, rectify or restrict)."""
    r = desk.notify_processor(load_datamap(datamap), request_id, processor, on=on)
    left = r.unnotified()
    _say(r, f"{processor} notified" + (f"; still to notify: {', '.join(left)}" if left else ""))


@request_group.command("list")
@_DATAMAP
@click.option("--as-of", "as_of", metavar="DATE", help="Count days left from DATE (default: the data map's as_of, else today).")
@click.option("--open", "only_open", is_flag=True, help="Only open requests.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def list_cmd(ctx: click.Context, datamap: Path, as_of: str | None, only_open: bool, fmt: str) -> None:
    """List the requests of DATAMAP's ledger, open ones first by days left. Exit 1 when one is overdue."""
    dm = load_datamap(datamap)
    when = _as_of(as_of, dm)
    frame = desk.load_ledger(dm).to_frame(when)
    if only_open and not frame.empty:
        frame = frame[frame["days_left"].notna()]
    if fmt == "json":
        click.echo(frame.to_json(orient="records", indent=2, force_ascii=False))
    elif frame.empty:
        click.echo("no requests recorded")
    else:
        shown = frame[["id", "kind", "status", "received", "due", "days_left", "verified", "requester", "subject",
                       "closed_on", "unnotified"]].astype(object).where(frame.notna(), "-")  # fmt: skip
        click.echo(shown.to_string(index=False))
    overdue = [] if frame.empty else list(frame.loc[frame["overdue"] & frame["days_left"].notna(), "id"])
    if overdue:
        click.echo(f"overdue on {when.isoformat()}: {', '.join(overdue)}", err=True)
        ctx.exit(1)


@request_group.command("show")
@_DATAMAP
@_ID
@click.option("--as-of", "as_of", metavar="DATE", help="Count days left from DATE (default: the data map's as_of, else today).")
def show_cmd(datamap: Path, request_id: str, as_of: str | None) -> None:
    """Show request ID's whole record (masked) as JSON."""
    dm = load_datamap(datamap)
    click.echo(json.dumps(desk.load_ledger(dm).get(request_id).to_dict(_as_of(as_of, dm)), indent=2, ensure_ascii=False))


@request_group.command("letter")
@_DATAMAP
@_ID
@click.option("--kind", "kind", type=click.Choice(LETTER_KINDS),
              help="The letter to write (default: from the request's state: its answer, the refusal or the extension).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The letter to write (HTML, one self-contained page).")
def letter_cmd(datamap: Path, request_id: str, kind: str | None, out: Path) -> None:
    """Write the letter to the person about request ID (plain language, the company's name and contacts)."""
    check_writable_file(out, "--out")
    dm = load_datamap(datamap)
    check_not_estate_file(out, dm, "--out")
    request = desk.load_ledger(dm).get(request_id)
    page = render_letter(request, organization=dm.organization, contacts=dict(dm.contacts), kind=kind)
    atomic_write_bytes(out, page.encode("utf-8"))
    click.echo(f"{request.id}: {letter_kind(request, kind)} letter written to {out}")


@request_group.group("receipt")
def receipt_group() -> None:
    """Processors' Ed25519-signed receipts: sign (processor side), verify offline, record."""


@receipt_group.command("verify")
@_DATAMAP
@click.argument("receipt", type=click.Path(path_type=Path))
@click.pass_context
def receipt_verify_cmd(ctx: click.Context, datamap: Path, receipt: Path) -> None:
    """Verify RECEIPT with the processor's public key from DATAMAP. Exit 0 valid, 1 invalid or tampered."""
    check = desk.verify_receipt(receipt, load_datamap(datamap))
    click.echo(f"{'ok' if check.ok else 'INVALID'}: {receipt}: {check.reason}")
    ctx.exit(0 if check.ok else 1)


@receipt_group.command("record")
@_DATAMAP
@click.argument("receipt", type=click.Path(path_type=Path))
def receipt_record_cmd(datamap: Path, receipt: Path) -> None:
    """Verify RECEIPT and record it on its request (the processor must have been notified)."""
    r = desk.record_receipt(load_datamap(datamap), receipt)
    _say(r, f"receipt recorded ({receipt.name})")


@receipt_group.command("sign")
@_DATAMAP
@_ID
@click.option("--processor", required=True, help="The processor issuing the receipt.")
@click.option("--key", "key", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The processor's Ed25519 private key (PEM).")
@click.option("--status", type=click.Choice(["completed", "rejected", "partial"]), default="completed", show_default=True)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Receipt file to write.")
@_ON
def receipt_sign_cmd(datamap: Path, request_id: str, processor: str, key: Path, status: str, out: Path,
                     on: str | None) -> None:  # fmt: skip
    """Sign a receipt for request ID as PROCESSOR would (for processors, and to test the round trip)."""
    check_writable_file(out, "--out")
    dm = load_datamap(datamap)
    body = desk.receipt_body(desk.load_ledger(dm).get(request_id), processor, controller=dm.organization,
                             status=status, completed_on=on)  # fmt: skip
    signed = desk.sign_receipt(body, load_private_key(key))
    atomic_write_bytes(out, desk.receipt_bytes(signed))
    click.echo(f"receipt: {out} ({processor}, {status}, {request_id})")
