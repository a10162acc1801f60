"""The 协议储备 screen on the small county: list with reminders, detail tabs, dialogs, actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop import settings as app_settings
from desktop import style
from desktop.context import DesktopContext
from desktop.interaction import Interaction
from desktop.table_models.row_model import ROW_ROLE
from desktop.dialogs.agreement_dialogs import AgreementDialog, CallUpDialog, CheckDialog
from desktop.views.agreements_view import VIEW_SPEC, AgreementsView
from models.schema.agreements import AgreementState
from models.services.agreements import agreement_detail, list_agreements, record_check
from tests.agreements.helpers import TEXTILE, make_agreement

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings = app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)))
    yield settings
    app_settings.install(None)


@pytest.fixture(scope="module", autouse=True)
def styled(qapp):
    style.apply(qapp)  # Fusion, the bundled Chinese font, the stylesheet
    return qapp


@pytest.fixture
def said(monkeypatch):
    """Replace the prompts: record messages, answer texts from a queue, confirm yes."""
    record = {"messages": [], "texts": []}
    monkeypatch.setattr(Interaction, "information", staticmethod(lambda p, t, text: record["messages"].append(("info", text))))
    monkeypatch.setattr(Interaction, "error", staticmethod(lambda p, t, text: record["messages"].append(("error", text))))
    monkeypatch.setattr(Interaction, "confirm", staticmethod(lambda p, t, text: True))
    monkeypatch.setattr(Interaction, "ask_text", staticmethod(lambda p, t, l, d="": record["texts"].pop(0) if record["texts"] else None))
    return record


@pytest.fixture
def dctx(admin, county):
    make_agreement(admin, county, end="2026-08-01")  # within 90 days of 2026-06-01
    record_check(admin, "XY-2026-01", "2026-05-20", "张科员", {county.water: 5600, county.rice: 4500}, remarks="饮用水不足")
    make_agreement(admin, county, number="CN-2026-02", kind="capacity", code=TEXTILE, hours=24, fee=30000, end="2027-12-31")
    return DesktopContext(admin)


def numbers(view) -> list[str]:
    return [view.proxy.index(r, 0).data(ROW_ROLE).number for r in range(view.proxy.rowCount())]


def test_spec_and_models(qtbot, qtmodeltester, dctx):
    assert (VIEW_SPEC.key, VIEW_SPEC.title, VIEW_SPEC.order) == ("agreements", "协议储备", 80)
    view = AgreementsView(dctx)
    qtbot.addWidget(view)
    for model in (view.model, view.proxy, view.lines_model, view.checks_model, view.calls_model, view.fees_model):
        qtmodeltester.check(model, force_py=True)


def test_list_reminders_and_detail(qtbot, dctx, tmp_path):
    view = AgreementsView(dctx)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    assert numbers(view) == ["XY-2026-01", "CN-2026-02"]
    text = view.reminders.text()
    assert "1 份协议 90 天内到期" in text and "XY-2026-01" in text and "短缺 2,400 瓶" in text
    first = view.proxy.index(0, 0)
    assert first.data(Qt.BackgroundRole) == style.DUE_BG
    assert "61 天后到期" in view.proxy.index(0, 8).data()
    view.select("XY-2026-01")
    lines = {r.item_code: r for r in view.lines_model.rows()}
    assert lines["W500"].shortfall == 2400 and lines["W500"].available == 5600
    fees = view.fees_model.rows()
    assert [(f.quarter, f.deduction) for f in fees] == [(1, 0), (2, Decimal("1500.00")), (3, Decimal("0.00"))]
    view.state_filter.setCurrentIndex(view.state_filter.findData("expiring"))
    assert numbers(view) == ["XY-2026-01"]
    view.state_filter.setCurrentIndex(0)
    view.search.setText("纺织")
    assert numbers(view) == []  # both agreements name the same test enterprise
    view.search.clear()
    view.tabs.setCurrentIndex(3)
    assert view.grab().save(str(tmp_path / "agreements_fees.png"))
    view.tabs.setCurrentIndex(0)
    assert view.grab().save(str(tmp_path / "agreements.png"))


def test_add_agreement_dialog_validates_and_saves(qtbot, dctx, county, said):
    view = AgreementsView(dctx)
    qtbot.addWidget(view)
    dialog = AgreementDialog(dctx, None, view)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.number, "XY-2026-09")
    dialog.enterprise.setText("临江五金")
    qtbot.keyClicks(dialog.credit_code, "91320101134567890K")
    dialog._check_credit_code()
    assert "校验位" in dialog.form.error_text("统一社会信用代码")
    dialog.lines.item(0, 0).setText(county.bags)
    assert "编织袋" in dialog.lines.item(0, 1).text()
    dialog.lines.item(0, 2).setText("100000")
    dialog.lines.item(0, 3).setText("80000")
    dialog.save()
    assert "校验位" in dialog.form.error_text("统一社会信用代码")
    assert "XY-2026-09" not in [r.number for r in list_agreements(dctx.service)]
    dialog.credit_code.setText("91320101134567890J")
    dialog.hours.setText("6")
    dialog.fee.setText("20000")
    with qtbot.waitSignal(dctx.changed):
        dialog.save()
    assert dialog.saved_number == "XY-2026-09"
    detail = agreement_detail(dctx.service, "XY-2026-09")
    assert detail.row.state is AgreementState.DRAFT and detail.row.response_hours == 6
    assert [(l.item_code, l.guaranteed, l.minimum) for l in detail.lines] == [(county.bags, 100000, 80000)]
    assert "XY-2026-09" in numbers(view)
    view.select("XY-2026-09")
    assert view.buttons["activate"].isEnabled() and not view.buttons["call_up"].isEnabled()
    view.activate()
    assert agreement_detail(dctx.service, "XY-2026-09").row.state is AgreementState.ACTIVE
    assert view.buttons["call_up"].isEnabled() and not view.buttons["activate"].isEnabled()


def test_check_call_up_replenish_terminate(qtbot, dctx, county, said):
    view = AgreementsView(dctx)
    qtbot.addWidget(view)
    view.select("XY-2026-01")
    check = CheckDialog(dctx, view.detail, view)
    qtbot.addWidget(check)
    check.checked_by.setText("王科员")
    check.set_found(county.water, "9000")
    with qtbot.waitSignal(dctx.changed):
        check.save()
    assert view.detail.checks[0].checked_by == "王科员" and "短缺" not in view.reminders.text()
    call = CallUpDialog(dctx, view.detail, view)
    qtbot.addWidget(call)
    call.line.setCurrentIndex(call.line.findData(county.water))
    call.quantity.setText("9001")
    call.save()
    assert "可动用 9000" in call.form.error_text("动用数量")
    call.quantity.setText("4000")
    call.order.setText("DB-2026-0001")
    call.save()
    assert said["messages"][-1] == ("info", "已记录动用，企业应在 2026-06-01 14:00 前送达。")
    assert view.detail.lines[0].available == 5000 and view.buttons["replenish"].isEnabled()
    said["texts"].append("1500")
    view.replenish()
    assert view.detail.call_ups[0].replenished == 1500
    said["texts"].append("企业停业")
    view.terminate()
    assert view.detail.row.state is AgreementState.TERMINATED
    assert not view.buttons["call_up"].isEnabled()
    said["texts"].append("XY-2027-01")
    view.renew()
    assert view.selected_number() == "XY-2027-01" and view.detail.history == ["XY-2026-01"]


def test_print_and_export(qtbot, dctx, said, tmp_path):
    view = AgreementsView(dctx)
    qtbot.addWidget(view)
    view.select("CN-2026-02")
    pdf = view.print_summary(str(tmp_path / "s.pdf"))
    assert open(pdf, "rb").read(4) == b"%PDF"
    xlsx = view.export_excel(str(tmp_path / "l.xlsx"))
    assert open(xlsx, "rb").read(2) == b"PK"
    assert [kind for kind, _ in said["messages"]] == ["info", "info"]
