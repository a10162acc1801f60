"""登录: user name and password; a wrong password is said in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop import settings as app_settings
from models.context import Actor
from models.db import Database
from models.errors import DomainError
from models.services.users import authenticate


class LoginDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 — 储备管家"))
        title = QLabel(self.tr("储备管家 · 应急物资储备管理"), self)
        title.setProperty("role", "title")
        title.setWordWrap(True)  # the English title is longer than the dialog is wide
        where = QLabel(self.tr("数据库：%1").replace("%1", db.describe()), self)
        where.setProperty("role", "hint")
        where.setWordWrap(True)
        self.username = QLineEdit(app_settings.current().get(app_settings.LAST_USER), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.Ok).setDefault(True)  # Enter in the password signs in
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        (self.password if self.username.text() else self.username).setFocus()
        self.setMinimumWidth(380)

    def attempt(self) -> None:
        try:
            actor = authenticate(self.db, self.username.text().strip(), self.password.text())
        except DomainError as error:
            self.error.setText(error.message)
            self.error.show()
            self.password.selectAll()
            self.password.setFocus()
            return
        self.actor = actor
        app_settings.current().set(app_settings.LAST_USER, actor.username)
        self.accept()

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    @classmethod
    def run(cls, db: Database, parent: QWidget | None = None) -> Actor | None:
        dialog = cls(db, parent)
        return dialog.actor if dialog.exec() == QDialog.Accepted else None
