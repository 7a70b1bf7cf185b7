"""Custom fields: typed definitions, and lead values checked against them."""

from __future__ import annotations

import pytest

from tests.conftest import Account, add_user, assert_error


async def define(client, account: Account, **body) -> dict:
    response = await client.post("/api/v1/custom-fields", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


@pytest.fixture
async def fields(client, owner: Account) -> dict[str, dict]:
    return {
        "budget": await define(client, owner, key="budget", label="Budget", type="number"),
        "tier": await define(
            client, owner, key="tier", label="Tier", type="select", options=["gold", "silver"]
        ),
        "renewal": await define(client, owner, key="renewal", label="Renewal", type="date"),
        "partner": await define(client, owner, key="partner", label="Partner", type="boolean"),
        "notes": await define(client, owner, key="notes", label="Notes", type="text"),
    }


async def test_values_are_checked_by_type(client, owner: Account, fields):
    good = await client.post(
        "/api/v1/leads",
        json={
            "first_name": "Ada",
            "custom_fields": {
                "budget": 12000.5,
                "tier": "gold",
                "renewal": "2027-01-31",
                "partner": True,
                "notes": "met at a fair",
            },
        },
        headers=owner.headers,
    )
    assert good.status_code == 201, good.text
    assert good.json()["data"]["custom_fields"]["renewal"] == "2027-01-31"
    for key, value in [
        ("budget", "lots"),
        ("budget", True),
        ("tier", "bronze"),
        ("renewal", "31/01/2027"),
        ("partner", "yes"),
        ("nonexistent", 1),
    ]:
        response = await client.post(
            "/api/v1/leads",
            json={"first_name": "X", "custom_fields": {key: value}},
            headers=owner.headers,
        )
        assert assert_error(response, 422)["details"]["field"] == f"custom_fields.{key}"


async def test_update_merges_removes_and_records(client, owner: Account, fields):
    lead = (
        await client.post(
            "/api/v1/leads",
            json={"first_name": "Ada", "custom_fields": {"budget": 1, "tier": "gold"}},
            headers=owner.headers,
        )
    ).json()["data"]
    url = f"/api/v1/leads/{lead['id']}"
    patched = await client.patch(
        url, json={"custom_fields": {"budget": 2, "tier": None}}, headers=owner.headers
    )
    assert patched.json()["data"]["custom_fields"] == {"budget": 2}
    timeline = (await client.get(f"{url}/activities", headers=owner.headers)).json()["data"]
    change = next(e for e in timeline if e["kind"] == "field_change")
    assert change["data"] == {
        "field": "custom_fields",
        "old": {"budget": 1, "tier": "gold"},
        "new": {"budget": 2},
    }


async def test_required_fields(client, owner: Account):
    await define(client, owner, key="region", label="Region", type="text", required=True)
    missing = await client.post("/api/v1/leads", json={"first_name": "A"}, headers=owner.headers)
    assert assert_error(missing, 422)["details"]["field"] == "custom_fields.region"


async def test_definitions_crud_and_rules(client, owner: Account, fields):
    listed = (await client.get("/api/v1/custom-fields", headers=owner.headers)).json()["data"]
    assert {f["key"] for f in listed} == set(fields)
    duplicate = await client.post(
        "/api/v1/custom-fields",
        json={"key": "budget", "label": "B", "type": "text"},
        headers=owner.headers,
    )
    assert assert_error(duplicate, 409)["details"]["field"] == "key"
    no_options = await client.post(
        "/api/v1/custom-fields",
        json={"key": "size", "label": "S", "type": "select"},
        headers=owner.headers,
    )
    assert assert_error(no_options, 422)["details"]["field"] == "options"
    bad_key = await client.post(
        "/api/v1/custom-fields",
        json={"key": "Bad Key", "label": "S", "type": "text"},
        headers=owner.headers,
    )
    assert_error(bad_key, 422)
    url = f"/api/v1/custom-fields/{fields['tier']['id']}"
    patched = await client.patch(
        url, json={"options": ["gold", "silver", "bronze"], "label": "Level"}, headers=owner.headers
    )
    assert patched.json()["data"]["options"] == ["gold", "silver", "bronze"]
    type_change = await client.patch(url, json={"type": "text"}, headers=owner.headers)
    assert_error(type_change, 422)
    assert (await client.delete(url, headers=owner.headers)).is_success
    assert_error(await client.get(url, headers=owner.headers), 404)
    sales = await add_user(client, owner, "s@example.com", "sales")
    forbidden = await client.post(
        "/api/v1/custom-fields",
        json={"key": "x", "label": "X", "type": "text"},
        headers=sales.headers,
    )
    assert_error(forbidden, 403)
