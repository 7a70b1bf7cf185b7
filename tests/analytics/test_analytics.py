"""The dashboard's figures: exact counts over known leads, only the caller's workspace, only
live leads created in the range, and a clear 422 for a bad range."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from leadwise.core.clock import utcnow
from leadwise.models import Activity, ActivityKind, Lead, LeadSource
from tests.conftest import Account, add_user, assert_error

RANGE = {"start": "2026-03-02", "end": "2026-03-31"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def _stages(client, account: Account, workspace=None) -> dict[str, uuid.UUID]:
    headers = account.in_workspace(workspace) if workspace else account.headers
    response = await client.get("/api/v1/stages", headers=headers)
    return {s["name"]: uuid.UUID(s["id"]) for s in response.json()["data"]}


async def _seed(client, db, owner: Account) -> uuid.UUID:
    """Five leads in the range of the owner's workspace (and some that must not count); the id
    of a second workspace holding one won lead."""
    stage = await _stages(client, owner)
    other = await client.post("/api/v1/workspaces", json={"name": "Other"}, headers=owner.headers)
    other_id = uuid.UUID(other.json()["data"]["id"])
    other_won = (await _stages(client, owner, other_id))["Won"]
    now = utcnow()
    # (source, created, stage, days in stage, verification, stages moved through)
    rows = [
        ("form", "2026-03-02 10:00", "Won", 10, "valid", ["Contacted", "Qualified", "Won"]),
        ("form", "2026-03-03 00:00", "Lost", 8, "invalid", ["Contacted", "Proposal", "Lost"]),
        ("import", "2026-03-09 12:00", "Contacted", 100, "valid", ["Contacted"]),
        ("import", "2026-03-10 08:30", "New", 2, None, []),
        ("manual", "2026-03-31 23:59", "New", 40, None, []),
    ]
    async with db.sessionmaker() as session:
        for source, created, stage_name, days, status, moves in rows:
            lead = Lead(
                workspace_id=owner.workspace_id,
                source=LeadSource(source),
                created_at=_at(created),
                stage_id=stage[stage_name],
                stage_changed_at=now - timedelta(days=days),
                verification_status=status,
            )
            session.add(lead)
            await session.flush()
            for name in moves:
                session.add(
                    Activity(
                        workspace_id=owner.workspace_id,
                        lead_id=lead.id,
                        kind=ActivityKind.STAGE_CHANGE,
                        data={"to_stage_id": str(stage[name]), "to_stage": name},
                    )
                )
        ignored = [  # outside the range, deleted, another workspace
            (owner.workspace_id, "2026-03-01 23:59:59", stage["Won"], None),
            (owner.workspace_id, "2026-04-01 00:00", stage["Won"], None),
            (owner.workspace_id, "2026-03-05 09:00", stage["Won"], now),
            (other_id, "2026-03-05 09:00", other_won, None),
        ]
        for workspace_id, created, stage_id, deleted_at in ignored:
            session.add(
                Lead(
                    workspace_id=workspace_id,
                    source=LeadSource.FORM,
                    created_at=_at(created),
                    stage_id=stage_id,
                    stage_changed_at=now,
                    deleted_at=deleted_at,
                )
            )
        await session.commit()
    return other_id


async def _get(client, account: Account, path: str, headers=None, **params) -> dict:
    response = await client.get(
        f"/api/v1/analytics/{path}", params=params, headers=headers or account.headers
    )
    assert response.status_code == 200, response.text
    return dict(response.json()["data"])


async def test_leads_over_time_by_source(client, db, owner: Account):
    await _seed(client, db, owner)
    daily = await _get(client, owner, "leads-over-time", **RANGE, bucket="day")
    assert daily["sources"] == ["form", "import", "manual"]
    assert len(daily["periods"]) == 30
    counted = {p["period"]: p["by_source"] for p in daily["periods"] if p["total"]}
    assert counted == {
        "2026-03-02": {"form": 1},
        "2026-03-03": {"form": 1},
        "2026-03-09": {"import": 1},
        "2026-03-10": {"import": 1},
        "2026-03-31": {"manual": 1},
    }
    weekly = await _get(client, owner, "leads-over-time", **RANGE, bucket="week")
    assert [(p["period"], p["total"]) for p in weekly["periods"]] == [
        ("2026-03-02", 2),
        ("2026-03-09", 2),
        ("2026-03-16", 0),
        ("2026-03-23", 0),
        ("2026-03-30", 1),
    ]
    monthly = await _get(client, owner, "leads-over-time", **RANGE, bucket="month")
    assert monthly["periods"] == [
        {"period": "2026-03-01", "total": 5, "by_source": {"form": 2, "import": 2, "manual": 1}}
    ]


async def test_funnel_uses_the_stage_history(client, db, owner: Account):
    await _seed(client, db, owner)
    funnel = await _get(client, owner, "funnel", **RANGE)
    assert (funnel["total"], funnel["lost"]) == (5, 1)
    assert [(s["name"], s["current"], s["reached"], s["conversion"]) for s in funnel["steps"]] == [
        ("New", 2, 5, None),
        ("Contacted", 1, 3, 0.6),
        ("Qualified", 0, 2, 0.6667),
        ("Proposal", 0, 2, 1.0),
        ("Won", 1, 1, 0.5),
    ]


async def test_stage_ageing(client, db, owner: Account):
    await _seed(client, db, owner)
    ageing = await _get(client, owner, "stage-ageing", **RANGE)
    by_name = {s["name"]: s for s in ageing["stages"]}
    assert [b["label"] for b in by_name["New"]["buckets"]] == [
        "0-7 days",
        "7-30 days",
        "30-90 days",
        "90+ days",
    ]
    figures = {
        name: ([b["count"] for b in s["buckets"]], s["count"], s["oldest_days"])
        for name, s in by_name.items()
    }
    assert figures == {
        "New": ([1, 0, 1, 0], 2, 40),
        "Contacted": ([0, 0, 0, 1], 1, 100),
        "Qualified": ([0, 0, 0, 0], 0, None),
        "Proposal": ([0, 0, 0, 0], 0, None),
        "Won": ([0, 1, 0, 0], 1, 10),
        "Lost": ([0, 1, 0, 0], 1, 8),
    }


async def test_verification_and_sources(client, db, owner: Account):
    await _seed(client, db, owner)
    verification = await _get(client, owner, "verification", **RANGE)
    assert verification["total"] == 5
    assert verification["statuses"] == [
        {"status": "unverified", "count": 2},
        {"status": "valid", "count": 2},
        {"status": "invalid", "count": 1},
    ]
    sources = await _get(client, owner, "sources", **RANGE)
    assert sources["sources"] == [
        {"source": "form", "total": 2, "won": 1, "conversion": 0.5},
        {"source": "import", "total": 2, "won": 0, "conversion": 0.0},
        {"source": "manual", "total": 1, "won": 0, "conversion": 0.0},
    ]


async def test_only_the_callers_workspace_and_a_viewer_may_read(client, db, owner: Account):
    other_id = await _seed(client, db, owner)
    in_other = owner.in_workspace(other_id)
    assert (await _get(client, owner, "funnel", in_other, **RANGE))["total"] == 1
    sources = await _get(client, owner, "sources", in_other, **RANGE)
    assert sources["sources"] == [{"source": "form", "total": 1, "won": 1, "conversion": 1.0}]
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    assert (await _get(client, viewer, "funnel", **RANGE))["total"] == 5
    anonymous = await client.get("/api/v1/analytics/funnel")
    assert_error(anonymous, 401)


async def test_default_range_is_the_last_30_days(client, owner: Account):
    data = await _get(client, owner, "leads-over-time")
    today = utcnow().date()
    assert data["range"] == {
        "start": (today - timedelta(days=29)).isoformat(),
        "end": today.isoformat(),
    }
    assert len(data["periods"]) == 30
    assert all(p["total"] == 0 for p in data["periods"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "2026-03-10", "end": "2026-03-09"}, "end"),
        ({"start": "2020-01-01", "end": "2026-03-09"}, "start"),
        ({"start": "2025-01-01", "end": "2026-03-09", "bucket": "day"}, "bucket"),
        ({"bucket": "hour"}, "query.bucket"),
        ({"start": "yesterday"}, "query.start"),
        ({"end": "2026-02-30"}, "query.end"),
    ],
)
async def test_bad_ranges_are_422(client, owner: Account, params, field):
    response = await client.get(
        "/api/v1/analytics/leads-over-time", params=params, headers=owner.headers
    )
    details = assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert details.get("field") == field or details["errors"][0]["field"] == field
