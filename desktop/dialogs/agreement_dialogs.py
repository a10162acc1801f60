"""The 协议储备 dialogs: add or edit an agreement (enterprise, terms, lines), record a check (核查) and
call stock up (动用). Opened from the agreements view; each calls ``models.services.agreements``."""

from __future__ import annotations

from decimal import Decimal

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.field_form import FieldForm, date_edit, date_of
from desktop.formatting import local_time_text, number_text, with_note
from desktop.interaction import interaction
from models.errors import DomainError, ValidationError
from models.schema.agreements import AgreementType
from models.services import agreements as svc
from models.services.catalog import list_items
from models.services.credit_code import validate_credit_code

GREY = QColor("#8a939c")
SHORT_FG = QColor("#b03020")


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("labels", "取消"))
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _cell(text: str, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    return item


class AgreementDialog(QDialog):
    """Add (draft) or edit an agreement, with its enterprise and lines."""

    def __init__(self, dctx: DesktopContext, number: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.editing = number is not None
        self.saved_number: str | None = None
        self.items = {item.code: item for item in list_items(dctx.service)}
        self.setWindowTitle(self.tr("编辑储备协议") if self.editing else self.tr("新增储备协议"))
        self.form = FieldForm()
        add = self.form.add
        self.number = add("协议编号", self.tr("协议编号"), QLineEdit(self))
        self.enterprise = add("企业名称", self.tr("代储企业"), QLineEdit(self))
        self.credit_code = add("统一社会信用代码", self.tr("统一社会信用代码"), QLineEdit(self))
        self.credit_code.setMaxLength(20)
        self.address = add("企业地址", self.tr("企业地址"), QLineEdit(self))
        self.contact = add("联系人", self.tr("联系人"), QLineEdit(self))
        self.phone = add("联系电话", self.tr("联系电话"), QLineEdit(self))
        self.reserve_kind = add("储备类别", self.tr("储备类别"), QLineEdit(self))
        self.kind = add("协议类型", self.tr("协议类型"), QComboBox(self))
        self.kind.addItem(self.tr("实物代储"), AgreementType.PHYSICAL.value)
        self.kind.addItem(self.tr("产能储备"), AgreementType.CAPACITY.value)
        today = dctx.service.today()
        self.start = add("开始日期", self.tr("开始日期"), date_edit(self, today))
        self.end = add("结束日期", self.tr("结束日期"), date_edit(self, today + relativedelta(years=1, days=-1)))
        self.place = add("存放地点", self.tr("存放地点"), QLineEdit(self))
        self.hours = add("响应时限（小时）", self.tr("响应时限（小时）"), QLineEdit(self))
        self.fee = add("年费用（元）", self.tr("年费用（元）"), QLineEdit(self))
        self.fee_rules = add("费用规则", self.tr("费用规则"), QPlainTextEdit(self))
        self.rotation = add("轮换责任", self.tr("轮换责任（企业）"), QPlainTextEdit(self))
        for edit in (self.fee_rules, self.rotation):
            edit.setFixedHeight(48)
        self.contract = QLineEdit(self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        contract_row = QWidget(self)
        row_layout = QHBoxLayout(contract_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.contract, 1)
        row_layout.addWidget(browse)
        add("合同扫描件", self.tr("合同扫描件"), contract_row)
        self.lines = QTableWidget(0, 4, self)
        self.lines.setHorizontalHeaderLabels([self.tr("物资编码"), self.tr("物资名称"), self.tr("协议数量"), self.tr("最低数量")])
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.setMinimumHeight(130)
        self.lines.itemChanged.connect(self._line_changed)
        add("物资明细", self.tr("物资明细"), self.lines)
        line_buttons = QHBoxLayout()
        add_line = QPushButton(style.icon("add"), self.tr("添加一行"), self)
        add_line.clicked.connect(lambda: self.add_line())
        remove_line = QPushButton(self.tr("删除选中行"), self)
        remove_line.clicked.connect(lambda: self.lines.removeRow(self.lines.currentRow()))
        line_buttons.addStretch(1)
        line_buttons.addWidget(add_line)
        line_buttons.addWidget(remove_line)
        self.form.addRow(line_buttons)
        self.form.add_general_error()
        self.credit_code.editingFinished.connect(self._check_credit_code)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self, self.tr("保存")))
        self.setMinimumWidth(620)
        if number:
            self._load(svc.agreement_input(dctx.service, number))
        else:
            self.add_line()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择合同扫描件"), "", self.tr("扫描件 (*.pdf *.jpg *.png);;所有文件 (*)"))
        if path:
            self.contract.setText(path)

    def _check_credit_code(self) -> None:
        if not self.credit_code.text().strip():
            return
        try:
            self.credit_code.setText(validate_credit_code(self.credit_code.text()))
        except ValidationError as error:
            self.form.set_error("统一社会信用代码", error.message)
        else:
            self.form.set_error("统一社会信用代码", None)

    def add_line(self, code: str = "", guaranteed: str = "", minimum: str = "") -> None:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        self.lines.setItem(row, 1, _cell("", editable=False))
        for column, text in ((0, code), (2, guaranteed), (3, minimum)):
            self.lines.setItem(row, column, _cell(text))

    def _line_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() != 0:
            return
        item = self.items.get(cell.text().strip())
        name = self.lines.item(cell.row(), 1)
        if name is not None:
            name.setText(with_note(item.name, item.unit) if item else (self.tr("（目录中没有）") if cell.text().strip() else ""))

    def _load(self, data: svc.AgreementInput) -> None:
        self.number.setText(data.number)
        self.number.setReadOnly(True)
        e = data.enterprise
        for edit, value in ((self.enterprise, e.name), (self.credit_code, e.credit_code), (self.address, e.address),
                            (self.contact, e.contact), (self.phone, e.phone), (self.reserve_kind, e.reserve_kind),
                            (self.place, data.storage_place), (self.contract, data.contract_path)):
            edit.setText(value)
        self.kind.setCurrentIndex(max(self.kind.findData(AgreementType(data.agreement_type).value), 0))
        self.start.setDate(QDate(data.start_date.year, data.start_date.month, data.start_date.day))
        self.end.setDate(QDate(data.end_date.year, data.end_date.month, data.end_date.day))
        self.hours.setText("" if data.response_hours is None else str(data.response_hours))
        self.fee.setText(format(Decimal(data.annual_fee), "f"))
        self.fee_rules.setPlainText(data.fee_rules)
        self.rotation.setPlainText(data.rotation_duty)
        for line in data.lines:
            self.add_line(line.item_code, number_text(line.guaranteed_quantity).replace(",", ""),
                          number_text(line.minimum_quantity).replace(",", ""))

    def values(self) -> svc.AgreementInput:
        lines = []
        for row in range(self.lines.rowCount()):
            texts = [(self.lines.item(row, c).text().strip() if self.lines.item(row, c) else "") for c in (0, 2, 3)]
            if any(texts):
                lines.append(svc.LineInput(texts[0], texts[1], texts[2] or 0))
        return svc.AgreementInput(
            number=self.number.text(),
            enterprise=svc.EnterpriseInput(self.enterprise.text(), self.credit_code.text(), self.address.text(),
                                           self.contact.text(), self.phone.text(), self.reserve_kind.text()),
            agreement_type=self.kind.currentData(), start_date=date_of(self.start), end_date=date_of(self.end),
            lines=lines, storage_place=self.place.text(), response_hours=self.hours.text().strip() or None,
            annual_fee=self.fee.text().strip() or 0, fee_rules=self.fee_rules.toPlainText(),
            rotation_duty=self.rotation.toPlainText(), contract_path=self.contract.text(),
        )

    def save(self) -> None:
        self.form.clear_errors()
        try:
            action = svc.update_agreement if self.editing else svc.create_agreement
            self.saved_number = action(self.dctx.service, self.values())
        except DomainError as error:
            self.form.show_error(error)
            return
        self.dctx.notify(flags.AGREEMENTS)
        self.accept()

    @classmethod
    def run(cls, dctx: DesktopContext, parent: QWidget | None = None, number: str | None = None) -> str | None:
        dialog = cls(dctx, number, parent)
        return dialog.saved_number if dialog.exec() == QDialog.Accepted else None


class CheckDialog(QDialog):
    """核查: the quantity found for each line on one date."""

    def __init__(self, dctx: DesktopContext, detail: svc.AgreementDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.detail = detail
        self.saved = False
        self.setWindowTitle(self.tr("记录核查 — %1").replace("%1", detail.row.number))
        self.form = FieldForm()
        self.date = self.form.add("核查日期", self.tr("核查日期"), date_edit(self, dctx.service.today()))
        self.checked_by = self.form.add("核查人", self.tr("核查人"), QLineEdit(self))
        self.found = QTableWidget(len(detail.lines), 4, self)
        self.found.setHorizontalHeaderLabels([self.tr("物资"), self.tr("协议数量"), self.tr("最低数量"), self.tr("实查数量")])
        self.found.horizontalHeader().setStretchLastSection(True)
        self.found.setColumnWidth(0, 200)
        for row, line in enumerate(detail.lines):
            self.found.setItem(row, 0, _cell(with_note(f"{line.item_code} {line.item_name}", line.unit), editable=False))
            self.found.setItem(row, 1, _cell(number_text(line.guaranteed), editable=False))
            self.found.setItem(row, 2, _cell(number_text(line.minimum), editable=False))
            self.found.setItem(row, 3, _cell(""))
        self.form.add("实查数量", self.tr("实查数量"), self.found)
        self.remarks = self.form.add("备注", self.tr("备注"), QPlainTextEdit(self))
        self.remarks.setFixedHeight(54)
        self.form.add_general_error()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self, self.tr("保存核查")))
        self.setMinimumWidth(560)

    def set_found(self, item_code: str, quantity: str) -> None:
        for row, line in enumerate(self.detail.lines):
            if line.item_code == item_code:
                self.found.item(row, 3).setText(quantity)

    def save(self) -> None:
        self.form.clear_errors()
        found = {line.item_code: self.found.item(row, 3).text().strip()
                 for row, line in enumerate(self.detail.lines) if self.found.item(row, 3).text().strip()}
        try:
            svc.record_check(self.dctx.service, self.detail.row.number, date_of(self.date), self.checked_by.text(),
                             found, self.remarks.toPlainText())
        except DomainError as error:
            self.form.show_error(error)
            return
        self.saved = True
        self.dctx.notify(flags.AGREEMENTS)
        self.accept()


class CallUpDialog(QDialog):
    """动用: call stock up from one line; the response deadline is shown after saving."""

    def __init__(self, dctx: DesktopContext, detail: svc.AgreementDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.detail = detail
        self.result_row: svc.CallUpRow | None = None
        self.setWindowTitle(self.tr("动用协议储备 — %1").replace("%1", detail.row.number))
        self.form = FieldForm()
        self.line = self.form.add("物资编码", self.tr("物资"), QComboBox(self))
        for line in detail.lines:
            self.line.addItem(self.tr("%1 %2（可动用 %3）").replace("%1", line.item_code).replace("%2", line.item_name)
                              .replace("%3", f"{number_text(line.available)} {line.unit}"), line.item_code)
        self.quantity = self.form.add("动用数量", self.tr("动用数量"), QLineEdit(self))
        self.order = self.form.add("调拨单号", self.tr("调拨单号"), QLineEdit(self))
        self.remarks = self.form.add("备注", self.tr("备注"), QLineEdit(self))
        hours = detail.row.response_hours
        hint = QLabel(self.tr("企业响应时限：%1 小时，保存后显示送达截止时间。").replace("%1", str(hours)) if hours
                      else self.tr("协议未约定响应时限。"), self)
        hint.setProperty("role", "hint")
        self.form.addRow(hint)
        self.form.add_general_error()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self, self.tr("确认动用")))
        self.setMinimumWidth(460)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            self.result_row = svc.call_up(self.dctx.service, self.detail.row.number, self.line.currentData(),
                                          self.quantity.text(), dispatch_order_number=self.order.text(),
                                          remarks=self.remarks.text())
        except DomainError as error:
            self.form.show_error(error)
            return
        self.dctx.notify(flags.AGREEMENTS)
        deadline = self.result_row.response_deadline
        interaction.information(self, self.tr("已动用"), self.tr("已记录动用，企业应在 %1 前送达。").replace(
            "%1", local_time_text(deadline)) if deadline else self.tr("已记录动用。"))
        self.accept()
