"""The rotation screen: rows and colours by status, filters, rotate-out, replacement, scrap request
and approval through the dialogs' ``ask`` seams; rendered to a PNG."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.rotation_dialogs import (ReplacementDialog, ReplacementValues, RotateOutDialog,
                                              RotateOutValues, ScrapRequestDialog, ScrapValues)
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.rotation_view import VIEW_SPEC, OVERDUE_BG, RotationView
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from tests.rotation.test_rotation import stock_boundaries


@pytest.fixture
def view(qt_env, qtbot, admin, county, answers):
    stock_boundaries(admin, county)
    receive(admin, county.township_store, [
        ReceiptLine(county.rice, 200, batch_no="R-OLD", expiry_date="2026-05-15"),
        ReceiptLine(county.rice, 300, batch_no="R-DUE", expiry_date="2026-10-20"),
    ])
    widget = RotationView(DesktopContext(admin))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.wait_until_ready()  # the plan is read on a pool thread
    yield widget
    widget.wait_until_ready()  # no pool thread may outlive the database


def visible_batches(widget):
    return [widget.proxy.index(r, 0).data(ROW_ROLE).batch for r in range(widget.proxy.rowCount())]


def select_batch(widget, batch):
    for r in range(widget.proxy.rowCount()):
        if widget.proxy.index(r, 0).data(ROW_ROLE).batch == batch:
            widget.table.selectRow(r)
            return
    raise AssertionError(batch)


def test_spec_and_models(view, qtmodeltester):
    assert (VIEW_SPEC.key, VIEW_SPEC.title, VIEW_SPEC.order) == ("rotation", "轮换计划", 70)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    assert view.model.rowCount() == 7
    statuses = {view.model.index(r, 0).data(ROW_ROLE).batch: view.model.index(r, 0).data() for r in range(7)}
    assert statuses["EXP-0531"] == "已过期" and statuses["EXP-0829"] == "逾期未轮换" and statuses["R-DUE"] == "待轮换"
    colours = {view.model.index(r, 0).data(ROW_ROLE).status: view.model.index(r, 0).data(Qt.BackgroundRole)
               for r in range(7)}
    assert colours == {"expired": style.EXPIRED_BG, "overdue": OVERDUE_BG, "due": style.DUE_BG}
    assert "已过期 2 批" in view.summary.text()


def test_filters(view):
    view.status.setCurrentIndex(view.status.findData("expired"))
    assert sorted(visible_batches(view)) == ["EXP-0531", "R-OLD"]
    view.status.setCurrentIndex(0)
    view.search.setText("大米")
    assert sorted(visible_batches(view)) == ["R-DUE", "R-OLD"]
    view.search.clear()
    view.store.setCurrentIndex(view.store.findData("T001"))
    view.wait_until_ready()
    assert sorted(visible_batches(view)) == ["R-DUE", "R-OLD"]
    view.store.setCurrentIndex(0)
    view.within.setValue(0)
    view.wait_until_ready()
    assert "EXP-1128" not in visible_batches(view)


def test_rotate_out_replacement_and_scrap(view, admin, answers, monkeypatch):
    select_batch(view, "EXP-0531")
    assert not view.rotate_button.isEnabled() and view.scrap_button.isEnabled()
    select_batch(view, "EXP-0829")
    assert view.rotate_button.isEnabled()
    monkeypatch.setattr(RotateOutDialog, "ask", classmethod(
        lambda cls, parent, subject, quantity, stores: RotateOutValues("donation", "县福利院", "4")))
    view.rotate_out_selected()
    assert answers.messages[-1][0] == "info" and "CK-C001-2026-0001" in answers.messages[-1][2]
    qty = {r.batch: r.quantity for r in stock_rows(admin, store_code="C001")}
    assert qty["EXP-0829"] == 6

    select_batch(view, "EXP-0830")
    monkeypatch.setattr(ReplacementDialog, "ask", classmethod(
        lambda cls, parent, subject, quantity, today: ReplacementValues("10", dt.date(2026, 6, 20), "某厂")))
    view.plan_replacement_selected()
    view.wait_until_ready()
    row = next(view.model.row_at(r) for r in range(view.model.rowCount()) if view.model.row_at(r).batch == "EXP-0830")
    assert row.replacement_state == "planned"

    select_batch(view, "EXP-0531")
    monkeypatch.setattr(ScrapRequestDialog, "ask", classmethod(
        lambda cls, parent, subject, quantity, expired: ScrapValues("expired", "10", "过期")))
    view.request_scrap_selected()
    assert view.requests.rowCount() == 1
    view.request_table.selectRow(0)
    assert view.approve_button.isEnabled()
    view.approve_selected()
    assert view.requests.rowCount() == 0
    assert "EXP-0531" not in {r.batch for r in stock_rows(admin, store_code="C001")}


def test_error_shown_and_nothing_changes(view, admin, answers, monkeypatch):
    select_batch(view, "EXP-0829")
    monkeypatch.setattr(RotateOutDialog, "ask", classmethod(
        lambda cls, parent, subject, quantity, stores: RotateOutValues("sale", "某超市", "999")))
    view.rotate_out_selected()
    assert answers.messages[-1][0] == "error" and "不足" in answers.messages[-1][2]
    assert {r.batch: r.quantity for r in stock_rows(admin, store_code="C001")}["EXP-0829"] == 10


def test_keeper_cannot_approve(qt_env, qtbot, admin, county, answers):
    from models.services.scrap_approval import ScrapLine, request_scrap
    from tests.rotation.helpers import user_ctx

    stock_boundaries(admin, county)
    request_scrap(admin, "C001", [ScrapLine(county.water, "EXP-0531", 10)], reason_kind="expired")
    keeper = user_ctx(admin, "keeper1", "keeper", ["C001"])
    widget = RotationView(DesktopContext(keeper))
    qtbot.addWidget(widget)
    widget.wait_until_ready()
    assert widget.requests.rowCount() == 1
    widget.request_table.selectRow(0)
    assert not widget.approve_button.isEnabled()


def test_render_png(view, tmp_path):
    select_batch(view, "EXP-0829")
    path = tmp_path / "rotation.png"
    assert view.grab().save(str(path))
    assert path.stat().st_size > 10_000
    view.grab().save("/tmp/h4/rotation_view_test.png")


def test_agreement_stock_is_the_enterprises_duty(view, qtbot):
    assert "企业" in view.agreement_note.text() and "0 份" in view.agreement_note.text()
    with qtbot.waitSignal(view.open_view) as signal:
        view.agreement_button.click()
    assert signal.args == ["agreements", {}]


def test_apply_filter_from_an_alert(view):
    view.apply_filter(store="T001", status="expired")
    view.wait_until_ready()
    assert visible_batches(view) == ["R-OLD"]
    view.apply_filter(store="", status="")
    view.wait_until_ready()
    assert len(visible_batches(view)) == 7
