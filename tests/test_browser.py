"""End to end in a real browser: JupyterLab + headless Chromium run notebook 04 and build a bundle.

JupyterLab serves a temporary copy of notebooks/ and data_samples/ (see browser_fixtures.py);
Playwright drives Debian's /usr/bin/chromium (never a downloaded browser). The test runs every cell,
types a subject's identifier into the widget, clicks "Build bundle", and checks that a new bundle
appears on disk, verifies, and that the widget area rendered (no "Loading widget..." placeholder).
A screenshot is kept in tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from browser_fixtures import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    LONG,
    Kernel,
    LabServer,
    accept_kernel_dialog,
    lab_server,
    run_every_cell,
    text_of,
)

from privacy_audit.access import verify_bundle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
NOTEBOOK = "notebooks/04_subject_access_export.ipynb"


def _new_bundle(folder: Path, before: set[Path]) -> Path | None:
    new = sorted(set(folder.glob("*.zip")) - before) if folder.exists() else []
    return new[0] if new else None


def test_notebook_04_builds_a_bundle_in_jupyterlab(lab_server: LabServer) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    root = lab_server.root
    bundles = root / "reports" / "bundles"
    users = pd.read_csv(root / "data_samples" / "exports" / "users_backup.csv", dtype=str)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "browser_04_subject_access_export.png"
    for stale in ("browser_04_failure.png", "browser_04_server.log"):
        (ARTIFACTS / stale).unlink(missing_ok=True)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = None
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.set_default_timeout(LONG)
            # the kernel is started before the page opens: JupyterLab joins that session instead of
            # choosing a kernel itself, so no "Select Kernel" dialog can come up on a slow machine
            kernel = Kernel(lab_server, lab_server.start_kernel(NOTEBOOK))
            accept_kernel_dialog(page)  # and should JupyterLab still ask, its own proposal is taken
            page.goto(lab_server.lab_url(NOTEBOOK))
            page.wait_for_selector(".jp-Notebook")
            # the kernel must be up before the first cell runs
            page.wait_for_selector(".jp-Notebook .jp-CodeCell .jp-InputArea-editor")
            kernel.attached(page.locator(".jp-StatusBar-Widget :text-matches('\\| Idle')"), "the kernel idle")
            _dismiss_toasts(page)
            run_every_cell(page, lab_server, kernel.session, NOTEBOOK)
            first = _new_bundle(bundles, set())  # the notebook's own build of the example subject
            assert first is not None, f"the notebook built no bundle in {bundles}"
            page.wait_for_selector(".pa-build-button")
            outputs = text_of(page, ".jp-OutputArea-output")
            assert "Traceback" not in outputs and not re.search(r"\b[A-Z]\w*Error\b", outputs), outputs[
                -2000:
            ]
            assert first.name in outputs  # the last cell printed the bundle's name: every assert passed

            # now a person types another subject's e-mail (not the example subject's) and clicks the button
            example = pd.read_csv(root / "data_samples" / "marketing" / "audience_export.csv", dtype=str)
            row = users[users["user_token"] != example["user_token"].iloc[0]].iloc[-1]
            page.select_option(".pa-subject-kind select", "email")
            page.fill(".pa-subject-id input", row["email"])
            before = set(bundles.glob("*.zip"))
            page.click(".pa-build-button")
            bundle = kernel.until(lambda: _new_bundle(bundles, before), "a new bundle after the click")
            kernel.attached(page.locator(f".pa-banner:has-text('{bundle.name} written and verified')"), "the banner")
            # attached, not "visible": JupyterLab may skip painting cells scrolled out of view
            kernel.attached(page.locator(f".jp-OutputArea-output a.pa-download:has-text('{bundle.name}')"), "the link")

            # the widget area rendered for real: no placeholder, the controls are on screen
            assert page.locator("text=Loading widget...").count() == 0
            assert page.locator(".pa-build-button").is_visible()
            href = page.locator(f"a.pa-download:has-text('{bundle.name}')").last.get_attribute("href")
            page.screenshot(path=str(shot), full_page=True)
            # the download link JupyterLab resolved serves exactly the bundle on disk
            assert f"/files/reports/bundles/{bundle.name}" in href
            downloaded = page.request.get(href)
            assert downloaded.ok and downloaded.body() == bundle.read_bytes()
            lab_server.stop_kernel(kernel.session)
        except BaseException:
            if page is not None:  # keep what the page looked like, and the server's log, for whoever debugs
                page.screenshot(path=str(ARTIFACTS / "browser_04_failure.png"), full_page=True)
            (ARTIFACTS / "browser_04_server.log").write_bytes(lab_server.log.read_bytes())
            raise
        finally:
            browser.close()

    assert shot.stat().st_size > 10_000
    check = verify_bundle(bundle)
    assert check.ok, check.problems
    assert "email" in str(check.manifest["subject"]) and row["email"] not in str(check.manifest["subject"])
    assert check.manifest["datasets"] and sum(d["records"] for d in check.manifest["datasets"]) > 0


def _dismiss_toasts(page) -> None:
    for button in page.locator(".jp-toast-button:has-text('No'), .Toastify__close-button").all():
        try:
            button.click(timeout=2000)
        except Exception:  # noqa: BLE001 - a toast that went away on its own is fine
            pass
