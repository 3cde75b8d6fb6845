"""Check that every column of every generated heldout41 table has exactly one label, and vice versa."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_heldout41 as g  # noqa: E402

__all__ = ["check"]


def check(rows: int = 1000) -> list[str]:
    """Return a list of mismatches between generated columns and labels.yaml (empty when consistent)."""
    problems: list[str] = []
    lab = g.labels()
    for name, df in g.make_tables(rows).items():
        cols = list(df.columns)
        if len(cols) != len(set(cols)):
            problems.append(f"{name}: duplicate columns")
        for c in sorted(set(cols) - set(lab[name])):
            problems.append(f"{name}: unlabelled column {c!r}")
        for c in sorted(set(lab[name]) - set(cols)):
            problems.append(f"{name}: label for missing column {c!r}")
    return problems


if __name__ == "__main__":
    issues = check()
    print("\n".join(issues) or "ok")
    sys.exit(1 if issues else 0)
