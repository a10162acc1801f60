"""Standards (定额标准): editing with validation, permissions and audit; shipped defaults and links."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models.context import Actor
from models.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from models.schema.audit import AuditEntry
from models.schema.enums import Role
from models.schema.standards import NeedBasis, NeedItem, Season
from models.services.adequacy import Scenario, assess
from models.services.catalog import ItemInput, create_item
from models.services.receiving import ReceiptLine, receive
from models.services.standards import (
    SUMMER_DEFAULT,
    WINTER_DEFAULT,
    NeedInput,
    add_need,
    copy_standard,
    create_standard,
    delete_need,
    delete_standard,
    ensure_default_standards,
    get_standard,
    link_default_items,
    link_item,
    list_standards,
    parse_ratio,
    rename_standard,
    unlink_item,
    update_need,
    update_standard,
)
from tests.conftest import make_ctx


def audit_count(db, entity_prefix="standard") -> int:
    with db.read() as session:
        return session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.entity.like(f"{entity_prefix}%")))


def test_defaults_match_the_domain_quota_table(admin, db):
    assert ensure_default_standards(admin) == [SUMMER_DEFAULT, WINTER_DEFAULT]
    assert ensure_default_standards(admin) == []  # idempotent
    summer = {n.name: n for n in get_standard(admin, SUMMER_DEFAULT).needs}
    winter = {n.name: n for n in get_standard(admin, WINTER_DEFAULT).needs}
    assert (summer["饮用水"].basis, summer["饮用水"].quota, summer["饮用水"].unit) == (NeedBasis.PER_PERSON_DAY, 3, "L")
    assert summer["主食（粮食）"].quota == Decimal("0.5")
    assert (summer["帐篷（12㎡当量）"].basis, summer["帐篷（12㎡当量）"].quota) == (NeedBasis.PER_PERSONS, 3)
    assert summer["家庭应急包"].quota == 3 and summer["厕所（帐篷或移动）"].quota == 50
    assert summer["折叠床（或防潮垫）"].quota == 1 and summer["毛巾被（或棉被）"].quota == 1
    assert summer["肥皂"].unit == "kg" and summer["肥皂"].quota == Decimal("0.008333333")
    assert "棉大衣" not in summer and winter["棉大衣"].quota == 1 and "棉被" in winter
    assert get_standard(admin, None).name == SUMMER_DEFAULT
    assert get_standard(admin, WINTER_DEFAULT).season is Season.WINTER
    assert audit_count(db) == 1


def test_soap_for_5000_people_15_days_is_625_kg(admin, county):
    ensure_default_standards(admin)
    report = assess(admin, Scenario(people=5000, days=15))
    soap = next(line for line in report.lines if line.need == "肥皂")
    assert soap.required == Decimal(625)


def test_create_edit_link_and_audit(admin, county, db):
    create_standard(admin, "县标准", "说明", "冬季")
    add_need(admin, "县标准", NeedInput("饮用水", "L", "每人每天", "2.5"))
    add_need(admin, "县标准", NeedInput("照明", "盏", "fixed", 30))
    link_item(admin, "县标准", "饮用水", county.water, "0.55")
    link_item(admin, "县标准", "饮用水", county.water, "0.5")  # relinking changes the factor
    info = get_standard(admin, "县标准")
    assert info.season is Season.WINTER
    assert [n.name for n in info.needs] == ["饮用水", "照明"]
    assert [(i.item_code, i.factor) for i in info.needs[0].items] == [(county.water, Decimal("0.5"))]
    update_need(admin, "县标准", "照明", NeedInput("照明灯", "盏", "fixed", 40, sort_order=1))
    assert [n.name for n in get_standard(admin, "县标准").needs] == ["照明灯", "饮用水"]
    unlink_item(admin, "县标准", "饮用水", county.water)
    assert get_standard(admin, "县标准").needs[1].items == ()
    delete_need(admin, "县标准", "照明灯")
    update_standard(admin, "县标准", description="新说明", season="summer")
    assert get_standard(admin, "县标准").description == "新说明"
    rename_standard(admin, "县标准", "县标准2")
    delete_standard(admin, "县标准2")
    assert all(s.name != "县标准2" for s in list_standards(admin))
    assert audit_count(db) == 11  # one entry per change
    with db.read() as session:
        assert session.scalar(select(func.count(NeedItem.id))) == 0


def test_copy_keeps_needs_and_links_and_is_independent(admin, county):
    ensure_default_standards(admin)
    link_item(admin, SUMMER_DEFAULT, "饮用水", county.water, "0.55")
    copy = copy_standard(admin, SUMMER_DEFAULT, "我的夏季标准")
    assert not copy.is_builtin and len(copy.needs) == 8
    assert copy.needs[0].items[0].factor == Decimal("0.55")
    update_need(admin, "我的夏季标准", "饮用水", NeedInput("饮用水", "L", "per_person_day", 2))
    assert get_standard(admin, SUMMER_DEFAULT).needs[0].quota == 3


@pytest.mark.parametrize("call, error, words", [
    (lambda ctx, c: create_standard(ctx, ""), ValidationError, "标准名称不能为空"),
    (lambda ctx, c: create_standard(ctx, SUMMER_DEFAULT), ConflictError, "已有名为"),
    (lambda ctx, c: add_need(ctx, SUMMER_DEFAULT, NeedInput("饮用水", "L", "fixed", 1)), ConflictError, "已有需求项"),
    (lambda ctx, c: add_need(ctx, SUMMER_DEFAULT, NeedInput("新", "L", "weekly", 1)), ValidationError, "计算方式"),
    (lambda ctx, c: add_need(ctx, SUMMER_DEFAULT, NeedInput("新", "L", "fixed", 0)), ValidationError, "目标数量必须大于 0"),
    (lambda ctx, c: add_need(ctx, SUMMER_DEFAULT, NeedInput("新", "L", "per_persons", "-3")), ValidationError, "每件覆盖人数"),
    (lambda ctx, c: add_need(ctx, SUMMER_DEFAULT, NeedInput("新", "", "fixed", 1)), ValidationError, "计量单位"),
    (lambda ctx, c: link_item(ctx, SUMMER_DEFAULT, "饮用水", c.water, "abc"), ValidationError, "折算系数"),
    (lambda ctx, c: link_item(ctx, SUMMER_DEFAULT, "饮用水", "NOPE", 1), NotFoundError, "NOPE"),
    (lambda ctx, c: link_item(ctx, SUMMER_DEFAULT, "没有", c.water, 1), NotFoundError, "没有需求项"),
    (lambda ctx, c: delete_standard(ctx, SUMMER_DEFAULT), ConflictError, "不能删除"),
    (lambda ctx, c: rename_standard(ctx, WINTER_DEFAULT, "x"), ConflictError, "不能改名"),
    (lambda ctx, c: unlink_item(ctx, SUMMER_DEFAULT, "饮用水", c.water), NotFoundError, "没有关联"),
])
def test_refusals_name_the_field_and_change_nothing(admin, county, db, call, error, words):
    ensure_default_standards(admin)
    before = audit_count(db)
    with pytest.raises(error) as caught:
        call(admin, county)
    assert words in caught.value.message
    assert audit_count(db) == before


def test_parse_ratio_accepts_fractions():
    assert parse_ratio("0.25/30", "定额") == Decimal("0.008333333")
    assert parse_ratio(3, "定额") == 3 and parse_ratio("1,000", "定额") == 1000
    with pytest.raises(ValidationError):
        parse_ratio("1/0", "定额")
    with pytest.raises(ValidationError):
        parse_ratio("1e10", "定额")


def test_viewers_and_keepers_read_but_cannot_edit(admin, county, db):
    ensure_default_standards(admin)
    for role in (Role.VIEWER, Role.KEEPER):
        ctx = make_ctx(db, Actor(None, "someone", role))
        assert len(list_standards(ctx)) == 2
        with pytest.raises(PermissionDeniedError):
            create_standard(ctx, "x")
        with pytest.raises(PermissionDeniedError):
            link_item(ctx, SUMMER_DEFAULT, "饮用水", county.water, 1)
    officer = make_ctx(db, Actor(None, "officer", Role.OFFICER))
    create_standard(officer, "科室标准")


def test_link_default_items_by_name_spec_and_category(admin, county, db):
    create_item(admin, ItemInput("ZP36", "救灾帐篷", "顶", spec="36㎡ 棉帐篷", category_code="10101"))
    create_item(admin, ItemInput("ZPWS", "卫生间帐篷", "顶", spec="单间", category_code="10602"))
    create_item(admin, ItemInput("BOX", "瓶装饮用水", "箱", spec="550ml×24瓶/箱", category_code="10501"))
    create_item(admin, ItemInput("SOAP", "肥皂", "块", spec="125g", category_code="10601"))
    create_item(admin, ItemInput("PUMP", "净水器", "台", spec="2t/h", category_code="10502"))
    ensure_default_standards(admin)
    with db.write() as session:
        added = link_default_items(session)
    with db.write() as session:
        assert link_default_items(session) == 0  # only missing links are added
    summer = {n.name: {i.item_code: i.factor for i in n.items} for n in get_standard(admin, SUMMER_DEFAULT).needs}
    assert summer["饮用水"] == {county.water: Decimal("0.55"), "BOX": Decimal("13.2")}
    assert summer["帐篷（12㎡当量）"] == {county.tent: 1, "ZP36": 3}
    assert summer["厕所（帐篷或移动）"] == {"ZPWS": 1}
    assert summer["主食（粮食）"] == {county.rice: 1}
    assert summer["肥皂"] == {"SOAP": Decimal("0.125")}
    assert added == sum(len(v) for v in summer.values()) * 2 - 0  # winter has the same links here
    receive(admin, county.county_store, [ReceiptLine("ZP36", 100), ReceiptLine("SOAP", 5000)])
    report = assess(admin, Scenario(people=600, days=15))
    lines = {line.need: line for line in report.lines}
    assert lines["帐篷（12㎡当量）"].own == 300 and lines["帐篷（12㎡当量）"].coverage == Decimal("1.5")
    assert lines["肥皂"].own == 625 and lines["肥皂"].required == 75
