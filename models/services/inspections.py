"""养护: inspection schedules, recording an inspection, and what is due this week or overdue.

A schedule repeats every N months for a scope:

- no item and no category: one inspection per store (fire checks, turning stacks);
- an item or a category (and its sub-categories): one per store holding that stock (test runs,
  airing tents and bedding);
- ``min_age_years``: one per batch held that long in a store (sample tests of goods held 3 years).

The next due date rolls forward from the last record of the same target: last + interval. A target
never inspected is due from the schedule's start date (for batch sampling: the day the batch has
been held ``min_age_years``). A failed result can open a pending scrap request or a repair note.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.catalog import Category, Item
from models.schema.enums import Role
from models.schema.maintenance import (
    FollowUp, InspectionKind, InspectionRecord, InspectionResult, InspectionSchedule, ScrapReason,
)
from models.schema.stock import Balance, Batch, Movement
from models.schema.documents import Document
from models.schema.warehouse import Store
from models.services import ledger
from models.services.catalog import category_by_code
from models.services.lookup import batch_by_number, item_by_code, store_by_code
from models.services.permissions import require_catalog_edit, require_post
from models.services.scrapping import ScrapLine
from models.validation import check_code, check_text, parse_date, parse_quantity

DEFAULT_WITHIN_DAYS = 7

# (code, name, kind, interval months, category code, min age years) — shared/DOMAIN.md
DEFAULT_SCHEDULES: list[tuple[str, str, InspectionKind, int, str | None, int | None]] = [
    ("GEN-RUN", "发电机组试运行", InspectionKind.TEST_RUN, 1, "20202", None),
    ("PUMP-RUN", "水泵试运行", InspectionKind.TEST_RUN, 1, "20201", None),
    ("TENT-AIR", "帐篷晾晒检查", InspectionKind.AIRING, 6, "101", None),
    ("BED-AIR", "被服晾晒检查", InspectionKind.AIRING, 6, "102", None),
    ("STACK-TURN", "物资翻垛", InspectionKind.TURN_STACK, 12, None, None),
    ("SAMPLE-3Y", "储存满3年物资按批次抽样检验", InspectionKind.SAMPLE_TEST, 12, None, 3),
    ("FIRE", "消防安全检查", InspectionKind.FIRE_CHECK, 1, None, None),
]


@dataclass
class ScheduleInput:
    code: str
    name: str
    kind: InspectionKind | str
    interval_months: int
    item_code: str | None = None
    category_code: str | None = None
    store_code: str | None = None
    min_age_years: int | None = None
    start_date: dt.date | str | None = None


@dataclass(frozen=True)
class ScheduleInfo:
    code: str
    name: str
    kind: InspectionKind
    interval_months: int
    scope: str  # human-readable: "每个储备库" / "分类 101 帐篷及篷布" / "物资 GEN5 发电机"
    store_code: str | None
    min_age_years: int | None
    start_date: dt.date
    active: bool


@dataclass(frozen=True)
class DueInspection:
    """One inspection that is due (within the window) or overdue."""

    schedule_code: str
    schedule_name: str
    kind: InspectionKind
    store_code: str
    store_name: str
    item_code: str | None
    item_name: str | None
    batch: str | None
    last_inspected: dt.date | None
    due_date: dt.date
    status: str  # "due" or "overdue"

    @property
    def key(self) -> str:
        return f"{self.schedule_code}:{self.store_code}:{self.item_code or ''}:{self.batch or ''}:{self.due_date}"

    @property
    def target(self) -> str:
        parts = [self.store_name]
        if self.item_name:
            parts.append(self.item_name)
        if self.batch:
            parts.append(msg("批次 {batch}", batch=self.batch))
        return " / ".join(parts)

    def as_json(self) -> dict:
        return {
            "schedule": self.schedule_code, "name": self.schedule_name, "kind": self.kind.value,
            "store_code": self.store_code, "item_code": self.item_code, "batch": self.batch,
            "last_inspected": self.last_inspected.isoformat() if self.last_inspected else None,
            "due_date": self.due_date.isoformat(), "status": self.status,
        }


@dataclass
class InspectionInput:
    store_code: str
    inspector: str
    result: InspectionResult | str
    schedule_code: str | None = None
    item_code: str | None = None
    batch_no: str | None = None
    inspected_on: dt.date | str | None = None  # default: today
    problems: str = ""
    photos: list[str] = field(default_factory=list)  # file paths
    follow_up: FollowUp | str = FollowUp.NONE
    repair_note: str = ""
    scrap_quantity: Decimal | int | str | None = None


@dataclass(frozen=True)
class RecordedInspection:
    id: int
    schedule_code: str | None
    store_code: str
    inspected_on: dt.date
    result: InspectionResult
    follow_up: FollowUp
    next_due: dt.date | None
    scrap_number: str | None = None


@dataclass(frozen=True)
class InspectionHistoryRow:
    id: int
    inspected_on: dt.date
    schedule_name: str
    store_code: str
    item_name: str
    batch: str
    inspector: str
    result: InspectionResult
    problems: str
    photos: tuple[str, ...]
    follow_up: FollowUp
    repair_note: str
    scrap_number: str | None


# --- schedules ---------------------------------------------------------------------------------


def install_default_schedules(ctx: ServiceContext, *, start_date: dt.date | None = None) -> int:
    """Create the default schedules that are missing (skipping those whose category is absent)."""
    require_catalog_edit(ctx.actor)
    start = start_date or ctx.today()
    added = 0
    with ctx.write() as session:
        existing = set(session.scalars(select(InspectionSchedule.code)))
        categories = {c.code: c for c in session.scalars(select(Category))}
        for code, name, kind, months, category_code, min_age in DEFAULT_SCHEDULES:
            if code in existing or (category_code and category_code not in categories):
                continue
            session.add(InspectionSchedule(
                code=code, name=name, kind=kind, interval_months=months,
                category_id=categories[category_code].id if category_code else None,
                min_age_years=min_age, start_date=start, active=True, created_at=ctx.now(),
            ))
            added += 1
        if added:
            ledger.audit(ctx, session, "create", "inspection_schedule", "defaults", f"安装默认养护计划 {added} 项")
    return added


def create_schedule(ctx: ServiceContext, data: ScheduleInput) -> ScheduleInfo:
    require_catalog_edit(ctx.actor)
    code = check_code(data.code, msg("计划编码"))
    name = check_text(data.name, msg("计划名称"), max_length=100, required=True)
    try:
        kind = InspectionKind(data.kind)
    except ValueError:
        raise ValidationError(msg("养护类型“{kind}”无效。", kind=data.kind), field=msg("养护类型")) from None
    for label, value, lowest in ((msg("间隔（月）"), data.interval_months, 1), (msg("储存年限"), data.min_age_years, 1)):
        if value is not None and (not isinstance(value, int) or value < lowest or value > 120):
            raise ValidationError(msg("{label}必须是 {lowest} 到 120 之间的整数（现为 {value}）。",
                                      label=label, lowest=lowest, value=value), field=label)
    if data.item_code and data.category_code:
        raise ValidationError(msg("养护计划只能按物资或按分类之一设定，不能同时指定。"), field=msg("物资编码"))
    with ctx.write() as session:
        if session.scalar(select(InspectionSchedule.id).where(InspectionSchedule.code == code)):
            raise ConflictError(msg("养护计划编码“{code}”已存在。", code=code), field=msg("计划编码"))
        schedule = InspectionSchedule(
            code=code, name=name, kind=kind, interval_months=data.interval_months,
            item_id=item_by_code(session, data.item_code).id if data.item_code else None,
            category_id=category_by_code(session, data.category_code).id if data.category_code else None,
            store_id=store_by_code(session, data.store_code).id if data.store_code else None,
            min_age_years=data.min_age_years,
            start_date=parse_date(data.start_date, msg("开始日期")) or ctx.today(), active=True, created_at=ctx.now(),
        )
        session.add(schedule)
        session.flush()
        ledger.audit(ctx, session, "create", "inspection_schedule", code, f"新建养护计划 {name}")
        return _schedule_info(schedule)


def set_schedule_active(ctx: ServiceContext, code: str, active: bool) -> None:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        schedule = _schedule_by_code(session, code)
        schedule.active = bool(active)
        ledger.audit(ctx, session, "update", "inspection_schedule", code, "启用" if active else "停用")


def list_schedules(ctx: ServiceContext, *, include_inactive: bool = False) -> list[ScheduleInfo]:
    with ctx.read() as session:
        stmt = select(InspectionSchedule).order_by(InspectionSchedule.code)
        if not include_inactive:
            stmt = stmt.where(InspectionSchedule.active.is_(True))
        return [_schedule_info(s) for s in session.scalars(stmt)]


def _schedule_info(s: InspectionSchedule) -> ScheduleInfo:
    if s.item is not None:
        scope = msg("物资 {code} {name}", code=s.item.code, name=s.item.name)
    elif s.category is not None:
        scope = msg("分类 {code} {name}", code=s.category.full_code, name=s.category.name)
    else:
        scope = msg("每个储备库") if s.min_age_years is None else msg("每个批次")
    if s.min_age_years:
        scope = msg("{scope}（储存满 {years} 年）", scope=scope, years=s.min_age_years)
    return ScheduleInfo(s.code, s.name, s.kind, s.interval_months, scope, s.store.code if s.store else None,
                        s.min_age_years, s.start_date, s.active)


def _schedule_by_code(session: Session, code: str) -> InspectionSchedule:
    schedule = session.scalar(select(InspectionSchedule).where(InspectionSchedule.code == code))
    if schedule is None:
        raise NotFoundError(msg("没有编码为“{code}”的养护计划。", code=code), field=msg("养护计划"))
    return schedule


# --- what is due -------------------------------------------------------------------------------


def due_inspections(
    ctx: ServiceContext,
    *,
    within_days: int = DEFAULT_WITHIN_DAYS,
    store_code: str | None = None,
    as_of: dt.date | None = None,
) -> list[DueInspection]:
    """Inspections overdue or due within ``within_days`` (default: this week), earliest first."""
    as_of = as_of or ctx.today()
    horizon = as_of + dt.timedelta(days=within_days)
    result = []
    with ctx.read() as session:
        store_filter = store_by_code(session, store_code).id if store_code else None
        schedules = list(session.scalars(select(InspectionSchedule).where(InspectionSchedule.active.is_(True))))
        if not schedules:
            return result
        # id, code and name are all the targets use: plain rows, not an ORM object per store (a city has 3,200)
        stores = {s.id: s for s in session.execute(
            select(Store.id, Store.code, Store.name).where(Store.active.is_(True)))}
        if ctx.actor.role is Role.KEEPER:
            stores = {k: v for k, v in stores.items() if k in ctx.actor.store_ids}
        if store_filter is not None:
            stores = {k: v for k, v in stores.items() if k == store_filter}
        last = _last_records(session)
        for schedule in schedules:
            for store, item, batch, first_due in _targets(session, schedule, stores, as_of):
                key = (store.id, item.id if item and schedule.min_age_years is None else None,
                       batch.id if batch else None)
                previous = last[schedule.id].get(key)
                due = previous + relativedelta(months=schedule.interval_months) if previous else first_due
                if due > horizon:
                    continue
                result.append(DueInspection(
                    schedule.code, schedule.name, schedule.kind, store.code, store.name,
                    item.code if item else None, item.name if item else None, batch.batch_no if batch else None,
                    previous, due, "overdue" if due < as_of else "due",
                ))
    result.sort(key=lambda d: (d.due_date, d.store_code, d.schedule_code, d.item_code or "", d.batch or ""))
    return result


def _last_records(session: Session) -> dict[int, dict[tuple, dt.date]]:
    """Latest inspection date per schedule and target (store; store+item; store+batch)."""
    rows = session.execute(
        select(InspectionRecord.schedule_id, InspectionRecord.store_id, InspectionRecord.item_id,
               InspectionRecord.batch_id, func.max(InspectionRecord.inspected_on))
        .where(InspectionRecord.schedule_id.is_not(None))
        .group_by(InspectionRecord.schedule_id, InspectionRecord.store_id, InspectionRecord.item_id,
                  InspectionRecord.batch_id)
    )
    last: dict[int, dict[tuple, dt.date]] = defaultdict(dict)
    for schedule_id, store_id, item_id, batch_id, when in rows:
        keys = [(store_id, None, None)]
        if item_id is not None:
            keys.append((store_id, item_id, None))
        if batch_id is not None:
            keys.append((store_id, None, batch_id))
        for key in keys:
            if when > last[schedule_id].get(key, dt.date.min):
                last[schedule_id][key] = when
    return last


def _matching_item_ids(session: Session, schedule: InspectionSchedule) -> set[int] | None:
    """Items in the schedule's scope; None means every item."""
    if schedule.item_id is not None:
        return {schedule.item_id}
    if schedule.category is not None:
        prefix = schedule.category.code
        return set(session.scalars(
            select(Item.id).join(Category, Category.id == Item.category_id).where(Category.code.startswith(prefix))
        ))
    return None


def _targets(session: Session, schedule: InspectionSchedule, stores: dict[int, Any], as_of: dt.date):
    """(store, item, batch, first due date) for each thing this schedule inspects."""
    if schedule.store_id is not None:
        stores = {k: v for k, v in stores.items() if k == schedule.store_id}
    if not stores:
        return
    item_ids = _matching_item_ids(session, schedule)
    if item_ids is None and schedule.min_age_years is None:
        for store in sorted(stores.values(), key=lambda s: s.code):
            yield store, None, None, schedule.start_date
        return
    stmt = (
        select(Balance.store_id, Item, Batch)
        .join(Item, Item.id == Balance.item_id).join(Batch, Batch.id == Balance.batch_id)
        .where(Balance.quantity > 0, Balance.store_id.in_(list(stores)))
    )
    if item_ids is not None:
        stmt = stmt.where(Balance.item_id.in_(item_ids or {-1}))
    rows = session.execute(stmt).all()
    if schedule.min_age_years is None:
        seen = set()
        for store_id, item, _batch in rows:
            if (store_id, item.id) not in seen:
                seen.add((store_id, item.id))
                yield stores[store_id], item, None, schedule.start_date
        return
    # goods are held no longer than since they were made: skip recent batches before asking the ledger
    latest_start = as_of + dt.timedelta(days=366) - relativedelta(years=schedule.min_age_years)
    rows = [(s, i, b) for s, i, b in rows if b.production_date is None or b.production_date <= latest_start]
    held = _held_since(session, [(store_id, batch.id) for store_id, _item, batch in rows])
    for store_id, item, batch in rows:
        since = held.get((store_id, batch.id)) or batch.production_date
        if since is None:
            continue
        first_due = since + relativedelta(years=schedule.min_age_years)
        if first_due <= as_of + dt.timedelta(days=366):
            yield stores[store_id], item, batch, max(first_due, schedule.start_date)


def _held_since(session: Session, keys: list[tuple[int, int]]) -> dict[tuple[int, int], dt.date]:
    """The date each batch first came into each store (its first movement's document date)."""
    if not keys:
        return {}
    batch_ids = {batch_id for _store, batch_id in keys}
    store_ids = {store_id for store_id, _batch in keys}
    rows = session.execute(
        select(Movement.store_id, Movement.batch_id, func.min(Document.doc_date))
        .join(Document, Document.id == Movement.document_id)
        .where(Movement.batch_id.in_(batch_ids), Movement.store_id.in_(store_ids), Movement.delta > 0)
        .group_by(Movement.store_id, Movement.batch_id)
    )
    return {(store_id, batch_id): when for store_id, batch_id, when in rows}


# --- recording ---------------------------------------------------------------------------------


def record_inspection(ctx: ServiceContext, data: InspectionInput) -> RecordedInspection:
    """Record one inspection; a failed one may open a pending scrap request or a repair note."""
    from models.services.scrap_approval import create_request

    inspector = check_text(data.inspector, msg("检查人"), max_length=100, required=True)
    problems = check_text(data.problems, msg("发现的问题"), max_length=4000)
    repair_note = check_text(data.repair_note, msg("维修说明"), max_length=4000)
    inspected_on = parse_date(data.inspected_on, msg("检查日期")) or ctx.today()
    if inspected_on > ctx.today():
        raise ValidationError(msg("检查日期 {inspected_on} 晚于今天，不能预先登记检查结果。", inspected_on=inspected_on), field=msg("检查日期"))
    result = _parse(InspectionResult, data.result, msg("检查结果"), msg("pass（合格）或 fail（不合格）"))
    follow_up = _parse(FollowUp, data.follow_up, msg("后续处理"), msg("none、scrap（报废）或 repair（维修）"))
    photos = _check_photos(data.photos)
    if result is InspectionResult.FAIL and not problems:
        raise ValidationError(msg("检查不合格时请填写发现的问题。"), field=msg("发现的问题"))
    if result is InspectionResult.PASS and follow_up is not FollowUp.NONE:
        raise ValidationError(msg("检查合格时不需要报废或维修。"), field=msg("后续处理"))
    if follow_up is FollowUp.REPAIR and not (repair_note or problems):
        raise ValidationError(msg("请填写维修说明。"), field=msg("维修说明"))
    with ctx.write() as session:
        store = store_by_code(session, data.store_code)
        require_post(ctx.actor, store)
        schedule = _schedule_by_code(session, data.schedule_code) if data.schedule_code else None
        item = item_by_code(session, data.item_code) if data.item_code else None
        batch = batch_by_number(session, item, data.batch_no) if item and data.batch_no else None
        if data.batch_no and item is None:
            raise ValidationError(msg("指定批次时请同时指定物资。"), field=msg("物资编码"))
        if schedule is not None:
            _check_scope(session, schedule, store, item, batch)
        record = InspectionRecord(
            schedule_id=schedule.id if schedule else None, store_id=store.id,
            item_id=item.id if item else None, batch_id=batch.id if batch else None,
            inspected_on=inspected_on, inspector=inspector, result=result, problems=problems,
            photos=json.dumps(photos, ensure_ascii=False), follow_up=follow_up,
            repair_note=repair_note or (problems if follow_up is FollowUp.REPAIR else ""),
            created_by_id=ctx.actor.user_id, created_at=ctx.now(),
        )
        session.add(record)
        session.flush()
        scrap_number = None
        if follow_up is FollowUp.SCRAP:
            if batch is None:
                raise ValidationError(msg("检查不合格要报废时，请指定物资和批次。"), field=msg("批次号"))
            quantity = parse_quantity(data.scrap_quantity, msg("报废数量"))
            document = create_request(
                ctx, session, store, [ScrapLine(item.code, batch.batch_no, quantity, remarks=f"养护记录 {record.id}")],
                reason_kind=ScrapReason.FAILED_INSPECTION, reason=problems[:400], inspection_id=record.id,
            )
            record.scrap_document_id = document.id
            scrap_number = document.number
        ledger.audit(ctx, session, "create", "inspection", str(record.id),
                     f"{schedule.name if schedule else '养护检查'}：{result.label}（{store.name}）",
                     after={"store": store.code, "schedule": schedule.code if schedule else None,
                            "item": item.code if item else None, "batch": batch.batch_no if batch else None,
                            "date": inspected_on, "result": result.value, "follow_up": follow_up.value,
                            "scrap": scrap_number})
        next_due = inspected_on + relativedelta(months=schedule.interval_months) if schedule else None
        return RecordedInspection(record.id, schedule.code if schedule else None, store.code, inspected_on,
                                  result, follow_up, next_due, scrap_number)


def _parse(enum_cls, value, label: str, choices: str):
    try:
        return enum_cls(value)
    except ValueError:
        raise ValidationError(msg("{label}“{value}”无效，可选 {choices}。",
                                  label=label, value=value, choices=choices), field=label) from None


def _check_photos(photos) -> list[str]:
    paths = [check_text(str(p), msg("照片路径"), max_length=500) for p in (photos or [])]
    paths = [p for p in paths if p]
    if len(paths) > 20:
        raise ValidationError(msg("每次检查最多登记 20 张照片。"), field=msg("照片"))
    return paths


def _check_scope(session: Session, schedule: InspectionSchedule, store: Store, item: Item | None,
                 batch: Batch | None) -> None:
    if schedule.store_id is not None and schedule.store_id != store.id:
        raise ValidationError(msg("养护计划“{schedule_name}”只适用于储备库 {store_code}。",
                                  schedule_name=schedule.name, store_code=schedule.store.code), field=msg("储备库"))
    item_ids = _matching_item_ids(session, schedule)
    if item_ids is not None:
        if item is None:
            raise ValidationError(msg("养护计划“{schedule_name}”按物资检查，请指定物资。",
                                      schedule_name=schedule.name), field=msg("物资编码"))
        if item.id not in item_ids:
            raise ValidationError(msg("物资“{item_name}”不在养护计划“{schedule_name}”的范围内。",
                                      item_name=item.name, schedule_name=schedule.name), field=msg("物资编码"))
    if schedule.min_age_years is not None and batch is None:
        raise ValidationError(msg("养护计划“{schedule_name}”按批次抽检，请指定物资和批次。",
                                  schedule_name=schedule.name), field=msg("批次号"))


def inspection_history(ctx: ServiceContext, *, store_code: str | None = None, limit: int = 200
                       ) -> list[InspectionHistoryRow]:
    with ctx.read() as session:
        stmt = select(InspectionRecord).order_by(InspectionRecord.inspected_on.desc(), InspectionRecord.id.desc())
        if store_code:
            stmt = stmt.where(InspectionRecord.store_id == store_by_code(session, store_code).id)
        if ctx.actor.role is Role.KEEPER:
            stmt = stmt.where(InspectionRecord.store_id.in_(ctx.actor.store_ids or {-1}))
        return [
            InspectionHistoryRow(
                r.id, r.inspected_on, r.schedule.name if r.schedule else msg("养护检查"), r.store.code,
                r.item.name if r.item else "", r.batch.batch_no if r.batch else "", r.inspector, r.result,
                r.problems, tuple(json.loads(r.photos or "[]")), r.follow_up, r.repair_note,
                r.scrap_document.number if r.scrap_document else None,
            )
            for r in session.scalars(stmt.limit(limit))
        ]
