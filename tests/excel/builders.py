"""Build import workbooks in code: tidy ones, untidy ones, broken ones."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import openpyxl

STORE_HEADERS = ["储备库编码", "储备库名称", "级别", "所属行政区", "上级行政区", "地址", "负责人", "联系电话", "面积（㎡）"]
ITEM_HEADERS = ["物资编码", "物资名称", "规格型号", "计量单位", "分类编码", "分类名称", "保质期（月）",
                "轮换提前期（天）", "是否回收", "单价（元）"]
STOCK_HEADERS = ["储备库编码", "物资编码", "批次号", "生产日期", "有效期至", "数量", "单价（元）", "供应商", "存放位置", "备注"]
AGREEMENT_HEADERS = ["协议编号", "企业名称", "统一社会信用代码", "协议类型", "开始日期", "结束日期", "响应时限（小时）",
                     "年费用（元）", "物资编码", "协议数量", "最低数量", "存放地点", "联系人", "联系电话"]
STANDARD_HEADERS = ["标准名称", "需求项", "计量单位", "计算方式", "定额", "物资编码", "折算系数"]



def credit_code(body17: str) -> str:
    from models.services.credit_code import check_character

    return body17 + check_character(body17)


def sheet(workbook: openpyxl.Workbook, title: str, headers: Sequence, rows: Sequence[Sequence],
          *, title_rows: Sequence[str] = (), merge_title: bool = False):
    worksheet = workbook.create_sheet(title)
    for text in title_rows:
        worksheet.append([text])
        if merge_title:
            worksheet.merge_cells(start_row=worksheet.max_row, start_column=1,
                                  end_row=worksheet.max_row, end_column=max(2, len(headers)))
    worksheet.append(list(headers))
    for row in rows:
        worksheet.append(list(row))
    return worksheet


def new_workbook() -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    return workbook


def save(workbook: openpyxl.Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def tidy_county(path: Path) -> Path:
    """Two stores, three items, some stock: the canonical layout."""
    workbook = new_workbook()
    sheet(workbook, "储备库", STORE_HEADERS, [
        ["K01", "县应急物资储备库", "县级", "示例县（320199）", "", "城南路 1 号", "李库管", "13900000000", 1200],
        ["K02", "城关镇储备点", "乡镇级", "城关镇", "示例县（320199）", "", "", "", None],
    ])
    sheet(workbook, "物资目录", ITEM_HEADERS, [
        ["W1", "瓶装饮用水", "550ml", "瓶", "10501", "瓶装水", 24, None, "否", 1.5],
        ["T12", "救灾帐篷", "12㎡", "顶", "10101", "救灾帐篷", None, None, "是", 2800],
        ["B1", "编织袋", "", "条", "", "", None, None, "", None],
    ])
    sheet(workbook, "库存", STOCK_HEADERS, [
        ["K01", "W1", "20250101", "2025-01-01", "2026-12-31", 1000, None, "某超市", "A-1", ""],
        ["K01", "T12", "T2024", "2024-03-01", None, 20, 2750, "", "", ""],
        ["K02", "B1", "", None, None, 5000, None, "", "", ""],
    ])
    return save(workbook, path)
