"""用户管理 beyond the core in users.py: list users, reset a password, change one's own, deactivate,
change role and assign stores. Admin-only except changing one's own password; every change audited
(never with a password or a hash in it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from models.context import ServiceContext
from models.errors import AuthenticationError, ConflictError, ValidationError
from models.messages import msg
from models.schema.enums import Role
from models.schema.users import User
from models.services import ledger
from models.services import users as core
from models.services.lookup import store_by_code, user_by_name
from models.services.permissions import require_admin
from models.services.users import set_password


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: Role
    store_codes: tuple[str, ...]
    active: bool
    has_password: bool
    locked_until: dt.datetime | None
    created_at: dt.datetime | None

    def as_json(self) -> dict:
        return {
            "username": self.username, "display_name": self.display_name, "role": self.role.value,
            "stores": list(self.store_codes), "active": self.active, "has_password": self.has_password,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }


def _row(user: User) -> UserRow:
    return UserRow(
        username=user.username, display_name=user.display_name, role=user.role,
        store_codes=tuple(sorted(store.code for store in user.stores)), active=user.active,
        has_password=user.password_hash is not None, locked_until=user.locked_until, created_at=user.created_at,
    )


def _snapshot(user: User) -> dict:
    return {"role": user.role.value, "stores": sorted(store.code for store in user.stores),
            "active": user.active, "display_name": user.display_name}


def list_users(ctx: ServiceContext) -> list[UserRow]:
    require_admin(ctx.actor)
    with ctx.read() as session:
        users = session.scalars(select(User).options(selectinload(User.stores)).order_by(User.username)).all()
        return [_row(user) for user in users]


def reset_password(ctx: ServiceContext, username: str, new_password: str) -> None:
    """An admin sets a new password for anyone (also unlocks the account)."""
    require_admin(ctx.actor)
    set_password(ctx, username, new_password)


def change_own_password(ctx: ServiceContext, old_password: str, new_password: str) -> None:
    """Every signed-in user changes their own password by giving the old one first (admins too:
    someone at an admin's unlocked desk must not be able to take the account over)."""
    if ctx.actor.user_id is None:
        raise ValidationError(msg("当前不是以用户身份登录，不能修改密码。"))
    if old_password == new_password:
        raise ValidationError(msg("新密码不能与原密码相同。"), field=msg("新密码"))
    with ctx.read() as session:
        user = session.get(User, ctx.actor.user_id)
        username, stored = user.username, user.password_hash
    if stored is not None:
        try:
            core._hasher.verify(stored, old_password or "")  # looked up at call time: one hasher, one place
        except (VerificationError, InvalidHashError):
            raise AuthenticationError(msg("原密码不正确。"), field=msg("原密码")) from None
    core.set_password(ctx, username, new_password, old_password=old_password)


def _change(ctx: ServiceContext, username: str, summary: str, apply) -> UserRow:
    require_admin(ctx.actor)
    with ctx.write() as session:
        user = session.scalar(select(User).where(User.username == username).options(selectinload(User.stores)))
        if user is None:
            user_by_name(session, username)  # raises the standard not-found message
        before = _snapshot(user)
        apply(session, user)
        session.flush()
        after = _snapshot(user)
        if user.role is Role.KEEPER and user.active and not user.stores:
            raise ValidationError(msg("保管员至少需要分配一个储备库。"), field=msg("储备库"))
        if before.get("role") == Role.ADMIN.value or after["role"] == Role.ADMIN.value:
            _keep_one_admin(session)
        ledger.audit(ctx, session, "update", "user", username, f"{summary}：{username}", before=before, after=after)
        return _row(user)


def _keep_one_admin(session) -> None:
    admins = session.scalar(select(func.count(User.id)).where(User.role == Role.ADMIN, User.active.is_(True)))
    if not admins:
        raise ConflictError(msg("至少要保留一个启用的管理员账户。"), field=msg("角色"))


def set_active(ctx: ServiceContext, username: str, active: bool) -> UserRow:
    """Deactivate (or reactivate) a user; a deactivated user cannot sign in. Users are never deleted:
    the audit trail and documents keep pointing at them."""
    if not active and ctx.actor.username == username:
        raise ConflictError(msg("不能停用自己正在使用的账户。"), field=msg("用户名"))

    def apply(_session, user: User) -> None:
        user.active = active

    return _change(ctx, username, "启用用户" if active else "停用用户", apply)


def set_role(ctx: ServiceContext, username: str, role: Role | str) -> UserRow:
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(msg("角色“{role}”无效，可选 admin、officer、keeper、viewer。", role=role), field=msg("角色")) from None

    def apply(_session, user: User) -> None:
        user.role = role

    return _change(ctx, username, "修改角色", apply)


def assign_stores(ctx: ServiceContext, username: str, store_codes: list[str] | tuple[str, ...]) -> UserRow:
    """Replace the stores a keeper may post in."""

    def apply(session, user: User) -> None:
        user.stores = [store_by_code(session, code) for code in dict.fromkeys(store_codes)]

    return _change(ctx, username, "分配储备库", apply)


def unlock(ctx: ServiceContext, username: str) -> UserRow:
    def apply(_session, user: User) -> None:
        user.failed_attempts = 0
        user.locked_until = None

    return _change(ctx, username, "解除锁定", apply)
