"""Audit trail queries (filters, keyset paging) and the Excel export."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from models.context import Actor, ServiceContext
from models.errors import PermissionDeniedError, ValidationError
from models.schema.enums import Role
from models.services.audit_queries import AuditFilter, audit_facets, export_audit, iter_audit, search_audit
from models.services.receiving import ReceiptLine, receive
from models.services.settings_store import set_setting
from tests.conftest import FIXED_NOW, make_ctx


def at(ctx, when: dt.datetime):
    return ServiceContext(ctx.db, ctx.actor, "pc-2", today=lambda: when.date(), now=lambda: when)


@pytest.fixture
def trail(admin, county):
    """The county's set-up entries plus receipts on three days by two users."""
    officer = make_ctx(admin.db, Actor(None, "officer9", Role.OFFICER))
    numbers = []
    for day in (1, 2, 3):
        when = dt.datetime(2026, 6, day, 2, 0, tzinfo=dt.timezone.utc)
        numbers.append(receive(at(admin, when), county.county_store, [ReceiptLine(county.bags, day)],
                               remarks=f"第{day}天").number)
        numbers.append(receive(at(officer, when), county.township_store, [ReceiptLine(county.bags, day)]).number)
    set_setting(admin, "backup.keep", 10)
    set_setting(admin, "backup.folder", "D:/备份/100%_折扣")
    set_setting(admin, "backup.folder", "D:/备份/100a折扣")
    return numbers


def test_filters_by_user_entity_action_date_and_text(admin, trail):
    everything = list(iter_audit(admin))
    assert len(everything) > 6
    mine = search_audit(admin, AuditFilter(username="officer9")).rows
    assert len(mine) == 3 and {r.username for r in mine} == {"officer9"}
    posts = search_audit(admin, AuditFilter(entity="document", action="post")).rows
    assert sorted(r.entity_key for r in posts) == sorted(trail)
    day2 = search_audit(admin, AuditFilter(entity="document", date_from=dt.date(2026, 6, 2),
                                            date_to=dt.date(2026, 6, 2))).rows
    assert sorted(r.entity_key for r in day2) == sorted(trail[2:4])
    # % and _ are matched literally, not as wildcards
    assert len(search_audit(admin, AuditFilter(text="100%_折扣")).rows) == 2  # set, then changed from
    assert len(search_audit(admin, AuditFilter(text="100a折扣")).rows) == 1
    assert search_audit(admin, AuditFilter(text="100%%")).rows == []
    assert [r.entity_key for r in search_audit(admin, AuditFilter(text="c001-2026-0002")).rows] == [trail[2]]
    settings = search_audit(admin, AuditFilter(entity="setting")).rows
    assert settings[-1].entity_key == "backup.keep" and '"10"' in settings[-1].after
    facets = audit_facets(admin)
    assert {"admin", "officer9"} <= set(facets.usernames) and "document" in facets.entities
    with pytest.raises(ValidationError, match="晚于"):
        search_audit(admin, AuditFilter(date_from=dt.date(2026, 6, 3), date_to=dt.date(2026, 6, 1)))


def test_keyset_pages_cover_everything_once_newest_first(admin, trail):
    everything = search_audit(admin, limit=10_000).rows
    seen, after = [], None
    while True:
        page = search_audit(admin, after=after, limit=3)
        seen.extend(page.rows)
        if page.next_key is None:
            break
        after = page.next_key
    assert [r.id for r in seen] == [r.id for r in everything]
    keys = [(r.at, r.id) for r in seen]
    assert keys == sorted(keys, reverse=True)


def test_keepers_cannot_read_the_trail_viewers_can(admin, trail, db):
    keeper = make_ctx(db, Actor(None, "k", Role.KEEPER, frozenset({1})))
    with pytest.raises(PermissionDeniedError, match="保管员"):
        search_audit(keeper)
    viewer = make_ctx(db, Actor(None, "v", Role.VIEWER))
    assert search_audit(viewer).rows


def test_export_to_excel_keeps_text_as_text(admin, trail, tmp_path):
    path = tmp_path / "audit.xlsx"
    count = export_audit(admin, AuditFilter(entity="document"), path)
    assert count == 6
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:3] == ("序号", "时间", "用户")
    body = rows[3:]
    assert len(body) == 6
    assert {row[6] for row in body} == set(trail)
    cells = [c for row in sheet.iter_rows(min_row=4) for c in row]
    assert all(c.data_type != "f" for c in cells)  # nothing became a formula
    assert "对象 单据" in rows[1][0]


def test_the_trail_refuses_update_and_delete(admin, trail, db):
    from sqlalchemy.exc import DBAPIError

    for statement in ("UPDATE audit_log SET summary = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with db.write() as session:
                session.execute(text(statement))
    assert len(list(iter_audit(admin))) > 6


def test_formula_like_text_is_exported_as_text(admin, db, tmp_path):
    set_setting(admin, "backup.folder", "=HYPERLINK(\"http://x\")+cmd|' /C calc'!A0")
    path = tmp_path / "audit.xlsx"
    assert export_audit(admin, AuditFilter(entity="setting"), path) == 1
    sheet = load_workbook(path).active
    row = [c for c in sheet[4]]
    assert row[9].value.startswith('{"backup.folder": "=HYPERLINK')
    assert all(c.data_type != "f" for c in row)
    from models.documents.audit_xlsx import write_audit_workbook
    from models.services.audit_queries import AuditRow

    bare = AuditRow(1, FIXED_NOW, "u", "m", "update", "setting", "=1+1", "=SUM(A1:A9)", "", "")
    write_audit_workbook([bare], tmp_path / "bare.xlsx")
    cells = list(load_workbook(tmp_path / "bare.xlsx").active[4])
    assert cells[6].value == "=1+1" and cells[6].data_type == "s" and cells[7].value == "=SUM(A1:A9)"
