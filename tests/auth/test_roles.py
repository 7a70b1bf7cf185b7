"""The permission matrix, enforced: every role against representative endpoints."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from leadwise.auth.permissions import ROLE_PERMISSIONS, Permission, matrix_markdown
from leadwise.models import Role
from tests.conftest import Account, add_user, assert_error

DOCS = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"


def test_docs_show_the_matrix_the_code_enforces():
    assert matrix_markdown() in DOCS.read_text()


def test_matrix_is_monotonic():
    order = [Role.VIEWER, Role.SALES, Role.MANAGER, Role.ADMIN, Role.OWNER]
    for lower, higher in itertools.pairwise(order):
        assert ROLE_PERMISSIONS[lower] < ROLE_PERMISSIONS[higher]


# (permission, method, path, body); {ws} is the workspace id.
GUARDED = [
    (Permission.WORKSPACE_READ, "GET", "/api/v1/workspaces/{ws}", None),
    (Permission.MEMBERS_READ, "GET", "/api/v1/workspaces/{ws}/members", None),
    (Permission.JOBS_READ, "GET", "/api/v1/jobs", None),
    (Permission.API_KEYS_MANAGE, "GET", "/api/v1/api-keys", None),
    (Permission.API_KEYS_MANAGE, "POST", "/api/v1/api-keys", {"name": "k", "scopes": []}),
    (Permission.WORKSPACE_UPDATE, "PATCH", "/api/v1/workspaces/{ws}", {"name": "Renamed"}),
    (
        Permission.MEMBERS_MANAGE,
        "POST",
        "/api/v1/workspaces/{ws}/members",
        {"email": "new@example.com", "role": "viewer"},
    ),
    (Permission.WORKSPACE_DELETE, "DELETE", "/api/v1/workspaces/{ws}", None),
]


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.OWNER])
async def test_each_role_gets_exactly_its_permissions(client, owner: Account, role: Role):
    member = await add_user(client, owner, f"{role.value}@example.com", role.value)
    for permission, method, path, body in GUARDED:
        url = path.format(ws=owner.workspace_id)
        response = await client.request(method, url, json=body, headers=member.headers)
        if permission in ROLE_PERMISSIONS[role]:
            assert response.is_success, (role, permission, response.text)
        else:
            error = assert_error(response, 403, "FORBIDDEN")
            assert permission.value in error["details"]["missing_permissions"], (role, error)


async def test_owner_may_do_everything(client, owner: Account):
    for _permission, method, path, body in GUARDED:
        response = await client.request(
            method, path.format(ws=owner.workspace_id), json=body, headers=owner.headers
        )
        assert response.is_success, (path, response.text)


async def test_me_reports_role_and_permissions(client, owner: Account):
    viewer = await add_user(client, owner, "v@example.com", "viewer")
    me = (await client.get("/api/v1/users/me", headers=viewer.headers)).json()["data"]
    assert me["role"] == "viewer"
    assert sorted(me["permissions"]) == sorted(p.value for p in ROLE_PERMISSIONS[Role.VIEWER])
