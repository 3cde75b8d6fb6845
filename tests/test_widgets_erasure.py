"""ErasureWidget and RightsWidget (notebook 05), on a copy of the sample estate: confirmation gates,
apply + verify + report, rectification and restriction round trips."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.auditlog import verify as verify_log
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import plan_erasure, vault_key_for
from privacy_audit.masking import mask
from privacy_audit.subjects import resolve_subject
from privacy_audit.widgets._common import screen_text, working_copy
from privacy_audit.widgets.erasure import ErasureWidget, RightsWidget

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data_samples"
pytestmark = pytest.mark.skipif(not (SAMPLES / "datamap.yaml").exists(), reason="data_samples not generated yet")


@pytest.fixture()
def estate(tmp_path: Path) -> Path:
    return working_copy(SAMPLES, tmp_path / "data_samples")


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _person(estate: Path, i: int) -> pd.Series:
    return pd.read_csv(estate / "exports" / "users_backup.csv", dtype=str).iloc[i]


def test_erasure_needs_a_plan_and_a_confirmation(estate: Path, tmp_path: Path) -> None:
    before = _digests(estate)
    widget = ErasureWidget(estate / "datamap.yaml", out_dir=tmp_path / "reports")
    widget.apply_button.click()
    assert widget.banner.kind == "error" and "plan the erasure first" in widget.banner.message
    widget.subject.kind.value, widget.subject.identifier.value = "email", _person(estate, 20)["email"]
    widget.plan_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    assert widget.plan.found and widget.plan.has_changes and widget.apply_button.disabled
    widget.apply_button.click()  # programmatic click reaches the handler even while disabled
    assert widget.banner.kind == "error" and "confirmation" in widget.banner.message
    widget.confirm.value = True
    assert not widget.apply_button.disabled
    widget.plan_button.click()  # a new plan withdraws the confirmation
    assert widget.confirm.value is False and widget.apply_button.disabled
    assert _digests(estate) == before  # planning and refused applies change nothing


def test_confirmed_erasure_is_applied_verified_and_reported(estate: Path, tmp_path: Path) -> None:
    person = _person(estate, 21)
    widget = ErasureWidget(estate / "datamap.yaml", out_dir=tmp_path / "reports")
    widget.subject.kind.value, widget.subject.identifier.value = "email", person["email"]
    widget.plan_button.click()
    datamap = load_datamap(estate / "datamap.yaml")
    direct = plan_erasure(datamap, resolve_subject(datamap, "email", person["email"]), vault_key=vault_key_for(datamap))
    assert widget.plan.totals() == direct.totals()
    widget.confirm.value = True
    widget.apply_button.click()
    assert widget.last_exception is None and widget.banner.kind == "info", widget.banner.message
    assert widget.result.verification.ok and widget.plan is None and widget.confirm.value is False
    users = pd.read_csv(estate / "exports" / "users_backup.csv", dtype=str)
    assert person["user_token"] not in set(users["user_token"])
    assert len(users) == len(pd.read_csv(SAMPLES / "exports" / "users_backup.csv")) - 1
    jpath, hpath = widget.report_paths
    report = jpath.read_text() + hpath.read_text()
    for column in ("email", "phone", "name", "user_token"):
        assert person[column] not in report
    links = widget.output.outputs[-1]["data"]["text/html"]
    assert f'download="{jpath.name}"' in links  # the JSON is saved,
    assert hpath.name in links and f'download="{hpath.name}"' not in links  # the HTML report opens
    assert verify_log(datamap.audit_log_path).ok
    widget.apply_button.click()  # the plan was consumed: no second apply
    assert widget.banner.kind == "error" and "plan the erasure first" in widget.banner.message


def test_rectification_preview_confirm_apply_verify(estate: Path) -> None:
    person = _person(estate, 30)
    widget = RightsWidget(estate / "datamap.yaml")
    widget.subject.kind.value, widget.subject.identifier.value = "token", person["user_token"]
    widget.column.value, widget.value.value = "city", "Corrected City"
    widget.rectify_preview_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    changes = widget.rectification.changes
    assert changes and all(c.column == "city" for c in changes)
    preview = screen_text(widget.rectify_view)
    assert person["city"] not in preview
    assert "current value (masked)" in preview and "new value" in preview and "Corrected City" in preview
    widget.rectify_button.click()
    assert widget.banner.kind == "error" and "confirmation" in widget.banner.message
    widget.rectify_confirm.value = True
    widget.rectify_button.click()
    assert widget.banner.kind == "info" and widget.rectify_check.ok, widget.banner.message
    users = pd.read_csv(estate / "exports" / "users_backup.csv", dtype=str).set_index("user_token")
    assert users.loc[person["user_token"], "city"] == "Corrected City"
    assert widget.rectify_confirm.value is False


def test_restriction_round_trip(estate: Path) -> None:
    person = _person(estate, 31)
    register = estate / "rights" / "restrictions.csv"
    rows_before = len(pd.read_csv(register))
    widget = RightsWidget(estate / "datamap.yaml")
    widget.subject.kind.value, widget.subject.identifier.value = "email", person["email"]
    widget.scope.value = "email_marketing"
    widget.restrict_preview_button.click()
    assert widget.restriction.action == "add", widget.banner.message
    widget.restrict_button.click()
    assert widget.banner.kind == "error" and len(pd.read_csv(register)) == rows_before
    widget.restrict_confirm.value = True
    widget.restrict_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    after = pd.read_csv(register, dtype=str)
    assert len(after) == rows_before + 1
    assert ((after["user_token"] == person["user_token"]) & (after["scope"] == "email_marketing")).any()
    widget.lift.value = True
    widget.restrict_preview_button.click()
    assert widget.restriction.action == "lift"
    widget.restrict_confirm.value = True
    widget.restrict_button.click()
    assert len(pd.read_csv(register)) == rows_before


def test_bad_subject_is_a_one_line_error(estate: Path) -> None:
    widget = RightsWidget(estate / "datamap.yaml")
    widget.subject.kind.value, widget.subject.identifier.value = "email", "nobody.here@unknown.test"
    widget.column.value, widget.value.value = "city", "X"
    widget.rectify_preview_button.click()
    assert widget.banner.kind == "error" and "no data subject" in widget.banner.message


def test_every_screen_is_headed_by_the_subject_card_and_apply_waits_for_the_confirmation(estate: Path, tmp_path: Path) -> None:
    """Issue 19 item 3: who is about to be erased / corrected / restricted is on screen (masked)
    before anything can be applied, the confirmation names them, and Apply is disabled until ticked."""
    person = _person(estate, 22)
    erasure = ErasureWidget(estate / "datamap.yaml", out_dir=tmp_path / "reports")
    erasure.subject.kind.value, erasure.subject.identifier.value = "email", person["email"]
    erasure.plan_button.click()
    card = erasure.card.value
    assert mask(person["email"], "EMAIL_ADDRESS") in card and mask(person["name"], "PERSON") in card
    assert "users_backup" in card  # the datasets the subject is found in
    for column in ("email", "name", "user_token"):
        assert person[column] not in card
    assert mask(person["email"], "EMAIL_ADDRESS") in erasure.confirm.description
    assert erasure.apply_button.disabled
    assert erasure.subject.identifier.value == ""  # the raw identifier left the page once resolved
    assert erasure.plan is not None  # ... but the plan stands

    rights = RightsWidget(estate / "datamap.yaml")
    assert rights.rectify_button.disabled and rights.restrict_button.disabled
    rights.subject.kind.value, rights.subject.identifier.value = "email", person["email"]
    rights.column.value, rights.value.value = "city", "Corrected City"
    rights.rectify_preview_button.click()
    assert mask(person["email"], "EMAIL_ADDRESS") in rights.card.value and person["email"] not in rights.card.value
    assert mask(person["email"], "EMAIL_ADDRESS") in rights.rectify_confirm.description
    assert rights.rectify_button.disabled
    rights.rectify_confirm.value = True
    assert not rights.rectify_button.disabled
    rights.scope.value = "email_marketing"
    rights.restrict_preview_button.click()  # the remembered subject: the box is empty now
    assert rights.restriction is not None and rights.restrict_button.disabled, rights.banner.message
    rights.restrict_confirm.value = True
    assert not rights.restrict_button.disabled


def test_a_new_identifier_or_a_failure_clears_the_previous_subject(estate: Path, tmp_path: Path) -> None:
    """Issue 19 items 1-2: nothing of one subject's plan stays on screen under another request or an error."""
    person = _person(estate, 23)
    widget = ErasureWidget(estate / "datamap.yaml", out_dir=tmp_path / "reports")
    widget.subject.kind.value, widget.subject.identifier.value = "email", person["email"]
    widget.plan_button.click()
    assert widget.plan is not None and widget.card.value
    widget.subject.identifier.value = "nobody.here@unknown"  # typing a new identifier withdraws the plan
    assert widget.plan is None and widget.card.value == "" and not widget.plan_view.children
    widget.subject.identifier.value = person["email"]
    widget.plan_button.click()
    widget.confirm.value = True
    widget.path.value = str(estate / "missing.yaml")
    widget.subject.identifier.value = person["phone"]
    widget.plan_button.click()  # fails: the data map is missing
    assert widget.banner.kind == "error" and widget.progress.bar.bar_style == "danger"
    assert widget.plan is None and widget.card.value == "" and not widget.plan_view.children
    assert widget.confirm.value is False and widget.apply_button.disabled
    assert "Traceback" not in widget.banner.value
