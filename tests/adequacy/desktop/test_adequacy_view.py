"""The adequacy view: scenario controls recompute at once, colours, chart, drill-down and exports."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QHorizontalStackedBarSeries

from desktop import context as flags
from desktop.views.adequacy_view import RED_BG, AMBER_BG, GREEN_BG, VIEW_SPEC, AdequacyView
from desktop.views.registry import discover_views
from models.services.receiving import ReceiptLine, receive
from models.services.standards import SUMMER_DEFAULT, NeedInput, add_need, create_standard, link_item

STD = "界面测试标准"


def stock(admin, county):
    create_standard(admin, STD)
    add_need(admin, STD, NeedInput("饮用水", "L", "per_person_day", "3"))
    add_need(admin, STD, NeedInput("帐篷", "顶", "per_persons", "3"))
    add_need(admin, STD, NeedInput("编织袋", "条", "fixed", "100"))
    link_item(admin, STD, "饮用水", county.water, "0.55")
    link_item(admin, STD, "帐篷", county.tent, 1)
    link_item(admin, STD, "编织袋", county.bags, 1)
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 1000, batch_no="W1"),  # 550 L
        ReceiptLine(county.tent, 25, batch_no="T1"),
        ReceiptLine(county.bags, 150),
    ])
    receive(admin, county.village_store, [ReceiptLine(county.tent, 5, batch_no="T1")])


def make_view(qtbot, dctx, standard=STD) -> AdequacyView:
    view = AdequacyView(dctx)
    qtbot.addWidget(view)
    view.standard.setCurrentIndex(view.standard.findData(standard))
    view.recompute()
    return view


def rows(view) -> dict[str, tuple]:
    return {line.need: line for line in view.model.rows()}


def test_registered_with_the_main_window():
    assert VIEW_SPEC.key == "adequacy" and VIEW_SPEC.title == "储备能力评估" and VIEW_SPEC.order == 30
    assert any(spec.key == "adequacy" for spec in discover_views())


def test_defaults_installed_and_summer_default_selected(qtbot, dctx):
    view = AdequacyView(dctx)
    qtbot.addWidget(view)
    assert view.standard.currentData() == SUMMER_DEFAULT
    assert view.people.value() == 5000 and view.days.value() == 15
    view.wait_for_figures()  # the first check runs on a pool thread
    assert len(view.model.rows()) == 8


def test_models_pass_the_model_tester(qtbot, qtmodeltester, admin, county, dctx):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(view.proxy, force_py=True)
    dialog = view.show_drill_down("帐篷", modal=False)
    qtbot.addWidget(dialog)
    for model in (dialog.stores, dialog.batches, dialog.agreements):
        qtmodeltester.check(model, force_py=True)


def test_sliders_update_the_table_at_once(qtbot, admin, county, dctx):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    view.people.setValue(100)
    view.days.setValue(10)
    view.recompute()
    assert rows(view)["饮用水"].required == 3000 and rows(view)["帐篷"].required == 34
    view.people_slider.setValue(300)  # the slider drives the spin box, the timer recomputes
    assert view.people.value() == 300
    qtbot.waitUntil(lambda: rows(view)["帐篷"].required == 100, timeout=3000)
    view.days_slider.setValue(20)
    qtbot.waitUntil(lambda: rows(view)["饮用水"].required == 18000, timeout=3000)
    assert "300 人 × 20 天" in view.summary.text()


def test_colours_follow_coverage(qtbot, admin, county, dctx):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    view.people.setValue(60)
    view.days.setValue(5)
    view.recompute()
    lines = rows(view)
    assert lines["饮用水"].coverage == Decimal("0.6111")  # 550 ÷ 900 → amber
    assert lines["帐篷"].coverage == Decimal("1.5")  # 30 ÷ 20 → green
    assert lines["编织袋"].coverage == Decimal("1.5")
    view.people.setValue(600)
    view.recompute()
    by_name = {view.model.index(r, 0).data(): view.model.index(r, 0).data(0x08) for r in range(view.model.rowCount())}
    assert by_name["饮用水"] == RED_BG and by_name["编织袋"] == GREEN_BG
    assert rows(view)["帐篷"].coverage == Decimal("0.15")
    view.people.setValue(45)
    view.recompute()
    by_name = {view.model.index(r, 0).data(): view.model.index(r, 0).data(0x08) for r in range(view.model.rowCount())}
    assert by_name["饮用水"] == AMBER_BG


def test_scope_and_standard_choices(qtbot, admin, county, dctx):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    view.scope.setCurrentIndex(view.scope.findData("level:village"))
    view.recompute()
    assert rows(view)["帐篷"].own == 5
    view.scope.setCurrentIndex(view.scope.findData("area:320101001"))
    view.recompute()
    assert rows(view)["帐篷"].own == 5 and view.scenario().area == "320101001"
    view.scope.setCurrentIndex(0)
    view.recompute()
    assert rows(view)["帐篷"].own == 30


def test_chart_has_one_bar_per_need_in_its_colour_band(qtbot, admin, county, dctx):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    view.people.setValue(60)
    view.days.setValue(5)
    view.recompute()
    series = [s for s in view.chart.series() if isinstance(s, QHorizontalStackedBarSeries)][0]
    red, amber, green = series.barSets()
    # reversed order: 编织袋, 帐篷, 饮用水 from bottom to top
    assert [amber.at(i) for i in range(3)] == [0, 0, 61.11]
    assert [green.at(i) for i in range(3)] == [150, 150, 0]
    assert [red.at(i) for i in range(3)] == [0, 0, 0]


def test_refreshes_when_stock_changes(qtbot, admin, county, dctx):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    before = rows(view)["编织袋"].own
    receive(admin, county.county_store, [ReceiptLine(county.bags, 50)])
    dctx.notify(flags.STOCK)
    qtbot.waitUntil(lambda: rows(view)["编织袋"].own == before + 50, timeout=3000)


def test_drill_down_and_exports(qtbot, admin, county, dctx, answers, tmp_path):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    dialog = view.show_drill_down("帐篷", modal=False)
    qtbot.addWidget(dialog)
    assert [(r.store_code, r.own) for r in dialog.stores.rows()] == [("C001", 25), ("V001", 5)]
    assert dialog.tabs.count() == 3
    pdf = view.export_pdf(str(tmp_path / "check.pdf"))
    xlsx = view.export_xlsx(str(tmp_path / "check.xlsx"))
    assert open(pdf, "rb").read(4) == b"%PDF" and (tmp_path / "check.xlsx").stat().st_size > 0
    assert [kind for kind, _, _ in answers.messages] == ["info", "info"] and xlsx


def test_render_for_a_look(qtbot, admin, county, dctx):
    stock(admin, county)
    view = make_view(qtbot, dctx)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab()
    assert image.save("/tmp/h6_adequacy_view_test.png")
    assert image.width() == 1200


def test_opens_at_once_and_checks_on_a_pool_thread(qtbot, admin, county, dctx):
    stock(admin, county)
    view = AdequacyView(dctx)
    qtbot.addWidget(view)
    assert view.computing and view.report is None  # the UI thread did not wait for the check
    assert view.summary.text() == "正在计算…"
    view.standard.setCurrentIndex(view.standard.findData(STD))
    view.recompute_in_background()  # a newer scenario overtakes the first check, whose answer is dropped
    view.wait_for_figures()
    assert not view.computing and view.report.standard == STD
    assert {line.need for line in view.model.rows()} == {"饮用水", "帐篷", "编织袋"}
    assert "5,000 人 × 15 天" in view.summary.text() or "5000 人 × 15 天" in view.summary.text()


def test_scope_choices_match_the_standards_and_areas_services(admin, county):
    from models.services.adequacy import scope_choices
    from models.services.standards import create_standard, ensure_default_standards, list_standards
    from models.services.warehouses import list_areas

    ensure_default_standards(admin)
    create_standard(admin, "甲标准")
    create_standard(admin, STD)
    names, areas = scope_choices(admin)
    assert names == [standard.name for standard in list_standards(admin)]
    assert [(a.code, a.name, a.kind) for a in areas] == [(a.code, a.name, a.kind.value) for a in list_areas(admin)]
    assert len(areas) >= 2
