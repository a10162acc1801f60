"""``user-password NAME``: set a password. Admins reset anyone's; others change their own, which
needs the old one (the one they signed in with). The new password is read from
``RESERVE_KEEPER_NEW_PASSWORD`` or asked twice at the terminal — never from the command line."""

from __future__ import annotations

import getpass
import os
import sys

from models.commands.base import PASSWORD_ENV, CommandRun
from models.errors import ValidationError
from models.messages import msg
from models.services import user_admin

NEW_PASSWORD_ENV = "RESERVE_KEEPER_NEW_PASSWORD"


def register(subparsers) -> None:
    parser = subparsers.add_parser("user-password", help="重置（管理员）或修改自己的密码")
    parser.add_argument("name", metavar="NAME", help="用户名")
    parser.set_defaults(handler=run)


def _new_password(name: str) -> str:
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise ValidationError(msg("请用环境变量 {env} 提供新密码（不要写在命令行上）。", env=NEW_PASSWORD_ENV),
                              field=msg("新密码"))

    first = getpass.getpass(f"{name} 的新密码（至少 8 位）: ")
    if getpass.getpass("再输入一次: ") != first:
        raise ValidationError(msg("两次输入的密码不一致，密码未修改。"), field=msg("新密码"))
    return first


def run(run: CommandRun, args) -> int:
    ctx = run.ctx()
    new_password = _new_password(args.name)
    if ctx.actor.username == args.name:  # one's own: the old password is the one signed in with
        user_admin.change_own_password(ctx, os.environ.get(PASSWORD_ENV) or "", new_password)
    else:
        user_admin.reset_password(ctx, args.name, new_password)
    run.emit({"ok": True, "user": args.name}, f"已设置用户 {args.name} 的新密码。")
    return 0
