"""The catalogue: category tree, items, add and edit with messages next to the fields."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.dialogs.item_dialog import ItemDialog
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.catalog_view import CatalogView, CategoryDialog
from models.schema.catalog import Category, Item


def item_in_db(db, code: str) -> Item | None:
    with db.read() as session:
        item = session.scalar(select(Item).where(Item.code == code))
        if item is not None:
            _ = item.category
        return item


def shown_codes(view: CatalogView) -> set[str]:
    return {view.proxy.index(row, 0).data(ROW_ROLE)[0].code for row in range(view.proxy.rowCount())}


def click_save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_models_pass_the_model_tester(qtbot, qtmodeltester, dctx):
    view = CatalogView(dctx)
    qtbot.addWidget(view)
    qtmodeltester.check(view.items_model, force_py=True)
    qtmodeltester.check(view.proxy, force_py=True)
    qtmodeltester.check(view.tree_model, force_py=True)


def test_tree_selection_and_search_filter_items(qtbot, dctx):
    view = CatalogView(dctx)
    qtbot.addWidget(view)
    assert shown_codes(view) == {"W500", "ZP12", "RICE", "BAG"}
    view.select_category("3")
    assert shown_codes(view) == {"BAG"}
    view.select_category("10501")
    assert shown_codes(view) == {"W500"}
    view.tree.setCurrentIndex(view.tree_model.index(0, 0))  # 全部物资
    qtbot.keyClicks(view.search, "zp")
    assert shown_codes(view) == {"ZP12"}


def test_add_item_shows_errors_next_to_fields_then_saves(qtbot, dctx):
    view = CatalogView(dctx)
    qtbot.addWidget(view)
    view.select_category("10201")
    dialog = ItemDialog(dctx, None, view, category_code=view.selected_category_code())
    qtbot.addWidget(dialog)
    assert dialog.category.currentData() == "10201"
    qtbot.keyClicks(dialog.code, "MB 01")  # a space is not allowed in a code
    assert "只能由字母、数字" in dialog.form.error_text("物资编码")
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "MB01")
    assert dialog.form.error_text("物资编码") == ""
    dialog.name.insert("棉被")
    dialog.unit.setCurrentText("床")
    qtbot.keyClicks(dialog.shelf_life, "abc")
    assert "整数" in dialog.form.error_text("保质期（月）")
    click_save(qtbot, dialog)
    assert dialog.result() == 0 and item_in_db(dctx.service.db, "MB01") is None
    assert "整数" in dialog.form.error_text("保质期（月）")
    dialog.shelf_life.clear()
    qtbot.keyClicks(dialog.price, "-5")
    click_save(qtbot, dialog)
    assert "不能为负数" in dialog.form.error_text("单价")  # refused by the service, shown at the field
    assert item_in_db(dctx.service.db, "MB01") is None
    dialog.price.clear()
    qtbot.keyClicks(dialog.price, "85.5")
    qtbot.keyClicks(dialog.lead_days, "30")
    with qtbot.waitSignal(dctx.changed):
        click_save(qtbot, dialog)
    assert dialog.result() == ItemDialog.Accepted
    item = item_in_db(dctx.service.db, "MB01")
    assert item.name == "棉被" and item.unit == "床" and item.category.code == "10201"
    assert item.unit_price == Decimal("85.5") and item.rotation_lead_days == 30 and item.shelf_life_months is None
    assert "MB01" in shown_codes(view)  # the view refreshed on the CATALOG flag


def test_duplicate_code_is_refused_at_the_code_field(qtbot, dctx):
    dialog = ItemDialog(dctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "W500")
    dialog.name.insert("重复")
    dialog.unit.setCurrentText("瓶")
    click_save(qtbot, dialog)
    assert "已存在" in dialog.form.error_text("物资编码")
    assert item_in_db(dctx.service.db, "W500").name == "瓶装饮用水"


def test_edit_item_keeps_code_and_saves_changes(qtbot, dctx):
    view = CatalogView(dctx)
    qtbot.addWidget(view)
    view.select_item("ZP12")
    dialog = ItemDialog(dctx, view.selected_item(), view)
    qtbot.addWidget(dialog)
    assert dialog.code.isReadOnly() and dialog.category.currentData() == "10101"
    assert dialog.returnable.isChecked()
    dialog.spec.setText("12㎡ 棉帐篷")
    dialog.name.clear()
    click_save(qtbot, dialog)
    assert "不能为空" in dialog.form.error_text("物资名称")
    dialog.name.insert("救灾棉帐篷")
    click_save(qtbot, dialog)
    item = item_in_db(dctx.service.db, "ZP12")
    assert item.name == "救灾棉帐篷" and item.spec == "12㎡ 棉帐篷" and item.pinyin.startswith("jzmzp")


def test_add_category_under_the_selected_one(qtbot, dctx):
    dialog = CategoryDialog(dctx, "101")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "9")  # 1019: not a valid code length
    dialog.name.insert("棉帐篷")
    dialog.save()
    assert "格式不对" in dialog.form.error_text("分类编码")
    qtbot.keyClicks(dialog.code, "9")
    dialog.save()
    assert dialog.result() == CategoryDialog.Accepted
    with dctx.service.read() as session:
        category = session.scalar(select(Category).where(Category.code == "10199"))
        assert category.name == "棉帐篷" and category.level == 3


def test_sorting_by_a_column_and_filtering_together(qtbot, dctx):
    view = CatalogView(dctx)
    qtbot.addWidget(view)

    def codes() -> list[str]:
        return [view.proxy.index(row, 0).data(ROW_ROLE)[0].code for row in range(view.proxy.rowCount())]

    assert codes() == sorted(codes())  # by 物资编码 on opening
    view.table.sortByColumn(0, Qt.DescendingOrder)
    assert codes() == sorted(codes(), reverse=True) and len(codes()) == 4
    view.select_category("1")
    assert set(codes()) == {"W500", "ZP12", "RICE"} and codes() == sorted(codes(), reverse=True)
    view.refresh()  # the order stays with new rows
    assert codes() == sorted(codes(), reverse=True)
