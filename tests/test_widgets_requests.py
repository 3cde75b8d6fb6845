"""The requests-desk widget (notebook 00) drives a request's whole life through the same library calls as
`privacy-audit request ...`, on a copy of the sample estate; the queue is sorted by days left, overdue in red."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from privacy_audit import requests as desk
from privacy_audit.datamap import load_datamap
from privacy_audit.widgets import RequestsWidget

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"


@pytest.fixture()
def estate(tmp_path) -> Path:
    dst = tmp_path / "estate"
    shutil.copytree(SAMPLES, dst, ignore=shutil.ignore_patterns("*.lock", "generate.py"))
    return dst


def test_queue_sorted_by_days_left_with_overdue_in_red():
    widget = RequestsWidget(SAMPLES / "datamap.yaml")
    html = widget.queue_view.value
    ids = [part.split('"', 1)[0] for part in html.split('data-request="')[1:]]
    direct = desk.load_ledger(load_datamap(SAMPLES / "datamap.yaml")).to_frame(dt.date(2026, 11, 1))
    assert ids == list(direct["id"]) and ids[:3] == ["REQ-0002", "REQ-0006", "REQ-0007"]
    overdue_rows = [part for part in html.split("<tr ")[1:] if 'class="pa-overdue"' in part]
    assert len(overdue_rows) == 1 and 'data-request="REQ-0002"' in overdue_rows[0] and "#b03a2e" in overdue_rows[0]
    assert widget.banner.message == ""
    # statuses in words, as everywhere on screen (REQ-0002 is being served: in_progress in the ledger)
    assert "in_progress" not in html and ">in progress</td>" in overdue_rows[0]


def test_a_request_s_whole_life_from_the_widget(estate):
    widget = RequestsWidget(estate / "datamap.yaml", as_of="2026-11-25")
    token = (estate / "exports" / "users_backup.csv").read_text(encoding="utf-8").splitlines()[11].split(",")[0]
    widget.kind.value = "erasure"
    widget.subject.kind.value, widget.subject.identifier.value = "token", token
    widget.requester.value = "someone.else@example.org"
    widget.received.value = "2026-11-20"
    widget.new_button.click()
    r = widget.result
    assert r is not None and r.id == "REQ-0008" and widget.request.value == "REQ-0008", widget.banner.message
    assert "someone.else@example.org" not in widget.queue_view.value and token not in widget.queue_view.value
    widget.method.value, widget.verified_on.value = "email-code", "2026-11-21"
    widget.verify_button.click()
    assert widget.result.status == "verified"
    widget.extend_reason.value, widget.extended_on.value = "two vendors hold records", "2026-11-22"
    widget.extend_button.click()
    assert widget.result.due == dt.date(2027, 2, 20), widget.banner.message
    widget.close_outcome.value = "answered"
    widget.close_button.click()
    assert widget.result.status == "answered" and "to notify" in widget.banner.message
    for processor in widget.result.unnotified():
        widget.processor.value = processor
        widget.notify_button.click()
    assert widget.result.unnotified() == ()
    # the widget's outcome is the ledger's: the same state read back by the library
    assert desk.load_ledger(load_datamap(estate / "datamap.yaml")).get("REQ-0008") == widget.result


def test_errors_are_one_line_in_the_banner_and_write_nothing(estate):
    widget = RequestsWidget(estate / "datamap.yaml")
    log = estate / "audit_log.jsonl"
    before = log.read_bytes()
    widget.request.value = "REQ-0001"  # already answered
    assert widget.verify() is None and "already answered" in widget.banner.message
    widget.request.value = "REQ-0006"
    widget.extend_reason.value, widget.extended_on.value = "ring +1 555 010 2034", "2026-10-28"
    assert widget.extend() is None and "phone number" in widget.banner.message
    widget.subject.identifier.value = ""
    assert widget.new() is None and "identifier" in widget.banner.message
    assert log.read_bytes() == before and widget.last_exception is not None
