"""JavaScript rendering in the system's Chromium: a single-page app on loopback whose content
(people, emails, a link) exists only once its script ran, and whose script also reaches for the
canary server on 127.0.0.2, the cloud metadata address, a robots.txt-disallowed endpoint and a
redirect to the canary; none of them may be reached."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leadwise.crawling.crawler import Crawler
from leadwise.crawling.render import BrowserPool, looks_like_shell
from leadwise.crawling.report import SiteReport, crawl_site
from tests.crawling.conftest import SITES, World

CHROMIUM = "/usr/bin/chromium"
SPA_PEOPLE = {"Hank Scorpio", "Mindy Simmons", "Frank Grimes", "Lurleen Lumpkin"}
SPA_EMAILS = {"hank.scorpio@spa.lwtest", "mindy.simmons@spa.lwtest", "frank.grimes@spa.lwtest",
              "sales@spa.lwtest", "hello@spa.lwtest", "lurleen.lumpkin@spa.lwtest",
              "careers@spa.lwtest"}  # fmt: skip


def _people(report: SiteReport) -> set[str]:
    return {person["name"] for person in report.as_dict()["people"]}


def _emails(report: SiteReport) -> set[str]:
    return {fact["value"] for fact in report.as_dict()["emails"]}


def _chromium_processes() -> list[int]:
    """Chromium processes started from this test process (through Playwright's driver)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        parents[int(entry)] = int(stat[stat.rindex(")") + 2 :].split()[1])
        names[int(entry)] = name
    mine = []
    for pid in parents:
        ancestor = parents.get(pid, 0)
        while ancestor > 1:
            if ancestor == os.getpid():
                if "chrom" in names[pid]:
                    mine.append(pid)
                break
            ancestor = parents.get(ancestor, 0)
    return mine


# --- render=auto's test, a pure function ----------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        (SITES / "spa" / "index.html").read_text(),
        (SITES / "spa" / "contact.html").read_text(),
        '<html><body><div id="__next"></div><script src="/_next/main.js"></script></body></html>',
        "<html><body><app-root></app-root><script src=main.js></script></body></html>",
        '<body><header>Acme</header><div id="app"><div class="spinner"></div></div>'
        '<footer>© 2024 Acme Inc. · Imprint · Privacy</footer><script src="/app.js"></script>',
        "<body><noscript>Bitte aktivieren Sie JavaScript, um diese Seite zu nutzen.</noscript>"
        "<nav><a href=/>Home</a> <a href=/about>About</a></nav><div></div>"
        "<script>boot()</script></body>",
        "<body><div></div><script>render()</script></body>",
    ],
)
def test_empty_shells_are_recognised(html: str) -> None:
    assert looks_like_shell(html)


_TEXT = "Acme Robotics builds welding robots for small factories in Berlin. " * 6
_NOT_SHELLS = [
    ("short page, no script", "<html><body><h1>Hello</h1><p>Tiny page.</p></body></html>"),
    (
        "server-rendered app",
        f'<body><div id="root"><h1>Acme</h1><p>{_TEXT}</p></div>'
        '<script src="/hydrate.js"></script></body>',
    ),
    (
        "tracking pixel noscript",
        f"<body><p>{_TEXT}</p><noscript><img src='https://t.example/"
        "p?noscript=1'></noscript><script>track()</script></body>",
    ),
    (
        "only structured data",
        '<body><div id="root"></div><script type="application/ld+json">'
        '{"@type": "Organization"}</script></body>',
    ),
]


@pytest.mark.parametrize(("case", "html"), _NOT_SHELLS, ids=[case for case, _ in _NOT_SHELLS])
def test_pages_with_content_are_not_shells(case: str, html: str) -> None:
    assert not looks_like_shell(html), case


def test_the_fixture_sites_static_pages_are_not_shells() -> None:
    pages = [path for site in ("acme", "northwind") for path in (SITES / site).rglob("*.html")]
    assert len(pages) >= 10
    for path in pages:
        assert not looks_like_shell(path.read_text()), path


# --- crawls of the single-page app ---------------------------------------------------------


@pytest.fixture(scope="module")
async def spa_crawls(world: World) -> dict[str, Any]:
    """The same site crawled without rendering, with every page rendered, and with auto."""
    crawls: dict[str, Any] = {}
    for mode in ("off", "always", "auto"):
        world.server.clear()
        world.canary.clear()
        report = await crawl_site(world.url("spa.lwtest"), world.options(render=mode),
                                  resolver=world.resolver, find_emails=False)  # fmt: skip
        crawls[mode] = (report, world.server.requests("spa.lwtest"), list(world.canary.hits))
    return crawls


async def test_without_rendering_the_app_shows_nothing(spa_crawls: dict[str, Any]) -> None:
    report, hits, _ = spa_crawls["off"]
    assert report.stats.pages_fetched == 1
    assert report.stats.pages_rendered == 0
    assert _people(report) == set()
    assert _emails(report) == set()
    assert "/static/app.js" not in [hit.path for hit in hits]


@pytest.mark.parametrize("mode", ["always", "auto"])
async def test_rendering_finds_what_the_script_shows(spa_crawls: dict[str, Any], mode: str) -> None:
    report, hits, _ = spa_crawls[mode]
    stats = report.stats
    assert _people(report) == SPA_PEOPLE
    assert _emails(report) == SPA_EMAILS
    people = {p["name"]: p for p in report.as_dict()["people"]}
    assert people["Hank Scorpio"]["title"] == "Chief Executive Officer"
    assert people["Hank Scorpio"]["emails"] == ["hank.scorpio@spa.lwtest"]
    # The links exist only in the rendered page, and the crawler followed them. /jobs answers
    # the very shell / does (a single-page app's route), and is no duplicate once rendered.
    paths = [url.rsplit("/", 1)[1] for url in report.pages]
    assert paths[0] == ""
    assert sorted(paths[1:]) == ["contact", "jobs"]
    assert (stats.pages_fetched, stats.pages_rendered, stats.render_failures) == (3, 3, 0)
    assert stats.duplicates == 0
    paths = [hit.path for hit in hits]
    assert paths.count("/api/team.json") == 1  # fetched by the page's script, through us
    assert paths.count("/api/jobs.json") == 1
    assert paths.count("/") == 1  # the browser got the document the crawler fetched already
    assert paths.count("/jobs") == 1
    assert all(hit.user_agent.startswith("Mozilla/5.0 (compatible; LeadwiseBot") for hit in hits)


@pytest.mark.parametrize("mode", ["always", "auto"])
async def test_the_guard_and_robots_cover_the_browsers_requests(
    spa_crawls: dict[str, Any], mode: str
) -> None:
    report, hits, canary_hits = spa_crawls[mode]
    assert canary_hits == []  # not the fetches, the redirect, the socket, the pixel, the beacon
    paths = [hit.path for hit in hits]
    assert "/private-api/secret.json" not in paths  # robots.txt disallows it
    assert "/bounce" in paths  # asked, and its redirect to the canary refused by the guard
    assert "robots-ignored@spa.lwtest" not in _emails(report)
    assert "canary@acme.lwtest" not in _emails(report)
    refused = report.stats.render_refused
    # canary.acme.lwtest, 127.0.0.2, metadata (169.254.169.254), /bounce's redirect, and the
    # fetch of a Web Worker the script started (a worker's requests are routed too)
    assert refused["blocked"] == 5
    assert refused["robots"] == 1
    assert refused["websocket"] == 1
    assert refused["not_needed"] >= 2  # the pixel and the beacon
    assert report.stats.render_requests == 4  # app.js twice, team.json, jobs.json


async def test_the_browser_would_reach_the_canary_without_the_guard(world: World) -> None:
    """The other side of the guard test: with the guard lifted, the same script's fetches do
    reach the canary (so the test above sees a refusal, not a script that never asked)."""
    world.canary.clear()
    options = world.options(render="always", allowed_networks=("127.0.0.0/8",))
    report = await crawl_site(world.url("spa.lwtest"), options, resolver=world.resolver,
                              find_emails=False)  # fmt: skip
    paths = sorted(hit.path for hit in world.canary.hits)
    # by name, by address, /bounce's redirect, and the worker's fetch
    assert paths == ["/", "/", "/", "/worker"]
    assert report.stats is not None
    assert report.stats.render_refused["blocked"] == 1  # the metadata address still
    # Never asked even then: the socket, the pixel and the beacon are refused unasked.
    assert report.stats.render_refused["websocket"] == 1
    assert "canary@acme.lwtest" in _emails(report)


async def test_auto_renders_only_shells(world: World) -> None:
    report = await crawl_site(world.url("northwind.lwtest"), world.options(render="auto"),
                              resolver=world.resolver, find_emails=False)  # fmt: skip
    assert report.stats is not None
    assert report.stats.pages_fetched >= 3
    assert report.stats.pages_rendered == 0
    assert _chromium_processes() == []


async def test_a_shared_pool_is_one_browser_with_bounded_pages(world: World) -> None:
    async with BrowserPool(chromium_path=CHROMIUM, size=1, user_agent="LeadwiseTest") as pool:
        for _ in range(2):
            report = await crawl_site(
                world.url("spa.lwtest"),
                world.options(render="always", concurrency=4),
                resolver=world.resolver,
                find_emails=False,
                browsers=pool,
            )
            assert _people(report) == SPA_PEOPLE
        assert pool.launches == 1  # six pages over two crawls, one Chromium
        assert pool.peak_in_use == 1
        assert pool.contexts_opened == 1  # one tab, kept for the site's next page
        northwind = world.url("northwind.lwtest")
        other = await crawl_site(northwind, world.options(render="always"), browsers=pool,
                                 resolver=world.resolver, find_emails=False)  # fmt: skip
        assert other.stats is not None
        assert other.stats.pages_rendered >= 3
        assert pool.contexts_opened == 2  # another site: a fresh context, nothing carried over
        assert pool.launches == 1
        assert _chromium_processes() != []  # the caller's pool stays open between crawls
    assert _chromium_processes() == []  # and closes cleanly


async def test_a_crawl_closes_its_own_browser(world: World) -> None:
    pages: list[Any] = []
    crawler = Crawler(world.options(render="always", use_sitemaps=False), resolver=world.resolver)
    await crawler.crawl(world.url("spa.lwtest"), pages.append)
    assert [page.rendered for page in pages] == [True, True, True]
    assert "Hank Scorpio" in pages[0].html
    assert _chromium_processes() == []


async def test_a_wrong_chromium_path_keeps_the_fetched_page(world: World) -> None:
    options = world.options(render="always", chromium_path="/nonexistent/chromium")
    report = await crawl_site(world.url("spa.lwtest"), options, resolver=world.resolver,
                              find_emails=False)  # fmt: skip
    stats = report.stats
    assert stats is not None
    assert (stats.pages_fetched, stats.pages_rendered, stats.render_failures) == (1, 0, 1)
    [failure] = stats.failures
    assert failure.kind == "render"
    assert "/nonexistent/chromium" in failure.message
    assert "LEADWISE_CRAWL__CHROMIUM_PATH" in failure.message


async def test_a_page_is_rendered_within_the_crawls_time_budget(world: World) -> None:
    report = await crawl_site(world.url("spa.lwtest"),
                              world.options(render="always", time_budget_seconds=0.8),
                              resolver=world.resolver, find_emails=False)  # fmt: skip
    stats = report.stats
    assert stats is not None
    assert stats.pages_rendered == 0
    assert stats.render_failures == 1
    assert "no time left" in stats.failures[0].message
    assert stats.seconds < 2.0


# --- `leadwise crawl --render` as a user runs it ------------------------------------------


def _crawl_cli(
    cwd: Path, *args: str, prelude: str = "", **settings: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
    env.update({f"LEADWISE_CRAWL__{key.upper()}": value for key, value in settings.items()})
    env["COLUMNS"] = "200"
    command = [sys.executable, "-c", f"{prelude}from leadwise.cli import main; main()", "crawl"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=120,
                          check=False, env=env, cwd=cwd)  # fmt: skip


def _local_spa(world: World) -> str:
    return f"http://localhost:{world.port}/"  # the SPA answers as localhost too (no DNS)


def test_cli_render(world: World, tmp_path: Path) -> None:
    loopback = {"allowed_networks": "127.0.0.1/32", "delay_seconds": "0"}
    plain = _crawl_cli(tmp_path, _local_spa(world), "--json", "--no-verify", **loopback)
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["people"] == []
    world.canary.clear()
    done = _crawl_cli(tmp_path, _local_spa(world), "--render", "--json", "--no-verify",
                      **loopback)  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert {person["name"] for person in report["people"]} == SPA_PEOPLE
    assert "sales@spa.lwtest" in {fact["value"] for fact in report["emails"]}
    assert report["stats"]["pages_rendered"] == 3
    assert report["stats"]["render_refused"]["blocked"] >= 1  # 127.0.0.2 and its redirect
    assert world.canary.hits == []
    tables = _crawl_cli(tmp_path, _local_spa(world), "--no-verify", render="auto", **loopback)
    assert tables.returncode == 0, tables.stderr
    assert "Hank Scorpio" in tables.stdout
    assert "rendered: 3 pages in Chromium (0 failed)" in tables.stdout


def test_cli_render_without_chromium_or_playwright(world: World, tmp_path: Path) -> None:
    loopback = {"allowed_networks": "127.0.0.1/32", "delay_seconds": "0"}
    done = _crawl_cli(tmp_path, _local_spa(world), "--render", "--no-verify",
                      chromium_path="/opt/no-chromium/chrome", **loopback)  # fmt: skip
    assert done.returncode == 1
    assert "/opt/no-chromium/chrome" in done.stderr
    assert "LEADWISE_CRAWL__CHROMIUM_PATH" in done.stderr
    assert done.stdout == ""
    # A base install (no `render` extra): the import fails as it would there.
    no_playwright = "import sys; sys.modules['playwright'] = None; "
    done = _crawl_cli(tmp_path, _local_spa(world), "--render", "--no-verify",
                      prelude=no_playwright, **loopback)  # fmt: skip
    assert done.returncode == 1
    assert "pip install 'leadwise[render]'" in done.stderr
    # Without rendering asked for, neither is needed.
    done = _crawl_cli(tmp_path, _local_spa(world), "--no-verify", "--json", prelude=no_playwright,
                      chromium_path="/opt/no-chromium/chrome", **loopback)  # fmt: skip
    assert done.returncode == 0, done.stderr


async def test_a_script_that_never_ends_is_cut_off(world: World) -> None:
    options = world.options(render="always", render_timeout_seconds=2.0, max_depth=0,
                            use_sitemaps=False)  # fmt: skip
    pages: list[Any] = []
    crawler = Crawler(options, resolver=world.resolver)
    result = await crawler.crawl(world.url("spa.lwtest", "/busy"), pages.append)
    assert result.stats.pages_fetched == 1
    assert (result.stats.pages_rendered, result.stats.render_failures) == (0, 1)
    assert result.stats.failures[0].kind == "render"
    assert "while (true)" in pages[0].html  # the page as fetched
    assert result.stats.seconds < 10
    assert _chromium_processes() == []


async def test_a_page_that_never_goes_idle_is_taken_when_time_is_up(world: World) -> None:
    options = world.options(render="always", render_timeout_seconds=3.0, max_depth=0,
                            use_sitemaps=False, render_max_requests=5)  # fmt: skip
    report = await crawl_site(world.url("spa.lwtest", "/live"), options, resolver=world.resolver,
                              find_emails=False)  # fmt: skip
    stats = report.stats
    assert stats is not None
    assert _people(report) == {"Hank Scorpio"}, stats.as_dict()
    assert (stats.pages_rendered, stats.render_requests) == (1, 5), stats.as_dict()
    assert stats.render_refused["budget"] >= 1  # it polls ten times a second
    assert 3.0 <= stats.seconds < 15  # waited out the render timeout, and no longer


async def test_chromium_on_its_own_reaches_nothing(world: World) -> None:
    """The second wall: a page in the pool's Chromium without our routing (as a request that
    escaped it would be) gets nowhere, not even to loopback."""
    from playwright.async_api import Error as PlaywrightError

    world.canary.clear()
    world.server.clear()
    async with BrowserPool(chromium_path=CHROMIUM, size=1, user_agent="LeadwiseTest") as pool:
        browser = await pool.start()
        context = await browser.new_context()
        page = await context.new_page()
        for url in (f"http://127.0.0.2:{world.canary.port}/", _local_spa(world),
                    world.url("spa.lwtest")):  # fmt: skip
            with pytest.raises(PlaywrightError):
                await page.goto(url, timeout=5000)
        await context.close()
    assert world.canary.hits == []
    assert world.server.hits == []


async def test_the_pool_starts_chromium_again_after_a_crash(world: World) -> None:
    options = world.options(render="always", use_sitemaps=False)
    async with BrowserPool(chromium_path=CHROMIUM, size=1, user_agent="LeadwiseTest") as pool:
        first = await crawl_site(world.url("spa.lwtest"), options, resolver=world.resolver,
                                 find_emails=False, browsers=pool)  # fmt: skip
        assert _people(first) == SPA_PEOPLE
        for pid in _chromium_processes():  # the browser this test's pool started
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        # At once, while Playwright may not have noticed: a render fails or Chromium starts
        # again, but the crawl goes on either way.
        during = await crawl_site(world.url("spa.lwtest"), options, resolver=world.resolver,
                                  find_emails=False, browsers=pool)  # fmt: skip
        assert during.stats is not None
        assert during.stats.pages_fetched >= 1
        after = await crawl_site(world.url("spa.lwtest"), options, resolver=world.resolver,
                                 find_emails=False, browsers=pool)  # fmt: skip
        assert _people(after) == SPA_PEOPLE
        assert after.stats is not None
        assert after.stats.pages_rendered == 3
        assert pool.launches == 2
    assert _chromium_processes() == []
