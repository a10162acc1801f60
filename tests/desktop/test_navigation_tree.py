"""The navigation tree as a model (issue 10: no widget item per store), its keyboard use, the status bar
naming the chosen area, and a start that imports only what the first window needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTreeWidget

from desktop.context import DesktopContext
from desktop.main_window import MainWindow, view_specs
from desktop.navigation import AREA_ROLE, NAME_ROLE, STORE_ROLE, StoreTree
from desktop.views.registry import discover_views
from models.context import Actor
from models.schema.enums import Role
from tests.conftest import make_ctx

ROOT = Path(__file__).resolve().parents[2]


def texts(model, parent=QModelIndex()) -> list[str]:
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_tree_model_shows_areas_and_stores_with_their_counts(qtbot, qtmodeltester, dctx):
    tree = StoreTree(dctx)
    qtbot.addWidget(tree)
    model = tree.model()
    assert not isinstance(tree, QTreeWidget)
    qtmodeltester.check(model)
    root = model.index(0, 0)
    assert texts(model) == ["全部储备库（4）"]
    county = model.index(0, 0, root)
    assert county.data() == "示例县（6）"  # water ×3 and the tent in C001, rice in T001, the tent in V001
    assert county.data(AREA_ROLE) == "320101" and county.data(STORE_ROLE) is None
    assert county.data(Qt.ToolTipRole) == "储备库 4 个 · 库存批次 6"
    # under the county: its own store first, then the townships
    assert texts(model, county) == ["县应急物资储备库（4）", "城关镇（2）", "河口镇（0）"]
    store = model.index(0, 0, county)
    assert (store.data(STORE_ROLE), store.data(NAME_ROLE), store.data(AREA_ROLE)) == ("C001", "县应急物资储备库", None)
    assert store.data(Qt.ToolTipRole) == "C001 · 库存批次 4"
    township = model.index(1, 0, county)
    assert texts(model, township) == ["城关镇储备点（1）", "东村（1）"]
    village = model.index(1, 0, township)
    assert texts(model, village) == ["东村储备点（1）"] and village.data(AREA_ROLE) == "320101001001"
    assert tree.isExpanded(root) and tree.isExpanded(county) and not tree.isExpanded(township)
    assert tree.store_names() == {"C001": "县应急物资储备库", "T001": "城关镇储备点", "T002": "河口镇储备点",
                                  "V001": "东村储备点"}
    assert tree.store_name("T002") == "河口镇储备点" and tree.store_name("X999") is None


def test_keyboard_moves_through_the_tree_and_selects(qtbot, dctx):
    tree = StoreTree(dctx)
    qtbot.addWidget(tree)
    tree.show()
    tree.setFocus()
    assert tree.currentIndex() == tree.model().index(0, 0)  # 全部储备库
    qtbot.keyClick(tree, Qt.Key_Down)  # the county
    assert dctx.current_area_code == "320101"
    qtbot.keyClick(tree, Qt.Key_Down)  # its store
    assert dctx.current_store_code == "C001" and dctx.current_area_code is None
    qtbot.keyClick(tree, Qt.Key_Down)  # 城关镇
    assert dctx.current_area_code == "320101001"
    qtbot.keyClick(tree, Qt.Key_Right)  # opens it
    qtbot.keyClick(tree, Qt.Key_Down)
    assert dctx.current_store_code == "T001"
    qtbot.keyClick(tree, Qt.Key_Home)
    assert dctx.current_store_code is None and dctx.current_area_code is None


def test_the_tree_marks_a_choice_made_elsewhere_and_keeps_it_after_a_refresh(qtbot, dctx):
    from desktop import context as flags

    tree = StoreTree(dctx)
    qtbot.addWidget(tree)
    chosen = []
    dctx.store_selected.connect(chosen.append)
    dctx.select_store("V001")  # e.g. the stock view's 全部储备库 button, or the remembered store
    assert tree.currentIndex().data(STORE_ROLE) == "V001"
    assert tree.isExpanded(tree.currentIndex().parent())  # its branch opened to show it
    dctx.notify(flags.STOCK)  # the tree re-reads its counts
    assert tree.currentIndex().data(STORE_ROLE) == "V001" and chosen == ["V001"]  # no new selection
    dctx.select_area("320101002")
    assert tree.currentIndex().data(AREA_ROLE) == "320101002"


def test_keeper_sees_only_the_branch_of_their_store(qtbot, admin, dctx, db):
    from sqlalchemy import select

    from models.schema.warehouse import Store

    with db.read() as session:
        village = session.scalar(select(Store.id).where(Store.code == "V001"))
    keeper = make_ctx(db, Actor(None, "keeper1", Role.KEEPER, frozenset({village})))
    tree = StoreTree(DesktopContext(keeper))
    qtbot.addWidget(tree)
    model = tree.model()
    county = model.index(0, 0, model.index(0, 0))
    township = model.index(0, 0, county)
    assert texts(model) == ["全部储备库（1）"] and texts(model, county) == ["城关镇（1）"]
    assert texts(model, township) == ["东村（1）"] and tree.store_names() == {"V001": "东村储备点"}


def test_status_bar_names_the_area_chosen(qtbot, dctx):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    tree = window.navigation.stores
    assert window.store_label.text() == "储备库：全部"
    township = tree.model().area_index("320101001")
    tree.setCurrentIndex(township)  # what a click does
    assert dctx.current_area_code == "320101001"
    assert window.store_label.text() == "储备库：城关镇 辖区"
    assert window.store_label.toolTip() == "320101001"
    dctx.select_store("T001")
    assert window.store_label.text() == "储备库：城关镇储备点（T001）"
    dctx.select_area("320101")
    assert window.store_label.text().startswith("储备库：") and window.store_label.text().endswith(" 辖区")
    dctx.select_store(None)
    assert window.store_label.text() == "储备库：全部"


def test_views_are_listed_as_the_registry_lists_them_and_opened_on_first_use(qtbot, dctx):
    def fields(specs):
        return [(s.key, s.title, s.order, s.shortcut, s.icon) for s in specs]

    assert fields(view_specs()) == fields(discover_views())
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    assert window.show_view("ledger") and type(window.views["ledger"]).__name__ == "LedgerView"


def test_start_imports_neither_spreadsheet_nor_pdf_code(tmp_path):
    """The first window needs neither openpyxl nor reportlab, nor the views not shown (a fresh process)."""
    script = """
import json, sys
from desktop.app import create_application
from desktop.context import DesktopContext
from desktop.main_window import MainWindow
from models.migrate import open_database
from models.services.users import ensure_admin, admin_without_password
from models.context import ServiceContext
app = create_application([])
db = open_database(sys.argv[1])
ensure_admin(db, None)
window = MainWindow(DesktopContext(ServiceContext(db, admin_without_password(db))))
window.show()
app.processEvents()
print(json.dumps({"key": window.current_key, "modules": sorted(sys.modules)}))
db.dispose()
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "start.db")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = set(shown["modules"])
    assert shown["key"] == "home" and "desktop.views.home_view" in loaded
    assert not {"openpyxl", "reportlab", "desktop.export_table", "desktop.dialogs.first_run_wizard"} & loaded
    assert not {name for name in loaded if name.startswith("desktop.views.") and name not in (
        "desktop.views.home_view", "desktop.views.registry")}


def test_navigation_rows_take_three_statements_and_count_lines_on_the_live_index(db, admin, county):
    """However many stores there are: areas, line counts and stores; the counts walk the partial index of
    live lines (SQLite looked up every balance row for them: 0.3 s of a city's start)."""
    from sqlalchemy import event

    from models.services.navigation_tree import navigation_tree
    from tests.desktop.conftest import receive_sample_stock

    receive_sample_stock(admin, county)
    statements = []
    listener = lambda conn, cursor, statement, parameters, *args: statements.append((statement, parameters))  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        tree = navigation_tree(admin)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert {store.code: store.lines for store in tree.stores} == {"C001": 4, "T001": 1, "T002": 0, "V001": 1}
    reads = [(s, p) for s, p in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(reads) == 3, reads
    if db.engine.dialect.name == "sqlite":
        counts, parameters = next((s, p) for s, p in reads if "count(" in s.lower())
        with db.engine.connect() as conn:
            plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + counts, parameters)]
        assert any("ix_balances_live_level" in step for step in plan), plan
