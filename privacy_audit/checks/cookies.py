"""Clause 2.2, cookies: temporary only, and carrying no personal information.

The ``cookies`` register lists the cookies the platform sets, one row per cookie: ``name`` (or
``cookie``), optional ``domain``, a lifetime -- ``persistent`` (yes/no), ``session`` (yes/no),
``max_age``/``max_age_seconds``/``lifetime_days``/``duration_days``/``expiry_days`` (numbers, 0 or
blank = session) or ``expires``/``expiry`` (``session``/blank, else a date or duration) -- and
``value``/``sample_value``/``example_value`` (one or more observed values, ``|``-separated).

* ``cookies.persistent``: a cookie that outlives the session (one finding per cookie).
* ``cookies.pii_value``: a cookie whose sample values contain personal data according to the
  Presidio analyzer (URL-decoded first); the evidence shows the entity and the masked value.

Findings name the register as ``dataset`` and the cookie name as ``column``.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote_plus

from ..entities import is_direct, pattern_entities, text_entities
from ..masking import mask
from . import CheckContext, Finding, find_column
from ._common import blank, falsy, truthy

__all__ = ["CHECKS", "is_persistent", "pii_in_value"]

_NUMERIC = (
    "max_age",
    "max_age_seconds",
    "lifetime_days",
    "lifetime_seconds",
    "duration_days",
    "expiry_days",
    "ttl",
)
_SESSIONISH = {"session", "0", "none", "end of session", "at end of session", "browser session", "-"}
# Entities reliable enough on short opaque strings; PERSON/LOCATION need a high score (spaCy NER).
_PATTERN_ENTITIES = pattern_entities()
_NER_ENTITIES = frozenset(e for e in text_entities() if is_direct(e)) - _PATTERN_ENTITIES
_MIN_SCORE = 0.4
_MIN_NER_SCORE = 0.85


def is_persistent(row: dict) -> tuple[bool, str]:
    """Whether a cookie-register row (lower-cased keys) describes a persistent cookie, and why."""
    if "persistent" in row and not blank(row["persistent"]):
        return truthy(row["persistent"]), f"persistent={row['persistent']}"
    if "session" in row and not blank(row["session"]):
        return falsy(row["session"]), f"session={row['session']}"
    for key in _NUMERIC:
        if key in row and not blank(row[key]):
            try:
                value = float(row[key])
            except (TypeError, ValueError):
                return True, f"{key}={row[key]}"
            return value > 0, f"{key}={row[key]}"
    for key in ("expires", "expiry", "expiration", "lifetime", "duration"):
        if key in row and not blank(row[key]):
            text = str(row[key]).strip().lower()
            return text not in _SESSIONISH, f"{key}={row[key]}"
    return False, "no lifetime recorded (session)"


def _name(row: dict) -> str:
    for key in ("name", "cookie", "cookie_name"):
        if key in row and not blank(row[key]):
            return str(row[key])
    return "?"


def persistent(ctx: CheckContext) -> Iterator[Finding]:
    cid = "cookies.persistent"
    reg = ctx.register("cookies")
    if reg is None:
        return
    for rec in reg.to_dict("records"):
        row = {str(k).lower(): v for k, v in rec.items()}
        yes, why = is_persistent(row)
        if not yes:
            continue
        name = _name(row)
        domain = row.get("domain")
        yield ctx.finding(
            cid,
            dataset="cookies",
            column=name,
            message=f"cookie {name} persists beyond the session",
            evidence=f"cookies register: {name}"
            + (f" on {domain}" if not blank(domain) else "")
            + f"; {why}",
        )


def pii_in_value(values: list[str]) -> list[tuple[str, str, float]]:
    """``(entity, masked value, score)`` for every personal-data span Presidio finds in ``values``."""
    from ..detect.nlp import get_analyzer

    analyzer = get_analyzer()
    out = []
    for raw in values:
        text = unquote_plus(raw)
        # separators common in cookie values read as word breaks for the NER model
        readable = text.translate(str.maketrans({"|": " ", "&": " ", ";": " ", "=": " "}))
        for res in analyzer.analyze(readable, language="en"):
            ok = (res.entity_type in _PATTERN_ENTITIES and res.score >= _MIN_SCORE) or (
                res.entity_type in _NER_ENTITIES and res.score >= _MIN_NER_SCORE
            )
            if ok:
                out.append((res.entity_type, mask(readable[res.start : res.end], res.entity_type), res.score))
    return out


def pii_value(ctx: CheckContext) -> Iterator[Finding]:
    cid = "cookies.pii_value"
    reg = ctx.register("cookies")
    if reg is None:
        return
    vcol = find_column(reg, "value", "sample_value", "sample_values", "example_value", "example", "values")
    if vcol is None:
        ctx.problem(cid, "cookies register has no value column (`value` or `sample_value`) to scan")
        return
    for rec in reg.to_dict("records"):
        row = {str(k).lower(): v for k, v in rec.items()}
        cell = rec[vcol]
        if blank(cell):
            continue
        values = [v.strip() for v in str(cell).split(" | ")] if " | " in str(cell) else [str(cell)]
        hits = pii_in_value([v for v in values if v])
        if not hits:
            continue
        name = _name(row)
        entities = sorted({e for e, _, _ in hits})
        shown = "; ".join(f"{e}: {m}" for e, m, _ in hits[:3])
        yield ctx.finding(
            cid,
            dataset="cookies",
            column=name,
            message=f"cookie {name} carries personal data ({', '.join(entities)})",
            evidence=f"cookies register value scanned: {shown}",
        )


CHECKS = {"cookies.persistent": persistent, "cookies.pii_value": pii_value}
