"""关于储备管家: name, version (models.__version__, the one place), licence, where the data and log are."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop import logging_setup, style
from models import __version__
from models.db import Database, sqlite_path

LICENCE = "Apache License 2.0 (Apache-2.0)"
FONT_LICENCE = QT_TRANSLATE_NOOP("AboutDialog", "文泉驿微米黑 WenQuanYi Micro Hei — Apache-2.0 或 GPLv3（含字体例外）")


class AboutDialog(QDialog):
    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于储备管家"))
        self.db = db
        header = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(style.icon("app").pixmap(72, 72))
        header.addWidget(logo, 0, Qt.AlignTop)
        title = QLabel(self.tr("<b style='font-size:18pt'>储备管家</b><br>ReserveKeeper<br>"
                               "应急物资储备管理 · Emergency-supplies reserve management"))
        title.setTextFormat(Qt.RichText)
        header.addWidget(title, 1)

        form = QFormLayout()
        self.version_label = self._selectable(__version__)
        form.addRow(self.tr("版本"), self.version_label)
        form.addRow(self.tr("许可证"), self._selectable(LICENCE))
        form.addRow(self.tr("字体"), self._selectable(self.tr(FONT_LICENCE)))
        self.database_label = self._selectable(db.describe() if db is not None else self.tr("（未打开）"))
        form.addRow(self.tr("数据库"), self.database_label)
        self.log_label = self._selectable(str(self.log_folder()))
        form.addRow(self.tr("日志文件夹"), self.log_label)
        form.addRow(self.tr("运行环境"), self._selectable(
            f"Python {platform.python_version()} · Qt for Python {pyside_version} · {platform.system()} {platform.release()}"))

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.open_data_button = buttons.addButton(self.tr("打开数据文件夹"), QDialogButtonBox.ActionRole)
        self.open_data_button.setEnabled(self.data_folder() is not None)
        self.open_data_button.clicked.connect(self.open_data_folder)
        self.open_log_button = buttons.addButton(self.tr("打开日志文件夹"), QDialogButtonBox.ActionRole)
        self.open_log_button.clicked.connect(self.open_log_folder)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _selectable(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def data_folder(self) -> Path | None:
        """The folder of an SQLite database; None on a PostgreSQL server."""
        path = sqlite_path(self.db.url) if self.db is not None else None
        return path.parent if path is not None else None

    @staticmethod
    def log_folder() -> Path:
        file = logging_setup.log_file()
        return file.parent if file is not None else logging_setup.log_folder()

    def open_data_folder(self) -> None:
        folder = self.data_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_log_folder(self) -> None:
        folder = self.log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @classmethod
    def show_for(cls, db: Database | None, parent: QWidget | None = None) -> None:
        cls(db, parent).exec()
