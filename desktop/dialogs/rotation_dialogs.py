"""Small dialogs of the rotation and inspection screens: rotate out, plan a replacement, request a
scrap, record an inspection. Each exposes a classmethod ``ask`` returning the entered values (or
None when cancelled), so screens and tests never depend on a modal event loop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.dialogs.field_form import FieldForm, date_edit, date_of
from desktop.formatting import number_text, with_note


@dataclass
class RotateOutValues:
    method: str  # use / sale / donation / transfer
    receiver: str  # a unit, or the target store code for a transfer
    quantity: str
    remarks: str = ""


@dataclass
class ReplacementValues:
    quantity: str
    planned_date: dt.date
    supplier: str = ""
    remarks: str = ""


@dataclass
class ScrapValues:
    reason_kind: str  # expired / damaged / failed_inspection
    quantity: str
    reason: str = ""


@dataclass
class InspectionValues:
    inspector: str
    inspected_on: dt.date
    result: str  # pass / fail
    problems: str = ""
    photos: list[str] = field(default_factory=list)
    follow_up: str = "none"
    repair_note: str = ""
    scrap_quantity: str = ""


class _ValuesDialog(QDialog):
    def __init__(self, title: str, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = FieldForm()
        heading = QLabel(subject, self)
        heading.setWordWrap(True)
        heading.setProperty("role", "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def _required(self, name: str, edit: QLineEdit, caption: str) -> bool:
        if edit.text().strip():
            return True
        self.form.set_error(name, self.tr("%1不能为空。").replace("%1", caption))
        return False

    def _check_and_accept(self) -> None:
        self.form.clear_errors()
        if self.check():
            self.accept()

    def check(self) -> bool:
        return True


class RotateOutDialog(_ValuesDialog):
    METHODS = (
        ("use", QT_TRANSLATE_NOOP("RotateOutDialog", "调剂使用")),
        ("sale", QT_TRANSLATE_NOOP("RotateOutDialog", "销售")),
        ("donation", QT_TRANSLATE_NOOP("RotateOutDialog", "捐赠")),
        ("transfer", QT_TRANSLATE_NOOP("RotateOutDialog", "调拨到其他储备库")),
    )

    def __init__(self, subject: str, quantity: str, stores: list[tuple[str, str]], parent=None) -> None:
        super().__init__(self.tr("轮换出库"), subject, parent)
        self.method = self.form.add("轮换方式", self.tr("轮换方式"), QComboBox(self))
        for key, caption in self.METHODS:
            self.method.addItem(self.tr(caption), key)
        self.receiver = self.form.add("领用单位", self.tr("接收单位"), QLineEdit(self))
        self.store = self.form.add("调入库", self.tr("调入储备库"), QComboBox(self))
        for code, name in stores:
            self.store.addItem(with_note(name, code), code)
        self.quantity = self.form.add("数量", self.tr("数量"), QLineEdit(quantity, self))
        self.remarks = self.form.add("备注", self.tr("备注"), QLineEdit(self))
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()

    def _method_changed(self) -> None:
        transfer = self.method.currentData() == "transfer"
        self.form.labelForField(self.receiver.parentWidget()).setVisible(not transfer)
        self.receiver.parentWidget().setVisible(not transfer)
        self.form.labelForField(self.store.parentWidget()).setVisible(transfer)
        self.store.parentWidget().setVisible(transfer)

    def check(self) -> bool:
        ok = self._required("数量", self.quantity, self.tr("数量"))
        if self.method.currentData() != "transfer":
            ok = self._required("领用单位", self.receiver, self.tr("接收单位")) and ok
        return ok

    def values(self) -> RotateOutValues:
        transfer = self.method.currentData() == "transfer"
        return RotateOutValues(self.method.currentData(),
                               self.store.currentData() if transfer else self.receiver.text().strip(),
                               self.quantity.text().strip(), self.remarks.text().strip())

    @classmethod
    def ask(cls, parent, subject: str, quantity, stores: list[tuple[str, str]]) -> RotateOutValues | None:
        dialog = cls(subject, number_text(quantity).replace(",", ""), stores, parent)
        return dialog.values() if dialog.exec() == QDialog.Accepted else None


class ReplacementDialog(_ValuesDialog):
    def __init__(self, subject: str, quantity: str, today: dt.date, parent=None) -> None:
        super().__init__(self.tr("计划补充新批次"), subject, parent)
        self.quantity = self.form.add("计划数量", self.tr("计划数量"), QLineEdit(quantity, self))
        self.planned = self.form.add("计划到货日期", self.tr("计划到货日期"),
                                     date_edit(self, today + dt.timedelta(days=30)))
        self.supplier = self.form.add("供应商", self.tr("供应商"), QLineEdit(self))
        self.remarks = self.form.add("备注", self.tr("备注"), QLineEdit(self))

    def check(self) -> bool:
        return self._required("计划数量", self.quantity, self.tr("计划数量"))

    def values(self) -> ReplacementValues:
        return ReplacementValues(self.quantity.text().strip(), date_of(self.planned),
                                 self.supplier.text().strip(), self.remarks.text().strip())

    @classmethod
    def ask(cls, parent, subject: str, quantity, today: dt.date) -> ReplacementValues | None:
        dialog = cls(subject, number_text(quantity).replace(",", ""), today, parent)
        return dialog.values() if dialog.exec() == QDialog.Accepted else None


class ScrapRequestDialog(_ValuesDialog):
    REASONS = (
        ("expired", QT_TRANSLATE_NOOP("ScrapRequestDialog", "过期")),
        ("damaged", QT_TRANSLATE_NOOP("ScrapRequestDialog", "损坏")),
        ("failed_inspection", QT_TRANSLATE_NOOP("ScrapRequestDialog", "检验不合格")),
    )

    def __init__(self, subject: str, quantity: str, expired: bool, parent=None) -> None:
        super().__init__(self.tr("申请报废"), subject, parent)
        self.reason_kind = self.form.add("报废原因类别", self.tr("报废原因"), QComboBox(self))
        for key, caption in self.REASONS:
            self.reason_kind.addItem(self.tr(caption), key)
        self.reason_kind.setCurrentIndex(0 if expired else 1)
        self.quantity = self.form.add("数量", self.tr("报废数量"), QLineEdit(quantity, self))
        self.reason = self.form.add("报废说明", self.tr("说明"), QLineEdit(self))
        hint = QLabel(self.tr("报废申请提交后须经业务科室审批，批准后才从库存中核销。"), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def check(self) -> bool:
        return self._required("数量", self.quantity, self.tr("报废数量"))

    def values(self) -> ScrapValues:
        return ScrapValues(self.reason_kind.currentData(), self.quantity.text().strip(), self.reason.text().strip())

    @classmethod
    def ask(cls, parent, subject: str, quantity, expired: bool) -> ScrapValues | None:
        dialog = cls(subject, number_text(quantity).replace(",", ""), expired, parent)
        return dialog.values() if dialog.exec() == QDialog.Accepted else None


class InspectionDialog(_ValuesDialog):
    FOLLOW_UPS = (
        ("none", QT_TRANSLATE_NOOP("InspectionDialog", "无")),
        ("repair", QT_TRANSLATE_NOOP("InspectionDialog", "维修")),
        ("scrap", QT_TRANSLATE_NOOP("InspectionDialog", "申请报废")),
    )

    def __init__(self, subject: str, today: dt.date, inspector: str, can_scrap: bool, parent=None) -> None:
        super().__init__(self.tr("登记养护检查"), subject, parent)
        self.inspector = self.form.add("检查人", self.tr("检查人"), QLineEdit(inspector, self))
        self.inspected_on = self.form.add("检查日期", self.tr("检查日期"), date_edit(self, today))
        self.inspected_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.result = self.form.add("检查结果", self.tr("检查结果"), QComboBox(self))
        self.result.addItem(self.tr("合格"), "pass")
        self.result.addItem(self.tr("不合格"), "fail")
        self.problems = self.form.add("发现的问题", self.tr("发现的问题"), QPlainTextEdit(self))
        self.problems.setFixedHeight(60)
        photos = QWidget(self)
        row = QHBoxLayout(photos)
        row.setContentsMargins(0, 0, 0, 0)
        self.photo_list = QListWidget(photos)
        self.photo_list.setFixedHeight(50)
        add = QPushButton(self.tr("添加照片…"), photos)
        add.clicked.connect(self._add_photos)
        row.addWidget(self.photo_list, 1)
        row.addWidget(add)
        self.form.add("照片", self.tr("照片"), photos)
        self.follow_up = self.form.add("后续处理", self.tr("后续处理"), QComboBox(self))
        for key, caption in self.FOLLOW_UPS:
            if key != "scrap" or can_scrap:
                self.follow_up.addItem(self.tr(caption), key)
        self.repair_note = self.form.add("维修说明", self.tr("维修说明"), QLineEdit(self))
        self.scrap_quantity = self.form.add("报废数量", self.tr("报废数量"), QLineEdit(self))
        self.result.currentIndexChanged.connect(self._result_changed)
        self._result_changed()

    def _result_changed(self) -> None:
        failed = self.result.currentData() == "fail"
        self.follow_up.setEnabled(failed)
        if not failed:
            self.follow_up.setCurrentIndex(0)

    def _add_photos(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("选择照片"), "",
                                                      self.tr("图片 (*.jpg *.jpeg *.png *.bmp)"))
        for path in files:
            self.photo_list.addItem(path)

    def check(self) -> bool:
        ok = self._required("检查人", self.inspector, self.tr("检查人"))
        if self.result.currentData() == "fail" and not self.problems.toPlainText().strip():
            self.form.set_error("发现的问题", self.tr("检查不合格时请填写发现的问题。"))
            ok = False
        if self.follow_up.currentData() == "scrap":
            ok = self._required("报废数量", self.scrap_quantity, self.tr("报废数量")) and ok
        return ok

    def values(self) -> InspectionValues:
        return InspectionValues(
            self.inspector.text().strip(), date_of(self.inspected_on), self.result.currentData(),
            self.problems.toPlainText().strip(),
            [self.photo_list.item(i).text() for i in range(self.photo_list.count())],
            self.follow_up.currentData(), self.repair_note.text().strip(), self.scrap_quantity.text().strip())

    @classmethod
    def ask(cls, parent, subject: str, today: dt.date, inspector: str = "", can_scrap: bool = False
            ) -> InspectionValues | None:
        dialog = cls(subject, today, inspector, can_scrap, parent)
        return dialog.values() if dialog.exec() == QDialog.Accepted else None
