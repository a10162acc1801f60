"""Demo agreements (协议储备) for 临江县: a supermarket chain keeping food and water, a textile firm with
production capacity for bedding and tents, and a hardware firm keeping flood-fighting materials.

Dates are relative to today so the reminders always show something: the supermarket agreement ends
within 90 days and its last check found water below the minimum; the hardware agreement is a
renewal (the earlier one is kept as history), is overdue for a check and had a call-up in last
year's flood season, partly replenished.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from models.context import ServiceContext
from models.demo.base import DemoCounty
from models.services.agreements import (
    AgreementInput,
    EnterpriseInput,
    LineInput,
    activate_agreement,
    call_up,
    create_agreement,
    record_check,
    renew_agreement,
    replenish,
)
from models.services.catalog import ItemInput, create_item
from models.services.credit_code import check_character

CHECKER = "李科长、王建国"


def credit_code(first17: str) -> str:
    return first17 + check_character(first17)


SUPERMARKET = EnterpriseInput(
    "临江县惠民超市连锁有限公司", credit_code("91360999MA35KH2L1"), "临江县城关镇解放路 88 号",
    "陈国华", "0797-8231188", "食品、饮用水")
TEXTILE = EnterpriseInput(
    "华东纺织集团临江有限公司", credit_code("91360999MA38TX6P0"), "临江县工业园区纺织路 6 号",
    "周丽", "13907971166", "被褥、帐篷（产能）")
HARDWARE = EnterpriseInput(
    "临江县安澜五金防汛物资有限公司", credit_code("91360999MA36AL0F3"), "临江县河口镇沿江大道 21 号",
    "刘德明", "13807972299", "防汛物资")

# (preferred code, name to look for, fallback item) — the fallback is created if the catalogue lacks it
_WANTED = {
    "noodles": ("FBM1", "方便面", ItemInput("XY-FBM", "方便面", "箱", spec="24袋/箱", category_code="10401", shelf_life_months=6)),
    "water": ("KQS1", "瓶装饮用水", ItemInput("XY-KQS", "瓶装饮用水", "箱", spec="550ml×24瓶/箱", category_code="10501", shelf_life_months=12)),
    "rice": ("DM01", "大米", ItemInput("XY-DM", "大米", "kg", spec="25kg/袋", category_code="10402", shelf_life_months=12)),
    "oil": ("SYY1", "食用油", ItemInput("XY-SYY", "食用油", "桶", spec="5L/桶", category_code="10402", shelf_life_months=18)),
    "quilt": ("MB01", "棉被", ItemInput("XY-MB", "棉被", "床", spec="2kg", category_code="10201")),
    "towel_quilt": ("MJB1", "毛巾被", ItemInput("XY-MJB", "毛巾被", "床", category_code="10201")),
    "tent": ("ZP12", "救灾帐篷", ItemInput("XY-ZP12", "救灾帐篷", "顶", spec="12㎡ 单帐篷", category_code="10101", returnable=True)),
    "bags": ("BZD1", "编织袋", ItemInput("XY-BZD", "编织袋", "条", spec="50×80cm", category_code="30101")),
    "membrane": ("TGM1", "土工膜", ItemInput("XY-TGM", "土工膜", "㎡", spec="0.5mm", category_code="30102")),
    "piles": ("ZM01", "桩木", ItemInput("XY-ZM", "桩木", "根", spec="Φ12cm×3m", category_code="30103")),
    "shovels": ("TQ01", "铁锹", ItemInput("XY-TQ", "铁锹", "把", category_code="30201")),
}


def _clock_ctx(ctx: ServiceContext, day: dt.date) -> ServiceContext:
    moment = dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.timezone.utc)
    return ServiceContext(ctx.db, ctx.actor, ctx.machine, today=lambda: day, now=lambda: moment)


def _items(ctx: ServiceContext, county: DemoCounty) -> dict[str, str]:
    by_name = {}
    for code, name in county.items.items():
        by_name.setdefault(name, code)
    chosen = {}
    for key, (code, name, fallback) in _WANTED.items():
        if code in county.items:
            chosen[key] = code
        elif name in by_name:
            chosen[key] = by_name[name]
        else:
            create_item(ctx, fallback)
            county.items[fallback.code] = fallback.name
            chosen[key] = fallback.code
    return chosen


def populate(ctx: ServiceContext, county: DemoCounty) -> None:
    today = ctx.today()
    items = _items(ctx, county)
    month = today.replace(day=1)
    year = today.year

    # 1. Supermarket chain: food and water, one year, ends within 90 days; last check short of water.
    start = month - relativedelta(months=10)
    number = f"LJYJ-XY-{start.year}-01"
    create_agreement(_clock_ctx(ctx, start), AgreementInput(
        number, SUPERMARKET, "physical", start, start + relativedelta(years=1) - dt.timedelta(days=1),
        [LineInput(items["water"], 6000, 5000), LineInput(items["noodles"], 3000, 2500),
         LineInput(items["rice"], 50000, 40000), LineInput(items["oil"], 1000, 800)],
        storage_place="惠民超市城南配送中心 3 号库", response_hours=6, annual_fee=Decimal("48000"),
        fee_rules="按季度支付，每季度 12,000 元；核查实存低于最低数量的，按短缺比例扣减当季费用。",
        rotation_duty="企业按先进先出自行轮换，保质期剩余不少于 1/3；每年 3 月报送轮换计划。",
        contract_path=f"合同扫描件/{number}.pdf"))
    activate_agreement(_clock_ctx(ctx, start), number)
    first = start + relativedelta(months=4, days=9)
    record_check(_clock_ctx(ctx, first), number, first, CHECKER,
                 {items["water"]: 6000, items["noodles"]: 3100, items["rice"]: 50000, items["oil"]: 1000},
                 remarks="汛前检查，账实相符。")
    second = today - dt.timedelta(days=40)
    record_check(_clock_ctx(ctx, second), number, second, CHECKER,
                 {items["water"]: 4200, items["noodles"]: 2900, items["rice"]: 46000, items["oil"]: 950},
                 remarks="瓶装饮用水实存低于最低数量，已书面通知企业 15 日内补足。")

    # 2. Textile firm: production capacity for bedding and tents, two years, 24 hours.
    start = month - relativedelta(months=4)
    number = f"LJYJ-CN-{start.year}-02"
    create_agreement(_clock_ctx(ctx, start), AgreementInput(
        number, TEXTILE, "capacity", start, start + relativedelta(years=2) - dt.timedelta(days=1),
        [LineInput(items["quilt"], 3000, 2000), LineInput(items["towel_quilt"], 2000, 1500),
         LineInput(items["tent"], 300, 200)],
        storage_place="华东纺织集团临江有限公司生产基地", response_hours=24, annual_fee=Decimal("30000"),
        fee_rules="产能保障费每年 30,000 元，按季度支付；动用物资按协议单价另行结算。",
        rotation_duty="企业保持原料储备，确保接到调用通知后 24 小时内交付协议数量。",
        contract_path=f"合同扫描件/{number}.pdf"))
    activate_agreement(_clock_ctx(ctx, start), number)
    day = today - dt.timedelta(days=60)
    record_check(_clock_ctx(ctx, day), number, day, CHECKER,
                 {items["quilt"]: 3200, items["towel_quilt"]: 2000, items["tent"]: 320},
                 remarks="核查原料库存和生产线，具备协议产能。")

    # 3. Hardware firm: flood-fighting materials; last year's agreement renewed this year.
    old_start = dt.date(year - 1, 1, 1)
    old = f"LJYJ-XY-{year - 1}-03"
    create_agreement(_clock_ctx(ctx, old_start), AgreementInput(
        old, HARDWARE, "physical", old_start, dt.date(year - 1, 12, 31),
        [LineInput(items["bags"], 200000, 150000), LineInput(items["membrane"], 20000, 15000),
         LineInput(items["piles"], 1000, 800), LineInput(items["shovels"], 2000, 1500)],
        storage_place="安澜五金河口仓库", response_hours=6, annual_fee=Decimal("60000"),
        fee_rules="每年 60,000 元，按季度支付；实存低于最低数量的按比例扣减。",
        rotation_duty="编织袋、土工膜每年汛后检查老化情况，不合格的由企业更换。",
        contract_path=f"合同扫描件/{old}.pdf"))
    activate_agreement(_clock_ctx(ctx, old_start), old)
    day = dt.date(year - 1, 4, 20)
    record_check(_clock_ctx(ctx, day), old, day, CHECKER,
                 {items["bags"]: 200000, items["membrane"]: 20000, items["piles"]: 1000, items["shovels"]: 2000},
                 remarks="汛前检查，账实相符。")
    flood = dt.datetime(year - 1, 7, 12, 1, 30, tzinfo=dt.timezone.utc)
    called = call_up(_clock_ctx(ctx, flood.date()), old, items["bags"], 30000, dispatch_order_number=f"DB-{year - 1}-0012",
                     called_at=flood, remarks="河口镇长堤村险情抢护")
    replenish(_clock_ctx(ctx, dt.date(year - 1, 8, 20)), called.call_up_id, 30000,
              replenished_at=dt.datetime(year - 1, 8, 20, 2, 0, tzinfo=dt.timezone.utc), remarks="企业按协议补足")
    renewed = f"LJYJ-XY-{year}-03"
    renew_agreement(_clock_ctx(ctx, dt.date(year - 1, 12, 20)), old, renewed)
    activate_agreement(_clock_ctx(ctx, dt.date(year - 1, 12, 28)), renewed)
    new_start = dt.date(year, 1, 1)
    if today >= new_start + dt.timedelta(days=10):
        day = new_start + dt.timedelta(days=9)
        record_check(_clock_ctx(ctx, day), renewed, day, CHECKER,
                     {items["bags"]: 195000, items["membrane"]: 20000, items["piles"]: 1000, items["shovels"]: 1980},
                     remarks="续签后首次核查。")
