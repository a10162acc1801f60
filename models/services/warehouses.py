"""Administrative areas and reserve stores: add, edit, list (with audit)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from models.context import ServiceContext
from models.errors import ConflictError, ValidationError
from models.messages import msg
from models.schema.enums import AreaKind, StoreLevel
from models.schema.stock import Balance
from models.schema.warehouse import Area, Store
from models.services import ledger
from models.services.lookup import area_by_code, store_by_code
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


def stores_in_area(area_code: str):
    """``select(Store.id)`` of the stores in an area and every area below it (a recursive CTE, so the
    tree's depth does not matter and one query answers on SQLite and PostgreSQL alike)."""
    below = select(Area.id).where(Area.code == area_code).cte("area_tree", recursive=True)
    below = below.union_all(select(Area.id).where(Area.parent_id == below.c.id))
    return select(Store.id).where(Store.area_id.in_(select(below.c.id)))


def area_name(ctx: ServiceContext, code: str) -> str:
    """The name a screen shows for an area code (the code itself if it no longer exists)."""
    with ctx.read() as session:
        return session.scalar(select(Area.name).where(Area.code == code)) or code
