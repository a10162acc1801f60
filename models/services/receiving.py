"""入库: receive goods into a store, creating or reusing batches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ValidationError
from models.messages import msg
from models.schema.catalog import Item
from models.schema.enums import DocType, ReserveMode
from models.schema.stock import Batch
from models.services import ledger
from models.services.lookup import item_by_code, store_by_code
from models.services.permissions import require_post
from models.validation import check_code, check_text, parse_date, parse_quantity


@dataclass
class ReceiptLine:
    item_code: str
    quantity: Decimal | int | str
    batch_no: str = ""
    production_date: dt.date | str | None = None
    expiry_date: dt.date | str | None = None
    manufacturer: str = ""
    unit_price: Decimal | None = None
    location: str = ""
    remarks: str = ""
    reserve_mode: ReserveMode = ReserveMode.GOVERNMENT


def receive(
    ctx: ServiceContext,
    store_code: str,
    lines: list[ReceiptLine],
    *,
    supplier: str = "",
    reference: str = "",
    doc_date: dt.date | None = None,
    remarks: str = "",
) -> ledger.PostedDocument:
    """Post one receipt (入库单) with its lines, in one transaction."""
    if not lines:
        raise ValidationError(msg("入库单至少需要一行物资。"))
    supplier = check_text(supplier, msg("供应商"), max_length=200)
    reference = check_text(reference, msg("通知单号"), max_length=100)
    remarks = check_text(remarks, msg("备注"), max_length=2000)
    with ctx.write() as session:
        store = store_by_code(session, store_code)
        require_post(ctx.actor, store)
        document = ledger.new_document(
            ctx, session, DocType.RECEIPT, store,
            doc_date=doc_date, counterparty=supplier, reference=reference, remarks=remarks,
        )
        for index, line in enumerate(lines, start=1):
            batch, quantity = _prepare_line(session, line, supplier, index)
            ledger.add_line(
                document, batch, quantity,
                unit_price=line.unit_price if line.unit_price is not None else batch.unit_price,
                location=check_text(line.location, msg("存放位置"), max_length=100),
                remarks=check_text(line.remarks, msg("备注"), max_length=500),
            )
            ledger.apply_movement(ctx, session, document, store, batch, quantity)
        session.flush()
        ledger.audit(ctx, session, "post", "document", document.number, "入库",
                     after=ledger.document_audit_payload(document))
        return ledger.posted(document, store)


def _prepare_line(session: Session, line: ReceiptLine, supplier: str, index: int) -> tuple[Batch, Decimal]:
    prefix = msg("第 {index} 行：", index=index)
    try:
        item = item_by_code(session, line.item_code)
        quantity = parse_quantity(line.quantity)
        production = parse_date(line.production_date, msg("生产日期"))
        expiry = parse_date(line.expiry_date, msg("有效期至"))
        batch_no = check_code(line.batch_no, msg("批次号"), max_length=60) if line.batch_no else ""
        manufacturer = check_text(line.manufacturer, msg("生产厂家"), max_length=200)
    except ValidationError as exc:
        raise type(exc)(msg("第 {index} 行：{message}", index=index, message=exc.chinese), field=exc.field) from None
    if expiry is None and production is not None and item.shelf_life_months:
        expiry = production + relativedelta(months=item.shelf_life_months) - dt.timedelta(days=1)
    if production and expiry and expiry < production:
        raise ValidationError(msg("{prefix}有效期至 {expiry} 早于生产日期 {production}，请检查日期。",
                                  prefix=prefix, expiry=expiry, production=production), field=msg("有效期至"))
    batch = find_or_create_batch(
        session, item, batch_no,
        production_date=production, expiry_date=expiry, manufacturer=manufacturer,
        supplier=supplier, unit_price=line.unit_price if line.unit_price is not None else item.unit_price,
        reserve_mode=line.reserve_mode, line_prefix=prefix,
    )
    return batch, quantity


def auto_batch_no(production: dt.date | None, expiry: dt.date | None) -> str:
    """A batch number for goods received without one: by date, or one shared batch for undated goods."""
    if production:
        return production.strftime("%Y%m%d")
    if expiry:
        return "E" + expiry.strftime("%Y%m%d")
    return "无批次"


def find_or_create_batch(
    session: Session,
    item: Item,
    batch_no: str,
    *,
    production_date: dt.date | None,
    expiry_date: dt.date | None,
    manufacturer: str = "",
    supplier: str = "",
    unit_price: Decimal | None = None,
    reserve_mode: ReserveMode = ReserveMode.GOVERNMENT,
    line_prefix: str = "",
    _retried: bool = False,
) -> Batch:
    """Reuse the batch with this number when its dates agree; refuse a clash with a clear message."""
    explicit = bool(batch_no)
    number = batch_no or auto_batch_no(production_date, expiry_date)
    batch = session.scalar(select(Batch).where(Batch.item_id == item.id, Batch.batch_no == number))
    if batch is not None:
        same = (production_date in (None, batch.production_date)) and (expiry_date in (None, batch.expiry_date))
        if same:
            return batch
        if explicit:
            raise ValidationError(
                msg("{prefix}物资“{item}”的批次“{number}”已存在，但日期不同（已登记：生产 {production}，有效期至 {expiry}）。"
                    "请核对日期，或使用新的批次号。", prefix=line_prefix, item=item.name, number=number,
                    production=batch.production_date or "—", expiry=batch.expiry_date or "—"),

                field=msg("批次号"),
            )
        number = f"{number}-{production_date or ''}-{expiry_date or ''}".rstrip("-")
        existing = session.scalar(select(Batch).where(Batch.item_id == item.id, Batch.batch_no == number))
        if existing is not None:
            return existing
    batch = Batch(
        item_id=item.id,
        batch_no=number,
        production_date=production_date,
        expiry_date=expiry_date,
        manufacturer=manufacturer,
        supplier=supplier,
        unit_price=unit_price,
        reserve_mode=reserve_mode,
    )
    batch.item = item
    try:
        with session.begin_nested():
            session.add(batch)
            session.flush()
    except IntegrityError:
        # server mode: another keeper created this batch number at the same moment; use theirs
        if _retried:
            raise
        return find_or_create_batch(
            session, item, batch_no, production_date=production_date, expiry_date=expiry_date,
            manufacturer=manufacturer, supplier=supplier, unit_price=unit_price, reserve_mode=reserve_mode,
            line_prefix=line_prefix, _retried=True,
        )
    return batch
