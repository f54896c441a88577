"""alerts: standing alerts and the notifications they raised, one per alert and merged event

Revision ID: 0009_alerts
Revises: 0008_sources
Create Date: 2026-12-07

`alerts` holds what a user asked to be told about (a dyad, QuadClasses, a CAMEO prefix, an actor,
Goldstein bounds, a number of articles) and where (a JSON Lines file, a webhook); `notifications` one row
per alert and merged event, UNIQUE on the pair, so an alert is never sent twice for one event, whichever
process links it. A store upgraded in place has no alerts yet.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_alerts'
down_revision = '0008_sources'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alerts',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('dyad_a', sa.String(length=200), nullable=True),
    sa.Column('dyad_b', sa.String(length=200), nullable=True),
    sa.Column('quads', sa.JSON(), nullable=False),
    sa.Column('code', sa.String(length=4), nullable=True),
    sa.Column('actor', sa.String(length=200), nullable=True),
    sa.Column('min_goldstein', sa.Float(), nullable=True),
    sa.Column('max_goldstein', sa.Float(), nullable=True),
    sa.Column('min_articles', sa.Integer(), nullable=False),
    sa.Column('statuses', sa.JSON(), nullable=False),
    sa.Column('webhook', sa.Text(), nullable=True),
    sa.Column('jsonl', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_table('notifications',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('alert_pk', sa.Integer(), nullable=False),
    sa.Column('group_pk', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('jsonl_path', sa.Text(), nullable=True),
    sa.Column('jsonl_status', sa.String(length=10), nullable=True),
    sa.Column('webhook_url', sa.Text(), nullable=True),
    sa.Column('webhook_status', sa.String(length=10), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['alert_pk'], ['alerts.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_pk'], ['event_groups.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('alert_pk', 'group_pk', name='uq_notifications_alert_event')
    )
    op.create_index('ix_notifications_created_at', 'notifications', ['created_at'], unique=False)
    op.create_index('ix_notifications_status', 'notifications', ['status'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_notifications_status', table_name='notifications')
    op.drop_index('ix_notifications_created_at', table_name='notifications')
    op.drop_table('notifications')
    op.drop_table('alerts')
