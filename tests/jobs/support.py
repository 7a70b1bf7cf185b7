"""Helpers for the job tests: real worker processes, job creation, polling with deadlines."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import text

from leadwise.auth.permissions import permissions_of
from leadwise.auth.principal import Principal
from leadwise.core.db import Database
from leadwise.jobs import service
from leadwise.models import Job, Role, User
from tests.conftest import REDIS_URL, Account

T = TypeVar("T")

BROKERS = ["sqlite", *(["redis"] if REDIS_URL else [])]
REPO_ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 60.0
FINAL_STATUSES = {"succeeded", "failed", "cancelled"}

# Short timings so that stale leases, sweeps and retries happen within seconds.
FAST_JOB_SETTINGS = {
    "LEADWISE_JOBS__HEARTBEAT_SECONDS": "0.5",
    "LEADWISE_JOBS__STALE_AFTER_SECONDS": "2",
    "LEADWISE_JOBS__SWEEP_INTERVAL_SECONDS": "1",
    "LEADWISE_JOBS__RETRY_BASE_SECONDS": "0.5",
    "LEADWISE_JOBS__RETRY_MAX_SECONDS": "4",
    "LEADWISE_JOBS__MAX_ATTEMPTS": "3",
    "LEADWISE_WORKER__EXTRA_TASK_MODULES": "tests.jobs.sample_handlers",
}


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    log_path: Path

    def kill(self) -> None:
        """SIGKILL the whole process group (the worker and its pool, beat included)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


@dataclass
class Workers:
    """Starts `leadwise worker` processes with a test's environment; all killed at teardown."""

    values: dict[str, str]  # the test's LEADWISE_* env, read when a worker starts
    directory: Path
    started: list[WorkerProcess] = field(default_factory=list)

    def start(self) -> WorkerProcess:
        env = worker_environment(self.values, self.directory)
        log_path = self.directory / f"worker-{len(self.started) + 1}.log"
        command = [
            sys.executable,
            "-m",
            "leadwise",
            "worker",
            "--beat",
            "--pool",
            "threads",
            "--concurrency",
            "2",
        ]
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command,
                env=env,
                cwd=self.directory,  # no stray .env file gets read
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as one
            )
        worker = WorkerProcess(process, log_path)
        self.started.append(worker)
        return worker

    def kill_all(self) -> None:
        for worker in self.started:
            worker.kill()

    def logs(self, last_chars: int = 6000) -> str:
        parts = []
        for worker in self.started:
            content = (
                worker.log_path.read_text(errors="replace") if worker.log_path.exists() else ""
            )
            state = worker.process.poll()
            parts.append(
                f"--- {worker.log_path.name} (exit code {state}) ---\n{content[-last_chars:]}"
            )
        return "\n".join(parts) or "(no worker started)"


def worker_environment(values: dict[str, str], directory: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("LEADWISE_")}
    env.update(values)
    env.update(FAST_JOB_SETTINGS)
    env["LEADWISE_LOG__LEVEL"] = "INFO"  # the log is the failure message
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env["PYTHONUNBUFFERED"] = "1"
    directory.mkdir(parents=True, exist_ok=True)
    return env


async def wait_for(
    probe: Callable[[], Awaitable[T | None]],
    what: str,
    *,
    workers: Workers | None = None,
    timeout: float = DEADLINE_SECONDS,
    interval: float = 0.1,
) -> T:
    """Polls `probe` until it returns something truthy; fails with the worker logs."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while time.monotonic() < deadline:
        last = await probe()
        if last:
            return last
        await asyncio.sleep(interval)
    logs = workers.logs() if workers is not None else ""
    raise AssertionError(
        f"timed out after {timeout:.0f}s waiting for {what}; last: {last!r}\n{logs}"
    )


async def principal_of(db: Database, account: Account) -> Principal:
    async with db.sessionmaker() as session:
        user = await session.get(User, account.user_id)
    assert user is not None
    return Principal(
        user=user,
        api_key=None,
        workspace_id=account.workspace_id,
        role=Role.OWNER,
        permissions=permissions_of(Role.OWNER),
    )


async def create_job(
    db: Database, account: Account, kind: str, params: dict[str, Any] | None = None
) -> uuid.UUID:
    """The public path domains use: `service.create` in a unit of work, published on commit."""
    principal = await principal_of(db, account)
    async with db.unit_of_work() as session:
        job = await service.create(session, principal, kind=kind, params=params)
    return job.id


async def load_job(db: Database, job_id: uuid.UUID) -> Job:
    async with db.sessionmaker() as session:
        job = await session.get(Job, job_id)
    assert job is not None
    return job


async def job_via_api(client: httpx.AsyncClient, account: Account, job_id: uuid.UUID) -> Any:
    response = await client.get(f"/api/v1/jobs/{job_id}", headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def wait_final(
    client: httpx.AsyncClient, account: Account, job_id: uuid.UUID, workers: Workers
) -> Any:
    async def probe() -> Any:
        data = await job_via_api(client, account, job_id)
        return data if data["status"] in FINAL_STATUSES else None

    return await wait_for(probe, f"job {job_id} to finish", workers=workers)


async def effect_seqs(db: Database, job_id: uuid.UUID) -> list[int]:
    async with db.sessionmaker() as session:
        rows = await session.execute(
            text("SELECT seq FROM job_effects WHERE job_id = :job_id ORDER BY seq"),
            {"job_id": str(job_id)},
        )
        return [int(seq) for (seq,) in rows]


async def attempt_times(db: Database, job_id: uuid.UUID) -> list[tuple[int, float]]:
    async with db.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT attempt, started_at FROM job_attempts WHERE job_id = :job_id "
                "ORDER BY attempt"
            ),
            {"job_id": str(job_id)},
        )
        return [(int(attempt), float(started)) for attempt, started in rows]
