"""A second unexpected error, after the first error dialog was closed, still gets its dialog.

The non-blocking dialog deletes itself on close; the handler kept a reference to it and asked the
deleted box whether it was visible, so the second report died in the handler itself (found by the
whole suite: an earlier test's closed dialog broke a later test's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox

from desktop import error_handler


def test_a_closed_dialog_does_not_stop_the_next_one(qtbot, monkeypatch, tmp_path):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    first = QMessageBox(QMessageBox.Critical, "储备管家 · 意外错误", "first")
    first.setAttribute(Qt.WA_DeleteOnClose)
    monkeypatch.setattr(error_handler, "_open_box", first)
    first.show()
    first.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # gone, as after the user closed it
    error_handler.show_error_dialog(None, "second", tmp_path)
    assert shown == ["second"]
