"""stories and merged events: signatures, stories, story_documents, event_groups, event_members

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 02:14:13.280216
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('signatures',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_pk')
    )
    op.create_table('stories',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('first_doc_pk', sa.Integer(), nullable=True),
    sa.Column('first_date', sa.String(length=10), nullable=True),
    sa.Column('last_date', sa.String(length=10), nullable=True),
    sa.Column('num_documents', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['first_doc_pk'], ['documents.pk'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('pk')
    )
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stories_first_date'), ['first_date'], unique=False)

    op.create_table('event_groups',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_key', sa.String(length=200), nullable=False),
    sa.Column('target_key', sa.String(length=200), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('target_name', sa.Text(), nullable=True),
    sa.Column('source_country', sa.String(length=3), nullable=True),
    sa.Column('target_country', sa.String(length=3), nullable=True),
    sa.Column('cameo', sa.String(length=4), nullable=False),
    sa.Column('cameo_root', sa.String(length=2), nullable=False),
    sa.Column('goldstein', sa.Float(), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('plover', sa.String(length=30), nullable=True),
    sa.Column('plover_mode', sa.String(length=30), nullable=True),
    sa.Column('status', sa.String(length=15), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('date_basis', sa.String(length=10), nullable=False),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('place_country', sa.String(length=3), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('num_mentions', sa.Integer(), nullable=False),
    sa.Column('num_sources', sa.Integer(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.Column('first_doc_pk', sa.Integer(), nullable=True),
    sa.Column('first_event_id', sa.String(length=20), nullable=True),
    sa.Column('story_pk', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['first_doc_pk'], ['documents.pk'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_pk'], ['stories.pk'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('pk')
    )
    with op.batch_alter_table('event_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_groups_cameo'), ['cameo'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_groups_date'), ['date'], unique=False)
        batch_op.create_index('ix_event_groups_dyad', ['source_key', 'target_key', 'cameo_root', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_groups_quad_class'), ['quad_class'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_groups_source_country'), ['source_country'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_groups_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_groups_target_country'), ['target_country'], unique=False)

    op.create_table('story_documents',
    sa.Column('story_pk', sa.Integer(), nullable=False),
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.Column('relation', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['story_pk'], ['stories.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_pk')
    )
    with op.batch_alter_table('story_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_documents_story_pk'), ['story_pk'], unique=False)

    op.create_table('event_members',
    sa.Column('group_pk', sa.Integer(), nullable=False),
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_pk'], ['event_groups.pk'], ondelete='CASCADE')
    )
    with op.batch_alter_table('event_members', schema=None) as batch_op:
        batch_op.create_index('ix_event_members_doc', ['doc_pk', 'event_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_event_members_group_pk'), ['group_pk'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('event_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_members_group_pk'))
        batch_op.drop_index('ix_event_members_doc')

    op.drop_table('event_members')
    with op.batch_alter_table('story_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_documents_story_pk'))

    op.drop_table('story_documents')
    with op.batch_alter_table('event_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_groups_target_country'))
        batch_op.drop_index(batch_op.f('ix_event_groups_status'))
        batch_op.drop_index(batch_op.f('ix_event_groups_source_country'))
        batch_op.drop_index(batch_op.f('ix_event_groups_quad_class'))
        batch_op.drop_index('ix_event_groups_dyad')
        batch_op.drop_index(batch_op.f('ix_event_groups_date'))
        batch_op.drop_index(batch_op.f('ix_event_groups_cameo'))

    op.drop_table('event_groups')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stories_first_date'))

    op.drop_table('stories')
    op.drop_table('signatures')
