"""储备能力评估 (adequacy) for 5,000 people, 15 days: whole city and one county, via ``adequacy.assess``.

The bare SQL is the one grouped sum that carries the answer (usable government stock per linked item
for the scope); the standard and agreement lookups are small.
"""

from __future__ import annotations

import datetime as dt

from benchmarks.core import Bench, Result, last_cpu, timed
from models.services.adequacy import Scenario, assess

NAME = "adequacy"

_SQL = """SELECT b.item_id, sum(b.quantity - b.reserved) FROM balances b JOIN batches bt ON bt.id = b.batch_id
WHERE b.item_id IN (SELECT ni.item_id FROM standard_need_items ni JOIN standard_needs n ON n.id = ni.need_id
                    JOIN standards s ON s.id = n.standard_id WHERE s.name = ?)
  AND bt.reserve_mode = 'government' AND (b.expiry_date IS NULL OR b.expiry_date >= ?) AND b.quantity > 0 {scope}
GROUP BY b.item_id"""
_COUNTY = ("AND b.store_id IN (SELECT id FROM stores WHERE area_id IN (SELECT id FROM areas WHERE code = ? "
           "OR parent_id IN (SELECT id FROM areas WHERE code = ?) "
           "OR parent_id IN (SELECT id FROM areas WHERE parent_id IN (SELECT id FROM areas WHERE code = ?))))")


def run(bench: Bench) -> list[Result]:
    ctx = bench.ctx
    today = ctx.today()
    last_day = today + dt.timedelta(days=14)
    con = bench.bare()
    cur = con.cursor()
    county = cur.execute("SELECT code FROM areas WHERE kind = 'county' ORDER BY code LIMIT 1").fetchone()[0]
    results = []
    try:
        for label, scenario, sql, params in (
            ("adequacy, whole database (5,000 people, 15 days)", Scenario(5000, 15), _SQL.format(scope=""), ()),
            ("adequacy, one county (5,000 people, 15 days)", Scenario(5000, 15, area=county),
             _SQL.format(scope=_COUNTY), (county, county, county)),
        ):
            ours, _p, report, times = timed(lambda s=scenario: assess(ctx, s), bench.repeat)
            cpu = last_cpu()
            args = ("国家/Sphere 夏季", bench.day(last_day), *params)
            bare, _bp, rows, _ = timed(lambda: cur.execute(bench.param(sql), args).fetchall(), bench.repeat)
            results.append(Result(label, ours, 500, bare, rows=len(report.lines), runs=len(times), cpu_ms=cpu,
                                  bare_cpu_ms=last_cpu()))
    finally:
        con.close()
    return results
