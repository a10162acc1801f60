"""reserve standards (定额标准), their needs and linked items

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-23 18:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('standards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('season', sa.Enum('any', 'summer', 'winter', name='standard_season', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('is_builtin', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standards')),
    sa.UniqueConstraint('name', name=op.f('uq_standards_name'))
    )
    op.create_table('standard_needs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('standard_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('basis', sa.Enum('per_person_day', 'per_persons', 'fixed', name='need_basis', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('quota', sa.BigInteger(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.CheckConstraint('quota > 0', name=op.f('ck_standard_needs_quota')),
    sa.ForeignKeyConstraint(['standard_id'], ['standards.id'], name=op.f('fk_standard_needs_standard_id_standards'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standard_needs')),
    sa.UniqueConstraint('standard_id', 'name', name='standard_need_name')
    )
    with op.batch_alter_table('standard_needs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standard_needs_standard_id'), ['standard_id'], unique=False)

    op.create_table('standard_need_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('factor', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('factor > 0', name=op.f('ck_standard_need_items_factor')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_standard_need_items_item_id_items')),
    sa.ForeignKeyConstraint(['need_id'], ['standard_needs.id'], name=op.f('fk_standard_need_items_need_id_standard_needs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standard_need_items')),
    sa.UniqueConstraint('need_id', 'item_id', name='need_item')
    )
    with op.batch_alter_table('standard_need_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standard_need_items_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_standard_need_items_need_id'), ['need_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('standard_need_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standard_need_items_need_id'))
        batch_op.drop_index(batch_op.f('ix_standard_need_items_item_id'))
    op.drop_table('standard_need_items')
    with op.batch_alter_table('standard_needs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standard_needs_standard_id'))
    op.drop_table('standard_needs')
    op.drop_table('standards')
