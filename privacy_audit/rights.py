"""Rectification and restriction of processing for one data subject (policy rights 5.1.2 and 5.1.3).

* Rectification: :func:`plan_rectification` finds the subject's rows (their own rows, by subject key
  or the subject search) in every dataset holding the columns to correct, and lists each change as
  ``masked old -> masked new``; :func:`apply_rectification` writes them all or none through the same
  byte-preserving rewriters and multi-file transaction as erasure; :func:`verify_rectification`
  reads the estate again and checks every cell now holds its new value.
* Restriction: :func:`plan_restriction` / :func:`apply_restriction` add (or, with ``lift``, remove)
  the subject's row in the data map's ``restrictions`` register (``user_token, scope, requested_at,
  reason``), the register the checks' restriction control and subject exports read.

Every apply appends to the audit log (subject reference, columns, counts; never values).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from .auditlog import mask_emails
from .changes import AuditEntry, commit_change, estate_change, precheck
from .datamap import DataMap
from .detect.text import analyze_texts
from .entities import describe, is_direct, text_entities
from .erasure import EstateTable, identifiers_of, load_estate_table, rewrite_table, vault_change_details
from .errors import DataMapError, ErasureError, InputError, PrivacyAuditError, SubjectError
from .identifiers import cell_text, email_shaped
from .masking import mask
from .sources import (
    safe_url,
    sql_change_positions,
    sql_row_positions,
    sql_rows_at,
    sql_table,
    sql_transaction,
)

__all__ = [
    "CellChange",
    "RectificationPlan",
    "RectificationCheck",
    "plan_rectification",
    "apply_rectification",
    "verify_rectification",
    "finish_sql_rectification",
    "RestrictionChange",
    "plan_restriction",
    "apply_restriction",
    "restriction_rows",
]

# ------------------------------------------------------------------------------------ rectification


def _now_utc() -> str:
    """The current UTC time, ISO 8601 to the second with ``Z``."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _relpath(datamap: DataMap, path: Any) -> str:
    """``path`` relative to the data map's folder (POSIX form), or as given when outside it."""
    p = Path(path)
    try:
        return p.relative_to(datamap.root).as_posix()
    except ValueError:
        return str(p)


@dataclass(frozen=True)
class CellChange:
    """One cell to correct; values shown masked (the raw values stay in memory on the plan)."""

    dataset: str
    row: int
    column: str
    old: str
    new: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class RectificationPlan:
    """The corrections to make, per cell, with the files they live in."""

    datamap_sha256: str
    subject_ref: str
    kinds_used: tuple[str, ...]
    columns: tuple[str, ...]
    changes: tuple[CellChange, ...]
    unchanged: int  # cells that already hold the new value
    files: tuple[tuple[str, str], ...] = ()  # (path, sha256 at plan time)
    values: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    tables: tuple[tuple[str, str], ...] = ()  # (dataset, kind: dataset | sql)
    applied_at: str | None = None
    files_written: tuple[str, ...] = ()
    audit_seq: int | None = None
    keys: tuple[str, ...] = field(default=(), repr=False, compare=False)  # the subject's keys (SQL rows, recovery)
    tables_written: tuple[str, ...] = ()  # SQL tables changed (database URL without password, table)

    def digest(self, dataset: str) -> str | None:
        """The planned SQL rows' values at plan time (see ``files``), for a SQL dataset."""
        return dict(self.files).get(f"sql:{dataset}")

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([c.to_dict() for c in self.changes], columns=list(CellChange.__dataclass_fields__))

    def to_dict(self) -> dict[str, Any]:
        return {
            "request": {"subject_ref": self.subject_ref, "kinds": list(self.kinds_used)},
            "datamap_sha256": self.datamap_sha256,
            "columns": list(self.columns),
            "changes": [c.to_dict() for c in self.changes],
            "unchanged": self.unchanged,
            "applied_at": self.applied_at,
            "files_written": list(self.files_written),
            "tables_written": list(self.tables_written),
            "audit_seq": self.audit_seq,
        }


def _entity(table: EstateTable, column: str) -> str | None:
    ds = table.dataset
    return ds.columns.get(column) if ds is not None else None


def _owned_rows(datamap: DataMap, table: EstateTable, subject: Any, vault_key: bytes | None) -> list[int]:
    keys = set()
    ids = identifiers_of(subject)
    for k in ("tokens", "pseudonyms"):
        keys |= set(ids.get(k, ()))
    rows = [i for i in range(len(table.rows)) if table.owner(i) in keys]
    return rows


def _subject_keys(subject: Any) -> list[str]:
    ids = identifiers_of(subject)
    return sorted(set(ids.get("tokens", ())) | set(ids.get("pseudonyms", ())))


def _sql_subject_rows(ds: Any, subject: Any, columns: list[str]) -> tuple[list[int], pd.DataFrame]:
    """The subject's rows of the SQL dataset ``ds`` (by its subject key; row ids) and their ``columns``.
    InputError when the table has none of the subject's keys to tell their rows by."""
    names = {c.name for c in sql_table(ds.url, ds.table).columns}
    keys = _subject_keys(subject)
    if not ds.subject_key or ds.subject_key not in names or not keys:
        raise InputError(
            f"dataset {ds.name}: which rows of this SQL table are the subject's cannot be told (no subject_key "
            f"column); nothing was changed (give --dataset to rectify one other dataset)"
        )
    positions = sql_row_positions(ds.url, ds.table, {ds.subject_key: keys})
    frame = sql_rows_at(ds.url, ds.table, positions) if positions else pd.DataFrame(columns=[ds.subject_key, *columns])
    return positions, frame


def _sql_value(column: Any, value: str) -> Any:
    """``value`` as the SQL column's type takes it (numbers for numeric columns); InputError when it cannot."""
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return value
    if kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            raise InputError(f"--set {column.name}: the SQL column holds {kind.__name__} values") from None
    return value


def _sql_digest(frame: pd.DataFrame, positions: list[int], columns: list[str]) -> str:
    """A digest of the planned rows' current values (checked again inside the transaction)."""
    body = json.dumps([[p, *(cell_text(frame.at[p, c]) for c in columns)] for p in positions], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def plan_rectification(
    datamap: DataMap,
    subject: Any,
    changes: Mapping[str, str],
    *,
    dataset: str | None = None,
    vault_key: bytes | None = None,
) -> RectificationPlan:
    """Plan setting ``column = value`` (``changes``) in every row of the subject that has the column
    (only in ``dataset`` when given). InputError when a column exists nowhere for the subject or is
    the subject key."""
    if not changes:
        raise InputError("nothing to rectify: give at least one --set column=value")
    if not getattr(subject, "found", True):
        raise SubjectError("no data subject matches the identifier given; nothing to rectify")
    if dataset:
        datamap.dataset(dataset)  # DataMapError when unknown
    names = [dataset] if dataset else [d.name for d in datamap.datasets]
    cells: list[CellChange] = []
    files: dict[str, str] = {}
    seen_cols: set[str] = set()
    unchanged = 0
    tables: list[tuple[str, str]] = []
    for name in names:
        ds = datamap.dataset(name)
        if ds.is_sql:  # the same decisions on the database's rows, by row id
            cols = [c for c in changes if c in {x.name for x in sql_table(ds.url, ds.table).columns}]
            if not cols:
                continue
            if ds.subject_key in cols:
                raise InputError(f"{ds.subject_key} is the subject key of {name}; it cannot be rectified")
            positions, frame = _sql_subject_rows(ds, subject, cols)
            touched = False
            for pos in positions:
                for c in cols:
                    seen_cols.add(c)
                    old = cell_text(frame.at[pos, c])
                    if (old or "") == changes[c]:
                        unchanged += 1
                        continue
                    ent = ds.columns.get(c)
                    cells.append(CellChange(name, pos, c, mask(old or "", ent), mask(changes[c], ent)))
                    touched = True
            if touched:
                tables.append((name, "sql"))
                files[f"sql:{name}"] = _sql_digest(frame, sorted({c.row for c in cells if c.dataset == name}), cols)
            continue
        if (ds.format or "") == "log":
            continue
        for col in changes:
            if col == ds.subject_key:
                raise InputError(f"{col} is the subject key of {name}; it cannot be rectified")
        if not any(c in ds.columns or ds.format == "vault" for c in changes) and dataset is None:
            # cheap skip: the data map says the dataset has none of the columns
            if ds.columns:
                continue
        table = load_estate_table(datamap, name, vault_key=vault_key)
        cols = [c for c in changes if c in table.columns]
        if not cols:
            continue
        rows = _owned_rows(datamap, table, subject, vault_key)
        if not rows:
            continue
        touched = False
        for i in rows:
            for c in cols:
                seen_cols.add(c)
                old = table.rows[i][table.columns.index(c)]
                new = changes[c]
                if (old or "") == new:
                    unchanged += 1
                    continue
                ent = _entity(table, c)
                cells.append(CellChange(name, i, c, mask(old or "", ent), mask(new, ent)))
                touched = True
        if touched:
            tables.append((name, "dataset"))
            for f in table.files:
                files[str(f.path)] = f.sha256
    missing = [c for c in changes if c not in seen_cols]
    if missing:
        where = f"dataset {dataset}" if dataset else "any dataset holding the subject's rows"
        raise InputError(f"column(s) {', '.join(missing)} not found in {where}")
    return RectificationPlan(
        datamap_sha256=datamap.sha256,
        subject_ref=str(getattr(subject, "ref", "")),
        kinds_used=tuple(getattr(subject, "kinds_used", ()) or ()),
        columns=tuple(changes),
        changes=tuple(cells),
        unchanged=unchanged,
        files=tuple(sorted(files.items())),
        values=dict(changes),
        tables=tuple(tables),
        keys=tuple(_subject_keys(subject)),
    )


def apply_rectification(
    datamap: DataMap, plan: RectificationPlan, *, vault_key: bytes | None = None, audit: bool = True
) -> RectificationPlan:
    """Write every change of ``plan`` (all files or none, under the estate lock, journaled); returns
    the plan with ``applied_at`` set."""
    with estate_change(datamap):
        if plan.datamap_sha256 != datamap.sha256:
            raise ErasureError("the data map changed since the plan was made; plan again")
        entry = None
        if audit:  # a change that could not be logged must not happen at all
            entry = AuditEntry("rectification", plan.subject_ref, {
                "kinds": list(plan.kinds_used), "columns": list(plan.columns), "cells": len(plan.changes),
                "datasets": sorted({c.dataset for c in plan.changes}),
            })  # fmt: skip
            precheck(datamap, entry)
        staged: dict[Any, tuple[bytes, str]] = {}
        vault_details: dict[str, Any] = {}
        sql_tables = [name for name, kind in plan.tables if kind == "sql"]
        for name, kind in plan.tables:
            if kind == "sql":
                continue
            table = load_estate_table(datamap, name, kind=kind, vault_key=vault_key)
            expected = dict(plan.files)
            for f in table.files:
                if str(f.path) in expected and expected[str(f.path)] != f.sha256:
                    raise ErasureError(f"{table.relpath} changed since the plan was made; plan again (nothing was changed)")
            cells: dict[int, dict[str, str | None]] = {}
            for c in plan.changes:
                if c.dataset == name:
                    cells.setdefault(c.row, {})[c.column] = plan.values[c.column]
            try:
                new = rewrite_table(table, cells=cells, vault_key=vault_key)
            except PrivacyAuditError as exc:
                raise ErasureError(f"{table.relpath}: {exc} (nothing was changed)") from None
            for path, data in new.items():
                staged[path] = (data, next(f.sha256 for f in table.files if f.path == path))
            vault_details.update(vault_change_details(table, vault_key))
        written = tuple(sorted(_relpath(datamap, p) for p in staged))
        where = [mask_emails(f"{safe_url(datamap.dataset(n).url)} {datamap.dataset(n).table}") for n in sql_tables]
        if entry is not None:
            entry = replace(entry, details={**entry.details, "files": [mask_emails(f) for f in written], **vault_details,
                                            **({"tables": where} if where else {})})  # fmt: skip
        payload = {"subject_ref": plan.subject_ref, "sql_datasets": sql_tables}
        if sql_tables:  # what recovery needs to finish the database side from the journal alone
            payload.update(keys=list(plan.keys), values=dict(plan.values))
        _, seq = commit_change(datamap, "rectification", staged, entry, payload=payload, what="rectification",
                               sql=(lambda: _sql_rectification(datamap, plan, sql_tables)) if sql_tables else None)  # fmt: skip
    return replace(plan, applied_at=_now_utc(), files_written=written, audit_seq=seq, tables_written=tuple(where))


@contextlib.contextmanager
def _sql_rectification(datamap: DataMap, plan: RectificationPlan, names: list[str]):
    """Inside one transaction per database: re-read the planned rows, refuse when they changed since
    the plan, set the new values; commits when the ``with`` block (the file renames) ends cleanly."""
    by_url: dict[str, list[str]] = {}
    for name in names:
        by_url.setdefault(datamap.dataset(name).url, []).append(name)
    with contextlib.ExitStack() as stack:
        for url, items in by_url.items():
            conn = stack.enter_context(sql_transaction(url))
            for name in items:
                ds = datamap.dataset(name)
                mine = [c for c in plan.changes if c.dataset == name]
                positions = sorted({c.row for c in mine})
                cols = [c for c in plan.columns if any(x.column == c for x in mine)]
                frame = sql_rows_at(url, ds.table, positions, conn=conn)
                cols_all = [c for c in plan.columns if c in frame.columns]
                if len(frame) != len(positions) or _sql_digest(frame, positions, cols_all) != plan.digest(name):
                    raise ErasureError(f"dataset {name}: the table changed since the plan was made; plan again")
                columns = {c.name: c for c in sql_table(url, ds.table).columns}
                cells = {p: {c: _sql_value(columns[c], plan.values[c]) for c in cols} for p in positions}
                _, updated = sql_change_positions(conn, url, ds.table, cells=cells)
                if updated != len(positions):
                    raise ErasureError(f"dataset {name}: changed {updated} rows, planned {len(positions)}; rolled back")
        yield


def finish_sql_rectification(datamap: DataMap, payload: Mapping[str, Any], *, vault_key: bytes | None = None) -> int | None:
    """Recovery of a rectification stopped before its database commit: plan the SQL side again from the
    journal's ``payload`` (the subject's keys, the new values, the SQL datasets) and apply what is
    still not corrected (under the lock the caller holds). Returns the new audit entry's ``seq``."""
    keys, values = list(payload.get("keys") or ()), dict(payload.get("values") or {})
    seq = None
    for name in payload.get("sql_datasets") or ():
        try:
            plan = plan_rectification(datamap, {"tokens": keys}, values, dataset=name, vault_key=vault_key)
        except InputError:  # the subject's rows or the columns are gone from this table: nothing left to do
            continue
        if plan.changes:
            plan = replace(plan, subject_ref=str(payload.get("subject_ref") or plan.subject_ref))
            seq = apply_rectification(datamap, plan, vault_key=vault_key).audit_seq
    return seq


@dataclass(frozen=True)
class RectificationCheck:
    """Whether every planned cell now holds its new value."""

    ok: bool
    checked: int
    mismatches: tuple[CellChange, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "checked": self.checked, "mismatches": [m.to_dict() for m in self.mismatches]}


def verify_rectification(
    datamap: DataMap, plan: RectificationPlan, *, vault_key: bytes | None = None
) -> RectificationCheck:
    """Read the changed datasets again and compare every planned cell with its new value."""
    bad: list[CellChange] = []
    for name, kind in plan.tables:
        if kind == "sql":  # the subject's rows found again by their keys (an update may move a row)
            ds = datamap.dataset(name)
            cols = sorted({c.column for c in plan.changes if c.dataset == name})
            _, frame = _sql_subject_rows(ds, {"tokens": plan.keys}, cols)
            for c in cols:
                for v in frame[c] if len(frame) else [None]:
                    if (cell_text(v) or "") != plan.values[c]:
                        bad.append(CellChange(name, -1, c, mask(cell_text(v) or "", ds.columns.get(c)),
                                              mask(plan.values[c], ds.columns.get(c))))  # fmt: skip
            continue
        table = load_estate_table(datamap, name, kind=kind, vault_key=vault_key)
        for c in plan.changes:
            if c.dataset != name:
                continue
            now = table.rows[c.row][table.columns.index(c.column)] if c.row < len(table.rows) else None
            if (now or "") != plan.values[c.column]:
                bad.append(replace(c, old=mask(now or "", _entity(table, c.column))))
    return RectificationCheck(not bad, len(plan.changes), tuple(bad))


# -------------------------------------------------------------------------------------- restriction

_REG_COLUMNS = ("user_token", "scope", "requested_at", "reason")
DEFAULT_REASON = "restriction requested by the data subject (policy 5.1.3)"


@dataclass(frozen=True)
class RestrictionChange:
    """A restriction to record (``add``), lift (``lift``), or nothing to do (``none``)."""

    subject_ref: str
    kinds_used: tuple[str, ...]
    scope: str
    action: str  # add | lift | none
    register: str
    rows_before: int
    rows_added: int = 0
    rows_removed: int = 0
    existing_scopes: tuple[str, ...] = ()
    sha256: str = ""
    token: str = field(default="", repr=False, compare=False)  # in memory only
    reason: str = DEFAULT_REASON
    applied_at: str | None = None
    audit_seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "token"}
        d["existing_scopes"] = list(self.existing_scopes)
        d["kinds_used"] = list(self.kinds_used)
        return d


def _restrictions(datamap: DataMap) -> EstateTable:
    if datamap.register("restrictions") is None:
        raise DataMapError("the data map declares no `restrictions` register (registers: restrictions: PATH)")
    table = load_estate_table(datamap, "restrictions", kind="register")
    if table.format != "csv":
        raise DataMapError("the restrictions register must be a CSV file")
    if table.owner_col is None:
        raise DataMapError("the restrictions register has no subject column (user_token)")
    return table


def restriction_rows(datamap: DataMap, token: str) -> list[dict[str, str | None]]:
    """The subject's rows in the restrictions register (raw; in memory only)."""
    table = _restrictions(datamap)
    return [dict(zip(table.columns, r, strict=False)) for i, r in enumerate(table.rows) if table.owner(i) == token]


def check_reason(reason: str | None, *, what: str = "the restriction reason") -> None:
    """InputError when a restriction reason holds personal data (an e-mail, phone, name, card, national id...).

    The register keeps the reason for as long as the restriction stands, and everyone who reads the
    register reads it: describe why without naming or contacting anyone. One rule for every front
    end (CLI, widget, library), since it lives here.
    """
    if not reason or not reason.strip():
        return
    found = {s.entity for s in analyze_texts([reason], entities=list(text_entities()))[0] if is_direct(s.entity)}
    if any(email_shaped(w.strip(".,;:()<>\"'")) for w in reason.split()):
        found.add("EMAIL_ADDRESS")
    if found:
        kinds = ", ".join(describe(e).label for e in sorted(found))
        raise InputError(
            f"{what} holds personal data ({kinds}); the register keeps the reason: "
            "describe it without naming or contacting anyone"
        )


def plan_restriction(
    datamap: DataMap, subject: Any, *, scope: str = "all", lift: bool = False, reason: str | None = None
) -> RestrictionChange:
    """Plan recording (or lifting) a restriction of processing for the subject in ``scope``.

    Lifting ``scope="all"`` removes every restriction row of the subject; another scope removes
    only the rows with that scope. Recording a scope already recorded changes nothing."""
    scope = (scope or "all").strip()
    if not scope or any(ch in scope for ch in ",\n\r\""):
        raise InputError("bad --scope: give one word such as all or email_marketing")
    check_reason(reason)
    token = getattr(subject, "subject_id", None)
    if not getattr(subject, "found", True) or not token:
        raise SubjectError("no data subject matches the identifier given; nothing to restrict")
    table = _restrictions(datamap)
    j = table.columns.index("scope") if "scope" in table.columns else None
    mine = [i for i in range(len(table.rows)) if table.owner(i) == token]
    scopes = tuple(sorted({(table.rows[i][j] or "") for i in mine})) if j is not None else ()
    base = {
        "subject_ref": str(getattr(subject, "ref", "")),
        "kinds_used": tuple(getattr(subject, "kinds_used", ()) or ()),
        "scope": scope,
        "register": table.relpath,
        "rows_before": len(table.rows),
        "existing_scopes": scopes,
        "sha256": table.files[0].sha256,
        "token": token,
        "reason": reason or DEFAULT_REASON,
    }
    if lift:
        gone = [i for i in mine if scope == "all" or (j is not None and table.rows[i][j] == scope)]
        return RestrictionChange(action="lift" if gone else "none", rows_removed=len(gone), **base)
    if scope in scopes:
        return RestrictionChange(action="none", **base)
    return RestrictionChange(action="add", rows_added=1, **base)


def apply_restriction(datamap: DataMap, change: RestrictionChange, *, audit: bool = True) -> RestrictionChange:
    """Write the planned change to the restrictions register (under the estate lock, journaled) and log it."""
    if change.action == "none":
        return change
    with estate_change(datamap):
        entry = None
        if audit:  # a change that could not be logged must not happen at all
            entry = AuditEntry("unrestriction" if change.action == "lift" else "restriction", change.subject_ref, {
                "kinds": list(change.kinds_used), "scope": change.scope, "register": mask_emails(change.register),
                "rows_added": change.rows_added, "rows_removed": change.rows_removed,
            })  # fmt: skip
            precheck(datamap, entry)
        table = _restrictions(datamap)
        f = table.files[0]
        if f.sha256 != change.sha256:
            raise ErasureError(f"{table.relpath} changed since the plan was made; plan again (nothing was changed)")
        if change.action == "lift":
            j = table.columns.index("scope") if "scope" in table.columns else None
            gone = {
                i for i in range(len(table.rows))
                if table.owner(i) == change.token and (change.scope == "all" or (j is not None and table.rows[i][j] == change.scope))
            }  # fmt: skip
            data = rewrite_table(table, delete=gone)[f.path]
        else:
            text = f.data.decode(table.info.get("encoding", "utf-8"))
            values = {
                table.owner_col: change.token,
                "scope": change.scope,
                "requested_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
                "reason": change.reason,
            }
            buf = io.StringIO()
            ending = "\r\n" if "\r\n" in text[:4096] else "\n"
            csv.writer(buf, delimiter=table.info.get("delimiter", ","), lineterminator=ending).writerow(
                [values.get(c, "") or "" for c in table.columns]
            )
            if text and not text.endswith(("\n", "\r")):
                text += ending
            data = (text + buf.getvalue()).encode(table.info.get("encoding", "utf-8"))
        _, seq = commit_change(datamap, "restriction", {f.path: (data, f.sha256)}, entry,
                               payload={"subject_ref": change.subject_ref}, what="restriction")  # fmt: skip
    return replace(change, applied_at=_now_utc(), audit_seq=seq)
