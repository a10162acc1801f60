"""库存: balances by store, item and batch, coloured by expiry, filtered by category, level and text.

A city holds hundreds of thousands of stock lines, so the table is lazy: it reads a page of
``PAGE_SIZE`` lines at a time as the keeper scrolls (``stock_view_page``), and every filter and sort
asks the database again from the first page. The totals line comes from one aggregate query
(``stock_view_totals``), never from the rows read. The text matches Chinese names, codes and pinyin
initials or full pinyin: ``zp`` finds 帐篷 (``line_matches`` states the rule the SQL follows).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.formatting import date_text, level_label, money_text, quantity_text
from desktop.export_table import add_export_action
from desktop.table_models.row_model import CENTER, RIGHT, Column, LazyRowModel, configure_table, restore_columns
from desktop.views.registry import ViewSpec
from models.schema.enums import StoreLevel
from models.services.catalog import list_categories
from models.services.stock_view_queries import (DUE, EXPIRED, StockFilter, StockLine, stock_view_page,
                                                stock_view_totals)
from models.services.warehouses import area_name

# expiry filter choices: key → (label, predicate on (line, today))
EXPIRY_ALL, EXPIRY_EXPIRED, EXPIRY_DUE = "all", "expired", "due"


def line_matches(line: StockLine, text: str) -> bool:
    """Chinese name, code, spec, batch, store, or pinyin initials / full pinyin of the item name."""
    needle = text.strip().lower()
    if not needle:
        return True
    haystack = (line.item_name, line.item_code.lower(), line.spec.lower(), line.batch.lower(),
                line.store_name, line.store_code.lower(), line.category_name)
    if any(needle in value for value in haystack):
        return True
    parts = line.pinyin.split()
    return any(needle in part for part in parts)


# the database sort behind each column, in column order (models.services.stock_view_queries.STOCK_VIEW_SORTS)
COLUMN_SORTS = ("store", "level", "item_code", "item_name", "spec", "category", "batch", "production", "expiry",
                "quantity", "reserved", "value", "status")
PAGE_SIZE = 300


class _TotalsSignals(QObject):
    done = Signal(int, object)  # generation, StockTotals or an error message


class TotalsWorker(QRunnable):
    """The totals line's aggregate on a pool thread: over a whole city it reads every balance once.

    Touches no widget; ``stock_view_totals`` opens its own session through the ServiceContext."""

    def __init__(self, ctx, flt: StockFilter, generation: int) -> None:
        super().__init__()
        self.ctx, self.flt, self.generation = ctx, flt, generation
        self.signals = _TotalsSignals()

    def run(self) -> None:
        try:
            result = stock_view_totals(self.ctx, self.flt)
        except Exception as error:  # noqa: BLE001 - shown in the totals line rather than lost on a thread
            result = str(error)
        self.signals.done.emit(self.generation, result)


class StockView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.today = dctx.service.today
        self.store_code: str | None = dctx.current_store_code
        self.area_code: str | None = dctx.current_area_code
        self.text = ""
        self.sort_key, self.descending = "store", False
        self.model = LazyRowModel(self._columns(), self._fetch, self, page_size=PAGE_SIZE, on_sort=self._on_sort,
                                  background=self._background, foreground=self._foreground, tooltip=self._tooltip)
        self.proxy = self.model  # the table shows the model itself: filters and sorts are SQL (kept for callers)
        self._ready = False
        self._totals_generation = 0
        self.totals = None  # StockTotals of the current filter, once counted
        self._build()
        self._ready = True
        dctx.changed.connect(self._on_changed)
        dctx.store_selected.connect(self._on_store_selected)
        dctx.area_selected.connect(self._on_area_selected)
        self.reload_categories()
        self.refresh()

    def _columns(self) -> list[Column]:
        today = self.today
        return [
            Column(self.tr("储备库"), lambda r: r.store_name,
                   lambda r: f"{list(StoreLevel).index(r.level)}{r.store_code}"),  # county first, then by code
            Column(self.tr("级别"), lambda r: level_label(r.level), lambda r: list(StoreLevel).index(r.level), CENTER),
            Column(self.tr("物资编码"), lambda r: r.item_code),
            Column(self.tr("物资名称"), lambda r: r.item_name),
            Column(self.tr("规格"), lambda r: r.spec),
            Column(self.tr("分类"), lambda r: r.category_name, lambda r: r.category_code),
            Column(self.tr("批次"), lambda r: r.batch),
            Column(self.tr("生产日期"), lambda r: date_text(r.production_date), None, CENTER),
            Column(self.tr("有效期至"), lambda r: date_text(r.expiry_date),
                   lambda r: date_text(r.expiry_date) or "9999-12-31", CENTER),
            Column(self.tr("数量"), lambda r: quantity_text(r.quantity, r.unit), lambda r: float(r.quantity), RIGHT),
            Column(self.tr("已预留"), lambda r: quantity_text(r.reserved, r.unit) if r.reserved else "",
                   lambda r: float(r.reserved), RIGHT),
            Column(self.tr("金额"), lambda r: money_text(r.value), lambda r: float(r.value or 0), RIGHT),
            Column(self.tr("状态"), lambda r: self._status_text(r, today()), lambda r: r.status(today()), CENTER),
        ]

    def _status_text(self, line: StockLine, today: dt.date) -> str:
        status = line.status(today)
        if status == EXPIRED:
            return self.tr("已过期")
        if status == DUE:
            return self.tr("需轮换")
        return self.tr("正常")

    def _background(self, line: StockLine):
        status = line.status(self.today())
        return style.EXPIRED_BG if status == EXPIRED else style.DUE_BG if status == DUE else None

    def _foreground(self, line: StockLine):
        status = line.status(self.today())
        return style.EXPIRED_FG if status == EXPIRED else style.DUE_FG if status == DUE else None

    def _tooltip(self, line: StockLine) -> str:
        return self.tr("轮换提前期 %n 天", "", line.lead_days)

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：名称、编码或拼音首字母（如 zp）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_text)
        self.category = QComboBox(self)
        self.category.currentIndexChanged.connect(self.refresh)
        self.level = QComboBox(self)
        self.level.addItem(self.tr("全部级别"), None)
        for level in StoreLevel:
            self.level.addItem(level_label(level), level.value)
        self.level.currentIndexChanged.connect(self.refresh)
        self.expiry = QComboBox(self)
        for label, key in ((self.tr("全部有效期"), EXPIRY_ALL), (self.tr("已过期"), EXPIRY_EXPIRED),
                           (self.tr("需轮换（提前期内）"), EXPIRY_DUE), (self.tr("30 天内到期"), "30"),
                           (self.tr("90 天内到期"), "90")):
            self.expiry.addItem(label, key)
        self.expiry.currentIndexChanged.connect(self.refresh)
        self.store_label = QLabel(self)
        self.all_stores = QPushButton(self.tr("全部储备库"), self)
        self.all_stores.clicked.connect(lambda: self.dctx.select_store(None))
        filters = QHBoxLayout()
        for widget in (self.search, self.category, self.level, self.expiry):
            filters.addWidget(widget)
        filters.setStretch(0, 2)
        filters.addWidget(self.store_label)
        filters.addWidget(self.all_stores)
        self.table = QTableView(self)
        configure_table(self.table, "stock")
        add_export_action(self.table, self.tr("库存"), total=lambda: self.totals.lines if self.totals else None)
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        restore_columns(self.table, "stock", [170, 80, 80, 130, 110, 100, 90, 95, 95, 100, 80, 110, 70])
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("库存"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def reload_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("全部分类"), None)
        for category in list_categories(self.dctx.service):
            indent = "\u3000" * (category.level - 1)
            self.category.addItem(f"{indent}{category.code} {category.name}", category.code)
        index = self.category.findData(current) if current else 0
        self.category.setCurrentIndex(max(index, 0))
        self.category.blockSignals(False)

    def current_filter(self) -> StockFilter:
        return StockFilter(text=self.text, store_codes=[self.store_code] if self.store_code else None,
                           area_code=self.area_code, level=self.level.currentData(), category_code=self.category.currentData(),
                           expiry=self.expiry.currentData() or "all")

    def _fetch(self, offset: int, limit: int) -> list[StockLine]:
        return stock_view_page(self.dctx.service, self.current_filter(), sort=self.sort_key,
                               descending=self.descending, limit=limit, offset=offset)

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.sort_key, self.descending = COLUMN_SORTS[column], order == Qt.DescendingOrder
        if self._ready:
            self.refresh()

    def _on_text(self, text: str) -> None:
        self.text = text
        self.refresh()

    def refresh(self, *_args) -> None:
        """Read the first page again under the current filters and sort, and the totals."""
        self.model.reload()
        self._update_store_label()
        self._update_summary()

    def _update_store_label(self) -> None:
        if self.store_code:
            name = self.model.row_at(0).store_name if self.model.rowCount() else self.store_code
            self.store_label.setText(self.tr("储备库：%1").replace("%1", name))
            self.store_label.setToolTip(self.store_code)
        elif self.area_code:
            self.store_label.setText(self.tr("储备库：%1 辖区").replace("%1", area_name(self.dctx.service, self.area_code)))
            self.store_label.setToolTip(self.area_code)
        else:
            self.store_label.setText(self.tr("储备库：全部"))
        self.all_stores.setEnabled(bool(self.store_code or self.area_code))

    def _update_summary(self, *_args) -> None:
        """Count on a pool thread; the line says so until the figures are back."""
        self._totals_generation += 1
        self.totals = None
        self.summary.setText(self.tr("正在统计…"))
        worker = TotalsWorker(self.dctx.service, self.current_filter(), self._totals_generation)
        worker.signals.done.connect(self._on_totals)
        QThreadPool.globalInstance().start(worker)

    def _on_totals(self, generation: int, totals) -> None:
        if generation != self._totals_generation:
            return  # the filter changed since
        if isinstance(totals, str):
            self.summary.setText(totals)
            return
        self.totals = totals
        self.summary.setText(self.tr("共 %1 行，金额合计 %2").replace("%1", str(totals.lines))
                             .replace("%2", money_text(totals.value)))

    def apply_filter(self, *, text: str | None = None, category: str | None = None, level: str | None = None,
                     expiry: str | None = None, store: str | None = None, **_ignored) -> None:
        """Set filters from outside (the home dashboard's tiles, the navigation)."""
        if text is not None:
            self.search.setText(text)
        if category is not None:
            self.category.setCurrentIndex(max(self.category.findData(category or None), 0))
        if level is not None:
            self.level.setCurrentIndex(max(self.level.findData(level or None), 0))
        if expiry is not None:
            if self.expiry.findData(expiry) < 0 and expiry.isdigit():
                self.expiry.addItem(self.tr("%1 天内到期").replace("%1", expiry), expiry)
            self.expiry.setCurrentIndex(max(self.expiry.findData(expiry), 0))
        if store is not None:
            self._on_store_selected(store or None)

    def _on_store_selected(self, code: str | None) -> None:
        self.store_code = code
        if self.dctx.current_area_code is None:  # an area's own refresh follows in _on_area_selected
            self.area_code = None
            self.refresh()

    def _on_area_selected(self, code: str | None) -> None:
        if code and code != self.area_code:  # leaving an area is followed by store_selected
            self.area_code = code
            self.refresh()

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.CATALOG}:
            self.reload_categories()
        if changed & {flags.STOCK, flags.DOCUMENTS, flags.CATALOG, flags.STORES, flags.DISPATCH}:
            self.refresh()


VIEW_SPEC = ViewSpec(key="stock", title="库存", order=20, factory=StockView, shortcut="Ctrl+2", icon="stock")
