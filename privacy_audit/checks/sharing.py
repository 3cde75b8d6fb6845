"""Clauses 4.1 (sharing only with consent, only with registered parties) and 3.1 (storage location).

Registers (columns matched case-insensitively):

* ``sharing``: one row per third party -- ``third_party`` (or ``recipient``/``vendor``/``name``),
  ``consent_required`` (yes/no), optional ``country``.
* ``consents``: ``subject`` (or the dataset's ``subject_key`` name, ``user_token``, ...),
  ``third_party`` (or ``recipient``/``scope``/``purpose``; ``all``/``*`` covers every party),
  ``status`` (granted/withdrawn, or a yes/no ``granted`` column); the latest row per subject and
  party wins (by ``recorded_at``/``timestamp``/... when present).

Checks:

* ``sharing.unregistered_third_party``: a dataset's ``shared_with`` names a party the sharing
  register does not list (one finding per dataset and party).
* ``sharing.no_consent``: a dataset shared with a party whose register entry says consent is
  required holds subjects with no granted consent for that party (one finding per dataset and party;
  ``subjects_affected`` counts them).
* ``sharing.cross_border``: a dataset stored (``location.country``) outside the countries the data
  map's ``policy_storage_countries`` allows; the evidence lists the countries.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ..errors import PrivacyAuditError
from . import CheckContext, Finding, find_column
from ._common import (
    active_rows,
    blank,
    dataset_subjects,
    latest_rows,
    masked_sample,
    subject_column,
    subjects_affected,
    truthy,
)

__all__ = ["CHECKS", "third_party_table"]

_PARTY = ("third_party", "recipient", "vendor", "party", "processor", "name")
_ALL = {"all", "*", "any", "everyone"}


def third_party_table(sharing: pd.DataFrame | None) -> dict[str, dict]:
    """Sharing register rows keyed by third-party name (lower-cased column names)."""
    if sharing is None:
        return {}
    col = find_column(sharing, *_PARTY)
    if col is None:
        return {}
    return {
        str(rec[col]).strip(): {str(k).lower(): v for k, v in rec.items()}
        for rec in sharing.to_dict("records")
        if not blank(rec[col])
    }


def unregistered_third_party(ctx: CheckContext) -> Iterator[Finding]:
    cid = "sharing.unregistered_third_party"
    sharing = ctx.register("sharing")
    parties = third_party_table(sharing)
    if sharing is not None and find_column(sharing, *_PARTY) is None:
        ctx.problem(cid, "sharing register needs a `third_party` column")
        return
    for ds in ctx.datamap.datasets:
        for party in ds.shared_with:
            if party in parties:
                continue
            yield ctx.finding(
                cid,
                dataset=ds.name,
                subjects_affected=subjects_affected(ctx, ds, cid),
                message=f"{ds.name} is shared with {party}, which is not in the sharing register",
                evidence=f"shared_with: [{', '.join(ds.shared_with)}]; registered third parties: "
                f"[{', '.join(sorted(parties)) or 'none'}]",
            )


def _granted(consents: pd.DataFrame, party: str, subject_key: str | None, as_of) -> set[str] | None:
    """Subjects whose latest consent row for ``party`` (or for all parties) is granted."""
    scol = subject_column(consents, subject_key)
    pcol = find_column(consents, "third_party", "recipient", "vendor", "party", "scope", "purpose")
    if scol is None:
        return None
    df = consents
    if pcol is not None:
        scope = df[pcol].map(lambda v: "" if blank(v) else str(v).strip()).astype(str)
        df = df[scope.isin({party}) | scope.str.lower().isin(_ALL) | (scope == "")]
    keys = [scol] + ([pcol] if pcol is not None else [])
    df = latest_rows(df, keys)
    flag = find_column(df, "granted", "consent", "consented", "given", "status", "state")
    ok = df[flag].map(truthy).astype(bool) if flag is not None else pd.Series(True, index=df.index)
    ok &= df.index.isin(active_rows(df, as_of).index)  # withdrawn_at/revoked_at in the past
    return {str(v) for v in df.loc[ok, scol] if not blank(v)}


def no_consent(ctx: CheckContext) -> Iterator[Finding]:
    cid = "sharing.no_consent"
    parties = third_party_table(ctx.register("sharing"))
    consents = ctx.register("consents")
    for ds in ctx.datamap.datasets:
        for party in ds.shared_with:
            info = parties.get(party)
            if info is None or not truthy(info.get("consent_required", info.get("requires_consent"))):
                continue
            try:
                subjects = dataset_subjects(ctx, ds)
            except PrivacyAuditError as exc:
                ctx.problem(cid, f"dataset {ds.name}: {exc}")
                continue
            if subjects is None:
                ctx.problem(cid, f"dataset {ds.name} is shared with {party} but declares no subject_key")
                continue
            granted = set() if consents is None else _granted(consents, party, ds.subject_key, ctx.as_of)
            if granted is None:
                ctx.problem(cid, "consents register needs a subject column (e.g. `subject`)")
                return
            missing = subjects - granted
            if not missing:
                continue
            yield ctx.finding(
                cid,
                dataset=ds.name,
                column=None,
                subjects_affected=len(missing),
                message=f"{ds.name} is shared with {party} (consent required) for {len(missing)} of "
                f"{len(subjects)} subjects without a granted consent",
                evidence=f"subjects without consent for {party}: {masked_sample(missing)}"
                + ("" if consents is not None else "; no consents register declared"),
            )


def cross_border(ctx: CheckContext) -> Iterator[Finding]:
    cid = "sharing.cross_border"
    allowed = ctx.datamap.policy_storage_countries
    if not allowed:
        return
    for ds in ctx.datamap.datasets:
        country = ds.country
        if country is None or country.upper() in allowed:
            continue
        provider = ds.location.get("provider")
        yield ctx.finding(
            cid,
            dataset=ds.name,
            subjects_affected=subjects_affected(ctx, ds, cid),
            message=f"{ds.name} is stored in {country}, outside the countries the policy names",
            evidence=f"stored in: {country}"
            + (f" (provider {provider})" if provider else "")
            + f"; policy storage countries: {', '.join(allowed)}",
        )


CHECKS = {
    "sharing.no_consent": no_consent,
    "sharing.unregistered_third_party": unregistered_third_party,
    "sharing.cross_border": cross_border,
}
