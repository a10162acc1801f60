"""入库单 dialog: several lines, each with item, batch, dates, quantity; scan-friendly.

The keeper scans or types the item code, presses Enter to move through batch, dates, quantity,
price and location, and Enter in the last field adds the line and returns to the item field. Every
field is checked as it is typed and its Chinese message appears under it. Nothing is saved until
the keeper presses 确认入库 and confirms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import DOCUMENTS, STOCK, DesktopContext
from desktop.dialogs.document_lines_widget import (
    EnterMovesOn,
    FieldBox,
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
from desktop.formatting import number_text
from models.errors import ValidationError
from models.services import ledger
from models.schema.enums import ReserveMode
from models.services.receiving import ReceiptLine, receive
from models.validation import check_code, check_text, parse_date, parse_quantity


@dataclass
class ReceiptRequest:
    """What the dialog collected: everything ``receiving.receive`` needs."""

    store_code: str
    lines: list[ReceiptLine] = field(default_factory=list)
    supplier: str = ""
    reference: str = ""
    doc_date: dt.date | None = None
    remarks: str = ""


def post(dctx: DesktopContext, request: ReceiptRequest, parent: QWidget | None = None) -> ledger.PostedDocument:
    """Post the receipt off the UI thread and tell every view that stock and documents changed."""
    result = run_busy(parent, QCoreApplication.translate("ReceiptDialog", "正在保存入库单…"), receive, dctx.service, request.store_code,
                      request.lines, supplier=request.supplier, reference=request.reference,
                      doc_date=request.doc_date, remarks=request.remarks)
    dctx.notify(STOCK, DOCUMENTS)
    return result


class ReceiptDialog(PostingDialog[ReceiptRequest]):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, post_on_accept: bool = True) -> None:
        super().__init__(dctx, parent, post_on_accept=post_on_accept)
        self.lines: list[ReceiptLine] = []
        self.setWindowTitle(self.tr("入库单"))
        self.resize(980, 640)
        self._build()
        self._validate_line(quiet=True)
        no_default_buttons(self)
        self.supplier.setFocus(Qt.OtherFocusReason)

    # layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        ctx = self.dctx.service
        items = load_items(ctx)
        self.store = store_combo(postable_stores(ctx), self.dctx.current_store_code, self)
        self.supplier = QLineEdit(self)
        self.reference = QLineEdit(self)
        self.doc_date = QLineEdit(ctx.today().isoformat(), self)
        self.doc_date_box = FieldBox(self.doc_date)
        self.manufacturer = QLineEdit(self)
        self.manufacturer.setPlaceholderText(self.tr("适用于本单各行，可不填"))
        self.manufacturer_box = FieldBox(self.manufacturer)
        self.reserve_mode = QComboBox(self)
        for mode in ReserveMode:
            self.reserve_mode.addItem(QCoreApplication.translate("labels", mode.label), mode.value)
        header = QGridLayout()
        for index, (caption, widget) in enumerate((
                (self.tr("入库储备库"), self.store), (self.tr("入库日期"), self.doc_date_box),
                (self.tr("供应商/交储单位"), self.supplier), (self.tr("通知单号"), self.reference),
                (self.tr("生产厂家"), self.manufacturer_box), (self.tr("储备方式"), self.reserve_mode))):
            row, col = divmod(index, 2)
            label = QLabel(caption)
            label.setFixedHeight(self.supplier.sizeHint().height())  # level with its field, above any message
            header.addWidget(label, row, col * 2, Qt.AlignTop)
            header.addWidget(widget, row, col * 2 + 1, Qt.AlignTop)
        header.setColumnStretch(1, 1)
        header.setColumnStretch(3, 1)

        self.item = ItemPicker(items, self)
        self.item_caption = QLabel(self)
        self.item_caption.setStyleSheet("color: #2f5d8a;")
        self.batch = QLineEdit(self)
        self.batch.setPlaceholderText(self.tr("留空按日期自动编号"))
        self.production = QLineEdit(self)
        self.production.setPlaceholderText("2026-05-01")
        self.expiry = QLineEdit(self)
        self.expiry.setPlaceholderText(self.tr("留空按保质期推算"))
        self.quantity = QLineEdit(self)
        self.unit_label = QLabel(self)
        self.price = QLineEdit(self)
        self.price.setPlaceholderText(self.tr("元，可不填"))
        self.location = QLineEdit(self)
        self.boxes = {
            "item": FieldBox(self.item, note=self.item_caption),
            "batch": FieldBox(self.batch),
            "production": FieldBox(self.production),
            "expiry": FieldBox(self.expiry),
            "quantity": FieldBox(self.quantity, suffix=self.unit_label),
            "price": FieldBox(self.price),
            "location": FieldBox(self.location),
        }
        captions = {"item": self.tr("物资"), "batch": self.tr("批次号"), "production": self.tr("生产日期"),
                    "expiry": self.tr("有效期至"), "quantity": self.tr("数量"), "price": self.tr("单价"),
                    "location": self.tr("存放位置")}
        grid = QGridLayout()
        places = {"item": (0, 0, 2), "batch": (0, 2, 1), "production": (0, 3, 1),
                  "expiry": (1, 0, 1), "quantity": (1, 1, 1), "price": (1, 2, 1), "location": (1, 3, 1)}
        for key, (row, col, span) in places.items():
            grid.addWidget(QLabel(captions[key]), row * 2, col, 1, span)
            grid.addWidget(self.boxes[key], row * 2 + 1, col, 1, span, Qt.AlignTop)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        self.add_button = QPushButton(self.tr("添加到清单"), self)
        self.add_button.clicked.connect(self.add_line)
        grid.addWidget(self.add_button, 4, 3)
        entry = QGroupBox(self.tr("录入一行（回车跳到下一项，最后一项回车即添加）"), self)
        entry.setLayout(grid)

        self.table = make_table([self.tr("物资编码"), self.tr("物资名称"), self.tr("批次号"), self.tr("生产日期"),
                                 self.tr("有效期至"), self.tr("数量"), self.tr("单位"), self.tr("单价"),
                                 self.tr("存放位置")], self, stretch=1)
        self.remove_button = QPushButton(self.tr("删除所选行"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.doubleClicked.connect(lambda index: self.edit_line(index.row()))
        self.table.setToolTip(self.tr("双击一行可放回上面修改"))
        self.total_label = QLabel(self)
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "error")
        self.general_error.setStyleSheet("color: #b3261e;")
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(self.tr("确认入库"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(entry)
        lines_row = QHBoxLayout()
        lines_row.addWidget(QLabel(self.tr("入库清单")))
        lines_row.addStretch(1)
        lines_row.addWidget(self.total_label)
        lines_row.addWidget(self.remove_button)
        layout.addLayout(lines_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        fields = [self.item, self.batch, self.production, self.expiry, self.quantity, self.price, self.location]
        self.navigator = EnterMovesOn(fields, self.add_line, self._can_leave, self)
        for widget in fields:
            widget.textChanged.connect(lambda _text: self._validate_line(quiet=False))
        self.item.item_changed.connect(self._show_item)
        self._show_item(None)
        self.item.completer().activated.connect(lambda _text: self._after_pick())
        self.doc_date.textChanged.connect(self._validate_header)
        self.manufacturer.textChanged.connect(self._validate_header)
        self._refresh_lines()

    # checking as the user types ------------------------------------------------------------
    def _show_item(self, item) -> None:
        self.item_caption.setText(item.caption if item else "")
        self.item_caption.setVisible(item is not None)
        self.unit_label.setText(item.unit if item else "")

    def _after_pick(self) -> None:
        if self.item.hasFocus() and self.item.item() is not None:
            self.batch.setFocus(Qt.TabFocusReason)

    def _can_leave(self, widget) -> bool:
        if widget is self.item:
            message = self.item.resolve()
            self.boxes["item"].set_error(message)
            return message is None
        return True

    def _validate_header(self) -> bool:
        valid = True
        for box, check in ((self.doc_date_box, lambda: parse_date(self.doc_date.text(), "入库日期")),
                           (self.manufacturer_box,
                            lambda: check_text(self.manufacturer.text(), "生产厂家", max_length=200))):
            try:
                check()
                box.set_error(None)
            except ValidationError as exc:
                box.set_error(exc.message)
                valid = False
        return valid

    def _line_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        item = self.item.item()
        if item is None:
            text = self.item.text().strip()
            errors["item"] = "" if not text else (
                self.tr("物资目录中没有编码“%1”，请检查或从列表中选择。").replace("%1", text)
                if not self.item.matches(text) else self.tr("请从列表中选择物资。"))
        checks = (
            ("batch", lambda: check_code(self.batch.text(), "批次号", max_length=60) if self.batch.text().strip() else None),
            ("production", lambda: parse_date(self.production.text(), "生产日期")),
            ("expiry", lambda: parse_date(self.expiry.text(), "有效期至")),
            ("quantity", lambda: parse_quantity(self.quantity.text(), "数量") if self.quantity.text().strip() else None),
            ("price", lambda: self._price()),
            ("location", lambda: check_text(self.location.text(), "存放位置", max_length=100)),
        )
        for key, check in checks:
            try:
                check()
            except ValidationError as exc:
                errors[key] = exc.message
        if "production" not in errors and "expiry" not in errors:
            production = parse_date(self.production.text())
            expiry = parse_date(self.expiry.text())
            if production and expiry and expiry < production:
                errors["expiry"] = self.tr("有效期至 %1 早于生产日期 %2，请检查日期。").replace(
                    "%1", expiry.isoformat()).replace("%2", production.isoformat())
        return errors

    def _price(self) -> Decimal | None:
        text = self.price.text().strip()
        if not text:
            return None
        value = parse_quantity(text, "单价", allow_zero=True)
        if value != value.quantize(Decimal("0.01")):
            raise ValidationError(self.tr("单价最多两位小数（分）。"), field="单价")
        return value

    def _validate_line(self, quiet: bool) -> dict[str, str]:
        errors = self._line_errors()
        for key, box in self.boxes.items():
            box.set_error(errors.get(key) or None)
        return errors

    # lines ---------------------------------------------------------------------------------
    def add_line(self) -> bool:
        """Check the entry row; if it is complete, add it to the list and start the next line."""
        if self.item.item() is None:
            self.boxes["item"].set_error(self.item.resolve())
        errors = self._validate_line(quiet=False)
        if not self.quantity.text().strip():
            errors["quantity"] = self.tr("数量不能为空，请填写一个正数。")
            self.boxes["quantity"].set_error(errors["quantity"])
        if self.item.item() is None:
            errors.setdefault("item", self.tr("请填写物资编码。"))
            self.boxes["item"].set_error(errors["item"] or self.tr("请填写物资编码。"))
        if errors:
            first = next(key for key in self.boxes if key in errors)
            self.boxes[first].widget.setFocus(Qt.OtherFocusReason)
            return False
        item = self.item.item()
        production = parse_date(self.production.text())
        expiry = parse_date(self.expiry.text())
        if expiry is None and production and item.shelf_life_months:
            expiry = production + relativedelta(months=item.shelf_life_months) - dt.timedelta(days=1)
        self.lines.append(ReceiptLine(
            item.code, parse_quantity(self.quantity.text()), batch_no=self.batch.text().strip(),
            production_date=production, expiry_date=expiry, unit_price=self._price(),
            location=self.location.text().strip(),
        ))
        self._clear_entry()
        self._refresh_lines()
        return True

    def _clear_entry(self) -> None:
        for widget in (self.item, self.batch, self.production, self.expiry, self.quantity, self.price, self.location):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        self.item.textChanged.emit("")
        for box in self.boxes.values():
            box.set_error(None)
        self.item.setFocus(Qt.OtherFocusReason)

    def edit_line(self, row: int) -> None:
        """Put a listed line back into the entry row to correct it (it leaves the list until re-added)."""
        if not 0 <= row < len(self.lines):
            return
        line = self.lines.pop(row)
        self._clear_entry()
        for widget, value in ((self.item, line.item_code), (self.batch, line.batch_no),
                              (self.production, line.production_date), (self.expiry, line.expiry_date),
                              (self.quantity, line.quantity), (self.price, line.unit_price),
                              (self.location, line.location)):
            widget.setText("" if value is None else str(value))
        self._refresh_lines()
        self.quantity.setFocus(Qt.OtherFocusReason)
        self.quantity.selectAll()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._refresh_lines()

    def _refresh_lines(self) -> None:
        items = {item.code: item for item in self.item._items}
        rows = []
        for line in self.lines:
            item = items[line.item_code]
            rows.append([line.item_code, f"{item.name} {item.spec}".strip(), line.batch_no or self.tr("（自动）"),
                         line.production_date or "", line.expiry_date or "", number_text(line.quantity), item.unit,
                         "" if line.unit_price is None else f"{line.unit_price:.2f}", line.location])
        set_table_rows(self.table, rows, right_columns=(5, 7))
        self.total_label.setText(self.tr("共 %1 行").replace("%1", str(len(self.lines))))
        self.confirm_button.setEnabled(bool(self.lines))
        self.remove_button.setEnabled(bool(self.lines))

    # confirming ----------------------------------------------------------------------------
    def values(self) -> ReceiptRequest:
        if not self._validate_header():
            raise ValidationError(self.tr("请先改正上面标红的项目。"))
        if not self.lines:
            raise ValidationError(self.tr("入库清单是空的，请先添加至少一行物资。"))
        if self.store.currentData() is None:
            raise ValidationError(self.tr("您没有可以记账的储备库，请联系管理员分配。"))
        manufacturer = self.manufacturer.text().strip()
        mode = ReserveMode(self.reserve_mode.currentData())
        lines = [replace(line, manufacturer=line.manufacturer or manufacturer, reserve_mode=mode) for line in self.lines]
        return ReceiptRequest(self.store.currentData(), lines, supplier=self.supplier.text(),
                              reference=self.reference.text(), doc_date=parse_date(self.doc_date.text()))

    def confirm_texts(self, request: ReceiptRequest) -> tuple[str, str, str]:
        question = self.tr("在“%1”入库 %2 行物资？确认后将记入台账，只能冲销不能修改。").replace(
            "%1", self.store.currentText()).replace("%2", str(len(request.lines)))
        return self.tr("确认入库"), question, self.tr("未能入库")

    def post_request(self, request: ReceiptRequest) -> ledger.PostedDocument:
        return post(self.dctx, request, self)


def run(dctx: DesktopContext, parent: QWidget | None = None) -> ledger.PostedDocument | None:
    """The 入库 action (Ctrl+R): enter, confirm and post a receipt."""
    return ReceiptDialog.run(dctx, parent)
