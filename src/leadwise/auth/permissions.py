"""The permission matrix: what each workspace role may do.

`docs/permissions.md` is generated from this table (`leadwise docs permissions`) and a test
checks that the two agree. API keys carry a subset of these permissions as their scopes.
"""

from __future__ import annotations

from enum import StrEnum

from leadwise.models.users import Role


class Permission(StrEnum):
    WORKSPACE_READ = "workspace:read"
    WORKSPACE_UPDATE = "workspace:update"
    WORKSPACE_DELETE = "workspace:delete"
    MEMBERS_READ = "members:read"
    MEMBERS_MANAGE = "members:manage"
    API_KEYS_MANAGE = "api_keys:manage"
    JOBS_READ = "jobs:read"
    LEADS_READ = "leads:read"
    LEADS_WRITE = "leads:write"
    LEADS_DELETE = "leads:delete"
    LEADS_HARD_DELETE = "leads:hard_delete"
    LEADS_ASSIGN = "leads:assign"
    LEADS_IMPORT = "leads:import"
    LEADS_EXPORT = "leads:export"
    LEADS_MERGE = "leads:merge"
    PROSPECT_RUN = "prospect:run"
    SETTINGS_MANAGE = "settings:manage"
    INTEGRATIONS_MANAGE = "integrations:manage"
    ANALYTICS_READ = "analytics:read"
    GDPR_MANAGE = "gdpr:manage"


DESCRIPTIONS: dict[Permission, str] = {
    Permission.WORKSPACE_READ: "See the workspace and its settings",
    Permission.WORKSPACE_UPDATE: "Rename the workspace, change its settings",
    Permission.WORKSPACE_DELETE: "Delete (and restore) the workspace",
    Permission.MEMBERS_READ: "List members and their roles",
    Permission.MEMBERS_MANAGE: "Invite, change the role of, and remove members",
    Permission.API_KEYS_MANAGE: "Create, list and revoke API keys",
    Permission.JOBS_READ: "See background jobs and their progress",
    Permission.LEADS_READ: "See leads, companies, activities and attachments",
    Permission.LEADS_WRITE: "Create and edit leads, companies, notes; move stages",
    Permission.LEADS_DELETE: "Delete (soft) and restore leads and companies",
    Permission.LEADS_HARD_DELETE: "Delete leads for good",
    Permission.LEADS_ASSIGN: "Assign leads to owners, edit assignment rules",
    Permission.LEADS_IMPORT: "Import files, revert imports",
    Permission.LEADS_EXPORT: "Export leads",
    Permission.LEADS_MERGE: "Review duplicates, merge and undo merges",
    Permission.PROSPECT_RUN: "Run crawls and email verification",
    Permission.SETTINGS_MANAGE: "Pipeline stages, custom fields, forms, notifications",
    Permission.INTEGRATIONS_MANAGE: "Webhooks and CRM connections",
    Permission.ANALYTICS_READ: "See dashboards and reports",
    Permission.GDPR_MANAGE: "Handle data subject requests (export, erasure)",
}

_ALL = frozenset(Permission)
_READ = frozenset(
    {
        Permission.WORKSPACE_READ,
        Permission.MEMBERS_READ,
        Permission.JOBS_READ,
        Permission.LEADS_READ,
        Permission.ANALYTICS_READ,
    }
)
_SALES = _READ | {Permission.LEADS_WRITE, Permission.PROSPECT_RUN}
_MANAGER = _SALES | {
    Permission.LEADS_DELETE,
    Permission.LEADS_ASSIGN,
    Permission.LEADS_IMPORT,
    Permission.LEADS_EXPORT,
    Permission.LEADS_MERGE,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: _ALL,
    Role.ADMIN: _ALL - {Permission.WORKSPACE_DELETE},
    Role.MANAGER: frozenset(_MANAGER),
    Role.SALES: frozenset(_SALES),
    Role.VIEWER: _READ,
}

# Roles in order of power; a member may only grant roles at or below their own.
ROLE_RANK: dict[Role, int] = {
    Role.VIEWER: 0,
    Role.SALES: 1,
    Role.MANAGER: 2,
    Role.ADMIN: 3,
    Role.OWNER: 4,
}


def permissions_of(role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[role]


def matrix_markdown() -> str:
    roles = list(Role)
    lines = [
        "| permission | what it allows | " + " | ".join(role.value for role in roles) + " |",
        "|---|---|" + "---|" * len(roles),
    ]
    for permission in Permission:
        marks = " | ".join("✓" if permission in ROLE_PERMISSIONS[r] else "" for r in roles)
        lines.append(f"| `{permission.value}` | {DESCRIPTIONS[permission]} | {marks} |")
    return "\n".join(lines) + "\n"
