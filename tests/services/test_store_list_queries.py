"""``warehouses.store_list``: what the 储备库 screen shows, as plain rows read in three statements
(issue 10), with the same stores, order, fields and stock-line counts as the ORM listing it replaces."""

from __future__ import annotations

from decimal import Decimal

from models.context import Actor
from models.schema.enums import Role, StoreLevel
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.stock_view_queries import store_line_counts
from models.services.warehouses import StoreInput, create_store, list_areas, list_stores, store_for_edit, store_list
from tests.benchmarks_smoke.test_query_counts import counted
from tests.conftest import make_ctx


def orm_listing(ctx) -> list[tuple]:
    """The rows as the screen built them before: ``list_stores`` and ``store_line_counts``."""
    counts = store_line_counts(ctx)
    return [(s.id, s.code, s.name, s.level, s.area_id, s.area.name, s.address, s.keeper_name, s.keeper_phone,
             s.floor_area, counts.get(s.code, 0)) for s in list_stores(ctx)]


def plain_listing(ctx) -> list[tuple]:
    return [(r.id, r.code, r.name, r.level, r.area_id, r.area_name, r.address, r.keeper_name, r.keeper_phone,
             r.floor_area, r.lines) for r in store_list(ctx).stores]


def add_stores(admin) -> None:
    # more stores than areas, levels out of code order, a floor area, an emptied line
    create_store(admin, StoreInput("A900", "甲村储备点", "village", "320101001001", address="东村口",
                                   keeper_name="钱七", keeper_phone="0510-1", floor_area="88.25"))
    create_store(admin, StoreInput("Z100", "乙县二库", "county", "320101", floor_area="1200"))
    create_store(admin, StoreInput("B200", "河口镇二点", "township", "320101002"))
    receive(admin, "A900", [ReceiptLine("W500", 5, batch_no="A-1", expiry_date="2027-06-30"),
                            ReceiptLine("ZP12", 1, batch_no="A-2")])
    receive(admin, "B200", [ReceiptLine("BAG", 3)])
    issue(admin, "B200", [IssueLine("BAG", 3)], receiver="河口镇")  # its only line is now zero


def test_store_list_matches_the_orm_listing(db, admin, county):
    add_stores(admin)
    receive(admin, county.county_store, [ReceiptLine(county.water, 10, batch_no="W-1", expiry_date="2027-06-30"),
                                         ReceiptLine(county.tent, 2, batch_no="T-1")])
    listing = plain_listing(admin)
    assert listing == orm_listing(admin)
    assert [row[1] for row in listing] == ["C001", "Z100", "B200", "T001", "T002", "A900", "V001"]  # level, code
    by_code = {row[1]: row for row in listing}
    assert by_code["A900"][5:] == ("东村", "东村口", "钱七", "0510-1", Decimal("88.25"), 2)
    assert by_code["Z100"][3] is StoreLevel.COUNTY and by_code["Z100"][9] == Decimal("1200")
    assert by_code["B200"][10] == 0 and by_code["C001"][10] == 2
    areas = store_list(admin).areas
    assert [(a.id, a.parent_id, a.code, a.name) for a in areas] == [
        (a.id, a.parent_id, a.code, a.name) for a in list_areas(admin)]


def test_a_keeper_lists_only_the_assigned_stores(db, admin, county):
    add_stores(admin)
    ids = {row[1]: row[0] for row in plain_listing(admin)}
    keeper = make_ctx(db, Actor(None, "k1", Role.KEEPER, frozenset({ids["A900"], ids["T002"]})))
    listing = plain_listing(keeper)
    assert [row[1] for row in listing] == ["T002", "A900"]
    assert listing == orm_listing(keeper)
    assert [row[10] for row in listing] == [0, 2]
    nobody = make_ctx(db, Actor(None, "k2", Role.KEEPER, frozenset()))
    assert store_list(nobody).stores == [] and len(store_list(nobody).areas) == 4


def test_store_list_reads_in_three_statements_however_many_stores(db, admin, county):
    receive(admin, county.township_store, [ReceiptLine(county.bags, 1)])
    with counted(db) as statements:
        few = store_list(admin)
    assert len(statements) == 3, statements  # areas, the stock lines per store, the stores
    add_stores(admin)
    with counted(db) as statements:
        more = store_list(admin)
    assert len(statements) == 3, statements
    assert len(more.stores) == len(few.stores) + 3


def test_store_for_edit_has_its_area_loaded(db, admin, county):
    store = store_for_edit(admin, county.village_store)
    assert store.code == county.village_store and store.area.code == "320101001001"  # after the session closed
