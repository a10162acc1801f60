"""Messages from the core stay Chinese for the command line and become English on an English screen."""

from __future__ import annotations

import pickle

import pytest

from models import messages
from models.errors import ValidationError
from models.messages import Msg, localize, msg
from models.validation import parse_quantity

ENGLISH = {
    "数量": "Quantity",
    "{field}必须大于 0（现为 {value}）。": "{field} must be greater than 0 (it is {value}).",
    "{name}坏了": "{name} is {broken",  # a broken translation
}


@pytest.fixture
def english():
    messages.set_translator(lambda template: ENGLISH.get(template, template))
    yield
    messages.set_translator(None)


def test_a_message_is_its_chinese_text():
    text = msg("{field}必须大于 0（现为 {value}）。", field="数量", value=-1)
    assert text == "数量必须大于 0（现为 -1）。"
    assert isinstance(text, str) and text.template.startswith("{field}")


def test_without_a_translator_errors_stay_chinese():
    with pytest.raises(ValidationError) as caught:
        parse_quantity("-1")
    assert caught.value.message == "数量必须大于 0（现为 -1）。"
    assert str(caught.value) == caught.value.message


def test_with_a_translator_errors_and_their_field_labels_are_translated(english):
    with pytest.raises(ValidationError) as caught:
        parse_quantity("-1")
    assert caught.value.message == "Quantity must be greater than 0 (it is -1)."
    assert caught.value.chinese == "数量必须大于 0（现为 -1）。"


def test_plain_text_and_user_data_pass_through(english):
    assert localize("不是消息") == "不是消息"
    assert localize(msg("{field}必须大于 0（现为 {value}）。", field="帐篷", value=2)) == \
        "帐篷 must be greater than 0 (it is 2)."


def test_a_broken_translation_falls_back_to_chinese(english):
    assert localize(msg("{name}坏了", name="泵")) == "泵坏了"


def test_messages_survive_pickling():
    text = pickle.loads(pickle.dumps(msg("{field}不能为空。", field=msg("数量"))))
    assert isinstance(text, Msg) and text == "数量不能为空。" and text.params["field"] == "数量"
