"""DataMapWidget (notebook 02): load, validate, save atomically, RoPA export, drift; on a copy of the estate."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.cli import run_guarded
from privacy_audit.datamap import load_datamap, ropa
from privacy_audit.sources import read_table
from privacy_audit.widgets._common import screen_text, working_copy
from privacy_audit.widgets.datamap import DataMapWidget, datasets_frame

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data_samples"

pytestmark = pytest.mark.skipif(not (SAMPLES / "datamap.yaml").exists(), reason="data_samples not generated yet")


@pytest.fixture()
def estate(tmp_path: Path) -> Path:
    return working_copy(SAMPLES, tmp_path / "data_samples")


def test_load_shows_every_dataset(estate: Path) -> None:
    widget = DataMapWidget(estate / "datamap.yaml", out_dir=estate.parent / "reports")
    widget.run_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    datamap = load_datamap(estate / "datamap.yaml")
    assert widget.result.sha256 == datamap.sha256
    assert widget.editor.value == (estate / "datamap.yaml").read_text()
    frame = datasets_frame(datamap)
    assert list(frame["dataset"]) == [d.name for d in datamap.datasets]
    for name in frame["dataset"]:
        assert name in screen_text(widget.summary)


def test_save_refuses_invalid_yaml_and_writes_valid_yaml(estate: Path) -> None:
    path = estate / "datamap.yaml"
    before = path.read_bytes()
    widget = DataMapWidget(path, out_dir=estate.parent / "reports")
    widget.run_button.click()
    widget.editor.value = widget.editor.value.replace("zone: identified", "zone: somewhere", 1)
    widget.validate_button.click()
    assert widget.banner.kind == "error" and "zone" in widget.banner.message
    widget.save_button.click()
    assert widget.banner.kind == "error"
    assert path.read_bytes() == before  # nothing written
    widget.editor.value = before.decode().replace("organization: Beaconly Inc.", "organization: Beaconly Audit Copy")
    widget.save_button.click()
    assert widget.banner.kind == "info", widget.banner.message
    assert load_datamap(path).organization == "Beaconly Audit Copy"
    assert not [p for p in estate.iterdir() if p.name.endswith(".tmp")]


def test_ropa_export_writes_csv_and_markdown(estate: Path) -> None:
    out = estate.parent / "reports"
    widget = DataMapWidget(estate / "datamap.yaml", out_dir=out)
    widget.ropa_button.click()  # loads the map first when needed
    assert widget.banner.kind == "info", widget.banner.message
    datamap = load_datamap(estate / "datamap.yaml")
    reg = datamap.register("sharing")
    expected = ropa(datamap, read_table(reg.path) if reg else None)
    written = pd.read_csv(out / "ropa.csv", keep_default_na=False)
    assert list(written["dataset"]) == [d.name for d in datamap.datasets]
    assert (out / "ropa.md").read_text() == expected.to_markdown()
    links = widget.ropa_links.outputs[-1]["data"]["text/html"]
    assert 'href="' in links and 'download="ropa.csv"' in links  # in an output: JupyterLab serves it via /files/


def test_missing_map_is_one_line_error(tmp_path: Path) -> None:
    widget = DataMapWidget(tmp_path / "nope.yaml", out_dir=tmp_path)
    widget.run_button.click()
    assert widget.result is None and widget.banner.kind == "error"
    assert "nope.yaml" in widget.banner.message and "\n" not in widget.banner.message


def test_drift_compares_the_map_with_a_scan(estate: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = estate / "datamap.yaml"
    # hide one declared personal column from the map: the scan must report it as undeclared
    text = path.read_text()
    assert "      first_name: PERSON\n" in text
    path.write_text(text.replace("      first_name: PERSON\n", "      first_name: null\n"))
    widget = DataMapWidget(path, out_dir=estate.parent / "reports")
    widget.drift_button.click()
    assert widget.last_exception is None and widget.banner.kind == "info", widget.banner.message
    frame = widget.drift.to_frame()
    row = frame[(frame["dataset"] == "audience") & (frame["column"] == "first_name")]
    assert list(row["kind"]) == ["undeclared"] and list(row["scanned"]) == ["PERSON"]
    assert f"{len(frame)} columns disagree" in widget.banner.message
    assert widget.progress.bar.value == len(load_datamap(path).datasets)
    # one answer: the notebook and `privacy-audit datamap diff` agree on the same map
    capsys.readouterr()
    assert run_guarded(["datamap", "diff", str(path), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == [r.to_dict() for r in widget.drift.rows]
    assert "not read" not in screen_text(widget.drift_view)  # the identity store is read too (vault key)
