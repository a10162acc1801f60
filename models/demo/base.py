"""The demo county 临江县: stores at three levels, the catalogue, users and two years of movements.

Everything goes through the services (so the ledger, balances and audit trail are real) on a
simulated clock that walks from two years ago to today. Seeded, so every demo is the same.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from models.context import ServiceContext
from models.schema.enums import Role
from models.services.catalog import ItemInput, create_item, install_starter_tree
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.reversal import reverse
from models.services.scrapping import ScrapLine, scrap
from models.services.stock_queries import stock_rows
from models.services.stocktake import CountLine, post_stocktake
from models.services.transfers import receive_transfer, ship_transfer
from models.services.users import add_user
from models.services.warehouses import StoreInput, create_area, create_store
from models.demo.catalog_data import DEMO_ITEMS, TOWNSHIPS, VILLAGE_NAMES
from models.errors import InsufficientStockError

COUNTY_NAME = "临江县"
COUNTY_CODE = "360999"
DEMO_PASSWORD = "demo1234"
SUPPLIERS = ["临江县百货公司", "江南应急装备有限公司", "华东纺织集团", "临江粮油贸易公司", "安澜防汛物资厂"]
MANUFACTURERS = ["际华集团", "江南应急装备有限公司", "华东纺织集团", "康师傅", "农夫山泉", "安澜防汛物资厂"]


@dataclass
class DemoCounty:
    """Codes the extra demo parts (agreements, dispatch, rotation, standards) build on."""

    county_name: str = COUNTY_NAME
    county_area: str = COUNTY_CODE
    county_store: str = COUNTY_CODE
    township_stores: list[str] = field(default_factory=list)
    village_stores: list[str] = field(default_factory=list)
    items: dict[str, str] = field(default_factory=dict)  # code → name
    users: dict[str, str] = field(default_factory=dict)  # username → role


class _Clock:
    """A movable "today" for the demo: documents are dated as if posted on that day."""

    def __init__(self, start: dt.date) -> None:
        self.day = start

    def today(self) -> dt.date:
        return self.day

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self.day, dt.time(9, 30), tzinfo=dt.timezone.utc)


def build_base(ctx: ServiceContext, progress=None) -> DemoCounty:
    rng = random.Random(20240501)
    county = DemoCounty()
    end = ctx.today()
    clock = _Clock(end - dt.timedelta(days=730))
    sim = ServiceContext(ctx.db, ctx.actor, ctx.machine, today=clock.today, now=clock.now)
    with sim.write() as session:
        install_starter_tree(session)
    _build_areas_and_stores(sim, county)
    for code, name, spec, unit, category, shelf, returnable, price, _where in DEMO_ITEMS:
        create_item(sim, ItemInput(code, name, unit, spec=spec, category_code=category,
                                   shelf_life_months=shelf, returnable=returnable,
                                   unit_price=Decimal(str(price))))
        county.items[code] = name
    _build_users(sim, county)
    _opening_stock(sim, county, rng, clock)
    _two_years(sim, county, rng, clock, end, progress)
    return county


def _build_areas_and_stores(ctx: ServiceContext, county: DemoCounty) -> None:
    create_area(ctx, COUNTY_CODE, COUNTY_NAME, "county")
    create_store(ctx, StoreInput(COUNTY_CODE, f"{COUNTY_NAME}应急物资储备库", "county", COUNTY_CODE,
                                 address=f"{COUNTY_NAME}工业园区储备路 8 号", keeper_name="王建国",
                                 keeper_phone="0797-8123456", floor_area="2400"))
    villages = iter(VILLAGE_NAMES)
    for index, township in enumerate(TOWNSHIPS, start=1):
        area_code = f"{COUNTY_CODE}{100 + index}"
        create_area(ctx, area_code, township, "township", COUNTY_CODE)
        store_code = area_code
        create_store(ctx, StoreInput(store_code, f"{township}应急物资储备点", "township", area_code,
                                     address=f"{township}人民政府院内", keeper_name=f"{township[0]}保管",
                                     keeper_phone=f"139{index:04d}{index * 7:04d}", floor_area=str(120 + index * 10)))
        county.township_stores.append(store_code)
        for number in range(1, 4 if index <= 12 else 3):
            name = next(villages, None)
            if name is None:
                break
            village_area = f"{area_code}{200 + number}"
            create_area(ctx, village_area, name, "village", area_code)
            create_store(ctx, StoreInput(village_area, f"{name}应急物资储备点", "village", village_area,
                                         address=f"{township}{name}村委会", keeper_name=f"{name[0]}主任"))
            county.village_stores.append(village_area)


def _build_users(ctx: ServiceContext, county: DemoCounty) -> None:
    add_user(ctx, "officer", Role.OFFICER, password=DEMO_PASSWORD, display_name="李科长")
    add_user(ctx, "leader", Role.VIEWER, password=DEMO_PASSWORD, display_name="张局长")
    add_user(ctx, "keeper", Role.KEEPER, password=DEMO_PASSWORD, display_name="王建国",
             store_codes=[county.county_store])
    add_user(ctx, "keeper101", Role.KEEPER, password=DEMO_PASSWORD, display_name="城关镇保管员",
             store_codes=[county.township_stores[0]] + county.village_stores[:3])
    county.users = {"officer": "officer", "leader": "viewer", "keeper": "keeper", "keeper101": "keeper"}


def _receipt_line(code: str, quantity: int, clock: _Clock, rng: random.Random, age_days: int) -> ReceiptLine:
    shelf = next(row[5] for row in DEMO_ITEMS if row[0] == code)
    if shelf is None:
        return ReceiptLine(code, quantity, manufacturer=rng.choice(MANUFACTURERS))
    produced = clock.day - dt.timedelta(days=age_days)
    return ReceiptLine(code, quantity, batch_no=f"{code}-{produced:%Y%m%d}", production_date=produced,
                       manufacturer=rng.choice(MANUFACTURERS))


def _opening_stock(ctx: ServiceContext, county: DemoCounty, rng: random.Random, clock: _Clock) -> None:
    """Stock on hand two years ago, as it would have been taken over from the old Excel ledger."""
    county_lines = []
    for code, _name, _spec, unit, _cat, shelf, _ret, price, _where in DEMO_ITEMS:
        base = 20000 if price < 5 else 3000 if price < 50 else 600 if price < 400 else 40 if price < 5000 else 6
        quantity = int(base * rng.uniform(0.6, 1.4)) or 1
        age = rng.randint(30, 200) if shelf else 0
        county_lines.append(_receipt_line(code, quantity, clock, rng, age))
    receive(ctx, county.county_store, county_lines, supplier="期初结存", reference="期初")
    for store in county.township_stores:
        lines = [_receipt_line(code, int(rng.randint(5, 60) * (200 if price < 5 else 1)), clock, rng,
                               rng.randint(10, 120) if shelf else 0)
                 for code, _n, _s, _u, _c, shelf, _r, price, where in DEMO_ITEMS if where in "TV"]
        receive(ctx, store, lines, supplier="期初结存", reference="期初")
    for store in county.village_stores:
        lines = [_receipt_line(code, int(rng.randint(2, 20) * (100 if price < 5 else 1)), clock, rng,
                               rng.randint(10, 200) if shelf else 0)
                 for code, _n, _s, _u, _c, shelf, _r, price, where in DEMO_ITEMS if where == "V"]
        receive(ctx, store, lines, supplier="期初结存", reference="期初")


def _two_years(ctx, county, rng, clock, end, progress) -> None:
    """A week at a time: restocking, flood-season issues, transfers down the levels, checks."""
    perishable = [row for row in DEMO_ITEMS if row[5]]
    weeks = (end - clock.day).days // 7
    reversed_once = False
    for week in range(weeks):
        clock.day = min(end, clock.day + dt.timedelta(days=7))
        month = clock.day.month
        flood = 5 <= month <= 9
        if week % 3 == 0:  # restock perishables at the county store, with recent production dates
            chosen = rng.sample(perishable, 4)
            lines = [_receipt_line(row[0], int(rng.randint(50, 400) * (50 if row[7] < 10 else 1)), clock, rng,
                                   rng.randint(5, 60)) for row in chosen]
            posted = receive(ctx, county.county_store, lines, supplier=rng.choice(SUPPLIERS),
                             reference=f"采购通知 {clock.day:%Y}-{week:03d}")
            if not reversed_once and week > 20:
                reverse(ctx, posted.number, reason="供应商送错规格，整单退回")
                reversed_once = True
        for _ in range(2 if flood else 0):  # flood season: townships and villages hand out materials
            store = rng.choice(county.township_stores + county.village_stores)
            codes = [code for code in rng.sample(["BZD1", "MD01", "YY01", "SDT1", "TQ01", "JSY1"], 2)]
            _try(lambda: issue(ctx, store, [IssueLine(code, rng.randint(1, 8) * (100 if code in ("BZD1", "MD01") else 1))
                                            for code in codes],
                               receiver=f"{rng.choice(TOWNSHIPS)}防汛抢险队", purpose="防汛抢险"))
        if month in (12, 1, 2) and rng.random() < 0.3:  # cold waves: bedding and coats from the county store
            _try(lambda: issue(ctx, county.county_store,
                               [IssueLine(rng.choice(["MB01", "MDY1", "MT01"]), rng.randint(20, 80))],
                               receiver=f"{rng.choice(TOWNSHIPS)}人民政府", purpose="低温雨雪冰冻救助"))
        if week % 5 == 2:
            target = rng.choice(county.township_stores)
            code = rng.choice(["ZP12", "MB01", "KQS1", "FBM1", "ZDC1", "JSY1", "BZD1"])
            shipped = _try(lambda: ship_transfer(ctx, county.county_store, target,
                                                 [IssueLine(code, rng.randint(5, 30) * (100 if code == "BZD1" else 1))],
                                                 reference=f"应急调拨 {clock.day:%Y%m%d}"))
            if shipped and week <= weeks - 6:  # the last few stay in transit
                quantities = {(code, line.batch): line.quantity for line in shipped.lines}
                if rng.random() < 0.2:  # a short delivery: two units still on the road
                    first = shipped.lines[0]
                    quantities[(code, first.batch)] = max(Decimal(1), first.quantity - 2)
                receive_transfer(ctx, shipped.transfer_number, quantities)
        if week % 26 == 25:
            _annual_checks(ctx, county, rng, clock)
        if progress:
            progress(week + 1, weeks)


def _annual_checks(ctx, county, rng, clock) -> None:
    """Half-yearly: scrap what expired over a month ago (one record per store), and a stocktake."""
    cutoff = clock.day - dt.timedelta(days=30)
    by_store: dict[str, list] = {}
    for row in stock_rows(ctx):
        if row.expiry_date and row.expiry_date < cutoff:
            by_store.setdefault(row.store_code, []).append(row)
    for store_code, rows in by_store.items():
        scrap(ctx, store_code, [ScrapLine(row.item_code, row.batch, row.quantity) for row in rows],
              reason="超过保质期，经检验不能使用")
    rows = stock_rows(ctx, store_code=rng.choice(county.township_stores))
    if rows:
        row = rng.choice(rows)
        post_stocktake(ctx, row.store_code, [CountLine(row.item_code, row.batch, max(Decimal(0), row.quantity - 1))],
                       reason="半年盘点：破损 1")


def _try(action):
    try:
        return action()
    except InsufficientStockError:
        return None


def months_ago(day: dt.date, months: int) -> dt.date:
    return day - relativedelta(months=months)
