"""The adequacy definitions of issue 7, checked with small hand-made data on both databases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from models.errors import NotFoundError, ValidationError
from models.schema.enums import ReserveMode
from models.schema.stock import Balance, Batch
from models.services.adequacy import Scenario, assess, need_sources
from models.services.catalog import ItemInput, create_item
from models.services.receiving import ReceiptLine, receive
from models.services.standards import NeedInput, add_need, create_standard, link_item

STD = "测试标准"


def make_standard(ctx, county, *, water_factor="0.55"):
    """Water 3 L per person-day (550 ml bottles), tents 1 per 3 persons, 200 woven bags fixed."""
    create_standard(ctx, STD, "测试用", "summer")
    add_need(ctx, STD, NeedInput("饮用水", "L", "per_person_day", "3"))
    add_need(ctx, STD, NeedInput("帐篷", "顶", "per_persons", "3"))
    add_need(ctx, STD, NeedInput("编织袋", "条", "fixed", "200"))
    link_item(ctx, STD, "饮用水", county.water, water_factor)
    link_item(ctx, STD, "帐篷", county.tent, 1)
    link_item(ctx, STD, "编织袋", county.bags, 1)


def lines(report):
    return {line.need: line for line in report.lines}


def test_required_per_basis(admin, county):
    make_standard(admin, county)
    report = assess(admin, Scenario(people=100, days=10, standard=STD))
    by_need = lines(report)
    assert by_need["饮用水"].required == Decimal(3000)  # 3 × 100 × 10
    assert by_need["帐篷"].required == Decimal(34)  # ceil(100 ÷ 3)
    assert by_need["编织袋"].required == Decimal(200)  # fixed, whatever the people
    report = assess(admin, Scenario(people=99, days=1, standard=STD))
    assert lines(report)["帐篷"].required == Decimal(33)  # exact division, no rounding up
    assert lines(report)["编织袋"].required == Decimal(200)
    assert report.as_of == dt.date(2026, 6, 1) and report.last_day == dt.date(2026, 6, 1)


def test_factor_and_days_of_supply(admin, county):
    make_standard(admin, county)
    receive(admin, county.county_store, [ReceiptLine(county.water, 1000, batch_no="W1")])  # 550 L
    receive(admin, county.county_store, [ReceiptLine(county.tent, 10, batch_no="T1")])
    report = assess(admin, Scenario(people=100, days=10, standard=STD))
    water = lines(report)["饮用水"]
    assert water.own == Decimal(550)
    assert water.available == Decimal(550)
    assert water.shortfall == Decimal(2450)
    assert water.coverage == Decimal("0.1833")  # 550 / 3000 = 0.18333… rounded down
    assert water.own_share == Decimal("0.1833")
    assert water.days_of_supply == 1  # floor(550 ÷ (3 × 100)) = floor(1.83)
    tents = lines(report)["帐篷"]
    assert tents.days_of_supply is None and lines(report)["编织袋"].days_of_supply is None
    assert tents.coverage == Decimal("0.2941")  # 10 / 34


def test_tent_factor_counts_a_large_tent_as_three(admin, county):
    make_standard(admin, county)
    create_item(admin, ItemInput("ZP36", "救灾帐篷", "顶", spec="36㎡ 棉帐篷", category_code="10101"))
    link_item(admin, STD, "帐篷", "ZP36", 3)
    receive(admin, county.county_store, [ReceiptLine("ZP36", 4), ReceiptLine(county.tent, 2)])
    report = assess(admin, Scenario(people=30, days=1, standard=STD))
    tents = lines(report)["帐篷"]
    assert tents.required == 10 and tents.own == 14 and tents.shortfall == 0
    assert tents.coverage == Decimal("1.4") and tents.own_share == 1 and tents.covered


def test_expiry_cut_off_on_the_last_day(admin, county):
    make_standard(admin, county, water_factor=1)
    # scenario 2026-06-01 + 15 days → last day 2026-06-15
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 10, batch_no="ON-LAST", expiry_date="2026-06-15"),
        ReceiptLine(county.water, 100, batch_no="DAY-BEFORE", expiry_date="2026-06-14"),
        ReceiptLine(county.water, 1, batch_no="NO-EXPIRY"),
    ])
    # 1 L per bottle; the item has a shelf life, but a batch received without dates has no expiry
    report = assess(admin, Scenario(people=1, days=15, standard=STD))
    assert report.last_day == dt.date(2026, 6, 15)
    assert lines(report)["饮用水"].own == Decimal(11)
    report = assess(admin, Scenario(people=1, days=14, standard=STD))
    assert lines(report)["饮用水"].own == Decimal(111)
    report = assess(admin, Scenario(people=1, days=1, as_of="2026-06-15", standard=STD))
    assert lines(report)["饮用水"].own == Decimal(11)


def test_reserved_quantities_are_subtracted(admin, county, db):
    make_standard(admin, county)
    receive(admin, county.county_store, [ReceiptLine(county.tent, 10, batch_no="T1")])
    receive(admin, county.township_store, [ReceiptLine(county.tent, 5, batch_no="T1")])
    with db.write() as session:  # an approved dispatch order not yet issued promises 4 tents
        session.execute(update(Balance).where(Balance.quantity == 10).values(reserved=Decimal(4)))
    tents = lines(assess(admin, Scenario(people=30, days=1, standard=STD)))["帐篷"]
    assert tents.own == Decimal(11)


def test_non_government_reserve_modes_are_not_own(admin, county):
    make_standard(admin, county)
    receive(admin, county.county_store, [
        ReceiptLine(county.bags, 100, batch_no="GOV"),
        ReceiptLine(county.bags, 1000, batch_no="DEPT", reserve_mode=ReserveMode.DEPARTMENT),
        ReceiptLine(county.bags, 5000, batch_no="HOUSE", reserve_mode=ReserveMode.PLEDGED),
    ])
    bags = lines(assess(admin, Scenario(people=1, days=1, standard=STD)))["编织袋"]
    assert bags.own == 100 and bags.available == 100 and bags.coverage == Decimal("0.5")


def test_level_and_area_scopes(admin, county):
    make_standard(admin, county)
    receive(admin, county.county_store, [ReceiptLine(county.bags, 1)])
    receive(admin, county.township_store, [ReceiptLine(county.bags, 20)])
    receive(admin, county.other_township_store, [ReceiptLine(county.bags, 300)])
    receive(admin, county.village_store, [ReceiptLine(county.bags, 4000)])

    def bags(**scope):
        return lines(assess(admin, Scenario(people=1, days=1, standard=STD, **scope)))["编织袋"].own

    assert bags() == 4321
    assert bags(level="county") == 1
    assert bags(level="township") == 320
    assert bags(level="村级") == 4000
    assert bags(area="320101") == 4321  # the county area and everything under it
    assert bags(area="320101001") == 4020  # 城关镇 and its village 东村
    assert bags(area="320101002") == 300
    assert bags(area="320101001001") == 4000
    report = assess(admin, Scenario(people=1, days=1, standard=STD, area="320101001"))
    assert report.as_json()["scenario"]["area"] == "320101001" and report.scope_label.startswith("城关镇")
    with pytest.raises(ValidationError):
        assess(admin, Scenario(people=1, days=1, standard=STD, area="320101", level="county"))
    with pytest.raises(NotFoundError):
        assess(admin, Scenario(people=1, days=1, standard=STD, area="999"))


def test_summary_fields(admin, county):
    make_standard(admin, county)
    receive(admin, county.county_store, [
        ReceiptLine(county.bags, 250),  # covered, own share 1
        ReceiptLine(county.tent, 1),  # 1 of 34: the weakest
        ReceiptLine(county.water, 4000),  # 2200 L of 3000
    ])
    report = assess(admin, Scenario(people=100, days=10, standard=STD))
    summary = report.summary
    assert summary.needs == 3 and summary.covered == 1
    assert summary.weakest == "帐篷"
    assert summary.min_coverage == Decimal("0.0294")
    assert summary.own_share_below_half == ("帐篷",)
    assert lines(report)["编织袋"].shortfall == 0 and lines(report)["编织袋"].coverage == Decimal("1.25")
    assert lines(report)["饮用水"].own_share == Decimal("0.7333")


def test_coverage_rounds_down_so_one_means_covered(admin, county):
    create_standard(admin, STD)
    add_need(admin, STD, NeedInput("编织袋", "条", "fixed", "100000"))
    link_item(admin, STD, "编织袋", county.bags, 1)
    receive(admin, county.county_store, [ReceiptLine(county.bags, 99999)])
    bags = lines(assess(admin, Scenario(people=1, days=1, standard=STD)))["编织袋"]
    assert bags.coverage == Decimal("0.9999") and not bags.covered
    assert assess(admin, Scenario(people=1, days=1, standard=STD)).summary.covered == 0


def test_need_without_items_and_empty_standard(admin, county):
    create_standard(admin, STD)
    report = assess(admin, Scenario(people=10, days=1, standard=STD))
    assert report.lines == () and report.summary.needs == 0
    assert report.summary.min_coverage is None and report.summary.weakest is None
    add_need(admin, STD, NeedInput("照明", "台", "fixed", "5"))
    line = assess(admin, Scenario(people=10, days=1, standard=STD)).lines[0]
    assert line.own == 0 and line.coverage == 0 and line.shortfall == 5 and line.item_count == 0


@pytest.mark.parametrize("people, days, as_of, message", [
    (-1, 15, None, "人数"), (0, 15, None, "人数"), (10, 0, None, "天数"), ("abc", 1, None, "人数"),
    (10, 1, "2026-13-01", "评估日期"),
])
def test_bad_scenarios_are_refused(admin, county, people, days, as_of, message):
    make_standard(admin, county)
    with pytest.raises(ValidationError) as caught:
        assess(admin, Scenario(people=people, days=days, as_of=as_of, standard=STD))
    assert message in caught.value.message


def test_unknown_standard(admin, county):
    with pytest.raises(NotFoundError) as caught:
        assess(admin, Scenario(people=10, days=1, standard="没有这个"))
    assert "没有这个" in caught.value.message


def test_drill_down_lists_stores_batches_and_reasons(admin, county, db):
    make_standard(admin, county, water_factor=1)
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 10, batch_no="GOOD"),
        ReceiptLine(county.water, 7, batch_no="OLD", expiry_date="2026-06-02"),
    ])
    receive(admin, county.township_store, [
        ReceiptLine(county.water, 30, batch_no="GOOD"),
        ReceiptLine(county.water, 9, batch_no="DEPT", reserve_mode=ReserveMode.DEPARTMENT),
    ])
    with db.write() as session:
        batch_id = session.scalar(select(Batch.id).where(Batch.batch_no == "GOOD"))
        session.execute(update(Balance).where(Balance.batch_id == batch_id, Balance.quantity == 30)
                        .values(reserved=Decimal(5)))
    sources = need_sources(admin, Scenario(people=1, days=15, standard=STD), "饮用水")
    assert [(s.store_code, s.own) for s in sources.stores] == [("T001", 25), ("C001", 10)]
    counted = {(b.store_code, b.batch_no): b.counted for b in sources.batches}
    assert counted == {("C001", "GOOD"): 10, ("C001", "OLD"): 0, ("T001", "GOOD"): 25, ("T001", "DEPT"): 0}
    notes = {b.batch_no: b.note for b in sources.batches if b.store_code == "C001"}
    assert "早于" in notes["OLD"]
    own = lines(assess(admin, Scenario(people=1, days=15, standard=STD)))["饮用水"].own
    assert own == sum(s.own for s in sources.stores) == 35
