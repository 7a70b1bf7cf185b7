"""The crawling tests' loopback world (fixture sites, scripted mail hosts) with a DNS server
that answers the sites' names too: the app crawls `acme.lwtest` by name through
LEADWISE_CRAWL__DNS_SERVERS and verifies addresses through LEADWISE_VERIFY__DNS_SERVERS,
like an installation would, with no name leaving the machine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import TestEnv, _clear_caches
from tests.crawling.conftest import MX_CATCH_ALL_IP, MX_KNOWN_IP, World, world
from tests.servers.dns import Records, Zones, start_dns
from tests.servers.loop import LoopThread

PRIVATE_IP = "10.23.0.5"
ZONES: dict[str, Records] = {
    "acme.lwtest": {"A": ["127.0.0.1"], "MX": [(10, "mx.acme.lwtest")]},
    "www.acme.lwtest": {"A": ["127.0.0.1"]},
    "mx.acme.lwtest": {"A": [MX_KNOWN_IP]},
    "northwind.lwtest": {"A": ["127.0.0.1"], "MX": [(10, "mx.northwind.lwtest")]},
    "mx.northwind.lwtest": {"A": [MX_CATCH_ALL_IP]},
    "private.lwtest": {"A": [PRIVATE_IP]},  # the SSRF guard must refuse it
}


@pytest.fixture(scope="session")
def site_dns() -> Iterator[int]:
    thread = LoopThread()
    transport, port = thread.run(start_dns(Zones(names=dict(ZONES))))
    try:
        yield port
    finally:

        async def stop() -> None:
            transport.close()

        thread.run(stop())
        thread.stop()


def prospect_settings(world: World, dns_port: int) -> dict[str, str]:
    """Crawl the loopback sites (and nothing else private), verify against the mail hosts."""
    return {
        "LEADWISE_CRAWL__ALLOWED_NETWORKS": "127.0.0.1/32",
        "LEADWISE_CRAWL__DNS_SERVERS": f"127.0.0.1:{dns_port}",
        # Slow enough that a crawl of the site takes a second or two: progress can be seen.
        "LEADWISE_CRAWL__DELAY_SECONDS": "0.1",
        "LEADWISE_CRAWL__MAX_RETRY_AFTER_SECONDS": "5",
        "LEADWISE_CRAWL__TIME_BUDGET_SECONDS": "30",
        "LEADWISE_VERIFY__DNS_SERVERS": f"127.0.0.1:{dns_port}",
        "LEADWISE_VERIFY__DNS_TIMEOUT": "1",
        "LEADWISE_VERIFY__SMTP_PORT": str(world.mail.port),
        "LEADWISE_VERIFY__SMTP_TIMEOUT": "3",
        "LEADWISE_VERIFY__CONNECT_TIMEOUT": "2",
        "LEADWISE_VERIFY__HELO_NAME": "probe.leadwise.lwtest",
        "LEADWISE_VERIFY__MAIL_FROM": "verify@leadwise.lwtest",
        "LEADWISE_VERIFY__ALLOW_PRIVATE_MX": "true",
        "LEADWISE_VERIFY__PER_MX_RATE": "0",
        "LEADWISE_VERIFY__RATE_PER_SECOND": "0",
    }


@pytest.fixture(autouse=True)
def prospect_env(
    test_env: TestEnv, world: World, site_dns: int, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    values = prospect_settings(world, site_dns)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    test_env.values.update(values)  # a `leadwise` process started by the test gets them too
    _clear_caches()
    return values


def site_url(world: World, host: str = "acme.lwtest", path: str = "/") -> str:
    return f"http://{host}:{world.port}{path}"


__all__ = ["World", "site_url", "world"]
