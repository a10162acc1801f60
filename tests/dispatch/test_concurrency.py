"""Two approvals competing for the same stock at the same time, each in its own thread and session:
one reserves, the other is told what is short. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

from sqlalchemy import select

from models.errors import InsufficientStockError
from models.schema.dispatch import DispatchStatus
from models.schema.stock import Balance
from models.services import dispatch
from tests.dispatch.conftest import create


def test_concurrent_approvals_one_wins_the_other_is_told_what_is_short(admin, officer, stocked, db):
    first = create(admin, stocked, (stocked.tent, 12), area=None)
    second = create(admin, stocked, (stocked.tent, 12), area=None)
    results: dict[str, object] = {}
    barrier = threading.Barrier(3)

    def approve(number: str) -> None:
        barrier.wait()
        try:
            results[number] = dispatch.approve(officer, number)
        except Exception as exc:  # collected and checked below
            results[number] = exc

    threads = [threading.Thread(target=approve, args=(n,)) for n in (first.number, second.number)]
    # Hold the balance rows (PostgreSQL) / the write lock (SQLite) so both approvals queue up behind
    # it and then compete the moment it is released.
    with db.write() as session:
        session.scalars(select(Balance).where(Balance.item_id.is_not(None)).with_for_update()).all()
        for thread in threads:
            thread.start()
        barrier.wait()
        time.sleep(0.3)  # let both reach the lock; correctness does not depend on this
    for thread in threads:
        thread.join(timeout=120)
        assert not thread.is_alive()

    outcomes = sorted(type(value).__name__ for value in results.values())
    assert outcomes == ["InsufficientStockError", "OrderView"], results
    loser = next(n for n, v in results.items() if isinstance(v, InsufficientStockError))
    winner = next(n for n, v in results.items() if not isinstance(v, Exception))
    message = results[loser].message
    assert "可用 8顶" in message and "缺 4顶" in message and loser in message
    assert dispatch.order_view(admin, winner).status is DispatchStatus.APPROVED
    assert dispatch.order_view(admin, loser).status is DispatchStatus.DRAFT
    with db.read() as session:
        total = sum(session.scalars(select(Balance.reserved)).all(), Decimal(0))
    assert total == 12
