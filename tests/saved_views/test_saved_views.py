"""Saved views of the leads list: CRUD, names, the stored query, sharing and who may change what."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import Account, add_user, assert_error

STAGE = "01a2015f-097d-7179-8c16-e7e291dcb4c4"


async def save(client, account: Account, **body) -> dict:
    response = await client.post(
        "/api/v1/saved-views", json={"name": "Hot", **body}, headers=account.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def names(client, account: Account) -> list[str]:
    response = await client.get("/api/v1/saved-views", headers=account.headers)
    assert response.status_code == 200, response.text
    return [view["name"] for view in response.json()["data"]]


async def test_save_list_rename_delete(client, owner: Account):
    view = await save(
        client,
        owner,
        query=f"?sort=-updated_at&stage={STAGE}&q=+acme+",
        columns=["name", "email", "value"],
    )
    # Normalised: the page's key order, no "?", values trimmed.
    assert view["query"] == f"q=acme&stage={STAGE}&sort=-updated_at"
    assert (view["columns"], view["shared"], view["user_id"]) == (
        ["name", "email", "value"],
        False,
        str(owner.user_id),
    )
    await save(client, owner, name="all leads")
    assert await names(client, owner) == ["all leads", "Hot"]

    renamed = await client.patch(
        f"/api/v1/saved-views/{view['id']}", json={"name": "Hottest"}, headers=owner.headers
    )
    assert renamed.json()["data"]["name"] == "Hottest"
    assert renamed.json()["data"]["query"] == view["query"]  # untouched fields stay
    cleared = await client.patch(
        f"/api/v1/saved-views/{view['id']}",
        json={"columns": None, "query": ""},
        headers=owner.headers,
    )
    assert (cleared.json()["data"]["columns"], cleared.json()["data"]["query"]) == (None, "")

    deleted = await client.delete(f"/api/v1/saved-views/{view['id']}", headers=owner.headers)
    assert deleted.status_code == 200
    assert await names(client, owner) == ["all leads"]
    again = await client.delete(f"/api/v1/saved-views/{view['id']}", headers=owner.headers)
    assert assert_error(again, 404, "NOT_FOUND")["details"]["resource"] == "saved_view"


async def test_duplicate_names_per_member_conflict(client, owner: Account):
    first = await save(client, owner, name="Hot")
    other = await save(client, owner, name="Cold")
    duplicate = await client.post(
        "/api/v1/saved-views", json={"name": "HOT"}, headers=owner.headers
    )
    assert assert_error(duplicate, 409, "CONFLICT")["details"] == {"field": "name"}
    rename = await client.patch(
        f"/api/v1/saved-views/{other['id']}", json={"name": "hot"}, headers=owner.headers
    )
    assert_error(rename, 409, "CONFLICT")
    # Renaming a view to its own name (another case) is fine.
    own = await client.patch(
        f"/api/v1/saved-views/{first['id']}", json={"name": "HOT"}, headers=owner.headers
    )
    assert own.status_code == 200
    # Another member may use the same name.
    sales = await add_user(client, owner, "sales@example.com", "sales")
    await save(client, sales, name="Hot")
    assert await names(client, owner) == ["Cold", "HOT"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "A", "query": "evil=1"}, "unknown key"),
        ({"name": "A", "query": "stage=not-an-id"}, "stage: not an id"),
        ({"name": "A", "query": "sort=password_hash"}, "sort"),
        ({"name": "A", "query": "source=carrier-pigeon"}, "source"),
        ({"name": "A", "query": "verification=maybe"}, "verification"),
        ({"name": "A", "query": "score_min=1e9"}, "score_min"),
        ({"name": "A", "query": "from=2026-13-40"}, "from"),
        ({"name": "A", "query": "q=a&q=b"}, "twice"),
        ({"name": "A", "query": "q=" + "a" * 201}, "200"),
        ({"name": "A", "query": "&&=="}, "query"),
        ({"name": "A", "query": "q=a" + "&tag=b" * 30}, "query"),
        ({"name": "A", "query": "q" * 2001}, "query"),
        ({"name": "A", "columns": ["name", "password"]}, "unknown columns"),
        ({"name": "A", "columns": ["name", "name"]}, "twice"),
        ({"name": "A", "shared": "maybe"}, "shared"),
        ({"name": "A", "owner": "me"}, "owner"),
    ],
)
async def test_bad_input_is_refused_and_nothing_is_stored(client, owner: Account, body, message):
    response = await client.post("/api/v1/saved-views", json=body, headers=owner.headers)
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert message in str(error), error
    assert await names(client, owner) == []


async def test_bad_update_keeps_the_view(client, owner: Account):
    view = await save(client, owner, query="source=form")
    response = await client.patch(
        f"/api/v1/saved-views/{view['id']}",
        json={"name": "New", "query": "source=nowhere"},
        headers=owner.headers,
    )
    assert_error(response, 422, "VALIDATION_ERROR")
    listed = (await client.get("/api/v1/saved-views", headers=owner.headers)).json()["data"]
    assert [(v["name"], v["query"]) for v in listed] == [("Hot", "source=form")]
    malformed = await client.patch(
        "/api/v1/saved-views/not-a-uuid", json={"name": "x"}, headers=owner.headers
    )
    assert_error(malformed, 422, "VALIDATION_ERROR")


async def test_sharing_and_who_may_change_a_view(client, owner: Account):
    sales = await add_user(client, owner, "sales@example.com", "sales")
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    admin = await add_user(client, owner, "admin@example.com", "admin")
    private = await save(client, sales, name="Mine only")
    shared = await save(client, sales, name="Team pipeline", shared=True)

    # A personal view is invisible to others, and does not exist for them.
    assert await names(client, viewer) == ["Team pipeline"]
    assert await names(client, sales) == ["Mine only", "Team pipeline"]
    for method, body in (("PATCH", {"name": "x"}), ("DELETE", None)):
        hidden = await client.request(
            method, f"/api/v1/saved-views/{private['id']}", json=body, headers=viewer.headers
        )
        assert_error(hidden, 404, "NOT_FOUND")

    # A shared view is changed only by its author; an admin may delete it to tidy up.
    edit = await client.patch(
        f"/api/v1/saved-views/{shared['id']}", json={"name": "Mine now"}, headers=viewer.headers
    )
    assert_error(edit, 403, "FORBIDDEN")
    delete = await client.delete(f"/api/v1/saved-views/{shared['id']}", headers=viewer.headers)
    assert_error(delete, 403, "FORBIDDEN")
    # A viewer may keep views of their own (reading is all a view does).
    await save(client, viewer, name="Team pipeline")
    assert await names(client, viewer) == ["Team pipeline", "Team pipeline"]

    unshare = await client.patch(
        f"/api/v1/saved-views/{shared['id']}", json={"shared": False}, headers=sales.headers
    )
    assert unshare.json()["data"]["shared"] is False
    assert await names(client, viewer) == ["Team pipeline"]  # only the viewer's own now
    await client.patch(
        f"/api/v1/saved-views/{shared['id']}", json={"shared": True}, headers=sales.headers
    )
    removed = await client.delete(f"/api/v1/saved-views/{shared['id']}", headers=admin.headers)
    assert removed.status_code == 200
    assert await names(client, sales) == ["Mine only"]


async def test_views_stay_in_their_workspace(client, owner: Account):
    await save(client, owner, name="A's shared", shared=True)
    created = await client.post("/api/v1/workspaces", json={"name": "Beta"}, headers=owner.headers)
    beta = uuid.UUID(created.json()["data"]["id"])
    in_beta = await client.get("/api/v1/saved-views", headers=owner.in_workspace(beta))
    assert in_beta.json()["data"] == []
    beta_view = await client.post(
        "/api/v1/saved-views", json={"name": "A's shared"}, headers=owner.in_workspace(beta)
    )
    assert beta_view.status_code == 201  # names are per member and workspace
    cross = await client.patch(
        f"/api/v1/saved-views/{beta_view.json()['data']['id']}",
        json={"name": "x"},
        headers=owner.headers,  # the first workspace
    )
    assert_error(cross, 404, "NOT_FOUND")


async def test_api_keys_have_no_saved_views(client, owner: Account):
    key = await client.post("/api/v1/api-keys", json={"name": "k"}, headers=owner.headers)
    response = await client.get(
        "/api/v1/saved-views", headers={"X-API-Key": key.json()["data"]["key"]}
    )
    assert_error(response, 403, "FORBIDDEN")


async def test_a_member_keeps_a_bounded_number_of_views(client, owner: Account, monkeypatch):
    from leadwise.saved_views import service

    monkeypatch.setattr(service, "MAX_PER_USER", 2)
    await save(client, owner, name="1")
    await save(client, owner, name="2")
    third = await client.post("/api/v1/saved-views", json={"name": "3"}, headers=owner.headers)
    assert assert_error(third, 409, "CONFLICT")["details"]["reason"] == "too_many_views"


async def test_anonymous_is_refused(client):
    assert_error(await client.get("/api/v1/saved-views"), 401, "UNAUTHENTICATED")
