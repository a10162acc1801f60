"""提醒: dated reminders (annual scrap review closing 31 October, annual storage report due
10 January) and alerts for expiring batches and due inspections.

Each alert has a stable key. The first time a user is shown an alert it is *announced* (recorded per
user, so it is not announced again at the next start); the user can *acknowledge* it, after which
it no longer appears for them. A batch that moves on from due to overdue or expired, or an
inspection whose due date moves, gets a new key and is announced again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from models.context import ServiceContext
from models.errors import PermissionDeniedError, ValidationError
from models.messages import Msg, msg
from models.schema.maintenance import AlertAck
from models.services import ledger
from models.services.inspections import due_inspections
from models.services.rotation import rotation_plan

REMINDER_LEAD_DAYS = 45  # shown this many days before the deadline
REMINDER_GRACE_DAYS = 30  # and, unless acknowledged, this many days after it
EXPIRY_ALERT_DAYS = 30  # batches to rotate within this many days are announced
INSPECTION_ALERT_DAYS = 7  # inspections due this week

SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Reminder:
    key: str
    title: str
    deadline: dt.date
    status: str  # "due" (deadline ahead or today) or "overdue"


@dataclass(frozen=True)
class Alert:
    key: str
    kind: str  # "expiry", "inspection" or "reminder"
    severity: str  # "critical", "warning" or "info"
    title: str
    detail: str
    due_date: dt.date | None
    store_code: str | None = None
    new: bool = False  # not yet announced to this user

    def as_json(self) -> dict:
        return {"key": self.key, "kind": self.kind, "severity": self.severity, "title": self.title,
                "detail": self.detail, "due_date": self.due_date.isoformat() if self.due_date else None,
                "store_code": self.store_code, "new": self.new}


def dated_reminders(as_of: dt.date, *, lead_days: int = REMINDER_LEAD_DAYS,
                    grace_days: int = REMINDER_GRACE_DAYS) -> list[Reminder]:
    """The yearly deadlines whose window (lead days before to grace days after) contains ``as_of``."""
    result = []
    for year in (as_of.year - 1, as_of.year, as_of.year + 1):
        candidates = (
            (f"reminder:scrap_review:{year}", msg("{year} 年度报废审核将于 10 月 31 日截止", year=year), dt.date(year, 10, 31)),
            (f"reminder:storage_report:{year - 1}", msg("{last_year} 年度储存情况报告须于 {year} 年 1 月 10 日前报送",
                                                       last_year=year - 1, year=year),
             dt.date(year, 1, 10)),
        )
        for key, title, deadline in candidates:
            if deadline - dt.timedelta(days=lead_days) <= as_of <= deadline + dt.timedelta(days=grace_days):
                result.append(Reminder(key, title, deadline, "due" if as_of <= deadline else "overdue"))
    return sorted(result, key=lambda r: r.deadline)


def current_alerts(
    ctx: ServiceContext,
    *,
    as_of: dt.date | None = None,
    expiry_within_days: int = EXPIRY_ALERT_DAYS,
    inspection_within_days: int = INSPECTION_ALERT_DAYS,
) -> list[Alert]:
    """Every alert that applies today for this user's stores, acknowledged or not, ``new`` unset."""
    sources = _Sources.read(ctx, as_of or ctx.today(), expiry_within_days, inspection_within_days)
    return sources.build(sources.order(lambda _key: False))


@dataclass
class _Sources:
    """What the alerts are made of — rotation rows, due inspections, dated reminders — with each one's key
    and place in the order (cheap to make). A city has tens of thousands of alerts (every expired batch
    is one): the acknowledgements are looked up and the alerts put in order by key before any is built,
    and only those asked for become Alert objects with their (translatable) messages."""

    rows: list
    dues: list
    reminders: list[Reminder]
    keys: list[str]
    order_keys: list[tuple]  # (severity rank, date, key) per source, in keys' order

    @classmethod
    def read(cls, ctx: ServiceContext, as_of: dt.date, expiry_days: int, inspection_days: int) -> _Sources:
        rows = rotation_plan(ctx, within_days=expiry_days, as_of=as_of)
        dues = due_inspections(ctx, within_days=inspection_days, as_of=as_of)
        reminders = dated_reminders(as_of)
        keys = ([f"expiry:{row.store_code}:{row.item_code}:{row.batch}:{row.status}" for row in rows]
                + [f"inspection:{due.key}" for due in dues] + [reminder.key for reminder in reminders])
        ranks = ([SEVERITY_ORDER[_EXPIRY_SEVERITY[row.status]] for row in rows]
                 + [SEVERITY_ORDER["warning" if due.status == "overdue" else "info"] for due in dues]
                 + [SEVERITY_ORDER["warning" if r.status == "overdue" else "info"] for r in reminders])
        dates = [row.rotate_by for row in rows] + [due.due_date for due in dues] + [r.deadline for r in reminders]
        return cls(rows, dues, reminders, keys, list(zip(ranks, dates, keys)))

    def order(self, state) -> list[tuple[int, bool]]:
        """(source index, new) of the alerts to show, most urgent first; ``state(key)`` is None to leave
        one out (acknowledged), else its ``new`` flag."""
        chosen = [(index, new) for index, key in enumerate(self.keys) if (new := state(key)) is not None]
        chosen.sort(key=lambda pair: self.order_keys[pair[0]])
        return chosen

    def build(self, chosen: list[tuple[int, bool]]) -> list[Alert]:
        whens: dict[tuple, Msg] = {}  # the date part, made once per (status, expiry, rotate-by)
        rows, dues = len(self.rows), len(self.dues)
        alerts = []
        for index, new in chosen:
            key = self.keys[index]
            if index < rows:
                row = self.rows[index]
                expired = row.status == "expired"
                when = whens.get((expired, row.expiry_date, row.rotate_by))
                if when is None:
                    when = whens[(expired, row.expiry_date, row.rotate_by)] = (
                        msg("已于 {expiry} 过期，只能报废", expiry=row.expiry_date) if expired else
                        msg("有效期至 {expiry}，应于 {rotate_by} 前轮换", expiry=row.expiry_date,
                            rotate_by=row.rotate_by))
                alerts.append(Alert(
                    key, "expiry", _EXPIRY_SEVERITY[row.status],
                    msg("{status}：{item} 批次 {batch}（{store}）", status=row.status_label, item=row.item_name,
                        batch=row.batch, store=row.store_name),
                    msg("{quantity}{unit}，{when}", quantity=ledger.fmt_qty(row.quantity), unit=row.unit, when=when),
                    row.rotate_by, row.store_code, new,
                ))
            elif index < rows + dues:
                due = self.dues[index - rows]
                late = due.status == "overdue"
                alerts.append(Alert(
                    key, "inspection", "warning" if late else "info",
                    msg("{label}：{schedule}（{target}）", label=msg("养护逾期") if late else msg("本周养护"),
                        schedule=due.schedule_name, target=due.target),
                    msg("应于 {due} 完成，上次 {last}", due=due.due_date, last=due.last_inspected)
                    if due.last_inspected else msg("应于 {due} 完成，尚无记录", due=due.due_date),
                    due.due_date, due.store_code, new,
                ))
            else:
                reminder = self.reminders[index - rows - dues]
                alerts.append(Alert(key, "reminder", "warning" if reminder.status == "overdue" else "info",
                                    reminder.title, msg("截止日期 {deadline}", deadline=reminder.deadline),
                                    reminder.deadline, new=new))
        return alerts


_EXPIRY_SEVERITY = {"expired": "critical", "overdue": "warning", "due": "info"}
ACK_CHUNK = 5000  # alert keys per look-up (well under SQLite's and psycopg's bound-parameter limits)


@dataclass(frozen=True)
class PendingAlerts:
    alerts: list[Alert]  # most urgent first; the first ``limit`` when one was given
    keys: list[str]  # the keys of all pending alerts, most urgent first
    new_keys: list[str]  # those never announced to this user before


def pending(ctx: ServiceContext, *, announce: bool = False, as_of: dt.date | None = None,
            limit: int | None = None) -> PendingAlerts:
    """The alerts this user has not acknowledged, how many there are and how many are new; ``new`` marks
    those never announced to them. With ``announce`` every new one (listed or not) is recorded as
    announced, in one transaction. With ``limit`` only the most urgent ``limit`` are built.

    The user's acknowledgements are read as plain (key, acknowledged) pairs by chunks of keys through
    the unique (key, user) index."""
    sources = _Sources.read(ctx, as_of or ctx.today(), EXPIRY_ALERT_DAYS, INSPECTION_ALERT_DAYS)
    user_id = ctx.actor.user_id
    if user_id is None:
        chosen = sources.order(lambda _key: False)
        return PendingAlerts(sources.build(chosen[:limit]), [sources.keys[index] for index, _new in chosen], [])
    keys = sources.keys
    with (ctx.write() if announce else ctx.read()) as session:
        seen: dict[str, bool] = {}  # announced key -> acknowledged
        for start in range(0, len(keys), ACK_CHUNK):
            seen.update(session.execute(
                select(AlertAck.alert_key, AlertAck.acknowledged_at.is_not(None))
                .where(AlertAck.user_id == user_id, AlertAck.alert_key.in_(keys[start:start + ACK_CHUNK]))).all())
        chosen = sources.order(lambda key: None if seen.get(key) else key not in seen)
        fresh = [keys[index] for index, new in chosen if new]
        if announce and fresh:
            # another window of the same user may announce at the same moment: skip, don't fail
            now = ctx.now()
            rows = [{"alert_key": key, "user_id": user_id, "announced_at": now} for key in fresh]
            for start in range(0, len(rows), 300):
                session.execute(
                    ledger._insert(session)(AlertAck).values(rows[start:start + 300])
                    .on_conflict_do_nothing(index_elements=["alert_key", "user_id"]))
            ledger.audit(ctx, session, "announce", "alert", f"{len(fresh)} alerts",
                         f"首次提示 {len(fresh)} 条提醒", after={"keys": fresh[:50]})
    return PendingAlerts(sources.build(chosen[:limit]), [keys[index] for index, _new in chosen], fresh)


def pending_alerts(ctx: ServiceContext, *, announce: bool = False, as_of: dt.date | None = None) -> list[Alert]:
    """Every alert this user has not acknowledged, most urgent first (see ``pending``)."""
    return pending(ctx, announce=announce, as_of=as_of).alerts


def acknowledge(ctx: ServiceContext, key: str) -> bool:
    """Acknowledge one alert for the acting user; False if it was already acknowledged."""
    if ctx.actor.user_id is None:
        raise PermissionDeniedError(msg("请先登录，再确认提醒。"))
    if not key or len(key) > 200:
        raise ValidationError(msg("提醒编号无效。"), field=msg("提醒"))
    with ctx.write() as session:
        ack = session.scalar(select(AlertAck).where(AlertAck.user_id == ctx.actor.user_id,
                                                    AlertAck.alert_key == key))
        if ack is not None and ack.acknowledged_at is not None:
            return False
        if ack is None:
            ack = AlertAck(alert_key=key, user_id=ctx.actor.user_id, announced_at=ctx.now())
            session.add(ack)
        ack.acknowledged_at = ctx.now()
        ledger.audit(ctx, session, "acknowledge", "alert", key, "确认提醒")
        return True


def acknowledge_all(ctx: ServiceContext, keys: list[str]) -> int:
    return sum(1 for key in keys if acknowledge(ctx, key))
