"""First run: the first owner and workspace, once."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from leadwise.models import Membership, User, Workspace
from tests.conftest import PASSWORD, assert_error, setup_owner

SETUP = {"email": "a@example.com", "password": PASSWORD, "workspace_name": "Acme"}


async def test_setup_status_flips_after_setup(client):
    assert (await client.get("/api/v1/setup")).json()["data"] == {"setup_required": True}
    await setup_owner(client)
    assert (await client.get("/api/v1/setup")).json()["data"] == {"setup_required": False}


async def test_setup_returns_owner_workspace_and_tokens(client):
    response = await client.post("/api/v1/setup", json={**SETUP, "email": "Ada@Example.com"})
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert data["user"]["email"] == "ada@example.com"
    assert data["workspace"]["name"] == "Acme"
    assert data["tokens"]["token_type"] == "bearer"
    me = await client.get(
        "/api/v1/users/me",
        headers={"Authorization": f"Bearer {data['tokens']['access_token']}"},
    )
    assert me.json()["data"]["role"] == "owner"


async def test_second_setup_is_409_and_changes_nothing(client, db):
    await setup_owner(client)
    again = await client.post("/api/v1/setup", json={**SETUP, "email": "intruder@example.com"})
    assert_error(again, 409, "CONFLICT")
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 1
        assert await session.scalar(select(func.count()).select_from(Workspace)) == 1


async def test_racing_setups_create_exactly_one_owner(client, db):
    bodies = [{**SETUP, "email": f"racer{i}@example.com"} for i in range(4)]
    answers = await asyncio.gather(*(client.post("/api/v1/setup", json=b) for b in bodies))
    assert sorted(a.status_code for a in answers) == [201, 409, 409, 409]
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 1
        assert await session.scalar(select(func.count()).select_from(Membership)) == 1


async def test_setup_validation_names_each_field(client, db):
    response = await client.post(
        "/api/v1/setup", json={"email": "not-an-email", "password": "short", "workspace_name": ""}
    )
    error = assert_error(response, 422, "VALIDATION_ERROR")
    fields = {e["field"] for e in error["details"]["errors"]}
    assert fields == {"body.email", "body.password", "body.workspace_name"}
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 0


async def test_setup_rejects_simple_passwords_and_unknown_fields(client):
    weak = await client.post("/api/v1/setup", json={**SETUP, "password": "aaaaaaaaaaaa"})
    assert_error(weak, 422)
    extra = await client.post("/api/v1/setup", json={**SETUP, "is_admin": True})
    error = assert_error(extra, 422)
    assert error["details"]["errors"][0]["field"] == "body.is_admin"


async def test_setup_rejects_huge_and_malformed_bodies(client):
    huge = await client.post("/api/v1/setup", json={**SETUP, "password": "x" * 10_000})
    assert_error(huge, 422)
    broken = await client.post(
        "/api/v1/setup", content=b'{"email": ', headers={"content-type": "application/json"}
    )
    assert_error(broken, 422, "VALIDATION_ERROR")
