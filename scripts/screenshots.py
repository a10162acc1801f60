"""Render every main view, and the start-up dialogs, with the demo county to PNG files.

    python scripts/screenshots.py OUTPUT_FOLDER [--db PATH] [--language zh_CN|en] [--size 1366x820]

Runs offscreen (no display needed). Builds a fresh demo database in a temporary folder unless
``--db`` names an existing one. Nothing it writes is committed: run it again to regenerate.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_demo(path: Path):
    from models.context import ServiceContext
    from models.demo import load_demo
    from models.migrate import open_database
    from models.services.users import admin_without_password, ensure_admin

    db = open_database(str(path))
    ensure_admin(db, None)
    actor = admin_without_password(db)
    if actor is None:
        raise SystemExit(f"{path} already has an administrator password; give an empty or demo database")
    started = time.perf_counter()
    load_demo(ServiceContext(db, actor))
    print(f"demo database built in {time.perf_counter() - started:.1f} s: {path}")
    return db, actor


def open_existing(path: Path):
    from models.migrate import open_database
    from models.services.users import actor_for
    from models.schema.users import User
    from sqlalchemy import select

    db = open_database(str(path))
    with db.read() as session:
        actor = actor_for(session.scalar(select(User).where(User.username == "admin")))
    return db, actor


def settle(app, rounds: int = 5) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(10_000)  # figures counted on pool threads (home, stock totals)
        app.processEvents()
        time.sleep(0.02)


def stage(view, key: str, scratch: Path) -> None:
    """Show a screen as the manual describes it in use: an order or agreement picked (its buttons
    enabled), the import screen after 检查 of a workbook with two mistakes."""
    if key in ("dispatch", "agreements", "documents") and view.table.model().rowCount():
        view.table.selectRow(0)
    if key == "import":
        import openpyxl

        from models.documents.excel_template import write_template

        workbook_path = write_template(scratch / "原台账.xlsx")
        workbook = openpyxl.load_workbook(workbook_path)
        workbook["库存"].append(["360999", "FBM1", "20260501", "2026-05-01", None, "五十", 45, "县粮油公司", "A-01"])
        workbook["库存"].append(["360999", "FBM9", "20260502", "2026-05-02", None, 20, 45, "县粮油公司", "A-01"])
        workbook["库存"].append(["360999", "KQS1", "20260503", "2026-05-03", None, 100, 30, "县粮油公司", "A-02"])
        workbook.save(workbook_path)
        view.open_file(workbook_path)
        view.tabs.setCurrentIndex(max(0, next((i for i in range(view.tabs.count()) if view.tabs.tabText(i) == "库存"), 0)))
        view.check()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--db", type=Path, help="an existing demo database (default: build one)")
    parser.add_argument("--language", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--size", default="1366x820")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    args.output.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings

    from desktop import settings as app_settings

    scratch = Path(tempfile.mkdtemp(prefix="rk-shots-"))
    # a throwaway settings file: screenshots never depend on (or change) the user's layout
    app_settings.install(app_settings.Settings(QSettings(str(scratch / "settings.ini"), QSettings.IniFormat)))
    app_settings.current().set(app_settings.LANGUAGE, args.language)

    from desktop import i18n
    from desktop.app import create_application

    i18n.compile_translations()
    app = create_application([])

    from models.context import ServiceContext

    db, actor = open_existing(args.db) if args.db else build_demo(scratch / "demo.db")

    from desktop.context import DesktopContext
    from desktop.dialogs.first_run_wizard import FirstRunWizard
    from desktop.dialogs.login_dialog import LoginDialog

    login = LoginDialog(db)
    login.show()
    settle(app)
    login.grab().save(str(args.output / "00_login.png"))
    login.close()

    from desktop.dialogs.data_folder_dialog import DataFolderDialog

    # the first question of a first start, with the default folder as a Windows PC shows it
    folder_dialog = DataFolderDialog(Path(r"C:\Users\keeper\AppData\Local\ReserveKeeper"))
    folder_dialog.show()
    settle(app)
    folder_dialog.grab().save(str(args.output / "03_data_folder.png"))
    folder_dialog.close()

    empty = scratch / "empty.db"
    from models.migrate import open_database
    from models.services.users import ensure_admin

    empty_db = open_database(str(empty))
    ensure_admin(empty_db, None)
    wizard = FirstRunWizard(empty_db)
    wizard.show()
    settle(app)
    wizard.county_page.name.setText("临江县")
    wizard.county_page.code.setText("360999")
    wizard.grab().save(str(args.output / "01_wizard_county.png"))
    wizard.next()
    wizard.next()
    settle(app)
    wizard.grab().save(str(args.output / "02_wizard_start.png"))
    wizard.close()

    from desktop.app import Shell

    # the window as the program opens it, with the backup status in the status bar
    window = Shell(DesktopContext(ServiceContext(db, actor))).window
    window.resize(width, height)
    window.show()
    settle(app)
    for number, spec in enumerate(window.specs, start=10):
        window.show_view(spec.key)
        stage(window.view(spec.key), spec.key, scratch)
        settle(app, 10)
        target = args.output / f"{number}_{spec.key}.png"
        window.grab().save(str(target))
        print(target)
    from desktop.dialogs.item_dialog import ItemDialog
    from desktop.dialogs.store_dialog import StoreDialog

    item_dialog = ItemDialog(window.dctx, None, window, category_code="10101")
    item_dialog.show()
    item_dialog.code.setText("ZP 36")  # a space: the message appears under the field
    item_dialog.name.setText("36㎡ 棉帐篷")
    item_dialog.shelf_life.setText("十二")
    settle(app)
    item_dialog.grab().save(str(args.output / "80_item_dialog_errors.png"))
    item_dialog.close()
    store_dialog = StoreDialog(window.dctx, None, window)
    store_dialog.show()
    settle(app)
    store_dialog.grab().save(str(args.output / "81_store_dialog.png"))
    store_dialog.close()
    window.dctx.select_store(next(iter(window.navigation.stores.store_names()), None))
    window.show_view("stock")
    settle(app)
    window.grab().save(str(args.output / "90_stock_one_store.png"))
    window.close()
    # Delete every window while the application still exists: left to the interpreter's exit, Qt
    # objects were torn down in any order and the script aborted now and then ("shared QObject was
    # deleted directly"), after all the pictures were written but with a failing exit status.
    from PySide6.QtCore import QThreadPool
    from shiboken6 import Shiboken

    QThreadPool.globalInstance().waitForDone()
    for widget in (item_dialog, store_dialog, window, wizard, folder_dialog, login):
        if Shiboken.isValid(widget):
            Shiboken.delete(widget)
    app.processEvents()
    db.dispose()
    empty_db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
