"""Inspection schedules: defaults, due / overdue on fixed dates, rolling forward after a record,
failed results opening a scrap request or a repair note."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.errors import PermissionDeniedError, ValidationError
from models.services.catalog import ItemInput, create_item
from models.services.inspections import (
    InspectionInput, ScheduleInput, create_schedule, due_inspections, inspection_history,
    install_default_schedules, list_schedules, record_inspection,
)
from models.services.receiving import ReceiptLine, receive
from models.services.scrap_approval import list_scrap_requests
from models.services.stock_queries import stock_rows
from tests.conftest import make_ctx
from tests.rotation.helpers import user_ctx


@pytest.fixture
def maintained(admin, county):
    create_item(admin, ItemInput("GEN5", "柴油发电机组", "台", category_code="20202"))
    receive(admin, county.county_store, [
        ReceiptLine(county.tent, 10, batch_no="T-2025"),
        ReceiptLine("GEN5", 2, batch_no="G-2025"),
    ])
    receive(admin, county.county_store, [ReceiptLine(county.bags, 500, batch_no="BAG-2023")],
            doc_date=dt.date(2023, 5, 1))
    receive(admin, county.county_store, [ReceiptLine(county.bags, 100, batch_no="BAG-2024")],
            doc_date=dt.date(2024, 6, 9))
    assert install_default_schedules(admin, start_date=dt.date(2026, 6, 1)) == 7
    assert install_default_schedules(admin) == 0  # idempotent
    return county


def due_keys(ctx, **kwargs):
    return {(d.schedule_code, d.store_code, d.item_code, d.batch): (d.due_date, d.status)
            for d in due_inspections(ctx, **kwargs)}


def test_defaults_cover_domain_rules(admin, maintained):
    schedules = {s.code: s for s in list_schedules(admin)}
    assert {code: s.interval_months for code, s in schedules.items()} == {
        "GEN-RUN": 1, "PUMP-RUN": 1, "TENT-AIR": 6, "BED-AIR": 6, "STACK-TURN": 12, "SAMPLE-3Y": 12, "FIRE": 1}
    assert schedules["SAMPLE-3Y"].min_age_years == 3
    due = due_keys(admin)
    # per store: fire checks and turning stacks in all four stores
    assert {k[1] for k in due if k[0] == "FIRE"} == {"C001", "T001", "T002", "V001"}
    # per item held: tents and the generator, only where they are
    assert due[("TENT-AIR", "C001", "ZP12", None)] == (dt.date(2026, 6, 1), "due")
    assert due[("GEN-RUN", "C001", "GEN5", None)] == (dt.date(2026, 6, 1), "due")
    assert not any(k[0] == "PUMP-RUN" for k in due)
    # by batch: only the bags held three years (since 2023-05-01 -> due 2026-05-01, overdue)
    assert due[("SAMPLE-3Y", "C001", "BAG", "BAG-2023")] == (dt.date(2026, 6, 1), "due")
    assert not any(k[3] == "BAG-2024" for k in due)


def test_sample_test_due_date_from_held_since(admin, maintained, db):
    later = make_ctx(db, admin.actor, dt.date(2027, 6, 20))
    due = due_keys(later)
    assert due[("SAMPLE-3Y", "C001", "BAG", "BAG-2023")] == (dt.date(2026, 6, 1), "overdue")
    # BAG-2024 was received 2024-06-09: three years on 2027-06-09
    assert due[("SAMPLE-3Y", "C001", "BAG", "BAG-2024")] == (dt.date(2027, 6, 9), "overdue")


def test_schedule_rolls_forward_after_record(admin, maintained, db):
    record = record_inspection(admin, InspectionInput(
        "C001", "王保管", "pass", schedule_code="FIRE", photos=["/photos/fire-0601.jpg"]))
    assert record.next_due == dt.date(2026, 7, 1)
    assert ("FIRE", "C001", None, None) not in due_keys(admin)
    assert ("FIRE", "T001", None, None) in due_keys(admin)
    assert due_keys(admin, within_days=30)[("FIRE", "C001", None, None)] == (dt.date(2026, 7, 1), "due")
    july = make_ctx(db, admin.actor, dt.date(2026, 7, 2))
    assert due_keys(july)[("FIRE", "C001", None, None)] == (dt.date(2026, 7, 1), "overdue")
    # recording late moves the next one a month from the record, not from the old due date
    record_inspection(july, InspectionInput("C001", "王保管", "pass", schedule_code="FIRE"))
    assert due_keys(july, within_days=31)[("FIRE", "C001", None, None)] == (dt.date(2026, 8, 2), "due")
    # item-scoped: recording the tent airing moves it six months on
    record_inspection(admin, InspectionInput("C001", "李四", "pass", schedule_code="TENT-AIR", item_code="ZP12"))
    assert due_keys(admin, within_days=183)[("TENT-AIR", "C001", "ZP12", None)] == (dt.date(2026, 12, 1), "due")
    history = inspection_history(admin, store_code="C001")
    assert history[0].photos == () and any(h.photos == ("/photos/fire-0601.jpg",) for h in history)


def test_overdue_when_started_earlier(admin, county):
    install_default_schedules(admin, start_date=dt.date(2026, 5, 1))
    due = due_keys(admin, store_code="T001")
    assert due[("FIRE", "T001", None, None)] == (dt.date(2026, 5, 1), "overdue")
    assert set(k[1] for k in due) == {"T001"}


def test_failed_inspection_opens_scrap_request(admin, maintained):
    before = {r.batch: r.quantity for r in stock_rows(admin, store_code="C001")}
    record = record_inspection(admin, InspectionInput(
        "C001", "王保管", "fail", schedule_code="SAMPLE-3Y", item_code="BAG", batch_no="BAG-2023",
        problems="抽检 20 条，老化发脆", follow_up="scrap", scrap_quantity=200))
    assert record.scrap_number == "BF-C001-2026-0001"
    pending = list_scrap_requests(admin)
    assert [(p.number, p.reason_kind, p.lines[0].quantity) for p in pending] == [
        (record.scrap_number, "failed_inspection", Decimal(200))]
    assert {r.batch: r.quantity for r in stock_rows(admin, store_code="C001")} == before
    assert ("SAMPLE-3Y", "C001", "BAG", "BAG-2023") not in due_keys(admin, within_days=300)


def test_failed_inspection_repair_and_validation(admin, maintained):
    repaired = record_inspection(admin, InspectionInput(
        "C001", "王保管", "fail", schedule_code="GEN-RUN", item_code="GEN5",
        problems="启动困难", follow_up="repair", repair_note="更换火花塞"))
    assert repaired.follow_up == "repair"
    assert inspection_history(admin)[0].repair_note == "更换火花塞"
    with pytest.raises(ValidationError, match="问题"):
        record_inspection(admin, InspectionInput("C001", "王保管", "fail", schedule_code="FIRE"))
    with pytest.raises(ValidationError, match="指定物资"):
        record_inspection(admin, InspectionInput("C001", "王保管", "pass", schedule_code="TENT-AIR"))
    with pytest.raises(ValidationError, match="范围"):
        record_inspection(admin, InspectionInput("C001", "王保管", "pass", schedule_code="TENT-AIR",
                                                 item_code="GEN5"))
    with pytest.raises(ValidationError, match="晚于今天"):
        record_inspection(admin, InspectionInput("C001", "王保管", "pass", schedule_code="FIRE",
                                                 inspected_on="2026-06-02"))
    with pytest.raises(ValidationError, match="批次"):
        record_inspection(admin, InspectionInput("C001", "王保管", "fail", schedule_code="GEN-RUN",
                                                 item_code="GEN5", problems="x", follow_up="scrap",
                                                 scrap_quantity=1))


def test_keeper_records_only_in_own_store_and_custom_schedule(admin, maintained):
    keeper = user_ctx(admin, "keeper1", "keeper", ["T001"])
    record_inspection(keeper, InspectionInput("T001", "张三", "pass", schedule_code="FIRE"))
    with pytest.raises(PermissionDeniedError):
        record_inspection(keeper, InspectionInput("C001", "张三", "pass", schedule_code="FIRE"))
    assert {(d.schedule_code, d.store_code) for d in due_inspections(keeper)} == {("STACK-TURN", "T001")}
    with pytest.raises(PermissionDeniedError):
        create_schedule(keeper, ScheduleInput("X", "x", "other", 1))
    create_schedule(admin, ScheduleInput("BAG-CHECK", "编织袋防鼠检查", "other", 3, item_code="BAG",
                                         store_code="C001", start_date="2026-06-03"))
    assert due_keys(admin)[("BAG-CHECK", "C001", "BAG", None)] == (dt.date(2026, 6, 3), "due")


def test_recently_made_batches_are_not_sampled(admin, maintained, db):
    receive(admin, "C001", [ReceiptLine("BAG", 50, batch_no="BAG-NEW", production_date="2026-03-01")],
            doc_date=dt.date(2022, 1, 1))  # backdated receipt of goods made this year: held at most months
    later = make_ctx(db, admin.actor, dt.date(2027, 6, 20))
    assert not any(k[3] == "BAG-NEW" for k in due_keys(later))
    assert ("SAMPLE-3Y", "C001", "BAG", "BAG-2023") in due_keys(later)
