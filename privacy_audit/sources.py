"""Estate I/O: the only module that reads or writes estate files.

Readers return pandas DataFrames; every failure a user can cause (missing path, binary or truncated
file, wrong encoding, ragged rows, unknown format) becomes an :class:`~privacy_audit.errors.InputError`
with one line naming the file. Writers are atomic: a temporary file in the same folder, fsync,
``os.replace``; a failed write never leaves a partial file behind.

Public functions:

* :func:`detect_format` -- ``csv | parquet | jsonl | excel | log`` from the suffix, else the content.
* :func:`read_table` -- any supported file (or hive-partitioned Parquet folder) into a DataFrame.
* :func:`read_log` -- a web server access log (combined format + optional quoted cookie field).
* :func:`iter_chunks` -- the same data in chunks (CSV/JSONL streamed, Parquet by row group).
* :func:`list_tables` -- the table files (and partitioned Parquet folders) under a folder.
* :func:`write_table_atomic`, :func:`atomic_write_bytes` -- atomic writers.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .errors import InputError

__all__ = [
    "FORMATS",
    "LOG_COLUMNS",
    "detect_format",
    "list_tables",
    "read_table",
    "read_log",
    "iter_chunks",
    "write_table_atomic",
    "atomic_write_bytes",
    "sniff_csv",
]

FORMATS = ("csv", "parquet", "jsonl", "excel", "log")

_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".psv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".xlsx": "excel",
    ".xlsm": "excel",
    ".xls": "excel",
    ".log": "log",
}

LOG_COLUMNS = [
    "ip", "ident", "user", "ts", "method", "path", "protocol", "status", "bytes",
    "referer", "user_agent", "cookie", "line_no", "raw",
]  # fmt: skip

# Apache/Nginx combined log format, plus an optional trailing quoted cookie field.
_LOG_RE = re.compile(
    r'^(?P<ip>\S+) (?P<ident>\S+) (?P<user>\S+) \[(?P<ts>[^\]]+)\] '
    r'"(?P<request>(?:[^"\\]|\\.)*)" (?P<status>\d{3}|-) (?P<bytes>\d+|-)'
    r'(?: "(?P<referer>(?:[^"\\]|\\.)*)" "(?P<user_agent>(?:[^"\\]|\\.)*)")?'
    r'(?: "(?P<cookie>(?:[^"\\]|\\.)*)")?\s*$'
)

_SNIFF_BYTES = 64 * 1024


def _err(path: Path | str, why: str) -> InputError:
    return InputError(f"{path}: {why}")


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise _err(path, "no such file or folder")


def _is_partitioned_parquet(folder: Path) -> bool:
    """A folder that holds Parquet parts (possibly under ``key=value`` folders) and nothing else."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
    return bool(files) and all(p.suffix.lower() in {".parquet", ".pq"} or p.suffix == "" for p in files) and any(
        p.suffix.lower() in {".parquet", ".pq"} for p in files
    ) and (any(d.is_dir() and "=" in d.name for d in folder.iterdir()) or len(files) > 1)


def detect_format(path: str | Path) -> str:
    """The format of ``path``: one of :data:`FORMATS`, from the suffix, else from the first bytes."""
    path = Path(path)
    _check_exists(path)
    if path.is_dir():
        if _is_partitioned_parquet(path):
            return "parquet"
        raise _err(path, "is a folder, not a table (scan walks folders; read_table needs a file)")
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt:
        return fmt
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"PK\x03\x04"):
        return "excel"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    first = text.splitlines()[0] if text.splitlines() else ""
    if _LOG_RE.match(first):
        return "log"
    if first.lstrip().startswith("{"):
        return "jsonl"
    return "csv"


def list_tables(path: str | Path) -> list[Path]:
    """Every table under ``path``: the file itself, or the readable files (and partitioned Parquet
    folders, as one table each) found by walking a folder, sorted. Hidden files are skipped."""
    path = Path(path)
    _check_exists(path)
    if path.is_file():
        return [path]
    if _is_partitioned_parquet(path):
        return [path]
    found: list[Path] = []
    for entry in sorted(path.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir():
            found.extend(list_tables(entry))
        elif entry.suffix.lower() in _SUFFIXES:
            found.append(entry)
    return found


# ---------------------------------------------------------------------------------------- CSV


def _decode_head(path: Path, encoding: str | None) -> tuple[str, str]:
    """Return (encoding, decoded head). Raise InputError for binary files or undecodable text."""
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
        at_eof = not fh.read(1)
    if not head:
        raise _err(path, "empty file")
    if head.startswith(codecs.BOM_UTF8):
        encoding = encoding or "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = encoding or "utf-16"
    elif b"\x00" in head and not encoding:
        raise _err(path, "binary file, not a text table")
    if head.startswith(b"PAR1") or head.startswith(b"PK\x03\x04"):
        raise _err(path, "binary file, not a text table")
    if encoding is None:
        try:
            # A multi-byte character may be cut at the end of the head: decode incrementally.
            codecs.getincrementaldecoder("utf-8")().decode(head, final=at_eof)
            encoding = "utf-8"
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(head).best()
            if best is None:
                raise _err(path, "cannot decode: not UTF-8 and no other text encoding fits") from None
            encoding = best.encoding
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=at_eof)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _err(path, f"cannot decode as {encoding}: wrong encoding ({type(exc).__name__})") from None
    return encoding, text


def sniff_csv(path: str | Path, *, encoding: str | None = None) -> tuple[str, str]:
    """The ``(encoding, delimiter)`` of a delimited text file, sniffed from its first 64 KiB."""
    path = Path(path)
    _check_exists(path)
    encoding, text = _decode_head(path, encoding)
    sample = "\n".join(text.lstrip("\ufeff").splitlines()[:50])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.splitlines()[0].count(d) if sample else 0 for d in ",;\t|"}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    return encoding, delimiter


def _csv_kwargs(path: Path, encoding: str | None) -> dict:
    enc, delimiter = sniff_csv(path, encoding=encoding)
    return {"encoding": enc, "sep": delimiter, "on_bad_lines": "error", "encoding_errors": "strict"}


def _wrap_csv_error(path: Path, exc: Exception) -> InputError:
    msg = " ".join(str(exc).split())
    if isinstance(exc, UnicodeDecodeError):
        return _err(path, f"wrong encoding: {exc.encoding} cannot decode byte at offset {exc.start}")
    if "Expected" in msg and "fields" in msg:
        return _err(path, f"ragged rows: {msg.removeprefix('Error tokenizing data. C error: ')}")
    return _err(path, f"not a readable CSV table ({msg[:160]})")


def _read_csv(path: Path, nrows: int | None, encoding: str | None, **kw) -> pd.DataFrame:
    kwargs = _csv_kwargs(path, encoding)
    kwargs.update(kw)
    try:
        return pd.read_csv(path, nrows=nrows, **kwargs)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise _wrap_csv_error(path, exc) from None
    except pd.errors.EmptyDataError:
        raise _err(path, "empty file: no columns") from None


# ------------------------------------------------------------------------------------ Parquet


def _read_parquet(path: Path, nrows: int | None, columns: list[str] | None = None) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    try:
        if path.is_dir():
            dataset = ds.dataset(path, format="parquet", partitioning="hive")
            table = dataset.head(nrows, columns=columns) if nrows is not None else dataset.to_table(columns=columns)
        elif nrows is not None:
            pf = pq.ParquetFile(path)
            batches = []
            remaining = nrows
            for batch in pf.iter_batches(batch_size=min(max(nrows, 1), 65536), columns=columns):
                batches.append(batch.slice(0, remaining))
                remaining -= min(remaining, batch.num_rows)
                if remaining <= 0:
                    break
            table = pa.Table.from_batches(batches, schema=pf.schema_arrow) if batches else pf.schema_arrow.empty_table()
        else:
            table = pq.read_table(path, columns=columns)
    except (pa.ArrowException, OSError, ValueError) as exc:
        why = " ".join(str(exc).split())[:160]
        raise _err(path, f"not a readable Parquet file (truncated or corrupt: {why})") from None
    return table.to_pandas()


# ----------------------------------------------------------------------------- JSONL / Excel


def _read_jsonl(path: Path, nrows: int | None, encoding: str | None) -> pd.DataFrame:
    enc, _ = _decode_head(path, encoding)
    try:
        return pd.read_json(path, lines=True, nrows=nrows, encoding=enc, dtype=False, convert_dates=False)
    except (ValueError, UnicodeDecodeError) as exc:
        why = " ".join(str(exc).split())[:160]
        raise _err(path, f"not valid JSON Lines ({why})") from None


def _read_excel(path: Path, nrows: int | None) -> pd.DataFrame:
    try:
        return pd.read_excel(path, nrows=nrows)
    except Exception as exc:  # openpyxl/xlrd raise many types (BadZipFile, KeyError, ValueError...)
        why = " ".join(str(exc).split())[:160]
        raise _err(path, f"not a readable Excel workbook ({type(exc).__name__}: {why})") from None


# ---------------------------------------------------------------------------------------- logs


def _unescape(value: str | None) -> str | None:
    if value is None:
        return None
    return value.replace('\\"', '"').replace("\\\\", "\\")


def _parse_log_lines(lines: list[str], start_no: int = 1) -> tuple[list[dict], int]:
    rows: list[dict] = []
    bad = 0
    for i, raw in enumerate(lines, start=start_no):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        m = _LOG_RE.match(line)
        row: dict = dict.fromkeys(LOG_COLUMNS)
        row["line_no"], row["raw"] = i, line
        if m is None:
            bad += 1
        else:
            g = m.groupdict()
            parts = _unescape(g["request"]).split(" ")
            method, target, protocol = (parts + [None, None, None])[:3] if len(parts) >= 2 else (None, g["request"], None)
            row.update(
                ip=g["ip"], ident=None if g["ident"] == "-" else g["ident"],
                user=None if g["user"] == "-" else g["user"], ts=g["ts"], method=method, path=target,
                protocol=protocol, status=None if g["status"] == "-" else int(g["status"]),
                bytes=None if g["bytes"] == "-" else int(g["bytes"]),
                referer=None if g["referer"] in (None, "-") else _unescape(g["referer"]),
                user_agent=None if g["user_agent"] in (None, "-") else _unescape(g["user_agent"]),
                cookie=None if g["cookie"] in (None, "-") else _unescape(g["cookie"]),
            )  # fmt: skip
        rows.append(row)
    return rows, bad


def _log_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=LOG_COLUMNS)
    df["ts"] = pd.to_datetime(df["ts"], format="%d/%b/%Y:%H:%M:%S %z", errors="coerce", utc=True)
    for col in ("status", "bytes"):
        df[col] = df[col].astype("Int64")
    df["line_no"] = df["line_no"].astype("int64")
    return df


def read_log(path: str | Path, *, nrows: int | None = None, encoding: str | None = None) -> pd.DataFrame:
    """A web server access log as a DataFrame with the columns :data:`LOG_COLUMNS`.

    Lines in the Apache/Nginx combined format, optionally followed by a quoted cookie field, are
    parsed; ``ts`` is a UTC timestamp, ``line_no`` is 1-based and ``raw`` keeps the line as written.
    Lines that do not parse are kept (``raw`` and ``line_no`` only). A file where most lines do not
    parse is not a log: InputError.
    """
    path = Path(path)
    _check_exists(path)
    enc, _ = _decode_head(path, encoding)
    try:
        with open(path, encoding=enc, newline="") as fh:
            lines = fh.readlines() if nrows is None else [line for _, line in zip(range(nrows), fh, strict=False)]
    except UnicodeDecodeError as exc:
        raise _err(path, f"wrong encoding: {exc.encoding} cannot decode byte at offset {exc.start}") from None
    rows, bad = _parse_log_lines(lines)
    if rows and bad > len(rows) / 2:
        raise _err(path, f"not an access log in combined format ({bad} of {len(rows)} lines do not parse)")
    return _log_frame(rows)


# -------------------------------------------------------------------------------------- public


def read_table(
    path: str | Path,
    *,
    format: str | None = None,
    nrows: int | None = None,
    encoding: str | None = None,
    columns: list[str] | None = None,
) -> pd.DataFrame:
    """Read one table (CSV/TSV, Parquet file or hive-partitioned folder, JSON Lines, Excel, access log).

    ``format`` overrides :func:`detect_format`; ``nrows`` reads only the first rows; ``encoding``
    overrides CSV/JSONL/log encoding sniffing (a file that does not decode with it is an error).
    CSV types are inferred by pandas (use ``columns`` to read a subset of Parquet columns).
    """
    path = Path(path)
    _check_exists(path)
    fmt = (format or detect_format(path)).lower()
    if fmt not in FORMATS:
        raise _err(path, f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if path.is_dir() and fmt != "parquet":
        raise _err(path, "is a folder, not a table")
    if fmt == "csv":
        return _read_csv(path, nrows, encoding)
    if fmt == "parquet":
        return _read_parquet(path, nrows, columns)
    if fmt == "jsonl":
        return _read_jsonl(path, nrows, encoding)
    if fmt == "excel":
        return _read_excel(path, nrows)
    return read_log(path, nrows=nrows, encoding=encoding)


def iter_chunks(
    path: str | Path, chunksize: int = 100_000, *, format: str | None = None, encoding: str | None = None
) -> Iterator[pd.DataFrame]:
    """Yield the table at ``path`` in DataFrames of at most ``chunksize`` rows (Parquet: one row group
    per chunk, split further when larger). CSV, JSON Lines and logs are streamed."""
    path = Path(path)
    _check_exists(path)
    fmt = (format or detect_format(path)).lower()
    if fmt == "csv":
        kwargs = _csv_kwargs(path, encoding)
        try:
            with pd.read_csv(path, chunksize=chunksize, **kwargs) as reader:
                yield from reader
        except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
            raise _wrap_csv_error(path, exc) from None
    elif fmt == "jsonl":
        enc, _ = _decode_head(path, encoding)
        try:
            with pd.read_json(
                path, lines=True, chunksize=chunksize, encoding=enc, dtype=False, convert_dates=False
            ) as reader:
                yield from reader
        except (ValueError, UnicodeDecodeError) as exc:
            raise _err(path, f"not valid JSON Lines ({' '.join(str(exc).split())[:160]})") from None
    elif fmt == "parquet" and path.is_file():
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
            for i in range(pf.num_row_groups):
                table = pf.read_row_group(i)
                for start in range(0, table.num_rows, chunksize):
                    yield table.slice(start, chunksize).to_pandas()
        except (pa.ArrowException, OSError) as exc:
            raise _err(path, f"not a readable Parquet file (truncated or corrupt: {str(exc)[:160]})") from None
    elif fmt == "log":
        enc, _ = _decode_head(path, encoding)
        with open(path, encoding=enc, newline="") as fh:
            buf: list[str] = []
            start = 1
            for line in fh:
                buf.append(line)
                if len(buf) >= chunksize:
                    yield _log_frame(_parse_log_lines(buf, start)[0])
                    start += len(buf)
                    buf = []
            if buf:
                yield _log_frame(_parse_log_lines(buf, start)[0])
    else:
        df = read_table(path, format=fmt, encoding=encoding)
        for start in range(0, max(len(df), 1), chunksize):
            yield df.iloc[start : start + chunksize]


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, ``os.replace``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def write_table_atomic(df: pd.DataFrame, path: str | Path, *, format: str | None = None) -> None:
    """Write ``df`` to ``path`` atomically in ``format`` (default: from the suffix; CSV otherwise)."""
    path = Path(path)
    fmt = (format or _SUFFIXES.get(path.suffix.lower(), "csv")).lower()
    buf = io.BytesIO()
    if fmt == "csv":
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        buf.write(df.to_csv(index=False, sep=sep).encode("utf-8"))
    elif fmt == "parquet":
        df.to_parquet(buf, index=False)
    elif fmt == "jsonl":
        buf.write(df.to_json(orient="records", lines=True, date_format="iso", force_ascii=False).encode("utf-8"))
    elif fmt == "excel":
        df.to_excel(buf, index=False)
    elif fmt == "log":
        if "raw" not in df.columns:
            raise _err(path, "a log can only be written from a frame with a 'raw' column")
        buf.write(("\n".join(df["raw"].astype(str)) + ("\n" if len(df) else "")).encode("utf-8"))
    else:
        raise _err(path, f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    atomic_write_bytes(path, buf.getvalue())


# ------------------------------------------------------------------- multi-file transactions
# Added for erasure / rectification (privacy_audit/erasure.py, rights.py): read exact bytes, and
# replace several files all together or not at all.

__all__ += ["read_bytes", "Transaction"]


def read_bytes(path: str | Path) -> bytes:
    """The exact bytes of the file at ``path``; InputError (one line) when it cannot be read."""
    path = Path(path)
    _check_exists(path)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise _err(path, "is a folder, not a file") from None
    except OSError as exc:
        raise _err(path, f"cannot read ({exc.strerror or exc})") from None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Transaction:
    """Replace several files together, or leave every one of them as it was.

    :meth:`stage` writes each new content to a temporary file in the target's folder and fsyncs it;
    nothing visible changes yet. :meth:`commit` checks that no target changed since it was read
    (``expect_sha256``), keeps a hard-link backup of each original, renames every temporary file
    over its target, and on any failure puts every original back and removes the temporary files
    before raising :class:`InputError` naming the file that failed. ``commit(keep_backups=True)``
    keeps the backups so that :meth:`undo` can still restore the originals (for a second resource,
    e.g. a database transaction, that must commit after the files); :meth:`finish` drops them.
    Used as a context manager, an uncommitted transaction is rolled back on exit.
    """

    def __init__(self) -> None:
        self._staged: dict[Path, tuple[str, str | None]] = {}  # target -> (temp path, expected sha256)
        self._backups: dict[Path, str | None] = {}  # target -> backup path (None: target did not exist)
        self.committed = False

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            self.rollback()

    @property
    def targets(self) -> list[Path]:
        return list(self._staged)

    def stage(self, path: str | Path, data: bytes | pd.DataFrame, *, expect_sha256: str | None = None) -> None:
        """Write ``data`` (bytes, or a DataFrame in the target's format) to a temporary file next to
        ``path`` and fsync it. ``expect_sha256``: the target's content hash when it was read."""
        path = Path(path).absolute()
        if isinstance(data, pd.DataFrame):
            buf = io.BytesIO()
            fmt = _SUFFIXES.get(path.suffix.lower(), "csv")
            if fmt == "parquet":
                data.to_parquet(buf, index=False)
            elif fmt == "jsonl":
                buf.write(data.to_json(orient="records", lines=True, date_format="iso", force_ascii=False).encode())
            else:
                buf.write(data.to_csv(index=False).encode("utf-8"))
            data = buf.getvalue()
        if path in self._staged:
            Path(self._staged.pop(path)[0]).unlink(missing_ok=True)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            self.rollback()
            raise _err(path, f"cannot write a temporary file beside it ({exc.strerror or exc})") from None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            self.rollback()
            raise _err(path, f"cannot write its new content ({exc.strerror or exc})") from None
        self._staged[path] = (tmp, expect_sha256)

    def rollback(self) -> None:
        """Remove every temporary file; targets are untouched (call before or instead of commit)."""
        for tmp, _ in self._staged.values():
            Path(tmp).unlink(missing_ok=True)
        self._staged.clear()

    def _backup(self, path: Path) -> str | None:
        if not path.exists():
            return None
        fd, bak = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bak", dir=path.parent)
        os.close(fd)
        os.unlink(bak)
        try:
            os.link(path, bak)
        except OSError:  # no hard links on this file system: copy
            import shutil

            shutil.copy2(path, bak)
        return bak

    def commit(self, *, keep_backups: bool = False) -> list[Path]:
        """Rename every staged file over its target, all or none; return the targets."""
        import hashlib

        try:
            for path, (_, expected) in self._staged.items():
                if expected is not None:
                    current = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
                    if current != expected:
                        raise _err(path, "changed since it was read; nothing was changed")
            for path in self._staged:
                self._backups[path] = self._backup(path)
        except OSError as exc:
            self._drop_backups()
            self.rollback()
            raise _err(path, f"cannot back up before replacing ({exc.strerror or exc}); nothing was changed") from None
        except InputError:
            self._drop_backups()
            self.rollback()
            raise
        done: list[Path] = []
        for path, (tmp, _) in self._staged.items():
            try:
                os.replace(tmp, path)
            except OSError as exc:
                restored = self._restore(done)
                self.rollback()
                self._drop_backups()
                what = "nothing was changed" if restored else "some files could not be restored"
                raise _err(path, f"cannot replace ({exc.strerror or exc}); {what}") from None
            done.append(path)
        for folder in {p.parent for p in done}:
            _fsync_dir(folder)
        self._staged.clear()
        self.committed = True
        if not keep_backups:
            self._drop_backups()
        return done

    def _restore(self, done: list[Path]) -> bool:
        ok = True
        for path in reversed(done):
            if path not in self._backups:
                continue
            bak = self._backups[path]
            try:
                if bak is None:
                    path.unlink(missing_ok=True)
                else:
                    os.rename(bak, path)  # rename, not replace: the originals come back even if replace fails
                del self._backups[path]
            except OSError:
                ok = False
        for folder in {p.parent for p in done}:
            _fsync_dir(folder)
        return ok

    def undo(self) -> bool:
        """After ``commit(keep_backups=True)``: put every original back. True when all were restored."""
        ok = self._restore(list(self._backups))
        self._drop_backups()
        self.committed = False
        return ok

    def finish(self) -> None:
        """After ``commit(keep_backups=True)``: drop the backups."""
        self._drop_backups()

    def _drop_backups(self) -> None:
        for bak in self._backups.values():
            if bak:
                Path(bak).unlink(missing_ok=True)
        self._backups.clear()
