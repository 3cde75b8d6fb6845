"""The scanner's cheap paths give what its general paths give (issue 22 item 4: speed, never verdicts).

``column_values`` turns the distinct values of integer and string columns into text in plain Python
instead of pandas' string methods, and ``value_evidence`` examines each distinct value once per run
(memoised); both must be exactly the per-cell definition: ``stringify`` every cell, drop null-likes,
keep distinct texts in first-appearance order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from privacy_audit.detect import columns as cols
from privacy_audit.detect.columns import NULL_LIKES, column_values, stringify, value_evidence

# values where pandas' string methods and plain Python could part ways: edge whitespace of several kinds
# (ASCII, no-break, em space, file separator), an integer written as a float, null-likes in several cases,
# and the two characters whose lower case is ASCII in some Unicode tables only (dotted capital I, Kelvin)
TRICKY = ["Anna", " Anna", "Anna\t", "\u00a0Bo", "Bo\u2003", "\x1cC", "57726.0", " 1234.0", "12.0", "NULL",
          "N/A", "nan", "-", "", "K.A.", "\u212a.a.", "\u0130nconnu", "inconnu", "Zo\u00eb", "\u20ac5", "5\u20ac",
          "São Paulo", "Anna"]  # fmt: skip

CASES = {
    "str": pd.Series(TRICKY + [None], dtype="str"),
    "object": pd.Series(TRICKY + [None], dtype=object),
    "object-plain": pd.Series(["b", "a", "b", "c"] * 5, dtype=object),
    "str-plain": pd.Series(["x1", "y2", "x1", "1999.0", "NA"], dtype="str"),
    "int64": pd.Series([5, -3, 5, 10**12, 0]),
    "uint8": pd.Series(np.arange(40, dtype="uint8")),
    "Int64": pd.Series([1, None, 3, 1], dtype="Int64"),
    "object-mixed": pd.Series([1, "1", 1.0, True, " a "], dtype=object),
    "float": pd.Series([1.0, 2.5, None, 1.0]),
    "bool": pd.Series([True, False, True]),
}


def _per_cell(series: pd.Series) -> tuple[list[str], int, int]:
    texts = stringify(series)
    texts = texts[~texts.str.lower().isin(NULL_LIKES)]
    return list(pd.unique(texts.to_numpy(dtype=object))), len(texts), len(series)


@pytest.mark.parametrize("name", sorted(CASES))
def test_column_values_equal_the_per_cell_definition(name):
    series = CASES[name]
    assert column_values(series, full=True) == _per_cell(series)


def test_string_and_integer_columns_take_the_plain_path(monkeypatch):
    """No pandas string method for a plain string or integer column (the cost a wide table paid per
    column); a column with an edge space still goes through stringify."""
    calls = []
    real = cols.stringify
    monkeypatch.setattr(cols, "stringify", lambda s: calls.append(len(s)) or real(s))
    for name in ("str-plain", "object-plain", "int64", "uint8", "Int64"):
        assert column_values(CASES[name], full=True) == _per_cell(CASES[name])
    assert calls == []
    column_values(CASES["str"], full=True)
    assert calls  # " Anna" must be stripped by pandas itself


def test_value_evidence_is_the_same_with_the_memo_cold_or_warm():
    values = ["anna@example.org", "1985-02-03", "12", "Rua Augusta 5, 1100-048 Lisboa", "Dr. Eva Lind", "79"]
    cols._facts.cache_clear()
    cold = value_evidence(values)
    warm = value_evidence(values)
    assert warm == cold
    assert cols._facts.cache_info().hits >= len(values)
    assert cold.counts["email"] == 1 and cold.n_dates == 1 and cold.int_range == (12, 79)


NATIONAL = ["44051401359", "12345678Z", "X1234567L", "RSSMRA85T10A562S", "rssmra85t10a562s", "943 476 5919",
            "131052-308T", "19811218-9876", "10000000146", "123456789", "AB123456C", "Anna Berg", "2024-01-02",
            "12 34 56 78", "ZZ999999", "T22000129"]  # fmt: skip


def test_national_id_kind_with_the_joined_patterns_equals_pattern_by_pattern(monkeypatch):
    from privacy_audit.detect import validators

    assert validators._id_shapes() is not None  # the patterns of this Presidio can be joined
    joined = [validators.national_id_kind(v) for v in NATIONAL]
    monkeypatch.setattr(validators, "_id_shapes", lambda: None)
    assert [validators.national_id_kind(v) for v in NATIONAL] == joined
    assert {"PL_PESEL", "ES_NIF", "IT_FISCAL_CODE", "UK_NHS"} <= set(joined)
