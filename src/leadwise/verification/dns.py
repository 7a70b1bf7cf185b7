"""Where a domain's mail goes, with dnspython's async resolver: MX records by preference, the
A/AAAA fallback when there is no MX (RFC 5321 5.1), null MX (RFC 7505), and NXDOMAIN, SERVFAIL
and timeouts kept apart. Results are cached per domain; concurrent asks share one lookup.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import dns.asyncresolver
import dns.exception
import dns.name
import dns.nameserver
import dns.rdatatype
import dns.resolver

from leadwise.config import parse_host_port
from leadwise.verification.store import FactStore, run_once

MAX_MX_HOSTS = 10


class RouteOutcome(StrEnum):
    MX = "mx"  # MX records with resolvable hosts
    IMPLICIT = "implicit"  # no MX: the domain's own A/AAAA host takes mail
    NO_DOMAIN = "no_domain"  # NXDOMAIN
    NO_MX = "no_mx"  # the domain exists, but nothing takes mail for it
    NULL_MX = "null_mx"  # RFC 7505: the domain says it accepts no mail
    ERROR = "error"  # SERVFAIL, REFUSED, a broken answer: ask again later
    TIMEOUT = "timeout"  # no name server answered in time


@dataclass(frozen=True, slots=True)
class MailHost:
    host: str
    preference: int
    addresses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MailRoute:
    domain: str
    outcome: RouteOutcome
    hosts: tuple[MailHost, ...]
    detail: str

    @property
    def takes_mail(self) -> bool:
        return self.outcome in (RouteOutcome.MX, RouteOutcome.IMPLICIT)

    def to_json(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "outcome": self.outcome.value,
            "hosts": [[h.host, h.preference, list(h.addresses)] for h in self.hosts],
            "detail": self.detail,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MailRoute:
        hosts = tuple(MailHost(host, pref, tuple(addrs)) for host, pref, addrs in data["hosts"])
        return cls(data["domain"], RouteOutcome(data["outcome"]), hosts, data["detail"])


@dataclass(frozen=True, slots=True)
class CacheTimes:
    positive: float = 3600.0
    negative: float = 900.0  # NXDOMAIN, no MX, null MX
    error: float = 60.0  # SERVFAIL and timeouts: soon asked again


def make_resolver(servers: list[str], timeout: float) -> dns.asyncresolver.Resolver:
    if servers:
        resolver = dns.asyncresolver.Resolver(configure=False)
        resolver.nameservers = [
            dns.nameserver.Do53Nameserver(*parse_host_port(server, default_port=53))
            for server in servers
        ]
    else:
        resolver = dns.asyncresolver.Resolver()
    resolver.lifetime = timeout
    resolver.timeout = min(timeout, 2.0)  # per server try; lifetime bounds the whole question
    resolver.cache = None  # we cache whole routes ourselves
    return resolver


class RouteResolver:
    def __init__(
        self,
        resolver: dns.asyncresolver.Resolver,
        store: FactStore,
        times: CacheTimes = CacheTimes(),
    ) -> None:
        self._resolver = resolver
        self._store = store
        self._times = times
        self._pending: dict[str, asyncio.Future[MailRoute]] = {}

    def cached(self, domain: str) -> MailRoute | None:
        """A route known in this process, without awaiting (the bulk fast path)."""
        route: MailRoute | None = self._store.get_local("route:" + domain)
        return route

    async def route(self, domain: str) -> MailRoute:
        route: MailRoute | None = await self._store.get("route:" + domain, MailRoute.from_json)
        if route is not None:
            return route
        return await run_once(self._pending, domain, lambda: self._lookup_and_store(domain))

    async def _lookup_and_store(self, domain: str) -> MailRoute:
        route = await self.lookup(domain)
        if route.takes_mail:
            ttl = self._times.positive
        elif route.outcome in (RouteOutcome.ERROR, RouteOutcome.TIMEOUT):
            ttl = self._times.error
        else:
            ttl = self._times.negative
        await self._store.set("route:" + domain, route, ttl, encoded=route.to_json())
        return route

    async def lookup(self, domain: str) -> MailRoute:
        """Ask DNS now (no cache)."""
        try:
            answer = await self._resolver.resolve(domain, "MX", search=False)
        except dns.resolver.NXDOMAIN:
            return MailRoute(domain, RouteOutcome.NO_DOMAIN, (), f"{domain} does not exist")
        except dns.resolver.NoAnswer:
            return await self._implicit(domain)
        except dns.exception.DNSException as error:
            return _failed(domain, "MX", error)
        records = sorted(
            ((int(r.preference), r.exchange) for r in answer),
            key=lambda item: (item[0], str(item[1])),
        )
        real = [(pref, name) for pref, name in records if name != dns.name.root]
        if not real:
            return MailRoute(
                domain, RouteOutcome.NULL_MX, (), f"{domain} publishes a null MX: it takes no mail"
            )
        names = [(pref, name.to_text(omit_final_dot=True).lower()) for pref, name in real]
        names = names[:MAX_MX_HOSTS]
        found = await asyncio.gather(*(self._addresses(name) for _, name in names))
        hosts = tuple(
            MailHost(name, pref, addresses)
            for (pref, name), (addresses, _) in zip(names, found, strict=True)
            if addresses
        )
        if hosts:
            return MailRoute(domain, RouteOutcome.MX, hosts, f"{len(hosts)} MX host(s)")
        problems = [problem for _, problem in found if problem is not None]
        if problems:
            first = problems[0]
            return MailRoute(domain, first.outcome, (), f"MX host unresolved: {first.detail}")
        return MailRoute(
            domain, RouteOutcome.NO_MX, (), f"the MX hosts of {domain} have no addresses"
        )

    async def _implicit(self, domain: str) -> MailRoute:
        addresses, problem = await self._addresses(domain)
        if addresses:
            host = MailHost(domain, 0, addresses)
            return MailRoute(
                domain, RouteOutcome.IMPLICIT, (host,), f"no MX: {domain}'s own address"
            )
        if problem is not None:
            return problem
        return MailRoute(domain, RouteOutcome.NO_MX, (), f"{domain} has no MX and no address")

    async def _addresses(self, name: str) -> tuple[tuple[str, ...], MailRoute | None]:
        """IPv4 first (what mail servers expect to see), then IPv6; a failure if none and one
        of the questions failed rather than came back empty."""
        found: list[str] = []
        problem: MailRoute | None = None
        for kind in ("A", "AAAA"):
            try:
                answer = await self._resolver.resolve(name, kind, search=False)
            except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
                continue
            except dns.exception.DNSException as error:
                problem = problem or _failed(name, kind, error)
                continue
            found.extend(r.address for r in answer)
        return tuple(found), (None if found else problem)


def _failed(name: str, kind: str, error: dns.exception.DNSException) -> MailRoute:
    if isinstance(error, dns.exception.Timeout):
        return MailRoute(name, RouteOutcome.TIMEOUT, (), f"{kind} {name}: no answer in time")
    if isinstance(error, dns.resolver.NoNameservers):
        return MailRoute(name, RouteOutcome.ERROR, (), f"{kind} {name}: SERVFAIL or refused")
    return MailRoute(name, RouteOutcome.ERROR, (), f"{kind} {name}: {error}")
