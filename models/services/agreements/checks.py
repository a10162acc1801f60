"""核查: a spot check at the enterprise records how much of each agreement line was found there.

The latest check caps a line's available quantity (``availability``) and a shortfall below the
minimum lowers the fee of its quarter (``fees``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.context import ServiceContext
from models.errors import ConflictError, ValidationError
from models.messages import msg
from models.schema.agreements import AgreementCheck, AgreementCheckLine, AgreementState
from models.services import ledger
from models.services.agreements.terms import _required_date, agreement_by_number
from models.services.permissions import require_approver
from models.validation import check_text, parse_quantity


def record_check(ctx: ServiceContext, number: str, check_date: dt.date | str, checked_by: str,
                 found: dict[str, Decimal | str | int], remarks: str = "") -> int:
    """核查: record the quantities found per line (keyed by item code); returns the check id."""
    require_approver(ctx.actor)
    day = _required_date(check_date, msg("核查日期"))
    checked_by = check_text(checked_by, msg("核查人"), max_length=100, required=True)
    remarks = check_text(remarks, msg("备注"), max_length=2000)
    if day > ctx.today():
        raise ValidationError(msg("核查日期 {day} 在今天之后，请填写实际核查的日期。", day=day), field=msg("核查日期"))
    if not found:
        raise ValidationError(msg("请至少填写一种物资的实查数量。"), field=msg("实查数量"))
    with ctx.write() as session:
        agreement = agreement_by_number(session, number)
        if agreement.state is AgreementState.DRAFT:
            raise ConflictError(msg("协议“{number}”还是草稿，生效后才能核查。", number=number))
        if day < agreement.start_date:
            raise ValidationError(msg("核查日期 {day} 早于协议开始日期 {start_date}。",
                                      day=day, start_date=agreement.start_date), field=msg("核查日期"))
        by_code = {line.item.code: line for line in agreement.lines}
        check = AgreementCheck(agreement=agreement, check_date=day, checked_by=checked_by, remarks=remarks,
                               created_by_id=ctx.actor.user_id, created_at=ctx.now())
        for code, quantity in found.items():
            line = by_code.get(code)
            if line is None:
                raise ValidationError(msg("协议“{number}”中没有物资“{code}”，请检查物资编码。",
                                          number=number, code=code), field=msg("物资编码"))
            value = parse_quantity(quantity, msg("“{item_name}”实查数量", item_name=line.item.name), allow_zero=True)
            check.lines.append(AgreementCheckLine(line=line, found_quantity=value))
        session.add(check)
        session.flush()
        shortfalls = [f"{line.line.item.name} 实查 {ledger.fmt_qty(line.found_quantity)}，低于最低 "
                      f"{ledger.fmt_qty(line.line.minimum_quantity)}" for line in check.lines
                      if line.found_quantity < line.line.minimum_quantity]
        summary = f"核查储备协议 {number}（{day}）" + ("：" + "；".join(shortfalls) if shortfalls else "，数量达标")
        ledger.audit(ctx, session, "check", "agreement", number, summary,
                     after={"date": day.isoformat(), "by": checked_by,
                            "found": {line.line.item.code: str(line.found_quantity) for line in check.lines}})
        return check.id
