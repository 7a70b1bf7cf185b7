"""Who is calling, in which workspace, with which permissions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from leadwise.auth.permissions import Permission
from leadwise.core.errors import Forbidden, NotFound
from leadwise.models import ApiKey, Role, User


@dataclass(frozen=True, slots=True)
class Principal:
    user: User | None
    api_key: ApiKey | None
    workspace_id: uuid.UUID | None
    role: Role | None
    permissions: frozenset[Permission]
    session_id: uuid.UUID | None = None

    @classmethod
    def system(cls, workspace_id: uuid.UUID, *permissions: Permission) -> Principal:
        """The installation acting in one workspace (a job, the command line, a public form),
        not a person: nobody to credit, and only the permissions its work needs."""
        return cls(
            user=None,
            api_key=None,
            workspace_id=workspace_id,
            role=None,
            permissions=frozenset(permissions),
        )

    @property
    def actor_id(self) -> uuid.UUID | None:
        """The user to credit for changes (an API key acts for whoever created it)."""
        if self.user is not None:
            return self.user.id
        return self.api_key.created_by_id if self.api_key else None

    @property
    def workspace(self) -> uuid.UUID:
        """The active workspace id; every workspace-scoped call goes through this."""
        if self.workspace_id is None:
            raise NotFound(
                "You are not a member of any workspace.", details={"resource": "workspace"}
            )
        return self.workspace_id

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def check(self, *permissions: Permission) -> None:
        missing = [p.value for p in permissions if p not in self.permissions]
        if missing:
            raise Forbidden(details={"missing_permissions": missing, "role": self.role})

    def require_user(self) -> User:
        if self.user is None:
            raise Forbidden(
                "This endpoint acts for a signed-in user; API keys cannot use it.",
                details={"credential": "api_key"},
            )
        return self.user
