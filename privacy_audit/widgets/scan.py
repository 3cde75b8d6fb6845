"""Notebook 01: scan files or a folder for personal data, chart it, confirm categories into the map.

``ScanWidget(path=..., datamap=...)``: ``.files`` lists the tables under ``.path`` (pick some, or
none for all); ``.run_button`` scans them one by one with :func:`privacy_audit.scan.scan` (the
same call as ``privacy-audit scan``), advancing the progress bar per table; ``.result`` is the
:class:`~privacy_audit.scan.ScanResult`; ``.chart`` is a PNG bar chart of personal columns per
dataset. The *Confirm* section proposes the scan's categories for one mapped dataset
(``.review(name)``), lets a person correct each column, and ``.apply_button`` writes them into the
data map's ``columns:`` block (validated first, written atomically, the rest of the file untouched).
"""

from __future__ import annotations

import html
import io
from collections.abc import Mapping
from pathlib import Path

import ipywidgets as w
import pandas as pd
import yaml

from ..datamap import DataMap, load_datamap, parse_datamap
from ..entities import names
from ..errors import DataMapError, InputError
from ..scan import SCAN_SAMPLE, ScanResult, scan
from ..sources import atomic_write_bytes, list_tables
from ._common import ErrorBanner, Progress, find_samples, grid, guarded, wide

__all__ = ["ScanWidget", "ENTITIES", "NOT_PERSONAL", "pii_summary", "set_dataset_columns"]

NOT_PERSONAL = "(not personal)"
ENTITIES = names()  # the taxonomy's entities, offered when confirming a column


def pii_summary(result: ScanResult) -> pd.DataFrame:
    """Per dataset: columns scanned, personal columns, and their categories."""
    frame = result.to_frame()
    if frame.empty:
        return pd.DataFrame(columns=["dataset", "columns", "pii_columns", "categories"])
    rows = []
    for dataset, group in frame.groupby("dataset", sort=False):
        pii = group[group["entity"].notna()]
        rows.append(
            {
                "dataset": dataset,
                "columns": len(group),
                "pii_columns": len(pii),
                "categories": ", ".join(sorted(set(pii["entity"]))),
            }
        )
    return pd.DataFrame(rows)


def _chart_png(summary: pd.DataFrame) -> bytes:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    labels = [str(d) for d in summary["dataset"]]
    fig = Figure(figsize=(7, 0.35 * max(len(labels), 3) + 1))
    fig.patch.set_alpha(0)  # transparent, mid-grey text: readable on light and dark themes
    ax = fig.subplots()
    ax.set_facecolor("none")
    for where in ("x", "y"):
        ax.tick_params(axis=where, colors="#888888")
    for spine in ax.spines.values():
        spine.set_color("#888888")
    ax.barh(labels, summary["pii_columns"], color="#c62828")
    ax.barh(labels, summary["columns"] - summary["pii_columns"], left=summary["pii_columns"], color="#cfd8dc")
    ax.invert_yaxis()
    ax.set_xlabel("columns (red: personal data)", color="#888888")
    ax.set_title("Personal-data columns per dataset", color="#888888")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, transparent=True)
    return buf.getvalue()


def set_dataset_columns(yaml_text: str, dataset: str, columns: Mapping[str, str | None]) -> str:
    """Return ``yaml_text`` with the ``columns:`` block of ``dataset`` replaced by ``columns``.

    Only those lines change (comments and layout elsewhere are kept); a dataset without a block
    gets one after its last field. :class:`DataMapError` when the dataset is not in the text.
    """
    try:
        root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise DataMapError(f"data map is not valid YAML: {' '.join(str(exc).split())}") from None
    entries = None
    if isinstance(root, yaml.MappingNode):
        entries = next((v for k, v in root.value if k.value == "datasets"), None)
    if not isinstance(entries, yaml.SequenceNode):
        raise DataMapError("data map has no datasets list")
    target = None
    for node in entries.value:
        if isinstance(node, yaml.MappingNode) and any(
            k.value == "name" and v.value == dataset for k, v in node.value if isinstance(v, yaml.ScalarNode)
        ):
            target = node
    if target is None:
        raise DataMapError(f"data map has no dataset named {dataset!r}")
    lines = yaml_text.splitlines(keepends=True)
    indent = " " * target.value[0][0].start_mark.column
    block = [f"{indent}columns:\n"] + [
        f"{indent}  {yaml.safe_dump(str(c), default_style=None).splitlines()[0]}: {e or 'null'}\n"
        for c, e in columns.items()
    ]
    existing = next(((k, v) for k, v in target.value if k.value == "columns"), None)
    if existing is not None:
        key, value = existing
        last = value.value[-1][1] if isinstance(value, yaml.MappingNode) and value.value else value
        start, end = key.start_mark.line, last.end_mark.line
        if last.end_mark.column == 0 and end > start:
            end -= 1
        lines[start : end + 1] = block
    else:
        last_value = target.value[-1][1]
        end = last_value.end_mark.line - (1 if last_value.end_mark.column == 0 else 0)
        lines[end + 1 : end + 1] = block
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines)


class ScanWidget(w.VBox):
    """Scan files or a folder, show personal data per dataset, confirm categories into the data map."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        datamap: str | Path | None = None,
        sample: int = SCAN_SAMPLE,
    ) -> None:
        samples = None if path and datamap else find_samples()
        path = Path(path) if path else samples
        self.datamap_path = Path(datamap) if datamap else samples / "datamap.yaml"
        self.result: ScanResult | None = None
        self.summary: pd.DataFrame | None = None
        self.proposal: dict[str, str | None] = {}
        self.last_exception: BaseException | None = None
        self._datamap: DataMap | None = None
        self._reviewing: str | None = None

        self.path = w.Text(value=str(path), description="file/folder", layout=w.Layout(width="60%"))
        self.list_button = w.Button(description="List tables", icon="list", layout=wide())
        self.files = w.SelectMultiple(options=[], rows=8, description="tables", layout=w.Layout(width="80%"))
        self.sample = w.BoundedIntText(value=sample, min=1, max=10_000_000, description="sample rows",
                                       style={"description_width": "initial"})  # fmt: skip
        self.run_button = w.Button(description="Scan", button_style="primary", icon="search", layout=wide())
        self.run_button.add_class("pa-scan-button")
        self.banner = ErrorBanner()
        self.progress = Progress()
        self.table = w.VBox()
        self.chart = w.Image(format="png", layout=w.Layout(max_width="700px", display="none"))
        self.dataset_picker = w.Dropdown(options=[], description="dataset")
        self.review_box = w.VBox()
        self.apply_button = w.Button(description="Write to data map", button_style="warning", icon="save", layout=wide())
        self.output = w.Output()

        self.list_button.on_click(self.list_files)
        self.run_button.on_click(self.run)
        self.dataset_picker.observe(lambda c: c["new"] and self.review(c["new"]), names="value")
        self.apply_button.on_click(self.apply)
        super().__init__(
            [
                w.HBox([self.path, self.list_button]),
                self.files,
                w.HBox([self.sample, self.run_button]),
                self.banner,
                self.progress,
                self.chart,
                self.table,
                w.HTML("<h4>Confirm or correct the categories of a mapped dataset</h4>"),
                self.dataset_picker,
                self.review_box,
                self.apply_button,
                self.output,
            ]
        )
        self.add_class("pa-scan")
        self.list_files()

    def clear_results(self) -> None:
        """Remove the chart, tables and the review of an earlier scan."""
        self.result = self.summary = None
        self.table.children = ()
        self.chart.layout.display = "none"
        self.chart.value = b""
        self._reviewing = None
        self._pickers = {}
        self.review_box.children = ()
        self.dataset_picker.options = []
        self.progress.reset()

    # -- scanning -------------------------------------------------------------------------------

    @guarded
    def list_files(self, _button: object = None) -> list[Path]:
        """List the tables under ``.path`` into ``.files`` (nothing selected = scan them all)."""
        root = Path(self.path.value)
        tables = list_tables(root) if root.is_dir() else [root]
        self.files.options = [(p.relative_to(root).as_posix() if root.is_dir() else p.name, str(p)) for p in tables]
        return tables

    def targets(self) -> list[Path]:
        """The tables the next scan covers: the selection, else everything listed under ``.path``."""
        if self.files.value:
            return [Path(p) for p in self.files.value]
        root = Path(self.path.value)
        if not root.exists():
            raise InputError(f"{root}: no such file or folder")
        return list_tables(root) if root.is_dir() else [root]

    @guarded
    def run(self, _button: object = None) -> ScanResult:
        """Scan every target table; unreadable tables are listed, the others still scanned."""
        self.clear_results()
        targets = self.targets()
        if not targets:
            raise InputError(f"{self.path.value}: no tables found")
        columns, errors = [], []
        self.progress.start(len(targets), "scanning")
        for target in targets:
            self.progress.step(target.name)
            part = scan(target, sample=self.sample.value, progress=False)
            columns.extend(part.columns)
            errors.extend(part.errors)
        result = ScanResult(tuple(columns), tuple(errors))
        self.result = result
        self.summary = pii_summary(result)
        self.progress.finish(f"{len(targets)} tables")
        self._render()
        n_pii = len(result.pii_columns())
        msg = f"{len(self.summary)} datasets scanned, {n_pii} personal-data columns"
        if errors:
            self.banner.error(f"{msg}; {len(errors)} unreadable: " + "; ".join(m for _, m in errors))
        else:
            self.banner.info(msg)
        self._offer_review()
        return result

    def short(self, label: str) -> str:
        """A scanned dataset's label relative to the scanned folder (for display)."""
        root = Path(self.path.value)
        try:
            return Path(label).resolve().relative_to(root.resolve()).as_posix() if root.is_dir() else Path(label).name
        except ValueError:
            return label

    def _render(self) -> None:
        frame = self.result.to_frame()
        pii = frame[frame["entity"].notna()][["dataset", "column", "entity", "score", "coverage", "evidence"]]
        pii = pii.assign(dataset=pii["dataset"].map(self.short))
        summary = self.summary.assign(dataset=self.summary["dataset"].map(self.short))
        self.table.children = (
            w.HTML("<h4>Per dataset</h4>"), grid(summary), w.HTML("<h4>Personal-data columns</h4>"), grid(pii)
        )
        if len(summary):
            self.chart.value = _chart_png(summary)
            self.chart.layout.display = ""

    # -- confirm into the data map --------------------------------------------------------------

    def _map(self) -> DataMap:
        if self._datamap is None:
            self._datamap = load_datamap(self.datamap_path)
        return self._datamap

    def mapped(self) -> dict[str, str]:
        """Mapped dataset name -> scanned dataset label, for scanned tables the data map declares."""
        if self.result is None:
            return {}
        out = {}
        labels = {Path(label).resolve(): label for label in self.result.datasets}
        for ds in self._map().datasets:
            if ds.path is None:
                continue
            where = ds.path.resolve()
            for resolved, label in labels.items():
                if resolved == where or where in resolved.parents:
                    out[ds.name] = label
                    break
        return out

    def _offer_review(self) -> None:
        try:
            names = list(self.mapped())
        except DataMapError as exc:
            self.dataset_picker.options = []
            self.review_box.children = [w.HTML(f"<i>{html.escape(str(exc))}</i>")]
            return
        self.dataset_picker.options = [""] + names
        self.dataset_picker.value = ""

    @guarded
    def review(self, name: str) -> dict[str, str | None]:
        """Propose the scan's categories for mapped dataset ``name``: one dropdown per column."""
        label = self.mapped().get(name)
        if label is None:
            raise InputError(f"dataset {name!r} is not among the scanned, mapped tables")
        declared = self._map().dataset(name).columns
        frame = self.result.to_frame()
        frame = frame[frame["dataset"] == label]
        self.proposal = {
            str(r.column): (r.entity if isinstance(r.entity, str) and r.entity else None)
            for r in frame.itertuples(index=False)
        }
        rows = []
        self._pickers: dict[str, w.Dropdown] = {}
        known = sorted(set(ENTITIES) | {e for e in self.proposal.values() if e} | {e for e in declared.values() if e})
        for column, entity in self.proposal.items():
            picker = w.Dropdown(options=[NOT_PERSONAL, *known], value=entity or NOT_PERSONAL, layout=w.Layout(width="200px"))
            self._pickers[column] = picker
            was = declared.get(column, "(undeclared)") if column in declared else "(undeclared)"
            rows.append(w.HBox([w.Label(column, layout=w.Layout(width="160px")), picker,
                                w.Label(f"map says: {was or NOT_PERSONAL}")]))  # fmt: skip
        self._reviewing = name
        if self.dataset_picker.value != name and name in self.dataset_picker.options:
            self.dataset_picker.value = name
        self.review_box.children = rows
        return dict(self.proposal)

    def choices(self) -> dict[str, str | None]:
        """The categories the person has confirmed (or corrected) for the dataset under review."""
        return {c: (None if p.value == NOT_PERSONAL else p.value) for c, p in getattr(self, "_pickers", {}).items()}

    def set_choice(self, column: str, entity: str | None) -> None:
        """Correct one column's category (what choosing in its dropdown does)."""
        self._pickers[column].value = entity or NOT_PERSONAL

    @guarded
    def apply(self, _button: object = None) -> Path:
        """Write the confirmed categories into the data map (validated, atomic; other lines kept)."""
        if not self._reviewing:
            raise InputError("pick a dataset to confirm first")
        text = self.datamap_path.read_text(encoding="utf-8")
        new_text = set_dataset_columns(text, self._reviewing, self.choices())
        datamap = parse_datamap(new_text, path=self.datamap_path)
        atomic_write_bytes(self.datamap_path, new_text.encode("utf-8"))
        self._datamap = datamap
        n = sum(1 for e in self.choices().values() if e)
        self.banner.info(f"{self.datamap_path.name}: {self._reviewing} now declares {n} personal columns")
        return self.datamap_path
