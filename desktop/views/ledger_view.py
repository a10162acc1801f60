"""台账: every movement, newest first, loaded a page at a time as the user scrolls.

Filters (dates, store or the area chosen in the navigation, item, document type, user) and the time
order are applied in SQL by
``models.services.ledger_queries.ledger_page`` with keyset paging, so a million rows open as fast
as a hundred. Double-clicking a row opens its document in the documents view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.dialogs.document_lines_widget import ERROR_STYLE, ItemPicker, doc_type_label, load_items
from desktop.table_models.ledger_model import TIME_COLUMN, LedgerTableModel
from desktop.export_table import add_export_action
from desktop.table_models.row_model import configure_table, restore_columns
from desktop.views.registry import ViewSpec
from desktop.widgets.store_filter import StoreFilterCombo
from models.errors import DomainError, ValidationError
from models.schema.enums import DocType
from models.services.ledger_queries import DEFAULT_PAGE_SIZE, LedgerFilter, ledger_choices, ledger_page
from models.services.warehouses import area_name
from models.validation import parse_date

WIDTHS = [125, 150, 90, 140, 80, 130, 110, 100, 90, 80, 80, 50, 80]


class LedgerView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, page_size: int = DEFAULT_PAGE_SIZE) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.page_size = page_size
        self.filters = LedgerFilter()
        self.model = LedgerTableModel(parent=self)
        self._build()
        self.reload_choices()
        if dctx.current_area_code:
            self.store.set_area(dctx.current_area_code, area_name(dctx.service, dctx.current_area_code))
        elif dctx.current_store_code:
            self.store.setCurrentIndex(max(self.store.findData(dctx.current_store_code), 0))
        dctx.changed.connect(self._on_changed)
        dctx.store_selected.connect(self._on_store_selected)
        dctx.area_selected.connect(self._on_area_selected)
        self.apply()

    # layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.date_from = QLineEdit(self)
        self.date_from.setPlaceholderText(self.tr("起：2026-05-01"))
        self.date_to = QLineEdit(self)
        self.date_to.setPlaceholderText(self.tr("止：2026-05-31"))
        for edit in (self.date_from, self.date_to):
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(130)
            edit.returnPressed.connect(self.apply)
        self.store = StoreFilterCombo(self)
        self.item = ItemPicker(load_items(self.dctx.service, include_inactive=True), self)
        self.item.setPlaceholderText(self.tr("物资：编码/名称/拼音，留空为全部"))
        self.item.setClearButtonEnabled(True)
        self.item.returnPressed.connect(self.apply)
        self.item.completer().activated.connect(lambda _text: self.apply())
        self.doc_type = QComboBox(self)
        self.doc_type.addItem(self.tr("全部类型"), None)
        for doc_type in DocType:
            self.doc_type.addItem(doc_type_label(doc_type), doc_type.value)
        self.user = QComboBox(self)
        self.apply_button = QPushButton(self.tr("查询"), self)
        self.apply_button.clicked.connect(self.apply)
        self.clear_button = QPushButton(self.tr("清除条件"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        for combo in (self.store, self.doc_type, self.user):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        filters = QHBoxLayout()
        for widget in (self.date_from, self.date_to, self.store, self.item, self.doc_type, self.user,
                       self.apply_button, self.clear_button):
            filters.addWidget(widget)
        filters.setStretch(3, 2)
        self.filter_error = QLabel(self)
        self.filter_error.setStyleSheet(ERROR_STYLE)
        self.filter_error.hide()

        self.table = QTableView(self)
        configure_table(self.table, "ledger")
        add_export_action(self.table, self.tr("台账"))
        self.table.setSortingEnabled(False)  # only time sorts, in SQL: handled below
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(TIME_COLUMN, Qt.DescendingOrder)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        restore_columns(self.table, "ledger", WIDTHS)
        self.table.doubleClicked.connect(self._open_document)
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        self.model.rowsInserted.connect(lambda *_: self._update_summary())
        self.model.modelReset.connect(self._update_summary)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("台账"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def reload_choices(self) -> None:
        choices = ledger_choices(self.dctx.service)
        self.store.set_stores([(choice.code, choice.label) for choice in choices.stores])
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("全部操作人"), None)
        for choice in choices.users:
            self.user.addItem(choice.label, choice.code)
        self.user.setCurrentIndex(max(self.user.findData(current), 0) if current else 0)
        self.user.blockSignals(False)

    # querying ------------------------------------------------------------------------------
    def _read_filters(self) -> LedgerFilter:
        date_from = parse_date(self.date_from.text(), "起始日期")
        date_to = parse_date(self.date_to.text(), "截止日期")
        if date_from and date_to and date_to < date_from:
            raise ValidationError(self.tr("截止日期早于起始日期，请检查日期。"))
        item_code = None
        if self.item.text().strip():
            message = self.item.resolve()
            if message:
                raise ValidationError(message)
            item_code = self.item.item().code
        return LedgerFilter(date_from=date_from, date_to=date_to, store_code=self.store.store_code(),
                            item_code=item_code, doc_type=self.doc_type.currentData(),
                            username=self.user.currentData(), area_code=self.store.area_code())

    def apply(self) -> None:
        """Read the filter boxes and load the first page (the rest comes as the user scrolls)."""
        try:
            self.filters = self._read_filters()
        except DomainError as exc:
            self.filter_error.setText(exc.message)
            self.filter_error.show()
            return
        self.filter_error.hide()
        filters, ctx, size = self.filters, self.dctx.service, self.page_size

        def source(after, newest_first):
            return ledger_page(ctx, filters, after, limit=size, newest_first=newest_first)

        self.model.set_source(source)
        self.table.scrollToTop()

    def clear_filters(self) -> None:
        for widget in (self.date_from, self.date_to, self.item):
            widget.clear()
        for combo in (self.store, self.doc_type, self.user):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply()

    def apply_filter(self, *, store: str | None = None, item: str | None = None, doc_type: str | None = None,
                     **_ignored) -> None:
        """Set filters from outside (the main window, other views)."""
        if store is not None:
            self.store.blockSignals(True)
            self.store.setCurrentIndex(max(self.store.findData(store or None), 0))
            self.store.blockSignals(False)
        if item is not None:
            self.item.setText(item)
        if doc_type is not None:
            self.doc_type.blockSignals(True)
            self.doc_type.setCurrentIndex(max(self.doc_type.findData(doc_type or None), 0))
            self.doc_type.blockSignals(False)
        self.apply()

    def _header_clicked(self, section: int) -> None:
        header = self.table.horizontalHeader()
        if section != TIME_COLUMN:
            header.setSortIndicator(TIME_COLUMN, Qt.DescendingOrder if self.model.newest_first else Qt.AscendingOrder)
            return
        order = Qt.AscendingOrder if self.model.newest_first else Qt.DescendingOrder
        self.model.sort(TIME_COLUMN, order)
        header.setSortIndicator(TIME_COLUMN, order)
        self.table.scrollToTop()

    def _update_summary(self) -> None:
        count = self.model.rowCount()
        if self.model.has_more:
            text = self.tr("已载入 %1 条，向下滚动载入更多").replace("%1", f"{count:,}")
        else:
            text = self.tr("共 %1 条").replace("%1", f"{count:,}")
        self.summary.setText(text)

    def _open_document(self, index) -> None:
        row = self.model.row_at(index.row())
        self.open_view.emit("documents", {"number": row.document_number})

    # refreshing ----------------------------------------------------------------------------
    def _on_store_selected(self, code: str | None) -> None:
        if self.dctx.current_area_code is not None:
            return  # an area was chosen: _on_area_selected follows
        self.store.set_area(None)
        self.apply_filter(store=code or "")

    def _on_area_selected(self, code: str | None) -> None:
        if code:  # leaving an area is followed by store_selected
            self.store.set_area(code, area_name(self.dctx.service, code))
            self.apply()

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STORES, flags.USERS, flags.CATALOG}:
            self.reload_choices()
        if flags.CATALOG in changed:
            self.item.set_items(load_items(self.dctx.service, include_inactive=True))
        if changed & {flags.STOCK, flags.DOCUMENTS, flags.DISPATCH}:
            self.model.reload()


VIEW_SPEC = ViewSpec(key="ledger", title="台账", order=40, factory=LedgerView, shortcut="Ctrl+5", icon="ledger")
