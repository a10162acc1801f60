"""dispatch orders (调拨单): orders, lines, sources, returns and linked documents

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _enum(name, *values):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table('dispatch_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('status', _enum('dispatch_status', 'draft', 'approved', 'issued', 'received', 'cancelled', 'reversed'), nullable=False),
    sa.Column('emergency', sa.Boolean(), nullable=False),
    sa.Column('requesting_unit', sa.String(length=200), nullable=False),
    sa.Column('requesting_area_id', sa.Integer(), nullable=True),
    sa.Column('receiving_unit', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('receiver_contact', sa.String(length=100), nullable=False),
    sa.Column('receiver_phone', sa.String(length=50), nullable=False),
    sa.Column('sender_contact', sa.String(length=100), nullable=False),
    sa.Column('sender_phone', sa.String(length=50), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('needed_by', sa.DateTime(), nullable=True),
    sa.Column('vehicle', sa.String(length=100), nullable=False),
    sa.Column('escort', sa.String(length=100), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('order_date', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('approval_note', sa.String(length=500), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=True),
    sa.Column('received_signed_by', sa.String(length=100), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('receipt_recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('receipt_remarks', sa.String(length=500), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('close_reason', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_dispatch_orders_approved_by_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_dispatch_orders_created_by_id_users')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_dispatch_orders_issued_by_id_users')),
    sa.ForeignKeyConstraint(['receipt_recorded_by_id'], ['users.id'], name=op.f('fk_dispatch_orders_receipt_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['requesting_area_id'], ['areas.id'], name=op.f('fk_dispatch_orders_requesting_area_id_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_dispatch_orders_number'))
    )
    with op.batch_alter_table('dispatch_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_orders_issued_at'), ['issued_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_orders_requesting_area_id'), ['requesting_area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_orders_status'), ['status'], unique=False)

    op.create_table('dispatch_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('issued_quantity', sa.BigInteger(), nullable=False),
    sa.Column('remarks', sa.String(length=500), nullable=False),
    sa.Column('returnable', sa.Boolean(), nullable=False),
    sa.Column('due_back_date', sa.Date(), nullable=True),
    sa.Column('received_quantity', sa.BigInteger(), nullable=True),
    sa.Column('damaged_quantity', sa.BigInteger(), nullable=False),
    sa.Column('receipt_note', sa.String(length=500), nullable=False),
    sa.Column('returned_good', sa.BigInteger(), nullable=False),
    sa.Column('returned_repaired', sa.BigInteger(), nullable=False),
    sa.Column('returned_lost', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('damaged_quantity >= 0', name=op.f('ck_dispatch_lines_damaged')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_dispatch_lines_quantity')),
    sa.CheckConstraint('received_quantity IS NULL OR received_quantity >= 0', name=op.f('ck_dispatch_lines_received')),
    sa.CheckConstraint('returned_good >= 0 AND returned_repaired >= 0 AND returned_lost >= 0', name=op.f('ck_dispatch_lines_returned')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_dispatch_lines_item_id_items')),
    sa.ForeignKeyConstraint(['order_id'], ['dispatch_orders.id'], name=op.f('fk_dispatch_lines_order_id_dispatch_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_lines')),
    sa.UniqueConstraint('order_id', 'line_no', name='uq_dispatch_lines_order_line')
    )
    with op.batch_alter_table('dispatch_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_lines_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_lines_order_id'), ['order_id'], unique=False)

    op.create_table('dispatch_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('kind', _enum('dispatch_source_kind', 'store', 'agreement'), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('agreement_ref', sa.String(length=100), nullable=False),
    sa.Column('agreement_line_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('reserved', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_dispatch_sources_quantity')),
    sa.CheckConstraint('reserved >= 0', name=op.f('ck_dispatch_sources_reserved')),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_dispatch_sources_batch_id_batches')),
    sa.ForeignKeyConstraint(['line_id'], ['dispatch_lines.id'], name=op.f('fk_dispatch_sources_line_id_dispatch_lines')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_dispatch_sources_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_sources'))
    )
    with op.batch_alter_table('dispatch_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_sources_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_sources_store_id'), ['store_id'], unique=False)

    op.create_table('dispatch_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('role', _enum('dispatch_doc_role', 'issue', 'return', 'reversal'), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_dispatch_documents_document_id_documents')),
    sa.ForeignKeyConstraint(['order_id'], ['dispatch_orders.id'], name=op.f('fk_dispatch_documents_order_id_dispatch_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_documents')),
    sa.UniqueConstraint('document_id', name='uq_dispatch_documents_document')
    )
    with op.batch_alter_table('dispatch_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_documents_order_id'), ['order_id'], unique=False)

    op.create_table('dispatch_returns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('returned_on', sa.Date(), nullable=False),
    sa.Column('good', sa.BigInteger(), nullable=False),
    sa.Column('repaired', sa.BigInteger(), nullable=False),
    sa.Column('lost', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('good + repaired + lost > 0', name=op.f('ck_dispatch_returns_something')),
    sa.CheckConstraint('good >= 0 AND repaired >= 0 AND lost >= 0', name=op.f('ck_dispatch_returns_quantities')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_dispatch_returns_document_id_documents')),
    sa.ForeignKeyConstraint(['line_id'], ['dispatch_lines.id'], name=op.f('fk_dispatch_returns_line_id_dispatch_lines')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_dispatch_returns_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_returns'))
    )
    with op.batch_alter_table('dispatch_returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_returns_line_id'), ['line_id'], unique=False)


def downgrade() -> None:
    for table in ('dispatch_returns', 'dispatch_documents', 'dispatch_sources', 'dispatch_lines', 'dispatch_orders'):
        op.drop_table(table)
