"""导入导出: the Excel import wizard (choose file → preview each sheet as understood, map columns that
could not be matched → check → import with a progress bar and cancel) and the ledger export.

The Excel modules (openpyxl) are imported when first used, not when the view opens (about half a
second on an office PC). The import runs on the GUI thread; its progress callback pumps the event loop every 200 rows, so the
progress bar moves and the 取消 button works. A cancel rolls the one import transaction back.
Column mappings the user chooses are remembered per sheet in the settings (``IMPORT_COLUMN_MAPS``).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QProgressBar, QProgressDialog, QPushButton, QSpinBox, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.export_table import ask_export_path
from desktop.formatting import joined
from desktop.interaction import interaction
from desktop.views.registry import ViewSpec
from desktop.widgets.combo_width import fixed_width
from models.documents import excel_headers as H
from models.documents.excel_headers import normalise_header
from models.errors import DomainError
from models.messages import localize
from models.services.document_queries import readable_stores

if TYPE_CHECKING:
    from models.documents.excel_import import ImportReport
    from models.documents.excel_rows import SheetPreview

IMPORT_COLUMN_MAPS = app_settings.Setting(
    "import/column_maps", dict, {}, "import: per sheet, normalised header → column key chosen by the user")
PREVIEW_ROWS = 5
CREATED_LABELS = {"stores": QT_TRANSLATE_NOOP("ImportExportView", "储备库"),
                  "items": QT_TRANSLATE_NOOP("ImportExportView", "物资"),
                  "batches": QT_TRANSLATE_NOOP("ImportExportView", "期初库存批次"),
                  "agreements": QT_TRANSLATE_NOOP("ImportExportView", "代储协议"),
                  "standards": QT_TRANSLATE_NOOP("ImportExportView", "定额标准")}
ERROR_COLOUR = QColor("#fde2e1")
WARNING_COLOUR = QColor("#fff4d6")


class ImportExportView(QWidget):
    imported = Signal(object)  # the ImportReport of a successful import

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.previews: list[SheetPreview] = []
        self._cancel = threading.Event()
        self._running = False
        self._dialog: QProgressDialog | None = None
        self._build()
        dctx.changed.connect(self._on_changed)
        self._fill_stores()
        self._set_state()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_import(), 1)
        layout.addWidget(self._build_export())

    def _build_import(self) -> QGroupBox:
        box = QGroupBox(self.tr("导入 Excel 台账"), self)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("选择文件…"), box)
        self.choose_button.clicked.connect(self._choose_file)
        self.file_label = QLabel(self.tr("尚未选择文件。可导入的工作表：储备库、物资目录、库存、代储协议、定额标准。"), box)
        self.file_label.setWordWrap(True)
        self.template_button = QPushButton(self.tr("保存导入模板…"), box)
        self.template_button.clicked.connect(self._save_template)
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.template_button)
        layout.addLayout(row)
        self.tabs = QTabWidget(box)
        layout.addWidget(self.tabs, 3)
        self.problem_label = QLabel(self.tr("检查结果"), box)
        layout.addWidget(self.problem_label)
        self.problem_model = QStandardItemModel(0, 6, self)
        self.problem_model.setHorizontalHeaderLabels(
            [self.tr("类型"), self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("定位"), self.tr("说明")])
        self.problem_table = QTableView(box)
        self.problem_table.setModel(self.problem_model)
        self.problem_table.setEditTriggers(QTableView.NoEditTriggers)
        self.problem_table.setSelectionBehavior(QTableView.SelectRows)
        self.problem_table.verticalHeader().setVisible(False)
        self.problem_table.horizontalHeader().setStretchLastSection(True)
        self.problem_table.doubleClicked.connect(self._jump_to_problem)
        layout.addWidget(self.problem_table, 2)
        actions = QHBoxLayout()
        self.progress = QProgressBar(box)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%p%"))
        self.check_button = QPushButton(self.tr("检查"), box)
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("导入"), box)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = QPushButton(self.tr("取消"), box)
        self.cancel_button.clicked.connect(self.cancel)
        actions.addWidget(self.progress, 1)
        for button in (self.check_button, self.import_button, self.cancel_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        return box

    def _build_export(self) -> QGroupBox:
        box = QGroupBox(self.tr("导出 Excel 台账"), self)
        form = QFormLayout()
        self.store_combo = fixed_width(QComboBox(box), 20)  # thousands of stores in a city
        self.year_spin = QSpinBox(box)
        self.year_spin.setRange(0, 9999)
        self.year_spin.setSpecialValueText(self.tr("全部年份"))
        self.year_spin.setValue(0)
        form.addRow(self.tr("储备库"), self.store_combo)
        form.addRow(self.tr("流水年份"), self.year_spin)
        row = QHBoxLayout(box)
        row.addLayout(form)
        hint = QLabel(self.tr("导出储备库、物资目录、库存、代储协议、定额标准和出入库流水六张表，"
                              "带标题、冻结表头和 A4 横向打印设置；导出的文件可以再导入。"), box)
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.export_button = QPushButton(self.tr("导出…"), box)
        self.export_button.clicked.connect(self._choose_export)
        row.addWidget(self.export_button)
        return box

    def _fill_stores(self) -> None:
        current = self.store_combo.currentData()
        self.store_combo.clear()
        self.store_combo.addItem(self.tr("全部储备库"), None)
        for store in readable_stores(self.dctx.service):
            self.store_combo.addItem(f"{store.code}  {store.name}", store.code)
        index = self.store_combo.findData(current)
        self.store_combo.setCurrentIndex(max(index, 0))

    def _on_changed(self, changed: frozenset) -> None:
        if flags.STORES in changed:
            self._fill_stores()

    def _set_state(self) -> None:
        has_file = self.path is not None
        self.check_button.setEnabled(has_file and not self._running)
        self.import_button.setEnabled(has_file and not self._running)
        self.cancel_button.setEnabled(self._running)
        self.choose_button.setEnabled(not self._running)
        self.export_button.setEnabled(not self._running)

    # --- choosing and previewing ------------------------------------------------------------

    def _choose_file(self) -> None:
        store = app_settings.current()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择 Excel 台账"), store.get(app_settings.LAST_EXPORT_DIR),
                                              self.tr("Excel 工作簿 (*.xlsx *.xlsm)"))
        if path:
            store.set(app_settings.LAST_EXPORT_DIR, str(Path(path).parent))
            self.open_file(path)

    def column_maps(self) -> dict[str, dict[str, str]]:
        return app_settings.current().get(IMPORT_COLUMN_MAPS)

    def set_column_mapping(self, sheet: str, header: str, key: str) -> None:
        """Remember that ``header`` in ``sheet`` means column ``key`` ('' = ignore), then re-preview."""
        maps = self.column_maps()
        maps.setdefault(sheet, {})[normalise_header(header)] = key
        app_settings.current().set(IMPORT_COLUMN_MAPS, maps)
        if self.path is not None:
            self.open_file(self.path)

    def open_file(self, path: str | Path) -> None:
        self.path = Path(path)
        self.report = None
        self.progress.setValue(0)
        from models.documents.excel_rows import preview  # openpyxl: loaded when first used

        try:
            self.previews, problems, unmatched = preview(self.path, self.column_maps(), PREVIEW_ROWS)
        except DomainError as exc:
            self.path = None
            self.previews = []
            interaction.error(self, self.tr("无法打开文件"), exc.message)
            self._set_state()
            return
        names = joined(p.title for p in self.previews) or self.tr("（没有可导入的工作表）")
        self.file_label.setText(self.tr("文件：{0}　识别到的工作表：{1}").format(self.path.name, names))
        self._show_previews()
        for title in unmatched:
            self.tabs.addTab(self._unmatched_sheet_page(title), title)
        self._show_problems(problems.errors, problems.warnings)
        self._set_state()

    def _show_previews(self) -> None:
        self.tabs.clear()
        for item in self.previews:
            self.tabs.addTab(self._preview_page(item), item.title)

    def _preview_page(self, item: SheetPreview) -> QWidget:
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        spec = next(s for s in H.IMPORT_SHEETS if s.name == item.sheet)
        ignored = [found for found, canonical in item.columns if not canonical]
        text = self.tr("按“{0}”表读取，表头在第 {1} 行。").format(item.sheet, item.header_row)
        if item.missing:
            text += self.tr("缺少必填列：{0}。").format(joined(item.missing))
        layout.addWidget(QLabel(text, page))
        if ignored:
            mapping = QHBoxLayout()
            mapping.addWidget(QLabel(self.tr("未识别的列，请指定含义："), page))
            for header in ignored:
                combo = QComboBox(page)
                combo.setObjectName(f"map:{header}")
                combo.addItem(self.tr("“{0}” → 忽略").format(header), "")
                for column in spec.columns:
                    combo.addItem(self.tr("“{0}” → {1}").format(header, column.header), column.key)
                combo.activated.connect(
                    lambda _index, c=combo, h=header, s=item.sheet: self.set_column_mapping(s, h, c.currentData()))
                mapping.addWidget(combo)
            mapping.addStretch(1)
            layout.addLayout(mapping)
        model = QStandardItemModel(0, len(spec.columns) + 1, page)
        model.setHorizontalHeaderLabels([self.tr("Excel 行")] + spec.headers)
        for excel_row, values in item.rows:
            model.appendRow([QStandardItem(str(excel_row))] + [QStandardItem(v) for v in values])
        table = QTableView(page)
        table.setObjectName("preview")
        table.setModel(model)
        table.setEditTriggers(QTableView.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        layout.addWidget(table)
        return page

    def _unmatched_sheet_page(self, title: str) -> QWidget:
        """A sheet whose name says nothing ("Sheet1"): let the user say which table it is."""
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("工作表“{0}”的名称无法识别，导入时将忽略。如果它是下列表之一，请选择：").format(title), page))
        combo = QComboBox(page)
        combo.setObjectName(f"sheet:{title}")
        combo.addItem(self.tr("忽略此表"), "")
        for spec in H.IMPORT_SHEETS:
            combo.addItem(spec.name, spec.name)
        combo.activated.connect(lambda _index, c=combo, t=title: self.set_sheet_mapping(t, c.currentData()))
        layout.addWidget(combo)
        layout.addStretch(1)
        return page

    def set_sheet_mapping(self, title: str, sheet: str) -> None:
        """Remember that a sheet called ``title`` holds the table ``sheet`` ('' = ignore), then re-preview."""
        from models.documents.excel_rows import SHEET_MAP

        self.set_column_mapping(SHEET_MAP, title, sheet)

    def _show_problems(self, errors, warnings) -> None:
        self.problem_model.removeRows(0, self.problem_model.rowCount())
        for kind, colour, problems in ((self.tr("错误"), ERROR_COLOUR, errors), (self.tr("提示"), WARNING_COLOUR, warnings)):
            for problem in problems:
                where = f"{problem.sheet}!{problem.cell}" if problem.cell else ""
                cells = [kind, problem.sheet, str(problem.row or ""), problem.column, where, localize(problem.message)]
                items = [QStandardItem(text) for text in cells]
                for cell in items:
                    cell.setBackground(QBrush(colour))
                items[4].setToolTip(self.tr("在 Excel 的名称框中输入此位置可直接跳到该单元格"))
                self.problem_model.appendRow(items)
        self.problem_table.resizeColumnsToContents()
        self.problem_label.setText(self.tr("检查结果：{0} 个错误，{1} 条提示").format(len(errors), len(warnings))
                                   + (self.tr("（有错误时不会导入任何数据）") if errors else ""))

    def _jump_to_problem(self, index) -> None:
        """Show the problem's sheet with the rows around the problem's row, that row highlighted;
        the 定位 column says where it is in Excel."""
        sheet = self.problem_model.item(index.row(), 1).text()
        row_text = self.problem_model.item(index.row(), 2).text()
        for position in range(self.tabs.count()):
            if self.tabs.tabText(position) != sheet:
                continue
            self.tabs.setCurrentIndex(position)
            table = self.tabs.widget(position).findChild(QTableView, "preview")
            if table is None or not row_text or self.path is None:
                return
            model: QStandardItemModel = table.model()
            model.removeRows(0, model.rowCount())
            from models.documents.excel_rows import excerpt

            for excel_row, values in excerpt(self.path, sheet, int(row_text), self.column_maps()):
                items = [QStandardItem(str(excel_row))] + [QStandardItem(v) for v in values]
                if excel_row == int(row_text):
                    for item in items:
                        item.setBackground(QBrush(ERROR_COLOUR))
                model.appendRow(items)
            return

    # --- checking and importing -------------------------------------------------------------

    def check(self) -> ImportReport | None:
        return self._run(dry_run=True)

    def _created_text(self, report: ImportReport) -> str:
        return self.tr("，").join(f"{self.tr(CREATED_LABELS[k])} {v}" for k, v in report.created.items())

    def run_import(self) -> ImportReport | None:
        report = self._run(dry_run=True)
        if report is None or not report.ok:
            return report
        counts = self._created_text(report)
        if not interaction.confirm(self, self.tr("确认导入"),
                                   self.tr("检查通过，将新建：{0}。\n全部写入在一个事务中完成，中途取消不会留下任何数据。确定导入吗？").format(counts)):
            return None
        report = self._run(dry_run=False)
        if report is not None and report.ok:
            self.dctx.notify(flags.STOCK, flags.CATALOG, flags.STORES, flags.DOCUMENTS, flags.AGREEMENTS, flags.STANDARDS)
            self.imported.emit(report)
            interaction.information(self, self.tr("导入完成"), self.tr("已导入：{0}。").format(
                self._created_text(report)))
        return report

    def cancel(self) -> None:
        self._cancel.set()

    def _cancel_requested(self) -> bool:
        """The 取消 button here, or the progress dialog's (its Esc key cancels without a signal)."""
        return self._cancel.is_set() or (self._dialog is not None and self._dialog.wasCanceled())

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, 100)
            self.progress.setValue(min(100, int(done * 100 / total)))
        else:
            self.progress.setRange(0, 0)  # size unknown until the sheet has been read once: busy
        if self._dialog is not None:
            self._dialog.setRange(0, 100 if total else 0)
            self._dialog.setValue(min(100, int(done * 100 / total)) if total else 0)
            self._dialog.setLabelText(self.tr("已处理 {0} 行…").format(done))
        QCoreApplication.processEvents(QEventLoop.AllEvents, 50)

    def _run(self, *, dry_run: bool) -> ImportReport | None:
        if self.path is None:
            return None
        from models.documents.excel_import import import_workbook
        from models.documents.excel_rows import ImportCancelled

        self._cancel.clear()
        self._running = True
        self._set_state()
        self.progress.setValue(0)
        # window-modal while the event loop is pumped: the rest of the program cannot start a second
        # write on top of the import's open transaction; appears only if the import takes a while
        self._dialog = QProgressDialog(self.tr("正在检查…") if dry_run else self.tr("正在导入…"), self.tr("取消"),
                                       0, 100, self)
        self._dialog.setWindowTitle(self.tr("导入 Excel 台账"))
        self._dialog.setWindowModality(Qt.WindowModal)
        self._dialog.setMinimumDuration(1500)
        self._dialog.setAutoReset(False)
        self._dialog.canceled.connect(self.cancel)
        try:
            report = import_workbook(self.dctx.service, self.path, dry_run=dry_run, column_maps=self.column_maps(),
                                     progress=self._progress, cancel=self._cancel_requested)
        except ImportCancelled as exc:
            self.progress.setValue(0)
            interaction.information(self, self.tr("已取消"), exc.message)
            return None
        except DomainError as exc:
            interaction.error(self, self.tr("导入失败"), exc.message)
            return None
        finally:
            self._running = False
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
            self.progress.setRange(0, 100)
            self._set_state()
        self.report = report
        self._show_problems(report.errors, report.warnings)
        if report.ok:
            self.progress.setValue(100)
            counts = self._created_text(report)
            verb = self.tr("检查通过，可导入：") if dry_run else self.tr("导入完成，已新建：")
            self.problem_label.setText(verb + counts + self.tr("（{0} 条提示）").format(len(report.warnings)))
        return report

    # --- template and export ----------------------------------------------------------------

    def _save_template(self) -> None:
        path = ask_export_path(self, self.tr("储备台账导入模板.xlsx"))
        if path:
            self.save_template(path)

    def save_template(self, path: str | Path) -> Path:
        from models.documents.excel_template import write_template

        written = write_template(path)
        interaction.information(self, self.tr("已保存模板"), self.tr("导入模板已保存到 {0}").format(written))
        return written

    def _choose_export(self) -> None:
        path = ask_export_path(self, self.tr("储备台账_%1.xlsx").replace("%1", dt.date.today().isoformat()))
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Path | None:
        from models.documents.excel_export import export_workbook

        year = self.year_spin.value() or None
        try:
            result = export_workbook(self.dctx.service, path, store_code=self.store_combo.currentData(), year=year)
        except DomainError as exc:
            interaction.error(self, self.tr("导出失败"), exc.message)
            return None
        rows = self.tr("，").join(self.tr("%1 %2 行").replace("%1", name).replace("%2", str(count))
                                 for name, count in result.counts.items())
        interaction.information(self, self.tr("导出完成"), self.tr("已导出到 {0}\n{1}").format(result.path, rows))
        return result.path


VIEW_SPEC = ViewSpec(key="import", title="导入导出", order=90, factory=ImportExportView, icon="import.svg")
