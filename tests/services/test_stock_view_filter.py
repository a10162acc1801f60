"""The stock view's text filter on SQLite and PostgreSQL: an item (name, code, spec, pinyin, category), a store
(name or code) or a batch number, whatever the sort — the three branches of one OR, which PostgreSQL
answers from the matched stores and batch numbers resolved first (issue 10)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.services import stock_view_queries
from models.services.receiving import ReceiptLine, receive
from models.services.stock_view_queries import StockFilter, stock_lines, stock_view_page, stock_view_totals

SORTS = ("store", "value", "quantity", "batch", "item_name", "category", "expiry", "level")


def stock(admin, county):
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 100, batch_no="ABC-7X", production_date="2026-01-01"),
        ReceiptLine(county.tent, 7, batch_no="T1"),
        ReceiptLine(county.bags, 300, batch_no="b-77", unit_price=Decimal("1.1")),
    ])
    receive(admin, county.township_store, [
        ReceiptLine(county.water, 12, batch_no="W2", production_date="2026-02-01"),
        ReceiptLine(county.rice, 50, batch_no="R1", production_date="2026-03-01"),
    ])
    receive(admin, county.village_store, [ReceiptLine(county.tent, 2, batch_no="abc-9")])


def expected(lines, needle):
    return {(line.store_code, line.batch) for line in lines
            if needle in line.item_name or needle in line.item_code.lower() or needle in line.spec.lower()
            or any(needle in part for part in line.pinyin.split()) or needle in line.category_name
            or needle in line.store_name.lower() or needle in line.store_code.lower() or needle in line.batch.lower()}


CASES = {  # needle -> what it must find (besides agreeing with ``expected``)
    "zp": {("C001", "T1"), ("V001", "abc-9")},  # tents by pinyin initials (救灾帐篷: jzzp)
    "城关": {("T001", "W2"), ("T001", "R1")},  # a store's name
    "t00": {("T001", "W2"), ("T001", "R1")},  # a store's code, any case
    "abc": {("C001", "ABC-7X"), ("V001", "abc-9")},  # batch numbers, any case
    "7x": {("C001", "ABC-7X")},
    "-77": {("C001", "b-77")},
    "无此物": set(),
}


@pytest.mark.parametrize("batch_list", [2000, 0], ids=["batches listed", "batches as a subquery"])
def test_each_text_finds_its_items_stores_and_batches_whatever_the_sort(admin, county, monkeypatch, batch_list):
    # PostgreSQL lists the matched batches up to BATCH_MATCH_LIST, past it asks a subquery (SQLite: joined)
    monkeypatch.setattr(stock_view_queries, "BATCH_MATCH_LIST", batch_list)
    stock(admin, county)
    lines = stock_lines(admin)
    for needle, found in CASES.items():
        assert expected(lines, needle) == found, needle
        for sort in SORTS:
            for descending in (False, True):
                page = stock_view_page(admin, StockFilter(text=needle.upper()), sort=sort, descending=descending)
                assert {(line.store_code, line.batch) for line in page} == found, (needle, sort, descending)
                assert len(page) == len(found)
        totals = stock_view_totals(admin, StockFilter(text=needle))
        assert totals.lines == len(found), needle
        assert totals.value == sum((line.value or Decimal(0) for line in lines
                                    if (line.store_code, line.batch) in found), Decimal(0)), needle


def test_the_filter_pages_one_after_another(admin, county):
    stock(admin, county)
    receive(admin, county.other_township_store, [ReceiptLine(county.tent, n + 1, batch_no=f"ZP-{n:02d}")
                                                 for n in range(12)])
    everything = stock_view_page(admin, StockFilter(text="zp"), sort="batch", limit=100)
    assert len(everything) == 14
    pages = [stock_view_page(admin, StockFilter(text="zp"), sort="batch", limit=5, offset=offset)
             for offset in (0, 5, 10)]
    assert [line.batch for page in pages for line in page] == [line.batch for line in everything]
    assert [line.batch for line in everything] == sorted(line.batch for line in everything)
