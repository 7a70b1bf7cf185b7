"""HTTP hardening: security headers, CORS, the body size limit, offline API docs."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import PASSWORD, assert_error
from tests.system.conftest import Configure

BODY_LIMIT = 2048
APP_ORIGIN = "https://app.example.com"
SETUP = {
    "email": "owner@example.com",
    "password": PASSWORD,
    "workspace_name": "Acme",
    "full_name": "O",
}


def _csp(response: httpx.Response) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in response.headers["content-security-policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def _assert_security_headers(response: httpx.Response) -> None:
    headers = response.headers
    assert len(headers.get_list("x-request-id")) == 1
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert _csp(response)["frame-ancestors"] == ["'none'"]


# --- security headers ----------------------------------------------------------------------


async def test_api_responses_carry_security_headers(client: httpx.AsyncClient) -> None:
    for response in (
        await client.get("/health"),
        await client.get("/api/v1/users/me"),  # 401
        await client.get("/api/v1/setup"),
        await client.post("/api/v1/setup", json={}),  # 422
    ):
        _assert_security_headers(response)
        assert "strict-transport-security" not in response.headers  # plain http
    api = await client.get("/api/v1/setup")
    assert _csp(api)["default-src"] == ["'none'"]  # JSON needs nothing


async def test_web_app_csp_allows_no_inline_script(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    _assert_security_headers(response)
    csp = _csp(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]


async def test_web_app_csp_frames_only_its_own_blobs(client: httpx.AsyncClient) -> None:
    # The attachment preview shows a fetched file on a blob: URL, in a frame (PDF) or an image.
    csp = _csp(await client.get("/leads/some-id"))
    assert csp["frame-src"] == ["'self'", "blob:"]
    assert "blob:" in csp["img-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]  # nobody frames the app itself
    # The API never answers anything a frame could show.
    assert "frame-src" not in _csp(await client.get("/api/v1/setup"))


async def test_docs_csp_allows_the_swagger_inline_script(client: httpx.AsyncClient) -> None:
    response = await client.get("/docs")
    assert response.status_code == 200
    _assert_security_headers(response)
    # Swagger UI starts itself with an inline script, which the CSP must allow here ...
    assert re.search(r"<script>\s*\S", response.text)
    assert "'unsafe-inline'" in _csp(response)["script-src"]
    # ... and only here.
    for path in ("/", "/api/v1/setup"):
        assert "'unsafe-inline'" not in _csp(await client.get(path)).get("script-src", [])


async def test_hsts_only_over_https(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as https:
        secure = await https.get("/api/v1/setup")
    assert secure.status_code == 200
    hsts = secure.headers["strict-transport-security"]
    assert "max-age=63072000" in hsts
    assert "includeSubDomains" in hsts
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as plain:
        assert "strict-transport-security" not in (await plain.get("/api/v1/setup")).headers


# --- CORS ----------------------------------------------------------------------------------


@pytest.fixture
def cors_client(configure: Configure, request: pytest.FixtureRequest) -> httpx.AsyncClient:
    configure(LEADWISE_HTTP__CORS_ORIGINS=f"{APP_ORIGIN},https://admin.example.com")
    client: httpx.AsyncClient = request.getfixturevalue("client")
    return client


def _preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }


async def test_cors_preflight_from_a_configured_origin(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.options("/api/v1/auth/login", headers=_preflight(APP_ORIGIN))
    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] == APP_ORIGIN
    assert response.headers["access-control-allow-credentials"] == "true"
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "authorization" in response.headers["access-control-allow-headers"].lower()
    assert response.headers["x-request-id"]

    simple = await cors_client.get("/api/v1/setup", headers={"Origin": APP_ORIGIN})
    assert simple.headers["access-control-allow-origin"] == APP_ORIGIN
    exposed = simple.headers["access-control-expose-headers"].lower()
    assert "x-request-id" in exposed
    assert "retry-after" in exposed


@pytest.mark.parametrize(
    "origin",
    ["https://evil.example.com", "http://app.example.com", "https://app.example.com.evil.io"],
)
async def test_cors_refuses_other_origins(cors_client: httpx.AsyncClient, origin: str) -> None:
    response = await cors_client.options("/api/v1/auth/login", headers=_preflight(origin))
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    simple = await cors_client.get("/api/v1/setup", headers={"Origin": origin})
    assert simple.status_code == 200
    assert "access-control-allow-origin" not in simple.headers


async def test_no_cors_unless_configured(client: httpx.AsyncClient) -> None:
    response = await client.options("/api/v1/auth/login", headers=_preflight(APP_ORIGIN))
    assert "access-control-allow-origin" not in response.headers
    simple = await client.get("/api/v1/setup", headers={"Origin": APP_ORIGIN})
    assert "access-control-allow-origin" not in simple.headers


# --- body size limit -----------------------------------------------------------------------


@pytest.fixture
def limited_client(configure: Configure, request: pytest.FixtureRequest) -> httpx.AsyncClient:
    configure(LEADWISE_HTTP__MAX_BODY_BYTES=str(BODY_LIMIT))
    client: httpx.AsyncClient = request.getfixturevalue("client")
    return client


def _padded_setup(size: int) -> bytes:
    """A valid setup request (JSON allows trailing whitespace) of `size` bytes."""
    body = json.dumps(SETUP).encode()
    return body + b" " * (size - len(body))


async def _chunks(body: bytes, size: int = 256) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


async def _setup_required(client: httpx.AsyncClient) -> bool:
    response = await client.get("/api/v1/setup")
    assert response.status_code == 200, response.text
    required: bool = response.json()["data"]["setup_required"]
    return required


async def test_body_over_the_limit_by_content_length(limited_client: httpx.AsyncClient) -> None:
    body = _padded_setup(BODY_LIMIT + 1)
    response = await limited_client.post(
        "/api/v1/setup",
        content=body,
        headers={"Content-Type": "application/json", "X-Request-ID": "too-large-0001"},
    )
    assert response.request.headers["content-length"] == str(BODY_LIMIT + 1)
    assert response.headers["x-request-id"] == "too-large-0001"
    error = assert_error(response, 413, "PAYLOAD_TOO_LARGE")
    assert str(BODY_LIMIT) in error["message"]
    _assert_security_headers(response)
    assert await _setup_required(limited_client)  # the (valid) setup did not run


async def test_streamed_body_over_the_limit(limited_client: httpx.AsyncClient) -> None:
    body = _padded_setup(BODY_LIMIT * 4)
    response = await limited_client.post(
        "/api/v1/setup", content=_chunks(body), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert_error(response, 413, "PAYLOAD_TOO_LARGE")
    _assert_security_headers(response)
    assert await _setup_required(limited_client)


async def test_bodies_within_the_limit_pass(limited_client: httpx.AsyncClient) -> None:
    at_limit = _padded_setup(BODY_LIMIT)
    streamed = await limited_client.post(
        "/api/v1/setup", content=_chunks(at_limit), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 201, streamed.text
    assert not await _setup_required(limited_client)


async def test_unparseable_content_length_is_refused(limited_client: httpx.AsyncClient) -> None:
    request = limited_client.build_request(
        "POST", "/api/v1/setup", content=b"{}", headers={"Content-Type": "application/json"}
    )
    request.headers["Content-Length"] = "-5"
    response = await limited_client.send(request)
    assert_error(response, 413, "PAYLOAD_TOO_LARGE")


# --- API docs without a CDN ----------------------------------------------------------------


def _asset_urls(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "/docs",
            {
                "/docs-static/swagger-ui-bundle.js",
                "/docs-static/swagger-ui.css",
                "/docs-static/favicon.png",
            },
        ),
        ("/redoc", {"/docs-static/redoc.standalone.js", "/docs-static/favicon.png"}),
    ],
)
async def test_docs_are_served_from_local_assets(
    client: httpx.AsyncClient, page: str, expected: set[str]
) -> None:
    response = await client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    urls = _asset_urls(response.text)
    assert expected <= set(urls), urls
    assert all(url.startswith("/docs-static/") for url in urls), urls
    assert "cdn" not in response.text.lower()
    assert "fonts.googleapis" not in response.text
    assert "/openapi.json" in response.text
    for url in urls:
        asset = await client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 100, url
        kind = asset.headers["content-type"]
        suffix = url.rsplit(".", 1)[-1]
        assert {"js": "javascript", "css": "text/css", "png": "image/png"}[suffix] in kind, kind


async def test_swagger_oauth2_redirect_page(client: httpx.AsyncClient) -> None:
    response = await client.get("/docs/oauth2-redirect")
    assert response.status_code == 200
    assert "<script" in response.text


async def test_openapi_schema(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Leadwise API"
    assert "/health/ready" in schema["paths"]
    assert "/api/v1/jobs/{job_id}" in schema["paths"]
    assert "/metrics" not in schema["paths"]
    assert "/docs" not in schema["paths"]


async def test_streamed_form_over_the_limit(limited_client: httpx.AsyncClient) -> None:
    body = b"username=owner%40example.com&password=" + b"x" * (BODY_LIMIT * 2)
    response = await limited_client.post(
        "/api/v1/auth/login",
        content=_chunks(body),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_error(response, 413, "PAYLOAD_TOO_LARGE")
