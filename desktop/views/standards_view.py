"""定额标准: the standards the adequacy check uses. Copy a standard, edit its needs (unit, basis,
quota) and the catalogue items linked to each need with their factors (one 36 m² tent counts as 3
of "12 m² tent equivalent"). Every change is a call into models/services/standards.py."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.formatting import label, number_text, with_note
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (CENTER, RIGHT, SORT_ROLE, Column, RowTableModel, configure_table,
                                            restore_columns)
from desktop.views.registry import ViewSpec
from models.errors import DomainError
from models.schema.enums import Role
from models.schema.standards import NeedBasis, Season
from models.services import standards as svc
from models.services.catalog import list_items

UNLINKED_FG = QColor("#8a1010")  # a need with no item linked counts nothing


def quota_text(need: svc.NeedInfo) -> str:
    quota = number_text(need.quota)
    translate = QCoreApplication.translate
    if need.basis is NeedBasis.PER_PERSON_DAY:
        text = translate("StandardsView", "每人每天 %1 %2")
    elif need.basis is NeedBasis.PER_PERSONS:
        text = translate("StandardsView", "每 %1 人 1 %2")
    else:
        text = translate("StandardsView", "固定 %1 %2")
    return text.replace("%1", quota).replace("%2", need.unit)


class NeedDialog(QDialog):
    """Name, unit, basis, quota and order of a need."""

    def __init__(self, need: svc.NeedInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改需求项") if need else self.tr("新增需求项"))
        self.name = QLineEdit(need.name if need else "", self)
        self.unit = QLineEdit(need.unit if need else "", self)
        self.basis = QComboBox(self)
        for basis in NeedBasis:
            self.basis.addItem(label(basis.label), basis.value)
        if need:
            self.basis.setCurrentIndex(self.basis.findData(need.basis.value))
        self.quota = QLineEdit(format(need.quota.normalize(), "f") if need else "", self)
        self.quota.setPlaceholderText(self.tr("如 3、0.5 或 0.25/30"))
        self.order = QSpinBox(self)
        self.order.setRange(0, 100000)
        self.order.setValue(need.sort_order if need else 0)
        self.hint = QLabel(self)
        self.hint.setProperty("role", "hint")
        self.basis.currentIndexChanged.connect(self._hint)
        self._hint()
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("计量单位"), self.unit)
        form.addRow(self.tr("计算方式"), self.basis)
        form.addRow(self.tr("定额"), self.quota)
        form.addRow("", self.hint)
        form.addRow(self.tr("排序号"), self.order)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("确定"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _hint(self) -> None:
        hints = {"per_person_day": self.tr("需求量 = 定额 × 人数 × 天数"),
                 "per_persons": self.tr("需求量 = 人数 ÷ 定额，进位取整（定额为每件覆盖的人数）"),
                 "fixed": self.tr("需求量 = 定额（固定目标数量，与人数无关）")}
        self.hint.setText(hints[self.basis.currentData()])

    def values(self) -> svc.NeedInput:
        return svc.NeedInput(self.name.text(), self.unit.text(), self.basis.currentData(), self.quota.text(),
                             self.order.value())

    @classmethod
    def ask(cls, need: svc.NeedInfo | None, parent: QWidget | None = None) -> svc.NeedInput | None:
        dialog = cls(need, parent)
        return dialog.values() if dialog.exec() == QDialog.Accepted else None


class LinkDialog(QDialog):
    """Choose a catalogue item and how many need units one unit of it counts as."""

    def __init__(self, items, need: svc.NeedInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关联物资：%1").replace("%1", need.name))
        self.item = QComboBox(self)
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.NoInsert)
        for item in items:
            self.item.addItem(with_note(f"{item.code}  {item.name} {item.spec}".strip(), item.unit), item.code)
        self.factor = QLineEdit("1", self)
        form = QFormLayout(self)
        form.addRow(self.tr("物资"), self.item)
        form.addRow(self.tr("折算系数"), self.factor)
        form.addRow("", QLabel(self.tr("1 个物资单位折合多少 %1（如 36㎡帐篷折 3 顶 12㎡当量）").replace("%1", need.unit), self))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("确定"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, items, need: svc.NeedInfo, parent: QWidget | None = None) -> tuple[str, str] | None:
        dialog = cls(items, need, parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.item.currentData(), dialog.factor.text()


class StandardsView(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.standards: list[svc.StandardInfo] = []
        self.needs = RowTableModel([
            Column(self.tr("需求项"), lambda n: n.name, None, width=170),
            Column(self.tr("单位"), lambda n: n.unit, None, CENTER, 60),
            Column(self.tr("计算方式"), lambda n: label(n.basis.label), None, CENTER, 100),
            Column(self.tr("定额"), quota_text, lambda n: float(n.quota), width=170),
            Column(self.tr("关联物资"), lambda n: str(len(n.items)), lambda n: len(n.items), RIGHT, 80),
            Column(self.tr("排序"), lambda n: str(n.sort_order), lambda n: n.sort_order, RIGHT, 60),
        ], self, foreground=lambda n: None if n.items else UNLINKED_FG)
        self.links = RowTableModel([
            Column(self.tr("物资编码"), lambda i: i.item_code, None, width=100),
            Column(self.tr("物资名称"), lambda i: i.item_name, None, width=140),
            Column(self.tr("规格"), lambda i: i.spec, None, width=140),
            Column(self.tr("单位"), lambda i: i.unit, None, CENTER, 60),
            Column(self.tr("折算系数"), lambda i: number_text(i.factor), lambda i: float(i.factor), RIGHT, 90),
        ], self)
        self._build()
        try:
            svc.ensure_default_standards(dctx.service)
        except DomainError as exc:
            interaction.error(self, self.tr("定额标准"), exc.message)
        dctx.changed.connect(self._on_changed)
        self.refresh()

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._show_standard)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("定额标准"), self))
        left.addWidget(self.list, 1)
        self.new_button = self._button(self.tr("新建…"), self.create_standard)
        self.copy_button = self._button(self.tr("复制…"), self.copy_standard)
        self.rename_button = self._button(self.tr("改名…"), self.rename_standard)
        self.delete_button = self._button(self.tr("删除"), self.delete_standard)
        row = QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.rename_button, self.delete_button):
            row.addWidget(button)
        left.addLayout(row)
        left_widget = QWidget(self)
        left_widget.setLayout(left)

        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.season = QComboBox(self)
        for season in Season:
            self.season.addItem(label(season.label), season.value)
        self.season.activated.connect(lambda *_: self.save_details())
        self.description = QLineEdit(self)
        self.description.editingFinished.connect(self.save_details)
        details = QFormLayout()
        details.addRow(self.tr("季节"), self.season)
        details.addRow(self.tr("说明"), self.description)

        self.need_table = self._table(self.needs, "standard_needs")
        self.need_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_links())
        self.need_table.doubleClicked.connect(lambda *_: self.edit_need())
        self.add_need_button = self._button(self.tr("新增需求项…"), self.add_need)
        self.edit_need_button = self._button(self.tr("修改…"), self.edit_need)
        self.delete_need_button = self._button(self.tr("删除需求项"), self.delete_need)
        need_buttons = QHBoxLayout()
        for button in (self.add_need_button, self.edit_need_button, self.delete_need_button):
            need_buttons.addWidget(button)
        need_buttons.addStretch(1)

        self.link_table = self._table(self.links, "standard_links")
        self.link_table.doubleClicked.connect(lambda *_: self.change_factor())
        self.link_button = self._button(self.tr("关联物资…"), self.link_item)
        self.factor_button = self._button(self.tr("修改系数…"), self.change_factor)
        self.unlink_button = self._button(self.tr("取消关联"), self.unlink_item)
        self.auto_button = self._button(self.tr("按名称自动关联默认标准"), self.auto_link)
        link_buttons = QHBoxLayout()
        for button in (self.link_button, self.factor_button, self.unlink_button):
            link_buttons.addWidget(button)
        link_buttons.addStretch(1)
        link_buttons.addWidget(self.auto_button)

        needs_box = QGroupBox(self.tr("需求项"), self)
        needs_layout = QVBoxLayout(needs_box)
        needs_layout.addWidget(self.need_table)
        needs_layout.addLayout(need_buttons)
        self.links_box = QGroupBox(self.tr("满足该需求的物资"), self)
        links_layout = QVBoxLayout(self.links_box)
        links_layout.addWidget(self.link_table)
        links_layout.addLayout(link_buttons)

        right_splitter = QSplitter(Qt.Vertical, self)
        right_splitter.addWidget(needs_box)
        right_splitter.addWidget(self.links_box)
        right_splitter.setSizes([380, 220])
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addLayout(details)
        right.addWidget(right_splitter, 1)
        right_widget = QWidget(self)
        right_widget.setLayout(right)

        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        can_edit = self.dctx.service.actor.role in (Role.ADMIN, Role.OFFICER)
        for widget in (self.new_button, self.copy_button, self.rename_button, self.delete_button, self.add_need_button,
                       self.edit_need_button, self.delete_need_button, self.link_button, self.factor_button,
                       self.unlink_button, self.auto_button, self.season, self.description):
            widget.setEnabled(can_edit)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda *_: slot())
        return button

    def _table(self, model: RowTableModel, key: str) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(model)
        table = QTableView(self)
        table.setModel(proxy)
        configure_table(table, key)
        add_export_action(table, self.tr("定额标准"))
        table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        restore_columns(table, key, model.default_widths())
        return table

    # --- reading ---------------------------------------------------------------------------
    def refresh(self, select: str | None = None, need: str | None = None) -> None:
        """Reload the standards, keeping (or moving to) the chosen standard and need."""
        same = select is None or (self.current() is not None and select == self.current().name)
        if need is None and same and self.current_need() is not None:
            need = self.current_need().name
        select = select or (self.current().name if self.current() else svc.SUMMER_DEFAULT)
        self.standards = svc.list_standards(self.dctx.service)
        self.list.blockSignals(True)
        self.list.clear()
        for standard in self.standards:
            text = standard.name + (self.tr("（默认）") if standard.is_builtin else "")
            QListWidgetItem(text, self.list)
        self.list.blockSignals(False)
        names = [s.name for s in self.standards]
        self.list.blockSignals(True)
        self.list.setCurrentRow(names.index(select) if select in names else 0)
        self.list.blockSignals(False)
        self._show_standard(need_name=need)

    def current(self) -> svc.StandardInfo | None:
        row = self.list.currentRow()
        return self.standards[row] if 0 <= row < len(self.standards) else None

    def current_need(self) -> svc.NeedInfo | None:
        index = self.need_table.currentIndex()
        if not index.isValid():
            return None
        return self.needs.row_at(self.need_table.model().mapToSource(index).row())

    def current_link(self) -> svc.NeedItemInfo | None:
        index = self.link_table.currentIndex()
        if not index.isValid():
            return None
        return self.links.row_at(self.link_table.model().mapToSource(index).row())

    def _show_standard(self, _row: int = -1, need_name: str | None = None) -> None:
        standard = self.current()
        if standard is None:
            self.needs.set_rows([])
            self.links.set_rows([])
            return
        self.title.setText(standard.name)
        self.season.setCurrentIndex(self.season.findData(standard.season.value))
        self.description.setText(standard.description)
        self.description.setCursorPosition(0)
        self.needs.set_rows(standard.needs)
        can_edit = self.dctx.service.actor.role in (Role.ADMIN, Role.OFFICER)
        self.rename_button.setEnabled(can_edit and not standard.is_builtin)
        self.delete_button.setEnabled(can_edit and not standard.is_builtin)
        self.auto_button.setVisible(standard.is_builtin)
        names = [need.name for need in standard.needs]
        row = names.index(need_name) if need_name in names else 0
        if names:
            self.need_table.setCurrentIndex(self.need_table.model().mapFromSource(self.needs.index(row, 0)))
        self._show_links()

    def _show_links(self) -> None:
        need = self.current_need()
        self.links.set_rows(need.items if need else [])
        self.links_box.setTitle(self.tr("满足“%1”的物资").replace("%1", need.name) if need else self.tr("满足该需求的物资"))

    def _on_changed(self, changed: frozenset) -> None:
        if flags.STANDARDS in changed or flags.CATALOG in changed:
            self.refresh()

    # --- changes ---------------------------------------------------------------------------
    def _run(self, title: str, action, *, select: str | None = None, need: str | None = None) -> bool:
        try:
            action()
        except DomainError as exc:
            interaction.error(self, title, exc.message)
            return False
        self.refresh(select, need)
        self.dctx.notify(flags.STANDARDS)
        return True

    def create_standard(self) -> None:
        name = interaction.ask_text(self, self.tr("新建定额标准"), self.tr("标准名称"))
        if name:
            self._run(self.tr("新建定额标准"), lambda: svc.create_standard(self.dctx.service, name), select=name.strip())

    def copy_standard(self) -> None:
        source = self.current()
        if source is None:
            return
        name = interaction.ask_text(self, self.tr("复制定额标准"), self.tr("新标准名称"),
                                    self.tr("%1（副本）").replace("%1", source.name))
        if name:
            self._run(self.tr("复制定额标准"), lambda: svc.copy_standard(self.dctx.service, source.name, name),
                      select=name.strip())

    def rename_standard(self) -> None:
        standard = self.current()
        if standard is None:
            return
        name = interaction.ask_text(self, self.tr("改名"), self.tr("新名称"), standard.name)
        if name and name != standard.name:
            self._run(self.tr("改名"), lambda: svc.rename_standard(self.dctx.service, standard.name, name),
                      select=name.strip())

    def delete_standard(self) -> None:
        standard = self.current()
        if standard is None or not interaction.confirm(
                self, self.tr("删除定额标准"), self.tr("确定删除定额标准“%1”及其全部需求项？").replace("%1", standard.name)):
            return
        self._run(self.tr("删除定额标准"), lambda: svc.delete_standard(self.dctx.service, standard.name),
                  select=svc.SUMMER_DEFAULT)

    def save_details(self) -> None:
        standard = self.current()
        if standard is None:
            return
        description, season = self.description.text(), self.season.currentData()
        if description.strip() == standard.description and season == standard.season.value:
            return
        self._run(self.tr("修改定额标准"), lambda: svc.update_standard(
            self.dctx.service, standard.name, description=description, season=season), select=standard.name)

    def add_need(self, values: svc.NeedInput | None = None) -> None:
        standard = self.current()
        values = values or (NeedDialog.ask(None, self) if standard else None)
        if standard and values:
            self._run(self.tr("新增需求项"), lambda: svc.add_need(self.dctx.service, standard.name, values),
                      select=standard.name, need=values.name.strip())

    def edit_need(self, values: svc.NeedInput | None = None) -> None:
        standard, need = self.current(), self.current_need()
        if not standard or not need:
            return
        values = values or NeedDialog.ask(need, self)
        if values:
            self._run(self.tr("修改需求项"), lambda: svc.update_need(self.dctx.service, standard.name, need.name, values),
                      select=standard.name, need=values.name.strip())

    def delete_need(self) -> None:
        standard, need = self.current(), self.current_need()
        if not standard or not need or not interaction.confirm(
                self, self.tr("删除需求项"), self.tr("确定删除需求项“%1”？").replace("%1", need.name)):
            return
        self._run(self.tr("删除需求项"), lambda: svc.delete_need(self.dctx.service, standard.name, need.name),
                  select=standard.name)

    def link_item(self, choice: tuple[str, str] | None = None) -> None:
        standard, need = self.current(), self.current_need()
        if not standard or not need:
            return
        choice = choice or LinkDialog.ask(list_items(self.dctx.service), need, self)
        if choice:
            code, factor = choice
            self._run(self.tr("关联物资"), lambda: svc.link_item(self.dctx.service, standard.name, need.name, code, factor),
                      select=standard.name, need=need.name)

    def change_factor(self) -> None:
        standard, need, link = self.current(), self.current_need(), self.current_link()
        if not standard or not need or not link:
            return
        factor = interaction.ask_text(self, self.tr("修改折算系数"),
                                      self.tr("1 %1“%2”折合多少 %3：").replace("%1", link.unit)
                                      .replace("%2", link.item_name).replace("%3", need.unit),
                                      format(Decimal(link.factor).normalize(), "f"))
        if factor:
            self._run(self.tr("修改折算系数"), lambda: svc.link_item(
                self.dctx.service, standard.name, need.name, link.item_code, factor), select=standard.name, need=need.name)

    def unlink_item(self) -> None:
        standard, need, link = self.current(), self.current_need(), self.current_link()
        if not standard or not need or not link:
            return
        self._run(self.tr("取消关联"), lambda: svc.unlink_item(self.dctx.service, standard.name, need.name, link.item_code),
                  select=standard.name, need=need.name)

    def auto_link(self) -> None:
        standard = self.current()
        result: list[int] = []
        if self._run(self.tr("自动关联"), lambda: result.append(svc.auto_link_default_items(self.dctx.service)),
                     select=standard.name if standard else None):
            interaction.information(self, self.tr("自动关联"),
                                    self.tr("已按名称、规格和分类为默认标准新增关联 %1 项。").replace("%1", str(result[0])))


VIEW_SPEC = ViewSpec(key="standards", title="定额标准", order=85, factory=StandardsView)
