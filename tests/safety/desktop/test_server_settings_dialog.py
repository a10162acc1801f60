"""Server settings dialog: unreachable server → clear message and nothing lost; a working server is
saved without its password."""

from __future__ import annotations

import socket

from sqlalchemy.engine import make_url

from desktop.dialogs.server_settings_dialog import ServerSettingsDialog, saved_server_url, with_password
from models.services.server_connection import ServerSettings, check_connection


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_server_keeps_what_was_typed(qtbot, temp_settings):
    dialog = ServerSettingsDialog()
    qtbot.addWidget(dialog)
    port = free_port()
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    dialog.database.setText("储备")
    dialog.user.setText("rk_app")
    dialog.password.setText("secret-pw")
    dialog.save()
    assert not dialog.last_check.ok and "拒绝连接" in dialog.result_label.text()
    assert dialog.result() == 0 and saved_server_url() == ""  # not saved, still open
    assert (dialog.host.text(), dialog.port.value(), dialog.password.text()) == ("127.0.0.1", port, "secret-pw")
    dialog.grab().save("/tmp/h8_server_dialog.png")
    dialog.host.setText("no-such-host.invalid")
    assert "找不到服务器" in dialog.run_test().message
    dialog.host.setText("")
    assert "服务器地址不能为空" in dialog.run_test().message


def test_working_server_is_saved_without_password(qtbot, temp_settings, postgres_url):
    url = make_url(postgres_url)
    dialog = ServerSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText(url.host)
    dialog.port.setValue(url.port)
    dialog.database.setText(url.database)
    dialog.user.setText(url.username)
    dialog.password.setText("typed-password-123")
    dialog.save()
    assert dialog.last_check.ok and "储备管家数据库" in dialog.last_check.message
    saved = saved_server_url()
    assert saved and "typed-password-123" not in saved
    temp_settings.sync()
    assert "typed-password-123" not in open(temp_settings.file_name(), encoding="utf-8").read()
    assert make_url(with_password(saved, "pw")).password == "pw"
    again = ServerSettingsDialog()
    qtbot.addWidget(again)
    assert (again.host.text(), again.database.text(), again.password.text()) == (url.host, url.database, "")


def test_wrong_database_and_round_trip(postgres_url):
    url = make_url(postgres_url)
    settings = ServerSettings(url.host, url.port, "rk_no_such_db", url.username)
    assert "没有名为“rk_no_such_db”的数据库" in check_connection(settings).message
    assert ServerSettings.from_url(settings.url()) == settings
