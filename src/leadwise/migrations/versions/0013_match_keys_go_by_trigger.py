"""lead_match_keys: no foreign key to leads; a trigger on leads deletes the keys of deleted
leads instead (what ON DELETE CASCADE did)

The keys are derived rows, written only beside their lead (or after reading it), and a key
whose lead is gone is never a match (its holders are read back from leads). Checking the
foreign key cost PostgreSQL a lookup and a row lock per inserted key (~6.5 per lead): as much
again as storing the key. The trigger costs nothing on insert.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = "fk_lead_match_keys_lead_id_leads"
TRIGGER = "leads_drop_match_keys"

POSTGRES = [
    """CREATE FUNCTION leads_drop_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM lead_match_keys WHERE lead_id IN (SELECT id FROM deleted_leads);
        RETURN NULL;
    END $$""",
    # One statement per deleting statement, over all the leads it deleted.
    """CREATE TRIGGER leads_drop_match_keys AFTER DELETE ON leads
        REFERENCING OLD TABLE AS deleted_leads
        FOR EACH STATEMENT EXECUTE FUNCTION leads_drop_match_keys()""",
]
SQLITE = [
    """CREATE TRIGGER leads_drop_match_keys AFTER DELETE ON leads BEGIN
        DELETE FROM lead_match_keys WHERE lead_id = old.id;
    END""",
]


def upgrade() -> None:
    with op.batch_alter_table("lead_match_keys") as batch:
        batch.drop_constraint(FOREIGN_KEY, type_="foreignkey")
    for statement in POSTGRES if _postgres() else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    op.execute(f"DROP TRIGGER {TRIGGER}" + (" ON leads" if _postgres() else ""))
    if _postgres():
        op.execute(f"DROP FUNCTION {TRIGGER}()")
    # A key written while its lead was being deleted by another transaction may outlive it.
    op.execute("DELETE FROM lead_match_keys WHERE lead_id NOT IN (SELECT id FROM leads)")
    with op.batch_alter_table("lead_match_keys") as batch:
        batch.create_foreign_key(FOREIGN_KEY, "leads", ["lead_id"], ["id"], ondelete="CASCADE")


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"
