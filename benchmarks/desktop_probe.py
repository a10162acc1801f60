"""Run in a subprocess by benchmarks/ops/desktop_*.py: start the desktop program on a database,
signed in as the administrator (no login dialog), offscreen, and report as JSON lines on stdout:

- ``{"event": "window", "t": ...}`` when the main window has painted its first view;
- ``{"event": "figures", "t": ...}`` when that view (home) had filled in what it counts on pool threads
  (reported at the end);
- ``{"event": "view", "key": ..., "t": ..., "rss_mb": ...}`` after each view asked for is built,
  shown and painted (``t`` seconds since the process started; ``rss_mb`` the peak resident set);
- with ``--settle``, ``{"event": "settled", "key": ..., ...}`` after the window and after each view, once
  what they compute on pool threads has been computed and shown: the next view then opens on its own,
  and the peak memory includes those results.

    python -m benchmarks.desktop_probe DB [--views stock ledger ...] [--settle]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()
CPU_STARTED = time.process_time()

import argparse  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12 on Python 3.11 drops one reference to None per QListWidget.addItem, per QListWidgetItem /
# QTreeWidgetItem setter after the first (setData, tooltip, icon, flags) and per currentItem() that returns
# no item (a shiboken refcount bug; None is immortal only from Python 3.12). The alerts panel and the
# navigation tree (a model since issue 10's start-up work) no longer make those calls, but views opened
# one after the other without returning to the event loop (where desktop/refcount_guard.py tops the
# counts up) still could make enough of them to abort the process ("none_dealloc"). Holding extra
# references lets everything be measured; RESULTS.md reports the bug. The list costs 16 MB of the figures.
NONE_PIN = [None, True, False] * 700_000  # every Python signal emit drops a reference to True as well
# the pin is the probe's, not the program's: keep the collector from walking its 2.1 million slots at
# every full collection (up to ~0.15 s, landing in whichever view happened to be opening)
gc.freeze()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(**data) -> None:
    # cpu: this process's CPU seconds (every thread), for comparing runs on a loaded machine
    print(json.dumps({**data, "t": time.perf_counter() - STARTED, "cpu": time.process_time() - CPU_STARTED, "rss_mb": peak_mb()}),
          flush=True)


def admin_context(db):
    """Signed in as the generated database's administrator. (``benchmarks.generate.admin_context`` would
    import the generator and the demo catalogue, which the program itself never loads: 40 ms.)"""
    from sqlalchemy import select

    from models.context import ServiceContext
    from models.schema.users import User
    from models.services.users import actor_for

    with db.read() as session:
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        return ServiceContext(db, actor_for(admin), machine="bench")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--views", nargs="*", default=[])
    parser.add_argument("--settle", action="store_true", help="wait for each view's pool work before the next")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer

    from desktop.app import create_application
    from desktop.context import DesktopContext
    from desktop.main_window import MainWindow
    from models.migrate import open_database

    app = create_application([])
    db = open_database(args.db)
    window = MainWindow(DesktopContext(admin_context(db)))

    def show_and_paint(widget) -> None:
        # shown, pending events handled, then painted synchronously: what the user first sees
        window.show()
        app.processEvents()
        widget.repaint()
        app.processEvents()

    def settle(key: str) -> None:
        # pool work done and its answers delivered (an answer may start more work: a few rounds)
        pool = QThreadPool.globalInstance()
        for _ in range(50):
            pool.waitForDone(600_000)
            QCoreApplication.processEvents()
            if pool.activeThreadCount() == 0:
                break
        emit(event="settled", key=key)

    show_and_paint(window.stack.currentWidget() or window)
    emit(event="window", key=window.current_key)
    # the home view counts its figures and alerts on pool threads: note when both are shown, without
    # holding up the views asked for (a timer looks whenever the event loop runs)
    first, first_key, shown_at = window.stack.currentWidget(), window.current_key, []

    def figures_shown() -> bool:
        return first.figures_ready and (first.alerts is None or first.alerts.ready)

    def look() -> None:
        if not shown_at and figures_shown():
            shown_at.append(time.perf_counter() - STARTED)

    timer = QTimer()
    timer.timeout.connect(look)
    if hasattr(first, "wait_for_figures"):
        timer.start(10)
    if args.settle:
        settle(first_key)
        look()
    for key in args.views:
        if not window.show_view(key):
            emit(event="view", key=key, missing=True)
            continue
        show_and_paint(window.views[key])
        emit(event="view", key=key)
        if args.settle:
            settle(key)
    if hasattr(first, "wait_for_figures"):
        first.wait_for_figures(600_000)
        look()
        if shown_at:
            print(json.dumps({"event": "figures", "key": first_key, "t": shown_at[0]}), flush=True)
    db.dispose()
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash tearing widgets down at exit; everything is reported


if __name__ == "__main__":
    main()
