"""Batches, the balance table and the immutable movement ledger.

``Balance`` holds one row per (store, item, batch) and is updated in the same transaction as each
``Movement`` is appended; a CHECK keeps it from ever going below zero. The batch's expiry date and the
store's level are copied onto the balance row so the hot reads (stock view, adequacy, rotation) need
no join — see shared/PERFORMANCE.md.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Optional

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    func,
    literal_column,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base, Money, Quantity, UtcDateTime, utcnow
from models.schema.catalog import Item
from models.schema.enums import DocType, ReserveMode, StoreLevel, db_enum
from models.schema.warehouse import Store


class Batch(Base):
    """批次: goods of one item with the same batch number, dates and origin."""

    __tablename__ = "batches"
    __table_args__ = (
        UniqueConstraint("item_id", "batch_no", name="item_batch"),
        CheckConstraint(
            "production_date IS NULL OR expiry_date IS NULL OR expiry_date >= production_date",
            name="dates",
        ),
        # the stock view sorted by batch number or production date (migration 0007)
        Index("ix_batches_batch_no", "batch_no"),
        Index("ix_batches_production_date", "production_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    batch_no: Mapped[str] = mapped_column(String(60))
    production_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    expiry_date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    manufacturer: Mapped[str] = mapped_column(String(200), default="")
    supplier: Mapped[str] = mapped_column(String(200), default="")
    reserve_mode: Mapped[ReserveMode] = mapped_column(
        db_enum(ReserveMode, "reserve_mode"), default=ReserveMode.GOVERNMENT
    )
    unit_price: Mapped[Optional[Decimal]] = mapped_column(Money)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    item: Mapped[Item] = relationship()


class Balance(Base):
    """结存: the current quantity of one batch in one store."""

    __tablename__ = "balances"
    __table_args__ = (
        UniqueConstraint("store_id", "item_id", "batch_id", name="store_item_batch"),
        CheckConstraint("quantity >= 0", name="non_negative"),
        CheckConstraint("reserved >= 0 AND reserved <= quantity", name="reserved"),
        Index("ix_balances_item_expiry_qty", "item_id", "expiry_date", "quantity"),
        Index("ix_balances_store_item_expiry", "store_id", "item_id", "expiry_date"),
        Index(
            "ix_balances_live_expiry",
            "expiry_date",
            "id",
            sqlite_where=text("quantity > 0"),
            postgresql_where=text("quantity > 0"),
        ),
        # the stock view sorted by level (migration 0007)
        Index("ix_balances_live_level", "store_level", "store_id", "id",
              sqlite_where=text("quantity > 0"), postgresql_where=text("quantity > 0")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    # promised to approved dispatch orders not yet issued; plain issues may not take it
    reserved: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    expiry_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    store_level: Mapped[StoreLevel] = mapped_column(db_enum(StoreLevel, "balance_store_level"))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    # the line's effective unit price, copied like the expiry: the batch's own, else the item's (NULL when
    # neither has one). Kept by ledger.lock_balance / apply_movements_bulk (new rows) and
    # catalog.update_item (the item's price, for its batches without their own); ``verify`` checks it.
    # The stock view sorts and sums line values on it without joining batches and items (migration 0009).
    unit_price: Mapped[Optional[Decimal]] = mapped_column(Money)

    store: Mapped[Store] = relationship()
    item: Mapped[Item] = relationship()
    batch: Mapped[Batch] = relationship()


def live_sort_key(sort: str):
    """The stock view's sort key for quantity, reserved or value, written exactly as the expression
    indexes of migration 0009 hold it (SQLite uses an expression index only for the same expression).

    Expressions, not the plain columns: an index led by ``quantity`` made SQLite's planner use it for the
    ``quantity > 0`` filter of every other sort (2-3x slower). A line without a price sorts as
    quantity × -1, below every priced line, as before the price was stored."""
    if sort == "quantity":
        return Balance.quantity + literal_column("0")
    if sort == "reserved":
        return Balance.reserved + literal_column("0")
    return Balance.quantity * func.coalesce(Balance.unit_price, literal_column("-1"))


# The three indexes hold the live lines (quantity > 0) and carry a second condition that is always true
# (the CHECK ``reserved`` guarantees it): only a query that states it too can use them, which the
# quantity, reserved and value sorts do (``LIVE_SORTED_TERM``). Without it, SQLite, lacking statistics
# for them (a database never ANALYZEd, or analysed before migration 0009), scanned one of them to find the
# live lines of every other sort (by item, batch or category: 300 lines in, all 190,000 sorted).
LIVE_SORTED = "quantity > 0 AND reserved >= 0"
LIVE_SORTED_TERM = Balance.reserved >= literal_column("0")
for _sort in ("value", "quantity", "reserved"):  # ix_balances_live_value, _quantity, _reserved (migration 0009)
    Index(f"ix_balances_live_{_sort}", live_sort_key(_sort), Balance.id,
          sqlite_where=text(LIVE_SORTED), postgresql_where=text(LIVE_SORTED))


class Movement(Base):
    """台账流水: one immutable ledger row. Never updated or deleted (database triggers refuse it)."""

    __tablename__ = "movements"
    __table_args__ = (
        CheckConstraint("delta <> 0", name="non_zero"),
        CheckConstraint("balance_after >= 0", name="balance_after"),
        Index("ix_movements_time_id", "occurred_at", "id"),
        Index("ix_movements_store_time", "store_id", "occurred_at", "id"),
        Index("ix_movements_item_time", "item_id", "occurred_at", "id"),
        Index("ix_movements_balance", "store_id", "item_id", "batch_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    doc_type: Mapped[DocType] = mapped_column(db_enum(DocType, "movement_doc_type"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"))
    delta: Mapped[Decimal] = mapped_column(Quantity)
    balance_after: Mapped[Decimal] = mapped_column(Quantity)
    occurred_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), index=True)

    store: Mapped[Store] = relationship()
    item: Mapped[Item] = relationship()
    batch: Mapped[Batch] = relationship()
