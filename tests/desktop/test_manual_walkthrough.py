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
def on_modal(kind: type, act: Callable[[QWidget], None], *, tries: int = 250) -> list:
    """Answer the next modal dialog of type ``kind`` with ``act(dialog)`` while its exec() runs.
    A dialog still open after ``act`` is rejected, so a failing step ends the test instead of hanging it."""
    seen: list = []

    def poll(left: int = tries) -> None:
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


def count(database, model, *where) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


# --- 2. 第一次启动 -------------------------------------------------------------------------------
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
