"""One desk server and one headless Chromium for the whole session.

The store is built once from the demo corpus (in this process, through the
CLI), then ``saidwhat serve`` runs in a subprocess on a free port. Chromium is
Debian's (/usr/bin/chromium) driven by Playwright. Without Chromium or
Playwright the browser tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from desk_helpers import serve_command

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
CHROMIUM = os.environ.get("SAIDWHAT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Seconds to wait for the server to answer after it is started.
SERVER_START_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def desk_db(tmp_path_factory, make_cli) -> Path:
    """A store with the demo corpus (built once per session)."""
    db = tmp_path_factory.mktemp("desk") / "desk.db"
    result = make_cli(db)("ingest", str(CORPUS))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def desk_url(desk_db: Path, tmp_path_factory) -> str:
    """The base URL of a desk served over ``desk_db`` for the whole session."""
    port = free_port()
    data = tmp_path_factory.mktemp("desk-data")
    env = {k: v for k, v in os.environ.items() if k != "SAIDWHAT_DESK_TOKEN"}
    log = open(data / "server.log", "wb")  # noqa: SIM115 - closed at teardown
    proc = subprocess.Popen(
        serve_command(desk_db, "--port", str(port), "--data-dir", str(data)),
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_S
    while True:
        try:
            if httpx.get(url + "/search", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.close()
            pytest.fail("the desk did not start: " + (data / "server.log").read_text()[-2000:])
        time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install playwright)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    except Exception as e:
        pw.stop()
        _missing(f"Chromium does not start: {e}")
    yield b
    b.close()
    pw.stop()


class PageProblems:
    """Console errors, uncaught exceptions and dialogs seen by a page."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []

    def assert_clean(self) -> None:
        assert not self.dialogs, f"a dialog opened (script ran): {self.dialogs}"
        assert not self.page_errors, f"uncaught errors: {self.page_errors}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@pytest.fixture
def page(browser, desk_url):
    """A fresh browser context (own cookies) and page; fails the test on console errors."""
    context = browser.new_context(base_url=desk_url, accept_downloads=True)
    context.set_default_timeout(30_000)
    pg = context.new_page()
    problems = PageProblems()
    pg.on(
        "console",
        lambda m: problems.console_errors.append(m.text) if m.type == "error" else None,
    )
    pg.on("pageerror", lambda e: problems.page_errors.append(str(e)))

    def on_dialog(d) -> None:
        problems.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.problems = problems
    yield pg
    context.close()
    problems.assert_clean()
