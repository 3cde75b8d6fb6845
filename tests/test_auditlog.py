"""The hash-chained audit log: appends, verification of intact and tampered logs, concurrent
appenders, refusal of raw identifiers, and Ed25519 report signatures."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_audit import auditlog
from privacy_audit.auditlog import GENESIS, append, read, verify
from privacy_audit.errors import AuditLogError, ConfigError, InputError

ACTIONS = ["export", "erasure", "rectification", "restriction", "export", "erasure"]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "audit_log.jsonl"
    for i, action in enumerate(ACTIONS):
        append(path, action, subject_ref=f"s_ref{i}", details={"datasets": i, "rows": [i, i + 1]}, outcome="applied")
    return path


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def test_entries_are_chained(log: Path):
    entries = read(log)
    raw = [line.rstrip(b"\n") for line in _lines(log)]
    assert [e["seq"] for e in entries] == list(range(1, len(ACTIONS) + 1))
    assert [e["action"] for e in entries] == ACTIONS
    assert entries[0]["prev"] == GENESIS
    for i in range(1, len(entries)):
        assert entries[i]["prev"] == hashlib.sha256(raw[i - 1]).hexdigest()
    for e in entries:
        body = {k: v for k, v in e.items() if k != "hash"}
        expected = hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        assert e["hash"] == expected
        assert e["ts"].endswith("Z") and e["outcome"] == "applied"


def test_intact_log_verifies(log: Path):
    result = verify(log)
    assert result.ok and result.entries == len(ACTIONS) and result.first_broken is None
    assert result.head == hashlib.sha256(_lines(log)[-1].rstrip(b"\n")).hexdigest()
    assert result.to_dict()["ok"] is True


def test_empty_log_verifies(tmp_path: Path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    result = verify(tmp_path / "empty.jsonl")
    assert result.ok and result.entries == 0


@pytest.mark.parametrize("index", [0, 2, 5])
def test_edited_line_is_named(log: Path, index: int):
    lines = _lines(log)
    lines[index] = lines[index].replace(b'"outcome":"applied"', b'"outcome":"failed"')
    log.write_bytes(b"".join(lines))
    result = verify(log)
    assert not result.ok and result.first_broken == index + 1
    assert result.entries == index
    assert "changed" in result.reason


def test_edit_with_recomputed_hash_is_caught_at_next_entry(log: Path):
    lines = _lines(log)
    entry = json.loads(lines[2])
    entry["details"] = {"datasets": 0}
    entry["hash"] = auditlog.entry_hash(entry)
    lines[2] = auditlog.canonical_json(entry) + b"\n"
    log.write_bytes(b"".join(lines))
    result = verify(log)
    assert not result.ok and result.first_broken == 4
    assert "previous entry" in result.reason


def test_reformatted_line_is_caught(log: Path):
    lines = _lines(log)
    lines[1] = json.dumps(json.loads(lines[1]), sort_keys=True).encode() + b"\n"  # spaces after separators
    log.write_bytes(b"".join(lines))
    result = verify(log)
    assert not result.ok and result.first_broken == 2


@pytest.mark.parametrize("index", [0, 3, 5])
def test_deleted_line_is_named(log: Path, index: int):
    lines = _lines(log)
    del lines[index]
    log.write_bytes(b"".join(lines))
    result = verify(log)
    if index == len(ACTIONS) - 1:
        # dropping the last whole line leaves a valid, shorter chain: only the head tells
        assert result.ok and result.entries == len(ACTIONS) - 1
    else:
        assert not result.ok and result.first_broken == index + 1
        assert "removed" in result.reason


def test_cut_tail_is_visible_through_the_head(log: Path):
    head = verify(log).head
    lines = _lines(log)
    log.write_bytes(b"".join(lines[:-1]))
    assert verify(log).head != head


@pytest.mark.parametrize("a,b", [(0, 1), (2, 4), (4, 5)])
def test_swapped_lines_are_named(log: Path, a: int, b: int):
    lines = _lines(log)
    lines[a], lines[b] = lines[b], lines[a]
    log.write_bytes(b"".join(lines))
    result = verify(log)
    assert not result.ok and result.first_broken == a + 1


def test_truncated_last_line_is_named(log: Path):
    raw = log.read_bytes()
    log.write_bytes(raw[:-10])
    result = verify(log)
    assert not result.ok and result.first_broken == len(ACTIONS)
    assert "incomplete" in result.reason
    with pytest.raises(AuditLogError, match="incomplete"):
        append(log, "export", subject_ref="s_x", details={}, outcome="ok")


def test_unreadable_path(tmp_path: Path):
    with pytest.raises(AuditLogError, match="no audit log"):
        verify(tmp_path / "missing.jsonl")
    with pytest.raises(AuditLogError, match="folder"):
        verify(tmp_path)


def test_raw_identifiers_are_refused(tmp_path: Path):
    path = tmp_path / "log.jsonl"
    with pytest.raises(InputError, match="e-mail"):
        append(path, "export", subject_ref="jane.doe@example.com", details={}, outcome="ok")
    with pytest.raises(InputError, match="e-mail"):
        append(path, "export", subject_ref="s_1", details={"who": ["jane.doe@example.com"]}, outcome="ok")
    with pytest.raises(InputError, match="action"):
        append(path, "Drop Table", subject_ref="s_1", details={}, outcome="ok")
    with pytest.raises(InputError, match="JSON"):
        append(path, "export", subject_ref="s_1", details={"x": object()}, outcome="ok")
    assert not path.exists()


def _append_many(args: tuple[str, int]) -> int:
    path, worker = args
    for i in range(20):
        append(path, "export", subject_ref=f"s_w{worker}_{i}", details={"worker": worker, "i": i}, outcome="ok")
    return worker


def test_concurrent_appenders_keep_the_chain(tmp_path: Path):
    path = tmp_path / "log.jsonl"
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        done = pool.map(_append_many, [(str(path), w) for w in range(4)])
    assert sorted(done) == [0, 1, 2, 3]
    result = verify(path)
    assert result.ok and result.entries == 80
    refs = {e["subject_ref"] for e in read(path)}
    assert len(refs) == 80


def test_an_append_waits_for_a_stuck_holder_then_gives_up_with_one_line(log: Path, monkeypatch: pytest.MonkeyPatch):
    """Another process holding the log's lock (stuck, not dead) makes an append wait at most the lock
    timeout, then fail with one line; the log is unchanged. It used to wait for ever."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time\nfd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
         "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(600)\n", f"{log}.lock"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        before = log.read_bytes()
        monkeypatch.setenv("PRIVACY_AUDIT_LOCK_TIMEOUT", "1")
        with pytest.raises(AuditLogError, match="locked by another process.*gave up after 1 s.*nothing was appended"):
            append(log, "export", subject_ref="s_late", details={}, outcome="ok")
        assert log.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    append(log, "export", subject_ref="s_late", details={}, outcome="ok")  # the holder gone, the lock is free
    assert verify(log).entries == len(ACTIONS) + 1


def test_report_signature_round_trip(tmp_path: Path):
    private_pem, public_pem = auditlog.generate_signing_key()
    (tmp_path / "sign.pem").write_bytes(private_pem)
    (tmp_path / "sign.pub.pem").write_bytes(public_pem)
    report = b'{"request": "erasure", "deleted": 3}'
    sig = auditlog.sign_report(report, tmp_path / "sign.pem")
    assert len(sig) == 64
    assert auditlog.verify_report_signature(report, sig, tmp_path / "sign.pub.pem")
    assert not auditlog.verify_report_signature(report.replace(b"3", b"4"), sig, tmp_path / "sign.pub.pem")
    _, other_public = auditlog.generate_signing_key()
    assert not auditlog.verify_report_signature(report, sig, other_public)
    with pytest.raises(ConfigError):
        auditlog.load_private_key(tmp_path / "sign.pub.pem")
    with pytest.raises(ConfigError):
        auditlog.load_public_key(tmp_path / "missing.pem")
