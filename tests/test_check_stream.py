"""Checks stream their datasets (issue 22 item 3): the sampled scan picks its rows chunk by chunk, the
other checks read chunks or only the columns they need, and no check keeps a whole frame -- with the
answers of a whole-frame run (real sample estate, real files, real Presidio/spaCy)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from privacy_audit.checks import CheckContext, load_controls, registry, run_checks
from privacy_audit.datamap import load_datamap
from privacy_audit.detect.columns import column_values, sample_positions
from privacy_audit.io.spill import ChunkSpill
from privacy_audit.scan import SCAN_SAMPLE, scan
from privacy_audit.sources import read_dataset

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
AS_OF = dt.date(2026, 6, 1)


def _context(dm, chunksize: int) -> CheckContext:
    ctx = CheckContext(dm, as_of=AS_OF, controls=load_controls(dm.controls))
    ctx.chunksize = chunksize
    return ctx


def test_sample_positions_are_the_draw_of_a_sampled_column():
    """The positions depend on the row count and the seed only, and are the rows column_values judges."""
    values = pd.Series([f"v{i}" for i in range(5000)])
    pos = sample_positions(5000, 1000, seed=0)
    assert len(pos) == 1000 and np.all(np.diff(pos) > 0)
    assert np.array_equal(pos, sample_positions(5000, 1000, seed=0))
    assert not np.array_equal(pos, sample_positions(5000, 1000, seed=1))
    assert column_values(values, sample=1000)[0] == [f"v{i}" for i in pos]
    assert np.array_equal(sample_positions(700, 1000), np.arange(700))


@pytest.mark.parametrize("chunksize", [997, 100_000])
def test_streamed_scan_equals_the_whole_frame_scan(chunksize):
    """Every file dataset of the sample estate (the partitioned Parquet events folder among them): the
    scan of the rows picked chunk by chunk is the scan of the whole frame, verdict for verdict."""
    dm = load_datamap(SAMPLES / "datamap.yaml")
    assert dm.dataset("events").path.is_dir(), "the events dataset is a partitioned folder"
    checked = 0
    for ds in dm.datasets:
        if ds.format == "vault":
            continue
        ctx = _context(dm, chunksize)
        streamed = ctx.scan(ds)
        assert ds.name not in ctx._frames  # noqa: SLF001 - never read whole
        whole = read_dataset(ds)
        assert ctx.row_count(ds) == len(whole)
        assert streamed.to_dict() == scan(whole, name=ds.name).to_dict()
        checked += 1
    assert checked >= 7


def test_sample_keeps_the_whole_frames_dtypes(tmp_path):
    """JSON Lines chunks infer their own dtypes (whole numbers in one chunk, a null in another): the
    sample has the whole frame's dtypes, so its values read as they would in the whole frame."""
    lines = [{"n": 1000 + i, "s": f"x{i}"} for i in range(3000)] + [{"n": None, "s": None}]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    (tmp_path / "datamap.yaml").write_text(
        "datasets:\n  - name: t\n    path: t.jsonl\n    format: jsonl\n    zone: pseudonymous\n", encoding="utf-8"
    )
    dm = load_datamap(tmp_path / "datamap.yaml")
    ctx = _context(dm, 1000)
    sample = ctx.sample("t", SCAN_SAMPLE)
    whole = read_dataset(dm.dataset("t"))
    assert sample.attrs["n_rows"] == len(whole) == 3001
    assert dict(sample.dtypes) == dict(whole.dtypes)
    pos = sample_positions(len(whole), SCAN_SAMPLE)
    pd.testing.assert_frame_equal(sample, whole.iloc[pos].reset_index(drop=True))
    assert ctx.scan("t").to_dict() == scan(whole, name="t").to_dict()


def test_chunk_spill_replays_the_chunks_exactly_and_leaves_no_file():
    frames = [
        pd.DataFrame({"a": [1, 2], "t": pd.to_datetime(["2026-01-01", None], utc=True), "s": ["x", None]}),
        pd.DataFrame({"a": [3], "t": pd.to_datetime(["2026-02-01"], utc=True), "s": ["y"]}),
    ]
    spill = ChunkSpill()
    assert not spill.complete
    seen = list(spill.record(iter(frames)))
    assert spill.complete and len(seen) == 2
    name = os.readlink(f"/proc/self/fd/{spill._file.fileno()}")  # noqa: SLF001
    assert "(deleted)" in name or not Path(name).exists()  # unlinked from the start: nothing persists
    for _ in range(2):  # replayable, side by side too
        for got, want in zip(spill.replay(), frames, strict=True):
            pd.testing.assert_frame_equal(got, want)
    a, b = spill.replay(), spill.replay()
    pd.testing.assert_frame_equal(next(a), next(b))
    spill.close()


def test_no_check_keeps_a_whole_frame():
    """Every check run on one context: only the vault (which cannot be streamed) is ever read whole."""
    dm = load_datamap(SAMPLES / "datamap.yaml")
    ctx = _context(dm, 997)
    for cid, (fn, default) in registry().items():
        ctx._defaults[cid] = default  # noqa: SLF001
        list(fn(ctx))
    whole = set(ctx._frames)  # noqa: SLF001
    assert whole <= {ds.name for ds in dm.datasets if ds.format == "vault"}
    assert ctx.problems == []


def test_small_chunks_give_the_findings_of_one_chunk():
    """Retention, restriction, encryption, re-identification risk and the quasi-identifier audit read the
    estate chunk by chunk: 997-row chunks (several per dataset) give the findings of 100,000-row ones."""
    dm = load_datamap(SAMPLES / "datamap.yaml")
    one = run_checks(dm, as_of=AS_OF)
    many = run_checks(dm, as_of=AS_OF, chunksize=997)
    assert len(one.findings) >= 10
    assert [f.to_dict() for f in many.findings] == [f.to_dict() for f in one.findings]
    assert many.errors == one.errors


def _qi_frame() -> tuple[pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(5)
    n = 600
    frame = pd.DataFrame(
        {
            "postal_code": rng.choice(["10115", "10117", "20095", None], size=n),
            "birth_date": rng.choice(["1980-01-02", "1980-03-04", "1991-05-06", "1975-07-08", None], size=n),
            "gender": rng.choice(["f", "m", "d"], size=n),
            "visits": np.where(rng.random(n) < 0.05, np.nan, rng.integers(0, 4, size=n).astype(float)),
        }
    )
    subjects = pd.Series(rng.choice([f"s{i}" for i in range(80)] + [None], size=n), dtype=object)
    return frame, subjects


@pytest.mark.parametrize("size", [1, 37, 600])
def test_group_counts_merge_into_the_whole_frames(size):
    """Counts per distinct combination built per chunk and merged equal those of the whole frame, in
    first-appearance order; rows without a subject id stay rows of their own."""
    from privacy_audit.checks.summary import ROWS, SUBJECT, group_chunk, merge_groups

    frame, subjects = _qi_frame()
    cols = ["postal_code", "birth_date", "gender"]
    whole = group_chunk(frame, cols, subjects)
    parts = (
        group_chunk(frame.iloc[i : i + size], cols, subjects.iloc[i : i + size], offset=i)
        for i in range(0, len(frame), size)
    )
    merged = merge_groups(parts)
    pd.testing.assert_frame_equal(merged, merge_groups([whole]))
    assert merged[ROWS].sum() == len(frame)
    assert int(merged[SUBJECT].isna().sum()) == int(subjects.isna().sum())  # one group per row without id
    first = frame[cols].assign(s=subjects).drop_duplicates().reset_index(drop=True)
    keyed = first[first["s"].notna()].reset_index(drop=True)
    got = merged[merged[SUBJECT].notna()].reset_index(drop=True)
    assert got[cols].equals(keyed[cols]) and list(got[SUBJECT]) == list(keyed["s"])


@pytest.mark.parametrize("keyed", [True, False])
def test_risk_and_smallest_class_from_group_counts_equal_the_whole_frames(keyed):
    """k, the subjects in the smallest class and below k, the risk profile and the least-loss fix computed
    from the group counts are those computed from every row."""
    from privacy_audit.anonymize import anonymize, build_hierarchies
    from privacy_audit.checks.separation import smallest_class, subjects_below_k
    from privacy_audit.checks.summary import ROWS, SUBJECT, group_chunk, merge_groups
    from privacy_audit.risk import risk_profile

    frame, subjects = _qi_frame()
    ids = subjects if keyed else None
    qis = ["postal_code", "birth_date", "gender"]
    groups = merge_groups(group_chunk(frame.iloc[i : i + 50], [*qis, "visits"], None if ids is None else
                                      ids.iloc[i : i + 50], offset=i) for i in range(0, len(frame), 50))  # fmt: skip
    data, counts = groups[[*qis, "visits"]], groups[ROWS].to_numpy()
    g_ids = groups[SUBJECT].astype(object) if keyed else None
    rows = None if keyed else counts
    for combo in (qis, qis[:1], qis[1:]):
        assert smallest_class(data, combo, g_ids, weights=rows) == smallest_class(frame, combo, ids)
        assert subjects_below_k(data, combo, 5, g_ids, weights=rows) == subjects_below_k(frame, combo, 5, ids)
    raw = risk_profile(frame, qis, sensitive=["visits"], subjects=ids)
    grouped = risk_profile(data, qis, sensitive=["visits"], subjects=g_ids, weights=rows)
    assert grouped.to_dict() == raw.to_dict()
    sniff = {c: frame[c].dropna().head(200) for c in qis}
    hs_raw = build_hierarchies(frame, qis, reference=dt.date(2026, 6, 1))
    hs = build_hierarchies(data, qis, reference=dt.date(2026, 6, 1), sniff=sniff)
    assert hs == hs_raw
    fix_raw = anonymize(frame, qis, k=5, hierarchies=hs_raw)
    fix = anonymize(data, qis, k=5, hierarchies=hs, weights=counts)
    assert fix.plan == fix_raw.plan
    assert fix.before.summary() == fix_raw.before.summary() and fix.after.k == fix_raw.after.k


def test_a_sample_missing_whole_row_groups_reads_them_as_no_rows():
    """A small sample of a partitioned Parquet dataset skips whole row groups (their position list is
    empty): those give no rows instead of failing (at 100x the scan of events failed here, and with it
    every separation check)."""
    from privacy_audit.sources import partitions, read_partition

    dm = load_datamap(SAMPLES / "datamap.yaml")
    events = dm.dataset("events")
    parts = partitions(events.path, format="parquet")
    assert len(parts) >= 2
    none = read_partition(parts[0], rows=[])
    assert none.empty and list(none.columns) == list(read_partition(parts[0]).columns)
    ctx = _context(dm, 100_000)
    one = ctx.sample(events, 1)
    whole = read_dataset(events)
    pos = sample_positions(len(whole), 1)
    assert len(one) == 1 and one.reset_index(drop=True).equals(whole.iloc[pos].reset_index(drop=True))


@pytest.mark.parametrize("name", ["events", "logs", "sessions"])
def test_projection_first_per_subject_keeps_each_subjects_first_row(name):
    """``projection(first_per_subject=True)`` streamed in small chunks is the whole projection with every
    row dropped whose subject appeared in an earlier row (rows without a subject id all kept, in order):
    what the risk measures keep of one class, held per subject instead of per row."""
    dm = load_datamap(SAMPLES / "datamap.yaml")
    ds = dm.dataset(name)
    cols = list(_context(dm, 10**9).columns(ds).columns[:2])  # the subject key among them for events
    whole, ids = _context(dm, 10**9).projection(ds, cols)
    keep = ~ids.duplicated().to_numpy() | ids.isna().to_numpy()
    got, got_ids = _context(dm, 997).projection(ds, cols, first_per_subject=True)
    assert 0 < keep.sum() < len(whole)  # subjects with several rows, and the first rows kept
    pd.testing.assert_frame_equal(got, whole[keep].reset_index(drop=True))
    pd.testing.assert_series_equal(got_ids, ids[keep].reset_index(drop=True))
