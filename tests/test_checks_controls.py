"""Each control on a small real estate written to tmp_path: one clean case, one violating case."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import yaml

from privacy_audit.checks import run_checks
from privacy_audit.datamap import load_datamap

AS_OF = dt.date(2026, 11, 1)
PEOPLE = [
    ("u_01", "ann.lee@example.org", "2026-10-01T10:00:00Z"),
    ("u_02", "bo.chan@example.net", "2026-09-15T10:00:00Z"),
    ("u_03", "cy.diaz@example.com", "2025-01-02T10:00:00Z"),
]


class Estate:
    """A tiny estate: a users CSV, optional registers, a data map written from Python data."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.doc: dict = {
            "organization": "Test Co",
            "roles": {
                "support": {"purposes": ["customer_support"]},
                "marketing": {"purposes": ["email_marketing"]},
            },
            "registers": {},
            "datasets": [],
        }
        self.file(
            "users.csv", "user_token,email,created_at\n" + "".join(f"{t},{e},{c}\n" for t, e, c in PEOPLE)
        )

    def file(self, rel: str, text: str | bytes) -> Path:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        (p.write_bytes if isinstance(text, bytes) else p.write_text)(text)
        return p

    def register(self, name: str, text: str) -> None:
        self.file(f"gov/{name}.csv", text)
        self.doc["registers"][name] = f"gov/{name}.csv"

    def dataset(self, **fields) -> dict:
        entry = {
            "name": "users",
            "path": "users.csv",
            "zone": "identified",
            "subject_key": "user_token",
            "encrypted": True,
            "location": {"country": "US"},
            "purposes": ["customer_support"],
            "access": ["support"],
            "columns": {"email": "EMAIL_ADDRESS", "user_token": None, "created_at": None},
        }
        entry.update(fields)
        self.doc["datasets"].append(entry)
        return entry

    def run(self, only: str):
        p = self.root / "datamap.yaml"
        p.write_text(yaml.safe_dump(self.doc, sort_keys=False))
        result = run_checks(load_datamap(p), as_of=AS_OF, only=only)
        assert result.errors == ()
        return result.findings


@pytest.fixture
def estate(tmp_path):
    return Estate(tmp_path)


# ----------------------------------------------------------------------------------- 3.2.1


def test_plaintext_identified(estate):
    estate.dataset(encrypted=True)
    estate.dataset(name="pseudo", zone="pseudonymous", encrypted=False)
    assert estate.run("encryption.plaintext_identified") == ()
    estate.doc["datasets"][0]["encrypted"] = False
    (f,) = estate.run("encryption.plaintext_identified")
    assert (f.dataset, f.clause, f.severity, f.subjects_affected) == ("users", "3.2.1", "high", 3)
    assert "text on disk" in f.evidence and "email (EMAIL_ADDRESS)" in f.evidence
    assert "a******@e******.org" in f.evidence and "ann.lee" not in f.evidence


def test_unencrypted_export(estate):
    estate.dataset()
    estate.doc["exports_dir"] = "exports"
    opaque = bytes(range(256)) * 8
    estate.file("exports/bundle.zip.enc", opaque)
    estate.file("exports/.keep", "")
    assert estate.run("encryption.unencrypted_export") == ()
    with zipfile.ZipFile(estate.root / "exports" / "sar.zip", "w") as zf:
        zf.writestr("subject.json", '{"email": "ann.lee@example.org"}')
    estate.file("exports/dump.csv", "email\nann.lee@example.org\n")
    findings = estate.run("encryption.unencrypted_export")
    assert {(f.dataset, f.clause) for f in findings} == {
        ("exports/dump.csv", "3.2.1"),
        ("exports/sar.zip", "3.2.1"),
    }
    assert "unencrypted entries" in next(f.evidence for f in findings if f.dataset == "exports/sar.zip")
    assert all("ann.lee" not in f.evidence + f.message for f in findings)


def test_export_marked_dataset_is_named(estate):
    estate.dataset(encrypted=True, kind="export")
    (f,) = estate.run("encryption.unencrypted_export")
    assert f.dataset == "users" and f.subjects_affected == 3


# ----------------------------------------------------------------------------------- 3.2.5


def test_need_to_know(estate):
    estate.dataset()
    estate.register("access_grants", "role,dataset,grantee\nsupport,users,kim.agent@corp.example\n")
    assert estate.run("access.need_to_know") == ()
    estate.register(
        "access_grants",
        "role,dataset,grantee,status\n"
        "support,users,kim.agent@corp.example,active\n"
        "marketing,users,lou.mkt@corp.example,active\n"
        "marketing,users,old.mkt@corp.example,revoked\n",
    )
    (f,) = estate.run("access.need_to_know")
    assert (f.dataset, f.clause, f.subjects_affected) == ("users", "3.2.5", 3)
    assert "marketing" in f.message and "not in the dataset's declared access" in f.message
    assert "1 grant(s)" in f.evidence and "lou.mkt" not in f.evidence


def test_need_to_know_without_register_checks_declared_access(estate):
    estate.dataset(access=["support"])
    assert estate.run("access.need_to_know") == ()
    estate.doc["datasets"][0]["access"] = ["support", "marketing"]
    (f,) = estate.run("access.need_to_know")
    assert "marketing" in f.message


def test_need_to_know_ignores_pseudonymous_data(estate):
    estate.dataset(zone="pseudonymous")
    estate.register("access_grants", "role,dataset\nmarketing,users\n")
    assert estate.run("access.need_to_know") == ()


# ----------------------------------------------------------------------------------- 4.1 / 3.1

SHARING = "third_party,country,consent_required\nmailco,US,true\nhelpco,US,false\n"


def test_no_consent(estate):
    estate.dataset(shared_with=["mailco", "helpco"])
    estate.register("sharing", SHARING)
    estate.register(
        "consents",
        "user_token,third_party,granted,recorded_at\n"
        "u_01,mailco,true,2025-01-01\nu_02,mailco,true,2025-01-01\nu_03,mailco,true,2025-01-01\n",
    )
    assert estate.run("sharing.no_consent") == ()
    # u_02 withdrew later (latest row wins); u_03 only consented to someone else
    estate.register(
        "consents",
        "user_token,third_party,granted,recorded_at\n"
        "u_01,mailco,true,2025-01-01\nu_02,mailco,true,2025-01-01\nu_02,mailco,false,2026-02-01\n"
        "u_03,otherco,true,2025-01-01\n",
    )
    (f,) = estate.run("sharing.no_consent")
    assert (f.dataset, f.column, f.subjects_affected, f.clause) == ("users", None, 2, "4.1")
    assert "mailco" in f.message and "u_02" not in f.evidence


def test_unregistered_third_party(estate):
    estate.dataset(shared_with=["mailco"])
    estate.register("sharing", SHARING)
    assert estate.run("sharing.unregistered_third_party") == ()
    estate.doc["datasets"][0]["shared_with"] = ["mailco", "adco"]
    (f,) = estate.run("sharing.unregistered_third_party")
    assert "adco" in f.message and f.subjects_affected == 3


def test_cross_border(estate):
    estate.doc["policy_storage_countries"] = ["US"]
    estate.dataset(location={"provider": "aws", "country": "US"})
    assert estate.run("sharing.cross_border") == ()
    estate.doc["datasets"][0]["location"] = {"provider": "eu-host", "country": "DE"}
    (f,) = estate.run("sharing.cross_border")
    assert (f.clause, f.dataset) == ("3.1", "users")
    assert "DE" in f.evidence and "US" in f.evidence


# ----------------------------------------------------------------------------------- 2.2


def test_cookies_persistent(estate):
    estate.dataset()
    estate.register("cookies", "name,expiry,sample_value\nsid,session,9f8e7d6c5b4a\nlb,,srv-2\n")
    assert estate.run("cookies") == ()
    estate.register(
        "cookies", "name,max_age_seconds,sample_value\nsid,0,9f8e7d6c\nremember,31536000,abc123\n"
    )
    (f,) = estate.run("cookies.persistent")
    assert (f.dataset, f.column, f.clause) == ("cookies", "remember", "2.2")


def test_cookies_pii_value(estate):
    estate.dataset()
    estate.register(
        "cookies", "name,expiry,sample_value\nprefs,session,theme=dark;lang=en\nsid,session,d2d33e4cc03c7f\n"
    )
    assert estate.run("cookies.pii_value") == ()
    estate.register(
        "cookies",
        "name,expiry,sample_value\nprefs,session,theme=dark\nwho,session,uid%3Dann.lee%40example.org\n",
    )
    (f,) = estate.run("cookies.pii_value")
    assert (f.column, f.severity) == ("who", "high") and "EMAIL_ADDRESS" in f.message
    assert "ann.lee" not in f.evidence and "a******@e******.org" in f.evidence


# ----------------------------------------------------------------------------------- 5.1.3 / 7


@pytest.mark.parametrize(
    "check, register",
    [
        ("restriction.restricted_in_processing", "restrictions"),
        ("optout.opted_out_in_processing", "opt_outs"),
    ],
)
def test_restricted_and_opted_out_subjects_in_processing(estate, check, register):
    estate.dataset(purposes=["email_marketing"], processing=True)
    estate.dataset(name="kept", purposes=["customer_support"])  # not in processing: never flagged
    estate.register(register, "user_token,scope\nu_09,all\nu_01,push\n")  # absent subject; other scope
    assert estate.run(check) == ()
    estate.register(
        register, "user_token,scope,status\nu_01,email_marketing,active\nu_02,all,\nu_03,all,lifted\n"
    )
    (f,) = estate.run(check)
    assert (f.dataset, f.subjects_affected, f.column) == ("users", 2, None)
    assert f.clause == ("5.1.3" if register == "restrictions" else "7")
    assert "u_01" not in f.evidence


# ----------------------------------------------------------------------------------- retention


def test_retention_expired_rows(estate):
    estate.dataset(retention_days=800, time_column="created_at")
    assert estate.run("retention") == ()
    estate.doc["datasets"][0]["retention_days"] = 60
    (f,) = estate.run("retention")
    # as of 2026-11-01 minus 60 days = 2026-09-02: u_03 (2025) is expired, u_02 (2026-09-15) is not
    assert (f.dataset, f.column, f.subjects_affected) == ("users", "created_at", 1)
    assert "before 2026-09-02" in f.evidence
    estate.register("legal_holds", "user_token,datasets,until\nu_03,users;other,2027-01-01\n")
    assert estate.run("retention") == ()
    estate.register("legal_holds", "user_token,datasets,until\nu_03,users,2026-01-01\n")  # hold ended
    assert len(estate.run("retention")) == 1


def test_retention_reads_access_log_times(estate):
    line = '1.2.3.4 - - [{ts}] "GET / HTTP/1.1" 200 5 "-" "curl/8" "bcn_uid={uid}"\n'
    estate.file(
        "access.log",
        line.format(ts="01/Oct/2026:10:00:00 +0000", uid="u_01")
        + line.format(ts="01/Jan/2026:10:00:00 +0000", uid="u_02"),
    )
    estate.dataset(
        name="logs", path="access.log", format="log", subject_key=None, subject_cookie="bcn_uid",
        retention_days=90, time_column="ts", columns={"ip": "IP_ADDRESS"},
    )  # fmt: skip
    (f,) = estate.run("retention")
    assert (f.dataset, f.subjects_affected) == ("logs", 1)
