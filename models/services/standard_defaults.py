"""The shipped 定额标准 defaults ("国家/Sphere 夏季", "国家/Sphere 冬季") and the rules that link catalogue
items to their needs by name, spec and category.

Quotas come from shared/DOMAIN.md ("Default quotas for the adequacy check"). Soap is 250 g per
person-month, kept here as 0.25 ÷ 30 kg per person-day (nine decimal places).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models.schema.standards import RATIO_PLACES, NeedBasis, Season

SUMMER_DEFAULT = "国家/Sphere 夏季"
WINTER_DEFAULT = "国家/Sphere 冬季"

_PLACES = Decimal(1).scaleb(-RATIO_PLACES)


def ratio(value: Decimal) -> Decimal:
    """Round to the nine places a quota or factor is stored with."""
    return value.quantize(_PLACES, rounding=ROUND_HALF_UP).normalize() + Decimal(0)


@dataclass(frozen=True)
class DefaultNeed:
    key: str  # which linking rule applies
    name: str
    unit: str
    basis: NeedBasis
    quota: Decimal


WATER = DefaultNeed("water", "饮用水", "L", NeedBasis.PER_PERSON_DAY, Decimal(3))
GRAIN = DefaultNeed("grain", "主食（粮食）", "kg", NeedBasis.PER_PERSON_DAY, Decimal("0.5"))
TENT = DefaultNeed("tent", "帐篷（12㎡当量）", "顶", NeedBasis.PER_PERSONS, Decimal(3))
TOWEL_QUILT = DefaultNeed("summer_quilt", "毛巾被（或棉被）", "床", NeedBasis.PER_PERSONS, Decimal(1))
QUILT = DefaultNeed("quilt", "棉被", "床", NeedBasis.PER_PERSONS, Decimal(1))
BED = DefaultNeed("bed", "折叠床（或防潮垫）", "张", NeedBasis.PER_PERSONS, Decimal(1))
COAT = DefaultNeed("coat", "棉大衣", "件", NeedBasis.PER_PERSONS, Decimal(1))
KIT = DefaultNeed("kit", "家庭应急包", "个", NeedBasis.PER_PERSONS, Decimal(3))
TOILET = DefaultNeed("toilet", "厕所（帐篷或移动）", "个", NeedBasis.PER_PERSONS, Decimal(50))
SOAP = DefaultNeed("soap", "肥皂", "kg", NeedBasis.PER_PERSON_DAY, ratio(Decimal("0.25") / 30))


@dataclass(frozen=True)
class DefaultStandard:
    name: str
    description: str
    season: Season
    needs: tuple[DefaultNeed, ...]


DEFAULT_STANDARDS = (
    DefaultStandard(
        SUMMER_DEFAULT,
        "国家与 Sphere 最低标准（夏季）：饮水 3 L/人·天，主食 0.5 kg/人·天，12㎡帐篷 每 3 人 1 顶，"
        "毛巾被、折叠床 每人 1，家庭应急包 每 3 人 1，厕所 每 50 人 1，肥皂 250 g/人·月。",
        Season.SUMMER,
        (WATER, GRAIN, TENT, TOWEL_QUILT, BED, KIT, TOILET, SOAP),
    ),
    DefaultStandard(
        WINTER_DEFAULT,
        "国家与 Sphere 最低标准（冬季）：在夏季标准上以棉被代替毛巾被，并增加棉大衣 每人 1 件。",
        Season.WINTER,
        (WATER, GRAIN, TENT, QUILT, BED, COAT, KIT, TOILET, SOAP),
    ),
)

NEED_KEYS = {need.name: need.key for standard in DEFAULT_STANDARDS for need in standard.needs}

_VOLUME = re.compile(r"(\d+(?:\.\d+)?)\s*(ml|mL|ML|毫升|L|l|升)(?![a-zA-Z])(?:\s*[×xX*]\s*(\d+))?")
_AREA = re.compile(r"(\d+(?:\.\d+)?)\s*(㎡|m²|m2|M2|平方米|平米)")
_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)\s*(kg|KG|千克|公斤|g|G|克)(?![a-zA-Z])")
_KG_UNITS = {"kg": Decimal(1), "千克": Decimal(1), "公斤": Decimal(1), "t": Decimal(1000), "吨": Decimal(1000),
             "斤": Decimal("0.5")}


def _litres(text: str) -> Decimal | None:
    match = _VOLUME.search(text)
    if not match:
        return None
    number = Decimal(match.group(1)) * (int(match.group(3)) if match.group(3) else 1)  # "550ml×24瓶/箱"
    return number / 1000 if match.group(2).lower() in ("ml", "毫升") else number


def _kilograms(text: str) -> Decimal | None:
    match = _WEIGHT.search(text)
    if not match:
        return None
    number = Decimal(match.group(1))
    return number / 1000 if match.group(2).lower() in ("g", "克") else number


def default_factor(key: str, name: str, spec: str, unit: str, category: str) -> Decimal | None:
    """How many need units one unit of this catalogue item gives, or None if it does not fit.

    ``category`` is the item's category code prefix ("10501"); matching is deliberately narrow:
    a wrong automatic link would overstate the reserve, a missing one is easy to add by hand.
    """
    text = f"{name} {spec}"
    if key == "water":
        if not (category.startswith("105") and not category.startswith("10502")) and "水" not in name:
            return None
        if any(word in name for word in ("净水", "水泵", "水囊", "水袋", "水桶")):
            return None
        if unit in ("L", "升"):
            return Decimal(1)
        if unit in ("吨", "t"):
            return Decimal(1000)
        litres = _litres(text)
        return ratio(litres) if litres else None
    if key == "grain":
        if not (category.startswith("10402") or any(w in name for w in ("大米", "面粉", "粮", "挂面"))):
            return None
        if "油" in name:
            return None
        if unit in _KG_UNITS:
            return _KG_UNITS[unit]
        kilograms = _kilograms(text)
        return ratio(kilograms) if kilograms else None
    if key == "tent":
        if "帐篷" not in name or any(word in name for word in ("厕所", "卫生间", "指挥")):
            return None
        area = _AREA.search(text)
        return ratio(Decimal(area.group(1)) / 12) if area else Decimal(1)
    if key == "summer_quilt":
        return Decimal(1) if any(w in name for w in ("毛巾被", "棉被", "夏凉被", "被褥")) else None
    if key == "quilt":
        return Decimal(1) if ("棉被" in name or "被褥" in name) else None
    if key == "bed":
        return Decimal(1) if ("折叠床" in name or "防潮垫" in name) else None
    if key == "coat":
        return Decimal(1) if "棉大衣" in name else None
    if key == "kit":
        return Decimal(1) if "家庭应急包" in name else None
    if key == "toilet":
        return Decimal(1) if ("厕所" in name or "卫生间" in name) else None
    if key == "soap":
        if "皂" not in name:
            return None
        if unit in _KG_UNITS:
            return _KG_UNITS[unit]
        kilograms = _kilograms(text)
        return ratio(kilograms) if kilograms else None
    return None
