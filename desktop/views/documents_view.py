"""单据: receipts, issues, transfers, stocktakes, scraps and reversals (of one store, or of the stores of the
area chosen in the navigation, or of all). Pick one to see its lines
and its history (what reversed it, what it reverses, the audit entries); reverse it with a reason
after confirming (``models.services.reversal.reverse``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.dialogs.document_lines_widget import (
    ERROR_STYLE,
    doc_type_label,
    make_table,
    run_busy,
    set_table_rows,
)
from desktop.formatting import date_text, local_time_text, money_text, number_text
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import RIGHT, ROW_ROLE, Column, configure_table, restore_columns
from desktop.table_models.sorted_rows import SortedRowModel, SortingProxy
from desktop.views.registry import ViewSpec
from desktop.widgets.combo_width import fixed_width
from desktop.widgets.store_filter import StoreFilterCombo
from models.errors import DomainError, ValidationError
from models.schema.enums import DocType, TransferStatus
from models.services.document_queries import (DEFAULT_LIMIT, DocumentDetail, DocumentFilter, DocumentSummary,
                                              document_detail, document_stores, list_documents)
from models.services.reversal import reverse
from models.services.warehouses import area_name
from models.validation import parse_date

REVERSED_FG = QColor("#8a8a8a")
REVERSAL_FG = QColor("#9a1c1c")


class DocumentsView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.detail: DocumentDetail | None = None
        self.postable: frozenset[str] = frozenset()  # stores this user may reverse in (set by reload_stores)
        # sorted by the model itself (a key per row) rather than by the proxy's data() comparisons
        self.model = SortedRowModel(self._columns(), self, foreground=self._foreground)
        self.proxy = SortingProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self._build()
        self.reload_stores()
        if dctx.current_area_code:
            self.store.set_area(dctx.current_area_code, area_name(dctx.service, dctx.current_area_code))
        elif dctx.current_store_code:
            self.store.setCurrentIndex(max(self.store.findData(dctx.current_store_code), 0))
        dctx.changed.connect(self._on_changed)
        dctx.store_selected.connect(self._on_store_selected)
        dctx.area_selected.connect(self._on_area_selected)
        self.refresh()

    # layout --------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("单号"), lambda d: d.number),
            Column(self.tr("类型"), lambda d: doc_type_label(d.doc_type)),
            Column(self.tr("日期"), lambda d: date_text(d.doc_date)),
            Column(self.tr("储备库"), lambda d: d.store_name),
            Column(self.tr("对方单位"), lambda d: d.counterparty),
            Column(self.tr("行数"), lambda d: str(d.line_count), lambda d: d.line_count, RIGHT),
            Column(self.tr("数量合计"), lambda d: number_text(d.total_quantity), lambda d: float(d.total_quantity), RIGHT),
            Column(self.tr("状态"), self._status_text),
            Column(self.tr("原因/用途"), lambda d: d.reason or d.purpose),
            Column(self.tr("经办人"), lambda d: d.created_by),
        ]

    def _status_text(self, document: DocumentSummary) -> str:
        if document.reversed_by:
            return self.tr("已冲销（%1）").replace("%1", document.reversed_by)
        if document.reverses:
            return self.tr("冲销 %1").replace("%1", document.reverses)
        return self.tr("已记账")

    def _foreground(self, document: DocumentSummary):
        if document.reversed_by:
            return REVERSED_FG
        if document.doc_type is DocType.REVERSAL:
            return REVERSAL_FG
        return None

    def _build(self) -> None:
        self.date_from = QLineEdit(self)
        self.date_from.setPlaceholderText(self.tr("起：2026-05-01"))
        self.date_to = QLineEdit(self)
        self.date_to.setPlaceholderText(self.tr("止：2026-05-31"))
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(130)
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.refresh)
        self.store = fixed_width(StoreFilterCombo(self), 18)  # thousands of stores in a city
        self.doc_type = QComboBox(self)
        self.doc_type.addItem(self.tr("全部类型"), None)
        for doc_type in DocType:
            self.doc_type.addItem(doc_type_label(doc_type), doc_type.value)
        for combo in (self.store, self.doc_type):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：单号、对方单位、原因"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        filters = QHBoxLayout()
        for widget in (self.date_from, self.date_to, self.store, self.doc_type, self.search):
            filters.addWidget(widget)
        filters.setStretch(4, 2)
        self.filter_error = QLabel(self)
        self.filter_error.setStyleSheet(ERROR_STYLE)
        self.filter_error.hide()

        self.table = QTableView(self)
        configure_table(self.table, "documents")
        add_export_action(self.table, self.tr("单据"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(2, Qt.DescendingOrder)
        restore_columns(self.table, "documents", [185, 90, 90, 150, 140, 50, 80, 230, 140, 70])
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current))

        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.reverse_button = QPushButton(self.tr("冲销此单据…"), self)
        self.reverse_button.clicked.connect(self.reverse_current)
        self.print_button = QPushButton(self.tr("导出 PDF…"), self)
        self.print_button.clicked.connect(self.export_pdf)
        buttons = QVBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.reverse_button)
        buttons.addStretch(1)
        self.lines = make_table([self.tr("行"), self.tr("物资编码"), self.tr("物资名称"), self.tr("批次"),
                                 self.tr("有效期至"), self.tr("数量"), self.tr("单位"), self.tr("账面"), self.tr("实盘"),
                                 self.tr("单价"), self.tr("备注")], self, stretch=2)
        self.history = make_table([self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("单号"),
                                   self.tr("说明")], self, stretch=4)
        detail = QGroupBox(self.tr("单据内容"), self)
        grid = QGridLayout(detail)
        grid.addWidget(self.header, 0, 0)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(self.lines, 1, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("历史（冲销与审计记录）")), 2, 0, 1, 2)
        grid.addWidget(self.history, 3, 0, 1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(3, 1)
        self.history.setMinimumHeight(80)
        grid.setColumnStretch(0, 1)

        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 400])
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("单据"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.filter_error)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        self._show_detail(None)

    def reload_stores(self) -> None:
        stores = document_stores(self.dctx.service)
        self.postable = stores.postable
        self.store.set_stores(stores.readable)

    # the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.detail.summary.number if self.detail else None
        try:
            date_from = parse_date(self.date_from.text(), "起始日期")
            date_to = parse_date(self.date_to.text(), "截止日期")
            if date_from and date_to and date_to < date_from:
                raise ValidationError(self.tr("截止日期早于起始日期，请检查日期。"))
        except DomainError as exc:
            self.filter_error.setText(exc.message)
            self.filter_error.show()
            return
        self.filter_error.hide()
        documents = list_documents(self.dctx.service, DocumentFilter(
            date_from=date_from, date_to=date_to, store_code=self.store.store_code(),
            doc_type=self.doc_type.currentData(), area_code=self.store.area_code()))
        self.model.set_rows(documents)
        if len(documents) >= DEFAULT_LIMIT:
            self.summary.setText(self.tr("只显示最近的 %1 张单据，更早的请用日期筛选。").replace("%1", str(len(documents))))
        else:
            self.summary.setText(self.tr("共 %1 张单据").replace("%1", str(len(documents))))
        if selected and self.select(selected):
            return
        if self.proxy.rowCount():  # show the newest document rather than an empty panel
            first = self.proxy.index(0, 0)
            self.table.setCurrentIndex(first)  # shows it, unless it was already the current row
            if self.detail is None or self.detail.summary.number != first.data(ROW_ROLE).number:
                self._show(first)
        else:
            self._show_detail(None)

    def select(self, number: str) -> bool:
        """Select the document ``number`` in the list (clearing the text search if it hides it)."""
        for attempt in range(2):
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                if index.data(ROW_ROLE).number == number:
                    self.table.setCurrentIndex(index)
                    self.table.scrollTo(index)
                    self._show(index)
                    return True
            if attempt == 0 and self.search.text():
                self.search.clear()
        self.table.setCurrentIndex(self.proxy.index(-1, -1))
        self._show_detail(None)
        return False

    def apply_filter(self, *, number: str | None = None, store: str | None = None, doc_type: str | None = None,
                     **_ignored) -> None:
        """Set filters from outside: ``number`` opens that document (from the ledger's double-click)."""
        if store is not None:
            self.store.blockSignals(True)
            self.store.setCurrentIndex(max(self.store.findData(store or None), 0))
            self.store.blockSignals(False)
        if doc_type is not None:
            self.doc_type.blockSignals(True)
            self.doc_type.setCurrentIndex(max(self.doc_type.findData(doc_type or None), 0))
            self.doc_type.blockSignals(False)
        if number:
            for edit in (self.date_from, self.date_to):
                edit.clear()
            self.refresh()
            if not self.select(number):  # filtered out by store or type: show everything
                self.store.blockSignals(True)
                self.doc_type.blockSignals(True)
                self.store.setCurrentIndex(0)
                self.doc_type.setCurrentIndex(0)
                self.store.blockSignals(False)
                self.doc_type.blockSignals(False)
                self.refresh()
                self.select(number)
        else:
            self.refresh()

    # the detail ----------------------------------------------------------------------------
    def _show(self, index) -> None:
        document = index.data(ROW_ROLE) if index.isValid() else None
        if document is None:
            self._show_detail(None)
            return
        try:
            self._show_detail(document_detail(self.dctx.service, document.number))
        except DomainError as exc:
            self._show_detail(None)
            self.header.setText(exc.message)

    def _show_detail(self, detail: DocumentDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.header.setText(self.tr("在上面的列表中选择一张单据查看明细。"))
            set_table_rows(self.lines, [])
            set_table_rows(self.history, [])
            self.reverse_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        summary = detail.summary
        parts = [f"<b>{summary.number}</b>　{doc_type_label(summary.doc_type)}　{self._status_text(summary)}",
                 self.tr("储备库：%1　日期：%2　经办人：%3").replace("%1", f"{summary.store_code} {summary.store_name}")
                 .replace("%2", date_text(summary.doc_date)).replace("%3", summary.created_by or "—")]
        extra = [(self.tr("对方单位"), summary.counterparty), (self.tr("依据文号"), summary.reference),
                 (self.tr("用途"), summary.purpose), (self.tr("原因"), summary.reason), (self.tr("备注"), detail.remarks)]
        shown = "　".join(self.tr("%1：%2").replace("%1", label).replace("%2", value) for label, value in extra if value)
        if shown:
            parts.append(shown)
        if detail.transfer_number:
            status = {TransferStatus.IN_TRANSIT: self.tr("在途"), TransferStatus.PARTIAL: self.tr("部分收货"),
                      TransferStatus.RECEIVED: self.tr("已收货"), TransferStatus.CANCELLED: self.tr("已撤销")}
            parts.append(self.tr("调拨单 %1：%2").replace("%1", detail.transfer_number).replace(
                "%2", status.get(detail.transfer_status, "")))
        self.header.setText("<br>".join(parts))
        set_table_rows(self.lines, [
            [line.line_no, line.item_code, f"{line.item_name} {line.spec}".strip(), line.batch_no,
             date_text(line.expiry_date), number_text(line.quantity), line.unit, number_text(line.book_quantity),
             number_text(line.counted_quantity), money_text(line.unit_price), line.remarks]
            for line in detail.lines
        ], right_columns=(5, 7, 8, 9))
        actions = {"post": self.tr("记账"), "reverse": self.tr("冲销"), "approve": self.tr("审批")}
        set_table_rows(self.history, [
            [local_time_text(entry.at), entry.username, actions.get(entry.action, entry.action),
             entry.document, entry.summary]
            for entry in detail.history
        ])
        self.reverse_button.setEnabled(summary.reversible and summary.store_code in self.postable)
        self.print_button.setEnabled(True)

    # printing ------------------------------------------------------------------------------
    def choose_pdf_path(self, number: str) -> str | None:
        """Ask where to save the PDF (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出单据"), f"{number}.pdf",
                                                    self.tr("PDF 文件 (*.pdf)"))
        return path or None

    def export_pdf(self) -> Path | None:
        """The selected document as the printed A4 form (models/documents/document_pdf.py)."""
        if self.detail is None:
            return None
        number = self.detail.summary.number
        path = self.choose_pdf_path(number)
        if not path:
            return None
        from models.documents.document_pdf import print_any  # reportlab: loaded when first printed

        try:
            written = run_busy(self, self.tr("正在生成 PDF…"), print_any, self.dctx.service, number, path)
        except DomainError as exc:
            interaction.error(self, self.tr("未能导出"), exc.message)
            return None
        interaction.information(self, self.tr("导出单据"), self.tr("已保存到 %1").replace("%1", str(written)))
        return written

    # reversing -----------------------------------------------------------------------------
    def reverse_current(self):
        """Ask for a reason, confirm, and post the reversal. Returns the posted reversal or None."""
        if self.detail is None or not self.detail.summary.reversible:
            return None
        number = self.detail.summary.number
        reason = interaction.ask_text(self, self.tr("冲销单据"),
                                      self.tr("冲销 %1 的原因（必填）：").replace("%1", number))
        if reason is None:
            return None
        if not reason.strip():
            interaction.error(self, self.tr("未能冲销"), self.tr("冲销原因不能为空。"))
            return None
        question = self.tr("冲销 %1 将生成一张冲销单，把它的库存变动全部反向记账；原单据保留。确定冲销吗？").replace(
            "%1", number)
        if not interaction.confirm(self, self.tr("确认冲销"), question):
            return None
        try:
            posted = run_busy(self, self.tr("正在冲销…"), reverse, self.dctx.service, number, reason=reason)
        except DomainError as exc:
            interaction.error(self, self.tr("未能冲销"), exc.message)
            return None
        self.dctx.notify(flags.STOCK, flags.DOCUMENTS)
        self.select(number)
        return posted

    # refreshing ----------------------------------------------------------------------------
    def _on_store_selected(self, code: str | None) -> None:
        if self.dctx.current_area_code is not None:
            return  # an area was chosen: _on_area_selected follows
        self.store.set_area(None)
        self.apply_filter(store=code or "")

    def _on_area_selected(self, code: str | None) -> None:
        if code:  # leaving an area is followed by store_selected
            self.store.set_area(code, area_name(self.dctx.service, code))
            self.refresh()

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STORES, flags.USERS}:
            self.reload_stores()
        if changed & {flags.STOCK, flags.DOCUMENTS, flags.DISPATCH, flags.STORES}:
            self.refresh()


VIEW_SPEC = ViewSpec(key="documents", title="单据", order=50, factory=DocumentsView, shortcut="Ctrl+6",
                     icon="documents")
