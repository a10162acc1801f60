"""rotation, inspections, scrap approval and alert acknowledgements (轮换、养护、报废)

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table('alert_acks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_key', sa.String(length=200), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('announced_at', sa.DateTime(), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_alert_acks_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_acks')),
    sa.UniqueConstraint('alert_key', 'user_id', name='alert_user')
    )
    with op.batch_alter_table('alert_acks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_acks_user_id'), ['user_id'], unique=False)

    op.create_table('inspection_schedules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', _enum('inspection_kind', 'test_run', 'airing', 'turn_stack', 'sample_test', 'fire_check', 'other'), nullable=False),
    sa.Column('interval_months', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('store_id', sa.Integer(), nullable=True),
    sa.Column('min_age_years', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('interval_months > 0', name=op.f('ck_inspection_schedules_interval')),
    sa.CheckConstraint('min_age_years IS NULL OR min_age_years > 0', name=op.f('ck_inspection_schedules_min_age')),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_inspection_schedules_category_id_categories')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_inspection_schedules_item_id_items')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_inspection_schedules_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_schedules')),
    sa.UniqueConstraint('code', name=op.f('uq_inspection_schedules_code'))
    )
    with op.batch_alter_table('inspection_schedules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_schedules_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_schedules_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_schedules_store_id'), ['store_id'], unique=False)

    op.create_table('replacement_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('old_batch_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=False),
    sa.Column('supplier', sa.String(length=200), nullable=False),
    sa.Column('status', _enum('replacement_status', 'planned', 'cancelled'), nullable=False),
    sa.Column('remarks', sa.String(length=500), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_replacement_plans_quantity')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_replacement_plans_created_by_id_users')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_replacement_plans_item_id_items')),
    sa.ForeignKeyConstraint(['old_batch_id'], ['batches.id'], name=op.f('fk_replacement_plans_old_batch_id_batches')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_replacement_plans_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_replacement_plans')),
    sa.UniqueConstraint('number', name=op.f('uq_replacement_plans_number'))
    )
    with op.batch_alter_table('replacement_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_replacement_plans_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_replacement_plans_old_batch_id'), ['old_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_replacement_plans_store_id'), ['store_id'], unique=False)

    op.create_table('inspection_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=True),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('inspected_on', sa.Date(), nullable=False),
    sa.Column('inspector', sa.String(length=100), nullable=False),
    sa.Column('result', _enum('inspection_result', 'pass', 'fail'), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('photos', sa.Text(), nullable=False),
    sa.Column('follow_up', _enum('inspection_follow_up', 'none', 'scrap', 'repair'), nullable=False),
    sa.Column('repair_note', sa.Text(), nullable=False),
    sa.Column('scrap_document_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_inspection_records_batch_id_batches')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_inspection_records_created_by_id_users')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_inspection_records_item_id_items')),
    sa.ForeignKeyConstraint(['schedule_id'], ['inspection_schedules.id'], name=op.f('fk_inspection_records_schedule_id_inspection_schedules')),
    sa.ForeignKeyConstraint(['scrap_document_id'], ['documents.id'], name=op.f('fk_inspection_records_scrap_document_id_documents')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_inspection_records_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_records'))
    )
    with op.batch_alter_table('inspection_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_records_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_records_inspected_on'), ['inspected_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_records_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_records_schedule_id'), ['schedule_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_records_scrap_document_id'), ['scrap_document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_records_store_id'), ['store_id'], unique=False)

    op.create_table('scrap_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('reason_kind', _enum('scrap_reason', 'expired', 'damaged', 'failed_inspection'), nullable=False),
    sa.Column('decision', _enum('scrap_decision', 'pending', 'approved', 'rejected'), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=True),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_scrap_requests_decided_by_id_users')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_scrap_requests_document_id_documents')),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection_records.id'], name=op.f('fk_scrap_requests_inspection_id_inspection_records')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_scrap_requests_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scrap_requests')),
    sa.UniqueConstraint('document_id', name=op.f('uq_scrap_requests_document_id'))
    )
    with op.batch_alter_table('scrap_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scrap_requests_decision'), ['decision'], unique=False)
        batch_op.create_index(batch_op.f('ix_scrap_requests_inspection_id'), ['inspection_id'], unique=False)


def downgrade() -> None:
    for table, indexes in (
        ('scrap_requests', ('decision', 'inspection_id')),
        ('inspection_records', ('batch_id', 'inspected_on', 'item_id', 'schedule_id', 'scrap_document_id', 'store_id')),
        ('replacement_plans', ('item_id', 'old_batch_id', 'store_id')),
        ('inspection_schedules', ('category_id', 'item_id', 'store_id')),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in indexes:
                batch_op.drop_index(batch_op.f(f'ix_{table}_{column}'))
        op.drop_table(table)
    with op.batch_alter_table('alert_acks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_acks_user_id'))
    op.drop_table('alert_acks')
