"""What every measured operation shares: the open database, the admin context, the bare connection,
timing helpers and the result record the runner turns into RESULTS.md."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from models.context import ServiceContext
from models.db import Database


@dataclass
class Result:
    """One measured figure. ``ours_ms`` is the median; ``bare_ms`` the bare SQL giving the same answer."""

    name: str
    ours_ms: float | None
    target_ms: float | None = None
    bare_ms: float | None = None
    p99_ms: float | None = None
    p99_target_ms: float | None = None
    cpu_ms: float | None = None  # median process CPU time of the same runs (less sensitive to load)
    bare_cpu_ms: float | None = None  # the same for the bare SQL
    unit: str = "ms"  # "ms" or "MB"
    rows: int | None = None
    note: str = ""
    runs: int = 0
    op: str = ""  # the benchmarks/ops module that measured it
    measured_at: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"))

    @property
    def ratio(self) -> float | None:
        if self.bare_ms in (None, 0) or self.ours_ms is None:
            return None
        return self.ours_ms / self.bare_ms

    @property
    def cpu_ratio(self) -> float | None:
        """Our CPU time ÷ the bare SQL's: what the ratio is when each has a core to itself."""
        if not self.bare_cpu_ms or self.cpu_ms is None:
            return None
        return self.cpu_ms / self.bare_cpu_ms

    @property
    def met(self) -> bool | None:
        if self.target_ms is None or self.ours_ms is None:
            return None
        if self.p99_target_ms is not None and self.p99_ms is not None and self.p99_ms >= self.p99_target_ms:
            return False
        return self.ours_ms < self.target_ms


@dataclass
class Bench:
    size: str
    backend: str
    url: str
    db: Database
    ctx: ServiceContext
    repeat: int
    bare_connect: Callable[[], Any]
    results: list[Result] = field(default_factory=list)

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    def bare(self):
        """A plain DB-API connection (``sqlite3`` or psycopg), no SQLAlchemy in between."""
        return self.bare_connect()

    def param(self, sql: str) -> str:
        """Write bare SQL with ``?`` placeholders; psycopg wants ``%s`` (and a literal ``%`` doubled)."""
        return sql if self.is_sqlite else sql.replace("%", "%%").replace("?", "%s")

    def day(self, value: dt.date) -> Any:
        return value.isoformat() if self.is_sqlite else value


def sqlite_bare(path: str) -> Callable[[], sqlite3.Connection]:
    def connect() -> sqlite3.Connection:
        return sqlite3.connect(path)
    return connect


def timed(function: Callable[[], Any], repeat: int, warmup: int = 1) -> tuple[float, float, Any, list[float]]:
    """(median ms, p99 ms, last result, all times) over ``repeat`` runs after ``warmup`` runs."""
    result = None
    for _ in range(warmup):
        result = function()
    times, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    _LAST_CPU[0] = statistics.median(cpu)
    return statistics.median(times), percentile(times, 99), result, times


_LAST_CPU = [0.0]


def last_cpu() -> float:
    """The median CPU time (ms) of the most recent ``timed`` call in this process."""
    return _LAST_CPU[0]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, int(round(pct / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]
