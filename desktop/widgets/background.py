"""Work that takes more than a moment, run on the global QThreadPool so the window stays usable.

``PoolCall(function, generation)`` calls ``function()`` on a pool thread and emits
``signals.done(generation, result, error)`` back on the thread that created it (the UI thread): ``result``
is the return value (None after an exception), ``error`` the exception's message ("" when none). The
function must touch no widget; it reads through a ServiceContext, whose ``read()``/``write()`` open a
session of their own, so the pool thread never shares one with the UI. ``generation`` lets the
receiver drop an answer a newer request has overtaken. Tests and screenshots wait for the pool with
``QThreadPool.globalInstance().waitForDone()`` (see ``wait_until``).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal

from models.errors import DomainError


class _Signals(QObject):
    done = Signal(int, object, str)  # generation, result, error message


class PoolCall(QRunnable):
    """One call of ``function`` on a pool thread; connect ``signals.done`` before ``start``."""

    def __init__(self, function: Callable[[], Any], generation: int = 0) -> None:
        super().__init__()
        self.function, self.generation = function, generation
        self.signals = _Signals()

    def run(self) -> None:
        result, error = None, ""
        try:
            result = self.function()
        except DomainError as exc:
            error = exc.message
        except Exception as exc:  # noqa: BLE001 - shown by the receiver rather than lost on a thread
            error = str(exc) or type(exc).__name__
        self.signals.done.emit(self.generation, result, error)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)


def wait_until(ready: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    """Process events until ``ready()`` (a pool call's answer has been shown) or the timeout."""
    deadline = QDeadlineTimer(timeout_ms)
    while not ready() and not deadline.hasExpired():
        QThreadPool.globalInstance().waitForDone(50)
        QCoreApplication.processEvents()
