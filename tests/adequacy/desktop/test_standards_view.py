"""The standards editor: copy a standard, edit needs and linked items, read-only for viewers."""

from __future__ import annotations

from decimal import Decimal

from desktop.context import DesktopContext
from desktop.views.standards_view import VIEW_SPEC, StandardsView
from models.context import Actor
from models.schema.enums import Role
from models.services.standards import SUMMER_DEFAULT, NeedInput, get_standard
from tests.conftest import make_ctx


def make_view(qtbot, dctx) -> StandardsView:
    view = StandardsView(dctx)
    qtbot.addWidget(view)
    return view


def select(view, name):
    view.list.setCurrentRow([s.name for s in view.standards].index(name))


def test_spec_and_models(qtbot, qtmodeltester, dctx):
    assert (VIEW_SPEC.key, VIEW_SPEC.title, VIEW_SPEC.order) == ("standards", "定额标准", 85)
    view = make_view(qtbot, dctx)
    assert [s.name for s in view.standards][:2] == [SUMMER_DEFAULT, "国家/Sphere 冬季"]
    assert view.needs.rowCount() == 8 and view.title.text() == SUMMER_DEFAULT
    qtmodeltester.check(view.needs, force_py=True)
    qtmodeltester.check(view.links, force_py=True)
    assert not view.delete_button.isEnabled()  # built-in defaults are kept


def test_copy_edit_need_link_and_unlink(qtbot, dctx, county, answers):
    view = make_view(qtbot, dctx)
    notified = []
    dctx.changed.connect(notified.append)
    answers.text_answers = ["我的标准"]
    view.copy_standard()
    assert view.current().name == "我的标准" and not view.current().is_builtin
    assert view.delete_button.isEnabled()
    view.edit_need(NeedInput("饮用水", "L", "per_person_day", "2.5", 10))
    assert get_standard(dctx.service, "我的标准").needs[0].quota == Decimal("2.5")
    assert get_standard(dctx.service, SUMMER_DEFAULT).needs[0].quota == 3
    view.link_item((county.water, "0.55"))
    assert [(l.item_code, l.factor) for l in view.links.rows()] == [(county.water, Decimal("0.55"))]
    view.link_table.setCurrentIndex(view.link_table.model().index(0, 0))
    answers.text_answers = ["0.5"]
    view.change_factor()
    assert view.links.rows()[0].factor == Decimal("0.5")
    view.link_table.setCurrentIndex(view.link_table.model().index(0, 0))
    view.unlink_item()
    assert view.links.rows() == []
    view.add_need(NeedInput("照明灯", "盏", "fixed", "30"))
    assert answers.messages == []
    assert view.current_need().name == "照明灯"
    view.delete_need()
    assert "照明灯" not in [n.name for n in get_standard(dctx.service, "我的标准").needs]
    assert notified and all("standards" in flags for flags in notified)


def test_refusals_are_shown_not_raised(qtbot, dctx, answers):
    view = make_view(qtbot, dctx)
    view.add_need(NeedInput("饮用水", "L", "fixed", "1"))  # a duplicate name
    view.add_need(NeedInput("新项", "L", "fixed", "0"))
    assert [kind for kind, _, _ in answers.messages] == ["error", "error"]
    assert "已有需求项" in answers.messages[0][2] and "大于 0" in answers.messages[1][2]


def test_auto_link_defaults(qtbot, dctx, county, answers):
    view = make_view(qtbot, dctx)
    select(view, SUMMER_DEFAULT)
    view.auto_link()
    assert answers.messages[-1][0] == "info"
    water = get_standard(dctx.service, SUMMER_DEFAULT).needs[0]
    assert [(i.item_code, i.factor) for i in water.items] == [(county.water, Decimal("0.55"))]


def test_viewer_cannot_edit(qtbot, admin, db):
    from models.services.standards import ensure_default_standards

    ensure_default_standards(admin)
    viewer = DesktopContext(make_ctx(db, Actor(None, "viewer", Role.VIEWER)))
    view = make_view(qtbot, viewer)
    assert view.needs.rowCount() == 8
    assert not view.copy_button.isEnabled() and not view.link_button.isEnabled()


def test_render_for_a_look(qtbot, dctx, county, answers):
    view = make_view(qtbot, dctx)
    view.auto_link()
    view.resize(1100, 650)
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save("/tmp/h6_standards_view_test.png")
