"""Rotation and reminder refusals speak English on an English screen and stay Chinese otherwise."""

from __future__ import annotations

import pytest

from desktop import i18n
from models.errors import DomainError
from models.services.reminders import acknowledge
from models.services.rotation import cancel_replacement, rotate_out, rotation_plan


@pytest.fixture
def english(qapp):
    i18n.compile_translations()
    assert i18n.install_language("en") == "en"
    yield
    i18n.install_language("zh_CN")


def refusal(action, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        action(*args, **kwargs)
    return caught.value


def test_rotation_refusals_in_english(english, admin, county):
    assert refusal(rotation_plan, admin, within_days=9999).message == \
        "Days must be a whole number from 0 to 3650 (it is 9999)."
    wrong = refusal(rotate_out, admin, county.county_store, county.water, "B1", 1, method="gift", receiver="x")
    assert wrong.message.startswith("Rotation method “gift” is not valid")
    assert refusal(cancel_replacement, admin, "LH-NONE", reason="x").message == \
        "There is no replacement plan numbered “LH-NONE”."
    assert refusal(acknowledge, admin, "").message == "The reminder key is not valid."
    i18n.install_language("zh_CN")
    assert wrong.message.startswith("轮换方式“gift”无效")
