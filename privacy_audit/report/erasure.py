"""The erasure report: JSON and one self-contained HTML page, from an erasure plan or result.

:func:`build_erasure_report` turns an :class:`~privacy_audit.erasure.ErasurePlan` (dry run) or
:class:`~privacy_audit.erasure.ErasureResult` (applied, with its verification) into plain data:
the request (identifier kinds and the opaque subject reference, never values), the data map's
SHA-256, per dataset the counts before, deleted / masked / redacted / shredded, kept with reasons,
after, and the verification result. :func:`render_erasure_html` and :func:`render_erasure_json`
render it; :func:`write_erasure_report` writes ``PATH.json`` and ``PATH.html`` atomically.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..erasure import ErasurePlan, ErasureResult
from ..requests import recipients_of
from ..sources import atomic_write_bytes
from .templating import template

__all__ = [
    "ACTION_WORDS",
    "build_erasure_report",
    "render_erasure_html",
    "render_erasure_json",
    "write_erasure_report",
]


def build_erasure_report(plan_or_result: Any, datamap: Any = None) -> dict[str, Any]:
    """Plain data for the report (masked; counts only) from an ErasurePlan or ErasureResult.

    With ``datamap`` the report names the organisation and its contacts, and lists the recipients the
    data map says received the subject's data (``shared_with`` of every dataset that held them): they
    must be told of the erasure (GDPR Art. 19).
    """

    if isinstance(plan_or_result, ErasureResult):
        plan, result = plan_or_result.plan, plan_or_result
    elif isinstance(plan_or_result, ErasurePlan):
        plan, result = plan_or_result, None
    else:
        raise TypeError("build_erasure_report takes an ErasurePlan or an ErasureResult")
    outcomes = {o.name: o for o in result.outcomes} if result else {}
    checks = {d.name: d for d in result.verification.datasets} if result and result.verification else {}
    rows = []
    for d in plan.datasets:
        o, c = outcomes.get(d.name), checks.get(d.name)
        rows.append({
            "dataset": d.name, "kind": d.kind, "format": d.format, "zone": d.zone, "path": d.path,
            "action": d.action, "matched_by": list(d.matched_by),
            "rows_before": d.rows_total, "subject_rows_before": d.subject_rows,
            "deleted": d.count("delete_row"), "masked": d.count("mask_columns"),
            "redacted": d.count("redact_spans"), "shredded": d.count("crypto_shred"),
            "kept": d.count("keep"), "kept_reasons": [{"reason": k, "rows": v} for k, v in d.kept_reasons.items()],
            "shared_rows": d.shared_rows,
            "rows_after": o.rows_after if o else None,
            "subject_rows_after": c.matches if c else None,
            "residual": c.residual if c else None,
            "linked": list(d.linked),
            "note": d.note,
        })  # fmt: skip
    ver = result.verification.to_dict() if result and result.verification else None
    totals = plan.totals()
    held = [d.name for d in plan.datasets if d.subject_rows and d.kind != "register"]
    organization = str(getattr(datamap, "organization", "") or "")
    contacts = {k: dict(v) for k, v in (getattr(datamap, "contacts", None) or {}).items()}
    recipients = list(recipients_of(datamap, held)) if datamap is not None and held else []
    return {
        "report": "erasure",
        "organization": organization,
        "contacts": contacts,
        "recipients": recipients,
        "mode": "applied" if result else "plan",
        "request": {"subject_ref": plan.subject_ref, "kinds": list(plan.kinds_used), "found": plan.found},
        "datamap": {"path": Path(plan.datamap_path).name, "sha256": plan.datamap_sha256},
        "as_of": plan.as_of.isoformat(),
        "planned_at": plan.created_at,
        "applied_at": result.applied_at if result else None,
        "files_written": list(result.files_written) if result else [],
        "audit_seq": result.audit_seq if result else None,
        "totals": {
            "subject_rows": totals["subject_rows"],
            "deleted": totals["delete_row"],
            "masked": totals["mask_columns"],
            "redacted": totals["redact_spans"],
            "shredded": totals["crypto_shred"],
            "kept": totals["keep"],
        },  # fmt: skip
        "shared_identifier_kinds": list(plan.shared_kinds),
        "datasets": rows,
        "verification": ver,
    }


#: what each action did, in the words the person reads
ACTION_WORDS = {
    "delete_row": "deleted",
    "mask_columns": "your details blanked out of the record",
    "crypto_shred": "the key that decrypted your record was destroyed, so it can no longer be read",
    "redact_spans": "your details removed from someone else's record that mentioned you",
    "remove_file": "the whole file removed",
    "keep": "kept (see why below)",
    "none": "nothing of yours there",
}


def render_erasure_html(report: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (inline CSS, no scripts, no external links)."""
    r = {"organization": "", "contacts": {}, "recipients": [], **report}
    parties = {p: {f: str((r["contacts"].get(p) or {}).get(f, "") or "") for f in ("name", "email", "url")}
               for p in ("controller", "dpo", "supervisory_authority")}  # fmt: skip
    return template("erasure_report.html.j2").render(r=r, c=parties, words=ACTION_WORDS)


def render_erasure_json(report: dict[str, Any]) -> str:
    """The report as pretty-printed JSON (sorted keys, UTF-8)."""
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_erasure_report(report: dict[str, Any], path: str | Path) -> tuple[Path, Path]:
    """Write ``PATH.json`` and ``PATH.html`` (a ``.json``/``.html`` suffix on PATH is dropped)."""
    base = Path(path)
    if base.suffix.lower() in (".json", ".html", ".htm"):
        base = base.with_suffix("")
    jpath, hpath = base.with_name(base.name + ".json"), base.with_name(base.name + ".html")
    atomic_write_bytes(jpath, render_erasure_json(report).encode("utf-8"))
    atomic_write_bytes(hpath, render_erasure_html(report).encode("utf-8"))
    return jpath, hpath
