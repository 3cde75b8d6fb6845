"""sources.py: every format, and every bad-input case as one-line InputError naming the file."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.errors import InputError
from privacy_audit.sources import (
    atomic_write_bytes,
    detect_format,
    iter_chunks,
    list_tables,
    read_log,
    read_table,
    sniff_csv,
    write_table_atomic,
)

FIX = Path(__file__).parent / "fixtures"
FRAME = pd.DataFrame({"id": [1, 2, 3], "email": ["a@example.com", "b@example.org", "c@example.net"]})


def test_csv_bom_is_stripped():
    df = read_table(FIX / "bom.csv")
    assert list(df.columns) == ["id", "email"] and len(df) == 2


def test_csv_encoding_and_delimiter_sniffed():
    assert sniff_csv(FIX / "latin1_semicolon.csv")[1] == ";"
    df = read_table(FIX / "latin1_semicolon.csv")
    assert list(df.columns) == ["name", "email", "city"]
    assert df.loc[0, "city"] == "München"


def test_wrong_encoding_is_one_line_error():
    with pytest.raises(InputError) as exc:
        read_table(FIX / "latin1_semicolon.csv", encoding="utf-8")
    assert "latin1_semicolon.csv" in str(exc.value) and "\n" not in str(exc.value)


def test_ragged_rows():
    with pytest.raises(InputError, match=r"ragged\.csv: ragged rows"):
        read_table(FIX / "ragged.csv")


def test_missing_path():
    with pytest.raises(InputError, match="no such file"):
        read_table(FIX / "nope.csv")


def test_binary_file(tmp_path):
    p = tmp_path / "blob.csv"
    p.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="blob.csv: binary file"):
        read_table(p)


def test_parquet_roundtrip_truncated_and_partitioned(tmp_path):
    p = tmp_path / "t.parquet"
    write_table_atomic(FRAME, p)
    assert read_table(p).equals(FRAME)
    assert len(read_table(p, nrows=2)) == 2
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    with pytest.raises(InputError, match="cut.parquet: not a readable Parquet file"):
        read_table(cut)
    part = tmp_path / "events"
    FRAME.assign(day=["d1", "d1", "d2"]).to_parquet(part, partition_cols=["day"])
    assert detect_format(part) == "parquet"
    assert len(read_table(part)) == 3
    assert list_tables(tmp_path) == [cut, part, p]


def test_jsonl_and_excel(tmp_path):
    j = tmp_path / "t.jsonl"
    write_table_atomic(FRAME, j)
    assert read_table(j).equals(FRAME)
    x = tmp_path / "t.xlsx"
    write_table_atomic(FRAME, x)
    assert read_table(x)["email"].tolist() == FRAME["email"].tolist()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"a": 1}\n{not json\n')
    with pytest.raises(InputError, match="bad.jsonl"):
        read_table(bad)


def test_read_log_combined_with_cookie():
    df = read_log(FIX / "access.log")
    assert list(df.columns[:4]) == ["ip", "ident", "user", "ts"]
    assert df["ip"].tolist() == ["203.0.113.7", "198.51.100.23", "2001:db8::1"]
    assert df.loc[0, "cookie"] == "sid=u_3f2a9c81d0e4b7a1"
    assert df.loc[1, "user"] == "alice" and pd.isna(df.loc[1, "bytes"])
    assert df["line_no"].tolist() == [1, 2, 3]
    assert str(df["ts"].dt.tz) == "UTC"
    assert detect_format(FIX / "access.log") == "log"


def test_a_byte_count_no_integer_holds_is_read_as_missing(tmp_path):
    """A hostile or corrupt byte count (24 digits) crashed every reader of the log (OverflowError, exit 3);
    the line is kept and parsed, its byte count missing."""
    p = tmp_path / "big.log"
    p.write_text('1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] "GET / HTTP/1.1" 200 123456789012345678901234 "-" "curl"\n'
                 '1.2.3.5 - - [10/Oct/2026:13:55:37 +0000] "GET / HTTP/1.1" 200 1234567890 "-" "curl"\n')
    df = read_log(p)
    assert df["ip"].tolist() == ["1.2.3.4", "1.2.3.5"]
    assert pd.isna(df.loc[0, "bytes"]) and df.loc[1, "bytes"] == 1_234_567_890


def test_read_log_rejects_non_log(tmp_path):
    p = tmp_path / "x.log"
    p.write_text("hello\nworld\n")
    with pytest.raises(InputError, match="not an access log"):
        read_log(p)


def test_a_streamed_non_log_is_refused_like_a_whole_read(tmp_path):
    """Checks stream logs chunk by chunk: a file where most lines do not parse is still not a log
    (the same rule as read_log, decided once every chunk was read), and a real log streams whole."""
    p = tmp_path / "x.log"
    p.write_text("hello\nworld\n" * 30 + (FIX / "access.log").read_text())
    with pytest.raises(InputError, match="not an access log"):
        list(iter_chunks(p, chunksize=7, format="log"))
    chunks = list(iter_chunks(FIX / "access.log", chunksize=2, format="log"))
    assert pd.concat(chunks)["line_no"].tolist() == read_log(FIX / "access.log")["line_no"].tolist()


def test_iter_chunks_csv_and_parquet(tmp_path):
    big = pd.DataFrame({"n": range(25), "s": [f"v{i}" for i in range(25)]})
    c = tmp_path / "c.csv"
    write_table_atomic(big, c)
    assert [len(x) for x in iter_chunks(c, chunksize=10)] == [10, 10, 5]
    p = tmp_path / "p.parquet"
    big.to_parquet(p, row_group_size=8)
    chunks = list(iter_chunks(p, chunksize=100))
    assert [len(x) for x in chunks] == [8, 8, 8, 1]
    assert pd.concat(chunks, ignore_index=True).equals(big)


def test_atomic_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.bin"
    atomic_write_bytes(target, b"first")

    with pytest.raises(TypeError):
        atomic_write_bytes(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


# The access-log pattern as first written (one alternation per character of a quoted field): the definition
# the faster "unrolled" pattern of sources._LOG_RE must agree with, match for match and group for group.
_LOG_RE_DEFINITION = re.compile(
    r'^(?P<ip>\S+) (?P<ident>\S+) (?P<user>\S+) \[(?P<ts>[^\]]+)\] '
    r'"(?P<request>(?:[^"\\]|\\.)*)" (?P<status>\d{3}|-) (?P<bytes>\d+|-)'
    r'(?: "(?P<referer>(?:[^"\\]|\\.)*)" "(?P<user_agent>(?:[^"\\]|\\.)*)")?'
    r'(?: "(?P<cookie>(?:[^"\\]|\\.)*)")?\s*$'
)


def test_log_pattern_matches_as_its_definition_on_hostile_lines():
    """The log pattern (quoted fields as unrolled loops) gives the same match and groups as the pattern with
    an alternation per character, on every line of the sample log and on 20,000 lines mutated at random
    with quotes, backslashes, escapes, whitespace of every kind, non-ASCII digits and truncations."""
    import random

    from privacy_audit.sources import _LOG_RE  # the pattern itself is what is tested

    base = (Path(__file__).resolve().parents[1] / "data_samples" / "logs" / "access.log").read_text(encoding="utf-8").splitlines()
    pieces = ['"', "\\", "\\\\", '\\"', '""', " ", "-", "\t", "\x0b", "\x1c", "\xa0", "\u2003", "\x85", "é", "٣",
              "[", "]", " \"x\"", ' "-"', "a", "0", "\r"]  # fmt: skip
    rng = random.Random(22)
    lines = list(base)
    for _ in range(20_000):
        line = rng.choice(base)
        for _ in range(rng.randint(1, 4)):
            k = rng.randint(0, len(line))
            op = rng.random()
            if op < 0.6:
                line = line[:k] + rng.choice(pieces) + line[k:]
            elif op < 0.85:
                line = line[:k] + line[k + 1 :]
            else:
                line = line[:k]
        lines.append(line)
    lines += [
        '1.2.3.4 - - [x] "a\\"b c\\\\" 200 1 "r\\"" "u\\\\\\"" "c=\\"1"', '1.2.3.4 - - [x] "" - -',
        '1.2.3.4 - - [x] "a b" 200 1 "" "" ""', '1.2.3.4 - - [x] "\\\\" 200 1 "\\" "x"', '1.2.3.4 - - [x] "a\\',
    ]  # fmt: skip
    matched = 0
    for line in lines:
        want, got = _LOG_RE_DEFINITION.match(line), _LOG_RE.match(line)
        assert (want is None) == (got is None), line
        if want is not None:
            matched += 1
            assert want.groupdict() == got.groupdict(), line
    assert matched > 5_000 and matched < len(lines)  # both kinds of line were exercised


def test_coalesced_parquet_chunks_are_the_same_rows_and_types(tmp_path):
    """``iter_chunks(coalesce=True)`` reads small row groups together: the same rows, values and dtypes in
    the same order as one chunk per row group, in fewer chunks, for a hive-partitioned folder (with a
    partition holding no rows) and a single file; ``columns`` still selects."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(3)
    folder = tmp_path / "events"
    for month, n in (("2026-01", 2500), ("2026-02", 0), ("2026-03", 1700)):
        (folder / f"month={month}").mkdir(parents=True)
        table = pa.table({
            "id": pa.array([f"e{i}" for i in range(n)]),
            "ts": pa.array((rng.integers(0, 10**9, n) * 1000).astype("datetime64[ms]")).cast(pa.timestamp("ms", tz="UTC")),
            "n": pa.array([None if i % 7 == 0 else int(i) for i in range(n)], type=pa.int64()),
            "note": pa.array([None if i % 5 == 0 else f" x{i} " for i in range(n)]),
        })  # fmt: skip
        pq.write_table(table, folder / f"month={month}" / "part-0.parquet", row_group_size=300)
    single = tmp_path / "one.parquet"
    pq.write_table(pa.table({"a": list(range(1000)), "b": [str(i) for i in range(1000)]}), single, row_group_size=64)
    for path, columns in ((folder, None), (folder, ["n", "ts"]), (single, None), (single, ["b"])):
        plain = list(iter_chunks(path, 1000, columns=columns))
        joined = list(iter_chunks(path, 1000, columns=columns, coalesce=True))
        assert len(joined) < len(plain) and all(len(c) <= 1000 for c in joined)
        pd.testing.assert_frame_equal(pd.concat(plain, ignore_index=True), pd.concat(joined, ignore_index=True),
                                      check_exact=True)  # fmt: skip
        assert all(list(c.dtypes) == list(plain[0].dtypes) for c in joined)
