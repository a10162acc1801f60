"""What the screens, commands and reminders read about agreements: the list, the ones expiring or
overdue for a check, lines found short, one agreement in full (lines, checks, call-ups, fees,
renewal history) and its editable fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session, selectinload

from models.context import ServiceContext
from models.schema.agreements import Agreement, AgreementCheck, AgreementLine, AgreementState, Enterprise
from models.schema.catalog import Item
from models.services.agreements.availability import _figures_by_line, _in_force, _latest_checks
from models.services.agreements.call_ups import _call_up_row
from models.services.agreements.fees import check_shortfall_share, fee_schedule
from models.services.agreements.records import (
    EXPIRING_DAYS,
    ZERO,
    AgreementDetail,
    AgreementInput,
    AgreementRow,
    CheckRow,
    EnterpriseInput,
    LineInput,
    LineRow,
    OverdueCheck,
    QuarterFee,
    ShortfallLine,
)
from models.services.agreements.terms import agreement_by_number

CHECK_INTERVAL_MONTHS = 6


def quarter_fees(ctx: ServiceContext, number: str) -> list[QuarterFee]:
    with ctx.read() as session:
        return fee_schedule(_load(session, number))


def _load(session: Session, number: str) -> Agreement:
    agreement = agreement_by_number(session, number)
    # touch the collections the detail needs while the session is open
    for check in agreement.checks:
        list(check.lines)
    for line in agreement.lines:
        line.item
        for call in line.call_ups:
            list(call.replenishments)
    return agreement


def _rows(session: Session, today: dt.date, where: Iterable[ColumnElement[bool]] = ()) -> list[AgreementRow]:
    last_check = (select(AgreementCheck.agreement_id, func.max(AgreementCheck.check_date).label("last"))
                  .group_by(AgreementCheck.agreement_id).subquery())
    agreements = session.execute(
        select(Agreement, last_check.c.last)
        .outerjoin(last_check, last_check.c.agreement_id == Agreement.id)
        .options(selectinload(Agreement.enterprise), selectinload(Agreement.previous))
        .where(*where)
        .order_by(Agreement.end_date, Agreement.number)
    ).all()
    return [_row(agreement, last, today) for agreement, last in agreements]


def _row(agreement: Agreement, last_check: dt.date | None, today: dt.date) -> AgreementRow:
    enterprise = agreement.enterprise
    return AgreementRow(
        agreement.number, enterprise.name, enterprise.credit_code, enterprise.contact, enterprise.phone,
        agreement.agreement_type, agreement.start_date, agreement.end_date, agreement.response_hours,
        agreement.annual_fee, agreement.state, agreement.effective_state(today), agreement.storage_place,
        last_check, agreement.previous.number if agreement.previous else None, (agreement.end_date - today).days,
    )


def list_agreements(ctx: ServiceContext, *, expiring_days: int | None = None) -> list[AgreementRow]:
    """All agreements (earliest end first); with ``expiring_days`` only active ones ending within
    that many days from today."""
    today = ctx.today()
    where = []
    if expiring_days is not None:
        where = [Agreement.state == AgreementState.ACTIVE, Agreement.end_date >= today,
                 Agreement.end_date <= today + dt.timedelta(days=expiring_days)]
    with ctx.read() as session:
        return _rows(session, today, where)


def expiring_agreements(ctx: ServiceContext, days: int = EXPIRING_DAYS) -> list[AgreementRow]:
    return list_agreements(ctx, expiring_days=days)


def checks_overdue(ctx: ServiceContext, months: int = CHECK_INTERVAL_MONTHS) -> list[OverdueCheck]:
    """Active agreements not checked for ``months`` months (counted from the start if never checked)."""
    today = ctx.today()
    with ctx.read() as session:
        rows = _rows(session, today, _in_force(today))
    result = []
    for row in rows:
        due = (row.last_check_date or row.start_date) + relativedelta(months=months)
        if due <= today:
            result.append(OverdueCheck(row.number, row.enterprise, row.last_check_date, due))
    return result


def shortfall_lines(ctx: ServiceContext) -> list[ShortfallLine]:
    """Lines of current agreements whose latest check found less than the minimum."""
    today = ctx.today()
    latest = _latest_checks()
    with ctx.read() as session:
        rows = session.execute(
            select(Agreement.number, Enterprise.name, Item.code, Item.name, Item.unit, AgreementLine.minimum_quantity,
                   latest.c.found_quantity, latest.c.check_date)
            .join(Agreement, Agreement.id == AgreementLine.agreement_id)
            .join(Enterprise, Enterprise.id == Agreement.enterprise_id)
            .join(Item, Item.id == AgreementLine.item_id)
            .join(latest, and_(latest.c.line_id == AgreementLine.id, latest.c.rn == 1))
            .where(Agreement.state == AgreementState.ACTIVE, Agreement.end_date >= today,
                   latest.c.found_quantity < AgreementLine.minimum_quantity)
            .order_by(Agreement.number, AgreementLine.line_no)
        ).all()
    return [ShortfallLine(*row) for row in rows]


def agreement_detail(ctx: ServiceContext, number: str) -> AgreementDetail:
    today = ctx.today()
    with ctx.read() as session:
        agreement = _load(session, number)
        figures = _figures_by_line(session, [line.id for line in agreement.lines], today)
        lines = []
        for line in agreement.lines:
            line_figures = figures[line.id]
            available = line_figures.available
            if agreement.effective_state(today) is not AgreementState.ACTIVE:
                available = ZERO
            lines.append(LineRow(line.id, line.item_id, line.item.code, line.item.name, line.item.unit,
                                 line.guaranteed_quantity, line.minimum_quantity, line_figures.outstanding, available,
                                 line_figures.check_date, line_figures.found))
        checks = [CheckRow(c.id, c.check_date, c.checked_by, c.remarks,
                           {cl.line.item.code: cl.found_quantity for cl in c.lines},
                           check_shortfall_share(agreement, c))
                  for c in sorted(agreement.checks, key=lambda c: (c.check_date, c.id), reverse=True)]
        calls = sorted((_call_up_row(call) for line in agreement.lines for call in line.call_ups),
                       key=lambda c: c.called_at, reverse=True)
        history, previous = [], agreement.previous
        while previous is not None:
            history.append(previous.number)
            previous = previous.previous
        renewed_by = session.scalar(select(Agreement.number).where(Agreement.previous_id == agreement.id))
        last = max((c.check_date for c in agreement.checks), default=None)
        enterprise = agreement.enterprise
        return AgreementDetail(
            _row(agreement, last, today), enterprise.address, enterprise.reserve_kind, agreement.fee_rules,
            agreement.rotation_duty, agreement.contract_path, agreement.terminated_on, agreement.termination_reason,
            lines, checks, calls, fee_schedule(agreement), history, renewed_by,
        )


def agreement_input(ctx: ServiceContext, number: str) -> AgreementInput:
    """The editable fields of an agreement, for an edit dialog."""
    with ctx.read() as session:
        a = _load(session, number)
        e = a.enterprise
        return AgreementInput(
            a.number, EnterpriseInput(e.name, e.credit_code, e.address, e.contact, e.phone, e.reserve_kind),
            a.agreement_type, a.start_date, a.end_date,
            [LineInput(line.item.code, line.guaranteed_quantity, line.minimum_quantity) for line in a.lines],
            a.storage_place, a.response_hours, a.annual_fee, a.fee_rules, a.rotation_duty, a.contract_path,
        )
