"""The unit price copied onto balance rows (migration 0009) and what reads it: the stock view's value sort,
its totals and the home figures, on SQLite and PostgreSQL (issue 10).

A balance carries its batch's price, else its item's. Every read that uses the copy must give what the
batch and item prices give: the tests compare with ``stock_lines``, which still reads batch and item.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update

from models.schema.enums import DocType
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Store
from models.services import ledger
from models.services.catalog import ItemInput, item_snapshot, update_item
from models.services.issuing import IssueLine
from models.services.lookup import item_by_code, store_by_code
from models.services.receiving import ReceiptLine, find_or_create_batch, receive
from models.services.stock_view_queries import (StockFilter, stock_lines, stock_overview, stock_view_page,
                                                stock_view_totals)
from models.services.transfers import receive_transfer, ship_transfer
from models.services.verify import verify

D = Decimal


def stored_prices(db) -> dict[tuple[str, str], Decimal | None]:
    """(store code, batch number) -> the balance row's copied price."""
    with db.read() as session:
        return {(store, batch): price for store, batch, price in session.execute(
            select(Store.code, Batch.batch_no, Balance.unit_price)
            .join(Store, Store.id == Balance.store_id).join(Batch, Batch.id == Balance.batch_id))}


def effective_prices(db) -> dict[tuple[str, str], Decimal | None]:
    """The same, from the batch's and the item's price."""
    with db.read() as session:
        return {(balance.store.code, balance.batch.batch_no):
                balance.batch.unit_price if balance.batch.unit_price is not None else balance.item.unit_price
                for balance in session.scalars(select(Balance))}


def copies_check(db):
    return next(check for check in verify(db).checks if check.name == "结存冗余字段一致")


def stock_priced_three_ways(admin, county):
    """Water (no item price) without and with a batch price; tents at the item's price; bags with their own."""
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 120, batch_no="W-NOPRICE", production_date="2026-01-01"),
        ReceiptLine(county.water, 40, batch_no="W-OWN", production_date="2026-02-01", unit_price=D("3.5")),
        ReceiptLine(county.tent, 7, batch_no="T1"),
        ReceiptLine(county.bags, "2500.4", batch_no="B1", unit_price=D("1.25")),
    ])
    receive(admin, county.township_store, [
        ReceiptLine(county.water, 15, batch_no="W-NOPRICE", production_date="2026-01-01"),
        ReceiptLine(county.tent, 2, batch_no="T2", unit_price=D("3100")),
    ])


def test_new_balances_carry_the_batch_price_else_the_items(admin, county, db):
    stock_priced_three_ways(admin, county)
    shipped = ship_transfer(admin, county.county_store, county.village_store, [IssueLine(county.tent, 3)])
    receive_transfer(admin, shipped.transfer_number)  # a new balance row in the village store

    prices = stored_prices(db)
    assert prices[("C001", "W-NOPRICE")] is None and prices[("T001", "W-NOPRICE")] is None
    assert prices[("C001", "W-OWN")] == D("3.50")
    assert prices[("C001", "T1")] == D("2800.00") == prices[("V001", "T1")]  # the batch took the item's price
    assert prices[("C001", "B1")] == D("1.25") and prices[("T001", "T2")] == D("3100.00")
    assert prices == effective_prices(db)
    assert verify(db).ok


def test_an_item_price_change_reprices_the_balances_of_its_batches_without_a_price(admin, county, db):
    stock_priced_three_ways(admin, county)
    with db.read() as session:
        stamps = dict(session.execute(select(Balance.id, Balance.updated_at)).all())
        water = item_snapshot(item_by_code(session, county.water))

    def set_water_price(price):
        update_item(admin, ItemInput(county.water, water["name"], water["unit"], water["spec"], water["category"],
                                     water["shelf_life_months"], water["rotation_lead_days"], water["returnable"],
                                     price))

    set_water_price(D("2"))
    prices = stored_prices(db)
    assert prices[("C001", "W-NOPRICE")] == D("2.00") == prices[("T001", "W-NOPRICE")]
    assert prices[("C001", "W-OWN")] == D("3.50")  # the batch's own price stays
    assert prices == effective_prices(db) and verify(db).ok
    with db.read() as session:  # the copy is not a stock change
        assert dict(session.execute(select(Balance.id, Balance.updated_at)).all()) == stamps

    set_water_price(None)
    assert stored_prices(db)[("C001", "W-NOPRICE")] is None
    assert stored_prices(db) == effective_prices(db) and verify(db).ok


def test_changing_an_items_price_resorts_the_value_sort(admin, county, db):
    stock_priced_three_ways(admin, county)
    order = [line.batch for line in stock_view_page(admin, StockFilter(), sort="value", limit=50)]
    # unpriced lines first (as quantity × -1: the larger first), then by value
    assert order == ["W-NOPRICE", "W-NOPRICE", "W-OWN", "B1", "T2", "T1"]
    with db.read() as session:
        snap = item_snapshot(item_by_code(session, county.water))
    update_item(admin, ItemInput(county.water, snap["name"], snap["unit"], snap["spec"], snap["category"],
                                 snap["shelf_life_months"], snap["rotation_lead_days"], snap["returnable"], D("500")))
    lines = stock_view_page(admin, StockFilter(), sort="value", descending=True, limit=50)
    assert [(line.store_code, line.batch) for line in lines][:3] == [
        ("C001", "W-NOPRICE"), ("C001", "T1"), ("T001", "W-NOPRICE")]  # 120 × 500, 7 × 2800, 15 × 500
    assert lines[0].value == D("60000.00")


def _expected_order(lines, descending):
    key = lambda line: line.quantity * (line.unit_price if line.unit_price is not None else D(-1))  # noqa: E731
    return sorted(lines, key=key, reverse=descending)


def test_value_sort_totals_and_overview_equal_what_batch_and_item_prices_give(admin, county, db):
    stock_priced_three_ways(admin, county)
    receive(admin, county.village_store, [ReceiptLine(county.rice, "12.345", batch_no="R1", unit_price=D("4.99")),
                                          ReceiptLine(county.rice, "0.005", batch_no="R2", unit_price=D("0.99"))])
    reference = stock_lines(admin)  # batch and item prices, joined
    for descending in (False, True):
        page = stock_view_page(admin, StockFilter(), sort="value", descending=descending, limit=100)
        values = [line.quantity * (line.unit_price if line.unit_price is not None else D(-1)) for line in page]
        assert values == [line.quantity * (line.unit_price if line.unit_price is not None else D(-1))
                          for line in _expected_order(reference, descending)]
        assert len(page) == len(reference)
    expected_total = sum((line.value or D(0) for line in reference), D(0))
    # 40 × 3.5 + 7 × 2800 + 2500.4 × 1.25 + 2 × 3100 + 12.345 × 4.99 (61.60155) + 0.005 × 0.99 (0.00495)
    assert expected_total == D("29127.10")
    totals = stock_view_totals(admin, StockFilter())
    assert (totals.lines, totals.value) == (len(reference), expected_total)
    assert stock_overview(admin).value == expected_total
    tents = stock_view_totals(admin, StockFilter(text="zp"))
    assert tents.value == sum((line.value for line in reference if line.item_code == county.tent), D(0))


def test_bulk_posting_copies_the_price_onto_new_balances(admin, county, db):
    with admin.write() as session:
        store = store_by_code(session, county.township_store)
        water, tent = item_by_code(session, county.water), item_by_code(session, county.tent)
        batches = [find_or_create_batch(session, water, "BW1", production_date=None, expiry_date=None),
                   find_or_create_batch(session, water, "BW2", production_date=None, expiry_date=None,
                                        unit_price=D("2.2")),
                   find_or_create_batch(session, tent, "BT1", production_date=None, expiry_date=None)]
        session.flush()
        document = ledger.new_document(admin, session, DocType.RECEIPT, store)
        ledger.apply_movements_bulk(admin, session, [
            ledger.BulkLine(document.id, DocType.RECEIPT, admin.now(), n, store.id, store.level, batch.item_id,
                            batch.id, None, D(10 + n), unit_price=D("9.99"))  # a line price is not the batch's
            for n, batch in enumerate(batches, start=1)])
        ledger.audit(admin, session, "post", "document", document.number, "入库")
    prices = stored_prices(db)
    assert (prices[("T001", "BW1")], prices[("T001", "BW2")], prices[("T001", "BT1")]) == (None, D("2.20"), D("2800"))
    assert verify(db).ok


def test_verify_reports_a_stale_price(admin, county, db):
    stock_priced_three_ways(admin, county)
    assert copies_check(db).ok
    with db.write() as session:
        session.execute(update(Balance).where(Balance.unit_price.is_(None)).values(unit_price=D("1")))
    check = copies_check(db)
    assert not check.ok and len(check.details) == 2 and all("单价" in detail for detail in check.details)
    with db.write() as session:
        session.execute(update(Balance).where(Balance.unit_price == D("1")).values(unit_price=None))
    assert copies_check(db).ok
