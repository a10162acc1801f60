"""Roles enforced in the services, sign-in rules, and no password anywhere in the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from models.errors import AuthenticationError, ConflictError, PermissionDeniedError, ValidationError
from models.schema.audit import AuditEntry
from models.schema.documents import Document
from models.schema.users import User
from models.services import dispatch, user_admin
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.scrapping import ScrapLine, scrap
from models.services.settings_store import set_setting
from models.services.users import add_user, authenticate, set_password
from models.services.verify import verify
from tests.conftest import FIXED_NOW, make_ctx

PASSWORDS = {"officer1": "officer-secret-1", "keeper1": "keeper-secret-1", "viewer1": "viewer-secret-1"}


@pytest.fixture
def people(admin, county, db):
    add_user(admin, "officer1", "officer", password=PASSWORDS["officer1"])
    add_user(admin, "keeper1", "keeper", password=PASSWORDS["keeper1"], store_codes=[county.township_store])
    add_user(admin, "viewer1", "viewer", password=PASSWORDS["viewer1"])
    ctxs = {name: make_ctx(db, authenticate(db, name, pw, now=FIXED_NOW)) for name, pw in PASSWORDS.items()}
    receive(admin, county.county_store, [ReceiptLine(county.bags, 100, batch_no="B1")])
    receive(admin, county.township_store, [ReceiptLine(county.bags, 100, batch_no="B1")])
    return ctxs


def _documents(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Document.id)))


def test_keeper_posts_only_in_assigned_store(people, county, db):
    keeper = people["keeper1"]
    receive(keeper, county.township_store, [ReceiptLine(county.bags, 5, batch_no="B1")])
    issue(keeper, county.township_store, [IssueLine(county.bags, 3)], receiver="东村")
    before = _documents(db)
    with pytest.raises(PermissionDeniedError, match="不是储备库“县应急物资储备库”"):
        receive(keeper, county.county_store, [ReceiptLine(county.bags, 5, batch_no="B1")])
    with pytest.raises(PermissionDeniedError):
        issue(keeper, county.county_store, [IssueLine(county.bags, 1)], receiver="x")
    assert _documents(db) == before


def test_viewer_cannot_post_anything(people, county, db):
    viewer = people["viewer1"]
    before = _documents(db)
    for action in (
        lambda: receive(viewer, county.county_store, [ReceiptLine(county.bags, 5)]),
        lambda: issue(viewer, county.township_store, [IssueLine(county.bags, 1)], receiver="x"),
        lambda: scrap(viewer, county.county_store, [ScrapLine(county.bags, "B1", 1)], reason="破损"),
    ):
        with pytest.raises(PermissionDeniedError, match="只能查看"):
            action()
    assert _documents(db) == before


def _dispatch_request(admin, county):
    return dispatch.create_request(admin, dispatch.DispatchRequest(
        requesting_unit="城关镇人民政府", receiving_unit="安置点", requesting_area_code="320101",
        lines=[dispatch.DispatchLineInput(county.bags, 10)], reason="暴雨")).number


def test_only_officers_and_admins_approve_dispatch_orders(admin, people, county, db):
    number = _dispatch_request(admin, county)
    for who in ("keeper1", "viewer1"):
        with pytest.raises(PermissionDeniedError, match="审批需要"):
            dispatch.approve(people[who], number)
    dispatch.approve(people["officer1"], number, note="同意")
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "approve")).one()
    assert (entry.username, entry.entity_key) == ("officer1", number)


def test_officer_posts_and_approves_but_cannot_administer_users(people, county):
    officer = people["officer1"]
    issue(officer, county.county_store, [IssueLine(county.bags, 2)], receiver="城关镇")
    scrap(officer, county.county_store, [ScrapLine(county.bags, "B1", 1)], reason="破损")
    for action in (
        lambda: add_user(officer, "x1", "viewer", password="whatever-123"),
        lambda: user_admin.list_users(officer),
        lambda: user_admin.reset_password(officer, "keeper1", "new-password-1"),
        lambda: user_admin.set_active(officer, "keeper1", False),
        lambda: user_admin.set_role(officer, "keeper1", "admin"),
        lambda: user_admin.assign_stores(officer, "keeper1", [county.county_store]),
        lambda: set_setting(officer, "backup.keep", 5),
    ):
        with pytest.raises(PermissionDeniedError, match="管理员"):
            action()


@pytest.mark.parametrize("who", ["keeper1", "viewer1"])
def test_user_admin_functions_are_admin_only(people, county, who):
    ctx = people[who]
    with pytest.raises(PermissionDeniedError):
        user_admin.list_users(ctx)
    with pytest.raises(PermissionDeniedError):
        user_admin.reset_password(ctx, "officer1", "new-password-1")
    with pytest.raises(PermissionDeniedError):
        set_password(ctx, "officer1", "new-password-1")
    with pytest.raises(PermissionDeniedError):
        user_admin.assign_stores(ctx, who, [county.county_store])


def test_admin_manages_users_with_audit(admin, people, county, db):
    rows = {row.username: row for row in user_admin.list_users(admin)}
    assert rows["keeper1"].store_codes == (county.township_store,) and rows["keeper1"].has_password
    user_admin.assign_stores(admin, "keeper1", [county.county_store, county.township_store])
    user_admin.set_role(admin, "viewer1", "officer")
    user_admin.set_active(admin, "officer1", False)
    with pytest.raises(AuthenticationError, match="用户名或密码不正确"):
        authenticate(db, "officer1", PASSWORDS["officer1"], now=FIXED_NOW)
    with pytest.raises(ValidationError, match="至少需要分配一个储备库"):
        user_admin.assign_stores(admin, "keeper1", [])
    with pytest.raises(ConflictError, match="不能停用自己"):
        user_admin.set_active(admin, "admin", False)
    with pytest.raises(ConflictError, match="至少要保留一个"):
        user_admin.set_role(admin, "admin", "viewer")
    keeper = make_ctx(db, authenticate(db, "keeper1", PASSWORDS["keeper1"], now=FIXED_NOW))
    receive(keeper, county.county_store, [ReceiptLine(county.bags, 1, batch_no="B1")])  # newly assigned
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "user", AuditEntry.action == "update")
                                  .order_by(AuditEntry.id)).all()
    assert [e.entity_key for e in entries] == ["keeper1", "viewer1", "officer1"]
    assert '"stores": ["T001"]' in entries[0].before_json and '"C001", "T001"' in entries[0].after_json
    assert all(e.username == "admin" and e.machine == "test-pc" for e in entries)


def test_wrong_password_and_lockout_for_fifteen_minutes(people, db):
    with pytest.raises(AuthenticationError, match="用户名或密码不正确"):
        authenticate(db, "keeper1", "not-the-password", now=FIXED_NOW)
    with pytest.raises(AuthenticationError, match="用户名或密码不正确"):
        authenticate(db, "nobody", "whatever-123", now=FIXED_NOW)  # same message: no user enumeration
    for _ in range(4):
        with pytest.raises(AuthenticationError, match="用户名或密码不正确"):
            authenticate(db, "keeper1", "still-wrong", now=FIXED_NOW)
    # five failures: even the right password is refused for 15 minutes
    with pytest.raises(AuthenticationError, match="锁定"):
        authenticate(db, "keeper1", PASSWORDS["keeper1"], now=FIXED_NOW + dt.timedelta(minutes=14))
    actor = authenticate(db, "keeper1", PASSWORDS["keeper1"], now=FIXED_NOW + dt.timedelta(minutes=15, seconds=1))
    assert actor.username == "keeper1"


def test_admin_reset_unlocks_and_replaces_the_password(admin, people, db):
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            authenticate(db, "viewer1", "wrong-wrong", now=FIXED_NOW)
    user_admin.reset_password(admin, "viewer1", "brand-new-pass")
    assert authenticate(db, "viewer1", "brand-new-pass", now=FIXED_NOW).username == "viewer1"
    with pytest.raises(AuthenticationError):
        authenticate(db, "viewer1", PASSWORDS["viewer1"], now=FIXED_NOW)
    with pytest.raises(ValidationError, match="至少需要 8"):
        user_admin.reset_password(admin, "viewer1", "short")


def test_change_own_password_requires_the_old_one(people, db):
    keeper = people["keeper1"]
    with pytest.raises(AuthenticationError, match="原密码不正确"):
        user_admin.change_own_password(keeper, "a-wrong-guess", "keeper-new-pass")
    with pytest.raises(AuthenticationError, match="原密码不正确"):
        set_password(keeper, "keeper1", "keeper-new-pass", old_password="a-wrong-guess")
    user_admin.change_own_password(keeper, PASSWORDS["keeper1"], "keeper-new-pass")
    assert authenticate(db, "keeper1", "keeper-new-pass", now=FIXED_NOW).username == "keeper1"


def test_admin_changing_own_password_also_needs_the_old_one(admin, db):
    user_admin.reset_password(admin, "admin", "admin-pass-123")
    ctx = make_ctx(db, authenticate(db, "admin", "admin-pass-123", now=FIXED_NOW))
    with pytest.raises(AuthenticationError, match="原密码不正确"):
        user_admin.change_own_password(ctx, "guess-guess", "admin-pass-456")


def test_no_password_or_hash_in_the_audit_trail_or_logs(admin, people, db, caplog):
    caplog.set_level("DEBUG")
    user_admin.reset_password(admin, "viewer1", "reset-secret-77")
    user_admin.change_own_password(people["keeper1"], PASSWORDS["keeper1"], "changed-secret-88")
    with pytest.raises(AuthenticationError):
        authenticate(db, "officer1", "typo-secret-99", now=FIXED_NOW)
    secrets = list(PASSWORDS.values()) + ["reset-secret-77", "changed-secret-88", "typo-secret-99"]
    with db.read() as session:
        hashes = [h for h in session.scalars(select(User.password_hash)) if h]
        rows = session.execute(text("SELECT * FROM audit_log")).all()
        assert all(h.startswith("$argon2") for h in hashes)
    dump = "\n".join(str(tuple(row)) for row in rows) + caplog.text
    assert "password" in dump  # the password changes are audited...
    for secret in secrets + hashes + ["$argon2"]:
        assert secret not in dump  # ...without the password or its hash


def test_verify_fails_when_a_document_has_no_audit_entry(admin, people, county, db):
    assert verify(db).ok
    with db.write() as session:
        store_id = session.scalar(text("SELECT id FROM stores WHERE code = :c"), {"c": county.county_store})
        session.execute(
            text("INSERT INTO documents (number, doc_type, status, store_id, doc_date, counterparty, purpose, reason,"
                 " reference, remarks, created_at) VALUES ('RK-C001-2026-9999', 'receipt', 'posted', :s,"
                 " :d, '', '', '', '', '', :t)"),
            {"s": store_id, "d": dt.date(2026, 6, 1), "t": FIXED_NOW.replace(tzinfo=None)},
        )
    report = verify(db)
    assert not report.ok
    failed = {check.name: check.details for check in report.checks if not check.ok}
    assert failed == {"审计日志覆盖全部单据": ["单据 RK-C001-2026-9999 没有审计记录"]}
