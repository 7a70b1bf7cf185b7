"""Assignment rules: who gets a new lead (round-robin or least-loaded among chosen members,
optionally only for some sources or countries). The first active matching rule wins."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.core.errors import ValidationFailed, found
from leadwise.models import (
    AssignmentRule,
    AssignmentStrategy,
    Lead,
    Membership,
    Stage,
    StageKind,
)


async def list_rules(session: AsyncSession, principal: Principal) -> list[AssignmentRule]:
    return await _rules(session, principal.workspace)


# Built once: they run for every new lead without an owner.
_RULES = (
    select(AssignmentRule)
    .where(AssignmentRule.workspace_id == bindparam("workspace_id"))
    .order_by(AssignmentRule.position, AssignmentRule.id)
)
# Round-robin state: two concurrent new leads must not take the same turn.
_RULES_LOCKED = _RULES.with_for_update()


async def _rules(
    session: AsyncSession, workspace_id: uuid.UUID, *, lock: bool = False
) -> list[AssignmentRule]:
    query = _RULES_LOCKED if lock else _RULES
    return list(await session.scalars(query, {"workspace_id": workspace_id}))


async def get_rule(
    session: AsyncSession, principal: Principal, rule_id: uuid.UUID
) -> AssignmentRule:
    rule = await session.scalar(
        select(AssignmentRule).where(
            AssignmentRule.workspace_id == principal.workspace, AssignmentRule.id == rule_id
        )
    )
    return found(rule, "assignment_rule")


async def _members(session: AsyncSession, workspace_id: uuid.UUID) -> set[uuid.UUID]:
    return set(
        await session.scalars(
            select(Membership.user_id).where(Membership.workspace_id == workspace_id)
        )
    )


async def _check_users(
    session: AsyncSession, workspace_id: uuid.UUID, users: list[uuid.UUID]
) -> None:
    if not users:
        raise ValidationFailed("A rule needs at least one user.", details={"field": "user_ids"})
    strangers = set(users) - await _members(session, workspace_id)
    if strangers:
        raise ValidationFailed(
            "Every user of a rule must be a member of the workspace.",
            details={"field": "user_ids", "not_members": sorted(map(str, strangers))},
        )


async def create_rule(
    session: AsyncSession, principal: Principal, values: dict[str, Any]
) -> AssignmentRule:
    users: list[uuid.UUID] = values["user_ids"]
    await _check_users(session, principal.workspace, users)
    rule = AssignmentRule(
        workspace_id=principal.workspace,
        name=values["name"],
        strategy=values["strategy"],
        user_ids=[str(user) for user in dict.fromkeys(users)],
        sources=[str(s) for s in values.get("sources") or []],
        countries=[c.upper() for c in values.get("countries") or []],
        position=values.get("position") or 0,
        is_active=values.get("is_active", True),
    )
    session.add(rule)
    await session.flush()
    return rule


async def update_rule(
    session: AsyncSession, principal: Principal, rule_id: uuid.UUID, changes: dict[str, Any]
) -> AssignmentRule:
    rule = await get_rule(session, principal, rule_id)
    if changes.get("user_ids") is not None:
        await _check_users(session, principal.workspace, changes["user_ids"])
        rule.user_ids = [str(user) for user in dict.fromkeys(changes["user_ids"])]
        rule.last_index = -1
    for name in ("name", "strategy", "position", "is_active"):
        if changes.get(name) is not None:
            setattr(rule, name, changes[name])
    if changes.get("sources") is not None:
        rule.sources = [str(s) for s in changes["sources"]]
    if changes.get("countries") is not None:
        rule.countries = [c.upper() for c in changes["countries"]]
    return rule


async def delete_rule(
    session: AsyncSession, principal: Principal, rule_id: uuid.UUID
) -> AssignmentRule:
    rule = await get_rule(session, principal, rule_id)
    await session.delete(rule)
    await session.flush()
    return rule


def _matches(rule: AssignmentRule, lead: Lead) -> bool:
    return (
        rule.is_active
        and (not rule.sources or lead.source.value in rule.sources)
        and (not rule.countries or (lead.country or "") in rule.countries)
    )


async def choose_owner(
    session: AsyncSession, lead: Lead
) -> tuple[AssignmentRule, uuid.UUID] | None:
    """The owner the first matching rule gives `lead` (advancing round-robin state)."""
    rules = [r for r in await _rules(session, lead.workspace_id, lock=True) if _matches(r, lead)]
    if not rules:
        return None
    members = await _members(session, lead.workspace_id)
    for rule in rules:
        candidates = [uuid.UUID(u) for u in rule.user_ids if uuid.UUID(u) in members]
        if not candidates:
            continue  # everyone of this rule left the workspace: try the next rule
        if rule.strategy is AssignmentStrategy.ROUND_ROBIN:
            index = (rule.last_index + 1) % len(candidates)
            rule.last_index = index
            return rule, candidates[index]
        loads = await _open_leads(session, lead.workspace_id, candidates)
        return rule, min(candidates, key=lambda user: loads.get(user, 0))
    return None


async def _open_leads(
    session: AsyncSession, workspace_id: uuid.UUID, users: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    rows = await session.execute(
        select(Lead.owner_id, func.count())
        .join(Stage, Stage.id == Lead.stage_id)
        .where(
            Lead.workspace_id == workspace_id,
            Lead.owner_id.in_(users),
            Lead.deleted_at.is_(None),
            Stage.kind == StageKind.OPEN,
        )
        .group_by(Lead.owner_id)
    )
    return {owner: int(count) for owner, count in rows if owner}
