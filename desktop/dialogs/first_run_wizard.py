"""首次启动向导: the county, the administrator's password, then how to start.

Runs on a database whose ``admin`` has no password yet (a fresh ``init`` or a new file). The work is
done by ``apply_setup`` (plain values in, a signed-in ServiceContext out) so tests can call it
without the pages, and the pages only collect answers.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QApplication, QButtonGroup, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QProgressDialog, QPushButton, QRadioButton, QVBoxLayout, QWidget, QWizard,
                               QWizardPage)

from desktop.dialogs.field_form import FieldForm
from desktop.interaction import interaction
from models.context import ServiceContext
from models.db import Database
from models.errors import DomainError, ValidationError
from models.messages import localize
from models.schema.enums import AreaKind
from models.services.catalog import install_starter_tree
from models.services.users import admin_without_password, check_password_strength, set_password
from models.services.warehouses import create_area, list_areas
from models.validation import check_code, check_text

START_EMPTY, START_DEMO, START_IMPORT = "empty", "demo", "import"


@dataclass
class SetupAnswers:
    county_name: str
    area_code: str
    password: str
    start: str = START_EMPTY
    workbook: str = ""  # for START_IMPORT: the .xlsx to import


@dataclass
class SetupResult:
    ctx: ServiceContext
    start: str
    message: str = ""  # shown to the user after the wizard (e.g. what was loaded)


def demo_available() -> bool:
    return importlib.util.find_spec("models.demo") is not None and hasattr(
        importlib.import_module("models.demo"), "load_demo")


def import_available() -> bool:
    return importlib.util.find_spec("models.documents.excel_import") is not None


def apply_setup(db: Database, answers: SetupAnswers,
                progress: Callable[[int, int], None] | None = None) -> SetupResult:
    """Set the admin password, record the county, load the chosen start. Raises DomainError."""
    translate = QCoreApplication.translate
    actor = admin_without_password(db)
    if actor is None:
        raise ValidationError(translate("FirstRunWizard", "管理员已设置密码，无需再运行首次启动向导，请直接登录。"))
    name = check_text(answers.county_name, translate("FirstRunWizard", "县名称"), max_length=100, required=True)
    code = check_code(answers.area_code, translate("FirstRunWizard", "行政区划代码"), max_length=20)
    check_password_strength(answers.password)
    ctx = ServiceContext(db, actor)
    set_password(ctx, actor.username, answers.password)
    message = ""
    if answers.start == START_DEMO:
        if not demo_available():
            message = translate("FirstRunWizard", "本版本未包含演示数据，已按空库开始。")
        else:
            from models.demo import load_demo

            county = load_demo(ctx, progress)
            message = translate("FirstRunWizard", "已装入演示县“%1”（演示用户密码见使用说明）。").replace(
                "%1", county.county_name)
    with db.write() as session:  # the same starter tree ``reserve-keeper init`` installs
        install_starter_tree(session)
    if answers.start == START_IMPORT:
        message = _import(ctx, answers.workbook, progress)
    # the demo and most workbooks bring their own county; otherwise record the one typed here
    if not any(area.kind is AreaKind.COUNTY for area in list_areas(ctx)):
        create_area(ctx, code, name, AreaKind.COUNTY)
    return SetupResult(ctx, answers.start, message)


def _import(ctx: ServiceContext, workbook: str, progress: Callable[[int, int], None] | None) -> str:
    translate = QCoreApplication.translate
    if not import_available():
        return translate("FirstRunWizard", "本版本尚未提供 Excel 台账导入功能，已按空库开始；可稍后在“导入导出”中导入。")
    if not workbook:
        return translate("FirstRunWizard", "没有选择工作簿，已按空库开始；可稍后再导入台账。")
    from models.documents.excel_import import import_workbook

    report = import_workbook(ctx, workbook, progress=progress)
    if not report.ok:
        lines = [localize(problem) for problem in report.errors[:8]]
        more = ("\n" + translate("FirstRunWizard", "……另有 %1 处问题").replace("%1", str(len(report.errors) - 8))
                if len(report.errors) > 8 else "")
        return (translate("FirstRunWizard", "工作簿有问题，没有导入任何数据，已按空库开始。请改正后再导入：") + "\n"
                + "\n".join(lines) + more)
    created = report.created
    return (translate("FirstRunWizard", "已导入：储备库 %1 个，物资 %2 种，库存批次 %3 个。")
            .replace("%1", str(created.get("stores", 0))).replace("%2", str(created.get("items", 0)))
            .replace("%3", str(created.get("batches", 0))))


class CountyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本县信息"))
        self.setSubTitle(self.tr("填写本县名称和行政区划代码（6 位数字，如 320101）。"))
        self.form = FieldForm()
        self.name = self.form.add("县名称", self.tr("县名称"), QLineEdit(self))
        self.name.setPlaceholderText(self.tr("如 临江县"))
        self.code = self.form.add("行政区划代码", self.tr("行政区划代码"), QLineEdit(self))
        self.code.setPlaceholderText("320101")
        QVBoxLayout(self).addLayout(self.form)
        self.name.textChanged.connect(self.completeChanged)
        self.code.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        valid = True
        for field, check in (("县名称", lambda: check_text(self.name.text(), self.tr("县名称"), max_length=100,
                                                            required=True)),
                             ("行政区划代码", lambda: check_code(self.code.text(), self.tr("行政区划代码"), max_length=20))):
            try:
                check()
            except ValidationError as error:
                self.form.set_error(field, error.message if self.form.widgets[field].text() else None)
                valid = False
            else:
                self.form.set_error(field, None)
        return valid


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("管理员密码"))
        self.setSubTitle(self.tr("为管理员 admin 设置登录密码（至少 8 个字符），请妥善保管。"))
        self.form = FieldForm()
        self.password = self.form.add("密码", self.tr("密码"), QLineEdit(self))
        self.confirm = self.form.add("确认密码", self.tr("再次输入"), QLineEdit(self))
        for widget in (self.password, self.confirm):
            widget.setEchoMode(QLineEdit.Password)
            widget.textChanged.connect(self.completeChanged)
        QVBoxLayout(self).addLayout(self.form)

    def isComplete(self) -> bool:
        try:
            check_password_strength(self.password.text())
        except ValidationError as error:
            self.form.set_error("密码", error.message if self.password.text() else None)
            self.form.set_error("确认密码", None)
            return False
        self.form.set_error("密码", None)
        same = self.password.text() == self.confirm.text()
        self.form.set_error("确认密码", None if same or not self.confirm.text() else self.tr("两次输入的密码不一致。"))
        return same


class StartPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("开始方式"))
        self.setSubTitle(self.tr("选择如何开始使用。以后随时可以添加储备库、物资和入库记录。"))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        options = [
            (START_EMPTY, self.tr("空库开始：自己建立储备库和物资目录"), ""),
            (START_DEMO, self.tr("装入示例县：带有两年台账的演示数据，用于熟悉程序"),
             "" if demo_available() else self.tr("（本版本未包含演示数据，将按空库开始）")),
            (START_IMPORT, self.tr("导入 Excel 台账：从现有的库存表格开始"),
             "" if import_available() else self.tr("（导入功能尚未提供，将按空库开始）")),
        ]
        self.buttons: dict[str, QRadioButton] = {}
        for key, text, note in options:
            button = QRadioButton(text, self)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            if note:
                hint = QLabel(note, self)
                hint.setProperty("role", "hint")
                hint.setIndent(24)
                layout.addWidget(hint)
        self.workbook = QLineEdit(self)
        self.workbook.setPlaceholderText(self.tr("选择要导入的 Excel 工作簿（.xlsx）"))
        self.browse = QPushButton(self.tr("浏览…"), self)
        self.browse.clicked.connect(self._choose_workbook)
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(self.workbook, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.buttons[START_EMPTY].setChecked(True)
        for button in self.buttons.values():
            button.toggled.connect(self._update)
        self.workbook.textChanged.connect(self.completeChanged)
        self._update()
        layout.addStretch(1)

    def _update(self) -> None:
        importing = self.buttons[START_IMPORT].isChecked() and import_available()
        self.workbook.setEnabled(importing)
        self.browse.setEnabled(importing)
        self.completeChanged.emit()

    def _choose_workbook(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择台账工作簿"), "", self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.workbook.setText(path)

    def isComplete(self) -> bool:
        if self.buttons[START_IMPORT].isChecked() and import_available():
            return Path(self.workbook.text().strip()).is_file()
        return True

    def choice(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())


class FirstRunWizard(QWizard):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.result_: SetupResult | None = None
        self.setWindowTitle(self.tr("欢迎使用储备管家"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.county_page = CountyPage(self)
        self.admin_page = AdminPage(self)
        self.start_page = StartPage(self)
        for page in (self.county_page, self.admin_page, self.start_page):
            self.addPage(page)
        self.setButtonText(QWizard.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.CancelButton, self.tr("取消"))
        self.resize(560, 400)

    def answers(self) -> SetupAnswers:
        return SetupAnswers(self.county_page.name.text(), self.county_page.code.text().strip(),
                            self.admin_page.password.text(), self.start_page.choice(),
                            self.start_page.workbook.text().strip())

    def accept(self) -> None:
        answers = self.answers()
        progress = None
        if (answers.start == START_DEMO and demo_available()) or (answers.start == START_IMPORT and answers.workbook):
            text = self.tr("正在装入演示数据……") if answers.start == START_DEMO else self.tr("正在导入台账……")
            progress = QProgressDialog(text, "", 0, 100, self)
            progress.setCancelButton(None)
            progress.setWindowModality(Qt.WindowModal)
            progress.setMinimumDuration(0)
        try:
            self.result_ = apply_setup(self.db, answers, self._progress(progress))
        except DomainError as error:
            interaction.error(self, self.tr("无法完成设置"), error.message)
            return
        finally:
            if progress is not None:
                progress.close()
        super().accept()

    @staticmethod
    def _progress(dialog: QProgressDialog | None) -> Callable[[int, int], None] | None:
        if dialog is None:
            return None

        def update(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            QApplication.processEvents()

        return update

    @classmethod
    def run(cls, db: Database, parent: QWidget | None = None) -> SetupResult | None:
        wizard = cls(db, parent)
        return wizard.result_ if wizard.exec() == QWizard.Accepted else None
