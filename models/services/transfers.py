"""调拨 between stores: ship (goods leave the source and are in transit), then receive at the
destination, possibly in parts; what has not arrived stays visible in transit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.documents import Transfer, TransferLine
from models.schema.enums import DocType, TransferStatus
from models.services import ledger
from models.services.issuing import IssueLine, plan_line
from models.services.lookup import store_by_code
from models.services.permissions import require_post
from models.validation import check_text, parse_quantity


@dataclass(frozen=True)
class InTransitLine:
    transfer_number: str
    from_store: str
    to_store: str
    item_code: str
    item_name: str
    unit: str
    batch: str
    shipped: Decimal
    received: Decimal

    @property
    def in_transit(self) -> Decimal:
        return self.shipped - self.received


def ship_transfer(
    ctx: ServiceContext,
    from_store_code: str,
    to_store_code: str,
    lines: list[IssueLine],
    *,
    reference: str = "",
    remarks: str = "",
    doc_date: dt.date | None = None,
) -> ledger.PostedDocument:
    """Post the outbound half of a transfer; the goods are then in transit."""
    if not lines:
        raise ValidationError(msg("调拨单至少需要一行物资。"))
    reference = check_text(reference, msg("依据文号"), max_length=100)
    remarks = check_text(remarks, msg("备注"), max_length=2000)
    with ctx.write() as session:
        source = store_by_code(session, from_store_code)
        target = store_by_code(session, to_store_code)
        if source.id == target.id:
            raise ValidationError(msg("调出库和调入库不能是同一个储备库。"), field=msg("调入库"))
        require_post(ctx.actor, source)
        document = ledger.new_document(
            ctx, session, DocType.TRANSFER_OUT, source, doc_date=doc_date,
            counterparty=target.name, reference=reference, remarks=remarks,
        )
        transfer = Transfer(
            number=document.number, from_store_id=source.id, to_store_id=target.id,
            status=TransferStatus.IN_TRANSIT, shipped_at=ctx.now(), created_by_id=ctx.actor.user_id,
        )
        session.add(transfer)
        session.flush()
        document.transfer_id = transfer.id
        for index, line in enumerate(lines, start=1):
            for allocation in plan_line(ctx, session, source, line, index):
                ledger.add_line(document, allocation.batch, allocation.quantity)
                ledger.apply_movement(ctx, session, document, source, allocation.batch, -allocation.quantity)
                transfer.lines.append(TransferLine(
                    item_id=allocation.batch.item_id, batch_id=allocation.batch.id,
                    shipped=allocation.quantity, received=Decimal(0),
                ))
        session.flush()
        ledger.audit(ctx, session, "post", "document", document.number, f"调拨发出 → {target.name}",
                     after=ledger.document_audit_payload(document))
        return ledger.posted(document, source, transfer.number)


def receive_transfer(
    ctx: ServiceContext,
    transfer_number: str,
    quantities: dict[tuple[str, str], Decimal | int | str] | None = None,
    *,
    remarks: str = "",
    doc_date: dt.date | None = None,
) -> ledger.PostedDocument:
    """Post the inbound half. ``quantities`` maps (item code, batch) to the quantity that arrived;
    ``None`` receives everything still in transit."""
    remarks = check_text(remarks, msg("备注"), max_length=2000)
    with ctx.write() as session:
        transfer = session.scalar(
            select(Transfer).where(Transfer.number == transfer_number).with_for_update()
            .execution_options(populate_existing=True)
        )
        if transfer is None:
            raise NotFoundError(msg("没有单号为“{number}”的调拨单。", number=transfer_number), field=msg("调拨单号"))
        if transfer.status in (TransferStatus.RECEIVED, TransferStatus.CANCELLED):
            raise ConflictError(
                msg("调拨单 {number} 已全部收货，不能再收货。", number=transfer_number)
                if transfer.status is TransferStatus.RECEIVED else
                msg("调拨单 {number} 已撤销，不能再收货。", number=transfer_number)
            )
        target = transfer.to_store
        require_post(ctx.actor, target)
        wanted = _received_quantities(transfer, quantities)
        if not any(wanted.values()):
            raise ValidationError(msg("本次收货数量全部为 0，请至少填写一行实收数量。"))
        document = ledger.new_document(
            ctx, session, DocType.TRANSFER_IN, target, doc_date=doc_date,
            counterparty=transfer.from_store.name, reference=transfer.number,
            remarks=remarks, transfer_id=transfer.id,
        )
        for line in transfer.lines:
            quantity = wanted.get(line.id, Decimal(0))
            if quantity <= 0:
                continue
            ledger.add_line(document, line.batch, quantity)
            ledger.apply_movement(ctx, session, document, target, line.batch, quantity)
            line.received = line.received + quantity
        transfer.status = transfer_status(transfer)
        session.flush()
        ledger.audit(ctx, session, "post", "document", document.number, f"调拨收货 ← {transfer.from_store.name}",
                     after=ledger.document_audit_payload(document))
        return ledger.posted(document, target, transfer.number)


def transfer_status(transfer: Transfer) -> TransferStatus:
    received = sum((line.received for line in transfer.lines), Decimal(0))
    outstanding = sum((line.in_transit for line in transfer.lines), Decimal(0))
    if outstanding == 0 and received > 0:
        return TransferStatus.RECEIVED
    if outstanding == 0:
        return TransferStatus.CANCELLED
    return TransferStatus.PARTIAL if received > 0 else TransferStatus.IN_TRANSIT


def _received_quantities(transfer: Transfer, quantities) -> dict[int, Decimal]:
    if quantities is None:
        return {line.id: line.in_transit for line in transfer.lines}
    result: dict[int, Decimal] = {}
    remaining = {key: parse_quantity(value, msg("实收数量"), allow_zero=True) for key, value in quantities.items()}
    known = {(line.item.code, line.batch.batch_no) for line in transfer.lines}
    for key in remaining:
        if key not in known:
            raise ValidationError(msg("调拨单 {number} 中没有物资 {item_code} 批次 {batch_no}。",
                                      number=transfer.number, item_code=key[0], batch_no=key[1])
)
    for line in transfer.lines:
        key = (line.item.code, line.batch.batch_no)
        quantity = remaining.get(key, Decimal(0))
        if quantity > line.in_transit:
            raise ValidationError(
                msg("“{item}”批次 {batch_no} 在途只有 {in_transit}{unit}，实收 {quantity} 超过在途数量。",
                    item=line.item.name, batch_no=line.batch.batch_no, in_transit=ledger.fmt_qty(line.in_transit),
                    unit=line.item.unit, quantity=ledger.fmt_qty(quantity))

            )
        result[line.id] = quantity
    return result


def in_transit(ctx: ServiceContext, store_code: str | None = None) -> list[InTransitLine]:
    """Goods shipped and not yet received, optionally for transfers from or to one store."""
    with ctx.read() as session:
        stmt = select(Transfer).where(Transfer.status.in_([TransferStatus.IN_TRANSIT, TransferStatus.PARTIAL]))
        if store_code:
            store = store_by_code(session, store_code)
            stmt = stmt.where((Transfer.from_store_id == store.id) | (Transfer.to_store_id == store.id))
        result = []
        for transfer in session.scalars(stmt.order_by(Transfer.id)):
            for line in transfer.lines:
                if line.in_transit > 0:
                    result.append(InTransitLine(
                        transfer.number, transfer.from_store.code, transfer.to_store.code,
                        line.item.code, line.item.name, line.item.unit, line.batch.batch_no,
                        line.shipped, line.received,
                    ))
        return result
