"""The adequacy check runs a bounded number of statements, whatever the number of items."""

from __future__ import annotations

from sqlalchemy import event

from models.services.adequacy import Scenario, assess
from models.services.catalog import ItemInput, create_item
from models.services.receiving import ReceiptLine, receive
from models.services.standards import NeedInput, add_need, create_standard, link_item


def count_statements(db, action) -> int:
    statements = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return len(statements)


def build(admin, county, needs: int, items_per_need: int) -> None:
    create_standard(admin, "规模")
    for n in range(needs):
        add_need(admin, "规模", NeedInput(f"需求{n}", "个", "per_persons", "3"))
        lines = []
        for i in range(items_per_need):
            code = f"X{n}-{i}"
            create_item(admin, ItemInput(code, f"物资{n}-{i}", "个"))
            link_item(admin, "规模", f"需求{n}", code, 1)
            lines.append(ReceiptLine(code, 5, batch_no="A"))
            lines.append(ReceiptLine(code, 5, batch_no="B", expiry_date="2027-01-01"))
        receive(admin, county.county_store, lines)
        receive(admin, county.township_store, lines)


def test_statement_count_does_not_grow_with_items(admin, county, db):
    build(admin, county, needs=2, items_per_need=1)
    scenario = Scenario(people=30, days=15, standard="规模")
    small = count_statements(db, lambda: assess(admin, scenario))
    report = assess(admin, scenario)
    assert report.lines[0].own == 20  # the statements did the work
    build_more(admin, county)
    large = count_statements(db, lambda: assess(admin, scenario))
    assert large == small
    assert small <= 8
    area = count_statements(db, lambda: assess(admin, Scenario(people=30, days=15, standard="规模", area="320101")))
    assert area <= small + 2


def build_more(admin, county) -> None:
    """Eight more needs with four items each, stocked in two stores."""
    for n in range(2, 10):
        add_need(admin, "规模", NeedInput(f"需求{n}", "个", "per_persons", "3"))
        lines = []
        for i in range(4):
            code = f"X{n}-{i}"
            create_item(admin, ItemInput(code, f"物资{n}-{i}", "个"))
            link_item(admin, "规模", f"需求{n}", code, 1)
            lines.append(ReceiptLine(code, 5, batch_no="A"))
        receive(admin, county.county_store, lines)
