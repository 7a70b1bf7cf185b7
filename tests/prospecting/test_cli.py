"""`leadwise prospect` as a user runs it: a real process crawling the loopback test site, into
a CSV file without a database, and into the test database through the same services as the
API (on SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from tests.conftest import Account
from tests.crawling.conftest import World
from tests.prospecting.conftest import PRIVATE_IP, site_url

if TYPE_CHECKING:
    from tests.conftest import TestEnv


def prospect(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
    environment.update(env, COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "leadwise", "prospect", *args],
        capture_output=True, text=True, env=environment, cwd=cwd, timeout=180, check=False,
    )  # fmt: skip


async def test_people_to_a_csv_file_without_a_database(
    test_env: TestEnv, world: World, tmp_path: Path
) -> None:
    # A database that cannot be reached: -o must not need one.
    env = {**test_env.values, "LEADWISE_DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none"}
    out = tmp_path / "people.csv"
    done = prospect(env, tmp_path, site_url(world), f"http://{PRIVATE_IP}/", "-o", str(out),
                    "--max-pages", "30")  # fmt: skip
    assert done.returncode == 1, done.stderr  # one of the two sites was refused
    assert f"http://{PRIVATE_IP}/: {PRIVATE_IP} is a private" in done.stderr.replace("\n", " ")
    assert "wrote" in done.stderr
    assert "Acme Robotics GmbH" in done.stdout  # the summary
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    people = {row["name"]: row for row in rows if row["kind"] == "person"}
    tom = people["Tom Becker"]
    assert (tom["email"], tom["email_status"], tom["email_source"]) == (
        "tom.becker@acme.lwtest", "valid", "pattern {first}.{last}",
    )  # fmt: skip
    assert (tom["title"], tom["company_domain"], tom["email_pattern"]) == (
        "Head of Sales", "acme.lwtest", "{first}.{last}",
    )  # fmt: skip
    anna = people["Anna Schmidt"]
    assert (anna["email"], anna["email_status"]) == ("anna.schmidt@acme.lwtest", "found, valid")
    assert anna["page"].startswith(site_url(world))
    assert people["Jonas Weber"]["email"] == ""  # the mail server refused every candidate
    addresses = {row["email"]: row for row in rows if row["kind"] == "address"}
    assert addresses["info@acme.lwtest"]["email_status"] == "found, valid"
    assert addresses["info@acme.lwtest"]["method"] == "obfuscated"
    assert "anna.schmidt@acme.lwtest" not in addresses  # her row is the person's

    quick = prospect(env, tmp_path, site_url(world), "-o", "-", "--no-verify", "--max-pages", "5")
    assert quick.returncode == 0, quick.stderr
    assert quick.stdout.startswith("target,company_domain,company,kind,name,")
    assert "unverified" in quick.stdout


async def test_companies_and_people_into_the_workspace_once(
    client: httpx.AsyncClient, owner: Account, test_env: TestEnv, world: World, tmp_path: Path
) -> None:
    args = (site_url(world), "--max-pages", "30", "--no-verify", "--tag", "Messe")
    done = prospect(test_env.values, tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert "Acme Robotics GmbH" in done.stdout
    leads = await _leads(client, owner)
    assert leads, done.stdout
    assert {lead["source"] for lead in leads} == {"crawl"}
    assert all(lead["tags"] == ["messe"] for lead in leads)
    by_email = {lead["email"]: lead for lead in leads}
    tom = by_email["tom.becker@acme.lwtest"]  # generated from the pattern, not verified
    assert tom["source_details"]["email_status"] == "unverified"
    assert tom["job_title"] == "Head of Sales"
    company = (await client.get(f"/api/v1/companies/{tom['company_id']}",
                                headers=owner.headers)).json()["data"]  # fmt: skip
    assert (company["name"], company["domain"]) == ("Acme Robotics GmbH", "acme.lwtest")
    crawls = (await client.get("/api/v1/crawls", headers=owner.headers)).json()["data"]
    assert [(c["status"], c["target"]) for c in crawls] == [("succeeded", site_url(world))]

    again = prospect(test_env.values, tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert len(await _leads(client, owner)) == len(leads)  # nobody added twice

    wrong = prospect(test_env.values, tmp_path, site_url(world), "--workspace", "Nope")
    assert wrong.returncode == 1
    assert "no workspace 'Nope'" in wrong.stderr
    blocked = prospect(test_env.values, tmp_path, site_url(world, "private.lwtest"))
    assert blocked.returncode == 1
    assert f"resolves to {PRIVATE_IP}" in blocked.stderr.replace("\n", " ")
    assert len(await _leads(client, owner)) == len(leads)


async def _leads(client: httpx.AsyncClient, owner: Account) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/leads?limit=200", headers=owner.headers)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])
