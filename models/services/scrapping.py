"""报废: write off named batches (expired, damaged, failed inspection). Expired goods may only
leave a store this way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models.context import ServiceContext
from models.errors import ValidationError
from models.messages import msg
from models.schema.enums import DocType
from models.services import ledger
from models.services.allocation import allocate_batch
from models.services.lookup import batch_by_number, item_by_code, store_by_code
from models.services.permissions import require_post
from models.validation import check_text, parse_quantity


@dataclass
class ScrapLine:
    item_code: str
    batch_no: str
    quantity: Decimal | int | str
    remarks: str = ""


def scrap(
    ctx: ServiceContext,
    store_code: str,
    lines: list[ScrapLine],
    *,
    reason: str,
    doc_date: dt.date | None = None,
) -> ledger.PostedDocument:
    """Post a scrap record (报废单) for named batches, expired ones included."""
    if not lines:
        raise ValidationError(msg("报废单至少需要一行物资。"))
    reason = check_text(reason, msg("报废原因"), max_length=500, required=True)
    with ctx.write() as session:
        store = store_by_code(session, store_code)
        require_post(ctx.actor, store)
        document = ledger.new_document(ctx, session, DocType.SCRAP, store, doc_date=doc_date, reason=reason)
        for index, line in enumerate(lines, start=1):
            try:
                item = item_by_code(session, line.item_code)
                if not line.batch_no:
                    raise ValidationError(msg("报废必须指明批次号。"), field=msg("批次号"))
                batch = batch_by_number(session, item, line.batch_no)
                quantity = parse_quantity(line.quantity)
            except ValidationError as exc:
                raise type(exc)(msg("第 {index} 行：{message}",
                                    index=index, message=exc.chinese), field=exc.field) from None
            allocation = allocate_batch(session, store, batch, quantity, ctx.today(), allow_expired=True)
            ledger.add_line(document, allocation.batch, allocation.quantity,
                            remarks=check_text(line.remarks, msg("备注"), max_length=500))
            ledger.apply_movement(ctx, session, document, store, allocation.batch, -allocation.quantity)
        session.flush()
        ledger.audit(ctx, session, "post", "document", document.number, f"报废：{reason}",
                     after=ledger.document_audit_payload(document))
        return ledger.posted(document, store)
