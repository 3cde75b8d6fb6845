"""Notebook 00: the requests desk -- the same calls as ``privacy-audit request ...``.

``RequestsWidget(datamap=..., as_of=...)`` shows the queue (open requests first, fewest days left first,
overdue rows in red; masked requesters and subjects) and one form per step of a request's life:

* *New*: kind, subject identifier (:class:`SubjectInput`), requester, role, channel, received date ->
  :meth:`new` (``requests.open_request``);
* *Verify*: method, outcome, date -> :meth:`verify`;
* *Extend*: period, reason -> :meth:`extend`;
* *Close*: answered/refused, link to the answer (a file path), reason -> :meth:`close`;
* *Notify*: processor -> :meth:`notify`.

The request the forms act on is picked in ``.request`` (a dropdown of the ledger's ids). Each action
returns the new :class:`~privacy_audit.requests.Request` (``None`` after an error, shown as one line in
``.banner``), refreshes ``.queue_view`` and keeps the latest state in ``.result``; ``.ledger`` is the replayed
ledger.
"""

from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from .. import requests as desk
from ..datamap import DataMap, load_datamap
from ._common import ErrorBanner, SubjectInput, find_samples, guarded, plain, wide

__all__ = ["RequestsWidget", "queue_html"]

_RED = "color:var(--jp-error-color1,#b03a2e);font-weight:600"
_PAD = ' style="padding:2px 8px;text-align:left;vertical-align:top;white-space:nowrap"'
_WRAP = ' style="padding:2px 8px;text-align:left;vertical-align:top"'  # the long columns may wrap
_COLUMNS = ("id", "kind", "status", "received", "due", "days_left", "verified", "requester", "subject", "closed_on",
            "unnotified")  # fmt: skip


def queue_html(ledger: desk.Ledger, as_of: _dt.date) -> str:
    """The ledger as an HTML table: open requests first by days left, overdue rows in red (masked values only)."""
    frame = ledger.to_frame(as_of)
    if frame.empty:
        return "<p>No request recorded yet.</p>"
    head = "".join(f"<th{_PAD}>{html.escape(c.replace('_', ' '))}</th>" for c in _COLUMNS)
    rows = []
    for rec in frame.to_dict("records"):
        is_open = not pd.isna(rec["days_left"])
        late = bool(rec["overdue"]) and is_open
        cells = "".join(f"<td{_WRAP if c in ('requester', 'subject') else _PAD}>{html.escape(_cell(rec[c]))}</td>"
                        for c in _COLUMNS)  # fmt: skip
        style = f' style="{_RED}"' if late else ""
        cls = "pa-overdue" if late else ("pa-open" if is_open else "pa-closed")
        rows.append(f'<tr class="{cls}" data-request="{html.escape(rec["id"])}"{style}>{cells}</tr>')
    return (  # long rows wrap, and the box scrolls sideways rather than cut the last columns
        '<div style="overflow-x:auto;max-width:100%">'
        '<table class="pa-table pa-queue" style="border-collapse:collapse;font-size:12px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _cell(value: Any) -> str:
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return plain(value)  # words: no NaN, yes/no, "in progress"


class RequestsWidget(w.VBox):
    """The requests desk in a notebook: the queue and a form for each step of a request's life."""

    def __init__(self, datamap: str | Path | None = None, *, as_of: _dt.date | str | None = None) -> None:
        path = Path(datamap) if datamap else find_samples() / "datamap.yaml"
        self.path = w.Text(value=str(path), description="data map", layout=w.Layout(width="60%"))
        self.as_of = w.Text(value=str(as_of or ""), description="as of", placeholder="YYYY-MM-DD (default: data map)")
        self.banner = ErrorBanner()
        self.output = w.Output()
        self.last_exception: BaseException | None = None
        self.result: desk.Request | None = None
        self.ledger: desk.Ledger | None = None
        self.queue_view = w.HTML()
        self.refresh_button = w.Button(description="Refresh queue", icon="refresh", layout=wide())
        self.request = w.Dropdown(options=[], description="request")
        # New
        self.kind = w.Dropdown(options=list(desk.KINDS), value="access", description="kind")
        self.subject = SubjectInput(kind="token")
        self.requester = w.Text(description="requester", placeholder="who sent it (kept masked)")
        self.role = w.Dropdown(options=["subject", "customer", "agent"], value="subject", description="role")
        self.channel = w.Dropdown(options=["email", "letter", "web-form", "phone", "in-app"], value="email",
                                  description="channel")  # fmt: skip
        self.received = w.Text(description="received", placeholder="YYYY-MM-DD (default: today)")
        self.new_button = w.Button(description="Record request", icon="plus", button_style="primary", layout=wide())
        # Verify
        self.method = w.Dropdown(options=list(desk.METHODS), value="email-code", description="method")
        self.outcome = w.Dropdown(options=["passed", "failed"], value="passed", description="outcome")
        self.verified_on = w.Text(description="on", placeholder="YYYY-MM-DD (default: today)")
        self.verify_button = w.Button(description="Record identity check", icon="check", layout=wide())
        # Extend
        self.extend_by = w.Dropdown(options=["1 month", "2 months"], value="2 months", description="by")
        self.extend_reason = w.Text(description="reason", placeholder="why (no personal data)")
        self.extended_on = w.Text(description="on", placeholder="YYYY-MM-DD (default: today)")
        self.extend_button = w.Button(description="Extend deadline", icon="clock-o", layout=wide())
        # Close
        self.close_outcome = w.Dropdown(options=["answered", "refused"], value="answered", description="outcome")
        self.link = w.Text(description="answer", placeholder="path of the bundle, report or letter (optional)")
        self.close_reason = w.Text(description="reason", placeholder="for a refusal (no personal data)")
        self.closed_on = w.Text(description="on", placeholder="YYYY-MM-DD (default: today)")
        self.close_button = w.Button(description="Close request", icon="flag-checkered", layout=wide())
        # Notify
        self.processor = w.Dropdown(options=[], description="processor")
        self.notify_button = w.Button(description="Record notification", icon="envelope", layout=wide())

        self.refresh_button.on_click(self.refresh)
        self.new_button.on_click(self.new)
        self.verify_button.on_click(self.verify)
        self.extend_button.on_click(self.extend)
        self.close_button.on_click(self.close)
        self.notify_button.on_click(self.notify)
        self.run_button = self.new_button
        forms = w.Tab(
            children=[
                w.VBox([self.kind, self.subject, self.requester, self.role, self.channel, self.received, self.new_button]),
                w.VBox([self.method, self.outcome, self.verified_on, self.verify_button]),
                w.VBox([self.extend_by, self.extend_reason, self.extended_on, self.extend_button]),
                w.VBox([self.close_outcome, self.link, self.close_reason, self.closed_on, self.close_button]),
                w.VBox([self.processor, self.notify_button]),
            ]
        )
        for i, title in enumerate(("New", "Verify", "Extend", "Close", "Notify")):
            forms.set_title(i, title)
        self.forms = forms
        super().__init__([w.HBox([self.path, self.as_of, self.refresh_button]), self.banner, self.queue_view,
                          self.request, forms, self.output])  # fmt: skip
        self.refresh()

    @property
    def datamap(self) -> DataMap:
        """The data map named in ``.path``."""
        return load_datamap(self.path.value)

    def as_of_date(self, dm: DataMap | None = None) -> _dt.date:
        """The date days left are counted from: ``.as_of``, else the data map's ``as_of``, else today."""
        text = self.as_of.value.strip()
        if not text:
            return (dm or self.datamap).as_of or _dt.date.today()
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise desk.RequestError(f"as of: expected a date YYYY-MM-DD, got {text!r}") from None

    @guarded
    def refresh(self, _button: object = None) -> desk.Ledger:
        """Re-read the ledger and redraw the queue."""
        dm = self.datamap
        ledger = desk.load_ledger(dm)
        self.ledger = ledger
        self.queue_view.value = queue_html(ledger, self.as_of_date(dm))
        current = self.request.value
        ids = [r.id for r in ledger.requests]
        self.request.options = ids
        if current in ids:
            self.request.value = current
        elif ids:
            self.request.value = ids[-1]
        self.processor.options = sorted({t for ds in dm.datasets for t in ds.shared_with})
        return ledger

    def _done(self, r: desk.Request, what: str) -> desk.Request:
        self.result = r
        self.refresh()
        if self.request.options and r.id in self.request.options:
            self.request.value = r.id
        left = r.days_left(self.as_of_date(self.datamap))
        self.banner.info(f"{r.id}: {what} ({r.kind}, {plain(r.status)}, due {r.due.isoformat()}"
                         + (f", {left} day(s) left" if left is not None else "") + ")")  # fmt: skip
        return r

    def _selected(self) -> str:
        if not self.request.value:
            raise desk.RequestError("pick a request first (or record one in the New tab)")
        return str(self.request.value)

    @guarded
    def new(self, _button: object = None) -> desk.Request:
        """Record a new request from the *New* form."""
        r = desk.open_request(self.datamap, self.kind.value, subject=self.subject.pairs(),
                              requester=self.requester.value.strip() or None, requester_role=self.role.value,
                              channel=self.channel.value, received=self.received.value.strip() or None)  # fmt: skip
        self.subject.forget()  # recorded (masked) in the register: the raw identifier leaves the page
        self.subject.reset()
        return self._done(r, "recorded")

    @guarded
    def verify(self, _button: object = None) -> desk.Request:
        """Record the identity check of the *Verify* form on the selected request."""
        r = desk.verify_request(self.datamap, self._selected(), method=self.method.value, outcome=self.outcome.value,
                                on=self.verified_on.value.strip() or None)  # fmt: skip
        return self._done(r, f"identity check {self.outcome.value}")

    @guarded
    def extend(self, _button: object = None) -> desk.Request:
        """Extend the selected request's deadline (*Extend* form)."""
        r = desk.extend_request(self.datamap, self._selected(), by=self.extend_by.value, reason=self.extend_reason.value,
                                on=self.extended_on.value.strip() or None)  # fmt: skip
        return self._done(r, f"extended by {self.extend_by.value}")

    @guarded
    def close(self, _button: object = None) -> desk.Request:
        """Close the selected request as answered or refused (*Close* form)."""
        link = self.link.value.strip()
        r = desk.close_request(self.datamap, self._selected(), outcome=self.close_outcome.value,
                               links=[link] if link else [], reason=self.close_reason.value.strip() or None,
                               on=self.closed_on.value.strip() or None)  # fmt: skip
        left = r.unnotified()
        return self._done(r, self.close_outcome.value + (f"; to notify: {', '.join(left)}" if left else ""))

    @guarded
    def notify(self, _button: object = None) -> desk.Request:
        """Record that the processor of the *Notify* form was told of the selected request."""
        if not self.processor.value:
            raise desk.RequestError("pick a processor")
        r = desk.notify_processor(self.datamap, self._selected(), self.processor.value)
        return self._done(r, f"{self.processor.value} notified")
