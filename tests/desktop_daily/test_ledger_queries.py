"""Keyset paging of the ledger and document queries, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.context import Actor
from models.errors import NotFoundError, PermissionDeniedError
from models.schema.enums import DocType, Role
from models.schema.stock import Movement
from models.services.document_queries import DocumentFilter, document_detail, list_documents
from models.services.issuing import IssueLine, issue
from models.services.ledger_queries import LedgerFilter, ledger_choices, ledger_page
from models.services.receiving import ReceiptLine, receive
from models.services.reversal import reverse
from models.services.transfers import ship_transfer
from tests.conftest import make_ctx


def post_some(admin, county, receipts: int = 7):
    for n in range(receipts):
        receive(admin, county.county_store, [ReceiptLine(county.water, 10 + n, batch_no=f"B{n}"),
                                             ReceiptLine(county.bags, 100)], supplier=f"供应商{n}")
    receive(admin, county.township_store, [ReceiptLine(county.tent, 3, batch_no="T1")])
    issue(admin, county.county_store, [IssueLine(county.bags, 50)], receiver="城关镇")


def all_ids(db) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(Movement.id).order_by(Movement.occurred_at.desc(), Movement.id.desc())))


def walk(ctx, filters=LedgerFilter(), limit=4, newest_first=True):
    rows, key, pages = [], None, 0
    while True:
        page = ledger_page(ctx, filters, key, limit=limit, newest_first=newest_first)
        pages += 1
        rows.extend(page.rows)
        assert len(page.rows) <= limit
        if not page.has_more:
            return rows, pages
        key = page.last_key


def test_keyset_pages_cover_every_movement_once_in_order(admin, county, db):
    post_some(admin, county)
    expected = all_ids(db)
    assert len(expected) == 16
    rows, pages = walk(admin)
    assert [row.id for row in rows] == expected
    assert pages == 4  # 16 rows in pages of 4 (the last page knows there is nothing more)
    oldest, _ = walk(admin, newest_first=False, limit=5)
    assert [row.id for row in oldest] == list(reversed(expected))


def test_rows_carry_what_the_view_shows(admin, county):
    post_some(admin, county, receipts=1)
    page = ledger_page(admin, LedgerFilter(doc_type=DocType.ISSUE))
    assert len(page.rows) == 1 and not page.has_more
    row = page.rows[0]
    assert (row.document_number, row.store_code, row.item_code, row.unit) == ("CK-C001-2026-0001", "C001", "BAG", "条")
    assert row.delta == Decimal(-50) and row.balance_after == Decimal(50)
    assert row.username == "admin" and row.doc_type is DocType.ISSUE


def test_filters_by_store_item_type_user_and_dates(admin, county):
    post_some(admin, county)
    by_store, _ = walk(admin, LedgerFilter(store_code=county.township_store))
    assert {r.item_code for r in by_store} == {county.tent}
    by_item, _ = walk(admin, LedgerFilter(item_code=county.water), limit=3)
    assert len(by_item) == 7 and {r.item_code for r in by_item} == {county.water}
    assert len(walk(admin, LedgerFilter(username="admin"))[0]) == 16
    day = dt.date(2026, 6, 1)  # all postings happen at the fixed clock 2026-06-01 08:00 UTC
    around = LedgerFilter(date_from=day - dt.timedelta(days=1), date_to=day + dt.timedelta(days=1))
    assert len(walk(admin, around)[0]) == 16
    assert walk(admin, LedgerFilter(date_from=day + dt.timedelta(days=2)))[0] == []
    assert walk(admin, LedgerFilter(date_to=day - dt.timedelta(days=2)))[0] == []
    with pytest.raises(NotFoundError):
        ledger_page(admin, LedgerFilter(item_code="NOPE"))


def test_keeper_sees_only_their_store(admin, county, db):
    post_some(admin, county, receipts=2)
    with db.read() as session:
        from models.schema.warehouse import Store
        township = session.scalar(select(Store.id).where(Store.code == county.township_store))
    keeper = make_ctx(db, Actor(None, "keeper1", Role.KEEPER, frozenset({township})))
    rows, _ = walk(keeper)
    assert {r.store_code for r in rows} == {county.township_store} and len(rows) == 1
    assert walk(keeper, LedgerFilter(store_code=county.county_store))[0] == []
    assert [c.code for c in ledger_choices(keeper).stores] == [county.township_store]
    assert len(ledger_choices(admin).stores) == 4
    docs = list_documents(keeper)
    assert [d.store_code for d in docs] == [county.township_store]
    with pytest.raises(PermissionDeniedError):
        document_detail(keeper, "RK-C001-2026-0001")
    nobody = make_ctx(db, Actor(None, "keeper2", Role.KEEPER, frozenset()))
    assert ledger_page(nobody).rows == [] and list_documents(nobody) == []


def test_document_list_and_detail_with_history(admin, county):
    post_some(admin, county, receipts=2)
    ship_transfer(admin, county.county_store, county.other_township_store, [IssueLine(county.water, 5)])
    reverse(admin, "RK-C001-2026-0002", reason="数量录错")
    docs = list_documents(admin)
    numbers = [d.number for d in docs]
    assert len(docs) == 6 and "CX-C001-2026-0001" in numbers
    receipts = list_documents(admin, DocumentFilter(doc_type=DocType.RECEIPT, store_code=county.county_store))
    assert [d.number for d in receipts] == ["RK-C001-2026-0002", "RK-C001-2026-0001"]
    second = receipts[0]
    assert second.reversed_by == "CX-C001-2026-0001" and not second.reversible
    assert receipts[1].reversible and receipts[1].line_count == 2 and receipts[1].total_quantity == Decimal(110)
    assert [d.number for d in list_documents(admin, DocumentFilter(text="供应商1"))] == ["CX-C001-2026-0001", "RK-C001-2026-0002"]
    assert list_documents(admin, DocumentFilter(date_from=dt.date(2026, 6, 2))) == []

    detail = document_detail(admin, "RK-C001-2026-0002")
    assert [(l.item_code, l.batch_no, l.quantity) for l in detail.lines] == [("W500", "B1", Decimal(11)), ("BAG", "无批次", Decimal(100))]
    assert [h.action for h in detail.history] == ["post", "reverse"]
    assert "数量录错" in detail.history[1].summary
    reversal = document_detail(admin, "CX-C001-2026-0001")
    assert reversal.summary.reverses == "RK-C001-2026-0002" and reversal.summary.reason == "数量录错"
    shipped = document_detail(admin, "DC-C001-2026-0001")
    assert shipped.transfer_number == "DC-C001-2026-0001" and shipped.transfer_status.value == "in_transit"
