"""Cold start of the desktop program to a usable main window, and to the first paint of the stock view.

Each run is a fresh ``python -m benchmarks.desktop_probe`` process (offscreen, signed in as the
administrator without the login dialog, fresh settings so it opens on the default first view): the
time is from launching the process to the main window's first view painted, then to the stock view
painted. Python, PySide6 and the models are imported inside that time.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.core import Bench, Result

NAME = "desktop_start"
ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 900


def probe(bench: Bench, views: list[str], timeout: float = TIMEOUT, *, settle: bool = False) -> tuple[float, list[dict]]:
    """Launch the probe; (seconds from launch to exit or timeout, its JSON events). ``settle``: each view's
    pool work is finished before the next view opens (``desktop_probe --settle``)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="rk-bench-cfg-"),
               PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.desktop_probe", bench.url, "--views", *views,
                                *(["--settle"] if settle else [])],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    events = []
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
    for line in out.splitlines():
        if line.startswith("{"):
            events.append(json.loads(line))
    return time.perf_counter() - started, events


def run(bench: Bench) -> list[Result]:
    windows, figures, stocks, first_views = [], [], [], set()
    runs = max(3, bench.repeat // 3)
    for _ in range(runs):
        _elapsed, events = probe(bench, ["stock"])
        for event in events:
            if event["event"] == "window":
                windows.append(event["t"] * 1000)
                first_views.add(event.get("key"))
            elif event["event"] == "figures":
                figures.append(event["t"] * 1000)
            elif event["event"] == "view" and event["key"] == "stock":
                stocks.append(event["t"] * 1000)
        if not stocks or stocks[-1] > 60_000:  # a stock view that takes minutes: one run tells the story
            break
    results = [Result("desktop cold start to usable main window", statistics.median(windows) if windows else None,
                      2000, runs=len(windows),
                      note=f"opens on view {', '.join(sorted(map(str, first_views)))}; launch to first paint")]
    if figures:
        results.append(Result("desktop cold start to home figures and alerts shown", statistics.median(figures),
                              None, runs=len(figures), note="counted on pool threads; the window is usable meanwhile"))
    results.append(Result("desktop cold start to stock view painted", statistics.median(stocks) if stocks else None,
                          2000, runs=len(stocks),
                          note="" if stocks else f"did not finish within {TIMEOUT} s"))
    return results
