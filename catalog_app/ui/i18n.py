"""The UI language: Qt translators installed and swapped at run time, without a restart.

Strings in ui/ are written in English and marked with ``self.tr()`` (context: the class name) or
``QCoreApplication.translate("Context", ...)``. ``scripts/build_translations.py`` extracts them
into ``resources/translations/catalog_app_zh_CN.ts`` and compiles the ``.qm`` loaded here.

Switching language: ``LanguageManager.set_language()`` records the new language first, then
swaps the translators; Qt sends ``QEvent.LanguageChange`` to every widget, whose
``changeEvent()`` calls its ``retranslate()`` (which reads the language for data labels from
the manager). ``language_changed`` is emitted last, for non-widget listeners.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from catalog_app.domain.text import SUPPORTED_LANGUAGES, normalise_language
from catalog_app.locations import resources_dir

log = logging.getLogger(__name__)

CATALOG_NAME = "catalog_app"
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qm_path(lang: str) -> Path:
    """The compiled main catalogue of a language (built by scripts/build_translations.py)."""
    return translations_dir() / f"{CATALOG_NAME}_{lang}.qm"


def part_qm_paths(lang: str) -> list[Path]:
    """The compiled catalogues of the UI's parts (``catalog_app-<part>_<lang>.qm``)."""
    return sorted(translations_dir().glob(f"{CATALOG_NAME}-*_{lang}.qm"))


def is_chinese(lang: str) -> bool:
    return lang.startswith("zh")


class LanguageManager(QObject):
    """Owns the installed translators and the current UI language.

    Signals:
        language_changed(str): after the translators were swapped; the new language code.
    """

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, language: str, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._language = SOURCE_LANGUAGE
        self._translators: list[QTranslator] = []
        self.problem = ""
        self.set_language(language)

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Switch the UI language now; unknown names fall back like the CLI's ``--lang``."""
        language = normalise_language(language)
        if language not in SUPPORTED_LANGUAGES:
            language = SOURCE_LANGUAGE
        if language == self._language and (self._translators or language == SOURCE_LANGUAGE):
            return
        self._language = language
        # Dates, sizes and numbers Qt formats follow the UI language too.
        QLocale.setDefault(QLocale("zh_CN" if is_chinese(language) else "en_US"))
        for translator in self._translators:
            self._app.removeTranslator(translator)
            translator.deleteLater()  # a child of this manager: would live as long as it
        self._translators = []
        self.problem = ""
        if language != SOURCE_LANGUAGE:
            self._install(language)
        self.language_changed.emit(language)

    def _install(self, language: str) -> None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(self)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_translator)
            self._translators.append(qt_translator)
        for part in part_qm_paths(language):
            part_translator = QTranslator(self)
            if part_translator.load(str(part)):
                self._app.installTranslator(part_translator)
                self._translators.append(part_translator)
            else:
                log.error("could not load translations %s", part)
        app_translator = QTranslator(self)
        path = qm_path(language)
        if app_translator.load(str(path)):
            self._app.installTranslator(app_translator)
            self._translators.append(app_translator)
        else:
            # Data (model names, spec labels) still shows in this language; only the UI's own
            # strings stay English. A packaged build always contains the .qm.
            self.problem = (
                f"Translations for {language} not found ({path}); run scripts/build_translations.py"
            )
            log.error(self.problem)
