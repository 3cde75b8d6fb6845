"""Policy controls: each check tests one promise of the published policy and yields Findings.

* Every module in this package that defines ``CHECKS: dict[str, Callable[[CheckContext],
  Iterable[Finding]]]`` is discovered automatically (adding ``checks/separation.py`` needs no
  edit anywhere else). A module may also define ``CONTROLS: dict[str, dict]`` (``clause``,
  ``severity``, ``title``) used for ids that ``controls.yaml`` does not list.
* Which clause a check id tests, and its severity, come from ``controls.yaml`` (data), overridden
  id by id by the file the data map names under ``controls:``.
* :func:`run_checks` runs them all (or ``only`` some), collects every finding and every error
  (a check that cannot run records an error and the others still run), and returns a frozen
  :class:`CheckResult`.

Checks build findings with :meth:`CheckContext.finding` so clause and severity always come from
the controls mapping. Messages and evidence show masked values only.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import logging
import pkgutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from .. import sources
from ..datamap import DataMap, Dataset
from ..detect.columns import sample_positions
from ..detect.text import TextCache
from ..errors import ConfigError, InputError, PrivacyAuditError
from ..identifiers import cell_texts, map_distinct
from ..io.spill import ChunkSpill
from .summary import (
    ROWS,
    SUBJECT,
    ColumnSummary,
    group_chunk,
    hash_texts,
    merge_groups,
    merge_summaries,
    summarize_chunk,
)

__all__ = [
    "SEVERITIES",
    "FINDING_COLUMNS",
    "Finding",
    "CheckResult",
    "Control",
    "CheckContext",
    "registry",
    "load_controls",
    "run_checks",
    "find_column",
    "cookie_value",
    "subject_ids",
]

log = logging.getLogger(__name__)

SEVERITIES = ("high", "medium", "low")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}
FINDING_COLUMNS = (
    "check",
    "clause",
    "severity",
    "dataset",
    "column",
    "subjects_affected",
    "message",
    "evidence",
)
CONTROLS_FILE = Path(__file__).with_name("controls.yaml")

CheckFn = Callable[["CheckContext"], Iterable["Finding"]]


@dataclass(frozen=True)
class Finding:
    """One violation of one policy clause. ``subjects_affected`` is ``None`` when not countable."""

    check: str
    clause: str
    severity: str
    dataset: str | None
    column: str | None
    subjects_affected: int | None
    message: str
    evidence: str

    def __post_init__(self) -> None:
        if self.severity not in _RANK:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {self.severity!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CheckResult:
    """Every finding of a run (most severe first) and the checks that could not run."""

    findings: tuple[Finding, ...] = ()
    errors: tuple[tuple[str, str], ...] = ()  # (check id, one-line message)
    checks_run: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        df = pd.DataFrame([f.to_dict() for f in self.findings], columns=list(FINDING_COLUMNS))
        return df.astype({"subjects_affected": "Int64"})

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "errors": [{"check": c, "message": m} for c, m in self.errors],
            "checks_run": list(self.checks_run),
        }

    def worst(self) -> str | None:
        """The highest severity among the findings, or ``None`` when there are none."""
        if not self.findings:
            return None
        return min((f.severity for f in self.findings), key=_RANK.__getitem__)

    def at_or_above(self, severity: str) -> tuple[Finding, ...]:
        """Findings at ``severity`` or more severe."""
        limit = _RANK[severity]
        return tuple(f for f in self.findings if _RANK[f.severity] <= limit)


@dataclass(frozen=True)
class Control:
    """What a check id tests: the policy clause, the severity of its findings, a short title."""

    check: str
    clause: str
    severity: str
    title: str = ""


def _read_controls_file(path: Path) -> dict[str, dict]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read controls file ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark else path.name
        raise ConfigError(f"{where}: YAML syntax error in controls file") from None
    controls = doc.get("controls") if isinstance(doc, dict) else None
    if not isinstance(controls, dict):
        raise ConfigError(f"{path.name}: expected a mapping `controls:` of check id -> {{clause, severity}}")
    out = {}
    for cid, spec in controls.items():
        if not isinstance(spec, dict) or "clause" not in spec:
            raise ConfigError(f"{path.name}: controls.{cid}: expected a mapping with `clause:`")
        sev = spec.get("severity", "medium")
        if sev not in _RANK:
            raise ConfigError(
                f"{path.name}: controls.{cid}.severity: expected one of {', '.join(SEVERITIES)}"
            )
        out[str(cid)] = {"clause": str(spec["clause"]), "severity": sev, "title": str(spec.get("title", ""))}
    return out


def load_controls(override: str | Path | None = None) -> dict[str, dict]:
    """The controls mapping: the packaged ``controls.yaml`` overlaid with ``override`` (if given)."""
    controls = _read_controls_file(CONTROLS_FILE)
    if override is not None:
        controls.update(_read_controls_file(Path(override)))
    return controls


def registry() -> dict[str, tuple[CheckFn, dict]]:
    """Every check in this package: check id -> (function, module-level default control or {})."""
    out: dict[str, tuple[CheckFn, dict]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        checks = getattr(module, "CHECKS", None)
        if not isinstance(checks, Mapping):
            continue
        defaults = getattr(module, "CONTROLS", {}) or {}
        for cid, fn in checks.items():
            out[cid] = (fn, dict(defaults.get(cid, {})))
    return out


def _control_for(cid: str, controls: Mapping[str, dict], default: Mapping[str, Any]) -> Control:
    spec = controls.get(cid) or default or controls.get(cid.split(".", 1)[0])
    if not spec:
        raise ConfigError(
            f"no clause for check {cid!r}: add it to controls.yaml (or the data map's controls file)"
        )
    return Control(cid, str(spec["clause"]), spec.get("severity", "medium"), spec.get("title", ""))


def cookie_value(header: object, name: str) -> str | None:
    """The value of cookie ``name`` in a ``Cookie:`` header string (``None`` when absent)."""
    if not isinstance(header, str) or header in {"", "-"}:
        return None
    for part in header.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key == name and value:
            return value
    return None


def find_column(frame: pd.DataFrame, *names: str) -> str | None:
    """The first column of ``frame`` whose name matches one of ``names`` (case-insensitive)."""
    lower = {str(c).lower(): c for c in frame.columns}
    for name in names:
        if name and name.lower() in lower:
            return lower[name.lower()]
    return None


_READABLE = {"csv", "parquet", "jsonl", "excel", "log"}
_FIRST_ROWS = 100  # rows of each streamed dataset's first chunk kept (CheckContext.head / columns)
#: lines per chunk of a server log at most: a parsed line is ~14 Python strings (~1 KB), so 100,000 lines
#: parsed at once peaked at ~400 MB more than 25,000 lines do (100x sample estate, 400k lines)
_LOG_CHUNK_ROWS = 25_000


def subject_ids(ds: Dataset, df: pd.DataFrame) -> pd.Series:
    """The subject id of each row of ``df`` (a dataset's frame or one of its chunks) as strings: the
    ``subject_key`` column, else the ``subject_cookie`` inside the log's cookie field."""
    if ds.subject_key:
        col = find_column(df, ds.subject_key)
        if col is None:
            raise InputError(f"subject_key column {ds.subject_key!r} not in the data")
        values = df[col]
        if isinstance(values.dtype, pd.StringDtype):  # str() of each text is the text: no call per value
            return pd.Series(values.to_numpy(dtype=object, na_value=None), index=values.index, dtype=object,
                             name=values.name)  # fmt: skip
        return map_distinct(values, str)
    col = find_column(df, "cookie", "cookies")
    if col is None:
        raise InputError("subject_cookie given but the data has no cookie column")
    return map_distinct(df[col], lambda v: cookie_value(v, str(ds.extra.get("subject_cookie"))))


class CheckContext:
    """What checks share: the data map, the audit date, controls, and cached registers/scans/summaries.

    Checks stream datasets (:meth:`chunks`, :meth:`summaries`, :meth:`groups`, :meth:`sample`,
    :meth:`subject_set`, :meth:`row_count`): no check reads a dataset whole, so memory follows the
    chunk size and the distinct values, not the rows. :meth:`frame` (read whole, cached) is for callers
    outside the checks (linkage, ``anonymize``) and the frames a caller hands in (``run_checks(frames=)``).
    """

    def __init__(
        self,
        datamap: DataMap,
        *,
        as_of: _dt.date,
        controls: Mapping[str, dict],
        text_cache: TextCache | None = None,
    ) -> None:
        self.datamap = datamap
        #: Presidio's results per distinct text, shared by every check (and scan) of this run
        self.text_cache = text_cache if text_cache is not None else TextCache()
        self.as_of = as_of
        self.controls = controls
        self._defaults: dict[str, dict] = {}
        self._frames: dict[str, pd.DataFrame] = {}
        self._registers: dict[str, pd.DataFrame | None] = {}
        self._scans: dict[str, Any] = {}
        self._texts: dict[tuple[str, str], pd.Series] = {}
        self._summaries: dict[str, dict[str, ColumnSummary]] = {}
        self._rows: dict[str, int] = {}
        self._firsts: dict[str, pd.DataFrame] = {}  # the first rows of each dataset streamed
        self._spills: dict[str, ChunkSpill] = {}  # datasets costly to parse again, their chunks kept on disk
        self._subject_sets: dict[str, set[str]] = {}
        #: rows per chunk when a dataset is streamed (:meth:`chunks`)
        self.chunksize = 100_000
        self.problems: list[tuple[str, str]] = []
        self._vault_key: bytes | None = None

    def problem(self, check: str, message: str) -> None:
        """Record that part of a check could not be evaluated (the rest of the run goes on)."""
        self.problems.append((check, " ".join(message.split())))

    # -- data access -------------------------------------------------------------------------
    def frame(self, dataset: str | Dataset) -> pd.DataFrame:
        """The whole dataset as a DataFrame (read once, then cached; checks stream instead)."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if ds.name not in self._frames:
            self._frames[ds.name] = self._read(ds)
        return self._frames[ds.name]

    def texts(self, dataset: str | Dataset, column: str) -> pd.Series:
        """:func:`~privacy_audit.identifiers.cell_texts` of one column (index 0..n-1; once per run)."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        key = (ds.name, str(column))
        if key not in self._texts:
            frame = self.frame(ds)
            self._texts[key] = cell_texts(frame[column]).reset_index(drop=True)
        return self._texts[key]

    def _read(self, ds: Dataset) -> pd.DataFrame:
        return sources.read_dataset(ds, vault_key=self.vault_key() if ds.format == "vault" else None)

    def vault_key(self) -> bytes:
        """The vault master key: ``vault.key_file`` of the data map, else ``vault.key_env`` (cached)."""
        if self._vault_key is None:
            from ..vault import key_for_datamap

            self._vault_key = key_for_datamap(self.datamap, required=True)
        return self._vault_key

    def register(self, name: str) -> pd.DataFrame | None:
        """The governance register ``name`` (e.g. ``consents``) as a DataFrame, ``None`` if undeclared."""
        if name not in self._registers:
            reg = self.datamap.registers.get(name)
            if reg is None:
                self._registers[name] = None
            else:
                fmt = {"tsv": "csv", "json": "jsonl"}.get(reg.format or "", reg.format)
                self._registers[name] = sources.read_table(reg.path, format=fmt if fmt in _READABLE else None)
        return self._registers[name]

    def scan(self, dataset: str | Dataset) -> Any:
        """``privacy_audit.scan.scan`` of the dataset (cached): the same verdicts as a scan of the whole
        frame, from the sampled rows alone (:meth:`sample`) unless a check already read the frame."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if ds.name not in self._scans:
            from ..scan import SCAN_SAMPLE, scan

            rows = self._frames[ds.name] if ds.name in self._frames else self.sample(ds, SCAN_SAMPLE)
            self._scans[ds.name] = scan(rows, name=ds.name, text_cache=self.text_cache)
        return self._scans[ds.name]

    def row_count(self, dataset: str | Dataset) -> int:
        """The dataset's number of rows (Parquet: from its metadata; else one pass over :meth:`chunks`)."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if ds.name not in self._rows:
            if ds.name in self._frames:
                n = len(self._frames[ds.name])
            elif self._summaries.get(ds.name):
                n = next(iter(self._summaries[ds.name].values())).rows
            elif ds.format == "parquet" and ds.path is not None:
                n = sum(p.rows or 0 for p in sources.partitions(ds.path, format="parquet"))
            else:
                n = sum(len(chunk) for chunk in self.chunks(ds))
            self._rows[ds.name] = n
        return self._rows[ds.name]

    def sample(self, dataset: str | Dataset, size: int, seed: int = 0) -> pd.DataFrame:
        """The rows at :func:`~privacy_audit.detect.columns.sample_positions` (``size`` of the dataset's
        rows, seeded), picked chunk by chunk; ``attrs["n_rows"]`` is the dataset's row count (what a
        sampled scan of the whole frame is told). When the chunks' dtypes disagree (JSON Lines or SQL
        chunks infer their own: whole numbers in one, a null in another), the rows are taken from the
        whole frame instead, read for this and dropped, so the values read as in the whole frame."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        n = self.row_count(ds)
        pos = sample_positions(n, size, seed)
        dtypes: dict[str, set] = {}
        parts: list[pd.DataFrame] = []
        for piece in self._sample_parts(ds, pos):
            for col, dtype in piece.dtypes.items():
                dtypes.setdefault(str(col), set()).add(dtype)
            if len(piece) or not parts:
                parts.append(piece)
        if not parts:
            return pd.DataFrame()
        if any(len(kinds) > 1 for kinds in dtypes.values()):
            out = self._read(ds).iloc[pos].reset_index(drop=True)
        else:
            out = pd.concat(parts, ignore_index=True)
        out.attrs["n_rows"] = n
        return out

    def _sample_parts(self, ds: Dataset, pos: np.ndarray) -> Iterator[pd.DataFrame]:
        """The rows of each chunk at the sampled positions ``pos``, chunk by chunk (every chunk yields,
        possibly no rows, so every chunk's dtypes are seen). A Parquet dataset not read yet: per row group,
        only the sampled rows are converted to pandas (:func:`~privacy_audit.sources.read_partition`)."""
        if ds.name not in self._frames and ds.format == "parquet" and ds.path is not None:
            for part in sources.partitions(ds.path, format="parquet"):
                lo, hi = np.searchsorted(pos, [part.offset, part.offset + (part.rows or 0)])
                yield sources.read_partition(part, rows=(pos[lo:hi] - part.offset).tolist())
            return
        offset = 0
        for chunk in self.chunks(ds):
            lo, hi = np.searchsorted(pos, [offset, offset + len(chunk)])
            yield chunk.iloc[pos[lo:hi] - offset]
            offset += len(chunk)

    def columns(self, dataset: str | Dataset) -> pd.DataFrame:
        """The dataset's columns (and dtypes) as a frame without rows (from its first chunk, once)."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if ds.name in self._frames:
            return self._frames[ds.name].head(0)
        if ds.name not in self._firsts:
            costly = sources.costly_to_reread(ds)
            for _ in self.chunks(ds):  # the first chunk is remembered (see chunks)
                if not costly:
                    break  # else the pass goes on: its chunks are kept for the run's later passes
        first = self._firsts.get(ds.name)
        return first.head(0) if first is not None else pd.DataFrame()

    def groups(
        self, dataset: str | Dataset, columns: Iterable[str]
    ) -> tuple[pd.DataFrame, np.ndarray, pd.Series | None]:
        """The dataset's distinct rows over ``columns`` (and subject id) with how many rows each stands for,
        built chunk by chunk (:func:`~privacy_audit.checks.summary.group_chunk`, merged): ``(frame of
        ``columns``, row counts, subject id per distinct row or None without a subject key)``. Equivalence
        classes of the frame weighted by the counts (or counted in subjects) are the whole frame's."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        cols = list(dict.fromkeys(columns))
        keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))

        def parts() -> Iterator[pd.DataFrame]:
            offset = 0
            for chunk in self.chunks(ds):
                yield group_chunk(chunk, cols, subject_ids(ds, chunk) if keyed else None, offset=offset)
                offset += len(chunk)

        merged = merge_groups(parts())
        if ROWS not in merged.columns or not len(merged):
            head = self.columns(ds)[cols]
            return head, np.zeros(0, dtype=np.int64), (pd.Series([], dtype=object) if keyed else None)
        subjects = merged[SUBJECT].astype(object) if keyed else None
        return merged[cols], merged[ROWS].to_numpy(dtype=np.int64), subjects

    def projection(
        self, dataset: str | Dataset, columns: Iterable[str], *, first_per_subject: bool = False
    ) -> tuple[pd.DataFrame, pd.Series | None]:
        """Only ``columns`` of the dataset, every row in order (read chunk by chunk, the other columns
        dropped as each chunk is read), and the subject id of each row (``None`` without a subject key).
        ``first_per_subject``: of the rows with a subject id, only each subject's first row (rows without
        an id all kept, in order): what the risk measures keep of rows in one class, held per subject
        instead of per row."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        cols = list(dict.fromkeys(columns))
        keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
        parts: list[pd.DataFrame] = []
        ids: list[pd.Series] = []
        seen: set[str] = set()
        key = find_column(self.columns(ds), ds.subject_key) if ds.subject_key else None
        needed = list(dict.fromkeys([*cols, key])) if key is not None else None  # Parquet reads only these
        for chunk in self.chunks(ds, needed):
            chunk_ids = subject_ids(ds, chunk) if keyed else None
            part = chunk[cols]
            if first_per_subject and chunk_ids is not None:
                known = chunk_ids.notna().to_numpy()
                first = known & ~chunk_ids.duplicated().to_numpy()
                if seen:
                    first &= ~chunk_ids.isin(seen).to_numpy()
                keep = first | ~known
                seen.update(chunk_ids[first].tolist())
                part, chunk_ids = part[keep], chunk_ids[keep]
            parts.append(part)
            if chunk_ids is not None:
                ids.append(chunk_ids)
        frame = pd.concat(parts, ignore_index=True) if parts else self.columns(ds)[cols]
        if not keyed:
            return frame, None
        subjects = pd.concat(ids, ignore_index=True) if ids else pd.Series([], dtype=object)
        return frame, subjects.astype(object)

    def head(self, dataset: str | Dataset, n: int) -> pd.DataFrame:
        """The first ``n`` rows of the dataset (read until they are in hand)."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        first = self._firsts.get(ds.name)
        if first is not None and len(first) >= n:
            return first.head(n)
        parts: list[pd.DataFrame] = []
        got = 0
        for chunk in self.chunks(ds):
            parts.append(chunk.head(n - got))
            got += len(parts[-1])
            if got >= n:
                break
        return pd.concat(parts, ignore_index=True) if len(parts) > 1 else (parts[0] if parts else pd.DataFrame())

    def head_values(self, dataset: str | Dataset, columns: Iterable[str], n: int = 200) -> dict[str, pd.Series]:
        """The first ``n`` non-null values of each of ``columns``, in row order (read until each has them)."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        cols = list(dict.fromkeys(columns))
        got: dict[str, list[pd.Series]] = {c: [] for c in cols}
        need = dict.fromkeys(cols, n)
        for chunk in self.chunks(ds):
            for c in cols:
                if need[c] > 0:
                    part = chunk[c].dropna().head(need[c])
                    got[c].append(part)
                    need[c] -= len(part)
            if all(v <= 0 for v in need.values()):
                break
        return {c: pd.concat(parts, ignore_index=True) for c, parts in got.items() if parts}

    def subject_set(self, dataset: str | Dataset) -> set[str] | None:
        """The distinct, non-empty subject ids of the dataset (``None`` when it has no subject key),
        streamed (once per run)."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if not ds.subject_key and not ds.extra.get("subject_cookie"):
            return None
        if ds.name not in self._subject_sets:
            found: set[str] = set()
            for chunk in self.chunks(ds):
                found.update(subject_ids(ds, chunk).dropna().unique().tolist())
            found.discard("")
            self._subject_sets[ds.name] = found
        return self._subject_sets[ds.name]

    def subject_values(self, dataset: str | Dataset) -> pd.Series | None:
        """The subject id of each row as strings (``None`` when the dataset has no subject key).

        The id is the ``subject_key`` column, or -- for server logs -- the value of the cookie the
        data map names with ``subject_cookie:`` inside the log's ``cookie`` field.
        """
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if not ds.subject_key and not ds.extra.get("subject_cookie"):
            return None
        return subject_ids(ds, self.frame(ds))

    def chunks(self, dataset: str | Dataset, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        """The dataset in chunks, in row order: the frame when a check already read it whole, else
        streamed by :func:`privacy_audit.sources.iter_dataset_chunks` (the vault, which cannot be
        streamed, is read whole). ``columns``: the columns the caller needs (real names); a Parquet
        dataset then reads only those, other chunks may hold more."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if ds.name in self._frames or ds.format == "vault":
            yield self.frame(ds)
            return
        if columns is not None and ds.format == "parquet":
            yield from sources.iter_dataset_chunks(ds, self.chunksize, columns=list(columns), coalesce=True)
            return
        spill = self._spills.get(ds.name)
        if spill is not None and spill.complete:
            yield from spill.replay()  # parsed once per run (see io/spill.py)
            return
        size = min(self.chunksize, _LOG_CHUNK_ROWS) if ds.format == "log" else self.chunksize
        stream = sources.iter_dataset_chunks(ds, size, coalesce=True)  # small row groups read together
        if sources.costly_to_reread(ds):
            spill = ChunkSpill()
            self._spills[ds.name] = spill
            stream = spill.record(stream)
        first, rows = True, 0
        for chunk in stream:
            if first and ds.name not in self._firsts:
                self._firsts[ds.name] = chunk.head(_FIRST_ROWS).copy()
            first = False
            rows += len(chunk)
            yield chunk
        self._rows.setdefault(ds.name, rows)  # a complete pass: the row count is known

    def summaries(self, dataset: str | Dataset) -> dict[str, ColumnSummary]:
        """Every column of the dataset as a :class:`~privacy_audit.checks.summary.ColumnSummary`,
        built in one pass over :meth:`chunks` (once per run); only the current chunk is held."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        if ds.name not in self._summaries:
            keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
            done = {col: t for (name, col), t in self._texts.items() if name == ds.name}
            whole = ds.name in self._frames

            def parts() -> Iterator[dict[str, ColumnSummary]]:
                offset = 0
                for chunk in self.chunks(ds):
                    ids = subject_ids(ds, chunk) if keyed else None
                    # texts earlier checks computed are reused when the chunk is the whole cached frame
                    yield summarize_chunk(chunk, ids, offset=offset, texts=done if whole else None)
                    offset += len(chunk)

            self._summaries[ds.name] = merge_summaries(parts())
        return self._summaries[ds.name]

    def subjects_holding(self, dataset: str | Dataset, column: str, mask: np.ndarray) -> int:
        """Distinct subject ids among the rows holding the values of ``mask`` (aligned with the column's
        summary, :class:`~privacy_audit.checks.summary.ColumnSummary`): from the summary when each value has
        one holder, else one pass over :meth:`chunks` comparing the texts' hashes."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        summary = self.summaries(ds)[column]
        known = summary.subjects_of(mask)
        if known is not None:
            return known
        wanted = pd.Index(np.unique(summary.keys[mask]))
        found: set[str] = set()
        cached = self._texts.get((ds.name, column)) if ds.name in self._frames else None
        for chunk in self.chunks(ds):  # the cached frame itself when ``cached`` is not None
            texts = cached if cached is not None else cell_texts(chunk[column])
            codes, uniques = pd.factorize(texts.reset_index(drop=True), use_na_sentinel=True)
            hit = wanted.get_indexer(hash_texts(np.asarray(uniques, dtype=object), summary.key)) >= 0
            rows = (codes >= 0) & np.append(hit, False)[codes]
            ids = subject_ids(ds, chunk).reset_index(drop=True)
            found.update(ids[rows].dropna().tolist())
        return len(found)

    def distinct_texts(self, dataset: str | Dataset, column: str, limit: int | None = None) -> list[str]:
        """The first ``limit`` (default: all) distinct texts of ``column`` in order of first appearance, the
        order of its summary's values: from the summary's kept texts, else read again from the column."""
        ds = dataset if isinstance(dataset, Dataset) else self.datamap.dataset(dataset)
        summary = self.summaries(ds)[column]
        need = summary.distinct if limit is None else min(limit, summary.distinct)
        if len(summary.texts) >= need:
            return list(summary.texts[:need])
        seen: dict[str, None] = {}
        for chunk in self.chunks(ds):
            seen.update(dict.fromkeys(pd.unique(cell_texts(chunk[column]).dropna().to_numpy(dtype=object)).tolist()))
            if len(seen) >= need:
                break
        return list(seen)[:need]

    # -- findings ----------------------------------------------------------------------------
    def control(self, check: str) -> Control:
        return _control_for(check, self.controls, self._defaults.get(check, {}))

    def finding(
        self,
        check: str,
        *,
        dataset: str | None,
        message: str,
        evidence: str = "",
        column: str | None = None,
        subjects_affected: int | None = None,
        severity: str | None = None,
    ) -> Finding:
        """A :class:`Finding` whose clause and severity come from the controls mapping."""
        ctl = self.control(check)
        return Finding(
            check=check,
            clause=ctl.clause,
            severity=severity or ctl.severity,
            dataset=dataset,
            column=column,
            subjects_affected=None if subjects_affected is None else int(subjects_affected),
            message=message,
            evidence=evidence,
        )


def _select(ids: Iterable[str], only: str | Iterable[str] | None) -> list[str]:
    ids = sorted(ids)
    if only is None:
        return ids
    wanted = [only] if isinstance(only, str) else list(only)
    if not wanted:
        return ids
    picked: list[str] = []
    for w in wanted:
        match = [i for i in ids if i == w or i.startswith(w + ".")]
        if not match:
            raise ConfigError(f"unknown check {w!r} (known: {', '.join(ids)})")
        picked.extend(m for m in match if m not in picked)
    return picked


def run_checks(
    datamap: DataMap,
    *,
    as_of: _dt.date | str | None = None,
    only: str | Iterable[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    frames: Mapping[str, pd.DataFrame] | None = None,
    scans: Mapping[str, Any] | None = None,
    text_cache: TextCache | None = None,
    chunksize: int = 100_000,
    summaries: Mapping[str, Mapping[str, ColumnSummary]] | None = None,
) -> CheckResult:
    """Run every registered check (or those in ``only``: ids or area prefixes such as ``sharing``).

    ``as_of`` (default: the data map's ``as_of``, else today) is the date ages are measured from.
    ``progress(check_id, index, total)`` is called before each check. Every finding and every
    check that could not run is collected; the result is sorted most severe first. ``frames``:
    datasets already read (name -> frame), e.g. by the Dask engine (``privacy_audit.engine``);
    ``scans``: their ScanResults already computed (name -> result), e.g. by the compliance report;
    ``text_cache``: Presidio's results per text, to share with the caller's scans (default: one for this run).
    ``chunksize``: rows per chunk where a check streams a dataset into per-column summaries;
    ``summaries``: datasets' column summaries already built (name -> column -> summary), e.g. per
    partition on Dask and merged (``privacy_audit.engine``).
    """
    if isinstance(as_of, str):
        try:
            as_of = _dt.date.fromisoformat(as_of)
        except ValueError:
            raise InputError(f"--as-of: expected a date YYYY-MM-DD, got {as_of!r}") from None
    as_of = as_of or datamap.as_of or _dt.date.today()
    controls = load_controls(datamap.controls)
    reg = registry()
    ctx = CheckContext(datamap, as_of=as_of, controls=controls, text_cache=text_cache)
    ctx.chunksize = chunksize
    ctx._defaults = {cid: default for cid, (_, default) in reg.items()}
    ctx._frames.update(frames or {})
    ctx._scans.update(scans or {})
    ctx._summaries.update({name: dict(cols) for name, cols in (summaries or {}).items()})
    selected = _select(reg, only)
    findings: list[Finding] = []
    errors: list[tuple[str, str]] = []
    for i, cid in enumerate(selected):
        if progress is not None:
            progress(cid, i, len(selected))
        fn, _ = reg[cid]
        try:
            ctx.control(cid)  # a check without a clause is a configuration error, reported as such
            findings.extend(fn(ctx))
        except PrivacyAuditError as exc:
            errors.append((cid, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            # The exception text may quote personal data: report (and log) only its type.
            log.warning("check %s failed with %s", cid, type(exc).__name__)
            errors.append((cid, f"check failed with {type(exc).__name__}"))
    errors.extend(ctx.problems)
    findings.sort(key=lambda f: (_RANK[f.severity], f.check, f.dataset or "", f.column or ""))
    return CheckResult(tuple(findings), tuple(errors), tuple(selected))
