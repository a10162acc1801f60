"""Rendering a 120-line dispatch order (应急物资调拨单) PDF through ``models/documents/dispatch_pdf.py``.

The order is built as the plain ``OrderView`` the service returns (120 lines, each issued from one
batch of a store of the database), so the figure is the document layer alone: the form data and
reportlab with the bundled CJK font. There is no bare-SQL counterpart.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from benchmarks.core import Bench, Result, last_cpu, timed
from models.documents.dispatch_pdf import dispatch_form
from models.documents.pdf_layout import render_form
from models.schema.dispatch import DispatchStatus, SourceKind
from models.services.dispatch.records import IssuedBatch, LineView, OrderView, SourceView

NAME = "dispatch_pdf"
LINES = 120


def sample_order(bench: Bench) -> OrderView:
    con = bench.bare()
    try:
        rows = con.cursor().execute(
            f"SELECT s.code, s.name, i.code, i.name, i.spec, i.unit, i.returnable, bt.batch_no, bt.expiry_date "
            f"FROM balances b JOIN stores s ON s.id = b.store_id JOIN items i ON i.id = b.item_id "
            f"JOIN batches bt ON bt.id = b.batch_id WHERE b.quantity > 0 ORDER BY b.id LIMIT {LINES}").fetchall()
    finally:
        con.close()
    zero = Decimal(0)
    lines = []
    for n, (s_code, s_name, i_code, i_name, spec, unit, returnable, batch_no, expiry) in enumerate(rows, start=1):
        quantity = Decimal(10 + n)
        expiry = dt.date.fromisoformat(expiry) if isinstance(expiry, str) else expiry
        lines.append(LineView(
            n, i_code, i_name, spec, unit, quantity, quantity, bool(returnable),
            dt.date(2026, 12, 31) if returnable else None, None, zero, zero, zero, zero, zero, zero, "", "",
            [SourceView(SourceKind.STORE, s_code, s_name, batch_no, expiry, quantity, zero)],
            [IssuedBatch(s_code, s_name, f"CK-{s_code}-2026-{n:04d}", batch_no, expiry, quantity)],
        ))
    now = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.timezone.utc)
    return OrderView(
        "DB-2026-0001", DispatchStatus.ISSUED, False, "第1县应急管理局", "城关镇人民政府", "城关镇中心小学安置点",
        "张三", "13800000000", "李四", "13900000000", "汛期转移安置", "应急〔2026〕1号", now, "苏A12345", "王五",
        "", now.date(), "admin", "admin", now, "", "admin", now, "", None, "", "", False, False, lines, [],
    )


def run(bench: Bench) -> list[Result]:
    order = sample_order(bench)
    folder = Path(tempfile.mkdtemp(prefix="rk-bench-pdf-"))
    target = folder / "dispatch_120.pdf"
    ours, _p, _r, times = timed(lambda: render_form(dispatch_form(order, organisation="第1县应急管理局"), target),
                                max(1 if bench.size == "tiny" else 3, bench.repeat // 2))
    return [Result(f"dispatch order PDF, {len(order.lines)} lines (dispatch_pdf)", ours, 1000, rows=len(order.lines),
                   runs=len(times), cpu_ms=last_cpu(),
                   note=f"{target.stat().st_size / 1024:.0f} KB; the order is built in memory, not read by order_view")]
