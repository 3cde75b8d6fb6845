"""Per-column summaries (privacy_audit.checks.summary): built chunk by chunk they equal the summary of
the whole column, merging is order-preserving and associative, and the separation audit's join paths
computed from streamed summaries are the findings of a whole-frame run (real sample estate, real
files, real Presidio/spaCy)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from privacy_audit.checks import run_checks
from privacy_audit.checks.summary import ColumnSummary, merge_summaries, summarize_chunk
from privacy_audit.datamap import load_datamap

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"


def _frame() -> tuple[pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(3)
    n = 240
    frame = pd.DataFrame(
        {
            "city": rng.choice(["Lyon", "Paris", "Oslo", None], size=n),
            "code": rng.integers(0, 40, size=n),
            "line": np.arange(10, 10 + n),
            "seen": pd.to_datetime("2026-01-01") + pd.to_timedelta(rng.integers(0, 50, size=n), unit="D"),
            "score": np.where(rng.random(n) < 0.1, np.nan, rng.integers(0, 5, size=n).astype(float)),
        }
    )
    subjects = pd.Series(rng.choice(["s1", "s2", "s3", "s4", "s5", None], size=n), dtype=object)
    return frame, subjects


@pytest.mark.parametrize("size", [1, 7, 50, 240])
def test_chunked_summaries_equal_the_whole_column(size):
    frame, subjects = _frame()
    whole = summarize_chunk(frame, subjects)
    parts = [
        summarize_chunk(frame.iloc[i : i + size], subjects.iloc[i : i + size], offset=i)
        for i in range(0, len(frame), size)
    ]
    assert merge_summaries(parts) == whole


def test_summary_counts_holders_and_subjects():
    values = pd.DataFrame({"v": ["a", "b", "a", None, "c", "c", "d"]})
    subjects = pd.Series(["s1", "s2", "s1", "s3", None, None, "s2"], dtype=object)
    s = summarize_chunk(values, subjects)["v"]
    assert s.values == ("a", "b", "c", "d")
    assert s.counts == (2, 1, 2, 1)
    # "c" is held by two rows without a subject id: two subjects, so no single holder
    assert s.holders == ("s1", "s2", None, "s2")
    assert s.one_subject() == frozenset({"a", "b", "d"})
    assert s.subjects == frozenset({"s1", "s2"}) and s.anonymous_rows == 2
    assert s.subject_count == 4 and s.unique_subjects() == 2
    assert s.present == 6 and s.rows == 7


def test_merge_is_associative_and_keeps_first_appearance_order():
    frame, subjects = _frame()
    a, b, c = (summarize_chunk(frame.iloc[i : i + 80], subjects.iloc[i : i + 80], offset=i) for i in (0, 80, 160))
    left = merge_summaries([merge_summaries([a, b]), c])
    right = merge_summaries([a, merge_summaries([b, c])])
    assert left == right == summarize_chunk(frame, subjects)
    assert left["city"].values == tuple(pd.unique(frame["city"].dropna()))


def test_row_counter_and_dtype_kind():
    frame, _ = _frame()
    whole = summarize_chunk(frame)
    assert whole["line"].row_counter() and not whole["code"].row_counter()
    assert whole["seen"].values[0] == frame["seen"].iloc[0].isoformat()
    shuffled = summarize_chunk(frame.sample(frac=1, random_state=1))
    assert shuffled["line"].row_counter()
    gap = summarize_chunk(frame.drop(index=5))
    assert not gap["line"].row_counter()
    mixed = ColumnSummary.merge(summarize_chunk(frame[["code"]])["code"], summarize_chunk(frame[["score"]].rename(columns={"score": "code"}))["code"])
    assert mixed.dtype_kind == "O" and not mixed.row_counter()


def _findings(result, prefix: str) -> list[dict]:
    return [f.to_dict() for f in result.findings if f.check.startswith(prefix)]


def test_streamed_join_paths_equal_the_whole_frame_run():
    """join_path alone streams every dataset it needs in chunks of 97 rows (no check read them whole
    first); its findings are those of the full run, which summarises frames already read."""
    dm = load_datamap(SAMPLES / "datamap.yaml")
    full = run_checks(dm, as_of=dt.date(2026, 6, 1))
    streamed = run_checks(dm, as_of=dt.date(2026, 6, 1), only="separation.join_path", chunksize=97)
    expected = _findings(full, "separation.join_path")
    assert expected, "the sample estate has join paths"
    assert _findings(streamed, "separation.join_path") == expected
    assert streamed.errors == ()


def test_subjects_holding_counts_the_rows_holders_streamed_or_not():
    """Subjects behind a set of values: from the summary when each value has one holder, else from a
    pass over the chunks; both equal the count over the whole frame read with pandas."""
    from privacy_audit.checks import CheckContext, subject_ids
    from privacy_audit.identifiers import cell_texts
    from privacy_audit.sources import read_dataset

    dm = load_datamap(SAMPLES / "datamap.yaml")
    events = dm.dataset("events")
    frame = read_dataset(events)
    ids = subject_ids(events, frame)
    streamed = CheckContext(dm, as_of=dt.date(2026, 6, 1), controls={})
    streamed.chunksize = 501
    summaries = streamed.summaries(events)
    assert "events" not in streamed._frames  # noqa: SLF001 - streamed, never read whole
    checked = 0
    for column in ("event_type", "country", str(frame.columns[0])):
        if column not in summaries:
            continue
        values = set(summaries[column].values[:3])
        texts = cell_texts(frame[column])
        expected = int(ids[texts.isin(values).to_numpy()].dropna().nunique())
        assert streamed.subjects_holding(events, column, values) == expected
        checked += 1
    assert checked >= 2
    many = [c for c, s in summaries.items() if s.subjects_of(s.values[:3]) is None]
    assert many, "some column holds values shared by several subjects (the streamed pass is exercised)"
