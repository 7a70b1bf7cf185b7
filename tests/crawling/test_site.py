"""Whole crawls of the fixture sites over HTTP on loopback: what the report says, and how the
crawler behaved as the servers saw it (politeness, robots.txt, the SSRF guard)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from leadwise.crawling.crawler import Crawler
from leadwise.crawling.report import SiteReport, crawl_site
from leadwise.verification.engine import Verifier
from tests.crawling.conftest import World

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
async def acme(world: World) -> tuple[SiteReport, list[Any]]:
    world.server.clear()
    report = await crawl_site(
        world.url("acme.lwtest"), world.options(), resolver=world.resolver, find_emails=False
    )
    hits = [h for h in world.server.hits if h.host == "acme.lwtest"]
    return report, hits


def _paths(hits: list[Any]) -> list[str]:
    return [hit.path for hit in hits]


async def test_company_facts(acme: tuple[SiteReport, list[Any]]) -> None:
    report, _ = acme
    company = report.as_dict()["company"]
    assert company["name"]["value"] == "Acme Robotics GmbH"
    assert {"url": f"{report.pages[0]}", "method": "json-ld"} in company["name"]["sources"]
    assert company["founding_year"]["value"] == "2009"
    assert company["logo"]["value"].endswith("/img/acme-logo.png")
    assert company["country"] == "DE"
    [address] = company["addresses"]  # JSON-LD and the <address> block are one address
    assert address["postal_code"] == "10115"
    assert address["locality"] == "Berlin"
    assert {s["method"] for s in address["sources"]} == {"json-ld", "address-tag"}
    assert {t["value"] for t in company["technologies"]} >= {"WordPress", "HubSpot", "jQuery"}
    assert report.malformed_jsonld == 1  # the imprint's broken block, the rest still read


async def test_people_with_titles_and_sources(acme: tuple[SiteReport, list[Any]]) -> None:
    report, _ = acme
    people = {p["name"]: p for p in report.as_dict()["people"]}
    assert set(people) == {"Anna Schmidt", "Tom Becker", "Lena Vogel", "Jonas Weber",
                           "Maria Garcia", "Peter Klein"}  # fmt: skip
    anna = people["Anna Schmidt"]
    assert anna["title"] == "Geschäftsführerin (CEO)"
    assert anna["emails"] == ["anna.schmidt@acme.lwtest"]
    assert anna["profiles"] == ["https://www.linkedin.com/in/anna-schmidt-berlin"]
    assert {s["method"] for s in anna["sources"]} == {"card", "label"}  # team page + imprint
    assert people["Lena Vogel"]["emails"] == ["lena.vogel@acme.lwtest"]  # Cloudflare-protected
    assert people["Maria Garcia"]["title"] == "Office Manager"  # JSON-LD Person
    assert people["Jonas Weber"]["title"] == "Marketing Manager"  # heading + subtitle
    assert people["Peter Klein"]["sources"][0]["method"] in ("label", "heading")
    for person in people.values():
        assert person["first_seen"] is not None
        assert person["last_seen"] is not None


async def test_emails_classified_and_decoys_dropped(acme: tuple[SiteReport, list[Any]]) -> None:
    report, _ = acme
    emails = {e["value"]: e for e in report.as_dict()["emails"]}
    assert set(emails) == {
        "anna.schmidt@acme.lwtest", "lena.vogel@acme.lwtest", "maria.garcia@acme.lwtest",
        "info@acme.lwtest", "vertrieb@acme.lwtest", "karriere@acme.lwtest",
        "datenschutz@acme.lwtest", "presse@acme.lwtest", "jobs@acme.lwtest",
    }  # fmt: skip
    assert emails["anna.schmidt@acme.lwtest"]["kind"] == "personal"
    assert emails["info@acme.lwtest"]["kind"] == "role"
    assert emails["info@acme.lwtest"]["sources"][0]["method"] == "obfuscated"
    assert emails["karriere@acme.lwtest"]["sources"][0]["method"] == "text"  # HTML entities
    assert emails["jobs@acme.lwtest"]["sources"][0]["url"].endswith("/karriere")  # brotli body
    pattern = report.as_dict()["email_pattern"]
    assert (pattern["pattern"], pattern["supporting"], pattern["examples"]) == (
        "{first}.{last}", 3, 3,
    )  # fmt: skip
    assert pattern["confidence"] == 0.8


async def test_priority_robots_and_skips(acme: tuple[SiteReport, list[Any]]) -> None:
    report, hits = acme
    paths = _paths(hits)
    assert paths[0] == "/robots.txt"
    pages = [p for p in paths if p not in ("/robots.txt", "/sitemap.xml", "/")]
    # The pages that carry contacts come before the blog, though the blog is linked first.
    assert max(pages.index(p) for p in ("/team/", "/kontakt", "/impressum")) < pages.index("/blog/")
    assert "/leadership" in paths  # only the sitemap lists it
    for never in ("/private/internal", "/products", "/calendar/2024/05/", "/files/brochure.pdf",
                  "/cdn-cgi/l/email-protection"):  # fmt: skip
        assert never not in paths
    assert "/blog/post-1?sessionid=abc123" not in paths
    assert paths.count("/blog/post-1") == 1
    stats = report.stats
    assert stats is not None
    assert stats.robots_disallowed == 1
    assert stats.crawl_delay_seconds == 0.2
    assert stats.skipped["faceted"] == 1
    assert stats.skipped["calendar"] == 1
    assert stats.duplicates >= 2  # /moved -> /team/, and post-2 whose canonical is post-1
    assert all(hit.user_agent.startswith("Mozilla/5.0 (compatible; LeadwiseBot") for hit in hits)


async def test_crawl_delay_and_retry_after_are_honoured(
    acme: tuple[SiteReport, list[Any]],
) -> None:
    _, hits = acme
    starts = [hit.at for hit in hits]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # Crawl-delay 0.2 s between requests; a redirect's next hop follows at once, and the next
    # request comes 0.2 s after the first hop. The times are the server's: on a busy machine
    # it may read two requests sent 0.2 s apart late and in one go. So any three requests in
    # a row span at least the delay, and the whole crawl at least the delay per request.
    redirect_hops = sum(1 for hit in hits if hit.path in ("/loop-b",)) + 1
    assert all(first + second >= 0.18 for first, second in itertools.pairwise(gaps)), gaps
    assert starts[-1] - starts[0] >= 0.2 * (len(starts) - 1 - redirect_hops) - 0.2, gaps
    presse = [hit.at for hit in hits if hit.path == "/presse"]
    assert len(presse) == 2
    assert presse[1] - presse[0] >= 1.0


async def test_redirect_loop_and_private_redirects_are_stopped(
    acme: tuple[SiteReport, list[Any]], world: World
) -> None:
    report, _ = acme
    assert report.stats is not None
    failures = {f.url.rsplit("/", 1)[-1]: f for f in report.stats.failures}
    assert failures["loop-a"].kind == "redirect_loop"
    assert failures["intranet"].kind == "blocked"
    assert "10.23.0.5" in failures["intranet"].message
    assert failures["metadata"].kind == "blocked"
    assert failures["canary"].kind == "blocked"
    assert world.canary.hits == []  # the guard refused before connecting


async def test_start_url_at_a_private_address_is_refused(world: World) -> None:
    targets = ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/",
               "http://v6.acme.lwtest/", "http://intranet.acme.lwtest/"]  # fmt: skip
    for target in targets:
        crawler = Crawler(world.options(), resolver=world.resolver)
        result = await crawler.crawl(target.rstrip("/") + "/")
        assert result.stats.pages_fetched == 0
        assert result.stats.failures[-1].kind == "blocked", target


async def test_allow_private_networks_lifts_the_guard(world: World) -> None:
    world.canary.clear()
    options = world.options(allowed_networks=(), allow_private_networks=True, use_sitemaps=False)
    crawler = Crawler(options, resolver=world.resolver)
    result = await crawler.crawl(world.url("canary.acme.lwtest").replace(
        str(world.port), str(world.canary.port)))  # fmt: skip
    assert result.stats.pages_fetched == 1
    assert len(world.canary.hits) >= 1
    blocked = Crawler(world.options(allowed_networks=()), resolver=world.resolver)
    assert (await blocked.crawl(world.url("acme.lwtest"))).stats.pages_fetched == 0


async def test_budgets(world: World) -> None:
    small = await crawl_site(world.url("acme.lwtest"), world.options(max_pages=3),
                             resolver=world.resolver, find_emails=False)  # fmt: skip
    assert small.stats is not None
    assert small.stats.pages_fetched == 3
    assert small.stats.stopped_by == "max_pages"
    shallow = await crawl_site(world.url("acme.lwtest"), world.options(max_depth=0),
                               resolver=world.resolver, find_emails=False)  # fmt: skip
    assert shallow.stats is not None
    assert {url.split(str(world.port))[1] for url in shallow.pages} <= {"/", "/leadership",
                                                                         "/about"}  # fmt: skip
    quick = await crawl_site(world.url("acme.lwtest"), world.options(time_budget_seconds=0.5),
                             resolver=world.resolver, find_emails=False)  # fmt: skip
    assert quick.stats is not None
    assert quick.stats.stopped_by == "time_budget"
    assert quick.stats.seconds < 2.0
    truncated = Crawler(world.options(max_page_bytes=1024, max_pages=1), resolver=world.resolver)
    pages: list[Any] = []
    await truncated.crawl(world.url("acme.lwtest"), pages.append)
    assert pages[0].truncated
    assert len(pages[0].html.encode()) <= 1024


async def test_generated_addresses_verified(world: World) -> None:
    async with Verifier(world.verify_settings()) as verifier:
        acme = await crawl_site(world.url("acme.lwtest"), world.options(),
                                resolver=world.resolver, verifier=verifier)  # fmt: skip
        northwind = await crawl_site(world.url("northwind.lwtest"), world.options(),
                                     resolver=world.resolver, verifier=verifier)  # fmt: skip
    people = {p["name"]: p["generated_email"] for p in acme.as_dict()["people"]}
    assert people["Anna Schmidt"] is None  # she has her address on the site
    tom = people["Tom Becker"]
    assert (tom["email"], tom["status"], tom["pattern"]) == (
        "tom.becker@acme.lwtest", "valid", "{first}.{last}",
    )  # fmt: skip
    assert tom["tried"][0]["verification"]["status"] == "valid"
    jonas = people["Jonas Weber"]  # the mail server does not know him
    assert jonas["status"] == "invalid"
    assert jonas["email"] is None
    assert jonas["tried"][0]["verification"]["sub_status"] == "mailbox_not_found"
    generated = {p["name"]: p["generated_email"] for p in northwind.as_dict()["people"]}
    pattern = northwind.as_dict()["email_pattern"]
    assert pattern["pattern"] == "{first}"
    assert pattern["examples"] == 2
    david = generated["David Kim"]
    assert (david["email"], david["status"]) == ("david@northwind.lwtest", "accept_all")
    assert "accepts any address" in david["note"]


async def test_a_site_reached_by_its_address_gets_no_made_up_addresses(world: World) -> None:
    """With no domain to mail, no person gets candidates like `tom.becker@127.0.0.1`."""
    options = world.options(allow_private_networks=True, use_sitemaps=False)
    async with Verifier(world.verify_settings()) as verifier:
        report = await crawl_site(world.url("127.0.0.1"), options,
                                  resolver=world.resolver, verifier=verifier)  # fmt: skip
    people = report.as_dict()["people"]
    assert {p["name"] for p in people} >= {"Anna Schmidt", "Tom Becker"}
    assert [p["generated_email"] for p in people] == [None] * len(people)
