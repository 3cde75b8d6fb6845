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
