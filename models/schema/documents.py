"""Documents (入库单, 出库单, 调拨, 盘点, 报废, 冲销) with their lines, transfers in transit, and the
per-store, per-year number sequences that give each document a readable number."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Optional

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base, Money, Quantity, UtcDateTime, utcnow
from models.schema.catalog import Item
from models.schema.enums import DocStatus, DocType, TransferStatus, db_enum
from models.schema.stock import Batch
from models.schema.warehouse import Store


class Document(Base):
    """单据: the paper behind every change of stock. A wrong one is reversed, never edited."""

    __tablename__ = "documents"
    # receipts against a replacement plan carry its number as reference (rotation plan); migration 0006
    __table_args__ = (
        Index("ix_documents_reference", "reference"),
        Index("ix_documents_doc_date_id", "doc_date", "id"),  # the documents view: newest first
        Index("ix_documents_reversal", "reverses_id", sqlite_where=text("reverses_id IS NOT NULL"),
              postgresql_where=text("reverses_id IS NOT NULL")),  # see migration 0008
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    doc_type: Mapped[DocType] = mapped_column(db_enum(DocType, "doc_type"), index=True)
    status: Mapped[DocStatus] = mapped_column(db_enum(DocStatus, "doc_status"), default=DocStatus.POSTED)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    doc_date: Mapped[dt.date] = mapped_column(Date)
    counterparty: Mapped[str] = mapped_column(String(300), default="")  # supplier or receiver
    purpose: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")  # notice / instruction number
    remarks: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id"), unique=True)
    transfer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("transfers.id"), index=True)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    posted_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
    approved_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)

    store: Mapped[Store] = relationship()
    lines: Mapped[list["DocumentLine"]] = relationship(
        back_populates="document", order_by="DocumentLine.line_no", cascade="all, delete-orphan"
    )
    reverses: Mapped[Optional["Document"]] = relationship(remote_side=[id], foreign_keys=[reverses_id])
    transfer: Mapped[Optional["Transfer"]] = relationship(foreign_keys=[transfer_id])


class DocumentLine(Base):
    """One line of a document. ``quantity`` is positive as printed; the ledger carries the sign."""

    __tablename__ = "document_lines"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity"),
        UniqueConstraint("document_id", "line_no", name="doc_line"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    batch_id: Mapped[Optional[int]] = mapped_column(ForeignKey("batches.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    book_quantity: Mapped[Optional[Decimal]] = mapped_column(Quantity)  # stocktake: on the books
    counted_quantity: Mapped[Optional[Decimal]] = mapped_column(Quantity)  # stocktake: on the shelf
    unit_price: Mapped[Optional[Decimal]] = mapped_column(Money)
    location: Mapped[str] = mapped_column(String(100), default="")
    remarks: Mapped[str] = mapped_column(String(500), default="")

    document: Mapped[Document] = relationship(back_populates="lines")
    item: Mapped[Item] = relationship()
    batch: Mapped[Optional[Batch]] = relationship()


class Transfer(Base):
    """调拨 between two stores: shipped goods stay visible in transit until received."""

    __tablename__ = "transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    from_store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    to_store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    status: Mapped[TransferStatus] = mapped_column(
        db_enum(TransferStatus, "transfer_status"), default=TransferStatus.IN_TRANSIT
    )
    shipped_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))

    from_store: Mapped[Store] = relationship(foreign_keys=[from_store_id])
    to_store: Mapped[Store] = relationship(foreign_keys=[to_store_id])
    lines: Mapped[list["TransferLine"]] = relationship(
        back_populates="transfer", order_by="TransferLine.id", cascade="all, delete-orphan"
    )


class TransferLine(Base):
    __tablename__ = "transfer_lines"
    __table_args__ = (
        CheckConstraint("received >= 0 AND received <= shipped", name="received"),
        CheckConstraint("shipped >= 0", name="shipped"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"))
    shipped: Mapped[Decimal] = mapped_column(Quantity)
    received: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))

    transfer: Mapped[Transfer] = relationship(back_populates="lines")
    item: Mapped[Item] = relationship()
    batch: Mapped[Batch] = relationship()

    @property
    def in_transit(self) -> Decimal:
        return self.shipped - self.received


class NumberSequence(Base):
    """The last number used per (prefix, store code, year); bumped inside the posting transaction."""

    __tablename__ = "number_sequences"

    prefix: Mapped[str] = mapped_column(String(10), primary_key=True)
    scope: Mapped[str] = mapped_column(String(30), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)
