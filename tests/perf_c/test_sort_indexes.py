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
