"""ReportWidget (notebook 06): builds the same report as the CLI, shows clauses and findings, masks values."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.compliance import compliance_report
from privacy_audit.report.render import has_xlsx
from privacy_audit.widgets._common import screen_text
from privacy_audit.widgets.report import ReportWidget, summary_frame

REPO = Path(__file__).resolve().parents[1]
DATAMAP = REPO / "data_samples" / "datamap.yaml"
pytestmark = pytest.mark.skipif(not DATAMAP.exists(), reason="data_samples not generated yet")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ReportWidget:
    widget = ReportWidget(DATAMAP, out_dir=tmp_path_factory.mktemp("report"), sample=300)
    widget.run_button.click()
    return widget


def test_report_button_writes_html_and_json(built: ReportWidget) -> None:
    assert built.last_exception is None and built.banner.kind == "info", built.banner.message
    assert built.files.html.exists() and built.files.json.exists() and built.files.pdf is None
    data = json.loads(built.files.json.read_text())
    assert len(data["findings"]) == len(built.result.findings)
    assert f"{len(built.result.findings)} findings" in built.banner.message
    links = built.output.outputs[-1]["data"]["text/html"]
    assert 'download="compliance_report.json"' in links
    assert "compliance_report.html" in links and 'download="compliance_report.html"' not in links  # opens
    # the findings as a table, for owners and due dates: linked beside the report, as written
    assert built.files.findings_csv.exists() and 'download="findings.csv"' in links
    if has_xlsx():
        assert built.files.findings_xlsx.exists() and 'download="findings.xlsx"' in links
    # the bar moved through the datasets and checks, and ended full
    assert built.progress.bar.value == built.progress.bar.max and built.progress.bar.bar_style == "success"


def test_same_findings_as_the_report_function(built: ReportWidget) -> None:
    direct = compliance_report(str(DATAMAP), sample=300)
    assert [(f.check, f.dataset, f.column) for f in built.result.findings] == [
        (f.check, f.dataset, f.column) for f in direct.findings
    ]
    assert summary_frame(built.result).set_index("what").loc["datasets", "value"] == direct.summary["datasets"]


def test_clause_filter(built: ReportWidget) -> None:
    frame = built.result.to_frame()
    assert {value for _label, value in built.status.options} == {"all", *frame["status"]}
    assert "needs manual evidence" in [label for label, _value in built.status.options]  # words, not identifiers
    built.status.value = "fails"
    try:
        assert f"Clause by clause ({int((frame['status'] == 'fails').sum())})" in screen_text(built.clauses)
    finally:
        built.status.value = "all"
    assert f"Clause by clause ({len(frame)})" in screen_text(built.clauses)


def test_no_raw_identity_values_on_screen(built: ReportWidget) -> None:
    users = pd.read_csv(REPO / "data_samples" / "exports" / "users_backup.csv", dtype=str)
    screen = screen_text(built)
    for column in ("email", "phone", "name", "street_address"):
        leaked = [v for v in users[column].dropna() if v in screen]
        assert not leaked, f"raw {column} values on screen"


def test_bad_data_map_is_one_line_error(tmp_path: Path) -> None:
    widget = ReportWidget(tmp_path / "missing.yaml", out_dir=tmp_path / "out")
    widget.run_button.click()
    assert widget.result is None and widget.banner.kind == "error"
    assert "missing.yaml" in widget.banner.message and not (tmp_path / "out").exists()


def test_signoff_form_writes_beside_its_own_data_map_and_answers_under_each_button(built, tmp_path) -> None:
    import shutil

    from privacy_audit import auditlog, signoff
    from privacy_audit.datamap import load_datamap
    from privacy_audit.widgets.report import SignOffForm

    estate = tmp_path / "estate"
    shutil.copytree(DATAMAP.parent, estate, ignore=shutil.ignore_patterns("__pycache__"))
    form = SignOffForm(datamap=estate / "datamap.yaml", report=built.result)
    assert len(form.finding.options) == len(built.result.findings) and form.clause.options
    # bad input: one line, red, under the button pressed; nothing written
    form.due.value = "soon"
    assert form.record_finding() is None
    assert form.finding_msg.kind == "error" and "date" in form.finding_msg.message and not form.signoff_msg.message
    assert not (estate / signoff.FINDINGS_FILE).exists()
    form.due.value = "2027-01-15"
    form.owner.value = "Security team"
    assert form.record_finding() is not None and form.finding_msg.kind == "info"
    form.evidence.value = ""
    assert form.record_evidence() is None and "describe the evidence" in form.evidence_msg.message
    log = load_datamap(estate / "datamap.yaml").audit_log_path
    assert auditlog.read(log)[-1]["action"] == "finding-track"
    assert signoff.load_register(load_datamap(estate / "datamap.yaml"))[form.finding.value].owner == "Security team"
    assert not (DATAMAP.parent / signoff.FINDINGS_FILE).exists()  # the committed samples never change
