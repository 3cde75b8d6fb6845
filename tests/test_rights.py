"""Rectification and restriction on a copy of the sample estate: diff, apply, verify, round trip."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit import auditlog
from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import vault_key_for
from privacy_audit.errors import InputError
from privacy_audit.rights import (
    apply_rectification,
    apply_restriction,
    plan_rectification,
    plan_restriction,
    restriction_rows,
    verify_rectification,
)
from privacy_audit.subjects import resolve_subject
from privacy_audit.vault import Vault

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
RICH = "u_5e40321e94419582"  # in the vault, the backup, the audience
NEW_EMAIL = "corrected.address@example.net"


@pytest.fixture
def estate(tmp_path):
    root = tmp_path / "estate"
    shutil.copytree(SAMPLES, root, ignore=shutil.ignore_patterns("__pycache__", "audit_log.jsonl*", "generate.py"))
    dm = load_datamap(root / "datamap.yaml")
    key = vault_key_for(dm)
    return root, dm, key


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.name.startswith("audit_log")}  # fmt: skip


def test_rectify_email_everywhere_then_back(estate):
    root, dm, key = estate
    subject = resolve_subject(dm, "token", RICH, vault_key=key)
    users = pd.read_csv(root / "exports/users_backup.csv", dtype=str).set_index("user_token")
    old_email = users.loc[RICH, "email"]
    audience = pd.read_csv(root / "marketing/audience_export.csv", dtype=str)
    expected = {"identity": 1, "users_backup": 1, "audience": int((audience["user_token"] == RICH).sum())}
    before = snapshot(root)
    vault_before = Vault.open(root / "identity/identity.vault", key)
    others = {rid: vault_before.get(rid) for rid in vault_before.ids() if rid != RICH}

    plan = plan_rectification(dm, subject, {"email": NEW_EMAIL}, vault_key=key)
    assert {d: sum(c.dataset == d for c in plan.changes) for d in expected} == expected
    shown = plan.to_frame().to_string() + str(plan.to_dict())
    assert old_email not in shown and NEW_EMAIL not in shown  # masked, both sides
    assert snapshot(root) == before  # planning writes nothing

    done = apply_rectification(dm, plan, vault_key=key)
    assert verify_rectification(dm, done, vault_key=key).ok
    assert Vault.open(root / "identity/identity.vault", key).get(RICH)["email"] == NEW_EMAIL
    users_after = pd.read_csv(root / "exports/users_backup.csv", dtype=str).set_index("user_token")
    assert users_after.loc[RICH, "email"] == NEW_EMAIL
    pd.testing.assert_frame_equal(users_after.drop(index=RICH), users.drop(index=RICH))
    vault_after = Vault.open(root / "identity/identity.vault", key)
    assert {rid: vault_after.get(rid) for rid in vault_after.ids() if rid != RICH} == others
    entries = auditlog.read(root / "audit_log.jsonl")
    assert entries[-1]["action"] == "rectification" and entries[-1]["details"]["columns"] == ["email"]
    assert old_email not in (root / "audit_log.jsonl").read_text() and NEW_EMAIL not in (root / "audit_log.jsonl").read_text()

    # round trip: correcting back restores the CSV files byte for byte
    dm = load_datamap(root / "datamap.yaml")
    subject = resolve_subject(dm, "token", RICH, vault_key=key)
    back = apply_rectification(dm, plan_rectification(dm, subject, {"email": old_email}, vault_key=key), vault_key=key)
    assert verify_rectification(dm, back, vault_key=key).ok
    after = snapshot(root)
    for rel in ("exports/users_backup.csv", "marketing/audience_export.csv"):
        assert after[rel] == before[rel]
    assert Vault.open(root / "identity/identity.vault", key).get(RICH)["email"] == old_email
    assert auditlog.verify(root / "audit_log.jsonl").ok


def test_rectify_one_dataset_only_and_bad_columns(estate):
    root, dm, key = estate
    subject = resolve_subject(dm, "token", RICH, vault_key=key)
    plan = plan_rectification(dm, subject, {"city": "Springfield"}, dataset="users_backup", vault_key=key)
    assert {c.dataset for c in plan.changes} == {"users_backup"} and len(plan.changes) == 1
    with pytest.raises(InputError, match="not found"):
        plan_rectification(dm, subject, {"favourite_colour": "blue"}, vault_key=key)
    with pytest.raises(InputError, match="subject key"):
        plan_rectification(dm, subject, {"user_token": "u_other"}, dataset="users_backup", vault_key=key)


def test_restriction_round_trip(estate):
    root, dm, key = estate
    reg = root / "rights/restrictions.csv"
    original = reg.read_bytes()
    subject = resolve_subject(dm, "token", RICH, vault_key=key)
    assert restriction_rows(dm, RICH) == []
    change = plan_restriction(dm, subject, scope="email_marketing")
    assert change.action == "add" and reg.read_bytes() == original
    done = apply_restriction(dm, change)
    assert reg.read_bytes().startswith(original)  # existing rows untouched
    rows = restriction_rows(load_datamap(root / "datamap.yaml"), RICH)
    assert [r["scope"] for r in rows] == ["email_marketing"] and rows[0]["requested_at"]
    frame = pd.read_csv(reg, dtype=str)
    assert list(frame.columns) == ["user_token", "scope", "requested_at", "reason"] and len(frame) == 8
    assert done.audit_seq == 1

    dm = load_datamap(root / "datamap.yaml")
    assert plan_restriction(dm, subject, scope="email_marketing").action == "none"  # idempotent
    lift = plan_restriction(dm, subject, scope="all", lift=True)
    assert lift.action == "lift" and lift.rows_removed == 1
    apply_restriction(dm, lift)
    assert reg.read_bytes() == original
    actions = [e["action"] for e in auditlog.read(root / "audit_log.jsonl")]
    assert actions == ["restriction", "unrestriction"] and auditlog.verify(root / "audit_log.jsonl").ok
    assert RICH not in (root / "audit_log.jsonl").read_text()


def test_restriction_is_seen_by_the_subject_search_registers(estate):
    root, dm, key = estate
    from privacy_audit.subjects import find_subject_data

    subject = resolve_subject(dm, "token", RICH, vault_key=key)
    apply_restriction(dm, plan_restriction(dm, subject, scope="all"), audit=False)
    dm = load_datamap(root / "datamap.yaml")
    data = find_subject_data(dm, subject, vault_key=key)
    assert data.dataset("restrictions").records == 1
