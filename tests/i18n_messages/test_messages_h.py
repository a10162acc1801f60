"""Import problems speak English on an English screen, Chinese everywhere else.

A malformed workbook is checked with the compiled English catalogue installed the way the desktop
does it: each problem keeps its sheet, row and column, and its message renders in English; the same
check without a translator gives the Chinese text unchanged, and ``import --json`` (the command line
installs no translator) stays Chinese byte for byte even while the English catalogue is installed.
"""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtCore import QSettings

from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.views.import_export_view import ImportExportView
from models.cli import main
from models.commands.export_cmd import run as export_run
from models.documents.excel_import import import_workbook
from models.documents.excel_rows import ImportCancelled
from models.errors import ValidationError
from models.messages import localize
from models.services.stock_queries import stock_rows
from tests.excel import builders as B

OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"

CHINESE = {
    ("库存", 2, "物资编码"): "物资编码“GHOST”不存在：数据库和本工作簿的“物资目录”表中都没有。",
    ("库存", 2, "生产日期"): "生产日期“2026-13-45”不是有效日期，请写成 2026-05-01 的格式。",
    ("库存", 3, "数量"): "数量不能为负数（现为 -3）。",
    ("库存", 4, "储备库编码"): "储备库编码不能为空，请填写。",
    ("库存", 5, "有效期至"): "有效期至 2025-01-01 早于生产日期 2025-06-01，请检查日期。",
}
ENGLISH = {
    ("库存", 2, "物资编码"): "Item code “GHOST” does not exist: it is neither in the database nor in this "
                            "workbook's 物资目录 (catalogue) sheet.",
    ("库存", 2, "生产日期"): "Production date “2026-13-45” is not a valid date: write it as 2026-05-01.",
    ("库存", 3, "数量"): "Quantity cannot be negative (it is -3).",
    ("库存", 4, "储备库编码"): "Store code is empty; please fill it in.",
    ("库存", 5, "有效期至"): "Expiry date 2025-01-01 is before the production date 2025-06-01; please check the dates.",
}


def malformed(county, path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [
        ["C001", "GHOST", "", "2026-13-45", "", 5, "", "", "", ""],
        ["C001", county.water, "", "", "", "-3", "", "", "", ""],
        ["", county.water, "", "", "", 2, "", "", "", ""],
        ["C001", county.water, "P1", "2025-06-01", "2025-01-01", 2, "", "", "", ""],
    ])
    return B.save(workbook, path)


def found(report) -> dict[tuple[str, int, str], str]:
    return {(p.sheet, p.row, p.column): p.message for p in report.errors}


def test_malformed_workbook_problems_in_english_name_sheet_row_and_column(admin, county, tmp_path, english):
    report = import_workbook(admin, malformed(county, tmp_path / "bad.xlsx"))
    assert not report.ok and stock_rows(admin) == []
    problems = found(report)
    assert set(problems) == set(ENGLISH)
    assert {where: localize(message) for where, message in problems.items()} == ENGLISH
    assert problems == CHINESE  # the problem itself (JSON, logs) is still the Chinese text


def test_without_translator_the_same_problems_are_chinese(admin, county, tmp_path):
    report = import_workbook(admin, malformed(county, tmp_path / "bad.xlsx"))
    problems = found(report)
    assert problems == CHINESE
    assert {where: localize(message) for where, message in problems.items()} == CHINESE
    assert [str(p) for p in report.errors if p.row == 3] == ["“库存”第 3 行“数量”列：数量不能为负数（现为 -3）。"]


def test_import_json_stays_chinese_with_the_english_catalogue_installed(admin, county, tmp_path, english,
                                                                      capsys):
    path = malformed(county, tmp_path / "bad.xlsx")
    code = main(["--db", admin.db.url, "import", str(path), "--json"])
    out = capsys.readouterr().out
    assert code == 2
    data = json.loads(out)
    assert {(e["sheet"], e["row"], e["column"]): e["message"] for e in data["errors"]} == CHINESE
    assert '"message": "数量不能为负数（现为 -3）。"' in out  # byte for byte in the printed JSON


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_the_import_screen_lists_problems_in_english(qtbot, admin, county, tmp_path, english, monkeypatch):
    app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    try:
        from desktop.interaction import Interaction
        monkeypatch.setattr(Interaction, "error", staticmethod(lambda p, t, x: None))
        monkeypatch.setattr(Interaction, "information", staticmethod(lambda p, t, x: None))
        monkeypatch.setattr(Interaction, "confirm", staticmethod(lambda p, t, x: True))
        view = ImportExportView(DesktopContext(admin))
        qtbot.addWidget(view)
        view.open_file(malformed(county, tmp_path / "bad.xlsx"))
        assert not view.run_import().ok
        model = view.problem_model
        rows = {(model.item(r, 1).text(), int(model.item(r, 2).text()), model.item(r, 3).text()): model.item(r, 5).text()
                for r in range(model.rowCount()) if model.item(r, 0).text() == "Error"}
        assert rows == ENGLISH
        view.resize(1100, 760)
        view.show()
        view.grab().save(str(tmp_path.parent / "h_import_problems_en.png"))  # outside the repo, for a look
    finally:
        app_settings.install(None)


def test_export_year_refusal_in_english(admin, english):
    class Args:
        year = 99
        file = "unused.xlsx"
        store = None

    with pytest.raises(ValidationError) as caught:
        export_run(None, Args())
    assert caught.value.message == "Year “99” is not valid; write a four-digit year such as 2026."
    assert caught.value.chinese == "年份“99”无效，请写四位年份，如 2026。"


def test_an_unreadable_or_missing_workbook_is_refused_in_english(admin, tmp_path, english):
    broken = tmp_path / "old.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(ValidationError) as caught:
        import_workbook(admin, broken)
    assert caught.value.message.startswith("Cannot read “old.xlsx”: it is not a valid Excel (.xlsx) file (")
    assert caught.value.message.endswith("If it is an old .xls file, save it as .xlsx in Excel or WPS first.")
    assert caught.value.chinese.startswith("无法读取“old.xlsx”：它不是有效的 Excel（.xlsx）文件（")
    with pytest.raises(ValidationError) as caught:
        import_workbook(admin, tmp_path / "missing.xlsx")
    assert caught.value.message == f"File “{tmp_path / 'missing.xlsx'}” not found."


def test_a_cancelled_import_says_so_in_english(admin, county, tmp_path, english):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ImportCancelled) as caught:
        import_workbook(admin, B.tidy_county(tmp_path / "a.xlsx"), cancel=cancel)
    assert caught.value.message == "Import cancelled; nothing in the database was changed."
    assert caught.value.chinese == "导入已取消，数据库没有任何改动。"
    assert stock_rows(admin) == []
