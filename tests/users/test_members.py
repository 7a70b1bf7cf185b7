"""Members: invitations, roles, removal, and the last-owner rule."""

from __future__ import annotations

from tests.conftest import PASSWORD, Account, add_user, assert_error, login


def members_url(account: Account) -> str:
    return f"/api/v1/workspaces/{account.workspace_id}/members"


async def test_invite_accept_and_list(client, owner: Account):
    sales = await add_user(client, owner, "sales@example.com", "sales")
    listed = (await client.get(members_url(owner), headers=owner.headers)).json()
    assert [(m["email"], m["role"]) for m in listed["data"]] == [
        ("owner@example.com", "owner"),
        ("sales@example.com", "sales"),
    ]
    assert listed["meta"] == {"next_cursor": None, "limit": 50}
    me = (await client.get("/api/v1/users/me", headers=sales.headers)).json()["data"]
    assert me["role"] == "sales"


async def test_invitation_token_works_once(client, owner: Account):
    invited = await client.post(
        members_url(owner), json={"email": "x@example.com", "role": "viewer"}, headers=owner.headers
    )
    token = invited.json()["data"]["invitation"]["token"]
    body = {"token": token, "password": PASSWORD}
    assert (await client.post("/api/v1/auth/accept-invite", json=body)).status_code == 200
    again = await client.post("/api/v1/auth/accept-invite", json=body)
    assert_error(again, 401, "INVALID_TOKEN")
    forged = await client.post("/api/v1/auth/accept-invite", json={**body, "token": "z" * 43})
    assert_error(forged, 401, "INVALID_TOKEN")


async def test_existing_user_joins_at_once(client, owner: Account):
    other = await client.post("/api/v1/workspaces", json={"name": "Other"}, headers=owner.headers)
    other_id = other.json()["data"]["id"]
    colleague = await add_user(client, owner, "c@example.com", "manager")
    added = await client.post(
        f"/api/v1/workspaces/{other_id}/members",
        json={"email": "C@example.com", "role": "viewer"},
        headers=owner.headers,
    )
    assert added.status_code == 201, added.text
    assert added.json()["data"]["member"]["role"] == "viewer"
    assert added.json()["data"]["invitation"] is None
    workspaces = (await client.get("/api/v1/workspaces", headers=colleague.headers)).json()["data"]
    assert {(w["name"], w["role"]) for w in workspaces} == {
        ("Acme", "manager"),
        ("Other", "viewer"),
    }
    duplicate = await client.post(
        f"/api/v1/workspaces/{other_id}/members",
        json={"email": "c@example.com", "role": "viewer"},
        headers=owner.headers,
    )
    assert_error(duplicate, 409, "CONFLICT")


async def test_second_invitation_needs_the_accounts_password(client, owner: Account):
    other = await client.post("/api/v1/workspaces", json={"name": "Other"}, headers=owner.headers)
    other_id = other.json()["data"]["id"]
    tokens = []
    for workspace in (owner.workspace_id, other_id):
        invited = await client.post(
            f"/api/v1/workspaces/{workspace}/members",
            json={"email": "new@example.com", "role": "viewer"},
            headers=owner.headers,
        )
        tokens.append(invited.json()["data"]["invitation"]["token"])
    first = {"token": tokens[0], "password": PASSWORD}
    assert (await client.post("/api/v1/auth/accept-invite", json=first)).status_code == 200
    # The account exists now: the second token alone must not be enough to get in.
    for password in (None, "a wrong password"):
        response = await client.post(
            "/api/v1/auth/accept-invite", json={"token": tokens[1], "password": password}
        )
        assert assert_error(response, 422)["details"]["field"] == "password"
    second = {"token": tokens[1], "password": PASSWORD}
    assert (await client.post("/api/v1/auth/accept-invite", json=second)).status_code == 200
    signed_in = (await login(client, "new@example.com")).json()
    workspaces = await client.get(
        "/api/v1/workspaces", headers={"Authorization": f"Bearer {signed_in['access_token']}"}
    )
    assert {w["name"] for w in workspaces.json()["data"]} == {"Acme", "Other"}


async def test_admin_cannot_create_or_touch_owners(client, owner: Account):
    admin = await add_user(client, owner, "admin@example.com", "admin")
    promote = await client.post(
        members_url(owner), json={"email": "p@example.com", "role": "owner"}, headers=admin.headers
    )
    assert_error(promote, 403)
    demote = await client.patch(
        f"{members_url(owner)}/{owner.user_id}", json={"role": "viewer"}, headers=admin.headers
    )
    assert_error(demote, 403)
    remove = await client.delete(f"{members_url(owner)}/{owner.user_id}", headers=admin.headers)
    assert_error(remove, 403)


async def test_role_change_and_removal(client, owner: Account):
    sales = await add_user(client, owner, "sales@example.com", "sales")
    changed = await client.patch(
        f"{members_url(owner)}/{sales.user_id}", json={"role": "manager"}, headers=owner.headers
    )
    assert changed.json()["data"]["role"] == "manager"
    me = (await client.get("/api/v1/users/me", headers=sales.headers)).json()["data"]
    assert me["role"] == "manager"
    removed = await client.delete(f"{members_url(owner)}/{sales.user_id}", headers=owner.headers)
    assert removed.status_code == 200
    assert_error(
        await client.get(members_url(owner), headers=sales.in_workspace(owner.workspace_id)), 404
    )


async def test_last_owner_stays(client, owner: Account):
    demote = await client.patch(
        f"{members_url(owner)}/{owner.user_id}", json={"role": "admin"}, headers=owner.headers
    )
    error = assert_error(demote, 409, "CONFLICT")
    assert error["details"]["reason"] == "last_owner"
    leave = await client.delete(f"{members_url(owner)}/{owner.user_id}", headers=owner.headers)
    assert_error(leave, 409)
    second = await add_user(client, owner, "o2@example.com", "owner")
    demote = await client.patch(
        f"{members_url(owner)}/{owner.user_id}", json={"role": "admin"}, headers=second.headers
    )
    assert demote.status_code == 200, demote.text


async def test_viewer_cannot_manage_members_but_can_leave(client, owner: Account):
    viewer = await add_user(client, owner, "v@example.com", "viewer")
    sales = await add_user(client, owner, "s@example.com", "sales")
    kick = await client.delete(f"{members_url(owner)}/{sales.user_id}", headers=viewer.headers)
    assert_error(kick, 403)
    leave = await client.delete(f"{members_url(owner)}/{viewer.user_id}", headers=viewer.headers)
    assert leave.status_code == 200


async def test_members_paginate_with_cursor(client, owner: Account):
    for index in range(4):
        await add_user(client, owner, f"m{index}@example.com", "viewer")
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(members_url(owner), params=params, headers=owner.headers)).json()
        seen += [m["email"] for m in page["data"]]
        cursor = page["meta"]["next_cursor"]
        if cursor is None:
            break
    assert seen == ["owner@example.com"] + [f"m{i}@example.com" for i in range(4)]
    bad = await client.get(members_url(owner), params={"cursor": "%%%"}, headers=owner.headers)
    assert_error(bad, 422)
    too_many = await client.get(members_url(owner), params={"limit": 1000}, headers=owner.headers)
    assert_error(too_many, 422)
