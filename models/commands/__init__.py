"""Headless commands: one module per command, each exposing ``register(subparsers)``.

Modules here are discovered by ``models.cli`` so a feature adds its command without editing the
parser. Nothing here imports Qt.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> list[ModuleType]:
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            modules.append(module)
    return modules
