"""The daily screens inside the main window: the actions open the dialogs, a double-click in the
ledger opens the document in the documents view."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.views.documents_view import DocumentsView
from desktop.views.ledger_view import LedgerView
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS

pytestmark = OFFSCREEN_LIMITS


def test_ledger_double_click_opens_the_document(qtbot, dctx, answers):
    receive(dctx.service, "C001", [ReceiptLine("BAG", 100)])
    issue(dctx.service, "C001", [IssueLine("BAG", 40)], receiver="城关镇")
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    assert window.show_view("ledger")
    ledger = window.view("ledger")
    assert isinstance(ledger, LedgerView)
    row = next(r for r in range(ledger.model.rowCount()) if ledger.model.row_at(r).document_number.startswith("RK"))
    ledger.table.doubleClicked.emit(ledger.model.index(row, 0))
    documents = window.view("documents")
    assert isinstance(documents, DocumentsView) and window.current_key == "documents"
    assert documents.detail.summary.number == "RK-C001-2026-0001"


def test_actions_open_the_daily_dialogs(qtbot, dctx, answers):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    opened = []

    def close_when_open():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_when_open)
            return
        opened.append(type(dialog).__name__)
        dialog.reject()

    for key in ("receipt", "issue", "transfer", "stocktake"):
        QTimer.singleShot(0, close_when_open)
        assert window.run_document_dialog(key) is None  # cancelled: nothing posted
    assert opened == ["ReceiptDialog", "IssueDialog", "TransferDialog", "StocktakeDialog"]
