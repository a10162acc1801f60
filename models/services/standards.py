"""定额标准: create, copy, rename, edit and delete reserve standards and their needs (需求项), link
catalogue items to needs, and install the shipped "国家/Sphere" defaults.

Standards are shared reference data: admins and officers edit them (``require_catalog_edit``), every
role reads them. The shipped defaults may have their needs and links edited (every number is a
default the county may change) but keep their names and cannot be deleted, so "the summer default"
always exists for the command line and the desktop check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.catalog import Category, Item
from models.schema.standards import Need, NeedBasis, NeedItem, Season, Standard
from models.services import ledger
from models.services.lookup import item_by_code
from models.services.permissions import require_catalog_edit
from models.services.standard_defaults import (
    DEFAULT_STANDARDS,
    NEED_KEYS,
    SUMMER_DEFAULT,
    WINTER_DEFAULT,
    default_factor,
    ratio,
)
from models.validation import check_text

__all__ = [
    "SUMMER_DEFAULT", "WINTER_DEFAULT", "NeedInput", "StandardInfo", "NeedInfo", "NeedItemInfo",
    "parse_ratio", "parse_basis", "parse_season", "list_standards", "get_standard", "create_standard",
    "copy_standard", "rename_standard", "update_standard", "delete_standard", "add_need", "update_need",
    "delete_need", "link_item", "unlink_item", "install_default_standards", "ensure_default_standards",
    "link_default_items", "auto_link_default_items", "standard_by_name",
]

MAX_RATIO = Decimal("1e9")
BASIS_NAMES = {"每人每天": NeedBasis.PER_PERSON_DAY, "每N人": NeedBasis.PER_PERSONS,
               "每 N 人一件": NeedBasis.PER_PERSONS, "固定": NeedBasis.FIXED, "固定数量": NeedBasis.FIXED}
SEASON_NAMES = {"全年": Season.ANY, "夏季": Season.SUMMER, "冬季": Season.WINTER}


# ---------------------------------------------------------------- parsing

def parse_ratio(value: object, field: str) -> Decimal:
    """A positive exact number (quota or factor), up to nine decimals; "0.25/30" is accepted too."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(msg("{field}不能为空，请填写一个正数。", field=field), field=field)
    if isinstance(value, bool):
        raise ValidationError(msg("{field}“{value}”不是数字。", field=field, value=value), field=field)
    try:
        if isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, str) and "/" in value:
            top, bottom = value.replace(",", "").split("/", 1)
            number = Decimal(top.strip()) / Decimal(bottom.strip())
        else:
            number = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError, ArithmeticError):
        raise ValidationError(
            msg("{field}“{value}”不是数字，请填写如 3、0.5 或 0.25/30 的数。", field=field, value=value), field=field
        ) from None
    if not number.is_finite() or number <= 0:
        raise ValidationError(msg("{field}必须大于 0（现为 {value}）。", field=field, value=value), field=field)
    if number >= MAX_RATIO:
        raise ValidationError(msg("{field} {value} 过大，请检查是否多输了位数。", field=field, value=value), field=field)
    number = ratio(number)
    if number <= 0:
        raise ValidationError(msg("{field} {value} 太小（最多九位小数）。", field=field, value=value), field=field)
    return number


def parse_basis(value: NeedBasis | str) -> NeedBasis:
    if isinstance(value, NeedBasis):
        return value
    text = (value or "").strip()
    if text in BASIS_NAMES:
        return BASIS_NAMES[text]
    try:
        return NeedBasis(text.lower())
    except ValueError:
        raise ValidationError(
            msg("计算方式“{value}”无效，应为 per_person_day（每人每天）、per_persons（每 N 人一件）或 fixed（固定数量）。", value=value),
            field=msg("计算方式"),
        ) from None


def parse_season(value: Season | str | None) -> Season:
    if value is None or value == "":
        return Season.ANY
    if isinstance(value, Season):
        return value
    text = value.strip()
    if text in SEASON_NAMES:
        return SEASON_NAMES[text]
    try:
        return Season(text.lower())
    except ValueError:
        raise ValidationError(msg("季节“{value}”无效，应为 全年、夏季 或 冬季（any/summer/winter）。",
                                  value=value), field=msg("季节")) from None


def _check_name(name: str, field: str = msg("标准名称")) -> str:
    return check_text(name, field, max_length=100, required=True)


# ---------------------------------------------------------------- read results

@dataclass(frozen=True)
class NeedItemInfo:
    item_code: str
    item_name: str
    spec: str
    unit: str
    factor: Decimal

    def as_json(self) -> dict:
        return {"item_code": self.item_code, "item_name": self.item_name, "spec": self.spec,
                "unit": self.unit, "factor": ledger.json_number(self.factor)}


@dataclass(frozen=True)
class NeedInfo:
    name: str
    unit: str
    basis: NeedBasis
    quota: Decimal
    sort_order: int
    items: tuple[NeedItemInfo, ...] = ()

    def as_json(self) -> dict:
        return {"name": self.name, "unit": self.unit, "basis": self.basis.value,
                "quota": ledger.json_number(self.quota), "sort_order": self.sort_order,
                "items": [item.as_json() for item in self.items]}


@dataclass(frozen=True)
class StandardInfo:
    name: str
    description: str
    season: Season
    is_builtin: bool
    needs: tuple[NeedInfo, ...] = field(default=())

    def as_json(self) -> dict:
        return {"name": self.name, "description": self.description, "season": self.season.value,
                "is_builtin": self.is_builtin, "needs": [need.as_json() for need in self.needs]}


def _info(standard: Standard) -> StandardInfo:
    return StandardInfo(
        name=standard.name, description=standard.description, season=standard.season,
        is_builtin=standard.is_builtin,
        needs=tuple(
            NeedInfo(need.name, need.unit, need.basis, need.quota, need.sort_order, tuple(
                NeedItemInfo(link.item.code, link.item.name, link.item.spec, link.item.unit, link.factor)
                for link in need.items
            ))
            for need in standard.needs
        ),
    )


def _load_options():
    return selectinload(Standard.needs).selectinload(Need.items).selectinload(NeedItem.item)


def standard_by_name(session: Session, name: str | None) -> Standard:
    """The named standard, or the summer default when ``name`` is empty."""
    name = (name or "").strip() or SUMMER_DEFAULT
    standard = session.scalar(select(Standard).where(Standard.name == name).options(_load_options()))
    if standard is None:
        known = "、".join(session.scalars(select(Standard.name).order_by(Standard.name))) or msg("（无）")
        raise NotFoundError(msg("没有名为“{name}”的定额标准。现有标准：{known}。", name=name, known=known), field=msg("定额标准"))
    return standard


def list_standards(ctx: ServiceContext) -> list[StandardInfo]:
    """All standards with their needs: the built-in ones first (summer, then winter), then by name."""
    with ctx.read() as session:
        standards = session.scalars(select(Standard).options(_load_options()))
        ordered = sorted(standards, key=lambda s: (not s.is_builtin, s.id if s.is_builtin else 0, s.name))
        return [_info(standard) for standard in ordered]


def get_standard(ctx: ServiceContext, name: str | None) -> StandardInfo:
    with ctx.read() as session:
        return _info(standard_by_name(session, name))


# ---------------------------------------------------------------- standards

def create_standard(ctx: ServiceContext, name: str, description: str = "",
                    season: Season | str | None = None) -> StandardInfo:
    require_catalog_edit(ctx.actor)
    name = _check_name(name)
    description = check_text(description, msg("说明"), max_length=500)
    season = parse_season(season)
    with ctx.write() as session:
        _refuse_duplicate(session, name)
        standard = Standard(name=name, description=description, season=season, is_builtin=False,
                            created_at=ctx.now(), updated_at=ctx.now())
        session.add(standard)
        session.flush()
        ledger.audit(ctx, session, "create", "standard", name, f"新建定额标准 {name}",
                     after={"description": description, "season": season.value})
        return _info(standard)


def copy_standard(ctx: ServiceContext, source: str, new_name: str) -> StandardInfo:
    """Copy a standard with all its needs and item links under a new name (not built-in)."""
    require_catalog_edit(ctx.actor)
    new_name = _check_name(new_name, msg("新标准名称"))
    with ctx.write() as session:
        original = standard_by_name(session, source)
        _refuse_duplicate(session, new_name)
        copy = Standard(name=new_name, description=original.description, season=original.season,
                        is_builtin=False, created_at=ctx.now(), updated_at=ctx.now())
        for need in original.needs:
            copy.needs.append(Need(
                name=need.name, unit=need.unit, basis=need.basis, quota=need.quota, sort_order=need.sort_order,
                items=[NeedItem(item_id=link.item_id, factor=link.factor) for link in need.items],
            ))
        session.add(copy)
        session.flush()
        ledger.audit(ctx, session, "copy", "standard", new_name, f"复制定额标准 {original.name} 为 {new_name}",
                     after=_snapshot(copy))
        session.refresh(copy)
        return _info(standard_by_name(session, new_name))


def rename_standard(ctx: ServiceContext, name: str, new_name: str) -> StandardInfo:
    require_catalog_edit(ctx.actor)
    new_name = _check_name(new_name, msg("新标准名称"))
    with ctx.write() as session:
        standard = standard_by_name(session, name)
        _refuse_builtin(standard, msg("改名"))
        if new_name != standard.name:
            _refuse_duplicate(session, new_name)
        old = standard.name
        standard.name = new_name
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "rename", "standard", new_name, f"定额标准 {old} 改名为 {new_name}",
                     before={"name": old}, after={"name": new_name})
        return _info(standard)


def update_standard(ctx: ServiceContext, name: str, *, description: str | None = None,
                    season: Season | str | None = None) -> StandardInfo:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        standard = standard_by_name(session, name)
        before = {"description": standard.description, "season": standard.season.value}
        if description is not None:
            standard.description = check_text(description, msg("说明"), max_length=500)
        if season is not None:
            standard.season = parse_season(season)
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "update", "standard", standard.name, f"修改定额标准 {standard.name}",
                     before=before, after={"description": standard.description, "season": standard.season.value})
        return _info(standard)


def delete_standard(ctx: ServiceContext, name: str) -> None:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        standard = standard_by_name(session, name)
        _refuse_builtin(standard, msg("删除"))
        snapshot = _snapshot(standard)
        session.delete(standard)
        session.flush()
        ledger.audit(ctx, session, "delete", "standard", name, f"删除定额标准 {name}", before=snapshot)


def _refuse_duplicate(session: Session, name: str) -> None:
    if session.scalar(select(Standard.id).where(Standard.name == name)):
        raise ConflictError(msg("已有名为“{name}”的定额标准，请换一个名称。", name=name), field=msg("标准名称"))


def _refuse_builtin(standard: Standard, action: str) -> None:
    if standard.is_builtin:
        raise ConflictError(
            msg("“{standard_name}”是程序自带的默认标准，不能{action}。可以先复制一份，再对副本{action}。",
                standard_name=standard.name, action=action),
            field=msg("定额标准"),
        )


def _snapshot(standard: Standard) -> dict:
    return {
        "name": standard.name, "season": standard.season.value, "description": standard.description,
        "needs": [
            {"name": need.name, "unit": need.unit, "basis": need.basis.value, "quota": str(need.quota),
             "items": {str(link.item_id): str(link.factor) for link in need.items}}
            for need in standard.needs
        ],
    }


# ---------------------------------------------------------------- needs

@dataclass
class NeedInput:
    name: str
    unit: str
    basis: NeedBasis | str
    quota: Decimal | int | str
    sort_order: int | None = None


def _need(standard: Standard, name: str) -> Need:
    for need in standard.needs:
        if need.name == name:
            return need
    raise NotFoundError(msg("定额标准“{standard_name}”中没有需求项“{name}”。",
                            standard_name=standard.name, name=name), field=msg("需求项"))


def _apply_need(standard: Standard, need: Need, data: NeedInput) -> None:
    name = _check_name(data.name, msg("需求项名称"))
    if any(other is not need and other.name == name for other in standard.needs):
        raise ConflictError(msg("定额标准“{standard_name}”中已有需求项“{name}”。",
                                standard_name=standard.name, name=name), field=msg("需求项名称"))
    need.name = name
    need.unit = check_text(data.unit, msg("计量单位"), max_length=20, required=True)
    need.basis = parse_basis(data.basis)
    field = {NeedBasis.PER_PERSON_DAY: msg("每人每天定额"), NeedBasis.PER_PERSONS: msg("每件覆盖人数"),
             NeedBasis.FIXED: msg("目标数量")}[need.basis]
    need.quota = parse_ratio(data.quota, field)
    if data.sort_order is not None:
        if not isinstance(data.sort_order, int) or isinstance(data.sort_order, bool):
            raise ValidationError(msg("排序号必须是整数。"), field=msg("排序号"))
        need.sort_order = data.sort_order


def _need_dict(need: Need) -> dict:
    return {"name": need.name, "unit": need.unit, "basis": need.basis.value, "quota": str(need.quota),
            "sort_order": need.sort_order}


def add_need(ctx: ServiceContext, standard_name: str, data: NeedInput) -> StandardInfo:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        standard = standard_by_name(session, standard_name)
        need = Need(sort_order=max((n.sort_order for n in standard.needs), default=0) + 10)
        _apply_need(standard, need, data)
        standard.needs.append(need)
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "create", "standard_need", f"{standard.name}/{need.name}",
                     f"定额标准 {standard.name} 新增需求项 {need.name}", after=_need_dict(need))
        return _info(standard)


def update_need(ctx: ServiceContext, standard_name: str, need_name: str, data: NeedInput) -> StandardInfo:
    """Change a need's name, unit, basis, quota or order (its item links stay)."""
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        standard = standard_by_name(session, standard_name)
        need = _need(standard, need_name)
        before = _need_dict(need)
        _apply_need(standard, need, data)
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "update", "standard_need", f"{standard.name}/{need.name}",
                     f"修改定额标准 {standard.name} 的需求项 {need.name}", before=before, after=_need_dict(need))
        return _info(standard)


def delete_need(ctx: ServiceContext, standard_name: str, need_name: str) -> StandardInfo:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        standard = standard_by_name(session, standard_name)
        need = _need(standard, need_name)
        before = _need_dict(need)
        standard.needs.remove(need)
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "delete", "standard_need", f"{standard.name}/{need_name}",
                     f"删除定额标准 {standard.name} 的需求项 {need_name}", before=before)
        return _info(standard)


def link_item(ctx: ServiceContext, standard_name: str, need_name: str, item_code: str,
              factor: Decimal | int | str = 1) -> StandardInfo:
    """Let one unit of the item count as ``factor`` units of the need (changes the factor if linked)."""
    require_catalog_edit(ctx.actor)
    factor = parse_ratio(factor, msg("折算系数"))
    with ctx.write() as session:
        standard = standard_by_name(session, standard_name)
        need = _need(standard, need_name)
        item = item_by_code(session, item_code)
        link = next((link for link in need.items if link.item_id == item.id), None)
        before = {"factor": str(link.factor)} if link else None
        if link is None:
            link = NeedItem(item_id=item.id, factor=factor)
            link.item = item
            need.items.append(link)
        link.factor = factor
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "link", "standard_need", f"{standard.name}/{need.name}",
                     f"需求项 {need.name} 关联物资 {item.name}（1{item.unit} 折 {ledger.fmt_qty(factor)}{need.unit}）",
                     before=before, after={"item": item.code, "factor": str(factor)})
        return _info(standard)


def unlink_item(ctx: ServiceContext, standard_name: str, need_name: str, item_code: str) -> StandardInfo:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        standard = standard_by_name(session, standard_name)
        need = _need(standard, need_name)
        item = item_by_code(session, item_code)
        link = next((link for link in need.items if link.item_id == item.id), None)
        if link is None:
            raise NotFoundError(msg("需求项“{need_name}”没有关联物资“{item_name}”。",
                                    need_name=need.name, item_name=item.name), field=msg("物资编码"))
        need.items.remove(link)
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "unlink", "standard_need", f"{standard.name}/{need.name}",
                     f"需求项 {need.name} 取消关联物资 {item.name}", before={"item": item.code, "factor": str(link.factor)})
        return _info(standard)


# ---------------------------------------------------------------- shipped defaults

def install_default_standards(session: Session) -> list[str]:
    """Create the shipped defaults that are missing (by name); returns the names created."""
    existing = set(session.scalars(select(Standard.name)))
    created = []
    for default in DEFAULT_STANDARDS:
        if default.name in existing:
            continue
        standard = Standard(name=default.name, description=default.description, season=default.season,
                            is_builtin=True)
        for order, need in enumerate(default.needs, start=1):
            standard.needs.append(Need(name=need.name, unit=need.unit, basis=need.basis, quota=need.quota,
                                       sort_order=order * 10))
        session.add(standard)
        created.append(default.name)
    session.flush()
    return created


def ensure_default_standards(ctx: ServiceContext) -> list[str]:
    """Install the shipped defaults if they are missing (reference data: any signed-in role may
    trigger it, as opening the database does for migrations). Audited when something is created."""
    with ctx.read() as session:
        present = set(session.scalars(select(Standard.name).where(Standard.is_builtin.is_(True))))
    if all(default.name in present for default in DEFAULT_STANDARDS):
        return []
    with ctx.write() as session:
        created = install_default_standards(session)
        if created:
            ledger.audit(ctx, session, "install", "standard", "defaults", "安装默认定额标准：" + "、".join(created))
        return created


def link_default_items(session: Session) -> int:
    """Link catalogue items to the built-in standards' needs by name, spec and category (bottled
    water by volume, tents by area ÷ 12 m², soap by weight...). Adds only missing links, never
    changes or removes a link someone made; returns the number of links added."""
    rows = session.execute(
        select(Item, Category.code).outerjoin(Category, Item.category_id == Category.id).where(Item.active.is_(True))
    ).all()
    standards = session.scalars(
        select(Standard).where(Standard.is_builtin.is_(True)).options(selectinload(Standard.needs).selectinload(Need.items))
    )
    added = 0
    for standard in standards:
        for need in standard.needs:
            key = NEED_KEYS.get(need.name)
            if key is None:
                continue
            linked = {link.item_id for link in need.items}
            for item, category in rows:
                if item.id in linked:
                    continue
                factor = default_factor(key, item.name, item.spec or "", item.unit, category or "")
                if factor is not None and factor > 0:
                    need.items.append(NeedItem(item_id=item.id, factor=factor))
                    added += 1
    session.flush()
    return added


def auto_link_default_items(ctx: ServiceContext) -> int:
    """``link_default_items`` as a service: one transaction, permission check and audit."""
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        install_default_standards(session)
        added = link_default_items(session)
        ledger.audit(ctx, session, "link", "standard", "defaults", f"默认标准自动关联物资 {added} 项")
        return added


def count_standards(session: Session) -> int:
    return session.scalar(select(func.count(Standard.id))) or 0
