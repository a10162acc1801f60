"""Typed settings over QSettings: declared once, typed values back, defaults for anything unreadable."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop import settings as app_settings
from desktop.settings import Setting, Settings


def test_defaults_until_set_and_types_survive_a_new_instance(tmp_path):
    path = str(tmp_path / "prefs.ini")
    first = Settings(QSettings(path, QSettings.IniFormat))
    assert first.get(app_settings.LANGUAGE) == "zh_CN"
    assert first.get(app_settings.PRINT_COPIES) == 1
    assert first.get(app_settings.WINDOW_GEOMETRY) == b""
    first.set(app_settings.LANGUAGE, "en")
    first.set(app_settings.PRINT_COPIES, 3)
    first.set(app_settings.WINDOW_GEOMETRY, b"\x00\x01binary\xff")
    first.set(app_settings.RECENT_DATABASES, ["D:/储备/reserve.db", "postgresql://server/rk"])
    first.set(app_settings.LAST_PRINTER, "办公室打印机")
    first.sync()
    second = Settings(QSettings(path, QSettings.IniFormat))
    assert second.get(app_settings.LANGUAGE) == "en"
    assert second.get(app_settings.PRINT_COPIES) == 3
    assert second.get(app_settings.WINDOW_GEOMETRY) == b"\x00\x01binary\xff"
    assert second.get(app_settings.RECENT_DATABASES) == ["D:/储备/reserve.db", "postgresql://server/rk"]
    assert second.get(app_settings.LAST_PRINTER) == "办公室打印机"


def test_per_table_settings_are_separate(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat))
    settings.set(app_settings.COLUMN_WIDTHS, [100, 200], "stock")
    assert settings.get(app_settings.COLUMN_WIDTHS, "stock") == [100, 200]
    assert settings.get(app_settings.COLUMN_WIDTHS, "ledger") == []


def test_unreadable_value_gives_the_default(tmp_path):
    raw = QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat)
    raw.setValue("print/copies", "many")
    raw.setValue("files/recent_databases", "{not json")
    settings = Settings(raw)
    assert settings.get(app_settings.PRINT_COPIES) == 1
    assert settings.get(app_settings.RECENT_DATABASES) == []


def test_every_setting_is_declared_once():
    keys = [setting.key for setting in app_settings.ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    assert all(isinstance(setting, Setting) for setting in app_settings.ALL_SETTINGS)


def test_stock_view_column_widths_are_remembered(qtbot, dctx, temp_settings):
    from desktop.views.stock_view import StockView

    view = StockView(dctx)
    qtbot.addWidget(view)
    view.table.horizontalHeader().resizeSection(3, 222)
    assert temp_settings.get(app_settings.COLUMN_WIDTHS, "stock")[3] == 222
    again = StockView(dctx)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(3) == 222
