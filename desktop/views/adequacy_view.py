"""储备能力评估: can the reserve shelter N people for D days? Scenario controls (people and days with
sliders and spin boxes, standard, scope, as-of date, response time), the needs table coloured red
(coverage below 50 %), amber (below 100 %) or green, a coverage bar chart, a drill-down of where
each need's stock sits, and the pre-flood-season check (汛前检查) as PDF or Excel.

The check is a handful of queries (models/services/adequacy.py), but on a city's database it takes a
few hundred milliseconds: the view opens at once saying 正在计算… and the check runs on a pool thread
(desktop/widgets/background.LatestCall), as it does whenever the scenario changes (moving a slider
restarts a short timer and the check runs once the slider rests). ``recompute()`` checks at once on
the UI thread (tests, and the drill-down when asked before the first answer).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries,
                              QLineSeries, QValueAxis)
from PySide6.QtCore import QDate, QMargins, QPointF, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.formatting import date_text, joined, level_label, message_label, number_text, quantity_text
from desktop.interaction import interaction
from desktop.widgets.background import LatestCall
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (CENTER, RIGHT, SORT_ROLE, Column, RowTableModel, configure_table,
                                            restore_columns)
from desktop.views.registry import ViewSpec
from desktop.widgets.combo_width import fixed_width
from models.errors import DomainError
from models.schema.enums import StoreLevel
from models.services.adequacy import AdequacyLine, AdequacyReport, Scenario, assess, need_sources, scope_choices
from models.services.standards import SUMMER_DEFAULT, ensure_default_standards

RED, AMBER, GREEN = QColor("#c62828"), QColor("#b26a00"), QColor("#2e7d32")
RED_BG, AMBER_BG, GREEN_BG = QColor("#fbdada"), QColor("#fde9c4"), QColor("#dcefdc")
CHART_MAX = 200  # percent; larger coverages are drawn at the edge
DEBOUNCE_MS = 120


def band(coverage: Decimal) -> str:
    """'red' below 50 %, 'amber' below 100 %, else 'green'."""
    if coverage < Decimal("0.5"):
        return "red"
    return "amber" if coverage < 1 else "green"


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class AdequacyView(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.report: AdequacyReport | None = None
        self._check = LatestCall(self._answered, self)  # the check on a pool thread; older answers dropped
        self.model = RowTableModel(self._columns(), self, background=self._background, foreground=self._foreground)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recompute_in_background)
        self._build()
        try:
            ensure_default_standards(dctx.service)
        except DomainError as exc:
            self.status.setText(exc.message)
        self.reload_choices()
        dctx.changed.connect(self._on_changed)
        self.recompute_in_background()

    # --- table -----------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        def qty(attr):
            return (lambda r: quantity_text(getattr(r, attr)), lambda r: float(getattr(r, attr)))

        return [
            Column(self.tr("需求项"), lambda r: r.need, None, width=150),
            Column(self.tr("单位"), lambda r: r.unit, None, CENTER, 50),
            Column(self.tr("需求量"), *qty("required"), RIGHT, 90),
            Column(self.tr("政府实物"), *qty("own"), RIGHT, 90),
            Column(self.tr("协议储备"), *qty("agreement"), RIGHT, 90),
            Column(self.tr("产能储备"), *qty("capacity"), RIGHT, 90),
            Column(self.tr("可用合计"), *qty("available"), RIGHT, 90),
            Column(self.tr("缺口"), lambda r: quantity_text(r.shortfall) if r.shortfall else "",
                   lambda r: float(r.shortfall), RIGHT, 90),
            Column(self.tr("保障率"), lambda r: percent_text(r.coverage), lambda r: float(r.coverage), RIGHT, 80),
            Column(self.tr("政府占比"), lambda r: percent_text(r.own_share), lambda r: float(r.own_share), RIGHT, 80),
            Column(self.tr("可保障天数"), lambda r: str(r.days_of_supply) if r.days_of_supply is not None else "—",
                   lambda r: r.days_of_supply if r.days_of_supply is not None else -1, RIGHT, 80),
        ]

    def _background(self, line: AdequacyLine):
        return {"red": RED_BG, "amber": AMBER_BG, "green": GREEN_BG}[band(line.coverage)]

    def _foreground(self, line: AdequacyLine):
        return {"red": RED, "amber": AMBER, "green": None}[band(line.coverage)]

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        controls = QGroupBox(self.tr("评估情景"), self)
        grid = QGridLayout(controls)
        self.people_slider, self.people = self._slider_pair(100, 20000, 100, 1, 10_000_000, 5000, self.tr(" 人"))
        self.days_slider, self.days = self._slider_pair(1, 60, 1, 1, 3650, 15, self.tr(" 天"))
        grid.addWidget(QLabel(self.tr("安置人数"), controls), 0, 0)
        grid.addWidget(self.people_slider, 0, 1)
        grid.addWidget(self.people, 0, 2)
        grid.addWidget(QLabel(self.tr("保障天数"), controls), 1, 0)
        grid.addWidget(self.days_slider, 1, 1)
        grid.addWidget(self.days, 1, 2)
        self.standard = QComboBox(controls)
        self.standard.setMinimumWidth(180)
        self.scope = fixed_width(QComboBox(controls), 14)  # a city lists thousands of areas
        self.scope.setMinimumWidth(180)
        self.as_of = QDateEdit(controls)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        today = self.dctx.service.today()
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.hours = QSpinBox(controls)
        self.hours.setRange(0, 720)
        self.hours.setSpecialValueText(self.tr("不限"))
        self.hours.setSuffix(self.tr(" 小时"))
        form = QFormLayout()
        form.addRow(self.tr("定额标准"), self.standard)
        form.addRow(self.tr("统计范围"), self.scope)
        right = QFormLayout()
        right.addRow(self.tr("评估日期"), self.as_of)
        right.addRow(self.tr("协议响应时间"), self.hours)
        grid.addLayout(form, 0, 3, 2, 1)
        grid.addLayout(right, 0, 4, 2, 1)
        grid.setColumnStretch(1, 1)
        for widget, signal in ((self.standard, "currentIndexChanged"), (self.scope, "currentIndexChanged"),
                               (self.as_of, "dateChanged"), (self.hours, "valueChanged")):
            getattr(widget, signal).connect(self.schedule)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setProperty("role", "error")
        self.status.setWordWrap(True)
        self.status.hide()  # shown with a refusal of the scenario

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        configure_table(self.table, "adequacy")
        add_export_action(self.table, self.tr("储备能力评估"))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # the standard's own order
        restore_columns(self.table, "adequacy", self.model.default_widths())
        self.table.doubleClicked.connect(lambda *_: self.show_drill_down())

        self.chart = QChart()
        self.chart.setTitle(self.tr("各需求项保障率"))
        self.chart.setAnimationOptions(QChart.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(220)

        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 420])

        self.drill_button = QPushButton(self.tr("查看库存分布…"), self)
        self.drill_button.clicked.connect(lambda: self.show_drill_down())
        self.pdf_button = QPushButton(self.tr("导出汛前检查 PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"), self)
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.drill_button, self.pdf_button, self.xlsx_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(controls)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def _slider_pair(self, low, high, step, spin_low, spin_high, value, suffix):
        slider = QSlider(Qt.Horizontal, self)
        slider.setRange(low, high)
        slider.setSingleStep(step)
        slider.setPageStep(step * 10)
        spin = QSpinBox(self)
        spin.setRange(spin_low, spin_high)
        spin.setGroupSeparatorShown(True)
        spin.setSuffix(suffix)
        spin.setValue(value)
        slider.setValue(value)
        slider.valueChanged.connect(lambda v: spin.setValue(v) if spin.value() != v else None)
        spin.valueChanged.connect(lambda v: slider.setValue(v) if slider.value() != v and low <= v <= high else None)
        spin.valueChanged.connect(self.schedule)
        return slider, spin

    # --- choices and scenario ----------------------------------------------------------------
    def reload_choices(self) -> None:
        ctx = self.dctx.service
        current_standard = self.standard.currentData() or SUMMER_DEFAULT
        current_scope = self.scope.currentData()
        for combo in (self.standard, self.scope):
            combo.blockSignals(True)
            combo.clear()
        standards, areas = scope_choices(ctx)
        for name in standards:
            self.standard.addItem(name, name)
        self.standard.setCurrentIndex(max(0, self.standard.findData(current_standard)))
        self.scope.addItem(self.tr("全部储备库"), "all")
        for level in StoreLevel:
            self.scope.addItem(self.tr("%1储备库").replace("%1", level_label(level)), f"level:{level.value}")
        depth = {"county": 0, "township": 1, "village": 2}
        template = self.tr("%1%2（含下辖）")  # translated once: a city lists thousands of areas
        for area in areas:
            indent = "　" * depth.get(area.kind, 0)
            self.scope.addItem(template.replace("%1", indent).replace("%2", area.name), f"area:{area.code}")
        index = self.scope.findData(current_scope) if current_scope else 0
        self.scope.setCurrentIndex(max(0, index))
        for combo in (self.standard, self.scope):
            combo.blockSignals(False)

    def scenario(self) -> Scenario:
        kind, _, value = (self.scope.currentData() or "all").partition(":")
        date = self.as_of.date()
        return Scenario(
            people=self.people.value(), days=self.days.value(),
            as_of=f"{date.year():04d}-{date.month():02d}-{date.day():02d}",
            standard=self.standard.currentData(),
            level=value if kind == "level" else None, area=value if kind == "area" else None,
            max_response_hours=self.hours.value() or None,
        )

    def schedule(self, *_args) -> None:
        self.timer.start()

    def recompute(self) -> None:
        """Check the scenario now, on the UI thread (an answer still on its way is dropped)."""
        self.timer.stop()
        self._check.drop()
        try:
            report = assess(self.dctx.service, self.scenario())
        except DomainError as exc:
            self._show_error(exc.message)
            return
        self._show_report(report)

    def recompute_in_background(self) -> None:
        """Check the scenario on a pool thread; the table and chart keep the last answer meanwhile and
        the summary says 正在计算…."""
        self.timer.stop()
        self.summary.setText(self.tr("正在计算…"))
        ctx, scenario = self.dctx.service, self.scenario()
        self._check.start(lambda: assess(ctx, scenario))

    @property
    def computing(self) -> bool:
        """A check is running on the pool."""
        return not self._check.ready

    def _answered(self, report: AdequacyReport | None, error: str) -> None:
        if error:
            self._show_error(error)
        elif report is not None:
            self._show_report(report)

    def wait_for_figures(self, timeout_ms: int = 30_000) -> None:
        """Block until the check running on the pool has been shown (tests, screenshots)."""
        self._check.wait(timeout_ms)

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()
        if self.report is not None:
            self._show_summary(self.report)
        else:
            self.summary.clear()

    def _show_report(self, report: AdequacyReport) -> None:
        self.status.hide()
        self.report = report
        self.model.set_rows(report.lines)
        self._show_summary(report)
        self._draw_chart(report.lines)

    def _show_summary(self, report: AdequacyReport) -> None:
        summary = report.summary
        text = self.tr("%1 人 × %2 天（%3 至 %4），%5：%6 项需求中 %7 项满足。").replace(
            "%1", number_text(report.people)).replace("%2", str(report.days)).replace(
            "%3", date_text(report.as_of)).replace("%4", date_text(report.last_day)).replace(
            "%5", message_label(report.scope_label)).replace("%6", str(summary.needs)).replace("%7", str(summary.covered))
        if summary.weakest is not None and summary.covered < summary.needs:
            text += self.tr("最薄弱：%1（%2）。").replace("%1", summary.weakest).replace(
                "%2", percent_text(summary.min_coverage))
        if summary.own_share_below_half:
            text += self.tr("政府实物占比不足 50%：%1。").replace("%1", joined(summary.own_share_below_half))
        self.summary.setText(text)

    def _draw_chart(self, lines) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        sets = {}
        for key, label, colour in (("red", self.tr("不足 50%"), RED), ("amber", self.tr("50%–100%"), QColor("#ef8f00")),
                                   ("green", self.tr("满足"), GREEN)):
            bar_set = QBarSet(label)
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            sets[key] = bar_set
        ordered = list(reversed(lines))  # the first need at the top
        for line in ordered:
            shown = min(float(line.coverage) * 100, CHART_MAX)
            for key, bar_set in sets.items():
                bar_set.append(shown if key == band(line.coverage) else 0)
        series = QHorizontalStackedBarSeries()
        for bar_set in sets.values():
            series.append(bar_set)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([line.need for line in ordered] or [""])
        font = categories.labelsFont()
        font.setPointSize(9)
        categories.setLabelsFont(font)
        values = QValueAxis()
        values.setRange(0, CHART_MAX)
        values.setTickCount(5)
        values.setLabelFormat("%d%%")
        chart.addAxis(categories, Qt.AlignLeft)
        chart.addAxis(values, Qt.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        hundred = QLineSeries()
        hundred.setName(self.tr("100% 线"))
        count = max(1, len(ordered))
        hundred.append([QPointF(100, -0.5), QPointF(100, count - 0.5)])
        pen = hundred.pen()
        pen.setColor(QColor("#263238"))
        pen.setStyle(Qt.DashLine)
        pen.setWidthF(1.5)
        hundred.setPen(pen)
        chart.addSeries(hundred)
        hundred.attachAxis(values)
        hundred.attachAxis(categories)
        chart.legend().setAlignment(Qt.AlignBottom)

    # --- refresh ---------------------------------------------------------------------------
    def _on_changed(self, changed: frozenset) -> None:
        if flags.STANDARDS in changed or flags.STORES in changed:
            self.reload_choices()
        if changed & {flags.STOCK, flags.STANDARDS, flags.AGREEMENTS, flags.DISPATCH, flags.STORES, flags.CATALOG}:
            self.schedule()

    # --- drill-down and export ---------------------------------------------------------------
    def selected_need(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.proxy.index(rows[0].row(), 0).data()
        if self.report is None and self.computing:
            self.wait_for_figures()  # asked before the first answer arrived
        if self.report and self.report.lines:
            return self.report.summary.weakest
        return None

    def show_drill_down(self, need: str | None = None, *, modal: bool = True) -> "DrillDownDialog | None":
        need = need or self.selected_need()
        if need is None:
            return None
        try:
            sources = need_sources(self.dctx.service, self.scenario(), need)
        except DomainError as exc:
            interaction.error(self, self.tr("库存分布"), exc.message)
            return None
        dialog = DrillDownDialog(sources, self)
        if modal:
            dialog.exec()
        return dialog

    def _preflood(self):
        from models.services.preflood import gather_preflood

        return gather_preflood(self.dctx.service, self.scenario())

    def export_pdf(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存汛前检查报告"), self.tr("汛前检查报告.pdf"), "PDF (*.pdf)")
        if not path:
            return None
        from models.documents.adequacy_pdf import write_preflood_pdf

        try:
            write_preflood_pdf(self._preflood(), path)
        except (DomainError, OSError) as exc:
            interaction.error(self, self.tr("导出 PDF"), getattr(exc, "message", str(exc)))
            return None
        interaction.information(self, self.tr("导出 PDF"), self.tr("已生成汛前检查报告：%1").replace("%1", path))
        return path

    def export_xlsx(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出汛前检查"), self.tr("汛前检查报告.xlsx"), "Excel (*.xlsx)")
        if not path:
            return None
        from models.documents.adequacy_xlsx import write_preflood_xlsx

        try:
            write_preflood_xlsx(self._preflood(), path)
        except (DomainError, OSError) as exc:
            interaction.error(self, self.tr("导出 Excel"), getattr(exc, "message", str(exc)))
            return None
        interaction.information(self, self.tr("导出 Excel"), self.tr("已导出汛前检查工作簿：%1").replace("%1", path))
        return path


class DrillDownDialog(QDialog):
    """Where one need's stock sits: own stock per store, every batch (and why it counts or not),
    and the agreement lines."""

    def __init__(self, sources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = sources
        self.setWindowTitle(self.tr("库存分布：%1").replace("%1", sources.need))
        self.resize(1040, 480)
        unit = sources.unit
        self.stores = RowTableModel([
            Column(self.tr("储备库编码"), lambda r: r.store_code, None, width=100),
            Column(self.tr("储备库"), lambda r: r.store_name, None, width=200),
            Column(self.tr("级别"), lambda r: level_label(r.level), None, CENTER, 70),
            Column(self.tr("政府实物（%1）").replace("%1", unit), lambda r: number_text(r.own), lambda r: float(r.own), RIGHT, 120),
        ], self)
        self.stores.set_rows(sources.stores)
        self.batches = RowTableModel([
            Column(self.tr("储备库"), lambda r: r.store_name, None, width=150),
            Column(self.tr("物资"), lambda r: r.item_name, None, width=110),
            Column(self.tr("批次"), lambda r: r.batch_no, None, width=120),
            Column(self.tr("有效期至"), lambda r: date_text(r.expiry_date), lambda r: date_text(r.expiry_date) or "9999", CENTER, 90),
            Column(self.tr("数量"), lambda r: quantity_text(r.quantity, r.item_unit), lambda r: float(r.quantity), RIGHT, 90),
            Column(self.tr("计入（%1）").replace("%1", unit), lambda r: number_text(r.counted), lambda r: float(r.counted), RIGHT, 90),
            Column(self.tr("说明"), lambda r: r.note, None, width=320),
        ], self, foreground=lambda r: None if r.counted else QColor("#8a1010"))
        self.batches.set_rows(sources.batches)
        self.agreements = RowTableModel([
            Column(self.tr("协议编号"), lambda r: r.agreement_number, None, width=130),
            Column(self.tr("企业"), lambda r: r.enterprise, None, width=200),
            Column(self.tr("类型"), lambda r: self.tr("产能储备") if r.kind == "capacity" else self.tr("实物代储"), None, CENTER, 80),
            Column(self.tr("物资"), lambda r: r.item_name, None, width=110),
            Column(self.tr("计入（%1）").replace("%1", unit), lambda r: number_text(r.counted), lambda r: float(r.counted), RIGHT, 90),
            Column(self.tr("到期日"), lambda r: date_text(r.end_date), None, CENTER, 90),
            Column(self.tr("响应时间"), lambda r: f"{r.response_hours} h" if r.response_hours else self.tr("未约定"),
                   lambda r: r.response_hours or 0, RIGHT, 80),
        ], self)
        self.agreements.set_rows(sources.agreements)
        self.tabs = QTabWidget(self)
        for model, title, key in ((self.stores, self.tr("按储备库（%1）").replace("%1", str(len(sources.stores))), "adequacy_stores"),
                                  (self.batches, self.tr("批次（%1）").replace("%1", str(len(sources.batches))), "adequacy_batches"),
                                  (self.agreements, self.tr("协议（%1）").replace("%1", str(len(sources.agreements))), "adequacy_agreements")):
            proxy = QSortFilterProxyModel(self)
            proxy.setSortRole(SORT_ROLE)
            proxy.setSourceModel(model)
            table = QTableView(self)
            table.setModel(proxy)
            configure_table(table, key)
            table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
            restore_columns(table, key, model.default_widths())
            self.tabs.addTab(table, title)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)


VIEW_SPEC = ViewSpec(key="adequacy", title="储备能力评估", order=30, factory=AdequacyView, icon="stock")
