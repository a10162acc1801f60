"""How values look on screen: dates as 2026-05-01, quantities with their unit, money in yuan,
times in local time. Enum labels come from models/ in Chinese and are translated here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from models.schema.enums import Role, StoreLevel

LABELS = (
    QT_TRANSLATE_NOOP("labels", "县级"), QT_TRANSLATE_NOOP("labels", "乡镇级"), QT_TRANSLATE_NOOP("labels", "村级"),
    QT_TRANSLATE_NOOP("labels", "管理员"), QT_TRANSLATE_NOOP("labels", "业务科室"),
    QT_TRANSLATE_NOOP("labels", "保管员"), QT_TRANSLATE_NOOP("labels", "查看"),
    QT_TRANSLATE_NOOP("labels", "未分类"),
)


def label(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def level_label(level: StoreLevel) -> str:
    return label(level.label)


def role_label(role: Role) -> str:
    return label(role.label)


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def local_time_text(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M")


def number_text(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return format(Decimal(value).normalize(), ",f")


def quantity_text(value: Decimal | int | None, unit: str = "") -> str:
    if value is None:
        return ""
    return f"{number_text(value)} {unit}".strip()


def money_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"¥{Decimal(value):,.2f}"
