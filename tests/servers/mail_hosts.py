"""Scripted MX hosts on loopback for the SMTP probe: real aiosmtpd servers, each on its own
127.0.0.x address and all on one port (the port the verifier is told to use), answering RCPT
the way real servers do: known mailboxes vs unknown, accept-all, greylisting, a full mailbox,
a blocklist refusal, "too busy", a slow banner, a hang-up after RCPT, STARTTLS; plus a host
that accepts TCP and never speaks. Every conversation is recorded."""

from __future__ import annotations

import asyncio
import datetime
import socket
import ssl
import time
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.smtp import SMTP

KNOWN = {"jane", "john", "info", "sales", "jöe"}


@dataclass
class Script:
    """How one host answers RCPT TO (`kind`), and what it saw."""

    kind: str
    known: set[str] = field(default_factory=lambda: set(KNOWN))
    greylist_seconds: float = 1.0
    banner_delay: float = 0.0
    starttls: bool = False
    smtputf8: bool = False
    rcpts: list[str] = field(default_factory=list)
    mail_from: list[str] = field(default_factory=list)
    helo: list[str] = field(default_factory=list)
    tls_sessions: int = 0
    connections: int = 0
    data_commands: int = 0
    first_seen: dict[str, float] = field(default_factory=dict)

    def rcpt_reply(self, address: str) -> str | None:
        """The reply, or None to hang up without one."""
        local = address.rpartition("@")[0].lower()
        known = local in self.known
        if self.kind == "accept_all":
            return "250 2.1.5 OK"
        if self.kind == "greylist":
            seen = self.first_seen.setdefault(address, time.monotonic())
            if time.monotonic() - seen < self.greylist_seconds:
                return "451 4.7.1 Greylisted, please try again later"
        if self.kind == "full":
            return "552 5.2.2 Mailbox full" if known else "550 5.1.1 User unknown"
        if self.kind == "full_temporary":
            return "452 4.2.2 Mailbox full, try later" if known else "550 5.1.1 User unknown"
        if self.kind == "blocklist":
            return "554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org"
        if self.kind == "busy":
            return "421 4.7.0 Too many connections, try again later"
        if self.kind == "hangup":
            return None
        if self.kind == "yahoo_style":  # a bare 554 that means "no such user"
            return "250 ok" if known else "554 delivery error: This user doesn't have an account"
        if self.kind == "bare_550":
            return "250 ok" if known else "550 Requested action not taken: mailbox unavailable"
        if self.kind == "disabled":
            return "550 5.2.1 The email account that you tried to reach is disabled"
        return "250 2.1.5 OK" if known else "550 5.1.1 <" + address + ">: User unknown"


class _Handler:
    def __init__(self, script: Script) -> None:
        self.script = script

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        self.script.helo.append(hostname)
        session.host_name = hostname
        return responses

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        self.script.mail_from.append(address)
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        self.script.rcpts.append(address)
        if session.ssl is not None and not getattr(session, "counted_tls", False):
            session.counted_tls = True
            self.script.tls_sessions += 1
        reply = self.script.rcpt_reply(address)
        if reply is None:
            server.transport.close()
            return "250 never sent"
        return reply

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.script.data_commands += 1
        return "554 no mail here"


class _ScriptedSmtp(SMTP):
    def __init__(self, script: Script, **kwargs: Any) -> None:
        super().__init__(_Handler(script), **kwargs)
        self.script = script

    async def _handle_client(self) -> None:
        self.script.connections += 1
        if self.script.banner_delay:
            await asyncio.sleep(self.script.banner_delay)
        await super()._handle_client()


async def _silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Accepts the connection and never says a word (a dead MX behind a live TCP stack)."""
    try:
        await reader.read()
    finally:
        writer.close()


@dataclass
class MailHosts:
    port: int
    scripts: dict[str, Script]  # by IP
    servers: list[asyncio.AbstractServer]

    def script(self, ip: str) -> Script:
        return self.scripts[ip]

    async def close(self) -> None:
        for server in self.servers:
            server.close()
        for server in self.servers:
            await server.wait_closed()


def self_signed_context() -> ssl.SSLContext:
    """A server TLS context with a certificate made here (cryptography), never fetched."""
    import tempfile

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mx.lwtest")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:
        cert_path, key_path = f"{folder}/cert.pem", f"{folder}/key.pem"
        with open(cert_path, "wb") as handle:
            handle.write(certificate.public_bytes(serialization.Encoding.PEM))
        with open(key_path, "wb") as handle:
            handle.write(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        context.load_cert_chain(cert_path, key_path)
    return context


def common_free_port(ips: list[str]) -> int:
    """A port that is free on every one of the addresses."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((ips[0], 0))
            port = int(probe.getsockname()[1])
        try:
            for ip in ips[1:]:
                with socket.socket() as other:
                    other.bind((ip, port))
        except OSError:
            continue
        return port
    raise RuntimeError("no common free port")


async def start_mail_hosts(scripts: dict[str, Script], silent: list[str]) -> MailHosts:
    """Servers for `scripts` (by IP) and silent listeners on `silent` IPs, on one port."""
    loop = asyncio.get_running_loop()
    port = common_free_port([*scripts, *silent])
    tls = self_signed_context()
    servers: list[asyncio.AbstractServer] = []
    for ip, script in scripts.items():

        def factory(script: Script = script) -> SMTP:
            return _ScriptedSmtp(
                script,
                hostname=f"mx-{script.kind}.lwtest",
                tls_context=tls if script.starttls else None,
                enable_SMTPUTF8=script.smtputf8,
                loop=loop,
            )

        servers.append(await loop.create_server(factory, ip, port))
    for ip in silent:
        servers.append(await asyncio.start_server(_silent, ip, port))
    return MailHosts(port, scripts, servers)
