"""出库: issue goods from a store, earliest expiry first unless the keeper names a batch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ValidationError
from models.messages import msg
from models.schema.enums import DocType
from models.schema.warehouse import Store
from models.services import ledger
from models.services.allocation import Allocation, allocate_batch, allocate_fefo
from models.services.lookup import batch_by_number, item_by_code, store_by_code
from models.services.permissions import require_post
from models.validation import check_text, parse_quantity


@dataclass
class IssueLine:
    item_code: str
    quantity: Decimal | int | str
    batch_no: str = ""  # empty: earliest expiry first
    remarks: str = ""


def issue(
    ctx: ServiceContext,
    store_code: str,
    lines: list[IssueLine],
    *,
    receiver: str,
    purpose: str = "",
    reference: str = "",
    doc_date: dt.date | None = None,
    remarks: str = "",
) -> ledger.PostedDocument:
    """Post one issue slip (出库单). Refused whole if any line lacks usable stock."""
    if not lines:
        raise ValidationError(msg("出库单至少需要一行物资。"))
    receiver = check_text(receiver, msg("领用单位"), max_length=300, required=True)
    purpose = check_text(purpose, msg("用途"), max_length=300)
    reference = check_text(reference, msg("依据文号"), max_length=100)
    remarks = check_text(remarks, msg("备注"), max_length=2000)
    with ctx.write() as session:
        store = store_by_code(session, store_code)
        require_post(ctx.actor, store)
        document = ledger.new_document(
            ctx, session, DocType.ISSUE, store, doc_date=doc_date,
            counterparty=receiver, purpose=purpose, reference=reference, remarks=remarks,
        )
        for index, line in enumerate(lines, start=1):
            for allocation in plan_line(ctx, session, store, line, index):
                ledger.add_line(document, allocation.batch, allocation.quantity,
                                remarks=check_text(line.remarks, msg("备注"), max_length=500))
                ledger.apply_movement(ctx, session, document, store, allocation.batch, -allocation.quantity)
        session.flush()
        ledger.audit(ctx, session, "post", "document", document.number, f"出库 → {receiver}",
                     after=ledger.document_audit_payload(document))
        return ledger.posted(document, store)


def plan_line(ctx: ServiceContext, session: Session, store: Store, line: IssueLine, index: int) -> list[Allocation]:
    """The batches one outbound line takes (shared by issues and transfer shipments)."""
    try:
        item = item_by_code(session, line.item_code)
        quantity = parse_quantity(line.quantity)
        if line.batch_no:
            batch = batch_by_number(session, item, line.batch_no)
            return [allocate_batch(session, store, batch, quantity, ctx.today(), allow_expired=False)]
        return allocate_fefo(session, store, item, quantity, ctx.today())
    except ValidationError as exc:
        raise type(exc)(msg("第 {index} 行：{message}", index=index, message=exc.chinese), field=exc.field) from None


def preview_issue(ctx: ServiceContext, store_code: str, item_code: str, quantity: Decimal) -> list[Allocation]:
    """What an issue would take, for the dialog to show before the keeper confirms. Changes nothing."""
    with ctx.read() as session:
        store = store_by_code(session, store_code)
        item = item_by_code(session, item_code)
        return allocate_fefo(session, store, item, parse_quantity(quantity), ctx.today())
