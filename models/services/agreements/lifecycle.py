"""The life of an agreement: record the enterprise (企业), create a draft (草稿), edit it, make it
active (生效), terminate it early (终止) or renew it (续签) into a new draft linked to the old one.

Each function is one transaction with its audit entry; the field checks they share are in ``terms``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from models.context import ServiceContext
from models.errors import ConflictError, ValidationError
from models.messages import msg
from models.schema.agreements import Agreement, AgreementLine, AgreementState
from models.services import ledger
from models.services.agreements.records import AgreementInput, EnterpriseInput
from models.services.agreements.terms import (
    _apply_fields,
    _enterprise_snapshot,
    _parse_money,
    _upsert_enterprise,
    agreement_by_number,
    snapshot,
)
from models.services.permissions import require_catalog_edit
from models.validation import check_text, parse_date


def save_enterprise(ctx: ServiceContext, data: EnterpriseInput) -> str:
    """Create the enterprise or update it (found by credit code); returns the normalised code."""
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        enterprise = _upsert_enterprise(session, data)
        ledger.audit(ctx, session, "save", "enterprise", enterprise.credit_code, f"保存代储企业 {enterprise.name}",
                     after=_enterprise_snapshot(enterprise))
        return enterprise.credit_code


def create_agreement(ctx: ServiceContext, data: AgreementInput) -> str:
    """A new agreement in state draft (草稿); returns its number."""
    require_catalog_edit(ctx.actor)
    number = check_text(data.number, msg("协议编号"), max_length=60, required=True)
    with ctx.write() as session:
        if session.scalar(select(Agreement.id).where(Agreement.number == number)):
            raise ConflictError(msg("协议编号“{number}”已存在，请换一个编号，或修改原协议。", number=number), field=msg("协议编号"))
        now = ctx.now()
        agreement = Agreement(number=number, state=AgreementState.DRAFT, created_at=now, updated_at=now)
        with session.no_autoflush:  # the row is complete only once every field is checked
            _apply_fields(session, agreement, data)
        session.add(agreement)
        session.flush()
        ledger.audit(ctx, session, "create", "agreement", number,
                     f"新建储备协议 {number}（{agreement.enterprise.name}）", after=snapshot(agreement))
        return number


def update_agreement(ctx: ServiceContext, data: AgreementInput) -> str:
    """Change a draft or active agreement (found by number). Terminated or expired ones are history."""
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        agreement = agreement_by_number(session, data.number)
        state = agreement.effective_state(ctx.today())
        if state in (AgreementState.TERMINATED, AgreementState.EXPIRED):
            raise ConflictError(
                msg("协议“{agreement_number}”{state_label}，不能再修改；如需继续合作，请续签。",
                    agreement_number=agreement.number, state_label=state.label), field=msg("协议编号"))
        before = snapshot(agreement)
        with session.no_autoflush:
            _apply_fields(session, agreement, data)
        agreement.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "update", "agreement", agreement.number, f"修改储备协议 {agreement.number}",
                     before=before, after=snapshot(agreement))
        return agreement.number


def activate_agreement(ctx: ServiceContext, number: str) -> None:
    """草稿 → 有效, once it has lines and its end date has not passed."""
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        agreement = agreement_by_number(session, number)
        if agreement.state is not AgreementState.DRAFT:
            raise ConflictError(
                msg("协议“{number}”当前状态为“{label}”，只有草稿可以生效。",
                    number=number, label=agreement.effective_state(ctx.today()).label))
        if not agreement.lines:
            raise ValidationError(msg("协议“{number}”还没有物资明细，请先添加至少一行物资再生效。", number=number), field=msg("物资明细"))
        if agreement.end_date < ctx.today():
            raise ValidationError(
                msg("协议“{number}”的结束日期 {end_date} 已过，不能生效；请修改期限或续签。",
                    number=number, end_date=agreement.end_date), field=msg("结束日期"))
        agreement.state = AgreementState.ACTIVE
        agreement.updated_at = ctx.now()
        ledger.audit(ctx, session, "activate", "agreement", number, f"储备协议 {number} 生效",
                     before={"state": "draft"}, after={"state": "active"})


def terminate_agreement(ctx: ServiceContext, number: str, reason: str, on: dt.date | str | None = None) -> None:
    """Terminate (终止) a draft or active agreement early; it stops counting at once."""
    require_catalog_edit(ctx.actor)
    reason = check_text(reason, msg("终止原因"), max_length=500, required=True)
    with ctx.write() as session:
        agreement = agreement_by_number(session, number)
        if agreement.state not in (AgreementState.DRAFT, AgreementState.ACTIVE):
            raise ConflictError(msg("协议“{number}”已是“{state_label}”状态，不能再终止。",
                                    number=number, state_label=agreement.state.label))
        day = parse_date(on, msg("终止日期")) or ctx.today()
        if day < agreement.start_date:
            day = agreement.start_date
        before = {"state": agreement.state.value}
        agreement.state = AgreementState.TERMINATED
        agreement.terminated_on = min(day, agreement.end_date)
        agreement.termination_reason = reason
        agreement.updated_at = ctx.now()
        ledger.audit(ctx, session, "terminate", "agreement", number, f"终止储备协议 {number}：{reason}",
                     before=before, after={"state": "terminated", "terminated_on": agreement.terminated_on.isoformat()})


def renew_agreement(ctx: ServiceContext, number: str, new_number: str, *, start_date: dt.date | str | None = None,
                    end_date: dt.date | str | None = None, annual_fee: Decimal | str | None = None) -> str:
    """续签: a new draft agreement copying terms and lines, linked to the old one (which is kept).

    Default term: from the day after the old end date, for the same length as the old term."""
    require_catalog_edit(ctx.actor)
    new_number = check_text(new_number, msg("新协议编号"), max_length=60, required=True)
    with ctx.write() as session:
        old = agreement_by_number(session, number)
        if old.state is AgreementState.DRAFT:
            raise ConflictError(msg("协议“{number}”还是草稿，请直接修改期限，不必续签。", number=number))
        renewed = session.scalar(select(Agreement.number).where(Agreement.previous_id == old.id))
        if renewed:
            raise ConflictError(msg("协议“{number}”已续签为“{renewed}”，请续签最新的协议。", number=number, renewed=renewed))
        if session.scalar(select(Agreement.id).where(Agreement.number == new_number)):
            raise ConflictError(msg("协议编号“{new_number}”已存在，请换一个编号。", new_number=new_number), field=msg("新协议编号"))
        start = parse_date(start_date, msg("开始日期")) or old.end_date + dt.timedelta(days=1)
        length = relativedelta(old.end_date + dt.timedelta(days=1), old.start_date)
        end = parse_date(end_date, msg("结束日期")) or start + length - dt.timedelta(days=1)
        if start <= old.start_date:
            raise ValidationError(msg("续签协议的开始日期 {start} 应晚于原协议的开始日期 {start_date}。",
                                      start=start, start_date=old.start_date), field=msg("开始日期"))
        if end < start:
            raise ValidationError(msg("结束日期 {end} 早于开始日期 {start}。", end=end, start=start), field=msg("结束日期"))
        now = ctx.now()
        new = Agreement(
            number=new_number, enterprise=old.enterprise, agreement_type=old.agreement_type,
            start_date=start, end_date=end, storage_place=old.storage_place, response_hours=old.response_hours,
            annual_fee=_parse_money(annual_fee) if annual_fee is not None else old.annual_fee,
            fee_rules=old.fee_rules, rotation_duty=old.rotation_duty, contract_path="",
            state=AgreementState.DRAFT, previous=old, created_at=now, updated_at=now,
            lines=[AgreementLine(line_no=line.line_no, item_id=line.item_id, guaranteed_quantity=line.guaranteed_quantity,
                                 minimum_quantity=line.minimum_quantity) for line in old.lines],
        )
        session.add(new)
        session.flush()
        ledger.audit(ctx, session, "renew", "agreement", new_number, f"续签储备协议 {number} → {new_number}",
                     before={"previous": number}, after=snapshot(new))
        return new_number
