"""A starter category tree in the GB/T 38565-2020 seven-digit format.

The full national subclass table is not published openly; this tree follows its structure
(1 basic living, 2 emergency equipment, 3 engineering materials) with the groups county lists use.
Users extend it. Each entry: (code prefix, name, rotation lead days or None).
"""

from __future__ import annotations

STARTER_CATEGORIES: list[tuple[str, str, int | None]] = [
    ("1", "基本生活保障物资", None),
    ("101", "帐篷及篷布", None),
    ("10101", "救灾帐篷", None),
    ("10102", "篷布", None),
    ("102", "被服", None),
    ("10201", "被褥", None),
    ("10202", "服装", None),
    ("103", "床具及家具", None),
    ("10301", "折叠床", None),
    ("10302", "折叠桌凳", None),
    ("104", "食品", 90),
    ("10401", "方便食品", 90),
    ("10402", "粮油", 90),
    ("105", "饮用水", 90),
    ("10501", "瓶装水", 90),
    ("10502", "净水设备", None),
    ("106", "卫生用品", None),
    ("10601", "个人卫生用品", None),
    ("10602", "环境卫生与厕所", None),
    ("107", "照明用品", None),
    ("108", "供电设备", None),
    ("109", "生活用具及包", None),
    ("10901", "家庭应急包", None),
    ("2", "应急装备及配套物资", None),
    ("201", "救生器材", None),
    ("20101", "救生衣", None),
    ("20102", "救生圈", None),
    ("20103", "舟艇", None),
    ("202", "防汛抢险器材", None),
    ("20201", "水泵", None),
    ("20202", "发电机组", None),
    ("203", "消防器材", None),
    ("204", "通信设备", None),
    ("205", "医疗卫生", 180),
    ("20501", "药品", 180),
    ("20502", "医疗器械", None),
    ("206", "个人防护", None),
    ("3", "工程材料与机械加工设备", None),
    ("301", "防汛物料", None),
    ("30101", "编织袋及麻袋", None),
    ("30102", "土工膜及土工布", None),
    ("30103", "桩木及钢材", None),
    ("302", "工具", None),
    ("30201", "锹镐", None),
    ("303", "线缆", None),
]
