"""One prospecting crawl, without a database: the site crawled, addresses generated for the
people found without one and verified, the addresses found on the site verified too; the
report as a plain dict (what a `crawl.site` job stores as its result and `leadwise prospect`
reads). And what the report offers as leads: one contact per person, with the address chosen
for them and where it came from."""

from __future__ import annotations

import ipaddress
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from leadwise.config import Settings
from leadwise.crawling.guard import AddressPolicy
from leadwise.crawling.report import crawl_site, options_from_settings
from leadwise.crawling.urls import BadUrl, host_of, site_of, start_url
from leadwise.verification.engine import Verifier
from leadwise.verification.result import VerificationResult

MAX_VERIFIED_EMAILS = 50  # addresses found on the site that one crawl verifies at most
# Generated addresses worth a lead: every candidate refused leaves none.
USABLE_GENERATED = frozenset({"valid", "accept_all", "unknown", "unverified"})


class CrawlFailed(Exception):
    """What went wrong, in one line for the user (a bad address, nothing could be fetched)."""


def checked_start(target: str, settings: Settings) -> str:
    """The URL a crawl of `target` starts from; raises BadUrl for an address that is not a
    web address, or that is an IP address the SSRF guard refuses (a name is checked when it
    resolves, during the crawl)."""
    url = start_url(target)
    host = host_of(url).strip("[]")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return url
    policy = AddressPolicy(
        allow_private=settings.crawl.allow_private_networks,
        allowed_networks=settings.crawl.allowed_networks,
    )
    if not policy.permits(host):
        raise BadUrl(
            f"{host} is a private, loopback, link-local or metadata address: it is not crawled"
        )
    return url


async def prospect(
    target: str,
    settings: Settings,
    *,
    max_pages: int | None,
    depth: int | None,
    verify: bool,
    smtp: bool | None = None,
    on_progress: Callable[[int], Awaitable[None]] | None = None,
) -> dict[str, Any]:
    """The crawl's report as a dict, with `verification` on each address found on the site's
    domain when `verify` (generated addresses carry theirs in `generated_email.tried`).
    Raises CrawlFailed."""
    options = options_from_settings(settings.crawl, max_pages=max_pages, max_depth=depth)
    try:
        url = checked_start(target, settings)
        if verify:
            async with Verifier.from_settings(settings) as verifier:
                report = await crawl_site(
                    url, options, verifier=verifier, smtp=smtp, on_progress=on_progress
                )
                data = report.as_dict()
                await _verify_found(data, verifier, smtp)
        else:
            report = await crawl_site(url, options, on_progress=on_progress)
            data = report.as_dict()
    except BadUrl as error:
        raise CrawlFailed(str(error)) from None
    stats = data["stats"]
    if not stats.get("pages_fetched"):
        failures = stats.get("failures") or []
        why = failures[0]["message"] if failures else "no HTML page answered"
        raise CrawlFailed(f"nothing could be crawled: {why}")
    data["verified"] = verify
    data["company_domain"] = company_domain(data)
    return data


async def _verify_found(data: dict[str, Any], verifier: Verifier, smtp: bool | None) -> None:
    found = [fact for fact in data["emails"] if fact.get("on_site_domain")][:MAX_VERIFIED_EMAILS]
    if not found:
        return
    results = await verifier.verify_many([str(fact["value"]) for fact in found], smtp=smtp)
    for fact, result in zip(found, results, strict=True):
        fact["verification"] = verdict(result)


def verdict(result: VerificationResult) -> dict[str, Any]:
    return {
        "status": result.status.value,
        "sub_status": result.sub_status.value,
        "score": result.score,
        "reason": result.reason,
        "checked_at": result.checked_at.isoformat(),
    }


def company_domain(data: dict[str, Any]) -> str:
    """The company's domain: the site's, or for a site reached by IP address the domain most
    of its people's addresses use."""
    site = str(data["site"])
    try:
        ipaddress.ip_address(site.strip("[]"))
    except ValueError:
        return site
    domains = Counter(
        site_of(email.rpartition("@")[2].lower())
        for person in data.get("people") or []
        for email in person.get("emails") or []
    )
    return domains.most_common(1)[0][0] if domains else site


@dataclass(frozen=True, slots=True)
class Contact:
    """A person of the report as a lead would be made of them."""

    name: str
    first_name: str
    last_name: str
    title: str | None
    email: str | None
    email_status: str  # found (on the site), valid, accept_all, unknown, unverified, none
    email_source: str | None  # the page the address was on, or "pattern {first}.{last}"
    page: str | None  # where the person was seen first
    method: str | None  # how the person was read (json-ld, card, heading, ...)


def contacts(data: dict[str, Any]) -> list[Contact]:
    verdicts = {
        str(fact["value"]).lower(): fact for fact in data.get("emails") or [] if "value" in fact
    }
    found: list[Contact] = []
    for person in data.get("people") or []:
        sources = person.get("sources") or [{}]
        email, status, origin = None, "none", None
        if person.get("emails"):
            email = str(person["emails"][0])
            fact = verdicts.get(email.lower()) or {}
            checked = fact.get("verification")
            status = f"found, {checked['status']}" if checked else "found"
            origin = (fact.get("sources") or [{}])[0].get("url") or sources[0].get("url")
        else:
            generated = person.get("generated_email") or {}
            if generated.get("email") and generated.get("status") in USABLE_GENERATED:
                email, status = str(generated["email"]), str(generated["status"])
                origin = f"pattern {generated.get('pattern')}"
        found.append(
            Contact(
                name=str(person["name"]),
                first_name=str(person.get("first_name") or ""),
                last_name=str(person.get("last_name") or ""),
                title=person.get("title"),
                email=email,
                email_status=status,
                email_source=origin,
                page=sources[0].get("url"),
                method=sources[0].get("method"),
            )
        )
    return found


def company_name(data: dict[str, Any]) -> str | None:
    fact = (data.get("company") or {}).get("name")
    return str(fact["value"]) if fact and fact.get("value") else None
