"""First-run plumbing of the installed program: the rotating log (no passwords), the error dialog for
unexpected exceptions (main thread and worker threads), and the About dialog."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from desktop import error_handler, logging_setup
from desktop.dialogs.about_dialog import AboutDialog
from models import __version__

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def log_dir(tmp_path):
    file = logging_setup.setup_logging(tmp_path / "logs")
    yield file.parent
    logging_setup.shutdown_logging()


@pytest.fixture
def reporter(log_dir, qapp):
    shown: list[tuple[str, object]] = []
    reporter = error_handler.ErrorReporter()
    reporter.dialog = lambda parent, message, folder: shown.append((message, folder))
    reporter.install()
    reporter.shown = shown
    yield reporter
    reporter.uninstall()


def log_text(folder) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / logging_setup.LOG_FILE).read_text(encoding="utf-8")


def test_log_file_rotates_in_the_given_folder_and_hides_passwords(log_dir):
    logging.getLogger("test").info("connecting to postgresql+psycopg://rk:S3cret!@db.local/rk")
    logging.getLogger("test").warning("login failed, password=hunter22 user=keeper")
    text = log_text(log_dir)
    assert "db.local" in text and "user=keeper" in text
    assert "S3cret!" not in text and "hunter22" not in text
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler))
    assert handler.maxBytes == logging_setup.MAX_BYTES and handler.backupCount == logging_setup.BACKUP_COUNT


def test_setup_twice_keeps_one_file_handler(log_dir):
    logging_setup.setup_logging(log_dir)
    files = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(files) == 1


def test_unexpected_exception_is_logged_with_traceback_and_shown(reporter, log_dir):
    def deep_failure():
        raise RuntimeError("boom in the receipt dialog")

    try:
        deep_failure()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text = log_text(log_dir)
    assert "Traceback" in text and "deep_failure" in text and "boom in the receipt dialog" in text
    assert len(reporter.shown) == 1
    message, folder = reporter.shown[0]
    assert "意外错误" in message and "日志" in message and folder == log_dir


def test_worker_thread_exception_reaches_the_dialog_on_the_gui_thread(reporter, log_dir, qtbot):
    def work():
        raise ValueError("worker failed")

    thread = threading.Thread(target=work, name="import-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(reporter.shown) == 1)
    assert "import-worker" in log_text(log_dir) and "worker failed" in reporter.shown[0][0]


def test_exception_in_a_qt_slot_does_not_end_the_program(reporter, qtbot):
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(reporter.shown) == 1)
    assert "ZeroDivisionError" in reporter.shown[0][0]


def test_about_dialog_shows_version_and_database(qtbot, db, log_dir):
    dialog = AboutDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == __version__
    assert dialog.database_label.text() == db.describe()
    assert dialog.log_label.text() == str(log_dir)
    assert dialog.open_data_button.isEnabled() == db.is_sqlite


def test_real_dialog_inside_the_event_loop_does_not_block_and_opens_the_log_folder(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    opened = []
    monkeypatch.setattr(error_handler, "open_log_folder", lambda folder=None: opened.append(folder))
    loop = QEventLoop()
    seen = []

    def raise_inside_loop():
        error_handler.show_error_dialog(None, error_handler.short_message(KeyError("x")), tmp_path)
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        seen.extend(box.text() for box in boxes)  # reached: show_error_dialog returned while the box is open
        next(b for b in boxes[0].buttons() if b.text() == "打开日志文件夹").click()
        loop.quit()

    QTimer.singleShot(0, raise_inside_loop)
    QTimer.singleShot(5000, loop.quit)  # a safety net, never a hang
    loop.exec()
    assert len(seen) == 1 and "KeyError" in seen[0]
    assert opened == [tmp_path]
