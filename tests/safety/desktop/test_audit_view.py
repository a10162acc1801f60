"""The audit view (filters, paging, export) and the backup status widget."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from desktop.context import DesktopContext
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.audit_view import VIEW_SPEC, AuditView
from desktop.widgets.backup_status import BackupStatus
from models.context import Actor
from models.schema.enums import Role
from models.services import backup as backups
from models.services.settings_store import set_setting
from tests.conftest import make_ctx


def shown(view):
    return [view.proxy.index(r, 0).data(ROW_ROLE) for r in range(view.proxy.rowCount())]


def test_audit_view_filters_pages_and_exports(qtbot, qtmodeltester, dctx, answers, tmp_path, monkeypatch):
    assert (VIEW_SPEC.key, VIEW_SPEC.title, VIEW_SPEC.order) == ("audit", "审计日志", 95)
    set_setting(dctx.service, "backup.keep", 12)
    view = AuditView(dctx)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.wait_for_facets()  # the boxes are filled from a pool thread
    qtmodeltester.check(view.proxy, force_py=True)
    everything = len(shown(view))
    assert everything > 10
    view.entity_box.setCurrentIndex(view.entity_box.findData("setting"))
    view.apply_filters()
    rows = shown(view)
    assert [r.entity_key for r in rows] == ["backup.keep"]
    view.table.selectRow(0)
    assert '"12"' in view.detail.toPlainText() and "修改前" in view.detail.toPlainText()
    view.entity_box.setCurrentIndex(0)
    view.text_edit.setText("C001")
    view.apply_filters()
    assert shown(view) and all("C001" in (r.entity_key + r.summary + r.after + r.before) for r in shown(view))
    view.text_edit.clear()
    view.apply_filters()
    view.grab().save("/tmp/h8_audit_view.png")

    monkeypatch.setattr("desktop.views.audit_view.PAGE_SIZE", 5)
    view.apply_filters()
    assert view.model.rowCount() == 5 and view.more_button.isEnabled()
    while view.more_button.isEnabled():
        view.load_more()
    assert view.model.rowCount() == everything
    ids = [r.id for r in view.model.rows()]
    assert len(set(ids)) == len(ids)

    target = tmp_path / "审计.xlsx"
    monkeypatch.setattr(view, "choose_export_path", lambda: str(target))
    view.export()
    assert answers.messages[-1][0] == "info"
    sheet = load_workbook(target).active
    assert sheet.max_row - 3 == everything


def test_keeper_sees_a_refusal_not_the_trail(qtbot, dctx, county):
    keeper = DesktopContext(make_ctx(dctx.service.db, Actor(None, "k", Role.KEEPER, frozenset({1}))))
    view = AuditView(keeper)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0
    assert "保管员" in view.count_label.text() and not view.export_button.isEnabled()


def test_backup_status_turns_amber_and_backs_up(qtbot, dctx, answers, tmp_path, monkeypatch, backend):
    widget = BackupStatus(dctx, daily_backup=False)
    qtbot.addWidget(widget)
    if backend != "sqlite":
        assert "pg_dump" in widget.label.text() and widget.button.isHidden()
        return
    assert widget.property("overdue") is True and "从未备份" in widget.label.text()
    monkeypatch.setattr(widget, "choose_target", lambda: str(tmp_path / "b.db"))
    widget.backup_now()
    assert (tmp_path / "b.db").exists() and widget.property("overdue") is False
    monkeypatch.setattr(widget, "choose_folder", lambda: str(tmp_path / "chosen"))
    widget.change_folder()
    assert backups.backup_folder(dctx.service.db) == tmp_path / "chosen"
    assert "上次备份" in widget.label.text() and answers.messages[-1][0] == "info"
    widget.grab().save("/tmp/h8_backup_ok.png")
    later = make_ctx(dctx.service.db, dctx.service.actor, today=dt.date(2026, 6, 20))
    later.now = lambda: dt.datetime(2026, 6, 20, 8, tzinfo=dt.timezone.utc)
    late = BackupStatus(DesktopContext(later), daily_backup=False)
    qtbot.addWidget(late)
    assert late.property("overdue") is True and "已超过 19 天" in late.label.text()
    late.grab().save("/tmp/h8_backup_late.png")
    assert backups.last_backup_at(dctx.service.db) is not None


def test_backup_status_makes_the_daily_copy_once(qtbot, dctx, backend, tmp_path):
    if backend != "sqlite":
        widget = BackupStatus(dctx)
        qtbot.addWidget(widget)
        assert widget.auto_copy is None and not widget.auto_error
        return
    set_setting(dctx.service, "backup.folder", str(tmp_path / "daily"))
    first = BackupStatus(dctx)
    qtbot.addWidget(first)
    assert first.auto_copy is not None and first.auto_copy.parent == tmp_path / "daily"
    assert first.property("overdue") is False
    second = BackupStatus(dctx)  # same day: no second copy
    qtbot.addWidget(second)
    assert second.auto_copy is None and len(list((tmp_path / "daily").iterdir())) == 1
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    set_setting(dctx.service, "backup.folder", str(blocker / "sub"))
    later = make_ctx(dctx.service.db, dctx.service.actor)
    later.now = lambda: dt.datetime(2026, 6, 3, 8, tzinfo=dt.timezone.utc)
    failing = BackupStatus(DesktopContext(later))
    qtbot.addWidget(failing)
    assert failing.auto_error and "自动备份失败" in failing.label.text() and failing.property("overdue") is True


def test_the_first_page_is_shown_while_the_boxes_are_read_on_a_pool_thread(qtbot, dctx):
    from models.services.audit_queries import audit_facets

    set_setting(dctx.service, "backup.keep", 12)
    view = AuditView(dctx)
    qtbot.addWidget(view)
    assert not view.facets_ready and view.model.rowCount() > 0  # the page did not wait for the boxes
    assert [view.entity_box.itemData(i) for i in range(view.entity_box.count())] == [""]
    view.wait_for_facets()
    facets = audit_facets(dctx.service)
    assert [view.entity_box.itemData(i) for i in range(view.entity_box.count())] == ["", *facets.entities]
    assert [view.user_box.itemData(i) for i in range(view.user_box.count())] == ["", *facets.usernames]
    assert [view.action_box.itemData(i) for i in range(view.action_box.count())] == ["", *facets.actions]
