"""Alerts: announced once per user, acknowledged once, new again when the state moves on;
dated reminders for the scrap review (31 October) and the storage report (10 January)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.schema.audit import AuditEntry
from models.services.dashboard_alerts import acknowledge, dashboard_alerts
from models.services.inspections import install_default_schedules
from models.services.receiving import ReceiptLine, receive
from models.services.reminders import dated_reminders
from tests.conftest import make_ctx
from tests.rotation.helpers import user_ctx


@pytest.fixture
def alerting(admin, county):
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 10, batch_no="GONE", expiry_date="2026-05-20"),
        ReceiptLine(county.water, 10, batch_no="SOON", expiry_date="2026-09-15"),  # rotate by 06-17
        ReceiptLine(county.water, 10, batch_no="LATER", expiry_date="2027-09-15"),
    ])
    install_default_schedules(admin, start_date=dt.date(2026, 6, 3))
    return county


def keys(result):
    return {a.key for a in result.alerts}


def test_announced_once_then_acknowledged(admin, alerting, db):
    first = dashboard_alerts(admin, announce=True)
    assert "expiry:C001:W500:GONE:expired" in keys(first)
    assert "expiry:C001:W500:SOON:due" in keys(first)
    assert not any("LATER" in k for k in keys(first))
    assert "inspection:FIRE:C001:::2026-06-03" in keys(first)
    assert all(a.new for a in first.alerts)
    assert first.alerts[0].severity == "critical"  # expired first
    # next start: still listed, but no longer new
    second = dashboard_alerts(admin, announce=True)
    assert keys(second) == keys(first) and second.new == []
    assert acknowledge(admin, "expiry:C001:W500:GONE:expired") is True
    assert acknowledge(admin, "expiry:C001:W500:GONE:expired") is False
    assert "expiry:C001:W500:GONE:expired" not in keys(dashboard_alerts(admin))
    with db.read() as session:
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.entity == "alert",
                                                          AuditEntry.action == "acknowledge"))
    # another user still gets it, as new
    officer = user_ctx(admin, "officer1", "officer")
    theirs = {a.key: a.new for a in dashboard_alerts(officer).alerts}
    assert theirs["expiry:C001:W500:GONE:expired"] is True


def test_new_again_when_state_moves_on(admin, alerting, db):
    dashboard_alerts(admin, announce=True)
    acknowledge(admin, "expiry:C001:W500:SOON:due")
    later = make_ctx(db, admin.actor, dt.date(2026, 6, 18))
    moved = {a.key: a.new for a in dashboard_alerts(later).alerts}
    assert moved["expiry:C001:W500:SOON:overdue"] is True
    assert "expiry:C001:W500:SOON:due" not in moved


def test_keeper_sees_own_store_alerts(admin, alerting):
    keeper = user_ctx(admin, "keeper1", "keeper", ["T001"])
    stores = {a.store_code for a in dashboard_alerts(keeper).alerts}
    assert stores <= {"T001", None} and "T001" in stores


@pytest.mark.parametrize("day, expected", [
    (dt.date(2026, 9, 15), []),
    (dt.date(2026, 9, 16), [("reminder:scrap_review:2026", "due")]),
    (dt.date(2026, 10, 31), [("reminder:scrap_review:2026", "due")]),
    (dt.date(2026, 11, 1), [("reminder:scrap_review:2026", "overdue")]),
    (dt.date(2026, 11, 30), [("reminder:scrap_review:2026", "overdue"),
                             ("reminder:storage_report:2026", "due")]),
    (dt.date(2027, 1, 10), [("reminder:storage_report:2026", "due")]),
    (dt.date(2027, 1, 11), [("reminder:storage_report:2026", "overdue")]),
    (dt.date(2027, 2, 10), []),
])
def test_dated_reminders(day, expected):
    assert [(r.key, r.status) for r in dated_reminders(day)] == expected


def test_reminder_in_dashboard(admin, county, db):
    november = make_ctx(db, admin.actor, dt.date(2026, 12, 1))
    result = dashboard_alerts(november, announce=True)
    assert "reminder:storage_report:2026" in keys(result)
    acknowledge(november, "reminder:storage_report:2026")
    assert "reminder:storage_report:2026" not in keys(dashboard_alerts(november))


def test_limited_list_counts_and_announces_them_all(admin, alerting):
    """The panel asks for the most urgent few only (a city has tens of thousands): the counts and the
    announcement still cover every alert, in the same order as the full list."""
    full = dashboard_alerts(admin)
    first = dashboard_alerts(admin, announce=True, limit=2)
    assert [a.key for a in first.alerts] == [a.key for a in full.alerts[:2]]
    assert first.total == full.total > 2 and first.all_keys == [a.key for a in full.alerts]
    assert sorted(first.all_new_keys) == sorted(a.key for a in full.alerts) and first.as_json()["new"] == full.total
    again = dashboard_alerts(admin, limit=2)
    assert again.all_new_keys == [] and again.total == full.total and not any(a.new for a in again.alerts)
