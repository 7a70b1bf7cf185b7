"""`/api/v1/jobs`: reading, listing and cancelling, scoped to the caller's workspace."""

from __future__ import annotations

import uuid

import httpx
import pytest

from leadwise.config import get_settings
from leadwise.core.db import Database
from leadwise.jobs import runner
from tests.conftest import Account, add_user, assert_error
from tests.jobs import sample_handlers
from tests.jobs.support import create_job, job_via_api

pytestmark = pytest.mark.usefixtures("effects")


async def second_workspace(client: httpx.AsyncClient, account: Account) -> uuid.UUID:
    response = await client.post(
        "/api/v1/workspaces", json={"name": "Second"}, headers=account.headers
    )
    assert response.status_code == 201, response.text
    return uuid.UUID(response.json()["data"]["id"])


async def test_a_job_of_another_workspace_is_not_found(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    other = await second_workspace(client, owner)
    job_id = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})
    elsewhere = owner.in_workspace(other)

    assert_error(await client.get(f"/api/v1/jobs/{job_id}", headers=elsewhere), 404, "NOT_FOUND")
    cancelled = await client.post(f"/api/v1/jobs/{job_id}/cancel", headers=elsewhere)
    assert_error(cancelled, 404, "NOT_FOUND")
    listed = await client.get("/api/v1/jobs", headers=elsewhere)
    assert listed.status_code == 200, listed.text
    assert listed.json()["data"] == []
    # Still there, untouched, in its own workspace.
    data = await job_via_api(client, owner, job_id)
    assert data["status"] == "queued"
    assert data["cancel_requested"] is False
    home = await client.get(
        f"/api/v1/jobs/{job_id}", headers=owner.in_workspace(owner.workspace_id)
    )
    assert home.status_code == 200, home.text


async def test_unknown_and_malformed_job_ids(client: httpx.AsyncClient, owner: Account) -> None:
    missing = await client.get(f"/api/v1/jobs/{uuid.uuid4()}", headers=owner.headers)
    assert_error(missing, 404, "NOT_FOUND")
    malformed = await client.get("/api/v1/jobs/not-a-uuid", headers=owner.headers)
    assert_error(malformed, 422, "VALIDATION_ERROR")
    assert_error(await client.get("/api/v1/jobs"), 401, "UNAUTHENTICATED")


async def test_cancelling_a_queued_job_is_immediate_and_final(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    job_id = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})

    response = await client.post(f"/api/v1/jobs/{job_id}/cancel", headers=owner.headers)

    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["status"] == "cancelled"
    assert data["cancel_requested"] is True
    assert data["finished_at"] is not None
    # The message still in the broker finds nothing to do.
    assert await runner.run_job(db, get_settings(), job_id) == runner.Outcome("skipped")
    assert (await job_via_api(client, owner, job_id))["status"] == "cancelled"
    again = await client.post(f"/api/v1/jobs/{job_id}/cancel", headers=owner.headers)
    error = assert_error(again, 409, "CONFLICT")
    assert error["details"] == {"status": "cancelled"}


async def test_only_admins_cancel_the_jobs_of_others(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    job_id = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})

    assert (await job_via_api(client, viewer, job_id))["id"] == str(job_id)
    denied = await client.post(f"/api/v1/jobs/{job_id}/cancel", headers=viewer.headers)
    assert_error(denied, 403, "FORBIDDEN")
    assert (await job_via_api(client, owner, job_id))["status"] == "queued"


async def test_list_filters_by_kind_and_status(
    client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    counting = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})
    failing = await create_job(db, owner, sample_handlers.BOOM)
    queued = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})
    assert await runner.run_job(db, get_settings(), counting) == runner.Outcome("succeeded")
    assert await runner.run_job(db, get_settings(), failing) == runner.Outcome("failed")

    async def ids(**query: str) -> list[str]:
        response = await client.get("/api/v1/jobs", params=query, headers=owner.headers)
        assert response.status_code == 200, response.text
        return [job["id"] for job in response.json()["data"]]

    assert await ids() == [str(queued), str(failing), str(counting)]  # newest first
    assert await ids(kind=sample_handlers.COUNT) == [str(queued), str(counting)]
    assert await ids(status="failed") == [str(failing)]
    assert await ids(status="succeeded", kind=sample_handlers.BOOM) == []
    assert_error(
        await client.get("/api/v1/jobs", params={"status": "exploded"}, headers=owner.headers),
        422,
    )
