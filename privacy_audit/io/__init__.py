"""Estate I/O for changes: atomic writes, the estate-wide lock and the write-ahead journal.

Leaf modules (they import nothing of the package but :mod:`privacy_audit.errors`):

* :mod:`.atomic` -- :func:`atomic_write_bytes` (temp file in the same folder, fsync file and folder,
  rename), :func:`fsync_dir`, :func:`real_target` (a symlinked dataset file is written at its target).
* :mod:`.lock` -- :func:`estate_lock`: one exclusive lock per estate (``fcntl.flock`` on the data
  map's folder), re-entrant inside a process, released by the kernel when a process dies.
* :mod:`.journal` -- :class:`Journal` (the plan of a change, written and fsynced before anything is
  touched), :class:`Transaction` (stage, commit all-or-nothing, undo) and :func:`recover_files`
  (roll an interrupted change forward, or back when forward is impossible).
"""

from __future__ import annotations

from .atomic import WriteError, atomic_write_bytes, fsync_dir, real_target, sha256_file
from .journal import (
    FAULT_ENV,
    JOURNAL_DIR,
    FileRecovery,
    Journal,
    Transaction,
    fault_point,
    pending_journals,
    recover_files,
)
from .lock import LOCK_TIMEOUT_ENV, EstateLockError, estate_lock, lock_held

__all__ = [
    "WriteError",
    "atomic_write_bytes",
    "fsync_dir",
    "real_target",
    "sha256_file",
    "FAULT_ENV",
    "JOURNAL_DIR",
    "FileRecovery",
    "Journal",
    "Transaction",
    "fault_point",
    "pending_journals",
    "recover_files",
    "LOCK_TIMEOUT_ENV",
    "EstateLockError",
    "estate_lock",
    "lock_held",
]
