"""Settings → Workspace and email: the notification options kept across a reload, and the
outgoing-email status and test email. The e2e server has no SMTP server (its settings are
fixed as it starts), so the test email's answer here is "not set up"; the sends that reach a
real SMTP server are tested against the API in tests/notifications/test_smtp_check.py."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Owner, Server, open_workspace, own_workspace, shot

pytestmark = pytest.mark.slow

ASSIGNED = "Email a lead's new owner when it is assigned to them"
SUBMITTED = "Email about each form submission"


def stored_options(server: Server, owner: Owner, headers: dict[str, str]) -> dict[str, bool]:
    workspace_id = headers["X-Workspace-ID"]
    with server.api() as api:
        response = api.get(f"/api/v1/workspaces/{workspace_id}", headers=owner.headers)
    return dict(response.json()["data"]["notifications"])


def test_notification_options_and_outgoing_email(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Email Co")
    open_workspace(page, owner, headers)
    page.goto("/settings/workspace")

    outgoing = page.get_by_role("region", name="Outgoing email")
    expect(outgoing.get_by_test_id("smtp-state")).to_contain_text("Not configured")
    expect(outgoing).to_contain_text("Leadwise <leadwise@localhost> (the server's default)")
    recipient = outgoing.get_by_label("Send a test email to")
    expect(recipient).to_have_value(owner.email)
    outgoing.get_by_role("button", name="Send test email").click()
    alert = outgoing.get_by_role("alert")
    expect(alert).to_contain_text("The test email was not sent")
    expect(alert).to_contain_text("Outgoing email is not set up on this server")
    expect(alert).to_contain_text("LEADWISE_SMTP__HOST")

    expect(page.get_by_label(ASSIGNED)).to_be_checked()
    expect(page.get_by_label(SUBMITTED)).to_be_checked()
    page.get_by_label(ASSIGNED).uncheck()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Workspace saved")).to_be_visible()
    deadline = time.monotonic() + 10
    while (options := stored_options(server, owner, headers))["lead_assigned"]:
        assert time.monotonic() < deadline, options
        time.sleep(0.1)
    assert options == {"lead_assigned": False, "new_lead": True}
    shot(page, "70-settings-email")

    page.reload()
    expect(page.get_by_label(ASSIGNED)).not_to_be_checked()
    expect(page.get_by_label(SUBMITTED)).to_be_checked()

    # A bad address is refused by the browser before it is sent.
    recipient = page.get_by_role("region", name="Outgoing email").get_by_label(
        "Send a test email to"
    )
    recipient.fill("not an address")
    page.get_by_role("button", name="Send test email").click()
    assert recipient.evaluate("input => !input.validity.valid")

    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_label(ASSIGNED)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "71-phone-settings-email")
