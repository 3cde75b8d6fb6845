"""SQL sources for real: SQLite (embedded) and PostgreSQL (a database this session creates and drops).

The sample estate's tabular datasets are copied into each database, and the same full scan, the
same separation checks and the same subject search must give the same results as the files. An
erasure against PostgreSQL that fails on its second statement must leave every table as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
import yaml
from conftest_pg import SQL_DATASETS, copy_estate, pg_url, sql_estate  # noqa: F401 - pg_url is a fixture
from conftest_pg import _load as load_table

from privacy_audit import engine, erasure, sources
from privacy_audit.checks import run_checks
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import ErasureError, InputError
from privacy_audit.report.erasure import build_erasure_report, write_erasure_report
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
# Everything below goes through the public path only: plan_erasure -> apply_erasure -> verify_erasure
# (the default SQL eraser, engine.SqlEraser, is used without being registered by the test).

_DATAMAP = """\
organization: Test Co
registers:
  legal_holds: legal_holds.csv
datasets:
  - name: events
    url: {url}
    table: er_events
    zone: pseudonymous
    subject_key: user_token
  - name: accounts
    url: {url}
    table: er_accounts
    zone: identified
    subject_key: user_token
    columns: {{email: EMAIL_ADDRESS}}
  - name: notes
    url: {url}
    table: er_notes
    zone: identified
    subject_key: user_token
    free_text: [body]
  - name: newsletter
    path: newsletter.csv
    zone: identified
    subject_key: user_token
    columns: {{email: EMAIL_ADDRESS}}
"""
_NEWSLETTER = "user_token,email\r\nu_000002,bo@example.com\r\nu_000001,ann.lee@example.com\r\nu_000003,cy@example.com\r\n"
_NOTE = "Please call back Ann.Lee@example.com about the refund"
ANN = {"tokens": ["u_000001"], "emails": ["ann.lee@example.com"]}
_TABLES = ("er_invoices", "er_notes", "er_events", "er_accounts")


def _small_estate(tmp_path, url: str, *, archive: bool = False, hold: str | None = None):
    """er_accounts (keyed), er_events, er_notes (someone else's note mentions Ann's e-mail), a CSV file,
    and -- outside the data map -- an invoice archive whose foreign key forbids deleting an account
    that has invoices (when ``archive``). ``hold``: the datasets a legal hold on Ann names."""
    with sources.sql_engine(url).begin() as conn:
        for t in _TABLES:
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {t}"))
        conn.execute(sa.text("CREATE TABLE er_accounts (user_token text PRIMARY KEY, email text)"))
        conn.execute(sa.text("CREATE TABLE er_events (event_id integer PRIMARY KEY, user_token text, kind text)"))
        conn.execute(sa.text("CREATE TABLE er_notes (note_id integer PRIMARY KEY, user_token text, body text)"))
        conn.execute(sa.text("CREATE TABLE er_invoices (invoice_id integer PRIMARY KEY, "
                             "user_token text REFERENCES er_accounts(user_token) ON DELETE RESTRICT)"))  # fmt: skip
        conn.execute(sa.text("INSERT INTO er_accounts VALUES ('u_000001', 'Ann.Lee@example.com'), "
                             "('u_000002', 'bo@example.com'), ('u_000003', 'cy@example.com')"))  # fmt: skip
        conn.execute(sa.text("INSERT INTO er_events VALUES (1, 'u_000001', 'open'), (2, 'u_000002', 'open'), "
                             "(3, 'u_000001', 'buy'), (4, 'u_000003', 'open'), (5, 'u_000001', 'close')"))  # fmt: skip
        conn.execute(sa.text("INSERT INTO er_notes VALUES (1, 'u_000003', 'likes the blue plan'), "
                             "(2, 'u_000002', :note)"), {"note": _NOTE})  # fmt: skip
        if archive:
            conn.execute(sa.text("INSERT INTO er_invoices VALUES (10, 'u_000001')"))
    (tmp_path / "newsletter.csv").write_bytes(_NEWSLETTER.encode())
    holds = "user_token,datasets,reason,until\n" + (f"u_000001,{hold},tax audit,2099-12-31\n" if hold else "")
    (tmp_path / "legal_holds.csv").write_text(holds)
    (tmp_path / "datamap.yaml").write_text(_DATAMAP.format(url=url))
    return load_datamap(tmp_path / "datamap.yaml")


def _snapshot(url: str) -> dict[str, list]:
    with sources.sql_engine(url).connect() as conn:
        return {t: [tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {t} ORDER BY 1"))] for t in _TABLES}


@pytest.fixture(params=["sqlite", "postgresql"])
def small_url(request, tmp_path):
    return f"sqlite:///{tmp_path}/small.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")


def test_postgres_erasure_failing_halfway_rolls_back(pg_url, tmp_path):  # noqa: F811
    dm = _small_estate(tmp_path, pg_url, archive=True)
    plan = erasure.plan_erasure(dm, ANN)
    by_name = {p.name: p for p in plan.datasets}
    assert by_name["events"].format == "sql" and not by_name["events"].note
    assert [(r.row, r.action) for r in by_name["events"].rows] == [(0, "delete_row"), (2, "delete_row"),
                                                                    (4, "delete_row")]  # fmt: skip
    assert [r.row for r in by_name["accounts"].rows] == [0]  # e-mail matched case-insensitively too
    before, file_before = _snapshot(pg_url), (tmp_path / "newsletter.csv").read_bytes()
    # statement 1 (events) succeeds, statement 2 (accounts) violates the invoice foreign key
    with pytest.raises(ErasureError, match="nothing was changed") as exc:
        erasure.apply_erasure(dm, plan, audit=False)
    assert "\n" not in str(exc.value) and "ann.lee" not in str(exc.value).lower()
    assert _snapshot(pg_url) == before
    assert (tmp_path / "newsletter.csv").read_bytes() == file_before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind
    ver = erasure.verify_erasure(dm, plan)
    assert not ver.ok and {r.dataset for r in ver.residues} >= {"events", "accounts", "newsletter"}


def test_sql_and_file_erasure_commits_and_verifies(small_url, tmp_path):
    dm = _small_estate(tmp_path, small_url)
    before = _snapshot(small_url)
    plan = erasure.plan_erasure(dm, ANN)
    result = erasure.apply_erasure(dm, plan, audit=False)
    after = _snapshot(small_url)
    assert after["er_events"] == [r for r in before["er_events"] if r[1] != "u_000001"]
    assert after["er_accounts"] == [r for r in before["er_accounts"] if r[0] != "u_000001"]
    # someone else's note keeps its row; only the mention of Ann is redacted
    assert after["er_notes"] == [(1, "u_000003", "likes the blue plan"),
                                 (2, "u_000002", _NOTE.replace("Ann.Lee@example.com", erasure.REDACTED))]  # fmt: skip
    assert (tmp_path / "newsletter.csv").read_bytes() == _NEWSLETTER.replace(
        "u_000001,ann.lee@example.com\r\n", "").encode()  # fmt: skip
    out = {o.name: o for o in result.outcomes}
    assert (out["events"].rows_before, out["events"].deleted, out["events"].rows_after) == (5, 3, 2)
    assert (out["accounts"].deleted, out["notes"].redacted, out["notes"].rows_after) == (1, 1, 2)
    assert out["newsletter"].deleted == 1 and len(result.tables_written) == 3
    assert result.files_written == ("newsletter.csv",)
    ver = erasure.verify_erasure(dm, plan, strict=True)
    assert ver.ok and {c.name: c.rows for c in ver.datasets}["events"] == 2
    assert erasure.sql_eraser().residue(dm, dm.dataset("accounts"), erasure.Needles.from_identifiers(ANN)) == 0


def test_legal_hold_is_honoured_on_a_sql_table(small_url, tmp_path):
    dm = _small_estate(tmp_path, small_url, hold="accounts;notes")
    before = _snapshot(small_url)
    plan = erasure.plan_erasure(dm, ANN)
    by_name = {p.name: p for p in plan.datasets}
    assert by_name["accounts"].kept_reasons == {"legal hold: tax audit (until 2099-12-31)": 1}
    assert by_name["notes"].count("keep") == 1 and by_name["notes"].count("redact_spans") == 0
    assert by_name["events"].count("delete_row") == 3  # not named by the hold
    erasure.apply_erasure(dm, plan, audit=False)
    after = _snapshot(small_url)
    assert after["er_accounts"] == before["er_accounts"] and after["er_notes"] == before["er_notes"]
    assert after["er_events"] == [r for r in before["er_events"] if r[1] != "u_000001"]
    ver = erasure.verify_erasure(dm, plan, strict=True)  # the held rows are expected, not residue
    held = {c.name: c.held for c in ver.datasets}
    assert held["accounts"] == 1 and held["notes"] == 1 and ver.held == 2 + 1  # + the hold register's own row


def test_table_changed_since_planning_rolls_back(pg_url, tmp_path):  # noqa: F811
    dm = _small_estate(tmp_path, pg_url)
    plan = erasure.plan_erasure(dm, ANN)
    with sources.sql_engine(pg_url).begin() as conn:
        conn.execute(sa.text("INSERT INTO er_events VALUES (0, 'u_000009', 'open')"))  # shifts every row id
    before, file_before = _snapshot(pg_url), (tmp_path / "newsletter.csv").read_bytes()
    with pytest.raises(ErasureError, match="changed since it was read"):
        erasure.apply_erasure(dm, plan, audit=False)
    assert _snapshot(pg_url) == before
    assert (tmp_path / "newsletter.csv").read_bytes() == file_before


def test_failed_file_commit_rolls_the_database_back(small_url, tmp_path, monkeypatch):
    """The database statements have run when the files are renamed; a failed rename rolls them back."""
    dm = _small_estate(tmp_path, small_url)
    plan = erasure.plan_erasure(dm, ANN)
    before, file_before = _snapshot(small_url), (tmp_path / "newsletter.csv").read_bytes()

    real_replace = os.replace

    def broken_replace(src, dst):  # a real failure point of the multi-file commit (root ignores modes)
        if ".privacy-audit-journal" in str(dst):  # the journal itself is written; the dataset renames fail
            return real_replace(src, dst)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ErasureError, match="nothing was changed"):
        erasure.apply_erasure(dm, plan, audit=False)
    monkeypatch.undo()
    assert _snapshot(small_url) == before
    assert (tmp_path / "newsletter.csv").read_bytes() == file_before


def test_without_a_sql_eraser_sql_datasets_are_noted_and_refused(tmp_path):
    dm = _small_estate(tmp_path, f"sqlite:///{tmp_path}/small.db")
    previous = erasure.register_sql_eraser(None)
    try:
        plan = erasure.plan_erasure(dm, ANN)
        assert {p.name for p in plan.datasets if p.note} == {"events", "accounts", "notes"}
        with pytest.raises(ErasureError, match="no SQL eraser"):
            erasure.apply_erasure(dm, plan, audit=False)
    finally:
        erasure.register_sql_eraser(previous)
    assert isinstance(erasure.sql_eraser(), engine.SqlEraser)


# ------------------------------------------------- the sample estate across SQLite, PostgreSQL and files

PG_DATASETS = ("tickets", "events", "sessions")
LITE_DATASETS = ("users_backup", "audience", "devices")
RICH = "u_5e40321e94419582"  # data_samples/README.md: many traces
HELD = "u_cbd10052ed735f45"  # legal_holds.csv: a hold on logs and events (events lives in PostgreSQL here)


def mixed_estate(dest, pg: str, lite: str, prefix: str):
    """A copy of the sample estate whose PG_DATASETS live in PostgreSQL and LITE_DATASETS in SQLite
    (tables ``{prefix}_{name}``, same rows in the same order, no primary key); the rest stay files."""
    dm_path = copy_estate(dest)
    dm = load_datamap(dm_path)
    doc = yaml.safe_load(dm_path.read_text())
    for entry in doc["datasets"]:
        url = pg if entry["name"] in PG_DATASETS else lite if entry["name"] in LITE_DATASETS else None
        if url is None:
            continue
        table = f"{prefix}_{entry['name']}"
        load_table(sources.read_dataset(dm.dataset(entry["name"])), url, table)
        moved = dm.dataset(entry["name"]).path  # the rows live in the database now, not in a stray file
        shutil.rmtree(moved) if moved.is_dir() else moved.unlink()
        entry.pop("path", None)
        entry.pop("format", None)
        entry.update(url=url, table=table)
    out = dest / "datamap_mixed.yaml"
    out.write_text(yaml.safe_dump(doc, sort_keys=False))
    return load_datamap(out)


_PLAN_COLS = ["dataset", "action", "rows_total", "subject_rows", "delete_row", "mask_columns", "redact_spans",
              "crypto_shred", "kept", "kept_reasons", "shared_rows"]  # fmt: skip


@pytest.mark.parametrize("token", [RICH, HELD])
def test_erasure_across_sqlite_postgresql_and_files(token, pg_url, tmp_path):  # noqa: F811
    dm = mixed_estate(tmp_path / "mixed", pg_url, f"sqlite:///{tmp_path}/lite.db", f"mx{token[-6:]}")
    files_dm = load_datamap(copy_estate(tmp_path / "files"))
    assert {d.name for d in dm.datasets if d.is_sql} == set(PG_DATASETS + LITE_DATASETS)
    key = erasure.vault_key_for(dm)
    before = {n: sources.read_dataset(dm.dataset(n)) for n in PG_DATASETS + LITE_DATASETS}
    plan = erasure.plan_erasure(dm, resolve_subject(dm, "token", token, vault_key=key), vault_key=key)
    # the same decisions as on the all-files estate, dataset by dataset
    files_plan = erasure.plan_erasure(files_dm, resolve_subject(files_dm, "token", token, vault_key=key), vault_key=key)
    pd.testing.assert_frame_equal(plan.to_frame()[_PLAN_COLS], files_plan.to_frame()[_PLAN_COLS])
    result = erasure.apply_erasure(dm, plan, vault_key=key)
    ver = erasure.verify_erasure(dm, plan, vault_key=key)
    assert ver.ok and ver.subject_search, ver.to_dict()
    result = dataclasses.replace(result, verification=ver)
    report = json.loads(write_erasure_report(build_erasure_report(result), tmp_path / "report")[0].read_text())
    rows = {d["dataset"]: d for d in report["datasets"]}

    # independent expectations: the subject's rows are keyed by their token, or (sessions) by the
    # SHA-256 of their e-mail; datasets named by an active hold on them keep everything
    users = pd.read_csv(tmp_path / "files/exports/users_backup.csv", dtype=str).set_index("user_token")
    keys = {token, hashlib.sha256(users.loc[token, "email"].strip().lower().encode()).hexdigest()}
    holds = pd.read_csv(tmp_path / "files/rights/legal_holds.csv", dtype=str)
    held = {n for d in holds.loc[holds["user_token"] == token, "datasets"] for n in d.split(";")}
    for name, frame in before.items():
        ds = dm.dataset(name)
        mine = frame[ds.subject_key].isin(keys)
        after = sources.read_dataset(ds)
        n = int(mine.sum())
        assert n > 0, name
        if name in held:
            pd.testing.assert_frame_equal(after, frame)
            assert (rows[name]["kept"], rows[name]["deleted"], rows[name]["rows_after"]) == (n, 0, len(frame))
            assert rows[name]["kept_reasons"][0]["reason"].startswith("legal hold: fraud investigation")
        else:  # the subject's rows are gone, every other row unchanged, in order
            pd.testing.assert_frame_equal(after, frame[~mine].reset_index(drop=True))
            assert (rows[name]["deleted"], rows[name]["kept"]) == (n, 0), name
            assert rows[name]["rows_after"] == len(frame) - n == sources.sql_count(ds.url, ds.table), name
        assert rows[name]["rows_before"] == len(frame) and rows[name]["residual"] == 0
    assert (token == HELD) == ("events" in held)
    assert sorted(result.tables_written) == sorted(rows[n]["path"] for n in before if n not in held)
    assert "identity/identity.vault" in result.files_written and report["verification"]["ok"] is True
    text = json.dumps(report)
    assert token not in text and users.loc[token, "email"] not in text


def test_erase_command_on_a_data_map_with_sql_datasets(pg_url, tmp_path, capsys):  # noqa: F811
    from privacy_audit import auditlog
    from privacy_audit.cli import run_guarded

    dm = mixed_estate(tmp_path / "mixed", pg_url, f"sqlite:///{tmp_path}/lite.db", "cli")
    email = pd.read_csv(Path(__file__).resolve().parents[1] / "data_samples/exports/users_backup.csv", dtype=str).set_index("user_token").loc[RICH, "email"]
    args = ["erase", str(dm.path), "--subject", f"email={email}"]
    before = {n: sources.read_dataset(dm.dataset(n)) for n in PG_DATASETS + LITE_DATASETS}
    assert run_guarded(args) == 0  # dry run: the plan lists the SQL tables, nothing changes
    out = capsys.readouterr().out
    assert "dry run" in out and all(f"\n{n} " in out for n in PG_DATASETS + LITE_DATASETS)
    assert sources.read_dataset(dm.dataset("events")).equals(before["events"])
    assert run_guarded([*args, "--apply", "--yes", "--report", str(tmp_path / "rep")]) == 0
    out = capsys.readouterr().out
    assert "verified: no residual match" in out and email not in out
    for name, frame in before.items():
        ds = dm.dataset(name)
        after = sources.read_dataset(ds)
        assert RICH not in set(after[ds.subject_key].astype(str)) and 0 < len(frame) - len(after), name
    report = json.loads((tmp_path / "rep.json").read_text())
    assert report["verification"]["ok"] and {d["dataset"]: d["format"] for d in report["datasets"]}["events"] == "sql"
    # (the copied sample estate's log also holds its request ledger: request-* entries)
    logged = [e["action"] for e in auditlog.read(dm.audit_log_path) if not e["action"].startswith("request-")]
    assert logged == ["erasure", "verification"]


def test_erasure_of_more_rows_than_one_batch_of_parameters(tmp_path):
    """12,000 rows of one subject in a SQLite table without a primary key (rows addressed by rowid):
    more row ids than one bound-parameter batch, planned, deleted and verified."""
    url = f"sqlite:///{tmp_path}/big.db"
    frame = pd.DataFrame({"user_token": ["u_000001", "u_000002"] * 12_000, "n": range(24_000)})
    sources.write_sql(frame, url, "big")
    (tmp_path / "datamap.yaml").write_text(
        f"organization: T\ndatasets:\n  - {{name: big, url: '{url}', table: big, zone: pseudonymous, subject_key: user_token}}\n"
    )
    dm = load_datamap(tmp_path / "datamap.yaml")
    plan = erasure.plan_erasure(dm, {"tokens": ["u_000001"]})
    assert plan.datasets[0].count("delete_row") == 12_000
    erasure.apply_erasure(dm, plan, audit=False)
    pd.testing.assert_frame_equal(sources.read_sql(url, "big"), frame.iloc[1::2].reset_index(drop=True))
    assert erasure.verify_erasure(dm, plan, scanner=False).ok


def test_kill_9_between_the_file_renames_and_the_database_commit_is_finished_by_recover(pg_url, tmp_path):  # noqa: F811
    """Issue 18, item 1 with SQL: the process is killed (real SIGKILL, injected by the test-only
    PRIVACY_AUDIT_FAULT_AT hook) after every file was renamed and before the databases committed;
    PostgreSQL and SQLite roll their transactions back, and `recover` finishes the erasure from the
    journal's keys (the identity rows are gone by then)."""
    import signal
    import subprocess
    import sys

    from privacy_audit import auditlog

    repo = Path(__file__).resolve().parents[1]
    dm = mixed_estate(tmp_path / "mixed", pg_url, f"sqlite:///{tmp_path}/lite.db", "crash")
    env = {**os.environ, "PYTHONPATH": str(repo)}
    before = {n: sources.read_dataset(dm.dataset(n)) for n in PG_DATASETS + LITE_DATASETS}
    args = [sys.executable, "-m", "privacy_audit", "erase", str(dm.path), "--subject", f"token={RICH}", "--apply",
            "--yes", "--no-scanner"]  # fmt: skip
    run = subprocess.run(args, env={**env, "PRIVACY_AUDIT_FAULT_AT": "renamed"}, capture_output=True, text=True,
                         cwd=repo, timeout=600)  # fmt: skip
    assert run.returncode == -signal.SIGKILL, run.stderr
    for name in PG_DATASETS + LITE_DATASETS:  # not committed: the subject's rows are all still there
        assert sources.read_dataset(dm.dataset(name)).equals(before[name]), name
    fin = subprocess.run([sys.executable, "-m", "privacy_audit", "recover", str(dm.path), "--no-scanner"], env=env,
                         capture_output=True, text=True, cwd=repo, timeout=600)  # fmt: skip
    assert fin.returncode == 0, fin.stderr
    assert "the rest of the erasure was applied" in fin.stdout and "verified: no residual match" in fin.stdout
    for name in PG_DATASETS + LITE_DATASETS:
        assert len(sources.read_dataset(dm.dataset(name))) < len(before[name]), name
    assert not erasure.plan_erasure(dm, {"tokens": [RICH]}, vault_key=erasure.vault_key_for(dm)).has_changes
    # (the copied sample estate's log also holds its request ledger: request-* entries)
    actions = [(e["action"], e["outcome"]) for e in auditlog.read(dm.audit_log_path)
               if not e["action"].startswith("request-")]  # fmt: skip
    assert actions == [("erasure", "applied"), ("erasure", "applied"), ("verification", "ok")]
    assert not list((tmp_path / "mixed").rglob("*.tmp")) and not list((tmp_path / "mixed").rglob("*.bak"))


def test_rectify_corrects_sql_tables_and_files_in_one_commit(small_url, tmp_path, capsys):
    """Issue 18, item 8: rectify skipped SQL datasets and reported success. It now corrects the subject's
    rows in the database (SQLite and PostgreSQL) and in the files in one journaled commit, verifies
    every cell, and logs the tables it changed; other people's rows are untouched."""
    from privacy_audit import auditlog
    from privacy_audit.cli import run_guarded

    dm = _small_estate(tmp_path, small_url)
    before = _snapshot(small_url)
    args = ["rectify", str(dm.path), "--subject", "token=u_000001", "--set", "email=ann.new@example.com", "--apply",
            "--yes"]  # fmt: skip
    assert run_guarded(args) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "verified: 2 cell(s) hold their new value" in out and "ann.new" not in out.lower()
    after = _snapshot(small_url)
    assert after["er_accounts"] == [("u_000001", "ann.new@example.com"), *before["er_accounts"][1:]]
    assert {t: after[t] for t in _TABLES if t != "er_accounts"} == {t: before[t] for t in _TABLES if t != "er_accounts"}
    assert b"u_000001,ann.new@example.com" in (tmp_path / "newsletter.csv").read_bytes()
    entry = auditlog.read(dm.audit_log_path)[-1]
    assert entry["action"] == "rectification" and entry["details"]["cells"] == 2
    assert any("er_accounts" in t for t in entry["details"]["tables"])
    assert not list(tmp_path.rglob("*.tmp")) and not list(tmp_path.rglob("*.bak"))


def test_rectify_of_a_sql_table_changed_since_the_plan_changes_nothing(tmp_path):
    from privacy_audit import rights

    url = f"sqlite:///{tmp_path}/small.db"
    dm = _small_estate(tmp_path, url)
    plan = rights.plan_rectification(dm, ANN, {"email": "ann.new@example.com"})
    with sources.sql_engine(url).begin() as conn:  # someone else corrects the row meanwhile
        conn.execute(sa.text("UPDATE er_accounts SET email = 'ann@elsewhere.example' WHERE user_token = 'u_000001'"))
    before, file_before = _snapshot(url), (tmp_path / "newsletter.csv").read_bytes()
    with pytest.raises(ErasureError, match="changed since the plan"):
        rights.apply_rectification(dm, plan)
    assert _snapshot(url) == before and (tmp_path / "newsletter.csv").read_bytes() == file_before


def test_kill_9_between_the_file_renames_and_the_database_commit_of_a_rectification(tmp_path):
    """Killed after the file is renamed but before the database commits: recover corrects the SQL row
    too (from the journal's keys and values) and logs it: all new, never mixed."""
    import signal
    import subprocess
    import sys

    from privacy_audit import auditlog

    repo = Path(__file__).resolve().parents[1]
    url = f"sqlite:///{tmp_path}/small.db"
    dm = _small_estate(tmp_path, url)
    env = {**os.environ, "PYTHONPATH": str(repo)}
    args = [sys.executable, "-m", "privacy_audit", "rectify", str(dm.path), "--subject", "token=u_000001", "--set",
            "email=ann.new@example.com", "--apply", "--yes"]  # fmt: skip
    run = subprocess.run(args, env={**env, "PRIVACY_AUDIT_FAULT_AT": "renamed"}, capture_output=True, text=True,
                         cwd=repo, timeout=600)  # fmt: skip
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert b"ann.new@example.com" in (tmp_path / "newsletter.csv").read_bytes()  # the file is new ...
    assert ("u_000001", "Ann.Lee@example.com") in _snapshot(url)["er_accounts"]  # ... the row is not: mixed
    fin = subprocess.run([sys.executable, "-m", "privacy_audit", "recover", str(dm.path), "--no-scanner"], env=env,
                         capture_output=True, text=True, cwd=repo, timeout=600)  # fmt: skip
    assert fin.returncode == 0, fin.stderr
    assert ("u_000001", "ann.new@example.com") in _snapshot(url)["er_accounts"]
    assert b"ann.new@example.com" in (tmp_path / "newsletter.csv").read_bytes()
    entries = [(e["action"], e["outcome"]) for e in auditlog.read(dm.audit_log_path)]
    assert entries == [("rectification", "applied"), ("rectification", "applied")]  # the change, then its SQL side
    assert not list(tmp_path.rglob("*.tmp")) and not list(tmp_path.rglob("*.bak"))
    assert not list((tmp_path / ".privacy-audit-journal").glob("*.json"))


_SQL_STEPS = ["staged", "prepared", "backed-up", "rename:1", "renamed", "sql-committed", "committed", "logged"]


@pytest.mark.slow
def test_kill_9_at_every_step_of_a_commit_with_sql_tables(tmp_path):
    """Erasure of a subject held in SQLite tables and a file, killed at each step of its commit in turn
    (``sql-committed`` included): recover leaves it all old (killed while staging) or all new, nothing of
    the subject left, logged as applied; a stopped erasure can always be finished."""
    import signal
    import subprocess
    import sys

    from privacy_audit import auditlog

    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}

    def run(*args: str, fault: str | None = None) -> subprocess.CompletedProcess:
        extra = {"PRIVACY_AUDIT_FAULT_AT": fault} if fault else {}
        return subprocess.run([sys.executable, "-m", "privacy_audit", *args], env={**env, **extra},
                              capture_output=True, text=True, cwd=repo, timeout=600)  # fmt: skip

    def ann_left(dm) -> int:
        return sum(1 for d in erasure.plan_erasure(dm, ANN).datasets for r in d.rows if r.action != "keep")

    for step in _SQL_STEPS:
        folder = tmp_path / step.replace(":", "_")
        folder.mkdir()
        url = f"sqlite:///{folder}/small.db"
        dm = _small_estate(folder, url)
        before, file_before = _snapshot(url), (folder / "newsletter.csv").read_bytes()
        erase = ["erase", str(dm.path), "--subject", "token=u_000001", "--apply", "--yes", "--no-scanner"]
        killed = run(*erase, fault=step)
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        fin = run("recover", str(dm.path), "--no-scanner")
        assert fin.returncode == 0, (step, fin.stderr)
        assert not list(folder.rglob("*.tmp")) and not list(folder.rglob("*.bak")), step
        assert not list((folder / ".privacy-audit-journal").glob("*.json")), step
        log = [(e["action"], e["outcome"]) for e in auditlog.read(dm.audit_log_path)] if dm.audit_log_path.exists() else []
        if step == "staged":  # nothing had changed: all old, nothing logged; the erasure can be run again
            assert _snapshot(url) == before and (folder / "newsletter.csv").read_bytes() == file_before
            assert ("erasure", "applied") not in log
            assert run(*erase).returncode == 0
        else:
            assert log[0] == ("erasure", "applied"), (step, log)
        after = _snapshot(url)
        assert ann_left(dm) == 0, step
        assert all(r[0] != "u_000001" for r in after["er_accounts"]) and all(r[1] != "u_000001" for r in after["er_events"])
        assert b"u_000001" not in (folder / "newsletter.csv").read_bytes(), step
        assert auditlog.verify(dm.audit_log_path).ok, step
