"""Controls on the requests desk (policy 5.2, 5.1.1): subject requests answered in time, to a verified
requester, and passed on to every processor that received the subject's data.

The evidence is the request ledger replayed from the audit log (:mod:`privacy_audit.requests`). An
estate whose ledger records no request has nothing to find here (``check`` stays clean); the
compliance report then marks these controls as not run ("no subject request recorded"), so clause
5.2 reads *not testable* instead of a vacuous *holds*.

* ``rights.overdue`` -- a request still open past its due date (one calendar month from receipt by
  default, or the extended date), or answered after it.
* ``rights.unverified_answer`` -- a request answered with no identity check of the requester that
  passed before the answer.
* ``rights.processors_not_notified`` -- an answered erasure, rectification or restriction whose
  recipients (the processors the subject's data went to) were not all told.

Findings are reported against the pseudo-dataset ``audit_log.jsonl`` (the ledger's file) with the
request id as column; messages hold masked values only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import PrivacyAuditError
from ..requests import Ledger, load_ledger
from . import CheckContext, Finding

__all__ = ["CHECKS"]


def _ledger(ctx: CheckContext, cid: str) -> Ledger | None:
    try:
        ledger = load_ledger(ctx.datamap)
    except PrivacyAuditError as exc:
        ctx.problem(cid, f"request ledger unreadable: {exc}")
        return None
    for p in ledger.problems:
        ctx.problem(cid, f"request ledger: {p}")
    return ledger


def _where(ctx: CheckContext) -> str:
    path = Path(ctx.datamap.audit_log_path)
    try:
        return str(path.resolve().relative_to(Path(ctx.datamap.root).resolve()))
    except ValueError:
        return path.name


def overdue(ctx: CheckContext) -> Iterator[Finding]:
    cid = "rights.overdue"
    ledger = _ledger(ctx, cid)
    if ledger is None:
        return
    for r in ledger.requests:
        if not r.overdue(ctx.as_of):
            continue
        if r.open:
            late = (ctx.as_of - r.due).days
            msg = f"{r.kind} request {r.id} received {r.received} is still {r.status.replace('_', ' ')}, {late} day(s) past its due date {r.due}"
        else:
            late = (r.closed_on - r.due).days
            msg = f"{r.kind} request {r.id} received {r.received} was {r.status} on {r.closed_on}, {late} day(s) after its due date {r.due}"
        yield ctx.finding(
            cid, dataset=_where(ctx), column=r.id, subjects_affected=1, message=msg,
            evidence=f"ledger: requester {r.requester or '-'} ({r.requester_role}), subject {r.subject or '-'}; "
                     f"history {', '.join(f'{a}@{d}' for _, a, d in r.history)}",
        )  # fmt: skip


def unverified_answer(ctx: CheckContext) -> Iterator[Finding]:
    cid = "rights.unverified_answer"
    ledger = _ledger(ctx, cid)
    if ledger is None:
        return
    for r in ledger.requests:
        if r.status != "answered" or r.verified:
            continue
        checks = ", ".join(f"{v.method} {v.outcome} on {v.on}" for v in r.verifications) or "none recorded"
        yield ctx.finding(
            cid, dataset=_where(ctx), column=r.id, subjects_affected=1,
            message=f"{r.kind} request {r.id} was answered on {r.closed_on} without a passed identity check of the requester",
            evidence=f"requester {r.requester or '-'} ({r.requester_role}) via {r.channel}; identity checks: {checks}; "
                     f"answer: {', '.join(lk.path for lk in r.links) or 'no file linked'}",
        )  # fmt: skip


def processors_not_notified(ctx: CheckContext) -> Iterator[Finding]:
    cid = "rights.processors_not_notified"
    ledger = _ledger(ctx, cid)
    if ledger is None:
        return
    for r in ledger.requests:
        missing = r.unnotified()
        if not missing:
            continue
        told = ", ".join(f"{n.processor} on {n.on}" + (f" (receipt: {n.receipt_status})" if n.receipt_status else "")
                         for n in r.notifications) or "nobody"  # fmt: skip
        yield ctx.finding(
            cid, dataset=_where(ctx), column=r.id, subjects_affected=1,
            message=f"{r.kind} request {r.id} answered on {r.closed_on} was not passed on to {', '.join(missing)}",
            evidence=f"the subject's data went to {', '.join(r.recipients or ())}; told: {told}",
        )  # fmt: skip


CHECKS = {
    "rights.overdue": overdue,
    "rights.unverified_answer": unverified_answer,
    "rights.processors_not_notified": processors_not_notified,
}
