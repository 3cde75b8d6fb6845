"""Re-identification risk at scale (issue 20): 10 million synthetic records, measured in one run.

The records are generated here with numpy (no word lists): a 5-digit postal code drawn from 30,000
codes, a birth date in 1940-2007, a gender of three values, and a numeric satisfaction score as the
sensitive attribute. Timed, each best of ``--repeat`` runs, in this order:

* baseline: ``frame.groupby(qis, dropna=False).size()`` -- a plain pandas group-by count, which gives
  the class sizes and nothing else;
* ``equivalence_classes`` (class of every row, sizes, k, distribution);
* ``risk_profile`` without attribute contribution (k, prosecutor / journalist / marketer risk,
  uniqueness, l-diversity and t-closeness of the sensitive attribute);
* ``attribute_contribution`` (every subset of the three quasi-identifiers: 7 group-bys);
* ``propose`` (the least-loss generalisation search) on a 1,000,000-record slice.

Usage: ``python bench/bench_risk.py [--rows 10000000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from privacy_audit.anonymize import build_hierarchies, propose  # noqa: E402
from privacy_audit.risk import attribute_contribution, equivalence_classes, risk_profile  # noqa: E402

QIS = ["postal_code", "date_of_birth", "gender"]


def make(n: int, seed: int = 20) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    codes = np.char.zfill(rng.integers(0, 100_000, 30_000).astype(str), 5)
    start = np.datetime64("1940-01-01")
    days = rng.integers(0, (np.datetime64("2007-12-31") - start).astype(int), n)
    return pd.DataFrame({
        "postal_code": pd.Series(codes[rng.integers(0, codes.size, n)], dtype="str"),
        "date_of_birth": pd.Series((start + days).astype("datetime64[D]").astype(str), dtype="str"),
        "gender": pd.Series(np.array(["female", "male", "non-binary"])[rng.choice(3, n, p=[.49, .49, .02])],
                            dtype="str"),
        "satisfaction": rng.integers(1, 6, n),
    })  # fmt: skip


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    t = time.perf_counter()
    df = make(a.rows)
    print(f"generated {len(df):,} records in {time.perf_counter() - t:.1f} s", flush=True)

    base, sizes = best(lambda: df.groupby(QIS, dropna=False, sort=False).size(), a.repeat)
    print(f"baseline pandas groupby(...).size():        {base:7.2f} s  ({len(sizes):,} classes, k = {sizes.min()})")
    ec_t, ec = best(lambda: equivalence_classes(df, QIS), a.repeat)
    assert ec.n_classes == len(sizes) and ec.k == sizes.min()
    print(f"equivalence_classes:                         {ec_t:7.2f} s  ratio {ec_t / base:.2f}")
    rp_t, rp = best(lambda: risk_profile(df, QIS, sensitive=["satisfaction"], contribution_k=None), a.repeat)
    print(f"risk_profile (3 models, l, t):               {rp_t:7.2f} s  ratio {rp_t / base:.2f}  [{rp.summary()}]")
    ac_t, ac = best(lambda: attribute_contribution(df, QIS, k=5), a.repeat)
    print(f"attribute_contribution (7 subsets):          {ac_t:7.2f} s  ratio {ac_t / base:.2f}  [{ac.summary()}]")
    part = df.head(1_000_000)
    hs = build_hierarchies(part, QIS, reference="2026-11-01")
    pr_t, plan = best(lambda: propose(part, hs, k=5, max_suppression=0.05), 1)
    print(f"propose on 1,000,000 records:                {pr_t:7.2f} s  ({plan.nodes_evaluated} nodes; "
          f"{plan.describe()}; loss {plan.loss:.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
