"""The compliance report on the real sample estate: complete clause table, every planted violation,
no raw identifier, nothing loaded from the network, HTML/JSON/PDF written, bad input refused.

Everything runs for real: the sample estate, Presidio/spaCy, the checks, the audit log, headless
Chromium (browser tests are skipped when /usr/bin/chromium is absent). Set
PRIVACY_AUDIT_UPDATE_SCREENSHOT=1 to refresh docs/report.png from the screenshot test.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import yaml
from policy_ids import independent_clause_ids

from privacy_audit import auditlog
from privacy_audit.checks import Finding, registry
from privacy_audit.cli import run_guarded
from privacy_audit.compliance import (
    build_report,
    compliance_report,
    load_remedies,
    load_testability,
    summarize_audit_log,
)
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import InputError
from privacy_audit.policy import load_policy
from privacy_audit.report.render import render_html, render_json, write_report
from privacy_audit.vault import Vault, key_for_datamap, load_key

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
DATAMAP = SAMPLES / "datamap.yaml"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


# ------------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The report of the sample estate, written by the CLI exactly as `make audit` does."""
    out = tmp_path_factory.mktemp("reports")
    rc = run_guarded(["report", str(DATAMAP), "--out", str(out)])
    assert rc == 0
    html = (out / "compliance_report.html").read_text(encoding="utf-8")
    data = json.loads((out / "compliance_report.json").read_text(encoding="utf-8"))
    return out, html, data


def _policy_ids() -> list[str]:
    """Clause ids of data_samples/policy.md, computed independently of privacy_audit.policy."""
    return independent_clause_ids((SAMPLES / "policy.md").read_text(encoding="utf-8"))


def _planted() -> list[dict[str, str]]:
    """The planted-violation table of data_samples/README.md."""
    rows = []
    for line in (SAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and re.fullmatch(r"V\d+", cells[0]):
            rows.append({"id": cells[0], "clause": cells[1], "check": cells[2], "dataset": cells[3], "column": cells[4]})
    return rows


PLANTED = _planted()


def _raw_identifiers() -> set[str]:
    """Every e-mail, phone, name, street address, IP and token of the sample identity data."""
    df = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str, keep_default_na=False)
    values: set[str] = set()
    for col in ("email", "phone", "name", "street_address", "signup_ip", "user_token", "push_token"):
        values.update(v for v in df[col] if len(v) >= 6)
    return values


# ------------------------------------------------------------------------------- clause table


def test_planted_table_and_policy_are_there():
    assert len(PLANTED) >= 19 and len(_policy_ids()) == 37


def test_clause_table_covers_every_clause_of_the_policy(written):
    _, html, data = written
    expected = _policy_ids()
    assert [c["id"] for c in data["clauses"]] == expected
    for cid in expected:
        assert f'id="clause-{cid}"' in html
    statuses = {"holds", "fails", "not_testable", "needs_manual_evidence"}
    for c in data["clauses"]:
        assert c["status"] in statuses and c["why"], c["id"]
    # sections without sub-items are clauses of their own; 6 and 8 need manual evidence, 7 is tested
    by_id = {c["id"]: c for c in data["clauses"]}
    assert not by_id["6"]["is_section"] and by_id["6"]["status"] == "needs_manual_evidence"
    assert by_id["6"]["evidence_needed"]
    assert by_id["7"]["controls"] and by_id["9.4"]["status"] == "not_testable"


def test_clause_status_agrees_with_the_findings(written):
    _, _, data = written
    findings = {f["id"]: f for f in data["findings"]}
    by_id = {c["id"]: c for c in data["clauses"]}
    failing = {f["clause"] for f in data["findings"]}
    for c in data["clauses"]:
        for fid in c["findings"]:
            assert findings[fid]["clause"] == c["id"]
        if c["is_section"]:
            kids = [by_id[k] for k in _children(c["id"], by_id)]
            assert (c["status"] == "fails") == any(k["status"] == "fails" for k in kids) or c["findings"]
        else:
            assert (c["status"] == "fails") == (c["id"] in failing), c["id"]


def _children(cid: str, by_id: dict) -> list[str]:
    return [k for k in by_id if k.startswith(cid + ".") and k.count(".") == cid.count(".") + 1]


# ---------------------------------------------------------------------------- planted violations


@pytest.mark.parametrize("planted", PLANTED, ids=[p["id"] for p in PLANTED])
def test_every_planted_violation_appears_in_json_and_html(written, planted):
    assert planted["check"] in registry(), f"check {planted['check']} is not installed"
    _, html, data = written
    match = [
        f
        for f in data["findings"]
        if f["check"] == planted["check"]
        and f["dataset"] == planted["dataset"]
        and (planted["column"] == "-" or f["column"] == planted["column"])
    ]
    assert match, f"{planted['id']} not in the report"
    f = match[0]
    assert f["clause"] == planted["clause"] and f["remedy"]
    clause = next(c for c in data["clauses"] if c["id"] == planted["clause"])
    assert clause["status"] == "fails" and f["id"] in clause["findings"]
    # the HTML shows the finding under its anchor, linked from the clause table
    assert f'id="finding-{f["id"]}"' in html and f'href="#finding-{f["id"]}"' in html
    block = html.split(f'id="finding-{f["id"]}"', 1)[1].split('<div class="finding', 1)[0]
    assert planted["check"] in block and f'href="#clause-{planted["clause"]}"' in block


def test_findings_are_worst_first_and_summary_counts_them(written):
    _, html, data = written
    rank = {"high": 0, "medium": 1, "low": 2}
    sevs = [rank[f["severity"]] for f in data["findings"]]
    assert sevs == sorted(sevs) and data["findings"]
    s = data["summary"]
    assert s["findings"] == len(data["findings"])
    for sev in rank:
        assert s["findings_by_severity"][sev] == sum(f["severity"] == sev for f in data["findings"])
    # estate size counted independently from the files
    backup = pd.read_csv(SAMPLES / "exports" / "users_backup.csv")
    ds = {d["name"]: d for d in data["datasets"]}
    assert ds["users_backup"]["rows"] == len(backup)
    assert ds["users_backup"]["subjects"] == backup["user_token"].nunique()
    assert ds["audience"]["rows"] == len(pd.read_csv(SAMPLES / "marketing" / "audience_export.csv"))
    assert s["datasets"] == len(load_datamap(DATAMAP).datasets) and s["datasets_unreadable"] == 0
    vault = Vault.open(SAMPLES / "identity" / "identity.vault", load_key(SAMPLES / "keys" / "vault.key"))
    assert ds["identity"]["rows"] == len(vault) and ds["identity"]["pii_source"] == "scan"
    assert s["rows"] == sum(d["rows"] or 0 for d in data["datasets"])
    assert s["pii_by_category"].get("EMAIL_ADDRESS", 0) >= 2
    assert f'{s["findings"]}</div>' in html


# --------------------------------------------------------------------------------- no raw PII


def test_no_raw_identifier_anywhere_in_html_or_json(written):
    out, html, _ = written
    html_text = unescape(html)
    json_text = json.dumps(json.loads((out / "compliance_report.json").read_text(encoding="utf-8")), ensure_ascii=False)
    ids = _raw_identifiers()
    assert len(ids) > 1000
    leaked = sorted(v for v in ids if v in html_text or v in json_text)
    assert not leaked, f"{len(leaked)} raw identifier(s) in the report"


# -------------------------------------------------------------------------------- offline HTML


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for name, value in attrs:
            if name in {"src", "href", "xlink:href", "action", "srcset", "poster", "data"}:
                self.refs.append((tag, name, value or ""))

    handle_startendtag = handle_starttag


def test_html_loads_nothing_from_the_network(written):
    _, html, _ = written
    parser = _Refs()
    parser.feed(html)
    assert parser.refs, "expected anchors in the report"
    bad = [r for r in parser.refs if not r[2].startswith("#")]
    assert not bad, bad
    for tag, attrs in parser.tags:
        assert tag not in {"script", "iframe", "object", "embed", "img"}
        assert not (tag == "link" and "stylesheet" in (attrs.get("rel") or ""))
    assert not re.search(r"https?://", html), "no URL at all in the self-contained report"
    assert "@import" not in html and not re.search(r"url\((?!#)", html)
    assert html.count("<svg") == 4 and "<style>" in html  # PII columns, findings, data flow, risk


# ---------------------------------------------------------------------------------- PDF, files


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed")
def test_pdf_is_printed_by_headless_chromium(written):
    out, _, _ = written
    pdf = (out / "compliance_report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 20_000
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_no_pdf_flag_and_json_equals_html_content(tmp_path):
    report = compliance_report(DATAMAP, scan=False)
    files = write_report(report, tmp_path, pdf=False)
    assert files.pdf is None and not (tmp_path / "compliance_report.pdf").exists()
    data = json.loads(files.json.read_text(encoding="utf-8"))
    html = files.html.read_text(encoding="utf-8")
    assert data == json.loads(render_json(report))
    for f in data["findings"]:
        assert f'id="finding-{f["id"]}"' in html
        assert str(f["message"]).split(" ")[0] in unescape(html)
    assert data["reproducibility"]["datamap_sha256"] == load_datamap(DATAMAP).sha256
    assert data["reproducibility"]["scan"]["enabled"] is False
    assert all(d["pii_source"] == "declared" for d in data["datasets"])


# ------------------------------------------------------------------ manual evidence, audit log


@pytest.fixture()
def estate(tmp_path):
    dst = tmp_path / "estate"
    shutil.copytree(SAMPLES, dst)
    return dst


def test_manual_evidence_and_audit_log_activity(estate, tmp_path):
    (estate / "manual_evidence.yaml").write_text(
        yaml.safe_dump(
            {
                "manual_evidence": {
                    "6": {
                        "status": "holds",
                        "evidence": "Change e-mail sent 2018-05-16 by dpo.office@beaconly.example, archived in legal/notices",
                        "recorded_by": "Ada Lovelace",
                        "date": dt.date(2018, 6, 1),
                    },
                    "8": {"status": "fails", "evidence": "No officer appointed in the records"},
                }
            }
        ),
        encoding="utf-8",
    )
    log = estate / "audit_log.jsonl"
    before = len(auditlog.read(log))  # the sample estate's request ledger
    # the log is keyed (its MAC key lives in the vault): as every command does, load the key before appending
    key_for_datamap(load_datamap(estate / "datamap.yaml"), required=True)
    auditlog.append(log, "export", subject_ref="s_1a2b3c", details={"datasets": 5}, outcome="ok")
    auditlog.append(log, "erasure", subject_ref="s_4d5e6f", details={"rows": 12}, outcome="applied")
    auditlog.append(log, "erasure", subject_ref="s_4d5e6f", details={"residual": 0}, outcome="verified")
    out = tmp_path / "out"
    report = compliance_report(estate / "datamap.yaml", scan=False)
    files = write_report(report, out, pdf=False)
    data = json.loads(files.json.read_text(encoding="utf-8"))
    html = unescape(files.html.read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in data["clauses"]}
    assert by_id["6"]["status"] == "holds" and by_id["6"]["basis"] == "manual"
    assert by_id["8"]["status"] == "fails" and by_id["8"]["basis"] == "manual"
    assert "archived in legal/notices" in html
    # the e-mail and the recorder's name in the evidence are masked like everything else
    for raw in ("dpo.office@beaconly.example", "Ada Lovelace"):
        assert raw not in html and raw not in json.dumps(data, ensure_ascii=False)
    act = data["subject_requests"]
    assert act["present"] and act["verified"] is True and act["entries"] == before + 3
    counts = {a["action"]: a for a in act["actions"]}
    assert counts["erasure"]["count"] == 2 and counts["erasure"]["outcomes"] == {"applied": 1, "verified": 1}
    assert counts["export"]["count"] == 1 and act["recent"][0]["action"] == "erasure"

    # a changed line breaks the chain, and the report says so
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[before + 1] = lines[before + 1].replace('"rows":12', '"rows":13')
    log.write_text("".join(lines), encoding="utf-8")
    report = compliance_report(estate / "datamap.yaml", scan=False)
    assert report.activity.verified is False and f"entry {before + 2}" in report.activity.verification
    assert "BROKEN" in render_html(report)


def test_manual_evidence_for_an_unknown_clause_is_a_one_line_error(estate, tmp_path, capsys):
    (estate / "manual_evidence.yaml").write_text('"12.9": {status: holds, evidence: "x"}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run_guarded(["report", str(estate / "datamap.yaml"), "--out", str(out), "--no-pdf"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "12.9" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_bad_input_exits_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    assert run_guarded(["report", str(tmp_path / "missing.yaml"), "--out", str(out)]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert run_guarded(["report", str(DATAMAP), "--out", str(out), "--as-of", "2026-02-30"]) == 2
    assert not out.exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run_guarded(["report", str(DATAMAP), "--out", str(blocker), "--no-pdf"]) == 2
    err = capsys.readouterr().err
    assert "is a file" in err and "Traceback" not in err and blocker.read_text() == "x"
    # the library refuses the same, before rendering anything
    with pytest.raises(InputError, match="not a folder"):
        write_report(compliance_report(DATAMAP, scan=False), blocker, pdf=False)
    assert blocker.read_text() == "x"


# --------------------------------------------------------------------- pure model, masking guard


def test_build_report_statuses_rollup_and_masking_guard():
    dm = load_datamap(DATAMAP)
    policy = load_policy(SAMPLES / "policy.md")
    controls = {
        "cookies.persistent": {"clause": "2.2", "severity": "medium", "title": "Cookie persists"},
        "access.need_to_know": {"clause": "3.2.5", "severity": "high", "title": "Need to know"},
        "encryption.plaintext_identified": {"clause": "3.2.1", "severity": "high", "title": "Plaintext"},
        "separation": {"clause": "3.2.2", "severity": "high", "title": "Separation"},
    }
    installed = {"cookies.persistent": "2.2", "access.need_to_know": "3.2.5", "encryption.plaintext_identified": "3.2.1"}
    raw_email, raw_phone, raw_ip = "jane.roe@example.org", "+1 415 555 0134", "203.0.113.77"
    findings = [
        Finding("cookies.persistent", "2.2", "medium", "cookies", "sid", None, "sid lives 30 days", "expiry=30"),
        Finding("access.need_to_know", "3.2.5", "high", "identity", None, 7, f"role x reads {raw_email}",
                f"call {raw_phone} from {raw_ip}"),  # fmt: skip
    ]
    report = build_report(
        datamap=dm,
        policy=policy,
        findings=findings,
        check_errors=[("encryption.plaintext_identified", f"cannot read file of {raw_email}")],
        checks_run=list(installed),
        controls=controls,
        installed=installed,
        datasets=[],
        subjects=None,
        activity=summarize_audit_log(None),
        testability=load_testability(),
        remedies=load_remedies(),
        manual_evidence={},
        reproducibility={"tool_version": "t"},
        as_of=dt.date(2026, 11, 1),
        generated_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
    text = json.dumps(report.to_dict()) + render_html(report)
    for raw in (raw_email, raw_phone, raw_ip):
        assert raw not in text
    assert [f.id for f in report.findings] == ["F01", "F02"] and report.findings[0].severity == "high"
    assert report.findings[0].remedy and report.findings[0].subjects_affected == 7
    c = report.clause
    assert c("2.2").status == "fails" and c("3.2.5").status == "fails"
    assert c("3.2.1").status == "not_testable" and "could not run" in c("3.2.1").why
    assert c("3.2.2").status == "not_testable" and "separation (not installed)" in c("3.2.2").controls
    assert c("1.1.1").status == "needs_manual_evidence" and c("9.1").status == "not_testable"
    assert c("3.2").is_section and c("3.2").status == "fails" and c("3").status == "fails"
    assert c("9").status == "not_testable" and c("4.2").status == "needs_manual_evidence"
    assert report.to_frame().shape == (len(policy.clauses), 7)
    # a clause whose installed controls all ran clean holds
    clean = build_report(
        datamap=dm, policy=policy, findings=[], checks_run=list(installed), controls=controls, installed=installed,
        datasets=[], subjects=None, activity=summarize_audit_log(None), testability=load_testability(),
        remedies=load_remedies(), manual_evidence={}, reproducibility={}, as_of=dt.date(2026, 11, 1),
        generated_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    assert clean.clause("2.2").status == "holds" and clean.clause("3.2.1").status == "holds"
    assert clean.summary["findings"] == 0 and "No control found a violation" in render_html(clean)


# ------------------------------------------------------------------------------- screenshot


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed")
def test_report_renders_in_chromium_without_network_requests(written, tmp_path):
    from playwright.sync_api import sync_playwright

    out, _, data = written
    page_url = (out / "compliance_report.html").resolve().as_uri()
    requests: list[str] = []
    png = tmp_path / "report.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_url)
            assert page.locator("h1").inner_text().startswith("Compliance report")
            assert page.locator("#clauses tbody tr").count() == len(data["clauses"])
            assert page.locator("#charts svg").count() == 3
            page.screenshot(path=str(png))
        finally:
            browser.close()
    assert requests == [page_url]
    assert png.read_bytes().startswith(b"\x89PNG")
    if os.environ.get("PRIVACY_AUDIT_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(png, ROOT / "docs" / "report.png")


# ------------------------------------------------------------------------ re-identification risk


def test_risk_section_shows_the_survey_before_and_after(written):
    _, html, data = written
    (survey,) = [r for r in data["risk"] if r["dataset"] == "survey"]
    assert survey["k"] == 1 and survey["quasi_identifiers"] == ["postal_code", "date_of_birth", "gender"]
    assert survey["buckets"][0] == {"class_size": "1", "classes": 260, "records": 260}
    rows = {r["measure"]: r for r in survey["before_after"]}
    assert rows["k (smallest class)"]["before"] == 1 and rows["k (smallest class)"]["after"] >= 5
    assert 0 < rows["information loss (non-uniform entropy)"]["after"] < 1
    assert '<section id="risk">' in html and 'aria-label="chart-risk"' in html
    assert "Proposed fix:" in html and "k (smallest class)" in html
