"""Add or edit one catalogue item (物资). Checks as the user types; the service has the last word."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout,
                               QWidget)

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.dialogs.field_form import FieldForm
from models.errors import DomainError, ValidationError
from models.schema.catalog import Item
from models.services.catalog import ItemInput, create_item, list_categories, update_item
from models.validation import check_code, check_text

UNITS = ["顶", "床", "件", "张", "个", "台", "套", "条", "把", "根", "箱", "瓶", "袋", "kg", "t", "m", "m²"]

CODE, NAME, SPEC, UNIT, CATEGORY = "物资编码", "物资名称", "规格型号", "计量单位", "分类编码"
SHELF, LEAD, PRICE = "保质期（月）", "轮换提前期（天）", "单价"


def parse_optional_int(text: str, field: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationError(QCoreApplication.translate("ItemDialog", "%1必须是整数，不填表示没有。").replace(
            "%1", QCoreApplication.translate("ItemDialog", field)), field=field)
    return int(text)


def parse_optional_price(text: str) -> Decimal | None:
    text = text.strip().replace(",", "").lstrip("¥")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(QCoreApplication.translate("ItemDialog", "单价“%1”不是数字，请填写如 12.50 的金额。")
                              .replace("%1", text), field=PRICE) from None
    if not value.is_finite() or value < 0:
        raise ValidationError(QCoreApplication.translate("ItemDialog", "单价不能为负数。"), field=PRICE)
    return value


class ItemDialog(QDialog):
    def __init__(self, dctx: DesktopContext, item: Item | None = None, parent: QWidget | None = None,
                 *, category_code: str | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.editing = item is not None
        self.saved_code: str | None = None
        self.setWindowTitle(self.tr("编辑物资") if self.editing else self.tr("新增物资"))
        self.form = FieldForm()
        self.code = self.form.add(CODE, self.tr("物资编码"), QLineEdit(self))
        self.name = self.form.add(NAME, self.tr("物资名称"), QLineEdit(self))
        self.spec = self.form.add(SPEC, self.tr("规格型号"), QLineEdit(self))
        self.unit = self.form.add(UNIT, self.tr("计量单位"), QComboBox(self))
        self.unit.setEditable(True)
        self.unit.addItems(UNITS)
        self.unit.setCurrentText("")
        self.category = self.form.add(CATEGORY, self.tr("分类"), QComboBox(self))
        self.category.addItem(self.tr("（未分类）"), None)
        self.category_codes: dict[int, str] = {}
        for category in list_categories(dctx.service):
            self.category_codes[category.id] = category.code
            self.category.addItem(f"{'　' * (category.level - 1)}{category.code} {category.name}", category.code)
        self.shelf_life = self.form.add(SHELF, self.tr("保质期（月）"), QLineEdit(self))
        self.shelf_life.setPlaceholderText(self.tr("不填表示无保质期"))
        self.lead_days = self.form.add(LEAD, self.tr("轮换提前期（天）"), QLineEdit(self))
        self.lead_days.setPlaceholderText(self.tr("不填则按分类"))
        self.price = self.form.add(PRICE, self.tr("单价（元）"), QLineEdit(self))
        self.returnable = QCheckBox(self.tr("使用后须回收归还（如帐篷、发电机）"), self)
        self.form.addRow("", self.returnable)
        self.form.add_general_error()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.code.textChanged.connect(lambda: self._check(CODE))
        self.name.textChanged.connect(lambda: self._check(NAME))
        self.unit.currentTextChanged.connect(lambda: self._check(UNIT))
        self.shelf_life.textChanged.connect(lambda: self._check(SHELF))
        self.lead_days.textChanged.connect(lambda: self._check(LEAD))
        self.price.textChanged.connect(lambda: self._check(PRICE))
        if item is not None:
            self._load(item)
        elif category_code:
            self.category.setCurrentIndex(max(self.category.findData(category_code), 0))
        self.setMinimumWidth(440)

    def _load(self, item: Item) -> None:
        self.code.setText(item.code)
        self.code.setReadOnly(True)
        self.name.setText(item.name)
        self.spec.setText(item.spec)
        self.unit.setCurrentText(item.unit)
        code = self.category_codes.get(item.category_id)
        self.category.setCurrentIndex(max(self.category.findData(code), 0) if code else 0)
        self.shelf_life.setText("" if item.shelf_life_months is None else str(item.shelf_life_months))
        self.lead_days.setText("" if item.rotation_lead_days is None else str(item.rotation_lead_days))
        self.price.setText("" if item.unit_price is None else format(item.unit_price, "f"))
        self.returnable.setChecked(item.returnable)

    def _check(self, field: str) -> None:
        """Checks that need no database, run as the user types."""
        try:
            if field == CODE:
                check_code(self.code.text(), CODE)
            elif field == NAME:
                check_text(self.name.text(), NAME, max_length=200, required=True)
            elif field == UNIT:
                check_text(self.unit.currentText(), UNIT, max_length=20, required=True)
            elif field in (SHELF, LEAD):
                widget = self.shelf_life if field == SHELF else self.lead_days
                value = parse_optional_int(widget.text(), field)
                if field == SHELF and value == 0:
                    raise ValidationError(self.tr("保质期（月）必须大于 0，没有保质期请留空。"), field=SHELF)
            elif field == PRICE:
                parse_optional_price(self.price.text())
        except ValidationError as error:
            self.form.set_error(field, error.message)
        else:
            self.form.set_error(field, None)

    def values(self) -> ItemInput:
        return ItemInput(
            code=self.code.text().strip(), name=self.name.text(), unit=self.unit.currentText(),
            spec=self.spec.text(), category_code=self.category.currentData(),
            shelf_life_months=parse_optional_int(self.shelf_life.text(), SHELF),
            rotation_lead_days=parse_optional_int(self.lead_days.text(), LEAD),
            returnable=self.returnable.isChecked(), unit_price=parse_optional_price(self.price.text()),
        )

    def save(self) -> None:
        self.form.clear_errors()
        try:
            data = self.values()
            item = (update_item if self.editing else create_item)(self.dctx.service, data)
        except DomainError as error:
            self.form.show_error(error)
            return
        self.saved_code = item.code
        self.dctx.notify(flags.CATALOG)
        self.accept()

    @classmethod
    def run(cls, dctx: DesktopContext, parent: QWidget | None = None, item: Item | None = None,
            category_code: str | None = None) -> str | None:
        """Show the dialog; returns the saved item's code, or None if cancelled."""
        dialog = cls(dctx, item, parent, category_code=category_code)
        return dialog.saved_code if dialog.exec() == QDialog.Accepted else None
