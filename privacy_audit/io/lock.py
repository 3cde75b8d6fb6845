"""One lock per estate: exclusive for a change, shared for a reader that must see no change half made.

Every command that changes the estate holds it from its first read to its last write: the checks
that nothing changed since the plan, the writes, the renames, the database commits and the audit
entry all happen under it, so two changes never interleave. The lock is ``fcntl.flock`` on the
data map's folder (no lock file is created, nothing can be left behind): the kernel releases it
when the holding process ends, however it ends (exit, Ctrl-C, ``kill -9``, a crash), so a dead
holder never blocks the estate. What such a holder left half done is in its journal
(:mod:`.journal`); the next holder finishes it.

A reader (``export``) holds it shared (``shared=True``): readers run side by side, but never while a
change holds it, so a subject-access bundle never mixes the before and after of an erasure. The lock
is re-entrant inside one process (nested holders share the outermost holder's lock, whatever its mode). A second process waits up
to ``PRIVACY_AUDIT_LOCK_TIMEOUT`` seconds (default 600), then gives up with one line.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import PrivacyAuditError

__all__ = ["LOCK_TIMEOUT_ENV", "EstateLockError", "estate_lock", "flock_within", "lock_held", "lock_timeout"]

LOCK_TIMEOUT_ENV = "PRIVACY_AUDIT_LOCK_TIMEOUT"
_DEFAULT_TIMEOUT = 600.0
_held: dict[str, list[int]] = {}  # folder -> [fd, depth]
_mutex = threading.RLock()


class EstateLockError(PrivacyAuditError):
    """The estate could not be locked (another process holds it too long, or the folder cannot be opened)."""

    reason = "estate-lock"


def lock_timeout(timeout: float | None = None) -> float:
    """``timeout`` when given, else ``$PRIVACY_AUDIT_LOCK_TIMEOUT`` seconds (default 600)."""
    if timeout is not None:
        return timeout
    raw = os.environ.get(LOCK_TIMEOUT_ENV, "")
    try:
        return float(raw) if raw else _DEFAULT_TIMEOUT
    except ValueError:
        raise EstateLockError(f"{LOCK_TIMEOUT_ENV}={raw!r} is not a number of seconds") from None


def lock_held(root: str | Path) -> bool:
    """True when this process holds the lock of the estate at ``root``."""
    return str(Path(root).absolute()) in _held


@contextlib.contextmanager
def estate_lock(
    root: str | Path,
    *,
    timeout: float | None = None,
    on_wait: Callable[[], None] | None = None,
    shared: bool = False,
) -> Iterator[bool]:
    """Hold the exclusive (or, with ``shared``, the shared) lock of the estate whose data map lives in folder ``root``.

    Yields True for the outermost holder in this process (the one that should recover pending
    journals), False for a nested one. ``on_wait`` is called once when another process holds the
    lock and this one starts waiting. :class:`EstateLockError` after ``timeout`` seconds."""
    key = str(Path(root).absolute())
    with _mutex:
        if key in _held:
            _held[key][1] += 1
            try:
                yield False
            finally:
                _held[key][1] -= 1
            return
        try:
            fd = os.open(key, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise EstateLockError(f"cannot lock the estate {key}: {exc.strerror or exc}") from None
        try:
            _acquire(fd, key, lock_timeout(timeout), on_wait, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        _held[key] = [fd, 1]
    try:
        yield True
    finally:
        with _mutex:
            _held.pop(key, None)
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def flock_within(fd: int, mode: int, timeout: float, on_wait: Callable[[], None] | None = None) -> bool:
    """``fcntl.flock(fd, mode)``, waiting at most ``timeout`` seconds: True when taken, False when
    another holder kept it that long. ``on_wait`` is called once when the wait starts. OSError other
    than "held by another" propagates."""
    deadline = time.monotonic() + timeout
    waited = False
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            pass
        if not waited:
            waited = True
            if on_wait is not None:
                on_wait()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def _acquire(fd: int, key: str, timeout: float, on_wait: Callable[[], None] | None, mode: int) -> None:
    try:
        taken = flock_within(fd, mode, timeout, on_wait)
    except OSError as exc:
        raise EstateLockError(f"cannot lock the estate {key}: {exc.strerror or exc}") from None
    if not taken:
        raise EstateLockError(
            f"the estate {key} is locked by another privacy-audit process that is "
            f"{'changing' if mode == fcntl.LOCK_SH else 'using'} it; gave up after {timeout:g} s (nothing was "
            "changed; try again when it has finished)"
        )
