"""`leadwise import`: the command against the test database, in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tests.conftest import Account

if TYPE_CHECKING:
    from tests.conftest import TestEnv

LEADS = (
    "Vorname;Nachname;E-Mail;Firma;Land\n"
    "Jürgen;Müller;juergen@beispiel.example;Beispiel GmbH;Deutschland\n"
    "Ada;Lovelace;kaputt;;\n"
)


def leadwise(
    env: TestEnv, cwd: Path, *args: str, command: str = "import"
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
    environment.update(env.values, COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "leadwise", command, *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=120,
        check=False,
    )


async def leads_of(client, account: Account) -> list[dict]:
    response = await client.get("/api/v1/leads", headers=account.headers)
    return list(response.json()["data"])


async def test_import_a_file_with_mapping_tags_and_a_summary(client, owner, test_env, tmp_path):
    file = tmp_path / "leute.csv"
    file.write_text(LEADS, encoding="utf-8")
    dry = leadwise(test_env, tmp_path, str(file), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert await leads_of(client, owner) == []
    done = leadwise(
        test_env, tmp_path, str(file), "--tag", "messe", "--map", "Firma=", "--region", "DE"
    )
    assert done.returncode == 0, done.stderr
    assert "import succeeded" in done.stdout
    assert "created  │ 1" in done.stdout
    assert "failed   │ 1" in done.stdout
    assert "row 2, E-Mail='kaputt'" in done.stderr
    [lead] = await leads_of(client, owner)
    assert (lead["first_name"], lead["country"], lead["tags"]) == ("Jürgen", "DE", ["messe"])
    assert lead["company_name"] is None  # the column was left out
    again = leadwise(test_env, tmp_path, str(file), "--mode", "create", "--policy", "skip")
    assert again.returncode == 0, again.stderr
    assert "skipped  │ 1" in again.stdout


async def test_bad_options_and_files_exit_with_a_message(client, owner, test_env, tmp_path):
    file = tmp_path / "leute.csv"
    file.write_text(LEADS, encoding="utf-8")
    cases = {
        ("missing.csv",): "no such file",
        (str(file), "--map", "Firma=shoe_size"): "'shoe_size' is not a lead field",
        (str(file), "--mode", "create", "--policy", "overwrite"): "never changes leads",
        (str(file), "--workspace", "Nope"): "no workspace 'Nope'",
        (str(file), "--preset", "Scanner"): "no preset 'Scanner'",
        (str(file), "--map", "oops"): "expected COLUMN=FIELD",
    }
    for args, message in cases.items():
        done = leadwise(test_env, tmp_path, *args)
        assert done.returncode != 0, args
        assert message in done.stderr, (args, done.stderr)
    picture = tmp_path / "photo.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    refused = leadwise(test_env, tmp_path, str(picture))
    assert refused.returncode == 1
    assert "not a CSV, TSV, XLSX, JSON or NDJSON file" in refused.stderr
    assert await leads_of(client, owner) == []
    imports = await client.get("/api/v1/imports", headers=owner.headers)
    assert imports.json()["data"] == []  # refused runs left no import behind


async def test_the_look_alike_check_can_be_left_for_a_scan(client, owner, test_env, tmp_path):
    made = await client.post(
        "/api/v1/leads",
        json={
            "first_name": "Grace",
            "last_name": "Hopper",
            "company_name": "Navy Research Lab",
            "city": "Arlington",
            "job_title": "Rear Admiral",
        },
        headers=owner.headers,
    )
    assert made.status_code == 201, made.text
    file = tmp_path / "again.csv"
    file.write_text(  # no email, phone or id to match on: only the look-alike check finds her
        "first_name,last_name,company,city,title\n"
        "Grace,Hoper,Navy Research Lab,Arlington,Rear Admiral\n",
        encoding="utf-8",
    )

    skipped = leadwise(test_env, tmp_path, str(file), "--no-check-probable")
    assert skipped.returncode == 0, skipped.stderr
    assert "created  │ 1" in skipped.stdout
    assert "review   │ 0" in skipped.stdout
    queued = await client.get("/api/v1/duplicates", headers=owner.headers)
    assert queued.json()["data"] == []

    # ... and `leadwise scan` finds her afterwards, with the reasons, in the review queue.
    scanned = leadwise(test_env, tmp_path, command="scan")
    assert scanned.returncode == 0, scanned.stderr
    assert "scan succeeded" in scanned.stdout
    assert "proposed        │ 1" in scanned.stdout
    [pair] = (await client.get("/api/v1/duplicates", headers=owner.headers)).json()["data"]
    assert sorted(lead["last_name"] for lead in pair["leads"]) == ["Hoper", "Hopper"]
    assert pair["explanation"]

    checked = leadwise(test_env, tmp_path, str(file))
    assert checked.returncode == 0, checked.stderr
    assert "review   │ 1" in checked.stdout


async def test_scan_refuses_bad_options_with_a_message(client, owner, test_env, tmp_path):
    bad = leadwise(test_env, tmp_path, "--threshold", "1.5", command="scan")
    assert bad.returncode != 0
    assert "threshold must be at least 0.5" in bad.stderr
    unknown = leadwise(test_env, tmp_path, "--workspace", "Nowhere", command="scan")
    assert unknown.returncode != 0
    assert "no workspace 'Nowhere'" in unknown.stderr
