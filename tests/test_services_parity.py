"""The CLI and the notebook widgets run the same use cases (privacy_audit.services): same outcome.

Each use case is driven once through the CLI and once through its widget, on two copies of the sample
estate, and the outcomes are compared: the estate files after an erasure, the records of a bundle.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from privacy_audit.access import verify_bundle
from privacy_audit.cli import cli
from privacy_audit.datamap import load_datamap
from privacy_audit.vault import Vault, key_for_datamap
from privacy_audit.widgets._common import working_copy
from privacy_audit.widgets.erasure import ErasureWidget
from privacy_audit.widgets.export import ExportWidget

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
VOLATILE = {"audit_log.jsonl", "identity/identity.vault"}  # entry times; AES-GCM nonces


def _digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).as_posix() not in VOLATILE and "reports" not in p.parts
    }


def _token(root: Path, i: int) -> str:
    return pd.read_csv(root / "exports" / "users_backup.csv", dtype=str).iloc[i]["user_token"]


def test_erasure_through_the_cli_and_the_widget_leaves_the_same_estate(tmp_path):
    a = working_copy(SAMPLES, tmp_path / "a")
    b = working_copy(SAMPLES, tmp_path / "b")
    token = _token(a, 21)
    res = CliRunner().invoke(cli, ["erase", str(a / "datamap.yaml"), "--subject", f"token={token}", "--apply",
                                   "--yes", "--no-scanner"], standalone_mode=False)  # fmt: skip
    assert res.exit_code == 0 and res.exception is None, res.output
    widget = ErasureWidget(b / "datamap.yaml", out_dir=tmp_path / "reports")
    widget.subject.kind.value, widget.subject.identifier.value = "token", token
    widget.plan_button.click()
    widget.confirm.value = True
    widget.apply_button.click()
    assert widget.result is not None and widget.result.verification.ok, widget.banner.message
    assert _digests(a) == _digests(b)
    frames = []
    for root in (a, b):
        dm = load_datamap(root / "datamap.yaml")
        frames.append(Vault.open(root / "identity" / "identity.vault", key_for_datamap(dm, required=True)).to_frame())
    pd.testing.assert_frame_equal(frames[0], frames[1])
    assert token not in set(frames[0]["record_id"])


def test_export_through_the_cli_and_the_widget_holds_the_same_records(tmp_path):
    a = working_copy(SAMPLES, tmp_path / "a")
    token = _token(a, 22)
    out = tmp_path / "cli.zip"
    res = CliRunner().invoke(cli, ["export", str(a / "datamap.yaml"), "--subject", f"token={token}", "--out", str(out)],
                             standalone_mode=False)  # fmt: skip
    assert res.exception is None, res.output
    widget = ExportWidget(a / "datamap.yaml", out_dir=tmp_path / "widget")
    widget.subject_input.kind.value, widget.subject_input.identifier.value = "token", token
    widget.build_button.click()
    assert widget.result is not None and widget.verification.ok, widget.banner.message
    assert verify_bundle(out).ok
    printed = {}
    for line in res.output.splitlines():  # "  <dataset>  <n> records"
        parts = line.split()
        if line.startswith("  ") and len(parts) >= 3 and parts[1].isdigit() and parts[2].startswith("record"):
            printed[parts[0]] = int(parts[1])
    assert printed == dict(widget.result.records)
    assert sum(printed.values()) > 0
