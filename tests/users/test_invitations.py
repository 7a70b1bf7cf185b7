"""Pending invitations: the list, revoke, a new link, and what the invitation screen is told."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from leadwise.core.clock import utcnow
from leadwise.models import Invitation
from tests.conftest import PASSWORD, Account, add_user, assert_error


def url(account: Account, rest: str = "") -> str:
    return f"/api/v1/workspaces/{account.workspace_id}/invitations{rest}"


async def invite(client, account: Account, email: str, role: str = "sales") -> dict:
    response = await client.post(
        f"/api/v1/workspaces/{account.workspace_id}/members",
        json={"email": email, "role": role},
        headers=account.headers,
    )
    assert response.status_code == 201, response.text
    return dict(response.json()["data"]["invitation"])


async def pending(client, account: Account) -> list[dict]:
    response = await client.get(url(account), headers=account.headers)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


async def accept(client, token: str, **body) -> object:
    return await client.post(
        "/api/v1/auth/accept-invite", json={"token": token, "password": PASSWORD, **body}
    )


async def test_pending_list_leaves_out_accepted_and_flags_expired(client, db, owner: Account):
    first = await invite(client, owner, "first@example.com", "viewer")
    second = await invite(client, owner, "second@example.com")
    listed = await pending(client, owner)
    assert [(i["email"], i["role"], i["expired"]) for i in listed] == [
        ("second@example.com", "sales", False),
        ("first@example.com", "viewer", False),
    ]
    assert listed[0]["invited_by_id"] == str(owner.user_id)
    assert "token" not in listed[0]
    assert "token_hash" not in listed[0]

    assert (await accept(client, first["token"])).status_code == 200
    async with db.unit_of_work() as session:
        await session.execute(
            update(Invitation)
            .where(Invitation.email == "second@example.com")
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
    assert [(i["email"], i["expired"]) for i in await pending(client, owner)] == [
        ("second@example.com", True)
    ]
    assert_error(await accept(client, second["token"]), 401, "INVALID_TOKEN")


async def test_revoke_ends_the_link(client, owner: Account):
    invitation = await invite(client, owner, "gone@example.com")
    revoked = await client.delete(url(owner, f"/{invitation['id']}"), headers=owner.headers)
    assert revoked.status_code == 200
    assert revoked.json()["data"]["email"] == "gone@example.com"
    assert await pending(client, owner) == []
    assert_error(await accept(client, invitation["token"]), 401, "INVALID_TOKEN")
    again = await client.delete(url(owner, f"/{invitation['id']}"), headers=owner.headers)
    assert assert_error(again, 404, "NOT_FOUND")["details"]["resource"] == "invitation"


async def test_accepted_invitations_cannot_be_revoked_or_renewed(client, owner: Account):
    invitation = await invite(client, owner, "in@example.com")
    assert (await accept(client, invitation["token"])).status_code == 200
    for method, rest in (("DELETE", ""), ("POST", "/renew")):
        response = await client.request(
            method, url(owner, f"/{invitation['id']}{rest}"), headers=owner.headers
        )
        assert_error(response, 404, "NOT_FOUND")


async def test_renew_gives_a_new_link_and_ends_the_old(client, db, owner: Account):
    invitation = await invite(client, owner, "late@example.com")
    async with db.unit_of_work() as session:
        await session.execute(update(Invitation).values(expires_at=utcnow() - timedelta(days=1)))
    renewed = await client.post(url(owner, f"/{invitation['id']}/renew"), headers=owner.headers)
    assert renewed.status_code == 200, renewed.text
    fresh = renewed.json()["data"]
    assert fresh["token"] != invitation["token"]
    assert fresh["id"] == invitation["id"]
    assert fresh["expires_at"] > invitation["expires_at"][:10]
    assert [i["expired"] for i in await pending(client, owner)] == [False]
    assert_error(await accept(client, invitation["token"]), 401, "INVALID_TOKEN")
    assert (await accept(client, fresh["token"], full_name="Late")).status_code == 200


async def test_who_may_see_and_change_invitations(client, owner: Account):
    admin = await add_user(client, owner, "admin@example.com", "admin")
    sales = await add_user(client, owner, "sales@example.com", "sales")
    for_owner = await invite(client, owner, "co-owner@example.com", "owner")
    for_viewer = await invite(client, admin, "viewer@example.com", "viewer")
    assert_error(await client.get(url(owner), headers=sales.headers), 403, "FORBIDDEN")
    as_sales = await client.delete(url(owner, f"/{for_viewer['id']}"), headers=sales.headers)
    assert_error(as_sales, 403, "FORBIDDEN")
    # An admin manages invitations up to their own role, not an owner's.
    above = await client.post(url(owner, f"/{for_owner['id']}/renew"), headers=admin.headers)
    assert_error(above, 403, "FORBIDDEN")
    above = await client.delete(url(owner, f"/{for_owner['id']}"), headers=admin.headers)
    assert_error(above, 403, "FORBIDDEN")
    assert len(await pending(client, admin)) == 2
    ok = await client.delete(url(owner, f"/{for_viewer['id']}"), headers=admin.headers)
    assert ok.status_code == 200
    malformed = await client.delete(url(owner, "/not-an-id"), headers=owner.headers)
    assert_error(malformed, 422, "VALIDATION_ERROR")
    anonymous = await client.get(url(owner))
    assert_error(anonymous, 401)


async def test_preview_tells_the_screen_what_to_ask(client, owner: Account):
    invitation = await invite(client, owner, "new@example.com", "manager")
    preview = await client.post("/api/v1/auth/invitation", json={"token": invitation["token"]})
    assert preview.status_code == 200, preview.text
    data = preview.json()["data"]
    assert (data["email"], data["role"], data["workspace_name"], data["existing_account"]) == (
        "new@example.com",
        "manager",
        "Acme",
        False,
    )
    # Invited twice before having an account: once it exists, the second asks for its password.
    beta = await client.post("/api/v1/workspaces", json={"name": "Beta"}, headers=owner.headers)
    beta_invite = await client.post(
        f"/api/v1/workspaces/{beta.json()['data']['id']}/members",
        json={"email": "new@example.com", "role": "viewer"},
        headers=owner.headers,
    )
    beta_token = beta_invite.json()["data"]["invitation"]["token"]
    # The preview spends nothing: the token still accepts afterwards.
    assert (await accept(client, invitation["token"])).status_code == 200
    second = await client.post("/api/v1/auth/invitation", json={"token": beta_token})
    assert (second.json()["data"]["workspace_name"], second.json()["data"]["existing_account"]) == (
        "Beta",
        True,
    )

    for token, status, code in (
        (invitation["token"], 401, "INVALID_TOKEN"),  # used
        ("z" * 43, 401, "INVALID_TOKEN"),
        ("short", 422, "VALIDATION_ERROR"),
        ("x" * 5000, 422, "VALIDATION_ERROR"),
    ):
        response = await client.post("/api/v1/auth/invitation", json={"token": token})
        assert_error(response, status, code)
    assert_error(await client.post("/api/v1/auth/invitation", json={}), 422, "VALIDATION_ERROR")
