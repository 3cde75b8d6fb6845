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

import csv
import datetime as _dt
import io
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
from .erasure import EstateTable, identifiers_of, load_estate_table, rewrite_table
from .errors import DataMapError, ErasureError, InputError, PrivacyAuditError, SubjectError
from .identifiers import email_shaped
from .masking import mask
from .sources import sql_row_positions, sql_table

__all__ = [
    "CellChange",
    "RectificationPlan",
    "RectificationCheck",
    "plan_rectification",
    "apply_rectification",
    "verify_rectification",
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
    tables: tuple[tuple[str, str], ...] = ()  # (dataset, kind)
    applied_at: str | None = None
    files_written: tuple[str, ...] = ()
    audit_seq: int | None = None

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


def _sql_holds(ds: Any, subject: Any, changes: Mapping[str, str]) -> bool:
    """True when the SQL dataset ``ds`` has one of the columns and a row keyed by the subject."""
    cols = {c.name for c in sql_table(ds.url, ds.table).columns}
    if not cols & set(changes):
        return False
    ids = identifiers_of(subject)
    keys = sorted(set(ids.get("tokens", ())) | set(ids.get("pseudonyms", ())))
    key = ds.subject_key if ds.subject_key in cols else None
    if key is None or not keys:
        return True  # cannot tell which rows are the subject's: refuse rather than skip silently
    return bool(sql_row_positions(ds.url, ds.table, {key: keys}))


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
    sql_held = [n for n in names if datamap.dataset(n).is_sql and _sql_holds(datamap.dataset(n), subject, changes)]
    if sql_held:  # never report success while leaving the subject's SQL rows uncorrected
        raise InputError(
            f"rectify cannot change SQL datasets yet, and {', '.join(sql_held)} hold(s) the subject's "
            f"{', '.join(changes)}; nothing was changed (correct the database directly, or give --dataset "
            "to rectify one file dataset)"
        )
    names = [n for n in names if not datamap.dataset(n).is_sql]
    cells: list[CellChange] = []
    files: dict[str, str] = {}
    seen_cols: set[str] = set()
    unchanged = 0
    tables: list[tuple[str, str]] = []
    for name in names:
        ds = datamap.dataset(name)
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
        for name, kind in plan.tables:
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
        written = tuple(sorted(_relpath(datamap, p) for p in staged))
        if entry is not None:
            entry = replace(entry, details={**entry.details, "files": [mask_emails(f) for f in written]})
        _, seq = commit_change(datamap, "rectification", staged, entry, payload={"subject_ref": plan.subject_ref},
                               what="rectification")  # fmt: skip
    return replace(plan, applied_at=_now_utc(), files_written=written, audit_seq=seq)


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
