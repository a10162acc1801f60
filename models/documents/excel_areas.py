"""Administrative areas named in the 储备库 sheet: find them, or plan them with sensible codes.

A cell may hold a code (320101001), a name (城关镇) or both as exported (城关镇（320101001）). The
store's level gives the area's kind (县级 → county, 乡镇级 → township, 村级 → village) and the
上级行政区 one level up. An area given only by name gets a code under its parent's code
(parent + three digits, as national division codes do), or pinyin initials when it has no parent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


from models.errors import ValidationError
from models.messages import msg
from models.schema.enums import AreaKind, StoreLevel

KIND_OF_LEVEL = {StoreLevel.COUNTY: AreaKind.COUNTY, StoreLevel.TOWNSHIP: AreaKind.TOWNSHIP,
                 StoreLevel.VILLAGE: AreaKind.VILLAGE}
PARENT_KIND = {AreaKind.VILLAGE: AreaKind.TOWNSHIP, AreaKind.TOWNSHIP: AreaKind.COUNTY,
               AreaKind.COUNTY: AreaKind.COUNTY}
_WITH_CODE = re.compile(r"^(.*?)\s*\(\s*([0-9A-Za-z\-_.]{1,20})\s*\)$")
_CODE = re.compile(r"^[0-9A-Za-z\-_.]{1,20}$")


@dataclass
class NewArea:
    code: str
    name: str
    kind: AreaKind
    parent_code: str | None


def area_label(name: str, code: str) -> str:
    """How an export writes an area so that an import finds it again exactly."""
    return f"{name}（{code}）"


def split_area(text: str) -> tuple[str, str | None]:
    """'城关镇（320101001）' → ('城关镇', '320101001'); '320101' → ('', '320101'); '东村' → ('东村', None)."""
    text = unicodedata.normalize("NFKC", text).strip()
    match = _WITH_CODE.match(text)
    if match:
        return match.group(1).strip(), match.group(2)
    if _CODE.match(text) and any(ch.isdigit() for ch in text):
        return "", text
    return text, None


class AreaPlanner:
    def __init__(self, existing: list[tuple[str, str, str]]) -> None:
        self.codes: dict[str, str] = {code: name for code, name, _ in existing}
        self.by_name: dict[str, list[str]] = {}
        for code, name, _ in existing:
            self.by_name.setdefault(name, []).append(code)
        self.new: list[NewArea] = []
        self._new_codes: set[str] = set()

    def resolve(self, text: str, parent_text: str, level: StoreLevel) -> str:
        """The code of the area for a store of ``level``, planning new areas as needed."""
        kind = KIND_OF_LEVEL[level]
        parent_code = self._resolve(parent_text, PARENT_KIND[kind], None, msg("上级行政区")) if parent_text else None
        return self._resolve(text, kind, parent_code, msg("所属行政区"))

    def _resolve(self, text: str, kind: AreaKind, parent_code: str | None, field: str) -> str:
        name, code = split_area(text)
        if code is not None:
            if code not in self.codes:
                self._add(code, name or code, kind, parent_code)
            return code
        codes = self.by_name.get(name, [])
        if len(codes) > 1:
            raise ValidationError(msg("{field}“{name}”对应多个行政区（{codes}），请写成“名称（编码）”以区分。",
                                      field=field, name=name, codes="、".join(codes)), field=field)
        if codes:
            return codes[0]
        code = self._new_code(name, parent_code)
        self._add(code, name, kind, parent_code)
        return code

    def _add(self, code: str, name: str, kind: AreaKind, parent_code: str | None) -> None:
        if len(name) > 100:
            raise ValidationError(msg("行政区名称“{name}…”太长（最多 100 个字符）。", name=name[:20]), field="所属行政区")
        self.codes[code] = name
        self.by_name.setdefault(name, []).append(code)
        self.new.append(NewArea(code, name, kind, parent_code))

    def _new_code(self, name: str, parent_code: str | None) -> str:
        if parent_code and len(parent_code) <= 17:
            for number in range(1, 1000):
                code = f"{parent_code}{number:03d}"
                if code not in self.codes:
                    return code
        from pypinyin import Style, lazy_pinyin  # loaded only when an area needs a code
        base = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).upper()
        base = re.sub(r"[^0-9A-Z]", "", base)[:12] or "AREA"
        code, number = base, 1
        while code in self.codes:
            number += 1
            code = f"{base}{number}"
        return code
