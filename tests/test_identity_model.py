"""One model of personal data (issue 16): whatever the check calls linkable, export finds and erasure removes.

The estates here are real files (CSV, SQLite) and a real data map; the check runs the real scanner. The
stored pseudonyms are computed in this file with hashlib/base64/phonenumbers, independently of
``privacy_audit.identifiers``, so a wrong form in the package cannot agree with itself.
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from pathlib import Path

import pandas as pd
import phonenumbers
import pytest
import yaml

from privacy_audit import entities
from privacy_audit.checks import run_checks
from privacy_audit.checks.separation import identifier_digests, match_identifiers
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import apply_erasure, plan_erasure, verify_erasure
from privacy_audit.identifiers import ENCODINGS, HASH_ALGORITHMS, NORMALISATIONS, normalize, normalize_many
from privacy_audit.subjects import find_subject_data, resolve_subject

USERS = pd.DataFrame(
    {
        "user_token": [f"u_{i:04d}aa{i:04d}" for i in range(6)],
        "name": ["Mara Quintel", "Oskar Vendt", "Lia Brandau", "Tomas Ekwall", "Ines Rocha", "Paul Ferrand"],
        "email": [" Mara.Quintel@Example.org", "oskar.vendt@example.net ", "Lia.Brandau@Example.com",
                  "tomas.ekwall@example.se", "INES.ROCHA@EXAMPLE.PT", "paul.ferrand@example.fr"],
        "phone": ["+1 (202) 555-0141 ", "+1 202 555 0142", "(202) 555-0143", "202.555.0144",
                  "+1-202-555-0145", "+1 (202) 555-0146"],
    }
)  # fmt: skip
ALL_FORMS = [
    (kind, norm, algo, enc)
    for kind, norms in NORMALISATIONS.items()
    for norm in norms
    for algo in HASH_ALGORITHMS
    for enc in ENCODINGS
]


def _normalised(kind: str, norm: str, raw: str) -> str:
    if norm == "none":
        return raw
    if norm == "strip":
        return raw.strip()
    if norm == "strip+lower":
        return raw.strip().lower()
    digits = "".join(ch for ch in raw if ch.isdigit())
    if norm == "digits":
        return digits
    if norm == "+digits":
        return "+" + digits
    assert norm == "e164"
    return phonenumbers.format_number(phonenumbers.parse(raw, "US"), phonenumbers.PhoneNumberFormat.E164)


def stored(kind: str, norm: str, algo: str, enc: str, raw: str) -> str:
    """What a dataset stores for ``raw`` under one pseudonym form (computed without the package)."""
    digest = hashlib.new(algo, _normalised(kind, norm, raw).encode("utf-8")).digest()
    if enc == "hex":
        return digest.hex()
    if enc == "base64":
        return base64.b64encode(digest).decode("ascii")
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _write_map(root: Path, datasets: list[dict]) -> Path:
    dm = {
        "organization": "Test Co",
        "datasets": [
            {"name": "users", "path": "users.csv", "zone": "identified", "subject_key": "user_token",
             "encrypted": True,
             "columns": {"name": "PERSON", "email": "EMAIL_ADDRESS", "phone": "PHONE_NUMBER", "user_token": None}},
            *datasets,
        ],
    }  # fmt: skip
    path = root / "datamap.yaml"
    path.write_text(yaml.safe_dump(dm, sort_keys=False), encoding="utf-8")
    return path


def _estate_with_every_form(root: Path) -> Path:
    """One pseudonymous CSV with a row per (form, user): every form the separation audit knows."""
    root.mkdir(parents=True, exist_ok=True)
    USERS.to_csv(root / "users.csv", index=False)
    rows = [
        {"user_hash": stored(kind, norm, algo, enc, u[kind]), "form": f"{algo}/{enc}/{norm}/{kind}", "clicks": i}
        for i, (kind, norm, algo, enc) in enumerate(ALL_FORMS)
        for u in USERS.to_dict("records")
    ]
    pd.DataFrame(rows).to_csv(root / "hashed.csv", index=False)
    return _write_map(root, [{"name": "hashed", "path": "hashed.csv", "zone": "pseudonymous",
                               "subject_key": "user_hash", "encrypted": True}])  # fmt: skip


def test_every_form_the_audit_knows_is_found_by_export_and_removed_by_erasure(tmp_path):
    path = _estate_with_every_form(tmp_path / "estate")
    dm = load_datamap(path)
    digests = identifier_digests(USERS["email"], USERS["phone"], region=dm.phone_region)
    user = USERS.iloc[2]
    # the check knows every form, exactly
    for kind, norm, algo, enc in ALL_FORMS:
        m = match_identifiers(pd.Series([stored(kind, norm, algo, enc, user[kind])]), digests, raw=False)
        assert m is not None, (kind, norm, algo, enc)
        assert m.kind == kind and m.algorithm == algo and m.encoding == enc
        # two normalisations may coincide for this value; the form found must give the same text
        assert _normalised(kind, m.normalisation, user[kind]) == _normalised(kind, norm, user[kind])
    # export finds the subject's row under every form, and no one else's
    subject = resolve_subject(dm, "email", "lia.brandau@example.com")
    data = find_subject_data(dm, subject)
    rows = data.dataset("hashed").rows
    assert set(rows["form"]) == {f"{a}/{e}/{n}/{k}" for k, n, a, e in ALL_FORMS}
    assert len(rows) == len(ALL_FORMS)
    # erasure plans, applies and verifies the removal of all of them
    plan = plan_erasure(dm, subject)
    hashed = next(p for p in plan.datasets if p.name == "hashed")
    assert hashed.count("delete_row") == len(ALL_FORMS)
    apply_erasure(dm, plan, audit=False)
    left = pd.read_csv(tmp_path / "estate" / "hashed.csv", dtype=str)
    assert len(left) == len(ALL_FORMS) * (len(USERS) - 1)
    mine = {stored(k, n, a, e, user[k]) for k, n, a, e in ALL_FORMS}
    assert not mine & set(left["user_hash"])
    assert verify_erasure(dm, plan).ok


# one dataset per form, chosen so that every algorithm, encoding and normalisation appears at least once
COVERING = [
    ("email", "strip+lower", "md5", "hex"),
    ("email", "none", "sha1", "base64"),
    ("email", "strip", "sha256", "base64url"),
    ("phone", "e164", "sha512", "hex"),
    ("phone", "digits", "md5", "base64"),
    ("phone", "+digits", "sha1", "base64url"),
    ("phone", "none", "sha256", "hex"),
    ("phone", "strip", "sha512", "base64"),
]


@pytest.mark.parametrize("store", ["files", "sqlite"])
def test_what_check_calls_linkable_export_includes_and_erasure_removes(tmp_path, store):
    root = tmp_path / "estate"
    root.mkdir()
    USERS.to_csv(root / "users.csv", index=False)
    datasets = []
    db = root / "pseudo.db"
    for i, (kind, norm, algo, enc) in enumerate(COVERING):
        frame = pd.DataFrame(
            {"user_hash": [stored(kind, norm, algo, enc, u[kind]) for u in USERS.to_dict("records")] * 2,
             "screens": list(range(2 * len(USERS)))}
        )  # fmt: skip
        name = f"p{i}_{algo}_{enc}_{norm.replace('+', 'plus_')}_{kind}"
        if store == "files":
            frame.to_csv(root / f"{name}.csv", index=False)
            where = {"path": f"{name}.csv"}
        else:
            with sqlite3.connect(db) as con:
                frame.to_sql(name, con, index=False)
            where = {"url": f"sqlite:///{db}", "table": name}
        datasets.append({"name": name, **where, "zone": "pseudonymous", "subject_key": "user_hash",
                         "pseudonym": {"kind": "hmac"}, "encrypted": True})  # fmt: skip
    dm = load_datamap(_write_map(root, datasets))
    result = run_checks(dm, only="separation.linkable_key")
    assert not result.errors, result.errors
    linkable = {f.dataset for f in result.findings if f.check == "separation.linkable_key"}
    assert linkable == {d["name"] for d in datasets}
    subject = resolve_subject(dm, "phone", "+1 202 555 0144")
    data = find_subject_data(dm, subject)
    for d in datasets:
        match = data.dataset(d["name"])
        assert match is not None and match.records == 2, d["name"]
    plan = plan_erasure(dm, subject)
    for p in plan.datasets:
        if p.name in linkable:
            assert p.count("delete_row") == 2, p.name
    apply_erasure(dm, plan, audit=False)
    after = find_subject_data(dm, subject)
    assert all(after.dataset(d["name"]).records == 0 for d in datasets)
    others = resolve_subject(dm, "email", "paul.ferrand@example.fr")
    assert all(find_subject_data(dm, others).dataset(d["name"]).records == 2 for d in datasets)
    assert verify_erasure(dm, plan).ok


# -------------------------------------------------------------------------------- the defects of issue 16


def test_sha512_of_lowercased_email_is_linkable_exported_and_erased(tmp_path):
    """Defect 1: the check said 'SHA512 ... links back' while export found 0 rows and erase planned nothing."""
    root = tmp_path / "estate"
    root.mkdir()
    USERS.to_csv(root / "users.csv", index=False)
    keys = [hashlib.sha512(e.strip().lower().encode()).hexdigest() for e in USERS["email"]]
    pd.DataFrame({"user_hash": keys * 3, "screens": range(18)}).to_csv(root / "sessions.csv", index=False)
    dm = load_datamap(_write_map(root, [{"name": "sessions", "path": "sessions.csv", "zone": "pseudonymous",
                                          "subject_key": "user_hash", "encrypted": True}]))  # fmt: skip
    findings = run_checks(dm, only="separation.linkable_key").findings
    assert any(f.dataset == "sessions" and "SHA512" in f.message for f in findings)
    subject = resolve_subject(dm, "email", "oskar.vendt@example.net")
    assert find_subject_data(dm, subject).dataset("sessions").records == 3
    plan = plan_erasure(dm, subject)
    assert next(p for p in plan.datasets if p.name == "sessions").count("delete_row") == 3


def test_national_id_and_username_in_pseudonymous_data_are_direct_identifiers(tmp_path):
    """Defect 2: NATIONAL_ID and USERNAME were in no list outside detect/, so the separation audit missed them."""
    root = tmp_path / "estate"
    root.mkdir()
    USERS.to_csv(root / "users.csv", index=False)
    # Norwegian birth numbers and Brazilian CPFs pass their check digits; logins under a login header
    from stdnum.br import cpf

    cpfs = []
    n = 11144477735
    while len(cpfs) < 40:
        n += 7
        text = f"{n:011d}"
        if cpf.is_valid(text):
            cpfs.append(cpf.format(text))
    frame = pd.DataFrame({
        "user_token": [f"u_{i:04d}aa{i:04d}" for i in range(40)],
        "cpf": cpfs,
        "email": [f"person{i}@example.org" for i in range(40)],
        "screens": range(40),
    })  # fmt: skip
    frame.to_csv(root / "visits.csv", index=False)
    dm = load_datamap(_write_map(root, [{"name": "visits", "path": "visits.csv", "zone": "pseudonymous",
                                          "subject_key": "user_token", "encrypted": True}]))  # fmt: skip
    result = run_checks(dm, only="separation.direct_identifier")
    flagged = {f.column for f in result.findings if f.dataset == "visits"}
    assert {"cpf", "email"} <= flagged


def test_every_entity_the_scanner_emits_is_in_the_taxonomy(tmp_path):
    """The taxonomy describes every entity the scanner can emit: run it over every corpus in the repo."""
    from privacy_audit.scan import scan

    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared"
    sources = [root / "data_samples", shared / "external", shared / "realworld" / "data"]
    result = scan([p for p in sources if p.exists()], sample=300, progress=False)
    emitted = {c.entity for c in result.columns if c.entity}
    assert emitted, "the corpora hold personal data: expected some entities"
    assert emitted <= set(entities.names()), emitted - set(entities.names())


def test_taxonomy_properties_are_consistent():
    for name in entities.names():
        e = entities.describe(name)
        assert e is not None and e.role in entities.ROLES and e.mask in entities.MASK_STYLES
        if e.precise_in_text:
            assert e.in_text, name
    assert entities.is_direct("NATIONAL_ID") and entities.is_direct("USERNAME")
    assert entities.is_quasi("POSTAL_CODE") and not entities.is_direct("POSTAL_CODE")
    assert set(entities.redacted_entities()) <= set(entities.text_entities())


@pytest.mark.parametrize(
    "reason", ["asked by mara.quintel@example.org", "call back on +1 202 555 0141", "requested by Mara Quintel"]
)
def test_a_reason_with_personal_data_is_refused_by_cli_widget_and_library_alike(tmp_path, reason):
    """Defect 3: the widget wrote a reason holding an e-mail address that the CLI refused; the rule now lives
    in the core (rights.plan_restriction), so every front end refuses it and the register is untouched."""
    from click.testing import CliRunner

    from privacy_audit.cli import cli
    from privacy_audit.errors import InputError
    from privacy_audit.rights import plan_restriction
    from privacy_audit.widgets._common import working_copy
    from privacy_audit.widgets.erasure import RightsWidget

    root = Path(__file__).resolve().parents[1]
    estate = working_copy(root / "data_samples", tmp_path / "estate")
    register = estate / "rights" / "restrictions.csv"
    before = register.read_bytes()
    token = pd.read_csv(estate / "exports" / "users_backup.csv", dtype=str).iloc[31]["user_token"]
    dm = load_datamap(estate / "datamap.yaml")
    with pytest.raises(InputError, match="holds personal data"):
        plan_restriction(dm, resolve_subject(dm, "token", token), scope="email_marketing", reason=reason)
    res = CliRunner().invoke(cli, ["restrict", str(estate / "datamap.yaml"), "--subject", f"token={token}",
                                   "--scope", "email_marketing", "--reason", reason, "--apply", "--yes"],
                             standalone_mode=False)  # fmt: skip
    assert isinstance(res.exception, InputError) and "--reason holds personal data" in str(res.exception)
    widget = RightsWidget(estate / "datamap.yaml")
    widget.subject.kind.value, widget.subject.identifier.value = "token", token
    widget.scope.value, widget.reason.value = "email_marketing", reason
    widget.restrict_preview_button.click()
    assert widget.banner.kind == "error" and "holds personal data" in widget.banner.message
    widget.restrict_confirm.value = True
    widget.restrict_button.click()
    assert register.read_bytes() == before
    # a reason without personal data still goes through
    ok = plan_restriction(dm, resolve_subject(dm, "token", token), scope="email_marketing",
                          reason="the subject contests the accuracy of their data")  # fmt: skip
    assert ok.action in {"add", "none"}


NORMALIZE_MANY_CASES = [
    "Jane.Doe@Example.COM", " padded@example.com ", "two  spaces", "tab\there", "x\x1fy", "NULL", "NaN", "<NA>",
    "none", "", "   ", "Ünïcödé Name", "ＦＵＬＬＷＩＤＴＨ", "e\u0301", "d_4f2a9c0b1e7d", "550e8400-e29b-41d4-a716-446655440000",
    "O'Brien Smith", "line\nbreak", "ends.with.space ", "ß@strasse.de",
]


@pytest.mark.parametrize("kind", ["email", "name", "username", "device_id", "postal_code", "ip", "phone", "dob"])
def test_normalize_many_gives_the_keys_of_normalize_value_by_value(kind):
    got = normalize_many(kind, NORMALIZE_MANY_CASES, region="US")
    assert got == [normalize(kind, v, region="US") for v in NORMALIZE_MANY_CASES]
    mixed = [*NORMALIZE_MANY_CASES[:3], 12, None]  # not all strings: value by value
    assert normalize_many(kind, mixed) == [normalize(kind, v) for v in mixed]
