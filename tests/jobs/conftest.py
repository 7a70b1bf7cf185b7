"""Fixtures for the job tests: effect tables, a broker choice and real worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from leadwise.config import Settings, get_settings
from leadwise.core.db import Database
from tests.conftest import BACKENDS, REDIS_URL, TestEnv
from tests.jobs import sample_handlers
from tests.jobs.support import FAST_JOB_SETTINGS, Workers

# Redis as broker is the scaled setup, so it runs with the scaled database (PostgreSQL when
# configured); the embedded SQLite broker runs with every database backend.
REDIS_BROKER_BACKEND = BACKENDS[-1]


@pytest.fixture
async def effects(db: Database) -> None:
    """The plain tables the sample handlers write to, emptied."""
    async with db.engine.begin() as connection:
        await sample_handlers.create_effect_tables(connection)


@pytest.fixture
def fast_jobs(test_env: TestEnv, monkeypatch: pytest.MonkeyPatch) -> TestEnv:
    """The same short job timings in this process (in-process runs) as in the workers."""
    test_env.values.update(FAST_JOB_SETTINGS)
    test_env.apply(monkeypatch)
    return test_env


@pytest.fixture
def settings(fast_jobs: TestEnv, effects: None) -> Settings:
    """Settings for running jobs in this process, with the effect tables ready. These tests
    make runners look dead by ageing heartbeats by minutes, so a long stale margin keeps a
    slow machine from making a live runner look dead too."""
    current = get_settings()
    jobs = current.jobs.model_copy(update={"stale_after_seconds": 60.0})
    return current.model_copy(update={"jobs": jobs})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The Redis broker runs only beside PostgreSQL (the scaled setup): the SQLite database
    with a Redis broker is not a combination worth 20 s of worker start-ups."""
    unwanted = [
        item
        for item in items
        if (params := getattr(getattr(item, "callspec", None), "params", {})).get("broker")
        == "redis"
        and params.get("database_url") != REDIS_BROKER_BACKEND
    ]
    if unwanted:
        config.hook.pytest_deselected(items=unwanted)
        items[:] = [item for item in items if item not in unwanted]


@pytest.fixture
def broker(
    request: pytest.FixtureRequest,
    database_url: str,
    test_env: TestEnv,
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    """The embedded SQLite broker; tests parametrised over `support.BROKERS` (indirect=True)
    also run with Redis when LEADWISE_TEST_REDIS_URL is set."""
    name = str(getattr(request, "param", "sqlite"))
    if name == "redis":
        assert REDIS_URL
        redis.Redis.from_url(REDIS_URL).ping()
        test_env.values["LEADWISE_BROKER_URL"] = REDIS_URL
        test_env.apply(monkeypatch)  # this process publishes to the same broker
    return name


@pytest.fixture
def workers(broker: str, fast_jobs: TestEnv, tmp_path: Path) -> Iterator[Workers]:
    """One worker started at once (it boots while the app and the owner are set up); tests
    may start more. Every worker is SIGKILLed at teardown."""
    pool = Workers(values=fast_jobs.values, directory=tmp_path / "workers")
    try:
        pool.start()
        yield pool
    finally:
        pool.kill_all()
