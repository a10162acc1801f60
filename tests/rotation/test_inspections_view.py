"""The inspections screen and the dashboard alerts panel."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.rotation_dialogs import InspectionDialog, InspectionValues
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.inspections_view import VIEW_SPEC, InspectionsView
from desktop.widgets.alerts_panel import AlertsPanel
from models.services.inspections import install_default_schedules
from models.services.receiving import ReceiptLine, receive
from models.services.scrap_approval import list_scrap_requests


@pytest.fixture
def dctx(admin, county):
    receive(admin, county.county_store, [
        ReceiptLine(county.tent, 10, batch_no="T-2025"),
        ReceiptLine(county.water, 10, batch_no="GONE", expiry_date="2026-05-20"),
        ReceiptLine(county.water, 10, batch_no="SOON", expiry_date="2026-09-15"),
    ])
    receive(admin, county.county_store, [ReceiptLine(county.bags, 300, batch_no="BAG-OLD")],
            doc_date=dt.date(2023, 1, 1))
    install_default_schedules(admin, start_date=dt.date(2026, 5, 20))
    return DesktopContext(admin)


def test_inspections_view(qt_env, qtbot, dctx, answers, monkeypatch, qtmodeltester):
    view = InspectionsView(dctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    assert (VIEW_SPEC.key, VIEW_SPEC.order) == ("inspections", 75)
    qtmodeltester.check(view.model)
    rows = [view.proxy.index(r, 0).data(ROW_ROLE) for r in range(view.proxy.rowCount())]
    assert {r.status for r in rows} == {"overdue"}
    assert ("FIRE", "C001") in {(r.schedule_code, r.store_code) for r in rows}
    assert view.model.index(0, 0).data(Qt.BackgroundRole) == style.EXPIRED_BG
    before = view.proxy.rowCount()
    fire = next(r for r in range(view.proxy.rowCount())
                if view.proxy.index(r, 0).data(ROW_ROLE).schedule_code == "FIRE"
                and view.proxy.index(r, 0).data(ROW_ROLE).store_code == "C001")
    view.table.selectRow(fire)
    monkeypatch.setattr(InspectionDialog, "ask", classmethod(
        lambda cls, parent, subject, today, inspector="", can_scrap=False: InspectionValues(
            "王保管", dt.date(2026, 6, 1), "pass", photos=["/tmp/fire.jpg"])))
    view.record_selected()
    assert "2026-07-01" in answers.messages[-1][2]
    assert view.proxy.rowCount() == before - 1 and view.history.rowCount() == 1
    sample = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data(ROW_ROLE).batch == "BAG-OLD")
    view.table.selectRow(sample)
    monkeypatch.setattr(InspectionDialog, "ask", classmethod(
        lambda cls, parent, subject, today, inspector="", can_scrap=False: InspectionValues(
            "王保管", dt.date(2026, 6, 1), "fail", problems="老化", follow_up="scrap", scrap_quantity="100")))
    view.record_selected()
    assert "BF-C001-2026-0001" in answers.messages[-1][2]
    assert list_scrap_requests(dctx.service)[0].lines[0].quantity == 100
    view.grab().save("/tmp/h4/inspections_view_test.png")


def _texts(panel) -> list[str]:
    return [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]


def test_alerts_panel_announces_once(qt_env, qtbot, dctx, qtmodeltester):
    panel = AlertsPanel(dctx)
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    assert not panel.ready and "正在计算" in panel.summary.text()  # counted on a pool thread
    panel.wait_until_ready()
    qtmodeltester.check(panel.model)
    texts = _texts(panel)
    assert any("GONE" in t and t.startswith("【新】") for t in texts)
    assert panel.model.index(0, 0).data(Qt.BackgroundRole).color() == style.EXPIRED_BG
    assert panel.model.index(0, 0).data(Qt.FontRole).bold()
    panel.grab().save("/tmp/h4/alerts_panel_test.png")
    count = panel.model.rowCount()
    # the next start: same alerts, none new
    again = AlertsPanel(dctx)
    qtbot.addWidget(again)
    again.wait_until_ready()
    assert again.model.rowCount() == count
    assert not any(t.startswith("【新】") for t in _texts(again))
    assert not again.ack_button.isEnabled()
    again.list.setCurrentIndex(again.model.index(0, 0))
    assert again.ack_button.isEnabled()
    acknowledged = again.selected_alert().key
    again.acknowledge_selected()
    again.wait_until_ready()
    assert again.model.rowCount() == count - 1
    assert acknowledged not in {alert.key for alert in again.listed}
    with qtbot.waitSignal(again.open_view) as signal:
        again.list.activated.emit(again.model.index(0, 0))
    assert signal.args[0] in ("rotation", "inspections")
    first = next(a for a in panel.alerts if a.kind == "expiry")
    row = panel.listed.index(first)
    with qtbot.waitSignal(panel.open_view) as signal:
        panel.list.activated.emit(panel.model.index(row, 0))
    assert signal.args == ["rotation", {"store": "C001", "status": "expired"}]


def test_alerts_panel_lists_at_most_max_and_counts_the_rest(qt_env, qtbot, dctx, monkeypatch):
    """A city has thousands of alerts: the panel lists the first MAX_LISTED and says how many more;
    refreshing it many times does not wear down None's reference count (PySide6 6.12 / Python 3.11,
    see the panel's docstring)."""
    import datetime as dt
    import sys

    from desktop.widgets import alerts_panel
    from models.services.dashboard_alerts import DashboardAlerts
    from models.services.reminders import Alert

    many = [Alert(f"expiry:S:I:B{n}:expired", "expiry", "critical", f"批次 B{n}", "已过期", dt.date(2026, 1, 1),
                  new=n % 2 == 0) for n in range(alerts_panel.MAX_LISTED + 57)]
    monkeypatch.setattr(alerts_panel, "dashboard_alerts",
                        lambda ctx, announce, limit: DashboardAlerts(many[:limit], [a.key for a in many]))
    panel = AlertsPanel(dctx)
    qtbot.addWidget(panel)
    panel.wait_until_ready()
    assert panel.model.rowCount() == alerts_panel.MAX_LISTED + 1
    assert "57" in panel.model.index(alerts_panel.MAX_LISTED, 0).data()
    assert str(alerts_panel.MAX_LISTED + 57) in panel.summary.text()
    panel.list.setCurrentIndex(panel.model.index(alerts_panel.MAX_LISTED, 0))  # "more": nothing to acknowledge
    assert panel.selected_alert() is None and not panel.ack_button.isEnabled()
    before = sys.getrefcount(None)
    for _ in range(5):
        panel.refresh()
        panel.wait_until_ready()
        panel.grab()  # painted: every role of the visible rows asked for
    assert panel.model.rowCount() == alerts_panel.MAX_LISTED + 1
    # 5 × 201 coloured rows: the QListWidget calls dropped None's count by 2,000 here; about 20 per refresh
    # remain (other PySide6 calls: model reset, labels, the pool), far from a crash
    assert before - sys.getrefcount(None) < 250
