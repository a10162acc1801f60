"""After approval: issue (also the emergency issue without approval), receipt confirmation,
returns, cancellation and reversal."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, InsufficientStockError, ValidationError
from models.messages import msg
from models.schema.catalog import Item
from models.schema.dispatch import (
    DispatchDocRole,
    DispatchDocument,
    DispatchLine,
    DispatchOrder,
    DispatchReturn,
    DispatchSource,
    DispatchStatus,
    SourceKind,
)
from models.schema.documents import Document
from models.schema.enums import DocType
from models.schema.stock import Batch
from models.schema.warehouse import Store
from models.services import ledger
from models.services.allocation import allocate_fefo
from models.services.lookup import store_by_code
from models.services.permissions import require_approver, require_post
from models.validation import check_text, parse_date, parse_quantity
from models.services.dispatch.records import OrderView, ReceiptCheck
from models.services.dispatch.common import (
    _agreement_candidates,
    _free,
    _in_transaction,
    _issued_batches,
    _line,
    _order,
    _propose_line,
    _require_status,
    _require_writer,
    _snapshot,
    _view,
    fmt,
    joined,
)
from models.services.dispatch.planning import _release


# ---------------------------------------------------------------- issue


def issue(ctx: ServiceContext, number: str, *, doc_date: dt.date | None = None) -> OrderView:
    """出库: post one issue slip per source store, taking the reserved goods earliest expiry first."""
    _require_writer(ctx)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.APPROVED, msg("出库"))
        _issue_order(ctx, session, order, doc_date)
        ledger.audit(ctx, session, "issue", "dispatch", order.number, f"调拨出库 → {order.receiving_unit}",
                     after=_snapshot(order))
        return _view(session, order, ctx)


def emergency_issue(ctx: ServiceContext, number: str, *, instruction: str = "",
                    doc_date: dt.date | None = None) -> OrderView:
    """紧急调拨: issue a draft now on an oral instruction; the approval is owed (overdue after 48 h)."""
    _require_writer(ctx)
    instruction = check_text(instruction, msg("口头指令"), max_length=100)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.DRAFT, msg("紧急出库"))
        order.emergency = True
        if instruction:
            order.reference = instruction
        if _sources_stale(session, order, ctx.today()):
            for line in order.lines:  # stock has moved since the request: propose again
                _propose_line(session, line, order.requesting_area, ctx.today())
        short = [line for line in order.lines if sum((s.quantity for s in line.sources), Decimal(0)) < line.quantity]
        if short:
            raise InsufficientStockError(msg("{shortages}。请减少数量或指定其他来源后再出库。", shortages=joined([
                msg("第 {line_no} 行“{item}”可供调拨的库存只有 {available}{unit}，申请 {requested}{unit}",
                    line_no=line.line_no, item=line.item.name, unit=line.item.unit,
                    available=fmt(sum((s.quantity for s in line.sources), Decimal(0))), requested=fmt(line.quantity))
                for line in short
            ])))
        _issue_order(ctx, session, order, doc_date)
        ledger.audit(ctx, session, "emergency_issue", "dispatch", order.number,
                     f"紧急调拨出库（未审批，{order.reference or '口头指令'}）→ {order.receiving_unit}",
                     after=_snapshot(order))
        return _view(session, order, ctx)


def _sources_stale(session: Session, order: DispatchOrder, as_of: dt.date) -> bool:
    """True when a line lacks sources or a source store or agreement no longer has the free stock
    planned (agreement stock promised to approved orders is not free)."""
    planned: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for line in order.lines:
        if sum((s.quantity for s in line.sources), Decimal(0)) < line.quantity:
            return True
        agreed: dict[int | None, Decimal] = defaultdict(Decimal)
        for source in line.sources:
            if source.kind is SourceKind.STORE:
                planned[(source.store_id, line.item_id)] += source.quantity
            else:
                agreed[source.agreement_line_id] += source.quantity
        if agreed:
            free = {line_id: quantity for line_id, _ref, quantity in _agreement_candidates(session, line.item, as_of)}
            if any(free.get(line_id, Decimal(0)) < quantity for line_id, quantity in agreed.items()):
                return True
    return any(_free(session, session.get(Store, store_id), session.get(Item, item_id), as_of) < quantity
               for (store_id, item_id), quantity in planned.items())


def _issue_order(ctx: ServiceContext, session: Session, order: DispatchOrder, doc_date: dt.date | None) -> None:
    per_store: dict[int, list[tuple[DispatchLine, Decimal, Decimal]]] = defaultdict(list)
    for line in order.lines:
        totals: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
        for source in line.sources:
            if source.kind is SourceKind.STORE:
                totals[source.store_id][0] += source.quantity
                totals[source.store_id][1] += source.reserved
            else:  # agreement stock: the enterprise delivers it; the call-up is recorded on the agreement
                _call_up_agreement(ctx, session, order, source)
                line.issued_quantity = line.issued_quantity + source.quantity
        for store_id, (quantity, reserved) in totals.items():
            per_store[store_id].append((line, quantity, reserved))
    for store_id in sorted(per_store):
        store = session.get(Store, store_id)
        require_post(ctx.actor, store)
        document = ledger.new_document(
            ctx, session, DocType.ISSUE, store, doc_date=doc_date,
            counterparty=order.receiving_unit, purpose=f"调拨单 {order.number}"[:300],
            reason=order.reason, reference=order.number,
        )
        # items in id order, like approvals, so an issue and an approval never wait on each other crosswise
        for line, quantity, reserved in sorted(per_store[store_id], key=lambda entry: entry[0].item_id):
            allocations = allocate_fefo(session, store, line.item, quantity, ctx.today(), use_reserved=reserved)
            taken: dict[int, Decimal] = defaultdict(Decimal)
            for allocation in allocations:
                taken[allocation.batch.id] += allocation.quantity
            _release(session, store, line.item, reserved, taken, ctx.today())
            for allocation in allocations:
                ledger.add_line(document, allocation.batch, allocation.quantity,
                                remarks=f"调拨单第 {line.line_no} 行")
                ledger.apply_movement(ctx, session, document, store, allocation.batch, -allocation.quantity)
            line.issued_quantity = line.issued_quantity + quantity
            for source in line.sources:
                if source.store_id == store_id:
                    source.reserved = Decimal(0)
        session.flush()
        ledger.audit(ctx, session, "post", "document", document.number,
                     f"调拨出库（{order.number}）→ {order.receiving_unit}",
                     after=ledger.document_audit_payload(document))
        order.documents.append(DispatchDocument(document_id=document.id, document=document,
                                                role=DispatchDocRole.ISSUE))
    order.status = DispatchStatus.ISSUED
    order.issued_at = ctx.now()
    order.issued_by_id = ctx.actor.user_id
    session.flush()


def _call_up_agreement(ctx: ServiceContext, session: Session, order: DispatchOrder, source: DispatchSource) -> None:
    from models.services.agreements import record_call_up

    if source.agreement_line_id is None:
        raise ConflictError(msg("调拨单 {order_number} 的协议储备来源“{agreement_ref}”缺少协议物资行，请重新安排来源。",
                                order_number=order.number, agreement_ref=source.agreement_ref))
    record_call_up(ctx, session, source.agreement_line_id, source.quantity, dispatch_order_number=order.number,
                   called_at=ctx.now(), remarks=f"调拨单 {order.number} → {order.receiving_unit}"[:500])


# ---------------------------------------------------------------- receipt and returns


def confirm_receipt(
    ctx: ServiceContext,
    number: str,
    *,
    signed_by: str,
    checks: dict[int, ReceiptCheck] | None = None,
    received_at: dt.datetime | None = None,
    remarks: str = "",
) -> OrderView:
    """签收: the receiver's signature; lines not in ``checks`` arrived in full and undamaged."""
    _require_writer(ctx)
    signed_by = check_text(signed_by, msg("签收人"), max_length=100, required=True)
    remarks = check_text(remarks, msg("签收说明"), max_length=500)
    if received_at is not None and received_at.tzinfo is None:
        raise ValidationError(msg("签收时间缺少时区。"), field=msg("签收时间"))
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.ISSUED, msg("签收"))
        checks = dict(checks or {})
        known = {line.line_no for line in order.lines}
        unknown = sorted(set(checks) - known)
        if unknown:
            raise ValidationError(msg("调拨单 {number} 没有第 {unknown} 行。",
                                      number=number, unknown=unknown[0]), field=msg("行号"))
        for line in order.lines:
            check = checks.get(line.line_no) or ReceiptCheck(line.issued_quantity)
            unit = line.item.unit
            prefix = msg("第 {line_no} 行“{item}”：", line_no=line.line_no, item=line.item.name)
            try:
                received = parse_quantity(check.received, msg("实收数量"), allow_zero=True)
                damaged = parse_quantity(check.damaged, msg("损坏数量"), allow_zero=True)
                note = check_text(check.note, msg("签收说明"), max_length=500)
            except ValidationError as exc:
                raise type(exc)(msg("{prefix}{message}", prefix=prefix, message=exc.chinese), field=exc.field) from None
            if received > line.issued_quantity:
                raise ValidationError(msg("{prefix}实收 {received}{unit} 超过出库数量 {issued}{unit}。", prefix=prefix,
                                          received=fmt(received), unit=unit, issued=fmt(line.issued_quantity)),
                                      field=msg("实收数量"))
            if damaged > received:
                raise ValidationError(msg("{prefix}损坏 {damaged}{unit} 超过实收 {received}{unit}。", prefix=prefix,
                                          damaged=fmt(damaged), unit=unit, received=fmt(received)),
                                      field=msg("损坏数量"))
            line.received_quantity = received
            line.damaged_quantity = damaged
            line.receipt_note = note
        order.received_signed_by = signed_by
        order.received_at = received_at or ctx.now()
        order.receipt_recorded_by_id = ctx.actor.user_id
        order.receipt_remarks = remarks
        order.status = DispatchStatus.RECEIVED
        short = [f"第 {l.line_no} 行短少 {fmt(l.shortfall)}{l.item.unit}" for l in order.lines if l.shortfall]
        damaged_lines = [f"第 {l.line_no} 行损坏 {fmt(l.damaged_quantity)}{l.item.unit}"
                         for l in order.lines if l.damaged_quantity]
        session.flush()
        ledger.audit(ctx, session, "receive", "dispatch", order.number,
                     f"签收人 {signed_by}" + ("；" + "，".join(short + damaged_lines) if short or damaged_lines else ""),
                     after={"lines": [{"line": l.line_no, "received": str(l.received_quantity),
                                       "damaged": str(l.damaged_quantity)} for l in order.lines]})
        return _view(session, order, ctx)


def record_return(
    ctx: ServiceContext,
    number: str,
    line_no: int,
    *,
    good: Decimal | int | str = 0,
    repaired: Decimal | int | str = 0,
    lost: Decimal | int | str = 0,
    store_code: str | None = None,
    returned_on: dt.date | str | None = None,
    note: str = "",
) -> OrderView:
    """回收: returnable goods coming back. Good and repaired goods go back into stock (a 入库单 into the
    store they left, or ``store_code``); lost ones only close the obligation."""
    _require_writer(ctx)
    note = check_text(note, msg("归还说明"), max_length=500)
    good_q = parse_quantity(good, msg("完好数量"), allow_zero=True)
    repaired_q = parse_quantity(repaired, msg("修复数量"), allow_zero=True)
    lost_q = parse_quantity(lost, msg("丢失数量"), allow_zero=True)
    total = good_q + repaired_q + lost_q
    if total <= 0:
        raise ValidationError(msg("归还数量全部为 0，请填写完好、修复或丢失的数量。"), field=msg("归还数量"))
    returned_on = parse_date(returned_on, msg("归还日期")) or ctx.today()
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, (DispatchStatus.ISSUED, DispatchStatus.RECEIVED), msg("登记归还"))
        line = _line(order, line_no)
        item = line.item
        if not line.returnable:
            raise ValidationError(msg("第 {line_no} 行“{item_name}”不是需归还的物资。",
                                      line_no=line_no, item_name=item.name), field=msg("行号"))
        if total > line.outstanding_return:
            raise ValidationError(
                msg("第 {line_no} 行“{item}”待归还只有 {outstanding}{unit}，本次登记 {returned}{unit}，请核对数量。",
                    line_no=line_no, item=item.name, outstanding=fmt(line.outstanding_return), unit=item.unit,
                    returned=fmt(total)), field=msg("归还数量"))
        record = DispatchReturn(returned_on=returned_on, good=good_q, repaired=repaired_q, lost=lost_q,
                                note=note, recorded_by_id=ctx.actor.user_id, recorded_at=ctx.now())
        if good_q + repaired_q > 0:
            record.document = _post_return(ctx, session, order, line, good_q, repaired_q, store_code, returned_on)
        line.returns.append(record)
        line.returned_good += good_q
        line.returned_repaired += repaired_q
        line.returned_lost += lost_q
        session.flush()
        ledger.audit(ctx, session, "return", "dispatch", order.number,
                     f"第 {line_no} 行归还：完好 {fmt(good_q)}，修复 {fmt(repaired_q)}，丢失 {fmt(lost_q)}{item.unit}",
                     after={"line": line_no, "good": str(good_q), "repaired": str(repaired_q), "lost": str(lost_q)})
        return _view(session, order, ctx)


def _post_return(ctx, session, order, line, good_q, repaired_q, store_code, returned_on) -> Document:
    issued = _issued_batches(order).get(line.item_id, [])
    if not issued:
        raise ConflictError(msg("第 {line_no} 行没有从储备库出库的记录，无法退回入库。", line_no=line.line_no))
    if store_code:
        store = store_by_code(session, store_code)
    else:
        store = store_by_code(session, issued[0].store_code)
    from_store = [b for b in issued if b.store_code == store.code] or issued
    batch_no = max(from_store, key=lambda b: b.quantity).batch_no
    batch = session.scalar(select(Batch).where(Batch.item_id == line.item_id, Batch.batch_no == batch_no))
    require_post(ctx.actor, store)
    document = ledger.new_document(
        ctx, session, DocType.RECEIPT, store, doc_date=returned_on, counterparty=order.receiving_unit,
        reference=order.number, remarks=f"调拨单 {order.number} 归还",
    )
    for quantity, label in ((good_q, "完好归还"), (repaired_q, "修复后归还")):
        if quantity > 0:
            ledger.add_line(document, batch, quantity, remarks=label)
            ledger.apply_movement(ctx, session, document, store, batch, quantity)
    session.flush()
    ledger.audit(ctx, session, "post", "document", document.number, f"调拨归还入库（{order.number}）",
                 after=ledger.document_audit_payload(document))
    order.documents.append(DispatchDocument(document_id=document.id, document=document, role=DispatchDocRole.RETURN))
    return document


# ---------------------------------------------------------------- cancel and reverse


def cancel(ctx: ServiceContext, number: str, *, reason: str) -> OrderView:
    """作废 before issue: the reservations are given back."""
    reason = check_text(reason, msg("作废原因"), max_length=500, required=True)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        if not (order.status is DispatchStatus.DRAFT and order.created_by_id == ctx.actor.user_id):
            require_approver(ctx.actor)
        if order.status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED):
            raise ConflictError(msg("调拨单 {number} 已出库，不能作废；如有错误，请冲销该调拨单。", number=number))
        _require_status(order, (DispatchStatus.DRAFT, DispatchStatus.APPROVED), msg("作废"))
        reserved: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
        for line in order.lines:
            for source in line.sources:
                if source.reserved > 0:
                    reserved[(source.store_id, line.item_id)] += source.reserved
                    source.reserved = Decimal(0)
        for store_id, item_id in sorted(reserved):
            _release(session, session.get(Store, store_id), session.get(Item, item_id),
                     reserved[(store_id, item_id)], {}, ctx.today())
        order.status = DispatchStatus.CANCELLED
        order.closed_at = ctx.now()
        order.close_reason = reason
        session.flush()
        ledger.audit(ctx, session, "cancel", "dispatch", order.number, f"作废：{reason}", after=_snapshot(order))
        return _view(session, order, ctx)


def reverse_order(ctx: ServiceContext, number: str, *, reason: str) -> OrderView:
    """冲销 after issue: each issue slip is reversed (goods back into their stores) and the order is
    marked reversed, all in one transaction."""
    from models.services.reversal import reverse

    require_approver(ctx.actor)
    reason = check_text(reason, msg("冲销原因"), max_length=400, required=True)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, (DispatchStatus.ISSUED, DispatchStatus.RECEIVED), msg("冲销"))
        if any(line.returns for line in order.lines):
            raise ConflictError(
                msg("调拨单 {number} 已登记归还，不能整单冲销。如出库有误，请在单据中分别冲销出库单和归还入库单。", number=number)
            )
        bound = _in_transaction(ctx, session)
        for link in [l for l in order.documents if l.role is DispatchDocRole.ISSUE]:
            result = reverse(bound, link.document.number, reason=f"冲销调拨单 {order.number}：{reason}")
            reversal = session.scalar(select(Document).where(Document.number == result.number))
            order.documents.append(DispatchDocument(document_id=reversal.id, document=reversal,
                                                    role=DispatchDocRole.REVERSAL))
        _undo_agreement_call_ups(bound, session, order, reason)
        order.status = DispatchStatus.REVERSED
        order.closed_at = ctx.now()
        order.close_reason = reason
        session.flush()
        ledger.audit(ctx, session, "reverse", "dispatch", order.number, f"冲销：{reason}", after=_snapshot(order))
        return _view(session, order, ctx)


def _undo_agreement_call_ups(ctx: ServiceContext, session: Session, order: DispatchOrder, reason: str) -> None:
    """A reversed order did not take the agreement stock it called up: each of its call-ups still
    outstanding is settled by a 补库 record, so the agreement's available quantity is restored."""
    from models.schema.agreements import AgreementCallUp
    from models.services.agreements import replenish

    calls = session.scalars(
        select(AgreementCallUp).where(AgreementCallUp.dispatch_order_number == order.number)
        .order_by(AgreementCallUp.id).with_for_update()
    ).all()
    for call in calls:
        outstanding = call.quantity - sum((r.quantity for r in call.replenishments), Decimal(0))
        if outstanding > 0:
            replenish(ctx, call.id, outstanding, replenished_at=max(ctx.now(), call.called_at),
                      remarks=f"冲销调拨单 {order.number}：{reason}"[:500])
