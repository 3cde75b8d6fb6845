"""The write-ahead journal of an estate change, and the multi-file transaction that uses it.

A change (an erasure, a rectification, a restriction) goes through these states, each written to
``<estate>/.privacy-audit-journal/<id>.json`` (atomically, fsynced) before the step it announces:

``staging``    the plan: what the change is for (``payload``: for an erasure every key of the
               subject needed to finish it, the SQL tables to change) and each file to replace with
               its hash before; new contents are being written beside their targets
               (``.NAME.<id>.tmp``), nothing visible has changed.
``prepared``   every new content is staged and fsynced, its path and hash recorded; hard-link backups
               (``.NAME.<id>.bak``) are taken, then the files are renamed over their targets.
``committed``  every rename is done and durable; the audit entry is next.
``logged``     the audit entry is written (its ``seq`` recorded); the journal is removed next.

A process that stops anywhere (an error, Ctrl-C, ``kill -9``, a power cut) leaves the journal.
:func:`recover_files` then rolls the files forward (every target ends with its new content) when
the staged contents are intact, and back (every target keeps or gets back its old content) when
they are not and the backups are; a journal still ``staging`` is rolled back. Temporary files and
backups never outlive the change: the commit and the recovery remove them.

Fault injection, for tests only: when the environment variable ``PRIVACY_AUDIT_FAULT_AT`` names a
step (``staged``, ``prepared``, ``backed-up``, ``rename:N`` after the N-th rename, ``renamed``,
``committed``, ``sql-committed``, ``logged``), the process sends itself ``SIGKILL`` there
(``PRIVACY_AUDIT_FAULT_SIGNAL=INT`` sends ``SIGINT``, i.e. a Ctrl-C, instead). Never set it in use.

The journal can hold the subject's identifiers (an erasure must be finishable after the identity
rows are gone): it is written mode 0600 in a 0700 folder and removed when the change is complete.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import secrets
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, PrivacyAuditError
from .atomic import fsync_dir, real_target, sha256_file

__all__ = [
    "FAULT_ENV",
    "FAULT_SIGNAL_ENV",
    "JOURNAL_DIR",
    "ChangePendingError",
    "FileRecovery",
    "Journal",
    "Transaction",
    "fault_point",
    "pending_journals",
    "recover_files",
]

JOURNAL_DIR = ".privacy-audit-journal"
FAULT_ENV = "PRIVACY_AUDIT_FAULT_AT"
FAULT_SIGNAL_ENV = "PRIVACY_AUDIT_FAULT_SIGNAL"
STATES = ("staging", "prepared", "committed", "logged")


class ChangePendingError(PrivacyAuditError):
    """A change was (partly) applied but is not finished or not logged; its journal is kept and
    ``privacy-audit recover`` (or the next change) finishes it. The CLI exits 4."""

    reason = "change-pending"
    exit_code = 4


def fault_point(step: str) -> None:
    """Test-only fault injection: stop this process at ``step`` when ``PRIVACY_AUDIT_FAULT_AT`` says so."""
    if os.environ.get(FAULT_ENV) != step:
        return
    sig = signal.SIGINT if os.environ.get(FAULT_SIGNAL_ENV, "").upper() in ("INT", "SIGINT") else signal.SIGKILL
    os.kill(os.getpid(), sig)  # SIGINT: Python raises KeyboardInterrupt at its next check, as for a Ctrl-C


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def pending_journals(root: str | Path) -> list[Path]:
    """The journals left in the estate at ``root`` (oldest first); empty when none is pending."""
    folder = Path(root) / JOURNAL_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"))


class Journal:
    """One change's journal file. ``data`` is the JSON object written; see the module docstring."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @classmethod
    def begin(
        cls,
        root: str | Path,
        action: str,
        payload: dict[str, Any] | None = None,
        targets: list[tuple[str, str | None]] | None = None,
    ) -> Journal:
        """Write a new journal (state ``staging``) for ``action`` in the estate at ``root``: the files
        to replace (``targets``: path and sha256 before) and what the change is for (``payload``)."""
        folder = Path(root).absolute() / JOURNAL_DIR
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{folder}: cannot create the change journal ({exc.strerror or exc}); "
                             "nothing was changed") from None  # fmt: skip
        jid = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + secrets.token_hex(4)
        journal = cls(folder / f"{jid}.json", {
            "id": jid, "action": action, "pid": os.getpid(), "created_at": _now(), "state": "staging",
            "files": [], "payload": dict(payload or {}), "audit": None, "audit_seq": None,
            "targets": [{"target": str(t), "before": b} for t, b in (targets or [])],
        })  # fmt: skip
        journal.save()
        return journal

    @classmethod
    def load(cls, path: str | Path) -> Journal:
        """Read a journal file; InputError (one line) when it is not one."""
        path = Path(path)
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            why = getattr(exc, "strerror", None) or "not a journal (damaged JSON)"
            raise InputError(f"{path}: cannot read the change journal: {why}") from None
        if not isinstance(data, dict) or data.get("state") not in STATES or not isinstance(data.get("files"), list):
            raise InputError(f"{path}: not a privacy-audit change journal")
        return cls(path, data)

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def action(self) -> str:
        return str(self.data["action"])

    @property
    def state(self) -> str:
        return str(self.data["state"])

    @property
    def payload(self) -> dict[str, Any]:
        return self.data.setdefault("payload", {})

    def save(self) -> None:
        """Write the journal atomically (temp file, fsync, rename, fsync of the folder)."""
        body = json.dumps(self.data, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise InputError(f"{self.path}: cannot write the change journal ({exc.strerror or exc})") from None
        fsync_dir(self.path.parent)

    def update(self, **fields: Any) -> None:
        """Set ``fields`` and write the journal."""
        self.data.update(fields)
        self.save()

    def staged_path(self, target: Path) -> Path:
        return target.parent / f".{target.name}.{self.id}.tmp"

    def backup_path(self, target: Path) -> Path:
        return target.parent / f".{target.name}.{self.id}.bak"

    def remove(self) -> None:
        """Delete the journal (the change is complete); the folder goes too when empty."""
        self.path.unlink(missing_ok=True)
        folder = self.path.parent
        with contextlib.suppress(OSError):
            for stray in folder.glob(f".{self.path.name}.*.tmp"):
                stray.unlink()
            folder.rmdir()
        fsync_dir(folder.parent if not folder.exists() else folder)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Transaction:
    """Replace several files together, or leave every one of them as it was.

    :meth:`stage` writes each new content to a temporary file in the target's folder and fsyncs it;
    nothing visible changes yet. :meth:`commit` checks that no target changed since it was read
    (``expect_sha256``), records the plan in the ``journal`` (when given: state ``prepared``), keeps
    a hard-link backup of each original, renames every temporary file over its target, and on any
    error puts every original back and removes the temporary files before raising
    :class:`InputError` naming the file that failed. ``commit(keep_backups=True)`` keeps the backups
    so that :meth:`undo` can still restore the originals (for a second resource, e.g. a database
    transaction, that must commit after the files); :meth:`finish` drops them. A symbolic link is
    written through: its target is replaced, the link stays. Used as a context manager, an
    uncommitted transaction is rolled back on exit. A process killed mid-commit leaves the journal,
    from which :func:`recover_files` finishes the change.
    """

    def __init__(self, journal: Journal | None = None) -> None:
        self.journal = journal
        self._staged: dict[Path, tuple[str, str | None, str | None]] = {}  # target -> (temp, expected, new sha)
        self._backups: dict[Path, str | None] = {}  # target -> backup path (None: target did not exist)
        self.committed = False

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            self.rollback()

    @property
    def targets(self) -> list[Path]:
        return list(self._staged)

    def stage(self, path: str | Path, data: bytes | None, *, expect_sha256: str | None = None) -> None:
        """Write ``data`` to a temporary file next to ``path`` (a symlink's target) and fsync it;
        ``data=None`` removes the file at commit. ``expect_sha256``: the target's hash when it was read."""
        path = real_target(path)
        if path in self._staged:
            old = self._staged.pop(path)[0]
            if old:
                Path(old).unlink(missing_ok=True)
        if data is None:
            self._staged[path] = ("", expect_sha256, None)
            return
        try:
            if self.journal is not None:
                tmp = str(self.journal.staged_path(path))
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            else:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            self.rollback()
            raise InputError(f"{path}: cannot write a temporary file beside it ({exc.strerror or exc}); "
                             "nothing was changed") from None  # fmt: skip
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            self.rollback()
            raise InputError(f"{path}: cannot write its new content ({exc.strerror or exc}); "
                             "nothing was changed") from None  # fmt: skip
        self._staged[path] = (tmp, expect_sha256, _sha(data))

    def rollback(self) -> None:
        """Remove every temporary file; targets are untouched (call before or instead of commit)."""
        for tmp, _, _ in self._staged.values():
            if tmp:
                Path(tmp).unlink(missing_ok=True)
        self._staged.clear()

    def _backup(self, path: Path) -> str | None:
        if not path.exists():
            return None
        if self.journal is not None:
            bak = str(self.journal.backup_path(path))
            Path(bak).unlink(missing_ok=True)
        else:
            fd, bak = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bak", dir=path.parent)
            os.close(fd)
            os.unlink(bak)
        try:
            os.link(path, bak)
        except OSError:  # no hard links on this file system: copy
            import shutil

            shutil.copy2(path, bak)
        return bak

    def _fail(self, path: Path, message: str) -> InputError:
        self._drop_backups()
        self.rollback()
        return InputError(f"{path}: {message}")

    def commit(self, *, keep_backups: bool = False) -> list[Path]:
        """Rename every staged file over its target, all or none; return the targets."""
        befores: dict[Path, str | None] = {}
        for path, (_, expected, _) in self._staged.items():
            try:
                befores[path] = sha256_file(path)
            except OSError as exc:
                raise self._fail(path, f"cannot read before replacing ({exc.strerror or exc}); nothing was changed") from None
            if expected is not None and befores[path] != expected:
                raise self._fail(path, "changed since it was read; nothing was changed")
        if self.journal is not None:
            self.journal.update(state="prepared", files=[
                {"target": str(p), "before": befores[p], "after": new, "staged": tmp or None,
                 "backup": str(self.journal.backup_path(p)) if befores[p] is not None else None}
                for p, (tmp, _, new) in self._staged.items()
            ])  # fmt: skip
            fault_point("prepared")
        try:
            for path in self._staged:
                self._backups[path] = self._backup(path)
        except OSError as exc:
            raise self._fail(path, f"cannot back up before replacing ({exc.strerror or exc}); nothing was changed") from None
        fault_point("backed-up")
        done: list[Path] = []
        for n, (path, (tmp, _, _)) in enumerate(self._staged.items(), start=1):
            try:
                if tmp:
                    os.replace(tmp, path)
                else:  # a removal: the backup keeps the old content until the change is complete
                    path.unlink(missing_ok=True)
            except OSError as exc:
                restored = self._restore(done)
                self.rollback()
                self._drop_backups()
                what = "nothing was changed" if restored else "some files could not be restored"
                raise InputError(f"{path}: cannot replace ({exc.strerror or exc}); {what}") from None
            done.append(path)
            fault_point(f"rename:{n}")
        for folder in {p.parent for p in done}:
            fsync_dir(folder)
        fault_point("renamed")
        self._staged.clear()
        self.committed = True
        if not keep_backups:
            self._drop_backups()
        return done

    def _restore(self, done: list[Path]) -> bool:
        ok = True
        for path in reversed(done):
            if path not in self._backups:
                continue
            bak = self._backups[path]
            try:
                if bak is None:
                    path.unlink(missing_ok=True)
                else:
                    os.rename(bak, path)  # rename, not replace: the originals come back even if replace fails
                del self._backups[path]
            except OSError:
                ok = False
        for folder in {p.parent for p in done}:
            fsync_dir(folder)
        return ok

    def undo(self) -> bool:
        """After ``commit(keep_backups=True)``: put every original back. True when all were restored."""
        ok = self._restore(list(self._backups))
        self._drop_backups()
        self.committed = False
        return ok

    def finish(self) -> None:
        """After ``commit(keep_backups=True)``: drop the backups."""
        self._drop_backups()

    def _drop_backups(self) -> None:
        folders = set()
        for bak in self._backups.values():
            if bak:
                Path(bak).unlink(missing_ok=True)
                folders.add(Path(bak).parent)
        for folder in folders:
            fsync_dir(folder)
        self._backups.clear()


@dataclass(frozen=True)
class FileRecovery:
    """What :func:`recover_files` did: ``outcome`` is ``forward`` (every file has its new content),
    ``back`` (every file has its old content) or ``none`` (nothing had been changed)."""

    journal_id: str
    action: str
    state: str
    outcome: str
    files: tuple[str, ...]
    replaced: int

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


def _cleanup(journal: Journal) -> None:
    folders = set()
    for f in [*journal.data.get("files", ()), *journal.data.get("targets", ())]:
        target = Path(f["target"])
        for stray in (f.get("staged"), f.get("backup"), journal.staged_path(target), journal.backup_path(target)):
            if stray:
                Path(stray).unlink(missing_ok=True)
        folders.add(target.parent)
    for folder in folders:
        fsync_dir(folder)


def _move(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def recover_files(journal: Journal) -> FileRecovery:
    """Bring the files of an interrupted change to all-new (forward) or all-old (back), remove its
    temporary files and backups, and record the outcome in the journal (``files_outcome``). The
    journal itself stays: the caller logs the change and then removes it. :class:`InputError`
    (journal kept, nothing more changed) when neither direction is possible."""
    files = journal.data.get("files", [])
    names = tuple(f["target"] for f in files)
    if journal.state == "staging":
        _cleanup(journal)
        journal.update(files_outcome="none")
        return FileRecovery(journal.id, journal.action, "staging", "none", names, 0)
    now = {f["target"]: sha256_file(f["target"]) for f in files}
    forward = all(
        now[f["target"]] == f["after"]
        or (now[f["target"]] == f["before"] and (f["after"] is None or sha256_file(f["staged"]) == f["after"]))
        for f in files
    )
    replaced = 0
    if forward:
        for f in files:
            if now[f["target"]] != f["after"]:
                if f["after"] is None:  # a removal
                    Path(f["target"]).unlink(missing_ok=True)
                else:
                    _move(Path(f["staged"]), Path(f["target"]))
                replaced += 1
        outcome = "forward"
    else:
        back = all(
            now[f["target"]] == f["before"]
            or (f.get("backup") and now[f["target"]] == f["after"] and sha256_file(f["backup"]) == f["before"])
            for f in files
        )
        if not back:
            bad = next(f["target"] for f in files if now[f["target"]] not in (f["before"], f["after"]))
            raise InputError(f"cannot recover the interrupted {journal.action} ({journal.path.name}): {bad} holds "
                             "neither its old nor its new content; the journal is kept")  # fmt: skip
        for f in files:
            if now[f["target"]] != f["before"]:
                _move(Path(f["backup"]), Path(f["target"]))
                replaced += 1
        outcome = "none" if replaced == 0 else "back"
    for folder in {Path(t).parent for t in names}:
        fsync_dir(folder)
    _cleanup(journal)
    journal.update(files_outcome=outcome)
    return FileRecovery(journal.id, journal.action, journal.state, outcome, names, replaced)
