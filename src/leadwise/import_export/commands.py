"""What `leadwise import` and `leadwise export` share: the workspace a command works in, and
the one-line failure they report."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Workspace
from leadwise.users import service as users


class CommandFailed(Exception):
    """What went wrong, in one line for the user."""


async def workspace_named(session: AsyncSession, wanted: str | None) -> Workspace:
    """`--workspace NAME_OR_ID`, or the only workspace there is."""
    workspaces = await users.all_workspaces(session)
    listed = ", ".join(f"{w.name!r} ({w.id})" for w in workspaces) or "none"
    if wanted is None:
        if len(workspaces) == 1:
            return workspaces[0]
        raise CommandFailed(f"choose a workspace with --workspace NAME_OR_ID; workspaces: {listed}")
    matches = [w for w in workspaces if str(w.id) == wanted.strip().lower()]
    matches = matches or [w for w in workspaces if w.name.casefold() == wanted.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CommandFailed(f"no workspace {wanted!r}; workspaces: {listed}")
    raise CommandFailed(f"several workspaces are called {wanted!r}: give its id ({listed})")
