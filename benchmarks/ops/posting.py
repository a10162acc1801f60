"""Posting one receipt and one issue (one line each) through ``receiving.receive`` / ``issuing.issue``.

Each run is one whole service call: one write transaction that numbers the document, writes its line,
locks and updates the balance, appends the ledger row and the audit entry, and commits (WAL).
The bare figure is the core of it through the plain driver: update one balance and insert one
ledger row, committed. Posting adds to the cached database (a few rows per run), which is harmless.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid

from benchmarks.core import Bench, Result, last_cpu, percentile, timed
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive

NAME = "posting"


def _target(bench: Bench) -> tuple[str, str]:
    """A county store and an item it holds plenty of, unexpired (FEFO picks from it)."""
    con = bench.bare()
    try:
        row = con.cursor().execute(bench.param(
            "SELECT s.code, i.code FROM balances b JOIN stores s ON s.id = b.store_id JOIN items i ON i.id = b.item_id "
            "WHERE s.level = 'county' AND b.quantity >= 100000 AND (b.expiry_date IS NULL OR b.expiry_date > ?) "
            "ORDER BY b.quantity DESC LIMIT 1"), (bench.day(dt.date(2027, 6, 1)),)).fetchone()
    finally:
        con.close()
    return row


def _bare_post(bench: Bench, runs: int) -> tuple[float, float]:
    con = bench.bare()
    cur = con.cursor()
    balance_id, store, item, batch, doc = cur.execute(
        "SELECT b.id, b.store_id, b.item_id, b.batch_id, (SELECT max(id) FROM documents) FROM balances b "
        "WHERE b.quantity > 0 ORDER BY b.id LIMIT 1").fetchone()
    at = dt.datetime(2026, 11, 23, 12, 0)
    stamp = at.strftime("%Y-%m-%d %H:%M:%S.%f") if bench.is_sqlite else at
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        if bench.is_sqlite:
            cur.execute("BEGIN IMMEDIATE")
        cur.execute(bench.param("UPDATE balances SET quantity = quantity + 1000 WHERE id = ?"), (balance_id,))
        cur.execute(bench.param(
            "INSERT INTO movements (document_id, doc_type, store_id, item_id, batch_id, delta, balance_after, "
            "occurred_at, user_id) VALUES (?, 'receipt', ?, ?, ?, 1000, "
            "(SELECT quantity FROM balances WHERE id = ?), ?, NULL)"), (doc, store, item, batch, balance_id, stamp))
        con.rollback()  # the ledger is append-only and must stay equal to the balances: measure, then undo
        times.append((time.perf_counter() - started) * 1000)
    con.close()
    times.sort()
    return times[len(times) // 2], percentile(times, 99)


def run(bench: Bench) -> list[Result]:
    ctx = bench.ctx
    store, item = _target(bench)
    runs = bench.repeat * 5 if bench.size == "tiny" else max(50, bench.repeat * 10)  # p99 needs runs
    tag = uuid.uuid4().hex[:8]
    counter = iter(range(10**6))

    def one_receipt():
        return receive(ctx, store, [ReceiptLine(item, 5, batch_no=f"BENCH-{tag}-{next(counter)}",
                                                expiry_date=dt.date(2029, 12, 31))], supplier="基准测试")

    def one_issue():
        return issue(ctx, store, [IssueLine(item, 1)], receiver="基准测试", purpose="基准测试")

    results = []
    bare, bare_p99 = _bare_post(bench, runs)
    for label, function in (("post one receipt (receiving.receive)", one_receipt),
                            ("post one issue, FEFO (issuing.issue)", one_issue)):
        median, p99, _r, times = timed(function, runs, warmup=3)
        cpu = last_cpu()
        results.append(Result(label, median, 20, bare, p99_ms=p99, p99_target_ms=100, runs=len(times), cpu_ms=cpu,
                              note=f"bare SQL: update balance + insert ledger row, rolled back (p99 {bare_p99:.1f} ms); "
                                   "ours also numbers the document, writes its line and the audit entry"))
    return results
