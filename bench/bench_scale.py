"""Scale benchmark (issue 10): full-coverage scan and subject search, pandas engine vs Dask.

Generates (under bench/out/scale/, never committed) hive-partitioned Parquet event estates with
numpy/pyarrow, in row groups of 250,000 rows: 2.5 M and 10 M rows. Each measurement runs in its own
child process so that its peak memory (``ru_maxrss``) is its own:

* ``scan``   -- ``engine.scan(folder, full=True)``: every cell of every column examined. pandas
  streams one row group at a time in this process; Dask (local cluster, 2 single-threaded worker
  processes) computes the per-row-group distinct-value statistics on the workers and classifies one
  column per task. Results are asserted identical between the engines.
* ``search`` -- subject search for one subject (token + e-mail + IP) over the same estate: pandas
  streamed per row group vs Dask per row group. Row ids asserted identical.

Also per run: CPU seconds (driver + workers, ``getrusage``), the 1-minute load average before and
after, and "cores free": :func:`capacity` measured just before and after the pair (the box is
shared; two pure-Python processes get 2.0 cores only when nothing else runs).

Peak memory: driver ``RUSAGE_SELF`` max RSS; for Dask also each worker process's own max RSS
(``client.run`` of ``getrusage(RUSAGE_SELF)`` inside the worker).

Usage: ``python bench/bench_scale.py`` (or ``make bench``); ``--rows 10000000`` for one size only,
``--task scan`` for one task only.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "scale"
ROW_GROUP = 250_000
SIZES = (2_500_000, 10_000_000)
SEED = 20261129


# ----------------------------------------------------------------------------------- estate


def _vocab(rng, n: int, make) -> object:
    import numpy as np

    return np.array([make(i, rng) for i in range(n)], dtype=object)


def generate(rows: int) -> Path:
    """A hive-partitioned Parquet event estate of ``rows`` rows (day=... folders, 2 row groups each)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = OUT / f"events_{rows}"
    done = folder / "_COMPLETE"
    if done.exists():
        return folder
    rng = np.random.default_rng(SEED)
    tokens = np.array([f"u_{x:016x}" for x in rng.integers(0, 2**63, 200_000)], dtype=object)
    ips = np.array([f"{a}.{b}.{c}.{d}" for a, b, c, d in rng.integers(1, 255, (150_000, 4))], dtype=object)
    first = ["ann", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kai", "lu"]
    emails = np.array([f"{first[i % 12]}.{i}@mail{i % 7}.example.com" for i in range(50_000)], dtype=object)
    pages = np.array([f"/p/{i // 10}/item-{i}" for i in range(500)], dtype=object)
    kinds = np.array(["open", "view", "click", "buy", "share", "search", "close", "login", "logout", "rate",
                      "scroll", "error"], dtype=object)  # fmt: skip
    countries = np.array(["US", "DE", "FR", "ES", "IT", "GB", "CA", "MX", "BR", "IN", "JP", "AU", "NL", "SE",
                          "PL", "PT", "IE", "NO", "DK", "FI", "AT", "CH", "BE", "CZ", "GR", "TR", "ZA", "AR",
                          "CL", "NZ"], dtype=object)  # fmt: skip
    oses = np.array(["ios", "android", "web", "macos", "windows", "linux"], dtype=object)
    versions = np.array([f"3.{i // 10}.{i % 10}" for i in range(40)], dtype=object)
    start = np.datetime64("2026-09-01T00:00", "m")
    folder.mkdir(parents=True, exist_ok=True)
    groups_per_file = 2
    per_file = ROW_GROUP * groups_per_file
    for f in range(-(-rows // per_file)):
        day = start + np.timedelta64(f, "D")
        part = folder / f"day={str(day)[:10]}"
        part.mkdir(exist_ok=True)
        writer = None
        for _ in range(groups_per_file):
            n = min(ROW_GROUP, rows - f * per_file - (0 if writer is None else ROW_GROUP))
            if n <= 0:
                break
            email = emails[rng.integers(0, len(emails), n)]
            email[rng.random(n) > 0.05] = None
            amount = np.round(rng.gamma(2.0, 20.0, n), 2)
            amount[rng.random(n) > 0.3] = np.nan
            minutes = rng.integers(0, 60 * 24 * 60, n)
            table = pa.table({
                "user_token": tokens[rng.integers(0, len(tokens), n)],
                "ts": pa.array((start + minutes.astype("timedelta64[m]")).astype("datetime64[ms]"),
                               type=pa.timestamp("ms", tz="UTC")),
                "event_type": kinds[rng.integers(0, len(kinds), n)],
                "page": pages[rng.integers(0, len(pages), n)],
                "ip": ips[rng.integers(0, len(ips), n)],
                "country": countries[rng.integers(0, len(countries), n)],
                "device_os": oses[rng.integers(0, len(oses), n)],
                "app_version": versions[rng.integers(0, len(versions), n)],
                "amount": amount,
                "contact_email": pa.array(email, type=pa.string()),
            })  # fmt: skip
            if writer is None:
                writer = pq.ParquetWriter(part / "part-0.parquet", table.schema)
            writer.write_table(table, row_group_size=ROW_GROUP)
        if writer is not None:
            writer.close()
    done.write_text(str(rows))
    return folder


def _datamap(folder: Path) -> Path:
    path = folder.parent / f"{folder.name}_datamap.yaml"
    path.write_text(
        "organization: Bench Co\n"
        "datasets:\n"
        f"  - name: events\n    path: {folder.name}\n    zone: pseudonymous\n    subject_key: user_token\n"
        "    columns: {contact_email: EMAIL_ADDRESS, ip: IP_ADDRESS}\n"
    )
    return path


def _subject(folder: Path):
    """A subject known by token, e-mail and IP (taken from the first row group)."""
    import pyarrow.parquet as pq

    from privacy_audit.subjects import Subject

    first = sorted(folder.glob("day=*/part-0.parquet"))[0]
    t = pq.ParquetFile(first).read_row_group(0, columns=["user_token", "ip", "contact_email"]).to_pandas()
    row = t[t["contact_email"].notna()].iloc[0]
    ids = {"tokens": frozenset({row["user_token"]}), "emails": frozenset({row["contact_email"]}),
           "ips": frozenset({row["ip"]})}  # fmt: skip
    return Subject(row["user_token"], True, ("token",), ids, "bench-subject", exclusive=ids)


# ------------------------------------------------------------------------------------ child


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak_mb() -> float:
    import resource as r

    return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds (user + system) this process has used so far."""
    import resource as r

    u = r.getrusage(r.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def _load() -> float:
    import os

    return os.getloadavg()[0]


def child(task: str, engine_name: str, rows: int) -> dict:
    from privacy_audit import engine
    from privacy_audit.datamap import load_datamap

    folder = OUT / f"events_{rows}"
    out: dict = {"task": task, "engine": engine_name, "rows": rows}
    client = engine.get_client() if engine_name == "dask" else None
    if client is not None:  # warm the workers (imports) outside the timing, as pandas imports are warm
        client.run(lambda: __import__("privacy_audit.engine") and None)
    cpu0 = _cpu_s() + sum(client.run(_cpu_s).values() if client is not None else [])
    out["load_before"] = _load()
    if task == "scan":
        t = time.perf_counter()
        result = engine.scan(folder, full=True, engine=engine_name, chunksize=ROW_GROUP)
        out["seconds"] = time.perf_counter() - t
        assert not result.errors, result.errors
        out["result"] = result.to_frame().drop(columns=["dataset"]).to_dict("records")
    else:
        dm = load_datamap(_datamap(folder))
        subject = _subject(folder)
        t = time.perf_counter()
        data = engine.find_subject_data(dm, subject, engine=engine_name, chunksize=ROW_GROUP)
        out["seconds"] = time.perf_counter() - t
        assert not data.errors, data.errors
        out["result"] = [list(m.row_ids) for m in data.datasets]
    out["cpu_seconds"] = _cpu_s() + sum(client.run(_cpu_s).values() if client is not None else []) - cpu0
    out["load_after"] = _load()
    out["driver_peak_mb"] = _peak_mb()
    if client is not None:
        out["worker_peak_mb"] = sorted(client.run(_worker_peak_mb).values())
        engine.close_clients()
    return out


def _spin(_: int = 0) -> float:
    t = time.perf_counter()
    x = 0
    for i in range(20_000_000):
        x += i
    return time.perf_counter() - t


def capacity() -> float:
    """How many cores this box gives two busy Python processes right now: 2 x (time of one spin
    alone) / (slower of two spins run at once); 2.0 on two idle cores, less when shared."""
    from multiprocessing import Pool

    alone = _spin()
    with Pool(2) as pool:
        both = pool.map(_spin, [0, 1])
    return 2 * alone / max(both)


def _run_child(task: str, engine_name: str, rows: int) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", task, engine_name, str(rows)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"child {task}/{engine_name}/{rows} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", nargs=3, metavar=("TASK", "ENGINE", "ROWS"))
    ap.add_argument("--rows", type=int, action="append")
    ap.add_argument("--task", choices=("scan", "search"), action="append", help="default: both")
    args = ap.parse_args()
    if args.child:
        task, eng, rows = args.child
        print(json.dumps(child(task, eng, int(rows)), default=str))
        return 0
    sizes = tuple(args.rows or SIZES)
    for rows in sizes:
        t = time.perf_counter()
        folder = generate(rows)
        size_mb = sum(p.stat().st_size for p in folder.rglob("*.parquet")) / 2**20
        print(f"estate {folder.relative_to(ROOT)}: {rows:,} rows, {size_mb:.0f} MB Parquet "
              f"(generated or reused in {time.perf_counter() - t:.1f} s)", flush=True)  # fmt: skip
    print("\n| task | rows | engine | seconds | CPU seconds | load avg before/after | driver peak RSS MB "
          "| worker peak RSS MB | pandas / dask |")  # fmt: skip
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    ok = True
    for task in args.task or ("scan", "search"):
        for rows in sizes:
            cap = capacity()
            res = {eng: _run_child(task, eng, rows) for eng in ("pandas", "dask")}
            cap = (cap + capacity()) / 2
            same = res["pandas"]["result"] == res["dask"]["result"]
            ok &= same
            ratio = res["pandas"]["seconds"] / res["dask"]["seconds"]
            for eng in ("pandas", "dask"):
                r = res[eng]
                workers = ", ".join(f"{w:.0f}" for w in r.get("worker_peak_mb", [])) or "-"
                shown = f"{ratio:.2f}x (cores free: {cap:.2f})" if eng == "dask" else ("identical" if same else "DIFFERENT")
                print(f"| {task} | {rows:,} | {eng} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} "
                      f"| {r['load_before']:.1f} / {r['load_after']:.1f} | {r['driver_peak_mb']:.0f} | {workers} | {shown} |",
                      flush=True)  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
