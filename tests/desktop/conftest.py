"""Desktop fixtures: a temporary settings file, the app style, and ``dctx`` on the small county
with some stock received (good, expiring, expired), acting as admin on 2026-06-01."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop import settings as app_settings
from desktop import style
from desktop.context import DesktopContext
from desktop.interaction import Interaction
from models.services.receiving import ReceiptLine, receive


# The offscreen platform says this whenever a top-level window is shown; it is not our warning.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/desktop/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    """Every test gets its own settings file, so saved layouts never leak between tests."""
    settings = app_settings.install(app_settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)))
    yield settings
    app_settings.install(None)


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test():
    """Views count on pool threads (the home dashboard); none may still read a database being dropped."""
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()


@pytest.fixture(scope="session", autouse=True)
def styled_app(qapp):
    style.apply(qapp)
    return qapp


class Answers:
    """Replaces desktop.interaction's prompts: records messages, answers confirmations."""

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


def receive_sample_stock(ctx, county) -> None:
    """Water: good (2027), due for rotation (2026-07-01, within 90 days), expired (2026-05-01);
    tents in the county store and the village; rice in the township."""
    receive(ctx, county.county_store, [
        ReceiptLine(county.water, 100, batch_no="W-GOOD", expiry_date="2027-06-30"),
        ReceiptLine(county.water, 20, batch_no="W-SOON", expiry_date="2026-07-01"),
        ReceiptLine(county.water, 50, batch_no="W-OLD", expiry_date="2026-05-01"),
        ReceiptLine(county.tent, 10, batch_no="T-2025"),
    ], supplier="测试供应商")
    receive(ctx, county.township_store, [ReceiptLine(county.rice, 500, batch_no="R-1", expiry_date="2027-01-31")])
    receive(ctx, county.village_store, [ReceiptLine(county.tent, 2, batch_no="T-V")])


@pytest.fixture
def dctx(admin, county) -> DesktopContext:
    receive_sample_stock(admin, county)
    return DesktopContext(admin)
