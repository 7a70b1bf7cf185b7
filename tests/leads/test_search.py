"""The leads search box: every word must appear in the name, email or company, in any case;
the trigram index follows creates, edits, merges and deletes; and each database answers a
search through its trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL), not a full scan."""

from __future__ import annotations

import uuid

from sqlalchemy import select, text

from leadwise.core.db import Database
from leadwise.leads import search
from leadwise.models import Lead
from tests.conftest import Account


async def create(client, account: Account, **body) -> dict:
    response = await client.post("/api/v1/leads", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def found(client, account: Account, q: str, **params) -> list[str]:
    response = await client.get(
        "/api/v1/leads", params={"q": q, "sort": "first_name", **params}, headers=account.headers
    )
    assert response.status_code == 200, response.text
    return [f"{lead['first_name']} {lead['last_name']}" for lead in response.json()["data"]]


async def test_every_word_must_appear_somewhere(client, owner: Account):
    await create(client, owner, first_name="Ada", last_name="Lovelace", email="ada@analytical.io")
    await create(client, owner, first_name="Adam", last_name="Smith", company_name="Lovelace Ltd")
    await create(client, owner, first_name="Grace", last_name="Hopper", email="grace@navy.mil")
    await create(client, owner, first_name="Zoë", last_name="Ångström", company_name="Ärzte AG")

    assert await found(client, owner, "ada lovelace") == ["Ada Lovelace", "Adam Smith"]
    assert await found(client, owner, "LOVELACE ada") == ["Ada Lovelace", "Adam Smith"]
    assert await found(client, owner, "ada analytical") == ["Ada Lovelace"]
    assert await found(client, owner, "love ltd") == ["Adam Smith"]  # company words
    assert await found(client, owner, "navy.mil") == ["Grace Hopper"]  # in the email
    assert await found(client, owner, "opp") == ["Grace Hopper"]  # inside a word
    assert await found(client, owner, "h") == ["Adam Smith", "Grace Hopper"]  # LIKE, no index
    assert await found(client, owner, "ad sm") == ["Adam Smith"]  # two short words
    assert await found(client, owner, "ada hopper") == []
    assert await found(client, owner, "ångström") == ["Zoë Ångström"]
    assert await found(client, owner, "zoë ärzte") == ["Zoë Ångström"]


async def test_quotes_and_wildcards_are_plain_characters(client, owner: Account):
    await create(client, owner, first_name="Dan", last_name="O'Neil")
    await create(client, owner, first_name="Bob", company_name='Acme "100%" Ltd')
    await create(client, owner, first_name="Cat", company_name="Acme 1000 Ltd")
    await create(client, owner, first_name="Eve", last_name="Under_score")

    assert await found(client, owner, "o'neil") == ["Dan O'Neil"]
    assert await found(client, owner, "100%") == ["Bob "]
    assert await found(client, owner, '"100%"') == ["Bob "]
    assert await found(client, owner, '"') == ["Bob "]
    assert await found(client, owner, "r_s") == ["Eve Under_score"]
    assert await found(client, owner, "_") == ["Eve Under_score"]
    assert await found(client, owner, "* OR acme") == []  # FTS syntax is not interpreted
    assert await found(client, owner, "acme AND") == []
    assert await found(client, owner, "acme") == ["Bob ", "Cat "]
    too_long = await client.get("/api/v1/leads", params={"q": "x" * 201}, headers=owner.headers)
    assert too_long.status_code == 422


async def test_the_index_follows_edits_merges_and_deletes(client, owner: Account):
    lead = await create(client, owner, first_name="Rosalind", last_name="Franklin")
    other = await create(client, owner, first_name="Rosa", last_name="Parks")
    edited = await client.patch(
        f"/api/v1/leads/{lead['id']}",
        json={"last_name": "Elsie Franklin", "company_name": "King's College"},
        headers=owner.headers,
    )
    assert edited.status_code == 200, edited.text
    assert await found(client, owner, "elsie college") == ["Rosalind Elsie Franklin"]
    assert await found(client, owner, "rosa") == ["Rosa Parks", "Rosalind Elsie Franklin"]

    deleted = await client.delete(f"/api/v1/leads/{other['id']}", headers=owner.headers)
    assert deleted.status_code in (200, 204), deleted.text
    assert await found(client, owner, "rosa") == ["Rosalind Elsie Franklin"]
    assert await found(client, owner, "parks", deleted="true") == ["Rosa Parks"]


async def test_a_workspace_finds_only_its_own_leads(client, owner: Account):
    await create(client, owner, first_name="Marie", last_name="Curie")
    second = await client.post("/api/v1/workspaces", json={"name": "Second"}, headers=owner.headers)
    assert second.status_code == 201, second.text
    elsewhere = {**owner.headers, "X-Workspace-ID": second.json()["data"]["id"]}
    made = await client.post(
        "/api/v1/leads", json={"first_name": "Pierre", "last_name": "Curie"}, headers=elsewhere
    )
    assert made.status_code == 201, made.text
    assert await found(client, owner, "curie") == ["Marie Curie"]


async def test_the_search_uses_the_trigram_index(client, owner: Account, db: Database):
    lead = await create(client, owner, first_name="Katherine", last_name="Johnson")
    workspace = owner.workspace_id
    # Without the workspace condition, so that the trigram index is the only index that helps.
    query = select(Lead.id).where(search.matching("johnson"))
    async with db.engine.connect() as connection:
        # EXPLAIN of the statement as the app sends it: bound parameters, not literals.
        compiled = query.compile(connection.sync_connection)
        params = tuple(compiled.params[name] for name in compiled.positiontup or ())
        if connection.dialect.name == "sqlite":
            plan = await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params)
            details = " ".join(str(row[3]) for row in plan)
            assert "lead_search_fts VIRTUAL TABLE" in details, details
        else:
            # A generic plan cannot match parameters with the index's expression.
            await connection.execute(text("SET enable_seqscan = off"))
            await connection.execute(text("SET plan_cache_mode = force_generic_plan"))
            plan = await connection.exec_driver_sql(f"EXPLAIN {compiled}", params)
            details = " ".join(str(row[0]) for row in plan)
            assert "ix_leads_search_trigram" in details, details
        own = query.where(Lead.workspace_id == workspace)
        assert [row[0] for row in await connection.execute(own)] == [uuid.UUID(lead["id"])]


async def test_imported_leads_are_found_and_the_triggers_resume(
    client, owner: Account, db: Database, monkeypatch
):
    """An import indexes each chunk's new leads itself (on SQLite the per-row triggers stand
    aside within its transaction): they are found, their later edits are followed, and leads
    created afterwards are indexed by the triggers again."""
    from tests.import_export.test_imports import run, uploaded

    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", "10")  # several chunks
    from leadwise.config import get_settings

    get_settings.cache_clear()
    await create(client, owner, first_name="Grace", last_name="Before")
    rows = "\n".join(f"Grace{n},Hopper{n},grace{n}@navy.example,Navy Labs" for n in range(25))
    content = f"first_name,last_name,email,company\n{rows}\n".encode()
    made = await uploaded(client, owner, content)
    finished = await run(client, db, owner, made["id"])
    assert finished["counts"]["created"] == 25, finished
    assert len(await found(client, owner, "navy labs")) == 25
    assert await found(client, owner, "grace17") == ["Grace17 Hopper17"]
    assert await found(client, owner, "before") == ["Grace Before"]

    lead = await client.get("/api/v1/leads", params={"q": "hopper3 "}, headers=owner.headers)
    [hopper3] = lead.json()["data"]
    edited = await client.patch(
        f"/api/v1/leads/{hopper3['id']}", json={"company_name": "Harvard"}, headers=owner.headers
    )
    assert edited.status_code == 200, edited.text
    assert await found(client, owner, "hopper3 harvard") == ["Grace3 Hopper3"]
    await create(client, owner, first_name="Grace", last_name="After")
    assert await found(client, owner, "after") == ["Grace After"]
    if db.engine.dialect.name == "sqlite":
        async with db.engine.connect() as connection:
            paused = await connection.scalar(text("SELECT count(*) FROM lead_search_paused"))
            entries = await connection.scalar(text("SELECT count(*) FROM lead_search"))
        assert paused == 0
        assert entries == 27
