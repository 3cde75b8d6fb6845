"""Render a :class:`~privacy_audit.compliance.ComplianceReport` as HTML, JSON and PDF.

* :func:`render_html` -- one self-contained page (inline CSS, inline SVG charts, no scripts, no
  external URLs), from the Jinja2 template ``templates/compliance.html.j2``;
* :func:`render_json` -- the same content as data (``ComplianceReport.to_dict``);
* :func:`print_pdf` -- the HTML printed to PDF by headless Chromium (when it is installed);
* :func:`write_report` -- all three into a folder, each written atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from jinja2 import Template

from ..access import neutralise_cell
from ..compliance import ComplianceReport
from ..errors import InputError
from ..sources import atomic_write_bytes
from .charts import all_charts
from .templating import template

__all__ = [
    "HTML_NAME",
    "JSON_NAME",
    "PDF_NAME",
    "CHROMIUM",
    "ReportFiles",
    "render_html",
    "render_json",
    "find_chromium",
    "print_pdf",
    "write_report",
    "FINDINGS_CSV",
    "FINDINGS_XLSX",
    "findings_csv",
    "findings_xlsx",
    "has_xlsx",
]

FINDINGS_CSV = "findings.csv"
FINDINGS_XLSX = "findings.xlsx"
HTML_NAME = "compliance_report.html"
JSON_NAME = "compliance_report.json"
PDF_NAME = "compliance_report.pdf"
CHROMIUM = "/usr/bin/chromium"
STATUS_LABELS = {
    "fails": "fails",
    "holds": "holds",
    "needs_manual_evidence": "needs manual evidence",
    "not_testable": "not testable here",
}

# what the template shows when a report (e.g. one built by hand with build_report) lacks a field
_REPRO_DEFAULTS: dict = {
    "tool": "privacy-audit", "tool_version": "?", "python": "?", "pandas": "?", "presidio_analyzer": "?",
    "spacy_model": "?", "datamap": "?", "datamap_sha256": "?", "policy": "?", "policy_sha256": "?",
    "controls_sha256": "?", "checks_run": [], "as_of": "?", "started_at": "?", "run_seconds": None,
    "scan": {"enabled": False, "sample": None, "full": False, "seed": 0},
}  # fmt: skip


@dataclass(frozen=True)
class ReportFiles:
    """The files :func:`write_report` wrote; ``pdf`` is None when no PDF was made (``note`` says why).

    ``findings_csv`` and ``findings_xlsx`` are the findings as a table (owner, due date, status per
    finding); ``findings_xlsx`` is None when openpyxl is not installed.
    """

    html: Path
    json: Path
    pdf: Path | None
    note: str = ""
    findings_csv: Path | None = None
    findings_xlsx: Path | None = None

    def to_dict(self) -> dict:
        def opt(path: Path | None) -> str | None:
            return str(path) if path else None

        return {"html": str(self.html), "json": str(self.json), "pdf": opt(self.pdf), "note": self.note,
                "findings_csv": opt(self.findings_csv), "findings_xlsx": opt(self.findings_xlsx)}  # fmt: skip


def _fmt_measure(x: object) -> str:
    """A before/after figure: whole numbers as such, shares and risks with three decimals."""
    if x is None:
        return "—"
    if isinstance(x, float) and not x.is_integer():
        return f"{x:.3f}"
    return f"{int(x):,}" if isinstance(x, int | float) else str(x)


@lru_cache(maxsize=1)
def _page() -> Template:
    """The report's template, with its filter, made once per process (not an environment per render)."""
    return template("compliance.html.j2", fmt_measure=_fmt_measure)


def render_html(report: ComplianceReport, *, charts: dict[str, str] | None = None) -> str:
    """The report as one self-contained HTML page."""
    charts = charts if charts is not None else all_charts(report)
    page = _page()
    repro = {**_REPRO_DEFAULTS, **report.reproducibility}
    repro["scan"] = {**_REPRO_DEFAULTS["scan"], **(repro.get("scan") or {})}
    return page.render(r=report, repro=repro, charts=charts, status_label=STATUS_LABELS, xlsx=has_xlsx())


def has_xlsx() -> bool:
    """True when openpyxl is installed, so the findings can be written as XLSX too."""
    import importlib.util

    return importlib.util.find_spec("openpyxl") is not None


def _safe_frame(report: ComplianceReport):
    frame = report.findings_frame()
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].map(neutralise_cell, na_action="ignore")
    return frame


def findings_csv(report: ComplianceReport) -> bytes:
    """The findings as CSV (UTF-8 with BOM for spreadsheets; formula-like cells neutralised)."""
    return _safe_frame(report).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def findings_xlsx(report: ComplianceReport) -> bytes:
    """The findings as an XLSX workbook (one sheet, header frozen, filters on); needs openpyxl."""
    import io

    buf = io.BytesIO()
    frame = _safe_frame(report)
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        frame.to_excel(xw, index=False, sheet_name="findings")
        sheet = xw.sheets["findings"]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    return buf.getvalue()


def render_json(report: ComplianceReport) -> str:
    """The report as indented JSON (UTF-8 text, stable key order)."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n"


def find_chromium() -> str | None:
    """The headless Chromium to print with: /usr/bin/chromium if present, else None."""
    return CHROMIUM if os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK) else None


def print_pdf(
    html_path: str | Path, pdf_path: str | Path, *, chromium: str | None = None, timeout: float = 120
) -> None:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium, atomically (temp file, then rename).

    Raises InputError (one line) when Chromium is missing, fails or times out; ``pdf_path`` is then
    left as it was.
    """
    chromium = chromium or find_chromium()
    if not chromium:
        raise InputError("headless Chromium not found at /usr/bin/chromium")
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path)
    fd, tmp = tempfile.mkstemp(prefix=f".{pdf_path.name}.", suffix=".tmp", dir=pdf_path.parent)
    os.close(fd)
    profile = tempfile.mkdtemp(prefix="privacy-audit-chromium-")
    cmd = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--no-first-run", "--disable-sync", "--disable-component-update", f"--user-data-dir={profile}",
        f"--print-to-pdf={tmp}", "--no-pdf-header-footer", html_path.as_uri(),
    ]  # fmt: skip
    try:
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(f"Chromium did not print the PDF within {timeout:.0f} s") from None
        except OSError as exc:
            raise InputError(f"cannot run Chromium: {exc.strerror or exc}") from None
        if proc.returncode != 0 or os.path.getsize(tmp) == 0:
            raise InputError(f"Chromium could not print the PDF (exit code {proc.returncode})")
        with open(tmp, "rb") as fh:
            if fh.read(5) != b"%PDF-":
                raise InputError("Chromium wrote something that is not a PDF")
            os.fsync(fh.fileno())
        os.replace(tmp, pdf_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
        shutil.rmtree(profile, ignore_errors=True)


def write_report(report: ComplianceReport, out_dir: str | Path, *, pdf: bool = True) -> ReportFiles:
    """Write compliance_report.html, .json and (when ``pdf`` and Chromium exists) .pdf into ``out_dir``.

    HTML and JSON are rendered in full before anything is written, and each file is written
    atomically. A PDF that cannot be printed is skipped with a one-line ``note``.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    html = render_html(report).encode("utf-8")
    data = render_json(report).encode("utf-8")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    html_path, json_path = out / HTML_NAME, out / JSON_NAME
    csv_data = findings_csv(report)
    xlsx_data = findings_xlsx(report) if has_xlsx() else None
    atomic_write_bytes(json_path, data)
    atomic_write_bytes(out / FINDINGS_CSV, csv_data)
    if xlsx_data is not None:
        atomic_write_bytes(out / FINDINGS_XLSX, xlsx_data)
    atomic_write_bytes(html_path, html)
    tables = {
        "findings_csv": out / FINDINGS_CSV,
        "findings_xlsx": out / FINDINGS_XLSX if xlsx_data is not None else None,
    }
    if not pdf:
        return ReportFiles(html_path, json_path, None, "PDF not requested", **tables)
    if not find_chromium():
        return ReportFiles(html_path, json_path, None, "PDF skipped: headless Chromium not found at /usr/bin/chromium",
                           **tables)  # fmt: skip
    pdf_path = out / PDF_NAME
    try:
        print_pdf(html_path, pdf_path)
    except InputError as exc:
        return ReportFiles(html_path, json_path, None, f"PDF skipped: {exc}", **tables)
    return ReportFiles(html_path, json_path, pdf_path, "", **tables)
