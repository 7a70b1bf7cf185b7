"""The workspace's notification options: on by default, changed one at a time, refused when
malformed, and obeyed by the emails of assignments and submissions."""

from __future__ import annotations

from tests.capture.conftest import make_form
from tests.conftest import Account, add_user, assert_error
from tests.notifications.support import run_email_jobs, submit


async def set_options(client, account: Account, **options: object) -> dict:
    response = await client.patch(
        f"/api/v1/workspaces/{account.workspace_id}",
        json={"notifications": options},
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    return dict(response.json()["data"]["notifications"])


async def read_options(client, account: Account) -> dict:
    response = await client.get(
        f"/api/v1/workspaces/{account.workspace_id}", headers=account.headers
    )
    return dict(response.json()["data"]["notifications"])


async def test_options_are_on_by_default_and_change_one_at_a_time(client, owner):
    assert await read_options(client, owner) == {"lead_assigned": True, "new_lead": True}
    await client.patch(
        f"/api/v1/workspaces/{owner.workspace_id}",
        json={"email_from": "sales@acme.example"},
        headers=owner.headers,
    )
    assert await set_options(client, owner, lead_assigned=False) == {
        "lead_assigned": False,
        "new_lead": True,
    }
    assert await set_options(client, owner, new_lead=False) == {
        "lead_assigned": False,
        "new_lead": False,
    }
    assert await set_options(client, owner, lead_assigned=True) == {
        "lead_assigned": True,
        "new_lead": False,
    }
    workspace = await client.get(f"/api/v1/workspaces/{owner.workspace_id}", headers=owner.headers)
    assert workspace.json()["data"]["email_from"] == "sales@acme.example"  # untouched
    assert workspace.json()["data"]["notifications"] == {"lead_assigned": True, "new_lead": False}


async def test_malformed_options_are_refused_and_nothing_changes(client, owner):
    await set_options(client, owner, lead_assigned=False)
    for options, field in [
        ({"lead_assigned": "yes"}, "notifications.lead_assigned"),
        ({"lead_assigned": 1}, "notifications.lead_assigned"),
        ({"new_lead": None, "weekly_digest": True}, "notifications.weekly_digest"),
        ("off", "notifications"),
    ]:
        response = await client.patch(
            f"/api/v1/workspaces/{owner.workspace_id}",
            json={"name": "Renamed", "notifications": options},
            headers=owner.headers,
        )
        assert assert_error(response, 422, "VALIDATION_ERROR")["details"]["field"] == field
    workspace = await client.get(f"/api/v1/workspaces/{owner.workspace_id}", headers=owner.headers)
    assert workspace.json()["data"]["name"] == "Acme"
    assert workspace.json()["data"]["notifications"] == {"lead_assigned": False, "new_lead": True}


async def test_only_those_who_may_change_the_workspace_change_its_options(client, owner):
    manager = await add_user(client, owner, "mia@acme.example", "manager")
    response = await client.patch(
        f"/api/v1/workspaces/{owner.workspace_id}",
        json={"notifications": {"lead_assigned": False}},
        headers=manager.headers,
    )
    assert_error(response, 403, "FORBIDDEN")
    assert await read_options(client, manager) == {"lead_assigned": True, "new_lead": True}


async def assign(client, owner: Account, lead_id: str, to: Account) -> None:
    response = await client.post(
        f"/api/v1/leads/{lead_id}/assign", json={"owner_id": str(to.user_id)}, headers=owner.headers
    )
    assert response.status_code == 200, response.text


async def test_an_assignment_emails_the_owner_only_while_the_option_is_on(client, db, owner, smtp):
    sales = await add_user(client, owner, "sam@acme.example", "sales")
    created = await client.post("/api/v1/leads", json={"first_name": "Ada"}, headers=owner.headers)
    lead_id = created.json()["data"]["id"]

    await set_options(client, owner, lead_assigned=False)
    await assign(client, owner, lead_id, sales)
    assert await run_email_jobs(db) == []  # not even a job
    assert smtp.handler.messages == []

    await assign(client, owner, lead_id, owner)
    await set_options(client, owner, lead_assigned=True)
    await assign(client, owner, lead_id, sales)
    [job] = await run_email_jobs(db)
    assert job.status.value == "succeeded"
    assert [(m["To"], m["Subject"]) for m in smtp.handler.messages] == [
        ("sam@acme.example", "Lead assigned to you: Ada")
    ]


async def test_without_submission_notices_the_confirmation_still_goes(client, db, owner, smtp):
    await set_options(client, owner, new_lead=False)
    form = await make_form(
        client, owner, send_confirmation=True, notify_emails=["team@acme.example"]
    )
    await submit(client, form, email="ada@analytical-engines.co.uk", first_name="Ada")
    await run_email_jobs(db)
    assert [(m["To"], m["Subject"]) for m in smtp.handler.messages] == [
        ("ada@analytical-engines.co.uk", "Thank you for contacting Acme")
    ]

    await set_options(client, owner, new_lead=True)
    await submit(client, form, email="grace@navy.example", first_name="Grace")
    await run_email_jobs(db)
    assert sorted(m["To"] for m in smtp.handler.messages[1:]) == [
        "grace@navy.example",
        "team@acme.example",
    ]
