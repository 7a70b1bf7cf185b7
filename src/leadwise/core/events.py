"""In-process domain events: a domain states what happened, later domains react to it.

Dependencies point one way (capture does not know notifications or webhooks exist), so a
domain `emit`s a fact inside its transaction and subscribers, registered by the domains that
care, add their own effects to the same transaction: usually a job, published after commit.

    @subscribe(LeadAssigned)
    async def tell_new_owner(session: AsyncSession, event: LeadAssigned) -> None: ...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

E = TypeVar("E")
Subscriber = Callable[[AsyncSession, Any], Awaitable[None]]

_SUBSCRIBERS: defaultdict[type, list[Subscriber]] = defaultdict(list)


def subscribe(event_type: type[E]) -> Callable[[Subscriber], Subscriber]:
    def register(subscriber: Subscriber) -> Subscriber:
        if subscriber not in _SUBSCRIBERS[event_type]:
            _SUBSCRIBERS[event_type].append(subscriber)
        return subscriber

    return register


async def emit(session: AsyncSession, event: object) -> None:
    """Run the subscribers of `event` in the caller's transaction (they fail it if they fail)."""
    for subscriber in _SUBSCRIBERS[type(event)]:
        await subscriber(session, event)
