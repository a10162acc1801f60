"""Views register themselves here so the main window can list them without importing each by name.

Each module in ``desktop/views/`` that defines a top-level ``VIEW_SPEC`` is picked up by
``discover_views()``; the main window shows them in ``order``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ViewSpec:
    key: str  # stable id, also used in settings ("stock", "ledger", ...)
    title: str  # Chinese title, translated through QCoreApplication.translate("views", title)
    order: int  # position in the navigation
    factory: Callable[..., QWidget]  # called as factory(desktop_context)
    shortcut: str | None = None  # e.g. "Ctrl+2"
    icon: str | None = None  # file name in resources/icons


def discover_views() -> list[ViewSpec]:
    import desktop.views as package

    specs = []
    for module_info in pkgutil.iter_modules(package.__path__):
        if module_info.name == "registry":
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        spec = getattr(module, "VIEW_SPEC", None)
        if isinstance(spec, ViewSpec):
            specs.append(spec)
    return sorted(specs, key=lambda spec: spec.order)
