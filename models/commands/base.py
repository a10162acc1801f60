"""What a command handler receives: parsed global options, the open database and the acting user.

The acting user comes from ``RESERVE_KEEPER_USER`` / ``RESERVE_KEEPER_PASSWORD``, or a prompt when
the terminal is interactive. Without credentials, read commands run as a read-only local reader and
write commands act as ``admin`` only while ``admin`` has no password yet (a fresh install).
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from models.context import Actor, ServiceContext
from models.db import Database
from models.errors import AuthenticationError
from models.messages import msg
from models.migrate import open_database

USER_ENV = "RESERVE_KEEPER_USER"
PASSWORD_ENV = "RESERVE_KEEPER_PASSWORD"


@dataclass
class CommandRun:
    db_option: str | None
    json_output: bool
    _db: Database | None = field(default=None, repr=False)
    _ctx: ServiceContext | None = field(default=None, repr=False)

    @property
    def db(self) -> Database:
        """The database, opened (created or upgraded) on first use."""
        if self._db is None:
            self._db = open_database(self.db_option)
        return self._db

    def ctx(self, *, write: bool = True) -> ServiceContext:
        """The service context of the acting user (see module docstring)."""
        if self._ctx is None:
            self._ctx = ServiceContext(self.db, self._actor(write))
        return self._ctx

    def _actor(self, write: bool) -> Actor:
        from models.services.users import admin_without_password, authenticate

        username = os.environ.get(USER_ENV)
        password = os.environ.get(PASSWORD_ENV)
        if username:
            if password is None and sys.stdin.isatty():
                password = getpass.getpass(f"{username} 的密码: ")
            return authenticate(self.db, username, password or "")
        fresh_admin = admin_without_password(self.db)
        if fresh_admin is not None:
            return fresh_admin
        if not write:
            return Actor.local_reader()
        if sys.stdin.isatty():
            username = input("用户名: ").strip()
            return authenticate(self.db, username, getpass.getpass("密码: "))
        raise AuthenticationError(
            msg("此操作需要登录：请设置环境变量 {user_env} 和 {password_env}（例如 admin 和其密码）。",
                user_env=USER_ENV, password_env=PASSWORD_ENV)

        )

    def emit(self, data: Any, text: str | list[str] = "") -> None:
        """Print ``data`` as JSON under ``--json``, else the human-readable ``text``."""
        if self.json_output:
            print(json.dumps(data, ensure_ascii=False, default=str))
        else:
            lines = text if isinstance(text, list) else [text]
            for line in lines:
                print(line)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
