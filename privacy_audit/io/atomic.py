"""Atomic file writes: a temporary file in the target's folder, fsync of the file and the folder,
then one rename. A reader sees the old content or the new one, never a mix; a crash leaves the old
file (and at most a hidden ``.NAME.*.tmp`` that the next write or :func:`recover_files` removes)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..errors import InputError

__all__ = ["WriteError", "atomic_write_bytes", "fsync_dir", "real_target", "sha256_file"]


class WriteError(InputError, OSError):
    """A file cannot be written. Both an :class:`InputError` (the CLI prints one line, exit 2) and an
    ``OSError`` (code that already handles failed writes keeps working); ``strerror`` says why."""

    def __init__(self, message: str, strerror: str | None = None) -> None:
        super().__init__(message)
        self.strerror = strerror


def unwritable(path: Path, exc: OSError) -> WriteError:
    """One line saying why ``path`` cannot be written (a file in the way, a folder, permissions)."""
    if path.is_dir():
        why = "it is a folder"
    else:
        why = exc.strerror or type(exc).__name__
        for folder in (path.parent, *path.parent.parents):
            if folder.exists():
                if not folder.is_dir():
                    why = f"{folder} is a file, not a folder"
                break
    return WriteError(f"{path}: cannot write: {why}; nothing was written", why)


def fsync_dir(folder: str | Path) -> None:
    """Make renames and unlinks inside ``folder`` durable (best effort where folders cannot be fsynced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sha256_file(path: str | Path) -> str | None:
    """SHA-256 (hex) of the file's bytes; None when it does not exist."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def real_target(path: str | Path) -> Path:
    """The file that a write to ``path`` must replace: ``path`` itself, or the final target of a
    symbolic link (so the link stays a link and the data behind it is what changes). InputError when
    the link is dangling or loops."""
    p = Path(path).absolute()
    if not p.is_symlink():
        return p
    try:
        target = p.resolve(strict=True)
    except (OSError, RuntimeError):
        raise InputError(f"{p}: is a symbolic link whose target does not exist (or loops); nothing was changed") from None
    if target.is_dir():
        raise InputError(f"{p}: is a symbolic link to a folder, not a file; nothing was changed")
    return target


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, ``os.replace``,
    fsync of the folder. A symbolic link is written through (its target changes, the link stays).
    Missing folders are created. :class:`WriteError` (one line; the old file, if any, unchanged)
    when the file cannot be written."""
    path = Path(path)
    if path.is_symlink():
        path = real_target(path)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise unwritable(path, exc) from None
        raise
    fsync_dir(path.parent)
