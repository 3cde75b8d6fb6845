"""Clause ids of a policy in Markdown, computed independently of ``privacy_audit.policy``.

Tests compare the package's parser (and the report's clause table) with this second, simpler
derivation: count numbered list items per indentation level.
"""

from __future__ import annotations

import re


def independent_clause_ids(text: str) -> list[str]:
    """Ids like ``1``, ``1.1``, ``3.2.2`` of every numbered list item, in order."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    levels: list[int] = []  # indentation of each open level
    counters: list[int] = []
    ids = []
    for line in text.splitlines():
        m = re.match(r"^( *)\d+\. ", line)
        if not m:
            continue
        ind = len(m.group(1))
        while levels and levels[-1] > ind:
            levels.pop()
            counters.pop()
        if not levels or levels[-1] < ind:
            levels.append(ind)
            counters.append(0)
        counters[-1] += 1
        ids.append(".".join(map(str, counters)))
    return ids
