"""Per-machine preferences over QSettings, each declared once with its type and default.

As MusicBrainz Picard's ``options.py`` does, every key lives here instead of ``QSettings()`` calls
scattered across screens. Values are stored as text (JSON for lists, base64 for byte blobs) so the
Windows registry, INI files and macOS plists all give back the same types.

Shared settings (county name, backup policy) live in the database instead (models/schema/settings.py).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "ReserveKeeper"
APPLICATION = "ReserveKeeper"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: its key (``{name}`` is filled in for per-table keys), type and default."""

    key: str
    type: type
    default: T
    doc: str = ""

    def key_for(self, name: str | None) -> str:
        if "{name}" in self.key:
            if not name:
                raise ValueError(f"setting {self.key} needs a name")
            return self.key.format(name=name)
        return self.key


LANGUAGE = Setting("ui/language", str, "zh_CN", "zh_CN or en")
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"", "QMainWindow.saveGeometry()")
WINDOW_STATE = Setting("window/state", bytes, b"", "QMainWindow.saveState(): toolbars and docks")
SPLITTER_STATE = Setting("window/splitter", bytes, b"", "navigation / view splitter")
LAST_VIEW = Setting("window/last_view", str, "home", "key of the view shown at the last exit")
LAST_STORE = Setting("session/last_store", str, "", "store code selected in the navigation, '' = all")
LAST_USER = Setting("session/last_user", str, "admin", "user name offered by the login dialog")
HEADER_STATE = Setting("tables/{name}/header", bytes, b"", "QHeaderView.saveState(): widths, order, sort")
COLUMN_WIDTHS = Setting("tables/{name}/widths", list, [], "column widths in pixels, per table")
LAST_PRINTER = Setting("print/printer", str, "", "name of the printer used last")
PRINT_COPIES = Setting("print/copies", int, 1, "copies of each printed document")
LAST_EXPORT_DIR = Setting("files/export_dir", str, "", "folder of the last export or import")
EXPIRY_SOON_DAYS = Setting("dashboard/soon_days", int, 30, "first expiry window on the home view")
EXPIRY_LATER_DAYS = Setting("dashboard/later_days", int, 90, "second expiry window on the home view")
ADEQUACY_PEOPLE = Setting("dashboard/people", int, 5000, "people of the home view's adequacy tile (county grade)")
ADEQUACY_DAYS = Setting("dashboard/days", int, 15, "days of the home view's adequacy tile")
RECENT_DATABASES = Setting("files/recent_databases", list, [], "databases opened before")

ALL_SETTINGS = [value for value in list(globals().values()) if isinstance(value, Setting)]


def _encode(setting: Setting, value: Any) -> str:
    if setting.type is bytes:
        data = bytes(value.data()) if isinstance(value, QByteArray) else bytes(value)
        return base64.b64encode(data).decode("ascii")
    if setting.type in (list, dict):
        return json.dumps(value, ensure_ascii=False)
    if setting.type is bool:
        return "true" if value else "false"
    return str(setting.type(value))


def _decode(setting: Setting, raw: Any) -> Any:
    if setting.type is bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        return base64.b64decode(str(raw).encode("ascii"), validate=True)
    if setting.type in (list, dict):
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, setting.type):
            raise ValueError("wrong type")
        return value
    if setting.type is bool:
        return str(raw).lower() in ("1", "true", "yes")
    return setting.type(raw)


class Settings:
    """Typed access to the declared settings. A value that cannot be read gives the default."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qsettings = qsettings or QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)

    def get(self, setting: Setting[T], name: str | None = None) -> T:
        raw = self._qsettings.value(setting.key_for(name))
        if raw is None or raw == "":
            return _copy(setting.default)
        try:
            return _decode(setting, raw)
        except (ValueError, TypeError, json.JSONDecodeError):
            return _copy(setting.default)

    def set(self, setting: Setting[T], value: T, name: str | None = None) -> None:
        self._qsettings.setValue(setting.key_for(name), _encode(setting, value))

    def reset(self, setting: Setting, name: str | None = None) -> None:
        self._qsettings.remove(setting.key_for(name))

    def sync(self) -> None:
        self._qsettings.sync()

    def file_name(self) -> str:
        return self._qsettings.fileName()


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value


_current: Settings | None = None


def install(settings: Settings) -> Settings:
    """Make ``settings`` the one the program uses (tests install one over a temporary INI file)."""
    global _current
    _current = settings
    return settings


def current() -> Settings:
    global _current
    if _current is None:
        _current = Settings()
    return _current
