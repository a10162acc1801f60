"""The Help menu of the main window: 用户手册 (F1) opens the manual, 关于储备管家 the About dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.dialogs.about_dialog import AboutDialog
from desktop.dialogs.manual_dialog import ManualDialog
from desktop.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, admin, tmp_path):
    app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)))
    window = MainWindow(DesktopContext(admin))
    qtbot.addWidget(window)
    yield window
    app_settings.install(None)


def help_actions(window):
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "帮助(&H)")
    return {action.text(): action for action in menu.actions()}


def test_help_menu_opens_the_manual(window, qtbot):
    actions = help_actions(window)
    assert actions["用户手册"].shortcut().toString() == "F1"
    actions["用户手册"].trigger()
    qtbot.addWidget(window.manual_window)
    assert isinstance(window.manual_window, ManualDialog) and window.manual_window.isVisible()
    assert "日常入库" in window.manual_window.browser.toPlainText()


def test_help_menu_opens_about_with_version_and_database(window, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    help_actions(window)["关于储备管家"].trigger()
    assert len(shown) == 1
    assert shown[0].database_label.text() == window.dctx.service.db.describe()
