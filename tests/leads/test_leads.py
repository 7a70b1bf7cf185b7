"""Leads: create with normalised contact data, read, list with filters and cursors, update,
delete and restore, stage moves, owners, and the timeline they leave."""

from __future__ import annotations

import uuid

from tests.conftest import Account, add_user, assert_error


async def create(client, account: Account, **body) -> dict:
    response = await client.post("/api/v1/leads", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def stages(client, account: Account) -> dict[str, str]:
    listed = (await client.get("/api/v1/stages", headers=account.headers)).json()["data"]
    return {s["name"]: s["id"] for s in listed}


async def timeline(client, account: Account, lead_id: str) -> list[dict]:
    response = await client.get(f"/api/v1/leads/{lead_id}/activities", headers=account.headers)
    assert response.status_code == 200, response.text
    return list(reversed(response.json()["data"]))  # oldest first


async def test_create_normalises_contact_data(client, owner: Account):
    lead = await create(
        client,
        owner,
        first_name="Zoë",
        email="  Zoe.Doe@Example.COM ",
        phone="020 7946 0958",
        country="gb",
        tags=["VIP", " vip", "Fintech"],
    )
    assert lead["email"] == "Zoe.Doe@Example.COM"
    assert lead["email_normalized"] == "Zoe.Doe@example.com"
    assert lead["phone_raw"] == "020 7946 0958"
    assert lead["phone_e164"] == "+442079460958"
    assert lead["country"] == "GB"
    assert lead["tags"] == ["fintech", "vip"]
    assert lead["source"] == "manual"
    assert lead["lifecycle"] == "lead"
    assert lead["stage_id"] == (await stages(client, owner))["New"]
    events = await timeline(client, owner, lead["id"])
    assert [(e["kind"], e["data"]["event"]) for e in events] == [("system", "created")]


async def test_bad_contact_data_is_422_naming_the_field(client, owner: Account):
    bad_email = await client.post(
        "/api/v1/leads", json={"email": "not-an-email"}, headers=owner.headers
    )
    assert assert_error(bad_email, 422)["details"]["field"] == "email"
    bad_phone = await client.post(
        "/api/v1/leads", json={"first_name": "A", "phone": "12"}, headers=owner.headers
    )
    assert assert_error(bad_phone, 422)["details"]["field"] == "phone"
    no_region = await client.post(
        "/api/v1/leads", json={"first_name": "A", "phone": "020 7946 0958"}, headers=owner.headers
    )
    assert assert_error(no_region, 422)["details"]["field"] == "phone"
    empty = await client.post("/api/v1/leads", json={}, headers=owner.headers)
    assert_error(empty, 422)
    bad_country = await client.post(
        "/api/v1/leads", json={"first_name": "A", "country": "GBR"}, headers=owner.headers
    )
    assert assert_error(bad_country, 422)["details"]["errors"][0]["field"] == "body.country"
    listed = (await client.get("/api/v1/leads", headers=owner.headers)).json()["data"]
    assert listed == []


async def test_list_filters_search_and_sort(client, owner: Account):
    names = ["Ada", "Bob", "Cleo", "Dan"]
    created = [
        await create(
            client,
            owner,
            first_name=name,
            last_name="Smith" if name != "Dan" else "O'Neil",
            email=f"{name.lower()}@acme.io" if name != "Cleo" else None,
            company_name="Acme 100%" if name == "Bob" else "Other",
            tags=["hot"] if name in ("Ada", "Dan") else [],
            source="api" if name == "Cleo" else "manual",
        )
        for name in names
    ]

    async def first_names(**params) -> list[str]:
        response = await client.get("/api/v1/leads", params=params, headers=owner.headers)
        assert response.status_code == 200, response.text
        return [lead["first_name"] for lead in response.json()["data"]]

    assert await first_names() == ["Dan", "Cleo", "Bob", "Ada"]  # newest first
    assert await first_names(sort="first_name") == ["Ada", "Bob", "Cleo", "Dan"]
    assert await first_names(tag="HOT") == ["Dan", "Ada"]
    assert await first_names(source="api") == ["Cleo"]
    assert await first_names(has_email="false") == ["Cleo"]
    assert await first_names(q="o'neil") == ["Dan"]
    assert await first_names(q="100%") == ["Bob"]  # % is literal, not a wildcard
    assert await first_names(q="ACME.IO", sort="first_name") == ["Ada", "Bob", "Dan"]
    assert created[0]["first_name"] == "Ada"
    bad = await client.get("/api/v1/leads", params={"sort": "password"}, headers=owner.headers)
    assert_error(bad, 422)


async def test_cursor_pages_cover_everything_once(client, owner: Account):
    for index in range(7):
        await create(client, owner, first_name=f"L{index}", last_name="Same")
    for sort in ("-created_at", "last_name", "-first_name"):
        seen, cursor = [], None
        while True:
            params = {"limit": 3, "sort": sort, **({"cursor": cursor} if cursor else {})}
            page = (await client.get("/api/v1/leads", params=params, headers=owner.headers)).json()
            seen += [lead["id"] for lead in page["data"]]
            cursor = page["meta"]["next_cursor"]
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == 7, sort
    broken = await client.get("/api/v1/leads", params={"cursor": "WyJ4Il0"}, headers=owner.headers)
    assert_error(broken, 422)


async def test_update_records_field_changes(client, owner: Account):
    lead = await create(client, owner, first_name="Ada", email="ada@acme.io")
    response = await client.patch(
        f"/api/v1/leads/{lead['id']}",
        json={"job_title": "CTO", "email": "ada@newco.io", "tags": ["b", "a"]},
        headers=owner.headers,
    )
    assert response.status_code == 200, response.text
    updated = response.json()["data"]
    assert (updated["job_title"], updated["email_normalized"]) == ("CTO", "ada@newco.io")
    assert updated["tags"] == ["a", "b"]
    changes = {
        e["data"]["field"]: (e["data"]["old"], e["data"]["new"])
        for e in await timeline(client, owner, lead["id"])
        if e["kind"] == "field_change"
    }
    assert changes == {
        "job_title": (None, "CTO"),
        "email": ("ada@acme.io", "ada@newco.io"),
        "tags": ([], ["a", "b"]),
    }
    bad = await client.patch(
        f"/api/v1/leads/{lead['id']}", json={"email": "nope"}, headers=owner.headers
    )
    assert_error(bad, 422)
    unchanged = (await client.get(f"/api/v1/leads/{lead['id']}", headers=owner.headers)).json()
    assert unchanged["data"]["email"] == "ada@newco.io"


async def test_delete_restore_and_hard_delete(client, owner: Account):
    lead = await create(client, owner, first_name="Ada")
    url = f"/api/v1/leads/{lead['id']}"
    assert (await client.delete(url, headers=owner.headers)).status_code == 200
    assert_error(await client.get(url, headers=owner.headers), 404)
    trash = await client.get("/api/v1/leads", params={"deleted": "true"}, headers=owner.headers)
    assert [item["id"] for item in trash.json()["data"]] == [lead["id"]]
    assert (await client.post(f"{url}/restore", headers=owner.headers)).status_code == 200
    assert (await client.get(url, headers=owner.headers)).status_code == 200
    manager = await add_user(client, owner, "m@example.com", "manager")
    hard = await client.delete(url, params={"hard": "true"}, headers=manager.headers)
    assert assert_error(hard, 403)["details"]["missing_permissions"] == ["leads:hard_delete"]
    assert (await client.delete(url, params={"hard": "true"}, headers=owner.headers)).is_success
    assert_error(await client.post(f"{url}/restore", headers=owner.headers), 404)


async def test_stage_moves_assignment_and_notes_in_timeline_order(client, owner: Account):
    sales = await add_user(client, owner, "s@example.com", "sales")
    lead = await create(client, owner, first_name="Ada")
    url = f"/api/v1/leads/{lead['id']}"
    pipeline = await stages(client, owner)
    moved = await client.post(
        f"{url}/stage", json={"stage_id": pipeline["Contacted"]}, headers=owner.headers
    )
    assert moved.json()["data"]["stage_id"] == pipeline["Contacted"]
    no_reason = await client.post(
        f"{url}/stage", json={"stage_id": pipeline["Lost"]}, headers=owner.headers
    )
    assert assert_error(no_reason, 422)["details"]["field"] == "lost_reason"
    assigned = await client.post(
        f"{url}/assign", json={"owner_id": str(sales.user_id)}, headers=owner.headers
    )
    assert assigned.json()["data"]["owner_id"] == str(sales.user_id)
    note = await client.post(
        f"{url}/activities", json={"body": "Called, wants a demo"}, headers=sales.headers
    )
    assert note.status_code == 201, note.text
    lost = await client.post(
        f"{url}/stage",
        json={"stage_id": pipeline["Lost"], "lost_reason": "Budget"},
        headers=owner.headers,
    )
    assert lost.json()["data"]["lost_reason"] == "Budget"
    kinds = [e["kind"] for e in await timeline(client, owner, lead["id"])]
    assert kinds == ["system", "stage_change", "assignment", "note", "stage_change"]
    stranger = await client.post(
        f"{url}/assign", json={"owner_id": str(uuid.uuid4())}, headers=owner.headers
    )
    assert assert_error(stranger, 422)["details"]["field"] == "owner_id"
    system_kind = await client.post(
        f"{url}/activities", json={"kind": "stage_change", "body": "x"}, headers=owner.headers
    )
    assert assert_error(system_kind, 422)["details"]["field"] == "kind"


async def test_roles_on_leads(client, owner: Account):
    viewer = await add_user(client, owner, "v@example.com", "viewer")
    sales = await add_user(client, owner, "s@example.com", "sales")
    lead = await create(client, sales, first_name="Ada")
    assert (await client.get(f"/api/v1/leads/{lead['id']}", headers=viewer.headers)).is_success
    assert_error(
        await client.post("/api/v1/leads", json={"first_name": "X"}, headers=viewer.headers), 403
    )
    assert_error(await client.delete(f"/api/v1/leads/{lead['id']}", headers=sales.headers), 403)
    assert_error(
        await client.post(
            f"/api/v1/leads/{lead['id']}/assign", json={"owner_id": None}, headers=sales.headers
        ),
        403,
    )


async def test_filters_by_score_range_and_verification_status(client, db, owner: Account):
    from leadwise.models import Lead

    ids = [(await create(client, owner, first_name=f"L{i}"))["id"] for i in range(4)]
    async with db.unit_of_work() as session:
        for lead_id, score, status in zip(
            ids, (10, 55, 90, None), ("valid", "accept_all", "valid", None), strict=True
        ):
            lead = await session.get(Lead, uuid.UUID(lead_id))
            lead.score, lead.verification_status = score, status

    async def names(query: str) -> list[str]:
        response = await client.get(f"/api/v1/leads?sort=first_name&{query}", headers=owner.headers)
        assert response.status_code == 200, response.text
        return [lead["first_name"] for lead in response.json()["data"]]

    assert await names("score_min=50") == ["L1", "L2"]
    assert await names("score_min=50&score_max=60") == ["L1"]
    assert await names("score_max=10") == ["L0"]
    assert await names("verification_status=valid") == ["L0", "L2"]
    assert await names("verification_status=unverified") == ["L3"]
    assert await names("verification_status=valid&score_min=50") == ["L2"]
    bad = await client.get("/api/v1/leads?verification_status=great", headers=owner.headers)
    assert assert_error(bad, 422)["details"]["field"] == "verification_status"
    # The same filter serves bulk changes.
    bulk = await client.post(
        "/api/v1/leads/bulk",
        json={
            "action": "update",
            "filter": {"verification_status": "unverified"},
            "changes": {"add_tags": ["check"]},
        },
        headers=owner.headers,
    )
    assert bulk.status_code == 200, bulk.text
    assert bulk.json()["data"]["matched"] == 1


async def test_list_items_are_exactly_what_reading_one_lead_answers(client, db, owner: Account):
    """The list is serialised from rows, without the response model: each item must still be
    what GET /leads/{id} (through the model) says about the same lead, less the enrichment."""
    await client.post(
        "/api/v1/custom-fields",
        json={"key": "seats", "label": "Seats", "type": "number"},
        headers=owner.headers,
    )
    full = await create(
        client,
        owner,
        first_name="Zoë",
        last_name="Ünal",
        email="zoe@analytical-engines.co.uk",
        phone="+44 20 7946 0958",
        tags=["b-tag", "a-tag", "ümlaut tag"],
        custom_fields={"seats": 12},
        source_details={"campaign": {"id": 7, "name": "Q4"}},
        value=125000,
        owner_id=str(owner.user_id),
    )
    bare = await create(client, owner, company_name="Nameless Ltd")
    listed = await client.get("/api/v1/leads?limit=10", headers=owner.headers)
    assert listed.status_code == 200
    body = listed.json()
    assert set(body) == {"success", "data", "meta", "message", "timestamp"}
    assert body["timestamp"].endswith("Z")
    by_id = {item["id"]: item for item in body["data"]}
    for lead in (full, bare):
        single = await client.get(f"/api/v1/leads/{lead['id']}", headers=owner.headers)
        # The lead's page also gets what enrichment found; list rows leave it out.
        detail = single.json()["data"]
        assert detail.pop("enrichment") == {}
        assert detail.pop("enriched_at") is None
        assert by_id[lead["id"]] == detail
    assert by_id[full["id"]]["tags"] == ["a-tag", "b-tag", "ümlaut tag"]
    assert by_id[bare["id"]]["tags"] == []
    bad_tag = await client.post(
        "/api/v1/leads", json={"first_name": "X", "tags": ["a\x1fb"]}, headers=owner.headers
    )
    assert assert_error(bad_tag, 422)["details"]["field"] == "tags"


async def test_stage_summary_counts_and_values_per_stage(client, owner: Account):
    stages = (await client.get("/api/v1/stages", headers=owner.headers)).json()["data"]
    first, second = stages[0]["id"], stages[1]["id"]
    made = [(100, first, "api"), (250, first, "import"), (None, second, "api")]
    for value, stage, source in made:
        created = await client.post(
            "/api/v1/leads",
            json={"first_name": "A", "value": value, "stage_id": stage, "source": source},
            headers=owner.headers,
        )
        assert created.status_code == 201, created.text
    response = await client.get("/api/v1/leads/stage-summary", headers=owner.headers)
    assert response.status_code == 200, response.text
    by_stage = {row["stage_id"]: row for row in response.json()["data"]}
    assert by_stage[first] == {"stage_id": first, "count": 2, "value": 350}
    assert by_stage[second] == {"stage_id": second, "count": 1, "value": 0}
    filtered = await client.get(
        "/api/v1/leads/stage-summary", params={"source": "api"}, headers=owner.headers
    )
    assert {row["stage_id"]: row["count"] for row in filtered.json()["data"]} == {
        first: 1,
        second: 1,
    }
