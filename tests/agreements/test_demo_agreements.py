"""The demo county's agreements, populated onto the small test county (missing items are created)."""

from __future__ import annotations

from models.demo.base import DemoCounty
from models.demo.extra_10_agreements import HARDWARE, SUPERMARKET, TEXTILE, populate
from models.schema.agreements import AgreementState
from models.services.agreements import (
    agreement_detail, checks_overdue, expiring_agreements, list_agreements, shortfall_lines,
)
from models.services.credit_code import is_valid_credit_code


def test_demo_agreements(admin, county):
    demo = DemoCounty(items={county.water: "瓶装饮用水", county.tent: "救灾帐篷", county.rice: "大米"})
    populate(admin, demo)  # today 2026-06-01
    assert all(is_valid_credit_code(e.credit_code) for e in (SUPERMARKET, TEXTILE, HARDWARE))
    rows = {row.number: row for row in list_agreements(admin)}
    assert set(rows) == {"LJYJ-XY-2025-01", "LJYJ-CN-2026-02", "LJYJ-XY-2025-03", "LJYJ-XY-2026-03"}
    assert rows["LJYJ-XY-2025-03"].state is AgreementState.EXPIRED
    assert rows["LJYJ-XY-2026-03"].previous_number == "LJYJ-XY-2025-03"
    assert {r.state for n, r in rows.items() if n != "LJYJ-XY-2025-03"} == {AgreementState.ACTIVE}
    assert [r.number for r in expiring_agreements(admin)] == ["LJYJ-XY-2025-01"]
    short = shortfall_lines(admin)
    assert [(s.number, s.item_code) for s in short] == [("LJYJ-XY-2025-01", county.water)]
    detail = agreement_detail(admin, "LJYJ-XY-2026-03")
    assert detail.history == ["LJYJ-XY-2025-03"]
    # the demo items the small county lacked were created with the agreement's fallbacks
    assert "XY-BZD" in demo.items and demo.items[county.water] == "瓶装饮用水"
    assert checks_overdue(admin) == []  # hardware checked 2026-01-10, due 2026-07-10
    old = agreement_detail(admin, "LJYJ-XY-2025-03")
    assert [(c.quantity, c.replenished) for c in old.call_ups] == [(30000, 30000)]
