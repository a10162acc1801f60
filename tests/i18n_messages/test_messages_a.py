"""Refusals from agreements, dispatch, maintenance/scrap, standards/adequacy and the audit trail speak
English once the screens install the English catalogue, and stay Chinese for the command line."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from desktop import i18n
from models import messages
from models.context import Actor
from models.errors import (ConflictError, DomainError, InsufficientStockError, NotFoundError, PermissionDeniedError,
                           ValidationError)
from models.schema.enums import Role
from models.services import dispatch
from models.services.adequacy import Scenario, resolve_scenario
from models.services.agreements import AgreementInput, EnterpriseInput, LineInput, create_agreement
from models.services.audit_queries import search_audit
from models.services.credit_code import validate_credit_code
from models.services.receiving import ReceiptLine, receive
from models.services.scrap_approval import request_scrap
from models.services.scrapping import ScrapLine
from models.services.standards import SUMMER_DEFAULT, ensure_default_standards, rename_standard, standard_by_name
from tests.agreements.helpers import SUPERMARKET
from tests.conftest import FIXED_TODAY, make_ctx
from tests.dispatch.conftest import create, officer, stocked  # noqa: F401 (fixtures)


@pytest.fixture
def english():
    """The messages context of the committed English Linguist source, installed like the desktop does."""
    root = ET.parse(i18n.translations_dir() / "reserve_keeper_en.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == i18n.MESSAGES_CONTEXT)
    table = {m.findtext("source"): m.findtext("translation") for m in context.iter("message")}
    messages.set_translator(lambda template: table.get(template) or template)
    yield
    messages.set_translator(None)


def refusal(error_type, action, *args, **kwargs) -> DomainError:
    with pytest.raises(error_type) as caught:
        action(*args, **kwargs)
    return caught.value


def _agreement(county, **changes) -> AgreementInput:
    fields = dict(number="XY-EN-01", enterprise=EnterpriseInput("示例超市连锁有限公司", SUPERMARKET), agreement_type="physical",
                  start_date="2026-01-01", end_date="2026-12-31", lines=[LineInput(county.water, 100, 80)])
    fields.update(changes)
    return AgreementInput(**fields)


# ---------------------------------------------------------------- agreements, credit code


def test_agreement_refusals_speak_english(admin, county, english):
    error = refusal(ValidationError, create_agreement, admin, _agreement(county, end_date="2025-12-31"))
    assert error.message == "End date 2025-12-31 is before start date 2026-01-01: check the agreement's term."
    assert error.chinese == "结束日期 2025-12-31 早于开始日期 2026-01-01，请检查协议期限。"

    nameless = _agreement(county, enterprise=EnterpriseInput("", SUPERMARKET))
    assert refusal(ValidationError, create_agreement, admin, nameless).message == "Enterprise name must not be empty."

    minimum_too_high = _agreement(county, lines=[LineInput(county.water, 100, 120)])
    assert refusal(ValidationError, create_agreement, admin, minimum_too_high).message == (
        "Line 1 “瓶装饮用水”: the minimum quantity 120 is more than the agreed quantity 100; lower the minimum.")


def test_credit_code_hint_is_english_too(english):
    error = refusal(ValidationError, validate_credit_code, "91320101MA1XYW00OD")
    assert error.message == (
        "Character 17 of Unified social credit code, “O”, is not allowed: only digits and capital letters other"
        " than I, O, Z, S and V (codes never use I, O, Z, S or V; it is probably a mistyped 1, 0, 2, 5 or U).")


def test_without_the_catalogue_the_agreement_refusal_stays_chinese(admin, county):
    error = refusal(ValidationError, create_agreement, admin, _agreement(county, end_date="2025-12-31"))
    assert error.message == "结束日期 2025-12-31 早于开始日期 2026-01-01，请检查协议期限。"


# ---------------------------------------------------------------- dispatch


def test_a_short_approval_lists_each_shortage_in_english(admin, officer, stocked, english):
    first = create(admin, stocked, (stocked.tent, 12), area=None)
    second = create(admin, stocked, (stocked.tent, 10), area=None)
    dispatch.approve(officer, first.number)
    error = refusal(InsufficientStockError, dispatch.approve, officer, second.number)
    assert error.message == (
        f"Dispatch order {second.number} cannot be approved, stock is short: line 1 “救灾帐篷”: store “县应急物资储备库”"
        " has 8 顶 available (12 顶 more is reserved by other dispatch orders), this order needs 10 顶, 2 顶 short."
        " Supply from other stores or agreement reserves, or reduce the quantities, then approve again.")
    assert "库存不足" in error.chinese and "；" not in error.chinese


def test_a_line_error_keeps_its_line_number_and_field_label_in_english(admin, stocked, english):
    error = refusal(ValidationError, create, admin, stocked, (stocked.tent, 1), (stocked.water, "abc"))
    assert error.message == "Line 2: Quantity “abc” is not a number: enter a number such as 100 or 12.5."
    assert error.chinese == "第 2 行：数量“abc”不是数字，请填写如 100 或 12.5 的数。"


def test_an_unknown_order_is_reported_in_english_through_the_qt_catalogue(qapp, admin, county):
    i18n.compile_translations()
    i18n.install_language("en")
    try:
        error = refusal(NotFoundError, dispatch.order_view, admin, "DB-2026-9999")
        assert error.message == "There is no dispatch order numbered “DB-2026-9999”: check the number."
    finally:
        i18n.install_language("zh_CN")
    assert error.message == "没有单号为“DB-2026-9999”的调拨单，请检查单号。"


def test_a_wrong_state_names_the_action_in_english(admin, stocked, english):
    order = create(admin, stocked, (stocked.tent, 1), area=None)
    error = refusal(ConflictError, dispatch.issue, admin, order.number)
    assert error.message.startswith(f"Dispatch order {order.number} is “")  # the status label is the schema's
    assert ": to issue, the order must be “" in error.message
    assert error.chinese.endswith("的调拨单可以出库。")


# ---------------------------------------------------------------- scrap requests


def test_a_scrap_request_beyond_the_batch_is_refused_in_english(admin, county, english):
    receive(admin, county.county_store, [ReceiptLine(county.water, 10, batch_no="W-1")], supplier="县粮油公司")
    request_scrap(admin, county.county_store, [ScrapLine(county.water, "W-1", 6)], reason_kind="damaged")
    error = refusal(InsufficientStockError, request_scrap, admin, county.county_store,
                    [ScrapLine(county.water, "W-1", 5)], reason_kind="damaged")
    assert error.message == (
        "Line 1: only 4 瓶 of “瓶装饮用水” batch “W-1” in store “县应急物资储备库” can be scrapped"
        " (6 瓶 more is in other scrap requests awaiting approval), less than 5 瓶.")
    assert refusal(ValidationError, request_scrap, admin, county.county_store, [],
                   reason_kind="damaged").message == "A scrap request needs at least one item line."


# ---------------------------------------------------------------- standards and adequacy


def test_scenario_and_standard_refusals_speak_english(admin, english):
    error = refusal(ValidationError, resolve_scenario, Scenario(people="很多", days=3), FIXED_TODAY)
    assert error.message == ("Number of people “很多” is not a whole number: enter the number of people to shelter,"
                             " e.g. 5000.")
    with admin.read() as session:
        missing = refusal(NotFoundError, standard_by_name, session, "不存在的标准")
    assert missing.message.startswith("There is no standard named “不存在的标准”. Existing standards: ")
    ensure_default_standards(admin)
    error = refusal(ConflictError, rename_standard, admin, SUMMER_DEFAULT, "我的标准")
    assert error.message == (f"“{SUMMER_DEFAULT}” is a built-in default standard: you cannot rename it."
                             " Copy it first, then rename the copy.")


# ---------------------------------------------------------------- audit trail


def test_a_keeper_is_refused_the_audit_trail_in_english(db, english):
    keeper = make_ctx(db, Actor(None, "k", Role.KEEPER, frozenset({1})))
    error = refusal(PermissionDeniedError, search_audit, keeper)
    assert error.message == ("The audit log covers all stores, so a keeper (k) cannot view it. Ask an administrator"
                             " or the business office.")
    assert "保管员（k）不能查看" in error.chinese


# ---------------------------------------------------------------- texts shown on screens (not refusals)


def test_scope_and_schedule_texts_can_be_shown_in_english(admin, county, english):
    from models.messages import localize
    from models.services.adequacy import assess
    from models.services.inspections import install_default_schedules, list_schedules
    ensure_default_standards(admin)
    report = assess(admin, Scenario(people=100, days=3))
    assert report.scope_label == "全部储备库" and localize(report.scope_label) == "All stores"
    install_default_schedules(admin)
    scopes = {s.code: s.scope for s in list_schedules(admin)}
    assert scopes["SAMPLE-3Y"] == "每个批次（储存满 3 年）"
    assert localize(scopes["SAMPLE-3Y"]) == "Every batch (stored 3 years or more)"
    assert localize(scopes["FIRE"]) == "Every store"
