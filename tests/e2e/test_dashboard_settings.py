"""The dashboard and the settings screens in Chromium against the real server."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import Owner, Server, own_workspace, shot, sign_in

pytestmark = pytest.mark.slow


def _switch(page: Any, name: str) -> None:
    """Switch workspace and wait until the app has: the switcher is controlled by the session,
    which takes the new workspace only once `/users/me` answered for it. (Not "network idle":
    the live event stream keeps a request open.)"""
    switcher = page.get_by_label("Workspace", exact=True)
    switcher.select_option(label=f"{name} (owner)")
    expect(switcher.locator("option:checked")).to_have_text(f"{name} (owner)")


def test_dashboard_shows_the_workspaces_figures(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Dashboard Co")
    with server.api() as api:
        stages = {
            s["name"]: s["id"] for s in api.get("/api/v1/stages", headers=headers).json()["data"]
        }
        ids = []
        for index, source in enumerate(["form", "form", "manual"]):
            body = {"first_name": f"Dash{index}", "source": source}  # no address: none to verify
            created = api.post("/api/v1/leads", json=body, headers=headers)
            assert created.status_code == 201, created.text
            ids.append(created.json()["data"]["id"])
        moved = api.post(
            f"/api/v1/leads/{ids[0]}/stage", json={"stage_id": stages["Won"]}, headers=headers
        )
        assert moved.status_code == 200, moved.text
    sign_in(page, owner.email)
    _switch(page, "Dashboard Co")
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("heading", name="Dashboard").wait_for()
    totals = page.get_by_role("group", name="Totals")
    expect(totals.get_by_text("New leads")).to_be_visible()
    expect(totals).to_contain_text("New leads3")
    expect(totals).to_contain_text("Won1")
    expect(totals).to_contain_text("Win rate33.3%")
    funnel = page.get_by_role("region", name="Pipeline funnel")
    expect(funnel.locator("[data-stage='New'] [data-figure='reached']")).to_have_text("3")
    expect(funnel.locator("[data-stage='Won'] [data-figure='reached']")).to_have_text("1")
    expect(funnel).to_contain_text("Lost: 0 of 3 leads")
    sources = page.get_by_role("region", name="Sources by conversion")
    # cells: source, leads, won, conversion
    expect(sources.locator("[data-source='form']")).to_have_text("form2150%")
    expect(sources.locator("[data-source='manual']")).to_have_text("manual100%")
    verification = page.get_by_role("region", name="Email verification")
    expect(verification.locator("[data-status='unverified']")).to_contain_text("3")
    chart = page.get_by_role("region", name="New leads by source")
    expect(chart.locator("canvas")).to_have_count(1)
    shot(page, "20-dashboard")

    page.get_by_label("Leads created").select_option(label="Custom range")
    page.get_by_label("From", exact=True).fill("2020-01-01")
    page.get_by_label("To", exact=True).fill("2020-01-31")
    expect(page.get_by_text("No new leads in this range")).to_be_visible()
    expect(page).to_have_url(re.compile(r"from=2020-01-01&to=2020-01-31"))
    shot(page, "21-dashboard-empty")

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_label("Leads created").select_option(label="Last 7 days")
    expect(totals).to_contain_text("New leads3")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "22-phone-dashboard")
    _switch(page, "Acme Sales")


def test_an_api_key_is_shown_once_and_can_be_revoked(
    page: Any, server: Server, owner: Owner
) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, owner.email)
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("navigation", name="Settings").get_by_role("link", name="API keys").click()
    page.get_by_label("Name").fill("CRM sync")
    page.get_by_role("button", name="Create key").click()
    shown = page.get_by_test_id("new-key")
    expect(shown).to_contain_text("lw_")
    key = shown.inner_text().strip()
    expect(page.get_by_text("it is shown only this once")).to_be_visible()
    expect(page.locator("[data-key='CRM sync']")).to_contain_text("active")
    shot(page, "23-settings-api-key-created")
    with server.api() as api:
        as_key = {"Authorization": f"Bearer {key}"}
        assert api.get("/api/v1/leads", headers=as_key).status_code == 200
    page.get_by_role("button", name="Done").click()
    expect(page.get_by_test_id("new-key")).to_have_count(0)
    page.reload()
    expect(page.locator("[data-key='CRM sync']")).to_be_visible()
    assert key not in page.content()
    page.locator("[data-key='CRM sync']").get_by_role("button", name="Revoke").click()
    expect(page.locator("[data-key='CRM sync']")).to_contain_text("revoked")
    with server.api() as api:
        assert api.get("/api/v1/leads", headers=as_key).status_code == 401


def test_stages_and_members_settings(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Stages Co")
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, owner.email)
    _switch(page, "Stages Co")
    page.goto("/settings/stages")
    name = page.get_by_label("Name of stage Contacted")
    name.fill("Discovery call")
    name.press("Enter")
    expect(page.get_by_text("Renamed to Discovery call")).to_be_visible()
    page.get_by_role("button", name="Move Discovery call up").click()
    page.get_by_label("Stage name").fill("Demo")
    page.get_by_role("button", name="Add stage").click()
    expect(page.locator("[data-stage='Demo']")).to_be_visible()

    def names() -> list[str]:
        with server.api() as api:
            return [s["name"] for s in api.get("/api/v1/stages", headers=headers).json()["data"]]

    expect(page.locator("ol > li").first).to_have_attribute("data-stage", "Discovery call")
    assert names() == ["Discovery call", "New", "Qualified", "Proposal", "Won", "Lost", "Demo"]
    shot(page, "24-settings-stages")
    page.locator("[data-stage='Demo']").get_by_role("button", name="Delete").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Move its leads to")).to_have_value(re.compile(".+"))
    dialog.get_by_role("button", name="Delete stage").click()
    expect(page.locator("[data-stage='Demo']")).to_have_count(0)
    assert "Demo" not in names()

    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Members").click()
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Role", exact=True).select_option("sales")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("Invitation link for sam@example.com, shown only now")).to_be_visible()
    shot(page, "25-settings-members")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/settings/stages")
    expect(page.get_by_label("Name of stage Discovery call")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "26-phone-settings-stages")
    _switch(page, "Acme Sales")


def test_a_viewer_sees_settings_without_edit_controls(
    page: Any, server: Server, owner: Owner
) -> None:
    headers = own_workspace(server, owner, "Viewer Co")
    with server.api() as api:
        invited = api.post(
            f"/api/v1/workspaces/{headers['X-Workspace-ID']}/members",
            json={"email": "vera@example.com", "role": "viewer"},
            headers=headers,
        )
        assert invited.status_code == 201, invited.text
        accepted = api.post(
            "/api/v1/auth/accept-invite",
            json={
                "token": invited.json()["data"]["invitation"]["token"],
                "password": PASSWORD,
                "full_name": "Vera Viewer",
            },
        )
        assert accepted.status_code == 200, accepted.text
    sign_in(page, "vera@example.com")
    page.goto("/settings/members")
    expect(page.locator("[data-member='owner@example.com']")).to_contain_text("owner")
    expect(page.get_by_role("button", name="Invite")).to_have_count(0)
    expect(page.get_by_role("button", name="Remove")).to_have_count(0)
    settings_nav = page.get_by_role("navigation", name="Settings")
    expect(settings_nav.get_by_role("link", name="API keys")).to_have_count(0)
    settings_nav.get_by_role("link", name="Pipeline stages").click()
    expect(page.locator("[data-stage='Contacted']")).to_be_visible()
    expect(page.get_by_role("textbox")).to_have_count(0)
    expect(page.get_by_role("button", name="Delete")).to_have_count(0)
    shot(page, "27-settings-viewer")


def test_a_form_made_in_settings_takes_leads_through_its_embed_snippet(
    page: Any, server: Server, owner: Owner
) -> None:
    headers = own_workspace(server, owner, "Forms Co")
    sign_in(page, owner.email)
    _switch(page, "Forms Co")
    page.goto("/settings/forms")
    expect(page.get_by_text("No forms yet")).to_be_visible()
    page.get_by_role("button", name="New form").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Form name").fill("Contact us")
    dialog.get_by_label("message required").check()
    dialog.get_by_label("Tags for its leads").fill("website")
    dialog.get_by_label("Notify").fill("sales@example.com")
    dialog.get_by_label("Email the person a confirmation").check()
    dialog.get_by_label("Confirmation subject").fill("Thanks, we got it")
    shot(page, "28-settings-form-editor")
    dialog.get_by_role("button", name="Save form").click()
    row = page.locator("[data-form='Contact us']")
    expect(row).to_contain_text("active")
    row.get_by_role("button", name="Embed").click()
    snippet = page.get_by_test_id("embed-snippet")
    expect(snippet).to_contain_text('<input name="email" type="email" required>')
    expect(snippet).to_contain_text('<textarea name="message" required></textarea>')
    shot(page, "29-settings-form-embed")
    html = snippet.inner_text()
    assert f'action="{server.url}/api/v1/public/forms/f_' in html

    page.set_content(html)
    page.get_by_label("Email").fill("embed@example.com")
    page.get_by_label("Message").fill("Please call me")
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    with server.api() as api:
        found = api.get("/api/v1/leads", params={"q": "embed@example.com"}, headers=headers)
        leads = found.json()["data"]
    assert [(lead["source"], lead["tags"]) for lead in leads] == [("form", ["website"])]
    with server.api() as api:
        forms = api.get("/api/v1/forms", headers=headers).json()["data"]
    assert [
        (f["notify_emails"], f["send_confirmation"], f["confirmation_subject"]) for f in forms
    ] == [(["sales@example.com"], True, "Thanks, we got it")]
    _switch_back(page, server)


def _switch_back(page: Any, server: Server) -> None:
    page.goto(f"{server.url}/leads")
    _switch(page, "Acme Sales")


def test_custom_fields_and_assignment_rules(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Rules Co")
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, owner.email)
    _switch(page, "Rules Co")
    page.goto("/settings/fields")
    expect(page.get_by_text("No custom fields yet")).to_be_visible()
    page.get_by_label("Label").fill("Seats wanted")
    page.get_by_label("Type").select_option("select")
    page.get_by_label("Options").fill("1-10, 11-50, 51+")
    page.get_by_role("button", name="Add field").click()
    row = page.locator("[data-field='seats_wanted']")
    expect(row).to_contain_text("1-10, 11-50, 51+")
    row.get_by_role("button", name="Edit").click()
    page.get_by_role("dialog").get_by_label("Required on new leads").check()
    page.get_by_role("dialog").get_by_role("button", name="Save field").click()
    expect(row).to_contain_text("required")
    shot(page, "30-settings-custom-fields")

    page.goto("/settings/assignment")
    expect(page.get_by_text("No assignment rules")).to_be_visible()
    page.get_by_role("button", name="New rule").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Rule name").fill("DACH inbound")
    dialog.get_by_label("Olivia Owner").check()
    dialog.get_by_label("form", exact=True).check()
    dialog.get_by_label("Only these countries").fill("de, at ch")
    dialog.get_by_role("button", name="Save rule").click()
    rule = page.locator("[data-rule='DACH inbound']")
    expect(rule).to_contain_text("Round robin to Olivia Owner · form · DE, AT, CH")
    shot(page, "31-settings-assignment-rules")
    with server.api() as api:
        fields = api.get("/api/v1/custom-fields", headers=headers).json()["data"]
        rules = api.get("/api/v1/assignment-rules", headers=headers).json()["data"]
    assert [(f["key"], f["type"], f["options"], f["required"]) for f in fields] == [
        ("seats_wanted", "select", ["1-10", "11-50", "51+"], True)
    ]
    assert [(r["name"], r["sources"], r["countries"]) for r in rules] == [
        ("DACH inbound", ["form"], ["DE", "AT", "CH"])
    ]
    rule.get_by_role("button", name="Delete").click()
    expect(page.get_by_text("No assignment rules")).to_be_visible()
    _switch(page, "Acme Sales")


def test_workspace_name_and_sender(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Sender Co")
    sign_in(page, owner.email)
    _switch(page, "Sender Co")
    page.goto("/settings/workspace")
    page.get_by_label("Sender of emails").fill("Sender Sales <sales@sender.example>")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Workspace saved")).to_be_visible()
    shot(page, "32-settings-workspace")
    with server.api() as api:
        workspace_id = headers["X-Workspace-ID"]
        stored = api.get(f"/api/v1/workspaces/{workspace_id}", headers=headers).json()["data"]
    assert stored["email_from"] == "Sender Sales <sales@sender.example>"
    page.get_by_label("Sender of emails").fill("not an address")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_be_visible()
    with server.api() as api:
        kept = api.get(f"/api/v1/workspaces/{workspace_id}", headers=headers).json()["data"]
    assert kept["email_from"] == "Sender Sales <sales@sender.example>"
    _switch(page, "Acme Sales")
