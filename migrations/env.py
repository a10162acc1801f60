"""Alembic environment: batch mode for SQLite, the shared naming convention, and a connection passed
in by the program (``config.attributes["connection"]``) so upgrades run inside the app."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

import models.schema  # noqa: F401  (registers every table)
from models.schema.base import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
