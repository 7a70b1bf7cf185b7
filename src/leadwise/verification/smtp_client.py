"""A small SMTP client for probing (asyncio streams): banner, EHLO (HELO when refused), STARTTLS
when offered, MAIL FROM, RCPT TO, RSET and QUIT. There is no DATA command: it never sends mail.

Every wait is bounded; failures are typed so the prober can tell a refused connection from a
timeout or a server that hung up.
"""

from __future__ import annotations

import asyncio
import re
import ssl
import time
from dataclasses import dataclass, field

from leadwise.verification.socks import SocksError, SocksProxy, open_via_socks

_ENHANCED = re.compile(r"([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$|[.,;:])")
MAX_REPLY_LINES = 100  # a reply longer than this is hostile, not informative
MAX_MESSAGE_CHARS = 500


@dataclass(frozen=True, slots=True)
class Reply:
    code: int
    enhanced: str | None
    message: str
    lines: tuple[str, ...] = ()

    @property
    def is_positive(self) -> bool:
        return 200 <= self.code < 400

    def __str__(self) -> str:
        return f"{self.code} {self.message}"


class SmtpFailure(Exception):
    """The conversation ended without a reply to classify."""


class ConnectFailed(SmtpFailure):
    """Could not open the TCP connection (refused, unreachable, timed out, proxy failure)."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class ReplyTimeout(SmtpFailure):
    """Connected, but the server did not answer in time (a tarpit, or a dead MX)."""


class Disconnected(SmtpFailure):
    """The server closed the connection where a reply was due."""


class ProtocolError(SmtpFailure):
    """The server sent something that is not an SMTP reply."""


def _tls_context() -> ssl.SSLContext:
    # Opportunistic TLS, as MTAs do between each other: MX certificates are often self-signed
    # or for another name, and refusing them would refuse the probe, not protect anything.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


_TLS_CONTEXT = _tls_context()


@dataclass(slots=True)
class SmtpSession:
    host: str  # the MX host name
    address: str  # the IP connected to
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    timeout: float
    extensions: dict[str, str] = field(default_factory=dict)
    tls: bool = False
    in_transaction: bool = False
    rcpt_count: int = 0
    last_used: float = field(default_factory=time.monotonic)
    closed: bool = False

    @classmethod
    async def connect(
        cls,
        host: str,
        address: str,
        port: int,
        *,
        connect_timeout: float,
        reply_timeout: float,
        proxy: SocksProxy | None = None,
    ) -> tuple[SmtpSession, Reply]:
        """Connect and read the banner (which may come slowly: we wait `timeout` for it)."""
        try:
            async with asyncio.timeout(connect_timeout):
                if proxy is not None:
                    reader, writer = await open_via_socks(proxy, address, port)
                else:
                    reader, writer = await asyncio.open_connection(address, port)
        except TimeoutError:
            raise ConnectFailed(
                f"no connection to {address}:{port} within {connect_timeout:g} s", timed_out=True
            ) from None
        except SocksError as error:
            raise ConnectFailed(str(error)) from None
        except OSError as error:
            reason = error.strerror or str(error) or type(error).__name__
            raise ConnectFailed(f"cannot connect to {address}:{port}: {reason}") from None
        session = cls(host, address, reader, writer, reply_timeout)
        try:
            banner = await session.read_reply()
        except BaseException:
            session.abort()
            raise
        return session, banner

    async def read_reply(self) -> Reply:
        lines: list[str] = []
        code = 0
        try:
            async with asyncio.timeout(self.timeout):
                while True:
                    raw = await self.reader.readline()
                    if not raw:
                        raise Disconnected(f"{self.host} closed the connection")
                    if not raw.endswith(b"\n"):
                        raise Disconnected(f"{self.host} closed the connection mid-reply")
                    line = raw.decode("utf-8", "replace").rstrip("\r\n")
                    if len(line) < 3 or not line[:3].isdigit():
                        raise ProtocolError(f"{self.host} sent a line that is not a reply")
                    code = int(line[:3])
                    lines.append(line[4:])
                    if len(line) == 3 or line[3] != "-":
                        break
                    if len(lines) >= MAX_REPLY_LINES:
                        raise ProtocolError(f"{self.host} sent an endless reply")
        except TimeoutError:
            raise ReplyTimeout(f"{self.host} did not answer within {self.timeout:g} s") from None
        except (ConnectionError, ValueError) as error:  # ValueError: a line over the limit
            raise Disconnected(f"{self.host}: {error or type(error).__name__}") from None
        self.last_used = time.monotonic()
        first = lines[0] if lines else ""
        match = _ENHANCED.match(first)
        enhanced = ".".join(match.groups()) if match and match.group(1) == str(code)[0] else None
        text = " ".join(line.strip() for line in lines).strip()
        return Reply(code, enhanced, text[:MAX_MESSAGE_CHARS], tuple(lines))

    async def command(self, line: str) -> Reply:
        if self.closed:
            raise Disconnected(f"the connection to {self.host} is closed")
        try:
            self.writer.write(line.encode("utf-8") + b"\r\n")
            await self.writer.drain()
        except ConnectionError as error:
            raise Disconnected(f"{self.host}: {error or type(error).__name__}") from None
        return await self.read_reply()

    async def hello(self, helo_name: str, *, starttls: bool = True) -> Reply:
        """EHLO (HELO when refused), then STARTTLS and EHLO again when offered."""
        reply = await self.command(f"EHLO {helo_name}")
        if reply.code >= 500:
            reply = await self.command(f"HELO {helo_name}")
            self.extensions = {}
            return reply
        if reply.is_positive:
            self.extensions = _extensions(reply)
        if starttls and reply.is_positive and "STARTTLS" in self.extensions and not self.tls:
            started = await self.command("STARTTLS")
            if started.code == 220:
                await self._start_tls()
                reply = await self.command(f"EHLO {helo_name}")
                self.extensions = _extensions(reply) if reply.is_positive else {}
        return reply

    async def _start_tls(self) -> None:
        try:
            async with asyncio.timeout(self.timeout):
                await self.writer.start_tls(_TLS_CONTEXT, server_hostname=self.host or None)
        except TimeoutError:
            raise ReplyTimeout(f"{self.host}: the TLS handshake timed out") from None
        except (ssl.SSLError, ConnectionError) as error:
            raise Disconnected(f"{self.host}: the TLS handshake failed: {error}") from None
        self.tls = True

    async def quit(self) -> None:
        """QUIT politely (bounded), then close; never raises."""
        if self.closed:
            return
        try:
            async with asyncio.timeout(min(self.timeout, 5.0)):
                if self.in_transaction:
                    await self.command("RSET")
                await self.command("QUIT")
        except (SmtpFailure, TimeoutError, OSError):
            pass
        self.abort()

    def abort(self) -> None:
        if not self.closed:
            self.closed = True
            self.writer.close()


def _extensions(reply: Reply) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in reply.lines[1:]:
        keyword, _, params = line.strip().partition(" ")
        found[keyword.upper()] = params
    return found
