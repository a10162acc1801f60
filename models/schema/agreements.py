"""Agreement reserves (协议储备): enterprises that keep goods (企业代储, physical agency storage) or
production capacity (产能储备) for the government, their agreements, lines, spot checks (核查),
call-ups (动用) and replenishments (补库).

The call-up records the dispatch order number as text only: dispatch orders live in another
aggregate and an agreement must stay readable if that order is reversed or renumbered.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Optional

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base, Money, Quantity, UtcDateTime, utcnow
from models.schema.catalog import Item
from models.schema.enums import db_enum


class AgreementType(enum.StrEnum):
    """协议类型: physical 实物代储 (the enterprise keeps named stock), capacity 产能储备 (the enterprise
    undertakes to produce or deliver the quantity within the response time)."""

    PHYSICAL = "physical"
    CAPACITY = "capacity"

    @property
    def label(self) -> str:
        return {"physical": "实物代储", "capacity": "产能储备"}[self.value]


class AgreementState(enum.StrEnum):
    """协议状态. ``expired`` is usually not stored: an active agreement whose end date has passed
    reads as expired (see ``Agreement.effective_state``)."""

    DRAFT = "draft"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return {"draft": "草稿", "active": "有效", "expired": "已到期", "terminated": "已终止"}[self.value]


class Enterprise(Base):
    """代储企业: an enterprise holding stock or capacity for the county."""

    __tablename__ = "enterprises"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)  # 统一社会信用代码
    address: Mapped[str] = mapped_column(String(300), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    reserve_kind: Mapped[str] = mapped_column(String(200), default="")  # e.g. 食品、饮用水

    agreements: Mapped[list["Agreement"]] = relationship(back_populates="enterprise")


class Agreement(Base):
    """代储协议 / 产能储备协议 with its term, fee and response time; renewals link to the previous one."""

    __tablename__ = "agreements"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="term"),
        CheckConstraint("response_hours IS NULL OR response_hours > 0", name="response"),
        CheckConstraint("annual_fee >= 0", name="fee"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"), index=True)
    agreement_type: Mapped[AgreementType] = mapped_column(db_enum(AgreementType, "agreement_type"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date, index=True)
    storage_place: Mapped[str] = mapped_column(String(300), default="")
    response_hours: Mapped[Optional[int]] = mapped_column(Integer)
    annual_fee: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    fee_rules: Mapped[str] = mapped_column(Text, default="")
    rotation_duty: Mapped[str] = mapped_column(Text, default="")
    contract_path: Mapped[str] = mapped_column(String(500), default="")
    state: Mapped[AgreementState] = mapped_column(
        db_enum(AgreementState, "agreement_state"), default=AgreementState.DRAFT
    )
    terminated_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    termination_reason: Mapped[str] = mapped_column(String(500), default="")
    previous_id: Mapped[Optional[int]] = mapped_column(ForeignKey("agreements.id"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    enterprise: Mapped[Enterprise] = relationship(back_populates="agreements")
    lines: Mapped[list["AgreementLine"]] = relationship(
        back_populates="agreement", order_by="AgreementLine.line_no", cascade="all, delete-orphan"
    )
    checks: Mapped[list["AgreementCheck"]] = relationship(
        back_populates="agreement", order_by="AgreementCheck.check_date", cascade="all, delete-orphan"
    )
    previous: Mapped[Optional["Agreement"]] = relationship(remote_side=[id], foreign_keys=[previous_id])

    def effective_state(self, on: dt.date) -> AgreementState:
        """The state as of ``on``: an active agreement whose end date has passed reads as expired."""
        if self.state is AgreementState.ACTIVE and self.end_date < on:
            return AgreementState.EXPIRED
        return self.state


class AgreementLine(Base):
    """One item of an agreement: guaranteed quantity (for capacity: deliverable within the response
    time) and the minimum below which the fee is cut."""

    __tablename__ = "agreement_lines"
    __table_args__ = (
        CheckConstraint("guaranteed_quantity > 0", name="guaranteed"),
        CheckConstraint("minimum_quantity >= 0 AND minimum_quantity <= guaranteed_quantity", name="minimum"),
        UniqueConstraint("agreement_id", "item_id", name="agreement_item"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    guaranteed_quantity: Mapped[Decimal] = mapped_column(Quantity)
    minimum_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))

    agreement: Mapped[Agreement] = relationship(back_populates="lines")
    item: Mapped[Item] = relationship()
    call_ups: Mapped[list["AgreementCallUp"]] = relationship(
        back_populates="line", order_by="AgreementCallUp.called_at"
    )


class AgreementCheck(Base):
    """核查: a spot check of an agreement's stock on one date."""

    __tablename__ = "agreement_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    check_date: Mapped[dt.date] = mapped_column(Date)
    checked_by: Mapped[str] = mapped_column(String(100))
    remarks: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    agreement: Mapped[Agreement] = relationship(back_populates="checks")
    lines: Mapped[list["AgreementCheckLine"]] = relationship(
        back_populates="check", cascade="all, delete-orphan"
    )


class AgreementCheckLine(Base):
    """The quantity found for one agreement line at a check."""

    __tablename__ = "agreement_check_lines"
    __table_args__ = (
        CheckConstraint("found_quantity >= 0", name="found"),
        UniqueConstraint("check_id", "line_id", name="check_line"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("agreement_checks.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("agreement_lines.id"), index=True)
    found_quantity: Mapped[Decimal] = mapped_column(Quantity)

    check: Mapped[AgreementCheck] = relationship(back_populates="lines")
    line: Mapped[AgreementLine] = relationship()


class AgreementCallUp(Base):
    """动用: stock called up from an agreement line, usually for a dispatch order."""

    __tablename__ = "agreement_call_ups"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("agreement_lines.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    dispatch_order_number: Mapped[str] = mapped_column(String(60), default="", index=True)
    called_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    response_deadline: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
    remarks: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))

    line: Mapped[AgreementLine] = relationship(back_populates="call_ups")
    replenishments: Mapped[list["AgreementReplenishment"]] = relationship(
        back_populates="call_up", order_by="AgreementReplenishment.replenished_at"
    )


class AgreementReplenishment(Base):
    """补库: the enterprise restores stock taken by a call-up (in part or in full)."""

    __tablename__ = "agreement_replenishments"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_up_id: Mapped[int] = mapped_column(ForeignKey("agreement_call_ups.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    replenished_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    remarks: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))

    call_up: Mapped[AgreementCallUp] = relationship(back_populates="replenishments")
