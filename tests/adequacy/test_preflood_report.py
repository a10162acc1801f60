"""汛前检查: the gathered data, and the PDF and Excel files made from it."""

from __future__ import annotations

import datetime as dt
import subprocess

import openpyxl

from models.documents.adequacy_pdf import write_preflood_pdf
from models.documents.adequacy_xlsx import write_preflood_xlsx
from models.services.adequacy import Scenario
from models.services.agreements import AgreementInput, EnterpriseInput, LineInput, activate_agreement, create_agreement
from models.services.inspections import ScheduleInput, create_schedule
from models.services.preflood import default_season, gather_preflood
from models.services.receiving import ReceiptLine, receive
from models.services.standards import NeedInput, add_need, create_standard, link_item


def small_county(admin, county):
    create_standard(admin, "县标准")
    add_need(admin, "县标准", NeedInput("饮用水", "L", "per_person_day", "3"))
    add_need(admin, "县标准", NeedInput("帐篷", "顶", "per_persons", "3"))
    link_item(admin, "县标准", "饮用水", county.water, "0.55")
    link_item(admin, "县标准", "帐篷", county.tent, 1)
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 1000, batch_no="EXPIRED", expiry_date="2026-05-20"),
        ReceiptLine(county.water, 500, batch_no="IN-SEASON", expiry_date="2026-08-31"),
        ReceiptLine(county.water, 700, batch_no="ON-END", expiry_date="2026-09-30"),
        ReceiptLine(county.tent, 40),
    ])
    receive(admin, county.village_store, [ReceiptLine(county.rice, 10, batch_no="R", expiry_date="2026-07-01")])
    for number, end, code in (("XY-ENDS", "2026-08-15", "91320101MA1XYW001D"), ("XY-LATER", "2027-03-31", "91320101MA2ABC00XJ")):
        create_agreement(admin, AgreementInput(number, EnterpriseInput("某企业", code), "physical", "2026-01-01", end,
                                               [LineInput(county.tent, 5, 0)], response_hours=6))
        activate_agreement(admin, number)
    create_schedule(admin, ScheduleInput("FIRE", "消防检查", "fire_check", 1, store_code=county.county_store,
                                         start_date="2026-05-01"))


def test_default_season():
    assert default_season(dt.date(2026, 6, 1)) == (dt.date(2026, 5, 1), dt.date(2026, 9, 30))
    assert default_season(dt.date(2026, 9, 30)) == (dt.date(2026, 5, 1), dt.date(2026, 9, 30))
    assert default_season(dt.date(2026, 10, 1)) == (dt.date(2027, 5, 1), dt.date(2027, 9, 30))


def test_gathered_lists(admin, county):
    small_county(admin, county)
    data = gather_preflood(admin, Scenario(people=100, days=15, standard="县标准"))
    assert data.county == "示例县" and data.season_end == dt.date(2026, 9, 30)
    assert [b.batch_no for b in data.expiring_batches] == ["EXPIRED", "R", "IN-SEASON"]  # ON-END lasts the season
    assert [b.expired for b in data.expiring_batches] == [True, False, False]
    assert [a.number for a in data.ending_agreements] == ["XY-ENDS"]
    assert [(i.schedule_name, i.due_date) for i in data.overdue_inspections] == [("消防检查", dt.date(2026, 5, 1))]
    assert [line.need for line in data.own_share_below_half] == ["饮用水"]
    township = gather_preflood(admin, Scenario(people=100, days=15, standard="县标准", level="county"))
    assert "R" not in [b.batch_no for b in township.expiring_batches]


def test_pdf_reads_well(admin, county, tmp_path):
    small_county(admin, county)
    data = gather_preflood(admin, Scenario(people=100, days=15, standard="县标准"))
    pdf = write_preflood_pdf(data, tmp_path / "check.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("示例县汛前应急物资储备检查报告", "储备能力评估", "各需求项保障率", "政府实物储备占比不足 50%",
                  "EXPIRED", "已过期", "XY-ENDS", "消防检查", "饮用水"):
        assert words in text, words
    assert text.index("满足需求的项数") < text.index("一、储备能力评估")  # summary figures first
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts and "CID" not in fonts


def test_xlsx_has_every_table(admin, county, tmp_path):
    small_county(admin, county)
    data = gather_preflood(admin, Scenario(people=100, days=15, standard="县标准"))
    workbook = openpyxl.load_workbook(write_preflood_xlsx(data, tmp_path / "check.xlsx"))
    assert workbook.sheetnames == ["概况", "储备能力评估", "政府占比不足50%", "汛期内到期批次", "汛期内到期协议", "逾期养护"]
    rows = list(workbook["储备能力评估"].iter_rows(values_only=True))
    assert rows[1][:2] == ("饮用水", "L") and rows[1][4] == 4500 and rows[1][5] == 660  # (500 + 700) bottles × 0.55
    assert rows[2][0] == "帐篷" and rows[2][10] == 1.4705  # (40 own + 2 × 5 agreement) ÷ 34, rounded down
    batches = [row[5] for row in workbook["汛期内到期批次"].iter_rows(min_row=2, values_only=True)]
    assert batches == ["EXPIRED", "R", "IN-SEASON"]
    assert [row[0] for row in workbook["汛期内到期协议"].iter_rows(min_row=2, values_only=True)] == ["XY-ENDS"]
