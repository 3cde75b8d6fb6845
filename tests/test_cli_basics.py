"""The command line as a user first meets it: version, help, unknown commands, README coverage."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from privacy_audit import __version__
from privacy_audit.cli import COMMANDS, run_guarded

ROOT = Path(__file__).resolve().parents[1]


def test_version_from_console_script():
    exe = Path(sys.executable).with_name("privacy-audit")
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"privacy-audit, version {__version__}"


def test_help_lists_every_command_that_exists(capsys):
    assert run_guarded(["--help"]) == 0
    out = capsys.readouterr().out
    commands_section = out.split("Commands:", 1)[1]
    listed = set(re.findall(r"^  ([a-z][a-z-]*)\s", commands_section, flags=re.M))
    exist = {name for name in COMMANDS if (ROOT / "privacy_audit" / "cli" / f"{COMMANDS[name][0]}.py").exists()}
    assert exist and listed == exist


def test_unknown_command_exits_2_without_traceback(capsys):
    assert run_guarded(["no-such-command"]) == 2
    err = capsys.readouterr().err
    assert "No such command" in err and "Traceback" not in err


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name in COMMANDS:
        if (ROOT / "privacy_audit" / "cli" / f"{COMMANDS[name][0]}.py").exists():
            assert f"privacy-audit {name}" in readme, f"README does not document `privacy-audit {name}`"


def test_a_bug_is_one_line_exit_3_and_never_quotes_its_message(monkeypatch, capsys):
    # A command hits an unanticipated exception whose message holds a personal value.
    import privacy_audit.cli.log as log_cli

    def boom(*_args, **_kwargs):
        raise ValueError("could not convert 'jane.roe@example.org' to float")

    monkeypatch.setattr(log_cli, "verify", boom)  # fault injection: stands in for any bug
    monkeypatch.delenv("PRIVACY_AUDIT_DEBUG", raising=False)
    log = ROOT / "tests" / "fixtures" / "access.log"  # any existing file
    assert run_guarded(["log", "verify", str(log)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ValueError" in err
    assert "jane.roe" not in err and "Traceback" not in err
