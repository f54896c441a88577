"""run owner: runs gain the process id and host name of the process running them

Revision ID: 0006_run_owner
Revises: 0005_document_tone
Create Date: 2026-12-07

A run whose process was killed stays `running`; with its owner recorded, the next run on the same host
sees that the process is gone and marks the run `interrupted` (accord.store.owner). Runs recorded
before this revision have no owner (NULL).
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_run_owner'
down_revision = '0005_document_tone'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pid', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('host', sa.String(length=255), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): batch mode would recreate runs, which documents
    # and failures reference
    op.drop_column('runs', 'host')
    op.drop_column('runs', 'pid')
