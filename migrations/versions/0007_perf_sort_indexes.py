"""indexes for the stock view's sorts at city scale (issue 10)

Revision ID: 0007_perf_sort_indexes
Revises: 0006
Create Date: 2026-11-23 22:10:00

The stock view sorts its lazy pages in the database (``stock_view_queries.stock_view_page``); a first
page should stop after 300 lines instead of sorting every live balance (190,000 in the city benchmark
database). With these indexes SQLite and PostgreSQL walk an index in the sort's order:

- ``ix_balances_live_level``: by store level, then store (partial, live lines only);
- ``ix_batches_batch_no``, ``ix_batches_production_date``: by batch number or production date, each
  batch's balances then found through ``ix_balances_batch_id``;
- ``ix_items_name``, ``ix_items_spec``: by item name or spec, each item's balances through
  ``ix_balances_item_expiry_qty``.

Quantity, reserved and value are not indexed: an index led by ``quantity`` made SQLite's planner use
it for the ``quantity > 0`` filter of every other sort (2-3x slower); value spans two tables.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_perf_sort_indexes'
down_revision = '0006'
branch_labels = None
depends_on = None

LIVE = "quantity > 0"


def upgrade() -> None:
    op.create_index('ix_balances_live_level', 'balances', ['store_level', 'store_id', 'id'], unique=False,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE), if_not_exists=True)
    op.create_index('ix_batches_batch_no', 'batches', ['batch_no'], unique=False, if_not_exists=True)
    op.create_index('ix_batches_production_date', 'batches', ['production_date'], unique=False, if_not_exists=True)
    op.create_index('ix_items_name', 'items', ['name'], unique=False, if_not_exists=True)
    op.create_index('ix_items_spec', 'items', ['spec'], unique=False, if_not_exists=True)


def downgrade() -> None:
    for table, name in (('items', 'ix_items_spec'), ('items', 'ix_items_name'),
                        ('batches', 'ix_batches_production_date'), ('batches', 'ix_batches_batch_no'),
                        ('balances', 'ix_balances_live_level')):
        op.drop_index(name, table_name=table, if_exists=True)
