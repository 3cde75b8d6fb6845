"""The sample estate (data_samples/): deterministic generator, size budget, README and data map consistency,
and the special subjects and planted violations really being in the data."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import yaml

from privacy_audit import auditlog
from privacy_audit.datamap import load_datamap
from privacy_audit.vault import Vault, load_key

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
GENERATOR = SAMPLES / "generate.py"
VAULT_REL = Path("identity/identity.vault")
AS_OF = pd.Timestamp("2026-11-01", tz="UTC")

CHECK_CLAUSES = {
    "encryption.plaintext_identified": "3.2.1",
    "encryption.unencrypted_export": "3.2.1",
    "access.need_to_know": "3.2.5",
    "sharing.no_consent": "4.1",
    "sharing.unregistered_third_party": "4.1",
    "sharing.cross_border": "3.1",
    "cookies.persistent": "2.2",
    "cookies.pii_value": "2.2",
    "restriction.restricted_in_processing": "5.1.3",
    "optout.opted_out_in_processing": "7",
    "retention.expired_rows": "1.1.3",
    "separation.direct_identifier": "3.2.2",
    "separation.linkable_key": "3.2.2",
    "separation.quasi_identifier": "3.2.2",
    "separation.join_path": "3.2.2",
    "rights.overdue": "5.2",
    "rights.unverified_answer": "5.2",
    "rights.processors_not_notified": "5.1.1",
}
AUDIT_LOG = "audit_log.jsonl"
VOLATILE = {"ts", "prev", "hash", "mac"}  # when an entry was written, and the chain hashes over it


# ------------------------------------------------------------------------------------------- helpers
def _run_generator(out: Path, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    proc = subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def _log_entries(root: Path) -> list[dict]:
    """The audit log's entries without the write time and the chain hashes (which depend on it)."""
    assert auditlog.verify(root / AUDIT_LOG).ok
    return [{k: v for k, v in e.items() if k not in VOLATILE} for e in auditlog.read(root / AUDIT_LOG)]


def _vault_frame(root: Path) -> pd.DataFrame:
    key = load_key(root / "keys" / "vault.key")
    return Vault.open(root / VAULT_REL, key).to_frame().sort_values("record_id").reset_index(drop=True)


def _md_table(text: str, heading: str) -> pd.DataFrame:
    """The first Markdown table after ``## heading``, as strings."""
    section = text.split(f"## {heading}", 1)[1]
    lines = [ln.strip() for ln in section.splitlines()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("|"))
    rows = []
    for ln in lines[start:]:
        if not ln.startswith("|"):
            break
        rows.append([c.strip() for c in ln.strip("|").split("|")])
    header, body = rows[0], rows[2:]
    assert set(rows[1][0]) <= {"-", ":"}, "second line of a Markdown table must be the separator"
    return pd.DataFrame(body, columns=header)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    a, b = tmp_path_factory.mktemp("estate_a"), tmp_path_factory.mktemp("estate_b")
    _run_generator(a, "1")
    _run_generator(b, "2")
    return a, b


@pytest.fixture(scope="module")
def gen_module():
    spec = importlib.util.spec_from_file_location("beaconly_generate", GENERATOR)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses resolve annotations through sys.modules
    try:
        spec.loader.exec_module(mod)
        yield mod
    finally:
        sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def estate(gen_module):
    return gen_module.build()


@pytest.fixture(scope="module")
def dm():
    return load_datamap(SAMPLES / "datamap.yaml")


@pytest.fixture(scope="module")
def readme() -> str:
    return (SAMPLES / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def violations(readme) -> pd.DataFrame:
    return _md_table(readme, "Planted violations")


@pytest.fixture(scope="module")
def subjects(readme) -> dict[str, str]:
    table = _md_table(readme, "Subjects for testing")
    return dict(zip(table["role"], table["user_token"], strict=True))


@pytest.fixture(scope="module")
def users() -> pd.DataFrame:
    return _vault_frame(SAMPLES)


def _csv(rel: str) -> pd.DataFrame:
    return pd.read_csv(SAMPLES / rel, dtype=str, keep_default_na=False)


# ------------------------------------------------------------------------------------------- generator
def test_generator_is_deterministic(generated):
    a, b = generated
    fa, fb = _files(a), _files(b)
    assert fa.keys() == fb.keys()
    vault = VAULT_REL.as_posix()
    assert vault in fa and AUDIT_LOG in fa
    different = [name for name in fa if name not in (vault, AUDIT_LOG) and fa[name] != fb[name]]
    assert different == []
    # The vault's nonces differ by design; its records do not.
    assert fa[vault] != fb[vault]
    pd.testing.assert_frame_equal(_vault_frame(a), _vault_frame(b))
    # The audit log records when each entry was written; what it records is the same.
    assert _log_entries(a) == _log_entries(b) and len(_log_entries(a)) > 20


def test_committed_estate_is_what_the_generator_writes(generated):
    a, _ = generated
    fresh, committed = _files(a), _files(SAMPLES)
    vault = VAULT_REL.as_posix()
    for name, data in fresh.items():
        if name in (vault, AUDIT_LOG):
            continue
        assert committed.get(name) == data, f"data_samples/{name} is stale: rerun data_samples/generate.py"
    assert set(committed) - set(fresh) <= {"generate.py", "audit_log.jsonl.lock"}, "data_samples/ holds files the generator does not write"
    pd.testing.assert_frame_equal(_vault_frame(a), _vault_frame(SAMPLES))
    assert _log_entries(a) == _log_entries(SAMPLES), "data_samples/audit_log.jsonl is stale: rerun generate.py"


def test_generated_folder_is_a_complete_estate(generated):
    a, _ = generated
    dm = load_datamap(a / "datamap.yaml")  # copied static files + generated data load together
    assert {d.name for d in dm.datasets} >= {"identity", "events", "logs", "tickets", "audience"}


def test_size_budget():
    total = sum(len(b) for b in _files(SAMPLES).values())
    assert total < 5 * 1024 * 1024, f"data_samples/ is {total / 1e6:.2f} MB"


# ------------------------------------------------------------------------------------------- README / data map
def test_violation_table_parses_and_uses_known_checks(violations, dm):
    assert list(violations.columns) == ["id", "clause", "check", "dataset", "column", "what"]
    assert list(violations["id"]) == [f"V{i:02d}" for i in range(1, len(violations) + 1)]
    names = {d.name for d in dm.datasets}
    cookie_names = set(_csv("web/cookies.csv")["name"])
    for row in violations.itertuples():
        assert row.check in CHECK_CLAUSES, row.check
        assert row.clause == CHECK_CLAUSES[row.check], row.id
        assert row.what, row.id
        if row.dataset == "cookies":
            assert row.column in cookie_names, row.id
        elif row.dataset in names:
            if row.column != "-":
                ds = dm.dataset(row.dataset)
                assert row.column in ds.columns or row.column == ds.time_column, row.id
        else:  # a file that is not a declared dataset
            assert (SAMPLES / row.dataset).is_file(), row.id
    keys = list(zip(violations["check"], violations["dataset"], violations["column"], strict=True))
    assert len(keys) == len(set(keys)), "one row per (check, dataset, column)"
    # every check area has at least one planted case
    assert set(violations["check"]) == set(CHECK_CLAUSES)


def test_datamap_paths_exist(dm):
    raw = yaml.safe_load((SAMPLES / "datamap.yaml").read_text(encoding="utf-8"))
    paths = [raw["policy"], raw["vault"]["path"], raw["vault"]["key_file"], raw["exports_dir"]]
    paths += list(raw["registers"].values())
    paths += [d["path"] for d in raw["datasets"]]
    for rel in paths:
        assert (SAMPLES / rel).exists(), rel
    assert dm.organization == "Beaconly Inc."
    # every declared column really exists in its dataset (vault: the record fields)
    for d in dm.datasets:
        if d.format == "vault":
            cols = set(_vault_frame(SAMPLES).columns)
        elif d.format == "parquet":
            cols = set(pd.read_parquet(d.path).columns)
        elif d.format == "log":
            cols = {"ip", "user_agent", "cookie", "ts"}
        else:
            cols = set(pd.read_csv(d.path, nrows=1).columns)
        assert set(d.columns) <= cols, d.name


def test_policy_is_the_published_one():
    shared = ROOT.parent / "shared" / "policy" / "privacy_policy.md"
    if not shared.exists():
        pytest.skip("the shared policy folder is not on this machine")
    assert (SAMPLES / "policy.md").read_bytes() == shared.read_bytes()


# ------------------------------------------------------------------------------------------- special subjects
def test_family_line_shares_a_phone(subjects, users):
    a, b = subjects["family line A"], subjects["family line B"]
    by = users.set_index("record_id")
    phone = by.loc[a, "phone"]
    assert by.loc[b, "phone"] == phone
    assert sorted(users.loc[users["phone"] == phone, "record_id"]) == sorted([a, b])
    assert by.loc[a, "email"] != by.loc[b, "email"]


def test_namesakes_differ_by_birth_date(subjects, users):
    a, b = subjects["namesake A"], subjects["namesake B"]
    by = users.set_index("record_id")
    name = by.loc[a, "name"]
    assert by.loc[b, "name"] == name
    assert sorted(users.loc[users["name"] == name, "record_id"]) == sorted([a, b])
    assert by.loc[a, "date_of_birth"] != by.loc[b, "date_of_birth"]
    same = users[(users["name"] == name) & (users["date_of_birth"] == by.loc[a, "date_of_birth"])]
    assert list(same["record_id"]) == [a]


def test_subject_roles_hold(subjects, users):
    assert set(subjects.values()) <= set(users["record_id"])
    rich = subjects["many traces"]
    assert (_csv("support/tickets.csv")["user_token"] == rich).sum() >= 2
    log = (SAMPLES / "logs" / "access.log").read_text(encoding="utf-8")
    assert log.count(f"bcn_uid={rich}") >= 5
    holds = _csv("rights/legal_holds.csv")
    assert holds.loc[holds["user_token"] == subjects["legal hold"], "datasets"].tolist() == ["*"]
    restr = _csv("rights/restrictions.csv")
    assert subjects["restricted"] in set(restr["user_token"])
    opt = _csv("consent/opt_outs.csv")
    assert subjects["opted out"] in set(opt["user_token"])
    consents = _csv("consent/consents.csv")
    assert subjects["no consent"] not in set(consents["user_token"])
    audience = set(_csv("marketing/audience_export.csv")["user_token"])
    assert {subjects["restricted"], subjects["opted out"], subjects["no consent"]} <= audience
    with zipfile.ZipFile(SAMPLES / "exports" / "sar_2026-10-02.zip") as zf:
        assert subjects["subject-access export"] in zf.read(zf.namelist()[0]).decode()


# ------------------------------------------------------------------------------------------- planted vs clean
def test_backup_is_a_plaintext_copy_of_the_vault(users):
    backup = _csv("exports/users_backup.csv").sort_values("user_token").reset_index(drop=True)
    vault = users.drop(columns="record_id")[list(backup.columns)].fillna("")
    pd.testing.assert_frame_equal(backup, vault, check_dtype=False)
    assert len(backup) == 400


def test_sar_export_is_a_plain_zip():
    with zipfile.ZipFile(SAMPLES / "exports" / "sar_2026-10-02.zip") as zf:
        info = zf.infolist()
        assert len(info) == 1 and not info[0].flag_bits & 0x1  # not encrypted
        assert b"@" in zf.read(info[0])


def test_audience_planted_and_clean_members(estate):
    t = estate.truth
    audience = _csv("marketing/audience_export.csv")
    members = set(audience["user_token"])
    consents = _csv("consent/consents.csv")
    granted = set(consents.loc[consents["granted"] == "true", "user_token"])
    opt = _csv("consent/opt_outs.csv")
    opted = set(opt.loc[opt["scope"].isin(["email_marketing", "all"]), "user_token"])
    restricted = set(_csv("rights/restrictions.csv")["user_token"])
    assert members - granted == set(t["planted_noconsent_in_audience"])
    assert members & opted == set(t["planted_optout_in_audience"])
    assert members & restricted == set(t["planted_restricted_in_audience"])
    assert t["push_only_optout_in_audience"] in members
    # opt-outs and restrictions of the planted members predate the export
    exported = audience["exported_at"].iloc[0]
    assert (opt.loc[opt["user_token"].isin(t["planted_optout_in_audience"]), "opted_out_at"] < exported).all()


def test_sharing_and_access_registers(dm):
    sharing = _csv("governance/sharing_register.csv")
    registered = set(sharing["third_party"])
    shared = {tp for d in dm.datasets for tp in d.shared_with}
    assert shared - registered == {"adpixel"}
    assert sharing.set_index("third_party").loc["deskhub", "country"] == "IN"
    grants = _csv("governance/access_grants.csv")
    undeclared = [(r.role, r.dataset) for r in grants.itertuples() if r.role not in dm.dataset(r.dataset).access]
    assert undeclared == [("analytics", "identity")]
    for r in grants.itertuples():  # every other grant is justified by a shared purpose
        if (r.role, r.dataset) != ("analytics", "identity"):
            assert set(dm.roles[r.role].purposes) & set(dm.dataset(r.dataset).purposes), (r.role, r.dataset)


def test_cookies():
    cookies = _csv("web/cookies.csv").set_index("name")
    persistent = sorted(cookies.index[cookies["expiry"] != "session"])
    assert persistent == ["bcn_uid", "remember_email"]
    assert "%40" in cookies.loc["remember_email", "sample_value"]
    assert re.fullmatch(r"u_[0-9a-f]{16}", cookies.loc["bcn_uid", "sample_value"])


def test_events_retention_and_emails(dm):
    events = pd.read_parquet(SAMPLES / "events")
    assert 18_000 <= len(events) <= 22_000
    months = sorted(p.name for p in (SAMPLES / "events").iterdir())
    assert months[0] == "month=2026-05" and months[-1] == "month=2026-10"
    cutoff = AS_OF - pd.Timedelta(days=dm.dataset("events").retention_days)
    assert (events["ts"] < cutoff).sum() > 0
    share = events["context"].str.contains("@", regex=False).mean()
    assert 0.01 <= share <= 0.02
    assert events["event_id"].is_unique


def test_other_datasets_within_retention(dm):
    for d in dm.datasets:
        if d.name == "events" or not d.time_column or d.format == "log":
            continue
        frame = _vault_frame(SAMPLES) if d.format == "vault" else (
            pd.read_parquet(d.path) if d.format == "parquet" else pd.read_csv(d.path))
        ts = pd.to_datetime(frame[d.time_column], utc=True)
        assert (ts >= AS_OF - pd.Timedelta(days=d.retention_days)).all(), d.name
        assert (ts <= AS_OF).all(), d.name


def test_separation_plants(users):
    sessions = pd.read_parquet(SAMPLES / "analytics" / "sessions.parquet")
    hashes = {hashlib.sha256(e.lower().encode()).hexdigest() for e in users["email"]}
    assert set(sessions["user_hash"]) <= hashes
    survey = _csv("analytics/survey_responses.csv")
    assert survey.groupby(["postal_code", "date_of_birth", "gender"]).size().min() < 5
    devices = _csv("analytics/devices.csv")
    assert set(users["push_token"]) <= set(devices["push_token"])


def test_tickets_mention_third_parties(estate):
    tickets = _csv("support/tickets.csv").set_index("ticket_id")
    truth = estate.truth["tickets_with_third_party"]
    assert 20 <= len(truth) <= 80 and len(tickets) == 300
    for tid, values in truth.items():
        for value in values.values():
            assert value in tickets.loc[tid, "body"]


def test_log_lines_are_combined_format_with_cookie():
    pattern = re.compile(r'^\S+ - - \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "[A-Z]+ \S+ HTTP/1\.1" \d{3} \d+ '
                         r'"[^"]*" "[^"]*" "[^"]*"$')
    lines = (SAMPLES / "logs" / "access.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4000
    assert all(pattern.match(ln) for ln in lines)
    assert any(ln.endswith('"-"') for ln in lines)  # anonymous and bot lines
