"""年度储存情况报告 (annual storage report, due 10 January): per store and item, for one year,
opening balance, movements by kind and closing balance, computed from the movements ledger.

Every movement is counted in exactly one column, by its document's type and date, so that

    opening + received + transferred in − issued − transferred out + stocktake − scrapped = closing

holds exactly. A reversal (冲销) counts in the column of the document it reverses, with its own sign
(a reversed receipt lowers "received"), so the columns stay net and the identity still holds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import case, func, select, type_coerce
from sqlalchemy.orm import aliased

from models.context import ServiceContext
from models.errors import ValidationError
from models.messages import msg
from models.schema.base import Quantity, round_money
from models.schema.catalog import Item
from models.schema.documents import Document
from models.schema.enums import DocType, Role
from models.schema.stock import Batch, Movement
from models.schema.warehouse import Store
from models.services.ledger import json_number
from models.services.lookup import store_by_code

# column → (Chinese heading, sign it carries in the identity)
COLUMNS: dict[str, tuple[str, int]] = {
    "received": ("入库", 1),
    "transfer_in": ("调入", 1),
    "issued": ("出库", -1),
    "transfer_out": ("调出", -1),
    "stocktake": ("盘盈(+)/盘亏(−)", 1),
    "scrapped": ("报废", -1),
}
COLUMN_OF = {
    DocType.RECEIPT: "received",
    DocType.TRANSFER_IN: "transfer_in",
    DocType.ISSUE: "issued",
    DocType.TRANSFER_OUT: "transfer_out",
    DocType.STOCKTAKE: "stocktake",
    DocType.SCRAP: "scrapped",
}


@dataclass
class StorageReportRow:
    store_code: str
    store_name: str
    item_code: str
    item_name: str
    spec: str
    unit: str
    opening: Decimal = Decimal(0)
    received: Decimal = Decimal(0)
    transfer_in: Decimal = Decimal(0)
    issued: Decimal = Decimal(0)
    transfer_out: Decimal = Decimal(0)
    stocktake: Decimal = Decimal(0)
    scrapped: Decimal = Decimal(0)
    closing: Decimal = Decimal(0)
    opening_value: Decimal = Decimal(0)
    closing_value: Decimal = Decimal(0)
    unpriced: bool = False  # some batch has neither its own nor the item's unit price

    def balances(self) -> bool:
        """The identity the report promises."""
        moved = sum((getattr(self, name) * sign for name, (_label, sign) in COLUMNS.items()), Decimal(0))
        return self.opening + moved == self.closing

    def as_json(self) -> dict:
        data = {key: getattr(self, key) for key in ("store_code", "store_name", "item_code", "item_name", "unit")}
        for key in ("opening", *COLUMNS, "closing"):
            data[key] = json_number(getattr(self, key))
        data["opening_value"] = float(self.opening_value)
        data["closing_value"] = float(self.closing_value)
        return data


@dataclass
class StorageReport:
    year: int
    rows: list[StorageReportRow] = field(default_factory=list)
    generated_on: dt.date | None = None

    @property
    def opening_value(self) -> Decimal:
        return sum((r.opening_value for r in self.rows), Decimal(0))

    @property
    def closing_value(self) -> Decimal:
        return sum((r.closing_value for r in self.rows), Decimal(0))


def storage_report(ctx: ServiceContext, year: int, *, store_code: str | None = None) -> StorageReport:
    """The annual storage report for ``year`` (documents dated 1 January to 31 December)."""
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError(msg("年度“{year}”无效，请填写如 2026 的四位年份。", year=year), field=msg("年度"))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    original = aliased(Document)
    kind = func.coalesce(original.doc_type, Document.doc_type)
    before = type_coerce(func.sum(case((Document.doc_date < start, Movement.delta), else_=0)), Quantity())
    during = type_coerce(func.sum(case((Document.doc_date >= start, Movement.delta), else_=0)), Quantity())
    with ctx.read() as session:
        stmt = (
            select(Movement.store_id, Movement.item_id, Movement.batch_id, kind, before, during)
            .join(Document, Document.id == Movement.document_id)
            .outerjoin(original, original.id == Document.reverses_id)
            .where(Document.doc_date <= end)
            .group_by(Movement.store_id, Movement.item_id, Movement.batch_id, kind)
        )
        if store_code:
            stmt = stmt.where(Movement.store_id == store_by_code(session, store_code).id)
        if ctx.actor.role is Role.KEEPER:
            stmt = stmt.where(Movement.store_id.in_(ctx.actor.store_ids or {-1}))
        per_batch: dict[tuple[int, int, int], dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        for store_id, item_id, batch_id, doc_type, qty_before, qty_during in session.execute(stmt):
            cell = per_batch[(store_id, item_id, batch_id)]
            cell["opening"] += qty_before or Decimal(0)
            column = COLUMN_OF[DocType(doc_type)]
            sign = COLUMNS[column][1]
            cell[column] += (qty_during or Decimal(0)) * sign
        stores = {s.id: s for s in session.scalars(select(Store))}
        items = {i.id: i for i in session.scalars(select(Item))}
        batch_ids = {batch_id for _s, _i, batch_id in per_batch}
        prices = {bid: price for bid, price in
                  session.execute(select(Batch.id, Batch.unit_price).where(Batch.id.in_(batch_ids or {-1})))}
    rows: dict[tuple[int, int], StorageReportRow] = {}
    for (store_id, item_id, batch_id), cell in per_batch.items():
        store, item = stores[store_id], items[item_id]
        row = rows.get((store_id, item_id))
        if row is None:
            row = rows[(store_id, item_id)] = StorageReportRow(
                store.code, store.name, item.code, item.name, item.spec, item.unit)
        moved = sum((cell[name] * sign for name, (_label, sign) in COLUMNS.items()), Decimal(0))
        closing = cell["opening"] + moved
        row.opening += cell["opening"]
        for name in COLUMNS:
            setattr(row, name, getattr(row, name) + cell[name])
        row.closing += closing
        price = prices.get(batch_id)
        price = price if price is not None else item.unit_price
        if price is None:
            row.unpriced = row.unpriced or bool(cell["opening"] or closing)
        else:
            row.opening_value += round_money(cell["opening"] * price)
            row.closing_value += round_money(closing * price)
    result = [r for r in rows.values()
              if r.opening or r.closing or any(getattr(r, name) for name in COLUMNS)]
    result.sort(key=lambda r: (r.store_code, r.item_code))
    return StorageReport(year, result, ctx.today())
