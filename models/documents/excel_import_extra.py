"""The optional columns that make an export → import round trip reproduce the adequacy result.

**已预留数量** (库存): ``Balance.reserved`` exists only as the promise of an approved dispatch order
(``DispatchSource.reserved``); the workbook does not carry those orders. The import therefore opens,
per store, one approved dispatch order plainly marked as an imported reservation (申请单位
“Excel 台账导入（期初预留）”, 事由 saying where it comes from) whose sources hold exactly the
reserved quantities of each batch. It behaves like any approved order: issuing it takes the
reserved goods, cancelling it releases them. No ledger movement is written for it.

**最近核查日期 / 核查数量 / 已调用数量 / 核查后调用数量** (代储协议): the agreement supply of a line
(``models.services.agreements._available``) is ``min(guaranteed − outstanding, found + change since
the check)``. The import rebuilds, for a newly created agreement, the latest check (one
``AgreementCheck`` per agreement and date, 核查人 “Excel 导入”) and the call-ups that give the same
figures: the part called up before the check (dated the day before it), the part called up after it
(dated the check day, which counts as after), or — when more was replenished than called after the
check — a replenishment the day after the check. Without a check, the outstanding quantity is one
call-up dated the agreement's start. The records are remarked “由 Excel 台账导入”, so nobody takes
them for real call-ups with a dispatch order.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.schema.agreements import (
    Agreement, AgreementCallUp, AgreementCheck, AgreementCheckLine, AgreementLine, AgreementReplenishment,
)
from models.schema.catalog import Item
from models.schema.dispatch import DispatchLine, DispatchOrder, DispatchSource, DispatchStatus, SourceKind
from models.schema.stock import Balance
from models.schema.warehouse import Store
from models.services import ledger
from models.services.dispatch.common import DEFAULT_RETURN_DAYS, _next_order_number

IMPORTED = "由 Excel 台账导入"
RESERVATION_UNIT = "Excel 台账导入（期初预留）"
CHECKED_BY = "Excel 导入"
ZERO = Decimal(0)


class Reservations:
    """Reserved quantities of the 库存 rows, written as one marked approved dispatch order per store."""

    def __init__(self) -> None:
        # store code → (item id, batch id) → reserved
        self.wanted: dict[str, dict[tuple[int, int], Decimal]] = {}

    def add(self, store_code: str, item_id: int, batch_id: int, quantity: Decimal | None) -> None:
        if quantity:
            per_store = self.wanted.setdefault(store_code, {})
            per_store[(item_id, batch_id)] = per_store.get((item_id, batch_id), ZERO) + quantity

    def write(self, ctx: ServiceContext, session: Session, stores: dict[str, Store], as_of: dt.date,
              file_name: str) -> list[str]:
        numbers = []
        for store_code, wanted in self.wanted.items():
            numbers.append(self._order(ctx, session, stores[store_code], wanted, as_of, file_name))
        return numbers

    def _order(self, ctx: ServiceContext, session: Session, store: Store,
               wanted: dict[tuple[int, int], Decimal], as_of: dt.date, file_name: str) -> str:
        balances = {(b.item_id, b.batch_id): b for b in session.scalars(
            select(Balance).where(Balance.store_id == store.id,
                                  Balance.batch_id.in_([batch for _, batch in wanted])).with_for_update())}
        now = ctx.now()
        order = DispatchOrder(
            number=_next_order_number(session, as_of.year), status=DispatchStatus.APPROVED,
            requesting_unit=RESERVATION_UNIT, receiving_unit="（导入前已审批的调拨单，请核实）",
            reason=f"导入前已审批、尚未出库的调拨单预留的库存，{IMPORTED}“{file_name}”的“已预留数量”列"[:500],
            remarks="请对照原调拨单核实：按原单出库，或作废本单以解除预留。", order_date=as_of,
            created_by_id=ctx.actor.user_id, created_at=now, approved_by_id=ctx.actor.user_id,
            approved_at=now, approval_note=IMPORTED,
        )
        items = {item.id: item for item in session.scalars(
            select(Item).where(Item.id.in_({item_id for item_id, _ in wanted})))}
        lines: dict[int, DispatchLine] = {}
        for (item_id, batch_id), quantity in sorted(wanted.items()):
            balance = balances[(item_id, batch_id)]
            balance.reserved = balance.reserved + quantity  # the check pass kept it within the quantity
            line = lines.get(item_id)
            if line is None:
                item = items[item_id]
                line = lines[item_id] = DispatchLine(
                    line_no=len(lines) + 1, item_id=item_id, quantity=ZERO, returnable=item.returnable,
                    due_back_date=as_of + dt.timedelta(days=DEFAULT_RETURN_DAYS) if item.returnable else None)
                order.lines.append(line)
            line.quantity += quantity
            line.sources.append(DispatchSource(kind=SourceKind.STORE, store_id=store.id, batch_id=batch_id,
                                               quantity=quantity, reserved=quantity))
        session.add(order)
        session.flush()
        ledger.audit(ctx, session, "import", "dispatch", order.number,
                     f"导入：{store.name}的期初预留（已审批调拨单 {order.number}，{len(lines)} 种物资）",
                     after={"store": store.code, "status": order.status.value,
                            "lines": [{"item_id": l.item_id, "quantity": str(l.quantity)} for l in order.lines]})
        return order.number


def _noon(day: dt.date) -> dt.datetime:
    """Midday local time (the agreement rules take the local calendar day of a call-up)."""
    return dt.datetime.combine(day, dt.time(12, 0)).astimezone().astimezone(dt.timezone.utc)


def write_agreement_history(ctx: ServiceContext, session: Session, agreement: Agreement, rows: list) -> int:
    """The latest checks and outstanding call-ups of a newly imported agreement; returns the records made."""
    by_item = {line.item.code: line for line in agreement.lines}
    checks: dict[dt.date, AgreementCheck] = {}
    made = 0
    for row in rows:
        line: AgreementLine = by_item[row.item_code]
        outstanding = row.outstanding or ZERO
        after = row.since_check or ZERO
        if row.check_date is not None:
            check = checks.get(row.check_date)
            if check is None:
                check = checks[row.check_date] = AgreementCheck(
                    agreement=agreement, check_date=row.check_date, checked_by=CHECKED_BY,
                    remarks=f"{IMPORTED}的最近核查结果", created_by_id=ctx.actor.user_id, created_at=ctx.now())
                session.add(check)
                made += 1
            check.lines.append(AgreementCheckLine(line=line, found_quantity=row.found))
            before = outstanding - after  # called up before the check and still outstanding
            if before > 0:
                made += _call_up(session, ctx, agreement, line, before, row.check_date - dt.timedelta(days=1),
                                 replenish=-after if after < 0 else ZERO, replenish_on=row.check_date + dt.timedelta(days=1))
            if after > 0:
                made += _call_up(session, ctx, agreement, line, after, row.check_date)
        elif outstanding > 0:
            made += _call_up(session, ctx, agreement, line, outstanding, agreement.start_date)
    session.flush()
    return made


def _call_up(session: Session, ctx: ServiceContext, agreement: Agreement, line: AgreementLine, quantity: Decimal,
             day: dt.date, *, replenish: Decimal = ZERO, replenish_on: dt.date | None = None) -> int:
    """One call-up of ``quantity``, of which ``replenish`` came back on ``replenish_on``."""
    moment = _noon(day)
    hours = agreement.response_hours
    call = AgreementCallUp(line=line, quantity=quantity, called_at=moment,
                           response_deadline=moment + dt.timedelta(hours=hours) if hours else None,
                           remarks=f"{IMPORTED}：导入时尚未补库的调用", created_by_id=ctx.actor.user_id)
    session.add(call)
    if replenish > 0:
        call.replenishments.append(AgreementReplenishment(
            quantity=replenish, replenished_at=_noon(replenish_on), remarks=f"{IMPORTED}：核查后已补库",
            created_by_id=ctx.actor.user_id))
    return 1
