"""the balance row's effective unit price and the stock view's value, quantity and reserved sort indexes (issue 10)

Revision ID: 0009
Revises: 0008_document_list_index
Create Date: 2026-11-24 01:00:00

The stock view sorted by value read every live balance (190,000 in the city benchmark database) with its
batch and item to compute quantity × coalesce(batch price, item price), ≈ 470 ms for a first page. The
balance row now carries that price (``balances.unit_price``, fen: the batch's own, else the item's), kept
by the posting engine and by item price changes, so the value is one expression of the balance row and
a partial expression index serves the sort: ``ix_balances_live_value`` on
``quantity * coalesce(unit_price, -1)`` (a line without a price sorts below the priced ones, as before).

``ix_balances_live_quantity`` and ``ix_balances_live_reserved`` serve the quantity and reserved sorts on
``quantity + 0`` and ``reserved + 0``: an index led by the plain ``quantity`` column made SQLite's planner
use it for the ``quantity > 0`` filter of every other sort (2-3x slower, see 0007); an expression index
is used only where the query orders by the same expression. The three are partial on
``quantity > 0 AND reserved >= 0``: the second term is always true (CHECK "reserved") and only these
three sorts state it, so no other query can scan them to find the live lines (SQLite did, for the item,
batch and category sorts, while the new indexes had no statistics).

The backfill is one UPDATE (PostgreSQL then analyses the table). Downgrade drops the indexes and the column.
"""
import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008_document_list_index'
branch_labels = None
depends_on = None

# live lines, and a condition always true (CHECK "reserved") that only the three sorts state, so that no
# other query can pick these indexes to find the live lines (models.schema.stock.LIVE_SORTED)
LIVE_SORTED = "quantity > 0 AND reserved >= 0"
# the expressions as models.schema.stock.live_sort_key writes them (SQLite uses an expression index only for the
# same expression; PostgreSQL wants them in parentheses)
SORT_INDEXES = {
    'ix_balances_live_value': '(quantity * coalesce(unit_price, -1))',
    'ix_balances_live_quantity': '(quantity + 0)',
    'ix_balances_live_reserved': '(reserved + 0)',
}


def upgrade() -> None:
    op.add_column('balances', sa.Column('unit_price', sa.BigInteger(), nullable=True))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("UPDATE balances SET unit_price = coalesce(bt.unit_price, i.unit_price) "
                   "FROM batches bt JOIN items i ON i.id = bt.item_id WHERE bt.id = balances.batch_id")
    else:  # a correlated subquery: UPDATE ... FROM needs SQLite 3.33
        op.execute("UPDATE balances SET unit_price = (SELECT coalesce(bt.unit_price, i.unit_price) "
                   "FROM batches bt JOIN items i ON i.id = bt.item_id WHERE bt.id = balances.batch_id)")
    for name, expression in SORT_INDEXES.items():
        op.create_index(name, 'balances', [sa.text(expression), 'id'], unique=False, if_not_exists=True,
                        sqlite_where=sa.text(LIVE_SORTED), postgresql_where=sa.text(LIVE_SORTED))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("ANALYZE balances")  # statistics for the new expressions, and after rewriting every row


def downgrade() -> None:
    for name in SORT_INDEXES:
        op.drop_index(name, table_name='balances', if_exists=True)
    with op.batch_alter_table('balances') as batch_op:
        batch_op.drop_column('unit_price')
