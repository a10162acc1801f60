"""提醒面板: the unacknowledged alerts (expiring batches, inspections due this week or overdue, the
yearly scrap review and storage report) for the home dashboard.

Embed it with ``AlertsPanel(dctx, parent)`` and connect its ``open_view`` signal to the same place
as the home view's own ``open_view`` (key "rotation", "inspections"). Alerts shown for the first
time are announced (recorded per user) and marked 新 for this session only; "确认" hides one.
The alerts are computed off the UI thread (``desktop.widgets.background``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.interaction import interaction
from desktop.table_models.row_model import Column, RowTableModel
from desktop.widgets.background import LatestCall
from models.errors import DomainError
from models.messages import localize
from models.services.dashboard_alerts import Alert, DashboardAlerts, acknowledge, dashboard_alerts

MAX_LISTED = 200
TARGET_VIEW = {"expiry": "rotation", "inspection": "inspections", "reminder": "rotation"}


@dataclass(frozen=True)
class _Line:
    text: str
    alert: Alert | None = None  # None: the "…另有 N 条" line
    new: bool = False


class _AlertsModel(RowTableModel):
    """One column of alert lines, coloured by severity, the new ones in bold."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__([Column("", lambda line: line.text)], parent, background=self._brush(0),
                         foreground=self._brush(1), tooltip=lambda line: localize(line.alert.detail) if line.alert else None)
        self.bold = QFont(parent.font())
        self.bold.setBold(True)

    @staticmethod
    def _brush(which: int):
        colours = {"critical": (style.EXPIRED_BG, style.EXPIRED_FG), "warning": (style.DUE_BG, style.DUE_FG)}
        return lambda line: (QBrush(colours[line.alert.severity][which])
                             if line.alert and line.alert.severity in colours else None)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if role == Qt.FontRole and index.isValid() and 0 <= index.row() < self.rowCount():
            return self.bold if self.row_at(index.row()).new else None
        return super().data(index, role)


class AlertsPanel(QWidget):
    """The alerts are computed on a pool thread (a city has tens of thousands: every expired batch is
    one); meanwhile the summary says 正在计算… and the previous list stays. ``ready`` is True once an
    answer is shown; ``wait_until_ready()`` blocks for tests and screenshots.

    A list view over a model, not a QListWidget: PySide6 6.12 on Python 3.11 drops a reference to
    ``None`` on ``QListWidget.addItem``, on every ``QListWidgetItem`` setter after the first
    (tooltip, colours, font, flags) and on ``currentItem()`` returning no item. ``None``'s count is only
    some thousands, so after a few dozen refreshes of 200 coloured items the program aborted
    ("none_dealloc")."""

    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, announce: bool = True) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.announce = announce
        self.new_keys: set[str] = set()
        self.alerts: list[Alert] = []  # the alerts listed (at most MAX_LISTED, most urgent first)
        self._count = LatestCall(self._show, self)
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        self.model = _AlertsModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setEditTriggers(QListView.NoEditTriggers)
        self.list.setSelectionMode(QListView.SingleSelection)
        self.list.activated.connect(self._open)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.ack_button = QPushButton(self.tr("确认"), self)
        self.ack_button.setToolTip(self.tr("已知悉，不再提示此条"))
        self.ack_button.clicked.connect(self.acknowledge_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        dctx.changed.connect(self._on_changed)
        self.refresh()

    @property
    def listed(self) -> list[Alert]:
        """The alerts shown, one per row, in order (the "more" line is not one)."""
        return [line.alert for line in self.model.rows() if line.alert is not None]

    @property
    def ready(self) -> bool:
        return self._count.ready

    def refresh(self) -> None:
        """Recount on a pool thread; the list is replaced when the answer comes back."""
        self.summary.setText(self.tr("正在计算…"))
        self.ack_button.setEnabled(False)
        ctx, announce = self.dctx.service, self.announce
        self._count.start(lambda: dashboard_alerts(ctx, announce=announce, limit=MAX_LISTED))

    def wait_until_ready(self, timeout_ms: int = 30_000) -> None:
        self._count.wait(timeout_ms)

    def _show(self, result: DashboardAlerts | None, error: str) -> None:
        if result is None:
            self.summary.setText(error)
            self._update_buttons()
            return
        # A city can have tens of thousands of alerts: only the first MAX_LISTED (most urgent first) are
        # built and listed, with a line saying how many more there are; the keys come for all of them.
        self.new_keys.update(result.all_new_keys)
        total = result.total
        new = sum(1 for key in result.all_keys if key in self.new_keys)
        self.alerts = result.alerts[:MAX_LISTED]
        lines = [self._line(alert) for alert in self.alerts]
        if total > MAX_LISTED:
            lines.append(_Line(self.tr("……另有 %1 条提醒，请在“轮换计划”和“养护检查”中查看").replace(
                "%1", str(total - MAX_LISTED))))
        self.model.set_rows(lines)
        self.summary.setText(
            self.tr("共 %1 条提醒，其中新提醒 %2 条").replace("%1", str(total)).replace("%2", str(new))
            if total else self.tr("没有需要处理的提醒"))
        self._update_buttons()

    def _line(self, alert: Alert) -> _Line:
        is_new = alert.key in self.new_keys
        mark = self.tr("【新】") if is_new else ""  # outside the f-string, where lupdate finds it
        return _Line(f"{mark}{localize(alert.title)}\n{localize(alert.detail)}", alert, is_new)

    def selected_alert(self) -> Alert | None:
        index = self.list.currentIndex()
        return self.model.row_at(index.row()).alert if index.isValid() else None

    def _update_buttons(self) -> None:
        self.ack_button.setEnabled(self.ready and self.selected_alert() is not None
                                   and self.dctx.service.actor.user_id is not None)

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STOCK, flags.INSPECTIONS, flags.DOCUMENTS, flags.CATALOG}:
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        alert = self.model.row_at(index.row()).alert if index.isValid() else None
        if alert is None:
            return  # the "more" line
        filters = {"store": alert.store_code or ""}
        if alert.kind == "expiry":
            filters["status"] = alert.key.rsplit(":", 1)[1]  # expiry:<store>:<item>:<batch>:<status>
        self.open_view.emit(TARGET_VIEW[alert.kind], filters)

    def acknowledge_selected(self) -> None:
        alert = self.selected_alert()
        if alert is None:
            return
        try:
            acknowledge(self.dctx.service, alert.key)
        except DomainError as exc:
            interaction.error(self, self.tr("确认提醒"), exc.message)
            return
        self.refresh()
