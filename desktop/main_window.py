"""The main window is a shell: navigation on the left, one view at a time in the middle, menus,
toolbar and status bar around them. Views are the ``VIEW_SPEC`` of each module in ``desktop/views``
(``view_specs()``, read without importing the module; it is imported when its view first opens); daily-work
dialogs are imported only when their action is used, so a missing one disables its action instead of failing.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import logging
import pkgutil
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QLabel, QMainWindow, QSplitter, QStackedWidget, QToolBar, QWidget)

from desktop import context as flags
from desktop import i18n, style
from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.formatting import role_label, with_note
from desktop.interaction import interaction
from desktop.navigation import NavigationPanel, view_icon
from desktop.views.registry import ViewSpec
from models.errors import DomainError

log = logging.getLogger(__name__)

ALL_FLAGS = (flags.STOCK, flags.DOCUMENTS, flags.CATALOG, flags.STORES, flags.DISPATCH, flags.AGREEMENTS,
             flags.STANDARDS, flags.USERS, flags.SETTINGS, flags.INSPECTIONS)

# (key, module, title, shortcut, icon): the daily-work dialogs written alongside this shell
DOCUMENT_ACTIONS = (
    ("receipt", "desktop.dialogs.receipt_dialog", QT_TRANSLATE_NOOP("MainWindow", "入库"), "Ctrl+R", "receipt"),
    ("issue", "desktop.dialogs.issue_dialog", QT_TRANSLATE_NOOP("MainWindow", "出库"), "Ctrl+I", "issue"),
    ("transfer", "desktop.dialogs.transfer_dialog", QT_TRANSLATE_NOOP("MainWindow", "调拨"), "Ctrl+T", "transfer"),
    ("stocktake", "desktop.dialogs.stocktake_dialog", QT_TRANSLATE_NOOP("MainWindow", "盘点"), "Ctrl+K", "stocktake"),
)


def _installed(module_name: str) -> bool:
    return importlib.util.find_spec(module_name) is not None


def _literal_spec(path: Path) -> dict | None:
    """The fields of ``VIEW_SPEC = ViewSpec(key=..., title=..., factory=Name, ...)`` in a view module's
    source, when every field but ``factory`` is a literal; None when it is written otherwise."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return None
    start = source.find("\nVIEW_SPEC = ViewSpec(")
    if start < 0:
        return None
    try:  # only the assignment (and what follows it) is parsed, not the module
        statement = ast.parse(source[start + 1:]).body[0]
    except SyntaxError:
        return None
    call = getattr(statement, "value", None)
    if not isinstance(call, ast.Call) or call.args:
        return None
    fields = {}
    for keyword in call.keywords:
        if keyword.arg == "factory":
            continue
        try:
            fields[keyword.arg] = ast.literal_eval(keyword.value)
        except ValueError:
            return None
    return fields if {"key", "title", "order"} <= set(fields) else None


def _open_view(module_name: str, dctx: DesktopContext) -> QWidget:
    return importlib.import_module(module_name).VIEW_SPEC.factory(dctx)


def view_specs() -> list[ViewSpec]:
    """What ``desktop.views.registry.discover_views()`` lists, in the same order, without importing every
    view: importing them all (openpyxl, reportlab, every view's services) was about half a second of the
    program's start (issue 10). A spec read from source opens its module on first use; a module already
    imported, or whose spec is not written with literal values, gives its own ``VIEW_SPEC``."""
    import desktop.views as package

    specs = []
    for module_info in pkgutil.iter_modules(package.__path__):
        if module_info.name == "registry":
            continue
        name = f"{package.__name__}.{module_info.name}"
        fields = None
        if name not in sys.modules and not module_info.ispkg:
            fields = _literal_spec(Path(module_info.module_finder.path) / f"{module_info.name}.py")
        if fields is not None:
            specs.append(ViewSpec(factory=functools.partial(_open_view, name), **fields))
            continue
        spec = getattr(importlib.import_module(name), "VIEW_SPEC", None)
        if isinstance(spec, ViewSpec):
            specs.append(spec)
    return sorted(specs, key=lambda spec: spec.order)


def find_runner(module) -> Callable | None:
    """A dialog module's ``run(dctx, parent)``: a module function or a dialog class's classmethod."""
    runner = getattr(module, "run", None)
    if callable(runner):
        return runner
    for name in dir(module):
        value = getattr(module, name)
        if isinstance(value, type) and value.__module__ == module.__name__ and callable(getattr(value, "run", None)):
            return value.run
    return None


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)

    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.settings = app_settings.current()
        self.specs: list[ViewSpec] = view_specs()
        self.views: dict[str, QWidget] = {}
        self.view_actions: dict[str, QAction] = {}
        self.document_actions: dict[str, QAction] = {}
        self.current_key: str | None = None
        self.setWindowTitle(self.tr("储备管家 ReserveKeeper"))
        self.setWindowIcon(style.icon("app"))  # resources/icons/app.svg, the program's icon
        self.stack = QStackedWidget(self)
        self.navigation = NavigationPanel(dctx, self.specs, self)
        self.navigation.views.view_chosen.connect(self.show_view)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 1000])
        self.setCentralWidget(self.splitter)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        dctx.store_selected.connect(self._update_status)
        dctx.area_selected.connect(self._update_status)
        self._restore()

    # --- actions -------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: str | None = None, icon: str | None = None) -> QAction:
        action = QAction(style.icon(icon) if icon else style.icon(""), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(with_note(text, QKeySequence(shortcut).toString(QKeySequence.NativeText)))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.refresh_action = self._action(self.tr("刷新"), self.refresh, "F5", "refresh")
        self.quit_action = self._action(self.tr("退出"), self.close, "Ctrl+Q", "quit")
        self.quit_action.setMenuRole(QAction.QuitRole)
        for position, spec in enumerate(self.specs):
            shortcut = f"Ctrl+{position + 1}" if position < 9 else None
            self.view_actions[spec.key] = self._action(
                i18n.translated("views", spec.title), lambda _=False, key=spec.key: self.show_view(key), shortcut,
                None)
            self.view_actions[spec.key].setIcon(view_icon(spec))
        for key, module, title, shortcut, icon in DOCUMENT_ACTIONS:
            action = self._action(self.tr(title), lambda _=False, key=key: self.run_document_dialog(key), shortcut, icon)
            if importlib.util.find_spec(module) is None:
                action.setEnabled(False)
                action.setToolTip(self.tr("%1：此功能尚未安装").replace("%1", self.tr(title)))
            self.document_actions[key] = action
        self.language_actions = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.settings.get(app_settings.LANGUAGE))
            action.triggered.connect(lambda _=False, code=code: self.change_language(code))
            self.language_actions.addAction(action)
        self.password_action = self._action(self.tr("修改密码…"), self.change_password, None, "password")
        self.server_action = self._action(self.tr("服务器连接…"), self.server_settings, None, "settings")
        self.server_action.setVisible(_installed("desktop.dialogs.server_settings_dialog"))
        self.manual_action = self._action(self.tr("用户手册"), self.manual, "F1", "about")
        self.manual_action.setEnabled(_installed("desktop.dialogs.manual_dialog"))
        self.about_action = self._action(self.tr("关于储备管家"), self.about, None, "about")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        work_menu = bar.addMenu(self.tr("业务(&B)"))
        for action in self.document_actions.values():
            work_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for action in self.view_actions.values():
            view_menu.addAction(action)
        settings_menu = bar.addMenu(self.tr("设置(&S)"))
        language_menu = settings_menu.addMenu(style.icon("language"), self.tr("语言 / Language"))
        for action in self.language_actions.actions():
            language_menu.addAction(action)
        settings_menu.addAction(self.password_action)
        settings_menu.addAction(self.server_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.manual_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextUnderIcon)
        toolbar.setMovable(False)
        for key in ("home", "stock"):
            if key in self.view_actions:
                toolbar.addAction(self.view_actions[key])
        toolbar.addSeparator()
        for action in self.document_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        self.addToolBar(Qt.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        actor = self.dctx.service.actor
        self.user_label = QLabel(self.tr("用户：%1（%2）").replace("%1", actor.username)
                                 .replace("%2", role_label(actor.role)), self)
        self.db_label = QLabel(self.tr("数据库：%1").replace("%1", self.dctx.service.db.describe()), self)
        self.store_label = QLabel(self)
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.store_label)
        status.addPermanentWidget(self.db_label)
        self._update_status()

    def _update_status(self, *_selected) -> None:
        """The store or area chosen in the navigation (the stock view's label says the same)."""
        code, area = self.dctx.current_store_code, self.dctx.current_area_code
        if area:
            name = self.navigation.stores.area_name(area) or area
            self.store_label.setText(self.tr("储备库：%1 辖区").replace("%1", name))
            self.store_label.setToolTip(area)
        elif code:
            name = self.navigation.stores.store_name(code)
            self.store_label.setText(self.tr("储备库：%1").replace("%1", with_note(name, code) if name else code))
            self.store_label.setToolTip(code)
        else:
            self.store_label.setText(self.tr("储备库：全部"))
            self.store_label.setToolTip("")

    # --- views ---------------------------------------------------------------------------------
    def view(self, key: str) -> QWidget | None:
        """The view with ``key``, built on first use."""
        if key in self.views:
            return self.views[key]
        spec = next((spec for spec in self.specs if spec.key == key), None)
        if spec is None:
            return None
        try:
            widget = spec.factory(self.dctx)
        except Exception:  # one broken view must not take the others down; say what happened
            log.exception("view %s failed to open", key)
            widget = QLabel(self.tr("此页面无法打开：\n%1").replace("%1", traceback.format_exc(limit=3)))
            widget.setWordWrap(True)
            widget.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        open_view = getattr(widget, "open_view", None)
        if open_view is not None and hasattr(open_view, "connect"):
            open_view.connect(self.show_view)
        self.views[key] = widget
        self.stack.addWidget(widget)
        return widget

    def show_view(self, key: str, filters: dict | None = None) -> bool:
        widget = self.view(key)
        if widget is None:
            return False
        self.stack.setCurrentWidget(widget)
        self.current_key = key
        self.navigation.views.mark(key)
        if filters and hasattr(widget, "apply_filter"):
            widget.apply_filter(**filters)
        return True

    def has_view(self, key: str) -> bool:
        return any(spec.key == key for spec in self.specs)

    def refresh(self) -> None:
        """F5: everything re-reads the database (other users may have posted meanwhile)."""
        self.dctx.notify(*ALL_FLAGS)

    # --- dialogs -------------------------------------------------------------------------------
    def run_document_dialog(self, key: str):
        module_name = next(module for k, module, *_ in DOCUMENT_ACTIONS if k == key)
        runner = find_runner(importlib.import_module(module_name))
        if runner is None:
            interaction.error(self, self.tr("无法打开"), self.tr("此功能尚未安装。"))
            return None
        try:
            return runner(self.dctx, self)
        except DomainError as error:
            interaction.error(self, self.tr("操作未完成"), error.message)
            return None

    def change_password(self) -> None:
        from desktop.dialogs.password_dialog import PasswordDialog

        if PasswordDialog.run(self.dctx, self):
            interaction.information(self, self.tr("修改密码"), self.tr("密码已修改。"))

    def about(self) -> None:
        if _installed("desktop.dialogs.about_dialog"):
            from desktop.dialogs.about_dialog import AboutDialog

            AboutDialog.show_for(self.dctx.service.db, self)
            return
        interaction.information(self, self.tr("关于储备管家"), self.tr(
            "储备管家 ReserveKeeper\n县级应急物资储备管理：库存、台账、调拨、轮换、协议储备与保障能力评估。"))

    def manual(self) -> None:
        from desktop.dialogs.manual_dialog import ManualDialog

        self.manual_window = ManualDialog.show_manual(self)  # not modal: read it while working
        if self.manual_window is None:
            interaction.information(self, self.tr("用户手册"), self.tr("本安装中没有用户手册。"))

    def server_settings(self) -> None:
        from desktop.dialogs.server_settings_dialog import ServerSettingsDialog

        if ServerSettingsDialog.ask(self) is not None:
            interaction.information(self, self.tr("服务器连接"), self.tr("设置已保存，重新启动程序后生效。"))

    def change_language(self, language: str) -> None:
        if language != self.settings.get(app_settings.LANGUAGE):
            self.settings.set(app_settings.LANGUAGE, language)
            self.language_change_requested.emit(language)

    # --- layout memory -------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.get(app_settings.WINDOW_GEOMETRY)
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            self.resize(1280, 800)
        state = self.settings.get(app_settings.WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))
        splitter = self.settings.get(app_settings.SPLITTER_STATE)
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        last_store = self.settings.get(app_settings.LAST_STORE)
        if last_store and self.navigation.stores.store_name(last_store) is not None:
            self.dctx.select_store(last_store)
        if not self.show_view(self.settings.get(app_settings.LAST_VIEW)) and self.specs:
            self.show_view(self.specs[0].key)

    def save_layout(self) -> None:
        self.settings.set(app_settings.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(app_settings.WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.set(app_settings.SPLITTER_STATE, bytes(self.splitter.saveState().data()))
        self.settings.set(app_settings.LAST_VIEW, self.current_key or "home")
        self.settings.set(app_settings.LAST_STORE, self.dctx.current_store_code or "")
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_layout()
        super().closeEvent(event)
