"""库存 view: what the stock view and the home dashboard ask of ``stock_view_queries``.

The stock view is lazy (``desktop/views/stock_view.py``): it reads a page of ``PAGE`` lines through
``stock_view_page`` for its filter and sort (every column header sorts in the database), and its
totals line from ``stock_view_totals`` on a pool thread. The home dashboard's stock tiles come from
``stock_overview`` on a pool thread. The bare SQL is the same page (or aggregate) through the plain
driver, ordered by the same keys.
"""

from __future__ import annotations

from benchmarks.core import Bench, Result, last_cpu, timed
from models.services.stock_view_queries import StockFilter, stock_overview, stock_view_page, stock_view_totals

NAME = "stock_view"
PAGE = 300  # desktop/views/stock_view.PAGE_SIZE
SEARCH = "zp"  # pinyin initials of 帐篷 (tents): about 1 line in 15

_COLUMNS = """s.code, s.name, s.level, i.code, i.name, i.spec, i.unit, i.pinyin, i.category_id, bt.batch_no,
    bt.production_date, b.expiry_date, b.quantity, b.reserved, bt.unit_price, i.unit_price, i.rotation_lead_days"""
_FILTER = (f"(i.pinyin LIKE '%{SEARCH}%' OR i.name LIKE '%{SEARCH}%' OR lower(s.name) LIKE '%{SEARCH}%' "
           f"OR lower(bt.batch_no) LIKE '%{SEARCH}%')")
_JOINS = {"s": "JOIN stores s ON s.id = b.store_id", "i": "JOIN items i ON i.id = b.item_id",
          "bt": "JOIN batches bt ON bt.id = b.batch_id", "c": "LEFT JOIN categories c ON c.id = i.category_id"}


def page_sql(order: str, where: str = "") -> str:
    """One page in the shape our query has (and the best plain SQL has): the page's balance ids first,
    sorted and limited with only the tables the sort or filter needs, then the joins for those rows.
    ``order``: the sort keys separated by ";" (the balance id breaks ties). Zero, the limit and the offset
    are parameters, as in our statement: SQLite plans a written-out ``LIMIT 300`` differently (for a
    batch-number sort it then scans the live balances and sorts them, 300 ms, where with the parameter it
    walks the batch-number index, 3 ms)."""
    keys = [key.strip() for key in order.split(";")]
    needed = [alias for alias in _JOINS if f"{alias}." in order + where or (alias == "i" and "c." in order)]
    inner = (f"SELECT b.id AS id, {', '.join(f'{key} AS k{n}' for n, key in enumerate(keys))} FROM balances b "
             f"{' '.join(_JOINS[a] for a in needed)} WHERE b.quantity > ? {where} "
             f"ORDER BY {', '.join(keys)}, b.id LIMIT ? OFFSET ?")
    return (f"SELECT {_COLUMNS} FROM ({inner}) p JOIN balances b ON b.id = p.id "
            f"{' '.join(_JOINS[a] for a in ('s', 'i', 'bt'))} "
            f"ORDER BY {', '.join(f'p.k{n}' for n in range(len(keys)))}, b.id")


_LIVE_SORT = "AND b.reserved >= 0"

# (label, stock_view_page keywords, the bare sort keys[, an extra condition])
SORTS = (
    ("stock first page (by store)", {}, "b.store_id; b.item_id; b.expiry_date"),
    ("stock sort by expiry", {"sort": "expiry"}, "b.expiry_date"),
    ("stock sort by level", {"sort": "level"}, "b.store_level; b.store_id"),
    ("stock sort by item code", {"sort": "item_code"}, "i.code"),
    ("stock sort by item name", {"sort": "item_name"}, "i.name"),
    ("stock sort by spec", {"sort": "spec"}, "i.spec"),
    ("stock sort by category", {"sort": "category"}, "coalesce(c.code, '')"),
    ("stock sort by batch", {"sort": "batch"}, "bt.batch_no"),
    ("stock sort by production date", {"sort": "production"}, "bt.production_date"),
    # the stored price and the partial expression indexes of migration 0009; their (always true)
    # ``reserved >= 0`` is what lets only these sorts use them, as in our statement
    ("stock sort by quantity", {"sort": "quantity"}, "b.quantity + 0", _LIVE_SORT),
    ("stock sort by reserved", {"sort": "reserved"}, "b.reserved + 0", _LIVE_SORT),
    ("stock sort by value", {"sort": "value"}, "b.quantity * coalesce(b.unit_price, -1)", _LIVE_SORT),
)

TOTALS_SQL = """SELECT count(b.id), sum((b.quantity * b.unit_price + 500) / 1000)
FROM balances b WHERE b.quantity > 0"""

OVERVIEW_SQL = """SELECT i.category_id, b.item_id, i.unit, count(b.id), sum(b.quantity),
    sum((b.quantity * b.unit_price + 500) / 1000)
FROM balances b JOIN items i ON i.id = b.item_id WHERE b.quantity > 0
GROUP BY i.category_id, b.item_id, i.unit"""


def _bare(bench: Bench, sql: str, repeat: int | None = None):
    """(median ms, median CPU ms, rows) of the bare SQL (a page's ``?``: zero, the limit, the offset)."""
    con = bench.bare()
    params = (0, PAGE, 0) if sql.count("?") == 3 else ()
    try:
        cur = con.cursor()
        median, _p99, rows, _ = timed(lambda: cur.execute(bench.param(sql), params).fetchall(), repeat or bench.repeat)
        return median, last_cpu(), rows
    finally:
        con.close()


def measure(bench: Bench, label: str, function, sql: str, target: float | None, *, repeat: int | None = None,
            note: str = "") -> Result:
    """Our path and the bare SQL, each timed over the same number of runs."""
    ours, _p, answer, times = timed(function, repeat or bench.repeat)
    cpu = last_cpu()
    bare, bare_cpu, _rows = _bare(bench, sql, repeat)
    rows = len(answer) if isinstance(answer, list) else getattr(answer, "lines", None)
    return Result(label, ours, target, bare, rows=rows, runs=len(times), cpu_ms=cpu, bare_cpu_ms=bare_cpu, note=note)


def run(bench: Bench) -> list[Result]:
    ctx, results, everything = bench.ctx, [], StockFilter()
    for label, kwargs, order, *where in SORTS:
        results.append(measure(bench, f"{label} (stock_view_page)",
                               lambda kw=kwargs: stock_view_page(ctx, everything, limit=PAGE, **kw),
                               page_sql(order, *where), 200))
    results.append(measure(bench, f"stock text filter '{SEARCH}' (stock_view_page, by store)",
                           lambda: stock_view_page(ctx, StockFilter(text=SEARCH), limit=PAGE),
                           page_sql("b.store_id; b.item_id; b.expiry_date", f"AND {_FILTER}"), 300))
    few = max(3, bench.repeat // 3)  # the aggregates read every live balance once
    results.append(measure(bench, "stock totals line (stock_view_totals)", lambda: stock_view_totals(ctx, everything),
                           TOTALS_SQL, None, repeat=few, note="on a pool thread: the view is usable meanwhile"))
    results.append(measure(bench, "home dashboard stock figures (stock_overview)", lambda: stock_overview(ctx),
                           OVERVIEW_SQL, None, repeat=few, note="on a pool thread: the home view is usable meanwhile"))
    return results
