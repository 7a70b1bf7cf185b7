"""SQL for match keys, duplicate candidates, merge logs and models; every statement names the
workspace."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import (
    Integer,
    Select,
    String,
    Table,
    Uuid,
    bindparam,
    column,
    delete,
    func,
    literal,
    select,
    text,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload
from sqlalchemy.sql.selectable import TextualSelect

from leadwise.core.bulk import insert_records
from leadwise.core.db import workspace_check
from leadwise.models import (
    Activity,
    Attachment,
    CandidateStatus,
    DedupeModel,
    DuplicateCandidate,
    Job,
    JobStatus,
    Lead,
    LeadMatchKey,
    LeadTag,
    MergeLog,
)

# Bound parameters per statement stay well below SQLite's and asyncpg's limits (32,766).
PARAMETERS_PER_STATEMENT = 5000
# Leads read per key: like the engine's window, a key shared by thousands (a common name in a
# big city) cannot make one check compare a record with all of them.
LEADS_PER_KEY = 30
# What scoring and the queue need of a lead.
FIELD_COLUMNS = (
    "id", "first_name", "last_name", "email", "email_normalized", "phone_raw", "phone_e164",
    "job_title", "company_name", "website", "city", "country", "created_at", "updated_at",
    "deleted_at", "merged_into_id",
)  # fmt: skip


def _chunks(items: Sequence[Any], size: int = PARAMETERS_PER_STATEMENT) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def _insert(session: AsyncSession, table: Any) -> Any:
    """INSERT with ON CONFLICT support, for the session's database."""
    return (postgresql.insert if _dialect(session) == "postgresql" else sqlite.insert)(table)


# --- match keys -------------------------------------------------------------------------------


async def replace_keys(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    lead_ids: Sequence[uuid.UUID],
    rows: Iterable[tuple[uuid.UUID, str]],
    *,
    fresh: bool = False,
) -> None:
    """The keys of `lead_ids` become `rows` (lead id, key); `fresh` leads have none yet."""
    if not fresh:
        for chunk in _chunks(lead_ids):
            await session.execute(
                delete(LeadMatchKey).where(
                    workspace_check(LeadMatchKey.workspace_id, workspace_id),
                    LeadMatchKey.lead_id.in_(chunk),
                )
            )
    if fresh:  # new leads: no key of theirs can be there yet
        table = cast(Table, LeadMatchKey.__table__)
        records = ((workspace_id, lead, key) for lead, key in rows)  # made as they are sent
        await insert_records(session, table, ("workspace_id", "lead_id", "key"), records)
        return
    values = [{"workspace_id": workspace_id, "lead_id": lead, "key": key} for lead, key in rows]
    for part in _chunks(values, PARAMETERS_PER_STATEMENT // 3):
        await session.execute(
            _insert(session, LeadMatchKey.__table__).on_conflict_do_nothing(), part
        )


# Between the keys of a lead read as one string: one row per lead rather than per key (~6.5;
# a row per key took a million-lead scan 12 s). Keys are made of normalised values and hold
# no such character; one that did would only look changed, and be stored again, at each scan.
KEY_SEPARATOR = "\x1e"


async def stored_keys(
    session: AsyncSession, workspace_id: uuid.UUID, lead_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, set[str]]:
    found: dict[uuid.UUID, set[str]] = {}
    for chunk in _chunks(lead_ids):
        rows = await session.execute(
            select(LeadMatchKey.lead_id, func.aggregate_strings(LeadMatchKey.key, KEY_SEPARATOR))
            .where(
                workspace_check(LeadMatchKey.workspace_id, workspace_id),
                LeadMatchKey.lead_id.in_(chunk),
            )
            .group_by(LeadMatchKey.lead_id)
        )
        found.update((lead_id, set(joined.split(KEY_SEPARATOR))) for lead_id, joined in rows)
    return found


async def leads_sharing(
    session: AsyncSession, workspace_id: uuid.UUID, keys: Sequence[str]
) -> tuple[dict[str, list[uuid.UUID]], dict[uuid.UUID, dict[str, Any]]]:
    """For each key, the live leads that have it (at most LEADS_PER_KEY, the newest), and
    those leads' fields.

    Two lookups by index (keys, then leads by id) rather than one join: right after a bulk
    load PostgreSQL has no statistics yet, and planned the join as a scan of every key of the
    workspace for every lead (4.9 s for 5,000 leads, hours at 100,000).
    """
    holders: dict[str, list[uuid.UUID]] = {}
    newest = _newest_holders_postgresql if _dialect(session) == "postgresql" else _newest_holders
    # Room for some holders that turn out deleted.
    for key, lead_id in await newest(session, workspace_id, sorted(set(keys)), 2 * LEADS_PER_KEY):
        holders.setdefault(key, []).append(lead_id)
    wanted = sorted({lead_id for ids in holders.values() for lead_id in ids})
    records: dict[uuid.UUID, dict[str, Any]] = {}
    columns = [Lead.__table__.c[name] for name in FIELD_COLUMNS]
    for chunk in _chunks(wanted):
        rows = await session.execute(
            select(*columns).where(
                workspace_check(Lead.workspace_id, workspace_id),
                Lead.id.in_(chunk),
                Lead.deleted_at.is_(None),
            )
        )
        for row in rows:
            records[row.id] = dict(row._mapping)
    found = {
        key: sorted((i for i in ids if i in records), reverse=True)[:LEADS_PER_KEY]
        for key, ids in holders.items()
    }
    return {key: ids for key, ids in found.items() if ids}, records


# A key shared by thousands (a common surname in a big city) must not cost a read of every
# holder: each key's newest holders are read from the (workspace_id, key, lead_id) index with
# a LIMIT, which stops after them. Ranking every holder with a window function grew with the
# workspace (3.3 s per 2,000 keys on a synthetic SQLite table of 600,000 leads; 0.06 s this way).
_HOLDERS_BRANCH = (
    "SELECT * FROM (SELECT key, lead_id FROM lead_match_keys"
    " WHERE workspace_id = :w AND key = :k{i} ORDER BY lead_id DESC LIMIT :n)"
)
_SQLITE_BRANCHES = 400  # SQLite allows 500 terms in a compound SELECT
_HOLDER_COLUMNS = (column("key", String), column("lead_id", Uuid))


async def _newest_holders(
    session: AsyncSession, workspace_id: uuid.UUID, keys: Sequence[str], limit: int
) -> list[tuple[str, uuid.UUID]]:
    found: list[tuple[str, uuid.UUID]] = []
    for chunk in _chunks(keys, _SQLITE_BRANCHES):
        statement = _holders_statement(len(chunk))
        params: dict[str, Any] = {f"k{i}": key for i, key in enumerate(chunk)}
        rows = await session.execute(statement, {"w": workspace_id, "n": limit, **params})
        found.extend((row[0], row[1]) for row in rows)
    return found


@functools.cache
def _holders_statement(branches: int) -> TextualSelect:
    sql = " UNION ALL ".join(_HOLDERS_BRANCH.format(i=i) for i in range(branches))
    return (
        text(sql)
        .bindparams(bindparam("w", type_=Uuid), bindparam("n", type_=Integer))
        .columns(*_HOLDER_COLUMNS)
    )


async def _newest_holders_postgresql(
    session: AsyncSession, workspace_id: uuid.UUID, keys: Sequence[str], limit: int
) -> list[tuple[str, uuid.UUID]]:
    found: list[tuple[str, uuid.UUID]] = []
    for chunk in _chunks(keys):
        array = literal(list(chunk), postgresql.ARRAY(String))
        wanted = func.unnest(array).table_valued("key").render_derived(name="wanted")
        newest = (
            select(LeadMatchKey.lead_id)
            .where(LeadMatchKey.workspace_id == workspace_id, LeadMatchKey.key == wanted.c.key)
            .order_by(LeadMatchKey.lead_id.desc())
            .limit(limit)
            .lateral()
        )
        rows = await session.execute(
            select(wanted.c.key, newest.c.lead_id).select_from(wanted).join(newest, true())
        )
        found.extend((row[0], row[1]) for row in rows)
    return found


async def lead_fields(
    session: AsyncSession, workspace_id: uuid.UUID, lead_ids: Iterable[uuid.UUID]
) -> list[dict[str, Any]]:
    """Plain records of leads (live or not), for scoring and summaries."""
    ids = list(dict.fromkeys(lead_ids))
    columns = [Lead.__table__.c[name] for name in FIELD_COLUMNS]
    records: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        rows = await session.execute(
            select(*columns).where(
                workspace_check(Lead.workspace_id, workspace_id), Lead.id.in_(chunk)
            )
        )
        records.extend(dict(row._mapping) for row in rows)
    return records


async def live_leads_with_key(
    session: AsyncSession, workspace_id: uuid.UUID, key: str
) -> list[uuid.UUID]:
    """Live leads with this key, the most recently updated first."""
    rows = await session.scalars(
        select(Lead.id)
        .join(LeadMatchKey, LeadMatchKey.lead_id == Lead.id)
        .where(
            LeadMatchKey.workspace_id == workspace_id,
            LeadMatchKey.key == key,
            Lead.deleted_at.is_(None),
        )
        .order_by(Lead.updated_at.desc(), Lead.id.desc())
    )
    return list(rows)


async def live_lead_page(
    session: AsyncSession, workspace_id: uuid.UUID, after: uuid.UUID | None, limit: int
) -> list[dict[str, Any]]:
    """A batch of the workspace's live leads in id order, as plain records (for the scan).

    Read along the primary key: with a plain workspace equality SQLite walked a workspace
    index and sorted the whole workspace for every batch (2.9 s a batch at 1,100,000 leads,
    so the scan's reading grew with the square of the workspace)."""
    columns = [Lead.__table__.c[name] for name in FIELD_COLUMNS]
    query = select(*columns).where(
        workspace_check(Lead.workspace_id, workspace_id), Lead.deleted_at.is_(None)
    )
    if after is not None:
        query = query.where(Lead.id > after)
    rows = await session.execute(query.order_by(Lead.id).limit(limit))
    names = list(rows.keys())  # not row._mapping: a million of them cost a scan seconds
    return [dict(zip(names, row, strict=True)) for row in rows]


# --- candidates -------------------------------------------------------------------------------


def candidates_of(workspace_id: uuid.UUID) -> Select[DuplicateCandidate]:
    return select(DuplicateCandidate).where(DuplicateCandidate.workspace_id == workspace_id)


def live_pairs_only(query: Select[Any]) -> Select[Any]:
    """Only candidates whose two leads are both live (merging or deleting one hides a pair)."""
    a, b = aliased(Lead), aliased(Lead)
    return (
        query.join(a, a.id == DuplicateCandidate.lead_a_id)
        .join(b, b.id == DuplicateCandidate.lead_b_id)
        .where(a.deleted_at.is_(None), b.deleted_at.is_(None))
    )


async def candidate(
    session: AsyncSession, workspace_id: uuid.UUID, candidate_id: uuid.UUID
) -> DuplicateCandidate | None:
    return await session.scalar(
        candidates_of(workspace_id).where(DuplicateCandidate.id == candidate_id).with_for_update()
    )


async def candidates_by_ids(
    session: AsyncSession, workspace_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> list[DuplicateCandidate]:
    rows = await session.scalars(
        select(DuplicateCandidate)
        .where(
            workspace_check(DuplicateCandidate.workspace_id, workspace_id),
            DuplicateCandidate.id.in_(ids),
        )
        .order_by(DuplicateCandidate.id)
        .with_for_update()
    )
    return list(rows)


async def candidates_among(
    session: AsyncSession, workspace_id: uuid.UUID, lead_ids: Sequence[uuid.UUID]
) -> list[DuplicateCandidate]:
    """Candidates whose two leads are both among `lead_ids`."""
    rows = await session.scalars(
        candidates_of(workspace_id).where(
            DuplicateCandidate.lead_a_id.in_(lead_ids), DuplicateCandidate.lead_b_id.in_(lead_ids)
        )
    )
    return list(rows)


async def pair_statuses(
    session: AsyncSession, workspace_id: uuid.UUID
) -> dict[tuple[uuid.UUID, uuid.UUID], CandidateStatus]:
    """Every known pair of the workspace and its status (the scan's memory of verdicts)."""
    rows = await session.execute(
        select(
            DuplicateCandidate.lead_a_id, DuplicateCandidate.lead_b_id, DuplicateCandidate.status
        ).where(DuplicateCandidate.workspace_id == workspace_id)
    )
    return {(a, b): status for a, b, status in rows}


async def add_candidates_unless_known(
    session: AsyncSession, rows: Sequence[dict[str, Any]]
) -> None:
    """One INSERT that skips the pairs already known (whatever their status), so two requests
    flagging the same pair at once make one row."""
    for part in _chunks(rows, PARAMETERS_PER_STATEMENT // 16):
        await session.execute(
            _insert(session, DuplicateCandidate).values(list(part)).on_conflict_do_nothing()
        )


async def upsert_open_candidates(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """New pairs are added; pairs still open get the new score; decided pairs stay as they are."""
    if not rows:
        return
    statement = _insert(session, DuplicateCandidate)
    excluded = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=["workspace_id", "lead_a_id", "lead_b_id"],
        set_={
            "probability": excluded.probability,
            "match_weight": excluded.match_weight,
            "explanation": excluded.explanation,
            "scan_job_id": excluded.scan_job_id,
            "group_id": excluded.group_id,
            "updated_at": excluded.updated_at,
        },
        where=DuplicateCandidate.status == CandidateStatus.OPEN,
    )
    for part in _chunks(rows, PARAMETERS_PER_STATEMENT // 16):
        await session.execute(statement, list(part))


# --- leads for a merge ------------------------------------------------------------------------


async def leads_for_update(
    session: AsyncSession, workspace_id: uuid.UUID, lead_ids: Sequence[uuid.UUID]
) -> list[Lead]:
    """The leads (live, deleted or merged), with tags, locked until the transaction ends."""
    rows = await session.scalars(
        select(Lead)
        .where(workspace_check(Lead.workspace_id, workspace_id), Lead.id.in_(lead_ids))
        .options(selectinload(Lead.tag_rows))
        .order_by(Lead.id)
        .with_for_update(of=Lead)
    )
    return list(rows)


async def placements(
    session: AsyncSession, workspace_id: uuid.UUID, model: Any, lead_ids: Sequence[uuid.UUID]
) -> dict[str, str]:
    """{row id: lead id} of the activities or attachments (`model`) of `lead_ids`."""
    rows = await session.execute(
        select(model.id, model.lead_id).where(
            model.workspace_id == workspace_id, model.lead_id.in_(lead_ids)
        )
    )
    return {str(row_id): str(lead_id) for row_id, lead_id in rows}


async def move(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    model: Any,
    row_ids: Sequence[str],
    to_lead: uuid.UUID,
) -> None:
    """Activities or attachments (`model`) to another lead of the workspace."""
    ids = [uuid.UUID(row_id) for row_id in row_ids]
    for chunk in _chunks(ids):
        await session.execute(
            update(model)
            .where(model.workspace_id == workspace_id, model.id.in_(chunk))
            .values(lead_id=to_lead)
            .execution_options(synchronize_session=False)
        )


MOVABLE = {"activities": Activity, "attachments": Attachment}


async def replace_tags(
    session: AsyncSession, workspace_id: uuid.UUID, lead: Lead, tags: Sequence[str]
) -> None:
    lead.tag_rows = [LeadTag(tag=tag, workspace_id=workspace_id) for tag in sorted(set(tags))]
    await session.flush()


# --- merge logs and models --------------------------------------------------------------------


def merges_of(workspace_id: uuid.UUID) -> Select[MergeLog]:
    return select(MergeLog).where(MergeLog.workspace_id == workspace_id)


async def merge_log(
    session: AsyncSession, workspace_id: uuid.UUID, merge_id: uuid.UUID, *, lock: bool = False
) -> MergeLog | None:
    query = merges_of(workspace_id).where(MergeLog.id == merge_id)
    return await session.scalar(query.with_for_update() if lock else query)


async def later_merge_into(
    session: AsyncSession, workspace_id: uuid.UUID, log: MergeLog
) -> MergeLog | None:
    """A merge into the same survivor after `log`, not undone (ids are time-ordered UUIDv7)."""
    return await session.scalar(
        merges_of(workspace_id)
        .where(
            MergeLog.survivor_id == log.survivor_id,
            MergeLog.id > log.id,
            MergeLog.undone_at.is_(None),
        )
        .order_by(MergeLog.id)
        .limit(1)
    )


async def model_of(session: AsyncSession, workspace_id: uuid.UUID) -> DedupeModel | None:
    return await session.scalar(select(DedupeModel).where(DedupeModel.workspace_id == workspace_id))


async def running_scan(session: AsyncSession, workspace_id: uuid.UUID, kind: str) -> Job | None:
    return await session.scalar(
        select(Job)
        .where(
            Job.workspace_id == workspace_id,
            Job.kind == kind,
            Job.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]),
        )
        .limit(1)
    )
