"""The pipeline: default stages, CRUD, ordering and the rules that keep it usable."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import select

from leadwise.models import Lead, Stage
from tests.conftest import Account, add_user, assert_error


async def stages(client, account: Account) -> list[dict]:
    response = await client.get("/api/v1/stages", headers=account.headers)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


async def test_default_pipeline_appears_on_first_use(client, owner: Account):
    listed = await stages(client, owner)
    assert [(s["name"], s["kind"]) for s in listed] == [
        ("New", "open"),
        ("Contacted", "open"),
        ("Qualified", "open"),
        ("Proposal", "open"),
        ("Won", "won"),
        ("Lost", "lost"),
    ]
    assert [s["position"] for s in listed] == list(range(6))
    assert [s["id"] for s in await stages(client, owner)] == [s["id"] for s in listed]


async def test_concurrent_first_reads_create_one_pipeline(client, db, owner: Account):
    answers = await asyncio.gather(*(stages(client, owner) for _ in range(4)))
    assert all(len(a) == 6 for a in answers)
    async with db.sessionmaker() as session:
        assert len(list(await session.scalars(select(Stage)))) == 6


async def test_create_rename_recolor(client, owner: Account):
    created = await client.post(
        "/api/v1/stages", json={"name": "Demo", "color": "#3b82f6"}, headers=owner.headers
    )
    assert created.status_code == 201, created.text
    stage = created.json()["data"]
    assert (stage["kind"], stage["position"]) == ("open", 6)
    renamed = await client.patch(
        f"/api/v1/stages/{stage['id']}", json={"name": "Demo booked"}, headers=owner.headers
    )
    assert renamed.json()["data"]["name"] == "Demo booked"
    duplicate = await client.post("/api/v1/stages", json={"name": "won"}, headers=owner.headers)
    assert assert_error(duplicate, 409)["details"]["field"] == "name"
    bad_color = await client.post(
        "/api/v1/stages", json={"name": "X", "color": "blue"}, headers=owner.headers
    )
    assert assert_error(bad_color, 422)["details"]["errors"][0]["field"] == "body.color"


async def test_reorder_needs_every_stage_once(client, owner: Account):
    ids = [s["id"] for s in await stages(client, owner)]
    reordered = await client.post(
        "/api/v1/stages/reorder", json={"stage_ids": ids[::-1]}, headers=owner.headers
    )
    assert [s["id"] for s in reordered.json()["data"]] == ids[::-1]
    assert [s["id"] for s in await stages(client, owner)] == ids[::-1]
    for wrong in (ids[:-1], [*ids, ids[0]], [*ids[:-1], str(uuid.uuid4())]):
        response = await client.post(
            "/api/v1/stages/reorder", json={"stage_ids": wrong}, headers=owner.headers
        )
        assert assert_error(response, 422)["details"]["field"] == "stage_ids"
    assert [s["id"] for s in await stages(client, owner)] == ids[::-1]


async def test_last_open_stage_stays(client, owner: Account):
    listed = await stages(client, owner)
    open_ids = [s["id"] for s in listed if s["kind"] == "open"]
    for stage_id in open_ids[:-1]:
        deleted = await client.delete(f"/api/v1/stages/{stage_id}", headers=owner.headers)
        assert deleted.status_code == 200, deleted.text
    last = open_ids[-1]
    error = assert_error(await client.delete(f"/api/v1/stages/{last}", headers=owner.headers), 409)
    assert error["details"]["reason"] == "last_open_stage"
    to_won = await client.patch(
        f"/api/v1/stages/{last}", json={"kind": "won"}, headers=owner.headers
    )
    assert_error(to_won, 409)


async def test_stage_with_leads_needs_a_target(client, db, owner: Account):
    listed = await stages(client, owner)
    contacted, qualified = listed[1]["id"], listed[2]["id"]
    async with db.unit_of_work() as session:
        session.add_all(
            Lead(workspace_id=owner.workspace_id, first_name=f"L{i}", stage_id=uuid.UUID(contacted))
            for i in range(3)
        )
    refused = await client.delete(f"/api/v1/stages/{contacted}", headers=owner.headers)
    assert assert_error(refused, 409)["details"] == {"leads": 3, "field": "move_to"}
    to_itself = await client.delete(
        f"/api/v1/stages/{contacted}", params={"move_to": contacted}, headers=owner.headers
    )
    assert_error(to_itself, 422)
    moved = await client.delete(
        f"/api/v1/stages/{contacted}", params={"move_to": qualified}, headers=owner.headers
    )
    assert moved.status_code == 200, moved.text
    async with db.sessionmaker() as session:
        stage_ids = set(await session.scalars(select(Lead.stage_id)))
    assert stage_ids == {uuid.UUID(qualified)}


async def test_sales_read_but_do_not_change_the_pipeline(client, owner: Account):
    sales = await add_user(client, owner, "s@example.com", "sales")
    assert len(await stages(client, sales)) == 6
    response = await client.post("/api/v1/stages", json={"name": "X"}, headers=sales.headers)
    assert assert_error(response, 403)["details"]["missing_permissions"] == ["settings:manage"]
