"""Migration 0009's sort indexes: they exist as the models declare them, SQLite walks them for the value,
quantity and reserved sorts, and no other sort's plan touches them (issue 10: an earlier plain quantity
index made SQLite use it for the live filter of every other sort)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect

from benchmarks import generate
from models.schema.base import Base
from models.services import stock_view_queries
from models.services.stock_view_queries import STOCK_VIEW_SORTS, StockFilter, stock_view_page

MINE = ("ix_balances_live_value", "ix_balances_live_quantity", "ix_balances_live_reserved")


def test_the_indexes_exist_and_postgresql_compares_them_equal_to_the_models(db):
    with db.engine.connect() as conn:
        present = {index["name"] for index in inspect(conn).get_indexes("balances")} if not db.is_sqlite else {
            row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE tbl_name = 'balances'")}
        columns = {column["name"] for column in inspect(conn).get_columns("balances")}
        if not db.is_sqlite:  # SQLite's expression indexes cannot be reflected, so not compared
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
            assert [d for d in diff if "balances" in str(d)] == []
    assert set(MINE) <= present and "unit_price" in columns


def _plans(db, ctx, sort: str, descending: bool) -> str:
    seen = []

    def grab(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    stock_view_queries._EVERYTHING_PAGES.clear()
    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        stock_view_page(ctx, StockFilter(), sort=sort, descending=descending, limit=300)
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    statement, parameters = seen[-1]
    with db.engine.connect() as conn:
        return " | ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))


def test_sqlite_walks_each_index_for_its_own_sort_only(sqlite_db):
    generate.populate(sqlite_db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(sqlite_db)
    for sort in STOCK_VIEW_SORTS:
        for descending in (False, True):
            plan = _plans(sqlite_db, ctx, sort, descending)
            used = [name for name in MINE if name in plan]
            if sort in ("value", "quantity", "reserved"):
                assert used == [f"ix_balances_live_{sort}"], (sort, descending, plan)
                # the page's ids come from the index in order: no sort of the live lines before the limit
                assert plan.count("TEMP B-TREE") == 1, (sort, descending, plan)
            else:
                assert used == [], (sort, descending, plan)
