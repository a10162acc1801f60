"""The shell: main window with every view, navigation, shortcuts, status bar, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop import settings as app_settings
from desktop.main_window import MainWindow
from desktop.views.registry import discover_views


def test_main_window_opens_every_view(qtbot, dctx):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    window.show()
    keys = [spec.key for spec in discover_views()]
    assert {"home", "stock", "catalog", "stores"} <= set(keys)
    for key in keys:
        assert window.show_view(key)
        assert window.stack.currentWidget() is window.views[key]
        assert window.current_key == key
    assert "admin" in window.user_label.text()
    assert window.dctx.service.db.describe() in window.db_label.text()
