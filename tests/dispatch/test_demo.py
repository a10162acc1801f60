"""The demo part adds the four kinds of dispatch orders the screens should show."""

from __future__ import annotations

from models.demo.base import DemoCounty
from models.demo.extra_20_dispatch import populate
from models.schema.dispatch import DispatchStatus
from models.services import dispatch
from models.services.catalog import ItemInput, create_item
from models.services.receiving import ReceiptLine, receive
from models.services.verify import verify

DEMO_CODES = [("MB01", "棉被", "床", False), ("FBM1", "方便面", "箱", False), ("KQS1", "瓶装饮用水", "箱", False),
              ("ZDC1", "折叠床", "张", False), ("MT01", "毛毯", "床", False), ("YSBG", "压缩饼干", "箱", False),
              ("BZD1", "编织袋", "条", False), ("JSY1", "救生衣", "件", False), ("YJD1", "应急照明灯", "盏", True)]


def test_demo_dispatch_orders(admin, county, db):
    for code, name, unit, returnable in DEMO_CODES:
        create_item(admin, ItemInput(code, name, unit, category_code="10101", returnable=returnable))
    receive(admin, county.county_store, [ReceiptLine(code, 400) for code, *_ in DEMO_CODES]
            + [ReceiptLine(county.tent, 40)])
    populate(admin, DemoCounty(county_store=county.county_store, township_stores=[county.township_store]))
    rows = {row.status: row for row in dispatch.list_orders(admin)}
    assert set(rows) == {DispatchStatus.RECEIVED, DispatchStatus.APPROVED, DispatchStatus.ISSUED}
    assert [row.number for row in dispatch.overdue_approvals(admin)] == [rows[DispatchStatus.ISSUED].number]
    overdue = dispatch.overdue_returns(admin)
    assert {due.item_name for due in overdue} == {"救灾帐篷", "应急照明灯"}
    received = [row for row in dispatch.list_orders(admin, statuses=(DispatchStatus.RECEIVED,))]
    assert len(received) == 2
    signed = [dispatch.order_view(admin, row.number) for row in received]
    assert any(line.shortfall == 1 for order in signed for line in order.lines)
    assert verify(db).ok
