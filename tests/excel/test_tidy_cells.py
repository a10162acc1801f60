"""read_stock's shortcuts for tidy cells give exactly what the Cells methods give (value, type, exponent,
problems, whitespace notes) — for tidy and untidy values alike; no database needed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.documents import excel_headers as H
from models.documents import excel_rows as R
from models.documents import excel_tidy_cells as T
from models.documents import excel_typed_rows as TR
from models.documents import excel_values as V

VALUES = [
    None, "", " ", "S001", " S001", "S001 ", "S 01", "ＡＢ１", "s-1_2./x", "a" * 30, "a" * 31, 1001, 1001.0, 12.5,
    -3, 0, -0.0, 0.0, 1e12, 999999999999, 10 ** 12, 1e-5, 0.0005, 12.345, 12.3456, float("nan"), float("inf"), True,
    False, "12.50", "12.505", "１２.5", "1,234.5", " 7 ", "-2", "12元", "￥3", "2024-05-01", "2024/5/1", "2024年5月1日",
    "2024-05-01 08:30", "2024-02-30", dt.datetime(2024, 5, 1), dt.datetime(2024, 5, 1, 13, 5), dt.date(2024, 5, 1),
    "合计", "a\tb", "x\u3000y", "\u3000x", "\u200bab", "a\x7fb", "a" * 61, "a" * 201, "a" * 501, "无批次", "2024年第3批",
    Decimal("5.5"), Decimal("-1"), 20240501, 45413, 45413.5, "政府储备", "群众号料", "别的", "#VALUE!",
]

FIELDS = [
    ("store_code", lambda c: T._tidy_code(c, "store_code"), lambda c: c.code("store_code", max_length=30)),
    ("batch_no", lambda c: T._tidy_text(c, "batch_no", 60), lambda c: c.text("batch_no", max_length=60)),
    ("remarks", lambda c: T._tidy_text(c, "remarks", 500), lambda c: c.text("remarks", max_length=500)),
    ("production_date", lambda c: T._tidy_date(c, "production_date"),
     lambda c: c.parse("production_date", V.parse_date_cell)),
    ("quantity",
     lambda c: T._tidy_number(c, "quantity", T._quantity_number, V.parse_quantity_cell, required=True, allow_zero=True),
     lambda c: c.parse("quantity", V.parse_quantity_cell, required=True, allow_zero=True)),
    ("unit_price", lambda c: T._tidy_number(c, "unit_price", T._money_number, V.parse_money_cell),
     lambda c: c.parse("unit_price", V.parse_money_cell)),
    ("reserve_mode", lambda c: T._tidy_parsed(c, "reserve_mode", TR._reserve_mode),
     lambda c: c.parse("reserve_mode", TR._reserve_mode)),
    ("reserved", lambda c: T._tidy_parsed(c, "reserved", V.parse_optional_quantity),
     lambda c: c.parse("reserved", V.parse_optional_quantity)),
]


def _outcome(read, key, value):
    problems = R.Problems()
    cells = R.Cells("库存", 7, {key: value}, problems, H.STOCK_SHEET)
    result = read(cells)
    return (type(result), repr(result), [p.as_json() for p in problems.errors],
            [p.as_json() for p in problems.warnings], dict(problems._trimmed))


def _same(value):
    for key, tidy, plain in FIELDS:
        expected = _outcome(plain, key, value)
        assert _outcome(tidy, key, value) == expected, (key, value)
        assert _outcome(tidy, key, value) == expected, (key, value)  # again: remembered texts


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_tidy_cells_read_as_the_cells_methods(value):
    _same(value)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=12), st.text(alphabet="0123456789.,-元 ", max_size=9),
                 st.integers(min_value=-10, max_value=10 ** 13), st.floats(allow_nan=True), st.decimals(),
                 st.dates(), st.datetimes()))
def test_tidy_cells_any_value(value):
    _same(value)


def test_read_stock_row_with_problems_reports_them_as_before():
    problems = R.Problems()
    values = {"store_code": " S001", "item_code": "I 1", "batch_no": "B\x01", "production_date": "2024-13-01",
              "expiry_date": dt.datetime(2024, 1, 1), "quantity": -2, "unit_price": "1.234", "supplier": "某\u3000厂 "}
    entry = R.read_stock(R.Cells("库存", 9, values, problems, H.STOCK_SHEET))
    assert (entry.store_code, entry.item_code, entry.batch_no, entry.quantity, entry.supplier) == ("S001", "", "", None, "某 厂")
    assert [(p.row, p.column) for p in problems.errors] == [
        (9, "物资编码"), (9, "批次号"), (9, "生产日期"), (9, "数量"), (9, "单价（元）")]
    problems.finish()
    assert sorted(p.column for p in problems.warnings) == ["供应商", "储备库编码"]
