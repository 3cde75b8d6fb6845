"""Check benchmark (issue 22, items 2-5): ``check`` and ``scan`` against the cost of reading the estate.

Scaled copies of the sample estate (``data_samples/generate.py --scale N``: subjects and rows scaled
together) are written under ``bench/out/check/x<N>/`` (never committed). For each scale, in one run,
each measurement in its own child process (so its peak RSS, ``ru_maxrss``, is its own):

* ``floor``      -- read every dataset file once with pandas / pyarrow (CSV, Parquet, JSON lines; log
  and vault files as bytes and lines), keeping none: the cost of reading the data.
* ``check``      -- ``privacy-audit check DATAMAP --format json`` (stdout discarded).
* ``check-dask`` -- the same with ``--engine dask`` (local cluster, 2 workers), new code only.
* ``scan``       -- ``privacy-audit scan ESTATE --format json --no-progress`` (sampled, the default).
* ``scan-full``  -- the same with ``--full``.

"before" runs the code of ``--baseline`` (default: main at bc0f73c), "after" the code of ``--after``
(default: HEAD), each unpacked with ``git archive`` into ``bench/out/check/code-<commit>``; both against the same estates, in
the same run, interleaved per repetition. Each cell is the median of ``--runs`` repetitions (``--runs-100``
at 100x). CPU seconds (user + system of the child) are reported beside wall time: the machine is shared.

Usage: ``python bench/bench_check.py [--scales 1 10 100] [--runs 3] [--runs-100 1]
[--tasks floor check scan scan-full check-dask]``; results as JSON lines in ``bench/out/check/results.jsonl``
and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "check"
BASE_COMMIT = "bc0f73c"
TIMEOUT = 3600


# ------------------------------------------------------------------------------------ estates


def estate(scale: int) -> Path:
    """The estate at ``scale`` (generated once)."""
    folder = OUT / f"x{scale}"
    done = folder / "_COMPLETE"
    if not done.exists():
        subprocess.run([sys.executable, str(ROOT / "data_samples" / "generate.py"), "--out", str(folder),
                        "--scale", str(scale)], check=True)  # fmt: skip
        done.write_text("ok\n")
    return folder


def snapshot(commit: str) -> Path:
    """The package at ``commit`` unpacked under bench/out/check/code-<commit> (no worktree, no git state)."""
    folder = OUT / f"code-{commit}"
    if not (folder / "privacy_audit").exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "privacy_audit"],
                                 check=True, capture_output=True).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def wide_tables() -> dict[str, Path]:
    """A wide table (200 columns x 10,000 rows: the generated corpora's tables side by side, columns
    renamed per copy) and a very wide one (20,000 columns x 20 rows of small numbers), as CSV."""
    import numpy as np
    import pandas as pd

    OUT.mkdir(parents=True, exist_ok=True)
    wide, widest = OUT / "wide_200x10000.csv", OUT / "widest_20000x20.csv"
    if not wide.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from gen_tables import TABLES, generate

        parts, n = [], 0
        for copy in range(20):
            for name in TABLES:
                df, _ = generate(name, rows=10_000, seed=7 + copy)
                parts.append(df.add_prefix(f"t{copy}_"))
                n += df.shape[1]
                if n >= 200:
                    break
            if n >= 200:
                break
        pd.concat(parts, axis=1).iloc[:, :200].to_csv(wide, index=False)
    if not widest.exists():
        rng = np.random.default_rng(0)
        pd.DataFrame(rng.integers(0, 1000, size=(20, 20_000)),
                     columns=[f"c{i}" for i in range(20_000)]).to_csv(widest, index=False)  # fmt: skip
    return {"wide": wide, "widest": widest}


# ------------------------------------------------------------------------------------ children


def _floor(folder: Path) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    for path in sorted(folder.rglob("*")):
        # the data only: not markers, nor per-estate state (a subject index, a journal) in dot folders
        if not path.is_file() or any(part.startswith(("_", ".")) for part in path.relative_to(folder).parts):
            continue
        suffix = path.suffix.lower()
        if suffix == ".csv":
            pd.read_csv(path, dtype=str, keep_default_na=False)
        elif suffix == ".parquet":
            pq.read_table(path).to_pandas()
        elif suffix in {".jsonl", ".json"} and path.stat().st_size:
            try:
                pd.read_json(path, lines=suffix == ".jsonl")
            except ValueError:
                path.read_bytes()
        elif suffix == ".log":
            path.read_text(encoding="utf-8", errors="replace").splitlines()
        else:
            path.read_bytes()


def child(task: str, scale: int, code: str, result: str) -> None:
    """Run one measurement in this process and write wall, CPU and peak RSS to ``result``."""
    folder = estate(scale) if scale else None
    sys.path.insert(0, code)
    os.environ["PYTHONPATH"] = code  # Dask workers and any grandchild run the same code
    start, cpu0 = time.perf_counter(), time.process_time()
    rc = 0
    if task == "floor":
        _floor(folder)
    elif task in {"wide-read", "widest-read"}:
        import pandas as pd

        pd.read_csv(wide_tables()[task.split("-")[0]], dtype=str, keep_default_na=False)
    elif task == "wide-presidio":  # presidio-structured (n=100), as in bench_realworld.py
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_scan_accuracy import run_presidio_structured

        from privacy_audit.sources import read_table

        df = read_table(wide_tables()["wide"])
        start, cpu0 = time.perf_counter(), time.process_time()  # reading not timed, as there
        run_presidio_structured(df)
    else:
        from privacy_audit.cli import run_guarded

        args = {
            "check": ["check", str(folder / "datamap.yaml"), "--format", "json"],
            "check-dask": ["check", str(folder / "datamap.yaml"), "--format", "json", "--engine", "dask"],
            "scan": ["scan", str(folder), "--format", "json", "--no-progress"],
            "scan-full": ["scan", str(folder), "--format", "json", "--no-progress", "--full"],
        } if folder else {
            "wide": ["scan", str(wide_tables()["wide"]), "--format", "json", "--no-progress"],
            "wide-full": ["scan", str(wide_tables()["wide"]), "--format", "json", "--no-progress", "--full"],
            "widest": ["scan", str(wide_tables()["widest"]), "--format", "json", "--no-progress"],
        }
        args = args[task]
        devnull = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(1)
        os.dup2(devnull, 1)
        try:
            rc = run_guarded(args)
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    Path(result).write_text(json.dumps({
        "wall": wall, "cpu": time.process_time() - cpu0, "rss_mb": usage.ru_maxrss / 1024, "rc": rc,
    }))  # fmt: skip


def measure(task: str, scale: int, code: Path) -> dict:
    """One measurement in a child process (its own peak RSS)."""
    result = OUT / f".result-{os.getpid()}.json"
    result.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    try:
        proc = subprocess.run([sys.executable, __file__, "--child", task, str(scale), str(code), str(result)],
                              env=env, capture_output=True, text=True, timeout=TIMEOUT)  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"wall": None, "cpu": None, "rss_mb": None, "rc": "timeout"}
    if proc.returncode != 0 or not result.exists():
        return {"wall": None, "cpu": None, "rss_mb": None, "rc": f"failed: {proc.stderr.strip()[-300:]}"}
    out = json.loads(result.read_text())
    result.unlink()
    return out


# ------------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=4, metavar=("TASK", "SCALE", "CODE", "RESULT"), help=argparse.SUPPRESS)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-100", type=int, default=1, help="repetitions at scales >= 100 (time box)")
    parser.add_argument("--tasks", nargs="+", default=["floor", "check", "scan", "scan-full", "check-dask"])
    parser.add_argument("--baseline", default=BASE_COMMIT, help="commit of the 'before' code")
    parser.add_argument("--after", default="HEAD", help="commit of the 'after' code (default HEAD)")
    parser.add_argument("--no-baseline", action="store_true", help="measure the 'after' code only")
    parser.add_argument("--before-only", action="store_true", help="measure the 'before' code only")
    parser.add_argument("--wide", action="store_true",
                        help="scan a 200 x 10,000 and a 20,000 x 20 CSV instead (tasks wide-read wide wide-full "
                             "widest-read widest wide-presidio)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.child:
        task, scale, code, result = args.child
        child(task, int(scale), code, result)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    after = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.after],
                           check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
    print(f"before: {args.baseline}, after: {after}", file=sys.stderr)
    codes = {"after": snapshot(after)}
    if not args.no_baseline:
        codes = {"before": snapshot(args.baseline), **codes}
    if args.before_only:
        codes = {"before": codes["before"]}
    log = OUT / "results.jsonl"
    rows = []
    plan = [(scale, args.tasks) for scale in args.scales]
    if args.wide:
        wide_tables()
        tasks = args.tasks if args.tasks != parser.get_default("tasks") else [
            "wide-read", "wide", "wide-full", "widest-read", "widest", "wide-presidio"]
        plan = [(0, tasks)]
    for scale, tasks in plan:
        if scale:
            estate(scale)
        runs = args.runs_100 if scale >= 100 else args.runs
        for task in tasks:
            single = {"floor", "check-dask", "wide-read", "widest-read", "wide-presidio"}
            sides = ["after"] if task in single and "after" in codes else list(codes)
            samples: dict[str, list[dict]] = {side: [] for side in sides}
            for _ in range(runs):
                for side in sides:
                    m = measure(task, scale, codes[side])
                    m.update(task=task, scale=scale, side=side, load=os.getloadavg()[0],
                             at=time.strftime("%H:%M:%S", time.gmtime()))  # fmt: skip
                    with log.open("a") as fh:
                        fh.write(json.dumps(m) + "\n")
                    print(json.dumps(m), file=sys.stderr, flush=True)
                    samples[side].append(m)
            for side, ms in samples.items():
                ok = [m for m in ms if m["wall"] is not None]
                rows.append({
                    "scale": scale, "task": task, "side": side, "n": len(ok),
                    "wall": statistics.median(m["wall"] for m in ok) if ok else None,
                    "cpu": statistics.median(m["cpu"] for m in ok) if ok else None,
                    "rss_mb": statistics.median(m["rss_mb"] for m in ok) if ok else None,
                    "rc": sorted({str(m["rc"]) for m in ms}),
                })  # fmt: skip
    print("| scale | task | code | runs | wall s | CPU s | peak RSS MB | exit |")
    print("|---:|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        fmt = (lambda x: "-" if x is None else f"{x:,.1f}")  # noqa: E731
        print(f"| {r['scale'] or '-'}x | {r['task']} | {r['side']} | {r['n']} | {fmt(r['wall'])} | {fmt(r['cpu'])} | "
              f"{fmt(r['rss_mb'])} | {','.join(r['rc'])} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
