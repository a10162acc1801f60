"""轮换、养护、报废: rotation replacement plans, inspection schedules and records, scrap requests
awaiting approval, and alert acknowledgements (so each alert is announced once)."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Optional

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base, Quantity, UtcDateTime, utcnow
from models.schema.catalog import Category, Item
from models.schema.documents import Document
from models.schema.enums import db_enum
from models.schema.stock import Batch
from models.schema.warehouse import Store


class ReplacementStatus(enum.StrEnum):
    PLANNED = "planned"
    CANCELLED = "cancelled"


class InspectionKind(enum.StrEnum):
    """What an inspection does (养护项目)."""

    TEST_RUN = "test_run"  # 试运行 (generators, pumps)
    AIRING = "airing"  # 晾晒检查 (tents, bedding)
    TURN_STACK = "turn_stack"  # 翻垛
    SAMPLE_TEST = "sample_test"  # 抽样检验 (goods held 3 years or more, by batch)
    FIRE_CHECK = "fire_check"  # 消防检查 (per store)
    OTHER = "other"

    @property
    def label(self) -> str:
        return INSPECTION_KIND_LABELS[self]


INSPECTION_KIND_LABELS = {
    InspectionKind.TEST_RUN: "试运行",
    InspectionKind.AIRING: "晾晒检查",
    InspectionKind.TURN_STACK: "翻垛",
    InspectionKind.SAMPLE_TEST: "抽样检验",
    InspectionKind.FIRE_CHECK: "消防检查",
    InspectionKind.OTHER: "其他养护",
}


class InspectionResult(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"

    @property
    def label(self) -> str:
        return "合格" if self is InspectionResult.PASS else "不合格"


class FollowUp(enum.StrEnum):
    """What a failed inspection leads to."""

    NONE = "none"
    SCRAP = "scrap"  # a pending scrap request was opened
    REPAIR = "repair"  # a repair note was written

    @property
    def label(self) -> str:
        return {"none": "无", "scrap": "报废", "repair": "维修"}[self.value]


class ScrapReason(enum.StrEnum):
    """报废原因."""

    EXPIRED = "expired"
    DAMAGED = "damaged"
    FAILED_INSPECTION = "failed_inspection"

    @property
    def label(self) -> str:
        return {"expired": "过期", "damaged": "损坏", "failed_inspection": "检验不合格"}[self.value]


class ScrapDecision(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ReplacementPlan(Base):
    """轮换补充计划: a planned receipt of a fresh batch to replace one due for rotation.

    Receipts that carry the plan's number as their reference count as its arrivals."""

    __tablename__ = "replacement_plans"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    old_batch_id: Mapped[Optional[int]] = mapped_column(ForeignKey("batches.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    planned_date: Mapped[dt.date] = mapped_column(Date)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[ReplacementStatus] = mapped_column(
        db_enum(ReplacementStatus, "replacement_status"), default=ReplacementStatus.PLANNED
    )
    remarks: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    store: Mapped[Store] = relationship()
    item: Mapped[Item] = relationship()
    old_batch: Mapped[Optional[Batch]] = relationship()


class InspectionSchedule(Base):
    """养护计划: an inspection repeated every ``interval_months`` for the stores, items or category
    it names. No item and no category: one inspection per store (fire checks, turning stacks).
    ``min_age_years``: only batches held that long, one inspection per batch (sample tests)."""

    __tablename__ = "inspection_schedules"
    __table_args__ = (
        CheckConstraint("interval_months > 0", name="interval"),
        CheckConstraint("min_age_years IS NULL OR min_age_years > 0", name="min_age"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[InspectionKind] = mapped_column(db_enum(InspectionKind, "inspection_kind"))
    interval_months: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("items.id"), index=True)
    category_id: Mapped[Optional[int]] = mapped_column(ForeignKey("categories.id"), index=True)
    store_id: Mapped[Optional[int]] = mapped_column(ForeignKey("stores.id"), index=True)
    min_age_years: Mapped[Optional[int]] = mapped_column(Integer)
    start_date: Mapped[dt.date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    item: Mapped[Optional[Item]] = relationship()
    category: Mapped[Optional[Category]] = relationship()
    store: Mapped[Optional[Store]] = relationship()


class InspectionRecord(Base):
    """养护记录: one inspection done, with its result and what followed from it."""

    __tablename__ = "inspection_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[Optional[int]] = mapped_column(ForeignKey("inspection_schedules.id"), index=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("items.id"), index=True)
    batch_id: Mapped[Optional[int]] = mapped_column(ForeignKey("batches.id"), index=True)
    inspected_on: Mapped[dt.date] = mapped_column(Date, index=True)
    inspector: Mapped[str] = mapped_column(String(100))
    result: Mapped[InspectionResult] = mapped_column(db_enum(InspectionResult, "inspection_result"))
    problems: Mapped[str] = mapped_column(Text, default="")
    photos: Mapped[str] = mapped_column(Text, default="")  # JSON list of file paths
    follow_up: Mapped[FollowUp] = mapped_column(db_enum(FollowUp, "inspection_follow_up"), default=FollowUp.NONE)
    repair_note: Mapped[str] = mapped_column(Text, default="")
    scrap_document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id"), index=True)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    schedule: Mapped[Optional[InspectionSchedule]] = relationship()
    store: Mapped[Store] = relationship()
    item: Mapped[Optional[Item]] = relationship()
    batch: Mapped[Optional[Batch]] = relationship()
    scrap_document: Mapped[Optional[Document]] = relationship()


class ScrapRequest(Base):
    """报废申请: the reason and the decision behind a scrap document awaiting approval.

    The document itself (status pending, lines, no movements) is the request; approval posts it."""

    __tablename__ = "scrap_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    reason_kind: Mapped[ScrapReason] = mapped_column(db_enum(ScrapReason, "scrap_reason"))
    decision: Mapped[ScrapDecision] = mapped_column(
        db_enum(ScrapDecision, "scrap_decision"), default=ScrapDecision.PENDING, index=True
    )
    inspection_id: Mapped[Optional[int]] = mapped_column(ForeignKey("inspection_records.id"), index=True)
    requested_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    decided_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
    decision_note: Mapped[str] = mapped_column(String(500), default="")

    document: Mapped[Document] = relationship()


class AlertAck(Base):
    """When one user was first shown an alert, and when they acknowledged it, by the alert's stable
    key ("expiry:C001:W500:B1:due", "inspection:FIRE:C001:::2026-06-01", "reminder:scrap_review:2026").
    Per user, so one keeper's acknowledgement does not hide the alert from the officer."""

    __tablename__ = "alert_acks"
    __table_args__ = (UniqueConstraint("alert_key", "user_id", name="alert_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_key: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    announced_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    acknowledged_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
