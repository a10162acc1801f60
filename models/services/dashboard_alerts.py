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
from models.services.reminders import Alert, acknowledge, pending_alerts

__all__ = ["Alert", "DashboardAlerts", "acknowledge", "dashboard_alerts"]


@dataclass(frozen=True)
class DashboardAlerts:
    alerts: list[Alert] = field(default_factory=list)

    @property
    def new(self) -> list[Alert]:
        return [a for a in self.alerts if a.new]

    def count(self, kind: str | None = None, severity: str | None = None) -> int:
        return sum(1 for a in self.alerts
                   if (kind is None or a.kind == kind) and (severity is None or a.severity == severity))

    def as_json(self) -> dict:
        return {"alerts": [a.as_json() for a in self.alerts], "new": len(self.new)}


def dashboard_alerts(ctx: ServiceContext, *, announce: bool = False, as_of: dt.date | None = None) -> DashboardAlerts:
    """Unacknowledged alerts for the acting user (see module docstring)."""
    return DashboardAlerts(pending_alerts(ctx, announce=announce, as_of=as_of))
