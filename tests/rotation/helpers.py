"""Helpers for the rotation/maintenance tests: users with other roles on the same database."""

from __future__ import annotations

from sqlalchemy import select

from models.schema.users import User
from models.services.users import actor_for, add_user
from tests.conftest import FIXED_TODAY, make_ctx


def user_ctx(admin, username: str, role: str, stores=(), today=FIXED_TODAY):
    add_user(admin, username, role, store_codes=list(stores))
    with admin.db.read() as session:
        actor = actor_for(session.scalar(select(User).where(User.username == username)))
    return make_ctx(admin.db, actor, today)
