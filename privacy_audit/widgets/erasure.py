"""Notebook 05: erasure (plan, review, apply with explicit confirmation, verify, report), rectification
and restriction of processing -- the same calls as ``privacy-audit erase|rectify|restrict``.

``ErasureWidget(datamap=..., out_dir=...)``: ``.subject`` names the data subject; ``.plan_button``
plans (reads only) and shows per dataset what would be deleted, masked, redacted, shredded or kept
and why; ``.apply_button`` (also ``.run_button``) refuses unless ``.confirm`` is ticked for the
plan on screen, then applies all-or-nothing, verifies by searching the estate again, and writes the
erasure report (JSON + HTML) to ``out_dir`` with download links. ``.plan``, ``.result``.

``RightsWidget(datamap=...)``: *Rectify* (column, new value, optional dataset; preview shows masked
old -> new per cell; apply after confirmation, then verify) and *Restrict* (scope, lift, reason;
preview; apply after confirmation). ``.rectification``, ``.rectify_check``, ``.restriction``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from .. import services
from ..datamap import DataMap, load_datamap
from ..erasure import plan_erasure, vault_key_for
from ..errors import InputError
from ..report.erasure import build_erasure_report, write_erasure_report
from ..rights import plan_rectification, plan_restriction
from ..subjects import Subject
from ._common import (
    ErrorBanner,
    Progress,
    SubjectCard,
    SubjectInput,
    discard,
    file_link,
    find_samples,
    grid,
    guarded,
    show_links,
    wide,
)

__all__ = ["ErasureWidget", "RightsWidget"]


class _SubjectTask(w.VBox):
    """Shared parts: data map path, subject input, subject card, banner, progress, output."""

    def _setup(self, datamap: str | Path | None) -> None:
        path = Path(datamap) if datamap else find_samples() / "datamap.yaml"
        self.path = w.Text(value=str(path), description="data map", layout=w.Layout(width="60%"))
        self.subject = SubjectInput()
        self.card = SubjectCard()
        self.banner = ErrorBanner()
        self.banner.add_class("pa-banner")
        self.progress = Progress()
        self.output = w.Output()
        self.last_exception: BaseException | None = None
        self._datamap: DataMap | None = None
        self.subject.on_change(self.clear_results)

    def clear_results(self) -> None:  # pragma: no cover - each task defines its own
        raise NotImplementedError

    def _show_subject(self, subject: Subject, datasets: list[str] | None) -> None:
        """Head the screen with the subject card; the raw identifier leaves the page once resolved."""
        self.card.show(subject, datasets)
        if subject.found:
            self.subject.forget(self.card.label)

    @property
    def datamap(self) -> DataMap:
        """The data map, re-read when its file changed (an apply rewrites registers, not the map)."""
        if self._datamap is None or str(self._datamap.path) != str(Path(self.path.value)):
            self._datamap = load_datamap(self.path.value)
        return self._datamap

    def _resolve(self) -> tuple[DataMap, bytes | None, Any]:
        ctx = services.open_subject(self.datamap, self.subject.pairs())
        return ctx.datamap, ctx.vault_key, ctx.subject


class ErasureWidget(_SubjectTask):
    """Plan, review, apply (only after confirmation), verify and report the erasure of one subject."""

    def __init__(self, datamap: str | Path | None = None, *, out_dir: str | Path | None = None) -> None:
        self._setup(datamap)
        self.out_dir = Path(out_dir) if out_dir else find_samples().parent / "reports" / "erasure"
        self.plan: Any = None
        self.result: Any = None
        self.report_paths: tuple[Path, Path] | None = None
        self.plan_button = w.Button(description="Plan erasure", icon="list", layout=wide())
        self.plan_button.add_class("pa-plan-button")
        self.confirm = w.Checkbox(value=False, description="I confirm: erase this subject's data for good", indent=False,
                                  layout=w.Layout(width="auto"))  # fmt: skip
        self.confirm.add_class("pa-confirm")
        self.apply_button = w.Button(description="Apply erasure", button_style="danger", icon="trash", disabled=True, layout=wide())
        self.apply_button.add_class("pa-apply-button")
        self.run_button = self.apply_button
        self.plan_view = w.VBox()
        self.plan_button.on_click(self.make_plan)
        self.apply_button.on_click(self.apply)
        self.subject.on_submit(self.make_plan)
        self.confirm.observe(lambda _c: self._arm(), names="value")
        super().__init__(
            [
                self.path,
                self.subject,
                self.plan_button,
                self.banner,
                self.progress,
                self.card,
                self.plan_view,
                w.HBox([self.confirm, self.apply_button]),
                self.output,
            ]
        )
        self.add_class("pa-erasure")

    def clear_results(self) -> None:
        """Remove the subject card, plan, confirmation and report links of an earlier request."""
        self.plan = None
        self.confirm.value = False
        self.confirm.description = "I confirm: erase this subject's data for good"
        self.banner.clear()
        self.card.clear()
        old, self.plan_view.children = self.plan_view.children, ()
        discard(*old)
        show_links(self.output, "")
        self.progress.reset()
        self._arm()

    def _arm(self) -> None:
        self.apply_button.disabled = not (self.plan is not None and self.plan.has_changes and self.confirm.value)

    @guarded
    def make_plan(self, _button: object = None) -> Any:
        """Plan the erasure (reads only) and show it under the subject card; any earlier
        confirmation is withdrawn and the earlier request's results leave the screen."""
        self.clear_results()
        self.progress.start(2, "resolving the subject")
        datamap, key, subject = self._resolve()
        self.progress.step("planning")
        plan = plan_erasure(datamap, subject, vault_key=key)
        frame = plan.to_frame()
        frame = frame[(frame["subject_rows"] > 0) | (frame["note"].astype(str) != "")] if "subject_rows" in frame else frame
        self._show_subject(subject, [str(d) for d in frame.loc[frame["subject_rows"] > 0, "dataset"]])
        self.plan = plan
        who = self.card.label or "this subject"
        self.confirm.description = f"I confirm: erase the data of {who} for good"
        totals = plan.totals()
        shared = (
            f"<p>Identifiers shared with another subject (left alone): {html.escape(', '.join(plan.shared_kinds))}</p>"
            if plan.shared_kinds
            else ""
        )
        self.plan_view.children = () if not plan.found else (
            w.HTML(
                f"<h4>Erasure plan for {html.escape(who)}</h4>"
                f"<p>delete {totals['delete_row']} rows, mask {totals['mask_columns']}, redact {totals['redact_spans']}, "
                f"destroy the key of {totals['crypto_shred']} (crypto-shred), keep {totals['keep']} "
                f"(with the reasons below)</p>{shared}"
            ),
            grid(frame),
        )
        self.progress.finish("plan ready")
        if not plan.found:
            self.banner.info("nothing is held for this identifier; nothing to erase")
        elif not plan.has_changes:
            self.banner.info("nothing to change: every row found is kept (see the reasons)")
        else:
            self.banner.info("review the plan; tick the confirmation and press Apply erasure to carry it out")
        self._arm()
        return plan

    @guarded(keep=True)
    def apply(self, _button: object = None) -> Any:
        """Apply the plan on screen (confirmation required), verify, and write the report."""
        if self.plan is None:
            raise InputError("plan the erasure first")
        if not self.confirm.value:
            raise InputError("tick the confirmation box first: erasure cannot be undone")
        if not self.plan.has_changes:
            raise InputError("the plan changes nothing")
        plan = self.plan
        datamap = self.datamap
        key = self._resolve_key(datamap)
        self.progress.start(3, "applying")
        self.plan = None  # consumed: a new erasure needs a new plan and a new confirmation
        self.confirm.value = False
        result = services.erase(datamap, plan, vault_key=key)  # apply, verify, record: as the CLI does
        ver = result.verification
        self.result = result
        self.progress.step("report")
        self.out_dir.mkdir(parents=True, exist_ok=True)
        jpath, hpath = write_erasure_report(build_erasure_report(result, datamap), self.out_dir / f"erasure-{plan.subject_ref[:24]}")
        self.report_paths = (jpath, hpath)
        show_links(self.output, f"<p>Erasure report: {file_link(hpath, 'open the report (HTML)', download=False)}"
                                f" &middot; {file_link(jpath, 'JSON')}</p>")  # fmt: skip
        self.plan_view.children = (w.HTML("<h4>Done</h4>"), grid(result.to_frame().drop(columns=["files"], errors="ignore")))
        self.progress.finish("done")
        if ver.ok:
            self.banner.info(f"erased and verified: no residual match outside the {ver.held} kept row(s); "
                             f"{len(result.files_written)} file(s) rewritten")  # fmt: skip
        else:
            self.banner.error(f"verification found {ver.residual} residual match(es); see the report")
        return result

    @staticmethod
    def _resolve_key(datamap: DataMap) -> bytes | None:
        return vault_key_for(datamap)


class RightsWidget(_SubjectTask):
    """Rectification (preview, confirm, apply, verify) and restriction of processing (preview, confirm, apply)."""

    def __init__(self, datamap: str | Path | None = None) -> None:
        self._setup(datamap)
        self.rectification: Any = None
        self.rectify_check: Any = None
        self.restriction: Any = None
        # rectify
        self.column = w.Text(description="column", placeholder="e.g. city")
        self.value = w.Text(description="new value")
        self.value.add_class("pa-rectify-value")
        self.dataset = w.Text(description="dataset", placeholder="optional: only this dataset")
        self.rectify_preview_button = w.Button(description="Preview correction", icon="eye",
                                               layout=w.Layout(width="auto"))  # fmt: skip
        self.rectify_confirm = w.Checkbox(value=False, description="I confirm these corrections", indent=False,
                                          layout=w.Layout(width="auto"))  # fmt: skip
        self.rectify_confirm.add_class("pa-rectify-confirm")
        self.rectify_preview_button.add_class("pa-rectify-preview")
        self.rectify_button = w.Button(description="Apply correction", button_style="warning", icon="pencil",
                                       disabled=True, layout=w.Layout(width="auto"))  # fmt: skip
        self.rectify_button.add_class("pa-rectify-button")
        self.rectify_view = w.VBox()
        # restrict
        self.scope = w.Text(value="all", description="scope")
        self.lift = w.Checkbox(value=False, description="lift instead of record", indent=False)
        self.reason = w.Text(description="reason", placeholder="optional, no personal data")
        self.restrict_preview_button = w.Button(description="Preview restriction", icon="eye",
                                                layout=w.Layout(width="auto"))  # fmt: skip
        self.restrict_confirm = w.Checkbox(value=False, description="I confirm this change", indent=False,
                                           layout=w.Layout(width="auto"))  # fmt: skip
        self.restrict_confirm.add_class("pa-restrict-confirm")
        self.restrict_button = w.Button(description="Apply restriction", button_style="warning", icon="ban",
                                        disabled=True, layout=w.Layout(width="auto"))  # fmt: skip
        self.restrict_button.add_class("pa-restrict-button")
        self.restrict_view = w.HTML()
        self.run_button = self.rectify_button

        self.rectify_preview_button.on_click(self.preview_rectification)
        self.rectify_button.on_click(self.apply_rectification)
        self.restrict_preview_button.on_click(self.preview_restriction)
        self.restrict_button.on_click(self.apply_restriction)
        self.rectify_confirm.observe(lambda _c: self._arm(), names="value")
        self.restrict_confirm.observe(lambda _c: self._arm(), names="value")
        for box in (self.column, self.value, self.dataset):
            box.observe(lambda _c: self._withdraw("rectify"), names="value")
        for box in (self.scope, self.lift, self.reason):
            box.observe(lambda _c: self._withdraw("restrict"), names="value")
        # the message appears under the buttons of the tab in use (one banner, shown in each tab)
        self.tabs = w.Tab(
            [
                w.VBox([w.HBox([self.column, self.value, self.dataset]), self.rectify_preview_button,
                        self.banner, self.rectify_view, w.HBox([self.rectify_confirm, self.rectify_button])]),
                w.VBox([w.HBox([self.scope, self.lift, self.reason]), self.restrict_preview_button,
                        self.banner, self.restrict_view, w.HBox([self.restrict_confirm, self.restrict_button])]),
            ]
        )  # fmt: skip
        self.tabs.set_title(0, "Rectify")
        self.tabs.set_title(1, "Restrict")
        self.subject.on_submit(self._submit)
        super().__init__([self.path, self.subject, self.card, self.tabs, self.progress, self.output])
        self.add_class("pa-rights")

    def _submit(self) -> None:
        if self.tabs.selected_index == 1:
            self.preview_restriction()
        else:
            self.preview_rectification()

    def _arm(self) -> None:
        rect = self.rectification
        self.rectify_button.disabled = not (
            rect is not None and rect.applied_at is None and rect.changes and self.rectify_confirm.value
        )
        res = self.restriction
        self.restrict_button.disabled = not (
            res is not None and res.audit_seq is None and res.action != "none" and self.restrict_confirm.value
        )

    def _withdraw(self, which: str) -> None:
        """The request changed: the previewed plan no longer applies."""
        if which == "rectify":
            self.rectification = None
            self.rectify_confirm.value = False
            old, self.rectify_view.children = self.rectify_view.children, ()
            discard(*old)
        else:
            self.restriction = None
            self.restrict_confirm.value = False
            self.restrict_view.value = ""
        self._arm()

    def clear_results(self) -> None:
        """Remove the subject card, previews and confirmations of an earlier request."""
        self.banner.clear()
        self.card.clear()
        self.rectify_check = None
        self._withdraw("rectify")
        self._withdraw("restrict")
        show_links(self.output, "")
        self.progress.reset()

    def _find(self) -> tuple[DataMap, bytes | None, Subject]:
        ctx = services.open_subject(self.datamap, self.subject.pairs())
        data = services.find_data(ctx) if ctx.subject.found else None
        held = [m.name for m in (*data.datasets, *data.registers) if m.records] if data is not None else []
        self._show_subject(ctx.subject, held)
        return ctx.datamap, ctx.vault_key, ctx.subject

    # -- rectification --------------------------------------------------------------------------

    @guarded
    def preview_rectification(self, _button: object = None) -> Any:
        """Plan the correction and show every cell it changes: the current value (masked) and,
        apart and labelled, the new value as typed."""
        self.clear_results()
        column = self.column.value.strip()
        if not column:
            raise InputError("enter the column to correct")
        datamap, key, subject = self._find()
        plan = plan_rectification(datamap, subject, {column: self.value.value},
                                  dataset=self.dataset.value.strip() or None, vault_key=key)  # fmt: skip
        self.rectification = plan
        who = self.card.label or "this subject"
        self.rectify_confirm.description = f"I confirm these corrections for {who}"
        frame = plan.to_frame().rename(columns={"old": "current value (masked)", "new": "new value (masked)"})
        frame = frame.drop(columns=["new value (masked)"])
        self.rectify_view.children = (
            w.HTML(
                f"<p><b>{len(plan.changes)}</b> cell(s) of column <b>{html.escape(column)}</b> to change, "
                f"{plan.unchanged} already correct.</p>"
                '<table style="border-collapse:collapse"><tr><th style="text-align:left;padding-right:1em">'
                "new value</th><td><code>" + html.escape(self.value.value) + "</code></td></tr></table>"
            ),
            grid(frame),
        )
        self.banner.info(f"{len(plan.changes)} cell(s) would change; tick the confirmation, then Apply correction")
        self._arm()
        return plan

    @guarded(keep=True)
    def apply_rectification(self, _button: object = None) -> Any:
        """Write the previewed corrections (confirmation required), then verify every cell."""
        if self.rectification is None:
            raise InputError("preview the correction first")
        if not self.rectify_confirm.value:
            raise InputError("tick the confirmation box first")
        if not self.rectification.changes:
            raise InputError("nothing to change: every cell already holds the new value")
        datamap = self.datamap
        outcome = services.rectify(datamap, self.rectification, vault_key=vault_key_for(datamap))
        done, check = outcome.applied, outcome.check
        self.rectification = done
        self.rectify_confirm.value = False
        self.rectify_check = check
        self._arm()
        if check.ok:
            self.banner.info(f"corrected and verified: {check.checked} cell(s) hold their new value")
        else:
            self.banner.error(f"verification failed: {len(check.mismatches)} cell(s) do not hold the new value")
        return done

    # -- restriction ----------------------------------------------------------------------------

    @guarded
    def preview_restriction(self, _button: object = None) -> Any:
        """Plan recording (or lifting) a restriction and show it."""
        self.clear_results()
        datamap, _key, subject = self._find()
        change = plan_restriction(datamap, subject, scope=self.scope.value, lift=self.lift.value,
                                  reason=self.reason.value.strip() or None)  # fmt: skip
        self.restriction = change
        who = self.card.label or "this subject"
        self.restrict_confirm.description = f"I confirm this change for {who}"
        what = {"add": f"record a restriction of scope {change.scope} in {change.register}",
                "lift": f"lift {change.rows_removed} restriction row(s) ({change.scope}) in {change.register}",
                "none": "nothing to change"}[change.action]  # fmt: skip
        self.restrict_view.value = (
            f"<p>restrictions now: {html.escape(', '.join(change.existing_scopes) or 'none')}</p>"
            f"<p>plan: {html.escape(what)}</p>"
        )
        self.banner.info(f"plan: {what}" + ("; tick the confirmation, then Apply restriction" if change.action != "none" else ""))
        self._arm()
        return change

    @guarded(keep=True)
    def apply_restriction(self, _button: object = None) -> Any:
        """Write the previewed restriction change (confirmation required)."""
        if self.restriction is None:
            raise InputError("preview the restriction first")
        if not self.restrict_confirm.value:
            raise InputError("tick the confirmation box first")
        if self.restriction.action == "none":
            raise InputError("nothing to change")
        done = services.restrict(self.datamap, self.restriction)
        self.restriction = done
        self.restrict_confirm.value = False
        self._arm()
        self.restrict_view.value += f"<p>applied: {html.escape(done.register)} updated</p>"
        self.banner.info(f"restriction {'lifted' if done.action == 'lift' else 'recorded'} ({done.scope}); "
                         f"audit log entry #{done.audit_seq}")  # fmt: skip
        return done
