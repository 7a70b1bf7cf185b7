"""Enriching a company on demand: the request queues an `enrichment.company` job; the job
(handlers.py) asks each provider, or reads its stored answer while younger than the cache
setting, and applies the facts here to the company and its leads with a timeline entry."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.companies import service as companies
from leadwise.config import Settings
from leadwise.core.errors import NotFound, ValidationFailed
from leadwise.crawling.report import options_from_settings
from leadwise.enrichment import repository
from leadwise.enrichment.apply import Applied, apply_to_company, apply_to_lead, policies_with
from leadwise.enrichment.dns import DnsProvider
from leadwise.enrichment.providers import EnrichmentFact, EnrichmentProvider, EnrichmentTarget
from leadwise.enrichment.website import WebsiteProvider
from leadwise.jobs import service as jobs
from leadwise.leads import service as leads
from leadwise.models import ActivityKind, Company, Job, Lead

COMPANY_JOB = "enrichment.company"
ENRICHED_EVENT = "company_enriched"


def job_principal(workspace_id: uuid.UUID) -> Principal:
    """What the job may do: read and write the workspace's companies and leads (its creator
    was authorised when it was queued)."""
    return Principal.system(workspace_id, Permission.LEADS_READ, Permission.LEADS_WRITE)


async def start_company(
    session: AsyncSession, principal: Principal, company_id: uuid.UUID, *, refresh: bool
) -> Job:
    company = await companies.get(session, principal, company_id)
    if not company.domain:
        raise ValidationFailed(
            "The company has no domain to enrich from; set its domain first.",
            details={"field": "domain"},
        )
    params = {"company_id": str(company.id), "refresh": refresh}
    return await jobs.create(session, principal, kind=COMPANY_JOB, params=params)


def providers_from_settings(settings: Settings) -> list[EnrichmentProvider]:
    made: dict[str, EnrichmentProvider] = {
        "website": WebsiteProvider(options_from_settings(settings.crawl)),
        "dns": DnsProvider(settings.verify),
    }
    return [made[name] for name in settings.enrich.providers]


async def company_target(
    session: AsyncSession, principal: Principal, company_id: uuid.UUID
) -> EnrichmentTarget:
    company = await companies.get(session, principal, company_id)
    if not company.domain:  # removed after the job was queued
        raise ValidationFailed("The company has no domain to enrich from.")
    return EnrichmentTarget(company.domain, company.website or None)


async def fresh_answers(
    session: AsyncSession,
    principal: Principal,
    domain: str,
    providers: list[str],
    *,
    max_age_days: float,
    now: datetime,
) -> dict[str, tuple[dict[str, Any], datetime]]:
    """Stored answers (raw, fetched at) still young enough to use instead of asking again."""
    if max_age_days <= 0:
        return {}
    oldest = now - timedelta(days=max_age_days)
    rows = await repository.scraped_for(session, principal.workspace, domain, providers)
    return {
        name: (row.data, row.fetched_at) for name, row in rows.items() if row.fetched_at >= oldest
    }


async def store_answer(
    session: AsyncSession,
    principal: Principal,
    domain: str,
    provider: str,
    raw: dict[str, Any],
    fetched_at: datetime,
) -> None:
    await repository.store_scraped(session, principal.workspace, domain, provider, raw, fetched_at)


async def apply_facts(
    session: AsyncSession,
    principal: Principal,
    settings: Settings,
    company_id: uuid.UUID,
    facts: list[EnrichmentFact],
    *,
    at: datetime,
    providers: dict[str, str],
    lead_ids: Sequence[uuid.UUID] | None = None,
) -> dict[str, Any]:
    """The facts on the company and its leads (per-field policies), and a timeline entry on
    each lead saying what enrichment found and changed. With `lead_ids`, only those leads
    (one lead enriched on demand or on creation; the leads a crawl just added)."""
    policies = policies_with(settings.enrich.policies)
    company = await companies.get(session, principal, company_id)
    on_company = apply_to_company(company, facts, policies, at)
    changed_leads = 0
    if lead_ids is None:
        company_leads = await leads.of_company(
            session, principal, company.id, limit=settings.enrich.max_leads
        )
    else:
        company_leads = await _leads_by_id(session, principal, lead_ids)
    for lead in company_leads:
        on_lead = apply_to_lead(lead, company, facts, policies, at)
        changed_leads += bool(on_lead.columns)
        leads.record_activity(
            session,
            lead,
            None,
            ActivityKind.SYSTEM,
            body=_timeline_text(company, on_company, on_lead),
            data={
                "event": ENRICHED_EVENT,
                "company_id": str(company.id),
                "company_fields": sorted(on_company.columns),
                "lead_fields": sorted(on_lead.columns),
                "providers": providers,
            },
        )
    await session.flush()
    return {
        "company_id": str(company.id),
        "providers": providers,
        "company_fields": sorted(on_company.columns),
        "recorded": sorted(set(on_company.recorded)),
        "leads": len(company_leads),
        "leads_changed": changed_leads,
    }


async def _leads_by_id(
    session: AsyncSession, principal: Principal, lead_ids: Sequence[uuid.UUID]
) -> list[Lead]:
    found = []
    for lead_id in lead_ids:
        try:
            found.append(await leads.get(session, principal, lead_id))
        except NotFound:
            continue  # deleted meanwhile
    return found


async def start_lead(
    session: AsyncSession, principal: Principal, lead_id: uuid.UUID, *, refresh: bool
) -> Job:
    """A lead enriched on demand: its company's job, applied to this lead only."""
    lead = await leads.get(session, principal, lead_id)
    job = await queue_for_lead(session, lead, refresh=refresh, created_by_id=principal.actor_id)
    if job is None:
        raise ValidationFailed(
            "The lead has no company with a domain to enrich from (its address is free mail "
            "or missing); link it to a company with a domain first.",
            details={"field": "company_id"},
        )
    return job


async def queue_for_lead(
    session: AsyncSession,
    lead: Lead,
    *,
    refresh: bool,
    created_by_id: uuid.UUID | None = None,
    trigger: str = "requested",
) -> Job | None:
    """The `enrichment.company` job of the lead's company, for this lead; None when the lead
    has no company with a domain. Sent when the caller's transaction commits."""
    if lead.company_id is None:
        return None
    company = await session.get(Company, lead.company_id)
    if company is None or not company.domain or company.workspace_id != lead.workspace_id:
        return None
    params = {
        "company_id": str(company.id),
        "refresh": refresh,
        "lead_ids": [str(lead.id)],
        "trigger": trigger,
    }
    return await jobs.create_in(
        session, lead.workspace_id, kind=COMPANY_JOB, params=params, created_by_id=created_by_id
    )


def _timeline_text(company: Company, on_company: Applied, on_lead: Applied) -> str:
    return (
        f"Company {company.name} ({company.domain}) enriched: {on_company.summary()}; "
        f"this lead: {on_lead.summary()}."
    )
