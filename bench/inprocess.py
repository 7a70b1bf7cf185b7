"""CPU per request of the leads endpoints, in one process, without a network or other load.

wrk figures on this 2-core VM move by ±20% from run to run (the bare app's own rate too), which
hides a change worth 10%. This drives the ASGI app directly (httpx's ASGI transport), one
request at a time, and reads the process's CPU time: the app's and its database driver's
work per request, with the database server's CPU left out. Use it to compare two versions of
the code; use bench/leads.sh for throughput.

    .venv/bin/python bench/inprocess.py                         # SQLite in a temp dir
    .venv/bin/python bench/inprocess.py --postgres postgresql://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/inprocess.py --profile list          # cProfile of one endpoint

Seeds 100,000 leads like bench/seed_leads.py (one through the API, the rest copied from it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

DATABASE = "leadwise_bench_inprocess"


async def fresh_postgres(url: str) -> str:
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        await admin.execute(f"CREATE DATABASE {DATABASE}")
    finally:
        await admin.close()
    return url.rsplit("/", 1)[0] + f"/{DATABASE}"


@contextlib.asynccontextmanager
async def app_as_owner(
    name: str, postgres: str | None
) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str]]]:
    """The ASGI app on a fresh database (a temp dir, or a new database on `postgres`), set up
    with an owner: a client that drives it in-process and the owner's auth headers."""
    os.environ.update(
        {
            "LEADWISE_DATA_DIR": tempfile.mkdtemp(prefix=f"leadwise-{name}-"),
            "LEADWISE_SECRET_KEY": f"{name}-benchmark-secret-key-0123456789",
            "LEADWISE_LOG__LEVEL": "WARNING",
            "LEADWISE_RATE_LIMIT__ENABLED": "false",
        }
    )
    if postgres:
        os.environ["LEADWISE_DATABASE_URL"] = await fresh_postgres(postgres)
    # Imported once the environment is set: settings are read on import.
    from leadwise.config import get_settings
    from leadwise.core.migrate import upgrade
    from leadwise.main import create_app

    await asyncio.to_thread(upgrade, get_settings())
    app = create_app()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            setup = await client.post(
                "/api/v1/setup",
                json={
                    "email": "o@example.org",
                    "password": "a long passphrase",
                    "workspace_name": "B",
                },
            )
            assert setup.status_code in (200, 201), setup.text
            token = setup.json()["data"]["tokens"]["access_token"]
            yield client, {"Authorization": f"Bearer {token}"}


@contextlib.asynccontextmanager
async def app_with_leads(
    name: str, postgres: str | None, count: int
) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str]]]:
    """`app_as_owner` holding `count` leads: one made through the API, the rest copied from it
    (bench/seed_leads.py)."""
    async with app_as_owner(name, postgres) as (client, headers):
        # Imported once the environment is set: settings are read on import.
        from seed_leads import seed

        first = await client.post(
            "/api/v1/leads",
            json={"first_name": "Ada", "last_name": "Lovelace", "email": "lead0@example.org"},
            headers=headers,
        )
        assert first.status_code == 201, first.text
        await seed(count - 1)
        yield client, headers


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="server URL; a fresh database is made on it")
    parser.add_argument("--seed", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--profile", choices=["list", "create"])
    parser.add_argument("--only", choices=["health", "list", "create"], help="one endpoint")
    parser.add_argument("--callers", help="also print who calls functions matching this")
    parser.add_argument("--sort", default="tottime", help="pstats order (tottime, cumulative)")
    args = parser.parse_args()

    async with app_with_leads("inprocess", args.postgres, args.seed) as (client, headers):
        counter = iter(range(1, 10**9))

        async def list_leads() -> None:
            response = await client.get("/api/v1/leads?limit=50", headers=headers)
            assert response.status_code == 200

        async def create_lead() -> None:
            number = next(counter)
            response = await client.post(
                "/api/v1/leads",
                json={
                    "first_name": "Bea",
                    "last_name": f"N{number}",
                    "email": f"bea{number}@example.org",
                    "source": "api",
                },
                headers=headers,
            )
            assert response.status_code == 201, response.text

        async def health() -> None:
            assert (await client.get("/health")).status_code == 200

        operations = {"health": health, "list": list_leads, "create": create_lead}
        if args.profile:
            operation = operations[args.profile]
            for _ in range(100):
                await operation()
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.requests):
                await operation()
            profiler.disable()
            stats = pstats.Stats(profiler).sort_stats(args.sort)
            stats.print_stats(45)
            if args.callers:
                stats.print_callers(args.callers)
            return
        backend = "postgresql" if args.postgres else "sqlite"
        print(f"{backend}, {args.requests} requests each after 100 warm-up, one at a time")
        print("| endpoint | CPU ms/request | wall ms/request |")
        print("|---|---:|---:|")
        for name, operation in operations.items():
            if args.only and name != args.only:
                continue
            for _ in range(100):
                await operation()
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(args.requests):
                await operation()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            cpu_ms, wall_ms = cpu * 1000 / args.requests, wall * 1000 / args.requests
            print(f"| {name} | {cpu_ms:.2f} | {wall_ms:.2f} |")


if __name__ == "__main__":
    asyncio.run(main())
