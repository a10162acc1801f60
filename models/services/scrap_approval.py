"""报废审批: a scrap request waits for an officer's approval before it touches stock.

A request is a scrap document (报废单) with status *pending*: it has its number and lines but no
movements. Approval by an officer or admin posts it through the ledger (expired goods allowed — they
may only leave a store this way); rejection cancels it. ``scrapping.scrap`` remains for immediate
posting where no approval step is wanted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, InsufficientStockError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.documents import Document, DocumentLine
from models.schema.enums import DocStatus, DocType, Role
from models.schema.maintenance import ScrapDecision, ScrapReason, ScrapRequest
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Store
from models.services import ledger
from models.services.allocation import allocate_batch, is_expired
from models.services.lookup import batch_by_number, item_by_code, store_by_code
from models.services.permissions import require_approver, require_post
from models.services.scrapping import ScrapLine
from models.validation import check_text, parse_quantity

__all__ = ["ScrapLine", "ScrapRequestInfo", "request_scrap", "approve_scrap", "reject_scrap", "list_scrap_requests"]


@dataclass(frozen=True)
class ScrapRequestLine:
    item_code: str
    item_name: str
    spec: str
    unit: str
    batch: str
    expiry_date: dt.date | None
    quantity: Decimal
    unit_price: Decimal | None
    remarks: str


@dataclass(frozen=True)
class ScrapRequestInfo:
    number: str
    store_code: str
    store_name: str
    reason_kind: ScrapReason
    reason: str
    decision: ScrapDecision
    status: DocStatus
    doc_date: dt.date
    requested_by: str
    decided_by: str
    decided_at: dt.datetime | None
    decision_note: str
    lines: tuple[ScrapRequestLine, ...]

    def as_json(self) -> dict:
        return {
            "number": self.number, "store_code": self.store_code, "reason_kind": self.reason_kind.value,
            "reason": self.reason, "decision": self.decision.value, "status": self.status.value,
            "doc_date": self.doc_date.isoformat(),
            "lines": [{"item_code": l.item_code, "batch": l.batch, "quantity": ledger.json_number(l.quantity)}
                      for l in self.lines],
        }


def parse_reason(value: ScrapReason | str) -> ScrapReason:
    labels = {reason.label: reason for reason in ScrapReason}
    if isinstance(value, str) and value in labels:
        return labels[value]
    try:
        return ScrapReason(value)
    except ValueError:
        raise ValidationError(
            msg("报废原因类别“{value}”无效，可选 expired（过期）、damaged（损坏）、failed_inspection（检验不合格）。", value=value),
            field=msg("报废原因类别"),
        ) from None


def request_scrap(
    ctx: ServiceContext,
    store_code: str,
    lines: list[ScrapLine],
    *,
    reason_kind: ScrapReason | str,
    reason: str = "",
    doc_date: dt.date | None = None,
) -> ScrapRequestInfo:
    """File a scrap request (pending 报废单): no stock changes until an officer approves it."""
    with ctx.write() as session:
        store = store_by_code(session, store_code)
        require_post(ctx.actor, store)
        document = create_request(ctx, session, store, lines, reason_kind=reason_kind, reason=reason,
                                  doc_date=doc_date)
        return _info(session, document)


def create_request(
    ctx: ServiceContext,
    session: Session,
    store: Store,
    lines: list[ScrapLine],
    *,
    reason_kind: ScrapReason | str,
    reason: str = "",
    doc_date: dt.date | None = None,
    inspection_id: int | None = None,
) -> Document:
    """The request inside the caller's transaction (also used by a failed inspection)."""
    if not lines:
        raise ValidationError(msg("报废申请至少需要一行物资。"))
    kind = parse_reason(reason_kind)
    reason = check_text(reason, msg("报废说明"), max_length=480) or kind.label
    full_reason = kind.label if reason == kind.label else f"{kind.label}：{reason}"
    document = ledger.new_document(ctx, session, DocType.SCRAP, store, doc_date=doc_date,
                                   status=DocStatus.PENDING, reason=full_reason)
    for index, line in enumerate(lines, start=1):
        try:
            item = item_by_code(session, line.item_code)
            if not line.batch_no:
                raise ValidationError(msg("报废必须指明批次号。"), field=msg("批次号"))
            batch = batch_by_number(session, item, line.batch_no)
            quantity = parse_quantity(line.quantity)
            remarks = check_text(line.remarks, msg("备注"), max_length=500)
        except ValidationError as exc:
            raise type(exc)(msg("第 {index} 行：{message}", index=index, message=exc.chinese), field=exc.field) from None
        _check_requestable(session, store, batch, quantity, index)
        ledger.add_line(document, batch, quantity, remarks=remarks,
                        unit_price=batch.unit_price if batch.unit_price is not None else item.unit_price)
    session.add(ScrapRequest(document_id=document.id, reason_kind=kind, decision=ScrapDecision.PENDING,
                             inspection_id=inspection_id, requested_by_id=ctx.actor.user_id,
                             requested_at=ctx.now()))
    session.flush()
    ledger.audit(ctx, session, "request", "document", document.number, f"报废申请（待审批）：{document.reason}",
                 after=ledger.document_audit_payload(document))
    return document


def _check_requestable(session: Session, store: Store, batch: Batch, quantity: Decimal, index: int) -> None:
    """On hand, less reserved, less what other pending requests already ask for."""
    balance = session.scalar(select(Balance).where(Balance.store_id == store.id, Balance.batch_id == batch.id))
    free = (balance.quantity - balance.reserved) if balance else Decimal(0)
    pending = session.scalar(
        select(func.sum(DocumentLine.quantity))
        .join(Document, Document.id == DocumentLine.document_id)
        .where(Document.doc_type == DocType.SCRAP, Document.status == DocStatus.PENDING,
               Document.store_id == store.id, DocumentLine.batch_id == batch.id)
    ) or Decimal(0)
    if quantity > free - pending:
        item = batch.item
        extra = msg("（另有 {pending}{unit} 已在其他待审批的报废申请中）", pending=ledger.fmt_qty(pending),
                    unit=item.unit) if pending else ""
        raise InsufficientStockError(
            msg("第 {index} 行：储备库“{store}”的“{item}”批次“{batch}”可报废数量只有 {available}{unit}{extra}，"
                "不足 {quantity}{unit}。", index=index, store=store.name, item=item.name, batch=batch.batch_no,
                available=ledger.fmt_qty(max(free - pending, Decimal(0))), unit=item.unit, extra=extra,
                quantity=ledger.fmt_qty(quantity))
        )


def approve_scrap(ctx: ServiceContext, number: str, *, note: str = "") -> ledger.PostedDocument:
    """Approve a pending scrap request: it is posted through the ledger on the approval date."""
    require_approver(ctx.actor)
    note = check_text(note, msg("审批意见"), max_length=500)
    with ctx.write() as session:
        document, request = _pending(session, number)
        store = document.store
        today = ctx.today()
        document.status = DocStatus.POSTED
        document.doc_date = today
        document.posted_at = ctx.now()
        document.approved_by_id = ctx.actor.user_id
        document.approved_at = ctx.now()
        for line in document.lines:
            allocation = allocate_batch(session, store, line.batch, line.quantity, today, allow_expired=True)
            ledger.apply_movement(ctx, session, document, store, allocation.batch, -allocation.quantity)
        request.decision = ScrapDecision.APPROVED
        request.decided_by_id = ctx.actor.user_id
        request.decided_at = ctx.now()
        request.decision_note = note
        session.flush()
        ledger.audit(ctx, session, "approve", "document", document.number,
                     f"批准报废：{document.reason}" + (f"（{note}）" if note else ""),
                     after=ledger.document_audit_payload(document))
        return ledger.posted(document, store)


def reject_scrap(ctx: ServiceContext, number: str, *, reason: str) -> None:
    """Reject a pending scrap request; the document is cancelled and stock is untouched."""
    require_approver(ctx.actor)
    reason = check_text(reason, msg("不予批准的理由"), max_length=500, required=True)
    with ctx.write() as session:
        document, request = _pending(session, number)
        document.status = DocStatus.CANCELLED
        request.decision = ScrapDecision.REJECTED
        request.decided_by_id = ctx.actor.user_id
        request.decided_at = ctx.now()
        request.decision_note = reason
        ledger.audit(ctx, session, "reject", "document", document.number, f"不批准报废：{reason}")


def _pending(session: Session, number: str) -> tuple[Document, ScrapRequest]:
    document = session.scalar(
        select(Document).where(Document.number == number).with_for_update()
        .execution_options(populate_existing=True)
    )
    if document is None:
        raise NotFoundError(msg("没有单号为“{number}”的报废申请。", number=number), field=msg("单号"))
    request = session.scalar(select(ScrapRequest).where(ScrapRequest.document_id == document.id))
    if document.doc_type is not DocType.SCRAP or request is None:
        raise ValidationError(msg("{number} 不是报废申请。", number=number), field=msg("单号"))
    if document.status is not DocStatus.PENDING:
        state = {DocStatus.POSTED: msg("已批准并记账"), DocStatus.CANCELLED: msg("已被驳回")}.get(document.status,
                                                                                     msg("不在待审批状态"))
        raise ConflictError(msg("报废申请 {number} {state}，不能再审批。", number=number, state=state))
    return document, request


def list_scrap_requests(
    ctx: ServiceContext,
    *,
    decision: ScrapDecision | str | None = ScrapDecision.PENDING,
    store_code: str | None = None,
) -> list[ScrapRequestInfo]:
    """Scrap requests (default: those awaiting approval); keepers see their own stores only."""
    with ctx.read() as session:
        stmt = (select(Document).join(ScrapRequest, ScrapRequest.document_id == Document.id)
                .order_by(Document.doc_date, Document.id))
        if decision:
            stmt = stmt.where(ScrapRequest.decision == ScrapDecision(decision))
        if store_code:
            stmt = stmt.where(Document.store_id == store_by_code(session, store_code).id)
        if ctx.actor.role is Role.KEEPER:
            stmt = stmt.where(Document.store_id.in_(ctx.actor.store_ids or {-1}))
        return [_info(session, document) for document in session.scalars(stmt)]


def scrap_request(ctx: ServiceContext, number: str) -> ScrapRequestInfo:
    with ctx.read() as session:
        document = session.scalar(select(Document).where(Document.number == number))
        if document is None:
            raise NotFoundError(msg("没有单号为“{number}”的报废申请。", number=number), field=msg("单号"))
        return _info(session, document)


def _info(session: Session, document: Document) -> ScrapRequestInfo:
    from models.schema.users import User

    request = session.scalar(select(ScrapRequest).where(ScrapRequest.document_id == document.id))
    if request is None:
        raise ValidationError(msg("{document_number} 不是报废申请。", document_number=document.number), field=msg("单号"))

    def username(user_id: int | None) -> str:
        user = session.get(User, user_id) if user_id else None
        return (user.display_name or user.username) if user else ""

    return ScrapRequestInfo(
        number=document.number, store_code=document.store.code, store_name=document.store.name,
        reason_kind=request.reason_kind, reason=document.reason, decision=request.decision,
        status=document.status, doc_date=document.doc_date,
        requested_by=username(request.requested_by_id), decided_by=username(request.decided_by_id),
        decided_at=request.decided_at, decision_note=request.decision_note,
        lines=tuple(
            ScrapRequestLine(line.item.code, line.item.name, line.item.spec, line.item.unit,
                             line.batch.batch_no if line.batch else "",
                             line.batch.expiry_date if line.batch else None, line.quantity,
                             line.unit_price, line.remarks)
            for line in document.lines
        ),
    )


def expired_scrap_lines(ctx: ServiceContext, store_code: str) -> list[ScrapLine]:
    """Every expired batch in a store as scrap lines, to prefill a request."""
    today = ctx.today()
    with ctx.read() as session:
        store = store_by_code(session, store_code)
        rows = session.execute(
            select(Batch, Balance.quantity, Balance.reserved)
            .join(Balance, Balance.batch_id == Batch.id)
            .where(Balance.store_id == store.id, Balance.quantity > 0, Balance.expiry_date < today)
            .order_by(Balance.expiry_date, Batch.batch_no)
        ).all()
        return [ScrapLine(batch.item.code, batch.batch_no, quantity - reserved)
                for batch, quantity, reserved in rows
                if quantity > reserved and is_expired(batch.expiry_date, today)]
