"""Golden verdicts: every column's entity over the scanner's corpora, so a change shows which columns it moves.

The golden file (``tests/golden/verdicts.csv``) holds ``corpus, dataset, column, entity`` for every column
of: the real tables of ``shared/realworld`` (found beside the repository, skipped with a reason when
absent), the tables ``bench/gen_tables.py`` writes, the two external files of ``shared/external`` (when
present) and a few generated held-out sets of ``bench/``. Column names and verdicts only, never a cell value.

After a deliberate change, rewrite it and review the diff (``git diff tests/golden``):

    PRIVACY_AUDIT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_verdicts.py
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "verdicts.csv"
# the generated and held-out tables are written by Faker: their golden verdicts hold for this Faker version
FAKER_VERSION = ROOT / "tests" / "golden" / "faker_version.txt"
FIELDS = ("corpus", "dataset", "column", "entity")
HELDOUT_SETS = ("heldout", "heldout2", "heldout55")
ROWS = 500  # rows per generated table: enough for every rule, quick to write
UPDATE = os.environ.get("PRIVACY_AUDIT_UPDATE_GOLDEN") == "1"


def shared_dir() -> Path | None:
    """The ``shared`` folder beside the clone (CI keeps a copy there), or ``$PRIVACY_AUDIT_SHARED``."""
    env = os.environ.get("PRIVACY_AUDIT_SHARED")
    for cand in ([Path(env)] if env else []) + [ROOT.parent / "shared", ROOT.parent.parent / "shared"]:
        if (cand / "realworld" / "labels.json").is_file():
            return cand
    return None


def _scan_verdicts(corpus: str, paths: list[tuple[str, Path]]) -> list[tuple[str, str, str, str]]:
    from privacy_audit.scan import scan

    out = []
    for dataset, path in paths:
        for c in scan(path, progress=False).columns:
            out.append((corpus, dataset, c.column, c.entity or ""))
    return out


def _bench_paths(groups: tuple[str, ...], tmp: Path) -> dict[str, list[tuple[str, Path]]]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_scan_accuracy as bench
        import gen_tables
    finally:
        sys.path.pop(0)
    out: dict[str, list[tuple[str, Path]]] = {}
    if "generated" in groups:  # written without touching bench/labels (the labels are the 2000-row bench's)
        out["generated"] = [(t, p) for t, p in gen_tables.write_all(tmp, ROWS, write_labels=False).items()]
    for group, table, path, _labels in bench.load_tables(ROWS, tuple(g for g in groups if g != "generated")):
        out.setdefault(group, []).append((table, Path(path)))
    return out


def _read_golden() -> dict[tuple[str, str, str], str]:
    with GOLDEN.open(newline="", encoding="utf-8") as fh:
        return {(r["corpus"], r["dataset"], r["column"]): r["entity"] for r in csv.DictReader(fh)}


def _write_golden(rows: list[tuple[str, str, str, str]], keep: dict[tuple[str, str, str], str]) -> None:
    merged = dict(keep)
    merged.update({r[:3]: r[3] for r in rows})
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    with GOLDEN.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(FIELDS)
        for key in sorted(merged):
            w.writerow((*key, merged[key]))


def _compare(corpus: str, rows: list[tuple[str, str, str, str]]) -> None:
    golden = {k: v for k, v in _read_golden().items() if k[0] == corpus} if GOLDEN.is_file() else {}
    now = {r[:3]: r[3] for r in rows}
    if UPDATE:
        _write_golden(rows, {k: v for k, v in (_read_golden() if GOLDEN.is_file() else {}).items() if k[0] != corpus})
        return
    moved = [f"  {d}:{c}: {golden.get((k, d, c), '<absent>') or 'null'} -> {now.get((k, d, c), '<absent>') or 'null'}"
             for (k, d, c) in sorted(set(golden) | set(now)) if golden.get((k, d, c)) != now.get((k, d, c))]  # fmt: skip
    assert not moved, f"{len(moved)} column verdicts of corpus {corpus!r} moved from the golden file:\n" + "\n".join(moved)


def test_golden_realworld():
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/realworld is not beside the repository (set PRIVACY_AUDIT_SHARED to its parent)")
    data = shared / "realworld" / "data"
    rows = _scan_verdicts("realworld", [(p.name, p) for p in sorted(data.glob("*.csv"))])
    assert len(rows) >= 400
    _compare("realworld", rows)


@pytest.fixture(scope="module")
def bench_paths(tmp_path_factory):
    faker = pytest.importorskip("faker")  # the bench generators write their tables with Faker (a dev dependency)
    if UPDATE:
        FAKER_VERSION.write_text(faker.VERSION + "\n", encoding="utf-8")
    elif FAKER_VERSION.read_text(encoding="utf-8").strip() != faker.VERSION:
        pytest.skip(f"golden verdicts of generated tables were written with Faker {FAKER_VERSION.read_text().strip()}, "
                    f"this is Faker {faker.VERSION}: other tables (rewrite with PRIVACY_AUDIT_UPDATE_GOLDEN=1)")
    groups = ("generated", *HELDOUT_SETS) + (("external",) if Path("/work/shared/external").is_dir() else ())
    return _bench_paths(groups, tmp_path_factory.mktemp("generated"))


@pytest.mark.parametrize("corpus", ["generated", "external", *HELDOUT_SETS])
def test_golden_bench_corpora(corpus, bench_paths):
    if corpus not in bench_paths:
        pytest.skip(f"corpus {corpus} is not available here")
    rows = _scan_verdicts(corpus, bench_paths[corpus])
    assert rows
    _compare(corpus, rows)
