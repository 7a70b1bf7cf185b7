"""`leadwise export`: the command against the test database, in a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import openpyxl

from tests.conftest import Account, add_user

if TYPE_CHECKING:
    from tests.conftest import TestEnv


def leadwise(env: TestEnv, cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("LEADWISE_")
    }
    environment.update(env.values, COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "leadwise", "export", *args],
        capture_output=True,
        env=environment,
        cwd=cwd,
        timeout=120,
        check=False,
    )


async def make_lead(client: httpx.AsyncClient, account: Account, **body: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/leads", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def test_export_to_a_file_with_filters(client, owner, test_env, tmp_path):
    sales = await add_user(client, owner, "sam@example.com", "sales")
    await make_lead(client, owner, first_name="Ada", tags=["hot"], owner_id=str(sales.user_id))
    await make_lead(client, owner, first_name="Bob", tags=["hot"])
    await make_lead(client, owner, first_name="Cy", tags=["cold"], owner_id=str(sales.user_id))
    target = tmp_path / "out" / "hot.csv"
    target.parent.mkdir()
    done = leadwise(
        test_env, tmp_path, "-o", str(target), "--tag", "hot", "--owner", "SAM@example.com",
        "--fields", "first_name,owner_email,stage", "--stage", "new",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert b"exported 1 leads of workspace 'Acme'" in done.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows == [{"first_name": "Ada", "owner_email": "sam@example.com", "stage": "New"}]
    assert list(target.parent.iterdir()) == [target]  # no .part file left


async def test_export_to_stdout_and_default_file_names(client, owner, test_env, tmp_path):
    await make_lead(client, owner, first_name="Zoë", tags=["vip"])
    piped = leadwise(
        test_env, tmp_path, "-o", "-", "--format", "ndjson", "--fields", "first_name,tags"
    )
    assert piped.returncode == 0, piped.stderr.decode()
    assert [json.loads(line) for line in piped.stdout.splitlines()] == [
        {"first_name": "Zoë", "tags": ["vip"]}
    ]
    named = leadwise(
        test_env, tmp_path, "--format", "xlsx", "--preset", "hubspot", "--workspace", "acme"
    )
    assert named.returncode == 0, named.stderr.decode()
    (written,) = tmp_path.glob("leads-hubspot-*.xlsx")
    sheet = openpyxl.load_workbook(written).active
    assert [cell.value for cell in sheet[1]][:2] == ["First Name", "Last Name"]
    assert sheet["A2"].value == "Zoë"


async def test_bad_options_fail_clearly_and_write_nothing(client, owner, test_env, tmp_path):
    await make_lead(client, owner, first_name="Ada")
    target = tmp_path / "never.csv"
    for args, message in [
        (["--format", "pdf"], "--format: Input should be 'csv', 'xlsx', 'json', 'ndjson' or 'xml'"),
        (["--fields", "first_name,shoe_size"], "'shoe_size' is not a field"),
        (["--preset", "hubspot", "--format", "json"], "presets produce csv or xlsx"),
        (["--workspace", "Nope"], "no workspace 'Nope'; workspaces: 'Acme'"),
        (["--stage", "Limbo"], "--stage: no stage 'Limbo'"),
        (["--owner", "ghost@example.com"], "--owner: 'ghost@example.com' is not a member"),
        (["--source", "pigeon"], "--source: Input should be"),
        (["--created-from", "yesterday"], "Invalid value for '--created-from'"),
    ]:
        failed = leadwise(test_env, tmp_path, "-o", str(target), *args)
        stderr = failed.stderr.decode()
        assert failed.returncode != 0, (args, stderr)
        assert message in " ".join(stderr.split()), (args, stderr)
        assert "Traceback" not in stderr
        assert not target.exists()
    unwritable = leadwise(test_env, tmp_path, "-o", str(tmp_path / "missing" / "dir.csv"))
    assert unwritable.returncode == 1
    assert b"cannot write" in unwritable.stderr


async def test_several_workspaces_need_a_choice(client, owner, test_env, tmp_path):
    created = await client.post("/api/v1/workspaces", json={"name": "Beta"}, headers=owner.headers)
    beta = created.json()["data"]["id"]
    await client.post(
        "/api/v1/leads", json={"first_name": "InBeta"}, headers=owner.in_workspace(beta)
    )
    await make_lead(client, owner, first_name="InAcme")
    ambiguous = leadwise(test_env, tmp_path, "-o", "-")
    assert ambiguous.returncode == 1
    assert b"choose a workspace with --workspace" in ambiguous.stderr
    by_id = leadwise(test_env, tmp_path, "-o", "-", "--workspace", beta, "--fields", "first_name")
    assert by_id.returncode == 0, by_id.stderr.decode()
    assert by_id.stdout.decode().split() == ["first_name", "InBeta"]
