from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.live.test_events import Served, serve


@pytest.fixture
async def served(app: Any) -> AsyncIterator[Served]:
    """The app served by uvicorn on a loopback port."""
    async with serve(app) as running:
        yield running
