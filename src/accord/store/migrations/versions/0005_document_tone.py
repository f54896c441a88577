"""document tone: the GDELT-style tone figures as columns of documents, filled for stored documents

Revision ID: 0005_document_tone
Revises: 0004_date_precision
Create Date: 2026-12-07

Tone is a function of a document's text alone (accord.nlp.tone), so documents stored before this
revision get it computed from their stored text: the columns are filled and the stored contract object
gains its `tone`, as if the document had been ingested with it.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_document_tone'
down_revision = '0004_date_precision'
branch_labels = None
depends_on = None

FLOATS = ('tone', 'tone_positive', 'tone_negative', 'tone_polarity', 'tone_self_group')
PAGE = 500


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        for name in FLOATS:
            batch_op.add_column(sa.Column(name, sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('word_count', sa.Integer(), nullable=True))
    _fill_stored_documents()


def _fill_stored_documents() -> None:
    from dataclasses import asdict

    from accord.nlp.tone import document_tone
    from accord.store.rows import tone_columns

    documents = sa.table(
        'documents',
        sa.column('pk', sa.Integer()),
        sa.column('text', sa.Text()),
        sa.column('extraction', sa.JSON()),
        *(sa.column(name, sa.Float()) for name in FLOATS),
        sa.column('word_count', sa.Integer()),
    )
    conn = op.get_bind()
    last = 0
    while True:
        page = conn.execute(
            sa.select(documents.c.pk, documents.c.text, documents.c.extraction)
            .where(documents.c.pk > last)
            .order_by(documents.c.pk)
            .limit(PAGE)
        ).fetchall()
        if not page:
            return
        for pk, text, extraction in page:
            tone = asdict(document_tone(text or ''))
            contract = {k: v for k, v in (extraction or {}).items() if k != 'warnings'}
            contract['tone'] = tone
            if extraction and 'warnings' in extraction:
                contract['warnings'] = extraction['warnings']  # the contract's order: tone, then warnings
            conn.execute(
                sa.update(documents).where(documents.c.pk == pk).values(extraction=contract, **tone_columns(tone))
            )
        last = page[-1][0]


def downgrade() -> None:
    # A plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not batch mode: batch mode would recreate the
    # table, and dropping the old one deletes the events and links that reference it (ON DELETE CASCADE).
    op.drop_column('documents', 'word_count')
    for name in reversed(FLOATS):
        op.drop_column('documents', name)
