"""ChecksWidget (notebook 03), driven by clicking its buttons on the real sample estate."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_audit.checks import run_checks
from privacy_audit.datamap import load_datamap
from privacy_audit.widgets.checks import ChecksWidget

REPO = Path(__file__).resolve().parents[1]
DATAMAP = REPO / "data_samples" / "datamap.yaml"

pytestmark = pytest.mark.skipif(not DATAMAP.exists(), reason="data_samples/datamap.yaml not generated yet")


@pytest.fixture(scope="module")
def clicked() -> ChecksWidget:
    widget = ChecksWidget(DATAMAP)
    widget.run_button.click()
    return widget


def test_run_button_gives_the_same_findings_as_run_checks(clicked: ChecksWidget) -> None:
    assert clicked.last_exception is None and clicked.banner.kind == "info", clicked.banner.message
    direct = run_checks(load_datamap(DATAMAP))
    assert clicked.result is not None
    assert clicked.result.to_frame().equals(direct.to_frame())
    assert f"{len(direct.findings)} findings" in clicked.banner.message
    assert clicked.progress.bar.value == clicked.progress.bar.max == len(direct.checks_run)


def test_findings_are_grouped_by_clause_and_counted_by_severity(clicked: ChecksWidget) -> None:
    frame = clicked.result.to_frame()
    table = clicked.by_clause.set_index("clause")
    assert table["total"].sum() == len(frame)
    for (clause, severity), n in frame.groupby(["clause", "severity"]).size().items():
        assert table.loc[clause, severity] == n
    assert len(clicked.groups.children) == frame["clause"].nunique()
    for title, clause in zip(clicked.groups.titles, sorted(set(frame["clause"]), key=lambda c: [int(p) for p in c.split(".")]), strict=True):
        assert title.startswith(f"clause {clause} ")
        # the clause's title from the policy file stands beside its number
        assert clicked.titles[clause] and f"clause {clause} {clicked.titles[clause]}:" in title


def test_severity_filter_and_evidence_drill_down(clicked: ChecksWidget) -> None:
    findings = clicked.result.findings
    clicked.severity.value = "high"
    try:
        high = [f for f in findings if f.severity == "high"]
        assert list(clicked.shown()) == high
        assert len(clicked.finding_picker.options) == len(high)
        last = len(high) - 1
        clicked.finding_picker.value = last
        assert clicked.detail.value.count("<tr>") == 8
        import html

        assert html.escape(high[last].evidence) in clicked.detail.value
    finally:
        clicked.severity.value = "all"
    assert len(clicked.finding_picker.options) == len(findings)


def test_bad_data_map_is_one_line_in_the_banner(tmp_path: Path) -> None:
    bad = tmp_path / "datamap.yaml"
    bad.write_text("datasets:\n  - name: x\n    zone: nowhere\n    path: missing.csv\n")
    widget = ChecksWidget(bad)
    widget.run_button.click()
    assert widget.result is None and widget.last_exception is not None
    assert widget.banner.kind == "error" and "\n" not in widget.banner.message
    assert "datamap.yaml" in widget.banner.message
    assert "Traceback" not in widget.banner.value


def test_a_failed_run_leaves_nothing_of_the_last_one(clicked: ChecksWidget, tmp_path: Path) -> None:
    """Issue 19 item 2: an error turns the bar red and removes the previous findings from the screen."""
    widget = ChecksWidget(clicked.path.value)
    widget.run_button.click()
    assert widget.groups.children and widget.banner.kind == "info"
    widget.as_of.value = "2026-13-45"
    widget.run_button.click()
    assert widget.banner.kind == "error" and widget.progress.bar.bar_style == "danger"
    assert not widget.groups.children and not widget.summary.children and widget.result is None
    assert "--as-of" not in widget.banner.message and "as of" in widget.banner.message  # words, not an option
