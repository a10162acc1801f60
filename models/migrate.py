"""Open a database: create it, or upgrade an older one through Alembic after a backup copy.

The program never asks the user to run migrations: opening is enough. A file that is not a
ReserveKeeper database gets a clear message instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

import migrations
from models.db import Database, make_engine, resolve_url, sqlite_path
from models.errors import DatabaseOpenError
from models.messages import msg

SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return config


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_MAGIC:
        raise DatabaseOpenError(
            msg("文件 {path} 不是储备管家数据库（也不是 SQLite 文件）。请选择正确的数据库文件，或从备份恢复。",
                path=path),

            english=f"{path} is not a ReserveKeeper database.",
        )


def backup_copy(path: Path, label: str) -> Path:
    """Copy an SQLite database with the online backup API (safe while others read it)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{label}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade(db: Database, target: str = "heads") -> None:
    """Run Alembic on the program's own connection; foreign keys off while SQLite rebuilds tables."""
    config = alembic_config()
    with db.engine.connect() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.commit()
        config.attributes["connection"] = conn
        command.upgrade(config, target)
        conn.commit()
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")


def open_database(db: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and if needed create or upgrade) the database named by ``--db``, the env or the default."""
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
    database = Database(url, make_engine(url))
    try:
        current = current_revisions(database)
        if not current:
            tables = set(inspect(database.engine).get_table_names())
            if tables - {"alembic_version"}:
                raise DatabaseOpenError(
                    msg("数据库 {database} 中已有其他程序的数据表，不是储备管家数据库。请换一个空数据库或正确的文件。",
                        database=database.describe())
                )
        heads = head_revisions()
        if migrate and current != heads:
            if current - heads and not (current & heads) and not _known(current):
                raise DatabaseOpenError(
                    msg("数据库 {database} 由更新版本的储备管家创建（版本 {versions}），请升级本程序。",
                        database=database.describe(), versions=", ".join(sorted(current)))
                )
            if current and path is not None:
                from models.services.backup import backup_before_upgrade  # imports this module

                backup_before_upgrade(database)
            upgrade(database)
        with database.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DatabaseOpenError:
        database.dispose()
        raise
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        database.dispose()
        raise DatabaseOpenError(
            msg("无法打开数据库 {database}：{error}。请检查文件是否完整、服务器是否可达，或从备份恢复。",
                database=database.describe(), error=exc.__class__.__name__),
            english=str(exc),
        ) from exc
    return database


def _known(revisions: set[str]) -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        return all(script.get_revision(rev) is not None for rev in revisions)
    except Exception:
        return False
