"""SQL for users, workspaces, memberships and invitations; scoped to a workspace wherever the
data belongs to one."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from leadwise.models import Invitation, Membership, Role, SystemFlag, User, Workspace


async def flag(session: AsyncSession, key: str) -> SystemFlag | None:
    return await session.get(SystemFlag, key)


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email))


async def memberships_of_user(session: AsyncSession, user_id: uuid.UUID) -> list[Membership]:
    return list(
        await session.scalars(
            select(Membership)
            .join(Workspace, Workspace.id == Membership.workspace_id)
            .where(Membership.user_id == user_id, Workspace.deleted_at.is_(None))
            .options(joinedload(Membership.workspace))
            .order_by(Membership.created_at, Membership.id)
        )
    )


async def membership_including_deleted_workspace(
    session: AsyncSession, user_id: uuid.UUID, workspace_id: uuid.UUID
) -> Membership | None:
    return await session.scalar(
        select(Membership).where(
            Membership.user_id == user_id, Membership.workspace_id == workspace_id
        )
    )


async def workspace(session: AsyncSession, workspace_id: uuid.UUID) -> Workspace | None:
    return await session.get(Workspace, workspace_id)


def members_query(workspace_id: uuid.UUID) -> Select[Membership]:
    return (
        select(Membership)
        .where(Membership.workspace_id == workspace_id)
        .options(joinedload(Membership.user))
    )


async def member(
    session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID
) -> Membership | None:
    return await session.scalar(members_query(workspace_id).where(Membership.user_id == user_id))


async def owner_count(session: AsyncSession, workspace_id: uuid.UUID) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(Membership.workspace_id == workspace_id, Membership.role == Role.OWNER)
        )
        or 0
    )


async def invitation_by_hash(session: AsyncSession, token_hash: str) -> Invitation | None:
    return await session.scalar(select(Invitation).where(Invitation.token_hash == token_hash))


def invitations_of(workspace_id: uuid.UUID) -> Select[Invitation]:
    return select(Invitation).where(Invitation.workspace_id == workspace_id)


async def pending_invitations(
    session: AsyncSession, workspace_id: uuid.UUID, limit: int
) -> list[Invitation]:
    query = (
        invitations_of(workspace_id)
        .where(Invitation.accepted_at.is_(None))
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
        .limit(limit)
    )
    return list(await session.scalars(query))


async def invitation_in(
    session: AsyncSession, workspace_id: uuid.UUID, invitation_id: uuid.UUID
) -> Invitation | None:
    return await session.scalar(invitations_of(workspace_id).where(Invitation.id == invitation_id))


async def all_users(session: AsyncSession) -> list[tuple[User, int]]:
    """Every user with their number of memberships (the `users list` command)."""
    count = (
        select(func.count()).where(Membership.user_id == User.id).correlate(User).scalar_subquery()
    )
    rows = await session.execute(select(User, count).order_by(User.created_at, User.id))
    return [(user, int(n)) for user, n in rows]


async def all_workspaces(session: AsyncSession) -> list[Workspace]:
    """Every live workspace, oldest first (commands that act in one, such as `export`)."""
    query = select(Workspace).where(Workspace.deleted_at.is_(None))
    return list(await session.scalars(query.order_by(Workspace.created_at, Workspace.id)))
