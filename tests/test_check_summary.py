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
from privacy_audit.checks.summary import (
    MANY_HOLDERS,
    ROW_HOLDER,
    SUBJECT_HOLDER,
    TEXTS_KEPT,
    ColumnSummary,
    hash_texts,
    merge_summaries,
    summarize_chunk,
)
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
    assert s.texts == ("a", "b", "c", "d")
    assert s.keys.tolist() == hash_texts(["a", "b", "c", "d"]).tolist()
    assert s.counts.tolist() == [2, 1, 2, 1]
    # "c" is held by two rows without a subject id: two subjects, so no single holder
    s1, s2 = hash_texts(["s1", "s2"]).tolist()
    assert s.states.tolist() == [SUBJECT_HOLDER, SUBJECT_HOLDER, MANY_HOLDERS, SUBJECT_HOLDER]
    assert s.holders.tolist() == [s1, s2, 0, s2]
    assert s.single().tolist() == [True, True, False, True]
    assert sorted(s.subjects.tolist()) == sorted([s1, s2]) and s.anonymous_rows == 2
    assert s.subject_count == 4 and s.unique_subjects() == 2
    assert s.present == 6 and s.rows == 7 and s.distinct == 4
    # a value held by one row without a subject id is held by that row (its number in the dataset)
    lone = summarize_chunk(pd.DataFrame({"v": ["x", "y", "x"]}), pd.Series([None, "s1", None], dtype=object), offset=10)["v"]
    assert lone.states.tolist() == [MANY_HOLDERS, SUBJECT_HOLDER]
    solo = summarize_chunk(pd.DataFrame({"v": ["x", "y"]}), pd.Series([None, "s1"], dtype=object), offset=10)["v"]
    assert solo.states.tolist() == [ROW_HOLDER, SUBJECT_HOLDER] and solo.holders.tolist() == [10, s1]
    assert solo.subjects_of(np.array([True, True])) == 1 and lone.subjects_of(np.array([True, False])) is None


def test_lookup_hashes_are_the_lookup_keys_of_the_texts():
    """What linkable-key matching compares: hex digests and e-mail addresses lower-cased, the rest as is
    (non-ASCII texts included)."""
    from privacy_audit.identifiers import lookup_key

    texts = ["ABCDEF12", "abcdef12", "Ann@Example.COM", "Ünï@Exämple.com", "Plain Text", "ÄBC", "0xAB"]
    s = summarize_chunk(pd.DataFrame({"v": texts}))["v"]
    assert s.lookup is not None
    assert s.lookup_keys().tolist() == hash_texts([lookup_key(t) for t in texts]).tolist()
    plain = summarize_chunk(pd.DataFrame({"v": ["abc", "x@y.z", "Mixed Case"]}))["v"]
    assert plain.lookup is None and plain.lookup_keys() is plain.keys


def test_texts_are_a_bounded_prefix_of_the_values():
    """Only the first TEXTS_KEPT distinct texts are kept (in order); the hashes cover every value."""
    n = TEXTS_KEPT + 1_000
    column = pd.DataFrame({"v": [f"value-{i}" for i in range(n)]})
    parts = [summarize_chunk(column.iloc[i : i + 20_000], offset=i) for i in range(0, n, 20_000)]
    merged = merge_summaries(parts)["v"]
    assert merged.distinct == n and len(merged.texts) == TEXTS_KEPT
    assert merged.texts[-1] == f"value-{TEXTS_KEPT - 1}"
    assert merged.keys.tolist() == hash_texts(column["v"].tolist()).tolist()


def test_hashes_are_keyed():
    """The same text hashes differently under another key, and summaries under two keys do not merge."""
    frame = pd.DataFrame({"v": ["a", "b"]})
    one = summarize_chunk(frame, key="0123456789abcdef")["v"]
    two = summarize_chunk(frame, key="fedcba9876543210")["v"]
    assert not (one.keys == two.keys).any()
    with pytest.raises(ValueError):
        one.merge(two)


def test_merge_is_associative_and_keeps_first_appearance_order():
    frame, subjects = _frame()
    a, b, c = (summarize_chunk(frame.iloc[i : i + 80], subjects.iloc[i : i + 80], offset=i) for i in (0, 80, 160))
    left = merge_summaries([merge_summaries([a, b]), c])
    right = merge_summaries([a, merge_summaries([b, c])])
    assert left == right == summarize_chunk(frame, subjects)
    assert left["city"].texts == tuple(pd.unique(frame["city"].dropna()))


def test_row_counter_and_dtype_kind():
    frame, _ = _frame()
    whole = summarize_chunk(frame)
    assert whole["line"].row_counter() and not whole["code"].row_counter()
    assert whole["seen"].texts[0] == frame["seen"].iloc[0].isoformat()
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
        first = np.zeros(summaries[column].distinct, dtype=bool)
        first[:3] = True
        values = set(summaries[column].texts[:3])
        texts = cell_texts(frame[column])
        expected = int(ids[texts.isin(values).to_numpy()].dropna().nunique())
        assert streamed.subjects_holding(events, column, first) == expected
        checked += 1
    assert checked >= 2
    many = [c for c, s in summaries.items() if s.subjects_of(np.arange(s.distinct) < 3) is None]
    assert many, "some column holds values shared by several subjects (the streamed pass is exercised)"


def test_findings_do_not_depend_on_how_many_texts_a_summary_keeps(monkeypatch):
    """With summaries keeping 3 texts per column, the separation audit reads the texts it needs (free
    text for Presidio, the identified side's e-mail addresses and phones, the examples shown) again from
    the columns: the same findings as with the default."""
    from privacy_audit.checks import summary as summary_module

    dm = load_datamap(SAMPLES / "datamap.yaml")
    expected = _findings(run_checks(dm, as_of=dt.date(2026, 6, 1), only="separation"), "separation")
    assert {f["check"] for f in expected} >= {"separation.direct_identifier", "separation.linkable_key",
                                              "separation.join_path"}  # fmt: skip
    monkeypatch.setattr(summary_module, "TEXTS_KEPT", 3)
    short = run_checks(dm, as_of=dt.date(2026, 6, 1), only="separation", chunksize=211)
    assert _findings(short, "separation") == expected
    assert short.errors == ()


@pytest.mark.parametrize("dtype", ["str", "arrow"])
def test_cell_texts_of_arrow_strings_equal_cell_text_per_value(dtype):
    """Arrow-backed string columns are stripped in Arrow compute: exactly what ``str.strip`` strips
    (Unicode spaces, the ASCII separators \\x1c-\\x1f, line and paragraph separators), blanks to None."""
    import pyarrow as pa

    from privacy_audit.identifiers import cell_text, cell_texts

    spaces = "".join(ch for ch in map(chr, range(0x110000)) if ch.isspace())
    values = [" a ", None, "b\x1c", "", spaces, "x\u3000", "\xa0y", "Zé ", "a", "é\u2028", "\u200bz", "q\x85"] * 3
    series = pd.Series(values, dtype="str" if dtype == "str" else pd.ArrowDtype(pa.string()))
    texts = cell_texts(series)
    assert texts.dtype == object
    assert texts.tolist() == [cell_text(v) for v in values]
