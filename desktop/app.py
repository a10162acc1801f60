"""Start-up: the application object, font, style and language, the database, then the first-run
wizard or the login, then the main window. ``reserve-keeper`` with no command lands here."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop import i18n, style
from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.dialogs.first_run_wizard import START_IMPORT, FirstRunWizard, SetupResult
from desktop.dialogs.login_dialog import LoginDialog
from desktop.interaction import interaction
from desktop.main_window import MainWindow
from models.context import ServiceContext
from models.db import Database
from models.errors import DomainError
from models.migrate import open_database
from models.services.users import admin_without_password, ensure_admin

log = logging.getLogger(__name__)


class Shell:
    """Owns the signed-in context and the main window; rebuilds the window when the language changes."""

    def __init__(self, dctx: DesktopContext) -> None:
        self.dctx = dctx
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.dctx)
        window.language_change_requested.connect(self.change_language)
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
    return app


def sign_in(db: Database, parent: QWidget | None = None) -> tuple[ServiceContext, SetupResult | None] | None:
    """First start: the wizard; later starts: the login dialog. None if the user cancelled."""
    ensure_admin(db, None)
    if admin_without_password(db) is not None:
        result = FirstRunWizard.run(db, parent)
        return (result.ctx, result) if result is not None else None
    actor = LoginDialog.run(db, parent)
    return (ServiceContext(db, actor), None) if actor is not None else None


def after_setup(window: MainWindow, setup: SetupResult | None) -> None:
    """Say what the wizard did; for "import a workbook", open the import screen if there is one."""
    if setup is None:
        return
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
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_application(argv)
    try:
        database = open_database(db)
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
