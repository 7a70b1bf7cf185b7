"""`leadwise crawl`: crawl a site without a database and print what it says about the company
(facts, people, emails with their sources, the email pattern, crawl statistics), as tables or
as one JSON document."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table

from leadwise.config import Settings
from leadwise.crawling.render import RenderUnavailable, check_available
from leadwise.crawling.report import SiteReport, crawl_site, options_from_settings
from leadwise.crawling.urls import BadUrl
from leadwise.verification.engine import Verifier


class CrawlFailed(Exception):
    """What went wrong, in one line for the user."""


def run(
    target: str,
    settings: Settings,
    *,
    max_pages: int | None,
    depth: int | None,
    verify: bool,
    smtp: bool | None,
    render: bool | None = None,
) -> SiteReport:
    """`render`: True renders every page in Chromium, False none, None as the setting says."""
    mode = None if render is None else ("always" if render else "off")
    options = options_from_settings(
        settings.crawl, max_pages=max_pages, max_depth=depth, render=mode
    )
    if options.render != "off":
        try:
            check_available(options.chromium_path)
        except RenderUnavailable as error:
            raise CrawlFailed(str(error)) from None

    async def work() -> SiteReport:
        if not verify:
            return await crawl_site(target, options)
        async with Verifier.from_settings(settings) as verifier:
            return await crawl_site(target, options, verifier=verifier, smtp=smtp)

    try:
        report = asyncio.run(work())
    except BadUrl as error:
        raise CrawlFailed(str(error)) from None
    stats = report.stats
    if stats is not None and stats.pages_fetched == 0:
        why = stats.failures[0].message if stats.failures else "no HTML page answered"
        raise CrawlFailed(f"nothing could be crawled: {why}")
    return report


def write_json(report: SiteReport) -> None:
    sys.stdout.buffer.write(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2) + b"\n")


def print_report(report: SiteReport, console: Console) -> None:
    data = report.as_dict()
    company = data["company"]
    table = Table(title=f"Company: {report.site}", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    table.add_column("source", overflow="fold")
    for name in ("name", "legal_name", "description", "logo", "founding_year"):
        fact = company[name]
        if fact is not None:
            table.add_row(name, _short(str(fact["value"])), _source(fact))
    table.add_row("country", company["country"] or "", "")
    for name, key in (("language", "languages"), ("industry", "industries")):
        for fact in company[key][:5]:
            table.add_row(name, str(fact["value"]), _source(fact))
    for fact in company["addresses"]:
        table.add_row("address", str(fact["value"]), _source(fact))
    for fact in company["phones"]:
        table.add_row(fact.get("kind", "phone"), fact.get("display", fact["value"]), _source(fact))
    for fact in company["social_profiles"]:
        table.add_row(fact["network"], str(fact["value"]), _source(fact))
    for fact in company["technologies"]:
        table.add_row("technology", f"{fact['value']} ({fact['category']})", _source(fact))
    console.print(table)

    people = Table(title=f"People ({len(data['people'])})")
    for column in ("name", "title", "email", "status", "source"):
        people.add_column(column, overflow="fold")
    for person in data["people"]:
        generated = person["generated_email"]
        if person["emails"]:
            email, status = ", ".join(person["emails"]), "on the site"
        elif generated is not None and generated["email"]:
            email, status = generated["email"], f"{generated['status']}: {generated['note']}"
        else:
            email, status = "", generated["note"] if generated else ""
        source = person["sources"][0] if person["sources"] else {"url": "", "method": ""}
        people.add_row(person["name"], person["title"] or "", email, status,
                       f"{source['url']} ({source['method']})")  # fmt: skip
    console.print(people)

    emails = Table(title=f"Emails ({len(data['emails'])})")
    for column in ("email", "kind", "sources"):
        emails.add_column(column, overflow="fold")
    for fact in data["emails"]:
        kind = fact["kind"] + ("" if fact["on_site_domain"] else ", other domain")
        emails.add_row(str(fact["value"]), kind, _source(fact, limit=3))
    console.print(emails)

    pattern = data["email_pattern"]
    if pattern["pattern"]:
        console.print(
            f"email pattern: [bold]{pattern['pattern']}@{pattern['domain']}[/bold], confidence "
            f"{pattern['confidence']:.2f} ({pattern['supporting']} of {pattern['examples']} "
            "addresses of people agree)"
        )
    else:
        console.print(f"email pattern: not known (no person's address on {pattern['domain']})")
    stats = data["stats"]
    skipped = ", ".join(f"{k} {v}" for k, v in stats["skipped"].items()) or "none"
    console.print(
        f"crawl: {stats['pages_fetched']} pages in {stats['seconds']:.1f} s "
        f"({stats['stopped_by']}), {stats['bytes_fetched'] / 1024:.0f} KiB, "
        f"{stats['pages_failed']} failed, {stats['duplicates']} duplicates, "
        f"{stats['robots_disallowed']} refused by robots.txt, {stats['retries']} retries, "
        f"crawl-delay {stats['crawl_delay_seconds']:g} s, sitemap URLs {stats['sitemap_urls']}; "
        f"skipped: {skipped}"
    )
    if stats["pages_rendered"] or stats["render_failures"]:
        refused = ", ".join(f"{k} {v}" for k, v in stats["render_refused"].items()) or "none"
        console.print(
            f"rendered: {stats['pages_rendered']} pages in Chromium "
            f"({stats['render_failures']} failed), {stats['render_requests']} requests made "
            f"for them; refused: {refused}"
        )
    for failure in stats["failures"][:10]:
        console.print(f"  failed: {failure['message']}", style="yellow")


def _source(fact: dict[str, Any], limit: int = 1) -> str:
    sources = fact.get("sources") or []
    shown = [f"{s['url']} ({s['method']})" for s in sources[:limit]]
    more = len(sources) - limit
    return "\n".join(shown) + (f"\n+{more} more" if more > 0 else "")


def _short(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"
