"""Request and response bodies of setup, users, workspaces and members."""

from __future__ import annotations

import uuid
from datetime import datetime
from email.utils import formataddr, parseaddr

from email_validator import validate_email
from pydantic import AliasPath, EmailStr, Field, StrictBool, computed_field, field_validator

from leadwise.auth.schemas import TokenRead
from leadwise.core.clock import utcnow
from leadwise.core.schemas import ReadSchema, Schema
from leadwise.models import Role

PASSWORD_MIN = 10
PASSWORD_MAX = 128  # argon2 hashes anything, but a 1 MB password is an attack, not a password


class PasswordMixin(Schema):
    password: str = Field(min_length=PASSWORD_MIN, max_length=PASSWORD_MAX)

    @field_validator("password")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if len(set(value)) < 4:
            raise ValueError("password is too simple (use at least 4 different characters)")
        return value


class SetupRequest(PasswordMixin):
    email: EmailStr = Field(examples=["owner@example.com"])
    full_name: str = Field("", max_length=200, examples=["Ada Owner"])
    workspace_name: str = Field(min_length=1, max_length=200, examples=["Acme Sales"])


class SetupStatus(ReadSchema):
    setup_required: bool = Field(examples=[True])


class UserRead(ReadSchema):
    id: uuid.UUID
    email: str = Field(examples=["sam@acme.example"])
    full_name: str = Field(examples=["Sam Seller"])
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None


class NotificationOptions(ReadSchema):
    lead_assigned: bool = Field(
        True, description="Email a lead's new owner when it is assigned to them (by someone else)"
    )
    new_lead: bool = Field(
        True,
        description="Email a form's recipients (or the lead's owner) about each submission; "
        "the confirmation to the person who submitted is the form's own option",
    )


class NotificationOptionsUpdate(Schema):
    """Only the options given change; `true` or `false`, nothing else."""

    lead_assigned: StrictBool | None = None
    new_lead: StrictBool | None = None


class WorkspaceRead(ReadSchema):
    id: uuid.UUID
    name: str = Field(examples=["Acme Sales"])
    email_from: str | None = Field(
        None, description="Sender of the workspace's emails (default: the server's)"
    )
    notifications: NotificationOptions = Field(default_factory=NotificationOptions)
    created_at: datetime
    deleted_at: datetime | None = None


class WorkspaceWithRole(ReadSchema):
    """Read off a Membership (with its workspace loaded)."""

    id: uuid.UUID = Field(validation_alias=AliasPath("workspace", "id"))
    name: str = Field(validation_alias=AliasPath("workspace", "name"), examples=["Acme Sales"])
    created_at: datetime = Field(validation_alias=AliasPath("workspace", "created_at"))
    role: Role


class MeRead(UserRead):
    workspaces: list[WorkspaceWithRole]
    active_workspace_id: uuid.UUID | None
    role: Role | None
    permissions: list[str]


class MeUpdate(Schema):
    full_name: str | None = Field(None, max_length=200, examples=["Sam Seller"])
    current_password: str | None = Field(None, max_length=PASSWORD_MAX)
    new_password: str | None = Field(None, min_length=PASSWORD_MIN, max_length=PASSWORD_MAX)


class SetupResult(ReadSchema):
    user: UserRead
    workspace: WorkspaceRead
    tokens: TokenRead


class WorkspaceCreate(Schema):
    name: str = Field(min_length=1, max_length=200, examples=["Acme EMEA"])


class WorkspaceUpdate(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    email_from: str | None = Field(
        None, max_length=320, examples=["Acme Sales <sales@acme.example>"]
    )
    notifications: NotificationOptionsUpdate | None = Field(
        None, examples=[{"lead_assigned": False}]
    )

    @field_validator("email_from")
    @classmethod
    def _sender(cls, value: str | None) -> str | None:
        if value is None:
            return None
        name, address = parseaddr(value)
        if not address or "@" not in address or "\n" in value or "\r" in value:
            raise ValueError("must be an address like 'Acme Sales <sales@acme.example>'")
        validate_email(address, check_deliverability=False)
        return formataddr((name, address)) if name else address


class MemberRead(ReadSchema):
    """Read off a Membership (with its user loaded)."""

    user_id: uuid.UUID
    email: str = Field(validation_alias=AliasPath("user", "email"), examples=["sam@acme.example"])
    full_name: str = Field(validation_alias=AliasPath("user", "full_name"))
    role: Role
    joined_at: datetime = Field(validation_alias="created_at")


class MemberCreate(Schema):
    email: EmailStr = Field(examples=["sam@acme.example"])
    role: Role = Field(Role.SALES, examples=["sales"])


class MemberUpdate(Schema):
    role: Role = Field(examples=["manager"])


class InvitationRead(ReadSchema):
    id: uuid.UUID
    email: str = Field(examples=["sam@acme.example"])
    role: Role
    expires_at: datetime
    token: str = Field(description="Send it to the invitee; it is shown only this once.")


class MemberAdded(ReadSchema):
    member: MemberRead | None = Field(None, description="Set when the user already existed")
    invitation: InvitationRead | None = Field(None, description="Set for a new user")


class PendingInvitationRead(ReadSchema):
    id: uuid.UUID
    email: str = Field(examples=["sam@acme.example"])
    role: Role
    invited_by_id: uuid.UUID | None
    created_at: datetime
    expires_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def expired(self) -> bool:
        """Past its date: send it again for a new link."""
        return self.expires_at <= utcnow()


class InvitationToken(Schema):
    token: str = Field(
        min_length=16, max_length=200, examples=["kq2V7xPzR0b1mN8cT4sW9yL3fH6jD5aE2gU0iO7pQ1r"]
    )


class InvitationPreviewRead(ReadSchema):
    workspace_id: uuid.UUID
    email: str
    role: Role
    workspace_name: str = Field(examples=["Acme Sales"])
    expires_at: datetime
    existing_account: bool = Field(
        description="The email has an account: joining takes its password, not a new one"
    )


class AcceptInvitation(Schema):
    token: str = Field(
        min_length=16, max_length=200, examples=["kq2V7xPzR0b1mN8cT4sW9yL3fH6jD5aE2gU0iO7pQ1r"]
    )
    password: str | None = Field(None, min_length=PASSWORD_MIN, max_length=PASSWORD_MAX)
    full_name: str = Field("", max_length=200)


class UserListItem(ReadSchema):
    user: UserRead
    workspaces: int
