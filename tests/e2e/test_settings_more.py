"""Settings: stages reordered by dragging and by keyboard; invitations from sending to joining."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Owner, Server, open_workspace, own_workspace, shot

pytestmark = pytest.mark.slow


def stage_names(server: Server, headers: dict[str, str]) -> list[str]:
    with server.api() as api:
        return [s["name"] for s in api.get("/api/v1/stages", headers=headers).json()["data"]]


def stored(server: Server, headers: dict[str, str], expected: list[str]) -> None:
    """The server has the order the page shows (the request may still be on its way)."""
    deadline = time.monotonic() + 10
    while (names := stage_names(server, headers)) != expected:
        assert time.monotonic() < deadline, names
        time.sleep(0.1)


def drag(page: Any, source: Any, target: Any) -> None:
    """A real pointer drag: press, move in steps (past the 4 px threshold), release."""
    start = source.bounding_box()
    end = target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(start["x"] + 10, start["y"] + start["height"] / 2 + 6, steps=3)
    page.mouse.move(end["x"] + 20, end["y"] + end["height"] / 2, steps=12)
    page.mouse.up()


def test_stages_reorder_by_drag_and_keyboard(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Reorder")
    open_workspace(page, owner, headers)
    page.goto("/settings/stages")
    rows = page.locator("ol > li")
    expect(rows.first).to_have_attribute("data-stage", "New")

    # Drag Won by its handle onto Contacted: Won takes Contacted's place.
    drag(
        page,
        page.get_by_role("button", name="Drag Won"),
        page.locator("[data-stage='Contacted']"),
    )
    expect(rows.nth(1)).to_have_attribute("data-stage", "Won")
    expected = ["New", "Won", "Contacted", "Qualified", "Proposal", "Lost"]
    stored(server, headers, expected)
    shot(page, "33-stages-dragged")

    # The keyboard: the arrow buttons, and dnd-kit's Space, arrows, Space on the handle.
    page.get_by_role("button", name="Move Lost up").focus()
    page.keyboard.press("Enter")
    expect(rows.nth(4)).to_have_attribute("data-stage", "Lost")
    stored(server, headers, ["New", "Won", "Contacted", "Qualified", "Lost", "Proposal"])
    handle = page.get_by_role("button", name="Drag Won")
    handle.focus()
    page.keyboard.press("Space")
    for _ in range(3):  # 25 px a press: past the middle of the next row
        page.keyboard.press("ArrowDown")
    expect(page.get_by_text("Over Contacted.")).to_be_attached()
    page.keyboard.press("Space")
    expect(rows.nth(2)).to_have_attribute("data-stage", "Won")
    stored(server, headers, ["New", "Contacted", "Won", "Qualified", "Lost", "Proposal"])
