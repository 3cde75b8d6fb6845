"""On the sample estate the controls find every planted violation of data_samples/README.md, and nothing else."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.checks import registry, run_checks
from privacy_audit.datamap import load_datamap

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
AS_OF = dt.date(2026, 11, 1)
# The areas this suite covers; separation.* (clause 3.2.2) has its own tests against the same table.
AREAS = ("encryption", "access", "sharing", "cookies", "restriction", "optout", "retention")


def planted() -> list[dict[str, str]]:
    """The README's table `id | clause | check | dataset | column | what`."""
    rows, header = [], None
    for line in (SAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[:3] == ["id", "clause", "check"]:
            header = cells
            continue
        if header and re.fullmatch(r"V\d+", cells[0]):
            rows.append(dict(zip(header, cells, strict=False)))
        elif header and rows and not line.startswith("|"):
            break
    assert rows, "README has no planted-violations table"
    return rows


@pytest.fixture(scope="module")
def result():
    return run_checks(load_datamap(SAMPLES / "datamap.yaml"), as_of=AS_OF, only=AREAS)


@pytest.fixture(scope="module")
def truth():
    spec = importlib.util.spec_from_file_location("sample_generate", SAMPLES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module.build()


def _key(check: str, dataset: str | None, column: str | None) -> tuple[str, str, str]:
    return (check, dataset or "-", column or "-")


def test_exactly_the_planted_violations_are_found(result):
    known = set(registry())
    rows = [r for r in planted() if r["check"].split(".")[0] in AREAS]
    assert {r["check"] for r in rows} <= known  # every check id the README uses in these areas exists
    expected = {_key(r["check"], r["dataset"], r["column"]) for r in rows}
    found = [_key(f.check, f.dataset, f.column) for f in result.findings]
    assert result.errors == ()
    assert len(found) == len(set(found)), "one finding per (check, dataset, column)"
    assert set(found) == expected
    clauses = {r["check"]: r["clause"] for r in rows}
    assert all(f.clause == clauses[f.check] for f in result.findings)


def test_subject_counts_match_the_ground_truth(result, truth):
    by = {(f.check, f.dataset): f for f in result.findings}
    t = truth.truth
    assert by[("sharing.no_consent", "audience")].subjects_affected == len(t["planted_noconsent_in_audience"])
    assert by[("restriction.restricted_in_processing", "audience")].subjects_affected == len(
        t["planted_restricted_in_audience"]
    )
    assert by[("optout.opted_out_in_processing", "audience")].subjects_affected == len(
        t["planted_optout_in_audience"]
    )
    users = len(truth.users)
    assert by[("encryption.plaintext_identified", "users_backup")].subjects_affected == users
    # retention: the events older than 120 days, minus those of subjects under a legal hold on events
    events = truth.events
    old = events[
        pd.to_datetime(events["ts"], utc=True) < pd.Timestamp(AS_OF - dt.timedelta(days=120), tz="UTC")
    ]
    holds = pd.read_csv(SAMPLES / "rights" / "legal_holds.csv")
    held = {
        r.user_token
        for r in holds.itertuples()
        if r.datasets == "*" or "events" in str(r.datasets).split(";")
    }
    retention = by[("retention.expired_rows", "events")]
    assert retention.subjects_affected == old.loc[~old["user_token"].isin(held), "user_token"].nunique()
    assert f"{len(old)} of {len(events)} rows" in retention.evidence


def test_no_raw_personal_value_in_any_finding(result, truth):
    text = " ".join(f"{f.message} {f.evidence}" for f in result.findings)
    users = truth.users
    for col in ("email", "name", "phone", "user_token"):
        for value in users[col].dropna().astype(str):
            assert value not in text, f"raw {col} in a finding"
    for token in truth.truth["planted_noconsent_in_audience"]:
        assert token not in text


def test_earlier_audit_date_sees_fewer_expired_events():
    dm = load_datamap(SAMPLES / "datamap.yaml")
    early = run_checks(dm, as_of=dt.date(2026, 6, 1), only="retention")
    assert early.findings == () and early.errors == ()
