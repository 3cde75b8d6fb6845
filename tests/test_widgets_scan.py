"""ScanWidget (notebook 01): pick tables, scan with progress, chart, confirm categories into the data map."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from privacy_audit.datamap import load_datamap
from privacy_audit.errors import DataMapError
from privacy_audit.scan import scan
from privacy_audit.widgets._common import screen_text, working_copy
from privacy_audit.widgets.scan import NOT_PERSONAL, ScanWidget, pii_summary, set_dataset_columns

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data_samples"
needs_samples = pytest.mark.skipif(not (SAMPLES / "datamap.yaml").exists(), reason="data_samples not generated yet")


@pytest.fixture(scope="module")
def estate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return working_copy(SAMPLES, tmp_path_factory.mktemp("scan") / "data_samples")


@pytest.fixture(scope="module")
def scanned(estate: Path) -> ScanWidget:
    widget = ScanWidget(estate, datamap=estate / "datamap.yaml", sample=200)
    wanted = {"support/tickets.csv", "exports/users_backup.csv", "web/cookies.csv"}
    widget.files.value = tuple(value for label, value in widget.files.options if label in wanted)
    widget.run_button.click()
    return widget


@needs_samples
def test_lists_the_tables_of_the_folder(estate: Path) -> None:
    widget = ScanWidget(estate, datamap=estate / "datamap.yaml")
    labels = [label for label, _ in widget.files.options]
    assert "support/tickets.csv" in labels and "exports/users_backup.csv" in labels
    assert "events" in labels  # a hive-partitioned Parquet folder is one table
    assert not any(label.endswith((".vault", ".key", ".yaml", ".md", ".py")) for label in labels)


@needs_samples
def test_scan_button_matches_the_scan_function(scanned: ScanWidget, estate: Path) -> None:
    assert scanned.last_exception is None and scanned.banner.kind == "info", scanned.banner.message
    assert scanned.progress.bar.value == scanned.progress.bar.max == 3
    direct = scan(estate / "support" / "tickets.csv", sample=200, progress=False).to_frame()
    got = scanned.result.to_frame()
    got = got[got["dataset"] == str(estate / "support" / "tickets.csv")].reset_index(drop=True)
    assert got[["column", "entity"]].equals(direct[["column", "entity"]])
    summary = pii_summary(scanned.result).set_index("dataset")
    assert summary["pii_columns"].sum() == len(scanned.result.pii_columns())
    assert scanned.chart.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "support/tickets.csv" in screen_text(scanned.table)


@needs_samples
def test_no_raw_identity_values_in_the_rendered_scan(scanned: ScanWidget, estate: Path) -> None:
    import pandas as pd

    users = pd.read_csv(estate / "exports" / "users_backup.csv", dtype=str)
    shown = screen_text(scanned.table)
    for column in ("email", "phone", "name"):
        leaked = [v for v in users[column].dropna() if v in shown]
        assert not leaked, f"raw {column} values in the widget: {len(leaked)}"


@needs_samples
def test_review_and_apply_write_only_that_columns_block(scanned: ScanWidget, estate: Path) -> None:
    path = estate / "datamap.yaml"
    before = path.read_text()
    assert "users_backup" in scanned.dataset_picker.options and "tickets" in scanned.dataset_picker.options
    proposal = scanned.review("tickets")
    expected = {
        c.column: c.entity for c in scanned.result.columns if c.dataset.endswith("support/tickets.csv")
    }
    assert proposal == expected
    scanned.set_choice("subject", "PERSON")  # a person corrects one column
    assert scanned._pickers["channel"].value == NOT_PERSONAL
    scanned.apply_button.click()
    assert scanned.banner.kind == "info", scanned.banner.message
    tickets = load_datamap(path).dataset("tickets")
    assert dict(tickets.columns) == {**expected, "subject": "PERSON"}
    assert load_datamap(path).dataset("audience").columns == load_datamap(SAMPLES / "datamap.yaml").dataset("audience").columns
    # only the tickets' columns block changed: everything before it is byte-identical
    start = before.index("  - name: tickets")
    assert path.read_text()[:start] == before[:start]
    assert path.read_text().count("# ") == before.count("# ")  # comments kept


def test_set_dataset_columns_handles_flow_style_and_missing_blocks() -> None:
    text = (
        "# top comment\n"
        "datasets:\n"
        "  - name: a\n    path: a.csv\n    zone: identified\n    columns: {x: PERSON}\n"
        "  # between\n"
        "  - name: b\n    path: b.csv\n    zone: pseudonymous\n"
    )
    out = set_dataset_columns(text, "a", {"x": None, "y": "EMAIL_ADDRESS"})
    doc = yaml.safe_load(out)
    assert doc["datasets"][0]["columns"] == {"x": None, "y": "EMAIL_ADDRESS"}
    assert "# top comment" in out and "  # between" in out
    out = set_dataset_columns(out, "b", {"z": "PHONE_NUMBER"})
    doc = yaml.safe_load(out)
    assert doc["datasets"][1]["columns"] == {"z": "PHONE_NUMBER"}
    assert doc["datasets"][0]["columns"] == {"x": None, "y": "EMAIL_ADDRESS"}
    with pytest.raises(DataMapError, match="no dataset named 'c'"):
        set_dataset_columns(text, "c", {})


def test_unreadable_table_is_reported_and_the_rest_scanned(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(
        "contact,plan\nana.lopez@mail.test,pro\nbo.kim@mail.test,free\ncy.ng@mail.test,pro\n"
    )
    (tmp_path / "broken.csv").write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 50)
    (tmp_path / "datamap.yaml").write_text("datasets: []\n")
    widget = ScanWidget(tmp_path, datamap=tmp_path / "datamap.yaml")
    widget.run_button.click()
    assert widget.last_exception is None
    assert widget.banner.kind == "error" and "1 unreadable" in widget.banner.message
    assert "broken.csv" in widget.banner.message and "\n" not in widget.banner.message
    entities = {c.column: c.entity for c in widget.result.columns}
    assert entities["contact"] == "EMAIL_ADDRESS"
    assert "ana.lopez@mail.test" not in screen_text(widget.table)
    assert widget.dataset_picker.options == ("",)  # nothing mapped


def test_missing_path_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "datamap.yaml").write_text("datasets: []\n")
    widget = ScanWidget(tmp_path / "nope", datamap=tmp_path / "datamap.yaml")
    widget.run_button.click()
    assert widget.result is None and widget.banner.kind == "error"
    assert "nope" in widget.banner.message


def test_apply_without_review_is_refused(tmp_path: Path) -> None:
    (tmp_path / "datamap.yaml").write_text("datasets: []\n")
    widget = ScanWidget(tmp_path, datamap=tmp_path / "datamap.yaml")
    widget.apply_button.click()
    assert widget.banner.kind == "error" and "pick a dataset" in widget.banner.message
