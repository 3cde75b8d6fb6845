"""Clause 3.2.1, encryption of all data: identified data at rest, and exports/bundles.

* ``encryption.plaintext_identified``: an identified-zone dataset declared ``encrypted: false``
  (``encrypted: true`` is taken as declared: storage-level encryption cannot be seen in the file).
  One finding per dataset; ``subjects_affected`` counts distinct subject keys (rows when the
  dataset has no ``subject_key``); the evidence says what is on disk and shows one masked value.
* ``encryption.unencrypted_export``: files in the exports area -- every file under ``exports_dir:``
  and every dataset marked ``kind: export`` -- that are plaintext or zips with unencrypted entries.
  ``dataset`` is the declared dataset the file belongs to, else the file's path relative to the
  data map's folder. A plaintext identified dataset lying in the exports area gets both findings.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import PrivacyAuditError
from ..masking import mask
from . import CheckContext, Finding, find_column
from ._common import blank, dataset_subjects

__all__ = ["CHECKS", "plaintext_kind", "is_export"]

_HEAD = 8192


def plaintext_kind(path: Path) -> str | None:
    """What plaintext ``path`` is (``"text"``, ``"parquet"``, ``"sqlite"``, ``"zip"``), or ``None`` when it
    looks encrypted (opaque bytes, or a zip whose every entry is encrypted)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD)
    except OSError:
        return None
    if not head:
        return None
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as zf:
                infos = [i for i in zf.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError):
            return None
        return "zip" if any(not (i.flag_bits & 0x1) for i in infos) else None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a cut multi-byte character at the end is still text
            return None
        text = head[: exc.start].decode("utf-8")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return "text" if text and printable / len(text) > 0.97 else None


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
    elif path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))


def is_export(ds) -> bool:
    """Whether a dataset is declared as an export/bundle (``kind: export`` or ``export: true``)."""
    kind = str(ds.extra.get("kind", "")).lower()
    return kind in {"export", "exports", "bundle"} or ds.extra.get("export") is True


def _example(ctx: CheckContext, ds) -> str:
    """A masked example value of the first declared personal column."""
    for col, ent in ds.pii_columns.items():
        real = find_column(ctx.columns(ds), col)
        if real is None:
            continue
        vals = [v for v in ctx.head(ds, 50)[real] if not blank(v)]
        if vals:
            return f"; e.g. {col}={mask(vals[0], ent)}"
    return ""


def plaintext_identified(ctx: CheckContext) -> Iterator[Finding]:
    cid = "encryption.plaintext_identified"
    for ds in ctx.datamap.datasets:
        if ds.zone != "identified" or ds.path is None or ds.format == "vault":
            continue
        if ds.encrypted:
            continue  # the declaration is the claim (storage-level encryption is not visible in the file)
        kinds = {k for k in (plaintext_kind(f) for f in _files(ds.path)) if k}
        try:
            subjects = dataset_subjects(ctx, ds)
            count = len(subjects) if subjects is not None else ctx.row_count(ds)
            example = _example(ctx, ds)
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            count, example = None, ""
        cols = ", ".join(f"{c} ({e})" for c, e in ds.pii_columns.items()) or "none declared"
        stored = "/".join(sorted(kinds)) or "unknown"
        message = f"identified dataset {ds.name} is stored at rest without encryption"
        yield ctx.finding(
            cid,
            dataset=ds.name,
            subjects_affected=count,
            message=message,
            evidence=f"{ds.relpath}: {stored} on disk, encrypted: {str(ds.encrypted).lower()}; "
            f"personal columns: {cols}{example}",
        )


def unencrypted_export(ctx: CheckContext) -> Iterator[Finding]:
    cid = "encryption.unencrypted_export"
    dm = ctx.datamap
    owner = {f.resolve(): ds.name for ds in dm.datasets if ds.path is not None for f in _files(ds.path)}
    registers = {r.path.resolve() for r in dm.registers.values()}
    targets: list[Path] = [f for root in dm.exports_dirs for f in _files(root)]
    targets += [f for ds in dm.datasets if is_export(ds) and ds.path is not None for f in _files(ds.path)]
    seen: set[Path] = set()
    for f in targets:
        rf = f.resolve()
        if rf in seen or rf in registers:
            continue
        seen.add(rf)
        kind = plaintext_kind(f)
        if kind is None:
            continue
        rel = _rel(f, dm.root)
        name = owner.get(rf)
        count = None
        if name is not None:
            try:
                subjects = dataset_subjects(ctx, name)
                count = len(subjects) if subjects is not None else ctx.row_count(name)
            except PrivacyAuditError as exc:
                ctx.problem(cid, f"dataset {name}: {exc}")
        detail = "a zip archive with unencrypted entries" if kind == "zip" else f"readable {kind}"
        yield ctx.finding(
            cid,
            dataset=name or rel,
            subjects_affected=count,
            message=f"export {rel} is not encrypted" + (f" (dataset {name})" if name else ""),
            evidence=f"{rel}: {detail} ({f.stat().st_size} bytes) in the exports area",
        )


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


CHECKS = {
    "encryption.plaintext_identified": plaintext_identified,
    "encryption.unencrypted_export": unencrypted_export,
}
