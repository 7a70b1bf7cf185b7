"""A SOCKS5 proxy on loopback (CONNECT, no auth or username/password) that records where it
connected, for the verifier's proxy option."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import struct
from dataclasses import dataclass, field


@dataclass
class SocksProxyServer:
    username: str | None = None
    password: str | None = None
    connects: list[tuple[str, int]] = field(default_factory=list)
    port: int = 0
    server: asyncio.AbstractServer | None = None

    async def start(self, host: str = "127.0.0.1") -> None:
        self.server = await asyncio.start_server(self._client, host, 0)
        self.port = int(self.server.sockets[0].getsockname()[1])

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    @property
    def url(self) -> str:
        auth = f"{self.username}:{self.password}@" if self.username else ""
        return f"socks5://{auth}127.0.0.1:{self.port}"

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await self._serve(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        _, count = await reader.readexactly(2)
        methods = await reader.readexactly(count)
        wanted = 2 if self.username else 0
        if wanted not in methods:
            writer.write(b"\x05\xff")
            return
        writer.write(bytes([5, wanted]))
        if wanted == 2:
            _, user_len = await reader.readexactly(2)
            user = (await reader.readexactly(user_len)).decode()
            (secret_len,) = await reader.readexactly(1)
            secret = (await reader.readexactly(secret_len)).decode()
            ok = user == self.username and secret == self.password
            writer.write(b"\x01" + (b"\x00" if ok else b"\x01"))
            if not ok:
                return
        _, _command, _, kind = await reader.readexactly(4)
        raw = await reader.readexactly(4 if kind == 1 else 16)
        (port,) = struct.unpack("!H", await reader.readexactly(2))
        address = str(ipaddress.ip_address(raw))
        self.connects.append((address, port))
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(address, port)
        except OSError:
            writer.write(b"\x05\x05\x00\x01" + bytes(6))
            return
        writer.write(b"\x05\x00\x00\x01" + bytes(6))
        await asyncio.gather(
            _pipe(reader, upstream_writer), _pipe(upstream_reader, writer), return_exceptions=True
        )


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        with contextlib.suppress(Exception):
            writer.close()
