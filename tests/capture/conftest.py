"""Helpers for public capture tests: a form, and an app with settings of the test's choosing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
import pytest

from leadwise.main import create_app
from tests.conftest import Account, _clear_caches, _truncate


async def make_form(client: httpx.AsyncClient, account: Account, **settings: Any) -> dict:
    body = {"name": "Contact us", **settings}
    response = await client.post("/api/v1/forms", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


AppWith = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def app_with(test_env, monkeypatch) -> AppWith:
    """A fresh app and client with extra `LEADWISE_*` settings (for limits set at start-up)."""

    @asynccontextmanager
    async def start(**env: str) -> AsyncIterator[httpx.AsyncClient]:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        _clear_caches()
        await _truncate(test_env.values["LEADWISE_DATABASE_URL"])
        app = create_app()
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                yield c

    return start
