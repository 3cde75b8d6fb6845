"""The README's walkthrough runs as written: every shell block of "## Walkthrough", in order, on a copy.

Like sqlite-utils' ``tests/test_docs.py``, the documentation is the test's input: the ```bash blocks of the
walkthrough are extracted and run, one command at a time, in one bash session (so an ``export`` in one line
holds for the next), from a folder holding a copy of the sample estate (``data_samples/``) and the files the
README points at in the repository. YAML blocks whose first line is ``# NAME.yaml: ...`` are written to NAME.yaml
first (the README shows their content). A command may exit 0, or 1 where its line says it exits 1 (a finding,
drift, an overdue request); 2 (bad input), 3 (a bug) or 4 fail the test. Real CLI, real Presidio, real Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "walkthrough password 42"


def walkthrough() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Walkthrough")
    end = text.index("\n## ", start + 5)
    return text[start:end]


def command_blocks(section: str) -> list[str]:
    """The commands of the ```bash blocks, continuation lines joined, in order."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", section, re.S):
        for cmd in block.replace("\\\n", " ").splitlines():
            if cmd.strip() and not cmd.lstrip().startswith("#"):
                commands.append(cmd.strip())
    return commands


def yaml_files(section: str) -> dict[str, str]:
    return {m.group(1): m.group(0) for m in re.finditer(r"(?m)^# ([\w.-]+\.yaml):.*\n(?:(?!```).*\n)*", section)}


def test_the_walkthrough_has_commands():
    cmds = command_blocks(walkthrough())
    assert len(cmds) > 30 and all(c.startswith(("privacy-audit ", "python ", "read ")) for c in cmds), cmds
    assert any(c.startswith("privacy-audit open-bundle") for c in cmds)


def test_readme_walkthrough_runs_as_written(tmp_path):
    section = walkthrough()
    work = tmp_path / "repo"
    shutil.copytree(ROOT / "data_samples", work / "data_samples", ignore=shutil.ignore_patterns("__pycache__"))
    (work / "privacy_audit").mkdir()
    shutil.copy(ROOT / "privacy_audit" / "recognizers.example.yaml", work / "privacy_audit")
    for name, content in yaml_files(section).items():
        (work / name).write_text(content, encoding="utf-8")
    commands = command_blocks(section)
    rc_file = tmp_path / "rc"
    lines = ["cd " + str(work)]
    for i, cmd in enumerate(commands):
        lines.append(f"{cmd}\necho \"{i} $?\" >> {rc_file}")
    script = tmp_path / "walkthrough.sh"
    script.write_text("\n".join(lines) + "\n")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(ROOT)}
    env.pop("PRIVACY_AUDIT_BUNDLE_PASSWORD", None)
    proc = subprocess.run(["bash", str(script)], input=PASSWORD + "\n", capture_output=True, text=True, env=env,
                          cwd=work, timeout=1700, check=False)  # fmt: skip
    codes = dict(line.split() for line in rc_file.read_text().splitlines())
    bad = []
    for i, cmd in enumerate(commands):
        code = codes.get(str(i))
        allowed = {"0", "1"} if "exit 1" in cmd else {"0"}
        if code not in allowed:
            bad.append(f"exit {code}: {cmd}")
    assert not bad, "\n".join(bad) + "\n--- stderr ---\n" + proc.stderr[-4000:]
    # what the walkthrough promises is there
    assert (work / "my-data" / "index.html").is_file()
    assert (work / "reports" / "compliance_report.html").is_file()
    assert (work / "erasure.html").is_file() and (work / "letter-REQ-0007.html").is_file()
