"""Generalisation hierarchies, the least-loss search, and the sample survey brought from k = 1 to k >= 5."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from privacy_audit import anonymize as an
from privacy_audit import sources
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import ConfigError

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"


def test_date_hierarchy_levels():
    s = pd.Series(["1966-09-29", "1971-01-02", None])
    h = an.hierarchy_for("date_of_birth", s, entity="DATE_OF_BIRTH", reference="2026-11-01")
    assert h.kind == "date" and h.levels[:3] == ("day", "month", "year") and h.levels[-1] == "*"
    assert h.generalise(s, 1).tolist() == ["1966-09", "1971-01", None]
    assert h.generalise(s, 2).tolist() == ["1966", "1971", None]
    assert h.generalise(s, 3).tolist() == ["age 60-64", "age 55-59", None]  # 60 and 55 on 2026-11-01
    assert h.generalise(s, h.height).tolist() == ["*", "*", "*"]
    no_ref = an.hierarchy_for("dob", s)
    assert no_ref.kind == "date" and no_ref.generalise(s, 4).tolist() == ["1960-1969", "1970-1979", None]


def test_postal_number_and_category_hierarchies():
    z = pd.Series(["92684", "05967", "G8G 9PH"])
    h = an.hierarchy_for("postal_code", z)
    assert h.kind == "postal"
    assert h.generalise(z, 2).tolist() == ["926**", "059**", "G8G 9**"]
    ints = pd.Series([5967, 92684])  # a postal code read as a number keeps its leading zero
    assert an.hierarchy_for("zip", ints).generalise(ints, 1).tolist() == ["0596*", "9268*"]
    age = pd.Series([23, 37, 41, 90])
    ha = an.hierarchy_for("age", age, spec={"type": "number", "width": 5})
    assert ha.generalise(age, 1).tolist() == ["20-24", "35-39", "40-44", "90-94"]
    assert ha.generalise(age, 2).tolist() == ["20-29", "30-39", "40-49", "90-99"]
    g = pd.Series(["female", "male", "non-binary"])
    hc = an.hierarchy_for("gender", g, spec={"levels": [{"female": "f/m", "male": "f/m"}]})
    assert hc.generalise(g, 1).tolist() == ["f/m", "f/m", "non-binary"] and hc.height == 2
    with pytest.raises(ConfigError, match="risk.hierarchies.gender.type"):
        an.hierarchy_for("gender", g, spec={"type": "colour"})


def test_search_picks_the_least_loss_node():
    # zip codes 2 per 3-digit prefix, ages spread: generalising zip one digit reaches k = 2
    df = pd.DataFrame({"zip": ["10001", "10002", "20001", "20002"], "sex": ["f", "f", "m", "m"]})
    plan = an.propose(df, an.build_hierarchies(df, ["zip", "sex"]), k=2, max_suppression=0)
    assert plan.reached and plan.levels == (1, 0) and plan.k_after == 2 and plan.suppressed == 0
    assert 0 < plan.loss < 1 and plan.search == "exhaustive"
    # suppression allowed: dropping two outliers costs less than generalising
    df2 = pd.DataFrame({"zip": ["1"] * 10 + ["2", "3"], "sex": ["f"] * 12})
    p2 = an.propose(df2, an.build_hierarchies(df2, ["zip", "sex"]), k=5, max_suppression=0.2)
    assert p2.levels == (0, 0) and p2.suppressed == 2 and p2.k_after == 10
    p3 = an.propose(df2, an.build_hierarchies(df2, ["zip", "sex"]), k=5, max_suppression=0)
    assert p3.levels[0] == 1 and p3.suppressed == 0


def test_unreachable_target_and_source_untouched():
    df = pd.DataFrame({"zip": ["1", "2"], "sex": ["f", "m"]})
    before = df.copy()
    res = an.anonymize(df, ["zip", "sex"], k=5)
    assert not res.plan.reached and res.plan.suppressed == 2 and len(res.frame) == 0
    pd.testing.assert_frame_equal(df, before)


def test_greedy_search_on_a_wide_lattice():
    rng = np.random.default_rng(3)
    df = pd.DataFrame({f"c{i}": rng.integers(0, 1000, 500) for i in range(6)})
    plan = an.propose(df, an.build_hierarchies(df, list(df.columns)), k=5, max_nodes=50)
    assert plan.search == "greedy" and plan.reached and plan.k_after >= 5


def test_sample_survey_from_k1_to_k5():
    """The issue's done-when: the anonymous survey's risk profile and a fix reaching k >= 5."""
    dm = load_datamap(SAMPLES / "datamap.yaml")
    ds = dm.dataset("survey")
    frame = sources.read_dataset(ds)
    source_bytes = ds.path.read_bytes()
    qis = ["postal_code", "date_of_birth", "gender"]
    res = an.anonymize(frame, qis, k=5, max_suppression=0.05,
                       hierarchies=an.build_hierarchies(frame, qis, reference=dm.as_of), sensitive=["satisfaction"])  # fmt: skip
    b, a, plan = res.before, res.after, res.plan
    assert b.k == 1 and b.sample_uniqueness == 1.0 and b.prosecutor.highest == 1.0
    assert plan.reached and a.k >= 5 and plan.k_after == a.k
    assert plan.suppressed_share <= 0.05 and len(res.frame) == len(frame) - plan.suppressed
    assert 0 < plan.loss < 1 and a.prosecutor.highest <= 0.2
    table = res.to_frame().set_index("measure")
    assert table.loc["k (smallest class)", "before"] == 1 and table.loc["k (smallest class)", "after"] >= 5
    assert ds.path.read_bytes() == source_bytes  # the source is never changed
