"""Render the ``index.html`` of a subject-access bundle: a self-contained, plain-language summary.

Rendering only: the manifest built by :func:`privacy_audit.access.bundle_bytes` comes in, HTML comes
out (Jinja2, autoescaped, inline CSS, no scripts or external resources). The page shows counts and
the data map's declarations -- what is held, purposes, legal basis, retention, recipients, storage
location, source -- never the personal values themselves (those are in the data files).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["render_bundle_index", "plain_words"]

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
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("privacy_audit.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["plain"] = plain_words
    env.filters["retention"] = _retention
    env.filters["location"] = _location
    env.filters["zone"] = lambda z: _ZONES.get(str(z), str(z))
    return env.get_template("bundle_index.html.j2")


def render_bundle_index(manifest: dict[str, Any]) -> str:
    """The bundle's ``index.html`` for ``manifest`` (deterministic for the same manifest)."""
    datasets = list(manifest.get("datasets", []))
    return _template().render(
        m=manifest,
        held=[d for d in datasets if d["records"] and d["kind"] != "register"],
        not_held=[d for d in datasets if not d["records"] and d["kind"] != "register"],
        registers=[d for d in datasets if d["kind"] == "register" and d["records"]],
    )
