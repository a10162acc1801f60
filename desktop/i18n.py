"""Languages: Chinese (zh_CN) is the source language of every string; English comes from Qt Linguist.

The English ``.ts`` source in resources/translations is committed; the ``.qm`` it compiles to is
built with ``pyside6-lrelease`` (by the build, by the tests, or here on first use) and never
committed. Qt's own dialogs (file pickers, message box buttons) use Qt's ``qtbase`` catalogues.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from models.messages import set_translator

SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
CATALOGUE = "reserve_keeper"
MESSAGES_CONTEXT = "messages"  # the Linguist context of models.messages.msg() templates

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return Path(resources.__file__).parent / "translations"


def ts_files() -> list[Path]:
    return sorted(translations_dir().glob(f"{CATALOGUE}_*.ts"))


def _lrelease_command() -> list[str] | None:
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / "lrelease", Path(PySide6.__file__).parent / "lrelease.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    scripts = Path(sys.executable).parent / "pyside6-lrelease"
    return [str(scripts)] if scripts.exists() else None


def compile_translations(target_dir: Path | None = None, *, force: bool = False) -> list[Path]:
    """Build a ``.qm`` for every ``.ts`` that has none or an older one. Returns the ``.qm`` paths."""
    built = []
    command = _lrelease_command()
    for ts in ts_files():
        qm = (target_dir or ts.parent) / ts.with_suffix(".qm").name
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            if command is None:
                continue
            qm.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        built.append(qm)
    return built


def _qm_for(language: str) -> Path | None:
    name = f"{CATALOGUE}_{language}.qm"
    shipped = translations_dir() / name
    ts = shipped.with_suffix(".ts")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return shipped if shipped.exists() else None
    for target in (translations_dir(), Path(tempfile.gettempdir()) / "reserve-keeper-qm"):
        try:
            compile_translations(target)
        except (OSError, subprocess.CalledProcessError):
            continue
        if (target / name).exists():
            return target / name
    return None


def install_language(language: str) -> str:
    """Load the program's and Qt's catalogues for ``language``; returns the language in effect."""
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = SOURCE_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    qt_catalogue = "qtbase_zh_CN" if language == "zh_CN" else None
    if qt_catalogue:
        translator = QTranslator(app)
        if translator.load(qt_catalogue, qt_dir):
            app.installTranslator(translator)
            _installed.append(translator)
    if language != SOURCE_LANGUAGE:
        qm = _qm_for(language)
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China) if language == "zh_CN" else QLocale(QLocale.English, QLocale.UnitedKingdom))
    set_translator(None if language == SOURCE_LANGUAGE else _translate_message)
    return language


def _translate_message(template: str) -> str:
    """Messages from models/ (errors, warnings) are translated in the ``messages`` context."""
    return translated(MESSAGES_CONTEXT, template)


def translated(context: str, text: str) -> str:
    """Translate outside a QObject (view titles, enum labels)."""
    translate = QCoreApplication.translate  # not spelled out, so lupdate does not take it for a string
    return translate(context, text)
