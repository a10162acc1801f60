"""轮换 plan for the whole database (90 days ahead, every status) via ``rotation.rotation_plan``, and the
home dashboard's alerts (``dashboard_alerts``: batches to rotate within 30 days, expired ones included,
inspections due, yearly reminders, less what the user acknowledged), which the alerts panel computes on
a pool thread at every start.

The bare SQL reads the same balance rows with their store, item and batch (the expiry horizon is
the plan's: within + the largest lead time); classifying them is Python in both cases. For the alerts
it also reads the user's acknowledgements."""

from __future__ import annotations

import datetime as dt

from benchmarks.core import Bench, Result, last_cpu, timed
from desktop.widgets.alerts_panel import MAX_LISTED
from models.services.dashboard_alerts import dashboard_alerts
from models.services.reminders import EXPIRY_ALERT_DAYS
from models.services.rotation import DEFAULT_WITHIN_DAYS, rotation_plan

NAME = "rotation"

_SQL = """SELECT b.id, b.store_id, b.item_id, b.batch_id, b.quantity, b.expiry_date, s.code, s.name, i.code, i.name,
    i.spec, i.unit, i.unit_price, bt.batch_no, bt.unit_price, bt.reserve_mode
FROM balances b JOIN stores s ON s.id = b.store_id JOIN items i ON i.id = b.item_id JOIN batches bt ON bt.id = b.batch_id
WHERE b.quantity > 0 AND b.expiry_date IS NOT NULL AND b.expiry_date <= ?"""
_ACKS = "SELECT alert_key, acknowledged_at FROM alert_acks WHERE user_id = ?"


def run(bench: Bench) -> list[Result]:
    ctx = bench.ctx
    con = bench.bare()
    cur = con.cursor()
    max_lead = cur.execute("SELECT max(coalesce(rotation_lead_days, 180)) FROM categories").fetchone()[0] or 180
    results = []
    try:
        for label, function, within, extra, target in (
            ("rotation plan, whole database (90 days)", lambda: rotation_plan(ctx), DEFAULT_WITHIN_DAYS, False, 500),
            # no target in the issue: the panel computes them on a pool thread, the window is usable meanwhile
            ("home alerts panel: the 200 most urgent and the counts (dashboard_alerts)",
             lambda: dashboard_alerts(ctx, limit=MAX_LISTED).alerts, EXPIRY_ALERT_DAYS, True, None),
        ):
            ours, _p, answer, times = timed(function, bench.repeat)
            cpu = last_cpu()
            horizon = bench.day(ctx.today() + dt.timedelta(days=within + max(max_lead, 180)))

            def bare(horizon=horizon, extra=extra):
                rows = cur.execute(bench.param(_SQL), (horizon,)).fetchall()
                return rows + cur.execute(bench.param(_ACKS), (ctx.actor.user_id,)).fetchall() if extra else rows

            bare_ms, _bp, rows, _ = timed(bare, bench.repeat)
            note = f"bare SQL reads the {len(rows):,} candidate balance rows the plan classifies"
            if extra:
                total = dashboard_alerts(ctx, limit=0).total
                note = (f"{total:,} pending alerts, all already announced (the first start also records each "
                        "one's announcement); on a pool thread; bare SQL reads the candidate balance rows and "
                        "the acknowledgements")
            results.append(Result(label, ours, target, bare_ms, rows=len(answer), runs=len(times), cpu_ms=cpu,
                                  bare_cpu_ms=last_cpu(), note=note))
    finally:
        con.close()
    return results
