"""A small mail world on loopback for the verifier: a DNS server with test zones and scripted
MX hosts on 127.0.0.x, started once per session in a background thread (so CLI runs, which
block the test's thread, are answered too)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from leadwise.config import VerifySettings
from tests.servers.dns import Zones, start_dns
from tests.servers.loop import LoopThread
from tests.servers.mail_hosts import MailHosts, Script, start_mail_hosts

# IP -> how that MX host behaves
SCRIPTS = {
    "127.0.0.2": "known",
    "127.0.0.3": "accept_all",
    "127.0.0.4": "greylist",
    "127.0.0.5": "full",
    "127.0.0.6": "blocklist",
    "127.0.0.7": "busy",
    "127.0.0.8": "slow_banner",
    "127.0.0.9": "hangup",
    "127.0.0.10": "tls",
    "127.0.0.12": "full_temporary",
    "127.0.0.13": "yahoo_style",
    "127.0.0.14": "bare_550",
    "127.0.0.15": "disabled",
    "127.0.0.16": "utf8",
    "127.0.0.17": "greylist_always",
}
SILENT = "127.0.0.11"  # accepts TCP, never sends a banner
CLOSED = "127.0.0.250"  # nothing listens: connection refused


def _mx(*hosts: tuple[int, str]) -> dict[str, Any]:
    return {"MX": list(hosts)}


def zones() -> Zones:
    names: dict[str, dict[str, Any]] = {}
    for ip, kind in SCRIPTS.items():
        name = kind.replace("_", "-")
        names[f"mx-{name}.lwtest"] = {"A": [ip]}
        names[f"{name}.lwtest"] = _mx((10, f"mx-{name}.lwtest"))
    names["mx-silent.lwtest"] = {"A": [SILENT]}
    names["mx-closed.lwtest"] = {"A": [CLOSED]}
    names.update(
        {
            "known.lwtest": _mx((10, "mx-known.lwtest")),
            "catchall.lwtest": _mx((10, "mx-accept-all.lwtest")),
            "busy-then-known.lwtest": _mx((10, "mx-busy.lwtest"), (20, "mx-known.lwtest")),
            "dead-primary.lwtest": _mx((10, "mx-silent.lwtest"), (20, "mx-known.lwtest")),
            "dead.lwtest": _mx((10, "mx-silent.lwtest")),
            "refused.lwtest": _mx((10, "mx-closed.lwtest")),
            "refused-primary.lwtest": _mx((5, "mx-closed.lwtest"), (10, "mx-known.lwtest")),
            # Never lets anyone through, however slowly a test runs.
            "grey-everywhere.lwtest": _mx(
                (10, "mx-greylist-always.lwtest"), (20, "mx-busy.lwtest")
            ),
            "a-only.lwtest": {"A": ["127.0.0.2"]},
            "null.lwtest": _mx((0, ".")),
            "nomail.lwtest": {"TXT": ["v=spf1 -all"]},
            "dangling.lwtest": _mx((10, "gone.lwtest")),
            "gmail.com": _mx((5, "mx-known.lwtest")),
        }
    )
    return Zones(
        names=names,
        servfail={"servfail.lwtest"},
        silent={"silent-dns.lwtest"},
    )


@dataclass
class MailWorld:
    dns_port: int
    hosts: MailHosts
    zones: Zones

    def script(self, kind: str) -> Script:
        ip = next(ip for ip, name in SCRIPTS.items() if name == kind)
        return self.hosts.script(ip)

    def settings(self, **overrides: Any) -> VerifySettings:
        values: dict[str, Any] = {
            "dns_servers": [f"127.0.0.1:{self.dns_port}"],
            "dns_timeout": 1.0,
            "smtp_port": self.hosts.port,
            "smtp_timeout": 3.0,
            "connect_timeout": 2.0,
            "helo_name": "probe.leadwise.lwtest",
            "mail_from": "verify@leadwise.lwtest",
            "allow_private_mx": True,
            "per_mx_rate": 0,
            "rate_per_second": 0,
            "greylist_retry_seconds": 1.0,
            "preflight_domain": "known.lwtest",
        }
        values.update(overrides)
        return VerifySettings(**values)

    def env(self, **overrides: Any) -> dict[str, str]:
        settings = self.settings(**overrides)
        env = {}
        for name, value in settings.model_dump().items():
            text = ",".join(value) if isinstance(value, list) else value
            env[f"LEADWISE_VERIFY__{name.upper()}"] = "" if text is None else str(text)
        return env


@pytest.fixture(scope="session")
def mail_world() -> Iterator[MailWorld]:
    thread = LoopThread()
    test_zones = zones()
    scripts = {ip: _script(kind) for ip, kind in SCRIPTS.items()}

    async def start() -> tuple[Any, int, MailHosts]:
        transport, port = await start_dns(test_zones)
        hosts = await start_mail_hosts(scripts, [SILENT])
        return transport, port, hosts

    transport, port, hosts = thread.run(start())
    try:
        yield MailWorld(port, hosts, test_zones)
    finally:

        async def stop() -> None:
            transport.close()
            await hosts.close()

        thread.run(stop())
        thread.stop()


def _script(kind: str) -> Script:
    if kind == "slow_banner":
        return Script("known", banner_delay=1.5)
    if kind == "tls":
        return Script("known", starttls=True)
    if kind == "utf8":
        return Script("known", smtputf8=True)
    if kind == "greylist_always":
        return Script("greylist", greylist_seconds=float("inf"))
    return Script(kind)
