"""Combo boxes listing thousands of entries (a city's stores or areas)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def fixed_width(combo: QComboBox, characters: int) -> QComboBox:
    """Size ``combo`` for ``characters`` characters rather than by measuring every entry's text at each
    filling (thousands of stores or areas in a city). Returns ``combo``."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
