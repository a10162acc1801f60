"""审计日志: who changed what, when, from which computer, with the values before and after.

Filters by date range, user, object, action and text; pages of 200 newest first (keyset paging, "加载更多"),
and exports everything matching to Excel. Keepers are refused by the service (the trail spans all stores).
The user/object/action boxes list what the trail holds: three scans of the whole trail on a city's
database, so they are read on a pool thread while the first page is shown (``wait_for_facets``).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from desktop.context import DesktopContext
from desktop.formatting import local_time_text, message_label, translated_columns
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import ROW_ROLE, Column, configure_table, restore_columns
from desktop.table_models.sorted_rows import SortedRowModel, SortingProxy
from desktop.views.registry import ViewSpec
from desktop.widgets.background import LatestCall
from models.errors import DomainError
from models.services.audit_queries import (ACTION_LABELS, ENTITY_LABELS, PAGE_SIZE, AuditFilter, AuditRow,
                                           AuditFacets, audit_facets, export_audit, require_audit_reader,
                                           search_audit)

TABLE_KEY = "audit"

COLUMNS = [
    Column(QT_TRANSLATE_NOOP("AuditView", "时间"), lambda r: local_time_text(r.at), lambda r: r.at.timestamp(), width=140),
    Column(QT_TRANSLATE_NOOP("AuditView", "用户"), lambda r: r.username, width=90),
    Column(QT_TRANSLATE_NOOP("AuditView", "计算机"), lambda r: r.machine, width=110),
    Column(QT_TRANSLATE_NOOP("AuditView", "操作"), lambda r: message_label(r.action_label), width=70),
    Column(QT_TRANSLATE_NOOP("AuditView", "对象"), lambda r: message_label(r.entity_label), width=70),
    Column(QT_TRANSLATE_NOOP("AuditView", "编号"), lambda r: r.entity_key, width=150),
    Column(QT_TRANSLATE_NOOP("AuditView", "摘要"), lambda r: r.summary, width=260),
]


def pretty_json(text: str) -> str:
    if not text:
        return "—"
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    except ValueError:
        return text


class AuditView(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.next_key = None
        self.filter = AuditFilter()
        self._facets = LatestCall(self._facets_answered, self)  # the boxes' values, read on a pool thread
        self._build()
        dctx.changed.connect(lambda _flags: self.refresh())
        self.refresh()

    # --- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        today = self.dctx.service.today()
        self.use_dates = QCheckBox(self.tr("日期"), self)
        self.date_from = QDateEdit(QDate(today.year, today.month, 1), self)
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.user_box = QComboBox(self)
        self.entity_box = QComboBox(self)
        self.action_box = QComboBox(self)
        for box in (self.user_box, self.entity_box, self.action_box):
            box.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # filled after the first show
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("搜索编号、摘要、修改内容…"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.returnPressed.connect(self.apply_filters)
        self.search_button = QPushButton(self.tr("查询"), self)
        self.search_button.clicked.connect(self.apply_filters)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.clicked.connect(self.export)

        bar = QHBoxLayout()
        bar.addWidget(self.use_dates)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("至"), self))
        bar.addWidget(self.date_to)
        for label, box in ((self.tr("用户"), self.user_box), (self.tr("对象"), self.entity_box),
                           (self.tr("操作"), self.action_box)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(box)
        bar.addWidget(self.text_edit, 1)
        bar.addWidget(self.search_button)
        bar.addWidget(self.export_button)

        self.model = SortedRowModel(translated_columns("AuditView", COLUMNS), self,
                                    tooltip=lambda r: r.summary or None)
        self.proxy = SortingProxy(self)  # the model sorts itself: a key per row, not data() per comparison
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        configure_table(self.table, TABLE_KEY)
        add_export_action(self.table, self.tr("审计日志"))
        self.table.sortByColumn(0, Qt.DescendingOrder)  # newest first, as the pages come
        restore_columns(self.table, TABLE_KEY, self.model.default_widths())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())

        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选中一行查看修改前后的内容"))
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "hint")
        self.more_button = QPushButton(self.tr("加载更多"), self)
        self.more_button.clicked.connect(self.load_more)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.more_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)

    def _load_facets(self) -> None:
        """Read the values for the boxes on a pool thread; each box keeps its choice meanwhile."""
        for box in (self.user_box, self.entity_box, self.action_box):
            if box.count() == 0:
                box.addItem(self.tr("全部"), "")
        ctx = self.dctx.service
        self._facets.start(lambda: audit_facets(ctx))

    @property
    def facets_ready(self) -> bool:
        return self._facets.ready

    def _facets_answered(self, facets: AuditFacets | None, error: str) -> None:
        if facets is not None:
            self._fill_boxes(facets)
        elif error:
            self.count_label.setText(error)

    def wait_for_facets(self, timeout_ms: int = 30_000) -> None:
        """Block until the boxes are filled (tests, screenshots)."""
        self._facets.wait(timeout_ms)

    def _fill_boxes(self, facets: AuditFacets) -> None:
        for box, values, labels in ((self.user_box, facets.usernames, {}),
                                    (self.entity_box, facets.entities, ENTITY_LABELS),
                                    (self.action_box, facets.actions, ACTION_LABELS)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("全部"), "")
            for value in values:
                box.addItem(message_label(labels.get(value, value)), value)
            index = box.findData(current) if current else 0
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)

    # --- behaviour -----------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        dates = {}
        if self.use_dates.isChecked():
            dates = {"date_from": self.date_from.date().toPython(), "date_to": self.date_to.date().toPython()}
        return AuditFilter(username=self.user_box.currentData() or "", entity=self.entity_box.currentData() or "",
                           action=self.action_box.currentData() or "", text=self.text_edit.text(), **dates)

    def refresh(self) -> None:
        try:
            require_audit_reader(self.dctx.service)
        except DomainError as exc:
            self._refused(exc)
            return
        self._load_facets()
        self.apply_filters()

    def _refused(self, exc: DomainError) -> None:
        self.model.set_rows([])
        self.count_label.setText(exc.message)
        for widget in (self.search_button, self.export_button, self.more_button):
            widget.setEnabled(False)

    def apply_filters(self) -> None:
        try:
            self.filter = self.current_filter()
            page = search_audit(self.dctx.service, self.filter, limit=PAGE_SIZE)
        except DomainError as exc:
            interaction.error(self, self.tr("审计日志"), exc.message)
            return
        self.model.set_rows(page.rows)
        self.next_key = page.next_key
        self._update_footer()

    def load_more(self) -> None:
        if self.next_key is None:
            return
        page = search_audit(self.dctx.service, self.filter, after=self.next_key, limit=PAGE_SIZE)
        self.model.set_rows(self.model.rows() + page.rows)
        self.next_key = page.next_key
        self._update_footer()

    def _update_footer(self) -> None:
        shown = self.model.rowCount()
        more = self.tr("，还有更多") if self.next_key else ""
        self.count_label.setText(self.tr("显示 %1 条").replace("%1", str(shown)) + more)
        self.more_button.setEnabled(self.next_key is not None)

    def selected_row(self) -> AuditRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_detail(self) -> None:
        row = self.selected_row()
        if row is None:
            self.detail.clear()
            return
        self.detail.setPlainText(
            f"{local_time_text(row.at)}  {row.username} @ {row.machine}\n{message_label(row.action_label)} {message_label(row.entity_label)} "
            f"{row.entity_key}：{row.summary}\n\n" + self.tr("修改前：") + f"\n{pretty_json(row.before)}\n\n"
            + self.tr("修改后：") + f"\n{pretty_json(row.after)}"
        )

    def choose_export_path(self) -> str:
        """Where to save the workbook (tests replace this)."""
        stamp = self.dctx.service.today().strftime("%Y%m%d")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出审计日志"), self.tr("审计日志-%1.xlsx").replace("%1", stamp),
                                                    self.tr("Excel 工作簿 (*.xlsx)"))
        return path

    def export(self) -> None:
        path = self.choose_export_path()
        if not path:
            return
        try:
            count = export_audit(self.dctx.service, self.current_filter(), path)
        except (DomainError, OSError) as exc:
            interaction.error(self, self.tr("导出失败"), getattr(exc, "message", str(exc)))
            return
        interaction.information(self, self.tr("导出完成"),
                                self.tr("已导出 %1 条到 %2").replace("%1", str(count)).replace("%2", path))


VIEW_SPEC = ViewSpec(key="audit", title="审计日志", order=95, factory=AuditView)
