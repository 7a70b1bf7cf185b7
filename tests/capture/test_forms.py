"""Forms: the workspace's settings for public capture."""

from __future__ import annotations

from tests.conftest import Account, add_user, assert_error


async def test_create_read_update_delete(client, owner: Account):
    created = await client.post(
        "/api/v1/forms",
        json={"name": "Contact us", "allowed_origins": ["https://www.example.com/"]},
        headers=owner.headers,
    )
    assert created.status_code == 201, created.text
    form = created.json()["data"]
    assert form["public_id"].startswith("f_")
    assert len(form["public_id"]) >= 20
    assert form["allowed_fields"] == [
        "first_name", "last_name", "email", "phone", "company_name", "message",
    ]  # fmt: skip
    assert form["required_fields"] == ["email"]
    assert form["allowed_origins"] == ["https://www.example.com"]
    assert form["honeypot_field"] == "website_url"
    assert form["submit_url"] == f"/api/v1/public/forms/{form['public_id']}/submit"

    updated = await client.patch(
        f"/api/v1/forms/{form['id']}",
        json={"tags": ["Webinar", "webinar "], "min_fill_seconds": 3, "is_active": False},
        headers=owner.headers,
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["data"]["tags"] == ["webinar"]
    assert updated.json()["data"]["min_fill_seconds"] == 3

    listed = await client.get("/api/v1/forms", headers=owner.headers)
    assert [f["id"] for f in listed.json()["data"]] == [form["id"]]
    deleted = await client.delete(f"/api/v1/forms/{form['id']}", headers=owner.headers)
    assert deleted.status_code == 200
    assert_error(await client.get(f"/api/v1/forms/{form['id']}", headers=owner.headers), 404)


async def test_bad_form_settings_are_422_naming_the_field(client, owner: Account):
    async def refused(body: dict) -> str:
        response = await client.post("/api/v1/forms", json=body, headers=owner.headers)
        return str(assert_error(response, 422)["details"].get("field"))

    assert await refused({"name": "F", "allowed_fields": ["email", "salary"]}) == "allowed_fields"
    assert (
        await refused({"name": "F", "allowed_fields": ["email"], "required_fields": ["phone"]})
        == "required_fields"
    )
    assert await refused({"name": "F", "honeypot_field": "email"}) == "honeypot_field"
    assert await refused({"name": "F", "allowed_origins": ["example.com"]}) == "allowed_origins"
    assert await refused({"name": "F", "redirect_url": "javascript:alert(1)"}) == "redirect_url"
    assert await refused({"name": "F", "notify_emails": ["not-an-email"]}) == "notify_emails.0"


async def test_custom_fields_can_be_asked_for(client, owner: Account):
    await client.post(
        "/api/v1/custom-fields",
        json={"key": "seats", "label": "Seats", "type": "number"},
        headers=owner.headers,
    )
    created = await client.post(
        "/api/v1/forms",
        json={"name": "Quote", "allowed_fields": ["email", "seats"], "required_fields": ["seats"]},
        headers=owner.headers,
    )
    assert created.status_code == 201, created.text


async def test_roles(client, owner: Account):
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    assert_error(
        await client.post("/api/v1/forms", json={"name": "F"}, headers=viewer.headers), 403
    )
    assert (await client.get("/api/v1/forms", headers=viewer.headers)).status_code == 200
