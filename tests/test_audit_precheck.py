"""A change that could not be recorded in the audit log must not happen at all.

The core functions (not only the CLI) check the log before they change anything, because the
notebooks' widgets call them directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privacy_audit.datamap import load_datamap
from privacy_audit.erasure import apply_erasure, plan_erasure, vault_key_for
from privacy_audit.errors import AuditLogError
from privacy_audit.rights import apply_restriction, plan_restriction
from privacy_audit.subjects import resolve_subject

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
SUBJECT = "u_5e40321e94419582"  # "many traces" in data_samples/README.md


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def estate(tmp_path):
    root = tmp_path / "estate"
    shutil.copytree(SAMPLES, root, ignore=shutil.ignore_patterns("generate.py", "__pycache__"))
    dm = load_datamap(root / "datamap.yaml")
    # a damaged last entry: append() would refuse it after the data had changed
    dm.audit_log_path.write_bytes(b'{"seq": 1, "action": "export", "trunc')
    return root, dm


def test_erasure_refuses_before_changing_anything_when_the_log_is_damaged(estate):
    root, dm = estate
    key = vault_key_for(dm)
    plan = plan_erasure(dm, resolve_subject(dm, "token", SUBJECT), vault_key=key)
    assert plan.has_changes
    before = _snapshot(root)
    with pytest.raises(AuditLogError):
        apply_erasure(dm, plan, vault_key=key)
    assert _snapshot(root) == before


def test_restriction_refuses_before_changing_anything_when_the_log_is_damaged(estate):
    root, dm = estate
    subject = resolve_subject(dm, "token", SUBJECT)
    change = plan_restriction(dm, subject, scope="all")
    before = _snapshot(root)
    with pytest.raises(AuditLogError):
        apply_restriction(dm, change)
    assert _snapshot(root) == before
