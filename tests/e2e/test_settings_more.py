"""Settings: stages reordered by dragging and by keyboard; invitations from sending to joining."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
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
    live = page.locator("[id^='DndLiveRegion']")
    # The sensor is active (it announced the pick-up): arrows move it now.
    expect(live).to_have_text(re.compile(r"^(Picked up Won|Over Won)\.$"))
    # 25 px a press; keys that come before the sensor listens are lost, so press until the
    # next row is announced (three presses when none is lost).
    for _ in range(8):
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(150)
        if live.inner_text() == "Over Contacted.":
            break
    expect(live).to_have_text("Over Contacted.")
    page.keyboard.press("Space")
    expect(rows.nth(2)).to_have_attribute("data-stage", "Won")
    stored(server, headers, ["New", "Contacted", "Won", "Qualified", "Lost", "Proposal"])


def test_invite_renew_revoke_and_join(
    browser: Any, page: Any, server: Server, owner: Owner
) -> None:
    headers = own_workspace(server, owner, "Invites")
    page.on("dialog", lambda dialog: dialog.accept())
    open_workspace(page, owner, headers)
    page.goto("/settings/members")
    invite_form = page.get_by_role("region", name="Invite someone")
    pending = page.get_by_role("region", name="Pending invitations")
    expect(pending.get_by_text("Nobody is invited right now.")).to_be_visible()

    def invite(email: str) -> str:
        invite_form.get_by_label("Email").fill(email)
        invite_form.get_by_label("Role", exact=True).select_option("sales")
        invite_form.get_by_role("button", name="Invite").click()
        expect(page.get_by_text(f"Invitation link for {email}, shown only now")).to_be_visible()
        link: str = page.get_by_test_id("invite-link").inner_text()
        return link

    first_link = invite("ivy@example.com")
    assert first_link.startswith(f"{server.url}/accept-invite#token=")
    expect(pending.locator("[data-invitation='ivy@example.com']")).to_contain_text("sales")
    pending.locator("[data-invitation='ivy@example.com']").get_by_role(
        "button", name="New link"
    ).click()
    expect(page.get_by_test_id("invite-link")).not_to_have_text(first_link)
    link = page.get_by_test_id("invite-link").inner_text()
    invite("rex@example.com")
    pending.locator("[data-invitation='rex@example.com']").get_by_role(
        "button", name="Revoke"
    ).click()
    expect(pending.locator("[data-invitation='rex@example.com']")).to_have_count(0)
    shot(page, "34-settings-invitations")

    # The invitee, in a browser of their own: the old link is dead, the new one joins.
    context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 900})
    invitee = context.new_page()
    try:
        invitee.goto(first_link)
        expect(
            invitee.get_by_role("heading", name="This invitation cannot be used")
        ).to_be_visible()
        invitee.goto("/accept-invite")
        expect(invitee.get_by_text("The link has no invitation in it")).to_be_visible()
        invitee.goto(link)
        expect(invitee.get_by_role("heading", name="Join Invites")).to_be_visible()
        expect(invitee.get_by_text("You are invited as sales.")).to_be_visible()
        expect(invitee.get_by_label("Email")).to_have_value("ivy@example.com")
        invitee.get_by_label("Your name").fill("Ivy Invitee")
        invitee.get_by_label("Password").fill("short")
        invitee.get_by_role("button", name="Join Invites").click()
        # The browser's own check first (10 characters), then the real one.
        expect(invitee.get_by_role("heading", name="Join Invites")).to_be_visible()
        invitee.get_by_label("Password").fill(PASSWORD)
        shot(invitee, "35-accept-invitation")
        invitee.get_by_role("button", name="Join Invites").click()
        expect(invitee.get_by_role("heading", name="Leads")).to_be_visible()
        expect(invitee).to_have_url(f"{server.url}/leads")
        expect(invitee.get_by_text("Ivy Invitee · sales")).to_be_visible()
        # Signed in for real: a reload keeps the session (the refresh cookie was set).
        invitee.reload()
        expect(invitee.get_by_role("heading", name="Leads")).to_be_visible()
    finally:
        context.close()

    page.reload()
    expect(page.locator("[data-member='ivy@example.com']")).to_contain_text("Ivy Invitee")
    expect(pending.get_by_text("Nobody is invited right now.")).to_be_visible()
