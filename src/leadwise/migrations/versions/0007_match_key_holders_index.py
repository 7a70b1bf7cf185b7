"""lead_match_keys: the key index carries lead_id, so the newest holders of a key are read
from the index alone and a lookup stops after the first few instead of ranking every holder

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_lead_match_keys_workspace_id_key_lead_id",
        "lead_match_keys",
        ["workspace_id", "key", "lead_id"],
        unique=False,
    )
    op.drop_index("ix_lead_match_keys_workspace_id_key", table_name="lead_match_keys")


def downgrade() -> None:
    op.create_index(
        "ix_lead_match_keys_workspace_id_key",
        "lead_match_keys",
        ["workspace_id", "key"],
        unique=False,
    )
    op.drop_index("ix_lead_match_keys_workspace_id_key_lead_id", table_name="lead_match_keys")
