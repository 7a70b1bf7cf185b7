"""The runner in this process: leases fence out a presumed-dead runner, the sweeper finds work."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.config import Settings, load_settings
from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.jobs import repository, runner
from leadwise.jobs.handlers import JobContext, LeaseLost
from leadwise.models import Job, JobStatus
from tests.conftest import Account
from tests.jobs import sample_handlers
from tests.jobs.support import create_job, effect_seqs, load_job, wait_for


async def claim(db: Database, settings: Settings, job_id: uuid.UUID) -> int | None:
    now = utcnow()
    stale_before = now - timedelta(seconds=settings.jobs.stale_after_seconds)
    async with db.unit_of_work() as session:
        return await repository.claim(session, job_id, now, stale_before)


async def age_heartbeat(session: AsyncSession, job_id: uuid.UUID) -> None:
    """What a runner that died (or froze) leaves behind: a heartbeat far in the past."""
    await session.execute(
        update(Job).where(Job.id == job_id).values(heartbeat_at=utcnow() - timedelta(minutes=5))
    )


async def runner_died(db: Database, job_id: uuid.UUID) -> None:
    async with db.unit_of_work() as session:
        await age_heartbeat(session, job_id)


async def backoff_over(db: Database, job_id: uuid.UUID) -> None:
    """Lets the time of a retry's backoff pass (a queued job's heartbeat is its not-before)."""
    async with db.unit_of_work() as session:
        await session.execute(update(Job).where(Job.id == job_id).values(heartbeat_at=utcnow()))


async def take_over(db: Database, settings: Settings, job_id: uuid.UUID) -> int | None:
    """Another runner presumes the current one dead and claims the job. One transaction, so
    the running one cannot refresh its heartbeat in between."""
    now = utcnow()
    stale_before = now - timedelta(seconds=settings.jobs.stale_after_seconds)
    async with db.unit_of_work() as session:
        await age_heartbeat(session, job_id)
        return await repository.claim(session, job_id, now, stale_before)


async def write_step(ctx: JobContext, seq: int) -> None:
    async with ctx.db.unit_of_work() as session:
        await session.execute(
            text("INSERT INTO job_effects (job_id, seq) VALUES (:job_id, :seq)"),
            {"job_id": str(ctx.job_id), "seq": seq},
        )
        await ctx.save(session, checkpoint={"next": seq + 1}, progress=seq + 1)


async def test_an_old_runner_loses_its_lease_and_writes_nothing(
    db: Database, owner: Account, settings: Settings
) -> None:
    job_id = await create_job(db, owner, sample_handlers.COUNT, {"total": 3})
    assert await claim(db, settings, job_id) == 1
    old = JobContext(
        db=db,
        job_id=job_id,
        kind=sample_handlers.COUNT,
        workspace_id=owner.workspace_id,
        params={"total": 3},
        checkpoint={},
        attempt=1,
    )
    await write_step(old, 0)
    assert await claim(db, settings, job_id) is None  # a live runner keeps its job

    assert await take_over(db, settings, job_id) == 2
    with pytest.raises(LeaseLost):
        await write_step(old, 1)

    assert await effect_seqs(db, job_id) == [0]  # the fenced step was rolled back whole
    job = await load_job(db, job_id)
    assert job.status is JobStatus.RUNNING
    assert job.attempts == 2
    assert job.checkpoint == {"next": 1}
    new = JobContext(
        db=db,
        job_id=job_id,
        kind=sample_handlers.COUNT,
        workspace_id=owner.workspace_id,
        params={"total": 3},
        checkpoint=job.checkpoint,
        attempt=2,
    )
    await write_step(new, 1)
    assert await effect_seqs(db, job_id) == [0, 1]


async def test_a_running_job_taken_over_stops_and_is_not_finished_by_the_old_runner(
    db: Database, owner: Account, settings: Settings
) -> None:
    total = 400
    job_id = await create_job(
        db, owner, sample_handlers.COUNT, {"total": total, "step_seconds": 0.02}
    )
    old_run = asyncio.create_task(runner.run_job(db, settings, job_id))

    async def some_effects() -> list[int] | None:
        seqs = await effect_seqs(db, job_id)
        return seqs if len(seqs) >= 3 else None

    try:
        await wait_for(some_effects, "the first effects")
        assert await take_over(db, settings, job_id) == 2
        done_at_takeover = await effect_seqs(db, job_id)
        outcome = await asyncio.wait_for(old_run, timeout=60)
    finally:
        old_run.cancel()

    assert outcome == runner.Outcome("lease_lost")
    assert len(done_at_takeover) < total
    assert await effect_seqs(db, job_id) == done_at_takeover
    job = await load_job(db, job_id)
    assert job.status is JobStatus.RUNNING  # still the new runner's, not marked finished
    assert job.attempts == 2
    assert job.finished_at is None
    assert job.checkpoint == {"next": len(done_at_takeover)}


async def test_run_job_resumes_from_the_checkpoint(
    db: Database, owner: Account, settings: Settings
) -> None:
    job_id = await create_job(db, owner, sample_handlers.COUNT, {"total": 6})
    assert await claim(db, settings, job_id) == 1
    first = JobContext(
        db=db,
        job_id=job_id,
        kind=sample_handlers.COUNT,
        workspace_id=owner.workspace_id,
        params={"total": 6},
        checkpoint={},
        attempt=1,
    )
    for seq in range(4):
        await write_step(first, seq)
    await runner_died(db, job_id)

    outcome = await runner.run_job(db, settings, job_id)

    assert outcome == runner.Outcome("succeeded")
    job = await load_job(db, job_id)
    assert job.attempts == 2
    assert job.progress == 100
    assert job.result == {"total": 6, "resumed_at": 4}
    assert await effect_seqs(db, job_id) == [0, 1, 2, 3, 4, 5]
    assert await runner.run_job(db, settings, job_id) == runner.Outcome("skipped")
    assert (await load_job(db, job_id)).attempts == 2


async def test_retry_then_give_up_in_process(
    db: Database, owner: Account, settings: Settings
) -> None:
    job_id = await create_job(db, owner, sample_handlers.FLAKY, {"fail_times": 99})
    delays = []
    for attempt in range(1, settings.jobs.max_attempts):
        outcome = await runner.run_job(db, settings, job_id)
        assert outcome.status == "queued"
        assert outcome.retry_in is not None
        delays.append(outcome.retry_in)
        job = await load_job(db, job_id)
        assert job.status is JobStatus.QUEUED
        assert job.attempts == attempt
        assert job.error is not None
        assert job.error.startswith(f"attempt {attempt} failed, retrying in")
        # Not due yet: the sweeper leaves it alone until the backoff (and stale margin) passed.
        assert job_id not in await runner.sweep(db, settings)
        await backoff_over(db, job_id)
    assert delays[1] > delays[0]

    final = await runner.run_job(db, settings, job_id)

    assert final == runner.Outcome("failed")
    job = await load_job(db, job_id)
    assert job.status is JobStatus.FAILED
    assert job.error == (
        f"gave up after {settings.jobs.max_attempts} attempts: "
        f"TransientJobError: remote service busy (attempt {settings.jobs.max_attempts})"
    )


async def test_sweep_finds_silent_runners_and_lost_messages_only(
    db: Database, owner: Account, settings: Settings
) -> None:
    fresh_running = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})
    silent_running = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})
    lost_queued = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})
    await create_job(db, owner, sample_handlers.COUNT, {"total": 1})  # queued, message pending
    finished = await create_job(db, owner, sample_handlers.COUNT, {"total": 1})
    for job_id in (fresh_running, silent_running):
        assert await claim(db, settings, job_id) == 1
    assert await runner.run_job(db, settings, finished) == runner.Outcome("succeeded")
    for job_id in (silent_running, lost_queued, finished):
        await runner_died(db, job_id)

    stale = await runner.sweep(db, settings)

    assert set(stale) == {silent_running, lost_queued}


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    settings = load_settings(jobs={"retry_base_seconds": 0.5, "retry_max_seconds": 4})
    base = settings.jobs.retry_base_seconds
    cap = settings.jobs.retry_max_seconds
    for attempt in range(1, 12):
        expected = min(base * 2 ** (attempt - 1), cap)
        for _ in range(20):
            assert 0.8 * expected <= runner.backoff_seconds(settings, attempt) <= 1.2 * expected


async def test_a_stray_message_does_not_skip_the_backoff(
    db: Database, owner: Account, settings: Settings
) -> None:
    """Duplicate messages happen (the sweeper re-sends jobs that waited long in the queue);
    one arriving during a retry's backoff must not start the retry early."""
    job_id = await create_job(db, owner, sample_handlers.FLAKY, {"fail_times": 1})
    failed = await runner.run_job(db, settings, job_id)
    assert failed.status == "queued"
    assert failed.retry_in is not None

    early = await runner.run_job(db, settings, job_id)

    assert early.status == "not_due"
    assert early.retry_in is not None
    assert 0 < early.retry_in <= failed.retry_in
    assert (await load_job(db, job_id)).attempts == 1
    await asyncio.sleep(early.retry_in)
    assert await runner.run_job(db, settings, job_id) == runner.Outcome("succeeded")
    assert (await load_job(db, job_id)).attempts == 2
