"""The store filter of the ledger and documents views: 全部储备库, the area chosen in the navigation tree
(its stores and those below it) when there is one, then each readable store.

``currentData()`` is the chosen store's code (None for 全部储备库 and for the area entry), as in a plain
combo box of stores; ``area_code()`` is the area's code while its entry is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

AREA_ROLE = Qt.UserRole + 1  # the area entry's code (its Qt.UserRole data is None, like 全部储备库's)


class StoreFilterCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._area: tuple[str, str] | None = None  # (code, name) of the area entry

    def set_stores(self, stores: list[tuple[str, str]]) -> None:
        """(code, label) of each store; the chosen store or area stays chosen if still listed."""
        store, area = self.currentData(), self.area_code()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("全部储备库"), None)
        if self._area:
            self._insert_area()
        for code, label in stores:
            self.addItem(label, code)
        if area and self._area:
            self.setCurrentIndex(1)
        else:
            self.setCurrentIndex(max(self.findData(store), 0) if store else 0)
        self.blockSignals(False)

    def set_area(self, code: str | None, name: str = "") -> None:
        """Offer (and choose) the area ``code``, replacing any other; None takes the entry away, choosing
        全部储备库 if it was chosen. Emits no signal: the view reloads itself."""
        self.blockSignals(True)
        if self._area:
            was_current = self.currentIndex() == 1
            self.removeItem(1)
            if was_current:
                self.setCurrentIndex(0)
        self._area = (code, name or code) if code else None
        if self._area:
            self._insert_area()
            self.setCurrentIndex(1)
        self.blockSignals(False)

    def area_code(self) -> str | None:
        return self.currentData(AREA_ROLE) if self._area else None

    def store_code(self) -> str | None:
        return self.currentData()

    def _insert_area(self) -> None:
        code, name = self._area
        self.insertItem(1, self.tr("%1 辖区").replace("%1", name), None)
        self.setItemData(1, code, AREA_ROLE)
        self.setItemData(1, self.tr("%1 及其下级行政区的全部储备库").replace("%1", name), Qt.ToolTipRole)
