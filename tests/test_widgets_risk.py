"""The risk widget of notebook 07 gives what `privacy-audit risk` gives, and one-line errors."""

from __future__ import annotations

from pathlib import Path

from privacy_audit.checks.risk import assess_estate
from privacy_audit.datamap import load_datamap
from privacy_audit.widgets.risk import RiskWidget

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"


def test_widget_presets_the_survey_and_proposes_the_fix():
    wdg = RiskWidget(SAMPLES / "datamap.yaml", dataset="survey")
    assert wdg.qis.value == ("postal_code", "date_of_birth", "gender") and wdg.k.value == 5
    res = wdg.run_button.click() or wdg.result
    assert res is not None, wdg.banner.value
    same = assess_estate(load_datamap(SAMPLES / "datamap.yaml"), dataset="survey").datasets[0]
    mine, cli = res.to_dict(), same.to_dict()  # the same call as the CLI
    assert (mine["profile"], mine["fix"], mine["proposal"]) == (cli["profile"], cli["fix"], cli["proposal"])
    assert wdg.before_after is not None and wdg.result.fix.after.k >= 5
    assert list(wdg.models["model"]) == ["prosecutor", "journalist", "marketer"]
    assert "Proposed fix" in wdg.summary.value and "k (smallest class)" in wdg.tables.value


def test_widget_other_choices_and_errors():
    wdg = RiskWidget(SAMPLES / "datamap.yaml", dataset="survey")
    wdg.qis.value = ("gender",)
    res = wdg.run()
    assert res.profile.quasi_identifiers == ("gender",) and res.fix is None and wdg.before_after is None
    wdg.qis.value = ()
    assert wdg.run() is None and "choose at least one quasi-identifier" in wdg.banner.value
