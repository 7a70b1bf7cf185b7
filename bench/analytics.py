"""Wall time of the analytics endpoints (the dashboard's five reports) over 100,000 leads.

    .venv/bin/python bench/analytics.py                         # SQLite in a temp dir
    .venv/bin/python bench/analytics.py --postgres postgresql://postgres@127.0.0.1:5432/test

One lead is made through the API (the default pipeline comes with it); the rest copy its
columns with a source, a stage, a verification status and a creation time spread over the last
365 days, and a third of them get two stage-change entries in their timeline (the funnel reads
those). Each endpoint is asked for the whole year (weekly buckets for the time series), 5 times
after one warm-up; the median is printed. Drives the ASGI app in-process (no network).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inprocess import app_as_owner

SOURCES = ["form", "email", "import", "api", "crawl", "manual"]
STATUSES = [None, "valid", "invalid", "accept_all", "unknown", "disposable"]
PATHS = ["leads-over-time", "funnel", "stage-ageing", "verification", "sources"]


async def seed(count: int) -> None:
    from seed_leads import columns_of
    from sqlalchemy import insert, select, text

    from leadwise.config import load_settings
    from leadwise.core.clock import utcnow
    from leadwise.core.db import Database
    from leadwise.core.ids import uuid7
    from leadwise.models import Activity, ActivityKind, Lead, Stage

    settings = load_settings()
    database = Database(settings)
    started = time.perf_counter()
    try:
        async with database.unit_of_work() as session:
            template = columns_of((await session.scalars(select(Lead))).one())
            stages = list(await session.scalars(select(Stage).order_by(Stage.position)))
            now = utcnow()
            for start in range(0, count, 5_000):
                leads: list[dict[str, Any]] = []
                moves: list[dict[str, Any]] = []
                for number in range(start, min(start + 5_000, count)):
                    lead_id = uuid7()
                    created = now - timedelta(minutes=(number * 5257) % (365 * 24 * 60))
                    stage = stages[number % len(stages)]
                    leads.append(
                        template
                        | {
                            "id": lead_id,
                            "email": f"lead{number}@example.org",
                            "email_normalized": f"lead{number}@example.org",
                            "source": SOURCES[number % len(SOURCES)],
                            "stage_id": stage.id,
                            "verification_status": STATUSES[number % len(STATUSES)],
                            "created_at": created,
                            "updated_at": created,
                            "stage_changed_at": created + (now - created) / 2,
                        }
                    )
                    if number % 3 == 0:
                        for step in stages[1:3]:
                            moves.append(
                                {
                                    "id": uuid7(),
                                    "workspace_id": template["workspace_id"],
                                    "lead_id": lead_id,
                                    "kind": ActivityKind.STAGE_CHANGE,
                                    "data": {"to_stage_id": str(step.id), "to_stage": step.name},
                                    "occurred_at": created,
                                    "created_at": created,
                                }
                            )
                await session.execute(insert(Lead), leads)
                await session.execute(insert(Activity), moves)
        if not settings.is_sqlite:
            async with database.engine.begin() as connection:
                await connection.execute(text("ANALYZE leads, activities"))
    finally:
        await database.dispose()
    print(f"seeded {count} leads in {time.perf_counter() - started:.1f}s")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="server URL; a fresh database is made on it")
    parser.add_argument("--seed", type=int, default=100_000)
    args = parser.parse_args()
    async with app_as_owner("analytics", args.postgres) as (client, headers):
        first = await client.post("/api/v1/leads", json={"first_name": "A"}, headers=headers)
        assert first.status_code == 201, first.text
        await seed(args.seed - 1)
        backend = "postgresql" if args.postgres else "sqlite"
        print(f"{backend}, {args.seed} leads, last 365 days, median of 5 after 1 warm-up")
        print("| endpoint | ms |")
        print("|---|---:|")
        for path in PATHS:
            params = {"start": (datetime.now(UTC).date() - timedelta(days=364)).isoformat()}
            if path == "leads-over-time":
                params["bucket"] = "week"
            times = []
            for attempt in range(6):
                began = time.perf_counter()
                response = await client.get(
                    f"/api/v1/analytics/{path}", params=params, headers=headers
                )
                assert response.status_code == 200, response.text
                if attempt:
                    times.append((time.perf_counter() - began) * 1000)
            print(f"| `{path}` | {statistics.median(times):.0f} |")


if __name__ == "__main__":
    asyncio.run(main())
