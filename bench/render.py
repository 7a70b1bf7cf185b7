"""JavaScript rendering cost: a generated 40-page single-page app on loopback (each page an
empty shell whose script fetches its content from a JSON endpoint and adds the links), crawled
with render=always at pool sizes 1, 2 and 4, against the same crawl without rendering; the
Chromium processes' memory sampled while it runs; `looks_like_shell` per page.

    .venv/bin/python bench/render.py
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers.http_site import Reply, Request, Site, SiteServer
from tests.servers.loop import LoopThread

from leadwise.crawling.crawler import CrawlOptions
from leadwise.crawling.render import BrowserPool, looks_like_shell
from leadwise.crawling.report import crawl_site

PAGES = 40
CHROMIUM = "/usr/bin/chromium"
SHELL = (
    b"<!DOCTYPE html><html lang='en'><head><title>Bench App</title>"
    b"<script src='/app.js' defer></script></head><body><div id='root'></div></body></html>"
)
APP_JS = b"""
fetch("/api" + location.pathname.replace(/\\/$/, "/index") + ".json")
  .then(function (r) { return r.json(); })
  .then(function (d) {
    var root = document.getElementById("root");
    root.innerHTML = "<h1>" + d.title + "</h1>" + d.people.map(function (p) {
      return '<div class="team-member"><h3>' + p.name + '</h3><p class="position">' + p.title +
        '</p><a href="mailto:' + p.email + '">mail</a></div>';
    }).join("") + d.links.map(function (l) { return '<a href="' + l + '">' + l + "</a>"; })
      .join(" ") + "<p>" + "Bench Corp builds robots for small factories. ".repeat(40) + "</p>";
  });
"""
FIRST = ["Anna", "Tom", "Lena", "Jonas", "Maria", "Peter", "Sarah", "David"]
LAST = ["Schmidt", "Becker", "Vogel", "Weber", "Garcia"]


def bench_site() -> Site:
    def data(request: Request) -> Reply:
        name = request.path.removeprefix("/api/").removesuffix(".json")
        n = 0 if name == "index" else int(name.rsplit("-", 1)[1])
        body = {
            "title": f"Page {n}",
            "people": [
                {
                    "name": f"{FIRST[(n + k) % 8]} {LAST[k]}",
                    "title": "Head of Sales",
                    "email": f"p{n}.{k}@bench.lwtest",
                }
                for k in range(3)
            ],
            "links": [f"/page-{(n * 7 + k) % PAGES}" for k in range(1, 6)],
        }
        return Reply(body=json.dumps(body).encode(), content_type="application/json")

    pages = {"/": SHELL, **{f"/page-{n}": SHELL for n in range(1, PAGES)}}
    routes = {"/app.js": lambda r: Reply(body=APP_JS, content_type="text/javascript")}
    routes.update({f"/api/{name}.json": data
                   for name in ["index", *(f"page-{n}" for n in range(1, PAGES))]})  # fmt: skip
    return Site(pages=pages, routes=routes)


def chromium_pss_mib() -> float:
    """Proportional memory (PSS: shared pages split between their processes) of the Chromium
    processes under this process; summing RSS would count the shared pages many times."""
    parents: dict[int, int] = {}
    pss: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            rollup = Path(f"/proc/{entry}/smaps_rollup").read_text()
        except OSError:
            continue
        pid = int(entry)
        names[pid] = stat[stat.index("(") + 1 : stat.rindex(")")]
        parents[pid] = int(stat[stat.rindex(")") + 2 :].split()[1])
        pss[pid] = next((int(line.split()[1]) for line in rollup.splitlines()
                         if line.startswith("Pss:")), 0)  # fmt: skip
    total = 0
    for pid in parents:
        ancestor = parents[pid]
        while ancestor > 1:
            if ancestor == os.getpid():
                if "chrom" in names[pid]:
                    total += pss[pid]
                break
            ancestor = parents.get(ancestor, 0)
    return total / 1024


async def crawl_speed(port: int) -> None:
    base = CrawlOptions(
        max_pages=PAGES, max_depth=100, delay_seconds=0.0, concurrency=4,
        per_host_concurrency=8, use_sitemaps=False, time_budget_seconds=300,
        allowed_networks=("127.0.0.1/32",), chromium_path=CHROMIUM,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    plain = await crawl_site(url, base, find_emails=False)
    assert plain.stats is not None
    print(f"render off: {plain.stats.pages_fetched} page(s), {len(plain.people)} people "
          f"in {plain.stats.seconds:.2f} s")  # fmt: skip
    for size in (1, 2, 4):
        options = replace(base, render="always", concurrency=max(4, size), render_pool_size=size)
        peak = 0.0
        async with BrowserPool(chromium_path=CHROMIUM, size=size, user_agent="bench") as pool:
            started = time.perf_counter()
            await pool.start()
            launch = time.perf_counter() - started
            task = asyncio.create_task(crawl_site(url, options, find_emails=False, browsers=pool))
            while not task.done():
                peak = max(peak, chromium_pss_mib())
                await asyncio.sleep(0.2)
            report = task.result()
        stats = report.stats
        assert stats is not None
        print(
            f"render always, pool {size}: {stats.pages_fetched} pages ({stats.pages_rendered} "
            f"rendered, {len(report.people)} people) in {stats.seconds:.2f} s = "
            f"{stats.pages_rendered / stats.seconds:.1f} pages/s; Chromium start "
            f"{launch:.2f} s; Chromium memory peak {peak:.0f} MiB (PSS, all its processes)"
        )


def shell_test_speed() -> None:
    prose = (
        "<html><body><nav>" + "".join(f"<a href='/p/{i}'>Item {i}</a>" for i in range(300))
        + "</nav>" + "<p>" + "We deliver logistics software to carriers. " * 20 + "</p>" * 100
        + "<script src='/app.js'></script></body></html>"
    )  # fmt: skip
    for label, html in (("100 KB prose page", prose), ("shell", SHELL.decode())):
        times = []
        for _ in range(200):
            started = time.perf_counter()
            looks_like_shell(html)
            times.append((time.perf_counter() - started) * 1000)
        print(f"looks_like_shell on a {label} ({len(html) / 1024:.0f} KB): median "
              f"{statistics.median(times):.3f} ms")  # fmt: skip


def main() -> None:
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    thread = LoopThread()
    server = SiteServer({"127.0.0.1": bench_site()})
    port = thread.run(server.start())
    try:
        asyncio.run(crawl_speed(port))
    finally:
        thread.run(server.stop())
        thread.stop()
    shell_test_speed()


if __name__ == "__main__":
    main()
