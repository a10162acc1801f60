"""The import/export view and "export what I see", offscreen."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QTableView

from desktop import settings as app_settings
from desktop import style
from desktop.context import DesktopContext
from desktop.export_table import export_model, export_view
from desktop.interaction import Interaction
from desktop.views.import_export_view import IMPORT_COLUMN_MAPS, VIEW_SPEC, ImportExportView
from desktop.views.registry import discover_views
from models.services.stock_queries import stock_rows
from tests.excel import builders as B

OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings = app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    yield settings
    app_settings.install(None)


@pytest.fixture(scope="module", autouse=True)
def styled(qapp):
    style.apply(qapp)
    return qapp


@pytest.fixture
def said(monkeypatch):
    messages = []
    monkeypatch.setattr(Interaction, "information", staticmethod(lambda p, t, x: messages.append(("info", t, x))))
    monkeypatch.setattr(Interaction, "error", staticmethod(lambda p, t, x: messages.append(("error", t, x))))
    monkeypatch.setattr(Interaction, "confirm", staticmethod(lambda p, t, x: True))
    return messages


@pytest.fixture
def view(qtbot, admin, county):
    dctx = DesktopContext(admin)
    widget = ImportExportView(dctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    return widget


def test_registered():
    assert VIEW_SPEC.key == "import" and VIEW_SPEC.title == "导入导出" and VIEW_SPEC.order == 90
    assert any(spec.key == "import" for spec in discover_views())


def test_preview_problems_and_import(view, said, admin, tmp_path, qtbot):
    path = B.tidy_county(tmp_path / "a.xlsx")
    view.open_file(path)
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["储备库", "物资目录", "库存"]
    stock_page = view.tabs.widget(2)
    preview = stock_page.findChild(QTableView, "preview").model()
    assert preview.rowCount() == 3 and preview.item(0, 1).text() == "K01"
    notified = []
    view.dctx.changed.connect(lambda flags: notified.append(flags))
    report = view.run_import()
    assert report.ok and report.created["batches"] == 3
    assert "stock" in notified[-1] and "stores" in notified[-1]
    assert len(stock_rows(admin)) == 3
    view.show()
    view.grab().save("/tmp/h7_import_view.png")


def test_errors_listed_with_cell_hints_and_nothing_imported(view, said, admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [["C001", "GHOST", "", "", "", "x", "", "", "", ""]],
            title_rows=["标题"])
    view.open_file(B.save(workbook, tmp_path / "bad.xlsx"))
    report = view.run_import()
    assert not report.ok
    rows = [[view.problem_model.item(r, c).text() for c in range(6)] for r in range(view.problem_model.rowCount())]
    assert {tuple(r[:5]) for r in rows} == {("错误", "库存", "3", "物资编码", "库存!B3"), ("错误", "库存", "3", "数量", "库存!F3")}
    assert stock_rows(admin) == []
    view.problem_table.doubleClicked.emit(view.problem_model.index(0, 0))
    assert view.tabs.tabText(view.tabs.currentIndex()) == "库存"


def test_jump_to_a_row_beyond_the_preview(view, said, admin, county, tmp_path):
    rows = [["C001", county.water, f"B{n}", "", "", n + 1, "", "", "", ""] for n in range(30)]
    rows[19][5] = "二十"  # Excel row 21
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, rows)
    view.open_file(B.save(workbook, tmp_path / "j.xlsx"))
    assert not view.check().ok
    view.problem_table.doubleClicked.emit(view.problem_model.index(0, 0))
    model = view.tabs.widget(0).findChild(QTableView, "preview").model()
    assert [model.item(r, 0).text() for r in range(model.rowCount())] == ["19", "20", "21", "22", "23"]
    assert model.item(2, 6).text() == "二十"
    assert model.item(2, 0).background().color() != model.item(1, 0).background().color()
    view.show()
    view.grab().save("/tmp/h7_import_errors.png")


def test_column_mapping_is_remembered(view, said, admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", ["库编码", "物资编码", "现有量"], [["C001", county.water, 7]])
    path = B.save(workbook, tmp_path / "m.xlsx")
    view.open_file(path)
    assert view.tabs.widget(0).findChild(QTableView, "preview").model().rowCount() == 1  # shown before mapping
    assert not view.check().ok
    combo = view.tabs.widget(0).findChild(QComboBox, "map:现有量")
    combo.setCurrentIndex(combo.findData("quantity"))
    combo.activated.emit(combo.currentIndex())
    assert app_settings.current().get(IMPORT_COLUMN_MAPS) == {"库存": {"现有量": "quantity"}}
    other = ImportExportView(view.dctx)
    other.open_file(path)
    assert other.run_import().ok
    assert [r.quantity for r in stock_rows(admin)] == [7]
    other.deleteLater()


@pytest.mark.parametrize("how", ["button", "dialog"])
def test_cancel_during_import_leaves_database_unchanged(view, said, admin, county, tmp_path, qtbot, how):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS,
            [["C001", county.bags, f"L{n}", "", "", 1, "", "", "", ""] for n in range(700)])
    view.open_file(B.save(workbook, tmp_path / "c.xlsx"))
    original = view._progress

    def progress(done, total):
        original(done, total)
        if done >= 1000:
            assert view._dialog is not None and view._dialog.windowModality() == Qt.WindowModal
            view.cancel_button.click() if how == "button" else view._dialog.cancel()

    view._progress = progress
    assert view.run_import() is None
    assert any(kind == "info" and title == "已取消" for kind, title, _ in said)
    assert stock_rows(admin) == []


def test_export_and_template_from_the_view(view, said, admin, county, tmp_path):
    view.store_combo.setCurrentIndex(view.store_combo.findData("C001"))
    path = view.export_to(tmp_path / "e.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook["储备库"]["A3"].value == "C001"
    template = view.save_template(tmp_path / "t.xlsx")
    assert openpyxl.load_workbook(template).sheetnames[0] == "储备库"


def test_export_what_i_see(qtbot, tmp_path):
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["物资", "数量", "备注"])
    for name, qty in (("帐篷", "1,200"), ("棉被", "35"), ("水", "12.5")):
        model.appendRow([QStandardItem(name), QStandardItem(qty), QStandardItem("")])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("棉")
    proxy.setFilterKeyColumn(0)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(proxy)
    table.setColumnHidden(2, True)
    assert export_view(table, tmp_path / "seen.xlsx", "库存（筛选后）") == 1
    sheet = openpyxl.load_workbook(tmp_path / "seen.xlsx").active
    assert [c.value for c in sheet[2]] == ["物资", "数量"]
    assert [c.value for c in sheet[3]] == ["棉被", 35]
    assert export_model(model, tmp_path / "all.xlsx", "全部") == 3
    all_rows = list(openpyxl.load_workbook(tmp_path / "all.xlsx").active.iter_rows(min_row=3, values_only=True))
    assert all_rows[0] == ("帐篷", 1200, None)


def test_unrecognised_sheet_can_be_mapped(view, said, admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "Sheet1", B.STOCK_HEADERS, [["C001", county.water, "S1", "", "", 9, "", "", "", ""]])
    path = B.save(workbook, tmp_path / "s.xlsx")
    view.open_file(path)
    assert view.tabs.tabText(0) == "Sheet1"
    combo = view.tabs.widget(0).findChild(QComboBox, "sheet:Sheet1")
    combo.setCurrentIndex(combo.findData("库存"))
    combo.activated.emit(combo.currentIndex())
    assert view.tabs.widget(0).findChild(QTableView, "preview").model().rowCount() == 1
    assert view.run_import().ok
    assert [r.quantity for r in stock_rows(admin)] == [9]


def test_export_action_for_any_table(qtbot, tmp_path, monkeypatch, said):
    import desktop.export_table as module

    model = QStandardItemModel(0, 1)
    model.setHorizontalHeaderLabels(["物资"])
    model.appendRow([QStandardItem("帐篷")])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    monkeypatch.setattr(module, "ask_export_path", lambda parent, name: str(tmp_path / name))
    action = module.add_export_action(table, "物资", "物资.xlsx")
    assert action in table.actions()
    action.trigger()
    assert openpyxl.load_workbook(tmp_path / "物资.xlsx").active["A3"].value == "帐篷"
    assert said and said[-1][1] == "导出完成"
