"""Entering outbound lines (出库, 调拨发出): item, quantity and which batch.

By default a line takes the earliest-expiry usable batches (FEFO); the editor shows which ones
``issuing.preview_issue`` would take before the keeper adds the line, and lets the keeper pick
another batch instead. Expired batches are listed but cannot be picked (they may only be scrapped).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.document_lines_widget import (
    EnterMovesOn,
    FieldBox,
    ItemChoice,
    ItemPicker,
    make_table,
    set_table_rows,
)
from desktop.formatting import date_text, number_text
from models.context import ServiceContext
from models.errors import DomainError, ValidationError
from models.services.allocation import is_expired
from models.services.issuing import IssueLine, preview_issue
from models.services.stock_queries import StockRow, stock_rows
from models.validation import parse_quantity


@dataclass(frozen=True)
class PlannedBatch:
    batch_no: str
    expiry_date: object
    quantity: Decimal


class OutboundLinesEditor(QWidget):
    """One entry row, a preview of the batches it takes, and the list of lines entered."""

    lines_changed = Signal()

    def __init__(self, ctx: ServiceContext, items: list[ItemChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store_code: str | None = None
        self.lines: list[IssueLine] = []
        self._batches: list[StockRow] = []
        self._items = {item.code: item for item in items}
        self.plan: list[PlannedBatch] = []

        self.item = ItemPicker(items, self)
        self.item_caption = QLabel(self)
        self.item_caption.setStyleSheet("color: #2f5d8a;")
        self.quantity = QLineEdit(self)
        self.unit_label = QLabel(self)
        self.batch = QComboBox(self)
        self.batch_model = QStandardItemModel(self)
        self.batch.setModel(self.batch_model)
        self.boxes = {
            "item": FieldBox(self.item, note=self.item_caption),
            "quantity": FieldBox(self.quantity, suffix=self.unit_label),
            "batch": FieldBox(self.batch),
        }
        self.add_button = QPushButton(self.tr("添加到清单"), self)
        self.add_button.clicked.connect(self.add_line)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("物资")), 0, 0)
        grid.addWidget(self.boxes["item"], 1, 0, Qt.AlignTop)
        grid.addWidget(QLabel(self.tr("数量")), 0, 1)
        grid.addWidget(self.boxes["quantity"], 1, 1, Qt.AlignTop)
        grid.addWidget(QLabel(self.tr("批次")), 0, 2)
        grid.addWidget(self.boxes["batch"], 1, 2, Qt.AlignTop)
        grid.addWidget(self.add_button, 1, 3, Qt.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        self.preview_title = QLabel(self.tr("将出库的批次（先到期先出）"), self)
        self.preview = make_table([self.tr("批次号"), self.tr("有效期至"), self.tr("本次出库")], self, stretch=0)
        self.preview.setMaximumHeight(120)
        entry = QGroupBox(self.tr("录入一行（回车跳到下一项）"), self)
        entry_layout = QVBoxLayout(entry)
        entry_layout.addLayout(grid)
        entry_layout.addWidget(self.preview_title)
        entry_layout.addWidget(self.preview)

        self.table = make_table([self.tr("物资编码"), self.tr("物资名称"), self.tr("数量"), self.tr("单位"),
                                 self.tr("批次")], self, stretch=1)
        self.remove_button = QPushButton(self.tr("删除所选行"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.doubleClicked.connect(lambda index: self.edit_line(index.row()))
        self.table.setToolTip(self.tr("双击一行可放回上面修改"))
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("清单")))
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(entry)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.navigator = EnterMovesOn([self.item, self.quantity, self.batch], self.add_line, self._can_leave, self)
        self.item.item_changed.connect(self._item_changed)
        self.item.textChanged.connect(lambda _t: self._check_item_text())
        self.quantity.textChanged.connect(lambda _t: self.update_preview())
        self.batch.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.item.completer().activated.connect(lambda _t: self._after_pick())
        self._item_changed(None)
        self._refresh_lines()

    # store and item ------------------------------------------------------------------------
    def set_store(self, store_code: str | None) -> None:
        self.store_code = store_code
        self._item_changed(self.item.item())

    def _after_pick(self) -> None:
        if self.item.hasFocus() and self.item.item() is not None:
            self.quantity.setFocus(Qt.TabFocusReason)

    def _can_leave(self, widget) -> bool:
        if widget is self.item:
            message = self.item.resolve()
            self.boxes["item"].set_error(message)
            return message is None
        if widget is self.quantity:
            return not self.boxes["quantity"].error_text() and bool(self.quantity.text().strip())
        return True

    def _check_item_text(self) -> None:
        text = self.item.text().strip()
        if self.item.item() is None and text:
            self.boxes["item"].set_error(
                self.tr("请从列表中选择物资。") if self.item.matches(text)
                else self.tr("物资目录中没有编码“%1”，请检查或从列表中选择。").replace("%1", text))
        else:
            self.boxes["item"].set_error(None)

    def _item_changed(self, item: ItemChoice | None) -> None:
        self.item_caption.setText(item.caption if item else "")
        self.item_caption.setVisible(item is not None)
        self.unit_label.setText(item.unit if item else "")
        self._batches = (stock_rows(self.ctx, store_code=self.store_code, item_code=item.code)
                         if item and self.store_code else [])
        self.batch.blockSignals(True)
        self.batch_model.clear()
        auto = QStandardItem(self.tr("自动：先到期先出"))
        auto.setData(None, Qt.UserRole)
        self.batch_model.appendRow(auto)
        today = self.ctx.today()
        for row in self._batches:
            free = row.quantity - row.reserved
            expired = is_expired(row.expiry_date, today)
            text = self.tr("%1（有效期至 %2，可用 %3%4）").replace("%1", row.batch).replace(
                "%2", date_text(row.expiry_date) or "—").replace("%3", number_text(free)).replace("%4", row.unit)
            if expired:
                text += self.tr(" 已过期")
            entry = QStandardItem(text)
            entry.setData(row.batch, Qt.UserRole)
            if expired or free <= 0:
                entry.setEnabled(False)
            self.batch_model.appendRow(entry)
        self.batch.setCurrentIndex(0)
        self.batch.blockSignals(False)
        self.update_preview()

    def choose_batch(self, batch_no: str | None) -> None:
        """Pick a batch by its number (None: automatic FEFO)."""
        for row in range(self.batch_model.rowCount()):
            if self.batch_model.item(row).data(Qt.UserRole) == batch_no:
                self.batch.setCurrentIndex(row)
                return
        raise ValueError(batch_no)

    # preview -------------------------------------------------------------------------------
    def _already_listed(self, item_code: str, batch_no: str | None) -> Decimal:
        return sum((Decimal(line.quantity) for line in self.lines
                    if line.item_code == item_code and (batch_no is None or line.batch_no == batch_no)), Decimal(0))

    def update_preview(self) -> None:
        """Show the batches this line would take, or why it cannot be issued."""
        self.plan = []
        item = self.item.item()
        message = None
        text = self.quantity.text().strip()
        if text:
            try:
                quantity = parse_quantity(text, "数量")
                if item is not None and self.store_code:
                    self.plan = self._plan(item, quantity)
            except DomainError as exc:
                message = exc.message
        self.boxes["quantity"].set_error(message)
        set_table_rows(self.preview, [[p.batch_no, date_text(p.expiry_date), number_text(p.quantity)]
                                      for p in self.plan], right_columns=(2,))
        chosen = self.batch.currentData(Qt.UserRole)
        self.preview_title.setText(self.tr("将出库的批次（先到期先出）") if chosen is None
                                   else self.tr("将出库的批次（保管员指定）"))

    def _plan(self, item: ItemChoice, quantity: Decimal) -> list[PlannedBatch]:
        chosen = self.batch.currentData(Qt.UserRole)
        if chosen is None:
            # lines already in the list take stock first; the preview counts them in
            earlier = self._already_listed(item.code, None)
            allocations = preview_issue(self.ctx, self.store_code, item.code, quantity + earlier)
            plan, skip = [], earlier
            for allocation in allocations:
                take = allocation.quantity - min(skip, allocation.quantity)
                skip -= allocation.quantity - take
                if take > 0:
                    plan.append(PlannedBatch(allocation.batch.batch_no, allocation.batch.expiry_date, take))
            return plan
        row = next(r for r in self._batches if r.batch == chosen)
        free = row.quantity - row.reserved - self._already_listed(item.code, chosen)
        if quantity > free:
            raise ValidationError(self.tr("批次“%1”可用只有 %2%3，不足 %4%3。请减少数量或选择其他批次。").replace(
                "%1", chosen).replace("%2", number_text(free)).replace("%3", row.unit).replace(
                "%4", number_text(quantity)))
        return [PlannedBatch(row.batch, row.expiry_date, quantity)]

    # lines ---------------------------------------------------------------------------------
    def add_line(self) -> bool:
        if self.item.item() is None:
            self.boxes["item"].set_error(self.item.resolve())
        item = self.item.item()
        if item is None:
            self.item.setFocus(Qt.OtherFocusReason)
            return False
        if self.quantity.text().strip():
            self.update_preview()
        else:
            self.boxes["quantity"].set_error(self.tr("数量不能为空，请填写一个正数。"))
        if self.boxes["quantity"].error_text() or not self.plan:
            self.quantity.setFocus(Qt.OtherFocusReason)
            return False
        self.lines.append(IssueLine(item.code, parse_quantity(self.quantity.text()),
                                    batch_no=self.batch.currentData(Qt.UserRole) or ""))
        self.item.clear()
        self.quantity.blockSignals(True)
        self.quantity.clear()
        self.quantity.blockSignals(False)
        self.boxes["quantity"].set_error(None)
        self.boxes["item"].set_error(None)
        self.item.setFocus(Qt.OtherFocusReason)
        self._refresh_lines()
        return True

    def edit_line(self, row: int) -> None:
        """Put a listed line back into the entry row to correct it (it leaves the list until re-added)."""
        if not 0 <= row < len(self.lines):
            return
        line = self.lines.pop(row)
        self._refresh_lines()
        self.item.setText(line.item_code)
        self.quantity.setText(str(line.quantity))
        self.choose_batch(line.batch_no or None)
        self.quantity.setFocus(Qt.OtherFocusReason)
        self.quantity.selectAll()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._refresh_lines()

    def clear_lines(self) -> None:
        self.lines = []
        self._refresh_lines()

    def _refresh_lines(self) -> None:
        rows = []
        for line in self.lines:
            item = self._items[line.item_code]
            rows.append([line.item_code, f"{item.name} {item.spec}".strip(), number_text(Decimal(line.quantity)),
                         item.unit, line.batch_no or self.tr("先到期先出")])
        set_table_rows(self.table, rows, right_columns=(2,))
        self.count_label.setText(self.tr("共 %1 行").replace("%1", str(len(self.lines))))
        self.remove_button.setEnabled(bool(self.lines))
        self.update_preview()
        self.lines_changed.emit()
