"""desktop/widgets/background.LatestCall: only the newest call's answer is shown."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from desktop.widgets.background import LatestCall


def test_an_overtaken_answer_is_dropped(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    shown: list[tuple] = []
    latest = LatestCall(lambda result, error: shown.append((result, error)), owner)
    assert not latest.ready and latest.started == 0
    release = threading.Event()
    latest.start(lambda: release.wait(30) and "old")
    latest.start(lambda: "new")
    release.set()
    latest.wait()
    assert latest.ready and latest.started == 2
    assert shown == [("new", "")]  # the first call's answer came too, and was dropped


def test_drop_and_error(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    shown: list[tuple] = []
    latest = LatestCall(lambda result, error: shown.append((result, error)), owner)
    latest.start(lambda: "late")
    latest.drop()  # answered on the UI thread instead
    assert latest.ready
    latest.wait()
    qtbot.wait(20)
    latest.start(lambda: 1 / 0)
    latest.wait()
    assert shown == [(None, "division by zero")]
