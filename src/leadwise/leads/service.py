"""Leads: create, read, list, update, delete and restore, stage moves, owners, the timeline."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.companies import service as companies
from leadwise.core.clock import utcnow
from leadwise.core.db import after_commit
from leadwise.core.errors import Conflict, ValidationFailed, found
from leadwise.core.events import emit
from leadwise.core.pagination import PageParams, paginate, paginate_by_id
from leadwise.core.schemas import Page
from leadwise.core.storage import FileStore
from leadwise.leads import assignment, custom_fields, repository, search
from leadwise.leads.events import LeadAssigned, LeadChanged, LeadCreated
from leadwise.leads.normalize import (
    InvalidValue,
    email_domain,
    normalize_email,
    normalize_phone,
)
from leadwise.leads.schemas import (
    BulkChanges,
    BulkFilter,
    LeadCreate,
    LeadFields,
    LeadListQuery,
    LeadRead,
)
from leadwise.models import (
    Activity,
    ActivityKind,
    Lead,
    LeadTag,
    Stage,
    StageKind,
)
from leadwise.stages import service as stages

# Fields a PATCH may change, and which of them are worth a "field changed" timeline entry.
PLAIN_FIELDS = (
    "first_name", "last_name", "job_title", "company_name", "website", "external_id", "city",
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
    "lifecycle", "value", "do_not_contact", "source_details",
)  # fmt: skip
USER_ACTIVITY_KINDS = {
    ActivityKind.NOTE,
    ActivityKind.CALL,
    ActivityKind.EMAIL_SENT,
    ActivityKind.EMAIL_RECEIVED,
    ActivityKind.MEETING,
}
UNVERIFIED = "unverified"
SORTS: dict[str, InstrumentedAttribute[Any]] = {
    "created_at": Lead.created_at,
    "updated_at": Lead.updated_at,
    "first_name": Lead.first_name,
    "last_name": Lead.last_name,
}


class LeadMerged(Conflict):
    code = "LEAD_MERGED"
    message = "This lead was merged into another; undo the merge to get it back."


def _with_tags(query: Select[Lead]) -> Select[Lead]:
    return query.options(selectinload(Lead.tag_rows))


async def _lead(
    session: AsyncSession,
    principal: Principal,
    lead_id: uuid.UUID,
    *,
    deleted: bool | None = False,
) -> Lead:
    lead = await session.scalar(
        _with_tags(repository.leads_of(principal.workspace, deleted=deleted)).where(
            Lead.id == lead_id
        )
    )
    return found(lead, "lead")


def record_activity(
    session: AsyncSession,
    lead: Lead,
    principal: Principal | None,
    kind: ActivityKind,
    *,
    body: str | None = None,
    data: dict[str, Any] | None = None,
) -> Activity:
    activity = Activity(
        workspace_id=lead.workspace_id,
        lead_id=lead.id,
        kind=kind,
        actor_id=principal.actor_id if principal else None,
        body=body,
        data=data or {},
    )
    session.add(activity)
    return activity


def _apply_contact_fields(lead: Lead, fields: LeadFields, provided: set[str]) -> None:
    """Email, phone and country, normalised; a bad value answers 422 naming its field."""
    if "country" in provided:
        lead.country = fields.country.upper() if fields.country else None
    if "email" in provided:
        if fields.email:
            try:
                lead.email_normalized = normalize_email(fields.email)
            except InvalidValue as error:
                raise ValidationFailed(
                    f"email: {error}", details={"field": "email", "value": fields.email}
                ) from None
            lead.email = fields.email.strip()
        else:
            lead.email = lead.email_normalized = None
    if "phone" in provided or ("country" in provided and lead.phone_raw):
        raw = fields.phone if "phone" in provided else lead.phone_raw
        if raw:
            try:
                lead.phone_e164 = normalize_phone(raw, lead.country)
            except InvalidValue as error:
                raise ValidationFailed(
                    f"phone: {error}", details={"field": "phone", "value": raw}
                ) from None
            lead.phone_raw = raw.strip()
        else:
            lead.phone_raw = lead.phone_e164 = None


async def _link_company(session: AsyncSession, lead: Lead) -> None:
    """Leads join the company of their business email's domain (free mail links nothing)."""
    if lead.email_normalized is None:
        return
    company = await companies.for_email_domain(
        session, lead.workspace_id, email_domain(lead.email_normalized), name=lead.company_name
    )
    if company is not None:
        lead.company_id = company.id
        lead.company_name = lead.company_name or company.name


async def check_owner(session: AsyncSession, principal: Principal, owner_id: uuid.UUID) -> None:
    if not await repository.is_member(session, principal.workspace, owner_id):
        raise ValidationFailed(
            "The owner must be a member of the workspace.", details={"field": "owner_id"}
        )


async def check_new_lead_stage(
    session: AsyncSession, principal: Principal, stage_id: uuid.UUID
) -> Stage:
    """A stage a new lead may start in (any but a lost one, which needs a reason)."""
    stage = await stages.get_stage(session, principal, stage_id)
    if stage.kind is StageKind.LOST:
        raise ValidationFailed(
            "Move a lead to a lost stage with a reason, after creating it.",
            details={"field": "stage_id"},
        )
    return stage


async def create(session: AsyncSession, principal: Principal, data: LeadCreate) -> Lead:
    provided = data.model_fields_set
    if not (data.email or data.phone or data.first_name or data.last_name or data.company_name):
        raise ValidationFailed(
            "A lead needs at least a name, an email, a phone or a company.",
            details={"field": "email"},
        )
    lead = Lead(workspace_id=principal.workspace, source=data.source)
    for name in PLAIN_FIELDS:
        value = getattr(data, name)
        if name in provided and value is not None:
            setattr(lead, name, value)
    _apply_contact_fields(lead, data, provided)
    if data.owner_id is not None:
        await check_owner(session, principal, data.owner_id)
        lead.owner_id = data.owner_id
    stage = (
        await check_new_lead_stage(session, principal, data.stage_id)
        if data.stage_id
        else await stages.first_open_stage(session, principal.workspace)
    )
    lead.stage_id, lead.stage_changed_at = stage.id, utcnow()
    lead.tag_rows = [LeadTag(tag=tag, workspace_id=principal.workspace) for tag in data.tags or []]
    lead.custom_fields = custom_fields.check_values(
        await custom_fields.list_definitions(session, principal), data.custom_fields or {}
    )
    await _link_company(session, lead)
    session.add(lead)
    await session.flush()
    record_activity(
        session,
        lead,
        principal,
        ActivityKind.SYSTEM,
        body=f"Created ({lead.source.value})",
        data={"event": "created", "source": lead.source.value, "stage_id": str(stage.id)},
    )
    await emit(session, LeadCreated(lead.workspace_id, lead.id, lead.source.value))
    if lead.owner_id is None:
        await _assign_by_rules(session, lead)
    else:
        await emit(
            session, LeadAssigned(lead.workspace_id, lead.id, lead.owner_id, principal.actor_id)
        )
    return lead


async def _assign_by_rules(session: AsyncSession, lead: Lead) -> None:
    chosen = await assignment.choose_owner(session, lead)
    if chosen is None:
        return
    rule, owner_id = chosen
    lead.owner_id = owner_id
    record_activity(
        session,
        lead,
        None,
        ActivityKind.ASSIGNMENT,
        data={"from_owner_id": None, "to_owner_id": str(owner_id), "rule_id": str(rule.id)},
    )
    await emit(session, LeadAssigned(lead.workspace_id, lead.id, owner_id, None))


async def get(session: AsyncSession, principal: Principal, lead_id: uuid.UUID) -> Lead:
    return await _lead(session, principal, lead_id)


async def of_company(
    session: AsyncSession, principal: Principal, company_id: uuid.UUID, *, limit: int
) -> list[Lead]:
    """A company's live leads, oldest first, at most `limit` (enrichment updates them)."""
    query = repository.leads_of(principal.workspace).where(Lead.company_id == company_id)
    return list(await session.scalars(query.order_by(Lead.created_at, Lead.id).limit(limit)))


# What a list row carries: LeadRead's fields, each a column of `leads` except the tags.
LIST_COLUMNS = [name for name in LeadRead.model_fields if name != "tags"]


async def list_leads(
    session: AsyncSession, principal: Principal, filters: LeadListQuery, page: PageParams
) -> Page[dict[str, Any]]:
    """LeadRead-shaped dicts, read as rows: the ORM and model validation of 50 wide leads were
    most of a list's CPU time (bench/inprocess.py)."""
    query = repository.lead_rows_of(principal.workspace, LIST_COLUMNS, deleted=filters.deleted)
    query = _filtered(query, principal.workspace, filters)
    descending = filters.sort.startswith("-")
    column = SORTS.get(filters.sort.lstrip("-"))
    if column is None:
        raise ValidationFailed(
            f"sort must be one of {', '.join(sorted(SORTS))} (prefix - for descending).",
            details={"field": "sort"},
        )
    rows = await paginate(
        session, query, page, column, Lead.id, descending=descending, as_rows=True
    )
    items = []
    for row in rows.items:
        item = dict(row._mapping)
        joined = item.pop("tags_joined")
        item["tags"] = sorted(joined.split(repository.TAG_SEPARATOR)) if joined else []
        items.append(item)
    return Page(items=items, next_cursor=rows.next_cursor, limit=rows.limit)


async def stage_summary(
    session: AsyncSession, principal: Principal, filters: BulkFilter
) -> list[dict[str, Any]]:
    """Count and value of the matching live leads in each stage (the pipeline's columns)."""
    live = _filtered(repository.leads_of(principal.workspace), principal.workspace, filters)
    query = live.with_only_columns(
        Lead.stage_id, func.count(Lead.id), func.coalesce(func.sum(Lead.value), 0)
    ).group_by(Lead.stage_id)
    rows = (await session.execute(query)).all()
    return [
        {"stage_id": stage_id, "count": int(count), "value": int(value or 0)}
        for stage_id, count, value in rows
    ]


ExportKey = tuple[datetime, uuid.UUID]  # (created_at, id) of the last lead of a batch


async def export_rows(
    session: AsyncSession,
    principal: Principal,
    filters: BulkFilter,
    columns: Sequence[str],
    *,
    after: ExportKey | None,
    limit: int,
    deleted: bool = False,
    ids: Sequence[uuid.UUID] | None = None,
) -> list[dict[str, Any]]:
    """One batch of an export: the matching leads' `columns` (plus `id`, `created_at` and
    `tags` as a list), oldest first, after the lead keyed `after`. Keyset batches keep an
    export's memory flat however many leads match, and each batch is an index range scan."""
    wanted = list(dict.fromkeys([*columns, "created_at", "id"]))
    query = repository.lead_rows_of(principal.workspace, wanted, deleted=deleted)
    query = _filtered(query, principal.workspace, filters)
    if ids is not None:
        query = query.where(Lead.id.in_(ids))
    if after is not None:
        query = query.where(tuple_(Lead.created_at, Lead.id) > after)
    query = query.order_by(Lead.created_at, Lead.id).limit(limit)
    result = await (await session.connection()).execute(query)
    keys = ["tags" if key == "tags_joined" else key for key in list(result.keys())]
    rows = [dict(zip(keys, values, strict=True)) for values in result]  # row._mapping: 2x slower
    for row in rows:
        joined = row["tags"]
        row["tags"] = sorted(joined.split(repository.TAG_SEPARATOR)) if joined else []
    return rows


async def count_matching(
    session: AsyncSession,
    principal: Principal,
    filters: BulkFilter,
    *,
    deleted: bool = False,
    ids: Sequence[uuid.UUID] | None = None,
) -> int:
    """How many leads an export of `filters` (and `ids`, if given) covers (for its progress)."""
    query = _filtered(
        repository.leads_of(principal.workspace, deleted=deleted), principal.workspace, filters
    )
    if ids is not None:
        query = query.where(Lead.id.in_(ids))
    return int(await session.scalar(query.with_only_columns(func.count(Lead.id))) or 0)


Q = TypeVar("Q", bound=Select[Any])


def _filtered(query: Q, workspace_id: uuid.UUID, filters: BulkFilter) -> Q:
    if filters.stage_id is not None:
        query = query.where(Lead.stage_id == filters.stage_id)
    if filters.owner_id is not None:
        query = query.where(Lead.owner_id == filters.owner_id)
    if filters.company_id is not None:
        query = query.where(Lead.company_id == filters.company_id)
    if filters.source is not None:
        query = query.where(Lead.source == filters.source)
    if filters.lifecycle is not None:
        query = query.where(Lead.lifecycle == filters.lifecycle)
    if filters.created_from is not None:
        query = query.where(Lead.created_at >= filters.created_from)
    if filters.created_to is not None:
        query = query.where(Lead.created_at < filters.created_to)
    if filters.has_email is not None:
        has = Lead.email_normalized.is_not(None)
        query = query.where(has if filters.has_email else ~has)
    if filters.score_min is not None:
        query = query.where(Lead.score >= filters.score_min)
    if filters.score_max is not None:
        query = query.where(Lead.score <= filters.score_max)
    if filters.verification_status == UNVERIFIED:
        query = query.where(Lead.verification_status.is_(None))
    elif filters.verification_status is not None:
        query = query.where(Lead.verification_status == filters.verification_status)
    if filters.tag:
        tagged = select(LeadTag.lead_id).where(
            LeadTag.workspace_id == workspace_id, LeadTag.tag == filters.tag.strip().lower()
        )
        query = query.where(Lead.id.in_(tagged))
    if filters.q:
        query = query.where(search.matching(filters.q))
    return query


async def update(
    session: AsyncSession, principal: Principal, lead_id: uuid.UUID, data: LeadFields
) -> Lead:
    lead = await _lead(session, principal, lead_id)
    provided = data.model_fields_set
    before = {
        name: getattr(lead, name) for name in (*PLAIN_FIELDS, "email", "phone_raw", "country")
    }
    for name in PLAIN_FIELDS:
        if name in provided:
            value = getattr(data, name)
            if value is None and name in ("first_name", "last_name"):
                value = ""
            if value is None and name in ("lifecycle", "do_not_contact", "source_details"):
                raise ValidationFailed(f"{name} cannot be null.", details={"field": name})
            setattr(lead, name, value)
    _apply_contact_fields(lead, data, provided)
    if "email" in provided and lead.company_id is None:
        await _link_company(session, lead)
    if "custom_fields" in provided:
        values = custom_fields.check_values(
            await custom_fields.list_definitions(session, principal),
            data.custom_fields or {},
            current=lead.custom_fields,
        )
        if values != lead.custom_fields:
            before["custom_fields"] = lead.custom_fields
            lead.custom_fields = values
    if "tags" in provided:
        tags = data.tags or []
        if tags != lead.tags:
            before["tags"] = lead.tags
            lead.tag_rows = [LeadTag(tag=tag, workspace_id=lead.workspace_id) for tag in tags]
    for name, old in before.items():
        new = getattr(lead, name)
        if new != old:
            record_activity(
                session,
                lead,
                principal,
                ActivityKind.FIELD_CHANGE,
                data={"field": name, "old": _plain(old), "new": _plain(new)},
            )
    lead.updated_at = utcnow()
    await session.flush()
    changed = tuple(name for name, old in before.items() if getattr(lead, name) != old)
    if changed:
        await emit(session, LeadChanged(lead.workspace_id, lead.id, changed))
    return lead


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


async def delete(
    session: AsyncSession,
    principal: Principal,
    lead_id: uuid.UUID,
    *,
    hard: bool,
    store: FileStore | None = None,
) -> Lead:
    if hard:
        assert store is not None, "a hard delete removes the lead's files too"
        principal.check(Permission.LEADS_HARD_DELETE)
        doomed = await _lead(session, principal, lead_id, deleted=None)  # in the bin or not
        # The rows go with the lead (ON DELETE CASCADE); the files once that has committed.
        for key in await repository.attachment_keys(session, principal.workspace, doomed.id):
            after_commit(session, partial(store.delete, key))
        await session.delete(doomed)
        await session.flush()
        return doomed
    lead = await _lead(session, principal, lead_id)
    lead.deleted_at = utcnow()
    record_activity(session, lead, principal, ActivityKind.SYSTEM, data={"event": "deleted"})
    return lead


async def restore(session: AsyncSession, principal: Principal, lead_id: uuid.UUID) -> Lead:
    lead = await _lead(session, principal, lead_id, deleted=True)
    if lead.merged_into_id is not None:
        raise LeadMerged(details={"merged_into_id": str(lead.merged_into_id)})
    lead.deleted_at = None
    record_activity(session, lead, principal, ActivityKind.SYSTEM, data={"event": "restored"})
    return lead


async def move_to_stage(
    session: AsyncSession,
    principal: Principal,
    lead_id: uuid.UUID,
    *,
    stage_id: uuid.UUID,
    lost_reason: str | None,
) -> Lead:
    lead = await _lead(session, principal, lead_id)
    target: Stage = await stages.get_stage(session, principal, stage_id)
    if target.kind is StageKind.LOST and not lost_reason:
        raise ValidationFailed(
            "Moving a lead to a lost stage needs a reason.", details={"field": "lost_reason"}
        )
    if target.id == lead.stage_id:
        return lead
    previous = lead.stage_id
    lead.stage_id, lead.stage_changed_at = target.id, utcnow()
    lead.lost_reason = lost_reason if target.kind is StageKind.LOST else None
    record_activity(
        session,
        lead,
        principal,
        ActivityKind.STAGE_CHANGE,
        body=lost_reason,
        data={
            "from_stage_id": str(previous) if previous else None,
            "to_stage_id": str(target.id),
            "to_stage": target.name,
            "kind": target.kind.value,
        },
    )
    return lead


async def assign(
    session: AsyncSession, principal: Principal, lead_id: uuid.UUID, owner_id: uuid.UUID | None
) -> Lead:
    lead = await _lead(session, principal, lead_id)
    if owner_id is not None:
        await check_owner(session, principal, owner_id)
    if owner_id != lead.owner_id:
        record_activity(
            session,
            lead,
            principal,
            ActivityKind.ASSIGNMENT,
            data={
                "from_owner_id": str(lead.owner_id) if lead.owner_id else None,
                "to_owner_id": str(owner_id) if owner_id else None,
            },
        )
        lead.owner_id = owner_id
        if owner_id is not None:
            await emit(
                session, LeadAssigned(lead.workspace_id, lead.id, owner_id, principal.actor_id)
            )
    return lead


async def list_activities(
    session: AsyncSession, principal: Principal, lead_id: uuid.UUID, page: PageParams
) -> Page[Activity]:
    lead = await _lead(session, principal, lead_id)
    query = repository.activities_of(principal.workspace, lead.id)
    return await paginate_by_id(session, query, Activity.id, page, descending=True)


async def add_activity(
    session: AsyncSession,
    principal: Principal,
    lead_id: uuid.UUID,
    *,
    kind: ActivityKind,
    body: str,
    occurred_at: datetime | None,
) -> Activity:
    if kind not in USER_ACTIVITY_KINDS:
        raise ValidationFailed(
            f"kind must be one of {', '.join(sorted(k.value for k in USER_ACTIVITY_KINDS))}.",
            details={"field": "kind"},
        )
    lead = await _lead(session, principal, lead_id)
    activity = record_activity(session, lead, principal, kind, body=body)
    if occurred_at is not None:
        activity.occurred_at = occurred_at
    await session.flush()
    return activity


BULK_LIMIT = 5000


async def bulk(
    session: AsyncSession,
    principal: Principal,
    *,
    action: str,
    ids: list[uuid.UUID] | None,
    filters: BulkFilter | None,
    changes: BulkChanges | None,
) -> tuple[int, int]:
    """Apply one change (or a delete) to many leads through the same rules as one lead, so each
    gets its timeline entries. Returns (matched, changed)."""
    if (ids is None) == (filters is None):
        raise ValidationFailed("Give either ids or filter.", details={"field": "ids"})
    query = repository.leads_of(principal.workspace)
    if ids is not None:
        query = query.where(Lead.id.in_(ids))
    else:
        assert filters is not None
        query = _filtered(query, principal.workspace, filters)
    lead_ids = list(await session.scalars(query.with_only_columns(Lead.id).limit(BULK_LIMIT + 1)))
    if len(lead_ids) > BULK_LIMIT:
        raise ValidationFailed(
            f"More than {BULK_LIMIT} leads match; narrow the filter.", details={"field": "filter"}
        )
    if action == "delete":
        principal.check(Permission.LEADS_DELETE)
        for lead_id in lead_ids:
            await delete(session, principal, lead_id, hard=False)
        return len(lead_ids), len(lead_ids)
    if changes is None:
        raise ValidationFailed("An update needs changes.", details={"field": "changes"})
    if changes.owner_id is not None or changes.unassign:
        principal.check(Permission.LEADS_ASSIGN)
    changed = 0
    for lead_id in lead_ids:
        lead = await _lead(session, principal, lead_id)
        before = (lead.stage_id, lead.owner_id, lead.tags)
        if changes.stage_id is not None:
            await move_to_stage(
                session,
                principal,
                lead_id,
                stage_id=changes.stage_id,
                lost_reason=changes.lost_reason,
            )
        if changes.owner_id is not None or changes.unassign:
            await assign(
                session, principal, lead_id, None if changes.unassign else changes.owner_id
            )
        if changes.add_tags or changes.remove_tags:
            tags = (set(lead.tags) | {t.strip().lower() for t in changes.add_tags}) - {
                t.strip().lower() for t in changes.remove_tags
            }
            await update(session, principal, lead_id, LeadFields(tags=sorted(tags)))
        if (lead.stage_id, lead.owner_id, lead.tags) != before:
            changed += 1
    return len(lead_ids), changed
