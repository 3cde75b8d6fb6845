"""The erasure's needle screen (``Needles.may_hold``): one regular-expression pass that lets
``Needles.find`` skip texts holding nothing of the subject. It must never skip a text that ``find``
would match (a superset), and it must reject ordinary texts (or it saves nothing).

Real identifiers shapes (phones in national, international, spaced, dotted, fullwidth and
extension forms; e-mails in any case and URL-encoded; names across whitespace), real matching code.
"""

from __future__ import annotations

import pytest
from sample_cells import sample_cells, sample_users

from privacy_audit.erasure import Needles

SUBJECT = {
    "emails": ["Jane.Roe@Example.org"],
    "phones": ["+44 20 7946 0958", "(555) 010-4477"],
    "names": ["Jane Roe"],
    "tokens": ["u_7f3a9c21"],
    "ips": ["203.0.113.9"],
}

HOLDING = [
    "call +44 20 7946 0958 after six",
    "tel 020 7946 0958",
    "0044-20-7946-0958",
    "+44 (0)20 7946 0958 ext. 12",
    "555.010.4477",
    "ring (555) 010 4477 x 9",
    "＋４４ ２０ ７９４６ ０９５８",
    "mail JANE.ROE@EXAMPLE.ORG today",
    "mailto:jane.roe%40example.org",
    "signed, jane   ROE",
    "user=u_7f3a9c21; other",
    '203.0.113.9 - - [01/Jan/2026:10:00:00 +0000] "GET /"',
]

CLEAN = [
    "call +44 20 7946 0000 after six",
    "a note about the weather",
    "janet.roe@example.org",
    "Jane Rowe",
    "u_7f3a9c2",
    "203.0.113.90",
    "order 12345 shipped",
]


@pytest.fixture(scope="module")
def needles() -> Needles:
    return Needles.from_identifiers(SUBJECT, region="GB")


@pytest.mark.parametrize("text", HOLDING)
def test_every_text_find_matches_passes_the_screen(needles, text):
    assert needles.find(text), f"the example does not hold the subject: {text!r}"
    assert needles.may_hold(text)


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_texts_are_screened_out(needles, text):
    assert not needles.find(text)
    assert not needles.may_hold(text)


def test_the_screen_never_hides_a_match_on_the_sample_estate():
    """Over every cell of the sample's free-text and contact columns, for several planted subjects:
    wherever ``find`` matches, the screen lets the cell through; and it screens out most cells."""
    users, cells = sample_users(), sample_cells()
    assert len(cells) > 10_000
    for i in (10, 20, 40, 77, 123):
        u = users.iloc[i]
        n = Needles.from_identifiers({"emails": [u["email"]], "phones": [u["phone"]], "names": [u["name"]],
                                      "tokens": [u["user_token"]], "ips": [u["signup_ip"]]}, region="US")  # fmt: skip
        passed = [c for c in cells if n.may_hold(c)]
        assert len(passed) < len(cells) / 10
        assert sum(1 for c in passed if n.find(c)) >= 2  # the subject's own cells are there
        missed = [c for c in cells if n.find(c) and not n.may_hold(c)]
        assert missed == []


def test_column_candidates_hold_every_value_find_matches(needles):
    """``Needles.candidates`` (one column searched as one string) keeps every value ``find`` matches,
    whatever its neighbours (non-ASCII values, NUL characters, empty cells, upper case)."""
    column = [*HOLDING, *CLEAN, None, "", "Zoë Roe", "x\x00jane.roe@example.org", "JANE.ROE@EXAMPLE.ORG", "ＪＡＮＥ"]
    got = needles.candidates(column)
    want = {i for i, v in enumerate(column) if v and needles.find(v)}
    assert want <= got
    assert len(want) >= len(HOLDING)
    assert not any(i in got for i, v in enumerate(column) if v in ("a note about the weather", "order 12345 shipped"))


def test_column_candidates_on_the_sample_estate():
    from pathlib import Path

    import pandas as pd

    root = Path(__file__).resolve().parents[1] / "data_samples"
    users = pd.read_csv(root / "exports" / "users_backup.csv", dtype=str)
    columns = []
    for path in sorted(root.rglob("*.csv")):
        frame = pd.read_csv(path, dtype=str)
        columns += [[v if isinstance(v, str) else None for v in frame[c].tolist()] for c in frame.columns]
    for i in (10, 20, 40, 77, 123):
        u = users.iloc[i]
        n = Needles.from_identifiers({"emails": [u["email"]], "phones": [u["phone"]], "names": [u["name"]],
                                      "tokens": [u["user_token"]], "ips": [u["signup_ip"]]}, region="US")  # fmt: skip
        found = kept = cells = 0
        for col in columns:
            want = {k for k, v in enumerate(col) if v and n.find(v)}
            got = n.candidates(col)
            assert want <= got
            found, kept, cells = found + len(want), kept + len(got), cells + len(col)
        assert found >= 2
        assert kept < cells / 20


def test_parquet_cells_and_fingerprints_are_what_a_row_by_row_read_gives(tmp_path):
    """The Parquet read converts whole columns (strings as they are, UTC timestamps through naive
    values) and computes fingerprints on demand: every cell and fingerprint equals the row-by-row
    conversion (``str``, ``isoformat``, NaN and null as None) for every column type."""
    import datetime as dt
    import hashlib
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq
    import yaml

    from privacy_audit.datamap import load_datamap
    from privacy_audit.erasure import load_estate_table

    utc = dt.UTC
    table = pa.table({
        "s": pa.array(["a", None, "", "Zoë"]),
        "ts_ms": pa.array([dt.datetime(2026, 1, 2, 3, 4, 5, 6000, tzinfo=utc), None,
                           dt.datetime(2026, 1, 2, tzinfo=utc), dt.datetime(1999, 12, 31, 23, 59, 59, tzinfo=utc)],
                          type=pa.timestamp("ms", tz="UTC")),
        "ts_us": pa.array([dt.datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=utc)] * 4, type=pa.timestamp("us", tz="UTC")),
        "ts_naive": pa.array([dt.datetime(2026, 5, 1, 8, 0)] * 4, type=pa.timestamp("s")),
        "n": pa.array([1, None, -3, 2**40]),
        "f": pa.array([1.5, float("nan"), None, 0.0]),
        "b": pa.array([True, False, None, True]),
    })  # fmt: skip
    pq.write_table(table, tmp_path / "t.parquet")
    (tmp_path / "datamap.yaml").write_text(yaml.safe_dump(
        {"datasets": [{"name": "t", "path": "t.parquet", "format": "parquet", "zone": "pseudonymous"}]}))  # fmt: skip
    t = load_estate_table(load_datamap(tmp_path / "datamap.yaml"), "t")

    def cell(v):
        if v is None or (isinstance(v, float) and v != v):
            return None
        return v.isoformat() if isinstance(v, dt.datetime) else str(v)

    want = [[cell(v) for v in rec.values()] for rec in table.to_pylist()]
    assert t.columns == table.column_names
    assert t.rows == want
    assert [t.fingerprints[i] for i in range(len(want))] == [
        hashlib.sha256(json.dumps(["t.parquet", k, row]).encode()).hexdigest() for k, row in enumerate(want)]
    assert t.fingerprints[-1] == t.fingerprints[3] and len(t.fingerprints) == 4
