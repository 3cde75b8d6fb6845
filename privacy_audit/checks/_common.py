"""Helpers the check modules share: register columns, truthy values, subject sets, masked samples.

Registers are user files, so their column names are matched case-insensitively against a few
aliases (documented with each check). Subject identifiers in registers are compared as strings
with the values of a dataset's ``subject_key`` column.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..errors import PrivacyAuditError
from ..masking import mask
from . import CheckContext, find_column

__all__ = [
    "SUBJECT_ALIASES",
    "truthy",
    "falsy",
    "blank",
    "subject_column",
    "masked_sample",
    "latest_rows",
    "active_rows",
    "dataset_subjects",
    "subjects_affected",
]

SUBJECT_ALIASES = ("subject", "subject_key", "subject_id", "user_token", "token", "user_id", "customer_id")
_TRUE = {"true", "yes", "y", "1", "t", "on", "granted", "given", "opt-in", "opted_in", "active", "required"}
_FALSE = {"false", "no", "n", "0", "f", "off", "none", "not_required", "not required"}
_INACTIVE = {
    "lifted",
    "inactive",
    "revoked",
    "withdrawn",
    "closed",
    "expired",
    "released",
    "ended",
    "false",
    "no",
}
_TIME_ALIASES = (
    "recorded_at",
    "updated_at",
    "timestamp",
    "ts",
    "created_at",
    "date",
    "at",
    "since",
    "granted_at",
)


def blank(value: object) -> bool:
    """True for None/NaN/empty strings."""
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and not value.strip()


def truthy(value: object) -> bool:
    """Whether a register cell means yes (true, yes, 1, granted, ...)."""
    if blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return str(value).strip().lower() in _TRUE


def falsy(value: object) -> bool:
    """Whether a register cell explicitly means no (false, no, 0, ...); blank is neither."""
    if blank(value):
        return False
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value == 0
    return str(value).strip().lower() in _FALSE


def subject_column(register: pd.DataFrame, subject_key: str | None = None) -> str | None:
    """The register column holding subject ids: the dataset's own key name first, then aliases."""
    return find_column(register, *([subject_key] if subject_key else []), *SUBJECT_ALIASES)


def masked_sample(values: Iterable[object], n: int = 3) -> str:
    """Up to ``n`` masked values, sorted, for evidence strings."""
    vals = sorted({str(v) for v in values if not blank(v)})
    shown = ", ".join(mask(v) for v in vals[:n])
    return shown + (f" (+{len(vals) - n} more)" if len(vals) > n else "")


def latest_rows(register: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The last row per ``keys`` (by a timestamp column if there is one, else file order)."""
    tcol = find_column(register, *_TIME_ALIASES)
    df = register
    if tcol is not None:
        order = pd.to_datetime(df[tcol], errors="coerce", utc=True, format="mixed")
        df = (
            df.assign(_order=order)
            .sort_values("_order", kind="stable", na_position="first")
            .drop(columns="_order")
        )
    return df.drop_duplicates(subset=keys, keep="last")


def active_rows(register: pd.DataFrame, as_of: object | None = None) -> pd.DataFrame:
    """Rows still in force: ``status`` not lifted/withdrawn/..., and no past ``lifted_at``/``until``."""
    keep = pd.Series(True, index=register.index)
    status = find_column(register, "status", "state", "active")
    if status is not None:
        col = register[status]
        if status.lower() == "active":
            flags = [blank(v) or not falsy(v) for v in col]
        else:
            flags = [blank(v) or str(v).strip().lower() not in _INACTIVE for v in col]
        keep &= pd.Series(flags, index=register.index, dtype=bool)
    end = find_column(
        register,
        "lifted_at",
        "revoked_at",
        "withdrawn_at",
        "ended_at",
        "until",
        "expires_at",
        "end_date",
        "released_at",
    )
    if end is not None:
        ends = pd.to_datetime(register[end], errors="coerce", utc=True, format="mixed")
        if as_of is not None:
            cutoff = pd.Timestamp(as_of, tz="UTC")
            keep &= ends.isna() | (ends > cutoff)
        else:
            keep &= ends.isna()
    return register[keep]


def dataset_subjects(ctx: CheckContext, ds) -> set[str] | None:
    """Distinct subject ids of a dataset (object or name), ``None`` when it has no subject key."""
    return ctx.subject_set(ds)


def subjects_affected(ctx: CheckContext, ds, cid: str) -> int | None:
    """How many subjects a dataset-wide finding affects: its distinct subjects, else its rows.

    ``None`` (not countable) when the dataset cannot be read; the problem is recorded on check ``cid``.
    """
    try:
        subjects = dataset_subjects(ctx, ds)
        return len(subjects) if subjects is not None else ctx.row_count(ds)
    except PrivacyAuditError as exc:
        ctx.problem(cid, f"dataset {ds.name}: {exc}")
        return None
