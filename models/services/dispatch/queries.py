"""Reading dispatch orders: one order, lists, open orders and what is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from models.context import ServiceContext
from models.schema.dispatch import DispatchLine, DispatchOrder, DispatchStatus
from models.services.dispatch.records import OrderRow, OrderView, ReturnDue
from models.schema.stock import Balance
from models.schema.warehouse import Store
from models.services.dispatch.common import (
    OPEN_STATUSES,
    _approval_overdue,
    _candidate_stores,
    _free,
    _line,
    _order,
    _return_overdue,
    _view,
)


# ---------------------------------------------------------------- reading


def order_view(ctx: ServiceContext, number: str) -> OrderView:
    with ctx.read() as session:
        return _view(session, _order(session, number), ctx)


def list_orders(ctx: ServiceContext, *, statuses: tuple[DispatchStatus, ...] | None = None,
                text: str = "") -> list[OrderRow]:
    """Orders, newest first, optionally in some states or matching a text."""
    with ctx.read() as session:
        stmt = select(DispatchOrder).order_by(DispatchOrder.order_date.desc(), DispatchOrder.id.desc())
        if statuses:
            stmt = stmt.where(DispatchOrder.status.in_(statuses))
        if text:
            like = f"%{text.strip()}%"
            stmt = stmt.where(DispatchOrder.number.ilike(like) | DispatchOrder.receiving_unit.ilike(like)
                              | DispatchOrder.requesting_unit.ilike(like) | DispatchOrder.reason.ilike(like))
        now, today = ctx.now(), ctx.today()
        rows = []
        for order in session.scalars(stmt):
            dues = [l.due_back_date for l in order.lines if l.outstanding_return > 0 and l.due_back_date]
            rows.append(OrderRow(
                order.number, order.status, order.emergency, order.requesting_unit, order.receiving_unit,
                order.reason, order.order_date, order.issued_at, order.approved_at, len(order.lines),
                _approval_overdue(order, now), _return_overdue(order, today),
                min(dues) if dues and order.status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED) else None,
            ))
        return rows


def open_orders(ctx: ServiceContext) -> list[OrderRow]:
    """Not yet issued, or issued and not yet signed for."""
    return list_orders(ctx, statuses=OPEN_STATUSES)


def overdue_approvals(ctx: ServiceContext) -> list[OrderRow]:
    """Emergency orders issued more than 48 hours ago whose approval is still owed."""
    rows = list_orders(ctx, statuses=(DispatchStatus.ISSUED, DispatchStatus.RECEIVED))
    return [row for row in rows if row.approval_overdue]


def overdue_returns(ctx: ServiceContext) -> list[ReturnDue]:
    """Returnable goods past their due-back date and not yet returned (or written off as lost)."""
    today = ctx.today()
    with ctx.read() as session:
        lines = session.scalars(
            select(DispatchLine).join(DispatchOrder, DispatchOrder.id == DispatchLine.order_id)
            .where(DispatchLine.returnable.is_(True), DispatchLine.due_back_date < today,
                   DispatchOrder.status.in_((DispatchStatus.ISSUED, DispatchStatus.RECEIVED)))
            .order_by(DispatchLine.due_back_date, DispatchOrder.number, DispatchLine.line_no)
        )
        return [
            ReturnDue(line.order.number, line.order.receiving_unit, line.line_no, line.item.code, line.item.name,
                      line.item.unit, line.outstanding_return, line.due_back_date,
                      (today - line.due_back_date).days)
            for line in lines if line.outstanding_return > 0
        ]


def open_order_count(ctx: ServiceContext) -> int:
    """How many orders are not finished (for the home screen's tile)."""
    with ctx.read() as session:
        return session.scalar(
            select(func.count(DispatchOrder.id)).where(DispatchOrder.status.in_(OPEN_STATUSES))
        ) or 0


@dataclass(frozen=True)
class SourceOption:
    """A store holding usable, unpromised stock of a line's item (for choosing sources by hand)."""

    store_code: str
    store_name: str
    level: str
    free: Decimal


def source_options(ctx: ServiceContext, number: str, line_no: int) -> list[SourceOption]:
    """Stores with free stock of line ``line_no``'s item, the requesting area's own stores first."""
    with ctx.read() as session:
        order = _order(session, number)
        line = _line(order, line_no)
        today = ctx.today()
        ordered = _candidate_stores(session, order.requesting_area)
        others = session.scalars(
            select(Store).join(Balance, Balance.store_id == Store.id)
            .where(Balance.item_id == line.item_id, Balance.quantity > 0).distinct().order_by(Store.code)
        ).all()
        result = []
        for store in ordered + [s for s in others if s not in ordered]:
            free = _free(session, store, line.item, today)
            if free > 0:
                result.append(SourceOption(store.code, store.name, store.level.label, free))
        return result
