"""core.bulk: rows written in bulk (COPY on PostgreSQL) read back as the ORM's own inserts."""

from __future__ import annotations

import contextlib
import gc
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any, cast

import pytest
from sqlalchemy import Table, func, select

from leadwise.core import bulk
from leadwise.core.bulk import (
    RELAXED_GC_THRESHOLDS,
    fewer_collections,
    insert_many,
    insert_records,
)
from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.core.ids import uuid7
from leadwise.models import Activity, ActivityKind, Lead, LeadSource, LeadTag, Lifecycle
from tests.conftest import Account

LEADS = cast(Table, Lead.__table__)
ACTIVITIES = cast(Table, Activity.__table__)


def _lead(workspace_id: uuid.UUID, **values: Any) -> dict[str, Any]:
    now = utcnow()
    return {
        "id": uuid7(),
        "workspace_id": workspace_id,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "Ada@Example.org",
        "email_normalized": "ada@example.org",
        "source": LeadSource.IMPORT,
        "source_details": {"file": "a.csv", "row": 2, "nested": {"ok": [1, 2.5, None]}},
        "lifecycle": Lifecycle.MQL.value,
        "value": 1200,
        "do_not_contact": True,
        "custom_fields": {"größe": "ünï", "n": 3},
        "consents": {},
        "enrichment": {},
        "verification": None,
        "created_at": now,
        "updated_at": now + timedelta(microseconds=7),
        **values,
    }


def _columns(lead: Lead) -> dict[str, Any]:
    return {c.key: getattr(lead, c.key) for c in Lead.__mapper__.column_attrs if c.key != "id"}


async def test_bulk_rows_read_back_as_orm_rows(db: Database, owner: Account):
    values = _lead(owner.workspace_id)
    bulk_id, orm_id = values["id"], uuid7()
    async with db.unit_of_work() as session:
        await insert_many(session, LEADS, [values])
        session.add(Lead(**(values | {"id": orm_id})))
    async with db.sessionmaker() as session:
        bulk = await session.get(Lead, bulk_id)
        orm = await session.get(Lead, orm_id)
        assert bulk is not None
        assert orm is not None
        assert _columns(bulk) == _columns(orm)
        assert bulk.source_details["nested"] == {"ok": [1, 2.5, None]}
        assert bulk.created_at.tzinfo is not None
        # JSON null, as the ORM stores a None of a JSON column (not SQL NULL).
        stored = select(func.count()).where(
            Lead.id.in_([bulk_id, orm_id]), Lead.verification.is_(None)
        )
        assert await session.scalar(stored) == 0


async def test_values_shared_by_rows_are_encoded_once_and_read_back_right(
    db: Database, owner: Account
):
    """A chunk's rows share objects (one timestamp, one empty dict): each is encoded once for
    the rows in a row that hold it, and every row still reads back its own values."""
    shared = {"kind": "shared"}
    rows = [
        _lead(owner.workspace_id, custom_fields=shared),
        _lead(owner.workspace_id, custom_fields=shared),
        _lead(owner.workspace_id, custom_fields={"kind": "own"}),
        _lead(owner.workspace_id, custom_fields=shared),
        _lead(owner.workspace_id, custom_fields={}),
    ]
    async with db.unit_of_work() as session:
        await insert_many(session, LEADS, rows)
    async with db.sessionmaker() as session:
        stored = {
            lead.id: lead.custom_fields
            for lead in await session.scalars(
                select(Lead).where(Lead.id.in_([r["id"] for r in rows]))
            )
        }
    assert [stored[row["id"]] for row in rows] == [row["custom_fields"] for row in rows]
    calls: list[Any] = []
    encoded = bulk._processed(
        lambda value: calls.append(value) or str(value), [shared, shared, {}, shared]
    )
    assert encoded == [str(shared), str(shared), "{}", str(shared)]
    assert calls == [shared, {}, shared]  # the second row's value is the first's object


async def test_python_defaults_fill_left_out_columns(db: Database, owner: Account):
    lead = _lead(owner.workspace_id)
    async with db.unit_of_work() as session:
        await insert_many(session, LEADS, [lead])
        # No id, no created_at: the model's Python defaults (uuid7, now) fill them.
        await insert_records(
            session,
            ACTIVITIES,
            ("workspace_id", "lead_id", "kind", "body", "data", "occurred_at"),
            [(owner.workspace_id, lead["id"], ActivityKind.NOTE, f"note {n}", {}, utcnow())
             for n in range(3)],
        )  # fmt: skip
    async with db.sessionmaker() as session:
        rows = list(await session.scalars(select(Activity).where(Activity.lead_id == lead["id"])))
    assert sorted(a.body or "" for a in rows) == ["note 0", "note 1", "note 2"]
    assert len({a.id for a in rows}) == 3
    assert all(a.created_at is not None for a in rows)


async def test_rows_of_different_shapes_are_refused(db: Database, owner: Account):
    first = _lead(owner.workspace_id)
    second = _lead(owner.workspace_id)
    del second["value"]
    renamed = _lead(owner.workspace_id, valeur=1)
    del renamed["value"]
    with pytest.raises(ValueError, match="share their keys"):
        async with db.unit_of_work() as session:
            await insert_many(session, LEADS, [first, second])
    with pytest.raises(KeyError):
        async with db.unit_of_work() as session:
            await insert_many(session, LEADS, [first, renamed])
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Lead)) == 0


@pytest.mark.parametrize("first_statement", [True, False], ids=["bulk-first", "after-a-select"])
async def test_rolled_back_with_the_unit_of_work(
    db: Database, owner: Account, first_statement: bool
):
    """On PostgreSQL the COPY joins the session's transaction even when it is the first thing
    the session sends (asyncpg's adapter opens the transaction lazily)."""
    leads = [_lead(owner.workspace_id) for _ in range(50)]

    async def abandoned() -> None:
        async with db.unit_of_work() as session:
            if not first_statement:
                await session.scalar(select(func.count()).select_from(Lead))
            await insert_many(session, LEADS, leads)
            raise RuntimeError("abandon")

    with pytest.raises(RuntimeError, match="abandon"):
        await abandoned()
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Lead)) == 0


async def test_a_duplicate_key_fails_the_whole_call(db: Database, owner: Account):
    lead = _lead(owner.workspace_id)
    async with db.unit_of_work() as session:
        await insert_many(session, LEADS, [lead])
    tags = [{"lead_id": lead["id"], "tag": t, "workspace_id": owner.workspace_id} for t in "abc"]
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
        async with db.unit_of_work() as session:
            await insert_many(session, cast(Table, LeadTag.__table__), [*tags, tags[0]])
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(LeadTag)) == 0
        assert await session.scalar(select(func.count()).select_from(Lead)) == 1


async def test_rows_from_an_iterator_stream_in_batches(
    db: Database, owner: Account, monkeypatch: pytest.MonkeyPatch
):
    """Rows made while they are sent (an import builds timeline entries while its leads are
    written): the first batch is encoded before the last row is made, and all arrive and are
    announced with their count."""
    monkeypatch.setattr(bulk, "ENCODE_BATCH", 7)
    announced: list[int] = []
    monkeypatch.setattr(bulk, "listeners", [lambda _s, _t, count: announced.append(count)])
    made: list[uuid.UUID] = []
    encoded_when: list[int] = []  # how many rows had been made at each encoded value
    processor_of = bulk._processor

    def watched(column: Any, dialect: Any) -> Any:
        processor = processor_of(column, dialect)
        if processor is None:
            return None
        return lambda value: encoded_when.append(len(made)) or processor(value)

    monkeypatch.setattr(bulk, "_processor", watched)

    def leads() -> Iterator[dict[str, Any]]:
        for n in range(30):
            lead = _lead(owner.workspace_id, value=n)
            made.append(lead["id"])
            yield lead

    async with db.unit_of_work() as session:
        await insert_many(session, LEADS, leads())
        await insert_many(session, LEADS, iter([]))  # nothing to write: no statement
    async with db.sessionmaker() as session:
        stored = (await session.execute(select(Lead.id, Lead.value).order_by(Lead.id))).all()
    assert stored == [(lead_id, n) for n, lead_id in enumerate(made)]
    assert announced == [30]
    assert encoded_when[0] == 7  # one batch made, not all 30


async def test_a_failure_while_rows_stream_writes_none_of_them(
    db: Database, owner: Account, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(bulk, "ENCODE_BATCH", 7)

    def leads() -> Iterator[dict[str, Any]]:
        for n in range(20):
            if n == 15:  # two batches already sent
                raise RuntimeError("the source broke")
            yield _lead(owner.workspace_id)

    with pytest.raises(RuntimeError, match="the source broke"):
        async with db.unit_of_work() as session:
            await insert_many(session, LEADS, leads())
    async with db.unit_of_work() as session:  # the connection went back to the pool usable
        await insert_many(session, LEADS, [_lead(owner.workspace_id)])
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Lead)) == 1


def test_fewer_collections_while_any_user_is_inside_then_as_before():
    before = gc.get_threshold()
    assert before != RELAXED_GC_THRESHOLDS
    first, second = contextlib.ExitStack(), contextlib.ExitStack()
    first.enter_context(fewer_collections())
    assert gc.get_threshold() == RELAXED_GC_THRESHOLDS
    second.enter_context(fewer_collections())  # a second job, overlapping the first
    first.close()  # the first leaves while the second still works
    assert gc.get_threshold() == RELAXED_GC_THRESHOLDS
    second.close()
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failing job")
    assert gc.get_threshold() == before
