"""The agreement summary PDF, the Excel list and the ``agreements`` command, on both databases."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

from openpyxl import load_workbook

from models.cli import main
from models.documents.agreement_pdf import write_agreement_pdf
from models.documents.agreements_xlsx import COLUMNS, write_agreements_xlsx
from models.services.agreements import LineInput, agreement_detail, call_up, record_check, terminate_agreement
from tests.agreements.helpers import SUPERMARKET, TEXTILE, at, make_agreement


def _two_agreements(admin, county):
    make_agreement(admin, county, end="2026-08-01")
    record_check(admin, "XY-2026-01", "2026-05-20", "张科员", {county.water: 5600, county.rice: 4500}, remarks="饮用水不足")
    call_up(admin, "XY-2026-01", county.rice, 300, dispatch_order_number="DB-2026-0003", called_at=at("2026-05-28"))
    make_agreement(admin, county, number="CN-2026-02", kind="capacity", code=TEXTILE, hours=24, fee=30000,
                   lines=[LineInput(county.tent, 300, 200)])


def test_summary_pdf_text_and_fonts(admin, county, tmp_path):
    _two_agreements(admin, county)
    path = write_agreement_pdf(agreement_detail(admin, "XY-2026-01"), tmp_path / "a.pdf", printed_on=dt.date(2026, 6, 1))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("储备协议摘要", "XY-2026-01", "示例超市连锁有限公司", SUPERMARKET, "实物代储", "6 小时",
                  "5600（短缺 2400）", "DB-2026-0003", "2026年第2季度", "40,000.00", "饮用水不足"):
        assert words in text, words
    # Q2 fee: 10,000.00 base, share (2400/8000 + 0)/2 = 15 %, deduction 1,500.00, due 8,500.00
    q2 = next(line for line in text.splitlines() if "2026年第2季度" in line)
    assert "1,500.00" in q2 and "8,500.00" in q2 and "15.0%" in q2
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    font_lines = fonts.splitlines()[2:]
    assert font_lines and all("WenQuanYi" in line and " yes yes " in line for line in font_lines)


def test_excel_list_one_row_per_line(admin, county, tmp_path):
    _two_agreements(admin, county)
    terminate_agreement(admin, "CN-2026-02", "企业转产")
    details = [agreement_detail(admin, n) for n in ("XY-2026-01", "CN-2026-02")]
    path = write_agreements_xlsx(details, tmp_path / "list.xlsx")
    sheet = load_workbook(path)["代储协议"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][:14]) == ["协议编号", "企业名称", "统一社会信用代码", "协议类型", "开始日期", "结束日期",
                                  "响应时限（小时）", "年费用（元）", "物资编码", "协议数量", "最低数量", "存放地点",
                                  "联系人", "联系电话"]
    assert len(rows[0]) == len(COLUMNS)
    assert [(r[0], r[3], r[8], r[9], r[10], r[16]) for r in rows[1:]] == [
        ("XY-2026-01", "实物代储", county.water, 10000, 8000, "有效"),
        ("XY-2026-01", "实物代储", county.rice, 5000, 4000, "有效"),
        ("CN-2026-02", "产能储备", county.tent, 300, 200, "已终止"),
    ]
    assert rows[1][2] == SUPERMARKET and rows[1][5].date() == dt.date(2026, 8, 1) and rows[1][7] == 40000
    assert sheet.cell(2, 1).fill.fgColor.rgb.endswith("FFF2CC")  # ends within 90 days


def test_agreements_command(admin, county, db, tmp_path, capsys):
    """Commands run on the real clock, so the end date is set relative to the real today."""
    real_today = dt.date.today()
    make_agreement(admin, county, end=(real_today + dt.timedelta(days=20)).isoformat())
    call_up(admin, "XY-2026-01", county.rice, 300, dispatch_order_number="DB-2026-0003", called_at=at("2026-05-28"))
    make_agreement(admin, county, number="CN-2026-02", code=TEXTILE, end=(real_today + dt.timedelta(days=400)).isoformat())
    assert main(["--db", db.url, "agreements", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["number"], a["state"], a["days_to_end"]) for a in listed] == [
        ("XY-2026-01", "active", 20), ("CN-2026-02", "active", 400)]
    assert main(["--db", db.url, "agreements", "list", "--expiring-days", "30"]) == 0
    out = capsys.readouterr().out
    assert "XY-2026-01" in out and "20 天后到期" in out and "CN-2026-02" not in out
    assert main(["--db", db.url, "agreements", "list", "--expiring-days", "10"]) == 0
    assert "没有储备协议" in capsys.readouterr().out
    assert main(["--db", db.url, "agreements", "show", "XY-2026-01", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["credit_code"] == SUPERMARKET and len(shown["lines"]) == 2
    assert shown["call_ups"][0]["dispatch_order"] == "DB-2026-0003"
    target = tmp_path / "s.pdf"
    assert main(["--db", db.url, "agreements", "pdf", "XY-2026-01", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert main(["--db", db.url, "agreements", "show", "NOPE"]) == 2
    assert "没有编号为“NOPE”的储备协议" in capsys.readouterr().err
