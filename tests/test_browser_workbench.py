"""The workbench as an auditor meets it, in a real browser (issue 19, items 1-4 and 7).

JupyterLab serves a temporary copy of notebooks/ and data_samples/ (browser_fixtures.py); Playwright
drives Debian's /usr/bin/chromium. Every notebook is run cell by cell, then used as a person would:

* 02: the RoPA download link is the server's ``/files/...`` URL and serves the CSV itself (not
  JupyterLab's page).
* 04: after a subject's bundle, an unknown identifier leaves nothing of that subject on screen; an
  error turns the banner red and removes the last result; the saved notebook's widget state holds no
  raw identifier.
* 05: the subject card (masked) heads the erasure plan and the rectification, the confirmation
  names the subject, and every Apply button stays disabled until the box is ticked; a new identifier
  withdraws the previous subject's plan and report link.
* 06: the report's HTML link opens the report (served from ``/files/``, no ``download``).

Screenshots of each notebook after its run, in the light and the dark theme, are kept in
tests/artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest
from browser_fixtures import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    LONG,
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


def _open(page, server: LabServer, notebook: str) -> str:
    """Open ``notebook`` on a kernel started beforehand (no kernel dialog); return the session id."""
    session = server.start_kernel(notebook)
    page.goto(server.lab_url(notebook))
    page.wait_for_selector(".jp-Notebook .jp-CodeCell .jp-InputArea-editor")
    page.wait_for_selector(".jp-StatusBar-Widget :text-matches('\\| Idle')")
    return session


def _theme(page, name: str) -> None:
    page.evaluate(
        "t => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})", THEMES[name]
    )
    page.wait_for_function("t => document.body.dataset.jpThemeName === t", arg=THEMES[name])
    page.wait_for_timeout(500)  # let the new stylesheet paint before the picture (not a wait for work)


def _screenshots(page, stem: str) -> None:
    for name in THEMES:
        _theme(page, name)
        page.screenshot(path=str(ARTIFACTS / f"{stem}-{name}.png"), full_page=True)
    _theme(page, "light")


def _save(page, root: Path, notebook: str) -> str:
    before = (root / notebook).stat().st_mtime_ns
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    deadline = time.monotonic() + 30
    while (root / notebook).stat().st_mtime_ns == before:
        assert time.monotonic() < deadline, "the notebook was not saved"
        time.sleep(0.2)
    return (root / notebook).read_text()


def _check_datamap(page, server: LabServer) -> None:
    """Item 4: the RoPA link is /files/... and downloads the CSV itself."""
    page.locator(".lm-TabBar-tab:has-text('RoPA')").click()
    link = page.locator(".jp-Notebook a:has-text('ropa.csv')").first
    link.wait_for(state="attached")
    href = link.get_attribute("href")
    assert "/files/reports/ropa.csv" in href and "/lab/tree/" not in href, href
    body = page.request.get(href).body()
    assert body == (server.root / "reports" / "ropa.csv").read_bytes()  # the CSV, not JupyterLab's page
    page.locator(".lm-TabBar-tab:has-text('Drift')").click()


def _check_export(page, server: LabServer) -> None:
    """Items 1-2 and issue 18: no stale result, errors clear the screen, no raw identifier saved."""
    root = server.root
    first = sorted((root / "reports" / "bundles").glob("*.zip"))[0].name  # the notebook's own bundle
    assert first in text_of(page, ".pa-export")
    users = pd.read_csv(root / "data_samples" / "exports" / "users_backup.csv", dtype=str)
    widget = page.locator(".pa-export")
    # an unknown identifier: the previous person's bundle and card leave the screen
    widget.locator(".pa-subject-kind select").select_option("email")
    widget.locator(".pa-subject-id input").fill("nobody.here@unknown.test")
    widget.locator(".pa-preview-button").click()
    page.wait_for_selector(".pa-export .pa-banner:has-text('no data subject matches')", state="attached")
    shown = text_of(page, ".pa-export")
    assert first not in shown, "the previous subject's bundle stayed on screen under a new request"
    assert "Bundle verified" not in shown and "Download" not in shown
    # a real person, by e-mail, pressing Enter: the masked card heads the preview
    person = users.iloc[-3]
    widget.locator(".pa-subject-id input").fill(person["email"])
    widget.locator(".pa-subject-id input").press("Enter")
    masked = mask(person["email"], "EMAIL_ADDRESS")
    page.wait_for_selector(f".pa-export .pa-subject-card:has-text('{masked}')", state="attached")
    widget.locator(".pa-build-button").click()
    page.wait_for_selector(".pa-export .pa-banner:has-text('written and verified')", state="attached")
    built = text_of(page, ".pa-export a.pa-download")
    assert "subject-access-" in built
    # an error (the data map is gone): red banner, nothing of the last run
    path = widget.locator("input").first
    path.fill(str(root / "data_samples" / "missing.yaml"))
    widget.locator(".pa-build-button").click()  # the same (remembered) subject: only the map is gone
    page.wait_for_selector(".pa-export .pa-banner .pa-error", state="attached")
    shown = text_of(page, ".pa-export")
    assert "written and verified" not in shown and built not in shown and masked not in shown
    assert page.locator(".pa-export .pa-banner .pa-info").count() == 0
    # the saved notebook holds widget state, and no raw identifier in it
    saved = _save(page, root, "notebooks/04_subject_access_export.ipynb")
    state = json.loads(saved)["metadata"].get("widgets", {})
    models = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    assert len(models) > 20 and "missing.yaml" in saved, (
        "widget state was not saved: the check would mean nothing"
    )
    assert person["email"] not in saved  # the masked card may stay; the raw value may not
    assert not any(t in saved for t in users["user_token"])  # the example subject's token (notebook cell) too


def _check_erasure(page, server: LabServer) -> None:
    """Items 1 and 3: subject card, confirmation naming the subject, Apply disabled until ticked."""
    from playwright.sync_api import expect

    users = pd.read_csv(server.root / "data_samples" / "exports" / "users_backup.csv", dtype=str)
    rights = page.locator(".pa-rights")
    # after the notebook's own run: nothing can be applied without a new confirmation
    expect(rights.locator("button.pa-rectify-button")).to_be_disabled()
    expect(rights.locator("button.pa-restrict-button")).to_be_disabled()
    rights.locator(".pa-rectify-value input").fill("Another City")  # the notebook already wrote its value
    rights.locator(".pa-rectify-preview").click()  # the remembered subject and column
    page.wait_for_selector(".pa-rights .pa-subject-card .pa-card", state="attached")
    page.wait_for_selector(".pa-rights :text('current value (masked)')", state="attached")
    expect(rights.locator("button.pa-rectify-button")).to_be_disabled()  # not before the confirmation
    rights.locator(".pa-rectify-confirm input").check()
    expect(rights.locator("button.pa-rectify-button")).to_be_enabled()

    erasure = page.locator(".pa-erasure")
    assert "Erasure report" in text_of(page, ".pa-erasure")  # the notebook's own erasure
    person = users.iloc[-5]
    masked = mask(person["email"], "EMAIL_ADDRESS")
    erasure.locator(".pa-subject-kind select").select_option("email")
    erasure.locator(".pa-subject-id input").fill(person["email"])
    expect(erasure.locator(".jp-OutputArea-output")).to_have_count(
        0
    )  # a new identifier withdraws the report link
    assert "Erasure report" not in text_of(page, ".pa-erasure")
    erasure.locator(".pa-subject-id input").press("Enter")
    page.wait_for_selector(f".pa-erasure .pa-subject-card:has-text('{masked}')", state="attached")
    expect(erasure.locator(".pa-confirm")).to_contain_text(masked)  # the confirmation names the card
    expect(erasure.locator("button.pa-apply-button")).to_be_disabled()
    erasure.locator(".pa-confirm input").check()
    expect(erasure.locator("button.pa-apply-button")).to_be_enabled()
    erasure.locator(".pa-subject-id input").fill("nobody.here@unknown.test")
    erasure.locator(".pa-plan-button").click()
    page.wait_for_selector(".pa-erasure .pa-banner:has-text('nothing is held')", state="attached")
    expect(erasure.locator(".pa-subject-card")).to_contain_text("No data subject matches")
    expect(erasure.locator("button.pa-apply-button")).to_be_disabled()
    assert masked not in text_of(page, ".pa-erasure")


def _check_report(page, server: LabServer) -> None:
    """Item 4: the report's HTML link opens the report from /files/ (no download attribute)."""
    link = page.locator(".pa-report-links a:has-text('HTML')")
    link.wait_for(state="attached")
    href = link.get_attribute("href")
    assert "/files/reports/compliance_report.html" in href, href
    assert link.get_attribute("download") is None  # opens, does not download
    answer = page.request.get(href)
    assert answer.ok and "text/html" in answer.headers.get("content-type", "")
    assert answer.body() == (server.root / "reports" / "compliance_report.html").read_bytes()


CHECKS = {
    "02_data_map": _check_datamap,
    "04_subject_access_export": _check_export,
    "05_erasure_and_rights": _check_erasure,
    "06_compliance_report": _check_report,
}


def test_every_notebook_runs_and_behaves_in_jupyterlab(lab_server: LabServer) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    notebooks = sorted(p.name for p in (lab_server.root / "notebooks").glob("*.ipynb"))
    assert len(notebooks) >= 8
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
                session = _open(page, lab_server, notebook)
                try:
                    run_every_cell(page, lab_server, session, notebook)
                    check = CHECKS.get(stem)
                    if check is not None:
                        check(page, lab_server)
                    assert page.locator("text=Loading widget...").count() == 0
                    _screenshots(page, f"notebook-{stem}")
                except BaseException:
                    page.screenshot(path=str(ARTIFACTS / f"failure-{stem}.png"), full_page=True)
                    raise
                finally:
                    page.goto("about:blank")  # leave the notebook before its kernel goes
                    lab_server.stop_kernel(session)  # one kernel at a time on a 2-core machine
        except BaseException:
            (ARTIFACTS / "workbench_server.log").write_bytes(lab_server.log.read_bytes())
            raise
        finally:
            browser.close()
    for name in notebooks:
        for theme in THEMES:
            assert (ARTIFACTS / f"notebook-{Path(name).stem}-{theme}.png").stat().st_size > 10_000
