"""Migration 0007 (the stock view's sort indexes) matches the models, and the sorts it serves still give
the right order (issue 10)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from benchmarks import generate
from models.schema.base import Base
from models.services.stock_view_queries import StockFilter, stock_view_page

MINE = {"ix_balances_live_level": "balances", "ix_batches_batch_no": "batches",
        "ix_batches_production_date": "batches", "ix_items_name": "items", "ix_items_spec": "items"}


def test_the_sort_indexes_exist_and_match_the_models(db):
    with db.engine.connect() as conn:
        present = {index["name"] for table in set(MINE.values()) for index in inspect(conn).get_indexes(table)}
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert set(MINE) <= present
    assert [d for d in diff if any(name in str(d) for name in MINE)] == []


def test_sorted_pages_follow_the_sorted_columns(db):
    generate.populate(db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(db)
    for sort, key in (("level", lambda line: list(type(line.level)).index(line.level)),
                      ("batch", lambda line: line.batch), ("item_name", lambda line: line.item_name),
                      ("spec", lambda line: line.spec)):
        for descending in (False, True):
            page = stock_view_page(ctx, StockFilter(), sort=sort, descending=descending, limit=40)
            keys = [key(line) for line in page]
            assert len(page) == 40 and keys == sorted(keys, reverse=descending), (sort, descending)
    dated = [line.production_date for line in stock_view_page(ctx, StockFilter(), sort="production", limit=500)]
    known = [day for day in dated if day is not None]
    assert known and known == sorted(known)


def _key(line):
    return (line.store_code, line.item_code, line.batch)


def test_every_sort_returns_the_lines_stock_lines_gives_in_its_order(db):
    """The lazy view's pages hold exactly the lines (lead times and categories included) that the full
    ``stock_lines`` read gives, ordered by the column asked for, both ways."""
    from decimal import Decimal

    from models.services.stock_view_queries import DUE, STOCK_VIEW_SORTS, stock_lines

    generate.populate(db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(db)
    reference = {_key(line): line for line in stock_lines(ctx)}
    today = ctx.today()
    order = {
        "level": lambda line: list(type(line.level)).index(line.level), "item_code": lambda line: line.item_code,
        "item_name": lambda line: line.item_name, "spec": lambda line: line.spec,
        "category": lambda line: line.category_code, "batch": lambda line: line.batch,
        "quantity": lambda line: line.quantity, "reserved": lambda line: line.reserved,
        "value": lambda line: line.quantity * (line.unit_price if line.unit_price is not None else Decimal(-1)),
        "expiry": lambda line: line.expiry_date or today, "status": lambda line: line.expiry_date or today,
    }
    for sort in STOCK_VIEW_SORTS:
        for descending in (False, True):
            page = stock_view_page(ctx, StockFilter(), sort=sort, descending=descending, limit=5000)
            assert {_key(line): line for line in page} == reference, (sort, descending)
            if sort in order and sort not in ("expiry", "status"):
                keys = [order[sort](line) for line in page]
                assert keys == sorted(keys, reverse=descending), (sort, descending)
    due = stock_view_page(ctx, StockFilter(expiry="due"), limit=5000)
    assert {_key(line) for line in due} == {k for k, line in reference.items() if line.status(today) == DUE}
    assert due and len({line.lead_days for line in reference.values()}) > 1


def test_pages_follow_one_another_and_filters_are_not_served_from_the_unfiltered_statement(db):
    """Scrolling (offset) gives the next lines of the same order; a filtered page after an unfiltered one with
    the same sort (and the other way round) gives the filtered answer."""
    generate.populate(db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(db)
    for sort in ("store", "batch", "value"):
        whole = stock_view_page(ctx, StockFilter(), sort=sort, limit=5000)
        pages = [stock_view_page(ctx, StockFilter(), sort=sort, limit=50, offset=start) for start in (0, 50, 100)]
        assert [line for page in pages for line in page] == whole[:150]
        filtered = stock_view_page(ctx, StockFilter(text="zp"), sort=sort, limit=5000)
        assert 0 < len(filtered) < len(whole)
        assert all("帐篷" in line.item_name or "zp" in line.pinyin for line in filtered)
        assert stock_view_page(ctx, StockFilter(), sort=sort, limit=5000) == whole
