"""The crawler: one site, the pages that carry contacts first, politely.

A priority frontier (contact, team, imprint pages before anything else; then shallower pages),
a few workers, and for every host a gate: at most `per_host_concurrency` requests at once and
at least `delay` (or the site's Crawl-delay) between the starts of two requests. A 429 or 503
moves the host's gate by its Retry-After and the URL is tried again. Pages whose final URL,
canonical link or body were seen already are counted as duplicates and not handed on.
"""

from __future__ import annotations

import asyncio
import hashlib
import heapq
import itertools
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from selectolax.lexbor import LexborHTMLParser

from leadwise.core.clock import utcnow
from leadwise.crawling.fetcher import Fetched, Fetcher, FetchFailed
from leadwise.crawling.guard import AddressPolicy, Resolver, dns_resolver
from leadwise.crawling.render import (
    BrowserPool,
    Rendered,
    RenderFailed,
    RenderUnavailable,
    looks_like_shell,
)
from leadwise.crawling.robots import MAX_ROBOTS_BYTES, MAX_SITEMAP_BYTES, RobotsRules, parse_sitemap
from leadwise.crawling.urls import (
    canonicalize,
    host_of,
    origin_of,
    priority,
    same_site,
    site_of,
    skip_reason,
)

MAX_FRONTIER = 20_000
MAX_SITEMAPS = 10
MAX_ATTEMPTS = 3  # a URL answered 429/503/5xx is tried at most this often
MAX_FAILURES_KEPT = 50

RenderMode = Literal["off", "auto", "always"]


@dataclass(frozen=True)
class CrawlOptions:
    max_pages: int = 50
    max_depth: int = 3
    max_page_bytes: int = 2 * 1024 * 1024
    time_budget_seconds: float = 60.0
    concurrency: int = 4
    per_host_concurrency: int = 2
    delay_seconds: float = 0.5
    request_timeout_seconds: float = 15.0
    respect_robots: bool = True
    use_sitemaps: bool = True
    max_sitemap_urls: int = 5000
    max_retry_after_seconds: float = 30.0
    max_redirects: int = 5
    http2: bool = True
    user_agent: str = "Mozilla/5.0 (compatible; LeadwiseBot/1.0)"
    robots_agent: str = "LeadwiseBot"
    allow_private_networks: bool = False
    allowed_networks: tuple[str, ...] = ()
    dns_servers: tuple[str, ...] = ()  # empty: the system's resolver
    render: RenderMode = "off"  # off, auto (pages that look like an empty shell), always
    chromium_path: str = "/usr/bin/chromium"
    render_pool_size: int = 2
    render_timeout_seconds: float = 15.0
    render_max_requests: int = 50


@dataclass
class Page:
    url: str  # the final URL, after redirects
    requested_url: str
    status: int
    depth: int
    html: str
    headers: dict[str, str]
    cookies: list[str]  # the names of the cookies the page sets
    fetched_at: datetime
    truncated: bool = False
    rendered: bool = False  # `html` is the page after its scripts ran in Chromium
    _tree: LexborHTMLParser | None = None

    @property
    def tree(self) -> LexborHTMLParser:
        """The parsed document, parsed once and shared by link finding and extraction."""
        if self._tree is None:
            self._tree = LexborHTMLParser(self.html)
        return self._tree


@dataclass
class Failure:
    url: str
    kind: str
    message: str


@dataclass
class CrawlStats:
    pages_fetched: int = 0
    pages_failed: int = 0
    bytes_fetched: int = 0
    duplicates: int = 0
    robots_disallowed: int = 0
    retries: int = 0
    redirects: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    sitemap_urls: int = 0
    crawl_delay_seconds: float = 0.0
    stopped_by: str = "done"  # done, max_pages, time_budget
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    pages_rendered: int = 0
    render_failures: int = 0  # pages whose fetched HTML stood because rendering failed
    render_requests: int = 0  # requests rendered pages made (through the guarded client)
    render_refused: Counter[str] = field(default_factory=Counter)  # their requests not made

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages_fetched": self.pages_fetched,
            "pages_failed": self.pages_failed,
            "bytes_fetched": self.bytes_fetched,
            "duplicates": self.duplicates,
            "robots_disallowed": self.robots_disallowed,
            "retries": self.retries,
            "redirects": self.redirects,
            "skipped": dict(self.skipped),
            "sitemap_urls": self.sitemap_urls,
            "crawl_delay_seconds": self.crawl_delay_seconds,
            "stopped_by": self.stopped_by,
            "seconds": round(self.seconds, 3),
            "failures": [{"url": f.url, "kind": f.kind, "message": f.message}
                         for f in self.failures],
            "pages_rendered": self.pages_rendered,
            "render_failures": self.render_failures,
            "render_requests": self.render_requests,
            "render_refused": dict(self.render_refused),
        }  # fmt: skip


@dataclass
class CrawlResult:
    start_url: str
    site: str
    pages: list[str]  # the URLs handed on, in fetch order
    stats: CrawlStats


OnPage = Callable[[Page], Awaitable[None] | None]


@dataclass(order=True)
class _Item:
    rank: tuple[int, int, int]
    url: str = field(compare=False)
    depth: int = field(compare=False)
    attempts: int = field(compare=False, default=0)


class _HostGate:
    """At most `slots` requests at once to a host and `interval` seconds between two starts,
    in the order the turns were asked for (so the frontier's priorities hold)."""

    def __init__(self, slots: int, interval: float) -> None:
        self.slots = asyncio.Semaphore(slots)
        self.interval = interval
        self.next_start = 0.0
        self.paused_until = 0.0

    async def wait_turn(self, deadline: float) -> bool:
        """False when the turn would come after the deadline."""
        while True:
            turn = max(time.monotonic(), self.next_start, self.paused_until)
            if turn >= deadline:
                return False
            self.next_start = turn + self.interval
            await asyncio.sleep(max(0.0, turn - time.monotonic()))
            if self.paused_until <= turn:
                return True
            # A 429 arrived while this turn was waiting: queue again behind the pause.

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, time.monotonic() + seconds)


class Crawler:
    def __init__(
        self,
        options: CrawlOptions,
        *,
        resolver: Resolver | None = None,
        browsers: BrowserPool | None = None,
    ) -> None:
        """`browsers`: a pool to render in, kept open for the caller (by default a crawl with
        rendering on starts its own Chromium when a page first needs it, and closes it)."""
        self.options = options
        self.policy = AddressPolicy(
            allow_private=options.allow_private_networks,
            allowed_networks=options.allowed_networks,
            resolver=resolver or dns_resolver(options.dns_servers, options.request_timeout_seconds),
        )
        self.stats = CrawlStats()
        self._frontier: list[_Item] = []
        self._seen: set[str] = set()
        self._done_urls: set[str] = set()
        self._bodies: set[bytes] = set()
        self._order = itertools.count()
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotsRules] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._in_flight = 0
        self._changed = asyncio.Condition()
        self._handed_on: list[str] = []
        self._site = ""
        self._deadline = 0.0
        self._browsers = browsers
        self._own_browsers = False
        self._render_broken = False
        self._fetcher: Fetcher | None = None

    @property
    def current_site(self) -> str:
        """The site being crawled (the start page may have moved it: acme.com -> acme.de)."""
        return self._site

    async def crawl(self, start_url: str, on_page: OnPage | None = None) -> CrawlResult:
        """Crawl from `start_url` (see urls.start_url) until the frontier is empty or a budget
        is spent; `on_page` gets every new HTML page as it arrives."""
        started = time.monotonic()
        self._deadline = started + self.options.time_budget_seconds
        self._site = site_of(host_of(start_url))
        fetcher = Fetcher(
            self.policy,
            user_agent=self.options.user_agent,
            timeout=self.options.request_timeout_seconds,
            http2=self.options.http2,
            max_connections=max(self.options.concurrency, 2) * 2,
            max_redirects=self.options.max_redirects,
        )
        self._fetcher = fetcher
        if self.options.render != "off" and self._browsers is None:
            self._browsers = BrowserPool(
                chromium_path=self.options.chromium_path,
                size=self.options.render_pool_size,
                user_agent=self.options.user_agent,
            )
            self._own_browsers = True
        try:
            first = await self._start(fetcher, start_url, on_page)
            if first:
                if self.options.use_sitemaps:
                    await self._seed_from_sitemaps(fetcher)
                workers = [
                    asyncio.create_task(self._work(fetcher, on_page))
                    for _ in range(self.options.concurrency)
                ]
                try:
                    await asyncio.gather(*workers)
                finally:
                    for worker in workers:
                        worker.cancel()
        finally:
            if self._own_browsers and self._browsers is not None:
                await self._browsers.aclose()
            await fetcher.aclose()
            self.stats.seconds = time.monotonic() - started
        return CrawlResult(start_url, self._site, self._handed_on, self.stats)

    # --- the start page: it may move the site (acme.com -> www.acme.de) ----------------------

    async def _start(self, fetcher: Fetcher, url: str, on_page: OnPage | None) -> bool:
        self._seen.add(url)
        if not await self._robots_allow(fetcher, url):
            self.stats.robots_disallowed += 1
            self._fail(url, "robots", f"{url}: robots.txt does not allow crawling it")
            return False
        item = _Item((0, 0, next(self._order)), url, 0)
        for _ in range(MAX_ATTEMPTS):
            fetched = await self._fetch(fetcher, item, site=None)
            if fetched is None:
                return False
            if not isinstance(fetched, float):
                break
            item.attempts += 1
        else:
            return False
        if isinstance(fetched, float):
            return False
        self._site = site_of(host_of(fetched.url))
        await self._accept(item, fetched, on_page)
        return True

    # --- workers -----------------------------------------------------------------------------

    async def _work(self, fetcher: Fetcher, on_page: OnPage | None) -> None:
        while True:
            async with self._changed:
                while True:
                    if time.monotonic() >= self._deadline:
                        self.stats.stopped_by = "time_budget"
                        self._changed.notify_all()
                        return
                    if self.stats.pages_fetched + self._in_flight >= self.options.max_pages:
                        if self._in_flight == 0:
                            self.stats.stopped_by = "max_pages"
                            self._changed.notify_all()
                            return
                    elif self._frontier:
                        break
                    elif self._in_flight == 0:
                        self._changed.notify_all()
                        return
                    try:
                        await asyncio.wait_for(
                            self._changed.wait(), max(0.01, self._deadline - time.monotonic())
                        )
                    except TimeoutError:
                        continue
                item = heapq.heappop(self._frontier)
                self._in_flight += 1
            try:
                await self._visit(fetcher, item, on_page)
            finally:
                async with self._changed:
                    self._in_flight -= 1
                    self._changed.notify_all()

    async def _visit(self, fetcher: Fetcher, item: _Item, on_page: OnPage | None) -> None:
        if not await self._robots_allow(fetcher, item.url):
            self.stats.robots_disallowed += 1
            return
        fetched = await self._fetch(fetcher, item, site=self._site)
        if isinstance(fetched, float):
            item.attempts += 1
            self._push(item)
            return
        if fetched is not None:
            await self._accept(item, fetched, on_page)

    async def _fetch(
        self, fetcher: Fetcher, item: _Item, *, site: str | None
    ) -> Fetched | float | None:
        """The page; a float when it should be tried again later; None when it failed."""
        gate = self._gate(item.url)
        async with gate.slots:
            if not await gate.wait_turn(self._deadline):
                self.stats.stopped_by = "time_budget"
                return None
            remaining = self._deadline - time.monotonic()
            timeout = max(0.5, min(self.options.request_timeout_seconds, remaining))
            try:
                fetched = await fetcher.fetch(
                    item.url, site=site, max_bytes=self.options.max_page_bytes, time_limit=timeout
                )
            except FetchFailed as failure:
                self._fail(item.url, failure.kind, str(failure))
                return None
        self.stats.redirects += len(fetched.redirects)
        if fetched.status in (429, 503) or fetched.status in (500, 502, 504):
            wait = fetched.retry_after()
            if wait is None:
                wait = 2.0 ** (item.attempts + 1) if fetched.status in (429, 503) else 1.0
            too_long = wait > self.options.max_retry_after_seconds
            if item.attempts + 1 >= MAX_ATTEMPTS or too_long:
                why = f"waited out {wait:.0f}s too long" if too_long else "gave up retrying"
                self._fail(item.url, "http", f"{item.url}: HTTP {fetched.status} ({why})")
                return None
            self.stats.retries += 1
            self._gate(fetched.url).pause(wait)
            return wait
        if fetched.status >= 400:
            self._fail(item.url, "http", f"{item.url}: HTTP {fetched.status}")
            return None
        if not fetched.is_html:
            self.stats.skipped["not html"] += 1
            return None
        return fetched

    async def _accept(self, item: _Item, fetched: Fetched, on_page: OnPage | None) -> None:
        final = canonicalize(fetched.url) or fetched.url
        self.stats.bytes_fetched += len(fetched.body)
        digest = hashlib.blake2b(fetched.body, digest_size=16).digest()
        html = fetched.text()
        # The routes of a single-page app all answer the same shell: a page to be rendered is
        # a duplicate only when what it shows is.
        to_render = self._wants_render(fetched, html)
        if final in self._done_urls or (digest in self._bodies and not to_render):
            self.stats.duplicates += 1
            return
        self._done_urls.add(final)
        self._seen.add(final)
        rendered = await self._render(fetched) if to_render else None
        if rendered is not None:
            digest = hashlib.blake2b(rendered.encode(), digest_size=16).digest()
        if digest in self._bodies:
            self.stats.duplicates += 1
            return
        self._bodies.add(digest)
        page = Page(
            url=final,
            requested_url=item.url,
            status=fetched.status,
            depth=item.depth,
            html=rendered if rendered is not None else html,
            headers={key.lower(): value for key, value in fetched.headers.items()},
            cookies=_cookie_names(fetched),
            fetched_at=utcnow(),
            truncated=fetched.truncated,
            rendered=rendered is not None,
        )
        canonical = _canonical_link(page)
        if canonical is not None and canonical != final and same_site(canonical, self._site):
            if canonical in self._done_urls:
                self.stats.duplicates += 1
                return
            self._done_urls.add(canonical)
            self._seen.add(canonical)
        self.stats.pages_fetched += 1
        self._handed_on.append(final)
        if item.depth < self.options.max_depth:
            for url, text in _links(page):
                self._offer(url, item.depth + 1, text)
        if on_page is not None:
            outcome = on_page(page)
            if outcome is not None:
                await outcome
        page._tree = None  # the tree is large; extraction has had it

    # --- JavaScript rendering ----------------------------------------------------------------

    def _wants_render(self, fetched: Fetched, html: str) -> bool:
        mode = self.options.render
        if mode == "off" or self._browsers is None or self._render_broken:
            return False
        return fetched.status == 200 and (mode == "always" or looks_like_shell(html))

    async def _render(self, fetched: Fetched) -> str | None:
        """The page's HTML after its scripts ran; None when that failed (it is noted)."""
        if self._browsers is None or self._fetcher is None:
            return None
        remaining = self._deadline - time.monotonic()
        if remaining < 1.0:
            self._render_failed(fetched.url, "no time left in the crawl's budget to render it")
            return None
        try:
            outcome = await self._browsers.render(
                fetched,
                site=self._site,
                fetcher=self._fetcher,
                vet=self._vet_render_request,
                timeout=min(self.options.render_timeout_seconds, remaining),
                max_requests=self.options.render_max_requests,
                max_bytes=self.options.max_page_bytes,
                request_timeout=self.options.request_timeout_seconds,
            )
        except RenderUnavailable as error:
            self._render_broken = True  # the next page would fail the same way
            self._render_failed(fetched.url, str(error))
            return None
        except RenderFailed as error:
            self._render_failed(fetched.url, str(error))
            return None
        self._count_render(outcome)
        text = outcome.html
        if len(text.encode()) > self.options.max_page_bytes:
            text = text.encode()[: self.options.max_page_bytes].decode("utf-8", "ignore")
        return text

    def _count_render(self, outcome: Rendered) -> None:
        self.stats.pages_rendered += 1
        self.stats.render_requests += outcome.requests
        self.stats.bytes_fetched += outcome.bytes
        self.stats.render_refused.update(outcome.refused)

    def _render_failed(self, url: str, message: str) -> None:
        self.stats.render_failures += 1
        if len(self.stats.failures) < MAX_FAILURES_KEPT:
            self.stats.failures.append(Failure(url, "render", f"not rendered: {message}"))

    async def _vet_render_request(self, url: str) -> str | None:
        """A rendered page's request to the site itself obeys the site's robots.txt."""
        fetcher = self._fetcher
        if not self.options.respect_robots or fetcher is None or not same_site(url, self._site):
            return None
        rules = await self._rules(fetcher, origin_of(url))
        return None if rules.allows(url, self.options.robots_agent) else "robots"

    # --- the frontier ------------------------------------------------------------------------

    def _offer(self, url: str, depth: int, link_text: str = "") -> None:
        if url in self._seen or not same_site(url, self._site):
            return
        self._seen.add(url)
        reason = skip_reason(url)
        if reason is not None:
            self.stats.skipped[reason] += 1
            return
        if len(self._frontier) >= MAX_FRONTIER:
            self.stats.skipped["frontier full"] += 1
            return
        weight = priority(url, link_text)
        self._push(_Item((-weight, depth, next(self._order)), url, depth))

    def _push(self, item: _Item) -> None:
        heapq.heappush(self._frontier, item)
        if self._changed.locked():
            return
        asyncio.get_running_loop().create_task(self._notify())

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _fail(self, url: str, kind: str, message: str) -> None:
        self.stats.pages_failed += 1
        if len(self.stats.failures) < MAX_FAILURES_KEPT:
            self.stats.failures.append(Failure(url, kind, message))

    def _gate(self, url: str) -> _HostGate:
        origin = origin_of(url)
        gate = self._gates.get(origin)
        if gate is None:
            gate = self._gates[origin] = _HostGate(
                self.options.per_host_concurrency, self.options.delay_seconds
            )
        return gate

    # --- robots.txt and sitemaps ------------------------------------------------------------

    async def _robots_allow(self, fetcher: Fetcher, url: str) -> bool:
        if not self.options.respect_robots:
            return True
        rules = await self._rules(fetcher, origin_of(url))
        return rules.allows(url, self.options.robots_agent)

    async def _rules(self, fetcher: Fetcher, origin: str) -> RobotsRules:
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            rules = self._robots.get(origin)
            if rules is not None:
                return rules
            gate = self._gate(origin)
            try:
                async with gate.slots:
                    await gate.wait_turn(self._deadline)
                    fetched = await fetcher.fetch(
                        origin + "/robots.txt", site=self._site, max_bytes=MAX_ROBOTS_BYTES
                    )
                rules = RobotsRules.from_response(fetched.status, fetched.text())
            except FetchFailed as failure:
                # Blocked or unresolvable: pages of this origin fail the same way anyway.
                no_server = failure.kind in ("blocked", "dns", "off_site")
                rules = RobotsRules(None) if no_server else RobotsRules.from_response(None, "")
            if self.options.respect_robots:
                delay = rules.crawl_delay(self.options.robots_agent)
                if delay > gate.interval:
                    gate.interval = delay
                    gate.next_start = max(gate.next_start, time.monotonic() + delay)
                    self.stats.crawl_delay_seconds = max(self.stats.crawl_delay_seconds, delay)
            self._robots[origin] = rules
            return rules

    async def _seed_from_sitemaps(self, fetcher: Fetcher) -> None:
        if not self._handed_on:
            return
        origin = origin_of(self._handed_on[0])
        rules = await self._rules(fetcher, origin)
        listed = (canonicalize(url, base=origin + "/") for url in rules.sitemaps)
        queue = [url for url in listed if url is not None and same_site(url, self._site)]
        if not queue:
            queue = [origin + "/sitemap.xml"]
        fetched_maps = 0
        found = 0
        while queue and fetched_maps < MAX_SITEMAPS and time.monotonic() < self._deadline:
            url = queue.pop(0)
            fetched_maps += 1
            if self.options.respect_robots and not rules.allows(url, self.options.robots_agent):
                continue
            gate = self._gate(url)
            try:
                async with gate.slots:
                    if not await gate.wait_turn(self._deadline):
                        return
                    response = await fetcher.fetch(
                        url, site=self._site, max_bytes=MAX_SITEMAP_BYTES
                    )
            except FetchFailed:
                continue
            if response.status != 200:
                continue
            remaining = self.options.max_sitemap_urls - found
            sitemap = parse_sitemap(response.body, limit=max(remaining, 0))
            queue.extend(u for u in sitemap.children if same_site(u, self._site))
            for location in sitemap.pages:
                page_url = canonicalize(location)
                if page_url is not None and page_url not in self._seen:
                    found += 1
                    self._offer(page_url, 1)
        self.stats.sitemap_urls = found


def _links(page: Page) -> list[tuple[str, str]]:
    base = page.url
    base_tag = page.tree.css_first("base[href]")
    if base_tag is not None:
        base = canonicalize(base_tag.attributes.get("href") or "", base=page.url) or page.url
    found: list[tuple[str, str]] = []
    for node in page.tree.css("a[href], area[href]"):
        href = node.attributes.get("href") or ""
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        url = canonicalize(href, base=base)
        if url is not None:
            found.append((url, node.text(deep=True, separator=" ", strip=True)[:80]))
    return found


def _canonical_link(page: Page) -> str | None:
    node = page.tree.css_first('link[rel="canonical"][href]')
    if node is None:
        return None
    return canonicalize(node.attributes.get("href") or "", base=page.url)


def _cookie_names(fetched: Fetched) -> list[str]:
    names = []
    for value in fetched.headers.get_list("set-cookie"):
        name = value.split("=", 1)[0].strip()
        if name:
            names.append(name)
    return names
