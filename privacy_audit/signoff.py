"""The auditors' own record beside the data map: who owns each finding, by when, in what state; the manual
evidence of the clauses no data can test; and the report's sign-off.

Two YAML files beside the data map, both written only through this module (atomically, each change
appended to the audit log with no personal value):

* ``findings.yaml`` -- ``findings:`` keyed by a finding's stable key ``check|dataset|column`` (the
  report's ``F01`` numbers change between runs; the key does not) -> ``owner``, ``due`` (YYYY-MM-DD),
  ``status`` (one of :data:`FINDING_STATUSES`), ``note``; and ``signoff:`` -> ``prepared_by``,
  ``reviewed_by``, ``date``. Owners and signatories are roles or team names (``Data engineering``,
  ``DPO``); the report scrubs e-mail addresses and phone numbers out of them anyway.
* ``manual_evidence.yaml`` -- clause id -> ``status`` (holds | fails), ``evidence``, ``recorded_by``,
  ``date``, read by :func:`privacy_audit.compliance.load_manual_evidence`.

Notebook 06's form and the ``report`` command read and write these through :func:`record_finding`,
:func:`record_signoff` and :func:`record_evidence`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from . import auditlog
from .errors import ConfigError, InputError
from .io.atomic import atomic_write_bytes
from .vault import audit_key_for_datamap

__all__ = [
    "FINDINGS_FILE",
    "EVIDENCE_FILE",
    "FINDING_STATUSES",
    "FindingTrack",
    "SignOff",
    "finding_key",
    "load_register",
    "load_signoff",
    "record_finding",
    "record_signoff",
    "record_evidence",
]

FINDINGS_FILE = "findings.yaml"
EVIDENCE_FILE = "manual_evidence.yaml"
#: the states a finding moves through once the report is handed over
FINDING_STATUSES = ("open", "in progress", "fixed", "risk accepted")
_TEXT_MAX = 500


@dataclass(frozen=True)
class FindingTrack:
    """Who owns a finding, by when it is to be fixed, and where it stands."""

    owner: str = ""
    due: str = ""  # YYYY-MM-DD, or "" when not set
    status: str = "open"
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class SignOff:
    """The report's sign-off: who prepared it, who reviewed it, and when (empty until recorded)."""

    prepared_by: str = ""
    reviewed_by: str = ""
    date: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def finding_key(check: str, dataset: str | None, column: str | None) -> str:
    """The stable key of a finding: ``check|dataset|column`` (``-`` for a missing part)."""
    return f"{check}|{dataset or '-'}|{column or '-'}"


def _path(datamap: Any, name: str) -> Path:
    return Path(datamap.root) / name


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path.name}: cannot read ({type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"{path.name}{f':{mark.line + 1}' if mark else ''}: YAML syntax error") from None
    except RecursionError:
        raise ConfigError(f"{path.name}: nested too deeply") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ConfigError(f"{path.name}: expected a mapping at the top level")
    return doc


def _text(value: Any, what: str) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > _TEXT_MAX:
        raise InputError(f"{what}: at most {_TEXT_MAX} characters")
    return text


def _date(value: Any, what: str) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"{what}: expected a date YYYY-MM-DD") from None


def _track(key: str, spec: Any, where: str) -> FindingTrack:
    if not isinstance(spec, Mapping):
        raise ConfigError(f"{where}: {key}: expected a mapping with owner, due, status, note")
    unknown = set(spec) - {"owner", "due", "status", "note"}
    if unknown:
        raise ConfigError(f"{where}: {key}: unknown field {sorted(unknown)[0]!r} (expected owner, due, status, note)")
    status = str(spec.get("status") or "open")
    if status not in FINDING_STATUSES:
        raise ConfigError(f"{where}: {key}.status: expected one of {', '.join(FINDING_STATUSES)}")
    try:
        return FindingTrack(_text(spec.get("owner"), "owner"), _date(spec.get("due"), "due"), status,
                            _text(spec.get("note"), "note"))  # fmt: skip
    except InputError as exc:
        raise ConfigError(f"{where}: {key}.{exc}") from None


def load_register(datamap: Any) -> dict[str, FindingTrack]:
    """Finding key -> :class:`FindingTrack` from ``findings.yaml`` beside the data map (``{}`` when absent)."""
    doc = _read(_path(datamap, FINDINGS_FILE))
    findings = doc.get("findings") or {}
    if not isinstance(findings, Mapping):
        raise ConfigError(f"{FINDINGS_FILE}: findings: expected a mapping of finding key -> owner, due, status")
    return {str(k): _track(str(k), v, FINDINGS_FILE) for k, v in findings.items()}


def load_signoff(datamap: Any) -> SignOff:
    """The recorded sign-off (empty fields when none is recorded)."""
    spec = _read(_path(datamap, FINDINGS_FILE)).get("signoff") or {}
    if not isinstance(spec, Mapping):
        raise ConfigError(f"{FINDINGS_FILE}: signoff: expected a mapping with prepared_by, reviewed_by, date")
    try:
        return SignOff(_text(spec.get("prepared_by"), "prepared_by"), _text(spec.get("reviewed_by"), "reviewed_by"),
                       _date(spec.get("date"), "date"))  # fmt: skip
    except InputError as exc:
        raise ConfigError(f"{FINDINGS_FILE}: signoff.{exc}") from None


def _write(datamap: Any, name: str, doc: Mapping[str, Any], action: str, details: Mapping[str, Any]) -> Path:
    """Write ``doc`` as YAML beside the data map (atomically), then log the change."""
    auditlog.check_appendable(datamap.audit_log_path)
    path = _path(datamap, name)
    header = f"# {name}: written by privacy-audit (notebook 06 or the library); edits by hand are fine.\n"
    text = header + yaml.safe_dump(dict(doc), sort_keys=True, allow_unicode=True, default_flow_style=False)
    atomic_write_bytes(path, text.encode("utf-8"))
    auditlog.append(datamap.audit_log_path, action, subject_ref=None, details={"file": name, **details},
                    key=audit_key_for_datamap(datamap))  # fmt: skip
    return path


def record_finding(datamap: Any, key: str, *, owner: str = "", due: str | _dt.date | None = None,
                   status: str = "open", note: str = "") -> FindingTrack:  # fmt: skip
    """Set the owner, due date, status and note of the finding ``key`` in ``findings.yaml`` (logged)."""
    if not key or key.count("|") != 2:
        raise InputError("finding key: expected check|dataset|column")
    if status not in FINDING_STATUSES:
        raise InputError(f"status: expected one of {', '.join(FINDING_STATUSES)}")
    track = FindingTrack(_text(owner, "owner"), _date(due, "due"), status, _text(note, "note"))
    doc = _read(_path(datamap, FINDINGS_FILE))
    load_register(datamap)  # the file as it is must be valid before it is rewritten
    findings = dict(doc.get("findings") or {})
    findings[key] = {k: v for k, v in track.to_dict().items() if v}
    _write(datamap, FINDINGS_FILE, {**doc, "findings": findings}, "finding-track",
           {"finding": key, "status": status, "due": track.due or None})  # fmt: skip
    return track


def record_signoff(datamap: Any, *, prepared_by: str = "", reviewed_by: str = "",
                   date: str | _dt.date | None = None) -> SignOff:  # fmt: skip
    """Record who prepared and reviewed the report, and when, in ``findings.yaml`` (logged)."""
    signoff = SignOff(_text(prepared_by, "prepared by"), _text(reviewed_by, "reviewed by"), _date(date, "date"))
    doc = _read(_path(datamap, FINDINGS_FILE))
    _write(datamap, FINDINGS_FILE, {**doc, "signoff": {k: v for k, v in signoff.to_dict().items() if v}},
           "report-signoff", {"date": signoff.date or None})  # fmt: skip
    return signoff


def record_evidence(datamap: Any, clause: str, *, status: str, evidence: str, recorded_by: str = "",
                    date: str | _dt.date | None = None, clauses: Any = None) -> dict[str, Any]:  # fmt: skip
    """Record manual evidence for ``clause`` (holds | fails) in ``manual_evidence.yaml`` (logged).

    ``clauses`` (the policy's clause ids), when given, must contain ``clause``. Refused when the data
    map keeps its manual evidence inline (``manual_evidence:``): that file is the one to edit.
    """
    if "manual_evidence" in (getattr(datamap, "extra", None) or {}):
        raise ConfigError(f"{Path(datamap.path).name} keeps manual_evidence: inline; record the evidence there")
    clause = str(clause).strip()
    if not clause or (clauses is not None and clause not in set(clauses)):
        raise InputError(f"clause {clause!r}: not a clause of the policy")
    if status not in ("holds", "fails"):
        raise InputError("status: expected holds or fails")
    text = _text(evidence, "evidence")
    if not text:
        raise InputError("evidence: describe the evidence (what it is, where it is kept)")
    entry = {"status": status, "evidence": text, "recorded_by": _text(recorded_by, "recorded by"),
             "date": _date(date, "date") or _dt.date.today().isoformat()}  # fmt: skip
    doc = _read(_path(datamap, EVIDENCE_FILE))
    body = doc.get("manual_evidence", doc) if isinstance(doc.get("manual_evidence", doc), dict) else {}
    body = {str(k): v for k, v in body.items()}
    body[clause] = {k: v for k, v in entry.items() if v}
    _write(datamap, EVIDENCE_FILE, {"manual_evidence": body}, "manual-evidence",
           {"clause": clause, "status": status})  # fmt: skip
    return entry
