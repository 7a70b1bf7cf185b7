"""Scraped data rows (every query scoped to the workspace)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import ScrapedData


async def scraped_for(
    session: AsyncSession, workspace_id: uuid.UUID, domain: str, providers: list[str]
) -> dict[str, ScrapedData]:
    rows = await session.scalars(
        select(ScrapedData).where(
            ScrapedData.workspace_id == workspace_id,
            ScrapedData.domain == domain,
            ScrapedData.provider.in_(providers),
        )
    )
    return {row.provider: row for row in rows}


async def store_scraped(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    domain: str,
    provider: str,
    data: dict[str, Any],
    fetched_at: datetime,
) -> ScrapedData:
    """Insert or replace a provider's answer for a domain."""
    row = (await scraped_for(session, workspace_id, domain, [provider])).get(provider)
    if row is None:
        row = ScrapedData(workspace_id=workspace_id, domain=domain, provider=provider)
        session.add(row)
    row.data = data
    row.fetched_at = fetched_at
    await session.flush()
    return row
