"""English is a complete second translation: with the English catalogue installed and data that is
all English, no program text on any screen or dialog is Chinese.

The data (stores, items, people, agreement, dispatch orders) is English; only the seeded category
tree and its names are Chinese data, so they are removed from a text before it is checked. Table
cells are data and not collected; headers, labels, buttons, actions, menus, tooltips, titles, tabs,
placeholders and the items of static choice combos are.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QTableView, QTreeView, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QMainWindow, QMenu, QPlainTextEdit, QTabWidget, QTextEdit, QWidget)

from desktop import i18n
from desktop.context import DesktopContext
from models.context import ServiceContext
from models.services import dispatch
from models.services.agreements import AgreementInput, EnterpriseInput, LineInput, activate_agreement, create_agreement
from models.services.catalog import ItemInput, create_item, install_starter_tree, list_categories
from models.services.receiving import ReceiptLine, receive
from models.services.scrap_approval import request_scrap
from models.services.scrapping import ScrapLine
from models.services.stocktake import CountLine, post_stocktake
from models.services.users import add_user
from models.services.warehouses import StoreInput, create_area, create_store

# Chinese characters, and the full-width punctuation that only Chinese sentences use (、。（），：；)
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3001\u3002\uff08\uff09\uff0c\uff1a\uff1b]")

# Units of measure typed by keepers are data; the item dialog offers the usual Chinese ones as
# suggestions in its editable unit combo (a data list, not program text).
UNIT_SUGGESTIONS = set("顶床件张个台套条把根箱瓶袋")


@pytest.fixture
def english_county(admin):
    """A county whose every name is English, with stock good, due for rotation and expired."""
    with admin.write() as session:
        install_starter_tree(session)
    create_area(admin, "990101", "Riverside County", "county")
    create_area(admin, "990101001", "North Town", "township", "990101")
    create_store(admin, StoreInput("N001", "North Store", "county", "990101", address="1 River Road",
                                   keeper_name="Tom Keeper", keeper_phone="13800000009"))
    create_store(admin, StoreInput("T001", "Town Store", "township", "990101001"))
    create_item(admin, ItemInput("TENT", "Tent", "pc", spec="12 m2", category_code="10101", returnable=True,
                                 unit_price=2800))
    create_item(admin, ItemInput("WATER", "Water", "bottle", spec="550 ml", category_code="10501",
                                 shelf_life_months=24))
    receive(admin, "N001", [
        ReceiptLine("TENT", 30, batch_no="T-1"),
        ReceiptLine("WATER", 100, batch_no="W-GOOD", expiry_date="2027-06-30"),
        ReceiptLine("WATER", 20, batch_no="W-SOON", expiry_date="2026-07-01"),
        ReceiptLine("WATER", 50, batch_no="W-OLD", expiry_date="2026-05-01"),
    ], supplier="Acme Supplies")
    receive(admin, "T001", [ReceiptLine("TENT", 5, batch_no="T-2")], supplier="Acme Supplies")
    post_stocktake(admin, "T001", [CountLine("TENT", "T-2", 4)], reason="One tent lost in the flood")
    request_scrap(admin, "N001", [ScrapLine("WATER", "W-OLD", 10)], reason_kind="expired", reason="Expired")
    create_agreement(admin, AgreementInput(
        "AG-1", EnterpriseInput("Acme Supermarkets Ltd", "91320101MA1XYW001D", "2 Market Street", "Ann Lee",
                                "13900000001", "Food and water"),
        "physical", "2026-01-01", "2026-12-31", [LineInput("WATER", 1000, 800)],
        storage_place="Warehouse 2", response_hours=6, annual_fee=40000))
    activate_agreement(admin, "AG-1")
    orders = []
    for number in range(3):
        orders.append(dispatch.create_request(admin, dispatch.DispatchRequest(
            requesting_unit="North Town Government", receiving_unit="North School Shelter", place="North School",
            requesting_area_code="990101001", reason="June flood", emergency=number == 2,
            lines=[dispatch.DispatchLineInput("TENT", 2)], due_back_date=dt.date(2026, 6, 10))).number)
    dispatch.approve(admin, orders[1])
    dispatch.approve(admin, orders[2])
    dispatch.issue(admin, orders[2])
    add_user(admin, "tom", "keeper", display_name="Tom Keeper", store_codes=["N001"])
    return orders


@pytest.fixture
def english(qapp):
    i18n.compile_translations()
    i18n.install_language("en")
    yield
    i18n.install_language("zh_CN")


def _data_words(ctx: ServiceContext) -> list[str]:
    """Chinese words that are DATA in this database, removed from a text before it is checked."""
    from sqlalchemy import select

    from models.schema.audit import AuditEntry
    from models.schema.documents import Document, DocumentLine
    from models.schema.users import User
    from models.services.standard_defaults import DEFAULT_STANDARDS
    from models.services.standards import list_standards

    words = {category.name for category in list_categories(ctx)}  # the seeded category tree
    # The built-in national/Sphere standards and their needs are named in the standards' language.
    for standard in [*list_standards(ctx), *DEFAULT_STANDARDS]:
        words.add(standard.name)
        words.update(need.name for need in standard.needs)
        words.update(need.unit for need in standard.needs)
    with ctx.read() as session:  # the built-in administrator's display name (管理员) is a user record
        words.update(user.display_name for user in session.query(User))
    # Records written at the time, in the office's language, and shown as they were written: audit
    # summaries, a document's purpose/reason/remarks (调拨单 DB-…, 过期：…) and its lines' remarks.
    with ctx.read() as session:
        for column in (AuditEntry.summary, Document.purpose, Document.reason, Document.remarks, DocumentLine.remarks):
            words.update(text for text in session.scalars(select(column)) if text)
    words.update(UNIT_SUGGESTIONS)
    # The language menu names each language in that language, so a Chinese user can find Chinese.
    words.update({"中文（简体）", "语言"})
    return sorted((word for word in words if word), key=len, reverse=True)


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """Program text shown by ``widget`` and its visible descendants: (where, text)."""
    found: list[tuple[str, str]] = []
    widgets = [widget, *widget.findChildren(QWidget)]
    for w in widgets:
        if w is not widget and not w.isVisibleTo(widget) and not isinstance(w, QMenu):
            continue
        name = type(w).__name__
        if w.isWindow():
            found.append((f"{name} title", w.windowTitle()))
        found.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            found.append((f"{name} text", w.text()))
        elif isinstance(w, QAbstractButton):
            found.append((f"{name} text", w.text()))
        elif isinstance(w, QGroupBox):
            found.append((f"{name} title", w.title()))
        elif isinstance(w, QLineEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QTabWidget):
            found += [(f"{name} tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox) and not w.isEditable():
            found += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            found += [(f"{name} header", str(model.headerData(c, Qt.Horizontal) or ""))
                      for c in range(model.columnCount(QModelIndex()))]
            # cells too: with English data, what is left after removing data words is program text
            found += [(f"{name} cell", str(model.index(r, c).data(role) or ""))
                      for r in range(min(model.rowCount(), 30)) for c in range(model.columnCount(QModelIndex()))
                      for role in (Qt.DisplayRole, Qt.ToolTipRole)]
        for action in w.actions():
            found += [("action", action.text()), ("action tooltip", action.toolTip())]
            if action.menu() is not None:
                found += [("menu action", a.text()) for a in action.menu().actions()]
    return found


def _chinese(texts, data_words) -> list[str]:
    bad = []
    for where, text in texts:
        stripped = text
        for word in data_words:
            stripped = stripped.replace(word, "")
        if CJK.search(stripped):
            bad.append(f"{where}: {text}")
    return sorted(set(bad))


def test_every_screen_and_dialog_is_english(qtbot, admin, english_county, english, tmp_path):
    from desktop.dialogs.about_dialog import AboutDialog
    from desktop.dialogs.data_folder_dialog import DataFolderDialog
    from desktop.dialogs.dispatch_dialog import DispatchRequestDialog, ReceiptDialog as SignDialog, ReturnDialog, SourcesDialog
    from desktop.dialogs.first_run_wizard import FirstRunWizard
    from desktop.dialogs.issue_dialog import IssueDialog
    from desktop.dialogs.item_dialog import ItemDialog
    from desktop.dialogs.login_dialog import LoginDialog
    from desktop.dialogs.password_dialog import PasswordDialog
    from desktop.dialogs.receipt_dialog import ReceiptDialog
    from desktop.dialogs.rotation_dialogs import InspectionDialog, ReplacementDialog, RotateOutDialog, ScrapRequestDialog
    from desktop.dialogs.server_settings_dialog import ServerSettingsDialog
    from desktop.dialogs.stocktake_dialog import StocktakeDialog
    from desktop.dialogs.store_dialog import AreaDialog, StoreDialog
    from desktop.dialogs.transfer_dialog import TransferDialog
    from desktop.main_window import MainWindow
    from desktop.dialogs.agreement_dialogs import AgreementDialog, CallUpDialog, CheckDialog
    from desktop.views.catalog_view import CategoryDialog
    from desktop.views.standards_view import NeedDialog
    from desktop.views.users_view import UserDialog
    from models.migrate import open_database
    from models.services.agreements import agreement_detail
    from models.services.users import ensure_admin

    dctx = DesktopContext(admin)
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    window.resize(1366, 820)
    window.show()
    collected: dict[str, list[tuple[str, str]]] = {}  # checked at the end: showing views writes audit entries

    def check(name: str, widget: QWidget) -> None:
        texts = _texts(widget)
        for tabs in widget.findChildren(QTabWidget):  # every page of a tabbed dialog or view
            if tabs.isVisibleTo(widget):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    texts += _texts(tabs.widget(index))
        collected.setdefault(name, []).extend(texts)

    shell = [("menu", a.text()) for a in window.menuBar().actions()]
    for menu in window.findChildren(QMenu):
        shell += [("menu action", a.text()) for a in menu.actions()]
        shell += [("menu action tooltip", a.toolTip()) for a in menu.actions()]
    collected["menus"] = shell
    check("main window", window)
    window.dctx.select_store("N001")  # the status bar names the chosen store
    assert window.store_label.text() == "Store: North Store (N001)"
    check("main window, one store", window)
    window.dctx.select_store(None)
    for spec in window.specs:
        window.show_view(spec.key)
        qtbot.wait(50)
        view = window.views[spec.key]
        check(f"view {spec.key}", view)
        for action in view.findChildren(QAction):  # context-menu actions of the view's tables
            collected[f"view {spec.key}"] += [("context action", action.text()), ("context tooltip", action.toolTip())]

    order = dispatch.order_view(admin, english_county[2])
    detail = agreement_detail(admin, "AG-1")
    empty_db = open_database(str(tmp_path / "empty.db"))
    ensure_admin(empty_db, None)
    dialogs = {
        "receipt": lambda: ReceiptDialog(dctx, window),
        "issue": lambda: IssueDialog(dctx, window),
        "transfer": lambda: TransferDialog(dctx, window),
        "stocktake": lambda: StocktakeDialog(dctx, window),
        "dispatch request": lambda: DispatchRequestDialog(dctx, window),
        "dispatch sign": lambda: SignDialog(dctx, order, window),
        "dispatch return": lambda: ReturnDialog(dctx, order, window),
        "dispatch sources": lambda: SourcesDialog(dctx, dispatch.order_view(admin, english_county[0]), window),
        "agreement": lambda: AgreementDialog(dctx, None, window),
        "agreement edit": lambda: AgreementDialog(dctx, "AG-1", window),
        "agreement check": lambda: CheckDialog(dctx, detail, window),
        "agreement call-up": lambda: CallUpDialog(dctx, detail, window),
        "item": lambda: ItemDialog(dctx, None, window, category_code="10101"),
        "store": lambda: StoreDialog(dctx, None, window),
        "area": lambda: AreaDialog(dctx, "990101", window),
        "category": lambda: CategoryDialog(dctx, "101", window),
        "rotate out": lambda: RotateOutDialog("Water W-SOON", "20 bottle", [("T001", "Town Store")], window),
        "replacement": lambda: ReplacementDialog("Water W-SOON", "20 bottle", dt.date(2026, 6, 1), window),
        "scrap request": lambda: ScrapRequestDialog("Water W-OLD", "50 bottle", True, window),
        "inspection": lambda: InspectionDialog("Water W-GOOD", dt.date(2026, 6, 1), "Tom", True, window),
        "need": lambda: NeedDialog(None, window),
        "user": lambda: UserDialog([("N001", "North Store")], None, window),
        "password": lambda: PasswordDialog(dctx, window),
        "about": lambda: AboutDialog(admin.db, window),
        "server settings": lambda: ServerSettingsDialog(window),
        "data folder": lambda: DataFolderDialog(tmp_path / "data", window),
        "login": lambda: LoginDialog(admin.db),
        "adequacy drill-down": lambda: window.views["adequacy"].show_drill_down(modal=False),
    }
    for name, make in dialogs.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(20)
        check(name, dialog)
        dialog.close()
    wizard = FirstRunWizard(empty_db)
    qtbot.addWidget(wizard)
    wizard.show()
    for page in range(3):
        check(f"first-run wizard page {page + 1}", wizard)
        wizard.county_page.name.setText("Riverside County")
        wizard.county_page.code.setText("990101")
        wizard.next()
    wizard.close()
    empty_db.dispose()
    data_words = _data_words(admin)
    findings = {name: bad for name, texts in collected.items() if (bad := _chinese(texts, data_words))}
    report = "\n".join(f"{name}:\n    " + "\n    ".join(lines) for name, lines in findings.items())
    assert not findings, "Chinese program text on an English screen:\n" + report


def test_messages_composed_by_the_screens_are_english(qtbot, admin, english_county, english, tmp_path):
    """Sentences the desktop builds itself (validation, crash report, quotas, first-run results)."""
    from decimal import Decimal
    from pathlib import Path

    from desktop.dialogs.data_folder_dialog import folder_problem
    from desktop.dialogs.item_dialog import SHELF, ItemDialog
    from desktop.error_handler import short_message
    from desktop.views.standards_view import quota_text
    from models.schema.standards import NeedBasis
    from models.services.standards import NeedInfo

    dialog = ItemDialog(DesktopContext(admin), None, None, category_code="10101")
    qtbot.addWidget(dialog)
    dialog.shelf_life.setText("twelve")
    dialog.price.setText("-3")
    texts = [dialog.form.error_text(SHELF), dialog.form.error_text("单价"), short_message(ValueError("boom")),
             folder_problem(Path(" "))]
    texts += [quota_text(NeedInfo("Water", "L", basis, Decimal(3), 10)) for basis in NeedBasis]
    assert dialog.form.error_text(SHELF).startswith("Shelf life (months) must be a whole number")
    assert texts[-3:] == ["3 L per person per day", "1 L per 3 people", "fixed 3 L"]
    assert _chinese([("message", text) for text in texts], _data_words(admin)) == []


def test_dispatch_workflow_speaks_english(qtbot, admin, english_county, english, answers):
    """An order selected, approved, issued and refused: the detail panel, the preview and every
    message the user reads are English."""
    from desktop.views.dispatch_view import DispatchView

    data_words = _data_words(admin)
    view = DispatchView(DesktopContext(admin))
    qtbot.addWidget(view)
    view.show()
    view.set_filter("all")
    found = []
    for number in english_county:
        assert view.select(number)
        found += _chinese(_texts(view), data_words)
    assert view.select(english_county[0])
    answers.text_answers.append("OK")
    view.approve()  # refused: the town store's tents are reserved by the other orders
    assert view.select(english_county[1])
    assert view.issue() is not None
    found += _chinese(_texts(view), data_words)
    preview = view.print_preview(show=False)
    qtbot.addWidget(preview)
    found += _chinese(_texts(preview), data_words)
    view.select(english_county[2])
    answers.text_answers.append("Duplicate")
    view.cancel()  # refused: the order was issued
    assert answers.messages
    found += _chinese([(kind, f"{title}: {text}") for kind, title, text in answers.messages], data_words)
    assert found == []


def test_lupdate_can_see_every_screen_string():
    """lupdate extracts literals only: no ``tr()`` inside an f-string, no ``other.tr()`` (its context
    is the runtime class, not the one lupdate records), and ``self.tr(variable)`` only in modules
    that mark those words with QT_TRANSLATE_NOOP."""
    import ast
    from pathlib import Path

    import desktop

    problems = []
    for path in sorted(Path(desktop.__file__).parent.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        in_fstring = {id(node) for joined in ast.walk(tree) if isinstance(joined, ast.JoinedStr)
                      for node in ast.walk(joined)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"):
                continue
            where = f"{path.name}:{node.lineno}"
            owner = node.func.value
            if not (isinstance(owner, ast.Name) and owner.id == "self"):
                problems.append(f"{where}: tr() on something other than self")
            elif id(node) in in_fstring and node.args and isinstance(node.args[0], ast.Constant):
                problems.append(f"{where}: tr() of a literal inside an f-string")
            elif node.args and not isinstance(node.args[0], ast.Constant) and "QT_TRANSLATE_NOOP" not in source:
                problems.append(f"{where}: self.tr() of a value nothing marks for translation")
    assert problems == []


@pytest.mark.qt_log_ignore(r"^This plugin does not support")  # the item completer's popup, offscreen
def test_issue_dialog_speaks_english_while_used(qtbot, admin, english_county, english, answers):
    """Typing an item and a quantity shows the planned batches, a too-large quantity its message,
    posting its confirmation: all English."""
    from desktop.dialogs.issue_dialog import IssueDialog

    dialog = IssueDialog(DesktopContext(admin))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.receiver.insert("North School")
    editor = dialog.editor
    qtbot.keyClicks(editor.item, "WATER")
    qtbot.keyClicks(editor.quantity, "500")
    texts = _texts(dialog) + [("quantity error", editor.boxes["quantity"].error_text())]
    assert editor.boxes["quantity"].error_text()
    editor.quantity.clear()
    qtbot.keyClicks(editor.quantity, "25")
    texts += _texts(dialog)
    assert editor.add_line()
    texts += _texts(dialog)
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert dialog.posted is not None
    texts += [(kind, f"{title}: {text}") for kind, title, text in answers.messages]
    assert _chinese(texts, _data_words(admin)) == []


def test_first_run_results_and_refusals_are_english(english, tmp_path):
    from desktop.dialogs.first_run_wizard import START_IMPORT, SetupAnswers, apply_setup
    from models.errors import DomainError
    from models.migrate import open_database
    from models.services.users import ensure_admin

    db = open_database(str(tmp_path / "first.db"))
    try:
        ensure_admin(db, None)
        with pytest.raises(DomainError) as refused:
            apply_setup(db, SetupAnswers("", "990101", "Str0ng-pass!"))
        result = apply_setup(db, SetupAnswers("Riverside County", "990101", "Str0ng-pass!", START_IMPORT))
        with pytest.raises(DomainError) as again:
            apply_setup(db, SetupAnswers("Riverside County", "990101", "Str0ng-pass!"))
    finally:
        db.dispose()
    texts = [refused.value.message, result.message, again.value.message]
    assert "County name" in texts[0] and "No workbook chosen" in texts[1]
    assert _chinese([("message", text) for text in texts], []) == []


def test_every_audited_action_and_object_has_a_label():
    """The audit log shows 操作 and 对象 as words, never as the raw keys services write."""
    from pathlib import Path

    import models
    from models.services.audit_queries import ACTION_LABELS, ENTITY_LABELS

    written = set()
    for path in Path(models.__file__).parent.rglob("*.py"):
        written |= set(re.findall(r'audit\(\s*ctx,\s*session,\s*"(\w+)",\s*"(\w+)"', path.read_text(encoding="utf-8")))
    assert len(written) > 30
    assert sorted(action for action, _ in written if action not in ACTION_LABELS) == []
    assert sorted(entity for _, entity in written if entity not in ENTITY_LABELS) == []
