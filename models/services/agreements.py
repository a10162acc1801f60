"""协议储备: agreements with enterprises that hold stock (企业代储) or production capacity (产能储备)
for the county — create, edit, activate, terminate and renew them; record spot checks (核查),
call-ups (动用) and replenishments (补库); work out the fee due per quarter; list reminders; and say
how much agreement stock counts for the adequacy check (``agreement_supply``).

Available quantity of a line (used by ``agreement_supply``, ``available_agreement_lines`` and every
screen): ``guaranteed − outstanding call-ups`` (called minus replenished), and, when the line has been
checked, no more than what that latest check found, adjusted by the call-ups and replenishments
dated after the check (stock taken after a check is no longer there; stock taken before it was
already missing when the checker counted; on the check's own day a call-up counts as after the
check and a replenishment as before it, so the figure errs low). Never below zero.

Fee rule (费用扣减), applied per calendar quarter of the agreement's term:
1. Base fee of a quarter = annual fee ÷ 4 × (days of the term inside the quarter ÷ days of the
   quarter), rounded to the fen. A quarter wholly inside the term gets exactly annual fee ÷ 4. The
   term ends at the end date, or at the termination date if the agreement was terminated earlier.
2. Shortfall share of one check = the mean, over the agreement's lines whose minimum quantity is
   above zero, of ``max(0, minimum − found) ÷ minimum`` (a line not counted at that check adds 0).
   Each line weighs the same because lines are in different units.
3. Shortfall share of the quarter = the largest share among the checks dated inside the quarter and
   the term (restocking later in the quarter does not undo a shortfall found); 0 without checks.
4. Deduction = base fee × quarter share, rounded to the fen (half up); fee due = base − deduction.
Example: annual fee 40,000.00, one line with minimum 1,000, a check on 10 May finds 800: share 0.2,
Q2 base 10,000.00, deduction 2,000.00, due 8,000.00.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from dateutil.relativedelta import relativedelta
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, selectinload

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
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
from models.schema.base import round_money
from models.schema.catalog import Item
from models.services import ledger
from models.services.credit_code import validate_credit_code
from models.services.lookup import item_by_code
from models.services.permissions import require_approver, require_catalog_edit
from models.validation import check_text, parse_date, parse_quantity

EXPIRING_DAYS = 90
CHECK_INTERVAL_MONTHS = 6
ZERO = Decimal(0)

TYPE_NAMES = {"实物代储": AgreementType.PHYSICAL, "代储": AgreementType.PHYSICAL, "实物": AgreementType.PHYSICAL,
              "产能储备": AgreementType.CAPACITY, "产能": AgreementType.CAPACITY}


# ---------------------------------------------------------------- inputs

@dataclass
class EnterpriseInput:
    name: str
    credit_code: str
    address: str = ""
    contact: str = ""
    phone: str = ""
    reserve_kind: str = ""


@dataclass
class LineInput:
    item_code: str
    guaranteed_quantity: Decimal | str | int
    minimum_quantity: Decimal | str | int = 0


@dataclass
class AgreementInput:
    number: str
    enterprise: EnterpriseInput
    agreement_type: AgreementType | str
    start_date: dt.date | str
    end_date: dt.date | str
    lines: list[LineInput] = field(default_factory=list)
    storage_place: str = ""
    response_hours: int | None = None
    annual_fee: Decimal | str | int = 0
    fee_rules: str = ""
    rotation_duty: str = ""
    contract_path: str = ""


# ---------------------------------------------------------------- results

@dataclass(frozen=True)
class AgreementSupply:
    """What one agreement line contributes to the adequacy check."""

    agreement_number: str
    enterprise: str
    kind: str  # "physical" | "capacity"
    item_id: int
    quantity: Decimal
    end_date: dt.date
    response_hours: int | None


@dataclass(frozen=True)
class AvailableAgreementLine:
    """An agreement line the dispatch screen may propose as a source."""

    line_id: int
    agreement_number: str
    enterprise: str
    contact: str
    phone: str
    kind: str
    item_id: int
    available: Decimal
    response_hours: int | None
    end_date: dt.date


@dataclass(frozen=True)
class LineRow:
    line_id: int
    item_id: int
    item_code: str
    item_name: str
    unit: str
    guaranteed: Decimal
    minimum: Decimal
    outstanding: Decimal  # called up and not yet replenished
    available: Decimal
    last_check_date: dt.date | None
    last_found: Decimal | None

    @property
    def shortfall(self) -> Decimal:
        """How far the latest check fell below the minimum (0 when fine or never checked)."""
        if self.last_found is None:
            return ZERO
        return max(ZERO, self.minimum - self.last_found)

    def as_json(self) -> dict:
        return {
            "item_code": self.item_code, "item_name": self.item_name, "unit": self.unit,
            "guaranteed": ledger.json_number(self.guaranteed), "minimum": ledger.json_number(self.minimum),
            "outstanding": ledger.json_number(self.outstanding), "available": ledger.json_number(self.available),
            "last_check_date": _iso(self.last_check_date),
            "last_found": ledger.json_number(self.last_found) if self.last_found is not None else None,
            "shortfall": ledger.json_number(self.shortfall),
        }


@dataclass(frozen=True)
class AgreementRow:
    number: str
    enterprise: str
    credit_code: str
    contact: str
    phone: str
    agreement_type: AgreementType
    start_date: dt.date
    end_date: dt.date
    response_hours: int | None
    annual_fee: Decimal
    stored_state: AgreementState
    state: AgreementState  # effective on the day asked
    storage_place: str
    last_check_date: dt.date | None
    previous_number: str | None
    days_to_end: int

    @property
    def expiring(self) -> bool:
        return self.state is AgreementState.ACTIVE and 0 <= self.days_to_end <= EXPIRING_DAYS

    def as_json(self) -> dict:
        return {
            "number": self.number, "enterprise": self.enterprise, "credit_code": self.credit_code,
            "contact": self.contact, "phone": self.phone,
            "type": self.agreement_type.value, "type_label": self.agreement_type.label,
            "start_date": self.start_date.isoformat(), "end_date": self.end_date.isoformat(),
            "response_hours": self.response_hours, "annual_fee": str(self.annual_fee),
            "state": self.state.value, "state_label": self.state.label,
            "storage_place": self.storage_place, "last_check_date": _iso(self.last_check_date),
            "previous": self.previous_number, "days_to_end": self.days_to_end,
        }


@dataclass(frozen=True)
class QuarterFee:
    year: int
    quarter: int
    period_start: dt.date  # inside the term
    period_end: dt.date
    base_fee: Decimal
    shortfall_share: Decimal  # 0..1
    deduction: Decimal
    due: Decimal
    check_date: dt.date | None  # the check that set the share

    @property
    def label(self) -> str:
        return msg("{year}年第{quarter}季度", year=self.year, quarter=self.quarter)

    def as_json(self) -> dict:
        return {
            "year": self.year, "quarter": self.quarter, "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(), "base_fee": str(self.base_fee),
            "shortfall_share": str(self.shortfall_share), "deduction": str(self.deduction),
            "due": str(self.due), "check_date": _iso(self.check_date),
        }


@dataclass(frozen=True)
class CheckRow:
    check_id: int
    check_date: dt.date
    checked_by: str
    remarks: str
    found: dict[str, Decimal]  # item code → found
    shortfall_share: Decimal

    def as_json(self) -> dict:
        return {"date": self.check_date.isoformat(), "checked_by": self.checked_by, "remarks": self.remarks,
                "found": {code: ledger.json_number(q) for code, q in self.found.items()},
                "shortfall_share": str(self.shortfall_share)}


@dataclass(frozen=True)
class CallUpRow:
    call_up_id: int
    item_code: str
    item_name: str
    unit: str
    quantity: Decimal
    replenished: Decimal
    dispatch_order_number: str
    called_at: dt.datetime
    response_deadline: dt.datetime | None
    remarks: str

    @property
    def outstanding(self) -> Decimal:
        return self.quantity - self.replenished

    def as_json(self) -> dict:
        return {"id": self.call_up_id, "item_code": self.item_code, "quantity": ledger.json_number(self.quantity),
                "replenished": ledger.json_number(self.replenished), "dispatch_order": self.dispatch_order_number,
                "called_at": self.called_at.isoformat(),
                "response_deadline": self.response_deadline.isoformat() if self.response_deadline else None}


@dataclass(frozen=True)
class AgreementDetail:
    row: AgreementRow
    address: str
    reserve_kind: str
    fee_rules: str
    rotation_duty: str
    contract_path: str
    terminated_on: dt.date | None
    termination_reason: str
    lines: list[LineRow]
    checks: list[CheckRow]
    call_ups: list[CallUpRow]
    fees: list[QuarterFee]
    history: list[str]  # earlier agreement numbers, newest first
    renewed_by: str | None

    def as_json(self) -> dict:
        data = self.row.as_json()
        data.update({
            "address": self.address, "reserve_kind": self.reserve_kind, "fee_rules": self.fee_rules,
            "rotation_duty": self.rotation_duty, "contract_path": self.contract_path,
            "terminated_on": _iso(self.terminated_on), "termination_reason": self.termination_reason,
            "lines": [line.as_json() for line in self.lines], "checks": [c.as_json() for c in self.checks],
            "call_ups": [c.as_json() for c in self.call_ups], "fees": [f.as_json() for f in self.fees],
            "history": self.history, "renewed_by": self.renewed_by,
        })
        return data


@dataclass(frozen=True)
class OverdueCheck:
    number: str
    enterprise: str
    last_check_date: dt.date | None
    due_date: dt.date


@dataclass(frozen=True)
class ShortfallLine:
    number: str
    enterprise: str
    item_code: str
    item_name: str
    unit: str
    minimum: Decimal
    found: Decimal
    check_date: dt.date

    @property
    def shortfall(self) -> Decimal:
        return self.minimum - self.found


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------- validation helpers

def parse_agreement_type(value: AgreementType | str) -> AgreementType:
    if isinstance(value, AgreementType):
        return value
    text = str(value or "").strip()
    if text in TYPE_NAMES:
        return TYPE_NAMES[text]
    try:
        return AgreementType(text.lower())
    except ValueError:
        raise ValidationError(
            msg("协议类型“{value}”无效，应为“实物代储”或“产能储备”（physical/capacity）。", value=value), field=msg("协议类型")
        ) from None


def _parse_money(value: object, field: str = msg("年费用（元）")) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ZERO
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ValidationError(msg("{field}“{value}”不是金额，请填写如 36000 或 36000.50。",
                                  field=field, value=value), field=field) from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError(msg("{field}不能为负数（现为 {value}）。", field=field, value=value), field=field)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(msg("{field}最多到分（两位小数），现为 {value}。", field=field, value=value), field=field)
    if amount >= Decimal("1e11"):
        raise ValidationError(msg("{field} {value} 过大，请检查是否多输了位数。", field=field, value=value), field=field)
    return amount


def _parse_hours(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        hours = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(msg("响应时限“{value}”不是整数小时数，请填写如 6 或 24。", value=value), field=msg("响应时限（小时）")) from None
    if hours != hours.to_integral_value() or not 1 <= hours <= 8760:
        raise ValidationError(msg("响应时限必须是 1 到 8760 之间的整数小时（现为 {value}）。", value=value), field=msg("响应时限（小时）"))
    return int(hours)


def _required_date(value: object, field: str) -> dt.date:
    parsed = parse_date(value, field)
    if parsed is None:
        raise ValidationError(msg("{field}不能为空，请写成 2026-05-01 的格式。", field=field), field=field)
    return parsed


def _local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


# ---------------------------------------------------------------- lookups

def agreement_by_number(session: Session, number: str) -> Agreement:
    agreement = session.scalar(select(Agreement).where(Agreement.number == (number or "").strip()))
    if agreement is None:
        raise NotFoundError(msg("没有编号为“{number}”的储备协议，请检查协议编号。", number=number), field=msg("协议编号"))
    return agreement


def _upsert_enterprise(session: Session, data: EnterpriseInput) -> Enterprise:
    code = validate_credit_code(data.credit_code)
    name = check_text(data.name, msg("企业名称"), max_length=200, required=True)
    values = {
        "address": check_text(data.address, msg("企业地址"), max_length=300),
        "contact": check_text(data.contact, msg("联系人"), max_length=100),
        "phone": check_text(data.phone, msg("联系电话"), max_length=50),
        "reserve_kind": check_text(data.reserve_kind, msg("储备类别"), max_length=200),
    }
    enterprise = session.scalar(select(Enterprise).where(Enterprise.credit_code == code))
    if enterprise is None:
        enterprise = Enterprise(credit_code=code, name=name, **values)
        session.add(enterprise)
        session.flush()
        return enterprise
    enterprise.name = name
    for key, value in values.items():
        if value:  # a blank field in a later agreement does not wipe what is known
            setattr(enterprise, key, value)
    return enterprise


def save_enterprise(ctx: ServiceContext, data: EnterpriseInput) -> str:
    """Create the enterprise or update it (found by credit code); returns the normalised code."""
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        enterprise = _upsert_enterprise(session, data)
        ledger.audit(ctx, session, "save", "enterprise", enterprise.credit_code, f"保存代储企业 {enterprise.name}",
                     after=_enterprise_snapshot(enterprise))
        return enterprise.credit_code


def _enterprise_snapshot(enterprise: Enterprise) -> dict:
    return {"name": enterprise.name, "credit_code": enterprise.credit_code, "address": enterprise.address,
            "contact": enterprise.contact, "phone": enterprise.phone, "reserve_kind": enterprise.reserve_kind}


def snapshot(agreement: Agreement) -> dict:
    """The audit payload of an agreement."""
    return {
        "number": agreement.number, "enterprise": agreement.enterprise.credit_code,
        "type": agreement.agreement_type.value, "start": agreement.start_date.isoformat(),
        "end": agreement.end_date.isoformat(), "storage_place": agreement.storage_place,
        "response_hours": agreement.response_hours, "annual_fee": str(agreement.annual_fee),
        "fee_rules": agreement.fee_rules, "rotation_duty": agreement.rotation_duty,
        "contract_path": agreement.contract_path, "state": agreement.state.value,
        "lines": [{"item": line.item.code, "guaranteed": str(line.guaranteed_quantity),
                   "minimum": str(line.minimum_quantity)} for line in agreement.lines],
    }


# ---------------------------------------------------------------- create / update / state changes

def _apply_fields(session: Session, agreement: Agreement, data: AgreementInput) -> None:
    agreement.enterprise = _upsert_enterprise(session, data.enterprise)
    agreement.agreement_type = parse_agreement_type(data.agreement_type)
    start = _required_date(data.start_date, msg("开始日期"))
    end = _required_date(data.end_date, msg("结束日期"))
    if end < start:
        raise ValidationError(msg("结束日期 {end} 早于开始日期 {start}，请检查协议期限。", end=end, start=start), field=msg("结束日期"))
    agreement.start_date, agreement.end_date = start, end
    agreement.storage_place = check_text(data.storage_place, msg("存放地点"), max_length=300)
    agreement.response_hours = _parse_hours(data.response_hours)
    agreement.annual_fee = _parse_money(data.annual_fee)
    agreement.fee_rules = check_text(data.fee_rules, msg("费用规则"), max_length=4000)
    agreement.rotation_duty = check_text(data.rotation_duty, msg("轮换责任"), max_length=4000)
    agreement.contract_path = check_text(data.contract_path, msg("合同扫描件"), max_length=500)
    _apply_lines(session, agreement, data.lines)


def _apply_lines(session: Session, agreement: Agreement, lines: Iterable[LineInput]) -> None:
    wanted: dict[int, tuple[Item, Decimal, Decimal]] = {}
    for index, line in enumerate(lines, start=1):
        item = item_by_code(session, (line.item_code or "").strip())
        if item.id in wanted:
            raise ValidationError(msg("物资“{item_code} {item_name}”在协议中出现了两次，请合并为一行。",
                                      item_code=item.code, item_name=item.name), field=msg("物资编码"))
        guaranteed = parse_quantity(line.guaranteed_quantity, msg("第 {index} 行协议数量", index=index))
        minimum = parse_quantity(line.minimum_quantity or 0, msg("第 {index} 行最低数量", index=index), allow_zero=True)
        if minimum > guaranteed:
            raise ValidationError(
                msg("第 {index} 行“{item_name}”的最低数量 {minimum} 大于协议数量 {guaranteed}，请改小最低数量。",
                    index=index, item_name=item.name, minimum=ledger.fmt_qty(minimum),
                    guaranteed=ledger.fmt_qty(guaranteed)), field=msg("最低数量"))
        wanted[item.id] = (item, guaranteed, minimum)
    existing = {line.item_id: line for line in agreement.lines}
    for item_id, line in existing.items():
        if item_id not in wanted:
            if line.id is not None and _line_has_history(session, line.id):
                raise ConflictError(
                    msg("物资“{item_name}”已有核查或动用记录，不能从协议中删除；如不再代储，请把协议数量改小或终止协议。", item_name=line.item.name),
                    field=msg("物资编码"))
            agreement.lines.remove(line)
    next_no = max((line.line_no for line in agreement.lines), default=0) + 1
    for item_id, (item, guaranteed, minimum) in wanted.items():
        line = existing.get(item_id)
        if line is None:
            line = AgreementLine(line_no=next_no, item=item)
            next_no += 1
            agreement.lines.append(line)
        line.guaranteed_quantity, line.minimum_quantity = guaranteed, minimum


def _line_has_history(session: Session, line_id: int) -> bool:
    checked = session.scalar(select(AgreementCheckLine.id).where(AgreementCheckLine.line_id == line_id).limit(1))
    called = session.scalar(select(AgreementCallUp.id).where(AgreementCallUp.line_id == line_id).limit(1))
    return checked is not None or called is not None


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


# ---------------------------------------------------------------- checks, call-ups, replenishments

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


def record_call_up(ctx: ServiceContext, session: Session, line_id: int, quantity: Decimal | str | int, *,
                   dispatch_order_number: str = "", called_at: dt.datetime | None = None,
                   remarks: str = "") -> AgreementCallUp:
    """动用 inside the caller's transaction (the dispatch service posts an order and calls this).

    The caller checks permissions: issuing an approved dispatch order may be a keeper's job."""
    line = session.get(AgreementLine, line_id, with_for_update=True)
    if line is None:
        raise NotFoundError(msg("没有编号为 {line_id} 的协议物资行。", line_id=line_id), field=msg("协议物资"))
    agreement = line.agreement
    moment = called_at or ctx.now()
    if moment.tzinfo is None:
        raise ValidationError(msg("动用时间必须带时区。"), field=msg("动用时间"))
    day = _local_date(moment)
    if agreement.state is not AgreementState.ACTIVE or not agreement.start_date <= day <= agreement.end_date:
        raise ConflictError(
            msg("协议“{agreement_number}”在 {day} 不在有效期内（状态“{label}”，期限 {start_date} 至 {end_date}），不能动用。",
                agreement_number=agreement.number, day=day, label=agreement.effective_state(day).label,
                start_date=agreement.start_date, end_date=agreement.end_date))
    amount = parse_quantity(quantity, msg("动用数量"))
    available = _availability(session, [line.id], day)[line.id]
    if amount > available:
        raise ConflictError(
            msg("协议“{agreement_number}”的“{item_name}”目前可动用 {available}{item_unit}，不足 {amount}{item_unit}。"
                "请减少数量或另选协议。", agreement_number=agreement.number, item_name=line.item.name,
                available=ledger.fmt_qty(available), item_unit=line.item.unit, amount=ledger.fmt_qty(amount)),
            field=msg("动用数量"))
    order = check_text(dispatch_order_number, msg("调拨单号"), max_length=60)
    hours = agreement.response_hours
    call_up = AgreementCallUp(
        line=line, quantity=amount, dispatch_order_number=order, called_at=moment,
        response_deadline=moment + dt.timedelta(hours=hours) if hours else None,
        remarks=check_text(remarks, msg("备注"), max_length=500), created_by_id=ctx.actor.user_id,
    )
    session.add(call_up)
    session.flush()
    ledger.audit(ctx, session, "call_up", "agreement", agreement.number,
                 f"动用协议 {agreement.number} 的 {line.item.name} {ledger.fmt_qty(amount)}{line.item.unit}"
                 + (f"（调拨单 {order}）" if order else ""),
                 after={"item": line.item.code, "quantity": str(amount), "dispatch_order": order,
                        "deadline": call_up.response_deadline.isoformat() if call_up.response_deadline else None})
    return call_up


def call_up(ctx: ServiceContext, number: str, item_code: str, quantity: Decimal | str | int, *,
            dispatch_order_number: str = "", called_at: dt.datetime | None = None, remarks: str = "") -> CallUpRow:
    """动用 from an agreement line by agreement number and item code; returns the call-up with its
    response deadline (called at + response hours)."""
    require_approver(ctx.actor)
    with ctx.write() as session:
        agreement = agreement_by_number(session, number)
        line = next((line for line in agreement.lines if line.item.code == item_code), None)
        if line is None:
            raise NotFoundError(msg("协议“{number}”中没有物资“{item_code}”。",
                                    number=number, item_code=item_code), field=msg("物资编码"))
        row = record_call_up(ctx, session, line.id, quantity, dispatch_order_number=dispatch_order_number,
                             called_at=called_at, remarks=remarks)
        return _call_up_row(row)


def replenish(ctx: ServiceContext, call_up_id: int, quantity: Decimal | str | int, *,
              replenished_at: dt.datetime | None = None, remarks: str = "") -> Decimal:
    """补库: the enterprise restores (part of) a call-up; returns what is still outstanding."""
    require_approver(ctx.actor)
    amount = parse_quantity(quantity, msg("补库数量"))
    with ctx.write() as session:
        call = session.get(AgreementCallUp, call_up_id, with_for_update=True)
        if call is None:
            raise NotFoundError(msg("没有编号为 {call_up_id} 的动用记录。", call_up_id=call_up_id), field=msg("动用记录"))
        done = sum((r.quantity for r in call.replenishments), ZERO)
        outstanding = call.quantity - done
        unit = call.line.item.unit
        if amount > outstanding:
            raise ValidationError(
                msg("这次动用还需补库 {outstanding}{unit}，不能补 {amount}{unit}。",
                    outstanding=ledger.fmt_qty(outstanding), unit=unit, amount=ledger.fmt_qty(amount)),
                field=msg("补库数量"))
        moment = replenished_at or ctx.now()
        if moment < call.called_at:
            raise ValidationError(msg("补库时间不能早于动用时间。"), field=msg("补库时间"))
        session.add(AgreementReplenishment(call_up=call, quantity=amount, replenished_at=moment,
                                           remarks=check_text(remarks, msg("备注"), max_length=500),
                                           created_by_id=ctx.actor.user_id))
        number = call.line.agreement.number
        ledger.audit(ctx, session, "replenish", "agreement", number,
                     f"协议 {number} 的 {call.line.item.name} 补库 {ledger.fmt_qty(amount)}{unit}",
                     after={"call_up": call.id, "quantity": str(amount)})
        return outstanding - amount


def _call_up_row(call: AgreementCallUp) -> CallUpRow:
    item = call.line.item
    return CallUpRow(call.id, item.code, item.name, item.unit, call.quantity,
                     sum((r.quantity for r in call.replenishments), ZERO), call.dispatch_order_number,
                     call.called_at, call.response_deadline, call.remarks)


# ---------------------------------------------------------------- availability and adequacy

def _latest_checks():
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


def _movements(session: Session, line_filter) -> dict[int, list[tuple[dt.date, Decimal]]]:
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


def _availability(session: Session, line_ids: list[int], as_of: dt.date) -> dict[int, Decimal]:
    latest = _latest_checks()
    rows = session.execute(
        select(AgreementLine.id, AgreementLine.guaranteed_quantity, latest.c.found_quantity, latest.c.check_date)
        .outerjoin(latest, and_(latest.c.line_id == AgreementLine.id, latest.c.rn == 1))
        .where(AgreementLine.id.in_(line_ids))
    ).all()
    events = _movements(session, line_ids)
    return {row[0]: _available(row[1], row[2], row[3], events.get(row[0], []), as_of)[0] for row in rows}


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
    latest = _latest_checks()
    conditions = [
        Agreement.state == AgreementState.ACTIVE,
        Agreement.start_date <= as_of,
        Agreement.end_date >= as_of,
        Agreement.end_date >= last_day,
    ]
    if max_response_hours is not None:
        conditions.append(Agreement.response_hours.is_not(None))
        conditions.append(Agreement.response_hours <= max_response_hours)
    if item_ids is not None:
        conditions.append(AgreementLine.item_id.in_(list(item_ids)))
    line_filter = select(AgreementLine.id).join(Agreement, Agreement.id == AgreementLine.agreement_id).where(*conditions)
    rows = session.execute(
        select(AgreementLine.id, Agreement.number, Enterprise.name, Agreement.agreement_type, AgreementLine.item_id,
               AgreementLine.guaranteed_quantity, Agreement.end_date, Agreement.response_hours,
               latest.c.found_quantity, latest.c.check_date)
        .join(Agreement, Agreement.id == AgreementLine.agreement_id)
        .join(Enterprise, Enterprise.id == Agreement.enterprise_id)
        .outerjoin(latest, and_(latest.c.line_id == AgreementLine.id, latest.c.rn == 1))
        .where(*conditions)
        .order_by(Agreement.number, AgreementLine.line_no)
    ).all()
    if not rows:
        return []
    events = _movements(session, line_filter.scalar_subquery())
    result = []
    for line_id, number, enterprise, kind, item_id, guaranteed, end_date, hours, found, check_date in rows:
        quantity, _ = _available(guaranteed, found, check_date, events.get(line_id, []), as_of)
        result.append(AgreementSupply(number, enterprise, AgreementType(kind).value, item_id, quantity, end_date, hours))
    return result


def available_agreement_lines(session: Session, item_id: int, as_of: dt.date) -> list[AvailableAgreementLine]:
    """Agreement lines of one item that can be called up on ``as_of``, fastest response first."""
    latest = _latest_checks()
    conditions = [
        Agreement.state == AgreementState.ACTIVE,
        Agreement.start_date <= as_of,
        Agreement.end_date >= as_of,
        AgreementLine.item_id == item_id,
    ]
    line_filter = select(AgreementLine.id).join(Agreement, Agreement.id == AgreementLine.agreement_id).where(*conditions)
    rows = session.execute(
        select(AgreementLine.id, Agreement.number, Enterprise.name, Enterprise.contact, Enterprise.phone,
               Agreement.agreement_type, AgreementLine.guaranteed_quantity, Agreement.response_hours,
               Agreement.end_date, latest.c.found_quantity, latest.c.check_date)
        .join(Agreement, Agreement.id == AgreementLine.agreement_id)
        .join(Enterprise, Enterprise.id == Agreement.enterprise_id)
        .outerjoin(latest, and_(latest.c.line_id == AgreementLine.id, latest.c.rn == 1))
        .where(*conditions)
    ).all()
    events = _movements(session, line_filter.scalar_subquery()) if rows else {}
    result = []
    for line_id, number, name, contact, phone, kind, guaranteed, hours, end_date, found, check_date in rows:
        available, _ = _available(guaranteed, found, check_date, events.get(line_id, []), as_of)
        if available > 0:
            result.append(AvailableAgreementLine(line_id, number, name, contact, phone, AgreementType(kind).value,
                                                 item_id, available, hours, end_date))
    result.sort(key=lambda r: (r.response_hours if r.response_hours is not None else 10**9, -r.available, r.agreement_number))
    return result


# ---------------------------------------------------------------- fees

def _quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * quarter - 2, 1)
    return start, start + relativedelta(months=3) - dt.timedelta(days=1)


def check_shortfall_share(agreement: Agreement, check: AgreementCheck) -> Decimal:
    """Rule 2 of the module docstring: the mean shortfall share over lines with a minimum."""
    found = {line.line_id: line.found_quantity for line in check.lines}
    shares = []
    for line in agreement.lines:
        if line.minimum_quantity <= 0:
            continue
        got = found.get(line.id)
        short = ZERO if got is None else max(ZERO, line.minimum_quantity - got)
        shares.append(short / line.minimum_quantity)
    if not shares:
        return ZERO
    return sum(shares, ZERO) / len(shares)


def fee_schedule(agreement: Agreement) -> list[QuarterFee]:
    """The fee due per calendar quarter of the term, after deductions (rules in the module docstring)."""
    term_end = agreement.end_date
    if agreement.state is AgreementState.TERMINATED and agreement.terminated_on:
        term_end = min(term_end, agreement.terminated_on)
    quarterly = agreement.annual_fee / 4
    shares = [(check.check_date, check_shortfall_share(agreement, check)) for check in agreement.checks]
    result = []
    year, quarter = agreement.start_date.year, (agreement.start_date.month - 1) // 3 + 1
    while True:
        q_start, q_end = _quarter_bounds(year, quarter)
        if q_start > term_end:
            break
        start, end = max(q_start, agreement.start_date), min(q_end, term_end)
        covered = (end - start).days + 1
        base = round_money(quarterly * covered / ((q_end - q_start).days + 1))
        inside = [(share, day) for day, share in shares if start <= day <= end]
        share, day = max(inside, key=lambda pair: (pair[0], pair[1])) if inside else (ZERO, None)
        deduction = round_money(base * share)
        result.append(QuarterFee(year, quarter, start, end, base, share, deduction, base - deduction, day))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return result


def quarter_fees(ctx: ServiceContext, number: str) -> list[QuarterFee]:
    with ctx.read() as session:
        return fee_schedule(_load(session, number))


# ---------------------------------------------------------------- reading

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


def _rows(session: Session, today: dt.date, where=()) -> list[AgreementRow]:
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
        rows = _rows(session, today, [Agreement.state == AgreementState.ACTIVE, Agreement.start_date <= today,
                                      Agreement.end_date >= today])
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
        line_ids = [line.id for line in agreement.lines]
        latest = _latest_checks()
        checked = {row[0]: (row[1], row[2]) for row in session.execute(
            select(latest.c.line_id, latest.c.found_quantity, latest.c.check_date)
            .where(latest.c.rn == 1, latest.c.line_id.in_(line_ids)))}
        events = _movements(session, line_ids)
        lines = []
        for line in agreement.lines:
            found, check_date = checked.get(line.id, (None, None))
            available, outstanding = _available(line.guaranteed_quantity, found, check_date,
                                                events.get(line.id, []), today)
            if agreement.effective_state(today) is not AgreementState.ACTIVE:
                available = ZERO
            lines.append(LineRow(line.id, line.item_id, line.item.code, line.item.name, line.item.unit,
                                 line.guaranteed_quantity, line.minimum_quantity, outstanding, available,
                                 check_date, found))
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
