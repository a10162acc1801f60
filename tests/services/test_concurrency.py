"""Four processes issuing from the same batch at once never drive it below zero."""

from __future__ import annotations

import multiprocessing as mp
from decimal import Decimal

from models.context import Actor, ServiceContext
from models.errors import InsufficientStockError
from models.migrate import open_database
from models.schema.enums import Role
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from models.services.verify import verify


def _issue_until_empty(url: str, user_id: int, store: str, item: str, start, results) -> None:
    database = open_database(url, migrate=False)
    ctx = ServiceContext(database, Actor(user_id, "admin", Role.ADMIN))
    numbers = []
    start.wait()
    while True:
        try:
            numbers.append(issue(ctx, store, [IssueLine(item, 3)], receiver="并发测试").number)
        except InsufficientStockError:
            break
    database.dispose()
    results.put(numbers)


def test_four_processes_issuing_the_same_batch(admin, county, db):
    receive(admin, county.county_store, [ReceiptLine(county.bags, 100, batch_no="SHARED")])
    spawn = mp.get_context("spawn")
    start, results = spawn.Event(), spawn.Queue()
    workers = [
        spawn.Process(target=_issue_until_empty,
                      args=(db.url, admin.actor.user_id, county.county_store, county.bags, start, results))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    start.set()
    numbers = [number for _ in workers for number in results.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert len(numbers) == 33 and len(set(numbers)) == 33  # 33 × 3 = 99 of 100; numbers unique
    remaining = {row.batch: row.quantity for row in stock_rows(admin, store_code=county.county_store)}
    assert remaining["SHARED"] == Decimal(1)
    assert verify(db).ok
