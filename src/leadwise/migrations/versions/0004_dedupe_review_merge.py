"""dedupe: match keys, review candidates, merge logs, learned models

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import leadwise.models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _datetime() -> leadwise.models.base.UTCDateTime:
    return leadwise.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "dedupe_models",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("parameters", JSON, nullable=False),
        sa.Column("trained_at", _datetime(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("candidate_pairs", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", _datetime(), nullable=False),
        sa.Column("updated_at", _datetime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_dedupe_models_job_id_jobs"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_dedupe_models_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dedupe_models")),
        sa.UniqueConstraint("workspace_id", name=op.f("uq_dedupe_models_workspace_id")),
    )
    op.create_table(
        "lead_match_keys",
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
            name=op.f("fk_lead_match_keys_lead_id_leads"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_lead_match_keys_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("lead_id", "key", name=op.f("pk_lead_match_keys")),
    )
    with op.batch_alter_table("lead_match_keys", schema=None) as batch_op:
        batch_op.create_index(
            "ix_lead_match_keys_workspace_id_key", ["workspace_id", "key"], unique=False
        )

    op.create_table(
        "merge_logs",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("survivor_id", sa.Uuid(), nullable=False),
        sa.Column("merged_ids", JSON, nullable=False),
        sa.Column("before", JSON, nullable=False),
        sa.Column("after", JSON, nullable=False),
        sa.Column("moved", JSON, nullable=False),
        sa.Column("fields", JSON, nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", _datetime(), nullable=False),
        sa.Column("undone_at", _datetime(), nullable=True),
        sa.Column("undone_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_merge_logs_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["survivor_id"],
            ["leads.id"],
            name=op.f("fk_merge_logs_survivor_id_leads"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["undone_by_id"],
            ["users.id"],
            name=op.f("fk_merge_logs_undone_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_merge_logs_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_logs")),
    )
    with op.batch_alter_table("merge_logs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_merge_logs_workspace_id_survivor_id", ["workspace_id", "survivor_id"], unique=False
        )

    op.create_table(
        "duplicate_candidates",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("lead_a_id", sa.Uuid(), nullable=False),
        sa.Column("lead_b_id", sa.Uuid(), nullable=False),
        sa.Column("probability", sa.Double(), nullable=False),
        sa.Column("match_weight", sa.Double(), nullable=False),
        sa.Column("explanation", JSON, nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "merged",
                "rejected",
                name="candidate_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "source",
            sa.Enum(
                "scan",
                "capture",
                "import",
                "api",
                name="candidate_source",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("scan_job_id", sa.Uuid(), nullable=True),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", _datetime(), nullable=True),
        sa.Column("merge_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", _datetime(), nullable=False),
        sa.Column("updated_at", _datetime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_duplicate_candidates_decided_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_a_id"],
            ["leads.id"],
            name=op.f("fk_duplicate_candidates_lead_a_id_leads"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_b_id"],
            ["leads.id"],
            name=op.f("fk_duplicate_candidates_lead_b_id_leads"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["merge_id"],
            ["merge_logs.id"],
            name=op.f("fk_duplicate_candidates_merge_id_merge_logs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["scan_job_id"],
            ["jobs.id"],
            name=op.f("fk_duplicate_candidates_scan_job_id_jobs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_duplicate_candidates_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_candidates")),
        sa.UniqueConstraint(
            "workspace_id",
            "lead_a_id",
            "lead_b_id",
            name=op.f("uq_duplicate_candidates_workspace_id_lead_a_id_lead_b_id"),
        ),
    )
    with op.batch_alter_table("duplicate_candidates", schema=None) as batch_op:
        batch_op.create_index(
            "ix_duplicate_candidates_workspace_id_lead_b_id",
            ["workspace_id", "lead_b_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_duplicate_candidates_workspace_id_status_probability",
            ["workspace_id", "status", "probability"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("duplicate_candidates", schema=None) as batch_op:
        batch_op.drop_index("ix_duplicate_candidates_workspace_id_status_probability")
        batch_op.drop_index("ix_duplicate_candidates_workspace_id_lead_b_id")

    op.drop_table("duplicate_candidates")
    with op.batch_alter_table("merge_logs", schema=None) as batch_op:
        batch_op.drop_index("ix_merge_logs_workspace_id_survivor_id")

    op.drop_table("merge_logs")
    with op.batch_alter_table("lead_match_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_lead_match_keys_workspace_id_key")

    op.drop_table("lead_match_keys")
    op.drop_table("dedupe_models")
