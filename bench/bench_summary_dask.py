"""Dask benchmark of the checks' summary step (issue 22, item 5): per-partition column summaries on 2 workers.

``privacy_audit.engine.dataset_summaries`` builds the per-column summaries of a partitioned dataset
(one task per Parquet row group: read the partition, summarise it) and merges them in row-id order.
This measures, on the ``events`` dataset of a scaled sample estate (``bench/out/check/x<N>``, made by
``bench_check.py``), in one process:

* ``serial``  -- the same per-partition function run in this process, one partition after another;
* ``dask``    -- on a local cluster of 2 single-threaded worker processes (started before timing;
  its start-up is reported apart);
* ``merge``   -- the merge of the partition summaries alone (the driver's serial part).

It reports the speed-up, the measured serial fraction ``s`` (merge + driver overhead over the serial
time) and Amdahl's ceiling on 2 workers ``1 / (s + (1 - s) / 2)``; and, for the whole ``check``,
the share of its CPU the summary step takes (from a run of ``check`` in this process).

Usage: ``python bench/bench_summary_dask.py --scale 10 [--runs 3]``; results as one JSON line in
``bench/out/check/summary_dask.jsonl`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "check"


def _timed(fn):
    start, cpu0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - start, time.process_time() - cpu0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dataset", default="events")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from privacy_audit import engine, sources
    from privacy_audit.checks import run_checks, subject_ids
    from privacy_audit.checks.summary import merge_summaries, summarize_chunk
    from privacy_audit.datamap import load_datamap

    folder = OUT / f"x{args.scale}"
    if not (folder / "_COMPLETE").exists():
        print(f"{folder}: no estate (run bench/bench_check.py --scales {args.scale} first)", file=sys.stderr)
        return 2
    dm = load_datamap(folder / "datamap.yaml")
    ds = dm.dataset(args.dataset)
    parts = sources.partitions(ds.path)

    def _part(p):
        df = sources.read_partition(p)
        return summarize_chunk(df, subject_ids(ds, df) if ds.subject_key else None, offset=p.offset)

    _, start_wall, _ = _timed(engine.get_client)
    engine.dataset_summaries(ds, engine="dask")  # warm the workers (imports)

    serial, dask, merge = [], [], []
    for _ in range(args.runs):
        base, wall, cpu = _timed(lambda: engine.dataset_summaries(ds, engine="pandas"))
        serial.append((wall, cpu))
        on_dask, wall, cpu = _timed(lambda: engine.dataset_summaries(ds, engine="dask"))
        dask.append((wall, cpu))
        assert on_dask == base, "summaries on Dask differ from the serial ones"
        pieces = [_part(p) for p in parts]
        _, wall, _ = _timed(lambda pieces=pieces: merge_summaries(pieces))
        merge.append(wall)
    engine.close_clients()

    # the summary step's share of a whole check run (in this process, pandas engine)
    import privacy_audit.checks as checks_mod

    spent = [0.0]
    original = checks_mod.CheckContext.summaries

    def counted(self, dataset):
        cpu0 = time.process_time()
        try:
            return original(self, dataset)
        finally:
            spent[0] += time.process_time() - cpu0

    checks_mod.CheckContext.summaries = counted
    _, check_wall, check_cpu = _timed(lambda: run_checks(dm))
    checks_mod.CheckContext.summaries = original

    med = statistics.median
    s_wall, d_wall = med(w for w, _ in serial), med(w for w, _ in dask)
    m_wall = med(merge)
    fraction = min(1.0, m_wall / s_wall) if s_wall else 1.0
    ceiling = 1 / (fraction + (1 - fraction) / 2)
    share = spent[0] / check_cpu if check_cpu else 0.0
    check_ceiling = 1 / ((1 - share) + share / ceiling)
    row = {
        "scale": args.scale, "dataset": args.dataset, "partitions": len(parts), "runs": args.runs,
        "cluster_start_s": start_wall, "serial_wall": s_wall, "serial_cpu": med(c for _, c in serial),
        "dask_wall": d_wall, "dask_driver_cpu": med(c for _, c in dask),
        "merge_wall": m_wall, "speedup": s_wall / d_wall if d_wall else None, "serial_fraction": fraction,
        "amdahl_ceiling_2": ceiling, "check_cpu": check_cpu, "check_wall": check_wall,
        "summary_share_of_check_cpu": share, "check_ceiling_2": check_ceiling,
    }  # fmt: skip
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "summary_dask.jsonl").open("a") as fh:
        fh.write(json.dumps(row) + "\n")
    print("| scale | partitions | serial wall s (CPU) | Dask 2 workers wall s | speed-up | merge s | serial fraction "
          "| Amdahl ceiling (2) | summary share of check CPU | check ceiling (2) |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.scale}x | {len(parts)} | {s_wall:.2f} ({row['serial_cpu']:.2f}) | {d_wall:.2f} | "
          f"{row['speedup']:.2f}x | {m_wall:.3f} | {fraction:.3f} | {ceiling:.2f}x | {share:.1%} | {check_ceiling:.3f}x |")  # fmt: skip
    print(f"cluster start-up {start_wall:.1f} s (not in the Dask figure)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
