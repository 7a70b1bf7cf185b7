"""The providers against real servers on loopback: the DNS provider asks a DNS server answering
test zones, the website provider crawls the fixture sites over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from leadwise.config import VerifySettings
from leadwise.enrichment.dns import MAIL_HOSTS, DnsProvider, facts_from_dns, lookup, spf_terms
from leadwise.enrichment.providers import EnrichmentFailed, EnrichmentProvider, EnrichmentTarget
from leadwise.enrichment.website import WebsiteProvider, facts_from_report
from tests.crawling.conftest import World
from tests.servers.dns import Zones

on_session_loop = pytest.mark.asyncio(loop_scope="session")


def _dns(port: int) -> DnsProvider:
    return DnsProvider(VerifySettings(dns_servers=[f"127.0.0.1:{port}"], dns_timeout=1.0))


def _by_field(facts: list[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for fact in facts:
        grouped.setdefault(fact.field, []).append(fact)
    return grouped


@on_session_loop
async def test_mx_names_google_and_spf_names_the_senders(dns_server: tuple[Zones, int]) -> None:
    zones, port = dns_server
    result = await _dns(port).enrich(EnrichmentTarget("google.lwtest"))
    facts = _by_field(result.facts)
    [provider] = facts["email_provider"]
    assert provider.value == "Google Workspace"
    assert provider.method == "mx"
    assert provider.source == "dns:google.lwtest/MX"
    assert provider.extra["evidence"] == "aspmx.l.google.com"
    tools = {fact.value["name"]: fact for fact in facts["technologies"]}
    assert set(tools) == {"Google Workspace", "Mailchimp", "SendGrid"}
    assert tools["Mailchimp"].method == "spf"
    assert tools["Mailchimp"].extra["evidence"] == "include:servers.mcsv.net"
    assert tools["SendGrid"].value["category"] == "transactional_email"
    assert result.raw["mx"][0] == [1, "aspmx.l.google.com"]
    assert zones.queries[("google.lwtest", "TXT")] >= 1


@on_session_loop
async def test_microsoft_365_hubspot_and_salesforce(dns_server: tuple[Zones, int]) -> None:
    _, port = dns_server
    facts = _by_field((await _dns(port).enrich(EnrichmentTarget("m365.lwtest"))).facts)
    assert [fact.value for fact in facts["email_provider"]] == ["Microsoft 365"]
    names = {fact.value["name"] for fact in facts["technologies"]}
    assert names == {"Microsoft 365", "HubSpot", "Salesforce"}  # unknown.example.org: nothing


@on_session_loop
async def test_gateway_spf_only_and_no_mail(dns_server: tuple[Zones, int]) -> None:
    _, port = dns_server
    provider = _dns(port)
    gateway = _by_field((await provider.enrich(EnrichmentTarget("gateway.lwtest"))).facts)
    assert [fact.value for fact in gateway["email_security"]] == ["Mimecast"]
    assert "email_provider" not in gateway  # the gateway hides who runs the mailboxes
    spf_only = _by_field((await provider.enrich(EnrichmentTarget("spfonly.lwtest"))).facts)
    assert [(f.value, f.method) for f in spf_only["email_provider"]] == [("Zoho Mail", "spf")]
    nothing = await provider.enrich(EnrichmentTarget("nomail.lwtest"))
    assert nothing.facts == []
    assert nothing.raw["mx"] == []
    missing = await provider.enrich(EnrichmentTarget("does-not-exist.lwtest"))
    assert missing.facts == []


@on_session_loop
async def test_servfail_is_a_failure_not_an_empty_answer(dns_server: tuple[Zones, int]) -> None:
    _, port = dns_server
    with pytest.raises(EnrichmentFailed, match=r"broken\.lwtest"):
        await _dns(port).enrich(EnrichmentTarget("broken.lwtest"))


def test_cached_raw_reads_back_to_the_same_facts() -> None:
    raw = {"domain": "x.lwtest", "mx": [[10, "mx.zoho.eu"]], "txt": ["v=spf1 include:mktomail.com"]}
    at = datetime(2024, 5, 1, tzinfo=UTC)
    facts = facts_from_dns(raw, at)
    assert [(f.field, f.value) for f in facts] == [
        ("email_provider", "Zoho Mail"),
        ("technologies", {"name": "Zoho Mail", "category": "email_provider"}),
        ("technologies", {"name": "Marketo", "category": "marketing_automation"}),
    ]
    assert facts[0].first_seen == at


def test_suffixes_match_on_label_boundaries() -> None:
    assert lookup("ASPMX.L.GOOGLE.COM.", MAIL_HOSTS) == ("Google Workspace", "email_provider")
    assert lookup("notgoogle.com", MAIL_HOSTS) is None
    assert spf_terms(["v=spf1 -all"]) == ("v=spf1 -all", [])
    assert spf_terms(["v=spf10 include:a.com"]) == (None, [])
    assert spf_terms(["v=spf1 redirect=_spf.acme.com"])[1] == ["_spf.acme.com"]


@pytest.fixture(scope="module")
async def acme_result(world: World) -> Any:
    provider: EnrichmentProvider = WebsiteProvider(world.options(), resolver=world.resolver)
    return await provider.enrich(EnrichmentTarget("acme.lwtest", world.url("acme.lwtest")))


@on_session_loop
async def test_website_facts_carry_their_page(acme_result: Any, world: World) -> None:
    facts = _by_field(acme_result.facts)
    [name] = facts["name"]
    assert name.value == "Acme Robotics GmbH"
    assert (name.source, name.method) == (world.url("acme.lwtest"), "json-ld")
    assert name.first_seen is not None
    assert name.extra["seen_on"] > 1
    assert facts["country"][0].value == "DE"
    assert facts["city"][0].value == "Berlin"
    assert facts["address"][0].value["postal_code"] == "10115"
    assert facts["phone"][0].value == "+49301234567"  # the first number that is not a fax
    profiles = facts["social_profiles"][0].value
    assert profiles["linkedin"] == "https://www.linkedin.com/company/acme-robotics"
    assert facts["email_pattern"][0].value == "{first}.{last}"
    people = {fact.value["name"]: fact for fact in facts["people"]}
    assert people["Lena Vogel"].value["title"] == "CTO"
    assert people["Lena Vogel"].source.startswith(world.url("acme.lwtest"))


@on_session_loop
async def test_website_raw_report_reads_back(acme_result: Any) -> None:
    again = facts_from_report(acme_result.raw)
    assert [(f.field, f.value) for f in again] == [(f.field, f.value) for f in acme_result.facts]


@on_session_loop
async def test_website_that_gives_no_page_fails(world: World) -> None:
    provider = WebsiteProvider(world.options(), resolver=world.resolver)
    with pytest.raises(EnrichmentFailed, match="gave no page"):
        await provider.enrich(EnrichmentTarget("intranet.acme.lwtest"))
    with pytest.raises(EnrichmentFailed, match="cannot be crawled"):
        await provider.enrich(EnrichmentTarget("not a domain"))
