"""Assignment rules hand new leads to members: round-robin or least-loaded, by source/country."""

from __future__ import annotations

from tests.conftest import Account, add_user, assert_error


async def rule(client, owner: Account, **body) -> dict:
    response = await client.post("/api/v1/assignment-rules", json=body, headers=owner.headers)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def new_lead_owner(client, owner: Account, **body) -> str | None:
    response = await client.post(
        "/api/v1/leads", json={"first_name": "L", **body}, headers=owner.headers
    )
    assert response.status_code == 201, response.text
    return response.json()["data"]["owner_id"]


async def test_round_robin_takes_turns_and_is_recorded(client, owner: Account):
    a = await add_user(client, owner, "a@example.com", "sales")
    b = await add_user(client, owner, "b@example.com", "sales")
    created = await rule(
        client, owner, name="All", strategy="round_robin", user_ids=[str(a.user_id), str(b.user_id)]
    )
    owners = [await new_lead_owner(client, owner) for _ in range(5)]
    assert owners == [str(a.user_id), str(b.user_id)] * 2 + [str(a.user_id)]
    # An explicit owner wins over the rules.
    assert await new_lead_owner(client, owner, owner_id=str(owner.user_id)) == str(owner.user_id)
    lead = (await client.get("/api/v1/leads", headers=owner.headers)).json()["data"][1]
    timeline = await client.get(f"/api/v1/leads/{lead['id']}/activities", headers=owner.headers)
    event = next(e for e in timeline.json()["data"] if e["kind"] == "assignment")
    assert event["data"]["rule_id"] == created["id"]
    assert event["actor_id"] is None


async def test_least_loaded_and_conditions(client, owner: Account):
    a = await add_user(client, owner, "a@example.com", "sales")
    b = await add_user(client, owner, "b@example.com", "sales")
    for _ in range(2):
        await client.post(
            "/api/v1/leads",
            json={"first_name": "Busy", "owner_id": str(a.user_id)},
            headers=owner.headers,
        )
    await rule(
        client,
        owner,
        name="German API leads",
        strategy="round_robin",
        user_ids=[str(a.user_id)],
        sources=["api"],
        countries=["de"],
        position=0,
    )
    await rule(
        client,
        owner,
        name="Everything else",
        strategy="least_loaded",
        user_ids=[str(a.user_id), str(b.user_id)],
        position=1,
    )
    assert await new_lead_owner(client, owner, source="api", country="DE") == str(a.user_id)
    assert await new_lead_owner(client, owner, source="api", country="FR") == str(b.user_id)
    assert await new_lead_owner(client, owner) == str(b.user_id)  # b: 2 open, a: 3


async def test_rules_only_name_members_and_need_permission(client, owner: Account):
    other = await client.post("/api/v1/workspaces", json={"name": "O"}, headers=owner.headers)
    stranger = await add_user(
        client, owner, "x@example.com", "sales", workspace_id=other.json()["data"]["id"]
    )
    response = await client.post(
        "/api/v1/assignment-rules",
        json={"name": "R", "strategy": "round_robin", "user_ids": [str(stranger.user_id)]},
        headers=owner.headers,
    )
    assert assert_error(response, 422)["details"]["field"] == "user_ids"
    sales = await add_user(client, owner, "s@example.com", "sales")
    forbidden = await client.post(
        "/api/v1/assignment-rules",
        json={"name": "R", "strategy": "round_robin", "user_ids": [str(sales.user_id)]},
        headers=sales.headers,
    )
    assert_error(forbidden, 403)
    created = await rule(
        client, owner, name="R", strategy="round_robin", user_ids=[str(sales.user_id)]
    )
    url = f"/api/v1/assignment-rules/{created['id']}"
    paused = await client.patch(url, json={"is_active": False}, headers=owner.headers)
    assert paused.json()["data"]["is_active"] is False
    assert await new_lead_owner(client, owner) is None
    assert (await client.delete(url, headers=owner.headers)).is_success
    assert (await client.get("/api/v1/assignment-rules", headers=owner.headers)).json()[
        "data"
    ] == []
