"""Backup and restore of the SQLite database; PostgreSQL refuses with a pg_dump hint."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.migrate import open_database
from models.schema.audit import AuditEntry
from models.schema.documents import Document
from models.services import backup as backups
from models.services.receiving import ReceiptLine, receive
from models.services.settings_store import BACKUP_FOLDER, BACKUP_KEEP, get_setting, set_setting
from models.services.verify import verify
from tests.conftest import FIXED_NOW


def _documents(database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count(Document.id)))


def test_backup_then_restore_brings_back_the_data_and_keeps_the_current_file(admin, county, db, backend, tmp_path):
    if backend != "sqlite":
        with pytest.raises(DomainError, match="pg_dump"):
            backups.backup(db, tmp_path / "x.db")
        with pytest.raises(DomainError, match="pg_dump"):
            backups.auto_backup(db, force=True) or backups.backup_folder(db)
        assert backups.backup_status(db).overdue is False
        return
    receive(admin, county.county_store, [ReceiptLine(county.bags, 100, batch_no="B1")])
    target = backups.backup(db, tmp_path / "copies" / "one.db", ctx=admin)
    assert target.read_bytes()[:16] == backups.SQLITE_MAGIC
    assert backups.last_backup_at(db) == FIXED_NOW
    receive(admin, county.county_store, [ReceiptLine(county.bags, 5, batch_no="B1")])
    assert _documents(db) == 2
    path = backups.sqlite_path(db.url)
    db.dispose()

    result = backups.restore(target, path)
    assert result.previous_copy is not None and result.previous_copy.exists()
    restored = open_database(str(path))
    try:
        assert _documents(restored) == 1
        assert verify(restored).ok
    finally:
        restored.dispose()
    kept = open_database(str(result.previous_copy))
    try:
        assert _documents(kept) == 2  # the database replaced by the restore is still there
    finally:
        kept.dispose()


def test_backup_refuses_to_overwrite_the_database_itself(sqlite_db):
    with pytest.raises(DomainError, match="不能是当前数据库"):
        backups.backup(sqlite_db, backups.sqlite_path(sqlite_db.url))


@pytest.mark.parametrize("content, message", [
    (b"hello, this is not a database" * 10, "不是 SQLite"),
    (b"", "不是 SQLite"),
])
def test_restore_refuses_non_sqlite_files(sqlite_db, tmp_path, content, message):
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    path = backups.sqlite_path(sqlite_db.url)
    before = path.read_bytes()
    with pytest.raises(DomainError, match=message):
        backups.restore(bad, path)
    assert path.read_bytes() == before


def test_restore_refuses_sqlite_without_version_and_truncated_and_unknown_revision(sqlite_db, tmp_path):
    path = backups.sqlite_path(sqlite_db.url)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DomainError, match="没有版本信息"):
        backups.restore(other, path)

    good = backups.backup(sqlite_db, tmp_path / "good.db")
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(DomainError):
        backups.restore(truncated, path)

    future = tmp_path / "future.db"
    future.write_bytes(good.read_bytes())
    conn = sqlite3.connect(future)
    conn.execute("DELETE FROM alembic_version")
    conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    conn.commit()
    conn.close()
    with pytest.raises(DomainError, match="不认识"):
        backups.restore(future, path)


def test_restore_refuses_a_backup_that_fails_verify(sqlite_db, tmp_path):
    good = backups.backup(sqlite_db, tmp_path / "good.db")
    conn = sqlite3.connect(good)
    # a document with no audit entry makes verify fail
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO documents (number, doc_type, status, store_id, doc_date, counterparty, purpose, reason, "
                 "reference, remarks, created_at) VALUES ('RK-X-2026-0001', 'receipt', 'posted', 1, '2026-06-01', "
                 "'', '', '', '', '', '2026-06-01 08:00:00')")
    conn.commit()
    conn.close()
    path = backups.sqlite_path(sqlite_db.url)
    with pytest.raises(DomainError, match="未通过自检"):
        backups.restore(good, path)


def test_auto_backup_at_most_daily_keeps_the_configured_number(admin, db, backend, tmp_path):
    if backend != "sqlite":
        assert backups.auto_backup(db) is None
        return
    folder = tmp_path / "mine"
    set_setting(admin, BACKUP_FOLDER, str(folder))
    set_setting(admin, BACKUP_KEEP, "3")
    start = dt.datetime(2026, 6, 1, 1, 0, tzinfo=dt.timezone.utc)
    made = []
    for hours in range(0, 24 * 6, 6):  # every 6 hours for six days
        result = backups.auto_backup(db, now=start + dt.timedelta(hours=hours))
        if result is not None:
            made.append(result)
    assert len(made) == 6  # once a day
    kept = backups.automatic_backups(folder, backups.sqlite_path(db.url))
    assert kept == made[-3:]
    assert all(not p.exists() for p in made[:3])
    status = backups.backup_status(db, now=start + dt.timedelta(days=5, hours=1))
    assert not status.overdue
    status = backups.backup_status(db, now=start + dt.timedelta(days=13))
    assert status.overdue and "请尽快备份" in status.message
    # the audit trail has the before and after values of the settings
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_key == "backup.keep")).one()
    assert '"30"' in entry.before_json and '"3"' in entry.after_json


def test_never_backed_up_is_overdue(sqlite_db):
    assert backups.backup_status(sqlite_db).overdue


def test_upgrade_makes_a_copy_in_the_backup_folder(tmp_path):
    from models.db import Database, make_engine, resolve_url
    from models.migrate import upgrade

    path = tmp_path / "old.db"
    url = resolve_url(str(path))
    old = Database(url, make_engine(url))
    upgrade(old, "0001")
    old.dispose()
    reopened = open_database(str(path))
    reopened.dispose()
    copies = backups.automatic_backups(tmp_path / "backups", path)
    from models.migrate import head_revisions
    if head_revisions() == {"0001"}:
        assert copies == []  # nothing to upgrade yet
    else:
        assert len(copies) == 1 and "-upgrade-" in copies[0].name


def test_settings_are_admin_only_and_typed(admin, db):
    from models.errors import PermissionDeniedError, ValidationError
    from models.context import Actor
    from models.schema.enums import Role
    from tests.conftest import make_ctx

    with pytest.raises(ValidationError, match="不是整数"):
        set_setting(admin, "backup.keep", "many")
    with pytest.raises(ValidationError, match="不能小于"):
        set_setting(admin, "backup.keep", 0)
    officer = make_ctx(db, Actor(None, "officer", Role.OFFICER))
    with pytest.raises(PermissionDeniedError):
        set_setting(officer, "backup.keep", 5)
    assert get_setting(db, BACKUP_KEEP) == 30


def test_restore_is_written_into_the_restored_audit_trail(admin, county, db, backend, tmp_path):
    if backend != "sqlite":
        return
    copy = backups.backup(db, tmp_path / "c.db", ctx=admin)
    path = backups.sqlite_path(db.url)
    db.dispose()
    result = backups.restore(copy, path)
    backups.record_restore(admin, result)
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "database")).all()
    assert [e.action for e in entries] == ["restore"]  # the backup entry was written after the copy was taken
    assert str(copy) in entries[0].after_json and verify(db).ok
