"""Refresh the Qt Linguist sources (resources/translations/*.ts) from the desktop code.

Runs ``pyside6-lupdate`` over every module in desktop/ and over the view titles registered through
``VIEW_SPEC`` (they are plain strings in the registry, so they are listed here for lupdate).
Existing translations are kept; new strings appear as unfinished for a translator to fill in with
Qt Linguist (``pyside6-linguist resources/translations/reserve_keeper_en.ts``).

    python scripts/update_translations.py            # update the .ts files
    python scripts/update_translations.py --release  # also build the .qm files (never committed)
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LANGUAGES = ["en"]


def view_titles_source() -> str:
    from desktop.views.registry import discover_views

    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for spec in discover_views():
        lines.append(f'QT_TRANSLATE_NOOP("views", {json.dumps(spec.title, ensure_ascii=False)})')
    return "\n".join(lines) + "\n"


def model_messages() -> list[str]:
    """Every literal template passed to ``msg(...)`` in models/ (see models/messages.py)."""
    found: set[str] = set()
    for path in sorted((ROOT / "models").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and _called_name(node.func) == "msg" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return sorted(found)


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def model_messages_source() -> str:
    from desktop.i18n import MESSAGES_CONTEXT

    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for template in model_messages():
        lines.append(f"QT_TRANSLATE_NOOP({json.dumps(MESSAGES_CONTEXT)}, {json.dumps(template, ensure_ascii=False)})")
    return "\n".join(lines) + "\n"


def lupdate_command() -> list[str]:
    import PySide6

    binary = Path(PySide6.__file__).parent / ("lupdate.exe" if os.name == "nt" else "lupdate")
    return [str(binary)] if binary.exists() else ["pyside6-lupdate"]


def update() -> None:
    sources = sorted(str(path) for path in (ROOT / "desktop").rglob("*.py"))
    with tempfile.TemporaryDirectory() as folder:
        titles = Path(folder) / "view_titles.py"
        titles.write_text(view_titles_source(), encoding="utf-8")
        messages = Path(folder) / "model_messages.py"
        messages.write_text(model_messages_source(), encoding="utf-8")
        for language in LANGUAGES:
            ts = ROOT / "resources" / "translations" / f"reserve_keeper_{language}.ts"
            subprocess.run([*lupdate_command(), "-locations", "none", "-no-obsolete", "-source-language", "zh_CN",
                            "-target-language", language, *sources, str(titles), str(messages), "-ts", str(ts)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="also compile the .qm files")
    args = parser.parse_args()
    update()
    if args.release:
        from desktop.i18n import compile_translations

        for qm in compile_translations(force=True):
            print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
