"""Scanner growth: classify a generated 12-column Parquet file of 10,000 rows and of 1,000,000 rows.

Sampling (a seeded sample of rows per column) and early stop make the time nearly independent of
the row count; reading the larger file is the only part that grows. The 1M-row file is written in
two layouts: row groups of 100,000 rows, and pyarrow's default (one row group). For large Parquet
files the scanner decodes only the heads of a few random row groups in small record batches, so a
single big row group is never decoded whole; for comparison the bench also times decoding that
row group whole (``pq.read_table``), which is what the scanner did before. Prints wall times, the
ratios, whether the three files get the same verdicts, and peak memory (``resource.getrusage``
max RSS of this process, and tracemalloc's Python peak during each large scan).

    python bench/bench_scan_speed.py [--big 1000000] [--small 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from gen_tables import generate  # noqa: E402

from privacy_audit.scan import scan  # noqa: E402


def make_parquet(path: Path, rows: int, seed: int = 3, row_group_size: int | None = 100_000) -> None:
    """A 12-column table of ``rows`` rows: 2,000 Faker rows tiled, plus unique ids and amounts.
    ``row_group_size=None`` writes pyarrow's default (one row group up to 1Mi rows)."""
    base, _ = generate("crm_en", rows=2000, seed=seed)
    base = base[["full_name", "email", "phone", "street_address", "city", "zip", "date_of_birth",
                 "signup_ts", "plan", "ssn"]].astype(str)  # fmt: skip
    reps = -(-rows // len(base))
    df = pd.concat([base] * reps, ignore_index=True).iloc[:rows]
    rng = np.random.default_rng(seed)
    df.insert(0, "customer_id", np.arange(1, rows + 1))
    df["amount"] = rng.uniform(0, 1000, rows).round(2)
    df.to_parquet(path, index=False, row_group_size=row_group_size)


def timed_scan(path: Path) -> tuple[float, dict]:
    t = time.perf_counter()
    result = scan(path, progress=False)
    return time.perf_counter() - t, {c.column: c.entity for c in result.columns}


def traced_peak_mb(path: Path) -> float:
    """tracemalloc's peak of Python allocations during one scan of ``path`` (Arrow buffers untraced)."""
    tracemalloc.start()
    timed_scan(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 1e6, 1)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="scanner growth benchmark")
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--big", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="pa-speed-"))
    small, big, big1 = tmp / "small.parquet", tmp / "big.parquet", tmp / "big_one_group.parquet"
    make_parquet(small, args.small)
    make_parquet(big, args.big)
    make_parquet(big1, args.big, row_group_size=None)
    scan(small, progress=False)  # warm-up: load Presidio and spaCy, untimed
    t_small = min(timed_scan(small)[0] for _ in range(args.repeat))
    t_big = min(timed_scan(big)[0] for _ in range(args.repeat))
    t_big1 = min(timed_scan(big1)[0] for _ in range(args.repeat))
    verdicts = [timed_scan(p)[1] for p in (small, big, big1)]
    t0 = time.perf_counter()
    pq.read_table(big1)
    t_whole = time.perf_counter() - t0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {
        "rows_small": args.small,
        "rows_big": args.big,
        "columns": 12,
        "pii_columns_found": sum(e is not None for e in verdicts[0].values()),
        "same_verdicts_all_three_files": verdicts[0] == verdicts[1] == verdicts[2],
        "file_mb_big": round(big.stat().st_size / 1e6, 1),
        "seconds_small": round(t_small, 3),
        "seconds_big": round(t_big, 3),
        "ratio_big_over_small": round(t_big / t_small, 2),
        "row_groups_big": "100,000 rows each",
        "seconds_big_single_row_group": round(t_big1, 3),
        "ratio_big_single_row_group_over_small": round(t_big1 / t_small, 2),
        "seconds_decode_single_row_group_whole_for_comparison": round(t_whole, 3),
        "peak_rss_mb": round(rss_kb / 1024, 1),
        "tracemalloc_peak_mb_big_scan": traced_peak_mb(big),
        "tracemalloc_peak_mb_big_single_row_group_scan": traced_peak_mb(big1),
    }
    print(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
