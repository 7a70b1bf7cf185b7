"""Merging leads through the API: field-by-field choices, everything that belongs to the merged
leads moves to the survivor, and undo puts every column, tag, activity and attachment back."""

from __future__ import annotations

import uuid

from sqlalchemy import update

from leadwise.models import Lead
from tests.attachments import files
from tests.conftest import Account, add_user, assert_error
from tests.dedupe.support import create_lead, get_lead, raw_state, timeline_events


async def merge(client, account: Account, survivor: str, *merged: str, **body) -> dict:
    response = await client.post(
        "/api/v1/merges",
        json={"survivor_id": survivor, "merged_ids": list(merged), **body},
        headers=account.headers,
    )
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def undo(client, account: Account, merge_id: str, **body):
    return await client.post(
        f"/api/v1/merges/{merge_id}/undo", json=body or None, headers=account.headers
    )


async def two_of_ada(client, owner: Account) -> tuple[dict, dict]:
    await client.post(
        "/api/v1/custom-fields",
        json={"key": "seats", "label": "Seats", "type": "number"},
        headers=owner.headers,
    )
    survivor = await create_lead(
        client,
        owner,
        first_name="Ada",
        last_name="Lovelace",
        email="ada@analytical-engines.co.uk",
        company_name="Analytical Engines",
        tags=["vip"],
        custom_fields={"seats": 40},
    )
    duplicate = await create_lead(
        client,
        owner,
        first_name="Ada",
        last_name="Lovelace",
        email="ada.lovelace@gmail.com",
        phone="+44 20 7946 0958",
        job_title="Countess of Lovelace",
        city="London",
        tags=["conference"],
        custom_fields={"seats": 45},
    )
    return survivor, duplicate


async def test_merge_moves_everything_and_undo_restores_it_exactly(client, db, owner: Account):
    survivor, duplicate = await two_of_ada(client, owner)
    note = await client.post(
        f"/api/v1/leads/{duplicate['id']}/activities",
        json={"kind": "call", "body": "Wants a demo"},
        headers=owner.headers,
    )
    assert note.status_code == 201, note.text
    uploaded = await client.post(
        f"/api/v1/leads/{duplicate['id']}/attachments",
        files=[("file", ("cv.pdf", files.pdf(), "application/pdf"))],
        headers=owner.headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    attachment_id = uploaded.json()["data"][0]["id"]
    # A score and a verification only the duplicate has, set as their engines would.
    async with db.unit_of_work() as session:
        await session.execute(
            update(Lead)
            .where(Lead.id == uuid.UUID(duplicate["id"]))
            .values(score=72, score_breakdown={"rules": 72}, verification_status="valid")
        )
    ids = [survivor["id"], duplicate["id"]]
    before = await raw_state(db, ids)

    merged = await merge(client, owner, survivor["id"], duplicate["id"])
    assert merged["survivor_id"] == survivor["id"]
    assert merged["merged_ids"] == [duplicate["id"]]
    assert merged["undone_at"] is None
    assert set(merged["before"]["leads"]) == set(ids)
    lead = (await get_lead(client, owner, survivor["id"])).json()["data"]
    # survivor_first: the survivor keeps its values, empty ones are filled from the duplicate.
    assert lead["email"] == "ada@analytical-engines.co.uk"
    assert lead["phone_e164"] == "+442079460958"
    assert lead["job_title"] == "Countess of Lovelace"
    assert lead["city"] == "London"
    assert lead["custom_fields"] == {"seats": 40}
    assert lead["tags"] == ["conference", "vip"]
    assert lead["score"] == 72
    # The verification was of the other address: it does not follow to this one.
    assert lead["verification_status"] is None
    assert (await get_lead(client, owner, duplicate["id"])).status_code == 404
    binned = await client.get("/api/v1/leads", params={"deleted": "true"}, headers=owner.headers)
    assert [item["id"] for item in binned.json()["data"]] == [duplicate["id"]]
    restore = await client.post(f"/api/v1/leads/{duplicate['id']}/restore", headers=owner.headers)
    assert_error(restore, 409, "LEAD_MERGED")
    events = await timeline_events(client, owner, survivor["id"])
    assert any(e["kind"] == "call" and e["body"] == "Wants a demo" for e in events)
    assert events[-1]["data"]["event"] == "merged"
    assert events[-1]["data"]["merge_id"] == merged["id"]
    files_now = await client.get(
        f"/api/v1/leads/{survivor['id']}/attachments", headers=owner.headers
    )
    assert [a["id"] for a in files_now.json()["data"]] == [attachment_id]
    after_merge = await raw_state(db, ids)
    assert after_merge["leads"][duplicate["id"]]["merged_into_id"] == uuid.UUID(survivor["id"])
    assert after_merge["leads"][duplicate["id"]]["deleted_at"] is not None

    undone = await undo(client, owner, merged["id"])
    assert undone.status_code == 200, undone.text
    assert undone.json()["data"]["undone_at"] is not None
    assert await raw_state(db, ids) == before
    for lead_id in ids:
        last = (await timeline_events(client, owner, lead_id))[-1]
        assert last["data"] == {"event": "merge_undone", "merge_id": merged["id"], "forced": False}
    again = await undo(client, owner, merged["id"])
    assert_error(again, 409, "MERGE_ALREADY_UNDONE")
    assert await raw_state(db, ids) == before


async def test_each_field_strategy(client, owner: Account):
    old = await create_lead(
        client, owner, first_name="Bob", last_name="Smith", job_title="CTO", city="Leeds"
    )
    middle = await create_lead(
        client, owner, first_name="Robert", last_name="Smith", job_title="Chief Technology Officer"
    )
    new = await create_lead(client, owner, first_name="Rob", last_name="Smithe", city="York")
    changed = await client.patch(
        f"/api/v1/leads/{new['id']}", json={"company_name": "Smith & Sons"}, headers=owner.headers
    )
    assert changed.status_code == 200  # now the most recently updated
    merged = await merge(
        client,
        owner,
        old["id"],
        middle["id"],
        new["id"],
        fields={
            "first_name": "most_complete",
            "last_name": "most_recent",
            "job_title": middle["id"],
            "city": {"value": "Manchester"},
            "website": {"value": "https://smith.example"},
        },
        default="most_recent",
    )
    lead = (await get_lead(client, owner, old["id"])).json()["data"]
    assert lead["first_name"] == "Robert"  # the longest
    assert lead["last_name"] == "Smithe"  # from the most recently updated lead
    assert lead["job_title"] == "Chief Technology Officer"  # from the chosen lead
    assert lead["city"] == "Manchester"  # typed
    assert lead["website"] == "https://smith.example"
    assert lead["company_name"] == "Smith & Sons"  # the default: most recent with a value
    fields = merged["fields"]
    assert fields["first_name"] == {
        "choice": "most_complete",
        "lead_id": middle["id"],
        "value": "Robert",
    }
    assert fields["job_title"]["choice"] == "lead"
    assert fields["city"] == {"choice": "manual", "value": "Manchester"}


async def test_do_not_contact_and_typed_contact_data(client, owner: Account):
    first = await create_lead(client, owner, first_name="Eve", email="eve@example.org")
    second = await create_lead(
        client, owner, first_name="Eve", email="eve@example.net", do_not_contact=True
    )
    await merge(
        client,
        owner,
        first["id"],
        second["id"],
        fields={
            "email": {"value": "  Eve@Example.COM "},
            "country": {"value": "gb"},
            "phone": {"value": "020 7946 0958"},
        },
    )
    lead = (await get_lead(client, owner, first["id"])).json()["data"]
    assert lead["do_not_contact"] is True  # anyone who asked not to be contacted stays so
    assert lead["email"] == "Eve@Example.COM"
    assert lead["email_normalized"] == "Eve@example.com"
    assert lead["country"] == "GB"
    assert lead["phone_e164"] == "+442079460958"  # read in the merged lead's country


async def test_bad_merges_are_refused_and_change_nothing(client, db, owner: Account):
    a = await create_lead(client, owner, first_name="Ann", email="ann@example.org")
    b = await create_lead(client, owner, first_name="Ann", email="ann@example.net")
    c = await create_lead(client, owner, first_name="Ann", email="ann@example.com")
    before = await raw_state(db, [a["id"], b["id"], c["id"]])

    async def refused(status: int, code: str, **body) -> dict:
        response = await client.post("/api/v1/merges", json=body, headers=owner.headers)
        return assert_error(response, status, code)

    await refused(422, "MERGE_INTO_ITSELF", survivor_id=a["id"], merged_ids=[a["id"]])
    await refused(422, "VALIDATION_ERROR", survivor_id=a["id"], merged_ids=[])
    await refused(422, "VALIDATION_ERROR", survivor_id=a["id"], merged_ids=[b["id"], b["id"]])
    unknown = await refused(
        422, "VALIDATION_ERROR", survivor_id=a["id"], merged_ids=[b["id"]], fields={"colour": "x"}
    )
    assert unknown["details"]["unknown"] == ["colour"]
    stranger = str(uuid.uuid4())
    bad_choice = await refused(
        422,
        "VALIDATION_ERROR",
        survivor_id=a["id"],
        merged_ids=[b["id"]],
        fields={"city": stranger},
    )
    assert bad_choice["details"]["field"] == "fields.city"
    await refused(
        422,
        "VALIDATION_ERROR",
        survivor_id=a["id"],
        merged_ids=[b["id"]],
        fields={"email": {"value": "not an email"}},
    )
    await refused(
        422,
        "VALIDATION_ERROR",
        survivor_id=a["id"],
        merged_ids=[b["id"]],
        fields={"owner_id": {"value": str(owner.user_id)}},
    )
    await refused(422, "VALIDATION_ERROR", survivor_id=a["id"], merged_ids=[b["id"]], default="x")
    await refused(404, "NOT_FOUND", survivor_id=a["id"], merged_ids=[stranger])
    theirs = await lead_elsewhere(client, owner)
    await refused(404, "NOT_FOUND", survivor_id=a["id"], merged_ids=[theirs["id"]])
    deleted = await client.delete(f"/api/v1/leads/{c['id']}", headers=owner.headers)
    assert deleted.status_code == 200
    await refused(409, "LEAD_DELETED", survivor_id=a["id"], merged_ids=[c["id"]])
    state = await raw_state(db, [a["id"], b["id"]])
    assert state["leads"] == {k: v for k, v in before["leads"].items() if k != c["id"]}
    await merge(client, owner, a["id"], b["id"])
    await refused(409, "LEAD_ALREADY_MERGED", survivor_id=b["id"], merged_ids=[a["id"]])
    sales = await add_user(client, owner, "sales@example.com", "sales")
    forbidden = await client.post(
        "/api/v1/merges",
        json={"survivor_id": a["id"], "merged_ids": [c["id"]]},
        headers=sales.headers,
    )
    assert_error(forbidden, 403, "FORBIDDEN")
    listed = await client.get("/api/v1/merges", headers=sales.headers)  # reading is allowed
    assert [m["survivor_id"] for m in listed.json()["data"]] == [a["id"]]


async def lead_elsewhere(client, owner: Account) -> dict:
    """A lead of another workspace of the same owner."""
    response = await client.post(
        "/api/v1/workspaces", json={"name": "Elsewhere"}, headers=owner.headers
    )
    assert response.status_code == 201, response.text
    created = await client.post(
        "/api/v1/leads",
        json={"first_name": "Ann"},
        headers=owner.in_workspace(response.json()["data"]["id"]),
    )
    assert created.status_code == 201, created.text
    return dict(created.json()["data"])


async def test_undo_refuses_to_lose_later_work(client, db, owner: Account):
    a = await create_lead(client, owner, first_name="Kim", last_name="Lee", email="kim@a.org")
    b = await create_lead(client, owner, first_name="Kim", last_name="Lee", email="kim@b.org")
    c = await create_lead(client, owner, first_name="Kim", last_name="Lee", email="kim@c.org")
    d = await create_lead(client, owner, first_name="Kim", last_name="Lee", email="kim@d.org")
    ids = [a["id"], b["id"], c["id"], d["id"]]
    start = await raw_state(db, ids)
    first = await merge(client, owner, a["id"], b["id"])
    second = await merge(client, owner, a["id"], c["id"])
    assert_error(await undo(client, owner, first["id"]), 409, "LATER_MERGE_EXISTS")
    assert (await undo(client, owner, second["id"])).status_code == 200
    assert (await undo(client, owner, first["id"])).status_code == 200
    assert await raw_state(db, ids) == start

    third = await merge(client, owner, a["id"], b["id"])
    onward = await merge(client, owner, d["id"], a["id"])
    refused = assert_error(await undo(client, owner, third["id"]), 409, "SURVIVOR_MERGED")
    assert refused["details"]["merged_into_id"] == d["id"]
    assert (await undo(client, owner, onward["id"])).status_code == 200

    edited = await client.patch(
        f"/api/v1/leads/{a['id']}", json={"job_title": "Founder"}, headers=owner.headers
    )
    assert edited.status_code == 200
    changed = assert_error(await undo(client, owner, third["id"]), 409, "SURVIVOR_CHANGED")
    assert changed["details"]["fields"] == ["job_title"]
    forced = await undo(client, owner, third["id"], force=True)
    assert forced.status_code == 200, forced.text
    state = await raw_state(db, ids)
    assert state["leads"] == start["leads"]
    assert state["tags"] == start["tags"]
    missing = await client.post(f"/api/v1/merges/{uuid.uuid4()}/undo", headers=owner.headers)
    assert_error(missing, 404, "NOT_FOUND")


async def test_company_link_moves_when_the_survivor_has_none(client, owner: Account):
    private = await create_lead(
        client, owner, first_name="Grace", last_name="Hopper", email="grace@gmail.com"
    )
    work = await create_lead(
        client, owner, first_name="Grace", last_name="Hopper", email="grace@cobol.example"
    )
    assert work["company_id"] is not None
    assert private["company_id"] is None
    merged = await merge(client, owner, private["id"], work["id"])
    lead = (await get_lead(client, owner, private["id"])).json()["data"]
    assert lead["company_id"] == work["company_id"]
    assert (await undo(client, owner, merged["id"])).status_code == 200
    lead = (await get_lead(client, owner, private["id"])).json()["data"]
    assert lead["company_id"] is None
    read = await client.get(f"/api/v1/merges/{merged['id']}", headers=owner.headers)
    assert read.json()["data"]["undone_by_id"] == str(owner.user_id)
