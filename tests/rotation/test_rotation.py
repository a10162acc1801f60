"""Rotation plan: due / overdue / expired on fixed dates, lead times, replacements, rotate-out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.errors import InsufficientStockError, ValidationError
from models.schema.audit import AuditEntry
from models.schema.documents import Document
from models.services.catalog import ItemInput, create_item
from models.services.issuing import IssueLine, issue, preview_issue
from models.services.receiving import ReceiptLine, receive
from models.services.reversal import reverse
from models.services.rotation import (
    cancel_replacement, classify, list_replacements, plan_replacement, receive_replacement,
    rotate_out, rotation_plan,
)
from models.services.stock_queries import stock_rows
from tests.conftest import make_ctx

# Water (category 10501) rotates 90 days before expiry; on 2026-06-01:
BOUNDARY_BATCHES = {
    "EXP-0531": "2026-05-31",  # expired yesterday                       -> expired
    "EXP-0601": "2026-06-01",  # expires today: still usable              -> overdue
    "EXP-0829": "2026-08-29",  # rotate by 05-31, before today            -> overdue
    "EXP-0830": "2026-08-30",  # rotate by 06-01, today                   -> due
    "EXP-1128": "2026-11-28",  # rotate by 08-30 = today + 90             -> due
    "EXP-1129": "2026-11-29",  # rotate by 08-31, beyond 90 days          -> not listed
}


def stock_boundaries(ctx, county):
    receive(ctx, county.county_store, [
        ReceiptLine(county.water, 10, batch_no=batch, expiry_date=expiry, unit_price=Decimal("1.50"))
        for batch, expiry in BOUNDARY_BATCHES.items()
    ] + [ReceiptLine(county.bags, 100)], supplier="某超市")


def by_batch(rows):
    return {row.batch: row for row in rows}


def test_classification_boundaries(admin, county):
    stock_boundaries(admin, county)
    rows = by_batch(rotation_plan(admin))
    assert {batch: row.status for batch, row in rows.items()} == {
        "EXP-0531": "expired", "EXP-0601": "overdue", "EXP-0829": "overdue",
        "EXP-0830": "due", "EXP-1128": "due",
    }
    due = rows["EXP-0830"]
    assert due.rotate_by == dt.date(2026, 6, 1) and due.lead_days == 90
    assert due.quantity == Decimal(10) and due.value == Decimal("15.00")
    assert due.store_code == "C001" and due.item_code == county.water


def test_within_days_and_other_dates(admin, county, db):
    stock_boundaries(admin, county)
    assert set(by_batch(rotation_plan(admin, within_days=0))) == {"EXP-0531", "EXP-0601", "EXP-0829", "EXP-0830"}
    assert "EXP-1129" in by_batch(rotation_plan(admin, within_days=91))
    # one day later the boundary batches move on
    later = make_ctx(db, admin.actor, dt.date(2026, 6, 2))
    statuses = {b: r.status for b, r in by_batch(rotation_plan(later)).items()}
    assert statuses["EXP-0601"] == "expired"
    assert statuses["EXP-0830"] == "overdue"
    assert statuses["EXP-1129"] == "due"
    with pytest.raises(ValidationError):
        rotation_plan(admin, within_days=-1)


def test_classify_edges_with_zero_lead():
    assert classify(dt.date(2026, 7, 31), 60, dt.date(2026, 6, 1), 0) == (dt.date(2026, 6, 1), "due")
    assert classify(dt.date(2026, 6, 1), 0, dt.date(2026, 6, 1), 0) == (dt.date(2026, 6, 1), "due")
    assert classify(dt.date(2026, 6, 2), 0, dt.date(2026, 6, 1), 0)[1] is None


def test_effective_lead_days_in_plan(admin, county):
    create_item(admin, ItemInput("MED1", "碘伏", "瓶", category_code="20501"))  # medicines: 180
    create_item(admin, ItemInput("OWN10", "自定提前期物资", "个", category_code="20501", rotation_lead_days=10))
    receive(admin, county.township_store, [
        ReceiptLine(county.tent, 2, batch_no="T1", expiry_date="2026-07-31"),  # tents: no lead -> 60
        ReceiptLine("MED1", 5, batch_no="M1", expiry_date="2026-11-28"),
        ReceiptLine("OWN10", 5, batch_no="O1", expiry_date="2026-06-11"),
    ])
    rows = by_batch(rotation_plan(admin, within_days=0))
    assert (rows["T1"].lead_days, rows["T1"].rotate_by) == (60, dt.date(2026, 6, 1))
    assert (rows["M1"].lead_days, rows["M1"].rotate_by) == (180, dt.date(2026, 6, 1))
    assert (rows["O1"].lead_days, rows["O1"].rotate_by) == (10, dt.date(2026, 6, 1))
    assert {r.status for r in rows.values()} == {"due"}


def test_store_filter_and_empty_balances(admin, county):
    stock_boundaries(admin, county)
    receive(admin, county.township_store, [ReceiptLine(county.water, 3, batch_no="EXP-0830")])
    issue(admin, county.county_store, [IssueLine(county.water, 10, batch_no="EXP-1128")], receiver="城关镇")
    township = rotation_plan(admin, store_code=county.township_store)
    assert [(r.store_code, r.batch, r.quantity) for r in township] == [("T001", "EXP-0830", Decimal(3))]
    # a batch issued down to zero is no longer in the plan
    assert "EXP-1128" not in by_batch(rotation_plan(admin, store_code=county.county_store))


def test_fefo_skips_expired_and_expired_is_not_usable(admin, county):
    stock_boundaries(admin, county)
    picked = preview_issue(admin, county.county_store, county.water, Decimal(25))
    assert [(a.batch.batch_no, a.quantity) for a in picked] == [
        ("EXP-0601", Decimal(10)), ("EXP-0829", Decimal(10)), ("EXP-0830", Decimal(5))]
    result = issue(admin, county.county_store, [IssueLine(county.water, 25)], receiver="城关镇")
    assert "EXP-0531" not in {line.batch for line in result.lines}
    with pytest.raises(InsufficientStockError, match="过期"):
        rotate_out(admin, county.county_store, county.water, "EXP-0531", 1, method="donation", receiver="敬老院")
    remaining = {r.batch: r.quantity for r in stock_rows(admin, store_code=county.county_store)}
    assert remaining["EXP-0531"] == 10


def test_rotate_out_records_purpose(admin, county, db):
    stock_boundaries(admin, county)
    sold = rotate_out(admin, county.county_store, county.water, "EXP-0829", 4, method="sale", receiver="某超市")
    moved = rotate_out(admin, county.county_store, county.water, "EXP-0830", 3, method="transfer",
                       receiver=county.township_store)
    with db.read() as session:
        doc = session.scalar(select(Document).where(Document.number == sold.number))
        assert doc.purpose == "轮换-销售" and doc.counterparty == "某超市"
        shipped = session.scalar(select(Document).where(Document.number == moved.number))
        assert shipped.doc_type == "transfer_out" and "轮换-调拨" in shipped.remarks
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.entity == "document",
                                                          AuditEntry.entity_key == sold.number))
    rows = by_batch(rotation_plan(admin, store_code=county.county_store))
    assert rows["EXP-0829"].quantity == 6 and rows["EXP-0830"].quantity == 7
    with pytest.raises(ValidationError, match="轮换方式"):
        rotate_out(admin, county.county_store, county.water, "EXP-0829", 1, method="gift", receiver="x")


def test_replacement_planned_then_received(admin, county, db):
    stock_boundaries(admin, county)
    plan = plan_replacement(admin, county.county_store, county.water, 10, "2026-06-20",
                            old_batch_no="EXP-0830", supplier="某饮料厂")
    assert plan.number == "LH-C001-2026-0001"
    rows = by_batch(rotation_plan(admin))
    assert rows["EXP-0830"].replacement_state == "planned"
    assert rows["EXP-0830"].replacement_plans == (plan.number,)
    assert rows["EXP-0829"].replacement_state == ""  # the plan names another batch
    received = receive_replacement(admin, plan.number, ReceiptLine(county.water, 10, batch_no="NEW-1",
                                                                   expiry_date="2028-06-01"))
    rows = by_batch(rotation_plan(admin))
    assert rows["EXP-0830"].replacement_state == "received"
    assert rows["EXP-0830"].as_json()["replacement"] == "received"
    assert list_replacements(admin)[0].received == 10
    # a reversed receipt no longer counts as arrived
    reverse(admin, received.number, reason="录错")
    assert by_batch(rotation_plan(admin))["EXP-0830"].replacement_state == "planned"
    with pytest.raises(ValidationError, match="物资"):
        receive_replacement(admin, plan.number, ReceiptLine(county.rice, 1))
    cancel_replacement(admin, plan.number, reason="改为调拨补充")
    assert by_batch(rotation_plan(admin))["EXP-0830"].replacement_state == ""
    with db.read() as session:
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.entity == "replacement_plan",
                                                          AuditEntry.action == "cancel"))


def test_keeper_sees_only_own_stores(admin, county, db):
    from models.services.users import actor_for, add_user
    from models.schema.users import User

    stock_boundaries(admin, county)
    receive(admin, county.township_store, [ReceiptLine(county.water, 3, batch_no="EXP-0830")])
    add_user(admin, "keeper1", "keeper", store_codes=[county.township_store])
    with db.read() as session:
        keeper = make_ctx(db, actor_for(session.scalar(select(User).where(User.username == "keeper1"))))
    assert {r.store_code for r in rotation_plan(keeper)} == {"T001"}
