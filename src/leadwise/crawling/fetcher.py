"""One HTTP client per crawl: HTTP/1.1 and HTTP/2, gzip/deflate/brotli, the SSRF guard in its
network layer, redirects followed by hand (each hop must stay on the site), bodies read up to a
byte limit, and text decoded by the charset the server or the page declares."""

from __future__ import annotations

import codecs
import re
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import httpcore
import httpx

from leadwise.core.clock import utcnow
from leadwise.crawling.guard import AddressPolicy, BlockedAddress, GuardedBackend, ResolveFailed
from leadwise.crawling.urls import canonicalize, same_site

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)


class FetchFailed(Exception):
    """A URL could not be fetched; `kind` says how (blocked, dns, timeout, network, redirect,
    too_many_redirects, redirect_loop, off_site)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(slots=True)
class Fetched:
    url: str  # where the body came from, after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    truncated: bool
    redirects: list[str] = field(default_factory=list)
    elapsed_ms: int = 0

    @property
    def content_type(self) -> str:
        return str(self.headers.get("content-type", "")).split(";", 1)[0].strip().lower()

    @property
    def is_html(self) -> bool:
        kind = self.content_type
        if kind:
            return kind in HTML_TYPES
        return self.body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))

    def text(self) -> str:
        return decode_body(self.body, self.headers.get("content-type", ""))

    def retry_after(self) -> float | None:
        """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
        value = str(self.headers.get("retry-after", "")).strip()
        if not value:
            return None
        if value.isdigit():
            return float(value)
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        return max(0.0, (when - utcnow()).total_seconds())


class _GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool whose network backend is the SSRF guard."""

    def __init__(self, policy: AddressPolicy, *, http2: bool, limits: httpx.Limits) -> None:
        super().__init__(http2=http2, limits=limits, trust_env=False)
        # httpx builds its pool without a way to pass a network backend; this pool is the
        # same one with the guard as its backend (AsyncHTTPTransport uses only `_pool`).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=GuardedBackend(policy),
        )


class Fetcher:
    def __init__(
        self,
        policy: AddressPolicy,
        *,
        user_agent: str,
        timeout: float,
        http2: bool = True,
        max_connections: int = 10,
        max_redirects: int = 5,
    ) -> None:
        self.policy = policy
        self.max_redirects = max_redirects
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        self.client = httpx.AsyncClient(
            transport=_GuardedTransport(policy, http2=http2, limits=limits),
            headers={
                "User-Agent": user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Language": "en;q=0.9,*;q=0.5",
                "Accept-Encoding": "gzip, deflate, br",
            },
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        site: str | None,
        max_bytes: int,
        time_limit: float | None = None,
        method: str = "GET",
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
    ) -> Fetched:
        """A request (GET unless told) with redirects followed while they stay on `site` (any
        site when None), each hop through the guard; 303, and 301/302 after a POST, go on as
        a GET without the body, as browsers do."""
        started = time.perf_counter()
        chain = [url]
        current = url
        while True:
            response = await self._send(current, max_bytes, time_limit, method, headers, content)
            if response.status not in REDIRECT_CODES or "location" not in response.headers:
                response.redirects = chain[1:]
                response.elapsed_ms = round((time.perf_counter() - started) * 1000)
                return response
            target = canonicalize(response.headers["location"], base=current)
            if target is None:
                raise FetchFailed("redirect", f"{current} redirects to an unusable address")
            if site is not None and not same_site(target, site):
                raise FetchFailed("off_site", f"{current} redirects off the site, to {target}")
            if target in chain:
                raise FetchFailed("redirect_loop", f"redirect loop: {' -> '.join(chain)}")
            if len(chain) > self.max_redirects:
                raise FetchFailed("too_many_redirects", f"more than {self.max_redirects} redirects")
            if response.status == 303 or (response.status in (301, 302) and method == "POST"):
                method, content = "GET", None
            chain.append(target)
            current = target

    async def _send(
        self,
        url: str,
        max_bytes: int,
        time_limit: float | None,
        method: str,
        headers: dict[str, str] | None,
        content: bytes | None,
    ) -> Fetched:
        extensions: dict[str, Any] = {}
        if time_limit is not None:
            extensions["timeout"] = httpx.Timeout(time_limit).as_dict()
        try:
            request = self.client.build_request(
                method, url, headers=headers, content=content, extensions=extensions
            )
            response = await self.client.send(request, stream=True)
        except BlockedAddress as error:
            raise FetchFailed("blocked", str(error)) from None
        except ResolveFailed as error:
            raise FetchFailed("dns", str(error)) from None
        except httpx.TimeoutException:
            raise FetchFailed("timeout", f"{url}: no answer in time") from None
        except (httpx.HTTPError, OSError) as error:
            raise FetchFailed("network", f"{url}: {error or type(error).__name__}") from None
        try:
            body, truncated = await _read_limited(response, max_bytes)
        except httpx.TimeoutException:
            raise FetchFailed("timeout", f"{url}: the body did not arrive in time") from None
        except (httpx.HTTPError, OSError) as error:
            raise FetchFailed("network", f"{url}: {error or type(error).__name__}") from None
        finally:
            await response.aclose()
        return Fetched(url, response.status_code, response.headers, body, truncated)


async def _read_limited(response: httpx.Response, max_bytes: int) -> tuple[bytes, bool]:
    if response.status_code in REDIRECT_CODES or response.status_code >= 400:
        return b"", False  # the body of a redirect or an error page is not needed
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= max_bytes:
            return b"".join(chunks)[:max_bytes], True
    return b"".join(chunks), False


def decode_body(body: bytes, content_type: str) -> str:
    """By the header's charset, else the page's <meta charset>, else UTF-8, else Windows-1252."""
    for label in (_header_charset(content_type), _meta_charset(body)):
        if label:
            try:
                return body.decode(codecs.lookup(label).name, errors="replace")
            except LookupError:
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _header_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None
