"""The scan and the review queue: a scan of the workspace (run by the job runner) fills the queue
with explained pairs, most probable first; users accept (merge) or reject them, one by one or in
bulk, and a rejected pair is never proposed again."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from leadwise.config import get_settings
from leadwise.core.clock import utcnow
from leadwise.dedupe import handlers, repository
from leadwise.jobs import runner
from leadwise.models import DedupeModel, DuplicateCandidate, Job
from tests.conftest import Account, add_user, assert_error
from tests.dedupe.support import create_lead, get_lead, pair_of, queue, run_scan

PEOPLE = [
    ("Ada", "Lovelace", "Analytical Engines", "London"),
    ("Grace", "Hopper", "Navy Labs", "Arlington"),
    ("Alan", "Turing", "Bletchley", "Manchester"),
    ("Linus", "Torvalds", "Kernel Org", "Portland"),
    ("Margaret", "Hamilton", "Apollo Systems", "Boston"),
    ("Edsger", "Dijkstra", "Eindhoven Uni", "Austin"),
    ("Barbara", "Liskov", "MIT", "Boston"),
    ("Donald", "Knuth", "Stanford", "Palo Alto"),
    ("Frances", "Allen", "IBM Research", "New York"),
    ("John", "McCarthy", "Lisp Inc", "Palo Alto"),
    ("Katherine", "Johnson", "NASA Langley", "Hampton"),
    ("Dennis", "Ritchie", "Bell Labs", "Murray Hill"),
]
# Second entries of some of them: typos, another address, a company with its legal form.
DUPLICATES = {
    "Ada": {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada.lovelace@analyticalengines.example",
        "company_name": "Analytical Engines Ltd",
        "city": "London",
    },
    "Grace": {
        "first_name": "Grace",
        "last_name": "Hoper",
        "email": "grace.hoper@navylabs.example",
        "company_name": "Navy Labs",
        "city": "Arlington",
    },
    "Alan": {
        "first_name": "Alan",
        "last_name": "Turing",
        "email": "alan.turing@gmail.com",
        "city": "Manchester",
        "phone": "+44 20 7940 0002",
    },
    "Dennis": {
        "first_name": "Dennis",
        "last_name": "Richie",
        "email": "dennis.ritchie@belllabs.example",
        "company_name": "Bell Labs",
        "city": "Murray Hill",
    },
}


async def workspace_of_people(client, owner: Account) -> dict[str, list[str]]:
    """Twelve people, four of them twice; lead ids by first name, the original first. Created
    as an import would (source `import`): imports check duplicates themselves, so nothing is
    flagged before the scan."""
    ids: dict[str, list[str]] = {}
    for index, (first, last, company, city) in enumerate(PEOPLE):
        domain = company.lower().replace(" ", "") + ".example"
        lead = await create_lead(
            client,
            owner,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower()}@{domain}",
            company_name=company,
            city=city,
            phone=f"+44 20 7940 {index:04d}",
            source="import",
        )
        ids[first] = [lead["id"]]
    for first, fields in DUPLICATES.items():
        ids[first].append((await create_lead(client, owner, **fields, source="import"))["id"])
    return ids


def pairs_of(ids: dict[str, list[str]], *names: str) -> set[frozenset[str]]:
    return {frozenset(ids[name]) for name in names}


async def candidate_rows(db) -> int:
    async with db.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(DuplicateCandidate)) or 0)


async def test_a_scan_fills_the_queue_most_probable_first_with_reasons(client, db, owner: Account):
    ids = await workspace_of_people(client, owner)
    assert await queue(client, owner) == []
    job = await run_scan(client, db, owner)
    assert job["status"] == "succeeded"
    assert job["result"]["leads"] == 16
    assert job["result"]["proposed"] == 4
    found = await queue(client, owner)
    assert {pair_of(c) for c in found} == pairs_of(ids, *DUPLICATES)
    probabilities = [c["probability"] for c in found]
    assert probabilities == sorted(probabilities, reverse=True)
    for candidate in found:
        assert candidate["status"] == "open"
        assert candidate["source"] == "scan"
        assert candidate["scan_job_id"] == job["id"]
        assert candidate["group_id"] is not None
        assert candidate["probability"] >= 0.9
        weights = [abs(reason["weight"]) for reason in candidate["explanation"]]
        assert weights == sorted(weights, reverse=True)
        assert {r["field"] for r in candidate["explanation"]} >= {"first_name", "last_name"}
        assert {lead["first_name"] for lead in candidate["leads"]} <= {p[0] for p in PEOPLE}
    grace = next(c for c in found if pair_of(c) == frozenset(ids["Grace"]))
    reasons = {r["field"]: r for r in grace["explanation"]}
    assert reasons["email"]["level"].startswith("typo")
    assert reasons["email"]["weight"] > 0
    assert reasons["first_name"]["level"] == "exact"
    # Pages of one item walk the same order.
    walked, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        response = await client.get("/api/v1/duplicates", params=params, headers=owner.headers)
        walked += response.json()["data"]
        cursor = response.json()["meta"]["next_cursor"]
        if cursor is None:
            break
    assert [c["id"] for c in walked] == [c["id"] for c in found]
    of_alan = await client.get(f"/api/v1/leads/{ids['Alan'][0]}/duplicates", headers=owner.headers)
    assert [pair_of(c) for c in of_alan.json()["data"]] == [frozenset(ids["Alan"])]
    filtered = await queue(client, owner, lead_id=ids["Ada"][1])
    assert [pair_of(c) for c in filtered] == [frozenset(ids["Ada"])]
    assert await queue(client, owner, min_probability=1.0) == [
        c for c in found if c["probability"] >= 1.0
    ]
    async with db.sessionmaker() as session:
        model = await session.scalar(select(DedupeModel))
    assert model is not None
    assert model.records == 16
    assert model.parameters["fields"][0] == ["first_name", "name"]


async def test_a_rejected_pair_is_never_proposed_again(client, db, owner: Account):
    ids = await workspace_of_people(client, owner)
    await run_scan(client, db, owner)
    grace = next(c for c in await queue(client, owner) if pair_of(c) == frozenset(ids["Grace"]))
    rejected = await client.post(f"/api/v1/duplicates/{grace['id']}/reject", headers=owner.headers)
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["data"]["status"] == "rejected"
    assert rejected.json()["data"]["decided_by_id"] == str(owner.user_id)
    assert frozenset(ids["Grace"]) not in {pair_of(c) for c in await queue(client, owner)}
    # Even more alike now, the pair stays rejected through the next scan and new checks.
    await client.patch(
        f"/api/v1/leads/{ids['Grace'][1]}", json={"last_name": "Hopper"}, headers=owner.headers
    )
    await run_scan(client, db, owner)
    assert frozenset(ids["Grace"]) not in {pair_of(c) for c in await queue(client, owner)}
    still = await queue(client, owner, status="rejected")
    assert [c["id"] for c in still] == [grace["id"]]
    assert await candidate_rows(db) == 4  # the second scan updated, it did not add
    again = await client.post(f"/api/v1/duplicates/{grace['id']}/reject", headers=owner.headers)
    assert again.status_code == 200  # rejecting twice changes nothing


async def test_accept_merges_and_undo_reopens_the_pair(client, db, owner: Account):
    ids = await workspace_of_people(client, owner)
    await run_scan(client, db, owner)
    ada = next(c for c in await queue(client, owner) if pair_of(c) == frozenset(ids["Ada"]))
    accepted = await client.post(f"/api/v1/duplicates/{ada['id']}/accept", headers=owner.headers)
    assert accepted.status_code == 201, accepted.text
    merge = accepted.json()["data"]
    assert merge["survivor_id"] == ids["Ada"][0]  # the older lead survives
    assert (await get_lead(client, owner, ids["Ada"][1])).status_code == 404
    done = await queue(client, owner, status="merged")
    assert [(c["id"], c["merge_id"]) for c in done] == [(ada["id"], merge["id"])]
    assert_error(
        await client.post(f"/api/v1/duplicates/{ada['id']}/accept", headers=owner.headers),
        409,
        "CANDIDATE_DECIDED",
    )
    assert_error(
        await client.post(f"/api/v1/duplicates/{ada['id']}/reject", headers=owner.headers),
        409,
        "CANDIDATE_DECIDED",
    )
    undone = await client.post(f"/api/v1/merges/{merge['id']}/undo", headers=owner.headers)
    assert undone.status_code == 200, undone.text
    reopened = next(c for c in await queue(client, owner) if c["id"] == ada["id"])
    assert reopened["merge_id"] is None
    assert reopened["decided_at"] is None
    chosen = await client.post(
        f"/api/v1/duplicates/{ada['id']}/accept",
        json={"survivor_id": ids["Ada"][1], "fields": {"company_name": "most_complete"}},
        headers=owner.headers,
    )
    assert chosen.status_code == 201, chosen.text
    survivor = (await get_lead(client, owner, ids["Ada"][1])).json()["data"]
    assert survivor["company_name"] == "Analytical Engines Ltd"
    outsider = await client.post(
        f"/api/v1/duplicates/{ada['id']}/accept",
        json={"survivor_id": ids["Grace"][0]},
        headers=owner.headers,
    )
    assert_error(outsider, 409, "CANDIDATE_DECIDED")
    grace = next(c for c in await queue(client, owner) if pair_of(c) == frozenset(ids["Grace"]))
    not_in_pair = await client.post(
        f"/api/v1/duplicates/{grace['id']}/accept",
        json={"survivor_id": ids["Ada"][0]},
        headers=owner.headers,
    )
    assert_error(not_in_pair, 422, "VALIDATION_ERROR")
    missing = await client.post(f"/api/v1/duplicates/{uuid.uuid4()}/accept", headers=owner.headers)
    assert_error(missing, 404, "NOT_FOUND")


async def test_bulk_decisions_all_or_nothing_and_groups_merge_once(client, db, owner: Account):
    ids = await workspace_of_people(client, owner)
    third = await create_lead(
        client,
        owner,
        first_name="Ada",
        last_name="Lovelace",
        email="ada.lovelace@analytical-engines.example",
        company_name="Analytical Engines",
        city="London",
        source="import",
    )
    await run_scan(client, db, owner)
    found = await queue(client, owner)
    by_pair = {pair_of(c): c for c in found}
    ada = [c for c in found if pair_of(c) <= {*ids["Ada"], third["id"]}]
    assert len(ada) >= 2
    unknown = await client.post(
        "/api/v1/duplicates/bulk",
        json={
            "action": "reject",
            "ids": [by_pair[frozenset(ids["Alan"])]["id"], str(uuid.uuid4())],
        },
        headers=owner.headers,
    )
    assert_error(unknown, 404, "NOT_FOUND")
    assert await queue(client, owner) == found  # nothing half-done
    rejected = await client.post(
        "/api/v1/duplicates/bulk",
        json={
            "action": "reject",
            "ids": [by_pair[frozenset(ids["Alan"])]["id"], by_pair[frozenset(ids["Dennis"])]["id"]],
        },
        headers=owner.headers,
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["data"] == {"accepted": 0, "rejected": 2, "merge_ids": [], "skipped": []}
    accepted = await client.post(
        "/api/v1/duplicates/bulk",
        json={"action": "accept", "ids": [c["id"] for c in ada]},
        headers=owner.headers,
    )
    assert accepted.status_code == 200, accepted.text
    result = accepted.json()["data"]
    assert result["accepted"] == len(ada)
    assert len(result["merge_ids"]) == 1  # one group, one merge
    merge = (
        await client.get(f"/api/v1/merges/{result['merge_ids'][0]}", headers=owner.headers)
    ).json()["data"]
    assert merge["survivor_id"] == ids["Ada"][0]
    assert sorted(merge["merged_ids"]) == sorted([ids["Ada"][1], third["id"]])
    again = await client.post(
        "/api/v1/duplicates/bulk",
        json={"action": "accept", "ids": [ada[0]["id"]]},
        headers=owner.headers,
    )
    assert again.json()["data"]["skipped"] == [ada[0]["id"]]


async def test_who_may_review(client, db, owner: Account):
    await workspace_of_people(client, owner)
    await run_scan(client, db, owner)
    candidate = (await queue(client, owner))[0]
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    sales = await add_user(client, owner, "sales@example.com", "sales")
    assert [c["id"] for c in await queue(client, viewer)] == [
        c["id"] for c in await queue(client, owner)
    ]
    for account in (viewer, sales):
        for path in (
            f"/api/v1/duplicates/{candidate['id']}/reject",
            f"/api/v1/duplicates/{candidate['id']}/accept",
            "/api/v1/duplicates/scan",
        ):
            assert_error(await client.post(path, headers=account.headers), 403, "FORBIDDEN")
    first = await client.post("/api/v1/duplicates/scan", headers=owner.headers)
    assert first.status_code == 202
    second = await client.post("/api/v1/duplicates/scan", headers=owner.headers)
    error = assert_error(second, 409, "SCAN_RUNNING")
    assert error["details"]["job_id"] == first.json()["data"]["id"]
    bad = await client.post(
        "/api/v1/duplicates/scan", json={"threshold": 1.5}, headers=owner.headers
    )
    assert_error(bad, 422, "VALIDATION_ERROR")
    assert_error(
        await client.get("/api/v1/duplicates", params={"status": "maybe"}, headers=owner.headers),
        422,
    )
    assert_error(
        await client.get(f"/api/v1/leads/{uuid.uuid4()}/duplicates", headers=owner.headers),
        404,
        "NOT_FOUND",
    )


async def test_a_scan_that_fails_midway_is_retried_without_duplicates(
    client, db, owner: Account, monkeypatch
):
    ids = await workspace_of_people(client, owner)
    monkeypatch.setattr(handlers, "WRITE_CHUNK", 1)
    real_upsert = repository.upsert_open_candidates
    calls = 0

    async def failing_upsert(session, rows):
        nonlocal calls
        calls += 1
        await real_upsert(session, rows)
        if calls == 3:  # the third chunk is written, then the connection drops
            raise OperationalError("INSERT", {}, ConnectionError("server closed the connection"))

    monkeypatch.setattr(repository, "upsert_open_candidates", failing_upsert)
    started = await client.post("/api/v1/duplicates/scan", headers=owner.headers)
    job_id = uuid.UUID(started.json()["data"]["id"])
    first = await runner.run_job(db, get_settings(), job_id)
    assert first.status == "queued"  # to be retried
    assert await candidate_rows(db) == 2  # the first two chunks committed, the third rolled back
    async with db.unit_of_work() as session:  # the retry's backoff is over
        await session.execute(update(Job).where(Job.id == job_id).values(heartbeat_at=utcnow()))
    second = await runner.run_job(db, get_settings(), job_id)
    assert second.status == "succeeded"
    assert await candidate_rows(db) == 4
    assert {pair_of(c) for c in await queue(client, owner)} == pairs_of(ids, *DUPLICATES)
