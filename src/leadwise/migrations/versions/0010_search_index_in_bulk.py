"""SQLite: the search triggers stand aside while a bulk writer (an import chunk) indexes its
new leads itself in two statements (leadwise/leads/search.py: `indexed_in_bulk`)

FTS5 written from a trigger flushes a segment for every row: 100,000 imported leads spent
17 s in the search triggers, against ~2.5 s indexed together. A writer marks its own
transaction by a row in `lead_search_paused`; no other connection ever sees that row, as it
is deleted before the same transaction commits.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in 0009 (what the search box looks in).
SQLITE_SEARCHED_TEXT = (
    "new.first_name || ' ' || new.last_name || ' ' || coalesce(new.email_normalized, '') "
    "|| ' ' || coalesce(new.company_name, '')"
)
NOT_PAUSED = "WHEN NOT EXISTS (SELECT 1 FROM lead_search_paused)"


def _triggers(when: str) -> list[str]:
    return [
        "DROP TRIGGER lead_search_lead_insert",
        "DROP TRIGGER lead_search_fts_insert",
        f"""CREATE TRIGGER lead_search_lead_insert AFTER INSERT ON leads {when} BEGIN
        INSERT INTO lead_search(lead_id, body) VALUES (new.id, {SQLITE_SEARCHED_TEXT});
    END""",  # noqa: S608 - constant SQL
        f"""CREATE TRIGGER lead_search_fts_insert AFTER INSERT ON lead_search {when} BEGIN
        INSERT INTO lead_search_fts(rowid, body) VALUES (new.rowid, new.body);
    END""",  # noqa: S608 - constant SQL
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's trigram index is an ordinary index: nothing to stand aside
    op.execute("CREATE TABLE lead_search_paused (id INTEGER PRIMARY KEY)")
    for statement in _triggers(NOT_PAUSED):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in _triggers(""):
        op.execute(statement)
    op.execute("DROP TABLE lead_search_paused")
