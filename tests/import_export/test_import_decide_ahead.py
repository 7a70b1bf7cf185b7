"""On PostgreSQL a run decides each chunk while the one before it is still being written, in
another transaction (`imports.decide_ahead`). Its outcomes must be those of a run that waits
for each commit: the same leads with the same values, the same review pairs, the same counts,
and a revert that restores the same workspace.

The file is made so that every chunk depends on the one before it: people come back in the
next chunk with typos (probable duplicates of a lead not committed yet), with the same email
and more fields (an update of a lead not committed yet), and leads that existed before the
import are changed by two chunks in a row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import pytest

from leadwise.config import get_settings
from tests.conftest import Account
from tests.dedupe.synthetic import generate
from tests.import_export.test_imports import (
    IMPORTS,
    create_lead,
    run,
    run_queued_jobs,
    uploaded,
)

CHUNK = 10
COMPARED = ("first_name", "last_name", "email", "phone", "job_title", "company_name", "city")


@dataclass
class InWorkspace:
    """An account acting in one of its workspaces (the import helpers only use `headers`)."""

    account: Account
    workspace_id: str

    @property
    def headers(self) -> dict[str, str]:
        return self.account.in_workspace(self.workspace_id)


def file_rows() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The rows of the file, and the people who are leads before it is imported."""
    generated = generate(90, duplicate_share=0.3, seed=7)
    seen: set[int] = set()
    originals, later = [], []
    for row in generated.rows:
        person = generated.entity[row["id"]]
        (later if person in seen else originals).append(row)
        seen.add(person)
    first_of = {generated.entity[row["id"]]: i for i, row in enumerate(originals)}
    placed: list[tuple[float, dict[str, str]]] = [(i, row) for i, row in enumerate(originals)]
    for n, row in enumerate(later):  # a second record 8 to 12 rows after the first
        placed.append((first_of[generated.entity[row["id"]]] + 8 + n % 5 + 0.5, row))
    for i, row in enumerate(originals[::7]):  # the same email again, with more to say
        again = row | {"job_title": f"Head of {i}", "tags": "again", "city": f"City {i}"}
        placed.append((7 * i + CHUNK + 0.25, again))
    rows = [row for _, row in sorted(placed, key=lambda item: item[0])]
    existing = [row for row in originals[:14:7] if row.get("email")]
    return rows, existing


def csv_of(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    columns = ["first_name", "last_name", "email", "phone", "company", "city", "job_title", "tags"]
    writer = csv.DictWriter(out, columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def workspace_state(client: Any, who: InWorkspace) -> dict[str, Any]:
    """The leads (as tuples of their compared fields and tags) and the review queue (pairs of
    such tuples, with their probability)."""
    response = await client.get("/api/v1/leads", params={"limit": 200}, headers=who.headers)
    assert response.status_code == 200, response.text
    leads = response.json()["data"]
    assert len(leads) < 200  # all of them
    described = {
        lead["id"]: (*(lead.get(name) or "" for name in COMPARED), tuple(sorted(lead["tags"])))
        for lead in leads
    }
    queue = await client.get("/api/v1/duplicates", params={"limit": 200}, headers=who.headers)
    assert queue.status_code == 200, queue.text
    pairs = sorted(
        (
            *sorted(described[lead["id"]] for lead in candidate["leads"]),
            candidate["source"],
            round(candidate["probability"], 6),
        )
        for candidate in queue.json()["data"]
    )
    return {"leads": sorted(described.values()), "pairs": pairs}


@pytest.mark.postgresql_only  # SQLite decides after each commit
@pytest.mark.parametrize("policy", ["fill_empty", "overwrite", "review"])
async def test_deciding_ahead_gives_the_outcomes_of_waiting_for_each_commit(
    client, db, owner: Account, monkeypatch, policy: str
):
    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", str(CHUNK))
    rows, existing = file_rows()
    content = csv_of(rows)
    results = {}
    for decide_ahead in (True, False):
        monkeypatch.setenv("LEADWISE_IMPORTS__DECIDE_AHEAD", str(decide_ahead).lower())
        get_settings.cache_clear()
        created = await client.post(
            "/api/v1/workspaces", json={"name": f"ahead {decide_ahead}"}, headers=owner.headers
        )
        assert created.status_code == 201, created.text
        who = InWorkspace(owner, created.json()["data"]["id"])
        for row in existing:
            await create_lead(
                client, who, email=row["email"], first_name=row["first_name"], city="Before"
            )
        before = await workspace_state(client, who)
        body = await uploaded(client, who, content)
        done = await run(client, db, who, body["id"], options={"duplicate_policy": policy})
        after = await workspace_state(client, who)
        reverting = await client.post(f"{IMPORTS}/{body['id']}/revert", headers=who.headers)
        assert reverting.status_code == 202, reverting.text
        assert await run_queued_jobs(db) == ["succeeded"]
        restored = await workspace_state(client, who)
        assert restored["leads"] == before["leads"]
        results[decide_ahead] = (done["counts"], after)

    (ahead_counts, ahead), (waiting_counts, waiting) = results[True], results[False]
    assert ahead_counts == waiting_counts
    assert ahead == waiting
    # The file does what it was made for: rows that meet the chunk before theirs.
    assert ahead_counts["read"] == len(rows)
    if policy == "review":
        assert ahead_counts["review"] >= 8
    else:
        assert ahead_counts["updated"] >= 8
        assert ahead_counts["review"] >= 3
    assert sum("again" in lead[-1] for lead in ahead["leads"]) >= 6
