"""Printed documents: the dispatch order (with copies, and a 120-line order over several pages),
receipt, issue slip, stocktake count sheet and scrap record. Each is read back with pdftotext,
pdffonts and zbarimg."""

from __future__ import annotations

import re

import pytest

from models.documents.dispatch_pdf import DISPATCH_COPIES, print_dispatch_order
from models.documents.document_pdf import print_document
from models.services import dispatch
from models.services.catalog import ItemInput, create_item
from models.services.receiving import ReceiptLine, receive
from models.services.scrapping import ScrapLine, scrap
from models.services.stocktake import CountLine, post_stocktake
from tests.dispatch.conftest import create
from tests.dispatch.pdf_tools import assert_embedded_cjk_only, page_count, pdf_text, qr_codes


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_dispatch_order_prints_three_labelled_copies(admin, stocked, tmp_path):
    order = create(admin, stocked, (stocked.tent, 8), (stocked.water, 30), vehicle="苏A·12345", escort="李四",
                   receiver_contact="张三", receiver_phone="13900000001", due_back="2026-07-15")
    dispatch.approve(admin, order.number)
    dispatch.issue(admin, order.number)
    path = print_dispatch_order(admin, order.number, tmp_path / "order.pdf", copies=DISPATCH_COPIES)
    assert page_count(path) == 3
    for page, label in enumerate(DISPATCH_COPIES, start=1):
        text = squeeze(pdf_text(path, page))
        assert "应急物资调拨单" in text and order.number in text
        assert "救灾帐篷" in text and "瓶装饮用水" in text and "城关镇第一中学安置点" in text
        assert "苏A·12345" in text and "W-SOON" in text and "须归还" in text
        for role in ("经办人", "审核人", "批准人", "签收人"):
            assert role in text
        assert label in text and "第1页共1页" in text
        others = [other for other in DISPATCH_COPIES if other != label]
        assert not any(f"（{other}）" in text for other in others)
        assert qr_codes(path, page, tmp_path) == [order.number]
    assert_embedded_cjk_only(path)


def test_emergency_order_before_approval_says_approval_is_owed(admin, stocked, tmp_path):
    order = create(admin, stocked, (stocked.rice, 100), area=None, emergency=True)
    dispatch.emergency_issue(admin, order.number, instruction="县长电话指令")
    path = print_dispatch_order(admin, order.number, tmp_path / "urgent.pdf")
    text = squeeze(pdf_text(path))
    assert "紧急" in text and "48小时内补办" in text and "大米" in text and "县长电话指令" in text
    assert qr_codes(path, 1, tmp_path) == [order.number]


def test_120_line_order_continues_over_pages_with_header_and_page_numbers(admin, county, tmp_path):
    codes = [f"T{n:03d}" for n in range(1, 121)]
    for n, code in enumerate(codes, start=1):
        create_item(admin, ItemInput(code, f"测试物资{n:03d}号", "件", spec=f"规格{n}", category_code="10101"))
    receive(admin, county.county_store, [ReceiptLine(code, 10, batch_no=f"B{n}") for n, code in enumerate(codes, 1)])
    order = create(admin, county, *[(code, 2) for code in codes], area=None)
    path = print_dispatch_order(admin, order.number, tmp_path / "long.pdf")
    pages = page_count(path)
    assert pages >= 3
    seen = set()
    for page in range(1, pages + 1):
        text = squeeze(pdf_text(path, page))
        assert f"第{page}页共{pages}页" in text
        assert order.number in text and "应急物资调拨单" in text
        rows = re.findall(r"测试物资(\d{3})号", text)
        if rows:  # every page of the table repeats its header
            assert "物资名称" in text and "规格型号" in text and "调出仓库" in text
        seen.update(rows)
        assert qr_codes(path, page, tmp_path) == [order.number]
    assert seen == {f"{n:03d}" for n in range(1, 121)}
    last = squeeze(pdf_text(path, pages))
    assert "签收人" in last and "合计（共120项）" in last
    assert "签收人" not in squeeze(pdf_text(path, 1))
    assert_embedded_cjk_only(path)


@pytest.fixture
def posted(admin, stocked):
    """One posted document of each printable type."""
    receipt = receive(admin, stocked.county_store, [
        ReceiptLine(stocked.bags, 5000, batch_no="BAG-1", unit_price="1.20", location="B区"),
        ReceiptLine(stocked.water, 40, batch_no="W-EXP", expiry_date="2026-05-20"),
    ], supplier="县物资公司", reference="县应急〔2026〕5号")
    order = create(admin, stocked, (stocked.rice, 50), area=None)
    dispatch.approve(admin, order.number)
    issued = dispatch.issue(admin, order.number)
    stocktake = post_stocktake(admin, stocked.county_store, [CountLine(stocked.tent, "ZP-2024", 19)], reason="年中盘点")
    scrapped = scrap(admin, stocked.county_store, [ScrapLine(stocked.water, "W-EXP", 40)], reason="过期报废")
    return {
        "入库单": (receipt.number, ["编织袋", "瓶装饮用水", "县物资公司", "6,000.00"]),
        "出库单": (issued.documents[0][1], ["大米", "城关镇第一中学安置点", order.number]),
        "盘点表": (stocktake.number, ["救灾帐篷", "账面数量", "实盘数量", "年中盘点"]),
        "报废单": (scrapped.number, ["瓶装饮用水", "W-EXP", "过期报废"]),
    }


@pytest.mark.parametrize("kind", ["入库单", "出库单", "盘点表", "报废单"])
def test_each_document_type_prints(admin, posted, tmp_path, kind):
    number, expected = posted[kind]
    path = print_document(admin, number, tmp_path / f"{number}.pdf")
    text = squeeze(pdf_text(path))
    assert f"应急物资{kind}" in text and number in text
    for word in expected:
        assert squeeze(word) in text, word
    assert "第1页共1页" in text
    assert_embedded_cjk_only(path)
    assert qr_codes(path, 1, tmp_path) == [number]


def test_reversed_document_is_marked(admin, stocked, tmp_path):
    from models.services.reversal import reverse

    number = receive(admin, stocked.county_store, [ReceiptLine(stocked.bags, 100)]).number
    reversal = reverse(admin, number, reason="录入错误")
    text = squeeze(pdf_text(print_document(admin, number, tmp_path / "r.pdf")))
    assert "已冲销" in text and reversal.number in text
    text = squeeze(pdf_text(print_document(admin, reversal.number, tmp_path / "cx.pdf")))
    assert "冲销单" in text and number in text
