"""GB 32100-2015 unified social credit codes (no database needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from models.errors import ValidationError
from models.services.credit_code import CHARSET, check_character, is_valid_credit_code, validate_credit_code


@pytest.mark.parametrize("code", [
    "91350100M000100Y43",  # the standard's worked example
    "91110000802100433B",
    "9144030071526726XG",
    "91320101MA1XYW001D",
])
def test_valid_codes(code):
    assert validate_credit_code(code) == code


def test_lower_case_and_spaces_are_normalised():
    assert validate_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


def test_wrong_check_digit_names_the_expected_one():
    with pytest.raises(ValidationError) as info:
        validate_credit_code("91350100M000100Y44")
    assert "校验位" in info.value.message and "“3”" in info.value.message and "“4”" in info.value.message


@pytest.mark.parametrize("code, words", [
    ("91350100M000100Y4", "18 位"),
    ("91350100M000100Y433", "19 位"),
    ("", "不能为空"),
    ("91350100M0001O0Y43", "第 14 位“O”"),
    ("91350100M000100Z43", "I、O、Z、S、V"),
    ("913501A0M000100Y43", "行政区划"),
    ("91350100M00010#Y43", "第 15 位“#”"),
])
def test_wrong_length_or_characters(code, words):
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)
    assert words in info.value.message
    assert info.value.field == "统一社会信用代码"


@given(st.text(alphabet=CHARSET, min_size=2, max_size=2), st.text(alphabet="0123456789", min_size=6, max_size=6),
       st.text(alphabet=CHARSET, min_size=9, max_size=9))
def test_computed_check_digit_validates_and_any_other_fails(head, division, organisation):
    body = head + division + organisation
    good = body + check_character(body)
    assert is_valid_credit_code(good)
    for other in CHARSET:
        if other != good[-1]:
            assert not is_valid_credit_code(body + other)
