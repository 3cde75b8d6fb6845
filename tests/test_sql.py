"""SQL sources for real: SQLite (embedded) and PostgreSQL (a database this session creates and drops).

The sample estate's tabular datasets are copied into each database, and the same full scan, the
same separation checks and the same subject search must give the same results as the files. An
erasure against PostgreSQL that fails on its second statement must leave every table as it was.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
import sqlalchemy as sa
from conftest_pg import SQL_DATASETS, copy_estate, pg_url, sql_estate  # noqa: F401 - pg_url is a fixture

from privacy_audit import engine, erasure, sources
from privacy_audit.checks import run_checks
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import ErasureError, InputError
from privacy_audit.subjects import find_subject_data, resolve_subject

SUBJECT_TOKEN = "u_f3f4d465bfeb8948"


@pytest.fixture(scope="module")
def files_dm(tmp_path_factory):
    return load_datamap(copy_estate(tmp_path_factory.mktemp("files") / "estate"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sql_dm(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.param)
    url = f"sqlite:///{base}/estate.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    return load_datamap(sql_estate(base / "estate", url))


def _full_scans(dm) -> pd.DataFrame:
    frames = []
    for ds in dm.datasets:
        if ds.name in SQL_DATASETS:
            result = engine.scan(ds, full=True)
            assert not result.errors
            frames.append(result.to_frame())
    return pd.concat(frames, ignore_index=True)


def test_sql_tables_read_back_like_the_files(files_dm, sql_dm):
    for name in SQL_DATASETS:
        ds = sql_dm.dataset(name)
        assert ds.is_sql
        a = sources.read_dataset(files_dm.dataset(name))
        b = sources.read_dataset(ds)
        assert list(b.columns) == list(a.columns) and len(b) == len(a)
        assert sources.sql_count(ds.url, ds.table) == len(a)
        # same cells in the same order (types may differ: e.g. SQLite has no time zones)
        for col in a.columns:
            assert a[col].notna().tolist() == b[col].notna().tolist(), (name, col)
        chunks = list(sources.iter_dataset_chunks(ds, 333))
        assert sum(map(len, chunks)) == len(a) and max(map(len, chunks)) <= 333
        pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), b)


def test_full_scan_identical_to_files(files_dm, sql_dm):
    base = _full_scans(files_dm)
    assert len(base) > 30 and base["entity"].notna().sum() >= 8
    pd.testing.assert_frame_equal(_full_scans(sql_dm), base)


def test_separation_checks_identical_to_files(files_dm, sql_dm):
    base = run_checks(files_dm, only="separation")
    sql = run_checks(sql_dm, only="separation")
    assert not base.errors and not sql.errors
    assert {f.check for f in base.findings} >= {"separation.direct_identifier", "separation.join_path"}
    pd.testing.assert_frame_equal(sql.to_frame(), base.to_frame())


def test_subject_search_identical_to_files(files_dm, sql_dm):
    subject = resolve_subject(files_dm, "token", SUBJECT_TOKEN)
    base = find_subject_data(files_dm, subject)
    for found in (find_subject_data(sql_dm, subject), engine.find_subject_data(sql_dm, subject, chunksize=50)):
        assert not found.errors
        assert [(m.name, m.row_ids, m.row_reasons) for m in found.datasets] == [
            (m.name, m.row_ids, m.row_reasons) for m in base.datasets
        ]
    assert sum(len(m.row_ids) for m in base.datasets if m.name in SQL_DATASETS) >= 10


def test_sample_is_drawn_by_the_database_and_seeded(sql_dm):
    ds = sql_dm.dataset("events")
    a = sources.sample_sql(ds.url, ds.table, 50, seed=3)
    b = sources.sample_sql(ds.url, ds.table, 50, seed=3)
    c = sources.sample_sql(ds.url, ds.table, 50, seed=4)
    assert len(a) == 50 and a.attrs["n_rows"] == sources.sql_count(ds.url, ds.table) == 20_000
    assert a["event_id"].tolist() == b["event_id"].tolist() != c["event_id"].tolist()
    assert set(a["event_id"]) <= set(sources.read_sql(ds.url, ds.table, columns=["event_id"])["event_id"])
    sampled = engine.scan(ds, sample=200)  # classification on a database-side sample
    assert {c.column for c in sampled.columns} == set(a.columns)


def test_parameterised_search_is_not_injectable(sql_dm):
    ds = sql_dm.dataset("users_backup")
    hostile = "x' OR '1'='1"
    assert sources.sql_row_positions(ds.url, ds.table, {"user_token": [hostile]}) == []
    rows = sources.read_dataset(ds)
    pos = sources.sql_row_positions(ds.url, ds.table, {"user_token": [SUBJECT_TOKEN, hostile]})
    assert pos == rows.index[rows["user_token"] == SUBJECT_TOKEN].tolist() and len(pos) == 1


def test_bad_url_and_table_are_one_line_errors(tmp_path):
    with pytest.raises(InputError, match="no such table") as exc:
        sources.read_sql(f"sqlite:///{tmp_path}/none.db", "missing")
    assert "\n" not in str(exc.value)
    with pytest.raises(InputError) as exc:
        sources.read_sql("postgresql+psycopg://auditor:s3cret-pw@127.0.0.1:1/none", "t")
    assert "s3cret-pw" not in str(exc.value) and "\n" not in str(exc.value)
    with pytest.raises(InputError, match="not a usable database URL"):
        sources.sql_engine("nosuchdialect://x/y")


# ------------------------------------------------------------------------------------ erasure

_DATAMAP = """\
organization: Test Co
datasets:
  - name: events
    url: {url}
    table: events
    zone: pseudonymous
    subject_key: user_token
  - name: accounts
    url: {url}
    table: accounts
    zone: identified
    subject_key: user_token
    columns: {{email: EMAIL_ADDRESS}}
"""


def _tables(url: str, *, archive: bool) -> None:
    """accounts (keyed), events, and -- outside the data map -- an invoice archive whose foreign key
    forbids deleting an account that has invoices."""
    with sources.sql_engine(url).begin() as conn:
        for t in ("invoices", "events", "accounts"):
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {t}"))
        conn.execute(sa.text("CREATE TABLE accounts (user_token text PRIMARY KEY, email text)"))
        conn.execute(sa.text("CREATE TABLE events (event_id integer PRIMARY KEY, user_token text, kind text)"))
        conn.execute(sa.text("CREATE TABLE invoices (invoice_id integer PRIMARY KEY, "
                             "user_token text REFERENCES accounts(user_token) ON DELETE RESTRICT)"))  # fmt: skip
        conn.execute(sa.text("INSERT INTO accounts VALUES ('u_000001', 'Ann.Lee@example.com'), "
                             "('u_000002', 'bo@example.com'), ('u_000003', 'cy@example.com')"))  # fmt: skip
        conn.execute(sa.text("INSERT INTO events VALUES (1, 'u_000001', 'open'), (2, 'u_000002', 'open'), "
                             "(3, 'u_000001', 'buy'), (4, 'u_000003', 'open'), (5, 'u_000001', 'close')"))  # fmt: skip
        if archive:
            conn.execute(sa.text("INSERT INTO invoices VALUES (10, 'u_000001')"))


def _snapshot(url: str) -> dict[str, list]:
    with sources.sql_engine(url).connect() as conn:
        return {t: [tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {t} ORDER BY 1"))]
                for t in ("accounts", "events", "invoices")}  # fmt: skip


@pytest.fixture
def eraser():
    sql = engine.SqlEraser()
    erasure.register_sql_eraser(sql)
    yield sql
    erasure.register_sql_eraser(None)


def _plan(dm, sql):
    needles = erasure.Needles.from_identifiers({"tokens": ["u_000001"], "emails": ["ann.lee@example.com"]})
    base = erasure.plan_erasure(dm, {"tokens": ["u_000001"], "emails": ["ann.lee@example.com"]})
    sql_plans = tuple(sql.plan(dm, ds, needles, None) for ds in dm.datasets)
    return dataclasses.replace(base, datasets=tuple(p for p in base.datasets if p.format != "sql") + sql_plans)


def test_postgres_erasure_failing_halfway_rolls_back(pg_url, tmp_path, eraser):  # noqa: F811
    _tables(pg_url, archive=True)
    (tmp_path / "datamap.yaml").write_text(_DATAMAP.format(url=pg_url))
    dm = load_datamap(tmp_path / "datamap.yaml")
    plan = _plan(dm, eraser)
    by_name = {p.name: p for p in plan.datasets}
    assert [r.row for r in by_name["events"].rows] == [0, 2, 4]  # found by parameterised queries
    assert [r.row for r in by_name["accounts"].rows] == [0]  # e-mail matched case-insensitively too
    before = _snapshot(pg_url)
    # statement 1 (events) succeeds, statement 2 (accounts) violates the invoice foreign key
    with pytest.raises(ErasureError, match="nothing was changed") as exc:
        erasure.apply_erasure(dm, plan, audit=False)
    assert "\n" not in str(exc.value) and "ann.lee" not in str(exc.value).lower()
    assert _snapshot(pg_url) == before
    assert eraser.residue(dm, dm.dataset("events"), erasure.Needles.from_identifiers({"tokens": ["u_000001"]})) == 3


def test_postgres_erasure_commits_all_statements(pg_url, tmp_path, eraser):  # noqa: F811
    _tables(pg_url, archive=False)
    (tmp_path / "datamap.yaml").write_text(_DATAMAP.format(url=pg_url))
    dm = load_datamap(tmp_path / "datamap.yaml")
    erasure.apply_erasure(dm, _plan(dm, eraser), audit=False)
    after = _snapshot(pg_url)
    assert after["events"] == [(2, "u_000002", "open"), (4, "u_000003", "open")]
    assert [r[0] for r in after["accounts"]] == ["u_000002", "u_000003"]
    assert eraser.residue(dm, dm.dataset("accounts"), erasure.Needles.from_identifiers({"tokens": ["u_000001"]})) == 0


def test_table_changed_since_planning_rolls_back(pg_url, tmp_path, eraser):  # noqa: F811
    _tables(pg_url, archive=False)
    (tmp_path / "datamap.yaml").write_text(_DATAMAP.format(url=pg_url))
    dm = load_datamap(tmp_path / "datamap.yaml")
    plan = _plan(dm, eraser)
    with sources.sql_engine(pg_url).begin() as conn:
        conn.execute(sa.text("INSERT INTO events VALUES (0, 'u_000009', 'open')"))  # shifts every row id
    before = _snapshot(pg_url)
    with pytest.raises(ErasureError, match="changed since it was read"):
        erasure.apply_erasure(dm, plan, audit=False)
    assert _snapshot(pg_url) == before
