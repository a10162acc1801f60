"""``reserve-keeper --self-test``: prove an installed program (or a bundle) works, without a display.

Opens a temporary SQLite database, runs every migration, posts one receipt through the services,
renders its 入库单 PDF with the bundled font, and checks that the automatically discovered modules
(commands, schema, demo parts, desktop views) and the bundled data files are all there. Prints one
line per check and returns 0 only if every check passed. Never imports Qt, so it runs on a build
machine with no screen.
"""

from __future__ import annotations

import datetime as dt
import pkgutil
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

PDF_MAGIC = b"%PDF-"


def _say(text: str) -> None:
    # a windowed Windows bundle has no stdout at all
    stream = sys.stdout or sys.stderr
    if stream is not None:
        try:
            stream.write(text + "\n")
            stream.flush()
        except (OSError, UnicodeEncodeError):
            pass


def _is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def check_modules() -> str:
    """The packages found with pkgutil.iter_modules must list their modules (also when frozen)."""
    import desktop.views
    import models.commands
    import models.demo
    import models.schema
    from models.commands import command_modules
    from models.schema.base import Base

    commands = [module.__name__.rsplit(".", 1)[-1] for module in command_modules()]
    required = {"init_cmd", "demo_cmd", "stock_cmd", "verify_cmd"}
    if not required <= set(commands):
        raise AssertionError(f"commands missing: {sorted(required - set(commands))} (found {commands})")
    tables = set(Base.metadata.tables)
    if not {"movements", "documents", "batches", "balances"} <= tables:
        raise AssertionError(f"schema incomplete: {sorted(tables)}")
    demo_parts = [m.name for m in pkgutil.iter_modules(models.demo.__path__) if m.name.startswith("extra_")]
    views = [m.name for m in pkgutil.iter_modules(desktop.views.__path__) if m.name != "registry"]
    if not demo_parts or not views:
        raise AssertionError(f"module discovery found demo parts {demo_parts} and views {views}")
    return f"{len(commands)} commands, {len(tables)} tables, {len(demo_parts)} demo parts, {len(views)} views"


def check_resources() -> str:
    """Fonts, icons and migrations ship with the program; a bundle also carries the compiled .qm."""
    import migrations
    import resources

    base = Path(resources.__file__).parent
    font = base / "fonts" / "wqy-microhei.ttc"
    if not font.is_file() or font.stat().st_size < 1_000_000:
        raise AssertionError(f"bundled font missing: {font}")
    icons = list((base / "icons").glob("*.svg"))
    if not icons:
        raise AssertionError(f"no icons in {base / 'icons'}")
    revisions = list((Path(migrations.__file__).parent / "versions").glob("*.py"))
    if not revisions:
        raise AssertionError("no Alembic revisions found")
    found = f"font, {len(icons)} icons, {len(revisions)} migration files"
    if _is_frozen():
        qm = list((base / "translations").glob("*.qm"))
        if not qm:
            raise AssertionError("the bundle has no compiled translations (.qm)")
        found += f", {len(qm)} translations"
    return found


def check_database_and_pdf(folder: Path) -> str:
    """Create and migrate a database, post one receipt, print its 入库单."""
    from models.context import ServiceContext
    from models.documents.document_pdf import print_document
    from models.migrate import current_revisions, head_revisions, open_database
    from models.services.catalog import ItemInput, create_item, install_starter_tree
    from models.services.receiving import ReceiptLine, receive
    from models.services.users import admin_without_password, ensure_admin
    from models.services.warehouses import StoreInput, create_area, create_store

    db = open_database(str(folder / "selftest.db"))
    try:
        if current_revisions(db) != head_revisions():
            raise AssertionError("the migrations did not reach every head")
        ensure_admin(db, None)
        ctx = ServiceContext(db, admin_without_password(db), today=lambda: dt.date(2026, 6, 1))
        with ctx.write() as session:
            install_starter_tree(session)
        create_area(ctx, "320101", "自检县", "county")
        create_store(ctx, StoreInput("C001", "县应急物资储备库", "county", "320101"))
        create_item(ctx, ItemInput("ZP12", "救灾帐篷", "顶", category_code="10101", unit_price=2800))
        posted = receive(ctx, "C001", [ReceiptLine("ZP12", "10", batch_no="SELFTEST")], supplier="自检")
        pdf = print_document(ctx, posted.number, folder / "receipt.pdf")
        data = pdf.read_bytes()
        if not data.startswith(PDF_MAGIC) or b"FontFile2" not in data:
            raise AssertionError(f"{pdf} is not a PDF with an embedded font")
        return f"receipt {posted.number} posted, PDF {len(data):,} bytes"
    finally:
        db.dispose()


def run() -> int:
    from models import __version__

    _say(f"ReserveKeeper {__version__} self-test ({'bundle' if _is_frozen() else 'source'}, "
         f"Python {sys.version.split()[0]})")
    folder = Path(tempfile.mkdtemp(prefix="rk-selftest-"))
    checks: list[tuple[str, Callable[[], str]]] = [
        ("modules", check_modules),
        ("resources", check_resources),
        ("database+pdf", lambda: check_database_and_pdf(folder)),
    ]
    failed = 0
    try:
        for name, check in checks:
            try:
                _say(f"ok   {name}: {check()}")
            except Exception as exc:  # report every failing check, not only the first
                failed += 1
                _say(f"FAIL {name}: {exc.__class__.__name__}: {exc}")
                _say(traceback.format_exc())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    _say("self-test passed" if not failed else f"self-test FAILED ({failed} of {len(checks)} checks)")
    return 0 if not failed else 1
