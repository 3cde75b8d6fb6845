"""Masking: the one way any persistent output shows a personal value.

Reports, logs, widgets and error messages call :func:`mask`. It keeps enough shape for a person to
recognise what kind of value it was (and to tell two values apart at a glance) without keeping the
value itself.
"""

from __future__ import annotations

import re

from .entities import mask_style

__all__ = ["mask", "mask_text_spans"]

_EMAIL = re.compile(r"^([^@\s]+)@([^@\s]+)$")


def _mask_word(word: str, keep: int = 1) -> str:
    if len(word) <= keep:
        return "*" * len(word)
    return word[:keep] + "*" * min(len(word) - keep, 6)


def mask(value: object, entity: str | None = None) -> str:
    """Return a masked rendering of ``value``; ``entity`` picks the style (:func:`entities.mask_style`).

    An entity the taxonomy does not know (or none) is masked by the value's shape.

    >>> mask("jane.doe@example.com", "EMAIL_ADDRESS")
    'j******@e******.com'
    >>> mask("+1 (555) 010-2034", "PHONE_NUMBER")
    '+* (***) ***-**34'
    """
    if value is None:
        return ""
    text = str(value)
    if not text.strip():
        return text
    m = _EMAIL.match(text.strip())
    style = mask_style(entity)
    if style == "email" or (style is None and m):
        if m:
            local, domain = m.groups()
            host, _, tld = domain.rpartition(".")
            return f"{_mask_word(local)}@{_mask_word(host or domain)}{'.' + tld if host else ''}"
    digits = sum(ch.isdigit() for ch in text)
    if style == "digits" or (style is None and digits >= 6 and digits >= len(text) * 0.6):
        # keep separators and the last two digits, hide every other alphanumeric character
        total = sum(ch.isalnum() for ch in text)
        out, seen = [], 0
        for ch in text:
            if ch.isalnum():
                seen += 1
                out.append(ch if seen > total - 2 else "*")
            else:
                out.append(ch)
        return "".join(out)
    if style == "ip":
        parts = re.split(r"([.:])", text)
        return "".join(p if p in {".", ":"} or i == 0 else "*" * len(p) for i, p in enumerate(parts))
    # names, addresses, free words: first letter of each word, the rest starred
    return " ".join(_mask_word(w) for w in text.split())


def mask_text_spans(text: str, spans: list[tuple[int, int, str | None]]) -> str:
    """Mask the given ``(start, end, entity)`` spans inside ``text``, leaving the rest readable."""
    out, pos = [], 0
    for start, end, entity in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(mask(text[start:end], entity))
        pos = end
    out.append(text[pos:])
    return "".join(out)
