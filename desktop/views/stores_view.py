"""储备库: administrative areas and the reserve stores in them, with keeper contacts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTableView,
                               QTreeView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.store_dialog import AreaDialog, StoreDialog
from desktop.formatting import level_label, number_text, with_note
from desktop.export_table import add_export_action
from desktop.table_models.row_model import CENTER, RIGHT, ROW_ROLE, Column, configure_table, restore_columns
from desktop.table_models.sorted_rows import SortedRowModel
from desktop.views.registry import ViewSpec
from models.schema.enums import StoreLevel
from models.schema.warehouse import Store
from models.services.warehouses import AreaListRow, StoreListRow, store_for_edit, store_list

AREA_ROLE = int(Qt.ItemDataRole.UserRole.value) + 10


def area_descendants(areas: list[AreaListRow], code: str) -> set[int]:
    """Ids of the area with ``code`` and every area below it."""
    by_parent: dict[int | None, list[AreaListRow]] = {}
    for area in areas:
        by_parent.setdefault(area.parent_id, []).append(area)
    start = [area for area in areas if area.code == code]
    found: set[int] = set()
    while start:
        area = start.pop()
        found.add(area.id)
        start.extend(by_parent.get(area.id, []))
    return found


def stores_below(areas: list[AreaListRow], stores: list[StoreListRow]) -> dict[int, int]:
    """Number of stores in each area and every area below it, in one pass up the tree per area with stores
    (asking ``area_descendants`` once per area took 25 s for the city's 3,200 areas)."""
    parents = {area.id: area.parent_id for area in areas}
    below: dict[int, int] = {}
    for store in stores:
        area_id, seen = store.area_id, set()
        while area_id is not None and area_id not in seen:
            seen.add(area_id)
            below[area_id] = below.get(area_id, 0) + 1
            area_id = parents.get(area_id)
    return below


class StoreTableModel(SortedRowModel):
    """Every store the user may read, of which it shows those in the chosen area matching the search text,
    in the order of the clicked column.

    Sorted as every ``SortedRowModel`` is (one key per row, in the order a ``QSortFilterProxyModel`` gives
    from the service's level-then-code order; ``desktop/table_models/sorted_rows.py``), and filtered here,
    without a proxy: the shown order is the sorted order without the rows filtered out, so the sort keeps
    moving the selection with its row. The search text is looked for in one lower-case string per store,
    made at the first search, not with every opening. ``rows()``/``all_rows()`` are every store held, in the
    service's order; ``row_at`` and the indexes are the rows shown."""

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(columns, parent)
        self._haystacks: list[str] | None = None  # lower-case searchable text of each row, in the order given
        self.area_ids: set[int] | None = None
        self.text = ""

    def set_rows(self, rows) -> None:
        self._haystacks = None
        super().set_rows(rows)

    def all_rows(self) -> list[StoreListRow]:
        """Every store held, shown or not, in the service's order."""
        return self.rows()

    def set_filter(self, area_ids: set[int] | None, text: str) -> None:
        text = text.strip().lower()
        if (area_ids, text) == (self.area_ids, self.text):
            return  # unchanged: no pass over every row
        self.area_ids, self.text = area_ids, text
        super().set_rows(self._given)  # the same rows, filtered anew

    def _sorted_order(self) -> list[int]:
        order = super()._sorted_order()
        if self.area_ids is None and not self.text:
            return order
        if self.text and self._haystacks is None:
            self._haystacks = ["\0".join((row.code, row.name, row.address, row.keeper_name, row.keeper_phone,
                                           row.area_name)).lower() for row in self._given]
        rows, ids, text, haystacks = self._given, self.area_ids, self.text, self._haystacks
        return [i for i in order if (ids is None or rows[i].area_id in ids) and (not text or text in haystacks[i])]


class StoresView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.areas: list[AreaListRow] = []
        self._build()
        dctx.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._apply_filter(self.selected_row()))
        levels = {level: number for number, level in enumerate(StoreLevel)}
        self.model = StoreTableModel([
            Column(self.tr("编码"), lambda r: r.code),
            Column(self.tr("名称"), lambda r: r.name),
            Column(self.tr("级别"), lambda r: level_label(r.level), lambda r: levels[r.level], CENTER),
            Column(self.tr("行政区"), lambda r: r.area_name),
            Column(self.tr("地址"), lambda r: r.address),
            Column(self.tr("保管员"), lambda r: r.keeper_name),
            Column(self.tr("联系电话"), lambda r: r.keeper_phone),
            Column(self.tr("面积（m²）"), lambda r: number_text(r.floor_area),
                   lambda r: float(r.floor_area) if r.floor_area is not None else -1.0, RIGHT),
            Column(self.tr("库存批次"), lambda r: number_text(r.lines), lambda r: r.lines, RIGHT),
        ], self)
        self.table = QTableView(self)
        configure_table(self.table, "stores")
        add_export_action(self.table, self.tr("储备库"))
        self.table.setModel(self.model)
        self.table.sortByColumn(2, Qt.AscendingOrder)
        restore_columns(self.table, "stores", [110, 170, 80, 90, 170, 80, 110, 80, 70])
        self.table.doubleClicked.connect(lambda _index: self.edit_store())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：编码、名称、地址、保管员、电话"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self._apply_filter(self.selected_row()))
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
        current, selected = self.selected_area_code(), self.selected_row()
        listed = store_list(self.dctx.service)
        self.areas = listed.areas
        self.model.set_rows(listed.stores)
        self._fill_tree(listed.stores)
        if current:
            self.select_area(current)
        self._apply_filter(selected)

    def _fill_tree(self, stores: list[StoreListRow]) -> None:
        below = stores_below(self.areas, stores)
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        root = QStandardItem(style.icon("county"), self.tr("全部行政区（%1 个储备库）").replace("%1", str(len(stores))))
        root.setData(None, AREA_ROLE)
        nodes: dict[int, QStandardItem] = {}
        children: dict[int | None, list[QStandardItem]] = {}
        icon = style.icon("area")
        for area in sorted(self.areas, key=lambda a: (len(a.code), a.code)):  # parents before children
            node = nodes[area.id] = QStandardItem(icon, with_note(area.name, below.get(area.id, 0)))
            node.setData(area.code, AREA_ROLE)
            children.setdefault(area.parent_id if area.parent_id in nodes else None, []).append(node)
        # each parent takes its children in one call (PySide6 6.12 drops a reference to None per call, see
        # desktop/refcount_guard.py), and the whole tree joins the model at once: one insertion for the view
        for parent_id, items in children.items():
            (root if parent_id is None else nodes[parent_id]).appendRows(items)
        self.tree_model.appendRow(root)
        self.tree.expandAll()

    def selected_area_code(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(AREA_ROLE) if index.isValid() else None

    def select_area(self, code: str) -> None:
        matches = self.tree_model.match(self.tree_model.index(0, 0), AREA_ROLE, code, 1,
                                        Qt.MatchExactly | Qt.MatchRecursive)
        if matches:
            self.tree.setCurrentIndex(matches[0])

    def _apply_filter(self, selected: StoreListRow | None = None) -> None:
        code = self.selected_area_code()
        self.model.set_filter(area_descendants(self.areas, code) if code else None, self.search.text())
        if selected is not None:  # the selected store stays selected while it is still shown
            for number in range(self.model.rowCount()):
                if self.model.row_at(number).id == selected.id:
                    self.table.setCurrentIndex(self.model.index(number, 0))
                    break

    def selected_row(self) -> StoreListRow | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None

    def selected_store(self) -> Store | None:
        """The selected store, read afresh with its area (for the edit dialog)."""
        row = self.selected_row()
        return store_for_edit(self.dctx.service, row.code) if row is not None else None

    def add_store(self) -> None:
        StoreDialog.run(self.dctx, self, area_code=self.selected_area_code())

    def edit_store(self) -> None:
        store = self.selected_store()
        if store is not None:
            StoreDialog.run(self.dctx, self, store)

    def add_area(self) -> None:
        AreaDialog(self.dctx, self.selected_area_code(), self).exec()

    def show_stock(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.dctx.select_store(row.code)
            self.open_view.emit("stock", {})

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STORES, flags.STOCK, flags.DOCUMENTS}:
            self.refresh()


VIEW_SPEC = ViewSpec(key="stores", title="储备库", order=40, factory=StoresView, shortcut="Ctrl+4", icon="stores")
