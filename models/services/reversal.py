"""冲销: correct a posted document with a new one that undoes its movements; the original stays."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from models.context import ServiceContext
from models.errors import ConflictError
from models.messages import msg
from models.schema.documents import Document, Transfer
from models.schema.enums import DocStatus, DocType, TransferStatus
from models.schema.stock import Movement
from models.services import ledger
from models.services.lookup import document_by_number
from models.services.permissions import require_post
from models.services.transfers import transfer_status
from models.validation import check_text


def reverse(ctx: ServiceContext, number: str, *, reason: str) -> ledger.PostedDocument:
    """Post a reversal (冲销单) of document ``number``. Refused if it would drive stock negative."""
    reason = check_text(reason, msg("冲销原因"), max_length=500, required=True)
    with ctx.write() as session:
        original = document_by_number(session, number)
        _check_reversible(session, original)
        store = original.store
        require_post(ctx.actor, store)
        reversal = ledger.new_document(
            ctx, session, DocType.REVERSAL, store,
            reverses_id=original.id, reason=reason, reference=original.number,
            counterparty=original.counterparty, transfer_id=original.transfer_id,
        )
        movements = session.scalars(
            select(Movement).where(Movement.document_id == original.id).order_by(Movement.id)
        ).all()
        for movement in movements:
            ledger.add_line(reversal, movement.batch, abs(movement.delta),
                            remarks="冲销 " + ("入" if movement.delta > 0 else "出"))
            ledger.apply_movement(ctx, session, reversal, movement.store, movement.batch, -movement.delta)
        if original.transfer_id is not None:
            _undo_transfer_effect(session, original, movements)
        session.flush()
        ledger.audit(ctx, session, "reverse", "document", reversal.number,
                     f"冲销 {original.number}（{reversal.number}）：{reason}",
                     before={"number": original.number}, after=ledger.document_audit_payload(reversal))
        return ledger.posted(reversal, store)


def _check_reversible(session, original: Document) -> None:
    if original.doc_type is DocType.REVERSAL:
        raise ConflictError(msg("{number} 本身是冲销单，不能再冲销。如冲销有误，请重新录入正确的单据。", number=original.number))
    if original.status is not DocStatus.POSTED:
        raise ConflictError(msg("{number} 尚未记账，不需要冲销。", number=original.number))
    existing = session.scalar(select(Document.number).where(Document.reverses_id == original.id))
    if existing:
        raise ConflictError(msg("{number} 已被 {existing} 冲销，不能重复冲销。", number=original.number, existing=existing))
    if original.doc_type is DocType.TRANSFER_OUT:
        transfer = session.get(Transfer, original.transfer_id)
        if any(line.received > 0 for line in transfer.lines):
            raise ConflictError(
                msg("调拨单 {number} 已有收货，请先冲销对方的调拨入库单，再冲销发出单。", number=transfer.number)
            )


def _undo_transfer_effect(session, original: Document, movements: list[Movement]) -> None:
    transfer = session.get(Transfer, original.transfer_id, with_for_update=True, populate_existing=True)
    if original.doc_type is DocType.TRANSFER_OUT:
        transfer.status = TransferStatus.CANCELLED
        return
    received = defaultdict(Decimal)
    for movement in movements:
        received[movement.batch_id] += movement.delta
    for line in transfer.lines:
        take = min(received[line.batch_id], line.received)
        line.received -= take
        received[line.batch_id] -= take
    transfer.status = transfer_status(transfer)
