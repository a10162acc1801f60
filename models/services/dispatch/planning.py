"""Requests, their sources, and approval: reservations in ``Balance.reserved`` under row locks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, InsufficientStockError, ValidationError
from models.messages import msg
from models.schema.catalog import Item
from models.schema.dispatch import DispatchLine, DispatchOrder, DispatchSource, DispatchStatus, SourceKind
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Store
from models.services import ledger
from models.services.allocation import is_expired
from models.services.lookup import area_by_code, store_by_code
from models.services.permissions import require_approver
from models.validation import check_text, parse_date, parse_quantity
from models.services.dispatch.records import DispatchRequest, OrderView, SourceInput
from models.services.dispatch.common import (
    _agreement_promised,
    _line,
    _line_inputs,
    _next_order_number,
    _order,
    _propose_line,
    _require_status,
    _require_writer,
    _snapshot,
    _view,
    fmt,
    joined,
)


# ---------------------------------------------------------------- request and sources


def create_request(ctx: ServiceContext, request: DispatchRequest) -> OrderView:
    """Record a request (申请) as a draft order and propose its sources."""
    _require_writer(ctx)
    texts = {
        "requesting_unit": check_text(request.requesting_unit, msg("申请单位"), max_length=200, required=True),
        "receiving_unit": check_text(request.receiving_unit, msg("接收单位"), max_length=200, required=True),
        "place": check_text(request.place, msg("送达地点"), max_length=300),
        "receiver_contact": check_text(request.receiver_contact, msg("接收方联系人"), max_length=100),
        "receiver_phone": check_text(request.receiver_phone, msg("接收方电话"), max_length=50),
        "sender_contact": check_text(request.sender_contact, msg("调出方联系人"), max_length=100),
        "sender_phone": check_text(request.sender_phone, msg("调出方电话"), max_length=50),
        "reason": check_text(request.reason, msg("调拨事由"), max_length=500, required=True),
        "reference": check_text(request.reference, msg("指令文号"), max_length=100),
        "vehicle": check_text(request.vehicle, msg("车辆"), max_length=100),
        "escort": check_text(request.escort, msg("押运人"), max_length=100),
        "remarks": check_text(request.remarks, msg("备注"), max_length=2000),
    }
    if request.needed_by is not None and request.needed_by.tzinfo is None:
        raise ValidationError(msg("需用时间缺少时区，请使用带时区的时间。"), field=msg("需用时间"))
    order_date = request.order_date or ctx.today()
    default_due = parse_date(request.due_back_date, msg("归还日期"))
    with ctx.write() as session:
        area = area_by_code(session, request.requesting_area_code) if request.requesting_area_code else None
        order = DispatchOrder(
            number=_next_order_number(session, order_date.year), status=DispatchStatus.DRAFT,
            emergency=bool(request.emergency), requesting_area_id=area.id if area else None,
            needed_by=request.needed_by, order_date=order_date, created_by_id=ctx.actor.user_id,
            created_at=ctx.now(), **texts,
        )
        order.lines = _line_inputs(session, request.lines, default_due, order_date)
        session.add(order)
        session.flush()
        for line in order.lines:
            _propose_line(session, line, area, ctx.today())
        session.flush()
        ledger.audit(ctx, session, "create", "dispatch", order.number,
                     f"调拨申请：{order.requesting_unit} → {order.receiving_unit}"
                     + ("（紧急）" if order.emergency else ""), after=_snapshot(order))
        return _view(session, order, ctx)


def propose_sources(ctx: ServiceContext, number: str) -> OrderView:
    """Propose the sources of a draft again (stock has changed since the request)."""
    _require_writer(ctx)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.DRAFT, msg("重新安排来源"))
        for line in order.lines:
            _propose_line(session, line, order.requesting_area, ctx.today())
        session.flush()
        ledger.audit(ctx, session, "propose", "dispatch", order.number, "重新安排调拨来源")
        return _view(session, order, ctx)


def set_sources(ctx: ServiceContext, number: str, line_no: int, sources: list[SourceInput]) -> OrderView:
    """The officer's choice of stores for one line of a draft (agreement sources are kept)."""
    _require_writer(ctx)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.DRAFT, msg("修改来源"))
        line = _line(order, line_no)
        chosen: list[DispatchSource] = []
        for index, entry in enumerate(sources, start=1):
            store = store_by_code(session, entry.store_code)
            quantity = parse_quantity(entry.quantity, msg("来源 {index} 的数量", index=index))
            chosen.append(DispatchSource(kind=SourceKind.STORE, store_id=store.id, store=store, quantity=quantity,
                                         reserved=Decimal(0)))
        kept = [s for s in line.sources if s.kind is SourceKind.AGREEMENT]
        total = sum((s.quantity for s in chosen + kept), Decimal(0))
        if total > line.quantity:
            raise ValidationError(
                msg("第 {line_no} 行“{item}”各来源合计 {total}{unit}，超过申请数量 {requested}{unit}，请减少来源数量。",
                    line_no=line_no, item=line.item.name, total=fmt(total), unit=line.item.unit,
                    requested=fmt(line.quantity)), field=msg("来源"))
        line.sources[:] = kept + chosen
        session.flush()
        ledger.audit(ctx, session, "sources", "dispatch", order.number, f"修改第 {line_no} 行来源",
                     after={"line": line_no, "sources": [(s.store.code if s.store else s.agreement_ref,
                                                          str(s.quantity)) for s in line.sources]})
        return _view(session, order, ctx)


# ---------------------------------------------------------------- approval and reservation


def approve(ctx: ServiceContext, number: str, *, note: str = "") -> OrderView:
    """审批: record the approver and reserve the goods; for an emergency order already issued, record
    the approval that was owed."""
    require_approver(ctx.actor)
    note = check_text(note, msg("审批意见"), max_length=500)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        if order.approval_owed and order.status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED):
            summary = f"补办审批（紧急调拨，已于 {order.issued_at:%Y-%m-%d %H:%M} UTC 出库）"
        else:
            if order.approved_at is not None and order.status in (
                    DispatchStatus.APPROVED, DispatchStatus.ISSUED, DispatchStatus.RECEIVED):
                raise ConflictError(msg("调拨单 {number} 已于 {approved_at} UTC 审批，不需要再次审批。",
                                        number=number, approved_at=f"{order.approved_at:%Y-%m-%d %H:%M}"))
            _require_status(order, DispatchStatus.DRAFT, msg("审批"))
            _reserve_order(session, order, ctx.today())
            order.status = DispatchStatus.APPROVED
            summary = "审批并预留库存"
        order.approved_by_id = ctx.actor.user_id
        order.approved_at = ctx.now()
        order.approval_note = note
        session.flush()
        ledger.audit(ctx, session, "approve", "dispatch", order.number, summary, after=_snapshot(order))
        return _view(session, order, ctx)


def _reserve_order(session: Session, order: DispatchOrder, as_of: dt.date) -> None:
    _lock_agreement_lines(session, order)
    shortages: list[str] = []  # msg() texts, joined translatably
    wanted: dict[tuple[int, int], tuple[DispatchLine, Decimal]] = {}
    for line in order.lines:
        item = line.item
        planned = sum((s.quantity for s in line.sources), Decimal(0))
        if planned < line.quantity:
            shortages.append(
                msg("第 {line_no} 行“{item}”只安排了 {planned}{unit} 的来源，申请 {requested}{unit}，缺 {missing}{unit}",
                    line_no=line.line_no, item=item.name, planned=fmt(planned), unit=item.unit,
                    requested=fmt(line.quantity), missing=fmt(line.quantity - planned))
            )
        for source in line.sources:
            if source.kind is SourceKind.STORE:
                key = (source.store_id, line.item_id)
                previous = wanted.get(key, (line, Decimal(0)))[1]
                wanted[key] = (line, previous + source.quantity)
    # lock in one global order (store, item) so two approvals never wait on each other crosswise
    for store_id, item_id in sorted(wanted):
        line, quantity = wanted[(store_id, item_id)]
        store = session.get(Store, store_id)
        placed, shortage = _reserve(session, store, line.item, quantity, as_of)
        if shortage:
            shortages.append(msg("第 {line_no} 行{shortage}", line_no=line.line_no, shortage=shortage))
            continue
        line.sources[:] = [s for s in line.sources if not (s.kind is SourceKind.STORE and s.store_id == store_id)]
        for batch, take in placed:
            line.sources.append(DispatchSource(kind=SourceKind.STORE, store_id=store.id, store=store,
                                               batch_id=batch.id, batch=batch, quantity=take, reserved=take))
    shortages += _agreement_shortages(session, order, as_of)
    if shortages:
        raise InsufficientStockError(
            msg("调拨单 {number} 不能审批，库存不足：{shortages}。请改由其他储备库或协议储备供应，或减少数量后再审批。",
                number=order.number, shortages=joined(shortages))
        )


def _lock_agreement_lines(session: Session, order: DispatchOrder) -> None:
    """Lock the agreement lines the order draws on, in id order and before any store balance (issue
    calls up agreement lines before it takes store stock), so two approvals promising the same
    agreement stock run one after the other."""
    from models.schema.agreements import AgreementLine

    ids = sorted({s.agreement_line_id for line in order.lines for s in line.sources
                  if s.kind is SourceKind.AGREEMENT and s.agreement_line_id is not None})
    if ids:
        session.execute(select(AgreementLine.id).where(AgreementLine.id.in_(ids))
                        .order_by(AgreementLine.id).with_for_update())


def _agreement_shortages(session: Session, order: DispatchOrder, as_of: dt.date) -> list[str]:
    """Agreement stock is called up only at issue (the enterprise holds it); approval checks it is
    still available less what other approved, not yet issued orders have promised from it."""
    from models.services.agreements import available_agreement_lines

    shortages = []
    for line in order.lines:
        sources = [s for s in line.sources if s.kind is SourceKind.AGREEMENT]
        if not sources:
            continue
        available = {entry.line_id: Decimal(entry.available)
                     for entry in available_agreement_lines(session, line.item_id, as_of)}
        promised = _agreement_promised(session, available)
        wanted: dict[int | None, Decimal] = {}
        refs: dict[int | None, str] = {}
        for source in sources:
            wanted[source.agreement_line_id] = wanted.get(source.agreement_line_id, Decimal(0)) + source.quantity
            refs.setdefault(source.agreement_line_id, source.agreement_ref)
        unit = line.item.unit
        for line_id, quantity in wanted.items():
            other = promised.get(line_id, Decimal(0))
            free = max(available.get(line_id, Decimal(0)) - other, Decimal(0))
            if free < quantity:
                extra = msg("（另有 {other}{unit} 已被其他调拨单预留）", other=fmt(other), unit=unit) if other else ""
                shortages.append(
                    msg("第 {line_no} 行“{item}”：协议储备 {agreement} 目前可动用 {free}{unit}{extra}，本单需要 {quantity}{unit}",
                        line_no=line.line_no, item=line.item.name, agreement=refs[line_id], free=fmt(free), unit=unit,
                        extra=extra, quantity=fmt(quantity))
                )
    return shortages


def _reserve(session: Session, store: Store, item: Item, quantity: Decimal, as_of: dt.date):
    """Increase ``Balance.reserved`` earliest expiry first, under row locks. Returns the placements, or
    a description of what is short."""
    balances = session.scalars(
        select(Balance).join(Batch, Batch.id == Balance.batch_id)
        .where(Balance.store_id == store.id, Balance.item_id == item.id, Balance.quantity > 0)
        .order_by(Balance.expiry_date.is_(None), Balance.expiry_date, Batch.production_date, Batch.id)
        .with_for_update(of=Balance).execution_options(populate_existing=True)
    ).all()
    usable = [b for b in balances if not is_expired(b.expiry_date, as_of)]
    free = sum((b.quantity - b.reserved for b in usable), Decimal(0))
    if free < quantity:
        promised = sum((b.reserved for b in usable), Decimal(0))
        expired = sum((b.quantity for b in balances if is_expired(b.expiry_date, as_of)), Decimal(0))
        notes = []
        if promised:
            notes.append(msg("另有 {promised}{unit} 已被其他调拨单预留", promised=fmt(promised), unit=item.unit))
        if expired:
            notes.append(msg("另有已过期 {expired}{unit}", expired=fmt(expired), unit=item.unit))
        extra = msg("（{notes}）", notes=joined(notes, "，")) if notes else ""
        return [], msg("“{item}”：储备库“{store}”可用 {free}{unit}{extra}，本单需要 {quantity}{unit}，缺 {missing}{unit}",
                       item=item.name, store=store.name, free=fmt(free), unit=item.unit, extra=extra,
                       quantity=fmt(quantity), missing=fmt(quantity - free))
    placed, remaining = [], quantity
    for balance in usable:
        take = min(balance.quantity - balance.reserved, remaining)
        if take <= 0:
            continue
        balance.reserved = balance.reserved + take
        placed.append((balance.batch, take))
        remaining -= take
        if remaining <= 0:
            break
    return placed, ""


def _release(session: Session, store: Store, item: Item, amount: Decimal, taken: dict[int, Decimal],
             as_of: dt.date) -> None:
    """Give back ``amount`` of reservation for (store, item), where ``taken`` (batch id → quantity) is
    about to leave the store. Reservations count per store and item, so whichever batches the issue
    took, what stays reserved still fits into what stays on the shelf."""
    if amount <= 0:
        return
    balances = session.scalars(
        select(Balance).where(Balance.store_id == store.id, Balance.item_id == item.id, Balance.quantity > 0)
        .with_for_update().execution_options(populate_existing=True)
    ).all()
    left = amount
    for balance in balances:
        after = balance.quantity - taken.get(balance.batch_id, Decimal(0))
        if balance.reserved > after:
            left -= balance.reserved - after
            balance.reserved = after
    # expired reservations first (they cannot be issued), then the latest expiry
    def order_key(balance: Balance):
        return (not is_expired(balance.expiry_date, as_of), -(balance.expiry_date.toordinal() if balance.expiry_date else 10**7))

    for balance in sorted(balances, key=order_key):
        if left <= 0:
            break
        cut = min(balance.reserved, left)
        balance.reserved = balance.reserved - cut
        left -= cut
    if left != 0:
        raise ConflictError(
            msg("储备库“{store_name}”中“{item_name}”的预留数量与调拨单记录不一致，请先运行自检（reserve-keeper verify）。",
                store_name=store.name, item_name=item.name)
        )
    session.flush()
