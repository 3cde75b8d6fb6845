"""`privacy-audit check`: output formats and the exit codes CI gates on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_audit.checks import FINDING_COLUMNS
from privacy_audit.cli import run_guarded

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data_samples" / "datamap.yaml"


@pytest.fixture
def estate(tmp_path: Path) -> Path:
    (tmp_path / "users.csv").write_text("user_token,email\nu_1,ann@example.org\nu_2,bo@example.net\n")
    (tmp_path / "datamap.yaml").write_text(
        "organization: T\npolicy_storage_countries: [US]\ndatasets:\n"
        "  - {name: users, path: users.csv, zone: identified, subject_key: user_token, encrypted: true,\n"
        "     location: {country: US}, columns: {email: EMAIL_ADDRESS}}\n"
    )
    return tmp_path / "datamap.yaml"


def test_clean_estate_exits_0(estate, capsys):
    assert run_guarded(["check", str(estate)]) == 0
    assert capsys.readouterr().out.startswith("no findings (")
    assert run_guarded(["check", str(estate), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_fail_on_threshold(estate, capsys):
    # a medium finding only: stored outside the policy's countries
    estate.write_text(estate.read_text().replace("country: US}", "country: FR}"))
    assert run_guarded(["check", str(estate)]) == 0  # default --fail-on high
    out = capsys.readouterr().out
    assert "sharing.cross_border" in out and "1 findings (high: 0, medium: 1, low: 0)" in out
    assert run_guarded(["check", str(estate), "--fail-on", "medium"]) == 1
    assert run_guarded(["check", str(estate), "--fail-on", "low"]) == 1
    # a high finding
    estate.write_text(estate.read_text().replace("encrypted: true", "encrypted: false"))
    assert run_guarded(["check", str(estate)]) == 1


def test_json_is_one_array_with_the_contract_keys(estate, capsys):
    estate.write_text(estate.read_text().replace("encrypted: true", "encrypted: false"))
    assert run_guarded(["check", str(estate), "--format", "json", "--only", "encryption"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 1
    assert tuple(data[0]) == FINDING_COLUMNS
    assert data[0]["check"] == "encryption.plaintext_identified" and data[0]["subjects_affected"] == 2
    assert "ann@example.org" not in json.dumps(data)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--as-of", "31/12/2026"], "--as-of: expected a date"),
        (["--only", "nope"], "unknown check 'nope'"),
    ],
)
def test_bad_options_exit_2_with_one_line(estate, capsys, args, message):
    assert run_guarded(["check", str(estate), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "text, message",
    [
        ("datasets: [{name: a, path: users.csv, zone: secret}]\n", "unknown zone 'secret'"),
        ("datasets: [{name: a, path: gone.csv, zone: identified}]\n", "path does not exist: gone.csv"),
        ("datasets: [{name: a, path: users.csv}]\n", "zone: missing required field"),
        (
            "datasets:\n  - {name: a, path: users.csv, zone: identified}\n  - {name: a, path: users.csv, zone: identified}\n",
            "duplicate dataset name",
        ),
        ("datasets: [{name: a, path: users.csv, zone: identified\n", "YAML syntax error"),
    ],
)
def test_malformed_datamap_exits_2_with_one_line(estate, capsys, text, message):
    estate.write_text(text)
    assert run_guarded(["check", str(estate)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: datamap.yaml:") and message in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_check_that_cannot_run_is_reported_and_exits_2(estate, capsys):
    (estate.parent / "r.csv").write_text("customer,scope\nu_1,all\n")
    estate.write_text(
        "registers: {restrictions: r.csv}\ndatasets:\n"
        "  - {name: users, path: users.csv, zone: identified, subject_key: customer, processing: true}\n"
    )
    assert run_guarded(["check", str(estate), "--only", "restriction"]) == 2
    err = capsys.readouterr().err
    assert (
        "warning: restriction.restricted_in_processing: dataset users: subject_key column 'customer'" in err
    )


def test_sample_estate_through_the_console_script():
    exe = Path(sys.executable).with_name("privacy-audit")
    proc = subprocess.run(
        [str(exe), "check", str(SAMPLE), "--format", "json", "--as-of", "2026-11-01",
         "--only", "sharing", "--only", "cookies"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert {d["check"] for d in data} == {
        "sharing.no_consent",
        "sharing.unregistered_third_party",
        "sharing.cross_border",
        "cookies.persistent",
        "cookies.pii_value",
    }
    assert proc.stderr == ""
