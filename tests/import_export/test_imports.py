"""Imports through the API, with the real job runner: upload, preview, run, error report,
modes and duplicate policies, presets, revert, and hostile files that must change nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import uuid
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, text

from leadwise.config import get_settings
from leadwise.core.db import Database
from leadwise.jobs import runner
from leadwise.models import ImportRun, Job, JobStatus, Lead
from tests.conftest import Account, add_user, assert_error

IMPORTS = "/api/v1/imports"
GERMAN_CSV = (
    "Vorname;Nachname;E-Mail;Telefon;Firma;Land;Schlagworte;Notiz\r\n"
    "Jürgen;Müller;Juergen.Mueller@Example-Maschinen.de;030 1234567;Example Maschinen GmbH;"
    "Deutschland;messe, vip;Am Stand 4 gesprochen\r\n"
    "Ada;Lovelace;ada@analytical.example;+44 20 7946 0958;Analytical Engines;UK;;\r\n"
    "Kaputt;Adresse;not-an-email;;;;;\r\n"
    'Grace;Hopper;GRACE@navy.example;;US Navy;USA;;=HYPERLINK("http://x")\r\n'
)


async def upload(
    client: httpx.AsyncClient,
    account: Account,
    content: bytes,
    name: str = "leads.csv",
    mime: str = "text/csv",
) -> httpx.Response:
    return await client.post(
        IMPORTS, files={"file": (name, content, mime)}, headers=account.headers
    )


async def uploaded(client, account: Account, content: bytes, name: str = "leads.csv") -> dict:
    response = await upload(client, account, content, name)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def run_queued_jobs(db: Database) -> list[str]:
    """What a worker does, in this process: the real runner and handlers."""
    async with db.sessionmaker() as session:
        job_ids = list(
            await session.scalars(
                select(Job.id).where(Job.status == JobStatus.QUEUED).order_by(Job.id)
            )
        )
    return [(await runner.run_job(db, get_settings(), job_id)).status for job_id in job_ids]


async def start(client, account: Account, import_id: str, **body: Any) -> dict:
    response = await client.post(f"{IMPORTS}/{import_id}/start", json=body, headers=account.headers)
    assert response.status_code == 202, response.text
    return dict(response.json()["data"])


async def run(client, db, account: Account, import_id: str, **body: Any) -> dict:
    await start(client, account, import_id, **body)
    assert await run_queued_jobs(db) == ["succeeded"]
    response = await client.get(f"{IMPORTS}/{import_id}", headers=account.headers)
    return dict(response.json()["data"])


async def create_lead(client, account: Account, **fields: Any) -> dict:
    response = await client.post("/api/v1/leads", json=fields, headers=account.headers)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def all_leads(client, account: Account) -> list[dict]:
    response = await client.get(
        "/api/v1/leads", params={"limit": 200, "sort": "created_at"}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


async def by_email(client, account: Account) -> dict[str, dict]:
    return {lead["email"]: lead for lead in await all_leads(client, account)}


async def count(db: Database, model: type = Lead) -> int:
    async with db.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def stored_files(tmp_path: Path) -> list[Path]:
    root = tmp_path / "attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


# --- upload, preview, run --------------------------------------------------------------------


async def test_a_german_excel_csv_is_mapped_previewed_and_imported(client, db, owner: Account):
    existing = await create_lead(
        client, owner, email="grace@navy.example", first_name="Grace", job_title="Admiral"
    )
    body = await uploaded(client, owner, GERMAN_CSV.encode("cp1252"), "Messe 2026.csv")
    assert body["status"] == "uploaded"
    assert body["file_format"] == "csv"
    assert body["columns"][:3] == ["Vorname", "Nachname", "E-Mail"]
    targets = {s["column"]: s["target"] for s in body["suggestions"]}
    assert targets == {
        "Vorname": "first_name",
        "Nachname": "last_name",
        "E-Mail": "email",
        "Telefon": "phone",
        "Firma": "company_name",
        "Land": "country",
        "Schlagworte": "tags",
        "Notiz": "notes",
    }
    assert body["sample"][0]["Vorname"] == "Jürgen"  # cp1252 told from UTF-8

    preview = await client.post(
        f"{IMPORTS}/{body['id']}/preview", json={"rows": 10}, headers=owner.headers
    )
    assert preview.status_code == 200, preview.text
    shown = preview.json()["data"]
    assert [row["decision"] for row in shown["rows"]] == ["create", "create", "fail", "update"]
    assert shown["rows"][3]["lead_id"] == existing["id"]  # matched without regard to case
    assert shown["rows"][2]["problems"][0]["column"] == "E-Mail"
    assert shown["counts"] == {"create": 2, "fail": 1, "update": 1}
    assert await count(db) == 1  # a preview writes nothing

    done = await run(client, db, owner, body["id"], options={"tags": ["fair-2026"]})
    assert done["status"] == "succeeded"
    assert done["progress"] == 100
    assert done["counts"] | {"warnings": 0} == {
        "read": 4, "created": 2, "updated": 1, "skipped": 0, "review": 0, "failed": 1,
        "warnings": 0,
    }  # fmt: skip
    leads = await by_email(client, owner)
    juergen = leads["Juergen.Mueller@Example-Maschinen.de"]
    assert juergen["phone_e164"] == "+49301234567"
    assert juergen["country"] == "DE"
    assert juergen["source"] == "import"
    assert sorted(juergen["tags"]) == ["fair-2026", "messe", "vip"]
    assert juergen["company_id"] is not None  # the business domain's company
    assert leads["ada@analytical.example"]["country"] == "GB"
    grace = leads["grace@navy.example"]
    assert grace["job_title"] == "Admiral"  # fill_empty keeps what the lead had
    assert grace["last_name"] == "Hopper"  # ... and fills what it lacked
    assert grace["country"] == "US"
    timeline = await client.get(f"/api/v1/leads/{juergen['id']}/activities", headers=owner.headers)
    bodies = [entry["body"] for entry in timeline.json()["data"]]
    assert "Am Stand 4 gesprochen" in bodies
    assert any(text.startswith("Imported from Messe 2026.csv (row 1)") for text in bodies)

    errors = await client.get(f"{IMPORTS}/{body['id']}/errors", headers=owner.headers)
    [error] = errors.json()["data"]
    assert (error["row_number"], error["column"], error["fatal"]) == (3, "E-Mail", True)
    report = await client.get(f"{IMPORTS}/{body['id']}/errors.csv", headers=owner.headers)
    assert report.status_code == 200
    assert "attachment" in report.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(report.content.decode("utf-8-sig"))))
    assert [(r["row"], r["column"], r["value"], r["row_imported"]) for r in rows] == [
        ("3", "E-Mail", "not-an-email", "no")
    ]


async def test_every_format_imports_the_same_leads(client, db, owner: Account, tmp_path: Path):
    header = ["first_name", "last_name", "email"]
    people = [["Ada", "Lovelace", "ada@one.example"], ["Alan", "Turing", "alan@two.example"]]
    text = "\n".join(",".join(row) for row in [header, *people]) + "\n"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in [header, *people]:
        sheet.append(row)
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    records = [dict(zip(header, row, strict=True)) for row in people]
    import orjson

    files = {
        "utf8-bom.csv": ("\ufeff" + text).encode(),
        "utf16.tsv": text.replace(",", "\t").encode("utf-16"),
        "sheet.xlsx": xlsx.getvalue(),
        "records.json": orjson.dumps(records),
        "records.ndjson": b"\n".join(orjson.dumps(r) for r in records) + b"\n",
    }
    for name, content in files.items():
        body = await uploaded(client, owner, content, name)
        assert body["columns"] == header, name
        done = await run(client, db, owner, body["id"], options={"duplicate_policy": "skip"})
        expected_new = 2 if name == "utf8-bom.csv" else 0
        assert (done["counts"]["created"], done["counts"]["skipped"]) == (
            expected_new,
            2 - expected_new,
        ), name
    assert sorted(await by_email(client, owner)) == ["ada@one.example", "alan@two.example"]


# --- modes and policies ----------------------------------------------------------------------


async def test_modes_and_duplicate_policies(client, db, owner: Account):
    await create_lead(client, owner, email="known@x.example", first_name="Old", job_title="CEO")
    content = b"email,first_name,job_title\nknown@x.example,New,CTO\nfresh@x.example,Fresh,Dev\n"

    body = await uploaded(client, owner, content)
    done = await run(
        client, db, owner, body["id"], options={"mode": "update", "duplicate_policy": "overwrite"}
    )
    assert (done["counts"]["updated"], done["counts"]["skipped"]) == (1, 1)
    leads = await by_email(client, owner)
    assert (leads["known@x.example"]["first_name"], leads["known@x.example"]["job_title"]) == (
        "New",
        "CTO",
    )
    assert "fresh@x.example" not in leads  # update only: no new leads

    body = await uploaded(client, owner, content)
    done = await run(
        client, db, owner, body["id"], options={"mode": "create", "duplicate_policy": "skip"}
    )
    assert (done["counts"]["created"], done["counts"]["skipped"]) == (1, 1)

    body = await uploaded(client, owner, b"email,first_name\nknown@x.example,Twin\n")
    done = await run(client, db, owner, body["id"], options={"duplicate_policy": "review"})
    assert done["counts"]["review"] == 1
    queue = await client.get("/api/v1/duplicates", headers=owner.headers)
    [candidate] = queue.json()["data"]
    assert candidate["source"] == "import"
    assert candidate["probability"] > 0.5  # the same email, the model's reasons
    assert candidate["explanation"]


async def test_rows_of_one_file_for_one_person_make_one_lead(client, db, owner: Account):
    content = (
        b"email,first_name,last_name,tags\n"
        b"dup@x.example,Dora,,a\n"
        b"other@x.example,Otto,,\n"
        b"DUP@x.example,,Duplicate,b\n"
    )
    body = await uploaded(client, owner, content)
    done = await run(client, db, owner, body["id"])
    assert (done["counts"]["created"], done["counts"]["updated"]) == (2, 1)
    dora = (await by_email(client, owner))["dup@x.example"]
    assert (dora["first_name"], dora["last_name"], sorted(dora["tags"])) == (
        "Dora",
        "Duplicate",
        ["a", "b"],
    )


async def test_matching_on_external_id_and_on_names_together(client, db, owner: Account):
    first = await uploaded(client, owner, b"crm id,first name,last name,company\n7,Ada,L,A Co\n")
    await run(client, db, owner, first["id"])
    again = await uploaded(client, owner, b"crm id,first name,last name,company\n7,Ada,Lovelace,\n")
    done = await run(
        client,
        db,
        owner,
        again["id"],
        mapping={"crm id": "external_id", "first name": "first_name", "last name": "last_name"},
        options={"match_on": ["external_id"], "duplicate_policy": "overwrite"},
    )
    assert done["counts"]["updated"] == 1
    by_names = await uploaded(client, owner, b"First,Last,Company,Title\nada,lovelace,A Co,CTO\n")
    done = await run(
        client,
        db,
        owner,
        by_names["id"],
        options={"match_on": ["first_name", "last_name"], "duplicate_policy": "fill_empty"},
    )
    assert done["counts"]["updated"] == 1  # names compared without case
    [lead] = await all_leads(client, owner)
    assert (lead["external_id"], lead["last_name"], lead["job_title"]) == ("7", "Lovelace", "CTO")


async def test_a_probable_duplicate_is_created_and_flagged(client, db, owner: Account):
    await create_lead(
        client,
        owner,
        first_name="Katherine",
        last_name="Johnson",
        email="k.johnson@langley.example",
        company_name="Langley",
        phone="+1 757 864 1000",
    )
    content = (
        b"first_name,last_name,email,company,phone\n"
        b"Kathrine,Johnson,k.jonhson@langley.example,Langley,+1 757 864 1000\n"
    )
    body = await uploaded(client, owner, content)
    preview = await client.post(f"{IMPORTS}/{body['id']}/preview", json={}, headers=owner.headers)
    [row] = preview.json()["data"]["rows"]
    assert row["decision"] == "review"
    assert row["probability"] > 0.9
    done = await run(client, db, owner, body["id"])
    assert done["counts"]["review"] == 1
    assert len(await all_leads(client, owner)) == 2  # created, not merged silently
    queue = await client.get("/api/v1/duplicates", headers=owner.headers)
    assert [c["source"] for c in queue.json()["data"]] == ["import"]


async def test_an_import_links_leads_to_known_companies_and_brings_deleted_ones_back(
    client, db, owner: Account
):
    """One company per domain: the import reuses a live one, undeletes a deleted one (its
    domain is still taken) and makes the missing ones, once however many rows share them."""
    made = {}
    for name, domain in (("Live", "live.example"), ("Gone", "gone.example")):
        response = await client.post(
            "/api/v1/companies", json={"name": name, "domain": domain}, headers=owner.headers
        )
        assert response.status_code == 201, response.text
        made[domain] = response.json()["data"]["id"]
    gone = f"/api/v1/companies/{made['gone.example']}"
    assert (await client.delete(gone, headers=owner.headers)).is_success
    content = (
        b"email,company\na@live.example,Live\nb@gone.example,Gone\n"
        b"c@new.example,New Co\nd@new.example,New Co\ne@gmail.com,Private\n"
    )
    body = await uploaded(client, owner, content)
    done = await run(client, db, owner, body["id"])
    assert done["counts"]["created"] == 5
    leads = await by_email(client, owner)
    assert leads["a@live.example"]["company_id"] == made["live.example"]
    assert leads["b@gone.example"]["company_id"] == made["gone.example"]
    assert (await client.get(gone, headers=owner.headers)).json()["data"]["name"] == "Gone"
    assert leads["c@new.example"]["company_id"] == leads["d@new.example"]["company_id"]
    assert leads["e@gmail.com"]["company_id"] is None  # free mail: no company
    listed = await client.get("/api/v1/companies", params={"limit": 50}, headers=owner.headers)
    names = sorted(company["name"] for company in listed.json()["data"])
    assert names == ["Gone", "Live", "New Co"]


# --- revert ----------------------------------------------------------------------------------


async def test_revert_removes_created_and_restores_updated(client, db, owner: Account):
    kept = await create_lead(
        client, owner, email="kept@x.example", first_name="Kept", tags=["old"], city=None
    )
    before = (await by_email(client, owner))["kept@x.example"]
    content = b"email,first_name,city,tags\nkept@x.example,Changed,Berlin,new\nn@x.example,N,,\n"
    body = await uploaded(client, owner, content)
    done = await run(client, db, owner, body["id"], options={"duplicate_policy": "overwrite"})
    assert (done["counts"]["created"], done["counts"]["updated"]) == (1, 1)
    changed = (await by_email(client, owner))["kept@x.example"]
    assert (changed["first_name"], changed["city"], sorted(changed["tags"])) == (
        "Changed",
        "Berlin",
        ["new", "old"],
    )

    reverting = await client.post(f"{IMPORTS}/{body['id']}/revert", headers=owner.headers)
    assert reverting.status_code == 202, reverting.text
    assert reverting.json()["data"]["status"] == "reverting"
    assert await run_queued_jobs(db) == ["succeeded"]
    after = await client.get(f"{IMPORTS}/{body['id']}", headers=owner.headers)
    assert after.json()["data"]["status"] == "reverted"
    counts = after.json()["data"]["counts"]
    assert (counts["removed"], counts["restored"]) == (1, 1)
    restored = await by_email(client, owner)
    assert list(restored) == ["kept@x.example"]
    ignore = {"updated_at"}
    assert {k: v for k, v in restored["kept@x.example"].items() if k not in ignore} == {
        k: v for k, v in before.items() if k not in ignore
    }
    assert kept["id"] == restored["kept@x.example"]["id"]
    again = await client.post(f"{IMPORTS}/{body['id']}/revert", headers=owner.headers)
    assert_error(again, 409, "IMPORT_STATE")


def others(count: int) -> bytes:
    """Rows of other people between two rows of one: with 10 rows a chunk, 10 of them put the
    two rows into different chunks."""
    return b"".join(f"other{i}@x.example,Other,,\n".encode() for i in range(count))


@pytest.mark.parametrize("between", [0, 10], ids=["one-chunk", "two-chunks"])
async def test_a_lead_updated_twice_by_one_import_is_reverted_to_its_original(
    client, db, owner: Account, monkeypatch, between: int
):
    """Revert restores the earliest before-state of each field: undoing the later change
    first, then the earlier one (not the other way round, which left the first import row's
    values in place). Later rows of one chunk see what earlier rows changed, as rows of later
    chunks do."""
    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", "10")
    get_settings.cache_clear()
    await create_lead(client, owner, email="kept@x.example", first_name="Kept", tags=["old"])
    before = (await by_email(client, owner))["kept@x.example"]
    content = (
        b"email,first_name,city,tags\n"
        b"kept@x.example,First,Berlin,vip\n"
        + others(between)
        + b"kept@x.example,Second,Paris,vip\n"
    )
    body = await uploaded(client, owner, content)
    done = await run(client, db, owner, body["id"], options={"duplicate_policy": "overwrite"})
    assert done["counts"]["updated"] == 2
    changed = (await by_email(client, owner))["kept@x.example"]
    assert (changed["first_name"], changed["city"], sorted(changed["tags"])) == (
        "Second",
        "Paris",
        ["old", "vip"],
    )
    await client.post(f"{IMPORTS}/{body['id']}/revert", headers=owner.headers)
    assert await run_queued_jobs(db) == ["succeeded"]
    restored = (await by_email(client, owner))["kept@x.example"]
    ignore = {"updated_at"}
    assert {k: v for k, v in restored.items() if k not in ignore} == {
        k: v for k, v in before.items() if k not in ignore
    }


@pytest.mark.parametrize("between", [0, 10], ids=["one-chunk", "two-chunks"])
async def test_fill_empty_fills_a_field_once_however_the_rows_fall_into_chunks(
    client, db, owner: Account, monkeypatch, between: int
):
    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", "10")
    get_settings.cache_clear()
    await create_lead(client, owner, email="kept@x.example", first_name="Kept")
    content = (
        b"email,first_name,city,tags\nkept@x.example,,Berlin,\n"
        + others(between)
        + b"kept@x.example,,Paris,\n"
    )
    body = await uploaded(client, owner, content)
    done = await run(client, db, owner, body["id"])
    assert (done["counts"]["updated"], done["counts"]["failed"]) == (2, 0)
    assert (await by_email(client, owner))["kept@x.example"]["city"] == "Berlin"


async def test_a_dry_run_counts_everything_and_writes_nothing(client, db, owner: Account):
    content = b"email,first_name\na@x.example,A\nA@x.example,A again\nbad,B\n"
    body = await uploaded(client, owner, content)
    done = await run(client, db, owner, body["id"], dry_run=True)
    assert done["dry_run"] is True
    assert done["counts"] | {"warnings": 0} == {
        "read": 3, "created": 1, "updated": 1, "skipped": 0, "review": 0, "failed": 1,
        "warnings": 0,
    }  # fmt: skip
    assert await count(db) == 0
    nothing = await client.post(f"{IMPORTS}/{body['id']}/revert", headers=owner.headers)
    assert_error(nothing, 409, "IMPORT_STATE")


# --- crash and resume ------------------------------------------------------------------------


@pytest.mark.parametrize("read_ahead", [False, True], ids=["one-process", "read-ahead"])
async def test_a_run_killed_mid_file_resumes_without_duplicating(
    client, db, owner: Account, monkeypatch, read_ahead: bool
):
    """Also with the next chunk prepared in a helper process while one is written."""
    from leadwise.import_export import import_ahead, import_job

    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", "10")
    monkeypatch.setenv("LEADWISE_IMPORTS__READ_AHEAD_FROM_ROWS", "0" if read_ahead else "1000000")
    get_settings.cache_clear()
    prepared_elsewhere: list[int] = []

    class CountingPool(import_ahead.ProcessPoolExecutor):
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            prepared_elsewhere.append(len(args[1]))
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(import_ahead, "ProcessPoolExecutor", CountingPool)
    lines = ["email,first_name"] + [f"p{i}@x.example,P{i}" for i in range(95)]
    lines.insert(40, "p3@x.example,Again")  # a duplicate in a later chunk
    body = await uploaded(client, owner, ("\n".join(lines) + "\n").encode())
    await start(client, owner, body["id"])

    class Killed(BaseException):
        """Like SIGKILL for the transaction: nothing of the current chunk commits."""

    real_write = import_job.write_chunk
    calls = 0

    async def dying_write(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        await real_write(*args, **kwargs)
        if calls == 5:
            raise Killed()

    monkeypatch.setattr(import_job, "write_chunk", dying_write)
    async with db.sessionmaker() as session:
        job_id = await session.scalar(
            select(ImportRun.job_id).where(ImportRun.id == uuid.UUID(body["id"]))
        )
    assert job_id is not None
    with contextlib.suppress(Killed):
        await runner.run_job(db, get_settings(), job_id)
    assert await count(db) == 39  # four chunks committed (row 40 repeats p3), the fifth not
    monkeypatch.setattr(import_job, "write_chunk", real_write)
    async with db.unit_of_work() as session:  # the sweeper's view: the runner went silent
        job = await session.get(Job, job_id)
        assert job is not None
        assert job.checkpoint == {"row": 40}
        job.heartbeat_at = job.heartbeat_at.replace(year=2000) if job.heartbeat_at else None
    outcome = await runner.run_job(db, get_settings(), job_id)
    assert outcome.status == "succeeded"
    assert await count(db) == 95
    async with db.sessionmaker() as session:
        emails = list(await session.scalars(select(Lead.email_normalized)))
    assert len(set(emails)) == 95
    done = await client.get(f"{IMPORTS}/{body['id']}", headers=owner.headers)
    assert done.json()["data"]["counts"]["read"] == 96
    assert done.json()["data"]["counts"]["updated"] == 1
    # Each run reads one chunk ahead of what it decides, and on PostgreSQL decides one ahead
    # of what it writes: the first died writing chunk 5 with chunk 6 prepared (and on
    # PostgreSQL decided, with chunk 7 prepared); the second prepared chunks 5 to 10 again.
    first_run = 7 if db.engine.dialect.name == "postgresql" else 6
    assert prepared_elsewhere == ([10] * first_run + [10] * 5 + [6] if read_ahead else [])


async def test_a_growing_import_gives_the_planner_statistics(
    client, db, owner: Account, monkeypatch
):
    """Without statistics SQLite planned `id IN (...)` in a big workspace as a walk of every
    lead; an import that grows the tables refreshes them on both databases."""
    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", "10")
    get_settings.cache_clear()
    lines = ["email,first_name"] + [f"s{i}@stats.example,S{i}" for i in range(35)]
    body = await uploaded(client, owner, ("\n".join(lines) + "\n").encode())
    await run(client, db, owner, body["id"])
    async with db.sessionmaker() as session:
        if db.engine.dialect.name == "postgresql":
            analysed = await session.scalar(
                text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'leads'")
            )
            assert analysed is not None
        else:
            tables = set(await session.scalars(text("SELECT tbl FROM sqlite_stat1")))
            assert {"leads", "lead_match_keys"} <= tables


# --- presets, permissions --------------------------------------------------------------------


async def test_presets_are_saved_and_used(client, db, owner: Account):
    preset = await client.post(
        "/api/v1/import-presets",
        json={
            "name": "Scanner",
            "mapping": {"Mail": "email", "Who": "full_name"},
            "options": {"tags": ["scanner"]},
        },
        headers=owner.headers,
    )
    assert preset.status_code == 201, preset.text
    twice = await client.post(
        "/api/v1/import-presets",
        json={"name": "Scanner", "mapping": {}},
        headers=owner.headers,
    )
    assert_error(twice, 409)
    body = await uploaded(client, owner, b"Who,Mail\nLovelace, Ada,ada@x.example\n")
    body = await uploaded(client, owner, b'Who,Mail\n"Lovelace, Ada",ada@x.example\n')
    await run(client, db, owner, body["id"], preset_id=preset.json()["data"]["id"])
    [lead] = await all_leads(client, owner)
    assert (lead["first_name"], lead["last_name"], lead["tags"]) == ("Ada", "Lovelace", ["scanner"])
    listed = await client.get("/api/v1/import-presets", headers=owner.headers)
    assert [p["name"] for p in listed.json()["data"]] == ["Scanner"]


async def test_roles_without_import_are_refused(client, owner: Account):
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    refused = await upload(client, viewer, b"email\na@x.example\n")
    assert_error(refused, 403)


# --- bad input -------------------------------------------------------------------------------


async def test_bad_mapping_and_options_are_clear_errors(client, db, owner: Account):
    body = await uploaded(client, owner, b"email,name\na@x.example,A\n")
    url = f"{IMPORTS}/{body['id']}/start"
    wrong_field = await client.post(
        url, json={"mapping": {"email": "shoe_size"}}, headers=owner.headers
    )
    error = assert_error(wrong_field, 422, "VALIDATION_ERROR")
    assert "not a lead field" in error["message"]
    no_column = await client.post(url, json={"mapping": {"nope": "email"}}, headers=owner.headers)
    assert_error(no_column, 422)
    unmatched = await client.post(
        url,
        json={"mapping": {"name": "first_name"}, "options": {"match_on": ["email"]}},
        headers=owner.headers,
    )
    assert "no column is mapped" in assert_error(unmatched, 422)["message"]
    inconsistent = await client.post(
        url,
        json={"options": {"mode": "create", "duplicate_policy": "overwrite"}},
        headers=owner.headers,
    )
    assert_error(inconsistent, 422)
    assert await count(db, Job) == 0
    await start(client, owner, body["id"])
    twice = await client.post(url, json={}, headers=owner.headers)
    assert_error(twice, 409, "IMPORT_STATE")


async def test_hostile_files_are_refused_and_leave_nothing(
    client, db, owner: Account, tmp_path: Path
):
    from leadwise.import_export.readers import MAX_LINE_CHARS

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    assert_error(await upload(client, owner, png, "leads.csv"), 415, "UNSUPPORTED_FILE_TYPE")
    giant = b"email,name\n" + b"x" * (MAX_LINE_CHARS + 10) + b"\n"
    assert_error(await upload(client, owner, giant), 422, "UNREADABLE_FILE")
    broken_json = b'[{"email": "a@x.example"}, {"email": '
    response = await upload(client, owner, broken_json, "leads.json")
    assert_error(response, 422, "UNREADABLE_FILE")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x20" * (50 * 1024 * 1024))
    refused = await upload(client, owner, bomb.getvalue(), "bomb.xlsx")
    assert "zip bomb" in assert_error(refused, 422, "UNREADABLE_FILE")["message"]
    empty = await client.post(IMPORTS, files={}, data={"x": "y"}, headers=owner.headers)
    assert empty.status_code in (400, 422)
    assert await count(db, ImportRun) == 0
    assert stored_files(tmp_path) == []  # no stored file left behind


async def test_ragged_rows_fail_alone_and_formulas_are_defused_in_the_report(
    client, db, owner: Account
):
    content = b'email,first_name\na@x.example,A\nb@x.example,B,EXTRA\n=1+1,C\n"@SUM(1)",D\n'
    body = await uploaded(client, owner, content)
    done = await run(client, db, owner, body["id"])
    assert (done["counts"]["created"], done["counts"]["failed"]) == (1, 3)
    report = await client.get(f"{IMPORTS}/{body['id']}/errors.csv", headers=owner.headers)
    rows = list(csv.DictReader(io.StringIO(report.content.decode("utf-8-sig"))))
    assert [r["row"] for r in rows] == ["2", "3", "4"]
    assert "3 cells but 2 columns" in rows[0]["reason"]
    assert [r["value"] for r in rows[1:]] == ["'=1+1", "'@SUM(1)"]


async def test_cancel_stops_a_run_and_what_committed_can_be_reverted(client, db, owner: Account):
    body = await uploaded(client, owner, b"email\na@x.example\n")
    never = await client.post(f"{IMPORTS}/{body['id']}/cancel", headers=owner.headers)
    assert_error(never, 409, "IMPORT_STATE")
    await start(client, owner, body["id"])
    cancelled = await client.post(f"{IMPORTS}/{body['id']}/cancel", headers=owner.headers)
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["data"]["status"] == "cancelled"
    assert await run_queued_jobs(db) == []  # the queued job will not run
    assert await count(db) == 0
    again = await client.post(f"{IMPORTS}/{body['id']}/cancel", headers=owner.headers)
    assert_error(again, 409)
    reverting = await client.post(f"{IMPORTS}/{body['id']}/revert", headers=owner.headers)
    assert reverting.status_code == 202
    assert await run_queued_jobs(db) == ["succeeded"]


async def test_an_encoding_that_changes_mid_file_fails_the_run_clearly(
    client, db, owner: Account, monkeypatch
):
    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", "2000")
    monkeypatch.setenv("LEADWISE_IMPORTS__READ_AHEAD_FROM_ROWS", "0")  # read while writing
    get_settings.cache_clear()
    good = "email,first_name\n" + "".join(f"p{i}@x.example,P{i}\n" for i in range(4000))
    content = good.encode() + "j@x.example,Jürgen\n".encode("cp1252")
    body = await uploaded(client, owner, content)  # the sample read at upload is fine
    await start(client, owner, body["id"])
    assert await run_queued_jobs(db) == ["failed"]
    done = (await client.get(f"{IMPORTS}/{body['id']}", headers=owner.headers)).json()["data"]
    assert done["status"] == "failed"
    assert "not utf-8 text" in done["error"]
    assert await count(db) == 2000  # the chunk committed before it stays (can be reverted)


async def test_nul_characters_are_refused_at_the_start_and_dropped_later(
    client, db, owner: Account
):
    binary = await upload(client, owner, b"email,first_name\na@x.example,A\x00da\n")
    assert_error(binary, 415, "UNSUPPORTED_FILE_TYPE")  # NUL in the head: not a text file
    padding = "".join(f"p{i}@x.example,P{i}\n" for i in range(1500)).encode()  # past the sniff
    body = await uploaded(client, owner, b"email,first_name\n" + padding + b"a@x.example,A\x00da\n")
    done = await run(client, db, owner, body["id"])
    assert done["counts"]["created"] == 1501
    leads = await client.get("/api/v1/leads", params={"q": "a@x.example"}, headers=owner.headers)
    assert [lead["first_name"] for lead in leads.json()["data"]] == ["Ada"]
