"""The compliance report model: what was examined, which policy clauses hold, the evidence, the fixes.

:func:`build_report` is pure: it takes the data map, the parsed policy, the check result, per-dataset
facts (rows, subjects, PII columns) and the audit-log entries, and returns a frozen
:class:`ComplianceReport`. :func:`compliance_report` gathers those inputs for a data map (reading the
estate through ``sources``, scanning with ``scan``, running the checks) and calls it.

Clause status, per clause of the policy:

* ``fails`` -- a finding is tied to the clause;
* ``holds`` -- every control that tests the clause ran and found nothing;
* ``not_testable`` -- no control could test it here (with why: a disclaimer, no control installed, a
  control that could not run);
* ``needs_manual_evidence`` -- the promise is about a practice (``checks/testability.yaml``), and no
  evidence is recorded yet. Recorded manual evidence (``manual_evidence:`` in the data map, or
  ``manual_evidence.yaml`` beside it) sets the status to what the evidence says.

A clause with numbered sub-clauses is a section: its status rolls its sub-clauses up (worst first).
Everything the model holds is masked: findings' messages and evidence, and manual evidence text,
pass through :func:`scrub`, which masks any e-mail, phone, IP, card or similar value left in them.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import platform
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

from . import __version__, auditlog, sources
from .checks import SEVERITIES, load_controls, registry, run_checks
from .checks.risk import assess_estate
from .datamap import load_datamap
from .detect import get_analyzer, model_name
from .detect.text import TextCache
from .entities import pattern_entities
from .errors import AuditLogError, ConfigError, PrivacyAuditError
from .masking import mask, mask_text_spans
from .policy import Policy, load_policy
from .requests import QueueSummary, load_ledger
from .scan import SCAN_SAMPLE
from .scan import scan as scan_frame
from .signoff import finding_key, load_register, load_signoff
from .vault import audit_key_for_datamap, key_for_datamap

__all__ = [
    "STATUSES",
    "SEVERITIES",
    "TESTABILITY_FILE",
    "REMEDIES_FILE",
    "DatasetFacts",
    "ClauseRow",
    "ReportFinding",
    "ActionActivity",
    "RequestActivity",
    "ComplianceReport",
    "load_testability",
    "load_remedies",
    "load_manual_evidence",
    "summarize_audit_log",
    "scrub",
    "build_report",
    "compliance_report",
]

log = logging.getLogger(__name__)

STATUSES = ("fails", "needs_manual_evidence", "holds", "not_testable")
_SEV_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}
_CHECKS_DIR = Path(__file__).resolve().parent / "checks"
TESTABILITY_FILE = _CHECKS_DIR / "testability.yaml"
REMEDIES_FILE = _CHECKS_DIR / "remedies.yaml"
MANUAL_EVIDENCE_FILE = "manual_evidence.yaml"
_EMAIL_SHAPE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_SCRUB_ENTITIES = sorted(pattern_entities())


# --------------------------------------------------------------------------------------------
# models


@dataclass(frozen=True)
class DatasetFacts:
    """What the report says about one dataset: size, subjects, PII columns, where it is, who gets it."""

    name: str
    zone: str
    rows: int | None
    subjects: int | None
    pii_columns: tuple[tuple[str, str], ...]  # (column, entity) found by the scan, else declared
    pii_source: str  # "scan" | "declared"
    country: str | None
    provider: str | None
    encrypted: bool
    shared_with: tuple[str, ...]
    access: tuple[str, ...]
    purposes: tuple[str, ...]
    error: str | None = None  # why the dataset could not be read or scanned

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["pii_columns"] = [{"column": c, "entity": e} for c, e in self.pii_columns]
        for k in ("shared_with", "access", "purposes"):
            d[k] = list(d[k])
        return d


@dataclass(frozen=True)
class ReportFinding:
    """A finding as the report shows it: numbered (``F01``), masked, with its control title and remedy."""

    id: str
    check: str
    title: str
    clause: str
    clause_known: bool
    severity: str
    dataset: str | None
    column: str | None
    subjects_affected: int | None
    message: str
    evidence: str
    remedy: str
    #: from the findings register (findings.yaml): stable key, owner, due date, status, note
    key: str = ""
    owner: str = ""
    due: str = ""
    status: str = "open"
    note: str = ""

    @property
    def anchor(self) -> str:
        return f"finding-{self.id}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["anchor"] = self.anchor
        return d


@dataclass(frozen=True)
class ClauseRow:
    """One clause of the policy in the clause-by-clause table."""

    id: str
    title: str
    text: str
    parent: str | None
    depth: int
    is_section: bool
    status: str  # one of STATUSES
    basis: str  # controls | manual | testability | rollup
    why: str
    controls: tuple[str, ...]
    findings: tuple[str, ...]  # ReportFinding ids
    evidence_needed: str | None = None
    manual_evidence: Mapping[str, Any] | None = None

    @property
    def anchor(self) -> str:
        return f"clause-{self.id}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["controls"] = list(self.controls)
        d["findings"] = list(self.findings)
        d["manual_evidence"] = dict(self.manual_evidence) if self.manual_evidence else None
        d["anchor"] = self.anchor
        return d


@dataclass(frozen=True)
class ActionActivity:
    """Audit-log entries of one action (erasure, export, ...): count, first and last date, outcomes."""

    action: str
    count: int
    first: str | None
    last: str | None
    outcomes: Mapping[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "outcomes": dict(self.outcomes)}


@dataclass(frozen=True)
class RequestActivity:
    """Subject-request activity from the audit log, and whether its hash chain verifies."""

    path: str
    present: bool
    verified: bool | None
    verification: str
    entries: int
    actions: tuple[ActionActivity, ...]
    recent: tuple[Mapping[str, Any], ...]  # newest first: seq, ts, action, outcome, subject_ref

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "present": self.present,
            "verified": self.verified,
            "verification": self.verification,
            "entries": self.entries,
            "actions": [a.to_dict() for a in self.actions],
            "recent": [dict(r) for r in self.recent],
        }


@dataclass(frozen=True)
class ComplianceReport:
    """Everything the compliance report shows; renderers (HTML, JSON, PDF) only format it."""

    organization: str
    policy_title: str
    generated_at: str
    as_of: str
    summary: Mapping[str, Any]
    datasets: tuple[DatasetFacts, ...]
    clauses: tuple[ClauseRow, ...]
    findings: tuple[ReportFinding, ...]
    check_errors: tuple[tuple[str, str], ...]
    activity: RequestActivity
    reproducibility: Mapping[str, Any]
    manual_evidence_help: str = ""
    requests: QueueSummary | None = None  # the requests desk at the audit date (None: no ledger read)
    # re-identification risk of the separated datasets with quasi-identifiers (DatasetRisk.section())
    risk: tuple[Mapping[str, Any], ...] = ()
    #: who prepared and reviewed the report, and when (findings.yaml ``signoff:``; empty lines to sign)
    signoff: Mapping[str, str] = field(default_factory=dict)

    def findings_frame(self):
        """One row per finding, for a spreadsheet: id, severity, clause, control, where, message, evidence
        (masked), remedy, and the register's owner, due date, status and note."""
        import pandas as pd

        cols = ["id", "severity", "clause", "control", "title", "dataset", "column", "subjects_affected", "message",
                "evidence", "remedy", "owner", "due", "status", "note", "key"]  # fmt: skip
        rows = [{"id": f.id, "severity": f.severity, "clause": f.clause, "control": f.check, "title": f.title,
                 "dataset": f.dataset or "", "column": f.column or "", "subjects_affected": f.subjects_affected,
                 "message": f.message, "evidence": f.evidence, "remedy": f.remedy, "owner": f.owner, "due": f.due,
                 "status": f.status, "note": f.note, "key": f.key} for f in self.findings]  # fmt: skip
        return pd.DataFrame(rows, columns=cols)

    def clause(self, clause_id: str) -> ClauseRow | None:
        return next((c for c in self.clauses if c.id == clause_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": f"Compliance report: {self.organization}",
            "organization": self.organization,
            "policy_title": self.policy_title,
            "generated_at": self.generated_at,
            "as_of": self.as_of,
            "summary": _plain(self.summary),
            "clauses": [c.to_dict() for c in self.clauses],
            "findings": [f.to_dict() for f in self.findings],
            "check_errors": [{"check": c, "message": m} for c, m in self.check_errors],
            "datasets": [d.to_dict() for d in self.datasets],
            "subject_requests": self.activity.to_dict(),
            "request_desk": self.requests.to_dict() if self.requests is not None else None,
            "reproducibility": _plain(self.reproducibility),
            "manual_evidence_help": self.manual_evidence_help,
            "risk": _plain(list(self.risk)),
            "signoff": dict(self.signoff),
        }

    def to_frame(self):
        """The clause-by-clause table as a DataFrame (one row per clause, fixed columns)."""
        import pandas as pd

        cols = ["id", "title", "status", "basis", "controls", "findings", "why"]
        rows = [
            {
                "id": c.id,
                "title": c.title,
                "status": c.status,
                "basis": c.basis,
                "controls": ", ".join(c.controls),
                "findings": ", ".join(c.findings),
                "why": c.why,
            }
            for c in self.clauses
        ]
        return pd.DataFrame(rows, columns=cols)


def _plain(obj: Any) -> Any:
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return obj


# --------------------------------------------------------------------------------------------
# data files: testability, remedies, manual evidence


def _read_yaml(path: Path, what: str) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {what} file ({type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark else path.name
        raise ConfigError(f"{where}: YAML syntax error in {what} file") from None


def load_testability(path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """Clause id -> {testable: data|manual|none, why, evidence} from ``testability.yaml``."""
    path = Path(path) if path else TESTABILITY_FILE
    doc = _read_yaml(path, "testability") or {}
    clauses = doc.get("clauses") if isinstance(doc, dict) else None
    if not isinstance(clauses, dict):
        raise ConfigError(f"{path.name}: expected a mapping `clauses:` of clause id -> {{testable, why}}")
    out = {}
    for cid, spec in clauses.items():
        if not isinstance(spec, dict) or spec.get("testable") not in {"data", "manual", "none"}:
            raise ConfigError(f"{path.name}: clauses.{cid}: expected `testable: data|manual|none`")
        out[str(cid)] = {
            "testable": spec["testable"],
            "why": " ".join(str(spec.get("why", "")).split()),
            "evidence": " ".join(str(spec.get("evidence", "")).split()),
        }
    return out


def load_remedies(path: str | Path | None = None) -> dict[str, str]:
    """Check id (or area prefix, or ``default``) -> remedy text, from ``remedies.yaml``."""
    path = Path(path) if path else REMEDIES_FILE
    doc = _read_yaml(path, "remedies") or {}
    remedies = doc.get("remedies") if isinstance(doc, dict) else None
    if not isinstance(remedies, dict):
        raise ConfigError(f"{path.name}: expected a mapping `remedies:` of check id -> text")
    return {str(k): " ".join(str(v).split()) for k, v in remedies.items()}


def _remedy_for(check: str, remedies: Mapping[str, str], zone: str | None = None) -> str:
    """The remedy of ``check`` for a dataset of ``zone``: CHECK@ZONE, CHECK, AREA@ZONE, AREA, default."""
    area = check.split(".", 1)[0]
    keys = (
        ([f"{check}@{zone}"] if zone else [])
        + [check]
        + ([f"{area}@{zone}"] if zone else [])
        + [area, "default"]
    )
    return next((remedies[k] for k in keys if remedies.get(k)), "")


def _tracked(finding: Any, register: Mapping[str, Any], analyzer: Any) -> dict[str, str]:
    """The register's owner / due / status / note of ``finding`` (scrubbed), with its stable key."""
    key = finding_key(finding.check, finding.dataset, finding.column)
    track = register.get(key)
    if track is None:
        return {"key": key}
    return {"key": key, "owner": scrub(track.owner, analyzer=analyzer), "due": track.due, "status": track.status,
            "note": scrub(track.note, analyzer=analyzer)}  # fmt: skip


def load_manual_evidence(datamap: Any) -> dict[str, dict[str, Any]]:
    """Recorded manual evidence: the data map's ``manual_evidence:`` section, else
    ``manual_evidence.yaml`` beside the data map (``{} `` when neither exists).

    Each entry: ``"6": {status: holds|fails, evidence: "...", recorded_by: "...", date: YYYY-MM-DD}``.
    """
    extra = getattr(datamap, "extra", None) or {}
    where = f"{Path(datamap.path).name}: manual_evidence"
    doc = extra.get("manual_evidence")
    if doc is None:
        file = Path(datamap.root) / MANUAL_EVIDENCE_FILE
        if not file.exists():
            return {}
        raw = _read_yaml(file, "manual evidence") or {}
        doc = raw.get("manual_evidence", raw) if isinstance(raw, dict) else raw
        where = file.name
    if not isinstance(doc, Mapping):
        raise ConfigError(f"{where}: expected a mapping of clause id -> {{status, evidence}}")
    out: dict[str, dict[str, Any]] = {}
    for cid, spec in doc.items():
        if not isinstance(spec, Mapping):
            raise ConfigError(f"{where}.{cid}: expected a mapping with `status:` and `evidence:`")
        status = spec.get("status")
        if status not in {"holds", "fails"}:
            raise ConfigError(f"{where}.{cid}.status: expected holds or fails")
        evidence = " ".join(str(spec.get("evidence") or "").split())
        if not evidence:
            raise ConfigError(f"{where}.{cid}.evidence: describe the evidence (what, where it is kept)")
        date = spec.get("date")
        out[str(cid)] = {
            "status": status,
            "evidence": evidence,
            "recorded_by": str(spec["recorded_by"]) if spec.get("recorded_by") else None,
            "date": date.isoformat() if hasattr(date, "isoformat") else (str(date) if date else None),
        }
    return out


# --------------------------------------------------------------------------------------------
# masking


def scrub(text: str | None, *, analyzer: Any = None) -> str:
    """``text`` with any e-mail, phone, IP, card, SSN or IBAN value in it masked.

    Checks already mask what they report; this is the report's own guard, so a raw value that slipped
    through never reaches the HTML or JSON. ``analyzer`` is a Presidio AnalyzerEngine (default: the
    package's offline one).
    """
    if not text:
        return text or ""
    if analyzer is None:
        analyzer = get_analyzer()
    spans = analyzer.analyze(text=text, language="en", entities=_SCRUB_ENTITIES, score_threshold=0.3)
    # a phone-like match inside an ISO date or a plain count is not a phone number
    keep = []
    for r in spans:
        value = text[r.start : r.end]
        if r.entity_type == "PHONE_NUMBER" and (
            sum(ch.isdigit() for ch in value) < 7 or _looks_like_date(value)
        ):
            continue
        if "*" in value:  # already masked
            continue
        keep.append((r.start, r.end, r.entity_type))
    # Presidio drops e-mails whose domain has no known public suffix (".example", ".internal"):
    # anything shaped like an address is masked all the same.
    for m in _EMAIL_SHAPE.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in keep):
            keep.append((m.start(), m.end(), "EMAIL_ADDRESS"))
    return mask_text_spans(text, keep) if keep else text


def _looks_like_date(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?", value.strip()))


# --------------------------------------------------------------------------------------------
# audit log


def summarize_audit_log(
    entries: Sequence[Mapping[str, Any]] | None,
    verification: Any = None,
    *,
    path: str = "",
    error: str | None = None,
    recent: int = 10,
) -> RequestActivity:
    """Counts by action, first/last dates and outcomes, the newest ``recent`` entries, and the
    verification status (an ``auditlog.VerifyResult`` or None)."""
    if entries is None:
        return RequestActivity(
            path, False, None, error or "no audit log: no subject request has been served yet", 0, (), ()
        )
    by_action: dict[str, list[Mapping[str, Any]]] = {}
    for e in entries:
        by_action.setdefault(str(e.get("action", "?")), []).append(e)
    actions = []
    for action in sorted(by_action):
        items = by_action[action]
        dates = sorted(str(e.get("ts", ""))[:10] for e in items if e.get("ts"))
        actions.append(
            ActionActivity(
                action=action,
                count=len(items),
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
                outcomes=dict(sorted(Counter(str(e.get("outcome", "?")) for e in items).items())),
            )
        )
    newest = [
        {
            "seq": e.get("seq"),
            "ts": str(e.get("ts", "")),
            "action": str(e.get("action", "")),
            "outcome": str(e.get("outcome", "")),
            # subject_ref is an opaque keyed reference by contract; mask it anyway if it is not
            "subject_ref": _ref(e.get("subject_ref")),
        }
        for e in list(entries)[::-1][:recent]
    ]
    if verification is None:
        verified, text = None, error or "not verified"
    else:
        verified, text = bool(getattr(verification, "ok", False)), str(getattr(verification, "reason", ""))
    return RequestActivity(path, True, verified, text, len(entries), tuple(actions), tuple(newest))


def _ref(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    if "@" in text or any(ch.isspace() for ch in text.strip()):
        return mask(text)
    return text if len(text) <= 20 else text[:16] + "…"


# --------------------------------------------------------------------------------------------
# building the report


def _controls_by_clause(
    controls: Mapping[str, Mapping[str, Any]], installed: Mapping[str, str]
) -> dict[str, list[str]]:
    """clause -> the control ids testing it.

    ``installed`` maps every installed check id to its clause. Ids (or area prefixes) listed in the
    controls mapping with no installed check are kept as ``"<id> (not installed)"``.
    """
    out: dict[str, list[str]] = {}
    for cid, clause in installed.items():
        out.setdefault(clause, []).append(cid)
    for cid, spec in controls.items():
        covered = any(i == cid or i.startswith(cid + ".") for i in installed)
        if not covered:
            out.setdefault(str(spec.get("clause")), []).append(f"{cid} (not installed)")
    return {k: sorted(v) for k, v in out.items()}


def build_report(
    *,
    datamap: Any,
    policy: Policy,
    findings: Iterable[Any],
    check_errors: Iterable[tuple[str, str]] = (),
    checks_run: Iterable[str] = (),
    controls: Mapping[str, Mapping[str, Any]],
    installed: Mapping[str, str],
    datasets: Sequence[DatasetFacts],
    subjects: int | None,
    activity: RequestActivity,
    testability: Mapping[str, Mapping[str, str]],
    remedies: Mapping[str, str],
    manual_evidence: Mapping[str, Mapping[str, Any]],
    reproducibility: Mapping[str, Any],
    as_of: _dt.date,
    generated_at: _dt.datetime,
    analyzer: Any = None,
    requests: QueueSummary | None = None,
    register: Mapping[str, Any] | None = None,
    signoff: Any = None,
) -> ComplianceReport:
    """Assemble the report from already-computed parts (pure: no file or database access).

    ``findings`` are ``checks.Finding``-like objects; ``installed`` maps each installed check id to
    the clause it tests; ``controls`` is the controls mapping (``checks.load_controls``).
    """
    unknown = sorted(set(manual_evidence) - set(policy.ids))
    if unknown:
        raise ConfigError(f"manual evidence names clauses the policy does not have: {', '.join(unknown)}")
    check_errors = tuple((str(c), scrub(str(m), analyzer=analyzer)) for c, m in check_errors)
    errors_by_check = dict(check_errors)
    ran = set(checks_run)

    def title_of(check: str) -> str:
        spec = controls.get(check) or controls.get(check.split(".", 1)[0]) or {}
        return str(spec.get("title") or check)

    # findings: worst first, numbered, masked, with remedies
    raw = sorted(
        findings,
        key=lambda f: (
            _SEV_RANK.get(f.severity, 9),
            -(f.subjects_affected or 0),
            _clause_key(f.clause),
            f.check,
            f.dataset or "",
            f.column or "",
        ),
    )
    width = max(2, len(str(len(raw))))
    zones = {d.name: d.zone for d in datasets}
    report_findings = tuple(
        ReportFinding(
            id=f"F{i:0{width}d}",
            check=f.check,
            title=title_of(f.check),
            clause=str(f.clause),
            clause_known=str(f.clause) in policy,
            severity=f.severity,
            dataset=f.dataset,
            column=f.column,
            subjects_affected=f.subjects_affected,
            message=scrub(f.message, analyzer=analyzer),
            evidence=scrub(f.evidence, analyzer=analyzer),
            remedy=_remedy_for(f.check, remedies, zones.get(f.dataset or "")),
            **_tracked(f, register or {}, analyzer),
        )
        for i, f in enumerate(raw, start=1)
    )
    findings_by_clause: dict[str, list[str]] = {}
    for rf in report_findings:
        findings_by_clause.setdefault(rf.clause, []).append(rf.id)

    by_clause = _controls_by_clause(controls, installed)
    manual_evidence = {
        k: {
            **v,
            "evidence": scrub(v["evidence"], analyzer=analyzer),
            "recorded_by": mask(v["recorded_by"], "PERSON") if v.get("recorded_by") else None,
        }
        for k, v in manual_evidence.items()
    }

    rows: dict[str, ClauseRow] = {}
    # children before parents, so a section can roll its sub-clauses up
    for clause in sorted(policy.clauses, key=lambda c: -c.depth):
        ctrl = tuple(by_clause.get(clause.id, ()))
        fids = tuple(findings_by_clause.get(clause.id, ()))
        test = testability.get(clause.id, {})
        me = manual_evidence.get(clause.id)
        status, basis, why, needed = _leaf_status(clause.id, ctrl, fids, test, me, ran, errors_by_check)
        if clause.children:
            kids = [rows[k] for k in clause.children]
            worst = min((k.status for k in kids), key=_STATUS_RANK.__getitem__)
            if fids:
                worst = "fails"
            counts = Counter(k.status for k in kids)
            parts = [
                f"{n} {s.replace('_', ' ')}"
                for s, n in sorted(counts.items(), key=lambda x: _STATUS_RANK[x[0]])
            ]
            status, basis = worst, "rollup"
            why = f"Section: {', '.join(parts)} among its {len(kids)} sub-clauses" + (
                f"; findings tied to the section itself: {len(fids)}" if fids else ""
            )
            needed = None
        rows[clause.id] = ClauseRow(
            id=clause.id,
            title=clause.title,
            text=clause.text,
            parent=clause.parent,
            depth=clause.depth,
            is_section=bool(clause.children),
            status=status,
            basis=basis,
            why=why,
            controls=ctrl,
            findings=fids,
            evidence_needed=needed,
            manual_evidence=me,
        )
    clauses = tuple(rows[c.id] for c in policy.clauses)

    # summary
    pii_by_category: Counter[str] = Counter()
    for d in datasets:
        for _, entity in d.pii_columns:
            pii_by_category[entity] += 1
    sev = Counter(f.severity for f in report_findings)
    leaf_status = Counter(c.status for c in clauses if not c.is_section)
    summary = {
        "datasets": len(datasets),
        "datasets_unreadable": sum(1 for d in datasets if d.error),
        "rows": sum(d.rows or 0 for d in datasets),
        "subjects": subjects,
        "pii_columns": sum(len(d.pii_columns) for d in datasets),
        "pii_by_category": dict(sorted(pii_by_category.items(), key=lambda kv: (-kv[1], kv[0]))),
        "pii_by_zone": dict(sorted(Counter(d.zone for d in datasets for _ in d.pii_columns).items())),
        "findings": len(report_findings),
        "findings_by_severity": {s: sev.get(s, 0) for s in SEVERITIES},
        "findings_by_clause": {
            c: {s: sum(1 for f in report_findings if f.clause == c and f.severity == s) for s in SEVERITIES}
            for c in sorted({f.clause for f in report_findings}, key=_clause_key)
        },
        "subjects_affected_max": max((f.subjects_affected or 0 for f in report_findings), default=0),
        "clauses": len(clauses),
        "clauses_by_status": {s: leaf_status.get(s, 0) for s in STATUSES},
        "check_errors": len(check_errors),
        "policy_storage_countries": list(getattr(datamap, "policy_storage_countries", ()) or ()),
        "countries": sorted({d.country for d in datasets if d.country}),
        "third_parties": sorted({p for d in datasets for p in d.shared_with}),
    }
    help_text = (
        f"Record evidence for a clause under `manual_evidence:` in {Path(datamap.path).name}, or in "
        f'{MANUAL_EVIDENCE_FILE} beside it, e.g. `"6": {{status: holds, evidence: "policy-change e-mail of '
        f'2018-05-16, archived in the legal drive", recorded_by: "A. Auditor", date: 2018-06-01}}`; '
        f"status is holds or fails. The next report shows it."
    )
    return ComplianceReport(
        organization=str(getattr(datamap, "organization", "") or ""),
        policy_title=policy.title,
        generated_at=generated_at.isoformat(timespec="seconds"),
        as_of=as_of.isoformat(),
        summary=summary,
        datasets=tuple(datasets),
        clauses=clauses,
        findings=report_findings,
        check_errors=check_errors,
        activity=activity,
        reproducibility=dict(reproducibility),
        manual_evidence_help=help_text,
        requests=requests,
        signoff={
            k: v if k == "date" else scrub(v, analyzer=analyzer)
            for k, v in (signoff.to_dict() if signoff else {}).items()
        },  # fmt: skip
    )


def _clause_key(cid: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 10**6 for p in str(cid).split("."))


def _leaf_status(
    cid: str,
    ctrl: tuple[str, ...],
    fids: tuple[str, ...],
    test: Mapping[str, str],
    me: Mapping[str, Any] | None,
    ran: set[str],
    errors: Mapping[str, str],
) -> tuple[str, str, str, str | None]:
    """(status, basis, why, evidence needed) of one clause, ignoring its sub-clauses."""
    needed = test.get("evidence") or None
    installed = [c for c in ctrl if not c.endswith("(not installed)")]
    if fids:
        return (
            "fails",
            "controls",
            f"{len(fids)} finding(s) from {', '.join(installed) or 'the checks'}",
            needed,
        )
    if installed:
        failed = [c for c in installed if c in errors]
        not_run = [c for c in installed if c not in ran and c not in errors]
        if not failed and not not_run:
            why = f"{len(installed)} control(s) ran and found nothing"
            if me:
                why += f"; manual evidence: {me['status']}"
            return "holds", "controls", why, needed
        if failed:
            why = "; ".join(f"{c} could not run: {errors[c]}" for c in failed)
        else:
            why = f"not run in this report: {', '.join(not_run)}"
        return "not_testable", "controls", why, needed
    if me:
        return me["status"], "manual", f"Manual evidence recorded: {me['evidence']}", needed
    kind = test.get("testable")
    if kind == "manual":
        return "needs_manual_evidence", "testability", test.get("why") or "a practice, not data", needed
    if kind == "none":
        return "not_testable", "testability", test.get("why") or "not a promise about data", None
    if ctrl:  # only declared, not installed
        return "not_testable", "controls", f"control declared but not installed: {', '.join(ctrl)}", needed
    if kind == "data":
        return "not_testable", "testability", "testable from data, but no control for it is installed", needed
    return (
        "not_testable",
        "testability",
        "no control tests this clause and testability.yaml does not describe it",
        None,
    )


# --------------------------------------------------------------------------------------------
# gathering the inputs (I/O through sources, scan, checks, auditlog)


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _read_frame(ds: Any, vault_key: bytes | None = None):
    return sources.read_dataset(ds, vault_key=vault_key)


def _scan_columns(scan_result: Any) -> list[tuple[str, str]]:
    cols = getattr(scan_result, "columns", ()) or ()
    out = []
    for c in cols:
        entity = getattr(c, "entity", None)
        if entity:
            out.append((str(c.column), str(entity)))
    return out


def _vault_key(datamap: Any) -> bytes | None:
    """The data map's vault key (``vault.key_file`` / ``key_env``), None when none is given or usable."""
    if not any(ds.format == "vault" for ds in datamap.datasets):
        return None
    try:
        return key_for_datamap(datamap)
    except PrivacyAuditError:
        return None


def _dataset_facts(
    datamap: Any,
    *,
    sample: int | None,
    seed: int,
    full: bool,
    do_scan: bool,
    vault_key: bytes | None = None,
    frames: dict[str, Any] | None = None,
    scans: dict[str, Any] | None = None,
    text_cache: Any = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[list[DatasetFacts], int | None]:
    """Rows, subjects and PII columns per dataset; ``frames`` / ``scans`` (when given) collect what was
    read and scanned, by dataset name, for reuse; ``text_cache`` is the run's Presidio cache."""
    subject_keys: set[str] = set()
    facts = []
    for i, ds in enumerate(datamap.datasets):
        if progress is not None:
            progress(f"reading and scanning {ds.name}", i, len(datamap.datasets))
        rows = subjects = None
        error = None
        pii: list[tuple[str, str]] = []
        source = "declared"
        try:
            frame = _read_frame(ds, vault_key)
            if frames is not None:
                frames[ds.name] = frame
            rows = int(len(frame))
            key = ds.subject_key
            if key and key in frame.columns:
                values = frame[key].dropna().astype(str)
                subjects = int(values.nunique())
                if (ds.pseudonym or {}).get("kind", "token") != "hmac":
                    subject_keys.update(values.unique())
            if do_scan:
                result = scan_frame(
                    frame,
                    name=ds.name,
                    sample=sample,
                    seed=seed,
                    full=full,
                    progress=False,
                    text_cache=text_cache,
                )
                if scans is not None:
                    scans[ds.name] = result
                pii = _scan_columns(result)
                source = "scan"
        except PrivacyAuditError as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one unreadable dataset must not stop the report
            log.warning("dataset %s could not be read: %s", ds.name, type(exc).__name__)
            error = f"could not be read ({type(exc).__name__})"
        if source == "declared":
            pii = [(c, e) for c, e in ds.pii_columns.items()]
        facts.append(
            DatasetFacts(
                name=ds.name,
                zone=ds.zone,
                rows=rows,
                subjects=subjects,
                pii_columns=tuple(pii),
                pii_source=source,
                country=ds.country,
                provider=str(ds.location.get("provider"))
                if ds.location and ds.location.get("provider")
                else None,
                encrypted=bool(ds.encrypted),
                shared_with=tuple(ds.shared_with),
                access=tuple(ds.access),
                purposes=tuple(ds.purposes),
                error=error,
            )
        )
    return facts, (len(subject_keys) if subject_keys else None)


def _activity(datamap: Any) -> RequestActivity:
    path = Path(datamap.audit_log_path)
    shown = _relative(path, Path(datamap.root))
    if not path.exists():
        return summarize_audit_log(None, path=shown)
    try:
        entries = auditlog.read(path)
    except AuditLogError as exc:
        return RequestActivity(shown, True, False, str(exc), 0, (), ())
    try:
        key = audit_key_for_datamap(datamap)
    except PrivacyAuditError:
        key = None  # no usable vault key: the chain is checked without its MACs, and says so
    try:
        result = auditlog.verify(path, key=key)
    except AuditLogError as exc:
        return summarize_audit_log(entries, None, path=shown, error=str(exc))
    if result.head:  # carried into the report: a later `log verify --expect-head` shows a cut or rebuilt log
        result = replace(result, reason=f"{result.reason}; head {result.head}")
    return summarize_audit_log(entries, result, path=shown)


def _request_desk(
    datamap: Any, as_of: _dt.date, installed: Mapping[str, str]
) -> tuple[QueueSummary | None, list[tuple[str, str]]]:
    """The requests desk at ``as_of``, and -- when the ledger holds no request -- a "could not test" note for
    each ``rights.*`` control, so its clause reads not testable rather than a vacuous holds."""
    try:
        ledger = load_ledger(datamap)
    except PrivacyAuditError as exc:
        return None, [
            (cid, f"request ledger unreadable: {exc}") for cid in installed if cid.startswith("rights.")
        ]
    if ledger.requests:
        return ledger.summary(as_of), []
    why = "no subject request is recorded in the ledger (privacy-audit request new), so there is nothing to test"
    return ledger.summary(as_of), [(cid, why) for cid in installed if cid.startswith("rights.")]


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return Path(path).name


def compliance_report(
    datamap: Any,
    *,
    as_of: _dt.date | str | None = None,
    sample: int | None = SCAN_SAMPLE,
    seed: int = 0,
    full: bool = False,
    scan: bool = True,
    vault_key: bytes | None = None,
    now: _dt.datetime | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> ComplianceReport:
    """Build the compliance report for a data map (a ``DataMap`` or the path of its YAML file).

    Reads every dataset (rows, subjects), scans it for PII (``sample`` rows, ``seed``; ``full`` scans
    every row; ``scan=False`` uses the declared columns; a vault dataset is read with ``vault_key``,
    default the data map's ``vault.key_file`` / ``key_env``), runs every check as of ``as_of`` (default:
    the data map's ``as_of``, else today), reads and verifies the audit log, and loads the policy the
    data map names (default ``policy.md`` beside it). ``progress(step, index, total)`` is called per
    dataset read and per check run (a notebook's progress bar).
    """
    if not hasattr(datamap, "datasets"):
        datamap = load_datamap(datamap)
    if isinstance(as_of, str):
        try:
            as_of = _dt.date.fromisoformat(as_of)
        except ValueError:
            raise ConfigError(f"--as-of: expected a date YYYY-MM-DD, got {as_of!r}") from None
    as_of = as_of or datamap.as_of or _dt.date.today()
    started = now or _dt.datetime.now(_dt.UTC)
    policy_path = Path(datamap.policy) if datamap.policy else Path(datamap.root) / "policy.md"
    policy = load_policy(policy_path)

    controls = load_controls(datamap.controls)
    installed: dict[str, str] = {}
    for cid, (_fn, default) in registry().items():
        spec = controls.get(cid) or default or controls.get(cid.split(".", 1)[0])
        if spec:
            installed[cid] = str(spec["clause"])
    if vault_key is None:
        vault_key = _vault_key(datamap)
    frames: dict[str, Any] = {}
    scans: dict[str, Any] = {}
    text_cache = TextCache()  # free text through Presidio once per distinct value, for the whole report
    facts, subjects = _dataset_facts(
        datamap,
        sample=sample,
        seed=seed,
        full=full,
        do_scan=scan,
        vault_key=vault_key,
        frames=frames,
        scans=scans,
        text_cache=text_cache,
        progress=progress,
    )
    # The checks reuse what the summary already read and scanned (same settings), instead of doing it again.
    result = run_checks(
        datamap, as_of=as_of, frames=frames, scans=scans, text_cache=text_cache,
        progress=None if progress is None else (lambda cid, i, n: progress(f"check {cid}", i, n)),
    )  # fmt: skip
    activity = _activity(datamap)
    desk, desk_errors = _request_desk(datamap, as_of, installed)
    manual = load_manual_evidence(datamap)

    repro = {
        "tool": "privacy-audit",
        "tool_version": __version__,
        "python": platform.python_version(),
        "pandas": _dist_version("pandas"),
        "presidio_analyzer": _dist_version("presidio-analyzer"),
        "spacy_model": model_name(),
        "datamap": Path(datamap.path).name,
        "datamap_sha256": datamap.sha256 or _sha256_file(Path(datamap.path)),
        "policy": _relative(policy_path, Path(datamap.root)),
        "policy_sha256": policy.sha256,
        "controls_sha256": _sha256_file(Path(datamap.controls))
        if datamap.controls
        else _sha256_file(_CHECKS_DIR / "controls.yaml"),
        "scan": {"enabled": scan, "sample": None if full else sample, "full": full, "seed": seed},
        "as_of": as_of.isoformat(),
        "checks_run": list(result.checks_run),
        "started_at": started.isoformat(timespec="seconds"),
    }
    report = build_report(
        datamap=datamap,
        policy=policy,
        findings=result.findings,
        check_errors=(*result.errors, *desk_errors),
        checks_run=result.checks_run,
        controls=controls,
        installed=installed,
        datasets=facts,
        subjects=subjects,
        activity=activity,
        testability=load_testability(),
        remedies=load_remedies(),
        manual_evidence=manual,
        reproducibility=repro,
        as_of=as_of,
        generated_at=started,
        requests=desk,
        register=load_register(datamap),
        signoff=load_signoff(datamap),
    )
    # re-identification risk of the separated datasets, on the frames and scans already made
    assessed = assess_estate(datamap, as_of=as_of, frames=frames, scans=scans)
    risk = tuple(d.section() for d in assessed.datasets if d.profile.quasi_identifiers)
    finished = _dt.datetime.now(_dt.UTC)
    repro = {**report.reproducibility, "run_seconds": round((finished - started).total_seconds(), 1)}
    return replace(report, reproducibility=repro, risk=risk)


def _dist_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None
