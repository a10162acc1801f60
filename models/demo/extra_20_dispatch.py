"""Demo part for dispatch orders (调拨单): a flood-season order received and signed three weeks ago,
one approved and waiting to be issued, an emergency issue whose approval is overdue, and tents and
lamps lent to a shelter that are past their due-back date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.context import ServiceContext
from models.demo.base import DemoCounty
from models.errors import DomainError
from models.services import dispatch
from models.services.dispatch import DispatchLineInput, DispatchRequest, ReceiptCheck
from models.services.stock_queries import stock_rows


def _at(ctx: ServiceContext, moment: dt.datetime) -> ServiceContext:
    return ServiceContext(ctx.db, ctx.actor, ctx.machine, today=lambda: moment.date(), now=lambda: moment)


def _lines(ctx: ServiceContext, store: str, wanted: list[tuple[str, int]]) -> list[DispatchLineInput]:
    """Ask only for what the county store can give (the base demo's history is random)."""
    free: dict[str, Decimal] = {}
    for row in stock_rows(ctx, store_code=store):
        if row.expiry_date is None or row.expiry_date > ctx.today() + dt.timedelta(days=30):
            free[row.item_code] = free.get(row.item_code, Decimal(0)) + row.quantity - row.reserved
    lines = []
    for code, quantity in wanted:
        take = min(Decimal(quantity), free.get(code, Decimal(0)) // 2)
        if take >= 1:
            lines.append(DispatchLineInput(code, take))
    return lines


def _area_of(ctx: ServiceContext, store_code: str) -> str | None:
    """The area code of a store: its own stores are proposed first for requests from there."""
    from models.services.lookup import store_by_code

    with ctx.read() as session:
        return _try(lambda: store_by_code(session, store_code).area.code)


def _try(action):
    try:
        return action()
    except DomainError:
        return None  # a part of the demo that the random history cannot support is left out


def populate(ctx: ServiceContext, county: DemoCounty) -> None:
    now = dt.datetime.combine(ctx.today(), dt.time(9, 0), tzinfo=dt.timezone.utc)
    store = county.county_store
    township = _area_of(ctx, county.township_stores[0]) if county.township_stores else None
    common = dict(sender_contact="王建国", sender_phone="0797-8123456")

    def order(moment: dt.datetime, wanted, **fields) -> str | None:
        past = _at(ctx, moment)
        lines = _lines(past, store, wanted)
        if not lines:
            return None
        request = DispatchRequest(lines=lines, **common, **fields)
        created = _try(lambda: dispatch.create_request(past, request))
        return created.number if created else None

    # 1. received and signed three weeks ago, with one box of water short
    day = now - dt.timedelta(days=21)
    number = order(day, [("MB01", 120), ("FBM1", 60), ("KQS1", 80)],
                   requesting_unit="城关镇人民政府", receiving_unit="城关镇第一中学集中安置点",
                   requesting_area_code=township, place="城关镇第一中学体育馆", receiver_contact="刘校长",
                   receiver_phone="13907970001", reason="6月强降雨，城关镇低洼地带群众转移安置",
                   reference="临应急指〔2025〕18号", vehicle="赣C·D3618", escort="陈志强")
    if number:
        _try(lambda: dispatch.approve(_at(ctx, day + dt.timedelta(hours=1)), number, note="同意调拨"))
        _try(lambda: dispatch.issue(_at(ctx, day + dt.timedelta(hours=2)), number))
        view = _try(lambda: dispatch.order_view(ctx, number))
        checks = {}
        if view and len(view.lines) >= 3 and view.lines[2].issued_quantity > 1:
            checks[3] = ReceiptCheck(view.lines[2].issued_quantity - 1, note="运输途中破损 1 箱")
        _try(lambda: dispatch.confirm_receipt(_at(ctx, day + dt.timedelta(hours=6)), number, signed_by="刘校长",
                                              checks=checks, remarks="短少 1 箱已注明"))

    # 2. approved yesterday, goods reserved, waiting for the truck
    day = now - dt.timedelta(days=1)
    number = order(day, [("ZDC1", 80), ("MT01", 100), ("YSBG", 40)],
                   requesting_unit="县民政局", receiving_unit="县体育馆应急避难场所", place="县体育馆",
                   receiver_contact="周主任", receiver_phone="13907970002", reason="防汛应急演练后补充避难场所物资",
                   reference="临应急指〔2025〕21号")
    if number:
        _try(lambda: dispatch.approve(_at(ctx, day + dt.timedelta(hours=3)), number, note="同意，明日出库"))

    # 3. emergency issue three days ago on a telephone instruction; approval still owed (overdue)
    day = now - dt.timedelta(days=3)
    number = order(day, [("BZD1", 3000), ("JSY1", 40)],
                   requesting_unit="河口镇人民政府", receiving_unit="河口镇防汛抢险队", place="河口镇江堤 3 号段",
                   receiver_contact="赵队长", receiver_phone="13907970003", reason="江堤管涌抢险",
                   emergency=True, vehicle="赣C·K2207", escort="孙伟")
    if number:
        _try(lambda: dispatch.emergency_issue(_at(ctx, day + dt.timedelta(minutes=30)), number,
                                              instruction="县长电话指令（口头）"))

    # 4. tents and lamps lent to a shelter 40 days ago, due back 10 days ago, partly returned
    day = now - dt.timedelta(days=40)
    number = order(day, [("ZP12", 20), ("YJD1", 30)],
                   requesting_unit="县教育局", receiving_unit="县实验小学临时安置点", place="县实验小学操场",
                   receiver_contact="吴老师", receiver_phone="13907970004", reason="校舍安全鉴定期间师生临时安置",
                   due_back_date=(day + dt.timedelta(days=30)).date())
    if number:
        _try(lambda: dispatch.approve(_at(ctx, day + dt.timedelta(hours=1)), number))
        _try(lambda: dispatch.issue(_at(ctx, day + dt.timedelta(hours=2)), number))
        _try(lambda: dispatch.confirm_receipt(_at(ctx, day + dt.timedelta(hours=5)), number, signed_by="吴老师"))
        view = _try(lambda: dispatch.order_view(ctx, number))
        if view and view.lines and view.lines[0].issued_quantity >= 4:
            _try(lambda: dispatch.record_return(_at(ctx, now - dt.timedelta(days=12)), number, 1,
                                                good=view.lines[0].issued_quantity // 2, repaired=1,
                                                note="1 顶拉链损坏，已修复"))
