"""docs/manual.md chapters 12 (命令行), 13 (服务器模式) and 14 (出现问题时) followed as written.

Chapter 12 runs each line of the manual's code block through the real ``reserve-keeper`` entry point
in a subprocess, on a database file named as in the manual (县储备.db: a non-ASCII path). Chapter 13
follows docs/SERVER.md (and the SQL of docs/SECURITY.md it points to) on the PostgreSQL test server:
roles, database, ``init`` as the owner, the grants, then 设置 → 服务器连接 in the main window, then
two keepers issuing the same batch at once. Chapter 14 raises an unexpected exception through the
program's error handler, opens 帮助 → 关于储备管家, opens a foreign and a corrupt file the way the
program starts, and switches the language. A missing or broken step fails the test.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path, PureWindowsPath

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desktop import app as desktop_app
from desktop import error_handler, logging_setup
from desktop import settings as app_settings
from desktop.dialogs.about_dialog import AboutDialog
from desktop.dialogs.login_dialog import LoginDialog
from desktop.dialogs.server_settings_dialog import SERVER_URL, ServerSettingsDialog
from models.context import Actor
from models.db import Database, make_engine
from models.errors import DomainError
from models.migrate import open_database
from models.schema.enums import Role
from models.schema.stock import Balance
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.verify import verify
from tests import factories
from tests.conftest import make_ctx
from tests.desktop.test_manual_walkthrough import (ADMIN_PASSWORD, OFFSCREEN, bold, button, chapter, click,
                                                   delete_windows_before_exit, demo_db, demo_template,
                                                   forget_unanswered_dialogs, line_edit_labelled, log_in,
                                                   menu_action, on_modal, settle)

REPO = Path(__file__).resolve().parents[2]
SECURITY = REPO / "docs" / "SECURITY.md"
SERVER = REPO / "docs" / "SERVER.md"
EN_MANUAL = REPO / "docs" / "manual.en.md"

# the fixtures borrowed from chapters 2–11 (named here so linters see them used)
_FIXTURES = (delete_windows_before_exit, demo_db, demo_template, forget_unanswered_dialogs)


# --- 12. 命令行 -----------------------------------------------------------------------------------
def command_lines(text_: str) -> list[list[str]]:
    """The commands of the chapter's code block, without their comments."""
    block = re.search(r"```bash\n(.*?)```", text_, re.S)
    assert block, "chapter 12 has no command block"
    return [line.split("#")[0].split() for line in block.group(1).splitlines() if line.strip()]


def run_program(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``reserve-keeper ARGS`` as the console script runs it (``python -m models.cli``)."""
    environment = {key: value for key, value in os.environ.items() if key != "RESERVE_KEEPER_DB"}
    environment.update({"HOME": str(cwd / "home"), "XDG_DATA_HOME": str(cwd / "home" / "data"),
                        "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.run([sys.executable, "-m", "models.cli", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


def test_ch12_command_line(tmp_path):
    lines = command_lines(chapter(12))
    assert [line[0] for line in lines] == ["reserve-keeper"] * len(lines)
    database = tmp_path / "县储备.db"
    outputs: dict[str, str] = {}
    for line in lines:
        done = run_program(line[1:], tmp_path)
        assert done.returncode == 0, f"{' '.join(line)} → {done.returncode}\n{done.stdout}\n{done.stderr}"
        outputs[" ".join(line[1:])] = done.stdout
    assert database.exists() and database.stat().st_size > 0

    init = outputs["--db 县储备.db init"]
    assert "县储备.db" in init and "admin" in init
    assert "临江县" in outputs["--db 县储备.db demo"]
    stock = outputs["--db 县储备.db stock --level township"].splitlines()
    assert stock and all("乡镇级" in row for row in stock if row.strip()), stock[:5]
    assert not any("县级" in row for row in stock)
    report = outputs["--db 县储备.db verify"]
    assert "通过" in report and "失败" not in report
    for name in ("init", "demo", "stock", "verify", "backup", "restore", "user"):
        assert re.search(rf"^\s+{name}\s", outputs["--help"], re.M), f"--help does not list {name}"

    # “建立或升级数据库”: init again on the existing, filled database upgrades in place and keeps the data
    again = run_program(["--db", "县储备.db", "init"], tmp_path)
    assert again.returncode == 0, again.stderr
    check = open_database(str(database))
    try:
        assert verify(check).ok
        with check.read() as session:
            assert session.scalar(text("SELECT count(*) FROM stores")) == 58
    finally:
        check.dispose()
    # the self-test did not touch the user's database or create one in the working folder
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["县储备.db"]


# --- 13. 服务器模式 -------------------------------------------------------------------------------
def security_sql() -> list[str]:
    """The two SQL blocks of docs/SECURITY.md's "application role" section (roles/database, grants)."""
    text_ = SECURITY.read_text(encoding="utf-8")
    section = text_.split("an application role that cannot rewrite history", 1)[1]
    blocks = re.findall(r"```sql\n(.*?)```", section, re.S)
    assert len(blocks) >= 2, "docs/SECURITY.md lost its SQL"
    return blocks[:2]


def statements(block: str, names: dict[str, str]) -> list[str]:
    for old, new in names.items():
        block = re.sub(rf"\b{old}\b", new, block)
    return [part.strip() for part in block.split(";") if part.strip()]


def server_url(base: str, user: str, database: str, password: str | None = None) -> str:
    return make_url(base).set(username=user, password=password, database=database).render_as_string(
        hide_password=False)


@pytest.fixture
def server(postgres_url):
    """docs/SERVER.md §1–2 on the test server: the roles, the database, init as the owner, the grants."""
    base = make_url(postgres_url)
    names = {"reserve": f"{base.database}_manual", "rk_owner": "rk_g_owner", "rk_app": "rk_g_app"}
    admin_engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")

    def drop() -> None:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{names["reserve"]}" WITH (FORCE)'))
            for role in (names["rk_app"], names["rk_owner"]):
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar():
                    conn.execute(text(f"DROP OWNED BY {role}"))
                    conn.execute(text(f"DROP ROLE {role}"))

    drop()
    create, grants = security_sql()
    engine = admin_engine
    for statement in statements(create, names):
        if statement.startswith("\\connect"):
            engine = create_engine(server_url(postgres_url, base.username, names["reserve"]),
                                   isolation_level="AUTOCOMMIT")
            statement = statement.split("\n", 1)[1].strip() if "\n" in statement else ""
            if not statement:
                continue
        with engine.connect() as conn:
            conn.execute(text(statement))
    if engine is not admin_engine:
        engine.dispose()
    owner_url = server_url(postgres_url, names["rk_owner"], names["reserve"])
    yield names, owner_url, grants, base
    drop()
    admin_engine.dispose()


@OFFSCREEN
def test_ch13_server_mode(qtbot, server, tmp_path, demo_db, answers, temp_settings, monkeypatch):
    names, owner_url, grants, base = server
    text_ = chapter(13)
    assert "docs/SERVER.md" in text_ and "docs/SECURITY.md" in text_
    server_md = SERVER.read_text(encoding="utf-8")
    assert 'reserve-keeper --db "postgresql+psycopg://rk_owner@SERVER:5432/reserve" init' in server_md
    assert "first SQL block of `docs/SECURITY.md`" in server_md and "GRANT/REVOKE" in server_md
    assert all(step in server_md for step in ("设置 → 服务器连接", "测试连接", "连接成功", "保存", "without the password"))

    # 1. init as the owner, exactly the manual's command with the test server's address
    command = re.search(r'`reserve-keeper --db "(postgresql\+psycopg://[^"]+)" init`', text_)
    assert command, "chapter 13 lost its init command"
    manual_url = make_url(command.group(1).replace("服务器地址", "server"))
    assert (manual_url.username, manual_url.database) == ("rk_owner", "reserve")
    done = run_program(["--db", owner_url, "init"], tmp_path, {"PGPASSWORD": "change-me-owner"})
    assert done.returncode == 0, done.stderr
    assert "admin" in done.stdout
    owner = Database(owner_url, make_engine(owner_url))
    with owner.engine.begin() as conn:  # then the GRANT/REVOKE block, as the owner
        for statement in statements(grants, names):
            conn.execute(text(statement))
    owner.dispose()

    # 2. each PC: 设置 → 服务器连接, fill, 测试连接, 保存 (the password is not saved)
    window = log_in(qtbot, demo_db, "admin", ADMIN_PASSWORD)
    password = "Rk-app-Secret-7"
    seen_messages: list[str] = []

    def fill_and_save(dialog: ServerSettingsDialog) -> None:
        line_edit_labelled(dialog, "服务器地址").setText(base.host)
        dialog.port.setValue(base.port)
        line_edit_labelled(dialog, "数据库名").setText(names["reserve"])
        line_edit_labelled(dialog, "用户名").setText(names["rk_app"])
        line_edit_labelled(dialog, "密码").setText(password)
        click(dialog, "测试连接")
        seen_messages.append(dialog.result_label.text())
        seen_messages.append(dialog.buttons.button(QDialogButtonBox.Save).text())
        click(dialog, "保存")

    opened = on_modal(ServerSettingsDialog, fill_and_save)
    steps = bold(text_)
    assert {"设置 → 服务器连接…", "测试连接", "保存"} <= set(steps), steps
    menu_action(window, *steps[steps.index("设置 → 服务器连接…")].split(" → ")).trigger()
    assert opened, "设置 → 服务器连接 did not open the server settings"
    assert seen_messages[0].startswith("连接成功") and "储备管家数据库" in seen_messages[0], seen_messages
    assert seen_messages[1].replace("&", "") == "保存"
    assert ("info", "服务器连接", "设置已保存，重新启动程序后生效。") in answers.messages
    saved = temp_settings.get(SERVER_URL)
    assert make_url(saved).database == names["reserve"] and make_url(saved).username == names["rk_app"]
    assert make_url(saved).host == base.host and make_url(saved).port == base.port
    assert make_url(saved).password is None
    temp_settings.sync()
    settings_text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*.ini"))
    assert names["reserve"] in settings_text and password not in settings_text
    window.close()

    # “每次启动时询问”: the next start asks for the password, with the rest filled in, and opens the server
    def type_password(dialog: ServerSettingsDialog) -> None:
        assert dialog.password.text() == ""
        assert (dialog.host.text(), dialog.database.text(), dialog.user.text()) == (
            base.host, names["reserve"], names["rk_app"])
        dialog.password.setText(password)
        click(dialog, "保存")

    monkeypatch.delenv("RESERVE_KEEPER_DB", raising=False)
    asked = on_modal(ServerSettingsDialog, type_password)
    start_url = desktop_app.choose_database(None)
    assert asked and make_url(start_url).password == password and make_url(start_url).database == names["reserve"]
    assert make_url(temp_settings.get(SERVER_URL)).password is None

    # 3. two keepers issue the same batch at once: the later one is refused, with what is left
    app_url = server_url(str(base), names["rk_app"], names["reserve"])
    first_pc, second_pc = open_database(app_url), open_database(app_url)
    try:
        setup = make_ctx(first_pc, Actor(None, "admin", Role.ADMIN))
        county = factories.build_county(setup)
        receive(setup, county.county_store, [ReceiptLine(county.bags, 100, batch_no="B-2026")])
        barrier = threading.Barrier(2)
        outcomes: list[object] = []

        def keeper(database: Database, receiver: str) -> None:
            ctx = make_ctx(database, Actor(None, "admin", Role.ADMIN))
            barrier.wait()
            try:
                outcomes.append(issue(ctx, county.county_store, [IssueLine(county.bags, 60, batch_no="B-2026")],
                                      receiver=receiver))
            except DomainError as refused:
                outcomes.append(refused)

        threads = [threading.Thread(target=keeper, args=(db_, name))
                   for db_, name in ((first_pc, "城关镇"), (second_pc, "河口镇"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        refusals = [o for o in outcomes if isinstance(o, DomainError)]
        assert len(outcomes) == 2 and len(refusals) == 1, outcomes
        assert "40" in refusals[0].message and "不足 60" in refusals[0].message, refusals[0].message
        with first_pc.read() as session:
            on_hand = session.scalar(select(func.sum(Balance.quantity)))
            negative = session.scalar(select(func.count()).select_from(Balance).where(Balance.quantity < 0))
        assert on_hand == Decimal(40) and negative == 0
        assert verify(first_pc).ok
    finally:
        first_pc.dispose()
        second_pc.dispose()


# --- 14. 出现问题时 -------------------------------------------------------------------------------
PROGRAM_LOG_FOLDER = logging_setup.log_folder  # before a test points it at a temporary folder


@pytest.fixture
def log_in_tmp(tmp_path, monkeypatch):
    folder = tmp_path / "ReserveKeeper" / "logs"
    monkeypatch.setattr(logging_setup, "log_folder", lambda: folder)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    logging_setup.setup_logging(folder)
    yield folder
    logging_setup.shutdown_logging()
    for handler in [h for h in root.handlers if h not in before]:  # the console handler it added
        root.removeHandler(handler)
    root.setLevel(level)


@OFFSCREEN
def test_ch14_unexpected_error_dialog_and_log(qtbot, log_in_tmp, monkeypatch):
    text_ = chapter(14)
    assert "储备管家 · 意外错误" in text_ and "打开日志文件夹" in bold(text_) and "reserve-keeper.log" in text_
    opened_folders: list = []
    monkeypatch.setattr(error_handler, "open_log_folder", lambda folder=None: opened_folders.append(folder) or True)
    reporter = error_handler.ErrorReporter().install()
    seen: list[tuple[str, str, list[str]]] = []

    def read_and_open_log(box: QMessageBox) -> None:
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        click(box, "打开日志文件夹")

    on_modal(QMessageBox, read_and_open_log)
    try:
        url = "postgresql+psycopg://rk_app:Top-Secret-99@127.0.0.1:1/reserve"  # nothing listens on port 1
        try:
            try:
                open_database(url)
            except DomainError as cause:
                raise RuntimeError(f"connect to {url} failed, password=Top-Secret-99") from cause
        except RuntimeError:  # the exception the program did not expect
            sys.excepthook(*sys.exc_info())
    finally:
        reporter.uninstall()
    assert seen, "no error dialog"
    title, message, buttons = seen[0]
    assert title == "储备管家 · 意外错误"
    assert "可能没有完成" in message and "已保存的数据不受影响" in message and "reserve-keeper.log" in message
    assert "Top-Secret-99" not in message
    assert "打开日志文件夹" in [b.replace("&", "") for b in buttons]
    assert opened_folders == [log_in_tmp]
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = (log_in_tmp / "reserve-keeper.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log_text and "unexpected exception" in log_text
    assert "Top-Secret-99" not in log_text and "***" in log_text


@OFFSCREEN
def test_ch14_about_shows_the_log_folder(qtbot, log_in_tmp, demo_db, answers, monkeypatch):
    text_ = chapter(14)
    assert "帮助 → 关于储备管家" in text_ and r"%LOCALAPPDATA%\ReserveKeeper\logs" in text_
    # where the program puts its log on a Windows PC (platformdirs as it runs there)
    import platformdirs
    import platformdirs.windows

    local = r"C:\Users\wang\AppData\Local"
    with monkeypatch.context() as windows:
        windows.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
        windows.setattr(platformdirs.windows, "get_win_folder", lambda csidl: {"CSIDL_LOCAL_APPDATA": local}[csidl])
        on_windows = PureWindowsPath(str(PROGRAM_LOG_FOLDER()).replace("/", "\\"))
    assert on_windows == PureWindowsPath(local) / "ReserveKeeper" / "logs", on_windows
    window = log_in(qtbot, demo_db, "admin", ADMIN_PASSWORD)
    shown: list[str] = []
    opened = on_modal(AboutDialog, lambda dialog: shown.append(dialog.log_label.text()))
    menu_action(window, "帮助", "关于储备管家").trigger()
    window.close()
    assert opened and shown == [str(log_in_tmp)]


@OFFSCREEN
@pytest.mark.parametrize("kind", ["foreign", "corrupt", "server"])
def test_ch14_database_that_cannot_be_opened(qtbot, kind, tmp_path, demo_template, answers, monkeypatch):
    """Started on a file that is not a ReserveKeeper database, a damaged file or a server that does not
    answer: the program names what it could not open and why, and ends without a crash."""
    text_ = chapter(14)
    assert "不是储备管家数据库" in text_ and "文件是否完整" in text_ and "服务器是否可达" in text_
    path = tmp_path / "储备台账.db"
    if kind == "foreign":
        path.write_text("这是一份 Word 文档，不是数据库。\n" * 50, encoding="utf-8")
        target = str(path)
    elif kind == "corrupt":
        data = bytearray(demo_template.read_bytes())
        data[100:len(data) // 2] = b"\xff" * (len(data) // 2 - 100)  # header kept, pages overwritten
        path.write_bytes(bytes(data))
        target = str(path)
    else:  # nothing listens on port 1
        target = "postgresql+psycopg://rk_app:Top-Secret-99@127.0.0.1:1/reserve"
    monkeypatch.setattr(desktop_app, "teardown_diagnostics", lambda: None)
    monkeypatch.setattr(desktop_app, "setup_diagnostics", lambda: None)
    assert desktop_app.main([], db=target) == 2
    errors = [m for m in answers.messages if m[0] == "error"]
    assert len(errors) == 1 and errors[0][1] == "无法打开数据库", answers.messages
    reason = errors[0][2]
    assert "Top-Secret-99" not in reason
    if kind == "foreign":
        assert str(path) in reason and "不是储备管家数据库" in reason and "从备份恢复" in reason, reason
    elif kind == "corrupt":
        assert str(path) in reason and "文件是否完整" in reason and "从备份恢复" in reason, reason
    else:
        assert "127.0.0.1:1/reserve" in reason and "服务器是否可达" in reason, reason


@OFFSCREEN
def test_ch14_switch_language(qtbot, demo_db, answers, temp_settings):
    text_ = chapter(14)
    assert "设置 → 语言 / Language" in text_
    def sign_in(dialog: LoginDialog) -> None:
        dialog.username.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        click(dialog, "登录")

    on_modal(LoginDialog, sign_in)
    shell = desktop_app.start(demo_db)  # as the program starts: the shell rebuilds its window per language
    assert shell is not None
    window = shell.window
    qtbot.addWidget(window)
    settle(qtbot)
    assert "设置 → 语言 / Language" in bold(text_)
    language_menu = menu_action(window, "设置", "语言 / Language").menu()
    english = [a for a in language_menu.actions() if a.text() == "English"]
    assert english, [a.text() for a in language_menu.actions()]
    try:
        english[0].trigger()
        settle(qtbot)
        assert temp_settings.get(app_settings.LANGUAGE) == "en"
        assert shell.window is not window
        titles = [a.text().replace("&", "") for a in shell.window.menuBar().actions()]
        assert any(t.startswith("Settings") for t in titles) and any(t.startswith("Help") for t in titles), titles
        english_manual = EN_MANUAL.read_text(encoding="utf-8")
        for menu, entry in (("Settings", "Server connection…"), ("Help", "About ReserveKeeper")):
            assert f"**{menu} → {entry}**" in english_manual, entry
            menu_action(shell.window, menu, entry)
        back = [a for a in menu_action(shell.window, "Settings", "Language / 语言").menu().actions()
                if a.text() == "中文（简体）"]
        back[0].trigger()
        settle(qtbot)
        titles = [a.text().replace("&", "") for a in shell.window.menuBar().actions()]
        assert any(t.startswith("设置") for t in titles), titles
    finally:
        from desktop import i18n

        i18n.install_language("zh_CN")
        shell.window.close()
