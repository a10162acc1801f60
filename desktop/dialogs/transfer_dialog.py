"""调拨 dialog: ship goods from one store to another, or receive a transfer in transit — all of it
or part of it; what has not arrived stays in transit (``transfers.ship_transfer`` /
``receive_transfer`` / ``in_transit``)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import DOCUMENTS, STOCK, DesktopContext
from desktop.dialogs.document_lines_widget import (
    ERROR_STYLE,
    load_items,
    make_table,
    no_default_buttons,
    postable_stores,
    run_busy,
    set_table_rows,
    store_combo,
)
from desktop.dialogs.outbound_lines import OutboundLinesEditor
from desktop.dialogs.posting_dialog import PostingDialog
from desktop.formatting import number_text
from models.errors import ValidationError
from models.services import ledger
from models.services.document_queries import transfer_targets
from models.services.issuing import IssueLine
from models.services.transfers import InTransitLine, in_transit, receive_transfer, ship_transfer
from models.validation import check_text, parse_quantity

SHIP, RECEIVE = "ship", "receive"


@dataclass
class ShipRequest:
    from_store: str
    to_store: str
    lines: list[IssueLine] = field(default_factory=list)
    reference: str = ""
    remarks: str = ""


@dataclass
class ReceiveRequest:
    transfer_number: str
    quantities: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    remarks: str = ""


def post(dctx: DesktopContext, request: ShipRequest | ReceiveRequest, parent: QWidget | None = None) -> ledger.PostedDocument:
    ctx = dctx.service
    if isinstance(request, ShipRequest):
        result = run_busy(parent, QCoreApplication.translate("TransferDialog", "正在保存调拨发出…"), ship_transfer,
                          ctx, request.from_store, request.to_store, request.lines,
                          reference=request.reference, remarks=request.remarks)
    else:
        result = run_busy(parent, QCoreApplication.translate("TransferDialog", "正在保存调拨收货…"), receive_transfer,
                          ctx, request.transfer_number, request.quantities, remarks=request.remarks)
    dctx.notify(STOCK, DOCUMENTS)
    return result


class TransferDialog(PostingDialog["ShipRequest | ReceiveRequest"]):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, post_on_accept: bool = True,
                 tab: str = SHIP) -> None:
        super().__init__(dctx, parent, post_on_accept=post_on_accept)
        self.setWindowTitle(self.tr("调拨"))
        self.resize(900, 640)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._ship_page(), self.tr("调拨发出"))
        self.tabs.addTab(self._receive_page(), self.tr("调拨收货"))
        self.tabs.setCurrentIndex(0 if tab == SHIP else 1)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(self.tr("确认发出"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self._update_buttons()
        no_default_buttons(self)
        (self.to_store if tab == SHIP else self.receive_table).setFocus(Qt.OtherFocusReason)

    # shipping ------------------------------------------------------------------------------
    def _ship_page(self) -> QWidget:
        ctx = self.dctx.service
        page = QWidget(self)
        self.from_store = store_combo(postable_stores(ctx), self.dctx.current_store_code, page)
        self.to_store = QComboBox(page)
        self._targets = transfer_targets(ctx)
        self.reference = QLineEdit(page)
        form = QFormLayout()
        form.addRow(self.tr("调出储备库"), self.from_store)
        form.addRow(self.tr("调入储备库"), self.to_store)
        form.addRow(self.tr("依据文号"), self.reference)
        self.editor = OutboundLinesEditor(ctx, load_items(ctx), page)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        self.from_store.currentIndexChanged.connect(lambda _i: self._source_changed())
        self.editor.lines_changed.connect(self._update_buttons)
        self._source_changed()
        return page

    def _source_changed(self) -> None:
        source = self.from_store.currentData()
        current = self.to_store.currentData()
        self.to_store.clear()
        for store in self._targets:
            if store.code != source:
                self.to_store.addItem(f"{store.code} {store.name}", store.code)
        index = self.to_store.findData(current)
        self.to_store.setCurrentIndex(max(index, 0))
        self.editor.clear_lines()
        self.editor.set_store(source)

    def ship_values(self) -> ShipRequest:
        if self.from_store.currentData() is None:
            raise ValidationError(self.tr("您没有可以记账的储备库，请联系管理员分配。"))
        if self.to_store.currentData() is None:
            raise ValidationError(self.tr("请选择调入储备库。"))
        if not self.editor.lines:
            raise ValidationError(self.tr("调拨清单是空的，请先添加至少一行物资。"))
        return ShipRequest(self.from_store.currentData(), self.to_store.currentData(), list(self.editor.lines),
                           reference=check_text(self.reference.text(), "依据文号", max_length=100))

    # receiving -----------------------------------------------------------------------------
    def _receive_page(self) -> QWidget:
        page = QWidget(self)
        self.transfer = QComboBox(page)
        self.receive_remarks = QLineEdit(page)
        form = QFormLayout()
        form.addRow(self.tr("在途调拨单"), self.transfer)
        form.addRow(self.tr("收货备注"), self.receive_remarks)
        self.receive_table = make_table([self.tr("物资编码"), self.tr("物资名称"), self.tr("批次"), self.tr("单位"),
                                         self.tr("发出"), self.tr("已收"), self.tr("在途"), self.tr("本次实收")],
                                        page, editable=True, stretch=1)
        self.receive_error = QLabel(page)
        self.receive_error.setStyleSheet(ERROR_STYLE)
        self.receive_error.setWordWrap(True)
        hint = QLabel(self.tr("“本次实收”默认为全部在途数量；只到了一部分时改成实到数量，其余继续在途。"), page)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.receive_table, 1)
        layout.addWidget(self.receive_error)
        self.transfer.currentIndexChanged.connect(lambda _i: self._show_transfer())
        self.receive_table.itemChanged.connect(lambda _item: self._check_received())
        self.load_in_transit()
        return page

    def load_in_transit(self) -> None:
        postable = {code for code, _label in postable_stores(self.dctx.service)}
        self._incoming: OrderedDict[str, list[InTransitLine]] = OrderedDict()
        for line in in_transit(self.dctx.service):
            if line.to_store in postable:
                self._incoming.setdefault(line.transfer_number, []).append(line)
        self.transfer.blockSignals(True)
        self.transfer.clear()
        for number, lines in self._incoming.items():
            self.transfer.addItem(self.tr("%1（%2 → %3，在途 %4 行）").replace("%1", number).replace(
                "%2", lines[0].from_store).replace("%3", lines[0].to_store).replace("%4", str(len(lines))), number)
        self.transfer.blockSignals(False)
        self._show_transfer()

    def _show_transfer(self) -> None:
        lines = self._incoming.get(self.transfer.currentData(), [])
        self.receive_table.blockSignals(True)
        set_table_rows(self.receive_table, [
            [l.item_code, l.item_name, l.batch, l.unit, number_text(l.shipped), number_text(l.received),
             number_text(l.in_transit), number_text(l.in_transit)] for l in lines
        ], right_columns=(4, 5, 6, 7))
        for row in range(len(lines)):
            cell = self.receive_table.item(row, 7)
            cell.setFlags(cell.flags() | Qt.ItemIsEditable)
            cell.setBackground(QColor("#fffbe6"))
        self.receive_table.blockSignals(False)
        self._check_received()

    def set_received(self, row: int, text: str) -> None:
        self.receive_table.item(row, 7).setText(text)

    def _received(self) -> tuple[dict[tuple[str, str], Decimal], list[str]]:
        lines = self._incoming.get(self.transfer.currentData(), [])
        quantities, errors = {}, []
        for row, line in enumerate(lines):
            text = self.receive_table.item(row, 7).text()
            try:
                value = parse_quantity(text, "实收数量", allow_zero=True)
                if value > line.in_transit:
                    raise ValidationError(self.tr("实收 %1 超过在途数量 %2%3。").replace("%1", text).replace(
                        "%2", number_text(line.in_transit)).replace("%3", line.unit))
                quantities[(line.item_code, line.batch)] = value
                ok = True
            except ValidationError as exc:
                errors.append(self.tr("第 %1 行：").replace("%1", str(row + 1)) + exc.message)
                ok = False
            self.receive_table.blockSignals(True)
            self.receive_table.item(row, 7).setBackground(QColor("#fffbe6" if ok else "#f6c6c6"))
            self.receive_table.blockSignals(False)
        return quantities, errors

    def _check_received(self) -> bool:
        _quantities, errors = self._received()
        self.receive_error.setText("\n".join(errors))
        self.receive_error.setVisible(bool(errors))
        self._update_buttons()
        return not errors

    def receive_values(self) -> ReceiveRequest:
        number = self.transfer.currentData()
        if number is None:
            raise ValidationError(self.tr("没有待收货的调拨单。"))
        quantities, errors = self._received()
        if errors:
            raise ValidationError(errors[0])
        if not any(quantities.values()):
            raise ValidationError(self.tr("本次收货数量全部为 0，请至少填写一行实收数量。"))
        return ReceiveRequest(number, quantities, remarks=check_text(self.receive_remarks.text(), "备注", max_length=2000))

    # confirming ----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        if not hasattr(self, "confirm_button"):
            return
        if self.tabs.currentIndex() == 0:
            self.confirm_button.setText(self.tr("确认发出"))
            self.confirm_button.setEnabled(bool(self.editor.lines))
        else:
            self.confirm_button.setText(self.tr("确认收货"))
            self.confirm_button.setEnabled(self.transfer.currentData() is not None and not self.receive_error.text())

    def values(self) -> ShipRequest | ReceiveRequest:
        return self.ship_values() if self.tabs.currentIndex() == 0 else self.receive_values()

    def confirm_texts(self, request: ShipRequest | ReceiveRequest) -> tuple[str, str, str]:
        if isinstance(request, ShipRequest):
            question = self.tr("从“%1”调拨 %2 行物资到“%3”？发出后物资显示为在途，直到对方收货。").replace(
                "%1", self.from_store.currentText()).replace("%2", str(len(request.lines))).replace(
                "%3", self.to_store.currentText())
        else:
            total = sum(request.quantities.values(), Decimal(0))
            question = self.tr("调拨单 %1 本次收货共 %2？未收到的部分继续在途。").replace(
                "%1", request.transfer_number).replace("%2", number_text(total))
        return self.tr("确认调拨"), question, self.tr("未能保存调拨")

    def post_request(self, request: ShipRequest | ReceiveRequest) -> ledger.PostedDocument:
        return post(self.dctx, request, self)


def run(dctx: DesktopContext, parent: QWidget | None = None, tab: str = SHIP) -> ledger.PostedDocument | None:
    """The 调拨 action: ship, or receive at the other store."""
    return TransferDialog.run(dctx, parent, tab=tab)
