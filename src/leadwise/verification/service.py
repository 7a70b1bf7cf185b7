"""Verification in the product: one address now (bounded in time), a lead's address (the result
stored on the lead and its timeline). Bulk checks are a job (verification/bulk.py)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.config import Settings
from leadwise.core.clock import utcnow
from leadwise.core.db import release_connection
from leadwise.core.errors import ValidationFailed
from leadwise.leads import service as leads
from leadwise.models import ActivityKind, Lead
from leadwise.verification.engine import Verifier
from leadwise.verification.result import DESCRIPTIONS, SubStatus, VerificationResult
from leadwise.verification.syntax import InvalidAddress, parse_address

VERIFIED_EVENT = "email_verified"


async def verify_address(
    session: AsyncSession, settings: Settings, email: str, *, smtp: bool
) -> dict[str, Any]:
    await release_connection(session)  # the probe may take seconds: no connection held meanwhile
    return (await _verify(settings, email, smtp=smtp)).to_dict()


async def verify_lead(
    session: AsyncSession,
    principal: Principal,
    settings: Settings,
    lead_id: uuid.UUID,
    *,
    smtp: bool,
) -> dict[str, Any]:
    lead = await leads.get(session, principal, lead_id)
    if not lead.email:
        raise ValidationFailed("The lead has no email address.", details={"field": "email"})
    email = lead.email
    await release_connection(session)
    result = await _verify(settings, email, smtp=smtp)
    lead = await leads.get(session, principal, lead_id)
    if lead.email == email:  # not changed while we were asking
        store_on_lead(session, principal, lead, result)
    return result.to_dict()


def store_on_lead(
    session: AsyncSession,
    principal: Principal | None,
    lead: Lead,
    result: VerificationResult,
    *,
    recheck: dict[str, Any] | None = None,
) -> None:
    """The verdict on the lead (filterable in the leads list) and an entry in its timeline;
    `recheck` ({"retry_at", "attempt"}) says when a temporary verdict is worth asking again."""
    data = result.to_dict() | (recheck or {})
    lead.verification_status = data["status"]
    lead.verification = data
    lead.verified_at = result.checked_at
    leads.record_activity(
        session,
        lead,
        principal,
        ActivityKind.SYSTEM,
        body=f"Email {data['email']} verified: {data['status']} ({data['sub_status']}, "
        f"score {data['score']}). {data['reason']}",
        data={
            "event": VERIFIED_EVENT,
            "email": data["email"],
            "status": data["status"],
            "sub_status": data["sub_status"],
            "score": data["score"],
        },
    )


async def _verify(settings: Settings, email: str, *, smtp: bool) -> VerificationResult:
    limit = settings.verify.api_timeout_seconds
    async with Verifier.from_settings(settings) as verifier:
        try:
            async with asyncio.timeout(limit):
                return await verifier.verify(email, smtp=smtp)
        except TimeoutError:
            return _timed_out(email, limit)


def _timed_out(email: str, seconds: float) -> VerificationResult:
    try:
        normalized: str | None = parse_address(email).normalized
    except InvalidAddress:
        normalized = None
    reason = (
        f"{DESCRIPTIONS[SubStatus.TIMEOUT]}: the check did not finish within {seconds:g} s "
        "(LEADWISE_VERIFY__API_TIMEOUT_SECONDS); a bulk check has no such limit"
    )
    result = VerificationResult(email, normalized, SubStatus.TIMEOUT, reason, utcnow())
    result.duration_ms = round(seconds * 1000)
    return result
