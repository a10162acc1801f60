"""动用 and 补库: calling up agreement stock (usually from a dispatch order) and the enterprise
restoring it afterwards.

A call-up may not exceed the line's available quantity that day (``availability``) and gets a
response deadline from the agreement's response hours.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.agreements import AgreementCallUp, AgreementLine, AgreementReplenishment, AgreementState
from models.services import ledger
from models.services.agreements.availability import _availability, _local_date
from models.services.agreements.records import ZERO, CallUpRow
from models.services.agreements.terms import agreement_by_number
from models.services.permissions import require_approver
from models.validation import check_text, parse_quantity


def record_call_up(ctx: ServiceContext, session: Session, line_id: int, quantity: Decimal | str | int, *,
                   dispatch_order_number: str = "", called_at: dt.datetime | None = None,
                   remarks: str = "") -> AgreementCallUp:
    """动用 inside the caller's transaction (the dispatch service posts an order and calls this).

    The caller checks permissions: issuing an approved dispatch order may be a keeper's job."""
    line = session.get(AgreementLine, line_id, with_for_update=True)
    if line is None:
        raise NotFoundError(msg("没有编号为 {line_id} 的协议物资行。", line_id=line_id), field=msg("协议物资"))
    agreement = line.agreement
    moment = called_at or ctx.now()
    if moment.tzinfo is None:
        raise ValidationError(msg("动用时间必须带时区。"), field=msg("动用时间"))
    day = _local_date(moment)
    if agreement.state is not AgreementState.ACTIVE or not agreement.start_date <= day <= agreement.end_date:
        raise ConflictError(
            msg("协议“{agreement_number}”在 {day} 不在有效期内（状态“{label}”，期限 {start_date} 至 {end_date}），不能动用。",
                agreement_number=agreement.number, day=day, label=agreement.effective_state(day).label,
                start_date=agreement.start_date, end_date=agreement.end_date))
    amount = parse_quantity(quantity, msg("动用数量"))
    available = _availability(session, [line.id], day)[line.id]
    if amount > available:
        raise ConflictError(
            msg("协议“{agreement_number}”的“{item_name}”目前可动用 {available}{item_unit}，不足 {amount}{item_unit}。"
                "请减少数量或另选协议。", agreement_number=agreement.number, item_name=line.item.name,
                available=ledger.fmt_qty(available), item_unit=line.item.unit, amount=ledger.fmt_qty(amount)),
            field=msg("动用数量"))
    order = check_text(dispatch_order_number, msg("调拨单号"), max_length=60)
    hours = agreement.response_hours
    call_up = AgreementCallUp(
        line=line, quantity=amount, dispatch_order_number=order, called_at=moment,
        response_deadline=moment + dt.timedelta(hours=hours) if hours else None,
        remarks=check_text(remarks, msg("备注"), max_length=500), created_by_id=ctx.actor.user_id,
    )
    session.add(call_up)
    session.flush()
    ledger.audit(ctx, session, "call_up", "agreement", agreement.number,
                 f"动用协议 {agreement.number} 的 {line.item.name} {ledger.fmt_qty(amount)}{line.item.unit}"
                 + (f"（调拨单 {order}）" if order else ""),
                 after={"item": line.item.code, "quantity": str(amount), "dispatch_order": order,
                        "deadline": call_up.response_deadline.isoformat() if call_up.response_deadline else None})
    return call_up


def call_up(ctx: ServiceContext, number: str, item_code: str, quantity: Decimal | str | int, *,
            dispatch_order_number: str = "", called_at: dt.datetime | None = None, remarks: str = "") -> CallUpRow:
    """动用 from an agreement line by agreement number and item code; returns the call-up with its
    response deadline (called at + response hours)."""
    require_approver(ctx.actor)
    with ctx.write() as session:
        agreement = agreement_by_number(session, number)
        line = next((line for line in agreement.lines if line.item.code == item_code), None)
        if line is None:
            raise NotFoundError(msg("协议“{number}”中没有物资“{item_code}”。",
                                    number=number, item_code=item_code), field=msg("物资编码"))
        row = record_call_up(ctx, session, line.id, quantity, dispatch_order_number=dispatch_order_number,
                             called_at=called_at, remarks=remarks)
        return _call_up_row(row)


def replenish(ctx: ServiceContext, call_up_id: int, quantity: Decimal | str | int, *,
              replenished_at: dt.datetime | None = None, remarks: str = "") -> Decimal:
    """补库: the enterprise restores (part of) a call-up; returns what is still outstanding."""
    require_approver(ctx.actor)
    amount = parse_quantity(quantity, msg("补库数量"))
    with ctx.write() as session:
        call = session.get(AgreementCallUp, call_up_id, with_for_update=True)
        if call is None:
            raise NotFoundError(msg("没有编号为 {call_up_id} 的动用记录。", call_up_id=call_up_id), field=msg("动用记录"))
        outstanding = call.quantity - _replenished(call)
        unit = call.line.item.unit
        if amount > outstanding:
            raise ValidationError(
                msg("这次动用还需补库 {outstanding}{unit}，不能补 {amount}{unit}。",
                    outstanding=ledger.fmt_qty(outstanding), unit=unit, amount=ledger.fmt_qty(amount)),
                field=msg("补库数量"))
        moment = replenished_at or ctx.now()
        if moment < call.called_at:
            raise ValidationError(msg("补库时间不能早于动用时间。"), field=msg("补库时间"))
        session.add(AgreementReplenishment(call_up=call, quantity=amount, replenished_at=moment,
                                           remarks=check_text(remarks, msg("备注"), max_length=500),
                                           created_by_id=ctx.actor.user_id))
        number = call.line.agreement.number
        ledger.audit(ctx, session, "replenish", "agreement", number,
                     f"协议 {number} 的 {call.line.item.name} 补库 {ledger.fmt_qty(amount)}{unit}",
                     after={"call_up": call.id, "quantity": str(amount)})
        return outstanding - amount


def _call_up_row(call: AgreementCallUp) -> CallUpRow:
    item = call.line.item
    return CallUpRow(call.id, item.code, item.name, item.unit, call.quantity, _replenished(call),
                     call.dispatch_order_number, call.called_at, call.response_deadline, call.remarks)


def _replenished(call: AgreementCallUp) -> Decimal:
    return sum((r.quantity for r in call.replenishments), ZERO)
