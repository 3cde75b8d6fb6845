"""The shared widget pieces: error banner, progress bar, masked table with per-row reveal."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest

from privacy_audit.errors import InputError
from privacy_audit.masking import mask
from privacy_audit.widgets._common import (
    ErrorBanner,
    MaskedTable,
    Progress,
    file_link,
    find_samples,
    grid,
    guarded,
    plain,
    plain_frame,
    plain_message,
    working_copy,
)


class _Demo:
    def __init__(self) -> None:
        self.banner = ErrorBanner()
        self.progress = Progress()
        self.run_button = w.Button(description="go")
        self.run_button.on_click(self.run)
        self.fail_with: Exception | None = None
        self.ran = 0

    @guarded
    def run(self, _button: object = None) -> None:
        self.progress.start(2, "working")
        self.progress.step("half")
        if self.fail_with is not None:
            raise self.fail_with
        self.ran += 1


def test_guarded_turns_a_privacy_audit_error_into_one_line() -> None:
    demo = _Demo()
    demo.fail_with = InputError("data.csv: not a table\nsecond line")
    demo.run_button.click()
    assert demo.banner.kind == "error"
    assert demo.banner.message == "error: data.csv: not a table second line"
    assert "Traceback" not in demo.banner.value
    assert demo.progress.bar.bar_style == "danger" and demo.progress.label.value == "failed"  # red, never a full green bar
    demo.fail_with = None
    demo.run_button.click()
    assert demo.ran == 1 and demo.banner.message == ""


def test_guarded_reports_unexpected_errors_by_type_only() -> None:
    demo = _Demo()
    demo.fail_with = ValueError("jane.doe@example.com is odd")
    demo.run_button.click()
    assert isinstance(demo.last_exception, ValueError)
    assert "ValueError" in demo.banner.message
    assert "jane.doe" not in demo.banner.value


def test_progress_counts_steps() -> None:
    bar = Progress()
    assert bar.layout.visibility == "hidden"
    bar.start(3, "scan")
    bar.step("a")
    bar.step("b")
    assert (bar.bar.value, bar.bar.max, bar.label.value) == (2, 3, "b")
    bar.finish("done")
    assert bar.bar.value == 3 and bar.bar.bar_style == "success"


def test_masked_table_masks_until_a_row_is_revealed() -> None:
    frame = pd.DataFrame(
        {"email": ["ana.lopez@mail.test", "bo.kim@mail.test"], "plan": ["pro", "free"], "n": [1, 2]}
    )
    table = MaskedTable(frame, {"email": "EMAIL_ADDRESS", "absent": "PERSON"})
    assert table.pii == {"email": "EMAIL_ADDRESS"}
    assert table.text(0, "email") == mask("ana.lopez@mail.test", "EMAIL_ADDRESS") != "ana.lopez@mail.test"
    assert table.text(0, "plan") == "pro"
    rendered = table.view.value
    assert "ana.lopez@mail.test" not in rendered and "bo.kim@mail.test" not in rendered
    assert mask("ana.lopez@mail.test", "EMAIL_ADDRESS") in rendered and "pro" in rendered
    table.reveal(1)  # as picking "row 2" under reveal in the page does
    assert table.revealed == {1} and table.reveal_rows.value == (1,)
    assert "bo.kim@mail.test" in table.view.value and "ana.lopez@mail.test" not in table.view.value
    table.reveal_rows.value = ()  # the user unpicks it
    assert "bo.kim@mail.test" not in table.view.value and table.revealed == frozenset()
    with pytest.raises(IndexError):
        table.reveal(2)
    masked = table.masked_frame()
    assert list(masked["email"]) == [mask(v, "EMAIL_ADDRESS") for v in frame["email"]]
    assert list(masked["plan"]) == ["pro", "free"]


def test_masked_table_bounds_the_rows_it_draws() -> None:
    frame = pd.DataFrame({"name": [f"Person {i}" for i in range(30)]})
    table = MaskedTable(frame, {"name": "PERSON"}, max_rows=5)
    assert len(table.reveal_rows.options) == 5 and table.view.value.count("<tr>") == 5
    assert "25 more rows" in " ".join(getattr(c, "value", "") for c in table.children if isinstance(c, w.HTML))


def test_find_samples_and_working_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRIVACY_AUDIT_SAMPLES", raising=False)
    estate = tmp_path / "repo" / "data_samples"
    (estate / "sub").mkdir(parents=True)
    (estate / "datamap.yaml").write_text("datasets: []\n")
    (estate / "sub" / "t.csv").write_text("a\n1\n")
    nested = tmp_path / "repo" / "notebooks"
    nested.mkdir()
    assert find_samples(nested) == estate.resolve()
    with pytest.raises(InputError, match="no data_samples"):
        find_samples(tmp_path)
    copy = working_copy(estate, tmp_path / "copy" / "data_samples")
    assert (copy / "sub" / "t.csv").read_text() == "a\n1\n"
    with pytest.raises(InputError, match="already exists"):
        working_copy(estate, copy)


def test_file_link_is_relative_to_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "bundle.zip"
    target.write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    link = file_link(target)
    assert 'href="out/bundle.zip"' in link and 'download="bundle.zip"' in link


def test_values_reach_the_screen_as_words() -> None:
    """Issue 19 item 7: no NaN, <NA>, None, PosixPath(...), ['a'] or status identifiers on screen."""
    assert [plain(v) for v in (float("nan"), pd.NA, None, pd.NaT)] == ["", "", "", ""]
    assert plain([Path("reports/ropa.csv"), Path("reports/ropa.md")]) == "reports/ropa.csv, reports/ropa.md"
    assert plain(True) == "yes" and plain(2.0) == "2" and plain(0.95) == "0.95"
    assert plain("needs_manual_evidence") == "needs manual evidence"
    frame = pd.DataFrame({"days_left": [3.0, float("nan")], "status": ["in_progress", "answered"],
                          "step": ["request-new", "request-notify"], "verified": [True, False]})  # fmt: skip
    words = plain_frame(frame)
    assert list(words.columns) == ["days left", "status", "step", "verified"]
    assert words.to_dict("list") == {"days left": ["3", ""], "status": ["in progress", "answered"],
                                     "step": ["recorded", "processor notified"], "verified": ["yes", "no"]}  # fmt: skip
    assert plain_message("--as-of: expected a date YYYY-MM-DD, got '2026-13-45'").startswith("as of: expected")
    banner = ErrorBanner()
    banner.error("--as-of: bad date")
    assert banner.message == "error: as of: bad date"
    assert "white-space:normal" in banner.value and "var(--jp-" in banner.value  # wraps; theme colours


def test_grid_is_sortable_searchable_and_colours_severity() -> None:
    frame = pd.DataFrame({"severity": ["high", "low"], "dataset": ["users", None], "rows": [3.0, float("nan")]})
    table = grid(frame)
    shown = table.df
    assert list(shown.columns) == ["severity", "dataset", "rows"]
    assert "var(--jp-error-color1" in shown["severity"].iloc[0] and ">high<" in shown["severity"].iloc[0]
    assert list(shown["dataset"]) == ["users", ""] and list(shown["rows"]) == ["3", ""]
    assert "pa-grid" in table._dom_classes
    escaped = grid(pd.DataFrame({"note": ["<script>x</script>"]})).df["note"].iloc[0]
    assert "<script>" not in escaped  # values are escaped before the grid renders them as HTML
