"""Qt fixtures for the rotation screens: own settings file, the app style with the bundled CJK font,
and prompts answered through desktop.interaction."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop import settings as app_settings
from desktop import style
from desktop.interaction import Interaction


@pytest.fixture
def qt_env(qapp, tmp_path):
    style.apply(qapp)  # Fusion, WenQuanYi Micro Hei as the app font, the stylesheet
    app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)))
    yield qapp
    app_settings.install(None)


class Answers:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []
        self.confirm_answer = True
        self.text_answers: list[str | None] = []


@pytest.fixture
def answers(monkeypatch) -> Answers:
    recorded = Answers()
    monkeypatch.setattr(Interaction, "information",
                        staticmethod(lambda parent, title, text: recorded.messages.append(("info", title, text))))
    monkeypatch.setattr(Interaction, "error",
                        staticmethod(lambda parent, title, text: recorded.messages.append(("error", title, text))))
    monkeypatch.setattr(Interaction, "confirm", staticmethod(lambda parent, title, text: recorded.confirm_answer))
    monkeypatch.setattr(Interaction, "ask_text", staticmethod(
        lambda parent, title, label, default="": recorded.text_answers.pop(0) if recorded.text_answers else None))
    return recorded
