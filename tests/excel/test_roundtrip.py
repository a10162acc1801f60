"""Round trip: a small county built through the services → export → import into an empty database
reproduces stores, catalogue, batch balances, agreements, standards and the adequacy result."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import openpyxl
from sqlalchemy import select

from models.documents.excel_export import export_workbook
from models.documents.excel_import import import_workbook
from models.migrate import open_database
from models.schema.agreements import Agreement
from models.schema.catalog import Item
from models.schema.enums import ReserveMode
from models.schema.stock import Balance, Batch
from models.schema.users import User
from models.schema.warehouse import Area, Store
from models.services import agreements, standards
from models.services.adequacy import Scenario, assess
from models.services.catalog import item_snapshot
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from models.services.users import actor_for, ensure_admin
from models.services.verify import verify
from models.services.warehouses import store_snapshot
from tests.conftest import _truncate_postgres, make_ctx
from tests.excel import builders as B


def populate(ctx, county) -> None:
    receive(ctx, county.county_store, [
        ReceiptLine(county.water, 12000, "W2501", "2025-01-01", "2026-12-31", unit_price=Decimal("1.20")),
        ReceiptLine(county.water, 3000, "W2506", "2025-06-01", "2027-05-31"),
        ReceiptLine(county.tent, 40, "ZP-2024-3", "2024-03-01"),
        ReceiptLine(county.rice, Decimal("2500.5"), "", "2026-01-10"),
        ReceiptLine(county.bags, 70000),
        ReceiptLine(county.rice, 800, "DEPT-1", "2026-02-01", manufacturer="某粮油厂",
                    reserve_mode=ReserveMode.DEPARTMENT),
    ], supplier="县粮油公司")
    receive(ctx, county.township_store, [
        ReceiptLine(county.water, 800, "W2501", "2025-01-01", "2026-12-31"),
        ReceiptLine(county.tent, 10, "ZP-2024-3", "2024-03-01"),
    ])
    issue(ctx, county.county_store, [IssueLine(county.water, 2000), IssueLine(county.bags, 500)], receiver="河口镇")
    agreements.create_agreement(ctx, agreements.AgreementInput(
        number="XY-2026-01",
        enterprise=agreements.EnterpriseInput("某连锁超市有限公司", B.credit_code("91320100MA1MAAAA1"),
                                              contact="张经理", phone="13900000000"),
        agreement_type="实物代储", start_date="2026-01-01", end_date="2026-12-31",
        lines=[agreements.LineInput(county.water, 20000, 15000), agreements.LineInput(county.rice, 5000, 0)],
        storage_place="超市配送中心", response_hours=6, annual_fee=36000))
    agreements.activate_agreement(ctx, "XY-2026-01")
    agreements.create_agreement(ctx, agreements.AgreementInput(  # left as a draft (草稿)
        number="XY-2026-02",
        enterprise=agreements.EnterpriseInput("某纺织有限公司", B.credit_code("91320100MA1MBBBB2")),
        agreement_type="产能储备", start_date="2026-03-01", end_date="2027-02-28",
        lines=[agreements.LineInput(county.tent, 300)], response_hours=24))
    standards.create_standard(ctx, "本县夏季")
    standards.add_need(ctx, "本县夏季", standards.NeedInput("饮用水", "L", "per_person_day", Decimal(3)))
    standards.add_need(ctx, "本县夏季", standards.NeedInput("帐篷", "顶", "per_persons", 3))
    standards.add_need(ctx, "本县夏季", standards.NeedInput("大米", "kg", "per_person_day", Decimal("0.5")))
    standards.add_need(ctx, "本县夏季", standards.NeedInput("照明", "台", "fixed", 20))
    standards.link_item(ctx, "本县夏季", "饮用水", county.water, Decimal("0.55"))
    standards.link_item(ctx, "本县夏季", "帐篷", county.tent, 1)
    standards.link_item(ctx, "本县夏季", "大米", county.rice, 1)


def picture(ctx) -> dict:
    """Everything the round trip must reproduce."""
    with ctx.read() as session:
        stores = [store_snapshot(s) for s in session.scalars(select(Store).order_by(Store.code))]
        areas = sorted((a.code, a.name, a.kind.value, a.parent.code if a.parent else None)
                       for a in session.scalars(select(Area)) if a.stores)
        items = [item_snapshot(i) for i in session.scalars(select(Item).order_by(Item.code))]
        agreement_list = [agreements.snapshot(a) for a in session.scalars(select(Agreement).order_by(Agreement.number))]
        batches = sorted((b.item.code, b.batch_no, b.production_date, b.expiry_date, b.manufacturer, b.supplier,
                          b.reserve_mode.value, b.unit_price)
                         for b in session.scalars(select(Batch)) if b.id in set(session.scalars(select(Balance.batch_id).where(Balance.quantity > 0))))
    standard = standards.get_standard(ctx, "本县夏季")
    return {
        "stores": stores, "areas": areas, "items": items, "agreements": agreement_list, "batches": batches,
        "stock": stock_rows(ctx),
        "standard": [(n.name, n.unit, n.basis, n.quota, [(i.item_code, i.factor) for i in n.items])
                     for n in standard.needs],
        "adequacy": assess(ctx, Scenario(people=5000, days=15, standard="本县夏季")).as_json(),
    }


def empty_twin(request, backend, db, tmp_path):
    """A fresh empty database on the same backend (PostgreSQL: the same one, emptied)."""
    if backend == "sqlite":
        path = tmp_path / "twin.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return open_database(str(path))
    _truncate_postgres(db)
    return open_database(request.getfixturevalue("postgres_url"), migrate=False)


def admin_ctx(database):
    ensure_admin(database, None)
    with database.read() as session:
        return make_ctx(database, actor_for(session.scalar(select(User).where(User.username == "admin"))))


def test_export_then_import_into_an_empty_database_reproduces_everything(request, backend, admin, county, tmp_path):
    populate(admin, county)
    before = picture(admin)
    assert len(before["stock"]) >= 7 and before["agreements"] and before["adequacy"]["lines"]
    path = export_workbook(admin, tmp_path / "export.xlsx").path
    twin = empty_twin(request, backend, admin.db, tmp_path)
    try:
        ctx = admin_ctx(twin)
        report = import_workbook(ctx, path, as_of=dt.date(2026, 6, 1))
        assert report.ok, [str(p) for p in report.errors]
        assert report.created["stores"] == 4 and report.created["agreements"] == 2
        after = picture(ctx)
        for key in before:
            assert after[key] == before[key], key
        assert verify(twin).ok
        again = import_workbook(ctx, path)
        assert again.ok and again.created["batches"] == 0
        assert stock_rows(ctx) == before["stock"]
    finally:
        twin.dispose()


def test_export_filters_by_store_and_year(admin, county, tmp_path):
    populate(admin, county)
    path = export_workbook(admin, tmp_path / "t.xlsx", store_code=county.township_store, year=2026).path
    workbook = openpyxl.load_workbook(path)
    stock_codes = {row[0] for row in workbook["库存"].iter_rows(min_row=3, values_only=True)
                   if row[0] and not str(row[0]).startswith("合计")}
    assert stock_codes == {county.township_store}
    assert [r[0] for r in workbook["储备库"].iter_rows(min_row=3, values_only=True)] == [county.township_store, "合计（1 行）"]
    ledger_rows = [r for r in workbook["出入库流水"].iter_rows(min_row=3, values_only=True) if r[2]]
    assert ledger_rows and {r[4] for r in ledger_rows} == {county.township_store}
    empty_year = export_workbook(admin, tmp_path / "y.xlsx", year=2019).path
    ledger = openpyxl.load_workbook(empty_year)["出入库流水"]
    assert [r for r in ledger.iter_rows(min_row=3, values_only=True) if r[2]] == []
