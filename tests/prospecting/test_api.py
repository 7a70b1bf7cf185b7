"""`/crawls` on SQLite and PostgreSQL against the loopback fixture site: the crawl.site job
with its progress and result, the people added as leads (once), bad input, other workspaces
and the SSRF guard; `/leads/{id}/enrich` and enrichment when a lead is created."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from leadwise.config import get_settings
from leadwise.jobs import runner
from leadwise.models import Job, JobStatus, ScrapedData
from tests.conftest import Account, _clear_caches, add_user, assert_error
from tests.crawling.conftest import World
from tests.prospecting.conftest import PRIVATE_IP, site_url


async def run_jobs(db: Any) -> list[Job]:
    async with db.sessionmaker() as session:
        queued = list(await session.scalars(select(Job.id).where(Job.status == JobStatus.QUEUED)))
    for job_id in queued:
        await runner.run_job(db, get_settings(), job_id)
    async with db.sessionmaker() as session:
        return list(await session.scalars(select(Job).where(Job.id.in_(queued))))


async def _post(client: httpx.AsyncClient, account: Account, path: str, body: Any) -> Any:
    response = await client.post(f"/api/v1{path}", json=body, headers=account.headers)
    assert response.status_code in (200, 201, 202), response.text
    return response.json()["data"]


async def _get(client: httpx.AsyncClient, account: Account, path: str) -> Any:
    response = await client.get(f"/api/v1{path}", headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def finished_crawl(
    client: httpx.AsyncClient, owner: Account, db: Any, world: World, **body: Any
) -> dict[str, Any]:
    crawl = await _post(client, owner, "/crawls", {"url": site_url(world), **body})
    (job,) = await run_jobs(db)
    assert job.status is JobStatus.SUCCEEDED, job.error
    data: dict[str, Any] = (await _get(client, owner, f"/crawls/{crawl['id']}"))["data"]
    return data


async def test_a_crawl_runs_as_a_job_with_progress_and_a_result(
    client: httpx.AsyncClient, owner: Account, db: Any, world: World
) -> None:
    crawl = await _post(client, owner, "/crawls", {"url": site_url(world), "verify": True})
    assert (crawl["status"], crawl["pages_fetched"], crawl["result"]) == ("queued", 0, None)
    assert crawl["target"] == site_url(world)

    # The job runs here while the API is asked how far it got, as a client would poll.
    work = asyncio.create_task(runner.run_job(db, get_settings(), uuid.UUID(crawl["id"])))
    seen: list[tuple[str, int]] = []
    while not work.done():
        data = (await _get(client, owner, f"/crawls/{crawl['id']}"))["data"]
        seen.append((data["status"], data["pages_fetched"]))
        await asyncio.sleep(0.05)
    assert (await work).status == "succeeded"
    running = [pages for status, pages in seen if status == "running" and pages > 0]
    assert running, seen  # progress showed while the crawl went on

    done = (await _get(client, owner, f"/crawls/{crawl['id']}"))["data"]
    assert done["status"] == "succeeded"
    result = done["result"]
    assert done["pages_fetched"] == result["stats"]["pages_fetched"] >= max(running)
    assert done["progress"] == 100
    assert result["site"] == result["company_domain"] == "acme.lwtest"
    assert result["company"]["name"]["value"] == "Acme Robotics GmbH"
    assert result["company"]["name"]["sources"][0]["method"] == "json-ld"
    people = {person["name"]: person for person in result["people"]}
    assert people["Anna Schmidt"]["emails"] == ["anna.schmidt@acme.lwtest"]
    tom = people["Tom Becker"]["generated_email"]
    assert (tom["email"], tom["status"]) == ("tom.becker@acme.lwtest", "valid")
    assert tom["tried"][0]["verification"]["status"] == "valid"
    assert people["Jonas Weber"]["generated_email"]["status"] == "invalid"  # refused
    emails = {fact["value"]: fact for fact in result["emails"]}
    anna = emails["anna.schmidt@acme.lwtest"]
    assert anna["sources"][0]["method"] == "mailto"
    assert anna["sources"][0]["url"].startswith(site_url(world))
    assert anna["verification"]["status"] == "valid"
    assert emails["presse@acme.lwtest"]["verification"]["status"] == "invalid"
    pattern = result["email_pattern"]
    assert (pattern["pattern"], pattern["domain"], pattern["confidence"]) == (
        "{first}.{last}", "acme.lwtest", 0.8,
    )  # fmt: skip
    assert done["people"] == len(result["people"])

    listed = await _get(client, owner, "/crawls?limit=1")
    assert [item["id"] for item in listed["data"]] == [crawl["id"]]
    assert "result" not in listed["data"][0]
    assert listed["data"][0]["pages_fetched"] == done["pages_fetched"]
    assert listed["meta"] == {"next_cursor": None, "limit": 1}
    assert (await _get(client, owner, "/crawls?status=failed"))["data"] == []
    bad_filter = await client.get("/api/v1/crawls?status=done", headers=owner.headers)
    assert_error(bad_filter, 422, "VALIDATION_ERROR")


async def test_bad_requests_other_workspaces_and_the_ssrf_guard(
    client: httpx.AsyncClient, owner: Account, db: Any, world: World
) -> None:
    for body in (
        {},
        {"domain": "acme.lwtest", "url": site_url(world)},
        {"url": site_url(world), "max_pages": 0},
        {"url": site_url(world), "depth": 99},
        {"url": site_url(world), "verify": "maybe"},
        {"url": "x" * 3000},
        {"domain": "acme.lwtest", "shoe_size": 44},
    ):
        response = await client.post("/api/v1/crawls", json=body, headers=owner.headers)
        assert_error(response, 422, "VALIDATION_ERROR")
    for body, message in (
        ({"url": "ftp://acme.lwtest/"}, "only http and https"),
        ({"domain": "not a domain"}, "no host name"),
        ({"url": f"http://{PRIVATE_IP}/"}, "is not crawled"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "is not crawled"),
    ):
        response = await client.post("/api/v1/crawls", json=body, headers=owner.headers)
        error = assert_error(response, 422, "VALIDATION_ERROR")
        assert message in error["message"], error
        assert error["details"]["field"] in ("url", "domain")
    async with db.sessionmaker() as session:
        assert list(await session.scalars(select(Job))) == []

    # A name that resolves to a private address: refused when connecting; the job says why.
    blocked = await _post(client, owner, "/crawls", {"url": site_url(world, "private.lwtest")})
    unknown = await _post(client, owner, "/crawls", {"domain": "nowhere.lwtest"})
    await run_jobs(db)
    failed = (await _get(client, owner, f"/crawls/{blocked['id']}"))["data"]
    assert failed["status"] == "failed"
    assert f"resolves to {PRIVATE_IP}" in failed["error"]
    assert "are not crawled" in failed["error"]
    assert failed["result"] is None
    nowhere = (await _get(client, owner, f"/crawls/{unknown['id']}"))["data"]
    assert nowhere["status"] == "failed"
    assert "does not resolve" in nowhere["error"]
    assert not [hit for hit in world.server.hits if hit.host == "private.lwtest"]

    missing = await client.get(
        "/api/v1/crawls/00000000-0000-0000-0000-000000000000", headers=owner.headers
    )
    assert_error(missing, 404, "NOT_FOUND")
    not_an_id = await client.get("/api/v1/crawls/abc", headers=owner.headers)
    assert_error(not_an_id, 422, "VALIDATION_ERROR")
    created = await client.post("/api/v1/workspaces", json={"name": "B"}, headers=owner.headers)
    elsewhere = owner.in_workspace(created.json()["data"]["id"])
    other = await client.get(f"/api/v1/crawls/{blocked['id']}", headers=elsewhere)
    assert_error(other, 404, "NOT_FOUND")
    assert (await client.get("/api/v1/crawls", headers=elsewhere)).json()["data"] == []
    add = await client.post(
        f"/api/v1/crawls/{blocked['id']}/leads", json={"all_people": True}, headers=elsewhere
    )
    assert_error(add, 404, "NOT_FOUND")
    # A job of another kind is not a crawl.
    company = await _post(client, owner, "/companies", {"name": "A", "domain": "a.lwtest"})
    enrich = await _post(client, owner, f"/companies/{company['id']}/enrich", None)
    assert_error(
        await client.get(f"/api/v1/crawls/{enrich['id']}", headers=owner.headers), 404, "NOT_FOUND"
    )
    # Reading needs leads:read, starting needs prospect:run.
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    assert (await client.get("/api/v1/crawls", headers=viewer.headers)).status_code == 200
    refused = await client.post(
        "/api/v1/crawls", json={"domain": "acme.lwtest"}, headers=viewer.headers
    )
    assert_error(refused, 403)


async def test_people_become_leads_once(
    client: httpx.AsyncClient, owner: Account, db: Any, world: World
) -> None:
    anna = {"first_name": "Anna", "last_name": "S.", "email": "Anna.Schmidt@acme.lwtest"}
    before = await _post(client, owner, "/leads", anna)
    queued = await _post(client, owner, "/crawls", {"url": site_url(world)})
    too_early = await client.post(
        f"/api/v1/crawls/{queued['id']}/leads", json={"all_people": True}, headers=owner.headers
    )
    assert_error(too_early, 409, "CONFLICT")
    (job,) = await run_jobs(db)
    assert job.status is JobStatus.SUCCEEDED, job.error
    crawl_id = queued["id"]

    body = {
        "people": ["Anna Schmidt", "Tom Becker", "Jonas Weber", "Peter Klein"],
        "emails": ["vertrieb@acme.lwtest", "anna.schmidt@acme.lwtest"],
        "tags": ["Crawled"],
    }
    added = await _post(client, owner, f"/crawls/{crawl_id}/leads", body)
    assert (added["created"], added["existing"]) == (4, 1)
    by_name = {lead["name"] or lead["email"]: lead for lead in added["leads"]}
    assert by_name["Anna Schmidt"] == {
        "lead_id": before["id"], "name": "Anna Schmidt", "email": "anna.schmidt@acme.lwtest",
        "email_status": "found, valid", "created": False,
    }  # fmt: skip
    assert by_name["Tom Becker"]["email"] == "tom.becker@acme.lwtest"
    assert by_name["Tom Becker"]["email_status"] == "valid"
    assert by_name["Jonas Weber"]["email"] is None  # every candidate was refused
    assert by_name["vertrieb@acme.lwtest"]["created"] is True

    company = (await _get(client, owner, f"/companies/{added['company_id']}"))["data"]
    assert (company["domain"], company["name"]) == ("acme.lwtest", "Acme Robotics GmbH")
    assert company["city"] == "Berlin"  # the crawl's facts, under the write policies
    tom = (await _get(client, owner, f"/leads/{by_name['Tom Becker']['lead_id']}"))["data"]
    assert (tom["source"], tom["company_id"], tom["tags"]) == ("crawl", company["id"], ["crawled"])
    assert tom["job_title"] == "Head of Sales"
    assert tom["source_details"]["crawl_id"] == crawl_id
    assert tom["source_details"]["email_pattern"] == "{first}.{last}"
    jonas = (await _get(client, owner, f"/leads/{by_name['Jonas Weber']['lead_id']}"))["data"]
    assert (jonas["email"], jonas["company_id"]) == (None, company["id"])
    timeline = (await _get(client, owner, f"/leads/{tom['id']}/activities"))["data"]
    events = [entry["data"].get("event") for entry in timeline]
    assert "created" in events
    assert events.count("company_enriched") == 1
    earlier = (await _get(client, owner, f"/leads/{before['id']}/activities"))["data"]
    assert "company_enriched" not in [entry["data"].get("event") for entry in earlier]

    # The same request again (a retry): nothing new.
    again = await _post(client, owner, f"/crawls/{crawl_id}/leads", body)
    assert (again["created"], again["existing"]) == (0, 5)
    assert sorted(lead["lead_id"] for lead in again["leads"]) == sorted(
        lead["lead_id"] for lead in added["leads"]
    )
    leads = (await _get(client, owner, "/leads?limit=100"))["data"]
    assert len(leads) == 5
    timeline = (await _get(client, owner, f"/leads/{tom['id']}/activities"))["data"]
    assert [e["data"].get("event") for e in timeline].count("company_enriched") == 1

    for bad, field in (
        ({"people": ["Nobody Here"]}, "people"),
        ({"emails": ["someone@else.lwtest"]}, "emails"),
        ({}, None),
        ({"people": "Anna Schmidt"}, None),
        ({"people": ["x"] * 501}, None),
    ):
        response = await client.post(
            f"/api/v1/crawls/{crawl_id}/leads", json=bad, headers=owner.headers
        )
        error = assert_error(response, 422, "VALIDATION_ERROR")
        if field is not None:
            assert error["details"]["field"] == field
    assert len((await _get(client, owner, "/leads?limit=100"))["data"]) == 5


async def test_a_lead_is_enriched_on_demand(
    client: httpx.AsyncClient, owner: Account, db: Any, world: World
) -> None:
    company = await _post(client, owner, "/companies", {"name": "Acme", "domain": "acme.lwtest",
                                                        "website": site_url(world)})  # fmt: skip
    lena = await _post(client, owner, "/leads", {"first_name": "Lena", "last_name": "Vogel",
                                                 "email": "lena.vogel@acme.lwtest"})  # fmt: skip
    anna = await _post(client, owner, "/leads", {"email": "anna.schmidt@acme.lwtest"})
    assert lena["company_id"] == anna["company_id"] == company["id"]
    async with db.sessionmaker() as session:
        assert list(await session.scalars(select(Job))) == []  # ON_CREATE is off by default

    job = await _post(client, owner, f"/leads/{lena['id']}/enrich", None)
    assert job["kind"] == "enrichment.company"
    (done,) = await run_jobs(db)
    assert done.status is JobStatus.SUCCEEDED, done.error
    assert done.result["leads"] == 1
    lead = (await _get(client, owner, f"/leads/{lena['id']}"))["data"]
    assert (lead["job_title"], lead["country"]) == ("CTO", "DE")
    timeline = (await _get(client, owner, f"/leads/{lena['id']}/activities"))["data"]
    entries = [a for a in timeline if a["data"].get("event") == "company_enriched"]
    assert len(entries) == 1
    assert "job_title" in entries[0]["data"]["lead_fields"]
    other = (await _get(client, owner, f"/leads/{anna['id']}/activities"))["data"]
    assert "company_enriched" not in [a["data"].get("event") for a in other]
    assert (await _get(client, owner, f"/companies/{company['id']}"))["data"]["city"] == "Berlin"

    free = await _post(client, owner, "/leads", {"email": "someone@gmail.com"})
    refused = await client.post(f"/api/v1/leads/{free['id']}/enrich", headers=owner.headers)
    assert assert_error(refused, 422, "VALIDATION_ERROR")["details"] == {"field": "company_id"}
    missing = await client.post(
        "/api/v1/leads/00000000-0000-0000-0000-000000000000/enrich", headers=owner.headers
    )
    assert_error(missing, 404, "NOT_FOUND")
    bad = await client.post(
        f"/api/v1/leads/{lena['id']}/enrich", json={"refresh": [1]}, headers=owner.headers
    )
    assert_error(bad, 422, "VALIDATION_ERROR")


async def test_new_leads_are_enriched_when_the_setting_says_so(
    client: httpx.AsyncClient,
    owner: Account,
    db: Any,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LEADWISE_ENRICH__ON_CREATE", "true")
    _clear_caches()
    await _post(client, owner, "/companies", {"name": "Acme", "domain": "acme.lwtest",
                                              "website": site_url(world)})  # fmt: skip
    lena = await _post(client, owner, "/leads", {"first_name": "Lena", "last_name": "Vogel",
                                                 "email": "lena.vogel@acme.lwtest"})  # fmt: skip
    await _post(client, owner, "/leads", {"email": "someone@gmail.com"})  # no company: no job
    (job,) = await run_jobs(db)
    assert job.kind == "enrichment.company"
    assert job.params["lead_ids"] == [lena["id"]]
    assert job.params["trigger"] == "created"
    assert job.status is JobStatus.SUCCEEDED, job.error
    lead = (await _get(client, owner, f"/leads/{lena['id']}"))["data"]
    assert lead["job_title"] == "CTO"
    timeline = (await _get(client, owner, f"/leads/{lena['id']}/activities"))["data"]
    assert [a["data"].get("event") for a in timeline].count("company_enriched") == 1


async def test_a_running_crawl_can_be_cancelled_and_a_full_one_feeds_the_enrichment_cache(
    client: httpx.AsyncClient, owner: Account, db: Any, world: World
) -> None:
    crawl = await _post(client, owner, "/crawls", {"url": site_url(world), "verify": False})
    work = asyncio.create_task(runner.run_job(db, get_settings(), uuid.UUID(crawl["id"])))
    while (await _get(client, owner, f"/crawls/{crawl['id']}"))["data"]["pages_fetched"] == 0:
        assert not work.done()
        await asyncio.sleep(0.02)
    await _post(client, owner, f"/jobs/{crawl['id']}/cancel", None)
    assert (await work).status == "cancelled"
    stopped = (await _get(client, owner, f"/crawls/{crawl['id']}"))["data"]
    assert (stopped["status"], stopped["result"]) == ("cancelled", None)

    # A crawl with the settings' budgets is the domain's website answer for enrichment.
    done = await finished_crawl(client, owner, db, world, verify=False)
    assert done["result"]["stats"]["stopped_by"] == "done"
    company = await _post(client, owner, "/companies", {"name": "Acme", "domain": "acme.lwtest",
                                                        "website": site_url(world)})  # fmt: skip
    world.server.clear()
    await _post(client, owner, f"/companies/{company['id']}/enrich", None)
    (enriched,) = await run_jobs(db)
    assert enriched.status is JobStatus.SUCCEEDED, enriched.error
    assert enriched.result["providers"]["website"].startswith("cached from")
    assert [hit for hit in world.server.hits if hit.host == "acme.lwtest"] == []
    # A smaller crawl is not: it would hide most of the site from enrichment for weeks.
    await finished_crawl(client, owner, db, world, verify=False, max_pages=3)
    async with db.sessionmaker() as session:
        stored = await session.scalar(select(ScrapedData).where(ScrapedData.provider == "website"))
    assert stored is not None
    assert stored.data["stats"]["pages_fetched"] == done["pages_fetched"]
