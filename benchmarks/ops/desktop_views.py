"""Opening each view of the desktop program for the first time, in one process: "any view's first
page < 200 ms" (issue 10) for every screen, not only the stock and ledger pages measured alone.

Each run is one ``benchmarks.desktop_probe --settle`` process that opens the views in the menu's order; a
view's time is from the moment the previous one had finished its pool work (the home view's figures and
alerts first) to this one built, shown and painted, so each view is measured on its own. It includes
importing the view's module (views are imported when first opened) and its first query; what a view
computes on a pool thread behind a "正在计算…" placeholder is not in it, as the view is usable meanwhile.
(Opening a view at once while the home view still counts is the "cold start to stock view" figure.)
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from benchmarks.core import Bench, Result
from benchmarks.ops.desktop_start import probe

NAME = "desktop_views"
TIMEOUT = 600


def run(bench: Bench) -> list[Result]:
    from desktop.views.registry import discover_views

    keys = [spec.key for spec in discover_views()]
    times: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    runs = max(3, bench.repeat // 3)
    for _ in range(runs):
        _elapsed, events = probe(bench, keys, TIMEOUT, settle=True)
        previous = None
        for event in events:
            if event["event"] == "settled":
                previous = event
            elif event["event"] == "view" and not event.get("missing") and previous is not None:
                times[event["key"]].append((event["t"] - previous["t"]) * 1000)
                cpu[event["key"]].append((event["cpu"] - previous["cpu"]) * 1000)
    results = []
    for key in keys:
        if key not in times:
            results.append(Result(f"open view '{key}' (first time)", None, 200, note=f"not reached within {TIMEOUT} s"))
            continue
        results.append(Result(f"open view '{key}' (first time)", statistics.median(times[key]), 200,
                              cpu_ms=statistics.median(cpu[key]), runs=len(times[key]),
                              note="module import and first query included"))
    return results
