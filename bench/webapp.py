"""The web app with 100,000 leads: time to the first rows of the leads page and the first cards
of the pipeline board, and how long a sort and a search take to show, in Debian's Chromium.

    .venv/bin/python bench/webapp.py [--leads 100000] [--runs 5]

Starts `leadwise serve` on a loopback port with a fresh SQLite data directory, signs up through
the API, creates one lead through the API and inserts the rest with bench/seed_leads.py (like
bench/leads.sh). The web app must be built (`make web`). Each run opens a new page in a signed-in
browser context (the refresh cookie is there, as for a returning user), so a time includes the
session refresh, /users/me, the stages and members, and the leads request. Times come from the
page's own clock (performance.now(), from navigation start) when a MutationObserver first sees
a table row or a kanban card. Sort and search: from the click (or the last keystroke, plus the
search box's 300 ms pause) to the first row changing. Medians of the runs are printed as Markdown.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "bench password 1234"
WATCH = """
window.__seen = {};
new MutationObserver(() => {
  for (const [name, selector] of [["row", "tbody tr[data-index]"], ["card", "li[data-lead]"]]) {
    if (!window.__seen[name] && document.querySelector(selector)) {
      window.__seen[name] = performance.now();
    }
  }
}).observe(document, {subtree: true, childList: true});
"""
FIRST_ROW_CHANGE = """async (action) => {
  const first = () => document.querySelector("tbody tr[data-index] a")?.textContent;
  const before = first();
  const changed = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (first() !== before) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(document.querySelector("tbody"),
                     {subtree: true, childList: true, characterData: true});
  });
  const start = performance.now();
  if (action === "sort") {
    [...document.querySelectorAll("thead button")]
      .find((b) => b.textContent.startsWith("Name")).click();
  } else {
    const box = document.getElementById("lead-search");
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    set.call(box, action);
    box.dispatchEvent(new Event("input", {bubbles: true}));
  }
  return (await changed) - start;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    if not (ROOT / "src" / "leadwise" / "web" / "index.html").is_file():
        sys.exit("build the web app first: make web")
    with tempfile.TemporaryDirectory(prefix="leadwise-webapp-bench-") as home:
        data = Path(home) / "data"
        env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
        env.update(LEADWISE_DATA_DIR=str(data), LEADWISE_LOG__LEVEL="WARNING")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "leadwise", "serve", "--port", str(port)],
            env=env,
            cwd=home,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{url}/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            results = measure(url, env, home, options)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    print(f"\n{options.leads:,} leads, {options.runs} runs, medians (all runs in ms):\n")
    print("| measure | median | runs |\n|---|---|---|")
    for name, values in results.items():
        runs = ", ".join(f"{v:.0f}" for v in values)
        print(f"| {name} | {statistics.median(values):.0f} ms | {runs} |")


def measure(url: str, env: dict[str, str], home: str, options: Any) -> dict[str, list[float]]:
    with httpx.Client(base_url=url, timeout=60) as api:
        setup = api.post(
            "/api/v1/setup",
            json={"email": "bench@example.org", "password": PASSWORD, "workspace_name": "Bench"},
        )
        token = setup.json()["data"]["tokens"]["access_token"]
        first = api.post(
            "/api/v1/leads",
            json={"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert first.status_code == 201, first.text
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "seed_leads.py"), str(options.leads - 1)],
        env=env,
        cwd=home,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"seeded {options.leads:,} leads in {time.perf_counter() - started:.1f} s")
    results: dict[str, list[float]] = {
        "leads page: first rows": [],
        "pipeline: first cards": [],
        "sort by name (click to new first row)": [],
        "search (300 ms pause included)": [],
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # bypass_csp: the measuring scripts are evaluated; the app itself needs no exception.
        context = browser.new_context(
            base_url=url, viewport={"width": 1400, "height": 900}, bypass_csp=True
        )
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto("/leads")
        page.get_by_label("Email").fill("bench@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.locator("tbody tr[data-index]").first.wait_for(timeout=60_000)
        page.close()
        for run in range(options.runs + 1):  # the first run warms the server's caches
            page = context.new_page()
            page.goto("/leads")
            page.wait_for_function("window.__seen.row", timeout=60_000)
            row = page.evaluate("window.__seen.row")
            sort = page.evaluate(FIRST_ROW_CHANGE, "sort")
            search = page.evaluate(FIRST_ROW_CHANGE, f"Lovelace{4321 + run}")
            page.goto("/pipeline")
            page.wait_for_function("window.__seen.card", timeout=60_000)
            card = page.evaluate("window.__seen.card")
            page.close()
            if run:
                results["leads page: first rows"].append(row)
                results["pipeline: first cards"].append(card)
                results["sort by name (click to new first row)"].append(sort)
                results["search (300 ms pause included)"].append(search)
        browser.close()
    return results


if __name__ == "__main__":
    main()
