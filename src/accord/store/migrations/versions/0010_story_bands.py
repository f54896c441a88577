"""story bands: the LSH band keys of linked documents, so linking looks story candidates up in the store

Revision ID: 0010_story_bands
Revises: 0009_alerts
Create Date: 2026-12-07

Linking used to load the signatures of a week of documents into an in-memory LSH index on every pass,
so a long-running watcher's memory grew with the week's news. `story_bands` holds each linked
document's band keys under a (key, doc_pk) primary key; a store upgraded in place gets them computed
from the signatures it already has.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_story_bands'
down_revision = '0009_alerts'
branch_labels = None
depends_on = None

_CHUNK = 2000


def upgrade() -> None:
    op.create_table('story_bands',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'doc_pk')
    )
    _backfill()


def _backfill() -> None:
    from accord.analytics.duplicates import band_keys, from_bytes

    conn = op.get_bind()
    signatures = sa.table('signatures', sa.column('doc_pk', sa.Integer), sa.column('minhash', sa.LargeBinary))
    bands = sa.table('story_bands', sa.column('key', sa.BigInteger), sa.column('doc_pk', sa.Integer))
    last = 0
    while True:
        rows = conn.execute(
            sa.select(signatures.c.doc_pk, signatures.c.minhash)
            .where(signatures.c.doc_pk > last)
            .order_by(signatures.c.doc_pk)
            .limit(_CHUNK)
        ).all()
        if not rows:
            return
        values = [
            {'key': key, 'doc_pk': doc_pk}
            for doc_pk, blob in rows
            for key in set(band_keys(from_bytes(bytes(blob))))
        ]
        conn.execute(sa.insert(bands), values)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table('story_bands')
