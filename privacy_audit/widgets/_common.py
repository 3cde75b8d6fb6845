"""Shared pieces of the notebook widgets: error banner, progress bar, masked table, sample paths.

Every widget in :mod:`privacy_audit.widgets` is built from these, so they all behave alike:

* :class:`ErrorBanner` shows a :class:`~privacy_audit.errors.PrivacyAuditError` as one readable line
  (never a traceback); :func:`guarded` wires it around a button callback.
* :class:`Progress` is an ``IntProgress`` bar with a label, advanced step by step by the widget.
* :class:`MaskedTable` shows a DataFrame with personal values masked (:func:`privacy_audit.masking.mask`)
  and one "reveal" checkbox per row; only ticked rows show their raw values, and only on screen.
* :func:`find_samples`, :func:`working_copy` and :func:`file_link` help notebooks find
  ``data_samples/``, work on a temporary copy of it, and offer a download link.
* :func:`grid` shows a table as a sortable, searchable grid (itables, offline) with severity
  colours; :func:`plain` turns Python values into words for the screen.
* :class:`SubjectCard` shows who a rights request is about (masked), before anything irreversible.

Colours are JupyterLab's theme variables (``var(--jp-...)``), so light and dark themes both read.
A widget that defines ``clear_results()`` gets it called by :func:`guarded` when an action fails,
so nothing of an earlier run stays on screen under an error.
"""

from __future__ import annotations

import atexit
import functools
import html
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd

from ..entities import entity_for_kind
from ..errors import InputError, PrivacyAuditError
from ..identifiers import singular
from ..masking import mask
from ..subjects import SUBJECT_KINDS, Subject, parse_subject_arg

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
    "SubjectCard",
    "grid",
    "plain",
    "plain_frame",
    "plain_message",
    "show_links",
    "SEVERITY_COLORS",
    "subject_lines",
    "screen_text",
    "wide",
    "discard",
]

# JupyterLab's theme variables (with fallbacks outside JupyterLab): readable in light and dark themes
_BANNER_STYLE = (
    "padding:6px 10px;margin:4px 0;border-left:5px solid {color};background:var(--jp-layout-color2,#eeeeee);"
    "color:var(--jp-ui-font-color0,#000);font-family:var(--jp-ui-font-family,sans-serif);"
    "font-size:var(--jp-ui-font-size1,13px);white-space:normal;overflow-wrap:anywhere;line-height:1.4"
)
_ERROR = "var(--jp-error-color1,#d32f2f)"
_OK = "var(--jp-success-color1,#388e3c)"
SEVERITY_COLORS = {
    "critical": "var(--jp-error-color0,#b71c1c)",
    "high": "var(--jp-error-color1,#d32f2f)",
    "medium": "var(--jp-warn-color1,#f57c00)",
    "low": "var(--jp-info-color1,#0097a7)",
    "info": "var(--jp-ui-font-color2,#757575)",
    "fails": "var(--jp-error-color1,#d32f2f)",
    "holds": "var(--jp-success-color1,#388e3c)",
    "needs manual evidence": "var(--jp-warn-color1,#f57c00)",
    "not testable here": "var(--jp-ui-font-color2,#757575)",
}
# words for the few status values that would otherwise reach the screen as identifiers
_WORDS = {
    "needs_manual_evidence": "needs manual evidence",
    "not_testable": "not testable here",
    "crypto_shred": "crypto-shred (key destroyed)",
    "delete_row": "delete rows",
    "mask_columns": "mask columns",
    "redact_spans": "redact text",
    "in_progress": "in progress",
    # a request's steps, as the requests desk records them in the audit log
    "request-new": "recorded",
    "request-verify": "identity checked",
    "request-progress": "served",
    "request-extend": "deadline extended",
    "request-close": "closed",
    "request-notify": "processor notified",
    "request-receipt": "processor's receipt recorded",
}


def discard(*widgets: w.Widget) -> None:
    """Close widgets (and everything inside them) that leave the screen: a closed widget is gone
    from the kernel and the page, so a notebook saved with widget state does not keep it."""
    for widget in widgets:
        for child in getattr(widget, "children", ()) or ():
            discard(child)
        if isinstance(widget, w.Widget):
            widget.close()


def wide() -> w.Layout:
    """A button layout as wide as its label needs (never cut), at least the usual button width."""
    return w.Layout(width="auto", min_width="148px")


class ErrorBanner(w.HTML):
    """One line that tells the user what went wrong (or right); empty when there is nothing to say."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(value="", **kwargs)
        self.message: str = ""
        self.kind: str = ""

    def _set(self, kind: str, text: str, color: str) -> None:
        self.message = " ".join(str(text).split())
        self.kind = kind
        style = _BANNER_STYLE.format(color=color)
        self.value = f'<div class="pa-banner pa-{kind}" style="{style}">{html.escape(self.message)}</div>'

    def error(self, text: str) -> None:
        """Show ``text`` as an error (red bar; the text wraps, never cut)."""
        self._set("error", f"error: {plain_message(text)}", _ERROR)

    def info(self, text: str) -> None:
        """Show ``text`` as a status line (green bar)."""
        self._set("info", text, _OK)

    def clear(self) -> None:
        """Hide the banner."""
        self.message, self.kind, self.value = "", "", ""


def plain_message(text: str) -> str:
    """An error message in words for the screen: a CLI option prefix (``--as-of: ...``) becomes
    the field's name (``as of: ...``), and status identifiers become words."""
    text = re.sub(r"(?<![\w-])--([a-z][a-z-]*)", lambda m: m.group(1).replace("-", " "), str(text))
    for raw, words in _WORDS.items():
        text = text.replace(raw, words)
    return text


def guarded(method: Callable[..., Any] | None = None, *, keep: bool = False) -> Any:
    """Decorate a widget method so a PrivacyAuditError lands in ``self.banner`` as one red line.

    On failure the widget's ``clear_results()`` (when it has one) removes every result of an
    earlier run from the screen, so an error never stands under someone else's results; ``keep=True``
    is for actions that refuse before doing anything (e.g. Apply without a plan) and leave the plan.
    Unexpected exceptions are programming errors: the banner names the type only (the message could
    quote a personal value, and ipywidgets would log it), and the exception is kept in memory on
    ``self.last_exception`` for whoever debugs it. Either way the method returns ``None``.
    """

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            banner: ErrorBanner = self.banner
            banner.clear()
            self.last_exception = None
            try:
                return func(self, *args, **kwargs)
            except PrivacyAuditError as exc:
                self.last_exception = exc
                _failed(self, keep)
                banner.error(str(exc))
                return None
            except Exception as exc:  # noqa: BLE001 - a widget must not die with a traceback
                self.last_exception = exc
                _failed(self, keep)
                banner.error(f"unexpected {type(exc).__name__} (a bug: please report it)")
                return None
            finally:
                progress = getattr(self, "progress", None)
                if isinstance(progress, Progress):
                    progress.finish(failed=self.last_exception is not None)

        return wrapper

    return decorate(method) if method is not None else decorate


def _failed(widget: Any, keep: bool) -> None:
    clear = getattr(widget, "clear_results", None)
    if callable(clear) and not keep:
        try:
            clear()
        except Exception:  # noqa: BLE001 - the error itself must still be shown
            pass


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

    def at(self, fraction: float, text: str = "") -> None:
        """Move the bar to ``fraction`` (0..1) of the way (for work reported in phases)."""
        self.bar.value = min(self.bar.max, max(self.bar.value, round(fraction * self.bar.max)))
        if text:
            self.label.value = text

    def finish(self, text: str | None = None, *, failed: bool = False) -> None:
        """Fill the bar (red, and shown, when the work failed); keep it visible with a final label."""
        if failed:
            self.bar.bar_style = "danger"
            self.label.value = "failed"
            self.layout.visibility = "visible"
            return
        if self.layout.visibility == "hidden":
            return
        self.bar.value = self.bar.max
        self.bar.bar_style = "success"
        if text is not None:
            self.label.value = text

    def reset(self) -> None:
        """Hide the bar again (a new action starts from nothing)."""
        self.bar.value = 0
        self.bar.bar_style = ""
        self.label.value = ""
        self.layout.visibility = "hidden"


def plain(value: object) -> str:
    """A value as words for the screen: no ``NaN``, ``<NA>``, ``None``, ``PosixPath(...)`` or
    ``['a', 'b']``; paths as paths, collections joined with commas, booleans as yes/no, and
    status identifiers (``needs_manual_evidence``) as words."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and pd.isna(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(plain(v) for v in items if plain(v))
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {plain(v)}" for k, v in value.items())
    text = str(value)
    return _WORDS.get(text, text)


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as words for a notebook's output: every value through :func:`plain` (no ``NaN``,
    ``True``, ``in_progress``) and column names with spaces instead of underscores."""
    return pd.DataFrame(
        {str(c).replace("_", " "): [plain(v) for v in frame[c]] for c in frame.columns}, index=frame.index
    )


def _cell(value: object) -> str:
    return plain(value)


def _rounded(value: object) -> object:
    """A share or risk as people read it: three decimals (0.091, not 0.09090909090909091)."""
    if isinstance(value, float | np.floating) and not pd.isna(value) and not float(value).is_integer():
        return round(float(value), 3)
    return value


def html_table(frame: pd.DataFrame, *, max_rows: int = 200) -> str:
    """Render a DataFrame of already safe (masked or non-personal) values as a small HTML table."""
    shown = frame.head(max_rows)
    pad = ' style="padding:2px 10px 2px 0;text-align:left;vertical-align:top"'  # columns apart, never run together
    head = "".join(f"<th{pad}>{html.escape(str(c).replace('_', ' '))}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td{pad}>{html.escape(_cell(_rounded(v)))}</td>" for v in row) + "</tr>"
        for row in shown.itertuples(index=False, name=None)
    )
    more = f"<p>... {len(frame) - max_rows} more rows</p>" if len(frame) > max_rows else ""
    return (
        '<table class="pa-table" style="border-collapse:collapse;font-size:12px;color:var(--jp-ui-font-color1,#222)">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
    )


class MaskedTable(w.VBox):
    """A table whose personal columns are masked unless the user picks rows to reveal.

    ``pii`` maps column name -> entity (``None`` means personal, kind unknown). Columns not in ``pii``
    are shown as they are. ``max_rows`` bounds the rows drawn. The table is one HTML widget, with one
    list of the rows to reveal: a widget per cell made a preview of a few tables thousands of widget
    messages, more than the kernel's message queue keeps on a loaded machine (updates were lost and
    the page waited for them forever).
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        pii: Mapping[str, str | None],
        *,
        max_rows: int = 50,
        title: str = "",
        scrub: Callable[[str], str] | None = None,
    ) -> None:
        self.frame = frame.reset_index(drop=True)
        self.pii = {c: e for c, e in pii.items() if c in self.frame.columns}
        self.scrub = scrub  # masks known personal values inside the other (undeclared) columns
        self.shown = self.frame.head(max_rows)
        self.reveal_rows = w.SelectMultiple(
            options=[(f"row {i + 1}", i) for i in range(len(self.shown))],
            value=(),
            description="reveal",
            rows=min(max(len(self.shown), 1), 6),
            layout=w.Layout(width="160px"),
        )
        self.reveal_rows.add_class("pa-reveal-rows")
        self.view = w.HTML(self._html())
        self.view.add_class("pa-masked-table")
        self.reveal_rows.observe(self._redraw, names="value")
        parts: list[w.Widget] = []
        if title:
            parts.append(w.HTML(f"<h4>{html.escape(title)}</h4>"))
        parts.append(w.HBox([self.reveal_rows, self.view]) if len(self.shown) else self.view)
        if len(self.frame) > len(self.shown):
            parts.append(w.HTML(f"<i>{len(self.frame) - len(self.shown)} more rows not shown</i>"))
        if self.pii:
            parts.append(w.HTML("<small>* personal data, masked; pick rows under reveal to show them</small>"))
        super().__init__(parts)

    @property
    def revealed(self) -> frozenset[int]:
        """Rows whose raw values are on screen now."""
        return frozenset(self.reveal_rows.value)

    def text(self, row: int, column: str) -> str:
        """What the table shows for one cell right now (masked unless the row is revealed)."""
        value = _cell(self.shown.iloc[row][column])
        revealed = row in self.reveal_rows.value
        if column in self.pii and not revealed:
            return mask(value, self.pii[column]) if value else ""
        if self.scrub is not None and value and not revealed:
            return self.scrub(value)
        return value

    def reveal(self, row: int, on: bool = True) -> None:
        """Reveal (or mask again) the values of ``row``."""
        if not 0 <= row < len(self.shown):
            raise IndexError(f"row {row} is not drawn (0 to {len(self.shown) - 1})")
        rows = set(self.reveal_rows.value)
        rows = rows | {row} if on else rows - {row}
        self.reveal_rows.value = tuple(sorted(rows))

    def _redraw(self, _change: object = None) -> None:
        self.view.value = self._html()

    def _html(self) -> str:
        cols = list(self.shown.columns)
        head = "<th>row</th>" + "".join(f"<th>{html.escape(str(c))}{' *' if c in self.pii else ''}</th>" for c in cols)
        body = "".join(
            "<tr>" + f"<td>{i + 1}</td>" + "".join(f"<td>{html.escape(self.text(i, c))}</td>" for c in cols) + "</tr>"
            for i in range(len(self.shown))
        )
        return (
            "<div style='overflow:auto;max-width:100%'><table style='border-collapse:collapse' cellpadding='3'>"
            f"<thead><tr style='text-align:left'>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        )

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


def file_link(path: str | Path, label: str | None = None, *, download: bool = True) -> str:
    """HTML anchor to a file, relative to the working directory (the notebook's folder).

    Show it through an ``Output`` (:func:`show_links`), not an ``HTML`` widget: JupyterLab rewrites
    relative links in outputs to the server's ``/files/...`` URL of the file. ``download=True``
    saves the file; ``download=False`` opens it (an HTML report opens in a JupyterLab tab).
    """
    path = Path(path)
    try:
        href = os.path.relpath(path.resolve(), Path.cwd().resolve())
    except ValueError:  # another drive (Windows)
        href = str(path.resolve())
    href = Path(href).as_posix()
    text = html.escape(label or path.name)
    how = f' download="{html.escape(path.name)}"' if download else ""
    cls = "pa-download" if download else "pa-open"
    return f'<a class="{cls}" href="{html.escape(href)}"{how} target="_blank">{text}</a>'


def show_links(output: w.Output, text: str) -> None:
    """Replace what ``output`` shows with ``text`` (HTML holding :func:`file_link` anchors)."""
    from IPython.display import HTML

    output.outputs = ()  # state sync, ordered with the append below (clear_output is not)
    if text:
        output.append_display_data(HTML(text))


def grid(frame: pd.DataFrame, *, caption: str | None = None, page: int = 10) -> w.Widget:
    """A sortable, searchable grid of ``frame`` (already safe: masked or non-personal values).

    Built on itables' widget, whose DataTables code ships inside the package (works offline).
    Values are shown in words (:func:`plain`); a ``severity`` or ``status`` column is coloured
    with the theme's colours.
    """
    from itables.widget import ITable  # optional heavy front-end dependency: loaded on first grid

    shown = pd.DataFrame({str(c): [_grid_cell(str(c), v) for v in frame[c]] for c in frame.columns})
    if shown.empty and not len(shown.columns):
        shown = pd.DataFrame({"": []})
    table = ITable(
        shown,
        caption=caption,
        allow_html=True,
        classes="display compact cell-border",
        pageLength=page,
        lengthMenu=[page, 25, 50, 100, -1],
        showIndex=False,
        maxBytes=0,
        style="table-layout:auto;width:100%;margin:0;caption-side:top",
    )
    table.add_class("pa-grid")
    table.layout = w.Layout(max_width="100%", overflow="auto")  # a wide table scrolls sideways, never cut
    return table


def _grid_cell(column: str, value: object) -> str:
    text = html.escape(plain(value))
    if column in ("severity", "status", "worst") and text in SEVERITY_COLORS:
        color = SEVERITY_COLORS[text]
        return (
            f'<span class="pa-sev" style="border-left:4px solid {color};padding-left:4px;'
            f'color:{color};font-weight:600">{text}</span>'
        )
    return text


class SubjectInput(w.HBox):
    """Identifier of a data subject: kind, value, and an optional second ``KIND=VALUE`` to narrow down.

    Enter in either box calls the ``on_submit`` callbacks (the widget's main action). When the
    person changes anything, the ``on_change`` callbacks run (the widget clears its results).
    After a subject is resolved, :meth:`forget` empties the boxes: the raw identifier stays in the
    kernel's memory only, so a saved notebook's widget state does not hold it.
    """

    def __init__(self, kind: str = "email", value: str = "") -> None:
        self.kind = w.Dropdown(options=list(SUBJECT_KINDS), value=kind, description="identifier")
        self.kind.add_class("pa-subject-kind")
        self.identifier = w.Text(value=value, placeholder="e.g. someone@example.com", layout=w.Layout(width="320px"))
        self.identifier.add_class("pa-subject-id")
        self.extra = w.Text(value="", description="and", placeholder="optional KIND=VALUE to narrow down")
        self._remembered: list[tuple[str, str]] | None = None
        self._quiet = False
        self._changed: list[Callable[[], Any]] = []
        self._submitted: list[Callable[[], Any]] = []
        for box in (self.kind, self.identifier, self.extra):
            box.observe(self._on_change, names="value")
        with warnings.catch_warnings():  # Enter has no other hook in ipywidgets 8 (on_submit still works)
            warnings.simplefilter("ignore", DeprecationWarning)
            for box in (self.identifier, self.extra):
                box.on_submit(lambda _box: [f() for f in self._submitted])
        super().__init__([self.kind, self.identifier, self.extra])

    def on_change(self, callback: Callable[[], Any]) -> None:
        """Call ``callback()`` whenever the person edits the identifier."""
        self._changed.append(callback)

    def on_submit(self, callback: Callable[[], Any]) -> None:
        """Call ``callback()`` when the person presses Enter in the identifier boxes."""
        self._submitted.append(callback)

    def _on_change(self, _change: object) -> None:
        if self._quiet:
            return
        self._remembered = None
        for callback in self._changed:
            callback()

    def pairs(self) -> list[tuple[str, str]]:
        """The ``(kind, value)`` identifiers entered (or remembered); InputError when none is."""
        value = self.identifier.value.strip()
        if not value and self._remembered:
            return list(self._remembered)
        if not value:
            raise InputError("enter an identifier of the data subject")
        pairs = [(self.kind.value, value)]
        if self.extra.value.strip():
            pairs.append(parse_subject_arg(self.extra.value.strip()))
        return pairs

    def forget(self, shown_as: str = "") -> None:
        """Empty the boxes (the pairs are remembered in memory for the next action on this subject)."""
        pairs = self.pairs()
        self._quiet = True
        try:
            self.identifier.value = ""
            self.extra.value = ""
            self.identifier.placeholder = f"resolved: {shown_as}" if shown_as else "e.g. someone@example.com"
        finally:
            self._quiet = False
        self._remembered = pairs

    def reset(self) -> None:
        """Forget the remembered subject too."""
        self._remembered = None
        self.identifier.placeholder = "e.g. someone@example.com"


def subject_lines(subject: Subject) -> list[tuple[str, str]]:
    """What identifies a subject, masked: (label, masked values) for names, e-mails, tokens, phones."""
    out = []
    for plural, label in (("names", "name"), ("emails", "e-mail"), ("tokens", "token"), ("phones", "phone")):
        values = sorted(subject.ids(plural))
        if not values:
            continue
        entity = entity_for_kind(singular(plural))
        shown = [mask(v, entity) if entity else mask(v, None) for v in values[:3]]
        more = f" (+{len(values) - 3} more)" if len(values) > 3 else ""
        out.append((label, ", ".join(shown) + more))
    return out


class SubjectCard(w.HTML):
    """Who a request is about, masked: name, e-mail, token, and the datasets the subject is found in.

    Shown above every export, erasure, rectification and restriction, so the person checks whom
    they are about to act on; ``.label`` (masked) names the subject in the confirmation box.
    """

    def __init__(self) -> None:
        super().__init__(value="")
        self.add_class("pa-subject-card")
        self.label = ""

    def show(self, subject: Subject, datasets: Sequence[str] | None = None) -> None:
        """Show ``subject`` (masked); ``datasets``: where their data was found."""
        lines = subject_lines(subject)
        if not subject.found:
            self.label = ""
            body = "<b>No data subject matches this identifier.</b>"
        else:
            first = dict(lines)
            self.label = " / ".join(v.split(",")[0] for k, v in first.items() if k in ("name", "e-mail", "token"))
            body = "".join(
                f"<tr><th style='text-align:left;padding-right:1em;font-weight:600'>{html.escape(k)}</th>"
                f"<td><code>{html.escape(v)}</code></td></tr>"
                for k, v in [*lines, ("reference", subject.ref[:24])]
            )
            if datasets is not None:
                where = ", ".join(datasets) if datasets else "no dataset"
                body += (
                    "<tr><th style='text-align:left;padding-right:1em;font-weight:600'>found in</th>"
                    f"<td>{html.escape(where)}</td></tr>"
                )
            body = f"<table>{body}</table>"
        self.value = (
            '<div class="pa-card" style="border:1px solid var(--jp-border-color1,#bdbdbd);border-radius:4px;'
            "padding:6px 10px;margin:4px 0;background:var(--jp-layout-color1,#fff);"
            'color:var(--jp-ui-font-color0,#000)"><div style="font-weight:600;margin-bottom:4px">'
            f"Data subject</div>{body}</div>"
        )

    def clear(self) -> None:
        """Show nothing (no subject resolved)."""
        self.value, self.label = "", ""


def screen_text(widget: w.Widget) -> str:
    """Everything a widget tree shows as text: HTML and label values, grid cells, tab and panel
    titles, and Output areas (what a test checks for leaked values or stale results)."""
    parts: list[str] = []
    value = getattr(widget, "value", None)
    if isinstance(value, str) and not isinstance(widget, w.Text | w.Textarea | w.Password):
        parts.append(value)
    if isinstance(widget, w.Output):
        for out in widget.outputs:
            data = out.get("data", {})
            parts.append(str(data.get("text/html", data.get("text/plain", ""))) + str(out.get("text", "")))
    frame = getattr(widget, "df", None)
    if isinstance(frame, pd.DataFrame):
        parts.append(frame.to_csv(index=False))
    if isinstance(widget, w.Checkbox | w.Button):
        parts.append(widget.description)
    titles = getattr(widget, "titles", None)
    if titles:
        parts.extend(str(t) for t in titles if t)
    for child in getattr(widget, "children", ()) or ():
        parts.append(screen_text(child))
    return " ".join(p for p in parts if p)
