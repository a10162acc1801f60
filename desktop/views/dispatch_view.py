"""调拨单: the dispatch orders, filtered by state; overdue approvals and returns highlighted. Pick
an order to see its lines and sources; the buttons run the next step of its workflow (approve,
issue, emergency issue, sign for, return, cancel, reverse) and print it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
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
from desktop.dialogs.dispatch_dialog import DispatchRequestDialog, ReceiptDialog, ReturnDialog, SourcesDialog
from desktop.dialogs.document_lines_widget import make_table, run_busy, set_table_rows
from desktop.formatting import date_text, joined, label, local_time_text, number_text
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import RIGHT, ROW_ROLE, SORT_ROLE, Column, RowTableModel, configure_table, restore_columns
from desktop.views.registry import ViewSpec
from models.errors import DomainError
from models.schema.dispatch import DispatchStatus
from models.schema.enums import Role
from models.services import dispatch
from models.services.dispatch import OrderRow, OrderView

OVERDUE_BG = QColor("#fbe3e1")
EMERGENCY_FG = QColor("#9a1c1c")
CLOSED_FG = QColor("#8a8a8a")

FILTERS = [  # (key, label); keys other than statuses are special lists
    ("open", QT_TRANSLATE_NOOP("DispatchView", "未完成")), ("all", QT_TRANSLATE_NOOP("DispatchView", "全部")),
    ("draft", QT_TRANSLATE_NOOP("DispatchView", "待审批")), ("approved", QT_TRANSLATE_NOOP("DispatchView", "已审批")),
    ("issued", QT_TRANSLATE_NOOP("DispatchView", "已出库")), ("received", QT_TRANSLATE_NOOP("DispatchView", "已签收")),
    ("cancelled", QT_TRANSLATE_NOOP("DispatchView", "已作废")), ("reversed", QT_TRANSLATE_NOOP("DispatchView", "已冲销")),
    ("overdue_approval", QT_TRANSLATE_NOOP("DispatchView", "审批逾期")),
    ("overdue_return", QT_TRANSLATE_NOOP("DispatchView", "归还逾期")),
]


class DispatchView(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.order: OrderView | None = None
        self.model = RowTableModel(self._columns(), self, background=self._background,
                                   foreground=self._foreground, tooltip=self._tooltip)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self._build()
        dctx.changed.connect(self._on_changed)
        self.refresh()

    # layout --------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("单号"), lambda r: r.number),
            Column(self.tr("日期"), lambda r: date_text(r.order_date)),
            Column(self.tr("状态"), self._status_text),
            Column(self.tr("申请单位"), lambda r: r.requesting_unit),
            Column(self.tr("接收单位"), lambda r: r.receiving_unit),
            Column(self.tr("事由"), lambda r: r.reason),
            Column(self.tr("行数"), lambda r: str(r.line_count), lambda r: r.line_count, RIGHT),
            Column(self.tr("出库时间"), lambda r: local_time_text(r.issued_at)),
            Column(self.tr("应还日期"), lambda r: date_text(r.next_due_back)),
        ]

    def _status_text(self, row: OrderRow) -> str:
        text = label(row.status.label)
        if row.emergency:
            text = self.tr("紧急·") + text
        if row.approval_overdue:
            text += self.tr("（审批逾期）")
        elif row.emergency and row.issued_at and row.approved_at is None:
            text += self.tr("（待补审批）")
        if row.return_overdue:
            text += self.tr("（归还逾期）")
        return text

    def _background(self, row: OrderRow):
        return OVERDUE_BG if row.approval_overdue or row.return_overdue else None

    def _foreground(self, row: OrderRow):
        if row.status in (DispatchStatus.CANCELLED, DispatchStatus.REVERSED):
            return CLOSED_FG
        return EMERGENCY_FG if row.emergency else None

    def _tooltip(self, row: OrderRow) -> str | None:
        notes = []
        if row.approval_overdue:
            notes.append(self.tr("紧急出库已超过 48 小时，审批仍未补办"))
        if row.return_overdue:
            notes.append(self.tr("有物资已过归还日期仍未归还"))
        return joined(notes, "；") or None

    def _build(self) -> None:
        self.state = QComboBox(self)
        for key, caption in FILTERS:
            self.state.addItem(self.tr(caption), key)
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：单号、单位、事由"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = QPushButton(self.tr("新建申请…"), self)
        self.new_button.clicked.connect(lambda: self.create_request())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("状态"), self))
        top.addWidget(self.state)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)

        self.table = QTableView(self)
        configure_table(self.table, "dispatch")
        add_export_action(self.table, self.tr("调拨单"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.DescendingOrder)
        restore_columns(self.table, "dispatch", [120, 90, 190, 130, 160, 200, 50, 130, 90])
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current))

        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.lines = make_table([self.tr("行"), self.tr("物资"), self.tr("申请"), self.tr("来源 / 批次"),
                                 self.tr("已出库"), self.tr("实收"), self.tr("损坏"), self.tr("应还日期"),
                                 self.tr("待还")], self, stretch=3)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, caption, handler in [
            ("sources", self.tr("来源…"), self.edit_sources),
            ("approve", self.tr("审批"), self.approve), ("issue", self.tr("出库"), self.issue),
            ("emergency", self.tr("紧急出库…"), self.emergency_issue), ("receive", self.tr("签收…"), self.receive),
            ("return", self.tr("归还…"), self.record_return), ("cancel", self.tr("作废…"), self.cancel),
            ("reverse", self.tr("冲销…"), self.reverse), ("print", self.tr("打印预览…"), self.print_preview),
        ]:
            button = QPushButton(caption, self)
            button.clicked.connect(lambda _checked=False, h=handler: h())
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        detail = QGroupBox(self.tr("调拨单内容"), self)
        grid = QGridLayout(detail)
        grid.addWidget(self.header, 0, 0)
        grid.addLayout(actions, 1, 0)
        grid.addWidget(self.lines, 2, 0)
        grid.setRowStretch(2, 1)

        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("调拨单"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        self._show_order(None)

    # the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.order.number if self.order else None
        ctx = self.dctx.service
        key = self.state.currentData()
        if key == "open":
            rows = dispatch.open_orders(ctx)
        elif key == "overdue_approval":
            rows = dispatch.overdue_approvals(ctx)
        elif key == "overdue_return":
            rows = [row for row in dispatch.list_orders(ctx) if row.return_overdue]
        elif key == "all":
            rows = dispatch.list_orders(ctx)
        else:
            rows = dispatch.list_orders(ctx, statuses=(DispatchStatus(key),))
        self.model.set_rows(rows)
        overdue = sum(1 for row in rows if row.approval_overdue or row.return_overdue)
        text = self.tr("共 %1 张调拨单").replace("%1", str(len(rows)))
        if overdue:
            text += self.tr("，其中 %1 张逾期（红色底色）").replace("%1", str(overdue))
        self.summary.setText(text)
        if not (selected and self.select(selected)):
            self._show_order(None)

    def select(self, number: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).number == number:
                self.table.setCurrentIndex(index)
                self._show(index)
                return True
        return False

    def set_filter(self, key: str) -> None:
        self.state.setCurrentIndex(max(self.state.findData(key), 0))

    # the detail ----------------------------------------------------------------------------
    def _show(self, index) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        try:
            self._show_order(dispatch.order_view(self.dctx.service, row.number) if row else None)
        except DomainError as exc:
            self._show_order(None)
            self.header.setText(exc.message)

    def _show_order(self, order: OrderView | None) -> None:
        self.order = order
        if order is None:
            self.header.setText(self.tr("在上面的列表中选择一张调拨单。"))
            set_table_rows(self.lines, [])
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        parts = [f"<b>{order.number}</b>　{label(order.status.label)}"
                 + (self.tr("　<span style='color:#9a1c1c'>紧急调拨</span>") if order.emergency else ""),
                 self.tr("%1 → %2（%3）").replace("%1", order.requesting_unit).replace("%2", order.receiving_unit)
                 .replace("%3", order.place or "—"),
                 self.tr("事由：%1　指令文号：%2").replace("%1", order.reason).replace("%2", order.reference or "—")]
        if order.approved_at:
            parts.append(self.tr("审批：%1 %2").replace("%1", order.approved_by).replace(
                "%2", local_time_text(order.approved_at)))
        elif order.approval_owed:
            parts.append(self.tr("<span style='color:#b3261e'>审批待补办（出库于 %1）</span>").replace(
                "%1", local_time_text(order.issued_at)))
        if order.received_at:
            parts.append(self.tr("签收：%1 %2").replace("%1", order.received_signed_by).replace(
                "%2", local_time_text(order.received_at)))
        self.header.setText("<br>".join(parts))
        set_table_rows(self.lines, [
            [line.line_no, f"{line.item_name} {line.spec}".strip(), f"{number_text(line.quantity)} {line.unit}",
             self._sources_text(line), number_text(line.issued_quantity),
             number_text(line.received_quantity), number_text(line.damaged_quantity) if line.damaged_quantity else "",
             date_text(line.due_back_date), number_text(line.outstanding_return) if line.returnable else ""]
            for line in order.lines
        ], right_columns=(4, 5, 6, 8))
        self._enable_buttons(order)

    def _sources_text(self, line) -> str:
        if line.issued:
            return joined((f"{b.store_name} {b.batch_no} {number_text(b.quantity)}" for b in line.issued), "；")
        return joined((f"{s.store_name}{(' ' + s.batch_no) if s.batch_no else ''} {number_text(s.quantity)}"
                       for s in line.sources), "；") or self.tr("（无可用来源）")

    def _enable_buttons(self, order: OrderView) -> None:
        role = self.dctx.service.actor.role
        approver = role in (Role.ADMIN, Role.OFFICER)
        writer = role is not Role.VIEWER
        status = order.status
        self.buttons["sources"].setEnabled(writer and status is DispatchStatus.DRAFT)
        self.buttons["approve"].setEnabled(approver and (status is DispatchStatus.DRAFT or order.approval_owed))
        self.buttons["issue"].setEnabled(writer and status is DispatchStatus.APPROVED)
        self.buttons["emergency"].setEnabled(writer and status is DispatchStatus.DRAFT)
        self.buttons["receive"].setEnabled(writer and status is DispatchStatus.ISSUED)
        self.buttons["return"].setEnabled(writer and any(line.outstanding_return > 0 for line in order.lines)
                                          and status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED))
        self.buttons["cancel"].setEnabled(writer and status in (DispatchStatus.DRAFT, DispatchStatus.APPROVED))
        self.buttons["reverse"].setEnabled(approver and status in (DispatchStatus.ISSUED, DispatchStatus.RECEIVED))
        self.buttons["print"].setEnabled(True)

    # actions -------------------------------------------------------------------------------
    def _run(self, label: str, work, *args, changed=(flags.DISPATCH,), **kwargs) -> OrderView | None:
        try:
            result = run_busy(self, label, work, self.dctx.service, *args, **kwargs)
        except DomainError as exc:
            interaction.error(self, self.tr("未能完成"), exc.message)
            return None
        self.dctx.notify(*changed)
        self.select(result.number) or self.refresh()
        return result

    def create_request(self) -> OrderView | None:
        created = DispatchRequestDialog.create(self.dctx, self)
        if created is not None:
            self.set_filter("open")
            self.select(created.number)
        return created

    def edit_sources(self) -> OrderView | None:
        if self.order is None:
            return None
        dialog = SourcesDialog(self.dctx, self.order, self)
        dialog.exec()
        if dialog.result_order is not None:
            self.select(dialog.result_order.number)
        return dialog.result_order

    def approve(self) -> OrderView | None:
        if self.order is None:
            return None
        note = interaction.ask_text(self, self.tr("审批调拨单"),
                                    self.tr("审批 %1 的意见（可留空）：").replace("%1", self.order.number), self.tr("同意"))
        if note is None:
            return None
        return self._run(self.tr("正在审批并预留库存…"), dispatch.approve, self.order.number, note=note,
                         changed=(flags.DISPATCH, flags.STOCK))

    def issue(self) -> OrderView | None:
        if self.order is None:
            return None
        question = self.tr("按已预留的批次（先到期先出）为 %1 办理出库吗？").replace("%1", self.order.number)
        if not interaction.confirm(self, self.tr("确认出库"), question):
            return None
        return self._run(self.tr("正在出库…"), dispatch.issue, self.order.number,
                         changed=(flags.DISPATCH, flags.STOCK, flags.DOCUMENTS))

    def emergency_issue(self) -> OrderView | None:
        if self.order is None:
            return None
        instruction = interaction.ask_text(self, self.tr("紧急出库"),
                                           self.tr("口头指令（谁、何时下达，审批须 48 小时内补办）："))
        if instruction is None:
            return None
        return self._run(self.tr("正在紧急出库…"), dispatch.emergency_issue, self.order.number,
                         instruction=instruction, changed=(flags.DISPATCH, flags.STOCK, flags.DOCUMENTS))

    def receive(self) -> OrderView | None:
        if self.order is None:
            return None
        number = self.order.number  # the list refreshes while the dialog is open
        dialog = ReceiptDialog(self.dctx, self.order, self)
        if dialog.exec():
            self._keep_showing(number)
        return dialog.result_order

    def record_return(self) -> OrderView | None:
        if self.order is None:
            return None
        number = self.order.number
        dialog = ReturnDialog(self.dctx, self.order, self)
        if dialog.exec():
            self._keep_showing(number)
        return dialog.result_order

    def _keep_showing(self, number: str) -> None:
        """A signed order leaves the 未完成 list; switch to 全部 rather than lose it from sight."""
        QCoreApplication.sendPostedEvents()  # the dialog's change notice refreshes the list first
        if not self.select(number):
            self.set_filter("all")
            self.select(number)

    def cancel(self) -> OrderView | None:
        if self.order is None:
            return None
        reason = interaction.ask_text(self, self.tr("作废调拨单"),
                                      self.tr("作废 %1 的原因（必填，预留的库存将释放）：").replace("%1", self.order.number))
        if not reason:
            return None
        return self._run(self.tr("正在作废…"), dispatch.cancel, self.order.number, reason=reason,
                         changed=(flags.DISPATCH, flags.STOCK))

    def reverse(self) -> OrderView | None:
        if self.order is None:
            return None
        reason = interaction.ask_text(self, self.tr("冲销调拨单"),
                                      self.tr("冲销 %1 的原因（必填，出库的物资将退回原储备库）：").replace(
                                          "%1", self.order.number))
        if not reason:
            return None
        return self._run(self.tr("正在冲销…"), dispatch.reverse_order, self.order.number, reason=reason,
                         changed=(flags.DISPATCH, flags.STOCK, flags.DOCUMENTS))

    def print_preview(self, *, show: bool = True):
        """Open the print preview of the selected order (three copies: 存根/调出联/调入联)."""
        if self.order is None:
            return None
        from desktop.print_preview import preview
        from models.documents.dispatch_pdf import DISPATCH_COPIES, print_dispatch_order

        number = self.order.number
        try:
            dialog = preview(self, number, lambda path: print_dispatch_order(
                self.dctx.service, number, path, copies=DISPATCH_COPIES))
        except (DomainError, RuntimeError) as exc:
            interaction.error(self, self.tr("无法打印"), getattr(exc, "message", str(exc)))
            return None
        if show:
            dialog.exec()
        return dialog

    # refreshing ----------------------------------------------------------------------------
    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.DISPATCH, flags.STOCK, flags.STORES, flags.CATALOG}:
            self.refresh()


VIEW_SPEC = ViewSpec(key="dispatch", title="调拨单", order=60, factory=DispatchView, icon="dispatch")
