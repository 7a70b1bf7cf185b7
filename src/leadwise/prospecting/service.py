"""Crawls in the product: a crawl is a `crawl.site` job (status, progress, heartbeat in the
jobs table; the report is its result), and the people it found become leads through the
leads service, so duplicate checks, the timeline and assignment rules apply as for any lead."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.companies import service as companies
from leadwise.config import Settings
from leadwise.core.clock import utcnow
from leadwise.core.errors import Conflict, NotFound, ValidationFailed
from leadwise.core.pagination import PageParams
from leadwise.core.schemas import Page
from leadwise.crawling.urls import BadUrl
from leadwise.dedupe import service as dedupe
from leadwise.enrichment import service as enrichment
from leadwise.enrichment.website import facts_from_report
from leadwise.jobs import service as jobs
from leadwise.leads import service as leads
from leadwise.leads.schemas import LeadCreate
from leadwise.models import Company, Job, JobStatus, Lead, LeadSource
from leadwise.prospecting.crawl import Contact, checked_start, company_name, contacts
from leadwise.prospecting.schemas import CrawlLeadsRequest, CrawlRequest

CRAWL_JOB = "crawl.site"
MAX_COMPANY_LEADS = 10_000  # leads of the company looked through for a person's name


async def start(
    session: AsyncSession, principal: Principal, settings: Settings, request: CrawlRequest
) -> Job:
    """Checks the address now (a bad one, or an IP address the SSRF guard refuses, is a 422);
    a name that resolves to a refused address fails the job with the reason."""
    field = "domain" if request.domain is not None else "url"
    try:
        start_url = checked_start(request.target, settings)
    except BadUrl as error:
        raise ValidationFailed(f"{field}: {error}", details={"field": field}) from None
    params = {
        "target": request.target,
        "start_url": start_url,
        "max_pages": request.max_pages,
        "depth": request.depth,
        "verify": request.verify,
    }
    return await jobs.create(session, principal, kind=CRAWL_JOB, params=params)


async def get(session: AsyncSession, principal: Principal, crawl_id: uuid.UUID) -> Job:
    try:
        job = await jobs.get(session, principal, crawl_id)
    except NotFound:
        job = None
    if job is None or job.kind != CRAWL_JOB:
        raise NotFound(details={"resource": "crawl"})
    return job


async def list_crawls(
    session: AsyncSession, principal: Principal, page: PageParams, *, status: JobStatus | None
) -> Page[Job]:
    return await jobs.list_jobs(session, principal, page, kind=CRAWL_JOB, status=status)


# --- the people as leads ------------------------------------------------------------------------


async def add_leads(
    session: AsyncSession,
    principal: Principal,
    settings: Settings,
    crawl_id: uuid.UUID,
    request: CrawlLeadsRequest,
) -> dict[str, Any]:
    """The chosen people (and addresses) as leads of the site's company (found by domain, or
    created), each once: a person whose address, or whose name at that company, is a lead
    already is not added again, so the same request twice adds nothing the second time. The
    crawl's facts go onto the company (its write policies) and the new leads, with a
    `company_enriched` timeline entry on each."""
    job = await get(session, principal, crawl_id)
    if job.status is not JobStatus.SUCCEEDED or not job.result:
        raise Conflict(
            f"The crawl is {job.status.value}; its people can be added once it has succeeded.",
            details={"status": job.status.value},
        )
    data: dict[str, Any] = job.result
    chosen = _chosen(data, request)
    company = await _company(session, principal, data)
    added: list[dict[str, Any]] = []
    created_ids: list[uuid.UUID] = []
    by_name: dict[tuple[str, str], Lead] | None = None  # the company's leads, when needed
    for contact in chosen:
        if contact.email:
            same = await dedupe.same_email(session, principal.workspace, contact.email)
            lead = await leads.get(session, principal, same[0]) if same else None
        elif company is not None and contact.first_name and contact.last_name:
            if by_name is None:
                by_name = await _leads_by_name(session, principal, company)
            lead = by_name.get(_name_key(contact.first_name, contact.last_name))
        else:
            lead = None
        created = lead is None
        if lead is None:
            lead = await _create(session, principal, data, job.id, company, contact, request.tags)
            created_ids.append(lead.id)
            if by_name is not None and not contact.email:
                by_name[_name_key(contact.first_name, contact.last_name)] = lead
        added.append(
            {
                "lead_id": lead.id,
                "name": contact.name or None,
                "email": contact.email,
                "email_status": contact.email_status,
                "created": created,
            }
        )
    if company is not None:
        await enrichment.apply_facts(
            session,
            principal,
            settings,
            company.id,
            facts_from_report(data),
            at=utcnow(),
            providers={"website": f"crawl {job.id}"},
            lead_ids=created_ids,
        )
    return {
        "crawl_id": job.id,
        "company_id": company.id if company is not None else None,
        "created": len(created_ids),
        "existing": len(added) - len(created_ids),
        "leads": added,
    }


def _chosen(data: dict[str, Any], request: CrawlLeadsRequest) -> list[Contact]:
    people = {contact.name.casefold(): contact for contact in contacts(data)}
    if request.all_people:
        chosen = list(people.values())
    else:
        unknown = [name for name in request.people if name.strip().casefold() not in people]
        if unknown:
            raise ValidationFailed(
                "Not people of this crawl: " + ", ".join(repr(n) for n in unknown[:10]),
                details={"field": "people", "unknown": unknown[:50]},
            )
        chosen = list({name.strip().casefold(): people[name.strip().casefold()]
                       for name in request.people}.values())  # fmt: skip
    found = {str(fact["value"]).lower(): fact for fact in data.get("emails") or []}
    unknown = [email for email in request.emails if email.strip().lower() not in found]
    if unknown:
        raise ValidationFailed(
            "Not addresses of this crawl: " + ", ".join(repr(e) for e in unknown[:10]),
            details={"field": "emails", "unknown": unknown[:50]},
        )
    taken = {contact.email.lower() for contact in chosen if contact.email}
    for email in dict.fromkeys(e.strip().lower() for e in request.emails):
        if email in taken:
            continue  # the address of a chosen person
        fact = found[email]
        checked = fact.get("verification")
        sources = fact.get("sources") or [{}]
        chosen.append(
            Contact(
                name="",
                first_name="",
                last_name="",
                title=None,
                email=str(fact["value"]),
                email_status=f"found, {checked['status']}" if checked else "found",
                email_source=sources[0].get("url"),
                page=sources[0].get("url"),
                method=sources[0].get("method"),
            )
        )
    return chosen


async def _company(
    session: AsyncSession, principal: Principal, data: dict[str, Any]
) -> Company | None:
    domain = str(data.get("company_domain") or data.get("site") or "")
    if "." not in domain or domain.replace(".", "").isdigit():
        return None  # an IP address: no company domain to file the leads under
    return await companies.for_email_domain(
        session, principal.workspace, domain, name=company_name(data)
    )


async def _leads_by_name(
    session: AsyncSession, principal: Principal, company: Company
) -> dict[tuple[str, str], Lead]:
    """The company's live leads by first and last name: a person seen without an address is
    the lead of that name at the company, if there is one."""
    found: dict[tuple[str, str], Lead] = {}
    for lead in await leads.of_company(session, principal, company.id, limit=MAX_COMPANY_LEADS):
        found.setdefault(_name_key(lead.first_name, lead.last_name), lead)
    return found


def _name_key(first: str, last: str) -> tuple[str, str]:
    return (first.strip().casefold(), last.strip().casefold())


async def _create(
    session: AsyncSession,
    principal: Principal,
    data: dict[str, Any],
    crawl_id: uuid.UUID,
    company: Company | None,
    contact: Contact,
    tags: list[str],
) -> Lead:
    pattern = data.get("email_pattern") or {}
    named = company is not None and company.name and company.name != company.domain
    lead = await leads.create(
        session,
        principal,
        LeadCreate(
            first_name=contact.first_name[:128] or None,
            last_name=contact.last_name[:128] or None,
            email=contact.email,
            job_title=(contact.title or "")[:200] or None,
            company_name=(company.name if company is not None and named else company_name(data)),
            website=f"https://{company.domain}/" if company is not None else None,
            source=LeadSource.CRAWL,
            source_details={
                "crawl_id": str(crawl_id),
                "page": contact.page,
                "method": contact.method,
                "email_status": contact.email_status,
                "email_source": contact.email_source,
                "email_pattern": pattern.get("pattern"),
                "pattern_confidence": pattern.get("confidence"),
            },
            tags=tags or None,
        ),
    )
    if lead.company_id is None and company is not None:
        # No address (or one on another domain) to link it by: the person was seen on this
        # company's site.
        lead.company_id = company.id
    return lead
