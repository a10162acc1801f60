"""调拨单: dispatch orders from request to signed receipt and the return of returnable goods.

A request lists items for a receiving unit; sources are proposed (the requesting area's own stores,
then the county stores, then agreement stock) and may be changed; approval reserves the goods
(``Balance.reserved``) so two orders cannot promise the same stock; issue posts one 出库单 per source
store, earliest expiry first; the receiver's confirmation records shortfall and damage; returnable
goods come back as good, repaired or lost. In an emergency the order is issued first and approved
later; an approval still owed 48 hours after issue is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, InsufficientStockError, NotFoundError, PermissionDeniedError, ValidationError
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
from models.schema.enums import DocType, Role, StoreLevel
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Area, Store
from models.services import ledger
from models.services.allocation import allocate_fefo, is_expired, usable_filter
from models.services.lookup import area_by_code, item_by_code, store_by_code
from models.services.permissions import require_approver, require_post
from models.validation import check_text, parse_date, parse_quantity

APPROVAL_GRACE = dt.timedelta(hours=48)  # an oral instruction must be on paper within 48 h
DEFAULT_RETURN_DAYS = 30  # due-back date of returnable goods when none is given
NUMBER_PREFIX = "DB"
OPEN_STATUSES = (DispatchStatus.DRAFT, DispatchStatus.APPROVED, DispatchStatus.ISSUED)
fmt = ledger.fmt_qty


# ---------------------------------------------------------------- inputs


@dataclass
class DispatchLineInput:
    item_code: str
    quantity: Decimal | int | str
    remarks: str = ""
    due_back_date: dt.date | str | None = None  # returnable items only


@dataclass
class DispatchRequest:
    """What a township or department asks for (申请)."""

    requesting_unit: str
    receiving_unit: str
    lines: list[DispatchLineInput]
    place: str = ""
    requesting_area_code: str | None = None  # its own stores are proposed first
    receiver_contact: str = ""
    receiver_phone: str = ""
    sender_contact: str = ""
    sender_phone: str = ""
    reason: str = ""  # the disaster event
    reference: str = ""  # instruction number, or "口头指令"
    needed_by: dt.datetime | None = None
    vehicle: str = ""
    escort: str = ""
    remarks: str = ""
    emergency: bool = False
    due_back_date: dt.date | str | None = None  # default for returnable lines
    order_date: dt.date | None = None


@dataclass
class SourceInput:
    store_code: str
    quantity: Decimal | int | str


@dataclass
class ReceiptCheck:
    """The receiver's count of one line: what arrived, what of it is damaged."""

    received: Decimal | int | str
    damaged: Decimal | int | str = 0
    note: str = ""


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class SourceView:
    kind: SourceKind
    store_code: str
    store_name: str
    batch_no: str
    expiry_date: dt.date | None
    quantity: Decimal
    reserved: Decimal
    agreement_ref: str = ""

    def as_json(self) -> dict:
        return {"kind": self.kind.value, "store": self.store_code, "batch": self.batch_no or None,
                "quantity": ledger.json_number(self.quantity), "reserved": ledger.json_number(self.reserved),
                "agreement": self.agreement_ref or None}


@dataclass(frozen=True)
class IssuedBatch:
    store_code: str
    store_name: str
    document: str
    batch_no: str
    expiry_date: dt.date | None
    quantity: Decimal


@dataclass(frozen=True)
class LineView:
    line_no: int
    item_code: str
    item_name: str
    spec: str
    unit: str
    quantity: Decimal
    issued_quantity: Decimal
    returnable: bool
    due_back_date: dt.date | None
    received_quantity: Decimal | None
    damaged_quantity: Decimal
    shortfall: Decimal
    returned_good: Decimal
    returned_repaired: Decimal
    returned_lost: Decimal
    outstanding_return: Decimal
    remarks: str
    receipt_note: str
    sources: list[SourceView]
    issued: list[IssuedBatch]

    def as_json(self) -> dict:
        n = ledger.json_number
        return {
            "line": self.line_no, "item_code": self.item_code, "item_name": self.item_name, "unit": self.unit,
            "quantity": n(self.quantity), "issued": n(self.issued_quantity),
            "received": None if self.received_quantity is None else n(self.received_quantity),
            "damaged": n(self.damaged_quantity), "shortfall": n(self.shortfall),
            "returnable": self.returnable,
            "due_back_date": self.due_back_date.isoformat() if self.due_back_date else None,
            "returned": {"good": n(self.returned_good), "repaired": n(self.returned_repaired),
                         "lost": n(self.returned_lost)},
            "outstanding_return": n(self.outstanding_return),
            "sources": [s.as_json() for s in self.sources],
            "issued_batches": [{"store": b.store_code, "document": b.document, "batch": b.batch_no,
                                "quantity": n(b.quantity)} for b in self.issued],
        }


@dataclass(frozen=True)
class OrderView:
    """One dispatch order as screens, the command line and the printed form need it."""

    number: str
    status: DispatchStatus
    emergency: bool
    requesting_unit: str
    receiving_unit: str
    place: str
    receiver_contact: str
    receiver_phone: str
    sender_contact: str
    sender_phone: str
    reason: str
    reference: str
    needed_by: dt.datetime | None
    vehicle: str
    escort: str
    remarks: str
    order_date: dt.date
    created_by: str
    approved_by: str
    approved_at: dt.datetime | None
    approval_note: str
    issued_by: str
    issued_at: dt.datetime | None
    received_signed_by: str
    received_at: dt.datetime | None
    receipt_remarks: str
    close_reason: str
    approval_overdue: bool
    return_overdue: bool
    lines: list[LineView] = field(default_factory=list)
    documents: list[tuple[str, str]] = field(default_factory=list)  # (role, document number)

    @property
    def approval_owed(self) -> bool:
        return self.issued_at is not None and self.approved_at is None

    @property
    def source_stores(self) -> list[str]:
        names: list[str] = []
        for line in self.lines:
            for name in [b.store_name for b in line.issued] or [s.store_name for s in line.sources]:
                if name and name not in names:
                    names.append(name)
        return names

    def as_json(self) -> dict:
        iso = lambda v: v.isoformat() if v else None  # noqa: E731
        return {
            "number": self.number, "status": self.status.value, "status_label": self.status.label,
            "emergency": self.emergency, "approval_owed": self.approval_owed,
            "approval_overdue": self.approval_overdue, "return_overdue": self.return_overdue,
            "requesting_unit": self.requesting_unit, "receiving_unit": self.receiving_unit,
            "place": self.place, "reason": self.reason, "reference": self.reference,
            "order_date": iso(self.order_date), "approved_by": self.approved_by or None,
            "approved_at": iso(self.approved_at), "issued_at": iso(self.issued_at),
            "received_signed_by": self.received_signed_by or None, "received_at": iso(self.received_at),
            "lines": [line.as_json() for line in self.lines],
            "documents": [{"role": role, "number": number} for role, number in self.documents],
        }


@dataclass(frozen=True)
class OrderRow:
    """One row of the order list."""

    number: str
    status: DispatchStatus
    emergency: bool
    requesting_unit: str
    receiving_unit: str
    reason: str
    order_date: dt.date
    issued_at: dt.datetime | None
    approved_at: dt.datetime | None
    line_count: int
    approval_overdue: bool
    return_overdue: bool
    next_due_back: dt.date | None

    def as_json(self) -> dict:
        return {
            "number": self.number, "status": self.status.value, "emergency": self.emergency,
            "requesting_unit": self.requesting_unit, "receiving_unit": self.receiving_unit,
            "reason": self.reason, "order_date": self.order_date.isoformat(),
            "issued_at": self.issued_at.isoformat() if self.issued_at else None,
            "approval_overdue": self.approval_overdue, "return_overdue": self.return_overdue,
            "next_due_back": self.next_due_back.isoformat() if self.next_due_back else None,
        }


@dataclass(frozen=True)
class ReturnDue:
    number: str
    receiving_unit: str
    line_no: int
    item_code: str
    item_name: str
    unit: str
    outstanding: Decimal
    due_back_date: dt.date
    days_overdue: int

    def as_json(self) -> dict:
        return {"number": self.number, "receiving_unit": self.receiving_unit, "line": self.line_no,
                "item_code": self.item_code, "item_name": self.item_name,
                "outstanding": ledger.json_number(self.outstanding),
                "due_back_date": self.due_back_date.isoformat(), "days_overdue": self.days_overdue}


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
            f"您（{ctx.actor.username}）的角色“{ctx.actor.role.label}”只能查看，不能办理调拨单。"
        )


def _order(session: Session, number: str, *, lock: bool = False) -> DispatchOrder:
    stmt = select(DispatchOrder).where(DispatchOrder.number == number)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    order = session.scalar(stmt)
    if order is None:
        raise NotFoundError(f"没有单号为“{number}”的调拨单，请检查单号。", field="调拨单号")
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


def _agreement_candidates(session: Session, item: Item, as_of: dt.date) -> list[tuple[int | None, str, Decimal]]:
    """协议储备 that can be called up: (agreement line id, "number（enterprise）", available), fastest
    response first, from ``models.services.agreements.available_agreement_lines``."""
    from models.services.agreements import available_agreement_lines

    return [
        (entry.line_id, f"{entry.agreement_number}（{entry.enterprise}）", Decimal(entry.available))
        for entry in available_agreement_lines(session, item.id, as_of)
        if entry.available > 0
    ]


def _propose_line(session: Session, line: DispatchLine, area: Area | None, as_of: dt.date) -> None:
    line.sources.clear()
    remaining = line.quantity
    for store in _candidate_stores(session, area):
        if remaining <= 0:
            break
        take = min(_free(session, store, line.item, as_of), remaining)
        if take > 0:
            line.sources.append(DispatchSource(kind=SourceKind.STORE, store_id=store.id, store=store, quantity=take))
            remaining -= take
    if remaining > 0:
        for line_id, ref, available in _agreement_candidates(session, line.item, as_of):
            take = min(available, remaining)
            line.sources.append(DispatchSource(kind=SourceKind.AGREEMENT, agreement_line_id=line_id,
                                               agreement_ref=ref[:100], quantity=take))
            remaining -= take
            if remaining <= 0:
                break


def _line_inputs(session: Session, lines: list[DispatchLineInput], default_due: dt.date | None,
                 order_date: dt.date) -> list[DispatchLine]:
    if not lines:
        raise ValidationError("调拨单至少需要一行物资。", field="物资")
    result, seen = [], set()
    for index, entry in enumerate(lines, start=1):
        try:
            item = item_by_code(session, entry.item_code)
            quantity = parse_quantity(entry.quantity)
            due = parse_date(entry.due_back_date, "归还日期") or default_due
            remarks = check_text(entry.remarks, "备注", max_length=500)
        except ValidationError as exc:
            raise type(exc)(f"第 {index} 行：{exc.message}", field=exc.field) from None
        if item.id in seen:
            raise ValidationError(f"第 {index} 行：物资“{item.name}”重复，请合并为一行。", field="物资")
        seen.add(item.id)
        if item.returnable:
            due = due or order_date + dt.timedelta(days=DEFAULT_RETURN_DAYS)
            if due < order_date:
                raise ValidationError(f"第 {index} 行：归还日期 {due} 早于调拨日期 {order_date}。", field="归还日期")
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
                source.store.name if source.store else f"协议储备 {source.agreement_ref}",
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


# ---------------------------------------------------------------- request and sources


def create_request(ctx: ServiceContext, request: DispatchRequest) -> OrderView:
    """Record a request (申请) as a draft order and propose its sources."""
    _require_writer(ctx)
    texts = {
        "requesting_unit": check_text(request.requesting_unit, "申请单位", max_length=200, required=True),
        "receiving_unit": check_text(request.receiving_unit, "接收单位", max_length=200, required=True),
        "place": check_text(request.place, "送达地点", max_length=300),
        "receiver_contact": check_text(request.receiver_contact, "接收方联系人", max_length=100),
        "receiver_phone": check_text(request.receiver_phone, "接收方电话", max_length=50),
        "sender_contact": check_text(request.sender_contact, "调出方联系人", max_length=100),
        "sender_phone": check_text(request.sender_phone, "调出方电话", max_length=50),
        "reason": check_text(request.reason, "调拨事由", max_length=500, required=True),
        "reference": check_text(request.reference, "指令文号", max_length=100),
        "vehicle": check_text(request.vehicle, "车辆", max_length=100),
        "escort": check_text(request.escort, "押运人", max_length=100),
        "remarks": check_text(request.remarks, "备注", max_length=2000),
    }
    if request.needed_by is not None and request.needed_by.tzinfo is None:
        raise ValidationError("需用时间缺少时区，请使用带时区的时间。", field="需用时间")
    order_date = request.order_date or ctx.today()
    default_due = parse_date(request.due_back_date, "归还日期")
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
        _require_status(order, DispatchStatus.DRAFT, "重新安排来源")
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
        _require_status(order, DispatchStatus.DRAFT, "修改来源")
        line = _line(order, line_no)
        chosen: list[DispatchSource] = []
        for index, entry in enumerate(sources, start=1):
            store = store_by_code(session, entry.store_code)
            quantity = parse_quantity(entry.quantity, f"来源 {index} 的数量")
            chosen.append(DispatchSource(kind=SourceKind.STORE, store_id=store.id, store=store, quantity=quantity))
        kept = [s for s in line.sources if s.kind is SourceKind.AGREEMENT]
        total = sum((s.quantity for s in chosen + kept), Decimal(0))
        if total > line.quantity:
            raise ValidationError(
                f"第 {line_no} 行“{line.item.name}”各来源合计 {fmt(total)}{line.item.unit}，"
                f"超过申请数量 {fmt(line.quantity)}{line.item.unit}，请减少来源数量。", field="来源")
        line.sources[:] = kept + chosen
        session.flush()
        ledger.audit(ctx, session, "sources", "dispatch", order.number, f"修改第 {line_no} 行来源",
                     after={"line": line_no, "sources": [(s.store.code if s.store else s.agreement_ref,
                                                          str(s.quantity)) for s in line.sources]})
        return _view(session, order, ctx)


def _line(order: DispatchOrder, line_no: int) -> DispatchLine:
    for line in order.lines:
        if line.line_no == line_no:
            return line
    raise NotFoundError(f"调拨单 {order.number} 没有第 {line_no} 行。", field="行号")


def _require_status(order: DispatchOrder, wanted, action: str) -> None:
    allowed = wanted if isinstance(wanted, tuple) else (wanted,)
    if order.status not in allowed:
        names = "、".join(f"“{s.label}”" for s in allowed)
        raise ConflictError(
            f"调拨单 {order.number} 当前状态为“{order.status.label}”，只有{names}的调拨单可以{action}。"
        )


# ---------------------------------------------------------------- approval and reservation


def approve(ctx: ServiceContext, number: str, *, note: str = "") -> OrderView:
    """审批: record the approver and reserve the goods; for an emergency order already issued, record
    the approval that was owed."""
    require_approver(ctx.actor)
    note = check_text(note, "审批意见", max_length=500)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        if order.approval_owed and order.status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED):
            summary = f"补办审批（紧急调拨，已于 {order.issued_at:%Y-%m-%d %H:%M} UTC 出库）"
        else:
            _require_status(order, DispatchStatus.DRAFT, "审批")
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
    shortages: list[str] = []
    wanted: dict[tuple[int, int], tuple[DispatchLine, Decimal]] = {}
    for line in order.lines:
        item = line.item
        planned = sum((s.quantity for s in line.sources), Decimal(0))
        if planned < line.quantity:
            shortages.append(
                f"第 {line.line_no} 行“{item.name}”只安排了 {fmt(planned)}{item.unit} 的来源，"
                f"申请 {fmt(line.quantity)}{item.unit}，缺 {fmt(line.quantity - planned)}{item.unit}"
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
            shortages.append(f"第 {line.line_no} 行{shortage}")
            continue
        line.sources[:] = [s for s in line.sources if not (s.kind is SourceKind.STORE and s.store_id == store_id)]
        for batch, take in placed:
            line.sources.append(DispatchSource(kind=SourceKind.STORE, store_id=store.id, store=store,
                                               batch_id=batch.id, batch=batch, quantity=take, reserved=take))
    if shortages:
        raise InsufficientStockError(
            f"调拨单 {order.number} 不能审批，库存不足：" + "；".join(shortages)
            + "。请改由其他储备库或协议储备供应，或减少数量后再审批。"
        )


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
            notes.append(f"另有 {fmt(promised)}{item.unit} 已被其他调拨单预留")
        if expired:
            notes.append(f"另有已过期 {fmt(expired)}{item.unit}")
        extra = "（" + "，".join(notes) + "）" if notes else ""
        return [], (f"“{item.name}”：储备库“{store.name}”可用 {fmt(free)}{item.unit}{extra}，"
                    f"本单需要 {fmt(quantity)}{item.unit}，缺 {fmt(quantity - free)}{item.unit}")
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
            f"储备库“{store.name}”中“{item.name}”的预留数量与调拨单记录不一致，请先运行自检（reserve-keeper verify）。"
        )
    session.flush()


# ---------------------------------------------------------------- issue


def issue(ctx: ServiceContext, number: str, *, doc_date: dt.date | None = None) -> OrderView:
    """出库: post one issue slip per source store, taking the reserved goods earliest expiry first."""
    _require_writer(ctx)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.APPROVED, "出库")
        _issue_order(ctx, session, order, doc_date)
        ledger.audit(ctx, session, "issue", "dispatch", order.number, f"调拨出库 → {order.receiving_unit}",
                     after=_snapshot(order))
        return _view(session, order, ctx)


def emergency_issue(ctx: ServiceContext, number: str, *, instruction: str = "",
                    doc_date: dt.date | None = None) -> OrderView:
    """紧急调拨: issue a draft now on an oral instruction; the approval is owed (overdue after 48 h)."""
    _require_writer(ctx)
    instruction = check_text(instruction, "口头指令", max_length=100)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.DRAFT, "紧急出库")
        order.emergency = True
        if instruction:
            order.reference = instruction
        if any(sum((s.quantity for s in line.sources), Decimal(0)) < line.quantity for line in order.lines):
            for line in order.lines:  # stock may have moved since the request: propose again
                _propose_line(session, line, order.requesting_area, ctx.today())
        short = [line for line in order.lines if sum((s.quantity for s in line.sources), Decimal(0)) < line.quantity]
        if short:
            raise InsufficientStockError("；".join(
                f"第 {line.line_no} 行“{line.item.name}”可供调拨的库存只有 "
                f"{fmt(sum((s.quantity for s in line.sources), Decimal(0)))}{line.item.unit}，"
                f"申请 {fmt(line.quantity)}{line.item.unit}" for line in short
            ) + "。请减少数量或指定其他来源后再出库。")
        _issue_order(ctx, session, order, doc_date)
        ledger.audit(ctx, session, "emergency_issue", "dispatch", order.number,
                     f"紧急调拨出库（未审批，{order.reference or '口头指令'}）→ {order.receiving_unit}",
                     after=_snapshot(order))
        return _view(session, order, ctx)


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
        raise ConflictError(f"调拨单 {order.number} 的协议储备来源“{source.agreement_ref}”缺少协议物资行，请重新安排来源。")
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
    signed_by = check_text(signed_by, "签收人", max_length=100, required=True)
    remarks = check_text(remarks, "签收说明", max_length=500)
    if received_at is not None and received_at.tzinfo is None:
        raise ValidationError("签收时间缺少时区。", field="签收时间")
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, DispatchStatus.ISSUED, "签收")
        checks = dict(checks or {})
        known = {line.line_no for line in order.lines}
        unknown = sorted(set(checks) - known)
        if unknown:
            raise ValidationError(f"调拨单 {number} 没有第 {unknown[0]} 行。", field="行号")
        for line in order.lines:
            check = checks.get(line.line_no) or ReceiptCheck(line.issued_quantity)
            unit = line.item.unit
            prefix = f"第 {line.line_no} 行“{line.item.name}”："
            try:
                received = parse_quantity(check.received, "实收数量", allow_zero=True)
                damaged = parse_quantity(check.damaged, "损坏数量", allow_zero=True)
                note = check_text(check.note, "签收说明", max_length=500)
            except ValidationError as exc:
                raise type(exc)(prefix + exc.message, field=exc.field) from None
            if received > line.issued_quantity:
                raise ValidationError(f"{prefix}实收 {fmt(received)}{unit} 超过出库数量 "
                                      f"{fmt(line.issued_quantity)}{unit}。", field="实收数量")
            if damaged > received:
                raise ValidationError(f"{prefix}损坏 {fmt(damaged)}{unit} 超过实收 {fmt(received)}{unit}。",
                                      field="损坏数量")
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
    note = check_text(note, "归还说明", max_length=500)
    good_q = parse_quantity(good, "完好数量", allow_zero=True)
    repaired_q = parse_quantity(repaired, "修复数量", allow_zero=True)
    lost_q = parse_quantity(lost, "丢失数量", allow_zero=True)
    total = good_q + repaired_q + lost_q
    if total <= 0:
        raise ValidationError("归还数量全部为 0，请填写完好、修复或丢失的数量。", field="归还数量")
    returned_on = parse_date(returned_on, "归还日期") or ctx.today()
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, (DispatchStatus.ISSUED, DispatchStatus.RECEIVED), "登记归还")
        line = _line(order, line_no)
        item = line.item
        if not line.returnable:
            raise ValidationError(f"第 {line_no} 行“{item.name}”不是需归还的物资。", field="行号")
        if total > line.outstanding_return:
            raise ValidationError(
                f"第 {line_no} 行“{item.name}”待归还只有 {fmt(line.outstanding_return)}{item.unit}，"
                f"本次登记 {fmt(total)}{item.unit}，请核对数量。", field="归还数量")
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
        raise ConflictError(f"第 {line.line_no} 行没有从储备库出库的记录，无法退回入库。")
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
    reason = check_text(reason, "作废原因", max_length=500, required=True)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        if not (order.status is DispatchStatus.DRAFT and order.created_by_id == ctx.actor.user_id):
            require_approver(ctx.actor)
        if order.status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED):
            raise ConflictError(f"调拨单 {number} 已出库，不能作废；如有错误，请冲销该调拨单。")
        _require_status(order, (DispatchStatus.DRAFT, DispatchStatus.APPROVED), "作废")
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
    reason = check_text(reason, "冲销原因", max_length=400, required=True)
    with ctx.write() as session:
        order = _order(session, number, lock=True)
        _require_status(order, (DispatchStatus.ISSUED, DispatchStatus.RECEIVED), "冲销")
        if any(line.returns for line in order.lines):
            raise ConflictError(
                f"调拨单 {number} 已登记归还，不能整单冲销。如出库有误，请在单据中分别冲销出库单和归还入库单。"
            )
        bound = _in_transaction(ctx, session)
        for link in [l for l in order.documents if l.role is DispatchDocRole.ISSUE]:
            result = reverse(bound, link.document.number, reason=f"冲销调拨单 {order.number}：{reason}")
            reversal = session.scalar(select(Document).where(Document.number == result.number))
            order.documents.append(DispatchDocument(document_id=reversal.id, document=reversal,
                                                    role=DispatchDocRole.REVERSAL))
        order.status = DispatchStatus.REVERSED
        order.closed_at = ctx.now()
        order.close_reason = reason
        session.flush()
        ledger.audit(ctx, session, "reverse", "dispatch", order.number, f"冲销：{reason}", after=_snapshot(order))
        return _view(session, order, ctx)


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
