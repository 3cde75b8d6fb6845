"""The subject index: keyed digests of every identifier in the estate -> the rows that hold them.

A subject request (export, erasure plan, rectification, restriction, subject search) first asks the
index which rows of which datasets hold one of the subject's identifiers or pseudonyms, reads only
those rows, and then decides on the rows themselves with the same matching code as a full pass
(:func:`privacy_audit.subjects.match_frame`, ``match_log_frame``, ``identity_rows``). A request
then costs O(the subject's data), not O(estate).

What is indexed, per row (one entry = ``(digest, dataset, row id)``):

* identity datasets (``zone: identified`` with a ``subject_key``, the vault included): every
  ``(kind, key)`` subject resolution reads (:func:`privacy_audit.subjects.identity_rows`);
* every dataset: the subject-key cell as written and as compared (:func:`identifiers.lookup_key`,
  so tokens and every stored pseudonym form are found), each identifier column's keys
  (:func:`identifiers.normalize`; phones by their last six digits, which every key of a number
  shares), and inside free text: e-mail addresses, phone numbers
  (:func:`identifiers.phone_candidates`) and consecutive word pairs (full names);
* server logs: each cookie value and ``name=value`` pair, and the client address;
* for erasure plans, the search units (:func:`identifiers.search_units`) of every text the erasure
  matcher reads: each cell of a Parquet row group or of the vault, each raw record of a CSV file
  and each log line (JSON Lines and SQL datasets have none: plans read them whole). A unit held by
  more rows than ``max(256, rows / 200)`` (a browser's name, a day's date) is one entry for row
  ``-1``: a plan looking it up reads that dataset whole.
* for the quasi-identifier linkage (:func:`privacy_audit.linkage.quasi_index`): each normalised
  quasi-identifier value (postal code, birth date...) of the identity datasets and of the separated
  datasets the risk check calls re-identifying, and in the dataset's record the check's verdict (its
  quasi-identifier columns, re-identifying or not, under which risk settings): column names and
  figures only. The verdict depends on the whole dataset, so it is rebuilt (and goes stale) with it.

The index holds no identifier: a digest is an 8-byte keyed BLAKE2b (a MAC: BLAKE2's keyed mode, one
C call per value where HMAC-SHA256 costs two hash passes) under a key derived (HKDF) from the estate's
audit-log key (:func:`privacy_audit.vault.audit_key`, frozen in the vault
and kept across key rotation); without the vault key there is no index. A 64-bit digest may collide;
a collision only adds a row that the matching then rejects.

The build reads Parquet tables and logs chunk by chunk (identity tables, CSV, JSON Lines, the vault
and SQL whole) and spills a dataset's entries to sorted bucket files past ``_SPILL_ENTRIES``, so its
memory does not grow with the largest dataset; the contents equal a whole read's.

It lives beside the data map, in ``.privacy-audit-index/subjects.sqlite`` (SQLite: one B-tree keyed
``(dataset, digest, row)``, lookups in O(log n)), with ``subjects.mac``, under a second derived key:

* a *root* MAC over the meta rows and every dataset record (its fingerprint, layout, row count,
  the length of its record spans and its *seal*: a fresh random nonce per build of the dataset and
  how its entries are cut into segments), checked when a request opens the index;
* a MAC per *segment*, in the ``seals`` table: the dataset's entries whose digests share their top
  ``bits`` bits (about 512 entries each), and each page of 1,024 record spans; each MAC binds the
  dataset's nonce, dataset number, segment number and the segment's bytes. A request verifies the
  segments it reads (the answer comes from the verified bytes), so verification costs O(what the
  request reads), not O(index). Edited bytes, moved rows, rows swapped between datasets or
  segments, a segment or its MAC deleted, and segments from an older build (another nonce) fail;
  an old copy of the whole index is caught by its fingerprints (the data changed since);
* an HMAC of the whole file, checked by ``index build`` and ``index status``.

A request that meets a segment failing its check stops trusting the index (for the rest of the
process: :class:`~privacy_audit.errors.IndexIntegrityError` inside, logged) and reads whole what it
has not read yet (subject resolution starts again as a full pass); ``index build`` sees the whole-file
MAC fail and rebuilds it from scratch. Each
dataset keeps its fingerprint (per file: size, mtime and SHA-256; per Parquet file likewise; per
SQL table: row count and a checksum of its rows; plus the dataset's data map entry): a dataset whose
files changed since the build is stale, read whole by requests and rebuilt (alone) by the next
``index build``. Changes made through :func:`privacy_audit.changes.commit_change` mark the datasets
they touch stale (:func:`mark_stale`) before any file is renamed, so the index is never silently stale.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import itertools
import json
import logging
import os
import re
import shutil
import sqlite3
import struct
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import identifiers as idm
from . import sources
from .errors import ConfigError, IndexIntegrityError, InputError, PrivacyAuditError
from .io.atomic import atomic_write_bytes, fsync_dir
from .linkage import quasi_entries, quasi_index, quasi_state
from .subjects import (
    INDEX_COLUMNS,
    FrameLayout,
    Subject,
    cookie_pairs,
    dataset_format,
    frame_layout,
    identity_cell,
    identity_kinds,
    identity_regions,
    identity_rows,
    log_identity_rows,
    register_search_index,
    text_needles,
    wanted_keys,
)
from .vault import Vault, audit_key, key_for_datamap

__all__ = [
    "INDEX_DIR",
    "DatasetState",
    "IndexStatus",
    "BuildResult",
    "IndexView",
    "index_path",
    "build_index",
    "index_status",
    "open_index",
    "mark_stale",
]

logger = logging.getLogger(__name__)

INDEX_DIR = ".privacy-audit-index"
_DB = "subjects.sqlite"
_MAC = "subjects.mac"
_STALE = "stale.json"
_VERSION = 5  # 2: keyed BLAKE2b digests; 3: entries keyed (ds, digest, row), sealed per segment; 4: search units;
# 5: the quasi-identifier linkage's state and value digests (linkage.quasi_index)
_SEAL_ENTRIES = 512  # about this many entries per sealed segment of a dataset
_SPAN_PAGE = 1024  # record spans per sealed page
_SEAL_ENTRY, _SEAL_SPANS = 0, 1  # the kinds of segment in the seals table
_SPAN_BYTES = 24  # one record span: three little-endian int64
_EMAIL_RE = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+")
_NONWORD = re.compile(r"\W")


# ------------------------------------------------------------------------------------ keys


_KEY_CACHE: dict[tuple, tuple[bytes, bytes]] = {}


def _keys(datamap: Any, vault_key: bytes) -> tuple[bytes, bytes]:
    """(digest key, MAC key), both HKDF-derived from the estate's audit-log key (kept in memory per
    vault file version, so a request opens the vault for them once)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    vpath = (getattr(datamap, "vault", None) or {}).get("path")
    vfile = datamap.resolve(vpath) if vpath else None
    try:
        st = vfile.stat() if vfile is not None else None
    except OSError:
        st = None
    cache_key = (hashlib.sha256(vault_key).hexdigest(), str(vfile), st.st_size if st else None, st.st_mtime_ns if st else None)
    if cache_key in _KEY_CACHE:
        return _KEY_CACHE[cache_key]
    base = audit_key(vault_key, vfile)

    def derive(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(base)

    keys = derive(b"privacy-audit subject-index digest v1"), derive(b"privacy-audit subject-index mac v1")
    _KEY_CACHE.clear()  # one estate's keys at a time
    _KEY_CACHE[cache_key] = keys
    return keys


class _Digester:
    __slots__ = ("_key",)

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, ns: str, value: str) -> int:
        d = hashlib.blake2b(f"{ns}\x1f{value}".encode("utf-8", "surrogatepass"), key=self._key, digest_size=8).digest()
        return int.from_bytes(d, "big", signed=True)

    def many(self, texts: list[str]) -> np.ndarray:
        """The digests of ``ns + "\\x1f" + value`` texts (as :meth:`__call__` gives them), as int64."""
        key, b2 = self._key, hashlib.blake2b
        raw = b"".join([b2(t.encode("utf-8", "surrogatepass"), key=key, digest_size=8).digest() for t in texts])
        return np.frombuffer(raw, dtype=">i8").astype(np.int64)


def _last6(key: str) -> str | None:
    digits = re.sub(r"\D", "", key)
    return digits[-6:] if len(digits) >= 6 else None


def _name_pairs(text: str) -> set[str]:
    """Every way two consecutive words of ``text`` can be the start of a full name as
    :func:`privacy_audit.subjects.match_frame` finds it (word boundaries inside a whitespace token)."""
    toks = text.casefold().split()
    out: set[str] = set()
    for a, b in zip(toks, toks[1:], strict=False):
        lefts = {a} | {a[m.end():] for m in _NONWORD.finditer(a)} - {""}
        rights = {b} | {b[: m.start()] for m in _NONWORD.finditer(b)} - {""}
        out |= {f"{x} {y}" for x in lefts for y in rights}
    return out


def _text_tokens(text: str) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    low = text.casefold()
    if "@" in low:
        for m in _EMAIL_RE.finditer(low):
            e = m.group(0).strip(".")
            out.add(("email", idm.canonical("email", e) or e))
    for m in idm.phone_candidates(text):
        out |= {("ph6", d) for d in map(_last6, idm.phone_keys(m.group(0))) if d}
    out |= {("name2", p) for p in _name_pairs(text)}
    return out


# --------------------------------------------------------------------------- fingerprints


def _config_hash(ds: Any, region: str) -> str:
    conf = {"name": ds.name, "path": str(ds.path) if ds.path else None, "format": ds.format, "zone": ds.zone,
            "subject_key": ds.subject_key, "columns": dict(ds.columns), "url": sources.safe_url(ds.url) if ds.url else None,
            "table": ds.table, "extra": sorted(map(str, (ds.extra or {}).items())), "region": region, "v": _VERSION}  # fmt: skip
    return hashlib.sha256(json.dumps(conf, sort_keys=True, default=str).encode()).hexdigest()


def _files_of(ds: Any) -> list[Path]:
    path = Path(ds.path)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not any(
            part.startswith((".", "_")) for part in p.relative_to(path).parts))  # fmt: skip
    return [path]


def _sha_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _sql_checksum(ds: Any) -> dict[str, Any]:
    h = hashlib.sha256()
    n = 0
    for chunk in sources.iter_sql_chunks(ds.url, ds.table, 50_000):
        n += len(chunk)
        h.update(pd.util.hash_pandas_object(chunk.astype("string"), index=False).to_numpy().tobytes())
    return {"rows": n, "sha256": h.hexdigest()}


def _fingerprint(ds: Any, region: str) -> dict[str, Any]:
    """What the index was built from: the data map entry and each file's size, mtime and hash (or a
    SQL table's row count and checksum)."""
    fp: dict[str, Any] = {"config": _config_hash(ds, region)}
    if ds.is_sql:
        fp["sql"] = _sql_checksum(ds)
    else:
        fp["files"] = [[str(p), p.stat().st_size, p.stat().st_mtime_ns, _sha_file(p)] for p in _files_of(ds)]
    return fp


def _current(ds: Any, region: str, stored: Mapping[str, Any]) -> bool:
    """Whether ``ds`` is as the index saw it: a cheap stat, then the content hash when size or mtime moved."""
    if stored.get("config") != _config_hash(ds, region):
        return False
    if ds.is_sql:
        try:
            return _sql_checksum(ds) == stored.get("sql")
        except PrivacyAuditError:
            return False
    try:
        files = _files_of(ds)
    except OSError:
        return False
    old = stored.get("files") or []
    if [str(p) for p in files] != [f[0] for f in old]:
        return False
    for p, (_, size, mtime, sha) in zip(files, old, strict=True):
        st = p.stat()
        if st.st_size != size:
            return False
        if st.st_mtime_ns != mtime and _sha_file(p) != sha:
            return False
    return True


# ------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class DatasetState:
    """One dataset in the index: ``state`` is current | stale | missing | unindexed (reason in ``note``)."""

    name: str
    state: str
    rows: int = 0
    entries: int = 0
    note: str = ""


@dataclass(frozen=True)
class IndexStatus:
    """The index of one estate: where it is, whether its MAC verified, and each dataset's state."""

    path: str
    exists: bool
    verified: bool
    datasets: tuple[DatasetState, ...] = ()
    note: str = ""

    @property
    def current(self) -> bool:
        """True when the index verified and every dataset is current."""
        return self.verified and all(d.state == "current" for d in self.datasets)

    def to_frame(self) -> pd.DataFrame:
        cols = ["dataset", "state", "rows", "entries", "note"]
        return pd.DataFrame([[d.name, d.state, d.rows, d.entries, d.note] for d in self.datasets], columns=cols)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "exists": self.exists, "verified": self.verified, "current": self.current,
                "note": self.note, "datasets": self.to_frame().to_dict(orient="records")}  # fmt: skip


@dataclass(frozen=True)
class BuildResult:
    """What ``index build`` did: datasets rebuilt and kept, entries held, and why it started afresh."""

    path: str
    rebuilt: tuple[str, ...]
    kept: tuple[str, ...]
    entries: int
    seconds: float
    note: str = ""
    errors: tuple[tuple[str, str], ...] = ()

    def to_frame(self) -> pd.DataFrame:
        rows = [[n, "rebuilt"] for n in self.rebuilt] + [[n, "kept"] for n in self.kept]
        rows += [[n, f"error: {e}"] for n, e in self.errors]
        return pd.DataFrame(rows, columns=["dataset", "action"])

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "rebuilt": list(self.rebuilt), "kept": list(self.kept), "entries": self.entries,
                "seconds": round(self.seconds, 3), "note": self.note, "errors": [list(e) for e in self.errors]}  # fmt: skip


# ------------------------------------------------------------------------------- storage


def index_path(datamap: Any) -> Path:
    """The index file of ``datamap``'s estate (beside the data map)."""
    return Path(datamap.root) / INDEX_DIR / _DB


def _mac_of(path: Path, mac_key: bytes) -> str:
    h = hmac.new(mac_key, b"privacy-audit subject index v1\n", hashlib.sha256)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _verified(datamap: Any, mac_key: bytes) -> tuple[bool, str]:
    path = index_path(datamap)
    if not path.is_file():
        return False, "no subject index (privacy-audit index build)"
    try:
        stored = json.loads((path.parent / _MAC).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False, "subject index has no valid MAC file: not trusted"
    if not isinstance(stored, dict) or not hmac.compare_digest(str(stored.get("mac", "")), _mac_of(path, mac_key)):
        return False, "subject index failed its MAC check (changed outside privacy-audit, or another key): not trusted"
    return True, ""


def _stale_marks(datamap: Any) -> set[str]:
    try:
        data = json.loads((index_path(datamap).parent / _STALE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {str(x) for x in data.get("datasets", [])} if isinstance(data, dict) else set()


def mark_stale(datamap: Any, paths: Iterable[str | Path] = (), *, sql: bool = False) -> None:
    """Mark the datasets holding ``paths`` (and with ``sql``, every SQL dataset) stale in the index,
    so no request trusts their entries until ``index build`` has rebuilt them. Called by
    :func:`privacy_audit.changes.commit_change` before it renames anything; needs no key."""
    folder = index_path(datamap).parent
    if not (folder / _DB).exists():
        return
    targets = {Path(p).resolve() for p in paths}
    names = set(_stale_marks(datamap))
    for ds in datamap.datasets:
        if ds.is_sql:
            if sql:
                names.add(ds.name)
            continue
        if ds.path is None:
            continue
        root = Path(ds.path).resolve()
        if any(t == root or root in t.parents for t in targets):
            names.add(ds.name)
    atomic_write_bytes(folder / _STALE, json.dumps({"datasets": sorted(names)}).encode())


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS datasets (
    ds INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, format TEXT NOT NULL, rows INTEGER NOT NULL,
    fingerprint TEXT NOT NULL, layout TEXT NOT NULL, spans BLOB, seal TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS entries (
    ds INTEGER NOT NULL, digest INTEGER NOT NULL, row INTEGER NOT NULL,
    PRIMARY KEY (ds, digest, row)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seals (
    ds INTEGER NOT NULL, kind INTEGER NOT NULL, seg INTEGER NOT NULL, mac BLOB NOT NULL,
    PRIMARY KEY (ds, kind, seg)) WITHOUT ROWID;
"""


@contextlib.contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


# ---------------------------------------------------------------------------------- seals

_OFFSET = 1 << 63  # digests are signed: + 2**63 orders them as unsigned, so a bucket is one range


def _bucket_bits(entries: int) -> int:
    """How many top bits of the digest name a segment: about ``_SEAL_ENTRIES`` entries per segment."""
    return min(40, (max(0, entries - 1) // _SEAL_ENTRIES).bit_length())


def _bucket(digest: int, bits: int) -> int:
    return (digest + _OFFSET) >> (64 - bits) if bits else 0


def _bucket_range(bucket: int, bits: int) -> tuple[int, int]:
    """The (lowest, highest) signed digest of ``bucket``."""
    if not bits:
        return -_OFFSET, _OFFSET - 1
    width = 1 << (64 - bits)
    lo = bucket * width - _OFFSET
    return lo, lo + width - 1


def _seal_mac(mac_key: bytes, nonce: bytes, dsn: int, kind: int, seg: int, content: bytes) -> bytes:
    """The MAC of one segment: the dataset's nonce, its number, the segment's kind and number, its bytes."""
    head = b"privacy-audit subject index seal v3\x1f" + nonce + struct.pack("<qqqq", dsn, kind, seg, len(content))
    return hmac.digest(mac_key, head + content, "sha256")


def _entry_seals(mac_key: bytes, nonce: bytes, dsn: int, bits: int, entries: np.ndarray, first: int,
                 count: int) -> list[tuple]:  # fmt: skip
    """The seal rows of segments ``first .. first + count - 1`` of a dataset cut by ``bits`` top digest
    bits, ``entries`` being exactly their sorted ``(digest, row)`` pairs (an empty segment is sealed too)."""
    packed = np.ascontiguousarray(entries, dtype="<i8").reshape(-1, 2)
    if bits:
        buckets = (packed[:, 0].astype(np.int64).view(np.uint64) ^ np.uint64(_OFFSET)) >> np.uint64(64 - bits)
        bounds = np.searchsorted(buckets, np.arange(first, first + count + 1, dtype=np.uint64)).tolist()
    else:
        bounds = [0, len(packed)]
    raw = packed.tobytes()
    return [(dsn, _SEAL_ENTRY, first + i, _seal_mac(mac_key, nonce, dsn, _SEAL_ENTRY, first + i, raw[lo * 16 : hi * 16]))
            for i, (lo, hi) in enumerate(itertools.pairwise(bounds))]  # fmt: skip


def _write_seals(conn: sqlite3.Connection, dsn: int, nonce: bytes, bits: int, rows: list[tuple], spans: bytes | None,
                 mac_key: bytes) -> None:  # fmt: skip
    """Replace the dataset's seals by the entry seals ``rows`` and a MAC per page of record spans."""
    page = _SPAN_PAGE * _SPAN_BYTES
    for p in range(-(-len(spans or b"") // page)):
        rows.append((dsn, _SEAL_SPANS, p, _seal_mac(mac_key, nonce, dsn, _SEAL_SPANS, p, spans[p * page : (p + 1) * page])))
    conn.execute("DELETE FROM seals WHERE ds = ?", (dsn,))
    conn.executemany("INSERT INTO seals (ds, kind, seg, mac) VALUES (?, ?, ?, ?)", rows)
    conn.execute("UPDATE datasets SET seal = ? WHERE ds = ?", (json.dumps({"nonce": nonce.hex(), "bits": bits}), dsn))


def _seal_dataset(conn: sqlite3.Connection, dsn: int, entries: np.ndarray, spans: bytes | None, mac_key: bytes) -> None:
    """Seal one dataset's entries (sorted ``(digest, row)`` pairs, as inserted) and record spans: a
    fresh nonce, a MAC per digest range and per page of spans (replacing the dataset's old seals)."""
    nonce = os.urandom(16)
    bits = _bucket_bits(len(entries))
    rows = _entry_seals(mac_key, nonce, dsn, bits, entries, 0, 1 << bits if bits else 1)
    _write_seals(conn, dsn, nonce, bits, rows, spans, mac_key)


def _store_entries(conn: sqlite3.Connection, dsn: int, entries: np.ndarray | _Spilled, spans: bytes | None,
                   mac_key: bytes) -> None:  # fmt: skip
    """Insert and seal one dataset's entries: an array in memory, or spilled buckets one at a time (each
    bucket holds whole segments, so its seals are computed from it alone)."""
    if isinstance(entries, np.ndarray):
        _insert_entries(conn, dsn, entries)
        _seal_dataset(conn, dsn, entries, spans, mac_key)
        return
    bits = _bucket_bits(entries.total)
    if bits < _SPILL_BITS:  # few entries: segments wider than a bucket
        whole = np.concatenate([b for _, b in entries.buckets()]) if entries.total else np.empty((0, 2), dtype=np.int64)
        _store_entries(conn, dsn, whole, spans, mac_key)
        return
    nonce = os.urandom(16)
    per = 1 << (bits - _SPILL_BITS)
    rows: list[tuple] = []
    for k, bucket in entries.buckets():
        _insert_entries(conn, dsn, bucket)
        rows += _entry_seals(mac_key, nonce, dsn, bits, bucket, k * per, per)
    _write_seals(conn, dsn, nonce, bits, rows, spans, mac_key)


def _drop_dataset(conn: sqlite3.Connection, dsn: int) -> None:
    conn.execute("DELETE FROM entries WHERE ds = ?", (dsn,))
    conn.execute("DELETE FROM seals WHERE ds = ?", (dsn,))
    conn.execute("DELETE FROM datasets WHERE ds = ?", (dsn,))


def _root_mac(conn: sqlite3.Connection, mac_key: bytes) -> str:
    """The MAC over the meta rows and every dataset record (its spans by length: they are sealed by page)."""
    h = hmac.new(mac_key, b"privacy-audit subject index root v3\n", hashlib.sha256)
    for row in conn.execute("SELECT key, value FROM meta ORDER BY key"):
        h.update(json.dumps(list(row)).encode("utf-8") + b"\n")
    cols = [r[1] for r in conn.execute("PRAGMA table_info(datasets)") if r[1] != "spans"]
    h.update(json.dumps(cols).encode("utf-8") + b"\n")
    q = f"SELECT {', '.join(cols)}, length(spans) FROM datasets ORDER BY ds"
    for row in conn.execute(q):
        h.update(json.dumps(list(row), default=lambda b: bytes(b).hex()).encode("utf-8") + b"\n")
    return h.hexdigest()


_UNTRUSTED: set[tuple[str, str]] = set()  # (index file, root MAC) a request of this process found tampered


# ------------------------------------------------------------------------------- building


def _coded_entries(codes: np.ndarray, per: list, digest: _Digester) -> tuple[np.ndarray, np.ndarray]:
    """``(digests, positions)`` of rows with value codes ``codes`` (-1: no value) where ``per[c]`` holds
    the ``ns\\x1fvalue`` texts of code ``c``: each text is digested once (in one batch) and every row gets
    its value's digests, with no Python work per row."""
    lens = np.fromiter((len(x) for x in per), dtype=np.int64, count=len(per))
    return _expand(codes, lens, digest.many([t for x in per for t in x]))


def _expand(codes: np.ndarray, lens: np.ndarray, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(digests, positions)``: each row ``i`` with ``codes[i] = c >= 0`` gets the ``lens[c]`` digests of
    value ``c`` (``flat`` holds every value's digests, value after value)."""
    starts = np.cumsum(lens) - lens
    pos = np.nonzero(codes >= 0)[0]
    c = codes[pos]
    counts = lens[c]
    rep_c = np.repeat(c, counts)
    within = np.arange(len(rep_c), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    return flat[starts[rep_c] + within], np.repeat(pos, counts)


def _column_entries(values: pd.Series, fn: Any, digest: _Digester) -> tuple[np.ndarray, np.ndarray]:
    """``(digests, positions)`` of one column: ``fn`` maps each distinct value to its ``ns\\x1fvalue``
    texts once, then every row gets its value's digests (no Python work per row)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    vals = _values_of(uniques)
    lens, flat = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.int64)]
    for start in range(0, len(vals), _TEXT_BATCH):  # a batch of distinct values' texts at a time: bounded memory
        per = [fn(u) for u in vals[start : start + _TEXT_BATCH]]
        lens.append(np.fromiter((len(x) for x in per), dtype=np.int64, count=len(per)))
        flat.append(digest.many([t for x in per for t in x]))
    return _expand(np.asarray(codes, dtype=np.int64), np.concatenate(lens), np.concatenate(flat))


def _id_column_entries(values: pd.Series, kind: str, region: str, fn: Any,
                       digest: _Digester) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """:func:`_column_entries` of an identifier column of a kind other than phone: a text column's
    distinct values are normalised together (:func:`identifiers.normalize_many`)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if kind == "phone" or not isinstance(getattr(uniques, "dtype", None), pd.StringDtype):
        return _coded_entries(codes, [fn(u) for u in _values_of(uniques)], digest)
    ns = f"col:{kind}\x1f"
    keys = idm.normalize_many(kind, _values_of(uniques), region=region)
    return _coded_entries(codes, [[ns + k for k in ks] for ks in keys], digest)


def _values_of(uniques: Any) -> list:
    """The distinct values as Python objects (strings converted in one call, not boxed one by one)."""
    if isinstance(getattr(uniques, "dtype", None), pd.StringDtype):
        return uniques.to_numpy(dtype=object).tolist()
    return list(uniques)


def _identity_entries(frame: pd.DataFrame, key_col: str, kinds: Mapping[str, str], region: str | None,
                      digest: _Digester) -> Iterator[tuple[np.ndarray, np.ndarray]]:  # fmt: skip
    """The ``id:`` digests of an identity frame: one per ``(kind, key)`` that
    :func:`privacy_audit.subjects.identity_rows` gives for a row, computed once per distinct
    (value, row region) pair instead of once per cell."""
    sid_codes, sid_uniques = pd.factorize(frame[key_col], use_na_sentinel=True)
    sid_text = [idm.cell_text(u) for u in _values_of(sid_uniques)]
    yield _coded_entries(sid_codes, [[f"id:token\x1f{t}"] if t is not None else [] for t in sid_text], digest)
    has_sid = np.zeros(len(frame), dtype=bool)
    known = np.nonzero(sid_codes >= 0)[0]
    has_sid[known] = np.fromiter((sid_text[c] is not None for c in sid_codes[known]), dtype=bool, count=len(known))
    no_region = "\x00"
    regions = np.asarray([no_region if r is None else r for r in identity_regions(frame, region)], dtype=object)
    reg_codes, reg_uniques = pd.factorize(regions)
    reg_values = [None if r == no_region else r for r in reg_uniques]
    for col, kind in kinds.items():
        values = frame[col]
        if idm.factorisable(values):
            vcodes, vuniques = pd.factorize(values, use_na_sentinel=True)
        else:  # values equal across types (1, 1.0, True) must not share a result
            vcodes, vuniques = np.arange(len(values)), values.to_numpy(dtype=object)
        combined = np.where((vcodes >= 0) & has_sid, vcodes * len(reg_values) + reg_codes, -1)
        pairs, codes = np.unique(combined, return_inverse=True)
        per = []
        for pair in pairs.tolist():
            if pair < 0:
                per.append(())
                continue
            _, keys = identity_cell(kind, vuniques[pair // len(reg_values)], reg_values[pair % len(reg_values)])
            per.append([f"id:{kind}\x1f{k}" for k in keys])
        yield _coded_entries(np.asarray(codes, dtype=np.int64).ravel(), per, digest)


def _row_entries(frame: pd.DataFrame, ds: Any, layout: FrameLayout, region: str,
                 digest: _Digester) -> Iterator[tuple[np.ndarray, np.ndarray]]:  # fmt: skip
    """``(digests, positions)`` of every searchable value of a (non-log) frame, column by column."""

    def key_texts(u: Any) -> set[str]:
        v = idm.cell_text(u)
        return {f"key\x1f{v}", f"key\x1f{idm.lookup_key(v)}"} if isinstance(v, str) else set()

    def id_texts(kind: str) -> Any:
        ns = f"col:{kind}\x1f"

        def fn(u: Any) -> set[str]:
            v = idm.cell_text(u)
            if not isinstance(v, str):
                return set()
            keys = idm.normalize(kind, v, region=region)
            if kind != "phone":
                return {ns + k for k in keys}
            return {f"ph6\x1f{d}" for d in map(_last6, keys) if d}

        return fn

    def text_texts(u: Any) -> set[str]:
        return {f"{ns}\x1f{v}" for ns, v in _text_tokens(str(u))}

    if ds.subject_key and ds.subject_key in frame.columns:
        yield _column_entries(frame[ds.subject_key], key_texts, digest)
    for col, kind in layout.id_cols.items():
        if col in frame.columns:
            yield _id_column_entries(frame[col], kind, region, id_texts(kind), digest)
    for col in layout.text_cols:
        if col in frame.columns:
            yield _column_entries(frame[col].astype("string"), text_texts, digest)


def _log_entries(frame: pd.DataFrame, digest: _Digester) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    def cookie_texts(c: Any) -> set[str]:
        out = set()
        for name, value in cookie_pairs(c):
            out |= {f"key\x1f{value}", f"cookie\x1f{name}={value}"}
        return out

    def ip_texts(ip: Any) -> set[str]:
        if not isinstance(ip, str) or ip in {"", "-"}:
            return set()
        return {f"ip\x1f{k}" for k in idm.normalize("ip", ip)}

    yield _column_entries(frame["cookie"], cookie_texts, digest)
    yield _column_entries(frame["ip"], ip_texts, digest)



# ------------------------------------------------------------------ search units (erasure plans)


_UNIT_DELIMITERS = frozenset(",;|")
_COMMON_UNIT_MIN = 256
_COMMON_UNIT_SHARE = 200  # raw CSV records are unit-searched only when a delimiter joins no unit


_TEXT_BATCH = 1 << 14  # texts (or distinct values) whose units are computed together


class _NoUnits(Exception):
    """A dataset's texts cannot be read as the erasure matcher reads them (a record that is not UTF-8)."""


def _units_of_texts(texts: list[str | None], offset: int, digest: _Digester) -> tuple[np.ndarray, np.ndarray]:
    """``(digests, positions)`` of the search units (:func:`identifiers.search_units`) of each text
    (position ``offset + i``); each distinct text's units computed once."""
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object), use_na_sentinel=True)
    return _units_of_codes(np.asarray(codes, dtype=np.int64), uniques, offset, digest)


def _units_of_column(column: Any, offset: int, digest: _Digester) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_units_of_texts` of a pyarrow column's cells as :func:`identifiers.arrow_cell_strings` writes
    them, with only its distinct values converted to Python (a row's text is its value's)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(arr.type.value_type)
    try:
        enc = pc.dictionary_encode(arr)
    except pa.ArrowNotImplementedError:  # a type Arrow cannot dictionary-encode (nested): cell by cell
        return _units_of_texts(idm.arrow_cell_strings(arr), offset, digest)
    codes = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return _units_of_codes(codes, idm.arrow_cell_strings(enc.dictionary), offset, digest)


def _units_of_codes(codes: np.ndarray, uniques: Any, offset: int, digest: _Digester) -> tuple[np.ndarray, np.ndarray]:
    """``(digests, positions)`` of the search units of rows whose text is ``uniques[codes[i]]`` (-1: none)."""
    owners, digs = [], []
    for start in range(0, len(uniques), _TEXT_BATCH):  # a batch of distinct texts at a time: bounded memory
        owner, ucodes, distinct = idm.search_units_coded(uniques[start : start + _TEXT_BATCH])
        owners.append(owner + start)
        digs.append(digest.many(["u\x1f" + u for u in distinct])[ucodes] if len(ucodes) else np.empty(0, dtype=np.int64))
    owner = np.concatenate(owners) if owners else np.empty(0, dtype=np.int64)
    dig = np.concatenate(digs) if digs else np.empty(0, dtype=np.int64)
    del owners, digs
    order = np.lexsort((dig, owner))  # each text's units together, each unit once per text
    owner, dig = owner[order], dig[order]
    keep = np.ones(len(owner), dtype=bool)
    keep[1:] = (owner[1:] != owner[:-1]) | (dig[1:] != dig[:-1])
    owner, dig = owner[keep], dig[keep]
    lens = np.bincount(owner, minlength=len(uniques)).astype(np.int64)
    d, pos = _expand(codes, lens, dig)
    return d, pos + offset



def _common_units(entries: np.ndarray, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit entries with each unit held by more than ``max(256, rows // 200)`` rows (a browser's name, a
    day's date) kept as one entry for row ``-1``: "any row may hold it" (a plan reads such a dataset
    whole), so the index does not grow by one entry per row for texts nobody's identifier is."""
    if not len(entries):
        return entries[:, 0], entries[:, 1]
    digests, starts, counts = np.unique(entries[:, 0], return_index=True, return_counts=True)
    common = counts > max(_COMMON_UNIT_MIN, rows // _COMMON_UNIT_SHARE)
    keep = ~np.isin(entries[:, 0], digests[common])
    d = np.concatenate([entries[keep, 0], digests[common]])
    r = np.concatenate([entries[keep, 1], np.full(int(common.sum()), -1, dtype=np.int64)])
    return d, r


def _unit_entries(ds: Any, fmt: str, frame: pd.DataFrame, spans: Any,
                  digest: _Digester) -> Iterator[tuple[np.ndarray, np.ndarray]] | None:  # fmt: skip
    """The search-unit entries of a dataset, computed on the texts the erasure matcher reads (a log's
    lines, a CSV file's raw records, a Parquet row group's cells as :func:`identifiers.arrow_cell_strings`
    writes them, a vault's cells); ``None`` for a dataset whose texts are not read here (JSON Lines, SQL,
    a CSV whose records the simple reader cannot delimit): erasure plans read those whole."""
    if fmt in ("csv", "log"):
        if spans is None or ds.path is None or Path(ds.path).is_dir():
            return None
        header, records = spans
        if fmt == "csv" and sources.sniff_csv(ds.path)[1] not in _UNIT_DELIMITERS:
            return None

        def lines() -> Iterator[tuple[np.ndarray, np.ndarray]]:
            with open(ds.path, "rb") as fh:
                for start in range(0, len(records), _TEXT_BATCH):  # a batch of records at a time: bounded memory
                    batch = records[start : start + _TEXT_BATCH].tolist()
                    lo = batch[0][0]
                    fh.seek(lo)
                    data = fh.read(batch[-1][1] - lo)
                    try:
                        texts = [data[a - lo : b - lo].decode("utf-8").rstrip("\r\n") for a, b, _ in batch]
                    except UnicodeDecodeError:
                        raise _NoUnits from None
                    yield _units_of_texts(texts, start, digest)

        return lines()
    if fmt == "parquet":
        import pyarrow.parquet as pq

        def parts() -> Iterator[tuple[np.ndarray, np.ndarray]]:
            for part in sources.partitions(ds.path):
                tbl = pq.ParquetFile(part.source).read_row_group(part.row_group)
                for name in tbl.column_names:
                    yield _units_of_column(tbl.column(name), part.offset, digest)

        return parts()
    if fmt == "vault":
        return iter([_units_of_texts([idm.cell_string(v) for v in frame[c].tolist()], 0, digest) for c in frame.columns])
    return None


def _is_identity(ds: Any, fmt: str) -> bool:
    return ds.zone == "identified" and bool(ds.subject_key) and fmt != "log"


def _unique_entries(parts: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The distinct ``(digest, row)`` pairs of ``parts``, sorted (the index's key order: inserted in order)."""
    if not parts:
        return np.empty((0, 2), dtype=np.int64)
    d = np.concatenate([d for d, _ in parts]).astype(np.int64, copy=False)
    r = np.concatenate([p for _, p in parts]).astype(np.int64, copy=False)
    parts.clear()  # the caller's list: its arrays are freed as soon as they are copied
    order = np.lexsort((r, d))
    d = d[order]
    r = r[order]
    del order
    keep = np.ones(len(d), dtype=bool)
    keep[1:] = (d[1:] != d[:-1]) | (r[1:] != r[:-1])
    out = np.empty((int(keep.sum()), 2), dtype=np.int64)
    out[:, 0] = d[keep]
    del d
    out[:, 1] = r[keep]
    return out


_SPILL_ENTRIES = 1 << 20  # entries of one dataset held in memory (16 MB) before they go to bucket files
_SPILL_BITS = 8  # bucket files of a spilled dataset: by the top bits of the digest (the index's key order)


class _EntrySink:
    """One dataset's ``(digest, row)`` entries as a build computes them, chunk after chunk. Up to
    ``_SPILL_ENTRIES`` are held in memory; beyond, they are appended to ``2 ** _SPILL_BITS`` files by the
    top bits of their digest (search-unit entries apart: their "common units" are counted over the whole
    dataset, and every entry of a digest is in one bucket), so memory does not grow with the dataset."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._parts: dict[bool, list[tuple[np.ndarray, np.ndarray]]] = {False: [], True: []}
        self._held = 0
        self._dir: Path | None = None
        self.units = True  # whether search-unit entries are kept (False: the dataset's texts had none)

    def add(self, parts: Iterable[tuple[np.ndarray, np.ndarray]], *, offset: int = 0, unit: bool = False) -> None:
        """Add ``(digests, positions)`` parts, positions counted from row ``offset``."""
        for d, pos in parts:
            pos = np.asarray(pos, dtype=np.int64)
            self._parts[unit].append((np.asarray(d, dtype=np.int64), pos + offset if offset else pos))
            self._held += len(d)
            if self._held > _SPILL_ENTRIES:
                self._spill()

    def drop_units(self) -> None:
        """Forget the search-unit entries (a text that cannot be read as the erasure matcher reads it)."""
        self.units = False
        self._parts[True].clear()
        if self._dir is not None:
            for f in self._dir.glob("1.*"):
                f.unlink()

    def _spill(self) -> None:
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix=".spill.", dir=self._folder))
        for unit, parts in self._parts.items():
            if not parts:
                continue
            d = np.concatenate([x for x, _ in parts])
            r = np.concatenate([x for _, x in parts])
            parts.clear()
            b = (d.view(np.uint64) ^ np.uint64(_OFFSET)) >> np.uint64(64 - _SPILL_BITS)
            order = np.argsort(b, kind="stable")
            pairs = np.empty((len(d), 2), dtype=np.int64)
            pairs[:, 0], pairs[:, 1] = d[order], r[order]
            bounds = np.searchsorted(b[order], np.arange((1 << _SPILL_BITS) + 1, dtype=np.uint64)).tolist()
            del d, r, b, order
            for k, (lo, hi) in enumerate(itertools.pairwise(bounds)):
                if hi > lo:
                    with open(self._dir / f"{int(unit)}.{k}", "ab") as fh:
                        pairs[lo:hi].tofile(fh)
        self._held = 0

    def result(self, rows: int) -> np.ndarray | _Spilled:
        """The distinct entries, sorted (search units held by many of the ``rows`` rows kept as one entry
        for row -1: :func:`_common_units`): an array, or the spilled buckets."""
        if self._dir is None:
            units = [_common_units(_unique_entries(self._parts[True]), rows)] if self.units else []
            return _unique_entries(self._parts[False] + units)
        self._spill()
        return _Spilled(self._dir, rows, self.units)

    def discard(self) -> None:
        """Drop everything held and spilled."""
        self._parts = {False: [], True: []}
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)


class _Spilled:
    """A spilled dataset's entries: each bucket file made sorted and distinct (its common units
    found), then read back bucket after bucket in key order."""

    def __init__(self, folder: Path, rows: int, units: bool) -> None:
        self.folder = folder
        self.total = 0

        def load(name: str) -> list[tuple[np.ndarray, np.ndarray]]:
            f = folder / name
            if not f.exists():
                return []
            pairs = np.fromfile(f, dtype=np.int64).reshape(-1, 2)
            f.unlink()
            return [(pairs[:, 0], pairs[:, 1])]

        for k in range(1 << _SPILL_BITS):
            parts = load(f"0.{k}")
            if units:
                parts.append(_common_units(_unique_entries(load(f"1.{k}")), rows))
            out = _unique_entries(parts)
            out.tofile(folder / f"f.{k}")
            self.total += len(out)

    def buckets(self) -> Iterator[tuple[int, np.ndarray]]:
        """``(bucket number, its sorted entries)`` in key order."""
        for k in range(1 << _SPILL_BITS):
            yield k, np.fromfile(self.folder / f"f.{k}", dtype=np.int64).reshape(-1, 2)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


_CHUNK_ROWS = 1 << 14  # log lines per chunk of a streamed log (a Parquet table streams by row group)


class _Restream(Exception):
    """A dataset whose chunks cannot be read as its whole read types them: it is read whole instead."""


def _streamable(ds: Any, fmt: str) -> bool:
    """Whether ``ds`` is indexed chunk by chunk: Parquet tables and logs that are not identity tables
    (those are read whole: which columns are identifiers depends on every row)."""
    if ds.is_sql or ds.path is None or _is_identity(ds, fmt):
        return False
    return fmt == "parquet" or (fmt == "log" and not Path(ds.path).is_dir())


def _parquet_null_columns(parts: list) -> set[str] | None:
    """The integer and boolean columns of a Parquet table holding a null in some row group (read whole,
    pandas types them float64 and object; a row group without nulls alone, int64 and bool), from the
    files' statistics; ``None`` when a statistic is missing."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out: set[str] = set()
    files: dict[str, tuple[Any, dict[str, int]]] = {}
    try:
        for part in parts:
            if part.source not in files:
                pf = pq.ParquetFile(part.source)
                meta = pf.metadata
                at = {meta.schema.column(j).path: j for j in range(meta.num_columns)}
                wanted = [f.name for f in pf.schema_arrow if pa.types.is_integer(f.type) or pa.types.is_boolean(f.type)]
                if any(name not in at for name in wanted):
                    return None
                files[part.source] = meta, {name: at[name] for name in wanted}
            meta, cols = files[part.source]
            group = meta.row_group(part.row_group or 0)
            for name, j in cols.items():
                stats = group.column(j).statistics
                if stats is None or not stats.has_null_count:
                    return None
                if stats.null_count:
                    out.add(name)
    except (pa.ArrowException, OSError):
        return None
    return out


def _chunks(ds: Any, fmt: str) -> Iterator[pd.DataFrame]:
    """The rows of a streamable dataset in row-id order, chunk after chunk, typed as its whole read types
    them (a Parquet row group's integer and boolean columns as float64 / object when the table holds a
    null in them elsewhere)."""
    if fmt != "parquet":
        yield from sources.iter_dataset_chunks(ds, _CHUNK_ROWS)
        return
    parts = sources.partitions(ds.path)
    nulls = _parquet_null_columns(parts)
    if nulls is None:
        raise _Restream
    for part in parts:
        frame = sources.read_partition(part)
        for c in nulls & set(frame.columns):
            if frame[c].dtype.kind in "iu":
                frame[c] = frame[c].astype("float64")
            elif frame[c].dtype.kind == "b":
                frame[c] = frame[c].astype(object)
        yield frame


def _merged_dtype(filled: set[str], empty: set[str]) -> str:
    """A column's type read whole, from its chunks' types (``filled``: of chunks holding a value in it;
    ``empty``: of the others): one type, or text where the chunks without a value are untyped."""
    both = filled | empty
    if len(both) == 1:
        return next(iter(both))
    if filled == {"str"} and empty <= {"object"}:
        return "str"
    raise _Restream


def _stringy(values: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(values.dtype) or pd.api.types.is_string_dtype(values.dtype)


_LAYOUT_VALUES = 500  # frame_layout reads a column's first 500 values


def _chunk_layout(buffer: list[tuple[int, pd.DataFrame]], ds: Any, done: bool) -> FrameLayout | None:
    """The :func:`frame_layout` of the whole table from its first chunks, once every text column's first
    values are among them (or ``done``: they are all the rows); ``None``: more chunks are needed."""
    frames = [f for _, f in buffer]
    columns = list(frames[0].columns)
    if not done and any(_stringy(frames[0][c]) and c != ds.subject_key
                        and sum(int(f[c].notna().sum()) for f in frames) < _LAYOUT_VALUES for c in columns):  # fmt: skip
        return None
    id_cols: dict[str, str] = {}
    text: list[str] = []
    for c in columns:  # the first values of each column (its whole-table type), one column at a time
        head = pd.concat([f[c].dropna() for f in frames], ignore_index=True).head(_LAYOUT_VALUES)
        one = frame_layout(pd.DataFrame({c: head}), subject_key=ds.subject_key, columns=ds.columns)
        id_cols.update(one.id_cols)
        text += one.text_cols
    return FrameLayout(id_cols, tuple(text))


def _stream_dataset(datamap: Any, ds: Any, fmt: str, digest: _Digester, sink: _EntrySink) -> tuple[dict, int, list]:
    """(record, rows, distinct cookie values of a log) of a streamable dataset, its entries added to
    ``sink`` chunk by chunk: only the current chunk (and the first ones, until the layout is known) in
    memory. The same record and entries as a whole read (:func:`_whole_dataset`)."""
    region = datamap.phone_region
    rows = 0
    columns: list | None = None
    qcols: dict[str, str] = {}
    state: dict[str, Any] | None = None
    layout: FrameLayout | None = None
    types: dict[Any, tuple[set[str], set[str]]] = {}
    cookies: dict[str, None] = {}
    buffer: list[tuple[int, pd.DataFrame]] = []

    def index(frame: pd.DataFrame, offset: int) -> None:
        if fmt == "log":
            sink.add(_log_entries(frame, digest), offset=offset)
            cookies.update(dict.fromkeys(c for c in pd.unique(frame["cookie"]) if isinstance(c, str)))
        else:
            sink.add(_row_entries(frame, ds, layout, region, digest), offset=offset)
        sink.add(quasi_entries(frame, qcols, digest.many), offset=offset)

    for frame in _chunks(ds, fmt):
        frame = frame.reset_index(drop=True)
        if columns is None:
            columns = list(frame.columns)
            state, qcols = quasi_state(datamap, ds, [str(c) for c in columns])  # the linkage's verdict
        elif list(frame.columns) != columns:
            raise _Restream
        for c in columns:
            types.setdefault(c, (set(), set()))[0 if frame[c].notna().any() else 1].add(str(frame[c].dtype))
        if fmt == "log" or layout is not None:
            index(frame, rows)
        else:
            buffer.append((rows, frame))
            layout = _chunk_layout(buffer, ds, done=False)
            if layout is not None:
                for offset, f in buffer:
                    index(f, offset)
                buffer.clear()
        rows += len(frame)
        del frame
    if columns is None:  # no rows at all: the whole read knows the columns
        raise _Restream
    if buffer:
        layout = _chunk_layout(buffer, ds, done=True)
        for offset, f in buffer:
            index(f, offset)
        buffer.clear()
    record: dict[str, Any] = {"format": fmt, "dtypes": {str(c): _merged_dtype(*types[c]) for c in columns}}
    if layout is not None:
        record["layout"] = layout.to_dict()
    record["quasi"] = state
    return record, rows, list(cookies)


def _whole_dataset(datamap: Any, ds: Any, fmt: str, vault_key: bytes | None, digest: _Digester,
                   sink: _EntrySink) -> tuple[dict, int, list]:  # fmt: skip
    """(record, rows, distinct cookie values of a log) of a dataset read whole, its entries added to
    ``sink`` (a vault's search units too: its cells are read only here)."""
    frame = sources.read_dataset(ds, vault_key=vault_key)
    region = datamap.phone_region
    record: dict[str, Any] = {"format": fmt, "dtypes": {str(c): str(t) for c, t in frame.dtypes.items()}}
    cookies: list = []
    if fmt == "log":
        sink.add(_log_entries(frame, digest))
        cookies = [c for c in pd.unique(frame["cookie"]) if isinstance(c, str)]
    else:
        layout = frame_layout(frame, subject_key=ds.subject_key, columns=ds.columns)
        record["layout"] = layout.to_dict()
        sink.add(_row_entries(frame, ds, layout, region, digest))
        if _is_identity(ds, fmt):
            kinds = identity_kinds(frame, ds.subject_key, ds.columns)
            record["identity_kinds"] = kinds
            sink.add(_identity_entries(frame, ds.subject_key, kinds, region, digest))
    record["quasi"], quasi_parts = quasi_index(datamap, ds, frame, digest.many)  # the linkage's verdict and values
    sink.add(quasi_parts)
    if fmt == "vault":
        sink.add(_unit_entries(ds, fmt, frame, None, digest), unit=True)
    return record, len(frame), cookies


def _index_dataset(datamap: Any, ds: Any, vault_key: bytes | None, digest: _Digester,
                   folder: Path) -> tuple[dict, np.ndarray | _Spilled, int, list, Any]:  # fmt: skip
    """(layout record, entries, rows, distinct cookie values of a log, record spans of a CSV or log
    file) of one dataset, read once: Parquet tables and logs chunk by chunk, the others whole; entries
    beyond ``_SPILL_ENTRIES`` spilled to bucket files in ``folder``."""
    fmt = dataset_format(ds) or ("sql" if ds.is_sql else sources.detect_format(ds.path))
    fmt = {"tsv": "csv", "json": "jsonl"}.get(fmt, fmt)
    sink = _EntrySink(folder)
    try:
        try:
            if not _streamable(ds, fmt):
                raise _Restream
            record, rows, cookies = _stream_dataset(datamap, ds, fmt, digest, sink)
        except _Restream:
            sink.discard()
            sink = _EntrySink(folder)
            record, rows, cookies = _whole_dataset(datamap, ds, fmt, vault_key, digest, sink)
        spans = sources.record_spans(ds.path, fmt) if fmt in ("csv", "log") and ds.path is not None \
            and not Path(ds.path).is_dir() else None  # fmt: skip
        if spans is not None and len(spans[1]) != rows:  # records the simple reader cannot delimit
            spans = None
        units = True
        if fmt != "vault":  # a vault's units were computed on its cells
            parts = _unit_entries(ds, fmt, None, spans, digest)
            units = parts is not None
            try:
                for part in parts or ():
                    sink.add([part], unit=True)
            except _NoUnits:
                units = False
        if not units:
            sink.drop_units()
        record["units"] = units
        if fmt == "parquet":
            record["parts"] = [[p.source, p.row_group, p.offset, p.rows, p.root] for p in sources.partitions(ds.path)]
        return record, sink.result(rows), rows, cookies, spans
    except BaseException:
        sink.discard()
        raise


def _spans_blob(got: Any, rows: int) -> bytes | None:
    if got is None:
        return None
    header, spans = got
    if len(spans) != rows:  # the file has records the simple reader cannot delimit: read it whole
        return None
    head = np.asarray([[*(header or (-1, -1)), 0]], dtype="<i8")
    return np.concatenate([head, np.asarray(spans, dtype="<i8").reshape(-1, 3)]).tobytes()


def build_index(datamap: Any, *, vault_key: bytes | None = None, progress: bool | None = None,
                fresh: bool = False) -> BuildResult:  # fmt: skip
    """Build the estate's subject index, or bring it up to date: datasets whose fingerprint still
    matches keep their entries; the others are read once and re-indexed. An index that fails its
    MAC check (or ``fresh=True``) is rebuilt from nothing. Needs the vault key (ConfigError without)."""
    t0 = time.perf_counter()
    key = vault_key if vault_key is not None else key_for_datamap(datamap)
    if key is None:
        raise ConfigError("the subject index needs the vault key (its digests are keyed): give --vault-key-file "
                          "or set the data map's vault.key_file / key_env")  # fmt: skip
    dkey, mkey = _keys(datamap, key)
    digest = _Digester(dkey)
    path = index_path(datamap)
    path.parent.mkdir(parents=True, exist_ok=True)
    ok, why = _verified(datamap, mkey)
    note = "" if ok or not path.exists() else why + "; rebuilt from scratch"
    if ok and _stored_version(path) != _VERSION:
        ok, note = False, "subject index made by another version: rebuilt from scratch"
    fd, tmp_name = tempfile.mkstemp(prefix=".subjects.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    region = datamap.phone_region
    marks = _stale_marks(datamap)
    rebuilt, kept, errors = [], [], []
    log_cookies: dict[str, list] = {}  # distinct cookie values of the logs read by this build
    try:
        if ok and not fresh:
            tmp.write_bytes(path.read_bytes())
        else:
            tmp.unlink()
        fresh_file = not tmp.exists()
        with _connect(tmp) as conn:
            # a private temporary file, renamed into place only after it is complete, fsynced and MACed:
            # no rollback journal and no syncs while it is written
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA cache_size=-65536")
            conn.executescript(_SCHEMA)
            conn.execute("BEGIN")
            stored = {name: (dsn, json.loads(fp)) for dsn, name, fp in conn.execute("SELECT ds, name, fingerprint FROM datasets")}
            wanted = {ds.name for ds in datamap.datasets}
            for name in set(stored) - wanted:
                _drop_dataset(conn, stored[name][0])
            todo = [ds for ds in datamap.datasets
                    if ds.name not in stored or ds.name in marks or not _current(ds, region, stored[ds.name][1])]  # fmt: skip
            kept = [ds.name for ds in datamap.datasets if ds not in todo]
            bar = _progress(todo, progress)
            for ds in bar:
                entries = None
                try:
                    try:
                        fp = _fingerprint(ds, region)
                        record, entries, rows, cookies, got = _index_dataset(datamap, ds, key, digest, path.parent)
                        spans = _spans_blob(got, rows)
                        if _fingerprint_changed(ds, region, fp):
                            raise InputError(f"dataset {ds.name} changed while it was indexed; run index build again")
                    except PrivacyAuditError as exc:
                        errors.append((ds.name, str(exc)))
                        if ds.name in stored:
                            _drop_dataset(conn, stored[ds.name][0])
                        continue
                    if ds.name in stored:
                        dsn = stored[ds.name][0]
                        conn.execute("DELETE FROM entries WHERE ds = ?", (dsn,))
                        conn.execute("UPDATE datasets SET format=?, rows=?, fingerprint=?, layout=?, spans=? WHERE ds=?",
                                     (record["format"], rows, json.dumps(fp), json.dumps(record), spans, dsn))  # fmt: skip
                    else:
                        cur = conn.execute("INSERT INTO datasets (name, format, rows, fingerprint, layout, spans) "
                                           "VALUES (?, ?, ?, ?, ?, ?)",
                                           (ds.name, record["format"], rows, json.dumps(fp), json.dumps(record), spans))  # fmt: skip
                        dsn = cur.lastrowid
                    _store_entries(conn, dsn, entries, spans, mkey)
                finally:
                    if isinstance(entries, _Spilled):
                        entries.discard()
                    del entries
                if record["format"] == "log":
                    log_cookies[ds.name] = cookies
                rebuilt.append(ds.name)
            names = _cookie_names(datamap, conn, digest, log_cookies)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(_VERSION),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('cookie_names', ?)", (json.dumps(sorted(names)),))
            conn.execute("COMMIT")
            total = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            if rebuilt and not fresh_file:  # entries were deleted or inserted into a filled tree: compact it
                conn.execute("VACUUM")
            root = _root_mac(conn, mkey)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        mac = _mac_of(tmp, mkey)
        os.replace(tmp, path)
        fsync_dir(path.parent)
        atomic_write_bytes(path.parent / _MAC, json.dumps({"version": _VERSION, "mac": mac, "root": root}).encode())
        (path.parent / _STALE).unlink(missing_ok=True)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildResult(str(path), tuple(rebuilt), tuple(kept), int(total), time.perf_counter() - t0, note, tuple(errors))


def _stored_version(path: Path) -> int | None:
    with _connect(path) as conn:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError:
            return None
    return int(row[0]) if row and str(row[0]).isdigit() else None


def _fingerprint_changed(ds: Any, region: str, fp: Mapping[str, Any]) -> bool:
    return not _current(ds, region, fp)


def _progress(items: list, progress: bool | None):
    if progress is False or not items:
        return items
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return items
    return tqdm(items, desc="index", unit="dataset", disable=None if progress is None else not progress)


_ROWS_PER_INSERT = 100  # entries per INSERT statement: one statement step inserts many rows


def _insert_entries(conn: sqlite3.Connection, dsn: int, entries: np.ndarray, batch: int = 100_000) -> None:
    """Insert one dataset's sorted ``(digest, row)`` entries, in key order, many rows per statement."""
    many = "INSERT INTO entries (digest, ds, row) VALUES " + ",".join(["(?, ?, ?)"] * _ROWS_PER_INSERT)
    full = len(entries) - len(entries) % _ROWS_PER_INSERT
    triples = np.empty((full, 3), dtype=np.int64)
    triples[:, 0], triples[:, 1], triples[:, 2] = entries[:full, 0], dsn, entries[:full, 1]
    per_statement = triples.reshape(-1, 3 * _ROWS_PER_INSERT)
    step = max(1, batch // _ROWS_PER_INSERT)
    for i in range(0, len(per_statement), step):
        conn.executemany(many, map(tuple, per_statement[i : i + step].tolist()))
    conn.executemany("INSERT INTO entries (digest, ds, row) VALUES (?, ?, ?)",
                     zip(entries[full:, 0].tolist(), itertools.repeat(dsn), entries[full:, 1].tolist()))  # fmt: skip


def _cookie_names(datamap: Any, conn: sqlite3.Connection, digest: _Digester, seen: Mapping[str, list]) -> set[str]:
    """Names of the log cookies that carry a known subject token (declared ``subject_cookie`` included).
    ``seen``: the distinct cookie values of the logs this build has just read (others are read here)."""
    names: set[str] = set()
    ident = _identity_ds_numbers(datamap, conn)
    for ds in datamap.datasets:
        if dataset_format(ds) != "log":
            continue
        declared = (ds.extra or {}).get("subject_cookie")
        if declared:
            names.add(str(declared))
        cookies = seen.get(ds.name)
        if cookies is None:
            cookies = [c for c in pd.unique(sources.read_dataset(ds)["cookie"]) if isinstance(c, str)]
        pairs = {pair for c in cookies for pair in cookie_pairs(c)}
        tokens = _known_tokens(conn, digest, ident, {v for _, v in pairs})
        names |= {n for n, v in pairs if v in tokens}
    return names


def _known_tokens(conn: sqlite3.Connection, digest: _Digester, ident: list[int], values: set[str]) -> set[str]:
    """Which of ``values`` are subject tokens of an identity dataset (one query for all of them)."""
    if not ident or not values:
        return set()
    by_digest: dict[int, list[str]] = {}
    for v in values:
        by_digest.setdefault(digest("id:token", v), []).append(v)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS asked (digest INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM asked")
    conn.executemany("INSERT INTO asked VALUES (?)", ((d,) for d in by_digest))
    q = (f"SELECT asked.digest FROM asked WHERE EXISTS (SELECT 1 FROM entries WHERE entries.digest = asked.digest "
         f"AND entries.ds IN ({','.join('?' * len(ident))}))")
    found = {v for (d,) in conn.execute(q, ident) for v in by_digest[d]}
    conn.execute("DROP TABLE asked")
    return found


def _identity_ds_numbers(datamap: Any, conn: sqlite3.Connection) -> list[int]:
    names = [ds.name for ds in datamap.datasets if _is_identity(ds, dataset_format(ds))]
    if not names:
        return []
    q = f"SELECT ds FROM datasets WHERE name IN ({','.join('?' * len(names))})"
    return [r[0] for r in conn.execute(q, names)]


class _TokenSet:
    """``v in tokens``: is ``v`` a subject token of an identity dataset (asked of the index, verified)."""

    def __init__(self, view: IndexView, ident: list[int]) -> None:
        self._view, self._ident = view, ident
        self._cache: dict[str, bool] = {}

    def __contains__(self, value: object) -> bool:
        v = str(value)
        if v not in self._cache:
            d = self._view.digest("id:token", v)
            self._cache[v] = any(self._view._rows(dsn, [d]) for dsn in self._ident)
        return self._cache[v]


# ------------------------------------------------------------------------------- status


def index_status(datamap: Any, *, vault_key: bytes | None = None) -> IndexStatus:
    """Whether the index exists, verifies, and is current for each dataset (reads no data rows)."""
    path = index_path(datamap)
    if not path.is_file():
        return IndexStatus(str(path), False, False, tuple(DatasetState(d.name, "missing") for d in datamap.datasets),
                           "no subject index (privacy-audit index build)")  # fmt: skip
    key = vault_key if vault_key is not None else key_for_datamap(datamap)
    if key is None:
        raise ConfigError("checking the subject index needs the vault key: give --vault-key-file")
    _, mkey = _keys(datamap, key)
    ok, why = _verified(datamap, mkey)
    if not ok:
        return IndexStatus(str(path), True, False, tuple(DatasetState(d.name, "untrusted") for d in datamap.datasets), why)
    marks = _stale_marks(datamap)
    with _connect(path) as conn:
        stored = {name: (dsn, rows, json.loads(fp)) for dsn, name, rows, fp in
                  conn.execute("SELECT ds, name, rows, fingerprint FROM datasets")}  # fmt: skip
        counts = dict(conn.execute("SELECT ds, count(*) FROM entries GROUP BY ds").fetchall())
    states = []
    for ds in datamap.datasets:
        if ds.name not in stored:
            states.append(DatasetState(ds.name, "missing", note="not indexed yet"))
            continue
        dsn, rows, fp = stored[ds.name]
        if ds.name in marks:
            state, note = "stale", "changed by privacy-audit since the build"
        elif _current(ds, datamap.phone_region, fp):
            state, note = "current", ""
        else:
            state, note = "stale", "its files (or data map entry) changed since the build"
        states.append(DatasetState(ds.name, state, rows, counts.get(dsn, 0), note))
    return IndexStatus(str(path), True, True, tuple(states))


# ---------------------------------------------------------------------------------- using


class _CheckedSpans(Sequence):
    """The record spans ``(start, end, line)`` of one dataset's rows, read through their seals page by
    page (a page is checked once, when a row on it is first asked for): an erasure plan reads a few rows
    of a large file without loading or checking the spans of the rest."""

    def __init__(self, view: IndexView, dsn: int, n: int) -> None:
        self._view, self._dsn, self._n = view, dsn, n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> tuple[int, ...]:  # type: ignore[override]
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self._view._spans_at(self._dsn, [i])[1][0]


@dataclass
class IndexView:
    """A verified index opened for one request (see :func:`open_index`): it says which rows to read."""

    datamap: Any
    vault_key: bytes | None
    path: Path
    digest: _Digester
    current: dict[str, tuple[int, dict, Any]]
    cookie_names: tuple[str, ...]
    notes: tuple[str, ...] = ()
    mac_key: bytes = b""
    seals: dict[int, tuple[bytes, int]] = field(default_factory=dict)  # ds -> (nonce, bucket bits)
    root: str = ""
    _subject_digests: dict[int, tuple[Subject, list[int]]] = field(default_factory=dict)  # id -> (subject, digests)
    _conn: sqlite3.Connection | None = None
    _vault: Any = None
    _segments: dict[tuple[int, int, int], np.ndarray] = field(default_factory=dict)
    _names: dict[int, str] = field(default_factory=dict)

    @property
    def identity_current(self) -> bool:
        """True when every identity dataset and log is current (subject resolution may use the index)."""
        vpath = (getattr(self.datamap, "vault", None) or {}).get("path")
        if vpath and not any(ds.path is not None and Path(ds.path) == self.datamap.resolve(vpath)
                             for ds in self.datamap.datasets):  # fmt: skip
            return False  # a vault outside the datasets is not indexed
        return all(ds.name in self.current for ds in self.datamap.datasets
                   if dataset_format(ds) == "log" or _is_identity(ds, dataset_format(ds)))  # fmt: skip

    def close(self) -> None:
        """Close the index file (the view is not used afterwards)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        return self._conn

    @property
    def trusted(self) -> bool:
        """False once a segment this process read failed its check (then nothing more is read from it)."""
        return (str(self.path), self.root) not in _UNTRUSTED

    def _fail(self, dsn: int, what: str) -> None:
        _UNTRUSTED.add((str(self.path), self.root))
        name = self._names.get(dsn, str(dsn))
        msg = (f"subject index failed its check ({what} of dataset {name}): not trusted, the data is read whole; "
               "privacy-audit index build rebuilds it")  # fmt: skip
        logger.warning("%s", msg)
        raise IndexIntegrityError(msg)

    def _segment(self, dsn: int, kind: int, seg: int) -> np.ndarray:
        """One sealed segment of dataset ``dsn``, read and checked against its MAC: ``(digest, row)``
        pairs (entries) or record spans (``kind`` spans); raises IndexIntegrityError when it fails."""
        key = (dsn, kind, seg)
        got = self._segments.get(key)
        if got is not None:
            return got
        if not self.trusted:
            raise IndexIntegrityError("subject index not trusted (a part of it failed its check)")
        nonce, bits = self.seals[dsn]
        try:
            db = self._db()
            if kind == _SEAL_ENTRY:
                lo, hi = _bucket_range(seg, bits)
                rows = db.execute("SELECT digest, row FROM entries WHERE ds = ? AND digest BETWEEN ? AND ? "
                                  "ORDER BY digest, row", (dsn, lo, hi)).fetchall()  # fmt: skip
                content = np.asarray(rows, dtype="<i8").reshape(-1, 2).tobytes()
            else:
                size = _SPAN_PAGE * _SPAN_BYTES
                with db.blobopen("datasets", "spans", dsn, readonly=True) as blob:
                    if len(blob) != self.current_spans.get(dsn):
                        self._fail(dsn, "record spans")
                    blob.seek(seg * size)
                    content = blob.read(size)
            mac = db.execute("SELECT mac FROM seals WHERE ds = ? AND kind = ? AND seg = ?", (dsn, kind, seg)).fetchone()
        except sqlite3.Error:
            self._fail(dsn, "entries" if kind == _SEAL_ENTRY else "record spans")
        if mac is None or not hmac.compare_digest(bytes(mac[0]), _seal_mac(self.mac_key, nonce, dsn, kind, seg, content)):
            self._fail(dsn, "entries" if kind == _SEAL_ENTRY else "record spans")
        arr = np.frombuffer(content, dtype="<i8").reshape(-1, 2 if kind == _SEAL_ENTRY else 3)
        self._segments[key] = arr
        return arr

    @property
    def current_spans(self) -> dict[int, int | None]:
        """ds -> the length of its record spans (as the verified dataset record gives it)."""
        return {dsn: spans for dsn, _, spans in self.current.values()}

    def _rows(self, dsn: int, digests: Iterable[int]) -> list[int]:
        """The row ids of dataset ``dsn`` indexed under any of ``digests``, from verified segments."""
        bits = self.seals[dsn][1]
        by_bucket: dict[int, list[int]] = {}
        for d in set(digests):
            by_bucket.setdefault(_bucket(d, bits), []).append(d)
        out: set[int] = set()
        for b, wanted in by_bucket.items():
            seg = self._segment(dsn, _SEAL_ENTRY, b)
            if len(seg):
                out.update(seg[np.isin(seg[:, 0], np.asarray(wanted, dtype=np.int64)), 1].tolist())
        return sorted(out)

    def _spans_at(self, dsn: int, positions: list[int]) -> tuple[tuple[int, int] | None, list[tuple[int, ...]]]:
        """(header span, the spans of the records at ``positions``) from verified pages of spans."""
        def span(i: int) -> tuple[int, ...]:
            page = self._segment(dsn, _SEAL_SPANS, i // _SPAN_PAGE)
            if i % _SPAN_PAGE >= len(page):
                self._fail(dsn, "record spans")
            return tuple(int(x) for x in page[i % _SPAN_PAGE])

        first = span(0)
        header = (first[0], first[1]) if first[0] >= 0 else None
        return header, [span(p + 1) for p in positions]

    def _read(self, ds: Any, record: dict, spans: Any, positions: list[int]) -> pd.DataFrame:
        """The rows at ``positions`` of ``ds``, typed as a whole read types them."""
        fmt = record["format"]
        if not positions:
            return _empty(record.get("dtypes") or {})
        if spans is not None:
            header, wanted = self._spans_at(self.current[ds.name][0], positions)
            frame = sources.read_records(ds.path, fmt, header, wanted,
                                         dtypes=record.get("dtypes") if fmt == "csv" else None)  # fmt: skip
        elif fmt == "parquet":
            pieces = []
            parts = record.get("parts") or []
            for source, row_group, offset, rows, root in parts:
                local = [p - offset for p in positions if offset <= p < offset + rows]
                if local:
                    part = sources.Partition(source, "parquet", offset, rows, row_group=row_group, root=root)
                    pieces.append(sources.read_partition(part, rows=local))
            frame = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
        elif fmt == "sql":
            frame = sources.sql_rows_at(ds.url, ds.table, positions).reset_index(drop=True)
        elif fmt == "vault":
            frame = self._vault_rows(ds, record, positions)
        else:
            frame = sources.read_dataset(ds, vault_key=self.vault_key).iloc[positions].reset_index(drop=True)
        if len(frame) != len(positions):
            raise InputError(f"dataset {ds.name}: the subject index points at rows the data does not have")
        return frame

    def _vault_rows(self, ds: Any, record: dict, positions: list[int]) -> pd.DataFrame:
        """Rows of a vault dataset, unsealing only those records (as ``Vault.to_frame`` lays them out)."""
        if self.vault_key is None:
            raise ConfigError(f"dataset {ds.name!r} is a vault: a vault key is needed to read it")
        if self._vault is None:
            self._vault = Vault.open(ds.path, self.vault_key)
        ids = self._vault.ids()
        columns = list(record.get("dtypes") or {})
        first = columns[0] if columns else "record_id"
        rows = []
        for p in positions:
            rec = {first: ids[p], **self._vault.get(ids[p])}
            rows.append([rec.get(c) for c in columns])
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def _search_digests(self, subject: Subject) -> list[int]:
        cached = self._subject_digests.get(id(subject))
        if cached is not None and cached[0] is subject:  # the subject held: its id is not another's
            return cached[1]
        d = self.digest
        region = self.datamap.phone_region
        out = {d("key", v) for v in subject.ids("tokens") | subject.ids("pseudonyms")}
        for kind, keys in wanted_keys(subject, region).items():
            for k in keys:
                if kind == "phone":
                    if _last6(k):
                        out.add(d("ph6", _last6(k)))
                else:
                    out.add(d(f"col:{kind}", k))
        emails, names = text_needles(subject)
        out |= {d("email", e) for e in emails}
        for n in names:
            w = n.casefold().split()
            out.add(d("name2", f"{w[0]} {w[1]}"))
        out |= {d("cookie", c) for c in subject.ids("cookies", exclusive=True)}
        for ip in subject.ids("ips", exclusive=True):
            out |= {d("ip", k) for k in idm.normalize("ip", ip)}
        self._subject_digests[id(subject)] = (subject, sorted(out))
        return self._subject_digests[id(subject)][1]

    def dataset_rows(self, ds: Any, subject: Subject) -> tuple[pd.DataFrame, list[int], FrameLayout | None] | None:
        """``(rows, their row ids, layout)`` of ``ds`` that may be the subject's; ``None`` when the
        index is not current for ``ds`` (the caller reads it whole)."""
        got = self.current.get(ds.name)
        if got is None or not self.trusted:
            return None
        dsn, record, spans = got
        try:
            positions = self._rows(dsn, self._search_digests(subject))
            frame = self._read(ds, record, spans, positions)
        except IndexIntegrityError:
            return None  # read whole, as a dataset the index does not cover
        layout = FrameLayout.from_dict(record["layout"]) if "layout" in record else None
        return frame, positions, layout

    def unit_rows(self, ds: Any, probes: Iterable[str]) -> list[int] | None:
        """Row ids of ``ds`` whose texts hold one of the search units ``probes``
        (:func:`identifiers.search_probes`): every row in which the erasure matcher can find the
        subject is among them. ``None`` when the index is not current for ``ds`` or does not hold its
        units (the caller reads it whole)."""
        got = self.current.get(ds.name)
        if got is None or not got[1].get("units"):
            return None
        rows = self._rows(got[0], [self.digest("u", p) for p in probes])
        return None if rows and rows[0] < 0 else rows  # -1: a unit too common to list its rows

    def quasi_state(self, ds: Any) -> dict[str, Any] | None:
        """What the build recorded of ``ds`` for the quasi-identifier linkage
        (:func:`privacy_audit.linkage.quasi_index`); ``None`` when the index is not current for ``ds``
        (or not trusted) or recorded nothing."""
        got = self.current.get(ds.name)
        if got is None or not self.trusted:
            return None
        return got[1].get("quasi")

    def text_rows(self, ds: Any, texts: Iterable[str]) -> list[int]:
        """Row ids of ``ds`` (current in the index) listed under any of ``texts`` (``ns\\x1fvalue``, as the
        build digested them), from verified segments; IndexIntegrityError when one fails its check."""
        if not self.trusted:
            raise IndexIntegrityError("subject index not trusted (a part of it failed its check)")
        return self._rows(self.current[ds.name][0], self.digest.many(list(texts)).tolist())

    def token_rows(self, ds: Any, tokens: Iterable[str]) -> list[int] | None:
        """Row ids of the identity dataset ``ds`` whose subject key is one of ``tokens``; ``None`` when
        the index holds no identity entries of ``ds`` (not current, or not an identity dataset)."""
        got = self.current.get(ds.name)
        if got is None or "identity_kinds" not in got[1]:
            return None
        return self._rows(got[0], [self.digest("id:token", str(t)) for t in tokens])

    def read_rows(self, ds: Any, positions: Iterable[int]) -> pd.DataFrame:
        """The rows at ``positions`` (row ids) of ``ds`` (current in the index), typed as a whole read
        types them, indexed 0..n-1; only those rows are read (a vault's records unsealed one by one)."""
        dsn, record, spans = self.current[ds.name]
        return self._read(ds, record, spans, sorted(int(p) for p in positions)).reset_index(drop=True)

    def plan_source(self, ds: Any) -> dict[str, Any] | None:
        """What an erasure plan needs to read a few rows of ``ds`` and describe the rest without reading
        it: ``format``, ``rows`` (the row count), ``files`` (path, SHA-256 as indexed), ``spans``
        (``(header span or None, array of (start, end, line) per row)`` of a CSV or log file, else None) and
        ``parts`` (Parquet row groups: source, row group, first row id, rows) and ``columns`` (of a whole
        read). ``None`` when the index
        is not current for ``ds`` or holds no search units of it."""
        got = self.current.get(ds.name)
        if got is None or not got[1].get("units"):
            return None
        dsn, record, spans = got  # spans: the length of the dataset's sealed record spans
        rows, fp = self._db().execute("SELECT rows, fingerprint FROM datasets WHERE ds = ?", (dsn,)).fetchone()
        out: dict[str, Any] = {"format": record["format"], "rows": int(rows), "spans": None,
                               "files": [(f[0], f[3]) for f in json.loads(fp).get("files") or []],
                               "parts": [tuple(p[:4]) for p in record.get("parts") or []],
                               "columns": list(record.get("dtypes") or {})}  # fmt: skip
        if spans:
            header, _ = self._spans_at(dsn, [])
            out["spans"] = (header, _CheckedSpans(self, dsn, spans // _SPAN_BYTES - 1))
        return out

    def identity_index(self, keys: Iterable[tuple[str, str]]) -> pd.DataFrame:
        """The identity index rows (as :func:`privacy_audit.subjects.resolve_subjects` builds them)
        of every identity row and log line holding one of ``keys`` (``(kind, key)`` pairs)."""
        keys = set(keys)
        rows: list[tuple] = []
        region = self.datamap.phone_region
        ident = [self.current[ds.name][0] for ds in self.datamap.datasets if _is_identity(ds, dataset_format(ds))]
        tokens = _TokenSet(self, ident)
        for ds in self.datamap.datasets:
            fmt = dataset_format(ds)
            if _is_identity(ds, fmt):
                dsn, record, spans = self.current[ds.name]
                positions = self._rows(dsn, [self.digest(f"id:{k}", v) for k, v in keys])
                frame = self._read(ds, record, spans, positions)
                if len(frame):
                    rows += identity_rows(frame, ds.subject_key, ds.columns, ds.name, region,
                                          kinds=record.get("identity_kinds") or {})  # fmt: skip
            elif fmt == "log":
                dsn, record, spans = self.current[ds.name]
                ns = {"token": "key", "ip": "ip", "cookie": "cookie"}
                positions = self._rows(dsn, [self.digest(ns[k], v) for k, v in keys if k in ns])
                frame = self._read(ds, record, spans, positions)
                if len(frame):
                    rows += log_identity_rows(frame, tokens, ds.name)[0]
        return pd.DataFrame(rows, columns=list(INDEX_COLUMNS)).drop_duplicates(ignore_index=True)


def _empty(dtypes: Mapping[str, str]) -> pd.DataFrame:
    """No rows, with the whole read's columns and types."""
    cols = {}
    for c, t in dtypes.items():
        try:
            cols[c] = pd.Series(dtype=t)
        except (TypeError, ValueError):
            cols[c] = pd.Series(dtype=object)
    return pd.DataFrame(cols)


def open_index(datamap: Any, vault_key: bytes | None) -> IndexView | None:
    """The estate's index, verified, for one request: ``None`` when there is no index, no key, or its
    root MAC fails (then every dataset is read whole). The root check reads only the meta rows and the
    dataset records; each segment the request then reads is checked against its own MAC (see the
    module docstring), so opening costs the same at any estate size. Datasets that changed since the
    build are left out of ``current``: requests read those whole."""
    path = index_path(datamap)
    if vault_key is None or not path.is_file():
        return None
    try:
        dkey, mkey = _keys(datamap, vault_key)
    except PrivacyAuditError:  # a key that does not open the vault cannot vouch for the index
        return None
    try:
        sealed = json.loads((path.parent / _MAC).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        sealed = None
    root = str(sealed.get("root", "")) if isinstance(sealed, dict) else ""
    if not root or sealed.get("version") != _VERSION:
        logger.warning("%s", "subject index has no valid MAC file (or another version): not trusted")
        return None
    if (str(path), root) in _UNTRUSTED:
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not hmac.compare_digest(root, _root_mac(conn, mkey)):
            logger.warning("%s", "subject index failed its MAC check (changed outside privacy-audit, or another key): "
                                 "not trusted")  # fmt: skip
            conn.close()
            return None
        if conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() != (str(_VERSION),):
            conn.close()
            return None
        stored = {name: (dsn, fp, layout, spans, seal) for dsn, name, fp, layout, spans, seal in
                  conn.execute("SELECT ds, name, fingerprint, layout, length(spans), seal FROM datasets")}  # fmt: skip
        names = json.loads(conn.execute("SELECT value FROM meta WHERE key = 'cookie_names'").fetchone()[0])
    except (sqlite3.Error, ValueError, TypeError):
        conn.close()
        logger.warning("%s", "subject index unreadable: not trusted")
        return None
    marks = _stale_marks(datamap)
    current: dict[str, tuple[int, dict, Any]] = {}
    seals: dict[int, tuple[bytes, int]] = {}
    for ds in datamap.datasets:
        got = stored.get(ds.name)
        if got is None or ds.name in marks or not _current(ds, datamap.phone_region, json.loads(got[1])):
            continue
        try:
            seal = json.loads(got[4])
            seals[got[0]] = (bytes.fromhex(seal["nonce"]), int(seal["bits"]))
        except (ValueError, TypeError, KeyError):
            continue  # no seal: read whole
        current[ds.name] = (got[0], json.loads(got[2]), got[3])
    names_of = {v[0]: k for k, v in stored.items()}
    return IndexView(datamap, vault_key, path, _Digester(dkey), current, tuple(names), mac_key=mkey, seals=seals,
                     root=root, _conn=conn, _names=names_of)  # fmt: skip


register_search_index(open_index)
