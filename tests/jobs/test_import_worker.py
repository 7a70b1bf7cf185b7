"""An import run by a real worker process that is SIGKILLed mid-file: another worker resumes
it after the last committed chunk, and every row ends up imported exactly once."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import httpx
import pytest
from sqlalchemy import func, select

from leadwise.core.db import Database
from leadwise.models import Lead
from tests.conftest import Account
from tests.jobs.support import Workers, load_job, wait_final, wait_for

if TYPE_CHECKING:
    from tests.conftest import TestEnv

ROWS = 3000


@pytest.fixture
def fast_jobs(test_env: TestEnv, monkeypatch: pytest.MonkeyPatch) -> TestEnv:
    """The job tests' fast timings, and small import chunks (many checkpoints to die between)."""
    from tests.jobs.support import FAST_JOB_SETTINGS

    test_env.values.update(FAST_JOB_SETTINGS)
    test_env.values["LEADWISE_IMPORTS__CHUNK_ROWS"] = "50"
    test_env.apply(monkeypatch)
    return test_env


async def lead_emails(db: Database) -> list[str]:
    async with db.sessionmaker() as session:
        return list(await session.scalars(select(Lead.email_normalized)))


async def test_a_killed_import_resumes_on_another_worker(
    workers: Workers, client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    content = "email,first_name\n" + "".join(f"p{i}@x.example,P{i}\n" for i in range(ROWS))
    uploaded = await client.post(
        "/api/v1/imports",
        files={"file": ("people.csv", content.encode(), "text/csv")},
        headers=owner.headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    import_id = uploaded.json()["data"]["id"]
    started = await client.post(
        f"/api/v1/imports/{import_id}/start", json={}, headers=owner.headers
    )
    assert started.status_code == 202, started.text
    job_id = uuid.UUID(started.json()["data"]["job_id"])
    [first] = workers.started

    async def some_rows() -> int | None:
        async with db.sessionmaker() as session:
            written = int(await session.scalar(select(func.count()).select_from(Lead)) or 0)
        return written if written >= 300 else None

    await wait_for(some_rows, "a tenth of the rows", workers=workers)
    first.kill()
    before = len(await lead_emails(db))
    assert before < ROWS, "the import finished before the worker was killed"
    killed = await load_job(db, job_id)
    assert killed.status == "running"
    assert killed.checkpoint == {"row": before}  # the checkpoint is exactly what committed

    workers.start()
    data = await wait_final(client, owner, job_id, workers)
    assert data["status"] == "succeeded", workers.logs()
    assert data["attempts"] == 2
    emails = await lead_emails(db)
    assert len(emails) == ROWS
    assert len(set(emails)) == ROWS  # no row imported twice
    run = await client.get(f"/api/v1/imports/{import_id}", headers=owner.headers)
    assert run.json()["data"]["counts"]["created"] == ROWS
