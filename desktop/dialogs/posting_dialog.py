"""The common ending of every dialog that posts a ledger document (入库, 出库, 盘点, 调拨).

Each of them checks what was entered, asks the keeper to confirm (a posting can only be reversed,
never edited), posts off the UI thread and, on a refusal, keeps the dialog open with the reason shown
both in the dialog and in a message box. Written once here so the four cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop.context import DesktopContext
from desktop.interaction import interaction
from models.errors import DomainError
from models.services import ledger

RequestT = TypeVar("RequestT")


class PostingDialog(QDialog, Generic[RequestT]):
    """A dialog that collects a request and posts it when the keeper confirms.

    Subclasses provide ``values()`` (raising ``DomainError`` on bad input), ``confirm_texts()``,
    ``post_request()`` and a ``general_error`` label; ``ask()`` shows the dialog without posting
    (a dispatch order or a test collects the request and posts it itself)."""

    general_error: QLabel

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, post_on_accept: bool = True) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.post_on_accept = post_on_accept
        self.posted: ledger.PostedDocument | None = None
        self.request: RequestT | None = None

    # what each dialog says and does ------------------------------------------------------------
    def values(self) -> RequestT:
        raise NotImplementedError

    def confirm_texts(self, request: RequestT) -> tuple[str, str, str]:
        """(title of the confirmation, its question, title of the refusal message), translated."""
        raise NotImplementedError

    def post_request(self, request: RequestT) -> ledger.PostedDocument:
        raise NotImplementedError

    def after_refusal(self) -> None:
        """Called when the service refused the posting (e.g. to refresh a preview that is now stale)."""

    # the shared ending ---------------------------------------------------------------------------
    def confirm(self) -> None:
        self.general_error.clear()
        try:
            request = self.values()
        except DomainError as exc:
            self.general_error.setText(exc.message)
            return
        title, question, refusal_title = self.confirm_texts(request)
        if not interaction.confirm(self, title, question):
            return
        self.request = request
        if self.post_on_accept:
            try:
                self.posted = self.post_request(request)
            except DomainError as exc:
                self.general_error.setText(exc.message)
                interaction.error(self, refusal_title, exc.message)
                self.after_refusal()
                return
        self.accept()

    @classmethod
    def ask(cls, dctx: DesktopContext, parent: QWidget | None = None, **options: Any) -> Any:
        """Show the dialog and return what was entered (without posting), or None if cancelled."""
        dialog = cls(dctx, parent, post_on_accept=False, **options)
        return dialog.request if dialog.exec() == QDialog.Accepted else None

    @classmethod
    def run(cls, dctx: DesktopContext, parent: QWidget | None = None, **options: Any) -> ledger.PostedDocument | None:
        """Enter, confirm and post; the posted document, or None if the keeper cancelled."""
        dialog = cls(dctx, parent, **options)
        dialog.exec()
        return dialog.posted
