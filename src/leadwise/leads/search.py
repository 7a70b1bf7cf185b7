"""The leads list's search box: every word typed must appear, in any case, somewhere in the
lead's name, email or company ("ada love" finds Ada Lovelace; "acme" finds her colleagues).

A substring test over every lead cannot use an ordinary index, and a search that matches
nothing read every row of the workspace (140 ms at 100,000 leads on SQLite, 330 ms on
PostgreSQL). So words of three characters or more go through a trigram index:

- PostgreSQL: a pg_trgm GIN index on the searched text, which `ILIKE '%word%'` uses (the
  planner still prefers the list's own index when a word is common);
- SQLite: an FTS5 table with the trigram tokenizer over a `lead_search` table that triggers
  keep in step with `leads` (migration 0009); its INTEGER rowids survive VACUUM, the implicit
  rowids of `leads` would not.

Shorter words (the first keystrokes) match with LIKE, which finds enough rows quickly because
short words are common.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Select,
    and_,
    func,
    literal_column,
    select,
    text,
    true,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles

from leadwise.models import Lead

TRIGRAM = 3  # a word this long can use the trigram index
MAX_WORDS = 8


def searched_text() -> ColumnElement[str]:
    """The text a lead is found by. PostgreSQL's trigram index is on this very expression
    (migration 0009), so its separators are SQL constants, not bound parameters."""
    space: ColumnElement[str] = literal_column("' '")
    empty: ColumnElement[str] = literal_column("''")
    return (
        Lead.first_name
        + space
        + Lead.last_name
        + space
        + func.coalesce(Lead.email_normalized, empty)
        + space
        + func.coalesce(Lead.company_name, empty)
    )


def words_of(query: str) -> list[str]:
    """The distinct words of a search, lower-cased, at most MAX_WORDS of them."""
    return list(dict.fromkeys(query.lower().split()))[:MAX_WORDS]


class LeadSearch(ColumnElement[bool]):
    """A condition on `leads` that holds when every word appears in the searched text; compiled
    per database (see the module's docstring)."""

    # Not in SQLAlchemy's statement cache: the words would have to be part of the cache key,
    # and a search statement is cheap to compile next to the search itself.
    inherit_cache = False
    type = Boolean()

    def __init__(self, words: list[str]) -> None:
        self.words = words


def matching(query: str) -> ColumnElement[bool]:
    words = words_of(query)
    return LeadSearch(words) if words else true()


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _substring_tests(words: list[str]) -> list[ColumnElement[bool]]:
    text_ = searched_text()
    return [text_.ilike(_like_pattern(word), escape="\\") for word in words]


@compiles(LeadSearch)
def _compile_default(element: LeadSearch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(and_(*_substring_tests(element.words)), **kw))


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


@compiles(LeadSearch, "sqlite")
def _compile_sqlite(element: LeadSearch, compiler: Any, **kw: Any) -> str:
    long_words = [w for w in element.words if len(w) >= TRIGRAM]
    short_words = [w for w in element.words if len(w) < TRIGRAM]
    conditions: list[ColumnElement[bool]] = _substring_tests(short_words)
    if long_words:
        phrase = " AND ".join(_fts_phrase(w) for w in long_words)
        found: Select[Any] = (
            select(literal_column("lead_search_fts.rowid"))
            .select_from(text("lead_search_fts"))
            .where(literal_column("lead_search_fts").op("MATCH")(phrase))
        )
        ids: Select[Any] = (
            select(literal_column("lead_search.lead_id"))
            .select_from(text("lead_search"))
            .where(literal_column("lead_search.rowid").in_(found))
        )
        conditions.insert(0, Lead.id.in_(ids))
    return str(compiler.process(and_(*conditions), **kw))


# --- writing in bulk --------------------------------------------------------------------------

SQLITE_SEARCHED_COLUMNS = (
    "first_name || ' ' || last_name || ' ' || coalesce(email_normalized, '') "
    "|| ' ' || coalesce(company_name, '')"
)  # the triggers' text (migrations 0009, 0010)


@asynccontextmanager
async def indexed_in_bulk(session: AsyncSession) -> AsyncIterator[None]:
    """Leads inserted inside are indexed for the search box at the end, all together, instead
    of one by one by the triggers: on SQLite, FTS5 written from a trigger flushes a segment
    for every row (17 s of a 100,000-lead import, against ~2.5 s together; migration 0010).
    Within the caller's transaction: the mark that pauses the triggers is never committed.
    PostgreSQL's trigram index needs nothing of the kind."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    last_lead = await session.scalar(text("SELECT coalesce(max(rowid), 0) FROM leads"))
    last_entry = await session.scalar(text("SELECT coalesce(max(rowid), 0) FROM lead_search"))
    await session.execute(text("INSERT INTO lead_search_paused DEFAULT VALUES"))
    yield
    await session.execute(
        text(
            f"INSERT INTO lead_search(lead_id, body) SELECT id, {SQLITE_SEARCHED_COLUMNS} "  # noqa: S608 - constant SQL
            "FROM leads WHERE rowid > :after"
        ),
        {"after": last_lead},
    )
    await session.execute(
        text(
            "INSERT INTO lead_search_fts(rowid, body) "
            "SELECT rowid, body FROM lead_search WHERE rowid > :after"
        ),
        {"after": last_entry},
    )
    await session.execute(text("DELETE FROM lead_search_paused"))
