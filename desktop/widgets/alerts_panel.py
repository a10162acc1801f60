"""提醒面板: the unacknowledged alerts (expiring batches, inspections due this week or overdue, the
yearly scrap review and storage report) for the home dashboard.

Embed it with ``AlertsPanel(dctx, parent)`` and connect its ``open_view`` signal to the same place
as the home view's own ``open_view`` (key "rotation", "inspections"). Alerts shown for the first
time are announced (recorded per user) and marked 新 for this session only; "确认" hides one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.interaction import interaction
from models.errors import DomainError
from models.services.dashboard_alerts import Alert, acknowledge, dashboard_alerts

KEY_ROLE = Qt.UserRole
MAX_LISTED = 200
TARGET_VIEW = {"expiry": "rotation", "inspection": "inspections", "reminder": "rotation"}


class AlertsPanel(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, announce: bool = True) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.announce = announce
        self.new_keys: set[str] = set()
        self.alerts: list[Alert] = []
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.itemActivated.connect(self._open)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
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

    def refresh(self) -> None:
        try:
            result = dashboard_alerts(self.dctx.service, announce=self.announce)
        except DomainError as exc:
            self.summary.setText(exc.message)
            return
        self.new_keys |= {alert.key for alert in result.new}
        self.alerts = result.alerts
        self.list.clear()
        # A city can have thousands of alerts; list the first MAX_LISTED (most urgent first) and say
        # how many more there are. This also keeps clear of a PySide6 6.12 / Python 3.11 bug that
        # drops a reference to None on every QListWidget.addItem (aborting after many thousands).
        for alert in self.alerts[:MAX_LISTED]:
            self.list.addItem(self._item(alert))
        if len(self.alerts) > MAX_LISTED:
            more = QListWidgetItem(self.tr("……另有 %1 条提醒，请在“轮换计划”和“养护检查”中查看").replace(
                "%1", str(len(self.alerts) - MAX_LISTED)))
            more.setFlags(Qt.NoItemFlags)
            self.list.addItem(more)
        new = sum(1 for alert in self.alerts if alert.key in self.new_keys)
        self.summary.setText(
            self.tr("共 %1 条提醒，其中新提醒 %2 条").replace("%1", str(len(self.alerts))).replace("%2", str(new))
            if self.alerts else self.tr("没有需要处理的提醒"))
        self._update_buttons()

    def _item(self, alert: Alert) -> QListWidgetItem:
        is_new = alert.key in self.new_keys
        text = f"{self.tr('【新】') if is_new else ''}{alert.title}\n{alert.detail}"
        item = QListWidgetItem(text)
        item.setData(KEY_ROLE, alert.key)
        item.setToolTip(alert.detail)
        if alert.severity == "critical":
            item.setBackground(QBrush(style.EXPIRED_BG))
            item.setForeground(QBrush(style.EXPIRED_FG))
        elif alert.severity == "warning":
            item.setBackground(QBrush(style.DUE_BG))
            item.setForeground(QBrush(style.DUE_FG))
        if is_new:
            font = QFont(self.font())
            font.setBold(True)
            item.setFont(font)
        return item

    def _update_buttons(self) -> None:
        self.ack_button.setEnabled(self.list.currentItem() is not None and self.dctx.service.actor.user_id is not None)

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STOCK, flags.INSPECTIONS, flags.DOCUMENTS, flags.CATALOG}:
            self.refresh()

    def _open(self, item: QListWidgetItem) -> None:
        alert = next((a for a in self.alerts if a.key == item.data(KEY_ROLE)), None)
        if alert is None:
            return
        filters = {"store": alert.store_code or ""}
        if alert.kind == "expiry":
            filters["status"] = alert.key.rsplit(":", 1)[1]  # expiry:<store>:<item>:<batch>:<status>
        self.open_view.emit(TARGET_VIEW[alert.kind], filters)

    def acknowledge_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            acknowledge(self.dctx.service, item.data(KEY_ROLE))
        except DomainError as exc:
            interaction.error(self, self.tr("确认提醒"), exc.message)
            return
        self.refresh()
