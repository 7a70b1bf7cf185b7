"""Live updates of the kanban: two people look at the same board; what one does (or an API
client does) shows on the other's screen without a reload."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Owner, Server, open_workspace, own_workspace, shot
from tests.e2e.test_webapp import drag

pytestmark = pytest.mark.slow

SOON = 5_000  # ms: live changes arrive well within a second; the shared machine gets slack


def test_a_card_moved_elsewhere_moves_on_every_open_board(
    page: Any, browser: Any, server: Server, owner: Owner
) -> None:
    headers = own_workspace(server, owner, "Live board")
    with server.api() as api:
        stages = {
            s["name"]: s["id"] for s in api.get("/api/v1/stages", headers=headers).json()["data"]
        }
        created = api.post(
            "/api/v1/leads", json={"first_name": "Live", "last_name": "Card"}, headers=headers
        )
        assert created.status_code == 201, created.text
    lead = created.json()["data"]

    other_context = browser.new_context(
        base_url=server.url, viewport={"width": 1400, "height": 900}
    )
    other_context.set_default_timeout(10_000)
    other = other_context.new_page()
    errors: list[str] = []
    other.on("pageerror", lambda error: errors.append(str(error)))
    try:
        boards = []
        for viewer in (page, other):
            open_workspace(viewer, owner, headers)
            viewer.get_by_role("link", name="Pipeline").click()
            expect(viewer.get_by_test_id("live-status")).to_have_attribute("data-status", "live")
            card = viewer.locator(f"section[data-stage='New'] li[data-lead='{lead['id']}']")
            expect(card).to_be_visible()
            boards.append(viewer)
        shot(other, "30-pipeline-live")

        # An API client moves the card: both boards follow, counts included.
        with server.api() as api:
            moved = api.post(
                f"/api/v1/leads/{lead['id']}/stage",
                json={"stage_id": stages["Qualified"]},
                headers=headers,
            )
            assert moved.status_code == 200, moved.text
        for viewer in boards:
            qualified = viewer.locator("section[data-stage='Qualified']")
            expect(qualified.locator(f"li[data-lead='{lead['id']}']")).to_be_visible(timeout=SOON)
            expect(qualified.get_by_test_id("column-count")).to_have_text("1 leads")
            expect(viewer.locator("section[data-stage='New'] li[data-lead]")).to_have_count(0)

        # One person drags it on their board: the other person's board shows it in Won.
        drag(
            page,
            page.locator(f"li[data-lead='{lead['id']}']"),
            page.locator("section[data-stage='Won']"),
        )
        expect(page.get_by_text("Live Card moved to Won.")).to_be_visible()
        won = other.locator("section[data-stage='Won']")
        expect(won.locator(f"li[data-lead='{lead['id']}']")).to_be_visible(timeout=SOON)
        expect(other.locator("section[data-stage='Qualified'] li[data-lead]")).to_have_count(0)

        # A lead added elsewhere appears too; no page was reloaded (the badge stayed live).
        with server.api() as api:
            added = api.post("/api/v1/leads", json={"first_name": "Fresh"}, headers=headers)
            assert added.status_code == 201, added.text
        fresh = added.json()["data"]["id"]
        for viewer in boards:
            expect(
                viewer.locator(f"section[data-stage='New'] li[data-lead='{fresh}']")
            ).to_be_visible(timeout=SOON)
            expect(viewer.get_by_test_id("live-status")).to_have_attribute("data-status", "live")
        shot(other, "31-pipeline-live-after")
    finally:
        other_context.close()
    assert errors == [], errors
