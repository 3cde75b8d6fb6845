"""Notebook 06: build the compliance report -- the same calls as ``privacy-audit report``.

``ReportWidget(datamap=..., out_dir=...)``: ``.run_button`` builds the report with
:func:`privacy_audit.report.compliance.compliance_report` and writes HTML, JSON and (when ``.pdf``
is ticked and Chromium exists) PDF with :func:`privacy_audit.report.render.write_report`;
``.result`` is the :class:`~privacy_audit.report.compliance.ComplianceReport`, ``.files`` the
:class:`~privacy_audit.report.render.ReportFiles`; the summary, the clause table (filterable by
status) and the worst findings are shown, with download links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from ..scan import SCAN_SAMPLE
from ._common import ErrorBanner, Progress, file_link, find_samples, grid, guarded, plain, show_links, wide

__all__ = ["ReportWidget", "summary_frame"]


def summary_frame(report: Any) -> pd.DataFrame:
    """The report's headline figures as a two-column table (what, count)."""
    s = report.summary
    rows = []
    for key, value in s.items():
        if isinstance(value, dict):
            rows.extend((f"{key}: {k}", v) for k, v in value.items() if not isinstance(v, dict | list))
        elif not isinstance(value, list):
            rows.append((key, value))
    return pd.DataFrame(rows, columns=["what", "value"])


class ReportWidget(w.VBox):
    """Build the compliance report, show its headline figures and clause table, link the files."""

    def __init__(
        self,
        datamap: str | Path | None = None,
        *,
        out_dir: str | Path | None = None,
        pdf: bool = False,
        sample: int = SCAN_SAMPLE,
    ) -> None:
        path = Path(datamap) if datamap else find_samples() / "datamap.yaml"
        self.result: Any = None
        self.files: Any = None
        self.last_exception: BaseException | None = None
        self.path = w.Text(value=str(path), description="data map", layout=w.Layout(width="60%"))
        self.out_dir = w.Text(value=str(Path(out_dir) if out_dir else find_samples().parent / "reports"),
                              description="write to", layout=w.Layout(width="60%"))  # fmt: skip
        self.as_of = w.Text(value="", description="as of", placeholder="YYYY-MM-DD (default: map)")
        self.sample = w.BoundedIntText(value=sample, min=1, max=10_000_000, description="scan rows",
                                       style={"description_width": "initial"})  # fmt: skip
        self.pdf = w.Checkbox(value=pdf, description="also PDF (headless Chromium)", indent=False)
        self.run_button = w.Button(description="Build report", button_style="primary", icon="file", layout=wide())
        self.run_button.add_class("pa-report-button")
        self.status = w.Dropdown(options=["all"], value="all", description="clauses")
        self.banner = ErrorBanner()
        self.progress = Progress()
        self.summary = w.VBox()
        self.clauses = w.VBox()
        self.findings = w.VBox()
        self.output = w.Output()
        self.output.add_class("pa-report-links")
        self.run_button.on_click(self.run)
        self.status.observe(lambda _c: self._render_clauses(), names="value")
        super().__init__(
            [
                self.path,
                self.out_dir,
                w.HBox([self.as_of, self.sample, self.pdf]),
                self.run_button,
                self.banner,
                self.progress,
                self.output,
                self.summary,
                self.status,
                self.clauses,
                self.findings,
            ]
        )
        self.add_class("pa-report")

    def clear_results(self) -> None:
        """Remove the figures, tables and links of an earlier report."""
        self.result = self.files = None
        show_links(self.output, "")
        self.summary.children = self.clauses.children = self.findings.children = ()
        self.status.options = ["all"]
        self.progress.reset()

    def _progress(self, step: str, index: int, total: int) -> None:
        # datasets read and scanned fill the first 60 %, the checks the next 35 %, writing the rest
        base, span = (0.0, 0.6) if step.startswith("reading") else (0.6, 0.35)
        self.progress.at(base + span * index / max(total, 1), step)

    @guarded
    def run(self, _button: object = None) -> Any:
        """Build and write the report; show what it says and where it is."""
        from ..report.compliance import compliance_report
        from ..report.render import write_report

        self.clear_results()
        self.progress.start(100, "reading the data map")
        report = compliance_report(self.path.value, as_of=self.as_of.value.strip() or None, sample=self.sample.value,
                                   progress=self._progress)  # fmt: skip
        self.progress.at(0.95, "writing")
        files = write_report(report, self.out_dir.value, pdf=self.pdf.value)
        self.result, self.files = report, files
        self.progress.finish("done")
        # in an output, so JupyterLab serves them from /files/...; the HTML opens, the others download
        links = [file_link(files.html, "open the report (HTML)", download=False), file_link(files.json, "JSON")]
        if files.pdf:
            links.append(file_link(files.pdf, "PDF"))
        show_links(self.output, "<p>Compliance report: " + " &middot; ".join(links) + "</p>")
        self.summary.children = (w.HTML("<h4>Summary</h4>"), grid(summary_frame(report)))
        statuses = sorted({c.status for c in report.clauses})
        self.status.options = [("all", "all"), *((plain(st), st) for st in statuses)]
        self.status.value = "all"
        self._render_clauses()
        worst = pd.DataFrame(
            [{"id": f.id, "severity": f.severity, "clause": f.clause, "dataset": f.dataset or "",
              "message": f.message, "remedy": f.remedy} for f in report.findings]  # fmt: skip
        )
        self.findings.children = (w.HTML("<h4>Findings, worst first</h4>"), grid(worst))
        s = report.summary
        sev = s.get("findings_by_severity", {})
        note = f"; no PDF: {files.note}" if self.pdf.value and not files.pdf and files.note else ""
        self.banner.info(
            f"{s.get('findings', len(report.findings))} findings ({sev.get('high', 0)} high); "
            f"report written to {Path(files.html).parent}{note}"
        )
        return report

    def _render_clauses(self) -> None:
        if self.result is None:
            return
        frame = self.result.to_frame()
        if self.status.value != "all":
            frame = frame[frame["status"] == self.status.value]
        self.clauses.children = (w.HTML(f"<h4>Clause by clause ({len(frame)})</h4>"), grid(frame))
