"""共享设置: typed get/set of the ``app_settings`` rows, each key declared once with its type and default.

Users' changes go through ``set_setting`` (admin only, audited with the before and after values).
Values the program maintains itself (the time of the last backup) use ``put_internal`` inside the
caller's transaction: they are bookkeeping, not a user's decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.db import Database
from models.errors import NotFoundError, ValidationError
from models.messages import msg
from models.schema.settings import AppSetting
from models.services import ledger
from models.services.permissions import require_admin


@dataclass(frozen=True)
class SettingKey:
    key: str
    type: type  # str, int, bool or dt.datetime
    default: Any
    label: str  # Chinese name shown in messages and the audit trail
    minimum: int | None = None
    maximum: int | None = None


BACKUP_FOLDER = SettingKey("backup.folder", str, "", msg("自动备份文件夹（空 = 数据库所在文件夹下的 backups）"))
BACKUP_KEEP = SettingKey("backup.keep", int, 30, msg("自动备份保留份数"), minimum=1, maximum=3650)
BACKUP_AUTO = SettingKey("backup.auto", bool, True, msg("每天自动备份"))
BACKUP_WARN_DAYS = SettingKey("backup.warn_days", int, 7, msg("超过多少天未备份时提醒"), minimum=1, maximum=365)
BACKUP_LAST_AT = SettingKey("backup.last_at", dt.datetime, None, msg("上次备份时间"))

KNOWN_KEYS: dict[str, SettingKey] = {}


def declare(setting: SettingKey) -> SettingKey:
    """Other modules declare their keys here so ``set_setting`` can parse them by name."""
    KNOWN_KEYS[setting.key] = setting
    return setting


for _setting in (BACKUP_FOLDER, BACKUP_KEEP, BACKUP_AUTO, BACKUP_WARN_DAYS, BACKUP_LAST_AT):
    declare(_setting)


def encode(setting: SettingKey, value: Any) -> str:
    if value is None:
        return ""
    if setting.type is bool:
        return "true" if value else "false"
    if setting.type is dt.datetime:
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValidationError(msg("{setting}必须是带时区的时间。", setting=setting.label), field=setting.label)
        return value.astimezone(dt.timezone.utc).isoformat()
    return str(value)


def decode(setting: SettingKey, raw: str | None) -> Any:
    """Parse a stored value; a missing or unreadable value gives the default."""
    if raw is None or raw == "":
        return setting.default
    try:
        return parse(setting, raw)
    except ValidationError:
        return setting.default


def parse(setting: SettingKey, value: Any) -> Any:
    """Turn a typed-in value into the setting's type, refusing bad input with a clear message."""
    if setting.type is str:
        text = str(value).strip()
        if len(text) > 1000 or any(ord(ch) < 32 for ch in text):
            raise ValidationError(msg("{setting}含有控制字符或太长（最多 1000 字符）。", setting=setting.label),
                                  field=setting.label)
        return text
    if setting.type is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on", "是"):
            return True
        if text in ("0", "false", "no", "off", "否"):
            return False
        raise ValidationError(msg("{setting}“{value}”应为 是/否（true/false）。", setting=setting.label, value=value),
                              field=setting.label)
    if setting.type is int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValidationError(msg("{setting}“{value}”不是整数。",
                                      setting=setting.label, value=value), field=setting.label) from None
        if setting.minimum is not None and number < setting.minimum:
            raise ValidationError(msg("{setting}不能小于 {minimum}（现为 {number}）。",
                                      setting=setting.label, minimum=setting.minimum,
                                      number=number), field=setting.label)
        if setting.maximum is not None and number > setting.maximum:
            raise ValidationError(msg("{setting}不能大于 {maximum}（现为 {number}）。",
                                      setting=setting.label, maximum=setting.maximum,
                                      number=number), field=setting.label)
        return number
    if setting.type is dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        try:
            parsed = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(msg("{setting}“{value}”不是有效时间。",
                                      setting=setting.label, value=value), field=setting.label) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
    raise ValidationError(msg("不支持的设置类型：{type}", type=setting.type))


def read_in(session: Session, setting: SettingKey) -> Any:
    return decode(setting, session.scalar(select(AppSetting.value).where(AppSetting.key == setting.key)))


def get_setting(db: Database, setting: SettingKey) -> Any:
    """Read one shared setting (any user may read them)."""
    with db.read() as session:
        return read_in(session, setting)


def put_internal(session: Session, setting: SettingKey, value: Any) -> None:
    """Write a program-maintained value in the caller's transaction (no role check, no audit)."""
    row = session.get(AppSetting, setting.key)
    if row is None:
        session.add(AppSetting(key=setting.key, value=encode(setting, value)))
    else:
        row.value = encode(setting, value)


def setting_by_key(key: str) -> SettingKey:
    try:
        return KNOWN_KEYS[key]
    except KeyError:
        known = "、".join(sorted(KNOWN_KEYS))
        raise NotFoundError(msg("没有名为“{key}”的设置。可用的设置：{known}。", key=key, known=known), field=msg("设置")) from None


def set_setting(ctx: ServiceContext, setting: SettingKey | str, value: Any) -> Any:
    """Change a shared setting (admin only); the audit entry keeps the old and the new value."""
    require_admin(ctx.actor)
    if isinstance(setting, str):
        setting = setting_by_key(setting)
    new_value = parse(setting, value)
    with ctx.write() as session:
        row = session.get(AppSetting, setting.key)
        before = decode(setting, row.value if row else None)
        put_internal(session, setting, new_value)
        ledger.audit(
            ctx, session, "update", "setting", setting.key,
            f"修改设置“{setting.label}”",
            before={setting.key: encode(setting, before)},
            after={setting.key: encode(setting, new_value)},
        )
    return new_value


def all_settings(db: Database) -> dict[str, Any]:
    """Every declared key with its current (or default) value, for the settings screen."""
    with db.read() as session:
        rows = dict(session.execute(select(AppSetting.key, AppSetting.value)).tuples().all())
    return {key: decode(setting, rows.get(key)) for key, setting in sorted(KNOWN_KEYS.items())}
