"""Settings' outgoing email: its status (never the SMTP login), and a test email sent at once
through real SMTP servers on loopback: one that accepts, one that refuses, one that never
answers, and none at all."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from tests.conftest import Account, _clear_caches, add_user, assert_error
from tests.servers.smtp import SmtpServer, free_port


def status_url(account: Account) -> str:
    return f"/api/v1/workspaces/{account.workspace_id}/email"


async def send_test(client, account: Account, to: object = "olivia@acme.example"):
    return await client.post(
        f"{status_url(account)}/test", json={"to": to}, headers=account.headers
    )


async def test_status_without_an_smtp_server(client, owner):
    response = await client.get(status_url(owner), headers=owner.headers)
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {
        "configured": False,
        "host": None,
        "port": None,
        "security": "starttls",
        "authenticated": False,
        "default_sender": "Leadwise <leadwise@localhost>",
        "workspace_sender": None,
        "sender": "Leadwise <leadwise@localhost>",
    }


@pytest.fixture
def smtp_login(smtp, monkeypatch) -> None:
    monkeypatch.setenv("LEADWISE_SMTP__USERNAME", "mailer-login-7f3a")
    monkeypatch.setenv("LEADWISE_SMTP__PASSWORD", "hunter2-secret-9c1d")
    _clear_caches()


async def test_status_tells_the_server_and_sender_but_never_the_login(
    smtp_login, smtp, client, owner
):
    await client.patch(
        f"/api/v1/workspaces/{owner.workspace_id}",
        json={"email_from": "Acme Sales <sales@acme.example>"},
        headers=owner.headers,
    )
    response = await client.get(status_url(owner), headers=owner.headers)
    data = response.json()["data"]
    assert data["configured"] is True
    assert (data["host"], data["port"], data["security"]) == ("127.0.0.1", smtp.port, "none")
    assert data["authenticated"] is True
    assert data["workspace_sender"] == data["sender"] == "Acme Sales <sales@acme.example>"
    assert data["default_sender"] == "Leadwise <leadwise@localhost>"
    assert "mailer-login-7f3a" not in response.text
    assert "hunter2-secret-9c1d" not in response.text


async def test_a_test_email_arrives(smtp, client, owner):
    await client.patch(
        f"/api/v1/workspaces/{owner.workspace_id}",
        json={"email_from": "Acme Sales <sales@acme.example>"},
        headers=owner.headers,
    )
    response = await send_test(client, owner)
    assert response.status_code == 200, response.text
    sent = response.json()["data"]
    assert sent["to"] == "olivia@acme.example"
    assert sent["sender"] == "Acme Sales <sales@acme.example>"
    [message] = smtp.handler.messages
    assert message["From"] == "Acme Sales <sales@acme.example>"
    assert message["To"] == "olivia@acme.example"
    assert message["Subject"] == sent["subject"] == "Test email from Leadwise (Acme)"
    assert message["Message-ID"] == sent["message_id"]
    assert smtp.handler.envelopes == [("sales@acme.example", ["olivia@acme.example"])]
    text = message.get_body(("plain",)).get_content()
    assert "sent by O from the settings of Acme" in text
    assert f"127.0.0.1:{smtp.port}" in text


async def test_a_refusal_is_told_with_the_servers_answer(smtp, client, owner):
    smtp.handler.rcpt_reply = "550 5.1.1 No such user here"
    response = await send_test(client, owner, "nobody@acme.example")
    error = assert_error(response, 502, "SMTP_REFUSED")
    assert error["message"].startswith(f"The mail server 127.0.0.1:{smtp.port} refused the email")
    assert "550" in error["message"]
    assert "No such user here" in error["message"]
    assert error["details"]["smtp_code"] == 550
    assert error["details"]["reason"] == "refused"
    assert smtp.handler.messages == []


@pytest.fixture
async def silent_server(test_env, monkeypatch) -> AsyncIterator[int]:
    """Accepts connections and never says a word (a mail server that hangs)."""
    connections: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for name, value in {
        "LEADWISE_SMTP__HOST": "127.0.0.1",
        "LEADWISE_SMTP__PORT": str(port),
        "LEADWISE_SMTP__SECURITY": "none",
        "LEADWISE_SMTP__TIMEOUT_SECONDS": "0.5",
    }.items():
        monkeypatch.setenv(name, value)
    _clear_caches()
    try:
        yield port
    finally:
        for writer in connections:
            writer.close()
        server.close()
        await server.wait_closed()


async def test_a_server_that_never_answers_times_out(silent_server, client, owner):
    response = await send_test(client, owner)
    error = assert_error(response, 504, "SMTP_TIMEOUT")
    assert error["message"] == (
        f"The mail server 127.0.0.1:{silent_server} did not answer within 0.5 seconds."
    )


@pytest.fixture
def nobody_listening(test_env, monkeypatch) -> None:
    monkeypatch.setenv("LEADWISE_SMTP__HOST", "127.0.0.1")
    monkeypatch.setenv("LEADWISE_SMTP__PORT", str(free_port()))
    monkeypatch.setenv("LEADWISE_SMTP__SECURITY", "none")
    _clear_caches()


async def test_no_server_listening_is_unreachable(nobody_listening, client, owner):
    error = assert_error(await send_test(client, owner), 502, "SMTP_UNREACHABLE")
    assert error["message"].startswith("Could not connect to the mail server 127.0.0.1:")


async def test_without_an_smtp_server_nothing_is_sent(client, owner):
    error = assert_error(await send_test(client, owner), 409, "SMTP_NOT_CONFIGURED")
    assert "LEADWISE_SMTP__HOST" in error["message"]


async def test_the_address_must_be_one(smtp: SmtpServer, client, owner):
    for bad in ["", "not-an-address", "olivia@acme.example\r\nBcc: spy@evil.test", 42, "a" * 400]:
        error = assert_error(await send_test(client, owner, bad), 422, "VALIDATION_ERROR")
        assert error["details"]["field"] == "to"
    response = await client.post(
        f"{status_url(owner)}/test", json={"to": "o@acme.example", "cc": "x"}, headers=owner.headers
    )
    assert_error(response, 422, "VALIDATION_ERROR")
    assert smtp.handler.messages == []


async def test_only_settings_managers_see_and_test_email(smtp, client, owner):
    manager = await add_user(client, owner, "mia@acme.example", "manager")
    assert_error(await client.get(status_url(owner), headers=manager.headers), 403, "FORBIDDEN")
    assert_error(await send_test(client, manager), 403, "FORBIDDEN")
    assert_error(await client.get(status_url(owner)), 401)
    assert smtp.handler.messages == []


@pytest.fixture
def two_tests_a_minute(test_env, monkeypatch) -> None:
    monkeypatch.setenv("LEADWISE_RATE_LIMIT__TEST_EMAIL", "2/minute")  # read as the app starts
    _clear_caches()


async def test_test_emails_are_rate_limited_per_workspace(two_tests_a_minute, smtp, client, owner):
    assert (await send_test(client, owner)).status_code == 200
    assert (await send_test(client, owner)).status_code == 200
    response = await send_test(client, owner)
    error = assert_error(response, 429, "RATE_LIMITED")
    assert int(response.headers["Retry-After"]) >= 1
    assert error["details"]["limit"] == 2
    assert len(smtp.handler.messages) == 2
    # Another workspace has its own allowance.
    other = await client.post("/api/v1/workspaces", json={"name": "Beta"}, headers=owner.headers)
    beta = Account(**{**owner.__dict__, "workspace_id": other.json()["data"]["id"]})
    assert (await send_test(client, beta)).status_code == 200
