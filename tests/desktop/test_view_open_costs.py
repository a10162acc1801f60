"""What opening a view costs (issue 10, "any view's first page < 200 ms"), checked by outcome rather
than by time: modules not imported, light store lists equal to the full ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from models.context import Actor
from models.schema.enums import Role
from models.schema.warehouse import Store
from models.services.document_queries import readable_stores
from models.services.warehouses import list_stores
from tests.conftest import make_ctx

ROOT = Path(__file__).resolve().parents[2]


def test_opening_the_import_view_does_not_import_openpyxl():
    code = ("import sys; import desktop.views.import_export_view; "
            "print(sorted(m for m in sys.modules if m == 'openpyxl' or m.startswith('openpyxl.')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "[]"


def test_readable_stores_are_those_list_stores_gives(admin, county):
    assert [(s.code, s.name) for s in readable_stores(admin)] == [(s.code, s.name) for s in list_stores(admin)]
    with admin.db.read() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == county.village_store))
    keeper = make_ctx(admin.db, Actor(None, "keeper", Role.KEEPER, frozenset({store_id})))
    assert [(s.code, s.name) for s in readable_stores(keeper)] == [(s.code, s.name) for s in list_stores(keeper)]
    assert [s.code for s in readable_stores(keeper)] == [county.village_store]


def test_due_inspections_reads_no_stores_without_an_active_schedule(admin, county):
    from sqlalchemy import event

    from models.services.inspections import due_inspections, list_schedules

    assert list_schedules(admin) == []
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement.lower())

    event.listen(admin.db.engine, "before_cursor_execute", seen)
    try:
        assert due_inspections(admin) == []
    finally:
        event.remove(admin.db.engine, "before_cursor_execute", seen)
    assert statements and not [s for s in statements if "from stores" in s]
