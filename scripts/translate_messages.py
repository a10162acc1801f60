"""Write English translations of models/ messages into the Linguist source (context ``messages``).

Translators normally use Qt Linguist; this script is for engineers who convert a batch of messages
and know their English at once. It takes a JSON object ``{"Chinese template": "English template"}``
(or, for a screen's strings, ``{"@ContextName": {"中文": "English"}}``), refreshes the .ts (so new ``msg()`` templates are present), sets each translation and marks it
finished. Placeholders (``{field}``) must match; a mismatch is refused.

    python scripts/translate_messages.py path/to/en.json
    python scripts/translate_messages.py --missing     # list templates still without English
    python scripts/translate_messages.py --unconverted # list Chinese messages in models/ not yet msg()
"""

from __future__ import annotations

import argparse
import contextlib
import json
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

TS = ROOT / "resources" / "translations" / "reserve_keeper_en.ts"
LOCK = ROOT / "resources" / "translations" / ".ts.lock"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@contextlib.contextmanager
def ts_lock():
    """Engineers converting messages in parallel must not overwrite each other's .ts edits."""
    try:
        import fcntl
    except ImportError:  # Windows: no parallel engineers there
        yield
        return
    with open(LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def find_context(tree, name: str | None = None):
    from desktop.i18n import MESSAGES_CONTEXT

    for context in tree.getroot().iter("context"):
        if context.findtext("name") == (name or MESSAGES_CONTEXT):
            return context
    return None


def apply(translations: dict) -> list[str]:
    from lxml import etree

    import update_translations

    by_context = {None: {k: v for k, v in translations.items() if not k.startswith("@")}}
    by_context.update({k[1:]: v for k, v in translations.items() if k.startswith("@")})
    problems = [f"placeholders differ: {zh!r} -> {en!r}" for table in by_context.values()
                for zh, en in table.items() if placeholders(zh) != placeholders(en)]
    if problems:
        return problems
    update_translations.update()
    tree = etree.parse(str(TS))
    for name, table in by_context.items():
        context = find_context(tree, name)
        seen = set()
        for message in context.iter("message") if context is not None else ():
            source = message.findtext("source")
            if source in table:
                node = message.find("translation")
                node.text = table[source]
                node.attrib.pop("type", None)
                seen.add(source)
        problems += [f"not in context {name or 'messages'}: {zh!r}" for zh in table if zh not in seen]
    tree.write(str(TS), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    update_translations.update()  # back to lupdate's own layout
    return problems


def missing() -> list[str]:
    from lxml import etree

    return [f"{c.findtext('name')}: {m.findtext('source')}" for c in etree.parse(str(TS)).getroot().iter("context")
            for m in c.iter("message")
            if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "")]


def _has_chinese(node) -> bool:
    import ast

    texts = [node.value] if isinstance(node, ast.Constant) else [
        part.value for part in getattr(node, "values", []) if isinstance(part, ast.Constant)]
    return any(isinstance(text, str) and any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in texts)


def unconverted() -> list[str]:
    """``SomethingError("中文…")`` / ``f"…"`` in models/: messages a screen cannot translate yet."""
    import ast

    found = []
    for path in sorted((ROOT / "models").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name.endswith("Error") and node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr)) \
                    and _has_chinese(node.args[0]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
            if name == "msg" and node.args and not isinstance(node.args[0], ast.Constant):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: msg() with a non-literal template")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", nargs="?", type=Path)
    parser.add_argument("--missing", action="store_true", help="list strings (any context) without English")
    parser.add_argument("--unconverted", action="store_true", help="list messages in models/ not yet msg()")
    args = parser.parse_args()
    if args.unconverted:
        for site in unconverted():
            print(site)
        return 0
    with ts_lock():
        if args.json:
            problems = apply(json.loads(args.json.read_text(encoding="utf-8")))
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                return 1  # the translations that matched were still written
        if args.missing:
            import update_translations

            update_translations.update()
            for template in missing():
                print(template)
    return 0


if __name__ == "__main__":
    sys.exit(main())
