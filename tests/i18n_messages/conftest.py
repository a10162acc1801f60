"""The English catalogue installed the way the desktop does it."""

from __future__ import annotations

import pytest

from desktop import i18n


@pytest.fixture
def english(qapp):
    i18n.compile_translations()
    assert i18n.install_language("en") == "en"
    yield
    i18n.install_language("zh_CN")
