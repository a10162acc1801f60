"""审计日志查询: filter the append-only audit trail by date, user, entity, action and text, newest first,
a page at a time (keyset paging on (at, id), so page 500 costs what page 1 does).

Admins, officers and viewers (leaders) may read the trail; keepers may not, since it spans every store.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select

from models.context import ServiceContext
from models.errors import PermissionDeniedError, ValidationError
from models.messages import msg
from models.schema.audit import AuditEntry
from models.schema.enums import Role

PAGE_SIZE = 200

ACTION_LABELS = {
    "post": "记账", "reverse": "冲销", "create": "新建", "update": "修改", "approve": "审批",
    "password": "修改密码", "login": "登录", "backup": "备份", "restore": "恢复", "delete": "删除",
    "cancel": "取消", "issue": "出库", "receive": "接收", "import": "导入",
    "acknowledge": "确认", "activate": "生效", "announce": "提示", "call_up": "动用", "check": "核查",
    "copy": "复制", "emergency_issue": "紧急出库", "install": "安装", "link": "关联", "propose": "拟定来源",
    "reject": "驳回", "rename": "重命名", "renew": "续签", "replenish": "补库", "request": "申请",
    "return": "归还", "save": "保存", "sources": "调整来源", "terminate": "终止", "unlink": "取消关联",
}
ENTITY_LABELS = {
    "document": msg("单据"), "store": msg("储备库"), "item": msg("物资"), "area": msg("行政区"), "user": msg("用户"),
    "setting": msg("设置"), "dispatch": msg("调拨单"), "agreement": msg("协议"), "standard": msg("标准"),
    "category": msg("分类"), "database": msg("数据库"),
    "transfer": msg("调拨"), "alert": msg("提醒"), "replacement_plan": msg("补充计划"), "inspection": msg("养护检查"),
    "inspection_schedule": msg("养护计划"), "standard_need": msg("需求项"), "enterprise": msg("代储企业"),
    "workbook": msg("工作簿"),
}


@dataclass(frozen=True)
class AuditFilter:
    """Every field optional; dates are local calendar days, both ends included."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    username: str = ""
    entity: str = ""
    action: str = ""
    text: str = ""


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    machine: str
    action: str
    entity: str
    entity_key: str
    summary: str
    before: str
    after: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)

    def as_json(self) -> dict:
        return {
            "id": self.id, "at": self.at.isoformat(), "user": self.username, "machine": self.machine,
            "action": self.action, "entity": self.entity, "key": self.entity_key, "summary": self.summary,
            "before": _maybe_json(self.before), "after": _maybe_json(self.after),
        }


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    next_key: tuple[dt.datetime, int] | None  # pass back as ``after`` for the next page


@dataclass(frozen=True)
class AuditFacets:
    usernames: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)


def _maybe_json(text: str):
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def require_audit_reader(ctx: ServiceContext) -> None:
    if ctx.actor.role is Role.KEEPER:
        raise PermissionDeniedError(
            msg("审计日志涵盖全部储备库，保管员（{username}）不能查看。如需查询，请联系管理员或业务科室。", username=ctx.actor.username)
        )


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.timezone.utc)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(filt: AuditFilter) -> list:
    if filt.date_from and filt.date_to and filt.date_from > filt.date_to:
        raise ValidationError(msg("起始日期 {date_from} 晚于结束日期 {date_to}，请检查。",
                                  date_from=filt.date_from, date_to=filt.date_to), field=msg("日期"))
    conditions = []
    if filt.date_from:
        conditions.append(AuditEntry.at >= _local_midnight_utc(filt.date_from))
    if filt.date_to:
        conditions.append(AuditEntry.at < _local_midnight_utc(filt.date_to + dt.timedelta(days=1)))
    if filt.username.strip():
        conditions.append(AuditEntry.username == filt.username.strip())
    if filt.entity.strip():
        conditions.append(AuditEntry.entity == filt.entity.strip())
    if filt.action.strip():
        conditions.append(AuditEntry.action == filt.action.strip())
    text = filt.text.strip()
    if text:
        if len(text) > 200:
            raise ValidationError(msg("搜索文字太长（最多 200 个字符）。"), field=msg("搜索"))
        pattern = _like(text)
        conditions.append(or_(*(column.ilike(pattern, escape="\\") for column in (
            AuditEntry.entity_key, AuditEntry.summary, AuditEntry.before_json, AuditEntry.after_json,
            AuditEntry.machine))))
    return conditions


def search_audit(
    ctx: ServiceContext,
    filt: AuditFilter = AuditFilter(),
    *,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = PAGE_SIZE,
) -> AuditPage:
    """One page of matching entries, newest first; ``after`` is the previous page's ``next_key``."""
    require_audit_reader(ctx)
    conditions = _conditions(filt)
    if after is not None:
        at, entry_id = after
        conditions.append(or_(AuditEntry.at < at, and_(AuditEntry.at == at, AuditEntry.id < entry_id)))
    stmt = (
        select(AuditEntry).where(*conditions)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit + 1)
    )
    with ctx.read() as session:
        entries = session.scalars(stmt).all()
    rows = [_row(entry) for entry in entries[:limit]]
    next_key = (rows[-1].at, rows[-1].id) if len(entries) > limit else None
    return AuditPage(rows, next_key)


def iter_audit(ctx: ServiceContext, filt: AuditFilter = AuditFilter(), *, page_size: int = 1000) -> Iterator[AuditRow]:
    """Every matching entry, newest first, fetched page by page (for exports)."""
    after = None
    while True:
        page = search_audit(ctx, filt, after=after, limit=page_size)
        yield from page.rows
        if page.next_key is None:
            return
        after = page.next_key


def audit_facets(ctx: ServiceContext) -> AuditFacets:
    """The user names, entities and actions present, for the filter drop-downs."""
    require_audit_reader(ctx)
    with ctx.read() as session:
        def distinct(column):
            return sorted(v for v in session.scalars(select(column).distinct()) if v)

        return AuditFacets(distinct(AuditEntry.username), distinct(AuditEntry.entity), distinct(AuditEntry.action))


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        id=entry.id, at=entry.at, username=entry.username, machine=entry.machine, action=entry.action,
        entity=entry.entity, entity_key=entry.entity_key, summary=entry.summary,
        before=entry.before_json or "", after=entry.after_json or "",
    )


def export_audit(ctx: ServiceContext, filt: AuditFilter, path) -> int:
    """Write the matching entries to an Excel workbook; returns the number of rows written."""
    from models.documents.audit_xlsx import write_audit_workbook

    return write_audit_workbook(iter_audit(ctx, filt), path, describe_filter(filt), exported_by=ctx.actor.username,
                                exported_at=ctx.now())


def describe_filter(filt: AuditFilter) -> str:
    parts = []
    if filt.date_from or filt.date_to:
        parts.append(f"日期 {filt.date_from or '…'} 至 {filt.date_to or '…'}")
    if filt.username:
        parts.append(f"用户 {filt.username}")
    if filt.entity:
        parts.append(f"对象 {ENTITY_LABELS.get(filt.entity, filt.entity)}")
    if filt.action:
        parts.append(f"操作 {ACTION_LABELS.get(filt.action, filt.action)}")
    if filt.text:
        parts.append(f"包含“{filt.text}”")
    return "，".join(parts) or "全部"
