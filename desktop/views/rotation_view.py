"""轮换计划: batches due for rotation, overdue or expired, by store, with the actions that deal with
them — rotate out (use, sale, donation, transfer), plan a replacement, request a scrap — and the
scrap requests awaiting an officer's approval."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.rotation_dialogs import ReplacementDialog, RotateOutDialog, ScrapRequestDialog
from desktop.formatting import date_text, joined, money_text, quantity_text, with_note
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (CENTER, RIGHT, ROW_ROLE, Column, RowTableModel, configure_table,
                                            restore_columns)
from desktop.table_models.sorted_rows import SortedRowModel, SortingProxy
from desktop.widgets.background import LatestCall
from desktop.views.registry import ViewSpec
from desktop.widgets.combo_width import fixed_width
from models.errors import DomainError
from models.schema.enums import Role
from models.services.rotation import (DEFAULT_WITHIN_DAYS, RotationRow, plan_replacement, rotate_out,
                                      rotation_plan)
from models.services.scrap_approval import (ScrapLine, ScrapRequestInfo, approve_scrap, list_scrap_requests,
                                            reject_scrap, request_scrap)
from models.services.document_queries import readable_stores

STATUS_ORDER = {"expired": 0, "overdue": 1, "due": 2}
OVERDUE_BG = QColor("#fbd3b0")
OVERDUE_FG = QColor("#7a3a00")


class RotationModel(SortedRowModel):
    """The plan's rows, sorted by the model (a sorting proxy asks ``data()`` about half a million times
    for a city's 19,000 rows: seconds), in the proxy's order (``desktop/table_models/sorted_rows.py``).
    The text filter's lower-case text is made once per set of rows, at the first search."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._haystacks: list[str] | None = None  # lower-case searchable text of each row, in the order given

    def set_rows(self, rows) -> None:
        self._haystacks = None
        super().set_rows(rows)

    def haystack(self, row: int) -> str:
        """What the text filter searches in the row shown at ``row`` (item, code, batch, store, spec)."""
        if self._haystacks is None:
            self._haystacks = ["\0".join((r.item_name, r.item_code, r.batch, r.store_name, r.store_code,
                                           r.spec)).lower() for r in self._given]
        return self._haystacks[self._order[row]]


class RotationFilterProxy(SortingProxy):
    """Text (item, code, batch, store) and status filters on the loaded rows; sorting is done by the
    ``RotationModel`` below."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.status = ""
        self._source: RotationModel | None = None

    def setSourceModel(self, model: RotationModel) -> None:
        self._source = model
        super().setSourceModel(model)

    def set_filter(self, *, text: str | None = None, status: str | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = text.strip().lower()
        if status is not None:
            self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.text and not self.status:
            return True
        if self.status and self._source.row_at(source_row).status != self.status:
            return False
        return not self.text or self.text in self._source.haystack(source_row)


@dataclass(frozen=True)
class _PlanAnswer:
    rows: list[RotationRow]
    agreements: int | None
    stores: list[tuple[str, str]] | None  # (code, name) of each readable store, when asked for
    requests: list[ScrapRequestInfo] | None  # the pending scrap requests, when asked for


def _plan_answer(ctx, within_days: int, store_code: str | None, with_stores: bool,
                 with_requests: bool) -> _PlanAnswer:
    """What the view shows, read on a pool thread (no widget touched)."""
    stores = [(store.code, store.name) for store in readable_stores(ctx)] if with_stores else None
    requests = list_scrap_requests(ctx, store_code=store_code) if with_requests else None
    return _PlanAnswer(rotation_plan(ctx, within_days=within_days, store_code=store_code),
                       active_agreements(ctx), stores, requests)


def active_agreements(ctx) -> int | None:
    """How many agreements are in force (their rotation is the enterprise's duty), if installed."""
    try:
        from models.services.agreements import list_agreements
        from models.schema.agreements import AgreementState
    except ImportError:
        return None
    return sum(1 for row in list_agreements(ctx) if row.state is AgreementState.ACTIVE)


class RotationView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.store_code: str | None = dctx.current_store_code
        self.model = RotationModel(self._columns(), self, background=self._background,
                                   foreground=self._foreground, tooltip=self._tooltip)
        self.proxy = RotationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.requests = RowTableModel(self._request_columns(), self)
        self._plan = LatestCall(self._on_plan, self)  # the plan, read on a pool thread
        self._stores_shown = False  # the store filter is filled with the plan's first answer
        self._build()
        dctx.changed.connect(self._on_changed)
        dctx.store_selected.connect(self._on_store_selected)
        # read once the view has been painted: the plan's pool thread would hold the GIL meanwhile
        QTimer.singleShot(0, self, self._first_refresh)

    # --- columns ---------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("状态"), self._status_text, lambda r: STATUS_ORDER[r.status], CENTER, 90),
            Column(self.tr("储备库"), lambda r: r.store_name, None, width=150),
            Column(self.tr("物资编码"), lambda r: r.item_code, None, width=80),
            Column(self.tr("物资名称"), lambda r: r.item_name, None, width=120),
            Column(self.tr("规格"), lambda r: r.spec, None, width=100),
            Column(self.tr("批次"), lambda r: r.batch, None, width=110),
            Column(self.tr("有效期至"), lambda r: date_text(r.expiry_date), None, CENTER, 90),
            Column(self.tr("应轮换日"), lambda r: date_text(r.rotate_by), None, CENTER, 90),
            Column(self.tr("距到期"), self._days_text, lambda r: r.days_to_expiry, RIGHT, 96),
            Column(self.tr("数量"), lambda r: quantity_text(r.quantity, r.unit), lambda r: float(r.quantity), RIGHT, 90),
            Column(self.tr("金额"), lambda r: money_text(r.value),
                   lambda r: float(r.value) if r.value is not None else -1.0, RIGHT, 100),
            Column(self.tr("补充"), self._replacement_text, lambda r: r.replacement_state, CENTER, 80),
        ]

    def _request_columns(self) -> list[Column]:
        def lines(info: ScrapRequestInfo) -> str:
            return joined((f"{l.item_name} {l.batch} {quantity_text(l.quantity, l.unit)}" for l in info.lines), "；")

        return [
            Column(self.tr("单号"), lambda i: i.number, None, width=150),
            Column(self.tr("储备库"), lambda i: i.store_name, None, width=140),
            Column(self.tr("日期"), lambda i: date_text(i.doc_date), None, CENTER, 90),
            Column(self.tr("原因"), lambda i: i.reason, None, width=180),
            Column(self.tr("申请人"), lambda i: i.requested_by, None, width=80),
            Column(self.tr("物资"), lines),
        ]

    def _status_text(self, row: RotationRow) -> str:
        return {"expired": self.tr("已过期"), "overdue": self.tr("逾期未轮换"), "due": self.tr("待轮换")}[row.status]

    def _days_text(self, row: RotationRow) -> str:
        days = row.days_to_expiry
        if days == 0:
            return self.tr("今天到期")
        return self.tr("过期 %1 天").replace("%1", str(-days)) if days < 0 else self.tr("%1 天").replace("%1", str(days))

    def _replacement_text(self, row: RotationRow) -> str:
        return {"planned": self.tr("已计划"), "received": self.tr("已到货")}.get(row.replacement_state, "")

    def _background(self, row: RotationRow):
        return {"expired": style.EXPIRED_BG, "overdue": OVERDUE_BG, "due": style.DUE_BG}[row.status]

    def _foreground(self, row: RotationRow):
        return {"expired": style.EXPIRED_FG, "overdue": OVERDUE_FG, "due": style.DUE_FG}[row.status]

    def _tooltip(self, row: RotationRow) -> str:
        text = self.tr("轮换提前期 %1 天").replace("%1", str(row.lead_days))
        if row.replacement_plans:
            text += "\n" + self.tr("补充计划：") + joined(row.replacement_plans)
        return text

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：物资、编码、批次或储备库"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.store = fixed_width(QComboBox(self), 18)  # the stores come with the plan's first answer (3,200 in a city)
        self.store.addItem(self.tr("全部储备库"), None)
        self.store.currentIndexChanged.connect(self._store_changed)
        self.status = QComboBox(self)
        for caption, key in ((self.tr("全部状态"), ""), (self.tr("已过期"), "expired"),
                             (self.tr("逾期未轮换"), "overdue"), (self.tr("待轮换"), "due")):
            self.status.addItem(caption, key)
        self.status.currentIndexChanged.connect(lambda: self.proxy.set_filter(status=self.status.currentData()))
        self.within = QSpinBox(self)
        self.within.setRange(0, 3650)
        self.within.setValue(DEFAULT_WITHIN_DAYS)
        self.within.setPrefix(self.tr("应轮换日在 "))
        self.within.setSuffix(self.tr(" 天内"))
        self.within.valueChanged.connect(lambda _days: self.refresh())
        filters = QHBoxLayout()
        for widget in (self.search, self.store, self.status, self.within):
            filters.addWidget(widget)
        filters.setStretch(0, 2)
        self.rotate_button = QPushButton(self.tr("轮换出库…"), self)
        self.replace_button = QPushButton(self.tr("计划补充…"), self)
        self.scrap_button = QPushButton(self.tr("申请报废…"), self)
        self.rotate_button.clicked.connect(self.rotate_out_selected)
        self.replace_button.clicked.connect(self.plan_replacement_selected)
        self.scrap_button.clicked.connect(self.request_scrap_selected)
        actions = QHBoxLayout()
        for button in (self.rotate_button, self.replace_button, self.scrap_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        actions.addWidget(self.summary)
        self.table = QTableView(self)
        configure_table(self.table, "rotation")
        add_export_action(self.table, self.tr("轮换计划"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        restore_columns(self.table, "rotation", self.model.default_widths())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.rotate_out_selected())
        self.busy = QLabel(self.tr("正在计算…"), self.table.viewport())  # over the empty table until the first answer
        self.busy.setAlignment(Qt.AlignCenter)
        self.busy.setProperty("role", "hint")
        self.busy.setAttribute(Qt.WA_TransparentForMouseEvents)
        QVBoxLayout(self.table.viewport()).addWidget(self.busy)  # keeps it covering the viewport
        self.request_table = QTableView(self)
        configure_table(self.request_table, "scrap_requests")
        add_export_action(self.request_table, self.tr("报废申请"))
        self.request_table.setModel(self.requests)
        restore_columns(self.request_table, "scrap_requests", self.requests.default_widths())
        self.request_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("批准报废"), self)
        self.reject_button = QPushButton(self.tr("驳回…"), self)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        request_box = QGroupBox(self.tr("待审批的报废申请"), self)
        box_layout = QVBoxLayout(request_box)
        box_layout.addWidget(self.request_table)
        request_actions = QHBoxLayout()
        request_actions.addWidget(self.approve_button)
        request_actions.addWidget(self.reject_button)
        request_actions.addStretch(1)
        box_layout.addLayout(request_actions)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(actions)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(request_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        title = QLabel(self.tr("轮换计划"), self)
        title.setProperty("role", "title")
        self.agreement_note = QLabel(self)
        self.agreement_note.setProperty("role", "hint")
        self.agreement_button = QPushButton(self.tr("查看协议储备"), self)
        self.agreement_button.clicked.connect(lambda: self.open_view.emit("agreements", {}))
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.agreement_note)
        heading.addWidget(self.agreement_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(splitter, 1)

    # --- data ------------------------------------------------------------------------------
    def refresh(self, requests_now: bool = True) -> None:
        """The plan (19,000 rows and 0.4 s in a city), the agreements note and, until shown once, the store
        list on a pool thread, while the summary says 正在计算… and the previous rows stay. The pending
        scrap requests (a short list) are read at once, so a request just made can be approved, except
        on the first reading, where they come with the plan."""
        if requests_now:
            try:
                self.requests.set_rows(list_scrap_requests(self.dctx.service, store_code=self.store_code))
            except DomainError as exc:
                interaction.error(self, self.tr("轮换计划"), exc.message)
                return
        self.summary.setText(self.tr("正在计算…"))
        self.busy.setVisible(self.model.rowCount() == 0)
        ctx, within, store_code, with_stores = (self.dctx.service, self.within.value(), self.store_code,
                                                not self._stores_shown)
        self._plan.start(lambda: _plan_answer(ctx, within, store_code, with_stores, not requests_now))
        self._update_buttons()

    def _first_refresh(self) -> None:
        if self._plan.started == 0:  # not read yet (a filter applied at once has read it)
            self.refresh(requests_now=False)

    @property
    def ready(self) -> bool:
        """True once the plan asked for last is shown."""
        return self._plan.ready

    def wait_until_ready(self, timeout_ms: int = 30_000) -> None:
        """Block until the plan asked for last is shown (tests, screenshots, benchmarks)."""
        self._plan.wait(timeout_ms)

    def _on_plan(self, answer: _PlanAnswer | None, error: str) -> None:
        self.busy.setVisible(False)
        if error:
            self.summary.setText("")
            interaction.error(self, self.tr("轮换计划"), error)
            return
        if answer.stores is not None:
            self._show_stores(answer.stores)
        if answer.requests is not None:
            self.requests.set_rows(answer.requests)
        rows = answer.rows
        self.model.set_rows(rows)
        self.agreement_note.setText(
            self.tr("协议储备（企业代储）物资由企业按协议自行轮换，不列入本表；生效协议 %1 份。")
            .replace("%1", str(answer.agreements)) if answer.agreements is not None else "")
        self.agreement_button.setVisible(answer.agreements is not None)
        counts = dict.fromkeys(STATUS_ORDER, 0)
        planned = 0
        for row in rows:
            counts[row.status] += 1
            planned += bool(row.replacement_state)
        self.summary.setText(
            self.tr("已过期 %1 批，逾期未轮换 %2 批，待轮换 %3 批，已计划补充 %4 批")
            .replace("%1", str(counts["expired"])).replace("%2", str(counts["overdue"]))
            .replace("%3", str(counts["due"])).replace("%4", str(planned)))
        self._update_buttons()

    def _show_stores(self, stores: list[tuple[str, str]]) -> None:
        """Fill the store filter, choosing the store the plan was read for."""
        self.store.blockSignals(True)
        self.store.clear()
        self.store.addItem(self.tr("全部储备库"), None)
        for code, name in stores:
            self.store.addItem(with_note(name, code), code)
        self.store.setCurrentIndex(max(self.store.findData(self.store_code), 0) if self.store_code else 0)
        self.store.blockSignals(False)
        self._stores_shown = True

    def _choose_store(self, code: str | None) -> None:
        """Show the plan of store ``code`` (all stores for None or a store not listed)."""
        if not self._stores_shown:  # asked before the plan's first answer: read the list now
            self._show_stores([(store.code, store.name) for store in readable_stores(self.dctx.service)])
        self.store.setCurrentIndex(max(self.store.findData(code), 0) if code else 0)

    def apply_filter(self, store: str | None = None, status: str | None = None, text: str | None = None,
                     **_others) -> None:
        """Show a given list (the main window calls this for tiles and alerts): store code ("" for
        all), status ("expired", "overdue", "due" or "" for all), search text."""
        if store is not None:
            self._choose_store(store)
        if status is not None:
            self.status.setCurrentIndex(max(self.status.findData(status), 0))
        if text is not None:
            self.search.setText(text)

    def _on_changed(self, changed: frozenset) -> None:
        if flags.STORES in changed:
            self._stores_shown = False
        if changed & {flags.STOCK, flags.DOCUMENTS, flags.CATALOG, flags.STORES}:
            self.refresh()

    def _on_store_selected(self, code) -> None:
        self._choose_store(code)

    def _store_changed(self) -> None:
        self.store_code = self.store.currentData()
        self.refresh()

    def selected_row(self) -> RotationRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def selected_request(self) -> ScrapRequestInfo | None:
        indexes = self.request_table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _update_buttons(self, *_args) -> None:
        row = self.selected_row()
        can_post = self.dctx.service.actor.role is not Role.VIEWER
        self.rotate_button.setEnabled(can_post and row is not None and row.status != "expired")
        self.replace_button.setEnabled(can_post and row is not None)
        self.scrap_button.setEnabled(can_post and row is not None)
        approver = self.dctx.service.actor.role in (Role.ADMIN, Role.OFFICER)
        self.approve_button.setEnabled(approver and self.selected_request() is not None)
        self.reject_button.setEnabled(approver and self.selected_request() is not None)

    # --- actions ---------------------------------------------------------------------------
    def _subject(self, row: RotationRow) -> str:
        return (self.tr("%1：%2 %3 批次 %4，%5，有效期至 %6").replace("%1", row.store_name)
                .replace("%2", row.item_name).replace("%3", row.spec).replace("%4", row.batch)
                .replace("%5", quantity_text(row.quantity, row.unit)).replace("%6", date_text(row.expiry_date)))

    def _run(self, title: str, action, done: str, *changed: str) -> bool:
        try:
            result = action()
        except DomainError as exc:
            interaction.error(self, title, exc.message)
            return False
        interaction.information(self, title, done.replace("%1", getattr(result, "number", "") or ""))
        self.dctx.notify(*changed)
        return True

    def rotate_out_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.status == "expired":
            return
        stores = [(s.code, s.name) for s in readable_stores(self.dctx.service) if s.code != row.store_code]
        values = RotateOutDialog.ask(self, self._subject(row), row.quantity, stores)
        if values is None:
            return
        self._run(self.tr("轮换出库"), lambda: rotate_out(
            self.dctx.service, row.store_code, row.item_code, row.batch, values.quantity, method=values.method,
            receiver=values.receiver, remarks=values.remarks), self.tr("已登记轮换出库，单号 %1。"),
            flags.STOCK, flags.DOCUMENTS)

    def plan_replacement_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        values = ReplacementDialog.ask(self, self._subject(row), row.quantity, self.dctx.service.today())
        if values is None:
            return
        self._run(self.tr("计划补充"), lambda: plan_replacement(
            self.dctx.service, row.store_code, row.item_code, values.quantity, values.planned_date,
            old_batch_no=row.batch, supplier=values.supplier, remarks=values.remarks),
            self.tr("已建立轮换补充计划 %1。新批次入库时在入库单“通知单号”处填写此编号。"), flags.DOCUMENTS)

    def request_scrap_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        values = ScrapRequestDialog.ask(self, self._subject(row), row.quantity, row.status == "expired")
        if values is None:
            return
        self._run(self.tr("申请报废"), lambda: request_scrap(
            self.dctx.service, row.store_code, [ScrapLine(row.item_code, row.batch, values.quantity)],
            reason_kind=values.reason_kind, reason=values.reason),
            self.tr("已提交报废申请 %1，待业务科室审批。"), flags.DOCUMENTS)

    def approve_selected(self) -> None:
        info = self.selected_request()
        if info is None or not interaction.confirm(
                self, self.tr("批准报废"), self.tr("批准报废申请 %1 并从库存中核销？").replace("%1", info.number)):
            return
        self._run(self.tr("批准报废"), lambda: approve_scrap(self.dctx.service, info.number),
                  self.tr("报废单 %1 已批准并记账。"), flags.STOCK, flags.DOCUMENTS)

    def reject_selected(self) -> None:
        info = self.selected_request()
        if info is None:
            return
        reason = interaction.ask_text(self, self.tr("驳回报废申请"), self.tr("不予批准的理由："))
        if reason is None:
            return
        self._run(self.tr("驳回报废申请"), lambda: reject_scrap(self.dctx.service, info.number, reason=reason),
                  self.tr("报废申请已驳回。"), flags.DOCUMENTS)


VIEW_SPEC = ViewSpec(key="rotation", title="轮换计划", order=70, factory=RotationView)
