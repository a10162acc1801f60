"""Demo part for rotation and maintenance (轮换、养护、报废): the default inspection schedules with a
few records, one failed check with a repair note, a pending scrap request for expired goods, one
rotate-out by donation and one replacement plan."""

from __future__ import annotations

import datetime as dt

from models.context import ServiceContext
from models.demo.base import DemoCounty
from models.errors import DomainError
from models.services.inspections import InspectionInput, install_default_schedules, record_inspection
from models.services.rotation import plan_replacement, rotate_out, rotation_plan
from models.services.scrap_approval import expired_scrap_lines, request_scrap
from models.services.stock_queries import stock_rows


def _past(ctx: ServiceContext, day: dt.date) -> ServiceContext:
    return ServiceContext(ctx.db, ctx.actor, ctx.machine, today=lambda: day,
                          now=lambda: dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.timezone.utc))


def _try(action) -> None:
    try:
        action()
    except DomainError:
        pass  # the base demo's random history may lack a batch this part would use


def populate(ctx: ServiceContext, county: DemoCounty) -> None:
    today = ctx.today()
    # schedules start next week, so only the targets with records below are due or overdue now
    install_default_schedules(ctx, start_date=today + dt.timedelta(days=8))
    store = county.county_store
    township = county.township_stores[0] if county.township_stores else store
    held = {row.item_code for row in stock_rows(ctx, store_code=store)}

    def record(day_offset: int, store_code: str, schedule: str, item: str | None = None, **extra) -> None:
        day = today - dt.timedelta(days=day_offset)
        _try(lambda: record_inspection(_past(ctx, day), InspectionInput(
            store_code, extra.pop("inspector", "王建国"), extra.pop("result", "pass"), schedule_code=schedule,
            item_code=item, inspected_on=day, **extra)))

    record(26, store, "FIRE", photos=["养护照片/消防检查-县库.jpg"])  # next one due this week
    record(3, township, "FIRE", inspector="李卫东")
    record(12, store, "STACK-TURN")
    if "FD30" in held:
        record(38, store, "GEN-RUN", "FD30")  # a month on: overdue
    if "CYB1" in held:
        record(33, store, "PUMP-RUN", "CYB1")
    if "ZP36" in held:
        record(15, store, "TENT-AIR", "ZP36", result="fail", problems="2 顶帐篷底布受潮发霉",
               follow_up="repair", repair_note="晾晒后更换底布，已联系厂家")

    expired = expired_scrap_lines(ctx, store)[:3]
    if expired:
        _try(lambda: request_scrap(ctx, store, expired, reason_kind="expired",
                                   reason="年度报废审核：已过有效期，申请报废"))

    due = [row for row in rotation_plan(ctx, store_code=store) if row.status in ("due", "overdue")]
    if due:
        first = due[0]
        _try(lambda: plan_replacement(ctx, store, first.item_code, first.quantity, today + dt.timedelta(days=20),
                                      old_batch_no=first.batch, supplier="临江粮油贸易公司",
                                      remarks="按轮换计划补充新批次"))
    if len(due) > 1:
        second = due[1]
        quantity = max(1, int(second.quantity) // 5)
        _try(lambda: rotate_out(ctx, store, second.item_code, second.batch, quantity, method="donation",
                                receiver="临江县社会福利院", remarks="临期物资轮换捐赠"))
