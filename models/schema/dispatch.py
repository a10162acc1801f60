"""Dispatch orders (调拨单): a request for supplies, its proposed sources, approval, issue, the
receiver's signed confirmation and the return of returnable goods.

States: draft (草稿) → approved (已审批, quantities reserved) → issued (已出库) → received (已签收);
cancelled (已作废) before issue; reversed (已冲销) after issue. An emergency order (紧急调拨) may be
issued while still a draft: the approval is then owed and shows as overdue after 48 hours.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Optional

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.messages import msg
from models.schema.base import Base, Quantity, UtcDateTime, utcnow
from models.schema.catalog import Item
from models.schema.documents import Document
from models.schema.enums import db_enum
from models.schema.stock import Batch
from models.schema.warehouse import Area, Store


class DispatchStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    ISSUED = "issued"
    RECEIVED = "received"
    CANCELLED = "cancelled"
    REVERSED = "reversed"

    @property
    def label(self) -> str:
        return DISPATCH_STATUS_LABELS[self]


DISPATCH_STATUS_LABELS = {  # msg(): refusals name the state, and a screen shows them in its language
    DispatchStatus.DRAFT: msg("待审批"),
    DispatchStatus.APPROVED: msg("已审批"),
    DispatchStatus.ISSUED: msg("已出库"),
    DispatchStatus.RECEIVED: msg("已签收"),
    DispatchStatus.CANCELLED: msg("已作废"),
    DispatchStatus.REVERSED: msg("已冲销"),
}


class SourceKind(enum.StrEnum):
    STORE = "store"  # our own store (government / department stock)
    AGREEMENT = "agreement"  # 协议储备: an enterprise delivers under its agreement


class DispatchDocRole(enum.StrEnum):
    ISSUE = "issue"  # 出库单 taking the goods out of a source store
    RETURN = "return"  # 入库单 for goods returned after use
    REVERSAL = "reversal"  # 冲销单 of an issue


class DispatchOrder(Base):
    """调拨单: one request and, once approved and issued, the order that travels with the truck."""

    __tablename__ = "dispatch_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    status: Mapped[DispatchStatus] = mapped_column(
        db_enum(DispatchStatus, "dispatch_status"), default=DispatchStatus.DRAFT, index=True
    )
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    requesting_unit: Mapped[str] = mapped_column(String(200))  # 申请单位
    requesting_area_id: Mapped[Optional[int]] = mapped_column(ForeignKey("areas.id"), index=True)
    receiving_unit: Mapped[str] = mapped_column(String(200))  # 接收单位
    place: Mapped[str] = mapped_column(String(300), default="")  # 送达地点
    receiver_contact: Mapped[str] = mapped_column(String(100), default="")
    receiver_phone: Mapped[str] = mapped_column(String(50), default="")
    sender_contact: Mapped[str] = mapped_column(String(100), default="")
    sender_phone: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")  # 事由 (the disaster event)
    reference: Mapped[str] = mapped_column(String(100), default="")  # 指令文号 or "口头指令"
    needed_by: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
    vehicle: Mapped[str] = mapped_column(String(100), default="")  # 车辆
    escort: Mapped[str] = mapped_column(String(100), default="")  # 押运人
    remarks: Mapped[str] = mapped_column(Text, default="")
    order_date: Mapped[dt.date] = mapped_column(Date)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    approved_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
    approval_note: Mapped[str] = mapped_column(String(500), default="")
    issued_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime, index=True)
    received_signed_by: Mapped[str] = mapped_column(String(100), default="")  # 签收人
    received_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
    receipt_recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    receipt_remarks: Mapped[str] = mapped_column(String(500), default="")
    closed_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)  # cancelled or reversed
    close_reason: Mapped[str] = mapped_column(String(500), default="")

    requesting_area: Mapped[Optional[Area]] = relationship()
    lines: Mapped[list["DispatchLine"]] = relationship(
        back_populates="order", order_by="DispatchLine.line_no", cascade="all, delete-orphan"
    )
    documents: Mapped[list["DispatchDocument"]] = relationship(
        back_populates="order", order_by="DispatchDocument.id", cascade="all, delete-orphan"
    )

    @property
    def approval_owed(self) -> bool:
        """Issued on an emergency instruction and not yet approved on paper."""
        return self.issued_at is not None and self.approved_at is None


class DispatchLine(Base):
    """One requested item. Receipt and return results are kept per line."""

    __tablename__ = "dispatch_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no", name="uq_dispatch_lines_order_line"),
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("received_quantity IS NULL OR received_quantity >= 0", name="received"),
        CheckConstraint("damaged_quantity >= 0", name="damaged"),
        CheckConstraint("returned_good >= 0 AND returned_repaired >= 0 AND returned_lost >= 0", name="returned"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("dispatch_orders.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)  # requested
    issued_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    remarks: Mapped[str] = mapped_column(String(500), default="")
    returnable: Mapped[bool] = mapped_column(Boolean, default=False)  # copied from the item
    due_back_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    received_quantity: Mapped[Optional[Decimal]] = mapped_column(Quantity)  # None: not confirmed yet
    damaged_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    receipt_note: Mapped[str] = mapped_column(String(500), default="")
    returned_good: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    returned_repaired: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    returned_lost: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))

    order: Mapped[DispatchOrder] = relationship(back_populates="lines")
    item: Mapped[Item] = relationship()
    sources: Mapped[list["DispatchSource"]] = relationship(
        back_populates="line", order_by="DispatchSource.id", cascade="all, delete-orphan"
    )
    returns: Mapped[list["DispatchReturn"]] = relationship(
        back_populates="line", order_by="DispatchReturn.id", cascade="all, delete-orphan"
    )

    @property
    def shortfall(self) -> Decimal:
        """What was issued but did not arrive (recorded at the receipt confirmation)."""
        if self.received_quantity is None:
            return Decimal(0)
        return max(self.issued_quantity - self.received_quantity, Decimal(0))

    @property
    def outstanding_return(self) -> Decimal:
        if not self.returnable:
            return Decimal(0)
        settled = self.returned_good + self.returned_repaired + self.returned_lost
        return max(self.issued_quantity - settled, Decimal(0))


class DispatchSource(Base):
    """Where one line's goods come from: a store (and, once reserved, a batch) or an agreement.

    ``reserved`` is what this source holds in ``Balance.reserved`` while the order is approved.
    """

    __tablename__ = "dispatch_sources"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("reserved >= 0", name="reserved"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("dispatch_lines.id"), index=True)
    kind: Mapped[SourceKind] = mapped_column(db_enum(SourceKind, "dispatch_source_kind"), default=SourceKind.STORE)
    store_id: Mapped[Optional[int]] = mapped_column(ForeignKey("stores.id"), index=True)
    batch_id: Mapped[Optional[int]] = mapped_column(ForeignKey("batches.id"))
    agreement_ref: Mapped[str] = mapped_column(String(100), default="")  # agreement number / line
    agreement_line_id: Mapped[Optional[int]] = mapped_column(Integer)  # agreements are another aggregate
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    reserved: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))

    line: Mapped[DispatchLine] = relationship(back_populates="sources")
    store: Mapped[Optional[Store]] = relationship()
    batch: Mapped[Optional[Batch]] = relationship()


class DispatchReturn(Base):
    """回收: goods of a returnable line coming back: good, repaired or lost."""

    __tablename__ = "dispatch_returns"
    __table_args__ = (
        CheckConstraint("good >= 0 AND repaired >= 0 AND lost >= 0", name="quantities"),
        CheckConstraint("good + repaired + lost > 0", name="something"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("dispatch_lines.id"), index=True)
    returned_on: Mapped[dt.date] = mapped_column(Date)
    good: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    repaired: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    lost: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    note: Mapped[str] = mapped_column(String(500), default="")
    document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id"))
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    line: Mapped[DispatchLine] = relationship(back_populates="returns")
    document: Mapped[Optional[Document]] = relationship()


class DispatchDocument(Base):
    """Links an order to the ledger documents it caused (issue slips, return receipts, reversals)."""

    __tablename__ = "dispatch_documents"
    __table_args__ = (UniqueConstraint("document_id", name="uq_dispatch_documents_document"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("dispatch_orders.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    role: Mapped[DispatchDocRole] = mapped_column(db_enum(DispatchDocRole, "dispatch_doc_role"))

    order: Mapped[DispatchOrder] = relationship(back_populates="documents")
    document: Mapped[Document] = relationship()
