"""Dispatch order dialogs: a new request (调拨申请), the receiver's signed confirmation (签收) and
the return of returnable goods (归还). Each gathers values, calls one service through ``run_busy``
and shows a refused action's message under the field it names; nothing changes when refused."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import DISPATCH, DOCUMENTS, STOCK, DesktopContext
from desktop.dialogs.document_lines_widget import ItemPicker, load_items, no_default_buttons, run_busy
from desktop.dialogs.field_form import FieldForm
from desktop.formatting import label, number_text, with_note
from models.errors import DomainError, ValidationError
from models.services import dispatch
from models.services.dispatch import DispatchLineInput, DispatchRequest, OrderView, ReceiptCheck
from models.services.warehouses import list_areas
from models.validation import parse_date


class DispatchRequestDialog(QDialog):
    """调拨申请: who asks, who receives where, why, and the items; sources are proposed on saving."""

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.created: OrderView | None = None
        self.setWindowTitle(self.tr("新建调拨申请"))
        self.resize(760, 720)
        self.items = load_items(dctx.service)
        self.form = FieldForm()
        self.requesting_unit = self.form.add("申请单位", self.tr("申请单位"), QLineEdit(self))
        self.area = self.form.add("行政区", self.tr("所在行政区"), QComboBox(self))
        self.area.addItem(self.tr("（不限，直接由县级储备库供应）"), None)
        for area in list_areas(dctx.service):
            self.area.addItem(with_note(area.name, area.code), area.code)
        self.receiving_unit = self.form.add("接收单位", self.tr("接收单位"), QLineEdit(self))
        self.place = self.form.add("送达地点", self.tr("送达地点"), QLineEdit(self))
        self.reason = self.form.add("调拨事由", self.tr("调拨事由（灾情）"), QLineEdit(self))
        self.reference = self.form.add("指令文号", self.tr("指令文号"), QLineEdit(self))
        self.receiver_contact = self.form.add("接收方联系人", self.tr("接收方联系人"), QLineEdit(self))
        self.receiver_phone = self.form.add("接收方电话", self.tr("接收方电话"), QLineEdit(self))
        self.sender_contact = self.form.add("调出方联系人", self.tr("调出方联系人"), QLineEdit(self))
        self.sender_phone = self.form.add("调出方电话", self.tr("调出方电话"), QLineEdit(self))
        self.vehicle = self.form.add("车辆", self.tr("运输车辆"), QLineEdit(self))
        self.escort = self.form.add("押运人", self.tr("押运人"), QLineEdit(self))
        self.due_back = self.form.add("归还日期", self.tr("需归还物资的归还日期"), QLineEdit(self))
        self.due_back.setPlaceholderText(self.tr("如 2026-07-15；留空则 30 天后"))
        self.emergency = self.form.add("紧急", self.tr("紧急调拨"), QCheckBox(self.tr("先出库、后补审批（48 小时内）"), self))
        self.form.add_general_error()

        self.lines = QTableWidget(0, 3, self)
        self.lines.setHorizontalHeaderLabels([self.tr("物资"), self.tr("数量"), self.tr("备注")])
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.setColumnWidth(0, 320)
        self.lines.verticalHeader().setVisible(False)
        add = QPushButton(self.tr("添加一行"), self)
        add.clicked.connect(lambda: self.add_line())
        remove = QPushButton(self.tr("删除所选行"), self)
        remove.clicked.connect(self._remove_line)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(QLabel(self.tr("申请物资（可输入编码、名称或拼音首字母）"), self), 1)
        line_buttons.addWidget(add)
        line_buttons.addWidget(remove)
        self.lines_error = QLabel(self)
        self.lines_error.setProperty("role", "error")
        self.lines_error.setWordWrap(True)
        self.lines_error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存申请"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(line_buttons)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.lines_error)
        layout.addWidget(buttons)
        self.add_line()
        no_default_buttons(self)

    # lines ---------------------------------------------------------------------------------
    def add_line(self, item_code: str = "", quantity: str = "", remarks: str = "") -> None:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        picker = ItemPicker(self.items, self.lines)
        picker.setText(item_code)
        self.lines.setCellWidget(row, 0, picker)
        self.lines.setItem(row, 1, QTableWidgetItem(quantity))
        self.lines.setItem(row, 2, QTableWidgetItem(remarks))

    def _remove_line(self) -> None:
        row = self.lines.currentRow()
        if row >= 0:
            self.lines.removeRow(row)

    def request(self) -> DispatchRequest:
        lines = []
        for row in range(self.lines.rowCount()):
            picker: ItemPicker = self.lines.cellWidget(row, 0)
            quantity = (self.lines.item(row, 1).text() if self.lines.item(row, 1) else "").strip()
            remarks = self.lines.item(row, 2).text() if self.lines.item(row, 2) else ""
            if not picker.text().strip() and not quantity:
                continue
            error = picker.resolve()
            if error:
                raise ValidationError(self.tr("第 %1 行：").replace("%1", str(row + 1)) + error, field="物资")
            lines.append(DispatchLineInput(picker.item().code, quantity, remarks=remarks))
        return DispatchRequest(
            requesting_unit=self.requesting_unit.text(), receiving_unit=self.receiving_unit.text(),
            lines=lines, place=self.place.text(), requesting_area_code=self.area.currentData(),
            receiver_contact=self.receiver_contact.text(), receiver_phone=self.receiver_phone.text(),
            sender_contact=self.sender_contact.text(), sender_phone=self.sender_phone.text(),
            reason=self.reason.text(), reference=self.reference.text(), vehicle=self.vehicle.text(),
            escort=self.escort.text(), emergency=self.emergency.isChecked(),
            due_back_date=parse_date(self.due_back.text(), "归还日期"),
        )

    def accept(self) -> None:
        self.form.clear_errors()
        self.lines_error.hide()
        try:
            request = self.request()
            self.created = run_busy(self, self.tr("正在保存调拨申请…"), dispatch.create_request,
                                    self.dctx.service, request)
        except DomainError as exc:
            if exc.field in ("物资", "数量", "备注"):
                self.lines_error.setText(exc.message)
                self.lines_error.show()
            else:
                self.form.show_error(exc)
            return
        self.dctx.notify(DISPATCH)
        super().accept()

    @classmethod
    def create(cls, dctx: DesktopContext, parent: QWidget | None = None) -> OrderView | None:
        dialog = cls(dctx, parent)
        return dialog.created if dialog.exec() == QDialog.Accepted else None


class ReceiptDialog(QDialog):
    """签收: who signed, and per line what arrived and what is damaged (default: everything)."""

    def __init__(self, dctx: DesktopContext, order: OrderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.order = order
        self.result_order: OrderView | None = None
        self.setWindowTitle(self.tr("签收调拨单 %1").replace("%1", order.number))
        self.resize(720, 420)
        self.form = FieldForm()
        self.signed_by = self.form.add("签收人", self.tr("签收人"), QLineEdit(order.receiver_contact, self))
        self.remarks = self.form.add("签收说明", self.tr("签收说明"), QLineEdit(self))
        self.form.add_general_error()
        self.table = QTableWidget(len(order.lines), 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("行"), self.tr("物资"), self.tr("出库数量"), self.tr("实收"),
                                              self.tr("其中损坏"), self.tr("说明")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((40, 220, 100, 90, 90)):
            self.table.setColumnWidth(column, width)
        for row, line in enumerate(order.lines):
            for column, text in enumerate([str(line.line_no), f"{line.item_name} {line.spec}".strip(),
                                           f"{number_text(line.issued_quantity)} {line.unit}"]):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(row, column, cell)
            self.table.setItem(row, 3, QTableWidgetItem(number_text(line.issued_quantity).replace(",", "")))
            self.table.setItem(row, 4, QTableWidgetItem("0"))
            self.table.setItem(row, 5, QTableWidgetItem(""))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("确认签收"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        no_default_buttons(self)

    def set_received(self, line_no: int, received: str, damaged: str = "0", note: str = "") -> None:
        row = next(i for i, line in enumerate(self.order.lines) if line.line_no == line_no)
        self.table.item(row, 3).setText(received)
        self.table.item(row, 4).setText(damaged)
        self.table.item(row, 5).setText(note)

    def accept(self) -> None:
        self.form.clear_errors()
        checks = {
            line.line_no: ReceiptCheck(self.table.item(row, 3).text(), self.table.item(row, 4).text() or "0",
                                       self.table.item(row, 5).text())
            for row, line in enumerate(self.order.lines)
        }
        try:
            self.result_order = run_busy(self, self.tr("正在登记签收…"), dispatch.confirm_receipt,
                                         self.dctx.service, self.order.number, signed_by=self.signed_by.text(),
                                         checks=checks, remarks=self.remarks.text())
        except DomainError as exc:
            self.form.show_error(exc)
            return
        super().accept()
        notify_after_close(self.dctx, DISPATCH)


def notify_after_close(dctx: DesktopContext, *changed: str) -> None:
    """Tell the screens once the dialog's exec() has returned: the opening view still holds the order it
    showed (a refresh while the dialog is open could drop it from a filtered list under the caller)."""
    QTimer.singleShot(0, lambda: dctx.notify(*changed))


class ReturnDialog(QDialog):
    """归还: one returnable line, how many came back good, repaired, or are lost."""

    def __init__(self, dctx: DesktopContext, order: OrderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.order = order
        self.result_order: OrderView | None = None
        self.setWindowTitle(self.tr("登记归还 %1").replace("%1", order.number))
        self.form = FieldForm()
        self.line = self.form.add("行号", self.tr("物资"), QComboBox(self))
        for line in order.lines:
            if line.outstanding_return > 0:
                self.line.addItem(self.tr("第 %1 行 %2（待还 %3）").replace("%1", str(line.line_no)).replace(
                    "%2", line.item_name).replace("%3", f"{number_text(line.outstanding_return)} {line.unit}"),
                    line.line_no)
        self.good = self.form.add("完好数量", self.tr("完好归还"), QLineEdit("0", self))
        self.repaired = self.form.add("修复数量", self.tr("修复后归还"), QLineEdit("0", self))
        self.lost = self.form.add("丢失数量", self.tr("丢失"), QLineEdit("0", self))
        self.note = self.form.add("归还说明", self.tr("说明"), QLineEdit(self))
        self.form.add_general_error()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("登记归还"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        no_default_buttons(self)

    def accept(self) -> None:
        self.form.clear_errors()
        if self.line.currentData() is None:
            self.form.set_error("行号", self.tr("这张调拨单没有待归还的物资。"))
            return
        try:
            self.result_order = run_busy(
                self, self.tr("正在登记归还…"), dispatch.record_return, self.dctx.service, self.order.number,
                self.line.currentData(), good=self.good.text() or "0", repaired=self.repaired.text() or "0",
                lost=self.lost.text() or "0", note=self.note.text())
        except DomainError as exc:
            self.form.show_error(exc)
            return
        super().accept()
        notify_after_close(self.dctx, DISPATCH, STOCK, DOCUMENTS)


class SourcesDialog(QDialog):
    """来源: which stores supply one line of a draft, with the free stock of each store shown;
    or propose all lines again automatically (own area first, then county, then agreements)."""

    def __init__(self, dctx: DesktopContext, order: OrderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.order = order
        self.result_order: OrderView | None = None
        self.setWindowTitle(self.tr("调拨来源 %1").replace("%1", order.number))
        self.resize(640, 420)
        self.line = QComboBox(self)
        for line in order.lines:
            self.line.addItem(self.tr("第 %1 行 %2 %3").replace("%1", str(line.line_no)).replace(
                "%2", line.item_name).replace("%3", f"{number_text(line.quantity)} {line.unit}"), line.line_no)
        self.line.currentIndexChanged.connect(lambda _i: self._load())
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("储备库"), self.tr("可用（未预留）"), self.tr("本单调用")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        auto = QPushButton(self.tr("全部重新自动安排"), self)
        auto.clicked.connect(self.propose_again)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存此行来源"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("关闭"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(auto)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        no_default_buttons(self)
        self._load()

    def _current_line(self):
        return next(line for line in self.order.lines if line.line_no == self.line.currentData())

    def _load(self) -> None:
        line = self._current_line()
        planned: dict[str, object] = {}
        for source in line.sources:
            if source.store_code:
                planned[source.store_code] = planned.get(source.store_code, 0) + source.quantity
        options = dispatch.source_options(self.dctx.service, self.order.number, line.line_no)
        self.table.setRowCount(len(options))
        for row, option in enumerate(options):
            name = QTableWidgetItem(with_note(option.store_name, label(option.level)))
            name.setData(Qt.UserRole, option.store_code)
            free = QTableWidgetItem(f"{number_text(option.free)} {line.unit}")
            for cell in (name, free):
                cell.setFlags(cell.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, free)
            self.table.setItem(row, 2, QTableWidgetItem(number_text(planned.get(option.store_code)).replace(",", "")))

    def set_quantity(self, store_code: str, quantity: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.UserRole) == store_code:
                self.table.item(row, 2).setText(quantity)
                return
        raise KeyError(store_code)

    def _show_result(self, order: OrderView) -> None:
        self.result_order = order
        self.order = order
        self.dctx.notify(DISPATCH)
        self._load()

    def accept(self) -> None:
        self.error.hide()
        sources = [
            dispatch.SourceInput(self.table.item(row, 0).data(Qt.UserRole), self.table.item(row, 2).text())
            for row in range(self.table.rowCount())
            if self.table.item(row, 2) and self.table.item(row, 2).text().strip() not in ("", "0")
        ]
        try:
            order = dispatch.set_sources(self.dctx.service, self.order.number, self.line.currentData(), sources)
        except DomainError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self._show_result(order)
        super().accept()

    def propose_again(self) -> None:
        self.error.hide()
        try:
            self._show_result(dispatch.propose_sources(self.dctx.service, self.order.number))
        except DomainError as exc:
            self.error.setText(exc.message)
            self.error.show()
