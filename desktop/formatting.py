"""How values look on screen: dates as 2026-05-01, quantities with their unit, money in yuan,
times in local time. Enum labels come from models/ in Chinese and are translated here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from models.messages import Msg, localize
from models.schema.enums import Role, StoreLevel

LABELS = (
    QT_TRANSLATE_NOOP("labels", "县级"), QT_TRANSLATE_NOOP("labels", "乡镇级"), QT_TRANSLATE_NOOP("labels", "村级"),
    QT_TRANSLATE_NOOP("labels", "管理员"), QT_TRANSLATE_NOOP("labels", "业务科室"),
    QT_TRANSLATE_NOOP("labels", "保管员"), QT_TRANSLATE_NOOP("labels", "查看"),
    QT_TRANSLATE_NOOP("labels", "未分类"),
    # DispatchStatus labels (models/schema/dispatch.py)
    QT_TRANSLATE_NOOP("labels", "待审批"), QT_TRANSLATE_NOOP("labels", "已审批"), QT_TRANSLATE_NOOP("labels", "已出库"),
    QT_TRANSLATE_NOOP("labels", "已签收"), QT_TRANSLATE_NOOP("labels", "已作废"), QT_TRANSLATE_NOOP("labels", "已冲销"),
    # NeedBasis and Season labels (models/schema/standards.py)
    QT_TRANSLATE_NOOP("labels", "每人每天"), QT_TRANSLATE_NOOP("labels", "每 N 人一件"), QT_TRANSLATE_NOOP("labels", "固定数量"),
    QT_TRANSLATE_NOOP("labels", "全年"), QT_TRANSLATE_NOOP("labels", "夏季"), QT_TRANSLATE_NOOP("labels", "冬季"),
    # audit actions (models/services/audit_queries.ACTION_LABELS, plain words there)
    QT_TRANSLATE_NOOP("labels", "记账"), QT_TRANSLATE_NOOP("labels", "冲销"), QT_TRANSLATE_NOOP("labels", "新建"),
    QT_TRANSLATE_NOOP("labels", "修改"), QT_TRANSLATE_NOOP("labels", "审批"), QT_TRANSLATE_NOOP("labels", "修改密码"),
    QT_TRANSLATE_NOOP("labels", "登录"), QT_TRANSLATE_NOOP("labels", "备份"), QT_TRANSLATE_NOOP("labels", "恢复"),
    QT_TRANSLATE_NOOP("labels", "删除"), QT_TRANSLATE_NOOP("labels", "出库"), QT_TRANSLATE_NOOP("labels", "接收"),
    QT_TRANSLATE_NOOP("labels", "导入"), QT_TRANSLATE_NOOP("labels", "确认"), QT_TRANSLATE_NOOP("labels", "生效"),
    QT_TRANSLATE_NOOP("labels", "提示"), QT_TRANSLATE_NOOP("labels", "动用"), QT_TRANSLATE_NOOP("labels", "核查"),
    QT_TRANSLATE_NOOP("labels", "复制"), QT_TRANSLATE_NOOP("labels", "紧急出库"), QT_TRANSLATE_NOOP("labels", "安装"),
    QT_TRANSLATE_NOOP("labels", "关联"), QT_TRANSLATE_NOOP("labels", "拟定来源"), QT_TRANSLATE_NOOP("labels", "驳回"),
    QT_TRANSLATE_NOOP("labels", "重命名"), QT_TRANSLATE_NOOP("labels", "续签"), QT_TRANSLATE_NOOP("labels", "补库"),
    QT_TRANSLATE_NOOP("labels", "申请"), QT_TRANSLATE_NOOP("labels", "归还"), QT_TRANSLATE_NOOP("labels", "调整来源"),
    QT_TRANSLATE_NOOP("labels", "终止"), QT_TRANSLATE_NOOP("labels", "取消关联"),
    # AgreementType and AgreementState labels (models/schema/agreements.py)
    QT_TRANSLATE_NOOP("labels", "实物代储"), QT_TRANSLATE_NOOP("labels", "产能储备"), QT_TRANSLATE_NOOP("labels", "草稿"),
    QT_TRANSLATE_NOOP("labels", "有效"), QT_TRANSLATE_NOOP("labels", "已到期"), QT_TRANSLATE_NOOP("labels", "已终止"),
)


def label(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def message_label(text: str) -> str:
    """A label word from models/ in the screen's language: a ``msg("单据")`` word is translated in the
    Linguist context ``messages``; a plain word not (yet) marked there, in ``labels``."""
    if isinstance(text, Msg) and text.params:
        return localize(text)
    if not text:
        return ""
    translate = QCoreApplication.translate
    translated = translate("messages", str(text))
    return translated if translated != str(text) else translate("labels", str(text))


LIST_SEPARATORS = (QT_TRANSLATE_NOOP("labels", "、"), QT_TRANSLATE_NOOP("labels", "；"))


def joined(parts, separator: str = "、") -> str:
    """Names listed in running text: 甲、乙 in Chinese, "A, B" in English (``；``: "A; B")."""
    translate = QCoreApplication.translate
    return translate("labels", separator).join(str(part) for part in parts)


def with_note(text: object, note: object) -> str:
    """``名称（代码）`` in Chinese, ``Name (code)`` in English."""
    return QCoreApplication.translate("labels", "%1（%2）").replace("%1", str(text)).replace("%2", str(note))


def translated_columns(context: str, columns: list) -> list:
    """Module-level ``Column(QT_TRANSLATE_NOOP(context, "标题"), ...)`` lists with their titles translated."""
    import dataclasses

    return [dataclasses.replace(column, title=QCoreApplication.translate(context, column.title)) for column in columns]


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
