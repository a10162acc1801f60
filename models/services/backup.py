"""备份与恢复 of the embedded SQLite database.

``backup`` uses SQLite's online backup API, so a copy is consistent even while keepers post.
``restore`` checks a file thoroughly on a temporary copy before it replaces anything, and keeps the
current database as a copy first. Automatic copies (at most daily, and before every upgrade) go to a
folder the user can change and the oldest beyond the configured count are removed.

On the shared PostgreSQL server these functions refuse with a message pointing to ``pg_dump``: the
server's own tools are the right way to back it up (docs/SERVER.md).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from models.context import ServiceContext
from models.db import Database, sqlite_path
from models.errors import DatabaseOpenError, DomainError, ValidationError
from models.messages import localize, msg
from models.schema.base import utcnow
from models.services import ledger
from models.services.settings_store import (
    BACKUP_AUTO, BACKUP_FOLDER, BACKUP_KEEP, BACKUP_LAST_AT, BACKUP_WARN_DAYS, get_setting, put_internal, read_in,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
AUTO_KINDS = ("auto", "upgrade")
PG_DUMP_HINT = msg(
    "当前使用 PostgreSQL 服务器，本程序不复制服务器数据库。请在服务器上用 pg_dump 备份，例如："
    "pg_dump -Fc -h 主机 -U 用户 -f reserve.dump 数据库名；用 pg_restore 恢复。详见 docs/SERVER.md。"
)


class BackupError(DomainError):
    """A backup or restore that cannot be done, with what to do instead."""


@dataclass(frozen=True)
class BackupStatus:
    last_at: dt.datetime | None
    overdue: bool
    warn_days: int
    message: str  # in the user's language (Chinese unless a screen installed a translator)



def _require_sqlite(db: Database) -> Path:
    path = sqlite_path(db.url)
    if path is None:
        raise BackupError(PG_DUMP_HINT if not db.is_sqlite else msg("内存数据库不能备份。"))
    return path


def _copy_online(source: Path | sqlite3.Connection, target: Path) -> None:
    """SQLite online backup from a file (or an open connection) into ``target`` (replaced whole)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source) if isinstance(source, Path) else source
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        # a backup is a single file: take the copy out of WAL mode so no -wal file is needed
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        if isinstance(source, Path):
            src.close()


def backup(db: Database, target_path: str | Path, *, ctx: ServiceContext | None = None, kind: str = "manual") -> Path:
    """Copy the open database to ``target_path`` and record the time; never overwrites the database itself."""
    path = _require_sqlite(db)
    target = Path(target_path).expanduser().resolve()
    if target == path.resolve():
        raise ValidationError(msg("备份文件不能是当前数据库本身，请选择另一个文件名。"), field=msg("备份文件"))
    if target.is_dir():
        raise ValidationError(
            msg("{target} 是文件夹，请给出备份文件名，例如 {example}。", target=target, example=target / "reserve-backup.db"),
            field=msg("备份文件"),
        )
    partial = target.with_name(target.name + ".part")
    try:
        _copy_online(path, partial)
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(partial)
        raise BackupError(msg("无法写入备份文件 {target}：{exc}。请检查文件夹是否存在、是否有写权限、磁盘是否已满。",
                              target=target, exc=str(exc))) from exc
    _record(db, ctx, kind, target)
    return target


def _remove_quietly(path: Path) -> None:
    """Remove a half-written copy; the folder itself may be what is broken."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _record(db: Database, ctx: ServiceContext | None, kind: str, target: Path) -> None:
    now = ctx.now() if ctx else utcnow()
    with db.write() as session:
        put_internal(session, BACKUP_LAST_AT, now)
        if ctx is not None:
            ledger.audit(ctx, session, "backup", "database", kind, f"备份数据库到 {target}"[:500],
                         after={"file": str(target), "kind": kind})


# --- automatic backups -------------------------------------------------------------------------

def backup_folder(db: Database) -> Path:
    """The configured folder, or ``backups`` next to the database file."""
    path = _require_sqlite(db)
    folder = get_setting(db, BACKUP_FOLDER)
    return Path(folder).expanduser() if folder else path.parent / "backups"


def _auto_name(db_path: Path, kind: str, when: dt.datetime) -> str:
    return f"{db_path.stem}-{kind}-{when.astimezone().strftime(STAMP_FORMAT)}.db"


def automatic_backups(folder: Path, db_path: Path) -> list[Path]:
    """This database's automatic copies in ``folder``, oldest first (by the time in their name)."""
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-({'|'.join(AUTO_KINDS)})-(\d{{8}}-\d{{6}})(-\d+)?\.db$")
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if match and entry.is_file():
                found.append((match.group(2), match.group(3) or "", entry))
    return [entry for _stamp, _n, entry in sorted(found)]


def prune(folder: Path, db_path: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic copies beyond ``keep``; manual backups are never touched."""
    copies = automatic_backups(folder, db_path)
    removed = copies[: max(0, len(copies) - keep)]
    for entry in removed:
        entry.unlink(missing_ok=True)
    return removed


def _unique(folder: Path, name: str) -> Path:
    target = folder / name
    counter = 1
    while target.exists():
        target = folder / f"{Path(name).stem}-{counter}.db"
        counter += 1
    return target


def auto_backup(db: Database, *, now: dt.datetime | None = None, force: bool = False) -> Path | None:
    """The daily copy: made when the last backup is a day old or more; returns its path or None.

    PostgreSQL and in-memory databases are skipped silently (the server is backed up with pg_dump).
    """
    if sqlite_path(db.url) is None:
        return None
    now = now or utcnow()
    with db.read() as session:
        enabled = read_in(session, BACKUP_AUTO)
        last = read_in(session, BACKUP_LAST_AT)
        keep = read_in(session, BACKUP_KEEP)
    if not force and (not enabled or (last is not None and now - last < dt.timedelta(days=1))):
        return None
    return _automatic(db, "auto", now, keep)


def backup_before_upgrade(db: Database, *, now: dt.datetime | None = None) -> Path:
    """The copy made before a migration (always, whatever the daily policy)."""
    now = now or utcnow()
    try:
        keep = get_setting(db, BACKUP_KEEP)
    except Exception:  # a database too old or damaged to read settings still gets its copy
        keep = BACKUP_KEEP.default
    return _automatic(db, "upgrade", now, keep)


def _automatic(db: Database, kind: str, now: dt.datetime, keep: int) -> Path:
    path = _require_sqlite(db)
    try:
        folder = backup_folder(db)
    except Exception:
        folder = path.parent / "backups"
    target = _unique(folder, _auto_name(path, kind, now))
    try:
        _copy_online(path, target)
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(target)
        raise BackupError(msg("自动备份失败：无法写入 {folder}（{exc}）。请在设置中选择可写的备份文件夹。",
                              folder=folder, exc=str(exc))) from exc
    try:
        with db.write() as session:
            put_internal(session, BACKUP_LAST_AT, now)
    except Exception:  # before an upgrade the settings table may not be writable yet; the copy counts
        pass
    prune(folder, path, keep)
    return target


# --- status for the desktop --------------------------------------------------------------------

def last_backup_at(db: Database) -> dt.datetime | None:
    if sqlite_path(db.url) is None:
        return None
    return get_setting(db, BACKUP_LAST_AT)


def backup_status(db: Database, *, now: dt.datetime | None = None) -> BackupStatus:
    """What the status bar shows: the last backup time and whether it is overdue (default 7 days)."""
    now = now or utcnow()
    if sqlite_path(db.url) is None:
        return BackupStatus(None, False, 0, localize(msg("服务器模式：请用 pg_dump 定期备份服务器")))
    with db.read() as session:
        last = read_in(session, BACKUP_LAST_AT)
        warn_days = read_in(session, BACKUP_WARN_DAYS)
    if last is None:
        return BackupStatus(None, True, warn_days, localize(msg("从未备份，请立即备份")))
    age = now - last
    overdue = age > dt.timedelta(days=warn_days)
    local = last.astimezone().strftime("%Y-%m-%d %H:%M")
    if overdue:
        return BackupStatus(last, True, warn_days,
                            localize(msg("上次备份 {time}，已超过 {days} 天，请尽快备份", time=local, days=age.days)))
    return BackupStatus(last, False, warn_days, localize(msg("上次备份 {time}", time=local)))


def backup_overdue(db: Database, *, now: dt.datetime | None = None) -> bool:
    return backup_status(db, now=now).overdue


# --- restore -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    previous_copy: Path | None
    revisions: tuple[str, ...]


def check_backup_file(source: Path) -> tuple[str, ...]:
    """Refuse anything that is not a complete ReserveKeeper database this program knows."""
    from models.migrate import _known  # local: migrate imports this module too

    if not source.is_file():
        raise BackupError(msg("找不到备份文件 {source}。", source=source), field=msg("备份文件"))
    with source.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_MAGIC:
        raise BackupError(msg("文件 {source} 不是 SQLite 数据库，不能用于恢复。请选择储备管家的备份文件（.db）。", source=source),
                          field=msg("备份文件"))
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise BackupError(msg("备份文件 {source} 已损坏（完整性检查：{problems}），不能用于恢复。请换一个备份。",
                                      source=source, problems="; ".join(result[:3])))
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables:
                raise BackupError(msg("文件 {source} 不是储备管家数据库（没有版本信息），不能用于恢复。", source=source))
            revisions = tuple(sorted(row[0] for row in conn.execute("SELECT version_num FROM alembic_version")))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(msg("无法读取备份文件 {source}：{exc}。文件可能不完整或已损坏，请换一个备份。",
                              source=source, exc=str(exc))) from exc
    if not revisions or not _known(set(revisions)):
        raise BackupError(
            msg("备份文件 {source} 的数据库版本（{versions}）本程序不认识，可能由更新版本的储备管家创建。请先升级本程序。",
                source=source, versions=", ".join(revisions) or msg("无"))
        )
    return revisions


def _verified_copy(source: Path, workdir: Path) -> Path:
    """Copy the backup into ``workdir``, upgrade the copy to this program's version and run verify()."""
    from models.migrate import current_revisions, head_revisions, open_database, upgrade
    from models.services.verify import verify

    copy = workdir / "candidate.db"
    _copy_online(source, copy)
    try:
        candidate = open_database(str(copy), migrate=False)
    except DatabaseOpenError as exc:
        raise BackupError(msg("备份文件 {source} 无法打开：{message}", source=source, message=exc.chinese)) from exc
    try:
        if current_revisions(candidate) != head_revisions():
            upgrade(candidate)
        report = verify(candidate)
    except DomainError:
        raise
    except Exception as exc:
        raise BackupError(msg("备份文件 {source} 无法升级到本程序的版本：{exc}", source=source, exc=str(exc))) from exc
    finally:
        candidate.dispose()
    if not report.ok:
        failed = "；".join(f"{c.name}：{'，'.join(c.details[:2])}" for c in report.checks if not c.ok)
        raise BackupError(msg("备份文件 {source} 未通过自检（{failed}），不能用于恢复。请换一个备份。",
                              source=source, failed=failed))

    return copy


def restore(source_path: str | Path, db_path: str | Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` with a verified backup; the current file is kept as a copy.

    Nobody else may have the database open: on a shared machine close the other programs first.
    """
    source = Path(source_path).expanduser().resolve()
    target = Path(db_path).expanduser().resolve()
    if source == target:
        raise ValidationError(msg("备份文件就是当前数据库，无需恢复。"), field=msg("备份文件"))
    revisions = check_backup_file(source)
    now = now or utcnow()
    previous = None
    with tempfile.TemporaryDirectory(prefix="rk-restore-") as tmp:
        verified = _verified_copy(source, Path(tmp))
        if target.exists() and target.stat().st_size > 0:
            previous = _keep_current(target, now)
        try:
            _copy_online(verified, target)
        except (OSError, sqlite3.Error) as exc:
            raise BackupError(
                msg("无法写入数据库 {target}：{exc}。请关闭其他正在使用该数据库的程序后重试。原数据库已另存为 {previous}。",
                    target=target, exc=str(exc), previous=previous)
                if previous else
                msg("无法写入数据库 {target}：{exc}。请关闭其他正在使用该数据库的程序后重试。", target=target, exc=str(exc))
            ) from exc

    for suffix in ("-wal", "-shm"):
        stale = target.with_name(target.name + suffix)
        if stale.exists() and not _in_use(target):
            stale.unlink(missing_ok=True)
    return RestoreResult(source, target, previous, revisions)


def _in_use(path: Path) -> bool:
    """True if another connection holds the database (an exclusive lock cannot be taken)."""
    conn = sqlite3.connect(path, timeout=0.1)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def _keep_current(target: Path, now: dt.datetime) -> Path:
    copy = _unique(target.parent, f"{target.stem}.before-restore-{now.astimezone().strftime(STAMP_FORMAT)}.db")
    try:
        _copy_online(target, copy)
    except sqlite3.Error:
        # the current file may be the damaged one being replaced: keep its raw bytes instead
        shutil.copy2(target, copy)
        wal = target.with_name(target.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, copy.with_name(copy.name + "-wal"))
    return copy


def record_restore(ctx: ServiceContext, result: RestoreResult) -> None:
    """Write the restore into the restored database's own audit trail."""
    with ctx.write() as session:
        ledger.audit(ctx, session, "restore", "database", result.restored_from.name,
                     f"从备份 {result.restored_from} 恢复数据库"[:500],
                     after={"file": str(result.restored_from), "previous_copy": str(result.previous_copy or "")})
