"""The program survives PySide6 6.12's lost references to None on Python 3.11.

Ten thousand ``processEvents()`` calls aborted the interpreter ("none_dealloc") before the guard;
the program's own progress dialogs and workers make such calls all day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer

from desktop import refcount_guard
from desktop.app import create_application


def test_the_application_starts_the_guard():
    app = create_application([])
    timers = app.findChildren(QTimer, "refcount_guard")
    assert len(timers) == 1 and timers[0].isActive()
    create_application([])  # a second call does not start a second guard
    assert len(app.findChildren(QTimer, "refcount_guard")) == 1


def test_top_up_adds_references_when_they_run_low():
    before = sys.getrefcount(None)
    added = refcount_guard.top_up(floor=before + 10, amount=1000)
    if not refcount_guard.ACTIVE:
        assert added == 0
    else:
        assert added >= 1000 and sys.getrefcount(None) >= before + 1000
    assert refcount_guard.top_up(floor=0) == 0  # nothing low: nothing added


def test_many_event_loop_turns_do_not_abort_the_interpreter():
    create_application([])
    for _ in range(30_000):
        QCoreApplication.processEvents()
        if _ % 5000 == 0:
            refcount_guard.top_up()  # what the guard's timer does every few seconds
    assert sys.getrefcount(None) > 0
