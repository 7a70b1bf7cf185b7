"""JavaScript rendering: Playwright driving the system's Chromium, for pages that are empty
shells until their scripts run.

The browser never touches the network itself. Every request a page makes is routed to us:
anything but a script, fetch/XHR or the page's own document is refused without a request;
the rest is vetted (http and https only, the crawl's robots.txt on the site's own hosts, a
per-page budget) and then made by the crawler's own guarded client, whose SSRF guard checks
every address and every redirect hop, and the answer is handed back to the browser. The page's
document is the body the crawler fetched already. Redirects are followed on our side and never
handed to the browser (Chromium follows a redirect it is given without routing the new request).
As a second wall, Chromium is started with a proxy that does not exist and a host resolver that
resolves nothing, so a request that escaped routing (a prefetch, a beacon, WebRTC) goes nowhere.

`looks_like_shell` is the pure test behind `render=auto`. Playwright is imported only when a
browser is started, so the base install works without the `render` extra.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from leadwise.crawling.fetcher import Fetched, Fetcher, FetchFailed

if TYPE_CHECKING:
    from playwright.async_api import (
        Browser,
        BrowserContext,
        Page,
        Playwright,
        Route,
        WebSocketRoute,
    )

# Resource types a page needs to build its content; images, styles, fonts, media, frames,
# beacons and prefetches are refused without a request.
NEEDED_TYPES = frozenset({"script", "fetch", "xhr"})
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    # The second wall: what is not routed to us (and made by the guarded client) has nowhere
    # to go. Loopback is not exempt from the proxy, names resolve to nothing, no bare UDP.
    "--proxy-server=http://leadwise-render-has-no-network.invalid:9",
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
)
_HOP_HEADERS = frozenset({"host", "connection", "content-length", "transfer-encoding",
                          "accept-encoding", "keep-alive", "upgrade", "te", "trailer"})  # fmt: skip
_RESPONSE_DROPPED = frozenset({"content-encoding", "content-length", "transfer-encoding",
                               "connection", "keep-alive"})  # fmt: skip


class RenderUnavailable(Exception):
    """Rendering cannot run here (no Playwright, no Chromium at the path, no launch)."""


class RenderFailed(Exception):
    """One page could not be rendered (timeout, crash); the fetched HTML stands."""


# The crawl's say on one of a page's requests: None to go ahead, or why not ("robots").
Vet = Callable[[str], Awaitable[str | None]]


@dataclass
class Rendered:
    html: str
    requests: int = 0  # the page's requests made for it by the guarded client
    bytes: int = 0
    refused: Counter[str] = field(default_factory=Counter)  # why, for the requests not made
    refused_urls: list[str] = field(default_factory=list)
    idle: bool = True  # False: the network was still busy when the time was up


def check_available(chromium_path: str) -> None:
    """Raises RenderUnavailable with what to do, before a crawl starts."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        raise RenderUnavailable(
            "JavaScript rendering needs Playwright: pip install 'leadwise[render]'"
        ) from None
    if not os.path.isfile(chromium_path) or not os.access(chromium_path, os.X_OK):
        raise RenderUnavailable(
            f"JavaScript rendering needs Chromium, and there is none at {chromium_path} "
            "(LEADWISE_CRAWL__CHROMIUM_PATH); install it (apt-get install chromium) or point "
            "the setting at it"
        )


class _Tab:
    """A page in its own browser context, kept for the next page of the same site (a new
    page costs a renderer process: 0.2-0.7 s here). Its routing goes to the render at hand."""

    def __init__(self, context: BrowserContext, site: str) -> None:
        self.context = context
        self.site = site
        self.page: Page | None = None
        self.session: _Session | None = None

    async def route(self, route: Route) -> None:
        from playwright.async_api import Error

        session = self.session
        with contextlib.suppress(Error):  # the page moved on while the answer was on its way
            if session is None:
                await route.abort("blockedbyclient")
            else:
                await session.route(route)

    async def socket(self, socket: WebSocketRoute) -> None:
        from playwright.async_api import Error

        with contextlib.suppress(Error):
            if self.session is not None:
                self.session.refuse(socket.url, "websocket")
            # Never connected to the server: a routed socket left unconnected is closed here.
            await socket.close()

    async def blank(self) -> bool:
        """Leave the page for about:blank, so nothing of it runs on while the tab waits; False
        when that failed (the tab is then closed)."""
        from playwright.async_api import Error

        if self.page is None:
            return False
        try:
            await self.page.goto("about:blank", timeout=2000)
        except Error:
            return False
        return True

    async def close(self) -> None:
        from playwright.async_api import Error

        with contextlib.suppress(Error):
            await self.context.close()


class BrowserPool:
    """One Chromium process for any number of renders, at most `size` pages at once. A page
    (tab) in its own browser context is kept for the next page of the same site, as one
    visitor's browser would be; another site gets a fresh context (no cookies or storage
    carried over), and a tab whose render failed is closed. Started on first use."""

    def __init__(self, *, chromium_path: str, size: int, user_agent: str) -> None:
        self.chromium_path = chromium_path
        self.user_agent = user_agent
        self.launches = 0
        self.contexts_opened = 0
        self.in_use = 0
        self.peak_in_use = 0
        self.size = size
        self._slots = asyncio.Semaphore(size)
        self._lock = asyncio.Lock()
        self._idle_tabs: list[_Tab] = []
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None

    async def __aenter__(self) -> BrowserPool:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def start(self) -> Browser:
        """The running browser, started now if it is not (to pay the start before a crawl)."""
        return await self._started()

    async def _started(self) -> Browser:
        async with self._lock:
            if self._browser is not None and self._browser.is_connected():
                return self._browser
            check_available(self.chromium_path)
            from playwright.async_api import Error, async_playwright

            await self._stop()
            try:
                self._playwright = await async_playwright().start()
                self._browser = await self._playwright.chromium.launch(
                    executable_path=self.chromium_path,
                    headless=True,
                    args=list(CHROMIUM_ARGS),
                    timeout=30_000,
                )
            except Error as error:
                await self._stop()
                first = str(error).strip().splitlines()[0] if str(error).strip() else "no reason"
                raise RenderUnavailable(
                    f"Chromium at {self.chromium_path} did not start: {first}"
                ) from None
            self.launches += 1
            return self._browser

    async def _stop(self) -> None:
        self._idle_tabs.clear()  # their contexts go with the browser
        browser, self._browser = self._browser, None
        runner, self._playwright = self._playwright, None
        if browser is not None:
            from playwright.async_api import Error

            with contextlib.suppress(Error):  # a crashed browser closes with an error
                await browser.close()
        if runner is not None:
            await runner.stop()

    async def aclose(self) -> None:
        async with self._lock:
            await self._stop()

    async def render(
        self,
        document: Fetched,
        *,
        site: str,
        fetcher: Fetcher,
        vet: Vet,
        timeout: float,  # noqa: ASYNC109 - the page's budget, handed to Playwright
        max_requests: int,
        max_bytes: int,
        request_timeout: float,
    ) -> Rendered:
        """The page's HTML after its scripts ran: when the network was idle for 0.5 s, or
        when `timeout` is up (then as far as it got). `site` says which tabs it may reuse.
        Raises RenderUnavailable, RenderFailed."""
        async with self._slots:
            self.in_use += 1
            self.peak_in_use = max(self.peak_in_use, self.in_use)
            tab: _Tab | None = None
            reusable = False
            try:
                browser = await self._started()
                from playwright.async_api import Error

                session = _Session(document, fetcher, vet, max_requests, max_bytes,
                                   request_timeout, time.monotonic() + timeout)  # fmt: skip
                try:
                    async with asyncio.timeout(timeout + 5.0):  # a page whose script hangs
                        tab = await self._tab(browser, site)
                        tab.session = session
                        result = await session.run(tab)
                except TimeoutError:
                    raise RenderFailed(f"{document.url}: not rendered in {timeout:g} s") from None
                except Error as error:  # the browser crashed or went away: started anew next
                    raise RenderFailed(f"{document.url}: {_first_line(error)}") from None
                reusable = result.idle
                return result
            finally:
                self.in_use -= 1
                if tab is not None:
                    tab.session = None
                    if reusable and len(self._idle_tabs) < self.size and await tab.blank():
                        self._idle_tabs.append(tab)
                    else:
                        await tab.close()

    async def _tab(self, browser: Browser, site: str) -> _Tab:
        while self._idle_tabs:
            tab = self._idle_tabs.pop()
            if tab.site == site and tab.page is not None and not tab.page.is_closed():
                return tab
            await tab.close()
        context = await browser.new_context(
            user_agent=self.user_agent,
            service_workers="block",
            accept_downloads=False,
            java_script_enabled=True,
        )
        self.contexts_opened += 1
        tab = _Tab(context, site)
        try:
            await context.route("**/*", tab.route)
            await context.route_web_socket("**/*", tab.socket)
            tab.page = await context.new_page()
        except BaseException:
            await tab.close()
            raise
        return tab


class _Session:
    """One page's render: its routing decisions and what they cost."""

    def __init__(
        self,
        document: Fetched,
        fetcher: Fetcher,
        vet: Vet,
        max_requests: int,
        max_bytes: int,
        request_timeout: float,
        deadline: float,
    ) -> None:
        self.document = document
        self.fetcher = fetcher
        self.vet = vet
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.request_timeout = request_timeout
        self.deadline = deadline
        self.result = Rendered("")
        self.attempts = 0  # requests handed to the guarded client, answered or not
        self.page: Page | None = None
        self.document_served = False

    async def run(self, tab: _Tab) -> Rendered:
        from playwright.async_api import Error
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        page = self.page = tab.page
        assert page is not None
        for other in tab.context.pages:  # windows the last page opened
            if other is not page:
                await other.close()
        remaining_ms = max(1.0, self.deadline - time.monotonic()) * 1000
        try:
            await page.goto(self.document.url, wait_until="domcontentloaded",
                            timeout=remaining_ms)  # fmt: skip
        except Error as error:
            raise RenderFailed(f"{self.document.url}: {_first_line(error)}") from None
        remaining_ms = max(1.0, self.deadline - time.monotonic()) * 1000
        try:
            await page.wait_for_load_state("networkidle", timeout=remaining_ms)
        except PlaywrightTimeout:
            self.result.idle = False  # busy to the end (polling, long requests): take it
        try:
            self.result.html = await page.content()
        except Error as error:
            raise RenderFailed(f"{self.document.url}: {_first_line(error)}") from None
        return self.result

    def refuse(self, url: str, reason: str) -> None:
        self.result.refused[reason] += 1
        if len(self.result.refused_urls) < 20:
            self.result.refused_urls.append(f"{reason}: {url}")

    async def route(self, route: Route) -> None:
        request = route.request
        url = request.url
        if request.is_navigation_request():
            frame = request.frame
            if self.page is not None and frame == self.page.main_frame and not self.document_served:
                self.document_served = True
                await route.fulfill(status=self.document.status,
                                    headers=_response_headers(self.document),
                                    body=self.document.body)  # fmt: skip
                return
            # Frames and the page leaving for elsewhere: the crawler follows links itself.
            self.refuse(url, "navigation")
            await route.abort("blockedbyclient")
            return
        reason = await self._vetted(url, request.resource_type)
        if reason is not None:
            self.refuse(url, reason)
            await route.abort("blockedbyclient")
            return
        self.attempts += 1
        headers = {name: value for name, value in (await request.all_headers()).items()
                   if name.lower() not in _HOP_HEADERS and not name.startswith(":")}  # fmt: skip
        time_limit = max(0.5, min(self.request_timeout, self.deadline - time.monotonic()))
        try:
            fetched = await self.fetcher.fetch(
                url,
                site=None,  # a script from a CDN, an API on another domain: guarded like any
                max_bytes=self.max_bytes,
                time_limit=time_limit,
                method=request.method,
                headers=headers,
                content=request.post_data_buffer,
            )
        except FetchFailed as failure:
            kind = failure.kind if failure.kind in ("blocked", "dns", "timeout") else "failed"
            self.refuse(url, kind)
            await route.abort("blockedbyclient" if kind == "blocked" else "failed")
            return
        self.result.requests += 1
        self.result.bytes += len(fetched.body)
        await route.fulfill(status=fetched.status, headers=_response_headers(fetched),
                            body=fetched.body)  # fmt: skip

    async def _vetted(self, url: str, resource_type: str) -> str | None:
        if urlsplit(url).scheme not in ("http", "https"):
            return "scheme"
        if resource_type not in NEEDED_TYPES:
            return "not_needed"
        if self.attempts >= self.max_requests:
            return "budget"
        if time.monotonic() >= self.deadline:
            return "time"
        return await self.vet(url)


def _response_headers(fetched: Fetched) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name in {key.lower() for key in fetched.headers}:
        if name in _RESPONSE_DROPPED:
            continue
        values = fetched.headers.get_list(name)
        headers[name] = ("\n" if name == "set-cookie" else ", ").join(values)
    return headers


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# --- render=auto: does a page look like an empty shell? ------------------------------------

_MOUNT_POINTS = (
    "#root", "#app", "#__next", "#__nuxt", "#___gatsby", "#svelte", "#main-app",
    "[data-reactroot]", "[ng-app]", "[ng-version]", "app-root", "[data-server-rendered]",
)  # fmt: skip
_ASKS_FOR_JS = re.compile(
    r"javascript|\bjs\b|enable.{0,40}script|script.{0,40}(?:enable|aktivieren|activer)", re.I
)
_NOT_VISIBLE = ["script", "style", "noscript", "template", "svg"]
SHELL_TEXT = 200  # visible characters below which a page with scripts may be a shell
SHELL_TEXT_WITH_NOSCRIPT = 600


def looks_like_shell(html: str) -> bool:
    """True for a page that shows (next to) nothing until its scripts run: scripts, little
    visible text, and an empty mount point (`#root`, `#app`, `#__next`, `app-root`, ...) or a
    <noscript> that asks for JavaScript. A short page without scripts is just short."""
    tree = LexborHTMLParser(html)
    scripts = [
        node
        for node in tree.css("script")
        if (node.attributes.get("type") or "text/javascript").lower()
        not in ("application/ld+json", "application/json", "text/template", "text/x-template")
    ]
    if not scripts:
        return False
    asks_for_js = any(_ASKS_FOR_JS.search(node.text(deep=True)) for node in tree.css("noscript"))
    mount_empty = False
    for selector in _MOUNT_POINTS:
        node = tree.css_first(selector)
        if node is not None and len(_visible(node.text(deep=True, separator=" "))) < SHELL_TEXT:
            mount_empty = True
            break
    tree.strip_tags(_NOT_VISIBLE)
    body = tree.body
    text = _visible(body.text(deep=True, separator=" ")) if body is not None else ""
    if asks_for_js and len(text) < SHELL_TEXT_WITH_NOSCRIPT:
        return True
    return len(text) < SHELL_TEXT and (mount_empty or _few_elements(tree))


def _visible(text: str) -> str:
    return " ".join(text.split())


def _few_elements(tree: LexborHTMLParser) -> bool:
    """A body of a handful of elements (a bare `<div></div>` and scripts)."""
    body = tree.body
    if body is None:
        return True
    return sum(1 for _ in body.traverse(include_text=False)) <= 6
