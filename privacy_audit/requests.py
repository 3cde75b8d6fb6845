"""The requests desk: every data-subject request tracked from receipt to answer.

The ledger is not a file of its own: it lives in the estate's append-only, hash-chained audit log
(:mod:`privacy_audit.auditlog`, public API only), one entry per event of a request's life, and the
state of every request is a replay of those entries (:func:`replay`, pure). Actions written:

=====================  ==============================================================================
``request-new``        received: kind, date, channel, requester and subject (masked + keyed reference),
                       due date from the data map's rules (``requests.answer_within``, default 1 month)
``request-verify``     identity check: method, date, outcome (never the evidence itself)
``request-progress``   work started (a dry run, a plan, a note)
``request-extend``     deadline extended (by at most ``requests.extension_max``, default 2 months) with a reason
``request-close``      answered or refused, with links (path + SHA-256) to the bundle, erasure report or
                       letter, and the recipients (processors) the subject's data went to
``request-notify``     a processor told of an erasure / rectification / restriction
``request-receipt``    a processor's Ed25519-signed receipt, verified before it is recorded
=====================  ==============================================================================

Status: ``received -> verified -> in_progress -> answered | refused``; an open request may be
``extended``. Each entry carries the business date (``on``) of the event; the log's own timestamp
says when it was written. Raw identifiers never reach the log: a requester or subject identifier is
kept as :func:`~privacy_audit.masking.mask` output plus a keyed HMAC reference (key derived from the
vault key), so the same requester can be matched again without being named.

Receipts (in the spirit of OpenDSR's signed callbacks): a JSON object ``{"receipt": {...},
"signature": {"alg": "Ed25519", "processor": NAME, "value": BASE64}}`` whose signature covers the
canonical JSON (sorted keys, compact, UTF-8) of ``receipt``; :func:`verify_receipt` checks it offline
against the processor's public key named in the data map (``requests.processor_keys``).
"""

from __future__ import annotations

import base64
import calendar
import datetime as _dt
import hashlib
import hmac
import json
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import auditlog
from .datamap import DataMap, RequestRules, parse_period
from .entities import entity_for_kind
from .errors import ConfigError, InputError
from .masking import mask
from .subjects import parse_subject_arg, resolve_subjects
from .vault import key_for_datamap, reference_key

__all__ = [
    "KINDS",
    "STATUSES",
    "OPEN_STATUSES",
    "METHODS",
    "ACTIONS",
    "COMMAND_KINDS",
    "RequestError",
    "Verification",
    "Link",
    "Notification",
    "Request",
    "QueueSummary",
    "Ledger",
    "ReceiptCheck",
    "add_period",
    "due_date",
    "replay",
    "load_ledger",
    "requester_ref",
    "open_request",
    "verify_request",
    "progress_request",
    "extend_request",
    "close_request",
    "notify_processor",
    "record_receipt",
    "check_servable",
    "served",
    "receipt_body",
    "sign_receipt",
    "receipt_bytes",
    "verify_receipt",
    "recipients_of",
]

KINDS = ("access", "erasure", "rectification", "restriction", "objection")
_KIND_ALIASES = {k: k for k in KINDS} | {
    "export": "access", "sar": "access", "erase": "erasure", "deletion": "erasure", "delete": "erasure",
    "rectify": "rectification", "correction": "rectification", "restrict": "restriction",
    "opt-out": "objection", "optout": "objection", "opt_out": "objection", "object": "objection",
}  # fmt: skip
STATUSES = ("received", "verified", "in_progress", "extended", "answered", "refused")
OPEN_STATUSES = ("received", "verified", "in_progress", "extended")
#: How a requester's identity may be checked (the method is recorded; the evidence never is).
METHODS = ("email-code", "account-login", "id-document", "customer-attested", "knowledge-based", "in-person",
           "other")  # fmt: skip
ACTIONS = ("request-new", "request-verify", "request-progress", "request-extend", "request-close",
           "request-notify", "request-receipt")  # fmt: skip
#: Which request kinds each serving command answers (``--request ID`` on export/erase/rectify/restrict).
COMMAND_KINDS = {
    "export": ("access",),
    "erase": ("erasure",),
    "rectify": ("rectification",),
    "restrict": ("restriction", "objection"),
}
#: Kinds a processor must be told about (GDPR art. 19): the change must reach every recipient.
NOTIFY_KINDS = ("erasure", "rectification", "restriction")
_SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_ID = re.compile(r"^REQ-\d{4,}$")
RECEIPT_VERSION = 1


class RequestError(InputError):
    """A request command cannot be carried out (unknown id, wrong state, bad date); nothing was written."""

    reason = "request"


# --------------------------------------------------------------------------------------------
# models


@dataclass(frozen=True)
class Verification:
    """One identity check of the requester: how, when, and whether it passed (never the evidence)."""

    method: str
    on: _dt.date
    outcome: str  # passed | failed


@dataclass(frozen=True)
class Link:
    """A file that answered a request (bundle, erasure report, letter): path as given and its SHA-256."""

    path: str
    sha256: str | None
    what: str = "answer"


@dataclass(frozen=True)
class Notification:
    """A processor told of the request's outcome, and its receipt once recorded."""

    processor: str
    on: _dt.date
    asked: str  # what was asked: erase | rectify | restrict
    receipt_sha256: str | None = None
    receipt_status: str | None = None  # the status the processor signed: completed | rejected | ...
    receipt_on: _dt.date | None = None


@dataclass(frozen=True)
class Request:
    """The state of one subject request, replayed from the audit log."""

    id: str
    kind: str
    received: _dt.date
    channel: str
    requester: str  # masked
    requester_role: str
    requester_ref: str | None
    subject: str  # masked identifier(s) of the person the request is about
    subject_ref: str | None
    due: _dt.date
    status: str
    verifications: tuple[Verification, ...] = ()
    extension_reason: str | None = None
    closed_on: _dt.date | None = None
    refusal_reason: str | None = None
    links: tuple[Link, ...] = ()
    recipients: tuple[str, ...] | None = None
    notifications: tuple[Notification, ...] = ()
    history: tuple[tuple[int, str, str], ...] = ()  # (audit-log seq, action, business date)

    @property
    def open(self) -> bool:
        """True until the request is answered or refused."""
        return self.status in OPEN_STATUSES

    @property
    def verified(self) -> bool:
        """True when an identity check passed (before the answer, if answered)."""
        return any(
            v.outcome == "passed" and (self.closed_on is None or v.on <= self.closed_on) for v in self.verifications
        )

    def days_left(self, as_of: _dt.date) -> int | None:
        """Days until the due date (negative when overdue); ``None`` once closed."""
        return (self.due - as_of).days if self.open else None

    def overdue(self, as_of: _dt.date) -> bool:
        """Open past its due date, or answered after it."""
        if self.open:
            return as_of > self.due
        return self.closed_on is not None and self.closed_on > self.due

    @property
    def days_to_answer(self) -> int | None:
        """Calendar days from receipt to answer (``None`` while open)."""
        return (self.closed_on - self.received).days if self.closed_on else None

    def unnotified(self) -> tuple[str, ...]:
        """Recipients of the subject's data not told of this (erasure/rectification/restriction) request."""
        if self.kind not in NOTIFY_KINDS or self.status != "answered" or not self.recipients:
            return ()
        told = {n.processor for n in self.notifications}
        return tuple(r for r in self.recipients if r not in told)

    def to_dict(self, as_of: _dt.date | None = None) -> dict[str, Any]:
        """Plain data (dates as ISO strings); with ``as_of``, also days left and overdue."""
        d = asdict(self)
        for k in ("received", "due", "closed_on"):
            d[k] = d[k].isoformat() if d[k] else None
        d["verifications"] = [{**asdict(v), "on": v.on.isoformat()} for v in self.verifications]
        d["links"] = [asdict(lk) for lk in self.links]
        d["recipients"] = list(self.recipients) if self.recipients is not None else None
        d["notifications"] = [
            {**asdict(n), "on": n.on.isoformat(), "receipt_on": n.receipt_on.isoformat() if n.receipt_on else None}
            for n in self.notifications
        ]
        d["history"] = [list(h) for h in self.history]
        d["verified"] = self.verified
        d["days_to_answer"] = self.days_to_answer
        if as_of is not None:
            d["days_left"] = self.days_left(as_of)
            d["overdue"] = self.overdue(as_of)
        return d


QUEUE_COLUMNS = ("id", "kind", "status", "received", "due", "days_left", "overdue", "verified", "requester",
                 "subject", "closed_on", "days_to_answer", "unnotified")  # fmt: skip


@dataclass(frozen=True)
class QueueSummary:
    """The desk at a date: open queue (by days left), overdue ids, median and worst time to answer."""

    as_of: str
    total: int
    open: int
    answered: int
    refused: int
    overdue: tuple[str, ...]
    answered_late: tuple[str, ...]
    median_days_to_answer: float | None
    worst_days_to_answer: int | None
    worst_request: str | None
    by_kind: Mapping[str, int]
    queue: tuple[Mapping[str, Any], ...]  # open requests, fewest days left first
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        d = asdict(self)
        d["overdue"], d["answered_late"] = list(self.overdue), list(self.answered_late)
        d["by_kind"] = dict(self.by_kind)
        d["queue"] = [dict(q) for q in self.queue]
        d["problems"] = list(self.problems)
        return d


@dataclass(frozen=True)
class Ledger:
    """Every request replayed from the audit log, oldest first; ``problems``: entries that did not apply."""

    requests: tuple[Request, ...] = ()
    problems: tuple[str, ...] = ()
    rules: RequestRules = field(default_factory=RequestRules)

    def get(self, request_id: str) -> Request:
        """The request ``request_id``; :class:`RequestError` when there is none."""
        for r in self.requests:
            if r.id == request_id:
                return r
        known = ", ".join(r.id for r in self.requests[-5:]) or "none recorded yet"
        raise RequestError(f"no request {request_id!r} in the ledger (latest: {known})")

    def next_id(self) -> str:
        """The id the next request gets (``REQ-0001``, ``REQ-0002``, ...)."""
        numbers = [int(r.id.split("-")[1]) for r in self.requests if _ID.match(r.id)]
        return f"REQ-{max(numbers, default=0) + 1:04d}"

    def to_frame(self, as_of: _dt.date) -> pd.DataFrame:
        """One row per request (fixed columns :data:`QUEUE_COLUMNS`), open ones first by days left."""
        rows = [_row(r, as_of) for r in self.requests]
        frame = pd.DataFrame(rows, columns=list(QUEUE_COLUMNS))
        if frame.empty:
            return frame
        frame["_open"] = frame["days_left"].isna()
        frame = frame.sort_values(["_open", "days_left", "id"], kind="stable").drop(columns="_open")
        return frame.reset_index(drop=True).astype({"days_left": "Int64", "days_to_answer": "Int64"})

    def to_dict(self, as_of: _dt.date) -> dict[str, Any]:
        """Plain data: every request (with days left) and the problems."""
        return {"requests": [r.to_dict(as_of) for r in self.requests], "problems": list(self.problems)}

    def summary(self, as_of: _dt.date) -> QueueSummary:
        """The queue, overdue requests, and the median and worst time to answer, at ``as_of``."""
        closed = [r for r in self.requests if r.closed_on is not None]
        durations = [r.days_to_answer for r in closed if r.days_to_answer is not None]
        worst = max(closed, key=lambda r: (r.days_to_answer or 0, r.id), default=None)
        open_ = sorted((r for r in self.requests if r.open), key=lambda r: (r.due, r.id))
        by_kind: dict[str, int] = {}
        for r in self.requests:
            by_kind[r.kind] = by_kind.get(r.kind, 0) + 1
        return QueueSummary(
            as_of=as_of.isoformat(),
            total=len(self.requests),
            open=len(open_),
            answered=sum(r.status == "answered" for r in self.requests),
            refused=sum(r.status == "refused" for r in self.requests),
            overdue=tuple(r.id for r in open_ if r.overdue(as_of)),
            answered_late=tuple(r.id for r in closed if r.overdue(as_of)),
            median_days_to_answer=float(statistics.median(durations)) if durations else None,
            worst_days_to_answer=worst.days_to_answer if worst else None,
            worst_request=worst.id if worst else None,
            by_kind=dict(sorted(by_kind.items())),
            queue=tuple(_row(r, as_of) for r in open_),
            problems=self.problems,
        )


def _row(r: Request, as_of: _dt.date) -> dict[str, Any]:
    return {
        "id": r.id,
        "kind": r.kind,
        "status": r.status,
        "received": r.received.isoformat(),
        "due": r.due.isoformat(),
        "days_left": r.days_left(as_of),
        "overdue": r.overdue(as_of),
        "verified": r.verified,
        "requester": r.requester,
        "subject": r.subject,
        "closed_on": r.closed_on.isoformat() if r.closed_on else None,
        "days_to_answer": r.days_to_answer,
        "unnotified": ", ".join(r.unnotified()),
    }


# --------------------------------------------------------------------------------------------
# dates


def add_period(start: _dt.date, period: tuple[int, str]) -> _dt.date:
    """``start`` plus ``(n, "days"|"months")``; a month later on the 31st is the month's last day."""
    n, unit = period
    if unit == "days":
        return start + _dt.timedelta(days=n)
    month0 = start.month - 1 + n
    year, month = start.year + month0 // 12, month0 % 12 + 1
    return _dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(received: _dt.date, rules: RequestRules | None = None) -> _dt.date:
    """The answer deadline of a request received on ``received`` under ``rules`` (default one month)."""
    return add_period(received, (rules or RequestRules()).answer_within)


def _date(value: Any, what: str, *, today: _dt.date | None = None) -> _dt.date:
    """A business date from a date, ISO string or None (today); never in the future."""
    today = today or _dt.date.today()
    if value is None or value == "":
        return today
    if isinstance(value, _dt.datetime):
        value = value.date()
    if not isinstance(value, _dt.date):
        try:
            value = _dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise RequestError(f"{what}: expected a date YYYY-MM-DD, got {mask(value)!r}") from None
    if value > today:
        raise RequestError(f"{what}: {value.isoformat()} is in the future")
    return value


def _slug(value: Any, what: str) -> str:
    text = str(value or "").strip().lower().replace(" ", "-")
    if not _SLUG.match(text):
        raise RequestError(f"{what}: expected a short lower-case word (letters, digits, - or _), got {mask(value)!r}")
    return text


def _free_text(value: Any, what: str) -> str:
    """A reason or note: one line, no e-mail address or long digit run (personal data stays out of the log)."""
    text = " ".join(str(value or "").split())
    if not text:
        raise RequestError(f"{what}: give a reason (one line, no personal data)")
    if len(text) > 300:
        raise RequestError(f"{what}: keep it under 300 characters")
    if re.search(r"[^\s@]+@[^\s@]+\.[^\s@]+", text) or re.search(r"\d[\d\s().+-]{6,}\d", text):
        raise RequestError(f"{what}: looks like it holds an e-mail address or phone number; describe it without personal data")
    return text


# --------------------------------------------------------------------------------------------
# replay (pure)


def _d(value: Any) -> _dt.date:
    return _dt.date.fromisoformat(str(value))


def _apply(state: dict[str, Request], entry: Mapping[str, Any], rules: RequestRules) -> None:
    """Apply one audit-log entry to ``state`` (request id -> Request); ValueError when it cannot apply."""
    action, d = entry["action"], entry.get("details") or {}
    rid = str(d.get("request", ""))
    on = _d(d["on"])
    seq = int(entry.get("seq") or 0)
    if action == "request-new":
        if rid in state:
            raise ValueError(f"request {rid} opened twice")
        received = on
        state[rid] = Request(
            id=rid,
            kind=str(d["kind"]),
            received=received,
            channel=str(d.get("channel", "")),
            requester=str(d.get("requester", "")),
            requester_role=str(d.get("requester_role", "")),
            requester_ref=d.get("requester_ref"),
            subject=str(d.get("subject", "")),
            subject_ref=entry.get("subject_ref"),
            due=_d(d["due"]) if d.get("due") else due_date(received, rules),
            status="received",
            history=((seq, action, on.isoformat()),),
        )
        return
    if rid not in state:
        raise ValueError(f"{action} for unknown request {rid}")
    r = state[rid]
    hist = (*r.history, (seq, action, on.isoformat()))
    if action == "request-verify":
        v = Verification(str(d.get("method", "")), on, str(d.get("outcome", "")))
        status = "verified" if v.outcome == "passed" and r.status == "received" else r.status
        state[rid] = replace(r, verifications=(*r.verifications, v), status=status, history=hist)
    elif action == "request-progress":
        links = tuple(Link(**lk) for lk in d.get("links", ()))
        status = "in_progress" if r.open else r.status
        state[rid] = replace(r, status=status, links=(*r.links, *links), history=hist)
    elif action == "request-extend":
        state[rid] = replace(r, due=_d(d["due"]), status="extended", extension_reason=str(d.get("reason", "")),
                             history=hist)  # fmt: skip
    elif action == "request-close":
        links = tuple(Link(**lk) for lk in d.get("links", ()))
        recipients = d.get("recipients")
        state[rid] = replace(
            r,
            status=str(d["outcome"]),
            closed_on=on,
            refusal_reason=d.get("reason"),
            links=(*r.links, *links),
            recipients=tuple(recipients) if recipients is not None else r.recipients,
            history=hist,
        )
    elif action == "request-notify":
        n = Notification(str(d["processor"]), on, str(d.get("asked", "")))
        others = tuple(x for x in r.notifications if x.processor != n.processor)
        state[rid] = replace(r, notifications=(*others, n), history=hist)
    elif action == "request-receipt":
        proc = str(d["processor"])
        notes = []
        for n in r.notifications:
            if n.processor == proc:
                n = replace(n, receipt_sha256=d.get("sha256"), receipt_status=d.get("status"), receipt_on=on)
            notes.append(n)
        state[rid] = replace(r, notifications=tuple(notes), history=hist)
    else:
        raise ValueError(f"unknown request action {action}")


def replay(entries: Iterable[Mapping[str, Any]], rules: RequestRules | None = None) -> Ledger:
    """The ledger from audit-log entries (others are ignored); entries that cannot apply become problems."""
    rules = rules or RequestRules()
    state: dict[str, Request] = {}
    problems: list[str] = []
    for e in entries:
        if str(e.get("action", "")) not in ACTIONS:
            continue
        try:
            _apply(state, e, rules)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"audit-log entry {e.get('seq')}: {exc if isinstance(exc, ValueError) else 'malformed'}")
    return Ledger(tuple(state.values()), tuple(problems), rules)


# --------------------------------------------------------------------------------------------
# reading and writing the ledger (the audit log)


def load_ledger(datamap: DataMap) -> Ledger:
    """The request ledger of a data map's estate (empty when the audit log does not exist yet)."""
    path = Path(datamap.audit_log_path)
    if not path.exists():
        return Ledger(rules=datamap.requests)
    return replay(auditlog.read(path), datamap.requests)


def _append(datamap: DataMap, action: str, request: Request | None, details: Mapping[str, Any],
            subject_ref: str | None = None) -> Ledger:  # fmt: skip
    path = Path(datamap.audit_log_path)
    auditlog.check_appendable(path)
    ref = subject_ref if request is None else request.subject_ref
    auditlog.append(path, action, subject_ref=ref, details=dict(details), outcome=action.split("-", 1)[1])
    return load_ledger(datamap)


def _ref_key(datamap: DataMap, vault_key: bytes | None) -> bytes | None:
    key = vault_key if vault_key is not None else key_for_datamap(datamap)
    if key is None:
        return None
    vpath = (datamap.vault or {}).get("path")
    vfile = datamap.resolve(vpath) if vpath else None
    return reference_key(key, vfile if vfile is not None and vfile.is_file() else None, "requester-ref")


def requester_ref(value: str, key: bytes) -> str:
    """Keyed reference of a requester's contact (HMAC-SHA256 of the normalised value): matchable, not readable."""
    norm = " ".join(str(value).split()).casefold()
    return "rref_" + hmac.new(key, norm.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _mask_requester(value: str) -> str:
    text = " ".join(str(value).split())
    return mask(text, "EMAIL_ADDRESS" if "@" in text else None)


def open_request(
    datamap: DataMap,
    kind: str,
    *,
    subject: Sequence[str] | Sequence[tuple[str, str]] = (),
    requester: str | None = None,
    requester_role: str = "subject",
    channel: str = "email",
    received: _dt.date | str | None = None,
    request_id: str | None = None,
    vault_key: bytes | None = None,
) -> Request:
    """Record a new request and return it (status ``received``, due date from the data map's rules).

    ``subject``: identifiers of the person it is about (``"email=..."`` strings or ``(kind, value)``
    pairs), resolved like ``export`` does; ``requester``: who sent it (defaults to the subject);
    ``requester_role``: subject | customer | agent | ...; only masked values and keyed references
    are written.
    """
    kind_ = _KIND_ALIASES.get(str(kind).strip().lower())
    if kind_ is None:
        raise RequestError(f"unknown request kind {mask(kind)!r} (expected {', '.join(KINDS)}, or opt-out)")
    on = _date(received, "received")
    channel = _slug(channel, "channel")
    role = _slug(requester_role, "requester role")
    pairs = [parse_subject_arg(s) if isinstance(s, str) else (str(s[0]), str(s[1])) for s in subject]
    if not pairs and requester is None:
        raise RequestError("give the subject the request is about (KIND=VALUE) or the requester")
    key = vault_key if vault_key is not None else key_for_datamap(datamap)
    subject_ref = masked_subject = None
    if pairs:
        resolved = resolve_subjects(datamap, pairs, vault_key=key)
        subject_ref = resolved.ref
        masked_subject = "; ".join(f"{k} {mask(v.split('|')[0], entity_for_kind(k))}" for k, v in pairs)
    rkey = _ref_key(datamap, key)
    if requester is not None and not str(requester).strip():
        raise RequestError("requester: empty")
    raw_requester = str(requester).strip() if requester is not None else None
    ledger = load_ledger(datamap)
    rid = request_id or ledger.next_id()
    if not _ID.match(rid):
        raise RequestError(f"request id {rid!r}: expected REQ- and at least four digits")
    if any(r.id == rid for r in ledger.requests):
        raise RequestError(f"request {rid} already exists")
    details = {
        "request": rid,
        "kind": kind_,
        "on": on.isoformat(),
        "channel": channel,
        "requester": _mask_requester(raw_requester) if raw_requester else (masked_subject or ""),
        "requester_role": role,
        "requester_ref": requester_ref(raw_requester, rkey) if (raw_requester and rkey) else None,
        "subject": masked_subject or "",
        "due": due_date(on, datamap.requests).isoformat(),
    }
    return _append(datamap, "request-new", None, details, subject_ref=subject_ref).get(rid)


def _open_one(datamap: DataMap, request_id: str) -> Request:
    r = load_ledger(datamap).get(str(request_id).strip())
    if not r.open:
        raise RequestError(f"request {r.id} is already {r.status} (on {r.closed_on})")
    return r


def _not_before(on: _dt.date, r: Request, what: str) -> None:
    if on < r.received:
        raise RequestError(f"{what}: {on.isoformat()} is before the request was received ({r.received.isoformat()})")


def verify_request(datamap: DataMap, request_id: str, *, method: str, outcome: str = "passed",
                   on: _dt.date | str | None = None) -> Request:  # fmt: skip
    """Record an identity check of the requester (method, date, passed/failed; never the evidence)."""
    r = _open_one(datamap, request_id)
    when = _date(on, "verified on")
    _not_before(when, r, "verified on")
    if outcome not in ("passed", "failed"):
        raise RequestError(f"outcome: expected passed or failed, got {mask(outcome)!r}")
    method = str(method or "").strip().lower()
    if method not in METHODS:
        raise RequestError(f"method: expected one of {', '.join(METHODS)} (record how, never the evidence itself)")
    details = {"request": r.id, "on": when.isoformat(), "method": method, "outcome": outcome}
    return _append(datamap, "request-verify", r, details).get(r.id)


def _links(datamap: DataMap, paths: Iterable[str | Path], what: str = "answer") -> list[dict[str, Any]]:
    out = []
    for p in paths:
        path = Path(p)
        full = path if path.is_absolute() else Path(datamap.root) / path
        if not full.is_file():
            full = Path(p).resolve()
        if not full.is_file():
            raise RequestError(f"link {p}: no such file")
        try:
            shown = str(full.resolve().relative_to(Path(datamap.root).resolve()))
        except ValueError:
            shown = str(full.resolve())
        out.append({"path": shown, "sha256": hashlib.sha256(full.read_bytes()).hexdigest(), "what": what})
    return out


def progress_request(datamap: DataMap, request_id: str, *, note: str = "work started",
                     links: Iterable[str | Path] = (), on: _dt.date | str | None = None) -> Request:  # fmt: skip
    """Mark the request in progress (a plan made, a search run), optionally linking a file."""
    r = _open_one(datamap, request_id)
    when = _date(on, "on")
    _not_before(when, r, "on")
    details = {"request": r.id, "on": when.isoformat(), "note": _free_text(note, "note"),
               "links": _links(datamap, links, "work")}  # fmt: skip
    return _append(datamap, "request-progress", r, details).get(r.id)


def extend_request(datamap: DataMap, request_id: str, *, by: str, reason: str,
                   on: _dt.date | str | None = None) -> Request:  # fmt: skip
    """Extend the deadline by ``by`` (e.g. ``"2 months"``, at most the data map's ``extension_max``), with a reason."""
    r = _open_one(datamap, request_id)
    when = _date(on, "on")
    _not_before(when, r, "on")
    if r.extension_reason is not None:
        raise RequestError(f"request {r.id} was already extended (to {r.due.isoformat()})")
    if when > r.due:
        raise RequestError(f"request {r.id} is already overdue (due {r.due.isoformat()}); an extension must be given in time")
    period = parse_period(by)
    if period is None or period[0] == 0:
        raise RequestError(f"by: expected a period such as '2 months' or '30 days', got {mask(by)!r}")
    original = due_date(r.received, datamap.requests)
    limit = add_period(original, datamap.requests.extension_max)
    new_due = add_period(original, period)
    if new_due > limit:
        n, unit = datamap.requests.extension_max
        raise RequestError(f"by: an extension may add at most {n} {unit} (to {limit.isoformat()})")
    details = {"request": r.id, "on": when.isoformat(), "by": f"{period[0]} {period[1][:-1] if period[0] == 1 else period[1]}",
               "due": new_due.isoformat(), "reason": _free_text(reason, "reason")}  # fmt: skip
    return _append(datamap, "request-extend", r, details).get(r.id)


def recipients_of(datamap: DataMap, datasets: Iterable[str] | None = None) -> tuple[str, ...]:
    """The third parties the data map says receive data of ``datasets`` (default: any dataset with a subject key)."""
    names = set(datasets) if datasets is not None else None
    out: list[str] = []
    for ds in datamap.datasets:
        if names is not None and ds.name not in names:
            continue
        if names is None and not (ds.subject_key or ds.extra.get("subject_cookie")):
            continue
        out.extend(t for t in ds.shared_with if t not in out)
    return tuple(sorted(out))


def close_request(
    datamap: DataMap,
    request_id: str,
    *,
    outcome: str = "answered",
    links: Iterable[str | Path] = (),
    recipients: Iterable[str] | None = None,
    reason: str | None = None,
    on: _dt.date | str | None = None,
) -> Request:
    """Close the request as answered (linking the files that answered it) or refused (with a reason).

    ``recipients``: the processors the subject's data went to (default for erasure, rectification and
    restriction: the data map's recipients of subject data, :func:`recipients_of`).
    """
    r = _open_one(datamap, request_id)
    when = _date(on, "closed on")
    _not_before(when, r, "closed on")
    if outcome not in ("answered", "refused"):
        raise RequestError(f"outcome: expected answered or refused, got {mask(outcome)!r}")
    if outcome == "refused" and not reason:
        raise RequestError("a refusal needs a reason (--reason)")
    if recipients is None:
        recips = r.recipients if r.recipients is not None else (
            recipients_of(datamap) if r.kind in NOTIFY_KINDS else ())
    else:
        recips = tuple(sorted({_slug(x, "recipient") for x in recipients}))
    details: dict[str, Any] = {"request": r.id, "on": when.isoformat(), "outcome": outcome,
                               "links": _links(datamap, links), "recipients": list(recips or ())}  # fmt: skip
    if reason:
        details["reason"] = _free_text(reason, "reason")
    return _append(datamap, "request-close", r, details).get(r.id)


_ASK = {"erasure": "erase", "rectification": "rectify", "restriction": "restrict", "objection": "stop-processing",
        "access": "export"}  # fmt: skip


def notify_processor(datamap: DataMap, request_id: str, processor: str, *,
                     on: _dt.date | str | None = None) -> Request:  # fmt: skip
    """Record that ``processor`` was told of the request (what was asked follows from its kind)."""
    r = load_ledger(datamap).get(str(request_id).strip())
    name = _slug(processor, "processor")
    known = {t for ds in datamap.datasets for t in ds.shared_with} | set(r.recipients or ())
    if name not in known:
        raise RequestError(f"processor {name!r} receives no data in this data map (known: {', '.join(sorted(known)) or 'none'})")
    when = _date(on, "notified on")
    _not_before(when, r, "notified on")
    details = {"request": r.id, "on": when.isoformat(), "processor": name, "asked": _ASK[r.kind]}
    return _append(datamap, "request-notify", r, details).get(r.id)


# --------------------------------------------------------------------------------------------
# serving commands (export / erase / rectify / restrict --request ID)


def check_servable(datamap: DataMap, request_id: str, command: str, *, subject_ref: str | None = None) -> Request:
    """Before ``command`` serves request ``request_id``: it exists, is open, is of a kind the command answers,
    and (when both are known) is about the subject ``subject_ref``; the audit log can be appended to."""
    r = _open_one(datamap, request_id)
    kinds = COMMAND_KINDS.get(command, ())
    if r.kind not in kinds:
        raise RequestError(f"request {r.id} is a {r.kind} request; `{command}` answers {' or '.join(kinds)} requests")
    if subject_ref and r.subject_ref and subject_ref != r.subject_ref:
        raise RequestError(f"request {r.id} is about another data subject than the one given")
    auditlog.check_appendable(Path(datamap.audit_log_path))
    return r


def served(
    datamap: DataMap,
    request_id: str,
    *,
    command: str,
    subject_ref: str | None,
    done: bool,
    links: Iterable[str | Path] = (),
    datasets: Iterable[str] | None = None,
    note: str | None = None,
) -> Request:
    """Move request ``request_id`` along after ``command`` succeeded: answered when ``done`` (applied and
    verified, or the bundle written), else in progress (``note`` says why; default: a dry run).
    ``datasets``: where the subject's data was found (their recipients are recorded, for the processor
    notifications)."""
    r = check_servable(datamap, request_id, command, subject_ref=subject_ref)
    if not done:
        return progress_request(datamap, r.id, note=note or f"{command}: planned (dry run)", links=links)
    recips = recipients_of(datamap, datasets) if datasets is not None else None
    return close_request(datamap, r.id, outcome="answered", links=links, recipients=recips)


# --------------------------------------------------------------------------------------------
# processor receipts (Ed25519, verifiable offline)


def receipt_body(request: Request, processor: str, *, controller: str, status: str = "completed",
                 completed_on: _dt.date | str | None = None) -> dict[str, Any]:  # fmt: skip
    """The unsigned receipt a processor returns for ``request`` (what it did, when, for whom)."""
    if status not in ("completed", "rejected", "partial"):
        raise RequestError(f"receipt status: expected completed, rejected or partial, got {mask(status)!r}")
    return {
        "version": RECEIPT_VERSION,
        "type": "processor-receipt",
        "controller": controller,
        "processor": _slug(processor, "processor"),
        "request": request.id,
        "kind": request.kind,
        "subject_ref": request.subject_ref,
        "status": status,
        "completed_on": _date(completed_on, "completed on").isoformat(),
    }


def sign_receipt(body: Mapping[str, Any], private_key: Ed25519PrivateKey | str | Path | bytes) -> dict[str, Any]:
    """``{"receipt": body, "signature": {...}}`` signed with the processor's Ed25519 private key."""
    key = private_key if isinstance(private_key, Ed25519PrivateKey) else auditlog.load_private_key(private_key)
    sig = key.sign(auditlog.canonical_json(dict(body)))
    return {
        "receipt": dict(body),
        "signature": {"alg": "Ed25519", "processor": body.get("processor"), "value": base64.b64encode(sig).decode()},
    }


def receipt_bytes(signed: Mapping[str, Any]) -> bytes:
    """A signed receipt as a file's bytes: one line of canonical JSON (also a valid JSON Lines file)."""
    return auditlog.canonical_json(dict(signed)) + b"\n"


@dataclass(frozen=True)
class ReceiptCheck:
    """Outcome of :func:`verify_receipt`: ``ok`` only when the signature and the fields hold."""

    ok: bool
    processor: str | None
    request: str | None
    status: str | None
    reason: str
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return asdict(self)


def _read_receipt(source: str | Path | bytes | Mapping[str, Any]) -> tuple[dict[str, Any], bytes]:
    if isinstance(source, Mapping):
        doc = dict(source)
        return doc, json.dumps(doc, sort_keys=True).encode()
    if isinstance(source, bytes):
        raw = source
    else:
        try:
            raw = Path(source).read_bytes()
        except FileNotFoundError:
            raise InputError(f"{source}: receipt file not found") from None
        except IsADirectoryError:
            raise InputError(f"{source}: is a folder, not a receipt file") from None
        except OSError as exc:
            raise InputError(f"{source}: cannot read the receipt ({exc.strerror})") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputError("the receipt is not JSON") from None
    if not isinstance(doc, dict):
        raise InputError("the receipt is not a JSON object")
    return doc, raw


def verify_receipt(source: str | Path | bytes | Mapping[str, Any], datamap: DataMap) -> ReceiptCheck:
    """Verify a processor receipt offline with the processor's public key from the data map.

    InputError when the file cannot be read as JSON; otherwise a :class:`ReceiptCheck` whose ``ok`` is
    False (with the reason) for a bad signature, an unknown processor or a malformed receipt.
    """
    doc, raw = _read_receipt(source)
    digest = hashlib.sha256(raw).hexdigest()
    body, sig = doc.get("receipt"), doc.get("signature")
    if not isinstance(body, dict) or not isinstance(sig, dict):
        return ReceiptCheck(False, None, None, None, "not a receipt (needs `receipt` and `signature`)", digest)
    proc, rid, status = body.get("processor"), body.get("request"), body.get("status")
    if sig.get("alg") != "Ed25519":
        return ReceiptCheck(False, proc, rid, status, "unsupported signature algorithm (expected Ed25519)", digest)
    if sig.get("processor") != proc:
        return ReceiptCheck(False, proc, rid, status, "the signature names another processor", digest)
    key_path = datamap.requests.processor_keys.get(str(proc))
    if key_path is None:
        return ReceiptCheck(False, proc, rid, status, f"no public key for processor {proc!r} in the data map "
                            "(requests.processor_keys)", digest)  # fmt: skip
    try:
        public = auditlog.load_public_key(key_path)
        signature = base64.b64decode(str(sig.get("value", "")), validate=True)
    except (ValueError, ConfigError) as exc:
        return ReceiptCheck(False, proc, rid, status, f"unusable key or signature ({exc})", digest)
    try:
        public.verify(signature, auditlog.canonical_json(body))
    except InvalidSignature:
        return ReceiptCheck(False, proc, rid, status, "signature does not match (the receipt was changed or not "
                            "signed by this processor)", digest)  # fmt: skip
    except ValueError:
        return ReceiptCheck(False, proc, rid, status, "malformed receipt", digest)
    if body.get("controller") not in (None, datamap.organization):
        return ReceiptCheck(False, proc, rid, status, "the receipt names another controller", digest)
    return ReceiptCheck(True, proc, rid, status, f"signed by {proc}: {status} on {body.get('completed_on')}", digest)


def record_receipt(datamap: DataMap, source: str | Path, *, on: _dt.date | str | None = None) -> Request:
    """Verify a processor's receipt and record it on its request (the processor must have been notified)."""
    check = verify_receipt(source, datamap)
    if not check.ok:
        raise RequestError(f"receipt not recorded: {check.reason}")
    r = load_ledger(datamap).get(str(check.request))
    doc, _ = _read_receipt(source)
    if doc["receipt"].get("subject_ref") != r.subject_ref:
        raise RequestError(f"receipt not recorded: it names another subject than request {r.id}")
    if not any(n.processor == check.processor for n in r.notifications):
        raise RequestError(f"receipt not recorded: {check.processor} was not notified of {r.id} (request notify first)")
    completed = str(doc["receipt"].get("completed_on"))
    when = _date(on if on is not None else completed, "receipt date")
    details = {"request": r.id, "on": when.isoformat(), "processor": check.processor, "status": check.status,
               "sha256": check.sha256}  # fmt: skip
    return _append(datamap, "request-receipt", r, details).get(r.id)
