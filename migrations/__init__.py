"""Alembic migrations of the ReserveKeeper schema (``versions/``).

``HEAD`` is the revision the newest migration ends at: opening an up-to-date database compares with it
instead of importing Alembic and reading every revision file (``models.migrate.is_current``). Change it
with each new revision; tests/safety/test_migration_head.py fails until it matches.
"""

HEAD = "0009"
