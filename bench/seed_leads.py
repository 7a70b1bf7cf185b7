"""Insert N leads straight into a benchmark server's database (bench/leads.sh, bench/profile.sh).

    LEADWISE_DATA_DIR=... [LEADWISE_DATABASE_URL=...] python bench/seed_leads.py 99999

Creating 100,000 leads through the API would take many minutes; bulk INSERTs take seconds.
The rows must still look like the API's own, or the list would be measured on different data:
so one lead is first created through the API (bench/lib.sh: create_first_lead), which also
creates what the API makes on first use (the default pipeline, the company of example.org),
and every seeded lead and its "created" timeline entry copy that lead's columns, with their
own id, names, email and timestamps. On PostgreSQL the tables are analysed afterwards, as
autovacuum would do a while after such a load.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from sqlalchemy import insert, select, text

from leadwise.config import load_settings
from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.core.ids import uuid7
from leadwise.leads.normalize import normalize_email
from leadwise.models import Activity, Lead

BATCH = 5_000


def columns_of(row: Lead | Activity) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


async def seed(count: int) -> None:
    settings = load_settings()
    database = Database(settings)
    started = time.perf_counter()
    try:
        async with database.unit_of_work() as session:
            template = (await session.scalars(select(Lead))).one()  # exactly the API's lead
            created = (
                await session.scalars(select(Activity).where(Activity.lead_id == template.id))
            ).one()
            lead_template, activity_template = columns_of(template), columns_of(created)
            # The API stores the email as entered and its normalised twin; these emails are
            # already normalised, which the first one checks.
            email = "lead{}@example.org"
            assert normalize_email(email.format(0)) == email.format(0)
            for start in range(0, count, BATCH):
                leads, activities = [], []
                for number in range(start, min(start + BATCH, count)):
                    now, lead_id = utcnow(), uuid7()
                    leads.append(
                        lead_template
                        | {
                            "id": lead_id,
                            "first_name": f"Ada{number % 1000}",
                            "last_name": f"Lovelace{number}",
                            "email": email.format(number),
                            "email_normalized": email.format(number),
                            "created_at": now,
                            "updated_at": now,
                            "stage_changed_at": now,
                        }
                    )
                    activities.append(
                        activity_template
                        | {
                            "id": uuid7(),
                            "lead_id": lead_id,
                            "occurred_at": now,
                            "created_at": now,
                        }
                    )
                await session.execute(insert(Lead), leads)
                await session.execute(insert(Activity), activities)
        if not settings.is_sqlite:
            async with database.engine.begin() as connection:
                await connection.execute(text("ANALYZE leads, activities"))
    finally:
        await database.dispose()
    print(f"seeded {count} leads in {time.perf_counter() - started:.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many leads to insert")
    asyncio.run(seed(parser.parse_args().count))


if __name__ == "__main__":
    main()
