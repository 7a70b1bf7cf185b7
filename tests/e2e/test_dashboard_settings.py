"""The dashboard and the settings screens in Chromium against the real server."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Owner, Server, shot, sign_in

pytestmark = pytest.mark.slow


def _workspace(server: Server, owner: Owner, name: str) -> dict[str, str]:
    """Headers for a new workspace of the owner's (its figures are this test's alone)."""
    with server.api() as api:
        created = api.post("/api/v1/workspaces", json={"name": name}, headers=owner.headers)
        assert created.status_code == 201, created.text
    return {**owner.headers, "X-Workspace-ID": created.json()["data"]["id"]}


def _switch(page: Any, name: str) -> None:
    page.get_by_label("Workspace").select_option(label=f"{name} (owner)")


def test_dashboard_shows_the_workspaces_figures(page: Any, server: Server, owner: Owner) -> None:
    headers = _workspace(server, owner, "Dashboard Co")
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
