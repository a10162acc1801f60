"""The effective unit price copied onto each balance row (``balances.unit_price``, migration 0009).

A line's price is its batch's own, else its item's (NULL when neither has one); the stock view sorts and
sums line values on the copy without joining batches and items. The copy is written where it can change:
a new balance row (``ledger.lock_balance``, ``ledger.apply_movements_bulk``) and an item's price
(``catalog.update_item``: the balances of its batches without their own price). A batch's price is set
when the batch is created and never changed afterwards. ``verify`` reports any balance whose copy differs.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.schema.catalog import Item
from models.schema.stock import Balance, Batch

CHUNK = 500  # batch ids per lookup: SQLite's bound-parameter limit is far above


def effective_price(batch: Batch) -> Decimal | None:
    """The price a balance of ``batch`` carries: the batch's own, else its item's."""
    return batch.unit_price if batch.unit_price is not None else batch.item.unit_price


def effective_prices(session: Session, batch_ids) -> dict[int, Decimal | None]:
    """``effective_price`` of many batches by id, in one query per ``CHUNK`` ids."""
    ids = list(batch_ids)
    prices: dict[int, Decimal | None] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (select(Batch.id, Batch.unit_price, Item.unit_price).join(Item, Item.id == Batch.item_id)
                .where(Batch.id.in_(ids[start:start + CHUNK])))
        for batch_id, own, item_price in session.execute(stmt):
            prices[batch_id] = own if own is not None else item_price
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
