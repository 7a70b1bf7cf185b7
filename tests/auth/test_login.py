"""Sign-in, lockout, rate limits, token rotation and revocation."""

from __future__ import annotations

import asyncio
import time
import uuid

import jwt
import pytest

from leadwise.config import get_settings
from tests.conftest import PASSWORD, Account, assert_error, login


async def test_login_answers_in_envelope_and_oauth2_fields(client, owner: Account):
    response = await login(client, owner.email)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["success"] is True
    # The OAuth2 fields sit at top level too, where /docs' Authorize button reads them.
    assert body["access_token"] == body["data"]["access_token"]
    assert body["token_type"] == "bearer"
    assert 800 < body["expires_in"] <= 900
    assert 6 * 86400 < body["data"]["refresh_expires_in"] <= 7 * 86400
    me = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["data"]["last_login_at"] is not None


async def test_login_is_case_insensitive_on_email(client, owner: Account):
    response = await login(client, "  OWNER@Example.COM ")
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("email", "password"),
    [("owner@example.com", "wrong password!"), ("nobody@example.com", PASSWORD)],
)
async def test_bad_credentials_get_one_answer(client, owner: Account, email: str, password: str):
    response = await login(client, email, password)
    error = assert_error(response, 401, "INVALID_CREDENTIALS")
    assert error["message"] == "Incorrect email or password."
    assert response.headers["www-authenticate"] == "Bearer"


async def test_login_form_fields_are_required(client, owner: Account):
    response = await client.post("/api/v1/auth/login", data={"username": owner.email})
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert [e["field"] for e in error["details"]["errors"]] == ["body.password"]


@pytest.fixture
def short_lockout(test_env, monkeypatch):
    monkeypatch.setenv("LEADWISE_AUTH__LOCKOUT_THRESHOLD", "3")
    monkeypatch.setenv("LEADWISE_AUTH__LOCKOUT_BASE_SECONDS", "1")
    get_settings.cache_clear()


async def test_lockout_after_repeated_failures_then_backoff_expires(
    short_lockout, client, owner: Account
):
    for _ in range(3):
        assert_error(await login(client, owner.email, "wrong password!"), 401)
    # Locked now: even the right password is refused until the lock expires.
    locked = await login(client, owner.email, PASSWORD)
    error = assert_error(locked, 429, "ACCOUNT_LOCKED")
    assert int(locked.headers["retry-after"]) >= 1
    assert error["details"]["retry_after"] >= 1
    await asyncio.sleep(1.2)
    assert (await login(client, owner.email, PASSWORD)).status_code == 200
    # Success resets the counter: one more failure does not lock again.
    assert_error(await login(client, owner.email, "wrong password!"), 401)
    assert (await login(client, owner.email, PASSWORD)).status_code == 200


async def test_lockout_doubles_with_each_further_failure(short_lockout, client, owner: Account):
    for _ in range(3):
        await login(client, owner.email, "wrong password!")
    await asyncio.sleep(1.1)
    assert_error(await login(client, owner.email, "wrong password!"), 401)
    second = await login(client, owner.email, PASSWORD)
    assert_error(second, 429, "ACCOUNT_LOCKED")
    assert int(second.headers["retry-after"]) >= 2  # 1 s, then 2 s


async def test_unknown_logins_lock_too_so_lockout_reveals_nothing(short_lockout, client, owner):
    for _ in range(3):
        assert_error(await login(client, "ghost@example.com", "whatever123"), 401)
    assert_error(await login(client, "ghost@example.com", "whatever123"), 429, "ACCOUNT_LOCKED")


@pytest.fixture
def tight_rate_limits(test_env, monkeypatch):
    monkeypatch.setenv("LEADWISE_RATE_LIMIT__LOGIN", "3/minute")
    monkeypatch.setenv("LEADWISE_RATE_LIMIT__REFRESH", "2/minute")
    monkeypatch.setenv("LEADWISE_RATE_LIMIT__PUBLIC", "2/minute")
    get_settings.cache_clear()


async def test_login_rate_limit_per_address(tight_rate_limits, store_env, client, owner: Account):
    answers = [await login(client, owner.email) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[0].headers["ratelimit-limit"] == "3"
    assert [a.headers["ratelimit-remaining"] for a in answers] == ["2", "1", "0"]
    limited = await login(client, owner.email)
    error = assert_error(limited, 429, "RATE_LIMITED")
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert limited.headers["ratelimit-remaining"] == "0"
    assert error["details"]["limit"] == 3


async def test_refresh_and_public_endpoints_are_rate_limited(tight_rate_limits, store_env, client):
    statuses = [(await client.get("/api/v1/setup")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refreshes = [
        (await client.post("/api/v1/auth/refresh", json={"refresh_token": "x" * 43})).status_code
        for _ in range(3)
    ]
    assert refreshes == [401, 401, 429]


async def refresh(client, token: str):
    return await client.post("/api/v1/auth/refresh", json={"refresh_token": token})


async def test_refresh_rotates_the_pair(client, owner: Account):
    first = await refresh(client, owner.refresh_token)
    assert first.status_code == 200, first.text
    new = first.json()["data"]
    assert new["refresh_token"] != owner.refresh_token
    assert new["access_token"] != owner.access_token
    second = await refresh(client, new["refresh_token"])
    assert second.status_code == 200
    me = await client.get(
        "/api/v1/users/me",
        headers={"Authorization": f"Bearer {second.json()['data']['access_token']}"},
    )
    assert me.status_code == 200


async def test_reusing_a_refresh_token_revokes_the_whole_family(store_env, client, owner: Account):
    rotated = (await refresh(client, owner.refresh_token)).json()["data"]
    reuse = await refresh(client, owner.refresh_token)
    error = assert_error(reuse, 401, "INVALID_TOKEN")
    assert error["details"]["reason"] == "refresh_token_reuse"
    # Everything of that sign-in is dead now: the newest refresh token and its access token.
    assert_error(await refresh(client, rotated["refresh_token"]), 401, "INVALID_TOKEN")
    me = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {rotated['access_token']}"}
    )
    assert_error(me, 401, "INVALID_TOKEN")
    # Another sign-in of the same user is unaffected.
    other = await login(client, owner.email)
    assert other.status_code == 200


async def test_concurrent_refreshes_with_one_token_only_one_wins(client, owner: Account):
    results = await asyncio.gather(*(refresh(client, owner.refresh_token) for _ in range(4)))
    # One rotation wins; every other use of the same token is reuse (401).
    assert sorted(r.status_code for r in results) == [200, 401, 401, 401]


async def test_logout_revokes_access_and_refresh(store_env, client, owner: Account):
    response = await client.post("/api/v1/auth/logout", headers=owner.headers)
    assert response.status_code == 200, response.text
    assert response.json()["success"] is True
    assert response.json()["data"] is None
    assert_error(await client.get("/api/v1/users/me", headers=owner.headers), 401, "INVALID_TOKEN")
    assert_error(await refresh(client, owner.refresh_token), 401, "INVALID_TOKEN")


async def test_logout_needs_a_token(client, owner: Account):
    assert_error(await client.post("/api/v1/auth/logout"), 401, "UNAUTHENTICATED")


def _token(claims: dict, key: str | None = None, algorithm: str = "HS256") -> str:
    key = key or get_settings().signing_key()
    return jwt.encode(claims, key, algorithm=algorithm)


async def test_forged_expired_and_malformed_tokens_are_refused(client, owner: Account):
    now = int(time.time())
    me = await client.get("/api/v1/users/me", headers=owner.headers)
    claims = jwt.decode(owner.access_token, options={"verify_signature": False})
    cases = {
        "expired": _token({**claims, "exp": now - 5}),
        "wrong key": _token(claims, key="another-key-another-key-another-key-0"),
        "unsigned": jwt.encode(claims, key="", algorithm="none"),
        "wrong type": _token({**claims, "typ": "refresh"}),
        "unknown session": _token({**claims, "sid": str(uuid.uuid4())}),
        "garbage": "not.a.jwt",
    }
    assert me.status_code == 200
    for name, token in cases.items():
        response = await client.get(
            "/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 401, name
        assert_error(response, 401, "INVALID_TOKEN")


async def test_password_change_signs_out_other_sessions(client, owner: Account):
    other = (await login(client, owner.email)).json()
    response = await client.patch(
        "/api/v1/users/me",
        json={"current_password": PASSWORD, "new_password": "a brand new secret"},
        headers=owner.headers,
    )
    assert response.status_code == 200, response.text
    # The session that changed the password goes on; the other one is signed out.
    assert (await client.get("/api/v1/users/me", headers=owner.headers)).status_code == 200
    stale = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {other['access_token']}"}
    )
    assert_error(stale, 401)
    assert_error(await login(client, owner.email, PASSWORD), 401)
    assert (await login(client, owner.email, "a brand new secret")).status_code == 200


async def test_password_change_needs_the_current_password(client, owner: Account):
    response = await client.patch(
        "/api/v1/users/me",
        json={"current_password": "not it at all", "new_password": "a brand new secret"},
        headers=owner.headers,
    )
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert error["details"]["field"] == "current_password"
    assert (await login(client, owner.email, PASSWORD)).status_code == 200
