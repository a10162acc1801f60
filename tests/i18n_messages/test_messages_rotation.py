"""Rotation and reminder refusals speak English on an English screen and stay Chinese otherwise."""

from __future__ import annotations

from desktop import i18n
from tests.i18n_messages.refusals import refusal
from models.services.reminders import acknowledge
from models.services.rotation import cancel_replacement, rotate_out, rotation_plan


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
