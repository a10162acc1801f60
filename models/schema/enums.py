"""Enumerations shared by the schema, the services and the screens (values are stored as text)."""

from __future__ import annotations

import enum

from sqlalchemy import Enum

from models.messages import msg


class StoreLevel(enum.StrEnum):
    """储备库级别: county 县级, township 乡镇/街道级, village 村/社区级."""

    COUNTY = "county"
    TOWNSHIP = "township"
    VILLAGE = "village"

    @property
    def label(self) -> str:
        return {"county": "县级", "township": "乡镇级", "village": "村级"}[self.value]


class AreaKind(enum.StrEnum):
    COUNTY = "county"
    TOWNSHIP = "township"
    VILLAGE = "village"


class ReserveMode(enum.StrEnum):
    """储备方式 of a batch held in our stores."""

    GOVERNMENT = "government"  # 政府实物储备
    DEPARTMENT = "department"  # 部门储备
    PLEDGED = "pledged"  # 群众号料

    @property
    def label(self) -> str:
        return {"government": "政府实物储备", "department": "部门储备", "pledged": "群众号料"}[self.value]


class DocType(enum.StrEnum):
    """Document types; each posts movements into the ledger."""

    RECEIPT = "receipt"  # 入库单
    ISSUE = "issue"  # 出库单
    TRANSFER_OUT = "transfer_out"  # 调拨出库 (ship)
    TRANSFER_IN = "transfer_in"  # 调拨入库 (receive)
    STOCKTAKE = "stocktake"  # 盘点调整
    SCRAP = "scrap"  # 报废
    REVERSAL = "reversal"  # 冲销

    @property
    def label(self) -> str:
        return DOC_TYPE_LABELS[self]

    @property
    def prefix(self) -> str:
        return DOC_TYPE_PREFIXES[self]


DOC_TYPE_LABELS = {
    DocType.RECEIPT: "入库单",
    DocType.ISSUE: "出库单",
    DocType.TRANSFER_OUT: "调拨出库单",
    DocType.TRANSFER_IN: "调拨入库单",
    DocType.STOCKTAKE: "盘点调整单",
    DocType.SCRAP: "报废单",
    DocType.REVERSAL: "冲销单",
}

DOC_TYPE_PREFIXES = {
    DocType.RECEIPT: "RK",
    DocType.ISSUE: "CK",
    DocType.TRANSFER_OUT: "DC",
    DocType.TRANSFER_IN: "DR",
    DocType.STOCKTAKE: "PD",
    DocType.SCRAP: "BF",
    DocType.REVERSAL: "CX",
}


class DocStatus(enum.StrEnum):
    DRAFT = "draft"
    PENDING = "pending"  # awaiting approval (scrap)
    POSTED = "posted"
    CANCELLED = "cancelled"


class TransferStatus(enum.StrEnum):
    IN_TRANSIT = "in_transit"
    PARTIAL = "partial"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class Role(enum.StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    KEEPER = "keeper"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        return {"admin": msg("管理员"), "officer": msg("业务科室"), "keeper": msg("保管员"), "viewer": msg("查看")}[self.value]


def db_enum(enum_cls: type[enum.Enum], name: str) -> Enum:
    """Store an enum as its value in a VARCHAR with a CHECK (no PostgreSQL enum types to drop)."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )
