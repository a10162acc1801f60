"""Demo data: a realistic county to try the program on (``reserve-keeper demo`` or the first-run wizard).

``base`` builds stores, catalogue, users and two years of movements; every ``extra_*`` module in
this package then adds its feature's part through ``populate(ctx, county)``, in name order.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from sqlalchemy import func, select

from models.context import ServiceContext
from models.demo.base import DemoCounty, build_base
from models.errors import ConflictError
from models.messages import msg
from models.schema.stock import Movement
from models.schema.warehouse import Store
from models.services.permissions import require_admin


def load_demo(ctx: ServiceContext, progress: Callable[[int, int], None] | None = None) -> DemoCounty:
    """Fill an empty database with the demo county. Refused if it already holds stores or movements."""
    require_admin(ctx.actor)
    with ctx.read() as session:
        if session.scalar(select(func.count(Store.id))) or session.scalar(select(func.count(Movement.id))):
            raise ConflictError(msg("数据库中已有储备库或台账数据，演示数据只能装入空数据库。请新建一个数据库再试。"))
    county = build_base(ctx, progress)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("extra_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            module.populate(ctx, county)
    return county
