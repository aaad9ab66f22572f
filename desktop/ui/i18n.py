"""Language choice, translators and the helpers that turn findings and numbers into text.

Indonesian is the source language of every string; English comes from
``resources/translations/sigap_en.qm`` (regenerate with ``scripts/translations.py``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.domain.findings import DomainError, Finding
from desktop.ui.resources import resource_path

log = logging.getLogger(__name__)

LANG_ENV = "SIGAP_LANG"
SOURCE_LANGUAGE = "id"
LANGUAGES = ("id", "en")

_LOCALES = {
    "id": (QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def language_override(env: Mapping[str, str] = os.environ) -> str | None:
    """The language ``$SIGAP_LANG`` imposes ("en" or "id"), None when it is not set."""
    wanted = env.get(LANG_ENV, "").strip().lower()
    if not wanted:
        return None
    return "en" if wanted.startswith("en") else SOURCE_LANGUAGE


def chosen_language(
    env: Mapping[str, str] = os.environ,
    ui_languages: list[str] | None = None,
    saved: str | None = None,
) -> str:
    """Return "en" or "id": ``$SIGAP_LANG`` first, then the language chosen in the app
    (*saved*), then the system's preferred UI languages."""
    forced = language_override(env)
    if forced is not None:
        return forced
    if saved in LANGUAGES:
        return saved
    for language in QLocale.system().uiLanguages() if ui_languages is None else ui_languages:
        tag = language.lower()
        if tag.startswith(("id", "in")):
            return "id"
        if tag.startswith("en"):
            return "en"
    return SOURCE_LANGUAGE


def translation_file(language: str) -> str:
    """Return the path of the compiled translation (.qm) installed for *language*."""
    name = "qtbase_id.qm" if language == SOURCE_LANGUAGE else f"sigap_{language}.qm"
    return str(resource_path("translations", name))


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Set the default locale and install the translator for *language*.

    English loads Sigap's English translation. Indonesian, the language of Sigap's own
    strings, loads the Indonesian translation of Qt's strings (buttons, text-field menus,
    the file dialog) that Qt itself does not ship.
    """
    QLocale.setDefault(QLocale(*_LOCALES.get(language, _LOCALES[SOURCE_LANGUAGE])))
    path = translation_file(language)
    translator = QTranslator(app)  # parented to the app, so it lives as long as the app
    if not translator.load(path):
        log.warning("translation for %s not found at %s", language, path)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def translate(context: str, text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP(context, text)."""
    return QCoreApplication.translate(context, text)


def finding_text(finding: Finding) -> str:
    """Return a finding's message in the user's language."""
    return finding.render(translate)


def error_text(error: DomainError) -> str:
    """Return a domain error's message in the user's language."""
    return finding_text(error.finding)


def ui_language() -> str:
    """The language the interface runs in ("id" or "en"), as the formatting helpers take it."""
    return "en" if QLocale().language() == QLocale.Language.English else SOURCE_LANGUAGE


def number(value: int) -> str:
    """Format an integer with the locale's digit grouping ("2.000" in Indonesian)."""
    return QLocale().toString(value)
