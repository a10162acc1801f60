"""Shared settings kept in the database (county name, area code, backup policy): one row per key.

Per-machine preferences (window layout, language, last printer) live in QSettings on the desktop.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.schema.base import Base


class AppSetting(Base):
    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
