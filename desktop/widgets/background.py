"""Work that takes more than a moment, run on the global QThreadPool so the window stays usable.

``PoolCall(function, generation)`` calls ``function()`` on a pool thread and emits
``signals.done(generation, result, error)`` back on the thread that created it (the UI thread): ``result``
is the return value (None after an exception), ``error`` the exception's message ("" when none). The
function must touch no widget; it reads through a ServiceContext, whose ``read()``/``write()`` open a
session of their own, so the pool thread never shares one with the UI. ``generation`` lets the
receiver drop an answer a newer request has overtaken; ``LatestCall`` does that bookkeeping for a series
of calls whose answers replace each other (a view's refresh). Tests and screenshots wait for the pool
with ``QThreadPool.globalInstance().waitForDone()`` (see ``wait_until``).
"""

from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from models.errors import DomainError


class _Signals(QObject):
    done = Signal(int, object, str)  # generation, result, error message


_RUNNING: set["PoolCall"] = set()  # started and not yet answered: kept alive here, released on the UI thread


class PoolCall(QRunnable):
    """One call of ``function`` on a pool thread; connect ``signals.done`` before ``start``.

    The pool does not delete it (``autoDelete`` off): it stays in ``_RUNNING`` until its answer has
    reached the receivers, and is then released on the UI thread, so its signals object is never
    destroyed on the pool thread while its queued answer is still on the way."""

    def __init__(self, function: Callable[[], Any], generation: int = 0) -> None:
        super().__init__()
        self.setAutoDelete(False)
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
        # connected last, so it runs after the receivers connected before
        self.signals.done.connect(self._answered)
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(self)

    def _answered(self, *_answer) -> None:
        _RUNNING.discard(self)


class LatestCall(QObject):
    """The newest of a series of pool calls whose answers replace each other (a view's refresh, a
    recount): each ``start(function)`` overtakes the calls before it, whose answers are dropped, and
    ``show(result, error)`` receives the newest call's answer on the UI thread. ``ready`` is False from
    the first ``start`` until the newest answer has been shown (or ``drop`` was called); ``wait``
    blocks until then (tests, screenshots). A child of the widget showing the answers, so an answer
    arriving after the widget is gone reaches nothing."""

    def __init__(self, show: Callable[[Any, str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._show = show
        self.started = 0  # calls started so far; the newest one's answer is the one shown
        self.ready = False

    def start(self, function: Callable[[], Any]) -> None:
        self.started += 1
        self.ready = False
        call = PoolCall(function, self.started)
        call.signals.done.connect(self._answered)
        call.start()

    def drop(self) -> None:
        """Drop the answer on its way (the caller has answered on the UI thread instead)."""
        self.started += 1
        self.ready = True

    def wait(self, timeout_ms: int = 30_000) -> None:
        wait_until(lambda: self.ready, timeout_ms)

    def _answered(self, generation: int, result: Any, error: str) -> None:
        if generation != self.started:
            return  # a newer call is on its way
        self.ready = True
        self._show(result, error)


def wait_until(ready: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    """Block until ``ready()`` (a pool call's answer has been shown) or the timeout: wait for the pool to
    finish, then let the UI thread deliver the answers.

    ``processEvents`` is called once per round, not in a polling loop: with PySide6 6.12 on Python 3.11
    each call drops a reference to ``None`` (as ``QThreadPool.start``, ``setAutoDelete`` and every signal
    emit drop one to ``None`` or ``True``; ``None`` is immortal only from Python 3.12)."""
    deadline = time.monotonic() + timeout_ms / 1000
    pool = QThreadPool.globalInstance()
    while not ready():
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if not pool.waitForDone(int(min(left, 0.2) * 1000)):
            continue  # still working: no events to deliver yet
        QCoreApplication.processEvents()
        if not ready():
            time.sleep(0.01)  # an answer that starts another call (a newer refresh) needs another round
