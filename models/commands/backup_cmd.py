"""``backup FILE`` and ``restore FILE``: copy the SQLite database, or replace it with a verified backup.

On PostgreSQL both refuse with the ``pg_dump`` / ``pg_restore`` commands to use instead.
"""

from __future__ import annotations

from models.commands.base import CommandRun
from models.db import resolve_url, sqlite_path
from models.errors import DatabaseOpenError
from models.services import backup as backups
from models.services.permissions import require_admin


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="备份数据库到文件（SQLite 在线备份，可在他人使用时进行）")
    parser.add_argument("file", metavar="FILE", help="备份文件路径，例如 D:/备份/储备-20260601.db")
    parser.set_defaults(handler=run_backup)
    parser = subparsers.add_parser("restore", help="从备份文件恢复数据库（先校验备份，并保留当前数据库副本）")
    parser.add_argument("file", metavar="FILE", help="备份文件路径")
    parser.set_defaults(handler=run_restore)


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
