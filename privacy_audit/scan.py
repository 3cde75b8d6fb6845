"""PII scan: column classification (:func:`scan`) and cell-level spans (:func:`findings`).

``scan`` reads each table (through :mod:`privacy_audit.sources`), classifies every column with
:func:`privacy_audit.detect.columns.classify_column`, re-judges the columns left null in the
context of their table (:mod:`privacy_audit.detect.context`), and collects unreadable inputs as
errors instead of stopping. Results are frozen and render as DataFrames with a fixed column order.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .detect.columns import NULL_LIKES, ColumnVerdict, classify_column, stringify
from .detect.context import CONTEXT_VALUES, apply_context
from .detect.headers import use_lexicon
from .detect.nlp import require_model
from .detect.recognizers import load_custom_recognizers
from .errors import InputError, PrivacyAuditError
from .masking import mask

__all__ = [
    "COLUMN_FIELDS",
    "FINDING_FIELDS",
    "ColumnResult",
    "ScanResult",
    "Finding",
    "FindingsResult",
    "scan",
    "scan_frame",
    "findings",
    "SCAN_SAMPLE",
]

# Rows examined per column when sampling: THE default of the CLI (scan, report, datamap diff), the
# notebooks' widgets and the checks, so a notebook and a command give one answer on one estate.
SCAN_SAMPLE = 1000

log = logging.getLogger(__name__)

COLUMN_FIELDS = ("dataset", "column", "entity", "score", "coverage", "runner_up", "evidence")
FINDING_FIELDS = ("dataset", "row", "column", "entity", "start", "end", "score", "masked")

# Rows read from a file to classify it when sampling (the column sample is drawn from these).
_READ_FACTOR = 20
# Large Parquet files: rows are taken from the heads of at most this many random row groups, decoded
# in record batches of at most _BATCH rows (a big row group is never decoded whole).
_SPREAD = 4
_BATCH = 4096


@dataclass(frozen=True)
class ColumnResult:
    """The verdict on one column: ``entity`` is None when the column holds no personal data."""

    dataset: str
    column: str
    entity: str | None
    score: float
    coverage: float
    runner_up: str | None
    evidence: str

    def to_dict(self) -> dict:
        # the fields are plain values: no deep copy (``asdict``), which a table of 20,000 columns paid twice
        return {k: getattr(self, k) for k in COLUMN_FIELDS}


@dataclass(frozen=True)
class ScanResult:
    """Every column verdict, plus ``(dataset, message)`` for each input that could not be read."""

    columns: tuple[ColumnResult, ...]
    errors: tuple[tuple[str, str], ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row per column, columns :data:`COLUMN_FIELDS`."""
        return pd.DataFrame([c.to_dict() for c in self.columns], columns=list(COLUMN_FIELDS))

    def to_dict(self) -> dict:
        return {
            "columns": [c.to_dict() for c in self.columns],
            "errors": [{"dataset": d, "message": m} for d, m in self.errors],
        }

    def pii_columns(self, dataset: str | None = None) -> list[ColumnResult]:
        """Columns classified as personal data (optionally of one dataset)."""
        return [c for c in self.columns if c.entity is not None and (dataset is None or c.dataset == dataset)]

    @property
    def datasets(self) -> list[str]:
        return list(dict.fromkeys(c.dataset for c in self.columns))


@dataclass(frozen=True)
class Finding:
    """One PII span in one cell; ``masked`` is the span's text, masked."""

    dataset: str
    row: int
    column: str
    entity: str
    start: int
    end: int
    score: float
    masked: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class FindingsResult:
    """Cell-level spans, plus unreadable inputs."""

    findings: tuple[Finding, ...]
    errors: tuple[tuple[str, str], ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row per span, columns :data:`FINDING_FIELDS`."""
        return pd.DataFrame([f.to_dict() for f in self.findings], columns=list(FINDING_FIELDS))

    def to_dict(self) -> dict:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "errors": [{"dataset": d, "message": m} for d, m in self.errors],
        }

    def __len__(self) -> int:
        return len(self.findings)


# ------------------------------------------------------------------------------------ inputs


def _iter_inputs(source, name: str | None) -> Iterable[tuple[str, pd.DataFrame | Path | None, str | None]]:
    """Yield ``(dataset name, frame or path, error message)`` for each table in ``source``."""
    from . import sources

    if isinstance(source, pd.DataFrame):
        yield (name or "dataframe"), source, None
        return
    items = [source] if isinstance(source, str | Path) else list(source)
    for item in items:
        if isinstance(item, pd.DataFrame):
            yield (name or "dataframe"), item, None
            continue
        try:
            paths = sources.list_tables(item)
        except PrivacyAuditError as exc:
            yield str(item), None, str(exc)
            continue
        for p in paths:
            label = name if (name and len(items) == 1 and len(paths) == 1) else str(p)
            yield label, p, None


def _read_for_scan(path: Path, *, sample: int | None, full: bool, seed: int) -> pd.DataFrame:
    """The rows a scan needs: everything when ``full``; else a seeded sample of rows.

    A large Parquet file (more than 20 x ``sample`` rows) is sampled without decoding it whole: up to
    :data:`_SPREAD` row groups are picked at random (seeded) and only the first rows of each are
    decoded, in small record batches, until 20 x ``sample`` rows are in hand; ``sample`` of those
    are then drawn at random. A file written as one big row group (pyarrow's default up to 1Mi
    rows) is thus read from its head only -- the rows are a seeded sample of its first
    20 x ``sample`` rows, not of the whole file. Other formats are read whole.
    """
    from . import sources

    if full or sample is None:
        return sources.read_table(path)
    fmt = sources.detect_format(path)
    if fmt == "parquet" and path.is_file():
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
            n = pf.metadata.num_rows
            target = sample * _READ_FACTOR
            if n > target:
                rng = np.random.default_rng(seed)
                groups = [int(g) for g in rng.permutation(pf.num_row_groups) if pf.metadata.row_group(int(g)).num_rows]
                groups = groups[:_SPREAD]
                per_group = -(-target // len(groups))
                batches, rows = [], 0
                for g in groups:
                    want = min(per_group, target - rows)
                    for batch in pf.iter_batches(batch_size=min(want, _BATCH), row_groups=[g]):
                        batches.append(batch.slice(0, want))
                        want -= min(want, batch.num_rows)
                        if want <= 0:
                            break
                    rows = sum(b.num_rows for b in batches)
                    if rows >= target:
                        break
                table = pa.Table.from_batches(batches, schema=pf.schema_arrow)
                idx = np.sort(rng.choice(table.num_rows, size=min(sample, table.num_rows), replace=False))
                out = table.take(pa.array(idx)).to_pandas()
                out.attrs["n_rows"] = n
                return out
        except (pa.ArrowException, OSError) as exc:
            raise InputError(f"{path}: not a readable Parquet file (truncated or corrupt: {str(exc)[:160]})") from None
    return sources.read_table(path)


def _progress_enabled(progress: bool | None) -> bool:
    if progress is not None:
        return progress
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


# -------------------------------------------------------------------------------------- scan


def text_analyzers(custom: tuple, cache=None):
    from .detect.text import analyze_texts, ner_labels

    def text_analyzer(texts: list[str]):
        return analyze_texts(texts, custom=custom, cache=cache)

    return text_analyzer, ner_labels


def scan_frame(
    df: pd.DataFrame,
    *,
    name: str = "dataframe",
    sample: int | None = SCAN_SAMPLE,
    full: bool = False,
    seed: int = 0,
    recognizers: str | Path | None = None,
    n_rows: int | None = None,
    bar=None,
    text_cache=None,
) -> list[ColumnResult]:
    """Classify every column of one DataFrame (``n_rows``: the table's true size when ``df`` is a sample).

    Each column is judged alone, then in the context of its table (:mod:`.detect.context`).
    ``text_cache``: a :class:`~privacy_audit.detect.text.TextCache` shared by the run."""
    custom = load_custom_recognizers(recognizers)
    text_analyzer, ner = text_analyzers(custom, text_cache)
    out: list[ColumnResult] = []
    firsts: list[list[str]] = []
    for col in df.columns:
        verdict, values = classify_column(
            col, df[col], sample=sample, full=full, seed=seed, custom=custom, text_analyzer=text_analyzer, ner=ner,
            n_rows=n_rows,
        )
        out.append(ColumnResult(name, str(col), verdict.entity, verdict.score, verdict.coverage,
                                verdict.runner_up, verdict.evidence))  # fmt: skip
        firsts.append(values[:CONTEXT_VALUES])
        if bar is not None:
            bar.update(1)
    return in_context(out, firsts)


def in_context(results: list[ColumnResult], values: list[list[str]]) -> list[ColumnResult]:
    """One table's column results re-judged in the context of the table (:func:`.detect.context.apply_context`);
    ``values``: each column's distinct values in first-appearance order (the first ``CONTEXT_VALUES`` suffice)."""
    verdicts = apply_context([(r.column, ColumnVerdict(r.entity, r.score, r.coverage, r.runner_up, r.evidence), v)
                              for r, v in zip(results, values, strict=True)],
                             results[0].dataset if results else None)  # fmt: skip
    return [ColumnResult(r.dataset, r.column, v.entity, v.score, v.coverage, v.runner_up, v.evidence)
            for r, v in zip(results, verdicts, strict=True)]  # fmt: skip


def scan(
    source,
    *,
    name: str | None = None,
    sample: int | None = SCAN_SAMPLE,
    full: bool = False,
    seed: int = 0,
    recognizers: str | Path | None = None,
    progress: bool | None = None,
    lexicon: str | Path | None = None,
    text_cache=None,
) -> ScanResult:
    """Classify every column of ``source`` (a file, folder, list of paths, or DataFrame; a DataFrame whose
    ``attrs["n_rows"]`` is larger than its length is the seeded sample of a table of that many rows).

    Each column is judged on a seeded sample of ``sample`` rows (``full=True`` examines every cell).
    ``recognizers`` is a YAML file of custom recognizers, ``lexicon`` a YAML file of header words that
    extends the built-in vocabulary (bad file: ConfigError). Unreadable inputs are collected in
    ``.errors`` and the others are still scanned. ``text_cache``: a
    :class:`~privacy_audit.detect.text.TextCache` shared with the rest of a run (checks, report).
    """
    if lexicon is not None:
        with use_lexicon(lexicon):
            return scan(source, name=name, sample=sample, full=full, seed=seed, recognizers=recognizers,
                        progress=progress, text_cache=text_cache)  # fmt: skip
    from tqdm.auto import tqdm

    if sample is not None and sample < 1:
        raise InputError(f"sample must be a positive number of rows, got {sample}")
    load_custom_recognizers(recognizers)  # fail fast on a bad recognizers file
    require_model()  # fail fast, whatever the data, when the NER pipeline is not installed
    columns: list[ColumnResult] = []
    errors: list[tuple[str, str]] = []
    inputs = list(_iter_inputs(source, name))
    show = _progress_enabled(progress)
    with tqdm(total=len(inputs), desc="scan", unit="table", disable=not show, leave=False) as bar:
        for label, obj, err in inputs:
            bar.set_postfix_str(Path(label).name[:30])
            if err is not None:
                errors.append((label, err))
                bar.update(1)
                continue
            try:
                if isinstance(obj, pd.DataFrame):  # attrs["n_rows"]: the rows of a table this frame samples
                    df, n_rows = obj, int(obj.attrs.get("n_rows", len(obj)))
                else:
                    df = _read_for_scan(obj, sample=sample, full=full, seed=seed)
                    n_rows = df.attrs.get("n_rows", len(df))
                columns.extend(scan_frame(df, name=label, sample=sample, full=full, seed=seed,
                                          recognizers=recognizers, n_rows=n_rows, text_cache=text_cache))  # fmt: skip
            except PrivacyAuditError as exc:
                if not isinstance(exc, InputError):
                    raise
                errors.append((label, str(exc)))
            bar.update(1)
    return ScanResult(tuple(columns), tuple(errors))


# ---------------------------------------------------------------------------------- findings


def findings(
    source,
    *,
    name: str | None = None,
    columns: list[str] | None = None,
    entities: list[str] | None = None,
    recognizers: str | Path | None = None,
) -> FindingsResult:
    """Cell-level PII spans in every text cell of ``source`` (all rows; optionally some columns or
    entities). Each span is reported with its row (0-based position), offsets, score and masked text."""
    from . import sources
    from .detect.text import analyze_texts

    custom = load_custom_recognizers(recognizers)
    out: list[Finding] = []
    errors: list[tuple[str, str]] = []
    for label, obj, err in _iter_inputs(source, name):
        if err is not None:
            errors.append((label, err))
            continue
        try:
            df = obj if isinstance(obj, pd.DataFrame) else sources.read_table(obj)
        except InputError as exc:
            errors.append((label, str(exc)))
            continue
        cols = [c for c in df.columns if columns is None or str(c) in {str(x) for x in columns}]
        positions = {idx: pos for pos, idx in enumerate(df.index)}
        for col in cols:
            s = stringify(df[col])
            s = s[~s.str.lower().isin(NULL_LIKES)]
            if s.empty:
                continue
            uniq = list(pd.unique(s.to_numpy(dtype=object)))
            spans = dict(zip(uniq, analyze_texts(uniq, entities=entities, custom=custom), strict=True))
            for idx, text in s.items():
                for sp in spans[text]:
                    out.append(Finding(label, positions[idx], str(col), sp.entity, sp.start, sp.end, sp.score,
                                       mask(text[sp.start : sp.end], sp.entity)))  # fmt: skip
    out.sort(key=lambda f: (f.dataset, f.row, f.column, f.start))
    return FindingsResult(tuple(out), tuple(errors))
