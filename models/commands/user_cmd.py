"""``user add NAME --role ROLE [--store CODE ...]``: add a user (admin only)."""

from __future__ import annotations

import getpass
import os
import sys

from models.commands.base import CommandRun
from models.services.users import add_user

NEW_PASSWORD_ENV = "RESERVE_KEEPER_NEW_PASSWORD"


def register(subparsers) -> None:
    parser = subparsers.add_parser("user", help="用户管理")
    actions = parser.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="新建用户")
    add.add_argument("name", metavar="NAME", help="用户名")
    add.add_argument("--role", required=True, choices=["admin", "officer", "keeper", "viewer"], help="角色")
    add.add_argument("--store", action="append", default=[], metavar="CODE", help="保管员负责的储备库（可多次）")
    add.add_argument("--display-name", default="", help="姓名")
    add.add_argument("--password-env", metavar="VAR",
                     help=f"从该环境变量读取新用户密码（默认 {NEW_PASSWORD_ENV}；都没有且在终端时会提示输入）")
    add.set_defaults(handler=run_add)


def run_add(run: CommandRun, args) -> int:
    password = os.environ.get(args.password_env or NEW_PASSWORD_ENV)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"为 {args.name} 设置密码（至少 8 位，留空则首次登录时设置）: ") or None
    user = add_user(run.ctx(), args.name, args.role, password=password,
                    display_name=args.display_name, store_codes=args.store)
    run.emit({"ok": True, "user": user.username, "role": user.role.value, "stores": args.store},
             f"已创建用户 {user.username}（{user.role.label}）")
    return 0
