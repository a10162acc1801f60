"""The PostgreSQL grants in docs/SECURITY.md: the application role posts normally but cannot update
or delete the audit trail or the ledger (run in a scratch schema of the test database)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from models.context import Actor
from models.db import Database, make_engine
from models.migrate import open_database, upgrade
from models.schema.enums import Role
from models.services.receiving import ReceiptLine, receive
from models.services.verify import verify
from tests import factories
from tests.conftest import make_ctx

SCHEMA = "rk_roles_proof"
OWNER, APP = "rk_h8_owner", "rk_h8_app"
GRANTS = f"""
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SCHEMA} TO {APP};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {APP};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, movements FROM {APP};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {APP};
"""


def _url(base: str, user: str) -> str:
    return (make_url(base).set(username=user, password=None)
            .update_query_dict({"options": f"-csearch_path={SCHEMA}"}).render_as_string(hide_password=False))


def _cleanup(conn) -> None:
    conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    for role in (APP, OWNER):
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar()
        if exists:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))


def test_application_role_cannot_rewrite_history(postgres_url):
    superuser = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with superuser.connect() as conn:
        _cleanup(conn)
        conn.execute(text(f"CREATE ROLE {OWNER} LOGIN"))
        conn.execute(text(f"CREATE ROLE {APP} LOGIN"))
        conn.execute(text(f"CREATE SCHEMA {SCHEMA} AUTHORIZATION {OWNER}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {APP}"))
    try:
        owner_url = _url(postgres_url, OWNER)
        owner = Database(owner_url, make_engine(owner_url))
        upgrade(owner)  # the owner creates the tables ("reserve-keeper --db ...rk_owner... init")
        with owner.engine.begin() as conn:
            for statement in filter(str.strip, GRANTS.split(";")):
                conn.execute(text(statement))
        owner.dispose()

        app = open_database(_url(postgres_url, APP))
        try:
            ctx = make_ctx(app, Actor(None, "admin", Role.ADMIN))
            county = factories.build_county(ctx)
            receive(ctx, county.county_store, [ReceiptLine(county.bags, 10, batch_no="B1")])
            assert verify(app).ok
            for statement in ("UPDATE audit_log SET summary = 'x'", "DELETE FROM audit_log",
                              "UPDATE movements SET delta = 0", "DELETE FROM movements",
                              "TRUNCATE audit_log", "DELETE FROM alembic_version"):
                with pytest.raises(DBAPIError, match="permission denied"):
                    with app.write() as session:
                        session.execute(text(statement))
            assert verify(app).ok
        finally:
            app.dispose()
    finally:
        with superuser.connect() as conn:
            _cleanup(conn)
        superuser.dispose()
