"""agreements: enterprises, agreement reserves, lines, checks, call-ups, replenishments

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('enterprises',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('contact', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('reserve_kind', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprises')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_enterprises_credit_code'))
    )
    op.create_table('agreements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('agreement_type', sa.Enum('physical', 'capacity', name='agreement_type', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('storage_place', sa.String(length=300), nullable=False),
    sa.Column('response_hours', sa.Integer(), nullable=True),
    sa.Column('annual_fee', sa.BigInteger(), nullable=False),
    sa.Column('fee_rules', sa.Text(), nullable=False),
    sa.Column('rotation_duty', sa.Text(), nullable=False),
    sa.Column('contract_path', sa.String(length=500), nullable=False),
    sa.Column('state', sa.Enum('draft', 'active', 'expired', 'terminated', name='agreement_state', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('terminated_on', sa.Date(), nullable=True),
    sa.Column('termination_reason', sa.String(length=500), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('annual_fee >= 0', name=op.f('ck_agreements_fee')),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_agreements_term')),
    sa.CheckConstraint('response_hours IS NULL OR response_hours > 0', name=op.f('ck_agreements_response')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprises.id'], name=op.f('fk_agreements_enterprise_id_enterprises')),
    sa.ForeignKeyConstraint(['previous_id'], ['agreements.id'], name=op.f('fk_agreements_previous_id_agreements')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements')),
    sa.UniqueConstraint('number', name=op.f('uq_agreements_number')),
    sa.UniqueConstraint('previous_id', name=op.f('uq_agreements_previous_id'))
    )
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_end_date'), ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreements_enterprise_id'), ['enterprise_id'], unique=False)

    op.create_table('agreement_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('check_date', sa.Date(), nullable=False),
    sa.Column('checked_by', sa.String(length=100), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_checks_agreement_id_agreements')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_agreement_checks_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_checks'))
    )
    with op.batch_alter_table('agreement_checks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_checks_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('agreement_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('guaranteed_quantity', sa.BigInteger(), nullable=False),
    sa.Column('minimum_quantity', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('guaranteed_quantity > 0', name=op.f('ck_agreement_lines_guaranteed')),
    sa.CheckConstraint('minimum_quantity >= 0 AND minimum_quantity <= guaranteed_quantity', name=op.f('ck_agreement_lines_minimum')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_lines_agreement_id_agreements')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_agreement_lines_item_id_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_lines')),
    sa.UniqueConstraint('agreement_id', 'item_id', name='agreement_item')
    )
    with op.batch_alter_table('agreement_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_lines_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_lines_item_id'), ['item_id'], unique=False)

    op.create_table('agreement_call_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('dispatch_order_number', sa.String(length=60), nullable=False),
    sa.Column('called_at', sa.DateTime(), nullable=False),
    sa.Column('response_deadline', sa.DateTime(), nullable=True),
    sa.Column('remarks', sa.String(length=500), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_agreement_call_ups_quantity')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_agreement_call_ups_created_by_id_users')),
    sa.ForeignKeyConstraint(['line_id'], ['agreement_lines.id'], name=op.f('fk_agreement_call_ups_line_id_agreement_lines')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_call_ups'))
    )
    with op.batch_alter_table('agreement_call_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_call_ups_dispatch_order_number'), ['dispatch_order_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_call_ups_line_id'), ['line_id'], unique=False)

    op.create_table('agreement_check_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('found_quantity', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('found_quantity >= 0', name=op.f('ck_agreement_check_lines_found')),
    sa.ForeignKeyConstraint(['check_id'], ['agreement_checks.id'], name=op.f('fk_agreement_check_lines_check_id_agreement_checks')),
    sa.ForeignKeyConstraint(['line_id'], ['agreement_lines.id'], name=op.f('fk_agreement_check_lines_line_id_agreement_lines')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_check_lines')),
    sa.UniqueConstraint('check_id', 'line_id', name='check_line')
    )
    with op.batch_alter_table('agreement_check_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_check_lines_check_id'), ['check_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_check_lines_line_id'), ['line_id'], unique=False)

    op.create_table('agreement_replenishments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_up_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('replenished_at', sa.DateTime(), nullable=False),
    sa.Column('remarks', sa.String(length=500), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_agreement_replenishments_quantity')),
    sa.ForeignKeyConstraint(['call_up_id'], ['agreement_call_ups.id'], name=op.f('fk_agreement_replenishments_call_up_id_agreement_call_ups')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_agreement_replenishments_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_replenishments'))
    )
    with op.batch_alter_table('agreement_replenishments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_replenishments_call_up_id'), ['call_up_id'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('agreement_replenishments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_replenishments_call_up_id'))

    op.drop_table('agreement_replenishments')
    with op.batch_alter_table('agreement_check_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_check_lines_line_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_check_lines_check_id'))

    op.drop_table('agreement_check_lines')
    with op.batch_alter_table('agreement_call_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_call_ups_line_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_call_ups_dispatch_order_number'))

    op.drop_table('agreement_call_ups')
    with op.batch_alter_table('agreement_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_lines_item_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_lines_agreement_id'))

    op.drop_table('agreement_lines')
    with op.batch_alter_table('agreement_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_checks_agreement_id'))

    op.drop_table('agreement_checks')
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_enterprise_id'))
        batch_op.drop_index(batch_op.f('ix_agreements_end_date'))

    op.drop_table('agreements')
    op.drop_table('enterprises')

