"""Shared pieces of the notebook widgets: error banner, progress bar, masked table, sample paths.

Every widget in :mod:`privacy_audit.widgets` is built from these, so they all behave alike:

* :class:`ErrorBanner` shows a :class:`~privacy_audit.errors.PrivacyAuditError` as one readable line
  (never a traceback); :func:`guarded` wires it around a button callback.
* :class:`Progress` is an ``IntProgress`` bar with a label, advanced step by step by the widget.
* :class:`MaskedTable` shows a DataFrame with personal values masked (:func:`privacy_audit.masking.mask`)
  and one "reveal" checkbox per row; only ticked rows show their raw values, and only on screen.
* :func:`find_samples`, :func:`working_copy` and :func:`file_link` help notebooks find
  ``data_samples/``, work on a temporary copy of it, and offer a download link.
"""

from __future__ import annotations

import atexit
import functools
import html
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from ..errors import InputError, PrivacyAuditError
from ..masking import mask

__all__ = [
    "ErrorBanner",
    "Progress",
    "MaskedTable",
    "guarded",
    "find_samples",
    "working_copy",
    "sweep_stale_copies",
    "COPY_PREFIX",
    "file_link",
    "html_table",
    "SubjectInput",
]

_BANNER_STYLE = (
    "padding:4px 8px;border-left:4px solid {color};background:{bg};font-family:sans-serif;"
    "white-space:nowrap;overflow:hidden;text-overflow:ellipsis"
)


class ErrorBanner(w.HTML):
    """One line that tells the user what went wrong (or right); empty when there is nothing to say."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(value="", **kwargs)
        self.message: str = ""
        self.kind: str = ""

    def _set(self, kind: str, text: str, color: str, bg: str) -> None:
        self.message = " ".join(str(text).split())
        self.kind = kind
        style = _BANNER_STYLE.format(color=color, bg=bg)
        self.value = f'<div class="pa-banner pa-{kind}" style="{style}">{html.escape(self.message)}</div>'

    def error(self, text: str) -> None:
        """Show ``text`` as an error (red)."""
        self._set("error", f"error: {text}", "#c62828", "#fdecea")

    def info(self, text: str) -> None:
        """Show ``text`` as a neutral status line (green)."""
        self._set("info", text, "#2e7d32", "#edf7ed")

    def clear(self) -> None:
        """Hide the banner."""
        self.message, self.kind, self.value = "", "", ""


def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a widget method so a PrivacyAuditError lands in ``self.banner`` as one line.

    Unexpected exceptions are programming errors: the banner names the type only (the message could
    quote a personal value, and ipywidgets would log it), and the exception is kept in memory on
    ``self.last_exception`` for whoever debugs it. Either way the method returns ``None``.
    """

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        banner: ErrorBanner = self.banner
        banner.clear()
        self.last_exception = None
        try:
            return method(self, *args, **kwargs)
        except PrivacyAuditError as exc:
            self.last_exception = exc
            banner.error(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - a widget must not die with a traceback
            self.last_exception = exc
            banner.error(f"unexpected {type(exc).__name__} (a bug: please report it)")
            return None
        finally:
            progress = getattr(self, "progress", None)
            if isinstance(progress, Progress):
                progress.finish()

    return wrapper


class Progress(w.HBox):
    """A progress bar with a label, hidden until work starts."""

    def __init__(self) -> None:
        self.bar = w.IntProgress(value=0, min=0, max=1, layout=w.Layout(width="300px"))
        self.label = w.Label("")
        super().__init__([self.bar, self.label], layout=w.Layout(visibility="hidden"))

    def start(self, total: int, text: str = "") -> None:
        """Show the bar at zero of ``total`` steps."""
        self.bar.max = max(int(total), 1)
        self.bar.value = 0
        self.bar.bar_style = ""
        self.label.value = text
        self.layout.visibility = "visible"

    def step(self, text: str = "", n: int = 1) -> None:
        """Advance by ``n`` steps and show ``text``."""
        self.bar.value = min(self.bar.value + n, self.bar.max)
        if text:
            self.label.value = text

    def finish(self, text: str | None = None) -> None:
        """Fill the bar; keep it visible with a final label."""
        if self.layout.visibility == "hidden":
            return
        self.bar.value = self.bar.max
        self.bar.bar_style = "success"
        if text is not None:
            self.label.value = text


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def html_table(frame: pd.DataFrame, *, max_rows: int = 200) -> str:
    """Render a DataFrame of already safe (masked or non-personal) values as a small HTML table."""
    shown = frame.head(max_rows)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in shown.itertuples(index=False, name=None)
    )
    more = f"<p>... {len(frame) - max_rows} more rows</p>" if len(frame) > max_rows else ""
    return (
        '<table class="pa-table" style="border-collapse:collapse;font-size:12px">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
    )


class MaskedTable(w.VBox):
    """A table whose personal columns are masked unless the user ticks "reveal" for a row.

    ``pii`` maps column name -> entity (``None`` means personal, kind unknown). Columns not in ``pii``
    are shown as they are. ``max_rows`` bounds the widgets created (one checkbox per row).
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        pii: Mapping[str, str | None],
        *,
        max_rows: int = 50,
        title: str = "",
    ) -> None:
        self.frame = frame.reset_index(drop=True)
        self.pii = {c: e for c, e in pii.items() if c in self.frame.columns}
        self.shown = self.frame.head(max_rows)
        self.checkboxes: list[w.Checkbox] = []
        self._rows: list[list[w.HTML]] = []
        cols = list(self.shown.columns)
        cells: list[w.Widget] = [w.HTML("<b>reveal</b>")] + [
            w.HTML(f"<b>{html.escape(str(c))}</b>{' *' if c in self.pii else ''}") for c in cols
        ]
        for i in range(len(self.shown)):
            box = w.Checkbox(value=False, indent=False, layout=w.Layout(width="auto"))
            box.observe(functools.partial(self._toggle, i), names="value")
            row = [w.HTML(html.escape(self.text(i, c))) for c in cols]
            self.checkboxes.append(box)
            self._rows.append(row)
            cells.extend([box, *row])
        grid = w.GridBox(
            cells,
            layout=w.Layout(
                grid_template_columns=f"60px repeat({len(cols)}, minmax(80px, auto))",
                grid_gap="2px 12px",
                overflow="auto",
            ),
        )
        parts: list[w.Widget] = []
        if title:
            parts.append(w.HTML(f"<h4>{html.escape(title)}</h4>"))
        parts.append(grid)
        if len(self.frame) > len(self.shown):
            parts.append(w.HTML(f"<i>{len(self.frame) - len(self.shown)} more rows not shown</i>"))
        if self.pii:
            parts.append(w.HTML("<small>* personal data, masked; tick reveal to show a row</small>"))
        super().__init__(parts)

    @property
    def revealed(self) -> frozenset[int]:
        """Rows whose raw values are on screen now."""
        return frozenset(i for i, box in enumerate(self.checkboxes) if box.value)

    def text(self, row: int, column: str) -> str:
        """What the table shows for one cell right now (masked unless the row is revealed)."""
        value = _cell(self.shown.iloc[row][column])
        if column in self.pii and not (row < len(self.checkboxes) and self.checkboxes[row].value):
            return mask(value, self.pii[column]) if value else ""
        return value

    def reveal(self, row: int, on: bool = True) -> None:
        """Tick (or untick) the reveal box of ``row``."""
        self.checkboxes[row].value = on

    def _toggle(self, row: int, _change: object) -> None:
        for cell, column in zip(self._rows[row], self.shown.columns, strict=True):
            cell.value = html.escape(self.text(row, column))

    def masked_frame(self) -> pd.DataFrame:
        """The whole frame with every personal column masked (safe to store or export)."""
        out = self.frame.copy()
        for column, entity in self.pii.items():
            out[column] = [mask(_cell(v), entity) if _cell(v) else "" for v in out[column]]
        return out


def find_samples(start: str | Path | None = None) -> Path:
    """Return the ``data_samples`` folder: at or above ``start`` (default: the working directory)."""
    env = os.environ.get("PRIVACY_AUDIT_SAMPLES")
    if env:
        path = Path(env)
        if (path / "datamap.yaml").is_file():
            return path.resolve()
        raise InputError(f"PRIVACY_AUDIT_SAMPLES={env} holds no datamap.yaml")
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "data_samples"
        if (candidate / "datamap.yaml").is_file():
            return candidate
    raise InputError(f"no data_samples/datamap.yaml found at or above {here}")


#: temporary copies of the estate are named ``privacy-audit-<pid>-*`` in the system temp folder
COPY_PREFIX = "privacy-audit-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive, not ours to judge
        return True
    return True


def sweep_stale_copies(folder: str | Path | None = None) -> list[Path]:
    """Remove the estate copies left by processes that are gone (a kernel killed before its exit hooks ran).

    Only folders named ``privacy-audit-<pid>-...`` whose process no longer exists are removed, so a
    copy another live notebook is using stays. Returns what was removed.
    """
    removed = []
    root = Path(folder or tempfile.gettempdir())
    for path in root.glob(f"{COPY_PREFIX}*"):
        parts = path.name[len(COPY_PREFIX):].split("-", 1)
        if not path.is_dir() or not parts[0].isdigit() or int(parts[0]) == os.getpid() or _alive(int(parts[0])):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def working_copy(samples: str | Path | None = None, dest: str | Path | None = None) -> Path:
    """Copy the sample estate into a new temporary folder (or ``dest``) and return the copy.

    Notebooks that change data (erasure, rectification, restriction, the export's audit log) work on
    this copy, so the committed files never change. A temporary folder made here holds personal data
    (the estate, its plaintext backup included), so it does not outlive the work: it is removed when
    the Python process (the notebook's kernel) exits, at once when the copy fails, and, for a kernel
    that was killed before its exit hooks ran, by the next call (:func:`sweep_stale_copies`).
    """
    source = Path(samples) if samples else find_samples()
    if dest is None:
        sweep_stale_copies()
        tmp = tempfile.mkdtemp(prefix=f"{COPY_PREFIX}{os.getpid()}-")
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        dest = Path(tmp) / source.name
    else:
        tmp = None
    dest = Path(dest)
    if dest.exists():
        raise InputError(f"{dest} already exists; pick an empty destination")
    try:
        shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    except OSError as exc:
        shutil.rmtree(tmp if tmp else dest, ignore_errors=True)
        raise InputError(f"cannot copy {source} ({exc.strerror or type(exc).__name__}); nothing was kept") from None
    return dest


def file_link(path: str | Path, label: str | None = None) -> str:
    """HTML anchor to a file, relative to the working directory when possible (JupyterLab serves it)."""
    path = Path(path)
    try:
        href = os.path.relpath(path.resolve(), Path.cwd().resolve())
    except ValueError:  # another drive (Windows)
        href = str(path.resolve())
    href = Path(href).as_posix()
    text = html.escape(label or path.name)
    return f'<a class="pa-download" href="{html.escape(href)}" download="{html.escape(path.name)}" target="_blank">{text}</a>'


class SubjectInput(w.HBox):
    """Identifier of a data subject: kind, value, and an optional second ``KIND=VALUE`` to narrow down."""

    def __init__(self, kind: str = "email", value: str = "") -> None:
        from ..subjects import SUBJECT_KINDS

        self.kind = w.Dropdown(options=list(SUBJECT_KINDS), value=kind, description="identifier")
        self.kind.add_class("pa-subject-kind")
        self.identifier = w.Text(value=value, placeholder="e.g. someone@example.com", layout=w.Layout(width="320px"))
        self.identifier.add_class("pa-subject-id")
        self.extra = w.Text(value="", description="and", placeholder="optional KIND=VALUE to narrow down")
        super().__init__([self.kind, self.identifier, self.extra])

    def pairs(self) -> list[tuple[str, str]]:
        """The ``(kind, value)`` identifiers entered; InputError when none is."""
        from ..subjects import parse_subject_arg

        value = self.identifier.value.strip()
        if not value:
            raise InputError("enter an identifier of the data subject")
        pairs = [(self.kind.value, value)]
        if self.extra.value.strip():
            pairs.append(parse_subject_arg(self.extra.value.strip()))
        return pairs
