"""leads: drop the plain (workspace_id, email_normalized) index; every email lookup goes through
lower(email_normalized) or the match keys, so it only cost each written lead one more B-tree
(~10% of the time of inserting leads in an import)

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_leads_workspace_id_email_normalized", table_name="leads")


def downgrade() -> None:
    op.create_index(
        "ix_leads_workspace_id_email_normalized",
        "leads",
        ["workspace_id", "email_normalized"],
        unique=False,
    )
