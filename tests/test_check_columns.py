"""Column-wise (vectorised) paths agree with their one-value definitions (issue 22, items 2-3)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

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
