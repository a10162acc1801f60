"""备份状态: a small status-bar label with the time of the last backup, amber when it is overdue
(more than 7 days by default, setting ``backup.warn_days``) and a "备份" button.

Embed it in the main window with ``window.statusBar().addPermanentWidget(BackupStatus(dctx, window))``.
Created with ``daily_backup=True`` (the default) it first makes the daily automatic copy if the last
backup is a day old or more (SQLite only; a failure shows in the label, it never blocks start-up).
It refreshes on the ``settings`` change flag and when ``refresh()`` is called. In server mode it says
to back up the server with pg_dump and hides the button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.interaction import interaction
from models.errors import DomainError
from models.schema.enums import Role
from models.services import backup as backups
from models.services.settings_store import BACKUP_FOLDER, set_setting

AMBER = "#b86e00"
AMBER_BG = "#fde3a7"


class BackupStatus(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None, *, daily_backup: bool = True) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.auto_error = ""
        self.auto_copy = None
        self.label = QLabel(self)
        self.button = QToolButton(self)
        self.button.setText(self.tr("立即备份"))
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.backup_now)
        self.folder_button = QToolButton(self)
        self.folder_button.setText(self.tr("备份文件夹…"))
        self.folder_button.setAutoRaise(True)
        self.folder_button.setToolTip(self.tr("更改自动备份保存的文件夹（管理员）"))
        self.folder_button.clicked.connect(self.change_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addWidget(self.folder_button)
        self.status: backups.BackupStatus | None = None
        dctx.changed.connect(self._on_changed)
        if daily_backup:
            self.run_daily_backup()
        self.refresh()

    def run_daily_backup(self) -> None:
        try:
            self.auto_copy = backups.auto_backup(self.dctx.service.db, now=self.dctx.service.now())
        except DomainError as exc:
            self.auto_error = exc.message

    def _on_changed(self, changed: frozenset) -> None:
        if flags.SETTINGS in changed:
            self.refresh()

    def refresh(self) -> None:
        db = self.dctx.service.db
        self.status = backups.backup_status(db, now=self.dctx.service.now())
        server = not db.is_sqlite
        self.button.setVisible(not server)
        self.folder_button.setVisible(not server and self.dctx.service.actor.role is Role.ADMIN)
        self.label.setText(self.tr("备份：") + self.status.message + (self.tr("（自动备份失败）") if self.auto_error else ""))
        self.label.setToolTip(
            self.tr("服务器模式：请由管理员在服务器上用 pg_dump 定期备份（见 docs/SERVER.md）。") if server else
            (self.auto_error + "\n" if self.auto_error else "")
            + self.tr("超过 %n 天未备份时显示为黄色。", "", self.status.warn_days)
        )
        if self.status.overdue or self.auto_error:
            self.label.setStyleSheet(f"color: {AMBER}; background: {AMBER_BG}; padding: 1px 4px; font-weight: bold;")
        else:
            self.label.setStyleSheet("")
        self.setProperty("overdue", self.status.overdue or bool(self.auto_error))

    def choose_target(self) -> str:
        """Where to write the backup (tests replace this)."""
        db = self.dctx.service.db
        folder = backups.backup_folder(db)
        stamp = self.dctx.service.now().astimezone().strftime("%Y%m%d-%H%M")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("备份数据库"), str(folder / self.tr("储备管家备份-%1.db").replace("%1", stamp)), self.tr("数据库文件 (*.db)"))
        return path

    def backup_now(self) -> None:
        target = self.choose_target()
        if not target:
            return
        try:
            written = backups.backup(self.dctx.service.db, target, ctx=self.dctx.service)
        except DomainError as exc:
            interaction.error(self, self.tr("备份失败"), exc.message)
            return
        self.refresh()
        interaction.information(self, self.tr("备份完成"), self.tr("已备份到 %1").replace("%1", str(written)))


    def choose_folder(self) -> str:
        """The new automatic-backup folder (tests replace this)."""
        current = str(backups.backup_folder(self.dctx.service.db))
        return QFileDialog.getExistingDirectory(self, self.tr("选择自动备份文件夹"), current)

    def change_folder(self) -> None:
        folder = self.choose_folder()
        if not folder:
            return
        try:
            set_setting(self.dctx.service, BACKUP_FOLDER, folder)
        except DomainError as exc:
            interaction.error(self, self.tr("备份文件夹"), exc.message)
            return
        self.dctx.notify(flags.SETTINGS)
        interaction.information(self, self.tr("备份文件夹"),
                                self.tr("今后的自动备份将保存在 %1，保留最近 %2 份。").replace("%1", folder)
                                .replace("%2", str(backups.get_setting(self.dctx.service.db, backups.BACKUP_KEEP))))
