"""Which batches an outbound movement takes: earliest expiry first (FEFO), never expired goods,
never goods promised to an approved dispatch order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.errors import InsufficientStockError
from models.messages import msg
from models.schema.catalog import Item
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Store
from models.services.ledger import fmt_qty


@dataclass(frozen=True)
class Allocation:
    batch: Batch
    quantity: Decimal


def is_expired(expiry_date: dt.date | None, as_of: dt.date) -> bool:
    """Goods are usable through their expiry date and expired from the day after."""
    return expiry_date is not None and expiry_date < as_of


def _locked_balances(session: Session, store: Store, item: Item) -> list[Balance]:
    stmt = (
        select(Balance)
        .join(Batch, Batch.id == Balance.batch_id)
        .where(Balance.store_id == store.id, Balance.item_id == item.id, Balance.quantity > 0)
        .order_by(Balance.expiry_date.is_(None), Balance.expiry_date, Batch.production_date, Batch.id)
        .with_for_update(of=Balance)
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(stmt))


def allocate_fefo(
    session: Session,
    store: Store,
    item: Item,
    quantity: Decimal,
    as_of: dt.date,
    *,
    use_reserved: Decimal = Decimal(0),
) -> list[Allocation]:
    """Split ``quantity`` over the usable batches, earliest expiry first.

    ``use_reserved`` lets a dispatch order take goods reserved for it.
    """
    balances = _locked_balances(session, store, item)
    allocations: list[Allocation] = []
    remaining = quantity
    expired = Decimal(0)
    reserved_total = Decimal(0)
    reserved_allowance = use_reserved
    for balance in balances:
        if is_expired(balance.expiry_date, as_of):
            expired += balance.quantity
            continue
        free = balance.quantity - balance.reserved
        take_reserved = min(balance.reserved, reserved_allowance)
        reserved_allowance -= take_reserved
        reserved_total += balance.reserved - take_reserved
        available = free + take_reserved
        if available <= 0 or remaining <= 0:
            continue
        take = min(available, remaining)
        allocations.append(Allocation(balance.batch, take))
        remaining -= take
    if remaining > 0:
        usable = quantity - remaining
        notes = []
        if expired:
            notes.append(msg("另有已过期 {quantity}{unit}，过期物资只能报废", quantity=fmt_qty(expired), unit=item.unit))
        if reserved_total:
            notes.append(msg("另有 {quantity}{unit} 已被审批的调拨单预留", quantity=fmt_qty(reserved_total), unit=item.unit))
        extra = ""
        if len(notes) == 1:
            extra = msg("（{note}）", note=notes[0])
        elif notes:
            extra = msg("（{note}；{other_note}）", note=notes[0], other_note=notes[1])
        raise InsufficientStockError(
            msg("储备库“{store}”的“{item}”可用库存只有 {usable}{unit}{extra}，本次需要 {quantity}{unit}。"
                "请减少数量，或从其他储备库调拨。",
                store=store.name, item=item.name, usable=fmt_qty(usable), unit=item.unit, extra=extra,
                quantity=fmt_qty(quantity))
        )
    return allocations


def allocate_batch(
    session: Session, store: Store, batch: Batch, quantity: Decimal, as_of: dt.date, *, allow_expired: bool
) -> Allocation:
    """Take from one named batch; expired batches only when ``allow_expired`` (scrap)."""
    item = batch.item
    if not allow_expired and is_expired(batch.expiry_date, as_of):
        raise InsufficientStockError(
            msg("“{item}”批次“{batch_no}”已于 {expiry_date} 过期，不能出库。过期物资请办理报废。",
                item=item.name, batch_no=batch.batch_no, expiry_date=batch.expiry_date)
        )
    balance = session.scalar(
        select(Balance)
        .where(Balance.store_id == store.id, Balance.batch_id == batch.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    on_hand = balance.quantity if balance else Decimal(0)
    reserved = balance.reserved if balance else Decimal(0)
    if on_hand - reserved < quantity:
        extra = msg("（其中 {quantity}{unit} 已被调拨单预留）", quantity=fmt_qty(reserved), unit=item.unit) if reserved else ""
        raise InsufficientStockError(
            msg("储备库“{store}”的“{item}”批次“{batch_no}”只有 {on_hand}{unit}{extra}，不足 {quantity}{unit}。",
                store=store.name, item=item.name, batch_no=batch.batch_no, on_hand=fmt_qty(on_hand), unit=item.unit,
                extra=extra, quantity=fmt_qty(quantity))
        )

    return Allocation(batch, quantity)


def usable_filter(as_of: dt.date):
    """SQL condition on Balance: not expired on ``as_of``."""
    return or_(Balance.expiry_date.is_(None), Balance.expiry_date >= as_of)
