"""`POST /companies/{id}/enrich` and the enrichment.company job, on SQLite and PostgreSQL: the
fixture site crawled over loopback and the DNS provider asking the loopback DNS server; the
results on the company and its leads with provenance, the timeline, the cache, bad input."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from leadwise.config import get_settings
from leadwise.jobs import runner
from leadwise.models import Job, JobStatus, ScrapedData
from tests.conftest import Account, _clear_caches, assert_error
from tests.crawling.conftest import World
from tests.servers.dns import Zones


@pytest.fixture(autouse=True)
def enrich_env(
    test_env: Any, world: World, dns_server: tuple[Zones, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Crawls may reach the loopback site; DNS questions go to the loopback DNS server."""
    for name, value in {
        "LEADWISE_CRAWL__ALLOWED_NETWORKS": "127.0.0.1/32",
        "LEADWISE_CRAWL__DELAY_SECONDS": "0",
        "LEADWISE_CRAWL__MAX_RETRY_AFTER_SECONDS": "5",
        "LEADWISE_VERIFY__DNS_SERVERS": f"127.0.0.1:{dns_server[1]}",
        "LEADWISE_VERIFY__DNS_TIMEOUT": "1",
    }.items():
        monkeypatch.setenv(name, value)
    _clear_caches()


async def run_jobs(db: Any) -> list[Job]:
    async with db.sessionmaker() as session:
        queued = list(await session.scalars(select(Job.id).where(Job.status == JobStatus.QUEUED)))
    for job_id in queued:
        await runner.run_job(db, get_settings(), job_id)
    async with db.sessionmaker() as session:
        return list(await session.scalars(select(Job).where(Job.id.in_(queued))))


async def _post(client: httpx.AsyncClient, account: Account, path: str, body: Any) -> Any:
    response = await client.post(f"/api/v1{path}", json=body, headers=account.headers)
    assert response.status_code in (201, 202), response.text
    return response.json()["data"]


async def test_a_company_is_enriched_with_provenance_and_its_leads_see_it(
    client: httpx.AsyncClient, owner: Account, db: Any, world: World
) -> None:
    site = f"http://127.0.0.1:{world.port}/"
    company = await _post(client, owner, "/companies",
                          {"name": "Acme", "domain": "acme.lwtest", "website": site})  # fmt: skip
    lena = await _post(client, owner, "/leads", {"first_name": "Lena", "last_name": "Vogel",
                                                 "email": "lena.vogel@acme.lwtest"})  # fmt: skip
    assert lena["company_id"] == company["id"]
    job = await _post(client, owner, f"/companies/{company['id']}/enrich", None)
    assert job["kind"] == "enrichment.company"
    (done,) = await run_jobs(db)
    assert done.status is JobStatus.SUCCEEDED, done.error
    assert done.result["providers"] == {"website": "fetched", "dns": "fetched"}

    read = await client.get(f"/api/v1/companies/{company['id']}", headers=owner.headers)
    data = read.json()["data"]
    assert data["name"] == "Acme"  # fill_if_empty: the given name stays
    assert data["city"] == "Berlin"
    assert data["country"] == "DE"
    assert data["phone"] == "+49301234567"
    assert data["social_profiles"]["linkedin"] == "https://www.linkedin.com/company/acme-robotics"
    enrichment = data["enrichment"]
    assert enrichment["name"]["value"] == "Acme Robotics GmbH"
    assert enrichment["name"]["applied"] is False
    assert enrichment["name"]["source"] == site
    assert enrichment["name"]["method"] == "json-ld"
    assert enrichment["city"]["applied"] is True
    assert enrichment["email_provider"]["value"] == "Google Workspace"
    assert enrichment["email_provider"]["source"] == "dns:acme.lwtest/MX"
    tools = {item["name"] for item in enrichment["technologies"]["value"]}
    assert {"Google Workspace", "HubSpot"} <= tools

    lead = (await client.get(f"/api/v1/leads/{lena['id']}", headers=owner.headers)).json()
    assert lead["data"]["job_title"] == "CTO"
    assert lead["data"]["country"] == "DE"
    # The lead's page shows where its values came from; list rows stay without them.
    assert lead["data"]["enrichment"]["job_title"]["value"] == "CTO"
    assert lead["data"]["enrichment"]["job_title"]["applied"] is True
    assert lead["data"]["enrichment"]["job_title"]["source"].startswith(site)
    assert lead["data"]["enriched_at"] is not None
    assert data["enriched_at"] is not None
    listed = await client.get("/api/v1/leads", headers=owner.headers)
    assert "enrichment" not in listed.json()["data"][0]
    timeline = await client.get(f"/api/v1/leads/{lena['id']}/activities", headers=owner.headers)
    entries = [a for a in timeline.json()["data"] if a["data"].get("event") == "company_enriched"]
    assert len(entries) == 1
    assert "job_title" in entries[0]["data"]["lead_fields"]
    assert "enriched" in entries[0]["body"]

    # Again: the stored answers are used, the site is not crawled again.
    world.server.clear()
    await _post(client, owner, f"/companies/{company['id']}/enrich", {})
    (cached,) = await run_jobs(db)
    assert cached.status is JobStatus.SUCCEEDED, cached.error
    assert all(v.startswith("cached") for v in cached.result["providers"].values())
    assert world.server.hits == []
    async with db.sessionmaker() as session:
        rows = list(await session.scalars(select(ScrapedData)))
    assert sorted(row.provider for row in rows) == ["dns", "website"]
    assert rows[0].domain == "acme.lwtest"

    # refresh: asked again.
    await _post(client, owner, f"/companies/{company['id']}/enrich", {"refresh": True})
    (fresh,) = await run_jobs(db)
    assert fresh.result["providers"] == {"website": "fetched", "dns": "fetched"}
    assert world.server.hits != []


async def test_a_site_that_gives_nothing_fails_the_job_and_writes_nothing(
    client: httpx.AsyncClient, owner: Account, db: Any
) -> None:
    company = await _post(client, owner, "/companies",
                          {"name": "Broken", "domain": "broken.lwtest",
                           "website": "http://10.23.0.5/"})  # fmt: skip
    await _post(client, owner, f"/companies/{company['id']}/enrich", None)
    (job,) = await run_jobs(db)
    assert job.status is JobStatus.FAILED
    assert "website" in (job.error or "")
    assert "dns" in (job.error or "")
    data = (await client.get(f"/api/v1/companies/{company['id']}", headers=owner.headers)).json()
    assert data["data"]["enrichment"] == {}


async def test_bad_requests(client: httpx.AsyncClient, owner: Account, db: Any) -> None:
    no_domain = await _post(client, owner, "/companies", {"name": "Nameless"})
    refused = await client.post(
        f"/api/v1/companies/{no_domain['id']}/enrich", headers=owner.headers
    )
    assert assert_error(refused, 422, "VALIDATION_ERROR")["details"] == {"field": "domain"}
    missing = await client.post(
        "/api/v1/companies/00000000-0000-0000-0000-000000000000/enrich", headers=owner.headers
    )
    assert_error(missing, 404, "NOT_FOUND")
    bad_body = await client.post(
        f"/api/v1/companies/{no_domain['id']}/enrich",
        json={"refresh": "sometimes"},
        headers=owner.headers,
    )
    assert_error(bad_body, 422, "VALIDATION_ERROR")
    created = await client.post("/api/v1/workspaces", json={"name": "B"}, headers=owner.headers)
    company = await _post(client, owner, "/companies", {"name": "A", "domain": "a.lwtest"})
    elsewhere = owner.in_workspace(created.json()["data"]["id"])
    other = await client.post(f"/api/v1/companies/{company['id']}/enrich", headers=elsewhere)
    assert_error(other, 404, "NOT_FOUND")
    async with db.sessionmaker() as session:
        assert list(await session.scalars(select(Job))) == []
