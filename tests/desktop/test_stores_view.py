"""Stores and areas: add and edit through the dialogs, check the database."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.dialogs.store_dialog import AreaDialog, StoreDialog
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.stores_view import StoresView
from models.schema.enums import AreaKind, StoreLevel
from models.schema.stock import Balance
from models.schema.warehouse import Area, Store


def store_in_db(db, code: str) -> Store | None:
    with db.read() as session:
        store = session.scalar(select(Store).where(Store.code == code))
        if store is not None:
            _ = store.area
        return store


def shown(view: StoresView) -> set[str]:
    return {view.model.index(row, 0).data(ROW_ROLE).code for row in range(view.model.rowCount())}


def test_models_pass_the_model_tester(qtbot, qtmodeltester, dctx):
    view = StoresView(dctx)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(view.tree_model, force_py=True)
    assert view.table.model() is view.model  # sorted and filtered by the model itself, no proxy


def test_area_tree_filters_stores_below_it(qtbot, dctx):
    view = StoresView(dctx)
    qtbot.addWidget(view)
    assert shown(view) == {"C001", "T001", "T002", "V001"}
    view.select_area("320101001")  # 城关镇 and its village 东村
    assert shown(view) == {"T001", "V001"}
    view.select_area("320101002")
    assert shown(view) == {"T002"}
    counts = {row.code: row.lines for row in view.model.all_rows()}
    assert counts == {"C001": 4, "T001": 1, "T002": 0, "V001": 1}


def test_add_store_with_keeper_contact(qtbot, dctx):
    view = StoresView(dctx)
    qtbot.addWidget(view)
    view.select_area("320101002")
    dialog = StoreDialog(dctx, None, view, area_code=view.selected_area_code())
    qtbot.addWidget(dialog)
    assert dialog.level.currentData() == "township"  # suggested from the area
    dialog.name.insert("河口镇第二储备点")
    dialog.save()
    assert "不能为空" in dialog.form.error_text("储备库编码")
    assert store_in_db(dctx.service.db, "T003") is None
    qtbot.keyClicks(dialog.code, "T003")
    dialog.keeper.insert("李四")
    qtbot.keyClicks(dialog.phone, "13900000002")
    qtbot.keyClicks(dialog.floor_area, "abc")
    dialog.save()
    assert "不是数字" in dialog.form.error_text("面积")
    dialog.floor_area.clear()
    qtbot.keyClicks(dialog.floor_area, "120.5")
    with qtbot.waitSignal(dctx.changed):
        dialog.save()
    store = store_in_db(dctx.service.db, "T003")
    assert store.name == "河口镇第二储备点" and store.level is StoreLevel.TOWNSHIP
    assert store.area.code == "320101002" and store.keeper_name == "李四"
    assert store.keeper_phone == "13900000002" and store.floor_area == Decimal("120.5")
    assert "T003" in shown(view)


def test_edit_store_changes_level_and_contact(qtbot, dctx):
    view = StoresView(dctx)
    qtbot.addWidget(view)
    for row in range(view.model.rowCount()):
        if view.model.index(row, 0).data(ROW_ROLE).code == "V001":
            view.table.setCurrentIndex(view.model.index(row, 0))
    store = view.selected_store()
    assert store.code == "V001"
    dialog = StoreDialog(dctx, store, view)
    qtbot.addWidget(dialog)
    assert dialog.code.isReadOnly()
    dialog.keeper.setText("赵村长")
    dialog.phone.setText("13700000003")
    dialog.level.setCurrentIndex(dialog.level.findData("township"))
    dialog.save()
    store = store_in_db(dctx.service.db, "V001")
    assert store.keeper_name == "赵村长" and store.keeper_phone == "13700000003"
    assert store.level is StoreLevel.TOWNSHIP
    with dctx.service.read() as session:  # the level copy on the balance rows follows
        assert {b.store_level for b in session.scalars(select(Balance).where(Balance.store_id == store.id))} == {StoreLevel.TOWNSHIP}


def test_add_village_area_under_township(qtbot, dctx):
    dialog = AreaDialog(dctx, "320101002")
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "village"
    qtbot.keyClicks(dialog.code, "320101002001")
    dialog.name.insert("西村")
    dialog.save()
    with dctx.service.read() as session:
        area = session.scalar(select(Area).where(Area.code == "320101002001"))
        assert area.name == "西村" and area.kind is AreaKind.VILLAGE and area.parent.code == "320101002"


def test_show_stock_selects_the_store(qtbot, dctx):
    view = StoresView(dctx)
    qtbot.addWidget(view)
    view.table.setCurrentIndex(view.model.index(0, 0))
    code = view.selected_store().code
    with qtbot.waitSignal(view.open_view) as blocker:
        qtbot.mouseClick(view.stock_button, Qt.LeftButton)
    assert blocker.args[0] == "stock" and dctx.current_store_code == code
