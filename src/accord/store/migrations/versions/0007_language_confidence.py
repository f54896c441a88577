"""language confidence: how sure the language detector is of each document's language

Revision ID: 0007_language_confidence
Revises: 0006_run_owner
Create Date: 2026-12-07

accord now detects a document's language from its text (accord.nlp.language) and extracts only from
the languages it supports; `language_confidence` is the detector's probability for `language`. Documents
stored before this revision were not judged, so theirs stays null (as for a text too short to judge).
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_language_confidence'
down_revision = '0006_run_owner'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language_confidence', sa.Float(), nullable=True))


def downgrade() -> None:
    # A plain ALTER TABLE ... DROP COLUMN, not batch mode, which would recreate the table and delete the
    # rows referencing it (ON DELETE CASCADE), as in 0005.
    op.drop_column('documents', 'language_confidence')
