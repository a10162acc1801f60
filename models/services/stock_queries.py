"""Reading stock balances (结存) for the stock view and ``reserve-keeper stock``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from models.context import ServiceContext
from models.schema.catalog import Item
from models.schema.enums import Role, StoreLevel
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Store
from models.services.ledger import json_number
from models.services.lookup import item_by_code, store_by_code
from models.services.warehouses import parse_level


@dataclass(frozen=True)
class StockRow:
    store_code: str
    store_name: str
    level: StoreLevel
    item_code: str
    item_name: str
    spec: str
    unit: str
    batch: str
    production_date: dt.date | None
    expiry_date: dt.date | None
    quantity: Decimal
    reserved: Decimal
    unit_price: Decimal | None

    def as_json(self) -> dict:
        return {
            "store_code": self.store_code,
            "store_name": self.store_name,
            "level": self.level.value,
            "item_code": self.item_code,
            "item_name": self.item_name,
            "unit": self.unit,
            "batch": self.batch,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "quantity": json_number(self.quantity),
        }


def stock_rows(
    ctx: ServiceContext,
    *,
    store_code: str | None = None,
    level: str | StoreLevel | None = None,
    item_code: str | None = None,
) -> list[StockRow]:
    """Non-zero balances by store, item and batch; keepers see only their own stores."""
    with ctx.read() as session:
        stmt = (
            select(Balance, Store, Item, Batch)
            .join(Store, Store.id == Balance.store_id)
            .join(Item, Item.id == Balance.item_id)
            .join(Batch, Batch.id == Balance.batch_id)
            .where(Balance.quantity > 0)
            .order_by(Store.code, Item.code, Balance.expiry_date, Batch.batch_no)
        )
        if store_code:
            stmt = stmt.where(Balance.store_id == store_by_code(session, store_code).id)
        if level:
            stmt = stmt.where(Balance.store_level == parse_level(level))
        if item_code:
            stmt = stmt.where(Balance.item_id == item_by_code(session, item_code).id)
        if ctx.actor.role is Role.KEEPER:
            stmt = stmt.where(Balance.store_id.in_(ctx.actor.store_ids or {-1}))
        return [
            StockRow(
                store.code, store.name, store.level, item.code, item.name, item.spec, item.unit,
                batch.batch_no, batch.production_date, balance.expiry_date, balance.quantity,
                balance.reserved, batch.unit_price if batch.unit_price is not None else item.unit_price,
            )
            for balance, store, item, batch in session.execute(stmt)
        ]
