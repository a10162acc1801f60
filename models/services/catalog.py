"""物资目录: categories (GB/T 38565 codes) and items, added and edited with validation and audit."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ConflictError, NotFoundError, ValidationError
from models.messages import msg
from models.schema.catalog import Category, Item
from models.services import ledger
from models.services.balance_prices import reprice_item
from models.services.lookup import item_by_code
from models.services.permissions import require_catalog_edit
from models.starter_catalog import STARTER_CATEGORIES
from models.validation import check_code, check_text

DEFAULT_LEAD_DAYS = 60


def pinyin_key(name: str) -> str:
    """Initials and full pinyin, lower case, for search: 帐篷 → 'zp zhangpeng'."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries cost ~0.4 s and 55 MB: not at start-up

    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()
    full = "".join(lazy_pinyin(name, errors="ignore")).lower()
    return f"{initials} {full}"[:400]


@dataclass
class ItemInput:
    code: str
    name: str
    unit: str
    spec: str = ""
    category_code: str | None = None
    shelf_life_months: int | None = None
    rotation_lead_days: int | None = None
    returnable: bool = False
    unit_price: Decimal | None = None


def validate_category_code(code: str) -> int:
    """Return the level (1-4) of a significant code prefix: '1', '101', '10101', '1010101'."""
    code = code.strip()
    if not code.isdigit() or len(code) not in (1, 3, 5, 7) or code[0] not in "123456789":
        raise ValidationError(
            msg("分类编码“{code}”格式不对：应为 1 位大类、3 位中类、5 位小类或 7 位细类数字，如 1、101、10101。", code=code),
            field=msg("分类编码"),
        )
    return {1: 1, 3: 2, 5: 3, 7: 4}[len(code)]


def normalise_category_code(code: str) -> str:
    """Accept the padded seven-digit form too ('1010000' → '101')."""
    code = code.strip()
    if len(code) == 7 and code.isdigit():
        while len(code) > 1 and code.endswith("00"):
            code = code[:-2]
    return code


def create_category(ctx: ServiceContext, code: str, name: str, *, rotation_lead_days: int | None = None) -> Category:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        category = _create_category(session, normalise_category_code(code), name, rotation_lead_days)
        ledger.audit(ctx, session, "create", "category", category.code, f"新建分类 {category.name}")
        return category


def _create_category(session: Session, code: str, name: str, lead: int | None) -> Category:
    level = validate_category_code(code)
    name = check_text(name, msg("分类名称"), max_length=100, required=True)
    if session.scalar(select(Category.id).where(Category.code == code)):
        raise ConflictError(msg("分类编码“{code}”已存在。", code=code), field=msg("分类编码"))
    parent = None
    if level > 1:
        parent_code = code[:-2]
        parent = session.scalar(select(Category).where(Category.code == parent_code))
        if parent is None:
            raise ValidationError(msg("上级分类“{parent_code}”不存在，请先建立上级分类。", parent_code=parent_code), field=msg("分类编码"))
    category = Category(code=code, name=name, level=level, parent=parent, rotation_lead_days=lead)
    session.add(category)
    session.flush()
    return category


def install_starter_tree(session: Session) -> int:
    """Create the starter categories that are missing; returns how many were added."""
    existing = set(session.scalars(select(Category.code)))
    added = 0
    for code, name, lead in STARTER_CATEGORIES:
        if code not in existing:
            _create_category(session, code, name, lead)
            added += 1
    return added


def category_by_code(session: Session, code: str) -> Category:
    category = session.scalar(select(Category).where(Category.code == normalise_category_code(code)))
    if category is None:
        raise NotFoundError(msg("没有编码为“{code}”的物资分类。", code=code), field=msg("分类编码"))
    return category


def _apply_item_fields(session: Session, item: Item, data: ItemInput) -> None:
    item.name = check_text(data.name, msg("物资名称"), max_length=200, required=True)
    item.unit = check_text(data.unit, msg("计量单位"), max_length=20, required=True)
    item.spec = check_text(data.spec, msg("规格型号"), max_length=200)
    item.category = category_by_code(session, data.category_code) if data.category_code else None
    for field, value, lowest in ((msg("保质期（月）"), data.shelf_life_months, 1),
                                 (msg("轮换提前期（天）"), data.rotation_lead_days, 0)):

        if value is not None and (not isinstance(value, int) or value < lowest or value > 10000):
            raise ValidationError(msg("{field}必须是不小于 {lowest} 的整数（现为 {value}）。",
                                      field=field, lowest=lowest, value=value), field=field)
    item.shelf_life_months = data.shelf_life_months
    item.rotation_lead_days = data.rotation_lead_days
    item.returnable = bool(data.returnable)
    if data.unit_price is not None and Decimal(data.unit_price) < 0:
        raise ValidationError(msg("单价不能为负数。"), field=msg("单价"))
    item.unit_price = Decimal(str(data.unit_price)).quantize(Decimal("0.01")) if data.unit_price is not None else None
    item.pinyin = pinyin_key(item.name)


def create_item(ctx: ServiceContext, data: ItemInput) -> Item:
    require_catalog_edit(ctx.actor)
    code = check_code(data.code, msg("物资编码"))
    with ctx.write() as session:
        if session.scalar(select(Item.id).where(Item.code == code)):
            raise ConflictError(msg("物资编码“{code}”已存在，请换一个编码。", code=code), field=msg("物资编码"))
        item = Item(code=code)
        _apply_item_fields(session, item, data)
        session.add(item)
        session.flush()
        ledger.audit(ctx, session, "create", "item", code, f"新建物资 {item.name}", after=_item_dict(data))
        return item


def update_item(ctx: ServiceContext, data: ItemInput) -> Item:
    require_catalog_edit(ctx.actor)
    with ctx.write() as session:
        item = item_by_code(session, data.code)
        before = item_snapshot(item)
        old_price = item.unit_price
        _apply_item_fields(session, item, data)
        session.flush()
        if item.unit_price != old_price:  # the balances of its batches without a price of their own
            reprice_item(session, item)
        ledger.audit(ctx, session, "update", "item", item.code, f"修改物资 {item.name}",
                     before=before, after=item_snapshot(item))
        return item


def item_snapshot(item: Item) -> dict:
    return {
        "code": item.code, "name": item.name, "spec": item.spec, "unit": item.unit,
        "category": item.category.code if item.category else None,
        "shelf_life_months": item.shelf_life_months, "rotation_lead_days": item.rotation_lead_days,
        "returnable": item.returnable, "unit_price": str(item.unit_price) if item.unit_price is not None else None,
    }


def _item_dict(data: ItemInput) -> dict:
    return {key: (str(value) if isinstance(value, Decimal) else value) for key, value in asdict(data).items()}


def effective_lead_days(item: Item) -> int:
    """The item's own rotation lead time, else its nearest category's, else 60 days."""
    if item.rotation_lead_days is not None:
        return item.rotation_lead_days
    category = item.category
    while category is not None:
        if category.rotation_lead_days is not None:
            return category.rotation_lead_days
        category = category.parent
    return DEFAULT_LEAD_DAYS


def list_categories(ctx: ServiceContext) -> list[Category]:
    with ctx.read() as session:
        return list(session.scalars(select(Category).order_by(Category.code)))


def list_items(ctx: ServiceContext) -> list[Item]:
    with ctx.read() as session:
        return list(session.scalars(select(Item).order_by(Item.code)))


def count_items(session: Session) -> int:
    return session.scalar(select(func.count(Item.id))) or 0
