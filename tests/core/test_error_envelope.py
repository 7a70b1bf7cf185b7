"""Every error, ours or FastAPI's, answers in the documented envelope."""

from __future__ import annotations

from tests.conftest import Account, add_user, assert_error


async def test_401_without_credentials(client, owner: Account):
    response = await client.get("/api/v1/users/me")
    error = assert_error(response, 401, "UNAUTHENTICATED")
    assert response.headers["www-authenticate"] == "Bearer"
    assert error["message"]


async def test_403_for_a_missing_permission(client, owner: Account):
    viewer = await add_user(client, owner, "v@example.com", "viewer")
    response = await client.post("/api/v1/api-keys", json={"name": "k"}, headers=viewer.headers)
    error = assert_error(response, 403, "FORBIDDEN")
    assert error["details"] == {"missing_permissions": ["api_keys:manage"], "role": "viewer"}


async def test_404_for_unknown_routes_and_ids(client, owner: Account):
    assert_error(await client.get("/api/v1/nothing-here"), 404, "NOT_FOUND")
    unknown_job = await client.get(
        "/api/v1/jobs/01a200d6-49f6-71ca-b5b9-d14154221fed", headers=owner.headers
    )
    assert assert_error(unknown_job, 404, "NOT_FOUND")["details"] == {"resource": "job"}


async def test_405_for_a_wrong_method(client):
    response = await client.put("/api/v1/setup")
    assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert "GET" in response.headers["allow"]


async def test_409_conflict(client, owner: Account):
    again = await client.post(
        "/api/v1/setup",
        json={"email": "x@example.com", "password": "correct horse battery", "workspace_name": "X"},
    )
    assert_error(again, 409, "CONFLICT")


async def test_422_names_body_query_path_and_header_fields(client, owner: Account):
    body = await client.post("/api/v1/workspaces", json={"name": 5}, headers=owner.headers)
    assert assert_error(body, 422)["details"]["errors"][0]["field"] == "body.name"
    query = await client.get("/api/v1/jobs", params={"limit": "many"}, headers=owner.headers)
    assert assert_error(query, 422)["details"]["errors"][0]["field"] == "query.limit"
    path = await client.get("/api/v1/jobs/not-a-uuid", headers=owner.headers)
    assert assert_error(path, 422)["details"]["errors"][0]["field"] == "path.job_id"
    header = await client.get("/api/v1/jobs", headers=owner.in_workspace("x"))
    assert assert_error(header, 422)["details"]["errors"][0]["field"] == "header.X-Workspace-ID"


async def test_422_for_a_body_of_the_wrong_type(client, owner: Account):
    response = await client.post(
        "/api/v1/workspaces",
        content=b"name=x",
        headers={**owner.headers, "content-type": "text/plain"},
    )
    assert_error(response, 422, "VALIDATION_ERROR")


async def test_success_envelope_shape(client, owner: Account):
    response = await client.get(f"/api/v1/workspaces/{owner.workspace_id}", headers=owner.headers)
    body = response.json()
    assert set(body) == {"success", "data", "message", "timestamp"}
    assert body["success"] is True
    assert body["timestamp"].endswith("Z")
    listed = (await client.get("/api/v1/jobs", headers=owner.headers)).json()
    assert set(listed) == {"success", "data", "meta", "message", "timestamp"}
    assert listed["meta"] == {"next_cursor": None, "limit": 50}


async def test_timestamps_have_one_format(client, owner: Account):
    ok = (await client.get("/health")).json()["timestamp"]
    error = (await client.get("/api/v1/users/me")).json()["timestamp"]
    assert ok.endswith("Z")
    assert error.endswith("Z")


async def test_nul_characters_are_refused_everywhere_before_the_database(client, owner: Account):
    """PostgreSQL cannot store U+0000: a 422 naming the field on every backend, not a 500."""
    body = await client.post("/api/v1/leads", json={"first_name": "a\x00b"}, headers=owner.headers)
    assert "first_name: the NUL character" in assert_error(body, 422, "VALIDATION_ERROR")[
        "message"
    ] + str(body.json()["error"]["details"])
    nested = await client.post(
        "/api/v1/leads",
        json={"first_name": "Ada", "source_details": {"note": ["ok", "bad\x00"]}},
        headers=owner.headers,
    )
    assert "source_details.note.1" in str(assert_error(nested, 422)["details"])
    query = await client.get("/api/v1/leads", params={"q": "x\x00"}, headers=owner.headers)
    assert_error(query, 422)
    listed = await client.get("/api/v1/leads", headers=owner.headers)
    assert listed.json()["data"] == []
