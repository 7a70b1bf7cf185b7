"""The SSRF guard: the crawler connects only to public addresses.

Every host name is resolved by us, each address is checked, and the connection goes to a
checked address (never to the name again, so a second DNS answer cannot swap in 127.0.0.1).
It sits in the HTTP client's network layer, so it covers the start URL, every redirect hop,
robots.txt and sitemaps alike. Refused: private, loopback, link-local (cloud metadata at
169.254.169.254), carrier-grade NAT, multicast, reserved and unspecified ranges, in IPv4 and
IPv6, and IPv4 addresses wrapped in IPv6. `allow_private` lifts it (tests only);
`allowed_networks` lets a few networks through (an intranet site, a test server).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Iterable, Sequence
from typing import Protocol

import dns.exception
import dns.resolver
import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream
from httpcore._backends.auto import AutoBackend
from httpcore._backends.base import SOCKET_OPTION as SocketOption

from leadwise.verification.dns import make_resolver

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
RESOLVE_CACHE_SECONDS = 300.0


class BlockedAddress(Exception):
    """The host resolves only to addresses the crawler may not contact."""

    def __init__(self, host: str, addresses: Sequence[str]) -> None:
        shown = ", ".join(addresses) or "no address"
        super().__init__(
            f"{host} resolves to {shown}: private, loopback, link-local and metadata "
            "addresses are not crawled"
        )
        self.host = host
        self.addresses = list(addresses)


class ResolveFailed(Exception):
    """The host name does not resolve."""


class Resolver(Protocol):
    async def resolve(self, host: str, port: int) -> list[str]:
        """The host's addresses, IPv4 and IPv6; raises ResolveFailed."""
        ...


class SystemResolver:
    """The operating system's resolver (getaddrinfo), as a browser would use it."""

    async def resolve(self, host: str, port: int) -> list[str]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise ResolveFailed(f"{host} does not resolve: {error}") from None
        seen: dict[str, None] = {}
        for _family, _type, _proto, _name, sockaddr in infos:
            seen[str(sockaddr[0])] = None
        return list(seen)


class StaticResolver:
    """Names answered from a table (tests, pinned hosts); IP literals pass through."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = {name.lower(): list(addresses) for name, addresses in table.items()}

    async def resolve(self, host: str, port: int) -> list[str]:
        try:
            return self.table[host.lower()]
        except KeyError:
            raise ResolveFailed(f"{host} does not resolve") from None


class DnsResolver:
    """A and AAAA records asked of given name servers (LEADWISE_CRAWL__DNS_SERVERS)."""

    def __init__(self, servers: Sequence[str], timeout: float) -> None:
        self._resolver = make_resolver(list(servers), timeout)

    async def resolve(self, host: str, port: int) -> list[str]:
        addresses: list[str] = []
        for rdtype in ("A", "AAAA"):
            try:
                answer = await self._resolver.resolve(host, rdtype)
            except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
                continue
            except dns.exception.DNSException as error:
                raise ResolveFailed(f"{host} does not resolve: {error}") from None
            addresses.extend(str(record.address) for record in answer)
        if not addresses:
            raise ResolveFailed(f"{host} does not resolve")
        return addresses


def dns_resolver(servers: Sequence[str], timeout: float) -> Resolver | None:
    """The resolver of the given name servers; None (the system's) when none are given."""
    return DnsResolver(servers, min(timeout, 10.0)) if servers else None


def is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public(mapped)
        if address.teredo is not None:
            return is_public(address.teredo[1])
    # is_global is False for private, loopback, link-local, shared (100.64/10), reserved and
    # documentation ranges; multicast is global for some ranges, so it is refused apart.
    return address.is_global and not address.is_multicast


class AddressPolicy:
    def __init__(
        self,
        *,
        allow_private: bool = False,
        allowed_networks: Iterable[str] = (),
        resolver: Resolver | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.allowed_networks: list[IPNetwork] = [
            ipaddress.ip_network(network, strict=False) for network in allowed_networks
        ]
        self.resolver: Resolver = resolver or SystemResolver()
        self._cache: dict[tuple[str, int], tuple[float, list[str]]] = {}

    def permits(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        if self.allow_private or is_public(ip):
            return True
        return any(ip in network for network in self.allowed_networks)

    async def addresses(self, host: str, port: int) -> list[str]:
        """The host's addresses this crawl may contact, first preferred; raises BlockedAddress
        or ResolveFailed."""
        host = host.strip("[]")
        try:
            ipaddress.ip_address(host)
            resolved = [host]
        except ValueError:
            key = (host.lower(), port)
            cached = self._cache.get(key)
            if cached is not None and cached[0] > time.monotonic():
                resolved = cached[1]
            else:
                resolved = await self.resolver.resolve(host, port)
                self._cache[key] = (time.monotonic() + RESOLVE_CACHE_SECONDS, resolved)
        allowed = [address for address in resolved if self.permits(address)]
        if not allowed:
            raise BlockedAddress(host, resolved)
        return allowed


class GuardedBackend(AsyncNetworkBackend):
    """httpcore's network backend, connecting only to addresses the policy permits."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self._inner = AutoBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> AsyncNetworkStream:
        addresses = await self.policy.addresses(host, port)
        last_error: Exception | None = None
        for address in addresses[:3]:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last_error = error
        assert last_error is not None
        raise last_error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[SocketOption] | None = None,
    ) -> AsyncNetworkStream:
        raise BlockedAddress(path, [])

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
