"""New records checked against the workspace as they arrive: form submissions follow their
form's policy for the same email and flag probable duplicates; leads created through the API
are flagged too; and the batch functions the import calls."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select

from leadwise.dedupe import keys, repository, service
from leadwise.dedupe.repository import LEADS_PER_KEY
from leadwise.models import CandidateSource, Lead, LeadMatchKey
from tests.capture.conftest import make_form
from tests.conftest import Account, assert_error
from tests.dedupe.support import (
    create_lead,
    get_lead,
    pair_of,
    queue,
    run_scan,
    timeline_events,
)

KATHERINE = {
    "first_name": "Katherine",
    "last_name": "Johnson",
    "email": "k.johnson@nasa-langley.example",
    "company_name": "NASA Langley",
}


async def submit(client, form: dict, **body):
    return await client.post(f"/api/v1/public/forms/{form['public_id']}/submit", json=body)


async def lead_count(db) -> int:
    async with db.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Lead)) or 0)


async def test_a_typo_duplicate_is_flagged_at_capture(client, owner: Account):
    existing = await create_lead(client, owner, **KATHERINE)
    form = await make_form(client, owner, allowed_fields=[*KATHERINE])
    response = await submit(
        client,
        form,
        first_name="Kathrine",
        last_name="Johnson",
        email="k.jonhson@nasa-langley.example",
        company_name="NASA Langley Inc",
    )
    assert response.status_code == 201, response.text
    new_id = response.json()["data"]["lead_id"]
    assert new_id != existing["id"]
    namesake = await submit(
        client,
        form,
        first_name="Katherine",
        last_name="Johnson",
        email="kj@blue-origin.example",
        company_name="Blue Origin",
    )
    assert namesake.status_code == 201
    [flagged] = await queue(client, owner)
    assert pair_of(flagged) == {existing["id"], new_id}
    assert flagged["source"] == "capture"
    assert flagged["probability"] >= 0.9
    reasons = {r["field"]: r for r in flagged["explanation"]}
    assert reasons["email"]["level"].startswith("typo")
    assert reasons["last_name"]["level"] == "exact"


async def test_the_same_email_is_flagged_by_default(client, db, owner: Account):
    existing = await create_lead(client, owner, first_name="Ada", email="ada@engines.example")
    form = await make_form(client, owner)
    assert form["duplicate_policy"] == "flag"
    response = await submit(client, form, first_name="Augusta", email="ADA@Engines.example")
    assert response.status_code == 201
    assert await lead_count(db) == 2
    [flagged] = await queue(client, owner)
    assert pair_of(flagged) == {existing["id"], response.json()["data"]["lead_id"]}
    assert flagged["source"] == "capture"


async def test_the_merge_policy_adds_the_submission_to_the_existing_lead(
    client, db, owner: Account
):
    existing = await create_lead(
        client, owner, first_name="Ada", email="ada@engines.example", tags=["vip"]
    )
    form = await make_form(
        client,
        owner,
        allowed_fields=["first_name", "email", "phone", "country", "message"],
        duplicate_policy="merge",
        tags=["webinar"],
    )
    response = await submit(
        client,
        form,
        first_name="Augusta",
        email="ADA@engines.example",
        phone="020 7946 0958",
        country="GB",
        message="Please call me back.",
    )
    assert response.status_code == 201, response.text
    result = response.json()["data"]
    assert result["lead_id"] == existing["id"]
    assert await lead_count(db) == 1
    lead = (await get_lead(client, owner, existing["id"])).json()["data"]
    assert lead["first_name"] == "Ada"  # what the lead has is never overwritten
    assert lead["phone_e164"] == "+442079460958"
    assert lead["country"] == "GB"
    assert lead["tags"] == ["vip", "webinar"]
    events = await timeline_events(client, owner, existing["id"])
    changes = {e["data"]["field"] for e in events if e["kind"] == "field_change"}
    assert changes == {"phone_raw", "country", "tags"}
    submitted = [e for e in events if e["data"].get("event") == "form_submitted"]
    assert submitted[-1]["data"]["added_to_existing_lead"] is True
    assert any(e["kind"] == "note" and e["body"] == "Please call me back." for e in events)
    assert await queue(client, owner) == []
    # Typing a known email must not open the existing lead to editing.
    edit = await client.put(
        f"/api/v1/public/leads/{existing['id']}",
        json={"first_name": "Mallory"},
        headers={"X-Edit-Token": result["edit_token"]},
    )
    assert_error(edit, 403, "INVALID_EDIT_TOKEN")
    # The same submission again (a retry with its Idempotency-Key) answers as the first time.
    retried = [
        await client.post(
            f"/api/v1/public/forms/{form['public_id']}/submit",
            json={"first_name": "Augusta", "email": "ADA@engines.example"},
            headers={"Idempotency-Key": "retry-1"},
        )
        for _ in range(2)
    ]
    assert [r.status_code for r in retried] == [201, 201], retried[1].text
    assert retried[1].json()["data"]["lead_id"] == existing["id"]
    assert await lead_count(db) == 1
    other = await submit(client, form, first_name="Grace", email="grace@navy.example")
    assert other.json()["data"]["lead_id"] != existing["id"]
    assert await lead_count(db) == 2


async def test_the_create_policy_creates_without_flagging(client, db, owner: Account):
    await create_lead(client, owner, first_name="Ada", last_name="King", email="ada@x.example")
    form = await make_form(
        client,
        owner,
        allowed_fields=["first_name", "last_name", "email"],
        duplicate_policy="create",
    )
    response = await submit(client, form, first_name="Ada", last_name="King", email="ada@x.example")
    assert response.status_code == 201
    assert await lead_count(db) == 2
    assert await queue(client, owner) == []
    bad = await client.patch(
        f"/api/v1/forms/{form['id']}", json={"duplicate_policy": "sometimes"}, headers=owner.headers
    )
    assert_error(bad, 422, "VALIDATION_ERROR")


async def test_leads_created_through_the_api_are_checked(client, owner: Account):
    first = await create_lead(client, owner, **KATHERINE)
    second = await create_lead(
        client, owner, **{**KATHERINE, "email": "K.Johnson@nasa-langley.example"}
    )
    [flagged] = await queue(client, owner)
    assert pair_of(flagged) == {first["id"], second["id"]}
    assert flagged["source"] == "api"
    # An import checks its own rows, with its own policy.
    await create_lead(client, owner, **KATHERINE, source="import")
    assert len(await queue(client, owner)) == 1


async def test_keys_follow_changes_of_a_lead(client, db, owner: Account):
    lead = await create_lead(client, owner, first_name="Ada", email="ada@old.example")
    form = await make_form(client, owner, duplicate_policy="merge")
    changed = await client.patch(
        f"/api/v1/leads/{lead['id']}", json={"email": "ada@new.example"}, headers=owner.headers
    )
    assert changed.status_code == 200
    to_new = await submit(client, form, email="ada@new.example")
    assert to_new.json()["data"]["lead_id"] == lead["id"]
    to_old = await submit(client, form, email="ada@old.example")
    assert to_old.json()["data"]["lead_id"] != lead["id"]
    assert await lead_count(db) == 2


async def test_the_batch_functions_for_imports(client, db, owner: Account):
    ada = await create_lead(client, owner, first_name="Ada", last_name="Lovelace", email="ada@e.io")
    grace = await create_lead(
        client, owner, first_name="Grace", last_name="Hopper", email="grace@navy.example"
    )
    records = [
        {"first_name": "Ada", "last_name": "Lovelace", "email_normalized": "ada@e.io"},
        {"first_name": "Grace", "last_name": "Hoper", "email_normalized": "grace@navy.example"},
        {"first_name": "Nobody", "last_name": "Here", "email_normalized": "no@where.example"},
    ]
    async with db.unit_of_work() as session:
        found = await service.find_probable(session, owner.workspace_id, records)
    assert [[str(d.lead_id) for d in per_record] for per_record in found] == [
        [ada["id"]],
        [grace["id"]],
        [],
    ]
    assert found[0][0].explanation["email"]["level"] == "exact"
    assert found[0][0].probability > 0.99
    grace_id, ada_id = found[1][0].lead_id, found[0][0].lead_id
    async with db.unit_of_work() as session:
        for _ in range(2):  # flagging twice makes one pair
            await service.flag(
                session,
                owner.workspace_id,
                grace_id,
                ada_id,
                probability=0.95,
                explanation={},
                source=CandidateSource.IMPORT,
            )
    [pair] = await queue(client, owner)
    assert pair["source"] == "import"
    rejected = await client.post(f"/api/v1/duplicates/{pair['id']}/reject", headers=owner.headers)
    assert rejected.status_code == 200
    async with db.unit_of_work() as session:
        await service.flag(
            session,
            owner.workspace_id,
            ada_id,
            grace_id,
            probability=0.99,
            explanation={},
            source=CandidateSource.IMPORT,
        )
    assert await queue(client, owner) == []
    assert [c["status"] for c in await queue(client, owner, status="rejected")] == ["rejected"]


async def test_a_scan_gives_older_leads_their_keys(client, db, owner: Account):
    """Leads stored before keys existed (or under older engine keys) are found once a scan
    has stored their keys."""
    lead = await create_lead(client, owner, **KATHERINE)
    async with db.unit_of_work() as session:
        await session.execute(delete(LeadMatchKey))
    record = {**KATHERINE, "first_name": "Kathrine"}
    async with db.sessionmaker() as session:
        assert await service.find_probable(session, owner.workspace_id, [record]) == [[]]
    job = await run_scan(client, db, owner)
    assert job["counts"]["keys_refreshed"] == 1
    async with db.sessionmaker() as session:
        [[found]] = await service.find_probable(session, owner.workspace_id, [record])
    assert str(found.lead_id) == lead["id"]
    again = await run_scan(client, db, owner)
    assert again["counts"]["keys_refreshed"] == 0  # unchanged keys are left alone


async def test_a_common_key_yields_its_newest_live_holders(client, db, owner: Account):
    """A key shared by more leads than a check reads (a common surname at a big employer) gives
    the newest live ones, from one bounded lookup per key."""
    made = [
        await create_lead(
            client, owner, first_name=f"Sam{n}", last_name="Smith", email=f"s{n}@bigco.example"
        )
        for n in range(2 * LEADS_PER_KEY + 3)  # more than one lookup reads
    ]
    deleted = made[-2]["id"]
    gone = await client.delete(f"/api/v1/leads/{deleted}", headers=owner.headers)
    assert gone.status_code in (200, 204), gone.text
    async with db.unit_of_work() as session:
        record = {"last_name": "Smith", "email": "x@bigco.example"}
        [key] = [k for k in keys.keys_of([record])[0] if k.startswith("surname+email domain:")]
        holders, fields = await repository.leads_sharing(
            session, owner.workspace_id, [key, "email:nobody@nowhere.example"]
        )
    newest_live = [uuid.UUID(lead["id"]) for lead in reversed(made) if lead["id"] != deleted]
    assert list(holders) == [key]
    assert holders[key] == newest_live[:LEADS_PER_KEY]
    assert set(fields) >= set(holders[key])


async def test_deleted_leads_take_their_keys_with_them(client, db, owner: Account):
    """The keys have no foreign key to their lead (it cost the import a lookup per key); a
    trigger deletes them with the lead, one lead at a time or many in one statement."""
    ada, grace, alan = [
        await create_lead(client, owner, first_name=first, last_name=last, email=email)
        for first, last, email in [
            ("Ada", "Lovelace", "ada@e.io"),
            ("Grace", "Hopper", "grace@navy.example"),
            ("Alan", "Turing", "alan@bletchley.example"),
        ]
    ]

    async def keys_per_lead() -> dict[str, int]:
        async with db.sessionmaker() as session:
            rows = await session.execute(
                select(LeadMatchKey.lead_id, func.count()).group_by(LeadMatchKey.lead_id)
            )
            return {str(lead_id): count for lead_id, count in rows}

    before = await keys_per_lead()
    assert set(before) == {ada["id"], grace["id"], alan["id"]}
    assert min(before.values()) >= 3  # email and name keys at least

    url = f"/api/v1/leads/{ada['id']}"
    assert (await client.delete(url, params={"hard": "true"}, headers=owner.headers)).is_success
    assert await keys_per_lead() == {
        grace["id"]: before[grace["id"]],
        alan["id"]: before[alan["id"]],
    }

    async with db.unit_of_work() as session:  # as an import's revert deletes its leads
        await session.execute(
            delete(Lead).where(Lead.id.in_([uuid.UUID(grace["id"]), uuid.UUID(alan["id"])]))
        )
    assert await keys_per_lead() == {}
