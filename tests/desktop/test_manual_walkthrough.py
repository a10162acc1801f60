"""docs/manual.md followed as written, chapter by chapter, through the real windows.

Each test is one chapter (2 第一次启动 … 11 备份与恢复). It finds the menu action, toolbar button or
push button by the exact text the manual names, clicks it, fills the dialog the way the manual says
and confirms, then checks the database and the files written. Modal dialogs are answered while their
``exec()`` runs (``on_modal``); file choosers are answered by ``choose_files`` (the user picks a
path); confirmations go through the ``answers`` seam of tests/desktop/conftest.py. If a step the
manual describes is missing (no such button) or fails, the test fails.

SQLite only: these tests drive screens, the services under them are tested on both backends.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QFileDialog, QLineEdit, QToolButton,
                               QWidget)
from sqlalchemy import func, select

from desktop import app as desktop_app
from desktop.dialogs import data_folder_dialog
from desktop.dialogs.data_folder_dialog import DataFolderDialog
from desktop.dialogs.first_run_wizard import START_DEMO, FirstRunWizard, SetupAnswers, apply_setup
from desktop.dialogs.login_dialog import LoginDialog
from desktop.main_window import MainWindow
from models.migrate import open_database
from models.services.users import ensure_admin

# The offscreen platform cannot raise windows or grab the keyboard for the item picker's completion
# list; on each test (the closest qt_log_ignore mark wins over the one tests/desktop/conftest.py adds).
OFFSCREEN = pytest.mark.qt_log_ignore(r"^This plugin does not support")

MANUAL = Path(__file__).resolve().parents[2] / "docs" / "manual.md"

ADMIN_PASSWORD = "Linjiang-2026"


# --- the manual ------------------------------------------------------------------------------
def chapter(number: int) -> str:
    """The text of chapter ``number`` of docs/manual.md (from its heading to the next one)."""
    text = MANUAL.read_text(encoding="utf-8")
    match = re.search(rf"^## {number}\. .*?(?=^## \d+\. |\Z)", text, re.S | re.M)
    assert match, f"docs/manual.md has no chapter {number}"
    return match.group(0)


def bold(text: str) -> list[str]:
    """The names the manual sets in bold (**…**): buttons, menus, fields."""
    return re.findall(r"\*\*(.+?)\*\*", text)


# --- driving the windows ---------------------------------------------------------------------
_pending: list[list] = []  # the on_modal requests of the running test


@pytest.fixture(autouse=True)
def forget_unanswered_dialogs():
    yield
    _pending.clear()


@pytest.fixture(scope="module", autouse=True)
def delete_windows_before_exit(qapp):
    """The main windows these tests open are closed with deleteLater; delete them while the application
    still exists (left for interpreter exit, PySide6 deleted them after QApplication and crashed)."""
    yield
    import gc

    from PySide6.QtCore import QEvent, QThreadPool

    QThreadPool.globalInstance().waitForDone()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    for _round in range(3):
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QApplication.processEvents()
        gc.collect()


def on_modal(kind: type, act: Callable[[QWidget], None], *, tries: int = 250) -> list:
    """Answer the next modal dialog of type ``kind`` with ``act(dialog)`` while its exec() runs.
    A dialog still open after ``act`` is rejected, so a failing step ends the test instead of hanging it."""
    seen: list = []
    _pending.append(seen)

    def poll(left: int = tries) -> None:
        if not any(entry is seen for entry in _pending):
            return  # the test that asked has ended: never answer another test's dialog
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            seen.append(widget)
            try:
                act(widget)
            finally:
                if widget.isVisible():
                    widget.reject()
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The one visible button (push or tool button) whose text is ``text`` (ignoring the & mnemonic)."""
    found = [b for b in parent.findChildren(QAbstractButton)
             if b.text().replace("&", "") == text and b.isVisibleTo(parent.window())]
    assert len(found) == 1, f"expected one button “{text}” in {type(parent).__name__}, found {len(found)}"
    return found[0]


def click(parent: QWidget, text: str) -> None:
    target = button(parent, text)
    assert target.isEnabled(), f"button “{text}” is disabled"
    target.click()


def menu_action(window: MainWindow, menu: str, text: str):
    """The action ``menu → text`` of the menu bar (menu titles without their &-mnemonic)."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "").split("(")[0] == menu:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
            raise AssertionError(f"menu {menu} has no “{text}”: {[a.text() for a in top.menu().actions()]}")
    raise AssertionError(f"no menu {menu}")


def toolbar_action(window: MainWindow, text: str):
    found = [a for a in window.toolbar.actions() if a.text() == text]
    assert found, f"the toolbar has no “{text}”"
    return found[0]


def show_view(window: MainWindow, title: str) -> QWidget:
    """Click the page ``title`` in the function list on the left and return the page."""
    navigation = window.navigation.views
    titles = navigation.titles() if hasattr(navigation, "titles") else None
    action = menu_action(window, "视图", title)
    action.trigger()
    assert titles is None or title in titles
    return window.stack.currentWidget()


def line_edit_labelled(parent: QWidget, label: str) -> QLineEdit:
    from PySide6.QtWidgets import QFormLayout, QLabel

    for layout in parent.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            caption = layout.itemAt(row, QFormLayout.LabelRole)
            field = layout.itemAt(row, QFormLayout.FieldRole)
            if caption and field and isinstance(caption.widget(), QLabel) and caption.widget().text() == label:
                return field.widget()
    raise AssertionError(f"no field labelled “{label}”")


def choose_files(monkeypatch, *paths: Path) -> list:
    """The next file choosers return ``paths`` in order (the user picks or types these names)."""
    queue = [str(path) for path in paths]
    asked: list = []

    def pick(parent=None, caption="", directory="", filter="", *args, **kwargs):
        asked.append(caption)
        return (queue.pop(0) if queue else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(pick))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: asked.append("folder") or (queue.pop(0) if queue else "")))
    return asked


def settle(qtbot, ms: int = 50) -> None:
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(ms)


# --- a demo county, set up once through the wizard's own code ---------------------------------
@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    """临江县 as 第一次启动 → 装入示例县 leaves it (the wizard's Finish runs apply_setup)."""
    path = tmp_path_factory.mktemp("demo") / "reserve.db"
    database = open_database(str(path))
    ensure_admin(database, None)
    apply_setup(database, SetupAnswers("临江县", "360999", ADMIN_PASSWORD, START_DEMO))
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    path = tmp_path / "data" / "reserve.db"
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()


def log_in(qtbot, database, username: str, password: str) -> MainWindow:
    """Later starts: the login window (manual ch. 2), then the main window as the program opens it."""
    def fill(dialog: LoginDialog) -> None:
        dialog.username.setText(username)
        dialog.password.setText(password)
        click(dialog, "登录")

    on_modal(LoginDialog, fill)
    shell = desktop_app.start(database)
    assert shell is not None, "the login did not open the main window"
    qtbot.addWidget(shell.window)
    settle(qtbot)
    return shell.window


@pytest.fixture
def admin_window(qtbot, demo_db, answers):
    window = log_in(qtbot, demo_db, "admin", ADMIN_PASSWORD)
    yield window
    window.close()


@pytest.fixture
def keeper_window(qtbot, demo_db, answers):
    """The demo county's keeper of the county store (the daily receipt and issue are his work)."""
    window = log_in(qtbot, demo_db, "keeper", "demo1234")
    yield window
    window.close()


def count(database, model, *where) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


# --- 2. 第一次启动 -------------------------------------------------------------------------------
@OFFSCREEN
def test_ch2_first_start(qtbot, tmp_path, monkeypatch, answers):
    text = chapter(2)
    home = tmp_path / "home"
    monkeypatch.setattr(data_folder_dialog, "default_data_dir", lambda: home / "ReserveKeeper")
    monkeypatch.delenv("RESERVE_KEEPER_DB", raising=False)

    # “数据保存在哪里”: the default location is offered; take it
    def take_default(dialog: DataFolderDialog) -> None:
        assert dialog.default_choice.isChecked() and "ReserveKeeper" in dialog.default_choice.text()
        assert "其他文件夹" in dialog.other_choice.text()
        click(dialog, "开始使用")

    asked = on_modal(DataFolderDialog, take_default)
    chosen = data_folder_dialog.database_to_open(None)
    assert asked, "no data-folder question on the first start"
    assert chosen is None  # None = the default file in the data folder
    database = open_database(str(home / "ReserveKeeper" / "reserve.db"))

    # 欢迎向导, three steps: 本县信息, 管理员密码, 开始方式 → 装入示例县 → 完成
    assert "本县信息" in text and "管理员密码" in text and "开始方式" in text and "装入示例县" in text
    steps: list[str] = []

    def wizard(dialog: FirstRunWizard) -> None:
        steps.append(dialog.currentPage().title())
        dialog.county_page.name.setText("临江县")
        dialog.county_page.code.setText("320101")
        click(dialog, "下一步")
        steps.append(dialog.currentPage().title())
        dialog.admin_page.password.setText("short")
        dialog.admin_page.confirm.setText("short")
        assert not button(dialog, "下一步").isEnabled(), "a password under 8 characters was accepted"
        dialog.admin_page.password.setText(ADMIN_PASSWORD)
        dialog.admin_page.confirm.setText(ADMIN_PASSWORD + "x")
        assert not button(dialog, "下一步").isEnabled(), "two different passwords were accepted"
        dialog.admin_page.confirm.setText(ADMIN_PASSWORD)
        click(dialog, "下一步")
        steps.append(dialog.currentPage().title())
        options = {b.text().split("：")[0]: b for b in dialog.start_page.buttons.values()}
        assert {"空库开始", "装入示例县", "导入 Excel 台账"} <= set(options)
        assert button(dialog, "浏览…") is dialog.start_page.browse
        options["装入示例县"].click()
        click(dialog, "完成")

    on_modal(FirstRunWizard, wizard)
    shell = desktop_app.start(database)
    assert shell is not None
    window = shell.window
    qtbot.addWidget(window)
    settle(qtbot)
    assert steps == ["本县信息", "管理员密码", "开始方式"]
    assert any("临江县" in message for _kind, _title, message in answers.messages)

    # the main window as described: the function list, the toolbar, the status bar
    listed = re.sub(r"\s", "", re.search(r"左上是功能列表（([^）]+)）", text).group(1)).split("、")
    views = [menu_action(window, "视图", title) for title in listed]
    assert len(views) == len(listed)
    assert [a.text() for a in window.toolbar.actions() if a.text()][:2] == ["首页", "库存"]
    for name, shortcut in (("入库", "Ctrl+R"), ("出库", "Ctrl+I"), ("调拨", "Ctrl+T"), ("盘点", "Ctrl+K"),
                           ("刷新", "F5")):
        assert f"**{name}**（{shortcut}）" in text or f"{name}（{shortcut}" in text
        assert toolbar_action(window, name).shortcut().toString() == shortcut
    status = " ".join(label.text() for label in window.statusBar().findChildren(__import__(
        "PySide6.QtWidgets", fromlist=["QLabel"]).QLabel))
    assert "admin" in status and "储备库" in status and "reserve.db" in status
    window.close()
    database.dispose()

    # later starts: the 登录 window; the demo users have the password the manual gives
    database = open_database(str(home / "ReserveKeeper" / "reserve.db"))
    asked_again = on_modal(DataFolderDialog, lambda dialog: None, tries=5)
    assert data_folder_dialog.database_to_open(None) == str(home / "ReserveKeeper" / "reserve.db")
    assert not asked_again, "the data-folder question came again"
    assert "`keeper`" in text and "demo1234" in text
    window = log_in(qtbot, database, "keeper", "demo1234")
    assert "keeper" in window.user_label.text()
    window.close()
    database.dispose()


def type_and_enter(qtbot, widget: QWidget, text: str) -> None:
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key_Return)
    qtbot.wait(5)


def run_from_toolbar(window: MainWindow, name: str, kind: type, act: Callable[[QWidget], None]) -> QWidget:
    """Click the toolbar button ``name`` and fill the dialog it opens; returns that dialog."""
    seen = on_modal(kind, act)
    toolbar_action(window, name).trigger()
    assert seen, f"the toolbar button “{name}” opened no {kind.__name__}"
    return seen[0]


def stock_of(database, store: str, item: str) -> dict[str, object]:
    from models.services.stock_queries import stock_rows
    from models.context import ServiceContext
    from models.services.users import actor_for
    from models.schema.users import User

    with database.read() as session:
        actor = actor_for(session.scalar(select(User).where(User.username == "admin")))
    return {row.batch: row.quantity for row in stock_rows(ServiceContext(database, actor), store_code=store,
                                                          item_code=item)}


# --- 3. 日常入库 -------------------------------------------------------------------------------
@OFFSCREEN
def test_ch3_daily_receipt(qtbot, keeper_window, demo_db, answers, tmp_path, monkeypatch):
    from desktop.dialogs.receipt_dialog import ReceiptDialog
    from models.schema.documents import Document

    window, text = keeper_window, chapter(3)
    assert "点工具栏 **入库**（或 业务 → 入库）" in text
    assert menu_action(window, "业务", "入库") is toolbar_action(window, "入库")
    before = stock_of(demo_db, "360999", "FBM1")
    messages: dict[str, str] = {}

    def receipt(dialog: ReceiptDialog) -> None:
        dialog.store.setCurrentIndex(dialog.store.findData("360999"))  # 入库储备库
        assert dialog.doc_date.text()  # 入库日期 (today)
        dialog.supplier.insert("县粮油公司")
        dialog.reference.insert("临应急储〔2026〕12号")
        dialog.item.setFocus()
        type_and_enter(qtbot, dialog.item, "fbm")  # 方便面 by its pinyin initials, then Enter
        assert dialog.item_caption.text().startswith("方便面"), dialog.item_caption.text()
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.batch)
        type_and_enter(qtbot, dialog.batch, "")  # left empty: numbered by date
        type_and_enter(qtbot, dialog.production, "2026-05-01")
        type_and_enter(qtbot, dialog.expiry, "2026-04-01")  # a wrong date turns red with the reason
        messages["expiry"] = dialog.boxes["expiry"].error_text()
        dialog.expiry.clear()
        type_and_enter(qtbot, dialog.expiry, "")  # left empty: from the shelf life
        type_and_enter(qtbot, dialog.quantity, "200")
        type_and_enter(qtbot, dialog.price, "45")
        type_and_enter(qtbot, dialog.location, "A-03")  # last field: the line joins the list
        assert len(dialog.lines) == 1 and dialog.table.rowCount() == 1
        assert button(dialog, "删除所选行")
        click(dialog, "确认入库")

    dialog = run_from_toolbar(window, "入库", ReceiptDialog, receipt)
    assert "有效期至" in messages["expiry"] and "早于生产日期" in messages["expiry"]
    assert dialog.posted is not None, "确认入库 posted nothing"
    number = dialog.posted.number
    assert count(demo_db, Document, Document.number == number) == 1
    after = stock_of(demo_db, "360999", "FBM1")
    assert sum(after.values()) - sum(before.values()) == 200

    # 首页的“最近操作”中会出现这张入库单
    home = show_view(window, "首页")
    settle(qtbot, 100)
    activity = [home.activity.item(row).text() for row in range(home.activity.count())]
    assert any(number in line for line in activity), activity
    # 在 单据 页找到这张入库单，导出 PDF
    documents = show_view(window, "单据")
    assert documents.select(number)
    pdf = tmp_path / f"{number}.pdf"
    choose_files(monkeypatch, pdf)
    click(documents, "导出 PDF…")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


# --- 4. 日常出库 -------------------------------------------------------------------------------
@OFFSCREEN
def test_ch4_daily_issue(qtbot, keeper_window, demo_db, answers):
    from desktop.dialogs.issue_dialog import IssueDialog
    from models.schema.documents import Document

    window, text = keeper_window, chapter(4)
    assert "点工具栏 **出库**" in text and "**添加到清单**" in text and "**确认出库**" in text
    before = stock_of(demo_db, "360999", "FBM1")
    available = sum(before.values())
    seen: dict[str, object] = {}

    def issue(dialog: IssueDialog) -> None:
        dialog.store.setCurrentIndex(dialog.store.findData("360999"))  # 出库储备库
        dialog.receiver.insert("城关镇人民政府")  # 领用单位
        dialog.purpose.insert("城关镇集中安置点群众生活")
        dialog.reference.insert("临应急〔2026〕30号")
        editor = dialog.editor
        editor.item.setFocus()
        type_and_enter(qtbot, editor.item, "fbm")
        qtbot.waitUntil(lambda: editor.focusWidget() is editor.quantity or dialog.focusWidget() is editor.quantity)
        qtbot.keyClicks(editor.quantity, str(available + 1))  # more than there is: the message says how much
        seen["too_much"] = editor.boxes["quantity"].error_text()
        editor.quantity.clear()
        qtbot.keyClicks(editor.quantity, "10")
        seen["preview"] = [editor.preview.item(r, 0).text() for r in range(editor.preview.rowCount())]
        seen["title"] = editor.preview_title.text()
        click(dialog, "添加到清单")
        assert editor.table.rowCount() == 1
        click(dialog, "确认出库")

    dialog = run_from_toolbar(window, "出库", IssueDialog, issue)
    assert "将出库的批次" in seen["title"] and seen["preview"], "no batches were listed before issuing"
    assert seen["too_much"], "an issue above the stock showed no message"
    assert dialog.posted is not None, "确认出库 posted nothing"
    assert count(demo_db, Document, Document.number == dialog.posted.number) == 1
    after = stock_of(demo_db, "360999", "FBM1")
    assert sum(before.values()) - sum(after.values()) == 10
    # earliest expiry first: the batches that lost stock are the first ones the preview listed (one, or
    # more when the first holds fewer than 10 — the demo's stock depends on the day it is built)
    changed = {batch for batch in before if before[batch] != after.get(batch)}
    assert changed and changed == set(seen["preview"][:len(changed)]), (changed, seen["preview"])


# --- 5. 查库存、查台账、冲销错账 -----------------------------------------------------------------
@OFFSCREEN
def test_ch5_stock_ledger_reversal_stocktake(qtbot, admin_window, demo_db, answers, tmp_path, monkeypatch):
    from desktop.dialogs.stocktake_dialog import StocktakeDialog
    from models.schema.documents import Document

    window, text = admin_window, chapter(5)
    for page in ("库存", "台账", "单据", "审计日志"):
        assert f"**{page}** 页" in text
        assert show_view(window, page) is not None
    # 库存: filter by text, pinyin initials included (fbm → 方便面)
    stock = show_view(window, "库存")
    assert stock.category.count() > 1 and stock.level.count() > 1  # 分类, 级别
    stock.search.setText("fbm")
    settle(qtbot, 400)
    model = stock.table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    names = {str(model.index(row, column).data()) for row in range(min(model.rowCount(), 50))
             for column in range(model.columnCount())}
    assert any("方便面" in name for name in names) and not any("帐篷" in name for name in names)

    # 单据: open one, 冲销 with a reason; a reversal document is made and the original kept
    documents = show_view(window, "单据")
    settle(qtbot)
    receipt = next(documents.proxy.index(row, 0).data() for row in range(documents.proxy.rowCount())
                   if documents.proxy.index(row, 0).data().startswith("RK-"))
    assert documents.select(receipt)
    reversals_before = count(demo_db, Document)
    answers.text_answers.append("数量录错，重新入库")
    name = re.search(r"记错的单据选中后点\s*\*\*(.+?)\*\*", text).group(1)
    click(documents, name)
    assert count(demo_db, Document) == reversals_before + 1, "冲销 made no reversal document"
    assert count(demo_db, Document, Document.number == receipt) == 1

    # 盘点: toolbar → the count sheet as PDF → counted quantities → reason → post the differences
    steps = re.search(r"\*\*盘点\*\*：(.+?)(?=\n\* )", text, re.S).group(1)
    sheet = tmp_path / "盘点表.pdf"
    choose_files(monkeypatch, sheet)
    posted: dict[str, object] = {}

    def stocktake(dialog: StocktakeDialog) -> None:
        dialog.store.setCurrentIndex(dialog.store.findData("360999101"))  # 选择盘点储备库
        assert line_edit_labelled(dialog, "盘盈盘亏原因") is not None
        click(dialog, "导出盘点表（PDF）…")
        posted["batch"] = (dialog.sheet[0].item_code, dialog.sheet[0].batch_no)
        dialog.set_counted(0, "0")  # the “实盘数量” column
        dialog.reason.setText("鼠害损耗")
        for name in bold(steps)[1:]:  # after the toolbar's 盘点: the buttons and the field the manual names
            if name != "盘盈盘亏原因":
                button(dialog, name)
        click(dialog, bold(steps)[-1])
        posted["doc"] = dialog.posted

    run_from_toolbar(window, "盘点", StocktakeDialog, stocktake)
    assert sheet.is_file() and sheet.read_bytes().startswith(b"%PDF")
    assert posted["doc"] is not None, "the stocktake posted nothing"
    item, batch = posted["batch"]
    assert stock_of(demo_db, "360999101", item).get(batch, 0) == 0


# --- 6. 调拨单 ---------------------------------------------------------------------------------
@OFFSCREEN
def test_ch6_dispatch_orders(qtbot, demo_db, answers, tmp_path, monkeypatch):
    from desktop.dialogs.dispatch_dialog import DispatchRequestDialog, ReceiptDialog, ReturnDialog
    from desktop.print_preview import PrintPreviewDialog
    from models.schema.dispatch import DispatchOrder, DispatchStatus
    from models.services.dispatch import order_view

    text = chapter(6)
    assert "由“业务科室”或“管理员”角色的用户审批" in text
    window = log_in(qtbot, demo_db, "officer", "demo1234")  # 业务科室: requests, approves and issues
    view = show_view(window, "调拨单")
    for name in bold(text):  # every button the chapter names is on the page
        if name not in ("保存申请", "确认签收", "登记归还", "状态", "打印…", "另存为 PDF…"):  # dialogs; 状态 filters
            assert button(view, name), name
    tents_before = sum(stock_of(demo_db, "360999", "ZP36").values())

    def new_request(reason: str, quantity: str, *, due_back: str = "") -> str:
        def fill(dialog: DispatchRequestDialog) -> None:
            dialog.requesting_unit.setText("城关镇人民政府")
            dialog.receiving_unit.setText("城关镇第一中学安置点")
            dialog.receiver_contact.setText("王主任")
            dialog.receiver_phone.setText("13900000001")
            dialog.reason.setText(reason)
            dialog.reference.setText("临防指〔2026〕5号")
            dialog.due_back.setText(due_back)
            picker = dialog.lines.cellWidget(0, 0)
            picker.setFocus()
            qtbot.keyClicks(picker, "ZP36")  # 36㎡ 棉帐篷 by its code
            dialog.lines.item(0, 1).setText(quantity)
            click(dialog, "保存申请")

        seen = on_modal(DispatchRequestDialog, fill)
        click(view, "新建申请…")
        assert seen and seen[0].created is not None, "保存申请 saved nothing"
        return seen[0].created.number

    ctx = window.dctx.service
    # 1. a request; 2. 审批 reserves the goods
    number = new_request("7月暴雨城关镇内涝转移安置", "4")
    assert order_view(ctx, number).status is DispatchStatus.DRAFT
    assert view.select(number)
    answers.text_answers.append("同意")
    click(view, "审批")
    assert order_view(ctx, number).status is DispatchStatus.APPROVED, answers.messages
    # 3. 出库 (earliest expiry first), 打印预览… → 另存为 PDF…
    click(view, "出库")
    assert order_view(ctx, number).status is DispatchStatus.ISSUED
    assert sum(stock_of(demo_db, "360999", "ZP36").values()) == tents_before - 4
    pdf = tmp_path / f"{number}.pdf"
    choose_files(monkeypatch, pdf)
    on_modal(PrintPreviewDialog, lambda dialog: (click(dialog, "另存为 PDF…"), click(dialog, "关闭")))
    click(view, "打印预览…")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), "the dispatch order PDF was not written"
    # 5. 签收…: what arrived and what was damaged
    def sign(dialog: ReceiptDialog) -> None:
        dialog.signed_by.setText("王主任")
        dialog.set_received(1, "4", "1", "一顶撕裂")
        click(dialog, "确认签收")

    on_modal(ReceiptDialog, sign)
    click(view, "签收…")
    signed = order_view(ctx, number)
    assert signed.status is DispatchStatus.RECEIVED and signed.lines[0].damaged_quantity == 1
    assert signed.lines[0].outstanding_return == 4, signed.lines[0]
    # 6. 归还…: tents are returnable and come back into stock
    def give_back(dialog: ReturnDialog) -> None:
        dialog.good.setText("3")
        dialog.lost.setText("1")
        click(dialog, "登记归还")

    view.state.setCurrentIndex(view.state.findText("已签收"))  # signed orders leave the “未完成” list
    assert view.select(number)
    on_modal(ReturnDialog, give_back)
    click(view, "归还…")
    assert order_view(ctx, number).lines[0].outstanding_return == 0
    assert sum(stock_of(demo_db, "360999", "ZP36").values()) == tents_before - 1

    # 4. 紧急出库…: issue first, approve later; the order shows as owing its approval
    urgent = new_request("江堤管涌抢险", "1")
    assert view.select(urgent)
    answers.text_answers.append("县长电话指令 7月3日 22:10")
    click(view, "紧急出库…")
    issued = order_view(ctx, urgent)
    assert issued.status is DispatchStatus.ISSUED and issued.approval_owed
    answers.text_answers.append("补办审批")
    click(view, "审批")
    assert not order_view(ctx, urgent).approval_owed
    # 7. 冲销… an issued order, 作废… one not issued
    answers.text_answers.append("抢险结束，物资未动用")
    click(view, "冲销…")
    assert order_view(ctx, urgent).status is DispatchStatus.REVERSED
    spare = new_request("备用", "1")
    assert view.select(spare)
    answers.text_answers.append("申请重复")
    click(view, "作废…")
    assert order_view(ctx, spare).status is DispatchStatus.CANCELLED
    # the state filter and the search box
    states = [view.state.itemText(i) for i in range(view.state.count())]
    assert "未完成" in states and "全部" in states and "“未完成”“全部”" in text
    view.set_filter("all")
    view.search.setText(number)
    assert view.proxy.rowCount() == 1
    assert count(demo_db, DispatchOrder, DispatchOrder.number.in_([number, urgent, spare])) == 3


def select_row(table, where: Callable[[object], bool]):
    """Click the first row of ``table`` whose row object (ROW_ROLE) satisfies ``where``; returns it."""
    from desktop.table_models.row_model import ROW_ROLE

    model = table.model()
    for row in range(model.rowCount()):
        value = model.index(row, 0).data(ROW_ROLE)
        if where(value):
            table.selectRow(row)
            return value
    raise AssertionError("no such row in the table")


# --- 7. 轮换计划 -------------------------------------------------------------------------------
@OFFSCREEN
def test_ch7_rotation_and_inspections(qtbot, admin_window, demo_db, answers):
    from desktop.dialogs.rotation_dialogs import InspectionDialog, ReplacementDialog, RotateOutDialog, ScrapRequestDialog
    from models.schema.maintenance import InspectionRecord, ReplacementPlan, ScrapRequest

    window, text = admin_window, chapter(7)
    view = show_view(window, "轮换计划")
    view.within.setValue(365)
    settle(qtbot)
    statuses = {view.status.itemText(i) for i in range(view.status.count())}
    for caption in ("已过期", "逾期未轮换", "待轮换"):
        assert f"**{caption}**" in text and caption in statuses
    rows = [view.proxy.index(r, 0).data(__import__("desktop.table_models.row_model", fromlist=["ROW_ROLE"]).ROW_ROLE)
            for r in range(view.proxy.rowCount())]
    assert {"expired", "due"} <= {row.status for row in rows}, "the demo county shows no expired or due batches"

    # 轮换出库…: e.g. to a school; the batch leaves the store
    due = select_row(view.table, lambda r: r.status in ("due", "overdue") and r.quantity >= 2)

    def rotate(dialog: RotateOutDialog) -> None:
        dialog.receiver.setText("城关镇中心小学")
        dialog.quantity.setText("2")
        click(dialog, "确定")

    on_modal(RotateOutDialog, rotate)
    click(view, "轮换出库…")
    assert stock_of(demo_db, due.store_code, due.item_code)[due.batch] == due.quantity - 2, answers.messages

    # 计划补充…
    plans = count(demo_db, ReplacementPlan)
    select_row(view.table, lambda r: r.status in ("due", "overdue"))
    on_modal(ReplacementDialog, lambda dialog: (dialog.supplier.setText("县粮油公司"), click(dialog, "确定")))
    click(view, "计划补充…")
    assert count(demo_db, ReplacementPlan) == plans + 1, answers.messages

    # 申请报废… an expired batch, then 批准报废 below; only then the stock is written off
    from desktop.table_models.row_model import ROW_ROLE

    pending = {(info.store_code, line.item_code, line.batch)
               for info in (view.requests.index(r, 0).data(ROW_ROLE) for r in range(view.requests.rowCount()))
               if info.decision.value == "pending" for line in info.lines}
    expired = select_row(view.table, lambda r: r.status == "expired"
                         and (r.store_code, r.item_code, r.batch) not in pending)
    requests = count(demo_db, ScrapRequest)
    on_modal(ScrapRequestDialog, lambda dialog: (dialog.reason.setText("过期变质"), click(dialog, "确定")))
    click(view, "申请报废…")
    assert count(demo_db, ScrapRequest) == requests + 1, answers.messages
    assert stock_of(demo_db, expired.store_code, expired.item_code).get(expired.batch) == expired.quantity
    number = re.search(r"申请 (\S+)，", answers.messages[-1][2]).group(1)
    assert "待审批的报废申请" in text
    select_row(view.request_table, lambda info: info.number == number)
    click(view, "批准报废")
    assert not stock_of(demo_db, expired.store_code, expired.item_code).get(expired.batch), answers.messages
    assert button(view, "驳回…")

    # 养护检查: the due inspections; record one
    assert "**养护检查** 页" in text
    inspections = show_view(window, "养护检查")
    settle(qtbot)
    select_row(inspections.table, lambda r: True)
    recorded = count(demo_db, InspectionRecord)
    on_modal(InspectionDialog, lambda dialog: click(dialog, "确定"))
    click(inspections, re.search(r"\*\*(登记检查[^*]*)\*\*", text).group(1))
    assert count(demo_db, InspectionRecord) == recorded + 1, answers.messages


# --- 8. 协议储备 -------------------------------------------------------------------------------
@OFFSCREEN
def test_ch8_agreements(qtbot, admin_window, demo_db, answers, tmp_path, monkeypatch):
    from desktop.dialogs.agreement_dialogs import AgreementDialog, CallUpDialog, CheckDialog
    from models.schema.agreements import Agreement, AgreementState
    from models.services import agreements as svc
    from models.services.credit_code import check_character

    window, text = admin_window, chapter(8)
    view = show_view(window, "协议储备")
    settle(qtbot)
    for name in bold(text):
        if name != "协议储备":
            assert button(view, name.replace("**", "")), name
    assert "90 天内到期" in {view.state_filter.itemText(i) for i in range(view.state_filter.count())}
    ctx = window.dctx.service
    number = "LJYJ-XY-2026-21"
    credit = "91360999MA35LJ0Q1" + check_character("91360999MA35LJ0Q1")

    # 新增协议: number, enterprise and credit code, type, dates, response hours, annual fee, the items
    def fill(dialog: AgreementDialog) -> None:
        dialog.number.setText(number)
        dialog.enterprise.setText("临江县粮油购销有限公司")
        dialog.credit_code.setText(credit)
        dialog.contact.setText("刘经理")
        dialog.phone.setText("0797-5550101")
        dialog.kind.setCurrentIndex(dialog.kind.findText("实物代储"))
        dialog.hours.setText("12")
        dialog.fee.setText("24000")
        dialog.lines.item(0, 0).setText("FBM1")
        dialog.lines.item(0, 2).setText("500")
        dialog.lines.item(0, 3).setText("400")
        click(dialog, "保存")

    on_modal(AgreementDialog, fill)
    click(view, "新增协议")
    assert count(demo_db, Agreement, Agreement.number == number) == 1, "新增协议 saved nothing"
    view.select(number)
    assert view.selected_number() == number
    # 生效
    click(view, "生效")
    assert svc.agreement_detail(ctx, number).row.state is AgreementState.ACTIVE, answers.messages
    # 记录核查: found less than the minimum → a shortfall
    def check(dialog: CheckDialog) -> None:
        dialog.checked_by.setText("县应急局 张科长")
        dialog.set_found("FBM1", "350")
        click(dialog, "保存核查")

    on_modal(CheckDialog, check)
    click(view, "记录核查")
    line = svc.agreement_detail(ctx, number).lines[0]
    assert line.last_found == 350 and line.shortfall > 0, line
    # 动用, then 补库 when the enterprise has refilled
    def call(dialog: CallUpDialog) -> None:
        dialog.quantity.setText("100")
        click(dialog, "确认动用")

    on_modal(CallUpDialog, call)
    click(view, "动用")
    assert svc.agreement_detail(ctx, number).call_ups[0].outstanding == 100, answers.messages
    answers.text_answers.append("100")
    click(view, "补库")
    assert svc.agreement_detail(ctx, number).call_ups[0].outstanding == 0, answers.messages
    # 打印摘要, 导出 Excel
    summary, workbook = tmp_path / f"{number}.pdf", tmp_path / "储备协议清单.xlsx"
    choose_files(monkeypatch, summary, workbook)
    click(view, "打印摘要")
    click(view, "导出 Excel")
    assert summary.read_bytes().startswith(b"%PDF") and workbook.stat().st_size > 0
    # 续签 (a new number), 终止 the old one
    answers.text_answers.append("LJYJ-XY-2027-21")
    click(view, "续签")
    assert count(demo_db, Agreement, Agreement.number == "LJYJ-XY-2027-21") == 1, answers.messages
    view.select("LJYJ-XY-2027-21")
    answers.text_answers.append("企业经营范围变更")
    click(view, "终止")
    assert svc.agreement_detail(ctx, "LJYJ-XY-2027-21").row.state is AgreementState.TERMINATED, answers.messages


def pdf_text(path: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def run_command(database, line: str) -> int:
    """A command line the manual gives (``reserve-keeper …``), run on ``database``."""
    import shlex

    from models.cli import main

    words = shlex.split(line)
    assert words[0] == "reserve-keeper"
    return main(["--db", database.url if hasattr(database, "url") else str(database), *words[1:]])


# --- 9. 储备能力评估与汛前检查 -----------------------------------------------------------------
@OFFSCREEN
def test_ch9_adequacy_and_preflood_check(qtbot, admin_window, demo_db, answers, tmp_path, monkeypatch):
    from desktop.views.adequacy_view import DrillDownDialog

    window, text = admin_window, chapter(9)
    view = show_view(window, "储备能力评估")
    # 1. the scenario: 5000 people, 15 days, a standard, the scope
    view.people.setValue(5000)
    view.days.setValue(15)
    standards = [view.standard.itemText(i) for i in range(view.standard.count())]
    assert any("夏" in s for s in standards) and any("冬" in s for s in standards), standards
    view.standard.setCurrentIndex(next(i for i, s in enumerate(standards) if "夏" in s))
    scopes = [view.scope.itemText(i) for i in range(view.scope.count())]
    for scope in re.findall(r"“([^”]+)”", re.search(r"\*\*统计范围\*\*\s*（(.+?)）、", text, re.S).group(1)):
        assert any(scope in s for s in scopes), (scope, scopes)
    view.scope.setCurrentIndex(scopes.index("全部储备库"))
    qtbot.waitUntil(lambda: bool(view.report is not None and view.report.lines), timeout=20_000)
    settle(qtbot)
    # 2. the columns the manual lists
    headers = [view.model.headerData(c, Qt.Horizontal) for c in range(view.model.columnCount())]
    listed = re.search(r"表格列出每个需求项的(.+?)和可保障天数", text, re.S).group(1)
    columns = [re.sub(r"（.*", "", c.strip()) for c in re.sub(r"\s", "", listed).split("、")] + ["可保障天数"]
    assert len(columns) >= 9
    for column in columns:
        assert any(column in str(h) for h in headers), (column, headers)
    # 3. 导出汛前检查 PDF… and 导出 Excel…
    pdf, workbook = tmp_path / "汛前检查报告.pdf", tmp_path / "汛前检查报告.xlsx"
    choose_files(monkeypatch, pdf, workbook)
    click(view, "导出汛前检查 PDF…")
    click(view, "导出 Excel…")
    assert pdf.is_file() and workbook.is_file(), answers.messages
    report = re.sub(r"\s+", "", pdf_text(pdf))
    for part in ("能力评估", "到期的批次", "协议", "养护检查", "政府实物"):
        assert part in report, part
    # 4. 查看库存分布…
    seen = on_modal(DrillDownDialog, lambda dialog: click(dialog, "关闭"))
    click(view, "查看库存分布…")
    assert seen
    # the command line given for April
    command = re.search(r"`(reserve-keeper adequacy [^`]+)`", text).group(1)
    monkeypatch.chdir(tmp_path)
    assert run_command(demo_db, command) == 0
    assert (tmp_path / "汛前检查报告.pdf").stat().st_size > 0
    # 定额标准 page: view and 复制
    standards_page = show_view(window, "定额标准")
    assert button(standards_page, "复制…")


# --- 10. 从现有 Excel 台账导入 -----------------------------------------------------------------
@pytest.fixture
def empty_county(tmp_path):
    """第一次启动 → 空库开始 (the county typed in the wizard, nothing else)."""
    from desktop.dialogs.first_run_wizard import START_EMPTY

    path = tmp_path / "data" / "reserve.db"
    path.parent.mkdir()
    database = open_database(str(path))
    ensure_admin(database, None)
    apply_setup(database, SetupAnswers("临江县", "360999", ADMIN_PASSWORD, START_EMPTY))
    yield database
    database.dispose()


def copy_ledger_into(template: Path, target: Path, *, wrong_item: bool) -> Path:
    """Step 2: the old ledger's rows typed under the template's headers (below the example row)."""
    import openpyxl

    workbook = openpyxl.load_workbook(template)
    rows = {
        "储备库": [["K01", "临江县应急物资储备库", "县级", "临江县（360999）", "", "城南路 8 号", "王保管", "13800000001", 1200],
                ["K02", "城关镇储备点", "乡镇级", "城关镇", "临江县（360999）", "", "", "", None]],
        "物资目录": [["W500", "瓶装饮用水", "550ml×24瓶", "箱", "10501", "瓶装水", 24, 90, "否", 36],
                 ["ZP12", "救灾帐篷", "12㎡", "顶", "10101", "救灾帐篷", None, None, "是", 2800]],
        "库存": [["K01", "W500", "20260301", "2026-03-01", "2028-02-29", 1200, 36, "县粮油公司", "A-01"],
               ["K02", "ZP13" if wrong_item else "ZP12", "2025", None, None, 40, 2800, "", "B-02"]],
    }
    for title, lines in rows.items():
        sheet = workbook[title]
        for line in lines:
            sheet.append(line)
    workbook.save(target)
    return target


@OFFSCREEN
def test_ch10_import_existing_excel_ledger(qtbot, empty_county, answers, tmp_path, monkeypatch):
    import openpyxl

    from models.schema.stock import Balance

    text = chapter(10)
    window = log_in(qtbot, empty_county, "admin", ADMIN_PASSWORD)
    view = show_view(window, "导入导出")
    # 1. 保存导入模板…: five sheets with headers, choices and an example row
    template = tmp_path / "储备台账导入模板.xlsx"
    choose_files(monkeypatch, template)
    click(view, "保存导入模板…")
    sheets = re.search(r"工作表：(.+?)；", text).group(1).split("、")
    assert openpyxl.load_workbook(template).sheetnames == sheets
    # 2. the old ledger copied in (one item code mistyped)
    ledger = copy_ledger_into(template, tmp_path / "原台账.xlsx", wrong_item=True)
    # 3. 选择文件… then 检查: the problem is listed by sheet, row and column; nothing is written
    choose_files(monkeypatch, ledger)
    click(view, "选择文件…")
    click(view, "检查")
    problems = [[view.problem_model.item(r, c).text() for c in range(6)] for r in range(view.problem_model.rowCount())]
    errors = [p for p in problems if p[0] == "错误"] or problems
    assert any(p[1] == "库存" and p[2] == "5" and "ZP13" in p[5] for p in errors), problems
    assert count(empty_county, Balance) == 0
    # 4. fix the workbook, check again, then 导入 (the confirmation answered 是)
    copy_ledger_into(template, ledger, wrong_item=False)
    click(view, "检查")
    assert view.report is not None and view.report.ok, problems
    click(view, "导入")
    assert stock_of(empty_county, "K01", "W500") == {"20260301": 1200}, answers.messages
    assert sum(stock_of(empty_county, "K02", "ZP12").values()) == 40
    # the export below: six sheets
    exported = tmp_path / "导出台账.xlsx"
    choose_files(monkeypatch, exported)
    click(view, "导出…")
    assert len(openpyxl.load_workbook(exported, read_only=True).sheetnames) == 6
    # the command lines: template, and a check that writes nothing
    monkeypatch.chdir(tmp_path)
    template_command, check_command = re.findall(r"`(reserve-keeper (?:template|import --dry-run) [^`]+)`", text)
    assert run_command(empty_county, template_command) == 0 and (tmp_path / "模板.xlsx").is_file()
    balances = count(empty_county, Balance)
    run_command(empty_county, check_command.replace("台账.xlsx", str(ledger)))
    assert count(empty_county, Balance) == balances
    window.close()


# --- 11. 备份与恢复 ----------------------------------------------------------------------------
@OFFSCREEN
def test_ch11_backup_and_restore(qtbot, demo_db, answers, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from desktop.dialogs.about_dialog import AboutDialog
    from models.schema.documents import Document

    text = chapter(11)
    database_file = Path(demo_db.url.split("///", 1)[1]) if hasattr(demo_db, "url") else None
    database_file = database_file or Path(str(demo_db.engine.url.database))
    # the first use of the day copies the database to “backups” next to it
    window = log_in(qtbot, demo_db, "admin", ADMIN_PASSWORD)
    automatic = list((database_file.parent / "backups").glob("*.db"))
    assert "`backups` 文件夹" in text and automatic, "no automatic backup in the backups folder"

    # 帮助 → 关于储备管家: the real location and 打开数据文件夹
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))

    def about(dialog: AboutDialog) -> None:
        assert str(database_file) in dialog.database_label.text()
        click(dialog, "打开数据文件夹")
        dialog.reject()

    assert "**帮助 → 关于储备管家**" in text
    on_modal(AboutDialog, about)
    menu_action(window, "帮助", "关于储备管家").trigger()
    assert opened and Path(opened[0]) == database_file.parent

    # the status bar: 上次备份, 立即备份, 备份文件夹…
    status = window.statusBar()
    assert any("上次备份" in label.text() for label in status.findChildren(__import__(
        "PySide6.QtWidgets", fromlist=["QLabel"]).QLabel)), "the status bar shows no 上次备份"
    by_hand = tmp_path / "U盘" / "储备-20260601.db"
    by_hand.parent.mkdir()
    choose_files(monkeypatch, by_hand)
    click(status, "立即备份")
    assert by_hand.is_file(), answers.messages
    with sqlite3.connect(by_hand) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    elsewhere = tmp_path / "储备备份"
    elsewhere.mkdir()
    choose_files(monkeypatch, elsewhere)
    click(status, "备份文件夹…")
    assert any(str(elsewhere) in message for _k, _t, message in answers.messages), answers.messages
    documents = count(demo_db, Document)
    window.close()

    # the commands: backup, backup-settings, restore (every window closed), verify
    def manual_command(pattern: str) -> str:
        found = re.search(rf"`(reserve-keeper {pattern}[^`]*)`", text)
        assert found, pattern
        return found.group(1).replace("\\\\", "/").replace("D:\\", str(tmp_path) + "/").replace("\\", "/")

    demo_db.dispose()
    # a command that changes something asks who you are (in a terminal it prompts for 用户名 and 密码)
    monkeypatch.setenv("RESERVE_KEEPER_USER", "admin")
    monkeypatch.setenv("RESERVE_KEEPER_PASSWORD", ADMIN_PASSWORD)
    assert "用户名和密码" in text
    second = manual_command("backup ")
    (tmp_path / "备份").mkdir()
    assert run_command(database_file, second) == 0
    assert run_command(database_file, manual_command("backup-settings")) == 0
    # a receipt posted after the backup is undone by the restore
    reopened = open_database(str(database_file))
    from models.context import ServiceContext
    from models.services.receiving import ReceiptLine, receive
    from models.services.users import actor_for
    from models.schema.users import User

    with reopened.read() as session:
        actor = actor_for(session.scalar(select(User).where(User.username == "admin")))
    receive(ServiceContext(reopened, actor), "360999", [ReceiptLine("FBM1", 5)], supplier="恢复前")
    assert count(reopened, Document) == documents + 1
    reopened.dispose()
    assert run_command(database_file, manual_command("restore")) == 0
    assert run_command(database_file, manual_command("verify")) == 0
    restored = open_database(str(database_file))
    assert count(restored, Document) == documents
    restored.dispose()


def add_through(page: QWidget, button_text: str, kind: type, **fields: str) -> None:
    """Click ``button_text`` on ``page``, type ``fields`` into the dialog it opens (a combo box is set
    to the entry whose data or text is the value) and click 保存."""
    from PySide6.QtWidgets import QComboBox

    def fill(dialog: QWidget) -> None:
        for name, value in fields.items():
            widget = getattr(dialog, name)
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(index) if index >= 0 else widget.setCurrentText(value)
            else:
                widget.setText(value)
        click(dialog, "保存")

    seen = on_modal(kind, fill)
    click(page, button_text)
    assert seen, f"“{button_text}” opened no {kind.__name__}"


# --- 2. 第一次启动: 准备工作 on a county started empty ----------------------------------------
@OFFSCREEN
def test_ch2_preparation_on_an_empty_county(qtbot, empty_county, answers):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.dialogs.item_dialog import ItemDialog
    from desktop.dialogs.store_dialog import AreaDialog, StoreDialog
    from desktop.views.users_view import UserDialog
    from models.schema.catalog import Item
    from models.schema.warehouse import Area, Store

    text = chapter(2)
    preparation = text[text.index("准备工作"):]
    window = log_in(qtbot, empty_county, "admin", ADMIN_PASSWORD)
    # 1. 储备库: 新增行政区, then 新增储备库
    stores = show_view(window, "储备库")

    add_through(stores, "新增行政区", AreaDialog, parent_area="360999", code="360999101", name="城关镇")
    assert count(empty_county, Area, Area.code == "360999101") == 1, "新增行政区 saved nothing"
    add_through(stores, "新增储备库", StoreDialog, code="360999101", name="城关镇应急物资储备点",
                area="360999101", keeper="李保管", phone="13800000002")
    assert count(empty_county, Store, Store.code == "360999101") == 1, "新增储备库 saved nothing"
    # 2. 物资目录: 新增物资
    catalog = show_view(window, "物资目录")
    add_through(catalog, "新增物资", ItemDialog, code="FBM1", name="方便面", spec="24袋/箱", unit="箱",
                category="10501", shelf_life="6")
    assert count(empty_county, Item, Item.code == "FBM1") == 1, "新增物资 saved nothing"
    # 3. 用户管理: 新建用户… a keeper for that store
    users = show_view(window, "用户管理")

    def user(dialog: UserDialog) -> None:
        dialog.username.setText("libaoguan")
        dialog.display_name.setText("李保管")
        dialog.role.setCurrentIndex(dialog.role.findText("保管员"))
        for row in range(dialog.stores.count()):
            if dialog.stores.item(row).data(Qt.UserRole) == "360999101":
                dialog.stores.item(row).setCheckState(Qt.Checked)
        dialog.password.setText("Baoguan-2026")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    on_modal(UserDialog, user)
    click(users, "新建用户…")
    for name in bold(preparation):
        if name in ("储备库", "物资目录", "用户管理"):
            continue
        assert name in ("新增行政区", "新增储备库", "新增物资", "新建用户…", "保存"), name
    window.close()
    # the keeper sees and posts only in the store assigned to him
    keeper = log_in(qtbot, empty_county, "libaoguan", "Baoguan-2026")
    assert set(keeper.navigation.stores.store_names()) == {"360999101"}, answers.messages
    keeper.close()


# --- the manual's pictures are the ones scripts/screenshots.py makes ------------------------------
def test_every_picture_in_the_manuals_is_made_by_the_screenshot_script():
    from desktop.views.registry import discover_views

    script = (MANUAL.parents[1] / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    assert 'f"{number}_{spec.key}.png"' in script  # one picture per screen, named by its key
    made = {name for name in re.findall(r'"\d\d_([A-Za-z0-9_]+\.png)"', script)}
    made |= {f"{spec.key}.png" for spec in discover_views()}
    for manual in (MANUAL, MANUAL.with_name("manual.en.md")):
        for picture in re.findall(r"\]\(images/([^)]+)\)", manual.read_text(encoding="utf-8")):
            assert picture in made, f"{manual.name} shows images/{picture}, which scripts/screenshots.py does not make"


@OFFSCREEN
def test_help_menu_opens_this_manual(qtbot, admin_window):
    from desktop.dialogs.manual_dialog import ManualDialog

    intro = MANUAL.read_text(encoding="utf-8").split("---")[0]
    assert "**帮助 → 用户手册**（F1）" in intro
    action = menu_action(admin_window, "帮助", "用户手册")
    assert action.shortcut().toString() == "F1"
    action.trigger()
    shown = admin_window.manual_window
    qtbot.addWidget(shown)
    assert isinstance(shown, ManualDialog) and shown.isVisible()
    for number in range(2, 12):  # every chapter walked through above is in the window
        heading = re.search(rf"^## ({number}\. .+)$", MANUAL.read_text(encoding="utf-8"), re.M).group(1)
        assert heading in shown.browser.toPlainText(), heading


@OFFSCREEN
def test_ch10_first_start_from_a_workbook(qtbot, tmp_path, monkeypatch, answers):
    """第一次启动 → 开始方式 → 导入 Excel 台账 → 浏览…: the ledger is imported and the 导入导出 page opens."""
    from models.documents.excel_template import write_template

    assert "**导入 Excel 台账**：从单位现有的库存表格开始（见第 10 节），点“浏览…”选择工作簿" in chapter(2)
    ledger = copy_ledger_into(write_template(tmp_path / "模板.xlsx"), tmp_path / "原台账.xlsx", wrong_item=False)
    database = open_database(str(tmp_path / "reserve.db"))
    choose_files(monkeypatch, ledger)

    def wizard(dialog: FirstRunWizard) -> None:
        dialog.county_page.name.setText("临江县")
        dialog.county_page.code.setText("360999")
        click(dialog, "下一步")
        dialog.admin_page.password.setText(ADMIN_PASSWORD)
        dialog.admin_page.confirm.setText(ADMIN_PASSWORD)
        click(dialog, "下一步")
        next(b for b in dialog.start_page.buttons.values() if b.text().startswith("导入 Excel 台账")).click()
        click(dialog, "浏览…")
        assert dialog.start_page.workbook.text() == str(ledger)
        click(dialog, "完成")

    on_modal(FirstRunWizard, wizard)
    shell = desktop_app.start(database)
    assert shell is not None
    qtbot.addWidget(shell.window)
    assert shell.window.current_key == "import"
    assert any("已导入" in message for _k, _t, message in answers.messages), answers.messages
    assert stock_of(database, "K01", "W500") == {"20260301": 1200}
    shell.window.close()
    database.dispose()
