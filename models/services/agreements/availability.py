"""How much of an agreement line can be counted on: for the adequacy check (``agreement_supply``),
for proposing sources on a dispatch order (``available_agreement_lines``) and for refusing a
call-up larger than what is there.

Available quantity of a line (used by ``agreement_supply``, ``available_agreement_lines`` and every
screen): ``guaranteed − outstanding call-ups`` (called minus replenished), and, when the line has been
checked, no more than what that latest check found, adjusted by the call-ups and replenishments
dated after the check (stock taken after a check is no longer there; stock taken before it was
already missing when the checker counted; on the check's own day a call-up counts as after the
check and a replenishment as before it, so the figure errs low). Never below zero.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Subquery, and_, func, select
from sqlalchemy.orm import Session

from models.schema.agreements import (
    Agreement,
    AgreementCallUp,
    AgreementCheck,
    AgreementCheckLine,
    AgreementLine,
    AgreementReplenishment,
    AgreementState,
    AgreementType,
    Enterprise,
)
from models.services.agreements.records import ZERO, AgreementSupply, AvailableAgreementLine


class LineFigures(NamedTuple):
    """One agreement line on a given day, with the extra columns its caller asked for."""

    line_id: int
    available: Decimal
    outstanding: Decimal  # called up and not yet replenished
    found: Decimal | None  # at the latest check
    check_date: dt.date | None
    extra: tuple[Any, ...]


def _local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def _in_force(day: dt.date) -> list[ColumnElement[bool]]:
    """Conditions for an agreement that is active with ``day`` inside its term."""
    return [Agreement.state == AgreementState.ACTIVE, Agreement.start_date <= day, Agreement.end_date >= day]


def _latest_checks() -> Subquery:
    """Per line, the latest check (date, then id) that counted it: one row per line with rn = 1."""
    rank = func.row_number().over(
        partition_by=AgreementCheckLine.line_id,
        order_by=(AgreementCheck.check_date.desc(), AgreementCheck.id.desc()),
    )
    return (
        select(AgreementCheckLine.line_id, AgreementCheckLine.found_quantity, AgreementCheck.check_date,
               rank.label("rn"))
        .join(AgreementCheck, AgreementCheck.id == AgreementCheckLine.check_id)
        .subquery("latest_check")
    )


def _movements(session: Session, line_filter: Any) -> dict[int, list[tuple[dt.date, Decimal]]]:
    """Signed stock events per line (call-ups negative, replenishments positive), one query."""
    stmt = (
        select(AgreementCallUp.line_id, AgreementCallUp.id, AgreementCallUp.quantity, AgreementCallUp.called_at,
               AgreementReplenishment.quantity, AgreementReplenishment.replenished_at)
        .outerjoin(AgreementReplenishment, AgreementReplenishment.call_up_id == AgreementCallUp.id)
        .where(AgreementCallUp.line_id.in_(line_filter))
    )
    events: dict[int, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    seen: set[int] = set()
    for line_id, call_id, called, called_at, replenished, replenished_at in session.execute(stmt):
        if call_id not in seen:
            seen.add(call_id)
            events[line_id].append((_local_date(called_at), -called))
        if replenished is not None:
            events[line_id].append((_local_date(replenished_at), replenished))
    return events


def _available(guaranteed: Decimal, found: Decimal | None, check_date: dt.date | None,
               events: list[tuple[dt.date, Decimal]], as_of: dt.date) -> tuple[Decimal, Decimal]:
    """(available, outstanding) of one line on ``as_of`` — the rule in the module docstring."""
    relevant = [(day, delta) for day, delta in events if day <= as_of]
    outstanding = -sum((delta for _, delta in relevant), ZERO)
    available = guaranteed - outstanding
    if found is not None:
        # same-day events: assume a call-up came after the check and a replenishment before it,
        # so the figure errs on the low side
        since_check = sum((delta for day, delta in relevant
                           if day > check_date or (day == check_date and delta < 0)), ZERO)
        available = min(available, found + since_check)
    return max(ZERO, available), outstanding


def _line_figures(session: Session, as_of: dt.date, conditions: list[ColumnElement[bool]], *columns: Any,
                  order_by: tuple[Any, ...] = ()) -> list[LineFigures]:
    """The lines matching ``conditions`` (on the line, its agreement or enterprise) on ``as_of``, with
    ``columns`` as ``extra``. Two queries; one when nothing matches."""
    latest = _latest_checks()
    rows = session.execute(
        select(AgreementLine.id, AgreementLine.guaranteed_quantity, latest.c.found_quantity, latest.c.check_date,
               *columns)
        .join(Agreement, Agreement.id == AgreementLine.agreement_id)
        .join(Enterprise, Enterprise.id == Agreement.enterprise_id)
        .outerjoin(latest, and_(latest.c.line_id == AgreementLine.id, latest.c.rn == 1))
        .where(*conditions)
        .order_by(*order_by)
    ).all()
    if not rows:
        return []
    line_filter = (select(AgreementLine.id).join(Agreement, Agreement.id == AgreementLine.agreement_id)
                   .join(Enterprise, Enterprise.id == Agreement.enterprise_id).where(*conditions))
    events = _movements(session, line_filter.scalar_subquery())
    result = []
    for line_id, guaranteed, found, check_date, *extra in rows:
        available, outstanding = _available(guaranteed, found, check_date, events.get(line_id, []), as_of)
        result.append(LineFigures(line_id, available, outstanding, found, check_date, tuple(extra)))
    return result


def _figures_by_line(session: Session, line_ids: list[int], as_of: dt.date) -> dict[int, LineFigures]:
    return {figures.line_id: figures for figures in _line_figures(session, as_of, [AgreementLine.id.in_(line_ids)])}


def _availability(session: Session, line_ids: list[int], as_of: dt.date) -> dict[int, Decimal]:
    return {line_id: figures.available for line_id, figures in _figures_by_line(session, line_ids, as_of).items()}


def agreement_supply(session: Session, *, as_of: dt.date, last_day: dt.date, max_response_hours: int | None = None,
                     item_ids: Collection[int] | None = None) -> list[AgreementSupply]:
    """Agreement stock that counts for an adequacy scenario, one entry per agreement line.

    Counts only agreements in state active with start ≤ ``as_of`` and an end date on or after both
    ``as_of`` and ``last_day`` (the scenario's last day): an agreement ending before the scenario ends
    does not count. Drafts, terminated and stored-expired agreements never count. With
    ``max_response_hours``, agreements slower than that — or with no response time stated — are
    left out. The quantity is the line's available quantity on ``as_of`` (module docstring); lines
    with nothing available are listed with quantity 0. Two queries in all.
    """
    conditions = [*_in_force(as_of), Agreement.end_date >= last_day]
    if max_response_hours is not None:
        conditions.append(Agreement.response_hours.is_not(None))
        conditions.append(Agreement.response_hours <= max_response_hours)
    if item_ids is not None:
        conditions.append(AgreementLine.item_id.in_(list(item_ids)))
    lines = _line_figures(session, as_of, conditions, Agreement.number, Enterprise.name, Agreement.agreement_type,
                          AgreementLine.item_id, Agreement.end_date, Agreement.response_hours,
                          order_by=(Agreement.number, AgreementLine.line_no))
    result = []
    for line in lines:
        number, enterprise, kind, item_id, end_date, hours = line.extra
        result.append(AgreementSupply(number, enterprise, AgreementType(kind).value, item_id, line.available,
                                      end_date, hours))
    return result


def available_agreement_lines(session: Session, item_id: int, as_of: dt.date) -> list[AvailableAgreementLine]:
    """Agreement lines of one item that can be called up on ``as_of``, fastest response first."""
    lines = _line_figures(session, as_of, [*_in_force(as_of), AgreementLine.item_id == item_id],
                          Agreement.number, Enterprise.name, Enterprise.contact, Enterprise.phone,
                          Agreement.agreement_type, Agreement.response_hours, Agreement.end_date)
    result = []
    for line in lines:
        number, name, contact, phone, kind, hours, end_date = line.extra
        if line.available > 0:
            result.append(AvailableAgreementLine(line.line_id, number, name, contact, phone, AgreementType(kind).value,
                                                 item_id, line.available, hours, end_date))
    result.sort(key=lambda r: (r.response_hours if r.response_hours is not None else 10**9, -r.available, r.agreement_number))
    return result
