"""Inputs and results of the dispatch services (plain dataclasses, no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


from models.schema.dispatch import DispatchStatus, SourceKind
from models.services import ledger


# ---------------------------------------------------------------- inputs


@dataclass
class DispatchLineInput:
    item_code: str
    quantity: Decimal | int | str
    remarks: str = ""
    due_back_date: dt.date | str | None = None  # returnable items only


@dataclass
class DispatchRequest:
    """What a township or department asks for (申请)."""

    requesting_unit: str
    receiving_unit: str
    lines: list[DispatchLineInput]
    place: str = ""
    requesting_area_code: str | None = None  # its own stores are proposed first
    receiver_contact: str = ""
    receiver_phone: str = ""
    sender_contact: str = ""
    sender_phone: str = ""
    reason: str = ""  # the disaster event
    reference: str = ""  # instruction number, or "口头指令"
    needed_by: dt.datetime | None = None
    vehicle: str = ""
    escort: str = ""
    remarks: str = ""
    emergency: bool = False
    due_back_date: dt.date | str | None = None  # default for returnable lines
    order_date: dt.date | None = None


@dataclass
class SourceInput:
    store_code: str
    quantity: Decimal | int | str


@dataclass
class ReceiptCheck:
    """The receiver's count of one line: what arrived, what of it is damaged."""

    received: Decimal | int | str
    damaged: Decimal | int | str = 0
    note: str = ""


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class SourceView:
    kind: SourceKind
    store_code: str
    store_name: str
    batch_no: str
    expiry_date: dt.date | None
    quantity: Decimal
    reserved: Decimal
    agreement_ref: str = ""

    def as_json(self) -> dict:
        return {"kind": self.kind.value, "store": self.store_code, "batch": self.batch_no or None,
                "quantity": ledger.json_number(self.quantity), "reserved": ledger.json_number(self.reserved),
                "agreement": self.agreement_ref or None}


@dataclass(frozen=True)
class IssuedBatch:
    store_code: str
    store_name: str
    document: str
    batch_no: str
    expiry_date: dt.date | None
    quantity: Decimal


@dataclass(frozen=True)
class LineView:
    line_no: int
    item_code: str
    item_name: str
    spec: str
    unit: str
    quantity: Decimal
    issued_quantity: Decimal
    returnable: bool
    due_back_date: dt.date | None
    received_quantity: Decimal | None
    damaged_quantity: Decimal
    shortfall: Decimal
    returned_good: Decimal
    returned_repaired: Decimal
    returned_lost: Decimal
    outstanding_return: Decimal
    remarks: str
    receipt_note: str
    sources: list[SourceView]
    issued: list[IssuedBatch]

    def as_json(self) -> dict:
        n = ledger.json_number
        return {
            "line": self.line_no, "item_code": self.item_code, "item_name": self.item_name, "unit": self.unit,
            "quantity": n(self.quantity), "issued": n(self.issued_quantity),
            "received": None if self.received_quantity is None else n(self.received_quantity),
            "damaged": n(self.damaged_quantity), "shortfall": n(self.shortfall),
            "returnable": self.returnable,
            "due_back_date": self.due_back_date.isoformat() if self.due_back_date else None,
            "returned": {"good": n(self.returned_good), "repaired": n(self.returned_repaired),
                         "lost": n(self.returned_lost)},
            "outstanding_return": n(self.outstanding_return),
            "sources": [s.as_json() for s in self.sources],
            "issued_batches": [{"store": b.store_code, "document": b.document, "batch": b.batch_no,
                                "quantity": n(b.quantity)} for b in self.issued],
        }


@dataclass(frozen=True)
class OrderView:
    """One dispatch order as screens, the command line and the printed form need it."""

    number: str
    status: DispatchStatus
    emergency: bool
    requesting_unit: str
    receiving_unit: str
    place: str
    receiver_contact: str
    receiver_phone: str
    sender_contact: str
    sender_phone: str
    reason: str
    reference: str
    needed_by: dt.datetime | None
    vehicle: str
    escort: str
    remarks: str
    order_date: dt.date
    created_by: str
    approved_by: str
    approved_at: dt.datetime | None
    approval_note: str
    issued_by: str
    issued_at: dt.datetime | None
    received_signed_by: str
    received_at: dt.datetime | None
    receipt_remarks: str
    close_reason: str
    approval_overdue: bool
    return_overdue: bool
    lines: list[LineView] = field(default_factory=list)
    documents: list[tuple[str, str]] = field(default_factory=list)  # (role, document number)

    @property
    def approval_owed(self) -> bool:
        return self.issued_at is not None and self.approved_at is None

    @property
    def source_stores(self) -> list[str]:
        names: list[str] = []
        for line in self.lines:
            for name in [b.store_name for b in line.issued] or [s.store_name for s in line.sources]:
                if name and name not in names:
                    names.append(name)
        return names

    def as_json(self) -> dict:
        iso = lambda v: v.isoformat() if v else None  # noqa: E731
        return {
            "number": self.number, "status": self.status.value, "status_label": self.status.label,
            "emergency": self.emergency, "approval_owed": self.approval_owed,
            "approval_overdue": self.approval_overdue, "return_overdue": self.return_overdue,
            "requesting_unit": self.requesting_unit, "receiving_unit": self.receiving_unit,
            "place": self.place, "reason": self.reason, "reference": self.reference,
            "order_date": iso(self.order_date), "approved_by": self.approved_by or None,
            "approved_at": iso(self.approved_at), "issued_at": iso(self.issued_at),
            "received_signed_by": self.received_signed_by or None, "received_at": iso(self.received_at),
            "lines": [line.as_json() for line in self.lines],
            "documents": [{"role": role, "number": number} for role, number in self.documents],
        }


@dataclass(frozen=True)
class OrderRow:
    """One row of the order list."""

    number: str
    status: DispatchStatus
    emergency: bool
    requesting_unit: str
    receiving_unit: str
    reason: str
    order_date: dt.date
    issued_at: dt.datetime | None
    approved_at: dt.datetime | None
    line_count: int
    approval_overdue: bool
    return_overdue: bool
    next_due_back: dt.date | None

    def as_json(self) -> dict:
        return {
            "number": self.number, "status": self.status.value, "emergency": self.emergency,
            "requesting_unit": self.requesting_unit, "receiving_unit": self.receiving_unit,
            "reason": self.reason, "order_date": self.order_date.isoformat(),
            "issued_at": self.issued_at.isoformat() if self.issued_at else None,
            "approval_overdue": self.approval_overdue, "return_overdue": self.return_overdue,
            "next_due_back": self.next_due_back.isoformat() if self.next_due_back else None,
        }


@dataclass(frozen=True)
class ReturnDue:
    number: str
    receiving_unit: str
    line_no: int
    item_code: str
    item_name: str
    unit: str
    outstanding: Decimal
    due_back_date: dt.date
    days_overdue: int

    def as_json(self) -> dict:
        return {"number": self.number, "receiving_unit": self.receiving_unit, "line": self.line_no,
                "item_code": self.item_code, "item_name": self.item_name,
                "outstanding": ledger.json_number(self.outstanding),
                "due_back_date": self.due_back_date.isoformat(), "days_overdue": self.days_overdue}
