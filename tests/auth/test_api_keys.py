"""API keys: shown once, stored hashed, scoped, expiring, revocable."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from leadwise.core.clock import utcnow
from leadwise.models import ApiKey
from tests.conftest import Account, add_user, assert_error


async def create_key(client, account: Account, **body):
    return await client.post(
        "/api/v1/api-keys", json={"name": "sync", **body}, headers=account.headers
    )


async def test_key_is_shown_once_and_stored_hashed(client, db, owner: Account):
    response = await create_key(client, owner)
    assert response.status_code == 201, response.text
    created = response.json()["data"]
    key = created["key"]
    assert key.startswith(f"lw_{created['prefix']}_")
    listed = (await client.get("/api/v1/api-keys", headers=owner.headers)).json()["data"]
    assert [k["id"] for k in listed] == [created["id"]]
    assert "key" not in listed[0]
    async with db.sessionmaker() as session:
        stored = await session.scalar(select(ApiKey))
    assert key not in (stored.key_hash, stored.prefix)
    assert len(stored.key_hash) == 64


async def test_default_scopes_are_the_creators_minus_key_and_member_admin(client, owner):
    scopes = (await create_key(client, owner)).json()["data"]["scopes"]
    assert "leads:read" in scopes
    assert "workspace:delete" in scopes
    assert "api_keys:manage" not in scopes
    assert "members:manage" not in scopes


async def test_key_authenticates_by_header_or_bearer_and_records_use(client, owner: Account):
    key = (await create_key(client, owner)).json()["data"]["key"]
    by_header = await client.get("/api/v1/jobs", headers={"X-API-Key": key})
    assert by_header.status_code == 200, by_header.text
    by_bearer = await client.get("/api/v1/jobs", headers={"Authorization": f"Bearer {key}"})
    assert by_bearer.status_code == 200
    listed = (await client.get("/api/v1/api-keys", headers=owner.headers)).json()["data"]
    assert listed[0]["last_used_at"] is not None


async def test_scopes_limit_what_a_key_may_do(client, owner: Account):
    key = (await create_key(client, owner, scopes=["leads:read"])).json()["data"]["key"]
    error = assert_error(await client.get("/api/v1/jobs", headers={"X-API-Key": key}), 403)
    assert error["details"]["missing_permissions"] == ["jobs:read"]


async def test_key_cannot_exceed_its_creator(client, owner: Account):
    manager = await add_user(client, owner, "manager@example.com", "manager")
    # Managers may not manage keys at all; admins may, but not beyond their own role.
    assert_error(await create_key(client, manager), 403, "FORBIDDEN")
    admin = await add_user(client, owner, "admin@example.com", "admin")
    response = await create_key(client, admin, scopes=["workspace:delete"])
    error = assert_error(response, 403, "FORBIDDEN")
    assert error["details"]["scopes"] == ["workspace:delete"]


async def test_unknown_scope_is_a_validation_error(client, owner: Account):
    error = assert_error(await create_key(client, owner, scopes=["leads:fly"]), 422)
    assert error["details"]["errors"][0]["field"] == "body.scopes.0"


async def test_revoked_key_stops_working(client, owner: Account):
    created = (await create_key(client, owner)).json()["data"]
    revoked = await client.delete(f"/api/v1/api-keys/{created['id']}", headers=owner.headers)
    assert revoked.status_code == 200
    assert revoked.json()["data"]["revoked_at"] is not None
    response = await client.get("/api/v1/jobs", headers={"X-API-Key": created["key"]})
    assert_error(response, 401, "INVALID_TOKEN")


async def test_expired_key_stops_working(client, db, owner: Account):
    soon = (utcnow() + timedelta(days=1)).isoformat()
    created = (await create_key(client, owner, expires_at=soon)).json()["data"]
    assert (await client.get("/api/v1/jobs", headers={"X-API-Key": created["key"]})).is_success
    async with db.unit_of_work() as session:
        await session.execute(update(ApiKey).values(expires_at=utcnow() - timedelta(seconds=1)))
    response = await client.get("/api/v1/jobs", headers={"X-API-Key": created["key"]})
    assert_error(response, 401, "INVALID_TOKEN")


async def test_expiry_in_the_past_is_refused(client, owner: Account):
    past = (utcnow() - timedelta(minutes=1)).isoformat()
    error = assert_error(await create_key(client, owner, expires_at=past), 422)
    assert error["details"]["field"] == "expires_at"


async def test_malformed_and_guessed_keys_are_refused(client, owner: Account):
    real = (await create_key(client, owner)).json()["data"]["key"]
    for key in ["lw_nope", real[:-3] + "abc", "lw_" + "0" * 12 + "_guess", "x" * 300]:
        assert_error(await client.get("/api/v1/jobs", headers={"X-API-Key": key}), 401)


async def test_key_is_bound_to_its_workspace(client, owner: Account):
    key = (await create_key(client, owner)).json()["data"]["key"]
    other = await client.post("/api/v1/workspaces", json={"name": "Other"}, headers=owner.headers)
    other_id = other.json()["data"]["id"]
    response = await client.get(
        "/api/v1/jobs", headers={"X-API-Key": key, "X-Workspace-ID": other_id}
    )
    assert_error(response, 404, "NOT_FOUND")


async def test_keys_cannot_act_as_a_user(client, owner: Account):
    key = (await create_key(client, owner)).json()["data"]["key"]
    assert_error(await client.get("/api/v1/users/me", headers={"X-API-Key": key}), 403)
    assert_error(await client.post("/api/v1/auth/logout", headers={"X-API-Key": key}), 403)


async def test_revoking_an_unknown_key_is_404(client, owner: Account):
    response = await client.delete(
        "/api/v1/api-keys/01a200d6-49f6-71ca-b5b9-d14154221fed", headers=owner.headers
    )
    assert_error(response, 404, "NOT_FOUND")
