"""Separation audit (clause 3.2.2): small estates built in tmp_path, then the sample estate.

Every estate here is real files (CSV/Parquet, a YAML data map, an encrypted vault made with the
vault API) and the checks run through ``run_checks`` with the real scanner (Presidio + spaCy).
"""

from __future__ import annotations

import base64
import hashlib
import random
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from privacy_audit.checks import run_checks
from privacy_audit.checks.separation import (
    identifier_digests,
    join_overlap,
    match_identifiers,
    separation_config,
    smallest_class,
)
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import ConfigError
from privacy_audit.identifiers import PseudonymForm
from privacy_audit.vault import Vault, encode_key, generate_key

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
N = 60


def _users(n: int = N, seed: int = 7) -> pd.DataFrame:
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        first, last = fake.first_name(), fake.last_name()
        rows.append(
            {
                "user_token": f"u_{rnd.getrandbits(64):016x}",
                "name": f"{first} {last}",
                "email": f"{first}.{last}{i}@{fake.free_email_domain()}".lower(),
                "phone": f"+1 (202) 555-{1000 + i:04d}",
                "postal_code": f"{10000 + rnd.randrange(89999)}",
                "date_of_birth": fake.date_of_birth(minimum_age=18, maximum_age=90).isoformat(),
                "country": rnd.choice(["US", "DE", "FR"]),
                "push_token": f"pt_{rnd.getrandbits(96):024x}",
            }
        )
    return pd.DataFrame(rows)


class Estate:
    """A tiny estate: identity vault + identified CRM export + pseudonymous events (clean by default)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.users = _users()
        key = generate_key()
        (root / "keys").mkdir()
        (root / "keys" / "vault.key").write_text(encode_key(key), encoding="ascii")
        (root / "identity").mkdir()
        vault = Vault.create(root / "identity" / "identity.vault", key)
        for rec in self.users.to_dict("records"):
            vault.put(rec["user_token"], {k: str(v) for k, v in rec.items()})
        vault.save()
        self.csv("crm/contacts.csv", self.users[["user_token", "name", "email", "country"]])
        rnd = random.Random(3)
        events = pd.DataFrame(
            {
                "user_token": [self.users.user_token[rnd.randrange(N)] for _ in range(300)],
                "event_type": [rnd.choice(["push_sent", "push_opened", "email_open"]) for _ in range(300)],
                "country": [rnd.choice(["US", "DE", "FR"]) for _ in range(300)],
                "note": [
                    rnd.choice(["", "retry scheduled after timeout", "delivered to the device", "ttl=3600"])
                    for _ in range(300)
                ],
            }
        )
        self.parquet("analytics/events.parquet", events)
        self.map = {
            "organization": "Test Co",
            "vault": {"path": "identity/identity.vault", "key_file": "keys/vault.key"},
            "datasets": [
                {
                    "name": "identity",
                    "path": "identity/identity.vault",
                    "format": "vault",
                    "zone": "identified",
                    "subject_key": "user_token",
                    "encrypted": True,
                    "columns": {"email": "EMAIL_ADDRESS", "phone": "PHONE_NUMBER", "name": "PERSON"},
                },
                {
                    "name": "crm",
                    "path": "crm/contacts.csv",
                    "zone": "identified",
                    "subject_key": "user_token",
                    "encrypted": True,
                    "columns": {"email": "EMAIL_ADDRESS", "name": "PERSON"},
                },
                {
                    "name": "events",
                    "path": "analytics/events.parquet",
                    "zone": "pseudonymous",
                    "subject_key": "user_token",
                    "pseudonym": {"kind": "token"},
                    "encrypted": True,
                },
            ],
        }

    def csv(self, rel: str, df: pd.DataFrame) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        df.to_csv(p, index=False)

    def parquet(self, rel: str, df: pd.DataFrame) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        df.to_parquet(p, index=False)

    def add(self, **dataset) -> None:
        dataset.setdefault("encrypted", True)
        self.map["datasets"].append(dataset)

    def run(self, only: str = "separation"):
        path = self.root / "datamap.yaml"
        path.write_text(yaml.safe_dump(self.map, sort_keys=False), encoding="utf-8")
        result = run_checks(load_datamap(path), only=only)
        assert not result.errors, result.errors
        return result

    def secrets(self) -> list[str]:
        """Raw personal values that must never appear in findings."""
        return [*self.users.email, *self.users.phone, *self.users.name, *self.users.push_token]


def _keys(result) -> set[tuple[str, str | None, str | None]]:
    return {(f.check, f.dataset, f.column) for f in result.findings}


def _no_raw_values(result, estate: Estate) -> None:
    text = " ".join(f.message + " " + f.evidence for f in result.findings)
    for value in estate.secrets():
        assert value not in text


@pytest.fixture
def estate(tmp_path: Path) -> Estate:
    return Estate(tmp_path)


# ----------------------------------------------------------------------------------- clean


def test_clean_estate_has_no_separation_findings(estate):
    result = estate.run()
    assert {c for c in result.checks_run} >= {
        "separation.direct_identifier",
        "separation.linkable_key",
        "separation.quasi_identifier",
        "separation.mixed_file",
        "separation.join_path",
    }
    assert result.findings == ()
    assert all(f.clause == "3.2.2" for f in result.findings)


# -------------------------------------------------------------------------- direct identifiers


def test_direct_identifier_column_and_free_text(estate):
    u = estate.users
    rows = []
    for i in range(120):
        text = f"support override requested by {u.email[i % N]}" if i % 10 == 0 else "delivered to the device"
        rows.append({"user_token": u.user_token[i % N], "contact": u.phone[i % N], "context": text})
    estate.csv("analytics/support_events.csv", pd.DataFrame(rows))
    estate.add(name="support_events", path="analytics/support_events.csv", zone="pseudonymous",
               subject_key="user_token")  # fmt: skip
    result = estate.run("separation.direct_identifier")
    by_col = {f.column: f for f in result.findings}
    assert set(by_col) == {"contact", "context"}
    free = by_col["context"]
    planted = sum(1 for i in range(120) if i % 10 == 0)
    assert free.severity == "high" and free.clause == "3.2.2"
    assert free.message.startswith(f"{planted} rows")
    assert free.subjects_affected == len({u.user_token[i % N] for i in range(120) if i % 10 == 0})
    assert "EMAIL_ADDRESS" in free.message
    assert by_col["contact"].subjects_affected == N
    assert "PHONE_NUMBER" in by_col["contact"].message
    _no_raw_values(result, estate)


def test_rare_email_in_free_text_is_found_beyond_the_scan_sample(estate):
    # one e-mail in 400 otherwise clean comments: the column verdict is clean, the full pass finds it
    rnd = random.Random(1)
    phrases = ["The inbox is hard to find.", "Please let me choose the hours.", "Great app, works well.",
               "Too many notifications on weekends."]  # fmt: skip
    comments = [f"{rnd.choice(phrases)} #{i}" for i in range(400)]
    comments[123] = f"Write to me at {estate.users.email[5]} about this."
    estate.csv(
        "survey/answers.csv", pd.DataFrame({"satisfaction": [i % 5 for i in range(400)], "comment": comments})
    )
    estate.add(name="answers", path="survey/answers.csv", zone="anonymous")
    result = estate.run("separation.direct_identifier")
    assert _keys(result) == {("separation.direct_identifier", "answers", "comment")}
    f = result.findings[0]
    assert f.message.startswith("1 rows") and f.subjects_affected is None
    _no_raw_values(result, estate)


# ------------------------------------------------------------------------------ linkable keys


@pytest.mark.parametrize(
    ("make", "algorithm", "encoding", "normalisation"),
    [
        (lambda e, p: hashlib.sha256(e.strip().lower().encode()).hexdigest(), "sha256", "hex", "strip+lower"),
        (lambda e, p: hashlib.md5(e.upper().encode()).hexdigest().upper(), "md5", "hex", "none"),
        (lambda e, p: base64.b64encode(hashlib.sha1(e.encode()).digest()).decode(), "sha1", "base64",
         "strip+lower"),
        (lambda e, p: hashlib.sha512(("+1202555" + p[-4:]).encode()).hexdigest(), "sha512", "hex", "e164"),
    ],
)  # fmt: skip
def test_linkable_key_unkeyed_hash(estate, make, algorithm, encoding, normalisation):
    u = estate.users
    if normalisation == "none":  # an upper-cased copy of the e-mail is held on the identified side
        estate.csv("crm/legacy.csv", pd.DataFrame({"EMAIL": u.email.str.upper()}))
        estate.add(name="legacy", path="crm/legacy.csv", zone="identified")
    keys = [make(e, p) for e, p in zip(u.email, u.phone, strict=True)]
    rows = pd.DataFrame({"user_hash": [keys[i % 40] for i in range(200)], "duration_s": range(200)})
    estate.parquet("analytics/sessions.parquet", rows)
    estate.add(name="sessions", path="analytics/sessions.parquet", zone="pseudonymous", subject_key="user_hash",
               pseudonym={"kind": "hmac"})  # fmt: skip
    result = estate.run("separation.linkable_key")
    assert _keys(result) == {("separation.linkable_key", "sessions", "user_hash")}
    f = result.findings[0]
    assert f"{algorithm} / {encoding} / normalisation {normalisation}" in f.evidence
    assert "40 of 40 distinct values (100%)" in f.evidence and "200 of 200 rows" in f.evidence
    assert f.subjects_affected == 40
    assert "claims pseudonym kind 'hmac'" in f.evidence
    _no_raw_values(result, estate)


def test_linkable_key_raw_email_subject_key(estate):
    u = estate.users
    estate.csv("analytics/clicks.csv", pd.DataFrame({"email_key": u.email[:30], "clicks": range(30)}))
    estate.add(name="clicks", path="analytics/clicks.csv", zone="pseudonymous", subject_key="email_key")
    result = estate.run("separation")
    assert ("separation.linkable_key", "clicks", "email_key") in _keys(result)
    f = next(f for f in result.findings if f.check == "separation.linkable_key")
    assert "raw email" in f.message and "30 of 30 distinct values" in f.evidence
    # the subject key is judged by linkable_key, not reported again as a direct identifier
    assert ("separation.direct_identifier", "clicks", "email_key") not in _keys(result)
    _no_raw_values(result, estate)


def test_keyed_hmac_pseudonym_is_not_linkable(estate):
    import hmac

    secret = b"k" * 32
    keys = [hmac.new(secret, e.encode(), "sha256").hexdigest() for e in estate.users.email]
    estate.parquet("analytics/sessions.parquet", pd.DataFrame({"user_hash": keys, "n": range(N)}))
    estate.add(name="sessions", path="analytics/sessions.parquet", zone="pseudonymous", subject_key="user_hash",
               pseudonym={"kind": "hmac"})  # fmt: skip
    assert estate.run().findings == ()


# -------------------------------------------------------------------------- quasi-identifiers


def _survey(estate: Estate, group: int) -> None:
    """Answers in groups of ``group`` identical (zip, birth date, gender) triples."""
    rows = []
    for g in range(12):
        for _ in range(group):
            rows.append({"zip": f"9{g:04d}", "birth_date": f"19{50 + g}-03-0{1 + g % 9}",
                         "gender": ["female", "male", "non-binary"][g % 3], "satisfaction": g % 5})  # fmt: skip
    estate.csv("analytics/survey.csv", pd.DataFrame(rows))
    estate.add(name="survey", path="analytics/survey.csv", zone="anonymous")


def test_quasi_identifier_below_default_k(estate):
    _survey(estate, group=3)
    result = estate.run("separation.quasi_identifier")
    assert _keys(result) == {("separation.quasi_identifier", "survey", None)}
    f = result.findings[0]
    assert "zip + birth_date + gender" in f.message and "k = 3 < 5" in f.message
    assert "36 rows in classes below k = 5" in f.evidence


def test_quasi_identifier_k_from_the_datamap(estate):
    _survey(estate, group=3)
    estate.map["separation"] = {"k": 3}
    assert estate.run("separation.quasi_identifier").findings == ()
    estate.map["separation"] = {"k": 4}
    assert len(estate.run("separation.quasi_identifier").findings) == 1


def test_quasi_identifier_counts_subjects_not_rows(estate):
    # ten rows per subject, each subject alone in its zip code: k = 1 subject, not 10 rows
    rows = [
        {"user_token": estate.users.user_token[s], "zip": f"1{s:04d}", "n": r}
        for s in range(8)
        for r in range(10)
    ]
    estate.csv("analytics/visits.csv", pd.DataFrame(rows))
    estate.add(name="visits", path="analytics/visits.csv", zone="pseudonymous", subject_key="user_token")
    result = estate.run("separation.quasi_identifier")
    f = result.findings[0]
    assert "k = 1 < 5" in f.message and f.subjects_affected == 8


def test_bad_k_is_a_config_error():
    with pytest.raises(ConfigError, match="separation.k"):
        separation_config({"k": 1})
    with pytest.raises(ConfigError, match="join_min_share"):
        separation_config({"join_min_share": 2})
    assert separation_config({"k": 5}, {"k": 10}).k == 10


# -------------------------------------------------------------------------------- mixed files


def test_mixed_file_same_path_and_declared_identifiers(estate):
    estate.add(name="events_identified", path="analytics/events.parquet", zone="identified",
               subject_key="user_token")  # fmt: skip
    estate.csv("analytics/leads.csv", pd.DataFrame({"segment": ["a", "b"], "score": [1, 2]}))
    estate.add(name="leads", path="analytics/leads.csv", zone="pseudonymous",
               columns={"email": "EMAIL_ADDRESS", "segment": None})  # fmt: skip
    result = estate.run("separation.mixed_file")
    assert _keys(result) == {
        ("separation.mixed_file", "events", None),
        ("separation.mixed_file", "leads", "email"),
    }
    shared = next(f for f in result.findings if f.dataset == "events")
    assert "events_identified" in shared.message and "analytics/events.parquet" in shared.evidence


# --------------------------------------------------------------------------------- join paths


def test_join_path_push_token_but_not_low_cardinality_columns(estate):
    u = estate.users
    devices = pd.DataFrame(
        {
            "device_id": [f"d_{i:06d}" for i in range(N + 20)],
            "user_token": list(u.user_token) + list(u.user_token[:20]),
            "push_token": list(u.push_token) + [f"pt_other_{i}" for i in range(20)],
            "country": list(u.country) + ["US"] * 20,
        }
    )
    estate.csv("analytics/devices.csv", devices)
    estate.add(name="devices", path="analytics/devices.csv", zone="pseudonymous", subject_key="user_token")
    result = estate.run("separation.join_path")
    assert _keys(result) == {("separation.join_path", "devices", "push_token")}
    f = result.findings[0]
    assert f"{N} of {N + 20} rows" in f.evidence and "identity.push_token" in f.evidence
    assert f.subjects_affected == N
    _no_raw_values(result, estate)


# ------------------------------------------------------------------------------- pure helpers


def test_digests_and_matching_are_exact():
    digests = identifier_digests(["Ann@Example.com "], ["+1 (202) 555-0100"])
    h = hashlib.sha256(b"ann@example.com").hexdigest()
    assert digests[h] == PseudonymForm("email", "sha256", "hex", "strip+lower")
    assert digests[hashlib.md5(b"+12025550100").hexdigest()] == PseudonymForm("phone", "md5", "hex", "e164")
    m = match_identifiers(pd.Series([h.upper(), h, "zzz", None]), digests)
    assert (m.matched_values, m.distinct_values, m.matched_rows, m.rows) == (2, 3, 2, 3)
    assert match_identifiers(pd.Series(["nothing", "here"]), digests) is None


def test_digests_built_in_batches_equal_the_whole_enumeration():
    """The linkable-key digests built a few identifiers at a time (memory: never every form's text at once)
    are the digests of the whole enumeration: the same hashes in the same order, each with the same form --
    including texts two identifiers or two normalisations share (the first form wins in both)."""
    from privacy_audit.checks.separation import _Digests
    from privacy_audit.checks.summary import run_hash_key

    users = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)
    emails = [*users["email"].dropna(), "Ann@Example.com ", "ann@example.com", " ann@example.com", "ANN@EXAMPLE.COM"]
    phones = [*users["phone"].dropna(), "+1 (202) 555-0100", "12025550100", "+12025550100", "2025550100", "2025550100"]
    whole = _Digests(identifier_digests(emails, phones, region="US"), run_hash_key())
    assert len(whole) > 10_000
    for batch in (1, 7, 4096):
        parts = _Digests.of_identifiers(emails, phones, region="US", key=run_hash_key(), batch=batch)
        assert parts.index.equals(whole.index)
        assert [parts.forms[i] for i in parts.form_ids] == [whole.forms[i] for i in whole.form_ids]


def test_smallest_class_and_join_overlap():
    df = pd.DataFrame({"a": ["x", "x", "y", "y", "z"], "b": [1, 1, 2, 2, 3]})
    assert smallest_class(df, ["a", "b"]) == (1, 1)
    assert smallest_class(df, ["a"], pd.Series(["s1", "s1", "s2", "s3", "s4"])) == (1, 2)
    ov = join_overlap(pd.Series(["p1", "p2", "c", "c"]), pd.Series(["p1", "p2", "c", "c"]),
                      pd.Series(["u1", "u2", "u3", "u4"]))  # fmt: skip
    assert (ov.linking_values, ov.reidentified_rows, ov.rows) == (2, 2, 4)


# ------------------------------------------------------------------------------ sample estate


def _planted_rows() -> set[tuple[str, str, str | None]]:
    rows = set()
    for line in (SAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"V\d+", cells[0]) and cells[2].startswith("separation."):
            rows.add((cells[2], cells[3], None if cells[4] == "-" else cells[4]))
    return rows


@pytest.fixture(scope="module")
def sample_result():
    return run_checks(load_datamap(SAMPLES / "datamap.yaml"), only="separation")


@pytest.fixture(scope="module")
def truth():
    sys.path.insert(0, str(SAMPLES))
    try:
        import generate
    finally:
        sys.path.remove(str(SAMPLES))
    return generate.build()


def test_sample_estate_finds_exactly_the_planted_violations(sample_result):
    planted = _planted_rows()
    assert len(planted) == 6  # V14-V19
    assert sample_result.errors == ()
    assert _keys(sample_result) == planted
    assert all(f.clause == "3.2.2" for f in sample_result.findings)


def test_sample_estate_figures_match_ground_truth(sample_result, truth):
    by = {(f.check, f.dataset, f.column): f for f in sample_result.findings}
    ev = truth.events
    with_email = ev[ev["context"].str.contains("@", regex=False)]
    f = by[("separation.direct_identifier", "events", "context")]
    assert f.message.startswith(f"{truth.truth['events_with_email']} rows")
    assert f.subjects_affected == with_email["user_token"].nunique()

    f = by[("separation.linkable_key", "sessions", "user_hash")]
    assert "sha256 / hex / normalisation strip+lower" in f.evidence
    assert f.subjects_affected == truth.sessions["user_hash"].nunique()
    assert "(100%)" in f.evidence

    f = by[("separation.quasi_identifier", "survey", None)]
    assert "postal_code + date_of_birth + gender" in f.message and "k = 1 < 5" in f.message

    users = truth.users
    for col in ("date_of_birth", "postal_code"):
        f = by[("separation.join_path", "survey", col)]
        unique = int((users[col].map(users[col].value_counts()) == 1).sum())
        assert f"unique for {unique} of {len(users)} subjects" in f.evidence

    f = by[("separation.join_path", "devices", "push_token")]
    assert f.subjects_affected == users["push_token"].nunique()


def test_sample_findings_show_no_raw_values(sample_result, truth):
    text = " ".join(f.message + " " + f.evidence for f in sample_result.findings)
    users = truth.users
    for col in ("email", "phone", "name", "push_token", "date_of_birth"):
        assert not any(str(v) in text for v in users[col]), col
    assert not any(h in text for h in truth.sessions["user_hash"])
