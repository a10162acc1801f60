"""Messages the core shows to people: Chinese first, translatable by the screens without Qt here.

A service writes ``msg("{field}不能为空，请填写一个正数。", field=label)``. The result *is* the
Chinese text (a ``str``), so the command line, logs and tests see exactly what they saw before, but
it also remembers its template and parameters. The desktop installs a translator (Qt Linguist,
context ``messages``) with :func:`set_translator`; :func:`localize` then renders the same message in
the user's language, translating parameters that are messages themselves (field labels) as well.

``scripts/update_translations.py`` finds every ``msg("...")`` literal in models/ and hands it to
lupdate, so the English translation lives in the same .ts file as the screens'.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Translator = Callable[[str], str]

_translator: Translator | None = None


class Msg(str):
    """Chinese text that remembers ``template`` and ``params`` for translation."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Msg:
        text = template.format(**params) if params else template
        message = super().__new__(cls, text)
        message.template = template
        message.params = params
        return message

    def __reduce__(self):  # pickling (worker processes, multiprocessing tests) keeps the template
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Msg:
    return Msg(template, **params)


def msg(template: str, /, **params: Any) -> Msg:
    """Mark a user-visible message (a literal template) for translation; returns the Chinese text."""
    return Msg(template, **params)


def set_translator(translator: Translator | None) -> None:
    """Install ``translator(template) -> translated template``; ``None`` keeps Chinese."""
    global _translator
    _translator = translator


def localize(text: object, translator: Translator | None = None) -> str:
    """``text`` in the user's language: a :class:`Msg` is translated, anything else is ``str()``-ed."""
    translate = translator or _translator
    if translate is None or not isinstance(text, Msg):
        return str(text)
    params = {name: _localize_param(value, translate) for name, value in text.params.items()}
    template = translate(text.template) or text.template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
        return str(text)


def _localize_param(value: Any, translate: Translator) -> Any:
    """Field labels arrive as messages or as plain Chinese words marked elsewhere with ``msg()``."""
    if isinstance(value, Msg):
        return localize(value, translate)
    if isinstance(value, str) and value:
        return translate(value) or value
    return value
