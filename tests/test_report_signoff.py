"""The compliance report as a DPO signs it off: remedies that name real commands and fit the zone, owner /
due date / status per finding from findings.yaml, a sign-off block, findings as CSV and XLSX, manual
evidence recorded through the library (atomically, in the audit log). Real CLI, real files."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import click
import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from privacy_audit import auditlog, signoff
from privacy_audit.cli import cli
from privacy_audit.compliance import (
    REMEDIES_FILE,
    compliance_report,
    load_manual_evidence,
    load_remedies,
)
from privacy_audit.datamap import load_datamap
from privacy_audit.errors import ConfigError, InputError
from privacy_audit.report.render import FINDINGS_CSV, FINDINGS_XLSX, write_report
from privacy_audit.vault import key_for_datamap

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data_samples"
CHECKS = ROOT / "privacy_audit" / "checks"


def _commands(text: str) -> list[str]:
    """Every ``privacy-audit ...`` command written in ``text`` (up to a closing bracket, comma or period)."""
    return [m.group(0).rstrip(" .") for m in re.finditer(r"privacy-audit(?: [^\s),;`]+)+", " ".join(text.split()))]


def _resolve(words: list[str]) -> tuple[click.Command, list[str]]:
    ctx = click.Context(cli)
    command: click.Command = cli
    rest = list(words)
    while rest and isinstance(command, click.Group):
        sub = command.get_command(ctx, rest[0])
        if sub is None:
            break
        command, rest = sub, rest[1:]
    return command, rest


@pytest.mark.parametrize("source", ["remedies.yaml", "testability.yaml"])
def test_every_command_a_remedy_names_exists_with_its_options(source):
    text = "\n".join(ln for ln in (CHECKS / source).read_text(encoding="utf-8").splitlines()
                     if not ln.lstrip().startswith("#"))  # the file's own comments describe the rule
    cmds = _commands(text)
    assert cmds, "no command found: the pattern is wrong"
    for cmd in cmds:
        words = cmd.split()[1:]
        command, rest = _resolve(words)
        assert not isinstance(command, click.Group), f"{source}: `{cmd}` names no command"
        # the command's real --help runs
        assert CliRunner().invoke(cli, [*words[: len(words) - len(rest)], "--help"]).exit_code == 0
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        for word in rest:
            if word.startswith("--"):
                assert word.split("=")[0] in options, f"{source}: `{cmd}`: {word} is not an option of the command"


def test_remedies_fit_the_zone():
    remedies = load_remedies(REMEDIES_FILE)
    # an anonymous survey is never told to move its values into the identity vault
    anon = remedies["separation@anonymous"]
    assert "delete" in anon.lower() and "anonymize" in anon
    assert not anon.lower().startswith("move the identifying values")
    assert "export --encrypt" not in " ".join(remedies.values())


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    dst = tmp_path_factory.mktemp("signoff") / "estate"
    shutil.copytree(SAMPLES, dst, ignore=shutil.ignore_patterns("__pycache__"))
    key_for_datamap(load_datamap(dst / "datamap.yaml"), required=True)  # the log is keyed
    return dst


@pytest.fixture(scope="module")
def tracked(estate, tmp_path_factory):
    dm = load_datamap(estate / "datamap.yaml")
    before = len(auditlog.read(dm.audit_log_path))
    first = compliance_report(dm, scan=False)
    survey = next(f for f in first.findings if f.dataset == "survey" and f.check.startswith("separation."))
    plain = next(f for f in first.findings if f.check == "encryption.plaintext_identified")
    signoff.record_finding(dm, plain.key, owner="Data engineering", due="2026-12-31", status="in progress",
                           note="backup copy to be deleted")  # fmt: skip
    signoff.record_signoff(dm, prepared_by="Internal audit", reviewed_by="DPO office", date="2026-12-05")
    signoff.record_evidence(dm, "6", status="holds", evidence="policy-change e-mail of 2018-05-16, archived in legal",
                            recorded_by="Internal audit", date="2026-12-05", clauses=[c.id for c in first.clauses])  # fmt: skip
    report = compliance_report(load_datamap(estate / "datamap.yaml"), scan=False)
    out = tmp_path_factory.mktemp("out")
    write_report(report, out, pdf=False)
    return {"dm": dm, "before": before, "report": report, "out": out, "survey": survey, "plain": plain}


def test_the_survey_gets_the_anonymous_remedy(tracked):
    survey = next(f for f in tracked["report"].findings if f.key == tracked["survey"].key)
    assert "identity vault" not in survey.remedy.split("If the answers", 1)[0]
    assert survey.remedy == load_remedies(REMEDIES_FILE)["separation@anonymous"]


def test_owner_due_status_and_signoff_are_in_the_report(tracked):
    report, out = tracked["report"], tracked["out"]
    f = next(x for x in report.findings if x.key == tracked["plain"].key)
    assert (f.owner, f.due, f.status, f.note) == ("Data engineering", "2026-12-31", "in progress",
                                                  "backup copy to be deleted")  # fmt: skip
    others = [x for x in report.findings if x.key != f.key]
    assert others and all(x.status == "open" and not x.owner for x in others)
    html = (out / "compliance_report.html").read_text(encoding="utf-8")
    assert 'id="signoff"' in html and "Prepared by" in html and "Reviewed by" in html and "Signature" in html
    assert "Internal audit" in html and "DPO office" in html and "Data engineering" in html
    assert "headed <em>" in html  # the policy's own heading, named as such, beside its file


def test_findings_export_as_csv_and_xlsx(tracked):
    report, out = tracked["report"], tracked["out"]
    rows = list(csv.DictReader(io.StringIO((out / FINDINGS_CSV).read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == [f.id for f in report.findings]
    assert {"owner", "due", "status", "remedy", "severity", "clause"} <= set(rows[0])
    assert any(r["owner"] == "Data engineering" and r["status"] == "in progress" for r in rows)
    sheet = openpyxl.load_workbook(out / FINDINGS_XLSX).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["id", "severity", "clause"] and sheet.max_row == len(rows) + 1


def test_manual_evidence_is_recorded_atomically_and_logged(tracked):
    dm = tracked["dm"]
    assert load_manual_evidence(dm)["6"]["status"] == "holds"
    clause6 = tracked["report"].clause("6")
    assert clause6.status == "holds" and clause6.basis == "manual"
    entries = auditlog.read(dm.audit_log_path)[tracked["before"]:]
    assert [e["action"] for e in entries] == ["finding-track", "report-signoff", "manual-evidence"]
    assert auditlog.verify(dm.audit_log_path).ok
    doc = yaml.safe_load((Path(dm.root) / signoff.FINDINGS_FILE).read_text(encoding="utf-8"))
    assert doc["findings"][tracked["plain"].key]["owner"] == "Data engineering"
    assert not [p for p in Path(dm.root).iterdir() if p.name.endswith(".tmp")]


def test_bad_register_input_is_refused(tracked, estate):
    dm = tracked["dm"]
    with pytest.raises(InputError, match="status"):
        signoff.record_finding(dm, "a|b|c", status="done")
    with pytest.raises(InputError, match="date"):
        signoff.record_finding(dm, "a|b|c", due="next week")
    with pytest.raises(InputError, match="not a clause"):
        signoff.record_evidence(dm, "99.9", status="holds", evidence="x", clauses=["6"])
    broken = estate.parent / "broken"
    shutil.copytree(estate, broken)
    (broken / signoff.FINDINGS_FILE).write_text("findings: {'x|y|z': {status: maybe}}\n")
    with pytest.raises(ConfigError, match="status"):
        signoff.load_register(load_datamap(broken / "datamap.yaml"))
