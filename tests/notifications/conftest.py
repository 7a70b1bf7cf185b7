"""A real SMTP server on loopback that the app sends through, with quick retries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import _clear_caches
from tests.notifications.support import FAST_RETRIES
from tests.servers.smtp import SmtpServer, smtp_server


@pytest.fixture
def smtp(test_env, monkeypatch) -> Iterator[SmtpServer]:
    """Ask for it before `client` when the app itself (not only the worker) must use it: the
    app reads its settings as it starts."""
    with smtp_server() as server:
        for name, value in {**server.env, **FAST_RETRIES}.items():
            monkeypatch.setenv(name, value)
        _clear_caches()
        yield server
