"""The effective unit price copied onto each balance row (``balances.unit_price``, migration 0009).

A line's price is its batch's own, else its item's (NULL when neither has one); the stock view sorts and
sums line values on the copy without joining batches and items. The copy is written where it can change:
a new balance row (``ledger.lock_balance``, ``ledger.apply_movements_bulk``) and an item's price
(``catalog.update_item``: the balances of its batches without their own price). A batch's price is set
when the batch is created and never changed afterwards. ``verify`` reports any balance whose copy differs.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, func, select, type_coerce, update
from sqlalchemy.orm import Session

from models.schema.base import Money
from models.schema.catalog import Item
from models.schema.stock import Balance, Batch

CHUNK = 2000  # batch ids per lookup (bound parameters: SQLite allows 32,766, PostgreSQL 65,535)


def effective_price(batch: Batch) -> Decimal | None:
    """The price a balance of ``batch`` carries: the batch's own, else its item's."""
    return batch.unit_price if batch.unit_price is not None else batch.item.unit_price


def effective_prices(session: Session, batch_ids, *, fen: bool = False) -> dict[int, Decimal | int | None]:
    """``effective_price`` of many batches by id, in one query per ``CHUNK`` ids; with ``fen`` as the
    stored integers (fen), for writers that bind raw column values (``ledger.apply_movements_bulk``)."""
    ids = list(batch_ids)
    price = func.coalesce(type_coerce(Batch.unit_price, BigInteger), type_coerce(Item.unit_price, BigInteger))
    price = price if fen else type_coerce(price, Money)
    prices: dict[int, Decimal | int | None] = {}
    connection = session.connection()
    for start in range(0, len(ids), CHUNK):
        prices.update(connection.execute(select(Batch.id, price).join(Item, Item.id == Batch.item_id)
                                         .where(Batch.id.in_(ids[start:start + CHUNK]))).all())
    return prices


def reprice_item(session: Session, item: Item) -> None:
    """After ``item``'s price changed: its balances whose batch has no price of its own take the new one.

    The balance's ``updated_at`` stays (it dates the last change of the quantity, not of this copy)."""
    own_less = select(Batch.id).where(Batch.item_id == item.id, Batch.unit_price.is_(None))
    session.execute(
        update(Balance)
        .where(Balance.item_id == item.id, Balance.batch_id.in_(own_less))
        .values(unit_price=item.unit_price, updated_at=Balance.updated_at)
        .execution_options(synchronize_session=False)
    )


def stale_prices(session: Session, limit: int) -> list[int]:
    """Ids of (up to ``limit``) balances whose copied price is not their batch's or item's."""
    effective = func.coalesce(Batch.unit_price, Item.unit_price)
    return list(session.scalars(
        select(Balance.id)
        .join(Batch, Batch.id == Balance.batch_id)
        .join(Item, Item.id == Batch.item_id)
        .where(Balance.unit_price.is_distinct_from(effective))
        .order_by(Balance.id)
        .limit(limit)
    ))
