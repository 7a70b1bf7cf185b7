"""The event stream of a workspace, as server-sent events (text/event-stream).

    : keep-alive                          a comment every `keepalive_seconds`
    event: ready                          first, once subscribed: {"workspace_id", "replayed"}
    id: 0190...  event: lead.moved  data: {"type", "lead_id", "stage_id", ...}
    event: reset                          events were missed: refetch what is shown
    event: bye                            the stream ends: {"reason": "renew" | "shutdown"}

Only events carry an `id`, so a client's last id (sent back as `Last-Event-ID`) is always one
to resume from; the events after it are replayed when this process still has them.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import orjson

from leadwise.config import LiveSettings
from leadwise.core.live import Control, LiveEvent, LiveHub

KEEPALIVE = b": keep-alive\n\n"


def control(name: str, data: dict[str, Any]) -> bytes:
    return b"event: %s\ndata: %s\n\n" % (name.encode(), orjson.dumps(data))


async def stream(
    hub: LiveHub, workspace_id: uuid.UUID, last_event_id: str | None, settings: LiveSettings
) -> AsyncIterator[bytes]:
    async with hub.subscribe(workspace_id) as subscription:
        missed = hub.missed(workspace_id, last_event_id) if last_event_id else None
        replayed = {event.id for event in missed or ()}
        # `retry` is for EventSource clients: how long to wait before reconnecting.
        yield b"retry: 2000\n" + control(
            "ready", {"workspace_id": str(workspace_id), "replayed": missed is not None}
        )
        if last_event_id and missed is None:
            yield control(Control.RESET, {"reason": "missed"})
        for event in missed or ():
            yield event.encode()
        deadline = time.monotonic() + settings.max_stream_seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                yield control("bye", {"reason": "renew"})
                return
            item = await subscription.next(min(settings.keepalive_seconds, remaining))
            if item is None:
                yield KEEPALIVE
            elif item == Control.CLOSE:
                yield control("bye", {"reason": "shutdown"})
                return
            elif item == Control.RESET:
                yield control(Control.RESET, {"reason": "missed"})
            elif isinstance(item, LiveEvent) and item.id not in replayed:
                yield item.encode()
