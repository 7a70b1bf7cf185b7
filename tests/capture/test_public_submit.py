"""Public capture: a web form's submission becomes one lead, with its files, once, and only
when it comes from a person on an allowed page; the prospect may correct it with the token."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leadwise.capture import guards
from leadwise.models import Lead
from tests.attachments import files
from tests.capture.conftest import make_form
from tests.conftest import Account, assert_error, setup_owner

ADA = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "email": "Ada@Analytical-Engines.co.uk",
    "phone": "+44 20 7946 0958",
    "message": "We need 40 seats from January.",
}


def submit_url(form: dict) -> str:
    return f"/api/v1/public/forms/{form['public_id']}/submit"


async def lead_count(db) -> int:
    async with db.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Lead)) or 0)


def stored_files(data_dir: Path) -> list[Path]:
    root = data_dir / "attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def data_dir(test_env) -> Path:
    return Path(test_env.values["LEADWISE_DATA_DIR"])


async def test_json_submission_creates_a_lead_with_its_timeline(client, owner: Account):
    form = await make_form(
        client,
        owner,
        allowed_fields=[*ADA, "consent_marketing"],
        tags=["website"],
    )
    response = await client.post(
        submit_url(form),
        json={
            **ADA,
            "consent_marketing": True,
            "utm_source": "newsletter",
            "page_url": "https://x.io/p",
        },
        headers={"User-Agent": "Mozilla/5.0 test"},
    )
    assert response.status_code == 201, response.text
    result = response.json()["data"]
    assert set(result) == {"lead_id", "edit_token", "edit_token_expires_at", "redirect_url"}
    assert len(result["edit_token"]) >= 40

    lead = (await client.get(f"/api/v1/leads/{result['lead_id']}", headers=owner.headers)).json()[
        "data"
    ]
    assert lead["source"] == "form"
    assert lead["email_normalized"] == "Ada@analytical-engines.co.uk"
    assert lead["phone_e164"] == "+442079460958"
    assert lead["tags"] == ["website"]
    assert lead["utm_source"] == "newsletter"
    assert lead["source_details"]["form_id"] == form["id"]
    assert lead["source_details"]["page_url"] == "https://x.io/p"
    assert lead["source_details"]["user_agent"] == "Mozilla/5.0 test"
    assert lead["company_id"] is not None  # linked by the email's domain
    assert lead["consents"]["marketing_email"]["granted"] is True

    timeline = await client.get(
        f"/api/v1/leads/{result['lead_id']}/activities", headers=owner.headers
    )
    events = [(a["kind"], a["data"].get("event")) for a in reversed(timeline.json()["data"])]
    assert events == [("system", "created"), ("system", "form_submitted"), ("note", "form_message")]
    assert timeline.json()["data"][0]["body"] == ADA["message"]


async def test_a_cv_upload_with_the_submission(client, owner: Account, data_dir: Path):
    form = await make_form(client, owner, accept_files=True)
    cv = files.pdf(5 * 1024 * 1024)
    response = await client.post(
        submit_url(form),
        data={"email": "ada@analytical-engines.co.uk", "first_name": "Ada"},
        files={"cv": ("../../CV Ada.pdf", cv, "application/pdf")},
    )
    assert response.status_code == 201, response.text
    lead_id = response.json()["data"]["lead_id"]
    listed = await client.get(f"/api/v1/leads/{lead_id}/attachments", headers=owner.headers)
    [attachment] = listed.json()["data"]
    assert attachment["original_name"] == "CV Ada.pdf"
    assert attachment["size"] == len(cv)
    assert attachment["uploaded_by_id"] is None
    [path] = stored_files(data_dir)
    assert path.read_bytes() == cv


async def test_files_are_checked_and_nothing_is_half_written(client, db, owner, data_dir: Path):
    with_files = await make_form(client, owner, accept_files=True)
    without = await make_form(client, owner, name="No files")
    body = {"email": "ada@analytical-engines.co.uk"}
    lying = await client.post(
        submit_url(with_files),
        data=body,
        files={"cv": ("cv.pdf", files.windows_executable(), "application/pdf")},
    )
    assert_error(lying, 415, "UNSUPPORTED_FILE_TYPE")
    refused = await client.post(
        submit_url(without), data=body, files={"cv": ("cv.pdf", files.pdf(), "application/pdf")}
    )
    assert assert_error(refused, 422)["message"] == "Files are not accepted here."
    # A good file, then a bad field: the stored file goes again.
    bad_email = await client.post(
        submit_url(with_files),
        data={"email": "not an email"},
        files={"cv": ("cv.pdf", files.pdf(), "application/pdf")},
    )
    assert assert_error(bad_email, 422)["details"]["field"] == "email"
    assert await lead_count(db) == 0
    assert stored_files(data_dir) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "ada@@example.org"}, "email"),
        ({"email": "ada@analytical-engines.co.uk", "phone": "12"}, "phone"),
        ({"first_name": "Ada"}, "email"),  # required
        ({"email": "ada@analytical-engines.co.uk", "salary": "1"}, "salary"),  # not a form field
        ({"email": "ada@analytical-engines.co.uk", "first_name": "x" * 10_001}, "first_name"),
        ({"email": "ada@analytical-engines.co.uk", "first_name": {"nested": 1}}, "first_name"),
    ],
)
async def test_bad_fields_are_422_naming_the_field(client, db, owner: Account, body, field):
    form = await make_form(client, owner)
    response = await client.post(submit_url(form), json=body)
    assert assert_error(response, 422)["details"]["field"] == field
    assert await lead_count(db) == 0


async def test_bad_bodies(client, owner: Account):
    form = await make_form(client, owner)
    not_json = await client.post(
        submit_url(form), content=b"{oops", headers={"Content-Type": "application/json"}
    )
    assert_error(not_json, 422)
    a_list = await client.post(submit_url(form), json=["ada@example.org"])
    assert_error(a_list, 422)
    xml = await client.post(
        submit_url(form), content=b"<lead/>", headers={"Content-Type": "application/xml"}
    )
    assert_error(xml, 415, "UNSUPPORTED_MEDIA_TYPE")
    too_many = await client.post(submit_url(form), json={f"f{i}": "x" for i in range(51)})
    assert assert_error(too_many, 422)["details"]["max_fields"] == 50
    unknown = await client.post("/api/v1/public/forms/f_nope/submit", json={"email": "a@b.co"})
    assert_error(unknown, 404, "FORM_NOT_FOUND")


async def test_inactive_forms_and_deleted_workspaces_take_nothing(client, owner: Account):
    form = await make_form(client, owner)
    await client.patch(
        f"/api/v1/forms/{form['id']}", json={"is_active": False}, headers=owner.headers
    )
    response = await client.post(submit_url(form), json={"email": "ada@analytical-engines.co.uk"})
    assert_error(response, 404, "FORM_NOT_FOUND")
    assert_error(await client.get(f"/api/v1/public/forms/{form['public_id']}"), 404)


async def test_double_submit_with_one_idempotency_key_makes_one_lead(client, db, owner):
    form = await make_form(client, owner)
    body = {"email": "ada@analytical-engines.co.uk", "first_name": "Ada"}
    key = {"Idempotency-Key": "submit-7f3a"}
    first = await client.post(submit_url(form), json=body, headers=key)
    second = await client.post(submit_url(form), json=body, headers=key)
    assert first.status_code == second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert first.json()["data"]["lead_id"] == second.json()["data"]["lead_id"]
    assert await lead_count(db) == 1

    # The replay issued a fresh edit token; the first one stopped working.
    lead_id = first.json()["data"]["lead_id"]
    old = await client.put(
        f"/api/v1/public/leads/{lead_id}",
        json={"first_name": "Augusta"},
        headers={"X-Edit-Token": first.json()["data"]["edit_token"]},
    )
    assert_error(old, 403, "INVALID_EDIT_TOKEN")
    new = await client.put(
        f"/api/v1/public/leads/{lead_id}",
        json={"first_name": "Augusta"},
        headers={"X-Edit-Token": second.json()["data"]["edit_token"]},
    )
    assert new.status_code == 200, new.text

    other_body = await client.post(
        submit_url(form), json={**body, "first_name": "Someone else"}, headers=key
    )
    assert_error(other_body, 422, "IDEMPOTENCY_KEY_REUSED")
    bad_key = await client.post(submit_url(form), json=body, headers={"Idempotency-Key": " "})
    assert_error(bad_key, 422)
    assert await lead_count(db) == 1


async def test_concurrent_double_submits_make_one_lead(client, db, owner):
    form = await make_form(client, owner)
    body = {"email": "ada@analytical-engines.co.uk"}
    responses = await asyncio.gather(
        *(
            client.post(submit_url(form), json=body, headers={"Idempotency-Key": "k1"})
            for _ in range(5)
        )
    )
    assert [r.status_code for r in responses] == [201] * 5, [r.text for r in responses]
    assert len({r.json()["data"]["lead_id"] for r in responses}) == 1
    assert await lead_count(db) == 1


async def test_honeypot_submissions_look_accepted_but_store_nothing(client, db, owner, data_dir):
    form = await make_form(client, owner, accept_files=True)
    response = await client.post(
        submit_url(form),
        data={"email": "bot@spam.example.org", "website_url": "http://spam.example"},
        files={"cv": ("cv.pdf", files.pdf(), "application/pdf")},
    )
    assert response.status_code == 201
    assert await lead_count(db) == 0
    assert stored_files(data_dir) == []


async def test_minimum_fill_time_needs_a_genuine_render_token(client, db, owner, test_env):
    form = await make_form(client, owner, min_fill_seconds=3)
    body = {"email": "ada@analytical-engines.co.uk"}
    secret = test_env.values["LEADWISE_SECRET_KEY"]
    missing = await client.post(submit_url(form), json=body)
    assert_error(missing, 422, "RENDER_TOKEN_INVALID")
    forged = await client.post(
        submit_url(form), json={**body, "_rt": f"{int(time.time()) - 60}.{'0' * 32}"}
    )
    assert_error(forged, 422, "RENDER_TOKEN_INVALID")
    shown = await client.get(f"/api/v1/public/forms/{form['public_id']}")
    assert shown.json()["data"]["fields"] == form["allowed_fields"]
    too_fast = await client.post(
        submit_url(form), json={**body, "_rt": shown.json()["data"]["render_token"]}
    )
    assert_error(too_fast, 422, "SUBMITTED_TOO_FAST")
    stale = guards.render_token(secret, form["public_id"], now=time.time() - 2 * 24 * 3600)
    assert_error(await client.post(submit_url(form), json={**body, "_rt": stale}), 422)
    assert await lead_count(db) == 0
    human = guards.render_token(secret, form["public_id"], now=time.time() - 10)
    accepted = await client.post(submit_url(form), json={**body, "_rt": human})
    assert accepted.status_code == 201, accepted.text


async def test_only_allowed_origins_may_post(client, db, owner: Account):
    form = await make_form(client, owner, allowed_origins=["https://www.example.com"])
    body = {"email": "ada@analytical-engines.co.uk"}
    evil = await client.post(submit_url(form), json=body, headers={"Origin": "https://evil.test"})
    assert_error(evil, 403, "ORIGIN_NOT_ALLOWED")
    nothing = await client.post(submit_url(form), json=body)
    assert_error(nothing, 403, "ORIGIN_NOT_ALLOWED")
    by_referer = await client.post(
        submit_url(form), json=body, headers={"Referer": "https://www.example.com/contact?x=1"}
    )
    assert by_referer.status_code == 201
    by_origin = await client.post(
        submit_url(form), json=body, headers={"Origin": "https://www.example.com"}
    )
    assert by_origin.status_code == 201
    assert by_origin.headers["access-control-allow-origin"] == "https://www.example.com"
    preflight = await client.options(
        submit_url(form),
        headers={"Origin": "https://www.example.com", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 204
    assert "Idempotency-Key" in preflight.headers["access-control-allow-headers"]
    assert await lead_count(db) == 2


async def test_a_plain_html_form_post_is_redirected(client, owner: Account):
    form = await make_form(client, owner, redirect_url="https://www.example.com/thanks")
    response = await client.post(
        submit_url(form),
        data={"email": "ada@analytical-engines.co.uk"},
        headers={"Accept": "text/html,application/xhtml+xml"},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "https://www.example.com/thanks"
    scripted = await client.post(submit_url(form), json={"email": "ada@analytical-engines.co.uk"})
    assert scripted.status_code == 201
    assert scripted.json()["data"]["redirect_url"] == "https://www.example.com/thanks"


async def test_per_form_rate_limit(app_with):
    async with app_with(LEADWISE_RATE_LIMIT__FORM="2/minute") as client:
        owner = await setup_owner(client)
        form = await make_form(client, owner)
        body = {"email": "ada@analytical-engines.co.uk"}
        statuses = [(await client.post(submit_url(form), json=body)).status_code for _ in range(3)]
        assert statuses == [201, 201, 429]


async def test_editing_needs_the_token(client, db, owner: Account):
    await client.post(
        "/api/v1/custom-fields",
        json={"key": "seats", "label": "Seats", "type": "number"},
        headers=owner.headers,
    )
    form = await make_form(client, owner, allowed_fields=["email", "first_name", "phone", "seats"])
    submitted = (
        await client.post(
            submit_url(form), data={"email": "ada@analytical-engines.co.uk", "seats": "40"}
        )
    ).json()["data"]
    lead_url = f"/api/v1/public/leads/{submitted['lead_id']}"
    token = {"X-Edit-Token": submitted["edit_token"]}

    assert_error(await client.put(lead_url, json={"first_name": "A"}), 401, "EDIT_TOKEN_REQUIRED")
    wrong = await client.put(lead_url, json={"first_name": "A"}, headers={"X-Edit-Token": "x" * 43})
    assert_error(wrong, 403, "INVALID_EDIT_TOKEN")
    other_lead = f"/api/v1/public/leads/{uuid.uuid4()}"
    assert_error(await client.put(other_lead, json={"first_name": "A"}, headers=token), 403)
    not_in_form = await client.put(lead_url, json={"job_title": "CEO"}, headers=token)
    assert assert_error(not_in_form, 422)["details"]["field"] == "job_title"
    bad_phone = await client.put(lead_url, json={"phone": "12"}, headers=token)
    assert assert_error(bad_phone, 422)["details"]["field"] == "phone"

    edited = await client.put(
        lead_url, json={"first_name": "Augusta", "seats": "45"}, headers=token
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["data"]["fields"] == {
        "email": "ada@analytical-engines.co.uk",
        "first_name": "Augusta",
        "phone": None,
        "seats": 45,
    }
    lead = (await client.get(f"/api/v1/leads/{submitted['lead_id']}", headers=owner.headers)).json()
    assert lead["data"]["first_name"] == "Augusta"
    timeline = await client.get(
        f"/api/v1/leads/{submitted['lead_id']}/activities", headers=owner.headers
    )
    changes = [a["data"]["field"] for a in timeline.json()["data"] if a["kind"] == "field_change"]
    assert sorted(changes) == ["custom_fields", "first_name"]

    # Expired tokens stop working.
    async with db.unit_of_work() as session:
        stored = await session.get(Lead, uuid.UUID(submitted["lead_id"]))
        stored.edit_token_expires_at = stored.created_at
    assert_error(await client.put(lead_url, json={"first_name": "B"}, headers=token), 403)
