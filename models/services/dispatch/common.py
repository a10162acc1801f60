"""Helpers shared by the dispatch services: loading and locking an order, numbering, source proposals
(own area first, then county stores, then agreement stock), and the read model of an order."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from models.messages import msg
from models.schema.catalog import Item
from models.schema.dispatch import (
    DispatchDocRole,
    DispatchLine,
    DispatchOrder,
    DispatchSource,
    DispatchStatus,
    SourceKind,
)
from models.schema.enums import Role, StoreLevel
from models.schema.stock import Balance
from models.schema.warehouse import Area, Store
from models.services import ledger
from models.services.allocation import is_expired
from models.services.lookup import item_by_code
from models.validation import check_text, parse_date, parse_quantity
from models.services.dispatch.records import DispatchLineInput, IssuedBatch, LineView, OrderView, SourceView


APPROVAL_GRACE = dt.timedelta(hours=48)  # an oral instruction must be on paper within 48 h
DEFAULT_RETURN_DAYS = 30  # due-back date of returnable goods when none is given
NUMBER_PREFIX = "DB"
OPEN_STATUSES = (DispatchStatus.DRAFT, DispatchStatus.APPROVED, DispatchStatus.ISSUED)
fmt = ledger.fmt_qty


# ---------------------------------------------------------------- helpers


@contextmanager
def _same_session(session: Session):
    yield session


def _in_transaction(ctx: ServiceContext, session: Session) -> ServiceContext:
    """A context whose write()/read() join ``session``, so a service called from here (reversal)
    runs inside this transaction instead of committing on its own."""
    bound = ServiceContext(ctx.db, ctx.actor, ctx.machine, ctx.today, ctx.now)
    bound.write = lambda: _same_session(session)  # type: ignore[method-assign]
    bound.read = bound.write  # type: ignore[method-assign]
    return bound


def _require_writer(ctx: ServiceContext) -> None:
    if ctx.actor.role is Role.VIEWER:
        raise PermissionDeniedError(
            msg("您（{username}）的角色“{role_label}”只能查看，不能办理调拨单。",
                username=ctx.actor.username, role_label=ctx.actor.role.label)
        )


def _order(session: Session, number: str, *, lock: bool = False) -> DispatchOrder:
    stmt = select(DispatchOrder).where(DispatchOrder.number == number)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    order = session.scalar(stmt)
    if order is None:
        raise NotFoundError(msg("没有单号为“{number}”的调拨单，请检查单号。", number=number), field=msg("调拨单号"))
    return order


def _next_order_number(session: Session, year: int) -> str:
    sequence = ledger.next_number(session, NUMBER_PREFIX, "ORDER", year).rsplit("-", 1)[1]
    return f"{NUMBER_PREFIX}-{year}-{sequence}"


def _approval_overdue(order: DispatchOrder, now: dt.datetime) -> bool:
    return (order.approval_owed and order.status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED)
            and order.issued_at + APPROVAL_GRACE <= now)


def _return_overdue(order: DispatchOrder, today: dt.date) -> bool:
    return order.status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED) and any(
        line.outstanding_return > 0 and line.due_back_date and line.due_back_date < today for line in order.lines
    )


def _snapshot(order: DispatchOrder) -> dict:
    return {
        "number": order.number, "status": order.status.value, "emergency": order.emergency,
        "receiving_unit": order.receiving_unit,
        "lines": [{"line": l.line_no, "item_id": l.item_id, "quantity": str(l.quantity),
                   "issued": str(l.issued_quantity)} for l in order.lines],
    }


def _area_ids(session: Session, area: Area) -> list[int]:
    """The area and every area below it."""
    ids, frontier = [area.id], [area.id]
    while frontier:
        frontier = list(session.scalars(select(Area.id).where(Area.parent_id.in_(frontier))))
        ids.extend(frontier)
    return ids


def _candidate_stores(session: Session, area: Area | None) -> list[Store]:
    """Own stores of the requesting area first, then the county stores."""
    stores: list[Store] = []
    if area is not None:
        stores = list(session.scalars(
            select(Store).where(Store.area_id.in_(_area_ids(session, area)), Store.active.is_(True))
            .order_by(Store.level, Store.code)
        ))
    county = session.scalars(
        select(Store).where(Store.level == StoreLevel.COUNTY, Store.active.is_(True)).order_by(Store.code)
    )
    stores += [store for store in county if store not in stores]
    return stores


def _free(session: Session, store: Store, item: Item, as_of: dt.date) -> Decimal:
    """Usable (not expired) stock not promised to an approved order."""
    balances = session.scalars(
        select(Balance).where(Balance.store_id == store.id, Balance.item_id == item.id, Balance.quantity > 0)
    )
    return sum((b.quantity - b.reserved for b in balances if not is_expired(b.expiry_date, as_of)), Decimal(0))


def _agreement_promised(session: Session, line_ids) -> dict[int, Decimal]:
    """Per agreement line, the quantity promised to approved orders not yet issued (their agreement
    sources); it is called up only at issue, so until then it is a promise, like ``Balance.reserved``."""
    ids = [line_id for line_id in line_ids if line_id is not None]
    if not ids:
        return {}
    rows = session.execute(
        select(DispatchSource.agreement_line_id, func.sum(DispatchSource.quantity))
        .join(DispatchLine, DispatchLine.id == DispatchSource.line_id)
        .join(DispatchOrder, DispatchOrder.id == DispatchLine.order_id)
        .where(DispatchSource.kind == SourceKind.AGREEMENT, DispatchSource.agreement_line_id.in_(ids),
               DispatchOrder.status == DispatchStatus.APPROVED)
        .group_by(DispatchSource.agreement_line_id)
    ).all()
    return {line_id: Decimal(total) for line_id, total in rows}


def _agreement_candidates(session: Session, item: Item, as_of: dt.date) -> list[tuple[int | None, str, Decimal]]:
    """协议储备 that can be called up: (agreement line id, "number（enterprise）", free), fastest
    response first, from ``models.services.agreements.available_agreement_lines`` less what approved
    orders not yet issued have promised (``_agreement_promised``)."""
    from models.services.agreements import available_agreement_lines

    entries = available_agreement_lines(session, item.id, as_of)
    promised = _agreement_promised(session, [entry.line_id for entry in entries])
    result = []
    for entry in entries:
        free = Decimal(entry.available) - promised.get(entry.line_id, Decimal(0))
        if free > 0:
            result.append((entry.line_id, f"{entry.agreement_number}（{entry.enterprise}）", free))
    return result


def _propose_line(session: Session, line: DispatchLine, area: Area | None, as_of: dt.date) -> None:
    line.sources.clear()
    remaining = line.quantity
    for store in _candidate_stores(session, area):
        if remaining <= 0:
            break
        take = min(_free(session, store, line.item, as_of), remaining)
        if take > 0:
            line.sources.append(DispatchSource(kind=SourceKind.STORE, store_id=store.id, store=store, quantity=take,
                                               reserved=Decimal(0)))
            remaining -= take
    if remaining > 0:
        for line_id, ref, available in _agreement_candidates(session, line.item, as_of):
            take = min(available, remaining)
            line.sources.append(DispatchSource(kind=SourceKind.AGREEMENT, agreement_line_id=line_id,
                                               agreement_ref=ref[:100], quantity=take, reserved=Decimal(0)))
            remaining -= take
            if remaining <= 0:
                break


def _line_inputs(session: Session, lines: list[DispatchLineInput], default_due: dt.date | None,
                 order_date: dt.date) -> list[DispatchLine]:
    if not lines:
        raise ValidationError(msg("调拨单至少需要一行物资。"), field=msg("物资"))
    result, seen = [], set()
    for index, entry in enumerate(lines, start=1):
        try:
            item = item_by_code(session, entry.item_code)
            quantity = parse_quantity(entry.quantity)
            due = parse_date(entry.due_back_date, msg("归还日期")) or default_due
            remarks = check_text(entry.remarks, msg("备注"), max_length=500)
        except ValidationError as exc:
            raise type(exc)(msg("第 {index} 行：{message}", index=index, message=exc.chinese), field=exc.field) from None
        if item.id in seen:
            raise ValidationError(msg("第 {index} 行：物资“{item_name}”重复，请合并为一行。",
                                      index=index, item_name=item.name), field=msg("物资"))
        seen.add(item.id)
        if item.returnable:
            due = due or order_date + dt.timedelta(days=DEFAULT_RETURN_DAYS)
            if due < order_date:
                raise ValidationError(msg("第 {index} 行：归还日期 {due} 早于调拨日期 {order_date}。",
                                          index=index, due=due, order_date=order_date), field=msg("归还日期"))
        else:
            due = None
        line = DispatchLine(line_no=index, item_id=item.id, quantity=quantity, remarks=remarks,
                            returnable=item.returnable, due_back_date=due)
        line.item = item
        result.append(line)
    return result


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    from models.schema.users import User

    user = session.get(User, user_id)
    return (user.display_name or user.username) if user else ""


def _issued_batches(order: DispatchOrder) -> dict[int, list[IssuedBatch]]:
    """Per item id, the batches the order's issue slips actually took."""
    result: dict[int, list[IssuedBatch]] = defaultdict(list)
    for link in order.documents:
        if link.role is not DispatchDocRole.ISSUE:
            continue
        document = link.document
        for doc_line in document.lines:
            batch = doc_line.batch
            result[doc_line.item_id].append(IssuedBatch(
                document.store.code, document.store.name, document.number,
                batch.batch_no if batch else "", batch.expiry_date if batch else None, doc_line.quantity,
            ))
    return result


def _view(session: Session, order: DispatchOrder, ctx: ServiceContext) -> OrderView:
    session.flush()
    issued = _issued_batches(order)
    lines = []
    for line in order.lines:
        item = line.item
        sources = [
            SourceView(
                source.kind,
                source.store.code if source.store else "",
                source.store.name if source.store else msg("协议储备 {agreement}", agreement=source.agreement_ref),
                source.batch.batch_no if source.batch else "",
                source.batch.expiry_date if source.batch else None,
                source.quantity, source.reserved, source.agreement_ref,
            )
            for source in line.sources
        ]
        lines.append(LineView(
            line.line_no, item.code, item.name, item.spec, item.unit, line.quantity, line.issued_quantity,
            line.returnable, line.due_back_date, line.received_quantity, line.damaged_quantity, line.shortfall,
            line.returned_good, line.returned_repaired, line.returned_lost, line.outstanding_return,
            line.remarks, line.receipt_note, sources, issued.get(line.item_id, []),
        ))
    return OrderView(
        order.number, order.status, order.emergency, order.requesting_unit, order.receiving_unit, order.place,
        order.receiver_contact, order.receiver_phone, order.sender_contact, order.sender_phone,
        order.reason, order.reference, order.needed_by, order.vehicle, order.escort, order.remarks,
        order.order_date, _user_name(session, order.created_by_id), _user_name(session, order.approved_by_id),
        order.approved_at, order.approval_note, _user_name(session, order.issued_by_id), order.issued_at,
        order.received_signed_by, order.received_at, order.receipt_remarks, order.close_reason,
        _approval_overdue(order, ctx.now()), _return_overdue(order, ctx.today()), lines,
        [(link.role.value, link.document.number) for link in order.documents],
    )


def _line(order: DispatchOrder, line_no: int) -> DispatchLine:
    for line in order.lines:
        if line.line_no == line_no:
            return line
    raise NotFoundError(msg("调拨单 {order_number} 没有第 {line_no} 行。",
                            order_number=order.number, line_no=line_no), field=msg("行号"))


def _require_status(order: DispatchOrder, wanted, action: str) -> None:
    allowed = wanted if isinstance(wanted, tuple) else (wanted,)
    if order.status not in allowed:
        names = joined([msg("“{status}”", status=s.label) for s in allowed], "、")
        raise ConflictError(
            msg("调拨单 {number} 当前状态为“{status}”，只有{names}的调拨单可以{action}。",
                number=order.number, status=order.status.label, names=names, action=action)
        )


def joined(parts: list[str], separator: str = "；") -> str:
    """``separator.join(parts)`` that stays translatable: each join is a msg() template of its own."""
    join = {"；": lambda first, second: msg("{first}；{second}", first=first, second=second),
            "，": lambda first, second: msg("{first}，{second}", first=first, second=second),
            "、": lambda first, second: msg("{first}、{second}", first=first, second=second)}[separator]
    return functools.reduce(join, parts)
