"""dedupe: review candidates, merge logs, match keys, models

PLACEHOLDER written by the lead engineer so that the chain 0003 -> 0004 -> 0005 (imports) holds
while the dedupe tables are being built: the dedupe work replaces this file's body with the real
tables (keep revision "0004" and down_revision "0003").

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
