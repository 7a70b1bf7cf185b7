"""Emails on new leads and assignments: sent through a real SMTP server on loopback, retried
when it is busy, and recorded on the lead's timeline however they end; a failed email never
fails the capture."""

from __future__ import annotations

from leadwise.config import get_settings
from leadwise.jobs import runner
from tests.capture.conftest import make_form
from tests.conftest import Account, _clear_caches, add_user, assert_error
from tests.jobs.support import Workers, wait_for
from tests.notifications.support import (
    FAST_RETRIES,
    email_jobs,
    run_email_jobs,
    submit,
    timeline_events,
)
from tests.servers.smtp import free_port


async def test_confirmation_and_notification_of_a_submission(client, db, owner, smtp):
    await client.patch(
        f"/api/v1/workspaces/{owner.workspace_id}",
        json={"email_from": "Acme Sales <sales@acme.example>"},
        headers=owner.headers,
    )
    form = await make_form(
        client,
        owner,
        send_confirmation=True,
        notify_emails=["team@acme.example", "boss@acme.example"],
        confirmation_message="Thanks! We will call you within a day.",
    )
    lead_id = await submit(
        client,
        form,
        first_name="Ada",
        last_name="Lovelace",
        email="ada@analytical-engines.co.uk",
        message="Need <b>40</b> seats",
    )
    jobs = await run_email_jobs(db)
    assert [job.status.value for job in jobs] == ["succeeded", "succeeded"]

    by_subject = {m["Subject"]: m for m in smtp.handler.messages}
    confirmation = by_subject["Thank you for contacting Acme"]
    assert confirmation["To"] == "ada@analytical-engines.co.uk"
    assert confirmation["From"] == "Acme Sales <sales@acme.example>"
    assert confirmation["Auto-Submitted"] == "auto-generated"
    assert confirmation["Reply-To"] is None
    text = confirmation.get_body(("plain",)).get_content()
    html = confirmation.get_body(("html",)).get_content()
    assert "Hello Ada," in text
    assert "Thanks! We will call you within a day." in text
    assert "Need <b>40</b> seats" in text
    assert "Need &lt;b&gt;40&lt;/b&gt; seats" in html  # escaped in HTML

    notification = by_subject["New lead from Contact us: Ada Lovelace"]
    assert notification["To"] == "team@acme.example, boss@acme.example"
    assert notification["Reply-To"] == "ada@analytical-engines.co.uk"
    assert f"/leads/{lead_id}" in notification.get_body(("plain",)).get_content()
    assert sorted(smtp.handler.envelopes[1][1] + smtp.handler.envelopes[0][1]) == sorted(
        ["ada@analytical-engines.co.uk", "team@acme.example", "boss@acme.example"]
    )

    events = [a["data"].get("event") for a in await timeline_events(client, owner, lead_id)]
    assert events[:3] == ["created", "form_submitted", "form_message"]
    assert sorted(events[3:]) == ["email_sent", "notification_sent"]


async def test_assignment_tells_the_new_owner_once(client, db, owner, smtp):
    sales = await add_user(client, owner, "sam@acme.example", "sales")
    await client.post(
        "/api/v1/assignment-rules",
        json={"name": "All to Sam", "strategy": "round_robin", "user_ids": [str(sales.user_id)]},
        headers=owner.headers,
    )
    form = await make_form(client, owner)  # no recipients: the owner is told
    lead_id = await submit(client, form, email="ada@analytical-engines.co.uk", first_name="Ada")
    await run_email_jobs(db)
    # Assigned by the rule and told about the submission: one email, not two.
    assert [(m["To"], m["Subject"]) for m in smtp.handler.messages] == [
        ("sam@acme.example", "Lead assigned to you: Ada")
    ]

    # Assigning to yourself sends nothing; assigning to someone else does.
    await client.post(
        f"/api/v1/leads/{lead_id}/assign",
        json={"owner_id": str(owner.user_id)},
        headers=owner.headers,
    )
    await client.post(
        f"/api/v1/leads/{lead_id}/assign",
        json={"owner_id": str(sales.user_id)},
        headers=owner.headers,
    )
    await run_email_jobs(db)
    assert len(smtp.handler.messages) == 2
    body = smtp.handler.messages[1].get_body(("plain",)).get_content()
    assert body.startswith("O assigned a lead to you.")


async def test_without_smtp_emails_are_recorded_not_sent(client, db, owner):
    form = await make_form(client, owner, send_confirmation=True)
    lead_id = await submit(client, form, email="ada@analytical-engines.co.uk")
    [job] = await run_email_jobs(db)
    assert job.status.value == "succeeded"
    assert job.result is not None
    assert job.result["sent"] is False
    assert job.result["reason"] == "smtp_not_configured"
    [event] = [
        a for a in await timeline_events(client, owner, lead_id) if a["data"].get("template")
    ]
    assert event["data"]["event"] == "email_not_sent"
    assert event["data"]["subject"] == "Thank you for contacting Acme"


async def test_a_busy_server_is_retried_then_given_up_visibly(client, db, owner, smtp):
    smtp.handler.rcpt_reply = "451 4.3.0 Mailbox busy, try again later"
    form = await make_form(client, owner, send_confirmation=True)
    lead_id = await submit(client, form, email="ada@analytical-engines.co.uk")
    [job] = await run_email_jobs(db)
    assert job.status.value == "failed"
    assert job.attempts == 3
    assert "451" in (job.error or "")
    [failure] = [a for a in await timeline_events(client, owner, lead_id) if a["data"].get("error")]
    assert failure["data"]["event"] == "email_failed"
    assert "gave up after 3 attempts" in failure["body"]
    assert (await client.get(f"/api/v1/leads/{lead_id}", headers=owner.headers)).status_code == 200
    jobs_api = await client.get(f"/api/v1/jobs/{job.id}", headers=owner.headers)
    assert jobs_api.json()["data"]["status"] == "failed"


async def test_a_busy_server_that_recovers(client, db, owner, smtp):
    smtp.handler.rcpt_reply = "451 4.3.0 Greylisted"
    form = await make_form(client, owner, send_confirmation=True)
    await submit(client, form, email="ada@analytical-engines.co.uk")
    [job] = await email_jobs(db)
    await runner.run_job(db, get_settings(), job.id)
    smtp.handler.rcpt_reply = None
    [job] = await run_email_jobs(db)
    assert job.status.value == "succeeded"
    assert job.attempts == 2
    assert len(smtp.handler.messages) == 1


async def test_a_refused_recipient_fails_at_once(client, db, owner, smtp):
    smtp.handler.rcpt_reply = "550 5.1.1 No such user"
    form = await make_form(client, owner, send_confirmation=True)
    await submit(client, form, email="ada@analytical-engines.co.uk")
    [job] = await run_email_jobs(db)
    assert job.status.value == "failed"
    assert job.attempts == 1
    assert "550" in (job.error or "")


async def test_no_server_at_all_is_temporary(client, db, owner, monkeypatch):
    monkeypatch.setenv("LEADWISE_SMTP__HOST", "127.0.0.1")
    monkeypatch.setenv("LEADWISE_SMTP__PORT", str(free_port()))  # nothing listens
    monkeypatch.setenv("LEADWISE_SMTP__SECURITY", "none")
    for name, value in FAST_RETRIES.items():
        monkeypatch.setenv(name, value)
    _clear_caches()
    form = await make_form(client, owner, send_confirmation=True)
    await submit(client, form, email="ada@analytical-engines.co.uk")
    [job] = await run_email_jobs(db)
    assert job.status.value == "failed"
    assert job.attempts == 3


async def test_submitted_values_cannot_inject_headers(client, db, owner, smtp):
    form = await make_form(client, owner, notify_emails=["team@acme.example"])
    await submit(
        client, form, email="ada@analytical-engines.co.uk", first_name="Ada\r\nBcc: spy@evil.test"
    )
    await run_email_jobs(db)
    [message] = smtp.handler.messages
    assert message["Bcc"] is None
    assert "\n" not in message["Subject"]
    assert smtp.handler.envelopes[0][1] == ["team@acme.example"]


async def test_workspace_sender_must_be_an_address(client, owner: Account):
    response = await client.patch(
        f"/api/v1/workspaces/{owner.workspace_id}",
        json={"email_from": "Acme\r\nBcc: x@y.z"},
        headers=owner.headers,
    )
    assert assert_error(response, 422)["details"]["field"] == "email_from"


async def test_a_worker_process_sends_the_email(client, db, owner, smtp, test_env, tmp_path):
    """The whole way: the submit commits, the job goes through the broker to a real worker
    process, which sends through the SMTP server."""
    form = await make_form(client, owner, notify_emails=["team@acme.example"])
    workers = Workers(values={**test_env.values, **smtp.env}, directory=tmp_path / "workers")
    try:
        workers.start()
        lead_id = await submit(client, form, email="ada@analytical-engines.co.uk")

        async def delivered() -> bool:
            return bool(smtp.handler.messages)

        await wait_for(delivered, "the notification email", workers=workers)

        async def finished() -> bool:
            return all(job.status.is_final for job in await email_jobs(db))

        await wait_for(finished, "the email job to finish", workers=workers)
    finally:
        workers.kill_all()
    [message] = smtp.handler.messages
    assert message["Subject"] == "New lead from Contact us: ada@analytical-engines.co.uk"
    [job] = await email_jobs(db)
    assert job.status.value == "succeeded"
    events = [a["data"].get("event") for a in await timeline_events(client, owner, lead_id)]
    assert events[-1] == "notification_sent"
