"""服务器连接设置: the shared-server mode's PostgreSQL connection (host, port, database, user, password),
with 测试连接. A failed test keeps everything typed so the user can correct it and try again.

The address is saved in this Windows user's settings file WITHOUT the password (the dialog says so);
the program asks for the password at start-up. ``saved_server_url()`` gives the saved address (or
"" for the local database) and ``with_password(url, password)`` the URL to open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)
from sqlalchemy.engine import make_url

from desktop import settings as app_settings
from models.services.server_connection import DEFAULT_PORT, ServerCheck, ServerSettings, check_connection

SERVER_URL = app_settings.Setting("server/url", str, "", "shared PostgreSQL server, without password; '' = local file")


def saved_server_url() -> str:
    return app_settings.current().get(SERVER_URL)


def with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password or None).render_as_string(hide_password=False)


class ServerSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, initial: ServerSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("服务器连接设置"))
        self.last_check: ServerCheck | None = None
        saved = saved_server_url()
        initial = initial or (ServerSettings.from_url(saved) if saved else ServerSettings(host=""))
        self.host = QLineEdit(initial.host, self)
        self.host.setPlaceholderText(self.tr("例如 192.168.1.10 或 server-yjj"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(initial.port or DEFAULT_PORT)
        self.database = QLineEdit(initial.database, self)
        self.user = QLineEdit(initial.user, self)
        self.password = QLineEdit(initial.password, self)
        self.password.setEchoMode(QLineEdit.Password)
        self.sslmode = QComboBox(self)
        for label, value in ((self.tr("不加密（仅限可信局域网）"), ""), (self.tr("要求加密 (require)"), "require"),
                             (self.tr("加密并验证证书 (verify-full)"), "verify-full")):
            self.sslmode.addItem(label, value)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(initial.sslmode)))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        note = QLabel(self.tr("说明：服务器地址、端口、数据库名和用户名保存在本机当前 Windows 用户的设置文件中；"
                              "密码不保存，每次启动程序时询问。服务器的建立方法见 docs/SERVER.md。"), self)
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.test_button.clicked.connect(self.run_test)
        self.local_button = QPushButton(self.tr("改用本机数据库"), self)
        self.local_button.clicked.connect(self.use_local)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("加密"), self.sslmode)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        # the names the manual uses, whether or not Qt's own Chinese catalogue is installed
        self.buttons.button(QDialogButtonBox.Save).setText(QCoreApplication.translate("labels", "保存"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("labels", "取消"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(self.local_button, QDialogButtonBox.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def value(self) -> ServerSettings:
        return ServerSettings(host=self.host.text().strip(), port=self.port.value(),
                              database=self.database.text().strip(), user=self.user.text().strip(),
                              password=self.password.text(), sslmode=self.sslmode.currentData())

    def _show(self, check: ServerCheck) -> None:
        self.last_check = check
        color = "#1b7a1b" if check.ok else "#8a1010"
        self.result_label.setStyleSheet(f"color: {color};")
        self.result_label.setText(check.message)

    def run_test(self) -> ServerCheck:
        self.result_label.setText(self.tr("正在连接…"))
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            check = check_connection(self.value())
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(check)
        return check

    def save(self) -> None:
        """Save only a connection that works; on failure keep the dialog open with what was typed."""
        check = self.run_test()
        if not check.ok:
            return
        app_settings.current().set(SERVER_URL, self.value().url(with_password=False))
        self.accept()

    def use_local(self) -> None:
        app_settings.current().set(SERVER_URL, "")
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> str | None:
        """Show the dialog; returns the URL to open now (with the password typed), "" for local, None if cancelled."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        saved = saved_server_url()
        return with_password(saved, dialog.password.text()) if saved else ""
