"""The dispatch order workflow on SQLite and PostgreSQL: request, sources, approval with
reservation, issue, receipt, returns, cancel and reversal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.errors import ConflictError, InsufficientStockError, PermissionDeniedError, ValidationError
from models.schema.audit import AuditEntry
from models.schema.dispatch import DispatchStatus
from models.schema.documents import Document
from models.schema.enums import DocType
from models.schema.stock import Balance
from models.services import dispatch
from models.services.dispatch import ReceiptCheck, SourceInput
from models.services.issuing import IssueLine, issue as plain_issue
from models.services.stock_queries import stock_rows
from models.services.verify import verify
from tests.conftest import FIXED_NOW
from tests.dispatch.conftest import create, ctx_at


def on_hand(ctx, store, item) -> dict[str, Decimal]:
    return {r.batch: r.quantity for r in stock_rows(ctx, store_code=store, item_code=item)}


def reserved(db, store_code, item_code) -> Decimal:
    from models.schema.catalog import Item
    from models.schema.warehouse import Store

    with db.read() as session:
        rows = session.scalars(
            select(Balance.reserved).join(Store, Store.id == Balance.store_id).join(Item, Item.id == Balance.item_id)
            .where(Store.code == store_code, Item.code == item_code)
        ).all()
    return sum(rows, Decimal(0))


def assert_verified(db):
    report = verify(db)
    assert report.ok, [c for c in report.checks if not c.ok]


def test_sources_own_area_first_then_county(admin, stocked):
    order = create(admin, stocked, (stocked.tent, 8), (stocked.water, 30))
    assert order.number == "DB-2026-0001" and order.status is DispatchStatus.DRAFT
    tents, water = order.lines
    assert [(s.store_code, s.quantity) for s in tents.sources] == [("T001", 3), ("C001", 5)]
    # expired water is not offered
    assert [(s.store_code, s.quantity) for s in water.sources] == [("C001", 30)]
    # a request from no particular area goes straight to the county store
    other = create(admin, stocked, (stocked.tent, 8), area=None)
    assert [(s.store_code, s.quantity) for s in other.lines[0].sources] == [("C001", 8)]


def test_approval_reserves_and_plain_issue_cannot_take_promised_goods(admin, officer, stocked, db):
    order = create(admin, stocked, (stocked.tent, 15), area=None)
    approved = dispatch.approve(officer, order.number, note="同意")
    assert approved.status is DispatchStatus.APPROVED
    assert approved.approved_by == "李科长" and approved.approved_at == FIXED_NOW
    assert reserved(db, "C001", stocked.tent) == 15
    assert [(s.batch_no, s.reserved) for s in approved.lines[0].sources] == [("ZP-2024", 15)]
    with pytest.raises(InsufficientStockError, match="预留"):
        plain_issue(admin, "C001", [IssueLine(stocked.tent, 6)], receiver="某单位")
    plain_issue(admin, "C001", [IssueLine(stocked.tent, 5)], receiver="某单位")
    assert on_hand(admin, "C001", stocked.tent) == {"ZP-2024": 15}
    with db.read() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity_key == order.number)).all()
    assert actions == ["create", "approve"]


def test_second_approval_is_told_what_is_short(admin, officer, stocked, db):
    first = create(admin, stocked, (stocked.tent, 12), area=None)
    second = create(admin, stocked, (stocked.tent, 10), area=None)
    dispatch.approve(officer, first.number)
    with pytest.raises(InsufficientStockError) as info:
        dispatch.approve(officer, second.number)
    message = info.value.message
    assert second.number in message and "救灾帐篷" in message and "县应急物资储备库" in message
    assert "可用 8顶" in message and "缺 2顶" in message and "已被其他调拨单预留" in message
    assert dispatch.order_view(admin, second.number).status is DispatchStatus.DRAFT
    assert reserved(db, "C001", stocked.tent) == 12
    # the officer moves two tents to the township store; now it fits
    dispatch.set_sources(officer, second.number, 1, [SourceInput("C001", 8), SourceInput("T001", 2)])
    assert dispatch.approve(officer, second.number).status is DispatchStatus.APPROVED
    assert reserved(db, "C001", stocked.tent) == 20 and reserved(db, "T001", stocked.tent) == 2


def test_approval_needs_approver_role_and_viewers_cannot_request(admin, keeper, viewer, stocked):
    order = create(admin, stocked, (stocked.tent, 2))
    with pytest.raises(PermissionDeniedError, match="审批"):
        dispatch.approve(keeper, order.number)
    with pytest.raises(PermissionDeniedError):
        create(viewer, stocked, (stocked.tent, 2))


def test_request_validation(admin, stocked):
    with pytest.raises(ValidationError, match="重复"):
        create(admin, stocked, (stocked.tent, 2), (stocked.tent, 3))
    with pytest.raises(ValidationError, match="第 1 行"):
        create(admin, stocked, (stocked.tent, "-1"))
    with pytest.raises(ValidationError, match="调拨事由"):
        create(admin, stocked, (stocked.tent, 1), reason=" ")


def test_issue_takes_reserved_goods_earliest_expiry_first_and_releases(admin, officer, keeper, stocked, db):
    order = create(admin, stocked, (stocked.water, 30), (stocked.tent, 4), area=None)
    dispatch.approve(officer, order.number)
    issued = dispatch.issue(keeper, order.number)
    assert issued.status is DispatchStatus.ISSUED and issued.issued_by == "王保管"
    water = issued.lines[0]
    assert {(b.batch_no, b.quantity) for b in water.issued} == {("W-SOON", 20), ("W-GOOD", 10)}
    assert water.issued_quantity == 30
    assert reserved(db, "C001", stocked.water) == 0 and reserved(db, "C001", stocked.tent) == 0
    assert on_hand(admin, "C001", stocked.water) == {"W-GOOD": 90, "W-OLD": 50}
    with db.read() as session:
        documents = session.scalars(select(Document).where(Document.reference == order.number)).all()
        assert [(d.doc_type, d.counterparty) for d in documents] == [(DocType.ISSUE, "城关镇第一中学安置点")]
    assert issued.documents == [("issue", documents[0].number)]
    assert_verified(db)


def test_issue_from_two_stores_posts_one_slip_each(admin, officer, stocked, db):
    order = create(admin, stocked, (stocked.tent, 8))
    dispatch.approve(officer, order.number)
    issued = dispatch.issue(admin, order.number)
    numbers = sorted(number for role, number in issued.documents)
    assert numbers == ["CK-C001-2026-0001", "CK-T001-2026-0001"]
    assert on_hand(admin, "T001", stocked.tent) == {} and on_hand(admin, "C001", stocked.tent) == {"ZP-2024": 15}
    assert_verified(db)


def test_later_order_issued_first_keeps_the_earlier_reservation_whole(admin, officer, stocked, db):
    """Both reserve water; the second one issues first and takes the earliest batch; the first
    order's reservation must still be issuable afterwards."""
    first = create(admin, stocked, (stocked.water, 20), area=None)
    second = create(admin, stocked, (stocked.water, 90), area=None)
    dispatch.approve(officer, first.number)
    dispatch.approve(officer, second.number)
    assert reserved(db, "C001", stocked.water) == 110
    with pytest.raises(InsufficientStockError):
        plain_issue(admin, "C001", [IssueLine(stocked.water, 11)], receiver="x")
    dispatch.issue(admin, second.number)
    assert reserved(db, "C001", stocked.water) == 20
    dispatch.issue(admin, first.number)
    assert reserved(db, "C001", stocked.water) == 0
    assert on_hand(admin, "C001", stocked.water) == {"W-GOOD": 10, "W-OLD": 50}
    assert_verified(db)


def test_emergency_issue_without_approval_is_overdue_after_48_hours(admin, keeper, officer, stocked, db):
    order = create(admin, stocked, (stocked.rice, 200), area=None, emergency=True)
    issued = dispatch.emergency_issue(keeper, order.number, instruction="县长电话指令")
    assert issued.status is DispatchStatus.ISSUED and issued.approval_owed and issued.emergency
    assert issued.reference == "县长电话指令"
    assert on_hand(admin, "C001", stocked.rice) == {"R-2026": 300}
    assert dispatch.overdue_approvals(admin) == []
    later = ctx_at(admin, FIXED_NOW + dt.timedelta(hours=47, minutes=59))
    assert dispatch.overdue_approvals(later) == []
    late = ctx_at(admin, FIXED_NOW + dt.timedelta(hours=48))
    rows = dispatch.overdue_approvals(late)
    assert [row.number for row in rows] == [order.number] and rows[0].approval_overdue
    assert dispatch.order_view(late, order.number).approval_overdue
    # approval completed after the fact: no longer overdue, the order stays issued
    done = dispatch.approve(ctx_at(officer, FIXED_NOW + dt.timedelta(hours=50)), order.number, note="补办")
    assert done.status is DispatchStatus.ISSUED and not done.approval_owed
    assert dispatch.overdue_approvals(late) == []
    assert_verified(db)


def test_emergency_issue_of_too_much_is_refused_and_changes_nothing(admin, stocked, db):
    order = create(admin, stocked, (stocked.rice, 600), area=None, emergency=True)
    with pytest.raises(InsufficientStockError, match="500"):
        dispatch.emergency_issue(admin, order.number)
    assert dispatch.order_view(admin, order.number).status is DispatchStatus.DRAFT
    assert on_hand(admin, "C001", stocked.rice) == {"R-2026": 500}


def test_partial_receipt_records_shortfall_and_damage(admin, officer, stocked):
    order = create(admin, stocked, (stocked.water, 30), (stocked.rice, 100), area=None)
    dispatch.approve(officer, order.number)
    with pytest.raises(ConflictError, match="签收"):
        dispatch.confirm_receipt(admin, order.number, signed_by="张三")
    dispatch.issue(admin, order.number)
    with pytest.raises(ValidationError, match="超过出库数量"):
        dispatch.confirm_receipt(admin, order.number, signed_by="张三", checks={1: ReceiptCheck(31)})
    received_at = dt.datetime(2026, 6, 1, 14, 30, tzinfo=dt.timezone.utc)
    result = dispatch.confirm_receipt(admin, order.number, signed_by="张三", received_at=received_at,
                                      checks={1: ReceiptCheck(26, damaged=2, note="2箱破损")})
    water, rice = result.lines
    assert result.status is DispatchStatus.RECEIVED and result.received_signed_by == "张三"
    assert result.received_at == received_at
    assert (water.received_quantity, water.shortfall, water.damaged_quantity) == (26, 4, 2)
    assert (rice.received_quantity, rice.shortfall) == (100, 0)
    with pytest.raises(ConflictError):
        dispatch.confirm_receipt(admin, order.number, signed_by="张三")


def test_returns_good_repaired_lost_and_overdue_list(admin, officer, stocked, db):
    order = create(admin, stocked, (stocked.tent, 10), (stocked.water, 5), area=None, due_back="2026-06-20")
    tents, water = order.lines
    assert tents.returnable and tents.due_back_date == dt.date(2026, 6, 20)
    assert not water.returnable and water.due_back_date is None
    dispatch.approve(officer, order.number)
    dispatch.issue(admin, order.number)
    dispatch.confirm_receipt(admin, order.number, signed_by="张三")
    assert dispatch.overdue_returns(admin) == []
    late = ctx_at(admin, dt.datetime(2026, 6, 25, 8, tzinfo=dt.timezone.utc))
    due = dispatch.overdue_returns(late)
    assert [(d.number, d.item_name, d.outstanding, d.days_overdue) for d in due] == [(order.number, "救灾帐篷", 10, 5)]
    assert dispatch.list_orders(late)[0].return_overdue

    with pytest.raises(ValidationError, match="不是需归还"):
        dispatch.record_return(late, order.number, 2, good=1)
    after = dispatch.record_return(late, order.number, 1, good=6, repaired=1, lost=1, note="1顶被洪水冲走")
    assert on_hand(admin, "C001", stocked.tent) == {"ZP-2024": 17}
    assert after.lines[0].outstanding_return == 2
    assert [d.outstanding for d in dispatch.overdue_returns(late)] == [2]
    with pytest.raises(ValidationError, match="待归还只有 2顶"):
        dispatch.record_return(late, order.number, 1, good=3)
    dispatch.record_return(late, order.number, 1, good=2)
    assert dispatch.overdue_returns(late) == []
    assert on_hand(admin, "C001", stocked.tent) == {"ZP-2024": 19}
    view = dispatch.order_view(late, order.number)
    assert [role for role, _ in view.documents] == ["issue", "return", "return"]
    assert (view.lines[0].returned_good, view.lines[0].returned_repaired, view.lines[0].returned_lost) == (8, 1, 1)
    assert_verified(db)


def test_cancel_before_issue_releases_reservation_after_issue_only_reversal(admin, officer, stocked, db):
    order = create(admin, stocked, (stocked.tent, 15), area=None)
    dispatch.approve(officer, order.number)
    cancelled = dispatch.cancel(officer, order.number, reason="灾情解除")
    assert cancelled.status is DispatchStatus.CANCELLED and reserved(db, "C001", stocked.tent) == 0
    with pytest.raises(ConflictError):
        dispatch.approve(officer, order.number)

    other = create(admin, stocked, (stocked.tent, 15), area=None)
    dispatch.approve(officer, other.number)
    dispatch.issue(admin, other.number)
    with pytest.raises(ConflictError, match="冲销"):
        dispatch.cancel(officer, other.number, reason="x")
    reversed_ = dispatch.reverse_order(officer, other.number, reason="接收单位有误")
    assert reversed_.status is DispatchStatus.REVERSED
    roles = [role for role, _ in reversed_.documents]
    assert roles == ["issue", "reversal"]
    assert on_hand(admin, "C001", stocked.tent) == {"ZP-2024": 20}
    with pytest.raises(ConflictError):
        dispatch.reverse_order(officer, other.number, reason="again")
    assert_verified(db)


def test_failed_reversal_leaves_order_and_stock_unchanged(admin, officer, stocked, db):
    """Reversal of two slips runs in one transaction: if the second fails, the first is undone too."""
    order = create(admin, stocked, (stocked.tent, 8))
    dispatch.approve(officer, order.number)
    issued = dispatch.issue(admin, order.number)
    from models.services.reversal import reverse

    second_slip = sorted(number for _, number in issued.documents)[1]
    reverse(admin, second_slip, reason="单独冲销")
    with pytest.raises(ConflictError, match="已被"):
        dispatch.reverse_order(officer, order.number, reason="整单冲销")
    assert dispatch.order_view(admin, order.number).status is DispatchStatus.ISSUED
    assert on_hand(admin, "C001", stocked.tent) == {"ZP-2024": 15}
    assert_verified(db)


def test_open_orders_lists_unfinished(admin, officer, stocked):
    a = create(admin, stocked, (stocked.tent, 1), area=None)
    b = create(admin, stocked, (stocked.tent, 1), area=None)
    c = create(admin, stocked, (stocked.tent, 1), area=None)
    dispatch.approve(officer, b.number)
    dispatch.approve(officer, c.number)
    dispatch.issue(admin, c.number)
    dispatch.confirm_receipt(admin, c.number, signed_by="x")
    numbers = {row.number for row in dispatch.open_orders(admin)}
    assert numbers == {a.number, b.number}
    assert [r.number for r in dispatch.list_orders(admin, statuses=(DispatchStatus.RECEIVED,))] == [c.number]


def test_agreement_stock_is_proposed_after_own_stores_and_called_up_on_issue(admin, officer, stocked, db):
    from models.schema.agreements import AgreementCallUp
    from tests.agreements.helpers import make_agreement

    make_agreement(admin, stocked)  # rice 5000 guaranteed, response 6 h
    order = create(admin, stocked, (stocked.rice, 700), area=None)
    sources = order.lines[0].sources
    assert [(s.kind.value, s.store_code, s.quantity) for s in sources] == [("store", "C001", 500), ("agreement", "", 200)]
    assert "XY-2026-01" in sources[1].agreement_ref and "示例超市" in sources[1].store_name
    dispatch.approve(officer, order.number)
    issued = dispatch.issue(admin, order.number)
    assert issued.lines[0].issued_quantity == 700
    assert on_hand(admin, "C001", stocked.rice) == {}
    with db.read() as session:
        calls = session.scalars(select(AgreementCallUp)).all()
        assert [(c.quantity, c.dispatch_order_number) for c in calls] == [(200, order.number)]
    assert_verified(db)


def test_emergency_issue_proposes_again_when_stock_moved_since_the_request(admin, officer, stocked, db):
    """Requested from the township area (3 tents there); the township issues them meanwhile; the
    emergency issue takes all 5 from the county store instead of failing."""
    order = create(admin, stocked, (stocked.tent, 5))
    assert [(s.store_code, s.quantity) for s in order.lines[0].sources] == [("T001", 3), ("C001", 2)]
    plain_issue(admin, "T001", [IssueLine(stocked.tent, 3)], receiver="城关镇")
    issued = dispatch.emergency_issue(admin, order.number)
    assert [(b.store_code, b.quantity) for b in issued.lines[0].issued] == [("C001", 5)]
    assert_verified(db)


def test_approval_checks_agreement_stock_is_still_available(admin, officer, stocked):
    from models.services.agreements import call_up
    from tests.agreements.helpers import make_agreement

    make_agreement(admin, stocked)  # rice 5000
    order = create(admin, stocked, (stocked.rice, 4500), area=None)  # 500 own + 4000 agreement
    call_up(admin, "XY-2026-01", stocked.rice, 2000, dispatch_order_number="其他调拨")
    with pytest.raises(InsufficientStockError, match="协议储备 XY-2026-01.*可动用 3000kg，本单需要 4000kg"):
        dispatch.approve(officer, order.number)
    assert dispatch.order_view(admin, order.number).status is DispatchStatus.DRAFT
