"""盘点: count what is on the shelf, compare with the books, post the differences with a reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from models.context import ServiceContext
from models.errors import ValidationError
from models.schema.catalog import Item
from models.schema.enums import DocType
from models.schema.stock import Balance, Batch
from models.services import ledger
from models.services.lookup import item_by_code, store_by_code
from models.services.permissions import can_read_store, require_post
from models.services.receiving import find_or_create_batch
from models.validation import check_text, parse_date, parse_quantity
from models.errors import PermissionDeniedError
from models.messages import msg


@dataclass(frozen=True)
class SheetLine:
    """One row of the count sheet (盘点表): what the books say."""

    item_code: str
    item_name: str
    spec: str
    unit: str
    batch_no: str
    expiry_date: dt.date | None
    book_quantity: Decimal


@dataclass
class CountLine:
    item_code: str
    batch_no: str
    counted: Decimal | int | str
    production_date: dt.date | str | None = None  # only for a batch found that is not on the books
    expiry_date: dt.date | str | None = None
    remarks: str = ""


def count_sheet(ctx: ServiceContext, store_code: str) -> list[SheetLine]:
    """Book quantities of every batch in the store, for printing and typing counts."""
    with ctx.read() as session:
        store = store_by_code(session, store_code)
        if not can_read_store(ctx.actor, store.id):
            raise PermissionDeniedError(msg("您不能查看储备库“{store}”。", store=store.name))
        rows = session.execute(
            select(Item, Batch, Balance.quantity)
            .join(Balance, Balance.item_id == Item.id)
            .join(Batch, Batch.id == Balance.batch_id)
            .where(Balance.store_id == store.id, Balance.quantity > 0)
            .order_by(Item.code, Balance.expiry_date, Batch.batch_no)
        )
        return [
            SheetLine(item.code, item.name, item.spec, item.unit, batch.batch_no, batch.expiry_date, qty)
            for item, batch, qty in rows
        ]


def post_stocktake(
    ctx: ServiceContext,
    store_code: str,
    counts: list[CountLine],
    *,
    reason: str,
    doc_date: dt.date | None = None,
) -> ledger.PostedDocument:
    """Post one stocktake adjustment (盘点调整单); batches not counted are left as they are."""
    if not counts:
        raise ValidationError(msg("盘点单至少需要一行清点结果。"))
    reason = check_text(reason, msg("盘盈盘亏原因"), max_length=500, required=True)
    with ctx.write() as session:
        store = store_by_code(session, store_code)
        require_post(ctx.actor, store)
        document = ledger.new_document(ctx, session, DocType.STOCKTAKE, store, doc_date=doc_date, reason=reason)
        seen: set[int] = set()
        for index, count in enumerate(counts, start=1):
            try:
                item = item_by_code(session, count.item_code)
                counted = parse_quantity(count.counted, msg("实盘数量"), allow_zero=True)
                batch = session.scalar(
                    select(Batch).where(Batch.item_id == item.id, Batch.batch_no == (count.batch_no or "无批次"))
                )
                if batch is None:
                    batch = find_or_create_batch(
                        session, item, count.batch_no,
                        production_date=parse_date(count.production_date, msg("生产日期")),
                        expiry_date=parse_date(count.expiry_date, msg("有效期至")),
                    )
            except ValidationError as exc:
                raise type(exc)(msg("第 {index} 行：{message}",
                                    index=index, message=exc.chinese), field=exc.field) from None
            if batch.id in seen:
                raise ValidationError(msg("第 {index} 行：“{item}”批次 {batch_no} 重复清点，请合并为一行。",
                                          index=index, item=item.name, batch_no=batch.batch_no))
            seen.add(batch.id)
            balance = ledger.lock_balance(session, store, batch)
            book = balance.quantity
            difference = counted - book
            if difference < 0 and counted < balance.reserved:
                raise ValidationError(
                    msg("第 {index} 行：“{item}”批次 {batch_no} 有 {reserved}{unit} 已被调拨单预留，实盘数量少于预留数量。请先处理相关调拨单。",
                        index=index, item=item.name, batch_no=batch.batch_no,
                        reserved=ledger.fmt_qty(balance.reserved), unit=item.unit)

                )
            ledger.add_line(
                document, batch, abs(difference), book_quantity=book, counted_quantity=counted,
                remarks=check_text(count.remarks, msg("备注"), max_length=500),
            )
            if difference != 0:
                ledger.apply_movement(ctx, session, document, store, batch, difference)
        session.flush()
        ledger.audit(ctx, session, "post", "document", document.number, f"盘点：{reason}",
                     after=ledger.document_audit_payload(document))
        return ledger.posted(document, store)
