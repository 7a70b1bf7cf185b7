"""Leads verified in the background (LEADWISE_VERIFY__ON_CREATE) when created through the API,
a form or an import, or given a new address; and the periodic re-check: temporary verdicts once
their retry time has passed, old verdicts after REVERIFY_AFTER_DAYS, each lead queued once.
The queued jobs run with the real runner against the loopback mail world, on SQLite and
PostgreSQL."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from leadwise.config import get_settings
from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.models import Activity, Job, JobStatus, Lead
from leadwise.verification.auto import LEADS_JOB, MAX_ATTEMPTS
from leadwise.verification.recheck import queue_rechecks
from tests.capture.conftest import make_form
from tests.conftest import Account, _clear_caches
from tests.verification.conftest import MailWorld
from tests.verification.test_api import make_lead, run_jobs

LEADS = "/api/v1/leads"


def use(monkeypatch: pytest.MonkeyPatch, **settings: str) -> None:
    for name, value in settings.items():
        monkeypatch.setenv(f"LEADWISE_VERIFY__{name.upper()}", value)
    _clear_caches()


@pytest.fixture(autouse=True)
def verify_env(test_env: Any, mail_world: MailWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in mail_world.env().items():
        monkeypatch.setenv(name, value)
    use(monkeypatch, on_create="full")


async def verification_jobs(db: Database) -> list[Job]:
    async with db.sessionmaker() as session:
        query = select(Job).where(Job.kind == LEADS_JOB).order_by(Job.created_at, Job.id)
        return list(await session.scalars(query))


async def stored(db: Database, lead_id: str) -> Lead:
    async with db.sessionmaker() as session:
        lead = await session.get(Lead, uuid.UUID(lead_id))
        assert lead is not None
        return lead


async def test_a_lead_created_through_the_api_is_verified_by_a_job(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    lead_id = await make_lead(client, owner, email="jane@known.lwtest", first_name="Jane")
    # Not in the request: the lead is stored without a verdict and a job waits.
    assert (await stored(db, lead_id)).verification_status is None
    [job] = await verification_jobs(db)
    assert (job.status, job.params["trigger"], job.params["lead_ids"]) == (
        JobStatus.QUEUED,
        "created",
        [lead_id],
    )
    [done] = await run_jobs(db)
    assert done.status is JobStatus.SUCCEEDED
    lead = (await client.get(f"{LEADS}/{lead_id}", headers=owner.headers)).json()["data"]
    assert lead["verification_status"] == "valid"
    verdict = (await stored(db, lead_id)).verification
    assert verdict is not None
    assert (verdict["sub_status"], verdict["smtp"]["code"]) == ("accepted", 250)
    assert "retry_at" not in verdict
    async with db.sessionmaker() as session:
        events = list(
            await session.scalars(
                select(Activity.data).where(Activity.lead_id == uuid.UUID(lead_id))
            )
        )
    assert any(event.get("event") == "email_verified" for event in events)

    # A lead without an address queues nothing.
    await make_lead(client, owner, first_name="Nameless")
    assert len(await verification_jobs(db)) == 1


async def test_offline_mode_checks_without_smtp(
    client: httpx.AsyncClient,
    db: Database,
    owner: Account,
    mail_world: MailWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use(monkeypatch, on_create="offline")
    known = mail_world.script("known")
    asked_before = len(known.rcpts)
    good = await make_lead(client, owner, email="jane@known.lwtest")
    bad = await make_lead(client, owner, email="jane@null.lwtest")
    await run_jobs(db)
    assert (await stored(db, good)).verification["sub_status"] == "smtp_skipped"  # type: ignore[index]
    assert (await stored(db, bad)).verification_status == "invalid"
    assert len(known.rcpts) == asked_before  # no SMTP
    assert [job.params["smtp"] for job in await verification_jobs(db)] == [False, False]


async def test_off_queues_nothing_and_stores_nothing(
    client: httpx.AsyncClient, db: Database, owner: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    use(monkeypatch, on_create="off")
    lead_id = await make_lead(client, owner, email="jane@known.lwtest")
    await client.patch(
        f"{LEADS}/{lead_id}", json={"email": "john@known.lwtest"}, headers=owner.headers
    )
    assert await verification_jobs(db) == []
    await run_jobs(db)
    lead = await stored(db, lead_id)
    assert (lead.verification_status, lead.verification, lead.verified_at) == (None, None, None)


async def test_a_new_address_is_verified_again(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    lead_id = await make_lead(client, owner, email="nobody@known.lwtest")
    await run_jobs(db)
    assert (await stored(db, lead_id)).verification_status == "invalid"
    response = await client.patch(
        f"{LEADS}/{lead_id}", json={"email": "jane@known.lwtest"}, headers=owner.headers
    )
    assert response.status_code == 200, response.text
    await run_jobs(db)
    lead = await stored(db, lead_id)
    assert lead.verification_status == "valid"
    assert lead.verification["email"] == "jane@known.lwtest"  # type: ignore[index]
    assert [job.params["trigger"] for job in await verification_jobs(db)] == [
        "created",
        "email_changed",
    ]


async def test_a_form_submission_is_verified(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    form = await make_form(client, owner, allowed_fields=["first_name", "email"])
    response = await client.post(
        f"/api/v1/public/forms/{form['public_id']}/submit",
        json={"first_name": "Jane", "email": "jane@catchall.lwtest"},
    )
    assert response.status_code == 201, response.text
    lead_id = response.json()["data"]["lead_id"]
    await run_jobs(db)
    lead = await stored(db, lead_id)
    assert lead.verification_status == "accept_all"
    assert lead.verification["sub_status"] == "catch_all"  # type: ignore[index]


async def test_an_import_queues_one_job_per_chunk_for_its_new_leads(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    content = (
        b"email,first_name\n"
        b"jane@known.lwtest,Jane\n"
        b",Nomail\n"
        b"nobody@known.lwtest,Nobody\n"
        b"john@servfail.lwtest,John\n"
    )
    upload = await client.post(
        "/api/v1/imports", files={"file": ("leads.csv", content, "text/csv")}, headers=owner.headers
    )
    assert upload.status_code == 201, upload.text
    started = await client.post(
        f"/api/v1/imports/{upload.json()['data']['id']}/start", json={}, headers=owner.headers
    )
    assert started.status_code == 202, started.text
    await run_jobs(db)  # the import, which queues the verification
    [job] = await verification_jobs(db)
    assert (job.params["trigger"], len(job.params["lead_ids"])) == ("imported", 3)
    await run_jobs(db)
    async with db.sessionmaker() as session:
        rows = await session.execute(select(Lead.first_name, Lead.verification_status))
        statuses = dict(rows.all())
    assert statuses == {"Jane": "valid", "Nomail": None, "Nobody": "invalid", "John": "unknown"}


async def test_greylisted_is_rechecked_once_its_wait_is_over_and_ends_valid(
    client: httpx.AsyncClient,
    db: Database,
    owner: Account,
    mail_world: MailWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    grey = mail_world.script("greylist")
    grey.first_seen.clear()  # the session's earlier conversations do not count
    asked_before = grey.rcpts.count("jane@greylist.lwtest")
    use(monkeypatch, greylist_retry_seconds="60")
    lead_id = await make_lead(client, owner, email="jane@greylist.lwtest")
    await run_jobs(db)
    lead = await stored(db, lead_id)
    verdict = lead.verification
    assert verdict is not None
    assert (lead.verification_status, verdict["sub_status"], verdict["attempt"]) == (
        "unknown",
        "greylisted",
        1,
    )
    assert verdict["retry_at"] >= (utcnow() + timedelta(seconds=55)).isoformat(timespec="seconds")

    settings = get_settings()
    assert await queue_rechecks(db, settings) == []  # its wait is not over
    later = utcnow() + timedelta(seconds=120)
    [job_id] = await queue_rechecks(db, settings, now=later)
    assert await queue_rechecks(db, settings, now=later) == []  # queued once
    assert await queue_rechecks(db, settings, now=later + timedelta(hours=1)) == []
    queued = [job for job in await verification_jobs(db) if job.id == job_id]
    assert (queued[0].params["trigger"], queued[0].params["lead_ids"]) == ("retry", [lead_id])
    assert (await stored(db, lead_id)).updated_at == lead.updated_at  # marking is not a change

    # The server lets both addresses through once its greylisting time since each was first
    # asked has passed (the same monotonic clock: it runs in this process).
    passes_at = max(grey.first_seen.values()) + grey.greylist_seconds + 0.1
    await asyncio.sleep(max(0.0, passes_at - time.monotonic()))
    await run_jobs(db)
    lead = await stored(db, lead_id)
    assert lead.verification_status == "valid", lead.verification
    assert lead.verification is not None
    assert "retry_at" not in lead.verification
    assert "recheck_queued_at" not in lead.verification
    assert grey.rcpts.count("jane@greylist.lwtest") == asked_before + 2
    assert await queue_rechecks(db, settings, now=later + timedelta(days=2)) == []


async def test_temporary_verdicts_stop_being_retried_after_the_last_attempt(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    lead_id = await make_lead(client, owner, email="jane@grey-everywhere.lwtest")
    await run_jobs(db)  # greylisted (first MX) and busy (second): attempt 1
    settings = get_settings()
    now = utcnow()
    for attempt in range(2, MAX_ATTEMPTS + 2):
        now += timedelta(days=1, minutes=1)  # past the retry time and the queued stamp
        assert len(await queue_rechecks(db, settings, now=now)) == 1
        await run_jobs(db)
        verdict = (await stored(db, lead_id)).verification
        assert verdict is not None
        assert verdict["attempt"] == attempt
    assert verdict is not None
    assert "retry_at" not in verdict
    assert await queue_rechecks(db, settings, now=now + timedelta(days=2)) == []


async def test_old_verdicts_are_checked_again_after_the_ttl(
    client: httpx.AsyncClient, db: Database, owner: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    use(monkeypatch, reverify_after_days="30")
    online = await make_lead(client, owner, email="jane@known.lwtest")
    use(monkeypatch, on_create="offline", reverify_after_days="30")
    offline = await make_lead(client, owner, email="john@known.lwtest")
    await run_jobs(db)
    settings = get_settings()
    assert await queue_rechecks(db, settings, now=utcnow() + timedelta(days=29)) == []
    later = utcnow() + timedelta(days=31)
    jobs = await queue_rechecks(db, settings, now=later)
    assert len(jobs) == 2  # checked again the way each was checked
    assert await queue_rechecks(db, settings, now=later) == []
    by_lead = {
        job.params["lead_ids"][0]: job for job in await verification_jobs(db) if job.id in jobs
    }
    assert by_lead[online].params["smtp"] is None  # SMTP as LEADWISE_VERIFY__SMTP_ENABLED says
    assert by_lead[offline].params["smtp"] is False
    assert {job.params["trigger"] for job in by_lead.values()} == {"reverify"}
    before = (await stored(db, online)).verified_at
    await run_jobs(db)
    after = await stored(db, online)
    assert after.verified_at is not None
    assert before is not None
    assert after.verified_at > before
    assert (await stored(db, offline)).verification["sub_status"] == "smtp_skipped"  # type: ignore[index]

    use(monkeypatch, reverify_after_days="0")  # never
    async with db.unit_of_work() as session:
        await session.execute(update(Lead).values(verified_at=utcnow() - timedelta(days=3000)))
    assert await queue_rechecks(db, get_settings(), now=utcnow() + timedelta(days=1)) == []
