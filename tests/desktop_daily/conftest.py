"""Qt fixtures for the daily-work screens: a desktop context over a SQLite county, the bundled
font so renders show Chinese, and a temporary settings file. The service queries these screens use
are tested on both backends in test_ledger_queries.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import settings as app_settings
from desktop.context import DesktopContext
from desktop.interaction import interaction
from models.schema.users import User
from models.services.users import actor_for, ensure_admin
from tests import factories
from tests.conftest import make_ctx

# The offscreen platform cannot raise windows or grab the keyboard for popups (the item picker's
# completion list); those platform notices are not faults of the screens, every other warning fails.
OFFSCREEN_LIMITS = pytest.mark.qt_log_ignore(r"^This plugin does not support")

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"


@pytest.fixture(scope="session", autouse=True)
def cjk_font(qapp):
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if families:
        qapp.setFont(QFont(families[0], 10))
    return families


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)))
    yield
    app_settings.install(None)


@pytest.fixture
def service(sqlite_db):
    ensure_admin(sqlite_db, None)
    with sqlite_db.read() as session:
        actor = actor_for(session.query(User).filter_by(username="admin").one())
    return make_ctx(sqlite_db, actor)


@pytest.fixture
def county_qt(service) -> factories.County:
    return factories.build_county(service)


@pytest.fixture
def dctx(service, county_qt, qtbot) -> DesktopContext:
    context = DesktopContext(service)
    context.current_store_code = county_qt.county_store
    return context


class Answers:
    """Replaces the interaction seam: records every prompt and answers from preset values."""

    def __init__(self) -> None:
        self.confirms: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.confirm_answer = True
        self.text_answer: str | None = None

    def confirm(self, parent, title, text):
        self.confirms.append(text)
        return self.confirm_answer

    def error(self, parent, title, text):
        self.errors.append(text)

    def information(self, parent, title, text):
        self.infos.append(text)

    def ask_text(self, parent, title, label, default=""):
        return self.text_answer


@pytest.fixture
def answers(monkeypatch) -> Answers:
    fake = Answers()
    for name in ("confirm", "error", "information", "ask_text"):
        monkeypatch.setattr(interaction, name, getattr(fake, name))
    return fake


def render(widget, name: str) -> None:
    """Save a PNG of the screen for a human to look at, when RK_RENDER_DIR names a folder."""
    folder = os.environ.get("RK_RENDER_DIR")
    if not folder:
        return
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # let pending layout requests settle before grabbing
    widget.grab().save(str(out / f"{name}.png"))
