"""用户手册: docs/manual.md (or manual.en.md in English) shown in a window, pictures included.

The manual ships inside the bundle (build.spec puts docs/ next to resources/); from a source checkout
it is read from the repository's docs/ folder. Screenshots that were not generated are replaced by
their caption instead of a broken picture.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImageReader, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import settings as app_settings

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<path>[^)\s]+)\)")


def docs_folder() -> Path | None:
    """Where the manual is: the bundle's docs/ or the source checkout's docs/."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "docs")
    candidates.append(Path(__file__).resolve().parents[2] / "docs")
    return next((folder for folder in candidates if (folder / "manual.md").is_file()), None)


def manual_file(language: str | None = None) -> Path | None:
    folder = docs_folder()
    if folder is None:
        return None
    language = language or app_settings.current().get(app_settings.LANGUAGE)
    english = folder / "manual.en.md"
    return english if language == "en" and english.is_file() else folder / "manual.md"


def manual_markdown(path: Path) -> str:
    """The manual's text, with missing screenshots replaced by their caption in italics."""
    folder = path.parent

    def picture(match: re.Match) -> str:
        return match.group(0) if (folder / match.group("path")).is_file() else f"*（{match.group('alt')}）*"

    return IMAGE.sub(picture, path.read_text(encoding="utf-8"))


class ManualDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("储备管家 用户手册"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(manual_markdown(path))
        self.fit_images(path.parent)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(980, 760)

    def fit_images(self, folder: Path, width: int = 860) -> None:
        """Screenshots are 1366 px wide: show them at most ``width`` px (the window is 980) so no sideways scrolling."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                image = fragment.charFormat().toImageFormat() if fragment.isValid() else None
                if image is not None and image.isValid():
                    size = QImageReader(str(folder / image.name())).size()
                    if size.isValid() and size.width() > width:
                        image.setWidth(width)
                        image.setHeight(size.height() * width / size.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.KeepAnchor)
                        cursor.setCharFormat(image)
                iterator += 1
            block = block.next()

    @classmethod
    def show_manual(cls, parent: QWidget | None = None) -> "ManualDialog | None":
        """Open the manual without blocking the main window; None if it is not installed."""
        path = manual_file()
        if path is None:
            return None
        dialog = cls(path, parent)
        dialog.show()
        return dialog
