"""Peak memory (resident set) of the desktop program after opening each view, in one process, each
view's pool work (the rotation plan, the adequacy check, the home figures…) computed and shown before
the next opens (``desktop_probe --settle``)."""

from __future__ import annotations

from benchmarks.core import Bench, Result
from benchmarks.ops.desktop_start import probe

NAME = "desktop_memory"
# one process opens the views in the menu's order; a view that does not open within this time ends the probe
TIMEOUT = 300
# views left out on the city: the probe would wait on them and measure nothing after them. (The
# documents view was left out until commit 7136d56 made its list read only the newest page.)
CITY_SKIP: dict[str, str] = {}


def run(bench: Bench) -> list[Result]:
    from desktop.views.registry import discover_views

    skip = CITY_SKIP if bench.size == "city" else {}
    keys = [spec.key for spec in discover_views() if spec.key not in skip]
    _elapsed, events = probe(bench, keys, TIMEOUT, settle=True)
    results = []
    settled = [event for event in events if event["event"] == "settled"]
    for n, event in enumerate(settled):
        label = "main window shown, home figures computed" if n == 0 else f"after opening view '{event['key']}'"
        results.append(Result(f"desktop peak memory, {label}", event["rss_mb"], 400, unit="MB", runs=1,
                              note=f"at {event['t']:.1f} s"))
    opened = {event.get("key") for event in settled[1:]}
    missing = [key for key in keys if key not in opened]
    if missing:
        results.append(Result("desktop peak memory: views not reached", None, 400, unit="MB",
                              note=f"not reached within {TIMEOUT} s: {', '.join(missing)}"))
    for key, why in skip.items():
        results.append(Result(f"desktop peak memory: view '{key}' not opened", None, 400, unit="MB", note=why))
    return results
