"""`/events`: the live event stream of the workspace (server-sent events)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.responses import StreamingResponse

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SettingsDep
from leadwise.core.live import LiveHub
from leadwise.core.routing import make_router
from leadwise.live import service

router = make_router(tags=["live"])
ReadLeads = Annotated[Principal, Depends(require(Permission.LEADS_READ))]


async def get_live_hub(request: Request) -> LiveHub:
    hub: LiveHub = request.app.state.live
    return hub


LiveHubDep = Annotated[LiveHub, Depends(get_live_hub)]

STREAM_DESCRIPTION = """\
Server-sent events (`text/event-stream`) of the workspace: what happens to its leads, as it
happens, once committed. Authenticate as for every endpoint (`Authorization` and
`X-Workspace-ID` headers; read with `fetch` when your client cannot set headers on an
`EventSource`).

Each event has an `id`, a name and JSON data:
`{"type", "lead_id", "stage_id", "updated_at", "actor_user_id"}` for `lead.created`,
`lead.updated`, `lead.moved` (with `from_stage_id`), `lead.deleted`, `lead.merged` (with
`merged_into_id`) and `lead.restored`; `leads.changed` (`{"count"}`) when many leads changed at
once. Control events without an id: `ready` first, `reset` when events were missed (refetch),
`bye` before the server ends the stream (`renew` after a few minutes, `shutdown`); reconnect
with `Last-Event-ID` to receive what you missed. A comment (`: keep-alive`) comes every 15 s.
"""


@router.get(
    "/events",
    response_class=StreamingResponse,
    summary="Live events of the workspace (server-sent events)",
    description=STREAM_DESCRIPTION,
    responses={
        200: {
            "description": "An endless stream of server-sent events",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        }
    },
)
async def events(
    principal: ReadLeads,
    hub: LiveHubDep,
    settings: SettingsDep,
    last_event_id: Annotated[
        str | None,
        Header(alias="Last-Event-ID", max_length=64, description="Resume after this event"),
    ] = None,
) -> StreamingResponse:
    return StreamingResponse(
        service.stream(hub, principal.workspace, last_event_id, settings.live),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
