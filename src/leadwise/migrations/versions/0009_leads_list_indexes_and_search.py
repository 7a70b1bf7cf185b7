"""leads: the list's sorts and stage/owner filters read in order from indexes, and a trigram
index for the search box (FTS5 on SQLite, pg_trgm on PostgreSQL: see leadwise/leads/search.py)

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

from leadwise.core.logging import get_logger

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = get_logger("leadwise.migrations")

# What the search box looks in (leadwise/leads/search.py: `searched_text`); the PostgreSQL
# index serves only queries on this very expression (tests/leads/test_search.py checks).
SQLITE_SEARCHED_TEXT = (
    "new.first_name || ' ' || new.last_name || ' ' || coalesce(new.email_normalized, '') "
    "|| ' ' || coalesce(new.company_name, '')"
)
POSTGRES_SEARCHED_TEXT = (
    "(first_name || ' ' || last_name || ' ' || coalesce(email_normalized, '') "
    "|| ' ' || coalesce(company_name, ''))"
)

NEW_INDEXES = {
    "ix_leads_workspace_id_stage_id_created_at_id": [
        "workspace_id",
        "stage_id",
        "created_at",
        "id",
    ],
    "ix_leads_workspace_id_owner_id_created_at_id": [
        "workspace_id",
        "owner_id",
        "created_at",
        "id",
    ],
    "ix_leads_workspace_id_first_name_id": ["workspace_id", "first_name", "id"],
    "ix_leads_workspace_id_last_name_id": ["workspace_id", "last_name", "id"],
    "ix_leads_workspace_id_updated_at_id": ["workspace_id", "updated_at", "id"],
}
REPLACED_INDEXES = {
    "ix_leads_workspace_id_stage_id": ["workspace_id", "stage_id"],
    "ix_leads_workspace_id_owner_id": ["workspace_id", "owner_id"],
}

SQLITE_UP = [
    # Integer rowids that VACUUM keeps, unlike the implicit ones of `leads`.
    """CREATE TABLE lead_search (
        rowid INTEGER PRIMARY KEY,
        lead_id CHAR(32) NOT NULL UNIQUE,
        body TEXT NOT NULL
    )""",
    """CREATE VIRTUAL TABLE lead_search_fts USING fts5(
        body, content='lead_search', content_rowid='rowid', tokenize='trigram'
    )""",
    """CREATE TRIGGER lead_search_fts_insert AFTER INSERT ON lead_search BEGIN
        INSERT INTO lead_search_fts(rowid, body) VALUES (new.rowid, new.body);
    END""",
    """CREATE TRIGGER lead_search_fts_delete AFTER DELETE ON lead_search BEGIN
        INSERT INTO lead_search_fts(lead_search_fts, rowid, body)
        VALUES ('delete', old.rowid, old.body);
    END""",
    """CREATE TRIGGER lead_search_fts_update AFTER UPDATE OF body ON lead_search BEGIN
        INSERT INTO lead_search_fts(lead_search_fts, rowid, body)
        VALUES ('delete', old.rowid, old.body);
        INSERT INTO lead_search_fts(rowid, body) VALUES (new.rowid, new.body);
    END""",
    f"""CREATE TRIGGER lead_search_lead_insert AFTER INSERT ON leads BEGIN
        INSERT INTO lead_search(lead_id, body) VALUES (new.id, {SQLITE_SEARCHED_TEXT});
    END""",  # noqa: S608 - constant SQL
    f"""CREATE TRIGGER lead_search_lead_update
        AFTER UPDATE OF first_name, last_name, email_normalized, company_name ON leads BEGIN
        UPDATE lead_search SET body = {SQLITE_SEARCHED_TEXT} WHERE lead_id = new.id;
    END""",  # noqa: S608 - constant SQL
    """CREATE TRIGGER lead_search_lead_delete AFTER DELETE ON leads BEGIN
        DELETE FROM lead_search WHERE lead_id = old.id;
    END""",
    "INSERT INTO lead_search(lead_id, body) SELECT id, "  # noqa: S608 - constant SQL
    + SQLITE_SEARCHED_TEXT.replace("new.", "")
    + " FROM leads",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS lead_search_lead_delete",
    "DROP TRIGGER IF EXISTS lead_search_lead_update",
    "DROP TRIGGER IF EXISTS lead_search_lead_insert",
    "DROP TABLE IF EXISTS lead_search_fts",
    "DROP TABLE IF EXISTS lead_search",
]


def upgrade() -> None:
    for name, columns in NEW_INDEXES.items():
        op.create_index(name, "leads", columns, unique=False)
    for name in REPLACED_INDEXES:
        op.drop_index(name, table_name="leads")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
        return
    # pg_trgm ships with PostgreSQL and is a trusted extension (a database owner may create it);
    # where it cannot be had, the search works without the index, only slower.
    savepoint = bind.begin_nested()
    try:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        savepoint.commit()
    except DBAPIError as error:
        savepoint.rollback()
        log.warning(
            "pg_trgm unavailable: the leads search works without its index", error=str(error)
        )
        return
    op.execute(
        "CREATE INDEX ix_leads_search_trigram ON leads "
        f"USING gin ({POSTGRES_SEARCHED_TEXT} gin_trgm_ops)"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    else:
        op.execute("DROP INDEX IF EXISTS ix_leads_search_trigram")
    for name, columns in REPLACED_INDEXES.items():
        op.create_index(name, "leads", columns, unique=False)
    for name in NEW_INDEXES:
        op.drop_index(name, table_name="leads")
