"""What every screen receives: the service context of the signed-in user and one ``changed`` signal.

Views never reach into each other: after a successful action a screen calls ``notify`` with the
flags of what changed, and every view refreshes only on the flags it cares about.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from models.context import ServiceContext

# Change flags carried by ``changed``.
STOCK = "stock"
DOCUMENTS = "documents"
CATALOG = "catalog"
STORES = "stores"
DISPATCH = "dispatch"
AGREEMENTS = "agreements"
STANDARDS = "standards"
USERS = "users"
SETTINGS = "settings"
INSPECTIONS = "inspections"


class DesktopContext(QObject):
    changed = Signal(frozenset)
    store_selected = Signal(object)  # store code (str) or None for "all stores"
    area_selected = Signal(object)  # area code (str): its stores and those below; None for no area

    def __init__(self, service: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.current_store_code: str | None = None
        self.current_area_code: str | None = None

    def notify(self, *flags: str) -> None:
        self.changed.emit(frozenset(flags))

    def select_store(self, code: str | None) -> None:
        """One store, or with ``None`` all stores; either way no area is chosen any more."""
        self.current_store_code = code
        if self.current_area_code is not None:
            self.current_area_code = None
            self.area_selected.emit(None)
        self.store_selected.emit(code)

    def select_area(self, code: str) -> None:
        """An area: views that can narrow to it do; to the others it is 'all stores'."""
        self.current_store_code = None
        self.current_area_code = code
        self.store_selected.emit(None)
        self.area_selected.emit(code)
