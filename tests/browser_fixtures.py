"""A real JupyterLab server and headless Chromium for the end-to-end notebook test.

The server runs on a free local port with a throw-away token, over a temporary copy of the repo's
``notebooks/`` and ``data_samples/`` (nothing committed is modified), with its own settings,
workspaces and runtime folders (the news toast switched off). It is stopped by its process id.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

__all__ = [
    "CHROMIUM", "CHROMIUM_ARGS", "HANG", "LONG", "Kernel", "LabServer", "accept_kernel_dialog", "lab_server",
    "run_every_cell", "start_lab", "stop_lab", "text_of",
]  # fmt: skip

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LONG = (
    180_000  # ms: a page or a widget to appear (kernel start + Presidio model load on a busy 2-core machine)
)
HANG = 900  # s: one cell running longer than this, its kernel still alive, is taken for a hang
STACKS_MARK = "the kernel's threads"  # the start of a hang's diagnostic, kept whole in reports
SETTLE = 60.0  # s: an answer still absent this long after the kernel went idle will not come


@dataclass
class LabServer:
    """A running JupyterLab: its base URL, token, root folder, process and log file."""

    url: str
    token: str
    root: Path
    proc: subprocess.Popen
    log: Path

    def lab_url(self, path: str) -> str:
        """The notebook's page, in a fresh workspace (no tabs of an earlier page restored)."""
        return f"{self.url}/lab/tree/{path}?token={self.token}&reset"

    def api(self, method: str, route: str, body: dict | None = None) -> object:
        """Call the server's REST API (token auth) and return the decoded JSON answer (None if empty)."""
        req = urllib.request.Request(
            f"{self.url}/api/{route}", method=method, data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(req, timeout=60) as r:
            data = r.read()
        return json.loads(data) if data else None

    def start_kernel(self, path: str, kernel: str = "python3") -> str:
        """Start the notebook's kernel before its page opens (returns the session id).

        JupyterLab then joins the running session of that path instead of choosing a kernel itself,
        so no "Select Kernel" dialog can appear, however slow the machine is.
        """
        session = self.api("POST", "sessions", {"path": path, "type": "notebook", "name": Path(path).name,
                                                "kernel": {"name": kernel}})  # fmt: skip
        return str(session["id"])

    def stop_kernel(self, session_id: str) -> None:
        """End a session started by :meth:`start_kernel` (and its kernel); gone already is fine."""
        try:
            self.api("DELETE", f"sessions/{session_id}")
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settings(folder: Path) -> None:
    """User settings: no news fetch or update check (no toast), every cell kept in the page (no
    windowing, so off-screen cells exist in the DOM for the test to find), and widget state saved
    with the notebook (as a user may set it: the test checks what a saved notebook holds)."""
    settings = {
        ("@jupyterlab/apputils-extension", "notification"): {"fetchNews": "false", "checkForUpdates": False},
        ("@jupyterlab/notebook-extension", "tracker"): {"windowingMode": "none"},
        ("@jupyter-widgets/jupyterlab-manager", "plugin"): {"saveState": True},
    }
    for (extension, plugin), values in settings.items():
        target = folder / extension
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{plugin}.jupyterlab-settings").write_text(json.dumps(values))


def start_lab(root: Path, *, timeout: float = 120.0) -> LabServer:
    """Start JupyterLab over ``root`` and wait until it answers."""
    port, token = _free_port(), secrets.token_hex(16)
    state = root.parent / f"{root.name}-jupyter"
    for sub in ("config", "settings", "workspaces", "runtime", "data"):
        (state / sub).mkdir(parents=True, exist_ok=True)
    _settings(state / "settings")
    # Every kernel prints the stacks of all its threads to its stderr (the server log) on SIGUSR1: what a
    # cell that hangs is doing (see _stacks_of)
    startup = state / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-stacks-on-sigusr1.py").write_text(
        "import faulthandler, signal, sys\nfaulthandler.register(signal.SIGUSR1, file=sys.__stderr__, all_threads=True)\n"
    )
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(state / "config"),
        JUPYTERLAB_SETTINGS_DIR=str(state / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(state / "runtime"),
        PYTHONDONTWRITEBYTECODE="1",
        IPYTHONDIR=str(state / "ipython"),
    )
    log = state / "server.log"
    jupyter = Path(sys.executable).with_name("jupyter")
    cmd = [
        str(jupyter), "lab", "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--ServerApp.port_retries=0", "--LabApp.news_url=", "--LabApp.expose_app_in_browser=True",
    ]  # fmt: skip
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    server = LabServer(f"http://127.0.0.1:{port}", token, root, proc, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/api/status?token={token}", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    stop_lab(server)
    raise RuntimeError(f"jupyter lab did not answer within {timeout:.0f} s: {log.read_text()[-2000:]}")


def stop_lab(server: LabServer) -> None:
    """Stop the server and the kernels it started (its own process group), by process id."""
    pid = server.proc.pid
    if server.proc.poll() is None:
        try:
            os.killpg(pid, signal.SIGTERM)  # the group led by our server: kernels included
        except ProcessLookupError:
            pass
        try:
            server.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(pid, signal.SIGKILL)
            server.proc.wait(timeout=10)


def accept_kernel_dialog(page) -> None:
    """Whenever JupyterLab asks which kernel to use, take the one it proposes (the notebook's own).

    The kernel is started before the page opens (:meth:`LabServer.start_kernel`), yet on a loaded
    machine JupyterLab may still ask; Playwright then answers the dialog before its next action,
    instead of the test waiting for a cell that cannot run.
    """
    dialog = page.locator(".jp-Dialog:has-text('Select Kernel')")
    page.add_locator_handler(dialog, lambda d: d.locator(".jp-Dialog-button.jp-mod-accept").click())


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab over a temporary copy of notebooks/ and data_samples/."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (Debian's chromium package); `make test` installs it when it can")
    root = tmp_path_factory.mktemp("lab") / "workbench"
    root.mkdir()
    for name in ("notebooks", "data_samples"):
        shutil.copytree(
            REPO / name, root / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
        )
    server = start_lab(root)
    try:
        yield server
    finally:
        stop_lab(server)


def _kernel_state(server: LabServer, session: str) -> str:
    """The session's kernel execution state as the server sees it: idle, busy, starting, dead, ..."""
    try:
        return str(server.api("GET", f"sessions/{session}")["kernel"]["execution_state"])
    except Exception as exc:  # noqa: BLE001 - a diagnostic only: the wait below decides
        return f"unknown ({type(exc).__name__})"


def _stacks_of(server: LabServer, session: str) -> str:
    """Ask the session's kernel for the stacks of its threads (SIGUSR1, see start_lab) and return them as
    written to the server log (what was appended after the signal), or the log's tail when none came."""
    try:
        size = server.log.stat().st_size
        kernel = server.api("GET", f"sessions/{session}")["kernel"]["id"]
        signalled = []
        for proc in Path("/proc").iterdir():
            if proc.name.isdigit() and f"kernel-{kernel}.json" in (proc / "cmdline").read_bytes().decode(
                errors="replace"
            ):
                os.kill(int(proc.name), signal.SIGUSR1)
                signalled.append(proc.name)
        time.sleep(3)
        with server.log.open("rb") as fh:
            fh.seek(size)
            dump = fh.read().decode(errors="replace")
    except Exception as exc:  # noqa: BLE001 - a diagnostic only
        return f"(no stacks: {type(exc).__name__}: {exc})"
    if not signalled:
        return f"(no process found for kernel {kernel}) server log's tail:\n{server.log.read_text(errors='replace')[-3000:]}"
    return f"{STACKS_MARK} of process {', '.join(signalled)}:\n{dump[-12000:]}"


@dataclass(frozen=True)
class Kernel:
    """The kernel of one notebook session, for waits on the work it does (hang guards, not timings).

    A widget's answer to a click (a banner, a link, a button enabled) comes when the kernel has done
    the work, which on a loaded 2-core machine can take minutes (loading spaCy alone). So a wait lasts
    as long as the kernel is busy and fails for a reason, never for a clock: the kernel died, it has
    been idle for ``settle`` seconds without the answer (the work ended without it), or one wait
    passed ``HANG`` seconds (a hang: the kernel's thread stacks go into the message).
    """

    server: LabServer
    session: str

    def state(self) -> str:
        return _kernel_state(self.server, self.session)

    def until(self, check: Callable[[], object], what: str, *, settle: float = SETTLE) -> object:
        """Wait until ``check()`` is true (returned) while the kernel works; AssertionError naming ``what``."""
        started, polled, idle_since, state = time.monotonic(), 0.0, None, "busy"
        while not (found := check()):
            now = time.monotonic()
            if now - polled > 5:  # the server's view of the kernel, every 5 s
                state, polled = self.state(), now
                idle_since = (idle_since or now) if state == "idle" else None
            if state in ("dead", "restarting"):
                raise AssertionError(f"{what}: never came, the kernel is {state}")
            if idle_since is not None and now - idle_since > settle:
                raise AssertionError(
                    f"{what}: not there although the kernel has been idle for {settle:.0f} s"
                )
            if now - started > HANG:
                raise AssertionError(f"{what}: not there after {now - started:.0f} s, the kernel {state}\n"
                                     f"{_stacks_of(self.server, self.session)}")  # fmt: skip
            time.sleep(0.3)
        return found

    def attached(self, locator, what: str = "") -> None:
        """Wait for ``locator`` to be in the page (painted or not) while the kernel works towards it."""
        self.until(lambda: locator.first.count() > 0, what or f"the element {locator}")


def run_every_cell(page, server: LabServer, session: str, notebook: str) -> None:
    """Run the code cells one by one, each to completion; fail on a traceback in any output.

    The wait is a hang guard, not a timing: a cell may take as long as it needs while its kernel is
    busy (a loaded machine loads spaCy slowly); the test fails at once if the kernel dies, and after
    HANG seconds of one cell with the kernel's state and the server log's tail in the message.
    """
    from playwright.sync_api import expect

    n_code = sum(c.cell_type == "code" for c in nbformat.read(server.root / notebook, as_version=4).cells)
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    expect(cells).to_have_count(n_code, timeout=LONG)
    for i in range(n_code):
        cell = cells.nth(i)
        prompt = cell.locator(".jp-InputPrompt")
        for _attempt in range(3):
            before = prompt.inner_text().strip()
            cell.locator(".jp-InputArea-editor").click()  # a kernel dialog is answered first
            page.keyboard.press("Shift+Enter")
            started, text, polled, state = time.monotonic(), "", 0.0, "busy"
            while not _finished(text := prompt.inner_text().strip(), before):
                if text in ("[ ]:", "") and time.monotonic() - started > 20:
                    break  # the key press went nowhere (a dialog took it): send it again
                if time.monotonic() - polled > 10:  # ask the server about the kernel every 10 s
                    state, polled = _kernel_state(server, session), time.monotonic()
                if state in ("dead", "restarting") or time.monotonic() - started > HANG:
                    waited = time.monotonic() - started
                    raise AssertionError(
                        f"{notebook}: cell {i + 1} did not finish after {waited:.0f} s (prompt {text!r}, kernel "
                        f"{state})\n{_stacks_of(server, session)}"
                    )
                time.sleep(0.3)
            if _finished(text, before):
                break
        else:
            raise AssertionError(f"{notebook}: cell {i + 1} never started after 3 attempts")
    outputs = text_of(page, ".jp-OutputArea-output")
    found = re.search(r"Traceback|\b[A-Z]\w*Error\b", outputs)
    assert found is None, (
        f"{notebook}: an error in the outputs: ...{outputs[max(found.start() - 150, 0) : found.end() + 150]}..."
    )


def _finished(prompt: str, before: str) -> bool:
    """A cell's prompt says it ran to completion: a new execution count (``[3]:``), not the one before."""
    return bool(re.fullmatch(r"\[\d+\]:", prompt)) and prompt != before


def text_of(page, selector: str) -> str:
    return " ".join(page.locator(selector).all_text_contents())  # textContent: also for cells not painted
