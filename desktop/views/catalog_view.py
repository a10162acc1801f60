"""物资目录: the category tree (GB/T 38565 codes) and the items in the chosen category."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTableView, QTreeView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.field_form import FieldForm
from desktop.dialogs.item_dialog import ItemDialog, parse_optional_int
from desktop.formatting import money_text, with_note
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (CENTER, RIGHT, ROW_ROLE, Column, configure_table,
                                            restore_columns)
from desktop.table_models.sorted_rows import SortedRowModel, SortingProxy
from desktop.views.registry import ViewSpec
from models.errors import DomainError
from models.schema.catalog import Category, Item
from models.services.catalog import create_category, list_categories, list_items

CODE_ROLE = Qt.UserRole + 10


class CategoryDialog(QDialog):
    """Add one category: its code names the level and the parent (1 → 101 → 10101 → 1010101)."""

    def __init__(self, dctx: DesktopContext, parent_code: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.dctx = dctx
        self.saved_code: str | None = None
        self.setWindowTitle(self.tr("新增分类"))
        self.form = FieldForm()
        self.code = self.form.add("分类编码", self.tr("分类编码"), QLineEdit(self))
        self.code.setPlaceholderText(self.tr("如 101（中类）、10101（小类）"))
        if parent_code:
            self.code.setText(parent_code)
        self.name = self.form.add("分类名称", self.tr("分类名称"), QLineEdit(self))
        self.lead = self.form.add("轮换提前期（天）", self.tr("轮换提前期（天）"), QLineEdit(self))
        self.form.add_general_error()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            lead = parse_optional_int(self.lead.text(), "轮换提前期（天）")
            category = create_category(self.dctx.service, self.code.text(), self.name.text(), rotation_lead_days=lead)
        except DomainError as error:
            self.form.show_error(error)
            return
        self.saved_code = category.code
        self.dctx.notify(flags.CATALOG)
        self.accept()


class ItemFilterProxy(SortingProxy):
    """Filters by category prefix and text; the rows are sorted by the SortedRowModel below."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.prefix: str | None = None
        self.text = ""

    def set_filter(self, prefix: str | None, text: str) -> None:
        text = text.strip().lower()
        if (prefix, text) == (self.prefix, self.text):
            return  # unchanged: no pass over every row
        self.beginFilterChange()
        self.prefix, self.text = prefix, text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self.prefix and not self.text:
            return True
        item, category = self.sourceModel().row_at(source_row)
        if self.prefix and not (category and category.code.startswith(self.prefix)):
            return False
        if self.text:
            return any(self.text in value for value in (item.name, item.code.lower(), item.spec.lower(),
                                                         *(item.pinyin or "").split()))
        return True


class CatalogView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.categories: dict[int, Category] = {}
        self._build()
        dctx.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.tree_model = QStandardItemModel(self)
        self.tree_model.setHorizontalHeaderLabels([self.tr("分类")])
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QTreeView.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._apply_filter())
        self.items_model = SortedRowModel([
            Column(self.tr("物资编码"), lambda r: r[0].code),
            Column(self.tr("物资名称"), lambda r: r[0].name),
            Column(self.tr("规格型号"), lambda r: r[0].spec),
            Column(self.tr("单位"), lambda r: r[0].unit, None, CENTER),
            Column(self.tr("分类"), lambda r: f"{r[1].code} {r[1].name}" if r[1] else "", lambda r: r[1].code if r[1] else ""),
            Column(self.tr("保质期（月）"), lambda r: str(r[0].shelf_life_months or ""),
                   lambda r: r[0].shelf_life_months or 0, RIGHT),
            Column(self.tr("轮换提前期（天）"), lambda r: "" if r[0].rotation_lead_days is None else str(r[0].rotation_lead_days),
                   lambda r: -1 if r[0].rotation_lead_days is None else r[0].rotation_lead_days, RIGHT),
            Column(self.tr("须回收"), lambda r: self.tr("是") if r[0].returnable else "", None, CENTER),
            Column(self.tr("单价"), lambda r: money_text(r[0].unit_price),
                   lambda r: float(r[0].unit_price) if r[0].unit_price is not None else -1.0, RIGHT),
        ], self)
        self.proxy = ItemFilterProxy(self)
        self.proxy.setSourceModel(self.items_model)
        self.table = QTableView(self)
        configure_table(self.table, "catalog_items")
        add_export_action(self.table, self.tr("物资目录"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        restore_columns(self.table, "catalog_items", [90, 140, 130, 50, 160, 90, 110, 60, 90])
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：名称、编码或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self._apply_filter())
        self.add_button = QPushButton(style.icon("add"), self.tr("新增物资"), self)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(style.icon("edit"), self.tr("编辑物资"), self)
        self.edit_button.clicked.connect(self.edit_item)
        self.category_button = QPushButton(style.icon("add"), self.tr("新增分类"), self)
        self.category_button.clicked.connect(self.add_category)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.category_button):
            buttons.addWidget(button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.table)
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("物资目录"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        current = self.selected_category_code()
        categories = list_categories(self.dctx.service)
        self.categories = {category.id: category for category in categories}
        items = list_items(self.dctx.service)
        self._fill_tree(categories, items)
        self.items_model.set_rows([(item, self.categories.get(item.category_id)) for item in items])
        if current:
            self.select_category(current)
        self._apply_filter()

    def _fill_tree(self, categories: list[Category], items: list[Item]) -> None:
        counts: dict[str, int] = {}
        for item in items:
            category = self.categories.get(item.category_id)
            code = category.code if category else ""
            for length in (1, 3, 5, 7):
                if len(code) >= length:
                    counts[code[:length]] = counts.get(code[:length], 0) + 1
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        root = QStandardItem(self.tr("全部物资（%1）").replace("%1", str(len(items))))
        root.setData(None, CODE_ROLE)
        self.tree_model.appendRow(root)
        nodes: dict[str, QStandardItem] = {}
        for category in categories:
            node = QStandardItem(with_note(f"{category.code} {category.name}", counts.get(category.code, 0)))
            node.setData(category.code, CODE_ROLE)
            parent = nodes.get(category.code[:-2]) if len(category.code) > 1 else root
            (parent or root).appendRow(node)
            nodes[category.code] = node
        self.tree.expand(root.index())

    def selected_category_code(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def select_category(self, code: str) -> None:
        matches = self.tree_model.match(self.tree_model.index(0, 0), CODE_ROLE, code, 1,
                                        Qt.MatchExactly | Qt.MatchRecursive)
        if matches:
            self.tree.setCurrentIndex(matches[0])

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.selected_category_code(), self.search.text())

    def selected_item(self) -> Item | None:
        index = self.table.currentIndex()
        row = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return row[0] if row else None

    def add_item(self) -> None:
        code = ItemDialog.run(self.dctx, self, category_code=self.selected_category_code())
        if code:
            self.select_item(code)

    def edit_item(self) -> None:
        item = self.selected_item()
        if item is not None:
            ItemDialog.run(self.dctx, self, item)

    def add_category(self) -> None:
        CategoryDialog(self.dctx, self.selected_category_code(), self).exec()

    def select_item(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE)[0].code == code:
                self.table.setCurrentIndex(index)
                return

    def apply_filter(self, *, text: str | None = None, category: str | None = None, **_ignored) -> None:
        if text is not None:
            self.search.setText(text)
        if category:
            self.select_category(category)

    def _on_changed(self, changed: frozenset) -> None:
        if flags.CATALOG in changed:
            self.refresh()


VIEW_SPEC = ViewSpec(key="catalog", title="物资目录", order=30, factory=CatalogView, shortcut="Ctrl+3", icon="catalog")
