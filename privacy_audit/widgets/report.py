"""Notebook 06: build the compliance report -- the same calls as ``privacy-audit report``.

``ReportWidget(datamap=..., out_dir=...)``: ``.run_button`` builds the report with
:func:`privacy_audit.services.compliance_report` and writes HTML, JSON and (when ``.pdf``
is ticked and Chromium exists) PDF with :func:`privacy_audit.report.render.write_report`;
``.result`` is the :class:`~privacy_audit.compliance.ComplianceReport`, ``.files`` the
:class:`~privacy_audit.report.render.ReportFiles`; the summary, the clause table (filterable by
status) and the worst findings are shown, with download links.

``SignOffForm(report_widget)`` (or ``SignOffForm(datamap=..., report=...)``) is the auditor's record for
the report: owner / due date / status per finding (``findings.yaml``), manual evidence for the clauses no
data can test (``manual_evidence.yaml``) and the sign-off (prepared by, reviewed by, date), each written
through :mod:`privacy_audit.signoff` (atomically, logged in the audit log); build the report again to
see them in it. Every section answers right under its own button.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from .. import signoff
from ..datamap import load_datamap
from ..errors import InputError, PrivacyAuditError
from ..report.render import write_report
from ..scan import SCAN_SAMPLE
from ..services import compliance_report
from ._common import ErrorBanner, Progress, file_link, find_samples, grid, guarded, plain, show_links, wide

__all__ = ["ReportWidget", "SignOffForm", "summary_frame"]


def summary_frame(report: Any) -> pd.DataFrame:
    """The report's headline figures as a two-column table (what, count), named in words
    (``pii_by_category`` reads "personal data by category")."""
    s = report.summary
    rows = []
    for key, value in s.items():
        if isinstance(value, dict):
            rows.extend((f"{_figure(key)}: {plain(k)}", v) for k, v in value.items() if not isinstance(v, dict | list))
        elif not isinstance(value, list):
            rows.append((_figure(key), value))
    return pd.DataFrame(rows, columns=["what", "value"])


def _figure(key: str) -> str:
    return plain(key).replace("pii_", "personal data ").replace("pii", "personal data").replace("_", " ")


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
        if files.findings_csv:
            links.append(file_link(files.findings_csv, "findings (CSV)"))
        if files.findings_xlsx:
            links.append(file_link(files.findings_xlsx, "findings (Excel)"))
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


class SignOffForm(w.VBox):
    """Owner / due date / status per finding, manual evidence per clause, and the report's sign-off.

    ``SignOffForm(report_widget)`` follows a :class:`ReportWidget` (its data map and last report);
    ``SignOffForm(datamap=PATH, report=REPORT)`` works on any data map. Nothing is written until a
    *Save* button is pressed; each save is one call into :mod:`privacy_audit.signoff`.
    """

    def __init__(self, source: ReportWidget | None = None, *, datamap: str | Path | None = None,
                 report: Any = None) -> None:  # fmt: skip
        self.source = source
        self._datamap = Path(datamap) if datamap else None
        self._report = report
        self.last_exception: BaseException | None = None
        long = w.Layout(width="70%")
        # findings
        self.finding = w.Dropdown(options=[], description="finding", layout=long)
        self.owner = w.Text(description="owner", placeholder="a role or team, e.g. Data engineering")
        self.due = w.Text(description="due", placeholder="YYYY-MM-DD")
        self.track_status = w.Dropdown(options=list(signoff.FINDING_STATUSES), value="open", description="status")
        self.note = w.Text(description="note", layout=long)
        self.save_finding = w.Button(description="Save finding", icon="save")
        self.finding_msg = ErrorBanner()
        # manual evidence
        self.clause = w.Dropdown(options=[], description="clause", layout=long)
        self.evidence_status = w.ToggleButtons(options=["holds", "fails"], value="holds", description="clause")
        self.evidence = w.Textarea(description="evidence", placeholder="what it is and where it is kept",
                                   layout=w.Layout(width="70%", height="5em"))  # fmt: skip
        self.recorded_by = w.Text(description="recorded by", placeholder="a role, e.g. Internal audit")
        self.save_evidence = w.Button(description="Record evidence", icon="check")
        self.evidence_msg = ErrorBanner()
        # sign-off
        self.prepared_by = w.Text(description="prepared by")
        self.reviewed_by = w.Text(description="reviewed by")
        self.signed_on = w.Text(description="date", placeholder="YYYY-MM-DD")
        self.save_signoff = w.Button(description="Save sign-off", icon="pencil")
        self.signoff_msg = ErrorBanner()
        self.refresh_button = w.Button(description="Load findings and clauses", icon="refresh")
        self.refresh_msg = ErrorBanner()
        self.finding.observe(lambda _c: self._show_track(), names="value")
        self.save_finding.on_click(lambda _b: self.record_finding())
        self.save_evidence.on_click(lambda _b: self.record_evidence())
        self.save_signoff.on_click(lambda _b: self.record_signoff())
        self.refresh_button.on_click(lambda _b: self.refresh())
        super().__init__([
            w.HBox([self.refresh_button]), self.refresh_msg,
            w.HTML("<h4>Owner, due date and status of a finding</h4>"),
            self.finding, w.HBox([self.owner, self.due, self.track_status]), self.note, self.save_finding,
            self.finding_msg,
            w.HTML("<h4>Manual evidence for a clause</h4>"),
            self.clause, self.evidence_status, self.evidence, self.recorded_by, self.save_evidence, self.evidence_msg,
            w.HTML("<h4>Sign-off</h4>"),
            w.HBox([self.prepared_by, self.reviewed_by, self.signed_on]), self.save_signoff, self.signoff_msg,
        ])  # fmt: skip
        self.refresh()

    # -- where the form writes, and what it lists

    @property
    def datamap(self) -> Any:
        """The loaded data map the form writes beside."""
        path = self._datamap or (Path(self.source.path.value) if self.source is not None else None)
        if path is None:
            raise InputError("no data map: give datamap=... or a ReportWidget")
        return load_datamap(path)

    @property
    def report(self) -> Any:
        return self._report if self._report is not None else getattr(self.source, "result", None)

    def _run(self, banner: ErrorBanner, action: Any) -> Any:
        """Run ``action``; its outcome (or one-line error) goes under the button pressed."""
        banner.clear()
        self.last_exception = None
        try:
            return action()
        except PrivacyAuditError as exc:
            self.last_exception = exc
            banner.error(str(exc))
        except Exception as exc:  # noqa: BLE001 - a widget must not die with a traceback
            self.last_exception = exc
            banner.error(f"unexpected {type(exc).__name__} (a bug: please report it)")
        return None

    def refresh(self) -> bool:
        """List the last report's findings and the clauses that need evidence (build the report first)."""

        def go() -> bool:
            report = self.report
            self.finding.options, self.clause.options = [], []
            if report is None:
                self.refresh_msg.info("Build the report first, then press 'Load findings and clauses'.")
                return False
            self.finding.options = [(f"{f.id} · {f.severity} · {f.title} · {f.dataset or 'estate'}"
                                     f"{' · ' + f.column if f.column else ''}", f.key) for f in report.findings]  # fmt: skip
            manual = [c for c in report.clauses if c.status == "needs_manual_evidence" or c.basis == "manual"]
            self.clause.options = [(f"{c.id} · {c.title}", c.id) for c in manual]
            self.finding.value = self.finding.options[0][1] if self.finding.options else None
            self.clause.value = self.clause.options[0][1] if self.clause.options else None
            current = signoff.load_signoff(self.datamap)
            self.prepared_by.value, self.reviewed_by.value = current.prepared_by, current.reviewed_by
            self.signed_on.value = current.date
            self._show_track()
            self.refresh_msg.info(f"{len(report.findings)} findings and {len(manual)} clauses needing evidence listed")
            return True

        return bool(self._run(self.refresh_msg, go))

    def _show_track(self) -> None:
        key = self.finding.value
        if not key:
            return
        track = signoff.load_register(self.datamap).get(key, signoff.FindingTrack())
        self.owner.value, self.due.value, self.note.value = track.owner, track.due, track.note
        self.track_status.value = track.status

    # -- the three saves

    def record_finding(self) -> Any:
        """Save owner / due / status / note of the chosen finding to findings.yaml."""

        def go() -> Any:
            if not self.finding.value:
                raise InputError("choose a finding first (build the report, then 'Load findings and clauses')")
            track = signoff.record_finding(self.datamap, self.finding.value, owner=self.owner.value,
                                           due=self.due.value, status=self.track_status.value,
                                           note=self.note.value)  # fmt: skip
            self.finding_msg.info(f"saved: {track.status}, owner {track.owner or 'not assigned'}, "
                                  f"due {track.due or 'not set'}; build the report again to see it")  # fmt: skip
            return track

        return self._run(self.finding_msg, go)

    def record_evidence(self) -> Any:
        """Record the manual evidence of the chosen clause in manual_evidence.yaml."""

        def go() -> Any:
            if not self.clause.value:
                raise InputError("choose a clause first")
            report = self.report
            entry = signoff.record_evidence(self.datamap, self.clause.value, status=self.evidence_status.value,
                                            evidence=self.evidence.value, recorded_by=self.recorded_by.value,
                                            clauses=[c.id for c in report.clauses] if report is not None else None)  # fmt: skip
            self.evidence_msg.info(f"recorded: clause {self.clause.value} {entry['status']} on {entry['date']}; "
                                   "build the report again to see it")  # fmt: skip
            return entry

        return self._run(self.evidence_msg, go)

    def record_signoff(self) -> Any:
        """Save who prepared and reviewed the report, and when."""

        def go() -> Any:
            done = signoff.record_signoff(self.datamap, prepared_by=self.prepared_by.value,
                                          reviewed_by=self.reviewed_by.value, date=self.signed_on.value)  # fmt: skip
            self.signoff_msg.info(f"sign-off saved ({done.date or 'no date'}); build the report again to see it")
            return done

        return self._run(self.signoff_msg, go)
