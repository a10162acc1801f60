"""The annual storage report adds up: opening + in − out ± stocktake − scrapped = closing, exactly,
with transfers, stocktakes, approved scraps and reversals, on both databases and in the workbook."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from models.cli import main
from models.documents.storage_report_xlsx import HEADINGS, write_storage_report
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.reversal import reverse
from models.services.scrap_approval import ScrapLine, approve_scrap, request_scrap
from models.services.scrapping import scrap
from models.services.stock_queries import stock_rows
from models.services.stocktake import CountLine, post_stocktake
from models.services.storage_report import COLUMNS, storage_report
from models.services.transfers import receive_transfer, ship_transfer
from tests.conftest import make_ctx

D = dt.date


def on(admin, day):
    return make_ctx(admin.db, admin.actor, day)


@pytest.fixture
def history(admin, county):
    w, c, t = county.water, county.county_store, county.township_store
    receive(admin, c, [ReceiptLine(w, 100, batch_no="A", expiry_date="2027-01-01", unit_price=Decimal("1.5"))],
            doc_date=D(2024, 3, 1))
    issue(admin, c, [IssueLine(w, 10)], receiver="城关镇", doc_date=D(2024, 6, 1))
    receive(admin, c, [ReceiptLine(w, 50, batch_no="B", expiry_date="2028-01-01", unit_price=Decimal("2"))],
            doc_date=D(2025, 2, 1))
    issued = issue(on(admin, D(2025, 3, 1)), c, [IssueLine(w, 20)], receiver="城关镇", doc_date=D(2025, 3, 1))
    shipped = ship_transfer(admin, c, t, [IssueLine(w, 15, batch_no="A")], doc_date=D(2025, 4, 1))
    receive_transfer(admin, shipped.transfer_number, doc_date=D(2025, 4, 3))
    post_stocktake(admin, c, [CountLine(w, "B", 48)], reason="破损", doc_date=D(2025, 5, 1))
    request = request_scrap(admin, c, [ScrapLine(w, "A", 5)], reason_kind="damaged", doc_date=D(2025, 6, 1))
    approve_scrap(on(admin, D(2025, 6, 10)), request.number)
    reverse(on(admin, D(2025, 7, 1)), issued.number, reason="领用取消")
    wrong = receive(admin, c, [ReceiptLine(w, 30, batch_no="C", expiry_date="2028-01-01")], doc_date=D(2025, 8, 1))
    reverse(on(admin, D(2025, 8, 2)), wrong.number, reason="录错")
    scrap(admin, t, [ScrapLine(w, "A", 1)], reason="损坏", doc_date=D(2025, 12, 31))
    receive(admin, c, [ReceiptLine(county.bags, 7, batch_no="BAG")], doc_date=D(2025, 12, 31))
    issue(admin, c, [IssueLine(w, 1)], receiver="城关镇", doc_date=D(2026, 1, 5))  # next year: not counted
    return county


def test_figures_add_up(admin, history):
    report = storage_report(admin, 2025)
    rows = {(r.store_code, r.item_code): r for r in report.rows}
    water = rows[("C001", "W500")]
    assert (water.opening, water.received, water.transfer_in, water.issued, water.transfer_out,
            water.stocktake, water.scrapped, water.closing) == (90, 50, 0, 0, 15, -2, 5, 118)
    assert water.opening_value == Decimal("135.00") and water.closing_value == Decimal("201.00")
    township = rows[("T001", "W500")]
    assert (township.opening, township.transfer_in, township.scrapped, township.closing) == (0, 15, 1, 14)
    assert rows[("C001", "BAG")].unpriced is False and rows[("C001", "BAG")].closing == 7
    assert all(r.balances() for r in report.rows)
    # the closing balance of 2025 is the opening of 2026, and today's stock is 2026's closing
    next_year = {(r.store_code, r.item_code): r for r in storage_report(admin, 2026).rows}
    assert all(next_year[key].opening == row.closing for key, row in rows.items())
    today = {}
    for r in stock_rows(admin):
        today[(r.store_code, r.item_code)] = today.get((r.store_code, r.item_code), 0) + r.quantity
    assert {k: r.closing for k, r in next_year.items() if r.closing} == today
    assert next_year[("C001", "W500")].issued == 1


def test_store_filter_and_year_without_activity(admin, history):
    assert {r.store_code for r in storage_report(admin, 2025, store_code="T001").rows} == {"T001"}
    assert storage_report(admin, 2023).rows == []


def test_workbook_adds_up(admin, history, tmp_path):
    path = write_storage_report(storage_report(admin, 2025), tmp_path / "report.xlsx", unit_name="示例县应急管理局")
    sheet = load_workbook(path)["明细"]
    assert "2025 年度" in sheet["A1"].value
    header = [cell.value for cell in sheet[3]]
    assert header == HEADINGS
    col = {name: header.index(name) for name in header}
    data = [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0] != "合计"]
    assert len(data) == 3 and all(row[0] for row in data)  # no blank rows
    for row in data:
        moved = sum(Decimal(str(row[col[label]])) * sign for label, sign in COLUMNS.values())
        assert Decimal(str(row[col["期初结存"]])) + moved == Decimal(str(row[col["期末结存"]]))
    total = [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0] == "合计"][0]
    assert Decimal(str(total[col["期末金额（元）"]])) == Decimal("230.40")  # 201 + 14 × 1.5 + 7 × 1.2


def test_storage_report_command(admin, history, db, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RESERVE_KEEPER_USER", raising=False)
    out = tmp_path / "年报.xlsx"
    assert main(["--db", db.url, "--json", "storage-report", "--year", "2025", "-o", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["rows"] == 3 and out.exists()
    assert main(["--db", db.url, "storage-report", "--year", "2025", "-o", str(tmp_path / "x.csv")]) == 2
