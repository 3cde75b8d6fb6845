"""Notebook 03: run the policy controls, see findings by clause and severity, drill into evidence.

``ChecksWidget(datamap=...)``: ``.run_button`` runs :func:`privacy_audit.checks.run_checks` (the
same call as ``privacy-audit check``) with a progress bar; ``.result`` is the
:class:`~privacy_audit.checks.CheckResult`; ``.by_clause`` counts findings per clause and severity;
``.finding_picker`` selects one finding whose evidence is shown in ``.detail``.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w
import pandas as pd

from ..checks import SEVERITIES, CheckResult, Finding, run_checks
from ..datamap import DataMap, load_datamap
from ..errors import PrivacyAuditError
from ..policy import load_policy
from ._common import ErrorBanner, Progress, find_samples, grid, guarded, wide

__all__ = ["ChecksWidget", "clause_severity_table", "clause_titles"]


def clause_titles(datamap: DataMap) -> dict[str, str]:
    """Clause number -> its title, from the data map's policy file (empty when there is none)."""
    if datamap.policy is None:
        return {}
    try:
        return {c.id: c.title for c in load_policy(datamap.policy).clauses}
    except PrivacyAuditError:
        return {}


def clause_severity_table(result: CheckResult) -> pd.DataFrame:
    """Findings counted per clause (rows) and severity (columns, most severe first), with a total."""
    frame = result.to_frame()
    table = pd.crosstab(frame["clause"], frame["severity"]) if len(frame) else pd.DataFrame()
    for sev in SEVERITIES:
        if sev not in table.columns:
            table[sev] = 0
    table = table[list(SEVERITIES)].astype(int)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index() if len(table) else pd.DataFrame(columns=["clause", *SEVERITIES, "total"])


class ChecksWidget(w.VBox):
    """Run every control against a data map and explore the findings."""

    def __init__(self, datamap: str | Path | None = None, *, as_of: str | None = None) -> None:
        path = Path(datamap) if datamap else find_samples() / "datamap.yaml"
        self.result: CheckResult | None = None
        self.by_clause: pd.DataFrame | None = None
        self.titles: dict[str, str] = {}
        self.last_exception: BaseException | None = None

        self.path = w.Text(value=str(path), description="data map", layout=w.Layout(width="60%"))
        self.as_of = w.Text(value=as_of or "", description="as of", placeholder="YYYY-MM-DD (default: map)")
        self.severity = w.Dropdown(options=["all", *SEVERITIES], value="all", description="severity")
        self.run_button = w.Button(description="Run checks", button_style="primary", icon="check", layout=wide())
        self.run_button.add_class("pa-run-checks")
        self.banner = ErrorBanner()
        self.progress = Progress()
        self.summary = w.VBox()
        self.groups = w.Accordion()
        self.finding_picker = w.Dropdown(options=[], description="finding", layout=w.Layout(width="90%"))
        self.detail = w.HTML()
        self.output = w.Output()

        self.finding_picker.add_class("pa-finding-picker")
        self.run_button.on_click(self.run)
        self.severity.observe(lambda _c: self._render(), names="value")
        self.finding_picker.observe(lambda _c: self._show_detail(), names="value")
        super().__init__(
            [
                w.HBox([self.path, self.run_button]),
                self.banner,
                w.HBox([self.as_of, self.severity]),
                self.progress,
                self.summary,
                self.groups,
                w.HTML("<h4>Evidence</h4>"),
                self.finding_picker,
                self.detail,
                self.output,
            ]
        )
        self.add_class("pa-checks")

    def clear_results(self) -> None:
        """Remove the findings of an earlier run."""
        self.result = self.by_clause = None
        self.summary.children = ()
        self.groups.children = ()
        self.finding_picker.options = []
        self.detail.value = ""
        self.progress.reset()

    def title(self, clause: str) -> str:
        """``"3.2 Pseudonymous data kept apart"``: the clause number with its title from the policy."""
        name = self.titles.get(str(clause), "")
        return f"{clause} {name}".strip()

    @guarded
    def run(self, _button: object = None) -> CheckResult:
        """Run the controls; progress advances per check."""
        self.clear_results()
        datamap = load_datamap(self.path.value)
        self.titles = clause_titles(datamap)
        started = False

        def progress(check_id: str, index: int, total: int) -> None:
            nonlocal started
            if not started:
                self.progress.start(total, "running checks")
                started = True
            self.progress.step(check_id)

        result = run_checks(datamap, as_of=self.as_of.value.strip() or None, progress=progress)
        self.result = result
        self.by_clause = clause_severity_table(result)
        self.progress.finish(f"{len(result.checks_run)} checks")
        self._render()
        worst = result.worst() or "none"
        note = f"; {len(result.errors)} checks could not run" if result.errors else ""
        self.banner.info(f"{len(result.findings)} findings (worst: {worst}) from {len(result.checks_run)} checks{note}")
        return result

    def shown(self) -> tuple[Finding, ...]:
        """The findings that pass the severity filter."""
        if self.result is None:
            return ()
        if self.severity.value == "all":
            return self.result.findings
        return self.result.at_or_above(self.severity.value)

    def _render(self) -> None:
        if self.result is None:
            return
        findings = self.shown()
        errors = "".join(
            f"<li>{html.escape(cid)}: {html.escape(msg)}</li>" for cid, msg in self.result.errors
        )
        by_clause = self.by_clause.copy()
        by_clause.insert(1, "title", [self.titles.get(str(c), "") for c in by_clause["clause"]])
        self.summary.children = (
            w.HTML("<h4>Findings by clause and severity</h4>"),
            grid(by_clause),
            w.HTML(f"<p>Checks that could not run:</p><ul>{errors}</ul>" if errors else ""),
        )
        clauses = sorted({f.clause for f in findings}, key=_clause_key)
        children, titles = [], []
        for clause in clauses:
            rows = [f for f in findings if f.clause == clause]
            frame = pd.DataFrame(
                [
                    {
                        "severity": f.severity,
                        "check": f.check,
                        "dataset": f.dataset or "",
                        "column": f.column or "",
                        "subjects": "" if f.subjects_affected is None else f.subjects_affected,
                        "message": f.message,
                    }
                    for f in rows
                ]
            )
            children.append(grid(frame))
            titles.append(f"clause {self.title(clause)}: {len(rows)} finding{'s' if len(rows) != 1 else ''}")
        self.groups.children = children
        for i, title in enumerate(titles):
            self.groups.set_title(i, title)
        self.finding_picker.options = [
            (f"[{f.severity}] {f.clause} {f.check}: {f.dataset or '-'} {f.column or ''}".strip(), i)
            for i, f in enumerate(findings)
        ]
        self.finding_picker.value = 0 if findings else None
        self._show_detail()

    def _show_detail(self) -> None:
        findings = self.shown()
        index = self.finding_picker.value
        if index is None or not findings or index >= len(findings):
            self.detail.value = ""
            return
        f = findings[index]
        items = [
            ("check", f.check),
            ("clause", self.title(f.clause)),
            ("severity", f.severity),
            ("dataset", f.dataset or ""),
            ("column", f.column or ""),
            ("subjects affected", "" if f.subjects_affected is None else str(f.subjects_affected)),
            ("message", f.message),
            ("evidence", f.evidence),
        ]
        self.detail.value = "<table style='color:var(--jp-ui-font-color1,#222)'>" + "".join(
            f"<tr><th style='text-align:left;padding-right:1em'>{k}</th><td>{html.escape(v)}</td></tr>"
            for k, v in items
        ) + "</table>"


def _clause_key(clause: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in str(clause).split("."))
