"""A SOCKS5 client connect (RFC 1928, user/password from RFC 1929) over asyncio streams, for
probing from a host whose port 25 is open when this one's is not."""

from __future__ import annotations

import asyncio
import ipaddress
import struct
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

_REPLIES = {
    1: "general SOCKS server failure",
    2: "connection not allowed by ruleset",
    3: "network unreachable",
    4: "host unreachable",
    5: "connection refused",
    6: "TTL expired",
    7: "command not supported",
    8: "address type not supported",
}


class SocksError(OSError):
    """The proxy refused or failed; the message says which."""


@dataclass(frozen=True, slots=True)
class SocksProxy:
    host: str
    port: int
    username: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, url: str) -> SocksProxy:
        """`socks5://[user:password@]host:port` (socks5h:// too: we always send addresses)."""
        parts = urlsplit(url)
        if parts.scheme not in ("socks5", "socks5h"):
            raise ValueError(f"{url!r}: expected socks5://[user:password@]host:port")
        try:
            port = parts.port
        except ValueError:
            port = None
        if not parts.hostname or port is None:
            raise ValueError(f"{url!r}: expected socks5://[user:password@]host:port")
        username = unquote(parts.username) if parts.username else None
        password = unquote(parts.password) if parts.password else None
        return cls(parts.hostname, port, username, password)

    def __str__(self) -> str:
        return f"socks5://{self.host}:{self.port}"


async def open_via_socks(
    proxy: SocksProxy, address: str, port: int
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A stream to address:port through the proxy (the caller bounds the time)."""
    reader, writer = await asyncio.open_connection(proxy.host, proxy.port)
    try:
        await _handshake(reader, writer, proxy, address, port)
    except BaseException:
        writer.close()
        raise
    return reader, writer


async def _handshake(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    proxy: SocksProxy,
    address: str,
    port: int,
) -> None:
    methods = b"\x00\x02" if proxy.username is not None else b"\x00"
    writer.write(b"\x05" + bytes([len(methods)]) + methods)
    version, method = await _read(reader, 2)
    if version != 5:
        raise SocksError(f"{proxy} is not a SOCKS5 proxy")
    if method == 2:
        user = (proxy.username or "").encode()
        secret = (proxy.password or "").encode()
        writer.write(b"\x01" + bytes([len(user)]) + user + bytes([len(secret)]) + secret)
        _, status = await _read(reader, 2)
        if status != 0:
            raise SocksError(f"{proxy} refused the username or password")
    elif method != 0:
        raise SocksError(f"{proxy} accepts none of our authentication methods")
    ip = ipaddress.ip_address(address)
    kind = b"\x01" if ip.version == 4 else b"\x04"
    writer.write(b"\x05\x01\x00" + kind + ip.packed + struct.pack("!H", port))
    _, reply, _, bound_kind = await _read(reader, 4)
    if reply != 0:
        raise SocksError(f"{proxy}: {_REPLIES.get(reply, f'error {reply}')} ({address}:{port})")
    if bound_kind == 1:
        await _read(reader, 4 + 2)
    elif bound_kind == 4:
        await _read(reader, 16 + 2)
    elif bound_kind == 3:
        (length,) = await _read(reader, 1)
        await _read(reader, length + 2)
    else:
        raise SocksError(f"{proxy} sent an unknown address type")


async def _read(reader: asyncio.StreamReader, count: int) -> bytes:
    try:
        return await reader.readexactly(count)
    except asyncio.IncompleteReadError:
        raise SocksError("the SOCKS proxy closed the connection") from None
