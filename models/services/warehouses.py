"""Administrative areas and reserve stores: add, edit, list (with audit)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from decimal import Decimal, InvalidOperation

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from models.context import Actor, ServiceContext
from models.errors import ConflictError, ValidationError
from models.messages import msg
from models.schema.enums import AreaKind, StoreLevel
from models.schema.stock import Balance
from models.schema.warehouse import Area, Store
from models.services import ledger
from models.services.lookup import area_by_code, store_by_code
from models.services.navigation_tree import keeper_store_ids, live_line_counts
from models.services.permissions import can_read_store, require_catalog_edit
from models.validation import check_code, check_text

LEVEL_NAMES = {"县级": StoreLevel.COUNTY, "县": StoreLevel.COUNTY, "乡镇级": StoreLevel.TOWNSHIP,
               "乡镇": StoreLevel.TOWNSHIP, "街道": StoreLevel.TOWNSHIP, "村级": StoreLevel.VILLAGE,
               "村": StoreLevel.VILLAGE, "社区": StoreLevel.VILLAGE}


def parse_level(value: str) -> StoreLevel:
    text = (value or "").strip()
    if text in LEVEL_NAMES:
        return LEVEL_NAMES[text]
    try:
        return StoreLevel(text.lower())
    except ValueError:
        raise ValidationError(msg("级别“{value}”无效，应为 县级、乡镇级 或 村级（county/township/village）。",
                                  value=value), field=msg("级别")) from None


@dataclass
class StoreInput:
    code: str
    name: str
    level: StoreLevel | str
    area_code: str
    address: str = ""
    keeper_name: str = ""
    keeper_phone: str = ""
    floor_area: Decimal | str | None = None


def create_area(ctx: ServiceContext, code: str, name: str, kind: AreaKind | str, parent_code: str | None = None) -> Area:
    require_catalog_edit(ctx.actor)
    code = check_code(code, msg("行政区编码"), max_length=20)
    name = check_text(name, msg("行政区名称"), max_length=100, required=True)
    try:
        kind = AreaKind(kind)
    except ValueError:
        raise ValidationError(msg("行政区类型“{kind}”无效。", kind=kind), field=msg("类型")) from None
    with ctx.write() as session:
        if session.scalar(select(Area.id).where(Area.code == code)):
            raise ConflictError(msg("行政区编码“{code}”已存在。", code=code), field=msg("行政区编码"))
        parent = area_by_code(session, parent_code) if parent_code else None
        area = Area(code=code, name=name, kind=kind, parent=parent)
        session.add(area)
        session.flush()
        ledger.audit(ctx, session, "create", "area", code, f"新建行政区 {name}")
        return area


def _apply_store_fields(session, store: Store, data: StoreInput) -> None:
    store.name = check_text(data.name, msg("储备库名称"), max_length=200, required=True)
    store.level = parse_level(data.level) if not isinstance(data.level, StoreLevel) else data.level
    store.area = area_by_code(session, data.area_code)
    store.address = check_text(data.address, msg("地址"), max_length=300)
    store.keeper_name = check_text(data.keeper_name, msg("负责人"), max_length=100)
    store.keeper_phone = check_text(data.keeper_phone, msg("联系电话"), max_length=50)
    if data.floor_area in (None, ""):
        store.floor_area = None
    else:
        try:
            value = Decimal(str(data.floor_area))
        except InvalidOperation:
            raise ValidationError(msg("面积“{floor_area}”不是数字。", floor_area=data.floor_area), field=msg("面积")) from None
        if value < 0:
            raise ValidationError(msg("面积不能为负数。"), field=msg("面积"))
        store.floor_area = value.quantize(Decimal("0.01"))


def create_store(ctx: ServiceContext, data: StoreInput) -> Store:
    require_catalog_edit(ctx.actor)
    code = check_code(data.code, msg("储备库编码"))
    with ctx.write() as session:
        if session.scalar(select(Store.id).where(Store.code == code)):
            raise ConflictError(msg("储备库编码“{code}”已存在，请换一个编码。", code=code), field=msg("储备库编码"))
        store = Store(code=code)
        _apply_store_fields(session, store, data)
        session.add(store)
        session.flush()
        ledger.audit(ctx, session, "create", "store", code, f"新建储备库 {store.name}", after=store_snapshot(store))
        return store


def update_store(ctx: ServiceContext, data: StoreInput) -> Store:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        store = store_by_code(session, data.code)
        before = store_snapshot(store)
        _apply_store_fields(session, store, data)
        session.flush()
        # the level is copied onto balance rows for fast reads; keep the copy in step
        session.execute(update(Balance).where(Balance.store_id == store.id).values(store_level=store.level))
        ledger.audit(ctx, session, "update", "store", store.code, f"修改储备库 {store.name}",
                     before=before, after=store_snapshot(store))
        return store


def store_snapshot(store: Store) -> dict:
    return {
        "code": store.code, "name": store.name, "level": store.level.value, "area": store.area.code,
        "address": store.address, "keeper_name": store.keeper_name, "keeper_phone": store.keeper_phone,
        "floor_area": str(store.floor_area) if store.floor_area is not None else None,
    }


def list_stores(ctx: ServiceContext) -> list[Store]:
    """Stores the acting user may read, by level then code."""
    with ctx.read() as session:  # areas loaded with the stores in one more query, not one per store
        stores = session.scalars(select(Store).options(selectinload(Store.area)).order_by(Store.level, Store.code)).all()
        return [store for store in stores if can_read_store(ctx.actor, store.id)]


def list_areas(ctx: ServiceContext) -> list[Area]:
    with ctx.read() as session:
        return list(session.scalars(select(Area).order_by(Area.code)))


class AreaListRow(NamedTuple):
    id: int
    parent_id: int | None
    code: str
    name: str


class StoreListRow(NamedTuple):
    id: int
    code: str
    name: str
    level: StoreLevel
    area_id: int
    area_name: str
    address: str
    keeper_name: str
    keeper_phone: str
    floor_area: Decimal | None
    lines: int  # non-zero stock lines (store × item × batch)


@dataclass(frozen=True)
class StoreList:
    areas: list[AreaListRow]  # every area, by code
    stores: list[StoreListRow]  # the stores the acting user may read, by level then code


def store_list(ctx: ServiceContext) -> StoreList:
    """What the 储备库 screen shows, as plain rows from three Core queries (issue 10).

    ``list_areas`` + ``list_stores`` + ``store_line_counts`` built 6,400 ORM objects and grouped every live
    balance by store code on the city database (≈ 1.5 s of the screen's 8.5 s); these rows take tens of
    milliseconds (the stock lines counted by ``navigation_tree.live_line_counts``, as the navigation tree does)."""
    mine = keeper_store_ids(ctx.actor)
    with ctx.read() as session:
        conn = session.connection()
        areas = [AreaListRow._make(row) for row in conn.execute(
            select(Area.id, Area.parent_id, Area.code, Area.name).order_by(Area.code))]
        names = {area.id: area.name for area in areas}
        stores = (select(Store.id, Store.code, Store.name, Store.level, Store.area_id, Store.address,
                         Store.keeper_name, Store.keeper_phone, Store.floor_area)
                  .order_by(Store.level, Store.code))
        if mine is not None:
            stores = stores.where(Store.id.in_(mine))
        lines = live_line_counts(conn, mine)
        rows = [StoreListRow(store_id, code, name, level, area_id, names.get(area_id, ""), address or "",
                             keeper_name or "", keeper_phone or "", floor_area, lines.get(store_id, 0))
                for store_id, code, name, level, area_id, address, keeper_name, keeper_phone, floor_area
                in conn.execute(stores)]
    return StoreList(areas, rows)


def readable_store_rows(session: Session, actor: Actor) -> list:
    """(id, code, name, active) of the stores ``actor`` may read, by level then code (``list_stores``'
    rows and order, without ORM objects): the store choices of the ledger, documents, rotation,
    inspections and import/export views."""
    return [row for row in session.execute(
                select(Store.id, Store.code, Store.name, Store.active).order_by(Store.level, Store.code))
            if can_read_store(actor, row.id)]


def store_for_edit(ctx: ServiceContext, code: str) -> Store:
    """One store with its area loaded, for the edit dialog (the 储备库 screen's list holds plain rows, of
    the stores the user may read; saving checks the user's role as ever)."""
    with ctx.read() as session:
        store = store_by_code(session, code)
        _ = store.area
        return store


def stores_in_area(area_code: str):
    """``select(Store.id)`` of the stores in an area and every area below it (a recursive CTE, so the
    tree's depth does not matter and one query answers on SQLite and PostgreSQL alike)."""
    below = select(Area.id).where(Area.code == area_code).cte("area_tree", recursive=True)
    below = below.union_all(select(Area.id).where(Area.parent_id == below.c.id))
    return select(Store.id).where(Store.area_id.in_(select(below.c.id)))


def area_store_ids(session: Session, area_code: str) -> list[int]:
    """Ids of the stores in the area ``area_code`` and below it (``NotFoundError`` for an unknown code),
    to bind as a list (the ledger's and documents' area filter)."""
    area_by_code(session, area_code)
    return sorted(session.scalars(stores_in_area(area_code)))


def area_name(ctx: ServiceContext, code: str) -> str:
    """The name a screen shows for an area code (the code itself if it no longer exists)."""
    with ctx.read() as session:
        return session.scalar(select(Area.name).where(Area.code == code)) or code
