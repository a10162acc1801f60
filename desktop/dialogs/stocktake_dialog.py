"""盘点 dialog: load the books of one store (``stocktake.count_sheet``), print or export the count
sheet, type what was counted, and post the differences with a reason (``post_stocktake``).
Batches whose count is left empty are not touched."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import DOCUMENTS, STOCK, DesktopContext
from desktop.dialogs.document_lines_widget import (
    ERROR_STYLE,
    FieldBox,
    EnterMovesOn,
    ItemPicker,
    load_items,
    make_table,
    no_default_buttons,
    postable_stores,
    run_busy,
    set_table_rows,
    store_combo,
)
from desktop.dialogs.posting_dialog import PostingDialog
from desktop.formatting import date_text, number_text
from desktop.interaction import interaction
from models.documents.count_sheet_pdf import write_count_sheet
from models.errors import DomainError, ValidationError
from models.services import ledger
from models.services.stocktake import CountLine, SheetLine, count_sheet, post_stocktake
from models.validation import check_code, check_text, parse_date, parse_quantity

COUNT_COLUMN = 7
DIFF_COLUMN = 8
EDITABLE_BG = QColor("#fffbe6")
INVALID_BG = QColor("#f6c6c6")
GAIN = QColor("#1d6b2f")
LOSS = QColor("#9a1c1c")


@dataclass
class StocktakeRequest:
    store_code: str
    counts: list[CountLine] = field(default_factory=list)
    reason: str = ""
    doc_date: dt.date | None = None


def post(dctx: DesktopContext, request: StocktakeRequest, parent: QWidget | None = None) -> ledger.PostedDocument:
    result = run_busy(parent, QCoreApplication.translate("StocktakeDialog", "正在保存盘点结果…"), post_stocktake,
                      dctx.service, request.store_code, request.counts, reason=request.reason,
                      doc_date=request.doc_date)
    dctx.notify(STOCK, DOCUMENTS)
    return result


class StocktakeDialog(PostingDialog[StocktakeRequest]):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, post_on_accept: bool = True) -> None:
        super().__init__(dctx, parent, post_on_accept=post_on_accept)
        self.sheet: list[SheetLine] = []
        self.setWindowTitle(self.tr("盘点"))
        self.resize(1000, 660)
        self.store = store_combo(postable_stores(dctx.service), dctx.current_store_code, self)
        self.export_button = QPushButton(self.tr("导出盘点表（PDF）…"), self)
        self.export_button.clicked.connect(self.export_sheet)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("盘点储备库")))
        top.addWidget(self.store, 1)
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("查找：编码、名称、拼音或批次"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.filter_rows)
        self._search = {item.code: item.search for item in load_items(dctx.service)}
        top.addWidget(self.find, 1)
        top.addWidget(self.export_button)
        hint = QLabel(self.tr("在“实盘数量”列填写清点结果（回车到下一行）；留空的批次不调整。"), self)
        self.table = make_table([self.tr("物资编码"), self.tr("物资名称"), self.tr("规格"), self.tr("单位"),
                                 self.tr("批次号"), self.tr("有效期至"), self.tr("账面数量"), self.tr("实盘数量"),
                                 self.tr("差异")], self, editable=True, stretch=1)
        self.table.setEditTriggers(QAbstractItemView.AllEditTriggers)
        self.table.itemChanged.connect(self._count_changed)
        self.count_error = QLabel(self)
        self.count_error.setStyleSheet(ERROR_STYLE)
        self.count_error.setWordWrap(True)
        self.summary = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("如：年度盘点、鼠害损耗、计量误差"))
        self.reason_box = FieldBox(self.reason)
        form = QFormLayout()
        form.addRow(self.tr("盘盈盘亏原因"), self.reason_box)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(self.tr("过账差异"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._found_row())
        layout.addWidget(self.count_error)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda _t: self._check_reason())
        self.store.currentIndexChanged.connect(lambda _i: self.load_sheet())
        self.load_sheet()
        no_default_buttons(self)
        if self.sheet:  # ready to type the first count
            self.table.setCurrentCell(0, COUNT_COLUMN)
            self.table.setFocus(Qt.OtherFocusReason)

    # the books -----------------------------------------------------------------------------
    def load_sheet(self) -> None:
        code = self.store.currentData()
        try:
            self.sheet = run_busy(self, self.tr("正在读取账面数量…"), count_sheet, self.dctx.service, code) if code else []
        except DomainError as exc:
            self.sheet = []
            self.general_error.setText(exc.message)
        self.table.blockSignals(True)
        set_table_rows(self.table, [
            [l.item_code, l.item_name, l.spec, l.unit, l.batch_no, date_text(l.expiry_date),
             number_text(l.book_quantity), "", ""] for l in self.sheet
        ], right_columns=(6, 7, 8))
        for row in range(len(self.sheet)):
            cell = self.table.item(row, COUNT_COLUMN)
            cell.setFlags(cell.flags() | Qt.ItemIsEditable)
            cell.setBackground(EDITABLE_BG)
        self.table.blockSignals(False)
        self.export_button.setEnabled(bool(self.sheet))
        self.filter_rows(self.find.text())
        self._update_summary()

    # goods on the shelf that the books do not know -------------------------------------------
    def _found_row(self) -> QWidget:
        box = QGroupBox(self.tr("账外物资：账上没有、清点时发现的批次"), self)
        self.found_item = ItemPicker(load_items(self.dctx.service), box)
        self.found_batch = QLineEdit(box)
        self.found_batch.setPlaceholderText(self.tr("批次号"))
        self.found_expiry = QLineEdit(box)
        self.found_expiry.setPlaceholderText(self.tr("有效期至，可不填"))
        self.found_counted = QLineEdit(box)
        self.found_counted.setPlaceholderText(self.tr("实盘数量"))
        self.found_button = QPushButton(self.tr("加入盘点表"), box)
        self.found_button.clicked.connect(self.add_found)
        self.found_error = QLabel(box)
        self.found_error.setStyleSheet(ERROR_STYLE)
        self.found_error.hide()
        row = QHBoxLayout()
        for widget, stretch in ((self.found_item, 3), (self.found_batch, 2), (self.found_expiry, 2),
                                (self.found_counted, 1), (self.found_button, 0)):
            row.addWidget(widget, stretch)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.found_error)
        EnterMovesOn([self.found_item, self.found_batch, self.found_expiry, self.found_counted], self.add_found,
                     parent=box)
        return box

    def add_found(self) -> bool:
        """Add a batch found on the shelf to the sheet, with nothing on the books (a 盘盈)."""
        try:
            message = self.found_item.resolve()
            if message:
                raise ValidationError(message)
            item = self.found_item.item()
            batch_no = self.found_batch.text().strip()
            if batch_no:
                check_code(batch_no, "批次号", max_length=60)
            expiry = parse_date(self.found_expiry.text(), "有效期至")
            counted = parse_quantity(self.found_counted.text(), "实盘数量")
            if any(l.item_code == item.code and l.batch_no == (batch_no or "无批次") for l in self.sheet):
                raise ValidationError(self.tr("“%1”批次“%2”已在盘点表中，请直接填写它的实盘数量。").replace(
                    "%1", item.name).replace("%2", batch_no or "无批次"))
        except ValidationError as exc:
            self.found_error.setText(exc.message)
            self.found_error.show()
            return False
        self.found_error.hide()
        self.sheet.append(SheetLine(item.code, item.name, item.spec, item.unit, batch_no or "无批次", expiry, Decimal(0)))
        self._search.setdefault(item.code, item.search)
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, value in enumerate([item.code, item.name, item.spec, item.unit, batch_no or "无批次",
                                        date_text(expiry), "0", number_text(counted), ""]):
            cell = QTableWidgetItem(value)
            editable = column == COUNT_COLUMN
            cell.setFlags(cell.flags() | Qt.ItemIsEditable if editable else cell.flags() & ~Qt.ItemIsEditable)
            if editable:
                cell.setBackground(EDITABLE_BG)
            if column >= 6:
                cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        for edit in (self.found_item, self.found_batch, self.found_expiry, self.found_counted):
            edit.clear()
        self.table.scrollToItem(self.table.item(row, 0))
        self.export_button.setEnabled(True)
        self._update_summary()
        return True

    def filter_rows(self, text: str) -> None:
        """Show only the batches matching ``text`` (the counts typed in hidden rows are kept)."""
        needle = text.strip().lower()
        for row, line in enumerate(self.sheet):
            haystack = f"{self._search.get(line.item_code, line.item_code.lower())} {line.batch_no.lower()}"
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)

    def choose_pdf_path(self) -> str | None:
        """Ask where to save the sheet (tests replace this)."""
        default = self.tr("盘点表-%1-%2.pdf").replace("%1", self.store.currentData() or "").replace(
            "%2", self.dctx.service.today().isoformat())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出盘点表"), default, self.tr("PDF 文件 (*.pdf)"))
        return path or None

    def export_sheet(self) -> Path | None:
        path = self.choose_pdf_path()
        if not path:
            return None
        code = self.store.currentData()
        name = self.store.currentText().removeprefix(f"{code} ")
        written = write_count_sheet(path, self.sheet, store_code=code, store_name=name,
                                    as_of=self.dctx.service.today())
        interaction.information(self, self.tr("盘点表"), self.tr("盘点表已保存到 %1").replace("%1", str(written)))
        return written

    # counting ------------------------------------------------------------------------------
    def set_counted(self, row: int, text: str) -> None:
        self.table.item(row, COUNT_COLUMN).setText(text)

    def _count_changed(self, item) -> None:
        if item.column() != COUNT_COLUMN:
            return
        self._update_summary()
        row = item.row()
        if self.table.currentRow() == row and row + 1 < self.table.rowCount():
            self.table.setCurrentCell(row + 1, COUNT_COLUMN)  # the next batch, ready to type

    def _counts(self) -> tuple[list[CountLine], list[str], int, int]:
        counts, errors, gains, losses = [], [], 0, 0
        self.table.blockSignals(True)
        for row, line in enumerate(self.sheet):
            cell = self.table.item(row, COUNT_COLUMN)
            diff_cell = self.table.item(row, DIFF_COLUMN)
            text = cell.text().strip()
            diff_cell.setText("")
            cell.setBackground(EDITABLE_BG)
            if not text:
                continue
            try:
                counted = parse_quantity(text, "实盘数量", allow_zero=True)
            except ValidationError as exc:
                errors.append(self.tr("第 %1 行：").replace("%1", str(row + 1)) + exc.message)
                cell.setBackground(INVALID_BG)
                continue
            difference = counted - line.book_quantity
            gains += difference > 0
            losses += difference < 0
            diff_cell.setText(("+" if difference > 0 else "") + number_text(difference) if difference else "0")
            diff_cell.setForeground(GAIN if difference > 0 else LOSS if difference < 0 else QColor("black"))
            # the expiry only matters for a batch found on the shelf that the books do not know
            counts.append(CountLine(line.item_code, line.batch_no, counted, expiry_date=line.expiry_date))
        self.table.blockSignals(False)
        return counts, errors, gains, losses

    def _update_summary(self) -> None:
        counts, errors, gains, losses = self._counts()
        self.count_error.setText("\n".join(errors))
        self.count_error.setVisible(bool(errors))
        self.summary.setText(self.tr("共 %1 个批次，已填写 %2 个；盘盈 %3 个，盘亏 %4 个。").replace(
            "%1", str(len(self.sheet))).replace("%2", str(len(counts))).replace("%3", str(gains)).replace(
            "%4", str(losses)))
        self.confirm_button.setEnabled(bool(counts) and not errors)

    def _check_reason(self) -> bool:
        try:
            check_text(self.reason.text(), "盘盈盘亏原因", max_length=500, required=True)
            self.reason_box.set_error(None)
            self.general_error.clear()
            return True
        except ValidationError as exc:
            self.reason_box.set_error(exc.message)
            return False

    # confirming ----------------------------------------------------------------------------
    def values(self) -> StocktakeRequest:
        counts, errors, _gains, _losses = self._counts()
        if errors:
            raise ValidationError(errors[0])
        if not counts:
            raise ValidationError(self.tr("还没有填写任何实盘数量。"))
        if not self._check_reason():
            raise ValidationError(self.reason_box.error_text(), field="盘盈盘亏原因")
        return StocktakeRequest(self.store.currentData(), counts, reason=self.reason.text())

    def confirm_texts(self, request: StocktakeRequest) -> tuple[str, str, str]:
        _counts, _errors, gains, losses = self._counts()
        question = self.tr("盘盈 %1 个批次、盘亏 %2 个批次，按实盘数量调整“%3”的账面？").replace(
            "%1", str(gains)).replace("%2", str(losses)).replace("%3", self.store.currentText())
        return self.tr("确认盘点"), question, self.tr("未能过账盘点")

    def post_request(self, request: StocktakeRequest) -> ledger.PostedDocument:
        return post(self.dctx, request, self)


def run(dctx: DesktopContext, parent: QWidget | None = None) -> ledger.PostedDocument | None:
    """The 盘点 action."""
    return StocktakeDialog.run(dctx, parent)
