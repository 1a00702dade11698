"""what a run rests on and what it keeps: status basis of hits, known-on date, coverage
warnings, monitoring, and every screened row's names

Revision ID: 0005_history
Revises: 0004_controlled_items
Create Date: 2026-12-04 20:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_history"
down_revision = "0004_controlled_items"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: on SQLite a batch copies and drops the table, and
    # dropping screening_runs would cascade to the hits of every stored run.
    op.add_column(
        "run_hits",
        sa.Column("status_basis", sa.String(length=20), nullable=False, server_default="published"),
    )
    op.add_column("run_hits", sa.Column("basis_event", sa.Text(), nullable=True))
    op.add_column("screening_runs", sa.Column("known_on", sa.Date(), nullable=True))
    op.add_column(
        "screening_runs", sa.Column("warnings", sa.Text(), nullable=False, server_default="[]")
    )
    op.add_column(
        "screening_runs",
        sa.Column("monitored", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "run_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.Text(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["screening_runs.id"],
            name=op.f("fk_run_names_run_id_screening_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_names")),
    )
    op.create_index("ix_run_names_run", "run_names", ["run_id"])


def downgrade() -> None:
    raise NotImplementedError("the kept names and run history are not removed again")
