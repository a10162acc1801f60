"""Open a database: create it, or upgrade an older one through Alembic after a backup copy.

The program never asks the user to run migrations: opening is enough. A file that is not a
ReserveKeeper database gets a clear message instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

import migrations
from models.db import Database, make_engine, resolve_url, sqlite_path
from models.errors import DatabaseOpenError
from models.messages import msg

SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config():
    from alembic.config import Config  # alembic is imported only when a database needs creating or upgrading

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return config


def head_revisions() -> set[str]:
    """The revisions this program's migrations end at (Alembic reads every revision file to tell)."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(db: Database) -> set[str]:
    """The revisions the database is at; empty for a new database (no ``alembic_version`` table)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def is_current(revisions: set[str]) -> bool:
    """Whether a database at ``revisions`` needs no upgrade. ``migrations.HEAD`` answers the usual case
    (an up-to-date database) without importing Alembic and reading every revision file, about a tenth of
    a second of the desktop's start; a test keeps it equal to what Alembic says."""
    return revisions == {migrations.HEAD} or revisions == head_revisions()


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
    from alembic import command

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
        if migrate and not is_current(current):
            heads = head_revisions()
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
        raise DatabaseOpenError(_open_failure(database, exc, is_file=path is not None), english=str(exc)) from exc
    return database


def _open_failure(database: Database, exc: Exception, *, is_file: bool) -> str:
    """Say which of the usual causes it is: a damaged file, a server that does not answer, a refused
    login; the driver's own words go to the log (``english``), never a password."""
    detail = str(getattr(exc, "orig", None) or exc).lower()
    where = database.describe()
    if is_file:
        if any(word in detail for word in ("malformed", "not a database", "corrupt", "disk image")):
            return msg("数据库文件 {database} 已损坏，无法读取。请检查文件是否完整（是否只复制了一部分），"
                       "或从备份恢复。", database=where)
        return msg("无法打开数据库文件 {database}：文件可能正被其他程序占用、没有读写权限，或所在磁盘已满。"
                   "请检查文件是否完整、是否有权限，或从备份恢复。", database=where)
    if "password authentication failed" in detail or "authentication failed" in detail:
        return msg("服务器 {database} 拒绝了登录：用户名或密码不对。请核对后再试。", database=where)
    if "does not exist" in detail:
        return msg("服务器 {database} 上没有这个数据库或用户。请核对数据库名和用户名。", database=where)
    if any(word in detail for word in ("connection refused", "could not connect", "timeout", "timed out",
                                         "could not translate host", "name or service not known",
                                         "no route to host", "connection failed")):
        return msg("连接不上服务器 {database}。请检查服务器是否可达：服务器地址、端口、网络是否正常，"
                   "数据库服务是否已启动。", database=where)
    return msg("无法打开数据库 {database}（{error}）。请检查服务器是否可达、文件是否完整，或从备份恢复。",
               database=where, error=exc.__class__.__name__)


def _known(revisions: set[str]) -> bool:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    try:
        return all(script.get_revision(rev) is not None for rev in revisions)
    except Exception:
        return False
