"""One look for the whole program: the Fusion style (identical on Windows, Linux and macOS), the
bundled Chinese font, a light palette and a stylesheet whose keyboard focus is always visible."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

import resources

ACCENT = "#1f6fb2"
FOCUS = "#f0a020"
EXPIRED_BG = QColor("#f6c6c6")
EXPIRED_FG = QColor("#8a1010")
DUE_BG = QColor("#fde3a7")
DUE_FG = QColor("#6b4a00")
BASE_POINT_SIZE = 10
# the stylesheet's arrow images (a styled spin box or combo box no longer draws the platform's arrows)
ICONS = (Path(resources.__file__).parent / "icons").as_posix()

STYLESHEET = f"""
QMainWindow, QDialog, QWizard {{ background: #f5f7fa; }}
QToolBar {{ background: #ffffff; border: none; border-bottom: 1px solid #d8dde6; spacing: 4px; padding: 3px; }}
QToolButton {{ padding: 4px 8px; border: 1px solid transparent; border-radius: 4px; }}
QToolButton:hover {{ background: #e8f0f8; border-color: #c5d6ea; }}
QToolButton:focus {{ border: 2px solid {FOCUS}; }}
QToolButton:disabled {{ color: #9aa3ad; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #d8dde6; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QPushButton {{ background: #ffffff; border: 1px solid #b8c2cc; border-radius: 4px; padding: 5px 14px; min-height: 20px; }}
QPushButton:hover {{ background: #eef4fa; }}
QPushButton:pressed {{ background: #dbe7f3; }}
QPushButton:default {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #9aa3ad; background: #f0f2f4; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QPlainTextEdit, QTextEdit {{
    background: #ffffff; border: 1px solid #b8c2cc; border-radius: 3px; padding: 3px 5px; min-height: 20px; }}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus, QDateEdit:focus,
QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {FOCUS}; }}
QSpinBox, QDoubleSpinBox {{ padding-right: 20px; }}
QSpinBox::up-button, QDoubleSpinBox::up-button, QSpinBox::down-button, QDoubleSpinBox::down-button {{
    subcontrol-origin: border; width: 18px; border-left: 1px solid #d0d7e0; background: #f4f7fb; }}
QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 3px; }}
QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-position: bottom right;
    border-bottom-right-radius: 3px; }}
QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover, QSpinBox::down-button:hover,
QDoubleSpinBox::down-button:hover {{ background: #e8f0f8; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{ image: url({ICONS}/arrow-up.svg); width: 9px; height: 9px; }}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{ image: url({ICONS}/arrow-down.svg); width: 9px; height: 9px; }}
QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding; subcontrol-position: top right; width: 20px;
    border-left: 1px solid #d0d7e0; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({ICONS}/arrow-down.svg); width: 9px; height: 9px; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"] {{ border: 2px solid #c0392b; background: #fff5f5; }}
QLabel[role="error"] {{ color: #c0392b; }}
QLabel[role="title"] {{ font-size: 15pt; font-weight: bold; color: #1d2b3a; }}
QLabel[role="hint"] {{ color: #5b6670; }}
QTableView, QTreeView, QListView {{ background: #ffffff; alternate-background-color: #f4f7fb;
    border: 1px solid #d0d7e0; selection-background-color: #cfe2f6; selection-color: #102030; }}
QTableView:focus, QTreeView:focus, QListView:focus {{ border: 2px solid {FOCUS}; }}
QHeaderView::section {{ background: #eef2f7; border: none; border-right: 1px solid #d8dde6;
    border-bottom: 1px solid #d0d7e0; padding: 4px 6px; font-weight: bold; color: #2c3a48; }}
QFrame[role="tile"] {{ background: #ffffff; border: 1px solid #d0d7e0; border-radius: 6px; }}
QFrame[role="tile"]:hover {{ border-color: {ACCENT}; }}
QFrame[role="tile"]:focus {{ border: 2px solid {FOCUS}; }}
QFrame[role="tile"] QLabel[role="figure"] {{ font-size: 18pt; font-weight: bold; color: {ACCENT}; }}
QFrame[role="tile"][tone="danger"] QLabel[role="figure"] {{ color: #b03020; }}
QFrame[role="tile"][tone="warning"] QLabel[role="figure"] {{ color: #b07000; }}
QGroupBox {{ border: 1px solid #d0d7e0; border-radius: 5px; margin-top: 12px; background: #ffffff; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; color: #2c3a48; font-weight: bold; }}
QSplitter::handle {{ background: #d8dde6; }}
"""


def font_path() -> Path:
    return Path(resources.__file__).parent / "fonts" / "wqy-microhei.ttc"


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """An icon from resources/icons by file name, with or without ``.svg``.

    Loaded once per name: the store tree asks for the same few icons thousands of times (a city has
    3,200 stores), and a copy of a QIcon shares its data."""
    if not name:
        return QIcon()
    if name not in _icons:
        file = Path(resources.__file__).parent / "icons" / (name if name.endswith(".svg") else f"{name}.svg")
        _icons[name] = QIcon(str(file)) if file.exists() else QIcon()
    return QIcon(_icons[name])


def load_bundled_font() -> str | None:
    """Register WenQuanYi Micro Hei; returns its family name (None if the file could not be loaded)."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def apply(app: QApplication) -> None:
    """Set style, palette, font and stylesheet on the application."""
    app.setStyle(QStyleFactory.create("Fusion"))
    family = load_bundled_font()
    font = QFont(family) if family else app.font()
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    palette = app.style().standardPalette()
    palette.setColor(QPalette.Highlight, QColor("#cfe2f6"))
    palette.setColor(QPalette.HighlightedText, QColor("#102030"))
    palette.setColor(QPalette.Link, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
