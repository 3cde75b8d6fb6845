"""Bounded-memory execution: chunked reads, the distinct-value full scan, chunked subject search.

Every result is compared with the whole-table pandas path on the same real files (the sample
estate, and small generated tables that put awkward values on chunk boundaries).
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest_pg import SAMPLES, copy_estate

from privacy_audit import engine, sources
from privacy_audit.datamap import load_datamap
from privacy_audit.detect.columns import column_values
from privacy_audit.errors import ConfigError, InputError
from privacy_audit.scan import scan
from privacy_audit.subjects import find_subject_data, resolve_subject

SUBJECT_TOKEN = "u_f3f4d465bfeb8948"  # the sample estate's subject-access test subject (README)


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    return load_datamap(copy_estate(tmp_path_factory.mktemp("estate") / "estate"))


def test_partitioned_parquet_chunks_equal_the_whole_read():
    whole = sources.read_table(SAMPLES / "events")
    parts = sources.partitions(SAMPLES / "events")
    assert len(parts) > 1 and sum(p.rows for p in parts) == len(whole)
    assert [p.offset for p in parts] == [sum(q.rows for q in parts[:i]) for i in range(len(parts))]
    chunks = list(sources.iter_chunks(SAMPLES / "events", 999))
    assert max(len(c) for c in chunks) <= 999
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_file_chunks_equal_the_whole_read(tmp_path, suffix):
    df = sources.read_table(SAMPLES / "exports" / "users_backup.csv")
    path = tmp_path / f"users.{suffix}"
    sources.write_table_atomic(df, path)
    whole = sources.read_table(path)
    chunks = list(sources.iter_chunks(path, 37))
    assert len(chunks) == -(-len(whole) // 37) or suffix == "parquet"
    # CSV: types as the whole file gives them, though pandas infers types per chunk (postal codes
    # would be numbers in one chunk, losing leading zeros, and text in another)
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)


def test_merged_chunk_stats_equal_column_values():
    """Distinct values in whole-table first-appearance order and non-empty counts, whatever the cut."""
    df = pd.DataFrame(
        {
            "mixed": ["b", " a", "a", None, "n/a", "c", "b", "", "d", "a"],
            "num": [1.0, 2.5, None, 1.0, 3.0, 2.5, 7.0, None, 1.0, 8.0],
            # midnight-only in the first chunks, a time of day only in the last one: the text form
            # of every value depends on the whole column
            "when": pd.to_datetime(["2024-01-01", "2024-01-02", None, "2024-01-01", "2024-01-03",
                                    "2024-01-04", "2024-01-02", "2024-01-05", "2024-01-06",
                                    "2024-01-07 10:30"], format="ISO8601"),  # fmt: skip
        }
    )
    for size in (1, 3, 4, 10):
        parts = [engine.frame_stats(df.iloc[i : i + size]) for i in range(0, len(df), size)]
        rows, merged = engine.merge_stats(parts)
        assert rows == len(df)
        for col in df.columns:
            values, n_nonnull, _ = column_values(df[col], full=True)
            assert merged[col] == (values, n_nonnull), (col, size)


@pytest.mark.parametrize(
    "path",
    ["events", "support/tickets.csv", "analytics/sessions.parquet", "exports/users_backup.csv"],
)
def test_chunked_full_scan_equals_whole_scan(path):
    src = SAMPLES / path
    whole = scan(src, full=True, progress=False)
    chunked = engine.scan(src, full=True, chunksize=113)
    assert not whole.errors and not chunked.errors
    pd.testing.assert_frame_equal(chunked.to_frame(), whole.to_frame())
    assert whole.pii_columns() or path == "analytics/sessions.parquet"


def test_chunked_subject_search_equals_pandas(estate):
    subject = resolve_subject(estate, "token", SUBJECT_TOKEN)
    base = find_subject_data(estate, subject)
    chunked = engine.find_subject_data(estate, subject, chunksize=41)
    assert not base.errors and not chunked.errors
    assert sum(len(m.row_ids) for m in base.datasets) > 10
    for a, b in zip(base.datasets, chunked.datasets, strict=True):
        assert (a.name, a.row_ids, a.row_reasons, a.mention_row_ids, a.log_lines) == (
            b.name, b.row_ids, b.row_reasons, b.mention_row_ids, b.log_lines)  # fmt: skip
        assert len(a.rows) == len(b.rows)
        if len(a.rows):
            pd.testing.assert_frame_equal(a.rows.astype(str), b.rows.astype(str)[list(a.rows.columns)])
    assert [r.row_ids for r in base.registers] == [r.row_ids for r in chunked.registers]


def test_bad_engine_and_chunksize_are_one_line_errors():
    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        engine.scan(SAMPLES / "support/tickets.csv", engine="spark")
    with pytest.raises(InputError, match="chunksize must be a positive"):
        engine.scan(SAMPLES / "support/tickets.csv", full=True, chunksize=0)
