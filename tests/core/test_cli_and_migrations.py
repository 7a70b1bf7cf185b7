"""The `leadwise` command and the shipped migrations, on a fresh database of each backend."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

from leadwise.core.migrate import include_name
from leadwise.models import Base
from tests.conftest import (
    BACKENDS,
    POSTGRES_URL,
    _create_postgres_database,
    _drop_postgres_database,
)

PASSWORD = "correct horse battery"


@pytest.fixture(params=BACKENDS)
async def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cli.sqlite3'}"
        return
    assert POSTGRES_URL
    name = f"leadwise_cli_{os.getpid()}"
    yield await _create_postgres_database(POSTGRES_URL, name)
    await _drop_postgres_database(POSTGRES_URL, name)


def leadwise(url: str, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("LEADWISE_")
    }
    environment.update(
        LEADWISE_DATABASE_URL=url,
        LEADWISE_DATA_DIR=str(tmp_path / "data"),
        LEADWISE_AUTH__ARGON2_TIME_COST="1",
        LEADWISE_AUTH__ARGON2_MEMORY_KIB="1024",
        COLUMNS="200",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "leadwise", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )


async def test_db_commands_and_users_on_a_fresh_database(fresh_url: str, tmp_path: Path):
    current = leadwise(fresh_url, tmp_path, "db", "current")
    assert current.returncode == 0, current.stderr
    assert "base" in current.stdout
    upgraded = leadwise(fresh_url, tmp_path, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "(head)" in upgraded.stdout
    created = leadwise(
        fresh_url,
        tmp_path,
        "users",
        "create-admin",
        "--email",
        "Admin@Example.com",
        "--password",
        PASSWORD,
        "--workspace",
        "Acme",
    )
    assert created.returncode == 0, created.stderr
    assert "admin@example.com" in created.stdout
    duplicate = leadwise(
        fresh_url,
        tmp_path,
        "users",
        "create-admin",
        "--email",
        "admin@example.com",
        "--password",
        PASSWORD,
        "--workspace",
        "Other",
    )
    assert duplicate.returncode == 1
    assert "already exists" in duplicate.stderr
    assert "Traceback" not in duplicate.stderr
    listed = leadwise(fresh_url, tmp_path, "users", "list")
    assert "admin@example.com" in listed.stdout
    down = leadwise(fresh_url, tmp_path, "db", "downgrade", "base")
    assert down.returncode == 0, down.stderr
    assert "base" in leadwise(fresh_url, tmp_path, "db", "current").stdout


def test_bad_input_gets_a_message_and_non_zero_exit(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    weak = leadwise(
        url,
        tmp_path,
        "users",
        "create-admin",
        "--email",
        "nope",
        "--password",
        "short",
        "--workspace",
        "W",
    )
    assert weak.returncode == 1
    assert "password" in weak.stderr
    assert "email" in weak.stderr
    bad_settings = leadwise(url, tmp_path, "config", "show", LEADWISE_PORT="eighty")
    assert bad_settings.returncode == 2
    assert "LEADWISE_PORT" in bad_settings.stderr
    assert "Traceback" not in bad_settings.stderr
    unreachable = leadwise("postgresql://nobody@127.0.0.1:1/none", tmp_path, "db", "current")
    assert unreachable.returncode == 1
    assert "could not read the database" in unreachable.stderr


def test_config_show_masks_secrets(tmp_path: Path):
    url = "postgresql://leads:hunter2secret@db.example:5432/leads"
    shown = leadwise(
        url,
        tmp_path,
        "config",
        "show",
        "--json",
        LEADWISE_SECRET_KEY="super-secret-value-1234567890",
        LEADWISE_REDIS_URL="redis://:redispass@cache:6379/0",
    )
    assert shown.returncode == 0, shown.stderr
    assert "hunter2secret" not in shown.stdout
    assert "super-secret-value" not in shown.stdout
    assert "redispass" not in shown.stdout
    assert "LEADWISE_DATABASE_URL" in shown.stdout
    assert "db.example" in shown.stdout


def test_version_and_help(tmp_path: Path):
    version = leadwise("sqlite://", tmp_path, "version")
    assert version.stdout.startswith("leadwise ")
    helped = leadwise("sqlite://", tmp_path, "--help")
    for command in ("serve", "worker", "db", "users", "config", "version"):
        assert command in helped.stdout


async def test_migrations_match_the_models(database_url: str):
    """The migrated schema equals the ORM metadata: a model change without a migration fails."""
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"include_name": include_name}),
                    Base.metadata,
                )
            )
    finally:
        await engine.dispose()
    assert diff == []
