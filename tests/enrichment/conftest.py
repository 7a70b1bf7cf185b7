"""The crawling tests' loopback world (fixture sites, DNS, mail hosts) plus DNS zones with the
MX and SPF records the DNS provider reads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.crawling.conftest import World, world
from tests.servers.dns import Records, Zones, start_dns
from tests.servers.loop import LoopThread

MAIL_ZONES: dict[str, Records] = {
    "google.lwtest": {
        "MX": [(1, "aspmx.l.google.com."), (5, "alt1.aspmx.l.google.com.")],
        "TXT": ["google-site-verification=abc", "v=spf1 include:_spf.google.com "
                "include:servers.mcsv.net ~include:sendgrid.net -all"],
    },
    "m365.lwtest": {
        "MX": [(0, "m365-lwtest.mail.protection.outlook.com.")],
        "TXT": ["v=spf1 include:spf.protection.outlook.com include:1234.spf04.hubspotemail.net "
                "include:_spf.salesforce.com include:unknown.example.org -all"],
    },
    "gateway.lwtest": {"MX": [(10, "mx1.eu.mimecast.com."), (20, "mail.gateway.lwtest.")]},
    "spfonly.lwtest": {"TXT": ["v=spf1 include:zoho.eu -all"]},
    "nomail.lwtest": {"A": ["127.0.0.1"]},
    "acme.lwtest": {
        "MX": [(1, "aspmx.l.google.com.")],
        "TXT": ["v=spf1 include:_spf.google.com include:77.spf01.hubspotemail.net ~all"],
    },
}  # fmt: skip


@pytest.fixture(scope="session")
def dns_server() -> Iterator[tuple[Zones, int]]:
    thread = LoopThread()
    zones = Zones(names=dict(MAIL_ZONES), servfail={"broken.lwtest"})
    transport, port = thread.run(start_dns(zones))
    try:
        yield zones, port
    finally:

        async def stop() -> None:
            transport.close()

        thread.run(stop())
        thread.stop()


__all__ = ["World", "world"]
