"""Workspaces: create, list with roles, switch, rename, delete and restore."""

from __future__ import annotations

from tests.conftest import Account, add_user, assert_error


async def create_workspace(client, account: Account, name: str) -> str:
    response = await client.post("/api/v1/workspaces", json={"name": name}, headers=account.headers)
    assert response.status_code == 201, response.text
    assert response.json()["data"]["role"] == "owner"
    return str(response.json()["data"]["id"])


async def test_list_and_switch_workspaces(client, owner: Account):
    second = await create_workspace(client, owner, "Second")
    listed = (await client.get("/api/v1/workspaces", headers=owner.headers)).json()["data"]
    assert [(w["name"], w["role"]) for w in listed] == [("Acme", "owner"), ("Second", "owner")]
    default = (await client.get("/api/v1/users/me", headers=owner.headers)).json()["data"]
    assert default["active_workspace_id"] == str(owner.workspace_id)
    switched = await client.get("/api/v1/users/me", headers=owner.in_workspace(second))
    assert switched.json()["data"]["active_workspace_id"] == second


async def test_bad_workspace_header_is_422_and_unknown_is_404(client, owner: Account):
    bad = await client.get("/api/v1/users/me", headers=owner.in_workspace("nope"))
    error = assert_error(bad, 422)
    assert error["details"]["errors"][0]["field"] == "header.X-Workspace-ID"
    unknown = await client.get(
        "/api/v1/jobs", headers=owner.in_workspace("01a200d6-49f6-71ca-b5b9-d14154221fed")
    )
    assert_error(unknown, 404)


async def test_rename(client, owner: Account):
    url = f"/api/v1/workspaces/{owner.workspace_id}"
    response = await client.patch(url, json={"name": "Acme GmbH"}, headers=owner.headers)
    assert response.json()["data"]["name"] == "Acme GmbH"
    assert (await client.get(url, headers=owner.headers)).json()["data"]["name"] == "Acme GmbH"
    assert_error(await client.patch(url, json={"name": ""}, headers=owner.headers), 422)


async def test_delete_hides_and_restore_brings_back(client, owner: Account):
    second = await create_workspace(client, owner, "Second")
    deleted = await client.delete(f"/api/v1/workspaces/{second}", headers=owner.headers)
    assert deleted.json()["data"]["deleted_at"] is not None
    assert_error(await client.get(f"/api/v1/workspaces/{second}", headers=owner.headers), 404)
    names = [
        w["name"]
        for w in (await client.get("/api/v1/workspaces", headers=owner.headers)).json()["data"]
    ]
    assert names == ["Acme"]
    restored = await client.post(f"/api/v1/workspaces/{second}/restore", headers=owner.headers)
    assert restored.status_code == 200, restored.text
    assert (await client.get(f"/api/v1/workspaces/{second}", headers=owner.headers)).is_success


async def test_only_owners_delete_or_restore(client, owner: Account):
    admin = await add_user(client, owner, "admin@example.com", "admin")
    url = f"/api/v1/workspaces/{owner.workspace_id}"
    assert_error(await client.delete(url, headers=admin.headers), 403)
    assert (await client.delete(url, headers=owner.headers)).is_success
    assert_error(await client.post(f"{url}/restore", headers=admin.headers), 403)
    assert (await client.post(f"{url}/restore", headers=owner.headers)).is_success


async def test_user_without_workspaces_gets_clear_404_for_workspace_endpoints(client, owner):
    viewer = await add_user(client, owner, "v@example.com", "viewer")
    left = await client.delete(
        f"/api/v1/workspaces/{owner.workspace_id}/members/{viewer.user_id}", headers=viewer.headers
    )
    assert left.status_code == 200, left.text
    me = (await client.get("/api/v1/users/me", headers=viewer.headers)).json()["data"]
    assert me["workspaces"] == []
    assert me["active_workspace_id"] is None
    error = assert_error(await client.get("/api/v1/jobs", headers=viewer.headers), 404)
    assert error["details"]["resource"] == "workspace"
