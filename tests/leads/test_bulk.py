"""Bulk changes: by ids or by filter, through the same rules (and timeline) as one lead."""

from __future__ import annotations

from tests.conftest import Account, add_user, assert_error


async def make_leads(client, owner: Account, count: int, **body) -> list[str]:
    ids = []
    for index in range(count):
        response = await client.post(
            "/api/v1/leads", json={"first_name": f"L{index}", **body}, headers=owner.headers
        )
        assert response.status_code == 201, response.text
        ids.append(response.json()["data"]["id"])
    return ids


async def bulk(client, account: Account, **body):
    return await client.post("/api/v1/leads/bulk", json=body, headers=account.headers)


async def test_bulk_update_by_ids(client, owner: Account):
    sales = await add_user(client, owner, "s@example.com", "sales")
    ids = await make_leads(client, owner, 3, tags=["old"])
    pipeline = (await client.get("/api/v1/stages", headers=owner.headers)).json()["data"]
    qualified = next(s["id"] for s in pipeline if s["name"] == "Qualified")
    response = await bulk(
        client,
        owner,
        action="update",
        ids=ids[:2],
        changes={
            "stage_id": qualified,
            "owner_id": str(sales.user_id),
            "add_tags": ["Hot"],
            "remove_tags": ["old"],
        },
    )
    assert response.json()["data"] == {"matched": 2, "changed": 2}, response.text
    for lead_id, touched in zip(ids, [True, True, False], strict=True):
        lead = (await client.get(f"/api/v1/leads/{lead_id}", headers=owner.headers)).json()["data"]
        assert (lead["stage_id"] == qualified) is touched
        assert lead["tags"] == (["hot"] if touched else ["old"])
    timeline = await client.get(f"/api/v1/leads/{ids[0]}/activities", headers=owner.headers)
    kinds = {e["kind"] for e in timeline.json()["data"]}
    assert {"stage_change", "assignment", "field_change"} <= kinds


async def test_bulk_delete_by_filter(client, owner: Account):
    doomed = await make_leads(client, owner, 2, tags=["spam"])
    kept = await make_leads(client, owner, 1)
    response = await bulk(client, owner, action="delete", filter={"tag": "spam"})
    assert response.json()["data"] == {"matched": 2, "changed": 2}
    listed = (await client.get("/api/v1/leads", headers=owner.headers)).json()["data"]
    assert [lead["id"] for lead in listed] == kept
    trash = await client.get("/api/v1/leads", params={"deleted": "true"}, headers=owner.headers)
    assert sorted(lead["id"] for lead in trash.json()["data"]) == sorted(doomed)


async def test_bulk_rules(client, owner: Account):
    ids = await make_leads(client, owner, 1)
    both = await bulk(client, owner, action="delete", ids=ids, filter={"tag": "x"})
    assert assert_error(both, 422)["details"]["field"] == "ids"
    neither = await bulk(client, owner, action="delete")
    assert_error(neither, 422)
    no_changes = await bulk(client, owner, action="update", ids=ids)
    assert assert_error(no_changes, 422)["details"]["field"] == "changes"
    pipeline = (await client.get("/api/v1/stages", headers=owner.headers)).json()["data"]
    lost = next(s["id"] for s in pipeline if s["kind"] == "lost")
    no_reason = await bulk(client, owner, action="update", ids=ids, changes={"stage_id": lost})
    assert assert_error(no_reason, 422)["details"]["field"] == "lost_reason"
    sales = await add_user(client, owner, "s@example.com", "sales")
    forbidden = await bulk(client, sales, action="delete", ids=ids)
    assert assert_error(forbidden, 403)["details"]["missing_permissions"] == ["leads:delete"]
    still = await client.get(f"/api/v1/leads/{ids[0]}", headers=owner.headers)
    assert still.status_code == 200
