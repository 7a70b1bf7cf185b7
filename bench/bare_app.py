"""The floor for bench/leads.sh: bare FastAPI + asyncpg, one statement per request, no auth.

    BARE_DATABASE_URL=postgresql://... BARE_WORKSPACE_ID=<uuid> \
        uvicorn --app-dir bench bare_app:app --workers 2 --no-access-log

`bare_leads` is a copy of the seeded `leads` table (bench/leads.sh makes it), so both apps
answer with the same rows; the Leadwise/bare ratio is then the cost of everything Leadwise does
on top (authentication, validation, the stage and company, the timeline entry, the ORM).
"""

import json
import os
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from fastapi import FastAPI
from pydantic import BaseModel

WORKSPACE_ID = os.environ["BARE_WORKSPACE_ID"]
pools: dict[str, asyncpg.Pool] = {}


async def jsonb_as_objects(connection: asyncpg.Connection) -> None:
    await connection.set_type_codec(
        "jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
    )


@asynccontextmanager
async def lifespan(_app: FastAPI):  # the same pool size per worker as Leadwise's default
    pools["db"] = await asyncpg.create_pool(
        os.environ["BARE_DATABASE_URL"], max_size=20, init=jsonb_as_objects
    )
    yield
    await pools["db"].close()


app = FastAPI(lifespan=lifespan)


@app.get("/health")  # for the start-up wait in bench/lib.sh
async def health() -> dict[str, str]:
    return {"status": "ok"}


class LeadIn(BaseModel):
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    source: str = "manual"


@app.post("/leads", status_code=201)
async def create_lead(lead: LeadIn) -> dict[str, Any]:
    normalized = lead.email.lower() if lead.email else None
    row = await pools["db"].fetchrow(
        "INSERT INTO bare_leads (workspace_id, first_name, last_name, email, email_normalized,"
        " source) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *",
        WORKSPACE_ID, lead.first_name, lead.last_name, lead.email, normalized, lead.source,
    )  # fmt: skip
    return dict(row)


@app.get("/leads")
async def list_leads(limit: int = 50) -> list[dict[str, Any]]:
    rows = await pools["db"].fetch(
        "SELECT * FROM bare_leads WHERE workspace_id = $1 AND deleted_at IS NULL"
        " ORDER BY created_at DESC, id DESC LIMIT $2",
        WORKSPACE_ID, limit,
    )  # fmt: skip
    return [dict(row) for row in rows]
