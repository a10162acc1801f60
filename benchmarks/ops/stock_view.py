"""库存 view: first page, sort by expiry, text filter (pinyin), through ``stock_view_queries``.

Two paths are measured. ``stock_lines`` is what the stock view calls today: every non-zero line of
the scope, loaded into Python, sorted and filtered by the Qt proxy. ``stock_page`` (added for
issue 10) sorts, filters and pages in the database. The bare SQL is the same answer through the
plain driver: all lines for ``stock_lines``, one page for ``stock_page``.
"""

from __future__ import annotations

from benchmarks.core import Bench, Result, last_cpu, timed
from models.services.stock_view_queries import stock_lines, stock_overview, stock_page

NAME = "stock_view"
PAGE = 200
SEARCH = "zp"  # pinyin initials of 帐篷 (tents): about 1 line in 15

_COLUMNS = """s.code, s.name, s.level, i.code, i.name, i.spec, i.unit, i.pinyin, c.code, c.name, bt.batch_no,
    bt.production_date, b.expiry_date, b.quantity, b.reserved, coalesce(bt.unit_price, i.unit_price),
    i.rotation_lead_days"""
_FROM = """FROM balances b JOIN stores s ON s.id = b.store_id JOIN items i ON i.id = b.item_id
    JOIN batches bt ON bt.id = b.batch_id LEFT JOIN categories c ON c.id = i.category_id"""
ALL_SQL = f"SELECT {_COLUMNS} {_FROM} WHERE b.quantity > 0 ORDER BY s.code, i.code, b.expiry_date, bt.batch_no"
PAGE_STORE_SQL = (f"SELECT {_COLUMNS} {_FROM} WHERE b.quantity > 0 "
                  f"ORDER BY b.store_id, b.item_id, b.expiry_date, b.id LIMIT {PAGE}")
PAGE_EXPIRY_SQL = f"SELECT {_COLUMNS} {_FROM} WHERE b.quantity > 0 ORDER BY b.expiry_date, b.id LIMIT {PAGE}"
PAGE_FILTER_SQL = (f"SELECT {_COLUMNS} {_FROM} WHERE b.quantity > 0 AND (i.pinyin LIKE '%{SEARCH}%' "
                   f"OR i.name LIKE '%{SEARCH}%' OR s.name LIKE '%{SEARCH}%' OR bt.batch_no LIKE '%{SEARCH}%') "
                   f"ORDER BY b.expiry_date, b.id LIMIT {PAGE}")


OVERVIEW_SQL = """SELECT i.category_id, b.item_id, i.unit, count(b.id), sum(b.quantity),
    sum((b.quantity * coalesce(bt.unit_price, i.unit_price) + 500) / 1000)
FROM balances b JOIN items i ON i.id = b.item_id JOIN batches bt ON bt.id = b.batch_id WHERE b.quantity > 0
GROUP BY i.category_id, b.item_id, i.unit"""


def _bare(bench: Bench, sql: str, repeat: int | None = None):
    con = bench.bare()
    try:
        cur = con.cursor()
        return timed(lambda: cur.execute(sql).fetchall(), repeat or bench.repeat)
    finally:
        con.close()


def run(bench: Bench) -> list[Result]:
    ctx, results = bench.ctx, []
    # the path the view takes today: every line, then sort / filter in Python
    few, warm = (1, 0) if bench.size == "city" else (max(3, bench.repeat // 3), 1)  # a city load takes ~a minute
    ours, _p99, lines, times = timed(lambda: stock_lines(ctx), few, warmup=warm)
    cpu = last_cpu()
    bare, _bp, rows, _ = _bare(bench, ALL_SQL, few)
    results.append(Result("stock view today: load every line (stock_lines)", ours, 200, bare, rows=len(lines),
                          runs=len(times), cpu_ms=cpu, note="the view loads the whole scope, then its proxy sorts and filters"))
    ours, _p, _r, times = timed(lambda: sorted(lines, key=lambda line: (line.expiry_date is None, line.expiry_date)),
                                few)
    results.append(Result("stock view today: sort loaded lines by expiry (Python only)", ours, None,
                          rows=len(lines), runs=len(times), cpu_ms=last_cpu()))
    from desktop.views.stock_view import line_matches
    ours, _p, matched, times = timed(lambda: [line for line in lines if line_matches(line, SEARCH)], few)
    results.append(Result(f"stock view today: text filter '{SEARCH}' over loaded lines (Python only)", ours, 300,
                          rows=len(matched), runs=len(times), cpu_ms=last_cpu()))
    # what the home dashboard needs of the stock, from one grouped query instead of every line
    ours, _p, overview, times = timed(lambda: stock_overview(ctx), few, warmup=warm)
    cpu = last_cpu()
    bare, _bp, _rows, _ = _bare(bench, OVERVIEW_SQL, few)
    results.append(Result("home dashboard stock figures (stock_overview, one grouped query)", ours, 200, bare,
                          rows=overview.lines, runs=len(times), cpu_ms=cpu,
                          note="proposed for the home view instead of stock_lines; reads every balance row once"))
    # the paged service
    for label, kwargs, sql, target in (
        ("stock first page (stock_page, by store)", {}, PAGE_STORE_SQL, 200),
        ("stock sort by expiry (stock_page)", {"sort": "expiry"}, PAGE_EXPIRY_SQL, 200),
        (f"stock text filter '{SEARCH}' (stock_page)", {"sort": "expiry", "text": SEARCH}, PAGE_FILTER_SQL, 300),
    ):
        ours, _p, page, times = timed(lambda kw=kwargs: stock_page(ctx, limit=PAGE, **kw), bench.repeat)
        cpu = last_cpu()
        bare, _bp, rows, _ = _bare(bench, sql)
        results.append(Result(label, ours, target, bare, rows=len(page), runs=len(times), cpu_ms=cpu))
    return results
