"""Notebook 04: subject access export -- enter an identifier, preview, build and verify the bundle.

``ExportWidget(datamap=..., out_dir=...)``: ``.kind`` and ``.identifier`` name the data subject
(``.kind`` is one of email, phone, token, name, ip; repeat narrowing with ``.extra``, e.g.
``email=...``); ``.preview_button`` resolves the subject and shows, per dataset, what will be
exported (rows masked, a "reveal" list of rows); ``.build_button`` (also ``.run_button``) builds the
bundle with :func:`privacy_audit.access.build_bundle` (the same call as ``privacy-audit export``),
verifies it with :func:`~privacy_audit.access.verify_bundle`, and offers a download link.
``.result`` is the :class:`~privacy_audit.access.BundleResult`, ``.verification`` the check.
An optional password encrypts the bundle (scrypt + AES-256-GCM); it is never shown or stored.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from .. import services
from ..access import verify_bundle
from ..datamap import DataMap, load_datamap
from ..detect.headers import header_hints
from ..entities import entity_for_kind
from ..errors import InputError
from ..identifiers import singular
from ..masking import mask
from ..subjects import Subject, SubjectData, read_estate_frame
from ._common import (
    ErrorBanner,
    MaskedTable,
    Progress,
    SubjectCard,
    SubjectInput,
    discard,
    file_link,
    find_samples,
    grid,
    guarded,
    html_table,
    show_links,
    wide,
)

__all__ = ["ExportWidget", "example_identifier", "pii_columns_of", "mask_line"]



def example_identifier(datamap: DataMap, n: int = 0) -> tuple[str, str]:
    """A real subject of the estate, for demonstrations: the ``n``-th distinct subject key of the
    first dataset in processing that has one (so notebooks need not type an identifier)."""
    for ds in sorted(datamap.datasets, key=lambda d: not d.processing):
        if ds.subject_key and ds.path is not None:
            frame = read_estate_frame(datamap, ds)
            values = frame[ds.subject_key].dropna().astype(str).drop_duplicates() if ds.subject_key in frame else []
            if len(values) > n:
                return "token", str(values.iloc[n])
    raise InputError("no dataset with a subject key to take an example subject from")


def pii_columns_of(datamap: DataMap, dataset: str, rows: pd.DataFrame) -> dict[str, str | None]:
    """Columns of a dataset's rows to mask on screen: declared categories, declared free text,
    and identifier-looking column names (for registers and undeclared columns)."""
    pii: dict[str, str | None] = {}
    try:
        ds = datamap.dataset(dataset)
    except Exception:  # noqa: BLE001 - registers are not datasets
        ds = None
    if ds is not None:
        pii.update(ds.pii_columns)
        for col in ds.extra.get("free_text", []) or []:
            pii.setdefault(str(col), None)
    for col in rows.columns:
        hint = header_hints(col)  # the scanner's header vocabulary, every supported language
        if hint.entities:
            pii.setdefault(str(col), next(iter(hint.entities)))
    return {c: e for c, e in pii.items() if c in rows.columns}


def mask_line(line: str, subject: Subject) -> str:
    """A log line with the subject's identifiers (and any IPv4 address) masked."""
    out = line
    for plural, values in subject.identifiers.items():
        entity = entity_for_kind(singular(plural))
        if entity is None:
            continue
        for value in sorted(values, key=len, reverse=True):
            if value and value in out:
                out = out.replace(value, mask(value, entity))
    return re.sub(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", lambda m: mask(m.group(0), "IP_ADDRESS"), out)


class ExportWidget(w.VBox):
    """Subject access request: find the subject, preview per dataset, build and verify the bundle."""

    def __init__(
        self,
        datamap: str | Path | None = None,
        *,
        out_dir: str | Path | None = None,
        kind: str = "email",
        identifier: str = "",
        max_rows: int = 20,
    ) -> None:
        path = Path(datamap) if datamap else find_samples() / "datamap.yaml"
        self.out_dir = Path(out_dir) if out_dir else find_samples().parent / "reports" / "bundles"
        self.max_rows = max_rows
        self.subject: Subject | None = None
        self.data: SubjectData | None = None
        self.result: Any = None
        self.verification: Any = None
        self.tables: dict[str, MaskedTable] = {}
        self.last_exception: BaseException | None = None
        self._datamap: DataMap | None = None

        self.path = w.Text(value=str(path), description="data map", layout=w.Layout(width="60%"))
        self.subject_input = SubjectInput(kind, identifier)
        self.kind, self.identifier, self.extra = self.subject_input.kind, self.subject_input.identifier, self.subject_input.extra
        self.password = w.Password(value="", description="password", placeholder="optional: encrypt the bundle")
        self.preview_button = w.Button(description="Preview", icon="eye", layout=wide())
        self.preview_button.add_class("pa-preview-button")
        self.build_button = w.Button(description="Build bundle", button_style="primary", icon="file-archive", layout=wide())
        self.build_button.add_class("pa-build-button")
        self.run_button = self.build_button
        self.open_button = w.Button(description="Open bundle", icon="folder-open", layout=wide(), disabled=True,
                                    tooltip="check the last bundle and unpack it into a folder (type its password)")
        self.open_button.add_class("pa-open-button")
        self.opened: Any = None
        self.banner = ErrorBanner()
        self.banner.add_class("pa-banner")
        self.progress = Progress()
        self.card = SubjectCard()
        self.summary = w.VBox()
        self.preview = w.Accordion()
        self.download = w.HTML()
        self.download.add_class("pa-download-area")
        self.output = w.Output()

        self.preview_button.on_click(self.show_preview)
        self.build_button.on_click(self.build)
        self.open_button.on_click(self.open_bundle)
        self.subject_input.on_submit(self.show_preview)
        self.subject_input.on_change(self.clear_results)
        super().__init__(
            [
                self.path,
                self.subject_input,
                w.HBox([self.password, self.preview_button, self.build_button, self.open_button]),
                self.banner,
                self.progress,
                self.card,
                self.download,
                self.output,
                self.summary,
                self.preview,
            ]
        )
        self.add_class("pa-export")

    def clear_results(self) -> None:
        """Remove everything an earlier request put on screen: subject card, preview, bundle link."""
        self.subject = self.data = None
        self.result = self.verification = self.opened = None
        self.open_button.disabled = True
        self.tables = {}
        self.banner.clear()
        self.card.clear()
        old = (*self.summary.children, *self.preview.children)
        self.summary.children = ()
        self.preview.children = ()
        discard(*old)
        self.download.value = ""
        show_links(self.output, "")
        self.progress.reset()

    @property
    def datamap(self) -> DataMap:
        """The loaded data map (loaded on first use)."""
        if self._datamap is None or str(self._datamap.path) != str(Path(self.path.value)):
            self._datamap = load_datamap(self.path.value)
        return self._datamap

    def _context(self) -> services.SubjectContext:
        self.clear_results()
        self.progress.start(3, "resolving the subject")
        # an ambiguous identifier raises with the (masked) candidates in its message: the banner wraps
        return services.open_subject(self.datamap, self.subject_input.pairs())

    def _find(self) -> SubjectData:
        ctx = self._context()
        self.progress.step("collecting their data")
        data = services.find_data(ctx)
        self.progress.step("preview")
        self.subject, self.data = ctx.subject, data
        self._show_card(data)
        return data

    def _show_card(self, data: SubjectData) -> None:
        self.card.show(data.subject, [m.name for m in (*data.datasets, *data.registers) if m.records])
        if data.subject.found:
            self.subject_input.forget(self.card.label)  # the raw identifier leaves the page

    @guarded
    def show_preview(self, _button: object = None) -> SubjectData:
        """Resolve the subject and show what the bundle will hold, per dataset (masked)."""
        data = self._find()
        self._render_preview(data)
        self.progress.finish("preview ready")
        if not data.subject.found:
            self.banner.info("no data subject matches this identifier: the bundle will be empty (and say so)")
        else:
            self.banner.info(f"subject {data.subject.ref}: {data.total_records} records in {self._held(data)} datasets")
        return data

    @staticmethod
    def _held(data: SubjectData) -> int:
        return sum(1 for m in data.datasets if m.records)

    def _render_preview(self, data: SubjectData) -> None:
        counts = data.to_frame()
        self.summary.children = (w.HTML("<h4>What will be exported</h4>"), grid(counts))
        children, titles, self.tables = [], [], {}
        for match in (*data.datasets, *data.registers):
            if not match.records:
                continue
            if match.log_lines:
                lines = [mask_line(line, data.subject) for line in match.log_lines[: self.max_rows]]
                more = len(match.log_lines) - len(lines)
                child = w.HTML(
                    "<pre style='font-size:11px'>" + html.escape("\n".join(lines)) + "</pre>"
                    + (f"<i>{more} more lines</i>" if more > 0 else "")
                )
            else:
                table = MaskedTable(
                    match.rows, pii_columns_of(self.datamap, match.name, match.rows), max_rows=self.max_rows,
                    scrub=lambda text, subject=data.subject: mask_line(text, subject),
                )
                self.tables[match.name] = table
                child = table
            children.append(child)
            titles.append(f"{match.name} ({match.kind}): {match.records} record{'' if match.records == 1 else 's'}")
        self.preview.children = children
        for i, title in enumerate(titles):
            self.preview.set_title(i, title)

    @guarded
    def build(self, _button: object = None) -> Any:
        """Build the bundle into ``out_dir``, verify every hash in it, and offer a download link."""
        ctx = self._context()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        password = self.password.value or None
        suffix = ".zip.enc" if password else ".zip"
        out = self.out_dir / f"subject-access-{ctx.subject.ref[:24]}{suffix}"
        self.progress.step("building the bundle")
        outcome = services.export_subject(ctx, out, password=password)  # the same call as `privacy-audit export`
        result, data = outcome.bundle, outcome.data
        self.subject, self.data = ctx.subject, data
        self._show_card(data)
        self.password.value = ""  # never kept in the page
        self._render_preview(data)
        self.progress.step("verifying")
        check = verify_bundle(out, password=password)
        self.result, self.verification = result, check
        self.progress.finish("done")
        state = "verified" if check.ok else "FAILED verification"
        protection = "encrypted with the password" if result.encryption == "password" else "not encrypted"
        self.download.value = (
            f"<p>Bundle {state} ({check.files_checked} files checked, {protection}, "
            f"{result.total_records} records): <code>{html.escape(str(out))}</code></p>"
            + ("" if check.ok else html_table(pd.DataFrame(check.problems, columns=["file", "problem"])))
        )
        # The link goes through the Output area: JupyterLab resolves relative links there to /files/...
        show_links(self.output, f"<p>Download: {file_link(out)}</p>")
        if not check.ok:
            self.banner.error(f"bundle written but verification failed: {len(check.problems)} problems")
        elif not result.found:
            self.banner.info(f"no data subject matches: empty bundle {out.name} written and verified")
        else:
            self.banner.info(f"bundle {out.name} written and verified: {result.total_records} records")
        self.open_button.disabled = False
        return result

    @guarded(keep=True)
    def open_bundle(self, _button: object = None) -> Any:
        """Check the last bundle built here and unpack it into a new folder beside it, as the person
        would with ``privacy-audit open-bundle``; link its ``index.html``. An encrypted bundle needs its
        password typed again (it is never kept)."""
        if self.result is None:
            raise InputError("build a bundle first, then open it")
        bundle = Path(self.result.path)
        password = self.password.value or None
        if self.result.encryption == "password" and password is None:
            raise InputError("type the bundle's password in the password box to open it")
        stem = bundle.name.split(".", 1)[0]
        folder, n = bundle.parent / f"{stem}-opened", 1
        while folder.exists():
            n += 1
            folder = bundle.parent / f"{stem}-opened-{n}"
        self.progress.step("checking and unpacking the bundle")
        opened = services.open_bundle(bundle, folder, password=password)
        self.password.value = ""  # never kept in the page
        self.opened = opened
        self.progress.finish("done")
        show_links(self.output, f"<p>Download: {file_link(bundle)} · Opened: {file_link(opened.index)}</p>")
        self.banner.info(f"bundle checked and unpacked into {folder.name}: {len(opened.files)} files; "
                         "open index.html to read it as the person will")  # fmt: skip
        return opened
