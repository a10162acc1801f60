"""用户管理 (admin only): users, their roles and stores; add a user, reset a password, lock/unlock,
deactivate. Every change is a call into models/services (which refuse non-admins and audit it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTableView, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop.context import DesktopContext
from desktop.formatting import joined, local_time_text, role_label, translated_columns
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (ROW_ROLE, SORT_ROLE, Column, RowTableModel, configure_table,
                                            restore_columns)
from desktop.views.registry import ViewSpec
from models.errors import DomainError, ValidationError
from models.schema.enums import Role
from models.services import user_admin
from models.services.user_admin import UserRow
from models.services.users import add_user
from models.services.document_queries import readable_stores

TABLE_KEY = "users"


def status_text(row: UserRow) -> str:
    translate = QCoreApplication.translate
    if not row.active:
        return translate("UsersView", "已停用")
    if row.locked_until is not None:
        return translate("UsersView", "锁定至 %1").replace("%1", local_time_text(row.locked_until))
    return translate("UsersView", "正常") if row.has_password else translate("UsersView", "未设密码")


COLUMNS = [
    Column(QT_TRANSLATE_NOOP("UsersView", "用户名"), lambda r: r.username, width=110),
    Column(QT_TRANSLATE_NOOP("UsersView", "姓名"), lambda r: r.display_name, width=100),
    Column(QT_TRANSLATE_NOOP("UsersView", "角色"), lambda r: role_label(r.role), width=80),
    Column(QT_TRANSLATE_NOOP("UsersView", "负责储备库"), lambda r: joined(r.store_codes) or "—", width=200),
    Column(QT_TRANSLATE_NOOP("UsersView", "状态"), status_text, width=140),
]


@dataclass
class UserInput:
    username: str
    display_name: str
    role: Role
    store_codes: list[str]
    password: str | None = None


class UserDialog(QDialog):
    """New user (name, password) or an existing one's role and stores."""

    def __init__(self, stores: list[tuple[str, str]], row: UserRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建用户") if row is None else self.tr("修改用户 %1").replace("%1", row.username))
        self.username = QLineEdit(row.username if row else "", self)
        self.username.setReadOnly(row is not None)
        self.display_name = QLineEdit(row.display_name if row else "", self)
        self.display_name.setReadOnly(row is not None)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(self.role.findData(row.role if row else Role.KEEPER))
        self.stores = QListWidget(self)
        for code, name in stores:
            item = QListWidgetItem(f"{code}  {name}", self.stores)
            item.setData(Qt.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if row and code in row.store_codes else Qt.Unchecked)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("至少 8 个字符；留空则首次登录时设置"))
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("负责储备库（保管员）"), self.stores)
        if row is None:
            form.addRow(self.tr("初始密码"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def value(self) -> UserInput:
        codes = [self.stores.item(i).data(Qt.UserRole) for i in range(self.stores.count())
                 if self.stores.item(i).checkState() == Qt.Checked]
        return UserInput(self.username.text().strip(), self.display_name.text().strip(), self.role.currentData(),
                         codes, self.password.text() or None)

    @classmethod
    def ask(cls, parent, stores, row: UserRow | None = None) -> UserInput | None:
        dialog = cls(stores, row, parent)
        return dialog.value() if dialog.exec() == QDialog.Accepted else None


class UsersView(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self._build()
        dctx.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.model = RowTableModel(translated_columns("UsersView", COLUMNS), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        configure_table(self.table, TABLE_KEY)
        add_export_action(self.table, self.tr("用户"))
        restore_columns(self.table, TABLE_KEY, self.model.default_widths())
        self.table.doubleClicked.connect(lambda *_: self.edit_user())
        self.hint = QLabel(self)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text, slot in (("add", self.tr("新建用户…"), self.new_user),
                                ("edit", self.tr("角色和储备库…"), self.edit_user),
                                ("password", self.tr("重置密码…"), self.reset_password),
                                ("unlock", self.tr("解除锁定"), self.unlock),
                                ("active", self.tr("停用 / 启用"), self.toggle_active)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

    def _on_changed(self, changed: frozenset) -> None:
        if flags.USERS in changed or flags.STORES in changed:
            self.refresh()

    def refresh(self) -> None:
        try:
            rows = user_admin.list_users(self.dctx.service)
        except DomainError as exc:
            self.model.set_rows([])
            self.hint.setText(exc.message)
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        current = self.selected()
        self.model.set_rows(rows)
        if current is not None:
            self.select_user(current.username)  # keep the selection across the refresh
        self.hint.setText(self.tr("用户不会被删除（单据和审计日志仍指向他们），只能停用。所有修改都记入审计日志。"))

    def selected(self) -> UserRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_user(self, username: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).username == username:
                self.table.selectRow(row)
                return

    # --- seams tests replace ---
    def ask_user(self, row: UserRow | None = None) -> UserInput | None:
        stores = [(s.code, s.name) for s in readable_stores(self.dctx.service)]
        return UserDialog.ask(self, stores, row)

    def ask_new_password(self, username: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("重置密码"), self.tr("用户 %1 的新密码（至少 8 个字符）：")
                                        .replace("%1", username), QLineEdit.Password)
        return text if ok else None

    # --- actions ---
    def _run(self, title: str, action, done: str) -> bool:
        try:
            action()
        except DomainError as exc:
            interaction.error(self, title, exc.message)
            return False
        self.dctx.notify(flags.USERS)
        if done:
            interaction.information(self, title, done)
        return True

    def new_user(self) -> None:
        value = self.ask_user()
        if value is None:
            return
        self._run(self.tr("新建用户"), lambda: add_user(
            self.dctx.service, value.username, value.role, password=value.password,
            display_name=value.display_name, store_codes=value.store_codes), "")
        self.select_user(value.username)

    def _need_selection(self) -> UserRow | None:
        row = self.selected()
        if row is None:
            interaction.information(self, self.tr("用户管理"), self.tr("请先在表格中选中一个用户。"))
        return row

    def edit_user(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        value = self.ask_user(row)
        if value is None:
            return

        def apply() -> None:
            stores_changed = tuple(sorted(value.store_codes)) != row.store_codes
            if value.role is Role.KEEPER and not value.store_codes:
                raise ValidationError(self.tr("保管员至少需要分配一个储备库。"), field="储备库")
            if stores_changed and value.role is Role.KEEPER:  # stores first: a keeper must have one
                user_admin.assign_stores(self.dctx.service, row.username, value.store_codes)
            if value.role is not row.role:
                user_admin.set_role(self.dctx.service, row.username, value.role)
            if stores_changed and value.role is not Role.KEEPER:
                user_admin.assign_stores(self.dctx.service, row.username, value.store_codes)

        self._run(self.tr("修改用户"), apply, "")

    def reset_password(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        password = self.ask_new_password(row.username)
        if not password:
            return
        self._run(self.tr("重置密码"), lambda: user_admin.reset_password(self.dctx.service, row.username, password),
                  self.tr("已重置 %1 的密码并解除锁定。").replace("%1", row.username))

    def unlock(self) -> None:
        row = self._need_selection()
        if row is not None:
            self._run(self.tr("解除锁定"), lambda: user_admin.unlock(self.dctx.service, row.username), "")

    def toggle_active(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        verb = self.tr("停用") if row.active else self.tr("启用")
        if not interaction.confirm(self, verb, self.tr("确定%1用户 %2 吗？").replace("%1", verb).replace("%2", row.username)):
            return
        self._run(verb, lambda: user_admin.set_active(self.dctx.service, row.username, not row.active), "")


VIEW_SPEC = ViewSpec(key="users", title="用户管理", order=96, factory=UsersView)
