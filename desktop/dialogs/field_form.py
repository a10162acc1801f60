"""A form whose fields each carry an error line right under them.

Services raise ``DomainError(field="物资编码")``; ``show_error`` puts the message under the widget
registered with that field name, or in the form's general error line if no field matches.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from models.errors import DomainError


class FieldForm(QFormLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

    def add(self, field: str, caption: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QComboBox):  # combos otherwise keep their narrow size hint in the form
            widget.setSizePolicy(QSizePolicy.Expanding, widget.sizePolicy().verticalPolicy())
        column.addWidget(widget)
        error = QLabel(box)
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.addRow(caption, box)
        self.widgets[field] = widget
        self.errors[field] = error
        return widget

    def add_general_error(self) -> None:
        self.addRow(self.general_error)

    def set_error(self, field: str, message: str | None) -> None:
        label = self.errors.get(field, self.general_error)
        label.setText(message or "")
        label.setVisible(bool(message))
        widget = self.widgets.get(field)
        if widget is not None:
            widget.setProperty("invalid", bool(message))
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def show_error(self, error: DomainError) -> None:
        field = error.field if error.field in self.errors else None
        if field is None:
            self.set_error("", error.message)
        else:
            self.set_error(field, error.message)
            self.widgets[field].setFocus()

    def clear_errors(self) -> None:
        for field in self.errors:
            self.set_error(field, None)
        self.set_error("", None)

    def has_errors(self) -> bool:
        return any(not label.isHidden() and label.text() for label in self.errors.values())

    def error_text(self, field: str) -> str:
        label = self.errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""


def date_edit(parent: QWidget, value: dt.date) -> QDateEdit:
    """A date box with a calendar, showing ISO dates (2026-06-01) whatever the system's locale."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())
