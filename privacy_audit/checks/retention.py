"""Retention (clause 1.1.3 by default): rows kept longer than the dataset's ``retention_days``.

A row is expired when its ``time_column`` value is before ``as_of - retention_days`` (``as_of``:
the run's date, else the data map's, else today). Rows of subjects under an active legal hold
(``legal_holds`` register: ``subject``, optional ``dataset``/``datasets`` (``;``-separated, ``*`` =
all), ``status``, ``until``/``released_at``) are kept
on purpose and not counted. Datasets without ``retention_days`` or ``time_column`` are not checked.
One finding per dataset; ``subjects_affected`` counts distinct subjects (rows without a key).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

import pandas as pd

from ..errors import PrivacyAuditError
from . import CheckContext, Finding, find_column, subject_ids
from ._common import active_rows, blank, subject_column

__all__ = ["CHECKS", "parse_times"]

_LOG_TIME = "%d/%b/%Y:%H:%M:%S %z"


def parse_times(values: pd.Series) -> pd.Series:
    """Timestamps as UTC (NaT where unparseable): ISO dates/times, epoch seconds, access-log times."""
    if pd.api.types.is_datetime64_any_dtype(values):
        out = pd.to_datetime(values, utc=True)
        return out
    if pd.api.types.is_numeric_dtype(values):
        return pd.to_datetime(values, unit="s", utc=True, errors="coerce")
    text = values.astype("string")
    out = pd.to_datetime(text, utc=True, errors="coerce", format="mixed")
    missing = out.isna() & text.notna()
    if missing.any():
        out = out.where(~missing, pd.to_datetime(text[missing], format=_LOG_TIME, utc=True, errors="coerce"))
    return out


def _held(ctx: CheckContext, ds) -> set[str]:
    holds = ctx.register("legal_holds")
    if holds is None:
        return set()
    scol = subject_column(holds, ds.subject_key)
    if scol is None:
        return set()
    rows = active_rows(holds, ctx.as_of)
    dcol = find_column(rows, "dataset", "datasets")
    if dcol is not None:  # one name, or several separated by ; or , (blank, * or all: every dataset)
        covers = {ds.name, "all", "*"}
        keep = [blank(v) or bool(covers & set(re.split(r"\s*[;,]\s*", str(v).strip()))) for v in rows[dcol]]
        rows = rows[pd.Series(keep, index=rows.index, dtype=bool)]
    return {str(v) for v in rows[scol] if not blank(v)}


def _key_column(ds, head: pd.DataFrame) -> str | None:
    """The column the subject id of a row is read from (:func:`~privacy_audit.checks.subject_ids`)."""
    if ds.subject_key:
        return find_column(head, ds.subject_key)
    if ds.extra.get("subject_cookie"):
        return find_column(head, "cookie", "cookies")
    return None


def expired_rows(ctx: CheckContext) -> Iterator[Finding]:
    cid = "retention.expired_rows"
    for ds in ctx.datamap.datasets:
        if ds.retention_days is None or not ds.time_column:
            continue
        cutoff_day = ctx.as_of - _dt.timedelta(days=ds.retention_days)
        cutoff = pd.Timestamp(cutoff_day, tz="UTC")
        keyed = bool(ds.subject_key or ds.extra.get("subject_cookie"))
        held = _held(ctx, ds)
        # streamed: per chunk, the expired rows (older, not held), their subjects, the oldest time
        rows = older = n = unparsed = 0
        subjects: set[str] = set()
        oldest = None
        tcol, seen = None, False
        try:
            head = ctx.columns(ds)
            needed = [c for c in (find_column(head, ds.time_column), _key_column(ds, head)) if c is not None]
            for chunk in ctx.chunks(ds, needed):
                seen = True
                tcol = find_column(chunk, ds.time_column)
                if tcol is None:
                    break
                keys = subject_ids(ds, chunk) if keyed else None
                times = parse_times(chunk[tcol])
                expired = times < cutoff
                older += int(expired.sum())
                if held and keys is not None:
                    expired &= ~keys.isin(held)
                hit = int(expired.sum())
                rows += len(chunk)
                unparsed += int((times.isna() & chunk[tcol].notna()).sum())
                if not hit:
                    continue
                n += hit
                if keys is not None:
                    subjects.update(k for k in keys[expired] if k)
                first = times[expired].min()
                oldest = first if oldest is None or first < oldest else oldest
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        if seen and tcol is None:
            ctx.problem(cid, f"dataset {ds.name}: time_column {ds.time_column!r} not in the data")
            continue
        if not n:
            continue
        yield ctx.finding(
            cid,
            dataset=ds.name,
            column=ds.time_column,
            subjects_affected=len(subjects) if keyed else n,
            message=f"{n} row(s) of {ds.name} are older than its {ds.retention_days}-day retention",
            evidence=f"{older} of {rows} rows have {ds.time_column} before {cutoff_day.isoformat()} "
            f"(as of {ctx.as_of.isoformat()}); oldest {oldest.date().isoformat()}"
            + (
                f"; {older - n} of them kept under legal hold ({len(held)} subject(s)), not counted"
                if older > n
                else ""
            )
            + (f"; {unparsed} unparseable timestamps ignored" if unparsed else ""),
        )


CHECKS = {"retention.expired_rows": expired_rows}
