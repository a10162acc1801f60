"""The stock view's queries and the adequacy check run a fixed number of SQL statements, however many
stock lines, categories or needs there are (no N+1: issue 10). Counted with ``before_cursor_execute``."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from benchmarks import generate
from models.services.adequacy import Scenario, assess
from models.services.stock_view_queries import stock_lines, stock_page


@contextmanager
def counted(db):
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_stock_and_adequacy_query_counts(db):
    generate.populate(db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(db)
    with counted(db) as statements:
        lines = stock_lines(ctx)
    assert len(lines) > 100
    assert len({line.category_code for line in lines}) > 5  # many categories, still no query per category
    assert len(statements) == 2, statements  # categories, then the lines

    for kwargs in ({}, {"sort": "expiry"}, {"sort": "expiry", "text": "zp"}):
        with counted(db) as statements:
            page = stock_page(ctx, limit=50, **kwargs)
        assert page
        # categories, [items for the text, and on PostgreSQL the stores and batch numbers it matches], the page
        assert len(statements) <= (3 if db.is_sqlite else 5), (kwargs, statements)

    with counted(db) as statements:
        report = assess(ctx, Scenario(5000, 15))
    assert len(report.lines) >= 5 and any(line.own > 0 for line in report.lines)
    whole = len(statements)
    with counted(db) as statements:
        assess(ctx, Scenario(5000, 15, area="320101"))
    assert whole <= 12 and len(statements) <= whole + 2, statements


def test_stock_overview_matches_the_lines_in_two_queries(db):
    from decimal import Decimal

    from models.services.stock_view_queries import category_summary, stock_overview

    generate.populate(db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(db)
    lines = stock_lines(ctx)
    with counted(db) as statements:
        overview = stock_overview(ctx)
    assert len(statements) == 2, statements  # categories, then one grouped query
    assert overview.lines == len(lines) and overview.items == len({line.item_code for line in lines})
    assert overview.value == sum((line.value or Decimal(0) for line in lines), Decimal(0))
    assert overview.categories == category_summary(ctx, lines=lines)


def test_alerts_and_rotation_query_counts_do_not_grow_with_the_alerts(db):
    """The home alerts (every batch to rotate within 30 days is one) and the rotation plan read with a fixed
    number of statements, however many alerts there are; announcing them adds one insert per 300."""
    from models.services.dashboard_alerts import dashboard_alerts
    from models.services.rotation import rotation_plan

    generate.populate(db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(db)
    with counted(db) as statements:
        plan = rotation_plan(ctx)
    assert len(plan) > 20 and len({row.store_code for row in plan}) > 3
    assert len(statements) <= 6, statements  # categories, items' leads, stores, items, balances, open plans
    with counted(db) as statements:
        alerts = dashboard_alerts(ctx).alerts
    expiring = [alert for alert in alerts if alert.kind == "expiry"]
    assert len(expiring) > 20 and all(alert.new for alert in alerts)
    reads = len(statements)
    assert reads <= 12, statements
    with counted(db) as statements:
        announced = dashboard_alerts(ctx, announce=True)
    inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT")]
    assert len(inserts) == -(-len(announced.alerts) // 300) + 1  # the acknowledgements by 300, and the audit entry
    assert len(statements) - len(inserts) == reads
    with counted(db) as statements:
        again = dashboard_alerts(ctx, announce=True)
    assert again.new == [] and len(statements) == reads
