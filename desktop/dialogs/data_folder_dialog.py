"""数据保存位置: on the very first start, before any database is opened, ask where the local database
lives — the per-user data folder (recommended) or another folder (e.g. on drive D: where the bureau
keeps its files). The choice is remembered; ``--db`` and ``RESERVE_KEEPER_DB`` still win.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLayout,
                               QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from desktop import settings as app_settings
from models.db import DB_ENV, default_data_dir

DB_FILE = "reserve.db"
DATA_FOLDER = app_settings.Setting("files/data_folder", str, "",
                                   "folder of the local database chosen at the first start; '' = not chosen")


def folder_problem(folder: Path) -> str | None:
    """Why the program cannot keep its database in ``folder`` (None if it can)."""
    if not str(folder).strip():
        return QCoreApplication.translate("DataFolderDialog", "请选择一个文件夹。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".rk-write-test-"):
            pass
    except OSError as error:
        return QCoreApplication.translate("DataFolderDialog", "不能在这个文件夹中保存数据（%1），请换一个文件夹。").replace(
            "%1", str(error.strerror or error))
    return None


class DataFolderDialog(QDialog):
    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_folder = default_folder
        self.setWindowTitle(self.tr("数据保存位置"))
        intro = QLabel(self.tr("储备管家把所有数据保存在一个数据库文件（%1）中。请选择保存位置，以后可在“关于”中查看。")
                       .replace("%1", DB_FILE))
        intro.setWordWrap(True)
        self.default_choice = QRadioButton(self.tr("默认位置（推荐）：%1").replace("%1", str(default_folder)))
        self.other_choice = QRadioButton(self.tr("其他文件夹："))
        self.default_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.default_choice)
        group.addButton(self.other_choice)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("例如 D:\\储备管家数据"))
        self.browse_button = QPushButton(self.tr("浏览…"))
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        self.error_label = QLabel()  # the field's message, right under it
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.tr("开始使用"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("退出"), QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.other_choice.toggled.connect(self._update)
        self.folder_edit.textChanged.connect(lambda _text: self.other_choice.setChecked(True))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.default_choice)
        layout.addWidget(self.other_choice)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QLayout.SetMinimumSize)  # grows when a field message appears
        self.resize(580, self.sizeHint().height())
        self._update()

    def _update(self) -> None:
        self.set_error(None)

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.folder_edit.setProperty("invalid", bool(message))
        self.folder_edit.style().unpolish(self.folder_edit)
        self.folder_edit.style().polish(self.folder_edit)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择数据文件夹"), str(self.default_folder))
        if folder:
            self.folder_edit.setText(folder)

    def chosen_folder(self) -> Path:
        if self.default_choice.isChecked():
            return self.default_folder
        return Path(self.folder_edit.text().strip()).expanduser()

    def accept(self) -> None:
        if self.other_choice.isChecked() and not self.folder_edit.text().strip():
            self.set_error(self.tr("请填写或选择一个文件夹。"))
            return
        problem = folder_problem(self.chosen_folder())
        if problem:
            self.set_error(problem)
            return
        super().accept()

    @classmethod
    def ask(cls, default_folder: Path, parent: QWidget | None = None) -> Path | None:
        """The chosen folder, or None if the user chose 退出. Tests replace this classmethod."""
        dialog = cls(default_folder, parent)
        return dialog.chosen_folder() if dialog.exec() == QDialog.Accepted else None


class Cancelled(Exception):
    """The user closed the data-folder question: the program ends without opening anything."""


def database_to_open(db: str | None, parent: QWidget | None = None) -> str | None:
    """What ``open_database`` should open: ``--db`` or the environment if given, else the folder
    chosen earlier, else (first start only) the answer to the question. ``None`` means the default
    location. Raises ``Cancelled`` if the user declined to choose."""
    if db or os.environ.get(DB_ENV):
        return db
    settings = app_settings.current()
    saved = settings.get(DATA_FOLDER)
    if saved:
        return str(Path(saved) / DB_FILE)
    default_folder = default_data_dir()
    if (default_folder / DB_FILE).exists() or _server_mode():
        return None  # an existing installation: never ask again
    folder = DataFolderDialog.ask(default_folder, parent)
    if folder is None:
        raise Cancelled
    settings.set(DATA_FOLDER, str(folder))
    settings.sync()
    return None if folder == default_folder else str(folder / DB_FILE)


def _server_mode() -> bool:
    try:
        from desktop.dialogs.server_settings_dialog import saved_server_url
    except ImportError:
        return False
    return bool(saved_server_url())
