"""Render resources/icons/app.svg to a multi-purpose raster icon (``.ico`` for Windows, or ``.png``).

    python scripts/make_icon.py OUTPUT.ico [--size 256]

Used by build.spec at build time; the generated file is never committed. Runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"


def render(output: Path, size: int = 256) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (image plugins need it)
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(output)):
        raise SystemExit(f"could not write {output} (no Qt image plugin for {output.suffix}?)")
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--size", type=int, default=256)
    args = parser.parse_args()
    print(render(args.output, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
