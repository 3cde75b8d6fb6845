"""Notebook 02: view and edit the data map, export the RoPA, compare the map with a fresh scan.

``DataMapWidget(path=...)``: ``.run_button`` loads and validates the map (``.result`` is the
:class:`~privacy_audit.datamap.DataMap`); the *Edit* tab validates YAML text before it is saved
(atomically); ``.ropa_button`` writes the Record of Processing Activities (CSV and Markdown) to
``out_dir`` with links that download the files; ``.drift_button`` scans the mapped datasets and
lists where scan and map disagree (``.drift``) -- :func:`privacy_audit.services.datamap_diff`, the
same call and defaults as ``privacy-audit datamap diff``, so both give one answer.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w
import pandas as pd

from .. import services
from ..datamap import DataMap, Drift, Ropa, load_datamap, parse_datamap, ropa
from ..errors import InputError
from ..sources import atomic_write_bytes, read_table
from ._common import ErrorBanner, Progress, file_link, find_samples, grid, guarded, show_links, wide

__all__ = ["DataMapWidget", "datasets_frame"]


def datasets_frame(datamap: DataMap) -> pd.DataFrame:
    """One row per dataset: what the map declares about it, personal columns counted."""
    rows = []
    for ds in datamap.datasets:
        rows.append(
            {
                "dataset": ds.name,
                "zone": ds.zone,
                "where": ds.relpath or f"{ds.url} / {ds.table}",
                "encrypted": ds.encrypted,
                "country": ds.country or "",
                "purposes": ", ".join(ds.purposes),
                "legal_basis": ds.legal_basis or "",
                "retention_days": ds.retention_days,
                "shared_with": ", ".join(ds.shared_with),
                "access": ", ".join(ds.access),
                "pii_columns": len(ds.pii_columns),
            }
        )
    return pd.DataFrame(rows)


class DataMapWidget(w.VBox):
    """View, validate, edit and export the data map; show drift against a scan."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        out_dir: str | Path | None = None,
    ) -> None:
        path = Path(path) if path else find_samples() / "datamap.yaml"
        self.out_dir = Path(out_dir) if out_dir else path.parent.parent / "reports"
        self.result: DataMap | None = None
        self.ropa: Ropa | None = None
        self.drift: Drift | None = None
        self.written: list[Path] = []
        self.last_exception: BaseException | None = None

        self.path = w.Text(value=str(path), description="data map", layout=w.Layout(width="70%"))
        self.run_button = w.Button(description="Load", button_style="primary", icon="folder-open", layout=wide())
        self.banner = ErrorBanner()
        self.progress = Progress()
        self.output = w.Output()
        self.summary = w.VBox()
        self.editor = w.Textarea(layout=w.Layout(width="100%", height="360px"))
        self.validate_button = w.Button(description="Validate", layout=wide())
        self.save_button = w.Button(description="Save", button_style="warning", icon="save", layout=wide())
        self.ropa_button = w.Button(description="Export RoPA", icon="download", layout=w.Layout(width="auto"))
        self.ropa_button.add_class("pa-ropa-button")
        self.ropa_links = w.Output()  # links in an output: JupyterLab turns them into /files/... URLs
        self.ropa_links.add_class("pa-ropa-links")
        self.ropa_view = w.VBox()
        self.drift_button = w.Button(description="Scan and compare", icon="search", layout=w.Layout(width="auto"))
        self.drift_button.add_class("pa-drift-button")
        self.drift_view = w.VBox()
        self.run_button.add_class("pa-load-button")

        self.run_button.on_click(self.load)
        self.validate_button.on_click(self.validate)
        self.save_button.on_click(self.save)
        self.ropa_button.on_click(self.export_ropa)
        self.drift_button.on_click(self.compare)

        # one banner, shown under the buttons of every tab: the message is next to the button pressed
        self.tabs = w.Tab(
            [
                w.VBox([self.banner, self.summary]),
                w.VBox([self.editor, w.HBox([self.validate_button, self.save_button]), self.banner]),
                w.VBox([self.ropa_button, self.banner, self.ropa_links, self.ropa_view]),
                w.VBox([self.drift_button, self.banner, self.progress, self.drift_view]),
            ]
        )
        for i, title in enumerate(("Datasets", "Edit", "RoPA", "Drift")):
            self.tabs.set_title(i, title)
        super().__init__([w.HBox([self.path, self.run_button]), self.tabs, self.output])
        self.add_class("pa-datamap")

    def clear_results(self) -> None:
        """Remove every result of an earlier run (datasets, RoPA and its links, drift)."""
        self.summary.children = ()
        self.ropa_view.children = ()
        show_links(self.ropa_links, "")
        self.drift_view.children = ()
        self.progress.reset()

    # -- actions --------------------------------------------------------------------------------

    @guarded
    def load(self, _button: object = None) -> DataMap:
        """Load and validate the data map named in ``.path``."""
        self.result = None
        self.clear_results()
        datamap = load_datamap(self.path.value)
        self.result = datamap
        self.editor.value = datamap.path.read_text(encoding="utf-8")
        frame = datasets_frame(datamap)
        zones = frame["zone"].value_counts().to_dict()
        self.summary.children = (
            w.HTML(
                f"<p><b>{html.escape(datamap.organization)}</b>: {len(frame)} datasets "
                f"({', '.join(f'{n} {z}' for z, n in sorted(zones.items()))}), "
                f"{len(datamap.registers)} registers, {len(datamap.roles)} roles.</p>"
            ),
            grid(frame),
        )
        self.banner.info(f"{datamap.path.name} is valid: {len(frame)} datasets")
        return datamap

    @guarded
    def validate(self, _button: object = None) -> DataMap:
        """Validate the editor's YAML text (as if saved at ``.path``) without writing it."""
        datamap = parse_datamap(self.editor.value, path=self.path.value)
        self.banner.info(f"valid: {len(datamap.datasets)} datasets")
        return datamap

    @guarded
    def save(self, _button: object = None) -> Path:
        """Validate the editor's text and, only if valid, replace the data map file atomically."""
        target = Path(self.path.value)
        datamap = parse_datamap(self.editor.value, path=target)
        atomic_write_bytes(target, self.editor.value.encode("utf-8"))
        self.result = datamap
        self.banner.info(f"saved {target.name}: {len(datamap.datasets)} datasets")
        return target

    def _need_map(self) -> DataMap:
        if self.result is None:
            self.load()
        if self.result is None:
            raise InputError(self.banner.message.removeprefix("error: ") or "the data map did not load")
        return self.result

    @guarded
    def export_ropa(self, _button: object = None) -> Ropa:
        """Write the Record of Processing Activities as CSV and Markdown into ``out_dir``."""
        self.ropa_view.children = ()
        show_links(self.ropa_links, "")
        datamap = self._need_map()
        reg = datamap.register("sharing")
        sharing = read_table(reg.path, format=reg.format) if reg is not None else None
        record = ropa(datamap, sharing)
        self.ropa = record
        csv_path, md_path = self.out_dir / "ropa.csv", self.out_dir / "ropa.md"
        atomic_write_bytes(csv_path, record.to_csv().encode("utf-8"))
        atomic_write_bytes(md_path, record.to_markdown().encode("utf-8"))
        self.written = [csv_path, md_path]
        show_links(self.ropa_links, f"<p>Download: {file_link(csv_path)} &middot; {file_link(md_path)}</p>")
        self.ropa_view.children = (grid(record.to_frame()),)
        self.banner.info(f"RoPA written: {len(record.rows)} processing activities")
        return record

    @guarded
    def compare(self, _button: object = None) -> Drift:
        """Scan every mapped dataset and list where the scan disagrees with the map (as the CLI does)."""
        self.drift_view.children = ()
        datamap = self._need_map()
        self.progress.start(len(datamap.datasets), "scanning")
        outcome = services.datamap_diff(datamap, progress=lambda name, _i, _n: self.progress.step(name))
        drift = outcome.drift
        self.drift = drift
        table = drift.to_frame()
        skipped = "".join(f"<li>{html.escape(n)}: not read, {html.escape(why)}</li>" for n, why in outcome.skipped)
        self.drift_view.children = (
            w.HTML(
                f"<p>{len(table)} disagreements over {len(outcome.scanned)} scanned datasets.</p>"
                + (f"<ul>{skipped}</ul>" if skipped else "")
                + ("" if len(table) else "<p>The map matches the scan.</p>")
            ),
            *((grid(table),) if len(table) else ()),
        )
        undeclared = int((table["kind"] == "undeclared").sum()) if len(table) else 0
        self.banner.info(f"drift: {len(table)} columns disagree, {undeclared} personal columns undeclared")
        self.progress.finish("done")
        return drift
