"""Scanner accuracy and speed vs presidio-structured, on the same labeled tables, in one run.

Tables, in groups reported separately: "generated" (bench/gen_tables.py, labels in
bench/labels/generated_*.yaml) and "external" (the two files in ../shared/external, labels in
bench/labels/external_*.yaml) -- both in-sample: the rules were written while running them -- and one
group per bench/heldout*/ folder ("heldout", "heldout2", ...): gen_<folder>.py writes seeded tables
and labels.yaml holds labels written by hand, blind, and committed before the scanner was first run
on them. A held-out group is out-of-sample only in its first run; bench/HISTORY.md says which runs
were first runs and which groups later fixes were chosen from.
For each table: our ``scan()`` (default sample) and
presidio-structured's ``PandasAnalysisBuilder().generate_analysis(df, n=100)``, both timed.

Metrics per scanner: column accuracy (predicted entity == label, null == null), PII precision and
recall (a column is "PII" when its entity is not null), and exact-entity precision/recall.

    python bench/bench_scan_accuracy.py [--skip-presidio] [--rows 2000] [--groups heldout] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import importlib  # noqa: E402

from gen_tables import write_all  # noqa: E402

from privacy_audit.scan import scan  # noqa: E402
from privacy_audit.sources import read_table  # noqa: E402


def metrics(pairs: list[tuple[str | None, str | None]]) -> dict:
    """pairs of (label, predicted) -> accuracy and PII precision/recall."""
    n = len(pairs)
    acc = sum(lab == pred for lab, pred in pairs) / n
    tp = sum(lab is not None and pred is not None for lab, pred in pairs)
    fp = sum(lab is None and pred is not None for lab, pred in pairs)
    fn = sum(lab is not None and pred is None for lab, pred in pairs)
    exact_tp = sum(lab is not None and lab == pred for lab, pred in pairs)
    npred = sum(pred is not None for _, pred in pairs)
    nlab = sum(lab is not None for lab, _ in pairs)
    return {
        "columns": n,
        "accuracy": round(acc, 3),
        "pii_precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "pii_recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "entity_precision": round(exact_tp / npred, 3) if npred else 1.0,
        "entity_recall": round(exact_tp / nlab, 3) if nlab else 1.0,
    }


# Every bench/heldout*/ folder is a group: gen_<folder>.py with labels() and write_all(out_dir, rows).
HELDOUT = tuple(sorted((d.name for d in HERE.glob("heldout*") if (d / f"gen_{d.name}.py").is_file()),
                       key=lambda name: (len(name), name)))  # fmt: skip
GROUPS = ("generated", "external", *HELDOUT)


def load_tables(rows: int, groups: tuple[str, ...] = GROUPS) -> list[tuple[str, str, Path, dict]]:
    """(group, table, path, labels) for every labeled table of ``groups``."""
    out = []
    tmp = Path(tempfile.mkdtemp(prefix="pa-bench-"))
    if "generated" in groups:
        for table, path in write_all(tmp / "generated", rows).items():
            labels = yaml.safe_load((HERE / "labels" / f"generated_{table}.yaml").read_text())["columns"]
            out.append(("generated", table, path, labels))
    if "external" in groups:
        for lf in sorted((HERE / "labels").glob("external_*.yaml")):
            doc = yaml.safe_load(lf.read_text())
            out.append(("external", doc["table"], Path(doc["file"]), doc["columns"]))
    for group in HELDOUT:
        if group in groups:
            gen = importlib.import_module(f"{group}.gen_{group}")
            held_labels = gen.labels()
            for table, path in gen.write_all(tmp / group, rows).items():
                out.append((group, table, path, held_labels[table]))
    return out


def run_presidio_structured(df):
    from presidio_structured import PandasAnalysisBuilder

    from privacy_audit.detect import get_analyzer

    # Presidio's own engine with the same offline spaCy model; its default recognizers only.
    builder = PandasAnalysisBuilder(analyzer=_plain_analyzer() or get_analyzer())
    t = time.perf_counter()
    analysis = builder.generate_analysis(df.astype(str), n=100)
    return dict(analysis.entity_mapping), time.perf_counter() - t


_PLAIN = None


def _plain_analyzer():
    """An AnalyzerEngine with Presidio's predefined recognizers only (what a user gets by default)."""
    global _PLAIN
    if _PLAIN is None:
        from presidio_analyzer import AnalyzerEngine

        from privacy_audit.detect import get_nlp_engine

        _PLAIN = AnalyzerEngine(nlp_engine=get_nlp_engine(), supported_languages=["en"])
    return _PLAIN


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="scanner accuracy vs presidio-structured")
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--skip-presidio", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="print every wrong column")
    ap.add_argument("--groups", default=",".join(GROUPS), help=f"comma-separated subset of {GROUPS}")
    args = ap.parse_args(argv)
    groups = tuple(g for g in GROUPS if g in args.groups.split(","))

    # load Presidio and spaCy once, untimed, for both scanners
    warm = pd.DataFrame({"who": ["Jane Doe", "John Smith"], "note": ["Call Jane Doe at home today please"] * 2})
    scan(warm, progress=False)
    tables = load_tables(args.rows, groups)
    rows = {who: {g: [] for g in groups} for who in ("ours", "presidio_structured")}
    timing = {"ours": 0.0, "presidio_structured": 0.0}
    wrong: list[str] = []
    for group, table, path, labels in tables:
        t = time.perf_counter()
        result = scan(path, progress=False)
        timing["ours"] += time.perf_counter() - t
        ours = {c.column: c.entity for c in result.columns}
        for col, lab in labels.items():
            rows["ours"][group].append((lab, ours.get(str(col))))
            if ours.get(str(col)) != lab:
                ev = next(c.evidence for c in result.columns if c.column == str(col))
                wrong.append(f"ours {group}/{table}.{col}: label={lab} got={ours.get(str(col))} ({ev[:160]})")
        if not args.skip_presidio:
            df = read_table(path)
            theirs, secs = run_presidio_structured(df)
            timing["presidio_structured"] += secs
            for col, lab in labels.items():
                rows["presidio_structured"][group].append((lab, theirs.get(str(col))))
        print(f"  {group:9s} {table:28s} ours done" + ("" if args.skip_presidio else f", presidio-structured {secs:6.1f}s"),
              flush=True)  # fmt: skip
    report: dict = {"tables": len(tables), "timing_s": {k: round(v, 2) for k, v in timing.items()}}
    for who in rows:
        if who == "presidio_structured" and args.skip_presidio:
            continue
        for group in groups:
            report[f"{who}/{group}"] = metrics(rows[who][group])
        in_sample = [p for g in ("generated", "external") if g in groups for p in rows[who][g]]
        if in_sample:
            report[f"{who}/in_sample"] = metrics(in_sample)
    if not args.skip_presidio and timing["presidio_structured"]:
        report["speed_ratio_ours_over_theirs"] = round(timing["ours"] / timing["presidio_structured"], 4)
    print(json.dumps(report, indent=2))
    if wrong:
        print("wrong columns (ours):")
        for w in wrong:
            print("  " + w)
    return report


if __name__ == "__main__":
    main()
