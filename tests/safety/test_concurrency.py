"""Proof: eight programs posting at once on shared batches lose nothing and never go negative.

Runs on SQLite (a temporary file) and PostgreSQL (TEST_DATABASE_URL). Sizes: RK_STRESS_OPS operations
per client (default 25); ``python benchmarks/stress_safety.py`` runs the full size.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select

from models.schema.documents import Document
from models.schema.stock import Balance, Batch, Movement
from models.schema.warehouse import Store
from models.services.receiving import ReceiptLine, receive
from models.services.verify import verify
from tests.safety import stress_workers as workers

CLIENTS = 8
INITIAL = Decimal(20)


def seed_shared_batches(ctx) -> int:
    """Create the shared batches first (a brand-new batch number is not what this proof is about)."""
    count = 0
    for store in workers.STORES:
        for batch in workers.SHARED_BATCHES:
            receive(ctx, store, [ReceiptLine(workers.ITEM, INITIAL, batch_no=batch)])
            count += 1
    return count


def run_clients(url: str, clients: int, operations: int, lines: int = 1) -> list[workers.ClientReport]:
    mp = multiprocessing.get_context("fork")  # children open their own engines; fork skips re-imports
    start = mp.Event()
    results = mp.Queue()
    processes = [
        mp.Process(target=workers.random_poster, args=(url, n, operations, 1000 + n, start, results, lines))
        for n in range(clients)
    ]
    for process in processes:
        process.start()
    start.set()
    reports = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    assert [p.exitcode for p in processes] == [0] * clients
    return reports


def balances(db) -> dict[tuple[str, str], Decimal]:
    with db.read() as session:
        rows = session.execute(
            select(Store.code, Batch.batch_no, Balance.quantity)
            .join(Store, Store.id == Balance.store_id).join(Batch, Batch.id == Balance.batch_id)
        ).all()
    return {(store, batch): quantity for store, batch, quantity in rows}


def check_outcome(db, reports, operations: int, seeded: int) -> tuple[int, int]:
    """Nothing lost, nothing invented, nothing negative; returns (refusals, conflicts)."""
    errors = [error for report in reports for error in report.errors]
    assert errors == [], errors[0] if errors else ""
    successes = [s for report in reports for s in report.successes]
    refusals = sum(report.refusals for report in reports)
    conflicts = sum(report.conflicts for report in reports)
    assert len(successes) + refusals + conflicts == len(reports) * operations

    report = verify(db)
    assert report.ok, report.as_json()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Balance).where(Balance.quantity < 0)) == 0
        numbers = set(session.scalars(select(Document.number)))
        in_ledger = set(session.scalars(select(Document.number).join(Movement, Movement.document_id == Document.id)))
    seen = {number for number, *_ in successes}
    assert len(seen) == len(successes)  # no number handed out twice
    assert seen <= numbers and seen <= in_ledger
    assert len(numbers) == seeded + len(successes)  # and nothing the clients were not told about

    expected: dict[tuple[str, str], Decimal] = defaultdict(lambda: INITIAL)
    for _number, kind, store, picked in successes:
        for batch, quantity in picked:
            expected[(store, batch)] += (1 if kind == "receipt" else -1) * Decimal(quantity)
    actual = balances(db)
    for key in [(s, b) for s in workers.STORES for b in workers.SHARED_BATCHES]:
        assert actual[key] == expected[key], key
    return refusals, conflicts


def test_eight_clients_posting_at_random_on_shared_batches(admin, county, db):
    seeded = seed_shared_batches(admin)
    operations = int(os.environ.get("RK_STRESS_OPS", "25"))
    reports = run_clients(db.url, CLIENTS, operations)
    _refusals, conflicts = check_outcome(db, reports, operations, seeded)
    assert conflicts == 0  # one line per document: rows are always locked in the same order


def test_two_line_postings_in_random_order_conflict_only_with_a_message(admin, county, db):
    """Two batches per document in random order: postings in one store queue on the store's row
    lock (ledger.lock_store), so they never deadlock on PostgreSQL and none is refused as a conflict."""
    seeded = seed_shared_batches(admin)
    operations = int(os.environ.get("RK_STRESS_OPS", "25"))
    reports = run_clients(db.url, CLIENTS, operations, lines=2)
    refusals, conflicts = check_outcome(db, reports, operations, seeded)
    assert conflicts == 0, f"{conflicts} postings deadlocked"


def test_same_new_batch_received_at_once_in_several_stores(admin, county, db):
    """Two keepers receiving the same brand-new batch number at the same moment (server mode) both
    succeed on one shared batch row, instead of one failing with a unique-key error."""
    mp = multiprocessing.get_context("fork")
    start, results = mp.Event(), mp.Queue()
    stores = [county.county_store, county.township_store, county.other_township_store, county.village_store]
    processes = [mp.Process(target=workers.new_batch_receiver, args=(db.url, n, store, "NEW-1", start, results))
                 for n, store in enumerate(stores * 2)]
    for process in processes:
        process.start()
    start.set()
    outcomes = [results.get(timeout=300) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    assert [kind for kind, _ in outcomes] == ["ok"] * len(processes), outcomes
    with db.read() as session:
        batches = session.scalars(select(Batch).where(Batch.batch_no == "NEW-1")).all()
        total = session.scalar(select(func.sum(Balance.quantity)).where(Balance.batch_id == batches[0].id))
    assert len(batches) == 1 and total == len(processes)
    assert verify(db).ok
