"""Temporary copies of the estate (personal data, its plaintext backup included) do not outlive the work.

Each case runs the notebooks' copy path (``working_copy()``, what notebooks 00, 04 and 05 call) in a real
Python process whose system temp folder is a folder of this test, then asserts nothing ``privacy-audit-*``
is left there: after a normal exit, after an unhandled error, after a copy that fails half way, and after a
process killed with SIGKILL (its exit hooks never run; the next copy sweeps what it left).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str, tmp: Path, **kw) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT), "PRIVACY_AUDIT_SAMPLES": str(ROOT / "data_samples")}
    return subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)  # fmt: skip


def _left(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.glob("privacy-audit-*"))


@pytest.fixture
def systmp(tmp_path):
    folder = tmp_path / "system-temp"
    folder.mkdir()
    return folder


COPY = "from privacy_audit.widgets._common import working_copy\np = working_copy()\n"


def test_a_copy_is_removed_when_the_work_ends(systmp):
    proc = _python(COPY + "assert (p / 'exports' / 'users_backup.csv').is_file(); print(p)", systmp)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert Path(out.strip()).is_relative_to(systmp)  # it was made where we look
    assert _left(systmp) == []


def test_a_copy_is_removed_when_the_work_fails(systmp):
    proc = _python(COPY + "raise RuntimeError('the notebook failed')", systmp)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "RuntimeError" in err
    assert _left(systmp) == []


def test_a_copy_that_fails_half_way_leaves_nothing(systmp, tmp_path):
    broken = tmp_path / "estate"
    broken.mkdir()
    (broken / "datamap.yaml").write_text("datasets: []\n")
    (broken / "gone.csv").symlink_to(tmp_path / "no-such-file.csv")
    code = ("from privacy_audit.widgets._common import working_copy\nfrom privacy_audit.errors import InputError\n"
            f"try:\n    working_copy({str(broken)!r})\nexcept InputError as e:\n    print('refused:', e)\n"
            f"import pathlib, tempfile\nprint(sorted(x.name for x in pathlib.Path(tempfile.gettempdir()).iterdir()))\n")  # fmt: skip
    proc = _python(code, systmp)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "refused:" in out and "nothing was kept" in out
    assert out.strip().endswith("[]")  # already gone before the process ended
    assert _left(systmp) == []


def test_a_killed_kernels_copy_is_swept_by_the_next_one(systmp):
    proc = _python(COPY + "print(p, flush=True)\nimport time\ntime.sleep(600)", systmp, start_new_session=True)
    path = Path(proc.stdout.readline().strip())
    assert path.is_dir() and _left(systmp)
    os.kill(proc.pid, signal.SIGKILL)  # exit hooks never run
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    assert path.is_dir(), "the killed process could not clean up (the case this test is about)"
    time.sleep(0.1)
    nxt = _python(COPY + "print(p)", systmp)
    _, err = nxt.communicate(timeout=120)
    assert nxt.returncode == 0, err
    assert not path.exists() and _left(systmp) == []
