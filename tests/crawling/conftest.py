"""Test sites on loopback: acme.lwtest, northwind.lwtest and spa.lwtest (a JavaScript-only
site, also answering as localhost) served by one HTTP server on 127.0.0.1 (virtual hosts), a
canary server on 127.0.0.2 that the SSRF guard must keep the
crawler away from, and a small mail world (DNS and scripted MX hosts) for verifying generated
addresses. Names resolve through a static table, so no DNS leaves the machine."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from leadwise.config import VerifySettings
from leadwise.crawling.crawler import CrawlOptions
from leadwise.crawling.guard import StaticResolver
from tests.servers.dns import Zones, start_dns
from tests.servers.http_site import Reply, Request, Site, SiteServer
from tests.servers.loop import LoopThread
from tests.servers.mail_hosts import MailHosts, Script, start_mail_hosts

SITES = Path(__file__).parent / "sites"
CANARY_IP = "127.0.0.2"
MX_KNOWN_IP = "127.0.0.3"
MX_CATCH_ALL_IP = "127.0.0.4"
ACME_MAILBOXES = {"anna.schmidt", "maria.garcia", "lena.vogel", "tom.becker", "peter.klein",
                  "info", "datenschutz", "vertrieb"}  # fmt: skip


@dataclass
class World:
    server: SiteServer
    canary: SiteServer
    dns_port: int
    mail: MailHosts
    zones: Zones

    @property
    def port(self) -> int:
        return self.server.port

    def url(self, site: str, path: str = "/") -> str:
        return f"http://{site}:{self.port}{path}"

    @property
    def resolver(self) -> StaticResolver:
        return StaticResolver(
            {
                "acme.lwtest": ["127.0.0.1"],
                "www.acme.lwtest": ["127.0.0.1"],
                "northwind.lwtest": ["127.0.0.1"],
                "spa.lwtest": ["127.0.0.1"],
                "intranet.acme.lwtest": ["10.23.0.5"],
                "metadata.acme.lwtest": ["169.254.169.254"],
                "canary.acme.lwtest": [CANARY_IP],
                "v6.acme.lwtest": ["fd00:ec2::254"],
            }
        )

    def options(self, **overrides: Any) -> CrawlOptions:
        base = CrawlOptions(
            allowed_networks=("127.0.0.1/32",),
            delay_seconds=0.0,
            time_budget_seconds=30.0,
            request_timeout_seconds=5.0,
            max_retry_after_seconds=5.0,
        )
        return replace(base, **overrides)

    def verify_settings(self, **overrides: Any) -> VerifySettings:
        values: dict[str, Any] = {
            "dns_servers": [f"127.0.0.1:{self.dns_port}"],
            "dns_timeout": 1.0,
            "smtp_port": self.mail.port,
            "smtp_timeout": 3.0,
            "connect_timeout": 2.0,
            "helo_name": "probe.leadwise.lwtest",
            "mail_from": "verify@leadwise.lwtest",
            "allow_private_mx": True,
            "per_mx_rate": 0,
            "rate_per_second": 0,
        }
        values.update(overrides)
        return VerifySettings(**values)


def _redirect(location: str, status: int = 302) -> Any:
    return lambda request: Reply(status, headers={"location": location})


def acme_site(world_port: list[int], canary_port: list[int]) -> Site:
    root = SITES / "acme"

    def sitemap(request: Request) -> Reply:
        body = (root / "sitemap.xml").read_text().replace("PORT", str(world_port[0]))
        return Reply(body=body.encode(), content_type="application/xml")

    def press(request: Request) -> Reply:
        if request.hits == 1:
            return Reply(429, b"slow down", headers={"retry-after": "1"})
        return Reply(body=b"<html><body><h1>Presse</h1><p>presse@acme.lwtest</p></body></html>")

    def careers(request: Request) -> Reply:
        page = "<html><body><h1>Karriere</h1><p>Schreiben Sie an jobs@acme.lwtest</p></body></html>"
        return Reply(body=page.encode(), encoding="br")

    def intranet(request: Request) -> Reply:
        return Reply(302, headers={"location": f"http://intranet.acme.lwtest:{world_port[0]}/"})

    def canary(request: Request) -> Reply:
        return Reply(302, headers={"location": f"http://canary.acme.lwtest:{canary_port[0]}/"})

    return Site(
        root=root,
        routes={
            "/sitemap.xml": sitemap,
            "/presse": press,
            "/karriere": careers,
            "/loop-a": _redirect("/loop-b"),
            "/loop-b": _redirect("/loop-a"),
            "/moved": _redirect("/team/", 301),
            "/intranet": intranet,
            "/metadata": _redirect("http://metadata.acme.lwtest/latest/meta-data/"),
            "/canary": canary,
        },
        gzip=True,
    )


def spa_site(canary_port: list[int]) -> Site:
    """A single-page app: empty until its script runs, which also reaches for the canary."""
    root = SITES / "spa"

    def app_js(request: Request) -> Reply:
        body = (root / "static" / "app.js").read_text().replace("CANARY_PORT", str(canary_port[0]))
        return Reply(body=body.encode(), content_type="text/javascript; charset=utf-8")

    def bounce(request: Request) -> Reply:  # a redirect from the site to the canary
        return Reply(302, headers={"location": f"http://canary.acme.lwtest:{canary_port[0]}/"})

    def shell(request: Request) -> Reply:  # another route of the app: the same shell
        return Reply(body=(root / "index.html").read_bytes())

    return Site(root=root, routes={"/static/app.js": app_js, "/bounce": bounce, "/jobs": shell})


@pytest.fixture(scope="session")
def world() -> Iterator[World]:
    thread = LoopThread()
    port: list[int] = [0]
    canary_port: list[int] = [0]
    canary_page = Site(pages={"/": b"<html><body>canary@acme.lwtest</body></html>"})
    server = SiteServer(
        {
            "acme.lwtest": acme_site(port, canary_port),
            "www.acme.lwtest": acme_site(port, canary_port),
            "northwind.lwtest": Site(root=SITES / "northwind"),
            "127.0.0.1": acme_site(port, canary_port),
            "spa.lwtest": spa_site(canary_port),
            "localhost": spa_site(canary_port),
        }
    )
    canary = SiteServer({"canary.acme.lwtest": canary_page, CANARY_IP: canary_page})
    zones = Zones(
        names={
            "acme.lwtest": {"MX": [(10, "mx.acme.lwtest")]},
            "mx.acme.lwtest": {"A": [MX_KNOWN_IP]},
            "northwind.lwtest": {"MX": [(10, "mx.northwind.lwtest")]},
            "mx.northwind.lwtest": {"A": [MX_CATCH_ALL_IP]},
        }
    )

    async def start() -> tuple[Any, int, MailHosts]:
        port[0] = await server.start()
        canary_port[0] = await canary.start(CANARY_IP)
        transport, dns_port = await start_dns(zones)
        hosts = await start_mail_hosts(
            {
                MX_KNOWN_IP: Script("known", known=set(ACME_MAILBOXES)),
                MX_CATCH_ALL_IP: Script("accept_all"),
            },
            [],
        )
        return transport, dns_port, hosts

    transport, dns_port, hosts = thread.run(start())
    try:
        yield World(server, canary, dns_port, hosts, zones)
    finally:

        async def stop() -> None:
            transport.close()
            await hosts.close()
            await server.stop()
            await canary.stop()

        thread.run(stop())
        thread.stop()
