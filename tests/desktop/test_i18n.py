"""Chinese by default with Qt's own dialogs in Chinese; English from the compiled Linguist source."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop import i18n
from desktop.main_window import MainWindow


@pytest.fixture
def restore_chinese():
    yield
    i18n.install_language("zh_CN")


def test_english_source_is_complete_for_the_shell():
    root = ET.parse(i18n.translations_dir() / "reserve_keeper_en.ts").getroot()
    shell_contexts = {"MainWindow", "StockView", "HomeView", "CatalogView", "StoresView", "LoginDialog",
                      "ItemDialog", "StoreDialog", "FirstRunWizard", "CountyPage", "AdminPage", "StartPage",
                      "PasswordDialog", "AreaDialog", "CategoryDialog", "StoreTree", "NavigationPanel", "app",
                      "labels", "views"}
    unfinished = [(context.findtext("name"), message.findtext("source"))
                  for context in root.iter("context") if context.findtext("name") in shell_contexts
                  for message in context.iter("message")
                  if message.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_qt_dialog_buttons_are_chinese_by_default(qapp, restore_chinese):
    assert i18n.install_language("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_switching_to_english_translates_the_main_window(qtbot, dctx, restore_chinese, tmp_path):
    i18n.compile_translations(force=True)
    assert i18n.install_language("en") == "en"
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    assert window.windowTitle() == "ReserveKeeper"
    assert window.view_actions["stock"].text() == "Stock"
    assert window.document_actions["receipt"].text() == "Receive"
    window.show_view("stock")
    stock = window.views["stock"]
    assert stock.model.headerData(9, Qt.Horizontal) == "Quantity"
    assert stock.level.itemText(1) == "County"


def test_language_menu_rebuilds_the_window_in_the_new_language(qtbot, dctx, restore_chinese, temp_settings):
    from desktop import settings as app_settings
    from desktop.app import Shell

    i18n.compile_translations()
    shell = Shell(dctx)
    qtbot.addWidget(shell.window)
    old = shell.window
    english = next(action for action in shell.window.language_actions.actions() if action.text() == "English")
    english.trigger()
    qtbot.addWidget(shell.window)
    assert shell.window is not old and shell.window.view_actions["home"].text() == "Home"
    assert temp_settings.get(app_settings.LANGUAGE) == "en"


def test_every_message_from_the_core_has_an_english_translation():
    """Templates marked with models.messages.msg() are in the .ts and translated, placeholders intact."""
    import string
    import sys

    sys.path.insert(0, str(i18n.translations_dir().parent.parent / "scripts"))
    import update_translations

    def placeholders(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    root = ET.parse(i18n.translations_dir() / "reserve_keeper_en.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == i18n.MESSAGES_CONTEXT)
    translations = {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    templates = update_translations.model_messages()
    assert len(templates) > 10
    missing = [t for t in templates if t not in translations or translations[t].get("type") == "unfinished"]
    assert missing == []
    mismatched = [t for t in templates if placeholders(t) != placeholders(translations[t].text or "")]
    assert mismatched == []


def test_a_refused_action_speaks_english_on_an_english_screen(qapp, restore_chinese):
    from models.errors import ValidationError
    from models.validation import parse_quantity

    i18n.compile_translations(force=True)
    i18n.install_language("en")
    with pytest.raises(ValidationError) as caught:
        parse_quantity("abc")
    assert caught.value.message == "Quantity “abc” is not a number: enter a number such as 100 or 12.5."
    i18n.install_language("zh_CN")
    assert caught.value.message == "数量“abc”不是数字，请填写如 100 或 12.5 的数。"


def test_reminders_speak_english_on_an_english_screen(qtbot, dctx, restore_chinese):
    """The home view's reminders are composed in models/ and rendered in the screen's language."""
    from desktop.widgets.alerts_panel import AlertsPanel

    i18n.compile_translations()
    i18n.install_language("en")
    panel = AlertsPanel(dctx)
    qtbot.addWidget(panel)
    panel.wait_until_ready()
    texts = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
    expired = [t for t in texts if "瓶装饮用水" in t and "Expired:" in t]
    assert expired and "it can only be scrapped" in expired[0] and "批次" not in expired[0]


def test_no_error_in_models_is_built_from_untranslatable_text():
    """Every Chinese error message in models/ goes through msg() (scripts/translate_messages.py
    --unconverted lists any that do not), so no refusal stays Chinese on an English screen."""
    import sys

    sys.path.insert(0, str(i18n.translations_dir().parent.parent / "scripts"))
    import translate_messages

    assert translate_messages.unconverted() == []
