"""Desktop fixtures for the adequacy and standards views: a temporary settings file, the app style
with the bundled Chinese font (so offscreen renders show glyphs), and recorded prompts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop import settings as app_settings
from desktop import style
from desktop.context import DesktopContext
from desktop.interaction import Interaction

OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/adequacy/desktop/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings = app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)))
    yield settings
    app_settings.install(None)


@pytest.fixture(scope="session", autouse=True)
def styled_app(qapp):
    style.apply(qapp)  # loads resources/fonts/wqy-microhei.ttc as the application font
    return qapp


class Answers:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []
        self.confirm_answer = True
        self.text_answers: list[str | None] = []


@pytest.fixture
def answers(monkeypatch) -> Answers:
    recorded = Answers()
    monkeypatch.setattr(Interaction, "information", staticmethod(lambda parent, title, text: recorded.messages.append(("info", title, text))))
    monkeypatch.setattr(Interaction, "error", staticmethod(lambda parent, title, text: recorded.messages.append(("error", title, text))))
    monkeypatch.setattr(Interaction, "confirm", staticmethod(lambda parent, title, text: recorded.confirm_answer))
    monkeypatch.setattr(Interaction, "ask_text", staticmethod(lambda parent, title, label, default="": recorded.text_answers.pop(0) if recorded.text_answers else None))
    return recorded


@pytest.fixture
def dctx(admin, county) -> DesktopContext:
    return DesktopContext(admin)
