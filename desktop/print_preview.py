"""Print preview: the PDF that models/documents made, shown page by page, printed on a chosen
printer or saved as a PDF file. The last printer and copy count are remembered (``print/`` keys).

Pages are rasterised with QtPdf (``PySide6.QtPdf.QPdfDocument``) when that module is installed; a
build without it falls back to poppler's ``pdftoppm``. Printing paints the page images at the
printer's resolution, so what is printed is exactly what the preview shows.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as app_settings
from desktop.interaction import interaction

PREVIEW_DPI = 96
PRINT_DPI = 300


class PdfPages:
    """Page images of one PDF file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._qt = _load_qtpdf(self.path)
        self._cache: dict[tuple[int, int], QImage] = {}
        if self._qt is None:
            if shutil.which("pdftoppm") is None:
                raise RuntimeError("QtPdf and pdftoppm are both unavailable")
            info = subprocess.run(["pdfinfo", str(self.path)], capture_output=True, text=True, check=True).stdout
            self._count = int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))
        else:
            self._count = self._qt.pageCount()

    def page_count(self) -> int:
        return self._count

    def render(self, page: int, dpi: int = PREVIEW_DPI) -> QImage:
        """Page ``page`` (0-based) as an image at ``dpi``."""
        key = (page, dpi)
        if key not in self._cache:
            self._cache[key] = self._render_qt(page, dpi) if self._qt is not None else self._render_poppler(page, dpi)
        return self._cache[key]

    def _render_qt(self, page: int, dpi: int) -> QImage:
        points = self._qt.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        return self._qt.render(page, size)

    def _render_poppler(self, page: int, dpi: int) -> QImage:
        with tempfile.TemporaryDirectory(prefix="rk-preview-") as folder:
            prefix = Path(folder) / "page"
            subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page + 1), "-l", str(page + 1),
                            "-singlefile", str(self.path), str(prefix)], check=True, capture_output=True)
            return QImage(str(prefix.with_suffix(".png"))).copy()


def _load_qtpdf(path: Path):
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    document = QPdfDocument()
    document.load(str(path))
    return document if document.pageCount() > 0 else None


def print_pages(pages: PdfPages, printer: QPrinter) -> int:
    """Paint every page on ``printer`` (which carries the copy count); returns the pages printed."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be opened")
    try:
        for page in range(pages.page_count()):
            if page:
                printer.newPage()
            image = pages.render(page, PRINT_DPI)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            scaled = image.size().scaled(target.size(), Qt.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
    return pages.page_count()


class PrintPreviewDialog(QDialog):
    """The pages of one document with 打印…, 另存为 PDF… and the copy count."""

    def __init__(self, pdf_path: str | Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.settings = app_settings.current()
        self.pages = PdfPages(self.pdf_path)
        self.setWindowTitle(self.tr("打印预览 - %1").replace("%1", title))
        self.resize(860, 980)
        self.copies = QSpinBox(self)
        self.copies.setRange(1, 99)
        self.copies.setValue(max(1, int(self.settings.get(app_settings.PRINT_COPIES))))
        self.copies.setSuffix(self.tr(" 份"))
        print_button = QPushButton(self.tr("打印…"), self)
        print_button.clicked.connect(lambda: self.print_document())
        save_button = QPushButton(self.tr("另存为 PDF…"), self)
        save_button.clicked.connect(lambda: self.save_as())
        close_button = QPushButton(self.tr("关闭"), self)
        close_button.clicked.connect(self.reject)
        self.page_info = QLabel(self.tr("共 %1 页").replace("%1", str(self.pages.page_count())), self)
        bar = QHBoxLayout()
        bar.addWidget(self.page_info)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("份数"), self))
        bar.addWidget(self.copies)
        bar.addWidget(print_button)
        bar.addWidget(save_button)
        bar.addWidget(close_button)

        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for page in range(self.pages.page_count()):
            label = QLabel(holder)
            label.setPixmap(QPixmap.fromImage(self.pages.render(page)))
            label.setStyleSheet("background: white; border: 1px solid #b8c0cc;")
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea(self)
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #e6e9ee; }")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    # printing ------------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.HighResolution)
        last = self.settings.get(app_settings.LAST_PRINTER)
        if last:
            printer.setPrinterName(last)
        printer.setCopyCount(self.copies.value())
        printer.setDocName(self.pdf_path.stem)
        return printer

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Ask for the printer (unless given one, as tests do) and print; remembers the choice."""
        if printer is None:
            printer = self.make_printer()
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.Accepted:
                return False
        try:
            print_pages(self.pages, printer)
        except RuntimeError as exc:
            interaction.error(self, self.tr("打印失败"), self.tr("无法打印：%1").replace("%1", str(exc)))
            return False
        if printer.outputFormat() == QPrinter.NativeFormat and printer.printerName():
            self.settings.set(app_settings.LAST_PRINTER, printer.printerName())
        self.settings.set(app_settings.PRINT_COPIES, max(1, printer.copyCount()))
        self.copies.setValue(max(1, printer.copyCount()))
        return True

    def save_as(self, target: str | Path | None = None) -> Path | None:
        if target is None:
            folder = self.settings.get(app_settings.LAST_EXPORT_DIR) or str(Path.home())
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"),
                                                          str(Path(folder) / self.pdf_path.name),
                                                          self.tr("PDF 文件 (*.pdf)"))
            if not chosen:
                return None
            target = chosen
        target = Path(target)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            interaction.error(self, self.tr("保存失败"), self.tr("无法保存到 %1：%2").replace("%1", str(target))
                              .replace("%2", exc.strerror or str(exc)))
            return None
        self.settings.set(app_settings.LAST_EXPORT_DIR, str(target.parent))
        return target


def preview(parent: QWidget | None, title: str, make_pdf: Callable[[Path], Path]) -> PrintPreviewDialog:
    """Build the PDF in a temporary folder with ``make_pdf(path)`` and return the preview dialog for it
    (the caller shows it); the folder lives as long as the dialog."""
    folder = tempfile.TemporaryDirectory(prefix="rk-print-")
    path = make_pdf(Path(folder.name) / f"{title}.pdf")
    dialog = PrintPreviewDialog(path, title, parent)
    dialog._folder = folder  # keep the temporary file until the dialog goes away
    return dialog
