"""``reserve-keeper adequacy`` and ``standards`` through the CLI entry point (models.cli.main)."""

from __future__ import annotations

import json

import pytest

from models.cli import main
from models.services.receiving import ReceiptLine, receive
from models.services.standards import NeedInput, add_need, create_standard, link_item

SCENARIO_KEYS = {"people", "days", "as_of", "last_day", "standard", "level", "area"}
LINE_KEYS = {"need", "unit", "basis", "quota", "required", "own", "agreement", "capacity", "available",
             "shortfall", "coverage", "own_share", "days_of_supply"}
SUMMARY_KEYS = {"needs", "covered", "min_coverage", "weakest", "own_share_below_half"}


def run_cli(capsys, db, *args):
    code = main(["--db", db.url, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_shape_and_values(admin, county, db, capsys):
    create_standard(admin, "县标准")
    add_need(admin, "县标准", NeedInput("饮用水", "L", "per_person_day", "3"))
    add_need(admin, "县标准", NeedInput("帐篷", "顶", "per_persons", "3"))
    link_item(admin, "县标准", "饮用水", county.water, "0.55")
    link_item(admin, "县标准", "帐篷", county.tent, 1)
    receive(admin, county.county_store, [ReceiptLine(county.water, 1000), ReceiptLine(county.tent, 7)])
    code, out, err = run_cli(capsys, db, "adequacy", "--people", "10", "--days", "15", "--standard", "县标准",
                             "--as-of", "2026-06-01", "--level", "county", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"scenario", "lines", "summary"}
    assert set(data["scenario"]) == SCENARIO_KEYS
    assert data["scenario"] == {"people": 10, "days": 15, "as_of": "2026-06-01", "last_day": "2026-06-15",
                                "standard": "县标准", "level": "county", "area": None}
    assert [set(line) for line in data["lines"]] == [LINE_KEYS, LINE_KEYS]
    water, tents = data["lines"]
    assert water == {"need": "饮用水", "unit": "L", "basis": "per_person_day", "quota": 3, "required": 450,
                     "own": 550, "agreement": 0, "capacity": 0, "available": 550, "shortfall": 0,
                     "coverage": 1.2222, "own_share": 1, "days_of_supply": 18}
    assert tents["required"] == 4 and tents["days_of_supply"] is None and tents["coverage"] == 1.75
    assert data["summary"] == {"needs": 2, "covered": 2, "min_coverage": 1.2222, "weakest": "饮用水",
                               "own_share_below_half": []}
    for value in (water["coverage"], water["quota"], water["own"]):
        assert isinstance(value, (int, float))


def test_default_standard_is_the_summer_default(admin, county, db, capsys):
    code, out, err = run_cli(capsys, db, "--json", "adequacy", "--people", "5000", "--days", "15",
                             "--area", "320101")
    assert code == 0, err
    data = json.loads(out)
    assert data["scenario"]["standard"] == "国家/Sphere 夏季" and data["scenario"]["area"] == "320101"
    needs = {line["need"]: line for line in data["lines"]}
    assert needs["饮用水"]["required"] == 225000 and needs["帐篷（12㎡当量）"]["required"] == 1667
    assert needs["肥皂"]["required"] == 625 and needs["厕所（帐篷或移动）"]["required"] == 100
    assert "棉大衣" not in needs
    assert data["summary"]["covered"] == 0 and len(data["summary"]["own_share_below_half"]) == 8
    code, out, err = run_cli(capsys, db, "adequacy", "--people", "5000", "--days", "15")
    assert code == 0 and "饮用水" in out and "保障率" in out


@pytest.mark.parametrize("args, words", [
    (["--people", "-5", "--days", "15"], "人数"),
    (["--people", "5000", "--days", "15", "--standard", "不存在的标准"], "不存在的标准"),
    (["--people", "5000", "--days", "15", "--as-of", "2026-02-30"], "评估日期"),
    (["--people", "5000", "--days", "15", "--area", "999"], "行政区"),
    (["--people", "5000", "--days", "abc"], "天数"),
])
def test_bad_input_exits_2_with_a_message(admin, county, db, capsys, args, words):
    code, out, err = run_cli(capsys, db, "adequacy", *args)
    assert code == 2
    assert words in err


def test_level_and_area_are_mutually_exclusive(admin, county, db, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--db", db.url, "adequacy", "--people", "1", "--days", "1", "--level", "county", "--area", "320101"])
    assert caught.value.code == 2
    assert "--area" in capsys.readouterr().err


def test_help_names_the_default_standard(capsys):
    with pytest.raises(SystemExit):
        main(["adequacy", "--help"])
    assert "国家/Sphere 夏季" in capsys.readouterr().out


def test_pdf_and_xlsx_are_written(admin, county, db, capsys, tmp_path):
    receive(admin, county.county_store, [ReceiptLine(county.water, 100, expiry_date="2026-07-01")])
    pdf, xlsx = tmp_path / "check.pdf", tmp_path / "check.xlsx"
    code, out, err = run_cli(capsys, db, "adequacy", "--people", "100", "--days", "3", "--pdf", str(pdf),
                             "--xlsx", str(xlsx))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    assert str(pdf) in out


def test_standards_list_and_show(admin, county, db, capsys):
    code, out, err = run_cli(capsys, db, "--json", "standards", "list")
    assert code == 0, err
    listed = {row["name"]: row for row in json.loads(out)}
    assert listed["国家/Sphere 夏季"]["needs"] == 8 and listed["国家/Sphere 冬季"]["needs"] == 9
    assert listed["国家/Sphere 冬季"]["is_builtin"] is True
    code, out, err = run_cli(capsys, db, "--json", "standards", "show", "国家/Sphere 冬季")
    shown = json.loads(out)
    coat = next(need for need in shown["needs"] if need["name"] == "棉大衣")
    assert coat == {"name": "棉大衣", "unit": "件", "basis": "per_persons", "quota": 1, "sort_order": 60, "items": []}
    code, out, err = run_cli(capsys, db, "standards", "show", "国家/Sphere 夏季")
    assert code == 0 and "每人每天 3L" in out and "每 50 人 1个" in out
    code, out, err = run_cli(capsys, db, "standards", "show", "没有")
    assert code == 2 and "没有" in err
