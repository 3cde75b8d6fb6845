"""Checks shared by the commands: refuse an output location before doing any work.

A command that would only find out at the end that it cannot write its output (or its audit-log
entry) has either wasted a long scan or, worse, already changed data. These checks run first and
raise a one-line :class:`~privacy_audit.errors.InputError`, so nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError

__all__ = ["check_writable_file", "check_writable_folder"]


def _first_existing(path: Path) -> Path:
    for folder in (path, *path.parents):
        if folder.exists():
            return folder
    return Path(".")


def check_writable_file(path: str | Path, what: str, *, create_folders: bool = False) -> None:
    """InputError unless a file can be created or replaced at ``path``.

    ``what`` names the option in the message (``--out``, ``the audit log``). Without
    ``create_folders`` the folder must already exist.
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{what} {p}: is a folder; give a file name")
    folder = p.parent
    if not folder.is_dir():
        found = _first_existing(folder)
        if not found.is_dir():
            raise InputError(f"{what} {p}: {found} is a file, not a folder")
        if not create_folders:
            raise InputError(f"{what} {p}: folder {folder} does not exist")
        folder = found
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{what} {p}: folder {folder} is not writable")


def check_writable_folder(path: str | Path, what: str) -> None:
    """InputError unless ``path`` is a folder, or one can be created there."""
    p = Path(path)
    found = _first_existing(p)
    if not found.is_dir():
        raise InputError(f"{what} {p}: {found} is a file, not a folder")
    if not os.access(found, os.W_OK | os.X_OK):
        raise InputError(f"{what} {p}: folder {found} is not writable")
