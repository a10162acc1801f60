"""Small hand-made data for tests, built through the public services."""

from __future__ import annotations

from dataclasses import dataclass

from models.context import ServiceContext
from models.services.catalog import ItemInput, create_item, install_starter_tree
from models.services.warehouses import StoreInput, create_area, create_store


@dataclass(frozen=True)
class County:
    county_store: str = "C001"
    township_store: str = "T001"
    village_store: str = "V001"
    other_township_store: str = "T002"
    water: str = "W500"  # bottled water, 瓶, shelf life 24 months
    tent: str = "ZP12"  # 12 m² tent, 顶, returnable
    rice: str = "RICE"  # rice, kg
    bags: str = "BAG"  # woven bags, 条, no shelf life


def build_county(ctx: ServiceContext) -> County:
    data = County()
    with ctx.write() as session:
        install_starter_tree(session)
    create_area(ctx, "320101", "示例县", "county")
    create_area(ctx, "320101001", "城关镇", "township", "320101")
    create_area(ctx, "320101002", "河口镇", "township", "320101")
    create_area(ctx, "320101001001", "东村", "village", "320101001")
    create_store(ctx, StoreInput(data.county_store, "县应急物资储备库", "county", "320101", keeper_name="王保管", keeper_phone="13800000001"))
    create_store(ctx, StoreInput(data.township_store, "城关镇储备点", "township", "320101001"))
    create_store(ctx, StoreInput(data.other_township_store, "河口镇储备点", "township", "320101002"))
    create_store(ctx, StoreInput(data.village_store, "东村储备点", "village", "320101001001"))
    create_item(ctx, ItemInput(data.water, "瓶装饮用水", "瓶", spec="550ml", category_code="10501", shelf_life_months=24))
    create_item(ctx, ItemInput(data.tent, "救灾帐篷", "顶", spec="12㎡ 单帐篷", category_code="10101", returnable=True, unit_price=2800))
    create_item(ctx, ItemInput(data.rice, "大米", "kg", category_code="10402", shelf_life_months=12))
    create_item(ctx, ItemInput(data.bags, "编织袋", "条", category_code="30101", unit_price=1.2))
    return data
