"""The desktop fixtures of tests/desktop (settings file, style with the bundled CJK font, answers, dctx)."""

from __future__ import annotations

import pytest

from tests.desktop.conftest import OFFSCREEN_NOISE, answers, dctx, styled_app, temp_settings  # noqa: F401


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/safety/desktop/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
