"""Unexpected exceptions: written to the log with their traceback, then a short message to the user.

``install()`` replaces ``sys.excepthook`` (exceptions in Qt slots and the main thread) and
``threading.excepthook`` (worker threads). The user sees one dialog saying something went wrong,
that the details are in the log, and a button that opens the log folder. The program keeps
running: an error never ends it silently. Domain errors are not "unexpected": screens show those.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import Shiboken

from desktop import logging_setup

log = logging.getLogger("reserve_keeper.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def short_message(exc: BaseException) -> str:
    """What the user reads: calm, short, in Chinese; the details are in the log."""
    what = f"{exc.__class__.__name__}: {logging_setup.redact(str(exc))}"[:300]
    return QCoreApplication.translate("error_handler", "程序遇到了一个意外错误，刚才的操作可能没有完成。已保存的数据不受影响。\n\n错误详情已写入日志文件。如需帮助，请把日志文件夹中的 reserve-keeper.log 发给技术支持人员。\n\n（%1）").replace("%1", what)  # noqa: E501 - lupdate needs one literal


_open_box: QMessageBox | None = None


def show_error_dialog(parent: QWidget | None, message: str, folder: Path) -> None:
    """The dialog: the message, 打开日志文件夹 and 关闭. Tests replace this function.

    While the program's event loop runs the dialog is opened without a nested loop (the program
    goes on; a second error while it is open is only logged). Before or after the loop, e.g. an
    error that ends start-up, it blocks so the user reads it before the program exits.
    """
    global _open_box
    if _open_box is not None and Shiboken.isValid(_open_box) and _open_box.isVisible():
        return
    _open_box = None  # closed earlier: deleted on close, so only the reference was left
    box = QMessageBox(QMessageBox.Critical, QCoreApplication.translate("error_handler", "储备管家 · 意外错误"), message,
                      QMessageBox.NoButton, parent)
    open_button = box.addButton(QCoreApplication.translate("error_handler", "打开日志文件夹"), QMessageBox.ActionRole)
    box.addButton(QCoreApplication.translate("error_handler", "关闭"), QMessageBox.RejectRole)
    box.buttonClicked.connect(lambda button: open_log_folder(folder) if button is open_button else None)
    if QThread.currentThread().loopLevel() > 0:
        box.setAttribute(Qt.WA_DeleteOnClose)
        _open_box = box
        box.open()
    else:
        box.exec()


def open_log_folder(folder: Path | None = None) -> bool:
    folder = folder or logging_setup.log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ErrorReporter(QObject):
    """Logs every unexpected exception and shows the dialog on the GUI thread, one at a time."""

    _report = Signal(str)  # queued to the GUI thread when raised elsewhere

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self.parent_widget = parent_widget
        self.dialog: Callable[[QWidget | None, str, Path], None] = show_error_dialog
        self._showing = False
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        self._report.connect(self._show)

    def install(self) -> "ErrorReporter":
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous_hooks

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hooks[0](exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb), threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.report((args.exc_type, args.exc_value, args.exc_traceback),
                    args.thread.name if args.thread else "thread")

    def report(self, exc_info: ExcInfo, where: str) -> None:
        try:
            log.critical("unexpected exception in %s", where, exc_info=exc_info)
        except Exception:  # the log itself failed (disk full): still tell the user
            traceback.print_exception(*exc_info)
        message = short_message(exc_info[1])
        app = QApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is app.thread():
            self._show(message)
        else:
            self._report.emit(message)

    @Slot(str)
    def _show(self, message: str) -> None:
        if self._showing:  # an error while the dialog is open: it is logged, one dialog is enough
            return
        self._showing = True
        try:
            self.dialog(self.parent_widget(), message, logging_setup.log_folder()
                        if logging_setup.log_file() is None else logging_setup.log_file().parent)
        except Exception:
            log.exception("could not show the error dialog")
        finally:
            self._showing = False


_reporter: ErrorReporter | None = None


def install(parent_widget: Callable[[], QWidget | None] = lambda: None) -> ErrorReporter:
    """Install the hooks once (call after the QApplication exists); returns the reporter."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter(parent_widget).install()
    else:
        _reporter.parent_widget = parent_widget
    return _reporter


def uninstall() -> None:
    """Give the previous hooks back (the program's main() does this when it returns)."""
    global _reporter
    if _reporter is not None:
        _reporter.uninstall()
        _reporter = None


def active_window() -> QWidget | None:
    return QApplication.activeWindow()
