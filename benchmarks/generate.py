"""Seeded, reproducible benchmark databases, written straight through the schema in bulk.

Sizes (``SIZES``): **county** (1 county store, 20 township, 300 village; 500 items; 20,000 batches;
200,000 movements), **city** (10 such counties, 3,200 stores; 1,000 items; 300,000 batches;
2,000,000 movements) and **tiny** (for the smoke test). The schema comes from the Alembic revisions
(``open_database``); the administrator, the category tree and the default standards with their item
links go through the services (small); stores, items, batches, documents with their lines, movements,
balances, audit entries and number sequences go in with ``executemany`` (SQLite) or ``COPY``
(PostgreSQL), with the secondary indexes of the big tables dropped during the load and rebuilt after.

The result passes ``reserve-keeper verify``: every balance equals its ledger sum, documents have
lines matching their movements and an audit entry, expiry, store level and unit price are copied onto
balances, and the number sequences continue after the generated numbers, so posting through the services works.

    python -m benchmarks.generate --size county [--backend sqlite|postgres] [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from models.context import ServiceContext
from models.demo.catalog_data import DEMO_ITEMS, TOWNSHIPS, VILLAGE_NAMES
from models.migrate import open_database
from models.schema.users import User
from models.services.catalog import install_starter_tree, pinyin_key
from models.services.standards import auto_link_default_items
from models.services.users import actor_for, ensure_admin

DATA_DIR = Path(__file__).resolve().parent / "data"
# the PostgreSQL benchmark database is dropped and rebuilt: point RK_BENCH_POSTGRES_URL at one of your own
POSTGRES_URL = os.environ.get("RK_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:55432/rk_bench")
GENERATOR_VERSION = 1
SEED = 20261123
LINES_PER_DOC = 4
START = dt.datetime(2023, 12, 1, 1, 0)
END = dt.datetime(2026, 11, 20, 9, 0)


@dataclass(frozen=True)
class Size:
    name: str
    counties: int
    townships: int  # per county
    villages: int  # per county
    items: int
    batches: int
    movements: int

    @property
    def stores(self) -> int:
        return self.counties * (1 + self.townships + self.villages)


SIZES = {
    "tiny": Size("tiny", 1, 3, 12, 40, 400, 4_000),
    "county": Size("county", 1, 20, 300, 500, 20_000, 200_000),
    # 10 × (1 + 20 + 299) = 3,200 stores, as in shared/PERFORMANCE.md
    "city": Size("city", 10, 20, 299, 1_000, 300_000, 2_000_000),
}

# the big tables whose secondary indexes are dropped during the load and rebuilt after
BULK_TABLES = ("batches", "balances", "documents", "document_lines", "movements", "audit_log")


def sqlite_path(size: str) -> Path:
    return DATA_DIR / f"{size}-v{GENERATOR_VERSION}.sqlite"


def database_url(size: str, backend: str) -> str:
    return str(sqlite_path(size)) if backend == "sqlite" else POSTGRES_URL


def admin_context(db) -> ServiceContext:
    ensure_admin(db, None)
    with db.read() as session:
        actor = actor_for(session.query(User).filter_by(username="admin").one())
    return ServiceContext(db, actor, machine="bench")


# ------------------------------------------------------------------------------------------ rows

def reference_rows(size: Size, rng: random.Random, category_ids: dict[str, int]):
    """Areas, stores and items as plain tuples (ids given explicitly)."""
    areas, stores, items = [], [], []
    area_id = store_id = 0
    for c in range(size.counties):
        county_code = f"32{c + 1:02d}01"
        area_id += 1
        county_area = area_id
        areas.append((county_area, county_code, f"第{c + 1}县", "county", None))
        store_id += 1
        stores.append((store_id, f"C{c + 1:02d}", f"第{c + 1}县应急物资储备库", "county", county_area,
                       f"第{c + 1}县城关路{c + 1}号", "县级保管员", "0510-0000000", None, True))
        township_areas = []
        for t in range(size.townships):
            area_id += 1
            township_areas.append(area_id)
            name = TOWNSHIPS[t % len(TOWNSHIPS)] + ("" if t < len(TOWNSHIPS) else str(t))
            areas.append((area_id, f"{county_code}{t + 1:03d}", name, "township", county_area))
            store_id += 1
            stores.append((store_id, f"C{c + 1:02d}T{t + 1:02d}", f"{name}储备库", "township", area_id,
                           "", "", "", None, True))
        for v in range(size.villages):
            parent = township_areas[v % len(township_areas)]
            area_id += 1
            name = VILLAGE_NAMES[v % len(VILLAGE_NAMES)] + str(v // len(VILLAGE_NAMES) + 1)
            areas.append((area_id, f"{county_code}{v % size.townships + 1:03d}{v + 1:03d}", name, "village",
                          parent))
            store_id += 1
            stores.append((store_id, f"C{c + 1:02d}V{v + 1:03d}", f"{name}储备点", "village", area_id,
                           "", "", "", None, True))
    pinyin_cache: dict[str, str] = {}
    for n in range(size.items):
        code, name, spec, unit, category, shelf, returnable, price, _where = DEMO_ITEMS[n % len(DEMO_ITEMS)]
        variant = n // len(DEMO_ITEMS)
        if variant:
            code, spec = f"{code}-{variant:02d}", f"{spec} 型{variant}"
        if name not in pinyin_cache:
            pinyin_cache[name] = pinyin_key(name)
        items.append((n + 1, code, name, spec, unit, category_ids[category], shelf, None, returnable,
                      int(round(price * 100)), pinyin_cache[name], True))
    return areas, stores, items


class LedgerBuilder:
    """Documents, lines, movements and audit entries in time order, plus batches and final balances."""

    def __init__(self, size: Size, rng: random.Random, stores, items, user_id: int) -> None:
        self.size, self.rng, self.user_id = size, rng, user_id
        self.store_code = {s[0]: s[1] for s in stores}
        self.store_level = {s[0]: s[3] for s in stores}
        weights = {"county": 30, "township": 6, "village": 1}
        self.store_ids = [s[0] for s in stores]
        self.store_weights = [weights[s[3]] for s in stores]
        self.items = {i[0]: i for i in items}
        self.item_ids = list(self.items)
        self.batches: list[tuple] = []  # batch rows
        self.batch_store: list[int] = [0]  # index = batch id
        self.batch_item: list[int] = [0]
        self.batch_expiry: list = [None]
        self.batch_price: list = [None]
        self.balance: list[int] = [0]
        self.by_store: dict[int, list[int]] = {}
        self.sequences: dict[tuple[str, str, int], int] = {}
        self.doc_id = 0
        self.movements_done = 0

    def _new_batch(self, store: int, item_id: int, at: dt.datetime) -> int:
        rng = self.rng
        item = self.items[item_id]
        batch_id = len(self.batch_store)
        shelf = item[6]
        if shelf:
            expiry = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(0, 6 * 365))
            production = expiry - dt.timedelta(days=int(shelf * 30.4))
        else:
            expiry = None
            production = at.date() - dt.timedelta(days=rng.randrange(10, 400))
        mode = rng.choices(("government", "department", "pledged"), (92, 5, 3))[0]
        price = int(item[9] * rng.uniform(0.8, 1.2))
        self.batches.append((batch_id, item_id, f"G{batch_id:07d}", production, expiry,
                             f"厂家{item_id % 37}", f"供应商{item_id % 23}", mode, price, at))
        self.batch_store.append(store)
        self.batch_item.append(item_id)
        self.batch_expiry.append(expiry)
        self.batch_price.append(price)
        self.balance.append(0)
        self.by_store.setdefault(store, []).append(batch_id)
        return batch_id

    def _number(self, prefix: str, store: int, year: int) -> str:
        key = (prefix, self.store_code[store], year)
        self.sequences[key] = self.sequences.get(key, 0) + 1
        return f"{prefix}-{key[1]}-{year}-{self.sequences[key]:04d}"

    def chunks(self, chunk_movements: int = 100_000):
        """Yield (documents, lines, movements, audit) lists of about ``chunk_movements`` movements."""
        size, rng = self.size, self.rng
        span = (END - START).total_seconds()
        expected_docs = size.movements / LINES_PER_DOC
        docs, lines, moves, audits = [], [], [], []
        prefixes = {"receipt": ("RK", "入库"), "issue": ("CK", "出库"), "stocktake": ("PD", "盘点调整"),
                    "scrap": ("BF", "报废")}
        while self.movements_done < size.movements:
            at = START + dt.timedelta(seconds=span * min(self.doc_id / expected_docs, 1.0)
                                      + rng.randrange(0, 60))
            created = len(self.batch_store) - 1
            on_schedule = size.batches * (self.movements_done + LINES_PER_DOC) / size.movements
            if created < size.batches and (created < on_schedule or created == 0):
                doc_type = "receipt"
                store = rng.choices(self.store_ids, self.store_weights)[0]
                count = min(LINES_PER_DOC, size.batches - created)
                chosen = [self._new_batch(store, item, at) for item in rng.sample(self.item_ids, count)]
            else:
                first = rng.randrange(1, created + 1)
                store = self.batch_store[first]
                pool = self.by_store[store]
                chosen = list({first, *rng.sample(pool, min(len(pool), LINES_PER_DOC - 1))})[:LINES_PER_DOC]
                r = rng.random()
                doc_type = "issue" if r < 0.55 else "receipt" if r < 0.85 else "stocktake" if r < 0.93 else "scrap"
            doc_lines = []
            for batch in chosen:
                before = self.balance[batch]
                units = rng.randint(1, 400) * 1000
                if doc_type == "receipt":
                    delta = units
                elif doc_type == "stocktake":
                    delta = rng.choice((-1, 1)) * rng.randint(1, 5) * 1000
                    if before + delta < 0:
                        delta = -delta
                else:
                    if before == 0:
                        continue
                    delta = -min(before, units if doc_type == "issue" else before)
                self.balance[batch] = before + delta
                doc_lines.append((batch, delta, before))
            if not doc_lines:
                continue
            self.doc_id += 1
            doc_id = self.doc_id
            store_code = self.store_code[store]
            prefix, label = prefixes[doc_type]
            number = self._number(prefix, store, at.year)
            counterparty = f"供应商{store % 23}" if doc_type == "receipt" else (
                f"{store_code}受助群众" if doc_type == "issue" else "")
            docs.append((doc_id, number, doc_type, "posted", store, at.date(), counterparty,
                         "救灾" if doc_type == "issue" else "", "过期" if doc_type == "scrap" else "", "", "",
                         self.user_id, at, at))
            for line_no, (batch, delta, before) in enumerate(doc_lines, start=1):
                item_id = self.batch_item[batch]
                stocktake = doc_type == "stocktake"
                lines.append((doc_id, line_no, item_id, batch, abs(delta),
                              before if stocktake else None, before + delta if stocktake else None,
                              self.batch_price[batch] if doc_type == "receipt" else None, "", ""))
                moves.append((doc_id, doc_type, store, item_id, batch, delta, before + delta, at, self.user_id))
            audits.append((at, self.user_id, "admin", "bench", "post", "document", number, label))
            self.movements_done += len(doc_lines)
            if len(moves) >= chunk_movements:
                yield docs, lines, moves, audits
                docs, lines, moves, audits = [], [], [], []
        yield docs, lines, moves, audits

    def balance_rows(self, now: dt.datetime):
        for batch_id in range(1, len(self.batch_store)):
            store = self.batch_store[batch_id]
            yield (batch_id, store, self.batch_item[batch_id], batch_id, self.balance[batch_id], 0,
                   self.batch_expiry[batch_id], self.store_level[store], now, self.batch_price[batch_id])

    def sequence_rows(self):
        return [(prefix, scope, year, value) for (prefix, scope, year), value in self.sequences.items()]


COLUMNS = {
    "areas": "id, code, name, kind, parent_id",
    "stores": "id, code, name, level, area_id, address, keeper_name, keeper_phone, floor_area, active",
    "items": ("id, code, name, spec, unit, category_id, shelf_life_months, rotation_lead_days, returnable, "
              "unit_price, pinyin, active"),
    "batches": ("id, item_id, batch_no, production_date, expiry_date, manufacturer, supplier, reserve_mode, "
                "unit_price, created_at"),
    "documents": ("id, number, doc_type, status, store_id, doc_date, counterparty, purpose, reason, reference, "
                  "remarks, created_by_id, created_at, posted_at"),
    "document_lines": ("document_id, line_no, item_id, batch_id, quantity, book_quantity, counted_quantity, "
                       "unit_price, location, remarks"),
    "movements": "document_id, doc_type, store_id, item_id, batch_id, delta, balance_after, occurred_at, user_id",
    "audit_log": "at, user_id, username, machine, action, entity, entity_key, summary",
    "balances": ("id, store_id, item_id, batch_id, quantity, reserved, expiry_date, store_level, updated_at, "
                 "unit_price"),
    "number_sequences": "prefix, scope, year, last_value",
}


# ------------------------------------------------------------------------------------------ writers

def _sqlite_value(value):
    # the storage format SQLAlchemy uses for SQLite dates and times
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class SqliteWriter:
    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(str(path), isolation_level=None)
        self.con.execute("PRAGMA journal_mode = WAL")
        self.con.execute("PRAGMA synchronous = OFF")
        self.con.execute("PRAGMA cache_size = -200000")
        self.con.execute("BEGIN")

    def scalar_rows(self, sql: str):
        return self.con.execute(sql).fetchall()

    def drop_indexes(self) -> list[str]:
        rows = self.con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
            f"({', '.join('?' * len(BULK_TABLES))})", BULK_TABLES).fetchall()
        for name, _sql in rows:
            self.con.execute(f'DROP INDEX "{name}"')
        return [sql for _name, sql in rows]

    def write(self, table: str, rows) -> None:
        columns = COLUMNS[table]
        marks = ", ".join("?" * len(columns.split(",")))
        self.con.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                             (tuple(map(_sqlite_value, row)) for row in rows))

    def finish(self, index_sql: list[str]) -> None:
        for sql in index_sql:
            self.con.execute(sql)
        self.con.execute("COMMIT")
        self.con.execute("ANALYZE")
        self.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.con.close()


class PostgresWriter:
    def __init__(self, db) -> None:
        self.raw = db.engine.raw_connection()
        self.cur = self.raw.cursor()

    def scalar_rows(self, sql: str):
        return self.cur.execute(sql).fetchall()

    def drop_indexes(self) -> list[str]:
        rows = self.cur.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(BULK_TABLES),)).fetchall()
        for name, _sql in rows:
            self.cur.execute(f'DROP INDEX "{name}"')
        return [sql for _name, sql in rows]

    def write(self, table: str, rows) -> None:
        with self.cur.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def finish(self, index_sql: list[str]) -> None:
        for sql in index_sql:
            self.cur.execute(sql)
        for table in ("areas", "stores", "items", "batches", "balances", "documents", "document_lines",
                      "movements", "audit_log"):
            self.cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f"(SELECT coalesce(max(id), 1) FROM {table}))")
        self.cur.execute("ANALYZE")
        self.raw.commit()
        self.raw.close()


# ------------------------------------------------------------------------------------------ build

def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def populate(db, size_name: str, *, log=print, started: float | None = None) -> dict[str, int]:
    """Fill an empty, migrated database (SQLite or PostgreSQL) with the data of ``size_name``."""
    size = SIZES[size_name]
    started = started or time.perf_counter()
    ctx = admin_context(db)
    with ctx.write() as session:
        install_starter_tree(session)
    rng = random.Random(f"{SEED}-{size_name}")
    writer = SqliteWriter(Path(db.engine.url.database)) if db.is_sqlite else PostgresWriter(db)
    categories = {code: cid for cid, code in writer.scalar_rows("SELECT id, code FROM categories")}
    user_id = writer.scalar_rows("SELECT min(id) FROM users")[0][0]
    areas, stores, items = reference_rows(size, rng, categories)
    for table, rows in (("areas", areas), ("stores", stores), ("items", items)):
        writer.write(table, rows)
    index_sql = writer.drop_indexes()
    builder = LedgerBuilder(size, rng, stores, items, user_id)
    batches_written = 0
    for docs, lines, moves, audits in builder.chunks():
        writer.write("batches", builder.batches[batches_written:])
        batches_written = len(builder.batches)
        writer.write("documents", docs)
        writer.write("document_lines", lines)
        writer.write("movements", moves)
        writer.write("audit_log", audits)
        log(f"  {builder.movements_done:,} movements, {batches_written:,} batches "
            f"({time.perf_counter() - started:.0f} s)")
    writer.write("balances", builder.balance_rows(END))
    writer.write("number_sequences", builder.sequence_rows())
    log(f"  rebuilding {len(index_sql)} indexes")
    writer.finish(index_sql)
    auto_link_default_items(ctx)  # the default standards and their item links, through the service
    return {"batches": batches_written, "movements": builder.movements_done, "documents": builder.doc_id}


def build(size_name: str, backend: str = "sqlite", *, path: Path | None = None, log=print) -> str:
    """Create the database of ``size_name`` from scratch; returns its URL or path."""
    size = SIZES[size_name]
    started = time.perf_counter()
    if backend == "sqlite":
        target = path or sqlite_path(size_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        location = str(target)
    else:
        location = POSTGRES_URL
        _reset_postgres(location)
    db = open_database(location)
    counts = populate(db, size_name, log=log, started=started)
    db.dispose()
    if backend == "postgres":
        (DATA_DIR / f"postgres-{size_name}-v{GENERATOR_VERSION}.done").write_text(location)
    log(f"built {size_name} on {backend} in {time.perf_counter() - started:.0f} s: {size.stores:,} stores, "
        f"{size.items:,} items, {counts['batches']:,} batches, {counts['movements']:,} movements, "
        f"{counts['documents']:,} documents")
    return location


def ensure(size_name: str, backend: str = "sqlite", *, force: bool = False, log=print) -> str:
    """The cached database of ``size_name``, built first if missing (or ``force``)."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    if backend == "sqlite":
        if force or not sqlite_path(size_name).exists():
            build(size_name, backend, log=log)
        return str(sqlite_path(size_name))
    marker = DATA_DIR / f"postgres-{size_name}-v{GENERATOR_VERSION}.done"
    if force or not marker.exists():
        for other in DATA_DIR.glob("postgres-*.done"):
            other.unlink()
        build(size_name, backend, log=log)
    return POSTGRES_URL


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a benchmark database.")
    parser.add_argument("--size", choices=sorted(SIZES), default="county")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    print(ensure(args.size, args.backend, force=args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
