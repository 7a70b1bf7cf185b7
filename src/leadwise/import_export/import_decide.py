"""What an import does with each row: create, update, skip, flag for review, or fail.

`Importer.decide` reads a chunk of rows against the workspace (one query per chunk for the
matches, one for probable duplicates) and returns the outcome of every row; `import_job`
writes those outcomes, the preview only shows them. The two share this code, so a preview
shows exactly what the run will do with the same rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.core.ids import uuid7
from leadwise.dedupe import keys as dedupe_keys
from leadwise.dedupe import service as dedupe
from leadwise.import_export import import_repository as repository
from leadwise.import_export.import_rows import (
    CellProblem,
    MappedRow,
    RowMapper,
    fold,
)
from leadwise.import_export.import_schemas import (
    Decision,
    DuplicatePolicy,
    ImportMode,
    ImportOptions,
)
from leadwise.import_export.readers import Row, RowError
from leadwise.models import Lifecycle

# Every new lead gets every column, so that one bulk insert covers a whole chunk.
NEW_LEAD_DEFAULTS: dict[str, Any] = {
    "first_name": "", "last_name": "", "email": None, "email_normalized": None,
    "phone_raw": None, "phone_e164": None, "job_title": None, "company_id": None,
    "company_name": None, "website": None, "external_id": None, "country": None, "city": None,
    "utm_source": None, "utm_medium": None, "utm_campaign": None, "utm_term": None,
    "utm_content": None, "lifecycle": Lifecycle.LEAD.value, "value": None,
    "do_not_contact": False, "consents": {}, "enrichment": {},
}  # fmt: skip
# A match field → the lead column its value lives in.
MATCH_COLUMN = {"email": "email_normalized", "phone": "phone_e164"}
INDEXED = {"email", "external_id", "phone"}
# Columns that change together: an email and its normalised twin, a phone and its E.164.
PAIRED = {"email_normalized": "email", "phone_e164": "phone_raw"}
Key = tuple[str, ...]


def key_of(fields: dict[str, Any], match_on: Sequence[str]) -> Key | None:
    """The row's (or lead's) identity for matching; None when a part is missing."""
    parts = []
    for name in match_on:
        value = fields.get(MATCH_COLUMN.get(name, name))
        if value in (None, ""):
            return None
        text = str(value)
        parts.append(text.lower() if name == "email" else text if name in INDEXED else fold(text))
    return tuple(parts)


@dataclass
class Outcome:
    number: int
    decision: Decision
    row: MappedRow | None = None  # None: the reader could not read the row
    lead_id: uuid.UUID | None = None  # updated, skipped for, or flagged against
    probability: float | None = None
    explanation: dict[str, Any] = field(default_factory=dict)
    changes: dict[str, Any] = field(default_factory=dict)  # update: column → new value
    before: dict[str, Any] = field(default_factory=dict)  # update: column → old value
    new_tags: list[str] = field(default_factory=list)
    reason: str | None = None  # why skipped
    # The earlier row of this chunk whose new lead this row updates or is flagged against.
    earlier_row: int | None = None
    own_lead: bool = False  # the lead it updates was created by this same import
    match_keys: list[str] | None = None  # the dedupe keys of a new lead, computed once
    new_lead_id: uuid.UUID | None = None  # create, review: the lead the row becomes

    @property
    def problems(self) -> list[CellProblem]:
        return self.row.problems if self.row else []


PreparedRow = tuple[MappedRow, list[str] | None]  # the row, and its keys as a new lead


@dataclass
class Unwritten:
    """The leads a decided chunk creates or changes, as they are once it is written. A run
    decides the next chunk while this one is still being written in another transaction, so
    the database cannot answer for them yet: the decisions read them here instead and come
    out as if the run had waited for the commit."""

    by_key: dict[Key, dict[str, Any]] = field(default_factory=dict)  # the import's match key
    by_id: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    # The dedupe keys of those leads, for the probable-duplicate check; None: not needed.
    match_keys: dict[uuid.UUID, list[str]] | None = None

    def leads_with_keys(self) -> dict[uuid.UUID, tuple[dict[str, Any], list[str]]]:
        keyed = self.match_keys or {}
        return {lead_id: (self.by_id[lead_id], own) for lead_id, own in keyed.items()}

    def current(self, key: Key, stored: dict[str, Any] | None) -> dict[str, Any] | None:
        """The lead a key finds: `stored` (from the database) as this chunk leaves it, or the
        lead this chunk creates under the key."""
        if stored is None:
            return self.by_key.get(key)
        lead: dict[str, Any] = self.by_id.get(stored["id"], stored)
        return lead


@dataclass
class RowPreparer:
    """What an import does with a row before it looks at the database: map and check it, and
    find the match keys it would be stored under as a new lead. Pure and small enough to send
    to another process, which then prepares the next chunk while this one is written."""

    mapper: RowMapper
    required_custom: list[str] = field(default_factory=list)

    def prepare(self, chunk: Sequence[tuple[int, Row | RowError]]) -> list[PreparedRow]:
        rows = [self._mapped(number, item) for number, item in chunk]
        usable = [row for row in rows if not row.failed]
        found = iter(dedupe_keys.keys_of([row.fields for row in usable]))
        return [(row, None if row.failed else next(found)) for row in rows]

    def _mapped(self, number: int, item: Row | RowError) -> MappedRow:
        if isinstance(item, RowError):
            return MappedRow(number, problems=[CellProblem(item.column, None, item.reason, True)])
        row = self.mapper.map(item, number)
        for key in self.required_custom:
            if row.custom_fields.get(key) in (None, ""):
                row.problems.append(
                    CellProblem(None, None, f"custom field {key!r} is required", True)
                )
        return row


@dataclass
class Importer:
    workspace_id: uuid.UUID
    mapper: RowMapper
    options: ImportOptions
    required_custom: list[str] = field(default_factory=list)
    run_id: uuid.UUID | None = None  # None: a preview
    # Keys of leads this run has created, when the database cannot answer for them: in a dry
    # run (nothing is written) and for keys without an index (kept in memory for the run).
    run_keys: dict[Key, uuid.UUID] = field(default_factory=dict)
    unindexed: dict[Key, uuid.UUID] | None = None
    # The last chunk decided, until the next one is: what it will have written.
    unwritten: Unwritten | None = None

    @property
    def match_on(self) -> list[str]:
        return self.options.match_on or ["email"]

    async def load_unindexed_keys(self, session: AsyncSession) -> None:
        """Keys made of fields without an index (name + company) are looked up in memory:
        read once per run, in batches, as small tuples."""
        if len(self.match_on) == 1 and self.match_on[0] in INDEXED:
            return
        columns = [MATCH_COLUMN.get(name, name) for name in self.match_on]
        self.unindexed = {}
        after = None
        while batch := await repository.key_columns(session, self.workspace_id, columns, after):
            for lead_id, *values in batch:
                key = key_of(dict(zip(columns, values, strict=True)), self.match_on)
                if key is not None:
                    self.unindexed.setdefault(key, lead_id)
            after = batch[-1][0]

    async def decide(
        self, session: AsyncSession, chunk: Sequence[tuple[int, Row | RowError]]
    ) -> list[Outcome]:
        return await self.decide_prepared(session, self.preparer.prepare(chunk))

    @property
    def preparer(self) -> RowPreparer:
        return RowPreparer(self.mapper, self.required_custom)

    async def decide_prepared(
        self, session: AsyncSession, prepared: Sequence[PreparedRow]
    ) -> list[Outcome]:
        """The outcomes of rows that `RowPreparer.prepare` read (here or in another process)."""
        outcomes: list[Outcome] = []
        mapped: list[tuple[Outcome, Key | None]] = []
        for row, match_keys in prepared:
            outcome = Outcome(row.number, Decision.FAIL, row, match_keys=match_keys)
            outcomes.append(outcome)
            if not row.failed:
                mapped.append((outcome, key_of(row.fields, self.match_on)))
        existing = await self._existing(session, [key for _, key in mapped if key is not None])
        created_in_chunk: dict[Key, Outcome] = {}
        for outcome, key in mapped:
            self._decide_one(outcome, key, existing, created_in_chunk)
        await self._flag_probable(session, [o for o, _ in mapped if o.decision is Decision.CREATE])
        await self._explain_reviews(
            session, [o for o, _ in mapped if o.decision is Decision.REVIEW]
        )
        self.unwritten = self._unwritten(mapped, existing)
        return outcomes

    def _unwritten(
        self, mapped: list[tuple[Outcome, Key | None]], existing: dict[Key, dict[str, Any]]
    ) -> Unwritten:
        """What the chunk will have written, for the next chunk's decisions: its new leads
        (each given its id here) and the existing leads it updates, with their new values
        (`_update` left them in `existing`)."""
        unwritten = Unwritten()
        created: list[Outcome] = []
        changed: list[dict[str, Any]] = []
        for outcome, key in mapped:
            if outcome.decision in (Decision.CREATE, Decision.REVIEW):
                assert outcome.row is not None
                outcome.new_lead_id = lead_id = uuid7()
                created.append(outcome)
                lead = NEW_LEAD_DEFAULTS | outcome.row.fields
                lead |= {
                    "id": lead_id,
                    "import_id": self.run_id,
                    "custom_fields": dict(outcome.row.custom_fields),
                }
                unwritten.by_id[lead_id] = lead
                if key is not None:
                    unwritten.by_key.setdefault(key, lead)
            elif outcome.decision is Decision.UPDATE and key is not None and key in existing:
                lead = existing[key]  # with the chunk's changes
                if "email" in lead and lead["id"] not in unwritten.by_id:  # not a dry run's
                    unwritten.by_id[lead["id"]] = unwritten.by_key[key] = lead
                    changed.append(lead)
        if self.options.check_probable or self.options.duplicate_policy is DuplicatePolicy.REVIEW:
            leads = [unwritten.by_id[o.new_lead_id] for o in created if o.new_lead_id] + changed
            found = match_keys_of(created) + dedupe_keys.keys_of(changed)
            unwritten.match_keys = {lead["id"]: own for lead, own in zip(leads, found, strict=True)}
        return unwritten

    async def _existing(self, session: AsyncSession, keys: list[Key]) -> dict[Key, dict[str, Any]]:
        """The oldest live lead for each key (the one a user would call the original)."""
        ids: list[uuid.UUID] = []
        if self.unindexed is not None:
            ids = [self.unindexed[key] for key in keys if key in self.unindexed]
            leads = await repository.leads_by_ids(session, self.workspace_id, ids)
        else:
            values = sorted({key[0] for key in keys})
            leads = await repository.leads_by_indexed_key(
                session, self.workspace_id, self.match_on[0], values
            )
        run_ids = [self.run_keys[key] for key in keys if key in self.run_keys]
        if run_ids:
            leads += await repository.leads_by_ids(session, self.workspace_id, run_ids)
        found: dict[Key, dict[str, Any]] = {}
        for lead in sorted(leads, key=lambda lead: (lead["created_at"], lead["id"])):
            key = key_of(lead, self.match_on)
            if key is not None:
                found.setdefault(key, lead)
        for key in keys:  # a dry run: created "earlier" in this run, not in the database
            if key not in found and key in self.run_keys:
                found[key] = {"id": self.run_keys[key], "import_id": "this run"}
        if self.unwritten is not None:  # the previous chunk, perhaps not committed yet
            for key in keys:
                current = self.unwritten.current(key, found.get(key))
                if current is not None:
                    found[key] = current
        return found

    def _decide_one(
        self,
        outcome: Outcome,
        key: Key | None,
        existing: dict[Key, dict[str, Any]],
        created_in_chunk: dict[Key, Outcome],
    ) -> None:
        options = self.options
        assert outcome.row is not None
        target = existing.get(key) if key else None
        earlier = created_in_chunk.get(key) if key else None
        if target is None and earlier is None:
            if options.mode is ImportMode.UPDATE:
                outcome.decision = Decision.SKIP
                outcome.reason = (
                    "no lead matches"
                    if key
                    else f"no value to match on ({', '.join(self.match_on)})"
                )
                return
            outcome.decision = Decision.CREATE
            if key is not None:
                created_in_chunk[key] = outcome
            return
        policy = options.duplicate_policy
        if policy is DuplicatePolicy.SKIP:
            outcome.decision = Decision.SKIP
            outcome.lead_id = target["id"] if target else None
            outcome.reason = "a lead with the same " + " and ".join(self.match_on) + " exists"
            return
        if policy is DuplicatePolicy.REVIEW:
            outcome.decision = Decision.REVIEW
            outcome.probability = 1.0
            outcome.explanation = {
                name: {"level": "exact (the import's match key)", "weight": 0.0}
                for name in self.match_on
            }
            if target is not None:
                outcome.lead_id = target["id"]
            else:
                assert earlier is not None
                outcome.earlier_row = earlier.number
            return
        if earlier is not None and target is None:
            # The same person twice in one chunk: the second row updates the first's new lead.
            self._merge_into_pending(outcome, earlier)
            return
        assert target is not None
        self._update(outcome, target, overwrite=policy is DuplicatePolicy.OVERWRITE)

    def _update(self, outcome: Outcome, lead: dict[str, Any], *, overwrite: bool) -> None:
        row = outcome.row
        assert row is not None
        outcome.lead_id = lead["id"]
        outcome.own_lead = (
            lead.get("import_id") is not None and lead.get("import_id") == self.run_id
        )
        if "email" not in lead:  # created earlier in a dry run: nothing to compare with
            outcome.decision = Decision.UPDATE
            outcome.changes = dict(row.fields)
            return
        changes: dict[str, Any] = {}
        for column, value in row.fields.items():
            if column in ("email", "phone_raw"):
                continue  # they follow their normalised twin
            current = lead.get(column)
            if current == value or (not overwrite and current not in (None, "")):
                continue
            changes[column] = value
            if column in PAIRED:
                changes[PAIRED[column]] = row.fields[PAIRED[column]]
        current_custom = dict(lead.get("custom_fields") or {})
        custom = {
            key: value
            for key, value in row.custom_fields.items()
            if current_custom.get(key) != value
            and (overwrite or current_custom.get(key) in (None, ""))
        }
        if custom:
            changes["custom_fields"] = current_custom | custom
        outcome.changes = changes
        outcome.before = {column: lead.get(column) for column in changes}
        if "email_normalized" in changes:  # the company follows the email's domain
            outcome.before["company_id"] = lead.get("company_id")
        outcome.new_tags = list(dict.fromkeys([*row.tags, *self.options.tags]))
        outcome.decision = Decision.UPDATE
        if not changes and not row.note:
            outcome.reason = "no new values"  # tags are checked when written
        # A later row of the chunk for the same lead sees these values, as a row of a later
        # chunk does: `fill_empty` fills a field once, and each change's before-state is the
        # value the previous change left (revert undoes them newest first).
        lead.update(changes)

    def _merge_into_pending(self, outcome: Outcome, earlier: Outcome) -> None:
        """Two rows of one chunk for one new lead: the later row's values join the earlier's
        (all of them with `overwrite`, the missing ones otherwise); the row counts as updated."""
        assert outcome.row is not None
        assert earlier.row is not None
        overwrite = self.options.duplicate_policy is DuplicatePolicy.OVERWRITE
        for column, value in outcome.row.fields.items():
            if overwrite or earlier.row.fields.get(column) in (None, ""):
                earlier.row.fields[column] = value
        for key, value in outcome.row.custom_fields.items():
            if overwrite or key not in earlier.row.custom_fields:
                earlier.row.custom_fields[key] = value
        earlier.row.tags.extend(t for t in outcome.row.tags if t not in earlier.row.tags)
        if outcome.row.note:
            earlier.row.note = "\n\n".join(filter(None, [earlier.row.note, outcome.row.note]))
        earlier.match_keys = None  # its fields changed: computed again when it is stored
        outcome.decision = Decision.UPDATE
        outcome.earlier_row = earlier.number
        outcome.reason = f"joined with row {earlier.number}, a new lead of this import"

    def _uncommitted(self) -> dict[uuid.UUID, tuple[dict[str, Any], list[str]]]:
        return self.unwritten.leads_with_keys() if self.unwritten is not None else {}

    async def _explain_reviews(self, session: AsyncSession, reviewing: list[Outcome]) -> None:
        """Rows flagged because their key matched: the engine's probability and reasons for
        the pair, as the review queue shows for every other pair."""
        targeted = [o for o in reviewing if o.lead_id is not None and o.row is not None]
        if not targeted:
            return
        records = [o.row.fields for o in targeted if o.row is not None]
        found = await dedupe.find_probable(
            session, self.workspace_id, records, threshold=0.0, uncommitted=self._uncommitted()
        )
        for outcome, duplicates in zip(targeted, found, strict=True):
            same = next((d for d in duplicates if d.lead_id == outcome.lead_id), None)
            if same is not None:
                outcome.probability = same.probability
                outcome.explanation = same.explanation

    async def _flag_probable(self, session: AsyncSession, creating: list[Outcome]) -> None:
        """Rows about to become new leads that look like existing ones (a typo in the email,
        a new address of a known person) are still created, and flagged for review."""
        if not self.options.check_probable or not creating:
            return
        records = [outcome.row.fields for outcome in creating if outcome.row is not None]
        computed = match_keys_of(creating)
        found = await dedupe.find_probable(
            session,
            self.workspace_id,
            records,
            known_keys=computed,
            uncommitted=self._uncommitted(),
        )
        for outcome, duplicates in zip(creating, found, strict=True):
            if duplicates:
                best = duplicates[0]
                outcome.decision = Decision.REVIEW
                outcome.lead_id = best.lead_id
                outcome.probability = best.probability
                outcome.explanation = best.explanation


def match_keys_of(outcomes: Sequence[Outcome]) -> list[list[str]]:
    """The match keys of new leads: those prepared with the row, the others (a row joined by a
    later one of its chunk) computed now, in one pass. Kept on the outcomes."""
    missing = [o for o in outcomes if o.match_keys is None and o.row is not None]
    for outcome, own in zip(
        missing, dedupe_keys.keys_of([o.row.fields for o in missing if o.row]), strict=True
    ):
        outcome.match_keys = own
    return [o.match_keys or [] for o in outcomes]
