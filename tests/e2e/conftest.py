"""The web app end to end: `leadwise serve` (API, web app, embedded worker) on a loopback port
with a fresh SQLite data directory, driven by Debian's Chromium through Playwright.

The built web app must be present: the session builds it once (`npm run build`) when
src/leadwise/web/index.html is missing or older than a file under frontend/src.
Screenshots of each screen go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.conftest import FAST_HASHING, PASSWORD

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
FRONTEND = REPO_ROOT / "frontend"
WEB_INDEX = REPO_ROOT / "src" / "leadwise" / "web" / "index.html"
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OWNER_EMAIL = "owner@example.com"

# The machine is shared with other test runs: give an assertion 10 s before it fails, not 5.
expect.set_options(timeout=10_000)


def _newest_source() -> float:
    sources = [FRONTEND / "index.html", FRONTEND / "package-lock.json", FRONTEND / "vite.config.ts"]
    sources += [p for p in (FRONTEND / "src").rglob("*") if p.is_file()]
    return max(p.stat().st_mtime for p in sources if p.exists())


def ensure_built() -> None:
    if WEB_INDEX.is_file() and WEB_INDEX.stat().st_mtime >= _newest_source():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("the web app is not built and npm is missing: run `make web`")
    if not (FRONTEND / "node_modules").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    subprocess.run([npm, "run", "build"], cwd=FRONTEND, check=True, capture_output=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    log: Path

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)

    def logs(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (make browsers)")
    ensure_built()
    home = tmp_path_factory.mktemp("webapp")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
    env.update(
        FAST_HASHING,
        LEADWISE_DATA_DIR=str(home / "data"),
        LEADWISE_LOG__LEVEL="WARNING",
        LEADWISE_RATE_LIMIT__LOGIN="1000/minute",
        LEADWISE_RATE_LIMIT__REFRESH="1000/minute",
        LEADWISE_RATE_LIMIT__PUBLIC="1000/minute",
        # Crawls reach the test's own site on loopback, at once; no mail server is probed.
        LEADWISE_CRAWL__ALLOW_PRIVATE_NETWORKS="true",
        LEADWISE_CRAWL__DELAY_SECONDS="0",
        LEADWISE_VERIFY__SMTP_ENABLED="false",
        PYTHONPATH=str(REPO_ROOT),
    )
    log = home / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "leadwise", "serve", "--port", str(port)],
            env=env,
            cwd=home,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    served = Server(f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{served.url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, served.logs()
            assert time.monotonic() < deadline, "serve did not come up:\n" + served.logs()
            time.sleep(0.2)
        yield served
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


# Package scope, not session: Playwright's sync API keeps an event loop running in this thread
# while it is open, and the async tests that run after this package need the thread free.
@pytest.fixture(scope="package")
def browser(server: Server) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == [], errors


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def sign_in(page: Any, email: str, password: str = PASSWORD) -> None:
    page.goto("/leads")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Leads").wait_for()


@dataclass
class Owner:
    email: str
    token: str
    workspace_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture(scope="package")
def owner(browser: Any, server: Server) -> Owner:
    """First-run setup, through the web app as a new user does it."""
    with server.api() as api:
        assert api.get("/api/v1/setup").json()["data"]["setup_required"] is True
    context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto("/")
    page.get_by_role("heading", name="Set up Leadwise").wait_for()
    page.get_by_label("Your name").fill("Olivia Owner")
    page.get_by_label("Email").fill(OWNER_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Workspace name").fill("Acme Sales")
    shot(page, "01-setup")
    page.get_by_role("button", name="Create workspace").click()
    page.get_by_role("heading", name="Leads").wait_for()
    page.get_by_text("No leads yet").wait_for()
    shot(page, "02-leads-empty")
    context.close()
    with server.api() as api:
        credentials = {"username": OWNER_EMAIL, "password": PASSWORD}
        signed = api.post("/api/v1/auth/login", data=credentials)
        token = signed.json()["data"]["access_token"]
        me = api.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}).json()
    return Owner(OWNER_EMAIL, token, me["data"]["active_workspace_id"])


def own_workspace(server: Server, owner: Owner, name: str) -> dict[str, str]:
    """A workspace of the owner's for one test (its leads and figures are that test's alone);
    the headers that address it."""
    with server.api() as api:
        created = api.post("/api/v1/workspaces", json={"name": name}, headers=owner.headers)
        assert created.status_code == 201, created.text
    return {**owner.headers, "X-Workspace-ID": created.json()["data"]["id"]}


def open_workspace(page: Any, owner: Owner, headers: dict[str, str]) -> None:
    """Sign in and switch the app to that workspace."""
    sign_in(page, owner.email)
    page.get_by_label("Workspace").select_option(headers["X-Workspace-ID"])
    expect(page.get_by_label("Workspace")).to_have_value(headers["X-Workspace-ID"])
    expect(page.get_by_role("heading", name="Leads")).to_be_visible()
