"""Inputs and results of the agreement services (协议储备): plain dataclasses, no database.

They live apart from the services so that screens, documents and commands can name them without
pulling in the queries, and so that each service module holds logic only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from models.messages import msg
from models.schema.agreements import AgreementState, AgreementType
from models.services import ledger

EXPIRING_DAYS = 90
ZERO = Decimal(0)

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
