"""The `enrichment.company` job: ask each provider (outside any transaction: a crawl takes
seconds to minutes) unless its stored answer is fresh, then store the new answers and apply
the facts in one transaction with the job's checkpoint, so a re-run applies nothing twice."""

from __future__ import annotations

import uuid

from leadwise.config import get_settings
from leadwise.core.clock import utcnow
from leadwise.enrichment import service
from leadwise.enrichment.providers import EnrichmentFact, EnrichmentFailed, EnrichmentResult
from leadwise.jobs.handlers import JobContext, JobResult, job_handler


class NothingToEnrichFrom(Exception):
    """Every provider failed and none had a stored answer."""


@job_handler(service.COMPANY_JOB)
async def enrich_company(ctx: JobContext) -> JobResult:
    assert ctx.workspace_id is not None
    if ctx.checkpoint.get("result"):
        return dict(ctx.checkpoint["result"])  # applied by an earlier run
    settings = get_settings()
    principal = service.job_principal(ctx.workspace_id)
    company_id = uuid.UUID(ctx.params["company_id"])
    providers = service.providers_from_settings(settings)
    now = utcnow()
    async with ctx.db.unit_of_work() as session:
        target = await service.company_target(session, principal, company_id)
        cached = {}
        if not ctx.params.get("refresh"):
            cached = await service.fresh_answers(
                session, principal, target.domain, [p.name for p in providers],
                max_age_days=settings.enrich.cache_days, now=now,
            )  # fmt: skip

    facts: list[EnrichmentFact] = []
    outcome: dict[str, str] = {}
    fetched: dict[str, EnrichmentResult] = {}
    for provider in providers:
        if provider.name in cached:
            raw, fetched_at = cached[provider.name]
            facts.extend(provider.read(raw, fetched_at))
            outcome[provider.name] = f"cached from {fetched_at.isoformat()}"
            continue
        try:
            result = await provider.enrich(target)
        except EnrichmentFailed as error:
            outcome[provider.name] = f"failed: {error}"
            continue
        fetched[provider.name] = result
        facts.extend(result.facts)
        outcome[provider.name] = "fetched"
    if not fetched and not cached:
        raise NothingToEnrichFrom("; ".join(f"{k}: {v}" for k, v in outcome.items()))

    async with ctx.db.unit_of_work() as session:
        for name, result in fetched.items():
            await service.store_answer(
                session, principal, target.domain, name, result.raw, result.fetched_at
            )
        lead_ids = ctx.params.get("lead_ids")  # one lead enriched on demand or on creation
        summary = await service.apply_facts(
            session, principal, settings, company_id, facts, at=utcnow(), providers=outcome,
            lead_ids=None if lead_ids is None else [uuid.UUID(value) for value in lead_ids],
        )  # fmt: skip
        await ctx.save(session, checkpoint={"result": summary}, progress=100, counts=summary)
    return summary
