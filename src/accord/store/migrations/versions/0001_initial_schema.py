"""initial schema: documents, extraction tables, runs, failures

Revision ID: 0001
Revises: 
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('runs',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('pipeline_version', sa.String(length=200), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=False),
    sa.Column('read', sa.Integer(), nullable=False),
    sa.Column('new', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_table('documents',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_key', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=500), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.Column('published', sa.String(length=19), nullable=True),
    sa.Column('document_date', sa.String(length=19), nullable=True),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('dateline_place', sa.Text(), nullable=True),
    sa.Column('dateline_date', sa.String(length=10), nullable=True),
    sa.Column('anchor_date', sa.String(length=10), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('extraction', sa.JSON(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('reader', sa.String(length=20), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pipeline_version', sa.String(length=200), nullable=False),
    sa.Column('run_pk', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['run_pk'], ['runs.pk'], ),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('doc_key')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_anchor_date'), ['anchor_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_id'), ['id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_ingested_at'), ['ingested_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)

    op.create_table('failures',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_pk', sa.Integer(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('reader', sa.String(length=20), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_pk'], ['runs.pk'], ),
    sa.PrimaryKeyConstraint('pk')
    )
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_failures_run_pk'), ['run_pk'], unique=False)

    op.create_table('actors',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=10), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('kb_id', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actors_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_actors_country'), ['country'], unique=False)
        batch_op.create_index('ix_actors_doc', ['doc_pk', 'actor_id'], unique=True)

    op.create_table('events',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=20), nullable=False),
    sa.Column('cameo', sa.String(length=4), nullable=False),
    sa.Column('cameo_root', sa.String(length=2), nullable=False),
    sa.Column('goldstein', sa.Float(), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('plover', sa.String(length=30), nullable=True),
    sa.Column('plover_mode', sa.String(length=30), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=True),
    sa.Column('target', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=15), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('date_basis', sa.String(length=10), nullable=False),
    sa.Column('place', sa.String(length=20), nullable=True),
    sa.Column('sentence_start', sa.Integer(), nullable=False),
    sa.Column('sentence_end', sa.Integer(), nullable=False),
    sa.Column('trigger_start', sa.Integer(), nullable=False),
    sa.Column('trigger_end', sa.Integer(), nullable=False),
    sa.Column('trigger_text', sa.Text(), nullable=False),
    sa.Column('quote', sa.String(length=20), nullable=True),
    sa.Column('rule', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_cameo'), ['cameo'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_date'), ['date'], unique=False)
        batch_op.create_index('ix_events_doc', ['doc_pk', 'event_id'], unique=True)

    op.create_table('mentions',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.String(length=20), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index('ix_mentions_doc', ['doc_pk', 'actor_id'], unique=False)

    op.create_table('places',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.String(length=20), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('feature', sa.String(length=10), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geonames_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_country'), ['country'], unique=False)
        batch_op.create_index('ix_places_doc', ['doc_pk', 'place_id'], unique=True)

    op.create_table('quotes',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('quote_id', sa.String(length=20), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('speaker_actor', sa.String(length=20), nullable=True),
    sa.Column('speaker_start', sa.Integer(), nullable=True),
    sa.Column('speaker_end', sa.Integer(), nullable=True),
    sa.Column('speaker_text', sa.Text(), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('cue_text', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index('ix_quotes_doc', ['doc_pk', 'quote_id'], unique=True)

    op.create_table('sentences',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.create_index('ix_sentences_doc', ['doc_pk', 'idx'], unique=True)

    op.create_table('times',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('time_id', sa.String(length=20), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('range_start', sa.String(length=19), nullable=True),
    sa.Column('range_end', sa.String(length=19), nullable=True),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.create_index('ix_times_doc', ['doc_pk', 'time_id'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.drop_index('ix_times_doc')

    op.drop_table('times')
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.drop_index('ix_sentences_doc')

    op.drop_table('sentences')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index('ix_quotes_doc')

    op.drop_table('quotes')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index('ix_places_doc')
        batch_op.drop_index(batch_op.f('ix_places_country'))

    op.drop_table('places')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_mentions_doc')

    op.drop_table('mentions')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_doc')
        batch_op.drop_index(batch_op.f('ix_events_date'))
        batch_op.drop_index(batch_op.f('ix_events_cameo'))

    op.drop_table('events')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index('ix_actors_doc')
        batch_op.drop_index(batch_op.f('ix_actors_country'))
        batch_op.drop_index(batch_op.f('ix_actors_code'))

    op.drop_table('actors')
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_failures_run_pk'))

    op.drop_table('failures')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_ingested_at'))
        batch_op.drop_index(batch_op.f('ix_documents_id'))
        batch_op.drop_index(batch_op.f('ix_documents_anchor_date'))

    op.drop_table('documents')
    op.drop_table('runs')
