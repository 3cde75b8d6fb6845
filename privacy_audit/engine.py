"""Execution engines: the same scan, checks and subject search in pandas (default) or on Dask.

``engine="pandas"`` runs in this process; with ``chunksize`` it streams every table in chunks
(CSV/JSON Lines streamed, Parquet by row group, SQL through a server-side cursor) so memory stays
bounded. ``engine="dask"`` runs the per-partition work on a ``dask.distributed`` cluster: a local
one by default (``LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
dashboard_address=None)``, started once per process) or an existing scheduler given by address
(``scheduler="tcp://host:8786"``). The workers must see the same file paths and database URLs.

Results are identical across engines, by construction:

* **Full-coverage scan** (``full=True``) is computed per *distinct value*: every partition reports,
  per column, its distinct values in order of first appearance (factorised on the raw values, then
  stringified once per distinct value exactly as :func:`privacy_audit.detect.columns.column_values`
  would stringify every row) and how many non-empty cells it has. The partial results are merged in
  partition (row-id) order, so the merged distinct list is the one a whole-table read gives, and
  each column is then classified by :func:`~privacy_audit.detect.columns.classify_values` (on Dask:
  one task per column, in parallel). The cost is one hash pass over the cells plus one evaluation per
  distinct value, and memory is bounded by the distinct values, not by the rows.
* **Sampled scans** delegate to :func:`privacy_audit.scan.scan` (files) or draw the sample in the
  database (:func:`privacy_audit.sources.sample_sql`) for SQL tables.
* **Subject search** runs :func:`privacy_audit.subjects.match_frame` / ``match_log_frame`` on each
  partition with its row-id offset and concatenates the matches in order; the per-dataset result and
  the registers are built by the same code as the pandas search (``subjects.dataset_match``,
  ``subjects.search_registers``). With a current subject index, ``find_subject_data`` on pandas reads
  only the indexed rows (:mod:`privacy_audit.subject_index`).
* **Checks** (separation and the rest) run :func:`privacy_audit.checks.run_checks` on frames read
  partition by partition on the cluster; the per-column summaries of partitioned datasets
  (:mod:`privacy_audit.checks.summary`) are built per partition on the workers and merged in row-id
  order (:func:`dataset_summaries`); the check logic itself is the same code.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import ConfigError, InputError, PrivacyAuditError

__all__ = [
    "ENGINES",
    "ColumnPart",
    "get_client",
    "close_clients",
    "frame_stats",
    "merge_stats",
    "scan",
    "scan_dataset",
    "subject_search",
    "find_subject_data",
    "read_frame",
    "run_checks",
    "dataset_summaries",
    "SqlEraser",
]

log = logging.getLogger(__name__)

ENGINES = ("pandas", "dask")

_CLIENTS: dict[str, Any] = {}


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r} (expected {' or '.join(ENGINES)})")


# ------------------------------------------------------------------------------------ cluster


def get_client(scheduler: str | None = None):
    """A ``dask.distributed`` client: joined to ``scheduler`` (an address), else to a local cluster
    of 2 single-threaded worker processes started on first use (both cached for the process)."""
    key = scheduler or "local"
    client = _CLIENTS.get(key)
    if client is not None and client.status == "running":
        return client
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask[distributed] is a dependency
        raise ConfigError("engine dask needs dask[distributed] installed") from None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
            )
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        where = f"scheduler {scheduler}" if scheduler else "a local Dask cluster"
        raise ConfigError(f"cannot connect to {where} ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None
    _CLIENTS[key] = client
    return client


def close_clients() -> None:
    """Close every client (and the local cluster) this process started."""
    for key, client in list(_CLIENTS.items()):
        try:
            cluster = client.cluster if key == "local" else None
            client.close()
            if cluster is not None:
                cluster.close()
        except Exception:  # noqa: BLE001 - closing at exit must not raise
            pass
        _CLIENTS.pop(key, None)


atexit.register(close_clients)


# ------------------------------------------------------------------------ distinct-value stats


@dataclass(frozen=True)
class ColumnPart:
    """What one partition knows of one column: distinct values (first-appearance order), their
    count of non-empty cells, and the partition's rows. ``raw`` holds unstringified datetimes,
    whose text form depends on the whole column (midnight-only columns print as dates)."""

    values: tuple[str, ...]
    n_nonnull: int
    raw: pd.Series | None = None


def _column_part(series: pd.Series) -> ColumnPart:
    import numpy as np

    from .detect.columns import NULL_LIKES, stringify

    s = series.dropna()
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        return ColumnPart((), len(s), pd.Series(pd.unique(s), dtype=s.dtype))
    try:
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        strings = stringify(pd.Series(uniques, dtype=s.dtype))
    except TypeError:  # unhashable cells (lists, dicts from JSON): stringify every cell first
        text = stringify(s)
        codes, uniques = pd.factorize(text)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        strings = pd.Series(uniques, dtype=object)
    keep = ~strings.str.lower().isin(NULL_LIKES).to_numpy()
    values = tuple(dict.fromkeys(strings[keep].tolist()))
    return ColumnPart(values, int(counts[keep].sum()))


def frame_stats(df: pd.DataFrame) -> tuple[int, dict[Any, ColumnPart]]:
    """``(rows, {column: ColumnPart})`` of one partition or chunk (pure; runs on workers)."""
    return len(df), {col: _column_part(df[col]) for col in df.columns}


class _Acc:
    """Running merge of one column's partition stats (see :func:`merge_stats`)."""

    __slots__ = ("values", "n_nonnull", "raw", "plain")

    def __init__(self) -> None:
        self.values: dict[str, None] = {}
        self.n_nonnull = 0
        self.raw: pd.Series | None = None  # unique datetimes while the column is datetime only
        self.plain = False  # a non-datetime partition was seen

    def add(self, part: ColumnPart) -> None:
        self.n_nonnull += part.n_nonnull
        if part.raw is None:
            if self.raw is not None:  # datetimes then text: the datetimes print on their own
                self.values.update(dict.fromkeys(_texts(self.raw)))
                self.raw = None
            self.plain = True
            self.values.update(dict.fromkeys(part.values))
        elif self.plain:
            self.values.update(dict.fromkeys(_texts(part.raw)))
        elif self.raw is None:
            self.raw = part.raw
        elif self.raw.dtype == part.raw.dtype:
            both = pd.concat([self.raw, part.raw], ignore_index=True)
            self.raw = pd.Series(pd.unique(both), dtype=self.raw.dtype)
        else:
            self.values.update(dict.fromkeys(_texts(self.raw)))
            self.values.update(dict.fromkeys(_texts(part.raw)))
            self.raw, self.plain = None, True

    def part(self) -> ColumnPart:
        return ColumnPart(tuple(self.values), self.n_nonnull, self.raw)

    def result(self) -> tuple[list[str], int]:
        if self.raw is not None:
            self.values.update(dict.fromkeys(_texts(self.raw)))
        return list(self.values), self.n_nonnull


def _texts(raw: pd.Series) -> list[str]:
    from .detect.columns import NULL_LIKES, stringify

    t = stringify(raw)
    return t[~t.str.lower().isin(NULL_LIKES)].tolist()


def _fold(parts: Iterable[tuple[int, dict[Any, ColumnPart]]]) -> tuple[int, dict[Any, _Acc]]:
    rows = 0
    acc: dict[Any, _Acc] = {}
    for n, cols in parts:
        rows += n
        for col, part in cols.items():
            acc.setdefault(col, _Acc()).add(part)
    return rows, acc


def merge_stats(parts: Iterable[tuple[int, dict[Any, ColumnPart]]]) -> tuple[int, dict[Any, tuple[list[str], int]]]:
    """Merge partition stats given in row-id order: ``(rows, {column: (distinct values, non-empty)})``.

    The distinct values come out in whole-table first-appearance order, as
    :func:`~privacy_audit.detect.columns.column_values` gives them for the whole column. Parts are
    folded one at a time, so memory holds the distinct values, never the rows."""
    rows, acc = _fold(parts)
    return rows, {col: a.result() for col, a in acc.items()}


def _classify(col: Any, values: list[str], n_rows: int, n_nonnull: int, recognizers: str | None, name: str):
    """One column's verdict from its merged distinct values (runs on the driver or a worker)."""
    from .detect.columns import classify_values
    from .detect.recognizers import load_custom_recognizers
    from .scan import ColumnResult, text_analyzers

    custom = load_custom_recognizers(recognizers)
    text_analyzer, ner = text_analyzers(custom)
    v = classify_values(col, values, n_rows=n_rows, n_nonnull=n_nonnull, custom=custom,
                        text_analyzer=text_analyzer, ner=ner, early_stop=False)  # fmt: skip
    return ColumnResult(name, str(col), v.entity, v.score, v.coverage, v.runner_up, v.evidence)


# ------------------------------------------------------------------------------ partition tasks


def _part_stats(part, chunksize: int) -> tuple[int, dict[Any, ColumnPart]]:
    """Stats of one partition; non-Parquet files are streamed in chunks inside the task."""
    from . import sources

    if part.format == "parquet":
        return frame_stats(sources.read_partition(part))
    chunks = (
        sources.iter_sql_chunks(part.source, part.table, chunksize)
        if part.format == "sql"
        else sources.iter_chunks(part.source, chunksize, format=part.format)
    )
    rows, acc = _fold(frame_stats(c) for c in chunks)
    return rows, {col: a.part() for col, a in acc.items()}


def _sources_of(source, name: str | None) -> list[tuple[str, Any, str | None]]:
    """``(label, path | SqlTable | Dataset | DataFrame, error)`` per table, as scan labels them."""
    from . import sources
    from .datamap import Dataset

    items = source if isinstance(source, list | tuple) else [source]
    out: list[tuple[str, Any, str | None]] = []
    for item in items:
        if isinstance(item, pd.DataFrame):
            out.append((name or "dataframe", item, None))
        elif isinstance(item, sources.SqlTable):
            out.append((name if name and len(items) == 1 else item.table, item, None))
        elif isinstance(item, Dataset):
            obj = sources.SqlTable(item.url, item.table) if item.is_sql else item.path
            out.append((item.name, obj, None))
        else:
            try:
                paths = sources.list_tables(item)
            except PrivacyAuditError as exc:
                out.append((str(item), None, str(exc)))
                continue
            for p in paths:
                label = name if (name and len(items) == 1 and len(paths) == 1) else str(p)
                out.append((label, p, None))
    return out


def scan(
    source,
    *,
    engine: str = "pandas",
    scheduler: str | None = None,
    chunksize: int | None = None,
    name: str | None = None,
    sample: int | None = 1000,
    full: bool = False,
    seed: int = 0,
    recognizers: str | Path | None = None,
    progress: bool | None = None,
):
    """:func:`privacy_audit.scan.scan` on an engine: ``source`` is a path (file or folder), a
    :class:`~privacy_audit.sources.SqlTable`, a data map ``Dataset``, a DataFrame, or a list of them.

    ``full=True`` examines every cell, in chunks of ``chunksize`` rows (default 100,000) with pandas
    or per partition on Dask. A sampled scan of a file is :func:`privacy_audit.scan.scan` itself;
    of a SQL table, a database-side sample. Returns a :class:`~privacy_audit.scan.ScanResult`.
    """
    from . import scan as _scan
    from . import sources
    from .detect.recognizers import load_custom_recognizers

    _check_engine(engine)
    if sample is not None and sample < 1:
        raise InputError(f"sample must be a positive number of rows, got {sample}")
    if chunksize is not None and chunksize < 1:
        raise InputError(f"chunksize must be a positive number of rows, got {chunksize}")
    load_custom_recognizers(recognizers)
    rec = str(recognizers) if recognizers is not None else None
    columns: list = []
    errors: list[tuple[str, str]] = []
    client = get_client(scheduler) if engine == "dask" and full else None
    for label, obj, err in _sources_of(source, name):
        if err is not None:
            errors.append((label, err))
            continue
        try:
            if isinstance(obj, pd.DataFrame):
                columns.extend(_scan.scan(obj, name=label, sample=sample, full=full, seed=seed,
                                          recognizers=recognizers, progress=False).columns)  # fmt: skip
            elif not full:
                if isinstance(obj, sources.SqlTable):
                    df = sources.sample_sql(obj.url, obj.table, sample or 1000, seed)
                    columns.extend(_scan.scan_frame(df, name=label, sample=sample, seed=seed,
                                                    recognizers=recognizers, n_rows=df.attrs["n_rows"]))  # fmt: skip
                else:
                    res = _scan.scan(obj, name=label, sample=sample, seed=seed, recognizers=recognizers, progress=False)
                    columns.extend(res.columns)
                    errors.extend(res.errors)
            elif engine == "pandas" and chunksize is None and not isinstance(obj, sources.SqlTable):
                res = _scan.scan(obj, name=label, full=True, seed=seed, recognizers=recognizers, progress=progress)
                columns.extend(res.columns)
                errors.extend(res.errors)
            else:
                columns.extend(scan_dataset(obj, label, engine=engine, client=client,
                                            chunksize=chunksize or 100_000, recognizers=rec))  # fmt: skip
        except InputError as exc:
            errors.append((label, str(exc)))
    return _scan.ScanResult(tuple(columns), tuple(errors))


def scan_dataset(obj, label: str, *, engine: str = "pandas", client=None, chunksize: int = 100_000,
                 recognizers: str | None = None) -> list:  # fmt: skip
    """Full-coverage column verdicts of one table (path or SqlTable) by distinct-value statistics,
    each column re-judged in the context of the table as :func:`privacy_audit.scan.scan_frame` does."""
    from . import scan as _scan
    from . import sources
    from .detect.context import CONTEXT_VALUES

    parts = sources.partitions(obj)
    if engine == "dask":
        # Contiguous blocks of row groups (2 per worker thread), each folded on one worker in
        # row-id order: only a block's distinct values leave the worker. Then one task per column
        # folds the blocks in order and classifies the column; only verdicts come back here.
        client = client or get_client()
        nthreads = sum(client.nthreads().values()) or 1
        n_blocks = min(len(parts), 2 * nthreads)
        bounds = [round(i * len(parts) / n_blocks) for i in range(n_blocks + 1)]
        blocks = [parts[bounds[i] : bounds[i + 1]] for i in range(n_blocks)]
        futures = client.map(_block_stats, blocks, chunksize=chunksize, pure=False)
        shapes = client.gather([client.submit(_shape, f, pure=False) for f in futures])
        rows = sum(n for n, _ in shapes)
        cols = list(dict.fromkeys(c for _, names in shapes for c in names))
        jobs = [client.submit(_fold_classify, col, rows, recognizers, label, *futures, pure=False) for col in cols]
        done = client.gather(jobs)
        return _scan.in_context([r for r, _ in done], [v for _, v in done])
    rows, merged = merge_stats(_stream_stats(parts, chunksize))
    results = [_classify(col, vals, rows, nn, recognizers, label) for col, (vals, nn) in merged.items()]
    return _scan.in_context(results, [vals[:CONTEXT_VALUES] for vals, _ in merged.values()])


def _shape(stats: tuple[int, dict[Any, ColumnPart]]) -> tuple[int, list]:
    return stats[0], list(stats[1])


def _block_stats(parts: list, chunksize: int) -> tuple[int, dict[Any, ColumnPart]]:
    """Stats of consecutive partitions folded in order (runs on a worker)."""
    rows, acc = _fold(_part_stats(p, chunksize) for p in parts)
    return rows, {col: a.part() for col, a in acc.items()}


def _fold_classify(col: Any, rows: int, recognizers: str | None, label: str, *blocks):
    """One column's verdict from the blocks' stats, with the values the table-context pass reads."""
    from .detect.context import CONTEXT_VALUES

    acc = _Acc()
    for _, cols in blocks:
        if col in cols:
            acc.add(cols[col])
    values, n_nonnull = acc.result()
    return _classify(col, values, rows, n_nonnull, recognizers, label), values[:CONTEXT_VALUES]


def _stream_stats(parts, chunksize: int) -> Iterator[tuple[int, dict[Any, ColumnPart]]]:
    from . import sources

    for part in parts:
        if part.format == "parquet":
            df = sources.read_partition(part)
            for start in range(0, len(df), chunksize):
                yield frame_stats(df.iloc[start : start + chunksize])
            if not len(df):
                yield frame_stats(df)
        else:
            yield _part_stats(part, chunksize)


# ----------------------------------------------------------------------------- subject search


def _match_part(part, subject, subject_key, columns, is_log: bool, chunksize: int, region: str | None = None):
    """Matches of one partition: (row ids, reasons, mentions, matched rows) with global row ids."""
    from . import sources
    from .subjects import match_frame, match_log_frame

    if part.format == "parquet":
        chunks: Iterable[pd.DataFrame] = [sources.read_partition(part)]
    elif part.format == "sql":
        chunks = sources.iter_sql_chunks(part.source, part.table, chunksize)
    else:
        chunks = sources.iter_chunks(part.source, chunksize, format=part.format)
    ids: list[int] = []
    why: list[str] = []
    mentions: list[int] = []
    rows: list[pd.DataFrame] = []
    offset = part.offset
    for df in chunks:
        df = df.reset_index(drop=True)
        if is_log:
            fm = match_log_frame(df, subject, offset=offset)
        else:
            fm = match_frame(df, subject, subject_key=subject_key, columns=columns, offset=offset, region=region)
        ids.extend(fm.row_ids)
        why.extend(fm.row_reasons)
        mentions.extend(fm.mention_row_ids)
        if fm.row_ids:
            rows.append(df.iloc[[i - offset for i in fm.row_ids]])
        offset += len(df)
    frame = pd.concat(rows, ignore_index=True) if rows else None
    return ids, why, mentions, frame, offset - part.offset


def subject_search(
    datamap: Any,
    subject: Any,
    *,
    engine: str = "dask",
    vault_key: bytes | None = None,
    match_frame: Callable | None = None,
    match_log_frame: Callable | None = None,
    scheduler: str | None = None,
    chunksize: int | None = None,
):
    """:func:`privacy_audit.subjects.find_subject_data` partition by partition (the hook that
    ``find_subject_data(engine="dask")`` calls). Same :class:`~privacy_audit.subjects.SubjectData`
    as the pandas engine: same row ids, reasons, rows and log lines."""
    from . import sources
    from .subjects import (
        FrameMatch,
        SubjectData,
        dataset_format,
        dataset_match,
        read_estate_frame,
        search_registers,
        vault_key_of,
    )
    from .subjects import match_frame as _mf

    _check_engine(engine)
    size = chunksize or 100_000
    client = get_client(scheduler) if engine == "dask" else None
    key = vault_key
    if key is None and any(dataset_format(d) == "vault" for d in datamap.datasets):
        key = vault_key_of(datamap, None)
    has_ids = bool(subject.keys or any(subject.exclusive.values()))
    matches: list = []
    errors: list[tuple[str, str]] = []
    for ds in datamap.datasets:
        fmt = dataset_format(ds)
        is_log = fmt == "log"
        empty = pd.DataFrame()
        try:
            if fmt == "vault" or not has_ids:
                frame = read_estate_frame(datamap, ds, vault_key=key) if fmt == "vault" or has_ids else empty
                fm = _mf(frame, subject, subject_key=ds.subject_key, columns=ds.columns, region=datamap.phone_region) if has_ids and len(frame) else FrameMatch((), ())
                rows = frame.iloc[list(fm.row_ids)].reset_index(drop=True) if fm.row_ids else frame.iloc[0:0]
                results = None
            else:
                obj = sources.SqlTable(ds.url, ds.table) if ds.is_sql else ds.path
                parts = sources.partitions(obj, format=None if ds.is_sql or fmt in {"", "sql"} else {"tsv": "csv", "json": "jsonl"}.get(fmt, fmt))
                args = (subject, ds.subject_key, dict(ds.columns), is_log, size, datamap.phone_region)
                if client is not None:
                    results = client.gather(client.map(_match_part, parts, *[[a] * len(parts) for a in args], pure=False))
                else:
                    results = [_match_part(p, *args) for p in parts]
        except (InputError, ConfigError) as exc:
            errors.append((ds.name, str(exc)))
            results, fm, rows = None, FrameMatch((), ()), empty
        if results is not None:
            ids = tuple(i for r in results for i in r[0])
            why = tuple(w for r in results for w in r[1])
            ment = tuple(m for r in results for m in r[2])
            fm = FrameMatch(ids, why, ment)
            frames = [r[3] for r in results if r[3] is not None]
            rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        matches.append(dataset_match(ds, fmt, rows, fm))
    registers = search_registers(datamap, subject, errors)
    return SubjectData(subject=subject, datasets=tuple(matches), registers=tuple(registers), errors=tuple(errors))


def find_subject_data(datamap: Any, subject: Any, *, engine: str = "pandas", scheduler: str | None = None,
                      chunksize: int | None = None, vault_key: bytes | None = None):  # fmt: skip
    """The subject's data with an engine: ``pandas`` without ``chunksize`` is
    :func:`privacy_audit.subjects.find_subject_data` itself; with ``chunksize`` (or on Dask) each
    table is matched partition by partition in bounded memory."""
    _check_engine(engine)
    if engine == "pandas" and chunksize is None:
        from .subjects import find_subject_data as _find

        return _find(datamap, subject, vault_key=vault_key)
    return subject_search(datamap, subject, engine=engine, vault_key=vault_key, scheduler=scheduler, chunksize=chunksize)


# ------------------------------------------------------------------------------------ checks


def _read_part(part) -> pd.DataFrame:
    from . import sources

    return sources.read_partition(part)


def read_frame(ds: Any, *, engine: str = "pandas", scheduler: str | None = None) -> pd.DataFrame:
    """A data map dataset as one DataFrame; on Dask its partitions are read by the workers."""
    from . import sources

    _check_engine(engine)
    if engine == "pandas" or ds.is_sql or ds.path is None:
        return sources.read_dataset(ds)
    parts = sources.partitions(ds.path)
    if len(parts) == 1 and parts[0].format != "parquet":
        return sources.read_dataset(ds)
    client = get_client(scheduler)
    frames = client.gather(client.map(_read_part, parts, pure=False))
    return pd.concat(frames, ignore_index=True) if frames else sources.read_dataset(ds, nrows=0)


def _summary_part(part, ds: Any, hash_key: str | None = None) -> dict:
    """Column summaries of one partition of ``ds`` with its row-id offset, values hashed under ``hash_key``
    (the caller's :func:`~privacy_audit.checks.summary.run_hash_key`; pure; runs on a worker)."""
    from . import sources
    from .checks import subject_ids
    from .checks.summary import summarize_chunk

    df = sources.read_partition(part)
    keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
    return summarize_chunk(df, subject_ids(ds, df) if keyed else None, offset=part.offset, key=hash_key)


def dataset_summaries(ds: Any, *, engine: str = "pandas", scheduler: str | None = None) -> dict:
    """Every column of a partitioned data map dataset as a
    :class:`~privacy_audit.checks.summary.ColumnSummary`: one summary per partition (on Dask: per
    worker task), merged in row-id order -- the summary a whole-table read gives."""
    from . import sources
    from .checks.summary import merge_summaries, run_hash_key

    _check_engine(engine)
    parts = sources.partitions(ds.path)
    if engine == "pandas":
        return merge_summaries(_summary_part(p, ds) for p in parts)
    client = get_client(scheduler)
    key = run_hash_key()  # the workers hash under this process's key, so their summaries meet ours
    return merge_summaries(client.gather(client.map(_summary_part, parts, ds=ds, hash_key=key, pure=False)))


def run_checks(datamap: Any, *, engine: str = "pandas", scheduler: str | None = None, **kwargs):
    """:func:`privacy_audit.checks.run_checks` with the datasets read by ``engine``. On Dask the
    partitioned Parquet datasets are read in parallel by the workers, and their per-column summaries
    (what the join-path audit reads) are built per partition on the workers and merged. Same findings."""
    import inspect

    from .checks import run_checks as _run

    _check_engine(engine)
    if engine == "pandas":
        return _run(datamap, **kwargs)
    if "frames" not in inspect.signature(_run).parameters:
        raise ConfigError("engine dask: this build's run_checks cannot take pre-read frames (use pandas)")
    frames: dict[str, pd.DataFrame] = {}
    summaries: dict[str, dict] = {}
    for ds in datamap.datasets:
        if ds.path is not None and not ds.is_sql and Path(ds.path).is_dir():
            try:
                frames[ds.name] = read_frame(ds, engine=engine, scheduler=scheduler)
                summaries[ds.name] = dataset_summaries(ds, engine=engine, scheduler=scheduler)
            except PrivacyAuditError:
                frames.pop(ds.name, None)
                continue  # the checks report the unreadable dataset themselves
    return _run(datamap, frames=frames, summaries=summaries, **kwargs)


# ------------------------------------------------------------------------------ SQL erasure


class SqlEraser:
    """The SQL back end of :mod:`privacy_audit.erasure` (its ``SqlEraser`` protocol) for ``url:`` +
    ``table:`` datasets; erasure uses it by default (``erasure.register_sql_eraser`` replaces it).

    ``load`` finds the subject's candidate rows with parameterised queries (exact matches of their
    tokens, pseudonyms and IPs, lower-cased e-mails, in any column) plus the row ids the subject search
    gives, and reads only those rows. ``plan`` makes the same decisions as for files
    (:func:`privacy_audit.erasure.plan_sql_table`): ``delete_row``, ``mask_columns`` (``erasure:
    mask_columns``), ``redact_spans`` in other people's text, ``keep`` under a legal hold from the
    ``legal_holds`` register or a declared retention duty. ``transaction`` carries the plans out
    inside one database transaction per database: it re-reads the planned rows and checks they are
    unchanged, runs every statement, and commits only when the ``with`` block (the file renames of the
    same erasure) ends cleanly; any failure -- a constraint, a changed table, a failed file commit --
    rolls every statement back. ``residue`` counts the rows the parameterised search still finds."""

    def _positions(self, dataset: Any, needles: Any) -> list[int]:
        """Row ids where a column equals a token, pseudonym or IP, or (lower-cased) an e-mail, or a
        text column contains (case-insensitively) a token, pseudonym, IP, e-mail or full name.
        Candidates only: erasure decides on the rows read (phones written in other ways are found by
        the subject search)."""
        from . import sources

        url, table = dataset.url, dataset.table
        cols = [c.name for c in sources.sql_table(url, table).columns]
        text = set(sources.sql_text_columns(url, table))
        exact = sorted(set(needles.tokens) | set(needles.ips))
        emails = sorted(needles.emails)  # already casefolded
        inside = sorted(set(exact) | set(emails) | set(needles.names))
        hits: set[int] = set()
        others = [c for c in cols if c not in text]
        if exact and others:
            hits |= set(sources.sql_row_positions(url, table, dict.fromkeys(others, exact)))
        if emails and others:
            hits |= set(sources.sql_row_positions(url, table, dict.fromkeys(others, emails), casefold=set(others)))
        if inside and text:
            hits |= set(sources.sql_row_positions(url, table, dict.fromkeys(text, inside), casefold=text, contains=text))
        return sorted(hits)

    @staticmethod
    def _where(dataset: Any) -> str:
        from . import sources

        return f"{sources.safe_url(dataset.url)} {dataset.table}"

    def load(self, datamap: Any, dataset: Any, needles: Any, rows: Iterable[int] = ()):
        """The candidate rows of ``dataset`` (its own search for ``needles`` plus ``rows``) as an
        :class:`privacy_audit.erasure.EstateTable` numbered by row id."""
        from . import sources
        from .erasure import sql_estate_table

        if not dataset.table:
            raise InputError(f"dataset {dataset.name}: a `url:` dataset needs `table:`")
        total = sources.sql_count(dataset.url, dataset.table)
        wanted = set(self._positions(dataset, needles)) if needles else set()
        wanted |= {int(r) for r in rows if 0 <= int(r) < total}
        frame = sources.sql_rows_at(dataset.url, dataset.table, sorted(wanted))
        return sql_estate_table(dataset, frame, total, where=self._where(dataset))

    def plan(self, datamap: Any, dataset: Any, needles: Any, as_of: Any, *, holds: list | None = None,
             shared: Iterable[str] = (), subject_rows: Iterable[int] = (), table: Any = None):  # fmt: skip
        """The erasure plan for one SQL dataset (``table``: its rows already loaded by :meth:`load`;
        ``holds``: default, the active holds of the data map's ``legal_holds`` register)."""
        import datetime as _dt

        from .erasure import active_holds, plan_sql_table

        as_of = as_of or datamap.as_of or _dt.date.today()
        subject_rows = tuple(subject_rows)
        t = table if table is not None else self.load(datamap, dataset, needles, subject_rows)
        if holds is None:
            holds = active_holds(datamap, needles, as_of) if needles else []
        return plan_sql_table(t, needles, as_of=as_of, holds=holds, shared=shared, subject_rows=subject_rows)

    def transaction(self, datamap: Any, plans: list):
        import contextlib

        from . import sources
        from .erasure import sql_changes, sql_estate_table

        @contextlib.contextmanager
        def run():
            by_url: dict[str, list] = {}
            for p in plans:
                ds = datamap.dataset(p.name)
                by_url.setdefault(ds.url, []).append((ds, p))
            with contextlib.ExitStack() as stack:
                for url, items in by_url.items():
                    conn = stack.enter_context(sources.sql_transaction(url))
                    for ds, p in items:
                        acted = sorted({r.row for r in p.rows if r.action != "keep"})
                        if not acted:
                            continue
                        frame = sources.sql_rows_at(url, ds.table, acted, conn=conn)
                        delete, cells = sql_changes(sql_estate_table(ds, frame, p.rows_total, where=p.path), p)
                        deleted, updated = sources.sql_change_positions(
                            conn, url, ds.table, delete=delete, cells=cells, expect_rows=p.rows_total
                        )
                        if (deleted, updated) != (len(delete), len(cells)):
                            raise InputError(f"dataset {ds.name}: changed {deleted} + {updated} rows, planned "
                                             f"{len(delete)} + {len(cells)}; rolled back")  # fmt: skip
                yield

        return run()

    def residue(self, datamap: Any, dataset: Any, needles: Any) -> int:
        """Rows of ``dataset`` the parameterised search still finds for ``needles``."""
        return len(self._positions(dataset, needles)) if needles else 0
