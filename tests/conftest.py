"""Shared fixtures: every service test runs on SQLite and on PostgreSQL.

SQLite tests copy a template database built once per run (migrations are not re-run per test).
PostgreSQL tests use ``TEST_DATABASE_URL``; its schema is migrated once and truncated per test.
Under CI a missing PostgreSQL fails the run instead of skipping.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import text

from models.context import Actor, ServiceContext
from models.db import Database
from models.migrate import open_database
from models.schema.base import Base
from models.schema.enums import Role
from models.services.users import actor_for, ensure_admin
from models.schema.users import User

from tests import factories

FIXED_TODAY = dt.date(2026, 6, 1)
FIXED_NOW = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = open_database(str(path))
    database.dispose()
    return str(path)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is not set: under CI the PostgreSQL tests must run")
        pytest.skip("TEST_DATABASE_URL not set (PostgreSQL tests run in CI)")
    database = open_database(url)
    database.dispose()
    return url


def _truncate_postgres(database: Database) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def db(request, backend, tmp_path) -> Database:
    """An empty, fully migrated database on the parametrised backend."""
    if backend == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "reserve.db"
        shutil.copy(template, path)
        database = open_database(str(path))
    else:
        database = open_database(request.getfixturevalue("postgres_url"), migrate=False)
        _truncate_postgres(database)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(request, tmp_path) -> Database:
    """For the few tests that are about SQLite itself (files, WAL, backups)."""
    path = tmp_path / "reserve.db"
    shutil.copy(request.getfixturevalue("sqlite_template"), path)
    database = open_database(str(path))
    yield database
    database.dispose()


def make_ctx(database: Database, actor: Actor, today: dt.date = FIXED_TODAY) -> ServiceContext:
    return ServiceContext(database, actor, machine="test-pc", today=lambda: today, now=lambda: FIXED_NOW)


@pytest.fixture
def admin(db) -> ServiceContext:
    """A context acting as ``admin`` on a fixed date (2026-06-01)."""
    ensure_admin(db, None)
    with db.read() as session:
        user = session.query(User).filter_by(username="admin").one()
        actor = actor_for(user)
    return make_ctx(db, actor)


@pytest.fixture
def county(admin) -> factories.County:
    """A small county: one store per level and a handful of items."""
    return factories.build_county(admin)
