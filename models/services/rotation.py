"""轮换: which batches must be rotated out before they expire, and the actions that do it.

A batch with an expiry date must be rotated by ``expiry − lead days`` (the item's own lead time,
else its nearest category's, else 60 days). The plan reads the balance rows, which carry the expiry
date (shared/PERFORMANCE.md), and classifies each batch on ``as_of``:

- ``expired``: expiry < as_of (usable through the expiry date, expired from the day after);
- ``overdue``: rotate_by < as_of ≤ expiry;
- ``due``: as_of ≤ rotate_by ≤ as_of + within_days.

Rotating out is an ordinary issue (or transfer) whose purpose says "轮换-…"; a replacement is a
planned receipt (轮换补充计划) whose number later appears as the reference of the receipt.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from operator import attrgetter

from sqlalchemy import BigInteger, String, func, select, type_coerce
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.base import Money, Quantity, round_money
from models.schema.catalog import Category, Item
from models.schema.documents import Document, DocumentLine
from models.schema.enums import DocStatus, DocType, ReserveMode, Role
from models.schema.maintenance import ReplacementPlan, ReplacementStatus
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Store
from models.services import ledger
from models.services.catalog import DEFAULT_LEAD_DAYS
from models.services.issuing import IssueLine, issue
from models.services.lookup import batch_by_number, item_by_code, store_by_code
from models.services.permissions import require_post
from models.services.receiving import ReceiptLine, receive
from models.services.transfers import ship_transfer
from models.validation import check_text, parse_date, parse_quantity

DEFAULT_WITHIN_DAYS = 90
STATUSES = ("expired", "overdue", "due")
STATUS_LABELS = {"expired": msg("已过期"), "overdue": msg("逾期未轮换"), "due": msg("待轮换")}
ROTATE_OUT_METHODS = {"use": "调剂使用", "sale": "销售", "donation": "捐赠", "transfer": "调拨"}
PLAN_PREFIX = "LH"


@dataclass(frozen=True)
class RotationRow:
    """One batch in one store that is due, overdue or expired."""

    store_code: str
    store_name: str
    item_code: str
    item_name: str
    spec: str
    unit: str
    batch: str
    expiry_date: dt.date
    rotate_by: dt.date
    lead_days: int
    quantity: Decimal
    unit_price: Decimal | None
    status: str
    days_to_expiry: int
    reserve_mode: ReserveMode
    replacement_planned: Decimal = Decimal(0)
    replacement_received: Decimal = Decimal(0)
    replacement_plans: tuple[str, ...] = ()

    @property
    def value(self) -> Decimal | None:
        return None if self.unit_price is None else round_money(self.quantity * self.unit_price)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def replacement_state(self) -> str:
        """'' (none), 'planned' or 'received' (received covers the planned quantity)."""
        if self.replacement_planned <= 0:
            return ""
        return "received" if self.replacement_received >= self.replacement_planned else "planned"

    def as_json(self) -> dict:
        return {
            "store_code": self.store_code,
            "store_name": self.store_name,
            "item_code": self.item_code,
            "item_name": self.item_name,
            "unit": self.unit,
            "batch": self.batch,
            "expiry_date": self.expiry_date.isoformat(),
            "rotate_by": self.rotate_by.isoformat(),
            "lead_days": self.lead_days,
            "quantity": ledger.json_number(self.quantity),
            "value": float(self.value) if self.value is not None else None,
            "status": self.status,
            "reserve_mode": self.reserve_mode.value,
            "replacement": self.replacement_state or None,
            "replacement_plans": list(self.replacement_plans),
        }


def classify(expiry_date: dt.date, lead_days: int, as_of: dt.date, within_days: int) -> tuple[dt.date, str | None]:
    """(rotate_by, status) of one batch; status None when the batch is not due yet."""
    rotate_by = expiry_date - dt.timedelta(days=lead_days)
    if expiry_date < as_of:
        return rotate_by, "expired"
    if rotate_by < as_of:
        return rotate_by, "overdue"
    if rotate_by <= as_of + dt.timedelta(days=within_days):
        return rotate_by, "due"
    return rotate_by, None


def lead_days_by_item(session: Session) -> tuple[dict[int, int], int]:
    """Effective lead days of every item (as catalog.effective_lead_days) from two small queries,
    and the largest of them (to bound the balance query)."""
    categories = {cid: (parent, lead) for cid, parent, lead in
                  session.execute(select(Category.id, Category.parent_id, Category.rotation_lead_days))}

    def category_lead(cid: int | None) -> int:
        seen = 0
        while cid is not None and seen < 10:
            parent, lead = categories.get(cid, (None, None))
            if lead is not None:
                return lead
            cid, seen = parent, seen + 1
        return DEFAULT_LEAD_DAYS

    leads = {
        iid: own if own is not None else category_lead(cid)
        for iid, own, cid in session.execute(select(Item.id, Item.rotation_lead_days, Item.category_id))
    }
    return leads, max(leads.values(), default=DEFAULT_LEAD_DAYS)


def rotation_plan(
    ctx: ServiceContext,
    *,
    within_days: int = DEFAULT_WITHIN_DAYS,
    store_code: str | None = None,
    as_of: dt.date | None = None,
    statuses: tuple[str, ...] = STATUSES,
) -> list[RotationRow]:
    """Batches in stock that are due (rotate-by within ``within_days``), overdue or expired, by store.

    A city has tens of thousands of such rows, so the big query reads only the balance and batch
    columns (quantities and prices as raw integers, converted once per distinct value); store and
    item columns come from two small lookups and are shared by every row of that store or item."""
    if not isinstance(within_days, int) or within_days < 0 or within_days > 3650:
        raise ValidationError(msg("天数必须是 0 到 3650 之间的整数（现为 {days}）。", days=within_days), field=msg("天数"))
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        leads, max_lead = lead_days_by_item(session)
        if "due" in statuses:
            horizon = as_of + dt.timedelta(days=within_days + max_lead)
        elif "overdue" in statuses:
            horizon = as_of + dt.timedelta(days=max_lead)
        else:
            horizon = as_of - dt.timedelta(days=1)
        stmt = (
            select(Balance.store_id, Balance.item_id, Balance.batch_id, type_coerce(Balance.quantity, BigInteger),
                   Balance.expiry_date, Batch.batch_no, type_coerce(Batch.unit_price, BigInteger),
                   type_coerce(Batch.reserve_mode, String))
            .join(Batch, Batch.id == Balance.batch_id)
            .where(Balance.quantity > 0, Balance.expiry_date.is_not(None), Balance.expiry_date <= horizon)
        )
        store_stmt = select(Store.id, Store.code, Store.name)
        if store_code:
            store_id = store_by_code(session, store_code).id
            stmt, store_stmt = stmt.where(Balance.store_id == store_id), store_stmt.where(Store.id == store_id)
        if ctx.actor.role is Role.KEEPER:
            mine = ctx.actor.store_ids or {-1}
            stmt, store_stmt = stmt.where(Balance.store_id.in_(mine)), store_stmt.where(Store.id.in_(mine))
        stores = {sid: (code, name) for sid, code, name in session.execute(store_stmt)}
        items = {iid: rest for iid, *rest in session.execute(
            select(Item.id, Item.code, Item.name, Item.spec, Item.unit, type_coerce(Item.unit_price, BigInteger)))}
        quantity, money, modes = _Scaled(Quantity()), _Scaled(Money()), {m.value: m for m in ReserveMode}
        within = dt.timedelta(days=within_days)
        bounds = {lead: (dt.timedelta(days=lead), as_of + dt.timedelta(days=lead), as_of + within
                         + dt.timedelta(days=lead)) for lead in set(leads.values()) | {DEFAULT_LEAD_DAYS}}
        rows = []
        for store_id, item_id, batch_id, qty, expiry, batch_no, batch_price, mode in session.execute(stmt):
            lead = leads.get(item_id, DEFAULT_LEAD_DAYS)
            lead_delta, overdue_before, due_until = bounds[lead]
            # classify() without the date arithmetic per row: rotate_by < as_of ⇔ expiry < as_of + lead
            status = ("expired" if expiry < as_of else "overdue" if expiry < overdue_before
                      else "due" if expiry <= due_until else None)
            if status is None or status not in statuses:
                continue
            s_code, s_name = stores[store_id]
            i_code, i_name, spec, unit, item_price = items[item_id]
            price = batch_price if batch_price is not None else item_price
            rows.append((store_id, item_id, batch_id, RotationRow(
                s_code, s_name, i_code, i_name, spec, unit, batch_no, expiry, expiry - lead_delta, lead,
                quantity(qty), None if price is None else money(price), status, (expiry - as_of).days,
                modes[mode],
            )))
        replacements = _replacements(session, rows)
        result = [_with_replacement(row, replacements.get((s, i), []), b) for s, i, b, row in rows] \
            if replacements else [row for *_key, row in rows]
    result.sort(key=attrgetter("store_code", "rotate_by", "item_code", "batch"))
    return result


class _Scaled(dict):
    """Raw stored integers to the column type's Decimal, computed once per distinct value."""

    def __init__(self, column_type: Quantity | Money) -> None:
        super().__init__()
        self.convert = column_type.process_result_value

    def __call__(self, raw: int) -> Decimal:
        value = self.get(raw)
        if value is None:
            value = self[raw] = self.convert(raw, None)
        return value


@dataclass
class _PlanState:
    number: str
    old_batch_id: int | None
    quantity: Decimal
    received: Decimal = Decimal(0)


def _replacements(session: Session, rows: list[tuple]) -> dict[tuple[int, int], list[_PlanState]]:
    """Open replacement plans per (store, item) of the plan's ``(store_id, item_id, …)`` rows, with what
    has arrived against each (one query for the open plans; none more when there are none)."""
    if not rows:
        return {}
    plans = session.execute(
        select(ReplacementPlan.number, ReplacementPlan.store_id, ReplacementPlan.item_id,
               ReplacementPlan.old_batch_id, ReplacementPlan.quantity)
        .where(ReplacementPlan.status == ReplacementStatus.PLANNED)
    ).all()
    if not plans:
        return {}
    keys = {(row[0], row[1]) for row in rows}
    by_key: dict[tuple[int, int], list[_PlanState]] = defaultdict(list)
    by_number: dict[str, _PlanState] = {}
    for number, store_id, item_id, old_batch_id, quantity in plans:
        if (store_id, item_id) in keys:
            state = _PlanState(number, old_batch_id, quantity)
            by_key[(store_id, item_id)].append(state)
            by_number[number] = state
    for number, received in _received_against(session, list(by_number)).items():
        by_number[number].received = received
    return by_key


def _received_against(session: Session, numbers: list[str]) -> dict[str, Decimal]:
    """Quantity received on posted, unreversed receipts whose reference is a plan number."""
    if not numbers:
        return {}
    reversed_ids = select(Document.reverses_id).where(Document.reverses_id.is_not(None))
    stmt = (
        select(Document.reference, func.sum(DocumentLine.quantity))
        .join(DocumentLine, DocumentLine.document_id == Document.id)
        .where(Document.doc_type == DocType.RECEIPT, Document.status == DocStatus.POSTED,
               Document.reference.in_(numbers), Document.id.not_in(reversed_ids))
        .group_by(Document.reference)
    )
    return {reference: Decimal(total or 0) for reference, total in session.execute(stmt)}


def _with_replacement(row: RotationRow, plans: list[_PlanState], batch_id: int) -> RotationRow:
    mine = [p for p in plans if p.old_batch_id in (None, batch_id)]
    if not mine:
        return row
    return replace(
        row,
        replacement_planned=sum((p.quantity for p in mine), Decimal(0)),
        replacement_received=sum((min(p.received, p.quantity) for p in mine), Decimal(0)),
        replacement_plans=tuple(p.number for p in mine),
    )


def rotation_summary(rows: list[RotationRow]) -> dict[str, dict[str, Decimal | int]]:
    """Batches and value per status, for a dashboard tile (quantities of different units don't add)."""
    summary: dict[str, dict[str, Decimal | int]] = {s: {"batches": 0, "value": Decimal(0)} for s in STATUSES}
    for row in rows:
        summary[row.status]["batches"] += 1
        summary[row.status]["value"] += row.value or Decimal(0)
    return summary


# --- actions -----------------------------------------------------------------------------------


def rotate_out(
    ctx: ServiceContext,
    store_code: str,
    item_code: str,
    batch_no: str,
    quantity: Decimal | int | str,
    *,
    method: str,
    receiver: str,
    reference: str = "",
    remarks: str = "",
    doc_date: dt.date | None = None,
) -> ledger.PostedDocument:
    """Rotate a batch out (轮换出库): to use, sale or donation as an issue slip whose purpose says so,
    or to another store as a transfer (``method="transfer"``, ``receiver`` = the store code).
    Expired batches are refused: they may only be scrapped."""
    if method not in ROTATE_OUT_METHODS:
        raise ValidationError(
            msg("轮换方式“{method}”无效，可选 use（调剂使用）、sale（销售）、donation（捐赠）、transfer（调拨）。",
                method=method),
            field=msg("轮换方式"),
        )
    if not batch_no:
        raise ValidationError(msg("轮换出库必须指明批次号。"), field=msg("批次号"))
    purpose = f"轮换-{ROTATE_OUT_METHODS[method]}"
    line = IssueLine(item_code, quantity, batch_no=batch_no, remarks=purpose)
    if method == "transfer":
        target = check_text(receiver, "调入库编码", max_length=30, required=True)
        note = f"{purpose}；{remarks}" if remarks else purpose
        return ship_transfer(ctx, store_code, target, [line], reference=reference, remarks=note, doc_date=doc_date)
    return issue(ctx, store_code, [line], receiver=receiver, purpose=purpose, reference=reference,
                 remarks=remarks, doc_date=doc_date)


@dataclass(frozen=True)
class ReplacementInfo:
    number: str
    store_code: str
    item_code: str
    old_batch: str | None
    quantity: Decimal
    planned_date: dt.date
    supplier: str
    status: ReplacementStatus
    received: Decimal = Decimal(0)
    remarks: str = ""

    def as_json(self) -> dict:
        return {
            "number": self.number, "store_code": self.store_code, "item_code": self.item_code,
            "old_batch": self.old_batch, "quantity": ledger.json_number(self.quantity),
            "planned_date": self.planned_date.isoformat(), "supplier": self.supplier,
            "status": self.status.value, "received": ledger.json_number(self.received),
        }


def plan_replacement(
    ctx: ServiceContext,
    store_code: str,
    item_code: str,
    quantity: Decimal | int | str,
    planned_date: dt.date | str,
    *,
    old_batch_no: str = "",
    supplier: str = "",
    remarks: str = "",
) -> ReplacementInfo:
    """Plan the receipt of a fresh batch (轮换补充计划) replacing ``old_batch_no`` (or the item)."""
    quantity = parse_quantity(quantity, "计划数量")
    when = parse_date(planned_date, "计划到货日期")
    if when is None:
        raise ValidationError(msg("计划到货日期不能为空。"), field=msg("计划到货日期"))
    supplier = check_text(supplier, "供应商", max_length=200)
    remarks = check_text(remarks, "备注", max_length=500)
    with ctx.write() as session:
        store = store_by_code(session, store_code)
        require_post(ctx.actor, store)
        item = item_by_code(session, item_code)
        old_batch = batch_by_number(session, item, old_batch_no) if old_batch_no else None
        number = ledger.next_number(session, PLAN_PREFIX, store.code, when.year)
        plan = ReplacementPlan(
            number=number, store_id=store.id, item_id=item.id, old_batch_id=old_batch.id if old_batch else None,
            quantity=quantity, planned_date=when, supplier=supplier, status=ReplacementStatus.PLANNED,
            remarks=remarks, created_by_id=ctx.actor.user_id, created_at=ctx.now(),
        )
        session.add(plan)
        session.flush()
        info = ReplacementInfo(number, store.code, item.code, old_batch_no or None, quantity, when, supplier,
                               ReplacementStatus.PLANNED, remarks=remarks)
        ledger.audit(ctx, session, "create", "replacement_plan", number,
                     f"轮换补充计划：{item.name} {ledger.fmt_qty(quantity)}{item.unit}，{when} 到货",
                     after=info.as_json())
        return info


def receive_replacement(
    ctx: ServiceContext,
    plan_number: str,
    line: ReceiptLine,
    *,
    doc_date: dt.date | None = None,
    remarks: str = "",
) -> ledger.PostedDocument:
    """Receive the fresh batch of a replacement plan: an ordinary receipt referencing the plan."""
    with ctx.read() as session:
        plan = _plan_by_number(session, plan_number)
        if plan.status is not ReplacementStatus.PLANNED:
            raise ConflictError(msg("轮换补充计划 {plan} 已取消，不能再收货。", plan=plan_number))
        if line.item_code != plan.item.code:
            raise ValidationError(
                msg("轮换补充计划 {plan} 的物资是“{name}”（{code}），不是 {other}。", plan=plan_number,
                    name=plan.item.name, code=plan.item.code, other=line.item_code), field=msg("物资编码"))
        store_code, supplier = plan.store.code, plan.supplier
    return receive(ctx, store_code, [line], supplier=supplier, reference=plan_number,
                   doc_date=doc_date, remarks=remarks or f"轮换补充（{plan_number}）")


def cancel_replacement(ctx: ServiceContext, plan_number: str, *, reason: str) -> None:
    reason = check_text(reason, "取消原因", max_length=500, required=True)
    with ctx.write() as session:
        plan = _plan_by_number(session, plan_number)
        require_post(ctx.actor, plan.store)
        if plan.status is ReplacementStatus.CANCELLED:
            raise ConflictError(msg("轮换补充计划 {plan} 已经取消。", plan=plan_number))
        plan.status = ReplacementStatus.CANCELLED
        plan.remarks = (plan.remarks + "；" if plan.remarks else "") + f"取消：{reason}"
        ledger.audit(ctx, session, "cancel", "replacement_plan", plan_number, f"取消轮换补充计划：{reason}")


def list_replacements(ctx: ServiceContext, *, store_code: str | None = None,
                      include_cancelled: bool = False) -> list[ReplacementInfo]:
    with ctx.read() as session:
        stmt = select(ReplacementPlan).order_by(ReplacementPlan.planned_date, ReplacementPlan.id)
        if store_code:
            stmt = stmt.where(ReplacementPlan.store_id == store_by_code(session, store_code).id)
        if not include_cancelled:
            stmt = stmt.where(ReplacementPlan.status == ReplacementStatus.PLANNED)
        if ctx.actor.role is Role.KEEPER:
            stmt = stmt.where(ReplacementPlan.store_id.in_(ctx.actor.store_ids or {-1}))
        plans = list(session.scalars(stmt))
        received = _received_against(session, [p.number for p in plans])
        return [
            ReplacementInfo(p.number, p.store.code, p.item.code, p.old_batch.batch_no if p.old_batch else None,
                            p.quantity, p.planned_date, p.supplier, p.status,
                            received.get(p.number, Decimal(0)), p.remarks)
            for p in plans
        ]


def _plan_by_number(session: Session, number: str) -> ReplacementPlan:
    plan = session.scalar(select(ReplacementPlan).where(ReplacementPlan.number == number))
    if plan is None:
        raise NotFoundError(msg("没有编号为“{number}”的轮换补充计划。", number=number), field=msg("计划编号"))
    return plan
