"""The DNS provider: a domain's MX hosts say who runs its mail (Google Workspace, Microsoft
365, ...) and its SPF record's `include:`s say which services send mail in its name
(Mailchimp, SendGrid, HubSpot, Salesforce, ...). Resolved with the verification engine's
resolver, so `LEADWISE_VERIFY__DNS_SERVERS` applies here too."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import dns.asyncresolver
import dns.exception
import dns.resolver

from leadwise.config import VerifySettings
from leadwise.core.clock import utcnow
from leadwise.enrichment.providers import (
    EnrichmentFact,
    EnrichmentFailed,
    EnrichmentResult,
    EnrichmentTarget,
)
from leadwise.verification.dns import make_resolver

PROVIDER = "dns"
MAX_SPF_INCLUDES = 10  # RFC 7208 allows 10 DNS-querying terms; we read one level only

# MX host suffix -> (name, category). Security gateways sit in front of the real provider.
MAIL_HOSTS: dict[str, tuple[str, str]] = {
    "google.com": ("Google Workspace", "email_provider"),
    "googlemail.com": ("Google Workspace", "email_provider"),
    "mail.protection.outlook.com": ("Microsoft 365", "email_provider"),
    "outlook.com": ("Microsoft 365", "email_provider"),
    "zoho.com": ("Zoho Mail", "email_provider"),
    "zoho.eu": ("Zoho Mail", "email_provider"),
    "zoho.in": ("Zoho Mail", "email_provider"),
    "zohomail.com": ("Zoho Mail", "email_provider"),
    "messagingengine.com": ("Fastmail", "email_provider"),
    "protonmail.ch": ("Proton Mail", "email_provider"),
    "secureserver.net": ("GoDaddy", "email_provider"),
    "emailsrvr.com": ("Rackspace Email", "email_provider"),
    "ovh.net": ("OVHcloud", "email_provider"),
    "kundenserver.de": ("IONOS", "email_provider"),
    "ionos.de": ("IONOS", "email_provider"),
    "ionos.com": ("IONOS", "email_provider"),
    "yandex.net": ("Yandex 360", "email_provider"),
    "mail.ru": ("VK WorkMail", "email_provider"),
    "icloud.com": ("iCloud Mail", "email_provider"),
    "amazonaws.com": ("Amazon WorkMail/SES", "email_provider"),
    "pphosted.com": ("Proofpoint", "email_security"),
    "ppe-hosted.com": ("Proofpoint Essentials", "email_security"),
    "mimecast.com": ("Mimecast", "email_security"),
    "barracudanetworks.com": ("Barracuda", "email_security"),
    "iphmx.com": ("Cisco Secure Email", "email_security"),
    "hornetsecurity.com": ("Hornetsecurity", "email_security"),
    "mailcontrol.com": ("Forcepoint", "email_security"),
    "trendmicro.com": ("Trend Micro Email Security", "email_security"),
    "sophos.com": ("Sophos Email", "email_security"),
}

# SPF include suffix -> (tool, category).
SPF_INCLUDES: dict[str, tuple[str, str]] = {
    "_spf.google.com": ("Google Workspace", "email_provider"),
    "spf.protection.outlook.com": ("Microsoft 365", "email_provider"),
    "zoho.com": ("Zoho Mail", "email_provider"),
    "zoho.eu": ("Zoho Mail", "email_provider"),
    "messagingengine.com": ("Fastmail", "email_provider"),
    "protonmail.ch": ("Proton Mail", "email_provider"),
    "servers.mcsv.net": ("Mailchimp", "email_marketing"),
    "mcsv.net": ("Mailchimp", "email_marketing"),
    "spf.mandrillapp.com": ("Mailchimp Transactional", "transactional_email"),
    "sendgrid.net": ("SendGrid", "transactional_email"),
    "mailgun.org": ("Mailgun", "transactional_email"),
    "amazonses.com": ("Amazon SES", "transactional_email"),
    "spf.mtasv.net": ("Postmark", "transactional_email"),
    "sparkpostmail.com": ("SparkPost", "transactional_email"),
    "mailjet.com": ("Mailjet", "email_marketing"),
    "sendinblue.com": ("Brevo", "email_marketing"),
    "brevo.com": ("Brevo", "email_marketing"),
    "createsend.com": ("Campaign Monitor", "email_marketing"),
    "klaviyo.com": ("Klaviyo", "email_marketing"),
    "hubspotemail.net": ("HubSpot", "crm"),
    "hubspot.com": ("HubSpot", "crm"),
    "_spf.salesforce.com": ("Salesforce", "crm"),
    "exacttarget.com": ("Salesforce Marketing Cloud", "marketing_automation"),
    "pardot.com": ("Salesforce Pardot", "marketing_automation"),
    "mktomail.com": ("Marketo", "marketing_automation"),
    "zcsend.net": ("Zoho Campaigns", "email_marketing"),
    "intercom.io": ("Intercom", "customer_support"),
    "zendesk.com": ("Zendesk", "customer_support"),
    "freshdesk.com": ("Freshdesk", "customer_support"),
    "helpscoutemail.com": ("Help Scout", "customer_support"),
    "atlassian.net": ("Atlassian", "collaboration"),
    "shopify.com": ("Shopify", "ecommerce"),
    "greenhouse.io": ("Greenhouse", "recruiting"),
    "pphosted.com": ("Proofpoint", "email_security"),
    "mimecast.com": ("Mimecast", "email_security"),
}


def lookup(host: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The entry whose suffix ends `host` on a label boundary (longest suffix first)."""
    host = host.rstrip(".").lower()
    labels = host.split(".")
    for start in range(len(labels)):
        entry = table.get(".".join(labels[start:]))
        if entry is not None:
            return entry
    return None


def spf_terms(txt_records: list[str]) -> tuple[str | None, list[str]]:
    """The SPF record among a name's TXT strings and the domains of its `include:` and
    `redirect=` terms (qualifiers such as `~include:` allowed)."""
    for record in txt_records:
        if record.lower().startswith("v=spf1 ") or record.lower() == "v=spf1":
            domains = []
            for term in record.split()[1:]:
                name = term.lstrip("+-~?").lower()
                for prefix in ("include:", "redirect="):
                    if name.startswith(prefix) and len(name) > len(prefix):
                        domains.append(name[len(prefix) :].rstrip("."))
            return record, domains[:MAX_SPF_INCLUDES]
    return None, []


def facts_from_dns(raw: dict[str, Any], fetched_at: datetime) -> list[EnrichmentFact]:
    domain = raw["domain"]
    facts: list[EnrichmentFact] = []
    seen: set[tuple[str, str]] = set()

    def add(field: str, name: str, category: str, method: str, evidence: str) -> None:
        if (field, name) in seen:
            return
        seen.add((field, name))
        value: Any = name if field != "technologies" else {"name": name, "category": category}
        facts.append(
            EnrichmentFact(
                field,
                value,
                PROVIDER,
                f"dns:{domain}/{method.upper()}",
                method,
                fetched_at,
                fetched_at,
                {"evidence": evidence},
            )
        )

    hosts = [host for _, host in sorted(raw.get("mx", []))]
    for host in hosts:  # the most preferred host names the provider
        entry = lookup(host, MAIL_HOSTS)
        if entry is None:
            continue
        name, category = entry
        if category == "email_provider":
            add("email_provider", name, category, "mx", host)
        else:
            add("email_security", name, category, "mx", host)
        add("technologies", name, category, "mx", host)
    _, includes = spf_terms(raw.get("txt", []))
    for include in includes:
        entry = lookup(include, SPF_INCLUDES)
        if entry is None:
            continue
        name, category = entry
        if category == "email_provider" and not hosts:
            add("email_provider", name, category, "spf", f"include:{include}")
        add("technologies", name, category, "spf", f"include:{include}")
    return facts


class DnsProvider:
    name = PROVIDER

    def __init__(self, settings: VerifySettings) -> None:
        self._resolver: dns.asyncresolver.Resolver = make_resolver(
            settings.dns_servers, settings.dns_timeout
        )

    async def enrich(self, target: EnrichmentTarget) -> EnrichmentResult:
        domain = target.domain.rstrip(".").lower()
        mx = await self._records(domain, "MX")
        txt = await self._records(domain, "TXT")
        raw: dict[str, Any] = {
            "domain": domain,
            "mx": [[r.preference, r.exchange.to_text().rstrip(".").lower()] for r in mx],
            "txt": [b"".join(r.strings).decode("utf-8", "replace") for r in txt],
        }
        fetched_at = utcnow()
        return EnrichmentResult(PROVIDER, raw, self.read(raw, fetched_at), fetched_at)

    def read(self, raw: dict[str, Any], fetched_at: datetime) -> list[EnrichmentFact]:
        return facts_from_dns(raw, fetched_at)

    async def _records(self, domain: str, kind: str) -> list[Any]:
        try:
            answer = await self._resolver.resolve(domain, kind, search=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []  # an answer: nothing there
        except dns.exception.DNSException as error:  # SERVFAIL, timeouts: no answer
            raise EnrichmentFailed(f"DNS {kind} lookup of {domain} failed: {error}") from error
        return list(answer)
