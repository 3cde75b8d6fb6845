"""Notebook 07: re-identification risk of a pseudonymous or anonymous dataset, and the fix proposed.

``RiskWidget(datamap=...)``: pick a dataset (``.dataset``), the quasi-identifiers (``.qis``, preset to
what the data map and the scan name) and the target k (``.k``); ``.run_button`` calls
:func:`privacy_audit.checks.risk.assess_estate` (the same call as ``privacy-audit risk``) and
``.result`` is its :class:`~privacy_audit.checks.risk.DatasetRisk`. ``.models``, ``.distribution`` and
``.before_after`` hold the tables shown. Only figures and column names are shown, never values.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w
import pandas as pd

from ..checks.risk import SEPARATED_ZONES, DatasetRisk, assess_estate
from ..datamap import load_datamap
from ..errors import InputError
from ._common import ErrorBanner, find_samples, guarded, html_table, wide

__all__ = ["RiskWidget"]


class RiskWidget(w.VBox):
    """Measure one dataset's re-identification risk and see the proposed transformation."""

    def __init__(self, datamap: str | Path | None = None, *, dataset: str | None = None) -> None:
        path = Path(datamap) if datamap else find_samples() / "datamap.yaml"
        self.datamap = load_datamap(path)
        self.result: DatasetRisk | None = None
        self.models: pd.DataFrame | None = None
        self.distribution: pd.DataFrame | None = None
        self.before_after: pd.DataFrame | None = None
        self.last_exception: BaseException | None = None

        names = [d.name for d in self.datamap.datasets if d.zone in SEPARATED_ZONES]
        if not names:
            names = [d.name for d in self.datamap.datasets]
        self.dataset = w.Dropdown(options=names, value=dataset if dataset in names else (names[0] if names else None),
                                  description="dataset")  # fmt: skip
        self.qis = w.SelectMultiple(options=[], description="quasi-ids", rows=6, layout=w.Layout(width="50%"))
        self.k = w.BoundedIntText(value=5, min=2, max=1000, description="target k")
        self.max_suppression = w.BoundedFloatText(value=0.05, min=0.0, max=1.0, step=0.01, description="max suppr.")
        self.run_button = w.Button(description="Measure risk", button_style="primary", icon="shield", layout=wide())
        self.run_button.add_class("pa-run-risk")
        self.banner = ErrorBanner()
        self.summary = w.HTML()
        self.tables = w.HTML()
        self.output = w.Output()

        self.run_button.on_click(self.run)
        self.dataset.observe(lambda _c: self._load_columns(), names="value")
        self._load_columns()
        super().__init__(
            [
                w.HBox([self.dataset, self.k, self.max_suppression], layout=w.Layout(flex_flow="row wrap")),
                self.qis,
                self.run_button,
                self.banner,
                self.summary,
                self.tables,
                self.output,
            ]
        )

    @guarded
    def _load_columns(self) -> None:
        """Offer the dataset's columns, preselecting the quasi-identifiers the estate names."""
        if self.dataset.value is None:
            return
        found = assess_estate(self.datamap, dataset=self.dataset.value).datasets[0]
        ds = self.datamap.dataset(self.dataset.value)
        from_settings = list(found.profile.quasi_identifiers)
        columns = list(ds.columns) or from_settings
        for c in from_settings:
            if c not in columns:
                columns.append(c)
        self.qis.options = columns
        self.qis.value = tuple(c for c in from_settings if c in columns)
        self.k.value = found.settings.target_k
        self.max_suppression.value = found.settings.max_suppression

    def clear_results(self) -> None:
        """Remove the figures and tables of an earlier measurement."""
        self.result = None
        self.summary.value = self.tables.value = ""

    @guarded
    def run(self, _button: object = None) -> DatasetRisk:
        """Measure the chosen dataset over the chosen quasi-identifiers and propose the fix."""
        self.clear_results()
        if not self.qis.value:
            raise InputError("choose at least one quasi-identifier column")
        res = assess_estate(self.datamap, dataset=self.dataset.value, quasi_identifiers=list(self.qis.value),
                            k=int(self.k.value), max_suppression=float(self.max_suppression.value)).datasets[0]  # fmt: skip
        self.result = res
        p = res.profile
        self.models = p.to_frame()
        self.distribution = p.buckets()
        self.before_after = res.fix.to_frame() if res.fix is not None else None
        contrib = p.contribution.summary() if p.contribution else ""
        breaches = "; ".join(res.breaches()) or "all thresholds met"
        self.summary.value = (
            f"<p><b>{html.escape(res.dataset)}</b> ({html.escape(res.zone)}): {html.escape(p.summary())}</p>"
            f"<p>Attribute contribution: {html.escape(contrib)}</p><p>Thresholds: {html.escape(breaches)}</p>"
            + (f"<p><b>Proposed fix:</b> {html.escape(res.proposal())}</p>" if res.fix is not None else "")
        )
        self.tables.value = (
            "<h4>Attacker models</h4>" + html_table(self.models)
            + "<h4>Records per class size</h4>" + html_table(self.distribution)
            + ("<h4>Before and after the proposed fix</h4>" + html_table(self.before_after)
               if self.before_after is not None else "")
        )  # fmt: skip
        self.banner.info(f"k = {p.k} over {len(p.quasi_identifiers)} quasi-identifiers; "
                         + ("fix proposed" if res.fix is not None else "k already met"))  # fmt: skip
        return res
