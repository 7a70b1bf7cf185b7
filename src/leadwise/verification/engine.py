"""The verifier: syntax -> lists and typos -> DNS -> SMTP probe -> one explained result.

`verify()` checks one address; `verify_many()` checks a batch: the offline part first (syntax,
lists, DNS for each distinct domain once), then the SMTP probes in one lane per MX host, so a
slow or strict host never holds up the others. Without SMTP (`smtp=False`, or the setting)
the verdict stops at the domain: `unknown/smtp_skipped` for an address that could receive mail.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from leadwise.config import Settings, VerifySettings
from leadwise.core.cache import Cache, RedisCache
from leadwise.core.clock import utcnow
from leadwise.verification.dns import (
    CacheTimes,
    MailRoute,
    RouteOutcome,
    RouteResolver,
    make_resolver,
)
from leadwise.verification.lists import DomainLists
from leadwise.verification.probe import (
    ProbeOptions,
    Prober,
    SessionRefused,
    is_public_address,
)
from leadwise.verification.result import (
    DESCRIPTIONS,
    MxHost,
    SubStatus,
    VerificationResult,
)
from leadwise.verification.smtp_client import SmtpFailure, SmtpSession
from leadwise.verification.socks import SocksProxy
from leadwise.verification.store import FactStore
from leadwise.verification.syntax import Address, InvalidAddress, parse_address
from leadwise.verification.typos import suggest_domain

_ROUTE_VERDICTS = {
    RouteOutcome.NO_DOMAIN: SubStatus.NO_DOMAIN,
    RouteOutcome.NO_MX: SubStatus.NO_MX,
    RouteOutcome.NULL_MX: SubStatus.NULL_MX,
    RouteOutcome.ERROR: SubStatus.DNS_ERROR,
    RouteOutcome.TIMEOUT: SubStatus.DNS_TIMEOUT,
}
DNS_CONCURRENCY = 64

OnResult = Callable[[int, VerificationResult], None]


@dataclass(frozen=True, slots=True)
class Preflight:
    ok: bool
    message: str


@dataclass(slots=True)
class _Pending:
    """An address past the offline checks, waiting for its SMTP probe."""

    index: int
    address: Address
    route: MailRoute
    result: VerificationResult
    offline_seconds: float


class Verifier:
    def __init__(self, settings: VerifySettings, cache: Cache | None = None) -> None:
        self.settings = settings
        self._store = FactStore(cache)
        self._lists = DomainLists(
            extra_disposable=settings.extra_disposable_domains,
            not_disposable=settings.not_disposable_domains,
        )
        self._routes = RouteResolver(
            make_resolver(settings.dns_servers, settings.dns_timeout),
            self._store,
            CacheTimes(
                positive=settings.dns_cache_seconds,
                negative=settings.dns_negative_cache_seconds,
                error=settings.dns_error_cache_seconds,
            ),
        )
        self._prober = Prober(probe_options(settings), self._store)
        self._suggestions: dict[str, str | None] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> Verifier:
        cache = RedisCache(settings.redis_url, prefix="lw:verify:") if settings.redis_url else None
        return cls(settings.verify, cache)

    async def __aenter__(self) -> Verifier:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._prober.close()
        await self._store.close()

    # --- one address -----------------------------------------------------------------------

    async def verify(self, email: str, *, smtp: bool | None = None) -> VerificationResult:
        started = time.perf_counter()
        result, address = self._offline(email)
        if address is None:
            return _finish(result, started)
        route = await self._routes.route(address.ascii_domain)
        if not self._apply_route(result, route):
            return _finish(result, started)
        if not self._smtp_on(smtp):
            return _finish(result, started)
        await self._probe_into(result, address, route)
        return _finish(result, started)

    # --- a batch ---------------------------------------------------------------------------

    async def verify_many(
        self,
        emails: Sequence[str],
        *,
        smtp: bool | None = None,
        on_result: OnResult | None = None,
    ) -> list[VerificationResult]:
        """Results in input order; `on_result(index, result)` as each one is final."""
        results: list[VerificationResult | None] = [None] * len(emails)
        use_smtp = self._smtp_on(smtp)
        probes: list[_Pending] = []

        def done(index: int, result: VerificationResult) -> None:
            results[index] = result
            if on_result is not None:
                on_result(index, result)

        def after_dns(index: int, result: VerificationResult, address: Address,
                      route: MailRoute, started: float) -> None:  # fmt: skip
            if self._apply_route(result, route) and use_smtp:
                offline = time.perf_counter() - started
                probes.append(_Pending(index, address, route, result, offline))
            else:
                done(index, _finish(result, started))

        unresolved: list[tuple[int, VerificationResult, Address, float]] = []
        for index, email in enumerate(emails):
            started = time.perf_counter()
            result, address = self._offline(email)
            if address is None:
                done(index, _finish(result, started))
                continue
            route = self._routes.cached(address.ascii_domain)
            if route is None:
                unresolved.append((index, result, address, started))
            else:
                after_dns(index, result, address, route, started)
        if unresolved:
            await self._resolve_all({address.ascii_domain for _, _, address, _ in unresolved})
            for index, result, address, started in unresolved:
                route = await self._routes.route(address.ascii_domain)
                after_dns(index, result, address, route, started)

        lanes: dict[str, deque[_Pending]] = {}
        for item in probes:
            lanes.setdefault(item.route.hosts[0].host, deque()).append(item)

        async def run_lane(queue: deque[_Pending]) -> None:
            while queue:
                item = queue.popleft()
                started = time.perf_counter()
                await self._probe_into(item.result, item.address, item.route)
                # Time spent queueing behind other addresses of the lane is not counted.
                done(item.index, _finish(item.result, started, item.offline_seconds))

        width = self.settings.per_mx_connections
        await asyncio.gather(*(run_lane(queue) for queue in lanes.values() for _ in range(width)))
        return [result for result in results if result is not None]

    async def retry_after(self, result: VerificationResult) -> float | None:
        """For a greylisted result: when asking again is worthwhile (epoch seconds)."""
        if result.sub_status is not SubStatus.GREYLISTED:
            return None
        return await self.greylisted_until(result.email)

    async def greylisted_until(self, email: str) -> float | None:
        """When the address's domain last greylisted us, the time its wait is over."""
        try:
            address = parse_address(email)
        except InvalidAddress:
            return None
        return await self._prober.greylisted_until(address.ascii_domain)

    # --- pre-flight ------------------------------------------------------------------------

    async def preflight(self) -> Preflight:
        """Can this machine (or the SOCKS proxy) open SMTP connections at all? Connects to the
        first MX of `preflight_domain` and reads its banner; says clearly when it cannot."""
        domain = self.settings.preflight_domain
        via = f" through {self.settings.socks_proxy}" if self.settings.socks_proxy else ""
        route = await self._routes.route(domain)
        if not route.hosts:
            return Preflight(False, f"the pre-flight domain {domain} has no MX: {route.detail}")
        options = self._prober.options
        host = route.hosts[0]
        addresses = [a for a in host.addresses if options.allow_private or is_public_address(a)]
        if not addresses:
            return Preflight(False, f"{host.host} has only private addresses; not contacted")
        try:
            session, banner = await SmtpSession.connect(
                host.host,
                addresses[0],
                options.port,
                connect_timeout=options.connect_timeout,
                reply_timeout=options.timeout,
                proxy=options.proxy,
            )
        except (SmtpFailure, SessionRefused) as failure:
            return Preflight(
                False,
                f"outbound SMTP (port {options.port}){via} looks blocked: {failure}. "
                "Many providers and home networks block port 25; run from a host that may "
                "send mail, set LEADWISE_VERIFY__SOCKS_PROXY, or check without SMTP.",
            )
        await session.quit()
        return Preflight(
            True, f"connected to {host.host}:{options.port}{via}: {banner.code} {banner.message}"
        )

    # --- steps -----------------------------------------------------------------------------

    def _offline(self, email: str) -> tuple[VerificationResult, Address | None]:
        """Syntax, lists and typos; the address when DNS and SMTP should follow."""
        now = utcnow()
        try:
            address = parse_address(email)
        except InvalidAddress as error:
            reason = f"{DESCRIPTIONS[SubStatus.INVALID_SYNTAX]}: {error}"
            return VerificationResult(email, None, SubStatus.INVALID_SYNTAX, reason, now), None
        domain = address.ascii_domain
        suggestion = self._suggestion(domain)
        result = VerificationResult(
            email,
            address.normalized,
            SubStatus.SMTP_SKIPPED,
            DESCRIPTIONS[SubStatus.SMTP_SKIPPED],
            now,
            suggestion=None if suggestion is None else f"{address.local}@{suggestion}",
            is_disposable=self._lists.is_disposable(domain),
            is_role=self._lists.is_role(address.local),
            is_free=self._lists.is_free(domain),
        )
        if result.is_disposable:
            _set(result, SubStatus.DISPOSABLE, domain)
            return result, None
        return result, address

    def _suggestion(self, domain: str) -> str | None:
        try:
            return self._suggestions[domain]
        except KeyError:
            if len(self._suggestions) > 100_000:
                self._suggestions.clear()
            found = self._suggestions[domain] = suggest_domain(domain)
            return found

    def _apply_route(self, result: VerificationResult, route: MailRoute) -> bool:
        """The DNS part of the verdict; True when the domain takes mail."""
        result.mx = [MxHost(host.host, host.preference) for host in route.hosts]
        result.implicit_mx = route.outcome is RouteOutcome.IMPLICIT
        if route.takes_mail:
            return True
        _set(result, _ROUTE_VERDICTS[route.outcome], route.detail)
        return False

    def _smtp_on(self, smtp: bool | None) -> bool:
        return self.settings.smtp_enabled if smtp is None else smtp

    async def _probe_into(
        self, result: VerificationResult, address: Address, route: MailRoute
    ) -> None:
        outcome = await self._prober.probe(address.local, address.ascii_domain, route)
        status = outcome.sub_status
        if status is SubStatus.ACCEPTED and result.is_role:
            status = SubStatus.ROLE
        result.smtp = outcome.reply
        result.is_catch_all = outcome.is_catch_all
        _set(result, status, outcome.detail)

    async def _resolve_all(self, domains: set[str]) -> None:
        if not domains:
            return
        limit = asyncio.Semaphore(DNS_CONCURRENCY)

        async def one(domain: str) -> None:
            async with limit:
                await self._routes.route(domain)

        await asyncio.gather(*(one(domain) for domain in domains))


def probe_options(settings: VerifySettings) -> ProbeOptions:
    return ProbeOptions(
        port=settings.smtp_port,
        helo_name=settings.helo_name or socket.getfqdn(),
        mail_from=settings.mail_from,
        connect_timeout=settings.connect_timeout,
        timeout=settings.smtp_timeout,
        proxy=SocksProxy.parse(settings.socks_proxy) if settings.socks_proxy else None,
        allow_private=settings.allow_private_mx,
        max_concurrency=settings.max_concurrency,
        rate_per_second=settings.rate_per_second,
        per_mx_connections=settings.per_mx_connections,
        per_mx_rate=settings.per_mx_rate,
        max_rcpt_per_connection=settings.max_rcpt_per_connection,
        idle_seconds=settings.idle_connection_seconds,
        max_mx_hosts=settings.max_mx_hosts,
        catch_all_seconds=settings.catch_all_cache_seconds,
        greylist_retry_seconds=settings.greylist_retry_seconds,
        blocked_seconds=settings.blocked_seconds,
    )


def _set(result: VerificationResult, status: SubStatus, detail: str) -> None:
    result.sub_status = status
    result.reason = f"{DESCRIPTIONS[status]}: {detail}" if detail else DESCRIPTIONS[status]


def _finish(
    result: VerificationResult, started: float, earlier_seconds: float = 0.0
) -> VerificationResult:
    result.duration_ms = round((time.perf_counter() - started + earlier_seconds) * 1000)
    return result
