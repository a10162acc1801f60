"""Agreement reserves on both databases: states by date, fees, checks, call-ups, adequacy supply."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st
from sqlalchemy import event, func, select

from models.context import Actor
from models.errors import ConflictError, PermissionDeniedError, ValidationError
from models.schema.agreements import Agreement, AgreementState, Enterprise
from models.schema.audit import AuditEntry
from models.schema.catalog import Item
from models.schema.enums import Role
from models.services.agreements import (
    AgreementInput, AgreementSupply, EnterpriseInput, LineInput, activate_agreement, agreement_detail,
    agreement_supply, available_agreement_lines, call_up, checks_overdue, create_agreement, expiring_agreements,
    list_agreements, quarter_fees, record_check, renew_agreement, replenish, shortfall_lines, terminate_agreement,
    update_agreement,
)
from tests.agreements.helpers import SUPERMARKET, TEXTILE, at, make_agreement
from tests.conftest import make_ctx


def item_id(db, code) -> int:
    with db.read() as session:
        return session.scalar(select(Item.id).where(Item.code == code))


def supply(db, as_of="2026-06-01", last_day="2026-06-15", **kw) -> list[AgreementSupply]:
    with db.read() as session:
        return agreement_supply(session, as_of=dt.date.fromisoformat(as_of), last_day=dt.date.fromisoformat(last_day), **kw)


def supply_by_item(db, county, **kw) -> dict[str, Decimal]:
    ids = {item_id(db, code): code for code in (county.water, county.rice, county.tent)}
    return {(s.agreement_number, ids[s.item_id]): s.quantity for s in supply(db, **kw)}


# ---------------------------------------------------------------- creation and states

def test_new_agreement_is_draft_then_active_with_audit(admin, county, db):
    make_agreement(admin, county, activate=False)
    assert list_agreements(admin)[0].state is AgreementState.DRAFT
    activate_agreement(admin, "XY-2026-01")
    row = list_agreements(admin)[0]
    assert row.state is AgreementState.ACTIVE and row.enterprise == "示例超市连锁有限公司"
    assert row.annual_fee == Decimal("40000")
    with db.read() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "agreement")).all()
    assert actions == ["create", "activate"]


def test_bad_credit_code_refused_and_nothing_written(admin, county, db):
    with pytest.raises(ValidationError, match="校验位"):
        make_agreement(admin, county, code=SUPERMARKET[:-1] + "E")
    with db.read() as session:
        assert session.scalar(select(func.count(Agreement.id))) == 0
        assert session.scalar(select(func.count(Enterprise.id))) == 0


@pytest.mark.parametrize("field, kw, words", [
    ("dates", dict(start="2026-12-31", end="2026-01-01"), "早于开始日期"),
    ("hours", dict(hours=0), "响应时限"),
    ("fee", dict(fee="-1"), "不能为负数"),
    ("min", dict(lines="min>guaranteed"), "最低数量"),
])
def test_bad_agreement_fields_refused(admin, county, field, kw, words):
    if kw.get("lines") == "min>guaranteed":
        kw["lines"] = [LineInput(county.water, 100, 200)]
    with pytest.raises(ValidationError, match=words):
        make_agreement(admin, county, **kw)


def test_active_agreement_reads_expired_after_its_end_date(admin, county, db):
    make_agreement(admin, county, end="2026-06-30")
    assert list_agreements(admin)[0].state is AgreementState.ACTIVE
    later = make_ctx(db, admin.actor, dt.date(2026, 7, 1))
    row = list_agreements(later)[0]
    assert row.state is AgreementState.EXPIRED and row.stored_state is AgreementState.ACTIVE
    with pytest.raises(ConflictError, match="已到期"):
        update_agreement(later, AgreementInput("XY-2026-01", EnterpriseInput("x", SUPERMARKET), "physical",
                                               "2026-01-01", "2027-06-30", [LineInput(county.water, 1)]))


def test_activation_needs_lines_and_a_future_end(admin, county):
    make_agreement(admin, county, lines=[], activate=False)
    with pytest.raises(ValidationError, match="物资明细"):
        activate_agreement(admin, "XY-2026-01")
    make_agreement(admin, county, number="OLD", start="2025-01-01", end="2025-12-31", activate=False)
    with pytest.raises(ValidationError, match="已过"):
        activate_agreement(admin, "OLD")


def test_viewer_cannot_create_or_call_up(admin, county, db):
    make_agreement(admin, county)
    viewer = make_ctx(db, Actor(None, "viewer", Role.VIEWER))
    with pytest.raises(PermissionDeniedError):
        make_agreement(viewer, county, number="X2")
    with pytest.raises(PermissionDeniedError):
        call_up(viewer, "XY-2026-01", county.water, 10)
    assert len(list_agreements(viewer)) == 1  # reading is fine


def test_terminated_agreement_stops_counting_and_cannot_be_edited(admin, county, db):
    make_agreement(admin, county)
    terminate_agreement(admin, "XY-2026-01", "企业搬迁", on="2026-05-15")
    assert supply(db) == []
    detail = agreement_detail(admin, "XY-2026-01")
    assert detail.row.state is AgreementState.TERMINATED and detail.terminated_on == dt.date(2026, 5, 15)
    assert all(line.available == 0 for line in detail.lines)
    with pytest.raises(ConflictError):
        terminate_agreement(admin, "XY-2026-01", "again")


def test_renewal_keeps_history_and_copies_lines(admin, county, db):
    make_agreement(admin, county)
    renew_agreement(admin, "XY-2026-01", "XY-2027-01")
    detail = agreement_detail(admin, "XY-2027-01")
    assert (detail.row.start_date, detail.row.end_date) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert detail.row.state is AgreementState.DRAFT and detail.history == ["XY-2026-01"]
    assert [(l.item_code, l.guaranteed, l.minimum) for l in detail.lines] == [
        (county.water, 10000, 8000), (county.rice, 5000, 4000)]
    assert agreement_detail(admin, "XY-2026-01").renewed_by == "XY-2027-01"
    with pytest.raises(ConflictError, match="已续签"):
        renew_agreement(admin, "XY-2026-01", "XY-2027-02")


def test_update_changes_lines_but_not_ones_with_history(admin, county):
    make_agreement(admin, county)
    record_check(admin, "XY-2026-01", "2026-05-01", "张科员", {county.water: 9000})
    data = AgreementInput("XY-2026-01", EnterpriseInput("示例超市连锁有限公司", SUPERMARKET), "physical",
                          "2026-01-01", "2026-12-31", [LineInput(county.rice, 6000, 4000)], response_hours=6)
    with pytest.raises(ConflictError, match="核查或动用记录"):
        update_agreement(admin, data)
    data.lines = [LineInput(county.water, 12000, 8000), LineInput(county.tent, 50, 40)]
    update_agreement(admin, data)
    lines = {l.item_code: l.guaranteed for l in agreement_detail(admin, "XY-2026-01").lines}
    assert lines == {county.water: 12000, county.tent: 50}


# ---------------------------------------------------------------- fees

def test_fee_deduction_figures(admin, county, db):
    """Annual 36,500.00 from 15 Feb 2026 to 14 Feb 2027, computed by hand:
    Q1 2026 covers 15 Feb-31 Mar = 45 of 90 days: 9,125.00 × 45/90 = 4,562.50.
    Q2: check 20 May, water 5,600 of minimum 8,000 (30 % short), rice above minimum (0 %):
        share (0.30 + 0) / 2 = 0.15, deduction 9,125.00 × 0.15 = 1,368.75, due 7,756.25.
    Q3: checks 1 Aug (rice 3,600 of 4,000: 10 % → share 0.05) and 1 Sep (all fine): the larger counts,
        deduction 9,125.00 × 0.05 = 456.25, due 8,668.75.
    Q4: 9,125.00 with no check. Q1 2027 covers 1 Jan-14 Feb = 45 of 90 days: 4,562.50.
    """
    make_agreement(admin, county, start="2026-02-15", end="2027-02-14", fee="36500")
    record_check(admin, "XY-2026-01", "2026-05-20", "张科员", {county.water: 5600, county.rice: 4500})
    later = make_ctx(db, admin.actor, dt.date(2026, 9, 30))
    record_check(later, "XY-2026-01", "2026-08-01", "张科员", {county.water: 9000, county.rice: 3600})
    record_check(later, "XY-2026-01", "2026-09-01", "张科员", {county.water: 9000, county.rice: 4800})
    fees = quarter_fees(admin, "XY-2026-01")
    got = [(f.year, f.quarter, f.base_fee, f.shortfall_share, f.deduction, f.due) for f in fees]
    assert got == [
        (2026, 1, Decimal("4562.50"), 0, Decimal("0.00"), Decimal("4562.50")),
        (2026, 2, Decimal("9125.00"), Decimal("0.15"), Decimal("1368.75"), Decimal("7756.25")),
        (2026, 3, Decimal("9125.00"), Decimal("0.05"), Decimal("456.25"), Decimal("8668.75")),
        (2026, 4, Decimal("9125.00"), 0, Decimal("0.00"), Decimal("9125.00")),
        (2027, 1, Decimal("4562.50"), 0, Decimal("0.00"), Decimal("4562.50")),
    ]
    assert fees[1].check_date == dt.date(2026, 5, 20) and fees[2].check_date == dt.date(2026, 8, 1)
    assert sum(f.due for f in fees) == Decimal("34675.00")


def test_termination_cuts_the_fee_period(admin, county):
    """Annual 40,000 (10,000 a quarter), terminated 15 May: Q2 covers 1 Apr-15 May = 45 of 91 days,
    10,000 × 45/91 = 4,945.054… → 4,945.05; no later quarters."""
    make_agreement(admin, county)
    terminate_agreement(admin, "XY-2026-01", "合同解除", on="2026-05-15")
    fees = quarter_fees(admin, "XY-2026-01")
    assert [(f.quarter, f.due) for f in fees] == [(1, Decimal("10000.00")), (2, Decimal("4945.05"))]


# ---------------------------------------------------------------- checks and reminders

def test_check_shortfall_listed_and_future_check_refused(admin, county):
    make_agreement(admin, county)
    record_check(admin, "XY-2026-01", "2026-05-20", "张科员", {county.water: 7000, county.rice: 4000}, remarks="抽查")
    rows = shortfall_lines(admin)
    assert [(r.item_code, r.minimum, r.found, r.shortfall) for r in rows] == [(county.water, 8000, 7000, 1000)]
    with pytest.raises(ValidationError, match="今天之后"):
        record_check(admin, "XY-2026-01", "2026-06-02", "张科员", {county.water: 1})
    with pytest.raises(ValidationError, match="没有物资"):
        record_check(admin, "XY-2026-01", "2026-05-21", "张科员", {county.tent: 1})
    # a later check that finds enough clears the shortfall list
    record_check(admin, "XY-2026-01", "2026-05-30", "张科员", {county.water: 8000})
    assert shortfall_lines(admin) == []


def test_expiring_and_overdue_reminders(admin, county):
    make_agreement(admin, county, number="SOON", end="2026-08-30")  # 90 days from 2026-06-01
    make_agreement(admin, county, number="LATER", end="2026-08-31", code=TEXTILE)  # 91 days
    assert [r.number for r in expiring_agreements(admin)] == ["SOON"]
    assert list_agreements(admin)[0].expiring and not list_agreements(admin)[1].expiring
    # both started 2026-01-01 and were never checked: due 2026-07-01, not yet overdue
    assert checks_overdue(admin) == []
    assert [o.number for o in checks_overdue(admin, months=5)] == ["SOON", "LATER"]
    record_check(admin, "SOON", "2026-03-10", "张科员", {county.water: 9000})
    overdue = checks_overdue(admin, months=4)
    assert [(o.number, o.due_date) for o in overdue] == [("LATER", dt.date(2026, 5, 1))]


# ---------------------------------------------------------------- call-ups and replenishment

def test_call_up_sets_deadline_lowers_availability_and_replenishment_restores(admin, county, db):
    make_agreement(admin, county, hours=6)
    row = call_up(admin, "XY-2026-01", county.water, 3000, dispatch_order_number="DB-2026-0007", called_at=at("2026-06-01", 8))
    assert row.response_deadline == at("2026-06-01", 14)
    assert supply_by_item(db, county)[("XY-2026-01", county.water)] == 7000
    with db.read() as session:
        proposal = available_agreement_lines(session, item_id(db, county.water), dt.date(2026, 6, 1))
    assert [(p.agreement_number, p.available, p.response_hours, p.enterprise) for p in proposal] == [
        ("XY-2026-01", 7000, 6, "示例超市连锁有限公司")]
    with pytest.raises(ConflictError, match="可动用 7000"):
        call_up(admin, "XY-2026-01", county.water, 7001)
    left = replenish(admin, row.call_up_id, 1000, replenished_at=at("2026-06-01", 20))
    assert left == 2000
    assert supply_by_item(db, county)[("XY-2026-01", county.water)] == 8000
    with pytest.raises(ValidationError, match="还需补库 2000"):
        replenish(admin, row.call_up_id, 2001)
    replenish(admin, row.call_up_id, 2000)
    assert supply_by_item(db, county)[("XY-2026-01", county.water)] == 10000
    detail = agreement_detail(admin, "XY-2026-01")
    assert [(c.dispatch_order_number, c.quantity, c.replenished) for c in detail.call_ups] == [
        ("DB-2026-0007", 3000, 3000)]
    with db.read() as session:
        audited = session.execute(select(AuditEntry.action, AuditEntry.summary).where(AuditEntry.entity == "agreement")
                                  .order_by(AuditEntry.id)).all()
    assert [a for a, _ in audited] == ["create", "activate", "call_up", "replenish", "replenish"]
    assert "DB-2026-0007" in audited[2][1] and "3000瓶" in audited[2][1]


def test_call_up_outside_the_term_is_refused(admin, county):
    make_agreement(admin, county, start="2026-07-01")
    with pytest.raises(ConflictError, match="不在有效期内"):
        call_up(admin, "XY-2026-01", county.water, 1)


# ---------------------------------------------------------------- agreement_supply

def test_latest_check_caps_the_counted_quantity(admin, county, db):
    make_agreement(admin, county)
    assert supply_by_item(db, county)[("XY-2026-01", county.water)] == 10000
    record_check(admin, "XY-2026-01", "2026-03-01", "张科员", {county.water: 6000})
    record_check(admin, "XY-2026-01", "2026-05-01", "张科员", {county.water: 9500})
    got = supply_by_item(db, county)
    assert got[("XY-2026-01", county.water)] == 9500  # the latest check, not the worst
    assert got[("XY-2026-01", county.rice)] == 5000  # never checked: the guaranteed quantity
    # a call-up after the check comes off what the checker found
    call_up(admin, "XY-2026-01", county.water, 2000, called_at=at("2026-05-20"))
    assert supply_by_item(db, county)[("XY-2026-01", county.water)] == 7500
    # a check after the call-up already saw the stock without it
    record_check(admin, "XY-2026-01", "2026-05-25", "张科员", {county.water: 7800})
    assert supply_by_item(db, county)[("XY-2026-01", county.water)] == 7800


def test_response_time_filter(admin, county, db):
    make_agreement(admin, county, number="FAST", hours=6)
    make_agreement(admin, county, number="SLOW", hours=24, code=TEXTILE)
    make_agreement(admin, county, number="OPEN", hours=None, code="91320101134567890J")
    assert {s.agreement_number for s in supply(db)} == {"FAST", "SLOW", "OPEN"}
    assert {s.agreement_number for s in supply(db, max_response_hours=24)} == {"FAST", "SLOW"}
    assert {s.agreement_number for s in supply(db, max_response_hours=6)} == {"FAST"}
    assert supply(db, max_response_hours=5) == []


def test_agreement_ending_before_the_scenario_ends_does_not_count(admin, county, db):
    make_agreement(admin, county, number="ENDS-JUNE", end="2026-06-10")
    make_agreement(admin, county, number="ENDS-DEC", end="2026-12-31", code=TEXTILE)
    assert {s.agreement_number for s in supply(db, last_day="2026-06-10")} == {"ENDS-JUNE", "ENDS-DEC"}
    assert {s.agreement_number for s in supply(db, last_day="2026-06-11")} == {"ENDS-DEC"}
    entry = next(s for s in supply(db, last_day="2026-06-11") if s.item_id == item_id(db, county.water))
    assert entry == AgreementSupply("ENDS-DEC", "示例超市连锁有限公司", "physical", item_id(db, county.water),
                                    Decimal(10000), dt.date(2026, 12, 31), 6)


def test_only_active_started_agreements_count(admin, county, db):
    make_agreement(admin, county, number="DRAFT", activate=False)
    make_agreement(admin, county, number="FUTURE", start="2026-07-01", code=TEXTILE)
    make_agreement(admin, county, number="CAP", kind="产能储备", code="91320101134567890J",
                   lines=[LineInput(county.tent, 200, 100)])
    got = supply(db)
    assert [(s.agreement_number, s.kind, s.quantity) for s in got] == [("CAP", "capacity", 200)]
    assert {s.agreement_number for s in supply(db, as_of="2026-07-01", last_day="2026-07-05")} == {"FUTURE", "CAP"}
    assert supply(db, item_ids=[item_id(db, county.water)]) == []
    assert len(supply(db, item_ids=[item_id(db, county.tent)])) == 1


def test_agreement_supply_uses_at_most_two_queries(admin, county, db):
    for n, code in enumerate((SUPERMARKET, TEXTILE, "91320101134567890J")):
        make_agreement(admin, county, number=f"A{n}", code=code)
        record_check(admin, f"A{n}", "2026-05-01", "张科员", {county.water: 9000})
        call_up(admin, f"A{n}", county.water, 100)
    statements = []

    def count(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        result = supply(db)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(result) == 6 and len(statements) <= 2
    assert {s.quantity for s in result if s.item_id == item_id(db, county.water)} == {8900}


def test_dispatch_can_record_a_call_up_for_a_keeper_but_keepers_cannot_call_up_alone(admin, county, db):
    from models.services.agreements import record_call_up

    make_agreement(admin, county)
    keeper = make_ctx(db, Actor(None, "keeper", Role.KEEPER))
    with pytest.raises(PermissionDeniedError):
        call_up(keeper, "XY-2026-01", county.water, 10)
    with pytest.raises(PermissionDeniedError):
        replenish(keeper, 1, 1)
    with keeper.write() as session:
        line_id = agreement_detail(admin, "XY-2026-01").lines[0].line_id
        call = record_call_up(keeper, session, line_id, 25, dispatch_order_number="DB-1")
        assert call.response_deadline == call.called_at + dt.timedelta(hours=6)
    assert supply_by_item(db, county)[("XY-2026-01", county.water)] == 9975


def test_schema_matches_the_migration(db):
    """Autogenerate finds nothing to change for the agreement tables after migrating to heads."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from models.schema.base import Base

    mine = ("enterprises", "agreement")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert [d for d in diff if any(name in str(d) for name in mine)] == []


@given(
    guaranteed=st.integers(1, 10_000),
    found=st.one_of(st.none(), st.integers(0, 12_000)),
    calls=st.lists(st.tuples(st.integers(-20, 20), st.integers(1, 3_000), st.integers(0, 10), st.integers(0, 100)),
                   max_size=6),
)
def test_available_stays_between_zero_and_guaranteed(guaranteed, found, calls):
    """Call-ups (negative) each with a replenishment of 0-100 % of it some days later."""
    from models.services.agreements import _available

    check, as_of = dt.date(2026, 5, 1), dt.date(2026, 5, 15)
    dated = []
    for offset, quantity, later, percent in calls:
        dated.append((check + dt.timedelta(days=offset), Decimal(-quantity)))
        if percent:
            dated.append((check + dt.timedelta(days=offset + later), Decimal(quantity * percent) / 100))
    available, outstanding = _available(Decimal(guaranteed), None if found is None else Decimal(found), check,
                                        dated, as_of)
    assert 0 <= available <= guaranteed
    assert outstanding == -sum((d for day, d in dated if day <= as_of), Decimal(0))
    assert available <= max(Decimal(0), guaranteed - outstanding)
    if found is not None:
        after = sum((d for day, d in dated if check < day <= as_of or (day == check and d < 0)), Decimal(0))
        assert available <= max(Decimal(0), found + after)
