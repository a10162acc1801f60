"""Agreement stock (协议储备) promised at approval: two approved orders cannot promise the same
agreement quantity, cancelling frees it, and reversing an issued order undoes its call-ups."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from models.errors import InsufficientStockError
from models.schema.dispatch import DispatchStatus, SourceKind
from models.services import dispatch
from models.services.agreements import agreement_supply
from models.services.verify import verify
from tests.conftest import FIXED_TODAY
from tests.dispatch.conftest import create


def rice_supply(db, county) -> Decimal:
    from models.schema.catalog import Item

    with db.read() as session:
        rice_id = session.scalar(select(Item.id).where(Item.code == county.rice))
        rows = agreement_supply(session, as_of=FIXED_TODAY, last_day=FIXED_TODAY, item_ids=[rice_id])
    return sum((row.quantity for row in rows), Decimal(0))


def agreement_quantity(view) -> Decimal:
    return sum((s.quantity for s in view.lines[0].sources if s.kind is SourceKind.AGREEMENT), Decimal(0))


@pytest.fixture
def agreement(admin, stocked):
    from tests.agreements.helpers import make_agreement

    return make_agreement(admin, stocked)  # rice 5000 guaranteed; the county store has 500 rice


def test_second_approval_over_promising_agreement_stock_is_refused(admin, officer, stocked, agreement, db):
    first = create(admin, stocked, (stocked.rice, 3500), area=None)  # 500 own + 3000 agreement
    second = create(admin, stocked, (stocked.rice, 3500), area=None)  # proposed while the first is a draft
    assert agreement_quantity(second) == 3000
    dispatch.approve(officer, first.number)
    before = dispatch.order_view(admin, second.number)
    with pytest.raises(InsufficientStockError) as refused:
        dispatch.approve(officer, second.number)
    message = str(refused.value)
    assert "协议储备 XY-2026-01" in message and "“大米”" in message
    assert "可动用 2000kg（另有 3000kg 已被其他调拨单预留），本单需要 3000kg" in message
    after = dispatch.order_view(admin, second.number)
    assert after.status is DispatchStatus.DRAFT and after.approved_by == ""
    assert after.lines == before.lines  # nothing changed, not even the store reservations
    assert dispatch.order_view(admin, first.number).status is DispatchStatus.APPROVED
    # a new proposal does not offer what the first order has promised
    third = create(admin, stocked, (stocked.rice, 3000), area=None)
    assert agreement_quantity(third) == 2000
    assert verify(db).ok


def test_cancelling_the_first_frees_the_agreement_stock(admin, officer, stocked, agreement, db):
    first = create(admin, stocked, (stocked.rice, 3500), area=None)
    second = create(admin, stocked, (stocked.rice, 3000), area=None)  # all from the agreement once the store is promised
    dispatch.approve(officer, first.number)
    dispatch.propose_sources(admin, second.number)
    assert agreement_quantity(dispatch.order_view(admin, second.number)) == 2000
    with pytest.raises(InsufficientStockError):
        dispatch.approve(officer, second.number)
    dispatch.cancel(officer, first.number, reason="改由邻县调拨")
    dispatch.propose_sources(admin, second.number)
    assert agreement_quantity(dispatch.order_view(admin, second.number)) == 2500
    approved = dispatch.approve(officer, second.number)
    assert approved.status is DispatchStatus.APPROVED
    assert verify(db).ok


def test_reversing_an_issued_order_restores_the_agreement_quantity(admin, officer, stocked, agreement, db):
    supply_before = rice_supply(db, stocked)
    assert supply_before == 5000
    order = create(admin, stocked, (stocked.rice, 3500), area=None)
    dispatch.approve(officer, order.number)
    dispatch.issue(admin, order.number)
    assert rice_supply(db, stocked) == 2000
    reversed_ = dispatch.reverse_order(officer, order.number, reason="重复开单")
    assert reversed_.status is DispatchStatus.REVERSED
    assert rice_supply(db, stocked) == supply_before
    # and the whole agreement quantity can be promised again
    again = create(admin, stocked, (stocked.rice, 5500), area=None)
    assert agreement_quantity(again) == 5000
    assert dispatch.approve(officer, again.number).status is DispatchStatus.APPROVED
    assert verify(db).ok


def test_emergency_issue_does_not_take_agreement_stock_promised_to_an_approved_order(admin, officer, stocked,
                                                                                     agreement, db):
    urgent = create(admin, stocked, (stocked.rice, 3000), area=None)  # 500 own + 2500 agreement, a draft
    first = create(admin, stocked, (stocked.rice, 4500), area=None)  # 500 own + 4000 agreement
    # the urgent draft was proposed first; now another order is approved on the same stock
    dispatch.approve(officer, first.number)
    with pytest.raises(InsufficientStockError):
        dispatch.emergency_issue(admin, urgent.number, instruction="县长电话指令")
    assert dispatch.order_view(admin, urgent.number).status is DispatchStatus.DRAFT
    assert dispatch.issue(admin, first.number).status is DispatchStatus.ISSUED
    assert verify(db).ok
