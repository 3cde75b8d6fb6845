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
    assert cols._facts.cache_info().hits >= len(values)  # a short list: every value through the memo
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


# ------------------------------- plain digit strings (per length class), ISO dates and timestamps: column-wise

import random  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

from privacy_audit.detect.validators import parse_date  # noqa: E402
from privacy_audit.sources import read_table  # noqa: E402


def _by_definition(value: str):
    """What ``_facts`` gives, from ``_features`` itself (no memo)."""
    f, d, tried = cols._features(value)
    return f, (d if tried else parse_date(value))


def _assert_class_facts_exact(values: list[str]) -> int:
    got = cols._class_facts(values, min_values=2)
    assert len(got) == len(values)
    handled = 0
    for v, g in zip(values, got, strict=True):
        if g is None:
            assert not (v.isascii() and v.isdigit() and 1 <= len(v) <= cols._DIGITS_MAX), v
            assert not any(re.fullmatch(shape, v) for shape, _ in cols._DATE_SHAPES) or parse_date(v) is None, v
            assert not re.fullmatch(cols._SSN_GROUPS, v) and not re.fullmatch(cols._CARD_GROUPS, v), v
            assert not any(re.fullmatch(shape, v) for shape, _ in cols._AMOUNT_SHAPES), v
            continue
        handled += 1
        assert (g[0], g[1]) == _by_definition(v), v
    return handled


# near misses of a plain digit string: a sign, an edge space, a separator, a letter, a newline, non-ASCII digits
# (Arabic-Indic, fullwidth), next to plain digits of every length 1-30 and values at the edges of the rules
_HOSTILE = "0123456789 +-./:,@\n\t\u00a0xXeE\u0660\u0669\uff10\uff19a"


def _generated(rnd: random.Random) -> str:
    kind = rnd.randrange(9)
    if kind == 8:  # amounts with one to seven digits before a dot or a comma and one to three after
        return "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 7))) + rnd.choice(".,") + "".join(
            rnd.choice("0123456789") for _ in range(rnd.randint(1, 3)))
    if kind == 6:  # ISO dates and timestamps, valid and not (month 13, hour 29, year 0000), also at midnight
        y, a, b = f"{rnd.choice([0, 999, 1899, 1985, 2024, 3000]):04d}", f"{rnd.randint(0, 32):02d}", f"{rnd.randint(0, 13):02d}"
        day = rnd.choice([f"{y}-{b}-{a}", f"{y}-{b}-{a}", f"{a}-{b}-{y}", f"{a}.{b}.{y}", f"{a}/{b}/{y}", f"{b}/{a}/{y}"])
        clock = rnd.choice(["", " 00:00:00", f" {rnd.randint(0, 29):02d}:{rnd.randint(0, 69):02d}:{rnd.randint(0, 69):02d}",
                            "T10:00:00", " 10:00", " 00:00:00Z"])  # fmt: skip
        return day + clock
    if kind == 7:  # near misses of the ISO shapes
        return rnd.choice(["1985-2-03", "1985/02/03", "1985-02-03 ", "85-02-03", "1985-02-031", "1985-02-03 1:00:00",
                           "1985-02-03  10:00:00", "\u0661985-02-03", "1985-02-03 10:00:00.5", "1985-02-03\n", "3.02.1985",
                           "03.02.85", "03/02/1985 10:00", "03-02-1985 "])  # fmt: skip
    if kind == 0:
        return "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 30)))
    if kind == 1:
        return "".join(rnd.choice(_HOSTILE) for _ in range(rnd.randint(0, 30)))
    if kind == 2:
        return str(rnd.randint(946_684_700, 2_082_758_500) * rnd.choice([1, 1000]) + rnd.randint(0, 999))
    if kind == 3:
        return rnd.choice(["19", "20", "18", "00"]) + f"{rnd.randint(0, 999_999):06d}"  # compact dates and not
    if kind == 4:  # a Luhn-valid number of 12-19 digits with a card issuer's prefix, bare or in four groups
        body = rnd.choice(["4", "51", "37", "6011", "35", "36", "62", "50", "2200", "8"]) + "".join(
            rnd.choice("0123456789") for _ in range(rnd.randint(8, 17)))
        total = sum((int(c) * (1 if i % 2 else 2)) - (9 if int(c) * (1 if i % 2 else 2) > 9 else 0)
                    for i, c in enumerate(reversed(body)))  # fmt: skip
        card = body + str((10 - total % 10) % 10)
        return " ".join(card[i : i + 4] for i in range(0, 16, 4)) if len(card) == 16 and rnd.random() < 0.5 else card
    sep = rnd.choice(["", "", "-"])  # nine-digit SSN shapes, valid and not (area 000, 666, 9xx; group 00)
    return sep.join([f"{rnd.choice([0, 666, 900, rnd.randint(1, 899)]):03d}", f"{rnd.randint(0, 99):02d}",
                     f"{rnd.randint(0, 9999):04d}"])  # fmt: skip


def test_class_facts_equal_the_per_value_definition_on_generated_values():
    rnd = random.Random(22)
    values = list(dict.fromkeys(_generated(rnd) for _ in range(30_000)))
    handled = _assert_class_facts_exact(values)
    assert handled > 10_000
    facts = [f for f in cols._class_facts(values, min_values=2) if f is not None]
    for key in ("card", "epoch", "date", "datetime", "ssn_any", "ssn_sep", "phone_strong", "iban", "nir", "phone_compat",
                "postal", "natid", "username", "amount", "decimal"):
        assert any(key in f for f, _ in facts), key  # every rule of the class fired on some generated value


def test_class_facts_equal_the_per_value_definition_on_every_cell_of_the_sample_estate():
    texts: set[str] = set()
    root = Path(__file__).resolve().parents[1] / "data_samples"
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".csv", ".parquet", ".jsonl") or not path.is_file():
            continue
        frame = read_table(path)
        for name in frame.columns:
            texts.update(column_values(frame[name], full=True)[0])
    assert len(texts) > 10_000
    handled = _assert_class_facts_exact(sorted(texts))
    assert handled > 500  # the sample estate has plain digit strings (ids, phones, postcodes, card numbers)


def test_short_value_lists_take_the_per_value_path():
    values = ["4111111111111111", "1985-02-03"] * 3
    assert cols._class_facts(values) == [None] * 6  # below _COLUMNWISE_MIN
    assert all(f is not None for f in cols._class_facts(values, min_values=2))


def test_class_facts_cover_every_validator_of_the_classes():
    """Checksums, the epoch range and the compact date decide per value: each appears at least once here."""
    values = ["536-90-4399", "666-90-4399", "4111 1111 1111 1111", "4111 1111 1111 1112", "03.02.1985", "03/02/1985", "03-02-1985", "31/02/1985", "1985-02-03", "2024-05-01 13:45:07", "2024-05-01 00:00:00", "2024-13-01", "4111111111111111", "4111111111111112", "123456789", "536904399", "51824753556", "1850173123456",
              "1234567", "19850203", "20241301", "18500101", "1700000000", "0946684799", "1700000000000",
              "61109010140000071219812874", "12345", "7"]  # fmt: skip
    _assert_class_facts_exact(values)
    facts = dict(zip(values, cols._class_facts(values, min_values=2), strict=True))
    assert {"card", "card_compat"} <= facts["4111111111111111"][0] and "card" not in facts["4111111111111112"][0]
    assert "ssn_any" in facts["536904399"][0] and "epoch" in facts["1700000000"][0]
    assert "date" in facts["19850203"][0] and facts["19850203"][1] is not None
    assert facts["61109010140000071219812874"] is None  # 26 digits: the definition itself
    assert facts["2024-13-01"] is None and facts["1985-02-03"][0] == {"account", "date"} == facts["03.02.1985"][0]
    assert facts["03/02/1985"][0] == {"date"} and facts["31/02/1985"] is None
    assert "ssn_sep" in facts["536-90-4399"][0] and "phone_grouped" in facts["666-90-4399"][0]
    assert "card" in facts["4111 1111 1111 1111"][0] and "card" not in facts["4111 1111 1111 1112"][0]
    assert facts["2024-05-01 13:45:07"][0] == {"date", "datetime"} and facts["2024-05-01 00:00:00"][0] == {"date"}
