"""The terms of an agreement (协议条款): checking what a keeper typed and writing it onto the record.

Shared by the lifecycle services (create, update, renew) and by the Excel import, which builds
agreements inside its own transaction through ``_apply_fields`` and ``snapshot``. Also the lookup of
an agreement by number that every other module starts from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.agreements import (
    Agreement,
    AgreementCallUp,
    AgreementCheckLine,
    AgreementLine,
    AgreementType,
    Enterprise,
)
from models.schema.catalog import Item
from models.services import ledger
from models.services.agreements.records import ZERO, AgreementInput, EnterpriseInput, LineInput
from models.services.credit_code import validate_credit_code
from models.services.lookup import item_by_code
from models.validation import check_text, parse_date, parse_quantity

TYPE_NAMES = {"实物代储": AgreementType.PHYSICAL, "代储": AgreementType.PHYSICAL, "实物": AgreementType.PHYSICAL,
              "产能储备": AgreementType.CAPACITY, "产能": AgreementType.CAPACITY}


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


# ---------------------------------------------------------------- writing the fields onto the record

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
