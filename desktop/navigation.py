"""The left navigation: the list of views, and the tree of areas and stores with stock-line counts.

Choosing a store sets ``DesktopContext.current_store_code`` (through ``select_store``); choosing an
area sets ``current_area_code`` (``select_area``) and the top node clears both. Views react to
``store_selected`` / ``area_selected``, never to this widget.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.formatting import with_note
from desktop.i18n import translated
from desktop.views.registry import ViewSpec
from models.schema.enums import AreaKind
from models.services.stock_view_queries import store_line_counts
from models.services.warehouses import list_areas, list_stores

STORE_ROLE = Qt.UserRole + 1
KEY_ROLE = Qt.UserRole + 2
AREA_ROLE = Qt.UserRole + 3
NAME_ROLE = Qt.UserRole + 4


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


class StoreTree(QTreeWidget):
    """County → township → village, each store under its area with its count of stock lines."""

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.currentItemChanged.connect(self._chosen)
        dctx.changed.connect(self._on_changed)
        dctx.store_selected.connect(self._mark)
        dctx.area_selected.connect(lambda code: code and self._mark_area(code))
        self.refresh()

    def refresh(self) -> None:
        ctx = self.dctx.service
        areas = list_areas(ctx)
        stores = list_stores(ctx)
        counts = store_line_counts(ctx)
        self.blockSignals(True)
        self.clear()
        nodes: dict[int, QTreeWidgetItem] = {}
        stores_below: dict[int, int] = {}
        by_area: dict[int, list] = {}
        for store in stores:
            by_area.setdefault(store.area_id, []).append(store)
        parents = {area.id: area.parent_id for area in areas}
        lines_below: dict[int, int] = {}
        for store in stores:
            area_id = store.area_id
            while area_id is not None:
                stores_below[area_id] = stores_below.get(area_id, 0) + 1
                lines_below[area_id] = lines_below.get(area_id, 0) + counts.get(store.code, 0)
                area_id = parents.get(area_id)
        root = QTreeWidgetItem(self, [self.tr("全部储备库（%1）").replace("%1", str(len(stores)))])
        root.setIcon(0, style.icon("county"))
        root.setData(0, STORE_ROLE, None)
        for area in sorted(areas, key=lambda a: (len(a.code), a.code)):
            if not stores_below.get(area.id):
                continue  # keepers see only the branches that hold their stores
            parent = nodes.get(area.parent_id, root)
            node = QTreeWidgetItem(parent, [with_note(area.name, lines_below.get(area.id, 0))])
            node.setToolTip(0, self.tr("储备库 %1 个 · 库存批次 %2").replace("%1", str(stores_below[area.id]))
                            .replace("%2", str(lines_below.get(area.id, 0))))
            node.setIcon(0, style.icon("county" if area.kind is AreaKind.COUNTY else "area"))
            node.setData(0, STORE_ROLE, None)
            node.setData(0, AREA_ROLE, area.code)
            nodes[area.id] = node
            for store in sorted(by_area.get(area.id, []), key=lambda s: s.code):
                leaf = QTreeWidgetItem(node, [with_note(store.name, counts.get(store.code, 0))])
                leaf.setIcon(0, style.icon("store"))
                leaf.setData(0, STORE_ROLE, store.code)
                leaf.setData(0, NAME_ROLE, store.name)  # the text also carries the count
                leaf.setToolTip(0, self.tr("%1 · 库存批次 %2").replace("%1", store.code)
                                .replace("%2", str(counts.get(store.code, 0))))
        self.expandToDepth(1)
        self.blockSignals(False)
        if self.dctx.current_area_code:
            self._mark_area(self.dctx.current_area_code)
        else:
            self._mark(self.dctx.current_store_code)

    def store_names(self) -> dict[str, str]:
        names = {}
        iterator = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while iterator:
            item = iterator.pop()
            code = item.data(0, STORE_ROLE)
            if code:
                names[code] = item.data(0, NAME_ROLE)
            iterator.extend(item.child(i) for i in range(item.childCount()))
        return names

    def _chosen(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is None:
            return
        store, area = current.data(0, STORE_ROLE), current.data(0, AREA_ROLE)
        if area:
            if area != self.dctx.current_area_code:
                self.dctx.select_area(area)
        elif store != self.dctx.current_store_code or self.dctx.current_area_code:
            self.dctx.select_store(store)

    def _mark(self, code: str | None) -> None:
        if code is None and self.dctx.current_area_code:
            return  # an area is chosen; its node stays current
        self._mark_where(lambda item: item.data(0, STORE_ROLE) == code and not item.data(0, AREA_ROLE)
                         and (code is not None or item.parent() is None))

    def _mark_area(self, code: str) -> None:
        self._mark_where(lambda item: item.data(0, AREA_ROLE) == code)

    def _mark_where(self, wanted) -> None:
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if wanted(item):
                self.blockSignals(True)
                self.setCurrentItem(item)
                self.blockSignals(False)
                return
            stack.extend(item.child(i) for i in range(item.childCount()))

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
