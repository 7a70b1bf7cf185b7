"""The live feed of lead changes: what a transaction did to leads, published once it commits.

It watches the ORM session rather than each service function, so every way a lead changes
(the API, forms, merges, stage deletions, jobs) is covered and none can forget to tell. Events
carry ids and stage, never personal data; clients read the lead through the API.

    lead.created  lead.updated  lead.moved  lead.deleted  lead.merged  lead.restored
    leads.changed   many leads at once (a bulk statement, a large change): refetch

A change made in a savepoint that rolled back is dropped with it; a transaction that rolls
back publishes nothing (its after-commit callbacks never run).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Result, Table, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

from leadwise.core import bulk
from leadwise.core.db import after_commit
from leadwise.core.live import (
    LEADS_CHANGED,
    SESSION_ACTOR,
    SESSION_HUB,
    SESSION_WORKSPACE,
    Publisher,
)
from leadwise.models import Lead

BATCH_KEY = "leadwise_live_batch"
# More changed leads than this in one workspace and transaction become one `leads.changed`.
MAX_EVENTS_PER_COMMIT = 100

CREATED, UPDATED, MOVED = "lead.created", "lead.updated", "lead.moved"
DELETED, MERGED, RESTORED = "lead.deleted", "lead.merged", "lead.restored"
MANY = LEADS_CHANGED
GONE = (DELETED, MERGED)


@dataclass(frozen=True, slots=True)
class Change:
    transaction: SessionTransaction
    workspace_id: uuid.UUID
    type: str
    lead_id: uuid.UUID | None = None
    stage_id: uuid.UUID | None = None
    from_stage_id: uuid.UUID | None = None
    updated_at: datetime | None = None
    merged_into_id: uuid.UUID | None = None
    count: int = 1  # leads a bulk statement wrote (as far as known)


class Batch:
    """The lead changes of one session's transaction, in flush order."""

    def __init__(self, hub: Publisher, actor_id: uuid.UUID | None) -> None:
        self.hub = hub
        self.actor_id = actor_id
        self.changes: list[Change] = []

    def drop_rolled_back(self, rolled_back: SessionTransaction) -> None:
        self.changes = [c for c in self.changes if not _within(c.transaction, rolled_back)]

    async def publish(self) -> None:
        by_workspace: dict[uuid.UUID, dict[uuid.UUID, Change | None]] = {}
        bulk: dict[uuid.UUID, int] = {}  # workspace → leads written by bulk statements
        for change in self.changes:
            leads = by_workspace.setdefault(change.workspace_id, {})
            if change.lead_id is None:
                bulk[change.workspace_id] = bulk.get(change.workspace_id, 0) + change.count
            elif change.lead_id in leads:
                leads[change.lead_id] = _combine(leads[change.lead_id], change)
            else:
                leads[change.lead_id] = change
        for workspace_id, leads in by_workspace.items():
            changes = [change for change in leads.values() if change is not None]
            if workspace_id in bulk or len(changes) > MAX_EVENTS_PER_COMMIT:
                count = len(changes) + bulk.get(workspace_id, 0)
                await self.hub.publish(
                    workspace_id, MANY, {"count": count, "actor_user_id": self.actor_id}
                )
                continue
            for change in changes:
                await self.hub.publish(workspace_id, change.type, self._data(change))

    def _data(self, change: Change) -> dict[str, Any]:
        data: dict[str, Any] = {
            "lead_id": change.lead_id,
            "stage_id": change.stage_id,
            "updated_at": change.updated_at,
            "actor_user_id": self.actor_id,
        }
        if change.type == MOVED:
            data["from_stage_id"] = change.from_stage_id
        if change.type == MERGED:
            data["merged_into_id"] = change.merged_into_id
        return data


def _within(transaction: SessionTransaction | None, ancestor: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is ancestor:
            return True
        transaction = transaction.parent
    return False


def _combine(earlier: Change | None, later: Change) -> Change | None:
    """One event for a lead changed several times in a transaction."""
    if earlier is None:  # created and deleted again: nobody saw it
        return None if later.type in GONE else replace(later, type=CREATED)
    if earlier.type == CREATED:
        if later.type in GONE:
            return None
        return replace(later, type=CREATED, from_stage_id=None)
    if later.type in (*GONE, RESTORED):
        return later
    if earlier.type in (*GONE, RESTORED):
        return replace(later, type=earlier.type, merged_into_id=earlier.merged_into_id)
    if MOVED in (earlier.type, later.type):
        start = earlier.from_stage_id if earlier.type == MOVED else earlier.stage_id
        moved = later.stage_id != start
        return replace(later, type=MOVED if moved else UPDATED, from_stage_id=start)
    return later


def _batch(session: Session) -> Batch | None:
    batch: Batch | None = session.info.get(BATCH_KEY)
    if batch is not None:
        return batch
    hub: Publisher | None = session.info.get(SESSION_HUB)
    if hub is None:
        return None
    created = session.info[BATCH_KEY] = Batch(hub, session.info.get(SESSION_ACTOR))

    async def publish() -> None:
        if session.info.get(BATCH_KEY) is created:
            del session.info[BATCH_KEY]
        await created.publish()

    after_commit(session, publish)
    return created


def _current_transaction(session: Session) -> SessionTransaction:
    transaction = session.get_nested_transaction() or session.get_transaction()
    assert transaction is not None, "a flush runs in a transaction"
    return transaction


def _loaded(lead: Lead, name: str) -> Any:
    # Only what is in memory: a listener must not load (no I/O inside a flush, nor here).
    return inspect(lead).dict.get(name)


def _added(lead: Lead, name: str) -> tuple[bool, Any, Any]:
    """(changed, old value, new value) of a column, from its pre-flush history."""
    history = inspect(lead).attrs[name].history
    if not history.added:
        return False, None, None
    old = history.deleted[0] if history.deleted else None
    return old != history.added[0], old, history.added[0]


def _change_of(lead: Lead, transaction: SessionTransaction, type_: str | None) -> Change | None:
    workspace_id = _loaded(lead, "workspace_id")
    if workspace_id is None:
        return None
    from_stage_id = None
    if type_ is None:
        moved, from_stage_id, _ = _added(lead, "stage_id")
        deleted, _, deleted_at = _added(lead, "deleted_at")
        merged, _, merged_into_id = _added(lead, "merged_into_id")
        if deleted and deleted_at is not None:
            type_ = MERGED if merged and merged_into_id is not None else DELETED
        elif deleted:
            type_ = RESTORED
        else:
            type_ = MOVED if moved else UPDATED
    return Change(
        transaction=transaction,
        workspace_id=workspace_id,
        type=type_,
        lead_id=_loaded(lead, "id"),
        stage_id=_loaded(lead, "stage_id"),
        from_stage_id=from_stage_id,
        updated_at=_loaded(lead, "updated_at"),
        merged_into_id=_loaded(lead, "merged_into_id"),
    )


@event.listens_for(Session, "after_flush")
def _collect_flushed(session: Session, _flush: UOWTransaction) -> None:
    # After the flush, `new`, `dirty`, `deleted` and attribute histories still show what it
    # wrote; the values computed by the flush (ids, updated_at) are on the objects.
    if SESSION_HUB not in session.info:
        return
    found: list[tuple[Lead, str | None]] = []
    found += [(lead, CREATED) for lead in session.new if isinstance(lead, Lead)]
    found += [
        (lead, None)
        for lead in session.dirty
        if isinstance(lead, Lead) and session.is_modified(lead, include_collections=False)
    ]
    found += [(lead, DELETED) for lead in session.deleted if isinstance(lead, Lead)]
    if not found:
        return
    batch = _batch(session)
    if batch is None:
        return
    transaction = _current_transaction(session)
    for lead, type_ in found:
        change = _change_of(lead, transaction, type_)
        if change is not None:
            batch.changes.append(change)


@event.listens_for(Session, "do_orm_execute")
def _collect_bulk(state: ORMExecuteState) -> Result[Any] | None:
    """INSERT, UPDATE or DELETE statements on `leads` (not through objects): which leads they
    touch is not known here, so the workspace's clients refetch."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    session = state.session
    workspace_id = session.info.get(SESSION_WORKSPACE)
    if SESSION_HUB not in session.info or workspace_id is None:
        return None
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) != Lead.__tablename__:
        return None
    result = state.invoke_statement()
    # How many rows it wrote, for the event's `count`: the driver's row count where it has
    # one, else the rows of an executemany.
    rowcount = getattr(result, "rowcount", -1)
    rows = state.parameters if isinstance(state.parameters, list) else None
    count = rowcount if isinstance(rowcount, int) and rowcount >= 0 else len(rows or [None])
    _note_many(session, workspace_id, count)
    return result


def _collect_bulk_insert(session: Session, table: Table, count: int) -> None:
    """Leads written by `core.bulk` (COPY and the like, past the ORM)."""
    workspace_id = session.info.get(SESSION_WORKSPACE)
    if table.name == Lead.__tablename__ and SESSION_HUB in session.info and workspace_id:
        _note_many(session, workspace_id, count)


bulk.listeners.append(_collect_bulk_insert)


def _note_many(session: Session, workspace_id: uuid.UUID, count: int) -> None:
    batch = _batch(session) if count else None
    if batch is not None:
        batch.changes.append(Change(_current_transaction(session), workspace_id, MANY, count=count))


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    batch: Batch | None = session.info.get(BATCH_KEY)
    if batch is not None:
        batch.drop_rolled_back(previous_transaction)
        if previous_transaction.parent is None:
            session.info.pop(BATCH_KEY, None)
