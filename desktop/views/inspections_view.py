"""养护检查: inspections due this week or overdue (test runs, airing, turning stacks, sample tests,
fire checks), recording one, and the latest records."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.rotation_dialogs import InspectionDialog
from desktop.formatting import date_text, joined, with_note
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (CENTER, ROW_ROLE, Column, RowTableModel, configure_table,
                                            restore_columns)
from desktop.table_models.sorted_rows import SortedRowModel, SortingProxy
from desktop.views.registry import ViewSpec
from desktop.widgets.combo_width import fixed_width
from models.errors import DomainError
from models.schema.enums import Role
from models.services.inspections import (DEFAULT_WITHIN_DAYS, DueInspection, InspectionHistoryRow,
                                         InspectionInput, due_inspections, inspection_history,
                                         install_default_schedules, list_schedules, record_inspection)
from models.services.document_queries import readable_stores


class InspectionsView(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.store_code: str | None = dctx.current_store_code
        self.model = SortedRowModel(self._columns(), self, background=self._background,
                                    foreground=self._foreground)
        self.proxy = SortingProxy(self)  # the model sorts itself: a key per row, not data() per comparison
        self.proxy.setSourceModel(self.model)
        self.history = RowTableModel(self._history_columns(), self)
        self._build()
        dctx.changed.connect(self._on_changed)
        dctx.store_selected.connect(self._on_store_selected)
        self.refresh()

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("状态"), lambda d: self.tr("逾期") if d.status == "overdue" else self.tr("本期应做"),
                   lambda d: 0 if d.status == "overdue" else 1, CENTER, 80),
            Column(self.tr("应完成日期"), lambda d: date_text(d.due_date), None, CENTER, 100),
            Column(self.tr("养护项目"), lambda d: d.schedule_name, None, width=190),
            Column(self.tr("储备库"), lambda d: d.store_name, None, width=160),
            Column(self.tr("物资"), lambda d: d.item_name or "", None, width=120),
            Column(self.tr("批次"), lambda d: d.batch or "", None, width=120),
            Column(self.tr("上次检查"), lambda d: date_text(d.last_inspected) or self.tr("尚无记录"), None, CENTER),
        ]

    def _history_columns(self) -> list[Column]:
        return [
            Column(self.tr("日期"), lambda h: date_text(h.inspected_on), None, CENTER, 95),
            Column(self.tr("养护项目"), lambda h: h.schedule_name, None, width=170),
            Column(self.tr("储备库"), lambda h: h.store_code, None, width=80),
            Column(self.tr("物资 / 批次"), lambda h: " ".join(p for p in (h.item_name, h.batch) if p), None, width=150),
            Column(self.tr("检查人"), lambda h: h.inspector, None, width=80),
            Column(self.tr("结果"), lambda h: self.tr("合格") if h.result == "pass" else self.tr("不合格"), None,
                   CENTER, 60),
            Column(self.tr("处理"), self._follow_up_text),
        ]

    def _follow_up_text(self, h: InspectionHistoryRow) -> str:
        parts = [h.problems] if h.problems else []
        if h.follow_up == "repair":
            parts.append(self.tr("维修：") + h.repair_note)
        if h.scrap_number:
            parts.append(self.tr("报废申请 ") + h.scrap_number)
        if h.photos:
            parts.append(self.tr("照片 %1 张").replace("%1", str(len(h.photos))))
        return joined(parts, "；")

    def _background(self, due: DueInspection):
        return style.EXPIRED_BG if due.status == "overdue" else style.DUE_BG

    def _foreground(self, due: DueInspection):
        return style.EXPIRED_FG if due.status == "overdue" else style.DUE_FG

    def _build(self) -> None:
        self.store = fixed_width(QComboBox(self), 24)  # thousands of stores in a city
        self.store.addItem(self.tr("全部储备库"), None)
        for store in readable_stores(self.dctx.service):  # codes and names only (a city has thousands)
            self.store.addItem(with_note(store.name, store.code), store.code)
        self.store.setCurrentIndex(max(self.store.findData(self.store_code), 0) if self.store_code else 0)
        self.store.currentIndexChanged.connect(self._store_changed)
        self.within = QSpinBox(self)
        self.within.setRange(0, 366)
        self.within.setValue(DEFAULT_WITHIN_DAYS)
        self.within.setPrefix(self.tr("逾期及 "))
        self.within.setSuffix(self.tr(" 天内到期"))
        self.within.valueChanged.connect(self.refresh)
        self.record_button = QPushButton(self.tr("登记检查…"), self)
        self.record_button.clicked.connect(self.record_selected)
        self.defaults_button = QPushButton(self.tr("启用默认养护计划"), self)
        self.defaults_button.clicked.connect(self.install_defaults)
        filters = QHBoxLayout()
        filters.addWidget(self.store, 2)
        filters.addWidget(self.within)
        filters.addStretch(1)
        filters.addWidget(self.defaults_button)
        filters.addWidget(self.record_button)
        self.table = QTableView(self)
        configure_table(self.table, "inspections_due")
        add_export_action(self.table, self.tr("应做的养护检查"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.AscendingOrder)
        restore_columns(self.table, "inspections_due", self.model.default_widths())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.record_selected())
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        self.history_table = QTableView(self)
        configure_table(self.history_table, "inspections_history")
        add_export_action(self.history_table, self.tr("养护检查记录"))
        self.history_table.setModel(self.history)
        restore_columns(self.history_table, "inspections_history", self.history.default_widths())
        history_box = QGroupBox(self.tr("最近的养护记录"), self)
        QVBoxLayout(history_box).addWidget(self.history_table)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(history_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        title = QLabel(self.tr("养护检查"), self)
        title.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        service = self.dctx.service
        try:
            due = due_inspections(service, within_days=self.within.value(), store_code=self.store_code)
            history = inspection_history(service, store_code=self.store_code, limit=100)
            has_schedules = bool(list_schedules(service))
        except DomainError as exc:
            interaction.error(self, self.tr("养护检查"), exc.message)
            return
        self.model.set_rows(due)
        self.history.set_rows(history)
        overdue = sum(1 for d in due if d.status == "overdue")
        self.summary.setText(self.tr("逾期 %1 项，近期应做 %2 项").replace("%1", str(overdue))
                             .replace("%2", str(len(due) - overdue)))
        self.defaults_button.setVisible(not has_schedules and service.actor.role in (Role.ADMIN, Role.OFFICER))
        self._update_buttons()

    def apply_filter(self, store: str | None = None, **_others) -> None:
        """Show one store's inspections ("" for all); called by the main window for alerts."""
        if store is not None:
            self.store.setCurrentIndex(max(self.store.findData(store), 0) if store else 0)

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.INSPECTIONS, flags.STOCK, flags.STORES, flags.CATALOG}:
            self.refresh()

    def _on_store_selected(self, code) -> None:
        self.store.setCurrentIndex(max(self.store.findData(code), 0) if code else 0)

    def _store_changed(self) -> None:
        self.store_code = self.store.currentData()
        self.refresh()

    def selected(self) -> DueInspection | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _update_buttons(self, *_args) -> None:
        self.record_button.setEnabled(self.selected() is not None
                                      and self.dctx.service.actor.role is not Role.VIEWER)

    def install_defaults(self) -> None:
        try:
            added = install_default_schedules(self.dctx.service)
        except DomainError as exc:
            interaction.error(self, self.tr("养护计划"), exc.message)
            return
        interaction.information(self, self.tr("养护计划"), self.tr("已启用 %1 项默认养护计划。").replace("%1", str(added)))
        self.dctx.notify(flags.INSPECTIONS)

    def record_selected(self) -> None:
        due = self.selected()
        if due is None:
            return
        subject = self.tr("%1：%2（应于 %3）").replace("%1", due.schedule_name).replace("%2", due.target).replace(
            "%3", date_text(due.due_date))
        values = InspectionDialog.ask(self, subject, self.dctx.service.today(),
                                      self.dctx.service.actor.username, can_scrap=due.batch is not None)
        if values is None:
            return
        try:
            recorded = record_inspection(self.dctx.service, InspectionInput(
                due.store_code, values.inspector, values.result, schedule_code=due.schedule_code,
                item_code=due.item_code, batch_no=due.batch, inspected_on=values.inspected_on,
                problems=values.problems, photos=values.photos, follow_up=values.follow_up,
                repair_note=values.repair_note, scrap_quantity=values.scrap_quantity or None))
        except DomainError as exc:
            interaction.error(self, self.tr("登记检查"), exc.message)
            return
        text = self.tr("已登记，下次应于 %1 检查。").replace("%1", date_text(recorded.next_due))
        if recorded.scrap_number:
            text += self.tr("已提交报废申请 %1，待审批。").replace("%1", recorded.scrap_number)
        interaction.information(self, self.tr("登记检查"), text)
        self.dctx.notify(flags.INSPECTIONS, *((flags.DOCUMENTS,) if recorded.scrap_number else ()))


VIEW_SPEC = ViewSpec(key="inspections", title="养护检查", order=75, factory=InspectionsView)
