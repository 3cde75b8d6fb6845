"""Clauses 5.1.3 (restriction of processing) and 7 (opt-out): such subjects must not be processed.

A dataset is *in processing* when the data map says ``processing: true`` or one of its purposes
is a processing purpose (see :mod:`privacy_audit.datamap`); marketing audiences and exports are
the usual ones.

Registers (columns matched case-insensitively):

* ``restrictions``: ``subject`` (or the dataset's ``subject_key`` name, ``user_token``, ...),
  optional ``status`` (active/lifted), ``lifted_at``/``until``, ``scope``.
* ``opt_outs``: ``subject``, optional ``status``, ``scope``/``channel``/``purpose``.

A row in force whose scope is blank/``all`` -- or names the dataset, one of its purposes, or one of
the third parties it is shared with -- applies to that dataset. One finding per processing dataset
that still holds such subjects; ``subjects_affected`` counts them.

* ``restriction.restricted_in_processing`` -- restricted subjects (5.1.3).
* ``optout.opted_out_in_processing`` -- opted-out subjects (7).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ..errors import PrivacyAuditError
from . import CheckContext, Finding, find_column, subject_ids
from ._common import active_rows, blank, masked_sample, subject_column

__all__ = ["CHECKS", "applicable_subjects"]

_ALL = {"", "all", "*", "any", "everything", "all_processing"}


def applicable_subjects(register: pd.DataFrame, ds, as_of) -> set[str] | None:
    """Subjects in ``register`` with a row in force whose scope covers dataset ``ds``."""
    scol = subject_column(register, ds.subject_key)
    if scol is None:
        return None
    rows = active_rows(register, as_of)
    pcol = find_column(rows, "scope", "channel", "purpose", "third_party", "dataset")
    if pcol is not None:
        targets = {ds.name.lower(), *(p.lower() for p in ds.purposes), *(t.lower() for t in ds.shared_with)}
        scope = rows[pcol].map(lambda v: "" if blank(v) else str(v).strip().lower()).astype(str)
        rows = rows[scope.isin(_ALL | targets)]
    return {str(v) for v in rows[scol] if not blank(v)}


def _present(
    ctx: CheckContext, cid: str, register_name: str, what: str, clause_word: str
) -> Iterator[Finding]:
    register = ctx.register(register_name)
    if register is None:
        return
    for ds in ctx.datamap.datasets:
        if not ds.processing:
            continue
        if not ds.subject_key:
            ctx.problem(
                cid, f"processing dataset {ds.name} declares no subject_key; cannot match {what} subjects"
            )
            continue
        listed = applicable_subjects(register, ds, ctx.as_of)
        if listed is None:
            ctx.problem(cid, f"{register_name} register needs a subject column (e.g. `subject`)")
            return
        rows, subjects = 0, set()
        try:
            for chunk in ctx.chunks(ds):  # streamed: only the rows of listed subjects are counted
                values = subject_ids(ds, chunk)
                hit = values[values.isin(listed)]
                rows += len(hit)
                subjects.update(hit)
        except PrivacyAuditError as exc:
            ctx.problem(cid, f"dataset {ds.name}: {exc}")
            continue
        if not rows:
            continue
        yield ctx.finding(
            cid,
            dataset=ds.name,
            column=None,
            subjects_affected=len(subjects),
            message=f"{len(subjects)} {what} subject(s) still in processing dataset {ds.name}",
            evidence=f"{rows} row(s) in {ds.relpath or ds.name} for subjects {clause_word} in the "
            f"{register_name} register: {masked_sample(subjects)}; purposes: [{', '.join(ds.purposes)}]",
        )


def restricted_in_processing(ctx: CheckContext) -> Iterator[Finding]:
    yield from _present(
        ctx, "restriction.restricted_in_processing", "restrictions", "restricted", "restricted"
    )


def opted_out_in_processing(ctx: CheckContext) -> Iterator[Finding]:
    yield from _present(ctx, "optout.opted_out_in_processing", "opt_outs", "opted-out", "opted out")


CHECKS = {
    "restriction.restricted_in_processing": restricted_in_processing,
    "optout.opted_out_in_processing": opted_out_in_processing,
}
