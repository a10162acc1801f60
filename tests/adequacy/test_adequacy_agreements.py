"""Agreement and capacity supply in the adequacy check: end dates, the latest-check cap, call-ups
and the response-time filter (through the agreements engineer's ``agreement_supply``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.services.adequacy import Scenario, assess, need_sources
from models.services.agreements import (
    AgreementInput,
    EnterpriseInput,
    LineInput,
    activate_agreement,
    call_up,
    create_agreement,
    record_check,
)
from models.services.receiving import ReceiptLine, receive
from models.services.standards import NeedInput, add_need, create_standard, link_item

STD = "协议测试标准"
SUPERMARKET = "91320101MA1XYW001D"
TEXTILE = "91320101MA2ABC00XJ"


def agreement(ctx, number, item, quantity, *, kind="physical", end="2026-12-31", hours=6, code=SUPERMARKET):
    create_agreement(ctx, AgreementInput(
        number, EnterpriseInput("示例企业有限公司", code), kind, "2026-01-01", end,
        [LineInput(item, quantity, 0)], response_hours=hours,
    ))
    activate_agreement(ctx, number)


def setup_standard(ctx, county):
    create_standard(ctx, STD)
    add_need(ctx, STD, NeedInput("饮用水", "L", "per_person_day", "3"))
    add_need(ctx, STD, NeedInput("帐篷", "顶", "per_persons", "3"))
    link_item(ctx, STD, "饮用水", county.water, "0.55")
    link_item(ctx, STD, "帐篷", county.tent, 1)


def line(ctx, need, **kw):
    report = assess(ctx, Scenario(standard=STD, **{"people": 100, "days": 10, **kw}))
    return next(line for line in report.lines if line.need == need)


def test_physical_and_capacity_supply_with_factors(admin, county):
    setup_standard(admin, county)
    receive(admin, county.county_store, [ReceiptLine(county.water, 1000)])  # 550 L own
    agreement(admin, "XY-1", county.water, 2000)  # 1100 L physical
    agreement(admin, "CN-1", county.water, 1000, kind="capacity", code=TEXTILE, hours=24)  # 550 L capacity
    water = line(admin, "饮用水")
    assert (water.own, water.agreement, water.capacity) == (550, 1100, 550)
    assert water.available == 2200 and water.shortfall == 800
    assert water.coverage == Decimal("0.7333") and water.own_share == Decimal("0.1833")
    assert water.days_of_supply == 7  # floor(2200 ÷ 300)
    sources = need_sources(admin, Scenario(people=100, days=10, standard=STD), "饮用水")
    assert {(a.agreement_number, a.kind, a.counted) for a in sources.agreements} == {
        ("XY-1", "physical", Decimal(1100)), ("CN-1", "capacity", Decimal(550))}


def test_agreement_ending_before_the_last_day_does_not_count(admin, county):
    setup_standard(admin, county)
    agreement(admin, "XY-1", county.tent, 10, end="2026-06-10")
    # as of 2026-06-01: 10 days end on 06-10 (counts), 11 days end on 06-11 (does not)
    assert line(admin, "帐篷", days=10).agreement == 10
    assert line(admin, "帐篷", days=11).agreement == 0


def test_latest_check_caps_and_call_ups_reduce(admin, county):
    setup_standard(admin, county)
    agreement(admin, "XY-1", county.tent, 50)
    assert line(admin, "帐篷").agreement == 50
    record_check(admin, "XY-1", "2026-03-01", "张科长", {county.tent: 45})
    record_check(admin, "XY-1", "2026-05-01", "张科长", {county.tent: 30})  # the latest check counts
    assert line(admin, "帐篷").agreement == 30
    call_up(admin, "XY-1", county.tent, 5, called_at=dt.datetime(2026, 5, 20, 8, tzinfo=dt.timezone.utc))
    assert line(admin, "帐篷").agreement == 25


def test_response_time_filter(admin, county):
    setup_standard(admin, county)
    agreement(admin, "XY-FAST", county.tent, 7, hours=6)
    agreement(admin, "XY-SLOW", county.tent, 11, hours=24, code=TEXTILE)
    assert line(admin, "帐篷").agreement == 18
    assert line(admin, "帐篷", max_response_hours=24).agreement == 18
    assert line(admin, "帐篷", max_response_hours=12).agreement == 7
    assert line(admin, "帐篷", max_response_hours=6).agreement == 7


def test_agreements_count_whatever_the_scope(admin, county):
    setup_standard(admin, county)
    agreement(admin, "XY-1", county.tent, 9)
    receive(admin, county.village_store, [ReceiptLine(county.tent, 3)])
    tents = line(admin, "帐篷", level="county")
    assert tents.own == 0 and tents.agreement == 9 and tents.own_share == 0
