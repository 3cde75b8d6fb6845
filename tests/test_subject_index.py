"""The subject index: same answers as a full pass (files, SQLite, PostgreSQL), stale and tampered
indexes detected and never trusted, no raw identifier inside, changes mark it stale, CLI.

Real files (copies of the sample estate), real SQLite and PostgreSQL (tests/conftest_pg.py), the real
vault key; nothing is mocked. Speed is measured in bench/bench_requests.py, not here.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest_pg import copy_estate, pg_url, sql_estate  # noqa: F401 - pg_url is a fixture

from privacy_audit import identifiers as idm
from privacy_audit import linkage, services, subject_index
from privacy_audit.cli import cli
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import plan_erasure
from privacy_audit.errors import PrivacyAuditError
from privacy_audit.linkage import with_linked_rows
from privacy_audit.subjects import find_subject_data, register_search_index, resolve_subjects
from privacy_audit.vault import key_for_datamap

#: direct identifier columns of the sample estate's identity table (users_backup = the vault's fields)
DIRECT = ("name", "email", "phone", "street_address", "date_of_birth", "signup_ip", "push_token")


def _users(dm) -> pd.DataFrame:
    return pd.read_csv(dm.resolve("exports/users_backup.csv"), dtype=str)


def _probes(dm, rows: tuple[int, ...] = (10, 11, 20, 21, 30, 77)) -> list[tuple[str, str]]:
    """(kind, value) identifiers of the planted subjects (a family sharing a phone line: 10, 11;
    namesakes: 20, 21; the richest history: 30; a legal hold: 40; cookie register, the leaked access
    export: 57, 58, 77) and an ordinary one; each by e-mail, plus phone (shared, ambiguous), name and
    date of birth, and token for some."""
    users = _users(dm)
    out = []
    for n, i in enumerate(rows):
        u = users.iloc[i]
        out.append(("email", u["email"]))
        if i in (10, 20, 21) and isinstance(u["phone"], str):
            out.append(("phone", u["phone"]))
        if i in (20, 21, 30):
            out.append(("name", f"{u['name']}|{u['date_of_birth']}"))
        if n % 3 == 0:
            out.append(("token", u["user_token"]))
    return out


def _answer(dm, key, kind, value, *, use_index):
    try:
        s = resolve_subjects(dm, [(kind, value)], vault_key=key, use_index=use_index)
    except PrivacyAuditError as exc:
        return ("error", type(exc).__name__, str(exc)), None
    data = find_subject_data(dm, s, vault_key=key, use_index=use_index)
    ident = (s.subject_id, s.found, dict(s.identifiers), dict(s.exclusive), dict(s.pseudonym_sources), s.token_cookies)
    found = [
        (m.name, m.row_ids, m.row_reasons, m.mention_row_ids, m.log_lines, m.rows.astype(str).to_dict("split"))
        for m in (*data.datasets, *data.registers)
    ]
    return (ident, found), data


def _assert_identical(dm, key, probes) -> int:
    searched = 0
    for kind, value in probes:
        full, _ = _answer(dm, key, kind, value, use_index=False)
        fast, data = _answer(dm, key, kind, value, use_index=True)
        assert fast == full, f"{kind}: the index changed the answer"
        if data is not None:
            assert data.search == "index", data.notes
            searched += 1
    return searched


@pytest.fixture
def estate(tmp_path):
    dm_path = copy_estate(tmp_path / "estate")
    dm = load_datamap(dm_path)
    key = key_for_datamap(dm)
    subject_index.build_index(dm, vault_key=key, progress=False)
    return dm, key


def test_answers_are_identical_with_and_without_the_index_on_files(estate):
    dm, key = estate
    assert subject_index.index_status(dm, vault_key=key).current
    assert _assert_identical(dm, key, _probes(dm)) >= 8


@pytest.fixture(params=["sqlite", "postgresql"])
def sql_dm(request, tmp_path):
    url = f"sqlite:///{tmp_path}/estate.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    dm = load_datamap(sql_estate(tmp_path / "estate", url))
    return dm, key_for_datamap(dm)


def test_answers_are_identical_with_and_without_the_index_on_sql(sql_dm):
    dm, key = sql_dm
    assert any(ds.is_sql for ds in dm.datasets)
    subject_index.build_index(dm, vault_key=key, progress=False)
    assert subject_index.index_status(dm, vault_key=key).current
    assert _assert_identical(dm, key, _probes(dm, rows=(10, 77))) >= 2


def test_no_index_means_a_full_pass_that_says_so(tmp_path):
    dm = load_datamap(copy_estate(tmp_path / "estate"))
    key = key_for_datamap(dm)
    users = _users(dm)
    s = resolve_subjects(dm, [("email", users.loc[20, "email"])], vault_key=key)
    data = find_subject_data(dm, s, vault_key=key)
    assert data.search == "full" and any("index" in n for n in data.notes)
    assert data.to_dict()["search"] == "full"


def test_a_dataset_edited_after_the_build_is_stale_read_whole_then_rebuilt(estate):
    dm, key = estate
    users = _users(dm)
    u = users.iloc[30]
    tickets = dm.dataset("tickets").path
    with open(tickets, "a", encoding="utf-8") as fh:  # a new ticket naming the subject by e-mail only
        fh.write(f"T-NEW-1,,2026-11-01T10:00:00Z,email,Question,Please reach me at {u['email']} thanks\n")
    status = subject_index.index_status(dm, vault_key=key)
    assert not status.current
    assert {d.name: d.state for d in status.datasets}["tickets"] == "stale"
    full, _ = _answer(dm, key, "email", u["email"], use_index=False)
    fast, data = _answer(dm, key, "email", u["email"], use_index=True)
    assert data.search == "partial" and fast == full
    rows = data.dataset("tickets")
    assert len(rows.rows) and (rows.rows["ticket_id"] == "T-NEW-1").any()  # the new row is found
    result = subject_index.build_index(dm, vault_key=key, progress=False)
    assert result.rebuilt == ("tickets",) and "tickets" not in result.kept
    assert subject_index.index_status(dm, vault_key=key).current
    fast, data = _answer(dm, key, "email", u["email"], use_index=True)
    assert data.search == "index" and fast == full


def _tamper_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _ds_number(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute("SELECT ds FROM datasets WHERE name = ?", (name,)).fetchone()[0]


def _tamper_move_row(path: Path) -> None:
    """A valid SQLite file whose entries point one row away (what an attacker hiding a row would do)."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET row = row + 100000 WHERE row % 7 = 0")


def _tamper_drop_dataset_entries(path: Path) -> None:
    """The tickets' entries and the MACs of their segments deleted (their rows would never be read)."""
    with sqlite3.connect(path) as conn:
        dsn = _ds_number(conn, "tickets")
        conn.execute("DELETE FROM entries WHERE ds = ?", (dsn,))
        conn.execute("DELETE FROM seals WHERE ds = ?", (dsn,))


def _tamper_swap_datasets(path: Path) -> None:
    """The entries of two datasets swapped, their segments' MACs with them."""
    with sqlite3.connect(path) as conn:
        a, b = _ds_number(conn, "tickets"), _ds_number(conn, "sessions")
        for table in ("entries", "seals"):
            conn.execute(f"UPDATE {table} SET ds = -1 WHERE ds = ?", (a,))
            conn.execute(f"UPDATE {table} SET ds = ? WHERE ds = ?", (a, b))
            conn.execute(f"UPDATE {table} SET ds = ? WHERE ds = -1", (b,))


def _tamper_spans(path: Path) -> None:
    """The tickets' record spans in reverse order (reads sent to other people's rows), same length."""
    with sqlite3.connect(path) as conn:
        dsn = _ds_number(conn, "tickets")
        (blob,) = conn.execute("SELECT spans FROM datasets WHERE ds = ?", (dsn,)).fetchone()
        recs = [blob[i : i + 24] for i in range(24, len(blob), 24)]
        with conn.blobopen("datasets", "spans", dsn) as fh:
            fh.seek(24)
            fh.write(b"".join(reversed(recs)))


def _tamper_record(path: Path) -> None:
    """A dataset record edited (its row count): the root MAC covers every record."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE datasets SET rows = rows + 1 WHERE name = 'tickets'")


@pytest.mark.parametrize(
    "tamper",
    [_tamper_bytes, _tamper_move_row, _tamper_drop_dataset_entries, _tamper_swap_datasets, _tamper_spans, _tamper_record],
)
def test_a_tampered_index_is_detected_never_trusted_and_rebuilt(estate, tamper, caplog):
    dm, key = estate
    path = subject_index.index_path(dm)
    users = _users(dm)
    email = users.loc[30, "email"]  # the richest history: rows in tickets, sessions, logs, ...
    before, data = _answer(dm, key, "email", email, use_index=True)
    assert data.search == "index" and data.dataset("tickets").row_ids
    tamper(path)
    caplog.clear()
    full, _ = _answer(dm, key, "email", email, use_index=False)
    fast, data = _answer(dm, key, "email", email, use_index=True)
    assert fast == full == before  # the data itself answers, never the tampered index
    if tamper is not _tamper_bytes:  # (a flipped byte may sit where this request reads nothing)
        assert data.search != "index"
        assert any("failed its" in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
        assert subject_index.open_index(dm, key) is None  # found once, never trusted again
    status = subject_index.index_status(dm, vault_key=key)
    assert not status.verified and not status.current and "MAC" in status.note
    result = subject_index.build_index(dm, vault_key=key, progress=False)
    assert "MAC" in result.note and len(result.rebuilt) == len(dm.datasets)
    assert subject_index.index_status(dm, vault_key=key).current
    fast, data = _answer(dm, key, "email", email, use_index=True)
    assert data.search == "index" and fast == full


def test_segments_of_an_older_build_are_not_trusted(estate, caplog):
    """An attacker keeps the current dataset records and root MAC but puts back a dataset's entries and
    segment MACs from an earlier build of the same data: each build of a dataset has its own nonce."""
    dm, key = estate
    path = subject_index.index_path(dm)
    old = path.with_name("old.sqlite")
    shutil.copy(path, old)
    subject_index.build_index(dm, vault_key=key, progress=False, fresh=True)
    with sqlite3.connect(path) as conn:
        dsn = _ds_number(conn, "tickets")
        conn.execute("ATTACH DATABASE ? AS old", (str(old),))
        for table in ("entries", "seals"):
            conn.execute(f"DELETE FROM {table} WHERE ds = ?", (dsn,))
            conn.execute(f"INSERT INTO {table} SELECT * FROM old.{table} WHERE ds = ?", (dsn,))
        conn.commit()
        conn.execute("DETACH DATABASE old")
    old.unlink()
    email = _users(dm).loc[30, "email"]
    full, _ = _answer(dm, key, "email", email, use_index=False)
    fast, data = _answer(dm, key, "email", email, use_index=True)
    assert fast == full and data.search != "index"
    assert any("failed its check (entries of dataset tickets)" in r.getMessage() for r in caplog.records)


def test_an_old_copy_of_the_whole_index_is_caught_by_its_fingerprints(estate):
    """The index and its MAC file put back as they were before the data changed: internally sound, but
    the datasets changed since are stale (their fingerprints), so only the unchanged ones are used;
    the old index file beside the new MAC file fails the root MAC."""
    dm, key = estate
    folder = subject_index.index_path(dm).parent
    saved = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    u = _users(dm).iloc[30]
    with open(dm.dataset("tickets").path, "a", encoding="utf-8") as fh:
        fh.write(f"T-NEW-2,,2026-11-02T10:00:00Z,email,Question,Write to {u['email']} please\n")
    subject_index.build_index(dm, vault_key=key, progress=False)
    new_mac = (folder / "subjects.mac").read_bytes()
    for name, data in saved.items():
        (folder / name).write_bytes(data)
    view = subject_index.open_index(dm, key)
    assert view is not None and "tickets" not in view.current and "sessions" in view.current
    full, _ = _answer(dm, key, "email", u["email"], use_index=False)
    fast, data = _answer(dm, key, "email", u["email"], use_index=True)
    assert fast == full and data.search == "partial"
    assert (data.dataset("tickets").rows["ticket_id"] == "T-NEW-2").any()
    (folder / "subjects.mac").write_bytes(new_mac)
    assert subject_index.open_index(dm, key) is None


def test_an_index_is_not_opened_with_another_key(estate):
    dm, key = estate
    assert subject_index.open_index(dm, key) is not None
    assert subject_index.open_index(dm, bytes(32)) is None


def _identifier_forms(dm) -> set[str]:
    """Every direct identifier of the sample estate, as written and in each normalised form."""
    users = _users(dm)
    forms: set[str] = set()
    for col in DIRECT:
        if col not in users.columns:
            continue
        for v in users[col].dropna():
            forms.add(v)
            kind = {"date_of_birth": "dob", "signup_ip": "ip", "push_token": "device_id"}.get(col, col)
            for k in idm.normalize(kind, v) if kind in idm.KINDS else ():
                forms.add(k.split(":", 1)[1] if kind == "phone" else k)
            forms.add(idm.nfkc(v).casefold())
    for tok in users["user_token"]:
        forms.add(tok)
    return {f for f in forms if len(f) >= 6}


def test_the_index_holds_no_raw_identifier(estate):
    dm, _ = estate
    folder = subject_index.index_path(dm).parent
    blobs = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert "subjects.sqlite" in blobs and "subjects.mac" in blobs
    forms = _identifier_forms(dm)
    assert len(forms) > 2000  # the whole identity table, several forms each
    for name, data in blobs.items():
        low = data.lower()
        leaked = [f for f in forms if f.encode("utf-8") in data or f.lower().encode("utf-8") in low]
        assert not leaked, f"{name} holds {len(leaked)} identifier value(s)"
    with sqlite3.connect(folder / "subjects.sqlite") as conn:  # the linkage's state: names and verdicts, no value
        layouts = {n: json.loads(t) for n, t in conn.execute("SELECT name, layout FROM datasets")}
    assert layouts["survey"]["quasi"]["reidentifying"] and layouts["users_backup"]["quasi"]["columns"]
    postal = {f'"{v}"' for v in _users(dm)["postal_code"].dropna()}
    assert not [v for v in postal if v in json.dumps(layouts)]


def test_changes_through_commit_change_mark_the_index_stale(estate):
    dm, key = estate
    users = _users(dm)
    ctx = services.open_subject(dm, [("email", users.loc[50, "email"])])
    from privacy_audit.erasure import plan_erasure

    plan = plan_erasure(dm, ctx.subject, vault_key=key)
    changed = {p.name for p in plan.datasets if p.kind == "dataset" and any(r.action != "keep" for r in p.rows)}
    assert changed
    services.erase(dm, plan, vault_key=key, scanner=False)
    status = {d.name: d.state for d in subject_index.index_status(dm, vault_key=key).datasets}
    assert all(status[n] == "stale" for n in changed), status
    other = users.loc[60, "email"]
    full, _ = _answer(dm, key, "email", other, use_index=False)
    fast, data = _answer(dm, key, "email", other, use_index=True)
    assert data.search == "partial" and fast == full
    subject_index.build_index(dm, vault_key=key, progress=False)
    assert subject_index.index_status(dm, vault_key=key).current


def test_cli_index_build_and_status(tmp_path):
    dm_path = copy_estate(tmp_path / "estate")
    runner = CliRunner()
    res = runner.invoke(cli, ["index", "status", str(dm_path)])
    assert res.exit_code == 1 and "no subject index" in res.output
    res = runner.invoke(cli, ["index", "build", str(dm_path), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert f"{len(load_datamap(dm_path).datasets)} dataset(s) indexed" in res.output
    res = runner.invoke(cli, ["index", "status", str(dm_path)])
    assert res.exit_code == 0 and "current" in res.output
    res = runner.invoke(cli, ["index", "build", str(dm_path), "--no-progress"])
    assert res.exit_code == 0 and "0 dataset(s) indexed" in res.output


def test_cli_index_bad_input_is_one_line_exit_2(tmp_path):
    from privacy_audit.cli import run_guarded

    dm_path = copy_estate(tmp_path / "estate")
    shutil.rmtree(dm_path.parent / "keys")
    for args in (["index", "build", str(tmp_path / "missing.yaml")], ["index", "build", str(dm_path)],
                 ["index", "status", str(dm_path), "--vault-key-file", str(tmp_path / "nokey")]):  # fmt: skip
        assert run_guarded(args) == 2


# ------------------------------------------------------------------ the erasure plan, with and without


def _plan_detail(dm, key, email) -> dict:
    """Everything an erasure plan decides for the subject with e-mail ``email``: per dataset the
    rows and their actions, masked columns, spans, reasons, matches, shared rows, links, notes, files
    and held rows; the shared identifiers; the exports found (every field but its creation time)."""
    from privacy_audit.erasure import plan_erasure

    ctx = services.open_subject(dm, [("email", email)])
    plan = plan_erasure(dm, ctx.subject, vault_key=key)
    out = plan.to_dict()
    out.pop("created_at")
    out["_search"] = out.pop("search")  # how the datasets were read: compared apart
    out["rows"] = {p.name: [repr(r) for r in p.rows] for p in plan.datasets}
    out["files"] = {p.name: p.files for p in plan.datasets}
    out["held"] = {p.name: sorted(p.held_fingerprints) for p in plan.datasets}
    out["shared"] = sorted(plan.shared)
    return out


def _plans_identical(dm, key, rows: tuple[int, ...]) -> list[dict]:
    """The plan of each subject with the index (which the search must use) and without it (the
    index folder moved away: a full pass); returns the plans."""
    users = _users(dm)
    folder = subject_index.index_path(dm).parent
    plans = []
    for i in rows:
        email = users.loc[i, "email"]
        s = resolve_subjects(dm, [("email", email)], vault_key=key)
        assert find_subject_data(dm, s, vault_key=key).search == "index"
        fast = _plan_detail(dm, key, email)
        shutil.move(folder, folder.with_name("moved-away"))
        try:
            assert find_subject_data(dm, s, vault_key=key).search == "full"
            full = _plan_detail(dm, key, email)
        finally:
            shutil.move(folder.with_name("moved-away"), folder)
        fast_search, full_search = fast.pop("_search"), full.pop("_search")
        assert fast == full, f"subject row {i}: the index changed the erasure plan"
        assert full_search["mode"] == "full"
        assert fast_search["mode"] in ("index", "partial"), fast_search
        sparse = {ds.name for ds in dm.datasets} - {n.split(":", 1)[0] for n in fast_search["notes"]}
        assert {"logs", "events", "tickets"} & {ds.name for ds in dm.datasets if not ds.is_sql} <= sparse, fast_search
        plans.append(fast)
    return plans


def _with_shared_and_hold(plans: list[dict]) -> None:
    assert any(p["shared"] for p in plans), "no subject with an identifier shared with another person"
    assert any("legal hold" in r for p in plans for rows in p["rows"].values() for r in rows), "no legal hold"
    assert all(p["totals"]["subject_rows"] > 0 for p in plans)


def test_erasure_plans_are_identical_with_and_without_the_index_on_files(estate):
    """Subjects: a family sharing a phone line (10, 11), a namesake (20), a legal hold (40), the
    leaked export (77), an ordinary one (123)."""
    dm, key = estate
    _with_shared_and_hold(_plans_identical(dm, key, (10, 11, 20, 40, 77, 123)))


def test_erasure_plans_are_identical_with_and_without_the_index_for_odd_places(tmp_path):
    """A subject's token in a column nobody declares (another person's ticket subject line), their
    e-mail URL-encoded in someone else's log line, a namesake's row: the index's search units find
    them (so the sparse plan reads those rows) and the plans with and without the index are equal."""
    dm_path = copy_estate(tmp_path / "estate")
    dm = load_datamap(dm_path)
    key = key_for_datamap(dm)
    users = _users(dm)
    a, b = users.iloc[30], users.iloc[123]
    tickets = Path(dm.resolve("support/tickets.csv"))
    with open(tickets, "a", encoding="utf-8", newline="") as fh:
        fh.write(f'T-999001,{users.iloc[5]["user_token"]},2026-10-30T10:00:00Z,email,"Re: account {a["user_token"]} merged",'
                 f'"Please merge my old account into this one."\n')
    log = Path(dm.resolve("logs/access.log"))
    encoded = b["email"].upper().replace("@", "%40")
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(f'198.51.100.77 - - [31/Oct/2026:23:00:00 +0000] "GET /unsubscribe?email={encoded}&src=mail HTTP/1.1" 302 0 '
                 f'"-" "Mozilla/5.0" "bcn_uid={users.iloc[6]["user_token"]}"\n')
    subject_index.build_index(dm, vault_key=key, progress=False)
    plans = _plans_identical(dm, key, (30, 123, 20))
    ticket_rows = sum(1 for _ in pd.read_csv(tickets, dtype=str).itertuples()) - 1
    assert any(f"row={ticket_rows}," in r and "token" in r for r in plans[0]["rows"]["tickets"]), "the odd-column token"
    log_rows = sum(1 for line in log.read_text(encoding="utf-8").splitlines() if line.strip()) - 1
    assert any(f"row={log_rows}," in r and "email" in r for r in plans[1]["rows"]["logs"]), "the URL-encoded e-mail"


def test_erasure_plans_are_identical_with_and_without_the_index_on_sql(sql_dm):
    dm, key = sql_dm
    assert any(ds.is_sql for ds in dm.datasets)
    subject_index.build_index(dm, vault_key=key, progress=False)
    assert subject_index.index_status(dm, vault_key=key).current
    _with_shared_and_hold(_plans_identical(dm, key, (10, 40)))


def test_erasure_plans_are_identical_with_and_without_the_needle_screen(estate, monkeypatch):
    """The plan's screens (``Needles.candidates`` per column, ``Needles.may_hold`` per text) only
    skip work: switched off (every value a candidate), the plans are the same."""
    from privacy_audit.erasure import Needles

    dm, key = estate
    users = _users(dm)
    for i in (10, 40, 77):
        screened = _plan_detail(dm, key, users.loc[i, "email"])
        with monkeypatch.context() as m:
            m.setattr(Needles, "candidates", lambda self, values: {k for k, v in enumerate(values) if v})
            m.setattr(Needles, "may_hold", lambda self, text: bool(text) and bool(self))
            unscreened = _plan_detail(dm, key, users.loc[i, "email"])
        assert screened == unscreened, f"subject row {i}: the screen changed the plan"


# ---------------------------------------------------- the quasi-identifier linkage, with and without


RICH = "u_5e40321e94419582"  # the sample's survey subject: one answer holds their postal code and birth date


def _linkage(dm, key, token):
    """The subject's quasi-identifier links and the linked rows their export gets (find_data)."""
    ctx = services.open_subject(dm, [("token", token)])
    data = services.find_data(ctx)
    linked = [(m.name, m.row_ids, m.row_reasons, m.rows.astype(str).to_dict("split"))
              for m in data.datasets if "quasi_identifiers" in m.matched_by]  # fmt: skip
    return linkage.quasi_links(dm, ctx.subject, vault_key=key), linked


@contextlib.contextmanager
def _no_whole_reads(monkeypatch):
    """The linkage may neither read a dataset whole nor run the risk check: the index answers."""

    def refuse(*_a, **_k):
        raise AssertionError("the linkage read a dataset whole (or measured it) although the index is current")

    with monkeypatch.context() as m:
        m.setattr(linkage, "read_dataset", refuse)
        m.setattr(linkage, "assess_dataset", refuse)
        yield


def _linkage_identical(dm, key, tokens, monkeypatch=None) -> list[tuple]:
    """Each subject's links with the index (with ``monkeypatch``: no whole read allowed) and without it
    (the index folder moved away); returns the links."""
    folder = subject_index.index_path(dm).parent
    out = []
    for t in tokens:
        with _no_whole_reads(monkeypatch) if monkeypatch is not None else contextlib.nullcontext():
            fast = _linkage(dm, key, t)
        shutil.move(folder, folder.with_name("moved-away"))
        try:
            full = _linkage(dm, key, t)
        finally:
            shutil.move(folder.with_name("moved-away"), folder)
        assert fast == full, f"{t}: the index changed the quasi-identifier linkage"
        out.append(fast[0])
    return out


def _twin_answer(dm) -> None:
    """A second survey answer with RICH's postal code and birth date (another gender): k = 2."""
    path = dm.dataset("survey").path
    survey = pd.read_csv(path, dtype=str, keep_default_na=False)
    me = _users(dm).set_index("user_token").loc[RICH]
    mine = survey[(survey["postal_code"] == me["postal_code"]) & (survey["date_of_birth"] == me["date_of_birth"])]
    assert len(mine) == 1
    twin = mine.assign(gender="female" if mine.iloc[0]["gender"] != "female" else "male", satisfaction="5")
    pd.concat([survey, twin]).to_csv(path, index=False)


def test_quasi_links_are_identical_with_and_without_the_index_on_files(estate, monkeypatch):
    dm, key = estate
    tokens = [RICH, *_users(dm)["user_token"].iloc[:12]]
    links = _linkage_identical(dm, key, tokens, monkeypatch)
    rich = links[0]
    assert [(x.dataset, x.k, x.people, len(x.rows), x.attributable) for x in rich] == [("survey", 1, 1, 1, True)]
    assert sum(bool(x) for x in links) >= 6  # most of the sample's people answered the survey


def test_shared_quasi_values_are_kept_alike_with_and_without_the_index(tmp_path, monkeypatch):
    """Two answers share RICH's values (k = 2); another person's identity record shares the values of a
    second subject (2 people on record): both kept, with their reasons, through the index as without."""
    dm = load_datamap(copy_estate(tmp_path / "estate"))
    key = key_for_datamap(dm)
    _twin_answer(dm)
    users = _users(dm)
    other = users.iloc[3]
    assert linkage.quasi_links(dm, {"tokens": [other["user_token"]]}, vault_key=key)  # linked (k = 1) before
    twin = other.copy()
    twin["user_token"], twin["email"], twin["name"] = "u_00000000000000aa", "someone.else@example.org", "Jo Doe"
    pd.concat([users, twin.to_frame().T]).to_csv(dm.resolve("exports/users_backup.csv"), index=False)
    subject_index.build_index(dm, vault_key=key, progress=False)
    rich, shared = _linkage_identical(dm, key, [RICH, other["user_token"]], monkeypatch)
    assert [(x.k, x.people, x.attributable) for x in rich] == [(2, 1, False)]
    assert rich[0].reason().endswith("cannot be attributed to one person: k=2")
    assert [(x.k, x.people, x.attributable) for x in shared] == [(1, 2, False)]
    assert shared[0].reason().endswith("2 people on record share these values")


def test_a_survey_edited_after_the_build_is_measured_whole_then_reindexed(estate, monkeypatch):
    dm, key = estate
    (before,) = _linkage_identical(dm, key, [RICH], monkeypatch)
    assert [x.k for x in before] == [1]
    _twin_answer(dm)
    assert {d.name: d.state for d in subject_index.index_status(dm, vault_key=key).datasets}["survey"] == "stale"
    (stale,) = _linkage_identical(dm, key, [RICH])  # the stale survey is measured whole, the rest indexed
    assert [x.k for x in stale] == [2]
    result = subject_index.build_index(dm, vault_key=key, progress=False)
    assert result.rebuilt == ("survey",)
    (after,) = _linkage_identical(dm, key, [RICH], monkeypatch)
    assert after == stale


def test_risk_settings_changed_after_the_build_are_not_answered_from_the_index(estate):
    """The verdict depends on the data map's risk settings too (not part of the survey's fingerprint):
    with the survey measured over gender alone it meets its k, with and without the index."""
    dm, key = estate
    dm.path.write_text(dm.path.read_text() + "\nrisk:\n  quasi_identifiers: [gender]\n")
    dm = load_datamap(dm.path)
    assert {d.name: d.state for d in subject_index.index_status(dm, vault_key=key).datasets}["survey"] == "current"
    assert _linkage_identical(dm, key, [RICH]) == [()]


def _tamper_survey_entries(path: Path) -> None:
    """The survey's entries point one row away (its segments' MACs left as they were)."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET row = row + 1000000 WHERE ds = ?", (_ds_number(conn, "survey"),))


def _tamper_survey_verdict(path: Path) -> None:
    """The survey's recorded verdict turned to "not re-identifying" (its record is under the root MAC)."""
    with sqlite3.connect(path) as conn:
        (layout,) = conn.execute("SELECT layout FROM datasets WHERE name = 'survey'").fetchone()
        record = json.loads(layout)
        record["quasi"]["reidentifying"] = False
        conn.execute("UPDATE datasets SET layout = ? WHERE name = 'survey'", (json.dumps(record),))


@pytest.mark.parametrize("tamper", [_tamper_survey_entries, _tamper_survey_verdict])
def test_a_tampered_linkage_entry_is_never_trusted(estate, tamper, caplog):
    dm, key = estate
    (before,) = _linkage_identical(dm, key, [RICH])
    tamper(subject_index.index_path(dm))
    caplog.clear()
    (after,) = _linkage_identical(dm, key, [RICH])
    assert after == before and [x.k for x in after] == [1]
    assert any("failed its" in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
    assert subject_index.open_index(dm, key) is None
    subject_index.build_index(dm, vault_key=key, progress=False)
    assert subject_index.index_status(dm, vault_key=key).current


def test_quasi_links_are_identical_with_and_without_the_index_on_sql(sql_dm, monkeypatch):
    """The identity copy (users_backup) and the survey in SQLite / PostgreSQL tables."""
    dm, key = sql_dm
    assert dm.dataset("survey").is_sql and dm.dataset("users_backup").is_sql
    subject_index.build_index(dm, vault_key=key, progress=False)
    links = _linkage_identical(dm, key, [RICH, *_users(dm)["user_token"].iloc[:4]], monkeypatch)
    assert [(x.dataset, x.k, x.people, len(x.rows)) for x in links[0]] == [("survey", 1, 1, 1)]


def test_the_linkage_through_the_index_loads_no_text_analyser(estate):
    """A request answered by the index runs no scan: Presidio and spaCy are never imported."""
    dm, key = estate
    code = (
        "import sys\n"
        "from privacy_audit import subject_index\n"
        "from privacy_audit.datamap import load_datamap\n"
        "from privacy_audit.linkage import quasi_links\n"
        "from privacy_audit.vault import key_for_datamap\n"
        f"dm = load_datamap({str(dm.path)!r})\n"
        f"links = quasi_links(dm, {{'tokens': [{RICH!r}]}}, vault_key=key_for_datamap(dm))\n"
        "print(len(links), links[0].k, any(m.split('.')[0] in ('presidio_analyzer', 'spacy') for m in sys.modules))\n"
    )
    env_path = str(Path(__file__).resolve().parents[1])
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": env_path})  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["1", "1", "False"]


def test_a_request_opens_the_index_once_and_closes_it(estate):
    """find + linkage (``services.find_data``) and an erasure plan each open (verify) the index once,
    share it, and close it at the end; the answer is the one of searches that each open their own."""
    dm, key = estate
    opened: list = []

    def counting(datamap, vault_key):
        view = subject_index.open_index(datamap, vault_key)
        opened.append(view)
        return view

    def summary(data):
        return [(m.name, m.row_ids, m.row_reasons, m.matched_by, m.rows.astype(str).to_dict("split"))
                for m in (*data.datasets, *data.registers)]  # fmt: skip

    email = _users(dm).loc[30, "email"]
    register_search_index(counting)
    try:
        ctx = services.open_subject(dm, [("email", email)], vault_key_file=dm.resolve("keys/vault.key"))
        opened.clear()
        shared = services.find_data(ctx)
        assert len(opened) == 1 and opened[0] is not None and shared.search == "index"
        assert opened[0]._conn is None  # closed when the request ended
        opened.clear()
        separate = with_linked_rows(dm, find_subject_data(dm, ctx.subject, vault_key=key), vault_key=key)
        assert len(opened) == 2  # without a session: the search and the linkage each open it
        assert summary(shared) == summary(separate)
        opened.clear()
        plan = plan_erasure(dm, ctx.subject, vault_key=key)
        assert len(opened) == 1 and plan.search in ("index", "partial") and opened[0]._conn is None
    finally:
        register_search_index(subject_index.open_index)


def test_an_export_with_no_free_text_loads_no_text_analyser(estate):
    """The export of a subject whose data holds no free text (row 123: no ticket, no survey answer)
    redacts nothing, so it never imports Presidio or spaCy (with a current index, nor does the linkage)."""
    dm, _ = estate
    email = _users(dm).loc[123, "email"]
    code = (
        "import sys, tempfile\n"
        "from pathlib import Path\n"
        "from privacy_audit import services\n"
        f"ctx = services.open_subject({str(dm.path)!r}, [('email', sys.stdin.readline().strip())])\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    out = services.export_subject(ctx, Path(tmp) / 'b.zip', audit=False)\n"
        "texts = [m.name for m in out.data.datasets if m.name in ('tickets', 'survey') and m.records]\n"
        "print(out.data.search, out.data.total_records > 0, texts,"
        " any(m.split('.')[0] in ('presidio_analyzer', 'spacy') for m in sys.modules))\n"
    )
    env_path = str(Path(__file__).resolve().parents[1])
    run = subprocess.run([sys.executable, "-c", code], input=email + "\n", capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PYTHONPATH": env_path})  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["index", "True", "[]", "False"]

# ------------------------------------------------------------------ the streamed build (issue 22)


def _index_contents(path: Path) -> dict[str, tuple]:
    """Every dataset's record (format, rows, layout record, spans) and every (digest, row) entry."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        out = {}
        for dsn, name, fmt, rows, layout, spans in conn.execute(
                "SELECT ds, name, format, rows, layout, spans FROM datasets"):  # fmt: skip
            entries = conn.execute("SELECT digest, row FROM entries WHERE ds = ? ORDER BY digest, row", (dsn,)).fetchall()
            out[name] = (fmt, rows, json.loads(layout), spans, entries)
        return out


def test_streamed_and_spilled_build_equals_the_whole_read_build(tmp_path, monkeypatch):
    """Parquet tables read row group by row group, logs in chunks of 300 lines, a dataset's entries
    spilled to bucket files past 5,000: the same records, spans and entries as reading every dataset
    whole and holding its entries in memory; both verify."""
    dm = load_datamap(copy_estate(tmp_path / "estate"))
    key = key_for_datamap(dm)
    path = subject_index.index_path(dm)
    with monkeypatch.context() as m:
        m.setattr(subject_index, "_streamable", lambda ds, fmt: False)
        m.setattr(subject_index, "_SPILL_ENTRIES", 1 << 40)
        subject_index.build_index(dm, vault_key=key, progress=False, fresh=True)
    whole = _index_contents(path)
    assert subject_index.index_status(dm, vault_key=key).current

    spills, streamed = [], []
    spill, stream = subject_index._EntrySink._spill, subject_index._stream_dataset
    monkeypatch.setattr(subject_index._EntrySink, "_spill", lambda self: spills.append(1) or spill(self))
    monkeypatch.setattr(subject_index, "_stream_dataset", lambda dm, ds, *a: streamed.append(ds.name) or stream(dm, ds, *a))
    monkeypatch.setattr(subject_index, "_CHUNK_ROWS", 300)
    monkeypatch.setattr(subject_index, "_SPILL_ENTRIES", 5000)
    subject_index.build_index(dm, vault_key=key, progress=False, fresh=True)
    assert {"events", "sessions", "logs"} <= set(streamed) and len(spills) > 10
    assert _index_contents(path) == whole
    assert subject_index.index_status(dm, vault_key=key).current
    assert not list(path.parent.glob(".spill.*"))  # the bucket files are removed
    assert _assert_identical(dm, key, _probes(dm, rows=(10, 30))) >= 2


def test_streamed_chunks_are_typed_as_the_whole_read(tmp_path, monkeypatch):
    """A Parquet table whose integer and boolean columns hold nulls in one row group only, and whose
    text column is empty in another; a log whose first chunk has no user: each chunk typed as the whole
    read types the column, the merged types equal the whole read's."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from privacy_audit import sources
    from privacy_audit.datamap import Dataset

    groups = [
        pa.table({"n": pa.array([1, 2], pa.int64()), "b": [True, False], "t": pa.array([None, None], pa.string())}),
        pa.table({"n": pa.array([3, None], pa.int64()), "b": [True, True], "t": ["x", "y"]}),
        pa.table({"n": pa.array([5, 6], pa.int64()), "b": [None, False], "t": ["z", None]}),
    ]
    file = tmp_path / "t.parquet"
    with pq.ParquetWriter(file, groups[0].schema) as w:
        for g in groups:
            w.write_table(g)
    ds = Dataset(name="t", zone="pseudonymous", path=file, format="parquet")
    whole = sources.read_table(file)
    chunks = list(subject_index._chunks(ds, "parquet"))
    assert len(chunks) == 3
    for c in whole.columns:
        assert {str(ch[c].dtype) for ch in chunks} == {str(whole[c].dtype)}
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)

    log = tmp_path / "access.log"
    line = '10.0.0.{i} - {u} [01/May/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 12 "-" "ua" "sid=abc{i}"\n'
    log.write_text("".join(line.format(i=i, u="-" if i < 4 else "bob") for i in range(8)))
    lds = Dataset(name="l", zone="pseudonymous", path=log, format="log")
    monkeypatch.setattr(subject_index, "_CHUNK_ROWS", 3)
    merged: dict[str, tuple[set, set]] = {}
    chunks = list(subject_index._chunks(lds, "log"))
    assert len(chunks) == 3 and str(chunks[0]["user"].dtype) == "object"
    for ch in chunks:
        for c in ch.columns:
            merged.setdefault(c, (set(), set()))[0 if ch[c].notna().any() else 1].add(str(ch[c].dtype))
    whole = sources.read_log(log)
    assert {c: subject_index._merged_dtype(*t) for c, t in merged.items()} == {c: str(t) for c, t in whole.dtypes.items()}
