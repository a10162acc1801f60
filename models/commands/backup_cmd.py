"""``backup FILE`` and ``restore FILE``: copy the SQLite database, or replace it with a verified backup.

On PostgreSQL both refuse with the ``pg_dump`` / ``pg_restore`` commands to use instead.
"""

from __future__ import annotations

from models.commands.base import CommandRun
from models.db import resolve_url, sqlite_path
from models.errors import DatabaseOpenError
from models.services import backup as backups
from models.services.permissions import require_admin
from models.services.settings_store import (BACKUP_AUTO, BACKUP_FOLDER, BACKUP_KEEP, BACKUP_WARN_DAYS, get_setting, parse,
                                            set_setting)


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="备份数据库到文件（SQLite 在线备份，可在他人使用时进行）")
    parser.add_argument("file", metavar="FILE", help="备份文件路径，例如 D:/备份/储备-20260601.db")
    parser.set_defaults(handler=run_backup)
    parser = subparsers.add_parser("restore", help="从备份文件恢复数据库（先校验备份，并保留当前数据库副本）")
    parser.add_argument("file", metavar="FILE", help="备份文件路径")
    parser.set_defaults(handler=run_restore)
    parser = subparsers.add_parser("backup-settings", help="查看或修改自动备份设置（文件夹、保留份数、是否每天自动备份）")
    parser.add_argument("--folder", help="自动备份文件夹（空字符串 = 数据库所在文件夹下的 backups）")
    parser.add_argument("--keep", help="保留最近几份自动备份（默认 30）")
    parser.add_argument("--auto", choices=["on", "off"], help="每天自动备份")
    parser.add_argument("--warn-days", help="超过多少天未备份时提醒（默认 7）")
    parser.set_defaults(handler=run_settings)


def run_backup(run: CommandRun, args) -> int:
    ctx = run.ctx(write=False)
    target = backups.backup(run.db, args.file, ctx=ctx)
    run.emit({"ok": True, "file": str(target)}, f"已备份到 {target}")
    return 0


def run_restore(run: CommandRun, args) -> int:
    url = resolve_url(run.db_option)
    path = sqlite_path(url)
    if path is None:
        raise backups.BackupError(backups.PG_DUMP_HINT)
    actor = None
    if path.exists() and path.stat().st_size > 0:
        try:
            actor = run.ctx().actor
        except DatabaseOpenError:
            actor = None  # the current file is unreadable: restoring it is exactly what is needed
        else:
            require_admin(actor)
        run.close()
    result = backups.restore(args.file, path)
    if actor is not None:
        backups.record_restore(run.ctx(), result)
    text = [f"已从 {result.restored_from} 恢复数据库 {result.database}（已通过自检）。"]
    if result.previous_copy:
        text.append(f"原数据库已另存为 {result.previous_copy}。")
    run.emit({"ok": True, "restored_from": str(result.restored_from), "database": str(result.database),
              "previous_copy": str(result.previous_copy) if result.previous_copy else None}, text)
    return 0


def run_settings(run: CommandRun, args) -> int:
    changes = {key: value for key, value in (
        (BACKUP_FOLDER, args.folder), (BACKUP_KEEP, args.keep), (BACKUP_AUTO, args.auto),
        (BACKUP_WARN_DAYS, args.warn_days)) if value is not None}
    for setting, value in changes.items():
        parse(setting, value)  # refuse bad input before changing anything
    ctx = run.ctx(write=bool(changes))
    for setting, value in changes.items():
        set_setting(ctx, setting, value)
    db = run.db
    status = backups.backup_status(db)
    current = {s.key: get_setting(db, s) for s in (BACKUP_FOLDER, BACKUP_KEEP, BACKUP_AUTO, BACKUP_WARN_DAYS)}
    folder = str(backups.backup_folder(db)) if db.is_sqlite else ""
    text = [f"自动备份文件夹：{folder or '（服务器模式：请用 pg_dump）'}",
            f"保留份数：{current[BACKUP_KEEP.key]}　每天自动备份：{'是' if current[BACKUP_AUTO.key] else '否'}"
            f"　提醒天数：{current[BACKUP_WARN_DAYS.key]}",
            f"状态：{status.message}"]
    run.emit({"ok": True, "folder": folder, "keep": current[BACKUP_KEEP.key], "auto": current[BACKUP_AUTO.key],
              "warn_days": current[BACKUP_WARN_DAYS.key], "overdue": status.overdue,
              "last_backup": status.last_at.isoformat() if status.last_at else None}, text)
    return 0
