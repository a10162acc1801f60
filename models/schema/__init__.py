"""Mapped classes, one module per aggregate. Importing this package registers them all.

Every module in this package is imported here so that ``Base.metadata`` is complete for Alembic
and for tests, without a list that each new aggregate has to remember to extend.
"""

from __future__ import annotations

import importlib
import pkgutil

from models.schema.base import Base

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["Base"]
