"""Import of untidy and malformed workbooks, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models.documents.excel_import import import_workbook
from models.documents.excel_rows import ImportCancelled
from models.errors import PermissionDeniedError
from models.schema.agreements import Agreement, AgreementState
from models.schema.audit import AuditEntry
from models.schema.catalog import Item
from models.schema.documents import Document
from models.schema.enums import AreaKind, Role
from models.schema.standards import Standard
from models.schema.stock import Balance, Movement
from models.schema.warehouse import Area, Store
from models.services.stock_queries import stock_rows
from models.context import Actor
from models.services.verify import verify
from tests.excel import builders as B


def table_counts(db) -> dict[str, int]:
    with db.read() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model))
                for model in (Store, Area, Item, Balance, Movement, Document, Agreement, Standard, AuditEntry)}


def errors_at(report) -> set[tuple[str, int, str]]:
    return {(p.sheet, p.row, p.column) for p in report.errors}


def test_tidy_workbook_imports_stores_items_and_opening_balances(admin, tmp_path):
    report = import_workbook(admin, B.tidy_county(tmp_path / "a.xlsx"), as_of=dt.date(2026, 1, 1))
    assert report.ok, report.errors
    assert report.created == {"stores": 2, "items": 3, "batches": 3, "agreements": 0, "standards": 0}
    rows = {(r.store_code, r.item_code, r.batch): r for r in stock_rows(admin)}
    assert rows[("K01", "W1", "20250101")].quantity == Decimal(1000)
    assert rows[("K01", "W1", "20250101")].expiry_date == dt.date(2026, 12, 31)
    assert rows[("K01", "T12", "T2024")].unit_price == Decimal("2750")
    assert rows[("K02", "B1", "无批次")].quantity == Decimal(5000)
    with admin.db.read() as session:
        areas = {a.code: a for a in session.scalars(select(Area))}
        township = session.scalar(select(Store).where(Store.code == "K02")).area
        assert areas["320199"].kind is AreaKind.COUNTY
        assert township.name == "城关镇" and township.kind is AreaKind.TOWNSHIP
        assert township.parent.code == "320199" and township.code == "320199001"
        documents = session.scalars(select(Document)).all()
        assert {d.doc_date for d in documents} == {dt.date(2026, 1, 1)}
        assert all(d.reference.startswith("期初导入:") for d in documents)
        keys = set(session.scalars(select(AuditEntry.entity_key).where(AuditEntry.entity == "document")))
        assert {d.number for d in documents} <= keys
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "workbook")) == 1
    assert verify(admin.db).ok


def test_importing_twice_does_not_double_stock(admin, tmp_path):
    path = B.tidy_county(tmp_path / "a.xlsx")
    assert import_workbook(admin, path).ok
    before = [(r.store_code, r.item_code, r.batch, r.quantity) for r in stock_rows(admin)]
    counts = table_counts(admin.db)
    second = import_workbook(admin, path)
    assert second.ok
    assert second.created == {"stores": 0, "items": 0, "batches": 0, "agreements": 0, "standards": 0}
    assert any("已经导入过" in p.message for p in second.warnings)
    assert [(r.store_code, r.item_code, r.batch, r.quantity) for r in stock_rows(admin)] == before
    after = table_counts(admin.db)
    assert {k: v for k, v in after.items() if k != "AuditEntry"} == {k: v for k, v in counts.items() if k != "AuditEntry"}


def test_untidy_workbook_every_tolerance(admin, county, tmp_path):
    workbook = B.new_workbook()
    # sheet-name synonym, title rows with merged cells, headers with spaces, line breaks,
    # full-width brackets and synonyms, required marks
    B.sheet(workbook, "仓库信息", [" 仓库\n编码 *", "名称", "等级", "行政区", "上级行政区", "面积(平方米)"], [
        [" K9 ", "河口镇二号点", "乡镇", "河口镇", "", "１，２００"],
    ], title_rows=["示例县应急物资储备库台账", "（2026 年 5 月）"], merge_title=True)
    B.sheet(workbook, "物资", ["编码", "品名", "规格", "单位", "保质期（月）", "单价"], [
        ["X1", "  折叠床 ", "标准", "张", "", "１２０．５"],
        [1010101, "棉被", "", "床", 60, "1,234.5"],
    ], title_rows=["物资目录"])
    B.sheet(workbook, "2026年库存台账", ["库编码", "物资编码", "批号", "出厂日期", "失效日期", "实存数量", "物资名称"], [
        ["K9", "X1", "A1", dt.datetime(2024, 5, 1), "2029/5/1", "１，０００", "折叠床"],
        [None, None, None, None, None, None, None],
        ["K9", county.water, "B2", "2024年5月1日", "2026.04.30", " 2,500 ", "水"],
        ["C001", "1010101", "C3", "2024-05-01", None, 30.0, "棉被"],
        ["C001", county.rice, "", "20250101", "", "12.5", "大米"],
        ["合计", None, None, None, None, 3542.5, None],
    ], title_rows=["库存台账", "单位：示例县应急管理局"])
    path = B.save(workbook, tmp_path / "untidy.xlsx")
    report = import_workbook(admin, path)
    assert report.ok, [str(p) for p in report.errors]
    assert report.created["stores"] == 1 and report.created["items"] == 2 and report.created["batches"] == 4
    messages = [str(p) for p in report.warnings]
    assert any("合计行已跳过" in m and "第 9 行" in m for m in messages)
    assert any("首尾有空格" in m for m in messages)
    rows = {(r.store_code, r.item_code, r.batch): r for r in stock_rows(admin)}
    assert rows[("K9", "X1", "A1")].quantity == Decimal(1000)
    assert rows[("K9", "X1", "A1")].production_date == dt.date(2024, 5, 1)
    assert rows[("K9", "X1", "A1")].expiry_date == dt.date(2029, 5, 1)
    assert rows[("K9", county.water, "B2")].quantity == Decimal(2500)
    assert rows[("K9", county.water, "B2")].expiry_date == dt.date(2026, 4, 30)
    assert rows[("C001", "1010101", "C3")].quantity == Decimal(30)
    rice = rows[("C001", county.rice, "20250101")]
    assert rice.quantity == Decimal("12.5") and rice.expiry_date == dt.date(2025, 12, 31)  # 12-month shelf life
    with admin.db.read() as session:
        store = session.scalar(select(Store).where(Store.code == "K9"))
        assert store.floor_area == Decimal(1200) and store.area.code == "320101002"  # existing 河口镇 found by name
        bed = session.scalar(select(Item).where(Item.code == "X1"))
        assert bed.name == "折叠床" and bed.unit_price == Decimal("120.5")
        assert session.scalar(select(Item).where(Item.code == "1010101")).unit_price == Decimal("1234.5")


def test_malformed_workbook_reports_every_error_and_changes_nothing(admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "储备库", B.STORE_HEADERS, [
        ["S1", "一号点", "省级", "东村", "", "", "", "", ""],  # row 2: unknown level
        ["S2", "", "村级", "东村", "", "", "", "", ""],  # row 3: missing name
        ["S3", "三号点", "村级", "东村", "", "", "", "", ""],
        ["S3", "三号点（重复）", "村级", "东村", "", "", "", "", ""],  # row 5: conflicting duplicate
    ])
    B.sheet(workbook, "物资目录", B.ITEM_HEADERS, [
        ["M1", "救生衣", "", "", "", "", "", "", "", ""],  # row 2: missing unit
        ["M2", "雨衣", "", "件", "", "", "十二", "", "", ""],  # row 3: shelf life not a number
    ])
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [
        ["S3", county.water, "B1", "2024-05-01", "2026-05-01", -5, "", "", "", ""],  # row 2: negative
        ["S3", county.water, "B2", "2024-05-01", "2026-05-01", "很多", "", "", "", ""],  # row 3: not numeric
        ["NOPE", county.water, "B3", "2025-05-01", "2024-05-01", 10, "", "", "", ""],  # row 4: store, dates
        ["S3", "GHOST", "B4", "", "", 10, "", "", "", ""],  # row 5: unknown item
        ["S3", county.water, "B5", "2024-13-45", "", 10, "", "", "", ""],  # row 6: bad date
        ["S3", county.water, "", "", "", None, "", "", "", ""],  # row 7: missing quantity
    ])
    B.sheet(workbook, "代储协议", B.AGREEMENT_HEADERS, [
        ["XY1", "某超市", "91320100MA1MXXXX0X", "实物代储", "2026-01-01", "2026-12-31", 6, 1000,
         county.water, 100, 50, "", "", ""],  # row 2: bad credit code
        ["XY2", "某厂", B.credit_code("91320100MA1MAAAA1"), "代管", "2026-01-01", "2025-12-31", "", "",
         county.water, 100, 200, "", "", ""],  # row 3: unknown type, end before start, minimum > quantity
    ])
    B.sheet(workbook, "定额标准", B.STANDARD_HEADERS, [
        ["夏季", "饮用水", "L", "每月", 3, county.water, 0.55],  # row 2: unknown basis
        ["夏季", "帐篷", "顶", "每N人", "", county.tent, 1],  # row 3: missing quota
    ])
    path = B.save(workbook, tmp_path / "bad.xlsx")
    before = table_counts(admin.db)
    report = import_workbook(admin, path)
    assert not report.ok
    expected = {
        ("储备库", 2, "级别"), ("储备库", 3, "储备库名称"), ("储备库", 5, "储备库编码"),
        ("物资目录", 2, "计量单位"), ("物资目录", 3, "保质期（月）"),
        ("库存", 2, "数量"), ("库存", 3, "数量"), ("库存", 4, "储备库编码"), ("库存", 4, "有效期至"),
        ("库存", 5, "物资编码"), ("库存", 6, "生产日期"), ("库存", 7, "数量"),
        ("代储协议", 2, "统一社会信用代码"), ("代储协议", 3, "协议类型"), ("代储协议", 3, "结束日期"),
        ("代储协议", 3, "最低数量"),
        ("定额标准", 2, "计算方式"), ("定额标准", 3, "定额"),
    }
    assert expected <= errors_at(report), sorted(errors_at(report) - expected)
    by_place = {(p.sheet, p.row, p.column): p.message for p in report.errors}
    assert "省级" in by_place[("储备库", 2, "级别")]
    assert "-5" in by_place[("库存", 2, "数量")]
    assert "很多" in by_place[("库存", 3, "数量")]
    assert "NOPE" in by_place[("库存", 4, "储备库编码")]
    assert "GHOST" in by_place[("库存", 5, "物资编码")]
    assert "2024-13-45" in by_place[("库存", 6, "生产日期")]
    assert table_counts(admin.db) == before
    assert report.as_json()["ok"] is False
    assert set(report.as_json()["errors"][0]) == {"sheet", "row", "column", "message"}


def test_batch_with_conflicting_dates_is_an_error(admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [
        ["C001", county.water, "LOT1", "2025-01-01", "2026-12-31", 10, "", "", "", ""],
        ["T001", county.water, "LOT1", "2025-02-01", "2027-01-31", 10, "", "", "", ""],
    ])
    report = import_workbook(admin, B.save(workbook, tmp_path / "b.xlsx"))
    assert errors_at(report) == {("库存", 3, "批次号")}
    assert "第 2 行" in report.errors[0].message
    assert stock_rows(admin) == []


def test_codes_defined_in_the_same_workbook_are_known(admin, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [["NEW1", "NI1", "", "", "", 5, "", "", "", ""]])
    B.sheet(workbook, "储备库", B.STORE_HEADERS, [["NEW1", "新点", "村级", "某村", "某镇", "", "", "", ""]])
    B.sheet(workbook, "物资目录", B.ITEM_HEADERS, [["NI1", "手电", "", "把", "", "", "", "", "", ""]])
    report = import_workbook(admin, B.save(workbook, tmp_path / "c.xlsx"))
    assert report.ok, report.errors
    with admin.db.read() as session:
        area = session.scalar(select(Store).where(Store.code == "NEW1")).area
        assert area.kind is AreaKind.VILLAGE and area.parent.kind is AreaKind.TOWNSHIP
        assert area.parent.name == "某镇" and area.code.startswith(area.parent.code)


def test_missing_required_column_and_unknown_sheet(admin, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", ["储备库编码", "物资编码", "批次号"], [["C001", "W500", "X"]])
    B.sheet(workbook, "说明", ["随便"], [["一些说明"]])
    report = import_workbook(admin, B.save(workbook, tmp_path / "d.xlsx"))
    assert ("库存", 1, "数量") in errors_at(report)
    assert any(p.sheet == "说明" for p in report.warnings)


def test_not_an_excel_file(admin, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("not a zip")
    from models.errors import ValidationError

    with pytest.raises(ValidationError, match="不是有效的 Excel"):
        import_workbook(admin, path)


def test_dry_run_writes_nothing(admin, tmp_path):
    before = table_counts(admin.db)
    report = import_workbook(admin, B.tidy_county(tmp_path / "a.xlsx"), dry_run=True)
    assert report.ok and report.dry_run and report.created["stores"] == 2 and report.created["batches"] == 3
    assert table_counts(admin.db) == before


def test_cancel_leaves_the_database_unchanged(admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS,
            [["C001", county.bags, f"L{n}", "", "", n + 1, "", "", "", ""] for n in range(900)])
    path = B.save(workbook, tmp_path / "big.xlsx")
    before = table_counts(admin.db)
    cancel = threading.Event()
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if done >= 1000:  # the check pass is done; cancel in the middle of writing
            cancel.set()

    with pytest.raises(ImportCancelled):
        import_workbook(admin, path, progress=progress, cancel=cancel)
    assert seen and seen[-1][0] >= 1000
    assert table_counts(admin.db) == before


def test_progress_reaches_total(admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS,
            [["C001", county.bags, f"L{n}", "", "", 1, "", "", "", ""] for n in range(450)])
    seen = []
    report = import_workbook(admin, B.save(workbook, tmp_path / "p.xlsx"), progress=lambda d, t: seen.append((d, t)))
    assert report.ok
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    assert len(seen) >= 3


def test_keepers_may_not_import(admin, county, tmp_path):
    keeper = admin.as_user(Actor(None, "k", Role.KEEPER, frozenset()))
    with pytest.raises(PermissionDeniedError):
        import_workbook(keeper, B.tidy_county(tmp_path / "a.xlsx"))


def test_agreements_and_standards_sheets(admin, county, tmp_path):
    code = B.credit_code("91320100MA1MAAAA1")
    workbook = B.new_workbook()
    B.sheet(workbook, "代储协议", B.AGREEMENT_HEADERS, [
        ["XY-1", "某超市", code, "实物代储", "2026-01-01", "2026-12-31", 6, "36,000", county.water, 2000, 1500, "配送中心", "张", "139"],
        ["XY-1", "某超市", code, "实物代储", "2026-01-01", "2026-12-31", 6, "36,000", county.rice, 500, "", "配送中心", "张", "139"],
        ["XY-2", "某厂", B.credit_code("91320100MA1MBBBB2"), "产能储备", "2026-01-01", "2027-06-30", 24, "", county.tent, 100, "", "", "", ""],
    ])
    B.sheet(workbook, "定额标准", B.STANDARD_HEADERS, [
        ["本县夏季", "饮用水", "L", "每人每天", 3, county.water, 0.55],
        ["本县夏季", "帐篷", "顶", "每N人", 3, county.tent, 1],
        ["本县夏季", "编织袋", "条", "固定数量", "10,000", county.bags, ""],
    ])
    report = import_workbook(admin, B.save(workbook, tmp_path / "ag.xlsx"))
    assert report.ok, [str(p) for p in report.errors]
    assert report.created["agreements"] == 2 and report.created["standards"] == 1
    with admin.db.read() as session:
        agreement = session.scalar(select(Agreement).where(Agreement.number == "XY-1"))
        assert agreement.state is AgreementState.ACTIVE and agreement.annual_fee == Decimal(36000)
        assert [(l.item.code, l.guaranteed_quantity, l.minimum_quantity) for l in agreement.lines] == [
            (county.water, Decimal(2000), Decimal(1500)), (county.rice, Decimal(500), Decimal(0))]
        standard = session.scalar(select(Standard).where(Standard.name == "本县夏季"))
        needs = {n.name: n for n in standard.needs}
        assert needs["饮用水"].basis.value == "per_person_day" and needs["饮用水"].items[0].factor == Decimal("0.55")
        assert needs["帐篷"].basis.value == "per_persons" and needs["编织袋"].quota == Decimal(10000)
    again = import_workbook(admin, tmp_path / "ag.xlsx")
    assert again.ok and again.created["agreements"] == 0 and again.created["standards"] == 0


def test_conflicting_agreement_rows(admin, county, tmp_path):
    code = B.credit_code("91320100MA1MAAAA1")
    workbook = B.new_workbook()
    B.sheet(workbook, "代储协议", B.AGREEMENT_HEADERS, [
        ["XY-1", "某超市", code, "实物代储", "2026-01-01", "2026-12-31", 6, 1, county.water, 10, "", "", "", ""],
        ["XY-1", "某超市", code, "实物代储", "2026-01-01", "2027-12-31", 6, 1, county.rice, 10, "", "", "", ""],
        ["XY-3", "另一家", code, "实物代储", "2026-01-01", "2026-12-31", 6, 1, county.rice, 10, "", "", "", ""],
    ])
    report = import_workbook(admin, B.save(workbook, tmp_path / "ag.xlsx"))
    assert errors_at(report) == {("代储协议", 3, "协议编号"), ("代储协议", 4, "企业名称")}


def test_repeated_batch_rows_add_up_and_share_one_batch(admin, county, tmp_path):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [
        ["C001", county.water, "LOT1", "2025-01-01", "2026-12-31", 10, "", "", "", ""],
        ["T001", county.water, "LOT1", "2025-01-01", "2026-12-31", 4, "", "", "", ""],
        ["C001", county.water, "LOT1", "2025-01-01", "2026-12-31", 5, "", "", "", ""],
        ["C001", county.bags, "", "", "", 7, "", "", "", ""],
        ["C001", county.bags, "", "", "", 8, "", "", "", ""],
    ])
    report = import_workbook(admin, B.save(workbook, tmp_path / "dup.xlsx"))
    assert report.ok and report.created["batches"] == 3
    assert [p.row for p in report.warnings if "累加" in p.message] == [4, 6]
    rows = {(r.store_code, r.item_code, r.batch): r.quantity for r in stock_rows(admin)}
    assert rows == {("C001", county.water, "LOT1"): 15, ("T001", county.water, "LOT1"): 4,
                    ("C001", county.bags, "无批次"): 15}
    assert verify(admin.db).ok


def test_batch_already_in_the_database_with_other_dates_is_an_error(admin, county, tmp_path):
    from models.services.receiving import ReceiptLine, receive

    receive(admin, county.county_store, [ReceiptLine(county.water, 5, "OLD1", "2025-01-01", "2026-12-31")])
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [
        ["T001", county.water, "OLD1", "2025-01-01", "2026-12-31", 3, "", "", "", ""],  # same dates: fine
        ["T001", county.water, "OLD1", "2025-03-01", "", 3, "", "", "", ""],  # clashes with the database
    ])
    report = import_workbook(admin, B.save(workbook, tmp_path / "old.xlsx"))
    assert errors_at(report) == {("库存", 3, "批次号")}
    assert "数据库中" in report.errors[0].message


def test_opening_balances_add_to_existing_stock_and_repeated_batches(admin, county, db, tmp_path):
    """The bulk writer adds to balances that already exist and sums a batch repeated in one sheet."""
    from models.services.receiving import ReceiptLine, receive

    receive(admin, county.county_store, [ReceiptLine(county.water, 100, batch_no="OLD-1", production_date="2026-01-01")])
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", ["储备库编码", "物资编码", "批次号", "生产日期", "数量"], [
        [county.county_store, county.water, "OLD-1", "2026-01-01", 5],
        [county.county_store, county.water, "OLD-1", "2026-01-01", 4],
        [county.county_store, county.water, "NEW-1", "2026-03-01", 7],
        [county.township_store, county.water, "NEW-1", "2026-03-01", 2],
    ])
    import_workbook(admin, B.save(workbook, tmp_path / "more.xlsx"), as_of=dt.date(2026, 5, 1))
    quantities = {(r.store_code, r.batch): r.quantity for r in stock_rows(admin, item_code=county.water)}
    assert quantities == {(county.county_store, "OLD-1"): 109, (county.county_store, "NEW-1"): 7,
                          (county.township_store, "NEW-1"): 2}
    with db.read() as session:
        afters = session.scalars(select(Movement.balance_after).join(Balance, (Balance.store_id == Movement.store_id)
                                                                   & (Balance.batch_id == Movement.batch_id))
                                 .where(Movement.delta > 0).order_by(Movement.id)).all()
    assert afters[:3] == [100, 105, 109]
    assert verify(db).ok
