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
from IPython.display import HTML

from ._common import ErrorBanner, Progress, file_link, find_samples, guarded, html_table

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
        sample: int = 1000,
    ) -> None:
        path = Path(datamap) if datamap else find_samples() / "datamap.yaml"
        self.result: Any = None
        self.files: Any = None
        self.last_exception: BaseException | None = None
        self.path = w.Text(value=str(path), description="data map", layout=w.Layout(width="60%"))
        self.out_dir = w.Text(value=str(Path(out_dir) if out_dir else find_samples().parent / "reports"),
                              description="write to", layout=w.Layout(width="60%"))  # fmt: skip
        self.as_of = w.Text(value="", description="as of", placeholder="YYYY-MM-DD (default: map)")
        self.sample = w.BoundedIntText(value=sample, min=1, max=10_000_000, description="scan rows")
        self.pdf = w.Checkbox(value=pdf, description="also PDF (headless Chromium)", indent=False)
        self.run_button = w.Button(description="Build report", button_style="primary", icon="file")
        self.run_button.add_class("pa-report-button")
        self.status = w.Dropdown(options=["all"], value="all", description="clauses")
        self.banner = ErrorBanner()
        self.progress = Progress()
        self.summary = w.HTML()
        self.clauses = w.HTML()
        self.findings = w.HTML()
        self.output = w.Output()
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

    @guarded
    def run(self, _button: object = None) -> Any:
        """Build and write the report; show what it says and where it is."""
        from ..report.compliance import compliance_report
        from ..report.render import write_report

        self.progress.start(2, "checks, scan and audit log")
        report = compliance_report(self.path.value, as_of=self.as_of.value.strip() or None, sample=self.sample.value)
        self.progress.step("writing")
        files = write_report(report, self.out_dir.value, pdf=self.pdf.value)
        self.result, self.files = report, files
        self.progress.finish("done")
        links = [file_link(files.html, "HTML"), file_link(files.json, "JSON")]
        if files.pdf:
            links.append(file_link(files.pdf, "PDF"))
        self.output.outputs = ()
        self.output.append_display_data(HTML("<p>Compliance report: " + " &middot; ".join(links) + "</p>"))
        self.summary.value = "<h4>Summary</h4>" + html_table(summary_frame(report))
        statuses = sorted({c.status for c in report.clauses})
        self.status.options = ["all", *statuses]
        self.status.value = "all"
        self._render_clauses()
        worst = pd.DataFrame(
            [{"id": f.id, "severity": f.severity, "clause": f.clause, "dataset": f.dataset or "",
              "message": f.message, "remedy": f.remedy} for f in report.findings]  # fmt: skip
        )
        self.findings.value = "<h4>Findings, worst first</h4>" + html_table(worst, max_rows=50)
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
        self.clauses.value = f"<h4>Clause by clause ({len(frame)})</h4>" + html_table(frame, max_rows=300)
