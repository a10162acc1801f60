"""首页: the county's stock at a glance. Every tile opens the list behind it.

Tiles ask the main window to show another view through the ``open_view`` signal (key, filters)
instead of reaching into it.
"""

from __future__ import annotations

import importlib
import importlib.util
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QScrollArea, QTableView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.formatting import label, local_time_text, money_text, number_text, quantity_text
from desktop.table_models.row_model import RIGHT, ROW_ROLE, Column, RowTableModel, configure_table
from desktop.views.registry import ViewSpec
from desktop.widgets.background import PoolCall, wait_until
from models.errors import DomainError
from models.services.stock_view_queries import CategorySummary, expiry_counts, recent_activity, stock_overview

CHART_CATEGORIES = 8


def stock_list(**filters: str) -> dict:
    """Filters for the stock view with every other filter cleared, so a tile shows exactly its list."""
    return {"text": "", "category": "", "level": "", "expiry": "all", **filters}


class Tile(QFrame):
    """A clickable figure with a caption; Enter or Space opens it too."""

    clicked = Signal()

    def __init__(self, caption: str, tone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setProperty("tone", tone)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.figure = QLabel("—", self)
        self.figure.setProperty("role", "figure")
        self.caption = QLabel(caption, self)
        self.caption.setProperty("role", "hint")
        self.caption.setWordWrap(True)  # English captions are longer than Chinese ones
        self.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)
        self.setAccessibleName(caption)

    def set_figure(self, text: str) -> None:
        self.figure.setText(text)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def dispatch_open_count(ctx) -> int | None:
    """Open dispatch orders, if the dispatch feature is installed (None otherwise)."""
    if importlib.util.find_spec("models.services.dispatch") is None:
        return None
    module = importlib.import_module("models.services.dispatch")
    for name in ("open_order_count", "count_open_orders"):
        function = getattr(module, name, None)
        if callable(function):
            return int(function(ctx))
    function = getattr(module, "list_open_orders", None) or getattr(module, "open_orders", None)
    return len(function(ctx)) if callable(function) else None


def _figures(ctx, windows: tuple[int, int], people: int, days: int) -> dict:
    """The dashboard's stock figures, computed on a pool thread (``desktop.widgets.background``)."""
    return {"overview": stock_overview(ctx), "counts": expiry_counts(ctx, windows),
            "target": _target_figures(ctx, people, days)}


def _target_figures(ctx, people: int, days: int) -> tuple[bool, str, str] | None:
    """(available, figure, tooltip) of the target tile; None when the adequacy module is absent."""
    if importlib.util.find_spec("models.services.adequacy") is None:
        return None
    adequacy = importlib.import_module("models.services.adequacy")
    try:
        report = adequacy.assess(ctx, adequacy.Scenario(people=people, days=days))
    except DomainError as error:
        return (False, "—", error.message)
    summary = report.summary
    return (True, f"{summary.needs - summary.covered} / {summary.needs}", summary.weakest or "—")


class HomeView(QWidget):
    open_view = Signal(str, dict)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        store = app_settings.current()
        self.soon_days = store.get(app_settings.EXPIRY_SOON_DAYS)
        self.later_days = store.get(app_settings.EXPIRY_LATER_DAYS)
        self.people = store.get(app_settings.ADEQUACY_PEOPLE)
        self.days = store.get(app_settings.ADEQUACY_DAYS)
        self._generation = 0
        self.figures_ready = False
        self._build()
        dctx.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.tiles: dict[str, Tile] = {}
        tiles = QGridLayout()
        specs = [
            ("value", self.tr("库存总值"), "", ("stock", stock_list())),
            ("lines", self.tr("库存批次"), "", ("stock", stock_list())),
            ("expired", self.tr("已过期批次"), "danger", ("stock", stock_list(expiry="expired"))),
            ("soon", self.tr("%1 天内到期批次").replace("%1", str(self.soon_days)), "warning",
             ("stock", stock_list(expiry=str(self.soon_days)))),
            ("later", self.tr("%1 天内到期批次").replace("%1", str(self.later_days)), "",
             ("stock", stock_list(expiry=str(self.later_days)))),
            ("dispatch", self.tr("未完成调拨单"), "", ("dispatch", {})),
            ("target", self.tr("未达标需求项（%1 人 × %2 天）").replace("%1", str(self.people))
             .replace("%2", str(self.days)), "danger", ("adequacy", {})),
        ]
        for column, (key, caption, tone, target) in enumerate(specs):
            tile = Tile(caption, tone, self)
            tile.clicked.connect(lambda target=target: self.open_view.emit(target[0], dict(target[1])))
            self.tiles[key] = tile
            tiles.addWidget(tile, 0, column)
            tiles.setColumnStretch(column, 2 if key == "value" else 1)  # money needs the room
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(4)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.category_model = RowTableModel([
            Column(self.tr("分类"), lambda s: f"{s.code} {label(s.name) if s.name == '未分类' else s.name}".strip(),
                   lambda s: s.code),
            Column(self.tr("品种"), lambda s: str(s.items), lambda s: s.items, RIGHT),
            Column(self.tr("批次"), lambda s: str(s.lines), lambda s: s.lines, RIGHT),
            Column(self.tr("数量"), lambda s: "；".join(quantity_text(q, u) for u, q in s.quantities),
                   lambda s: s.lines),
            Column(self.tr("金额"), lambda s: money_text(s.value), lambda s: float(s.value), RIGHT),
        ], self)
        self.category_table = QTableView(self)
        configure_table(self.category_table, "home_categories")
        self.category_table.setSortingEnabled(False)
        self.category_table.setModel(self.category_model)
        for column, width in enumerate((170, 50, 50, 200, 110)):
            self.category_table.setColumnWidth(column, width)
        self.category_table.horizontalHeader().setStretchLastSection(False)
        self.category_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.category_table.activated.connect(self._open_category)
        self.category_table.doubleClicked.connect(self._open_category)
        self.activity = QListWidget(self)
        self.activity.setWordWrap(True)
        self.activity.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.activity.itemActivated.connect(lambda _item: self.open_view.emit("audit", {}))
        charts = QHBoxLayout()
        stock_box = QGroupBox(self.tr("库存分类"), self)
        stock_layout = QVBoxLayout(stock_box)
        self.empty_hint = QLabel(self.tr(
            "还没有库存。先在“储备库”中建立储备库，在“物资目录”中添加物资，然后点工具栏上的“入库”记录第一批物资。"),
            self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setProperty("role", "hint")
        self.empty_hint.setAlignment(Qt.AlignCenter)
        self.empty_hint.setMinimumHeight(120)
        self.busy = QLabel(self.tr("正在统计…"), self)
        self.busy.setProperty("role", "hint")
        self.busy.setAlignment(Qt.AlignCenter)
        self.busy.setMinimumHeight(120)
        stock_layout.addWidget(self.busy)
        stock_layout.addWidget(self.empty_hint)
        stock_layout.addWidget(self.chart_view)
        stock_layout.addWidget(self.category_table)
        activity_box = QGroupBox(self.tr("最近操作"), self)
        QVBoxLayout(activity_box).addWidget(self.activity)
        side = QVBoxLayout()
        self.alerts = self._alerts_panel()
        if self.alerts is not None:
            alerts_box = QGroupBox(self.tr("提醒"), self)
            QVBoxLayout(alerts_box).addWidget(self.alerts)
            side.addWidget(alerts_box, 1)
        side.addWidget(activity_box, 1)
        charts.addWidget(stock_box, 3)
        charts.addLayout(side, 2)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        title = QLabel(self.tr("首页"), content)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addLayout(tiles)
        layout.addLayout(charts, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _alerts_panel(self) -> QWidget | None:
        """The reminders panel (expiry, inspections, yearly dates), where that feature is installed."""
        if importlib.util.find_spec("desktop.widgets.alerts_panel") is None:
            return None
        from desktop.widgets.alerts_panel import AlertsPanel

        panel = AlertsPanel(self.dctx, self)
        panel.open_view.connect(self.open_view)
        return panel

    def refresh(self) -> None:
        """Quick figures now; the stock figures (one grouped query over every balance) on a pool thread."""
        ctx = self.dctx.service
        open_orders = dispatch_open_count(ctx)
        self.tiles["dispatch"].setVisible(open_orders is not None)
        if open_orders is not None:
            self.tiles["dispatch"].set_figure(number_text(open_orders))
        self._fill_activity()
        self._generation += 1
        self.figures_ready = False
        if self.tiles["value"].figure.text() == "":
            for key in ("value", "lines", "expired", "soon", "later", "target"):
                self.tiles[key].set_figure("…")
        self.busy.setVisible(True)
        self.empty_hint.setVisible(False)
        self.chart_view.setVisible(False)
        self.category_table.setVisible(False)
        windows, people, days = (self.soon_days, self.later_days), self.people, self.days
        worker = PoolCall(lambda: _figures(ctx, windows, people, days), self._generation)
        worker.signals.done.connect(self._on_figures)
        worker.start()

    def wait_for_figures(self, timeout_ms: int = 30_000) -> None:
        """Block until the pool threads are done and their figures and alerts are shown (tests, screenshots,
        benchmarks)."""
        wait_until(lambda: self.figures_ready and (self.alerts is None or self.alerts.ready), timeout_ms)

    def _on_figures(self, generation: int, figures: dict | None, error: str) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self.busy.setVisible(False)
        if error:
            self.tiles["value"].set_figure("—")
            self.tiles["value"].setToolTip(error)
            self.figures_ready = True
            return
        overview, counts = figures["overview"], figures["counts"]
        self.tiles["value"].set_figure(money_text(overview.value))
        self.tiles["value"].setToolTip(money_text(overview.value))
        self.tiles["lines"].set_figure(number_text(overview.lines))
        self.tiles["lines"].caption.setText(self.tr("库存批次（%1 种物资）").replace("%1", number_text(overview.items)))
        self.tiles["expired"].set_figure(number_text(counts.expired))
        self.tiles["soon"].set_figure(number_text(counts.within[self.soon_days]))
        self.tiles["later"].set_figure(number_text(counts.within[self.later_days]))
        self._fill_target(figures["target"])
        summaries = overview.categories
        has_stock = overview.lines > 0
        self.empty_hint.setVisible(not has_stock)
        self.chart_view.setVisible(has_stock)
        self.category_table.setVisible(has_stock)
        self.category_model.set_rows(summaries)
        self._fill_chart(summaries)
        self.figures_ready = True

    def _fill_target(self, target: tuple[bool, str, str] | None) -> None:
        """Needs of the default standard not covered for the county's planning scenario."""
        tile = self.tiles["target"]
        tile.setVisible(target is not None)
        if target is None:
            return
        available, figure, note = target
        tile.set_figure(figure)
        tile.setToolTip(self.tr("最薄弱：%1").replace("%1", note) if available else note)

    def _fill_chart(self, summaries: list[CategorySummary]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        shown = list(reversed(summaries[:CHART_CATEGORIES]))  # largest at the top
        self.bar_codes = [summary.code for summary in shown]
        largest = max([summary.value for summary in shown] + [Decimal(0)])
        divisor = 10_000 if largest >= 100_000 else 1  # big counties read better in 万元
        self.chart.setTitle(self.tr("各类物资库存金额（万元）") if divisor > 1 else self.tr("各类物资库存金额（元）"))
        bars = QBarSet(self.tr("金额"))
        bars.setColor("#1f6fb2")
        for summary in shown:
            bars.append(float(summary.value) / divisor)
        bars.clicked.connect(lambda index: self.open_view.emit("stock", stock_list(category=self.bar_codes[index])))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.6)
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.setTruncateLabels(False)  # category names are short; never show "..." instead
        names.append([summary.name if summary.code else label("未分类") for summary in shown] or [" "])
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        values.setMin(0)
        values.setMax(max(float(largest) / divisor, 1.0) * 1.1)
        values.applyNiceNumbers()
        self.chart.addAxis(names, Qt.AlignLeft)
        self.chart.addAxis(values, Qt.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)

    def _fill_activity(self) -> None:
        self.activity.clear()
        entries = recent_activity(self.dctx.service, 12)
        for entry in entries:
            text = f"{local_time_text(entry.at)}  {entry.username}  {entry.summary or entry.action}"
            if entry.entity_key:
                text += f"（{entry.entity_key}）"
            QListWidgetItem(text, self.activity).setToolTip(text)  # not addItem: see alerts_panel's docstring
        if not entries:
            QListWidgetItem(self.tr("暂无操作记录"), self.activity)

    def _open_category(self, index) -> None:
        summary = self.category_model.index(index.row(), 0).data(ROW_ROLE)
        if summary is not None:
            self.open_view.emit("stock", stock_list(category=summary.code))

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.STOCK, flags.DOCUMENTS, flags.CATALOG, flags.STORES, flags.DISPATCH}:
            self.refresh()


VIEW_SPEC = ViewSpec(key="home", title="首页", order=10, factory=HomeView, shortcut="Ctrl+1", icon="home")
