"""Finish the changes of the estate that a stopped process left half done.

A change that was interrupted (an error it could not undo, Ctrl-C, ``kill -9``, a power cut)
leaves its journal in ``<estate>/.privacy-audit-journal/``. :func:`recover_estate`, run by
``privacy-audit recover DATAMAP`` and first thing by every changing command, takes the estate lock
and, for each journal, oldest first:

1. brings its files to all-new (rolled forward from the staged contents) or, when those are not
   intact, all-old (rolled back from the backups), and removes every temporary file and backup;
2. for an erasure, plans the erasure again from the journal's keys of the subject (the identity
   rows may already be gone) and applies what is still left (SQL rows whose commit is not known,
   files rolled back), then verifies it the way ``erase`` does;
   For a rectification whose database commit was lost while its files were renamed, the SQL rows are
   corrected again from the journal's keys and values (:func:`privacy_audit.rights.finish_sql_rectification`);
3. appends the change's audit entry unless it is already there (``details.change`` is the journal
   id; outcome ``applied``, or ``rolled-back`` when a rectification or restriction went back), and
   removes the journal.

A journal that cannot be recovered is kept and named in the error; nothing more is changed.
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from . import auditlog
from .changes import AuditEntry, log_entry, recovering
from .datamap import DataMap
from .erasure import apply_erasure, plan_erasure, verify_erasure
from .io.journal import Journal, pending_journals, recover_files
from .io.lock import estate_lock
from .rights import finish_sql_rectification

__all__ = ["RecoveredChange", "RecoveryResult", "recover_estate", "pending_changes"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveredChange:
    """One interrupted change and what recovery did with it."""

    journal: str
    action: str
    state: str  # the journal's state when the process stopped
    files: str  # forward | back | none
    files_replaced: int
    audit_seq: int | None  # the change's audit entry (written now or found already written)
    finished_seq: int | None = None  # erasure: the entry of what was still left and is now erased
    residual: int | None = None  # erasure: residual matches after recovery (0: verified)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class RecoveryResult:
    """Every journal found and what became of it."""

    changes: tuple[RecoveredChange, ...]

    @property
    def ok(self) -> bool:
        return all(c.residual in (None, 0) for c in self.changes)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([c.to_dict() for c in self.changes], columns=list(RecoveredChange.__dataclass_fields__))

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "changes": [c.to_dict() for c in self.changes]}


def pending_changes(datamap: DataMap) -> list[str]:
    """Names of the journals of interrupted changes in the estate (empty: nothing to recover)."""
    return [p.name for p in pending_journals(datamap.root)]


def _logged_seq(datamap: DataMap, change_id: str) -> int | None:
    path = datamap.audit_log_path
    if not path.exists():
        return None
    for entry in reversed(auditlog.read(path)):
        details = entry.get("details")
        if isinstance(details, dict) and details.get("change") == change_id and entry.get("action") != "verification":
            return int(entry["seq"])
    return None


def _finish_erasure(datamap: DataMap, journal: Journal, vault_key: bytes | None, scanner: bool) -> tuple[int | None, int]:
    """Plan the erasure again from the journal's keys, apply what is left, verify; (seq, residual)."""
    pay = journal.payload
    identifiers = {str(k): frozenset(str(v) for v in vals) for k, vals in (pay.get("identifiers") or {}).items()}
    as_of = _dt.date.fromisoformat(pay["as_of"]) if pay.get("as_of") else None
    plan = plan_erasure(datamap, identifiers, as_of=as_of, vault_key=vault_key)
    plan = replace(plan, subject_ref=str(pay.get("subject_ref") or plan.subject_ref),
                   kinds_used=tuple(pay.get("kinds") or ()), shared=plan.shared | frozenset(pay.get("shared") or ()))  # fmt: skip
    seq = None
    if plan.has_changes:
        with recovering(journal.id):
            seq = apply_erasure(datamap, plan, vault_key=vault_key).audit_seq
    ver = verify_erasure(datamap, plan, vault_key=vault_key, scanner=scanner)
    auditlog.append(datamap.audit_log_path, "verification", subject_ref=plan.subject_ref, details={
        "of": "erasure", "residual": ver.residual, "held": ver.held, "scanner": ver.scanner, "change": journal.id,
        "recovered": True,
    }, outcome="ok" if ver.ok else "residue")  # fmt: skip
    return seq, ver.residual


def recover_estate(datamap: DataMap, *, vault_key: bytes | None = None, scanner: bool = True) -> RecoveryResult:
    """Finish (or undo) every interrupted change of the estate; see the module docstring.
    :class:`~privacy_audit.errors.PrivacyAuditError` (one line, the journal kept) when one cannot be recovered."""
    done: list[RecoveredChange] = []
    with estate_lock(datamap.root):
        for path in pending_journals(datamap.root):
            journal = Journal.load(path)
            state = journal.state
            files = recover_files(journal)
            note = ""
            finished, residual = None, None
            seq = journal.data.get("audit_seq")
            if state == "staging":
                note = "stopped before any change; nothing was changed"
            else:
                if seq is None:
                    seq = _logged_seq(datamap, journal.id)
                audit = journal.data.get("audit")
                if seq is None and isinstance(audit, dict):
                    entry = AuditEntry(audit["action"], audit.get("subject_ref"), audit.get("details") or {},
                                       "applied" if files.outcome != "back" else "rolled-back")  # fmt: skip
                    seq = log_entry(datamap, entry, journal.id, recovered=True, stopped_at=state)
                    journal.update(audit_seq=seq)
                note = {"forward": "finished: every file has its new content",
                        "back": "rolled back: every file has its old content",
                        "none": "no file had changed"}[files.outcome]  # fmt: skip
            if journal.action == "erasure" and state != "staging":
                finished, residual = _finish_erasure(datamap, journal, vault_key, scanner)
                if finished is not None:
                    note += "; what was still left of the subject is now erased"
            elif (journal.action == "rectification" and state != "staging" and files.outcome != "back"
                  and journal.payload.get("sql_datasets") and not journal.data.get("sql_committed")):  # fmt: skip
                with recovering(journal.id):  # the database commit was lost: the files are new, so the rows must be
                    finished = finish_sql_rectification(datamap, journal.payload, vault_key=vault_key)
                if finished is not None:
                    note += "; the SQL rows are now corrected too"
            journal.remove()
            done.append(RecoveredChange(journal.id, journal.action, state, files.outcome, files.replaced, seq, finished, residual, note))  # fmt: skip
            logger.info("recovered %s %s: %s", journal.action, journal.id, note)
    return RecoveryResult(tuple(done))

