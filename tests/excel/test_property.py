"""Random cell values never cause an unhandled exception or a partial import."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select

from models.documents.excel_import import import_workbook
from models.schema.documents import Document
from models.schema.stock import Balance, Movement
from models.schema.agreements import Agreement
from models.schema.catalog import Item
from models.schema.standards import Standard
from models.schema.warehouse import Store
from models.services.verify import verify
from tests.excel import builders as B

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
CELL = st.one_of(
    st.none(), TEXT, st.integers(-10**13, 10**13), st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)), st.sampled_from(["1,000", "１２", "2024年5月1日", "合计", " ", "-1"]),
)
STORE = st.one_of(st.sampled_from(["C001", "T001", "NEWS", "nope"]), CELL)
ITEM = st.one_of(st.sampled_from(["W500", "BAG", "NEWI", "x y"]), CELL)
QTY = st.one_of(st.integers(-5, 10**6), st.sampled_from(["12.5", "1,200", "0", "abc"]), CELL)
STOCK_ROW = st.tuples(STORE, ITEM, CELL, CELL, CELL, QTY, CELL, CELL, CELL, CELL)
STORE_ROW = st.tuples(st.sampled_from(["NEWS", "C001", ""]), CELL, st.sampled_from(["村级", "县级", "省级", ""]),
                      st.one_of(st.just("东村"), CELL), CELL, CELL, CELL, CELL, CELL)
ITEM_ROW = st.tuples(st.sampled_from(["NEWI", "W500", ""]), CELL, CELL, st.one_of(st.just("个"), CELL),
                     CELL, CELL, CELL, CELL, CELL, CELL)

AGREEMENT_ROW = st.tuples(st.sampled_from(["XY1", "XY2", ""]), st.sampled_from(["某超市", ""]),
                          st.one_of(st.just(B.credit_code("91320100MA1MAAAA1")), CELL),
                          st.one_of(st.sampled_from(["实物代储", "产能储备"]), CELL), CELL, CELL, CELL, CELL,
                          ITEM, QTY, CELL, CELL, CELL, CELL)
STANDARD_ROW = st.tuples(st.sampled_from(["标准甲", ""]), st.sampled_from(["饮用水", "帐篷"]), st.just("L"),
                         st.one_of(st.sampled_from(["每人每天", "每N人", "固定数量"]), CELL), QTY, ITEM, CELL)


def counts(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Store, Item, Balance, Movement, Document, Agreement, Standard))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(stock=st.lists(STOCK_ROW, max_size=6), stores=st.lists(STORE_ROW, max_size=2),
       items=st.lists(ITEM_ROW, max_size=2), agreements=st.lists(AGREEMENT_ROW, max_size=2),
       needs=st.lists(STANDARD_ROW, max_size=2), title=st.booleans())
def test_random_cells_never_crash_or_half_import(admin, county, tmp_path_factory, stock, stores, items,
                                                 agreements, needs, title):
    workbook = B.new_workbook()
    titles = ["随便写的标题"] if title else []
    B.sheet(workbook, "储备库", B.STORE_HEADERS, stores, title_rows=titles)
    B.sheet(workbook, "物资目录", B.ITEM_HEADERS, items)
    B.sheet(workbook, "库存", B.STOCK_HEADERS, stock, title_rows=titles)
    B.sheet(workbook, "代储协议", B.AGREEMENT_HEADERS, agreements)
    B.sheet(workbook, "定额标准", B.STANDARD_HEADERS, needs)
    path = B.save(workbook, tmp_path_factory.mktemp("prop") / "p.xlsx")
    before = counts(admin.db)
    quantity_before = _total(admin.db)
    report = import_workbook(admin, path)
    after = counts(admin.db)
    if not report.ok:
        assert report.errors and after == before
        assert all(p.sheet and p.message for p in report.errors)
    else:
        assert verify(admin.db).ok
        assert _total(admin.db) - quantity_before >= 0
        assert after[4] - before[4] == len(report.documents)
        assert after[3] - before[3] >= report.created["batches"]


def _total(db) -> Decimal:
    with db.read() as session:
        return sum(session.scalars(select(Balance.quantity)), Decimal(0))
