"""Hand-written parts of RESULTS.md (kept here so the runner regenerates the whole file)."""

CHANGES = """
- **Data generator** (`benchmarks/generate.py`): seeded, bulk (`executemany` on SQLite, `COPY` on
  PostgreSQL) with the secondary indexes of the big tables dropped during the load and rebuilt after.
  The city database (3,200 stores, 1,000 items, 300,000 batches, 2,000,000 movements in 628,605
  documents with their lines and audit entries) builds in about 9 minutes on this loaded machine and
  passes `reserve-keeper verify` (all seven checks). Every balance row carries its expiry and store level,
  as `ledger.lock_balance` writes them. The PostgreSQL database is the one `RK_BENCH_POSTGRES_URL` names.
- **Stock view is lazy** (`desktop/views/stock_view.py`, `stock_view_queries.stock_view_page`): it reads
  300 lines at a time for the current filter and sort, every column header sorting in the database (the
  page's balance ids first, from an index where one matches, then the joins for those rows only); the
  totals line is one aggregate (`stock_view_totals`) on a pool thread. The old path — every line of the
  city (190,000) loaded into Python and sorted and filtered by a proxy model, 20 s and hundreds of MB — is
  gone, and no longer measured.
- **Sort indexes** (migration `0007_perf_sort_indexes`, declared on the models too): store level,
  batch number, production date, item name and spec. A first page sorted by batch number or production
  date went from ≈ 370 ms CPU to ≈ 15 ms on the city, by name or spec from ≈ 75 to ≈ 20 ms. Indexes on
  quantity and reserved were tried and left out: SQLite then used them for the `quantity > 0` filter of
  every other sort, which became 2–3× slower. The level sort orders by the stored level (its values sort
  in the level order) instead of a CASE, so it walks `ix_balances_live_level`.
- **Home view off the UI thread**: the stock tiles (`stock_overview`, one grouped query), the expiry
  counts, the adequacy tile *and now the alerts panel* are computed on the global thread pool through one
  mechanism, `desktop/widgets/background.PoolCall` (a function, its result or error back by a queued
  signal, with a generation so a stale answer is dropped); the panel says 正在计算… meanwhile. The desktop
  start no longer waits ≈ 2–10 s (by load) for `pending_alerts`.
- **Alerts** (`reminders.pending`, `dashboard_alerts(limit=)`): the keys of every alert (one per expired
  or due batch: ≈ 17,800 in the city), the user's acknowledgements and the order come first, as plain
  values — acknowledgements read as (key, acknowledged) pairs by chunks of 5,000 keys through the unique
  (key, user) index, where there were 17,794 ORM objects and one IN list that a city would soon push past
  SQLite's bound-parameter limit — and only the alerts shown are built as `Alert` objects with their
  translatable `msg()` texts: the panel asks for the 200 most urgent and gets the keys of all (its counts;
  every new one is still announced). Building every alert costs ≈ 1.7 s CPU on the loaded box since the
  texts became `msg()` templates; the panel's call ≈ 0.7 s (rotation rows and acknowledgements).
- **The alerts panel no longer crashes the program** (`desktop/widgets/alerts_panel.py`): PySide6 6.12 on
  Python 3.11 drops a reference to `None` on `QListWidget.addItem`, on every `QListWidgetItem` setter after
  the first (tooltip, colours, font, flags) and on `currentItem()` returning no item. `None`'s count is some
  thousands to tens of thousands, and 200 coloured alert rows cost 400 per refresh, so after a few dozen
  refreshes (every posting refreshes the home view) the program aborted ("none_dealloc"). The panel is now
  a list view over a table model (`RowTableModel`), which has no such calls; a test refreshes it five times
  and checks `sys.getrefcount(None)`.
- **Rotation plan** (`rotation.rotation_plan`): the big query reads only balance and batch columns, with
  quantities and prices as raw integers converted once per distinct value; store and item columns come
  from two small lookups shared by every row; the status comes from per-lead-time date bounds instead of
  date arithmetic per row; open replacement plans are looked up only when there are any. ≈ 570 → ≈ 370 ms
  on a quiet moment, same rows (checked against the previous implementation for four status/window
  combinations). The alerts use the same plan for 30 days.
- **Stock page** (`stock_view_queries.stock_view_page`): the level sort orders by the stored level; only the
  asked sort key is built (building all twelve cost more than reading the page); categories are read as
  plain rows with each one's effective lead time computed once (no ORM walk per line); the rows come from
  the session's Core connection; the unfiltered view's statement (what opens first, and most sorting and
  scrolling) is built once per sort and direction with the limit and offset as parameters.
- **Ledger page** (`ledger_queries.ledger_page`): the statement is built once per filter shape with bound
  parameters for the values and the keyset (`functools.lru_cache`), and executed on the session's Core
  connection, so a page no longer rebuilds the query and its cache key nor goes through the ORM's result
  machinery: ≈ 25% and then ≈ 15% less CPU per page.
- **Desktop memory** (target 400 MB): with the stock view lazy, the home figures grouped in SQL and the
  alerts panel holding 200 alerts, the peak after opening every view in one process stays under the target
  (see the table). What the process holds at start is mostly imported code (≈ 205 MB before the first
  window: SQLAlchemy ≈ 46 MB, `pypinyin`'s dictionaries ≈ 55 MB, PySide6, openpyxl, reportlab, alembic) and
  the navigation tree's 3,200 stores; the probe's pin against the refcount bug below adds 16 MB.
- **Query counts** (`tests/benchmarks_smoke/test_query_counts.py`): the stock pages, adequacy, the
  rotation plan and the alerts run a fixed number of statements however many lines or alerts there are
  (announcing alerts adds one insert per 300 and the audit entry).
- **Earlier in this issue**: `stock_lines`' N+1 on categories (43 queries for a county → 2);
  `stock_overview` for the home tiles; migration 0006 (`ix_documents_reference` for the rotation plan's
  replacement sums).
- **Bare SQL and ratios**: each read's bare SQL is the same statement shape through the plain driver
  (for the stock pages: the page's ids first with the same bound parameters — SQLite plans a written-out
  `LIMIT 300` differently, for the worse on a batch-number sort). The table shows the ratio on wall time and
  on CPU time; with other engineers' tests running, the wall ratio mostly measures who had the core.
"""

MISSES = """
- **Desktop start to a usable window** (target 2 s): ≈ 2.7 s on the city after the last changes (5.5 s
  before them; measured while CI ran on the other core). Done: `warehouses.list_stores` loads the stores'
  areas with `selectinload` (it loaded each of 3,200 areas lazily, ≈ 1.8 s), `style.icon()` loads each
  icon once (≈ 1 s), `pypinyin` is imported when a pinyin key is first made (0.4 s, 55 MB). What remains on
  the UI thread is importing the program (SQLAlchemy, PySide6) and the navigation tree filling one
  `QTreeWidgetItem` per store. *What it takes*: a tree model, or stores filled in when a branch opens.
- **PySide6 6.12 on Python 3.11 wears down `None` and `True`** (found while fixing the alerts panel,
  checked in isolation: ten thousand `QCoreApplication.processEvents()` calls abort the interpreter with
  "none_dealloc"; `QThreadPool.start()`, item setters and Python `Signal.emit` drop references too).
  Worked around in `desktop/refcount_guard.py`: the application adds unowned references to `None`, `True`
  and `False` whenever their count runs low (checked every 2 s; CPython < 3.12 only, where these objects
  are not yet immortal). *What it takes to remove it*: Python ≥ 3.12 or a PySide6 without the bug.
- **Stock view sorted by value** misses 200 ms, and quantity and reserved are near it (see the table): these
  sort every live balance (190,000) to find a page. The index that would serve quantity made SQLite slower
  for every other sort (above), and value is quantity × a price from the batch or the item, which no index
  holds. *What it takes*: a stored line value on the balance row (maintained by posting) with a partial index
  on it; for quantity, an index SQLite cannot mistake for the live filter (e.g. on an expression).
- **Category sort** (through an outer join, `coalesce(code, '')`) also sorts every live line, but is
  quicker (under target).
- **Rotation plan for the whole city** is under 500 ms on a quiet moment but close to it, because of what it
  returns: ≈ 19,000 rows (15,000 expired batches in the generated city, which scraps nothing) built into
  typed rows; the bare SQL that only reads them is about 40% of it. On a loaded machine it goes over. With
  realistic stock hygiene the plan is far smaller; for the screen, paging the plan like the ledger would bound it.
- **Home alerts** are computed off the UI thread and are not a target of the issue; most of what is left is
  reading the ≈ 17,800 rotation rows they are made of. *What it takes to make it small*: rank and count
  them in SQL (the per-item lead time in SQL), or fewer alerts (one per store and status rather than
  one per batch).
- **PostgreSQL** (`RESULTS_POSTGRES.md`, the reads, posting, adequacy, rotation and the PDF; the import,
  export and desktop figures are SQLite's): the pinyin filter misses 300 ms there — the matched item ids,
  the store subquery and the batch-number LIKE are one OR, which PostgreSQL answers by reading every live
  balance instead of walking the store index as SQLite does; a UNION of the three, each on its index,
  would fix it. Posting and adequacy are dominated by the server's round trips on the loaded box (the CPU
  column is this process's only).
- **Read-path ratios still above 3×** where the bare query takes a millisecond or two (ledger and stock
  first pages): what is left is opening the session and transaction and converting 200–300 rows of typed
  values (UTC datetimes, Decimal quantities and prices, enums) into the frozen dataclasses the views use —
  a few ms in all, far under the 200 ms target; cutting further would mean handing raw integers and strings
  to the views. A filtered stock page still builds its statement each time (its shape depends on the
  filter's values: matched item ids, lead-time groups).
- **Slow views on the city**: the stores view takes ≈ 13 s to open (3,200 stores; see the memory probe's
  times). The documents view, which did not finish opening within 15 minutes earlier today (it
  listed all 628,605 documents), opens since another engineer's commit 7136d56 (newest page of ids first,
  migration 0008), so the memory probe opens every view again.
- **Importing 100,000 rows** and **exporting a county's workbook**: measured with helper D's
  `benchmarks/import_100k.py` and `benchmarks/ops/excel.py`; their analysis and what is left is in
  `benchmarks/IMPORT.md`.
- **Posting**: the bare figure is only the core write (update one balance, insert one ledger row, then
  rolled back so the ledger stays equal to the balances); ours also numbers the document, writes the
  document and its line and the audit entry, all through the ORM — a dozen statements. The ratio is
  therefore large by construction, but the absolute median is within target. On a loaded machine the
  p99 is the scheduler's, not the code's: compare the CPU column.
- **Load**: the SQLite figures were taken at 23:40 UTC, when the other engineers had stopped (load ≈ 1–2 on
  the two cores): wall and CPU agree. The PostgreSQL figures were taken earlier, under load 3–7, and their
  CPU column is this process's only: the server's work is not in it.

"""
