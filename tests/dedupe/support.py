"""Helpers for the duplicate tests in the product: leads through the API, raw snapshots of what
a merge touches, the scan run by the job runner in this process."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import select

from leadwise.config import get_settings
from leadwise.core.db import Database
from leadwise.jobs import runner
from leadwise.models import Activity, Attachment, Lead, LeadTag
from tests.conftest import Account

MERGE_EVENTS = {"merged", "merged_into", "merge_undone"}


async def create_lead(client: httpx.AsyncClient, account: Account, **body: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/leads", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def get_lead(client: httpx.AsyncClient, account: Account, lead_id: str) -> httpx.Response:
    return await client.get(f"/api/v1/leads/{lead_id}", headers=account.headers)


async def queue(client: httpx.AsyncClient, account: Account, **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/duplicates", params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def pair_of(candidate: dict[str, Any]) -> frozenset[str]:
    return frozenset(lead["id"] for lead in candidate["leads"])


async def raw_state(db: Database, lead_ids: list[str]) -> dict[str, Any]:
    """Everything a merge touches, read straight from the tables: every column of the leads,
    their tags, and every activity and attachment of them with all columns (minus the
    timeline entries a merge and its undo add on purpose)."""
    ids = [uuid.UUID(lead_id) for lead_id in lead_ids]
    async with db.sessionmaker() as session:
        leads = {
            str(row["id"]): dict(row)
            for row in (await session.execute(select(Lead.__table__).where(Lead.id.in_(ids))))
            .mappings()
            .all()
        }
        tags = sorted(
            (str(lead_id), tag)
            for lead_id, tag in await session.execute(
                select(LeadTag.lead_id, LeadTag.tag).where(LeadTag.lead_id.in_(ids))
            )
        )
        activities = {
            str(row["id"]): dict(row)
            for row in (
                await session.execute(select(Activity.__table__).where(Activity.lead_id.in_(ids)))
            )
            .mappings()
            .all()
            if row["data"].get("event") not in MERGE_EVENTS
        }
        attachments = {
            str(row["id"]): dict(row)
            for row in (
                await session.execute(
                    select(Attachment.__table__).where(Attachment.lead_id.in_(ids))
                )
            )
            .mappings()
            .all()
        }
    return {"leads": leads, "tags": tags, "activities": activities, "attachments": attachments}


async def run_scan(
    client: httpx.AsyncClient, db: Database, account: Account, **body: Any
) -> dict[str, Any]:
    """Start a scan through the API and run its job with the job runner, here and now."""
    response = await client.post("/api/v1/duplicates/scan", json=body, headers=account.headers)
    assert response.status_code == 202, response.text
    job_id = uuid.UUID(response.json()["data"]["id"])
    outcome = await runner.run_job(db, get_settings(), job_id)
    assert outcome.status == "succeeded", outcome
    job = await client.get(f"/api/v1/jobs/{job_id}", headers=account.headers)
    return dict(job.json()["data"])


async def timeline_events(
    client: httpx.AsyncClient, account: Account, lead_id: str
) -> list[dict[str, Any]]:
    response = await client.get(
        f"/api/v1/leads/{lead_id}/activities", params={"limit": 200}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    return list(reversed(response.json()["data"]))
