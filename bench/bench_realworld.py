"""Scanner accuracy and speed on real tables nobody here wrote, with presidio-structured beside it, in one run.

Tables: every CSV of ``../shared/realworld/data`` (34 real public tables, labels in ``labels.json``;
see that folder's README for the sources and the labelling conventions; pass ``--dir`` for another copy).
Scoring is that of ``shared/realworld/score.py``: a column labelled ``"*"`` is skipped; a PII column is
a hit when the predicted entity is one of its accepted entities; for PII precision and recall any
entity counts as "PII found".

For each table, timed separately: our whole scan of the file (``scan(path)``: reading, sampling,
classification, table context) and presidio-structured's
``PandasAnalysisBuilder().generate_analysis(df, n=100)`` on the same table read by ``read_table``
(reading not timed) with Presidio's predefined recognizers on the same spaCy model. Both see the same
tables in the same process, so the wall-time ratio is measured under the same machine load.

Also a reliability table of our ``score``: columns binned by score, and per bin the share that is right.

    python bench/bench_realworld.py [--dir ../shared/realworld] [--skip-presidio] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_scan_accuracy import run_presidio_structured  # noqa: E402

from privacy_audit.scan import scan  # noqa: E402
from privacy_audit.sources import read_table  # noqa: E402


def default_dir() -> Path:
    """``shared/realworld`` beside the clone (or one level further up, as in a worktree)."""
    for cand in (HERE.parent.parent / "shared" / "realworld", HERE.parent.parent.parent / "shared" / "realworld"):
        if (cand / "labels.json").is_file():
            return cand
    return HERE.parent.parent / "shared" / "realworld"


BINS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01))


def score(pairs: list[tuple[list[str], str | None]]) -> dict:
    """pairs of (accepted entities, predicted) -> accuracy, PII precision and recall (score.py's rules)."""
    n = len(pairs)
    right = sum((pred is None and not acc) or (pred in acc) for acc, pred in pairs)
    tp = sum(bool(acc) and pred is not None for acc, pred in pairs)
    fp = sum(not acc and pred is not None for acc, pred in pairs)
    fn = sum(bool(acc) and pred is None for acc, pred in pairs)
    return {"columns": n, "accuracy": round(right / n, 3),
            "pii_precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "pii_recall": round(tp / (tp + fn), 3) if tp + fn else 1.0}  # fmt: skip


def reliability(rows: list[tuple[float, bool]]) -> list[dict]:
    """Per score bin: how many columns, and the share of them classified right."""
    out = []
    for lo, hi in BINS:
        got = [ok for s, ok in rows if lo <= s < hi]
        if got:
            out.append({"score": f"{lo:.2f}-{min(hi, 1.0):.2f}", "columns": len(got),
                        "right": round(sum(got) / len(got), 3)})  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=default_dir())
    ap.add_argument("--skip-presidio", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="print every wrong column")
    args = ap.parse_args(argv)
    labels = json.loads((args.dir / "labels.json").read_text(encoding="utf-8"))
    files = sorted((args.dir / "data").glob("*.csv"))
    scan(files[0], progress=False)  # load Presidio and spaCy once, untimed
    if not args.skip_presidio:
        run_presidio_structured(read_table(files[0]).head(5))
    pairs: dict[str, list] = {"ours": [], "presidio_structured": []}
    timing = {"ours": 0.0, "presidio_structured": 0.0}
    calib: list[tuple[float, bool]] = []
    wrong: list[str] = []
    for path in files:
        lab = labels[path.name]
        t = time.perf_counter()
        result = scan(path, progress=False)
        timing["ours"] += time.perf_counter() - t
        for c in result.columns:
            acc = lab.get(c.column)
            if acc is None or acc == "*":
                continue
            pairs["ours"].append((acc, c.entity))
            ok = (c.entity is None and not acc) or c.entity in acc
            calib.append((c.score, ok))
            if not ok:
                wrong.append(f"{path.name}:{c.column} expected {acc or 'none'} got {c.entity} ({c.evidence[:120]})")
        if not args.skip_presidio:
            theirs, secs = run_presidio_structured(read_table(path))
            timing["presidio_structured"] += secs
            for col, acc in lab.items():
                if acc != "*":
                    pairs["presidio_structured"].append((acc, theirs.get(col)))
        print(f"  {path.name:42s} done", flush=True)
    report: dict = {"tables": len(files), "timing_s": {k: round(v, 2) for k, v in timing.items()},
                    "ours": score(pairs["ours"]), "reliability_ours": reliability(calib)}  # fmt: skip
    if not args.skip_presidio:
        report["presidio_structured"] = score(pairs["presidio_structured"])
        report["speed_ratio_ours_over_theirs"] = round(timing["ours"] / timing["presidio_structured"], 4)
    print(json.dumps(report, indent=2))
    if args.verbose and wrong:
        print("wrong columns (ours):")
        for w in wrong:
            print("  " + w)
    return report


if __name__ == "__main__":
    main()
