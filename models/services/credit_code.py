"""统一社会信用代码 (unified social credit code, GB 32100-2015) validation with its check digit.

The code has 18 characters from the 31-character set ``0-9 A-H J-N P-R T U W-Y`` (no I, O, Z, S, V):
position 1 the registering authority, 2 the entity type, 3-8 the administrative division (digits),
9-17 the organisation code, 18 the check character. With ``Ci`` the value of character i (its index
in the set) and ``Wi`` the weight 3^(i-1) mod 31, the check value is ``31 - (ΣCi·Wi mod 31)``,
where 31 becomes 0.
"""

from __future__ import annotations

from models.errors import ValidationError
from models.messages import msg

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
FIELD = msg("统一社会信用代码")
_VALUES = {ch: index for index, ch in enumerate(CHARSET)}


def check_character(first17: str) -> str:
    """The 18th character for the first 17 (which must already be valid characters)."""
    total = sum(_VALUES[ch] * weight for ch, weight in zip(first17, WEIGHTS))
    return CHARSET[(31 - total % 31) % 31]


def normalise_credit_code(value: object) -> str:
    """Upper-case and drop spaces and hyphens people copy from licences."""
    text = str(value or "").strip().upper()
    for junk in (" ", "\u3000", "-"):
        text = text.replace(junk, "")
    return text


def validate_credit_code(value: object) -> str:
    """Return the normalised code, or raise ``ValidationError`` saying exactly what is wrong."""
    code = normalise_credit_code(value)
    if not code:
        raise ValidationError(msg("{field}不能为空，请照营业执照填写 18 位代码。", field=FIELD), field=FIELD)
    if len(code) != 18:
        raise ValidationError(
            msg("{field}应为 18 位，“{code}”是 {count} 位。请照营业执照核对是否多输或漏输。", field=FIELD, code=code,
                count=len(code)), field=FIELD
        )
    for position, ch in enumerate(code, start=1):
        if ch not in _VALUES:
            hint = msg("（代码中不使用字母 I、O、Z、S、V，可能是数字 1、0、2、5 或字母 U 输错）") if ch in "IOZSV" else ""
            raise ValidationError(
                msg("{field}第 {position} 位“{ch}”不是有效字符：只能是数字和除 I、O、Z、S、V 以外的大写字母{hint}。",
                    field=FIELD, position=position, ch=ch, hint=hint),
                field=FIELD,
            )
    if not code[2:8].isdigit():
        raise ValidationError(
            msg("{field}第 3-8 位是行政区划代码，应全为数字，“{code}”中为“{region}”。", field=FIELD, code=code,
                region=code[2:8]), field=FIELD
        )
    expected = check_character(code[:17])
    if code[17] != expected:
        raise ValidationError(
            msg("{field}“{code}”的校验位（第 18 位）应为“{expected}”，现为“{actual}”。"
                "请照营业执照逐位核对，通常是前 17 位中有一位输错。", field=FIELD, code=code, expected=expected,
                actual=code[17]),
            field=FIELD,
        )
    return code


def is_valid_credit_code(value: object) -> bool:
    try:
        validate_credit_code(value)
    except ValidationError:
        return False
    return True
