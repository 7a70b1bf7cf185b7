"""Crawl and extraction speed.

1. Pages/s crawled from a local 500-page site (uvicorn on loopback, politeness off: no delay,
   8 requests at once), the crawler alone and the whole `crawl_site` (with extraction).
2. Extraction time per ~100 KB page (`extract_page`: structured data, company facts, emails,
   phones, profiles, addresses, people, technologies), median and p95 over 300 runs.

    .venv/bin/python bench/crawl.py
"""

from __future__ import annotations

import asyncio
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers.http_site import Site, SiteServer
from tests.servers.loop import LoopThread

from leadwise.crawling.crawler import Crawler, CrawlOptions
from leadwise.crawling.extract import extract_page
from leadwise.crawling.report import crawl_site

PAGES = 500
FIRST = ["Anna", "Tom", "Lena", "Jonas", "Maria", "Peter", "Sarah", "David"]
LAST = ["Schmidt", "Becker", "Vogel", "Weber", "Garcia"]


def site_pages() -> dict[str, bytes]:
    pages = {}
    for n in range(PAGES):
        links = " ".join(f'<a href="/p/{(n * 7 + k) % PAGES}">page {k}</a>' for k in range(1, 6))
        body = f"<p>Paragraph {n} about robots, logistics and people.</p>" * 40
        pages["/" if n == 0 else f"/p/{n}"] = (
            f"<html lang='en'><head><title>Page {n} | Bench Corp</title></head><body>"
            f"<nav>{links}</nav><main>{body}<p>Contact: sales@bench.lwtest, +1 415 867 5309"
            f"</p></main></body></html>"
        ).encode()
    return pages


def big_page() -> str:
    cards = "".join(
        f'<div class="team-member"><h3>{FIRST[i % 8]} {LAST[i // 8]}</h3>'
        f'<p class="position">Head of Sales</p><a href="mailto:p{i}@acme.com">mail</a></div>'
        for i in range(40)
    )
    text = "<p>" + "Acme builds collaborative robots for small factories. " * 12 + "</p>"
    links = "".join(f'<a href="/blog/post-{i}">Post {i}</a>' for i in range(150))
    html = (
        "<html lang='de'><head><title>Team | Acme Robotics GmbH</title>"
        '<meta property="og:site_name" content="Acme Robotics">'
        '<script type="application/ld+json">{"@type":"Organization","name":"Acme Robotics GmbH",'
        '"address":{"@type":"PostalAddress","streetAddress":"Hauptstr. 5","postalCode":"10115",'
        '"addressLocality":"Berlin","addressCountry":"DE"}}</script>'
        '<script src="https://js.hs-scripts.com/1.js"></script></head><body>'
        f"<nav>{links}</nav><main>{cards}"
        + text
        * 120
        + "<p>Kontakt: info [at] acme [dot] com, Tel. 030 1234567, Fax 030 1234568</p>"
        "<address>Hauptstr. 5, 10115 Berlin</address></main>"
        '<footer><a href="https://www.linkedin.com/company/acme">in</a></footer></body></html>'
    )
    return html


async def crawl_speed(port: int) -> None:
    options = CrawlOptions(
        max_pages=PAGES, max_depth=100, delay_seconds=0.0, concurrency=8,
        per_host_concurrency=8, use_sitemaps=False, time_budget_seconds=120,
        allowed_networks=("127.0.0.1/32",),
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    for label, run in (
        ("crawler alone", lambda: Crawler(options).crawl(url)),
        ("crawl_site (crawl + extraction)", lambda: crawl_site(url, options, find_emails=False)),
    ):
        started_cpu = time.process_time()
        started = time.perf_counter()
        result = await run()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - started_cpu
        stats = result.stats
        assert stats is not None
        print(
            f"{label}: {stats.pages_fetched} pages in {seconds:.2f} s = "
            f"{stats.pages_fetched / seconds:.0f} pages/s (crawler process CPU {cpu:.2f} s)"
        )


def prose_page() -> str:
    """A ~100 KB page without a team: prose, a long menu, a footer with contacts."""
    links = "".join(f'<li><a href="/products/item-{i}">Product {i}</a></li>' for i in range(300))
    text = "<p>" + "We deliver logistics software to mid-sized carriers since 2004. " * 10
    return (
        "<html lang='en'><head><title>Products | Northwind Analytics</title></head><body>"
        f"<nav><ul>{links}</ul></nav><main>" + (text + "</p>") * 140 + "</main><footer>"
        "<p>Sales: sales@northwind.com, (415) 867-5309</p></footer></body></html>"
    )


def extraction_speed() -> None:
    for label, html in (("team page", big_page()), ("prose page", prose_page())):
        measure(label, html)


def measure(label: str, html: str) -> None:
    size = len(html.encode())
    times, cpu_times = [], []
    facts = extract_page(html, "https://www.acme.de/team")
    for _ in range(300):
        started, cpu_started = time.perf_counter(), time.process_time()
        extract_page(html, "https://www.acme.de/team")
        cpu_times.append((time.process_time() - cpu_started) * 1000)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    # CPU time too: on a shared machine the wall time also counts other processes' turns.
    print(
        f"extract_page on a {size / 1024:.0f} KB {label} ({len(facts.people)} people, "
        f"{len(facts.emails)} emails, {len(facts.phones)} phones): median "
        f"{statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms; "
        f"CPU median {statistics.median(cpu_times):.2f} ms"
    )


def main() -> None:
    print(f"python {platform.python_version()}, {platform.machine()}")
    if "--extraction-only" in sys.argv:
        extraction_speed()
        return
    thread = LoopThread()
    server = SiteServer({"127.0.0.1": Site(pages=site_pages())})
    port = thread.run(server.start())
    try:
        asyncio.run(crawl_speed(port))
    finally:
        thread.run(server.stop())
        thread.stop()
    extraction_speed()


if __name__ == "__main__":
    main()
