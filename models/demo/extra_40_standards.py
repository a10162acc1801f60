"""Demo standards (定额标准) for 临江县: install the shipped "国家/Sphere" summer and winter defaults,
link the demo catalogue's items to their needs (bottled water by volume, tents by area ÷ 12 m²...),
and add a county copy of the summer standard with a flood-fighting target, as an officer would."""

from __future__ import annotations

from models.context import ServiceContext
from models.demo.base import DemoCounty
from models.services.standards import (
    SUMMER_DEFAULT,
    NeedInput,
    add_need,
    auto_link_default_items,
    copy_standard,
    link_item,
    update_standard,
)

COUNTY_STANDARD = "临江县汛期标准"


def populate(ctx: ServiceContext, county: DemoCounty) -> None:
    auto_link_default_items(ctx)
    copy_standard(ctx, SUMMER_DEFAULT, COUNTY_STANDARD)
    update_standard(ctx, COUNTY_STANDARD,
                    description="在国家/Sphere 夏季标准上增加防汛抢险物资的固定目标（县防指 2025 年要求）。")
    for name, unit, quota, item_code in (
        ("编织袋", "条", "100000", "BZD1"),
        ("救生衣", "件", "600", "JSY1"),
        ("发电机组", "台", "10", "FDJ5"),
    ):
        if item_code in county.items:
            add_need(ctx, COUNTY_STANDARD, NeedInput(name, unit, "fixed", quota))
            link_item(ctx, COUNTY_STANDARD, name, item_code, 1)
    if "FD30" in county.items and "FDJ5" in county.items:
        link_item(ctx, COUNTY_STANDARD, "发电机组", "FD30", 1)
    if "MD01" in county.items and "BZD1" in county.items:
        link_item(ctx, COUNTY_STANDARD, "编织袋", "MD01", 1)
