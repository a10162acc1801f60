"""``init``: create or upgrade the database; create user ``admin`` if there is none."""

from __future__ import annotations

import os

from models.commands.base import CommandRun
from models.errors import ValidationError
from models.messages import msg
from models.services.catalog import install_starter_tree
from models.services.users import ensure_admin


def register(subparsers) -> None:
    parser = subparsers.add_parser("init", help="创建或升级数据库，并在没有用户时创建 admin")
    parser.add_argument("--admin-password-env", metavar="VAR",
                        help="从该环境变量读取 admin 的初始密码（不给则 admin 暂无密码，首次登录时设置）")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    password = None
    if args.admin_password_env:
        password = os.environ.get(args.admin_password_env)
        if not password:
            raise ValidationError(msg("环境变量 {env} 未设置或为空，请先设置 admin 的初始密码。", env=args.admin_password_env)
)
    db = run.db
    created = ensure_admin(db, password)
    with db.write() as session:
        categories = install_starter_tree(session)
    run.emit(
        {"ok": True, "database": db.describe(), "admin_created": created, "categories_added": categories},
        f"数据库已就绪：{db.describe()}" + ("；已创建管理员 admin" if created else ""),
    )
    return 0
