"""Engine factory and transaction scopes.

SQLite is the default (one file in the user's data folder); a ``postgresql+psycopg://`` URL selects
the shared-server mode. Every SQLite connection gets WAL, foreign keys and a busy timeout, and write
transactions start with ``BEGIN IMMEDIATE`` so two keepers posting at once queue instead of failing
half-way. Session handling lives here, not in the service functions' bodies.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ConflictError, DatabaseOpenError
from models.messages import msg

APP_NAME = "ReserveKeeper"
DB_ENV = "RESERVE_KEEPER_DB"
BUSY_TIMEOUT_MS = 30_000


def default_data_dir() -> Path:
    """The per-user folder for the embedded database, backups and logs."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_url(db: str | None = None) -> str:
    """Turn ``--db`` / ``RESERVE_KEEPER_DB`` / the default into an SQLAlchemy URL."""
    value = db or os.environ.get(DB_ENV) or str(default_data_dir() / "reserve.db")
    if "://" in value:
        url = make_url(value)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if url.drivername == "postgres":
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    if not is_sqlite(url):
        return None
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - driver callback
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        if conn.get_execution_options().get("rk_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    """Create an engine with the pragmas and begin behaviour this program relies on."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_hooks(engine)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # bad driver name, missing psycopg
        raise DatabaseOpenError(msg("无法连接数据库 {url}：{exc}", url=make_url(url).render_as_string(), exc=str(exc))
) from exc


def _is_write_conflict(exc: DBAPIError) -> bool:
    """A deadlock or serialization failure (PostgreSQL) or a lock wait that timed out (SQLite)."""
    if getattr(exc.orig, "sqlstate", None) in ("40P01", "40001"):
        return True
    return "database is locked" in str(exc.orig)


@dataclass
class Database:
    """One open database: the engine plus factories for read and write sessions."""

    url: str
    engine: Engine

    def __post_init__(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(rk_write=True), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read scope. Closing (not rolling back) keeps loaded objects usable afterwards."""
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        Two postings that lock the same rows in opposite orders (server mode) or a database busy past
        the timeout end as a ConflictError with a message: rolled back whole, never half-applied."""
        try:
            with self._write() as session:
                with session.begin():
                    yield session
        except DBAPIError as exc:
            if _is_write_conflict(exc):
                raise ConflictError(
                    msg("另一位用户正在同时修改相同的库存或数据，为避免冲突，本次操作已取消，没有做任何更改。请重试。"),
                    english=str(exc.orig),
                ) from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()

    def describe(self) -> str:
        """A human-readable location for status bars and messages (no password)."""
        path = sqlite_path(self.url)
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)
