"""Render the ``index.html`` of a subject-access bundle: a self-contained, plain-language summary.

Rendering only: the manifest built by :func:`privacy_audit.access.bundle_bytes` and the subject's
own records come in, HTML comes out (Jinja2, autoescaped, inline CSS, no scripts or external
resources). The page is for the data subject: their own data as tables (it is their own copy, so
values are shown unmasked, HTML-escaped), links to the files, the data map's declarations (purposes,
legal basis, retention, recipients, storage location, source), their rights, whom to contact and how
to complain (the data map's ``contacts:``). It names no command: the person needs no tool to read it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .templating import template

__all__ = ["MAX_ROWS_SHOWN", "data_table", "render_bundle_index", "plain_words"]

_WORDS = {
    "contract": "to perform our contract with you (providing the service you signed up for)",
    "consent": "your consent, which you can withdraw at any time",
    "legitimate_interest": "our legitimate interests (running, securing and improving the service)",
    "legal_obligation": "a legal obligation we must comply with",
    "vital_interests": "protecting someone's vital interests",
    "public_task": "a task carried out in the public interest",
}
_ZONES = {
    "identified": "directly identifies you",
    "pseudonymous": "linked to you through a pseudonym, not your name",
    "anonymous": "not linked to you",
    "register": "a record we keep about your choices and requests",
}


def plain_words(value: Any) -> str:
    """A data map code (``email_marketing``, ``legitimate_interest``) in plain words."""
    if value is None or value == "":
        return "not stated"
    text = str(value)
    return _WORDS.get(text, text.replace("_", " "))


def _retention(days: Any) -> str:
    if days in (None, ""):
        return "not stated"
    days = int(days)
    if days % 365 == 0 and days >= 365:
        years = days // 365
        return f"{days} days (about {years} year{'s' if years != 1 else ''})"
    return f"{days} days"


def _location(loc: Any) -> str:
    loc = dict(loc or {})
    if not loc:
        return "not stated"
    parts = [str(loc[k]) for k in ("provider", "region") if loc.get(k)]
    country = loc.get("country")
    return (", ".join(parts) + (f" (country: {country})" if country else "")) or "not stated"


@lru_cache(maxsize=1)
def _template():
    return template(
        "bundle_index.html.j2", plain=plain_words, retention=_retention, location=_location,
        zone=lambda z: _ZONES.get(str(z), str(z)),
    )  # fmt: skip


#: rows of one dataset shown in the page (all of them are in the files)
MAX_ROWS_SHOWN = 500
_PARTIES = ("controller", "dpo", "supervisory_authority")
_FIELDS = ("name", "email", "phone", "address", "url")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def data_table(records: list[dict[str, Any]] | None = None, lines: list[str] | None = None) -> dict[str, Any]:
    """One dataset's records (JSON-ready dicts) or log lines, as the page shows them (first rows only)."""
    if lines is not None:
        return {"lines": list(lines[:MAX_ROWS_SHOWN]), "shown": min(len(lines), MAX_ROWS_SHOWN),
                "more": len(lines) > MAX_ROWS_SHOWN}  # fmt: skip
    records = list(records or [])
    columns: list[str] = []
    for rec in records:
        columns += [str(k) for k in rec if str(k) not in columns]
    shown = records[:MAX_ROWS_SHOWN]
    return {"columns": columns, "rows": [[_cell(r.get(c)) for c in columns] for r in shown], "shown": len(shown),
            "more": len(records) > MAX_ROWS_SHOWN}  # fmt: skip


def render_bundle_index(manifest: dict[str, Any], tables: dict[str, dict[str, Any]] | None = None) -> str:
    """The bundle's ``index.html`` for ``manifest`` (deterministic for the same manifest).

    ``tables``: per ``"<kind>:<dataset name>"``, :func:`data_table` of the subject's own records (shown in the page).
    """
    datasets = list(manifest.get("datasets", []))
    raw = manifest.get("contacts") or {}
    contacts = {p: ({f: str(raw[p].get(f, "") or "") for f in _FIELDS} if isinstance(raw.get(p), dict) else None)
                for p in _PARTIES}  # fmt: skip
    return _template().render(
        m=manifest,
        org=manifest.get("organization") or (contacts["controller"] or {}).get("name") or "the company",
        contacts=contacts,
        tables=dict(tables or {}),
        held=[d for d in datasets if d["records"] and d["kind"] != "register"],
        not_held=[d for d in datasets if not d["records"] and d["kind"] != "register"],
        registers=[d for d in datasets if d["kind"] == "register" and d["records"]],
    )
