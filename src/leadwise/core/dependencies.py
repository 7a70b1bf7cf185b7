"""Request-scoped dependencies shared by every router."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.config import Settings
from leadwise.core.db import Database, transaction
from leadwise.core.storage import FileStore

READ_ONLY = "leadwise_read_only"
E = TypeVar("E", bound=Callable[..., Any])


def read_only(endpoint: E) -> E:
    """Marks an endpoint that only reads: its session runs without a transaction (autocommit),
    saving the BEGIN and COMMIT round trips. Such an endpoint must not use savepoints."""
    setattr(endpoint, READ_ONLY, True)
    return endpoint


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's transaction: committed before the response is sent, then jobs published.

    Used with `scope="function"`, so FastAPI closes it right after the endpoint (and before the
    response goes out): a failed commit becomes an error response, never a silent loss.
    """
    database: Database = request.app.state.db
    endpoint = getattr(request.scope.get("route"), "endpoint", None)
    sessions = database.read_sessionmaker if getattr(endpoint, READ_ONLY, False) else None
    async with (sessions or database.sessionmaker)() as session, transaction(session):
        yield session


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_file_store(request: Request) -> FileStore:
    store: FileStore = request.app.state.file_store
    return store


async def get_database(request: Request) -> Database:
    """For responses streamed after the request's transaction: they open sessions of their own."""
    database: Database = request.app.state.db
    return database


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
FileStoreDep = Annotated[FileStore, Depends(get_file_store)]
DatabaseDep = Annotated[Database, Depends(get_database)]
