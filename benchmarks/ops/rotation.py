"""轮换 plan for the whole database (90 days ahead, every status) via ``rotation.rotation_plan``.

The bare SQL reads the same balance rows with their store, item and batch (the expiry horizon is
the plan's: within + the largest lead time); classifying them is Python in both cases."""

from __future__ import annotations

import datetime as dt

from benchmarks.core import Bench, Result, last_cpu, timed
from models.services.rotation import DEFAULT_WITHIN_DAYS, rotation_plan

NAME = "rotation"

_SQL = """SELECT b.id, b.store_id, b.item_id, b.batch_id, b.quantity, b.expiry_date, s.code, s.name, i.code, i.name,
    i.spec, i.unit, i.unit_price, bt.batch_no, bt.unit_price, bt.reserve_mode
FROM balances b JOIN stores s ON s.id = b.store_id JOIN items i ON i.id = b.item_id JOIN batches bt ON bt.id = b.batch_id
WHERE b.quantity > 0 AND b.expiry_date IS NOT NULL AND b.expiry_date <= ?"""


def run(bench: Bench) -> list[Result]:
    ctx = bench.ctx
    ours, _p, plan, times = timed(lambda: rotation_plan(ctx), bench.repeat)
    cpu = last_cpu()
    con = bench.bare()
    cur = con.cursor()
    max_lead = cur.execute("SELECT max(coalesce(rotation_lead_days, 180)) FROM categories").fetchone()[0] or 180
    horizon = ctx.today() + dt.timedelta(days=DEFAULT_WITHIN_DAYS + max(max_lead, 180))
    try:
        bare, _bp, rows, _ = timed(lambda: cur.execute(bench.param(_SQL), (bench.day(horizon),)).fetchall(),
                                   bench.repeat)
    finally:
        con.close()
    return [Result("rotation plan, whole database (90 days)", ours, 500, bare, rows=len(plan), runs=len(times), cpu_ms=cpu,
                   note=f"bare SQL reads the {len(rows):,} candidate balance rows the plan classifies")]
