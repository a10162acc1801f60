"""Proof: a database created at the first revision ("0001") and filled with data upgrades to the
current heads with every row kept, on SQLite and on PostgreSQL.

The data is made through today's services on a fresh database, then copied column by column into a
database built by revision 0001 only (so the test keeps working when later revisions add columns).
"""

from __future__ import annotations


import pytest
from sqlalchemy import MetaData, select, text
from sqlalchemy.engine import make_url

from models.db import Database, make_engine
from models.migrate import current_revisions, head_revisions, open_database, upgrade
from models.schema.base import Base
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.reversal import reverse
from models.services.transfers import receive_transfer, ship_transfer
from models.services.users import add_user
from models.services.verify import verify

SCHEMA = "rk_migration_proof"
EXACT = {"stores", "items", "batches", "documents", "document_lines", "movements", "balances", "transfers",
         "transfer_lines", "audit_log", "users", "user_stores", "number_sequences", "areas"}


def fill(ctx, county) -> None:
    receive(ctx, county.county_store, [
        ReceiptLine(county.water, 300, batch_no="W1", production_date="2026-01-01"),
        ReceiptLine(county.tent, 40, batch_no="T1"),
        ReceiptLine(county.rice, "125.5", batch_no="R1", production_date="2026-03-01"),
    ], supplier="某粮油公司", remarks="首批'入库\"")
    receive(ctx, county.township_store, [ReceiptLine(county.bags, 5000, batch_no="B1")])
    issue(ctx, county.county_store, [IssueLine(county.water, 30)], receiver="城关镇", purpose="防汛")
    wrong = issue(ctx, county.township_store, [IssueLine(county.bags, 100)], receiver="河口镇")
    reverse(ctx, wrong.number, reason="数量录错")
    shipped = ship_transfer(ctx, county.county_store, county.township_store, [IssueLine(county.tent, 10)])
    receive_transfer(ctx, shipped.transfer_number, {(county.tent, "T1"): 6})
    add_user(ctx, "keeper1", "keeper", password="keeper-pass-1", store_codes=[county.township_store])


@pytest.fixture
def old_database(db, backend, tmp_path):
    """An empty database at revision 0001 on the same backend."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
    else:
        with db.engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        url = make_url(db.url).update_query_dict({"options": f"-csearch_path={SCHEMA}"}).render_as_string(
            hide_password=False)
    old = Database(url, make_engine(url))
    upgrade(old, "0001")
    assert current_revisions(old) == {"0001"}
    yield old
    old.dispose()
    if backend != "sqlite":
        with db.engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))


def snapshot(engine, tables: MetaData) -> dict[str, list[tuple]]:
    """Every row of every table, as plain column values, in primary-key order."""
    current = MetaData()
    current.reflect(engine)
    result = {}
    with engine.connect() as conn:
        for name, old_table in tables.tables.items():
            table = current.tables[name]
            columns = [table.c[c.name] for c in old_table.columns]
            order = [table.c[c.name] for c in old_table.primary_key.columns] or columns
            result[name] = [tuple(row) for row in conn.execute(select(*columns).order_by(*order))]
    return result


def copy_rows(source_engine, target_engine, tables: MetaData) -> None:
    order = [t.name for t in Base.metadata.sorted_tables if t.name in tables.tables]
    order += sorted(set(tables.tables) - set(order))
    with source_engine.connect() as source, target_engine.begin() as target:
        for name in order:
            table = tables.tables[name]
            pk = list(table.primary_key.columns) or list(table.columns)
            rows = [dict(row._mapping) for row in source.execute(select(*table.columns).order_by(*pk))]
            if rows:
                target.execute(table.insert(), rows)


def test_first_revision_with_data_upgrades_to_heads_keeping_every_row(admin, county, db, old_database):
    fill(admin, county)
    assert verify(db).ok
    old_tables = MetaData()
    old_tables.reflect(old_database.engine)
    old_tables.remove(old_tables.tables["alembic_version"])
    copy_rows(db.engine, old_database.engine, old_tables)
    before = snapshot(old_database.engine, old_tables)
    assert {name for name, rows in before.items() if rows} >= {
        "stores", "items", "batches", "documents", "document_lines", "movements", "balances",
        "transfers", "transfer_lines", "audit_log", "users", "user_stores", "number_sequences",
    }
    old_database.dispose()

    upgraded = open_database(old_database.url)
    try:
        assert current_revisions(upgraded) == head_revisions()
        after = snapshot(upgraded.engine, old_tables)
        for name in before:
            if name == "app_settings":  # the upgrade's own backup rewrites backup.last_at
                before[name] = [row for row in before[name] if row[0] != "backup.last_at"]
            missing = set(before[name]) - set(after[name])
            assert not missing, (name, sorted(missing)[:3])
            if name in EXACT:  # the program may add settings rows (the pre-upgrade backup time)
                assert after[name] == before[name], name
        report = verify(upgraded)
        assert report.ok, report.as_json()
    finally:
        upgraded.dispose()
