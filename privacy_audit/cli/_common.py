"""Checks shared by the commands: refuse an output location before doing any work.

A command that would only find out at the end that it cannot write its output (or its audit-log
entry) has either wasted a long scan or, worse, already changed data. These checks run first and
raise a one-line :class:`~privacy_audit.errors.InputError`, so nothing is written.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

import click

from ..errors import InputError

__all__ = [
    "as_of_date",
    "SECRET_FLAGS",
    "NoSecretValueCommand",
    "check_not_estate_file",
    "check_writable_file",
    "check_writable_folder",
    "printable",
]

#: Flags that ask for a secret at a prompt; a value typed after them would land in the shell history.
SECRET_FLAGS = ("--password", "--ask-password")


class NoSecretValueCommand(click.Command):
    """A click command whose password flags take no value on the command line.

    ``--password hunter2`` would otherwise make ``hunter2`` a positional argument (echoed back in
    "no such file" or "unexpected extra argument" messages). A word right after a password flag
    that is neither an option nor an existing file is refused, without quoting it.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        for i, arg in enumerate(args[:-1]):
            if arg == "--":
                break
            nxt = args[i + 1]
            if arg in SECRET_FLAGS and not nxt.startswith("-") and not Path(nxt).exists():
                raise click.UsageError(
                    f"{arg} takes no value on the command line (the word after it is not shown): "
                    "it asks at a prompt; or use --password-file FILE or the environment variable",
                    ctx=ctx,
                )
        return super().parse_args(ctx, args)


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


def _real(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return path.absolute()


def check_not_estate_file(path: str | Path, datamap, what: str) -> None:
    """InputError when writing ``path`` would replace a file of ``datamap``'s estate.

    The data map, the audit log, the vault and its key, every dataset (or a file inside a dataset
    folder) and every register are refused, symlinks and ``..`` resolved first.
    """
    target = _real(Path(path))
    for protected, name in datamap.protected_paths():
        real = _real(Path(protected))
        if target == real or (real.is_dir() and real in target.parents):
            raise InputError(f"{what} {path}: that is {name} of the estate; choose another file")


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``), for names read from a file.

    A member name holding a newline or a terminal escape could otherwise forge an output line.
    """
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(text))


def as_of_date(value: str | None) -> _dt.date | None:
    """The date of an ``--as-of`` option (YYYY-MM-DD), ``None`` when not given; InputError otherwise."""
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--as-of: expected a date YYYY-MM-DD, got {value!r}") from None
