"""Subject resolution and row search on the sample estate, checked against pandas reading the files."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.datamap import load_datamap
from privacy_audit.errors import AmbiguousSubjectError, InputError, SubjectError
from privacy_audit.subjects import (
    find_subject_data,
    match_frame,
    parse_subject_arg,
    resolve_subject,
    resolve_subjects,
)
from privacy_audit.vault import Vault, load_key

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
RICH = "u_5e40321e94419582"  # README "Subjects for testing": many traces


@pytest.fixture(scope="module")
def dm():
    return load_datamap(SAMPLES / "datamap.yaml")


@pytest.fixture(scope="module")
def users():
    return pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)


def _uid(cookie: str) -> str | None:
    m = re.search(r"(?:^|;\s*)bcn_uid=([^;\s]+)", cookie or "")
    return m.group(1) if m else None


def _session(cookie: str) -> str | None:
    m = re.search(r"(?:^|;\s*)bcn_session=([^;\s]+)", cookie or "")
    return m.group(1) if m else None


def expected_log_lines(token: str, users: pd.DataFrame) -> list[str]:
    """The subject's log lines, computed independently with plain string handling.

    Theirs: lines whose bcn_uid cookie is their token; plus lines with no bcn_uid whose session cookie
    was only ever seen with their token, or whose IP is their sign-up IP or an IP seen with their
    token and with nobody else's (and not anybody else's sign-up IP)."""
    lines = (SAMPLES / "logs" / "access.log").read_text(encoding="utf-8").splitlines()
    parsed = []
    for line in lines:
        ip = line.split(" ", 1)[0]
        cookie = line.rsplit('"', 2)[-2] if line.endswith('"') else ""
        parsed.append((line, ip, _uid(cookie), _session(cookie)))
    ip_owners: dict[str, set[str]] = {}
    sess_owners: dict[str, set[str]] = {}
    for _, ip, uid, sess in parsed:
        if uid:
            ip_owners.setdefault(ip, set()).add(uid)
            if sess:
                sess_owners.setdefault(sess, set()).add(uid)
    for tok, ip in zip(users["user_token"], users["signup_ip"], strict=True):
        ip_owners.setdefault(ip, set()).add(tok)
    my_ips = {ip for ip, owners in ip_owners.items() if owners == {token}}
    my_sess = {s for s, owners in sess_owners.items() if owners == {token}}
    out = []
    for line, ip, uid, sess in parsed:
        if uid == token or (uid is None and (ip in my_ips or (sess in my_sess))):
            out.append(line)
    return out


def expected_counts(token: str, users: pd.DataFrame) -> dict[str, int]:
    """Rows of the subject per dataset, straight from the files with pandas."""
    email = users.loc[users.user_token == token, "email"].iloc[0]
    key = load_key(SAMPLES / "keys" / "vault.key")
    vault = Vault.open(SAMPLES / "identity" / "identity.vault", key).to_frame()
    events = pd.read_parquet(SAMPLES / "events")
    sessions = pd.read_parquet(SAMPLES / "analytics" / "sessions.parquet")
    tickets = pd.read_csv(SAMPLES / "support" / "tickets.csv", dtype=str)
    return {
        "identity": int((vault.record_id == token).sum()),
        "users_backup": int((users.user_token == token).sum()),
        "logs": len(expected_log_lines(token, users)),
        "tickets": int((tickets.user_token == token).sum()),
        "audience": int((pd.read_csv(SAMPLES / "marketing" / "audience_export.csv", dtype=str).user_token == token).sum()),
        "events": int((events.user_token == token).sum()),
        "sessions": int((sessions.user_hash == hashlib.sha256(email.strip().lower().encode()).hexdigest()).sum()),
        "survey": 0,
        "devices": int((pd.read_csv(SAMPLES / "analytics" / "devices.csv", dtype=str).user_token == token).sum()),
    }


def test_rich_subject_has_exactly_their_rows_everywhere(dm, users):
    subject = resolve_subject(dm, "token", RICH)
    assert subject.found and subject.subject_id == RICH
    data = find_subject_data(dm, subject)
    expected = expected_counts(RICH, users)
    got = {m.name: m.records for m in data.datasets}
    assert got == expected
    assert expected["tickets"] >= 2 and expected["logs"] > 10 and expected["events"] > 10 and expected["sessions"] > 0
    # none of any other subject's rows: every key column names them, every log line is theirs
    for m in data.datasets:
        if m.kind == "log":
            assert list(m.log_lines) == expected_log_lines(RICH, users)
            assert all(_uid(line.rsplit('"', 2)[-2]) in (None, RICH) for line in m.log_lines)
        elif "user_token" in m.rows.columns:
            assert set(m.rows["user_token"]) <= {RICH}
    email = users.loc[users.user_token == RICH, "email"].iloc[0]
    sess = data.dataset("sessions")
    assert set(sess.rows["user_hash"]) == {hashlib.sha256(email.lower().encode()).hexdigest()}
    assert sess.matched_by == ("pseudonym:sha256(email)",)
    assert "subject_key:user_token" in data.dataset("events").matched_by
    assert "log:token" in data.dataset("logs").matched_by
    # row ids are positions in the dataset as read
    events = pd.read_parquet(SAMPLES / "events")
    ev = data.dataset("events")
    assert set(events.iloc[list(ev.row_ids)]["user_token"]) == {RICH}


def test_every_identifier_kind_resolves_to_the_same_subject(dm, users):
    row = users[users.user_token == RICH].iloc[0]
    for kind, value in [
        ("email", row.email.upper()),
        ("phone", row.phone),
        ("name", f"{row['name']}|{row.date_of_birth}"),
        ("ip", row.signup_ip),
    ]:
        assert resolve_subject(dm, kind, value).subject_id == RICH, kind


def test_shared_phone_is_ambiguous_and_lists_masked_candidates(dm, users):
    a = users[users.user_token == "u_088a30e5e46e398c"].iloc[0]
    b = users[users.user_token == "u_4c5d3085cebc2de9"].iloc[0]
    assert a.phone == b.phone
    with pytest.raises(AmbiguousSubjectError) as exc:
        resolve_subject(dm, "phone", a.phone)
    msg = str(exc.value)
    assert len(exc.value.candidates) == 2 and "\n" not in msg
    for person in (a, b):
        for raw in (person.phone, person.email, person["name"], person.user_token):
            assert raw not in msg
    # another identifier settles it, and the shared phone is never used to find rows
    s = resolve_subjects(dm, [("phone", a.phone), ("email", a.email)])
    assert s.subject_id == a.user_token
    assert a.phone in s.ids("phones") and not s.ids("phones", exclusive=True)
    data = find_subject_data(dm, s)
    assert set(data.dataset("users_backup").rows["user_token"]) == {a.user_token}


def test_shared_name_needs_a_date_of_birth(dm, users):
    pair = users[users["name"] == "Andrew Stafford"]
    assert len(pair) == 2
    with pytest.raises(AmbiguousSubjectError):
        resolve_subject(dm, "name", "andrew  stafford")
    for _, r in pair.iterrows():
        assert resolve_subject(dm, "name", f"Andrew Stafford|{r.date_of_birth}").subject_id == r.user_token


def test_unknown_subject_is_empty_but_valid(dm):
    s = resolve_subject(dm, "email", "nobody.at.all@example.invalid")
    assert not s.found and s.subject_id is None
    data = find_subject_data(dm, s)
    assert data.empty and data.total_records == 0
    assert {m.name for m in data.datasets} == {d.name for d in dm.datasets}


def test_identifiers_of_different_people_are_refused(dm, users):
    a, b = users.iloc[0], users.iloc[1]
    with pytest.raises(SubjectError):
        resolve_subjects(dm, [("email", a.email), ("email", b.email)])


def test_ref_and_repr_hold_no_raw_identifier(dm, users):
    row = users[users.user_token == RICH].iloc[0]
    s = resolve_subject(dm, "email", row.email)
    text = repr(s) + str(s.to_dict())
    assert s.ref.startswith("sref_") and s.ref == resolve_subject(dm, "token", RICH).ref
    for raw in (RICH, row.email, row.phone, row["name"], row.signup_ip):
        assert raw not in text


def test_free_text_match_and_mentions_in_other_peoples_rows(dm, users):
    row = users[users.user_token == RICH].iloc[0]
    other = users[users.user_token != RICH].iloc[0].user_token
    s = resolve_subject(dm, "token", RICH)
    frame = pd.DataFrame(
        {
            "user_token": [None, other, None, RICH],
            "note": [f"override requested by {row.email.upper()}", f"cc {row.email}", "nothing here", "x"],
        }
    )
    fm = match_frame(frame, s, subject_key="user_token")
    assert fm.row_ids == (0, 3)
    assert fm.row_reasons == ("text:note", "subject_key:user_token")
    assert fm.mention_row_ids == (1,)
    assert match_frame(frame, s, subject_key="user_token", offset=100).row_ids == (100, 103)


def test_bad_subject_argument():
    assert parse_subject_arg("email=a@b.c") == ("email", "a@b.c")
    for bad in ("email", "shoe=size", "email="):
        with pytest.raises(InputError):
            parse_subject_arg(bad)
