"""Header matching and cell parsing, without a database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.documents import excel_headers as H
from models.documents import excel_values as V
from models.documents.excel_areas import AreaPlanner, split_area
from models.errors import ValidationError
from models.schema.enums import StoreLevel


@pytest.mark.parametrize("header, key", [
    ("物资名称", "name"), ("品名", "name"), ("名称", "name"), ("单位", "unit"), ("规格", "spec"), ("型号", "spec"),
    ("保质期\n（月）", "shelf_life_months"), (" 单 价（元） ", "unit_price"), ("物资编码*", "code"),
])
def test_item_headers(header, key):
    found, _ = H.match_header_cells(H.ITEM_SHEET, [header])
    assert found == {0: key}


@pytest.mark.parametrize("header, key", [
    ("有效期", "expiry_date"), ("失效日期", "expiry_date"), ("到期日期", "expiry_date"), ("库存数量", "quantity"),
    ("储备数量", "quantity"), ("实存数量", "quantity"), ("仓库编码", "store_code"), ("库编码", "store_code"),
    ("单价(元)", "unit_price"),
])
def test_stock_headers(header, key):
    found, _ = H.match_header_cells(H.STOCK_SHEET, [header])
    assert found == {0: key}


def test_header_row_found_below_title_rows_and_mapping_overrides():
    rows = [["某县应急物资台账", None, None], [None, None, None], ["库编码", "物资代码", "现有量"]]
    match = H.find_header_row(H.STOCK_SHEET, rows)
    assert match.excel_row == 3 and match.missing == ["quantity"] and match.unmatched == {2: "现有量"}
    mapped = H.find_header_row(H.STOCK_SHEET, rows, {"现有量": "quantity"})
    assert mapped.columns == {0: "store_code", 1: "item_code", 2: "quantity"} and not mapped.missing


@pytest.mark.parametrize("name, canonical", [
    ("库存", "库存"), ("2024年库存台账", "库存"), ("物资", "物资目录"), ("仓库信息", "储备库"), ("协议储备", "代储协议"),
    ("定额", "定额标准"), ("说明", None), ("出入库流水", None),
])
def test_sheet_names(name, canonical):
    spec = H.match_sheet_name(name)
    assert (spec.name if spec else None) == canonical


@pytest.mark.parametrize("value, expected", [
    ("2024-05-01", dt.date(2024, 5, 1)), ("2024/5/1", dt.date(2024, 5, 1)), ("2024年5月1日", dt.date(2024, 5, 1)),
    ("2024.05.01", dt.date(2024, 5, 1)), ("２０２４－０５－０１", dt.date(2024, 5, 1)), (45413, dt.date(2024, 5, 1)),
    (dt.datetime(2024, 5, 1, 0, 0), dt.date(2024, 5, 1)), ("2024-05-01 00:00:00", dt.date(2024, 5, 1)),
    (20240501, dt.date(2024, 5, 1)), ("", None), (None, None),
])
def test_dates(value, expected):
    assert V.parse_date_cell(value, "日期") == expected


@pytest.mark.parametrize("value", ["2024-02-30", "明天", 12.5, "05/01/2024"])
def test_bad_dates_quote_the_value(value):
    with pytest.raises(ValidationError) as info:
        V.parse_date_cell(value, "生产日期")
    assert "生产日期" in info.value.message and str(value)[:4] in info.value.message


@pytest.mark.parametrize("value, expected", [
    ("1,234", Decimal(1234)), ("１，２３４．５", Decimal("1234.5")), (" 12 ", Decimal(12)), (7, Decimal(7)),
    (2.5, Decimal("2.5")), ("1 000", Decimal(1000)), ("0", Decimal(0)),
])
def test_quantities(value, expected):
    assert V.parse_quantity_cell(value, "数量", allow_zero=True) == expected


@pytest.mark.parametrize("value, words", [("-5", "负数"), ("abc", "不是数字"), ("1.0001", "三位小数"), (True, "不是数字")])
def test_bad_quantities(value, words):
    with pytest.raises(ValidationError, match=words):
        V.parse_quantity_cell(value, "数量")


def test_codes_and_rows():
    assert V.code_text(1010101.0) == "1010101" and V.code_text("Ｗ５００") == "W500"
    assert V.is_total_row(["合 计", None]) and V.is_total_row([None, "总计：", 5]) and not V.is_total_row(["C001"])
    assert V.parse_bool_cell("是", "是否回收") and not V.parse_bool_cell("否", "是否回收")
    assert V.parse_money_cell("￥1,200.50元", "单价") == Decimal("1200.50")


def test_areas_are_found_or_planned_with_codes():
    planner = AreaPlanner([("320101", "示例县", "county"), ("320101001", "城关镇", "township")])
    assert split_area("城关镇（320101001）") == ("城关镇", "320101001")
    assert planner.resolve("城关镇", "", StoreLevel.TOWNSHIP) == "320101001"
    assert planner.resolve("东村", "城关镇", StoreLevel.VILLAGE) == "320101001001"
    assert planner.resolve("西村", "城关镇（320101001）", StoreLevel.VILLAGE) == "320101001002"
    assert planner.resolve("新区", "", StoreLevel.TOWNSHIP) == "XQ"
    assert [a.code for a in planner.new] == ["320101001001", "320101001002", "XQ"]
