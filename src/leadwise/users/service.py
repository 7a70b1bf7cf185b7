"""First-run setup, the signed-in user, workspaces and their members."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth import service as auth_service
from leadwise.auth.permissions import ROLE_RANK, Permission
from leadwise.auth.principal import Principal
from leadwise.config import Settings
from leadwise.core import security
from leadwise.core.cache import Cache
from leadwise.core.clock import utcnow
from leadwise.core.errors import (
    Conflict,
    Forbidden,
    InvalidToken,
    NotFound,
    ValidationFailed,
    found,
)
from leadwise.core.pagination import PageParams, paginate_by_id
from leadwise.core.schemas import Page
from leadwise.models import Invitation, Membership, Role, SystemFlag, User, Workspace
from leadwise.models.system import SETUP_COMPLETED
from leadwise.users import repository
from leadwise.users.schemas import WorkspaceUpdate

INVITATION_DAYS = 7


# --- first run -----------------------------------------------------------------------------


async def setup_required(session: AsyncSession) -> bool:
    return await repository.flag(session, SETUP_COMPLETED) is None


async def create_owner(
    session: AsyncSession,
    *,
    email: str,
    password: str,
    full_name: str,
    workspace_name: str,
    first_run: bool,
) -> tuple[User, Workspace]:
    """Create a user who owns a new workspace.

    With `first_run`, this is the one-time setup: it claims the `setup_completed` flag in the
    same transaction, so two racing setups cannot both succeed.
    """
    email = auth_service.normalise_login(email)
    if first_run:
        await _claim_setup(session)
    if await repository.user_by_email(session, email) is not None:
        raise Conflict("A user with this email already exists.", details={"field": "email"})
    user = User(email=email, full_name=full_name, password_hash=security.hash_password(password))
    workspace = Workspace(name=workspace_name)
    session.add_all([user, workspace])
    await session.flush()
    session.add(Membership(workspace_id=workspace.id, user_id=user.id, role=Role.OWNER))
    await session.flush()
    if not first_run and await setup_required(session):
        session.add(SystemFlag(key=SETUP_COMPLETED))
    return user, workspace


async def _claim_setup(session: AsyncSession) -> None:
    """Insert the setup flag now: of racing setups, the second insert fails (or waits for the
    first to commit, then fails) on the primary key, and that setup answers 409."""
    if not await setup_required(session):
        raise Conflict("Setup is already complete; sign in instead.", details={"setup": "done"})
    session.add(SystemFlag(key=SETUP_COMPLETED))
    try:
        await session.flush()
    except IntegrityError:
        raise Conflict(
            "Setup is already complete; sign in instead.", details={"setup": "done"}
        ) from None


@dataclass(frozen=True, slots=True)
class SetupResult:
    user: User
    workspace: Workspace
    tokens: auth_service.TokenPair


async def setup(
    session: AsyncSession,
    settings: Settings,
    *,
    email: str,
    password: str,
    full_name: str,
    workspace_name: str,
    ip_address: str | None,
    user_agent: str | None,
) -> SetupResult:
    user, workspace = await create_owner(
        session,
        email=email,
        password=password,
        full_name=full_name,
        workspace_name=workspace_name,
        first_run=True,
    )
    tokens = await auth_service.issue_tokens(
        session, settings, user, ip_address=ip_address, user_agent=user_agent
    )
    return SetupResult(user, workspace, tokens)


# --- the signed-in user --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Me:
    id: uuid.UUID
    email: str
    full_name: str
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None
    workspaces: list[Membership]
    active_workspace_id: uuid.UUID | None
    role: Role | None
    permissions: list[str]


async def me(session: AsyncSession, principal: Principal) -> Me:
    user = principal.require_user()
    return Me(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        is_active=user.is_active,
        created_at=user.created_at,
        last_login_at=user.last_login_at,
        workspaces=await repository.memberships_of_user(session, user.id),
        active_workspace_id=principal.workspace_id,
        role=principal.role,
        permissions=sorted(p.value for p in principal.permissions),
    )


async def update_me(
    session: AsyncSession,
    settings: Settings,
    cache: Cache,
    principal: Principal,
    *,
    full_name: str | None,
    current_password: str | None,
    new_password: str | None,
) -> Me:
    user = principal.require_user()
    if full_name is not None:
        user.full_name = full_name
    if new_password is not None:
        matches, _ = security.verify_password(current_password or "", user.password_hash)
        if not matches:
            raise ValidationFailed(
                "The current password is wrong.", details={"field": "current_password"}
            )
        user.password_hash = security.hash_password(new_password)
        # A new password signs out every other session (a stolen session ends here).
        await auth_service.revoke_all_sessions(
            session, settings, cache, user.id, "password_change", keep=principal.session_id
        )
    return await me(session, principal)


# --- workspaces ----------------------------------------------------------------------------


async def list_workspaces(session: AsyncSession, principal: Principal) -> list[Membership]:
    return await repository.memberships_of_user(session, principal.require_user().id)


async def create_workspace(session: AsyncSession, principal: Principal, *, name: str) -> Membership:
    user = principal.require_user()
    workspace = Workspace(name=name)
    session.add(workspace)
    await session.flush()
    membership = Membership(workspace_id=workspace.id, user_id=user.id, role=Role.OWNER)
    membership.workspace = workspace
    session.add(membership)
    await session.flush()
    return membership


async def get_workspace(session: AsyncSession, principal: Principal) -> Workspace:
    workspace = await repository.workspace(session, principal.workspace)
    if workspace is None or workspace.deleted_at is not None:
        raise NotFound(details={"resource": "workspace"})
    return workspace


async def update_workspace(
    session: AsyncSession, principal: Principal, data: WorkspaceUpdate
) -> Workspace:
    workspace = await get_workspace(session, principal)
    if data.name is not None:
        workspace.name = data.name
    if "email_from" in data.model_fields_set:
        workspace.settings = {**workspace.settings, "email_from": data.email_from}
    if data.notifications is not None:
        chosen = data.notifications.model_dump(exclude_none=True)
        notifications = {**workspace.notifications, **chosen}
        workspace.settings = {**workspace.settings, "notifications": notifications}
    workspace.updated_at = utcnow()
    return workspace


async def delete_workspace(session: AsyncSession, principal: Principal) -> Workspace:
    workspace = await get_workspace(session, principal)
    workspace.deleted_at = utcnow()
    return workspace


async def restore_workspace(
    session: AsyncSession, principal: Principal, workspace_id: uuid.UUID
) -> Workspace:
    """Undo a delete. Deleted workspaces are invisible elsewhere, so this looks them up itself."""
    user = principal.require_user()
    membership = await repository.membership_including_deleted_workspace(
        session, user.id, workspace_id
    )
    workspace = await repository.workspace(session, workspace_id)
    if membership is None or workspace is None:
        raise NotFound(details={"resource": "workspace"})
    if membership.role is not Role.OWNER:
        raise Forbidden(details={"missing_permissions": [Permission.WORKSPACE_DELETE.value]})
    workspace.deleted_at = None
    return workspace


# --- members -------------------------------------------------------------------------------


async def list_members(
    session: AsyncSession, principal: Principal, params: PageParams
) -> Page[Membership]:
    return await paginate_by_id(
        session, repository.members_query(principal.workspace), Membership.id, params
    )


@dataclass(frozen=True, slots=True)
class InvitationCreated:
    id: uuid.UUID
    email: str
    role: Role
    expires_at: datetime
    token: str


@dataclass(frozen=True, slots=True)
class MemberAdded:
    member: Membership | None
    invitation: InvitationCreated | None


def _check_may_grant(principal: Principal, role: Role) -> None:
    granter = principal.role
    if granter is None or ROLE_RANK[role] > ROLE_RANK[granter]:
        raise Forbidden("You cannot grant a role above your own.", details={"role": role.value})


async def add_member(
    session: AsyncSession, principal: Principal, *, email: str, role: Role
) -> MemberAdded:
    """Existing users join at once; new ones get an invitation (a token shown once)."""
    _check_may_grant(principal, role)
    email = auth_service.normalise_login(email)
    user = await repository.user_by_email(session, email)
    workspace_id = principal.workspace
    if user is not None:
        if await repository.member(session, workspace_id, user.id) is not None:
            raise Conflict("This user is already a member.", details={"field": "email"})
        membership = Membership(workspace_id=workspace_id, user_id=user.id, role=role)
        membership.user = user
        session.add(membership)
        await session.flush()
        return MemberAdded(member=membership, invitation=None)
    token = security.new_secret()
    invitation = Invitation(
        workspace_id=workspace_id,
        email=email,
        role=role,
        token_hash=security.digest(token),
        invited_by_id=principal.actor_id,
        created_at=utcnow(),
        expires_at=utcnow() + timedelta(days=INVITATION_DAYS),
    )
    session.add(invitation)
    await session.flush()
    created = InvitationCreated(invitation.id, email, role, invitation.expires_at, token)
    return MemberAdded(member=None, invitation=created)


async def _target_member(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID
) -> Membership:
    return found(await repository.member(session, principal.workspace, user_id), "member")


async def update_member(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, *, role: Role
) -> Membership:
    membership = await _target_member(session, principal, user_id)
    _check_may_grant(principal, role)
    _check_may_manage(principal, membership)
    if membership.role is Role.OWNER and role is not Role.OWNER:
        await _keep_an_owner(session, principal.workspace)
    membership.role = role
    return membership


async def remove_member(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID
) -> Membership:
    membership = await _target_member(session, principal, user_id)
    leaving_self = principal.user is not None and principal.user.id == user_id
    if not leaving_self:
        principal.check(Permission.MEMBERS_MANAGE)
        _check_may_manage(principal, membership)
    if membership.role is Role.OWNER:
        await _keep_an_owner(session, principal.workspace)
    await session.delete(membership)
    return membership


def _check_may_manage(principal: Principal, membership: Membership) -> None:
    granter = principal.role
    if granter is None or ROLE_RANK[membership.role] > ROLE_RANK[granter]:
        raise Forbidden(
            "You cannot change a member whose role is above your own.",
            details={"role": membership.role.value},
        )


async def _keep_an_owner(session: AsyncSession, workspace_id: uuid.UUID) -> None:
    if await repository.owner_count(session, workspace_id) <= 1:
        raise Conflict(
            "A workspace needs at least one owner; make someone else owner first.",
            details={"reason": "last_owner"},
        )


# --- invitations ---------------------------------------------------------------------------

PENDING_LIMIT = 500


async def list_invitations(session: AsyncSession, principal: Principal) -> list[Invitation]:
    """Invitations not accepted yet, newest first (expired ones too: they can be sent again)."""
    return await repository.pending_invitations(session, principal.workspace, PENDING_LIMIT)


async def _pending_invitation(
    session: AsyncSession, principal: Principal, invitation_id: uuid.UUID
) -> Invitation:
    invitation = await repository.invitation_in(session, principal.workspace, invitation_id)
    if invitation is not None and invitation.accepted_at is not None:
        invitation = None  # accepted: it is a membership now
    invitation = found(invitation, "invitation")
    _check_may_grant(principal, invitation.role)
    return invitation


async def revoke_invitation(
    session: AsyncSession, principal: Principal, invitation_id: uuid.UUID
) -> Invitation:
    invitation = await _pending_invitation(session, principal, invitation_id)
    await session.delete(invitation)
    await session.flush()
    return invitation


async def renew_invitation(
    session: AsyncSession, principal: Principal, invitation_id: uuid.UUID
) -> InvitationCreated:
    """A new token (the old one stops working) valid for INVITATION_DAYS from now."""
    invitation = await _pending_invitation(session, principal, invitation_id)
    token = security.new_secret()
    invitation.token_hash = security.digest(token)
    invitation.expires_at = utcnow() + timedelta(days=INVITATION_DAYS)
    await session.flush()
    return InvitationCreated(
        invitation.id, invitation.email, invitation.role, invitation.expires_at, token
    )


@dataclass(frozen=True, slots=True)
class InvitationPreview:
    workspace_id: uuid.UUID
    email: str
    role: Role
    workspace_name: str
    expires_at: datetime
    existing_account: bool


async def _open_invitation(session: AsyncSession, token: str) -> tuple[Invitation, Workspace]:
    invitation = await repository.invitation_by_hash(session, security.digest(token))
    now = utcnow()
    if invitation is None or invitation.accepted_at is not None or invitation.expires_at <= now:
        raise InvalidToken("The invitation is invalid, used or expired.")
    workspace = await repository.workspace(session, invitation.workspace_id)
    if workspace is None or workspace.deleted_at is not None:
        raise InvalidToken("The invitation is invalid, used or expired.")
    return invitation, workspace


async def preview_invitation(session: AsyncSession, *, token: str) -> InvitationPreview:
    """What the invitation screen shows before joining (only to whoever holds the token)."""
    invitation, workspace = await _open_invitation(session, token)
    user = await repository.user_by_email(session, invitation.email)
    return InvitationPreview(
        workspace_id=workspace.id,
        email=invitation.email,
        role=invitation.role,
        workspace_name=workspace.name,
        expires_at=invitation.expires_at,
        existing_account=user is not None,
    )


async def accept_invitation(
    session: AsyncSession,
    settings: Settings,
    *,
    token: str,
    password: str | None,
    full_name: str,
    ip_address: str | None,
    user_agent: str | None,
) -> auth_service.TokenPair:
    invitation, _workspace = await _open_invitation(session, token)
    now = utcnow()
    user = await repository.user_by_email(session, invitation.email)
    if user is None:
        if password is None:
            raise ValidationFailed(
                "Choose a password to create your account.", details={"field": "password"}
            )
        user = User(
            email=invitation.email,
            full_name=full_name,
            password_hash=security.hash_password(password),
        )
        session.add(user)
        await session.flush()
    elif await repository.member(session, invitation.workspace_id, user.id) is not None:
        raise Conflict("You are already a member of this workspace.")
    elif password is None or not security.verify_password(password, user.password_hash)[0]:
        # An existing account joins only with its own password: the token alone is not enough.
        raise ValidationFailed(
            "Enter the password of your existing account.", details={"field": "password"}
        )
    session.add(
        Membership(workspace_id=invitation.workspace_id, user_id=user.id, role=invitation.role)
    )
    invitation.accepted_at = now
    return await auth_service.issue_tokens(
        session, settings, user, ip_address=ip_address, user_agent=user_agent
    )


async def all_users(session: AsyncSession) -> list[tuple[User, int]]:
    return await repository.all_users(session)


async def all_workspaces(session: AsyncSession) -> list[Workspace]:
    return await repository.all_workspaces(session)
