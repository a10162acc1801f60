"""修改密码: the signed-in user changes their own password (old, new, new again)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from desktop.context import DesktopContext
from desktop.dialogs.field_form import FieldForm
from models.errors import AuthenticationError, DomainError, ValidationError
from models.services.users import check_password_strength, set_password

OLD, NEW, AGAIN = "原密码", "密码", "确认密码"


class PasswordDialog(QDialog):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.setWindowTitle(self.tr("修改密码"))
        self.form = FieldForm()
        self.old = self.form.add(OLD, self.tr("原密码"), QLineEdit(self))
        self.new = self.form.add(NEW, self.tr("新密码"), QLineEdit(self))
        self.again = self.form.add(AGAIN, self.tr("再次输入"), QLineEdit(self))
        for widget in (self.old, self.new, self.again):
            widget.setEchoMode(QLineEdit.Password)
        self.form.add_general_error()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.new.textChanged.connect(self._check)
        self.again.textChanged.connect(self._check)
        self.setMinimumWidth(380)

    def _check(self) -> bool:
        try:
            check_password_strength(self.new.text())
        except ValidationError as error:
            self.form.set_error(NEW, error.message if self.new.text() else None)
            return False
        self.form.set_error(NEW, None)
        same = self.new.text() == self.again.text()
        self.form.set_error(AGAIN, None if same or not self.again.text() else self.tr("两次输入的密码不一致。"))
        return same

    def save(self) -> None:
        if not self._check():
            if not self.again.text() and self.new.text():
                self.form.set_error(AGAIN, self.tr("请再次输入新密码。"))
            return
        actor = self.dctx.service.actor
        try:
            set_password(self.dctx.service, actor.username, self.new.text(), old_password=self.old.text())
        except AuthenticationError as error:
            self.form.set_error(OLD, error.message)
            return
        except DomainError as error:
            self.form.show_error(error)
            return
        self.accept()

    @classmethod
    def run(cls, dctx: DesktopContext, parent: QWidget | None = None) -> bool:
        return cls(dctx, parent).exec() == QDialog.Accepted
