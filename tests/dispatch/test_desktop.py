"""The dispatch screen, its dialogs and the print preview (offscreen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from desktop import settings as app_settings
from desktop import style
from desktop.context import DesktopContext
from desktop.interaction import Interaction
from desktop.views.dispatch_view import OVERDUE_BG, DispatchView
from models.schema.dispatch import DispatchStatus
from models.services import dispatch
from models.services.stock_queries import stock_rows
from tests.conftest import FIXED_NOW
from tests.dispatch.conftest import create, ctx_at
from tests.dispatch.pdf_tools import page_count, pdf_text

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
SHOTS = Path("/tmp/rk_dispatch_shots")


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings = app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    yield settings
    app_settings.install(None)


@pytest.fixture(autouse=True)
def styled(qapp):
    style.apply(qapp)  # loads the bundled Chinese font as the application font
    return qapp


@pytest.fixture
def answers(monkeypatch):
    recorded = {"messages": [], "texts": [], "confirm": True}
    monkeypatch.setattr(Interaction, "error", staticmethod(lambda p, t, text: recorded["messages"].append(text)))
    monkeypatch.setattr(Interaction, "information", staticmethod(lambda p, t, text: recorded["messages"].append(text)))
    monkeypatch.setattr(Interaction, "confirm", staticmethod(lambda p, t, text: recorded["confirm"]))
    monkeypatch.setattr(Interaction, "ask_text", staticmethod(
        lambda p, t, label, default="": recorded["texts"].pop(0) if recorded["texts"] else None))
    return recorded


@pytest.fixture
def orders(admin, stocked):
    """A draft, an approved order, an emergency issue 3 days ago (approval overdue) and tents overdue."""
    draft = create(admin, stocked, (stocked.tent, 2), area=None, receiving_unit="河口镇安置点")
    approved = create(admin, stocked, (stocked.rice, 100), area=None)
    dispatch.approve(admin, approved.number)
    earlier = ctx_at(admin, FIXED_NOW - dt.timedelta(days=3))
    urgent = create(earlier, stocked, (stocked.water, 10), area=None, emergency=True, reason="江堤管涌抢险")
    dispatch.emergency_issue(earlier, urgent.number, instruction="县长电话指令")
    lent = ctx_at(admin, FIXED_NOW - dt.timedelta(days=40))
    tents = create(lent, stocked, (stocked.tent, 5), area=None, due_back="2026-05-20", receiving_unit="县实验小学")
    dispatch.approve(lent, tents.number)
    dispatch.issue(lent, tents.number)
    return {"draft": draft.number, "approved": approved.number, "urgent": urgent.number, "tents": tents.number}


@pytest.fixture
def view(qtbot, admin, orders):
    widget = DispatchView(DesktopContext(admin))
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    return widget


def row_of(view, number):
    for row in range(view.proxy.rowCount()):
        if view.proxy.index(row, 0).data() == number:
            return row
    return None


def test_list_filters_and_highlights_overdue(view, orders, qtmodeltester):
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    assert {view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())} == {
        orders["draft"], orders["approved"], orders["urgent"], orders["tents"]}
    urgent = view.proxy.index(row_of(view, orders["urgent"]), 2)
    assert "审批逾期" in urgent.data() and urgent.data(Qt.BackgroundRole) == OVERDUE_BG
    assert view.proxy.index(row_of(view, orders["draft"]), 2).data(Qt.BackgroundRole) is None
    assert "归还逾期" in view.proxy.index(row_of(view, orders["tents"]), 2).data()
    view.set_filter("overdue_approval")
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == [orders["urgent"]]
    view.set_filter("overdue_return")
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == [orders["tents"]]
    view.set_filter("draft")
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == [orders["draft"]]
    view.set_filter("all")
    view.search.setText("河口镇")
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == [orders["draft"]]


def test_workflow_buttons(view, orders, admin, answers, stocked):
    view.set_filter("all")
    assert view.select(orders["draft"])
    assert view.buttons["approve"].isEnabled() and not view.buttons["issue"].isEnabled()
    answers["texts"].append("同意")
    assert view.approve().status is DispatchStatus.APPROVED
    assert view.buttons["issue"].isEnabled() and not view.buttons["approve"].isEnabled()
    answers["confirm"] = False
    assert view.issue() is None
    answers["confirm"] = True
    assert view.issue().status is DispatchStatus.ISSUED
    assert view.order.status is DispatchStatus.ISSUED and view.buttons["receive"].isEnabled()
    tents = {r.batch: r.quantity for r in stock_rows(admin, store_code="C001", item_code=stocked.tent)}
    assert tents == {"ZP-2024": 13}  # 20 − 5 lent − 2 now

    from desktop.dialogs.dispatch_dialog import ReceiptDialog, ReturnDialog

    receipt = ReceiptDialog(view.dctx, view.order, view)
    receipt.signed_by.setText("张三")
    receipt.set_received(1, "1", "0", "少 1 顶")
    receipt.accept()
    assert receipt.result_order.status is DispatchStatus.RECEIVED
    assert receipt.result_order.lines[0].shortfall == 1
    view.select(orders["draft"])
    back = ReturnDialog(view.dctx, view.order, view)
    back.good.setText("1")
    back.lost.setText("1")
    back.accept()
    assert back.result_order.lines[0].outstanding_return == 0

    # a refused action shows the service's message and changes nothing
    view.select(orders["urgent"])
    answers["texts"].append("重复")
    view.cancel()
    assert any("已出库" in message for message in answers["messages"])
    assert dispatch.order_view(admin, orders["urgent"]).status is DispatchStatus.ISSUED


def test_request_dialog_shows_errors_then_creates(qtbot, view, admin, stocked):
    from desktop.dialogs.dispatch_dialog import DispatchRequestDialog

    dialog = DispatchRequestDialog(view.dctx, view)
    qtbot.addWidget(dialog)
    dialog.requesting_unit.setText("城关镇人民政府")
    dialog.receiving_unit.setText("城关镇第一中学安置点")
    dialog.lines.cellWidget(0, 0).setText(stocked.tent)
    dialog.lines.item(0, 1).setText("4")
    dialog.accept()
    assert dialog.created is None and "调拨事由" in dialog.form.error_text("调拨事由")
    dialog.reason.setText("暴雨洪涝")
    dialog.add_line("RICE", "abc")
    dialog.accept()
    assert dialog.created is None and "第 2 行" in dialog.lines_error.text()
    dialog.lines.item(1, 1).setText("50")
    dialog.area.setCurrentIndex(dialog.area.findData("320101001"))
    dialog.accept()
    assert dialog.created is not None and dialog.result() == QDialog.Accepted
    assert [(l.item_code, l.quantity) for l in dialog.created.lines] == [(stocked.tent, 4), ("RICE", 50)]
    assert [s.store_code for s in dialog.created.lines[0].sources] == ["T001", "C001"]


def test_print_preview_renders_prints_and_remembers(view, orders, tmp_path, temp_settings):
    view.set_filter("all")
    view.select(orders["urgent"])
    dialog = view.print_preview(show=False)
    assert dialog.pages.page_count() == 3 and len(dialog.page_labels) == 3
    assert not dialog.page_labels[0].pixmap().isNull() and dialog.page_labels[0].pixmap().width() > 700
    dialog.copies.setValue(2)
    printer = dialog.make_printer()
    assert printer.copyCount() == 2
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_document(printer)
    assert out.exists() and page_count(out) >= 3
    assert temp_settings.get(app_settings.PRINT_COPIES) == 2
    saved = dialog.save_as(tmp_path / "copy")
    assert saved.suffix == ".pdf" and orders["urgent"] in pdf_text(saved)
    assert temp_settings.get(app_settings.LAST_EXPORT_DIR) == str(tmp_path)
    # a new preview starts from the remembered copy count
    again = view.print_preview(show=False)
    assert again.copies.value() == 2
    dialog.close()
    again.close()


def test_screenshots(view, orders, qtbot):
    """Renders for a person to look at (not compared): the list with the order detail."""
    SHOTS.mkdir(exist_ok=True)
    view.set_filter("all")
    view.select(orders["urgent"])
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save(str(SHOTS / "dispatch_view.png"))
    dialog = view.print_preview(show=False)
    dialog.resize(700, 900)
    dialog.show()
    assert dialog.grab().save(str(SHOTS / "print_preview.png"))
    dialog.close()


def test_main_window_finds_the_view():
    from desktop.views.registry import discover_views

    spec = next(spec for spec in discover_views() if spec.key == "dispatch")
    assert spec.title == "调拨单" and spec.factory is DispatchView and spec.order == 60


def test_sources_dialog_shows_free_stock_and_changes_sources(view, orders, admin, stocked, qtbot):
    from desktop.dialogs.dispatch_dialog import SourcesDialog

    view.set_filter("all")
    view.select(orders["draft"])  # 2 tents, proposed from the county store
    assert view.buttons["sources"].isEnabled()
    dialog = SourcesDialog(view.dctx, view.order, view)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).data(Qt.UserRole): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert rows == {"C001": "15 顶", "T001": "3 顶"}  # 20 − 5 lent; the draft reserves nothing yet
    dialog.set_quantity("C001", "0")
    dialog.set_quantity("T001", "5")
    dialog.accept()
    assert "超过申请数量" in dialog.error.text()
    dialog.set_quantity("T001", "2")
    dialog.accept()
    assert [(s.store_code, s.quantity) for s in dialog.result_order.lines[0].sources] == [("T001", 2)]
    dialog.propose_again()
    assert [(s.store_code, s.quantity) for s in dialog.result_order.lines[0].sources] == [("C001", 2)]


def test_dialog_screenshots(view, orders, qtbot):
    """Renders of the dialogs for a person to look at (not compared)."""
    from desktop.dialogs.dispatch_dialog import DispatchRequestDialog, ReceiptDialog, SourcesDialog

    SHOTS.mkdir(exist_ok=True)
    request = DispatchRequestDialog(view.dctx, view)
    qtbot.addWidget(request)
    request.requesting_unit.setText("城关镇人民政府")
    request.lines.cellWidget(0, 0).setText("ZP12")
    request.lines.item(0, 1).setText("10")
    request.show()
    assert request.grab().save(str(SHOTS / "request_dialog.png"))
    view.set_filter("all")
    view.select(orders["tents"])
    receipt = ReceiptDialog(view.dctx, view.order, view)
    qtbot.addWidget(receipt)
    receipt.show()
    assert receipt.grab().save(str(SHOTS / "receipt_dialog.png"))
    view.select(orders["draft"])
    sources = SourcesDialog(view.dctx, view.order, view)
    qtbot.addWidget(sources)
    sources.show()
    assert sources.grab().save(str(SHOTS / "sources_dialog.png"))


def test_signing_from_the_open_list_keeps_the_order_in_sight(view, orders, monkeypatch):
    """Signing an order from the default 未完成 list used to crash: the list refreshed while the dialog
    was open, the order left it and ``self.order`` was None when the view re-selected it."""
    from desktop.dialogs.dispatch_dialog import ReceiptDialog

    def sign_everything(dialog):
        dialog.signed_by.setText("张三")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReceiptDialog, "exec", sign_everything)
    assert view.state.currentData() == "open"
    assert view.select(orders["urgent"])
    signed = view.receive()
    assert signed is not None and signed.status is DispatchStatus.RECEIVED
    assert view.order is not None and view.order.number == orders["urgent"]
    assert view.state.currentData() == "all"  # signed orders are not 未完成 any more
