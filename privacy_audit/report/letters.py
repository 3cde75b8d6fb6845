"""Letters to a data subject about their request: access, erasure, rectification, restriction, objection,
refusal and extension, in plain language, with the company's name and contacts.

Rendering only: a :class:`~privacy_audit.requests.Request` (replayed from the audit log) and the data map's
organisation and ``contacts:`` come in, one self-contained HTML page comes out (Jinja2, autoescaped, no
scripts). Nothing personal is in it beyond what the ledger keeps (masked identifiers, the request id).
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any

from ..errors import InputError
from .templating import template

__all__ = ["LETTER_KINDS", "letter_kind", "render_letter"]

#: the letters there are, one per answer a request can get
LETTER_KINDS = ("access", "erasure", "rectification", "restriction", "objection", "refusal", "extension")


def letter_kind(request: Any, kind: str | None = None) -> str:
    """The letter a request calls for now: ``kind`` when given, else from its status and kind."""
    if kind is not None:
        if kind not in LETTER_KINDS:
            raise InputError(f"--kind: expected one of {', '.join(LETTER_KINDS)}, got {kind!r}")
        return kind
    if request.status == "refused":
        return "refusal"
    if request.status == "extended":
        return "extension"
    if request.status == "answered":
        return request.kind
    raise InputError(f"{request.id} is still open ({request.status.replace('_', ' ')}): answer, refuse or extend "
                     "it first, or give --kind")  # fmt: skip


@lru_cache(maxsize=1)
def _template():
    return template("letter.html.j2", longdate=lambda d: d.strftime("%-d %B %Y") if d else "")


def render_letter(request: Any, *, organization: str, contacts: dict[str, dict[str, str]] | None = None,
                  kind: str | None = None, today: _dt.date | None = None) -> str:  # fmt: skip
    """The letter (HTML) answering ``request``; ``kind`` as :func:`letter_kind` chooses it."""
    kind = letter_kind(request, kind)
    raw = dict(contacts or {})
    fields = ("name", "email", "phone", "address", "url")
    parties = {p: {f: str((raw.get(p) or {}).get(f, "") or "") for f in fields}
               for p in ("controller", "dpo", "supervisory_authority")}  # fmt: skip
    org = organization or parties["controller"]["name"] or "the company"
    notified = sorted({n.processor for n in getattr(request, "notifications", ())})
    return _template().render(kind=kind, r=request, org=org, c=parties, today=today or _dt.date.today(),
                              recipients=list(request.recipients or ()), notified=notified)  # fmt: skip
