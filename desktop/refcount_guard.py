"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 drops a reference to ``None`` on some calls from Python into Qt (``processEvents()``,
``QThreadPool.start()``, item setters) and to ``True`` on signal emits. On Python 3.11 these objects
are ordinary, so after some thousands of such calls the interpreter aborts ("none_dealloc"): ten
thousand ``processEvents()`` calls are enough in isolation. Python 3.12 made them immortal. Until
the program runs on 3.12 or a PySide6 without the bug, this module adds references that nothing
owns (so nothing ever gives them back, not even at interpreter exit, where a list of spare references
being freed would itself bring the count to zero) whenever the count runs low, checked every few
seconds. CPython before 3.12 only: the reference count is the object's first field there.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

FLOOR = 200_000  # top up when fewer references than this remain
TOP_UP = 1_000_000  # references added per object each time (no memory: a counter)
CHECK_MS = 2_000
ACTIVE = sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def top_up(floor: int = FLOOR, amount: int = TOP_UP) -> int:
    """Add ``amount`` references to each of None/True/False whose count is below ``floor``."""
    if not ACTIVE:
        return 0  # immortal objects (3.12+): nothing can run out
    added = 0
    for obj in (None, True, False):
        if sys.getrefcount(obj) < floor:
            ctypes.c_ssize_t.from_address(id(obj)).value += amount
            added += amount
    return added


def start(parent: QObject) -> QTimer:
    """Pin now and check again every ``CHECK_MS`` while ``parent`` (the application) lives."""
    top_up()
    timer = QTimer(parent)
    timer.setObjectName("refcount_guard")
    timer.timeout.connect(top_up)
    timer.start(CHECK_MS)
    return timer
