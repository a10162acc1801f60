"""Catalogue (categories, items) and stores: validation, edits kept in step, audit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from models.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from models.schema.audit import AuditEntry
from models.schema.enums import Role, StoreLevel
from models.schema.stock import Balance
from models.services.catalog import (
    ItemInput, create_category, create_item, effective_lead_days, pinyin_key, update_item,
)
from models.services.lookup import item_by_code
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from models.services.warehouses import StoreInput, create_store, list_stores, update_store
from models.context import Actor
from tests.conftest import make_ctx


def test_pinyin_key_finds_tents_by_initials():
    assert pinyin_key("帐篷").startswith("zp ")
    assert "zhangpeng" in pinyin_key("救灾帐篷")


def test_category_codes_follow_gbt_38565(admin, county):
    category = create_category(admin, "1010300", "棉帐篷", rotation_lead_days=None)
    assert category.code == "10103" and category.level == 3
    with pytest.raises(ValidationError, match="格式不对"):
        create_category(admin, "1234", "bad")
    with pytest.raises(ValidationError, match="上级分类"):
        create_category(admin, "40101", "orphan")
    with pytest.raises(ConflictError):
        create_category(admin, "101", "again")


def test_item_validation_and_update_are_audited(admin, county, db):
    with pytest.raises(ValidationError, match="计量单位"):
        create_item(admin, ItemInput("NEW1", "手摇发电机", " "))
    with pytest.raises(ConflictError, match="已存在"):
        create_item(admin, ItemInput(county.water, "水", "瓶"))
    with pytest.raises(NotFoundError):
        create_item(admin, ItemInput("NEW2", "x", "个", category_code="999"))
    with pytest.raises(ValidationError, match="保质期"):
        create_item(admin, ItemInput("NEW3", "x", "个", shelf_life_months=0))
    update_item(admin, ItemInput(county.water, "瓶装饮用水", "箱", spec="550ml×24", category_code="10501",
                                 shelf_life_months=12, unit_price=Decimal("28.50")))
    with db.read() as session:
        item = item_by_code(session, county.water)
        assert (item.unit, item.unit_price, item.shelf_life_months) == ("箱", Decimal("28.5"), 12)
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "item",
                                                         AuditEntry.action == "update")).one()
        assert '"unit": "瓶"' in entry.before_json and '"unit": "箱"' in entry.after_json


def test_effective_lead_days_item_then_category_then_default(admin, county, db):
    with db.read() as session:
        assert effective_lead_days(item_by_code(session, county.water)) == 90  # drinking water category
        assert effective_lead_days(item_by_code(session, county.tent)) == 60  # default
    update_item(admin, ItemInput(county.tent, "救灾帐篷", "顶", category_code="10101", rotation_lead_days=10))
    with db.read() as session:
        assert effective_lead_days(item_by_code(session, county.tent)) == 10


def test_store_validation_and_level_change_updates_balances(admin, county, db):
    with pytest.raises(ValidationError, match="级别"):
        create_store(admin, StoreInput("S9", "新库", "省级", "320101"))
    with pytest.raises(ConflictError):
        create_store(admin, StoreInput(county.county_store, "重复", "county", "320101"))
    receive(admin, county.township_store, [ReceiptLine(county.bags, 10)])
    update_store(admin, StoreInput(county.township_store, "城关镇储备库", "county", "320101001", floor_area="88.5"))
    with db.read() as session:
        assert {b.store_level for b in session.scalars(select(Balance))} == {StoreLevel.COUNTY}
    assert [r.level for r in stock_rows(admin, level="county")] == [StoreLevel.COUNTY]


def test_keeper_reads_only_assigned_stores_and_cannot_edit_catalogue(admin, county, db):
    receive(admin, county.county_store, [ReceiptLine(county.bags, 10)])
    receive(admin, county.township_store, [ReceiptLine(county.bags, 5)])
    store_ids = {s.code: s.id for s in list_stores(admin)}
    keeper = make_ctx(db, Actor(None, "k1", Role.KEEPER, frozenset({store_ids[county.township_store]})))
    assert [r.store_code for r in stock_rows(keeper)] == [county.township_store]
    assert [s.code for s in list_stores(keeper)] == [county.township_store]
    with pytest.raises(PermissionDeniedError):
        create_item(keeper, ItemInput("K1", "x", "个"))
    with pytest.raises(PermissionDeniedError, match="保管员"):
        receive(keeper, county.county_store, [ReceiptLine(county.bags, 1)])
    receive(keeper, county.township_store, [ReceiptLine(county.bags, 1)])


def test_listing_stores_reads_their_areas_in_one_query_not_one_per_store(db, admin, county):
    """The navigation tree lists every store with its area; at city scale (3,200 stores) one query per
    store kept the program's start at seconds."""
    from sqlalchemy import event

    from models.services.warehouses import list_stores

    statements = []
    listener = lambda conn, cursor, statement, *args: statements.append(statement)  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        stores = list_stores(admin)
        names = [store.area.name for store in stores]  # no lazy load after the session closed
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len(stores) == 4 and all(names)
    assert len([s for s in statements if "areas" in s.lower()]) == 1, statements
