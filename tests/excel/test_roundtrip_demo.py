"""Round trip on the real demo county (issue 8, "done when"): demo database → export → import into an
empty database → the full ``stock --json`` and ``adequacy --json`` outputs are identical, through the
command-line contract; importing the same file again changes nothing. A second test builds the
agreement history the demo lacks (call-ups before and after the latest check, a replenishment after
it) and a reservation, and checks they come back with the same figures."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select

from models.cli import main
from models.demo import load_demo
from models.documents.excel_export import export_workbook
from models.documents.excel_import import import_workbook
from models.schema.agreements import AgreementCallUp, AgreementCheck, AgreementReplenishment
from models.schema.catalog import Item
from models.schema.dispatch import DispatchOrder, DispatchStatus
from models.schema.stock import Balance
from models.services import agreements, dispatch
from models.services.adequacy import Scenario, assess
from models.services.dispatch import DispatchLineInput, DispatchRequest
from models.services.stock_queries import stock_rows
from models.services.verify import verify
from tests.excel.builders import credit_code
from tests.excel.test_roundtrip import admin_ctx, empty_twin, populate

STANDARDS = ("国家/Sphere 夏季", "国家/Sphere 冬季", "临江县汛期标准")


def cli(capsys, *args) -> tuple[int, object]:
    code = main([str(a) for a in args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def outputs(capsys, url: str) -> dict:
    """What the round trip must reproduce, as the CLI prints it (JSON)."""
    result = {"stock": cli(capsys, "--db", url, "--json", "stock")}
    for standard in STANDARDS:
        for extra in ((), ("--as-of", "2026-06-01"), ("--level", "county"), ("--max-response-hours", "12")):
            result[(standard, extra)] = cli(capsys, "--db", url, "--json", "adequacy", "--people", 8000,
                                            "--days", 10, "--standard", standard, *extra)
    return result


def counts(database) -> tuple[int, ...]:
    with database.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) for model in
                     (DispatchOrder, AgreementCheck, AgreementCallUp, AgreementReplenishment))


def test_demo_export_import_gives_identical_stock_and_adequacy(request, backend, admin, tmp_path, capsys):
    load_demo(admin)
    url = admin.db.url
    before = outputs(capsys, url)
    assert all(code == 0 for code, _ in before.values())
    with admin.read() as session:  # the demo has an approved dispatch order (stock --json shows no reservations)
        reserved = session.scalar(select(func.sum(Balance.reserved)))
    assert reserved > 0
    code, exported = cli(capsys, "--db", url, "--json", "export", tmp_path / "demo.xlsx")
    assert code == 0 and exported["sheets"]["库存"] == len(before["stock"][1])
    sheet = openpyxl.load_workbook(tmp_path / "demo.xlsx", read_only=True)["代储协议"]
    header = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert {"最近核查日期", "核查数量", "已调用数量", "核查后调用数量"} <= set(header)
    twin = empty_twin(request, backend, admin.db, tmp_path)
    try:
        admin_ctx(twin)
        code, report = cli(capsys, "--db", twin.url, "--json", "import", tmp_path / "demo.xlsx")
        assert code == 0 and report["ok"], report
        assert report["created"]["batches"] == len(before["stock"][1])
        after = outputs(capsys, twin.url)
        for key in before:
            assert after[key] == before[key], key
        assert verify(twin).ok
        with twin.read() as session:
            assert session.scalar(select(func.sum(Balance.reserved))) == reserved
        records = counts(twin)
        code, again = cli(capsys, "--db", twin.url, "--json", "import", tmp_path / "demo.xlsx")
        assert code == 0 and again["created"] == dict.fromkeys(("stores", "items", "batches", "agreements", "standards"), 0)
        assert counts(twin) == records  # no second reservation order, check or call-up
        assert outputs(capsys, twin.url) == before
    finally:
        twin.dispose()


def history(ctx, county) -> None:
    """Call-ups before and after the latest check, a replenishment after it, and a reservation."""
    populate(ctx, county)
    noon = lambda day: dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12)).astimezone()  # noqa: E731
    first = agreements.call_up(ctx, "XY-2026-01", county.water, 3000, called_at=noon("2026-03-01")).call_up_id
    agreements.record_check(ctx, "XY-2026-01", "2026-04-01", "李科长", {county.water: 16000, county.rice: 5000})
    agreements.call_up(ctx, "XY-2026-01", county.rice, 1000, called_at=noon("2026-04-01"))  # same day: after
    agreements.call_up(ctx, "XY-2026-01", county.water, 2000, called_at=noon("2026-05-01"))
    agreements.replenish(ctx, first, 2500, replenished_at=noon("2026-05-10"))
    agreements.create_agreement(ctx, agreements.AgreementInput(  # outstanding call-up, never checked
        number="XY-2026-03", enterprise=agreements.EnterpriseInput("某粮油有限公司", credit_code("91320100MA1MCCCC3")),
        agreement_type="实物代储", start_date="2026-02-01", end_date="2026-12-31",
        lines=[agreements.LineInput(county.rice, 4000)], response_hours=12))
    agreements.activate_agreement(ctx, "XY-2026-03")
    agreements.call_up(ctx, "XY-2026-03", county.rice, 700, called_at=noon("2026-05-20"))
    order = dispatch.create_request(ctx, DispatchRequest("河口镇人民政府", "河口镇安置点", [
        DispatchLineInput(county.water, 5000), DispatchLineInput(county.tent, 5)], reason="汛期转移安置"))
    dispatch.approve(ctx, order.number)


def supply(ctx) -> list:
    with ctx.read() as session:
        codes = dict(session.execute(select(Item.id, Item.code)).all())
        return [(s.agreement_number, codes[s.item_id], s.quantity) for s in agreements.agreement_supply(
            session, as_of=ctx.today(), last_day=ctx.today())]


def test_checks_call_ups_and_reservations_come_back_with_the_same_figures(request, backend, admin, county, tmp_path):
    history(admin, county)
    before = {"stock": stock_rows(admin), "supply": supply(admin),
              "adequacy": assess(admin, Scenario(people=5000, days=15, standard="本县夏季")).as_json()}
    assert sum(row.reserved for row in before["stock"]) == 5005
    assert (("XY-2026-01", Decimal("16500")) in {(n, q) for n, _, q in before["supply"]}
            and ("XY-2026-03", Decimal("3300")) in {(n, q) for n, _, q in before["supply"]})
    path = export_workbook(admin, tmp_path / "h.xlsx").path
    rows = {(r[0], r[8]): r[16:20] for r in openpyxl.load_workbook(path)["代储协议"].iter_rows(min_row=3, values_only=True)
            if r[8]}
    assert rows[("XY-2026-01", county.water)] == (dt.datetime(2026, 4, 1), 16000, 2500, -500)
    assert rows[("XY-2026-01", county.rice)] == (dt.datetime(2026, 4, 1), 5000, 1000, 1000)
    assert rows[("XY-2026-03", county.rice)] == (None, None, 700, None)
    twin = empty_twin(request, backend, admin.db, tmp_path)
    try:
        ctx = admin_ctx(twin)
        report = import_workbook(ctx, path, as_of=dt.date(2026, 6, 1))
        assert report.ok, [str(p) for p in report.errors]
        assert any("期初预留" in w.message for w in report.warnings)
        after = {"stock": stock_rows(ctx), "supply": supply(ctx),
                 "adequacy": assess(ctx, Scenario(people=5000, days=15, standard="本县夏季")).as_json()}
        for key in before:
            assert after[key] == before[key], key
        assert verify(twin).ok
        with twin.read() as session:
            order = session.scalar(select(DispatchOrder))
            assert order.status is DispatchStatus.APPROVED and "期初预留" in order.requesting_unit
            assert sum(s.reserved for line in order.lines for s in line.sources) == 5005
        records = counts(twin)
        assert import_workbook(ctx, path).ok
        assert counts(twin) == records and stock_rows(ctx) == before["stock"]
        # the imported reservation order works like any approved order: cancelling it releases the goods
        dispatch.cancel(ctx, order.number, reason="核实后作废")
        with twin.read() as session:
            assert session.scalar(select(func.sum(Balance.reserved))) == 0
    finally:
        twin.dispose()


@pytest.mark.parametrize("values, column", [
    ({"reserved": 50}, "已预留数量"),  # more than the 40 on hand
    ({"check_date": "2026-05-01"}, "核查数量"),  # a date without the quantity found
    ({"outstanding": 100, "since_check": 300, "check_date": "2026-05-01", "found": 10}, "已调用数量"),
    ({"check_date": "2025-12-01", "found": 10}, "最近核查日期"),  # before the agreement starts
])
def test_inconsistent_optional_columns_are_errors(admin, county, tmp_path, values, column):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    stock = workbook.create_sheet("库存")
    stock.append(["储备库编码", "物资编码", "数量", "已预留数量"])
    stock.append([county.county_store, county.tent, 40, values.get("reserved")])
    sheet = workbook.create_sheet("代储协议")
    sheet.append(["协议编号", "企业名称", "统一社会信用代码", "协议类型", "开始日期", "结束日期", "物资编码", "协议数量",
                  "最近核查日期", "核查数量", "已调用数量", "核查后调用数量"])
    sheet.append(["XY-9", "某公司", credit_code("91320100MA1MDDDD4"), "实物代储", "2026-01-01", "2026-12-31",
                  county.water, 1000, values.get("check_date"), values.get("found"), values.get("outstanding"),
                  values.get("since_check")])
    workbook.save(tmp_path / "bad.xlsx")
    report = import_workbook(admin, tmp_path / "bad.xlsx")
    assert not report.ok and [p.column for p in report.errors] == [column]
    assert stock_rows(admin) == [] and counts(admin.db) == (0, 0, 0, 0)
