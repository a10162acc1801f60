"""How fast the ledger view opens and pages on one million movements (SQLite).

Builds (once, seeded, straight through bulk SQL inserts; COPY on PostgreSQL) a database with 1,000,000 movements over
three years, 20 stores and 200 items, then reports:

* the time to open the ledger view (a ``LedgerView`` widget with its first page) and the first page
  query alone;
* the time to fetch the LAST page by keyset (the key of the row before it is known, as it is when
  scrolling), and the first page in the reverse order (what a click on the time header shows);
* a page deep in the table read with OFFSET instead, for comparison;
* scrolling: 50 successive ``fetchMore`` calls, as a user dragging down would cause;
* first pages with each filter (store, item, document type, user, date range).

Run:  python benchmarks/ledger_view_bench.py [--rows 1000000] [--db /tmp/ledger_bench.db] [--rebuild]
      python benchmarks/ledger_view_bench.py --db postgresql+psycopg://USER@HOST/DB --rebuild
      (PostgreSQL: every table of that database is emptied first; give it a scratch database)
Not part of the test run; figures go to benchmarks/LEDGER.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text  # noqa: E402

from models.context import ServiceContext  # noqa: E402
from models.migrate import open_database  # noqa: E402
from models.schema.enums import DocType  # noqa: E402
from models.schema.users import User  # noqa: E402
from models.services.catalog import ItemInput, create_item, install_starter_tree  # noqa: E402
from models.services.ledger_queries import LedgerFilter, LedgerKey, ledger_page  # noqa: E402
from models.services.users import actor_for, ensure_admin  # noqa: E402
from models.services.warehouses import StoreInput, create_area, create_store  # noqa: E402

STORES, ITEMS, BATCHES_PER_ITEM, LINES_PER_DOC = 20, 200, 5, 4
START = dt.datetime(2023, 6, 1, 0, 0)
SPAN_SECONDS = 3 * 365 * 24 * 3600
DOC_TYPES = [(DocType.RECEIPT, 30), (DocType.ISSUE, 45), (DocType.TRANSFER_OUT, 8), (DocType.TRANSFER_IN, 8),
             (DocType.STOCKTAKE, 3), (DocType.SCRAP, 3), (DocType.REVERSAL, 3)]


def admin_ctx(db) -> ServiceContext:
    ensure_admin(db, None)
    with db.read() as session:
        actor = actor_for(session.query(User).filter_by(username="admin").one())
    return ServiceContext(db, actor, machine="bench")


def reference_data(db) -> None:
    """Stores, items and the administrator, through the public services."""
    ctx = admin_ctx(db)
    with ctx.write() as session:
        install_starter_tree(session)
    create_area(ctx, "320101", "示例县", "county")
    for s in range(STORES):
        level = "county" if s == 0 else "township"
        area = "320101" if s == 0 else f"320101{s:03d}"
        if s:
            create_area(ctx, area, f"第{s}镇", "township", "320101")
        create_store(ctx, StoreInput(f"S{s:03d}", f"第{s}储备库", level, area))
    for i in range(ITEMS):
        create_item(ctx, ItemInput(f"I{i:04d}", f"物资{i}", "个", spec=f"规格{i}", category_code="10101"))


def generate(rows: int, store_ids, batch_rows, user_id, seed: int = 20260601):
    """Documents and their movements in time order, in chunks: (documents, movements)."""
    rng = random.Random(seed)
    types, weights = zip(*DOC_TYPES)
    documents = rows // LINES_PER_DOC
    step = SPAN_SECONDS / documents
    doc_rows, move_rows = [], []
    for d in range(1, documents + 1):
        at = START + dt.timedelta(seconds=int(d * step))
        doc_type = rng.choices(types, weights)[0]
        store = rng.choice(store_ids)
        doc_rows.append((d, f"{doc_type.prefix}-BENCH-{d:08d}", doc_type.value, "posted", store, at.date(),
                         "", "", "", "", "", at, at, user_id))
        for _ in range(LINES_PER_DOC):
            batch, item = rng.choice(batch_rows)
            delta = rng.randint(1, 500) * 1000
            if doc_type in (DocType.ISSUE, DocType.TRANSFER_OUT, DocType.SCRAP):
                delta = -delta
            move_rows.append((d, doc_type.value, store, item, batch, delta, rng.randint(0, 5000) * 1000, at, user_id))
        if len(move_rows) >= 100_000:
            yield doc_rows, move_rows
            doc_rows, move_rows = [], []
    yield doc_rows, move_rows


DOC_COLUMNS = ("id, number, doc_type, status, store_id, doc_date, counterparty, purpose, reason, reference, remarks,"
               " created_at, posted_at, created_by_id")
MOVE_COLUMNS = "document_id, doc_type, store_id, item_id, batch_id, delta, balance_after, occurred_at, user_id"
BATCH_COLUMNS = "item_id, batch_no, expiry_date, manufacturer, supplier, reserve_mode, created_at"


def _batches(item_ids):
    created = dt.datetime(2026, 6, 1)
    return [(item, f"B{item}-{n}", dt.date(2027, 1, 1) + dt.timedelta(days=30 * n), "", "", "government", created)
            for item in item_ids for n in range(BATCHES_PER_ITEM)]


def build_sqlite(path: Path, rows: int) -> None:
    """Reference data through the services, then batches, documents and movements in bulk."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(str(path))
    reference_data(db)
    db.dispose()
    con = sqlite3.connect(str(path))
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = OFF")
    store_ids = [r[0] for r in con.execute("SELECT id FROM stores ORDER BY id")]
    item_ids = [r[0] for r in con.execute("SELECT id FROM items ORDER BY id")]
    user_id = con.execute("SELECT min(id) FROM users").fetchone()[0]

    def text(value):  # the storage format SQLAlchemy uses for SQLite dates and times
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S.%f")
        return value.isoformat() if isinstance(value, dt.date) else value

    con.executemany(f"INSERT INTO batches ({BATCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [tuple(map(text, row)) for row in _batches(item_ids)])
    batch_rows = con.execute("SELECT id, item_id FROM batches").fetchall()
    for doc_rows, move_rows in generate(rows, store_ids, batch_rows, user_id):
        con.executemany(f"INSERT INTO documents ({DOC_COLUMNS}) VALUES ({', '.join('?' * 14)})",
                        [tuple(map(text, row)) for row in doc_rows])
        con.executemany(f"INSERT INTO movements ({MOVE_COLUMNS}) VALUES ({', '.join('?' * 9)})",
                        [tuple(map(text, row)) for row in move_rows])
    con.commit()
    con.execute("ANALYZE")
    con.close()


def build_postgres(url: str, rows: int) -> None:
    """The same data on PostgreSQL: every table emptied first, then COPY for the bulk."""
    from sqlalchemy import text

    from models.schema.base import Base

    db = open_database(url)
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    reference_data(db)
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        store_ids = [r[0] for r in cur.execute("SELECT id FROM stores ORDER BY id").fetchall()]
        item_ids = [r[0] for r in cur.execute("SELECT id FROM items ORDER BY id").fetchall()]
        user_id = cur.execute("SELECT min(id) FROM users").fetchone()[0]
        with cur.copy(f"COPY batches ({BATCH_COLUMNS}) FROM STDIN") as copy:
            for row in _batches(item_ids):
                copy.write_row(row)
        batch_rows = cur.execute("SELECT id, item_id FROM batches").fetchall()
        for doc_rows, move_rows in generate(rows, store_ids, batch_rows, user_id):
            with cur.copy(f"COPY documents ({DOC_COLUMNS}) FROM STDIN") as copy:
                for row in doc_rows:
                    copy.write_row(row)
            with cur.copy(f"COPY movements ({MOVE_COLUMNS}) FROM STDIN") as copy:
                for row in move_rows:
                    copy.write_row(row)
        cur.execute("SELECT setval(pg_get_serial_sequence('documents', 'id'), (SELECT max(id) FROM documents))")
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    db.dispose()


def timed(function, repeat: int = 5) -> tuple[float, object]:
    """Median wall time in milliseconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/ledger_bench.db",
                        help="a SQLite file, or a postgresql+psycopg:// URL (ALL its tables are emptied on --rebuild)")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    postgres = "://" in args.db
    if args.rebuild or not (postgres or Path(args.db).exists()):
        started = time.perf_counter()
        build_postgres(args.db, args.rows) if postgres else build_sqlite(Path(args.db), args.rows)
        print(f"built {args.db} in {time.perf_counter() - started:.1f} s")
    db = open_database(args.db)
    ctx = admin_ctx(db)
    conn = db.engine.connect()

    def scalar_rows(sql: str, **params):
        return conn.execute(text(sql), params).fetchall()

    total = scalar_rows("SELECT count(*) FROM movements")[0][0]
    version = scalar_rows("SELECT version()")[0][0].split(",")[0] if postgres else f"SQLite {sqlite3.sqlite_version}"
    print(f"movements: {total:,}   {version}")

    def report(label: str, ms: float, count: int) -> None:
        print(f"{label:<58} {ms:8.1f} ms   ({count} rows)")

    ms, page = timed(lambda: ledger_page(ctx, LedgerFilter()))
    report("first page (200 newest), query only", ms, len(page.rows))

    # the key of the row just before the last page, as scrolling would have it
    stamp, last_id = scalar_rows("SELECT occurred_at, id FROM movements ORDER BY occurred_at, id LIMIT 1 OFFSET 200")[0]
    if isinstance(stamp, str):
        stamp = dt.datetime.fromisoformat(stamp)
    key = LedgerKey(stamp.replace(tzinfo=dt.timezone.utc), last_id)
    ms, page = timed(lambda: ledger_page(ctx, LedgerFilter(), key))
    report("last page by keyset (key of the row before it)", ms, len(page.rows))
    assert not page.has_more and len(page.rows) == 200
    ms, page = timed(lambda: ledger_page(ctx, LedgerFilter(), newest_first=False))
    report("oldest first (time header clicked), first page", ms, len(page.rows))
    ms, rows = timed(lambda: scalar_rows(
        "SELECT id FROM movements ORDER BY occurred_at DESC, id DESC LIMIT 200 OFFSET :skip", skip=total - 200), 3)
    report("for comparison: last page by OFFSET (ids only)", ms, len(rows))

    store_code, item_code = scalar_rows(
        "SELECT s.code, i.code FROM stores s, items i WHERE s.code = 'S005' AND i.code = 'I0017'")[0]
    for label, filters in (
        ("filter: one store", LedgerFilter(store_code=store_code)),
        ("filter: one item", LedgerFilter(item_code=item_code)),
        ("filter: document type 盘点 (3% of rows)", LedgerFilter(doc_type=DocType.STOCKTAKE)),
        ("filter: user admin", LedgerFilter(username="admin")),
        ("filter: one month (2024-03)", LedgerFilter(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31))),
        ("filter: store + item", LedgerFilter(store_code=store_code, item_code=item_code)),
    ):
        ms, page = timed(lambda f=filters: ledger_page(ctx, f))
        report(label + ", first page", ms, len(page.rows))

    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from desktop.context import DesktopContext
    from desktop.views.ledger_view import LedgerView

    app = QApplication.instance() or QApplication([])
    dctx = DesktopContext(ctx)
    views = []
    ms, view = timed(lambda: views.append(LedgerView(dctx)) or views[-1], 3)
    report("open the ledger view (widget + first page)", ms, view.model.rowCount())
    started = time.perf_counter()
    for _ in range(50):
        view.model.fetchMore(QModelIndex())
    elapsed = (time.perf_counter() - started) * 1000
    report("scrolling: 50 more pages by fetchMore (total)", elapsed, view.model.rowCount())
    view.table.scrollToBottom()
    app.processEvents()
    report("after scrollToBottom(): rows held by the model", 0.0, view.model.rowCount())
    print("\nquery plan of a keyset page:")
    explain = "EXPLAIN" if postgres else "EXPLAIN QUERY PLAN"
    for row in scalar_rows(f"{explain} SELECT id FROM movements WHERE (occurred_at, id) < (:t, :id) "
                           "ORDER BY occurred_at DESC, id DESC LIMIT 201", t=stamp, id=last_id):
        print("   ", row[-1])
    conn.close()
    db.dispose()
    sys.stdout.flush()
    # PySide6 can crash tearing widgets down during interpreter shutdown; nothing is left to save
    os._exit(0)


if __name__ == "__main__":
    main()
