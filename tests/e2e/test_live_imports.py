"""Imports and the live views in Chromium against `leadwise serve` (its embedded worker is a
process of its own, without Redis): cancel a running import from the wizard and revert what it
wrote; a lead imported while the leads list is open is announced there without a reload."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Owner, Server, open_workspace, own_workspace, shot

pytestmark = pytest.mark.slow

BIG_ROWS = 100_000  # far more than one chunk (2,000 rows): the run is still going when cancelled


def lead_ids(server: Server, headers: dict[str, str]) -> set[str]:
    """Every lead of the workspace, page by page."""
    found: set[str] = set()
    cursor = None
    with server.api() as api:
        while True:
            params: dict[str, Any] = {"limit": 200}
            if cursor:
                params["cursor"] = cursor
            response = api.get("/api/v1/leads", params=params, headers=headers)
            assert response.status_code == 200, response.text
            body = response.json()
            found |= {lead["id"] for lead in body["data"]}
            cursor = body["meta"]["next_cursor"]
            if not cursor:
                return found


def import_of(server: Server, headers: dict[str, str], import_id: str) -> dict[str, Any]:
    with server.api() as api:
        response = api.get(f"/api/v1/imports/{import_id}", headers=headers)
        assert response.status_code == 200, response.text
        run: dict[str, Any] = response.json()["data"]
        return run


def test_cancel_a_running_import_then_revert_it(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Cancelled import")
    open_workspace(page, owner, headers)
    page.get_by_role("link", name="Import", exact=True).first.click()
    lines = ["email,first_name,last_name"]
    lines += [f"big{n}@cancel.example,Big,Row{n}" for n in range(BIG_ROWS)]
    page.locator("#import-file").set_input_files(
        {"name": "big.csv", "mimeType": "text/csv", "buffer": ("\n".join(lines) + "\n").encode()}
    )
    expect(page.get_by_role("heading", name="Columns of big.csv")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/import\?id="))
    match = re.search(r"id=([0-9a-f-]+)", page.url)
    assert match
    import_id = match.group(1)
    page.get_by_role("button", name="Preview", exact=True).click()
    expect(page.get_by_label("Decisions")).to_contain_text("create")
    page.get_by_role("button", name="Start import").click()
    expect(page.get_by_role("progressbar", name="Rows read")).to_be_visible()

    # Cancel once a chunk is in: the import is running and has written some leads.
    deadline = time.monotonic() + 60
    while (run := import_of(server, headers, import_id))["counts"].get("created", 0) == 0:
        assert run["status"] in ("queued", "running"), run
        assert time.monotonic() < deadline, run
        time.sleep(0.2)
    page.get_by_role("button", name="Cancel import").click()
    expect(page.get_by_role("heading", name="Import cancelled")).to_be_visible(timeout=60_000)
    shot(page, "36-import-cancelled")
    run = import_of(server, headers, import_id)
    assert run["status"] == "cancelled"
    created = run["counts"]["created"]
    assert 0 < created < BIG_ROWS  # stopped between chunks: what committed stays, counted
    assert len(lead_ids(server, headers)) == created

    # What it wrote goes with a revert from the same screen.
    page.get_by_role("button", name="Revert import…").click()
    dialog = page.get_by_role("dialog", name="Revert this import?")
    expect(dialog).to_contain_text(f"The {created} leads it created are removed")
    dialog.get_by_role("button", name="Revert").click()
    expect(page.get_by_role("heading", name="Import reverted")).to_be_visible(timeout=60_000)
    expect(page.get_by_text(f"Removed {created} leads it created")).to_be_visible()
    assert import_of(server, headers, import_id)["status"] == "reverted"
    assert lead_ids(server, headers) == set()


def test_a_lead_imported_while_the_list_is_open_is_announced(
    page: Any, server: Server, owner: Owner
) -> None:
    headers = own_workspace(server, owner, "Live list")
    with server.api() as api:
        first = api.post(
            "/api/v1/leads", json={"first_name": "Already", "last_name": "Here"}, headers=headers
        )
        assert first.status_code == 201, first.text
    open_workspace(page, owner, headers)
    table = page.get_by_role("table")
    expect(table.get_by_role("link", name="Already Here")).to_be_visible()

    # Someone imports a file elsewhere; the embedded worker writes the leads.
    content = b"email,first_name,last_name\nlive@import.example,Live,Imported\n"
    with server.api() as api:
        uploaded = api.post(
            "/api/v1/imports", files={"file": ("live.csv", content, "text/csv")}, headers=headers
        )
        assert uploaded.status_code == 201, uploaded.text
        import_id = uploaded.json()["data"]["id"]
        started = api.post(f"/api/v1/imports/{import_id}/start", json={}, headers=headers)
        assert started.status_code == 202, started.text

    banner = page.get_by_role("status").filter(has_text="new or changed lead")
    expect(banner).to_contain_text("1 new or changed lead", timeout=30_000)
    # Nothing moved under the user's cursor: the list still shows what it showed.
    expect(table.get_by_role("link", name="Live Imported")).to_have_count(0)
    shot(page, "37-leads-live-banner")
    banner.get_by_role("button", name="Show").click()
    expect(table.get_by_role("link", name="Live Imported")).to_be_visible()
    expect(banner).to_have_count(0)
    expect(table.get_by_role("link", name="Already Here")).to_be_visible()
