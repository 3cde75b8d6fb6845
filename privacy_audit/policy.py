"""The published privacy policy as data: its numbered clauses, with ids, text and parents.

The policy is a Markdown document whose promises sit in a nested numbered list (``1.``, ``1.1``,
``1.1.1`` ...), nested by indentation. :func:`parse_policy` turns it into a frozen :class:`Policy`
whose clause ids (``"3.2.1"``) are the ids controls, findings and the compliance report use. A
section with no numbered sub-items (a heading followed by plain paragraphs, like "6. Change in
Privacy Policy") takes those paragraphs as its text.

CommonMark would not nest these lists (the sub-items are indented by less than the parent's content
offset), so the list structure is read from the indentation directly.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, InputError

__all__ = ["Clause", "Policy", "parse_policy", "load_policy"]

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<num>\d+)[.)]\s+(?P<text>.*\S)?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TITLE_CHARS = 90


def _plain(text: str) -> str:
    """Markdown inline markup removed, whitespace collapsed."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("“ ", "“").replace(" ”", "”")
    return " ".join(text.split())


def _title(text: str) -> str:
    """A short title: the text up to its first sentence end or colon, cut at a word boundary."""
    m = re.match(r"(.+?[.:;])(\s|$)", text)
    head = m.group(1).rstrip(".:; ") if m else text
    if len(head) <= _TITLE_CHARS:
        return head
    cut = head[:_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


@dataclass(frozen=True)
class Clause:
    """One numbered item of the policy: ``id`` like ``"3.2.1"``, ``parent`` like ``"3.2"``."""

    id: str
    title: str
    text: str
    parent: str | None
    depth: int
    children: tuple[str, ...] = ()

    @property
    def is_section(self) -> bool:
        """True for an item that has numbered sub-items (its promises are in its children)."""
        return bool(self.children)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "parent": self.parent,
            "depth": self.depth,
            "children": list(self.children),
        }


@dataclass(frozen=True)
class Policy:
    """The parsed policy: its title, the clauses in document order, and the source's sha256."""

    title: str
    clauses: tuple[Clause, ...]
    sha256: str
    source: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.clauses)

    def get(self, clause_id: str) -> Clause | None:
        """The clause with this id, or None."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        return None

    def __contains__(self, clause_id: object) -> bool:
        return any(c.id == clause_id for c in self.clauses)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "source": self.source,
            "sha256": self.sha256,
            "clauses": [c.to_dict() for c in self.clauses],
        }

    def to_frame(self):
        """One row per clause: id, parent, depth, title, text."""
        import pandas as pd

        return pd.DataFrame(
            [{"id": c.id, "parent": c.parent, "depth": c.depth, "title": c.title, "text": c.text} for c in self.clauses],
            columns=["id", "parent", "depth", "title", "text"],
        )


def _indent_width(s: str) -> int:
    return len(s.expandtabs(4))


def parse_policy(markdown: str, *, source: str | None = None) -> Policy:
    """Parse the policy Markdown into clauses; raises ConfigError when it has no numbered list."""
    sha = hashlib.sha256(markdown.encode("utf-8")).hexdigest()
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    title = ""
    # Each open item: [indent, id, text parts, children]
    items: list[dict] = []
    stack: list[dict] = []
    for line in text.splitlines():
        if not title and (h := _HEADING.match(line)):
            title = _plain(h.group("text"))
            continue
        m = _ITEM.match(line)
        if m:
            indent = _indent_width(m.group("indent"))
            while stack and stack[-1]["indent"] >= indent:
                stack.pop()
            parent = stack[-1] if stack else None
            siblings = parent["children"] if parent else [i for i in items if i["parent"] is None]
            number = len(siblings) + 1
            cid = f"{parent['id']}.{number}" if parent else str(number)
            item = {
                "indent": indent,
                "id": cid,
                "parts": [m.group("text") or ""],
                "children": [],
                "parent": parent["id"] if parent else None,
                "depth": len(stack),
            }
            if parent:
                parent["children"].append(item)
            items.append(item)
            stack.append(item)
            continue
        if not line.strip() or not items:
            continue
        indent = _indent_width(line[: len(line) - len(line.lstrip())])
        last = items[-1]
        if indent > last["indent"]:
            last["parts"].append(line)  # indented continuation of the current item
        elif last["depth"] == 0 and not last["children"]:
            last["parts"].append(line)  # a section without sub-items: its paragraphs are its text
        # anything else (a closing "Last updated" line) belongs to no clause
    if not items:
        raise ConfigError(f"{source or 'policy'}: no numbered clauses found (expected a nested numbered list)")
    clauses = []
    for it in items:
        heading = _plain(it["parts"][0])
        body = _plain(" ".join(it["parts"]))
        clauses.append(
            Clause(
                id=it["id"],
                title=_title(heading) if heading else it["id"],
                text=body,
                parent=it["parent"],
                depth=it["depth"],
                children=tuple(c["id"] for c in it["children"]),
            )
        )
    return Policy(title=title or "Privacy policy", clauses=tuple(clauses), sha256=sha, source=source)


def load_policy(path: str | Path) -> Policy:
    """Read and parse the policy Markdown at ``path``; a missing or unreadable file is an InputError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: policy file not found") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read policy ({exc.strerror or exc})") from None
    try:
        markdown = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: policy is not UTF-8 text") from None
    return parse_policy(markdown, source=str(path))
