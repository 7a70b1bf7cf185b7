"""The `crawl.site` job: the crawl runs outside any transaction (seconds to minutes); each
page fetched moves the job's progress (at most every PROGRESS_SECONDS, in a short transaction
of its own, which is also where a cancel request stops the crawl). The report is the job's
result; a crawl as thorough as the settings' is also stored as the domain's website answer,
so enriching the company soon after does not crawl the site again."""

from __future__ import annotations

import time

from leadwise.config import get_settings
from leadwise.core.clock import utcnow
from leadwise.enrichment import service as enrichment
from leadwise.jobs.handlers import JobContext, JobResult, job_handler
from leadwise.prospecting.crawl import prospect
from leadwise.prospecting.service import CRAWL_JOB

PROGRESS_SECONDS = 0.5
WEBSITE_PROVIDER = "website"


@job_handler(CRAWL_JOB)
async def crawl_site(ctx: JobContext) -> JobResult:
    assert ctx.workspace_id is not None
    settings = get_settings()
    params = ctx.params
    max_pages = params.get("max_pages") or settings.crawl.max_pages
    last_saved = 0.0

    async def progress(pages: int) -> None:
        nonlocal last_saved
        now = time.monotonic()
        if now - last_saved < PROGRESS_SECONDS:
            return
        last_saved = now
        async with ctx.db.unit_of_work() as session:
            await ctx.save(
                session,
                checkpoint={"pages_fetched": pages},
                progress=95 * pages / max(max_pages, 1),
                counts={"pages_fetched": pages},
            )

    data = await prospect(
        params.get("start_url") or params["target"],
        settings,
        max_pages=params.get("max_pages"),
        depth=params.get("depth"),
        verify=bool(params.get("verify")),
        on_progress=progress,
    )
    pages = int(data["stats"]["pages_fetched"])
    counts = {"pages_fetched": pages, "people": len(data["people"]), "emails": len(data["emails"])}
    async with ctx.db.unit_of_work() as session:
        principal = enrichment.job_principal(ctx.workspace_id)
        thorough = (params.get("max_pages") or max_pages) >= settings.crawl.max_pages and (
            params.get("depth") is None or params["depth"] >= settings.crawl.max_depth
        )
        if thorough and data["site"] == data["company_domain"]:
            await enrichment.store_answer(
                session, principal, data["site"], WEBSITE_PROVIDER, data, utcnow()
            )
        await ctx.save(session, checkpoint={"pages_fetched": pages}, progress=99, counts=counts)
    return data
