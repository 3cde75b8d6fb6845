"""ExportWidget (notebook 04): preview masked, build and verify a bundle, ambiguity, encryption; on a copy."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.access import verify_bundle
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import vault_key_for
from privacy_audit.linkage import with_linked_rows
from privacy_audit.masking import mask
from privacy_audit.subjects import find_subject_data, resolve_subject
from privacy_audit.widgets._common import screen_text, working_copy
from privacy_audit.widgets.export import ExportWidget, example_identifier, mask_line

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data_samples"
pytestmark = pytest.mark.skipif(not (SAMPLES / "datamap.yaml").exists(), reason="data_samples not generated yet")


@pytest.fixture(scope="module")
def estate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return working_copy(SAMPLES, tmp_path_factory.mktemp("export") / "data_samples")


@pytest.fixture(scope="module")
def users(estate: Path) -> pd.DataFrame:
    return pd.read_csv(estate / "exports" / "users_backup.csv", dtype=str)


def _widget(estate: Path, out: Path) -> ExportWidget:
    return ExportWidget(estate / "datamap.yaml", out_dir=out)


def test_preview_counts_match_the_subject_search_and_rows_are_masked(estate: Path, users: pd.DataFrame, tmp_path: Path) -> None:
    person = users.iloc[7]
    widget = _widget(estate, tmp_path)
    widget.kind.value, widget.identifier.value = "email", person["email"]
    widget.preview_button.click()
    assert widget.last_exception is None and widget.banner.kind == "info", widget.banner.message
    datamap = load_datamap(estate / "datamap.yaml")
    direct = find_subject_data(datamap, resolve_subject(datamap, "email", person["email"]))
    # plus the survey answer their quasi-identifiers single out (k = 1), as export returns it
    direct = with_linked_rows(datamap, direct, vault_key=vault_key_for(datamap))
    assert direct.dataset("survey").matched_by == ("quasi_identifiers",)
    assert widget.data.to_frame().equals(direct.to_frame())
    assert f"{direct.total_records} records" in widget.banner.message
    shown = screen_text(widget)
    for column in ("email", "phone", "name", "street_address", "signup_ip"):
        assert person[column] not in shown, f"raw {column} on screen before reveal"
    table = widget.tables["users_backup"]
    assert table.text(0, "email") == mask(person["email"], "EMAIL_ADDRESS")
    table.reveal(0)
    assert table.text(0, "email") == person["email"]  # a person asked to see it


def test_build_button_writes_a_verified_bundle_with_a_download_link(estate: Path, users: pd.DataFrame, tmp_path: Path) -> None:
    person = users.iloc[11]
    widget = _widget(estate, tmp_path)
    widget.kind.value, widget.identifier.value = "token", person["user_token"]
    log = load_datamap(estate / "datamap.yaml").audit_log_path
    lines_before = log.read_text().count("\n") if log.exists() else 0
    widget.run_button.click()
    assert widget.last_exception is None and widget.banner.kind == "info", widget.banner.message
    bundle = widget.result.path
    assert bundle.parent == tmp_path and bundle.exists()
    assert person["user_token"] not in bundle.name
    check = verify_bundle(bundle)
    assert check.ok and widget.verification.ok
    assert widget.result.total_records == widget.data.total_records > 0
    in_manifest = {d["name"]: d["records"] for d in check.manifest["datasets"]}
    for match in widget.data.datasets:
        assert in_manifest.get(match.name, 0) == match.records, match.name
    html = widget.output.outputs[-1]["data"]["text/html"]
    assert f'download="{bundle.name}"' in html
    assert log.read_text().count("\n") == lines_before + 1  # the export is in the copy's audit log
    assert person["user_token"] not in log.read_text()


def test_password_encrypts_and_verification_needs_it(estate: Path, users: pd.DataFrame, tmp_path: Path) -> None:
    widget = _widget(estate, tmp_path)
    widget.kind.value, widget.identifier.value = "email", users.iloc[3]["email"]
    widget.password.value = "correct horse battery staple"
    widget.build_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    assert widget.result.encryption == "password" and widget.verification.ok
    assert widget.result.path.name.endswith(".zip.enc")
    assert b"manifest.json" not in widget.result.path.read_bytes()
    assert "correct horse" not in widget.download.value + widget.banner.value


def test_ambiguous_identifier_lists_masked_candidates_and_writes_nothing(estate: Path, users: pd.DataFrame, tmp_path: Path) -> None:
    shared = users[users.duplicated("phone", keep=False)].iloc[0]
    widget = _widget(estate, tmp_path)
    widget.kind.value, widget.identifier.value = "phone", shared["phone"]
    widget.build_button.click()
    assert widget.result is None and widget.banner.kind == "error"
    assert "matches 2 data subjects" in widget.banner.message
    assert shared["phone"] not in widget.banner.message + screen_text(widget)
    assert widget.banner.message.count("candidate ") == 2  # listed, masked, in the (wrapping) banner
    assert not list(tmp_path.iterdir())
    # a second identifier settles it
    widget.extra.value = f"email={shared['email']}"
    widget.build_button.click()
    assert widget.banner.kind == "info", widget.banner.message


def test_unknown_subject_gives_an_empty_verified_bundle(estate: Path, tmp_path: Path) -> None:
    widget = _widget(estate, tmp_path)
    widget.kind.value, widget.identifier.value = "email", "nobody.here@unknown.test"
    widget.build_button.click()
    assert widget.banner.kind == "info" and "no data subject matches" in widget.banner.message
    assert widget.result.total_records == 0 and widget.verification.ok


def test_empty_identifier_is_a_one_line_error(estate: Path, tmp_path: Path) -> None:
    widget = _widget(estate, tmp_path)
    widget.preview_button.click()
    assert widget.banner.kind == "error" and "enter an identifier" in widget.banner.message


def test_example_identifier_is_a_real_subject(estate: Path, users: pd.DataFrame) -> None:
    kind, value = example_identifier(load_datamap(estate / "datamap.yaml"))
    assert kind == "token" and value in set(users["user_token"])


def test_mask_line_hides_the_subjects_identifiers_and_ip_addresses(estate: Path, users: pd.DataFrame) -> None:
    person = users.iloc[0]
    subject = resolve_subject(load_datamap(estate / "datamap.yaml"), "email", person["email"])
    line = f'{person["signup_ip"]} - - "GET /?u={person["email"]}" 10.1.2.3'
    masked = mask_line(line, subject)
    assert person["email"] not in masked and person["signup_ip"] not in masked and "10.1.2.3" not in masked
    assert mask(person["email"], "EMAIL_ADDRESS") in masked


def test_a_new_request_starts_clean_and_the_identifier_does_not_stay_on_the_page(
    estate: Path, users: pd.DataFrame, tmp_path: Path
) -> None:
    """Issue 19 item 1 and issue 18: after one subject's bundle, an unknown identifier or an error
    shows nothing of that subject; a resolved identifier is emptied from the box (the masked card stays)."""
    person = users.iloc[12]
    widget = _widget(estate, tmp_path)
    widget.kind.value, widget.identifier.value = "email", person["email"]
    widget.password.value = "correct horse battery"
    widget.build_button.click()
    assert widget.result is not None, widget.banner.message
    name = widget.result.path.name
    assert name in screen_text(widget) and mask(person["email"], "EMAIL_ADDRESS") in widget.card.value
    assert widget.identifier.value == "" and widget.password.value == ""  # nothing raw left in widget state
    assert person["email"] not in screen_text(widget)
    assert "resolved:" in widget.identifier.placeholder and person["email"] not in widget.identifier.placeholder

    widget.identifier.value = "nobody.here@unknown.test"
    assert name not in screen_text(widget) and widget.card.value == ""  # typing withdraws the last result
    widget.preview_button.click()
    assert "no data subject matches" in widget.banner.message
    assert name not in screen_text(widget) and mask(person["email"], "EMAIL_ADDRESS") not in screen_text(widget)

    widget.kind.value, widget.identifier.value = "email", person["email"]
    widget.preview_button.click()
    assert widget.data is not None and widget.preview.children
    widget.path.value = str(estate / "missing.yaml")
    widget.identifier.value = person["email"]
    widget.build_button.click()
    assert widget.banner.kind == "error" and widget.progress.bar.bar_style == "danger"
    assert widget.data is None and not widget.preview.children and widget.card.value == ""
    assert not widget.output.outputs and widget.download.value == ""


def test_open_bundle_button_unpacks_the_last_bundle_and_needs_its_password(
    estate: Path, users: pd.DataFrame, tmp_path: Path
) -> None:
    widget = _widget(estate, tmp_path)
    assert widget.open_button.disabled  # nothing built yet
    person = users.iloc[5]
    widget.kind.value, widget.identifier.value = "email", person["email"]
    widget.password.value = "correct horse battery staple"
    widget.build_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    assert not widget.open_button.disabled
    widget.open_button.click()  # the password was emptied after the build: refused, the bundle stays offered
    assert widget.banner.kind == "error" and "password" in widget.banner.message
    assert widget.opened is None and widget.result is not None
    widget.password.value = "correct horse battery staple"
    widget.open_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    index = widget.opened.index
    assert index.is_file() and index.parent.parent == tmp_path
    page = index.read_text(encoding="utf-8")
    assert person["email"] in page  # the person's own data, readable in their own bundle
    assert widget.password.value == ""
    widget.password.value = "correct horse battery staple"
    widget.open_button.click()  # a second open never overwrites the first folder
    assert widget.opened.folder != index.parent and index.is_file()
    widget.identifier.value = "someone-else@example.org"  # a new request: the old bundle is no longer offered
    assert widget.open_button.disabled and widget.opened is None
