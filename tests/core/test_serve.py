"""`leadwise serve` as a user runs it: migrates a fresh database, serves, runs jobs in its
embedded worker, restarts that worker when it dies, and reports the worker's job metrics."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from leadwise.auth.permissions import permissions_of
from leadwise.auth.principal import Principal
from leadwise.config import load_settings
from leadwise.core.db import Database
from leadwise.jobs import service as jobs_service
from leadwise.models import Role
from tests.conftest import FAST_HASHING, PASSWORD
from tests.jobs.sample_handlers import COUNT, create_effect_tables
from tests.jobs.support import FAST_JOB_SETTINGS, REPO_ROOT

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str
    data_dir: Path
    log: Path

    def worker_pids(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-f", "-P", str(self.process.pid), "leadwise worker"],
            capture_output=True,
            text=True,
            check=False,
        )
        return [int(pid) for pid in found.stdout.split()]

    def logs(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
    env.update(
        FAST_JOB_SETTINGS,
        **FAST_HASHING,
        LEADWISE_DATA_DIR=str(tmp_path / "data"),
        LEADWISE_LOG__LEVEL="WARNING",
        PYTHONPATH=str(REPO_ROOT),
    )
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "leadwise", "serve", "--port", str(port)],
            env=env,
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = Served(process, f"http://127.0.0.1:{port}", tmp_path / "data", log)
    try:
        async with httpx.AsyncClient(base_url=server.url) as client:
            for _ in range(300):
                try:
                    if (await client.get("/health")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert process.poll() is None, server.logs()
                await asyncio.sleep(0.2)
            else:
                raise AssertionError("serve did not come up:\n" + server.logs())
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


async def run_count_job(database: Database, workspace_id: uuid.UUID, total: int) -> uuid.UUID:
    principal = Principal(
        user=None,
        api_key=None,
        workspace_id=workspace_id,
        role=Role.OWNER,
        permissions=permissions_of(Role.OWNER),
    )
    async with database.unit_of_work() as session:
        job = await jobs_service.create(session, principal, kind=COUNT, params={"total": total})
    return job.id


async def wait_for_status(client: httpx.AsyncClient, headers: dict, job_id: uuid.UUID) -> dict:
    for _ in range(300):
        data = (await client.get(f"/api/v1/jobs/{job_id}", headers=headers)).json()["data"]
        if data["status"] in {"succeeded", "failed", "cancelled"}:
            return dict(data)
        await asyncio.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish: {data}")


async def test_serve_migrates_runs_jobs_and_restarts_its_worker(served: Served):
    async with httpx.AsyncClient(base_url=served.url) as client:
        assert (await client.get("/health/ready")).status_code == 200
        # A fresh data dir: serve applied the migrations, so setup works at once.
        setup = await client.post(
            "/api/v1/setup",
            json={"email": "o@example.com", "password": PASSWORD, "workspace_name": "Acme"},
        )
        assert setup.status_code == 201, setup.text
        data = setup.json()["data"]
        headers = {"Authorization": f"Bearer {data['tokens']['access_token']}"}
        workspace_id = uuid.UUID(data["workspace"]["id"])

        database = Database(load_settings(data_dir=served.data_dir))
        try:
            async with database.engine.begin() as connection:
                await create_effect_tables(connection)
            first = await run_count_job(database, workspace_id, total=5)
            assert (await wait_for_status(client, headers, first))["status"] == "succeeded"

            # Kill the embedded worker: serve notices and starts another one.
            pids = served.worker_pids()
            assert pids, served.logs()
            for pid in pids:
                os.killpg(pid, signal.SIGKILL)
            for _ in range(150):
                restarted = served.worker_pids()
                if restarted and not set(restarted) & set(pids):
                    break
                await asyncio.sleep(0.2)
            else:
                raise AssertionError("the worker was not restarted:\n" + served.logs())
            second = await run_count_job(database, workspace_id, total=3)
            assert (await wait_for_status(client, headers, second))["status"] == "succeeded"
            async with database.sessionmaker() as session:
                count = await session.scalar(text("SELECT count(*) FROM job_effects"))
            assert count == 8
        finally:
            await database.dispose()

        # Job metrics come from the worker process; the API's /metrics sums every process.
        metrics = (await client.get("/metrics")).text
        assert 'leadwise_jobs_total{kind="test.count",status="succeeded"} 2.0' in metrics
        assert "embedded worker exited" in served.logs()

    workers = served.worker_pids()
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=30) == 0
    for pid in workers:  # the embedded worker stopped with it
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists():
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"worker {pid} outlived serve")
