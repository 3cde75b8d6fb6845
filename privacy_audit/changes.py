"""How every change to the estate is made: under the estate lock, journaled, committed, logged.

:func:`commit_change` is the one path by which erasure, rectification and restriction write: the
audit entry is checked before anything is touched (:func:`precheck`), the journal records the plan,
the new contents are staged beside their targets, the renames (and the SQL commits) happen, the
audit entry is appended with the journal's id (``details.change``), and the journal is removed.
Any stop after the journal was prepared -- an error, Ctrl-C, ``kill -9`` -- leaves the journal;
:mod:`privacy_audit.recovery` finishes the change on the next command or with
``privacy-audit recover``. A change applied but not logged raises
:class:`~privacy_audit.io.journal.ChangePendingError` (never "nothing was changed").
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import auditlog
from .datamap import DataMap
from .errors import ErasureError, PrivacyAuditError
from .io.atomic import real_target
from .io.journal import ChangePendingError, Journal, Transaction, fault_point, pending_journals
from .io.lock import estate_lock
from .subject_index import mark_stale

__all__ = [
    "AuditEntry",
    "ChangePendingError",
    "precheck",
    "estate_change",
    "estate_read",
    "refuse_pending",
    "commit_change",
    "log_entry",
    "recovering",
]

logger = logging.getLogger(__name__)
_RECOVERING: set[str] = set()  # journal ids this process is finishing (their re-plan may run beside them)


@dataclass(frozen=True)
class AuditEntry:
    """The audit-log entry a change appends (no raw personal values; e-mail-shaped text is refused)."""

    action: str
    subject_ref: str | None
    details: Mapping[str, Any] = field(default_factory=dict)
    outcome: str = "applied"

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "subject_ref": self.subject_ref, "details": dict(self.details),
                "outcome": self.outcome}  # fmt: skip


def precheck(datamap: DataMap, entry: AuditEntry | None) -> None:
    """Raise now if the audit entry could not be appended after the change (log unwritable, damaged,
    its lock unusable, the entry refused): a change that cannot be logged must not happen."""
    if entry is None:
        return
    auditlog.check_appendable(datamap.audit_log_path)
    auditlog.check_entry(entry.action, subject_ref=entry.subject_ref, details={**entry.details, "change": "x"},
                         outcome=entry.outcome)  # fmt: skip


@contextlib.contextmanager
def recovering(journal_id: str) -> Iterator[None]:
    """While finishing the journal ``journal_id``, changes may be committed beside the pending journals."""
    _RECOVERING.add(journal_id)
    try:
        yield
    finally:
        _RECOVERING.discard(journal_id)


def refuse_pending(datamap: DataMap) -> None:
    """ChangePendingError when an interrupted change waits to be finished (recover first)."""
    if _RECOVERING:  # this process is finishing the pending journals
        return
    for path in pending_journals(datamap.root):
        raise ChangePendingError(
            f"an interrupted change of this estate is pending ({path.name}); run `privacy-audit recover "
            f"{datamap.path}` to finish it first (nothing was changed)"
        )


@contextlib.contextmanager
def estate_change(datamap: DataMap, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the estate lock (waiting for another process's change to finish) and refuse to start
    while an interrupted change is pending."""
    with estate_lock(datamap.root, on_wait=on_wait):
        refuse_pending(datamap)
        yield


@contextlib.contextmanager
def estate_read(datamap: DataMap, *, what: str = "export") -> Iterator[None]:
    """Hold the estate lock shared while reading the estate for ``what`` (a subject-access export):
    readers run together, but never beside a change, and never over a change a stopped process left
    half done (ChangePendingError: run ``privacy-audit recover`` first)."""
    with estate_lock(datamap.root, shared=True):
        if not _RECOVERING:
            for path in pending_journals(datamap.root):
                raise ChangePendingError(
                    f"an interrupted change of this estate is pending ({path.name}): the {what} would read it half "
                    f"done; run `privacy-audit recover {datamap.path}` first (nothing was written)"
                )
        yield


def log_entry(datamap: DataMap, entry: AuditEntry, change_id: str, **extra: Any) -> int:
    """Append ``entry`` tagged with ``change_id`` (and ``extra`` details); return its ``seq``."""
    details = {**entry.details, **extra, "change": change_id}
    done = auditlog.append(datamap.audit_log_path, entry.action, subject_ref=entry.subject_ref, details=details,
                           outcome=entry.outcome)  # fmt: skip
    return int(done["seq"])


def commit_change(
    datamap: DataMap,
    action: str,
    staged: Mapping[Path, tuple[bytes | None, str | None]],
    entry: AuditEntry | None,
    *,
    payload: Mapping[str, Any] | None = None,
    sql: Callable[[], contextlib.AbstractContextManager] | None = None,
    what: str = "change",
) -> tuple[str, int | None]:
    """Write ``staged`` (path -> (new bytes or None to remove the file, sha256 when read)) all or nothing, inside the SQL
    transaction ``sql()`` when given (its statements run first; it commits after the renames, and
    the files are put back if it fails), then append ``entry``. Returns (journal id, audit seq).

    ErasureError (one line, nothing changed) when the change could not be made;
    ChangePendingError when it was made (in part or whole) but is not finished or not logged."""
    with estate_lock(datamap.root):
        refuse_pending(datamap)
        precheck(datamap, entry)
        try:
            journal = Journal.begin(datamap.root, action, {**(payload or {}), "sql_used": sql is not None},
                                    [(str(real_target(p)), sha) for p, (_, sha) in staged.items()])  # fmt: skip
            if entry is not None:
                journal.update(audit=entry.to_dict())
        except PrivacyAuditError as exc:
            raise ErasureError(f"{what} not applied, nothing was changed: {exc}") from None
        txn = Transaction(journal)
        try:
            mark_stale(datamap, [real_target(p) for p in staged], sql=sql is not None)  # before anything changes
            seq = _commit(datamap, journal, txn, staged, entry, sql, what)
        except KeyboardInterrupt:
            if journal.state == "staging":  # nothing visible changed yet
                txn.rollback()
                journal.remove()
                raise
            raise ChangePendingError(
                f"interrupted while committing the {what}: it is recorded in its journal and will be finished by "
                f"`privacy-audit recover {datamap.path}` (or the next change of this estate)"
            ) from None
        journal.remove()
        return journal.id, seq


def _commit(datamap: DataMap, journal: Journal, txn: Transaction, staged: Mapping[Path, tuple[bytes | None, str | None]],
            entry: AuditEntry | None, sql: Callable[[], contextlib.AbstractContextManager] | None,
            what: str) -> int | None:  # fmt: skip
    try:
        for path, (data, sha) in staged.items():
            txn.stage(path, data, expect_sha256=sha)
        fault_point("staged")
        with contextlib.ExitStack() as stack:
            if sql is not None:
                stack.enter_context(sql())
            txn.commit(keep_backups=True)  # the SQL commits follow: keep the originals until they succeed
        if sql is not None:
            journal.update(sql_committed=True)
            fault_point("sql-committed")
        txn.finish()
    except (PrivacyAuditError, OSError) as exc:
        restored = True
        if txn.committed:  # a database commit failed after the files were renamed: put them back
            restored = txn.undo()
        txn.rollback()
        why = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
        if restored:
            journal.remove()
            raise ErasureError(f"{what} not applied, nothing was changed: {why}") from None
        raise ChangePendingError(f"{what} failed and some files could not be put back ({why}); "
                                 f"run `privacy-audit recover {datamap.path}`") from None  # fmt: skip
    journal.update(state="committed")
    fault_point("committed")
    if entry is None:
        return None
    try:
        seq = log_entry(datamap, entry, journal.id)
    except (PrivacyAuditError, OSError) as exc:
        raise ChangePendingError(
            f"the {what} was applied ({len(staged)} file(s) written) but its audit-log entry could not be "
            f"written ({exc}); fix the log, then run `privacy-audit recover {datamap.path}` to record it"
        ) from None
    journal.update(state="logged", audit_seq=seq)
    fault_point("logged")
    return seq
