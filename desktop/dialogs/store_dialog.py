"""Add or edit a reserve store (储备库) with its keeper's contact; add an administrative area."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.dialogs.field_form import FieldForm
from desktop.formatting import label, level_label, with_note
from models.errors import DomainError, ValidationError
from models.schema.enums import AreaKind, StoreLevel
from models.schema.warehouse import Area, Store
from models.services.warehouses import StoreInput, create_area, create_store, list_areas, update_store
from models.validation import check_code, check_text

CODE, NAME, LEVEL, AREA = "储备库编码", "储备库名称", "级别", "行政区"
ADDRESS, KEEPER, PHONE, FLOOR = "地址", "负责人", "联系电话", "面积"
AREA_KINDS = {AreaKind.COUNTY: "县级", AreaKind.TOWNSHIP: "乡镇级", AreaKind.VILLAGE: "村级"}


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    buttons.button(QDialogButtonBox.Ok).setText(QCoreApplication.translate("labels", "保存"))
    buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("labels", "取消"))
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _area_combo(parent: QWidget, areas: list[Area]) -> QComboBox:
    combo = QComboBox(parent)
    depth = {AreaKind.COUNTY: 0, AreaKind.TOWNSHIP: 1, AreaKind.VILLAGE: 2}
    for area in areas:
        combo.addItem("　" * depth[area.kind] + with_note(area.name, area.code), area.code)
    return combo


class StoreDialog(QDialog):
    def __init__(self, dctx: DesktopContext, store: Store | None = None, parent: QWidget | None = None,
                 *, area_code: str | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.editing = store is not None
        self.saved_code: str | None = None
        self.setWindowTitle(self.tr("编辑储备库") if self.editing else self.tr("新增储备库"))
        areas = list_areas(dctx.service)
        self.area_kinds = {area.code: area.kind for area in areas}
        self.form = FieldForm()
        self.code = self.form.add(CODE, self.tr("储备库编码"), QLineEdit(self))
        self.name = self.form.add(NAME, self.tr("储备库名称"), QLineEdit(self))
        self.level = self.form.add(LEVEL, self.tr("级别"), QComboBox(self))
        for level in StoreLevel:
            self.level.addItem(level_label(level), level.value)
        self.area = self.form.add(AREA, self.tr("所在行政区"), _area_combo(self, areas))
        self.address = self.form.add(ADDRESS, self.tr("地址"), QLineEdit(self))
        self.keeper = self.form.add(KEEPER, self.tr("保管员 / 负责人"), QLineEdit(self))
        self.phone = self.form.add(PHONE, self.tr("联系电话"), QLineEdit(self))
        self.floor_area = self.form.add(FLOOR, self.tr("面积（m²）"), QLineEdit(self))
        self.form.add_general_error()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self))
        self.code.textChanged.connect(self._check_code)
        self.name.textChanged.connect(self._check_name)
        self.area.currentIndexChanged.connect(self._suggest_level)
        if store is not None:
            self._load(store)
        else:
            if area_code:
                self.area.setCurrentIndex(max(self.area.findData(area_code), 0))
            self._suggest_level()
        self.setMinimumWidth(460)

    def _load(self, store: Store) -> None:
        self.code.setText(store.code)
        self.code.setReadOnly(True)
        self.name.setText(store.name)
        self.area.setCurrentIndex(max(self.area.findData(store.area.code), 0))
        self.level.setCurrentIndex(max(self.level.findData(store.level.value), 0))
        self.address.setText(store.address)
        self.keeper.setText(store.keeper_name)
        self.phone.setText(store.keeper_phone)
        self.floor_area.setText("" if store.floor_area is None else format(store.floor_area, "f"))

    def _suggest_level(self) -> None:
        kind = self.area_kinds.get(self.area.currentData())
        if kind is not None and not self.editing:
            self.level.setCurrentIndex(max(self.level.findData(kind.value), 0))

    def _check_code(self) -> None:
        try:
            check_code(self.code.text(), CODE)
        except ValidationError as error:
            self.form.set_error(CODE, error.message)
        else:
            self.form.set_error(CODE, None)

    def _check_name(self) -> None:
        try:
            check_text(self.name.text(), NAME, max_length=200, required=True)
        except ValidationError as error:
            self.form.set_error(NAME, error.message)
        else:
            self.form.set_error(NAME, None)

    def values(self) -> StoreInput:
        return StoreInput(
            code=self.code.text().strip(), name=self.name.text(), level=self.level.currentData(),
            area_code=self.area.currentData() or "", address=self.address.text(),
            keeper_name=self.keeper.text(), keeper_phone=self.phone.text(),
            floor_area=self.floor_area.text().strip() or None,
        )

    def save(self) -> None:
        self.form.clear_errors()
        if self.area.currentData() is None:
            self.form.set_error(AREA, self.tr("请先建立行政区，再新增储备库。"))
            return
        try:
            store = (update_store if self.editing else create_store)(self.dctx.service, self.values())
        except DomainError as error:
            self.form.show_error(error)
            return
        self.saved_code = store.code
        self.dctx.notify(flags.STORES)
        self.accept()

    @classmethod
    def run(cls, dctx: DesktopContext, parent: QWidget | None = None, store: Store | None = None,
            area_code: str | None = None) -> str | None:
        dialog = cls(dctx, store, parent, area_code=area_code)
        return dialog.saved_code if dialog.exec() == QDialog.Accepted else None


class AreaDialog(QDialog):
    """Add a township under the county or a village under a township."""

    def __init__(self, dctx: DesktopContext, parent_code: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.dctx = dctx
        self.saved_code: str | None = None
        self.setWindowTitle(self.tr("新增行政区"))
        areas = list_areas(dctx.service)
        self.form = FieldForm()
        self.parent_area = self.form.add("上级", self.tr("上级行政区"), _area_combo(self, areas))
        self.parent_area.insertItem(0, self.tr("（无，县级）"), None)
        self.parent_area.setCurrentIndex(max(self.parent_area.findData(parent_code), 0) if parent_code else 0)
        self.code = self.form.add("行政区编码", self.tr("行政区编码"), QLineEdit(self))
        self.code.setPlaceholderText(self.tr("如 320101001"))
        self.name = self.form.add("行政区名称", self.tr("名称"), QLineEdit(self))
        self.kind = self.form.add("类型", self.tr("类型"), QComboBox(self))
        for kind, text in AREA_KINDS.items():
            self.kind.addItem(label(text), kind.value)
        self.area_kinds = {area.code: area.kind for area in areas}
        self.parent_area.currentIndexChanged.connect(self._suggest_kind)
        self._suggest_kind()
        self.form.add_general_error()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self))

    def _suggest_kind(self) -> None:
        parent_kind = self.area_kinds.get(self.parent_area.currentData())
        kind = {None: AreaKind.COUNTY, AreaKind.COUNTY: AreaKind.TOWNSHIP}.get(parent_kind, AreaKind.VILLAGE)
        self.kind.setCurrentIndex(max(self.kind.findData(kind.value), 0))

    def save(self) -> None:
        self.form.clear_errors()
        try:
            area = create_area(self.dctx.service, self.code.text(), self.name.text(), self.kind.currentData(),
                               self.parent_area.currentData())
        except DomainError as error:
            self.form.show_error(error)
            return
        self.saved_code = area.code
        self.dctx.notify(flags.STORES)
        self.accept()
