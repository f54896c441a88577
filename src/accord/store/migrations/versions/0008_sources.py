"""sources: the feeds and pages `accord watch` follows, and the items already taken from them

Revision ID: 0008_sources
Revises: 0007_language_confidence
Create Date: 2026-12-07

`sources` holds each source's state (conditional-GET validators, schedule, failures, counts); `seen_items`
one row per item taken, by URL, GUID and content key, so that no item is ever fetched or stored twice.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_sources'
down_revision = '0007_language_confidence'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sources',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('name', sa.Text(), nullable=True),
        sa.Column('categories', sa.JSON(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('pause_reason', sa.Text(), nullable=True),
        sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('etag', sa.Text(), nullable=True),
        sa.Column('last_modified', sa.Text(), nullable=True),
        sa.Column('last_fetch_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_http_status', sa.Integer(), nullable=True),
        sa.Column('next_check_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('interval_seconds', sa.Float(), nullable=True),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('items', sa.Integer(), nullable=False),
        sa.Column('last_new_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('pk'),
        sa.UniqueConstraint('url'),
    )
    op.create_index('ix_sources_next_check_at', 'sources', ['next_check_at'])
    op.create_table(
        'seen_items',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('source_pk', sa.Integer(), nullable=False),
        sa.Column('url', sa.Text(), nullable=True),
        sa.Column('guid', sa.Text(), nullable=True),
        sa.Column('content_key', sa.String(length=64), nullable=True),
        sa.Column('doc_key', sa.String(length=64), nullable=True),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('outcome', sa.String(length=10), nullable=False),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['source_pk'], ['sources.pk'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk'),
    )
    for column in ('source_pk', 'url', 'guid', 'content_key', 'seen_at'):
        op.create_index(f'ix_seen_items_{column}', 'seen_items', [column])


def downgrade() -> None:
    op.drop_table('seen_items')
    op.drop_index('ix_sources_next_check_at', table_name='sources')
    op.drop_table('sources')
