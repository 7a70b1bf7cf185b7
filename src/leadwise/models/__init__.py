"""All ORM models; importing this package registers every table on `Base.metadata`."""

from leadwise.models.auth import ApiKey, AuthSession, Invitation, RefreshToken
from leadwise.models.base import Base
from leadwise.models.jobs import Job, JobStatus
from leadwise.models.system import SystemFlag
from leadwise.models.users import LoginThrottle, Membership, Role, User, Workspace

__all__ = [
    "ApiKey",
    "AuthSession",
    "Base",
    "Invitation",
    "Job",
    "JobStatus",
    "LoginThrottle",
    "Membership",
    "RefreshToken",
    "Role",
    "SystemFlag",
    "User",
    "Workspace",
]
