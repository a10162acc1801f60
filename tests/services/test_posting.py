"""Receipts, issues, transfers, stocktakes, scraps and reversals on both databases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from models.errors import ConflictError, InsufficientStockError, NotFoundError, ValidationError
from models.schema.documents import Document
from models.schema.stock import Movement
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.reversal import reverse
from models.services.scrapping import ScrapLine, scrap
from models.services.stock_queries import stock_rows
from models.services.stocktake import CountLine, count_sheet, post_stocktake
from models.services.transfers import in_transit, receive_transfer, ship_transfer
from models.services.verify import verify


def quantities(ctx, store=None) -> dict[tuple[str, str, str], Decimal]:
    return {(r.store_code, r.item_code, r.batch): r.quantity for r in stock_rows(ctx, store_code=store)}


def ledger_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Movement.id)))


def stock_water(admin, county):
    """100 good bottles (expire 2026-12-31), 50 expired (2026-05-01), 20 expiring first (2026-07-01)."""
    return receive(admin, county.county_store, [
        ReceiptLine(county.water, 100, batch_no="B-GOOD", production_date="2025-01-01"),
        ReceiptLine(county.water, 50, batch_no="B-OLD", expiry_date="2026-05-01"),
        ReceiptLine(county.water, 20, batch_no="B-SOON", expiry_date="2026-07-01"),
    ], supplier="某超市")


def test_receipt_numbers_by_store_and_year(admin, county):
    first = stock_water(admin, county)
    second = receive(admin, county.county_store, [ReceiptLine(county.tent, 5)])
    assert first.number == "RK-C001-2026-0001"
    assert second.number == "RK-C001-2026-0002"
    assert quantities(admin)[("C001", "W500", "B-GOOD")] == 100
    # expiry derived from production date and the item's 24-month shelf life
    assert first.lines[0].expiry_date.isoformat() == "2026-12-31"


def test_issue_takes_earliest_usable_expiry_and_skips_expired(admin, county):
    stock_water(admin, county)
    result = issue(admin, county.county_store, [IssueLine(county.water, 30)], receiver="城关镇")
    taken = {(line.batch, line.quantity) for line in result.lines}
    assert taken == {("B-SOON", Decimal(20)), ("B-GOOD", Decimal(10))}
    assert quantities(admin)[("C001", "W500", "B-OLD")] == 50


def test_issue_more_than_usable_is_refused_and_changes_nothing(admin, county, db):
    stock_water(admin, county)
    before, moves = quantities(admin), ledger_count(db)
    with pytest.raises(InsufficientStockError) as info:
        issue(admin, county.county_store, [IssueLine(county.water, 121)], receiver="城关镇")
    assert "120" in info.value.message and "过期" in info.value.message
    assert quantities(admin) == before and ledger_count(db) == moves
    with db.read() as session:
        assert session.scalar(select(func.count(Document.id)).where(Document.doc_type == "issue")) == 0


def test_expired_batch_cannot_be_issued_by_name_only_scrapped(admin, county):
    stock_water(admin, county)
    with pytest.raises(InsufficientStockError, match="过期"):
        issue(admin, county.county_store, [IssueLine(county.water, 5, batch_no="B-OLD")], receiver="x")
    scrap(admin, county.county_store, [ScrapLine(county.water, "B-OLD", 50)], reason="过期")
    assert ("C001", "W500", "B-OLD") not in quantities(admin)


@pytest.mark.parametrize("bad", ["-5", "0", "abc", "1.0001", ""])
def test_bad_quantity_is_refused(admin, county, bad):
    with pytest.raises(ValidationError):
        receive(admin, county.county_store, [ReceiptLine(county.water, bad)])
    assert quantities(admin) == {}


def test_unknown_codes_are_refused(admin, county):
    with pytest.raises(NotFoundError, match="NOPE"):
        receive(admin, "NOPE", [ReceiptLine(county.water, 1)])
    with pytest.raises(NotFoundError, match="X9"):
        receive(admin, county.county_store, [ReceiptLine("X9", 1)])


def test_expiry_before_production_is_refused(admin, county):
    with pytest.raises(ValidationError, match="早于"):
        receive(admin, county.county_store, [
            ReceiptLine(county.water, 1, production_date="2026-01-02", expiry_date="2026-01-01")])


def test_reversal_restores_balances_and_keeps_original(admin, county, db):
    stock_water(admin, county)
    posted = issue(admin, county.county_store, [IssueLine(county.water, 30)], receiver="城关镇")
    before_issue = {("C001", "W500", "B-GOOD"): Decimal(100), ("C001", "W500", "B-OLD"): Decimal(50),
                    ("C001", "W500", "B-SOON"): Decimal(20)}
    reversal = reverse(admin, posted.number, reason="录入错误")
    assert reversal.number.startswith("CX-C001-2026-")
    assert quantities(admin) == before_issue
    with db.read() as session:
        assert session.scalar(select(func.count(Document.id))) == 3
    with pytest.raises(ConflictError, match="已被"):
        reverse(admin, posted.number, reason="again")
    with pytest.raises(ConflictError):
        reverse(admin, reversal.number, reason="undo")
    assert verify(db).ok


def test_reversing_a_receipt_already_issued_is_refused(admin, county):
    receipt = receive(admin, county.county_store, [ReceiptLine(county.tent, 5)])
    issue(admin, county.county_store, [IssueLine(county.tent, 3)], receiver="河口镇")
    with pytest.raises(InsufficientStockError):
        reverse(admin, receipt.number, reason="错")
    assert quantities(admin)[("C001", "ZP12", "无批次")] == 2


def test_transfer_partial_receipt_leaves_rest_in_transit(admin, county, db):
    receive(admin, county.county_store, [ReceiptLine(county.tent, 10)])
    shipped = ship_transfer(admin, county.county_store, county.township_store, [IssueLine(county.tent, 6)])
    assert quantities(admin)[("C001", "ZP12", "无批次")] == 4
    receive_transfer(admin, shipped.transfer_number, {(county.tent, "无批次"): 4})
    transit = in_transit(admin)
    assert [(line.item_code, line.in_transit) for line in transit] == [("ZP12", Decimal(2))]
    assert quantities(admin)[("T001", "ZP12", "无批次")] == 4
    with pytest.raises(ValidationError, match="超过在途"):
        receive_transfer(admin, shipped.transfer_number, {(county.tent, "无批次"): 3})
    receive_transfer(admin, shipped.transfer_number)
    assert in_transit(admin) == []
    with pytest.raises(ConflictError):
        receive_transfer(admin, shipped.transfer_number)
    assert verify(db).ok


def test_transfer_shipment_reversal_before_receipt(admin, county, db):
    receive(admin, county.county_store, [ReceiptLine(county.tent, 10)])
    shipped = ship_transfer(admin, county.county_store, county.township_store, [IssueLine(county.tent, 6)])
    reverse(admin, shipped.number, reason="取消调拨")
    assert quantities(admin)[("C001", "ZP12", "无批次")] == 10
    assert in_transit(admin) == []
    assert verify(db).ok


def test_transfer_receipt_reversal_puts_goods_back_in_transit(admin, county, db):
    receive(admin, county.county_store, [ReceiptLine(county.tent, 10)])
    shipped = ship_transfer(admin, county.county_store, county.township_store, [IssueLine(county.tent, 6)])
    arrived = receive_transfer(admin, shipped.transfer_number)
    with pytest.raises(ConflictError, match="先冲销"):
        reverse(admin, shipped.number, reason="x")
    reverse(admin, arrived.number, reason="收错库")
    assert [line.in_transit for line in in_transit(admin)] == [Decimal(6)]
    assert verify(db).ok


def test_stocktake_posts_differences(admin, county, db):
    stock_water(admin, county)
    sheet = count_sheet(admin, county.county_store)
    assert {line.batch_no for line in sheet} == {"B-GOOD", "B-OLD", "B-SOON"}
    posted = post_stocktake(admin, county.county_store, [
        CountLine(county.water, "B-GOOD", 97), CountLine(county.water, "B-SOON", 20),
        CountLine(county.bags, "", 300),
    ], reason="年度盘点")
    assert posted.number.startswith("PD-")
    q = quantities(admin)
    assert q[("C001", "W500", "B-GOOD")] == 97 and q[("C001", "BAG", "无批次")] == 300
    assert verify(db).ok


def test_stocktake_requires_reason(admin, county):
    with pytest.raises(ValidationError, match="原因"):
        post_stocktake(admin, county.county_store, [CountLine(county.bags, "", 1)], reason=" ")


def test_ledger_rows_cannot_be_updated_or_deleted(admin, county, db):
    stock_water(admin, county)
    for statement in ("UPDATE movements SET delta = 1", "DELETE FROM movements"):
        with pytest.raises(Exception, match="append-only"):
            with db.engine.begin() as conn:
                conn.execute(text(statement))
    assert ledger_count(db) == 3


def test_hostile_text_is_stored_verbatim(admin, county, db):
    nasty = "'); DROP TABLE items; -- 😀 \"引号\" " + "长" * 100
    posted = receive(admin, county.county_store, [ReceiptLine(county.bags, 1, remarks=nasty[:500])], supplier=nasty)
    with db.read() as session:
        document = session.scalar(select(Document).where(Document.number == posted.number))
        assert document.counterparty == nasty.strip()
    with pytest.raises(ValidationError, match="控制字符"):
        receive(admin, county.county_store, [ReceiptLine(county.bags, 1)], supplier="bad\x00name")
    with pytest.raises(ValidationError, match="太长"):
        receive(admin, county.county_store, [ReceiptLine(county.bags, 1)], supplier="x" * 10_000)
