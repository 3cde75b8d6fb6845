"""Column-wise (vectorised) paths agree with their one-value definitions (issue 22, items 2-3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from privacy_audit.detect.text import TextCache, analyze_texts
from privacy_audit.identifiers import cell_text, cell_texts, map_distinct

COLUMNS = {
    "str with blanks": pd.Series([" a ", None, "", "b", "a", "  "]),
    "object str": pd.Series(["x", None, " x"], dtype=object),
    "pandas string": pd.Series(["x", None], dtype="string"),
    "arrow string": pd.Series(["a", None, "a "], dtype="string[pyarrow]"),
    "float whole and not": pd.Series([1.0, 2.5, np.nan, 1e20, -0.0, float("inf")]),
    "int": pd.Series([1, 2, 3, 2]),
    "uint8": pd.Series([1, 2], dtype="uint8"),
    "nullable Int64": pd.Series([1, None, 1], dtype="Int64"),
    "nullable Float64": pd.Series([1.5, None, 2.0], dtype="Float64"),
    "bool": pd.Series([True, False, True]),
    "nullable boolean": pd.Series([True, None], dtype="boolean"),
    "object bool": pd.Series([True, False, None], dtype=object),
    "datetime": pd.Series(pd.to_datetime(["2024-01-01", "2024-01-02 03:04", None], format="ISO8601")),
    "datetime tz": pd.Series(pd.to_datetime(["2024-01-01", None]).tz_localize("UTC")),
    "dates": pd.Series([dt.date(2020, 1, 1), None, dt.date(2020, 1, 1)]),
    "timedelta": pd.Series([dt.timedelta(days=1), None]),
    "category": pd.Series(pd.Categorical(["a", "b", None, "a"])),
    "mixed 1 1.0 True": pd.Series([1, 1.0, True, "x", "1"], dtype=object),
    "mixed ints and floats": pd.Series([np.float64(2.0), 3, 2], dtype=object),
    "all nulls": pd.Series([None, np.nan, pd.NaT, pd.NA], dtype=object),
    "empty": pd.Series([], dtype=object),
    "bytes": pd.Series([b"x", b"y"]),
}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_cell_texts_is_cell_text_on_every_kind_of_column(name):
    series = COLUMNS[name]
    got = cell_texts(series)
    assert got.dtype == object
    assert list(got.index) == list(series.index)
    assert list(got) == [cell_text(v) for v in series]  # None (never NaN) for nulls


def test_cell_texts_keeps_a_non_default_index():
    series = pd.Series([" a", None, 3.0], index=[10, 5, 7], dtype=object)
    got = cell_texts(series)
    assert list(got.index) == [10, 5, 7]
    assert got.to_dict() == {10: "a", 5: None, 7: "3"}


def test_datetimes_formatted_in_numpy_are_timestamp_isoformat():
    naive = pd.Series(pd.to_datetime(["1970-01-01", "2024-02-29 23:59:59", None, "2262-04-11"], format="ISO8601"))
    utc = naive.dt.tz_localize("UTC")
    local = naive.dt.tz_localize("Europe/Berlin")  # summer time: per distinct value
    fractions = pd.Series(pd.to_datetime(["2024-01-01 00:00:00.5", "2024-01-01 00:00:00.000001"], format="ISO8601"))
    for series in (naive, utc, local, fractions, naive.astype("datetime64[s]")):
        assert list(cell_texts(series)) == [cell_text(v) for v in series]


def test_map_distinct_calls_the_function_once_per_distinct_value():
    calls: list[object] = []

    def fn(v):
        calls.append(v)
        return f"<{v}>"

    series = pd.Series(["a", "b", None, "a", "a", "b"])
    assert list(map_distinct(series, fn)) == ["<a>", "<b>", None, "<a>", "<a>", "<b>"]
    assert sorted(calls) == ["a", "b"]
    mixed = pd.Series([1, 1.0, True, None], dtype=object)  # equal across types: one call per cell
    assert list(map_distinct(mixed, repr)) == ["1", "1.0", "True", None]


TEXTS = [
    "call me on +1 415 555 0100 please",
    "mail jane.doe@example.com now",
    "nothing personal here",
    "call me on +1 415 555 0100 please",
    "",
]


def test_text_cache_gives_presidios_own_answers_once_per_distinct_text():
    cache = TextCache()
    assert analyze_texts(TEXTS, cache=cache) == analyze_texts(TEXTS)
    assert cache.analysed == 3  # three distinct non-empty texts
    # another caller wanting other entities is answered from the same results
    only_mail = analyze_texts(TEXTS, entities=["EMAIL_ADDRESS"], cache=cache)
    assert only_mail == analyze_texts(TEXTS, entities=["EMAIL_ADDRESS"])
    assert [s.entity for s in only_mail[1]] == ["EMAIL_ADDRESS"]
    assert cache.analysed == 3 and cache.reused == 5


def test_one_text_cache_serves_the_scans_and_checks_of_a_run(tmp_path):
    from privacy_audit.checks import run_checks
    from privacy_audit.datamap import load_datamap

    datamap = load_datamap(Path(__file__).resolve().parents[1] / "data_samples" / "datamap.yaml")
    cache = TextCache()
    first = run_checks(datamap, only="separation", text_cache=cache)
    analysed = cache.analysed
    assert analysed > 0  # the free text of the separated datasets went through Presidio
    again = run_checks(datamap, only="separation", text_cache=cache)
    assert cache.analysed == analysed  # nothing analysed twice
    assert again.to_dict() == first.to_dict()
    assert run_checks(datamap, only="separation").to_dict() == first.to_dict()  # a fresh cache: same answers


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_scanner_column_values_by_distinct_value_equal_the_per_cell_definition(name):
    from privacy_audit.detect.columns import NULL_LIKES, column_values, stringify

    series = pd.concat([COLUMNS[name], pd.Series(["null", " NaN "] if COLUMNS[name].dtype == object else [],
                                                 dtype=object)], ignore_index=True)  # fmt: skip
    series = series.astype(COLUMNS[name].dtype) if COLUMNS[name].dtype != object else series
    texts = stringify(series)
    texts = texts[~texts.str.lower().isin(NULL_LIKES)]
    assert column_values(series, full=True) == (list(pd.unique(texts.to_numpy(dtype=object))), len(texts), len(series))


def test_a_check_run_parses_each_server_log_once(monkeypatch):
    """Each line of the log is parsed once per run (streamed in chunks; later passes replay the parsed
    chunks, privacy_audit.io.spill), and the log is never read whole."""
    from privacy_audit import sources
    from privacy_audit.checks import run_checks
    from privacy_audit.datamap import load_datamap

    datamap = load_datamap(Path(__file__).resolve().parents[1] / "data_samples" / "datamap.yaml")
    logs = [ds for ds in datamap.datasets if ds.format == "log"]
    assert logs  # the sample estate has a server log, read by several checks (retention, rights, separation)
    parsed: list[int] = []
    whole: list[str] = []
    real_parse, real_read = sources._parse_log_columns, sources.read_log  # noqa: SLF001

    def counting(lines, start_no=1):
        parsed.append(len(lines))
        return real_parse(lines, start_no)

    def reading(path, **kwargs):
        whole.append(str(path))
        return real_read(path, **kwargs)

    monkeypatch.setattr(sources, "_parse_log_columns", counting)
    monkeypatch.setattr(sources, "read_log", reading)
    result = run_checks(datamap, chunksize=1000)
    assert result.findings
    lines = sum(len(ds.path.read_text(encoding="utf-8").splitlines()) for ds in logs)
    assert len(parsed) > 1 and sum(parsed) == lines  # in chunks, every line once
    assert whole == []
