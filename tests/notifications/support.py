"""Helpers of the notification tests: submit a form, run the email jobs as a worker would,
read what happened."""

from __future__ import annotations

from sqlalchemy import select

from leadwise.config import get_settings
from leadwise.jobs import runner
from leadwise.models import Job
from leadwise.notifications.service import EMAIL_JOB
from tests.conftest import Account

FAST_RETRIES = {
    "LEADWISE_JOBS__RETRY_BASE_SECONDS": "0.01",
    "LEADWISE_JOBS__RETRY_MAX_SECONDS": "0.02",
    "LEADWISE_JOBS__MAX_ATTEMPTS": "3",
}


async def email_jobs(db) -> list[Job]:
    async with db.sessionmaker() as session:
        jobs = await session.scalars(select(Job).where(Job.kind == EMAIL_JOB).order_by(Job.id))
        return list(jobs)


async def run_email_jobs(db) -> list[Job]:
    """What a worker does, in this process: every email job until it succeeds or gives up."""
    settings = get_settings()
    for _ in range(20):
        pending = [job for job in await email_jobs(db) if not job.status.is_final]
        if not pending:
            break
        for job in pending:
            await runner.run_job(db, settings, job.id)
    return await email_jobs(db)


async def timeline_events(client, account: Account, lead_id: str) -> list[dict]:
    response = await client.get(f"/api/v1/leads/{lead_id}/activities", headers=account.headers)
    return list(reversed(response.json()["data"]))


async def submit(client, form: dict, **body) -> str:
    response = await client.post(f"/api/v1/public/forms/{form['public_id']}/submit", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["lead_id"])
