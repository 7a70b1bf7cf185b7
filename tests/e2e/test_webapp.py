"""What a user does in the web app, in Chromium against the real server."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import Owner, Server, shot, sign_in

pytestmark = pytest.mark.slow


def api_leads(server: Server, owner: Owner, **params: Any) -> list[dict[str, Any]]:
    with server.api() as api:
        response = api.get("/api/v1/leads", params=params, headers=owner.headers)
        assert response.status_code == 200, response.text
        leads: list[dict[str, Any]] = response.json()["data"]
        return leads


def create_lead(server: Server, owner: Owner, **fields: Any) -> dict[str, Any]:
    with server.api() as api:
        response = api.post("/api/v1/leads", json=fields, headers=owner.headers)
        assert response.status_code == 201, response.text
        lead: dict[str, Any] = response.json()["data"]
        return lead


def stages(server: Server, owner: Owner) -> dict[str, str]:
    with server.api() as api:
        found = api.get("/api/v1/stages", headers=owner.headers).json()["data"]
    return {stage["name"]: stage["id"] for stage in found}


def test_sign_out_sign_in_and_the_session_survives_a_reload(page: Any, owner: Owner) -> None:
    sign_in(page, owner.email)
    # The refresh token is an httpOnly cookie: scripts cannot see it, a reload still signs in.
    assert page.evaluate("document.cookie") == ""
    cookies = page.context.cookies()
    assert [(c["name"], c["httpOnly"], c["sameSite"]) for c in cookies] == [
        ("leadwise_refresh", True, "Strict")
    ]
    page.reload()
    expect(page.get_by_role("heading", name="Leads")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Incorrect email or password.")
    shot(page, "03-login-error")


def test_create_filter_open_edit_and_note(page: Any, server: Server, owner: Owner) -> None:
    create_lead(server, owner, first_name="Grace", last_name="Hopper", source="import", tags=["x"])
    create_lead(server, owner, first_name="Alan", last_name="Turing", email="alan@turing.example")
    sign_in(page, owner.email)

    page.get_by_role("button", name="New lead").click()
    dialog = page.get_by_role("dialog", name="New lead")
    dialog.get_by_label("First name").fill("Ada")
    dialog.get_by_label("Last name").fill("Lovelace")
    dialog.get_by_label("Email").fill("ada@analytical.example")
    dialog.get_by_label("Company").fill("Analytical Engines")
    dialog.get_by_label("Value").fill("1200")
    shot(page, "04-new-lead")
    dialog.get_by_role("button", name="Create lead").click()
    expect(dialog).to_be_hidden()
    table = page.get_by_role("table")
    expect(table.get_by_role("link", name="Ada Lovelace")).to_be_visible()
    expect(table.get_by_role("link")).to_have_count(3)
    shot(page, "05-leads")

    # Search as you type, reflected in the URL; "/" jumps to the search box.
    filters = page.get_by_role("region", name="Filters")
    page.keyboard.press("/")
    expect(filters.get_by_label("Search")).to_be_focused()
    filters.get_by_label("Search").fill("lovel")
    expect(page).to_have_url(re.compile(r"[?&]q=lovel"))
    expect(table.get_by_role("link")).to_have_count(1)
    filters.get_by_label("Search").fill("")
    expect(table.get_by_role("link")).to_have_count(3)
    # A filter, and the link that carries it opens the same view.
    filters.get_by_label("Source").select_option("import")
    expect(page).to_have_url(re.compile(r"[?&]source=import"))
    expect(table.get_by_role("link")).to_have_count(1)
    expect(table.get_by_role("link", name="Grace Hopper")).to_be_visible()
    page.goto("/leads?tag=nothing-has-this")
    expect(page.get_by_text("No leads match these filters")).to_be_visible()
    expect(filters.get_by_label("Tag", exact=True)).to_have_value("nothing-has-this")
    shot(page, "06-leads-no-match")
    page.get_by_role("button", name="Clear filters").click()
    expect(table.get_by_role("link")).to_have_count(3)

    # Bulk: tag two leads.
    page.get_by_role("checkbox", name="Select Grace Hopper").check()
    page.get_by_role("checkbox", name="Select Alan Turing").check()
    bulk = page.get_by_role("region", name="Bulk actions")
    expect(bulk).to_contain_text("2 selected")
    bulk.get_by_label("Add tag").fill("conference")
    bulk.get_by_role("button", name="Tag").click()
    expect(page.get_by_text("Updated 2 of 2 leads.")).to_be_visible()
    assert {lead["first_name"] for lead in api_leads(server, owner, tag="conference")} == {
        "Grace",
        "Alan",
    }

    # The detail: inline edit and a note.
    table.get_by_role("link", name="Ada Lovelace").click()
    expect(page.get_by_role("heading", name="Ada Lovelace")).to_be_visible()
    expect(page.get_by_role("region", name="Company")).to_contain_text("Analytical Engines")
    page.get_by_role("button", name="Edit job title").click()
    page.get_by_label("Job title").fill("Mathematician")
    page.get_by_label("Job title").press("Enter")
    expect(page.get_by_role("button", name="Edit job title")).to_be_focused()
    expect(page.get_by_text("Mathematician").first).to_be_visible()
    page.get_by_label("Add a note").fill("Wants a demo of the difference engine.")
    page.get_by_role("button", name="Save note").click()
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.get_by_text("Wants a demo of the difference engine.")).to_be_visible()
    expect(timeline).to_contain_text("Changed job title from empty to Mathematician")
    page.get_by_role("button", name=re.compile("Email status")).click()
    expect(page.get_by_text("This address has not been checked yet.")).to_be_visible()
    shot(page, "07-lead-detail")
    ada = api_leads(server, owner, q="lovelace")[0]
    assert ada["job_title"] == "Mathematician"

    # An error from the API reads as a sentence.
    page.get_by_role("button", name="Edit email").click()
    page.get_by_label("Email", exact=True).fill("ada@localhost")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("email")
    shot(page, "08-lead-detail-error")


def drag(page: Any, source: Any, target: Any) -> None:
    box = source.bounding_box()
    goal = target.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 10, box["y"] + box["height"] / 2, steps=3)
    page.mouse.move(goal["x"] + goal["width"] / 2, goal["y"] + 80, steps=12)
    page.mouse.up()


def test_drag_a_card_across_the_kanban_and_it_stays(
    page: Any, server: Server, owner: Owner
) -> None:
    ids = stages(server, owner)
    lead = create_lead(server, owner, first_name="Kanban", last_name="Card", value=500)
    sign_in(page, owner.email)
    page.get_by_role("link", name="Pipeline").click()
    new = page.locator("section[data-stage='New']")
    qualified = page.locator("section[data-stage='Qualified']")
    card = page.locator(f"li[data-lead='{lead['id']}']")
    expect(new.locator(f"li[data-lead='{lead['id']}']")).to_be_visible()
    expect(qualified.get_by_test_id("column-count")).to_have_text("0 leads")
    shot(page, "09-pipeline")

    drag(page, card, qualified)
    expect(qualified.locator(f"li[data-lead='{lead['id']}']")).to_be_visible()
    expect(page.get_by_text("Kanban Card moved to Qualified.")).to_be_visible()
    expect(qualified.get_by_test_id("column-count")).to_have_text("1 leads")
    expect(qualified.get_by_test_id("column-value")).to_have_text("Value 500")
    page.reload()
    expect(qualified.locator(f"li[data-lead='{lead['id']}']")).to_be_visible()
    expect(new.locator(f"li[data-lead='{lead['id']}']")).to_have_count(0)
    shot(page, "10-pipeline-after-drag")
    assert api_leads(server, owner, q="kanban")[0]["stage_id"] == ids["Qualified"]

    # Into Lost: the reason is asked for, and a cancel leaves the card where it was.
    lost = page.locator("section[data-stage='Lost']")
    drag(page, qualified.locator(f"li[data-lead='{lead['id']}']"), lost)
    dialog = page.get_by_role("dialog", name="Why was this lead lost?")
    expect(dialog).to_be_visible()
    shot(page, "11-pipeline-lost-reason")
    dialog.get_by_role("button", name="Cancel").click()
    expect(qualified.locator(f"li[data-lead='{lead['id']}']")).to_be_visible()


def test_a_viewer_cannot_edit(page: Any, server: Server, owner: Owner) -> None:
    lead = create_lead(server, owner, first_name="Read", last_name="Only")
    with server.api() as api:
        invited = api.post(
            f"/api/v1/workspaces/{owner.workspace_id}/members",
            json={"email": "viewer@example.com", "role": "viewer"},
            headers=owner.headers,
        )
        assert invited.status_code == 201, invited.text
        token = invited.json()["data"]["invitation"]["token"]
        accepted = api.post(
            "/api/v1/auth/accept-invite",
            json={"token": token, "password": PASSWORD, "full_name": "Vic Viewer"},
        )
        assert accepted.status_code == 200, accepted.text
    sign_in(page, "viewer@example.com")
    expect(page.get_by_text("Vic Viewer · viewer")).to_be_visible()
    expect(page.get_by_role("button", name="New lead")).to_have_count(0)
    expect(page.get_by_role("checkbox", name="Select Read Only")).to_have_count(0)
    page.get_by_role("link", name="Read Only").click()
    expect(page.get_by_role("heading", name="Read Only")).to_be_visible()
    expect(page.get_by_text("Read only: your role cannot edit leads.")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Edit "))).to_have_count(0)
    expect(page.get_by_label("Add a note")).to_have_count(0)
    expect(page.get_by_label("Stage")).to_be_disabled()
    expect(page.get_by_text("Upload files")).to_have_count(0)
    shot(page, "12-lead-detail-viewer")

    # The board does not let a viewer drag, and the server refuses anyway.
    page.get_by_role("link", name="Pipeline").click()
    card = page.locator(f"li[data-lead='{lead['id']}']")
    expect(card).to_be_visible()
    drag(page, card, page.locator("section[data-stage='Won']"))
    expect(
        page.locator("section[data-stage='New']").locator(f"li[data-lead='{lead['id']}']")
    ).to_be_visible()
    shot(page, "13-pipeline-viewer")
    response = page.evaluate(
        """async (id) => {
            const r = await fetch(`/api/v1/leads/${id}`, {method: "PATCH",
                headers: {"Content-Type": "application/json"}, body: '{"first_name": "X"}'});
            return r.status;
        }""",
        lead["id"],
    )
    assert response == 401  # no token in scripts' reach: the access token lives in memory
    assert api_leads(server, owner, q="read")[0]["first_name"] == "Read"


def test_phone_width(page: Any, server: Server, owner: Owner) -> None:
    """At a phone's width the page itself never scrolls sideways (wide parts scroll inside)."""
    lead = create_lead(server, owner, first_name="Small", last_name="Screen", value=10)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, owner.email)
    overflow = "document.documentElement.scrollWidth - window.innerWidth"
    assert page.evaluate(overflow) <= 0
    shot(page, "14-phone-leads")
    page.get_by_role("button", name="Filters").click()
    expect(page.get_by_role("region", name="Filters").get_by_label("Stage")).to_be_visible()
    page.goto(f"/leads/{lead['id']}")
    expect(page.get_by_role("heading", name="Small Screen")).to_be_visible()
    expect(page.get_by_text("Created (manual)")).to_be_visible()
    expect(page.get_by_text("No files yet.")).to_be_visible()
    assert page.evaluate(overflow) <= 0
    shot(page, "15-phone-lead-detail")
    page.goto("/pipeline")
    expect(page.locator(f"li[data-lead='{lead['id']}']")).to_be_visible()
    assert page.evaluate(overflow) <= 0
    shot(page, "16-phone-pipeline")


def test_the_build_is_served_with_the_right_caching(server: Server) -> None:
    with server.api() as api:
        index = api.get("/")
        assert index.status_code == 200
        assert index.headers["cache-control"] == "no-cache"
        asset = re.search(r'src="(/assets/[^"]+\.js)"', index.text)
        assert asset, index.text
        script = api.get(asset.group(1))
        assert script.status_code == 200
        assert script.headers["cache-control"] == "public, max-age=31536000, immutable"
        # Client routes answer the app; API paths never do.
        deep = api.get("/leads/01a2015f-097d-7179-8c16-e7e291dcb4c4?stage=x")
        assert deep.status_code == 200
        assert deep.text == index.text
        missing = api.get("/api/v1/no-such-thing")
        assert missing.status_code == 404
        assert missing.json()["success"] is False


def test_switch_workspace_and_attachments(page: Any, server: Server, owner: Owner) -> None:
    with server.api() as api:
        created = api.post("/api/v1/workspaces", json={"name": "Beta EMEA"}, headers=owner.headers)
        assert created.status_code == 201, created.text
    lead = create_lead(server, owner, first_name="Filed", last_name="Papers")
    sign_in(page, owner.email)
    switcher = page.get_by_label("Workspace")
    expect(switcher).to_have_value(owner.workspace_id)
    switcher.select_option(label="Beta EMEA (owner)")
    expect(page.get_by_text("No leads yet")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Workspace")).to_have_value(created.json()["data"]["id"])
    page.get_by_label("Workspace").select_option(owner.workspace_id)
    table = page.get_by_role("table")
    table.get_by_role("link", name="Filed Papers").click()

    files = page.get_by_role("region", name="Attachments")
    expect(files.get_by_text("No files yet")).to_be_visible()
    with page.expect_response(
        lambda r: r.url.endswith("/attachments") and r.request.method == "POST"
    ) as uploaded:
        page.locator("#attachment-input").set_input_files(
            {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"Call back on Monday.\n"}
        )
    assert uploaded.value.status == 201
    expect(files.get_by_text("notes.txt")).to_be_visible()
    with page.expect_download() as download:
        files.get_by_role("button", name="Download").click()
    path = download.value.path()
    assert Path(path).read_bytes() == b"Call back on Monday.\n"
    assert download.value.suggested_filename == "notes.txt"
    shot(page, "17-lead-attachments")
    with server.api() as api:
        stored = api.get(f"/api/v1/leads/{lead['id']}/attachments", headers=owner.headers)
        assert [a["original_name"] for a in stored.json()["data"]] == ["notes.txt"]


def test_a_refused_move_puts_the_card_back(page: Any, server: Server, owner: Owner) -> None:
    lead = create_lead(server, owner, first_name="Bounce", last_name="Back")
    sign_in(page, owner.email)
    refusal = (
        '{"success": false, "error": {"code": "CONFLICT", "message": "This lead was merged '
        'into another one.", "details": {}}, "timestamp": "2026-01-01T00:00:00Z"}'
    )
    page.route(
        f"**/api/v1/leads/{lead['id']}/stage",
        lambda route: route.fulfill(
            status=409, body=refusal, headers={"Content-Type": "application/json"}
        ),
    )
    page.goto("/pipeline")
    new = page.locator("section[data-stage='New']")
    card = new.locator(f"li[data-lead='{lead['id']}']")
    expect(card).to_be_visible()
    before = new.get_by_test_id("column-count").inner_text()
    drag(page, card, page.locator("section[data-stage='Contacted']"))
    expect(page.get_by_role("alert")).to_contain_text("This lead was merged into another one.")
    expect(new.locator(f"li[data-lead='{lead['id']}']")).to_be_visible()
    expect(new.get_by_test_id("column-count")).to_have_text(before)
    assert api_leads(server, owner, q="bounce")[0]["stage_id"] == stages(server, owner)["New"]


def test_move_a_card_with_the_keyboard(page: Any, server: Server, owner: Owner) -> None:
    lead = create_lead(server, owner, first_name="Keyboard", last_name="Mover")
    sign_in(page, owner.email)
    page.goto("/pipeline")
    card = page.locator(f"li[data-lead='{lead['id']}']")
    card.focus()
    # A person's keys come apart in time; the sensor listens for the next key a tick later.
    for key in ["Space", "ArrowRight", "Space"]:
        page.keyboard.press(key)
        page.wait_for_timeout(150)
    contacted = page.locator("section[data-stage='Contacted']")
    expect(contacted.locator(f"li[data-lead='{lead['id']}']")).to_be_visible()
    expect(page.get_by_text("Keyboard Mover moved to Contacted.")).to_be_visible()
    assert (
        api_leads(server, owner, q="keyboard")[0]["stage_id"] == stages(server, owner)["Contacted"]
    )
