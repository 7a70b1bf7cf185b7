"""Cookie mode of sign-in (`X-Session-Mode: cookie`): the web app's refresh token lives in an
httpOnly, SameSite=Strict cookie and never in a script's reach; JSON mode is unchanged."""

from __future__ import annotations

from http.cookies import SimpleCookie

import httpx

from leadwise.auth.cookies import COOKIE_PATH, REFRESH_COOKIE
from tests.conftest import PASSWORD, Account, assert_error

COOKIE_MODE = {"X-Session-Mode": "cookie"}


def refresh_cookie_of(response: httpx.Response) -> SimpleCookie:
    header = [v for k, v in response.headers.multi_items() if k == "set-cookie"]
    assert len(header) == 1, header
    jar = SimpleCookie()
    jar.load(header[0])
    return jar


def cookie_header(token: str) -> dict[str, str]:
    return {**COOKIE_MODE, "Cookie": f"{REFRESH_COOKIE}={token}"}


async def cookie_login(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post(
        "/api/v1/auth/login",
        data={"username": email, "password": PASSWORD},
        headers=COOKIE_MODE,
    )


async def test_cookie_login_keeps_the_refresh_token_out_of_the_body(client, owner: Account):
    response = await cookie_login(client, owner.email)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["data"]["refresh_token"] is None
    assert body["refresh_token"] is None
    assert body["access_token"]
    morsel = refresh_cookie_of(response)[REFRESH_COOKIE]
    assert len(morsel.value) >= 16
    assert morsel["httponly"] is True
    assert morsel["samesite"].lower() == "strict"
    assert morsel["path"] == COOKIE_PATH
    assert 6 * 86400 < int(morsel["max-age"]) <= 7 * 86400


async def test_cookie_refresh_rotates_and_a_reused_cookie_revokes_the_session(
    client, owner: Account
):
    first = refresh_cookie_of(await cookie_login(client, owner.email))[REFRESH_COOKIE].value
    client.cookies.clear()
    rotated = await client.post("/api/v1/auth/refresh", headers=cookie_header(first))
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["data"]["refresh_token"] is None
    second = refresh_cookie_of(rotated)[REFRESH_COOKIE].value
    assert second != first
    access = rotated.json()["data"]["access_token"]
    me = await client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {access}"})
    assert me.status_code == 200

    client.cookies.clear()
    reused = await client.post("/api/v1/auth/refresh", headers=cookie_header(first))
    error = assert_error(reused, 401, "INVALID_TOKEN")
    assert error["details"]["reason"] == "refresh_token_reuse"
    client.cookies.clear()
    after = await client.post("/api/v1/auth/refresh", headers=cookie_header(second))
    assert_error(after, 401, "INVALID_TOKEN")


async def test_the_cookie_alone_does_not_refresh(client, owner: Account):
    """Without the mode header (which a cross-site form cannot send) the cookie is ignored."""
    token = refresh_cookie_of(await cookie_login(client, owner.email))[REFRESH_COOKIE].value
    client.cookies.clear()
    response = await client.post(
        "/api/v1/auth/refresh", headers={"Cookie": f"{REFRESH_COOKIE}={token}"}
    )
    assert_error(response, 401, "INVALID_TOKEN")
    client.cookies.clear()
    still_good = await client.post("/api/v1/auth/refresh", headers=cookie_header(token))
    assert still_good.status_code == 200, still_good.text


async def test_logout_clears_the_cookie_and_revokes(client, owner: Account):
    login = await cookie_login(client, owner.email)
    token = refresh_cookie_of(login)[REFRESH_COOKIE].value
    access = login.json()["access_token"]
    client.cookies.clear()
    out = await client.post(
        "/api/v1/auth/logout", headers={**COOKIE_MODE, "Authorization": f"Bearer {access}"}
    )
    assert out.status_code == 200, out.text
    cleared = refresh_cookie_of(out)[REFRESH_COOKIE]
    assert cleared.value == ""
    assert int(cleared["max-age"]) == 0
    client.cookies.clear()
    again = await client.post("/api/v1/auth/refresh", headers=cookie_header(token))
    assert_error(again, 401, "INVALID_TOKEN")


async def test_setup_in_cookie_mode(client):
    response = await client.post(
        "/api/v1/setup",
        json={"email": "first@example.com", "password": PASSWORD, "workspace_name": "W"},
        headers=COOKIE_MODE,
    )
    assert response.status_code == 201, response.text
    assert response.json()["data"]["tokens"]["refresh_token"] is None
    token = refresh_cookie_of(response)[REFRESH_COOKIE].value
    client.cookies.clear()
    refreshed = await client.post("/api/v1/auth/refresh", headers=cookie_header(token))
    assert refreshed.status_code == 200, refreshed.text


async def test_json_mode_is_unchanged(client, owner: Account):
    response = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": owner.refresh_token}
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["refresh_token"]
    assert "set-cookie" not in response.headers
    missing = await client.post("/api/v1/auth/refresh")
    assert_error(missing, 401, "INVALID_TOKEN")
