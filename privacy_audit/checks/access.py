"""Clause 3.2.5, need-to-know: who can read identified data, and whether a purpose needs it.

``access.need_to_know`` reads the ``access_grants`` register (columns ``role`` and ``dataset``;
optional ``grantee``/``user``/``employee`` naming who holds the grant). A grant on an
identified-zone dataset is a finding when

* the role's declared purposes (``roles:`` in the data map) share nothing with the dataset's
  purposes (an undeclared role has no purposes), or
* the role is not in the dataset's declared ``access`` list.

Grants that are lifted (``status: revoked``/..., or a past ``revoked_at``/``until``) do not count.
Without an ``access_grants`` register the data map's own ``access`` lists are checked for the
first rule. One finding per (dataset, role); ``subjects_affected`` is the number of subjects in
the dataset the role can read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from . import CheckContext, Finding, find_column
from ._common import active_rows, blank, masked_sample, subjects_affected

__all__ = ["CHECKS"]


def need_to_know(ctx: CheckContext) -> Iterator[Finding]:
    cid = "access.need_to_know"
    dm = ctx.datamap
    names = {ds.name: ds for ds in dm.datasets}
    grants = ctx.register("access_grants")
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)  # (dataset, role) -> grantees
    if grants is not None:
        rcol = find_column(grants, "role")
        dcol = find_column(grants, "dataset", "dataset_name", "resource", "table")
        gcol = find_column(grants, "grantee", "user", "employee", "principal", "member", "person")
        if rcol is None or dcol is None:
            ctx.problem(cid, "access_grants register needs `role` and `dataset` columns")
            return
        for rec in active_rows(grants, ctx.as_of).to_dict("records"):
            if blank(rec[rcol]) or blank(rec[dcol]):
                continue
            dname, role = str(rec[dcol]).strip(), str(rec[rcol]).strip()
            if dname not in names:
                ctx.problem(
                    cid, f"access_grants names dataset {dname!r}, which the data map does not declare"
                )
                continue
            pairs[(dname, role)].append("" if gcol is None or blank(rec[gcol]) else str(rec[gcol]))
    else:
        for ds in dm.datasets:
            for role in ds.access:
                pairs[(ds.name, role)] = []

    for (dname, role), grantees in sorted(pairs.items()):
        ds = names[dname]
        if ds.zone != "identified":
            continue
        declared_role = dm.roles.get(role)
        role_purposes = set(declared_role.purposes) if declared_role else set()
        shared = role_purposes & set(ds.purposes)
        reasons = []
        if not shared:
            reasons.append(
                f"role {role!r} "
                + ("is not declared under roles:" if declared_role is None else "has no purpose")
                + " in common with the dataset's purposes"
            )
        if grants is not None and role not in ds.access:
            reasons.append(f"role {role!r} is not in the dataset's declared access")
        if not reasons:
            continue
        holders = [g for g in grantees if g]
        evidence = (
            f"role purposes: [{', '.join(sorted(role_purposes))}]; dataset purposes: [{', '.join(ds.purposes)}]; "
            f"declared access: [{', '.join(ds.access)}]"
        )
        if grants is not None:
            evidence = (
                f"{len(grantees)} grant(s) in access_grants"
                + (f" (grantees {masked_sample(holders)})" if holders else "")
                + "; "
                + evidence
            )
        yield ctx.finding(
            cid,
            dataset=dname,
            subjects_affected=subjects_affected(ctx, ds, cid),
            message=f"{role} can read identified dataset {dname} without a need to know: "
            + "; ".join(reasons),
            evidence=evidence,
        )


CHECKS = {"access.need_to_know": need_to_know}
