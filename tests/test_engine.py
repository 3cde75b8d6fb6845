"""The Dask engine on a real local cluster (2 worker processes): same scan, checks and subject rows
as the pandas engine, through the Python API and the CLI."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest_pg import SAMPLES, copy_estate

from privacy_audit import engine
from privacy_audit.checks import run_checks
from privacy_audit.cli import run_guarded
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import ConfigError
from privacy_audit.scan import scan
from privacy_audit.subjects import find_subject_data, resolve_subject

SUBJECT_TOKEN = "u_f3f4d465bfeb8948"


@pytest.fixture(scope="module")
def cluster():
    client = engine.get_client()
    assert len(client.scheduler_info()["workers"]) == 2
    yield client
    engine.close_clients()


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    return load_datamap(copy_estate(tmp_path_factory.mktemp("estate") / "estate"))


def test_evidence_adds_up_over_hash_buckets():
    """The per-value evidence of a column, computed per hash bucket (positions = first appearance)
    and merged, equals the evidence of the whole column, and gives the same verdict."""
    from datetime import date

    from privacy_audit.detect.columns import (
        classify_evidence,
        classify_values,
        column_values,
        merge_evidence,
        value_evidence,
    )
    from privacy_audit.scan import text_analyzers
    from privacy_audit.sources import read_table

    today = date(2026, 11, 29)
    text_analyzer, ner = text_analyzers(())
    checked = set()
    for path in (SAMPLES / "exports" / "users_backup.csv", SAMPLES / "analytics" / "survey_responses.csv"):
        df = read_table(path)
        for col in df.columns:
            values, n_nonnull, n_rows = column_values(df[col], full=True)
            whole = value_evidence(values, today=today)
            bucket = pd.util.hash_array(pd.array(values, dtype=object).to_numpy(), categorize=False) % 3
            parts = [value_evidence([v for v, b in zip(values, bucket, strict=True) if b == k],
                                    positions=[i for i, b in enumerate(bucket) if b == k], today=today)
                     for k in range(3)]  # fmt: skip
            merged = merge_evidence(parts)
            assert merged == whole, (path.name, col)
            kw = dict(n_rows=n_rows, n_nonnull=n_nonnull, text_analyzer=text_analyzer, ner=ner)
            verdict = classify_evidence(col, merged, **kw)
            assert verdict == classify_values(col, values, today=today, early_stop=False, **kw)
            checked.add(verdict.entity)
    assert {"DATE_OF_BIRTH", "PERSON", "EMAIL_ADDRESS", None} <= checked  # the ordered/aggregate rules ran


def test_dask_full_scan_with_custom_recognizer_equals_pandas(cluster, tmp_path):
    cfg = tmp_path / "rec.yaml"
    cfg.write_text("recognizers:\n  - entity: TICKET_REF\n    patterns: [{regex: 'TK-\\d{5}', score: 0.6}]\n")
    folder = tmp_path / "refs"
    for k in range(3):  # three files, so the values are spread over several partitions and buckets
        (folder / f"part={k}").mkdir(parents=True)
        pd.DataFrame({"ref": [f"TK-{k * 400 + i:05d}" for i in range(400)], "n": range(400)}).to_parquet(
            folder / f"part={k}" / "f.parquet"
        )
    base = engine.scan(folder, full=True, recognizers=cfg, chunksize=150)
    on_dask = engine.scan(folder, full=True, recognizers=cfg, engine="dask", chunksize=150)
    assert base.to_frame().query("column == 'ref'")["entity"].tolist() == ["TICKET_REF"]
    pd.testing.assert_frame_equal(on_dask.to_frame(), base.to_frame())


def test_dask_full_scan_equals_pandas(cluster):
    sources = [SAMPLES / "events", SAMPLES / "support" / "tickets.csv", SAMPLES / "analytics" / "sessions.parquet",
               SAMPLES / "exports" / "users_backup.csv"]  # fmt: skip
    base = scan(sources, full=True, progress=False)
    on_dask = engine.scan(sources, full=True, engine="dask")
    assert not base.errors and not on_dask.errors
    pd.testing.assert_frame_equal(on_dask.to_frame(), base.to_frame())
    assert "EMAIL_ADDRESS" in set(base.to_frame()["entity"]) or base.pii_columns()


def test_dask_separation_checks_equal_pandas(cluster, estate):
    base = run_checks(estate, only="separation")
    on_dask = engine.run_checks(estate, engine="dask", only="separation")
    assert not base.errors and not on_dask.errors and len(base.findings) >= 3
    pd.testing.assert_frame_equal(on_dask.to_frame(), base.to_frame())


def test_dask_summaries_per_partition_equal_the_streamed_ones(cluster, estate):
    """The per-column summaries of the partitioned events dataset, built per row group on the workers
    and merged, equal those CheckContext builds by streaming the dataset in chunks."""
    from privacy_audit.checks import CheckContext

    events = estate.dataset("events")
    ctx = CheckContext(estate, as_of=estate.as_of, controls={})
    ctx.chunksize = 777
    streamed = ctx.summaries(events)
    on_dask = engine.dataset_summaries(events, engine="dask")
    assert on_dask == streamed == engine.dataset_summaries(events)
    assert any(len(s.subjects) for s in on_dask.values()) and sum(s.rows for s in on_dask.values()) > 0


def test_dask_subject_search_equals_pandas(cluster, estate):
    subject = resolve_subject(estate, "token", SUBJECT_TOKEN)
    base = find_subject_data(estate, subject)
    on_dask = find_subject_data(estate, subject, engine="dask")  # through the subjects hook
    assert not on_dask.errors
    assert [(m.name, m.row_ids, m.row_reasons, m.mention_row_ids, m.log_lines) for m in on_dask.datasets] == [
        (m.name, m.row_ids, m.row_reasons, m.mention_row_ids, m.log_lines) for m in base.datasets
    ]
    events = next(m for m in on_dask.datasets if m.name == "events")
    assert len(events.row_ids) > 1 and len(events.rows) == len(events.row_ids)


def test_cli_scan_and_check_on_dask(cluster, estate, capsys):
    path = str(SAMPLES / "analytics" / "sessions.parquet")
    assert run_guarded(["scan", path, "--full", "--format", "json", "--no-progress"]) == 0
    base = json.loads(capsys.readouterr().out)
    assert run_guarded(["scan", path, "--full", "--format", "json", "--no-progress", "--engine", "dask"]) == 0
    assert json.loads(capsys.readouterr().out) == base
    code = run_guarded(["check", str(estate.path), "--only", "separation", "--format", "json"])
    base = json.loads(capsys.readouterr().out)
    assert run_guarded(["check", str(estate.path), "--only", "separation", "--format", "json", "--engine", "dask"]) == code
    assert json.loads(capsys.readouterr().out) == base and base


def test_unreachable_scheduler_is_a_one_line_error(capsys):
    with pytest.raises(ConfigError, match="cannot connect to scheduler tcp://127.0.0.1:1"):
        engine.get_client("tcp://127.0.0.1:1")
    path = str(SAMPLES / "analytics" / "sessions.parquet")
    assert run_guarded(["scan", path, "--full", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot connect") and err.count("\n") == 1 and "Traceback" not in err
