"""Jobs run by real `leadwise worker` processes, against the real broker and database."""

from __future__ import annotations

import asyncio
import itertools

import httpx
import pytest

from leadwise.core.db import Database
from tests.conftest import Account, assert_error
from tests.jobs import sample_handlers
from tests.jobs.support import (
    BROKERS,
    Workers,
    attempt_times,
    create_job,
    effect_seqs,
    job_via_api,
    load_job,
    wait_final,
    wait_for,
)

# The worker boots while the app, the tables and the owner are set up.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("workers", "effects")]


@pytest.mark.parametrize("broker", BROKERS, indirect=True)
async def test_job_runs_to_success_and_is_visible_in_the_api(
    workers: Workers, client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    job_id = await create_job(db, owner, sample_handlers.COUNT, {"total": 5})

    data = await wait_final(client, owner, job_id, workers)

    assert data["status"] == "succeeded", workers.logs()
    assert data["progress"] == 100
    assert data["kind"] == sample_handlers.COUNT
    assert data["attempts"] == 1
    assert data["counts"] == {"done": 5}
    assert data["result"] == {"total": 5, "resumed_at": 0}
    assert data["error"] is None
    assert data["created_by_id"] == str(owner.user_id)
    assert data["started_at"] is not None
    assert data["finished_at"] is not None
    assert await effect_seqs(db, job_id) == [0, 1, 2, 3, 4]
    listed = await client.get("/api/v1/jobs", headers=owner.headers)
    assert listed.status_code == 200, listed.text
    assert [job["id"] for job in listed.json()["data"]] == [str(job_id)]
    assert (await load_job(db, job_id)).checkpoint == {"next": 5}


async def test_transient_failures_are_retried_with_backoff_then_given_up(
    workers: Workers, client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    """Max attempts is 3: two transient failures are survived, a third is not."""
    recovers = await create_job(db, owner, sample_handlers.FLAKY, {"fail_times": 2})
    never_recovers = await create_job(db, owner, sample_handlers.FLAKY, {"fail_times": 99})

    recovered = await wait_final(client, owner, recovers, workers)
    gave_up = await wait_final(client, owner, never_recovers, workers)

    assert recovered["status"] == "succeeded", workers.logs()
    assert recovered["attempts"] == 3
    assert recovered["result"] == {"succeeded_on_attempt": 3}
    assert recovered["error"] is None
    assert gave_up["status"] == "failed", workers.logs()
    assert gave_up["attempts"] == 3
    assert gave_up["error"] == (
        "gave up after 3 attempts: TransientJobError: remote service busy (attempt 3)"
    )
    for job_id in (recovers, never_recovers):
        attempts = await attempt_times(db, job_id)
        assert [attempt for attempt, _ in attempts] == [1, 2, 3]
        # Exponential backoff from 0.5 s with at most 20 % jitter: >= 0.4 s, then >= 0.8 s.
        gaps = [later - earlier for (_, earlier), (_, later) in itertools.pairwise(attempts)]
        assert gaps[0] >= 0.4, gaps
        assert gaps[1] >= 0.8, gaps


async def test_failures_are_recorded_without_retrying(
    workers: Workers, client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    broken = await create_job(db, owner, sample_handlers.BOOM)
    unknown = await create_job(db, owner, "test.no-such-kind")

    broken_data = await wait_final(client, owner, broken, workers)
    unknown_data = await wait_final(client, owner, unknown, workers)

    assert broken_data["status"] == "failed", workers.logs()
    assert broken_data["error"] == "RuntimeError: the sample handler broke on purpose"
    assert broken_data["attempts"] == 1
    assert broken_data["progress"] == 0
    assert broken_data["finished_at"] is not None
    assert unknown_data["status"] == "failed", workers.logs()
    assert unknown_data["error"] == "unknown job kind 'test.no-such-kind'"
    assert unknown_data["attempts"] == 1


@pytest.mark.parametrize("broker", BROKERS, indirect=True)
async def test_killed_worker_resumes_on_another_without_duplicating_effects(
    workers: Workers, client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    total = 60
    [first] = workers.started
    job_id = await create_job(
        db, owner, sample_handlers.COUNT, {"total": total, "step_seconds": 0.05}
    )

    async def some_effects() -> list[int] | None:
        seqs = await effect_seqs(db, job_id)
        return seqs if len(seqs) >= 20 else None

    await wait_for(some_effects, "a third of the effects", workers=workers)
    first.kill()
    await asyncio.sleep(0.3)  # a commit already sent lands now; nothing can follow it
    done_before_kill = await effect_seqs(db, job_id)
    assert len(done_before_kill) < total, "the job finished before the worker was killed"
    killed = await load_job(db, job_id)
    assert killed.status == "running"
    assert killed.attempts == 1
    assert killed.checkpoint == {"next": len(done_before_kill)}
    midway = await job_via_api(client, owner, job_id)
    assert midway["status"] == "running"
    assert midway["progress"] == 100 * len(done_before_kill) // total
    assert midway["counts"] == {"done": len(done_before_kill)}

    workers.start()
    data = await wait_final(client, owner, job_id, workers)

    assert data["status"] == "succeeded", workers.logs()
    assert data["attempts"] == 2, workers.logs()
    assert data["progress"] == 100
    assert data["result"] == {"total": total, "resumed_at": len(done_before_kill)}
    assert await effect_seqs(db, job_id) == list(range(total))  # each step exactly once


async def test_cancelling_a_running_job_stops_its_effects(
    workers: Workers, client: httpx.AsyncClient, db: Database, owner: Account
) -> None:
    total = 500
    job_id = await create_job(
        db, owner, sample_handlers.COUNT, {"total": total, "step_seconds": 0.05}
    )

    async def some_effects() -> list[int] | None:
        seqs = await effect_seqs(db, job_id)
        return seqs if len(seqs) >= 3 else None

    await wait_for(some_effects, "the first effects", workers=workers)
    response = await client.post(f"/api/v1/jobs/{job_id}/cancel", headers=owner.headers)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["cancel_requested"] is True
    assert response.json()["data"]["status"] == "running"

    data = await wait_final(client, owner, job_id, workers)

    assert data["status"] == "cancelled", workers.logs()
    assert data["finished_at"] is not None
    done = await effect_seqs(db, job_id)
    assert 3 <= len(done) < total
    assert done == list(range(len(done)))
    assert (await load_job(db, job_id)).checkpoint == {"next": len(done)}
    await asyncio.sleep(0.5)  # ten steps' time: a runner still going would have written more
    assert await effect_seqs(db, job_id) == done
    again = await client.post(f"/api/v1/jobs/{job_id}/cancel", headers=owner.headers)
    assert_error(again, 409, "CONFLICT")
