"""The async bridge: Celery tasks are sync functions; our services are async.

Each worker thread keeps one event loop and one `Database` (asyncpg connections belong to the
loop that opened them), created on first use, so tasks reuse pooled connections.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

from leadwise.config import get_settings
from leadwise.core.db import Database
from leadwise.core.live import RelayHub, create_live_hub, relay_directory

T = TypeVar("T")
_local = threading.local()


def run_async(work: Callable[[Database], Awaitable[T]]) -> T:
    runner: asyncio.Runner | None = getattr(_local, "runner", None)
    if runner is None:
        runner = asyncio.Runner()
        _local.runner = runner
        _local.database = None

    async def main() -> T:
        if _local.database is None:
            settings = get_settings()
            # What jobs do to leads reaches the API's live streams: through Redis, or without
            # it through the API processes' relay sockets on this machine (no stream listens
            # in a worker process).
            live = (
                create_live_hub(settings.redis_url)
                if settings.redis_url
                else RelayHub(relay_directory(settings.data_dir))
            )
            _local.database = Database(settings, live=live)
        return await work(_local.database)

    return runner.run(main())
