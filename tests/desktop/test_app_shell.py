"""The shell: first-run wizard, login, main window with every view, navigation, shortcuts, status bar."""

from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from sqlalchemy import func, select

from desktop import app as desktop_app
from desktop import main_window as main_window_module
from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.dialogs.first_run_wizard import FirstRunWizard
from desktop.dialogs.login_dialog import LoginDialog
from desktop.main_window import MainWindow
from desktop.navigation import STORE_ROLE
from desktop.views.registry import discover_views
from models.schema.catalog import Category
from models.schema.enums import AreaKind
from models.schema.warehouse import Area
from models.services.users import add_user, authenticate, ensure_admin
from tests.conftest import make_ctx

PASSWORD = "county-2026"


def fill_wizard(qtbot, wizard: FirstRunWizard, start: str = "empty") -> None:
    next_button = wizard.button(QWizard.NextButton)
    assert not next_button.isEnabled()
    wizard.county_page.name.insert("示例县")
    qtbot.keyClicks(wizard.county_page.code, "320101")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.LeftButton)
    assert wizard.currentPage() is wizard.admin_page
    qtbot.keyClicks(wizard.admin_page.password, "short")
    assert "至少需要 8 个字符" in wizard.admin_page.form.error_text("密码")
    assert not next_button.isEnabled()
    wizard.admin_page.password.clear()
    qtbot.keyClicks(wizard.admin_page.password, PASSWORD)
    qtbot.keyClicks(wizard.admin_page.confirm, PASSWORD + "x")
    assert "不一致" in wizard.admin_page.form.error_text("确认密码") and not next_button.isEnabled()
    qtbot.keyClick(wizard.admin_page.confirm, Qt.Key_Backspace)
    qtbot.mouseClick(next_button, Qt.LeftButton)
    assert wizard.currentPage() is wizard.start_page
    wizard.start_page.buttons[start].setChecked(True)
    qtbot.mouseClick(wizard.button(QWizard.FinishButton), Qt.LeftButton)


def test_wizard_sets_admin_password_and_county(qtbot, db):
    ensure_admin(db, None)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_wizard(qtbot, wizard)
    assert wizard.result() == QWizard.Accepted and wizard.result_.start == "empty"
    assert authenticate(db, "admin", PASSWORD).username == "admin"
    with db.read() as session:
        county = session.scalar(select(Area).where(Area.kind == AreaKind.COUNTY))
        assert (county.code, county.name) == ("320101", "示例县")
        assert session.scalar(select(func.count(Category.id))) > 20  # the starter tree


def test_login_says_wrong_password_and_stays_open(qtbot, db):
    ensure_admin(db, PASSWORD)
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("admin")
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.error_text() == "用户名或密码不正确。"
    assert dialog.actor is None and dialog.result() != LoginDialog.Accepted
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.result() == LoginDialog.Accepted and dialog.actor.username == "admin"


def test_program_starts_with_wizard_then_login(qtbot, tmp_path, monkeypatch, answers):
    """The real entry point on a new SQLite file: wizard → main window; second start: login."""
    seen: list[MainWindow] = []

    def look_and_quit() -> None:
        # QApplication.quit() closes every window, so look at them while the program runs
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        QApplication.instance().quit()

    def wizard_exec(self):
        self.show()
        fill_wizard(qtbot, self)
        QTimer.singleShot(0, look_and_quit)
        return self.result()

    monkeypatch.setattr(FirstRunWizard, "exec", wizard_exec)
    path = str(tmp_path / "new.db")
    assert desktop_app.main([], db=path) == 0
    assert len(seen) == 1 and "new.db" in seen[0].db_label.text()
    assert {"home", "stock", "catalog", "stores"} <= {spec.key for spec in seen[0].specs}

    def login_exec(self):
        self.show()
        self.password.setText(PASSWORD)
        self.attempt()
        QTimer.singleShot(0, look_and_quit)
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: pytest.fail("wizard shown twice"))
    seen.clear()
    assert desktop_app.main([], db=path) == 0
    assert len(seen) == 1 and "admin" in seen[0].user_label.text()


def test_main_window_opens_every_view(qtbot, dctx):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    window.show()
    keys = [spec.key for spec in discover_views()]
    assert {"home", "stock", "catalog", "stores"} <= set(keys)
    for key in keys:
        assert window.show_view(key)
        assert window.stack.currentWidget() is window.views[key]
        assert window.navigation.views.currentItem().data(Qt.UserRole + 2) == key
    assert "admin" in window.user_label.text()
    assert window.dctx.service.db.describe() in window.db_label.text()


def test_shortcuts_switch_views_and_f5_refreshes(qtbot, dctx):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    if QApplication.activeWindow() is not window:  # the offscreen platform may not activate it
        with warnings.catch_warnings():  # deprecated, but the only way offscreen
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)  # window shortcuts need the active window
    specs = discover_views()
    assert window.view_actions[specs[1].key].shortcut().toString() == "Ctrl+2"
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)
    assert window.current_key == specs[1].key
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    assert window.current_key == specs[0].key
    with qtbot.waitSignal(dctx.changed) as blocker:
        qtbot.keyClick(window, Qt.Key_F5)
    assert {"stock", "catalog", "stores"} <= blocker.args[0]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_store_tree_selects_store_for_status_bar_and_stock_view(qtbot, dctx):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    window.show_view("stock")
    tree = window.navigation.stores
    model = tree.model()

    def find(text):
        return model.match(model.root_index(), Qt.DisplayRole, text, 1, Qt.MatchStartsWith | Qt.MatchRecursive)

    leaves = find("东村储备点")
    assert leaves and leaves[0].data() == "东村储备点（1）"  # one stock line
    township = find("城关镇")[0]
    assert township.data() == "城关镇（2）"  # rice in T001 and the tent in 东村 below it
    tree.setCurrentIndex(leaves[0])
    assert dctx.current_store_code == "V001"
    assert "东村储备点（V001）" in window.store_label.text()
    assert window.views["stock"].proxy.rowCount() == 1
    tree.setCurrentIndex(model.index(0, 0))
    assert dctx.current_store_code is None and window.views["stock"].proxy.rowCount() == 6


def test_layout_view_and_store_are_remembered(qtbot, dctx, temp_settings):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    window.show_view("stores")
    dctx.select_store("T001")
    window.close()
    assert temp_settings.get(app_settings.LAST_VIEW) == "stores"
    assert temp_settings.get(app_settings.LAST_STORE) == "T001"
    assert temp_settings.get(app_settings.WINDOW_GEOMETRY)
    again = MainWindow(DesktopContext(dctx.service))
    qtbot.addWidget(again)
    assert again.current_key == "stores" and again.dctx.current_store_code == "T001"


def test_document_actions_open_dialog_modules_or_are_disabled(qtbot, dctx, monkeypatch):
    monkeypatch.setattr(main_window_module, "DOCUMENT_ACTIONS", main_window_module.DOCUMENT_ACTIONS + (
        ("scrap", "desktop.dialogs.no_such_dialog", "报废", None, "issue"),))
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    assert not window.document_actions["scrap"].isEnabled()
    assert "尚未安装" in window.document_actions["scrap"].toolTip()
    assert window.document_actions["receipt"].shortcut().toString() == "Ctrl+R"
    assert window.document_actions["issue"].shortcut().toString() == "Ctrl+I"
    if window.document_actions["receipt"].isEnabled():
        import desktop.dialogs.receipt_dialog as receipt_dialog

        calls = []
        monkeypatch.setattr(receipt_dialog, "run", lambda dctx_, parent: calls.append((dctx_, parent)))
        window.document_actions["receipt"].trigger()
        assert calls == [(dctx, window)]


def test_keeper_sees_only_own_store_in_navigation(qtbot, admin, county, dctx):
    add_user(admin, "keeper1", "keeper", password="keeper-pass", store_codes=[county.village_store])
    keeper = make_ctx(admin.db, authenticate(admin.db, "keeper1", "keeper-pass"))
    window = MainWindow(DesktopContext(keeper))
    qtbot.addWidget(window)
    tree = window.navigation.stores
    assert set(tree.store_names()) == {"V001"}
    assert "保管员" in window.user_label.text()


def test_wizard_imports_a_workbook(qtbot, db, tmp_path):
    from tests.excel import builders

    ensure_admin(db, None)
    workbook = builders.tidy_county(tmp_path / "ledger.xlsx")
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.county_page.name.setText("示例县")
    wizard.county_page.code.setText("320199")
    wizard.next()
    wizard.admin_page.password.setText(PASSWORD)
    wizard.admin_page.confirm.setText(PASSWORD)
    wizard.next()
    wizard.start_page.buttons["import"].setChecked(True)
    assert not wizard.button(QWizard.FinishButton).isEnabled()  # no workbook chosen yet
    wizard.start_page.workbook.setText(str(workbook))
    assert wizard.button(QWizard.FinishButton).isEnabled()
    qtbot.mouseClick(wizard.button(QWizard.FinishButton), Qt.LeftButton)
    assert wizard.result_.message.startswith("已导入：储备库 2 个")
    with db.read() as session:
        assert session.scalar(select(func.count(Area.id)).where(Area.kind == AreaKind.COUNTY)) == 1
    from models.services.stock_queries import stock_rows
    assert {row.store_code for row in stock_rows(wizard.result_.ctx)} == {"K01", "K02"}


def test_wizard_demo_choice_loads_the_demo_county(qtbot, db, monkeypatch):
    """The real demo takes a minute (scripts/screenshots.py runs it); here its loader is stood in for."""
    import models.demo

    calls = []

    def fake_demo(ctx, progress=None):
        calls.append(ctx.actor.username)
        from models.services.warehouses import create_area
        create_area(ctx, "360999", "临江县", "county")
        return models.demo.DemoCounty()

    monkeypatch.setattr(models.demo, "load_demo", fake_demo)
    ensure_admin(db, None)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.county_page.name.setText("示例县")
    wizard.county_page.code.setText("320101")
    wizard.next()
    wizard.admin_page.password.setText(PASSWORD)
    wizard.admin_page.confirm.setText(PASSWORD)
    wizard.next()
    wizard.start_page.buttons["demo"].setChecked(True)
    wizard.accept()
    assert calls == ["admin"] and "临江县" in wizard.result_.message
    with db.read() as session:  # the demo's county, not a second one
        assert [a.code for a in session.scalars(select(Area).where(Area.kind == AreaKind.COUNTY))] == ["360999"]


def test_keeper_changes_own_password(qtbot, admin, county):
    from desktop.dialogs.password_dialog import PasswordDialog

    add_user(admin, "keeper1", "keeper", password="keeper-pass", store_codes=[county.village_store])
    keeper = make_ctx(admin.db, authenticate(admin.db, "keeper1", "keeper-pass"))
    dialog = PasswordDialog(DesktopContext(keeper))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.old, "wrong-pass")
    qtbot.keyClicks(dialog.new, "short")
    assert "至少需要 8 个字符" in dialog.form.error_text("密码")
    dialog.new.clear()
    qtbot.keyClicks(dialog.new, "new-keeper-pass")
    qtbot.keyClicks(dialog.again, "new-keeper-pass")
    dialog.save()
    assert dialog.form.error_text("原密码") == "原密码不正确。" and dialog.result() != PasswordDialog.Accepted
    dialog.old.setText("keeper-pass")
    dialog.save()
    assert dialog.result() == PasswordDialog.Accepted
    assert authenticate(admin.db, "keeper1", "new-keeper-pass").username == "keeper1"


def test_after_import_choice_the_import_screen_opens(qtbot, dctx, answers):
    from desktop.app import after_setup
    from desktop.dialogs.first_run_wizard import SetupResult

    window = MainWindow(dctx)
    qtbot.addWidget(window)
    after_setup(window, SetupResult(dctx.service, "import", "已导入：储备库 2 个"))
    assert window.has_view("import") and window.current_key == "import"
    assert answers.messages and answers.messages[-1][2] == "已导入：储备库 2 个"


def test_help_menu_opens_manual_and_about(qtbot, dctx, monkeypatch):
    from desktop.dialogs import about_dialog, manual_dialog

    opened = []
    monkeypatch.setattr(about_dialog.AboutDialog, "show_for", classmethod(lambda cls, db, parent: opened.append(("about", db))))
    monkeypatch.setattr(manual_dialog.ManualDialog, "show_manual", classmethod(lambda cls, parent: opened.append(("manual", parent)) or object()))
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    assert window.manual_action.shortcut().toString() == "F1"
    window.manual_action.trigger()
    window.about_action.trigger()
    assert opened == [("manual", window), ("about", dctx.service.db)]


def test_shell_shows_backup_status_and_server_mode_asks_for_the_password(qtbot, dctx, monkeypatch):
    from desktop.app import Shell, choose_database
    from desktop.dialogs import server_settings_dialog
    from desktop.widgets.backup_status import BackupStatus

    shell = Shell(dctx)
    qtbot.addWidget(shell.window)
    assert shell.window.statusBar().findChild(BackupStatus) is not None
    monkeypatch.delenv("RESERVE_KEEPER_DB", raising=False)
    monkeypatch.setattr(server_settings_dialog, "saved_server_url", lambda: "postgresql+psycopg://rk@server/rk")
    monkeypatch.setattr(server_settings_dialog.ServerSettingsDialog, "ask",
                        classmethod(lambda cls, parent=None: "postgresql+psycopg://rk:secret@server/rk"))
    assert choose_database(None) == "postgresql+psycopg://rk:secret@server/rk"
    assert choose_database("/tmp/explicit.db") == "/tmp/explicit.db"  # --db always wins
