"""`/verify`: one address, a lead's address (stored and in its timeline), bulk jobs over a list,
leads and an uploaded file with downloadable results; bad input answers 4xx and stores nothing.
Runs on SQLite and PostgreSQL against the loopback mail world."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from leadwise.config import get_settings
from leadwise.jobs import runner
from leadwise.models import Job, JobStatus
from tests.conftest import Account, _clear_caches, add_user, assert_error
from tests.verification.conftest import MailWorld

VERIFY = "/api/v1/verify"


@pytest.fixture(autouse=True)
def verify_env(test_env: Any, mail_world: MailWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    """The verifier talks to the loopback DNS server and MX hosts (set before the app starts)."""
    for name, value in mail_world.env(api_timeout_seconds=10).items():
        monkeypatch.setenv(name, value)
    _clear_caches()


async def make_lead(client: httpx.AsyncClient, account: Account, **body: Any) -> str:
    response = await client.post("/api/v1/leads", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["id"])


async def run_jobs(db: Any) -> list[Job]:
    """What a worker does, in this process: the real runner and handler."""
    async with db.sessionmaker() as session:
        queued = list(await session.scalars(select(Job.id).where(Job.status == JobStatus.QUEUED)))
    for job_id in queued:
        await runner.run_job(db, get_settings(), job_id)
    async with db.sessionmaker() as session:
        return list(await session.scalars(select(Job).where(Job.id.in_(queued))))


async def test_one_address(client: httpx.AsyncClient, owner: Account) -> None:
    response = await client.post(VERIFY, json={"email": "Jane@Known.lwtest"}, headers=owner.headers)
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert (data["status"], data["sub_status"], data["score"]) == ("valid", "accepted", 95)
    assert data["normalized"] == "Jane@known.lwtest"
    assert data["smtp"]["code"] == 250
    assert data["mx"] == [{"host": "mx-known.lwtest", "preference": 10}]
    offline = await client.post(
        VERIFY, json={"email": "jane@known.lwtest", "smtp": False}, headers=owner.headers
    )
    assert offline.json()["data"]["sub_status"] == "smtp_skipped"


async def test_a_slow_check_answers_within_the_api_timeout(
    client: httpx.AsyncClient, owner: Account, monkeypatch: pytest.MonkeyPatch, app: Any
) -> None:
    app.state.settings = app.state.settings.model_copy(
        update={"verify": app.state.settings.verify.model_copy(update={"api_timeout_seconds": 0.5})}
    )
    response = await client.post(VERIFY, json={"email": "jane@dead.lwtest"}, headers=owner.headers)
    data = response.json()["data"]
    assert (data["status"], data["sub_status"]) == ("unknown", "timeout")
    assert "API_TIMEOUT_SECONDS" in data["reason"]
    assert data["normalized"] == "jane@dead.lwtest"


async def test_bad_requests_and_roles(client: httpx.AsyncClient, owner: Account) -> None:
    assert_error(await client.post(VERIFY, json={}, headers=owner.headers), 422)
    huge = {"email": "a" * 400 + "@known.lwtest"}
    assert_error(await client.post(VERIFY, json=huge, headers=owner.headers), 422)
    assert_error(await client.post(VERIFY, json={"email": "jane@known.lwtest"}), 401)
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    forbidden = await client.post(VERIFY, json={"email": "x@known.lwtest"}, headers=viewer.headers)
    assert_error(forbidden, 403, "FORBIDDEN")
    invalid = await client.post(VERIFY, json={"email": "not an address"}, headers=owner.headers)
    assert invalid.json()["data"]["sub_status"] == "invalid_syntax"


async def test_a_leads_address_is_verified_stored_and_in_its_timeline(
    client: httpx.AsyncClient, owner: Account
) -> None:
    lead_id = await make_lead(client, owner, first_name="Jane", email="jane@known.lwtest")
    response = await client.post(f"/api/v1/leads/{lead_id}/verify", headers=owner.headers)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["status"] == "valid"
    lead = (await client.get(f"/api/v1/leads/{lead_id}", headers=owner.headers)).json()["data"]
    assert lead["verification_status"] == "valid"
    listed = await client.get(
        "/api/v1/leads", params={"verification_status": "valid"}, headers=owner.headers
    )
    assert [item["id"] for item in listed.json()["data"]] == [lead_id]
    timeline = await client.get(f"/api/v1/leads/{lead_id}/activities", headers=owner.headers)
    entries = [a for a in timeline.json()["data"] if a["data"].get("event") == "email_verified"]
    assert len(entries) == 1
    assert entries[0]["data"]["sub_status"] == "accepted"
    assert "verified: valid (accepted, score 95)" in entries[0]["body"]

    no_email = await make_lead(client, owner, first_name="NoMail")
    refused = await client.post(f"/api/v1/leads/{no_email}/verify", headers=owner.headers)
    assert assert_error(refused, 422, "VALIDATION_ERROR")["details"] == {"field": "email"}
    created = await client.post("/api/v1/workspaces", json={"name": "B"}, headers=owner.headers)
    elsewhere = owner.in_workspace(created.json()["data"]["id"])
    other = await client.post(f"/api/v1/leads/{lead_id}/verify", headers=elsewhere)
    assert_error(other, 404, "NOT_FOUND")


async def test_a_bulk_job_over_addresses_with_downloadable_results(
    client: httpx.AsyncClient, owner: Account, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADWISE_VERIFY__BULK_CHUNK", "2")  # several parts and checkpoints
    _clear_caches()
    emails = [
        "jane@known.lwtest", "nobody@known.lwtest", "x@catchall.lwtest", "bad address",
        "jane@null.lwtest",
    ]  # fmt: skip
    started = await client.post(f"{VERIFY}/bulk", json={"emails": emails}, headers=owner.headers)
    assert started.status_code == 202, started.text
    job_id = started.json()["data"]["id"]
    early = await client.get(f"{VERIFY}/bulk/{job_id}/results", headers=owner.headers)
    assert assert_error(early, 409, "CONFLICT")["details"]["status"] == "queued"

    (job,) = await run_jobs(db)
    assert job.status is JobStatus.SUCCEEDED, job.error
    assert job.result is not None
    assert len(job.result["parts"]) == 3
    assert job.result["statuses"] == {"valid": 1, "invalid": 3, "accept_all": 1}
    assert job.counts["done"] == 5

    ndjson = await client.get(f"{VERIFY}/bulk/{job_id}/results", headers=owner.headers)
    assert ndjson.status_code == 200, ndjson.text
    assert ndjson.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in ndjson.text.splitlines()]
    assert [(line["row"], line["email"]) for line in lines] == list(enumerate(emails, start=1))
    assert [line["sub_status"] for line in lines] == [
        "accepted", "mailbox_not_found", "catch_all", "invalid_syntax", "null_mx",
    ]  # fmt: skip
    as_csv = await client.get(
        f"{VERIFY}/bulk/{job_id}/results", params={"format": "csv"}, headers=owner.headers
    )
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [(row["row"], row["status"], row["smtp_code"]) for row in rows] == [
        ("1", "valid", "250"), ("2", "invalid", "550"), ("3", "accept_all", "250"),
        ("4", "invalid", ""), ("5", "invalid", ""),
    ]  # fmt: skip


async def test_a_bulk_job_over_unverified_leads_stores_each_verdict(
    client: httpx.AsyncClient, owner: Account, db: Any
) -> None:
    ids = {
        "jane@known.lwtest": await make_lead(client, owner, email="jane@known.lwtest"),
        "nobody@known.lwtest": await make_lead(client, owner, email="nobody@known.lwtest"),
        "x@catchall.lwtest": await make_lead(client, owner, email="x@catchall.lwtest"),
    }
    await make_lead(client, owner, first_name="No email")
    body = {"filter": {"verification_status": "unverified", "has_email": True}}
    started = await client.post(f"{VERIFY}/bulk", json=body, headers=owner.headers)
    assert started.status_code == 202, started.text
    (job,) = await run_jobs(db)
    assert job.status is JobStatus.SUCCEEDED, job.error
    for email, status in [
        ("jane@known.lwtest", "valid"), ("nobody@known.lwtest", "invalid"),
        ("x@catchall.lwtest", "accept_all"),
    ]:  # fmt: skip
        lead = await client.get(f"/api/v1/leads/{ids[email]}", headers=owner.headers)
        assert lead.json()["data"]["verification_status"] == status
    left = await client.get(
        "/api/v1/leads",
        params={"verification_status": "unverified", "has_email": True},
        headers=owner.headers,
    )
    assert left.json()["data"] == []
    by_id = await client.post(
        f"{VERIFY}/bulk", json={"lead_ids": [ids["jane@known.lwtest"]]}, headers=owner.headers
    )
    assert by_id.status_code == 202
    (again,) = await run_jobs(db)
    timeline = await client.get(
        f"/api/v1/leads/{ids['jane@known.lwtest']}/activities", headers=owner.headers
    )
    events = [a for a in timeline.json()["data"] if a["data"].get("event") == "email_verified"]
    assert len(events) == 2
    assert again.result is not None
    assert again.result["statuses"] == {"valid": 1}


async def test_a_bulk_job_over_an_uploaded_file(
    client: httpx.AsyncClient, owner: Account, db: Any, tmp_path: Path
) -> None:
    content = b"Name;E-Mail\nJane;jane@known.lwtest\nBurner;x@mailinator.com\n"
    started = await client.post(
        f"{VERIFY}/bulk/file",
        files={"file": ("leads.csv", content, "text/csv")},
        data={"smtp": "false"},
        headers=owner.headers,
    )
    assert started.status_code == 202, started.text
    assert started.json()["data"]["kind"] == "verification.bulk"
    (job,) = await run_jobs(db)
    assert job.status is JobStatus.SUCCEEDED, job.error
    results = await client.get(f"{VERIFY}/bulk/{job.id}/results", headers=owner.headers)
    lines = [json.loads(line) for line in results.text.splitlines()]
    assert [(line["row"], line["sub_status"]) for line in lines] == [
        (1, "smtp_skipped"),
        (2, "disposable"),
    ]
    # The uploaded file is removed once verified; only the result parts stay.
    stored = [p for p in (tmp_path / "attachments").rglob("*") if p.is_file()]
    assert len(stored) == 1


async def test_bad_bulk_requests_store_nothing(
    client: httpx.AsyncClient, owner: Account, db: Any, tmp_path: Path
) -> None:
    for body in [
        {"emails": ["a@b.com"], "lead_ids": []},
        {},
        {"emails": []},
        {"emails": ["x" * 400]},
        {"filter": {"verification_status": "maybe"}},
    ]:
        assert_error(await client.post(f"{VERIFY}/bulk", json=body, headers=owner.headers), 422)
    no_column = await client.post(
        f"{VERIFY}/bulk/file",
        files={"file": ("x.csv", b"Who,What\nJane,1\n", "text/csv")},
        headers=owner.headers,
    )
    assert "Which column holds the addresses" in assert_error(no_column, 422)["message"]
    wrong_column = await client.post(
        f"{VERIFY}/bulk/file",
        files={"file": ("x.csv", b"Who,What\nJane,1\n", "text/csv")},
        data={"column": "mail"},
        headers=owner.headers,
    )
    assert assert_error(wrong_column, 422)["details"] == {"field": "column"}
    not_multipart = await client.post(f"{VERIFY}/bulk/file", json={}, headers=owner.headers)
    assert_error(not_multipart, 422)
    sales = await add_user(client, owner, "viewer2@example.com", "viewer")
    denied = await client.post(f"{VERIFY}/bulk", json={"emails": ["a@b.co"]}, headers=sales.headers)
    assert_error(denied, 403)
    async with db.sessionmaker() as session:
        assert list(await session.scalars(select(Job))) == []
    assert not [p for p in (tmp_path / "attachments").rglob("*") if p.is_file()]
