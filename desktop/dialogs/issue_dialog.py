"""出库单 dialog: the receiver, then lines; each line shows the earliest-expiry batches it will take
(``issuing.preview_issue``) and the keeper may pick another batch. Posted only after confirming;
if the service refuses (not enough usable stock), the message is shown and nothing changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.context import DOCUMENTS, STOCK, DesktopContext
from desktop.dialogs.document_lines_widget import (FieldBox, load_items, no_default_buttons, postable_stores, run_busy,
                                                    store_combo)
from desktop.dialogs.outbound_lines import OutboundLinesEditor
from desktop.dialogs.posting_dialog import PostingDialog
from desktop.interaction import interaction
from models.errors import ValidationError
from models.services import ledger
from models.services.issuing import IssueLine, issue
from models.validation import check_text, parse_date


@dataclass
class IssueRequest:
    store_code: str
    receiver: str
    lines: list[IssueLine] = field(default_factory=list)
    purpose: str = ""
    reference: str = ""
    doc_date: dt.date | None = None


def post(dctx: DesktopContext, request: IssueRequest, parent: QWidget | None = None) -> ledger.PostedDocument:
    result = run_busy(parent, QCoreApplication.translate("IssueDialog", "正在保存出库单…"), issue, dctx.service,
                      request.store_code, request.lines, receiver=request.receiver, purpose=request.purpose,
                      reference=request.reference, doc_date=request.doc_date)
    dctx.notify(STOCK, DOCUMENTS)
    return result


class IssueDialog(PostingDialog[IssueRequest]):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, post_on_accept: bool = True) -> None:
        super().__init__(dctx, parent, post_on_accept=post_on_accept)
        self.setWindowTitle(self.tr("出库单"))
        self.resize(900, 640)
        ctx = dctx.service
        self.store = store_combo(postable_stores(ctx), dctx.current_store_code, self)
        self.receiver = QLineEdit(self)
        self.receiver_box = FieldBox(self.receiver)
        self.purpose = QLineEdit(self)
        self.reference = QLineEdit(self)
        self.doc_date = QLineEdit(ctx.today().isoformat(), self)
        self.doc_date_box = FieldBox(self.doc_date)
        form = QFormLayout()
        form.addRow(self.tr("出库储备库"), self.store)
        form.addRow(self.tr("领用单位"), self.receiver_box)
        form.addRow(self.tr("用途"), self.purpose)
        form.addRow(self.tr("依据文号"), self.reference)
        form.addRow(self.tr("出库日期"), self.doc_date_box)
        self.editor = OutboundLinesEditor(ctx, load_items(ctx), self)
        self.editor.set_store(self.store.currentData())
        self.store.currentIndexChanged.connect(self._store_changed)
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "error")
        self.general_error.setStyleSheet("color: #b3261e;")
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(self.tr("确认出库"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.receiver.textChanged.connect(lambda _t: self._check_receiver())
        self.doc_date.textChanged.connect(lambda _t: self._check_date())
        self.editor.lines_changed.connect(self._lines_changed)
        self._lines_changed()
        no_default_buttons(self)
        self.receiver.setFocus(Qt.OtherFocusReason)

    def _store_changed(self) -> None:
        if self.editor.lines and not interaction.confirm(
                self, self.tr("更换储备库"), self.tr("更换储备库将清空已录入的清单，继续吗？")):
            return
        self.editor.clear_lines()
        self.editor.set_store(self.store.currentData())

    def _lines_changed(self) -> None:
        self.confirm_button.setEnabled(bool(self.editor.lines))

    def _check_receiver(self) -> bool:
        try:
            check_text(self.receiver.text(), "领用单位", max_length=300, required=True)
            self.receiver_box.set_error(None)
            return True
        except ValidationError as exc:
            self.receiver_box.set_error(exc.message)
            return False

    def _check_date(self) -> bool:
        try:
            parse_date(self.doc_date.text(), "出库日期")
            self.doc_date_box.set_error(None)
            return True
        except ValidationError as exc:
            self.doc_date_box.set_error(exc.message)
            return False

    def values(self) -> IssueRequest:
        if not (self._check_receiver() & self._check_date()):
            raise ValidationError(self.tr("请先改正上面标红的项目。"))
        if not self.editor.lines:
            raise ValidationError(self.tr("出库清单是空的，请先添加至少一行物资。"))
        if self.store.currentData() is None:
            raise ValidationError(self.tr("您没有可以记账的储备库，请联系管理员分配。"))
        return IssueRequest(self.store.currentData(), self.receiver.text(), list(self.editor.lines),
                            purpose=self.purpose.text(), reference=self.reference.text(),
                            doc_date=parse_date(self.doc_date.text()))

    def confirm_texts(self, request: IssueRequest) -> tuple[str, str, str]:
        question = self.tr("从“%1”出库 %2 行物资给“%3”？确认后将记入台账。").replace(
            "%1", self.store.currentText()).replace("%2", str(len(request.lines))).replace("%3", request.receiver)
        return self.tr("确认出库"), question, self.tr("未能出库")

    def post_request(self, request: IssueRequest) -> ledger.PostedDocument:
        return post(self.dctx, request, self)

    def after_refusal(self) -> None:
        self.editor.update_preview()  # the stock the preview showed has changed


def run(dctx: DesktopContext, parent: QWidget | None = None) -> ledger.PostedDocument | None:
    """The 出库 action (Ctrl+I)."""
    return IssueDialog.run(dctx, parent)
