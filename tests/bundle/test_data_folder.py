"""First start: the data-folder question, asked once, remembered, and overridden by --db / the env."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QSettings

from desktop import settings as app_settings
from desktop.dialogs import data_folder_dialog as dfd

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def first_start(tmp_path, monkeypatch, qapp):
    app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)))
    monkeypatch.delenv("RESERVE_KEEPER_DB", raising=False)
    monkeypatch.setattr(dfd, "default_data_dir", lambda: tmp_path / "default")
    monkeypatch.setattr(dfd, "_server_mode", lambda: False)
    asked = []

    def answer(default_folder, parent=None):
        asked.append(default_folder)
        return answer.folder

    answer.folder = tmp_path / "D-drive" / "储备数据"
    monkeypatch.setattr(dfd.DataFolderDialog, "ask", classmethod(lambda cls, d, p=None: answer(d, p)))
    yield answer, asked
    app_settings.install(None)


def test_first_start_asks_once_and_remembers_the_folder(first_start, tmp_path):
    answer, asked = first_start
    chosen = dfd.database_to_open(None)
    assert chosen == str(answer.folder / "reserve.db")
    assert dfd.database_to_open(None) == chosen
    assert asked == [tmp_path / "default"]


def test_default_folder_opens_the_default_database(first_start, tmp_path):
    answer, asked = first_start
    answer.folder = tmp_path / "default"
    assert dfd.database_to_open(None) is None
    assert app_settings.current().get(dfd.DATA_FOLDER) == str(tmp_path / "default")


def test_declining_ends_without_a_database(first_start):
    answer, asked = first_start
    answer.folder = None
    with pytest.raises(dfd.Cancelled):
        dfd.database_to_open(None)


def test_db_option_env_and_existing_install_are_not_asked(first_start, tmp_path, monkeypatch):
    answer, asked = first_start
    assert dfd.database_to_open("/x/county.db") == "/x/county.db"
    monkeypatch.setenv("RESERVE_KEEPER_DB", "/y/county.db")
    assert dfd.database_to_open(None) is None  # resolve_url reads the environment itself
    monkeypatch.delenv("RESERVE_KEEPER_DB")
    (tmp_path / "default").mkdir()
    (tmp_path / "default" / "reserve.db").write_bytes(b"")
    assert dfd.database_to_open(None) is None
    assert asked == []


def test_dialog_refuses_an_empty_or_unwritable_folder(qtbot, tmp_path):
    dialog = dfd.DataFolderDialog(tmp_path / "default")
    qtbot.addWidget(dialog)
    dialog.other_choice.setChecked(True)
    dialog.accept()
    assert dialog.result() != dfd.QDialog.Accepted
    assert dialog.error_label.text() == "请填写或选择一个文件夹。"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog.folder_edit.setText(str(blocker / "sub"))
    dialog.accept()
    assert "不能在这个文件夹中保存数据" in dialog.error_label.text()
    dialog.folder_edit.setText(str(tmp_path / "good"))
    dialog.accept()
    assert dialog.result() == dfd.QDialog.Accepted and dialog.chosen_folder() == tmp_path / "good"
