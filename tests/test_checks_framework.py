"""The controls framework: registry discovery, clause mapping as data, selection, errors, results."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import privacy_audit.checks as checks_pkg
from privacy_audit.checks import (
    FINDING_COLUMNS,
    CheckResult,
    Finding,
    load_controls,
    registry,
    run_checks,
)
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import ConfigError, InputError

CHECK_IDS = {
    "encryption.plaintext_identified",
    "encryption.unencrypted_export",
    "access.need_to_know",
    "sharing.no_consent",
    "sharing.unregistered_third_party",
    "sharing.cross_border",
    "cookies.persistent",
    "cookies.pii_value",
    "restriction.restricted_in_processing",
    "optout.opted_out_in_processing",
    "retention.expired_rows",
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    (tmp_path / "users.csv").write_text("user_token,email\nu_1,ann@example.org\nu_2,bo@example.net\n")
    (tmp_path / "datamap.yaml").write_text(
        "organization: T\npolicy_storage_countries: [US]\ndatasets:\n"
        "  - {name: users, path: users.csv, zone: identified, subject_key: user_token, encrypted: false,\n"
        "     location: {country: FR}, columns: {email: EMAIL_ADDRESS}}\n"
    )
    return tmp_path / "datamap.yaml"


def test_registry_has_every_contract_check_id_and_each_has_a_clause():
    reg = registry()
    assert CHECK_IDS <= set(reg)
    controls = load_controls()
    for cid in reg:
        spec = controls.get(cid) or reg[cid][1] or controls.get(cid.split(".")[0])
        assert spec and spec["severity"] in {"high", "medium", "low"}, cid


def test_finding_has_fixed_fields_and_validates_severity():
    f = Finding("a.b", "1", "low", None, None, None, "m", "e")
    assert tuple(f.to_dict()) == FINDING_COLUMNS
    with pytest.raises(ValueError):
        Finding("a.b", "1", "critical", None, None, None, "m", "e")


def test_result_frame_dict_and_worst(small):
    result = run_checks(load_datamap(small), as_of=dt.date(2026, 1, 1))
    assert result.errors == ()
    frame = result.to_frame()
    assert tuple(frame.columns) == FINDING_COLUMNS
    assert set(frame["check"]) == {"encryption.plaintext_identified", "sharing.cross_border"}
    assert result.worst() == "high"
    assert [f.severity for f in result.findings] == sorted(
        (f.severity for f in result.findings), key=["high", "medium", "low"].index
    )
    assert {f.check for f in result.at_or_above("high")} == {"encryption.plaintext_identified"}
    json.dumps(result.to_dict())  # plain data
    assert CheckResult().worst() is None and CheckResult().to_frame().empty


def test_only_selects_ids_and_areas_and_rejects_unknown(small):
    dm = load_datamap(small)
    assert {f.check for f in run_checks(dm, only="sharing").findings} == {"sharing.cross_border"}
    only = run_checks(dm, only=["encryption.plaintext_identified"])
    assert only.checks_run == ("encryption.plaintext_identified",)
    with pytest.raises(ConfigError, match="unknown check 'nope'"):
        run_checks(dm, only="nope")
    with pytest.raises(InputError, match="expected a date"):
        run_checks(dm, as_of="yesterday")


def test_progress_is_called_per_check(small):
    seen = []
    run_checks(load_datamap(small), only="sharing", progress=lambda c, i, n: seen.append((c, i, n)))
    assert [s[0] for s in seen] == sorted(c for c in CHECK_IDS if c.startswith("sharing."))
    assert seen[-1][1:] == (2, 3)


def test_controls_file_in_the_datamap_remaps_clauses(small):
    override = small.parent / "our_controls.yaml"
    override.write_text("controls:\n  sharing.cross_border: {clause: 'S-9', severity: low}\n")
    small.write_text(small.read_text() + "controls: our_controls.yaml\n")
    (f,) = run_checks(load_datamap(small), only="sharing.cross_border").findings
    assert (f.clause, f.severity) == ("S-9", "low")
    override.write_text("controls:\n  sharing.cross_border: {clause: 1, severity: urgent}\n")
    with pytest.raises(ConfigError, match="severity"):
        run_checks(load_datamap(small), only="sharing")


def test_a_new_module_is_discovered_and_a_broken_check_does_not_stop_the_run(small, monkeypatch, tmp_path):
    # A real module file on a real package path: what adding checks/<area>.py does.
    pkg_dir = tmp_path / "extra"
    pkg_dir.mkdir()
    (pkg_dir / "zz_demo.py").write_text(
        "CONTROLS = {'zz_demo.boom': {'clause': '9.9', 'severity': 'low'},"
        " 'zz_demo.one': {'clause': '9.8', 'severity': 'low'}}\n"
        "def boom(ctx):\n    raise RuntimeError('ann@example.org broke')\n"
        "def one(ctx):\n    yield ctx.finding('zz_demo.one', dataset='users', message='m', evidence='e')\n"
        "CHECKS = {'zz_demo.boom': boom, 'zz_demo.one': one}\n"
    )
    monkeypatch.setattr(checks_pkg, "__path__", [*checks_pkg.__path__, str(pkg_dir)])
    assert {"zz_demo.boom", "zz_demo.one"} <= set(registry())
    result = run_checks(load_datamap(small), only="zz_demo")
    assert [(f.check, f.clause) for f in result.findings] == [("zz_demo.one", "9.8")]
    assert result.errors == (("zz_demo.boom", "check failed with RuntimeError"),)  # no raw value
