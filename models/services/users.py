"""Users and sign-in: Argon2 password hashes, role and store assignment, lock-out after failures."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from models.context import Actor, ServiceContext
from models.db import Database
from models.errors import AuthenticationError, ConflictError, ValidationError
from models.messages import msg
from models.schema.base import utcnow
from models.schema.enums import Role
from models.schema.users import User
from models.services import ledger
from models.services.lookup import store_by_code, user_by_name
from models.services.permissions import require_admin
from models.validation import check_code, check_text

MIN_PASSWORD_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(msg("密码至少需要 {length} 个字符。", length=MIN_PASSWORD_LENGTH), field=msg("密码"))


def actor_for(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, frozenset(store.id for store in user.stores))


def authenticate(db: Database, username: str, password: str, *, now: dt.datetime | None = None) -> Actor:
    """Check a password; five failures lock the account for 15 minutes. Never logs the password."""
    now = now or utcnow()
    failed = False
    with db.write() as session:
        user = session.scalar(select(User).where(User.username == username).with_for_update())
        if user is None or not user.active:
            raise AuthenticationError(msg("用户名或密码不正确。"))
        if user.locked_until and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AuthenticationError(msg("账户因多次密码错误已锁定，请 {minutes} 分钟后再试，或请管理员重置密码。", minutes=minutes))
        if user.password_hash is None:
            if password:
                raise AuthenticationError(msg("该用户尚未设置密码，请留空密码登录后立即设置，或请管理员设置。"))

            return actor_for(user)
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            # the failure counter must be committed, so the error is raised after the block
            failed = True
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                user.failed_attempts = 0
        else:
            user.failed_attempts = 0
            user.locked_until = None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            actor = actor_for(user)
    if failed:
        raise AuthenticationError(msg("用户名或密码不正确。"))
    return actor


def add_user(
    ctx: ServiceContext,
    username: str,
    role: Role | str,
    *,
    password: str | None = None,
    display_name: str = "",
    store_codes: list[str] | tuple[str, ...] = (),
) -> User:
    require_admin(ctx.actor)
    username = check_code(username, msg("用户名"), max_length=60)
    display_name = check_text(display_name, msg("姓名"), max_length=100)
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(msg("角色“{role}”无效，可选 admin、officer、keeper、viewer。", role=role), field=msg("角色")) from None
    with ctx.write() as session:
        if session.scalar(select(User.id).where(User.username == username)):
            raise ConflictError(msg("用户名“{username}”已存在，请换一个。", username=username), field=msg("用户名"))
        user = User(
            username=username, display_name=display_name, role=role,
            password_hash=hash_password(password) if password else None,
        )
        user.stores = [store_by_code(session, code) for code in store_codes]
        if role is Role.KEEPER and not user.stores:
            raise ValidationError(msg("保管员至少需要分配一个储备库（--store 编码）。"), field=msg("储备库"))
        session.add(user)
        session.flush()
        ledger.audit(ctx, session, "create", "user", username, f"新建用户 {username}（{role.label}）",
                     after={"username": username, "role": role.value, "stores": list(store_codes)})
        return user


def set_password(ctx: ServiceContext, username: str, new_password: str, *, old_password: str | None = None) -> None:
    """Users change their own password (giving the old one); admins reset anyone's."""
    with ctx.write() as session:
        user = user_by_name(session, username)
        if ctx.actor.user_id != user.id:
            require_admin(ctx.actor)
        elif user.password_hash is not None and ctx.actor.role is not Role.ADMIN:
            try:
                _hasher.verify(user.password_hash, old_password or "")
            except (VerificationError, InvalidHashError):
                raise AuthenticationError(msg("原密码不正确。")) from None
        user.password_hash = hash_password(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        ledger.audit(ctx, session, "password", "user", username, f"修改用户 {username} 的密码")


def ensure_admin(db: Database, password: str | None) -> bool:
    """Create the ``admin`` user if the database has no users. Returns True if it was created."""
    with db.write() as session:
        if session.scalar(select(func.count(User.id))):
            return False
        session.add(User(username="admin", display_name="管理员", role=Role.ADMIN,
                         password_hash=hash_password(password) if password else None))
        return True


def admin_without_password(db: Database) -> Actor | None:
    """The ``admin`` actor while it still has no password (a fresh install), else None."""
    with db.read() as session:
        user = session.scalar(select(User).where(User.username == "admin", User.active.is_(True)))
        if user is None or user.password_hash is not None:
            return None
        return actor_for(user)
