"""The left navigation: the list of views, and the tree of areas and stores with stock-line counts.

Choosing a store sets ``DesktopContext.current_store_code`` (through ``select_store``); choosing an
area sets ``current_area_code`` (``select_area``) and the top node clears both. Views react to
``store_selected`` / ``area_selected``, never to this widget.

The tree is a ``QTreeView`` over ``StoreTreeModel``, a model over plain rows (``navigation_tree``): a
city's 3,200 areas and 3,200 stores cost no widget item each, and Qt asks only for the rows it shows
(issue 10: filling one ``QTreeWidgetItem`` per area and store, with its ORM queries, was about a
second of the program's start).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTreeView, QVBoxLayout, QWidget

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.formatting import with_note
from desktop.table_models.row_model import DECORATION, DISPLAY, TOOLTIP
from desktop.i18n import translated
from desktop.views.registry import ViewSpec
from models.schema.enums import AreaKind
from models.services.navigation_tree import NavigationTree, navigation_tree

_USER_ROLE = int(Qt.ItemDataRole.UserRole.value)  # roles as plain ints, as in table_models/row_model
STORE_ROLE = _USER_ROLE + 1
KEY_ROLE = _USER_ROLE + 2
AREA_ROLE = _USER_ROLE + 3
NAME_ROLE = _USER_ROLE + 4


def view_icon(spec: ViewSpec):
    """The view's own icon, else one named after its key, else a generic one: rows stay aligned."""
    for name in (spec.icon, spec.key, "view"):
        icon = style.icon(name or "")
        if not icon.isNull():
            return icon
    return style.icon("view")


class ViewList(QListWidget):
    view_chosen = Signal(str)

    def __init__(self, specs: list[ViewSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for spec in specs:
            item = QListWidgetItem(view_icon(spec), translated("views", spec.title))
            item.setData(KEY_ROLE, spec.key)
            self.addItem(item)
        self.currentItemChanged.connect(lambda current, _previous: current and self.view_chosen.emit(current.data(KEY_ROLE)))
        rows = min(len(specs), 16)  # every view visible without scrolling
        self.setFixedHeight(rows * (max(self.sizeHintForRow(0), 24) + 2) + 2 * self.frameWidth() + 4)

    def mark(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                self.blockSignals(True)
                self.setCurrentRow(row)
                self.blockSignals(False)
                return


class _Node:
    """One row of the tree: the top node (``kind`` "all"), an area or a store."""

    __slots__ = ("kind", "code", "name", "parent", "row", "children", "stores", "lines", "icon")

    def __init__(self, kind: str, code: str | None, name: str, parent: int, icon: str) -> None:
        self.kind, self.code, self.name, self.parent, self.icon = kind, code, name, parent, icon
        self.row = 0  # position under its parent
        self.children: list[int] = []
        self.stores = 0  # stores in this area and below (the store itself for a store)
        self.lines = 0  # their stock lines


class StoreTreeModel(QAbstractItemModel):
    """County → township → village, each store under its area with its count of stock lines.

    Nodes live in one list; an index's internal id is its node's position there. Texts are made
    when Qt asks for a row, so only the rows on screen cost anything."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._nodes: list[_Node] = [_Node("all", None, "", -1, "county")]
        self._stores: dict[str, int] = {}  # store code → node
        self._areas: dict[str, int] = {}  # area code → node

    def load(self, tree: NavigationTree) -> None:
        """Rebuild from ``tree``; areas holding none of the listed stores are left out (keepers see only
        the branches of their own stores)."""
        self.beginResetModel()
        nodes = [_Node("all", None, "", -1, "county")]
        stores: dict[str, int] = {}
        areas: dict[str, int] = {}
        parents = {area.id: area.parent_id for area in tree.areas}
        stores_below: dict[int, int] = {}
        lines_below: dict[int, int] = {}
        by_area: dict[int, list] = {}
        for store in tree.stores:
            by_area.setdefault(store.area_id, []).append(store)
            area_id = store.area_id
            while area_id is not None:
                stores_below[area_id] = stores_below.get(area_id, 0) + 1
                lines_below[area_id] = lines_below.get(area_id, 0) + store.lines
                area_id = parents.get(area_id)
        area_nodes: dict[int, int] = {}
        # parents before children (shorter codes first); under an area its stores, then the areas below
        for area in sorted(tree.areas, key=lambda a: (len(a.code), a.code)):
            if not stores_below.get(area.id):
                continue
            parent = area_nodes.get(area.parent_id, 0)
            node = _Node("area", area.code, area.name, parent, "county" if area.kind is AreaKind.COUNTY else "area")
            node.stores, node.lines = stores_below[area.id], lines_below.get(area.id, 0)
            area_nodes[area.id] = areas[area.code] = len(nodes)
            nodes.append(node)
            for store in sorted(by_area.get(area.id, ()), key=lambda s: s.code):
                leaf = _Node("store", store.code, store.name, area_nodes[area.id], "store")
                leaf.stores, leaf.lines = 1, store.lines
                stores[store.code] = len(nodes)
                nodes.append(leaf)
        nodes[0].stores = len(tree.stores)
        for position, node in enumerate(nodes[1:], start=1):
            siblings = nodes[node.parent].children
            node.row = len(siblings)
            siblings.append(position)
        self._nodes, self._stores, self._areas = nodes, stores, areas
        self.endResetModel()

    # --- lookups --------------------------------------------------------------------------------
    def root_index(self) -> QModelIndex:
        return self.createIndex(0, 0, 0)

    def store_index(self, code: str | None) -> QModelIndex:
        node = self._stores.get(code) if code else None
        return self._index_of(node) if node is not None else QModelIndex()

    def area_index(self, code: str | None) -> QModelIndex:
        node = self._areas.get(code) if code else None
        return self._index_of(node) if node is not None else QModelIndex()

    def store_names(self) -> dict[str, str]:
        return {code: self._nodes[node].name for code, node in self._stores.items()}

    def store_name(self, code: str) -> str | None:
        node = self._stores.get(code)
        return self._nodes[node].name if node is not None else None

    def area_name(self, code: str) -> str | None:
        node = self._areas.get(code)
        return self._nodes[node].name if node is not None else None

    def area_codes(self) -> list[str]:
        return list(self._areas)

    def _index_of(self, node: int) -> QModelIndex:
        return self.createIndex(self._nodes[node].row, 0, node)

    # --- the model ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(0, 0, 0) if row == 0 else QModelIndex()
        children = self._nodes[parent.internalId()].children
        return self.createIndex(row, 0, children[row]) if row < len(children) else QModelIndex()

    def parent(self, index: QModelIndex | None = None):  # noqa: D401 - QObject.parent() without an index
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        return self._index_of(up) if up >= 0 else QModelIndex()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return 1
        if parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId()].children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def data(self, index: QModelIndex, role: int = DISPLAY):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        # context StoreTree: the widget that showed these texts before the model
        if role == DISPLAY:
            if node.kind == "all":
                return QCoreApplication.translate("StoreTree", "全部储备库（%1）").replace("%1", str(node.stores))
            return with_note(node.name, node.lines)
        if role == DECORATION:
            return style.icon(node.icon)
        if role == TOOLTIP:
            if node.kind == "area":
                return (QCoreApplication.translate("StoreTree", "储备库 %1 个 · 库存批次 %2")
                        .replace("%1", str(node.stores)).replace("%2", str(node.lines)))
            if node.kind == "store":
                return (QCoreApplication.translate("StoreTree", "%1 · 库存批次 %2")
                        .replace("%1", node.code).replace("%2", str(node.lines)))
            return None
        if role == STORE_ROLE:
            return node.code if node.kind == "store" else None
        if role == AREA_ROLE:
            return node.code if node.kind == "area" else None
        if role == NAME_ROLE:
            return node.name if node.kind == "store" else None  # the text also carries the count
        return None

    def flags(self, index: QModelIndex):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags


class StoreTree(QTreeView):
    """The tree of areas and stores; choosing a row selects that store or area for every view."""

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.tree_model = StoreTreeModel(self)
        self.setModel(self.tree_model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # no row is measured before it is shown
        self._marking = False
        self.selectionModel().currentChanged.connect(self._chosen)
        dctx.changed.connect(self._on_changed)
        dctx.store_selected.connect(self._mark)
        dctx.area_selected.connect(lambda code: code and self._mark_area(code))
        self.refresh()

    def refresh(self) -> None:
        model = self.tree_model
        opened = {code for code in model.area_codes() if self.isExpanded(model.area_index(code))}
        model.load(navigation_tree(self.dctx.service))
        self.expandToDepth(1)
        for code in opened:
            self.expand(model.area_index(code))
        if self.dctx.current_area_code:
            self._mark_area(self.dctx.current_area_code)
        else:
            self._mark(self.dctx.current_store_code)

    def store_names(self) -> dict[str, str]:
        return self.tree_model.store_names()

    def store_name(self, code: str) -> str | None:
        """The listed store's name (None when not listed), without building ``store_names()``."""
        return self.tree_model.store_name(code)

    def area_name(self, code: str) -> str | None:
        return self.tree_model.area_name(code)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._marking or not current.isValid():
            return
        store, area = current.data(STORE_ROLE), current.data(AREA_ROLE)
        if area:
            if area != self.dctx.current_area_code:
                self.dctx.select_area(area)
        elif store != self.dctx.current_store_code or self.dctx.current_area_code:
            self.dctx.select_store(store)

    def _mark(self, code: str | None) -> None:
        if code is None and self.dctx.current_area_code:
            return  # an area is chosen; its node stays current
        self._mark_index(self.tree_model.store_index(code) if code else self.tree_model.root_index())

    def _mark_area(self, code: str) -> None:
        self._mark_index(self.tree_model.area_index(code))

    def _mark_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self._marking = True
        try:
            self.setCurrentIndex(index)
            self.scrollTo(index)  # opens the branches above it
        finally:
            self._marking = False

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STORES, flags.STOCK, flags.DOCUMENTS, flags.DISPATCH}:
            self.refresh()


class NavigationPanel(QWidget):
    def __init__(self, dctx: DesktopContext, specs: list[ViewSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = ViewList(specs, self)
        self.stores = StoreTree(dctx, self)
        caption = QLabel(self.tr("储备库"), self)
        caption.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(self.views)
        layout.addWidget(caption)
        layout.addWidget(self.stores, 1)
