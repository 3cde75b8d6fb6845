"""The workbench as an auditor meets it, in a real browser (issue 19, items 1-4 and 7).

JupyterLab serves a temporary copy of notebooks/ and data_samples/ (browser_fixtures.py); Playwright
drives Debian's /usr/bin/chromium. Every notebook is run cell by cell, then used as a person would.
Each of the issue's items is checked on its own and its failures are collected (a notebook whose run
fails, or an item that fails, does not stop the others from being checked); the test fails at the
end with every failure listed per item (also written to tests/artifacts/browser_items.txt):

* item 1 (04, 05): after a subject's bundle, an unknown identifier leaves nothing of that subject
  on screen; a new erasure plan withdraws the previous subject's report link, and an identifier
  that matches no one leaves nothing of the previous plan.
* item 2 (04): an error turns the banner red, leaves no green bar and nothing of the last run.
* item 3 (05): the rectification preview and the erasure plan show whom they change (masked), the
  typed new value is shown as typed, the confirmation names the subject, and every Apply button
  stays disabled until its box is ticked.
* item 4 (02, 06): the RoPA link is the server's ``/files/...`` URL and serves the CSV itself; the
  report's HTML link opens the report (no ``download``) from ``/files/``.
* item 7: every widget renders (no "Loading widget..." placeholder).

The widgets are found by what a person sees (button captions, field labels, link targets), so the
test also runs on code from before issue 19 and fails there for the defects themselves.
Screenshots of each notebook after its run, in the light and the dark theme, are kept in
tests/artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from browser_fixtures import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    LONG,
    STACKS_MARK,
    Kernel,
    LabServer,
    accept_kernel_dialog,
    lab_server,
    run_every_cell,
    text_of,
)

from privacy_audit.masking import mask

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}
ITEMS = {
    "run": "every notebook runs, no error in any output",
    "1": "item 1: no stale results under a new request (04, 05)",
    "2": "item 2: an error leaves nothing of the last run and no green bar (04)",
    "3": "item 3: the subject is shown before irreversible steps; Apply disabled until confirmed (05)",
    "4": "item 4: links that work (02 RoPA from /files/, 06 HTML report opens)",
    "7": "item 7: every widget renders",
    "18": "issue 18: no raw identifier in the saved notebook (04)",
}
UNKNOWN = "nobody.here@unknown.test"


class Verdicts:
    """Checks per item: soft expectations and guarded steps, failures collected, not raised."""

    def __init__(self) -> None:
        self.checked = {k: 0 for k in ITEMS}
        self.failures: dict[str, list[str]] = {k: [] for k in ITEMS}

    def expect(self, item: str, ok: bool, message: str) -> bool:
        """Record one check of ``item``; ``message`` is kept when it failed."""
        self.checked[item] += 1
        if not ok:
            self.failures[item].append(message)
        return ok

    @contextmanager
    def step(self, item: str, what: str) -> Iterator[None]:
        """Run a block of actions for ``item``; an exception in it is recorded as that item's failure."""
        try:
            yield
        except Exception as exc:  # noqa: BLE001 - collected and reported at the end of the test
            text = str(exc)
            head, mark, stacks = text.partition(STACKS_MARK)  # a hang's thread stacks are kept whole
            lines = [ln for ln in head.splitlines() if ln.strip()][:4]
            self.expect(item, False, f"{what}: {type(exc).__name__}: " + " | ".join(lines)
                        + (f"\n{mark}{stacks}" if mark else ""))  # fmt: skip

    def count(self) -> int:
        return sum(len(v) for v in self.failures.values())

    def report(self) -> str:
        out = []
        for item, title in ITEMS.items():
            failed = self.failures[item]
            state = "FAILED" if failed else ("passed" if self.checked[item] else "NOT CHECKED")
            out.append(f"{title}: {state} ({self.checked[item]} checks, {len(failed)} failed)")
            out.extend(f"    - {m}" for m in failed)
        return "\n".join(out)


def _widget(page, button: str):
    """The output of the notebook cell whose widget has a button captioned ``button``."""
    cell = page.locator(".jp-Notebook .jp-CodeCell").filter(has=page.locator(f"button:has-text('{button}')"))
    return cell.locator(".jp-OutputArea-output").first


def _text(locator) -> str:
    return " ".join(locator.all_text_contents())  # textContent: also what is not painted


def _around(text: str, needle: str, width: int = 90) -> str:
    i = text.find(needle)
    return repr(text[max(i - 10, 0) : i + len(needle) + width]) if i >= 0 else "(absent)"


def _button(widget, caption: str):
    return widget.locator(f"button:has-text('{caption}')").first


def _turns_enabled(kernel: Kernel, button) -> bool:
    """Whether ``button`` is enabled once the kernel has answered a tick (a round trip away)."""
    try:
        kernel.until(button.is_enabled, "the button enabled", settle=30)
    except AssertionError:
        return False
    return True


def _field(widget, label: str):
    return widget.locator(f".widget-text:has(label:text-is('{label}')) input").first


def _open(page, server: LabServer, notebook: str) -> Kernel:
    """Open ``notebook`` on a kernel started beforehand (no kernel dialog); return that kernel."""
    kernel = Kernel(server, server.start_kernel(notebook))
    page.goto(server.lab_url(notebook))
    page.wait_for_selector(".jp-Notebook .jp-CodeCell .jp-InputArea-editor")
    kernel.attached(
        page.locator(".jp-StatusBar-Widget :text-matches('\\| Idle')"), "the kernel idle in the status bar"
    )
    return kernel


def _theme(page, name: str) -> None:
    page.evaluate(
        "t => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})", THEMES[name]
    )
    page.wait_for_function("t => document.body.dataset.jpThemeName === t", arg=THEMES[name])
    page.wait_for_timeout(500)  # let the new stylesheet paint before the picture (not a wait for work)


def _screenshots(page, stem: str) -> None:
    """The whole notebook, top to bottom, in each theme (and its text, for a reader to search).

    JupyterLab scrolls inside its notebook panel, so a full-page picture of a fixed window cuts a
    long notebook: the window is made as tall as the notebook for the pictures.
    """
    size = page.viewport_size
    height = page.evaluate(  # the bottom of the last cell, the panel scrolled to the top
        "() => { const o = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');"
        " if (!o) return 0; o.scrollTop = 0; const cells = o.querySelectorAll('.jp-Cell');"
        " return cells.length ? cells[cells.length - 1].getBoundingClientRect().bottom : o.scrollHeight; }"
    )
    page.set_viewport_size(
        {"width": size["width"], "height": max(size["height"], min(int(height) + 120, 16_000))}
    )
    try:
        (ARTIFACTS / f"{stem}.txt").write_text(page.locator(".jp-Notebook").inner_text())
        for name in THEMES:
            _theme(page, name)
            page.screenshot(path=str(ARTIFACTS / f"{stem}-{name}.png"), full_page=True)
        _theme(page, "light")
    finally:
        page.set_viewport_size(size)


def _save(page, root: Path, notebook: str) -> str:
    before = (root / notebook).stat().st_mtime_ns
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    deadline = time.monotonic() + 30
    while (root / notebook).stat().st_mtime_ns == before:
        assert time.monotonic() < deadline, "the notebook was not saved"
        time.sleep(0.2)
    return (root / notebook).read_text()


def _check_datamap(page, kernel: Kernel, v: Verdicts) -> None:
    """Item 4: the RoPA link is /files/... and downloads the CSV itself."""
    with v.step("4", "02 RoPA link"):
        page.locator(".lm-TabBar-tab:has-text('RoPA')").first.click()
        link = page.locator(".jp-Notebook a:has-text('ropa.csv')").first
        link.wait_for(state="attached")
        href = link.evaluate("a => a.href")  # where the browser goes, relative links resolved
        v.expect(
            "4",
            "/files/reports/ropa.csv" in href and "/lab/tree/" not in href,
            f"02: the RoPA link resolves to {href.split('?')[0]!r}, not the server's /files/reports/ropa.csv",
        )
        body = page.request.get(href).body()
        v.expect("4", body == (kernel.server.root / "reports" / "ropa.csv").read_bytes(),
                 f"02: the RoPA link serves {len(body)} bytes starting {body[:40]!r}, not ropa.csv")  # fmt: skip
        page.locator(".lm-TabBar-tab:has-text('Datasets')").first.click()


def _check_export(page, kernel: Kernel, v: Verdicts) -> None:
    """Items 1-2 (and issue 18): no stale result, errors clear the screen, no raw identifier saved."""
    root = kernel.server.root
    users = pd.read_csv(root / "data_samples" / "exports" / "users_backup.csv", dtype=str)
    widget = _widget(page, "Build bundle")
    person = users.iloc[-3]
    masked = mask(person["email"], "EMAIL_ADDRESS")
    with v.step("1", "04 unknown identifier after a bundle"):
        first = sorted((root / "reports" / "bundles").glob("subject-access-*"))[0].name  # the notebook's own
        assert first in _text(widget), f"precondition: the notebook's bundle {first} is not on screen"
        widget.locator(".pa-subject-kind select").select_option("email")
        widget.locator(".pa-subject-id input").fill(UNKNOWN)
        _button(widget, "Preview").click()
        kernel.attached(widget.locator(".pa-banner").filter(has_text="no data subject matches"))
        shown = _text(widget)
        v.expect("1", first not in shown and "Bundle verified" not in shown,
                 f"04: under 'no data subject matches', the previous subject's bundle stays on screen: "
                 f"{_around(shown, 'Bundle verified' if 'Bundle verified' in shown else first)}")  # fmt: skip
    with v.step("2", "04 an error after a built bundle"):
        widget.locator(".pa-subject-kind select").select_option("email")
        widget.locator(".pa-subject-id input").fill(person["email"])
        _button(widget, "Build bundle").click()
        kernel.attached(widget.locator(".pa-banner").filter(has_text="written and verified"))
        built = widget.locator("a[href*='subject-access-']").first.inner_text().strip()
        assert built.startswith("subject-access-"), f"precondition: no bundle link after building ({built!r})"
        _field(widget, "data map").fill(str(root / "data_samples" / "missing.yaml"))
        _button(widget, "Build bundle").click()  # the map is gone: an error
        kernel.attached(widget.locator(".pa-banner .pa-error"))
        shown = _text(widget)
        stale = [s for s in ("written and verified", "Bundle verified", built, masked) if s in shown]
        v.expect("2", not stale, f"04: under the error, the last run stays on screen: {stale} "
                                 f"({_around(shown, stale[0]) if stale else ''})")  # fmt: skip
        v.expect(
            "2",
            widget.locator(".pa-banner .pa-info").count() == 0,
            "04: a green banner stays beside the error",
        )
        v.expect(
            "2",
            widget.locator(".progress-bar-success").count() == 0,
            "04: the progress bar turns green (success) although the build failed",
        )
    with v.step("18", "04 saved widget state"):
        saved = _save(page, root, "notebooks/04_subject_access_export.ipynb")
        state = json.loads(saved)["metadata"].get("widgets", {})
        models = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
        assert len(models) > 20 and "missing.yaml" in saved, (
            "widget state was not saved: the check would mean nothing"
        )
        v.expect("18", person["email"] not in saved, "04: the saved notebook holds the raw e-mail typed")
        v.expect(
            "18", not any(t in saved for t in users["user_token"]), "04: the saved notebook holds a raw token"
        )


def _check_erasure(page, kernel: Kernel, v: Verdicts) -> None:
    """Items 1 and 3: subject card, confirmation naming the subject, Apply disabled until ticked,
    a new request withdraws the previous one's plan and report link."""
    users = pd.read_csv(kernel.server.root / "data_samples" / "exports" / "users_backup.csv", dtype=str)
    with_city = users[users["city"].notna() & users["email"].notna()]
    rights = _widget(page, "Apply correction")
    with v.step("3", "05 rectification"):
        for caption in ("Apply correction", "Apply restriction"):  # the notebook's own run is done
            v.expect(
                "3",
                _button(rights, caption).is_disabled(),
                f"05: '{caption}' is enabled with no new preview and no confirmation ticked",
            )
        person = with_city.iloc[-4]
        masked = mask(person["email"], "EMAIL_ADDRESS")
        rights.locator(".pa-subject-kind select").select_option("email")
        rights.locator(".pa-subject-id input").fill(person["email"])
        _field(rights, "column").fill("city")
        _field(rights, "new value").fill("Another City")
        _button(rights, "Preview correction").click()
        kernel.attached(rights.locator(".pa-banner").filter(has_text="would change"))
        shown = _text(rights)
        v.expect("3", masked in shown, f"05: the rectification preview does not show whom it changes "
                                       f"(masked e-mail {masked!r} not on screen)")  # fmt: skip
        v.expect("3", "Another City" in shown, "05: the rectification preview masks the new value just typed")
        v.expect(
            "3",
            _button(rights, "Apply correction").is_disabled(),
            "05: 'Apply correction' is enabled before the confirmation is ticked",
        )
        rights.locator(".widget-checkbox:has-text('I confirm these corrections') input").first.check()
        v.expect(
            "3",
            _turns_enabled(kernel, _button(rights, "Apply correction")),
            "05: 'Apply correction' stays disabled once ticked",
        )

    erasure = _widget(page, "Plan erasure")
    person = users.iloc[-5]
    masked = mask(person["email"], "EMAIL_ADDRESS")
    reports = erasure.locator("a[href*='erasure-']")
    with v.step("1", "05 a new erasure plan after an erasure"):
        assert reports.count() > 0, "precondition: the notebook's erasure report link is not on screen"
        erasure.locator(".pa-subject-kind select").select_option("email")
        erasure.locator(".pa-subject-id input").fill(person["email"])
        _button(erasure, "Plan erasure").click()
        kernel.attached(erasure.locator(".pa-banner").filter(has_text="review the plan"))
        v.expect("1", reports.count() == 0, f"05: the previous subject's erasure report stays linked under a new plan "
                                            f"({reports.first.get_attribute('href') if reports.count() else ''})")  # fmt: skip
    with v.step("3", "05 erasure plan"):
        shown = _text(erasure)
        heading = re.search(r"Erasure plan for \S+", shown)
        v.expect("3", masked in shown, f"05: the erasure plan does not show whom it erases (masked e-mail {masked!r} "
                                       f"not on screen; headed {heading.group(0) if heading else None!r})")  # fmt: skip
        confirm = erasure.locator(".widget-checkbox:has-text('I confirm') ").first
        label = confirm.inner_text().strip()
        v.expect("3", masked in label, f"05: the confirmation does not name the subject: {label!r}")
        v.expect(
            "3",
            _button(erasure, "Apply erasure").is_disabled(),
            "05: 'Apply erasure' is enabled before the confirmation",
        )
        confirm.locator("input").check()
        v.expect(
            "3",
            _turns_enabled(kernel, _button(erasure, "Apply erasure")),
            "05: 'Apply erasure' stays disabled once ticked",
        )
    with v.step("1", "05 an identifier that matches no one after a plan"):
        ref = re.search(r"sref_[0-9a-f]{8,}", _text(erasure))
        erasure.locator(".pa-subject-id input").fill(UNKNOWN)
        _button(erasure, "Plan erasure").click()
        kernel.attached(erasure.locator(".pa-banner").filter(has_text=re.compile("nothing is held|error")))
        shown = _text(erasure)
        stale = [s for s in (masked, ref.group(0)[:24] if ref else None) if s and s in shown]
        v.expect(
            "1", not stale, f"05: after an identifier that matches no one, the previous plan stays: {stale}"
        )
        v.expect(
            "3",
            _button(erasure, "Apply erasure").is_disabled(),
            "05: 'Apply erasure' is enabled with no plan",
        )


def _check_report(page, kernel: Kernel, v: Verdicts) -> None:
    """Item 4: the report's HTML link opens the report from /files/ (no download attribute)."""
    with v.step("4", "06 the report's HTML link"):
        link = page.locator(".jp-Notebook a[href*='compliance_report.html']").first
        link.wait_for(state="attached")
        href = link.evaluate("a => a.href")
        download = link.get_attribute("download")
        v.expect(
            "4",
            download is None,
            f"06: the report's HTML link downloads (download={download!r}) instead of opening",
        )
        v.expect(
            "4",
            "/files/reports/compliance_report.html" in href,
            f"06: the HTML link goes to {href.split('?')[0]!r}",
        )
        answer = page.request.get(href)
        v.expect("4", answer.ok and "text/html" in answer.headers.get("content-type", "")
                 and answer.body() == (kernel.server.root / "reports" / "compliance_report.html").read_bytes(),
                 f"06: the HTML link answers {answer.status} {answer.headers.get('content-type')!r}, not the report")  # fmt: skip


CHECKS = {
    "02_data_map": _check_datamap,
    "04_subject_access_export": _check_export,
    "05_erasure_and_rights": _check_erasure,
    "06_compliance_report": _check_report,
}


def test_every_notebook_runs_and_behaves_in_jupyterlab(lab_server: LabServer) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    for stale in (
        *ARTIFACTS.glob("failure-*.png"),
        ARTIFACTS / "browser_items.txt",
        ARTIFACTS / "workbench_server.log",
    ):
        stale.unlink(missing_ok=True)
    notebooks = sorted(p.name for p in (lab_server.root / "notebooks").glob("*.ipynb"))
    assert len(notebooks) >= 8
    v = Verdicts()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # tall enough that a whole notebook is in the picture (JupyterLab scrolls inside its panel)
            page = browser.new_page(viewport={"width": 1400, "height": 3200})
            page.set_default_timeout(LONG)
            accept_kernel_dialog(page)
            for name in notebooks:
                stem = Path(name).stem
                notebook = f"notebooks/{name}"
                failed_before = v.count()
                kernel = _open(page, lab_server, notebook)
                try:
                    with v.step("run", stem):
                        run_every_cell(page, lab_server, kernel.session, notebook)
                        v.expect("run", True, "")  # counted once, as a failure when the run raised
                    check = CHECKS.get(stem)
                    if check is not None:
                        check(page, kernel, v)  # on the notebook as it ran, even when a cell failed
                    v.expect("7", page.locator("text=Loading widget...").count() == 0,
                             f"{stem}: a widget stays 'Loading widget...'")  # fmt: skip
                    if v.count() > failed_before:
                        page.screenshot(path=str(ARTIFACTS / f"failure-{stem}.png"), full_page=True)
                    _screenshots(page, f"notebook-{stem}")
                finally:
                    page.goto("about:blank")  # leave the notebook before its kernel goes
                    lab_server.stop_kernel(kernel.session)  # one kernel at a time on a 2-core machine
        finally:
            if v.count():
                (ARTIFACTS / "workbench_server.log").write_bytes(lab_server.log.read_bytes())
            browser.close()
    (ARTIFACTS / "browser_items.txt").write_text(v.report() + "\n")
    for item in ("1", "2", "3", "4"):
        assert v.checked[item], f"{ITEMS[item]}: never checked"
    assert not v.count(), "\n" + v.report()
    for name in notebooks:
        for theme in THEMES:
            assert (ARTIFACTS / f"notebook-{Path(name).stem}-{theme}.png").stat().st_size > 10_000
