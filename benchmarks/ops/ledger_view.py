"""台账 view: first page and jump to the last row, through ``ledger_queries.ledger_page``.

The ledger pages by keyset on (occurred_at, id) (see benchmarks/LEDGER.md for the million-row study);
"jump to the last row" is the first page in the opposite order, which is what keyset paging makes
of Ctrl+End. Bare SQL: the same joins and order through the plain driver.
"""

from __future__ import annotations

from benchmarks.core import Bench, Result, last_cpu, timed
from models.services.ledger_queries import LedgerFilter, ledger_page

NAME = "ledger_view"
PAGE = 200

_SQL = """SELECT m.id, m.occurred_at, d.number, m.doc_type, s.code, s.name, i.code, i.name, i.spec, i.unit,
    bt.batch_no, bt.expiry_date, m.delta, m.balance_after, u.username
FROM (SELECT id FROM movements ORDER BY occurred_at {o}, id {o} LIMIT {n}) p
JOIN movements m ON m.id = p.id JOIN documents d ON d.id = m.document_id JOIN stores s ON s.id = m.store_id
JOIN items i ON i.id = m.item_id JOIN batches bt ON bt.id = m.batch_id LEFT JOIN users u ON u.id = m.user_id
ORDER BY m.occurred_at {o}, m.id {o}"""


def run(bench: Bench) -> list[Result]:
    ctx, results = bench.ctx, []
    con = bench.bare()
    cur = con.cursor()
    try:
        for label, newest_first, order in (("ledger first page (newest 200)", True, "DESC"),
                                           ("ledger jump to last row (oldest 200)", False, "ASC")):
            ours, _p, page, times = timed(lambda nf=newest_first: ledger_page(ctx, LedgerFilter(), limit=PAGE,
                                                                              newest_first=nf), bench.repeat)
            cpu = last_cpu()
            sql = _SQL.format(o=order, n=PAGE + 1)
            bare, _bp, _rows, _ = timed(lambda s=sql: cur.execute(s).fetchall(), bench.repeat)
            results.append(Result(label, ours, 200, bare, rows=len(page.rows), runs=len(times), cpu_ms=cpu,
                                  bare_cpu_ms=last_cpu()))
    finally:
        con.close()
    return results
