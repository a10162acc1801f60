"""ledger.apply_movements_bulk (the import's write path, statements sent past the ORM) keeps the ledger's
rules on SQLite and PostgreSQL: running balances recorded, never below zero (nothing written), values
stored as the ORM stores them, and the PostgreSQL planner settings of its look-ups set back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.errors import InsufficientStockError
from models.schema.documents import DocumentLine
from models.schema.enums import DocType
from models.schema.stock import Balance, Batch, Movement
from models.schema.warehouse import Store
from models.services import ledger
from models.services.receiving import ReceiptLine, receive


def _bulk(admin, county, deltas: list[str]) -> None:
    with admin.write() as session:
        store = session.scalar(select(Store).where(Store.code == county.township_store))
        batch = session.scalar(select(Batch).where(Batch.batch_no == "B1"))
        document = ledger.new_document(admin, session, DocType.RECEIPT, store)
        lines = [ledger.BulkLine(document_id=document.id, doc_type=DocType.RECEIPT, occurred_at=document.posted_at,
                                 line_no=n, store_id=store.id, store_level=store.level, item_id=batch.item_id,
                                 batch_id=batch.id, expiry_date=batch.expiry_date, delta=Decimal(delta),
                                 unit_price=Decimal("1.25"), location="A-1")
                 for n, delta in enumerate(deltas, start=1)]
        ledger.apply_movements_bulk(admin, session, lines)
        if session.get_bind().dialect.name == "postgresql":
            settings = session.connection().exec_driver_sql(
                "SELECT current_setting('enable_seqscan'), current_setting('enable_hashjoin')").one()
            assert tuple(settings) == ("on", "on")


def test_bulk_lines_update_the_balance_and_record_running_balances(admin, county):
    receive(admin, county.township_store, [ReceiptLine(county.water, "10", batch_no="B1",
                                                       expiry_date=dt.date(2027, 1, 1))])
    _bulk(admin, county, ["3.5", "1.25", "0.001"])  # (lines print positive quantities: receipts)
    with admin.read() as session:
        balance = session.scalar(select(Balance).join(Batch).where(Batch.batch_no == "B1"))
        assert balance.quantity == Decimal("14.751") and balance.expiry_date == dt.date(2027, 1, 1)
        movements = session.scalars(select(Movement).order_by(Movement.id)).all()[1:]  # after the receipt
        assert [(m.delta, m.balance_after) for m in movements] == [
            (Decimal("3.5"), Decimal("13.5")), (Decimal("1.25"), Decimal("14.75")), (Decimal("0.001"), Decimal("14.751"))]
        assert movements[0].occurred_at.tzinfo is not None and movements[0].user_id == admin.actor.user_id
        lines = session.scalars(select(DocumentLine).where(DocumentLine.document_id == movements[0].document_id)
                                .order_by(DocumentLine.line_no)).all()
        assert [(line.line_no, line.quantity, line.unit_price, line.location) for line in lines] == [
            (1, Decimal("3.5"), Decimal("1.25"), "A-1"), (2, Decimal("1.25"), Decimal("1.25"), "A-1"),
            (3, Decimal("0.001"), Decimal("1.25"), "A-1")]


def test_bulk_lines_never_go_below_zero_and_write_nothing(admin, county):
    receive(admin, county.township_store, [ReceiptLine(county.water, "10", batch_no="B1",
                                                       expiry_date=dt.date(2027, 1, 1))])
    with pytest.raises(InsufficientStockError, match="只有 12，不足 13"):
        _bulk(admin, county, ["2", "-13"])
    with admin.read() as session:
        assert session.scalar(select(Balance.quantity)) == Decimal(10)
        assert session.scalars(select(Movement.doc_type)).all() == [DocType.RECEIPT]
