"""Start-up: the application object, font, style and language, the database, then the first-run
wizard or the login, then the main window. ``reserve-keeper`` with no command lands here."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop import i18n, refcount_guard, style
from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.dialogs.login_dialog import LoginDialog
from desktop.interaction import interaction
from desktop.main_window import MainWindow
from models.context import ServiceContext
from models.db import DB_ENV, Database
from models.errors import DomainError
from models.migrate import open_database
from models.services.users import admin_without_password, ensure_admin

if TYPE_CHECKING:  # the wizard is imported when it is shown: once, on the very first start
    from desktop.dialogs.first_run_wizard import SetupResult

log = logging.getLogger(__name__)


def optional(module_name: str) -> ModuleType | None:
    """A module written alongside this shell (backup, logging, server mode...), if it is installed."""
    return importlib.import_module(module_name) if importlib.util.find_spec(module_name) else None


class Cancelled(Exception):
    """The user declined a start-up question: the program ends without opening anything."""


class Shell:
    """Owns the signed-in context and the main window; rebuilds the window when the language changes."""

    def __init__(self, dctx: DesktopContext) -> None:
        self.dctx = dctx
        self.window = self._new_window(daily_backup=True)

    def _new_window(self, *, daily_backup: bool = False) -> MainWindow:
        window = MainWindow(self.dctx)
        window.language_change_requested.connect(self.change_language)
        backup = optional("desktop.widgets.backup_status")
        if backup is not None:  # the daily copy is made once per start, not per language switch
            window.statusBar().addPermanentWidget(backup.BackupStatus(self.dctx, window, daily_backup=daily_backup))
        return window

    def change_language(self, language: str) -> None:
        i18n.install_language(language)
        old = self.window
        old.save_layout()
        self.window = self._new_window()
        self.window.show()
        old.close()
        old.deleteLater()


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the bundled font, the style and the saved language."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["reserve-keeper", *(argv or [])])
    QCoreApplication.setOrganizationName(app_settings.ORGANIZATION)
    QCoreApplication.setApplicationName(app_settings.APPLICATION)
    i18n.install_language(app_settings.current().get(app_settings.LANGUAGE))
    style.apply(app)
    app.setWindowIcon(style.icon("app"))  # every window and dialog, and the taskbar
    if app.findChild(QTimer, "refcount_guard") is None:
        refcount_guard.start(app)  # PySide6 6.12 / Python 3.11 wears None and True down
    return app


def setup_diagnostics() -> None:
    """The log file and the handler that turns an unexpected error into a calm message."""
    logging_setup = optional("desktop.logging_setup")
    if logging_setup is not None:
        logging_setup.setup_logging()
    else:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    error_handler = optional("desktop.error_handler")
    if error_handler is not None:
        error_handler.install(error_handler.active_window)


def teardown_diagnostics() -> None:
    error_handler = optional("desktop.error_handler")
    if error_handler is not None:
        error_handler.uninstall()


def choose_database(db: str | None) -> str | None:
    """``--db`` or the environment if given; else the shared server (asking its password) if one is
    set up; else the local file in the data folder (asked once, on the very first start)."""
    explicit = db or os.environ.get(DB_ENV)
    server = optional("desktop.dialogs.server_settings_dialog")
    if not explicit and server is not None and server.saved_server_url():
        url = server.ServerSettingsDialog.ask()
        if url is None:
            raise Cancelled
        if url:
            return url
    folders = optional("desktop.dialogs.data_folder_dialog")
    if folders is None:
        return db
    try:
        return folders.database_to_open(db)
    except folders.Cancelled:
        raise Cancelled from None


def sign_in(db: Database, parent: QWidget | None = None) -> tuple[ServiceContext, SetupResult | None] | None:
    """First start: the wizard; later starts: the login dialog. None if the user cancelled."""
    ensure_admin(db, None)
    if admin_without_password(db) is not None:
        from desktop.dialogs.first_run_wizard import FirstRunWizard

        result = FirstRunWizard.run(db, parent)
        return (result.ctx, result) if result is not None else None
    actor = LoginDialog.run(db, parent)
    return (ServiceContext(db, actor), None) if actor is not None else None


def after_setup(window: MainWindow, setup: SetupResult | None) -> None:
    """Say what the wizard did; for "import a workbook", open the import screen if there is one."""
    if setup is None:
        return
    from desktop.dialogs.first_run_wizard import START_IMPORT

    if setup.start == START_IMPORT:
        for key in ("import", "import_export", "excel_import", "imports"):
            if window.has_view(key):
                window.show_view(key)
                break
        else:
            if not setup.message:
                setup.message = QCoreApplication.translate(
                    "app", "导入界面尚未提供，请使用命令行 reserve-keeper import 导入台账。")
    if setup.message:
        interaction.information(window, QCoreApplication.translate("app", "设置完成"), setup.message)


def start(db: Database) -> Shell | None:
    signed_in = sign_in(db)
    if signed_in is None:
        return None
    ctx, setup = signed_in
    shell = Shell(DesktopContext(ctx))
    shell.window.show()
    after_setup(shell.window, setup)
    return shell


def main(argv: list[str] | None = None, db: str | None = None) -> int:
    app = create_application(argv)
    setup_diagnostics()
    try:
        try:
            database = open_database(choose_database(db))
        except Cancelled:
            return 0
        except DomainError as error:
            interaction.error(None, QCoreApplication.translate("app", "无法打开数据库"), error.message)
            return 2
        try:
            shell = start(database)
            if shell is None:
                return 0
            return app.exec()
        finally:
            database.dispose()
    finally:
        teardown_diagnostics()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
