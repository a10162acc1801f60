"""The users view: admin adds a keeper, changes stores and role, resets a password, deactivates."""

from __future__ import annotations

from desktop.context import DesktopContext
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.users_view import VIEW_SPEC, UserDialog, UserInput, UsersView
from models.context import Actor
from models.errors import AuthenticationError
from models.schema.enums import Role
from models.services.audit_queries import AuditFilter, search_audit
from models.services.users import authenticate
from tests.conftest import FIXED_NOW, make_ctx


def rows(view):
    return {view.proxy.index(r, 0).data(ROW_ROLE).username: view.proxy.index(r, 0).data(ROW_ROLE)
            for r in range(view.proxy.rowCount())}


def test_admin_manages_users_through_the_view(qtbot, qtmodeltester, dctx, answers, monkeypatch, county):
    assert (VIEW_SPEC.key, VIEW_SPEC.order) == ("users", 96)
    view = UsersView(dctx)
    qtbot.addWidget(view)
    view.resize(900, 400)
    monkeypatch.setattr(view, "ask_user", lambda row=None: UserInput(
        "zhang3", "张三", Role.KEEPER, [county.township_store], "zhang-pass-1"))
    view.new_user()
    assert rows(view)["zhang3"].store_codes == (county.township_store,)
    qtmodeltester.check(view.proxy, force_py=True)

    view.select_user("zhang3")
    monkeypatch.setattr(view, "ask_user", lambda row=None: UserInput(
        "zhang3", "张三", Role.KEEPER, [county.township_store, county.village_store]))
    view.edit_user()
    assert rows(view)["zhang3"].store_codes == tuple(sorted([county.township_store, county.village_store]))
    monkeypatch.setattr(view, "ask_user", lambda row=None: UserInput("zhang3", "张三", Role.VIEWER, []))
    view.edit_user()
    assert rows(view)["zhang3"].role is Role.VIEWER and rows(view)["zhang3"].store_codes == ()

    monkeypatch.setattr(view, "ask_new_password", lambda name: "short")
    view.reset_password()
    assert answers.messages[-1][0] == "error" and "至少需要 8" in answers.messages[-1][2]
    monkeypatch.setattr(view, "ask_new_password", lambda name: "zhang-new-pass")
    view.reset_password()
    assert authenticate(dctx.service.db, "zhang3", "zhang-new-pass", now=FIXED_NOW).username == "zhang3"

    view.toggle_active()
    assert rows(view)["zhang3"].active is False
    try:
        authenticate(dctx.service.db, "zhang3", "zhang-new-pass", now=FIXED_NOW)
        raise AssertionError("a deactivated user signed in")
    except AuthenticationError:
        pass
    view.grab().save("/tmp/h8_users_view.png")
    keys = [r.entity_key for r in search_audit(dctx.service, AuditFilter(entity="user")).rows]
    assert keys.count("zhang3") >= 5


def test_non_admin_sees_why_and_no_buttons(qtbot, dctx):
    officer = DesktopContext(make_ctx(dctx.service.db, Actor(None, "o", Role.OFFICER)))
    view = UsersView(officer)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0 and "管理员" in view.hint.text()
    assert not any(b.isEnabled() for b in view.buttons.values())


def test_user_dialog_returns_what_was_entered(qtbot, county):
    dialog = UserDialog([("C001", "县库"), ("T001", "城关镇")])
    qtbot.addWidget(dialog)
    dialog.username.setText("li4")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.KEEPER))
    dialog.stores.item(1).setCheckState(dialog.stores.item(1).checkState().__class__.Checked)
    dialog.password.setText("li4-password")
    value = dialog.value()
    assert (value.username, value.role, value.store_codes, value.password) == ("li4", Role.KEEPER, ["T001"], "li4-password")
    dialog.resize(420, 420)
    dialog.grab().save("/tmp/h8_user_dialog.png")
