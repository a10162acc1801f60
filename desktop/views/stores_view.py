"""储备库: administrative areas and the reserve stores in them, with keeper contacts."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTableView,
                               QTreeView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.store_dialog import AreaDialog, StoreDialog
from desktop.formatting import level_label, number_text, with_note
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (CENTER, RIGHT, ROW_ROLE, SORT_ROLE, Column, RowTableModel,
                                            configure_table, restore_columns)
from desktop.views.registry import ViewSpec
from models.schema.enums import StoreLevel
from models.schema.warehouse import Area, Store
from models.services.stock_view_queries import store_line_counts
from models.services.warehouses import list_areas, list_stores

AREA_ROLE = Qt.UserRole + 10


def area_descendants(areas: list[Area], code: str) -> set[int]:
    """Ids of the area with ``code`` and every area below it."""
    by_parent: dict[int | None, list[Area]] = {}
    for area in areas:
        by_parent.setdefault(area.parent_id, []).append(area)
    start = [area for area in areas if area.code == code]
    found: set[int] = set()
    while start:
        area = start.pop()
        found.add(area.id)
        start.extend(by_parent.get(area.id, []))
    return found


class StoreFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.area_ids: set[int] | None = None
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, area_ids: set[int] | None, text: str) -> None:
        self.beginFilterChange()
        self.area_ids, self.text = area_ids, text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return False
        store: Store = row[0]
        if self.area_ids is not None and store.area_id not in self.area_ids:
            return False
        return not self.text or any(self.text in value.lower() for value in (
            store.code, store.name, store.address, store.keeper_name, store.keeper_phone, store.area.name))


class StoresView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.areas: list[Area] = []
        self._build()
        dctx.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QTreeView.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._apply_filter())
        self.model = RowTableModel([
            Column(self.tr("编码"), lambda r: r[0].code),
            Column(self.tr("名称"), lambda r: r[0].name),
            Column(self.tr("级别"), lambda r: level_label(r[0].level), lambda r: list(StoreLevel).index(r[0].level), CENTER),
            Column(self.tr("行政区"), lambda r: r[0].area.name),
            Column(self.tr("地址"), lambda r: r[0].address),
            Column(self.tr("保管员"), lambda r: r[0].keeper_name),
            Column(self.tr("联系电话"), lambda r: r[0].keeper_phone),
            Column(self.tr("面积（m²）"), lambda r: number_text(r[0].floor_area),
                   lambda r: float(r[0].floor_area) if r[0].floor_area is not None else -1.0, RIGHT),
            Column(self.tr("库存批次"), lambda r: number_text(r[1]), lambda r: r[1], RIGHT),
        ], self)
        self.proxy = StoreFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        configure_table(self.table, "stores")
        add_export_action(self.table, self.tr("储备库"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(2, Qt.AscendingOrder)
        restore_columns(self.table, "stores", [110, 170, 80, 90, 170, 80, 110, 80, 70])
        self.table.doubleClicked.connect(lambda _index: self.edit_store())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：编码、名称、地址、保管员、电话"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self._apply_filter())
        self.add_button = QPushButton(style.icon("add"), self.tr("新增储备库"), self)
        self.add_button.clicked.connect(self.add_store)
        self.edit_button = QPushButton(style.icon("edit"), self.tr("编辑储备库"), self)
        self.edit_button.clicked.connect(self.edit_store)
        self.area_button = QPushButton(style.icon("area"), self.tr("新增行政区"), self)
        self.area_button.clicked.connect(self.add_area)
        self.stock_button = QPushButton(style.icon("stock"), self.tr("查看库存"), self)
        self.stock_button.clicked.connect(self.show_stock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.area_button, self.stock_button):
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
        splitter.setSizes([240, 760])
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("储备库"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        current = self.selected_area_code()
        self.areas = list_areas(self.dctx.service)
        stores = list_stores(self.dctx.service)
        counts = store_line_counts(self.dctx.service)
        self.model.set_rows([(store, counts.get(store.code, 0)) for store in stores])
        self._fill_tree(stores)
        if current:
            self.select_area(current)
        self._apply_filter()

    def _fill_tree(self, stores: list[Store]) -> None:
        per_area: dict[int, int] = {}
        for store in stores:
            per_area[store.area_id] = per_area.get(store.area_id, 0) + 1
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        root = QStandardItem(style.icon("county"), self.tr("全部行政区（%1 个储备库）").replace("%1", str(len(stores))))
        root.setData(None, AREA_ROLE)
        self.tree_model.appendRow(root)
        nodes: dict[int, QStandardItem] = {}
        for area in sorted(self.areas, key=lambda a: (len(a.code), a.code)):
            below = sum(per_area.get(area_id, 0) for area_id in area_descendants(self.areas, area.code))
            node = QStandardItem(style.icon("area"), with_note(area.name, below))
            node.setData(area.code, AREA_ROLE)
            nodes[area.id] = node
            nodes.get(area.parent_id, root).appendRow(node)
        self.tree.expandAll()

    def selected_area_code(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(AREA_ROLE) if index.isValid() else None

    def select_area(self, code: str) -> None:
        matches = self.tree_model.match(self.tree_model.index(0, 0), AREA_ROLE, code, 1,
                                        Qt.MatchExactly | Qt.MatchRecursive)
        if matches:
            self.tree.setCurrentIndex(matches[0])

    def _apply_filter(self) -> None:
        code = self.selected_area_code()
        self.proxy.set_filter(area_descendants(self.areas, code) if code else None, self.search.text())

    def selected_store(self) -> Store | None:
        index = self.table.currentIndex()
        row = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return row[0] if row else None

    def add_store(self) -> None:
        StoreDialog.run(self.dctx, self, area_code=self.selected_area_code())

    def edit_store(self) -> None:
        store = self.selected_store()
        if store is not None:
            StoreDialog.run(self.dctx, self, store)

    def add_area(self) -> None:
        AreaDialog(self.dctx, self.selected_area_code(), self).exec()

    def show_stock(self) -> None:
        store = self.selected_store()
        if store is not None:
            self.dctx.select_store(store.code)
            self.open_view.emit("stock", {})

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STORES, flags.STOCK, flags.DOCUMENTS}:
            self.refresh()


VIEW_SPEC = ViewSpec(key="stores", title="储备库", order=40, factory=StoresView, shortcut="Ctrl+4", icon="stores")
