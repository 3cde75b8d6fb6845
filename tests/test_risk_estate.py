"""Re-identification risk on real estates: the data map's settings, the risk.reidentification control,
separation.quasi_identifier's evidence, and the `risk` / `anonymize` commands (real files, real scan)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from privacy_audit.checks import run_checks
from privacy_audit.checks.risk import anonymize_dataset, assess_estate
from privacy_audit.cli import run_guarded
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import DataMapError, InputError

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
AS_OF = dt.date(2026, 11, 1)


def _estate(tmp_path: Path, frame: pd.DataFrame, **dataset) -> Path:
    (tmp_path / "analytics").mkdir()
    frame.to_csv(tmp_path / "analytics" / "answers.csv", index=False)
    entry = {"name": "answers", "path": "analytics/answers.csv", "zone": "anonymous", **dataset}
    doc = {"organization": "T", "as_of": "2026-11-01", "datasets": [entry]}
    (tmp_path / "datamap.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))
    return tmp_path / "datamap.yaml"


def _grouped(n_groups: int = 20, size: int = 6) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    rows = []
    for g in range(n_groups):
        for _ in range(size):
            rows.append({"zip": f"9{g:04d}", "gender": ["female", "male"][g % 2],
                         "diagnosis": "flu" if g == 0 else rng.choice(["flu", "cold", "asthma"])})  # fmt: skip
    return pd.DataFrame(rows)


def test_bad_risk_settings_fail_at_load_with_file_and_line(tmp_path):
    dm = _estate(tmp_path, _grouped(), risk={"k": 5, "max_risk": 3})
    with pytest.raises(DataMapError, match=r"datamap\.yaml:\d+: risk\.max_risk: expected a share in \(0, 1\]"):
        load_datamap(dm)


def test_control_fires_on_thresholds_beyond_k(tmp_path):
    # k = 6 meets k = 5 (separation.quasi_identifier is silent) but max_risk 0.1 and l = 2 are not met
    dm = _estate(tmp_path, _grouped(), risk={"max_risk": 0.1, "sensitive": ["diagnosis"], "l": 2})
    result = run_checks(load_datamap(dm), as_of=AS_OF, only=["risk", "separation.quasi_identifier"])
    assert result.errors == ()
    assert [(f.check, f.dataset, f.clause) for f in result.findings] == [("risk.reidentification", "answers", "3.2.2")]
    f = result.findings[0]
    assert "prosecutor risk 16.7% > 10.0%" in f.message and "diagnosis: l = 1 < 2" in f.message
    assert "k = 6 over zip + gender" in f.evidence
    # without thresholds beyond k the control is silent
    (tmp_path / "b").mkdir()
    dm2 = _estate(tmp_path / "b", _grouped())
    assert run_checks(load_datamap(dm2), as_of=AS_OF, only=["risk"]).findings == ()


def test_population_table_gives_k_map(tmp_path):
    sample = _grouped(n_groups=4, size=2)
    dm = _estate(tmp_path, sample, risk={"population": "population.csv", "population_count": "n", "max_risk": 0.2})
    pop = sample.drop_duplicates(["zip", "gender"])[["zip", "gender"]].assign(n=[3, 50, 50, 50])
    pop.to_csv(tmp_path / "population.csv", index=False)
    d = assess_estate(load_datamap(dm), dataset="answers").datasets[0]
    assert d.profile.k == 2 and d.profile.k_map == 3
    assert d.profile.journalist.highest == pytest.approx(1 / 3)
    assert any("journalist risk 33.3% > 20.0% (k-map 3)" in b for b in d.breaches())


def test_sample_survey_risk_and_proposal():
    dm = load_datamap(SAMPLES / "datamap.yaml")
    a = assess_estate(dm, dataset="survey")
    d = a.datasets[0]
    assert d.profile.quasi_identifiers == ("postal_code", "date_of_birth", "gender")
    assert d.profile.k == 1 and d.profile.sample_uniqueness == 1.0
    assert d.fix is not None and d.fix.plan.reached and d.fix.after.k >= 5
    assert "information loss" in d.proposal() and "k 1 -> " in d.proposal()
    # the planted V16 finding now carries the measured risk and the proposed fix
    result = run_checks(dm, as_of=AS_OF, only=["separation.quasi_identifier", "risk"])
    assert [(f.check, f.dataset) for f in result.findings] == [("separation.quasi_identifier", "survey")]
    ev = result.findings[0].evidence
    assert "prosecutor risk highest 100%" in ev and "proposed fix: " in ev and "information loss" in ev


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def test_anonymize_writes_a_new_file_and_never_the_source(tmp_path, capsys):
    estate = tmp_path / "estate"
    shutil.copytree(SAMPLES, estate)
    before = _digest(estate)
    out = tmp_path / "survey_k5.csv"
    rc = run_guarded(["anonymize", str(estate / "datamap.yaml"), "survey", "--target", "k=5", "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    assert _digest(estate) == before
    got = pd.read_csv(out, dtype=str)
    assert got.groupby(["postal_code", "date_of_birth", "gender"], dropna=False).size().min() >= 5
    assert "k (smallest class)" in capsys.readouterr().out
    # refusals: one line, exit 2, nothing written
    for args, expected in [
        (["--target", "k=5", "--out", str(out)], "already exists"),
        (["--target", "k=5", "--out", str(estate / "analytics" / "survey_responses.csv")], "file of the estate"),
        (["--target", "k=1", "--out", str(tmp_path / "x.csv")], "expected k=N"),
        (["--target", "colour=red", "--out", str(tmp_path / "x.csv")], "expected k=N"),
        (["--target", "k=5", "--max-suppression", "2", "--out", str(tmp_path / "x.csv")], "--max-suppression"),
        (["--target", "k=100000", "--max-suppression", "0", "--out", str(tmp_path / "x.csv")], "nothing written"),
    ]:
        rc = run_guarded(["anonymize", str(estate / "datamap.yaml"), "survey", *args])
        err = capsys.readouterr().err.strip()
        assert rc == 2 and expected in err and len(err.splitlines()) == 1, (args, err)
    assert not (tmp_path / "x.csv").exists() and _digest(estate) == before


def test_risk_command_text_and_json(capsys):
    rc = run_guarded(["risk", str(SAMPLES / "datamap.yaml"), "--dataset", "survey"])
    out = capsys.readouterr().out
    assert rc == 0 and "k = 1 (target 5)" in out and "proposed fix:" in out and "prosecutor" in out
    rc = run_guarded(["risk", str(SAMPLES / "datamap.yaml"), "--dataset", "survey", "--qi", "gender", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert rc == 0 and doc["datasets"][0]["profile"]["quasi_identifiers"] == ["gender"]
    assert doc["datasets"][0]["profile"]["k"] >= 5 and doc["datasets"][0]["fix"] is None
    rc = run_guarded(["risk", str(SAMPLES / "datamap.yaml"), "--dataset", "survey", "--qi", "nope"])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and err == "error: quasi-identifier column 'nope' (risk settings) not in the data"
    for args, expected in [
        (["risk", "/nonexistent/datamap.yaml"], "data map not found"),
        (["risk", str(SAMPLES / "datamap.yaml"), "--qi", "gender"], "--qi needs --dataset"),
        (["risk", str(SAMPLES / "datamap.yaml"), "--k", "1"], "--k: expected a whole number of at least 2"),
        (["risk", str(SAMPLES / "datamap.yaml"), "--dataset", "nope"], "nope"),
    ]:
        rc = run_guarded(args)
        err = capsys.readouterr().err.strip()
        assert rc == 2 and expected in err and len(err.splitlines()) == 1, (args, err)


def test_anonymize_dataset_refuses_no_quasi_identifiers(tmp_path):
    dm = _estate(tmp_path, pd.DataFrame({"satisfaction": [1, 2, 3]}))
    with pytest.raises(InputError, match="no quasi-identifier columns"):
        anonymize_dataset(load_datamap(dm), "answers", tmp_path / "o.csv", k=2)
