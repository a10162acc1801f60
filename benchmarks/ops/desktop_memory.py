"""Peak memory (resident set) of the desktop program after opening each view, in one process."""

from __future__ import annotations

from benchmarks.core import Bench, Result
from benchmarks.ops.desktop_start import probe

NAME = "desktop_memory"
# one process opens the views in the menu's order; a view that does not open on the city within this
# time (the documents view over 628,605 documents did not in 15 minutes) ends the probe
TIMEOUT = 300


def run(bench: Bench) -> list[Result]:
    from desktop.views.registry import discover_views

    keys = [spec.key for spec in discover_views()]
    _elapsed, events = probe(bench, keys, TIMEOUT)
    results = []
    for event in events:
        label = "main window shown" if event["event"] == "window" else f"after opening view '{event['key']}'"
        results.append(Result(f"desktop peak memory, {label}", event["rss_mb"], 400, unit="MB", runs=1,
                              note=f"at {event['t']:.1f} s"))
    opened = {event.get("key") for event in events if event["event"] == "view"}
    missing = [key for key in keys if key not in opened]
    if missing:
        results.append(Result("desktop peak memory: views not reached", None, 400, unit="MB",
                              note=f"not reached within {TIMEOUT} s: {', '.join(missing)}"))
    return results
