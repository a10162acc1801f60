"""What the home dashboard shows (Qt-free): the alerts this user has not acknowledged — expiring
batches, inspections due this week or overdue, and the dated yearly reminders — with the new ones
marked, plus small counts for a tile.

The desktop's ``desktop/widgets/alerts_panel.py`` shows these; it calls ``dashboard_alerts`` with
``announce=True`` once per start so each alert is announced (highlighted) only the first time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.context import ServiceContext
from models.services.reminders import Alert, acknowledge, pending

__all__ = ["Alert", "DashboardAlerts", "acknowledge", "dashboard_alerts"]


@dataclass(frozen=True)
class DashboardAlerts:
    alerts: list[Alert] = field(default_factory=list)  # most urgent first (the first ``limit`` if given)
    keys: list[str] | None = None  # the keys of every pending alert (None: those listed)
    new_keys: list[str] | None = None  # of which announced for the first time now (None: the listed new)

    @property
    def total(self) -> int:
        return len(self.alerts) if self.keys is None else len(self.keys)

    @property
    def new(self) -> list[Alert]:
        """The new ones among those listed."""
        return [a for a in self.alerts if a.new]

    @property
    def all_keys(self) -> list[str]:
        return [a.key for a in self.alerts] if self.keys is None else self.keys

    @property
    def all_new_keys(self) -> list[str]:
        return [a.key for a in self.new] if self.new_keys is None else self.new_keys

    def count(self, kind: str | None = None, severity: str | None = None) -> int:
        return sum(1 for a in self.alerts
                   if (kind is None or a.kind == kind) and (severity is None or a.severity == severity))

    def as_json(self) -> dict:
        return {"alerts": [a.as_json() for a in self.alerts], "new": len(self.all_new_keys), "total": self.total}


def dashboard_alerts(ctx: ServiceContext, *, announce: bool = False, as_of: dt.date | None = None,
                     limit: int | None = None) -> DashboardAlerts:
    """Unacknowledged alerts for the acting user (see module docstring); with ``limit`` only the most
    urgent ``limit`` are built (a city has tens of thousands), with the keys of all."""
    result = pending(ctx, announce=announce, as_of=as_of, limit=limit)
    return DashboardAlerts(result.alerts, result.keys, result.new_keys)
