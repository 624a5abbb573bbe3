"""Messages for people in their language, for the layers below the UI (which use Qt's tr()).

Errors raised by the store and the services carry a ``Bilingual`` text and its parameters; the
GUI and the CLI render it in the user's language with ``UserFacingError.text(lang)``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

SUPPORTED_LANGUAGES = ("zh_CN", "en")


def normalise_language(value: str | None) -> str:
    """Map a locale name (``zh_CN.UTF-8``, ``zh``, ``en_US``) to a supported UI language."""
    if value and value.lower().startswith("zh"):
        return "zh_CN"
    if value and value.lower().startswith("en"):
        return "en"
    return "zh_CN" if not value else "en"


def default_language() -> str:
    """The language from CATALOG_APP_LANG, else the system locale; Chinese if nothing is set."""
    for name in ("CATALOG_APP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return normalise_language(value)
    return "zh_CN"


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def render(self, lang: str, **params: Any) -> str:
        template = self.zh if lang.startswith("zh") else self.en
        return template.format(**params) if params else template


class UserFacingError(Exception):
    """An error whose message is meant for the user, in their language."""

    def __init__(self, message: Bilingual, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(message.render("en", **params))

    def text(self, lang: str) -> str:
        return self.message.render(lang, **self.params)
