"""Re-identification risk pushed down to SQL as GROUP BY (issue 20, step 5): on SQLite and a real
PostgreSQL, the sample estate's tables give the same figures as the files, without reading the rows."""

from __future__ import annotations

import pytest
from conftest_pg import copy_estate, pg_url, sql_estate  # noqa: F401 - pg_url is a fixture

from privacy_audit import sources
from privacy_audit.checks.risk import assess_estate
from privacy_audit.datamap import load_datamap


@pytest.fixture(scope="module")
def files_dm(tmp_path_factory):
    return load_datamap(copy_estate(tmp_path_factory.mktemp("files") / "estate"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sql_dm(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.param)
    url = f"sqlite:///{base}/estate.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    return load_datamap(sql_estate(base / "estate", url, datasets=("survey", "events")))


def test_group_counts_are_computed_by_the_database(sql_dm):
    ds = sql_dm.dataset("survey")
    counts = sources.sql_group_counts(ds.url, ds.table, ["gender"])
    frame = sources.read_dataset(ds)
    expected = frame["gender"].value_counts(dropna=False)
    got = counts.set_index("gender")["__records"]
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()


def _same(a, b) -> None:
    """The same figures (floats up to summation order)."""
    assert (a.quasi_identifiers, a.records, a.classes, a.k, a.distribution, a.unit) == (
        b.quasi_identifiers, b.records, b.classes, b.k, b.distribution, b.unit)
    for x, y in zip(a.models, b.models, strict=True):
        assert x.highest == (None if y.highest is None else pytest.approx(y.highest))
        assert (x.average, x.records_at_risk, x.expected_reidentifications) == pytest.approx(
            (y.average, y.records_at_risk, y.expected_reidentifications))
    assert a.sample_uniqueness == pytest.approx(b.sample_uniqueness)
    assert a.contribution.summary() == b.contribution.summary()


def test_survey_in_sql_measures_like_the_file(files_dm, sql_dm, monkeypatch):
    # the rows never leave the database: reading the table whole would fail the test
    def no_rows(*_a, **_k):
        raise AssertionError("the risk of a SQL dataset must not read its rows")

    on_file = assess_estate(files_dm, dataset="survey").datasets[0]
    events_file = assess_estate(files_dm, dataset="events", quasi_identifiers=["country"]).datasets[0]
    n_pairs = len(sources.read_dataset(files_dm.dataset("events"))[["user_token", "country"]].drop_duplicates())
    monkeypatch.setattr(sources, "read_sql", no_rows)
    monkeypatch.setattr(sources, "iter_sql_chunks", no_rows)
    in_sql = assess_estate(sql_dm, dataset="survey").datasets[0]
    _same(in_sql.profile, on_file.profile)
    p_sql, p_file = in_sql.fix.plan, on_file.fix.plan
    assert (p_sql.levels, p_sql.suppressed, p_sql.k_after) == (p_file.levels, p_file.suppressed, p_file.k_after)
    assert p_sql.loss == pytest.approx(p_file.loss)
    assert in_sql.fix.after.k == on_file.fix.after.k >= 5
    # a subject-keyed table: records are the distinct (subject, class) pairs, as for the file
    events_sql = assess_estate(sql_dm, dataset="events", quasi_identifiers=["country"]).datasets[0]
    _same(events_sql.profile, events_file.profile)
    assert events_sql.profile.unit == "subjects" and events_sql.profile.records == n_pairs
